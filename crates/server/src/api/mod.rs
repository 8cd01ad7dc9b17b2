//! The API: every operation Keyward answers, IAM and STS.

pub mod iam;
pub mod operations;
pub mod sts;

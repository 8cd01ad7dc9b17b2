//! The AWS Query protocol: request decoding and XML response encoding.

pub mod query;
pub mod xml;

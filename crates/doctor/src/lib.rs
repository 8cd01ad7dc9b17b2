//! `keyward doctor`: which AWS credentials, region and endpoint a process would use, why, where
//! the SDKs disagree, and whether the credentials work against an endpoint.
//!
//! The resolver ([`resolve::resolve`]) is a pure function of an injected environment, files and
//! clock, so fixtures can replay any machine. The live checks ([`live::run`]) carry the
//! resolved plan out against the endpoint with bounded timeouts; [`audit`] reviews every access
//! key of an account.

pub mod audit;
pub mod ini;
pub mod input;
pub mod live;
pub mod model;
pub mod profiles;
pub mod report;
pub mod resolve;
pub mod workloads;
pub mod xml;

pub use input::{Environment, FileSystem, Input, MemoryFileSystem, Overrides, RealFileSystem};
pub use model::{Code, Finding, Location, Severity, Source};
pub use resolve::{resolve, resolve_here, Resolution};

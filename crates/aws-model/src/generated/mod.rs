//! Per-operation tables of the embedded Query and JSON services, written by
//! `cargo run -p keyward-aws-model --bin generate` from the vendored models, so handlers match
//! operation names from the model rather than hand-typed strings. A test checks the tables
//! against the models, so a model refresh without regeneration fails.

pub mod iam;
pub mod organizations;
pub mod sts;

/// One operation of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation's name (`Action` of Query requests).
    pub name: &'static str,
    /// Input structure shape.
    pub input: Option<&'static str>,
    /// Output structure shape.
    pub output: Option<&'static str>,
    /// Query output wrapper element (`CreateUserResult`).
    pub result_wrapper: Option<&'static str>,
    /// Errors the operation declares.
    pub errors: &'static [ErrorInfo],
}

/// One declared error of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The error shape's name.
    pub shape: &'static str,
    /// Wire code.
    pub code: &'static str,
    /// HTTP status.
    pub http_status: u16,
    /// `Sender` (`true`) or `Receiver`.
    pub sender_fault: bool,
}

//! Operation errors as the model declares them: wire code, HTTP status and fault side.

use crate::model::ServiceModel;

/// One error an operation can return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperationError {
    /// The error shape's name, e.g. `NoSuchEntityException`.
    pub shape: String,
    /// The wire code (`error.code`, else the shape name), e.g. `NoSuchEntity`.
    pub code: String,
    /// HTTP status (`error.httpStatusCode`; 400 when the model gives none, as for
    /// client errors of the Query protocol).
    pub http_status: u16,
    /// `true`: `Sender` (the caller's fault); `false`: `Receiver`.
    pub sender_fault: bool,
}

impl ServiceModel {
    /// The error shape `shape_name` as an [`OperationError`], if the model defines it.
    pub fn error_shape(&self, shape_name: &str) -> Option<OperationError> {
        let shape = self.shape(shape_name)?;
        let info = shape.error.as_ref();
        Some(OperationError {
            shape: shape_name.to_owned(),
            code: info
                .and_then(|e| e.code.clone())
                .unwrap_or_else(|| shape_name.to_owned()),
            http_status: info.and_then(|e| e.http_status_code).unwrap_or(400),
            sender_fault: info.is_some_and(|e| e.sender_fault),
        })
    }

    /// The errors `operation` declares, in model order; `None` for an unknown operation.
    pub fn operation_errors(&self, operation: &str) -> Option<Vec<OperationError>> {
        let op = self.operation(operation)?;
        Some(
            op.errors
                .iter()
                .filter_map(|e| self.error_shape(&e.shape))
                .collect(),
        )
    }

    /// The error with wire code `code` among all of the model's error shapes.
    pub fn error_by_code(&self, code: &str) -> Option<OperationError> {
        self.shapes()
            .filter(|(_, shape)| shape.exception || shape.error.is_some())
            .filter_map(|(name, _)| self.error_shape(name))
            .find(|e| e.code == code)
    }
}

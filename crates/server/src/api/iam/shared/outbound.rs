//! What the outbound identity federation operations share: they take no input (AWS's model
//! gives them none), act on the whole account, and answer in the same words. The issuer
//! itself (switch and keys) lives in [`crate::directory::web_identity_issuer`].

use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;

use crate::error::ApiError;

/// The input of an operation whose model has no input shape.
pub(crate) struct NoInput;

impl FromValue for NoInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| NoInput)
    }
}

/// `FeatureEnabled`, in the words of the IAM API reference's error description.
pub(crate) fn already_enabled() -> ApiError {
    ApiError::FeatureEnabled(
        "The request failed because outbound identity federation is already enabled for your \
         AWS account. You cannot enable the feature multiple times."
            .to_owned(),
    )
}

/// `FeatureDisabled` for a disable of a feature that is off, in the API reference's words.
pub(crate) fn already_disabled() -> ApiError {
    ApiError::FeatureDisabled(
        "The request failed because outbound identity federation is already disabled for your \
         AWS account. You cannot disable the feature multiple times."
            .to_owned(),
    )
}

/// `FeatureDisabled` for the configuration of an account that never enabled the feature.
pub(crate) fn never_enabled() -> ApiError {
    ApiError::FeatureDisabled(
        "Outbound identity federation is not enabled for your AWS account.".to_owned(),
    )
}

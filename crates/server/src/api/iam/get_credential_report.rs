//! `GetCredentialReport`: the latest credential report, base64 CSV, while it is under four
//! hours old; `ReportNotPresent` before any and `ReportExpired` after.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_aws_model::generated::iam::operation;
use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;

use super::shared::account::account_resource;
use super::shared::credential_report::latest;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// The input of `GetCredentialReport`, which has none: AWS's model gives the operation no
/// input shape, so nothing is generated for it.
pub(crate) struct GetCredentialReportInput;

impl FromValue for GetCredentialReportInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| GetCredentialReportInput)
    }
}

pub(crate) struct GetCredentialReport;

impl Operation for GetCredentialReport {
    type Input = GetCredentialReportInput;
    const NAME: &'static str = operation::GET_CREDENTIAL_REPORT;

    fn new(_input: GetCredentialReportInput) -> Result<Self, ApiError> {
        Ok(GetCredentialReport)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let report = latest(state).await?.ok_or(ApiError::ReportNotPresent)?;
        if report.expired(state.clock.now()) {
            return Err(ApiError::ReportExpired);
        }
        Ok(Some(Element::parent(
            "GetCredentialReportResult",
            vec![
                Element::text("Content", BASE64.encode(report.content.as_bytes())),
                Element::text("ReportFormat", "text/csv"),
                Element::time("GeneratedTime", report.generated),
            ],
        )))
    }
}

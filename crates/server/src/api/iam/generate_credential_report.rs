//! `GenerateCredentialReport`: a new credential report unless the latest is under four hours
//! old (`COMPLETE`), as the IAM User Guide describes. Keyward builds the report within the
//! call, so the report is ready as soon as the call answers `STARTED`.

use keyward_aws_model::generated::iam::operation;
use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;

use super::shared::account::account_resource;
use super::shared::credential_report::{generate, latest};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// The input of `GenerateCredentialReport`, which has none: AWS's model gives the operation no
/// input shape, so nothing is generated for it.
pub(crate) struct GenerateCredentialReportInput;

impl FromValue for GenerateCredentialReportInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| GenerateCredentialReportInput)
    }
}

pub(crate) struct GenerateCredentialReport;

impl Operation for GenerateCredentialReport {
    type Input = GenerateCredentialReportInput;
    const NAME: &'static str = operation::GENERATE_CREDENTIAL_REPORT;

    fn new(_input: GenerateCredentialReportInput) -> Result<Self, ApiError> {
        Ok(GenerateCredentialReport)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let fields = match latest(state).await? {
            Some(report) if !report.expired(state.clock.now()) => {
                vec![Element::text("State", "COMPLETE")]
            }
            Some(_) => {
                generate(state).await?;
                vec![Element::text("State", "STARTED")]
            }
            None => {
                generate(state).await?;
                vec![
                    Element::text("State", "STARTED"),
                    Element::text(
                        "Description",
                        "No report exists. Starting a new report generation task",
                    ),
                ]
            }
        };
        Ok(Some(Element::parent(
            "GenerateCredentialReportResult",
            fields,
        )))
    }
}

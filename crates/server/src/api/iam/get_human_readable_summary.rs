//! `GetHumanReadableSummary`: an English summary of a delegation request's permissions —
//! actions grouped by service, resources and conditions. AWS writes it with a language model;
//! Keyward writes it deterministically from the rendered policy. Whoever may read the request
//! (`GetDelegationRequest`'s rules) may read its summary. Locales other than English answer
//! `NOT_SUPPORTED` with no content.

use keyward_aws_model::generated::iam::{input::GetHumanReadableSummaryInput, operation};

use super::shared::delegation::{access, attr, load, Request};
use crate::api::{Affected, Context, Operation};
use crate::authz::{authorize, Authorization};
use crate::delegation::summarize;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetHumanReadableSummary {
    id: String,
    locale: String,
    request: Option<Request>,
}

impl Operation for GetHumanReadableSummary {
    type Input = GetHumanReadableSummaryInput;
    const NAME: &'static str = operation::GET_HUMAN_READABLE_SUMMARY;

    fn new(input: GetHumanReadableSummaryInput) -> Result<Self, ApiError> {
        let parts: Vec<&str> = input.entity_arn.splitn(6, ':').collect();
        let id = match parts.as_slice() {
            ["arn", "aws", "iam", "", _account, resource] => {
                match resource.strip_prefix("delegation-request/") {
                    Some(id) if !id.is_empty() => id.to_owned(),
                    _ => {
                        return Err(ApiError::InvalidInput(format!(
                            "Entity {} is not supported: the only supported entity type is \
                             delegation-request.",
                            input.entity_arn
                        )))
                    }
                }
            }
            _ => {
                return Err(ApiError::InvalidInput(format!(
                    "EntityArn {} is not a valid ARN.",
                    input.entity_arn
                )))
            }
        };
        Ok(GetHumanReadableSummary {
            id,
            locale: input.locale.unwrap_or_else(|| "en".to_owned()),
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let request = load(ctx.state, &self.id).await?;
        let authorization = match access(ctx, &request, "GetHumanReadableSummary", true)? {
            // A party that may call GetDelegationRequest may always read the summary.
            Authorization::Standard { resource, .. } => {
                match authorize(
                    ctx.state,
                    ctx.caller,
                    "iam:GetDelegationRequest",
                    &resource,
                    ctx.facts,
                )
                .await
                {
                    Ok(()) => Authorization::UnlessDenied { resource },
                    Err(ApiError::AccessDenied(_)) => Authorization::standard(resource),
                    Err(e) => return Err(e),
                }
            }
            other => other,
        };
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, _ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        let english =
            self.locale == "en" || self.locale.starts_with("en-") || self.locale.starts_with("en_");
        let (content, state) = if english {
            (
                summarize(
                    &request.policy(),
                    request.get(attr::DESCRIPTION).unwrap_or_default(),
                    request.duration(),
                ),
                "AVAILABLE",
            )
        } else {
            (String::new(), "NOT_SUPPORTED")
        };
        Ok(Some(Element::parent(
            "GetHumanReadableSummaryResult",
            vec![
                Element::text("SummaryContent", content),
                Element::text("Locale", self.locale),
                Element::text("SummaryState", state),
            ],
        )))
    }
}

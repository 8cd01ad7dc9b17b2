//! `GenerateServiceLastAccessedDetails`: a report of when a user, group, role or managed
//! policy was last used to attempt each service its policies allow (and, at `ACTION_LEVEL`,
//! each tracked action), computed from the attempts Keyward recorded. The job is stored in
//! progress, computed within the call, and stored completed; its id is returned.

use keyward_aws_model::generated::iam::{
    input::GenerateServiceLastAccessedDetailsInput, operation,
};

use super::shared::access_advisor::{resolve, run_job};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GenerateServiceLastAccessedDetails {
    arn: String,
    action_level: bool,
}

impl Operation for GenerateServiceLastAccessedDetails {
    type Input = GenerateServiceLastAccessedDetailsInput;
    const NAME: &'static str = operation::GENERATE_SERVICE_LAST_ACCESSED_DETAILS;

    fn new(input: GenerateServiceLastAccessedDetailsInput) -> Result<Self, ApiError> {
        Ok(GenerateServiceLastAccessedDetails {
            arn: input.arn,
            action_level: input.granularity.as_deref() == Some("ACTION_LEVEL"),
        })
    }

    /// On the user, group, role or policy the report is about.
    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(self.arn.clone())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let target = resolve(ctx.state, &self.arn, true).await?;
        let id = run_job(ctx.state, ctx.caller, &target, &self.arn, self.action_level).await?;
        Ok(Some(Element::parent(
            "GenerateServiceLastAccessedDetailsResult",
            vec![Element::text("JobId", id)],
        )))
    }
}

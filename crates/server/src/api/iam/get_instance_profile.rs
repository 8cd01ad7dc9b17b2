//! `GetInstanceProfile`: an instance profile with its role and tags.

use keyward_aws_model::generated::iam::{input::GetInstanceProfileInput, operation};

use super::shared::instance_profiles::{load_profile, profile_element, profile_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetInstanceProfile(GetInstanceProfileInput);

impl Operation for GetInstanceProfile {
    type Input = GetInstanceProfileInput;
    const NAME: &'static str = operation::GET_INSTANCE_PROFILE;

    fn new(input: GetInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(GetInstanceProfile(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = profile_resource(ctx.state, &self.0.instance_profile_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let profile = load_profile(state, &self.0.instance_profile_name).await?;
        let element = profile_element(state, &profile, true).await?;
        Ok(Some(Element::parent(
            "GetInstanceProfileResult",
            vec![element],
        )))
    }
}

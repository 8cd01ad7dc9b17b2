//! `UntagUser`: removes tags by key.

use keyward_aws_model::generated::iam::{input::UntagUserInput, operation};
use keyward_store::StoreError;

use super::shared::{no_such_user, user_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct UntagUser(UntagUserInput);

impl Operation for UntagUser {
    type Input = UntagUserInput;
    const NAME: &'static str = operation::UNTAG_USER;

    fn new(input: UntagUserInput) -> Result<Self, ApiError> {
        Ok(UntagUser(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = user_resource(ctx.state, &self.0.user_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::User(self.0.user_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let name = &self.0.user_name;
        match ctx.state.store.untag_user(name, &self.0.tag_keys).await {
            Ok(()) => Ok(None),
            Err(StoreError::NotFound) => Err(no_such_user(name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}

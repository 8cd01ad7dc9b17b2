//! `GetUser`: the named user, or the caller (the root user too) when no name is given.

use keyward_aws_model::generated::iam::{input::GetUserInput, operation};

use super::shared::{full_user_element, load_user, user_or_caller, user_resource, user_tags};
use crate::api::{Affected, Context, Operation};
use crate::auth::identity::Identity;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetUser {
    name: Option<String>,
}

impl Operation for GetUser {
    type Input = GetUserInput;
    const NAME: &'static str = operation::GET_USER;

    fn new(input: GetUserInput) -> Result<Self, ApiError> {
        Ok(GetUser {
            name: input.user_name,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        if self.name.is_none() && ctx.caller.identity == Identity::Root {
            return Ok(Authorization::standard(Resource::arn(ctx.caller.arn())));
        }
        let name = user_or_caller(self.name.as_deref(), ctx.caller)?;
        Ok(Authorization::standard(
            user_resource(ctx.state, &name).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        if self.name.is_none() && ctx.caller.identity == Identity::Root {
            let root = Element::parent(
                "User",
                vec![
                    Element::text("UserId", &state.account.0),
                    Element::text("Arn", ctx.caller.arn()),
                    Element::time("CreateDate", state.created_at),
                ],
            );
            return Ok(Some(Element::parent("GetUserResult", vec![root])));
        }
        let name = user_or_caller(self.name.as_deref(), ctx.caller)?;
        let user = load_user(state, &name).await?;
        let tags = user_tags(state, &user.name).await?;
        let element = full_user_element(state, &user, &tags).await?;
        Ok(Some(Element::parent("GetUserResult", vec![element])))
    }
}

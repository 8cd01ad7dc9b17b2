//! `CreateUser`: a new IAM user, with tags and a permissions boundary if given.

use keyward_aws_model::generated::iam::{input::CreateUserInput, operation};
use keyward_store::{EntityKind, EntityRef, Relation, RelationKind, StoreError, Tag, User, UserId};

use super::shared::now_seconds;
use super::shared::{full_user_element, tags};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::authz::{Authorization, Resource};
use crate::directory::find_managed_policy;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateUser {
    name: String,
    path: String,
    tags: Vec<Tag>,
    boundary: Option<String>,
}

impl Operation for CreateUser {
    type Input = CreateUserInput;
    const NAME: &'static str = operation::CREATE_USER;

    fn new(input: CreateUserInput) -> Result<Self, ApiError> {
        Ok(CreateUser {
            name: input.user_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            tags: tags(input.tags)?,
            boundary: input.permissions_boundary,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = arn::user(&ctx.state.account, &self.path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = User {
            user_id: UserId(ids::user_id()),
            name: self.name,
            path: self.path,
            create_date: now_seconds(),
        };
        let own = EntityRef::new(EntityKind::User, &user.user_id.0);
        let mut relations = Vec::new();
        if let Some(arn) = &self.boundary {
            let policy = find_managed_policy(state, arn)
                .await?
                .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
            relations.push(Relation {
                kind: RelationKind::PermissionsBoundary,
                from: own,
                to: policy.target(),
            });
        }
        match state.store.create_user(&user, &self.tags, &relations).await {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::already_exists("User", &user.name))
            }
            Err(StoreError::NotFound) => {
                return Err(ApiError::policy_not_attachable(
                    self.boundary.as_deref().unwrap_or_default(),
                ))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let element = full_user_element(state, &user, &self.tags).await?;
        Ok(Some(Element::parent("CreateUserResult", vec![element])))
    }
}

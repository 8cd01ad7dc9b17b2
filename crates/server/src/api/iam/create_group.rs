//! `CreateGroup`: a new, empty IAM group.

use keyward_aws_model::generated::iam::{input::CreateGroupInput, operation};
use keyward_store::{Entity, EntityKind, StoreError};

use super::shared::groups::group_element;
use super::shared::{iam_arn, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateGroup {
    name: String,
    path: String,
}

impl Operation for CreateGroup {
    type Input = CreateGroupInput;
    const NAME: &'static str = operation::CREATE_GROUP;

    fn new(input: CreateGroupInput) -> Result<Self, ApiError> {
        Ok(CreateGroup {
            name: input.group_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Group, &self.path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let group = Entity {
            kind: EntityKind::Group,
            id: ids::prefixed("AGPA"),
            name: self.name,
            path: self.path,
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        match state.store.create_entity(&group, &[], &[], &[]).await {
            Ok(()) => Ok(Some(Element::parent(
                "CreateGroupResult",
                vec![group_element(state, &group)],
            ))),
            Err(StoreError::AlreadyExists) => Err(ApiError::already_exists("Group", &group.name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}

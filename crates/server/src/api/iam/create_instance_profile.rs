//! `CreateInstanceProfile`: a new instance profile, with no role yet and tags if given.

use keyward_aws_model::generated::iam::{input::CreateInstanceProfileInput, operation};
use keyward_store::{Entity, EntityKind, StoreError, Tag};

use super::shared::instance_profiles::profile_element;
use super::shared::tags;
use super::shared::{iam_arn, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateInstanceProfile {
    name: String,
    path: String,
    tags: Vec<Tag>,
}

impl Operation for CreateInstanceProfile {
    type Input = CreateInstanceProfileInput;
    const NAME: &'static str = operation::CREATE_INSTANCE_PROFILE;

    fn new(input: CreateInstanceProfileInput) -> Result<Self, ApiError> {
        Ok(CreateInstanceProfile {
            name: input.instance_profile_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(
            ctx.state,
            IamResourceType::InstanceProfile,
            &self.path,
            &self.name,
        );
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let profile = Entity {
            kind: EntityKind::InstanceProfile,
            id: ids::prefixed("AIPA"),
            name: self.name,
            path: self.path,
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        match state
            .store
            .create_entity(&profile, &self.tags, &[], &[])
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::EntityAlreadyExists(format!(
                    "Instance Profile {} already exists.",
                    profile.name
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let element = profile_element(state, &profile, true).await?;
        Ok(Some(Element::parent(
            "CreateInstanceProfileResult",
            vec![element],
        )))
    }
}

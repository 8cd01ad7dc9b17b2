//! `CreatePolicy`: a new customer managed policy, its document as version `v1`.

use keyward_aws_model::generated::iam::{input::CreatePolicyInput, operation};
use keyward_policy::PolicyKind;
use keyward_store::{attributes, Document, DocumentKind, Entity, EntityKind, StoreError, Tag};

use super::shared::policies::{policy_element, DESCRIPTION};
use super::shared::tags;
use super::shared::{check_policy_document, iam_arn, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::directory::ManagedPolicy;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreatePolicy {
    name: String,
    path: String,
    document: String,
    description: Option<String>,
    tags: Vec<Tag>,
}

impl Operation for CreatePolicy {
    type Input = CreatePolicyInput;
    const NAME: &'static str = operation::CREATE_POLICY;

    fn new(input: CreatePolicyInput) -> Result<Self, ApiError> {
        Ok(CreatePolicy {
            name: input.policy_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            document: input.policy_document,
            description: input.description,
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Policy, &self.path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        check_policy_document(&self.document, PolicyKind::Identity, None)?;
        let now = now_seconds();
        let mut entity = Entity {
            kind: EntityKind::Policy,
            id: ids::prefixed("ANPA"),
            name: self.name,
            path: self.path,
            create_date: now,
            attributes: Default::default(),
        };
        if let Some(d) = &self.description {
            entity.attributes = attributes([(DESCRIPTION, d.as_str())]);
        }
        let v1 = Document {
            owner: entity.reference(),
            kind: DocumentKind::PolicyVersion,
            name: "v1".into(),
            text: self.document,
            create_date: now,
            is_default: true,
        };
        match state
            .store
            .create_entity(&entity, &self.tags, &[v1], &[])
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::EntityAlreadyExists(format!(
                    "A policy called {} already exists. Duplicate names are not allowed.",
                    entity.name
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let policy = ManagedPolicy::Local(entity);
        let element = policy_element(state, &policy, 0, 0, true).await?;
        Ok(Some(Element::parent("CreatePolicyResult", vec![element])))
    }
}

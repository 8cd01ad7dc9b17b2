//! `CreateRole`: a new role with its trust policy, and a description, session limit,
//! permissions boundary and tags if given.

use keyward_aws_model::generated::iam::{input::CreateRoleInput, operation};
use keyward_policy::PolicyKind;
use keyward_store::{Entity, EntityKind, Relation, RelationKind, StoreError, Tag};

use super::shared::roles::{detailed_role_element, RoleView};
use super::shared::tags;
use super::shared::{check_policy_document, iam_arn, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::directory::find_managed_policy;
use crate::directory::roles::{DEFAULT_MAX_SESSION, DESCRIPTION, MAX_SESSION, TRUST_POLICY};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateRole {
    name: String,
    path: String,
    trust_policy: String,
    description: Option<String>,
    max_session: Option<i64>,
    boundary: Option<String>,
    tags: Vec<Tag>,
}

impl Operation for CreateRole {
    type Input = CreateRoleInput;
    const NAME: &'static str = operation::CREATE_ROLE;

    fn new(input: CreateRoleInput) -> Result<Self, ApiError> {
        Ok(CreateRole {
            name: input.role_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            trust_policy: input.assume_role_policy_document,
            description: input.description,
            max_session: input.max_session_duration,
            boundary: input.permissions_boundary,
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Role, &self.path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        check_policy_document(&self.trust_policy, PolicyKind::Trust, None)?;
        let mut role = Entity {
            kind: EntityKind::Role,
            id: ids::prefixed("AROA"),
            name: self.name,
            path: self.path,
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        role.attributes
            .insert(TRUST_POLICY.into(), self.trust_policy);
        role.attributes.insert(
            MAX_SESSION.into(),
            self.max_session.unwrap_or(DEFAULT_MAX_SESSION).to_string(),
        );
        if let Some(d) = self.description {
            role.attributes.insert(DESCRIPTION.into(), d);
        }
        let mut relations = Vec::new();
        if let Some(arn) = &self.boundary {
            let policy = find_managed_policy(state, arn)
                .await?
                .ok_or_else(|| ApiError::policy_not_attachable(arn))?;
            relations.push(Relation {
                kind: RelationKind::PermissionsBoundary,
                from: role.reference(),
                to: policy.target(),
            });
        }
        match state
            .store
            .create_entity(&role, &self.tags, &[], &relations)
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::already_exists("Role", &role.name))
            }
            Err(StoreError::NotFound) => {
                return Err(ApiError::policy_not_attachable(
                    &self.boundary.unwrap_or_default(),
                ))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let element = detailed_role_element(state, &role, RoleView::Created).await?;
        Ok(Some(Element::parent("CreateRoleResult", vec![element])))
    }
}

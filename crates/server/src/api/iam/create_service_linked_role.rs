//! `CreateServiceLinkedRole`: the role an AWS service uses on the account's behalf, named,
//! trusted and permitted as AWS defines it for that service
//! (`data/service-linked-roles.json`).

use keyward_aws_model::generated::iam::{input::CreateServiceLinkedRoleInput, operation};
use keyward_store::{Entity, EntityKind, Relation, RelationKind, StoreError};

use super::shared::roles::{detailed_role_element, RoleView};
use super::shared::service_linked_roles::{role_path, AWS_SERVICE_NAME};
use super::shared::{iam_arn, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::directory::find_managed_policy;
use crate::directory::linked_services::{linked_service, LinkedService};
use crate::directory::roles::{DEFAULT_MAX_SESSION, DESCRIPTION, MAX_SESSION, TRUST_POLICY};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

pub(crate) struct CreateServiceLinkedRole {
    service: &'static LinkedService,
    name: String,
    description: Option<String>,
}

impl Operation for CreateServiceLinkedRole {
    type Input = CreateServiceLinkedRoleInput;
    const NAME: &'static str = operation::CREATE_SERVICE_LINKED_ROLE;

    fn new(input: CreateServiceLinkedRoleInput) -> Result<Self, ApiError> {
        let service = linked_service(&input.aws_service_name).ok_or_else(|| {
            ApiError::InvalidInput(format!(
                "Service name {} is not eligible for a service-linked role.",
                input.aws_service_name
            ))
        })?;
        let name = match input.custom_suffix {
            None => service.role_name.clone(),
            Some(_) if !service.custom_suffix => {
                return Err(ApiError::InvalidInput(format!(
                    "Custom suffix is not allowed for {}",
                    service.service
                )))
            }
            Some(suffix) => format!("{}_{suffix}", service.role_name),
        };
        if name.len() > 64 {
            return Err(ApiError::Validation(vec![format!(
                "Value '{name}' at 'roleName' failed to satisfy constraint: Member must have \
                 length less than or equal to 64"
            )]));
        }
        Ok(CreateServiceLinkedRole {
            service,
            name,
            description: input.description,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let path = role_path(&self.service.service);
        let arn = iam_arn(ctx.state, IamResourceType::Role, &path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let service = self.service;
        let trust = serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": {"Service": [service.service]},
                "Action": ["sts:AssumeRole"],
            }],
        });
        let mut role = Entity {
            kind: EntityKind::Role,
            id: ids::prefixed("AROA"),
            name: self.name,
            path: role_path(&service.service),
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        role.attributes
            .insert(TRUST_POLICY.into(), trust.to_string());
        role.attributes
            .insert(MAX_SESSION.into(), DEFAULT_MAX_SESSION.to_string());
        role.attributes
            .insert(AWS_SERVICE_NAME.into(), service.service.clone());
        if let Some(d) = self.description {
            role.attributes.insert(DESCRIPTION.into(), d);
        }
        let policy_arn = format!(
            "arn:aws:iam::aws:policy/aws-service-role/{}",
            service.policy
        );
        let policy = find_managed_policy(state, &policy_arn)
            .await?
            .ok_or(ApiError::ServiceFailure)?;
        let relations = [Relation {
            kind: RelationKind::PolicyAttachment,
            from: role.reference(),
            to: policy.target(),
        }];
        match state.store.create_entity(&role, &[], &[], &relations).await {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::InvalidInput(format!(
                    "Service role name {} has been taken in this account, please try a \
                     different suffix.",
                    role.name
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let element = detailed_role_element(state, &role, RoleView::Created).await?;
        Ok(Some(Element::parent(
            "CreateServiceLinkedRoleResult",
            vec![element],
        )))
    }
}

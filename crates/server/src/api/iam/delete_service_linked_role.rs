//! `DeleteServiceLinkedRole`: starts the deletion of a service-linked role and answers its
//! task id. Keyward runs no AWS service that could still be using the role, so the task
//! deletes it at once and `GetServiceLinkedRoleDeletionStatus` answers `SUCCEEDED`.

use keyward_aws_model::generated::iam::{input::DeleteServiceLinkedRoleInput, operation};
use keyward_store::{Entity, EntityKind, RelationKind, StoreError};

use super::shared::delete_conflict;
use super::shared::now_seconds;
use super::shared::roles::{load_role, no_such_role, role_resource};
use super::shared::service_linked_roles::{AWS_SERVICE_NAME, TASK_PREFIX, TASK_STATUS};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct DeleteServiceLinkedRole(DeleteServiceLinkedRoleInput);

impl Operation for DeleteServiceLinkedRole {
    type Input = DeleteServiceLinkedRoleInput;
    const NAME: &'static str = operation::DELETE_SERVICE_LINKED_ROLE;

    fn new(input: DeleteServiceLinkedRoleInput) -> Result<Self, ApiError> {
        Ok(DeleteServiceLinkedRole(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = role_resource(ctx.state, &self.0.role_name).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Role(self.0.role_name.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let role = load_role(state, &self.0.role_name).await?;
        let Some(service) = role.attribute(AWS_SERVICE_NAME) else {
            return Err(ApiError::NoSuchEntity(format!(
                "Role {} is not a service-linked role.",
                role.name
            )));
        };
        let task_id = format!(
            "{TASK_PREFIX}{service}/{}/{}",
            role.name,
            uuid::Uuid::new_v4()
        );
        match state
            .store
            .remove_relation(RelationKind::PolicyAttachment, &role.reference(), None)
            .await
        {
            Ok(()) | Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
        match state
            .store
            .delete_entity(EntityKind::Role, &role.name)
            .await
        {
            Ok(_) => {}
            Err(StoreError::NotFound) => return Err(no_such_role(&role.name)),
            Err(StoreError::DeleteConflict(d)) => return Err(delete_conflict(d)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let mut task = Entity {
            kind: EntityKind::ServiceLinkedRoleDeletionTask,
            id: uuid::Uuid::new_v4().to_string(),
            name: task_id.clone(),
            path: "/".to_owned(),
            create_date: now_seconds(),
            attributes: Default::default(),
        };
        task.attributes
            .insert(TASK_STATUS.into(), "SUCCEEDED".to_owned());
        state
            .store
            .create_entity(&task, &[], &[], &[])
            .await
            .map_err(ApiError::from_store)?;
        Ok(Some(Element::parent(
            "DeleteServiceLinkedRoleResult",
            vec![Element::text("DeletionTaskId", task_id)],
        )))
    }
}

//! `GetServiceLinkedRoleDeletionStatus`: the status of a deletion task that
//! `DeleteServiceLinkedRole` started (`SUCCEEDED`, `IN_PROGRESS`, `FAILED` or `NOT_STARTED`
//! in AWS's words).

use keyward_aws_model::generated::iam::{
    input::GetServiceLinkedRoleDeletionStatusInput, operation,
};
use keyward_store::{EntityKind, StoreError};

use super::shared::iam_arn;
use super::shared::service_linked_roles::{parse_task_id, role_path, TASK_STATUS};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetServiceLinkedRoleDeletionStatus {
    task_id: String,
    service: String,
    role: String,
}

impl Operation for GetServiceLinkedRoleDeletionStatus {
    type Input = GetServiceLinkedRoleDeletionStatusInput;
    const NAME: &'static str = operation::GET_SERVICE_LINKED_ROLE_DELETION_STATUS;

    fn new(input: GetServiceLinkedRoleDeletionStatusInput) -> Result<Self, ApiError> {
        let task_id = input.deletion_task_id;
        let (service, role) = parse_task_id(&task_id)
            .map(|(s, r)| (s.to_owned(), r.to_owned()))
            .ok_or_else(|| {
                ApiError::InvalidInput(format!("Invalid deletion task id: {task_id}"))
            })?;
        Ok(GetServiceLinkedRoleDeletionStatus {
            task_id,
            service,
            role,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let path = role_path(&self.service);
        let arn = iam_arn(ctx.state, IamResourceType::Role, &path, &self.role);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let task = match ctx
            .state
            .store
            .get_entity(EntityKind::ServiceLinkedRoleDeletionTask, &self.task_id)
            .await
        {
            Ok(t) if t.name == self.task_id => t,
            Ok(_) | Err(StoreError::NotFound) => {
                return Err(ApiError::NoSuchEntity(format!(
                    "Deletion task {} cannot be found.",
                    self.task_id
                )))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let status = task.attribute(TASK_STATUS).unwrap_or("SUCCEEDED");
        Ok(Some(Element::parent(
            "GetServiceLinkedRoleDeletionStatusResult",
            vec![Element::text("Status", status)],
        )))
    }
}

//! What the service-linked role operations share, and the check every other role operation
//! makes: a service-linked role belongs to its service, so users cannot change its trust
//! policy, its permissions or delete it (`UnmodifiableEntity`) except through
//! `DeleteServiceLinkedRole`.

use keyward_store::{Entity, EntityKind, StoreError};

use crate::error::ApiError;
use crate::state::AppState;

/// Role attribute holding the service principal a service-linked role belongs to; only
/// `CreateServiceLinkedRole` sets it.
pub(crate) const AWS_SERVICE_NAME: &str = "AwsServiceName";
/// Deletion task attribute holding the task's status.
pub(crate) const TASK_STATUS: &str = "Status";
/// How every deletion task id starts (`task/aws-service-role/SERVICE/ROLE/UUID`).
pub(crate) const TASK_PREFIX: &str = "task/aws-service-role/";

/// The path AWS gives the service-linked roles of `service`.
pub(crate) fn role_path(service: &str) -> String {
    format!("/aws-service-role/{service}/")
}

/// Whether a role is a service-linked role.
pub(crate) fn is_service_linked(role: &Entity) -> bool {
    role.attribute(AWS_SERVICE_NAME).is_some()
}

/// `UnmodifiableEntity` when role `name` is a service-linked role. A missing role passes:
/// the operation answers `NoSuchEntity` itself.
pub(crate) async fn ensure_modifiable(state: &AppState, name: &str) -> Result<(), ApiError> {
    match state.store.get_entity(EntityKind::Role, name).await {
        Ok(role) if is_service_linked(&role) => Err(ApiError::protected_role(&role.name)),
        Ok(_) | Err(StoreError::NotFound) => Ok(()),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The service principal and role name a deletion task id names, if it is one.
pub(crate) fn parse_task_id(id: &str) -> Option<(&str, &str)> {
    let rest = id.strip_prefix(TASK_PREFIX)?;
    let mut parts = rest.split('/');
    let service = parts.next().filter(|s| !s.is_empty())?;
    let role = parts.next().filter(|s| !s.is_empty())?;
    let task = parts.next().filter(|s| !s.is_empty())?;
    if parts.next().is_some() || uuid::Uuid::parse_str(task).is_err() {
        return None;
    }
    Some((service, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_ids_name_service_and_role() {
        let id = "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/\
                  0b3b9c2e-8d8a-4c1e-9f3e-2f1d7c6b5a40";
        assert_eq!(
            parse_task_id(id),
            Some(("ecs.amazonaws.com", "AWSServiceRoleForECS"))
        );
        for bad in [
            "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
            "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/not-a-uuid",
            "deletion/aws-service-role/x/y/0b3b9c2e-8d8a-4c1e-9f3e-2f1d7c6b5a40",
            "task/aws-service-role//y/0b3b9c2e-8d8a-4c1e-9f3e-2f1d7c6b5a40",
        ] {
            assert_eq!(parse_task_id(bad), None, "{bad}");
        }
    }
}

//! What the access-key operations share: whose keys a request is about (the named user, or the
//! caller when no user is named), the resource that is authorized, and the pieces of their
//! responses. The service-specific credential operations follow the same rule for the user.

use keyward_store::KeyOwner;

use super::{load_user, user_resource};
use crate::auth::identity::{Caller, Identity};
use crate::authz::Resource;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// The principal an access-key operation targets: the named user, or the caller itself.
pub(crate) async fn key_owner(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<(KeyOwner, Identity), ApiError> {
    match name {
        Some(name) => {
            let user = load_user(state, &name).await?;
            Ok((KeyOwner::User(user.user_id.clone()), Identity::User(user)))
        }
        None => match &caller.identity {
            Identity::Root => Ok((KeyOwner::Root, Identity::Root)),
            Identity::User(u) => {
                let user = load_user(state, &u.name).await?;
                Ok((KeyOwner::User(user.user_id.clone()), Identity::User(user)))
            }
            Identity::RoleSession(_) | Identity::FederatedUser(_) | Identity::Delegated(_) => {
                Err(ApiError::user_name_required())
            }
        },
    }
}

/// The resource of an operation on the named user's credentials, or on the caller's when no
/// user is named: the root user is its own ARN; callers that are not users must name one.
pub(crate) async fn owner_resource(
    state: &AppState,
    caller: &Caller,
    name: Option<&str>,
) -> Result<Resource, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => user_resource(state, name).await,
        (None, Identity::User(u)) => user_resource(state, &u.name).await,
        (None, Identity::Root) => Ok(Resource::arn(caller.arn())),
        (None, Identity::RoleSession(_) | Identity::FederatedUser(_) | Identity::Delegated(_)) => {
            Err(ApiError::user_name_required())
        }
    }
}

/// NoSuchEntity for an access key, in IAM's words.
pub(crate) fn no_such_key(access_key_id: &str) -> ApiError {
    ApiError::no_such_access_key(access_key_id)
}

/// The `UserName` element, which root's keys do not have.
pub(crate) fn owner_name(principal: &Identity) -> Option<Element> {
    match principal {
        Identity::Root
        | Identity::RoleSession(_)
        | Identity::FederatedUser(_)
        | Identity::Delegated(_) => None,
        Identity::User(u) => Some(Element::text("UserName", &u.name)),
    }
}

//! What the instance-profile operations share: the profile lookup, its resource and its
//! response structure.

use keyward_store::{Entity, EntityKind, RelationKind, StoreError};

use super::{entity_tags, iam_arn, tags_element};
use crate::api::iam::shared::roles::role_element;
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Reads an instance profile by name, mapping absence to `NoSuchEntity`.
pub(crate) async fn load_profile(state: &AppState, name: &str) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity(EntityKind::InstanceProfile, name)
        .await
    {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(ApiError::no_such_instance_profile(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The resource of an operation on instance profile `name`: its ARN, at its path when it
/// exists.
pub(crate) async fn profile_resource(state: &AppState, name: &str) -> Result<Resource, ApiError> {
    match state
        .store
        .get_entity(EntityKind::InstanceProfile, name)
        .await
    {
        Ok(p) => Ok(Resource::arn(iam_arn(
            state,
            IamResourceType::InstanceProfile,
            &p.path,
            &p.name,
        ))),
        Err(StoreError::NotFound) => Ok(Resource::arn(iam_arn(
            state,
            IamResourceType::InstanceProfile,
            "/",
            name,
        ))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<InstanceProfile>` structure with its role and, when asked, its tags.
pub(crate) async fn profile_element(
    state: &AppState,
    profile: &Entity,
    with_tags: bool,
) -> Result<Element, ApiError> {
    let mut roles = Vec::new();
    for r in all_relations(
        state,
        RelationKind::InstanceProfileRole,
        Some(&profile.reference()),
        None,
    )
    .await?
    {
        match state
            .store
            .get_entity_by_id(EntityKind::Role, &r.to.id)
            .await
        {
            Ok(role) => roles.push(role_element(state, &role)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    let mut fields = vec![
        Element::text("Path", &profile.path),
        Element::text("InstanceProfileName", &profile.name),
        Element::text("InstanceProfileId", &profile.id),
        Element::text(
            "Arn",
            iam_arn(
                state,
                IamResourceType::InstanceProfile,
                &profile.path,
                &profile.name,
            ),
        ),
        Element::time("CreateDate", profile.create_date),
        Element::list("Roles", roles),
    ];
    if with_tags {
        let tags = entity_tags(state, EntityKind::InstanceProfile, &profile.name).await?;
        if !tags.is_empty() {
            fields.push(tags_element(&tags));
        }
    }
    Ok(Element::parent("InstanceProfile", fields))
}

//! `ListInstanceProfilesForRole`: the instance profiles that hold a role, a page at a time.

use keyward_aws_model::generated::iam::{input::ListInstanceProfilesForRoleInput, operation};
use keyward_store::{EntityKind, RelationKind, StoreError};

use super::shared::instance_profiles::profile_element;
use super::shared::paging_fields;
use super::shared::roles::{load_role, role_resource};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListInstanceProfilesForRole {
    role: String,
    paging: Paging,
}

impl Operation for ListInstanceProfilesForRole {
    type Input = ListInstanceProfilesForRoleInput;
    const NAME: &'static str = operation::LIST_INSTANCE_PROFILES_FOR_ROLE;

    fn new(input: ListInstanceProfilesForRoleInput) -> Result<Self, ApiError> {
        Ok(ListInstanceProfilesForRole {
            role: input.role_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(
            role_resource(ctx.state, &self.role).await?,
        ))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let role = load_role(state, &self.role).await?;
        let mut keyed = Vec::new();
        for r in all_relations(
            state,
            RelationKind::InstanceProfileRole,
            None,
            Some(&role.reference()),
        )
        .await?
        {
            match state
                .store
                .get_entity_by_id(EntityKind::InstanceProfile, &r.from.id)
                .await
            {
                Ok(p) => keyed.push((p.name.to_lowercase(), p)),
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(ApiError::from_store(e)),
            }
        }
        let page = self.paging.page_in_memory(keyed);
        let mut items = Vec::with_capacity(page.items.len());
        for p in &page.items {
            items.push(profile_element(state, p, false).await?);
        }
        let mut fields = vec![Element::list("InstanceProfiles", items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent(
            "ListInstanceProfilesForRoleResult",
            fields,
        )))
    }
}

//! `ListEntitiesForPolicy`: the users, groups and roles a managed policy is attached to or
//! bounds, a page at a time.

use std::collections::HashSet;

use keyward_aws_model::generated::iam::{input::ListEntitiesForPolicyInput, operation};
use keyward_store::{EntityKind, RelationKind, StoreError, UserId};

use super::shared::paging_fields;
use super::shared::policies::{page_in_memory, policy_resource, resolve};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::all_relations;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListEntitiesForPolicy {
    arn: String,
    filter: Option<String>,
    path_prefix: String,
    usage: Option<String>,
    paging: Paging,
}

impl Operation for ListEntitiesForPolicy {
    type Input = ListEntitiesForPolicyInput;
    const NAME: &'static str = operation::LIST_ENTITIES_FOR_POLICY;

    fn new(input: ListEntitiesForPolicyInput) -> Result<Self, ApiError> {
        Ok(ListEntitiesForPolicy {
            arn: input.policy_arn,
            filter: input.entity_filter,
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            usage: input.policy_usage_filter,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let usage = self.usage.as_deref();
        let policy = resolve(state, &self.arn).await?;
        let target = policy.target();
        let mut relations = Vec::new();
        if usage != Some("PermissionsBoundary") {
            relations.extend(
                all_relations(state, RelationKind::PolicyAttachment, None, Some(&target)).await?,
            );
        }
        if usage != Some("PermissionsPolicy") {
            relations.extend(
                all_relations(
                    state,
                    RelationKind::PermissionsBoundary,
                    None,
                    Some(&target),
                )
                .await?,
            );
        }
        let wanted = |kind: EntityKind| match self.filter.as_deref() {
            None => true,
            Some("User") => kind == EntityKind::User,
            Some("Group") => kind == EntityKind::Group,
            Some("Role") => kind == EntityKind::Role,
            Some(_) => false,
        };
        let mut seen = HashSet::new();
        let mut keyed: Vec<(String, (EntityKind, String, String))> = Vec::new();
        for r in relations {
            if !wanted(r.from.kind) || !seen.insert(r.from.clone()) {
                continue;
            }
            let (name, path) = match r.from.kind {
                EntityKind::User => {
                    match state.store.get_user_by_id(&UserId(r.from.id.clone())).await {
                        Ok(u) => (u.name, u.path),
                        Err(StoreError::NotFound) => continue,
                        Err(e) => return Err(ApiError::from_store(e)),
                    }
                }
                kind => match state.store.get_entity_by_id(kind, &r.from.id).await {
                    Ok(e) => (e.name, e.path),
                    Err(StoreError::NotFound) => continue,
                    Err(e) => return Err(ApiError::from_store(e)),
                },
            };
            if path.starts_with(&self.path_prefix) {
                let key = format!("{}/{}", r.from.kind.as_str(), name.to_lowercase());
                keyed.push((key, (r.from.kind, name, r.from.id)));
            }
        }
        let page = page_in_memory(keyed, &self.paging);
        let (mut groups, mut users, mut roles) = (Vec::new(), Vec::new(), Vec::new());
        for (kind, name, id) in page.items {
            match kind {
                EntityKind::Group => groups.push(Element::parent(
                    "PolicyGroup",
                    vec![
                        Element::text("GroupName", name),
                        Element::text("GroupId", id),
                    ],
                )),
                EntityKind::User => users.push(Element::parent(
                    "PolicyUser",
                    vec![Element::text("UserName", name), Element::text("UserId", id)],
                )),
                _ => roles.push(Element::parent(
                    "PolicyRole",
                    vec![Element::text("RoleName", name), Element::text("RoleId", id)],
                )),
            }
        }
        let mut fields = vec![
            Element::list("PolicyGroups", groups),
            Element::list("PolicyUsers", users),
            Element::list("PolicyRoles", roles),
        ];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListEntitiesForPolicyResult", fields)))
    }
}

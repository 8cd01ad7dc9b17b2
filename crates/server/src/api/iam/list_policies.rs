//! `ListPolicies`: AWS and customer managed policies under a path prefix, optionally only
//! those in use, a page at a time.

use std::collections::HashMap;

use keyward_aws_model::generated::iam::{input::ListPoliciesInput, operation};
use keyward_store::{EntityKind, RelationKind};

use super::shared::policies::{page_in_memory, policy_element};
use super::shared::Paging;
use super::shared::{iam_arn, paging_fields};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::directory::catalog::catalog;
use crate::directory::{all_relations, ManagedPolicy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(crate) struct ListPolicies {
    scope: String,
    only_attached: bool,
    path_prefix: String,
    usage: Option<String>,
    paging: Paging,
}

impl Operation for ListPolicies {
    type Input = ListPoliciesInput;
    const NAME: &'static str = operation::LIST_POLICIES;

    fn new(input: ListPoliciesInput) -> Result<Self, ApiError> {
        Ok(ListPolicies {
            scope: input.scope.unwrap_or_else(|| "All".to_owned()),
            only_attached: input.only_attached.unwrap_or(false),
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            usage: input.policy_usage_filter,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::Policy, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let path_prefix = self.path_prefix.as_str();
        let attachments = usage_counts(state, RelationKind::PolicyAttachment).await?;
        let boundaries = usage_counts(state, RelationKind::PermissionsBoundary).await?;
        let used = |id: &str| match self.usage.as_deref() {
            Some("PermissionsPolicy") => attachments.contains_key(id),
            Some("PermissionsBoundary") => boundaries.contains_key(id),
            _ => attachments.contains_key(id) || boundaries.contains_key(id),
        };
        let mut candidates: Vec<(String, ManagedPolicy)> = Vec::new();
        if self.scope != "Local" {
            for p in &catalog().policies {
                if p.path.starts_with(path_prefix) && (!self.only_attached || used(&p.arn)) {
                    candidates.push((format!("a/{}", p.name), ManagedPolicy::Aws(p)));
                }
            }
        }
        if self.scope != "AWS" {
            let local =
                crate::directory::all_entities(state, EntityKind::Policy, path_prefix).await?;
            for e in local {
                if !self.only_attached || used(&e.id) {
                    candidates.push((
                        format!("l/{}", e.name.to_lowercase()),
                        ManagedPolicy::Local(e),
                    ));
                }
            }
        }
        let page = page_in_memory(candidates, &self.paging);
        let mut items = Vec::with_capacity(page.items.len());
        for p in &page.items {
            let key = p.target().id;
            let a = attachments.get(&key).copied().unwrap_or(0);
            let b = boundaries.get(&key).copied().unwrap_or(0);
            items.push(policy_element(state, p, a, b, false).await?);
        }
        let mut fields = vec![Element::list("Policies", items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListPoliciesResult", fields)))
    }
}

/// How many principals use each policy, per relation kind, keyed by relation target id.
async fn usage_counts(
    state: &AppState,
    kind: RelationKind,
) -> Result<HashMap<String, usize>, ApiError> {
    let mut counts = HashMap::new();
    for r in all_relations(state, kind, None, None).await? {
        *counts.entry(r.to.id).or_insert(0) += 1;
    }
    Ok(counts)
}

//! `ListPolicyTags`: a managed policy's tags (none for AWS managed ones), a page at a time.

use keyward_aws_model::generated::iam::{input::ListPolicyTagsInput, operation};
use keyward_store::EntityKind;

use super::shared::policies::{page_in_memory, policy_resource, resolve};
use super::shared::Paging;
use super::shared::{entity_tags, paging_fields, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::ManagedPolicy;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListPolicyTags {
    arn: String,
    paging: Paging,
}

impl Operation for ListPolicyTags {
    type Input = ListPolicyTagsInput;
    const NAME: &'static str = operation::LIST_POLICY_TAGS;

    fn new(input: ListPolicyTagsInput) -> Result<Self, ApiError> {
        Ok(ListPolicyTags {
            arn: input.policy_arn,
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
        let tags = match resolve(state, &self.arn).await? {
            ManagedPolicy::Aws(_) => Vec::new(),
            ManagedPolicy::Local(e) => entity_tags(state, EntityKind::Policy, &e.name).await?,
        };
        let keyed = tags
            .into_iter()
            .map(|t| (t.key.to_lowercase(), t))
            .collect();
        let page = page_in_memory(keyed, &self.paging);
        let mut fields = vec![tags_element(&page.items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListPolicyTagsResult", fields)))
    }
}

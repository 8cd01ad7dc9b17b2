//! `ListPolicyVersions`: a managed policy's versions, newest first, a page at a time.

use keyward_aws_model::generated::iam::{input::ListPolicyVersionsInput, operation};

use super::shared::paging_fields;
use super::shared::policies::{
    all_versions, page_in_memory, policy_resource, resolve, version_element,
};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::ManagedPolicy;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListPolicyVersions {
    arn: String,
    paging: Paging,
}

impl Operation for ListPolicyVersions {
    type Input = ListPolicyVersionsInput;
    const NAME: &'static str = operation::LIST_POLICY_VERSIONS;

    fn new(input: ListPolicyVersionsInput) -> Result<Self, ApiError> {
        Ok(ListPolicyVersions {
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
        let versions: Vec<Element> = match resolve(state, &self.arn).await? {
            ManagedPolicy::Aws(p) => vec![Element::parent(
                "PolicyVersion",
                vec![
                    Element::text("VersionId", &p.default_version_id),
                    Element::boolean("IsDefaultVersion", true),
                    Element::time("CreateDate", p.update_date),
                ],
            )],
            ManagedPolicy::Local(e) => {
                let docs = all_versions(state, &e).await?;
                let keyed = docs
                    .into_iter()
                    .map(|d| {
                        let n: u64 = d.name.trim_start_matches('v').parse().unwrap_or(0);
                        (format!("{:020}", u64::MAX - n), d)
                    })
                    .collect();
                let page = page_in_memory(keyed, &self.paging);
                let items = page
                    .items
                    .iter()
                    .map(|d| version_element("PolicyVersion", d, false))
                    .collect();
                let mut fields = vec![Element::list("Versions", items)];
                fields.extend(paging_fields(page.next_marker));
                return Ok(Some(Element::parent("ListPolicyVersionsResult", fields)));
            }
        };
        let mut fields = vec![Element::list("Versions", versions)];
        fields.extend(paging_fields(None));
        Ok(Some(Element::parent("ListPolicyVersionsResult", fields)))
    }
}

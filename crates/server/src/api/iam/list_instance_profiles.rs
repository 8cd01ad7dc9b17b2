//! `ListInstanceProfiles`: the account's instance profiles under a path prefix, a page at a
//! time.

use keyward_aws_model::generated::iam::{input::ListInstanceProfilesInput, operation};
use keyward_store::EntityKind;

use super::shared::instance_profiles::profile_element;
use super::shared::Paging;
use super::shared::{iam_arn, paging_fields};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListInstanceProfiles {
    path_prefix: String,
    paging: Paging,
}

impl Operation for ListInstanceProfiles {
    type Input = ListInstanceProfilesInput;
    const NAME: &'static str = operation::LIST_INSTANCE_PROFILES;

    fn new(input: ListInstanceProfilesInput) -> Result<Self, ApiError> {
        Ok(ListInstanceProfiles {
            path_prefix: input.path_prefix.unwrap_or_else(|| "/".to_owned()),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = iam_arn(ctx.state, IamResourceType::InstanceProfile, "/", "");
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let page = state
            .store
            .list_entities(
                EntityKind::InstanceProfile,
                &self.path_prefix,
                self.paging.request(),
            )
            .await
            .map_err(ApiError::from_store)?;
        let mut items = Vec::with_capacity(page.items.len());
        for p in &page.items {
            items.push(profile_element(state, p, false).await?);
        }
        let mut fields = vec![Element::list("InstanceProfiles", items)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListInstanceProfilesResult", fields)))
    }
}

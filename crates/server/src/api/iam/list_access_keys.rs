//! `ListAccessKeys`: the keys of the named user, or of the caller when no user is named.

use keyward_aws_model::generated::iam::{input::ListAccessKeysInput, operation};

use super::shared::access_keys::{key_owner, owner_name, owner_resource};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAccessKeys {
    name: Option<String>,
}

impl Operation for ListAccessKeys {
    type Input = ListAccessKeysInput;
    const NAME: &'static str = operation::LIST_ACCESS_KEYS;

    fn new(input: ListAccessKeysInput) -> Result<Self, ApiError> {
        Ok(ListAccessKeys {
            name: input.user_name,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (owner, principal) = key_owner(state, ctx.caller, self.name).await?;
        let keys = state
            .store
            .list_access_keys(&owner)
            .await
            .map_err(ApiError::from_store)?;
        let members = keys
            .iter()
            .map(|k| {
                let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
                fields.extend([
                    Element::text("AccessKeyId", &k.access_key_id),
                    Element::text("Status", k.status.as_str()),
                    Element::time("CreateDate", k.create_date),
                ]);
                Element::parent("AccessKeyMetadata", fields)
            })
            .collect();
        let mut fields: Vec<Element> = owner_name(&principal).into_iter().collect();
        fields.extend([
            Element::list("AccessKeyMetadata", members),
            Element::boolean("IsTruncated", false),
        ]);
        Ok(Some(Element::parent("ListAccessKeysResult", fields)))
    }
}

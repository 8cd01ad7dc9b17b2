//! `GetAccessKeyLastUsed`: when, where and for which service a key last signed a request.

use keyward_aws_model::generated::iam::{input::GetAccessKeyLastUsedInput, operation};
use keyward_store::{KeyOwner, StoreError};

use super::shared::access_keys::{no_such_key, owner_resource};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetAccessKeyLastUsed(GetAccessKeyLastUsedInput);

impl Operation for GetAccessKeyLastUsed {
    type Input = GetAccessKeyLastUsedInput;
    const NAME: &'static str = operation::GET_ACCESS_KEY_LAST_USED;

    fn new(input: GetAccessKeyLastUsedInput) -> Result<Self, ApiError> {
        Ok(GetAccessKeyLastUsed(input))
    }

    /// The key's owner; a key (or owner) that does not exist is authorized as the caller's.
    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let state = ctx.state;
        let owner = match state.store.get_access_key(&self.0.access_key_id).await {
            Ok(key) => match key.owner {
                KeyOwner::Root => {
                    let resource = Resource::arn(arn::root(&state.account));
                    return Ok(Authorization::standard(resource));
                }
                KeyOwner::User(id) => match state.store.get_user_by_id(&id).await {
                    Ok(u) => Some(u.name),
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(ApiError::from_store(e)),
                },
            },
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let resource = owner_resource(state, ctx.caller, owner.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let access_key_id = &self.0.access_key_id;
        let key = match state.store.get_access_key(access_key_id).await {
            Ok(key) => key,
            Err(StoreError::NotFound) => return Err(no_such_key(access_key_id)),
            Err(e) => return Err(ApiError::from_store(e)),
        };
        let used = state.keys.pending_use(access_key_id).or(key.last_used);
        let details = match used {
            Some(used) => vec![
                Element::time("LastUsedDate", used.date),
                Element::text("ServiceName", used.service),
                Element::text("Region", used.region),
            ],
            None => vec![
                Element::text("ServiceName", "N/A"),
                Element::text("Region", "N/A"),
            ],
        };
        let mut fields = Vec::new();
        if let KeyOwner::User(id) = &key.owner {
            match state.store.get_user_by_id(id).await {
                Ok(u) => fields.push(Element::text("UserName", u.name)),
                Err(e) => return Err(ApiError::from_store(e)),
            }
        }
        fields.push(Element::parent("AccessKeyLastUsed", details));
        Ok(Some(Element::parent("GetAccessKeyLastUsedResult", fields)))
    }
}

//! `ListServiceSpecificCredentials`: the credentials of the named user, or of the calling user
//! when no user is named.

use keyward_aws_model::generated::iam::{input::ListServiceSpecificCredentialsInput, operation};

use super::shared::access_keys::owner_resource;
use super::shared::service_credentials::{element, not_supported, target_user, SERVICES};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::service_credentials::of_user;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListServiceSpecificCredentials {
    user: Option<String>,
    service: Option<String>,
}

impl Operation for ListServiceSpecificCredentials {
    type Input = ListServiceSpecificCredentialsInput;
    const NAME: &'static str = operation::LIST_SERVICE_SPECIFIC_CREDENTIALS;

    fn new(input: ListServiceSpecificCredentialsInput) -> Result<Self, ApiError> {
        if input.all_users == Some(true) {
            return Err(ApiError::InvalidInput(
                "AllUsers is not supported for cassandra.amazonaws.com credentials.".into(),
            ));
        }
        Ok(ListServiceSpecificCredentials {
            user: input.user_name,
            service: input.service_name,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.user.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = target_user(state, ctx.caller, self.user.as_deref()).await?;
        if let Some(s) = self.service.as_deref().filter(|s| !SERVICES.contains(s)) {
            return Err(not_supported(s));
        }
        let members = of_user(state, &user)
            .await?
            .iter()
            .map(|e| element("member", &user, e, None))
            .collect();
        Ok(Some(Element::parent(
            "ListServiceSpecificCredentialsResult",
            // This listing is never paged: botocore's output shape has no `IsTruncated`.
            vec![Element::list("ServiceSpecificCredentials", members)],
        )))
    }
}

//! `ListAWSServiceAccessForOrganization`: the services with trusted access.

use keyward_aws_model::generated::organizations::{
    input::ListAWSServiceAccessForOrganizationInput, operation,
};

use super::shared::{at, listing, on_any, organization};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListAwsServiceAccessForOrganization {
    max_results: Option<i64>,
    next_token: Option<String>,
}

impl Operation for ListAwsServiceAccessForOrganization {
    type Input = ListAWSServiceAccessForOrganizationInput;
    const NAME: &'static str = operation::LIST_AWS_SERVICE_ACCESS_FOR_ORGANIZATION;

    fn new(input: ListAWSServiceAccessForOrganizationInput) -> Result<Self, ApiError> {
        Ok(ListAwsServiceAccessForOrganization {
            max_results: input.max_results,
            next_token: input.next_token,
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let organization = organization(ctx.state).await?;
        let services = organization
            .service_access
            .iter()
            .map(|s| {
                Element::parent(
                    "EnabledServicePrincipal",
                    vec![
                        Element::text("ServicePrincipal", &s.principal),
                        Element::time("DateEnabled", at(s.enabled)),
                    ],
                )
            })
            .collect();
        listing(
            "EnabledServicePrincipals",
            services,
            self.max_results,
            self.next_token.as_deref(),
        )
    }
}

//! `ListPoliciesGrantingServiceAccess`: per service namespace asked for, the permissions
//! policies of a user (its own and its groups'), group or role that allow some action of the
//! service — managed policies with their ARN, inline policies with the user, group or role
//! that holds them.

use keyward_aws_model::generated::iam::{input::ListPoliciesGrantingServiceAccessInput, operation};

use super::shared::access_advisor::{add_grants, policies_of, resolve, Grants};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListPoliciesGrantingServiceAccess {
    arn: String,
    namespaces: Vec<String>,
}

impl Operation for ListPoliciesGrantingServiceAccess {
    type Input = ListPoliciesGrantingServiceAccessInput;
    const NAME: &'static str = operation::LIST_POLICIES_GRANTING_SERVICE_ACCESS;

    fn new(input: ListPoliciesGrantingServiceAccessInput) -> Result<Self, ApiError> {
        Ok(ListPoliciesGrantingServiceAccess {
            arn: input.arn,
            namespaces: input.service_namespaces,
        })
    }

    /// On the user, group or role whose policies are listed.
    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn(self.arn.clone())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let target = resolve(ctx.state, &self.arn, false).await?;
        let policies = policies_of(ctx.state, &target).await?;
        let granted: Vec<Grants> = policies
            .iter()
            .map(|policy| {
                let mut grants = Grants::new();
                add_grants(&policy.text, &mut grants);
                grants
            })
            .collect();
        let entries = self
            .namespaces
            .iter()
            .map(|namespace| {
                let listed = policies
                    .iter()
                    .zip(&granted)
                    .filter(|(_, grants)| {
                        grants.keys().any(|ns| ns.eq_ignore_ascii_case(namespace))
                    })
                    .map(|(policy, _)| {
                        let mut fields = vec![
                            Element::text("PolicyName", &policy.name),
                            Element::text(
                                "PolicyType",
                                if policy.arn.is_some() {
                                    "MANAGED"
                                } else {
                                    "INLINE"
                                },
                            ),
                        ];
                        if let Some(arn) = &policy.arn {
                            fields.push(Element::text("PolicyArn", arn));
                        }
                        if let Some((kind, name)) = &policy.holder {
                            fields.push(Element::text("EntityType", *kind));
                            fields.push(Element::text("EntityName", name));
                        }
                        Element::parent("PolicyGrantingServiceAccess", fields)
                    })
                    .collect();
                Element::parent(
                    "ListPoliciesGrantingServiceAccessEntry",
                    vec![
                        Element::text("ServiceNamespace", namespace),
                        Element::list("Policies", listed),
                    ],
                )
            })
            .collect();
        Ok(Some(Element::parent(
            "ListPoliciesGrantingServiceAccessResult",
            vec![
                Element::list("PoliciesGrantingServiceAccess", entries),
                Element::boolean("IsTruncated", false),
            ],
        )))
    }
}

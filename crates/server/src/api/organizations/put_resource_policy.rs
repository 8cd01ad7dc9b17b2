//! `PutResourcePolicy`: creates or replaces the organization's resource policy, which lets
//! principals of other accounts call Organizations' actions (its actions only).

use keyward_aws_model::generated::organizations::{input::PutResourcePolicyInput, operation};
use keyward_policy::PolicyKind;

use super::shared::{add_tags, input_tags, on, organization, resource_policy_arn};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::organization::{self, random_suffix, ResourcePolicy};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct PutResourcePolicy {
    content: String,
    tags: Vec<(String, String)>,
}

/// The document of a resource policy Organizations accepts: policy grammar with a principal,
/// and only Organizations' actions.
fn check(content: &str) -> Result<(), ApiError> {
    let document = keyward_policy::validate(content, PolicyKind::Resource).map_err(|_| {
        OrganizationsError::InvalidInput(
            "INVALID_RESOURCE_POLICY_JSON",
            "You provided a resource policy that isn't valid JSON.".to_owned(),
        )
    })?;
    let json: serde_json::Value = serde_json::from_str(content).unwrap_or_default();
    let statements = match json.get("Statement") {
        Some(serde_json::Value::Array(items)) => items.clone(),
        Some(one) => vec![one.clone()],
        None => Vec::new(),
    };
    let foreign = statements.iter().any(|statement| {
        let actions: Vec<&str> = match statement.get("Action").or(statement.get("NotAction")) {
            Some(serde_json::Value::String(s)) => vec![s.as_str()],
            Some(serde_json::Value::Array(items)) => {
                items.iter().filter_map(serde_json::Value::as_str).collect()
            }
            _ => Vec::new(),
        };
        actions
            .iter()
            .any(|a| !a.to_ascii_lowercase().starts_with("organizations:"))
    });
    if foreign || document.statements.is_empty() {
        return Err(OrganizationsError::InvalidInput(
            "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY",
            "You provided an unsupported action in the resource policy.".to_owned(),
        )
        .into());
    }
    Ok(())
}

impl Operation for PutResourcePolicy {
    type Input = PutResourcePolicyInput;
    const NAME: &'static str = operation::PUT_RESOURCE_POLICY;

    fn new(input: PutResourcePolicyInput) -> Result<Self, ApiError> {
        check(&input.content)?;
        Ok(PutResourcePolicy {
            content: input.content,
            tags: input_tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let organization = organization(ctx.state).await?;
        Ok(on(organization.resource_policy.as_ref().map_or_else(
            || "*".to_owned(),
            |p| resource_policy_arn(&organization, &p.id),
        )))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let element = organization::modify(ctx.state, |organization| {
            let id = organization
                .resource_policy
                .as_ref()
                .map_or_else(|| format!("rp-{}", random_suffix(8)), |p| p.id.clone());
            add_tags(organization, &id, &self.tags)?;
            organization.resource_policy = Some(ResourcePolicy {
                id: id.clone(),
                content: self.content.clone(),
            });
            Ok(resource_policy_element(organization, &id, &self.content))
        })
        .await?;
        Ok(Some(Element::parent(
            "PutResourcePolicyResult",
            vec![element],
        )))
    }
}

/// `ResourcePolicy`.
pub(crate) fn resource_policy_element(
    organization: &organization::Organization,
    id: &str,
    content: &str,
) -> Element {
    Element::parent(
        "ResourcePolicy",
        vec![
            Element::parent(
                "ResourcePolicySummary",
                vec![
                    Element::text("Id", id),
                    Element::text("Arn", resource_policy_arn(organization, id)),
                ],
            ),
            Element::text("Content", content),
        ],
    )
}

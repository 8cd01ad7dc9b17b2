//! `GetDelegationRequest`: a request's details. Its owner may always read it (unless an
//! explicit deny says otherwise); others need `iam:GetDelegationRequest` and, once the request
//! names an owner account, to be of it. `DelegationPermissionCheck` answers whether the
//! caller's own policies allow every action of the request's policy.

use keyward_aws_model::generated::iam::{input::GetDelegationRequestInput, operation};

use super::shared::delegation::{access, element, load, Request};
use crate::api::{Affected, Context, Operation};
use crate::authz::{authorize, Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetDelegationRequest {
    id: String,
    check: bool,
    request: Option<Request>,
}

impl Operation for GetDelegationRequest {
    type Input = GetDelegationRequestInput;
    const NAME: &'static str = operation::GET_DELEGATION_REQUEST;

    fn new(input: GetDelegationRequestInput) -> Result<Self, ApiError> {
        Ok(GetDelegationRequest {
            id: input.delegation_request_id,
            check: input.delegation_permission_check.unwrap_or(false),
            request: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let request = load(ctx.state, &self.id).await?;
        let authorization = access(ctx, &request, "GetDelegationRequest", true)?;
        self.request = Some(request);
        Ok(authorization)
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let request = self.request.ok_or(ApiError::ServiceFailure)?;
        let mut fields = vec![element("DelegationRequest", &request)];
        if self.check {
            let verdict = permission_check(ctx, &request).await?;
            fields.push(Element::text("PermissionCheckStatus", "COMPLETE"));
            fields.push(Element::text("PermissionCheckResult", verdict));
        }
        Ok(Some(Element::parent("GetDelegationRequestResult", fields)))
    }
}

/// `ALLOWED` when the caller's policies allow every action on every resource of the request's
/// policy's allow statements, `DENIED` when one is refused, `UNSURE` when a statement has
/// conditions or wildcards the check cannot settle without a real request.
async fn permission_check(ctx: &Context<'_>, request: &Request) -> Result<&'static str, ApiError> {
    let policy = request.policy();
    let statements: Vec<&serde_json::Value> = match policy.get("Statement") {
        Some(serde_json::Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let list = |v: Option<&serde_json::Value>| -> Vec<String> {
        match v {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut unsure = false;
    for statement in statements {
        if statement.get("Effect").and_then(|e| e.as_str()) != Some("Allow") {
            continue;
        }
        let actions = list(statement.get("Action"));
        let resources = list(statement.get("Resource"));
        if statement.get("Condition").is_some()
            || actions.is_empty()
            || resources.is_empty()
            || actions.iter().any(|a| a.contains(['*', '?']))
        {
            unsure = true;
        }
        for action in actions.iter().filter(|a| !a.contains(['*', '?'])) {
            for resource in &resources {
                match authorize(
                    ctx.state,
                    ctx.caller,
                    action,
                    &Resource::arn(resource.clone()),
                    ctx.facts,
                )
                .await
                {
                    Ok(()) => {}
                    Err(ApiError::AccessDenied(_)) => return Ok("DENIED"),
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(if unsure { "UNSURE" } else { "ALLOWED" })
}

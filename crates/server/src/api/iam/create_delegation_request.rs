//! `CreateDelegationRequest`: a partner asks a customer for temporary, limited access. The
//! caller must act for an onboarded partner (the partners file names its principal) and be
//! allowed `iam:CreateDelegationRequest`; the template must be one registered for that partner
//! and the notification topic one it named.

use keyward_aws_model::generated::iam::{input::CreateDelegationRequestInput, operation};
use keyward_policy::PolicyKind;
use keyward_store::{Entity, EntityKind};

use super::shared::delegation::{
    attr, principal_arn, request_arn, transition, Request, State, StoredParameter, CREATING,
};
use super::shared::{check_policy_document, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::delegation::{render, Parameter, MAX_RENDERED_POLICY};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct CreateDelegationRequest {
    id: String,
    input: CreateDelegationRequestInput,
}

impl Operation for CreateDelegationRequest {
    type Input = CreateDelegationRequestInput;
    const NAME: &'static str = operation::CREATE_DELEGATION_REQUEST;

    fn new(input: CreateDelegationRequestInput) -> Result<Self, ApiError> {
        if input.permissions.policy_template_arn.is_none() {
            return Err(ApiError::InvalidInput(
                "Permissions must name a PolicyTemplateArn.".to_owned(),
            ));
        }
        Ok(CreateDelegationRequest {
            id: format!("dr-{}", uuid::Uuid::new_v4().simple()),
            input,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let onboarded =
            principal_arn(ctx).is_some_and(|a| ctx.state.partners.of_principal(&a).is_some());
        if !onboarded {
            return Err(ApiError::AccessDenied(format!(
                "User: {} is not authorized to perform: iam:CreateDelegationRequest because it \
                 is not a principal of a partner onboarded for temporary delegation",
                ctx.caller.arn()
            )));
        }
        Ok(Authorization::standard(Resource::arn(request_arn(
            ctx.state, &self.id,
        ))))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let input = self.input;
        let partner = principal_arn(ctx)
            .and_then(|a| state.partners.of_principal(&a))
            .ok_or(ApiError::ServiceFailure)?;
        let template_arn = input.permissions.policy_template_arn.unwrap_or_default();
        let template = partner.policy_templates.get(&template_arn).ok_or_else(|| {
            ApiError::InvalidInput(format!(
                "Policy template {template_arn} is not registered for this partner."
            ))
        })?;
        let topic = &input.notification_channel;
        let topic_account = topic.split(':').nth(4);
        if !topic.starts_with("arn:aws:sns:")
            || topic_account != Some(state.account.0.as_str())
            || !partner.notification_endpoints.contains_key(topic)
        {
            return Err(ApiError::InvalidInput(format!(
                "NotificationChannel {topic} is not an SNS topic registered for this partner."
            )));
        }
        let mut parameters = Vec::new();
        for p in input.permissions.parameters.unwrap_or_default() {
            let (Some(name), Some(values)) = (p.name, p.values) else {
                return Err(ApiError::InvalidInput(
                    "Every policy parameter needs a Name and Values.".to_owned(),
                ));
            };
            parameters.push(StoredParameter {
                name,
                values,
                list: p.r#type.as_deref() == Some("stringList"),
            });
        }
        let rendered = render(
            template,
            &parameters.iter().map(Parameter::from).collect::<Vec<_>>(),
        )
        .map_err(|e| ApiError::InvalidInput(e.0))?;
        let policy = rendered.to_string();
        if policy.len() > MAX_RENDERED_POLICY {
            return Err(ApiError::InvalidInput(format!(
                "The rendered policy has {} characters; the maximum is {MAX_RENDERED_POLICY}.",
                policy.len()
            )));
        }
        // The rendered policy becomes the session policy of the delegated credentials: IAM's
        // session-policy grammar applies.
        check_policy_document(&policy, PolicyKind::Session, None).map_err(|e| {
            ApiError::InvalidInput(format!("The rendered policy is invalid: {}", e.message()))
        })?;
        for existing in super::shared::delegation::all(state).await? {
            if existing.get(attr::WORKFLOW) == Some(input.requestor_workflow_id.as_str()) {
                return Err(ApiError::EntityAlreadyExists(format!(
                    "A delegation request with RequestorWorkflowId {} already exists.",
                    input.requestor_workflow_id
                )));
            }
        }
        let now = now_seconds();
        let mut attributes = vec![
            (attr::DESCRIPTION, Some(input.description)),
            (attr::MESSAGE, input.request_message),
            (attr::TEMPLATE, Some(template_arn)),
            (
                attr::PARAMETERS,
                Some(serde_json::to_string(&parameters).map_err(|_| ApiError::ServiceFailure)?),
            ),
            (attr::POLICY, Some(policy)),
            (attr::WORKFLOW, Some(input.requestor_workflow_id)),
            (attr::REDIRECT, input.redirect_url),
            (attr::CHANNEL, Some(input.notification_channel)),
            (attr::DURATION, Some(input.session_duration.to_string())),
            (
                attr::ONLY_OWNER_SENDS,
                Some(input.only_send_by_owner.unwrap_or(false).to_string()),
            ),
            (attr::OWNER_ACCOUNT, input.owner_account_id),
            (attr::REQUESTOR_ID, Some(state.account.0.clone())),
            (attr::REQUESTOR_NAME, Some(partner.name.clone())),
            // Created in a placeholder state so that the first transition sets the expiry.
            (attr::STATE, Some(CREATING.to_owned())),
        ];
        attributes.retain(|(_, v)| v.is_some());
        let entity = Entity {
            kind: EntityKind::DelegationRequest,
            id: self.id.clone(),
            name: self.id.clone(),
            path: "/".to_owned(),
            create_date: now,
            attributes: attributes
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
                .collect(),
        };
        state
            .store
            .create_entity(&entity, &[], &[], &[])
            .await
            .map_err(ApiError::from_store)?;
        let created = Request {
            entity,
            state: State::Unassigned,
        };
        transition(state, &created, State::Unassigned, Vec::new(), None).await?;
        Ok(Some(Element::parent(
            "CreateDelegationRequestResult",
            vec![Element::text("DelegationRequestId", self.id)],
        )))
    }
}

//! `AssumeRoleWithWebIdentity`, which AWS serves unsigned: the token is checked against the
//! registered OIDC provider of its issuer, then the role's trust policy decides with the
//! token's claims as condition keys.

use keyward_aws_model::generated::sts::{input::AssumeRoleWithWebIdentityInput, operation};
use keyward_policy::ContextValue;

use super::{
    check_role_arn, role_session_duration, role_session_result, session_policies, SessionInput,
};
use crate::api::UnsignedOperation;
use crate::arn;
use crate::audit::UserIdentity;
use crate::auth::session::RoleSession;
use crate::auth::web_identity::{self, VerifiedToken};
use crate::authz::{compile, RequestFacts, Resource, TrustOnly};
use crate::directory::oidc::oidc_provider;
use crate::directory::roles::{assumable_role, AssumableRole};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(crate) struct AssumeRoleWithWebIdentity {
    input: AssumeRoleWithWebIdentityInput,
    session: SessionInput,
    /// What authorization verified: the token, its provider's name, the role and the
    /// CloudTrail identity of the token's subject.
    verified: Option<Verified>,
}

struct Verified {
    token: VerifiedToken,
    provider: String,
    role: Option<AssumableRole>,
    identity: UserIdentity,
}

impl UnsignedOperation for AssumeRoleWithWebIdentity {
    type Input = AssumeRoleWithWebIdentityInput;
    const NAME: &'static str = operation::ASSUME_ROLE_WITH_WEB_IDENTITY;

    fn new(mut input: AssumeRoleWithWebIdentityInput) -> Result<Self, ApiError> {
        check_role_arn(&input.role_arn)?;
        let session = SessionInput::new(input.policy.take(), input.policy_arns.take(), None, None);
        Ok(AssumeRoleWithWebIdentity {
            input,
            session,
            verified: None,
        })
    }

    async fn authorization(
        &mut self,
        state: &AppState,
        facts: &RequestFacts,
    ) -> Result<TrustOnly, ApiError> {
        let token = &self.input.web_identity_token;
        let issuer = web_identity::unverified_issuer(token)?;
        let no_provider = || {
            ApiError::InvalidIdentityToken(format!(
                "No OpenIDConnect provider found in your account for {issuer}"
            ))
        };
        let provider_name = web_identity::provider_name(&issuer).ok_or_else(no_provider)?;
        let provider = oidc_provider(state, provider_name)
            .await?
            .filter(|p| p.issuer == issuer.trim_end_matches('/'))
            .ok_or_else(no_provider)?;
        let verified = state
            .jwks
            .verify(
                token,
                &provider.issuer,
                &provider.client_ids,
                state.clock.now(),
            )
            .await?;
        let provider_arn = arn::oidc_provider(&state.account, &provider.name);
        let principal_id = format!("{provider_arn}:{}:{}", verified.audience, verified.subject);
        let identity = UserIdentity {
            kind: "WebIdentityUser",
            principal_id: Some(principal_id.clone()),
            user_name: Some(verified.subject.clone()),
            identity_provider: Some(provider_arn.clone()),
            ..UserIdentity::default()
        };
        let role = assumable_role(state, &self.input.role_arn).await?;
        let refusal = || {
            ApiError::AccessDenied(
                "Not authorized to perform sts:AssumeRoleWithWebIdentity".to_owned(),
            )
        };
        let trust = role
            .as_ref()
            .map(|role| compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]));
        let mut facts = facts.clone();
        let key = |claim: &str| format!("{}:{claim}", provider.name);
        facts.operation_keys.extend([
            (key("aud"), ContextValue::single(&verified.audience)),
            (key("sub"), ContextValue::single(&verified.subject)),
            (
                "aws:FederatedProvider".to_owned(),
                ContextValue::single(&provider_arn),
            ),
        ]);
        if !verified.amr.is_empty() {
            facts
                .operation_keys
                .push((key("amr"), ContextValue::multiple(verified.amr.clone())));
        }
        if !verified.original_audiences.is_empty() {
            facts.operation_keys.push((
                key("oaud"),
                ContextValue::multiple(verified.original_audiences.clone()),
            ));
        }
        if let Some(source_identity) = &verified.source_identity {
            facts.operation_keys.push((
                "sts:SourceIdentity".to_owned(),
                ContextValue::single(source_identity),
            ));
        }
        self.verified = Some(Verified {
            token: verified,
            provider: provider.name,
            role,
            identity,
        });
        let trust = trust.ok_or_else(refusal)?;
        Ok(TrustOnly {
            principal: keyward_policy::Principal::web_identity(provider_arn),
            principal_id,
            role: Resource::arn(self.input.role_arn.clone()),
            trust,
            facts,
            refusal: refusal(),
            also: Vec::new(),
        })
    }

    fn identity(&self) -> Option<UserIdentity> {
        self.verified.as_ref().map(|v| v.identity.clone())
    }

    async fn handle(self, state: &AppState, _: &RequestFacts) -> Result<Option<Element>, ApiError> {
        let Verified {
            token,
            provider,
            role,
            ..
        } = self.verified.ok_or(ApiError::ServiceFailure)?;
        let role = role.ok_or(ApiError::ServiceFailure)?;
        let duration = role_session_duration(&role, self.input.duration_seconds, false)?;
        let (policies, packed) = session_policies(state, &self.session, &[]).await?;
        let entity = &role.role;
        let session = RoleSession {
            role_id: entity.id.clone(),
            role_name: entity.name.clone(),
            role_path: entity.path.clone(),
            session_name: self.input.role_session_name,
            policies,
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            source_identity: token.source_identity.clone(),
            chained: false,
        };
        let mut fields = role_session_result(state, session, duration, packed)?;
        fields.insert(
            1,
            Element::text("SubjectFromWebIdentityToken", &token.subject),
        );
        fields.push(Element::text("Provider", &provider));
        fields.push(Element::text("Audience", &token.audience));
        if let Some(source_identity) = token.source_identity {
            fields.push(Element::text("SourceIdentity", source_identity));
        }
        Ok(Some(Element::parent(
            "AssumeRoleWithWebIdentityResult",
            fields,
        )))
    }
}

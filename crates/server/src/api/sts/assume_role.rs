//! `AssumeRole`: a role session, allowed by the role's trust policy and the caller's own
//! policies together. With the code of an MFA device enabled for the calling user, the trust
//! policy sees `aws:MultiFactorAuthPresent` true and the session carries it; a session that
//! was MFA-authenticated passes its authentication on to the roles it assumes.
//!
//! A role of another account this server serves is assumed across accounts: the caller's
//! account must allow `sts:AssumeRole` on the role and the role's trust policy must allow the
//! caller (naming it or its account); the session belongs to the role's account.

use keyward_aws_model::generated::sts::{input::AssumeRoleInput, operation};
use std::sync::Arc;

use time::OffsetDateTime;

use super::{
    check_role_arn, role_session_duration, role_session_result_with_mfa, session_policies,
    session_tags, SessionInput, SessionTags,
};
use crate::api::{Affected, Context, Operation};
use crate::arn;
use crate::auth::identity::Identity;
use crate::auth::session::RoleSession;
use crate::authz::{compile, Authorization, Resource};
use crate::directory::mfa::verify_sts_code;
use crate::directory::roles::{assumable_role, role_owner, AssumableRole};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(crate) struct AssumeRole {
    role_arn: String,
    session_name: String,
    duration: Option<i64>,
    session: SessionInput,
    source_identity: Option<String>,
    serial_number: Option<String>,
    token_code: Option<String>,
    /// When the request proved an MFA code, if it did.
    mfa: Option<OffsetDateTime>,
    /// What authorization found: the role, the session's tags and transitive keys.
    resolved: Option<(AssumableRole, SessionTags, Vec<String>)>,
    /// The role's account when it is not the caller's: the session is issued there.
    owner: Option<Arc<AppState>>,
}

impl Operation for AssumeRole {
    type Input = AssumeRoleInput;
    const NAME: &'static str = operation::ASSUME_ROLE;

    fn new(input: AssumeRoleInput) -> Result<Self, ApiError> {
        check_role_arn(&input.role_arn)?;
        Ok(AssumeRole {
            session: SessionInput::new(
                input.policy,
                input.policy_arns,
                input.tags,
                input.transitive_tag_keys,
            ),
            role_arn: input.role_arn,
            session_name: input.role_session_name,
            duration: input.duration_seconds,
            source_identity: input.source_identity,
            serial_number: input.serial_number,
            token_code: input.token_code,
            mfa: None,
            resolved: None,
            owner: None,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let caller = ctx.caller;
        let parent = match &caller.identity {
            Identity::Root => {
                return Err(ApiError::AccessDenied(
                    "Roles may not be assumed by root accounts.".to_owned(),
                ))
            }
            Identity::FederatedUser(_) => {
                return Err(ApiError::AccessDenied(
                    "Cannot call AssumeRole with federated user credentials".to_owned(),
                ))
            }
            // A delegated session may use only what its request's policy names; assuming a
            // role would step outside it (Keyward refuses; AWS does not document this).
            Identity::Delegated(_) => {
                return Err(ApiError::AccessDenied(
                    "Cannot call AssumeRole with delegated access credentials".to_owned(),
                ))
            }
            Identity::User(_) => None,
            Identity::RoleSession(parent) => Some(parent.as_ref()),
        };
        self.owner = role_owner(ctx.state, &self.role_arn).await?;
        let owner: &AppState = self.owner.as_deref().unwrap_or(ctx.state);
        let Some(role) = assumable_role(owner, &self.role_arn).await? else {
            // AWS's refusal names the action and the role, whether or not the role exists.
            return Err(ApiError::AccessDenied(format!(
                "User: {} is not authorized to perform: sts:AssumeRole on resource: {}",
                caller.arn(),
                self.role_arn
            )));
        };
        let user = match &caller.identity {
            Identity::User(user) => Some(user),
            _ => None,
        };
        self.mfa = verify_sts_code(
            ctx.state,
            user,
            self.serial_number.as_deref(),
            self.token_code.as_deref(),
        )
        .await?;
        let trust = compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]);
        let (tags, transitive) = session_tags(parent, &self.session)?;
        self.resolved = Some((role, tags, transitive));
        Ok(Authorization::Trust {
            role: Resource::arn(self.role_arn.clone()),
            trust,
            also: if self.session.has_tags() {
                vec!["sts:TagSession"]
            } else {
                Vec::new()
            },
            mfa: self.mfa,
        })
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state: &AppState = self.owner.as_deref().unwrap_or(ctx.state);
        let (role, tags, transitive_tag_keys) = self.resolved.ok_or(ApiError::ServiceFailure)?;
        let parent = match &ctx.caller.identity {
            Identity::RoleSession(parent) => Some(parent.as_ref()),
            _ => None,
        };
        let duration = role_session_duration(&role, self.duration, parent.is_some())?;
        let (policies, packed) = session_policies(state, &self.session, &tags).await?;
        let entity = &role.role;
        let source_identity = self
            .source_identity
            .or_else(|| parent.and_then(|p| p.source_identity.clone()));
        let session = RoleSession {
            role_id: entity.id.clone(),
            role_name: entity.name.clone(),
            role_path: entity.path.clone(),
            session_name: self.session_name,
            policies,
            tags,
            transitive_tag_keys,
            source_identity: source_identity.clone(),
            chained: parent.is_some(),
        };
        let mfa = self.mfa.or(ctx.caller.mfa_authenticated);
        let mut fields = role_session_result_with_mfa(state, session, duration, packed, mfa)?;
        if let Some(source_identity) = source_identity {
            fields.push(Element::text("SourceIdentity", source_identity));
        }
        tracing::debug!(
            role = %arn::role(&state.account, &entity.path, &entity.name),
            "role assumed"
        );
        Ok(Some(Element::parent("AssumeRoleResult", fields)))
    }
}

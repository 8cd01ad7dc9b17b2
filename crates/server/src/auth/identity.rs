//! Who is calling: the authenticated principal of a request, in the forms AWS reports it
//! (ARN, principal id, CloudTrail `userIdentity`).

use std::sync::Arc;

use keyward_store::User;
use time::OffsetDateTime;

use crate::arn::{self, AccountId};
use crate::audit::{SessionAttributes, SessionContext, UserIdentity};
use crate::auth::session::{
    DelegatedApprover, DelegatedSession, FederatedSession, FederationIssuer, RoleSession,
    SessionSubject,
};

/// Who signed a request: the owner of a long-term access key, or an assumed-role session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// The account root user: may do everything.
    Root,
    /// An IAM user.
    User(User),
    /// A session of an assumed role.
    RoleSession(Arc<RoleSession>),
    /// A federated user session from `GetFederationToken`.
    FederatedUser(Arc<FederatedSession>),
    /// A delegated access session from `GetDelegatedAccessToken`: the approver of a
    /// delegation request, within the request's policy.
    Delegated(Arc<DelegatedSession>),
}

impl Identity {
    /// The principal a sealed session stands for, issued at `issued`.
    pub fn from_session(subject: SessionSubject, issued: OffsetDateTime) -> Identity {
        match subject {
            SessionSubject::Root => Identity::Root,
            SessionSubject::User {
                user_id,
                name,
                path,
            } => Identity::User(User {
                user_id: keyward_store::UserId(user_id),
                name,
                path,
                create_date: issued,
            }),
            SessionSubject::Role(role) => Identity::RoleSession(Arc::new(role)),
            SessionSubject::Federated(federated) => Identity::FederatedUser(Arc::new(federated)),
            SessionSubject::Delegated(delegated) => Identity::Delegated(Arc::new(delegated)),
        }
    }

    /// The identity a delegated session acts as: its approver's.
    pub fn of_approver(approver: &DelegatedApprover, issued: OffsetDateTime) -> Identity {
        match approver {
            DelegatedApprover::Root => Identity::Root,
            DelegatedApprover::User {
                user_id,
                name,
                path,
            } => Identity::User(User {
                user_id: keyward_store::UserId(user_id.clone()),
                name: name.clone(),
                path: path.clone(),
                create_date: issued,
            }),
            DelegatedApprover::Role(role) => Identity::RoleSession(Arc::new(role.clone())),
        }
    }
}

/// The authenticated caller of one request.
#[derive(Clone, Debug)]
pub struct Caller {
    /// Whose key signed the request.
    pub identity: Identity,
    /// The access key that signed it.
    pub access_key_id: String,
    /// The account both live in.
    pub account: AccountId,
    /// When the session was issued, for temporary credentials (`aws:TokenIssueTime`).
    pub token_issued: Option<OffsetDateTime>,
    /// When the session expires, for temporary credentials: nothing it mints may outlive it.
    pub token_expires: Option<OffsetDateTime>,
    /// When the caller proved an MFA code, for sessions obtained with one
    /// (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`).
    pub mfa_authenticated: Option<OffsetDateTime>,
}

impl Caller {
    /// For a delegated session, the caller as its approver (whose ARN and ids it reports).
    fn as_approver(&self) -> Option<Caller> {
        match &self.identity {
            Identity::Delegated(d) => Some(Caller {
                identity: Identity::of_approver(
                    &d.approver,
                    self.token_issued.unwrap_or(OffsetDateTime::UNIX_EPOCH),
                ),
                ..self.clone()
            }),
            _ => None,
        }
    }

    /// The caller's ARN, as `GetCallerIdentity` and AccessDenied messages show it.
    pub fn arn(&self) -> String {
        match &self.identity {
            Identity::Root => arn::root(&self.account),
            Identity::User(u) => arn::user(&self.account, &u.path, &u.name),
            Identity::RoleSession(s) => {
                arn::assumed_role(&self.account, &s.role_name, &s.session_name)
            }
            Identity::FederatedUser(s) => arn::federated_user(&self.account, &s.name),
            Identity::Delegated(_) => self.as_approver().map(|a| a.arn()).unwrap_or_default(),
        }
    }

    /// The principal id (`UserId` in `GetCallerIdentity`): the account id for root,
    /// `ROLEID:SESSION` for a role session.
    pub fn principal_id(&self) -> String {
        match &self.identity {
            Identity::Root => self.account.0.clone(),
            Identity::User(u) => u.user_id.0.clone(),
            Identity::RoleSession(s) => format!("{}:{}", s.role_id, s.session_name),
            Identity::FederatedUser(s) => format!("{}:{}", self.account.0, s.name),
            Identity::Delegated(_) => self
                .as_approver()
                .map(|a| a.principal_id())
                .unwrap_or_default(),
        }
    }

    /// CloudTrail's `userIdentity` element.
    pub fn audit_identity(&self) -> UserIdentity {
        let account = Some(self.account.0.clone());
        let signed = |kind: &'static str| UserIdentity {
            kind,
            principal_id: Some(self.principal_id()),
            arn: Some(self.arn()),
            account_id: account.clone(),
            access_key_id: Some(self.access_key_id.clone()),
            ..UserIdentity::default()
        };
        let session = |issuer: UserIdentity| {
            Some(SessionContext {
                session_issuer: Box::new(issuer),
                attributes: SessionAttributes::issued(self.token_issued)
                    .mfa(self.mfa_authenticated.is_some()),
            })
        };
        match &self.identity {
            Identity::Delegated(_) => self
                .as_approver()
                .map(|a| a.audit_identity())
                .unwrap_or_default(),
            Identity::Root => signed("Root"),
            Identity::User(u) => UserIdentity {
                user_name: Some(u.name.clone()),
                ..signed("IAMUser")
            },
            Identity::RoleSession(s) => UserIdentity {
                session_context: session(UserIdentity {
                    kind: "Role",
                    principal_id: Some(s.role_id.clone()),
                    arn: Some(arn::role(&self.account, &s.role_path, &s.role_name)),
                    account_id: account.clone(),
                    user_name: Some(s.role_name.clone()),
                    ..UserIdentity::default()
                }),
                ..signed("AssumedRole")
            },
            Identity::FederatedUser(s) => {
                let issuer = match &s.issuer {
                    FederationIssuer::Root => UserIdentity {
                        kind: "Root",
                        principal_id: account.clone(),
                        arn: Some(arn::root(&self.account)),
                        account_id: account.clone(),
                        ..UserIdentity::default()
                    },
                    FederationIssuer::User {
                        user_id,
                        name,
                        path,
                    } => UserIdentity {
                        kind: "IAMUser",
                        principal_id: Some(user_id.clone()),
                        arn: Some(arn::user(&self.account, path, name)),
                        account_id: account.clone(),
                        user_name: Some(name.clone()),
                        ..UserIdentity::default()
                    },
                };
                UserIdentity {
                    session_context: session(issuer),
                    ..signed("FederatedUser")
                }
            }
        }
    }
}

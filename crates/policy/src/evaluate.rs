//! AWS's request evaluation logic over compiled policy sets.
//!
//! The order follows the IAM user guide's "Policy evaluation logic" and its cross-account
//! page: an explicit deny in any applicable policy wins; then every level of resource control
//! policies and service control policies must allow; then resource-based policies, whose
//! effect depends on how they name the caller; then identity-based policies, permissions
//! boundaries and session policies, which intersect. Across accounts both the caller's side
//! and the resource's side must allow.

use std::fmt;

use crate::arn::AccountId;
use crate::compile::{CompiledStatement, Naming, PolicyId, PolicySet, PrincipalRule};
use crate::condition::Truth;
use crate::document::Effect;
use crate::kind::PolicyKind;
use crate::request::{PrincipalKind, Request};
use crate::service::ServiceRule;

/// The outcome IAM reports (`EvalDecision` in `SimulatePrincipalPolicy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// At least one policy allows and nothing denies.
    Allowed,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// No applicable `Allow` where one was needed.
    ImplicitDeny,
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Decision::Allowed => "allowed",
            Decision::ExplicitDeny => "explicitDeny",
            Decision::ImplicitDeny => "implicitDeny",
        })
    }
}

/// What the resource-based policy is, which changes whether it must allow on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ResourcePolicyMode {
    /// An ordinary resource-based policy: within one account, identity policies can grant
    /// access without it.
    #[default]
    Standard,
    /// A role trust policy deciding `sts:AssumeRole*`: it must explicitly allow the caller.
    RoleTrust,
    /// A KMS key policy: it must allow, though naming the account delegates to IAM policies.
    KeyPolicy,
}

/// Everything IAM consults for one request.
#[derive(Debug, Clone, Copy)]
pub struct AuthorizationInputs<'a> {
    /// The request.
    pub request: &'a Request,
    /// The caller's identity-based policies: a user's inline, managed and group policies, or
    /// a role's policies (for a session, the role's; for a federated user, the IAM user's).
    pub identity_policies: &'a PolicySet,
    /// The resource's policy (or the role's trust policy), if it has one.
    pub resource_policy: Option<&'a PolicySet>,
    /// What kind of resource policy `resource_policy` is.
    pub resource_policy_mode: ResourcePolicyMode,
    /// The caller's permissions boundary; an empty set counts as none.
    pub permissions_boundary: Option<&'a PolicySet>,
    /// The session policies of a role or federated-user session; an empty set counts as none.
    pub session_policies: Option<&'a PolicySet>,
    /// SCPs of the caller's account, one set per level from the root to the account; each
    /// level must allow. Empty when the account is not governed by SCPs.
    pub service_control_policies: &'a [PolicySet],
    /// RCPs of the resource's account, one set per level; each level must allow.
    pub resource_control_policies: &'a [PolicySet],
    /// The account that owns the resource; `None` means the caller's own account.
    pub resource_account: Option<&'a AccountId>,
}

impl<'a> AuthorizationInputs<'a> {
    /// Inputs with only identity policies; set the other fields as needed.
    pub fn new(request: &'a Request, identity_policies: &'a PolicySet) -> AuthorizationInputs<'a> {
        AuthorizationInputs {
            request,
            identity_policies,
            resource_policy: None,
            resource_policy_mode: ResourcePolicyMode::Standard,
            permissions_boundary: None,
            session_policies: None,
            service_control_policies: &[],
            resource_control_policies: &[],
            resource_account: None,
        }
    }
}

/// A statement that applied to the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchedStatement<'a> {
    /// Which kind of policy it belongs to.
    pub policy_kind: PolicyKind,
    /// The policy's name.
    pub policy_id: &'a PolicyId,
    /// The statement's `Sid`, if any.
    pub sid: Option<&'a str>,
    /// The statement's position in its policy, from zero.
    pub index: usize,
    /// Its effect.
    pub effect: Effect,
    /// True for a `Deny` that applies only because a condition could not be evaluated
    /// (unknown operator, malformed value): the engine fails closed.
    pub failed_closed: bool,
}

/// The answer to one request, with the evidence for it.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    decision: Decision,
    decided_by: Option<PolicyKind>,
    matched: Vec<MatchedStatement<'a>>,
    missing: Vec<&'a str>,
    request: &'a Request,
    service_rule: ServiceRule,
}

impl<'a> Evaluation<'a> {
    /// Allowed, explicitly denied or implicitly denied.
    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// Whether the request is allowed.
    pub fn is_allowed(&self) -> bool {
        self.decision == Decision::Allowed
    }

    /// The policy type that decided: the one that denied, or the one whose allow granted
    /// access. `None` for the root user's implicit full access.
    pub fn decided_by(&self) -> Option<PolicyKind> {
        self.decided_by
    }

    /// Every statement that applied (both effects), in evaluation order: SCPs, RCPs, the
    /// resource policy, identity policies, the boundary, session policies.
    pub fn matched_statements(&self) -> &[MatchedStatement<'a>] {
        &self.matched
    }

    /// Condition keys (and policy variables) that applicable statements read but the request
    /// context lacked, as written in the policies, without duplicates.
    pub fn missing_context_keys(&self) -> &[&'a str] {
        &self.missing
    }

    /// The service rule applied: [`ServiceRule::Standard`] unless the evaluation came from
    /// [`evaluate_with_service_rules`] for an action with its own rule.
    pub fn service_rule(&self) -> ServiceRule {
        self.service_rule
    }

    /// One line saying why, in AWS's wording.
    pub fn reason(&self) -> String {
        let action = self.request.action();
        if self.service_rule == ServiceRule::NoPermissionRequired {
            return format!("allowed: {action} requires no permission");
        }
        match (self.decision, self.decided_by) {
            (Decision::Allowed, Some(kind)) => format!("allowed by {}", kind.with_article()),
            (Decision::Allowed, None) => {
                "allowed: the account root user has full access".to_owned()
            }
            (Decision::ExplicitDeny, Some(kind)) => {
                format!("explicit deny in {}", kind.with_article())
            }
            (Decision::ImplicitDeny, Some(kind)) => format!("no {} allows {action}", kind.noun()),
            (_, None) => format!("no policy allows {action}"),
        }
    }

    /// The message of the `AccessDenied` error AWS would return, or `None` when allowed.
    ///
    /// SCP and RCP denials always read "with an explicit deny in …", even when no statement
    /// denied explicitly, as AWS's do.
    pub fn access_denied_message(&self) -> Option<String> {
        self.access_denied_message_naming(self.request.resource())
    }

    /// [`Self::access_denied_message`] with the resource written as `resource` — services
    /// name some resources other than by ARN (IAM writes `user NAME` for an existing user).
    pub fn access_denied_message_naming(&self, resource: &str) -> Option<String> {
        if self.decision == Decision::Allowed {
            return None;
        }
        let request = self.request;
        let action = request.action();
        let mut message = format!(
            "User: {} is not authorized to perform: {action}",
            request.principal().display_name()
        );
        if resource != "*" {
            message.push_str(" on resource: ");
            message.push_str(resource);
        }
        let kind = self.decided_by.unwrap_or(PolicyKind::Identity);
        let always_explicit = matches!(
            kind,
            PolicyKind::ServiceControl | PolicyKind::ResourceControl
        );
        if self.decision == Decision::ExplicitDeny || always_explicit {
            message.push_str(" with an explicit deny in ");
            message.push_str(kind.with_article());
        } else {
            message.push_str(&format!(
                " because no {} allows the {action} action",
                kind.noun()
            ));
        }
        Some(message)
    }
}

/// What one policy set says about the request.
#[derive(Debug, Clone, Copy, Default)]
struct SetOutcome {
    /// The most specific way an applicable `Allow` named the caller.
    allow: Option<Naming>,
    deny: bool,
}

struct Collector<'a> {
    matched: Vec<MatchedStatement<'a>>,
    missing: Vec<&'a str>,
}

impl<'a> Collector<'a> {
    fn evaluate_set(
        &mut self,
        set: &'a PolicySet,
        kind: PolicyKind,
        request: &Request,
    ) -> SetOutcome {
        let mut outcome = SetOutcome::default();
        for (at, action_known) in set.candidates(request) {
            let Some((policy, statement)) = set.statement(at) else {
                continue;
            };
            let missing = &mut self.missing;
            let mut note_missing = |key: &'a str| {
                if !missing.iter().any(|k| k.eq_ignore_ascii_case(key)) {
                    missing.push(key);
                }
            };
            let Some(applicability) = statement.applicability(
                request,
                action_known,
                PrincipalRule::of(kind),
                &mut note_missing,
            ) else {
                continue;
            };
            let applies = match (statement.effect, applicability.truth) {
                (Effect::Allow, Truth::True) => {
                    outcome.allow = outcome.allow.max(Some(applicability.naming));
                    true
                }
                (Effect::Deny, Truth::True | Truth::Error) => {
                    outcome.deny = true;
                    true
                }
                _ => false,
            };
            if applies {
                self.record(
                    kind,
                    policy.id(),
                    statement,
                    at.statement,
                    applicability.truth,
                );
            }
        }
        outcome
    }

    fn record(
        &mut self,
        kind: PolicyKind,
        id: &'a PolicyId,
        statement: &'a CompiledStatement,
        index: usize,
        truth: Truth,
    ) {
        self.matched.push(MatchedStatement {
            policy_kind: kind,
            policy_id: id,
            sid: statement.sid.as_deref(),
            index,
            effect: statement.effect,
            failed_closed: truth == Truth::Error,
        });
    }
}

/// Decides a request the way AWS does.
pub fn evaluate<'a>(inputs: &AuthorizationInputs<'a>) -> Evaluation<'a> {
    let request = inputs.request;
    let mut collector = Collector {
        matched: Vec::new(),
        missing: Vec::new(),
    };
    let resource_kind = match inputs.resource_policy_mode {
        ResourcePolicyMode::RoleTrust => PolicyKind::Trust,
        _ => PolicyKind::Resource,
    };
    let non_empty = |set: Option<&'a PolicySet>| set.filter(|s| !s.is_empty());

    let mut scp_deny = false;
    let mut scp_all_allow = true;
    for level in inputs.service_control_policies {
        let outcome = collector.evaluate_set(level, PolicyKind::ServiceControl, request);
        scp_deny |= outcome.deny;
        scp_all_allow &= outcome.allow.is_some();
    }
    let mut rcp_deny = false;
    let mut rcp_all_allow = true;
    for level in inputs.resource_control_policies {
        let outcome = collector.evaluate_set(level, PolicyKind::ResourceControl, request);
        rcp_deny |= outcome.deny;
        rcp_all_allow &= outcome.allow.is_some();
    }
    let mut evaluate_optional =
        |set: Option<&'a PolicySet>, kind| set.map(|s| collector.evaluate_set(s, kind, request));
    let resource = evaluate_optional(inputs.resource_policy, resource_kind);
    let identity =
        evaluate_optional(Some(inputs.identity_policies), PolicyKind::Identity).unwrap_or_default();
    let boundary = evaluate_optional(
        non_empty(inputs.permissions_boundary),
        PolicyKind::PermissionsBoundary,
    );
    let session = evaluate_optional(non_empty(inputs.session_policies), PolicyKind::Session);

    let explicit = [
        (scp_deny, PolicyKind::ServiceControl),
        (rcp_deny, PolicyKind::ResourceControl),
        (resource.is_some_and(|o| o.deny), resource_kind),
        (identity.deny, PolicyKind::Identity),
        (
            boundary.is_some_and(|o| o.deny),
            PolicyKind::PermissionsBoundary,
        ),
        (session.is_some_and(|o| o.deny), PolicyKind::Session),
    ]
    .into_iter()
    .find_map(|(denied, kind)| denied.then_some(kind));

    let (decision, decided_by) = if let Some(kind) = explicit {
        (Decision::ExplicitDeny, Some(kind))
    } else if !rcp_all_allow {
        (Decision::ImplicitDeny, Some(PolicyKind::ResourceControl))
    } else if !scp_all_allow {
        (Decision::ImplicitDeny, Some(PolicyKind::ServiceControl))
    } else {
        decide_by_principal(
            inputs,
            resource.and_then(|o| o.allow),
            resource_kind,
            identity.allow.is_some(),
            allows_or_absent(boundary),
            session,
        )
    };
    Evaluation {
        decision,
        decided_by,
        matched: collector.matched,
        missing: collector.missing,
        request,
        service_rule: ServiceRule::Standard,
    }
}

/// [`evaluate`] with the service's own rules for the action (see [`ServiceRule`]): a KMS key
/// policy or a role trust policy must allow, whatever `resource_policy_mode` says, and
/// `sts:GetCallerIdentity` is always allowed, even under an explicit deny.
pub fn evaluate_with_service_rules<'a>(inputs: &AuthorizationInputs<'a>) -> Evaluation<'a> {
    let service_rule = ServiceRule::for_action(inputs.request.action());
    if service_rule == ServiceRule::NoPermissionRequired {
        return Evaluation {
            decision: Decision::Allowed,
            decided_by: None,
            matched: Vec::new(),
            missing: Vec::new(),
            request: inputs.request,
            service_rule,
        };
    }
    let mut inputs = *inputs;
    if let Some(mode) = service_rule.resource_policy_mode() {
        inputs.resource_policy_mode = mode;
    }
    Evaluation {
        service_rule,
        ..evaluate(&inputs)
    }
}

/// A permissions boundary that is absent does not restrict.
fn allows_or_absent(outcome: Option<SetOutcome>) -> bool {
    match outcome {
        Some(outcome) => outcome.allow.is_some(),
        None => true,
    }
}

/// Steps 4–7 of the evaluation logic, once no deny and no organization policy has decided.
fn decide_by_principal(
    inputs: &AuthorizationInputs<'_>,
    resource_allow: Option<Naming>,
    resource_kind: PolicyKind,
    identity_allows: bool,
    boundary_allows: bool,
    session: Option<SetOutcome>,
) -> (Decision, Option<PolicyKind>) {
    let allowed = |kind| (Decision::Allowed, Some(kind));
    let implicit = |kind| (Decision::ImplicitDeny, Some(kind));
    let principal = inputs.request.principal();
    let same_account = match (inputs.resource_account, principal.account()) {
        (None, _) => true,
        (Some(resource), Some(caller)) => resource == caller,
        (Some(_), None) => false,
    };
    if inputs.resource_policy_mode != ResourcePolicyMode::Standard && resource_allow.is_none() {
        return implicit(resource_kind);
    }
    let kind = principal.kind();
    match kind {
        PrincipalKind::Service | PrincipalKind::WebIdentity | PrincipalKind::Anonymous => {
            if resource_allow.is_some() {
                allowed(resource_kind)
            } else {
                implicit(resource_kind)
            }
        }
        PrincipalKind::Root => {
            // A session policy limits even the root user's session (a delegated session a
            // root user approved); without one, root may do everything in its account.
            if same_account && session.is_some_and(|o| o.allow.is_none()) {
                implicit(PolicyKind::Session)
            } else if same_account {
                (Decision::Allowed, None)
            } else if resource_allow.is_some() {
                allowed(resource_kind)
            } else {
                implicit(resource_kind)
            }
        }
        PrincipalKind::User | PrincipalKind::AssumedRole | PrincipalKind::FederatedUser => {
            // Session policies limit whichever principal's session carries them: role and
            // federated sessions, and a user's delegated session.
            let session_allows = match (kind, session) {
                (_, Some(outcome)) => outcome.allow.is_some(),
                (PrincipalKind::User, None) => true,
                (PrincipalKind::AssumedRole, None) => true,
                (_, None) => false,
            };
            let limits = if !boundary_allows {
                Err(PolicyKind::PermissionsBoundary)
            } else if !session_allows {
                Err(PolicyKind::Session)
            } else {
                Ok(())
            };
            let caller_side = if identity_allows {
                limits
            } else {
                Err(PolicyKind::Identity)
            };
            match (same_account, resource_allow, caller_side, limits) {
                (true, Some(Naming::Caller), _, _) => allowed(resource_kind),
                (true, Some(Naming::Issuer), _, Ok(())) => allowed(resource_kind),
                (true, Some(Naming::Issuer), _, Err(limit)) => implicit(limit),
                (true, _, Ok(()), _) => allowed(PolicyKind::Identity),
                (true, _, Err(denied), _) => implicit(denied),
                (false, _, Err(denied), _) => implicit(denied),
                (false, None, Ok(()), _) => implicit(resource_kind),
                (false, Some(_), Ok(()), _) => allowed(PolicyKind::Identity),
            }
        }
    }
}

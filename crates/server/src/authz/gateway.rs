//! Decisions for the authorization gateway: one IAM action of a request to another AWS
//! service, with the service's condition keys, decided by the same engine, caches and
//! identities as IAM calls, and with the resource's own policy (an S3 bucket policy) where
//! Keyward holds one — AWS's same-account rule: the identity's policies or the resource
//! policy may allow, and an explicit deny in any policy wins.

use keyward_policy::{
    evaluate, ContextValue, Decision, Effect, Evaluation, PolicyKind, PolicySet, ResourcePolicyMode,
};

use super::{prepare, record_attempt, RequestFacts, Resource};
use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;

/// One statement that decided (or took part in deciding) a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedStatement {
    /// The policy kind as AWS names it ("identity-based policy", "resource-based policy", …).
    pub policy_type: &'static str,
    /// The policy's name (a bucket policy is named by its bucket, a queue policy by its
    /// queue's ARN).
    pub policy: String,
    /// The statement's `Sid`, if it has one.
    pub sid: Option<String>,
    /// The statement's position in its policy, from zero.
    pub index: usize,
    /// `Allow` or `Deny`.
    pub effect: &'static str,
}

impl MatchedStatement {
    /// The statement as the audit record's `matchedStatements` list it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "policyType": self.policy_type,
            "policy": self.policy,
            "sid": self.sid,
            "statementIndex": self.index,
            "effect": self.effect,
        })
    }
}

impl std::fmt::Display for MatchedStatement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}, statement ", self.policy_type, self.policy)?;
        match &self.sid {
            Some(sid) => write!(f, "{sid:?}"),
            None => write!(f, "#{}", self.index + 1),
        }
    }
}

/// The decision on one action and resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceDecision {
    /// Whether the action is allowed.
    pub allowed: bool,
    /// AWS's refusal sentence ("User: … is not authorized to perform: …"), when refused.
    pub refusal: Option<String>,
    /// The statements that applied.
    pub matched: Vec<MatchedStatement>,
    /// Why, in a few words ("allowed by an identity-based policy").
    pub reason: String,
    /// A refusal's kind: `true` when a `Deny` statement applied, `false` when no statement
    /// allowed.
    pub explicit_deny: bool,
    /// The policy type that decided (denied, or whose allow granted), when one did.
    pub decided_by: Option<&'static str>,
}

/// Decides whether `caller` may perform `action` on `resource`, with the service's condition
/// keys in `service_keys` added to the global ones of `facts`, and with `resource_policy`
/// (a bucket's or queue's policy, or a KMS key policy that must allow) where there is one. The
/// account root user's own identity allows everything, but an explicit deny in the resource
/// policy still refuses it, and so does a key policy that does not allow it.
pub async fn decide(
    state: &crate::state::AppState,
    caller: &Caller,
    action: &str,
    resource: &Resource,
    service_keys: Vec<(String, ContextValue)>,
    facts: &RequestFacts,
    resource_policy: Option<(&PolicySet, ResourcePolicyMode)>,
) -> Result<ServiceDecision, ApiError> {
    let mut facts = facts.clone();
    facts.operation_keys.extend(service_keys);
    record_attempt(state, caller, action, &facts);
    let prepared = prepare(state, caller, action, resource, &facts, false).await?;
    let no_policies = PolicySet::new();
    let everything = super::compile(vec![(
        "root".to_owned(),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
            .to_owned(),
    )]);
    let mut inputs = prepared.inputs(&no_policies, None);
    if caller.identity == Identity::Root {
        inputs.identity_policies = &everything;
    }
    if let Some((policy, mode)) = resource_policy {
        inputs.resource_policy = Some(policy);
        inputs.resource_policy_mode = mode;
    }
    let evaluation = evaluate(&inputs);
    let matched = matched_statements(&evaluation);
    Ok(ServiceDecision {
        allowed: evaluation.is_allowed(),
        refusal: evaluation.access_denied_message_naming(&resource.shown_as),
        matched,
        reason: evaluation.reason(),
        explicit_deny: evaluation.decision() == Decision::ExplicitDeny,
        decided_by: evaluation.decided_by().map(PolicyKind::noun),
    })
}

/// The statements that decided `evaluation`, named as the audit record and messages show them.
pub(crate) fn matched_statements(evaluation: &Evaluation<'_>) -> Vec<MatchedStatement> {
    evaluation
        .matched_statements()
        .iter()
        .map(|m| MatchedStatement {
            policy_type: m.policy_kind.noun(),
            policy: m.policy_id.as_str().to_owned(),
            sid: m.sid.map(str::to_owned),
            index: m.index,
            effect: match m.effect {
                Effect::Allow => "Allow",
                Effect::Deny => "Deny",
            },
        })
        .collect()
}

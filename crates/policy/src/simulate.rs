//! The policy simulator that `keyward policy simulate` and IAM's `SimulateCustomPolicy` /
//! `SimulatePrincipalPolicy` share, so that the offline tool and the API cannot disagree.
//!
//! A simulation is a set of labelled policy texts and a list of actions and resources. Each
//! (action, resource) pair is decided by [`evaluate_with_service_rules`]; the results are
//! grouped per action as AWS's simulator has answered since 2025: one result per action whose
//! decision is the most restrictive across its resources, with each resource's own decision
//! inside. Statements are reported with where they are written, so callers can point at them.

use crate::arn::AccountId;
use crate::compile::{CompiledPolicy, PolicyId, PolicySet};
use crate::document::{Effect, ParseError};
use crate::evaluate::{evaluate_with_service_rules, AuthorizationInputs, Decision, Evaluation};
use crate::kind::PolicyKind;
use crate::request::Request;
use crate::service::ServiceRule;
use crate::spans::{Span, Spans};

/// A policy of the simulation: the caller's label for it and where its statements are.
#[derive(Debug)]
struct Entry<L> {
    label: L,
    spans: Spans,
}

/// The policies of one simulation, by the role each plays in the evaluation.
///
/// `L` is whatever the caller reports a policy by: a file name for the CLI, IAM's
/// `SourcePolicyId` and `SourcePolicyType` for the API.
#[derive(Debug)]
pub struct Simulation<L> {
    entries: Vec<Entry<L>>,
    identity: PolicySet,
    boundary: PolicySet,
    resource: Option<PolicySet>,
    trust: Option<PolicySet>,
    session: Option<PolicySet>,
    service_control: Vec<PolicySet>,
    resource_control: Vec<PolicySet>,
    resource_account: Option<AccountId>,
}

impl<L> Default for Simulation<L> {
    fn default() -> Self {
        Simulation {
            entries: Vec::new(),
            identity: PolicySet::new(),
            boundary: PolicySet::new(),
            resource: None,
            trust: None,
            session: None,
            service_control: Vec::new(),
            resource_control: Vec::new(),
            resource_account: None,
        }
    }
}

/// A statement that applied to one simulated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulatedStatement<'s, L> {
    /// The label its policy was added with.
    pub label: &'s L,
    /// The role its policy played (a resource policy deciding `sts:AssumeRole*` is `Trust`).
    pub kind: PolicyKind,
    /// Its position in its policy, from zero.
    pub index: usize,
    /// Its `Sid`.
    pub sid: Option<String>,
    /// Its effect.
    pub effect: Effect,
    /// A `Deny` that applied only because a condition could not be evaluated.
    pub failed_closed: bool,
    /// Where the statement object is written, when the text could be scanned.
    pub span: Option<Span>,
    /// Which policy of the simulation it belongs to, to tell apart equal labels.
    policy: usize,
}

/// The decision on one action for one resource.
#[derive(Debug, Clone)]
pub struct ResourceResult<'s, L> {
    /// The resource as given.
    pub resource: String,
    /// Allowed, explicitly or implicitly denied.
    pub decision: Decision,
    /// The policy type that decided (see [`Evaluation::decided_by`]).
    pub decided_by: Option<PolicyKind>,
    /// The service rule applied to the action.
    pub service_rule: ServiceRule,
    /// One line saying why.
    pub reason: String,
    /// The `AccessDenied` message AWS would answer, when denied.
    pub access_denied_message: Option<String>,
    /// Every statement that applied, both effects, in evaluation order.
    pub matched: Vec<SimulatedStatement<'s, L>>,
    /// Condition keys the policies read that the request lacked.
    pub missing_context_keys: Vec<String>,
    /// Whether the permissions boundary allows, when one is in force.
    pub allowed_by_permissions_boundary: Option<bool>,
}

/// The decisions on one action across every resource simulated.
#[derive(Debug, Clone)]
pub struct ActionResult<'s, L> {
    /// The action as given.
    pub action: String,
    /// The most restrictive decision across the resources.
    pub decision: Decision,
    /// Each resource's result, in the order given.
    pub resources: Vec<ResourceResult<'s, L>>,
}

impl<L> Simulation<L> {
    /// An empty simulation.
    pub fn new() -> Self {
        Simulation::default()
    }

    /// Adds a policy in the role `kind` names. Each service or resource control policy is
    /// one level of the organization, from the root down; every level must allow.
    pub fn add(&mut self, kind: PolicyKind, label: L, text: &str) -> Result<(), ParseError> {
        let policy = CompiledPolicy::parse(PolicyId::new(self.entries.len().to_string()), text)?;
        match kind {
            PolicyKind::Identity => self.identity.push(policy),
            PolicyKind::PermissionsBoundary => self.boundary.push(policy),
            PolicyKind::Resource => self.resource.get_or_insert_default().push(policy),
            PolicyKind::Trust => self.trust.get_or_insert_default().push(policy),
            PolicyKind::Session => self.session.get_or_insert_default().push(policy),
            PolicyKind::ServiceControl => self
                .service_control
                .push(PolicySet::from_policies([policy])),
            PolicyKind::ResourceControl => self
                .resource_control
                .push(PolicySet::from_policies([policy])),
        }
        self.entries.push(Entry {
            label,
            spans: Spans::scan(text).unwrap_or_default(),
        });
        Ok(())
    }

    /// The account that owns the resources, when it is not the caller's.
    pub fn set_resource_account(&mut self, account: Option<AccountId>) {
        self.resource_account = account;
    }

    /// Decides every action on every resource; `request` builds the request for an (action,
    /// resource) pair, with the principal and context the caller simulates. No resources means
    /// `*`, as in IAM, so that an action is never decided on nothing.
    pub fn run(
        &self,
        actions: &[String],
        resources: &[String],
        request: impl Fn(&str, &str) -> Request,
    ) -> Vec<ActionResult<'_, L>> {
        let every = ["*".to_owned()];
        let resources = if resources.is_empty() {
            &every[..]
        } else {
            resources
        };
        actions
            .iter()
            .map(|action| {
                let resources: Vec<ResourceResult<'_, L>> = resources
                    .iter()
                    .map(|resource| self.decide(&request(action, resource)))
                    .collect();
                let decision = resources
                    .iter()
                    .map(|r| r.decision)
                    .fold(Decision::Allowed, most_restrictive);
                ActionResult {
                    action: action.clone(),
                    decision,
                    resources,
                }
            })
            .collect()
    }

    fn decide(&self, request: &Request) -> ResourceResult<'_, L> {
        let rule = ServiceRule::for_action(request.action());
        let mut inputs = AuthorizationInputs::new(request, &self.identity);
        inputs.permissions_boundary = Some(&self.boundary);
        inputs.resource_policy = if rule == ServiceRule::TrustPolicyRequired {
            self.trust.as_ref()
        } else {
            self.resource.as_ref()
        };
        inputs.session_policies = self.session.as_ref();
        inputs.service_control_policies = &self.service_control;
        inputs.resource_control_policies = &self.resource_control;
        inputs.resource_account = self.resource_account.as_ref();
        let evaluation = evaluate_with_service_rules(&inputs);
        ResourceResult {
            resource: request.resource().to_owned(),
            decision: evaluation.decision(),
            decided_by: evaluation.decided_by(),
            service_rule: evaluation.service_rule(),
            reason: evaluation.reason(),
            access_denied_message: evaluation.access_denied_message(),
            matched: self.statements(&evaluation),
            missing_context_keys: evaluation
                .missing_context_keys()
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            allowed_by_permissions_boundary: (!self.boundary.is_empty())
                .then(|| boundary_allows(&evaluation)),
        }
    }

    fn statements(&self, evaluation: &Evaluation<'_>) -> Vec<SimulatedStatement<'_, L>> {
        evaluation
            .matched_statements()
            .iter()
            .filter_map(|m| {
                let policy = m.policy_id.as_str().parse::<usize>().ok()?;
                let entry = self.entries.get(policy)?;
                let span = entry
                    .spans
                    .get(&format!("/Statement/{}", m.index))
                    .or_else(|| {
                        (m.index == 0)
                            .then(|| entry.spans.get("/Statement"))
                            .flatten()
                    })
                    .copied();
                Some(SimulatedStatement {
                    label: &entry.label,
                    kind: m.policy_kind,
                    index: m.index,
                    sid: m.sid.map(str::to_owned),
                    effect: m.effect,
                    failed_closed: m.failed_closed,
                    span,
                    policy,
                })
            })
            .collect()
    }
}

/// The boundary allows when one of its statements allows and none denies.
fn boundary_allows(evaluation: &Evaluation<'_>) -> bool {
    let any = |effect| {
        evaluation
            .matched_statements()
            .iter()
            .any(|m| m.policy_kind == PolicyKind::PermissionsBoundary && m.effect == effect)
    };
    any(Effect::Allow) && !any(Effect::Deny)
}

/// The more restrictive of two decisions: explicit deny, then implicit deny, then allowed.
pub fn most_restrictive(a: Decision, b: Decision) -> Decision {
    let rank = |d| match d {
        Decision::ExplicitDeny => 2,
        Decision::ImplicitDeny => 1,
        Decision::Allowed => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

impl<L> SimulatedStatement<'_, L> {
    /// The statement's `(line, column)` start and end in the convention of IAM's
    /// `StartPosition`/`EndPosition`: lines from 1, columns from 1 pointing just past the
    /// statement's opening brace and just past its closing brace (AWS's documented example
    /// reports a statement whose `{` is the 37th character of line 1 as starting at column 38).
    pub fn iam_positions(&self) -> Option<((usize, usize), (usize, usize))> {
        let span = self.span?;
        Some((
            (span.start.line, span.start.column + 1),
            (span.end.line, span.end.column),
        ))
    }
}

impl<'s, L> ResourceResult<'s, L> {
    /// The statements IAM names in `MatchedStatements`: for an explicit deny the denying
    /// statements; for an allow the allowing statements of identity and resource policies
    /// (the boundary's verdict has its own field); for an implicit deny none.
    pub fn determining_statements(&self) -> impl Iterator<Item = &SimulatedStatement<'s, L>> {
        let decision = self.decision;
        self.matched.iter().filter(move |m| match decision {
            Decision::ExplicitDeny => m.effect == Effect::Deny,
            Decision::Allowed => {
                m.effect == Effect::Allow && m.kind != PolicyKind::PermissionsBoundary
            }
            Decision::ImplicitDeny => false,
        })
    }

    /// The statement that decided: for an explicit deny the first `Deny` of the deciding
    /// policy type, when allowed the first `Allow` of the type that granted; an implicit deny
    /// is decided by the absence of an `Allow`, so has none.
    pub fn deciding_statement(&self) -> Option<&SimulatedStatement<'s, L>> {
        let kind = self.decided_by?;
        let effect = match self.decision {
            Decision::ExplicitDeny => Effect::Deny,
            Decision::Allowed => Effect::Allow,
            Decision::ImplicitDeny => return None,
        };
        self.matched
            .iter()
            .find(|m| m.kind == kind && m.effect == effect)
    }
}

impl<'s, L> ActionResult<'s, L> {
    /// The statements behind the aggregate decision: the determining statements of every
    /// resource whose decision is the aggregate one, each once.
    pub fn determining_statements(&self) -> Vec<&SimulatedStatement<'s, L>> {
        let mut out: Vec<&SimulatedStatement<'s, L>> = Vec::new();
        for resource in self
            .resources
            .iter()
            .filter(|r| r.decision == self.decision)
        {
            for statement in resource.determining_statements() {
                if !out
                    .iter()
                    .any(|s| s.policy == statement.policy && s.index == statement.index)
                {
                    out.push(statement);
                }
            }
        }
        out
    }

    /// Whether the permissions boundary allows on every resource, when one is in force.
    pub fn allowed_by_permissions_boundary(&self) -> Option<bool> {
        self.resources
            .iter()
            .map(|r| r.allowed_by_permissions_boundary)
            .try_fold(true, |all, allows| allows.map(|a| all && a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Principal;

    const ALLOW_S3: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::good/*"}]}"#;
    const DENY_SECRET: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Sid\": \"Reads\", \"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"*\"},\n    {\n      \"Sid\": \"NoSecrets\",\n      \"Effect\": \"Deny\",\n      \"Action\": \"s3:*\",\n      \"Resource\": \"arn:aws:s3:::good/secret\"\n    }\n  ]\n}";

    fn simulation(texts: &[(PolicyKind, &'static str, &str)]) -> Simulation<&'static str> {
        let mut simulation = Simulation::new();
        for (kind, label, text) in texts {
            assert!(simulation.add(*kind, *label, text).is_ok(), "{label}");
        }
        simulation
    }

    fn run<'s>(
        simulation: &'s Simulation<&'static str>,
        actions: &[&str],
        resources: &[&str],
    ) -> Vec<ActionResult<'s, &'static str>> {
        let Ok(principal) = Principal::user("arn:aws:iam::111122223333:user/alice") else {
            unreachable!()
        };
        let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        simulation.run(&owned(actions), &owned(resources), |action, resource| {
            Request::new(principal.clone(), action, resource)
        })
    }

    #[test]
    fn one_result_per_action_with_the_most_restrictive_decision() {
        let simulation = simulation(&[
            (PolicyKind::Identity, "allow", ALLOW_S3),
            (PolicyKind::Identity, "deny", DENY_SECRET),
        ]);
        let good = "arn:aws:s3:::good/a.txt";
        let secret = "arn:aws:s3:::good/secret";
        let other = "arn:aws:s3:::other/a.txt";
        let results = run(
            &simulation,
            &["s3:PutObject", "s3:GetObject"],
            &[good, other, secret],
        );
        assert_eq!(results.len(), 2);
        let decisions =
            |r: &ActionResult<'_, &str>| r.resources.iter().map(|r| r.decision).collect::<Vec<_>>();
        let put = &results[0];
        assert_eq!(put.action, "s3:PutObject");
        assert_eq!(
            decisions(put),
            [
                Decision::Allowed,
                Decision::ImplicitDeny,
                Decision::ExplicitDeny
            ]
        );
        assert_eq!(put.decision, Decision::ExplicitDeny);
        // The aggregate names the statements behind the aggregate decision only.
        let labels: Vec<_> = put
            .determining_statements()
            .iter()
            .map(|s| (*s.label, s.sid.clone()))
            .collect();
        assert_eq!(labels, [("deny", Some("NoSecrets".to_owned()))]);
        let get = &results[1];
        assert_eq!(
            decisions(get),
            [Decision::Allowed, Decision::Allowed, Decision::ExplicitDeny]
        );
        // Without the secret, the allow of both resources, each statement once.
        let results = run(&simulation, &["s3:GetObject"], &[good, good]);
        assert_eq!(results[0].decision, Decision::Allowed);
        let labels: Vec<_> = results[0]
            .determining_statements()
            .iter()
            .map(|s| (*s.label, s.index))
            .collect();
        assert_eq!(labels, [("allow", 0), ("deny", 0)]);
        assert_eq!(
            most_restrictive(Decision::ImplicitDeny, Decision::Allowed),
            Decision::ImplicitDeny
        );
        let results = run(&simulation, &["s3:PutObject"], &[]);
        assert_eq!(results[0].resources.len(), 1);
        assert_eq!(
            (
                results[0].resources[0].resource.as_str(),
                results[0].decision
            ),
            ("*", Decision::ImplicitDeny)
        );
    }

    #[test]
    fn statement_positions_in_iams_convention() {
        // AWS's simulate-custom-policy example reports Start 1:38, End 1:167.
        let aws_example = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#;
        let simulation = simulation(&[
            (PolicyKind::Identity, "example", aws_example),
            (PolicyKind::Identity, "pretty", DENY_SECRET),
        ]);
        let request = |action: &str, resource: &str| {
            let results = run(&simulation, &[action], &[resource]);
            let positions: Vec<_> = results[0].resources[0]
                .matched
                .iter()
                .map(|s| (*s.label, s.iam_positions()))
                .collect();
            positions
        };
        let context_request = |action: &str| {
            let Ok(principal) = Principal::user("arn:aws:iam::111122223333:user/alice") else {
                unreachable!()
            };
            let results = simulation.run(&[action.to_owned()], &["*".to_owned()], |a, r| {
                let mut request = Request::new(principal.clone(), a, r);
                request.context_mut().insert(
                    "aws:CurrentTime",
                    crate::request::ContextValue::single("2020-01-01T00:00:00Z"),
                );
                request
            });
            results[0].resources[0]
                .matched
                .iter()
                .map(|s| s.iam_positions())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            context_request("dynamodb:GetItem"),
            [Some(((1, 38), (1, 167)))]
        );
        assert_eq!(
            request("s3:GetObject", "arn:aws:s3:::good/secret"),
            [
                ("pretty", Some(((4, 6), (4, 78)))),
                ("pretty", Some(((5, 6), (10, 6))))
            ]
        );
    }

    #[test]
    fn service_rules_apply() {
        let key_policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#;
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}]}"#;
        let allow_all = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        let deny_all = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#;
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        let role = "arn:aws:iam::111122223333:role/R";
        let decide = |simulation: &Simulation<&'static str>, action: &str, resource: &str| {
            let results = run(simulation, &[action], &[resource]);
            (results[0].decision, results[0].resources[0].service_rule)
        };
        let identity_only = simulation(&[(PolicyKind::Identity, "all", allow_all)]);
        assert_eq!(
            decide(&identity_only, "kms:Decrypt", key),
            (Decision::ImplicitDeny, ServiceRule::KeyPolicyRequired)
        );
        assert_eq!(
            decide(&identity_only, "sts:AssumeRole", role),
            (Decision::ImplicitDeny, ServiceRule::TrustPolicyRequired)
        );
        let with_policies = simulation(&[
            (PolicyKind::Identity, "all", allow_all),
            (PolicyKind::Resource, "key", key_policy),
            (PolicyKind::Trust, "trust", trust),
        ]);
        assert_eq!(
            decide(&with_policies, "kms:Decrypt", key).0,
            Decision::Allowed
        );
        assert_eq!(
            decide(&with_policies, "sts:AssumeRole", role).0,
            Decision::Allowed
        );
        let denied = simulation(&[(PolicyKind::Identity, "deny", deny_all)]);
        assert_eq!(
            decide(&denied, "sts:GetCallerIdentity", "*"),
            (Decision::Allowed, ServiceRule::NoPermissionRequired)
        );
    }

    #[test]
    fn permissions_boundary_verdicts() {
        let boundary = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
        let allow_all = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
        let without = simulation(&[(PolicyKind::Identity, "all", allow_all)]);
        let results = run(&without, &["s3:GetObject"], &["*"]);
        assert_eq!(results[0].allowed_by_permissions_boundary(), None);
        let with = simulation(&[
            (PolicyKind::Identity, "all", allow_all),
            (PolicyKind::PermissionsBoundary, "boundary", boundary),
        ]);
        let results = run(&with, &["s3:GetObject", "s3:PutObject"], &["*"]);
        assert_eq!(results[0].allowed_by_permissions_boundary(), Some(true));
        assert_eq!(results[1].allowed_by_permissions_boundary(), Some(false));
        assert_eq!(results[1].decision, Decision::ImplicitDeny);
        // The boundary's allow is its own verdict, not a determining statement.
        assert_eq!(
            results[0]
                .determining_statements()
                .iter()
                .map(|s| *s.label)
                .collect::<Vec<_>>(),
            ["all"]
        );
    }
}

//! Compiled policies: parse once, evaluate many times.
//!
//! A [`PolicySet`] indexes its statements by action so that evaluation touches only the
//! statements that can apply: exact actions are found by hash lookup, `service:Prefix*`
//! patterns by service, and only `*`, wildcard services and `NotAction` are checked for every
//! request.

use std::fmt;

use crate::condition::{CompiledCondition, Truth};
use crate::document::{
    ActionElement, Effect, PolicyDocument, PolicyVersion, PrincipalElement, PrincipalType,
    Principals, ResourceElement, Statement,
};
use crate::glob::{MatchMode, Pattern};
use crate::kind::PolicyKind;
use crate::request::{FastMap, Principal, Request};
use crate::variables::Template;
use crate::ParseError;

/// Names a policy in evaluation results: a managed policy ARN, an inline policy name, or any
/// label the caller chooses.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PolicyId(String);

impl PolicyId {
    /// Wraps a name.
    pub fn new(id: impl Into<String>) -> PolicyId {
        PolicyId(id.into())
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How specifically a resource-based policy names the caller; AWS's rules for same-account
/// access differ by this (IAM user guide, policy evaluation logic, "resource-based policies").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Naming {
    /// The account (`"AWS": "123456789012"` or `…:root`): delegates to identity policies.
    Account,
    /// The role behind a session, or the IAM user behind a federated-user session: still
    /// limited by permissions boundaries and session policies.
    Issuer,
    /// The caller itself, `*`, or everyone but a `Deny`'s `NotPrincipal` list; also every
    /// statement of an identity-based policy, which has no `Principal` element.
    Caller,
}

#[derive(Debug, Clone, Default)]
struct PrincipalMatcher {
    negated: bool,
    everyone: bool,
    accounts: Vec<Box<str>>,
    arns: Vec<Box<str>>,
    services: Vec<Box<str>>,
    providers: Vec<Box<str>>,
}

impl PrincipalMatcher {
    fn compile(element: &PrincipalElement) -> PrincipalMatcher {
        let (negated, principals) = match element {
            PrincipalElement::Principal(p) => (false, p),
            PrincipalElement::NotPrincipal(p) => (true, p),
        };
        let mut matcher = PrincipalMatcher {
            negated,
            ..PrincipalMatcher::default()
        };
        match principals {
            Principals::Everyone => matcher.everyone = true,
            Principals::Listed(listed) => {
                for (kind, values) in listed {
                    for value in values {
                        matcher.add(*kind, value);
                    }
                }
            }
        }
        matcher
    }

    fn add(&mut self, kind: PrincipalType, value: &str) {
        match kind {
            PrincipalType::Aws if value == "*" => self.everyone = true,
            PrincipalType::Aws => match account_of_root(value) {
                Some(account) => self.accounts.push(account.into()),
                None => self.arns.push(value.into()),
            },
            PrincipalType::Service => self.services.push(value.to_ascii_lowercase().into()),
            PrincipalType::Federated => self.providers.push(value.into()),
            PrincipalType::CanonicalUser => {}
        }
    }

    /// How the listed principals name the caller, if they do.
    fn naming(&self, principal: &Principal) -> Option<Naming> {
        if self.everyone {
            return Some(Naming::Caller);
        }
        let arn = |a: &str| self.arns.iter().any(|x| x.as_ref() == a);
        let account = |a: &str| self.accounts.iter().any(|x| x.as_ref() == a);
        match principal {
            Principal::Root { account: id } => account(id.as_str()).then_some(Naming::Caller),
            Principal::User {
                arn: user,
                account: id,
            } => {
                if arn(user) {
                    Some(Naming::Caller)
                } else {
                    account(id.as_str()).then_some(Naming::Account)
                }
            }
            Principal::AssumedRole {
                session_arn,
                role_arn,
                account: id,
            } => {
                if arn(session_arn) {
                    Some(Naming::Caller)
                } else if arn(role_arn) {
                    Some(Naming::Issuer)
                } else {
                    account(id.as_str()).then_some(Naming::Account)
                }
            }
            Principal::FederatedUser {
                session_arn,
                user_arn,
                account: id,
            } => {
                if arn(session_arn) {
                    Some(Naming::Caller)
                } else if user_arn.as_deref().is_some_and(arn) {
                    Some(Naming::Issuer)
                } else {
                    account(id.as_str()).then_some(Naming::Account)
                }
            }
            Principal::Service { name } => self
                .services
                .iter()
                .any(|s| s.eq_ignore_ascii_case(name))
                .then_some(Naming::Caller),
            Principal::WebIdentity { provider } => self
                .providers
                .iter()
                .any(|p| p.as_ref() == provider)
                .then_some(Naming::Caller),
            Principal::Anonymous => None,
        }
    }

    /// Whether the statement covers the caller, and how.
    ///
    /// A `NotPrincipal` exempts a caller only when every identity AWS checks for it is listed:
    /// the account, then the role, then the session (IAM user guide, `NotPrincipal`: a
    /// `Deny` that lists a user but not its account denies the whole account).
    fn covers(&self, principal: &Principal) -> Option<Naming> {
        if self.negated {
            (!self.lists_whole_chain(principal)).then_some(Naming::Caller)
        } else {
            self.naming(principal)
        }
    }

    fn lists_whole_chain(&self, principal: &Principal) -> bool {
        if self.everyone {
            return true;
        }
        let arn = |a: &str| self.arns.iter().any(|x| x.as_ref() == a);
        let account =
            |a: &crate::arn::AccountId| self.accounts.iter().any(|x| x.as_ref() == a.as_str());
        match principal {
            Principal::Root { account: id } => account(id),
            Principal::User {
                arn: user,
                account: id,
            } => account(id) && arn(user),
            Principal::AssumedRole {
                session_arn,
                role_arn,
                account: id,
            } => account(id) && arn(role_arn) && arn(session_arn),
            Principal::FederatedUser {
                session_arn,
                account: id,
                ..
            } => account(id) && arn(session_arn),
            Principal::Service { .. } | Principal::WebIdentity { .. } => {
                self.naming(principal).is_some()
            }
            Principal::Anonymous => false,
        }
    }
}

/// The account of `"123456789012"` or `arn:PARTITION:iam::123456789012:root`.
fn account_of_root(value: &str) -> Option<&str> {
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value);
    }
    let parts = crate::glob::split_arn_text(value)?;
    let [prefix, _, service, _, account, resource] = parts;
    (prefix == "arn" && service == "iam" && resource == "root").then_some(account)
}

#[derive(Debug, Clone)]
struct ActionMatcher {
    negated: bool,
    patterns: Vec<Pattern>,
}

impl ActionMatcher {
    fn matches(&self, action_lowercase: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| p.matches(action_lowercase, MatchMode::Text))
            != self.negated
    }
}

#[derive(Debug, Clone)]
struct ResourceMatcher {
    negated: bool,
    patterns: Vec<(Template, Option<Pattern>)>,
}

impl ResourceMatcher {
    fn matches<'p>(&'p self, request: &Request, missing: &mut dyn FnMut(&'p str)) -> bool {
        let resource = request.resource();
        let hit = self
            .patterns
            .iter()
            .any(|(template, compiled)| match compiled {
                Some(pattern) => pattern.matches(resource, MatchMode::Resource),
                None => template
                    .resolve_pattern(request.context(), missing)
                    .is_ok_and(|p| p.matches(resource, MatchMode::Resource)),
            });
        hit != self.negated
    }
}

/// One statement, compiled.
#[derive(Debug, Clone)]
pub(crate) struct CompiledStatement {
    pub(crate) sid: Option<Box<str>>,
    pub(crate) effect: Effect,
    principal: Option<PrincipalMatcher>,
    actions: ActionMatcher,
    resources: Option<ResourceMatcher>,
    conditions: Vec<CompiledCondition>,
    /// Policy variables (without a default) used in `Resource`/`NotResource` or conditions,
    /// as written and lowercased.
    variables: Vec<(Box<str>, Box<str>)>,
}

/// What the kind of policy holding a statement says about its `Principal` element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrincipalRule {
    /// Resource-based and trust policies: a statement without one names nobody.
    Required,
    /// Identity policies, boundaries, session policies and SCPs: IAM rejects a statement that
    /// has one, so evaluation fails closed on it.
    Forbidden,
    /// Resource control policies: the statement says whom it covers, if anyone.
    Optional,
}

impl PrincipalRule {
    /// The rule for statements of a policy of `kind`.
    pub(crate) fn of(kind: PolicyKind) -> PrincipalRule {
        match kind {
            PolicyKind::Resource | PolicyKind::Trust => PrincipalRule::Required,
            PolicyKind::ResourceControl => PrincipalRule::Optional,
            PolicyKind::Identity
            | PolicyKind::PermissionsBoundary
            | PolicyKind::Session
            | PolicyKind::ServiceControl => PrincipalRule::Forbidden,
        }
    }
}

/// Whether a statement applies to a request, and how its principal was named.
pub(crate) struct Applicability {
    pub(crate) truth: Truth,
    pub(crate) naming: Naming,
}

impl CompiledStatement {
    fn compile(statement: &Statement, version: Option<PolicyVersion>) -> CompiledStatement {
        let expand = version == Some(PolicyVersion::V2012);
        let actions = match &statement.action {
            Some(element) => ActionMatcher {
                negated: matches!(element, ActionElement::NotAction(_)),
                patterns: element
                    .patterns()
                    .iter()
                    .map(|a| Pattern::wildcard(&a.to_lowercase()))
                    .collect(),
            },
            None => ActionMatcher {
                negated: false,
                patterns: Vec::new(),
            },
        };
        let resources = statement.resource.as_ref().map(|element| ResourceMatcher {
            negated: matches!(element, ResourceElement::NotResource(_)),
            patterns: element
                .patterns()
                .iter()
                .map(|r| {
                    let template = Template::parse(r, expand);
                    let compiled = template.static_text().map(Pattern::wildcard);
                    (template, compiled)
                })
                .collect(),
        });
        let conditions: Vec<CompiledCondition> = statement
            .condition
            .iter()
            .map(|block| CompiledCondition::compile(block, expand))
            .collect();
        let mut variables: Vec<(Box<str>, Box<str>)> = Vec::new();
        let resource_variables = resources
            .iter()
            .flat_map(|r| &r.patterns)
            .flat_map(|(template, _)| template.required_variables());
        let condition_variables = conditions
            .iter()
            .flat_map(CompiledCondition::required_variables);
        for (key, lookup) in resource_variables.chain(condition_variables) {
            if !variables.iter().any(|(_, l)| l.as_ref() == lookup) {
                variables.push((key.into(), lookup.into()));
            }
        }
        CompiledStatement {
            sid: statement.sid.as_deref().map(Into::into),
            effect: statement.effect,
            principal: statement.principal.as_ref().map(PrincipalMatcher::compile),
            actions,
            resources,
            conditions,
            variables,
        }
    }

    /// Checks principal, resource and (unless the index already guarantees it) action, then
    /// evaluates every condition block so that all missing keys get reported.
    ///
    /// `principal_rule` comes from the kind of policy: see [`PrincipalRule`]. A principal
    /// where none is allowed makes the statement evaluate as an error, so that an `Allow`
    /// cannot grant and a `Deny` still denies. An `Allow` with `NotPrincipal` never applies:
    /// AWS does not support it, and granting to everyone not listed (anonymous users included)
    /// is the opposite of failing closed. A statement using a policy variable that the request
    /// cannot resolve (absent key, multivalued key, no default) does not apply either,
    /// whatever its effect and operators: the null value is not a "non-match" that a negated
    /// operator or `NotResource` could turn into a match.
    pub(crate) fn applicability<'p>(
        &'p self,
        request: &Request,
        action_known_to_match: bool,
        principal_rule: PrincipalRule,
        missing: &mut dyn FnMut(&'p str),
    ) -> Option<Applicability> {
        if !action_known_to_match && !self.actions.matches(request.action_lowercase()) {
            return None;
        }
        let (naming, mut truth) = match (&self.principal, principal_rule) {
            (Some(_), PrincipalRule::Forbidden) => (Naming::Caller, Truth::Error),
            (Some(matcher), _) if matcher.negated && self.effect == Effect::Allow => return None,
            (Some(matcher), _) => (matcher.covers(request.principal())?, Truth::True),
            (None, PrincipalRule::Required) => return None,
            (None, _) => (Naming::Caller, Truth::True),
        };
        if let Some(resources) = &self.resources {
            if !resources.matches(request, missing) {
                return None;
            }
        }
        let context = request.context();
        for condition in &self.conditions {
            truth = truth.and(condition.evaluate(context, missing));
        }
        let mut resolved = true;
        for (key, lookup) in &self.variables {
            if context.single_value(lookup).is_none() {
                if context.get_lowercase(lookup).is_none() {
                    missing(key);
                }
                resolved = false;
            }
        }
        resolved.then_some(Applicability { truth, naming })
    }
}

/// One policy document compiled for evaluation.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    id: PolicyId,
    pub(crate) statements: Vec<CompiledStatement>,
}

impl CompiledPolicy {
    /// Compiles a parsed document. Compilation cannot fail: anything IAM would not accept at
    /// write time (unknown operators, malformed values) compiles to something that fails
    /// closed at evaluation.
    pub fn compile(id: PolicyId, document: &PolicyDocument) -> CompiledPolicy {
        CompiledPolicy {
            id,
            statements: document
                .statements
                .iter()
                .map(|s| CompiledStatement::compile(s, document.version))
                .collect(),
        }
    }

    /// Parses and compiles policy JSON.
    pub fn parse(id: PolicyId, json: &str) -> Result<CompiledPolicy, ParseError> {
        Ok(CompiledPolicy::compile(id, &PolicyDocument::parse(json)?))
    }

    /// The policy's name.
    pub fn id(&self) -> &PolicyId {
        &self.id
    }

    /// The number of statements.
    pub fn statement_count(&self) -> usize {
        self.statements.len()
    }
}

/// A statement's position: which policy of the set, which statement of the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct StatementRef {
    pub(crate) policy: usize,
    pub(crate) statement: usize,
}

/// The policies of one kind that apply to a request (a principal's identity policies, a
/// permissions boundary, one level of SCPs, …), compiled and indexed by action.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    policies: Vec<CompiledPolicy>,
    by_action: FastMap<Box<str>, Vec<StatementRef>>,
    by_service: FastMap<Box<str>, Vec<StatementRef>>,
    every_action: Vec<StatementRef>,
}

impl PolicySet {
    /// An empty set: allows nothing.
    pub fn new() -> PolicySet {
        PolicySet::default()
    }

    /// Builds a set from compiled policies, in order.
    pub fn from_policies(policies: impl IntoIterator<Item = CompiledPolicy>) -> PolicySet {
        let mut set = PolicySet::new();
        for policy in policies {
            set.push(policy);
        }
        set
    }

    /// Adds a policy and indexes its statements.
    pub fn push(&mut self, policy: CompiledPolicy) {
        let policy_index = self.policies.len();
        for (statement_index, statement) in policy.statements.iter().enumerate() {
            let at = StatementRef {
                policy: policy_index,
                statement: statement_index,
            };
            self.index(at, &statement.actions);
        }
        self.policies.push(policy);
    }

    fn index(&mut self, at: StatementRef, actions: &ActionMatcher) {
        let mut exact = Vec::new();
        let mut services = Vec::new();
        for pattern in &actions.patterns {
            match pattern.exact_text() {
                Some(action) => exact.push(action),
                None => match pattern_service(pattern) {
                    Some(service) => services.push(service),
                    None => {
                        self.every_action.push(at);
                        return;
                    }
                },
            }
        }
        if actions.negated {
            self.every_action.push(at);
            return;
        }
        for service in &services {
            push_unique(
                self.by_service.entry(service.as_str().into()).or_default(),
                at,
            );
        }
        for action in exact {
            let service = action.split_once(':').map_or(action, |(s, _)| s);
            if !services.iter().any(|s| s == service) {
                push_unique(self.by_action.entry(action.into()).or_default(), at);
            }
        }
    }

    /// The policies, in order.
    pub fn policies(&self) -> &[CompiledPolicy] {
        &self.policies
    }

    /// Whether the set holds no policy.
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty()
    }

    pub(crate) fn statement(
        &self,
        at: StatementRef,
    ) -> Option<(&CompiledPolicy, &CompiledStatement)> {
        let policy = self.policies.get(at.policy)?;
        Some((policy, policy.statements.get(at.statement)?))
    }

    /// The statements whose actions may match, in policy and statement order, each with
    /// whether the index already proves the action matches.
    pub(crate) fn candidates<'s>(&'s self, request: &Request) -> Candidates<'s> {
        let exact = self
            .by_action
            .get(request.action_lowercase())
            .map_or(&[][..], Vec::as_slice);
        let service = self
            .by_service
            .get(request.service_lowercase())
            .map_or(&[][..], Vec::as_slice);
        Candidates {
            exact,
            service,
            every: &self.every_action,
        }
    }
}

fn push_unique(list: &mut Vec<StatementRef>, at: StatementRef) {
    if list.last() != Some(&at) {
        list.push(at);
    }
}

/// The literal service prefix of a wildcard action pattern, or `None` when the wildcard
/// reaches into the service name (`*`, `s3*:Get`, `*:Get*`).
fn pattern_service(pattern: &Pattern) -> Option<String> {
    let text = pattern.literal_prefix();
    let (service, _) = text.split_once(':')?;
    Some(service.to_owned())
}

/// Merges the three index lists back into document order.
pub(crate) struct Candidates<'s> {
    exact: &'s [StatementRef],
    service: &'s [StatementRef],
    every: &'s [StatementRef],
}

impl Iterator for Candidates<'_> {
    type Item = (StatementRef, bool);

    fn next(&mut self) -> Option<(StatementRef, bool)> {
        let heads = [self.exact.first(), self.service.first(), self.every.first()];
        let (which, at) = heads
            .iter()
            .enumerate()
            .filter_map(|(i, head)| head.map(|at| (i, *at)))
            .min_by_key(|(_, at)| *at)?;
        let list = match which {
            0 => &mut self.exact,
            1 => &mut self.service,
            _ => &mut self.every,
        };
        *list = list.get(1..).unwrap_or_default();
        Some((at, which == 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Principal;

    fn set_of(actions: &[String]) -> PolicySet {
        let statements: Vec<String> = actions
            .iter()
            .map(|a| format!(r#"{{"Effect":"Allow","Action":"{a}","Resource":"*"}}"#))
            .collect();
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        let policy = CompiledPolicy::parse(PolicyId::new("p"), &text);
        PolicySet::from_policies(policy.ok())
    }

    proptest::proptest! {
        /// The index may skip statements only when their actions cannot match.
        #[test]
        fn index_never_hides_a_matching_statement(
            actions in proptest::collection::vec("(s3|S3|ec2|\\*|s\\*)(:(Get|get|Put)?(Object|\\*|\\?bject)?)?", 1..8),
            request in "(s3|ec2|iam):(GetObject|PutObject|getobject)",
        ) {
            let set = set_of(&actions);
            let Ok(principal) = Principal::user("arn:aws:iam::111122223333:user/a") else { unreachable!() };
            let req = Request::new(principal, &request, "*");
            let candidates: Vec<usize> = set.candidates(&req).map(|(at, _)| at.statement).collect();
            let mut sorted = candidates.clone();
            sorted.sort_unstable();
            sorted.dedup();
            proptest::prop_assert_eq!(&sorted, &candidates, "candidates in order and without duplicates");
            for (i, statement) in set.policies()[0].statements.iter().enumerate() {
                if statement.actions.matches(req.action_lowercase()) {
                    proptest::prop_assert!(candidates.contains(&i), "statement {} ({}) hidden", i, actions[i]);
                }
            }
            for (at, known) in set.candidates(&req) {
                if known {
                    proptest::prop_assert!(set.policies()[0].statements[at.statement].actions.matches(req.action_lowercase()));
                }
            }
        }
    }
}

//! Feeds arbitrary bytes through the whole engine: validation for every policy kind, parsing,
//! compilation, and evaluation in every role (identity, resource, trust, boundary, session,
//! SCP) against requests whose action, resource and context also come from the input.
//!
//! Input layout: policy text, then optional fields separated by 0xFF bytes: action, resource,
//! and `key=value` context entries (`key=a|b` for a multivalued key).

#![no_main]

use keyward_policy::{
    evaluate, evaluate_with_service_rules, validate, AccountId, AuthorizationInputs,
    CompiledPolicy, ContextValue, PolicyDocument, PolicyId, PolicyKind, PolicySet, Principal,
    Request, ResourcePolicyMode,
};
use libfuzzer_sys::fuzz_target;

const KINDS: [PolicyKind; 7] = [
    PolicyKind::Identity,
    PolicyKind::Resource,
    PolicyKind::Trust,
    PolicyKind::PermissionsBoundary,
    PolicyKind::Session,
    PolicyKind::ServiceControl,
    PolicyKind::ResourceControl,
];

fn principals() -> Vec<Principal> {
    let account = AccountId::parse("111122223333").ok();
    let mut all = vec![
        Principal::Anonymous,
        Principal::service("ec2.amazonaws.com"),
        Principal::web_identity("cognito-identity.amazonaws.com"),
    ];
    all.extend(account.map(Principal::root));
    all.extend(Principal::user("arn:aws:iam::111122223333:user/alice").ok());
    all.extend(
        Principal::assumed_role(
            "arn:aws:sts::111122223333:assumed-role/Dev/s",
            "arn:aws:iam::111122223333:role/Dev",
        )
        .ok(),
    );
    all.extend(
        Principal::federated_user("arn:aws:sts::111122223333:federated-user/bob", None).ok(),
    );
    all
}

fuzz_target!(|data: &[u8]| {
    let mut fields = data.split(|b| *b == 0xFF).map(String::from_utf8_lossy);
    let Some(text) = fields.next() else { return };
    for kind in KINDS {
        let _ = validate(&text, kind).map_err(|e| (e.code(), e.to_string()));
    }
    let Ok(document) = PolicyDocument::parse(&text) else {
        return;
    };
    let policy =
        PolicySet::from_policies([CompiledPolicy::compile(PolicyId::new("fuzz"), &document)]);
    let action = fields.next().unwrap_or_default().into_owned();
    let resource = fields.next().unwrap_or_else(|| "*".into()).into_owned();
    let context: Vec<(String, ContextValue)> = fields
        .filter_map(|entry| {
            let (key, value) = entry.split_once('=')?;
            let value = if value.contains('|') {
                ContextValue::multiple(value.split('|'))
            } else {
                ContextValue::single(value)
            };
            Some((key.to_owned(), value))
        })
        .collect();
    let empty = PolicySet::new();
    let other = AccountId::parse("444455556666").ok();
    let levels = [policy.clone()];
    for principal in principals() {
        let mut request = Request::new(principal, &action, &resource);
        for (key, value) in &context {
            request.context_mut().insert(key, value.clone());
        }
        for role in 0..6 {
            let mut inputs =
                AuthorizationInputs::new(&request, if role == 0 { &policy } else { &empty });
            match role {
                1 => inputs.resource_policy = Some(&policy),
                2 => {
                    inputs.resource_policy = Some(&policy);
                    inputs.resource_policy_mode = ResourcePolicyMode::RoleTrust;
                    inputs.resource_account = other.as_ref();
                }
                3 => inputs.permissions_boundary = Some(&policy),
                4 => inputs.session_policies = Some(&policy),
                5 => inputs.service_control_policies = &levels,
                _ => {}
            }
            for evaluation in [evaluate(&inputs), evaluate_with_service_rules(&inputs)] {
                let _ = (
                    evaluation.reason(),
                    evaluation.access_denied_message(),
                    evaluation.missing_context_keys().len(),
                );
            }
        }
    }
});

//! The authorization decisions made while one request is served, for its audit record.
//! CloudTrail's record has no field for them, so they go in `additionalEventData`, as the
//! gateway's do. The list is task-local: every check on the request's path — the operation's
//! own, the further ones a handler makes (`iam:PassRole`), a trust policy's — is noted without
//! a parameter threaded through every handler.

use std::cell::RefCell;
use std::future::Future;

use serde_json::{json, Value};

use super::gateway::MatchedStatement;

tokio::task_local! {
    static DECISIONS: RefCell<Vec<Value>>;
}

/// Runs `request`, keeping the decisions made for it until it ends.
pub async fn collect<F: Future>(request: F) -> F::Output {
    DECISIONS.scope(RefCell::new(Vec::new()), request).await
}

/// Whether decisions are being kept (inside [`collect`]); outside it they are not built at all.
pub(crate) fn collecting() -> bool {
    DECISIONS.try_with(|_| ()).is_ok()
}

/// One decision as the audit record shows it.
pub fn entry(
    action: &str,
    resource: &str,
    allowed: bool,
    reason: &str,
    matched: &[MatchedStatement],
) -> Value {
    json!({
        "action": action,
        "resource": resource,
        "decision": if allowed { "Allow" } else { "Deny" },
        "reason": reason,
        "matchedStatements": matched.iter().map(MatchedStatement::to_json).collect::<Vec<_>>(),
    })
}

/// Notes one decision of the current request (nothing outside [`collect`]).
pub(crate) fn note(
    action: &str,
    resource: &str,
    allowed: bool,
    reason: &str,
    matched: &[MatchedStatement],
) {
    let decision = entry(action, resource, allowed, reason, matched);
    // Outside a request's scope there is no record to put it in.
    let _outside_a_request = DECISIONS.try_with(|decisions| decisions.borrow_mut().push(decision));
}

/// The current request's `additionalEventData`: the overall decision and each check, or
/// `None` when no permission was checked.
pub fn additional_event_data() -> Option<Value> {
    DECISIONS
        .try_with(|decisions| summary(&decisions.borrow()))
        .ok()
        .flatten()
}

/// `{"keywardDecision": "Allow"|"Deny", "authorizations": [...]}`: allowed only when every
/// check allowed.
pub fn summary(decisions: &[Value]) -> Option<Value> {
    if decisions.is_empty() {
        return None;
    }
    let allowed = decisions.iter().all(|d| d["decision"] == "Allow");
    Some(json!({
        "keywardDecision": if allowed { "Allow" } else { "Deny" },
        "authorizations": decisions,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn decisions_are_kept_per_request_and_a_deny_decides() {
        let data = collect(async {
            note(
                "iam:GetUser",
                "arn:aws:iam::123456789012:user/a",
                true,
                "allowed",
                &[],
            );
            note(
                "iam:PassRole",
                "arn:aws:iam::123456789012:role/r",
                false,
                "no allow",
                &[],
            );
            additional_event_data()
        })
        .await;
        let data = data.unwrap_or_default();
        assert_eq!(data["keywardDecision"], "Deny");
        assert_eq!(data["authorizations"].as_array().map(Vec::len), Some(2));
        assert_eq!(collect(async { additional_event_data() }).await, None);
    }

    #[test]
    fn outside_a_request_nothing_is_kept() {
        assert!(!collecting());
        note("iam:GetUser", "*", true, "allowed", &[]);
        assert_eq!(additional_event_data(), None);
    }
}

//! The IAM dashboard, the page after sign-in: the account's resource counts
//! (`GetAccountSummary`) and AWS's security recommendations, each linking to the page where it
//! is fixed — the root user without MFA, root access keys, active access keys older than 90
//! days, and users whose credentials have not been used for 90 days. Each fact comes from the
//! IAM call that states it, made as the signed-in caller, so a caller who may not read a fact
//! sees IAM's refusal in its place.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use time::format_description::well_known::Iso8601;
use time::{Duration, OffsetDateTime};

use super::page::{esc, url};
use super::{api_error, items, paged, text, Ctx};
use crate::auth::identity::Caller;

/// How old an active access key, or how long unused a credential, may be before the dashboard
/// recommends acting on it: AWS's 90 days.
const STALE_AFTER: Duration = Duration::days(90);

/// One security recommendation: its id, what is wrong, and where it is fixed.
struct Recommendation {
    id: String,
    text: String,
    fix: String,
    fix_label: &'static str,
}

/// `GET /console`: the IAM dashboard.
pub(super) async fn dashboard(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let account = &ctx.state.account.0;
    let (summary, root_recommendations) = match ctx
        .iam_json(&caller, &[("Action", "GetAccountSummary")])
        .await
    {
        Ok(result) => {
            let map = result.get("summaryMap").cloned().unwrap_or(Value::Null);
            let count = |key: &str| {
                map.get(key)
                    .and_then(Value::as_str)
                    .unwrap_or("0")
                    .to_owned()
            };
            let cells: String = [
                ("Users", "Users", "/console/users"),
                ("Groups", "User groups", "/console/groups"),
                ("Roles", "Roles", "/console/roles"),
                ("Policies", "Customer managed policies", "/console/policies"),
            ]
            .iter()
            .map(|(key, label, link)| {
                format!(
                    r#"<tr><th scope="row"><a href="{link}">{label}</a></th><td id="count-{id}">{n}</td></tr>"#,
                    id = key.to_lowercase(),
                    n = esc(&count(key)),
                )
            })
            .collect();
            (
                format!(r#"<table id="summary">{cells}</table>"#),
                root_checks(
                    &count("AccountMFAEnabled"),
                    &count("AccountAccessKeysPresent"),
                ),
            )
        }
        Err(e) => (api_error(&e), Vec::new()),
    };
    let now = ctx.state.clock.now();
    let (mut recommendations, problems) = match credential_checks(&ctx, &caller, now).await {
        Ok(found) => (found, String::new()),
        Err(e) => (Vec::new(), e),
    };
    recommendations.splice(0..0, root_recommendations);
    let list = if recommendations.is_empty() && problems.is_empty() {
        r#"<p id="no-recommendations">No security recommendations: the root user has MFA and no access keys, and every credential is recent and in use.</p>"#.to_owned()
    } else {
        let rows: String = recommendations
            .iter()
            .map(|r| {
                format!(
                    r#"<li id="{id}" class="notice error">{text} <a href="{fix}" id="fix-{id}">{label}</a></li>"#,
                    id = esc(&r.id),
                    text = esc(&r.text),
                    fix = esc(&r.fix),
                    label = esc(r.fix_label),
                )
            })
            .collect();
        format!(r#"<ul id="recommendations" class="plain">{rows}</ul>{problems}"#)
    };
    let body = format!(
        r#"<p>Account <strong id="account-id">{account}</strong>. Console sign-in link:
<code>{origin}/console/signin?account={account}</code></p>
<h2>Security recommendations</h2>{list}
<h2>IAM resources</h2>{summary}
<p><a class="button" href="/console/users">Users</a></p>"#,
        account = esc(account),
        origin = esc(&ctx.origin()),
    );
    ctx.page(&session, StatusCode::OK, "IAM dashboard", &body)
}

/// The root user's recommendations from `GetAccountSummary`'s `AccountMFAEnabled` and
/// `AccountAccessKeysPresent`.
fn root_checks(mfa_enabled: &str, keys_present: &str) -> Vec<Recommendation> {
    let mut out = Vec::new();
    if mfa_enabled != "1" {
        out.push(Recommendation {
            id: "root-mfa".to_owned(),
            text: "Add MFA for the root user: the root user has no MFA device.".to_owned(),
            fix: "/console/security-credentials".to_owned(),
            fix_label: "My security credentials",
        });
    }
    if keys_present == "1" {
        out.push(Recommendation {
            id: "root-access-keys".to_owned(),
            text: "The root user has access keys. Use IAM users or roles instead, and deactivate or delete the root user's keys.".to_owned(),
            fix: "/console/security-credentials".to_owned(),
            fix_label: "Manage root access keys",
        });
    }
    out
}

/// A timestamp of an IAM result.
fn parse_time(value: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(value, &Iso8601::DEFAULT).ok()
}

/// Active keys older than 90 days and users whose credentials went unused for 90 days:
/// `ListUsers` (with `PasswordLastUsed`), `ListAccessKeys` per user, and, only where the
/// answer depends on it, `GetLoginProfile` and `GetAccessKeyLastUsed`.
async fn credential_checks(
    ctx: &Ctx,
    caller: &Caller,
    now: OffsetDateTime,
) -> Result<Vec<Recommendation>, String> {
    let cutoff = now - STALE_AFTER;
    let old = |t: Option<OffsetDateTime>| t.is_some_and(|t| t < cutoff);
    let users = paged(ctx, caller, "ListUsers", &[], "users").await?;
    let mut old_keys = Vec::new();
    let mut unused = Vec::new();
    for user in &users {
        let name = text(user, "userName");
        let created = parse_time(text(user, "createDate"));
        let keys = ctx
            .iam_json(caller, &[("Action", "ListAccessKeys"), ("UserName", name)])
            .await
            .map_err(|e| api_error(&e))?;
        let mut stale = false;
        for key in items(&keys, "accessKeyMetadata") {
            if text(key, "status") != "Active" {
                continue;
            }
            let key_created = parse_time(text(key, "createDate"));
            if !old(key_created) {
                continue;
            }
            old_keys.push(name.to_owned());
            let used = ctx
                .iam_json(
                    caller,
                    &[
                        ("Action", "GetAccessKeyLastUsed"),
                        ("AccessKeyId", text(key, "accessKeyId")),
                    ],
                )
                .await
                .map_err(|e| api_error(&e))?;
            let last = used
                .get("accessKeyLastUsed")
                .map(|u| text(u, "lastUsedDate"))
                .and_then(parse_time);
            stale |= last.is_none() || old(last);
        }
        let password_used = parse_time(text(user, "passwordLastUsed"));
        if password_used.is_some() {
            stale |= old(password_used);
        } else if old(created) {
            // A password never used in 90 days counts only if the user has one.
            stale |= ctx
                .iam(caller, &[("Action", "GetLoginProfile"), ("UserName", name)])
                .await
                .is_ok();
        }
        if stale {
            unused.push(name.to_owned());
        }
    }
    old_keys.dedup();
    let mut out = Vec::new();
    for name in old_keys {
        out.push(Recommendation {
            id: format!("old-access-key-{name}"),
            text: format!("User {name} has an active access key older than 90 days. Rotate it: create a new key, move to it, and deactivate the old one."),
            fix: format!("/console/users/{}?tab=credentials", url(&name)),
            fix_label: "Security credentials",
        });
    }
    for name in unused {
        out.push(Recommendation {
            id: format!("unused-credentials-{name}"),
            text: format!("User {name} has credentials not used in 90 days. Remove the ones no longer needed."),
            fix: format!("/console/users/{}?tab=credentials", url(&name)),
            fix_label: "Security credentials",
        });
    }
    Ok(out)
}

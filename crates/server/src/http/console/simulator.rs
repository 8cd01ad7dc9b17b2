//! The policy simulator: `SimulatePrincipalPolicy` for a user or role of the account, with
//! the actions and resources typed in, as the signed-in caller (who needs
//! `iam:SimulatePrincipalPolicy`). Each action's result shows its decision and the
//! statements that decided it, with their place in their policy. A read-only call, so the
//! form is a `GET`.

use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::page::esc;
use super::{api_error, items, paged, query_map, text, Ctx};

/// The values of a text area: one per line or separated by commas, blanks dropped.
fn entries(text: &str) -> Vec<&str> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

/// A statement that decided a result: its policy, type and where it is written.
fn statement_text(statement: &Value) -> String {
    let position = |key: &str| {
        statement
            .get(key)
            .map(|p| format!("line {}, column {}", text(p, "line"), text(p, "column")))
    };
    let place = match (position("startPosition"), position("endPosition")) {
        (Some(start), Some(end)) => format!(" ({start} to {end})"),
        _ => String::new(),
    };
    format!(
        "{} {}{}",
        text(statement, "sourcePolicyType"),
        text(statement, "sourcePolicyId"),
        place
    )
}

/// `GET /console/simulator?principal=&actions=&resources=`.
pub(super) async fn page(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let get = |key: &str| query.get(key).map(String::as_str).unwrap_or_default();
    let (principal, actions, resources) = (get("principal"), get("actions"), get("resources"));
    let mut options = String::new();
    let mut problems = String::new();
    for (action, list, key) in [
        ("ListUsers", "users", "Users"),
        ("ListRoles", "roles", "Roles"),
    ] {
        match paged(&ctx, &caller, action, &[], list).await {
            Ok(found) => {
                let choices: String = found
                    .iter()
                    .map(|e| {
                        let arn = text(e, "arn");
                        format!(
                            r#"<option value="{a}"{selected}>{a}</option>"#,
                            a = esc(arn),
                            selected = if arn == principal { " selected" } else { "" },
                        )
                    })
                    .collect();
                options.push_str(&format!(r#"<optgroup label="{key}">{choices}</optgroup>"#));
            }
            Err(e) => problems.push_str(&e),
        }
    }
    let results = if principal.is_empty() || entries(actions).is_empty() {
        String::new()
    } else {
        let action_list = entries(actions);
        let resource_list = entries(resources);
        let mut params: Vec<(String, String)> = vec![
            ("Action".into(), "SimulatePrincipalPolicy".into()),
            ("PolicySourceArn".into(), principal.into()),
        ];
        for (i, a) in action_list.iter().enumerate() {
            params.push((format!("ActionNames.member.{}", i + 1), (*a).into()));
        }
        for (i, r) in resource_list.iter().enumerate() {
            params.push((format!("ResourceArns.member.{}", i + 1), (*r).into()));
        }
        let borrowed: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        match ctx.iam_json(&caller, &borrowed).await {
            Ok(result) => {
                let rows: String = items(&result, "evaluationResults")
                    .iter()
                    .map(|r| {
                        let matched: String = items(r, "matchedStatements")
                            .iter()
                            .map(|s| format!("<li>{}</li>", esc(&statement_text(s))))
                            .collect();
                        let matched = if matched.is_empty() {
                            "<li>No statement matched.</li>".to_owned()
                        } else {
                            matched
                        };
                        let decision = text(r, "evalDecision");
                        format!(
                            r#"<tr class="result" data-action="{action}"><td>{action}</td><td>{resource}</td><td class="decision {decision}">{decision}</td><td><ul>{matched}</ul></td></tr>"#,
                            action = esc(text(r, "evalActionName")),
                            resource = esc(text(r, "evalResourceName")),
                            decision = esc(decision),
                        )
                    })
                    .collect();
                format!(
                    r#"<h2>Results</h2><table id="simulation"><thead><tr><th>Action</th><th>Resource</th><th>Decision</th><th>Matched statements</th></tr></thead><tbody>{rows}</tbody></table>"#
                )
            }
            Err(e) => api_error(&e),
        }
    };
    let body = format!(
        r#"{problems}<form method="get" action="/console/simulator" id="simulator-form">
<label for="principal">User or role</label><select name="principal" id="principal">{options}</select>
<label for="actions">Actions (one per line, e.g. <code>s3:GetObject</code>)</label><textarea name="actions" id="actions" rows="4" cols="60">{actions}</textarea>
<label for="resources">Resource ARNs (one per line; empty for <code>*</code>)</label><textarea name="resources" id="resources" rows="3" cols="60">{resources}</textarea>
<div class="actions"><button type="submit" id="run-simulation">Run simulation</button></div></form>{results}"#,
        actions = esc(actions),
        resources = esc(resources),
    );
    ctx.page(&session, StatusCode::OK, "Policy simulator", &body)
}

//! Access reports: the credential report (`GenerateCredentialReport`, then
//! `GetCredentialReport`, downloaded as AWS's CSV) and, for a user, group or role, when each
//! service was last accessed (`GenerateServiceLastAccessedDetails`, then
//! `GetServiceLastAccessedDetails`). Each is the IAM operation it names, run as the signed-in
//! caller.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;

use super::page::{csrf_field, esc};
use super::{api_error, items, paged, query_map, text, Ctx};

/// How often, and how long apart, the page asks whether a last-accessed job is done before it
/// says to reload.
const JOB_POLLS: usize = 10;
const JOB_POLL_INTERVAL: Duration = Duration::from_millis(200);

/// `GET /console/reports?arn=`.
pub(super) async fn page(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let chosen = query.get("arn").map(String::as_str).unwrap_or_default();
    let mut options = String::new();
    for (action, list, label) in [
        ("ListUsers", "users", "Users"),
        ("ListGroups", "groups", "Groups"),
        ("ListRoles", "roles", "Roles"),
    ] {
        if let Ok(found) = paged(&ctx, &caller, action, &[], list).await {
            let choices: String = found
                .iter()
                .map(|e| {
                    let arn = text(e, "arn");
                    format!(
                        r#"<option value="{a}"{s}>{a}</option>"#,
                        a = esc(arn),
                        s = if arn == chosen { " selected" } else { "" }
                    )
                })
                .collect();
            options.push_str(&format!(
                r#"<optgroup label="{label}">{choices}</optgroup>"#
            ));
        }
    }
    let last_accessed = if chosen.is_empty() {
        String::new()
    } else {
        last_accessed(&ctx, &caller, chosen).await
    };
    let body = format!(
        r#"<section class="panel"><h2>Credential report</h2>
<p>Every user of the account with the status of its password, access keys and MFA device, as a CSV file. A report is reused for four hours.</p>
<form method="post" action="/console/reports/credential-report">{csrf}<button type="submit" id="download-credential-report">Download credential report</button></form></section>
<section class="panel"><h2>Last accessed per service</h2>
<form method="get" action="/console/reports" id="last-accessed-form"><label for="arn">User, group or role</label><select name="arn" id="arn">{options}</select>
<div class="actions"><button type="submit" id="show-last-accessed">Show</button></div></form>{last_accessed}</section>"#,
        csrf = csrf_field(&session.csrf),
    );
    ctx.page(&session, StatusCode::OK, "Access reports", &body)
}

/// The services `arn` may use, each with when and by whom it was last accessed.
async fn last_accessed(ctx: &Ctx, caller: &crate::auth::identity::Caller, arn: &str) -> String {
    let job = match ctx
        .iam_json(
            caller,
            &[
                ("Action", "GenerateServiceLastAccessedDetails"),
                ("Arn", arn),
            ],
        )
        .await
    {
        Ok(result) => text(&result, "jobId").to_owned(),
        Err(e) => return api_error(&e),
    };
    for _ in 0..JOB_POLLS {
        let result = match ctx
            .iam_json(
                caller,
                &[("Action", "GetServiceLastAccessedDetails"), ("JobId", &job)],
            )
            .await
        {
            Ok(result) => result,
            Err(e) => return api_error(&e),
        };
        match text(&result, "jobStatus") {
            "IN_PROGRESS" => tokio::time::sleep(JOB_POLL_INTERVAL).await,
            "FAILED" => {
                return super::page::notice(
                    "error",
                    &format!("The report failed: {}", text(&result, "error")),
                )
            }
            _ => {
                let rows: String = items(&result, "servicesLastAccessed")
                    .iter()
                    .map(|s| {
                        let last = match text(s, "lastAuthenticated") {
                            "" => "Not accessed in the tracking period".to_owned(),
                            when => when.to_owned(),
                        };
                        format!(
                            r#"<tr data-namespace="{ns}"><td>{name}</td><td>{ns}</td><td class="last">{last}</td><td>{entity}</td></tr>"#,
                            name = esc(text(s, "serviceName")),
                            ns = esc(text(s, "serviceNamespace")),
                            last = esc(&last),
                            entity = esc(text(s, "lastAuthenticatedEntity")),
                        )
                    })
                    .collect();
                return format!(
                    r#"<table id="last-accessed"><thead><tr><th>Service</th><th>Namespace</th><th>Last accessed</th><th>By</th></tr></thead><tbody>{rows}</tbody></table>"#
                );
            }
        }
    }
    super::page::notice(
        "info",
        "The report is still being prepared; reload the page in a moment.",
    )
}

/// `POST /console/reports/credential-report`: the credential report's CSV as a download.
pub(super) async fn credential_report(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, _) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = "/console/reports";
    if let Err(e) = ctx
        .iam(&caller, &[("Action", "GenerateCredentialReport")])
        .await
    {
        return ctx.refused(&session, &e, back);
    }
    let report = match ctx
        .iam_json(&caller, &[("Action", "GetCredentialReport")])
        .await
    {
        Ok(report) => report,
        Err(e) => return ctx.refused(&session, &e, back),
    };
    let csv = base64::engine::general_purpose::STANDARD
        .decode(text(&report, "content"))
        .unwrap_or_default();
    let mut response = (StatusCode::OK, csv).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"status_reports.csv\""),
    );
    super::page::secure_headers(headers);
    response
}

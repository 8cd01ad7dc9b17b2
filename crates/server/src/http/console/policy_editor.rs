//! The JSON policy editor: a text area whose document is checked by `keyward policy
//! validate`'s own checks (`keyward_policy::lint`: IAM's validation, then Access Analyzer's
//! kinds of findings), each finding shown at its line. Without JavaScript the **Check policy**
//! button posts the form and the page comes back with the findings; with it, the script asks
//! `POST /console/policies/validate` (with the session's CSRF token) as the user types.

use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use keyward_policy::{lint, Finding, PolicyKind};
use serde_json::json;

use super::page::esc;
use super::Ctx;

/// The policy kinds the editor checks as: its form value and `keyward_policy`'s kind.
pub(super) fn kind_of(value: &str) -> PolicyKind {
    match value {
        "trust" => PolicyKind::Trust,
        _ => PolicyKind::Identity,
    }
}

/// The form value of a kind the editor checks as.
fn kind_value(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Trust => "trust",
        _ => "identity",
    }
}

/// The findings of `document` as HTML: each with its line, column, severity, code and message,
/// and the text of its line.
pub(super) fn findings_html(document: &str, kind: PolicyKind) -> String {
    let findings = lint(document, kind);
    if findings.is_empty() {
        return r#"<p id="findings-summary" class="notice success">No findings: IAM accepts this policy and the checks found nothing to improve.</p>"#.to_owned();
    }
    let items: String = findings
        .iter()
        .enumerate()
        .map(|(i, f)| finding_item(document, i, f))
        .collect();
    format!(
        r#"<p id="findings-summary">{n} finding(s)</p><ol class="findings" id="findings-list">{items}</ol>"#,
        n = findings.len()
    )
}

fn finding_item(document: &str, index: usize, f: &Finding) -> String {
    let line_text = document
        .lines()
        .nth(f.position.line.saturating_sub(1))
        .unwrap_or_default();
    format!(
        r#"<li class="{severity}" id="finding-{index}" data-line="{line}">Line {line}, column {column}: <strong>{severity}</strong> [{code}] {message}<pre class="finding-line">{line:>4} | {text}</pre></li>"#,
        severity = f.severity.as_str(),
        line = f.position.line,
        column = f.position.column,
        code = esc(f.code),
        message = esc(&f.message),
        text = esc(line_text),
    )
}

/// The editor's fields: the document's text area (`document`), the kind it is checked as,
/// the findings, and the **Check policy** button (`go=validate`).
pub(super) fn editor(document: &str, kind: PolicyKind) -> String {
    format!(
        r#"<label for="policy-document">Policy editor (JSON)</label>
<textarea name="document" id="policy-document" class="policy" spellcheck="false" data-lint="/console/policies/validate">{doc}</textarea>
<input type="hidden" name="kind" value="{kind}">
<button type="submit" name="go" value="validate" class="secondary" id="check-policy">Check policy</button>
<div id="findings" aria-live="polite">{findings}</div>"#,
        doc = esc(document),
        kind = kind_value(kind),
        findings = findings_html(document, kind),
    )
}

/// `POST /console/policies/validate`: the findings of the posted `document` as JSON, for the
/// editor's script. Signed-in sessions only, with the session's CSRF token.
pub(super) async fn validate(ctx: Ctx, body: Bytes) -> Response {
    let (_, _, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let document = fields.text("document");
    let kind = kind_of(fields.text("kind"));
    let findings: Vec<serde_json::Value> = lint(document, kind)
        .iter()
        .map(|f| {
            json!({
                "line": f.position.line,
                "column": f.position.column,
                "severity": f.severity.as_str(),
                "code": f.code,
                "message": f.message,
                "text": document.lines().nth(f.position.line.saturating_sub(1)).unwrap_or_default(),
            })
        })
        .collect();
    let mut response =
        (StatusCode::OK, json!({ "findings": findings }).to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    super::page::secure_headers(headers);
    response
}

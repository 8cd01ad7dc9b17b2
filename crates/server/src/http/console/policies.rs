//! Policies: the list filtered by type (AWS managed, customer managed) and searched by name;
//! a policy's page with its document and versions (set the default, delete a version), its
//! deletion; and creating a policy or a new version of one in the JSON editor with its
//! findings. Each action is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use percent_encoding::percent_decode_str;
use serde_json::Value;

use super::page::{csrf_field, esc, url};
use super::policy_editor::{editor, kind_of};
use super::session::Session;
use super::wizard::{aws_managed, hidden};
use super::{api_error, paged, query_map, redirect, text, Ctx};
use crate::auth::identity::Caller;

/// The document a new policy starts from: AWS's editor's empty statement.
const NEW_POLICY: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}"#;

/// The list's type filters: query value, label and `ListPolicies` scope.
const FILTERS: [(&str, &str, &str); 3] = [
    ("all", "All types", "All"),
    ("aws", "AWS managed", "AWS"),
    ("customer", "Customer managed", "Local"),
];

/// The page of a policy.
fn view_link(arn: &str) -> String {
    format!("/console/policies/view?arn={}", url(arn))
}

/// A policy document as IAM returns it (URL-encoded), decoded and indented.
pub(super) fn pretty_document(encoded: &str) -> String {
    let decoded = percent_decode_str(encoded).decode_utf8_lossy().into_owned();
    serde_json::from_str::<Value>(&decoded)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or(decoded)
}

/// `GET /console/policies?type=&search=`: `ListPolicies` with the type's scope, filtered by
/// name.
pub(super) async fn list(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let search = query.get("search").map(String::as_str).unwrap_or_default();
    let filter = query.get("type").map(String::as_str).unwrap_or("all");
    let scope = FILTERS
        .iter()
        .find(|(id, _, _)| *id == filter)
        .map(|(_, _, scope)| *scope)
        .unwrap_or("All");
    let needle = search.to_lowercase();
    let table = match paged(
        &ctx,
        &caller,
        "ListPolicies",
        &[("Scope", scope)],
        "policies",
    )
    .await
    {
        Ok(policies) => {
            let rows: String = policies
                .iter()
                .filter(|p| text(p, "policyName").to_lowercase().contains(&needle))
                .map(|p| {
                    let arn = text(p, "arn");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="{link}">{n}</a></td><td>{kind}</td><td>{count}</td></tr>"#,
                        n = esc(text(p, "policyName")),
                        link = esc(&view_link(arn)),
                        kind = if aws_managed(arn) { "AWS managed" } else { "Customer managed" },
                        count = esc(text(p, "attachmentCount")),
                    )
                })
                .collect();
            format!(
                r#"<table id="policy-list"><thead><tr><th>Policy name</th><th>Type</th><th>Attachments</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let options: String = FILTERS
        .iter()
        .map(|(id, label, _)| {
            let selected = if *id == filter { " selected" } else { "" };
            format!(r#"<option value="{id}"{selected}>{label}</option>"#)
        })
        .collect();
    let body = format!(
        r#"<form method="get" action="/console/policies" role="search">
<label for="type">Filter by type</label><select name="type" id="type">{options}</select>
<label for="search">Find policies by name</label>
<input type="search" name="search" id="search" value="{search}" data-filter="policy-list">
<button type="submit" class="secondary" id="search-button">Search</button>
<a class="button" href="/console/policies/new" id="create-policy">Create policy</a></form>{table}"#,
        search = esc(search),
    );
    ctx.page(&session, StatusCode::OK, "Policies", &body)
}

/// `GET /console/policies/view?arn=`: `GetPolicy`, the default version's document
/// (`GetPolicyVersion`) and `ListPolicyVersions`.
pub(super) async fn view(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let arn = query.get("arn").map(String::as_str).unwrap_or_default();
    let policy = match ctx
        .iam_json(&caller, &[("Action", "GetPolicy"), ("PolicyArn", arn)])
        .await
    {
        Ok(result) => result.get("policy").cloned().unwrap_or(Value::Null),
        Err(e) => return ctx.page(&session, StatusCode::OK, "Policy", &api_error(&e)),
    };
    let name = text(&policy, "policyName");
    let default_version = text(&policy, "defaultVersionId");
    let shown = query
        .get("version")
        .map(String::as_str)
        .unwrap_or(default_version);
    let document = match ctx
        .iam_json(
            &caller,
            &[
                ("Action", "GetPolicyVersion"),
                ("PolicyArn", arn),
                ("VersionId", shown),
            ],
        )
        .await
    {
        Ok(result) => {
            let version = result.get("policyVersion").cloned().unwrap_or(Value::Null);
            format!(
                r#"<h2>Permissions defined in this policy ({version})</h2><pre class="json" id="policy-json">{doc}</pre>"#,
                version = esc(shown),
                doc = esc(&pretty_document(text(&version, "document"))),
            )
        }
        Err(e) => api_error(&e),
    };
    let customer = !aws_managed(arn);
    let versions = versions_table(&ctx, &session, &caller, arn, customer).await;
    let actions = if customer {
        format!(
            r#"<p><a class="button" href="/console/policies/edit?arn={link}" id="edit-policy">Edit</a>
<form method="post" action="/console/policies/delete" class="inline">{csrf}{arn_field}<button type="submit" class="secondary" id="delete-policy">Delete</button></form></p>"#,
            link = esc(&url(arn)),
            csrf = csrf_field(&session.csrf),
            arn_field = hidden("arn", arn),
        )
    } else {
        String::new()
    };
    let body = format!(
        r#"<table id="summary"><tr><th>ARN</th><td>{arn_text}</td></tr><tr><th>Type</th><td>{kind}</td></tr><tr><th>Description</th><td>{description}</td></tr><tr><th>Attachments</th><td>{count}</td></tr><tr><th>Default version</th><td id="default-version">{default}</td></tr></table>
{actions}{document}{versions}"#,
        arn_text = esc(arn),
        kind = if customer {
            "Customer managed"
        } else {
            "AWS managed"
        },
        description = esc(text(&policy, "description")),
        count = esc(text(&policy, "attachmentCount")),
        default = esc(default_version),
    );
    ctx.page(&session, StatusCode::OK, name, &body)
}

async fn versions_table(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    arn: &str,
    customer: bool,
) -> String {
    match paged(
        ctx,
        caller,
        "ListPolicyVersions",
        &[("PolicyArn", arn)],
        "versions",
    )
    .await
    {
        Ok(versions) => {
            let rows: String = versions
                .iter()
                .map(|v| {
                    let id = text(v, "versionId");
                    let is_default = text(v, "isDefaultVersion") == "true";
                    let buttons = if customer && !is_default {
                        format!(
                            r#"<form method="post" action="/console/policies/versions" class="inline">{csrf}{arn}{version}<button type="submit" name="go" value="set_default" class="secondary" id="set-default-{id_attr}">Set as default</button> <button type="submit" name="go" value="delete" class="secondary" id="delete-version-{id_attr}">Delete</button></form>"#,
                            csrf = csrf_field(&session.csrf),
                            arn = hidden("arn", arn),
                            version = hidden("version", id),
                            id_attr = esc(id),
                        )
                    } else {
                        String::new()
                    };
                    format!(
                        r#"<tr><td><a href="{link}&amp;version={vid}">{vid}</a>{default}</td><td>{created}</td><td>{buttons}</td></tr>"#,
                        link = esc(&view_link(arn)),
                        vid = esc(id),
                        default = if is_default { " (Default)" } else { "" },
                        created = esc(text(v, "createDate")),
                    )
                })
                .collect();
            format!(
                r#"<h2>Policy versions</h2><table id="policy-versions"><thead><tr><th>Version</th><th>Created</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    }
}

/// `POST /console/policies/versions`: `SetDefaultPolicyVersion` or `DeletePolicyVersion`.
pub(super) async fn versions(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let arn = fields.text("arn");
    let back = view_link(arn);
    let action = match fields.text("go") {
        "set_default" => "SetDefaultPolicyVersion",
        "delete" => "DeletePolicyVersion",
        _ => return redirect(&back),
    };
    let params = [
        ("Action", action),
        ("PolicyArn", arn),
        ("VersionId", fields.text("version")),
    ];
    ctx.change(&session, &caller, &params, &back).await
}

/// `POST /console/policies/delete`: `DeletePolicy` (IAM refuses while the policy is attached
/// or has other versions, and says so).
pub(super) async fn delete(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let arn = fields.text("arn");
    match ctx
        .iam(&caller, &[("Action", "DeletePolicy"), ("PolicyArn", arn)])
        .await
    {
        Ok(_) => redirect("/console/policies?type=customer"),
        Err(e) => ctx.refused(&session, &e, &view_link(arn)),
    }
}

/// The create or edit form: name and description for a new policy, the editor for both.
fn editor_page(
    ctx: &Ctx,
    session: &Session,
    arn: Option<&str>,
    name: &str,
    description: &str,
    document: &str,
    error: &str,
) -> Response {
    let (title, action, head, go, label) = match arn {
        None => (
            "Create policy".to_owned(),
            "/console/policies/new",
            format!(
                r#"<label for="policy-name">Policy name</label><input type="text" name="name" id="policy-name" value="{n}" maxlength="128">
<label for="policy-description">Description</label><input type="text" name="description" id="policy-description" value="{d}" maxlength="1000">"#,
                n = esc(name),
                d = esc(description),
            ),
            "create",
            "Create policy",
        ),
        Some(arn) => (
            format!("Edit {name}"),
            "/console/policies/edit",
            format!(
                "{}{}<p>Saving creates a new version and makes it the default.</p>",
                hidden("arn", arn),
                hidden("name", name)
            ),
            "save",
            "Save changes",
        ),
    };
    let cancel = arn
        .map(view_link)
        .unwrap_or_else(|| "/console/policies".to_owned());
    let body = format!(
        r#"{error}<form method="post" action="{action}" id="policy-form">{csrf}{head}
{editor}
<div class="actions"><button type="submit" name="go" value="{go}" id="save-policy">{label}</button>
<a class="button secondary" href="{cancel}">Cancel</a></div></form>"#,
        csrf = csrf_field(&session.csrf),
        editor = editor(document, kind_of("identity")),
        cancel = esc(&cancel),
    );
    ctx.page(session, StatusCode::OK, &title, &body)
}

/// `GET /console/policies/new`.
pub(super) async fn new_form(ctx: Ctx) -> Response {
    let (session, _) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    editor_page(&ctx, &session, None, "", "", NEW_POLICY, "")
}

/// `POST /console/policies/new`: `go=validate` shows the findings; `create` is `CreatePolicy`.
pub(super) async fn create(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let (name, description, document) = (
        fields.text("name"),
        fields.text("description"),
        fields.text("document"),
    );
    if fields.text("go") != "create" {
        return editor_page(&ctx, &session, None, name, description, document, "");
    }
    let mut params = vec![
        ("Action", "CreatePolicy"),
        ("PolicyName", name),
        ("PolicyDocument", document),
    ];
    if !description.is_empty() {
        params.push(("Description", description));
    }
    match ctx.iam_json(&caller, &params).await {
        Ok(result) => {
            let arn = result
                .get("policy")
                .map(|p| text(p, "arn").to_owned())
                .unwrap_or_default();
            redirect(&view_link(&arn))
        }
        Err(e) => editor_page(
            &ctx,
            &session,
            None,
            name,
            description,
            document,
            &api_error(&e),
        ),
    }
}

/// `GET /console/policies/edit?arn=`: the editor on the default version's document.
pub(super) async fn edit_form(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let arn = query.get("arn").map(String::as_str).unwrap_or_default();
    let policy = match ctx
        .iam_json(&caller, &[("Action", "GetPolicy"), ("PolicyArn", arn)])
        .await
    {
        Ok(result) => result.get("policy").cloned().unwrap_or(Value::Null),
        Err(e) => return ctx.refused(&session, &e, "/console/policies"),
    };
    let params = [
        ("Action", "GetPolicyVersion"),
        ("PolicyArn", arn),
        ("VersionId", text(&policy, "defaultVersionId")),
    ];
    match ctx.iam_json(&caller, &params).await {
        Ok(result) => {
            let version = result.get("policyVersion").cloned().unwrap_or(Value::Null);
            let document = pretty_document(text(&version, "document"));
            let name = text(&policy, "policyName");
            editor_page(&ctx, &session, Some(arn), name, "", &document, "")
        }
        Err(e) => ctx.refused(&session, &e, &view_link(arn)),
    }
}

/// `POST /console/policies/edit`: `go=validate` shows the findings; `save` is
/// `CreatePolicyVersion` with `SetAsDefault` (IAM refuses a sixth version, and says so).
pub(super) async fn save(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let (arn, name, document) = (
        fields.text("arn"),
        fields.text("name"),
        fields.text("document"),
    );
    if fields.text("go") != "save" {
        return editor_page(&ctx, &session, Some(arn), name, "", document, "");
    }
    let params = [
        ("Action", "CreatePolicyVersion"),
        ("PolicyArn", arn),
        ("PolicyDocument", document),
        ("SetAsDefault", "true"),
    ];
    match ctx.iam(&caller, &params).await {
        Ok(_) => redirect(&view_link(arn)),
        Err(e) => editor_page(
            &ctx,
            &session,
            Some(arn),
            name,
            "",
            document,
            &api_error(&e),
        ),
    }
}

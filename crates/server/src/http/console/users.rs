//! Users: the list with its search, the **Add users** wizard (details, permissions, tags,
//! review, then the new access key shown once with AWS's CSV download), and a user's page
//! with its permissions, tags and **Security credentials** (create, deactivate, activate and
//! delete access keys). Each step is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use serde_json::Value;

use super::page::{self, csrf_field, esc, notice, url, Frame};
use super::session::Session;
use super::{api_error, items, query_map, redirect, text, who, Ctx, Fields};
use crate::auth::identity::Caller;

/// Most policies the permissions step lists at once; the search narrows the rest.
const POLICIES_SHOWN: usize = 50;

pub(super) fn frame_page(
    ctx: &Ctx,
    session: &Session,
    status: StatusCode,
    title: &str,
    body: &str,
) -> Response {
    let who = who(session, &ctx.state.account.0);
    let frame = Frame {
        who: &who,
        csrf: &session.csrf,
    };
    page::page(status, title, Some(&frame), body)
}

/// `GET /console/users?search=`: `ListUsers`, filtered by name.
pub(crate) async fn list(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let search = query.get("search").map(String::as_str).unwrap_or_default();
    let needle = search.to_lowercase();
    let table = match all_users(&ctx, &caller).await {
        Ok(users) => {
            let rows: String = users
                .iter()
                .filter(|u| text(u, "userName").to_lowercase().contains(&needle))
                .map(|u| {
                    let name = text(u, "userName");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="/console/users/{link}">{n}</a></td><td>{path}</td><td>{arn}</td><td>{created}</td></tr>"#,
                        n = esc(name),
                        link = esc(&url(name)),
                        path = esc(text(u, "path")),
                        arn = esc(text(u, "arn")),
                        created = esc(text(u, "createDate")),
                    )
                })
                .collect();
            format!(
                r#"<table id="users"><thead><tr><th>User name</th><th>Path</th><th>ARN</th><th>Created</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let body = format!(
        r#"<form method="get" action="/console/users" role="search">
<label for="search">Find users by name</label>
<input type="search" name="search" id="search" value="{search}" data-filter="users">
<button type="submit" class="secondary">Search</button>
<a class="button" href="/console/users/new" id="add-users">Add users</a></form>{table}"#,
        search = esc(search),
    );
    frame_page(&ctx, &session, StatusCode::OK, "Users", &body)
}

/// Every user the caller may list, page after page; the error notice if IAM refuses.
async fn all_users(ctx: &Ctx, caller: &Caller) -> Result<Vec<Value>, String> {
    paged(ctx, caller, "ListUsers", &[], "users").await
}

/// All pages of a list operation.
pub(super) async fn paged(
    ctx: &Ctx,
    caller: &Caller,
    action: &str,
    extra: &[(&str, &str)],
    list: &str,
) -> Result<Vec<Value>, String> {
    let mut all = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let mut params = vec![("Action", action), ("MaxItems", "1000")];
        params.extend_from_slice(extra);
        if let Some(marker) = &marker {
            params.push(("Marker", marker));
        }
        let result = ctx
            .iam_json(caller, &params)
            .await
            .map_err(|e| api_error(&e))?;
        all.extend(items(&result, list).iter().cloned());
        match result.get("marker").and_then(Value::as_str) {
            Some(next) if text(&result, "isTruncated") == "true" => marker = Some(next.to_owned()),
            _ => return Ok(all),
        }
    }
}

/// The policy search and its table of checkboxes (`policy` fields), for the user and role
/// wizards: `ListPolicies` as the caller, filtered by name. Returns the HTML and which of the
/// `selected` policies it shows (the rest travel as hidden fields).
pub(super) async fn policy_picker(
    ctx: &Ctx,
    caller: &Caller,
    search: &str,
    selected: &[&str],
) -> (String, Vec<String>) {
    let mut shown = Vec::new();
    let table = match paged(ctx, caller, "ListPolicies", &[("Scope", "All")], "policies").await {
        Ok(policies) => {
            let needle = search.to_lowercase();
            let matching: Vec<&Value> = policies
                .iter()
                .filter(|p| text(p, "policyName").to_lowercase().contains(&needle))
                .take(POLICIES_SHOWN)
                .collect();
            let rows: String = matching
                .iter()
                .map(|p| {
                    let arn = text(p, "arn");
                    let checked = selected.contains(&arn);
                    if checked {
                        shown.push(arn.to_owned());
                    }
                    let kind = if arn.starts_with("arn:aws:iam::aws:") {
                        "AWS managed"
                    } else {
                        "Customer managed"
                    };
                    format!(
                        r#"<tr data-name="{name}"><td><input type="checkbox" name="policy" value="{arn}" id="policy-{name}" aria-label="{name}"{checked}></td><td><label class="check" for="policy-{name}">{name}</label></td><td>{kind}</td></tr>"#,
                        name = esc(text(p, "policyName")),
                        arn = esc(arn),
                        checked = if checked { " checked" } else { "" },
                    )
                })
                .collect();
            format!(
                r#"<table id="policies"><thead><tr><th></th><th>Policy name</th><th>Type</th></tr></thead><tbody>{rows}</tbody></table>
<p>{count} of {total} policies shown; search to narrow.</p>"#,
                count = matching.len(),
                total = policies.len(),
            )
        }
        Err(e) => e,
    };
    let html = format!(
        r#"<label for="policy_search">Filter policies</label>
<input type="search" name="policy_search" id="policy_search" value="{search}">
<button type="submit" name="go" value="search" class="secondary" id="policy-search-button">Search</button>
{table}"#,
        search = esc(search),
    );
    (html, shown)
}

/// The wizard's state, carried from step to step in the form.
struct Wizard<'a> {
    user_name: &'a str,
    access_key: bool,
    policies: Vec<&'a str>,
    tags: Vec<(&'a str, &'a str)>,
    search: &'a str,
}

impl<'a> Wizard<'a> {
    fn from_fields(fields: &'a Fields) -> Self {
        let keys = fields.all("tag_key");
        let values = fields.all("tag_value");
        Wizard {
            user_name: fields.text("user_name"),
            access_key: fields.get("access_key") == Some("on"),
            policies: fields.all("policy"),
            tags: keys
                .into_iter()
                .zip(values)
                .filter(|(k, _)| !k.is_empty())
                .collect(),
            search: fields.text("policy_search"),
        }
    }

    /// Hidden fields for what the current step does not show.
    fn hidden(&self, step: Step, shown_policies: &[String]) -> String {
        let field = |name: &str, value: &str| {
            format!(
                r#"<input type="hidden" name="{name}" value="{}">"#,
                esc(value)
            )
        };
        let mut out = String::new();
        if step != Step::Details {
            out.push_str(&field("user_name", self.user_name));
            if self.access_key {
                out.push_str(&field("access_key", "on"));
            }
        }
        if step != Step::Permissions {
            out.push_str(&field("policy_search", self.search));
        }
        for policy in &self.policies {
            if !shown_policies.iter().any(|shown| shown == policy) {
                out.push_str(&field("policy", policy));
            }
        }
        if step != Step::Tags {
            for (k, v) in &self.tags {
                out.push_str(&field("tag_key", k));
                out.push_str(&field("tag_value", v));
            }
        }
        out
    }
}

/// The wizard's steps, in order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Details,
    Permissions,
    Tags,
    Review,
}

impl Step {
    fn title(self) -> &'static str {
        match self {
            Step::Details => "Details",
            Step::Permissions => "Permissions",
            Step::Tags => "Tags",
            Step::Review => "Review",
        }
    }
}

fn steps_bar(current: Step) -> String {
    let steps: String = [Step::Details, Step::Permissions, Step::Tags, Step::Review]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let class = if *s == current {
                " class=\"current\""
            } else {
                ""
            };
            format!("<li{class}>Step {}: {}</li>", i + 1, s.title())
        })
        .collect();
    format!(r#"<ol class="steps">{steps}</ol>"#)
}

/// `GET /console/users/new`.
pub(crate) async fn wizard_start(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let fields = Fields(Vec::new());
    let wizard = Wizard::from_fields(&fields);
    render_step(&ctx, &session, &caller, &wizard, Step::Details, None).await
}

/// `POST /console/users/new`: the button pressed (`go`) names the step to show, or `create`.
pub(crate) async fn wizard_step(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let fields = Fields::parse(&body);
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    let wizard = Wizard::from_fields(&fields);
    let step = match fields.text("go") {
        "permissions" | "search" => Step::Permissions,
        "tags" => Step::Tags,
        "review" => Step::Review,
        "create" => return create(&ctx, &session, &caller, &wizard).await,
        _ => Step::Details,
    };
    render_step(&ctx, &session, &caller, &wizard, step, None).await
}

async fn render_step(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    wizard: &Wizard<'_>,
    step: Step,
    error: Option<String>,
) -> Response {
    let mut shown: Vec<String> = Vec::new();
    let (content, next, back) = match step {
        Step::Details => (
            format!(
                r#"<label for="user_name">User name</label>
<input type="text" name="user_name" id="user_name" value="{name}" required maxlength="64">
<fieldset><legend>Select AWS access type</legend>
<label class="check"><input type="checkbox" name="access_key" id="access_key" value="on"{checked}> Access key – Programmatic access</label>
<p>Enables an access key ID and secret access key for the AWS API, CLI, SDK, and other development tools.</p></fieldset>"#,
                name = esc(wizard.user_name),
                checked = if wizard.access_key { " checked" } else { "" },
            ),
            "permissions",
            None,
        ),
        Step::Permissions => {
            let (picker, selected_shown) =
                policy_picker(ctx, caller, wizard.search, &wizard.policies).await;
            shown = selected_shown;
            (
                format!("<h2>Attach existing policies directly</h2>{picker}"),
                "tags",
                Some("details"),
            )
        }
        Step::Tags => {
            let rows: String = wizard
                .tags
                .iter()
                .copied()
                .chain(std::iter::once(("", "")))
                .enumerate()
                .map(|(i, (k, v))| {
                    format!(
                        r#"<tr><td><input type="text" name="tag_key" id="tag-key-{i}" value="{k}" aria-label="Key"></td><td><input type="text" name="tag_value" id="tag-value-{i}" value="{v}" aria-label="Value"></td></tr>"#,
                        k = esc(k),
                        v = esc(v),
                    )
                })
                .collect();
            (
                format!(
                    r#"<h2>Add tags (optional)</h2>
<table id="tags"><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>{rows}</tbody></table>
<button type="submit" name="go" value="tags" class="secondary" id="add-tag">Add tag</button>"#
                ),
                "review",
                Some("permissions"),
            )
        }
        Step::Review => (review_table(wizard), "create", Some("tags")),
    };
    let next_label = if next == "create" {
        "Create user"
    } else {
        "Next"
    };
    // The first submit button is the one Enter presses: on the permissions step that is the
    // search, elsewhere the next step.
    let back = back
        .map(|b| {
            format!(r#"<button type="submit" name="go" value="{b}" class="secondary" id="back">Previous</button>"#)
        })
        .unwrap_or_default();
    let body = format!(
        r#"{steps}{error}<form method="post" action="/console/users/new" id="wizard">{csrf}{hidden}
{content}
<div class="actions"><button type="submit" name="go" value="{next}" id="next">{next_label}</button>{back}
<a class="button secondary" href="/console/users">Cancel</a></div></form>"#,
        steps = steps_bar(step),
        error = error.unwrap_or_default(),
        csrf = csrf_field(&session.csrf),
        hidden = wizard.hidden(step, &shown),
    );
    frame_page(ctx, session, StatusCode::OK, "Add user", &body)
}

fn review_table(wizard: &Wizard<'_>) -> String {
    let policies: String = wizard
        .policies
        .iter()
        .map(|p| format!("<li>{}</li>", esc(p)))
        .collect();
    let tags: String = wizard
        .tags
        .iter()
        .map(|(k, v)| format!("<li>{} = {}</li>", esc(k), esc(v)))
        .collect();
    format!(
        r#"<h2>Review</h2><table id="review">
<tr><th>User name</th><td>{name}</td></tr>
<tr><th>AWS access type</th><td>{access}</td></tr>
<tr><th>Permissions</th><td><ul>{policies}</ul></td></tr>
<tr><th>Tags</th><td><ul>{tags}</ul></td></tr></table>"#,
        name = esc(wizard.user_name),
        access = if wizard.access_key {
            "Programmatic access – with an access key"
        } else {
            "None"
        },
    )
}

/// Creates the user (`CreateUser` with its tags), attaches its policies
/// (`AttachUserPolicy`) and creates its access key (`CreateAccessKey`), stopping at the first
/// refusal; then shows the secret once.
async fn create(ctx: &Ctx, session: &Session, caller: &Caller, wizard: &Wizard<'_>) -> Response {
    let mut params: Vec<(String, String)> = vec![
        ("Action".into(), "CreateUser".into()),
        ("UserName".into(), wizard.user_name.into()),
    ];
    for (i, (k, v)) in wizard.tags.iter().enumerate() {
        params.push((format!("Tags.member.{}.Key", i + 1), (*k).into()));
        params.push((format!("Tags.member.{}.Value", i + 1), (*v).into()));
    }
    let borrowed: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if let Err(e) = ctx.iam(caller, &borrowed).await {
        return render_step(
            ctx,
            session,
            caller,
            wizard,
            Step::Review,
            Some(api_error(&e)),
        )
        .await;
    }
    let mut problems = String::new();
    for policy in &wizard.policies {
        let attach = [
            ("Action", "AttachUserPolicy"),
            ("UserName", wizard.user_name),
            ("PolicyArn", policy),
        ];
        if let Err(e) = ctx.iam(caller, &attach).await {
            problems.push_str(&api_error(&e));
        }
    }
    let mut key_section = String::new();
    if wizard.access_key {
        match ctx
            .iam(
                caller,
                &[
                    ("Action", "CreateAccessKey"),
                    ("UserName", wizard.user_name),
                ],
            )
            .await
        {
            Ok(Some(result)) => {
                key_section = once_only_key(ctx, wizard.user_name, &result, true);
            }
            Ok(None) => {}
            Err(e) => problems.push_str(&api_error(&e)),
        }
    }
    let body = format!(
        r#"{success}{problems}{key_section}
<p><a class="button secondary" href="/console/users/{link}">View user</a> <a class="button secondary" href="/console/users">Close</a></p>"#,
        success = notice("success", &format!("User {} created.", wizard.user_name)),
        link = esc(&url(wizard.user_name)),
    );
    frame_page(ctx, session, StatusCode::OK, "Add user", &body)
}

/// The table that shows a new access key's secret this once, behind **Show**, with the
/// **Download .csv** link in AWS's format: the new-user download (`User name,Password,Access
/// key ID,Secret access key,Console login link`) from the wizard, the access-key download
/// (`Access key ID,Secret access key`) from the Security credentials tab. The CSV is a
/// `data:` link, so the secret is never kept on the server for a later download.
fn once_only_key(
    ctx: &Ctx,
    user_name: &str,
    result: &crate::protocol::xml::Element,
    wizard: bool,
) -> String {
    let json = result.to_audit_json();
    let key = json.get("accessKey").cloned().unwrap_or(Value::Null);
    let key_id = text(&key, "accessKeyId");
    let secret = result.secret_text("SecretAccessKey").unwrap_or_default();
    let (csv, filename) = if wizard {
        (
            format!(
                "User name,Password,Access key ID,Secret access key,Console login link\r\n{},,{},{},{}/console/signin?account={}\r\n",
                csv_field(user_name),
                key_id,
                secret,
                ctx.origin(),
                ctx.state.account.0
            ),
            "credentials.csv".to_owned(),
        )
    } else {
        (
            format!("Access key ID,Secret access key\r\n{key_id},{secret}\r\n"),
            format!("{user_name}_accessKeys.csv"),
        )
    };
    let href = format!(
        "data:text/csv;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(csv)
    );
    format!(
        r#"<div class="notice info">This is the <strong>only</strong> time that the secret access key can be viewed or downloaded. You cannot recover it later. However, you can create a new access key at any time.</div>
<table id="new-key"><thead><tr><th>User</th><th>Access key ID</th><th>Secret access key</th></tr></thead>
<tbody><tr><td>{user}</td><td id="new-access-key-id">{key_id}</td><td><details><summary id="show-secret">Show</summary><code class="secret" id="new-secret">{secret}</code></details></td></tr></tbody></table>
<p><a class="button" id="download-csv" href="{href}" download="{filename}">Download .csv</a></p>"#,
        user = esc(user_name),
        key_id = esc(key_id),
        secret = esc(secret),
        href = esc(&href),
        filename = esc(&filename),
    )
}

/// A CSV field, quoted when it holds a separator or quote.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// `GET /console/users/{name}?tab=`: `GetUser`, then the tab's lists.
pub(crate) async fn detail(
    ctx: Ctx,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let tab = query
        .get("tab")
        .map(String::as_str)
        .unwrap_or("permissions");
    let user = match ctx
        .iam_json(&caller, &[("Action", "GetUser"), ("UserName", &name)])
        .await
    {
        Ok(result) => result.get("user").cloned().unwrap_or(Value::Null),
        Err(e) => {
            return frame_page(&ctx, &session, StatusCode::OK, &name, &api_error(&e));
        }
    };
    let link = esc(&url(&name));
    let tabs: String = [
        ("permissions", "Permissions"),
        ("tags", "Tags"),
        ("credentials", "Security credentials"),
    ]
    .iter()
    .map(|(id, label)| {
        let current = if *id == tab {
            r#" aria-current="page""#
        } else {
            ""
        };
        format!(r#"<a href="/console/users/{link}?tab={id}" id="tab-{id}"{current}>{label}</a> "#)
    })
    .collect();
    let content = match tab {
        "tags" => {
            let rows: String = items(&user, "tags")
                .iter()
                .map(|t| {
                    format!(
                        "<tr><td>{}</td><td>{}</td></tr>",
                        esc(text(t, "key")),
                        esc(text(t, "value"))
                    )
                })
                .collect();
            format!(
                r#"<table id="user-tags"><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        "credentials" => credentials_tab(&ctx, &session, &caller, &name).await,
        _ => permissions_tab(&ctx, &caller, &name).await,
    };
    let body = format!(
        r#"<table id="summary"><tr><th>ARN</th><td>{arn}</td></tr><tr><th>Created</th><td>{created}</td></tr></table>
<nav class="tabs">{tabs}</nav>{content}"#,
        arn = esc(text(&user, "arn")),
        created = esc(text(&user, "createDate")),
    );
    frame_page(&ctx, &session, StatusCode::OK, &name, &body)
}

async fn permissions_tab(ctx: &Ctx, caller: &Caller, name: &str) -> String {
    let attached = match paged(
        ctx,
        caller,
        "ListAttachedUserPolicies",
        &[("UserName", name)],
        "attachedPolicies",
    )
    .await
    {
        Ok(policies) => {
            let rows: String = policies
                .iter()
                .map(|p| {
                    format!(
                        "<tr><td>{}</td><td>{}</td></tr>",
                        esc(text(p, "policyName")),
                        esc(text(p, "policyArn"))
                    )
                })
                .collect();
            format!(
                r#"<table id="attached-policies"><thead><tr><th>Policy name</th><th>ARN</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let inline = match paged(
        ctx,
        caller,
        "ListUserPolicies",
        &[("UserName", name)],
        "policyNames",
    )
    .await
    {
        Ok(names) => {
            let rows: String = names
                .iter()
                .map(|n| format!("<li>{}</li>", esc(n.as_str().unwrap_or_default())))
                .collect();
            format!(r#"<ul id="inline-policies">{rows}</ul>"#)
        }
        Err(e) => e,
    };
    format!("<h2>Attached policies</h2>{attached}<h2>Inline policies</h2>{inline}")
}

async fn credentials_tab(ctx: &Ctx, session: &Session, caller: &Caller, name: &str) -> String {
    let keys = match ctx
        .iam_json(caller, &[("Action", "ListAccessKeys"), ("UserName", name)])
        .await
    {
        Ok(result) => {
            let rows: String = items(&result, "accessKeyMetadata")
                .iter()
                .map(|k| {
                    let id = text(k, "accessKeyId");
                    let status = text(k, "status");
                    let toggle = if status == "Active" { ("deactivate", "Deactivate") } else { ("activate", "Activate") };
                    format!(
                        r#"<tr><td>{id}</td><td class="status">{status}</td><td>{created}</td><td>
<form method="post" action="/console/users/{link}/access-keys" class="inline">{csrf}<input type="hidden" name="access_key_id" value="{id}"><button type="submit" name="go" value="{t0}" class="secondary" id="{t0}-{id}">{t1}</button></form>
<form method="post" action="/console/users/{link}/access-keys" class="inline">{csrf}<input type="hidden" name="access_key_id" value="{id}"><button type="submit" name="go" value="delete" class="secondary" id="delete-{id}">Delete</button></form></td></tr>"#,
                        id = esc(id),
                        status = esc(status),
                        created = esc(text(k, "createDate")),
                        link = esc(&url(name)),
                        csrf = csrf_field(&session.csrf),
                        t0 = toggle.0,
                        t1 = toggle.1,
                    )
                })
                .collect();
            format!(
                r#"<table id="access-keys"><thead><tr><th>Access key ID</th><th>Status</th><th>Created</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => api_error(&e),
    };
    format!(
        r#"<h2>Access keys</h2>{keys}
<form method="post" action="/console/users/{link}/access-keys">{csrf}<button type="submit" name="go" value="create" id="create-access-key">Create access key</button></form>"#,
        link = esc(&url(name)),
        csrf = csrf_field(&session.csrf),
    )
}

/// `POST /console/users/{name}/access-keys`: `CreateAccessKey` (the secret shown once),
/// `UpdateAccessKey` or `DeleteAccessKey`.
pub(crate) async fn access_keys(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let fields = Fields::parse(&body);
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    let key_id = fields.text("access_key_id");
    let back = format!("/console/users/{}?tab=credentials", url(&name));
    let outcome = match fields.text("go") {
        "create" => {
            return match ctx
                .iam(
                    &caller,
                    &[("Action", "CreateAccessKey"), ("UserName", &name)],
                )
                .await
            {
                Ok(Some(result)) => {
                    let body = format!(
                        r#"{}{}<p><a class="button secondary" href="{}">Done</a></p>"#,
                        notice("success", "Access key created."),
                        once_only_key(&ctx, &name, &result, false),
                        esc(&back),
                    );
                    frame_page(&ctx, &session, StatusCode::OK, "Create access key", &body)
                }
                Ok(None) => redirect(&back),
                Err(e) => frame_page(
                    &ctx,
                    &session,
                    StatusCode::OK,
                    "Create access key",
                    &api_error(&e),
                ),
            };
        }
        "deactivate" | "activate" => {
            let status = if fields.text("go") == "activate" {
                "Active"
            } else {
                "Inactive"
            };
            ctx.iam(
                &caller,
                &[
                    ("Action", "UpdateAccessKey"),
                    ("UserName", &name),
                    ("AccessKeyId", key_id),
                    ("Status", status),
                ],
            )
            .await
        }
        "delete" => {
            ctx.iam(
                &caller,
                &[
                    ("Action", "DeleteAccessKey"),
                    ("UserName", &name),
                    ("AccessKeyId", key_id),
                ],
            )
            .await
        }
        _ => return redirect(&back),
    };
    match outcome {
        Ok(_) => redirect(&back),
        Err(e) => frame_page(&ctx, &session, StatusCode::OK, &name, &api_error(&e)),
    }
}

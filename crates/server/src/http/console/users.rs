//! Users: the list with its search and the **Add users** wizard (details, permissions, tags,
//! review, then the new access key shown once with AWS's CSV download). A user's own page is
//! in `user_detail`. Each step is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use serde_json::Value;

use super::page::{esc, notice, url};
use super::session::Session;
use super::wizard::{hidden, hidden_policies, policy_picker, steps_bar, StepForm};
use super::{api_error, paged, query_map, text, Ctx, Fields};
use crate::auth::identity::Caller;

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
    ctx.page(&session, StatusCode::OK, "Users", &body)
}

/// Every user the caller may list, page after page; the error notice if IAM refuses.
async fn all_users(ctx: &Ctx, caller: &Caller) -> Result<Vec<Value>, String> {
    paged(ctx, caller, "ListUsers", &[], "users").await
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
        let mut out = String::new();
        if step != Step::Details {
            out.push_str(&hidden("user_name", self.user_name));
            if self.access_key {
                out.push_str(&hidden("access_key", "on"));
            }
        }
        if step != Step::Permissions {
            out.push_str(&hidden("policy_search", self.search));
        }
        out.push_str(&hidden_policies(&self.policies, shown_policies));
        if step != Step::Tags {
            for (k, v) in &self.tags {
                out.push_str(&hidden("tag_key", k));
                out.push_str(&hidden("tag_value", v));
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

/// The steps' titles, in order.
const STEPS: [&str; 4] = ["Details", "Permissions", "Tags", "Review"];

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
    let form = StepForm {
        action: "/console/users/new",
        id: "wizard",
        csrf: &session.csrf,
        hidden: &wizard.hidden(step, &shown),
        content: &content,
        next,
        next_label,
        back,
        cancel: "/console/users",
    };
    let body = format!(
        "{}{}{}",
        steps_bar(&STEPS, step as usize),
        error.unwrap_or_default(),
        form.render()
    );
    ctx.page(session, StatusCode::OK, "Add user", &body)
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
    ctx.page(session, StatusCode::OK, "Add user", &body)
}

/// The table that shows a new access key's secret this once, behind **Show**, with the
/// **Download .csv** link in AWS's format: the new-user download (`User name,Password,Access
/// key ID,Secret access key,Console login link`) from the wizard, the access-key download
/// (`Access key ID,Secret access key`) from the Security credentials tab. The CSV is a
/// `data:` link, so the secret is never kept on the server for a later download.
pub(super) fn once_only_key(
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

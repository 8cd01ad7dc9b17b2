//! A user's page: **Permissions** (attached managed policies with attach and detach, inline
//! policies with delete), **Groups** (add to and remove from groups), **Tags** (add, remove)
//! and **Security credentials** (console password: create, change, require a reset, remove;
//! a virtual MFA device: assign with its QR code and two consecutive codes, remove; access
//! keys: create with the secret shown once, deactivate, activate, delete). The root user's
//! own access keys are on `/console/security-credentials`. Every action is the IAM operation
//! it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use serde_json::Value;

use super::page::{csrf_field, esc, notice, url};
use super::session::{Principal, Session};
use super::users::once_only_key;
use super::wizard::policy_picker;
use super::{api_error, items, paged, query_map, redirect, text, Ctx};
use crate::auth::identity::Caller;

/// The tabs of a user's page: id and label.
const TABS: [(&str, &str); 4] = [
    ("permissions", "Permissions"),
    ("groups", "Groups"),
    ("tags", "Tags"),
    ("credentials", "Security credentials"),
];

/// The page of a user's tab.
fn tab_link(name: &str, tab: &str) -> String {
    format!("/console/users/{}?tab={tab}", url(name))
}

/// A one-button form posting `go` (and hidden `extra` fields) to `action`.
fn button_form(
    session: &Session,
    action: &str,
    go: &str,
    extra: &[(&str, &str)],
    id: &str,
    label: &str,
) -> String {
    let hidden: String = extra
        .iter()
        .map(|(k, v)| super::wizard::hidden(k, v))
        .collect();
    format!(
        r#"<form method="post" action="{action}" class="inline">{csrf}{hidden}<button type="submit" name="go" value="{go}" class="secondary" id="{id}">{label}</button></form>"#,
        action = esc(action),
        csrf = csrf_field(&session.csrf),
        go = esc(go),
        id = esc(id),
        label = esc(label),
    )
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
        Err(e) => return ctx.page(&session, StatusCode::OK, &name, &api_error(&e)),
    };
    let tabs: String = TABS
        .iter()
        .map(|(id, label)| {
            let current = if *id == tab {
                r#" aria-current="page""#
            } else {
                ""
            };
            format!(
                r#"<a href="{href}" id="tab-{id}"{current}>{label}</a> "#,
                href = esc(&tab_link(&name, id))
            )
        })
        .collect();
    let content = match tab {
        "groups" => groups_tab(&ctx, &session, &caller, &name).await,
        "tags" => tags_tab(&session, &name, &user),
        "credentials" => {
            let mut out = password_section(&ctx, &session, &caller, &name).await;
            out.push_str(&mfa_section(&ctx, &session, &caller, &name).await);
            out.push_str(&keys_section(&ctx, &session, &caller, Some(&name)).await);
            out
        }
        _ => {
            let search = query
                .get("policy_search")
                .map(String::as_str)
                .unwrap_or_default();
            permissions_tab(&ctx, &session, &caller, &name, search).await
        }
    };
    let body = format!(
        r#"<table id="summary"><tr><th>ARN</th><td>{arn}</td></tr><tr><th>Path</th><td>{path}</td></tr><tr><th>Created</th><td>{created}</td></tr><tr><th>Console last sign-in</th><td id="password-last-used">{used}</td></tr></table>
<nav class="tabs">{tabs}</nav>{content}"#,
        arn = esc(text(&user, "arn")),
        path = esc(text(&user, "path")),
        created = esc(text(&user, "createDate")),
        used = esc(match text(&user, "passwordLastUsed") {
            "" => "Never",
            used => used,
        }),
    );
    ctx.page(&session, StatusCode::OK, &name, &body)
}

async fn permissions_tab(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    name: &str,
    search: &str,
) -> String {
    let action = format!("/console/users/{}/permissions", url(name));
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
                    let policy = text(p, "policyName");
                    let arn = text(p, "policyArn");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="/console/policies/view?arn={link}">{n}</a></td><td>{arn_text}</td><td>{detach}</td></tr>"#,
                        n = esc(policy),
                        link = esc(&url(arn)),
                        arn_text = esc(arn),
                        detach = button_form(session, &action, "detach", &[("policy_arn", arn)], &format!("detach-{policy}"), "Detach"),
                    )
                })
                .collect();
            format!(
                r#"<table id="attached-policies"><thead><tr><th>Policy name</th><th>ARN</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
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
                .map(|n| {
                    let policy = n.as_str().unwrap_or_default();
                    format!(
                        r#"<tr data-name="{n}"><td>{n}</td><td>{remove}</td></tr>"#,
                        n = esc(policy),
                        remove = button_form(
                            session,
                            &action,
                            "delete_inline",
                            &[("policy_name", policy)],
                            &format!("delete-inline-{policy}"),
                            "Remove"
                        ),
                    )
                })
                .collect();
            format!(
                r#"<table id="inline-policies"><thead><tr><th>Inline policy</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let (picker, _) = policy_picker(ctx, caller, search, &[]).await;
    format!(
        r#"<h2>Attached policies</h2>{attached}<h2>Inline policies</h2>{inline}
<h2>Add permissions</h2><form method="post" action="{action}" id="attach-form">{csrf}{picker}
<div class="actions"><button type="submit" name="go" value="attach" id="attach-policies">Attach policies</button></div></form>"#,
        action = esc(&action),
        csrf = csrf_field(&session.csrf),
    )
}

/// `POST /console/users/{name}/permissions`: `AttachUserPolicy` for each chosen policy,
/// `DetachUserPolicy`, `DeleteUserPolicy`; `search` narrows the policy list.
pub(crate) async fn permissions(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = tab_link(&name, "permissions");
    match fields.text("go") {
        "search" => redirect(&format!(
            "{back}&policy_search={}",
            url(fields.text("policy_search"))
        )),
        "attach" => {
            for arn in fields.all("policy") {
                let attach = [
                    ("Action", "AttachUserPolicy"),
                    ("UserName", name.as_str()),
                    ("PolicyArn", arn),
                ];
                if let Err(e) = ctx.iam(&caller, &attach).await {
                    return ctx.refused(&session, &e, &back);
                }
            }
            redirect(&back)
        }
        "detach" => {
            let params = [
                ("Action", "DetachUserPolicy"),
                ("UserName", name.as_str()),
                ("PolicyArn", fields.text("policy_arn")),
            ];
            ctx.change(&session, &caller, &params, &back).await
        }
        "delete_inline" => {
            let params = [
                ("Action", "DeleteUserPolicy"),
                ("UserName", name.as_str()),
                ("PolicyName", fields.text("policy_name")),
            ];
            ctx.change(&session, &caller, &params, &back).await
        }
        _ => redirect(&back),
    }
}

async fn groups_tab(ctx: &Ctx, session: &Session, caller: &Caller, name: &str) -> String {
    let action = format!("/console/users/{}/groups", url(name));
    let member_of = paged(
        ctx,
        caller,
        "ListGroupsForUser",
        &[("UserName", name)],
        "groups",
    )
    .await;
    let table = match &member_of {
        Ok(groups) => {
            let rows: String = groups
                .iter()
                .map(|g| {
                    let group = text(g, "groupName");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="/console/groups/{link}">{n}</a></td><td>{remove}</td></tr>"#,
                        n = esc(group),
                        link = esc(&url(group)),
                        remove = button_form(session, &action, "remove", &[("group", group)], &format!("remove-group-{group}"), "Remove"),
                    )
                })
                .collect();
            format!(
                r#"<table id="user-groups"><thead><tr><th>Group</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e.clone(),
    };
    let joined: Vec<&str> = member_of
        .as_ref()
        .map(|groups| groups.iter().map(|g| text(g, "groupName")).collect())
        .unwrap_or_default();
    let add = match paged(ctx, caller, "ListGroups", &[], "groups").await {
        Ok(groups) => {
            let options: String = groups
                .iter()
                .map(|g| text(g, "groupName"))
                .filter(|g| !joined.contains(g))
                .map(|g| format!(r#"<option value="{n}">{n}</option>"#, n = esc(g)))
                .collect();
            format!(
                r#"<form method="post" action="{action}" id="add-to-group-form">{csrf}
<label for="group">Add user to group</label><select name="group" id="group">{options}</select>
<button type="submit" name="go" value="add" id="add-to-group">Add to group</button></form>"#,
                action = esc(&action),
                csrf = csrf_field(&session.csrf),
            )
        }
        Err(e) => e,
    };
    format!("<h2>Groups</h2>{table}{add}")
}

/// `POST /console/users/{name}/groups`: `AddUserToGroup`, `RemoveUserFromGroup`.
pub(crate) async fn groups(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = tab_link(&name, "groups");
    let action = match fields.text("go") {
        "add" => "AddUserToGroup",
        "remove" => "RemoveUserFromGroup",
        _ => return redirect(&back),
    };
    let params = [
        ("Action", action),
        ("UserName", name.as_str()),
        ("GroupName", fields.text("group")),
    ];
    ctx.change(&session, &caller, &params, &back).await
}

fn tags_tab(session: &Session, name: &str, user: &Value) -> String {
    let action = format!("/console/users/{}/tags", url(name));
    let rows: String = items(user, "tags")
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let key = text(t, "key");
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(key),
                esc(text(t, "value")),
                button_form(
                    session,
                    &action,
                    "remove",
                    &[("key", key)],
                    &format!("remove-tag-{i}"),
                    "Remove"
                ),
            )
        })
        .collect();
    format!(
        r#"<table id="user-tags"><thead><tr><th>Key</th><th>Value</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>
<form method="post" action="{action}" id="add-tag-form">{csrf}
<label for="tag-key">Key</label><input type="text" name="key" id="tag-key" maxlength="128">
<label for="tag-value">Value</label><input type="text" name="value" id="tag-value" maxlength="256">
<div class="actions"><button type="submit" name="go" value="add" id="add-tag">Add tag</button></div></form>"#,
        action = esc(&action),
        csrf = csrf_field(&session.csrf),
    )
}

/// `POST /console/users/{name}/tags`: `TagUser`, `UntagUser`.
pub(crate) async fn tags(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = tab_link(&name, "tags");
    let params: Vec<(&str, &str)> = match fields.text("go") {
        "add" => vec![
            ("Action", "TagUser"),
            ("UserName", &name),
            ("Tags.member.1.Key", fields.text("key")),
            ("Tags.member.1.Value", fields.text("value")),
        ],
        "remove" => vec![
            ("Action", "UntagUser"),
            ("UserName", &name),
            ("TagKeys.member.1", fields.text("key")),
        ],
        _ => return redirect(&back),
    };
    ctx.change(&session, &caller, &params, &back).await
}

async fn password_section(ctx: &Ctx, session: &Session, caller: &Caller, name: &str) -> String {
    let action = format!("/console/users/{}/password", url(name));
    let form = |go: &str, label: &str| {
        format!(
            r#"<form method="post" action="{action}" id="password-form">{csrf}
<label for="new-password">{label}</label><input type="password" name="password" id="new-password" autocomplete="new-password">
<label class="check"><input type="checkbox" name="reset_required" value="on" id="reset-required"> User must create a new password at next sign-in</label>
<div class="actions"><button type="submit" name="go" value="{go}" id="{go}-password">{label}</button></div></form>"#,
            action = esc(&action),
            csrf = csrf_field(&session.csrf),
        )
    };
    let content = match ctx
        .iam_json(caller, &[("Action", "GetLoginProfile"), ("UserName", name)])
        .await
    {
        Ok(result) => {
            let profile = result.get("loginProfile").cloned().unwrap_or(Value::Null);
            let reset = if text(&profile, "passwordResetRequired") == "true" {
                " The user must set a new password at next sign-in."
            } else {
                ""
            };
            format!(
                r#"<p id="console-access">Console access: <strong>Enabled</strong> since {created}.{reset}</p>{change}
<p>{remove}</p>"#,
                created = esc(text(&profile, "createDate")),
                change = form("change", "Set new password"),
                remove = button_form(
                    session,
                    &action,
                    "remove",
                    &[],
                    "remove-password",
                    "Disable console access"
                ),
            )
        }
        Err(crate::error::ApiError::NoSuchEntity(_)) => format!(
            r#"<p id="console-access">Console access: <strong>Disabled</strong>.</p>{}"#,
            form("create", "Enable console access")
        ),
        Err(e) => api_error(&e),
    };
    format!(r#"<section class="panel"><h2>Console sign-in</h2>{content}</section>"#)
}

/// `POST /console/users/{name}/password`: `CreateLoginProfile`, `UpdateLoginProfile` or
/// `DeleteLoginProfile`. The password goes to IAM only: it is in no page, log or record.
pub(crate) async fn password(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = tab_link(&name, "credentials");
    let reset = if fields.get("reset_required") == Some("on") {
        "true"
    } else {
        "false"
    };
    let params: Vec<(&str, &str)> = match fields.text("go") {
        "create" => vec![
            ("Action", "CreateLoginProfile"),
            ("UserName", &name),
            ("Password", fields.text("password")),
            ("PasswordResetRequired", reset),
        ],
        "change" => vec![
            ("Action", "UpdateLoginProfile"),
            ("UserName", &name),
            ("Password", fields.text("password")),
            ("PasswordResetRequired", reset),
        ],
        "remove" => vec![("Action", "DeleteLoginProfile"), ("UserName", &name)],
        _ => return redirect(&back),
    };
    ctx.change(&session, &caller, &params, &back).await
}

async fn mfa_section(ctx: &Ctx, session: &Session, caller: &Caller, name: &str) -> String {
    let action = format!("/console/users/{}/mfa", url(name));
    let devices = match ctx
        .iam_json(caller, &[("Action", "ListMFADevices"), ("UserName", name)])
        .await
    {
        Ok(result) => {
            let rows: String = items(&result, "mFADevices")
                .iter()
                .map(|d| {
                    let serial = text(d, "serialNumber");
                    format!(
                        r#"<tr><td class="serial">{s}</td><td>{enabled}</td><td>{remove}</td></tr>"#,
                        s = esc(serial),
                        enabled = esc(text(d, "enableDate")),
                        remove = button_form(session, &action, "remove", &[("serial", serial)], "remove-mfa", "Remove"),
                    )
                })
                .collect();
            format!(
                r#"<table id="mfa-devices"><thead><tr><th>Identifier</th><th>Assigned</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => api_error(&e),
    };
    format!(
        r#"<section class="panel"><h2>Multi-factor authentication (MFA)</h2>{devices}
<form method="post" action="{action}" id="assign-mfa-form">{csrf}
<label for="device-name">Device name</label><input type="text" name="device_name" id="device-name" maxlength="226" value="{default}">
<div class="actions"><button type="submit" name="go" value="create" id="assign-mfa">Assign MFA device</button></div></form></section>"#,
        action = esc(&action),
        csrf = csrf_field(&session.csrf),
        default = esc(name),
    )
}

/// The step of assigning a virtual device that asks for two consecutive codes: with the QR
/// code and secret key the first time (`secrets`), without them when a code was wrong (the
/// device is already in the authenticator app).
fn mfa_codes_page(
    ctx: &Ctx,
    session: &Session,
    name: &str,
    serial: &str,
    secrets: Option<(&str, &str)>,
    error: &str,
) -> Response {
    let action = format!("/console/users/{}/mfa", url(name));
    let secrets = match secrets {
        Some((qr_png_base64, seed)) => format!(
            r#"<p>Open your authenticator app and scan this QR code, or type the secret key.</p>
<img class="qr" id="mfa-qr" alt="QR code of the virtual MFA device's secret" src="data:image/png;base64,{qr}">
<details><summary id="show-secret-key">Show secret key</summary><code class="secret" id="mfa-secret">{seed}</code></details>"#,
            qr = esc(qr_png_base64),
            seed = esc(seed),
        ),
        None => String::new(),
    };
    let body = format!(
        r#"{error}<p>Device <code id="mfa-serial">{serial_text}</code> for user <strong>{user}</strong>.</p>{secrets}
<form method="post" action="{action}" id="mfa-codes-form">{csrf}<input type="hidden" name="serial" value="{serial_text}">
<label for="code1">MFA code 1</label><input type="text" name="code1" id="code1" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
<label for="code2">MFA code 2 (the next code)</label><input type="text" name="code2" id="code2" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
<div class="actions"><button type="submit" name="go" value="enable" id="enable-mfa">Add MFA</button>
<button type="submit" name="go" value="cancel" class="secondary" id="cancel-mfa">Cancel</button></div></form>"#,
        serial_text = esc(serial),
        user = esc(name),
        csrf = csrf_field(&session.csrf),
        action = esc(&action),
    );
    ctx.page(session, StatusCode::OK, "Set up virtual MFA device", &body)
}

/// `POST /console/users/{name}/mfa`: `create` makes a virtual device
/// (`CreateVirtualMFADevice`) and shows its QR code and secret key this once; `enable`
/// assigns it with two consecutive codes (`EnableMFADevice`); `cancel` deletes the unassigned
/// device (`DeleteVirtualMFADevice`); `remove` deactivates a device (`DeactivateMFADevice`)
/// and deletes it if it is virtual, as AWS's console does.
pub(crate) async fn mfa(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = tab_link(&name, "credentials");
    let serial = fields.text("serial");
    match fields.text("go") {
        "create" => {
            let device_name = match fields.text("device_name") {
                "" => name.as_str(),
                given => given,
            };
            let created = ctx
                .iam(
                    &caller,
                    &[
                        ("Action", "CreateVirtualMFADevice"),
                        ("VirtualMFADeviceName", device_name),
                    ],
                )
                .await;
            match created {
                Ok(Some(result)) => {
                    let serial = result
                        .to_audit_json()
                        .get("virtualMFADevice")
                        .map(|d| text(d, "serialNumber").to_owned())
                        .unwrap_or_default();
                    let qr = result.secret_text("QRCodePNG").unwrap_or_default();
                    let seed = result
                        .secret_text("Base32StringSeed")
                        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                        .and_then(|b| String::from_utf8(b).ok())
                        .unwrap_or_default();
                    mfa_codes_page(&ctx, &session, &name, &serial, Some((qr, &seed)), "")
                }
                Ok(None) => redirect(&back),
                Err(e) => ctx.refused(&session, &e, &back),
            }
        }
        "enable" => {
            let params = [
                ("Action", "EnableMFADevice"),
                ("UserName", name.as_str()),
                ("SerialNumber", serial),
                ("AuthenticationCode1", fields.text("code1")),
                ("AuthenticationCode2", fields.text("code2")),
            ];
            match ctx.iam(&caller, &params).await {
                Ok(_) => redirect(&back),
                Err(e) => mfa_codes_page(&ctx, &session, &name, serial, None, &api_error(&e)),
            }
        }
        "cancel" => {
            let params = [
                ("Action", "DeleteVirtualMFADevice"),
                ("SerialNumber", serial),
            ];
            ctx.change(&session, &caller, &params, &back).await
        }
        "remove" => {
            let deactivate = [
                ("Action", "DeactivateMFADevice"),
                ("UserName", name.as_str()),
                ("SerialNumber", serial),
            ];
            if let Err(e) = ctx.iam(&caller, &deactivate).await {
                return ctx.refused(&session, &e, &back);
            }
            if serial.contains(":mfa/") {
                let params = [
                    ("Action", "DeleteVirtualMFADevice"),
                    ("SerialNumber", serial),
                ];
                return ctx.change(&session, &caller, &params, &back).await;
            }
            redirect(&back)
        }
        _ => redirect(&back),
    }
}

/// Where a key owner's access key forms post: a user's, or the root user's own.
fn keys_action(owner: Option<&str>) -> String {
    match owner {
        Some(name) => format!("/console/users/{}/access-keys", url(name)),
        None => "/console/security-credentials/access-keys".to_owned(),
    }
}

/// The access keys of a user, or (`None`) of the caller itself.
async fn keys_section(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    owner: Option<&str>,
) -> String {
    let action = keys_action(owner);
    let mut params = vec![("Action", "ListAccessKeys")];
    if let Some(name) = owner {
        params.push(("UserName", name));
    }
    let keys = match ctx.iam_json(caller, &params).await {
        Ok(result) => {
            let rows: String = items(&result, "accessKeyMetadata")
                .iter()
                .map(|k| {
                    let id = text(k, "accessKeyId");
                    let status = text(k, "status");
                    let (go, label) = if status == "Active" {
                        ("deactivate", "Deactivate")
                    } else {
                        ("activate", "Activate")
                    };
                    format!(
                        r#"<tr><td>{id_text}</td><td class="status">{status}</td><td>{created}</td><td>{toggle} {delete}</td></tr>"#,
                        id_text = esc(id),
                        status = esc(status),
                        created = esc(text(k, "createDate")),
                        toggle = button_form(session, &action, go, &[("access_key_id", id)], &format!("{go}-{id}"), label),
                        delete = button_form(session, &action, "delete", &[("access_key_id", id)], &format!("delete-{id}"), "Delete"),
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
        r#"<section class="panel"><h2>Access keys</h2>{keys}
<form method="post" action="{action}">{csrf}<button type="submit" name="go" value="create" id="create-access-key">Create access key</button></form></section>"#,
        action = esc(&action),
        csrf = csrf_field(&session.csrf),
    )
}

/// `POST /console/users/{name}/access-keys`.
pub(crate) async fn access_keys(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    access_key_action(ctx, Some(name), body).await
}

/// `POST /console/security-credentials/access-keys`: the signed-in principal's own keys.
pub(crate) async fn own_access_keys(ctx: Ctx, body: Bytes) -> Response {
    access_key_action(ctx, None, body).await
}

/// `CreateAccessKey` (the secret shown once), `UpdateAccessKey` or `DeleteAccessKey` of a
/// user's keys, or (`None`) of the caller's own.
async fn access_key_action(ctx: Ctx, owner: Option<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let back = match &owner {
        Some(name) => tab_link(name, "credentials"),
        None => "/console/security-credentials".to_owned(),
    };
    let user_name = owner.as_deref();
    let key_id = fields.text("access_key_id");
    let mut params = match fields.text("go") {
        "create" => vec![("Action", "CreateAccessKey")],
        "deactivate" => vec![
            ("Action", "UpdateAccessKey"),
            ("AccessKeyId", key_id),
            ("Status", "Inactive"),
        ],
        "activate" => vec![
            ("Action", "UpdateAccessKey"),
            ("AccessKeyId", key_id),
            ("Status", "Active"),
        ],
        "delete" => vec![("Action", "DeleteAccessKey"), ("AccessKeyId", key_id)],
        _ => return redirect(&back),
    };
    if let Some(name) = user_name {
        params.push(("UserName", name));
    }
    if fields.text("go") != "create" {
        return ctx.change(&session, &caller, &params, &back).await;
    }
    match ctx.iam(&caller, &params).await {
        Ok(Some(result)) => {
            let shown_as = match (&owner, &session.principal) {
                (Some(name), _) => name.clone(),
                (None, Principal::User(name)) => name.clone(),
                (None, Principal::Root) => "root".to_owned(),
            };
            let body = format!(
                r#"{}{}<p><a class="button secondary" href="{}">Done</a></p>"#,
                notice("success", "Access key created."),
                once_only_key(&ctx, &shown_as, &result, false),
                esc(&back),
            );
            ctx.page(&session, StatusCode::OK, "Create access key", &body)
        }
        Ok(None) => redirect(&back),
        Err(e) => ctx.refused(&session, &e, &back),
    }
}

/// `GET /console/security-credentials`: an IAM user's own page is its user page; the root
/// user's lists its access keys (and says why it has no MFA device).
pub(crate) async fn own_credentials(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    if let Principal::User(name) = &session.principal {
        return redirect(&tab_link(name, "credentials"));
    }
    let keys = keys_section(&ctx, &session, &caller, None).await;
    let body = format!(
        r#"<section class="panel" id="root-mfa-panel"><h2>Multi-factor authentication (MFA)</h2>
<p>Keyward cannot yet assign an MFA device to the root user: <code>EnableMFADevice</code> names an IAM user. Sign in to the console as an IAM user with MFA for daily work.</p></section>
{keys}"#
    );
    ctx.page(&session, StatusCode::OK, "My security credentials", &body)
}

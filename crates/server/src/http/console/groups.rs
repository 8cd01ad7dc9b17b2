//! User groups: the list, **Create group** (name, users to add, policies to attach), a
//! group's page (its users and permissions: remove users, attach and detach policies, delete
//! inline policies) and its deletion, which first takes out what IAM requires gone (members,
//! attached and inline policies), as AWS's console does. Each action is the IAM operation it
//! names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::page::{csrf_field, esc, notice, url};
use super::session::Session;
use super::wizard::{hidden, hidden_policies, policy_picker};
use super::{api_error, items, paged, query_map, redirect, text, Ctx, Fields};
use crate::auth::identity::Caller;

/// The page of a group's tab.
fn group_link(name: &str, tab: &str) -> String {
    format!("/console/groups/{}?tab={tab}", url(name))
}

/// `GET /console/groups`: `ListGroups`.
pub(super) async fn list(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let table = match paged(&ctx, &caller, "ListGroups", &[], "groups").await {
        Ok(groups) => {
            let rows: String = groups
                .iter()
                .map(|g| {
                    let name = text(g, "groupName");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="/console/groups/{link}">{n}</a></td><td>{path}</td><td>{created}</td></tr>"#,
                        n = esc(name),
                        link = esc(&url(name)),
                        path = esc(text(g, "path")),
                        created = esc(text(g, "createDate")),
                    )
                })
                .collect();
            format!(
                r#"<table id="groups"><thead><tr><th>Group name</th><th>Path</th><th>Created</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let body = format!(
        r#"<label for="search">Filter groups by name</label><input type="search" id="search" data-filter="groups">
<p><a class="button" href="/console/groups/new" id="create-group">Create group</a></p>{table}"#
    );
    ctx.page(&session, StatusCode::OK, "User groups", &body)
}

/// The create form: name, users, and the policy search.
async fn create_page(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    fields: &Fields,
    error: &str,
) -> Response {
    let name = fields.text("group_name");
    let chosen_users = fields.all("user");
    let policies = fields.all("policy");
    let users = match paged(ctx, caller, "ListUsers", &[], "users").await {
        Ok(users) => {
            let rows: String = users
                .iter()
                .map(|u| {
                    let user = text(u, "userName");
                    format!(
                        r#"<tr data-name="{n}"><td><input type="checkbox" name="user" value="{n}" id="user-{n}" aria-label="{n}"{checked}></td><td><label class="check" for="user-{n}">{n}</label></td></tr>"#,
                        n = esc(user),
                        checked = if chosen_users.contains(&user) { " checked" } else { "" },
                    )
                })
                .collect();
            format!(
                r#"<table id="group-users"><thead><tr><th></th><th>User name</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let (picker, shown) = policy_picker(ctx, caller, fields.text("policy_search"), &policies).await;
    let body = format!(
        r#"{error}<form method="post" action="/console/groups/new" id="group-form">{csrf}{hidden}
<label for="group_name">User group name</label><input type="text" name="group_name" id="group_name" value="{name}" maxlength="128">
<h2>Add users to the group</h2>{users}
<h2>Attach permissions policies</h2>{picker}
<div class="actions"><button type="submit" name="go" value="create" id="create-group-button">Create group</button>
<a class="button secondary" href="/console/groups">Cancel</a></div></form>"#,
        csrf = csrf_field(&session.csrf),
        hidden = hidden_policies(&policies, &shown),
        name = esc(name),
    );
    ctx.page(session, StatusCode::OK, "Create user group", &body)
}

/// `GET /console/groups/new`.
pub(super) async fn new_form(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    create_page(&ctx, &session, &caller, &Fields(Vec::new()), "").await
}

/// `POST /console/groups/new`: `search` narrows the policies; `create` is `CreateGroup`,
/// then `AddUserToGroup` and `AttachGroupPolicy` for each choice, stopping at a refusal.
pub(super) async fn create(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    if fields.text("go") != "create" {
        return create_page(&ctx, &session, &caller, &fields, "").await;
    }
    let name = fields.text("group_name");
    if let Err(e) = ctx
        .iam(&caller, &[("Action", "CreateGroup"), ("GroupName", name)])
        .await
    {
        return create_page(&ctx, &session, &caller, &fields, &api_error(&e)).await;
    }
    let mut calls: Vec<[(&str, &str); 3]> = Vec::new();
    for user in fields.all("user") {
        calls.push([
            ("Action", "AddUserToGroup"),
            ("GroupName", name),
            ("UserName", user),
        ]);
    }
    for policy in fields.all("policy") {
        calls.push([
            ("Action", "AttachGroupPolicy"),
            ("GroupName", name),
            ("PolicyArn", policy),
        ]);
    }
    for call in &calls {
        if let Err(e) = ctx.iam(&caller, call).await {
            let body = format!(
                r#"{}{}<p><a class="button secondary" href="{}">View group</a></p>"#,
                notice("success", &format!("Group {name} created.")),
                api_error(&e),
                esc(&group_link(name, "users")),
            );
            return ctx.page(&session, StatusCode::OK, "Create user group", &body);
        }
    }
    redirect(&group_link(name, "users"))
}

/// `GET /console/groups/{name}?tab=`: `GetGroup` (its users) or its permissions
/// (`ListAttachedGroupPolicies`, `ListGroupPolicies`).
pub(super) async fn detail(
    ctx: Ctx,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let tab = query.get("tab").map(String::as_str).unwrap_or("users");
    let action = format!("/console/groups/{}", url(&name));
    let button = |go: &str, field: &str, value: &str, id: &str, label: &str| {
        format!(
            r#"<form method="post" action="{action}" class="inline">{csrf}{hidden}<button type="submit" name="go" value="{go}" class="secondary" id="{id}">{label}</button></form>"#,
            action = esc(&action),
            csrf = csrf_field(&session.csrf),
            hidden = hidden(field, value),
            id = esc(id),
        )
    };
    let group = match ctx
        .iam_json(&caller, &[("Action", "GetGroup"), ("GroupName", &name)])
        .await
    {
        Ok(result) => result,
        Err(e) => return ctx.page(&session, StatusCode::OK, &name, &api_error(&e)),
    };
    let info = group.get("group").cloned().unwrap_or_default();
    let tabs: String = [("users", "Users"), ("permissions", "Permissions")]
        .iter()
        .map(|(id, label)| {
            let current = if *id == tab {
                r#" aria-current="page""#
            } else {
                ""
            };
            format!(
                r#"<a href="{href}" id="tab-{id}"{current}>{label}</a> "#,
                href = esc(&group_link(&name, id))
            )
        })
        .collect();
    let content = if tab == "permissions" {
        let attached = match paged(
            &ctx,
            &caller,
            "ListAttachedGroupPolicies",
            &[("GroupName", &name)],
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
                            r#"<tr data-name="{n}"><td><a href="/console/policies/view?arn={link}">{n}</a></td><td>{detach}</td></tr>"#,
                            n = esc(policy),
                            link = esc(&url(arn)),
                            detach = button("detach", "policy_arn", arn, &format!("detach-{policy}"), "Detach"),
                        )
                    })
                    .collect();
                format!(
                    r#"<table id="group-policies"><thead><tr><th>Policy name</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
                )
            }
            Err(e) => e,
        };
        let inline = match paged(
            &ctx,
            &caller,
            "ListGroupPolicies",
            &[("GroupName", &name)],
            "policyNames",
        )
        .await
        {
            Ok(names) => {
                let rows: String = names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|policy| {
                        format!(
                            r#"<tr><td>{n}</td><td>{remove}</td></tr>"#,
                            n = esc(policy),
                            remove = button(
                                "delete_inline",
                                "policy_name",
                                policy,
                                &format!("delete-inline-{policy}"),
                                "Remove"
                            ),
                        )
                    })
                    .collect();
                format!(
                    r#"<table id="group-inline-policies"><thead><tr><th>Inline policy</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
                )
            }
            Err(e) => e,
        };
        let search = query
            .get("policy_search")
            .map(String::as_str)
            .unwrap_or_default();
        let (picker, _) = policy_picker(&ctx, &caller, search, &[]).await;
        format!(
            r#"<h2>Permissions policies</h2>{attached}<h2>Inline policies</h2>{inline}
<h2>Attach policies</h2><form method="post" action="{action}" id="attach-form">{csrf}{picker}
<div class="actions"><button type="submit" name="go" value="attach" id="attach-policies">Attach policies</button></div></form>"#,
            action = esc(&action),
            csrf = csrf_field(&session.csrf),
        )
    } else {
        let rows: String = items(&group, "users")
            .iter()
            .map(|u| {
                let user = text(u, "userName");
                format!(
                    r#"<tr data-name="{n}"><td><a href="/console/users/{link}">{n}</a></td><td>{remove}</td></tr>"#,
                    n = esc(user),
                    link = esc(&url(user)),
                    remove = button("remove_user", "user", user, &format!("remove-user-{user}"), "Remove"),
                )
            })
            .collect();
        format!(
            r#"<h2>Users in this group</h2><table id="group-members"><thead><tr><th>User name</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>
<p>Add users from a user's <em>Groups</em> tab.</p>"#
        )
    };
    let body = format!(
        r#"<table id="summary"><tr><th>ARN</th><td>{arn}</td></tr><tr><th>Created</th><td>{created}</td></tr></table>
<p>{delete}</p><nav class="tabs">{tabs}</nav>{content}"#,
        arn = esc(text(&info, "arn")),
        created = esc(text(&info, "createDate")),
        delete = button("delete", "confirm", "yes", "delete-group", "Delete group"),
    );
    ctx.page(&session, StatusCode::OK, &name, &body)
}

/// `POST /console/groups/{name}`: `RemoveUserFromGroup`, `AttachGroupPolicy`,
/// `DetachGroupPolicy`, `DeleteGroupPolicy`, or the group's deletion.
pub(super) async fn change(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let users_tab = group_link(&name, "users");
    let permissions_tab = group_link(&name, "permissions");
    match fields.text("go") {
        "search" => redirect(&format!(
            "{permissions_tab}&policy_search={}",
            url(fields.text("policy_search"))
        )),
        "remove_user" => {
            let params = [
                ("Action", "RemoveUserFromGroup"),
                ("GroupName", name.as_str()),
                ("UserName", fields.text("user")),
            ];
            ctx.change(&session, &caller, &params, &users_tab).await
        }
        "attach" => {
            for arn in fields.all("policy") {
                let params = [
                    ("Action", "AttachGroupPolicy"),
                    ("GroupName", name.as_str()),
                    ("PolicyArn", arn),
                ];
                if let Err(e) = ctx.iam(&caller, &params).await {
                    return ctx.refused(&session, &e, &permissions_tab);
                }
            }
            redirect(&permissions_tab)
        }
        "detach" => {
            let params = [
                ("Action", "DetachGroupPolicy"),
                ("GroupName", name.as_str()),
                ("PolicyArn", fields.text("policy_arn")),
            ];
            ctx.change(&session, &caller, &params, &permissions_tab)
                .await
        }
        "delete_inline" => {
            let params = [
                ("Action", "DeleteGroupPolicy"),
                ("GroupName", name.as_str()),
                ("PolicyName", fields.text("policy_name")),
            ];
            ctx.change(&session, &caller, &params, &permissions_tab)
                .await
        }
        "delete" => match delete_group(&ctx, &caller, &name).await {
            Ok(()) => redirect("/console/groups"),
            Err(e) => ctx.page(&session, StatusCode::OK, &name, &e),
        },
        _ => redirect(&users_tab),
    }
}

/// Deletes a group as AWS's console does: removes its users, detaches its managed policies,
/// deletes its inline policies, then `DeleteGroup`; stops at IAM's first refusal.
async fn delete_group(ctx: &Ctx, caller: &Caller, name: &str) -> Result<(), String> {
    let members = ctx
        .iam_json(caller, &[("Action", "GetGroup"), ("GroupName", name)])
        .await
        .map_err(|e| api_error(&e))?;
    let attached = paged(
        ctx,
        caller,
        "ListAttachedGroupPolicies",
        &[("GroupName", name)],
        "attachedPolicies",
    )
    .await?;
    let inline = paged(
        ctx,
        caller,
        "ListGroupPolicies",
        &[("GroupName", name)],
        "policyNames",
    )
    .await?;
    let mut calls: Vec<Vec<(&str, &str)>> = Vec::new();
    for user in items(&members, "users") {
        calls.push(vec![
            ("Action", "RemoveUserFromGroup"),
            ("GroupName", name),
            ("UserName", text(user, "userName")),
        ]);
    }
    for policy in &attached {
        calls.push(vec![
            ("Action", "DetachGroupPolicy"),
            ("GroupName", name),
            ("PolicyArn", text(policy, "policyArn")),
        ]);
    }
    for policy in inline.iter().filter_map(Value::as_str) {
        calls.push(vec![
            ("Action", "DeleteGroupPolicy"),
            ("GroupName", name),
            ("PolicyName", policy),
        ]);
    }
    calls.push(vec![("Action", "DeleteGroup"), ("GroupName", name)]);
    for call in &calls {
        ctx.iam(caller, call).await.map_err(|e| api_error(&e))?;
    }
    Ok(())
}

//! Roles: the list and the **Create role** wizard for a trusted AWS service (use cases EC2
//! and Lambda): trusted entity, permissions, name and review. For EC2 it also creates the
//! instance profile of the same name with the role in it, as AWS's console does, so an
//! instance launched with it (Keyward's instance-metadata endpoint) gets the role's
//! credentials. Each step is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;

use super::page::{esc, notice};
use super::session::Session;
use super::wizard::{hidden, hidden_policies, policy_picker, steps_bar, StepForm};
use super::{api_error, paged, text, Ctx, Fields};
use crate::auth::identity::Caller;

/// The use cases the wizard offers: its form value, label and service principal.
const USE_CASES: [(&str, &str, &str); 2] = [
    (
        "ec2",
        "EC2 – Allows EC2 instances to call AWS services on your behalf.",
        "ec2.amazonaws.com",
    ),
    (
        "lambda",
        "Lambda – Allows Lambda functions to call AWS services on your behalf.",
        "lambda.amazonaws.com",
    ),
];

/// `GET /console/roles`: `ListRoles`.
pub(crate) async fn list(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let table = match paged(&ctx, &caller, "ListRoles", &[], "roles").await {
        Ok(roles) => {
            let rows: String = roles
                .iter()
                .map(|r| {
                    format!(
                        r#"<tr data-name="{n}"><td>{n}</td><td>{arn}</td><td>{created}</td></tr>"#,
                        n = esc(text(r, "roleName")),
                        arn = esc(text(r, "arn")),
                        created = esc(text(r, "createDate")),
                    )
                })
                .collect();
            format!(
                r#"<table id="roles"><thead><tr><th>Role name</th><th>ARN</th><th>Created</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let body = format!(
        r#"<p><a class="button" href="/console/roles/new" id="create-role">Create role</a></p>{table}"#
    );
    ctx.page(&session, StatusCode::OK, "Roles", &body)
}

/// The wizard's state, carried from step to step in the form.
struct RoleWizard<'a> {
    use_case: &'a str,
    policies: Vec<&'a str>,
    search: &'a str,
    name: &'a str,
    description: &'a str,
}

impl<'a> RoleWizard<'a> {
    fn from_fields(fields: &'a Fields) -> Self {
        RoleWizard {
            use_case: fields.get("use_case").unwrap_or("ec2"),
            policies: fields.all("policy"),
            search: fields.text("policy_search"),
            name: fields.text("role_name"),
            description: fields.text("description"),
        }
    }

    fn service(&self) -> Option<&'static str> {
        USE_CASES
            .iter()
            .find(|(id, _, _)| *id == self.use_case)
            .map(|(_, _, service)| *service)
    }

    /// The trust policy AWS's console writes for a service use case.
    fn trust_policy(&self, service: &str) -> String {
        serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["sts:AssumeRole"],
                "Principal": {"Service": [service]},
            }],
        })
        .to_string()
    }

    fn hidden(&self, step: RoleStep, shown: &[String]) -> String {
        let mut out = String::new();
        if step != RoleStep::Trust {
            out.push_str(&hidden("use_case", self.use_case));
        }
        if step != RoleStep::Permissions {
            out.push_str(&hidden("policy_search", self.search));
        }
        out.push_str(&hidden_policies(&self.policies, shown));
        if step != RoleStep::Review {
            out.push_str(&hidden("role_name", self.name));
            out.push_str(&hidden("description", self.description));
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RoleStep {
    Trust,
    Permissions,
    Review,
}

/// The steps' titles, in order.
const ROLE_STEPS: [&str; 3] = [
    "Select trusted entity",
    "Add permissions",
    "Name, review, and create",
];

/// `GET /console/roles/new`.
pub(crate) async fn wizard_start(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let fields = Fields(Vec::new());
    let wizard = RoleWizard::from_fields(&fields);
    render(&ctx, &session, &caller, &wizard, RoleStep::Trust, None).await
}

/// `POST /console/roles/new`: the button pressed (`go`) names the step to show, or `create`.
pub(crate) async fn wizard_step(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let fields = Fields::parse(&body);
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    let wizard = RoleWizard::from_fields(&fields);
    let step = match fields.text("go") {
        "permissions" | "search" => RoleStep::Permissions,
        "review" => RoleStep::Review,
        "create" => return create(&ctx, &session, &caller, &wizard).await,
        _ => RoleStep::Trust,
    };
    render(&ctx, &session, &caller, &wizard, step, None).await
}

async fn render(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    wizard: &RoleWizard<'_>,
    step: RoleStep,
    error: Option<String>,
) -> Response {
    let mut shown = Vec::new();
    let (content, next, back) = match step {
        RoleStep::Trust => {
            let cases: String = USE_CASES
                .iter()
                .map(|(id, label, _)| {
                    let checked = if *id == wizard.use_case { " checked" } else { "" };
                    format!(
                        r#"<label class="check"><input type="radio" name="use_case" value="{id}" id="use-case-{id}"{checked}> {label}</label><br>"#
                    )
                })
                .collect();
            (
                format!(
                    r#"<h2>Select trusted entity</h2><p>Trusted entity type: <strong>AWS service</strong></p>
<fieldset><legend>Use case</legend>{cases}</fieldset>"#
                ),
                "permissions",
                None,
            )
        }
        RoleStep::Permissions => {
            let (picker, selected) =
                policy_picker(ctx, caller, wizard.search, &wizard.policies).await;
            shown = selected;
            (
                format!("<h2>Add permissions</h2>{picker}"),
                "review",
                Some("trust"),
            )
        }
        RoleStep::Review => {
            let policies: String = wizard
                .policies
                .iter()
                .map(|p| format!("<li>{}</li>", esc(p)))
                .collect();
            let trust = wizard
                .service()
                .map(|s| wizard.trust_policy(s))
                .unwrap_or_default();
            (
                format!(
                    r#"<h2>Name, review, and create</h2>
<label for="role_name">Role name</label><input type="text" name="role_name" id="role_name" value="{name}" maxlength="64">
<label for="description">Description</label><input type="text" name="description" id="description" value="{description}">
<h3>Trust policy</h3><pre id="trust-policy">{trust}</pre>
<h3>Permissions</h3><ul id="role-policies">{policies}</ul>"#,
                    name = esc(wizard.name),
                    description = esc(wizard.description),
                    trust = esc(&trust),
                ),
                "create",
                Some("permissions"),
            )
        }
    };
    let next_label = if next == "create" {
        "Create role"
    } else {
        "Next"
    };
    let form = StepForm {
        action: "/console/roles/new",
        id: "role-wizard",
        csrf: &session.csrf,
        hidden: &wizard.hidden(step, &shown),
        content: &content,
        next,
        next_label,
        back,
        cancel: "/console/roles",
    };
    let body = format!(
        "{}{}{}",
        steps_bar(&ROLE_STEPS, step as usize),
        error.unwrap_or_default(),
        form.render()
    );
    ctx.page(session, StatusCode::OK, "Create role", &body)
}

/// `CreateRole` with the use case's trust policy, `AttachRolePolicy` for each policy, and for
/// EC2 `CreateInstanceProfile` and `AddRoleToInstanceProfile` under the role's name; stops at
/// the first refusal.
async fn create(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    wizard: &RoleWizard<'_>,
) -> Response {
    let Some(service) = wizard.service() else {
        let error = notice("error", "Choose a use case.");
        return render(ctx, session, caller, wizard, RoleStep::Trust, Some(error)).await;
    };
    let trust = wizard.trust_policy(service);
    let mut create = vec![
        ("Action", "CreateRole"),
        ("RoleName", wizard.name),
        ("AssumeRolePolicyDocument", trust.as_str()),
        ("MaxSessionDuration", "3600"),
    ];
    if !wizard.description.is_empty() {
        create.push(("Description", wizard.description));
    }
    let mut calls: Vec<Vec<(&str, &str)>> = vec![create];
    for policy in &wizard.policies {
        calls.push(vec![
            ("Action", "AttachRolePolicy"),
            ("RoleName", wizard.name),
            ("PolicyArn", policy),
        ]);
    }
    if service == "ec2.amazonaws.com" {
        calls.push(vec![
            ("Action", "CreateInstanceProfile"),
            ("InstanceProfileName", wizard.name),
        ]);
        calls.push(vec![
            ("Action", "AddRoleToInstanceProfile"),
            ("InstanceProfileName", wizard.name),
            ("RoleName", wizard.name),
        ]);
    }
    for (i, call) in calls.iter().enumerate() {
        if let Err(e) = ctx.iam(caller, call).await {
            if i == 0 {
                return render(
                    ctx,
                    session,
                    caller,
                    wizard,
                    RoleStep::Review,
                    Some(api_error(&e)),
                )
                .await;
            }
            let body = format!(
                "{}{}",
                notice("success", &format!("Role {} created.", wizard.name)),
                api_error(&e)
            );
            return ctx.page(session, StatusCode::OK, "Create role", &body);
        }
    }
    let body = format!(
        r#"{}<p><a class="button secondary" href="/console/roles">Roles</a></p>"#,
        notice("success", &format!("Role {} created.", wizard.name))
    );
    ctx.page(session, StatusCode::OK, "Create role", &body)
}

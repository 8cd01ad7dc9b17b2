//! Roles: the list, a role's page (its permissions with attach and detach, its trust
//! relationships with the trust policy editable in the JSON editor, its last activity from
//! `RoleLastUsed`, and its deletion), and the **Create role** wizard for every trusted entity
//! type of AWS's console: an AWS service (use cases EC2 and Lambda), an AWS account (with an
//! optional external ID and MFA), a web identity (the built-in providers and the account's
//! OIDC providers, with an audience), SAML 2.0 federation, or a custom trust policy checked
//! by `keyward policy validate`'s findings. For EC2 the wizard also creates the instance
//! profile of the same name with the role in it, as AWS's console does, so an instance
//! launched with it (Keyward's instance-metadata endpoint) gets the role's credentials. Each
//! step is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Map, Value};

use super::page::{csrf_field, esc, notice, url};
use super::policies::pretty_document;
use super::policy_editor::{editor, kind_of};
use super::session::Session;
use super::wizard::{hidden, hidden_policies, policy_picker, steps_bar, StepForm};
use super::{api_error, items, paged, query_map, redirect, text, Ctx, Fields};
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

/// The trusted entity types: form value and label, in AWS's console's order.
const ENTITY_TYPES: [(&str, &str); 5] = [
    ("service", "AWS service"),
    ("account", "AWS account"),
    ("web_identity", "Web identity"),
    ("saml", "SAML 2.0 federation"),
    ("custom", "Custom trust policy"),
];

/// The built-in web identity providers: the `Federated` principal, its label and the
/// condition key its audience goes in, as AWS's console writes them.
const WEB_IDENTITY_PROVIDERS: [(&str, &str, &str); 4] = [
    (
        "cognito-identity.amazonaws.com",
        "Amazon Cognito",
        "cognito-identity.amazonaws.com:aud",
    ),
    (
        "www.amazon.com",
        "Login with Amazon",
        "www.amazon.com:app_id",
    ),
    (
        "graph.facebook.com",
        "Facebook",
        "graph.facebook.com:app_id",
    ),
    ("accounts.google.com", "Google", "accounts.google.com:aud"),
];

/// The audience AWS's console puts in a SAML 2.0 trust policy for programmatic and console
/// access.
const SAML_AUDIENCE: &str = "https://signin.aws.amazon.com/saml";

/// The document the custom trust policy starts from: AWS's editor's statement.
const CUSTOM_TRUST: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {},
            "Action": "sts:AssumeRole"
        }
    ]
}"#;

/// The page of a role's tab.
fn role_link(name: &str, tab: &str) -> String {
    format!("/console/roles/{}?tab={tab}", url(name))
}

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
                    let name = text(r, "roleName");
                    format!(
                        r#"<tr data-name="{n}"><td><a href="/console/roles/{link}">{n}</a></td><td>{arn}</td><td>{created}</td></tr>"#,
                        n = esc(name),
                        link = esc(&url(name)),
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
    entity: &'a str,
    use_case: &'a str,
    account_id: &'a str,
    external_id: Option<&'a str>,
    require_mfa: bool,
    provider: &'a str,
    audience: &'a str,
    saml_provider: &'a str,
    document: &'a str,
    policies: Vec<&'a str>,
    search: &'a str,
    name: &'a str,
    description: &'a str,
}

impl<'a> RoleWizard<'a> {
    fn from_fields(fields: &'a Fields) -> Self {
        RoleWizard {
            entity: fields.get("entity").unwrap_or("service"),
            use_case: fields.get("use_case").unwrap_or("ec2"),
            account_id: fields.text("account_id"),
            external_id: (fields.get("require_external_id") == Some("on"))
                .then(|| fields.text("external_id")),
            require_mfa: fields.get("require_mfa") == Some("on"),
            provider: fields.text("provider"),
            audience: fields.text("audience"),
            saml_provider: fields.text("saml_provider"),
            document: fields.get("document").unwrap_or(CUSTOM_TRUST),
            policies: fields.all("policy"),
            search: fields.text("policy_search"),
            name: fields.text("role_name"),
            description: fields.text("description"),
        }
    }

    /// The service principal of an AWS service role.
    fn service(&self) -> Option<&'static str> {
        if self.entity != "service" {
            return None;
        }
        USE_CASES
            .iter()
            .find(|(id, _, _)| *id == self.use_case)
            .map(|(_, _, service)| *service)
    }

    /// The trust policy AWS's console writes for the chosen trusted entity, or what is
    /// missing. `own_account` is the account an "AWS account" role trusts by default.
    fn trust_policy(&self, own_account: &str) -> Result<String, &'static str> {
        let statement = |principal: Value, action: &str, condition: Map<String, Value>| {
            let mut statement = Map::new();
            statement.insert("Effect".into(), json!("Allow"));
            statement.insert("Principal".into(), principal);
            statement.insert("Action".into(), json!(action));
            if !condition.is_empty() {
                statement.insert("Condition".into(), Value::Object(condition));
            }
            json!({"Version": "2012-10-17", "Statement": [statement]}).to_string()
        };
        match self.entity {
            "service" => {
                let service = self.service().ok_or("Choose a use case.")?;
                Ok(json!({
                    "Version": "2012-10-17",
                    "Statement": [{
                        "Effect": "Allow",
                        "Action": ["sts:AssumeRole"],
                        "Principal": {"Service": [service]},
                    }],
                })
                .to_string())
            }
            "account" => {
                let account = match self.account_id {
                    "" => own_account,
                    given => given,
                };
                if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
                    return Err("Enter a 12-digit AWS account ID.");
                }
                let mut condition = Map::new();
                if let Some(external_id) = self.external_id {
                    if external_id.is_empty() {
                        return Err("Enter the external ID, or clear \"Require external ID\".");
                    }
                    condition.insert(
                        "StringEquals".into(),
                        json!({"sts:ExternalId": external_id}),
                    );
                }
                if self.require_mfa {
                    condition.insert("Bool".into(), json!({"aws:MultiFactorAuthPresent": "true"}));
                }
                Ok(statement(
                    json!({"AWS": format!("arn:aws:iam::{account}:root")}),
                    "sts:AssumeRole",
                    condition,
                ))
            }
            "web_identity" => {
                let key = audience_key(self.provider).ok_or("Choose an identity provider.")?;
                if self.audience.is_empty() {
                    return Err("Enter the audience.");
                }
                let mut condition = Map::new();
                condition.insert("StringEquals".into(), json!({ key: self.audience }));
                Ok(statement(
                    json!({"Federated": self.provider}),
                    "sts:AssumeRoleWithWebIdentity",
                    condition,
                ))
            }
            "saml" => {
                if !self.saml_provider.starts_with("arn:") {
                    return Err("Choose a SAML 2.0 provider.");
                }
                let mut condition = Map::new();
                condition.insert("StringEquals".into(), json!({"SAML:aud": SAML_AUDIENCE}));
                Ok(statement(
                    json!({"Federated": self.saml_provider}),
                    "sts:AssumeRoleWithSAML",
                    condition,
                ))
            }
            _ => Ok(self.document.to_owned()),
        }
    }

    fn hidden(&self, step: RoleStep, shown: &[String]) -> String {
        let mut out = String::new();
        if step != RoleStep::Trust {
            out.push_str(&hidden("entity", self.entity));
            out.push_str(&hidden("use_case", self.use_case));
            out.push_str(&hidden("account_id", self.account_id));
            if let Some(external_id) = self.external_id {
                out.push_str(&hidden("require_external_id", "on"));
                out.push_str(&hidden("external_id", external_id));
            }
            if self.require_mfa {
                out.push_str(&hidden("require_mfa", "on"));
            }
            out.push_str(&hidden("provider", self.provider));
            out.push_str(&hidden("audience", self.audience));
            out.push_str(&hidden("saml_provider", self.saml_provider));
            out.push_str(&hidden("document", self.document));
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

/// The condition key a web identity provider's audience goes in: the built-ins' own, and
/// `HOST/PATH:aud` for the account's OIDC providers (named by ARN).
fn audience_key(provider: &str) -> Option<String> {
    if let Some((_, url)) = provider.split_once(":oidc-provider/") {
        return Some(format!("{url}:aud"));
    }
    WEB_IDENTITY_PROVIDERS
        .iter()
        .find(|(id, _, _)| *id == provider)
        .map(|(_, _, key)| (*key).to_owned())
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
    if step != RoleStep::Trust {
        if let Err(missing) = wizard.trust_policy(&ctx.state.account.0) {
            let error = notice("error", missing);
            return render(
                &ctx,
                &session,
                &caller,
                &wizard,
                RoleStep::Trust,
                Some(error),
            )
            .await;
        }
    }
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
        RoleStep::Trust => (trust_step(ctx, caller, wizard).await, "permissions", None),
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
                .trust_policy(&ctx.state.account.0)
                .map(|t| pretty_document(&t))
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

/// `CreateRole` with the trusted entity's trust policy, `AttachRolePolicy` for each policy, and for
/// EC2 `CreateInstanceProfile` and `AddRoleToInstanceProfile` under the role's name; stops at
/// the first refusal.
async fn create(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    wizard: &RoleWizard<'_>,
) -> Response {
    let trust = match wizard.trust_policy(&ctx.state.account.0) {
        Ok(trust) => trust,
        Err(missing) => {
            let error = notice("error", missing);
            return render(ctx, session, caller, wizard, RoleStep::Trust, Some(error)).await;
        }
    };
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
    if wizard.service() == Some("ec2.amazonaws.com") {
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
        r#"{}<p><a class="button secondary" href="{}" id="view-role">View role</a> <a class="button secondary" href="/console/roles">Roles</a></p>"#,
        notice("success", &format!("Role {} created.", wizard.name)),
        esc(&role_link(wizard.name, "permissions"))
    );
    ctx.page(session, StatusCode::OK, "Create role", &body)
}

/// The first step: the trusted entity type and its options. Every type's options are on the
/// page, so it works without JavaScript; the type chosen decides which are used.
async fn trust_step(ctx: &Ctx, caller: &Caller, wizard: &RoleWizard<'_>) -> String {
    let radio = |name: &str, value: &str, id: &str, label: &str, checked: bool| {
        format!(
            r#"<label class="check"><input type="radio" name="{name}" value="{value}" id="{id}"{checked}> {label}</label><br>"#,
            value = esc(value),
            id = esc(id),
            label = esc(label),
            checked = if checked { " checked" } else { "" },
        )
    };
    let types: String = ENTITY_TYPES
        .iter()
        .map(|(id, label)| {
            radio(
                "entity",
                id,
                &format!("entity-{}", id.replace('_', "-")),
                label,
                *id == wizard.entity,
            )
        })
        .collect();
    let cases: String = USE_CASES
        .iter()
        .map(|(id, label, _)| {
            radio(
                "use_case",
                id,
                &format!("use-case-{id}"),
                label,
                *id == wizard.use_case,
            )
        })
        .collect();
    let option = |value: &str, label: &str, chosen: &str| {
        format!(
            r#"<option value="{v}"{selected}>{l}</option>"#,
            v = esc(value),
            l = esc(label),
            selected = if value == chosen { " selected" } else { "" },
        )
    };
    let mut web = String::from(r#"<option value="">Choose a provider</option>"#);
    for (id, label, _) in &WEB_IDENTITY_PROVIDERS {
        web.push_str(&option(id, label, wizard.provider));
    }
    let oidc = ctx
        .iam_json(caller, &[("Action", "ListOpenIDConnectProviders")])
        .await;
    let mut problems = String::new();
    match &oidc {
        Ok(result) => {
            for provider in items(result, "openIDConnectProviderList") {
                let arn = text(provider, "arn");
                let label = arn.split_once(":oidc-provider/").map_or(arn, |(_, u)| u);
                web.push_str(&option(arn, label, wizard.provider));
            }
        }
        Err(e) => problems.push_str(&api_error(e)),
    }
    let mut saml = String::from(r#"<option value="">Choose a provider</option>"#);
    match ctx
        .iam_json(caller, &[("Action", "ListSAMLProviders")])
        .await
    {
        Ok(result) => {
            for provider in items(&result, "sAMLProviderList") {
                let arn = text(provider, "arn");
                let label = arn.split_once(":saml-provider/").map_or(arn, |(_, n)| n);
                saml.push_str(&option(arn, label, wizard.saml_provider));
            }
        }
        Err(e) => problems.push_str(&api_error(&e)),
    }
    format!(
        r#"<h2>Select trusted entity</h2>{problems}
<fieldset><legend>Trusted entity type</legend>{types}</fieldset>
<fieldset id="service-options"><legend>AWS service: use case</legend>{cases}</fieldset>
<fieldset id="account-options"><legend>AWS account</legend>
<label for="account-id">Account ID (empty: this account, {own})</label><input type="text" name="account_id" id="account-id" value="{account}" maxlength="12" inputmode="numeric">
<label class="check"><input type="checkbox" name="require_external_id" value="on" id="require-external-id"{ext_checked}> Require external ID (best practice when a third party will assume this role)</label>
<label for="external-id">External ID</label><input type="text" name="external_id" id="external-id" value="{external}" maxlength="1224">
<label class="check"><input type="checkbox" name="require_mfa" value="on" id="require-mfa"{mfa_checked}> Require MFA</label></fieldset>
<fieldset id="web-identity-options"><legend>Web identity</legend>
<label for="identity-provider">Identity provider</label><select name="provider" id="identity-provider">{web}</select>
<label for="audience">Audience</label><input type="text" name="audience" id="audience" value="{audience}"></fieldset>
<fieldset id="saml-options"><legend>SAML 2.0 federation</legend>
<label for="saml-provider">SAML 2.0–based provider</label><select name="saml_provider" id="saml-provider">{saml}</select>
<p>Allow programmatic and AWS Management Console access (<code>SAML:aud</code> {saml_audience}).</p></fieldset>
<fieldset id="custom-options"><legend>Custom trust policy</legend>{editor}</fieldset>"#,
        own = esc(&ctx.state.account.0),
        account = esc(wizard.account_id),
        ext_checked = if wizard.external_id.is_some() {
            " checked"
        } else {
            ""
        },
        external = esc(wizard.external_id.unwrap_or_default()),
        mfa_checked = if wizard.require_mfa { " checked" } else { "" },
        audience = esc(wizard.audience),
        saml_audience = esc(SAML_AUDIENCE),
        editor = editor(wizard.document, kind_of("trust")),
    )
}

/// `GET /console/roles/{name}?tab=`: `GetRole` (its summary, last activity and trust policy)
/// and its permissions (`ListAttachedRolePolicies`, `ListRolePolicies`).
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
    let role = match ctx
        .iam_json(&caller, &[("Action", "GetRole"), ("RoleName", &name)])
        .await
    {
        Ok(result) => result.get("role").cloned().unwrap_or(Value::Null),
        Err(e) => return ctx.page(&session, StatusCode::OK, &name, &api_error(&e)),
    };
    let trust = pretty_document(text(&role, "assumeRolePolicyDocument"));
    let content = if tab == "trust" {
        trust_tab(&session, &name, &trust, &trust, "")
    } else {
        let search = query
            .get("policy_search")
            .map(String::as_str)
            .unwrap_or_default();
        permissions_tab(&ctx, &session, &caller, &name, search).await
    };
    role_page(&ctx, &session, &name, &role, tab, &content)
}

/// A role's page around a tab's `content`.
fn role_page(
    ctx: &Ctx,
    session: &Session,
    name: &str,
    role: &Value,
    tab: &str,
    content: &str,
) -> Response {
    let last_used = role.get("roleLastUsed").cloned().unwrap_or(Value::Null);
    let activity = match text(&last_used, "lastUsedDate") {
        "" => "None".to_owned(),
        date => match text(&last_used, "region") {
            "" => date.to_owned(),
            region => format!("{date} in {region}"),
        },
    };
    let tabs: String = [
        ("permissions", "Permissions"),
        ("trust", "Trust relationships"),
    ]
    .iter()
    .map(|(id, label)| {
        let current = if *id == tab {
            r#" aria-current="page""#
        } else {
            ""
        };
        format!(
            r#"<a href="{href}" id="tab-{id}"{current}>{label}</a> "#,
            href = esc(&role_link(name, id))
        )
    })
    .collect();
    let body = format!(
        r#"<table id="summary"><tr><th>ARN</th><td>{arn}</td></tr><tr><th>Description</th><td>{description}</td></tr><tr><th>Created</th><td>{created}</td></tr><tr><th>Maximum session duration</th><td>{max} seconds</td></tr><tr><th>Last activity</th><td id="last-activity">{activity}</td></tr></table>
<form method="post" action="/console/roles/{link}" class="inline">{csrf}<button type="submit" name="go" value="delete" class="secondary" id="delete-role">Delete role</button></form>
<nav class="tabs">{tabs}</nav>{content}"#,
        arn = esc(text(role, "arn")),
        description = esc(text(role, "description")),
        created = esc(text(role, "createDate")),
        max = esc(text(role, "maxSessionDuration")),
        activity = esc(&activity),
        link = esc(&url(name)),
        csrf = csrf_field(&session.csrf),
    );
    ctx.page(session, StatusCode::OK, name, &body)
}

/// The trust policy and, below it, the editor to change it (`UpdateAssumeRolePolicy`).
fn trust_tab(session: &Session, name: &str, current: &str, document: &str, error: &str) -> String {
    format!(
        r#"<h2>Trusted entities</h2><pre class="json" id="trust-policy">{current}</pre>
<h2>Edit trust policy</h2>{error}<form method="post" action="/console/roles/{link}" id="trust-form">{csrf}
{editor}
<div class="actions"><button type="submit" name="go" value="update_trust" id="update-trust">Update policy</button></div></form>"#,
        current = esc(current),
        link = esc(&url(name)),
        csrf = csrf_field(&session.csrf),
        editor = editor(document, kind_of("trust")),
    )
}

async fn permissions_tab(
    ctx: &Ctx,
    session: &Session,
    caller: &Caller,
    name: &str,
    search: &str,
) -> String {
    let action = format!("/console/roles/{}", url(name));
    let button = |go: &str, field: &str, value: &str, id: &str, label: &str| {
        format!(
            r#"<form method="post" action="{action}" class="inline">{csrf}{hidden}<button type="submit" name="go" value="{go}" class="secondary" id="{id}">{label}</button></form>"#,
            action = esc(&action),
            csrf = csrf_field(&session.csrf),
            hidden = hidden(field, value),
            id = esc(id),
        )
    };
    let attached = match paged(
        ctx,
        caller,
        "ListAttachedRolePolicies",
        &[("RoleName", name)],
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
                r#"<table id="role-policies"><thead><tr><th>Policy name</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let inline = match paged(
        ctx,
        caller,
        "ListRolePolicies",
        &[("RoleName", name)],
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
                        "<tr><td>{}</td><td>{}</td></tr>",
                        esc(policy),
                        button(
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
                r#"<table id="role-inline-policies"><thead><tr><th>Inline policy</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>"#
            )
        }
        Err(e) => e,
    };
    let (picker, _) = policy_picker(ctx, caller, search, &[]).await;
    format!(
        r#"<h2>Permissions policies</h2>{attached}<h2>Inline policies</h2>{inline}
<h2>Add permissions</h2><form method="post" action="{action}" id="attach-form">{csrf}{picker}
<div class="actions"><button type="submit" name="go" value="attach" id="attach-policies">Attach policies</button></div></form>"#,
        action = esc(&action),
        csrf = csrf_field(&session.csrf),
    )
}

/// `POST /console/roles/{name}`: `AttachRolePolicy`, `DetachRolePolicy`, `DeleteRolePolicy`,
/// `UpdateAssumeRolePolicy` (or the editor's findings), or the role's deletion.
pub(crate) async fn change(ctx: Ctx, Path(name): Path<String>, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let permissions = role_link(&name, "permissions");
    match fields.text("go") {
        "search" => redirect(&format!(
            "{permissions}&policy_search={}",
            url(fields.text("policy_search"))
        )),
        "attach" => {
            for arn in fields.all("policy") {
                let params = [
                    ("Action", "AttachRolePolicy"),
                    ("RoleName", name.as_str()),
                    ("PolicyArn", arn),
                ];
                if let Err(e) = ctx.iam(&caller, &params).await {
                    return ctx.refused(&session, &e, &permissions);
                }
            }
            redirect(&permissions)
        }
        "detach" => {
            let params = [
                ("Action", "DetachRolePolicy"),
                ("RoleName", name.as_str()),
                ("PolicyArn", fields.text("policy_arn")),
            ];
            ctx.change(&session, &caller, &params, &permissions).await
        }
        "delete_inline" => {
            let params = [
                ("Action", "DeleteRolePolicy"),
                ("RoleName", name.as_str()),
                ("PolicyName", fields.text("policy_name")),
            ];
            ctx.change(&session, &caller, &params, &permissions).await
        }
        "update_trust" | "validate" => {
            let document = fields.text("document");
            let params = [
                ("Action", "UpdateAssumeRolePolicy"),
                ("RoleName", name.as_str()),
                ("PolicyDocument", document),
            ];
            let error = if fields.text("go") == "validate" {
                String::new()
            } else {
                match ctx.iam(&caller, &params).await {
                    Ok(_) => return redirect(&role_link(&name, "trust")),
                    Err(e) => api_error(&e),
                }
            };
            let role = match ctx
                .iam_json(&caller, &[("Action", "GetRole"), ("RoleName", &name)])
                .await
            {
                Ok(result) => result.get("role").cloned().unwrap_or(Value::Null),
                Err(e) => return ctx.refused(&session, &e, "/console/roles"),
            };
            let current = pretty_document(text(&role, "assumeRolePolicyDocument"));
            let content = trust_tab(&session, &name, &current, document, &error);
            role_page(&ctx, &session, &name, &role, "trust", &content)
        }
        "delete" => match delete_role(&ctx, &caller, &name).await {
            Ok(()) => redirect("/console/roles"),
            Err(e) => ctx.page(&session, StatusCode::OK, &name, &e),
        },
        _ => redirect(&permissions),
    }
}

/// Deletes a role as AWS's console does: takes it out of its instance profiles, detaches its
/// managed policies, deletes its inline policies, then `DeleteRole`; stops at IAM's first
/// refusal.
async fn delete_role(ctx: &Ctx, caller: &Caller, name: &str) -> Result<(), String> {
    let profiles = paged(
        ctx,
        caller,
        "ListInstanceProfilesForRole",
        &[("RoleName", name)],
        "instanceProfiles",
    )
    .await?;
    let attached = paged(
        ctx,
        caller,
        "ListAttachedRolePolicies",
        &[("RoleName", name)],
        "attachedPolicies",
    )
    .await?;
    let inline = paged(
        ctx,
        caller,
        "ListRolePolicies",
        &[("RoleName", name)],
        "policyNames",
    )
    .await?;
    let mut calls: Vec<Vec<(&str, &str)>> = Vec::new();
    for profile in &profiles {
        calls.push(vec![
            ("Action", "RemoveRoleFromInstanceProfile"),
            ("InstanceProfileName", text(profile, "instanceProfileName")),
            ("RoleName", name),
        ]);
    }
    for policy in &attached {
        calls.push(vec![
            ("Action", "DetachRolePolicy"),
            ("RoleName", name),
            ("PolicyArn", text(policy, "policyArn")),
        ]);
    }
    for policy in inline.iter().filter_map(Value::as_str) {
        calls.push(vec![
            ("Action", "DeleteRolePolicy"),
            ("RoleName", name),
            ("PolicyName", policy),
        ]);
    }
    calls.push(vec![("Action", "DeleteRole"), ("RoleName", name)]);
    for call in &calls {
        ctx.iam(caller, call).await.map_err(|e| api_error(&e))?;
    }
    Ok(())
}

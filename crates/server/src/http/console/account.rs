//! Account settings: the account alias (`CreateAccountAlias`, `DeleteAccountAlias`), the
//! password policy for IAM users (`UpdateAccountPasswordPolicy`,
//! `DeleteAccountPasswordPolicy`), and the version of session tokens the global STS endpoint
//! issues (`SetSecurityTokenServicePreferences`, the one STS endpoint setting IAM has). Each
//! action is the IAM operation it names, run as the signed-in caller.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::page::{csrf_field, esc};
use super::{api_error, items, redirect, text, Ctx};

/// Where the page is.
const BACK: &str = "/console/account";

/// The password policy's checkbox settings: form and API name, label.
const RULES: [(&str, &str); 5] = [
    (
        "RequireUppercaseCharacters",
        "Require at least one uppercase letter from the Latin alphabet (A–Z)",
    ),
    (
        "RequireLowercaseCharacters",
        "Require at least one lowercase letter from the Latin alphabet (a–z)",
    ),
    ("RequireNumbers", "Require at least one number"),
    (
        "RequireSymbols",
        "Require at least one nonalphanumeric character",
    ),
    (
        "AllowUsersToChangePassword",
        "Allow users to change their own password",
    ),
];

/// `GET /console/account`.
pub(super) async fn page(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let csrf = csrf_field(&session.csrf);
    let alias = match ctx
        .iam_json(&caller, &[("Action", "ListAccountAliases")])
        .await
    {
        Ok(result) => match items(&result, "accountAliases")
            .first()
            .and_then(Value::as_str)
        {
            Some(alias) => format!(
                r#"<p>Account alias: <strong id="account-alias">{a}</strong>. Users sign in with it in place of the account ID.</p>
<form method="post" action="/console/account">{csrf}<input type="hidden" name="alias" value="{a}"><button type="submit" name="go" value="alias_delete" class="secondary" id="delete-alias">Delete alias</button></form>"#,
                a = esc(alias),
            ),
            None => format!(
                r#"<p id="account-alias">No account alias.</p><form method="post" action="/console/account" id="alias-form">{csrf}
<label for="alias">Account alias</label><input type="text" name="alias" id="alias" maxlength="63">
<div class="actions"><button type="submit" name="go" value="alias_create" id="create-alias">Create alias</button></div></form>"#
            ),
        },
        Err(e) => api_error(&e),
    };
    let (policy, exists) = match ctx
        .iam_json(&caller, &[("Action", "GetAccountPasswordPolicy")])
        .await
    {
        Ok(result) => (
            result.get("passwordPolicy").cloned().unwrap_or_default(),
            true,
        ),
        Err(crate::error::ApiError::NoSuchEntity(_)) => (Value::Null, false),
        Err(e) => (Value::String(api_error(&e)), false),
    };
    let password = if let Value::String(error) = &policy {
        error.clone()
    } else {
        let number = |key: &str| esc(text(&policy, key));
        let checks: String = RULES
            .iter()
            .map(|(key, label)| {
                format!(
                    r#"<label class="check"><input type="checkbox" name="{key}" value="true" id="{key}"{checked}> {label}</label><br>"#,
                    checked = if text(&policy, &crate::protocol::xml::camel(key)) == "true" { " checked" } else { "" },
                )
            })
            .collect();
        let delete = if exists {
            format!(
                r#"<form method="post" action="/console/account" class="inline">{csrf}<button type="submit" name="go" value="policy_delete" class="secondary" id="delete-password-policy">Delete password policy (IAM's defaults apply)</button></form>"#
            )
        } else {
            r#"<p id="no-password-policy">No custom password policy: IAM's default applies.</p>"#
                .to_owned()
        };
        format!(
            r#"{delete}<form method="post" action="/console/account" id="password-policy-form">{csrf}
<label for="MinimumPasswordLength">Minimum password length (6–128)</label><input type="text" name="MinimumPasswordLength" id="MinimumPasswordLength" value="{min}" inputmode="numeric">
{checks}
<label for="MaxPasswordAge">Password expiration (days, empty: never)</label><input type="text" name="MaxPasswordAge" id="MaxPasswordAge" value="{age}" inputmode="numeric">
<label for="PasswordReusePrevention">Prevent password reuse (remembered passwords, empty: off)</label><input type="text" name="PasswordReusePrevention" id="PasswordReusePrevention" value="{reuse}" inputmode="numeric">
<label class="check"><input type="checkbox" name="HardExpiry" value="true" id="HardExpiry"{hard}> Password expiration requires administrator reset</label>
<div class="actions"><button type="submit" name="go" value="policy" id="save-password-policy">Save password policy</button></div></form>"#,
            min = number("minimumPasswordLength"),
            age = number("maxPasswordAge"),
            reuse = number("passwordReusePrevention"),
            hard = if text(&policy, "hardExpiry") == "true" {
                " checked"
            } else {
                ""
            },
        )
    };
    let sts = match ctx
        .iam_json(&caller, &[("Action", "GetAccountSummary")])
        .await
    {
        Ok(result) => {
            let version = result
                .pointer("/summaryMap/GlobalEndpointTokenVersion")
                .and_then(Value::as_str)
                .unwrap_or("1");
            let option = |value: &str, label: &str, current: bool| {
                format!(
                    r#"<option value="{value}"{s}>{label}</option>"#,
                    s = if current { " selected" } else { "" }
                )
            };
            format!(
                r#"<p>Session tokens from the global endpoint (<code>sts.amazonaws.com</code>) are currently version <strong id="token-version">{version}</strong>. Regional endpoints always issue version 2 tokens, valid in all Regions.</p>
<form method="post" action="/console/account" id="sts-form">{csrf}
<label for="token_version">Global endpoint session tokens</label><select name="token_version" id="token_version">{v1}{v2}</select>
<div class="actions"><button type="submit" name="go" value="sts" id="save-sts">Save</button></div></form>"#,
                version = esc(version),
                v1 = option(
                    "v1Token",
                    "Valid only in AWS Regions enabled by default",
                    version == "1"
                ),
                v2 = option("v2Token", "Valid in all AWS Regions", version == "2"),
            )
        }
        Err(e) => api_error(&e),
    };
    let body = format!(
        r#"<section class="panel"><h2>Account alias</h2>{alias}</section>
<section class="panel"><h2>Password policy</h2>{password}</section>
<section class="panel"><h2>Security Token Service (STS)</h2>{sts}</section>"#
    );
    ctx.page(&session, StatusCode::OK, "Account settings", &body)
}

/// `POST /console/account`.
pub(super) async fn change(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let mut params: Vec<(&str, &str)> = match fields.text("go") {
        "alias_create" => vec![
            ("Action", "CreateAccountAlias"),
            ("AccountAlias", fields.text("alias")),
        ],
        "alias_delete" => vec![
            ("Action", "DeleteAccountAlias"),
            ("AccountAlias", fields.text("alias")),
        ],
        "policy_delete" => vec![("Action", "DeleteAccountPasswordPolicy")],
        "sts" => vec![
            ("Action", "SetSecurityTokenServicePreferences"),
            ("GlobalEndpointTokenVersion", fields.text("token_version")),
        ],
        "policy" => vec![("Action", "UpdateAccountPasswordPolicy")],
        _ => return redirect(BACK),
    };
    if fields.text("go") == "policy" {
        for key in [
            "MinimumPasswordLength",
            "MaxPasswordAge",
            "PasswordReusePrevention",
        ] {
            let value = fields.text(key);
            if !value.is_empty() {
                params.push((key, value));
            }
        }
        for key in RULES
            .iter()
            .map(|(key, _)| *key)
            .chain(std::iter::once("HardExpiry"))
        {
            let value = if fields.get(key) == Some("true") {
                "true"
            } else {
                "false"
            };
            params.push((key, value));
        }
    }
    ctx.change(&session, &caller, &params, BACK).await
}

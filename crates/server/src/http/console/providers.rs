//! Identity providers: the account's OpenID Connect and SAML 2.0 providers, adding one
//! (`CreateOpenIDConnectProvider` with its audience, `CreateSAMLProvider` with its metadata
//! document) and deleting one. Each action is the IAM operation it names, run as the
//! signed-in caller.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;

use super::page::{csrf_field, esc};
use super::wizard::hidden;
use super::{api_error, items, redirect, text, Ctx};

/// Where the page is.
const BACK: &str = "/console/providers";

/// `GET /console/providers`: `ListOpenIDConnectProviders` and `ListSAMLProviders`.
pub(super) async fn page(ctx: Ctx) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let delete = |go: &str, arn: &str| {
        format!(
            r#"<form method="post" action="/console/providers" class="inline">{csrf}{arn_field}<button type="submit" name="go" value="{go}" class="secondary" id="delete-{id}">Delete</button></form>"#,
            csrf = csrf_field(&session.csrf),
            arn_field = hidden("arn", arn),
            id = esc(arn.rsplit('/').next().unwrap_or(arn)),
        )
    };
    let mut rows = String::new();
    let mut problems = String::new();
    match ctx
        .iam_json(&caller, &[("Action", "ListOpenIDConnectProviders")])
        .await
    {
        Ok(result) => {
            for provider in items(&result, "openIDConnectProviderList") {
                let arn = text(provider, "arn");
                let url = arn.split_once(":oidc-provider/").map_or(arn, |(_, u)| u);
                rows.push_str(&format!(
                    r#"<tr><td>{url}</td><td>OpenID Connect</td><td>{arn_text}</td><td>{delete}</td></tr>"#,
                    url = esc(url),
                    arn_text = esc(arn),
                    delete = delete("delete_oidc", arn),
                ));
            }
        }
        Err(e) => problems.push_str(&api_error(&e)),
    }
    match ctx
        .iam_json(&caller, &[("Action", "ListSAMLProviders")])
        .await
    {
        Ok(result) => {
            for provider in items(&result, "sAMLProviderList") {
                let arn = text(provider, "arn");
                let name = arn.split_once(":saml-provider/").map_or(arn, |(_, n)| n);
                rows.push_str(&format!(
                    r#"<tr><td>{name}</td><td>SAML</td><td>{arn_text}</td><td>{delete}</td></tr>"#,
                    name = esc(name),
                    arn_text = esc(arn),
                    delete = delete("delete_saml", arn),
                ));
            }
        }
        Err(e) => problems.push_str(&api_error(&e)),
    }
    let csrf = csrf_field(&session.csrf);
    let body = format!(
        r#"{problems}<table id="providers"><thead><tr><th>Provider</th><th>Type</th><th>ARN</th><th>Actions</th></tr></thead><tbody>{rows}</tbody></table>
<section class="panel"><h2>Add an OpenID Connect provider</h2><form method="post" action="/console/providers" id="oidc-form">{csrf}
<label for="oidc-url">Provider URL</label><input type="text" name="url" id="oidc-url" placeholder="https://token.actions.githubusercontent.com">
<label for="oidc-audience">Audience (client ID)</label><input type="text" name="audience" id="oidc-audience">
<label for="oidc-thumbprint">Thumbprint (optional)</label><input type="text" name="thumbprint" id="oidc-thumbprint" maxlength="40">
<div class="actions"><button type="submit" name="go" value="add_oidc" id="add-oidc">Add provider</button></div></form></section>
<section class="panel"><h2>Add a SAML provider</h2><form method="post" action="/console/providers" id="saml-form">{csrf}
<label for="saml-name">Provider name</label><input type="text" name="name" id="saml-name" maxlength="128">
<label for="saml-metadata">Metadata document (XML from your identity provider)</label><textarea name="metadata" id="saml-metadata" rows="8" class="policy"></textarea>
<div class="actions"><button type="submit" name="go" value="add_saml" id="add-saml">Add provider</button></div></form></section>"#
    );
    ctx.page(&session, StatusCode::OK, "Identity providers", &body)
}

/// `POST /console/providers`.
pub(super) async fn change(ctx: Ctx, body: Bytes) -> Response {
    let (session, caller, fields) = match ctx.form_post(&body).await {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let mut params: Vec<(&str, &str)> = match fields.text("go") {
        "add_oidc" => vec![
            ("Action", "CreateOpenIDConnectProvider"),
            ("Url", fields.text("url")),
            ("ClientIDList.member.1", fields.text("audience")),
        ],
        "add_saml" => vec![
            ("Action", "CreateSAMLProvider"),
            ("Name", fields.text("name")),
            ("SAMLMetadataDocument", fields.text("metadata")),
        ],
        "delete_oidc" => vec![
            ("Action", "DeleteOpenIDConnectProvider"),
            ("OpenIDConnectProviderArn", fields.text("arn")),
        ],
        "delete_saml" => vec![
            ("Action", "DeleteSAMLProvider"),
            ("SAMLProviderArn", fields.text("arn")),
        ],
        _ => return redirect(BACK),
    };
    if fields.text("go") == "add_oidc" && !fields.text("thumbprint").is_empty() {
        params.push(("ThumbprintList.member.1", fields.text("thumbprint")));
    }
    ctx.change(&session, &caller, &params, BACK).await
}

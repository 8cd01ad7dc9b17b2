//! The IAM console at `/console`: server-rendered pages over the same request path as the API.
//! Every action a page offers runs the IAM operation it names through
//! [`super::run_for_console`], so it is authorized by the same engine and audited as the same
//! call a signed request would make; a page shows a caller exactly what IAM lets it see, and
//! IAM's own refusal otherwise. Forms work without JavaScript; assets are embedded.

mod account;
mod audit;
mod dashboard;
mod groups;
mod page;
mod policies;
mod policy_editor;
mod providers;
mod reports;
mod roles;
mod session;
mod signin;
mod simulator;
mod user_detail;
mod users;
mod wizard;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde_json::Value;

use crate::api::operations::Service;
use crate::auth::identity::{Caller, Identity};
use crate::error::ApiError;
use crate::http::listener::SecureTransport;
use crate::protocol::xml::Element;
use crate::state::AppState;

use page::{esc, Frame};
use session::{Principal, Session, Sessions, Stage};

pub(crate) use signin::install_root_password;

/// The session cookie's name.
const SESSION_COOKIE: &str = "kw_session";

/// The console's routes, to be nested at `/console`.
pub(crate) fn router() -> axum::Router<Arc<AppState>> {
    Router::new()
        .route("/", get(dashboard::dashboard))
        .route("/assets/console.css", get(stylesheet))
        .route("/assets/console.js", get(script))
        .route("/signin", get(signin::form).post(signin::submit))
        .route("/mfa", get(signin::mfa_form).post(signin::mfa_submit))
        .route(
            "/password",
            get(signin::password_form).post(signin::password_submit),
        )
        .route("/signout", post(signin::signout))
        .route("/users", get(users::list))
        .route(
            "/users/new",
            get(users::wizard_start).post(users::wizard_step),
        )
        .route("/users/{name}", get(user_detail::detail))
        .route("/users/{name}/access-keys", post(user_detail::access_keys))
        .route("/users/{name}/permissions", post(user_detail::permissions))
        .route("/users/{name}/groups", post(user_detail::groups))
        .route("/users/{name}/tags", post(user_detail::tags))
        .route("/users/{name}/password", post(user_detail::password))
        .route("/users/{name}/mfa", post(user_detail::mfa))
        .route("/security-credentials", get(user_detail::own_credentials))
        .route(
            "/security-credentials/access-keys",
            post(user_detail::own_access_keys),
        )
        .route("/account", get(account::page).post(account::change))
        .route("/audit", get(audit::page))
        .route("/simulator", get(simulator::page))
        .route("/providers", get(providers::page).post(providers::change))
        .route("/reports", get(reports::page))
        .route(
            "/reports/credential-report",
            post(reports::credential_report),
        )
        .route("/groups", get(groups::list))
        .route("/groups/new", get(groups::new_form).post(groups::create))
        .route("/groups/{name}", get(groups::detail).post(groups::change))
        .route("/policies", get(policies::list))
        .route(
            "/policies/new",
            get(policies::new_form).post(policies::create),
        )
        .route("/policies/view", get(policies::view))
        .route(
            "/policies/edit",
            get(policies::edit_form).post(policies::save),
        )
        .route("/policies/versions", post(policies::versions))
        .route("/policies/delete", post(policies::delete))
        .route("/policies/validate", post(policy_editor::validate))
        .route("/roles", get(roles::list))
        .route(
            "/roles/new",
            get(roles::wizard_start).post(roles::wizard_step),
        )
        .route("/roles/{name}", get(roles::detail).post(roles::change))
        .layer(Extension(Arc::new(Sessions::default())))
}

async fn stylesheet() -> Response {
    page::asset("text/css; charset=utf-8", page::STYLESHEET)
}

async fn script() -> Response {
    page::asset("text/javascript; charset=utf-8", page::SCRIPT)
}

/// What every console handler needs of its request.
pub(crate) struct Ctx {
    state: Arc<AppState>,
    sessions: Arc<Sessions>,
    peer: SocketAddr,
    secure: bool,
    headers: HeaderMap,
}

impl FromRequestParts<Arc<AppState>> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let sessions = parts
            .extensions
            .get::<Arc<Sessions>>()
            .cloned()
            .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0)
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)));
        let secure = parts
            .extensions
            .get::<SecureTransport>()
            .is_some_and(|t| t.0);
        Ok(Ctx {
            state: Arc::clone(state),
            sessions,
            peer,
            secure,
            headers: parts.headers.clone(),
        })
    }
}

/// A decoded `application/x-www-form-urlencoded` body, repeated fields kept in order.
pub(crate) struct Fields(Vec<(String, String)>);

impl Fields {
    fn parse(body: &[u8]) -> Self {
        Fields(form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`.
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, or empty.
    fn text(&self, name: &str) -> &str {
        self.get(name).unwrap_or_default()
    }

    /// Every value of `name`.
    fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

impl Ctx {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn user_agent(&self) -> &str {
        self.header(header::USER_AGENT.as_str())
            .unwrap_or("keyward-console")
    }

    /// A cookie the browser sent.
    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    }

    /// A `Set-Cookie` value for the console: HttpOnly, SameSite=Strict, scoped to
    /// `/console`, Secure over TLS; `None` clears it.
    fn set_cookie(&self, name: &str, value: Option<&str>) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let text = match value {
            Some(value) => {
                format!("{name}={value}; Path=/console; HttpOnly; SameSite=Strict{secure}")
            }
            None => format!("{name}=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
        };
        HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    /// The origin this console is served at, from the request's `Host`.
    fn origin(&self) -> String {
        let scheme = if self.secure { "https" } else { "http" };
        format!(
            "{scheme}://{}",
            self.header(header::HOST.as_str()).unwrap_or("localhost")
        )
    }

    /// The refusal of a state-changing request that another site made the browser send: an
    /// `Origin` other than the console's, a cross-site `Sec-Fetch-Site`, or a CSRF token that
    /// is not `expected`; `None` for the console's own form.
    fn refuse_foreign_form(&self, fields: &Fields, expected: &str) -> Option<Response> {
        let cross_origin = self
            .header(header::ORIGIN.as_str())
            .is_some_and(|origin| origin != self.origin());
        let cross_site = self
            .header("sec-fetch-site")
            .is_some_and(|site| !matches!(site, "same-origin" | "none"));
        let token_ok = session::tokens_match(fields.text("csrf"), expected);
        if cross_origin || cross_site || !token_ok {
            tracing::info!(
                cross_origin,
                cross_site,
                token_ok,
                "console form refused: not from this console's own page"
            );
            return Some(page::page(
                StatusCode::FORBIDDEN,
                "Request refused",
                None,
                &page::notice(
                    "error",
                    "This form was not sent from this console's own page (its security token \
                     is missing or wrong), so nothing was changed. Reload the page and try again.",
                ),
            ));
        }
        None
    }

    /// The browser's session at any stage.
    fn session(&self) -> Option<Session> {
        self.sessions.get(&self.cookie(SESSION_COOKIE)?)
    }

    /// The signed-in session and the caller it acts as; otherwise where to go instead
    /// (sign-in, or the step of sign-in the session is at).
    async fn signed_in(&self) -> Result<(Session, Caller), Response> {
        let Some(session) = self.session() else {
            return Err(redirect("/console/signin"));
        };
        match session.stage {
            Stage::SignedIn => {}
            Stage::AwaitingMfa => return Err(redirect("/console/mfa")),
            Stage::MustChangePassword => return Err(redirect("/console/password")),
        }
        match self.caller(&session).await {
            Some(caller) => Ok((session, caller)),
            None => {
                self.sessions.end(&session.id);
                Err(redirect("/console/signin"))
            }
        }
    }

    /// The caller a session acts as; `None` when its user no longer exists.
    async fn caller(&self, session: &Session) -> Option<Caller> {
        let identity = match &session.principal {
            Principal::Root => Identity::Root,
            Principal::User(name) => Identity::User(self.state.store.get_user(name).await.ok()?),
        };
        Some(Caller {
            identity,
            access_key_id: session.session_key.clone(),
            account: self.state.account.clone(),
            token_issued: None,
            token_expires: None,
            mfa_authenticated: session.mfa_at,
        })
    }

    /// A signed-in state-changing form: its session, caller and fields once the CSRF check
    /// passed; otherwise the answer to give instead.
    async fn form_post(&self, body: &[u8]) -> Result<(Session, Caller, Fields), Response> {
        let (session, caller) = self.signed_in().await?;
        let fields = Fields::parse(body);
        if let Some(refused) = self.refuse_foreign_form(&fields, &session.csrf) {
            return Err(refused);
        }
        Ok((session, caller, fields))
    }

    /// A page in the signed-in frame.
    fn page(&self, session: &Session, status: StatusCode, title: &str, body: &str) -> Response {
        let who = who(session, &self.state.account.0);
        let frame = Frame {
            who: &who,
            csrf: &session.csrf,
        };
        page::page(status, title, Some(&frame), body)
    }

    /// Runs one IAM operation that changes something, then goes `back` to the page the form
    /// was on; IAM's refusal or error is shown with a link back.
    async fn change(
        &self,
        session: &Session,
        caller: &Caller,
        params: &[(&str, &str)],
        back: &str,
    ) -> Response {
        match self.iam(caller, params).await {
            Ok(_) => redirect(back),
            Err(e) => self.refused(session, &e, back),
        }
    }

    /// The page that shows IAM's refusal of a change, with a link back to where it was asked.
    fn refused(&self, session: &Session, e: &ApiError, back: &str) -> Response {
        let body = format!(
            r#"{}<p><a class="button secondary" href="{}" id="back-link">Back</a></p>"#,
            api_error(e),
            esc(back)
        );
        self.page(session, StatusCode::OK, "Request not completed", &body)
    }

    /// Runs one IAM operation as `caller`, authorized and audited as the API call.
    async fn iam(
        &self,
        caller: &Caller,
        params: &[(&str, &str)],
    ) -> Result<Option<Element>, ApiError> {
        let mut all = vec![("Version", "2010-05-08")];
        all.extend_from_slice(params);
        super::run_for_console(
            &self.state,
            caller,
            Service::Iam,
            &all,
            self.peer,
            self.user_agent(),
            self.secure,
        )
        .await
    }

    /// Runs one IAM operation and answers its result as JSON (secrets left out).
    async fn iam_json(&self, caller: &Caller, params: &[(&str, &str)]) -> Result<Value, ApiError> {
        Ok(self
            .iam(caller, params)
            .await?
            .map(|e| e.to_audit_json())
            .unwrap_or(Value::Null))
    }
}

/// The display name of a session's principal.
fn who(session: &Session, account: &str) -> String {
    match &session.principal {
        Principal::Root => format!("root ({account})"),
        Principal::User(name) => format!("{name} @ {account}"),
    }
}

/// A `303 See Other` to `to`, the answer to a form that changed something.
fn redirect(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    page::secure_headers(response.headers_mut());
    response
}

/// IAM's refusal or error as a notice: "not authorized" for `AccessDenied`, with IAM's message.
fn api_error(e: &ApiError) -> String {
    match e {
        ApiError::AccessDenied(_) => format!(
            r#"<div class="notice error" role="alert"><strong>Not authorized.</strong> {}</div>"#,
            esc(&e.message())
        ),
        _ => format!(
            r#"<div class="notice error" role="alert"><strong>{}</strong>: {}</div>"#,
            esc(e.code()),
            esc(&e.message())
        ),
    }
}

/// A string field of an operation's JSON result.
fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A list field of an operation's JSON result.
fn items<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// All pages of a list operation as the caller; IAM's refusal as a notice.
async fn paged(
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

/// Query parameters of a `GET`.
fn query_map(query: Option<&str>) -> HashMap<String, String> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

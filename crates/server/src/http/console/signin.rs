//! Signing in and out: the root user with the console password installed at first start, or
//! an IAM user with the password of its login profile, then its MFA code when it has a device,
//! then a new password when IAM requires one. Every attempt is a `ConsoleLogin` audit record;
//! each failure of a name delays that name's next attempt longer.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;

use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::http::{header, StatusCode};
use axum::response::Response;
use keyward_store::EntityKind;
use rand::seq::IndexedRandom as _;

use super::page::{self, csrf_field, esc, notice};
use super::session::{random_token, Principal, Session, Stage};
use super::{query_map, redirect, Ctx, Fields, SESSION_COOKIE};
use crate::api::iam::shared::account::all_entities;
use crate::api::iam::shared::console::{
    hard_expired, hash_password, load_policy, login_profile, matches_any, password_expired,
    PASSWORD_HASH, RESET_REQUIRED,
};
use crate::audit::{AuditRecord, Origin, UserIdentity};
use crate::auth::identity::{Caller, Identity};
use crate::config::{ServerConfig, StartError};
use crate::directory::mfa::{accept_code, devices_of_user, enable_date};
use crate::ids;
use crate::state::AppState;

/// The cookie that ties the sign-in form to the browser that loaded it (login CSRF).
const SIGNIN_COOKIE: &str = "kw_signin";

/// The store setting holding the argon2id hash of the root user's console password.
const ROOT_PASSWORD_SETTING: &str = "console_root_password_hash";

/// The file a generated root password is written to, beside `root-credentials`.
const ROOT_PASSWORD_FILE: &str = "root-password";

/// AWS's answer to a wrong account, user name, password or MFA code: it never says which.
const INCORRECT: &str = "Your authentication information is incorrect. Please try again.";

/// On first start, installs the root user's console password: `KEYWARD_ROOT_PASSWORD`, or a
/// generated one written to `DATA_DIR/root-password` (mode 0600). Only its argon2id hash is
/// stored. Later starts change nothing.
pub(crate) async fn install_root_password(
    config: &ServerConfig,
    state: &AppState,
) -> Result<(), StartError> {
    if state
        .store
        .get_setting(ROOT_PASSWORD_SETTING)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let (password, generated) = match &config.root_password {
        Some(password) => (password.0.clone(), false),
        None => (generate_password(), true),
    };
    let hash = hash_password(&password)
        .await
        .map_err(|_| StartError::Config("hashing the root console password failed".into()))?;
    let stored = state
        .store
        .init_setting(ROOT_PASSWORD_SETTING, &hash)
        .await?;
    if !generated {
        println!("Root console password installed from KEYWARD_ROOT_PASSWORD");
        return Ok(());
    }
    if stored != hash {
        // Another replica installed its password first; that one is in its data dir.
        return Ok(());
    }
    let path = config.data_dir.join(ROOT_PASSWORD_FILE);
    let io = |source| StartError::Io {
        path: path.clone(),
        source,
    };
    let _ = std::fs::remove_file(&path);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(io)?;
    file.write_all(format!("{password}\n").as_bytes())
        .map_err(io)?;
    file.sync_all().map_err(io)?;
    println!(
        "Root console password of account {} written to {}",
        config.account_id,
        path.display()
    );
    Ok(())
}

/// A random password of 24 characters that meets any password policy's classes.
fn generate_password() -> String {
    const CLASSES: [&[u8]; 4] = [
        b"ABCDEFGHJKLMNPQRSTUVWXYZ",
        b"abcdefghijkmnopqrstuvwxyz",
        b"23456789",
        b"!@#$%^&*()_+-=",
    ];
    let mut rng = rand::rng();
    (0..24)
        .filter_map(|i| {
            let class = CLASSES.get(i % CLASSES.len())?;
            class.choose(&mut rng).map(|b| char::from(*b))
        })
        .collect()
}

/// The sign-in page, with a fresh login-CSRF cookie.
fn signin_page(ctx: &Ctx, account: &str, user: &str, root: bool, error: Option<&str>) -> Response {
    let token = random_token();
    let checked = |yes: bool| if yes { " checked" } else { "" };
    let body = format!(
        r#"{error}<form method="post" action="/console/signin" id="signin">{csrf}
<fieldset><legend>Sign in as</legend>
<label class="check"><input type="radio" name="kind" value="root" id="kind-root"{root}> Root user</label>
<label class="check"><input type="radio" name="kind" value="iam" id="kind-iam"{iam}> IAM user</label></fieldset>
<label for="account">Account ID (12 digits) or account alias</label>
<input type="text" name="account" id="account" value="{account}" autocomplete="username">
<label for="username">IAM user name</label>
<input type="text" name="username" id="username" value="{user}">
<label for="password">Password</label>
<input type="password" name="password" id="password" autocomplete="current-password">
<div class="actions"><button type="submit" id="signin-button">Sign in</button></div></form>"#,
        error = error.map(|e| notice("error", e)).unwrap_or_default(),
        csrf = csrf_field(&token),
        root = checked(root),
        iam = checked(!root),
        account = esc(account),
        user = esc(user),
    );
    let mut response = page::page(StatusCode::OK, "Sign in", None, &body);
    response.headers_mut().append(
        header::SET_COOKIE,
        ctx.set_cookie(SIGNIN_COOKIE, Some(&token)),
    );
    response
}

/// `GET /console/signin`.
pub(crate) async fn form(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    if ctx.session().is_some_and(|s| s.stage == Stage::SignedIn) {
        return redirect("/console");
    }
    let query = query_map(query.as_deref());
    let account = query.get("account").map(String::as_str).unwrap_or_default();
    signin_page(&ctx, account, "", account.is_empty(), None)
}

/// What a sign-in attempt found.
enum Attempt {
    /// The password is right: the session starts at `stage`.
    Accepted {
        principal: Principal,
        identity: UserIdentity,
        stage: Stage,
    },
    /// Refused; the identity its record names.
    Refused(UserIdentity),
}

/// CloudTrail's identity of a console sign-in by `identity` (no access key).
fn login_identity(state: &AppState, identity: Identity) -> UserIdentity {
    let caller = Caller {
        identity,
        access_key_id: String::new(),
        account: state.account.clone(),
        token_issued: None,
        token_expires: None,
        mfa_authenticated: None,
    };
    UserIdentity {
        access_key_id: None,
        ..caller.audit_identity()
    }
}

/// Whether `given` names this account: its id or its alias.
async fn names_account(state: &AppState, given: &str) -> bool {
    if given == state.account.0 {
        return true;
    }
    all_entities(state, EntityKind::AccountAlias)
        .await
        .is_ok_and(|aliases| aliases.iter().any(|a| a.name == given))
}

async fn attempt(state: &AppState, fields: &Fields) -> Attempt {
    let account = fields.text("account").trim();
    let password = fields.text("password");
    if fields.text("kind") == "root" {
        let identity = login_identity(state, Identity::Root);
        if !account.is_empty() && !names_account(state, account).await {
            return Attempt::Refused(identity);
        }
        let hash = state
            .store
            .get_setting(ROOT_PASSWORD_SETTING)
            .await
            .ok()
            .flatten();
        let matches = matches_any(password, hash.into_iter().collect())
            .await
            .unwrap_or(false);
        return if matches {
            Attempt::Accepted {
                principal: Principal::Root,
                identity,
                stage: Stage::SignedIn,
            }
        } else {
            Attempt::Refused(identity)
        };
    }
    let hidden = UserIdentity {
        kind: "IAMUser",
        account_id: Some(state.account.0.clone()),
        user_name: Some("HIDDEN_DUE_TO_SECURITY_REASONS".into()),
        ..UserIdentity::default()
    };
    if !names_account(state, account).await {
        return Attempt::Refused(hidden);
    }
    let Ok(user) = state.store.get_user(fields.text("username").trim()).await else {
        return Attempt::Refused(hidden);
    };
    let identity = login_identity(state, Identity::User(user.clone()));
    let Ok(Some(profile)) = login_profile(state, &user).await else {
        return Attempt::Refused(identity);
    };
    let hash = profile.attribute(PASSWORD_HASH).map(str::to_owned);
    if !matches_any(password, hash.into_iter().collect())
        .await
        .unwrap_or(false)
    {
        return Attempt::Refused(identity);
    }
    let policy = load_policy(state).await.ok().flatten();
    if policy.as_ref().is_some_and(|p| hard_expired(p, &profile)) {
        return Attempt::Refused(identity);
    }
    let must_change = profile.attribute(RESET_REQUIRED) == Some("true")
        || policy
            .as_ref()
            .is_some_and(|p| password_expired(p, &profile));
    let has_mfa = devices_of_user(state, &user)
        .await
        .is_ok_and(|devices| devices.iter().any(|d| enable_date(d).is_some()));
    let stage = if has_mfa {
        Stage::AwaitingMfa
    } else if must_change {
        Stage::MustChangePassword
    } else {
        Stage::SignedIn
    };
    Attempt::Accepted {
        principal: Principal::User(user.name.clone()),
        identity,
        stage,
    }
}

/// The key failed attempts are counted under.
fn throttle_key(principal: &Principal) -> String {
    match principal {
        Principal::Root => "root".into(),
        Principal::User(name) => format!("user:{}", name.to_lowercase()),
    }
}

fn claimed_principal(fields: &Fields) -> Principal {
    if fields.text("kind") == "root" {
        Principal::Root
    } else {
        Principal::User(fields.text("username").trim().to_owned())
    }
}

async fn record_login(ctx: &Ctx, identity: UserIdentity, success: bool) {
    let record = AuditRecord::console_login(
        Origin::client(ctx.peer.ip(), ctx.user_agent()),
        identity,
        &ctx.state.account.0,
        success,
    );
    ctx.state.audit.record(&record).await;
}

/// Where a session at `stage` goes next.
fn stage_page(stage: Stage) -> &'static str {
    match stage {
        Stage::AwaitingMfa => "/console/mfa",
        Stage::MustChangePassword => "/console/password",
        Stage::SignedIn => "/console",
    }
}

/// A redirect that sets the session cookie to `session`'s id.
fn with_session(ctx: &Ctx, session: &Session) -> Response {
    let mut response = redirect(stage_page(session.stage));
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        ctx.set_cookie(SESSION_COOKIE, Some(&session.id)),
    );
    headers.append(header::SET_COOKIE, ctx.set_cookie(SIGNIN_COOKIE, None));
    response
}

/// `POST /console/signin`.
pub(crate) async fn submit(ctx: Ctx, body: Bytes) -> Response {
    let fields = Fields::parse(&body);
    let expected = ctx.cookie(SIGNIN_COOKIE).unwrap_or_default();
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &expected) {
        return refused;
    }
    let key = throttle_key(&claimed_principal(&fields));
    tokio::time::sleep(ctx.sessions.delay_for(&key)).await;
    match attempt(&ctx.state, &fields).await {
        Attempt::Accepted {
            principal,
            identity,
            stage,
        } => {
            if stage != Stage::AwaitingMfa {
                ctx.sessions.succeeded(&key);
                record_login(&ctx, identity, true).await;
            }
            let session_key = ids::session_access_key_id(ctx.state.account.0.parse().unwrap_or(0));
            let previous = ctx.cookie(SESSION_COOKIE);
            let session = ctx
                .sessions
                .start(previous.as_deref(), principal, stage, session_key);
            with_session(&ctx, &session)
        }
        Attempt::Refused(identity) => {
            ctx.sessions.failed(&key);
            record_login(&ctx, identity, false).await;
            signin_page(
                &ctx,
                fields.text("account"),
                fields.text("username"),
                fields.text("kind") == "root",
                Some(INCORRECT),
            )
        }
    }
}

fn mfa_page(session: &Session, error: Option<&str>) -> Response {
    let body = format!(
        r#"{error}<p>Your user has an MFA device. Enter the code it shows now.</p>
<form method="post" action="/console/mfa" id="mfa">{csrf}
<label for="code">MFA code</label>
<input type="text" name="code" id="code" inputmode="numeric" autocomplete="one-time-code">
<div class="actions"><button type="submit" id="mfa-button">Submit</button></div></form>"#,
        error = error.map(|e| notice("error", e)).unwrap_or_default(),
        csrf = csrf_field(&session.csrf),
    );
    page::page(StatusCode::OK, "Multi-factor authentication", None, &body)
}

/// `GET /console/mfa`.
pub(crate) async fn mfa_form(ctx: Ctx) -> Response {
    match ctx.session() {
        Some(session) if session.stage == Stage::AwaitingMfa => mfa_page(&session, None),
        Some(session) => redirect(stage_page(session.stage)),
        None => redirect("/console/signin"),
    }
}

/// `POST /console/mfa`: a code of one of the user's enabled devices, not used before.
pub(crate) async fn mfa_submit(ctx: Ctx, body: Bytes) -> Response {
    let fields = Fields::parse(&body);
    let session = match ctx.session() {
        Some(session) if session.stage == Stage::AwaitingMfa => session,
        Some(session) => return redirect(stage_page(session.stage)),
        None => return redirect("/console/signin"),
    };
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    let key = throttle_key(&session.principal);
    tokio::time::sleep(ctx.sessions.delay_for(&key)).await;
    let Principal::User(name) = &session.principal else {
        return redirect("/console/signin");
    };
    let Ok(user) = ctx.state.store.get_user(name).await else {
        ctx.sessions.end(&session.id);
        return redirect("/console/signin");
    };
    let identity = login_identity(&ctx.state, Identity::User(user.clone()));
    let code = fields.text("code").trim();
    let mut accepted = false;
    for device in devices_of_user(&ctx.state, &user).await.unwrap_or_default() {
        if enable_date(&device).is_some()
            && accept_code(&ctx.state, &device, code)
                .await
                .unwrap_or(false)
        {
            accepted = true;
            break;
        }
    }
    if !accepted {
        ctx.sessions.failed(&key);
        record_login(&ctx, identity, false).await;
        return mfa_page(&session, Some(INCORRECT));
    }
    ctx.sessions.succeeded(&key);
    record_login(&ctx, identity, true).await;
    let policy = load_policy(&ctx.state).await.ok().flatten();
    let reset = login_profile(&ctx.state, &user)
        .await
        .ok()
        .flatten()
        .is_some_and(|p| {
            p.attribute(RESET_REQUIRED) == Some("true")
                || policy
                    .as_ref()
                    .is_some_and(|policy| password_expired(policy, &p))
        });
    let stage = if reset {
        Stage::MustChangePassword
    } else {
        Stage::SignedIn
    };
    match ctx
        .sessions
        .advance(&session.id, stage, Some(ctx.state.clock.now()))
    {
        Some(next) => with_session(&ctx, &next),
        None => redirect("/console/signin"),
    }
}

fn password_page(session: &Session, error: Option<String>) -> Response {
    let body = format!(
        r#"{error}<p>Your administrator requires you to set a new password before you continue.</p>
<form method="post" action="/console/password" id="change-password">{csrf}
<label for="old">Old password</label><input type="password" name="old" id="old" autocomplete="current-password">
<label for="new">New password</label><input type="password" name="new" id="new" autocomplete="new-password">
<label for="confirm">Retype new password</label><input type="password" name="confirm" id="confirm" autocomplete="new-password">
<div class="actions"><button type="submit" id="change-password-button">Confirm password change</button></div></form>"#,
        error = error.unwrap_or_default(),
        csrf = csrf_field(&session.csrf),
    );
    page::page(StatusCode::OK, "Change password", None, &body)
}

/// `GET /console/password`.
pub(crate) async fn password_form(ctx: Ctx) -> Response {
    match ctx.session() {
        Some(session) if session.stage == Stage::MustChangePassword => {
            password_page(&session, None)
        }
        Some(session) => redirect(stage_page(session.stage)),
        None => redirect("/console/signin"),
    }
}

/// `POST /console/password`: IAM's `ChangePassword` as the user, so the password policy,
/// reuse prevention and the user's permission to change it all apply.
pub(crate) async fn password_submit(ctx: Ctx, body: Bytes) -> Response {
    let fields = Fields::parse(&body);
    let session = match ctx.session() {
        Some(session) if session.stage == Stage::MustChangePassword => session,
        Some(session) => return redirect(stage_page(session.stage)),
        None => return redirect("/console/signin"),
    };
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    if fields.text("new") != fields.text("confirm") {
        return password_page(
            &session,
            Some(notice("error", "The new passwords do not match.")),
        );
    }
    let Some(caller) = ctx.caller(&session).await else {
        ctx.sessions.end(&session.id);
        return redirect("/console/signin");
    };
    let params = [
        ("Action", "ChangePassword"),
        ("OldPassword", fields.text("old")),
        ("NewPassword", fields.text("new")),
    ];
    match ctx.iam(&caller, &params).await {
        Ok(_) => match ctx.sessions.advance(&session.id, Stage::SignedIn, None) {
            Some(next) => with_session(&ctx, &next),
            None => redirect("/console/signin"),
        },
        Err(e) => password_page(&session, Some(super::api_error(&e))),
    }
}

/// `POST /console/signout`.
pub(crate) async fn signout(ctx: Ctx, body: Bytes) -> Response {
    let fields = Fields::parse(&body);
    let Some(session) = ctx.session() else {
        return redirect("/console/signin");
    };
    if let Some(refused) = ctx.refuse_foreign_form(&fields, &session.csrf) {
        return refused;
    }
    ctx.sessions.end(&session.id);
    let mut response = redirect("/console/signin");
    response
        .headers_mut()
        .append(header::SET_COOKIE, ctx.set_cookie(SESSION_COOKIE, None));
    response
}

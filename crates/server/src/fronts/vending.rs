//! The credentials AWS hands to code running on its compute: an EC2 instance-metadata service
//! (IMDSv2) for an instance launched with an instance profile, and an ECS/EKS
//! container-credentials endpoint for a task's or pod's role. Each runs on its own listener,
//! enabled by flags on `keyward serve`.
//!
//! Binding: one listener stands for one instance (bound to an instance profile by name) or one
//! task (bound to a role by name); a server runs as many as it is given, so several workloads
//! each get their own. A listener per binding, not a path per binding: an instance's SDK asks a fixed
//! address with fixed paths and says nothing about which instance it is, so an instance is an
//! address; a task could be told apart by its URI's path, but it also has a token file of its
//! own, and one listener per task keeps both in one flag. The profile's role, or the task role, is looked up on every
//! refresh, so roles may be created after the server starts and a changed binding takes effect
//! at once. The role's trust policy must allow the service principal exactly as on AWS
//! (`ec2.amazonaws.com`, `ecs-tasks.amazonaws.com`, `pods.eks.amazonaws.com` — the latter
//! with `sts:TagSession` too).
//!
//! A task proves itself with the token in its token file (`AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`,
//! as EKS Pod Identity does). The server creates the file with a random token if it is missing
//! and reads it on every request, so rewriting the file revokes the old token at once.
//!
//! Credentials last six hours and are renewed once less than half an hour is left — earlier
//! than any SDK's refresh window, so a refreshing client always gets new credentials.

use std::net::SocketAddr;
use std::os::unix::fs::OpenOptionsExt;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64;
use base64::Engine as _;
use keyward_store::{EntityKind, RelationKind, StoreError};
use rand::Rng;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use tokio::sync::Mutex;

use crate::arn;
use crate::audit::{AuditRecord, EventSource, Origin, UserIdentity};
use crate::auth::issue;
use crate::auth::session::{RoleSession, SessionSubject};
use crate::authz::{compile, trust_allows, RequestFacts, Resource};
use crate::config::{ContainerConfig, ContainerService, ImdsConfig, StartError};
use crate::directory::roles::assumable_role;
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// Lifetime of vended credentials.
const VENDED_DURATION: i64 = 6 * 3600;
/// Vended credentials are replaced once less than this is left.
const RENEW_BEFORE: i64 = 1800;
/// Longest IMDSv2 session token TTL.
const MAX_IMDS_TOKEN_TTL: i64 = 21_600;
/// Binds sealed IMDS tokens to their purpose.
const IMDS_TOKEN_CONTEXT: &str = "keyward-imds-token-v1";
/// IMDS timestamps: botocore parses exactly this format.
const IMDS_TIME: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// Credentials handed out, kept until they are due for renewal.
#[derive(Clone)]
struct Vended {
    role_id: String,
    role_arn: String,
    access_key_id: String,
    secret_access_key: String,
    token: String,
    issued: OffsetDateTime,
    expires: OffsetDateTime,
}

/// Why credentials could not be vended.
enum VendError {
    /// No role to vend for.
    NoRole,
    /// The role's trust policy does not allow the service.
    NotTrusted(String),
    /// Keyward failed.
    Failed,
}

/// Issues and renews one workload's role credentials.
struct Vendor {
    state: Arc<AppState>,
    service_principal: &'static str,
    extra_actions: &'static [&'static str],
    session_name: String,
    cached: Mutex<Option<Vended>>,
}

impl Vendor {
    /// Current credentials for `role` (by name), renewed when due.
    async fn credentials(&self, role: &str, peer: SocketAddr) -> Result<Vended, VendError> {
        let state = &self.state;
        let entity = match state.store.get_entity(EntityKind::Role, role).await {
            Ok(entity) => entity,
            Err(StoreError::NotFound) => return Err(VendError::NoRole),
            Err(e) => {
                tracing::error!(error = %e, "store failed while vending credentials");
                return Err(VendError::Failed);
            }
        };
        let now = state.clock.now();
        let mut cached = self.cached.lock().await;
        if let Some(vended) = cached.as_ref() {
            if vended.role_id == entity.id && !due_for_renewal(vended.expires, now) {
                return Ok(vended.clone());
            }
        }
        let arn = arn::role(&state.account, &entity.path, &entity.name);
        let role = match assumable_role(state, &arn).await {
            Ok(Some(role)) => role,
            Ok(None) => return Err(VendError::NoRole),
            Err(_) => return Err(VendError::Failed),
        };
        let trust = compile(vec![("trust-policy".to_owned(), role.trust_policy.clone())]);
        let facts = RequestFacts {
            source_ip: peer.ip(),
            region: crate::auth::UNSIGNED_REGION.to_owned(),
            user_agent: String::new(),
            time: now,
            operation_keys: Vec::new(),
            secure_transport: false,
        };
        let resource = Resource::arn(arn.clone());
        for action in std::iter::once(&"sts:AssumeRole").chain(self.extra_actions) {
            let principal = keyward_policy::Principal::service(self.service_principal);
            if !trust_allows(
                principal,
                self.service_principal,
                action,
                &resource,
                &trust,
                &facts,
            ) {
                return Err(VendError::NotTrusted(format!(
                    "{} is not authorized to perform: {action} on resource: {arn}",
                    self.service_principal
                )));
            }
        }
        let session = RoleSession {
            role_id: entity.id.clone(),
            role_name: entity.name.clone(),
            role_path: entity.path.clone(),
            session_name: self.session_name.clone(),
            policies: Vec::new(),
            tags: Vec::new(),
            transitive_tag_keys: Vec::new(),
            source_identity: None,
            chained: false,
        };
        let (claims, token) = issue(state, SessionSubject::Role(session), VENDED_DURATION)
            .map_err(|_| VendError::Failed)?;
        let vended = Vended {
            role_id: entity.id.clone(),
            role_arn: arn,
            access_key_id: claims.access_key_id.clone(),
            secret_access_key: claims.secret_access_key.clone(),
            token,
            issued: claims.issued_at(),
            expires: claims.expires_at(),
        };
        let service = UserIdentity {
            kind: "AWSService",
            invoked_by: Some(self.service_principal.to_owned()),
            ..UserIdentity::default()
        };
        let origin = Origin {
            source: self.service_principal.to_owned(),
            user_agent: self.service_principal.to_owned(),
        };
        let record = AuditRecord::api_call(
            EventSource::Sts,
            "AssumeRole",
            crate::auth::UNSIGNED_REGION,
            origin,
            service,
            &ids::request_id(),
        )
        .with_request(Some(json!({
            "roleArn": vended.role_arn,
            "roleSessionName": self.session_name,
            "durationSeconds": VENDED_DURATION,
        })))
        .with_response(Some(json!({
            "credentials": {
                "accessKeyId": vended.access_key_id,
                "expiration": crate::protocol::xml::timestamp(vended.expires),
            },
            "assumedRoleUser": {
                "assumedRoleId": format!("{}:{}", entity.id, self.session_name),
                "arn": arn::assumed_role(&state.account, &entity.name, &self.session_name),
            },
        })))
        .with_account(Some(&state.account.0));
        state.audit.record(&record).await;
        *cached = Some(vended.clone());
        Ok(vended)
    }
}

/// Whether credentials expiring at `expires` must be replaced: once less than
/// [`RENEW_BEFORE`] is left, which is more than any SDK's refresh window.
fn due_for_renewal(expires: OffsetDateTime, now: OffsetDateTime) -> bool {
    expires - now <= Duration::seconds(RENEW_BEFORE)
}

fn imds_time(t: OffsetDateTime) -> String {
    t.format(IMDS_TIME).unwrap_or_default()
}

/// The instance id an IMDS endpoint reports: stable for an account and instance profile.
fn instance_id(account: &str, profile: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in account.bytes().chain([b'/']).chain(profile.bytes()) {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("i-0{hash:016x}")
}

struct Imds {
    config: ImdsConfig,
    instance_id: String,
    vendor: Vendor,
}

/// A credential endpoint, bound and ready to be served on the server's listener (with its
/// connection limits, timeouts and, when configured, TLS).
pub(crate) struct Endpoint {
    /// The bound listener.
    pub(crate) listener: tokio::net::TcpListener,
    /// Its address (useful when bound to port 0).
    pub(crate) addr: SocketAddr,
    /// What it answers.
    pub(crate) app: Router,
}

async fn bind(addr: SocketAddr) -> Result<(tokio::net::TcpListener, SocketAddr), StartError> {
    let io = |source| StartError::Io {
        path: format!("listen address {addr}").into(),
        source,
    };
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
    let local = listener.local_addr().map_err(io)?;
    Ok((listener, local))
}

/// Binds the instance-metadata endpoint.
pub(crate) async fn imds_endpoint(
    state: Arc<AppState>,
    config: ImdsConfig,
) -> Result<Endpoint, StartError> {
    let (listener, addr) = bind(config.listen).await?;
    let instance_id = instance_id(&state.account.0, &config.instance_profile);
    let imds = Arc::new(Imds {
        vendor: Vendor {
            state,
            service_principal: "ec2.amazonaws.com",
            extra_actions: &[],
            session_name: instance_id.clone(),
            cached: Mutex::new(None),
        },
        instance_id,
        config,
    });
    let app = Router::new()
        .route("/latest/api/token", put(imds_token))
        .route(
            "/latest/meta-data/iam/security-credentials",
            get(imds_roles),
        )
        .route(
            "/latest/meta-data/iam/security-credentials/",
            get(imds_roles),
        )
        .route(
            "/latest/meta-data/iam/security-credentials/{role}",
            get(imds_credentials),
        )
        .route("/latest/meta-data/{*path}", get(imds_metadata))
        .route(
            "/latest/dynamic/instance-identity/document",
            get(imds_identity_document),
        )
        .with_state(imds);
    Ok(Endpoint {
        listener,
        addr,
        app,
    })
}

fn imds_response(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(content_type));
    headers.insert("server", HeaderValue::from_static("EC2ws"));
    response
}

fn imds_text(status: StatusCode, body: impl Into<String>) -> Response {
    imds_response(status, "text/plain", body.into())
}

/// `PUT /latest/api/token`: a session token sealed under the master key with its expiry.
async fn imds_token(State(imds): State<Arc<Imds>>, headers: HeaderMap) -> Response {
    if headers.contains_key("x-forwarded-for") {
        return imds_text(StatusCode::FORBIDDEN, "Forbidden");
    }
    let ttl = headers
        .get("x-aws-ec2-metadata-token-ttl-seconds")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|ttl| (1..=MAX_IMDS_TOKEN_TTL).contains(ttl));
    let Some(ttl) = ttl else {
        return imds_text(StatusCode::BAD_REQUEST, "Missing or Invalid Parameters");
    };
    let state = &imds.vendor.state;
    let expires = (state.clock.now() + Duration::seconds(ttl)).unix_timestamp();
    let Ok(sealed) = state.master.seal(&expires.to_string(), IMDS_TOKEN_CONTEXT) else {
        return imds_text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error");
    };
    let mut response = imds_text(StatusCode::OK, BASE64.encode(sealed.as_bytes()));
    if let Ok(value) = HeaderValue::from_str(&ttl.to_string()) {
        response
            .headers_mut()
            .insert("x-aws-ec2-metadata-token-ttl-seconds", value);
    }
    response
}

/// IMDSv2: a valid, unexpired session token is required, unless IMDSv1 is enabled and no
/// token is sent at all.
fn imds_authorized(imds: &Imds, headers: &HeaderMap) -> bool {
    let Some(token) = headers.get("x-aws-ec2-metadata-token") else {
        return imds.config.allow_v1;
    };
    let state = &imds.vendor.state;
    token
        .to_str()
        .ok()
        .and_then(|t| BASE64.decode(t).ok())
        .and_then(|bytes| {
            state
                .master
                .open(
                    &keyward_store::SealedSecret::from_bytes(bytes),
                    IMDS_TOKEN_CONTEXT,
                )
                .ok()
        })
        .and_then(|expires| expires.parse::<i64>().ok())
        .is_some_and(|expires| expires > state.clock.now().unix_timestamp())
}

fn unauthorized() -> Response {
    imds_text(StatusCode::UNAUTHORIZED, "Unauthorized")
}

fn not_found() -> Response {
    imds_text(StatusCode::NOT_FOUND, "Not Found")
}

/// The instance profile's role name, if the profile exists and has one.
async fn profile_role(imds: &Imds) -> Result<Option<(String, String)>, ApiError> {
    let state = &imds.vendor.state;
    let profile = match state
        .store
        .get_entity(EntityKind::InstanceProfile, &imds.config.instance_profile)
        .await
    {
        Ok(profile) => profile,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let relations = state
        .store
        .list_relations(
            RelationKind::InstanceProfileRole,
            Some(&profile.reference()),
            None,
            keyward_store::PageRequest {
                marker: None,
                max_items: 1,
            },
        )
        .await
        .map_err(ApiError::from_store)?;
    let Some(relation) = relations.items.first() else {
        return Ok(None);
    };
    match state
        .store
        .get_entity_by_id(EntityKind::Role, &relation.to.id)
        .await
    {
        Ok(role) => Ok(Some((role.name, profile.id))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

async fn imds_roles(State(imds): State<Arc<Imds>>, headers: HeaderMap) -> Response {
    if !imds_authorized(&imds, &headers) {
        return unauthorized();
    }
    match profile_role(&imds).await {
        Ok(Some((role, _))) => imds_text(StatusCode::OK, role),
        Ok(None) => not_found(),
        Err(_) => imds_text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
    }
}

async fn imds_credentials(
    State(imds): State<Arc<Imds>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(role): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !imds_authorized(&imds, &headers) {
        return unauthorized();
    }
    let role = role.trim_end_matches('/');
    match profile_role(&imds).await {
        Ok(Some((current, _))) if current == role => {}
        Ok(_) => return not_found(),
        Err(_) => return imds_text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
    }
    let now = imds_time(imds.vendor.state.clock.now());
    let body = match imds.vendor.credentials(role, peer).await {
        Ok(v) => json!({
            "Code": "Success",
            "LastUpdated": imds_time(v.issued),
            "Type": "AWS-HMAC",
            "AccessKeyId": v.access_key_id,
            "SecretAccessKey": v.secret_access_key,
            "Token": v.token,
            "Expiration": imds_time(v.expires),
        }),
        Err(VendError::NotTrusted(message)) => json!({
            "Code": "AssumeRoleUnauthorizedAccess",
            "Message": message,
            "LastUpdated": now,
        }),
        Err(VendError::NoRole) => return not_found(),
        Err(VendError::Failed) => {
            return imds_text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
        }
    };
    imds_response(
        StatusCode::OK,
        "text/plain",
        serde_json::to_string_pretty(&body).unwrap_or_default(),
    )
}

async fn imds_metadata(
    State(imds): State<Arc<Imds>>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !imds_authorized(&imds, &headers) {
        return unauthorized();
    }
    let region = &imds.config.region;
    match path.trim_end_matches('/') {
        "" => imds_text(StatusCode::OK, "iam/\ninstance-id\nplacement/"),
        "instance-id" => imds_text(StatusCode::OK, imds.instance_id.clone()),
        "placement" => imds_text(StatusCode::OK, "availability-zone\nregion"),
        "placement/region" => imds_text(StatusCode::OK, region.clone()),
        "placement/availability-zone" => imds_text(StatusCode::OK, format!("{region}a")),
        "iam" => imds_text(StatusCode::OK, "info\nsecurity-credentials/"),
        "iam/info" => match profile_role(&imds).await {
            Ok(Some((_, profile_id))) => {
                let state = &imds.vendor.state;
                let body = json!({
                    "Code": "Success",
                    "LastUpdated": imds_time(state.clock.now()),
                    "InstanceProfileArn": format!(
                        "arn:aws:iam::{}:instance-profile/{}",
                        state.account.0, imds.config.instance_profile
                    ),
                    "InstanceProfileId": profile_id,
                });
                imds_response(
                    StatusCode::OK,
                    "text/plain",
                    serde_json::to_string_pretty(&body).unwrap_or_default(),
                )
            }
            Ok(None) => not_found(),
            Err(_) => imds_text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
        },
        _ => not_found(),
    }
}

async fn imds_identity_document(State(imds): State<Arc<Imds>>, headers: HeaderMap) -> Response {
    if !imds_authorized(&imds, &headers) {
        return unauthorized();
    }
    let state = &imds.vendor.state;
    let region = &imds.config.region;
    let body = json!({
        "accountId": state.account.0,
        "architecture": "x86_64",
        "availabilityZone": format!("{region}a"),
        "imageId": "ami-00000000000000000",
        "instanceId": imds.instance_id,
        "instanceType": "t3.micro",
        "pendingTime": state.created_at.format(&Rfc3339).unwrap_or_default(),
        "privateIp": "127.0.0.1",
        "region": region,
        "version": "2017-09-30",
    });
    imds_response(
        StatusCode::OK,
        "text/plain",
        serde_json::to_string_pretty(&body).unwrap_or_default(),
    )
}

struct Container {
    config: ContainerConfig,
    vendor: Vendor,
}

/// Creates the token file with a random token, readable only by its owner, unless it exists.
fn ensure_token_file(path: &std::path::Path) -> Result<(), StartError> {
    let token: [u8; 32] = rand::rng().random();
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    match created {
        Ok(mut file) => {
            use std::io::Write;
            file.write_all(BASE64.encode(token).as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|source| StartError::Io {
                    path: path.to_owned(),
                    source,
                })
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StartError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Binds the container-credentials endpoint (creating its token file if missing).
pub(crate) async fn container_endpoint(
    state: Arc<AppState>,
    config: ContainerConfig,
) -> Result<Endpoint, StartError> {
    ensure_token_file(&config.token_file)?;
    let (listener, addr) = bind(config.listen).await?;
    let task_id: [u8; 16] = rand::rng().random();
    let task_id: String = task_id.iter().map(|b| format!("{b:02x}")).collect();
    let session_name = match config.service {
        ContainerService::Ecs => task_id,
        ContainerService::Eks => format!("eks-keyward-{}", &task_id[..10]),
    };
    let container = Arc::new(Container {
        vendor: Vendor {
            state,
            service_principal: config.service.principal(),
            extra_actions: match config.service {
                ContainerService::Ecs => &[],
                ContainerService::Eks => &["sts:TagSession"],
            },
            session_name,
            cached: Mutex::new(None),
        },
        config,
    });
    let app = Router::new()
        .fallback(get(container_credentials))
        .with_state(container);
    Ok(Endpoint {
        listener,
        addr,
        app,
    })
}

fn container_error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "code": code, "message": message }))).into_response()
}

async fn container_credentials(
    State(container): State<Arc<Container>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let expected = match tokio::fs::read_to_string(&container.config.token_file).await {
        Ok(token) => token.trim().to_owned(),
        Err(e) => {
            tracing::error!(error = %e, "container token file unreadable");
            return container_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalError",
                "The task's token file cannot be read.",
            );
        }
    };
    let presented = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let matches =
        !expected.is_empty() && bool::from(presented.trim().as_bytes().ct_eq(expected.as_bytes()));
    if !matches {
        return container_error(
            StatusCode::UNAUTHORIZED,
            "AccessDenied",
            "The Authorization header is missing or does not carry the task's token.",
        );
    }
    match container
        .vendor
        .credentials(&container.config.role, peer)
        .await
    {
        Ok(v) => {
            let body: Value = json!({
                "RoleArn": v.role_arn,
                "AccessKeyId": v.access_key_id,
                "SecretAccessKey": v.secret_access_key,
                "Token": v.token,
                "Expiration": imds_time(v.expires),
                "AccountId": container.vendor.state.account.0,
            });
            Json(body).into_response()
        }
        Err(VendError::NoRole) => container_error(
            StatusCode::NOT_FOUND,
            "NoSuchEntity",
            &format!("The role {} cannot be found.", container.config.role),
        ),
        Err(VendError::NotTrusted(message)) => {
            container_error(StatusCode::FORBIDDEN, "AccessDenied", &message)
        }
        Err(VendError::Failed) => container_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalError",
            "The credentials could not be issued.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use time::{Duration, OffsetDateTime};

    #[test]
    fn credentials_are_renewed_before_sdks_refresh() {
        let issued = OffsetDateTime::UNIX_EPOCH;
        let expires = issued + Duration::seconds(super::VENDED_DURATION);
        assert!(!super::due_for_renewal(expires, issued));
        assert!(!super::due_for_renewal(
            expires,
            expires - Duration::minutes(31)
        ));
        // botocore refreshes 15 minutes before expiry, the Rust SDK seconds before: both
        // must be handed new credentials then, never the expiring ones.
        assert!(super::due_for_renewal(
            expires,
            expires - Duration::minutes(30)
        ));
        assert!(super::due_for_renewal(
            expires,
            expires - Duration::minutes(15)
        ));
        assert!(super::due_for_renewal(
            expires,
            expires + Duration::seconds(1)
        ));
    }

    #[test]
    fn instance_ids_are_stable_and_shaped_like_ec2s() {
        let id = super::instance_id("123456789012", "web");
        assert_eq!(id, super::instance_id("123456789012", "web"));
        assert_ne!(id, super::instance_id("123456789012", "api"));
        assert_eq!(id.len(), 19);
        assert!(id.starts_with("i-0"));
    }
}

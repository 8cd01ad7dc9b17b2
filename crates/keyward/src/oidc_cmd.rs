//! `keyward oidc`: a test OpenID Connect issuer that needs no Keyward server — its discovery
//! document and key set (`serve`), key rotation that keeps the previous key published
//! (`rotate`), and signed tokens shaped like Kubernetes service-account and GitHub Actions
//! tokens (`token`), for `AssumeRoleWithWebIdentity` and `AWS_WEB_IDENTITY_TOKEN_FILE` offline.
//!
//! Keys live in `DATA_DIR/oidc-issuer/keys.json` (owner-only): RS256 key pairs generated and
//! signed with the same code as Keyward's own outbound issuer. They are test keys: the file
//! holds the private keys in the clear, so this issuer is for tests, never for production.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use clap::{Subcommand, ValueEnum};
use keyward_server::{jws, SigningAlgorithm};
use serde_json::{json, Map, Value};

use crate::aws_files;

/// The folder below the data directory.
const FOLDER: &str = "oidc-issuer";
/// The key file in it.
const KEYS_FILE: &str = "keys.json";
/// The file recording the URL `serve` last published, which `token` uses as `iss`.
const ISSUER_FILE: &str = "issuer-url";
/// Where discovery is served, below the issuer URL (OpenID Connect Discovery 1.0, §4).
const CONFIGURATION_PATH: &str = "/.well-known/openid-configuration";
/// Where the key set is served.
const JWKS_PATH: &str = "/.well-known/jwks.json";
/// Keys kept published: the current one and the one before it.
const KEYS_KEPT: usize = 2;

/// Flags of `keyward oidc`.
#[derive(clap::Args)]
pub struct OidcArgs {
    #[command(subcommand)]
    command: OidcCommand,
}

#[derive(Subcommand)]
enum OidcCommand {
    /// Serve the issuer's discovery document and key set; prints the issuer URL.
    Serve(ServeArgs),
    /// Publish a new signing key; the previous one stays in the key set.
    Rotate(DirArgs),
    /// Print a token signed by the issuer's current key.
    Token(TokenArgs),
}

#[derive(clap::Args)]
struct DirArgs {
    /// Where the issuer's keys are kept. Default: $XDG_DATA_HOME/keyward, or
    /// ~/.local/share/keyward (its `oidc-issuer` folder).
    #[arg(long)]
    data_dir: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4590")]
    listen: SocketAddr,
    /// The issuer URL (the tokens' `iss`) when clients reach the issuer by another name.
    /// Default: http:// and the listen address (loopback when listening on every address).
    #[arg(long)]
    issuer_url: Option<String>,
    #[command(flatten)]
    dir: DirArgs,
}

/// Claim shapes of real issuers.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Preset {
    /// A Kubernetes projected service-account token (EKS IRSA).
    Kubernetes,
    /// A GitHub Actions OIDC token.
    GithubActions,
}

#[derive(clap::Args)]
struct TokenArgs {
    /// The `iss` claim. Default: the URL `keyward oidc serve` last printed for this data dir.
    #[arg(long)]
    issuer: Option<String>,
    /// The subject. Default with --preset kubernetes: system:serviceaccount:default:default;
    /// with github-actions: repo:octo-org/octo-repo:ref:refs/heads/main.
    #[arg(long)]
    sub: Option<String>,
    /// The audience (repeatable). Default with a preset: sts.amazonaws.com.
    #[arg(long)]
    aud: Vec<String>,
    /// A further claim, `KEY=VALUE`; VALUE is read as JSON when it is JSON, else as a string
    /// (repeatable; overrides the preset's claims).
    #[arg(long, value_parser = parse_claim)]
    claim: Vec<(String, Value)>,
    /// Shape the token like a real issuer's.
    #[arg(long, value_enum)]
    preset: Option<Preset>,
    /// Lifetime: seconds, or `15m`, `1h`.
    #[arg(long, default_value = "1h", value_parser = crate::defaults::parse_duration)]
    ttl: i64,
    /// Write the token to this file (owner-only, no trailing newline) instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    dir: DirArgs,
}

fn parse_claim(text: &str) -> Result<(String, Value), String> {
    let (key, value) = text
        .split_once('=')
        .filter(|(key, _)| !key.is_empty())
        .ok_or_else(|| format!("`{text}` is not KEY=VALUE"))?;
    let value = serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
    Ok((key.to_owned(), value))
}

/// Runs a `keyward oidc` subcommand.
pub async fn run(args: OidcArgs) -> ExitCode {
    let result = match args.command {
        OidcCommand::Serve(a) => serve(a).await,
        OidcCommand::Rotate(a) => rotate(&a),
        OidcCommand::Token(a) => token(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("keyward oidc: {message}");
            ExitCode::FAILURE
        }
    }
}

/// One signing key as kept on disk.
struct StoredKey {
    pkcs8: Vec<u8>,
    jwk: Value,
}

impl StoredKey {
    fn kid(&self) -> &str {
        self.jwk
            .get("kid")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// The issuer's folder in a data directory.
fn folder(dir: &DirArgs) -> Result<PathBuf, String> {
    dir.data_dir
        .clone()
        .or_else(crate::defaults::default_data_dir)
        .map(|d| d.join(FOLDER))
        .ok_or_else(|| "no --data-dir, and HOME is not set".to_owned())
}

/// The keys, oldest first; none when the file does not exist yet.
fn load_keys(folder: &Path) -> Result<Vec<StoredKey>, String> {
    let path = folder.join(KEYS_FILE);
    let text = aws_files::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let broken = || {
        format!(
            "{} is not a key file written by keyward oidc",
            path.display()
        )
    };
    let document: Value = serde_json::from_str(&text).map_err(|_| broken())?;
    document
        .get("keys")
        .and_then(Value::as_array)
        .ok_or_else(broken)?
        .iter()
        .map(|key| {
            let pkcs8 = key
                .get("private_pkcs8")
                .and_then(Value::as_str)
                .and_then(|b| STANDARD.decode(b).ok());
            let jwk = key.get("public_jwk").cloned();
            pkcs8
                .zip(jwk)
                .map(|(pkcs8, jwk)| StoredKey { pkcs8, jwk })
                .ok_or_else(broken)
        })
        .collect()
}

fn save_keys(folder: &Path, keys: &[StoredKey]) -> Result<(), String> {
    let document = json!({
        "keys": keys.iter().map(|k| json!({
            "private_pkcs8": STANDARD.encode(&k.pkcs8),
            "public_jwk": k.jwk,
        })).collect::<Vec<_>>(),
    });
    let path = folder.join(KEYS_FILE);
    aws_files::write(&path, &document.to_string()).map_err(|e| format!("{}: {e}", path.display()))
}

fn new_key() -> Result<StoredKey, String> {
    let (pkcs8, jwk) = jws::generate(SigningAlgorithm::Rs256)
        .map_err(|_| "the signing key could not be generated".to_owned())?;
    Ok(StoredKey { pkcs8, jwk })
}

/// The keys, with a first one generated if there is none.
fn ensure_keys(folder: &Path) -> Result<Vec<StoredKey>, String> {
    let keys = load_keys(folder)?;
    if !keys.is_empty() {
        return Ok(keys);
    }
    let keys = vec![new_key()?];
    save_keys(folder, &keys)?;
    Ok(keys)
}

fn rotate(dir: &DirArgs) -> Result<(), String> {
    let folder = folder(dir)?;
    let mut keys = ensure_keys(&folder)?;
    keys.push(new_key()?);
    let drop = keys.len().saturating_sub(KEYS_KEPT);
    let retired: Vec<StoredKey> = keys.drain(..drop).collect();
    save_keys(&folder, &keys)?;
    for key in &retired {
        println!("retired key {}", key.kid());
    }
    if let [previous, current] = keys.as_slice() {
        println!("signing with key {}", current.kid());
        println!("still published: key {}", previous.kid());
    }
    Ok(())
}

/// What the issuer's HTTP handlers need.
struct Issuer {
    url: String,
    folder: PathBuf,
}

fn json_response(value: &Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

async fn configuration(State(issuer): State<Arc<Issuer>>) -> Response {
    json_response(&json!({
        "issuer": issuer.url,
        "jwks_uri": format!("{}{JWKS_PATH}", issuer.url),
        "response_types_supported": ["id_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "claims_supported": ["sub", "aud", "exp", "iat", "iss", "jti", "nbf"],
    }))
}

/// The key set, read on every request so a rotation shows at once.
async fn key_set(State(issuer): State<Arc<Issuer>>) -> Response {
    match load_keys(&issuer.folder) {
        Ok(keys) => json_response(&json!({
            "keys": keys.into_iter().rev().map(|k| k.jwk).collect::<Vec<_>>(),
        })),
        Err(e) => {
            tracing::error!(error = %e, "key file unreadable");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `http://` and the bound address, with an unspecified address replaced by loopback.
fn default_issuer_url(bound: SocketAddr) -> String {
    let mut addr = bound;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    format!("http://{addr}")
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let folder = folder(&args.dir)?;
    ensure_keys(&folder)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let url = args
        .issuer_url
        .map(|u| u.trim_end_matches('/').to_owned())
        .unwrap_or_else(|| default_issuer_url(bound));
    let issuer_file = folder.join(ISSUER_FILE);
    aws_files::write(&issuer_file, &url).map_err(|e| format!("{}: {e}", issuer_file.display()))?;
    println!("Keys in {}", folder.display());
    println!("Issuer URL: {url}");
    let issuer = Arc::new(Issuer { url, folder });
    let app = Router::new()
        .route(CONFIGURATION_PATH, get(configuration))
        .route(JWKS_PATH, get(key_set))
        .with_state(issuer);
    axum::serve(listener, app)
        .with_graceful_shutdown(crate::serve::shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}

/// `repo:OWNER/REPO:…` → (`OWNER/REPO`, `OWNER`, the rest).
fn github_subject(sub: &str) -> Option<(&str, &str, &str)> {
    let rest = sub.strip_prefix("repo:")?;
    let (repository, context) = rest.split_once(':')?;
    let (owner, name) = repository.split_once('/')?;
    (!owner.is_empty() && !name.is_empty() && !context.is_empty())
        .then_some((repository, owner, context))
}

/// The claims GitHub Actions puts in its tokens, for a subject in one of GitHub's default
/// forms (`repo:ORG/REPO:ref:REF`, `…:environment:NAME`, `…:pull_request`), with the values
/// of a push to that ref. Shapes from GitHub's "OpenID Connect reference"
/// (<https://docs.github.com/en/actions/reference/security/oidc>): every custom claim is a
/// string.
fn github_actions_claims(sub: &str) -> Result<Map<String, Value>, String> {
    let (repository, owner, context) = github_subject(sub).ok_or_else(|| {
        format!("`{sub}` is not a GitHub Actions subject such as repo:ORG/REPO:ref:refs/heads/main")
    })?;
    let mut claims = Map::new();
    let (git_ref, event) = match context.split_once(':') {
        Some(("ref", git_ref)) => (git_ref.to_owned(), "push"),
        Some(("environment", environment)) => {
            claims.insert("environment".into(), environment.into());
            ("refs/heads/main".to_owned(), "push")
        }
        _ if context == "pull_request" => ("refs/pull/1/merge".to_owned(), "pull_request"),
        _ => ("refs/heads/main".to_owned(), "push"),
    };
    let ref_type = if git_ref.starts_with("refs/tags/") {
        "tag"
    } else {
        "branch"
    };
    let sha = "0123456789abcdef0123456789abcdef01234567";
    let workflow_ref = format!("{repository}/.github/workflows/ci.yml@{git_ref}");
    let strings = [
        ("ref", git_ref.as_str()),
        ("ref_type", ref_type),
        ("ref_protected", "false"),
        ("sha", sha),
        ("repository", repository),
        ("repository_id", "100000001"),
        ("repository_owner", owner),
        ("repository_owner_id", "100000002"),
        ("repository_visibility", "private"),
        ("actor", "octocat"),
        ("actor_id", "583231"),
        ("workflow", "CI"),
        ("workflow_ref", workflow_ref.as_str()),
        ("workflow_sha", sha),
        ("job_workflow_ref", workflow_ref.as_str()),
        ("job_workflow_sha", sha),
        ("event_name", event),
        ("head_ref", ""),
        ("base_ref", ""),
        ("run_id", "1000000001"),
        ("run_number", "1"),
        ("run_attempt", "1"),
        ("runner_environment", "github-hosted"),
    ];
    for (key, value) in strings {
        claims.insert(key.to_owned(), Value::String(value.to_owned()));
    }
    Ok(claims)
}

/// The `kubernetes.io` claim of a projected service-account token for
/// `system:serviceaccount:NAMESPACE:NAME`, as the Kubernetes docs show it
/// (<https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/>).
fn kubernetes_claims(sub: &str, now: i64) -> Result<Map<String, Value>, String> {
    let (namespace, account) = sub
        .strip_prefix("system:serviceaccount:")
        .and_then(|rest| rest.split_once(':'))
        .filter(|(ns, sa)| !ns.is_empty() && !sa.is_empty() && !sa.contains(':'))
        .ok_or_else(|| {
            format!("`{sub}` is not a service-account subject such as system:serviceaccount:NAMESPACE:NAME")
        })?;
    let uid = |what: &str| stable_uuid(&format!("{namespace}/{account}/{what}"));
    let mut claims = Map::new();
    claims.insert(
        "kubernetes.io".to_owned(),
        json!({
            "namespace": namespace,
            "pod": { "name": format!("{account}-0"), "uid": uid("pod") },
            "serviceaccount": { "name": account, "uid": uid("serviceaccount") },
            "warnafter": now + 3607,
        }),
    );
    Ok(claims)
}

/// A UUID-shaped identifier derived from `seed`, so the same service account keeps its uid.
fn stable_uuid(seed: &str) -> String {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in seed.bytes() {
        hash = (hash ^ u128::from(b)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
    }
    let hex = format!("{hash:032x}");
    let part = |from: usize, to: usize| hex.get(from..to).unwrap_or_default().to_owned();
    format!(
        "{}-{}-{}-{}-{}",
        part(0, 8),
        part(8, 12),
        part(12, 16),
        part(16, 20),
        part(20, 32)
    )
}

/// The token's claims: the standard ones, the preset's, then `--claim`s.
fn claims(args: &TokenArgs, issuer: &str, now: i64) -> Result<Value, String> {
    let sub = match (&args.sub, args.preset) {
        (Some(sub), _) => sub.clone(),
        (None, Some(Preset::Kubernetes)) => "system:serviceaccount:default:default".to_owned(),
        (None, Some(Preset::GithubActions)) => {
            "repo:octo-org/octo-repo:ref:refs/heads/main".to_owned()
        }
        (None, None) => return Err("--sub is required without --preset".to_owned()),
    };
    let aud: Vec<Value> = match (args.aud.as_slice(), args.preset) {
        ([], Some(_)) => vec![Value::from("sts.amazonaws.com")],
        ([], None) => return Err("--aud is required without --preset".to_owned()),
        (auds, _) => auds.iter().map(|a| Value::from(a.as_str())).collect(),
    };
    let aud = match (aud.as_slice(), args.preset) {
        // Kubernetes always writes a list; GitHub a single string.
        (_, Some(Preset::Kubernetes)) => Value::Array(aud),
        ([one], _) => one.clone(),
        _ => Value::Array(aud),
    };
    let mut jti = [0u8; 16];
    random_bytes(&mut jti);
    let mut claims = Map::new();
    claims.insert("iss".into(), issuer.into());
    claims.insert("sub".into(), sub.as_str().into());
    claims.insert("aud".into(), aud);
    claims.insert("iat".into(), now.into());
    claims.insert("nbf".into(), now.into());
    claims.insert("exp".into(), (now + args.ttl).into());
    claims.insert("jti".into(), URL_SAFE_NO_PAD.encode(jti).into());
    match args.preset {
        Some(Preset::Kubernetes) => claims.extend(kubernetes_claims(&sub, now)?),
        Some(Preset::GithubActions) => claims.extend(github_actions_claims(&sub)?),
        None => {}
    }
    for (key, value) in &args.claim {
        claims.insert(key.clone(), value.clone());
    }
    Ok(Value::Object(claims))
}

/// Fills `bytes` with random bytes for the token id.
fn random_bytes(bytes: &mut [u8]) {
    use rand::RngCore as _;
    rand::rng().fill_bytes(bytes);
}

fn token(args: &TokenArgs) -> Result<(), String> {
    let folder = folder(&args.dir)?;
    let issuer = match &args.issuer {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let path = folder.join(ISSUER_FILE);
            std::fs::read_to_string(&path)
                .map(|u| u.trim().to_owned())
                .map_err(|_| {
                    format!(
                        "no --issuer, and {} has no issuer URL yet: start `keyward oidc serve` \
                         with this --data-dir first",
                        path.display()
                    )
                })?
        }
    };
    let keys = ensure_keys(&folder)?;
    let key = keys.last().ok_or_else(|| "no signing key".to_owned())?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claims = claims(args, &issuer, now)?;
    let header = json!({ "alg": "RS256", "kid": key.kid(), "typ": "JWT" });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signature = jws::sign(
        SigningAlgorithm::Rs256,
        &key.pkcs8,
        signing_input.as_bytes(),
    )
    .ok_or_else(|| "the token could not be signed".to_owned())?;
    let token = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature));
    match &args.out {
        Some(path) => {
            aws_files::write(path, &token).map_err(|e| format!("{}: {e}", path.display()))
        }
        None => {
            println!("{token}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_subjects_give_github_s_claims() {
        let c = github_actions_claims("repo:octo-org/octo-repo:ref:refs/heads/main").unwrap();
        assert_eq!(c["repository"], "octo-org/octo-repo");
        assert_eq!(c["repository_owner"], "octo-org");
        assert_eq!(c["ref"], "refs/heads/main");
        assert_eq!(c["ref_type"], "branch");
        assert_eq!(
            c["job_workflow_ref"],
            "octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main"
        );
        let c = github_actions_claims("repo:o/r:environment:prod").unwrap();
        assert_eq!(c["environment"], "prod");
        let c = github_actions_claims("repo:o/r:ref:refs/tags/v1").unwrap();
        assert_eq!(c["ref_type"], "tag");
        let c = github_actions_claims("repo:o/r:pull_request").unwrap();
        assert_eq!(c["event_name"], "pull_request");
        for bad in ["o/r", "repo:o:ref:x", "repo:/r:ref:x", "repo:o/r"] {
            assert!(github_actions_claims(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kubernetes_subjects_give_the_kubernetes_io_claim() {
        let c = kubernetes_claims("system:serviceaccount:apps:chat", 100).unwrap();
        let k = &c["kubernetes.io"];
        assert_eq!(k["namespace"], "apps");
        assert_eq!(k["serviceaccount"]["name"], "chat");
        assert_eq!(k["serviceaccount"]["uid"].as_str().unwrap().len(), 36);
        assert_eq!(
            k["serviceaccount"]["uid"],
            kubernetes_claims("system:serviceaccount:apps:chat", 5).unwrap()["kubernetes.io"]
                ["serviceaccount"]["uid"]
        );
        for bad in [
            "chat",
            "system:serviceaccount:apps",
            "system:serviceaccount::x",
        ] {
            assert!(kubernetes_claims(bad, 0).is_err(), "{bad}");
        }
    }

    #[test]
    fn claims_values_are_json_when_they_can_be() {
        assert_eq!(parse_claim("n=3").unwrap(), ("n".to_owned(), json!(3)));
        assert_eq!(
            parse_claim("s=main").unwrap(),
            ("s".to_owned(), json!("main"))
        );
        assert_eq!(parse_claim("l=[\"a\"]").unwrap().1, json!(["a"]));
        assert!(parse_claim("=x").is_err());
        assert!(parse_claim("x").is_err());
    }

    #[test]
    fn unspecified_addresses_become_loopback_in_the_issuer_url() {
        assert_eq!(
            default_issuer_url("0.0.0.0:4578".parse().unwrap()),
            "http://127.0.0.1:4578"
        );
        assert_eq!(
            default_issuer_url("127.0.0.2:1".parse().unwrap()),
            "http://127.0.0.2:1"
        );
    }
}

//! The aws CLI caches the credentials of role profiles in `~/.aws/cli/cache`, keyed by the
//! `AssumeRole` arguments and not by the endpoint, and reuses them until 15 minutes before they
//! expire. Credentials cached against another server (AWS itself, or Keyward with another data
//! directory) then fail with `InvalidClientTokenId` while `keyward doctor`, which assumes the
//! role afresh, succeeds. The cached credentials are tried against this server to tell.

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::http::Http;
use super::query::{self, CallError, Service};
use crate::input::FileSystem;
use crate::model::{AccessKeyId, Code, Finding, Secret, Severity, StaticCredentials};

/// botocore's `DEFAULT_EXPIRY_WINDOW_SECONDS` for assumed roles: cached credentials closer
/// than this to their expiry are fetched anew, so they cannot mislead.
const EXPIRY_WINDOW_SECONDS: i64 = 900;

/// Cached credentials as the CLI writes them, and when they expire.
#[derive(Debug)]
pub struct Cached {
    /// The keys.
    pub keys: StaticCredentials,
    /// Expiry, when readable.
    pub expires_at: Option<OffsetDateTime>,
}

/// Reads a cache file: `{"Credentials": {"AccessKeyId", "SecretAccessKey", "SessionToken",
/// "Expiration"}}`, the expiry as botocore writes it (`2026-12-07T15:00:00UTC`) or RFC 3339.
pub fn parse(text: &str) -> Option<Cached> {
    let json: Value = serde_json::from_str(text).ok()?;
    let c = json.get("Credentials")?;
    let field = |k: &str| c.get(k).and_then(Value::as_str);
    let expires_at = field("Expiration").and_then(parse_expiration);
    Some(Cached {
        keys: StaticCredentials {
            access_key_id: AccessKeyId::new(field("AccessKeyId")?),
            secret_access_key: Secret::new(field("SecretAccessKey")?),
            session_token: field("SessionToken").map(Secret::new),
            expires_at,
        },
        expires_at,
    })
}

fn parse_expiration(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    let normalised = match s.strip_suffix("UTC") {
        Some(head) => format!("{head}Z"),
        None => s.to_owned(),
    };
    OffsetDateTime::parse(&normalised, &Rfc3339).ok()
}

/// Whether the CLI would still use credentials expiring at `expires_at`.
pub fn still_used(expires_at: Option<OffsetDateTime>, now: OffsetDateTime) -> bool {
    expires_at.is_none_or(|e| (e - now).whole_seconds() >= EXPIRY_WINDOW_SECONDS)
}

/// The finding for the cache file at `path`, if the CLI would use credentials this server
/// does not accept.
pub async fn check(
    http: &Http,
    sts: Service<'_>,
    files: &dyn FileSystem,
    path: &str,
    now: OffsetDateTime,
) -> Option<Finding> {
    let cached = parse(&files.read(path)?)?;
    if !still_used(cached.expires_at, now) {
        return None;
    }
    let until = cached
        .expires_at
        .and_then(|e| e.format(&Rfc3339).ok())
        .unwrap_or_else(|| "an unreadable expiry".to_owned());
    let masked = cached.keys.access_key_id.masked();
    let ex = query::call(http, sts, Some(&cached.keys), "GetCallerIdentity", &[]).await;
    let CallError::Aws(err) = ex.result.err()? else {
        return None;
    };
    let f = query::classify(&err, "sts:GetCallerIdentity", &masked);
    let (severity, what) = if f.code == Code::InvalidClientTokenId {
        (
            Severity::Error,
            format!("{} does not know them ({}): another server issued them (AWS itself, or Keyward with another data directory)", sts.url, err.code),
        )
    } else {
        (
            Severity::Warning,
            format!("{} refuses them: {} ({})", sts.url, err.message, err.code),
        )
    };
    Some(Finding {
        severity,
        code: Code::StaleCliCache,
        message: format!(
            "the aws CLI would not assume the role: it reuses the cached credentials {masked} in {path} (valid until {until}), and {what}. Delete {path}; doctor's own checks assume the role afresh"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn reads_the_cli_cache_format() {
        let text = r#"{"Credentials": {"AccessKeyId": "ASIAEXAMPLEEXAMPLE01", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "2026-12-07T15:00:00UTC"}, "AssumedRoleUser": {}}"#;
        let c = parse(text).map(|c| c.expires_at);
        assert_eq!(c, Some(Some(datetime!(2026-12-07 15:00 UTC))));
        assert!(parse("{}").is_none());
    }

    #[test]
    fn credentials_near_expiry_are_not_reused() {
        let now = datetime!(2026-12-07 14:50 UTC);
        assert!(!still_used(Some(datetime!(2026-12-07 15:00 UTC)), now));
        assert!(still_used(Some(datetime!(2026-12-07 15:05 UTC)), now));
        assert!(still_used(None, now));
    }
}

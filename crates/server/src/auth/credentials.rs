//! From a parsed SigV4 credential to the caller and the key its signature must verify with:
//! long-term access keys (cached) and sealed session tokens, within the request's time rule.
//! Shared by the IAM/STS request path and the authorization gateway, so every service sees
//! the same identities.

use keyward_sigv4::{self as sigv4, ParsedAuth, SigningKey};
use keyward_store::AccessKeyLastUsed;

use crate::auth::identity::{Caller, Identity};
use crate::auth::session;
use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;

/// Which clock rule a request's timestamp must meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeRule {
    /// Within 15 minutes of the server's clock either way (IAM, STS).
    Skew,
    /// A presigned URL is valid from its `X-Amz-Date` (not more than 15 minutes ahead) until
    /// `X-Amz-Expires` has passed; a header signature as [`TimeRule::Skew`] (S3 and the
    /// gateway's other services).
    PresignedExpiry,
}

/// The caller a credential names and the signing key of its secret, before the signature is
/// checked; the caller must verify the signature with the key, then [`record_use`].
pub async fn resolve(
    state: &AppState,
    auth: &ParsedAuth,
    rule: TimeRule,
) -> Result<(Caller, SigningKey), ApiError> {
    let invalid = || ApiError::Auth(sigv4::AuthError::InvalidClientTokenId);
    let now = state.clock.now();
    let mut token_expires = None;
    let (principal, secret, token_issued, mfa_authenticated) =
        if auth.access_key_id.starts_with(ids::SESSION_KEY_PREFIX) {
            let token = auth.session_token.as_deref().ok_or_else(invalid)?;
            let claims = session::open(&state.master, token)
                .filter(|c| c.access_key_id == auth.access_key_id)
                .ok_or_else(invalid)?;
            if claims.expires_at() <= now {
                return Err(ApiError::Auth(sigv4::AuthError::ExpiredToken));
            }
            let issued = claims.issued_at();
            token_expires = Some(claims.expires_at());
            let mfa = claims.mfa_authenticated_at();
            let principal = Identity::from_session(claims.subject, issued);
            (principal, claims.secret_access_key, Some(issued), mfa)
        } else {
            let key = state
                .keys
                .get(state.store.as_ref(), &state.master, &auth.access_key_id)
                .await
                .map_err(ApiError::from_store)?
                .filter(|k| k.status == keyward_store::AccessKeyStatus::Active)
                .ok_or_else(invalid)?;
            if auth.session_token.is_some() {
                return Err(invalid());
            }
            (key.identity.clone(), key.secret.clone(), None, None)
        };
    match (rule, auth.location) {
        (TimeRule::PresignedExpiry, sigv4::AuthLocation::QueryString) => {
            sigv4::check_expiry(auth, now)?;
            if auth.request_time > now.saturating_add(sigv4::MAX_SKEW) {
                return Err(ApiError::Auth(sigv4::AuthError::SignatureNotYetCurrent {
                    request_time: auth.request_time,
                    now: now.replace_nanosecond(0).unwrap_or(now),
                }));
            }
        }
        _ => sigv4::check_time(auth, now)?,
    }
    let signing_key = state
        .signing_keys
        .get(&auth.access_key_id, &secret, &auth.scope);
    let caller = Caller {
        identity: principal,
        access_key_id: auth.access_key_id.clone(),
        account: state.account.clone(),
        token_issued,
        token_expires,
        mfa_authenticated,
    };
    Ok((caller, signing_key))
}

/// Notes a verified use of a long-term access key (`GetAccessKeyLastUsed`).
pub fn record_use(state: &AppState, caller: &Caller, auth: &ParsedAuth) {
    if caller.token_issued.is_none() {
        state.keys.record_use(
            &auth.access_key_id,
            AccessKeyLastUsed {
                date: state.clock.now(),
                service: auth.scope.service.clone(),
                region: auth.scope.region.clone(),
            },
        );
    }
}

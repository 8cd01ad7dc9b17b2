//! Authentication: who signed a request. Access keys (cached, sealed at rest), sealed session
//! tokens and web identity tokens; the caller's identity in the forms AWS reports it.

pub mod credentials;
pub mod identity;
pub mod keys;
pub mod saml;
pub mod session;
pub mod totp;
pub mod web_identity;

use time::{Duration, OffsetDateTime};

use crate::error::ApiError;
use crate::ids;
use crate::state::AppState;
use session::{SessionClaims, SessionSubject};

/// The region requests that sign nothing are recorded under (STS's global endpoint).
pub const UNSIGNED_REGION: &str = "us-east-1";

/// New temporary credentials for `subject`, valid for `duration` seconds.
pub(crate) fn issue(
    state: &AppState,
    subject: SessionSubject,
    duration: i64,
) -> Result<(SessionClaims, String), ApiError> {
    issue_with_mfa(state, subject, duration, None)
}

/// New temporary credentials for `subject` whose principal proved an MFA code at
/// `mfa_authenticated`, which the session carries as `aws:MultiFactorAuthPresent` and
/// `aws:MultiFactorAuthAge`.
pub(crate) fn issue_with_mfa(
    state: &AppState,
    subject: SessionSubject,
    duration: i64,
    mfa_authenticated: Option<OffsetDateTime>,
) -> Result<(SessionClaims, String), ApiError> {
    let now = state.clock.now();
    let claims = SessionClaims {
        access_key_id: ids::session_access_key_id(state.account.number()),
        secret_access_key: ids::secret_access_key(),
        issued: now.unix_timestamp(),
        expires: (now + Duration::seconds(duration)).unix_timestamp(),
        subject,
        mfa_authenticated: mfa_authenticated.map(OffsetDateTime::unix_timestamp),
    };
    let token = session::seal(&state.master, &claims).ok_or(ApiError::ServiceFailure)?;
    Ok((claims, token))
}

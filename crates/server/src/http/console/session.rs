//! Console sessions, their CSRF tokens, and the growing delays after failed sign-ins. Kept in
//! memory only: a restart signs everyone out, and no session or token reaches the data dir.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use base64::Engine as _;
use rand::Rng;
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

/// How long a session lives without a request before it is signed out.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// The delay after the first failed sign-in of a name; it doubles with each further failure.
const FIRST_DELAY: Duration = Duration::from_millis(250);

/// The longest delay a run of failures grows to.
const MAX_DELAY: Duration = Duration::from_secs(10);

/// Who a session signed in as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Principal {
    /// The account's root user.
    Root,
    /// The IAM user of this name.
    User(String),
}

/// How far a session is through sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The password was right; the user's MFA device must give a code.
    AwaitingMfa,
    /// The user must set a new password (`PasswordResetRequired`) before anything else.
    MustChangePassword,
    /// Signed in.
    SignedIn,
}

/// One session.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    /// The random id in the session cookie.
    pub id: String,
    /// Who signed in.
    pub principal: Principal,
    /// How far sign-in has got.
    pub stage: Stage,
    /// The token every state-changing form of this session carries.
    pub csrf: String,
    /// When the user proved an MFA code at sign-in.
    pub mfa_at: Option<OffsetDateTime>,
    /// A pseudo access key id naming this session in audit records.
    pub session_key: String,
    last_seen: Instant,
}

/// The console's sessions and failed sign-in counts.
pub(crate) struct Sessions {
    sessions: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<String, u32>>,
    idle_timeout: Duration,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions {
            sessions: Mutex::default(),
            failures: Mutex::default(),
            idle_timeout: IDLE_TIMEOUT,
        }
    }
}

/// A random token of 32 bytes, URL-safe base64.
pub(crate) fn random_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether two tokens are equal, in time independent of where they differ.
pub(crate) fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Sessions {
    /// Starts a new session with fresh random ids (never one the browser offered, so a
    /// planted cookie cannot fixate it), ending `previous` if there was one.
    pub(crate) fn start(
        &self,
        previous: Option<&str>,
        principal: Principal,
        stage: Stage,
        session_key: String,
    ) -> Session {
        let session = Session {
            id: random_token(),
            principal,
            stage,
            csrf: random_token(),
            mfa_at: None,
            session_key,
            last_seen: Instant::now(),
        };
        let mut sessions = lock(&self.sessions);
        if let Some(previous) = previous {
            sessions.remove(previous);
        }
        let idle_timeout = self.idle_timeout;
        sessions.retain(|_, s| s.last_seen.elapsed() < idle_timeout);
        sessions.insert(session.id.clone(), session.clone());
        session
    }

    /// The live session of this id, its idle clock restarted; an idle one is ended.
    pub(crate) fn get(&self, id: &str) -> Option<Session> {
        let mut sessions = lock(&self.sessions);
        let live = sessions
            .get(id)
            .is_some_and(|s| s.last_seen.elapsed() < self.idle_timeout);
        if !live {
            sessions.remove(id);
            return None;
        }
        let session = sessions.get_mut(id)?;
        session.last_seen = Instant::now();
        Some(session.clone())
    }

    /// Moves a session on to `stage` under a new id (a step of sign-in raises its privileges,
    /// so the id changes with it), recording when MFA was proved.
    pub(crate) fn advance(
        &self,
        id: &str,
        stage: Stage,
        mfa_at: Option<OffsetDateTime>,
    ) -> Option<Session> {
        let mut sessions = lock(&self.sessions);
        let mut session = sessions.remove(id)?;
        session.id = random_token();
        session.csrf = random_token();
        session.stage = stage;
        session.mfa_at = mfa_at.or(session.mfa_at);
        session.last_seen = Instant::now();
        sessions.insert(session.id.clone(), session.clone());
        Some(session)
    }

    /// Ends a session (sign-out).
    pub(crate) fn end(&self, id: &str) {
        lock(&self.sessions).remove(id);
    }

    /// How long to hold the answer to a sign-in attempt for `name` after its earlier
    /// failures: nothing for the first attempt, then 250 ms doubling to at most 10 s.
    pub(crate) fn delay_for(&self, name: &str) -> Duration {
        let failures = lock(&self.failures).get(name).copied().unwrap_or(0);
        match failures {
            0 => Duration::ZERO,
            n => FIRST_DELAY
                .saturating_mul(2u32.saturating_pow(n.saturating_sub(1).min(16)))
                .min(MAX_DELAY),
        }
    }

    /// Counts a failed sign-in of `name`.
    pub(crate) fn failed(&self, name: &str) {
        *lock(&self.failures).entry(name.to_owned()).or_default() += 1;
    }

    /// Forgets the failures of `name` after it signed in.
    pub(crate) fn succeeded(&self, name: &str) {
        lock(&self.failures).remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_second_attempt_up_to_a_cap() {
        let sessions = Sessions::default();
        assert_eq!(sessions.delay_for("a"), Duration::ZERO);
        sessions.failed("a");
        assert_eq!(sessions.delay_for("a"), Duration::from_millis(250));
        sessions.failed("a");
        assert_eq!(sessions.delay_for("a"), Duration::from_millis(500));
        for _ in 0..20 {
            sessions.failed("a");
        }
        assert_eq!(sessions.delay_for("a"), MAX_DELAY);
        assert_eq!(sessions.delay_for("b"), Duration::ZERO);
        sessions.succeeded("a");
        assert_eq!(sessions.delay_for("a"), Duration::ZERO);
    }

    #[test]
    fn advancing_changes_the_id_and_ends_the_old_one() {
        let sessions = Sessions::default();
        let first = sessions.start(None, Principal::Root, Stage::AwaitingMfa, "k".into());
        let next = sessions.advance(&first.id, Stage::SignedIn, None).unwrap();
        assert_ne!(first.id, next.id);
        assert_ne!(first.csrf, next.csrf);
        assert!(sessions.get(&first.id).is_none());
        assert_eq!(sessions.get(&next.id).unwrap().stage, Stage::SignedIn);
        sessions.end(&next.id);
        assert!(sessions.get(&next.id).is_none());
    }

    #[test]
    fn an_idle_session_is_signed_out_and_use_keeps_one_alive() {
        let sessions = Sessions {
            idle_timeout: Duration::from_millis(200),
            ..Sessions::default()
        };
        let kept = sessions.start(None, Principal::Root, Stage::SignedIn, "k".into());
        let idle = sessions.start(None, Principal::Root, Stage::SignedIn, "k".into());
        for _ in 0..3 {
            std::thread::sleep(Duration::from_millis(100));
            assert!(sessions.get(&kept.id).is_some());
        }
        assert!(sessions.get(&idle.id).is_none());
    }

    #[test]
    fn tokens_compare_exactly() {
        let t = random_token();
        assert!(tokens_match(&t, &t.clone()));
        assert!(!tokens_match(&t, &random_token()));
        assert!(!tokens_match(&t, ""));
    }
}

//! What the console-credential operations share: the account's password policy and the
//! checks it makes of a new password, users' login profiles, and the argon2id hashes that are
//! the only form a password is ever stored in.
//!
//! A login profile is an entity named by its user's id (so it survives renames) holding the
//! current hash, the hashes of the passwords before it (for reuse prevention), when the
//! password was last set (for expiry) and whether a reset is required. The password policy is
//! one entity per account.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use keyward_aws_model::generated::iam::input::UpdateAccountPasswordPolicyInput;
use keyward_store::{Entity, EntityKind, StoreError, User};
use rand::Rng;
use time::OffsetDateTime;

use super::user_resource;
use crate::api::Context;
use crate::auth::identity::{Caller, Identity};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Attribute holding the argon2id hash (PHC string) of the current password.
pub(crate) const PASSWORD_HASH: &str = "PasswordHash";
/// Attribute holding the hashes of earlier passwords, most recent first, one per line.
pub(crate) const PASSWORD_HISTORY: &str = "PasswordHistory";
/// Attribute holding `true` when the user must set a new password at next sign-in.
pub(crate) const RESET_REQUIRED: &str = "PasswordResetRequired";
/// Attribute holding when the password was last set, in Unix seconds.
pub(crate) const PASSWORD_SET: &str = "PasswordLastSet";

/// Most previous passwords a policy can forbid (`PasswordReusePrevention` is at most 24,
/// counting the current one), so at most this many earlier hashes are kept.
const MAX_HISTORY: usize = 23;

/// The name the account's password policy is stored under, and IAM's name for it in the
/// `NoSuchEntity` of `DeleteAccountPasswordPolicy`.
const POLICY_NAME: &str = "PasswordPolicy";

/// The characters IAM counts as symbols (the `RequireSymbols` documentation's list).
const SYMBOLS: &str = "!@#$%^&*()_+-=[]{}|'";

/// IAM's answer to a password the policy's length or character rules refuse.
fn violation() -> ApiError {
    ApiError::PasswordPolicyViolation(
        "Password does not conform to the account password policy.".into(),
    )
}

/// IAM's answer to a password the policy's reuse prevention refuses.
fn reuse_violation() -> ApiError {
    ApiError::PasswordPolicyViolation(
        "Policy constraint violation with password reuse prevention during password change.".into(),
    )
}

/// `NoSuchEntity` for a user without a login profile, in IAM's words.
pub(crate) fn no_such_profile(user_name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "Login Profile for User {user_name} cannot be found."
    ))
}

/// The account's password policy, as `UpdateAccountPasswordPolicy` set it. The optional
/// fields are `None` when the update left them out: IAM then omits them from
/// `GetAccountPasswordPolicy`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PasswordPolicy {
    min_length: usize,
    symbols: bool,
    numbers: bool,
    uppercase: bool,
    lowercase: bool,
    allow_change: bool,
    max_age_days: Option<i64>,
    reuse_prevention: Option<i64>,
    hard_expiry: Option<bool>,
}

impl PasswordPolicy {
    /// The policy an update sets. Updates are not partial: every field left out takes its
    /// default (length 6, no requirements, no expiry, no reuse prevention).
    pub(crate) fn from_input(input: UpdateAccountPasswordPolicyInput) -> Self {
        PasswordPolicy {
            min_length: input
                .minimum_password_length
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(6),
            symbols: input.require_symbols.unwrap_or(false),
            numbers: input.require_numbers.unwrap_or(false),
            uppercase: input.require_uppercase_characters.unwrap_or(false),
            lowercase: input.require_lowercase_characters.unwrap_or(false),
            allow_change: input.allow_users_to_change_password.unwrap_or(false),
            max_age_days: input.max_password_age,
            reuse_prevention: input.password_reuse_prevention,
            hard_expiry: input.hard_expiry,
        }
    }

    /// The stored form: every attribute, with the optional ones removed when unset.
    pub(crate) fn attributes(&self) -> Vec<(String, Option<String>)> {
        let flag = |b: bool| Some(b.to_string());
        vec![
            (
                "MinimumPasswordLength".into(),
                Some(self.min_length.to_string()),
            ),
            ("RequireSymbols".into(), flag(self.symbols)),
            ("RequireNumbers".into(), flag(self.numbers)),
            ("RequireUppercaseCharacters".into(), flag(self.uppercase)),
            ("RequireLowercaseCharacters".into(), flag(self.lowercase)),
            ("AllowUsersToChangePassword".into(), flag(self.allow_change)),
            (
                "MaxPasswordAge".into(),
                self.max_age_days.map(|n| n.to_string()),
            ),
            (
                "PasswordReusePrevention".into(),
                self.reuse_prevention.map(|n| n.to_string()),
            ),
            ("HardExpiry".into(), self.hard_expiry.map(|b| b.to_string())),
        ]
    }

    fn from_entity(entity: &Entity) -> Self {
        let flag = |name: &str| entity.attribute(name) == Some("true");
        let number = |name: &str| entity.attribute(name).and_then(|v| v.parse::<i64>().ok());
        PasswordPolicy {
            min_length: number("MinimumPasswordLength")
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(6),
            symbols: flag("RequireSymbols"),
            numbers: flag("RequireNumbers"),
            uppercase: flag("RequireUppercaseCharacters"),
            lowercase: flag("RequireLowercaseCharacters"),
            allow_change: flag("AllowUsersToChangePassword"),
            max_age_days: number("MaxPasswordAge"),
            reuse_prevention: number("PasswordReusePrevention"),
            hard_expiry: entity.attribute("HardExpiry").map(|v| v == "true"),
        }
    }

    /// The `<PasswordPolicy>` structure, in the model's member order; `ExpirePasswords` is
    /// whether `MaxPasswordAge` is set.
    pub(crate) fn element(&self) -> Element {
        let mut fields = vec![
            Element::text("MinimumPasswordLength", self.min_length.to_string()),
            Element::boolean("RequireSymbols", self.symbols),
            Element::boolean("RequireNumbers", self.numbers),
            Element::boolean("RequireUppercaseCharacters", self.uppercase),
            Element::boolean("RequireLowercaseCharacters", self.lowercase),
            Element::boolean("AllowUsersToChangePassword", self.allow_change),
            Element::boolean("ExpirePasswords", self.max_age_days.is_some_and(|d| d > 0)),
        ];
        if let Some(days) = self.max_age_days {
            fields.push(Element::text("MaxPasswordAge", days.to_string()));
        }
        if let Some(n) = self.reuse_prevention {
            fields.push(Element::text("PasswordReusePrevention", n.to_string()));
        }
        if let Some(hard) = self.hard_expiry {
            fields.push(Element::boolean("HardExpiry", hard));
        }
        Element::parent("PasswordPolicy", fields)
    }

    /// Whether IAM lets every user change their own password (and read this policy).
    pub(crate) fn allows_users_to_change(&self) -> bool {
        self.allow_change
    }

    /// How many passwords, the current one included, a new password may not repeat.
    fn reuse_window(&self) -> usize {
        self.reuse_prevention
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    }

    /// Whether a password set at `set` has outlived `MaxPasswordAge` at `now`.
    fn expired(&self, set: OffsetDateTime, now: OffsetDateTime) -> bool {
        match self.max_age_days {
            Some(days) if days > 0 => now - set >= time::Duration::days(days),
            _ => false,
        }
    }

    /// Whether the policy locks out a user whose password expired: `HardExpiry`.
    fn hard_expiry(&self) -> bool {
        self.hard_expiry == Some(true)
    }
}

/// Which of IAM's four character classes a password contains: uppercase, lowercase, digits
/// (all ISO basic Latin) and IAM's symbols.
fn classes(password: &str) -> [bool; 4] {
    let has = |f: fn(char) -> bool| password.chars().any(f);
    [
        has(|c| c.is_ascii_uppercase()),
        has(|c| c.is_ascii_lowercase()),
        has(|c| c.is_ascii_digit()),
        has(|c| SYMBOLS.contains(c)),
    ]
}

/// Checks a new password's length and characters against the account's policy, or, when the
/// account has none, against AWS's default policy: at least 8 characters, of at least three
/// of the four classes.
pub(crate) fn check_composition(
    policy: Option<&PasswordPolicy>,
    password: &str,
) -> Result<(), ApiError> {
    let length = password.chars().count();
    let [upper, lower, digit, symbol] = classes(password);
    let ok = match policy {
        Some(p) => {
            length >= p.min_length
                && (upper || !p.uppercase)
                && (lower || !p.lowercase)
                && (digit || !p.numbers)
                && (symbol || !p.symbols)
        }
        None => {
            length >= 8
                && [upper, lower, digit, symbol]
                    .iter()
                    .filter(|present| **present)
                    .count()
                    >= 3
        }
    };
    if ok {
        Ok(())
    } else {
        Err(violation())
    }
}

/// The account's password policy, if it has one.
pub(crate) async fn load_policy(state: &AppState) -> Result<Option<PasswordPolicy>, ApiError> {
    match state
        .store
        .get_entity(EntityKind::PasswordPolicy, POLICY_NAME)
        .await
    {
        Ok(entity) => Ok(Some(PasswordPolicy::from_entity(&entity))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Stores the account's password policy, replacing the one in force.
pub(crate) async fn save_policy(state: &AppState, policy: &PasswordPolicy) -> Result<(), ApiError> {
    let update = keyward_store::EntityUpdate {
        attributes: policy.attributes(),
        ..Default::default()
    };
    match state
        .store
        .update_entity(EntityKind::PasswordPolicy, POLICY_NAME, &update)
        .await
    {
        Ok(_) => return Ok(()),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(ApiError::from_store(e)),
    }
    let entity = Entity {
        kind: EntityKind::PasswordPolicy,
        id: format!("password-policy:{}", state.account.0),
        name: POLICY_NAME.into(),
        path: "/".into(),
        create_date: super::now_seconds(),
        attributes: policy
            .attributes()
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect(),
    };
    match state.store.create_entity(&entity, &[], &[], &[]).await {
        Ok(()) => Ok(()),
        // Another request created it first: this update still wins.
        Err(StoreError::AlreadyExists) => state
            .store
            .update_entity(EntityKind::PasswordPolicy, POLICY_NAME, &update)
            .await
            .map(|_| ())
            .map_err(ApiError::from_store),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Deletes the account's password policy; IAM's `NoSuchEntity` when there is none.
pub(crate) async fn delete_policy(state: &AppState) -> Result<(), ApiError> {
    match state
        .store
        .delete_entity(EntityKind::PasswordPolicy, POLICY_NAME)
        .await
    {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => Err(ApiError::NoSuchEntity(format!(
            "The account policy with name {POLICY_NAME} cannot be found."
        ))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// `NoSuchEntity` for an account without a password policy, in IAM's words.
pub(crate) fn no_such_policy(state: &AppState) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The Password Policy with domain name {} cannot be found.",
        state.account.0
    ))
}

/// The resource of a login-profile operation: the named user, or the calling user when the
/// request names none (IAM refuses other callers that name no user).
pub(crate) async fn profile_resource(
    state: &AppState,
    caller: &Caller,
    name: Option<&str>,
) -> Result<Resource, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => user_resource(state, name).await,
        (None, Identity::User(u)) => user_resource(state, &u.name).await,
        (None, _) => Err(ApiError::user_name_required()),
    }
}

/// A user's login profile, if the user has one.
pub(crate) async fn login_profile(
    state: &AppState,
    user: &User,
) -> Result<Option<Entity>, ApiError> {
    match state
        .store
        .get_entity(EntityKind::LoginProfile, &user.user_id.0)
        .await
    {
        Ok(entity) => Ok(Some(entity)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<LoginProfile>` structure.
pub(crate) fn profile_element(user: &User, profile: &Entity) -> Element {
    Element::parent(
        "LoginProfile",
        vec![
            Element::text("UserName", &user.name),
            Element::time("CreateDate", profile.create_date),
            Element::boolean(
                "PasswordResetRequired",
                profile.attribute(RESET_REQUIRED) == Some("true"),
            ),
        ],
    )
}

/// The hashes a new password may not match under `policy`: the current one and as many
/// earlier ones as its reuse prevention counts.
fn forbidden_hashes(policy: Option<&PasswordPolicy>, profile: &Entity) -> Vec<String> {
    let window = policy.map(PasswordPolicy::reuse_window).unwrap_or(0);
    profile
        .attribute(PASSWORD_HASH)
        .into_iter()
        .chain(
            profile
                .attribute(PASSWORD_HISTORY)
                .unwrap_or_default()
                .lines(),
        )
        .take(window)
        .map(str::to_owned)
        .collect()
}

/// Checks a password that is to replace `profile`'s against the account's policy (its
/// composition rules, then reuse prevention), and returns the attributes that set it.
pub(crate) async fn replace_password(
    policy: Option<&PasswordPolicy>,
    profile: &Entity,
    password: &str,
) -> Result<Vec<(String, Option<String>)>, ApiError> {
    check_composition(policy, password)?;
    if matches_any(password, forbidden_hashes(policy, profile)).await? {
        return Err(reuse_violation());
    }
    let history: Vec<&str> = profile
        .attribute(PASSWORD_HASH)
        .into_iter()
        .chain(
            profile
                .attribute(PASSWORD_HISTORY)
                .unwrap_or_default()
                .lines(),
        )
        .take(MAX_HISTORY)
        .collect();
    Ok(vec![
        (PASSWORD_HASH.into(), Some(hash_password(password).await?)),
        (PASSWORD_HISTORY.into(), Some(history.join("\n"))),
        (
            PASSWORD_SET.into(),
            Some(OffsetDateTime::now_utc().unix_timestamp().to_string()),
        ),
    ])
}

/// The argon2id hash of a password as a PHC string (algorithm, parameters, salt and hash).
/// Hashing is deliberately slow, so it runs off the request threads.
pub(crate) async fn hash_password(password: &str) -> Result<String, ApiError> {
    let password = password.to_owned();
    let salt: [u8; 16] = rand::rng().random();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&salt).ok()?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .ok()
            .map(|h| h.to_string())
    })
    .await
    .ok()
    .flatten()
    .ok_or_else(|| {
        tracing::error!("password hashing failed");
        ApiError::ServiceFailure
    })
}

/// Whether a password matches any of the hashes.
pub(crate) async fn matches_any(password: &str, hashes: Vec<String>) -> Result<bool, ApiError> {
    if hashes.is_empty() {
        return Ok(false);
    }
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        hashes.iter().any(|h| {
            PasswordHash::new(h)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
    })
    .await
    .map_err(|_| {
        tracing::error!("password verification failed");
        ApiError::ServiceFailure
    })
}

/// Whether a user's password has expired under the policy with `HardExpiry`: then only an
/// administrator's reset, or the user's own `iam:ChangePassword` permission, lets it be
/// changed.
pub(crate) fn hard_expired(policy: &PasswordPolicy, profile: &Entity) -> bool {
    let set = profile
        .attribute(PASSWORD_SET)
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or(profile.create_date);
    policy.hard_expiry() && policy.expired(set, OffsetDateTime::now_utc())
}

/// Whether a user's password has outlived the policy's `MaxPasswordAge`: the console then
/// requires a new one at sign-in.
pub(crate) fn password_expired(policy: &PasswordPolicy, profile: &Entity) -> bool {
    let set = profile
        .attribute(PASSWORD_SET)
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or(profile.create_date);
    policy.expired(set, OffsetDateTime::now_utc())
}

/// Authorization of an action that `AllowUsersToChangePassword` grants every IAM user at the
/// account level (`iam:ChangePassword` on themselves, `iam:GetAccountPasswordPolicy`): when
/// `granted`, the caller's own policies need not allow it, but an explicit deny in them still
/// refuses it. Otherwise the caller's policies decide as usual.
pub(crate) fn account_granted(
    ctx: &Context<'_>,
    resource: Resource,
    granted: bool,
) -> Authorization {
    if granted && matches!(ctx.caller.identity, Identity::User(_)) {
        Authorization::UnlessDenied { resource }
    } else {
        Authorization::standard(resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(input: UpdateAccountPasswordPolicyInput) -> PasswordPolicy {
        PasswordPolicy::from_input(input)
    }

    fn empty() -> UpdateAccountPasswordPolicyInput {
        UpdateAccountPasswordPolicyInput {
            minimum_password_length: None,
            require_symbols: None,
            require_numbers: None,
            require_uppercase_characters: None,
            require_lowercase_characters: None,
            allow_users_to_change_password: None,
            max_password_age: None,
            password_reuse_prevention: None,
            hard_expiry: None,
        }
    }

    #[test]
    fn default_policy_wants_eight_characters_of_three_classes() {
        assert!(check_composition(None, "TestPassword123!").is_ok());
        assert!(check_composition(None, "abcdEF12").is_ok());
        assert!(check_composition(None, "abcdefgh1").is_err(), "two classes");
        assert!(check_composition(None, "aB1!").is_err(), "too short");
        assert!(check_composition(None, "abcdefg!1").is_ok());
    }

    #[test]
    fn an_empty_update_sets_iams_defaults() {
        let p = policy(empty());
        assert_eq!(p.min_length, 6);
        assert!(!p.allow_change && !p.symbols && !p.numbers && !p.uppercase && !p.lowercase);
        assert!(check_composition(Some(&p), "abcdef").is_ok());
        assert!(check_composition(Some(&p), "abcde").is_err());
    }

    #[test]
    fn each_character_class_is_enforced_on_its_own() {
        type Setter = fn(&mut UpdateAccountPasswordPolicyInput);
        let cases: [(Setter, &str, &str); 4] = [
            (|i| i.require_symbols = Some(true), "abcdefg'", "abcdefgh"),
            (|i| i.require_numbers = Some(true), "abcdefg7", "abcdefgh"),
            (
                |i| i.require_uppercase_characters = Some(true),
                "abcdefgZ",
                "abcdefgh",
            ),
            (
                |i| i.require_lowercase_characters = Some(true),
                "ABCDEFGa",
                "ABCDEFGH",
            ),
        ];
        for (set, good, bad) in cases {
            let mut input = empty();
            set(&mut input);
            let p = policy(input);
            assert!(check_composition(Some(&p), good).is_ok(), "{good}");
            let err = check_composition(Some(&p), bad).err();
            assert_eq!(err.map(|e| e.code()), Some("PasswordPolicyViolation"));
        }
    }

    #[test]
    fn only_iams_symbols_count_as_symbols() {
        let mut input = empty();
        input.require_symbols = Some(true);
        let p = policy(input);
        for c in SYMBOLS.chars() {
            assert!(
                check_composition(Some(&p), &format!("abcdef{c}")).is_ok(),
                "{c}"
            );
        }
        for c in [
            '~', '`', '<', '>', '?', '/', ',', '.', ':', ';', '"', ' ', '\\', 'é',
        ] {
            assert!(
                check_composition(Some(&p), &format!("abcdef{c}")).is_err(),
                "{c}"
            );
        }
    }

    #[test]
    fn length_counts_characters() {
        let mut input = empty();
        input.minimum_password_length = Some(10);
        let p = policy(input);
        assert!(check_composition(Some(&p), "éééééééééé").is_ok());
        assert!(check_composition(Some(&p), "ééééééééé").is_err());
    }

    #[test]
    fn expiry_follows_max_password_age() {
        let mut input = empty();
        input.max_password_age = Some(30);
        input.hard_expiry = Some(true);
        let p = policy(input);
        let now = OffsetDateTime::now_utc();
        assert!(!p.expired(now - time::Duration::days(29), now));
        assert!(p.expired(now - time::Duration::days(30), now));
        assert!(!policy(empty()).expired(now - time::Duration::days(3000), now));
    }

    #[test]
    fn hard_expiry_needs_both_an_expired_password_and_the_flag() {
        let profile = |days_ago: i64| {
            let set = OffsetDateTime::now_utc() - time::Duration::days(days_ago);
            Entity {
                kind: EntityKind::LoginProfile,
                id: "login-profile:AIDA".into(),
                name: "AIDA".into(),
                path: "/".into(),
                create_date: OffsetDateTime::UNIX_EPOCH,
                attributes: [(PASSWORD_SET.to_owned(), set.unix_timestamp().to_string())]
                    .into_iter()
                    .collect(),
            }
        };
        let with = |hard: Option<bool>| {
            let mut input = empty();
            input.max_password_age = Some(10);
            input.hard_expiry = hard;
            policy(input)
        };
        assert!(hard_expired(&with(Some(true)), &profile(11)));
        assert!(!hard_expired(&with(Some(true)), &profile(9)));
        assert!(!hard_expired(&with(Some(false)), &profile(11)));
        assert!(!hard_expired(&with(None), &profile(11)));
    }

    #[test]
    fn the_stored_form_round_trips() {
        let mut input = empty();
        input.minimum_password_length = Some(12);
        input.require_numbers = Some(true);
        input.max_password_age = Some(90);
        input.password_reuse_prevention = Some(5);
        input.hard_expiry = Some(false);
        let p = policy(input);
        let entity = Entity {
            kind: EntityKind::PasswordPolicy,
            id: "x".into(),
            name: POLICY_NAME.into(),
            path: "/".into(),
            create_date: OffsetDateTime::UNIX_EPOCH,
            attributes: p
                .attributes()
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect(),
        };
        assert_eq!(PasswordPolicy::from_entity(&entity), p);
        let defaults = policy(empty());
        let bare = Entity {
            attributes: defaults
                .attributes()
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect(),
            ..entity
        };
        assert_eq!(PasswordPolicy::from_entity(&bare), defaults);
    }

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let hash = hash_password("S3cret!pass").await.ok().unwrap_or_default();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("S3cret!pass"));
        assert!(matches!(
            matches_any("S3cret!pass", vec![hash.clone()]).await,
            Ok(true)
        ));
        assert!(matches!(matches_any("other", vec![hash]).await, Ok(false)));
        assert!(matches!(
            matches_any("x", vec!["not a hash".into()]).await,
            Ok(false)
        ));
    }

    #[tokio::test]
    async fn reuse_prevention_counts_the_current_password() {
        let mut attributes = std::collections::BTreeMap::new();
        let current = hash_password("Current1!").await.ok().unwrap_or_default();
        let older = hash_password("Older1!x").await.ok().unwrap_or_default();
        attributes.insert(PASSWORD_HASH.to_owned(), current);
        attributes.insert(PASSWORD_HISTORY.to_owned(), older);
        let profile = Entity {
            kind: EntityKind::LoginProfile,
            id: "AIDA".into(),
            name: "AIDA".into(),
            path: "/".into(),
            create_date: OffsetDateTime::UNIX_EPOCH,
            attributes,
        };
        let with = |n: i64| {
            let mut input = empty();
            input.password_reuse_prevention = Some(n);
            policy(input)
        };
        let code = |r: Result<Vec<(String, Option<String>)>, ApiError>| {
            r.err().map(|e| (e.code(), e.message()))
        };
        let reuse = Some((
            "PasswordPolicyViolation",
            "Policy constraint violation with password reuse prevention during password change."
                .to_owned(),
        ));
        assert_eq!(
            code(replace_password(Some(&with(1)), &profile, "Current1!").await),
            reuse
        );
        assert_eq!(
            code(replace_password(Some(&with(1)), &profile, "Older1!x").await),
            None
        );
        assert_eq!(
            code(replace_password(Some(&with(2)), &profile, "Older1!x").await),
            reuse
        );
        assert_eq!(
            code(replace_password(None, &profile, "Current1!").await),
            None
        );
        let set = replace_password(Some(&with(2)), &profile, "Newest1!")
            .await
            .ok()
            .unwrap_or_default();
        let history = set
            .iter()
            .find(|(k, _)| k == PASSWORD_HISTORY)
            .and_then(|(_, v)| v.clone())
            .unwrap_or_default();
        assert_eq!(
            history.lines().count(),
            2,
            "current and older move to history"
        );
    }
}

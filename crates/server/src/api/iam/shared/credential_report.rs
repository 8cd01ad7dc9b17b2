//! The credential report: AWS's CSV of every user's credentials, as the IAM User Guide's
//! "Getting credential reports" page documents it
//! (https://docs.aws.amazon.com/IAM/latest/UserGuide/credential-reports.html): its columns in
//! AWS's order, a `<root_account>` row first, `N/A` where a credential is absent,
//! `not_supported` where the root user has no such field. Keyward keeps the latest report as an
//! account setting; it is good for four hours, as on AWS.

use keyward_store::{AccessKey, Entity, EntityKind, EntityUpdate, KeyOwner, StoreError, User};
use time::OffsetDateTime;

use super::account::all_users;
use crate::arn;
use crate::error::ApiError;
use crate::state::AppState;

/// AWS's columns, in AWS's order.
pub(crate) const COLUMNS: [&str; 22] = [
    "user",
    "arn",
    "user_creation_time",
    "password_enabled",
    "password_last_used",
    "password_last_changed",
    "password_next_rotation",
    "mfa_active",
    "access_key_1_active",
    "access_key_1_last_rotated",
    "access_key_1_last_used_date",
    "access_key_1_last_used_region",
    "access_key_1_last_used_service",
    "access_key_2_active",
    "access_key_2_last_rotated",
    "access_key_2_last_used_date",
    "access_key_2_last_used_region",
    "access_key_2_last_used_service",
    "cert_1_active",
    "cert_1_last_rotated",
    "cert_2_active",
    "cert_2_last_rotated",
];

/// How long a report is served, and how often a new one may be generated: four hours.
pub(crate) const REPORT_LIFETIME: time::Duration = time::Duration::hours(4);

/// The account setting that holds the latest report.
const SETTING: &str = "credential-report";
/// Its attribute holding when the report was generated (Unix seconds).
const GENERATED: &str = "GeneratedTime";
/// Its attribute holding the CSV text (no secrets: dates, flags, regions and service names).
const CONTENT: &str = "Content";

/// A generated report.
pub(crate) struct Report {
    /// When it was generated.
    pub(crate) generated: OffsetDateTime,
    /// The CSV text.
    pub(crate) content: String,
}

impl Report {
    /// Whether the report is past its four hours at `now`.
    pub(crate) fn expired(&self, now: OffsetDateTime) -> bool {
        now - self.generated >= REPORT_LIFETIME
    }
}

/// The latest report, if one was ever generated.
pub(crate) async fn latest(state: &AppState) -> Result<Option<Report>, ApiError> {
    let entity = match state
        .store
        .get_entity(EntityKind::AccountSetting, SETTING)
        .await
    {
        Ok(e) => e,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(ApiError::from_store(e)),
    };
    let generated = entity
        .attribute(GENERATED)
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok());
    match (generated, entity.attribute(CONTENT)) {
        (Some(generated), Some(content)) => Ok(Some(Report {
            generated,
            content: content.to_owned(),
        })),
        _ => Ok(None),
    }
}

/// Generates a report of the account as it is now and keeps it as the latest.
pub(crate) async fn generate(state: &AppState) -> Result<(), ApiError> {
    let now = state
        .clock
        .now()
        .replace_nanosecond(0)
        .unwrap_or(state.clock.now());
    let content = build(state).await?;
    let attributes = vec![
        (GENERATED.to_owned(), Some(now.unix_timestamp().to_string())),
        (CONTENT.to_owned(), Some(content)),
    ];
    let update = EntityUpdate {
        attributes: attributes.clone(),
        ..Default::default()
    };
    match state
        .store
        .update_entity(EntityKind::AccountSetting, SETTING, &update)
        .await
    {
        Ok(_) => return Ok(()),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(ApiError::from_store(e)),
    }
    let entity = Entity {
        kind: EntityKind::AccountSetting,
        id: SETTING.to_owned(),
        name: SETTING.to_owned(),
        path: "/".to_owned(),
        create_date: now,
        attributes: attributes
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect(),
    };
    match state.store.create_entity(&entity, &[], &[], &[]).await {
        Ok(()) => Ok(()),
        // Another request created it meanwhile: this report replaces it.
        Err(StoreError::AlreadyExists) => state
            .store
            .update_entity(EntityKind::AccountSetting, SETTING, &update)
            .await
            .map(|_| ())
            .map_err(ApiError::from_store),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The CSV of the account as it is now.
async fn build(state: &AppState) -> Result<String, ApiError> {
    let users = all_users(state).await?;
    let mut keys = state
        .store
        .all_access_keys()
        .await
        .map_err(ApiError::from_store)?;
    // Uses not yet written to the store count, as GetAccessKeyLastUsed counts them.
    for key in &mut keys {
        if let Some(used) = state.keys.pending_use(&key.access_key_id) {
            key.last_used = Some(used);
        }
    }
    let owned = |owner: &KeyOwner| {
        let mut of: Vec<&AccessKey> = keys.iter().filter(|k| &k.owner == owner).collect();
        of.sort_by(|a, b| {
            (a.create_date, &a.access_key_id).cmp(&(b.create_date, &b.access_key_id))
        });
        of
    };
    let mut lines = vec![COLUMNS.join(",")];
    lines.push(root_row(state, &owned(&KeyOwner::Root)));
    for user in &users {
        lines.push(user_row(
            state,
            user,
            &owned(&KeyOwner::User(user.user_id.clone())),
        ));
    }
    Ok(lines.join("\n"))
}

/// AWS's date form in the report: `2014-10-01T06:46:26+00:00`.
fn date(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The five access key columns of the user's `n`th key (by creation), `N/A` without one.
fn key_columns(keys: &[&AccessKey], n: usize) -> [String; 5] {
    let na = || "N/A".to_owned();
    let Some(key) = keys.get(n) else {
        return ["false".to_owned(), na(), na(), na(), na()];
    };
    let active = key.status == keyward_store::AccessKeyStatus::Active;
    let (used, region, service) = match &key.last_used {
        Some(u) => (date(u.date), u.region.clone(), u.service.clone()),
        None => (na(), na(), na()),
    };
    [
        active.to_string(),
        date(key.create_date),
        used,
        region,
        service,
    ]
}

/// The columns after `mfa_active`: two access keys, then two signing certificates (Keyward
/// has none).
fn credential_columns(keys: &[&AccessKey]) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(key_columns(keys, 0));
    out.extend(key_columns(keys, 1));
    out.extend(["false", "N/A", "false", "N/A"].map(str::to_owned));
    out
}

/// The root user's row: its password fields are `not_supported` but for the last use, and
/// Keyward's root user signs in with keys only, so it has no password use (`N/A`) and no MFA.
fn root_row(state: &AppState, keys: &[&AccessKey]) -> String {
    let mut cells = vec![
        "<root_account>".to_owned(),
        arn::root(&state.account),
        date(state.created_at),
        "not_supported".to_owned(),
        "N/A".to_owned(),
        "not_supported".to_owned(),
        "not_supported".to_owned(),
        "false".to_owned(),
    ];
    cells.extend(credential_columns(keys));
    cells.join(",")
}

/// A user's row. Keyward users have no console password or MFA device yet: those columns read
/// as AWS writes them for a user without one.
fn user_row(state: &AppState, user: &User, keys: &[&AccessKey]) -> String {
    let mut cells = vec![
        user.name.clone(),
        arn::user(&state.account, &user.path, &user.name),
        date(user.create_date),
        "false".to_owned(),
        "N/A".to_owned(),
        "N/A".to_owned(),
        "N/A".to_owned(),
        "false".to_owned(),
    ];
    cells.extend(credential_columns(keys));
    cells.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_aws_writes_them() {
        let t = OffsetDateTime::from_unix_timestamp(1_412_145_986).unwrap();
        assert_eq!(date(t), "2014-10-01T06:46:26+00:00");
    }

    #[test]
    fn a_user_without_keys_reads_false_and_na() {
        assert_eq!(
            credential_columns(&[]).join(","),
            "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"
        );
    }

    #[test]
    fn reports_expire_after_four_hours() {
        let generated = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let report = Report {
            generated,
            content: String::new(),
        };
        assert!(!report.expired(generated + time::Duration::seconds(4 * 3600 - 1)));
        assert!(report.expired(generated + time::Duration::hours(4)));
    }
}

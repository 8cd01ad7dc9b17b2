//! `keyward keys audit`: every IAM user's access keys, their age and last use, against the
//! rotation rules the guides give (90 days, no unused keys, one active key per user, no root
//! keys).

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::live::http::Http;
use crate::live::query::{self, Service};
use crate::model::{mask, Finding, StaticCredentials};
use crate::xml::Node;

/// Pages of `ListUsers`/`ListAccessKeys` followed at most, so a misbehaving server cannot loop.
const MAX_PAGES: usize = 1000;

/// The audit's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Keys older than this are reported.
    pub max_age: Duration,
    /// Active keys unused for this long (or never used and older than this) are reported.
    pub unused: Duration,
}

/// Finding codes of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuditCode {
    /// Older than the maximum age.
    KeyTooOld,
    /// Active and never used.
    KeyNeverUsed,
    /// Active and not used for longer than allowed.
    KeyUnused,
    /// A user with two active keys: a rotation left half done.
    TwoActiveKeys,
    /// The account's root user has access keys.
    RootKeysPresent,
}

/// One key as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyRow {
    /// Owner.
    pub user: String,
    /// Masked key id.
    pub access_key_id: String,
    /// `Active` or `Inactive`.
    pub status: String,
    /// Creation time (RFC 3339).
    pub created: String,
    /// Whole days since creation.
    pub age_days: i64,
    /// Last use (RFC 3339), if ever.
    pub last_used: Option<String>,
    /// Service of the last use.
    pub last_used_service: Option<String>,
}

/// One audit finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditFinding {
    /// Code.
    pub code: AuditCode,
    /// User concerned (`<root>` for the root user).
    pub user: String,
    /// Masked key id, when about one key.
    pub access_key_id: Option<String>,
    /// Explanation.
    pub message: String,
}

/// Result of an audit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Every key.
    pub keys: Vec<KeyRow>,
    /// What breaks the rules.
    pub findings: Vec<AuditFinding>,
    /// What could not be checked, and why.
    pub notes: Vec<String>,
}

struct Listed {
    user: String,
    id: String,
    status: String,
    created: OffsetDateTime,
    last_used: Option<OffsetDateTime>,
    service: Option<String>,
}

/// Lists and judges every key; an error of a listing call aborts with its finding.
pub async fn audit(
    http: &Http,
    iam: Service<'_>,
    keys: &StaticCredentials,
    rules: Rules,
    now: OffsetDateTime,
) -> Result<AuditReport, Finding> {
    let caller = Caller { http, iam, keys };
    let call = |action: &'static str, params: Vec<(String, String)>| caller.call(action, params);
    let mut users = Vec::new();
    let mut marker: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut params = Vec::new();
        if let Some(m) = &marker {
            params.push(("Marker".to_owned(), m.clone()));
        }
        let page = call("ListUsers", params).await?;
        users.extend(
            page.find("Users")
                .into_iter()
                .flat_map(|u| u.children_named("member"))
                .filter_map(|m| m.text_of("UserName").map(str::to_owned)),
        );
        marker = next_marker(&page);
        if marker.is_none() {
            break;
        }
    }
    let mut listed = Vec::new();
    for user in &users {
        let mut marker: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut params = vec![("UserName".to_owned(), user.clone())];
            if let Some(m) = &marker {
                params.push(("Marker".to_owned(), m.clone()));
            }
            let page = call("ListAccessKeys", params).await?;
            for m in page
                .find("AccessKeyMetadata")
                .into_iter()
                .flat_map(|k| k.children_named("member"))
            {
                let (Some(id), Some(created)) = (
                    m.text_of("AccessKeyId"),
                    m.text_of("CreateDate").and_then(parse_time),
                ) else {
                    continue;
                };
                let used = call(
                    "GetAccessKeyLastUsed",
                    vec![("AccessKeyId".to_owned(), id.to_owned())],
                )
                .await?;
                listed.push(Listed {
                    user: user.clone(),
                    id: id.to_owned(),
                    status: m.text_of("Status").unwrap_or("Active").to_owned(),
                    created,
                    last_used: used.text_of("LastUsedDate").and_then(parse_time),
                    service: used
                        .text_of("ServiceName")
                        .filter(|s| *s != "N/A")
                        .map(str::to_owned),
                });
            }
            marker = next_marker(&page);
            if marker.is_none() {
                break;
            }
        }
    }
    let mut report = judge(&listed, rules, now);
    match call("GetAccountSummary", Vec::new()).await {
        Ok(summary) => {
            if summary_value(&summary, "AccountAccessKeysPresent").is_some_and(|v| v > 0) {
                report.findings.push(AuditFinding {
                    code: AuditCode::RootKeysPresent,
                    user: "<root>".to_owned(),
                    access_key_id: None,
                    message:
                        "the root user has access keys; delete them and use IAM users or roles"
                            .to_owned(),
                });
            }
        }
        Err(f) => report.notes.push(format!(
            "root keys not checked: GetAccountSummary failed ({})",
            f.message
        )),
    }
    Ok(report)
}

/// The signed IAM client of one audit.
struct Caller<'a> {
    http: &'a Http,
    iam: Service<'a>,
    keys: &'a StaticCredentials,
}

impl Caller<'_> {
    async fn call(&self, action: &str, params: Vec<(String, String)>) -> Result<Node, Finding> {
        query::call(self.http, self.iam, Some(self.keys), action, &params)
            .await
            .result
            .map_err(|e| {
                query::finding(
                    &e,
                    &format!("iam:{action}"),
                    self.iam.url,
                    &self.keys.access_key_id.masked(),
                )
            })
    }
}

fn next_marker(page: &Node) -> Option<String> {
    (page.text_of("IsTruncated") == Some("true"))
        .then(|| page.text_of("Marker").map(str::to_owned))
        .flatten()
}

fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

fn summary_value(summary: &Node, key: &str) -> Option<i64> {
    summary
        .find("SummaryMap")?
        .children_named("entry")
        .find(|e| e.text_of("key") == Some(key))?
        .text_of("value")?
        .parse()
        .ok()
}

fn judge(listed: &[Listed], rules: Rules, now: OffsetDateTime) -> AuditReport {
    let mut report = AuditReport::default();
    for k in listed {
        let masked = mask(&k.id);
        let age = now - k.created;
        let active = k.status == "Active";
        let mut finding = |code, message: String| {
            report.findings.push(AuditFinding {
                code,
                user: k.user.clone(),
                access_key_id: Some(masked.clone()),
                message,
            });
        };
        if age > rules.max_age {
            finding(
                AuditCode::KeyTooOld,
                format!(
                    "created {} days ago (maximum {}); rotate it",
                    age.whole_days(),
                    rules.max_age.whole_days()
                ),
            );
        }
        match k.last_used {
            None if active && age > rules.unused => finding(
                AuditCode::KeyNeverUsed,
                format!(
                    "active for {} days and never used; deactivate and delete it",
                    age.whole_days()
                ),
            ),
            Some(used) if active && now - used > rules.unused => finding(
                AuditCode::KeyUnused,
                format!(
                    "last used {} days ago; deactivate it if nothing needs it",
                    (now - used).whole_days()
                ),
            ),
            _ => {}
        }
        report.keys.push(KeyRow {
            user: k.user.clone(),
            access_key_id: masked,
            status: k.status.clone(),
            created: k.created.format(&Rfc3339).unwrap_or_default(),
            age_days: age.whole_days(),
            last_used: k.last_used.and_then(|u| u.format(&Rfc3339).ok()),
            last_used_service: k.service.clone(),
        });
    }
    let mut users: Vec<&str> = listed.iter().map(|k| k.user.as_str()).collect();
    users.dedup();
    for user in users {
        let active = listed
            .iter()
            .filter(|k| k.user == user && k.status == "Active")
            .count();
        if active > 1 {
            report.findings.push(AuditFinding {
                code: AuditCode::TwoActiveKeys,
                user: user.to_owned(),
                access_key_id: None,
                message: "two active access keys: finish the rotation by deactivating the old one"
                    .to_owned(),
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn key(user: &str, id: &str, created: OffsetDateTime, used: Option<OffsetDateTime>) -> Listed {
        Listed {
            user: user.to_owned(),
            id: id.to_owned(),
            status: "Active".to_owned(),
            created,
            last_used: used,
            service: None,
        }
    }

    #[test]
    fn judges_age_use_and_rotation() {
        let now = datetime!(2026-06-01 00:00 UTC);
        let rules = Rules {
            max_age: Duration::days(90),
            unused: Duration::days(30),
        };
        let listed = [
            key(
                "old",
                "AKIAOLD0000000000001",
                datetime!(2025-01-01 00:00 UTC),
                Some(now),
            ),
            key(
                "idle",
                "AKIAIDLE000000000001",
                datetime!(2026-04-01 00:00 UTC),
                None,
            ),
            key(
                "two",
                "AKIATWO0000000000001",
                datetime!(2026-05-30 00:00 UTC),
                None,
            ),
            key(
                "two",
                "AKIATWO0000000000002",
                datetime!(2026-05-30 00:00 UTC),
                None,
            ),
        ];
        let codes: Vec<AuditCode> = judge(&listed, rules, now)
            .findings
            .iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(
            codes,
            [
                AuditCode::KeyTooOld,
                AuditCode::KeyNeverUsed,
                AuditCode::TwoActiveKeys
            ]
        );
    }
}

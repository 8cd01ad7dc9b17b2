//! The AWS managed policy catalog (`arn:aws:iam::aws:policy/…`): the public documents of
//! AWS's own policies, embedded in the binary from `data/aws-managed-policies.json` (written
//! by `scripts/import-aws-managed-policies.py`). The file is parsed on first use, not at
//! start-up, so serving requests that never touch it costs nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::arn::{IamArn, IamResourceType};

const DATA: &str = include_str!("../../data/aws-managed-policies.json");

/// One AWS managed policy with its default version.
#[derive(Debug)]
pub struct AwsPolicy {
    /// Policy name, e.g. `AdministratorAccess`.
    pub name: String,
    /// IAM path, e.g. `/` or `/service-role/`.
    pub path: String,
    /// The `arn:aws:iam::aws:policy…` ARN.
    pub arn: String,
    /// A stable `ANPA…` id derived from the name (AWS's real ids are not in the export).
    pub id: String,
    /// The default version id, e.g. `v6`.
    pub default_version_id: String,
    /// When AWS created the policy.
    pub create_date: OffsetDateTime,
    /// When AWS last changed its default version.
    pub update_date: OffsetDateTime,
    /// The default version's document, JSON text.
    pub document: String,
}

/// The parsed catalog: policies sorted by name, indexed by ARN.
pub struct Catalog {
    /// Every policy, sorted by name.
    pub policies: Vec<AwsPolicy>,
    by_arn: HashMap<String, usize>,
}

impl Catalog {
    /// The policy with this ARN, if AWS has one.
    pub fn get(&self, arn: &str) -> Option<&AwsPolicy> {
        self.by_arn.get(arn).and_then(|&i| self.policies.get(i))
    }
}

/// The catalog, parsed on first use.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| parse(DATA))
}

/// A base32 id from a 64-bit FNV-1a hash of the name, so ids are stable across runs.
fn derived_id(name: &str) -> String {
    const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut id = String::from("ANPA");
    for i in 0..17 {
        let idx = ((hash >> ((i * 5) % 60)) & 31) as usize;
        id.push(char::from(BASE32.get(idx).copied().unwrap_or(b'A')));
    }
    id
}

fn date(v: &Value) -> OffsetDateTime {
    v.as_str()
        .and_then(|s| OffsetDateTime::parse(s, &Rfc3339).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Parses the embedded file; entries missing a field are skipped (the file is generated, so
/// this only guards against a hand edit).
fn parse(text: &str) -> Catalog {
    let entries: Vec<Value> = serde_json::from_str(text).unwrap_or_default();
    let mut policies: Vec<AwsPolicy> = entries
        .iter()
        .filter_map(|e| {
            let name = e.get("name")?.as_str()?.to_owned();
            let path = e.get("path")?.as_str()?.to_owned();
            Some(AwsPolicy {
                arn: IamArn::new(IamResourceType::Policy, "aws", &path, &name).to_string(),
                id: derived_id(&name),
                default_version_id: e.get("default_version_id")?.as_str()?.to_owned(),
                create_date: date(e.get("create_date")?),
                update_date: date(e.get("update_date")?),
                document: e.get("document")?.as_str()?.to_owned(),
                name,
                path,
            })
        })
        .collect();
    policies.sort_by(|a, b| a.name.cmp(&b.name));
    let by_arn = policies
        .iter()
        .enumerate()
        .map(|(i, p)| (p.arn.clone(), i))
        .collect();
    Catalog { policies, by_arn }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_guides_policies_are_in_the_catalog() {
        let c = super::catalog();
        assert!(c.policies.len() > 1000);
        for name in [
            "AdministratorAccess",
            "AmazonKeyspacesReadOnlyAccess",
            "AmazonBraketFullAccess",
            "AmazonBedrockFullAccess",
        ] {
            let p = c
                .get(&format!("arn:aws:iam::aws:policy/{name}"))
                .unwrap_or_else(|| panic!("{name} missing"));
            assert!(p.document.contains("\"Statement\""));
            assert!(p.id.starts_with("ANPA") && p.id.len() == 21);
        }
        assert!(c
            .get("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
            .is_some());
    }
}

//! The vendored Service Authorization Reference: per IAM service prefix, its actions (access
//! level, resource types, condition keys, dependent actions) and resource types (ARN templates).
//! Each service is a gzip member of one embedded blob, decompressed and parsed on first use, so a
//! gateway that sees three services never inflates the other four hundred.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::sync::{LazyLock, OnceLock};

use serde::Deserialize;

use crate::AccessLevel;

const BLOB: &[u8] = include_bytes!("../data/service-authorization.bin");
const INDEX: &str = include_str!("../data/service-authorization-index.json");

/// One action of the reference.
#[derive(Debug, Deserialize)]
pub(crate) struct SarAction {
    /// Access level, one letter (`L`, `R`, `W`, `P`, `T`).
    #[serde(rename = "l")]
    level: char,
    /// Resource types and whether each is required.
    #[serde(rename = "r", default)]
    pub(crate) resources: Vec<(String, u8)>,
    /// The service's own condition keys the action supports.
    #[serde(rename = "c", default)]
    pub(crate) conditions: Vec<String>,
    /// Actions AWS also requires.
    #[serde(rename = "d", default)]
    pub(crate) dependent: Vec<String>,
}

impl SarAction {
    pub(crate) fn access_level(&self) -> AccessLevel {
        match self.level {
            'L' => AccessLevel::List,
            'R' => AccessLevel::Read,
            'P' => AccessLevel::PermissionsManagement,
            'T' => AccessLevel::Tagging,
            // The import script writes only these five letters; an unknown one is treated as
            // the broadest level rather than as read-only.
            _ => AccessLevel::Write,
        }
    }

    #[cfg(test)]
    pub(crate) fn lists_condition(&self, key: &str) -> bool {
        self.conditions.iter().any(|c| c.eq_ignore_ascii_case(key))
    }
}

/// One service of the reference.
#[derive(Debug, Deserialize)]
pub(crate) struct SarService {
    /// Actions by name (`GetObject`).
    #[serde(rename = "a")]
    pub(crate) actions: BTreeMap<String, SarAction>,
    /// ARN templates by resource type (`object` → `arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
    #[serde(rename = "t")]
    pub(crate) resource_types: BTreeMap<String, String>,
}

type Index = BTreeMap<String, (usize, usize)>;

static PREFIXES: LazyLock<Index> =
    // The index is checked by the crate's tests; a broken one serves no service (fail closed).
    LazyLock::new(|| serde_json::from_str(INDEX).unwrap_or_default());

static SERVICES: LazyLock<HashMap<&'static str, OnceLock<Option<SarService>>>> =
    LazyLock::new(|| {
        PREFIXES
            .keys()
            .map(|prefix| (prefix.as_str(), OnceLock::new()))
            .collect()
    });

/// The reference's spelling of `prefix`, when it has that service.
pub(crate) fn known_prefix(prefix: &str) -> Option<&'static str> {
    PREFIXES
        .get_key_value(prefix)
        .map(|(name, _)| name.as_str())
}

/// Every service prefix of the reference.
#[cfg(test)]
pub(crate) fn prefixes() -> impl Iterator<Item = &'static str> {
    PREFIXES.keys().map(String::as_str)
}

/// The service `prefix`, decompressed on first use; `None` if the reference has no such service.
pub(crate) fn service(prefix: &str) -> Option<&'static SarService> {
    let slot = SERVICES.get(prefix)?;
    slot.get_or_init(|| {
        let (offset, length) = *PREFIXES.get(prefix)?;
        let member = BLOB.get(offset..offset.checked_add(length)?)?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(member)
            .read_to_string(&mut text)
            .ok()?;
        serde_json::from_str(&text).ok()
    })
    .as_ref()
}

/// The action `prefix:name`, e.g. `("s3", "GetObject")`.
pub(crate) fn action(prefix: &str, name: &str) -> Option<&'static SarAction> {
    service(prefix)?.actions.get(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_of_the_index_loads() {
        assert!(prefixes().count() > 400);
        for prefix in prefixes() {
            let loaded = service(prefix).unwrap_or_else(|| panic!("{prefix} does not load"));
            for (name, action) in &loaded.actions {
                assert!("LRWPT".contains(action.level), "{prefix}:{name}");
                for (resource_type, _) in &action.resources {
                    assert!(
                        loaded.resource_types.contains_key(resource_type),
                        "{prefix}:{name} names resource type {resource_type} without an ARN"
                    );
                }
            }
        }
    }

    #[test]
    fn s3_facts_match_the_reference() {
        let get = action("s3", "GetObject").unwrap();
        assert_eq!(get.access_level(), AccessLevel::Read);
        assert!(get.resources.iter().any(|(t, _)| t == "object"));
        let list = action("s3", "ListBucket").unwrap();
        assert_eq!(list.access_level(), AccessLevel::List);
        assert!(list.lists_condition("s3:prefix"));
        assert_eq!(
            service("s3")
                .unwrap()
                .resource_types
                .get("object")
                .map(String::as_str),
            Some("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
        );
        assert!(service("no-such-service").is_none());
    }
}

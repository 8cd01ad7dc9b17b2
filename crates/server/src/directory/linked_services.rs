//! The AWS services that have a service-linked role, embedded from
//! `data/service-linked-roles.json`: each service principal's role name, the AWS managed policy
//! IAM attaches to the role, and whether `CreateServiceLinkedRole` takes a `CustomSuffix` for
//! it. The file records its source (AWS's documentation); it is parsed on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

const DATA: &str = include_str!("../../data/service-linked-roles.json");

/// One service that has a service-linked role.
#[derive(Debug)]
pub(crate) struct LinkedService {
    /// The service principal, e.g. `ecs.amazonaws.com`.
    pub(crate) service: String,
    /// The role's name without a suffix, e.g. `AWSServiceRoleForECS`.
    pub(crate) role_name: String,
    /// The name of the AWS managed policy (under `/aws-service-role/`) the role gets.
    pub(crate) policy: String,
    /// Whether the service accepts a `CustomSuffix` (a second role of its kind).
    pub(crate) custom_suffix: bool,
}

/// The services, by service principal, parsed on first use.
fn services() -> &'static HashMap<String, LinkedService> {
    static SERVICES: OnceLock<HashMap<String, LinkedService>> = OnceLock::new();
    SERVICES.get_or_init(|| parse(DATA))
}

/// The service-linked role of this service principal, if AWS defines one (case-insensitive,
/// as service principals are).
pub(crate) fn linked_service(service: &str) -> Option<&'static LinkedService> {
    services().get(&service.to_ascii_lowercase())
}

/// Parses the embedded file; entries missing a field are skipped (the file is written by
/// hand, and a unit test checks every entry is whole).
fn parse(text: &str) -> HashMap<String, LinkedService> {
    let root: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let entries = root
        .get("services")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    entries
        .iter()
        .filter_map(|e| {
            let service = LinkedService {
                service: e.get("service")?.as_str()?.to_owned(),
                role_name: e.get("role_name")?.as_str()?.to_owned(),
                policy: e.get("policy")?.as_str()?.to_owned(),
                custom_suffix: e.get("custom_suffix")?.as_bool()?,
            };
            Some((service.service.to_ascii_lowercase(), service))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::catalog::catalog;

    #[test]
    fn every_entry_is_whole_and_its_policy_is_in_the_catalog() {
        let root: Value = serde_json::from_str(DATA).unwrap();
        let listed = root["services"].as_array().unwrap().len();
        assert_eq!(services().len(), listed);
        assert!(root["source"]
            .as_str()
            .unwrap()
            .contains("docs.aws.amazon.com"));
        for s in services().values() {
            let arn = format!("arn:aws:iam::aws:policy/aws-service-role/{}", s.policy);
            assert!(catalog().get(&arn).is_some(), "{arn} is not in the catalog");
            assert!(
                s.role_name.starts_with("AWSServiceRoleFor"),
                "{}",
                s.role_name
            );
        }
    }

    #[test]
    fn the_guides_services_are_there() {
        for service in [
            "spot.amazonaws.com",
            "ecs.amazonaws.com",
            "eks.amazonaws.com",
            "elasticloadbalancing.amazonaws.com",
            "autoscaling.amazonaws.com",
            "rds.amazonaws.com",
            "organizations.amazonaws.com",
            "support.amazonaws.com",
            "trustedadvisor.amazonaws.com",
            "replication.cassandra.amazonaws.com",
            "network.bedrock-agentcore.amazonaws.com",
            "braket.amazonaws.com",
        ] {
            assert!(linked_service(service).is_some(), "{service}");
        }
        assert!(linked_service("ECS.amazonaws.com").is_some());
        assert!(
            linked_service("autoscaling.amazonaws.com")
                .unwrap()
                .custom_suffix
        );
        assert!(!linked_service("ecs.amazonaws.com").unwrap().custom_suffix);
    }
}

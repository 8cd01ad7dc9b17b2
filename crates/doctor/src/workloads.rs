//! The permission sets of the three guides in the project's seed material, as actions *with*
//! their resources, so that `--workload braket` checks what the guide's own policy grants: the
//! S3 actions on the results bucket, not on `*`. The data lives in `data/workloads.json`, one
//! entry per guide statement; every check carries the statement it comes from.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One workload: the guide, its policy, the parameters its resources take, and its statements.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Workload {
    /// The guide the policy is taken from.
    pub guide: String,
    /// Which policy of the guide.
    pub policy: String,
    /// Parameter name → the guide's placeholder, used when the flag is not given.
    pub parameters: BTreeMap<String, String>,
    /// The policy's statements, in the guide's order.
    pub statements: Vec<Statement>,
}

/// One statement of a guide's policy and the checks it stands for.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Statement {
    /// What the statement grants, in a few words.
    pub summary: String,
    /// Actions with resource templates.
    pub checks: Vec<CheckTemplate>,
}

/// An action and its resource, with `{parameter}` placeholders.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct CheckTemplate {
    /// e.g. `s3:GetObject`.
    pub action: String,
    /// e.g. `arn:aws:s3:::{bucket}/*`; `{account}` is the caller's account, filled in live.
    pub resource: String,
    /// Why the workload needs this resource, when the statement alone does not say.
    #[serde(default)]
    pub why: Option<String>,
}

/// A check ready to simulate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedCheck {
    /// Action.
    pub action: String,
    /// Resource, parameters filled in (`{account}` may remain).
    pub resource: String,
    /// The guide statement it comes from, for the report.
    pub statement: String,
}

/// Why a workload's parameters cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkloadError {
    /// A parameter flag the workload does not take.
    #[error("--{given} is not a parameter of the {workload} workload, which takes {takes}")]
    UnknownParameter {
        /// The flag given.
        given: String,
        /// The workload.
        workload: String,
        /// The flags it takes.
        takes: String,
    },
    /// A value that would change the shape of the ARN.
    #[error("--{name} {value:?} cannot be part of a resource ARN (no `*`, `?`, `{{`, `}}` or whitespace)")]
    InvalidValue {
        /// The parameter.
        name: String,
        /// The value given.
        value: String,
    },
}

const DATA: &str = include_str!("../data/workloads.json");

/// Every known workload by name.
pub fn all() -> BTreeMap<String, Workload> {
    serde_json::from_str(DATA).unwrap_or_default()
}

/// One workload by name.
pub fn get(name: &str) -> Option<Workload> {
    all().remove(name)
}

impl Workload {
    /// The checks with `given` parameters (name → value) filled in; parameters not given take
    /// the guide's placeholder. `{account}` is left for the live checks, which learn it from
    /// `GetCallerIdentity`.
    pub fn plan(
        &self,
        name: &str,
        given: &BTreeMap<String, String>,
    ) -> Result<Vec<PlannedCheck>, WorkloadError> {
        let mut values = self.parameters.clone();
        for (k, v) in given {
            if !self.parameters.contains_key(k) {
                return Err(WorkloadError::UnknownParameter {
                    given: k.clone(),
                    workload: name.to_owned(),
                    takes: self
                        .parameters
                        .keys()
                        .map(|p| format!("--{p}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            if v.is_empty() || v.contains(['*', '?', '{', '}']) || v.contains(char::is_whitespace) {
                return Err(WorkloadError::InvalidValue {
                    name: k.clone(),
                    value: v.clone(),
                });
            }
            values.insert(k.clone(), v.clone());
        }
        let mut out = Vec::new();
        for (i, st) in self.statements.iter().enumerate() {
            let statement = format!(
                "{}, {}, statement {} ({})",
                self.guide,
                self.policy,
                i + 1,
                st.summary
            );
            for c in &st.checks {
                let mut resource = c.resource.clone();
                for (k, v) in &values {
                    resource = resource.replace(&format!("{{{k}}}"), v);
                }
                let statement = match &c.why {
                    Some(why) => format!("{statement}; {why}"),
                    None => statement.clone(),
                };
                out.push(PlannedCheck {
                    action: c.action.clone(),
                    resource,
                    statement,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn given(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_three_guides_are_listed_with_placeholders_for_every_parameter() {
        let all = all();
        assert_eq!(
            all.keys().map(String::as_str).collect::<Vec<_>>(),
            ["bedrock", "braket", "keyspaces"]
        );
        for (name, w) in &all {
            let checks = w.plan(name, &BTreeMap::new()).unwrap();
            assert!(!checks.is_empty());
            for c in &checks {
                let left = c.resource.replace("{account}", "");
                assert!(!left.contains('{'), "{name}: {} unfilled", c.resource);
            }
        }
    }

    #[test]
    fn braket_checks_s3_on_the_bucket_with_the_guides_placeholder() {
        let checks = get("braket")
            .unwrap()
            .plan("braket", &BTreeMap::new())
            .unwrap();
        assert_eq!(checks.len(), 12);
        let by_action: BTreeMap<&str, &PlannedCheck> =
            checks.iter().map(|c| (c.action.as_str(), c)).collect();
        assert_eq!(
            by_action["s3:GetObject"].resource,
            "arn:aws:s3:::your-braket-results-bucket/*"
        );
        assert_eq!(
            by_action["s3:ListBucket"].resource,
            "arn:aws:s3:::your-braket-results-bucket"
        );
        assert_eq!(by_action["braket:CreateQuantumTask"].resource, "*");
        assert!(by_action["s3:PutObject"]
            .statement
            .contains("statement 2 (the results bucket)"));
        assert!(by_action["pricing:GetProducts"]
            .statement
            .contains("statement 3"));
    }

    #[test]
    fn parameters_replace_placeholders() {
        let checks = get("braket")
            .unwrap()
            .plan("braket", &given(&[("bucket", "my-results")]))
            .unwrap();
        assert!(checks
            .iter()
            .any(|c| c.resource == "arn:aws:s3:::my-results/*"));
        let bedrock = get("bedrock")
            .unwrap()
            .plan(
                "bedrock",
                &given(&[
                    ("model", "amazon.titan-text-express-v1"),
                    ("region", "eu-central-1"),
                ]),
            )
            .unwrap();
        assert_eq!(
            bedrock[0].resource,
            "arn:aws:bedrock:eu-central-1::foundation-model/amazon.titan-text-express-v1"
        );
    }

    #[test]
    fn read_only_keyspaces_is_select_only() {
        let checks = get("keyspaces")
            .unwrap()
            .plan("keyspaces", &given(&[("keyspace", "catalog")]))
            .unwrap();
        assert!(checks.iter().all(|c| c.action == "cassandra:Select"));
        assert!(checks.iter().any(
            |c| c.resource == "arn:aws:cassandra:us-east-1:{account}:/keyspace/catalog/table/*"
        ));
        assert!(checks
            .iter()
            .any(|c| c.resource.ends_with("/keyspace/system/table/local")));
    }

    #[test]
    fn a_parameter_of_another_workload_is_refused() {
        let err = get("keyspaces")
            .unwrap()
            .plan("keyspaces", &given(&[("bucket", "b")]))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--bucket is not a parameter of the keyspaces workload, which takes --keyspace, --region"
        );
        let err = get("braket")
            .unwrap()
            .plan("braket", &given(&[("bucket", "b*")]))
            .unwrap_err();
        assert!(matches!(err, WorkloadError::InvalidValue { .. }));
    }
}

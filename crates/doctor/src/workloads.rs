//! The permission sets the guides in the project's seed material list, so `--workload braket`
//! checks what a Braket user actually needs. The data lives in `data/workloads.json`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One workload: where its list comes from, and the actions.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Workload {
    /// The guide the actions are taken from.
    pub guide: String,
    /// Actions the workload needs.
    pub actions: Vec<String>,
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_three_guides_are_listed() {
        let all = super::all();
        assert_eq!(
            all.keys().map(String::as_str).collect::<Vec<_>>(),
            ["bedrock", "braket", "keyspaces"]
        );
        assert!(all.values().all(|w| !w.actions.is_empty()));
    }
}

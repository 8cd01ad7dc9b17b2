//! Loads a case of `tests/data/doctor/` into an in-memory machine: environment, files under a
//! fixed HOME, and the command-line overrides.

use std::fs;
use std::path::{Path, PathBuf};

use keyward_doctor::{Environment, MemoryFileSystem, Overrides};
use serde_json::Value;

/// HOME of every fixture machine.
pub const HOME: &str = "/home/fixture";
/// Stand-in for the botocore harness's local stub server; never contacted by the resolver.
pub const STUB: &str = "http://127.0.0.1:1";

/// Directory holding the cases.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/doctor")
}

/// Replaces `{home}` and `{stub}`.
pub fn fill(s: &str) -> String {
    s.replace("{home}", HOME).replace("{stub}", STUB)
}

/// A loaded case.
pub struct Case {
    pub env: Environment,
    pub files: MemoryFileSystem,
    pub overrides: Overrides,
    pub expected: Value,
}

fn read_json(dir: &Path, name: &str) -> Result<Value, String> {
    let text = fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))
}

/// Loads the case in `dir`.
pub fn load(dir: &Path) -> Result<Case, String> {
    let setup = read_json(dir, "env.json")?;
    let expected = read_json(dir, "expected.json")?;
    let mut vars: Vec<(String, String)> = vec![("HOME".into(), HOME.into())];
    for (k, v) in setup["env"].as_object().into_iter().flatten() {
        vars.push((k.clone(), fill(v.as_str().unwrap_or_default())));
    }
    let mut files = MemoryFileSystem::new();
    for entry in fs::read_dir(dir).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "env.json" || name == "expected.json" {
            continue;
        }
        let text = fs::read_to_string(entry.path()).map_err(|e| e.to_string())?;
        let path = match name.as_str() {
            "config" | "credentials" => format!("{HOME}/.aws/{name}"),
            other => format!("{HOME}/{other}"),
        };
        files.insert(path, fill(&text));
    }
    let arg = |k: &str| setup["args"][k].as_str().map(str::to_owned);
    Ok(Case {
        env: Environment::from_pairs(vars),
        files,
        overrides: Overrides {
            profile: arg("profile"),
            region: arg("region"),
            endpoint_url: arg("endpoint_url"),
        },
        expected,
    })
}

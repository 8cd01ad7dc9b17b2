//! Runs the resolver on every case of `tests/data/doctor/` and compares it with the case's
//! `expected.json` — the same expectations `tests/conformance/test_doctor_botocore.py` checks
//! botocore against.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::fill;
use keyward_doctor::model::Severity;
use keyward_doctor::{resolve, Input};
use serde_json::{json, Map, Value};
use time::macros::datetime;

fn run_case(dir: &Path) -> Result<(), String> {
    let case = common::load(dir)?;
    let expected = case.expected;
    let input = Input {
        env: &case.env,
        files: &case.files,
        overrides: &case.overrides,
        now: datetime!(2026-01-01 00:00 UTC),
    };
    let r = resolve(&input);
    let creds = r.credentials.as_ref();
    let error = if creds.is_none() {
        r.findings
            .iter()
            .find(|f| f.severity == Severity::Error && f.code.as_str() != "no-region")
            .map(|f| f.code.as_str())
    } else {
        None
    };
    let mut actual = Map::new();
    actual.insert("source".into(), json!(creds.map(|c| c.source.as_str())));
    actual.insert(
        "profile".into(),
        json!(creds.and_then(|c| c.profile.clone())),
    );
    actual.insert("selected_profile".into(), json!(r.profile.value));
    actual.insert(
        "access_key_id".into(),
        json!(creds.and_then(|c| c.access_key_id()).map(|k| k.masked())),
    );
    actual.insert(
        "location".into(),
        json!(creds.map(|c| c.location.to_string())),
    );
    actual.insert(
        "region".into(),
        json!(r.region.as_ref().map(|x| x.value.clone())),
    );
    actual.insert(
        "region_source".into(),
        json!(r.region.as_ref().map(|x| x.location.to_string())),
    );
    actual.insert("endpoint".into(), json!(r.sts_endpoint.value));
    actual.insert(
        "endpoint_source".into(),
        json!(r.sts_endpoint.location.to_string()),
    );
    actual.insert("error".into(), json!(error));
    let mut problems = Vec::new();
    for (key, want) in expected.as_object().into_iter().flatten() {
        match key.as_str() {
            "botocore" => {}
            "findings" => {
                let have: BTreeSet<&str> = r.findings.iter().map(|f| f.code.as_str()).collect();
                for code in want.as_array().into_iter().flatten() {
                    let code = code.as_str().unwrap_or_default();
                    if !have.contains(code) {
                        problems.push(format!("finding {code} missing (have {have:?})"));
                    }
                }
            }
            "differences" => {
                let have: BTreeSet<&str> = r.differences.iter().map(|d| d.sdk.as_str()).collect();
                let want: BTreeSet<&str> = want
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                if have != want {
                    problems.push(format!(
                        "differences: want {want:?}, have {have:?} ({:?})",
                        r.differences
                    ));
                }
            }
            _ => {
                let want = match want {
                    Value::String(s) => Value::String(fill(s)),
                    other => other.clone(),
                };
                let have = actual.get(key).cloned().unwrap_or(Value::Null);
                if have != want {
                    problems.push(format!("{key}: want {want}, have {have}"));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn every_fixture_resolves_as_expected() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(common::cases_dir())
        .expect("tests/data/doctor exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 40, "the matrix has at least 40 cases");
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| {
            run_case(d).err().map(|e| {
                format!(
                    "{}: {e}",
                    d.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}

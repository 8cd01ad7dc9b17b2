//! `keyward policy validate` against policy files: the guides' policies are clean, and each
//! bad policy in `tests/data/policies/bad/` yields exactly the findings its
//! `NAME.expected.json` lists (severity, code, line, column), with exit status 1 exactly when
//! one of them is an error.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const MINIMUM_BAD_POLICIES: usize = 15;

fn data(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data")
        .join(dir)
}

fn policy_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    files.sort();
    files
}

fn keyward(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keyward"))
        .args(args)
        .output()
        .expect("the keyward binary runs")
}

/// (severity, code, line, column) of each finding in a JSON report or expectation.
fn findings(report: &Value) -> Vec<(String, String, u64, u64)> {
    report
        .as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().expect("severity").to_owned(),
                f["code"].as_str().expect("code").to_owned(),
                f["line"].as_u64().expect("line"),
                f["column"].as_u64().expect("column"),
            )
        })
        .collect()
}

#[test]
fn guide_policies_are_clean() {
    let files = policy_files(&data("guides"));
    assert!(!files.is_empty(), "no guide policies found");
    for file in files {
        let path = file.to_str().expect("UTF-8 path");
        let out = keyward(&["policy", "validate", "--output", "json", path]);
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        let serious: Vec<_> = findings(&report)
            .into_iter()
            .filter(|(severity, ..)| severity == "error" || severity == "security_warning")
            .collect();
        assert!(serious.is_empty(), "{path}: {serious:?}");
        assert_eq!(out.status.code(), Some(0), "{path}");
    }
}

#[test]
fn bad_policies_have_their_expected_findings() {
    let files = policy_files(&data("policies/bad"));
    assert!(
        files.len() >= MINIMUM_BAD_POLICIES,
        "only {} bad policies",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let path = file.to_str().expect("UTF-8 path");
        let expected_path = file.with_extension("expected.json");
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let kind = expected["kind"].as_str().expect("kind");
        let want = findings(&expected["findings"]);
        assert!(
            !want.is_empty(),
            "{path}: a bad policy must expect a finding"
        );
        let out = keyward(&[
            "policy", "validate", "--kind", kind, "--output", "json", path,
        ]);
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{path}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
        let got = findings(&report);
        if got != want {
            failures.push(format!("{path}:\n  expected {want:?}\n  got      {got:?}"));
        }
        let has_error = want.iter().any(|(severity, ..)| severity == "error");
        if out.status.code() != Some(i32::from(has_error)) {
            failures.push(format!(
                "{path}: exit status {:?}, expected {}",
                out.status.code(),
                i32::from(has_error)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_output_is_file_line_column_severity_code_message() {
    let file = data("policies/bad/passrole-star.json");
    let path = file.to_str().expect("UTF-8 path");
    let out = keyward(&["policy", "validate", path]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(
        stdout,
        format!(
            "{path}:8:7: security_warning[PASS_ROLE_WITH_STAR_IN_RESOURCE]: Using the \
             iam:PassRole action with wildcards (*) in the resource can be overly permissive \
             because it allows iam:PassRole permissions on multiple resources. We recommend \
             that you specify resource ARNs or add the iam:PassedToService condition key to \
             your statement.\n"
        )
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unreadable_file_fails() {
    let out = keyward(&["policy", "validate", "/nonexistent/policy.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/policy.json"));
}

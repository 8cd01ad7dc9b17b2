//! `keyward doctor --offline` end to end: flags, exit status, the JSON schema, no secrets and no
//! colours when piped. Live checks are covered by tests/conformance/test_doctor_live.py.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn doctor(home: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keyward"))
        .arg("doctor")
        .arg("--offline")
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .envs(env.iter().copied())
        .output()
        .expect("keyward runs")
}

/// An empty HOME of this test's own, so no real ~/.aws is read.
struct Home(PathBuf);

impl Home {
    fn new(name: &str) -> Home {
        let dir =
            std::env::temp_dir().join(format!("keyward-doctor-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp HOME");
        Home(dir)
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_schema_exit_zero_and_masked_key() {
    let home = Home::new("schema");
    let out = doctor(
        &home.0,
        &[
            ("AWS_ACCESS_KEY_ID", KEY),
            ("AWS_SECRET_ACCESS_KEY", SECRET),
            ("AWS_DEFAULT_REGION", "eu-west-1"),
        ],
        &["--output", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "checks",
            "clock_skew_seconds",
            "credentials",
            "endpoint",
            "findings",
            "identity",
            "region"
        ]
    );
    assert_eq!(v["credentials"]["source"], "environment");
    assert_eq!(v["credentials"]["access_key_id"], "AKIA************MPLE");
    assert_eq!(v["region"]["source"], "AWS_DEFAULT_REGION");
    assert!(v["identity"].is_null() && v["clock_skew_seconds"].is_null());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains(SECRET) && !text.contains(KEY));
}

#[test]
fn profile_flag_and_error_exit() {
    let home = Home::new("profile");
    let out = doctor(&home.0, &[], &["--profile", "nope", "--output", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let codes: Vec<String> = json(&out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(codes.contains(&"profile-not-found".to_owned()), "{codes:?}");
}

#[test]
fn text_report_is_plain_when_piped() {
    let home = Home::new("plain");
    let out = doctor(
        &home.0,
        &[
            ("AWS_ACCESS_KEY_ID", KEY),
            ("AWS_SECRET_ACCESS_KEY", SECRET),
            ("AWS_REGION", "eu-west-1"),
        ],
        &[],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains('\x1b'), "{text}");
    assert!(text.contains("aws-region-ignored-by-boto3"), "{text}");
    assert!(!text.contains(SECRET));
    assert_eq!(out.status.code(), Some(0), "a warning only");
}

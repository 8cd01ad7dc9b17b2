//! `keyward policy simulate`: decisions, matched statements with their lines, reasons,
//! missing context keys, boundaries, and refusal of malformed context entries.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/policies/simulate")
        .join(name)
        .to_str()
        .expect("UTF-8 path")
        .to_owned()
}

fn simulate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keyward"))
        .args(["policy", "simulate", "--output", "json"])
        .args(args)
        .output()
        .expect("the keyward binary runs")
}

/// The single result of a one-request simulation, and the exit status.
fn one(args: &[&str]) -> (Value, Option<i32>) {
    let out = simulate(args);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let results = report.as_array().expect("an array of results");
    assert_eq!(results.len(), 1, "{report}");
    (results[0].clone(), out.status.code())
}

/// (sid, effect, line) of each matched statement.
fn matched(result: &Value) -> Vec<(String, String, u64)> {
    result["matched_statements"]
        .as_array()
        .expect("matched statements")
        .iter()
        .map(|m| {
            (
                m["sid"].as_str().unwrap_or_default().to_owned(),
                m["effect"].as_str().expect("effect").to_owned(),
                m["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn allowed_by_the_identity_policy() {
    let identity = fixture("identity.json");
    let (result, code) = one(&[
        "--policy",
        &identity,
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::docs/report.pdf",
    ]);
    assert_eq!(result["decision"], "allowed");
    assert_eq!(result["reason"], "allowed by an identity-based policy");
    assert_eq!(
        matched(&result),
        [("ReadDocs".to_owned(), "Allow".to_owned(), 4)]
    );
    assert_eq!(result["matched_statements"][0]["file"], identity.as_str());
    assert_eq!(code, Some(0));
}

#[test]
fn explicit_deny_wins_and_says_why() {
    let (result, code) = one(&[
        "--policy",
        &fixture("identity.json"),
        "--action",
        "s3:DeleteObject",
        "--resource",
        "arn:aws:s3:::docs/report.pdf",
    ]);
    assert_eq!(result["decision"], "explicitDeny");
    assert_eq!(
        result["reason"],
        "explicit deny in an identity-based policy"
    );
    assert_eq!(
        matched(&result),
        [
            ("ReadDocs".to_owned(), "Allow".to_owned(), 4),
            ("NoDeletes".to_owned(), "Deny".to_owned(), 10)
        ]
    );
    assert_eq!(
        result["access_denied_message"],
        "User: arn:aws:iam::123456789012:user/simulated is not authorized to perform: \
         s3:DeleteObject on resource: arn:aws:s3:::docs/report.pdf with an explicit deny in an \
         identity-based policy"
    );
    assert_eq!(code, Some(2));
}

#[test]
fn context_keys_decide_conditions() {
    let identity = fixture("identity.json");
    let base = ["--policy", &identity, "--action", "ec2:DescribeInstances"];

    let (result, code) = one(&base);
    assert_eq!(result["decision"], "implicitDeny");
    assert_eq!(
        result["missing_context_keys"],
        serde_json::json!(["aws:SourceIp"])
    );
    assert_eq!(code, Some(2));

    let inside = [&base[..], &["--context", "aws:SourceIp=ip:10.1.2.3"]].concat();
    let (result, code) = one(&inside);
    assert_eq!(result["decision"], "allowed");
    assert_eq!(
        matched(&result),
        [("Ec2FromOffice".to_owned(), "Allow".to_owned(), 16)]
    );
    assert_eq!(code, Some(0));

    let outside = [&base[..], &["--context", "aws:SourceIp=ip:192.168.1.1"]].concat();
    let (result, code) = one(&outside);
    assert_eq!(result["decision"], "implicitDeny");
    assert_eq!(result["missing_context_keys"], serde_json::json!([]));
    assert_eq!(code, Some(2));
}

#[test]
fn boundary_limits_what_the_identity_policy_allows() {
    let (result, code) = one(&[
        "--policy",
        &fixture("identity.json"),
        "--boundary",
        &fixture("boundary.json"),
        "--action",
        "ec2:DescribeInstances",
        "--context",
        "aws:SourceIp=ip:10.1.2.3",
    ]);
    assert_eq!(result["decision"], "implicitDeny");
    assert_eq!(result["decided_by"], "boundary");
    assert_eq!(
        result["reason"],
        "no permissions boundary allows ec2:DescribeInstances"
    );
    assert_eq!(code, Some(2));
}

#[test]
fn resource_policy_naming_the_caller_allows() {
    let (result, code) = one(&[
        "--resource-policy",
        &fixture("bucket-policy.json"),
        "--principal",
        "arn:aws:iam::123456789012:user/partner",
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::shared/data.csv",
    ]);
    assert_eq!(result["decision"], "allowed");
    assert_eq!(result["matched_statements"][0]["policy_type"], "resource");
    assert_eq!(code, Some(0));
}

#[test]
fn one_result_per_action_and_denied_if_any_is() {
    let out = simulate(&[
        "--policy",
        &fixture("identity.json"),
        "--action",
        "s3:GetObject",
        "--action",
        "s3:PutObject",
        "--resource",
        "arn:aws:s3:::docs/a",
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let decisions: Vec<&str> = report
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["decision"].as_str().expect("decision"))
        .collect();
    assert_eq!(decisions, ["allowed", "implicitDeny"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn malformed_context_is_refused() {
    let identity = fixture("identity.json");
    for (entry, why) in [
        (
            "aws:SourceIp=ipaddress:10.0.0.1",
            "unknown context key type \"ipaddress\"",
        ),
        ("aws:SourceIp=ip:10.0.0.300", "is not a valid ip value"),
        ("aws:SourceIp", "expected KEY=TYPE:VALUE"),
        (
            "aws:MultiFactorAuthAge=numeric:soon",
            "is not a valid numeric value",
        ),
    ] {
        let out = simulate(&[
            "--policy",
            &identity,
            "--action",
            "s3:GetObject",
            "--context",
            entry,
        ]);
        assert_eq!(out.status.code(), Some(1), "{entry}");
        assert!(out.stdout.is_empty(), "{entry}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(why), "{entry}: {stderr}");
    }
}

#[test]
fn unparseable_policy_is_refused() {
    let out = simulate(&[
        "--policy",
        &fixture("../bad/trailing-comma.json"),
        "--action",
        "s3:GetObject",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a policy document"));
}

/// The decision, the deciding policy type and the Sid of the deciding statement.
fn verdict(result: &Value) -> (String, String, String) {
    (
        result["decision"].as_str().expect("decision").to_owned(),
        result["decided_by"].as_str().unwrap_or_default().to_owned(),
        result["decided_by_statement"]["sid"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

fn v(decision: &str, by: &str, sid: &str) -> (String, String, String) {
    (decision.to_owned(), by.to_owned(), sid.to_owned())
}

const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

#[test]
fn kms_needs_the_key_policy() {
    let user = fixture("kms-user.json");
    let (result, code) = one(&[
        "--policy",
        &user,
        "--action",
        "kms:Decrypt",
        "--resource",
        KEY,
    ]);
    assert_eq!(verdict(&result), v("implicitDeny", "resource", ""));
    assert_eq!(result["service_rule"], "the KMS key policy must allow");
    assert_eq!(code, Some(2));
    let key_policy = fixture("key-policy.json");
    let (result, code) = one(&[
        "--policy",
        &user,
        "--resource-policy",
        &key_policy,
        "--action",
        "kms:Decrypt",
        "--resource",
        KEY,
    ]);
    assert_eq!(verdict(&result), v("allowed", "identity", "UseKeys"));
    assert_eq!(code, Some(0));
}

#[test]
fn assume_role_needs_the_trust_policy_and_get_caller_identity_nothing() {
    let user = fixture("kms-user.json");
    let role = "arn:aws:iam::123456789012:role/Target";
    let (result, _) = one(&[
        "--policy",
        &user,
        "--action",
        "sts:AssumeRole",
        "--resource",
        role,
    ]);
    assert_eq!(verdict(&result), v("implicitDeny", "trust", ""));
    let trust = fixture("trust-policy.json");
    let (result, _) = one(&[
        "--policy",
        &user,
        "--trust-policy",
        &trust,
        "--action",
        "sts:AssumeRole",
        "--resource",
        role,
    ]);
    assert_eq!(verdict(&result), v("allowed", "identity", "UseKeys"));
    let (result, code) = one(&["--action", "sts:GetCallerIdentity"]);
    assert_eq!(result["decision"], "allowed");
    assert_eq!(
        result["reason"],
        "allowed: sts:GetCallerIdentity requires no permission"
    );
    assert_eq!(code, Some(0));
}

#[test]
fn scp_region_lock_applies_at_its_level() {
    let identity = fixture("identity.json");
    let root = fixture("scp-full-access.json");
    let lock = fixture("scp-region-lock.json");
    let run = |region: &str, principal: &str| {
        one(&[
            "--policy",
            &identity,
            "--scp",
            &root,
            "--scp",
            &lock,
            "--principal",
            principal,
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::docs/a.pdf",
            "--context",
            &format!("aws:RequestedRegion=string:{region}"),
        ])
        .0
    };
    let user = "arn:aws:iam::123456789012:user/alice";
    assert_eq!(
        verdict(&run("us-east-1", user)),
        v("explicitDeny", "scp", "DenyAllOutsideEU")
    );
    assert_eq!(
        verdict(&run("eu-west-1", user)),
        v("allowed", "identity", "ReadDocs")
    );
    let bypass = "arn:aws:sts::123456789012:assumed-role/Role1AllowedToBypassThisSCP/ops";
    assert_eq!(
        verdict(&run("us-east-1", bypass)),
        v("allowed", "identity", "ReadDocs")
    );
}

#[test]
fn every_scp_level_must_allow() {
    let (result, code) = one(&[
        "--policy",
        &fixture("identity.json"),
        "--scp",
        &fixture("scp-full-access.json"),
        "--scp",
        &fixture("scp-ou-s3-only.json"),
        "--action",
        "ec2:DescribeInstances",
        "--context",
        "aws:SourceIp=ip:10.1.2.3",
    ]);
    assert_eq!(verdict(&result), v("implicitDeny", "scp", ""));
    assert_eq!(code, Some(2));
}

#[test]
fn rcp_identity_perimeter() {
    let run = |org: &str| {
        one(&[
            "--policy",
            &fixture("identity.json"),
            "--rcp",
            &fixture("rcp-full-access.json"),
            "--rcp",
            &fixture("rcp-identity-perimeter.json"),
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::docs/a.pdf",
            "--context",
            &format!("aws:PrincipalOrgID=string:{org}"),
        ])
        .0
    };
    assert_eq!(
        verdict(&run("o-otherorg")),
        v("explicitDeny", "rcp", "EnforceOrgIdentities")
    );
    assert_eq!(
        verdict(&run("o-exampleorgid")),
        v("allowed", "identity", "ReadDocs")
    );
}

#[test]
fn cross_account_needs_both_sides() {
    let bucket = fixture("bucket-org-only.json");
    let reader = fixture("shared-reader.json");
    let run = |policy: &str, org: &str| {
        one(&[
            "--caller-account",
            "444455556666",
            "--policy",
            policy,
            "--resource-policy",
            &bucket,
            "--resource-account",
            "123456789012",
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::shared/q1.csv",
            "--context",
            &format!("aws:PrincipalOrgID=string:{org}"),
        ])
        .0
    };
    assert_eq!(
        verdict(&run(&reader, "o-exampleorgid")),
        v("allowed", "identity", "ReadShared")
    );
    assert_eq!(
        verdict(&run(&fixture("identity.json"), "o-exampleorgid")),
        v("implicitDeny", "identity", "")
    );
    assert_eq!(
        verdict(&run(&reader, "o-otherorg")),
        v("explicitDeny", "resource", "DenyOutsideOrg")
    );
}

#[test]
fn anonymous_and_service_callers() {
    let bucket = fixture("bucket-org-only.json");
    let (result, _) = one(&[
        "--principal",
        "*",
        "--resource-policy",
        &bucket,
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::shared/public/logo.png",
    ]);
    assert_eq!(
        verdict(&result),
        v("explicitDeny", "resource", "DenyOutsideOrg")
    );
    let (result, _) = one(&[
        "--principal-service",
        "lambda.amazonaws.com",
        "--resource-policy",
        &bucket,
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::shared/q1.csv",
    ]);
    assert_eq!(verdict(&result), v("allowed", "resource", "LambdaReads"));
}

#[test]
fn caller_account_must_match_the_principal() {
    let out = simulate(&[
        "--caller-account",
        "444455556666",
        "--principal",
        "arn:aws:iam::123456789012:user/alice",
        "--policy",
        &fixture("identity.json"),
        "--action",
        "s3:GetObject",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not match"));
}

//! Snapshots of the human report and the JSON, so that their layout changes only on purpose.
//! Each starts from a fixture case of `tests/data/doctor/`; live results are given, not fetched.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

mod common;

use keyward_doctor::live::{Check, Identity, LiveReport};
use keyward_doctor::model::{AccessKeyId, Code, Finding};
use keyward_doctor::report::{render, Report, Style};
use keyward_doctor::{resolve, Input, Resolution};
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-01-01 00:00 UTC);

fn resolution(case: &str) -> Resolution {
    let case = common::load(&common::cases_dir().join(case)).expect("fixture loads");
    let r = resolve(&Input {
        env: &case.env,
        files: &case.files,
        overrides: &case.overrides,
        now: NOW,
    });
    assert_eq!(
        r.credentials.as_ref().map(|c| c.source.as_str()),
        case.expected["source"].as_str(),
        "the fixture still resolves as its expected.json says"
    );
    r
}

fn plain() -> Style {
    Style { color: false }
}

#[test]
fn env_shadows_profile_with_identity() {
    let res = resolution("env-shadows-profile");
    let live = LiveReport {
        identity: Some(Identity {
            arn: "arn:aws:iam::123456789012:user/alice".into(),
            account: "123456789012".into(),
            user_id: "AIDAEXAMPLEALICE".into(),
        }),
        clock_skew_seconds: Some(0),
        ..LiveReport::default()
    };
    let report = Report::build(&res, Some(&live));
    insta::assert_snapshot!(render(&report, &res, plain(), NOW));
}

#[test]
fn assume_role_chain_with_checks() {
    let res = resolution("assume-role-chain");
    let live = LiveReport {
        identity: Some(Identity {
            arn: "arn:aws:sts::123456789012:assumed-role/deploy/keyward-doctor-1767225600".into(),
            account: "123456789012".into(),
            user_id: "AROAEXAMPLEDEPLOY:keyward-doctor-1767225600".into(),
        }),
        clock_skew_seconds: Some(-2),
        checks: vec![
            Check {
                action: "s3:GetObject".into(),
                resource: "arn:aws:s3:::bucket/key".into(),
                decision: "allowed".into(),
                reason: "allowed by deploy-s3 (role)".into(),
                statement: None,
            },
            Check {
                action: "s3:PutObject".into(),
                resource: "arn:aws:s3:::bucket/key".into(),
                decision: "implicitDeny".into(),
                reason: "no identity-based policy allows it".into(),
                statement: Some("the Braket guide, \"Required AWS Permissions\", statement 2 (the results bucket)".into()),
            },
        ],
        findings: vec![Finding::error(
            Code::AccessDenied,
            "s3:PutObject on arn:aws:s3:::bucket/key is implicitDeny for arn:aws:iam::123456789012:role/deploy: no identity-based policy allows it",
        )],
        access_key_id: Some(AccessKeyId::new("ASIAEXAMPLEDEPLOY042")),
        expires_at: Some(datetime!(2026-01-01 01:00 UTC)),
    };
    let report = Report::build(&res, Some(&live));
    assert!(report.has_errors());
    insta::assert_snapshot!(render(&report, &res, plain(), NOW));
    insta::assert_snapshot!(
        "assume_role_chain_json",
        serde_json::to_string_pretty(&report).expect("serialises")
    );
}

#[test]
fn no_credentials() {
    let res = resolution("no-credentials");
    let report = Report::build(&res, None);
    insta::assert_snapshot!(render(&report, &res, plain(), NOW));
}

#[test]
fn region_pitfall_in_colour() {
    let res = resolution("region-aws-region-only");
    let report = Report::build(&res, None);
    insta::assert_snapshot!(render(&report, &res, Style { color: true }, NOW));
}

#[test]
fn colours_follow_the_terminal_and_no_color() {
    assert!(Style::detect(true, None).color);
    assert!(Style::detect(true, Some("")).color);
    assert!(!Style::detect(true, Some("1")).color);
    assert!(!Style::detect(false, None).color);
}

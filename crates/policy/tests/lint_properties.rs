//! `lint` on damaged and arbitrary text: it never panics, and every finding points inside the
//! text at a line and column consistent with its byte offset.

use keyward_policy::{lint, PolicyKind, Position};
use proptest::prelude::*;

const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "A", "Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject", "iam:PassRole"],
     "Resource": ["*", "arn:aws:s3:::b/*"],
     "Condition": {"ForAllValues:StringEquals": {"aws:SourceIp": ["10.0.0.1"]},
                   "StringEquals": {"aws:TagKeys": "x"}}},
    {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"}
  ]
}"#;

const KINDS: [PolicyKind; 5] = [
    PolicyKind::Identity,
    PolicyKind::Resource,
    PolicyKind::Trust,
    PolicyKind::PermissionsBoundary,
    PolicyKind::ServiceControl,
];

fn check(text: &str) -> Result<(), TestCaseError> {
    for kind in KINDS {
        for finding in lint(text, kind) {
            let p = finding.position;
            prop_assert!(p.offset <= text.len(), "{finding:?}");
            prop_assert_eq!(Position::at_offset(text, p.offset), p);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn damaged_policies(cut in 0..POLICY.len(), len in 0usize..12, insert in "[\\[\\]{}\":,*a ]{0,3}") {
        // POLICY is ASCII, so every byte offset is a character boundary.
        let end = (cut + len).min(POLICY.len());
        let before = POLICY.get(..cut).unwrap_or_default();
        let after = POLICY.get(end..).unwrap_or_default();
        let text = format!("{before}{insert}{after}");
        check(&text)?;
    }

    #[test]
    fn arbitrary_text(text in ".{0,200}") {
        check(&text)?;
    }
}

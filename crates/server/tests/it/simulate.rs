//! IAM's policy simulator through the unmodified Rust SDK: `SimulateCustomPolicy`,
//! `SimulatePrincipalPolicy` and `GetContextKeysFor*Policy`, with AWS's result shapes.

use crate::common::{code_and_message, user_client, Server, ROOT_KEY, ROOT_SECRET};
use aws_sdk_iam::types::{
    ContextEntry, ContextKeyTypeEnum, EvaluationResult, PolicyEvaluationDecisionType as Eval,
    PolicySourceType,
};

const ACCOUNT: &str = "123456789012";
const KEYSPACES_RO: &str = "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess";

const ALLOW_S3: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;

/// Pretty-printed on purpose: statement positions are asserted against it.
const DENY_DELETE: &str = "{
  \"Version\": \"2012-10-17\",
  \"Statement\": [
    {\"Sid\": \"Reads\", \"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"*\"},
    {
      \"Sid\": \"NoDeletes\",
      \"Effect\": \"Deny\",
      \"Action\": \"s3:DeleteObject\",
      \"Resource\": \"*\"
    }
  ]
}";

const REGION_CONDITIONED: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}]}"#;

/// Every condition type the simulator takes, one key each.
const TYPED_CONDITIONS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
    "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
    "NumericLessThan":{"s3:max-keys":"10"},
    "Bool":{"aws:SecureTransport":"true"},
    "DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},
    "ForAllValues:StringEquals":{"aws:TagKeys":["team","project"]}}}]}"#;

fn entry(name: &str, kind: ContextKeyTypeEnum, values: &[&str]) -> ContextEntry {
    let mut builder = ContextEntry::builder()
        .context_key_name(name)
        .context_key_type(kind);
    for v in values {
        builder = builder.context_key_values(*v);
    }
    builder.build()
}

fn decisions(results: &[EvaluationResult]) -> Vec<(&str, &Eval)> {
    results
        .iter()
        .map(|r| (r.eval_action_name(), r.eval_decision()))
        .collect()
}

fn sources(r: &EvaluationResult) -> Vec<(&str, &PolicySourceType)> {
    r.matched_statements()
        .iter()
        .map(|s| {
            (
                s.source_policy_id().unwrap(),
                s.source_policy_type().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn custom_policies_decisions_statements_and_context() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    // allowed / explicitDeny / implicitDeny, with the statements that decided.
    let out = root
        .simulate_custom_policy()
        .policy_input_list(ALLOW_S3)
        .policy_input_list(DENY_DELETE)
        .action_names("s3:GetObject")
        .action_names("s3:DeleteObject")
        .action_names("ec2:RunInstances")
        .send()
        .await
        .unwrap();
    assert!(!out.is_truncated());
    let results = out.evaluation_results();
    assert_eq!(
        decisions(results),
        [
            ("s3:GetObject", &Eval::Allowed),
            ("s3:DeleteObject", &Eval::ExplicitDeny),
            ("ec2:RunInstances", &Eval::ImplicitDeny),
        ]
    );
    let get = &results[0];
    assert_eq!(get.eval_resource_name(), Some("*"));
    assert_eq!(
        sources(get),
        [
            ("PolicyInputList.1", &PolicySourceType::None),
            ("PolicyInputList.2", &PolicySourceType::None)
        ]
    );
    assert!(get.missing_context_values().is_empty());
    assert!(get.eval_decision_details().is_none());
    assert!(get.resource_specific_results().is_empty());
    assert!(get.permissions_boundary_decision_detail().is_none());
    // The allow of PolicyInputList.1 sits on line 1: from just past its `{` (the 38th
    // character, so column 39) to just past its `}`.
    let first = &get.matched_statements()[0];
    let start = first.start_position().unwrap();
    let end = first.end_position().unwrap();
    assert_eq!((start.line(), start.column()), (1, 39));
    assert_eq!((end.line(), end.column()), (1, ALLOW_S3.len() as i32 - 1));
    // An explicit deny names only the denying statement: lines 5 to 10 of DENY_DELETE.
    let delete = &results[1];
    assert_eq!(
        sources(delete),
        [("PolicyInputList.2", &PolicySourceType::None)]
    );
    let deny = &delete.matched_statements()[0];
    let (start, end) = (deny.start_position().unwrap(), deny.end_position().unwrap());
    assert_eq!(
        (start.line(), start.column(), end.line(), end.column()),
        (5, 6, 10, 6)
    );
    assert!(results[2].matched_statements().is_empty());

    // A condition key nobody supplied is missing (the simulator adds no request facts); on a
    // resource ARN the missing keys are reported per resource.
    let simulate_region = |context: Option<ContextEntry>, resource: Option<&str>| {
        let mut call = root
            .simulate_custom_policy()
            .policy_input_list(REGION_CONDITIONED)
            .action_names("bedrock:InvokeModel");
        if let Some(entry) = context {
            call = call.context_entries(entry);
        }
        if let Some(resource) = resource {
            call = call.resource_arns(resource);
        }
        call.send()
    };
    let out = simulate_region(None, None).await.unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::ImplicitDeny);
    assert_eq!(r.missing_context_values(), ["aws:RequestedRegion"]);
    let model = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku";
    let out = simulate_region(None, Some(model)).await.unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_resource_name(), Some(model));
    assert!(r.missing_context_values().is_empty());
    assert!(r.eval_decision_details().unwrap().is_empty());
    let specific = &r.resource_specific_results()[0];
    assert_eq!(
        (
            specific.eval_resource_name(),
            specific.eval_resource_decision()
        ),
        (model, &Eval::ImplicitDeny)
    );
    assert_eq!(specific.missing_context_values(), ["aws:RequestedRegion"]);
    let region = |value| entry("aws:RequestedRegion", ContextKeyTypeEnum::String, &[value]);
    let out = simulate_region(Some(region("us-east-1")), Some(model))
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(r.resource_specific_results()[0]
        .missing_context_values()
        .is_empty());
    let out = simulate_region(Some(region("eu-west-1")), None)
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::ImplicitDeny);
    assert!(r.missing_context_values().is_empty());

    // Context entries of several types, matching and not.
    let typed = |ip: &str, max_keys: &str| {
        root.simulate_custom_policy()
            .policy_input_list(TYPED_CONDITIONS)
            .action_names("s3:GetObject")
            .context_entries(entry("aws:SourceIp", ContextKeyTypeEnum::Ip, &[ip]))
            .context_entries(entry(
                "s3:max-keys",
                ContextKeyTypeEnum::Numeric,
                &[max_keys],
            ))
            .context_entries(entry(
                "aws:SecureTransport",
                ContextKeyTypeEnum::Boolean,
                &["true"],
            ))
            .context_entries(entry(
                "aws:CurrentTime",
                ContextKeyTypeEnum::Date,
                &["2024-06-01T12:00:00Z"],
            ))
            .context_entries(entry(
                "aws:TagKeys",
                ContextKeyTypeEnum::StringList,
                &["team"],
            ))
            .send()
    };
    let out = typed("10.1.2.3", "5").await.unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(r.missing_context_values().is_empty());
    let out = typed("192.168.0.1", "5").await.unwrap();
    assert_eq!(
        out.evaluation_results()[0].eval_decision(),
        &Eval::ImplicitDeny
    );
    let out = typed("10.1.2.3", "50").await.unwrap();
    assert_eq!(
        out.evaluation_results()[0].eval_decision(),
        &Eval::ImplicitDeny
    );
    let err = typed("10.1.2.3", "many").await.unwrap_err();
    assert_eq!(code_and_message(&err).0, "InvalidInput");
    let err = typed("not-an-address", "5").await.unwrap_err();
    assert_eq!(code_and_message(&err).0, "InvalidInput");
    // A range is not an address: `IpAddress` could not read it as the request's address.
    let err = typed("10.0.0.0/8", "5").await.unwrap_err();
    assert_eq!(
        code_and_message(&err),
        (
            "InvalidInput".to_owned(),
            "Invalid value 10.0.0.0/8 for context key aws:SourceIp of type ip.".to_owned()
        )
    );

    // The condition keys of the documents, each once.
    let keys = root
        .get_context_keys_for_custom_policy()
        .policy_input_list(TYPED_CONDITIONS)
        .policy_input_list(REGION_CONDITIONED)
        .policy_input_list(REGION_CONDITIONED)
        .send()
        .await
        .unwrap();
    assert_eq!(
        keys.context_key_names(),
        [
            "aws:SourceIp",
            "s3:max-keys",
            "aws:SecureTransport",
            "aws:CurrentTime",
            "aws:TagKeys",
            "aws:RequestedRegion"
        ]
    );

    // A resource policy naming the caller grants on its own within the account.
    let bucket_policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:user/alice"}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}}]}}"#
    );
    let with_resource_policy = |caller: Option<String>| {
        root.simulate_custom_policy()
            .policy_input_list(REGION_CONDITIONED)
            .resource_policy(&bucket_policy)
            .set_caller_arn(caller)
            .action_names("s3:GetObject")
            .resource_arns("arn:aws:s3:::shared/report.csv")
            .send()
    };
    let out = with_resource_policy(Some(format!("arn:aws:iam::{ACCOUNT}:user/alice")))
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert_eq!(
        sources(r),
        [("ResourcePolicy", &PolicySourceType::Resource)]
    );
    let out = with_resource_policy(Some(format!("arn:aws:iam::{ACCOUNT}:user/bob")))
        .await
        .unwrap();
    assert_eq!(
        out.evaluation_results()[0].eval_decision(),
        &Eval::ImplicitDeny
    );
    let err = with_resource_policy(None).await.unwrap_err();
    assert_eq!(code_and_message(&err).0, "InvalidInput");

    // Bad input: a policy that is not one, and a CallerArn that is not a user.
    let err = root
        .simulate_custom_policy()
        .policy_input_list(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}"#)
        .action_names("s3:GetObject")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code_and_message(&err).0, "MalformedPolicyDocument");
    let err = root
        .simulate_custom_policy()
        .policy_input_list(ALLOW_S3)
        .action_names("s3:GetObject")
        .caller_arn(format!("arn:aws:iam::{ACCOUNT}:role/R"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code_and_message(&err).0, "InvalidInput");
    let err = root
        .simulate_custom_policy()
        .policy_input_list(ALLOW_S3)
        .action_names("kms:Decrypt")
        .resource_arns("14a050d4-021e-4efe-84bb-0871bf6d0fda")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&err),
        (
            "InvalidInput".to_owned(),
            "ResourceNames are not in a valid ARN format: 14a050d4-021e-4efe-84bb-0871bf6d0fda."
                .to_owned()
        )
    );

    server.stop().await;
}

#[tokio::test]
async fn principal_policies_groups_managed_policies_and_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    // The Keyspaces guide: AmazonKeyspacesReadOnlyAccess through a group.
    root.create_group()
        .group_name("keyspaces-readers")
        .send()
        .await
        .unwrap();
    root.attach_group_policy()
        .group_name("keyspaces-readers")
        .policy_arn(KEYSPACES_RO)
        .send()
        .await
        .unwrap();
    let member = user_client(&server, &root, "reader").await;
    root.add_user_to_group()
        .group_name("keyspaces-readers")
        .user_name("reader")
        .send()
        .await
        .unwrap();
    let reader_arn = format!("arn:aws:iam::{ACCOUNT}:user/reader");
    let group_arn = format!("arn:aws:iam::{ACCOUNT}:group/keyspaces-readers");
    for source in [&reader_arn, &group_arn] {
        let out = root
            .simulate_principal_policy()
            .policy_source_arn(source)
            .action_names("cassandra:Select")
            .action_names("cassandra:Modify")
            .send()
            .await
            .unwrap();
        let results = out.evaluation_results();
        assert_eq!(
            decisions(results),
            [
                ("cassandra:Select", &Eval::Allowed),
                ("cassandra:Modify", &Eval::ImplicitDeny)
            ]
        );
        assert_eq!(
            sources(&results[0]),
            [(
                "AmazonKeyspacesReadOnlyAccess",
                &PolicySourceType::AwsManaged
            )]
        );
        assert!(results[1].matched_statements().is_empty());
    }

    // A group's inline policy, the user's own inline policy, and a boundary that cuts them.
    root.put_group_policy()
        .group_name("keyspaces-readers")
        .policy_name("s3-reads")
        .policy_document(DENY_DELETE)
        .send()
        .await
        .unwrap();
    root.put_user_policy()
        .user_name("reader")
        .policy_name("s3-all")
        .policy_document(ALLOW_S3)
        .send()
        .await
        .unwrap();
    let out = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:PutObject")
        .action_names("s3:DeleteObject")
        .send()
        .await
        .unwrap();
    let results = out.evaluation_results();
    assert_eq!(
        decisions(results),
        [
            ("s3:PutObject", &Eval::Allowed),
            ("s3:DeleteObject", &Eval::ExplicitDeny)
        ]
    );
    assert_eq!(sources(&results[0]), [("s3-all", &PolicySourceType::User)]);
    assert_eq!(
        sources(&results[1]),
        [("s3-reads", &PolicySourceType::Group)]
    );

    let boundary = root
        .create_policy()
        .policy_name("reads-only")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","cassandra:Select"],"Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    root.put_user_permissions_boundary()
        .user_name("reader")
        .permissions_boundary(boundary.arn().unwrap())
        .send()
        .await
        .unwrap();
    let out = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:GetObject")
        .action_names("s3:PutObject")
        .send()
        .await
        .unwrap();
    let results = out.evaluation_results();
    assert_eq!(
        decisions(results),
        [
            ("s3:GetObject", &Eval::Allowed),
            ("s3:PutObject", &Eval::ImplicitDeny)
        ]
    );
    let allowed_by_boundary = |r: &EvaluationResult| {
        r.permissions_boundary_decision_detail()
            .unwrap()
            .allowed_by_permissions_boundary()
    };
    assert!(allowed_by_boundary(&results[0]));
    assert!(!allowed_by_boundary(&results[1]));
    // A boundary given in the call replaces the stored one.
    let out = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:PutObject")
        .permissions_boundary_policy_input_list(ALLOW_S3)
        .send()
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(allowed_by_boundary(r));

    // ${aws:username} comes from the simulated user.
    let own_folder = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}"#;
    let out = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .policy_input_list(own_folder)
        .action_names("s3:GetObject")
        .resource_arns("arn:aws:s3:::home/reader/notes.txt")
        .resource_arns("arn:aws:s3:::home/other/notes.txt")
        .permissions_boundary_policy_input_list(ALLOW_S3)
        .send()
        .await
        .unwrap();
    // One result for the action (AWS's shape since 2025), each resource's decision inside.
    let results = out.evaluation_results();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r.eval_resource_name(), Some("*"));
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    let specific = r.resource_specific_results();
    assert_eq!(
        specific
            .iter()
            .map(|s| (s.eval_resource_name(), s.eval_resource_decision()))
            .collect::<Vec<_>>(),
        [
            ("arn:aws:s3:::home/reader/notes.txt", &Eval::Allowed),
            ("arn:aws:s3:::home/other/notes.txt", &Eval::Allowed) // s3-all allows anything in s3
        ]
    );
    let specific_sources = |s: &aws_sdk_iam::types::ResourceSpecificResult| {
        s.matched_statements()
            .iter()
            .map(|m| m.source_policy_id().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(specific_sources(&specific[0]).contains(&"PolicyInputList.1".to_owned()));
    assert!(!specific_sources(&specific[1]).contains(&"PolicyInputList.1".to_owned()));
    // The top level names the statements behind the aggregate decision, from both resources.
    assert!(sources(r).contains(&("PolicyInputList.1", &PolicySourceType::None)));
    assert!(allowed_by_boundary(r));
    assert!(specific.iter().all(|s| s
        .permissions_boundary_decision_detail()
        .unwrap()
        .allowed_by_permissions_boundary()));

    // Pagination over the results.
    let page = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:GetObject")
        .action_names("s3:PutObject")
        .action_names("s3:ListBucket")
        .max_items(2)
        .send()
        .await
        .unwrap();
    assert!(page.is_truncated());
    assert_eq!(page.evaluation_results().len(), 2);
    let rest = root
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:GetObject")
        .action_names("s3:PutObject")
        .action_names("s3:ListBucket")
        .marker(page.marker().unwrap())
        .send()
        .await
        .unwrap();
    assert!(!rest.is_truncated());
    assert_eq!(
        rest.evaluation_results()[0].eval_action_name(),
        "s3:ListBucket"
    );

    // The principal's context keys: none in its policies but the input's.
    let keys = root
        .get_context_keys_for_principal_policy()
        .policy_source_arn(&reader_arn)
        .policy_input_list(REGION_CONDITIONED)
        .send()
        .await
        .unwrap();
    assert_eq!(keys.context_key_names(), ["aws:RequestedRegion"]);

    // Errors: an unknown user, an ARN that names no principal.
    let err = root
        .simulate_principal_policy()
        .policy_source_arn(format!("arn:aws:iam::{ACCOUNT}:user/nobody"))
        .action_names("s3:GetObject")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&err),
        (
            "NoSuchEntity".to_owned(),
            "The user with name nobody cannot be found.".to_owned()
        )
    );
    let err = root
        .simulate_principal_policy()
        .policy_source_arn(format!("arn:aws:iam::{ACCOUNT}:policy/reads-only"))
        .action_names("s3:GetObject")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code_and_message(&err).0, "InvalidInput");

    // Simulation is itself authorized: the member may not simulate.
    let err = member
        .simulate_principal_policy()
        .policy_source_arn(&reader_arn)
        .action_names("s3:GetObject")
        .send()
        .await
        .unwrap_err();
    let (code, message) = code_and_message(&err);
    assert_eq!(code, "AccessDenied");
    assert!(message.contains("iam:SimulatePrincipalPolicy"), "{message}");

    server.stop().await;
}

/// Allows S3 on one bucket, denies one object of it.
const GOOD_BUCKET_BUT_SECRET: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Good","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::good/*"},{"Sid":"NoSecret","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::good/secret"}]}"#;

#[tokio::test]
async fn one_result_per_action_across_resources() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let (good, other, secret) = (
        "arn:aws:s3:::good/a.txt",
        "arn:aws:s3:::other/a.txt",
        "arn:aws:s3:::good/secret",
    );
    let simulate = |resources: &[&str], max_items: Option<i32>, marker: Option<String>| {
        let mut call = root
            .simulate_custom_policy()
            .policy_input_list(GOOD_BUCKET_BUT_SECRET)
            .action_names("s3:GetObject")
            .action_names("s3:PutObject")
            .set_max_items(max_items)
            .set_marker(marker);
        for resource in resources {
            call = call.resource_arns(*resource);
        }
        call.send()
    };

    let out = simulate(&[good, other, secret], None, None).await.unwrap();
    let results = out.evaluation_results();
    assert_eq!(
        decisions(results),
        [
            ("s3:GetObject", &Eval::ExplicitDeny),
            ("s3:PutObject", &Eval::ExplicitDeny)
        ]
    );
    for r in results {
        assert_eq!(r.eval_resource_name(), Some("*"));
        assert_eq!(
            r.resource_specific_results()
                .iter()
                .map(|s| (s.eval_resource_name(), s.eval_resource_decision()))
                .collect::<Vec<_>>(),
            [
                (good, &Eval::Allowed),
                (other, &Eval::ImplicitDeny),
                (secret, &Eval::ExplicitDeny)
            ]
        );
        // The top level names what decided the aggregate: the deny, once.
        assert_eq!(sources(r), [("PolicyInputList.1", &PolicySourceType::None)]);
        let deny = &r.matched_statements()[0];
        assert_eq!(deny.start_position().unwrap().column(), 120);
        assert!(r.eval_decision_details().unwrap().is_empty());
        assert!(r.missing_context_values().is_empty());
        let allowed = &r.resource_specific_results()[0];
        assert_eq!(allowed.matched_statements().len(), 1);
        assert_eq!(
            allowed.matched_statements()[0]
                .start_position()
                .unwrap()
                .column(),
            39
        );
        assert!(r.resource_specific_results()[1]
            .matched_statements()
            .is_empty());
        assert!(allowed.eval_decision_details().unwrap().is_empty());
    }

    // Without the denied object, the aggregate is the implicit deny of the other bucket.
    let out = simulate(&[good, other], None, None).await.unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::ImplicitDeny);
    assert!(r.matched_statements().is_empty());

    // One resource keeps its own name at the top level.
    let out = simulate(&[good], None, None).await.unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(
        (r.eval_resource_name(), r.eval_decision()),
        (Some(good), &Eval::Allowed)
    );
    assert_eq!(r.resource_specific_results().len(), 1);

    // Pages count actions, not (action, resource) pairs.
    let page = simulate(&[good, other, secret], Some(1), None)
        .await
        .unwrap();
    assert!(page.is_truncated());
    assert_eq!(page.evaluation_results().len(), 1);
    assert_eq!(
        page.evaluation_results()[0]
            .resource_specific_results()
            .len(),
        3
    );
    let rest = simulate(
        &[good, other, secret],
        None,
        page.marker().map(str::to_owned),
    )
    .await
    .unwrap();
    assert!(!rest.is_truncated());
    assert_eq!(
        decisions(rest.evaluation_results()),
        [("s3:PutObject", &Eval::ExplicitDeny)]
    );

    server.stop().await;
}

#[tokio::test]
async fn service_rules_kms_key_policy_trust_policy_and_get_caller_identity() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let allow_all =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
    let deny_all =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#;
    let alice = format!("arn:aws:iam::{ACCOUNT}:user/alice");
    let key = format!("arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    let role = format!("arn:aws:iam::{ACCOUNT}:role/Deployer");
    let key_policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:root"}},"Action":"kms:*","Resource":"*"}}]}}"#
    );
    // The simulator checks ResourcePolicy as a resource-based policy, so it names the role.
    let trust_policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{alice}"}},"Action":"sts:AssumeRole","Resource":"{role}"}}]}}"#
    );
    let decide = |identity: &'static str,
                  action: &'static str,
                  resource: &str,
                  resource_policy: Option<&str>| {
        root.simulate_custom_policy()
            .policy_input_list(identity)
            .action_names(action)
            .resource_arns(resource)
            .set_resource_policy(resource_policy.map(str::to_owned))
            .set_caller_arn(resource_policy.map(|_| alice.clone()))
            .send()
    };
    let decision =
        |out: aws_sdk_iam::operation::simulate_custom_policy::SimulateCustomPolicyOutput| {
            out.evaluation_results()[0].eval_decision().clone()
        };

    // A KMS key's policy must allow: IAM policies alone do not grant access to a key.
    let out = decide(allow_all, "kms:Decrypt", &key, None).await.unwrap();
    assert_eq!(decision(out), Eval::ImplicitDeny);
    let out = decide(allow_all, "kms:Decrypt", &key, Some(&key_policy))
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(sources(r).contains(&("PolicyInputList.1", &PolicySourceType::None)));
    // kms:CreateKey acts on no key: IAM policies decide.
    let out = decide(allow_all, "kms:CreateKey", "*", None).await.unwrap();
    assert_eq!(decision(out), Eval::Allowed);

    // sts:AssumeRole needs the role's trust policy, given as the resource policy.
    let out = decide(allow_all, "sts:AssumeRole", &role, None)
        .await
        .unwrap();
    assert_eq!(decision(out), Eval::ImplicitDeny);
    let out = decide(allow_all, "sts:AssumeRole", &role, Some(&trust_policy))
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(sources(r).contains(&("ResourcePolicy", &PolicySourceType::Resource)));

    // sts:GetCallerIdentity needs no permission, even under an explicit deny.
    let out = decide(deny_all, "sts:GetCallerIdentity", "*", None)
        .await
        .unwrap();
    let r = &out.evaluation_results()[0];
    assert_eq!(r.eval_decision(), &Eval::Allowed);
    assert!(r.matched_statements().is_empty());
    let out = decide(deny_all, "sts:GetSessionToken", "*", None)
        .await
        .unwrap();
    assert_eq!(decision(out), Eval::ExplicitDeny);

    server.stop().await;
}

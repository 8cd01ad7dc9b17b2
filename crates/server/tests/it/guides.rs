//! The IAM steps of the Braket and Bedrock guides (`shared/seeds`) through the Rust SDK, with
//! the guides' own policy documents from `tests/data/guides`, checked by the simulator.

use crate::common::{Server, ROOT_KEY, ROOT_SECRET};
use aws_sdk_iam::types::{ContextEntry, ContextKeyTypeEnum, PolicyEvaluationDecisionType};

const BRAKET_POLICY: &str = include_str!("../../../../tests/data/guides/braket-policy.json");
const BEDROCK_REGION_CONDITIONED: &str =
    include_str!("../../../../tests/data/guides/bedrock-region-conditioned.json");
const HAIKU: &str =
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";

async fn decisions(
    request: aws_sdk_iam::operation::simulate_principal_policy::builders::SimulatePrincipalPolicyFluentBuilder,
) -> Vec<PolicyEvaluationDecisionType> {
    request
        .send()
        .await
        .unwrap()
        .evaluation_results()
        .iter()
        .map(|r| r.eval_decision().clone())
        .collect()
}

#[tokio::test]
async fn braket_guide_policy_grants_what_it_lists_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user()
        .user_name("braket-user")
        .send()
        .await
        .unwrap();
    let policy = root
        .create_policy()
        .policy_name("BraketAccess")
        .policy_document(BRAKET_POLICY)
        .send()
        .await
        .unwrap()
        .policy
        .unwrap();
    root.attach_user_policy()
        .user_name("braket-user")
        .policy_arn(policy.arn().unwrap())
        .send()
        .await
        .unwrap();
    let user_arn = "arn:aws:iam::123456789012:user/braket-user";

    let listed = [
        "braket:GetDevice",
        "braket:GetQuantumTask",
        "braket:SearchDevices",
        "braket:CreateQuantumTask",
        "braket:CancelQuantumTask",
        "braket:GetDeviceAvailability",
        "pricing:GetProducts",
        "pricing:DescribeServices",
    ];
    let mut request = root.simulate_principal_policy().policy_source_arn(user_arn);
    for action in listed {
        request = request.action_names(action);
    }
    assert_eq!(
        decisions(request).await,
        vec![PolicyEvaluationDecisionType::Allowed; listed.len()]
    );

    let results_bucket = root
        .simulate_principal_policy()
        .policy_source_arn(user_arn)
        .action_names("s3:PutObject")
        .resource_arns("arn:aws:s3:::your-braket-results-bucket/task-1/results.json");
    assert_eq!(
        decisions(results_bucket).await,
        [PolicyEvaluationDecisionType::Allowed]
    );
    let other_bucket = root
        .simulate_principal_policy()
        .policy_source_arn(user_arn)
        .action_names("s3:PutObject")
        .resource_arns("arn:aws:s3:::someone-elses-bucket/results.json");
    assert_eq!(
        decisions(other_bucket).await,
        [PolicyEvaluationDecisionType::ImplicitDeny]
    );
    let unlisted = root
        .simulate_principal_policy()
        .policy_source_arn(user_arn)
        .action_names("braket:CreateJob");
    assert_eq!(
        decisions(unlisted).await,
        [PolicyEvaluationDecisionType::ImplicitDeny]
    );
    server.stop().await;
}

#[tokio::test]
async fn bedrock_region_condition_needs_the_requested_region() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let region = |value: &str| {
        ContextEntry::builder()
            .context_key_name("aws:RequestedRegion")
            .context_key_type(ContextKeyTypeEnum::String)
            .context_key_values(value)
            .build()
    };
    let simulate = |entry: Option<ContextEntry>| {
        let mut request = root
            .simulate_custom_policy()
            .policy_input_list(BEDROCK_REGION_CONDITIONED)
            .action_names("bedrock:InvokeModel")
            .resource_arns(HAIKU);
        if let Some(entry) = entry {
            request = request.context_entries(entry);
        }
        request.send()
    };

    let in_region = simulate(Some(region("us-east-1"))).await.unwrap();
    let result = &in_region.evaluation_results()[0];
    assert_eq!(
        result.eval_decision(),
        &PolicyEvaluationDecisionType::Allowed
    );

    let elsewhere = simulate(Some(region("eu-west-1"))).await.unwrap();
    assert_eq!(
        elsewhere.evaluation_results()[0].eval_decision(),
        &PolicyEvaluationDecisionType::ImplicitDeny
    );

    let unknown = simulate(None).await.unwrap();
    let result = &unknown.evaluation_results()[0];
    assert_eq!(
        result.eval_decision(),
        &PolicyEvaluationDecisionType::ImplicitDeny
    );
    let missing: Vec<&str> = result
        .resource_specific_results()
        .iter()
        .flat_map(|r| r.missing_context_values())
        .map(String::as_str)
        .collect();
    assert_eq!(missing, ["aws:RequestedRegion"]);

    let keys = root
        .get_context_keys_for_custom_policy()
        .policy_input_list(BEDROCK_REGION_CONDITIONED)
        .send()
        .await
        .unwrap();
    assert_eq!(keys.context_key_names(), ["aws:RequestedRegion"]);
    server.stop().await;
}

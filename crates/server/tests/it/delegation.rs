//! IAM temporary delegation through the Rust SDK: a partner's request claimed, forwarded,
//! approved and released by the customer, the exchange token received on the partner's
//! notification endpoint and traded for credentials that act as the approver within the
//! request's policy (IAM User Guide, "IAM temporary delegation" and "Building your
//! integration"). `tests/conformance/test_iam_delegation.py` covers the failure paths.

use std::sync::{Arc, Mutex};

use aws_sdk_iam::types::{
    DelegationPermission, PolicyParameter, PolicyParameterTypeEnum, StateType,
};
use aws_sdk_sts::types::Credentials as StsCredentials;

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};

const ACCOUNT: &str = "123456789012";
const TEMPLATE: &str = "arn:aws:iam::123456789012:delegation-template/example.com/Reader";
const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:partner";

/// The partner's notification endpoint: every SNS message body it receives.
async fn inbox() -> (String, Arc<Mutex<Vec<serde_json::Value>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let sink = received.clone();
    let app = axum::Router::new().route(
        "/sns",
        axum::routing::post(move |body: String| {
            let sink = sink.clone();
            async move {
                let envelope: serde_json::Value = serde_json::from_str(&body).unwrap();
                let message = envelope["Message"].as_str().unwrap();
                sink.lock()
                    .unwrap()
                    .push(serde_json::from_str(message).unwrap());
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/sns", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

async fn user(server: &Server, name: &str, actions: &[&str]) -> (String, String) {
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user().user_name(name).send().await.unwrap();
    root.put_user_policy()
        .user_name(name)
        .policy_name("p")
        .policy_document(
            serde_json::json!({"Version":"2012-10-17",
                "Statement":[{"Effect":"Allow","Action":actions,"Resource":"*"}]})
            .to_string(),
        )
        .send()
        .await
        .unwrap();
    let key = new_key(&root, name).await;
    (
        key.access_key_id().to_owned(),
        key.secret_access_key().to_owned(),
    )
}

fn iam_with(server: &Server, c: &StsCredentials) -> aws_sdk_iam::Client {
    let config = aws_sdk_iam::Config::builder()
        .behavior_version(aws_sdk_iam::config::BehaviorVersion::latest())
        .endpoint_url(&server.endpoint)
        .region(aws_sdk_iam::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_iam::config::Credentials::new(
            c.access_key_id(),
            c.secret_access_key(),
            Some(c.session_token().to_owned()),
            None,
            "delegated",
        ))
        .build();
    aws_sdk_iam::Client::from_conf(config)
}

#[tokio::test]
async fn partner_customer_and_delegated_credentials() {
    let dir = tempfile::tempdir().unwrap();
    let (url, received) = inbox().await;
    let partners = dir.path().join("partners.json");
    std::fs::write(
        &partners,
        serde_json::json!({"partners":[{
            "name": "Example Partner",
            "principals": [format!("arn:aws:iam::{ACCOUNT}:user/partner")],
            "policyTemplates": {TEMPLATE: {"Version":"2012-10-17","Statement":[{
                "Effect":"Allow","Action":"iam:GetUser",
                "Resource": format!("arn:aws:iam::{ACCOUNT}:user/@{{userName}}")}]}},
            "notificationEndpoints": {TOPIC: url},
        }]})
        .to_string(),
    )
    .unwrap();
    let data = dir.path().join("data");
    let server = Server::start_with(&data, |c| c.delegation_partners = Some(partners)).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    let (pk, ps) = user(
        &server,
        "partner",
        &["iam:CreateDelegationRequest", "sts:GetDelegatedAccessToken"],
    )
    .await;
    let (ck, cs) = user(&server, "customer", &["iam:AssociateDelegationRequest"]).await;
    let (ak, asec) = user(
        &server,
        "approver",
        &["iam:AcceptDelegationRequest", "iam:GetUser"],
    )
    .await;
    for name in ["target", "bystander"] {
        root.create_user().user_name(name).send().await.unwrap();
    }
    let partner = server.iam(&pk, &ps);
    let customer = server.iam(&ck, &cs);
    let approver = server.iam(&ak, &asec);

    let parameter = PolicyParameter::builder()
        .name("userName")
        .values("target")
        .r#type(PolicyParameterTypeEnum::String)
        .build();
    let id = partner
        .create_delegation_request()
        .description("read one user")
        .permissions(
            DelegationPermission::builder()
                .policy_template_arn(TEMPLATE)
                .parameters(parameter)
                .build(),
        )
        .requestor_workflow_id("wf-rust-1")
        .notification_channel(TOPIC)
        .session_duration(1800)
        .send()
        .await
        .unwrap()
        .delegation_request_id()
        .unwrap()
        .to_owned();

    customer
        .associate_delegation_request()
        .delegation_request_id(&id)
        .send()
        .await
        .unwrap();
    customer
        .update_delegation_request()
        .delegation_request_id(&id)
        .notes("for the approver")
        .send()
        .await
        .unwrap();
    let pending = customer
        .get_delegation_request()
        .delegation_request_id(&id)
        .send()
        .await
        .unwrap();
    let request = pending.delegation_request().unwrap();
    assert_eq!(request.state(), Some(&StateType::PendingApproval));
    assert_eq!(
        request.owner_id(),
        Some(format!("arn:aws:iam::{ACCOUNT}:user/customer").as_str())
    );
    let e = customer
        .accept_delegation_request()
        .delegation_request_id(&id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(e.as_service_error().unwrap()).0,
        "AccessDenied"
    );
    approver
        .accept_delegation_request()
        .delegation_request_id(&id)
        .send()
        .await
        .unwrap();
    customer
        .send_delegation_token()
        .delegation_request_id(&id)
        .send()
        .await
        .unwrap();

    let listed = customer.list_delegation_requests().send().await.unwrap();
    assert_eq!(listed.delegation_requests().len(), 1);
    assert_eq!(
        listed.delegation_requests()[0].state(),
        Some(&StateType::Finalized)
    );
    assert!(!listed.is_truncated());
    let summary = root
        .get_human_readable_summary()
        .entity_arn(format!("arn:aws:iam::{ACCOUNT}:delegation-request/{id}"))
        .send()
        .await
        .unwrap();
    assert!(summary
        .summary_content()
        .unwrap()
        .contains("Allows iam: GetUser on arn:aws:iam::123456789012:user/target"));

    let token = received
        .lock()
        .unwrap()
        .iter()
        .find(|m| m["Type"] == "ExchangeToken" && m["RequestId"] == id.as_str())
        .and_then(|m| m["ExchangeToken"].as_str().map(str::to_owned))
        .expect("the exchange token reached the partner's endpoint");
    let states: Vec<String> = received
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m["Type"] == "StateChange")
        .map(|m| m["State"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        states,
        ["ASSIGNED", "PENDING_APPROVAL", "ACCEPTED", "FINALIZED"]
    );

    let out = server
        .sts(&pk, &ps)
        .get_delegated_access_token()
        .trade_in_token(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        out.assumed_principal(),
        Some(format!("arn:aws:iam::{ACCOUNT}:user/approver").as_str())
    );
    let delegated = iam_with(&server, out.credentials().unwrap());
    delegated
        .get_user()
        .user_name("target")
        .send()
        .await
        .unwrap();
    let e = delegated
        .get_user()
        .user_name("bystander")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(e.as_service_error().unwrap()).0,
        "AccessDenied"
    );

    // Only the partner redeems the token.
    let e = server
        .sts(&ck, &cs)
        .get_delegated_access_token()
        .trade_in_token(&token)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(e.as_service_error().unwrap()).0,
        "AccessDenied"
    );

    // A second request, rejected: it accepts nothing more.
    let second = partner
        .create_delegation_request()
        .description("again")
        .permissions(
            DelegationPermission::builder()
                .policy_template_arn(TEMPLATE)
                .parameters(
                    PolicyParameter::builder()
                        .name("userName")
                        .values("target")
                        .r#type(PolicyParameterTypeEnum::String)
                        .build(),
                )
                .build(),
        )
        .requestor_workflow_id("wf-rust-2")
        .notification_channel(TOPIC)
        .session_duration(900)
        .send()
        .await
        .unwrap()
        .delegation_request_id()
        .unwrap()
        .to_owned();
    customer
        .associate_delegation_request()
        .delegation_request_id(&second)
        .send()
        .await
        .unwrap();
    customer
        .reject_delegation_request()
        .delegation_request_id(&second)
        .notes("no")
        .send()
        .await
        .unwrap();
    let e = approver
        .accept_delegation_request()
        .delegation_request_id(&second)
        .send()
        .await
        .unwrap_err();
    let (code, message) = code_and_message(e.as_service_error().unwrap());
    assert_eq!(code, "InvalidInput");
    assert!(message.contains("REJECTED"), "{message}");
    server.stop().await;
}

//! Service-linked roles, the credential report and the STS token preference through the Rust SDK.

use aws_sdk_iam::types::{
    DeletionTaskStatusType, GlobalEndpointTokenVersion, ReportStateType, SummaryKeyType,
};

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};

#[tokio::test]
async fn service_linked_role_lifecycle() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);

    let role = root
        .create_service_linked_role()
        .aws_service_name("braket.amazonaws.com")
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    assert_eq!(role.role_name(), "AWSServiceRoleForAmazonBraket");
    assert_eq!(role.path(), "/aws-service-role/braket.amazonaws.com/");
    let attached = root
        .list_attached_role_policies()
        .role_name(role.role_name())
        .send()
        .await
        .unwrap();
    assert_eq!(
        attached.attached_policies()[0].policy_arn(),
        Some("arn:aws:iam::aws:policy/aws-service-role/AmazonBraketServiceRolePolicy")
    );

    let twice = root
        .create_service_linked_role()
        .aws_service_name("braket.amazonaws.com")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(twice.as_service_error().unwrap()).0,
        "InvalidInput"
    );
    let protected = root
        .delete_role()
        .role_name(role.role_name())
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(protected.as_service_error().unwrap()),
        (
            "UnmodifiableEntity".to_owned(),
            "Cannot perform the operation on the protected role \
             'AWSServiceRoleForAmazonBraket' - this role is only modifiable by AWS"
                .to_owned()
        )
    );

    let task = root
        .delete_service_linked_role()
        .role_name(role.role_name())
        .send()
        .await
        .unwrap()
        .deletion_task_id;
    let status = root
        .get_service_linked_role_deletion_status()
        .deletion_task_id(&task)
        .send()
        .await
        .unwrap();
    assert_eq!(status.status(), &DeletionTaskStatusType::Succeeded);
    server.stop().await;
}

#[tokio::test]
async fn credential_report_and_sts_preferences() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user()
        .user_name("reported")
        .send()
        .await
        .unwrap();
    let key = new_key(&root, "reported").await;

    let missing = root.get_credential_report().send().await.unwrap_err();
    assert_eq!(
        code_and_message(missing.as_service_error().unwrap()).0,
        "ReportNotPresent"
    );
    let mut state = root
        .generate_credential_report()
        .send()
        .await
        .unwrap()
        .state;
    for _ in 0..100 {
        if state == Some(ReportStateType::Complete) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        state = root
            .generate_credential_report()
            .send()
            .await
            .unwrap()
            .state;
    }
    assert_eq!(state, Some(ReportStateType::Complete));
    let report = root.get_credential_report().send().await.unwrap();
    let csv = String::from_utf8(report.content().unwrap().as_ref().to_vec()).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("user,arn,user_creation_time,password_enabled,"));
    assert!(lines.next().unwrap().starts_with("<root_account>,"));
    let row = lines.find(|l| l.starts_with("reported,")).unwrap();
    assert!(row.contains(",true,"), "access_key_1_active: {row}");
    assert!(!csv.contains(key.secret_access_key()));

    root.set_security_token_service_preferences()
        .global_endpoint_token_version(GlobalEndpointTokenVersion::V2Token)
        .send()
        .await
        .unwrap();
    let summary = root.get_account_summary().send().await.unwrap();
    assert_eq!(
        summary
            .summary_map()
            .unwrap()
            .get(&SummaryKeyType::GlobalEndpointTokenVersion),
        Some(&2)
    );
    server.stop().await;
}

//! The IAM API: one file per operation (see [`crate::api`]); what several of them share is in
//! [`shared`].

pub(crate) mod accept_delegation_request;
pub(crate) mod add_client_id_to_open_id_connect_provider;
pub(crate) mod add_role_to_instance_profile;
pub(crate) mod add_user_to_group;
pub(crate) mod associate_delegation_request;
pub(crate) mod attach_group_policy;
pub(crate) mod attach_role_policy;
pub(crate) mod attach_user_policy;
pub(crate) mod change_password;
pub(crate) mod create_access_key;
pub(crate) mod create_account_alias;
pub(crate) mod create_delegation_request;
pub(crate) mod create_group;
pub(crate) mod create_instance_profile;
pub(crate) mod create_login_profile;
pub(crate) mod create_open_id_connect_provider;
pub(crate) mod create_policy;
pub(crate) mod create_policy_version;
pub(crate) mod create_role;
pub(crate) mod create_saml_provider;
pub(crate) mod create_service_linked_role;
pub(crate) mod create_service_specific_credential;
pub(crate) mod create_user;
pub(crate) mod create_virtual_mfa_device;
pub(crate) mod deactivate_mfa_device;
pub(crate) mod delete_access_key;
pub(crate) mod delete_account_alias;
pub(crate) mod delete_account_password_policy;
pub(crate) mod delete_group;
pub(crate) mod delete_group_policy;
pub(crate) mod delete_instance_profile;
pub(crate) mod delete_login_profile;
pub(crate) mod delete_open_id_connect_provider;
pub(crate) mod delete_policy;
pub(crate) mod delete_policy_version;
pub(crate) mod delete_role;
pub(crate) mod delete_role_permissions_boundary;
pub(crate) mod delete_role_policy;
pub(crate) mod delete_saml_provider;
pub(crate) mod delete_server_certificate;
pub(crate) mod delete_service_linked_role;
pub(crate) mod delete_service_specific_credential;
pub(crate) mod delete_signing_certificate;
pub(crate) mod delete_ssh_public_key;
pub(crate) mod delete_user;
pub(crate) mod delete_user_permissions_boundary;
pub(crate) mod delete_user_policy;
pub(crate) mod delete_virtual_mfa_device;
pub(crate) mod detach_group_policy;
pub(crate) mod detach_role_policy;
pub(crate) mod detach_user_policy;
pub(crate) mod disable_outbound_web_identity_federation;
pub(crate) mod enable_mfa_device;
pub(crate) mod enable_outbound_web_identity_federation;
pub(crate) mod generate_credential_report;
pub(crate) mod generate_service_last_accessed_details;
pub(crate) mod get_access_key_last_used;
pub(crate) mod get_account_authorization_details;
pub(crate) mod get_account_password_policy;
pub(crate) mod get_account_summary;
pub(crate) mod get_context_keys_for_custom_policy;
pub(crate) mod get_context_keys_for_principal_policy;
pub(crate) mod get_credential_report;
pub(crate) mod get_delegation_request;
pub(crate) mod get_group;
pub(crate) mod get_group_policy;
pub(crate) mod get_human_readable_summary;
pub(crate) mod get_instance_profile;
pub(crate) mod get_login_profile;
pub(crate) mod get_mfa_device;
pub(crate) mod get_open_id_connect_provider;
pub(crate) mod get_outbound_web_identity_federation_info;
pub(crate) mod get_policy;
pub(crate) mod get_policy_version;
pub(crate) mod get_role;
pub(crate) mod get_role_policy;
pub(crate) mod get_saml_provider;
pub(crate) mod get_server_certificate;
pub(crate) mod get_service_last_accessed_details;
pub(crate) mod get_service_last_accessed_details_with_entities;
pub(crate) mod get_service_linked_role_deletion_status;
pub(crate) mod get_ssh_public_key;
pub(crate) mod get_user;
pub(crate) mod get_user_policy;
pub(crate) mod list_access_keys;
pub(crate) mod list_account_aliases;
pub(crate) mod list_attached_group_policies;
pub(crate) mod list_attached_role_policies;
pub(crate) mod list_attached_user_policies;
pub(crate) mod list_delegation_requests;
pub(crate) mod list_entities_for_policy;
pub(crate) mod list_group_policies;
pub(crate) mod list_groups;
pub(crate) mod list_groups_for_user;
pub(crate) mod list_instance_profile_tags;
pub(crate) mod list_instance_profiles;
pub(crate) mod list_instance_profiles_for_role;
pub(crate) mod list_mfa_device_tags;
pub(crate) mod list_mfa_devices;
pub(crate) mod list_open_id_connect_provider_tags;
pub(crate) mod list_open_id_connect_providers;
pub(crate) mod list_policies;
pub(crate) mod list_policies_granting_service_access;
pub(crate) mod list_policy_tags;
pub(crate) mod list_policy_versions;
pub(crate) mod list_role_policies;
pub(crate) mod list_role_tags;
pub(crate) mod list_roles;
pub(crate) mod list_saml_provider_tags;
pub(crate) mod list_saml_providers;
pub(crate) mod list_server_certificate_tags;
pub(crate) mod list_server_certificates;
pub(crate) mod list_service_specific_credentials;
pub(crate) mod list_signing_certificates;
pub(crate) mod list_ssh_public_keys;
pub(crate) mod list_user_policies;
pub(crate) mod list_user_tags;
pub(crate) mod list_users;
pub(crate) mod list_virtual_mfa_devices;
pub(crate) mod put_group_policy;
pub(crate) mod put_role_permissions_boundary;
pub(crate) mod put_role_policy;
pub(crate) mod put_user_permissions_boundary;
pub(crate) mod put_user_policy;
pub(crate) mod reject_delegation_request;
pub(crate) mod remove_client_id_from_open_id_connect_provider;
pub(crate) mod remove_role_from_instance_profile;
pub(crate) mod remove_user_from_group;
pub(crate) mod reset_service_specific_credential;
pub(crate) mod resync_mfa_device;
pub(crate) mod send_delegation_token;
pub(crate) mod set_default_policy_version;
pub(crate) mod set_security_token_service_preferences;
pub(crate) mod shared;
pub(crate) mod simulate_custom_policy;
pub(crate) mod simulate_principal_policy;
pub(crate) mod tag_instance_profile;
pub(crate) mod tag_mfa_device;
pub(crate) mod tag_open_id_connect_provider;
pub(crate) mod tag_policy;
pub(crate) mod tag_role;
pub(crate) mod tag_saml_provider;
pub(crate) mod tag_server_certificate;
pub(crate) mod tag_user;
pub(crate) mod untag_instance_profile;
pub(crate) mod untag_mfa_device;
pub(crate) mod untag_open_id_connect_provider;
pub(crate) mod untag_policy;
pub(crate) mod untag_role;
pub(crate) mod untag_saml_provider;
pub(crate) mod untag_server_certificate;
pub(crate) mod untag_user;
pub(crate) mod update_access_key;
pub(crate) mod update_account_password_policy;
pub(crate) mod update_assume_role_policy;
pub(crate) mod update_delegation_request;
pub(crate) mod update_group;
pub(crate) mod update_login_profile;
pub(crate) mod update_open_id_connect_provider_thumbprint;
pub(crate) mod update_role;
pub(crate) mod update_role_description;
pub(crate) mod update_saml_provider;
pub(crate) mod update_server_certificate;
pub(crate) mod update_service_specific_credential;
pub(crate) mod update_signing_certificate;
pub(crate) mod update_ssh_public_key;
pub(crate) mod update_user;
pub(crate) mod upload_server_certificate;
pub(crate) mod upload_signing_certificate;
pub(crate) mod upload_ssh_public_key;

#[cfg(test)]
mod tests {
    use crate::api::operations::Service;
    use crate::testing::{self, call};

    #[tokio::test]
    async fn a_user_is_created_read_and_deleted() {
        let state = testing::state();
        let root = testing::root(&state);
        let created = call(
            &state,
            &root,
            Service::Iam,
            &[
                ("Action", "CreateUser"),
                ("UserName", "gina"),
                ("Path", "/ops/"),
            ],
        )
        .await
        .unwrap()
        .unwrap()
        .to_audit_json();
        assert_eq!(
            created["user"]["arn"],
            format!("arn:aws:iam::{}:user/ops/gina", testing::ACCOUNT)
        );
        let get = [("Action", "GetUser"), ("UserName", "gina")];
        let got = call(&state, &root, Service::Iam, &get)
            .await
            .unwrap()
            .unwrap()
            .to_audit_json();
        assert_eq!(got["user"]["userId"], created["user"]["userId"]);
        call(
            &state,
            &root,
            Service::Iam,
            &[("Action", "DeleteUser"), ("UserName", "gina")],
        )
        .await
        .unwrap();
        let err = call(&state, &root, Service::Iam, &get).await.unwrap_err();
        assert_eq!(
            (err.code(), err.message().as_str()),
            ("NoSuchEntity", "The user with name gina cannot be found.")
        );
    }

    #[tokio::test]
    async fn instance_profile_tags_stop_at_fifty() {
        let state = testing::state();
        let root = testing::root(&state);
        let create = [
            ("Action", "CreateInstanceProfile"),
            ("InstanceProfileName", "web"),
        ];
        call(&state, &root, Service::Iam, &create).await.unwrap();
        let tags: Vec<(String, String)> = (1..=50)
            .flat_map(|i| {
                [
                    (format!("Tags.member.{i}.Key"), format!("k{i}")),
                    (format!("Tags.member.{i}.Value"), String::new()),
                ]
            })
            .collect();
        let mut params = vec![
            ("Action", "TagInstanceProfile"),
            ("InstanceProfileName", "web"),
        ];
        params.extend(tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        call(&state, &root, Service::Iam, &params).await.unwrap();
        let one_more = [
            ("Action", "TagInstanceProfile"),
            ("InstanceProfileName", "web"),
            ("Tags.member.1.Key", "extra"),
            ("Tags.member.1.Value", "x"),
        ];
        let err = call(&state, &root, Service::Iam, &one_more)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code(), err.message().as_str()),
            (
                "LimitExceeded",
                "The number of tags has reached the maximum limit."
            )
        );
        let listed = call(
            &state,
            &root,
            Service::Iam,
            &[
                ("Action", "ListInstanceProfileTags"),
                ("InstanceProfileName", "web"),
                ("MaxItems", "100"),
            ],
        )
        .await
        .unwrap()
        .unwrap()
        .to_audit_json();
        assert_eq!(listed["tags"].as_array().map(Vec::len), Some(50));
    }
}

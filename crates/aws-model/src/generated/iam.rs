//! Generated from `models/iam/service-2.json` by `cargo run -p keyward-aws-model --bin generate`.
//! Do not edit; regenerate after refreshing the model.

use super::{ErrorInfo, OperationInfo};

/// API version of the model.
pub const API_VERSION: &str = "2010-05-08";

/// Operation names, as constants.
pub mod operation {
    /// `AcceptDelegationRequest`.
    pub const ACCEPT_DELEGATION_REQUEST: &str = "AcceptDelegationRequest";
    /// `AddClientIDToOpenIDConnectProvider`.
    pub const ADD_CLIENT_ID_TO_OPEN_ID_CONNECT_PROVIDER: &str =
        "AddClientIDToOpenIDConnectProvider";
    /// `AddRoleToInstanceProfile`.
    pub const ADD_ROLE_TO_INSTANCE_PROFILE: &str = "AddRoleToInstanceProfile";
    /// `AddUserToGroup`.
    pub const ADD_USER_TO_GROUP: &str = "AddUserToGroup";
    /// `AssociateDelegationRequest`.
    pub const ASSOCIATE_DELEGATION_REQUEST: &str = "AssociateDelegationRequest";
    /// `AttachGroupPolicy`.
    pub const ATTACH_GROUP_POLICY: &str = "AttachGroupPolicy";
    /// `AttachRolePolicy`.
    pub const ATTACH_ROLE_POLICY: &str = "AttachRolePolicy";
    /// `AttachUserPolicy`.
    pub const ATTACH_USER_POLICY: &str = "AttachUserPolicy";
    /// `ChangePassword`.
    pub const CHANGE_PASSWORD: &str = "ChangePassword";
    /// `CreateAccessKey`.
    pub const CREATE_ACCESS_KEY: &str = "CreateAccessKey";
    /// `CreateAccountAlias`.
    pub const CREATE_ACCOUNT_ALIAS: &str = "CreateAccountAlias";
    /// `CreateDelegationRequest`.
    pub const CREATE_DELEGATION_REQUEST: &str = "CreateDelegationRequest";
    /// `CreateGroup`.
    pub const CREATE_GROUP: &str = "CreateGroup";
    /// `CreateInstanceProfile`.
    pub const CREATE_INSTANCE_PROFILE: &str = "CreateInstanceProfile";
    /// `CreateLoginProfile`.
    pub const CREATE_LOGIN_PROFILE: &str = "CreateLoginProfile";
    /// `CreateOpenIDConnectProvider`.
    pub const CREATE_OPEN_ID_CONNECT_PROVIDER: &str = "CreateOpenIDConnectProvider";
    /// `CreatePolicy`.
    pub const CREATE_POLICY: &str = "CreatePolicy";
    /// `CreatePolicyVersion`.
    pub const CREATE_POLICY_VERSION: &str = "CreatePolicyVersion";
    /// `CreateRole`.
    pub const CREATE_ROLE: &str = "CreateRole";
    /// `CreateSAMLProvider`.
    pub const CREATE_SAML_PROVIDER: &str = "CreateSAMLProvider";
    /// `CreateServiceLinkedRole`.
    pub const CREATE_SERVICE_LINKED_ROLE: &str = "CreateServiceLinkedRole";
    /// `CreateServiceSpecificCredential`.
    pub const CREATE_SERVICE_SPECIFIC_CREDENTIAL: &str = "CreateServiceSpecificCredential";
    /// `CreateUser`.
    pub const CREATE_USER: &str = "CreateUser";
    /// `CreateVirtualMFADevice`.
    pub const CREATE_VIRTUAL_MFA_DEVICE: &str = "CreateVirtualMFADevice";
    /// `DeactivateMFADevice`.
    pub const DEACTIVATE_MFA_DEVICE: &str = "DeactivateMFADevice";
    /// `DeleteAccessKey`.
    pub const DELETE_ACCESS_KEY: &str = "DeleteAccessKey";
    /// `DeleteAccountAlias`.
    pub const DELETE_ACCOUNT_ALIAS: &str = "DeleteAccountAlias";
    /// `DeleteAccountPasswordPolicy`.
    pub const DELETE_ACCOUNT_PASSWORD_POLICY: &str = "DeleteAccountPasswordPolicy";
    /// `DeleteGroup`.
    pub const DELETE_GROUP: &str = "DeleteGroup";
    /// `DeleteGroupPolicy`.
    pub const DELETE_GROUP_POLICY: &str = "DeleteGroupPolicy";
    /// `DeleteInstanceProfile`.
    pub const DELETE_INSTANCE_PROFILE: &str = "DeleteInstanceProfile";
    /// `DeleteLoginProfile`.
    pub const DELETE_LOGIN_PROFILE: &str = "DeleteLoginProfile";
    /// `DeleteOpenIDConnectProvider`.
    pub const DELETE_OPEN_ID_CONNECT_PROVIDER: &str = "DeleteOpenIDConnectProvider";
    /// `DeletePolicy`.
    pub const DELETE_POLICY: &str = "DeletePolicy";
    /// `DeletePolicyVersion`.
    pub const DELETE_POLICY_VERSION: &str = "DeletePolicyVersion";
    /// `DeleteRole`.
    pub const DELETE_ROLE: &str = "DeleteRole";
    /// `DeleteRolePermissionsBoundary`.
    pub const DELETE_ROLE_PERMISSIONS_BOUNDARY: &str = "DeleteRolePermissionsBoundary";
    /// `DeleteRolePolicy`.
    pub const DELETE_ROLE_POLICY: &str = "DeleteRolePolicy";
    /// `DeleteSAMLProvider`.
    pub const DELETE_SAML_PROVIDER: &str = "DeleteSAMLProvider";
    /// `DeleteSSHPublicKey`.
    pub const DELETE_SSH_PUBLIC_KEY: &str = "DeleteSSHPublicKey";
    /// `DeleteServerCertificate`.
    pub const DELETE_SERVER_CERTIFICATE: &str = "DeleteServerCertificate";
    /// `DeleteServiceLinkedRole`.
    pub const DELETE_SERVICE_LINKED_ROLE: &str = "DeleteServiceLinkedRole";
    /// `DeleteServiceSpecificCredential`.
    pub const DELETE_SERVICE_SPECIFIC_CREDENTIAL: &str = "DeleteServiceSpecificCredential";
    /// `DeleteSigningCertificate`.
    pub const DELETE_SIGNING_CERTIFICATE: &str = "DeleteSigningCertificate";
    /// `DeleteUser`.
    pub const DELETE_USER: &str = "DeleteUser";
    /// `DeleteUserPermissionsBoundary`.
    pub const DELETE_USER_PERMISSIONS_BOUNDARY: &str = "DeleteUserPermissionsBoundary";
    /// `DeleteUserPolicy`.
    pub const DELETE_USER_POLICY: &str = "DeleteUserPolicy";
    /// `DeleteVirtualMFADevice`.
    pub const DELETE_VIRTUAL_MFA_DEVICE: &str = "DeleteVirtualMFADevice";
    /// `DetachGroupPolicy`.
    pub const DETACH_GROUP_POLICY: &str = "DetachGroupPolicy";
    /// `DetachRolePolicy`.
    pub const DETACH_ROLE_POLICY: &str = "DetachRolePolicy";
    /// `DetachUserPolicy`.
    pub const DETACH_USER_POLICY: &str = "DetachUserPolicy";
    /// `DisableOrganizationsRootCredentialsManagement`.
    pub const DISABLE_ORGANIZATIONS_ROOT_CREDENTIALS_MANAGEMENT: &str =
        "DisableOrganizationsRootCredentialsManagement";
    /// `DisableOrganizationsRootSessions`.
    pub const DISABLE_ORGANIZATIONS_ROOT_SESSIONS: &str = "DisableOrganizationsRootSessions";
    /// `DisableOutboundWebIdentityFederation`.
    pub const DISABLE_OUTBOUND_WEB_IDENTITY_FEDERATION: &str =
        "DisableOutboundWebIdentityFederation";
    /// `EnableMFADevice`.
    pub const ENABLE_MFA_DEVICE: &str = "EnableMFADevice";
    /// `EnableOrganizationsRootCredentialsManagement`.
    pub const ENABLE_ORGANIZATIONS_ROOT_CREDENTIALS_MANAGEMENT: &str =
        "EnableOrganizationsRootCredentialsManagement";
    /// `EnableOrganizationsRootSessions`.
    pub const ENABLE_ORGANIZATIONS_ROOT_SESSIONS: &str = "EnableOrganizationsRootSessions";
    /// `EnableOutboundWebIdentityFederation`.
    pub const ENABLE_OUTBOUND_WEB_IDENTITY_FEDERATION: &str = "EnableOutboundWebIdentityFederation";
    /// `GenerateCredentialReport`.
    pub const GENERATE_CREDENTIAL_REPORT: &str = "GenerateCredentialReport";
    /// `GenerateOrganizationsAccessReport`.
    pub const GENERATE_ORGANIZATIONS_ACCESS_REPORT: &str = "GenerateOrganizationsAccessReport";
    /// `GenerateServiceLastAccessedDetails`.
    pub const GENERATE_SERVICE_LAST_ACCESSED_DETAILS: &str = "GenerateServiceLastAccessedDetails";
    /// `GetAccessKeyLastUsed`.
    pub const GET_ACCESS_KEY_LAST_USED: &str = "GetAccessKeyLastUsed";
    /// `GetAccountAuthorizationDetails`.
    pub const GET_ACCOUNT_AUTHORIZATION_DETAILS: &str = "GetAccountAuthorizationDetails";
    /// `GetAccountPasswordPolicy`.
    pub const GET_ACCOUNT_PASSWORD_POLICY: &str = "GetAccountPasswordPolicy";
    /// `GetAccountSummary`.
    pub const GET_ACCOUNT_SUMMARY: &str = "GetAccountSummary";
    /// `GetContextKeysForCustomPolicy`.
    pub const GET_CONTEXT_KEYS_FOR_CUSTOM_POLICY: &str = "GetContextKeysForCustomPolicy";
    /// `GetContextKeysForPrincipalPolicy`.
    pub const GET_CONTEXT_KEYS_FOR_PRINCIPAL_POLICY: &str = "GetContextKeysForPrincipalPolicy";
    /// `GetCredentialReport`.
    pub const GET_CREDENTIAL_REPORT: &str = "GetCredentialReport";
    /// `GetDelegationRequest`.
    pub const GET_DELEGATION_REQUEST: &str = "GetDelegationRequest";
    /// `GetGroup`.
    pub const GET_GROUP: &str = "GetGroup";
    /// `GetGroupPolicy`.
    pub const GET_GROUP_POLICY: &str = "GetGroupPolicy";
    /// `GetHumanReadableSummary`.
    pub const GET_HUMAN_READABLE_SUMMARY: &str = "GetHumanReadableSummary";
    /// `GetInstanceProfile`.
    pub const GET_INSTANCE_PROFILE: &str = "GetInstanceProfile";
    /// `GetLoginProfile`.
    pub const GET_LOGIN_PROFILE: &str = "GetLoginProfile";
    /// `GetMFADevice`.
    pub const GET_MFA_DEVICE: &str = "GetMFADevice";
    /// `GetOpenIDConnectProvider`.
    pub const GET_OPEN_ID_CONNECT_PROVIDER: &str = "GetOpenIDConnectProvider";
    /// `GetOrganizationsAccessReport`.
    pub const GET_ORGANIZATIONS_ACCESS_REPORT: &str = "GetOrganizationsAccessReport";
    /// `GetOutboundWebIdentityFederationInfo`.
    pub const GET_OUTBOUND_WEB_IDENTITY_FEDERATION_INFO: &str =
        "GetOutboundWebIdentityFederationInfo";
    /// `GetPolicy`.
    pub const GET_POLICY: &str = "GetPolicy";
    /// `GetPolicyVersion`.
    pub const GET_POLICY_VERSION: &str = "GetPolicyVersion";
    /// `GetRole`.
    pub const GET_ROLE: &str = "GetRole";
    /// `GetRolePolicy`.
    pub const GET_ROLE_POLICY: &str = "GetRolePolicy";
    /// `GetSAMLProvider`.
    pub const GET_SAML_PROVIDER: &str = "GetSAMLProvider";
    /// `GetSSHPublicKey`.
    pub const GET_SSH_PUBLIC_KEY: &str = "GetSSHPublicKey";
    /// `GetServerCertificate`.
    pub const GET_SERVER_CERTIFICATE: &str = "GetServerCertificate";
    /// `GetServiceLastAccessedDetails`.
    pub const GET_SERVICE_LAST_ACCESSED_DETAILS: &str = "GetServiceLastAccessedDetails";
    /// `GetServiceLastAccessedDetailsWithEntities`.
    pub const GET_SERVICE_LAST_ACCESSED_DETAILS_WITH_ENTITIES: &str =
        "GetServiceLastAccessedDetailsWithEntities";
    /// `GetServiceLinkedRoleDeletionStatus`.
    pub const GET_SERVICE_LINKED_ROLE_DELETION_STATUS: &str = "GetServiceLinkedRoleDeletionStatus";
    /// `GetUser`.
    pub const GET_USER: &str = "GetUser";
    /// `GetUserPolicy`.
    pub const GET_USER_POLICY: &str = "GetUserPolicy";
    /// `ListAccessKeys`.
    pub const LIST_ACCESS_KEYS: &str = "ListAccessKeys";
    /// `ListAccountAliases`.
    pub const LIST_ACCOUNT_ALIASES: &str = "ListAccountAliases";
    /// `ListAttachedGroupPolicies`.
    pub const LIST_ATTACHED_GROUP_POLICIES: &str = "ListAttachedGroupPolicies";
    /// `ListAttachedRolePolicies`.
    pub const LIST_ATTACHED_ROLE_POLICIES: &str = "ListAttachedRolePolicies";
    /// `ListAttachedUserPolicies`.
    pub const LIST_ATTACHED_USER_POLICIES: &str = "ListAttachedUserPolicies";
    /// `ListDelegationRequests`.
    pub const LIST_DELEGATION_REQUESTS: &str = "ListDelegationRequests";
    /// `ListEntitiesForPolicy`.
    pub const LIST_ENTITIES_FOR_POLICY: &str = "ListEntitiesForPolicy";
    /// `ListGroupPolicies`.
    pub const LIST_GROUP_POLICIES: &str = "ListGroupPolicies";
    /// `ListGroups`.
    pub const LIST_GROUPS: &str = "ListGroups";
    /// `ListGroupsForUser`.
    pub const LIST_GROUPS_FOR_USER: &str = "ListGroupsForUser";
    /// `ListInstanceProfileTags`.
    pub const LIST_INSTANCE_PROFILE_TAGS: &str = "ListInstanceProfileTags";
    /// `ListInstanceProfiles`.
    pub const LIST_INSTANCE_PROFILES: &str = "ListInstanceProfiles";
    /// `ListInstanceProfilesForRole`.
    pub const LIST_INSTANCE_PROFILES_FOR_ROLE: &str = "ListInstanceProfilesForRole";
    /// `ListMFADeviceTags`.
    pub const LIST_MFA_DEVICE_TAGS: &str = "ListMFADeviceTags";
    /// `ListMFADevices`.
    pub const LIST_MFA_DEVICES: &str = "ListMFADevices";
    /// `ListOpenIDConnectProviderTags`.
    pub const LIST_OPEN_ID_CONNECT_PROVIDER_TAGS: &str = "ListOpenIDConnectProviderTags";
    /// `ListOpenIDConnectProviders`.
    pub const LIST_OPEN_ID_CONNECT_PROVIDERS: &str = "ListOpenIDConnectProviders";
    /// `ListOrganizationsFeatures`.
    pub const LIST_ORGANIZATIONS_FEATURES: &str = "ListOrganizationsFeatures";
    /// `ListPolicies`.
    pub const LIST_POLICIES: &str = "ListPolicies";
    /// `ListPoliciesGrantingServiceAccess`.
    pub const LIST_POLICIES_GRANTING_SERVICE_ACCESS: &str = "ListPoliciesGrantingServiceAccess";
    /// `ListPolicyTags`.
    pub const LIST_POLICY_TAGS: &str = "ListPolicyTags";
    /// `ListPolicyVersions`.
    pub const LIST_POLICY_VERSIONS: &str = "ListPolicyVersions";
    /// `ListRolePolicies`.
    pub const LIST_ROLE_POLICIES: &str = "ListRolePolicies";
    /// `ListRoleTags`.
    pub const LIST_ROLE_TAGS: &str = "ListRoleTags";
    /// `ListRoles`.
    pub const LIST_ROLES: &str = "ListRoles";
    /// `ListSAMLProviderTags`.
    pub const LIST_SAML_PROVIDER_TAGS: &str = "ListSAMLProviderTags";
    /// `ListSAMLProviders`.
    pub const LIST_SAML_PROVIDERS: &str = "ListSAMLProviders";
    /// `ListSSHPublicKeys`.
    pub const LIST_SSH_PUBLIC_KEYS: &str = "ListSSHPublicKeys";
    /// `ListServerCertificateTags`.
    pub const LIST_SERVER_CERTIFICATE_TAGS: &str = "ListServerCertificateTags";
    /// `ListServerCertificates`.
    pub const LIST_SERVER_CERTIFICATES: &str = "ListServerCertificates";
    /// `ListServiceSpecificCredentials`.
    pub const LIST_SERVICE_SPECIFIC_CREDENTIALS: &str = "ListServiceSpecificCredentials";
    /// `ListSigningCertificates`.
    pub const LIST_SIGNING_CERTIFICATES: &str = "ListSigningCertificates";
    /// `ListUserPolicies`.
    pub const LIST_USER_POLICIES: &str = "ListUserPolicies";
    /// `ListUserTags`.
    pub const LIST_USER_TAGS: &str = "ListUserTags";
    /// `ListUsers`.
    pub const LIST_USERS: &str = "ListUsers";
    /// `ListVirtualMFADevices`.
    pub const LIST_VIRTUAL_MFA_DEVICES: &str = "ListVirtualMFADevices";
    /// `PutGroupPolicy`.
    pub const PUT_GROUP_POLICY: &str = "PutGroupPolicy";
    /// `PutRolePermissionsBoundary`.
    pub const PUT_ROLE_PERMISSIONS_BOUNDARY: &str = "PutRolePermissionsBoundary";
    /// `PutRolePolicy`.
    pub const PUT_ROLE_POLICY: &str = "PutRolePolicy";
    /// `PutUserPermissionsBoundary`.
    pub const PUT_USER_PERMISSIONS_BOUNDARY: &str = "PutUserPermissionsBoundary";
    /// `PutUserPolicy`.
    pub const PUT_USER_POLICY: &str = "PutUserPolicy";
    /// `RejectDelegationRequest`.
    pub const REJECT_DELEGATION_REQUEST: &str = "RejectDelegationRequest";
    /// `RemoveClientIDFromOpenIDConnectProvider`.
    pub const REMOVE_CLIENT_ID_FROM_OPEN_ID_CONNECT_PROVIDER: &str =
        "RemoveClientIDFromOpenIDConnectProvider";
    /// `RemoveRoleFromInstanceProfile`.
    pub const REMOVE_ROLE_FROM_INSTANCE_PROFILE: &str = "RemoveRoleFromInstanceProfile";
    /// `RemoveUserFromGroup`.
    pub const REMOVE_USER_FROM_GROUP: &str = "RemoveUserFromGroup";
    /// `ResetServiceSpecificCredential`.
    pub const RESET_SERVICE_SPECIFIC_CREDENTIAL: &str = "ResetServiceSpecificCredential";
    /// `ResyncMFADevice`.
    pub const RESYNC_MFA_DEVICE: &str = "ResyncMFADevice";
    /// `SendDelegationToken`.
    pub const SEND_DELEGATION_TOKEN: &str = "SendDelegationToken";
    /// `SetDefaultPolicyVersion`.
    pub const SET_DEFAULT_POLICY_VERSION: &str = "SetDefaultPolicyVersion";
    /// `SetSecurityTokenServicePreferences`.
    pub const SET_SECURITY_TOKEN_SERVICE_PREFERENCES: &str = "SetSecurityTokenServicePreferences";
    /// `SimulateCustomPolicy`.
    pub const SIMULATE_CUSTOM_POLICY: &str = "SimulateCustomPolicy";
    /// `SimulatePrincipalPolicy`.
    pub const SIMULATE_PRINCIPAL_POLICY: &str = "SimulatePrincipalPolicy";
    /// `TagInstanceProfile`.
    pub const TAG_INSTANCE_PROFILE: &str = "TagInstanceProfile";
    /// `TagMFADevice`.
    pub const TAG_MFA_DEVICE: &str = "TagMFADevice";
    /// `TagOpenIDConnectProvider`.
    pub const TAG_OPEN_ID_CONNECT_PROVIDER: &str = "TagOpenIDConnectProvider";
    /// `TagPolicy`.
    pub const TAG_POLICY: &str = "TagPolicy";
    /// `TagRole`.
    pub const TAG_ROLE: &str = "TagRole";
    /// `TagSAMLProvider`.
    pub const TAG_SAML_PROVIDER: &str = "TagSAMLProvider";
    /// `TagServerCertificate`.
    pub const TAG_SERVER_CERTIFICATE: &str = "TagServerCertificate";
    /// `TagUser`.
    pub const TAG_USER: &str = "TagUser";
    /// `UntagInstanceProfile`.
    pub const UNTAG_INSTANCE_PROFILE: &str = "UntagInstanceProfile";
    /// `UntagMFADevice`.
    pub const UNTAG_MFA_DEVICE: &str = "UntagMFADevice";
    /// `UntagOpenIDConnectProvider`.
    pub const UNTAG_OPEN_ID_CONNECT_PROVIDER: &str = "UntagOpenIDConnectProvider";
    /// `UntagPolicy`.
    pub const UNTAG_POLICY: &str = "UntagPolicy";
    /// `UntagRole`.
    pub const UNTAG_ROLE: &str = "UntagRole";
    /// `UntagSAMLProvider`.
    pub const UNTAG_SAML_PROVIDER: &str = "UntagSAMLProvider";
    /// `UntagServerCertificate`.
    pub const UNTAG_SERVER_CERTIFICATE: &str = "UntagServerCertificate";
    /// `UntagUser`.
    pub const UNTAG_USER: &str = "UntagUser";
    /// `UpdateAccessKey`.
    pub const UPDATE_ACCESS_KEY: &str = "UpdateAccessKey";
    /// `UpdateAccountPasswordPolicy`.
    pub const UPDATE_ACCOUNT_PASSWORD_POLICY: &str = "UpdateAccountPasswordPolicy";
    /// `UpdateAssumeRolePolicy`.
    pub const UPDATE_ASSUME_ROLE_POLICY: &str = "UpdateAssumeRolePolicy";
    /// `UpdateDelegationRequest`.
    pub const UPDATE_DELEGATION_REQUEST: &str = "UpdateDelegationRequest";
    /// `UpdateGroup`.
    pub const UPDATE_GROUP: &str = "UpdateGroup";
    /// `UpdateLoginProfile`.
    pub const UPDATE_LOGIN_PROFILE: &str = "UpdateLoginProfile";
    /// `UpdateOpenIDConnectProviderThumbprint`.
    pub const UPDATE_OPEN_ID_CONNECT_PROVIDER_THUMBPRINT: &str =
        "UpdateOpenIDConnectProviderThumbprint";
    /// `UpdateRole`.
    pub const UPDATE_ROLE: &str = "UpdateRole";
    /// `UpdateRoleDescription`.
    pub const UPDATE_ROLE_DESCRIPTION: &str = "UpdateRoleDescription";
    /// `UpdateSAMLProvider`.
    pub const UPDATE_SAML_PROVIDER: &str = "UpdateSAMLProvider";
    /// `UpdateSSHPublicKey`.
    pub const UPDATE_SSH_PUBLIC_KEY: &str = "UpdateSSHPublicKey";
    /// `UpdateServerCertificate`.
    pub const UPDATE_SERVER_CERTIFICATE: &str = "UpdateServerCertificate";
    /// `UpdateServiceSpecificCredential`.
    pub const UPDATE_SERVICE_SPECIFIC_CREDENTIAL: &str = "UpdateServiceSpecificCredential";
    /// `UpdateSigningCertificate`.
    pub const UPDATE_SIGNING_CERTIFICATE: &str = "UpdateSigningCertificate";
    /// `UpdateUser`.
    pub const UPDATE_USER: &str = "UpdateUser";
    /// `UploadSSHPublicKey`.
    pub const UPLOAD_SSH_PUBLIC_KEY: &str = "UploadSSHPublicKey";
    /// `UploadServerCertificate`.
    pub const UPLOAD_SERVER_CERTIFICATE: &str = "UploadServerCertificate";
    /// `UploadSigningCertificate`.
    pub const UPLOAD_SIGNING_CERTIFICATE: &str = "UploadSigningCertificate";
}

/// Every operation, sorted by name.
pub const OPERATIONS: &[OperationInfo] = &[
    OperationInfo {
        name: operation::ACCEPT_DELEGATION_REQUEST,
        input: Some("AcceptDelegationRequestRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ADD_CLIENT_ID_TO_OPEN_ID_CONNECT_PROVIDER,
        input: Some("AddClientIDToOpenIDConnectProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ADD_ROLE_TO_INSTANCE_PROFILE,
        input: Some("AddRoleToInstanceProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ADD_USER_TO_GROUP,
        input: Some("AddUserToGroupRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ASSOCIATE_DELEGATION_REQUEST,
        input: Some("AssociateDelegationRequestRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ATTACH_GROUP_POLICY,
        input: Some("AttachGroupPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyNotAttachableException",
                code: "PolicyNotAttachable",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ATTACH_ROLE_POLICY,
        input: Some("AttachRolePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyNotAttachableException",
                code: "PolicyNotAttachable",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ATTACH_USER_POLICY,
        input: Some("AttachUserPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyNotAttachableException",
                code: "PolicyNotAttachable",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CHANGE_PASSWORD,
        input: Some("ChangePasswordRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidUserTypeException",
                code: "InvalidUserType",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PasswordPolicyViolationException",
                code: "PasswordPolicyViolation",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ACCESS_KEY,
        input: Some("CreateAccessKeyRequest"),
        output: Some("CreateAccessKeyResponse"),
        result_wrapper: Some("CreateAccessKeyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ACCOUNT_ALIAS,
        input: Some("CreateAccountAliasRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_DELEGATION_REQUEST,
        input: Some("CreateDelegationRequestRequest"),
        output: Some("CreateDelegationRequestResponse"),
        result_wrapper: Some("CreateDelegationRequestResult"),
        errors: &[
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_GROUP,
        input: Some("CreateGroupRequest"),
        output: Some("CreateGroupResponse"),
        result_wrapper: Some("CreateGroupResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_INSTANCE_PROFILE,
        input: Some("CreateInstanceProfileRequest"),
        output: Some("CreateInstanceProfileResponse"),
        result_wrapper: Some("CreateInstanceProfileResult"),
        errors: &[
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_LOGIN_PROFILE,
        input: Some("CreateLoginProfileRequest"),
        output: Some("CreateLoginProfileResponse"),
        result_wrapper: Some("CreateLoginProfileResult"),
        errors: &[
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PasswordPolicyViolationException",
                code: "PasswordPolicyViolation",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_OPEN_ID_CONNECT_PROVIDER,
        input: Some("CreateOpenIDConnectProviderRequest"),
        output: Some("CreateOpenIDConnectProviderResponse"),
        result_wrapper: Some("CreateOpenIDConnectProviderResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OpenIdIdpCommunicationErrorException",
                code: "OpenIdIdpCommunicationError",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_POLICY,
        input: Some("CreatePolicyRequest"),
        output: Some("CreatePolicyResponse"),
        result_wrapper: Some("CreatePolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_POLICY_VERSION,
        input: Some("CreatePolicyVersionRequest"),
        output: Some("CreatePolicyVersionResponse"),
        result_wrapper: Some("CreatePolicyVersionResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ROLE,
        input: Some("CreateRoleRequest"),
        output: Some("CreateRoleResponse"),
        result_wrapper: Some("CreateRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_SAML_PROVIDER,
        input: Some("CreateSAMLProviderRequest"),
        output: Some("CreateSAMLProviderResponse"),
        result_wrapper: Some("CreateSAMLProviderResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_SERVICE_LINKED_ROLE,
        input: Some("CreateServiceLinkedRoleRequest"),
        output: Some("CreateServiceLinkedRoleResponse"),
        result_wrapper: Some("CreateServiceLinkedRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_SERVICE_SPECIFIC_CREDENTIAL,
        input: Some("CreateServiceSpecificCredentialRequest"),
        output: Some("CreateServiceSpecificCredentialResponse"),
        result_wrapper: Some("CreateServiceSpecificCredentialResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceNotSupportedException",
                code: "NotSupportedService",
                http_status: 404,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_USER,
        input: Some("CreateUserRequest"),
        output: Some("CreateUserResponse"),
        result_wrapper: Some("CreateUserResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_VIRTUAL_MFA_DEVICE,
        input: Some("CreateVirtualMFADeviceRequest"),
        output: Some("CreateVirtualMFADeviceResponse"),
        result_wrapper: Some("CreateVirtualMFADeviceResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DEACTIVATE_MFA_DEVICE,
        input: Some("DeactivateMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ACCESS_KEY,
        input: Some("DeleteAccessKeyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ACCOUNT_ALIAS,
        input: Some("DeleteAccountAliasRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ACCOUNT_PASSWORD_POLICY,
        input: None,
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_GROUP,
        input: Some("DeleteGroupRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_GROUP_POLICY,
        input: Some("DeleteGroupPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_INSTANCE_PROFILE,
        input: Some("DeleteInstanceProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_LOGIN_PROFILE,
        input: Some("DeleteLoginProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_OPEN_ID_CONNECT_PROVIDER,
        input: Some("DeleteOpenIDConnectProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_POLICY,
        input: Some("DeletePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_POLICY_VERSION,
        input: Some("DeletePolicyVersionRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ROLE,
        input: Some("DeleteRoleRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ROLE_PERMISSIONS_BOUNDARY,
        input: Some("DeleteRolePermissionsBoundaryRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ROLE_POLICY,
        input: Some("DeleteRolePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_SAML_PROVIDER,
        input: Some("DeleteSAMLProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_SSH_PUBLIC_KEY,
        input: Some("DeleteSSHPublicKeyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::DELETE_SERVER_CERTIFICATE,
        input: Some("DeleteServerCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_SERVICE_LINKED_ROLE,
        input: Some("DeleteServiceLinkedRoleRequest"),
        output: Some("DeleteServiceLinkedRoleResponse"),
        result_wrapper: Some("DeleteServiceLinkedRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_SERVICE_SPECIFIC_CREDENTIAL,
        input: Some("DeleteServiceSpecificCredentialRequest"),
        output: None,
        result_wrapper: None,
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::DELETE_SIGNING_CERTIFICATE,
        input: Some("DeleteSigningCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_USER,
        input: Some("DeleteUserRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_USER_PERMISSIONS_BOUNDARY,
        input: Some("DeleteUserPermissionsBoundaryRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_USER_POLICY,
        input: Some("DeleteUserPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_VIRTUAL_MFA_DEVICE,
        input: Some("DeleteVirtualMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DeleteConflictException",
                code: "DeleteConflict",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::DETACH_GROUP_POLICY,
        input: Some("DetachGroupPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DETACH_ROLE_POLICY,
        input: Some("DetachRolePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DETACH_USER_POLICY,
        input: Some("DetachUserPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DISABLE_ORGANIZATIONS_ROOT_CREDENTIALS_MANAGEMENT,
        input: Some("DisableOrganizationsRootCredentialsManagementRequest"),
        output: Some("DisableOrganizationsRootCredentialsManagementResponse"),
        result_wrapper: Some("DisableOrganizationsRootCredentialsManagementResult"),
        errors: &[
            ErrorInfo {
                shape: "ServiceAccessNotEnabledException",
                code: "ServiceAccessNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotManagementOrDelegatedAdministratorException",
                code: "AccountNotManagementOrDelegatedAdministratorException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotFoundException",
                code: "OrganizationNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotInAllFeaturesModeException",
                code: "OrganizationNotInAllFeaturesModeException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DISABLE_ORGANIZATIONS_ROOT_SESSIONS,
        input: Some("DisableOrganizationsRootSessionsRequest"),
        output: Some("DisableOrganizationsRootSessionsResponse"),
        result_wrapper: Some("DisableOrganizationsRootSessionsResult"),
        errors: &[
            ErrorInfo {
                shape: "ServiceAccessNotEnabledException",
                code: "ServiceAccessNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotManagementOrDelegatedAdministratorException",
                code: "AccountNotManagementOrDelegatedAdministratorException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotFoundException",
                code: "OrganizationNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotInAllFeaturesModeException",
                code: "OrganizationNotInAllFeaturesModeException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DISABLE_OUTBOUND_WEB_IDENTITY_FEDERATION,
        input: None,
        output: None,
        result_wrapper: None,
        errors: &[ErrorInfo {
            shape: "FeatureDisabledException",
            code: "FeatureDisabled",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::ENABLE_MFA_DEVICE,
        input: Some("EnableMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidAuthenticationCodeException",
                code: "InvalidAuthenticationCode",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_ORGANIZATIONS_ROOT_CREDENTIALS_MANAGEMENT,
        input: Some("EnableOrganizationsRootCredentialsManagementRequest"),
        output: Some("EnableOrganizationsRootCredentialsManagementResponse"),
        result_wrapper: Some("EnableOrganizationsRootCredentialsManagementResult"),
        errors: &[
            ErrorInfo {
                shape: "ServiceAccessNotEnabledException",
                code: "ServiceAccessNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotManagementOrDelegatedAdministratorException",
                code: "AccountNotManagementOrDelegatedAdministratorException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotFoundException",
                code: "OrganizationNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotInAllFeaturesModeException",
                code: "OrganizationNotInAllFeaturesModeException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "CallerIsNotManagementAccountException",
                code: "CallerIsNotManagementAccountException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_ORGANIZATIONS_ROOT_SESSIONS,
        input: Some("EnableOrganizationsRootSessionsRequest"),
        output: Some("EnableOrganizationsRootSessionsResponse"),
        result_wrapper: Some("EnableOrganizationsRootSessionsResult"),
        errors: &[
            ErrorInfo {
                shape: "ServiceAccessNotEnabledException",
                code: "ServiceAccessNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotManagementOrDelegatedAdministratorException",
                code: "AccountNotManagementOrDelegatedAdministratorException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotFoundException",
                code: "OrganizationNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotInAllFeaturesModeException",
                code: "OrganizationNotInAllFeaturesModeException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "CallerIsNotManagementAccountException",
                code: "CallerIsNotManagementAccountException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_OUTBOUND_WEB_IDENTITY_FEDERATION,
        input: None,
        output: Some("EnableOutboundWebIdentityFederationResponse"),
        result_wrapper: Some("EnableOutboundWebIdentityFederationResult"),
        errors: &[ErrorInfo {
            shape: "FeatureEnabledException",
            code: "FeatureEnabled",
            http_status: 409,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GENERATE_CREDENTIAL_REPORT,
        input: None,
        output: Some("GenerateCredentialReportResponse"),
        result_wrapper: Some("GenerateCredentialReportResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GENERATE_ORGANIZATIONS_ACCESS_REPORT,
        input: Some("GenerateOrganizationsAccessReportRequest"),
        output: Some("GenerateOrganizationsAccessReportResponse"),
        result_wrapper: Some("GenerateOrganizationsAccessReportResult"),
        errors: &[ErrorInfo {
            shape: "ReportGenerationLimitExceededException",
            code: "ReportGenerationLimitExceeded",
            http_status: 409,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GENERATE_SERVICE_LAST_ACCESSED_DETAILS,
        input: Some("GenerateServiceLastAccessedDetailsRequest"),
        output: Some("GenerateServiceLastAccessedDetailsResponse"),
        result_wrapper: Some("GenerateServiceLastAccessedDetailsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_ACCESS_KEY_LAST_USED,
        input: Some("GetAccessKeyLastUsedRequest"),
        output: Some("GetAccessKeyLastUsedResponse"),
        result_wrapper: Some("GetAccessKeyLastUsedResult"),
        errors: &[],
    },
    OperationInfo {
        name: operation::GET_ACCOUNT_AUTHORIZATION_DETAILS,
        input: Some("GetAccountAuthorizationDetailsRequest"),
        output: Some("GetAccountAuthorizationDetailsResponse"),
        result_wrapper: Some("GetAccountAuthorizationDetailsResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::GET_ACCOUNT_PASSWORD_POLICY,
        input: None,
        output: Some("GetAccountPasswordPolicyResponse"),
        result_wrapper: Some("GetAccountPasswordPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_ACCOUNT_SUMMARY,
        input: None,
        output: Some("GetAccountSummaryResponse"),
        result_wrapper: Some("GetAccountSummaryResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::GET_CONTEXT_KEYS_FOR_CUSTOM_POLICY,
        input: Some("GetContextKeysForCustomPolicyRequest"),
        output: Some("GetContextKeysForPolicyResponse"),
        result_wrapper: Some("GetContextKeysForCustomPolicyResult"),
        errors: &[ErrorInfo {
            shape: "InvalidInputException",
            code: "InvalidInput",
            http_status: 400,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GET_CONTEXT_KEYS_FOR_PRINCIPAL_POLICY,
        input: Some("GetContextKeysForPrincipalPolicyRequest"),
        output: Some("GetContextKeysForPolicyResponse"),
        result_wrapper: Some("GetContextKeysForPrincipalPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_CREDENTIAL_REPORT,
        input: None,
        output: Some("GetCredentialReportResponse"),
        result_wrapper: Some("GetCredentialReportResult"),
        errors: &[
            ErrorInfo {
                shape: "CredentialReportNotPresentException",
                code: "ReportNotPresent",
                http_status: 410,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "CredentialReportExpiredException",
                code: "ReportExpired",
                http_status: 410,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "CredentialReportNotReadyException",
                code: "ReportInProgress",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_DELEGATION_REQUEST,
        input: Some("GetDelegationRequestRequest"),
        output: Some("GetDelegationRequestResponse"),
        result_wrapper: Some("GetDelegationRequestResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_GROUP,
        input: Some("GetGroupRequest"),
        output: Some("GetGroupResponse"),
        result_wrapper: Some("GetGroupResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_GROUP_POLICY,
        input: Some("GetGroupPolicyRequest"),
        output: Some("GetGroupPolicyResponse"),
        result_wrapper: Some("GetGroupPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_HUMAN_READABLE_SUMMARY,
        input: Some("GetHumanReadableSummaryRequest"),
        output: Some("GetHumanReadableSummaryResponse"),
        result_wrapper: Some("GetHumanReadableSummaryResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_INSTANCE_PROFILE,
        input: Some("GetInstanceProfileRequest"),
        output: Some("GetInstanceProfileResponse"),
        result_wrapper: Some("GetInstanceProfileResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_LOGIN_PROFILE,
        input: Some("GetLoginProfileRequest"),
        output: Some("GetLoginProfileResponse"),
        result_wrapper: Some("GetLoginProfileResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_MFA_DEVICE,
        input: Some("GetMFADeviceRequest"),
        output: Some("GetMFADeviceResponse"),
        result_wrapper: Some("GetMFADeviceResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_OPEN_ID_CONNECT_PROVIDER,
        input: Some("GetOpenIDConnectProviderRequest"),
        output: Some("GetOpenIDConnectProviderResponse"),
        result_wrapper: Some("GetOpenIDConnectProviderResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_ORGANIZATIONS_ACCESS_REPORT,
        input: Some("GetOrganizationsAccessReportRequest"),
        output: Some("GetOrganizationsAccessReportResponse"),
        result_wrapper: Some("GetOrganizationsAccessReportResult"),
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GET_OUTBOUND_WEB_IDENTITY_FEDERATION_INFO,
        input: None,
        output: Some("GetOutboundWebIdentityFederationInfoResponse"),
        result_wrapper: Some("GetOutboundWebIdentityFederationInfoResult"),
        errors: &[ErrorInfo {
            shape: "FeatureDisabledException",
            code: "FeatureDisabled",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GET_POLICY,
        input: Some("GetPolicyRequest"),
        output: Some("GetPolicyResponse"),
        result_wrapper: Some("GetPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_POLICY_VERSION,
        input: Some("GetPolicyVersionRequest"),
        output: Some("GetPolicyVersionResponse"),
        result_wrapper: Some("GetPolicyVersionResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_ROLE,
        input: Some("GetRoleRequest"),
        output: Some("GetRoleResponse"),
        result_wrapper: Some("GetRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_ROLE_POLICY,
        input: Some("GetRolePolicyRequest"),
        output: Some("GetRolePolicyResponse"),
        result_wrapper: Some("GetRolePolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SAML_PROVIDER,
        input: Some("GetSAMLProviderRequest"),
        output: Some("GetSAMLProviderResponse"),
        result_wrapper: Some("GetSAMLProviderResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SSH_PUBLIC_KEY,
        input: Some("GetSSHPublicKeyRequest"),
        output: Some("GetSSHPublicKeyResponse"),
        result_wrapper: Some("GetSSHPublicKeyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnrecognizedPublicKeyEncodingException",
                code: "UnrecognizedPublicKeyEncoding",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SERVER_CERTIFICATE,
        input: Some("GetServerCertificateRequest"),
        output: Some("GetServerCertificateResponse"),
        result_wrapper: Some("GetServerCertificateResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SERVICE_LAST_ACCESSED_DETAILS,
        input: Some("GetServiceLastAccessedDetailsRequest"),
        output: Some("GetServiceLastAccessedDetailsResponse"),
        result_wrapper: Some("GetServiceLastAccessedDetailsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SERVICE_LAST_ACCESSED_DETAILS_WITH_ENTITIES,
        input: Some("GetServiceLastAccessedDetailsWithEntitiesRequest"),
        output: Some("GetServiceLastAccessedDetailsWithEntitiesResponse"),
        result_wrapper: Some("GetServiceLastAccessedDetailsWithEntitiesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SERVICE_LINKED_ROLE_DELETION_STATUS,
        input: Some("GetServiceLinkedRoleDeletionStatusRequest"),
        output: Some("GetServiceLinkedRoleDeletionStatusResponse"),
        result_wrapper: Some("GetServiceLinkedRoleDeletionStatusResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_USER,
        input: Some("GetUserRequest"),
        output: Some("GetUserResponse"),
        result_wrapper: Some("GetUserResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_USER_POLICY,
        input: Some("GetUserPolicyRequest"),
        output: Some("GetUserPolicyResponse"),
        result_wrapper: Some("GetUserPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ACCESS_KEYS,
        input: Some("ListAccessKeysRequest"),
        output: Some("ListAccessKeysResponse"),
        result_wrapper: Some("ListAccessKeysResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ACCOUNT_ALIASES,
        input: Some("ListAccountAliasesRequest"),
        output: Some("ListAccountAliasesResponse"),
        result_wrapper: Some("ListAccountAliasesResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_ATTACHED_GROUP_POLICIES,
        input: Some("ListAttachedGroupPoliciesRequest"),
        output: Some("ListAttachedGroupPoliciesResponse"),
        result_wrapper: Some("ListAttachedGroupPoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ATTACHED_ROLE_POLICIES,
        input: Some("ListAttachedRolePoliciesRequest"),
        output: Some("ListAttachedRolePoliciesResponse"),
        result_wrapper: Some("ListAttachedRolePoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ATTACHED_USER_POLICIES,
        input: Some("ListAttachedUserPoliciesRequest"),
        output: Some("ListAttachedUserPoliciesResponse"),
        result_wrapper: Some("ListAttachedUserPoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_DELEGATION_REQUESTS,
        input: Some("ListDelegationRequestsRequest"),
        output: Some("ListDelegationRequestsResponse"),
        result_wrapper: Some("ListDelegationRequestsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ENTITIES_FOR_POLICY,
        input: Some("ListEntitiesForPolicyRequest"),
        output: Some("ListEntitiesForPolicyResponse"),
        result_wrapper: Some("ListEntitiesForPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_GROUP_POLICIES,
        input: Some("ListGroupPoliciesRequest"),
        output: Some("ListGroupPoliciesResponse"),
        result_wrapper: Some("ListGroupPoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_GROUPS,
        input: Some("ListGroupsRequest"),
        output: Some("ListGroupsResponse"),
        result_wrapper: Some("ListGroupsResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_GROUPS_FOR_USER,
        input: Some("ListGroupsForUserRequest"),
        output: Some("ListGroupsForUserResponse"),
        result_wrapper: Some("ListGroupsForUserResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_INSTANCE_PROFILE_TAGS,
        input: Some("ListInstanceProfileTagsRequest"),
        output: Some("ListInstanceProfileTagsResponse"),
        result_wrapper: Some("ListInstanceProfileTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_INSTANCE_PROFILES,
        input: Some("ListInstanceProfilesRequest"),
        output: Some("ListInstanceProfilesResponse"),
        result_wrapper: Some("ListInstanceProfilesResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_INSTANCE_PROFILES_FOR_ROLE,
        input: Some("ListInstanceProfilesForRoleRequest"),
        output: Some("ListInstanceProfilesForRoleResponse"),
        result_wrapper: Some("ListInstanceProfilesForRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_MFA_DEVICE_TAGS,
        input: Some("ListMFADeviceTagsRequest"),
        output: Some("ListMFADeviceTagsResponse"),
        result_wrapper: Some("ListMFADeviceTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_MFA_DEVICES,
        input: Some("ListMFADevicesRequest"),
        output: Some("ListMFADevicesResponse"),
        result_wrapper: Some("ListMFADevicesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_OPEN_ID_CONNECT_PROVIDER_TAGS,
        input: Some("ListOpenIDConnectProviderTagsRequest"),
        output: Some("ListOpenIDConnectProviderTagsResponse"),
        result_wrapper: Some("ListOpenIDConnectProviderTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_OPEN_ID_CONNECT_PROVIDERS,
        input: Some("ListOpenIDConnectProvidersRequest"),
        output: Some("ListOpenIDConnectProvidersResponse"),
        result_wrapper: Some("ListOpenIDConnectProvidersResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_ORGANIZATIONS_FEATURES,
        input: Some("ListOrganizationsFeaturesRequest"),
        output: Some("ListOrganizationsFeaturesResponse"),
        result_wrapper: Some("ListOrganizationsFeaturesResult"),
        errors: &[
            ErrorInfo {
                shape: "ServiceAccessNotEnabledException",
                code: "ServiceAccessNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotManagementOrDelegatedAdministratorException",
                code: "AccountNotManagementOrDelegatedAdministratorException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotFoundException",
                code: "OrganizationNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotInAllFeaturesModeException",
                code: "OrganizationNotInAllFeaturesModeException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_POLICIES,
        input: Some("ListPoliciesRequest"),
        output: Some("ListPoliciesResponse"),
        result_wrapper: Some("ListPoliciesResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_POLICIES_GRANTING_SERVICE_ACCESS,
        input: Some("ListPoliciesGrantingServiceAccessRequest"),
        output: Some("ListPoliciesGrantingServiceAccessResponse"),
        result_wrapper: Some("ListPoliciesGrantingServiceAccessResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_POLICY_TAGS,
        input: Some("ListPolicyTagsRequest"),
        output: Some("ListPolicyTagsResponse"),
        result_wrapper: Some("ListPolicyTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_POLICY_VERSIONS,
        input: Some("ListPolicyVersionsRequest"),
        output: Some("ListPolicyVersionsResponse"),
        result_wrapper: Some("ListPolicyVersionsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ROLE_POLICIES,
        input: Some("ListRolePoliciesRequest"),
        output: Some("ListRolePoliciesResponse"),
        result_wrapper: Some("ListRolePoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ROLE_TAGS,
        input: Some("ListRoleTagsRequest"),
        output: Some("ListRoleTagsResponse"),
        result_wrapper: Some("ListRoleTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ROLES,
        input: Some("ListRolesRequest"),
        output: Some("ListRolesResponse"),
        result_wrapper: Some("ListRolesResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_SAML_PROVIDER_TAGS,
        input: Some("ListSAMLProviderTagsRequest"),
        output: Some("ListSAMLProviderTagsResponse"),
        result_wrapper: Some("ListSAMLProviderTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_SAML_PROVIDERS,
        input: Some("ListSAMLProvidersRequest"),
        output: Some("ListSAMLProvidersResponse"),
        result_wrapper: Some("ListSAMLProvidersResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_SSH_PUBLIC_KEYS,
        input: Some("ListSSHPublicKeysRequest"),
        output: Some("ListSSHPublicKeysResponse"),
        result_wrapper: Some("ListSSHPublicKeysResult"),
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::LIST_SERVER_CERTIFICATE_TAGS,
        input: Some("ListServerCertificateTagsRequest"),
        output: Some("ListServerCertificateTagsResponse"),
        result_wrapper: Some("ListServerCertificateTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_SERVER_CERTIFICATES,
        input: Some("ListServerCertificatesRequest"),
        output: Some("ListServerCertificatesResponse"),
        result_wrapper: Some("ListServerCertificatesResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_SERVICE_SPECIFIC_CREDENTIALS,
        input: Some("ListServiceSpecificCredentialsRequest"),
        output: Some("ListServiceSpecificCredentialsResponse"),
        result_wrapper: Some("ListServiceSpecificCredentialsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceNotSupportedException",
                code: "NotSupportedService",
                http_status: 404,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_SIGNING_CERTIFICATES,
        input: Some("ListSigningCertificatesRequest"),
        output: Some("ListSigningCertificatesResponse"),
        result_wrapper: Some("ListSigningCertificatesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_USER_POLICIES,
        input: Some("ListUserPoliciesRequest"),
        output: Some("ListUserPoliciesResponse"),
        result_wrapper: Some("ListUserPoliciesResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_USER_TAGS,
        input: Some("ListUserTagsRequest"),
        output: Some("ListUserTagsResponse"),
        result_wrapper: Some("ListUserTagsResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_USERS,
        input: Some("ListUsersRequest"),
        output: Some("ListUsersResponse"),
        result_wrapper: Some("ListUsersResult"),
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::LIST_VIRTUAL_MFA_DEVICES,
        input: Some("ListVirtualMFADevicesRequest"),
        output: Some("ListVirtualMFADevicesResponse"),
        result_wrapper: Some("ListVirtualMFADevicesResult"),
        errors: &[],
    },
    OperationInfo {
        name: operation::PUT_GROUP_POLICY,
        input: Some("PutGroupPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::PUT_ROLE_PERMISSIONS_BOUNDARY,
        input: Some("PutRolePermissionsBoundaryRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyNotAttachableException",
                code: "PolicyNotAttachable",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::PUT_ROLE_POLICY,
        input: Some("PutRolePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::PUT_USER_PERMISSIONS_BOUNDARY,
        input: Some("PutUserPermissionsBoundaryRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyNotAttachableException",
                code: "PolicyNotAttachable",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::PUT_USER_POLICY,
        input: Some("PutUserPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::REJECT_DELEGATION_REQUEST,
        input: Some("RejectDelegationRequestRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::REMOVE_CLIENT_ID_FROM_OPEN_ID_CONNECT_PROVIDER,
        input: Some("RemoveClientIDFromOpenIDConnectProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::REMOVE_ROLE_FROM_INSTANCE_PROFILE,
        input: Some("RemoveRoleFromInstanceProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::REMOVE_USER_FROM_GROUP,
        input: Some("RemoveUserFromGroupRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::RESET_SERVICE_SPECIFIC_CREDENTIAL,
        input: Some("ResetServiceSpecificCredentialRequest"),
        output: Some("ResetServiceSpecificCredentialResponse"),
        result_wrapper: Some("ResetServiceSpecificCredentialResult"),
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::RESYNC_MFA_DEVICE,
        input: Some("ResyncMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "InvalidAuthenticationCodeException",
                code: "InvalidAuthenticationCode",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::SEND_DELEGATION_TOKEN,
        input: Some("SendDelegationTokenRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::SET_DEFAULT_POLICY_VERSION,
        input: Some("SetDefaultPolicyVersionRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::SET_SECURITY_TOKEN_SERVICE_PREFERENCES,
        input: Some("SetSecurityTokenServicePreferencesRequest"),
        output: None,
        result_wrapper: None,
        errors: &[ErrorInfo {
            shape: "ServiceFailureException",
            code: "ServiceFailure",
            http_status: 500,
            sender_fault: false,
        }],
    },
    OperationInfo {
        name: operation::SIMULATE_CUSTOM_POLICY,
        input: Some("SimulateCustomPolicyRequest"),
        output: Some("SimulatePolicyResponse"),
        result_wrapper: Some("SimulateCustomPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyEvaluationException",
                code: "PolicyEvaluation",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::SIMULATE_PRINCIPAL_POLICY,
        input: Some("SimulatePrincipalPolicyRequest"),
        output: Some("SimulatePolicyResponse"),
        result_wrapper: Some("SimulatePrincipalPolicyResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PolicyEvaluationException",
                code: "PolicyEvaluation",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_INSTANCE_PROFILE,
        input: Some("TagInstanceProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_MFA_DEVICE,
        input: Some("TagMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_OPEN_ID_CONNECT_PROVIDER,
        input: Some("TagOpenIDConnectProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_POLICY,
        input: Some("TagPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_ROLE,
        input: Some("TagRoleRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_SAML_PROVIDER,
        input: Some("TagSAMLProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_SERVER_CERTIFICATE,
        input: Some("TagServerCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_USER,
        input: Some("TagUserRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_INSTANCE_PROFILE,
        input: Some("UntagInstanceProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_MFA_DEVICE,
        input: Some("UntagMFADeviceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_OPEN_ID_CONNECT_PROVIDER,
        input: Some("UntagOpenIDConnectProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_POLICY,
        input: Some("UntagPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_ROLE,
        input: Some("UntagRoleRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_SAML_PROVIDER,
        input: Some("UntagSAMLProviderRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_SERVER_CERTIFICATE,
        input: Some("UntagServerCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_USER,
        input: Some("UntagUserRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ACCESS_KEY,
        input: Some("UpdateAccessKeyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ACCOUNT_PASSWORD_POLICY,
        input: Some("UpdateAccountPasswordPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ASSUME_ROLE_POLICY,
        input: Some("UpdateAssumeRolePolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_DELEGATION_REQUEST,
        input: Some("UpdateDelegationRequestRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_GROUP,
        input: Some("UpdateGroupRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_LOGIN_PROFILE,
        input: Some("UpdateLoginProfileRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PasswordPolicyViolationException",
                code: "PasswordPolicyViolation",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_OPEN_ID_CONNECT_PROVIDER_THUMBPRINT,
        input: Some("UpdateOpenIDConnectProviderThumbprintRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ROLE,
        input: Some("UpdateRoleRequest"),
        output: Some("UpdateRoleResponse"),
        result_wrapper: Some("UpdateRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ROLE_DESCRIPTION,
        input: Some("UpdateRoleDescriptionRequest"),
        output: Some("UpdateRoleDescriptionResponse"),
        result_wrapper: Some("UpdateRoleDescriptionResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnmodifiableEntityException",
                code: "UnmodifiableEntity",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_SAML_PROVIDER,
        input: Some("UpdateSAMLProviderRequest"),
        output: Some("UpdateSAMLProviderResponse"),
        result_wrapper: Some("UpdateSAMLProviderResult"),
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_SSH_PUBLIC_KEY,
        input: Some("UpdateSSHPublicKeyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_SERVER_CERTIFICATE,
        input: Some("UpdateServerCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_SERVICE_SPECIFIC_CREDENTIAL,
        input: Some("UpdateServiceSpecificCredentialRequest"),
        output: None,
        result_wrapper: None,
        errors: &[ErrorInfo {
            shape: "NoSuchEntityException",
            code: "NoSuchEntity",
            http_status: 404,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::UPDATE_SIGNING_CERTIFICATE,
        input: Some("UpdateSigningCertificateRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_USER,
        input: Some("UpdateUserRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityTemporarilyUnmodifiableException",
                code: "EntityTemporarilyUnmodifiable",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPLOAD_SSH_PUBLIC_KEY,
        input: Some("UploadSSHPublicKeyRequest"),
        output: Some("UploadSSHPublicKeyResponse"),
        result_wrapper: Some("UploadSSHPublicKeyResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidPublicKeyException",
                code: "InvalidPublicKey",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DuplicateSSHPublicKeyException",
                code: "DuplicateSSHPublicKey",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "UnrecognizedPublicKeyEncodingException",
                code: "UnrecognizedPublicKeyEncoding",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::UPLOAD_SERVER_CERTIFICATE,
        input: Some("UploadServerCertificateRequest"),
        output: Some("UploadServerCertificateResponse"),
        result_wrapper: Some("UploadServerCertificateResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInput",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedCertificateException",
                code: "MalformedCertificate",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "KeyPairMismatchException",
                code: "KeyPairMismatch",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPLOAD_SIGNING_CERTIFICATE,
        input: Some("UploadSigningCertificateRequest"),
        output: Some("UploadSigningCertificateResponse"),
        result_wrapper: Some("UploadSigningCertificateResult"),
        errors: &[
            ErrorInfo {
                shape: "LimitExceededException",
                code: "LimitExceeded",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "EntityAlreadyExistsException",
                code: "EntityAlreadyExists",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "MalformedCertificateException",
                code: "MalformedCertificate",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidCertificateException",
                code: "InvalidCertificate",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "DuplicateCertificateException",
                code: "DuplicateCertificate",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "NoSuchEntityException",
                code: "NoSuchEntity",
                http_status: 404,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModification",
                http_status: 409,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ServiceFailureException",
                code: "ServiceFailure",
                http_status: 500,
                sender_fault: false,
            },
        ],
    },
];

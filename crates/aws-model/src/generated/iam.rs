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

/// Typed operation inputs and the structures they contain, built from a validated member
/// tree with [`FromValue`](crate::typed::FromValue).
pub mod input {
    use crate::typed::{optional, required, structure, FromValue, FromValueError};
    use crate::Value;

    /// Input of `AcceptDelegationRequest` (shape `AcceptDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AcceptDelegationRequestInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
    }

    impl FromValue for AcceptDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
            })
        }
    }

    /// Input of `AddClientIDToOpenIDConnectProvider` (shape `AddClientIDToOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AddClientIDToOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `ClientID` (required).
        pub client_id: String,
    }

    impl FromValue for AddClientIDToOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                client_id: required(tree, "ClientID")?,
            })
        }
    }

    /// Input of `AddRoleToInstanceProfile` (shape `AddRoleToInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AddRoleToInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for AddRoleToInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `AddUserToGroup` (shape `AddUserToGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AddUserToGroupInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `UserName` (required).
        pub user_name: String,
    }

    impl FromValue for AddUserToGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                user_name: required(tree, "UserName")?,
            })
        }
    }

    /// Input of `AssociateDelegationRequest` (shape `AssociateDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AssociateDelegationRequestInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
    }

    impl FromValue for AssociateDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
            })
        }
    }

    /// Input of `AttachGroupPolicy` (shape `AttachGroupPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AttachGroupPolicyInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for AttachGroupPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `AttachRolePolicy` (shape `AttachRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AttachRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for AttachRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `AttachUserPolicy` (shape `AttachUserPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AttachUserPolicyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for AttachUserPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `ChangePassword` (shape `ChangePasswordRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ChangePasswordInput {
        /// `OldPassword` (required). Sensitive.
        pub old_password: String,
        /// `NewPassword` (required). Sensitive.
        pub new_password: String,
    }

    impl FromValue for ChangePasswordInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                old_password: required(tree, "OldPassword")?,
                new_password: required(tree, "NewPassword")?,
            })
        }
    }

    /// Shape `ContextEntry`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct ContextEntry {
        /// `ContextKeyName`.
        pub context_key_name: Option<String>,
        /// `ContextKeyValues`.
        pub context_key_values: Option<Vec<String>>,
        /// `ContextKeyType`.
        pub context_key_type: Option<String>,
    }

    impl FromValue for ContextEntry {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                context_key_name: optional(tree, "ContextKeyName")?,
                context_key_values: optional(tree, "ContextKeyValues")?,
                context_key_type: optional(tree, "ContextKeyType")?,
            })
        }
    }

    /// Input of `CreateAccessKey` (shape `CreateAccessKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateAccessKeyInput {
        /// `UserName`.
        pub user_name: Option<String>,
    }

    impl FromValue for CreateAccessKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
            })
        }
    }

    /// Input of `CreateAccountAlias` (shape `CreateAccountAliasRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateAccountAliasInput {
        /// `AccountAlias` (required).
        pub account_alias: String,
    }

    impl FromValue for CreateAccountAliasInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_alias: required(tree, "AccountAlias")?,
            })
        }
    }

    /// Input of `CreateDelegationRequest` (shape `CreateDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateDelegationRequestInput {
        /// `OwnerAccountId`.
        pub owner_account_id: Option<String>,
        /// `Description` (required).
        pub description: String,
        /// `Permissions` (required).
        pub permissions: DelegationPermission,
        /// `RequestMessage`.
        pub request_message: Option<String>,
        /// `RequestorWorkflowId` (required).
        pub requestor_workflow_id: String,
        /// `RedirectUrl`.
        pub redirect_url: Option<String>,
        /// `NotificationChannel` (required).
        pub notification_channel: String,
        /// `SessionDuration` (required).
        pub session_duration: i64,
        /// `OnlySendByOwner`.
        pub only_send_by_owner: Option<bool>,
    }

    impl FromValue for CreateDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                owner_account_id: optional(tree, "OwnerAccountId")?,
                description: required(tree, "Description")?,
                permissions: required(tree, "Permissions")?,
                request_message: optional(tree, "RequestMessage")?,
                requestor_workflow_id: required(tree, "RequestorWorkflowId")?,
                redirect_url: optional(tree, "RedirectUrl")?,
                notification_channel: required(tree, "NotificationChannel")?,
                session_duration: required(tree, "SessionDuration")?,
                only_send_by_owner: optional(tree, "OnlySendByOwner")?,
            })
        }
    }

    /// Input of `CreateGroup` (shape `CreateGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateGroupInput {
        /// `Path`.
        pub path: Option<String>,
        /// `GroupName` (required).
        pub group_name: String,
    }

    impl FromValue for CreateGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path: optional(tree, "Path")?,
                group_name: required(tree, "GroupName")?,
            })
        }
    }

    /// Input of `CreateInstanceProfile` (shape `CreateInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `Path`.
        pub path: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                path: optional(tree, "Path")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreateLoginProfile` (shape `CreateLoginProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateLoginProfileInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `Password`. Sensitive.
        pub password: Option<String>,
        /// `PasswordResetRequired`.
        pub password_reset_required: Option<bool>,
    }

    impl FromValue for CreateLoginProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                password: optional(tree, "Password")?,
                password_reset_required: optional(tree, "PasswordResetRequired")?,
            })
        }
    }

    /// Input of `CreateOpenIDConnectProvider` (shape `CreateOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateOpenIDConnectProviderInput {
        /// `Url` (required).
        pub url: String,
        /// `ClientIDList`.
        pub client_id_list: Option<Vec<String>>,
        /// `ThumbprintList`.
        pub thumbprint_list: Option<Vec<String>>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                url: required(tree, "Url")?,
                client_id_list: optional(tree, "ClientIDList")?,
                thumbprint_list: optional(tree, "ThumbprintList")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreatePolicy` (shape `CreatePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreatePolicyInput {
        /// `PolicyName` (required).
        pub policy_name: String,
        /// `Path`.
        pub path: Option<String>,
        /// `PolicyDocument` (required).
        pub policy_document: String,
        /// `Description`.
        pub description: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreatePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_name: required(tree, "PolicyName")?,
                path: optional(tree, "Path")?,
                policy_document: required(tree, "PolicyDocument")?,
                description: optional(tree, "Description")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreatePolicyVersion` (shape `CreatePolicyVersionRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreatePolicyVersionInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `PolicyDocument` (required).
        pub policy_document: String,
        /// `SetAsDefault`.
        pub set_as_default: Option<bool>,
    }

    impl FromValue for CreatePolicyVersionInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                policy_document: required(tree, "PolicyDocument")?,
                set_as_default: optional(tree, "SetAsDefault")?,
            })
        }
    }

    /// Input of `CreateRole` (shape `CreateRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateRoleInput {
        /// `Path`.
        pub path: Option<String>,
        /// `RoleName` (required).
        pub role_name: String,
        /// `AssumeRolePolicyDocument` (required).
        pub assume_role_policy_document: String,
        /// `Description`.
        pub description: Option<String>,
        /// `MaxSessionDuration`.
        pub max_session_duration: Option<i64>,
        /// `PermissionsBoundary`.
        pub permissions_boundary: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path: optional(tree, "Path")?,
                role_name: required(tree, "RoleName")?,
                assume_role_policy_document: required(tree, "AssumeRolePolicyDocument")?,
                description: optional(tree, "Description")?,
                max_session_duration: optional(tree, "MaxSessionDuration")?,
                permissions_boundary: optional(tree, "PermissionsBoundary")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreateSAMLProvider` (shape `CreateSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateSAMLProviderInput {
        /// `SAMLMetadataDocument` (required).
        pub saml_metadata_document: String,
        /// `Name` (required).
        pub name: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
        /// `AssertionEncryptionMode`.
        pub assertion_encryption_mode: Option<String>,
        /// `AddPrivateKey`. Sensitive.
        pub add_private_key: Option<String>,
    }

    impl FromValue for CreateSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_metadata_document: required(tree, "SAMLMetadataDocument")?,
                name: required(tree, "Name")?,
                tags: optional(tree, "Tags")?,
                assertion_encryption_mode: optional(tree, "AssertionEncryptionMode")?,
                add_private_key: optional(tree, "AddPrivateKey")?,
            })
        }
    }

    /// Input of `CreateServiceLinkedRole` (shape `CreateServiceLinkedRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateServiceLinkedRoleInput {
        /// `AWSServiceName` (required).
        pub aws_service_name: String,
        /// `Description`.
        pub description: Option<String>,
        /// `CustomSuffix`.
        pub custom_suffix: Option<String>,
    }

    impl FromValue for CreateServiceLinkedRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                aws_service_name: required(tree, "AWSServiceName")?,
                description: optional(tree, "Description")?,
                custom_suffix: optional(tree, "CustomSuffix")?,
            })
        }
    }

    /// Input of `CreateServiceSpecificCredential` (shape `CreateServiceSpecificCredentialRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateServiceSpecificCredentialInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `ServiceName` (required).
        pub service_name: String,
        /// `CredentialAgeDays`.
        pub credential_age_days: Option<i64>,
    }

    impl FromValue for CreateServiceSpecificCredentialInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                service_name: required(tree, "ServiceName")?,
                credential_age_days: optional(tree, "CredentialAgeDays")?,
            })
        }
    }

    /// Input of `CreateUser` (shape `CreateUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateUserInput {
        /// `Path`.
        pub path: Option<String>,
        /// `UserName` (required).
        pub user_name: String,
        /// `PermissionsBoundary`.
        pub permissions_boundary: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path: optional(tree, "Path")?,
                user_name: required(tree, "UserName")?,
                permissions_boundary: optional(tree, "PermissionsBoundary")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreateVirtualMFADevice` (shape `CreateVirtualMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateVirtualMFADeviceInput {
        /// `Path`.
        pub path: Option<String>,
        /// `VirtualMFADeviceName` (required).
        pub virtual_mfa_device_name: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateVirtualMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path: optional(tree, "Path")?,
                virtual_mfa_device_name: required(tree, "VirtualMFADeviceName")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `DeactivateMFADevice` (shape `DeactivateMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeactivateMFADeviceInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `SerialNumber` (required).
        pub serial_number: String,
    }

    impl FromValue for DeactivateMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                serial_number: required(tree, "SerialNumber")?,
            })
        }
    }

    /// Shape `DelegationPermission`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct DelegationPermission {
        /// `PolicyTemplateArn`.
        pub policy_template_arn: Option<String>,
        /// `Parameters`.
        pub parameters: Option<Vec<PolicyParameter>>,
    }

    impl FromValue for DelegationPermission {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_template_arn: optional(tree, "PolicyTemplateArn")?,
                parameters: optional(tree, "Parameters")?,
            })
        }
    }

    /// Input of `DeleteAccessKey` (shape `DeleteAccessKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteAccessKeyInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `AccessKeyId` (required).
        pub access_key_id: String,
    }

    impl FromValue for DeleteAccessKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                access_key_id: required(tree, "AccessKeyId")?,
            })
        }
    }

    /// Input of `DeleteAccountAlias` (shape `DeleteAccountAliasRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteAccountAliasInput {
        /// `AccountAlias` (required).
        pub account_alias: String,
    }

    impl FromValue for DeleteAccountAliasInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_alias: required(tree, "AccountAlias")?,
            })
        }
    }

    /// Input of `DeleteGroup` (shape `DeleteGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteGroupInput {
        /// `GroupName` (required).
        pub group_name: String,
    }

    impl FromValue for DeleteGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
            })
        }
    }

    /// Input of `DeleteGroupPolicy` (shape `DeleteGroupPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteGroupPolicyInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for DeleteGroupPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `DeleteInstanceProfile` (shape `DeleteInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
    }

    impl FromValue for DeleteInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
            })
        }
    }

    /// Input of `DeleteLoginProfile` (shape `DeleteLoginProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteLoginProfileInput {
        /// `UserName`.
        pub user_name: Option<String>,
    }

    impl FromValue for DeleteLoginProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
            })
        }
    }

    /// Input of `DeleteOpenIDConnectProvider` (shape `DeleteOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
    }

    impl FromValue for DeleteOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
            })
        }
    }

    /// Input of `DeletePolicy` (shape `DeletePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeletePolicyInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for DeletePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `DeletePolicyVersion` (shape `DeletePolicyVersionRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeletePolicyVersionInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `VersionId` (required).
        pub version_id: String,
    }

    impl FromValue for DeletePolicyVersionInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                version_id: required(tree, "VersionId")?,
            })
        }
    }

    /// Input of `DeleteRole` (shape `DeleteRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for DeleteRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `DeleteRolePermissionsBoundary` (shape `DeleteRolePermissionsBoundaryRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteRolePermissionsBoundaryInput {
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for DeleteRolePermissionsBoundaryInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `DeleteRolePolicy` (shape `DeleteRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for DeleteRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `DeleteSAMLProvider` (shape `DeleteSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteSAMLProviderInput {
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
    }

    impl FromValue for DeleteSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
            })
        }
    }

    /// Input of `DeleteSSHPublicKey` (shape `DeleteSSHPublicKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteSSHPublicKeyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SSHPublicKeyId` (required).
        pub ssh_public_key_id: String,
    }

    impl FromValue for DeleteSSHPublicKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                ssh_public_key_id: required(tree, "SSHPublicKeyId")?,
            })
        }
    }

    /// Input of `DeleteServerCertificate` (shape `DeleteServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteServerCertificateInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
    }

    impl FromValue for DeleteServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
            })
        }
    }

    /// Input of `DeleteServiceLinkedRole` (shape `DeleteServiceLinkedRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteServiceLinkedRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for DeleteServiceLinkedRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `DeleteServiceSpecificCredential` (shape `DeleteServiceSpecificCredentialRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteServiceSpecificCredentialInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `ServiceSpecificCredentialId` (required).
        pub service_specific_credential_id: String,
    }

    impl FromValue for DeleteServiceSpecificCredentialInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                service_specific_credential_id: required(tree, "ServiceSpecificCredentialId")?,
            })
        }
    }

    /// Input of `DeleteSigningCertificate` (shape `DeleteSigningCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteSigningCertificateInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `CertificateId` (required).
        pub certificate_id: String,
    }

    impl FromValue for DeleteSigningCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                certificate_id: required(tree, "CertificateId")?,
            })
        }
    }

    /// Input of `DeleteUser` (shape `DeleteUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteUserInput {
        /// `UserName` (required).
        pub user_name: String,
    }

    impl FromValue for DeleteUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
            })
        }
    }

    /// Input of `DeleteUserPermissionsBoundary` (shape `DeleteUserPermissionsBoundaryRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteUserPermissionsBoundaryInput {
        /// `UserName` (required).
        pub user_name: String,
    }

    impl FromValue for DeleteUserPermissionsBoundaryInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
            })
        }
    }

    /// Input of `DeleteUserPolicy` (shape `DeleteUserPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteUserPolicyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for DeleteUserPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `DeleteVirtualMFADevice` (shape `DeleteVirtualMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteVirtualMFADeviceInput {
        /// `SerialNumber` (required).
        pub serial_number: String,
    }

    impl FromValue for DeleteVirtualMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                serial_number: required(tree, "SerialNumber")?,
            })
        }
    }

    /// Input of `DetachGroupPolicy` (shape `DetachGroupPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DetachGroupPolicyInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for DetachGroupPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `DetachRolePolicy` (shape `DetachRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DetachRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for DetachRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `DetachUserPolicy` (shape `DetachUserPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DetachUserPolicyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for DetachUserPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `DisableOrganizationsRootCredentialsManagement` (shape `DisableOrganizationsRootCredentialsManagementRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DisableOrganizationsRootCredentialsManagementInput {}

    impl FromValue for DisableOrganizationsRootCredentialsManagementInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `DisableOrganizationsRootSessions` (shape `DisableOrganizationsRootSessionsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DisableOrganizationsRootSessionsInput {}

    impl FromValue for DisableOrganizationsRootSessionsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `EnableMFADevice` (shape `EnableMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnableMFADeviceInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `AuthenticationCode1` (required).
        pub authentication_code1: String,
        /// `AuthenticationCode2` (required).
        pub authentication_code2: String,
    }

    impl FromValue for EnableMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                serial_number: required(tree, "SerialNumber")?,
                authentication_code1: required(tree, "AuthenticationCode1")?,
                authentication_code2: required(tree, "AuthenticationCode2")?,
            })
        }
    }

    /// Input of `EnableOrganizationsRootCredentialsManagement` (shape `EnableOrganizationsRootCredentialsManagementRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnableOrganizationsRootCredentialsManagementInput {}

    impl FromValue for EnableOrganizationsRootCredentialsManagementInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `EnableOrganizationsRootSessions` (shape `EnableOrganizationsRootSessionsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnableOrganizationsRootSessionsInput {}

    impl FromValue for EnableOrganizationsRootSessionsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `GenerateOrganizationsAccessReport` (shape `GenerateOrganizationsAccessReportRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GenerateOrganizationsAccessReportInput {
        /// `EntityPath` (required).
        pub entity_path: String,
        /// `OrganizationsPolicyId`.
        pub organizations_policy_id: Option<String>,
    }

    impl FromValue for GenerateOrganizationsAccessReportInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                entity_path: required(tree, "EntityPath")?,
                organizations_policy_id: optional(tree, "OrganizationsPolicyId")?,
            })
        }
    }

    /// Input of `GenerateServiceLastAccessedDetails` (shape `GenerateServiceLastAccessedDetailsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GenerateServiceLastAccessedDetailsInput {
        /// `Arn` (required).
        pub arn: String,
        /// `Granularity`.
        pub granularity: Option<String>,
    }

    impl FromValue for GenerateServiceLastAccessedDetailsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                arn: required(tree, "Arn")?,
                granularity: optional(tree, "Granularity")?,
            })
        }
    }

    /// Input of `GetAccessKeyLastUsed` (shape `GetAccessKeyLastUsedRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetAccessKeyLastUsedInput {
        /// `AccessKeyId` (required).
        pub access_key_id: String,
    }

    impl FromValue for GetAccessKeyLastUsedInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                access_key_id: required(tree, "AccessKeyId")?,
            })
        }
    }

    /// Input of `GetAccountAuthorizationDetails` (shape `GetAccountAuthorizationDetailsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetAccountAuthorizationDetailsInput {
        /// `Filter`.
        pub filter: Option<Vec<String>>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
    }

    impl FromValue for GetAccountAuthorizationDetailsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                filter: optional(tree, "Filter")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
            })
        }
    }

    /// Input of `GetContextKeysForCustomPolicy` (shape `GetContextKeysForCustomPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetContextKeysForCustomPolicyInput {
        /// `PolicyInputList` (required).
        pub policy_input_list: Vec<String>,
    }

    impl FromValue for GetContextKeysForCustomPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_input_list: required(tree, "PolicyInputList")?,
            })
        }
    }

    /// Input of `GetContextKeysForPrincipalPolicy` (shape `GetContextKeysForPrincipalPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetContextKeysForPrincipalPolicyInput {
        /// `PolicySourceArn` (required).
        pub policy_source_arn: String,
        /// `PolicyInputList`.
        pub policy_input_list: Option<Vec<String>>,
    }

    impl FromValue for GetContextKeysForPrincipalPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_source_arn: required(tree, "PolicySourceArn")?,
                policy_input_list: optional(tree, "PolicyInputList")?,
            })
        }
    }

    /// Input of `GetDelegationRequest` (shape `GetDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetDelegationRequestInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
        /// `DelegationPermissionCheck`.
        pub delegation_permission_check: Option<bool>,
    }

    impl FromValue for GetDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
                delegation_permission_check: optional(tree, "DelegationPermissionCheck")?,
            })
        }
    }

    /// Input of `GetGroup` (shape `GetGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetGroupInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for GetGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `GetGroupPolicy` (shape `GetGroupPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetGroupPolicyInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for GetGroupPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `GetHumanReadableSummary` (shape `GetHumanReadableSummaryRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetHumanReadableSummaryInput {
        /// `EntityArn` (required).
        pub entity_arn: String,
        /// `Locale`.
        pub locale: Option<String>,
    }

    impl FromValue for GetHumanReadableSummaryInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                entity_arn: required(tree, "EntityArn")?,
                locale: optional(tree, "Locale")?,
            })
        }
    }

    /// Input of `GetInstanceProfile` (shape `GetInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
    }

    impl FromValue for GetInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
            })
        }
    }

    /// Input of `GetLoginProfile` (shape `GetLoginProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetLoginProfileInput {
        /// `UserName`.
        pub user_name: Option<String>,
    }

    impl FromValue for GetLoginProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
            })
        }
    }

    /// Input of `GetMFADevice` (shape `GetMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetMFADeviceInput {
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `UserName`.
        pub user_name: Option<String>,
    }

    impl FromValue for GetMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                serial_number: required(tree, "SerialNumber")?,
                user_name: optional(tree, "UserName")?,
            })
        }
    }

    /// Input of `GetOpenIDConnectProvider` (shape `GetOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
    }

    impl FromValue for GetOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
            })
        }
    }

    /// Input of `GetOrganizationsAccessReport` (shape `GetOrganizationsAccessReportRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetOrganizationsAccessReportInput {
        /// `JobId` (required).
        pub job_id: String,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `SortKey`.
        pub sort_key: Option<String>,
    }

    impl FromValue for GetOrganizationsAccessReportInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                job_id: required(tree, "JobId")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
                sort_key: optional(tree, "SortKey")?,
            })
        }
    }

    /// Input of `GetPolicy` (shape `GetPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetPolicyInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
    }

    impl FromValue for GetPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
            })
        }
    }

    /// Input of `GetPolicyVersion` (shape `GetPolicyVersionRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetPolicyVersionInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `VersionId` (required).
        pub version_id: String,
    }

    impl FromValue for GetPolicyVersionInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                version_id: required(tree, "VersionId")?,
            })
        }
    }

    /// Input of `GetRole` (shape `GetRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for GetRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `GetRolePolicy` (shape `GetRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for GetRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `GetSAMLProvider` (shape `GetSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetSAMLProviderInput {
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
    }

    impl FromValue for GetSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
            })
        }
    }

    /// Input of `GetSSHPublicKey` (shape `GetSSHPublicKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetSSHPublicKeyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SSHPublicKeyId` (required).
        pub ssh_public_key_id: String,
        /// `Encoding` (required).
        pub encoding: String,
    }

    impl FromValue for GetSSHPublicKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                ssh_public_key_id: required(tree, "SSHPublicKeyId")?,
                encoding: required(tree, "Encoding")?,
            })
        }
    }

    /// Input of `GetServerCertificate` (shape `GetServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetServerCertificateInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
    }

    impl FromValue for GetServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
            })
        }
    }

    /// Input of `GetServiceLastAccessedDetails` (shape `GetServiceLastAccessedDetailsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetServiceLastAccessedDetailsInput {
        /// `JobId` (required).
        pub job_id: String,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
    }

    impl FromValue for GetServiceLastAccessedDetailsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                job_id: required(tree, "JobId")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
            })
        }
    }

    /// Input of `GetServiceLastAccessedDetailsWithEntities` (shape `GetServiceLastAccessedDetailsWithEntitiesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetServiceLastAccessedDetailsWithEntitiesInput {
        /// `JobId` (required).
        pub job_id: String,
        /// `ServiceNamespace` (required).
        pub service_namespace: String,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
    }

    impl FromValue for GetServiceLastAccessedDetailsWithEntitiesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                job_id: required(tree, "JobId")?,
                service_namespace: required(tree, "ServiceNamespace")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
            })
        }
    }

    /// Input of `GetServiceLinkedRoleDeletionStatus` (shape `GetServiceLinkedRoleDeletionStatusRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetServiceLinkedRoleDeletionStatusInput {
        /// `DeletionTaskId` (required).
        pub deletion_task_id: String,
    }

    impl FromValue for GetServiceLinkedRoleDeletionStatusInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                deletion_task_id: required(tree, "DeletionTaskId")?,
            })
        }
    }

    /// Input of `GetUser` (shape `GetUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetUserInput {
        /// `UserName`.
        pub user_name: Option<String>,
    }

    impl FromValue for GetUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
            })
        }
    }

    /// Input of `GetUserPolicy` (shape `GetUserPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetUserPolicyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
    }

    impl FromValue for GetUserPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                policy_name: required(tree, "PolicyName")?,
            })
        }
    }

    /// Input of `ListAccessKeys` (shape `ListAccessKeysRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAccessKeysInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListAccessKeysInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListAccountAliases` (shape `ListAccountAliasesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAccountAliasesInput {
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListAccountAliasesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListAttachedGroupPolicies` (shape `ListAttachedGroupPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAttachedGroupPoliciesInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListAttachedGroupPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListAttachedRolePolicies` (shape `ListAttachedRolePoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAttachedRolePoliciesInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListAttachedRolePoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListAttachedUserPolicies` (shape `ListAttachedUserPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAttachedUserPoliciesInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListAttachedUserPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListDelegationRequests` (shape `ListDelegationRequestsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListDelegationRequestsInput {
        /// `OwnerId`.
        pub owner_id: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListDelegationRequestsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                owner_id: optional(tree, "OwnerId")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListEntitiesForPolicy` (shape `ListEntitiesForPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListEntitiesForPolicyInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `EntityFilter`.
        pub entity_filter: Option<String>,
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `PolicyUsageFilter`.
        pub policy_usage_filter: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListEntitiesForPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                entity_filter: optional(tree, "EntityFilter")?,
                path_prefix: optional(tree, "PathPrefix")?,
                policy_usage_filter: optional(tree, "PolicyUsageFilter")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListGroupPolicies` (shape `ListGroupPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListGroupPoliciesInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListGroupPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListGroupsForUser` (shape `ListGroupsForUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListGroupsForUserInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListGroupsForUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListGroups` (shape `ListGroupsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListGroupsInput {
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListGroupsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListInstanceProfileTags` (shape `ListInstanceProfileTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListInstanceProfileTagsInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListInstanceProfileTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListInstanceProfilesForRole` (shape `ListInstanceProfilesForRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListInstanceProfilesForRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListInstanceProfilesForRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListInstanceProfiles` (shape `ListInstanceProfilesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListInstanceProfilesInput {
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListInstanceProfilesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListMFADeviceTags` (shape `ListMFADeviceTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListMFADeviceTagsInput {
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListMFADeviceTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                serial_number: required(tree, "SerialNumber")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListMFADevices` (shape `ListMFADevicesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListMFADevicesInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListMFADevicesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListOpenIDConnectProviderTags` (shape `ListOpenIDConnectProviderTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListOpenIDConnectProviderTagsInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListOpenIDConnectProviderTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListOpenIDConnectProviders` (shape `ListOpenIDConnectProvidersRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListOpenIDConnectProvidersInput {}

    impl FromValue for ListOpenIDConnectProvidersInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `ListOrganizationsFeatures` (shape `ListOrganizationsFeaturesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListOrganizationsFeaturesInput {}

    impl FromValue for ListOrganizationsFeaturesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `ListPoliciesGrantingServiceAccess` (shape `ListPoliciesGrantingServiceAccessRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPoliciesGrantingServiceAccessInput {
        /// `Marker`.
        pub marker: Option<String>,
        /// `Arn` (required).
        pub arn: String,
        /// `ServiceNamespaces` (required).
        pub service_namespaces: Vec<String>,
    }

    impl FromValue for ListPoliciesGrantingServiceAccessInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                marker: optional(tree, "Marker")?,
                arn: required(tree, "Arn")?,
                service_namespaces: required(tree, "ServiceNamespaces")?,
            })
        }
    }

    /// Input of `ListPolicies` (shape `ListPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPoliciesInput {
        /// `Scope`.
        pub scope: Option<String>,
        /// `OnlyAttached`.
        pub only_attached: Option<bool>,
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `PolicyUsageFilter`.
        pub policy_usage_filter: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                scope: optional(tree, "Scope")?,
                only_attached: optional(tree, "OnlyAttached")?,
                path_prefix: optional(tree, "PathPrefix")?,
                policy_usage_filter: optional(tree, "PolicyUsageFilter")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListPolicyTags` (shape `ListPolicyTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPolicyTagsInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListPolicyTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListPolicyVersions` (shape `ListPolicyVersionsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPolicyVersionsInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListPolicyVersionsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListRolePolicies` (shape `ListRolePoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListRolePoliciesInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListRolePoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListRoleTags` (shape `ListRoleTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListRoleTagsInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListRoleTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListRoles` (shape `ListRolesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListRolesInput {
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListRolesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListSAMLProviderTags` (shape `ListSAMLProviderTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListSAMLProviderTagsInput {
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListSAMLProviderTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListSAMLProviders` (shape `ListSAMLProvidersRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListSAMLProvidersInput {}

    impl FromValue for ListSAMLProvidersInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `ListSSHPublicKeys` (shape `ListSSHPublicKeysRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListSSHPublicKeysInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListSSHPublicKeysInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListServerCertificateTags` (shape `ListServerCertificateTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListServerCertificateTagsInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListServerCertificateTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListServerCertificates` (shape `ListServerCertificatesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListServerCertificatesInput {
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListServerCertificatesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListServiceSpecificCredentials` (shape `ListServiceSpecificCredentialsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListServiceSpecificCredentialsInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `ServiceName`.
        pub service_name: Option<String>,
        /// `AllUsers`.
        pub all_users: Option<bool>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListServiceSpecificCredentialsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                service_name: optional(tree, "ServiceName")?,
                all_users: optional(tree, "AllUsers")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListSigningCertificates` (shape `ListSigningCertificatesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListSigningCertificatesInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListSigningCertificatesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListUserPolicies` (shape `ListUserPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListUserPoliciesInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListUserPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListUserTags` (shape `ListUserTagsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListUserTagsInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListUserTagsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListUsers` (shape `ListUsersRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListUsersInput {
        /// `PathPrefix`.
        pub path_prefix: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListUsersInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path_prefix: optional(tree, "PathPrefix")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Input of `ListVirtualMFADevices` (shape `ListVirtualMFADevicesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListVirtualMFADevicesInput {
        /// `AssignmentStatus`.
        pub assignment_status: Option<String>,
        /// `Marker`.
        pub marker: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
    }

    impl FromValue for ListVirtualMFADevicesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                assignment_status: optional(tree, "AssignmentStatus")?,
                marker: optional(tree, "Marker")?,
                max_items: optional(tree, "MaxItems")?,
            })
        }
    }

    /// Shape `PolicyParameter`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct PolicyParameter {
        /// `Name`.
        pub name: Option<String>,
        /// `Values`.
        pub values: Option<Vec<String>>,
        /// `Type`.
        pub r#type: Option<String>,
    }

    impl FromValue for PolicyParameter {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                name: optional(tree, "Name")?,
                values: optional(tree, "Values")?,
                r#type: optional(tree, "Type")?,
            })
        }
    }

    /// Input of `PutGroupPolicy` (shape `PutGroupPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutGroupPolicyInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
        /// `PolicyDocument` (required).
        pub policy_document: String,
    }

    impl FromValue for PutGroupPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                policy_name: required(tree, "PolicyName")?,
                policy_document: required(tree, "PolicyDocument")?,
            })
        }
    }

    /// Input of `PutRolePermissionsBoundary` (shape `PutRolePermissionsBoundaryRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutRolePermissionsBoundaryInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PermissionsBoundary` (required).
        pub permissions_boundary: String,
    }

    impl FromValue for PutRolePermissionsBoundaryInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                permissions_boundary: required(tree, "PermissionsBoundary")?,
            })
        }
    }

    /// Input of `PutRolePolicy` (shape `PutRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
        /// `PolicyDocument` (required).
        pub policy_document: String,
    }

    impl FromValue for PutRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_name: required(tree, "PolicyName")?,
                policy_document: required(tree, "PolicyDocument")?,
            })
        }
    }

    /// Input of `PutUserPermissionsBoundary` (shape `PutUserPermissionsBoundaryRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutUserPermissionsBoundaryInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PermissionsBoundary` (required).
        pub permissions_boundary: String,
    }

    impl FromValue for PutUserPermissionsBoundaryInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                permissions_boundary: required(tree, "PermissionsBoundary")?,
            })
        }
    }

    /// Input of `PutUserPolicy` (shape `PutUserPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutUserPolicyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `PolicyName` (required).
        pub policy_name: String,
        /// `PolicyDocument` (required).
        pub policy_document: String,
    }

    impl FromValue for PutUserPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                policy_name: required(tree, "PolicyName")?,
                policy_document: required(tree, "PolicyDocument")?,
            })
        }
    }

    /// Input of `RejectDelegationRequest` (shape `RejectDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RejectDelegationRequestInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
        /// `Notes`.
        pub notes: Option<String>,
    }

    impl FromValue for RejectDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
                notes: optional(tree, "Notes")?,
            })
        }
    }

    /// Input of `RemoveClientIDFromOpenIDConnectProvider` (shape `RemoveClientIDFromOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RemoveClientIDFromOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `ClientID` (required).
        pub client_id: String,
    }

    impl FromValue for RemoveClientIDFromOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                client_id: required(tree, "ClientID")?,
            })
        }
    }

    /// Input of `RemoveRoleFromInstanceProfile` (shape `RemoveRoleFromInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RemoveRoleFromInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `RoleName` (required).
        pub role_name: String,
    }

    impl FromValue for RemoveRoleFromInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                role_name: required(tree, "RoleName")?,
            })
        }
    }

    /// Input of `RemoveUserFromGroup` (shape `RemoveUserFromGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RemoveUserFromGroupInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `UserName` (required).
        pub user_name: String,
    }

    impl FromValue for RemoveUserFromGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                user_name: required(tree, "UserName")?,
            })
        }
    }

    /// Input of `ResetServiceSpecificCredential` (shape `ResetServiceSpecificCredentialRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ResetServiceSpecificCredentialInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `ServiceSpecificCredentialId` (required).
        pub service_specific_credential_id: String,
    }

    impl FromValue for ResetServiceSpecificCredentialInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                service_specific_credential_id: required(tree, "ServiceSpecificCredentialId")?,
            })
        }
    }

    /// Input of `ResyncMFADevice` (shape `ResyncMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ResyncMFADeviceInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `AuthenticationCode1` (required).
        pub authentication_code1: String,
        /// `AuthenticationCode2` (required).
        pub authentication_code2: String,
    }

    impl FromValue for ResyncMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                serial_number: required(tree, "SerialNumber")?,
                authentication_code1: required(tree, "AuthenticationCode1")?,
                authentication_code2: required(tree, "AuthenticationCode2")?,
            })
        }
    }

    /// Input of `SendDelegationToken` (shape `SendDelegationTokenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct SendDelegationTokenInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
    }

    impl FromValue for SendDelegationTokenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
            })
        }
    }

    /// Input of `SetDefaultPolicyVersion` (shape `SetDefaultPolicyVersionRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct SetDefaultPolicyVersionInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `VersionId` (required).
        pub version_id: String,
    }

    impl FromValue for SetDefaultPolicyVersionInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                version_id: required(tree, "VersionId")?,
            })
        }
    }

    /// Input of `SetSecurityTokenServicePreferences` (shape `SetSecurityTokenServicePreferencesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct SetSecurityTokenServicePreferencesInput {
        /// `GlobalEndpointTokenVersion` (required).
        pub global_endpoint_token_version: String,
    }

    impl FromValue for SetSecurityTokenServicePreferencesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                global_endpoint_token_version: required(tree, "GlobalEndpointTokenVersion")?,
            })
        }
    }

    /// Input of `SimulateCustomPolicy` (shape `SimulateCustomPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct SimulateCustomPolicyInput {
        /// `PolicyInputList` (required).
        pub policy_input_list: Vec<String>,
        /// `PermissionsBoundaryPolicyInputList`.
        pub permissions_boundary_policy_input_list: Option<Vec<String>>,
        /// `ActionNames` (required).
        pub action_names: Vec<String>,
        /// `ResourceArns`.
        pub resource_arns: Option<Vec<String>>,
        /// `ResourcePolicy`.
        pub resource_policy: Option<String>,
        /// `ResourceOwner`.
        pub resource_owner: Option<String>,
        /// `CallerArn`.
        pub caller_arn: Option<String>,
        /// `ContextEntries`.
        pub context_entries: Option<Vec<ContextEntry>>,
        /// `ResourceHandlingOption`.
        pub resource_handling_option: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
    }

    impl FromValue for SimulateCustomPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_input_list: required(tree, "PolicyInputList")?,
                permissions_boundary_policy_input_list: optional(
                    tree,
                    "PermissionsBoundaryPolicyInputList",
                )?,
                action_names: required(tree, "ActionNames")?,
                resource_arns: optional(tree, "ResourceArns")?,
                resource_policy: optional(tree, "ResourcePolicy")?,
                resource_owner: optional(tree, "ResourceOwner")?,
                caller_arn: optional(tree, "CallerArn")?,
                context_entries: optional(tree, "ContextEntries")?,
                resource_handling_option: optional(tree, "ResourceHandlingOption")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
            })
        }
    }

    /// Input of `SimulatePrincipalPolicy` (shape `SimulatePrincipalPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct SimulatePrincipalPolicyInput {
        /// `PolicySourceArn` (required).
        pub policy_source_arn: String,
        /// `PolicyInputList`.
        pub policy_input_list: Option<Vec<String>>,
        /// `PermissionsBoundaryPolicyInputList`.
        pub permissions_boundary_policy_input_list: Option<Vec<String>>,
        /// `ActionNames` (required).
        pub action_names: Vec<String>,
        /// `ResourceArns`.
        pub resource_arns: Option<Vec<String>>,
        /// `ResourcePolicy`.
        pub resource_policy: Option<String>,
        /// `ResourceOwner`.
        pub resource_owner: Option<String>,
        /// `CallerArn`.
        pub caller_arn: Option<String>,
        /// `ContextEntries`.
        pub context_entries: Option<Vec<ContextEntry>>,
        /// `ResourceHandlingOption`.
        pub resource_handling_option: Option<String>,
        /// `MaxItems`.
        pub max_items: Option<i64>,
        /// `Marker`.
        pub marker: Option<String>,
    }

    impl FromValue for SimulatePrincipalPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_source_arn: required(tree, "PolicySourceArn")?,
                policy_input_list: optional(tree, "PolicyInputList")?,
                permissions_boundary_policy_input_list: optional(
                    tree,
                    "PermissionsBoundaryPolicyInputList",
                )?,
                action_names: required(tree, "ActionNames")?,
                resource_arns: optional(tree, "ResourceArns")?,
                resource_policy: optional(tree, "ResourcePolicy")?,
                resource_owner: optional(tree, "ResourceOwner")?,
                caller_arn: optional(tree, "CallerArn")?,
                context_entries: optional(tree, "ContextEntries")?,
                resource_handling_option: optional(tree, "ResourceHandlingOption")?,
                max_items: optional(tree, "MaxItems")?,
                marker: optional(tree, "Marker")?,
            })
        }
    }

    /// Shape `Tag`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Tag {
        /// `Key` (required).
        pub key: String,
        /// `Value` (required).
        pub value: String,
    }

    impl FromValue for Tag {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                key: required(tree, "Key")?,
                value: required(tree, "Value")?,
            })
        }
    }

    /// Input of `TagInstanceProfile` (shape `TagInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagMFADevice` (shape `TagMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagMFADeviceInput {
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                serial_number: required(tree, "SerialNumber")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagOpenIDConnectProvider` (shape `TagOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagPolicy` (shape `TagPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagPolicyInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagRole` (shape `TagRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagSAMLProvider` (shape `TagSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagSAMLProviderInput {
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagServerCertificate` (shape `TagServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagServerCertificateInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TagUser` (shape `TagUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagUserInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `UntagInstanceProfile` (shape `UntagInstanceProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagInstanceProfileInput {
        /// `InstanceProfileName` (required).
        pub instance_profile_name: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagInstanceProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                instance_profile_name: required(tree, "InstanceProfileName")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagMFADevice` (shape `UntagMFADeviceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagMFADeviceInput {
        /// `SerialNumber` (required).
        pub serial_number: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagMFADeviceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                serial_number: required(tree, "SerialNumber")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagOpenIDConnectProvider` (shape `UntagOpenIDConnectProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagOpenIDConnectProviderInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagOpenIDConnectProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagPolicy` (shape `UntagPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagPolicyInput {
        /// `PolicyArn` (required).
        pub policy_arn: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_arn: required(tree, "PolicyArn")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagRole` (shape `UntagRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagSAMLProvider` (shape `UntagSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagSAMLProviderInput {
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagServerCertificate` (shape `UntagServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagServerCertificateInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UntagUser` (shape `UntagUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagUserInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UpdateAccessKey` (shape `UpdateAccessKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateAccessKeyInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `AccessKeyId` (required).
        pub access_key_id: String,
        /// `Status` (required).
        pub status: String,
    }

    impl FromValue for UpdateAccessKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                access_key_id: required(tree, "AccessKeyId")?,
                status: required(tree, "Status")?,
            })
        }
    }

    /// Input of `UpdateAccountPasswordPolicy` (shape `UpdateAccountPasswordPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateAccountPasswordPolicyInput {
        /// `MinimumPasswordLength`.
        pub minimum_password_length: Option<i64>,
        /// `RequireSymbols`.
        pub require_symbols: Option<bool>,
        /// `RequireNumbers`.
        pub require_numbers: Option<bool>,
        /// `RequireUppercaseCharacters`.
        pub require_uppercase_characters: Option<bool>,
        /// `RequireLowercaseCharacters`.
        pub require_lowercase_characters: Option<bool>,
        /// `AllowUsersToChangePassword`.
        pub allow_users_to_change_password: Option<bool>,
        /// `MaxPasswordAge`.
        pub max_password_age: Option<i64>,
        /// `PasswordReusePrevention`.
        pub password_reuse_prevention: Option<i64>,
        /// `HardExpiry`.
        pub hard_expiry: Option<bool>,
    }

    impl FromValue for UpdateAccountPasswordPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                minimum_password_length: optional(tree, "MinimumPasswordLength")?,
                require_symbols: optional(tree, "RequireSymbols")?,
                require_numbers: optional(tree, "RequireNumbers")?,
                require_uppercase_characters: optional(tree, "RequireUppercaseCharacters")?,
                require_lowercase_characters: optional(tree, "RequireLowercaseCharacters")?,
                allow_users_to_change_password: optional(tree, "AllowUsersToChangePassword")?,
                max_password_age: optional(tree, "MaxPasswordAge")?,
                password_reuse_prevention: optional(tree, "PasswordReusePrevention")?,
                hard_expiry: optional(tree, "HardExpiry")?,
            })
        }
    }

    /// Input of `UpdateAssumeRolePolicy` (shape `UpdateAssumeRolePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateAssumeRolePolicyInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `PolicyDocument` (required).
        pub policy_document: String,
    }

    impl FromValue for UpdateAssumeRolePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                policy_document: required(tree, "PolicyDocument")?,
            })
        }
    }

    /// Input of `UpdateDelegationRequest` (shape `UpdateDelegationRequestRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateDelegationRequestInput {
        /// `DelegationRequestId` (required).
        pub delegation_request_id: String,
        /// `Notes`.
        pub notes: Option<String>,
    }

    impl FromValue for UpdateDelegationRequestInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                delegation_request_id: required(tree, "DelegationRequestId")?,
                notes: optional(tree, "Notes")?,
            })
        }
    }

    /// Input of `UpdateGroup` (shape `UpdateGroupRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateGroupInput {
        /// `GroupName` (required).
        pub group_name: String,
        /// `NewPath`.
        pub new_path: Option<String>,
        /// `NewGroupName`.
        pub new_group_name: Option<String>,
    }

    impl FromValue for UpdateGroupInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                group_name: required(tree, "GroupName")?,
                new_path: optional(tree, "NewPath")?,
                new_group_name: optional(tree, "NewGroupName")?,
            })
        }
    }

    /// Input of `UpdateLoginProfile` (shape `UpdateLoginProfileRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateLoginProfileInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `Password`. Sensitive.
        pub password: Option<String>,
        /// `PasswordResetRequired`.
        pub password_reset_required: Option<bool>,
    }

    impl FromValue for UpdateLoginProfileInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                password: optional(tree, "Password")?,
                password_reset_required: optional(tree, "PasswordResetRequired")?,
            })
        }
    }

    /// Input of `UpdateOpenIDConnectProviderThumbprint` (shape `UpdateOpenIDConnectProviderThumbprintRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateOpenIDConnectProviderThumbprintInput {
        /// `OpenIDConnectProviderArn` (required).
        pub open_id_connect_provider_arn: String,
        /// `ThumbprintList` (required).
        pub thumbprint_list: Vec<String>,
    }

    impl FromValue for UpdateOpenIDConnectProviderThumbprintInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                open_id_connect_provider_arn: required(tree, "OpenIDConnectProviderArn")?,
                thumbprint_list: required(tree, "ThumbprintList")?,
            })
        }
    }

    /// Input of `UpdateRoleDescription` (shape `UpdateRoleDescriptionRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateRoleDescriptionInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Description` (required).
        pub description: String,
    }

    impl FromValue for UpdateRoleDescriptionInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                description: required(tree, "Description")?,
            })
        }
    }

    /// Input of `UpdateRole` (shape `UpdateRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateRoleInput {
        /// `RoleName` (required).
        pub role_name: String,
        /// `Description`.
        pub description: Option<String>,
        /// `MaxSessionDuration`.
        pub max_session_duration: Option<i64>,
    }

    impl FromValue for UpdateRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_name: required(tree, "RoleName")?,
                description: optional(tree, "Description")?,
                max_session_duration: optional(tree, "MaxSessionDuration")?,
            })
        }
    }

    /// Input of `UpdateSAMLProvider` (shape `UpdateSAMLProviderRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateSAMLProviderInput {
        /// `SAMLMetadataDocument`.
        pub saml_metadata_document: Option<String>,
        /// `SAMLProviderArn` (required).
        pub saml_provider_arn: String,
        /// `AssertionEncryptionMode`.
        pub assertion_encryption_mode: Option<String>,
        /// `AddPrivateKey`. Sensitive.
        pub add_private_key: Option<String>,
        /// `RemovePrivateKey`.
        pub remove_private_key: Option<String>,
    }

    impl FromValue for UpdateSAMLProviderInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                saml_metadata_document: optional(tree, "SAMLMetadataDocument")?,
                saml_provider_arn: required(tree, "SAMLProviderArn")?,
                assertion_encryption_mode: optional(tree, "AssertionEncryptionMode")?,
                add_private_key: optional(tree, "AddPrivateKey")?,
                remove_private_key: optional(tree, "RemovePrivateKey")?,
            })
        }
    }

    /// Input of `UpdateSSHPublicKey` (shape `UpdateSSHPublicKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateSSHPublicKeyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SSHPublicKeyId` (required).
        pub ssh_public_key_id: String,
        /// `Status` (required).
        pub status: String,
    }

    impl FromValue for UpdateSSHPublicKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                ssh_public_key_id: required(tree, "SSHPublicKeyId")?,
                status: required(tree, "Status")?,
            })
        }
    }

    /// Input of `UpdateServerCertificate` (shape `UpdateServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateServerCertificateInput {
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
        /// `NewPath`.
        pub new_path: Option<String>,
        /// `NewServerCertificateName`.
        pub new_server_certificate_name: Option<String>,
    }

    impl FromValue for UpdateServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                server_certificate_name: required(tree, "ServerCertificateName")?,
                new_path: optional(tree, "NewPath")?,
                new_server_certificate_name: optional(tree, "NewServerCertificateName")?,
            })
        }
    }

    /// Input of `UpdateServiceSpecificCredential` (shape `UpdateServiceSpecificCredentialRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateServiceSpecificCredentialInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `ServiceSpecificCredentialId` (required).
        pub service_specific_credential_id: String,
        /// `Status` (required).
        pub status: String,
    }

    impl FromValue for UpdateServiceSpecificCredentialInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                service_specific_credential_id: required(tree, "ServiceSpecificCredentialId")?,
                status: required(tree, "Status")?,
            })
        }
    }

    /// Input of `UpdateSigningCertificate` (shape `UpdateSigningCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateSigningCertificateInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `CertificateId` (required).
        pub certificate_id: String,
        /// `Status` (required).
        pub status: String,
    }

    impl FromValue for UpdateSigningCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                certificate_id: required(tree, "CertificateId")?,
                status: required(tree, "Status")?,
            })
        }
    }

    /// Input of `UpdateUser` (shape `UpdateUserRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateUserInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `NewPath`.
        pub new_path: Option<String>,
        /// `NewUserName`.
        pub new_user_name: Option<String>,
    }

    impl FromValue for UpdateUserInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                new_path: optional(tree, "NewPath")?,
                new_user_name: optional(tree, "NewUserName")?,
            })
        }
    }

    /// Input of `UploadSSHPublicKey` (shape `UploadSSHPublicKeyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UploadSSHPublicKeyInput {
        /// `UserName` (required).
        pub user_name: String,
        /// `SSHPublicKeyBody` (required).
        pub ssh_public_key_body: String,
    }

    impl FromValue for UploadSSHPublicKeyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: required(tree, "UserName")?,
                ssh_public_key_body: required(tree, "SSHPublicKeyBody")?,
            })
        }
    }

    /// Input of `UploadServerCertificate` (shape `UploadServerCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UploadServerCertificateInput {
        /// `Path`.
        pub path: Option<String>,
        /// `ServerCertificateName` (required).
        pub server_certificate_name: String,
        /// `CertificateBody` (required).
        pub certificate_body: String,
        /// `PrivateKey` (required). Sensitive.
        pub private_key: String,
        /// `CertificateChain`.
        pub certificate_chain: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for UploadServerCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                path: optional(tree, "Path")?,
                server_certificate_name: required(tree, "ServerCertificateName")?,
                certificate_body: required(tree, "CertificateBody")?,
                private_key: required(tree, "PrivateKey")?,
                certificate_chain: optional(tree, "CertificateChain")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `UploadSigningCertificate` (shape `UploadSigningCertificateRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UploadSigningCertificateInput {
        /// `UserName`.
        pub user_name: Option<String>,
        /// `CertificateBody` (required).
        pub certificate_body: String,
    }

    impl FromValue for UploadSigningCertificateInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                user_name: optional(tree, "UserName")?,
                certificate_body: required(tree, "CertificateBody")?,
            })
        }
    }
}

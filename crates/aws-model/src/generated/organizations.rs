//! Generated from `models/organizations/service-2.json` by `cargo run -p keyward-aws-model --bin generate`.
//! Do not edit; regenerate after refreshing the model.

use super::{ErrorInfo, OperationInfo};

/// API version of the model.
pub const API_VERSION: &str = "2016-11-28";

/// Operation names, as constants.
pub mod operation {
    /// `AcceptHandshake`.
    pub const ACCEPT_HANDSHAKE: &str = "AcceptHandshake";
    /// `AttachPolicy`.
    pub const ATTACH_POLICY: &str = "AttachPolicy";
    /// `CancelHandshake`.
    pub const CANCEL_HANDSHAKE: &str = "CancelHandshake";
    /// `CloseAccount`.
    pub const CLOSE_ACCOUNT: &str = "CloseAccount";
    /// `CreateAccount`.
    pub const CREATE_ACCOUNT: &str = "CreateAccount";
    /// `CreateGovCloudAccount`.
    pub const CREATE_GOV_CLOUD_ACCOUNT: &str = "CreateGovCloudAccount";
    /// `CreateOrganization`.
    pub const CREATE_ORGANIZATION: &str = "CreateOrganization";
    /// `CreateOrganizationalUnit`.
    pub const CREATE_ORGANIZATIONAL_UNIT: &str = "CreateOrganizationalUnit";
    /// `CreatePolicy`.
    pub const CREATE_POLICY: &str = "CreatePolicy";
    /// `DeclineHandshake`.
    pub const DECLINE_HANDSHAKE: &str = "DeclineHandshake";
    /// `DeleteOrganization`.
    pub const DELETE_ORGANIZATION: &str = "DeleteOrganization";
    /// `DeleteOrganizationalUnit`.
    pub const DELETE_ORGANIZATIONAL_UNIT: &str = "DeleteOrganizationalUnit";
    /// `DeletePolicy`.
    pub const DELETE_POLICY: &str = "DeletePolicy";
    /// `DeleteResourcePolicy`.
    pub const DELETE_RESOURCE_POLICY: &str = "DeleteResourcePolicy";
    /// `DeregisterDelegatedAdministrator`.
    pub const DEREGISTER_DELEGATED_ADMINISTRATOR: &str = "DeregisterDelegatedAdministrator";
    /// `DescribeAccount`.
    pub const DESCRIBE_ACCOUNT: &str = "DescribeAccount";
    /// `DescribeCreateAccountStatus`.
    pub const DESCRIBE_CREATE_ACCOUNT_STATUS: &str = "DescribeCreateAccountStatus";
    /// `DescribeEffectivePolicy`.
    pub const DESCRIBE_EFFECTIVE_POLICY: &str = "DescribeEffectivePolicy";
    /// `DescribeHandshake`.
    pub const DESCRIBE_HANDSHAKE: &str = "DescribeHandshake";
    /// `DescribeOrganization`.
    pub const DESCRIBE_ORGANIZATION: &str = "DescribeOrganization";
    /// `DescribeOrganizationalUnit`.
    pub const DESCRIBE_ORGANIZATIONAL_UNIT: &str = "DescribeOrganizationalUnit";
    /// `DescribePolicy`.
    pub const DESCRIBE_POLICY: &str = "DescribePolicy";
    /// `DescribeResourcePolicy`.
    pub const DESCRIBE_RESOURCE_POLICY: &str = "DescribeResourcePolicy";
    /// `DescribeResponsibilityTransfer`.
    pub const DESCRIBE_RESPONSIBILITY_TRANSFER: &str = "DescribeResponsibilityTransfer";
    /// `DetachPolicy`.
    pub const DETACH_POLICY: &str = "DetachPolicy";
    /// `DisableAWSServiceAccess`.
    pub const DISABLE_AWS_SERVICE_ACCESS: &str = "DisableAWSServiceAccess";
    /// `DisablePolicyType`.
    pub const DISABLE_POLICY_TYPE: &str = "DisablePolicyType";
    /// `EnableAWSServiceAccess`.
    pub const ENABLE_AWS_SERVICE_ACCESS: &str = "EnableAWSServiceAccess";
    /// `EnableAllFeatures`.
    pub const ENABLE_ALL_FEATURES: &str = "EnableAllFeatures";
    /// `EnablePolicyType`.
    pub const ENABLE_POLICY_TYPE: &str = "EnablePolicyType";
    /// `InviteAccountToOrganization`.
    pub const INVITE_ACCOUNT_TO_ORGANIZATION: &str = "InviteAccountToOrganization";
    /// `InviteOrganizationToTransferResponsibility`.
    pub const INVITE_ORGANIZATION_TO_TRANSFER_RESPONSIBILITY: &str =
        "InviteOrganizationToTransferResponsibility";
    /// `LeaveOrganization`.
    pub const LEAVE_ORGANIZATION: &str = "LeaveOrganization";
    /// `ListAWSServiceAccessForOrganization`.
    pub const LIST_AWS_SERVICE_ACCESS_FOR_ORGANIZATION: &str =
        "ListAWSServiceAccessForOrganization";
    /// `ListAccounts`.
    pub const LIST_ACCOUNTS: &str = "ListAccounts";
    /// `ListAccountsForParent`.
    pub const LIST_ACCOUNTS_FOR_PARENT: &str = "ListAccountsForParent";
    /// `ListAccountsWithInvalidEffectivePolicy`.
    pub const LIST_ACCOUNTS_WITH_INVALID_EFFECTIVE_POLICY: &str =
        "ListAccountsWithInvalidEffectivePolicy";
    /// `ListChildren`.
    pub const LIST_CHILDREN: &str = "ListChildren";
    /// `ListCreateAccountStatus`.
    pub const LIST_CREATE_ACCOUNT_STATUS: &str = "ListCreateAccountStatus";
    /// `ListDelegatedAdministrators`.
    pub const LIST_DELEGATED_ADMINISTRATORS: &str = "ListDelegatedAdministrators";
    /// `ListDelegatedServicesForAccount`.
    pub const LIST_DELEGATED_SERVICES_FOR_ACCOUNT: &str = "ListDelegatedServicesForAccount";
    /// `ListEffectivePolicyValidationErrors`.
    pub const LIST_EFFECTIVE_POLICY_VALIDATION_ERRORS: &str = "ListEffectivePolicyValidationErrors";
    /// `ListHandshakesForAccount`.
    pub const LIST_HANDSHAKES_FOR_ACCOUNT: &str = "ListHandshakesForAccount";
    /// `ListHandshakesForOrganization`.
    pub const LIST_HANDSHAKES_FOR_ORGANIZATION: &str = "ListHandshakesForOrganization";
    /// `ListInboundResponsibilityTransfers`.
    pub const LIST_INBOUND_RESPONSIBILITY_TRANSFERS: &str = "ListInboundResponsibilityTransfers";
    /// `ListOrganizationalUnitsForParent`.
    pub const LIST_ORGANIZATIONAL_UNITS_FOR_PARENT: &str = "ListOrganizationalUnitsForParent";
    /// `ListOutboundResponsibilityTransfers`.
    pub const LIST_OUTBOUND_RESPONSIBILITY_TRANSFERS: &str = "ListOutboundResponsibilityTransfers";
    /// `ListParents`.
    pub const LIST_PARENTS: &str = "ListParents";
    /// `ListPolicies`.
    pub const LIST_POLICIES: &str = "ListPolicies";
    /// `ListPoliciesForTarget`.
    pub const LIST_POLICIES_FOR_TARGET: &str = "ListPoliciesForTarget";
    /// `ListRoots`.
    pub const LIST_ROOTS: &str = "ListRoots";
    /// `ListTagsForResource`.
    pub const LIST_TAGS_FOR_RESOURCE: &str = "ListTagsForResource";
    /// `ListTargetsForPolicy`.
    pub const LIST_TARGETS_FOR_POLICY: &str = "ListTargetsForPolicy";
    /// `MoveAccount`.
    pub const MOVE_ACCOUNT: &str = "MoveAccount";
    /// `PutResourcePolicy`.
    pub const PUT_RESOURCE_POLICY: &str = "PutResourcePolicy";
    /// `RegisterDelegatedAdministrator`.
    pub const REGISTER_DELEGATED_ADMINISTRATOR: &str = "RegisterDelegatedAdministrator";
    /// `RemoveAccountFromOrganization`.
    pub const REMOVE_ACCOUNT_FROM_ORGANIZATION: &str = "RemoveAccountFromOrganization";
    /// `TagResource`.
    pub const TAG_RESOURCE: &str = "TagResource";
    /// `TerminateResponsibilityTransfer`.
    pub const TERMINATE_RESPONSIBILITY_TRANSFER: &str = "TerminateResponsibilityTransfer";
    /// `UntagResource`.
    pub const UNTAG_RESOURCE: &str = "UntagResource";
    /// `UpdateOrganizationalUnit`.
    pub const UPDATE_ORGANIZATIONAL_UNIT: &str = "UpdateOrganizationalUnit";
    /// `UpdatePolicy`.
    pub const UPDATE_POLICY: &str = "UpdatePolicy";
    /// `UpdateResponsibilityTransfer`.
    pub const UPDATE_RESPONSIBILITY_TRANSFER: &str = "UpdateResponsibilityTransfer";
}

/// Every operation, sorted by name.
pub const OPERATIONS: &[OperationInfo] = &[
    OperationInfo {
        name: operation::ACCEPT_HANDSHAKE,
        input: Some("AcceptHandshakeRequest"),
        output: Some("AcceptHandshakeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeConstraintViolationException",
                code: "HandshakeConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeNotFoundException",
                code: "HandshakeNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidHandshakeTransitionException",
                code: "InvalidHandshakeTransitionException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeAlreadyInStateException",
                code: "HandshakeAlreadyInStateException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccessDeniedForDependencyException",
                code: "AccessDeniedForDependencyException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "MasterCannotLeaveOrganizationException",
                code: "MasterCannotLeaveOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ATTACH_POLICY,
        input: Some("AttachPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicatePolicyAttachmentException",
                code: "DuplicatePolicyAttachmentException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyTypeNotEnabledException",
                code: "PolicyTypeNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyChangesInProgressException",
                code: "PolicyChangesInProgressException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CANCEL_HANDSHAKE,
        input: Some("CancelHandshakeRequest"),
        output: Some("CancelHandshakeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeNotFoundException",
                code: "HandshakeNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidHandshakeTransitionException",
                code: "InvalidHandshakeTransitionException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeAlreadyInStateException",
                code: "HandshakeAlreadyInStateException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CLOSE_ACCOUNT,
        input: Some("CloseAccountRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountAlreadyClosedException",
                code: "AccountAlreadyClosedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConflictException",
                code: "ConflictException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ACCOUNT,
        input: Some("CreateAccountRequest"),
        output: Some("CreateAccountResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "FinalizingOrganizationException",
                code: "FinalizingOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_GOV_CLOUD_ACCOUNT,
        input: Some("CreateGovCloudAccountRequest"),
        output: Some("CreateGovCloudAccountResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "FinalizingOrganizationException",
                code: "FinalizingOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ORGANIZATION,
        input: Some("CreateOrganizationRequest"),
        output: Some("CreateOrganizationResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AlreadyInOrganizationException",
                code: "AlreadyInOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccessDeniedForDependencyException",
                code: "AccessDeniedForDependencyException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_ORGANIZATIONAL_UNIT,
        input: Some("CreateOrganizationalUnitRequest"),
        output: Some("CreateOrganizationalUnitResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicateOrganizationalUnitException",
                code: "DuplicateOrganizationalUnitException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ParentNotFoundException",
                code: "ParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::CREATE_POLICY,
        input: Some("CreatePolicyRequest"),
        output: Some("CreatePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicatePolicyException",
                code: "DuplicatePolicyException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocumentException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyTypeNotAvailableForOrganizationException",
                code: "PolicyTypeNotAvailableForOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DECLINE_HANDSHAKE,
        input: Some("DeclineHandshakeRequest"),
        output: Some("DeclineHandshakeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeNotFoundException",
                code: "HandshakeNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidHandshakeTransitionException",
                code: "InvalidHandshakeTransitionException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeAlreadyInStateException",
                code: "HandshakeAlreadyInStateException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ORGANIZATION,
        input: None,
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationNotEmptyException",
                code: "OrganizationNotEmptyException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_ORGANIZATIONAL_UNIT,
        input: Some("DeleteOrganizationalUnitRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationalUnitNotEmptyException",
                code: "OrganizationalUnitNotEmptyException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationalUnitNotFoundException",
                code: "OrganizationalUnitNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
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
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyInUseException",
                code: "PolicyInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DELETE_RESOURCE_POLICY,
        input: None,
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResourcePolicyNotFoundException",
                code: "ResourcePolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DEREGISTER_DELEGATED_ADMINISTRATOR,
        input: Some("DeregisterDelegatedAdministratorRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotRegisteredException",
                code: "AccountNotRegisteredException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_ACCOUNT,
        input: Some("DescribeAccountRequest"),
        output: Some("DescribeAccountResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_CREATE_ACCOUNT_STATUS,
        input: Some("DescribeCreateAccountStatusRequest"),
        output: Some("DescribeCreateAccountStatusResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "CreateAccountStatusNotFoundException",
                code: "CreateAccountStatusNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_EFFECTIVE_POLICY,
        input: Some("DescribeEffectivePolicyRequest"),
        output: Some("DescribeEffectivePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "EffectivePolicyNotFoundException",
                code: "EffectivePolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_HANDSHAKE,
        input: Some("DescribeHandshakeRequest"),
        output: Some("DescribeHandshakeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeNotFoundException",
                code: "HandshakeNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_ORGANIZATION,
        input: None,
        output: Some("DescribeOrganizationResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_ORGANIZATIONAL_UNIT,
        input: Some("DescribeOrganizationalUnitRequest"),
        output: Some("DescribeOrganizationalUnitResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationalUnitNotFoundException",
                code: "OrganizationalUnitNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_POLICY,
        input: Some("DescribePolicyRequest"),
        output: Some("DescribePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_RESOURCE_POLICY,
        input: None,
        output: Some("DescribeResourcePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResourcePolicyNotFoundException",
                code: "ResourcePolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DESCRIBE_RESPONSIBILITY_TRANSFER,
        input: Some("DescribeResponsibilityTransferRequest"),
        output: Some("DescribeResponsibilityTransferResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResponsibilityTransferNotFoundException",
                code: "ResponsibilityTransferNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DETACH_POLICY,
        input: Some("DetachPolicyRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotAttachedException",
                code: "PolicyNotAttachedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyChangesInProgressException",
                code: "PolicyChangesInProgressException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DISABLE_AWS_SERVICE_ACCESS,
        input: Some("DisableAWSServiceAccessRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::DISABLE_POLICY_TYPE,
        input: Some("DisablePolicyTypeRequest"),
        output: Some("DisablePolicyTypeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyTypeNotEnabledException",
                code: "PolicyTypeNotEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "RootNotFoundException",
                code: "RootNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyChangesInProgressException",
                code: "PolicyChangesInProgressException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_AWS_SERVICE_ACCESS,
        input: Some("EnableAWSServiceAccessRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_ALL_FEATURES,
        input: Some("EnableAllFeaturesRequest"),
        output: Some("EnableAllFeaturesResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeConstraintViolationException",
                code: "HandshakeConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::ENABLE_POLICY_TYPE,
        input: Some("EnablePolicyTypeRequest"),
        output: Some("EnablePolicyTypeResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyTypeAlreadyEnabledException",
                code: "PolicyTypeAlreadyEnabledException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "RootNotFoundException",
                code: "RootNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyTypeNotAvailableForOrganizationException",
                code: "PolicyTypeNotAvailableForOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyChangesInProgressException",
                code: "PolicyChangesInProgressException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::INVITE_ACCOUNT_TO_ORGANIZATION,
        input: Some("InviteAccountToOrganizationRequest"),
        output: Some("InviteAccountToOrganizationResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountOwnerNotVerifiedException",
                code: "AccountOwnerNotVerifiedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeConstraintViolationException",
                code: "HandshakeConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicateHandshakeException",
                code: "DuplicateHandshakeException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "FinalizingOrganizationException",
                code: "FinalizingOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::INVITE_ORGANIZATION_TO_TRANSFER_RESPONSIBILITY,
        input: Some("InviteOrganizationToTransferResponsibilityRequest"),
        output: Some("InviteOrganizationToTransferResponsibilityResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicateHandshakeException",
                code: "DuplicateHandshakeException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "HandshakeConstraintViolationException",
                code: "HandshakeConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LEAVE_ORGANIZATION,
        input: None,
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "MasterCannotLeaveOrganizationException",
                code: "MasterCannotLeaveOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_AWS_SERVICE_ACCESS_FOR_ORGANIZATION,
        input: Some("ListAWSServiceAccessForOrganizationRequest"),
        output: Some("ListAWSServiceAccessForOrganizationResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ACCOUNTS,
        input: Some("ListAccountsRequest"),
        output: Some("ListAccountsResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ACCOUNTS_FOR_PARENT,
        input: Some("ListAccountsForParentRequest"),
        output: Some("ListAccountsForParentResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ParentNotFoundException",
                code: "ParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ACCOUNTS_WITH_INVALID_EFFECTIVE_POLICY,
        input: Some("ListAccountsWithInvalidEffectivePolicyRequest"),
        output: Some("ListAccountsWithInvalidEffectivePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "EffectivePolicyNotFoundException",
                code: "EffectivePolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_CHILDREN,
        input: Some("ListChildrenRequest"),
        output: Some("ListChildrenResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ParentNotFoundException",
                code: "ParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_CREATE_ACCOUNT_STATUS,
        input: Some("ListCreateAccountStatusRequest"),
        output: Some("ListCreateAccountStatusResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_DELEGATED_ADMINISTRATORS,
        input: Some("ListDelegatedAdministratorsRequest"),
        output: Some("ListDelegatedAdministratorsResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_DELEGATED_SERVICES_FOR_ACCOUNT,
        input: Some("ListDelegatedServicesForAccountRequest"),
        output: Some("ListDelegatedServicesForAccountResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotRegisteredException",
                code: "AccountNotRegisteredException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_EFFECTIVE_POLICY_VALIDATION_ERRORS,
        input: Some("ListEffectivePolicyValidationErrorsRequest"),
        output: Some("ListEffectivePolicyValidationErrorsResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "EffectivePolicyNotFoundException",
                code: "EffectivePolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_HANDSHAKES_FOR_ACCOUNT,
        input: Some("ListHandshakesForAccountRequest"),
        output: Some("ListHandshakesForAccountResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_HANDSHAKES_FOR_ORGANIZATION,
        input: Some("ListHandshakesForOrganizationRequest"),
        output: Some("ListHandshakesForOrganizationResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_INBOUND_RESPONSIBILITY_TRANSFERS,
        input: Some("ListInboundResponsibilityTransfersRequest"),
        output: Some("ListInboundResponsibilityTransfersResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResponsibilityTransferNotFoundException",
                code: "ResponsibilityTransferNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ORGANIZATIONAL_UNITS_FOR_PARENT,
        input: Some("ListOrganizationalUnitsForParentRequest"),
        output: Some("ListOrganizationalUnitsForParentResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ParentNotFoundException",
                code: "ParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_OUTBOUND_RESPONSIBILITY_TRANSFERS,
        input: Some("ListOutboundResponsibilityTransfersRequest"),
        output: Some("ListOutboundResponsibilityTransfersResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_PARENTS,
        input: Some("ListParentsRequest"),
        output: Some("ListParentsResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ChildNotFoundException",
                code: "ChildNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_POLICIES,
        input: Some("ListPoliciesRequest"),
        output: Some("ListPoliciesResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_POLICIES_FOR_TARGET,
        input: Some("ListPoliciesForTargetRequest"),
        output: Some("ListPoliciesForTargetResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_ROOTS,
        input: Some("ListRootsRequest"),
        output: Some("ListRootsResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_TAGS_FOR_RESOURCE,
        input: Some("ListTagsForResourceRequest"),
        output: Some("ListTagsForResourceResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::LIST_TARGETS_FOR_POLICY,
        input: Some("ListTargetsForPolicyRequest"),
        output: Some("ListTargetsForPolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::MOVE_ACCOUNT,
        input: Some("MoveAccountRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "SourceParentNotFoundException",
                code: "SourceParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DestinationParentNotFoundException",
                code: "DestinationParentNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicateAccountException",
                code: "DuplicateAccountException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::PUT_RESOURCE_POLICY,
        input: Some("PutResourcePolicyRequest"),
        output: Some("PutResourcePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::REGISTER_DELEGATED_ADMINISTRATOR,
        input: Some("RegisterDelegatedAdministratorRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountAlreadyRegisteredException",
                code: "AccountAlreadyRegisteredException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::REMOVE_ACCOUNT_FROM_ORGANIZATION,
        input: Some("RemoveAccountFromOrganizationRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AccountNotFoundException",
                code: "AccountNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "MasterCannotLeaveOrganizationException",
                code: "MasterCannotLeaveOrganizationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TAG_RESOURCE,
        input: Some("TagResourceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::TERMINATE_RESPONSIBILITY_TRANSFER,
        input: Some("TerminateResponsibilityTransferRequest"),
        output: Some("TerminateResponsibilityTransferResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResponsibilityTransferNotFoundException",
                code: "ResponsibilityTransferNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResponsibilityTransferAlreadyInStatusException",
                code: "ResponsibilityTransferAlreadyInStatusException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidResponsibilityTransferTransitionException",
                code: "InvalidResponsibilityTransferTransitionException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UNTAG_RESOURCE,
        input: Some("UntagResourceRequest"),
        output: None,
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TargetNotFoundException",
                code: "TargetNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_ORGANIZATIONAL_UNIT,
        input: Some("UpdateOrganizationalUnitRequest"),
        output: Some("UpdateOrganizationalUnitResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicateOrganizationalUnitException",
                code: "DuplicateOrganizationalUnitException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "OrganizationalUnitNotFoundException",
                code: "OrganizationalUnitNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_POLICY,
        input: Some("UpdatePolicyRequest"),
        output: Some("UpdatePolicyResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConcurrentModificationException",
                code: "ConcurrentModificationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "DuplicatePolicyException",
                code: "DuplicatePolicyException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocumentException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyNotFoundException",
                code: "PolicyNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "PolicyChangesInProgressException",
                code: "PolicyChangesInProgressException",
                http_status: 400,
                sender_fault: false,
            },
        ],
    },
    OperationInfo {
        name: operation::UPDATE_RESPONSIBILITY_TRANSFER,
        input: Some("UpdateResponsibilityTransferRequest"),
        output: Some("UpdateResponsibilityTransferResponse"),
        result_wrapper: None,
        errors: &[
            ErrorInfo {
                shape: "AccessDeniedException",
                code: "AccessDeniedException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "AWSOrganizationsNotInUseException",
                code: "AWSOrganizationsNotInUseException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ResponsibilityTransferNotFoundException",
                code: "ResponsibilityTransferNotFoundException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ConstraintViolationException",
                code: "ConstraintViolationException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "InvalidInputException",
                code: "InvalidInputException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "ServiceException",
                code: "ServiceException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "TooManyRequestsException",
                code: "TooManyRequestsException",
                http_status: 400,
                sender_fault: false,
            },
            ErrorInfo {
                shape: "UnsupportedAPIEndpointException",
                code: "UnsupportedAPIEndpointException",
                http_status: 400,
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

    /// Input of `AcceptHandshake` (shape `AcceptHandshakeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AcceptHandshakeInput {
        /// `HandshakeId` (required).
        pub handshake_id: String,
    }

    impl FromValue for AcceptHandshakeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                handshake_id: required(tree, "HandshakeId")?,
            })
        }
    }

    /// Input of `AttachPolicy` (shape `AttachPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AttachPolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
        /// `TargetId` (required).
        pub target_id: String,
    }

    impl FromValue for AttachPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
                target_id: required(tree, "TargetId")?,
            })
        }
    }

    /// Input of `CancelHandshake` (shape `CancelHandshakeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CancelHandshakeInput {
        /// `HandshakeId` (required).
        pub handshake_id: String,
    }

    impl FromValue for CancelHandshakeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                handshake_id: required(tree, "HandshakeId")?,
            })
        }
    }

    /// Input of `CloseAccount` (shape `CloseAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CloseAccountInput {
        /// `AccountId` (required).
        pub account_id: String,
    }

    impl FromValue for CloseAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
            })
        }
    }

    /// Input of `CreateAccount` (shape `CreateAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateAccountInput {
        /// `Email` (required). Sensitive.
        pub email: String,
        /// `AccountName` (required). Sensitive.
        pub account_name: String,
        /// `RoleName`.
        pub role_name: Option<String>,
        /// `IamUserAccessToBilling`.
        pub iam_user_access_to_billing: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                email: required(tree, "Email")?,
                account_name: required(tree, "AccountName")?,
                role_name: optional(tree, "RoleName")?,
                iam_user_access_to_billing: optional(tree, "IamUserAccessToBilling")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreateGovCloudAccount` (shape `CreateGovCloudAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateGovCloudAccountInput {
        /// `Email` (required). Sensitive.
        pub email: String,
        /// `AccountName` (required). Sensitive.
        pub account_name: String,
        /// `RoleName`.
        pub role_name: Option<String>,
        /// `IamUserAccessToBilling`.
        pub iam_user_access_to_billing: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateGovCloudAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                email: required(tree, "Email")?,
                account_name: required(tree, "AccountName")?,
                role_name: optional(tree, "RoleName")?,
                iam_user_access_to_billing: optional(tree, "IamUserAccessToBilling")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreateOrganization` (shape `CreateOrganizationRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateOrganizationInput {
        /// `FeatureSet`.
        pub feature_set: Option<String>,
    }

    impl FromValue for CreateOrganizationInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                feature_set: optional(tree, "FeatureSet")?,
            })
        }
    }

    /// Input of `CreateOrganizationalUnit` (shape `CreateOrganizationalUnitRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreateOrganizationalUnitInput {
        /// `ParentId` (required).
        pub parent_id: String,
        /// `Name` (required).
        pub name: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreateOrganizationalUnitInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                parent_id: required(tree, "ParentId")?,
                name: required(tree, "Name")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `CreatePolicy` (shape `CreatePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct CreatePolicyInput {
        /// `Content` (required).
        pub content: String,
        /// `Description` (required).
        pub description: String,
        /// `Name` (required).
        pub name: String,
        /// `Type` (required).
        pub r#type: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for CreatePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                content: required(tree, "Content")?,
                description: required(tree, "Description")?,
                name: required(tree, "Name")?,
                r#type: required(tree, "Type")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `DeclineHandshake` (shape `DeclineHandshakeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeclineHandshakeInput {
        /// `HandshakeId` (required).
        pub handshake_id: String,
    }

    impl FromValue for DeclineHandshakeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                handshake_id: required(tree, "HandshakeId")?,
            })
        }
    }

    /// Input of `DeleteOrganizationalUnit` (shape `DeleteOrganizationalUnitRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeleteOrganizationalUnitInput {
        /// `OrganizationalUnitId` (required).
        pub organizational_unit_id: String,
    }

    impl FromValue for DeleteOrganizationalUnitInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                organizational_unit_id: required(tree, "OrganizationalUnitId")?,
            })
        }
    }

    /// Input of `DeletePolicy` (shape `DeletePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeletePolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
    }

    impl FromValue for DeletePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
            })
        }
    }

    /// Input of `DeregisterDelegatedAdministrator` (shape `DeregisterDelegatedAdministratorRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DeregisterDelegatedAdministratorInput {
        /// `AccountId` (required).
        pub account_id: String,
        /// `ServicePrincipal` (required).
        pub service_principal: String,
    }

    impl FromValue for DeregisterDelegatedAdministratorInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
                service_principal: required(tree, "ServicePrincipal")?,
            })
        }
    }

    /// Input of `DescribeAccount` (shape `DescribeAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeAccountInput {
        /// `AccountId` (required).
        pub account_id: String,
    }

    impl FromValue for DescribeAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
            })
        }
    }

    /// Input of `DescribeCreateAccountStatus` (shape `DescribeCreateAccountStatusRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeCreateAccountStatusInput {
        /// `CreateAccountRequestId` (required).
        pub create_account_request_id: String,
    }

    impl FromValue for DescribeCreateAccountStatusInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                create_account_request_id: required(tree, "CreateAccountRequestId")?,
            })
        }
    }

    /// Input of `DescribeEffectivePolicy` (shape `DescribeEffectivePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeEffectivePolicyInput {
        /// `PolicyType` (required).
        pub policy_type: String,
        /// `TargetId`.
        pub target_id: Option<String>,
    }

    impl FromValue for DescribeEffectivePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_type: required(tree, "PolicyType")?,
                target_id: optional(tree, "TargetId")?,
            })
        }
    }

    /// Input of `DescribeHandshake` (shape `DescribeHandshakeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeHandshakeInput {
        /// `HandshakeId` (required).
        pub handshake_id: String,
    }

    impl FromValue for DescribeHandshakeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                handshake_id: required(tree, "HandshakeId")?,
            })
        }
    }

    /// Input of `DescribeOrganizationalUnit` (shape `DescribeOrganizationalUnitRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeOrganizationalUnitInput {
        /// `OrganizationalUnitId` (required).
        pub organizational_unit_id: String,
    }

    impl FromValue for DescribeOrganizationalUnitInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                organizational_unit_id: required(tree, "OrganizationalUnitId")?,
            })
        }
    }

    /// Input of `DescribePolicy` (shape `DescribePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribePolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
    }

    impl FromValue for DescribePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
            })
        }
    }

    /// Input of `DescribeResponsibilityTransfer` (shape `DescribeResponsibilityTransferRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DescribeResponsibilityTransferInput {
        /// `Id` (required).
        pub id: String,
    }

    impl FromValue for DescribeResponsibilityTransferInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                id: required(tree, "Id")?,
            })
        }
    }

    /// Input of `DetachPolicy` (shape `DetachPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DetachPolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
        /// `TargetId` (required).
        pub target_id: String,
    }

    impl FromValue for DetachPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
                target_id: required(tree, "TargetId")?,
            })
        }
    }

    /// Input of `DisableAWSServiceAccess` (shape `DisableAWSServiceAccessRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DisableAWSServiceAccessInput {
        /// `ServicePrincipal` (required).
        pub service_principal: String,
    }

    impl FromValue for DisableAWSServiceAccessInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                service_principal: required(tree, "ServicePrincipal")?,
            })
        }
    }

    /// Input of `DisablePolicyType` (shape `DisablePolicyTypeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DisablePolicyTypeInput {
        /// `RootId` (required).
        pub root_id: String,
        /// `PolicyType` (required).
        pub policy_type: String,
    }

    impl FromValue for DisablePolicyTypeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                root_id: required(tree, "RootId")?,
                policy_type: required(tree, "PolicyType")?,
            })
        }
    }

    /// Input of `EnableAWSServiceAccess` (shape `EnableAWSServiceAccessRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnableAWSServiceAccessInput {
        /// `ServicePrincipal` (required).
        pub service_principal: String,
    }

    impl FromValue for EnableAWSServiceAccessInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                service_principal: required(tree, "ServicePrincipal")?,
            })
        }
    }

    /// Input of `EnableAllFeatures` (shape `EnableAllFeaturesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnableAllFeaturesInput {}

    impl FromValue for EnableAllFeaturesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `EnablePolicyType` (shape `EnablePolicyTypeRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct EnablePolicyTypeInput {
        /// `RootId` (required).
        pub root_id: String,
        /// `PolicyType` (required).
        pub policy_type: String,
    }

    impl FromValue for EnablePolicyTypeInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                root_id: required(tree, "RootId")?,
                policy_type: required(tree, "PolicyType")?,
            })
        }
    }

    /// Shape `HandshakeFilter`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct HandshakeFilter {
        /// `ActionType`.
        pub action_type: Option<String>,
        /// `ParentHandshakeId`.
        pub parent_handshake_id: Option<String>,
    }

    impl FromValue for HandshakeFilter {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                action_type: optional(tree, "ActionType")?,
                parent_handshake_id: optional(tree, "ParentHandshakeId")?,
            })
        }
    }

    /// Shape `HandshakeParty`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct HandshakeParty {
        /// `Id` (required). Sensitive.
        pub id: String,
        /// `Type` (required).
        pub r#type: String,
    }

    impl FromValue for HandshakeParty {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                id: required(tree, "Id")?,
                r#type: required(tree, "Type")?,
            })
        }
    }

    /// Input of `InviteAccountToOrganization` (shape `InviteAccountToOrganizationRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct InviteAccountToOrganizationInput {
        /// `Target` (required).
        pub target: HandshakeParty,
        /// `Notes`. Sensitive.
        pub notes: Option<String>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for InviteAccountToOrganizationInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                target: required(tree, "Target")?,
                notes: optional(tree, "Notes")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `InviteOrganizationToTransferResponsibility` (shape `InviteOrganizationToTransferResponsibilityRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct InviteOrganizationToTransferResponsibilityInput {
        /// `Type` (required).
        pub r#type: String,
        /// `Target` (required).
        pub target: HandshakeParty,
        /// `Notes`. Sensitive.
        pub notes: Option<String>,
        /// `StartTimestamp` (required).
        pub start_timestamp: time::OffsetDateTime,
        /// `SourceName` (required). Sensitive.
        pub source_name: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for InviteOrganizationToTransferResponsibilityInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                r#type: required(tree, "Type")?,
                target: required(tree, "Target")?,
                notes: optional(tree, "Notes")?,
                start_timestamp: required(tree, "StartTimestamp")?,
                source_name: required(tree, "SourceName")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `ListAWSServiceAccessForOrganization` (shape `ListAWSServiceAccessForOrganizationRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAWSServiceAccessForOrganizationInput {
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListAWSServiceAccessForOrganizationInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListAccountsForParent` (shape `ListAccountsForParentRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAccountsForParentInput {
        /// `ParentId` (required).
        pub parent_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListAccountsForParentInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                parent_id: required(tree, "ParentId")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListAccounts` (shape `ListAccountsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAccountsInput {
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListAccountsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListAccountsWithInvalidEffectivePolicy` (shape `ListAccountsWithInvalidEffectivePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListAccountsWithInvalidEffectivePolicyInput {
        /// `PolicyType` (required).
        pub policy_type: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListAccountsWithInvalidEffectivePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_type: required(tree, "PolicyType")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListChildren` (shape `ListChildrenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListChildrenInput {
        /// `ParentId` (required).
        pub parent_id: String,
        /// `ChildType` (required).
        pub child_type: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListChildrenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                parent_id: required(tree, "ParentId")?,
                child_type: required(tree, "ChildType")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListCreateAccountStatus` (shape `ListCreateAccountStatusRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListCreateAccountStatusInput {
        /// `States`.
        pub states: Option<Vec<String>>,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListCreateAccountStatusInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                states: optional(tree, "States")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListDelegatedAdministrators` (shape `ListDelegatedAdministratorsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListDelegatedAdministratorsInput {
        /// `ServicePrincipal`.
        pub service_principal: Option<String>,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListDelegatedAdministratorsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                service_principal: optional(tree, "ServicePrincipal")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListDelegatedServicesForAccount` (shape `ListDelegatedServicesForAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListDelegatedServicesForAccountInput {
        /// `AccountId` (required).
        pub account_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListDelegatedServicesForAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListEffectivePolicyValidationErrors` (shape `ListEffectivePolicyValidationErrorsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListEffectivePolicyValidationErrorsInput {
        /// `AccountId` (required).
        pub account_id: String,
        /// `PolicyType` (required).
        pub policy_type: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListEffectivePolicyValidationErrorsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
                policy_type: required(tree, "PolicyType")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListHandshakesForAccount` (shape `ListHandshakesForAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListHandshakesForAccountInput {
        /// `Filter`.
        pub filter: Option<HandshakeFilter>,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListHandshakesForAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                filter: optional(tree, "Filter")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListHandshakesForOrganization` (shape `ListHandshakesForOrganizationRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListHandshakesForOrganizationInput {
        /// `Filter`.
        pub filter: Option<HandshakeFilter>,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListHandshakesForOrganizationInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                filter: optional(tree, "Filter")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListInboundResponsibilityTransfers` (shape `ListInboundResponsibilityTransfersRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListInboundResponsibilityTransfersInput {
        /// `Type` (required).
        pub r#type: String,
        /// `Id`.
        pub id: Option<String>,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListInboundResponsibilityTransfersInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                r#type: required(tree, "Type")?,
                id: optional(tree, "Id")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListOrganizationalUnitsForParent` (shape `ListOrganizationalUnitsForParentRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListOrganizationalUnitsForParentInput {
        /// `ParentId` (required).
        pub parent_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListOrganizationalUnitsForParentInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                parent_id: required(tree, "ParentId")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListOutboundResponsibilityTransfers` (shape `ListOutboundResponsibilityTransfersRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListOutboundResponsibilityTransfersInput {
        /// `Type` (required).
        pub r#type: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListOutboundResponsibilityTransfersInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                r#type: required(tree, "Type")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListParents` (shape `ListParentsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListParentsInput {
        /// `ChildId` (required).
        pub child_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListParentsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                child_id: required(tree, "ChildId")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListPoliciesForTarget` (shape `ListPoliciesForTargetRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPoliciesForTargetInput {
        /// `TargetId` (required).
        pub target_id: String,
        /// `Filter` (required).
        pub filter: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListPoliciesForTargetInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                target_id: required(tree, "TargetId")?,
                filter: required(tree, "Filter")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListPolicies` (shape `ListPoliciesRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListPoliciesInput {
        /// `Filter` (required).
        pub filter: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListPoliciesInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                filter: required(tree, "Filter")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListRoots` (shape `ListRootsRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListRootsInput {
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListRootsInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `ListTagsForResource` (shape `ListTagsForResourceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListTagsForResourceInput {
        /// `ResourceId` (required).
        pub resource_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
    }

    impl FromValue for ListTagsForResourceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                resource_id: required(tree, "ResourceId")?,
                next_token: optional(tree, "NextToken")?,
            })
        }
    }

    /// Input of `ListTargetsForPolicy` (shape `ListTargetsForPolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListTargetsForPolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
        /// `NextToken`.
        pub next_token: Option<String>,
        /// `MaxResults`.
        pub max_results: Option<i64>,
    }

    impl FromValue for ListTargetsForPolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
                next_token: optional(tree, "NextToken")?,
                max_results: optional(tree, "MaxResults")?,
            })
        }
    }

    /// Input of `MoveAccount` (shape `MoveAccountRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct MoveAccountInput {
        /// `AccountId` (required).
        pub account_id: String,
        /// `SourceParentId` (required).
        pub source_parent_id: String,
        /// `DestinationParentId` (required).
        pub destination_parent_id: String,
    }

    impl FromValue for MoveAccountInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
                source_parent_id: required(tree, "SourceParentId")?,
                destination_parent_id: required(tree, "DestinationParentId")?,
            })
        }
    }

    /// Input of `PutResourcePolicy` (shape `PutResourcePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct PutResourcePolicyInput {
        /// `Content` (required).
        pub content: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for PutResourcePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                content: required(tree, "Content")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `RegisterDelegatedAdministrator` (shape `RegisterDelegatedAdministratorRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RegisterDelegatedAdministratorInput {
        /// `AccountId` (required).
        pub account_id: String,
        /// `ServicePrincipal` (required).
        pub service_principal: String,
    }

    impl FromValue for RegisterDelegatedAdministratorInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
                service_principal: required(tree, "ServicePrincipal")?,
            })
        }
    }

    /// Input of `RemoveAccountFromOrganization` (shape `RemoveAccountFromOrganizationRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct RemoveAccountFromOrganizationInput {
        /// `AccountId` (required).
        pub account_id: String,
    }

    impl FromValue for RemoveAccountFromOrganizationInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                account_id: required(tree, "AccountId")?,
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

    /// Input of `TagResource` (shape `TagResourceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TagResourceInput {
        /// `ResourceId` (required).
        pub resource_id: String,
        /// `Tags` (required).
        pub tags: Vec<Tag>,
    }

    impl FromValue for TagResourceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                resource_id: required(tree, "ResourceId")?,
                tags: required(tree, "Tags")?,
            })
        }
    }

    /// Input of `TerminateResponsibilityTransfer` (shape `TerminateResponsibilityTransferRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TerminateResponsibilityTransferInput {
        /// `Id` (required).
        pub id: String,
        /// `EndTimestamp`.
        pub end_timestamp: Option<time::OffsetDateTime>,
    }

    impl FromValue for TerminateResponsibilityTransferInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                id: required(tree, "Id")?,
                end_timestamp: optional(tree, "EndTimestamp")?,
            })
        }
    }

    /// Input of `UntagResource` (shape `UntagResourceRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UntagResourceInput {
        /// `ResourceId` (required).
        pub resource_id: String,
        /// `TagKeys` (required).
        pub tag_keys: Vec<String>,
    }

    impl FromValue for UntagResourceInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                resource_id: required(tree, "ResourceId")?,
                tag_keys: required(tree, "TagKeys")?,
            })
        }
    }

    /// Input of `UpdateOrganizationalUnit` (shape `UpdateOrganizationalUnitRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateOrganizationalUnitInput {
        /// `OrganizationalUnitId` (required).
        pub organizational_unit_id: String,
        /// `Name`.
        pub name: Option<String>,
    }

    impl FromValue for UpdateOrganizationalUnitInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                organizational_unit_id: required(tree, "OrganizationalUnitId")?,
                name: optional(tree, "Name")?,
            })
        }
    }

    /// Input of `UpdatePolicy` (shape `UpdatePolicyRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdatePolicyInput {
        /// `PolicyId` (required).
        pub policy_id: String,
        /// `Name`.
        pub name: Option<String>,
        /// `Description`.
        pub description: Option<String>,
        /// `Content`.
        pub content: Option<String>,
    }

    impl FromValue for UpdatePolicyInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                policy_id: required(tree, "PolicyId")?,
                name: optional(tree, "Name")?,
                description: optional(tree, "Description")?,
                content: optional(tree, "Content")?,
            })
        }
    }

    /// Input of `UpdateResponsibilityTransfer` (shape `UpdateResponsibilityTransferRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct UpdateResponsibilityTransferInput {
        /// `Id` (required).
        pub id: String,
        /// `Name` (required). Sensitive.
        pub name: String,
    }

    impl FromValue for UpdateResponsibilityTransferInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                id: required(tree, "Id")?,
                name: required(tree, "Name")?,
            })
        }
    }
}

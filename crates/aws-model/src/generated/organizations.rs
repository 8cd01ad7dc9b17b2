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

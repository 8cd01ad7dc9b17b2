//! Generated from `models/sts/service-2.json` by `cargo run -p keyward-aws-model --bin generate`.
//! Do not edit; regenerate after refreshing the model.

use super::{ErrorInfo, OperationInfo};

/// API version of the model.
pub const API_VERSION: &str = "2011-06-15";

/// Operation names, as constants.
pub mod operation {
    /// `AssumeRole`.
    pub const ASSUME_ROLE: &str = "AssumeRole";
    /// `AssumeRoleWithSAML`.
    pub const ASSUME_ROLE_WITH_SAML: &str = "AssumeRoleWithSAML";
    /// `AssumeRoleWithWebIdentity`.
    pub const ASSUME_ROLE_WITH_WEB_IDENTITY: &str = "AssumeRoleWithWebIdentity";
    /// `AssumeRoot`.
    pub const ASSUME_ROOT: &str = "AssumeRoot";
    /// `DecodeAuthorizationMessage`.
    pub const DECODE_AUTHORIZATION_MESSAGE: &str = "DecodeAuthorizationMessage";
    /// `GetAccessKeyInfo`.
    pub const GET_ACCESS_KEY_INFO: &str = "GetAccessKeyInfo";
    /// `GetCallerIdentity`.
    pub const GET_CALLER_IDENTITY: &str = "GetCallerIdentity";
    /// `GetDelegatedAccessToken`.
    pub const GET_DELEGATED_ACCESS_TOKEN: &str = "GetDelegatedAccessToken";
    /// `GetFederationToken`.
    pub const GET_FEDERATION_TOKEN: &str = "GetFederationToken";
    /// `GetSessionToken`.
    pub const GET_SESSION_TOKEN: &str = "GetSessionToken";
    /// `GetWebIdentityToken`.
    pub const GET_WEB_IDENTITY_TOKEN: &str = "GetWebIdentityToken";
}

/// Every operation, sorted by name.
pub const OPERATIONS: &[OperationInfo] = &[
    OperationInfo {
        name: operation::ASSUME_ROLE,
        input: Some("AssumeRoleRequest"),
        output: Some("AssumeRoleResponse"),
        result_wrapper: Some("AssumeRoleResult"),
        errors: &[
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PackedPolicyTooLargeException",
                code: "PackedPolicyTooLarge",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ExpiredTokenException",
                code: "ExpiredTokenException",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ASSUME_ROLE_WITH_SAML,
        input: Some("AssumeRoleWithSAMLRequest"),
        output: Some("AssumeRoleWithSAMLResponse"),
        result_wrapper: Some("AssumeRoleWithSAMLResult"),
        errors: &[
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PackedPolicyTooLargeException",
                code: "PackedPolicyTooLarge",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "IDPRejectedClaimException",
                code: "IDPRejectedClaim",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidIdentityTokenException",
                code: "InvalidIdentityToken",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ExpiredTokenException",
                code: "ExpiredTokenException",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ASSUME_ROLE_WITH_WEB_IDENTITY,
        input: Some("AssumeRoleWithWebIdentityRequest"),
        output: Some("AssumeRoleWithWebIdentityResponse"),
        result_wrapper: Some("AssumeRoleWithWebIdentityResult"),
        errors: &[
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PackedPolicyTooLargeException",
                code: "PackedPolicyTooLarge",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "IDPRejectedClaimException",
                code: "IDPRejectedClaim",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "IDPCommunicationErrorException",
                code: "IDPCommunicationError",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "InvalidIdentityTokenException",
                code: "InvalidIdentityToken",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ExpiredTokenException",
                code: "ExpiredTokenException",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::ASSUME_ROOT,
        input: Some("AssumeRootRequest"),
        output: Some("AssumeRootResponse"),
        result_wrapper: Some("AssumeRootResult"),
        errors: &[
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "ExpiredTokenException",
                code: "ExpiredTokenException",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::DECODE_AUTHORIZATION_MESSAGE,
        input: Some("DecodeAuthorizationMessageRequest"),
        output: Some("DecodeAuthorizationMessageResponse"),
        result_wrapper: Some("DecodeAuthorizationMessageResult"),
        errors: &[ErrorInfo {
            shape: "InvalidAuthorizationMessageException",
            code: "InvalidAuthorizationMessageException",
            http_status: 400,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GET_ACCESS_KEY_INFO,
        input: Some("GetAccessKeyInfoRequest"),
        output: Some("GetAccessKeyInfoResponse"),
        result_wrapper: Some("GetAccessKeyInfoResult"),
        errors: &[],
    },
    OperationInfo {
        name: operation::GET_CALLER_IDENTITY,
        input: Some("GetCallerIdentityRequest"),
        output: Some("GetCallerIdentityResponse"),
        result_wrapper: Some("GetCallerIdentityResult"),
        errors: &[],
    },
    OperationInfo {
        name: operation::GET_DELEGATED_ACCESS_TOKEN,
        input: Some("GetDelegatedAccessTokenRequest"),
        output: Some("GetDelegatedAccessTokenResponse"),
        result_wrapper: Some("GetDelegatedAccessTokenResult"),
        errors: &[
            ErrorInfo {
                shape: "ExpiredTradeInTokenException",
                code: "ExpiredTradeInTokenException",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PackedPolicyTooLargeException",
                code: "PackedPolicyTooLarge",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_FEDERATION_TOKEN,
        input: Some("GetFederationTokenRequest"),
        output: Some("GetFederationTokenResponse"),
        result_wrapper: Some("GetFederationTokenResult"),
        errors: &[
            ErrorInfo {
                shape: "MalformedPolicyDocumentException",
                code: "MalformedPolicyDocument",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "PackedPolicyTooLargeException",
                code: "PackedPolicyTooLarge",
                http_status: 400,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "RegionDisabledException",
                code: "RegionDisabledException",
                http_status: 403,
                sender_fault: true,
            },
        ],
    },
    OperationInfo {
        name: operation::GET_SESSION_TOKEN,
        input: Some("GetSessionTokenRequest"),
        output: Some("GetSessionTokenResponse"),
        result_wrapper: Some("GetSessionTokenResult"),
        errors: &[ErrorInfo {
            shape: "RegionDisabledException",
            code: "RegionDisabledException",
            http_status: 403,
            sender_fault: true,
        }],
    },
    OperationInfo {
        name: operation::GET_WEB_IDENTITY_TOKEN,
        input: Some("GetWebIdentityTokenRequest"),
        output: Some("GetWebIdentityTokenResponse"),
        result_wrapper: Some("GetWebIdentityTokenResult"),
        errors: &[
            ErrorInfo {
                shape: "SessionDurationEscalationException",
                code: "SessionDurationEscalationException",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "OutboundWebIdentityFederationDisabledException",
                code: "OutboundWebIdentityFederationDisabledException",
                http_status: 403,
                sender_fault: true,
            },
            ErrorInfo {
                shape: "JWTPayloadSizeExceededException",
                code: "JWTPayloadSizeExceededException",
                http_status: 400,
                sender_fault: true,
            },
        ],
    },
];

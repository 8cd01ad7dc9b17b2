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

/// Typed operation inputs and the structures they contain, built from a validated member
/// tree with [`FromValue`](crate::typed::FromValue).
pub mod input {
    use crate::typed::{optional, required, structure, FromValue, FromValueError};
    use crate::Value;

    /// Input of `AssumeRole` (shape `AssumeRoleRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AssumeRoleInput {
        /// `RoleArn` (required).
        pub role_arn: String,
        /// `RoleSessionName` (required).
        pub role_session_name: String,
        /// `PolicyArns`.
        pub policy_arns: Option<Vec<PolicyDescriptorType>>,
        /// `Policy`.
        pub policy: Option<String>,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
        /// `TransitiveTagKeys`.
        pub transitive_tag_keys: Option<Vec<String>>,
        /// `ExternalId`.
        pub external_id: Option<String>,
        /// `SerialNumber`.
        pub serial_number: Option<String>,
        /// `TokenCode`.
        pub token_code: Option<String>,
        /// `SourceIdentity`.
        pub source_identity: Option<String>,
        /// `ProvidedContexts`.
        pub provided_contexts: Option<Vec<ProvidedContext>>,
    }

    impl FromValue for AssumeRoleInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_arn: required(tree, "RoleArn")?,
                role_session_name: required(tree, "RoleSessionName")?,
                policy_arns: optional(tree, "PolicyArns")?,
                policy: optional(tree, "Policy")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
                tags: optional(tree, "Tags")?,
                transitive_tag_keys: optional(tree, "TransitiveTagKeys")?,
                external_id: optional(tree, "ExternalId")?,
                serial_number: optional(tree, "SerialNumber")?,
                token_code: optional(tree, "TokenCode")?,
                source_identity: optional(tree, "SourceIdentity")?,
                provided_contexts: optional(tree, "ProvidedContexts")?,
            })
        }
    }

    /// Input of `AssumeRoleWithSAML` (shape `AssumeRoleWithSAMLRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AssumeRoleWithSAMLInput {
        /// `RoleArn` (required).
        pub role_arn: String,
        /// `PrincipalArn` (required).
        pub principal_arn: String,
        /// `SAMLAssertion` (required). Sensitive.
        pub saml_assertion: String,
        /// `PolicyArns`.
        pub policy_arns: Option<Vec<PolicyDescriptorType>>,
        /// `Policy`.
        pub policy: Option<String>,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
    }

    impl FromValue for AssumeRoleWithSAMLInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_arn: required(tree, "RoleArn")?,
                principal_arn: required(tree, "PrincipalArn")?,
                saml_assertion: required(tree, "SAMLAssertion")?,
                policy_arns: optional(tree, "PolicyArns")?,
                policy: optional(tree, "Policy")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
            })
        }
    }

    /// Input of `AssumeRoleWithWebIdentity` (shape `AssumeRoleWithWebIdentityRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AssumeRoleWithWebIdentityInput {
        /// `RoleArn` (required).
        pub role_arn: String,
        /// `RoleSessionName` (required).
        pub role_session_name: String,
        /// `WebIdentityToken` (required). Sensitive.
        pub web_identity_token: String,
        /// `ProviderId`.
        pub provider_id: Option<String>,
        /// `PolicyArns`.
        pub policy_arns: Option<Vec<PolicyDescriptorType>>,
        /// `Policy`.
        pub policy: Option<String>,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
    }

    impl FromValue for AssumeRoleWithWebIdentityInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                role_arn: required(tree, "RoleArn")?,
                role_session_name: required(tree, "RoleSessionName")?,
                web_identity_token: required(tree, "WebIdentityToken")?,
                provider_id: optional(tree, "ProviderId")?,
                policy_arns: optional(tree, "PolicyArns")?,
                policy: optional(tree, "Policy")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
            })
        }
    }

    /// Input of `AssumeRoot` (shape `AssumeRootRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct AssumeRootInput {
        /// `TargetPrincipal` (required).
        pub target_principal: String,
        /// `TaskPolicyArn` (required).
        pub task_policy_arn: PolicyDescriptorType,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
    }

    impl FromValue for AssumeRootInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                target_principal: required(tree, "TargetPrincipal")?,
                task_policy_arn: required(tree, "TaskPolicyArn")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
            })
        }
    }

    /// Input of `DecodeAuthorizationMessage` (shape `DecodeAuthorizationMessageRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct DecodeAuthorizationMessageInput {
        /// `EncodedMessage` (required).
        pub encoded_message: String,
    }

    impl FromValue for DecodeAuthorizationMessageInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                encoded_message: required(tree, "EncodedMessage")?,
            })
        }
    }

    /// Input of `GetAccessKeyInfo` (shape `GetAccessKeyInfoRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetAccessKeyInfoInput {
        /// `AccessKeyId` (required).
        pub access_key_id: String,
    }

    impl FromValue for GetAccessKeyInfoInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                access_key_id: required(tree, "AccessKeyId")?,
            })
        }
    }

    /// Input of `GetCallerIdentity` (shape `GetCallerIdentityRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetCallerIdentityInput {}

    impl FromValue for GetCallerIdentityInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let _tree = structure(value, member)?;
            Ok(Self {})
        }
    }

    /// Input of `GetDelegatedAccessToken` (shape `GetDelegatedAccessTokenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetDelegatedAccessTokenInput {
        /// `TradeInToken` (required). Sensitive.
        pub trade_in_token: String,
    }

    impl FromValue for GetDelegatedAccessTokenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                trade_in_token: required(tree, "TradeInToken")?,
            })
        }
    }

    /// Input of `GetFederationToken` (shape `GetFederationTokenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetFederationTokenInput {
        /// `Name` (required).
        pub name: String,
        /// `Policy`.
        pub policy: Option<String>,
        /// `PolicyArns`.
        pub policy_arns: Option<Vec<PolicyDescriptorType>>,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for GetFederationTokenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                name: required(tree, "Name")?,
                policy: optional(tree, "Policy")?,
                policy_arns: optional(tree, "PolicyArns")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Input of `GetSessionToken` (shape `GetSessionTokenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetSessionTokenInput {
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
        /// `SerialNumber`.
        pub serial_number: Option<String>,
        /// `TokenCode`.
        pub token_code: Option<String>,
    }

    impl FromValue for GetSessionTokenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                duration_seconds: optional(tree, "DurationSeconds")?,
                serial_number: optional(tree, "SerialNumber")?,
                token_code: optional(tree, "TokenCode")?,
            })
        }
    }

    /// Input of `GetWebIdentityToken` (shape `GetWebIdentityTokenRequest`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct GetWebIdentityTokenInput {
        /// `Audience` (required).
        pub audience: Vec<String>,
        /// `DurationSeconds`.
        pub duration_seconds: Option<i64>,
        /// `SigningAlgorithm` (required).
        pub signing_algorithm: String,
        /// `Tags`.
        pub tags: Option<Vec<Tag>>,
    }

    impl FromValue for GetWebIdentityTokenInput {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                audience: required(tree, "Audience")?,
                duration_seconds: optional(tree, "DurationSeconds")?,
                signing_algorithm: required(tree, "SigningAlgorithm")?,
                tags: optional(tree, "Tags")?,
            })
        }
    }

    /// Shape `PolicyDescriptorType`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct PolicyDescriptorType {
        /// `arn`.
        pub arn: Option<String>,
    }

    impl FromValue for PolicyDescriptorType {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                arn: optional(tree, "arn")?,
            })
        }
    }

    /// Shape `ProvidedContext`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct ProvidedContext {
        /// `ProviderArn`.
        pub provider_arn: Option<String>,
        /// `ContextAssertion`.
        pub context_assertion: Option<String>,
    }

    impl FromValue for ProvidedContext {
        fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
            let tree = structure(value, member)?;
            Ok(Self {
                provider_arn: optional(tree, "ProviderArn")?,
                context_assertion: optional(tree, "ContextAssertion")?,
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
}

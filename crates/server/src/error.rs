//! Every way a request can fail, one variant per AWS error code, with AWS's HTTP status and
//! message text. Messages never carry secrets.

pub mod organizations;

use keyward_sigv4::AuthError;
use keyward_store::StoreError;

/// An error answered to the caller in AWS's error envelope.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// Authentication failed (`MissingAuthenticationToken`, `InvalidClientTokenId`,
    /// `SignatureDoesNotMatch`, `IncompleteSignature`, …).
    Auth(AuthError),
    /// The caller is authenticated but not authorized; the message is AWS's full sentence.
    AccessDenied(String),
    /// The `Action` is missing or unknown to the service: the action and the API version.
    InvalidAction {
        /// The action asked for.
        action: String,
        /// The API version it was looked up in.
        version: String,
    },
    /// Input failed the API's constraints; each item is one violation sentence.
    Validation(Vec<String>),
    /// A `ValidationError` whose message is a sentence of its own, not a constraint list.
    ValidationMessage(String),
    /// The named entity does not exist.
    NoSuchEntity(String),
    /// The entity exists already.
    EntityAlreadyExists(String),
    /// The entity still has dependents.
    DeleteConflict(String),
    /// A quota would be exceeded.
    LimitExceeded(String),
    /// A value is well-formed but not acceptable.
    InvalidInput(String),
    /// A policy document is not valid policy grammar.
    MalformedPolicyDocument(String),
    /// A parameter value is unacceptable (STS's session tags, for example).
    InvalidParameterValue(String),
    /// Session policies and tags together exceed the space a session token has for them.
    PackedPolicyTooLarge(String),
    /// A web identity token is malformed, unverifiable or for another audience.
    InvalidIdentityToken(String),
    /// The identity provider's claim is refused (issued in the future, for example).
    IdpRejectedClaim(String),
    /// The identity provider's keys could not be fetched.
    IdpCommunicationError(String),
    /// A web identity token has expired.
    ExpiredTokenException(String),
    /// The entity is protected: only AWS may change it (a service-linked role).
    UnmodifiableEntity(String),
    /// No credential report has been generated (AWS answers without a message).
    ReportNotPresent,
    /// The credential report is older than AWS keeps it (AWS answers without a message).
    ReportExpired,
    /// Outbound web identity federation is enabled already (`FeatureEnabled`).
    FeatureEnabled(String),
    /// Outbound web identity federation is not enabled (`FeatureDisabled`).
    FeatureDisabled(String),
    /// `GetWebIdentityToken` in an account whose outbound federation is off.
    OutboundWebIdentityFederationDisabled(String),
    /// A web identity token would outlive the session that asked for it.
    SessionDurationEscalation(String),
    /// An MFA device's authentication codes are wrong (`EnableMFADevice`, `ResyncMFADevice`).
    InvalidAuthenticationCode(String),
    /// A certificate (or its private key or chain) does not parse or does not validate.
    MalformedCertificate(String),
    /// A server certificate's private key is not the key of its certificate.
    KeyPairMismatch(String),
    /// The signing certificate is already held by a user of the account.
    DuplicateCertificate(String),
    /// An SSH public key's encoding is recognized but its key is not acceptable.
    InvalidPublicKey(String),
    /// An SSH public key is in no encoding IAM reads.
    UnrecognizedPublicKeyEncoding(String),
    /// The user already has this SSH public key.
    DuplicateSshPublicKey(String),
    /// A password does not meet the account's password policy.
    PasswordPolicyViolation(String),
    /// The caller is not the kind of principal the operation is for (`ChangePassword` by
    /// anything but an IAM user).
    InvalidUserType(String),
    /// `DecodeAuthorizationMessage` was given something that is not an encoded message of
    /// this account.
    InvalidAuthorizationMessage(String),
    /// The request body is larger than Keyward accepts.
    RequestEntityTooLarge(usize),
    /// The request body did not arrive within the body timeout.
    RequestTimeout,
    /// Keyward itself failed; details are logged, not returned.
    ServiceFailure,
    /// A change cannot be recorded now (the audit log has no room): refused before it runs.
    ServiceUnavailable,
    /// `ConcurrentModification` (409): another request changed the object meanwhile.
    ConcurrentModification(String),
    /// `ExpiredTradeInTokenException` (400): a delegation trade-in token no longer redeems.
    ExpiredTradeInToken(String),
    /// An error of AWS Organizations, answered in its JSON shape.
    Organizations(organizations::OrganizationsError),
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        ApiError::Auth(e)
    }
}

impl ApiError {
    /// AWS's error code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Auth(e) => e.code(),
            ApiError::AccessDenied(_) => "AccessDenied",
            ApiError::InvalidAction { .. } => "InvalidAction",
            ApiError::Validation(_) | ApiError::ValidationMessage(_) => "ValidationError",
            ApiError::NoSuchEntity(_) => "NoSuchEntity",
            ApiError::EntityAlreadyExists(_) => "EntityAlreadyExists",
            ApiError::DeleteConflict(_) => "DeleteConflict",
            ApiError::LimitExceeded(_) => "LimitExceeded",
            ApiError::InvalidInput(_) => "InvalidInput",
            ApiError::MalformedPolicyDocument(_) => "MalformedPolicyDocument",
            ApiError::InvalidParameterValue(_) => "InvalidParameterValue",
            ApiError::PackedPolicyTooLarge(_) => "PackedPolicyTooLarge",
            ApiError::InvalidIdentityToken(_) => "InvalidIdentityToken",
            ApiError::IdpRejectedClaim(_) => "IDPRejectedClaim",
            ApiError::IdpCommunicationError(_) => "IDPCommunicationError",
            ApiError::ExpiredTokenException(_) => "ExpiredTokenException",
            ApiError::UnmodifiableEntity(_) => "UnmodifiableEntity",
            ApiError::ReportNotPresent => "ReportNotPresent",
            ApiError::ReportExpired => "ReportExpired",
            ApiError::FeatureEnabled(_) => "FeatureEnabled",
            ApiError::FeatureDisabled(_) => "FeatureDisabled",
            ApiError::OutboundWebIdentityFederationDisabled(_) => {
                "OutboundWebIdentityFederationDisabledException"
            }
            ApiError::SessionDurationEscalation(_) => "SessionDurationEscalationException",
            ApiError::InvalidAuthenticationCode(_) => "InvalidAuthenticationCode",
            ApiError::MalformedCertificate(_) => "MalformedCertificate",
            ApiError::KeyPairMismatch(_) => "KeyPairMismatch",
            ApiError::DuplicateCertificate(_) => "DuplicateCertificate",
            ApiError::InvalidPublicKey(_) => "InvalidPublicKey",
            ApiError::UnrecognizedPublicKeyEncoding(_) => "UnrecognizedPublicKeyEncoding",
            ApiError::DuplicateSshPublicKey(_) => "DuplicateSSHPublicKey",
            ApiError::InvalidAuthorizationMessage(_) => "InvalidAuthorizationMessageException",
            ApiError::RequestEntityTooLarge(_) => "RequestEntityTooLarge",
            ApiError::RequestTimeout => "RequestTimeout",
            ApiError::PasswordPolicyViolation(_) => "PasswordPolicyViolation",
            ApiError::InvalidUserType(_) => "InvalidUserType",
            ApiError::ServiceFailure => "ServiceFailure",
            ApiError::ServiceUnavailable => "ServiceUnavailable",
            ApiError::ConcurrentModification(_) => "ConcurrentModification",
            ApiError::ExpiredTradeInToken(_) => "ExpiredTradeInTokenException",
            ApiError::Organizations(e) => e.code(),
        }
    }

    /// The HTTP status AWS answers with.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::Auth(e) => e.http_status(),
            ApiError::AccessDenied(_)
            | ApiError::IdpRejectedClaim(_)
            | ApiError::OutboundWebIdentityFederationDisabled(_)
            | ApiError::SessionDurationEscalation(_)
            | ApiError::InvalidAuthenticationCode(_) => 403,
            ApiError::NoSuchEntity(_) | ApiError::FeatureDisabled(_) => 404,
            ApiError::ReportNotPresent | ApiError::ReportExpired => 410,
            ApiError::FeatureEnabled(_)
            | ApiError::EntityAlreadyExists(_)
            | ApiError::DeleteConflict(_)
            | ApiError::LimitExceeded(_)
            | ApiError::ConcurrentModification(_) => 409,
            ApiError::RequestEntityTooLarge(_) => 413,
            ApiError::RequestTimeout => 408,
            ApiError::ServiceFailure => 500,
            ApiError::ServiceUnavailable => 503,
            ApiError::InvalidAction { .. }
            | ApiError::Validation(_)
            | ApiError::ValidationMessage(_)
            | ApiError::InvalidInput(_)
            | ApiError::InvalidParameterValue(_)
            | ApiError::PackedPolicyTooLarge(_)
            | ApiError::InvalidIdentityToken(_)
            | ApiError::IdpCommunicationError(_)
            | ApiError::ExpiredTokenException(_)
            | ApiError::UnmodifiableEntity(_)
            | ApiError::MalformedCertificate(_)
            | ApiError::KeyPairMismatch(_)
            | ApiError::DuplicateCertificate(_)
            | ApiError::InvalidPublicKey(_)
            | ApiError::UnrecognizedPublicKeyEncoding(_)
            | ApiError::DuplicateSshPublicKey(_)
            | ApiError::PasswordPolicyViolation(_)
            | ApiError::InvalidUserType(_)
            | ApiError::InvalidAuthorizationMessage(_)
            | ApiError::ExpiredTradeInToken(_)
            | ApiError::MalformedPolicyDocument(_)
            | ApiError::Organizations(_) => 400,
        }
    }

    /// `Sender` for the caller's faults, `Receiver` for Keyward's.
    pub fn fault(&self) -> &'static str {
        match self {
            ApiError::ServiceFailure | ApiError::ServiceUnavailable => "Receiver",
            _ => "Sender",
        }
    }

    /// The human-readable message, in AWS's words.
    pub fn message(&self) -> String {
        match self {
            ApiError::Auth(e) => e.message(),
            ApiError::AccessDenied(m)
            | ApiError::NoSuchEntity(m)
            | ApiError::EntityAlreadyExists(m)
            | ApiError::DeleteConflict(m)
            | ApiError::LimitExceeded(m)
            | ApiError::InvalidInput(m)
            | ApiError::ValidationMessage(m)
            | ApiError::InvalidParameterValue(m)
            | ApiError::PackedPolicyTooLarge(m)
            | ApiError::InvalidIdentityToken(m)
            | ApiError::IdpRejectedClaim(m)
            | ApiError::IdpCommunicationError(m)
            | ApiError::ExpiredTokenException(m)
            | ApiError::UnmodifiableEntity(m)
            | ApiError::FeatureEnabled(m)
            | ApiError::FeatureDisabled(m)
            | ApiError::OutboundWebIdentityFederationDisabled(m)
            | ApiError::SessionDurationEscalation(m)
            | ApiError::InvalidAuthenticationCode(m)
            | ApiError::MalformedCertificate(m)
            | ApiError::KeyPairMismatch(m)
            | ApiError::DuplicateCertificate(m)
            | ApiError::InvalidPublicKey(m)
            | ApiError::UnrecognizedPublicKeyEncoding(m)
            | ApiError::DuplicateSshPublicKey(m)
            | ApiError::PasswordPolicyViolation(m)
            | ApiError::InvalidUserType(m)
            | ApiError::InvalidAuthorizationMessage(m)
            | ApiError::ConcurrentModification(m)
            | ApiError::ExpiredTradeInToken(m)
            | ApiError::MalformedPolicyDocument(m) => m.clone(),
            ApiError::ReportNotPresent | ApiError::ReportExpired => String::new(),
            ApiError::Organizations(e) => e.message(),
            ApiError::InvalidAction { action, version } => {
                format!("Could not find operation {action} for version {version}")
            }
            ApiError::Validation(violations) => {
                let n = violations.len();
                let plural = if n == 1 { "error" } else { "errors" };
                format!(
                    "{n} validation {plural} detected: {}",
                    violations.join("; ")
                )
            }
            ApiError::RequestEntityTooLarge(limit) => {
                format!("Request body must be at most {limit} bytes.")
            }
            ApiError::RequestTimeout => "Your socket connection to the server was not read from \
                                         or written to within the timeout period."
                .to_owned(),
            ApiError::ServiceFailure => "The request processing has failed because of an unknown \
                                         error, exception or failure."
                .to_owned(),
            ApiError::ServiceUnavailable => {
                "The request has failed due to a temporary failure of the server.".to_owned()
            }
        }
    }

    /// `ValidationError` for a required parameter that is absent.
    pub fn validation_null(field: &str) -> Self {
        ApiError::Validation(vec![format!(
            "Value null at '{field}' failed to satisfy constraint: Member must not be null"
        )])
    }

    /// `NoSuchEntity` for a user, group or role (`noun`) named `name`, in IAM's words.
    pub fn no_such_named(noun: &str, name: &str) -> Self {
        ApiError::NoSuchEntity(format!("The {noun} with name {name} cannot be found."))
    }

    /// `NoSuchEntity` for an instance profile.
    pub fn no_such_instance_profile(name: &str) -> Self {
        ApiError::NoSuchEntity(format!("Instance Profile {name} cannot be found."))
    }

    /// `NoSuchEntity` for an access key.
    pub fn no_such_access_key(access_key_id: &str) -> Self {
        ApiError::NoSuchEntity(format!(
            "The Access Key with id {access_key_id} cannot be found."
        ))
    }

    /// `NoSuchEntity` for a managed policy that cannot be attached (or set as a boundary).
    pub fn policy_not_attachable(arn: &str) -> Self {
        ApiError::NoSuchEntity(format!("Policy {arn} does not exist or is not attachable."))
    }

    /// `NoSuchEntity` for a version of a managed policy.
    pub fn policy_version_not_attachable(arn: &str, version: &str) -> Self {
        ApiError::NoSuchEntity(format!(
            "Policy {arn} version {version} does not exist or is not attachable."
        ))
    }

    /// `EntityAlreadyExists` for a user, group or role (`kind`, capitalised) named `name`.
    pub fn already_exists(kind: &str, name: &str) -> Self {
        ApiError::EntityAlreadyExists(format!("{kind} with name {name} already exists."))
    }

    /// IAM's answer when a user-scoped operation names no user and the caller is not one.
    pub fn user_name_required() -> Self {
        ApiError::ValidationMessage(
            "Must specify userName when calling with non-User credentials".to_owned(),
        )
    }

    /// `UnmodifiableEntity` for a service-linked role, in IAM's words.
    pub fn protected_role(name: &str) -> Self {
        ApiError::UnmodifiableEntity(format!(
            "Cannot perform the operation on the protected role '{name}' - this role is only \
             modifiable by AWS"
        ))
    }

    /// `InvalidAuthorizationMessageException` for text that is not an encoded authorization
    /// message of this account (altered, truncated, sealed elsewhere, or not one at all).
    pub fn invalid_authorization_message() -> Self {
        ApiError::InvalidAuthorizationMessage("Invalid authorization message".to_owned())
    }

    /// Maps a store failure that the handler did not expect; details go to the log only.
    pub fn from_store(e: StoreError) -> Self {
        tracing::error!(error = %e, "store operation failed");
        ApiError::ServiceFailure
    }
}

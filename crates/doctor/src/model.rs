//! The vocabulary of a diagnosis: where a value came from, what was found, and the credentials
//! a chain settled on.

use std::fmt;

use serde::Serialize;
use time::OffsetDateTime;

/// The provider that produced the credentials, named as the stable JSON schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// `AWS_ACCESS_KEY_ID` and friends.
    Environment,
    /// Static keys in the shared credentials file.
    SharedCredentialsFile,
    /// Static keys in a config-file profile.
    ConfigFile,
    /// A profile with `role_arn` and `source_profile`/`credential_source`.
    AssumeRole,
    /// `AssumeRoleWithWebIdentity` with a token file.
    WebIdentity,
    /// A profile's `credential_process`.
    CredentialProcess,
    /// IAM Identity Center (`sso_*` keys or an `sso-session`).
    Sso,
    /// The ECS/EKS container credentials endpoint.
    Container,
    /// The EC2 instance metadata service.
    Imds,
}

impl Source {
    /// The schema's name for the source.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Environment => "environment",
            Source::SharedCredentialsFile => "shared-credentials-file",
            Source::ConfigFile => "config-file",
            Source::AssumeRole => "assume-role",
            Source::WebIdentity => "web-identity",
            Source::CredentialProcess => "credential-process",
            Source::Sso => "sso",
            Source::Container => "container",
            Source::Imds => "imds",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a value came from, so the report can point at the line to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An environment variable, by name.
    Variable(String),
    /// A line of a config or credentials file.
    File {
        /// The file's path as the process would open it.
        path: String,
        /// 1-based line number of the key (or section header).
        line: usize,
    },
    /// A command-line flag of `keyward doctor`, e.g. `--profile`.
    Flag(String),
    /// A built-in default, described.
    Default(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Variable(name) => f.write_str(name),
            Location::File { path, line } => write!(f, "{path}:{line}"),
            Location::Flag(flag) => f.write_str(flag),
            Location::Default(what) => f.write_str(what),
        }
    }
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How bad a finding is; `Error` makes `keyward doctor` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Calls will fail.
    Error,
    /// Calls may fail, or fail with some SDKs.
    Warning,
    /// Worth knowing.
    Info,
}

/// Stable finding codes; scripts match on them, so they never change meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// No provider produced credentials.
    NoCredentials,
    /// The selected profile exists in neither file.
    ProfileNotFound,
    /// Environment keys win over the profile `AWS_PROFILE` names.
    EnvShadowsProfile,
    /// The server does not know the access key.
    InvalidClientTokenId,
    /// The server computed another signature: usually a wrong secret.
    SignatureMismatch,
    /// Temporary credentials have expired.
    ExpiredCredentials,
    /// The local clock is far from the server's.
    ClockSkew,
    /// No region is configured.
    NoRegion,
    /// Only `AWS_REGION` is set, which botocore/boto3 do not read.
    AwsRegionIgnoredByBoto3,
    /// A simulated or real call is denied.
    AccessDenied,
    /// The endpoint did not answer in time or refused the connection.
    EndpointUnreachable,
    /// `source_profile` references form a cycle.
    SourceProfileLoop,
    /// `credential_process` failed or printed unusable output.
    CredentialProcessFailed,
    /// An access key id without its secret (or the reverse).
    PartialCredentials,
    /// A profile's settings contradict each other or reference something missing.
    InvalidConfig,
    /// A config-file section that no SDK reads as a profile (`[x]` instead of `[profile x]`).
    SectionIgnored,
    /// The SDKs disagree on this set-up; see the differences.
    SdkDifference,
    /// Temporary credentials expire soon.
    CredentialsExpiring,
    /// The container or instance metadata endpoint could not provide credentials.
    MetadataFailed,
    /// The server answered with an error this tool does not classify.
    RequestFailed,
    /// Static long-lived keys used where temporary ones would be safer, or similar advice.
    Advice,
    /// A temporary (`ASIA…`) access key without its session token.
    MissingSessionToken,
    /// The caller (or the `--simulate-with-profile` identity) may not simulate the caller.
    SimulationDenied,
    /// `AWS_ROLE_ARN` without `AWS_WEB_IDENTITY_TOKEN_FILE`: no SDK assumes that role.
    RoleArnIgnored,
    /// `AWS_EXTERNAL_ID`, which no SDK reads.
    ExternalIdIgnored,
    /// Calls go to AWS itself although a profile points at another endpoint.
    EndpointIsAws,
    /// The aws CLI's cached role credentials were issued by another server.
    StaleCliCache,
}

impl Code {
    /// The code as it appears in JSON and in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NoCredentials => "no-credentials",
            Code::ProfileNotFound => "profile-not-found",
            Code::EnvShadowsProfile => "env-shadows-profile",
            Code::InvalidClientTokenId => "invalid-client-token-id",
            Code::SignatureMismatch => "signature-mismatch",
            Code::ExpiredCredentials => "expired-credentials",
            Code::ClockSkew => "clock-skew",
            Code::NoRegion => "no-region",
            Code::AwsRegionIgnoredByBoto3 => "aws-region-ignored-by-boto3",
            Code::AccessDenied => "access-denied",
            Code::EndpointUnreachable => "endpoint-unreachable",
            Code::SourceProfileLoop => "source-profile-loop",
            Code::CredentialProcessFailed => "credential-process-failed",
            Code::PartialCredentials => "partial-credentials",
            Code::InvalidConfig => "invalid-config",
            Code::SectionIgnored => "section-ignored",
            Code::SdkDifference => "sdk-difference",
            Code::CredentialsExpiring => "credentials-expiring",
            Code::MetadataFailed => "metadata-failed",
            Code::RequestFailed => "request-failed",
            Code::Advice => "advice",
            Code::MissingSessionToken => "missing-session-token",
            Code::SimulationDenied => "simulation-denied",
            Code::RoleArnIgnored => "role-arn-ignored",
            Code::ExternalIdIgnored => "external-id-ignored",
            Code::EndpointIsAws => "endpoint-is-aws",
            Code::StaleCliCache => "stale-cli-cache",
        }
    }
}

/// One thing the doctor wants the user to know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// Stable code.
    pub code: Code,
    /// One sentence for a person; never contains a secret.
    pub message: String,
}

impl Finding {
    /// An error finding.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            message: message.into(),
        }
    }

    /// A warning finding.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            code,
            message: message.into(),
        }
    }

    /// An informational finding.
    pub fn info(code: Code, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Info,
            code,
            message: message.into(),
        }
    }
}

/// An access key id. Only its masked form is ever shown, so a pasted report leaks nothing useful.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessKeyId(String);

impl AccessKeyId {
    /// Wraps a key id.
    pub fn new(id: impl Into<String>) -> Self {
        AccessKeyId(id.into())
    }

    /// The full id, for signing.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// First 4 and last 4 characters, the middle as `*`; ids of 8 characters or fewer are all `*`.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks any key id: first 4 and last 4 characters kept, the rest `*`.
pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars.iter().take(4).collect();
    let tail: String = chars.iter().skip(chars.len() - 4).collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

impl fmt::Debug for AccessKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// A secret (secret access key, session token, bearer token). Has no `Display` and a redacted
/// `Debug`, so it cannot end up in a report by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }

    /// The secret, for signing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Keys that can sign a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticCredentials {
    /// Access key id.
    pub access_key_id: AccessKeyId,
    /// Secret access key.
    pub secret_access_key: Secret,
    /// Session token of temporary credentials.
    pub session_token: Option<Secret>,
    /// When temporary credentials stop working, if known.
    pub expires_at: Option<OffsetDateTime>,
}

/// How the chosen provider would obtain keys; the pure resolver stops here and the live checks
/// carry the plan out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialPlan {
    /// Keys are known already.
    Static(StaticCredentials),
    /// `sts:AssumeRole` with the source's credentials.
    AssumeRole(AssumeRolePlan),
    /// `sts:AssumeRoleWithWebIdentity` with a token file.
    WebIdentity {
        /// Role to assume.
        role_arn: String,
        /// File holding the OIDC token.
        token_file: String,
        /// Session name, if configured.
        session_name: Option<String>,
    },
    /// Run a command that prints credentials as JSON.
    Process {
        /// The command line, split without a shell.
        command: String,
    },
    /// IAM Identity Center: exchange a cached token for role credentials.
    Sso {
        /// The start URL the cached token belongs to.
        start_url: String,
        /// Region of the SSO portal.
        sso_region: String,
        /// Account to get credentials for.
        account_id: String,
        /// Permission set (role) name.
        role_name: String,
        /// `[sso-session NAME]`, when used.
        session_name: Option<String>,
    },
    /// GET the container credentials endpoint.
    Container {
        /// Full URL of the endpoint.
        url: String,
        /// `Authorization` header value, if any.
        authorization: Option<Secret>,
    },
    /// IMDSv2 token, role name, then credentials.
    Imds {
        /// Base URL of the metadata service.
        endpoint: String,
    },
}

/// The parameters of one `AssumeRole` hop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumeRolePlan {
    /// Role to assume.
    pub role_arn: String,
    /// `sts:ExternalId`, if the profile sets `external_id`.
    pub external_id: Option<String>,
    /// `role_session_name`, if set.
    pub session_name: Option<String>,
    /// `duration_seconds`, if set.
    pub duration_seconds: Option<u32>,
    /// `mfa_serial`: doctor cannot prompt, so it reports instead of assuming.
    pub mfa_serial: Option<String>,
    /// The credentials that call `AssumeRole`.
    pub source: Box<ResolvedCredentials>,
}

/// Credentials as the chain resolved them: which provider, from which profile and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedCredentials {
    /// The provider.
    pub source: Source,
    /// The profile the provider read, if it read one.
    pub profile: Option<String>,
    /// Where the deciding value lives (key id line, `role_arn` line, variable…).
    pub location: Location,
    /// How keys are obtained.
    pub plan: CredentialPlan,
}

impl ResolvedCredentials {
    /// The key id when the keys are known without a call.
    pub fn access_key_id(&self) -> Option<&AccessKeyId> {
        match &self.plan {
            CredentialPlan::Static(s) => Some(&s.access_key_id),
            _ => None,
        }
    }

    /// Expiry when known without a call.
    pub fn expires_at(&self) -> Option<OffsetDateTime> {
        match &self.plan {
            CredentialPlan::Static(s) => s.expires_at,
            _ => None,
        }
    }
}

/// A value together with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it was set.
    pub location: Location,
}

/// What happened to one provider of the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It produced the credentials.
    Chosen,
    /// It did not apply; why.
    Skipped(String),
    /// It applied but is broken; the chain stops here as the SDKs stop.
    Failed(String),
}

/// One provider's part in the resolution, in chain order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Provider name as botocore names it (`env`, `assume-role`, …).
    pub provider: &'static str,
    /// What happened.
    pub outcome: Outcome,
}

/// An SDK whose behaviour differs from the resolution shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sdk {
    /// botocore, boto3 and the aws CLI v1.
    Botocore,
    /// The AWS SDK for Rust (`aws-config`).
    Rust,
    /// The AWS SDK for Go v2.
    Go,
}

impl Sdk {
    /// Display name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sdk::Botocore => "botocore",
            Sdk::Rust => "rust",
            Sdk::Go => "go",
        }
    }
}

/// Where one SDK would resolve differently, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The SDK.
    pub sdk: Sdk,
    /// What differs: `profile`, `credentials`, `region`, …
    pub topic: &'static str,
    /// What that SDK does instead.
    pub detail: String,
}

//! The default credential chain, resolved as botocore resolves it (the reference the fixtures
//! are checked against), with every step recorded and the points where the Rust and Go SDKs
//! would decide otherwise; region and endpoint are in the `settings` module.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::input::{Environment, Input, Overrides, RealFileSystem};
use crate::model::{
    AccessKeyId, AssumeRolePlan, Attempt, Code, CredentialPlan, Difference, Finding, Location,
    Outcome, ResolvedCredentials, Sdk, Secret, Source, Sourced, StaticCredentials,
};
use crate::profiles::{expand_home, ConfigFiles, Profile};

mod metadata;
mod settings;
mod traps;

pub use traps::{cli_cache_file, is_aws_endpoint};

/// How the report names the profile chosen when none is named.
const IMPLICIT_PROFILE: &str = "implicit: no --profile, AWS_PROFILE or AWS_DEFAULT_PROFILE";
/// botocore's canonical `credential_source` names.
const CREDENTIAL_SOURCES: [&str; 3] = ["Environment", "EcsContainer", "Ec2InstanceMetadata"];

/// Everything the resolver concluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The selected profile and how it was selected.
    pub profile: Sourced<String>,
    /// The files as loaded.
    pub files: ConfigFiles,
    /// The winning credentials, if any.
    pub credentials: Option<ResolvedCredentials>,
    /// Each provider in chain order and what it did.
    pub attempts: Vec<Attempt>,
    /// The region, if any.
    pub region: Option<Sourced<String>>,
    /// The STS endpoint calls go to.
    pub sts_endpoint: Sourced<String>,
    /// The IAM endpoint calls go to.
    pub iam_endpoint: Sourced<String>,
    /// Findings of the offline resolution.
    pub findings: Vec<Finding>,
    /// Where other SDKs differ.
    pub differences: Vec<Difference>,
    /// Where the aws CLI would cache (and first look for) the role credentials of this plan.
    pub cli_cache: Option<String>,
}

/// Resolves for this process: its environment, the real files and the clock, with the
/// command line's overrides. `keyward doctor` and `keyward keys audit` both start here, so they
/// agree on endpoint, region and credentials.
pub fn resolve_here(overrides: &Overrides) -> (Environment, Resolution) {
    let env = Environment::from_process();
    let resolution = resolve(&Input {
        env: &env,
        files: &RealFileSystem,
        overrides,
        now: OffsetDateTime::now_utc(),
    });
    (env, resolution)
}

/// Resolves credentials, region and endpoints from the injected input alone.
pub fn resolve(input: &Input<'_>) -> Resolution {
    let env = input.env;
    let files = ConfigFiles::load(env, input.files);
    let mut r = Resolver {
        input,
        files: &files,
        attempts: Vec::new(),
        findings: files.findings.clone(),
        differences: Vec::new(),
    };
    let (profile, explicit, named) = r.select_profile();
    let credentials = if named && !files.merged.contains_key(&profile.value) {
        let mut message = format!(
            "The config profile ({}) could not be found (selected by {}); searched {}",
            profile.value,
            profile.location,
            traps::files_searched(&files),
        );
        for hidden in traps::hidden_profile(env, input.files, &files, &profile.value) {
            message.push_str("; ");
            message.push_str(&hidden);
        }
        r.findings
            .push(Finding::error(Code::ProfileNotFound, message));
        if profile.value == "default" {
            r.differ(
                Sdk::Rust,
                "profile",
                "treats a missing default profile as no profile and goes on down the chain",
            );
        }
        None
    } else {
        r.chain(&profile, explicit)
    };
    if let Some(exp) = credentials
        .as_ref()
        .and_then(ResolvedCredentials::expires_at)
    {
        r.findings.extend(expiry_finding(exp, input.now));
    }
    if let Some(c) = &credentials {
        r.findings.extend(traps::temporary_key_without_token(c));
    } else if !named {
        let hidden = traps::hidden_profile(env, input.files, &files, &profile.value);
        if let Some(f) = r
            .findings
            .iter_mut()
            .find(|f| f.code == Code::NoCredentials)
        {
            for h in hidden {
                f.message.push_str("; ");
                f.message.push_str(&h);
            }
        }
    }
    let web_identity = credentials
        .as_ref()
        .is_some_and(|c| c.source == Source::WebIdentity);
    r.findings.extend(traps::role_variables(env, web_identity));
    if files.default_declared_twice {
        r.differ(
            Sdk::Rust,
            "profile",
            "the config file has both [default] and [profile default]: Rust (and Java) read only \
             [profile default]; botocore keeps whichever comes last",
        );
    }
    let region = r.region(&profile.value);
    let sts_endpoint = r.endpoint(&profile.value, "STS", "sts", region.as_ref());
    let iam_endpoint = r.endpoint(&profile.value, "IAM", "iam", region.as_ref());
    r.findings.extend(traps::endpoint_is_aws(
        &sts_endpoint,
        &profile.value,
        &files,
    ));
    let cli_cache = credentials
        .as_ref()
        .and_then(|c| traps::cli_cache_file(env, c));
    Resolution {
        cli_cache,
        profile,
        credentials,
        attempts: r.attempts,
        region,
        sts_endpoint,
        iam_endpoint,
        findings: r.findings,
        differences: r.differences,
        files,
    }
}

/// Why a provider broke the chain.
type Broken = Finding;

struct Resolver<'a, 'i> {
    input: &'a Input<'i>,
    files: &'a ConfigFiles,
    attempts: Vec<Attempt>,
    findings: Vec<Finding>,
    differences: Vec<Difference>,
}

impl Resolver<'_, '_> {
    fn env(&self) -> &Environment {
        self.input.env
    }

    fn differ(&mut self, sdk: Sdk, topic: &'static str, detail: impl Into<String>) {
        self.differences.push(Difference {
            sdk,
            topic,
            detail: detail.into(),
        });
    }

    fn attempt(&mut self, provider: &'static str, outcome: Outcome) {
        self.attempts.push(Attempt { provider, outcome });
    }

    /// `--profile`, then `AWS_DEFAULT_PROFILE` (botocore checks it first), then `AWS_PROFILE`.
    fn select_profile(&mut self) -> (Sourced<String>, bool, bool) {
        let env = self.input.env;
        let default_profile = env.get("AWS_DEFAULT_PROFILE");
        let aws_profile = env.get("AWS_PROFILE");
        if let Some(p) = &self.input.overrides.profile {
            let chosen = Sourced {
                value: p.clone(),
                location: Location::Flag("--profile".to_owned()),
            };
            return (chosen, true, true);
        }
        match (default_profile, aws_profile) {
            (Some(d), Some(a)) if d != a => {
                self.differ(
                    Sdk::Rust,
                    "profile",
                    format!("uses AWS_PROFILE ({a}); botocore prefers AWS_DEFAULT_PROFILE ({d})"),
                );
                self.differ(Sdk::Go, "profile", format!("uses AWS_PROFILE ({a})"));
            }
            (Some(d), None) => self.differ(
                Sdk::Rust,
                "profile",
                format!("ignores AWS_DEFAULT_PROFILE ({d}) and uses the default profile"),
            ),
            _ => {}
        }
        if let Some(d) = default_profile {
            let chosen = Sourced {
                value: d.to_owned(),
                location: Location::Variable("AWS_DEFAULT_PROFILE".to_owned()),
            };
            return (chosen, false, true);
        }
        if let Some(a) = aws_profile {
            let chosen = Sourced {
                value: a.to_owned(),
                location: Location::Variable("AWS_PROFILE".to_owned()),
            };
            return (chosen, false, true);
        }
        let chosen = Sourced {
            value: "default".to_owned(),
            location: Location::Default(IMPLICIT_PROFILE.to_owned()),
        };
        (chosen, false, false)
    }

    fn chain(&mut self, profile: &Sourced<String>, explicit: bool) -> Option<ResolvedCredentials> {
        let name = profile.value.as_str();
        let env_keys = self.env().get("AWS_ACCESS_KEY_ID").is_some();
        if explicit {
            self.attempt(
                "env",
                Outcome::Skipped("disabled because --profile names a profile".to_owned()),
            );
            if env_keys {
                self.findings.push(Finding::info(
                    Code::EnvShadowsProfile,
                    "AWS_ACCESS_KEY_ID is set but ignored because --profile is given (as with aws --profile)",
                ));
                self.differ(
                    Sdk::Rust,
                    "credentials",
                    "the default chain still tries the environment first even with a profile name, so it would use AWS_ACCESS_KEY_ID",
                );
            }
        } else {
            match self.env_provider() {
                Ok(Some(c)) => {
                    self.attempt("env", Outcome::Chosen);
                    if profile.location != Location::Default(IMPLICIT_PROFILE.to_owned()) {
                        self.findings.push(Finding::warning(
                            Code::EnvShadowsProfile,
                            format!(
                                "AWS_ACCESS_KEY_ID is set, so profile \"{name}\" (from {}) is not used for credentials; unset the keys or pass --profile",
                                profile.location
                            ),
                        ));
                    }
                    return Some(c);
                }
                Ok(None) => self.attempt(
                    "env",
                    Outcome::Skipped("AWS_ACCESS_KEY_ID is not set".to_owned()),
                ),
                Err(f) => return self.fail("env", f),
            }
        }
        match self.top_assume_role(name) {
            Ok(Some(c)) => {
                self.attempt("assume-role", Outcome::Chosen);
                if !explicit && self.env().get("AWS_WEB_IDENTITY_TOKEN_FILE").is_some() {
                    self.differ(
                        Sdk::Go,
                        "credentials",
                        "uses AWS_WEB_IDENTITY_TOKEN_FILE (environment web identity comes before profiles in Go)",
                    );
                }
                return Some(c);
            }
            Ok(None) => self.attempt(
                "assume-role",
                Outcome::Skipped(format!("profile \"{name}\" has no role_arn")),
            ),
            Err(f) => return self.fail("assume-role", f),
        }
        match self.profile_providers(name, explicit, true) {
            Ok(Some(c)) => Some(c),
            Ok(None) => self.fallback_providers(),
            Err((provider, f)) => self.fail(provider, f),
        }
    }

    fn fail(&mut self, provider: &'static str, f: Broken) -> Option<ResolvedCredentials> {
        self.attempt(provider, Outcome::Failed(f.message.clone()));
        self.findings.push(f);
        None
    }

    fn env_provider(&mut self) -> Result<Option<ResolvedCredentials>, Broken> {
        let env = self.input.env;
        let Some(id) = env.raw("AWS_ACCESS_KEY_ID").filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        let Some(secret) = env.raw("AWS_SECRET_ACCESS_KEY").filter(|v| !v.is_empty()) else {
            return Err(Finding::error(
                Code::PartialCredentials,
                "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY",
            ));
        };
        let token_var = ["AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN"]
            .into_iter()
            .find(|v| env.raw(v).is_some());
        if token_var == Some("AWS_SECURITY_TOKEN") {
            self.differ(
                Sdk::Rust,
                "credentials",
                "ignores the legacy AWS_SECURITY_TOKEN (botocore reads it before AWS_SESSION_TOKEN)",
            );
        }
        let expires_at = match env.get("AWS_CREDENTIAL_EXPIRATION") {
            Some(e) => match OffsetDateTime::parse(e.trim(), &Rfc3339) {
                Ok(t) => Some(t),
                Err(_) => {
                    self.findings.push(Finding::warning(
                        Code::InvalidConfig,
                        "AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 / RFC 3339 timestamp",
                    ));
                    None
                }
            },
            None => None,
        };
        Ok(Some(ResolvedCredentials {
            source: Source::Environment,
            profile: None,
            location: Location::Variable("AWS_ACCESS_KEY_ID".to_owned()),
            plan: CredentialPlan::Static(StaticCredentials {
                access_key_id: AccessKeyId::new(id),
                secret_access_key: Secret::new(secret),
                session_token: token_var.and_then(|v| env.raw(v)).map(Secret::new),
                expires_at,
            }),
        }))
    }

    fn profile(&self, name: &str) -> Option<&Profile> {
        self.files.merged.get(name)
    }

    fn has_role(p: &Profile) -> bool {
        p.has("role_arn") && !p.has("web_identity_token_file")
    }

    fn has_static(p: &Profile) -> bool {
        p.has("aws_access_key_id") || p.has("aws_secret_access_key")
    }

    fn top_assume_role(&mut self, name: &str) -> Result<Option<ResolvedCredentials>, Broken> {
        let Some(p) = self.profile(name) else {
            return Ok(None);
        };
        if !Self::has_role(p) {
            return Ok(None);
        }
        let mut visited = vec![name.to_owned()];
        self.assume_role(name, &mut visited).map(Some)
    }

    fn assume_role(
        &mut self,
        name: &str,
        visited: &mut Vec<String>,
    ) -> Result<ResolvedCredentials, Broken> {
        let files = self.files;
        let p = files.merged.get(name).ok_or_else(|| {
            Finding::error(Code::InvalidConfig, format!("profile \"{name}\" vanished"))
        })?;
        let role = p
            .value("role_arn")
            .ok_or_else(|| Finding::error(Code::InvalidConfig, "role_arn missing"))?;
        if p.has("mfa_serial") || p.has("duration_seconds") {
            self.differ(
                Sdk::Rust,
                "credentials",
                format!("ignores mfa_serial and duration_seconds of profile \"{name}\""),
            );
        }
        let source = match (p.get("source_profile"), p.get("credential_source")) {
            (Some(_), Some(_)) => {
                return Err(Finding::error(
                    Code::InvalidConfig,
                    format!("The profile \"{name}\" contains both source_profile and credential_source."),
                ))
            }
            (None, None) => {
                return Err(Finding::error(
                    Code::PartialCredentials,
                    format!("Partial credentials found in assume-role, missing: source_profile or credential_source (profile \"{name}\")"),
                ))
            }
            (None, Some(cs)) => self.credential_source(name, cs)?,
            (Some(sp), None) => {
                let sp = sp.to_owned();
                self.validate_source_profile(name, &sp, visited)?;
                visited.push(sp.clone());
                let source_p = files.merged.get(&sp).ok_or_else(|| {
                    Finding::error(Code::InvalidConfig, format!("profile \"{sp}\" vanished"))
                })?;
                if Self::has_static(source_p) || !Self::has_role(source_p) {
                    match self.profile_providers(&sp, true, false) {
                        Ok(Some(c)) => c,
                        Ok(None) => {
                            return Err(Finding::error(
                                Code::InvalidConfig,
                                format!("The source profile \"{sp}\" must have credentials."),
                            ))
                        }
                        Err((_, f)) => return Err(f),
                    }
                } else {
                    self.assume_role(&sp, visited)?
                }
            }
        };
        Ok(ResolvedCredentials {
            source: Source::AssumeRole,
            profile: Some(name.to_owned()),
            location: role.location.clone(),
            plan: CredentialPlan::AssumeRole(AssumeRolePlan {
                role_arn: role.value.clone(),
                external_id: p.get("external_id").map(str::to_owned),
                session_name: p.get("role_session_name").map(str::to_owned),
                duration_seconds: p.get("duration_seconds").and_then(|d| d.parse().ok()),
                mfa_serial: p.get("mfa_serial").map(str::to_owned),
                source: Box::new(source),
            }),
        })
    }

    fn validate_source_profile(
        &self,
        parent: &str,
        source: &str,
        visited: &[String],
    ) -> Result<(), Broken> {
        let Some(sp) = self.profile(source) else {
            return Err(Finding::error(
                Code::InvalidConfig,
                format!("The source_profile \"{source}\" referenced in the profile \"{parent}\" does not exist."),
            ));
        };
        if !visited.iter().any(|v| v == source) {
            return Ok(());
        }
        if source != parent || !Self::has_static(sp) {
            return Err(Finding::error(
                Code::SourceProfileLoop,
                format!(
                    "Infinite loop in credential configuration detected. Attempting to load from profile {source} which has already been visited. Visited profiles: [{}]",
                    visited.join(", ")
                ),
            ));
        }
        Ok(())
    }

    fn credential_source(&mut self, name: &str, cs: &str) -> Result<ResolvedCredentials, Broken> {
        if !CREDENTIAL_SOURCES.contains(&cs) {
            return Err(Finding::error(
                Code::InvalidConfig,
                format!("The credential source \"{cs}\" referenced in profile \"{name}\" is not valid (use one of {})", CREDENTIAL_SOURCES.join(", ")),
            ));
        }
        let found = match cs {
            "Environment" => self.env_provider()?,
            "EcsContainer" => self.container()?,
            _ => self.imds(),
        };
        found.ok_or_else(|| {
            Finding::error(
                Code::NoCredentials,
                format!("No credentials found in credential_source \"{cs}\" referenced in profile \"{name}\""),
            )
        })
    }

    /// web identity, SSO, shared credentials, process, config file — botocore's profile
    /// providers, in order. `record` logs attempts (only for the top-level profile).
    fn profile_providers(
        &mut self,
        name: &str,
        env_disabled: bool,
        record: bool,
    ) -> Result<Option<ResolvedCredentials>, (&'static str, Broken)> {
        type Step = fn(
            &mut Resolver<'_, '_>,
            &str,
            bool,
        ) -> Result<Result<ResolvedCredentials, String>, Broken>;
        let steps: [(&'static str, Step); 5] = [
            ("assume-role-with-web-identity", |r, n, d| {
                r.web_identity(n, d)
            }),
            ("sso", |r, n, _| r.sso(n)),
            ("shared-credentials-file", |r, n, _| r.shared_credentials(n)),
            ("custom-process", |r, n, _| r.process(n)),
            ("config-file", |r, n, _| r.config_file(n)),
        ];
        for (provider, step) in steps {
            match step(self, name, env_disabled) {
                Ok(Ok(c)) => {
                    if record {
                        self.attempt(provider, Outcome::Chosen);
                    }
                    return Ok(Some(c));
                }
                Ok(Err(why)) => {
                    if record {
                        self.attempt(provider, Outcome::Skipped(why));
                    }
                }
                Err(f) => return Err((provider, f)),
            }
        }
        Ok(None)
    }

    fn web_identity(
        &mut self,
        name: &str,
        env_disabled: bool,
    ) -> Result<Result<ResolvedCredentials, String>, Broken> {
        let env = self.input.env;
        let from_env = |var: &str| {
            if env_disabled {
                None
            } else {
                env.raw(var).map(|v| Sourced {
                    value: v.to_owned(),
                    location: Location::Variable(var.to_owned()),
                })
            }
        };
        let p = self.profile(name).cloned().unwrap_or_default();
        let get = |var: &str, key: &str| from_env(var).or_else(|| p.value(key).cloned());
        let Some(token) = get("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file")
            .filter(|t| !t.value.is_empty())
        else {
            return Ok(Err(
                "no AWS_WEB_IDENTITY_TOKEN_FILE or web_identity_token_file".to_owned(),
            ));
        };
        let Some(role) = get("AWS_ROLE_ARN", "role_arn").filter(|t| !t.value.is_empty()) else {
            return Err(Finding::error(
                Code::InvalidConfig,
                "The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured (set AWS_ROLE_ARN or the profile's role_arn)",
            ));
        };
        let profile_has_own =
            Self::has_static(&p) || p.has("credential_process") || p.has("sso_account_id");
        if matches!(token.location, Location::Variable(_)) && profile_has_own {
            self.differ(
                Sdk::Rust,
                "credentials",
                format!("uses profile \"{name}\"'s own credentials: in Rust the profile provider runs before environment web identity"),
            );
        }
        let token_file = expand_home(&token.value, env).unwrap_or(token.value.clone());
        Ok(Ok(ResolvedCredentials {
            source: Source::WebIdentity,
            profile: (!matches!(token.location, Location::Variable(_))).then(|| name.to_owned()),
            location: token.location,
            plan: CredentialPlan::WebIdentity {
                role_arn: role.value,
                token_file,
                session_name: get("AWS_ROLE_SESSION_NAME", "role_session_name").map(|s| s.value),
            },
        }))
    }

    fn sso(&mut self, name: &str) -> Result<Result<ResolvedCredentials, String>, Broken> {
        let Some(p) = self.profile(name) else {
            return Ok(Err(format!("no profile \"{name}\"")));
        };
        if !p.has("sso_role_name") && !p.has("sso_account_id") {
            return Ok(Err("no sso_account_id or sso_role_name".to_owned()));
        }
        let mut merged = p.clone();
        let session = p.get("sso_session").map(str::to_owned);
        if let Some(s) = &session {
            let Some(sess) = self.files.sso_sessions.get(s) else {
                return Err(Finding::error(
                    Code::InvalidConfig,
                    format!("The specified sso-session does not exist: \"{s}\""),
                ));
            };
            for (k, v) in &sess.values {
                if let Some(own) = p.get(k) {
                    if own != v.value {
                        return Err(Finding::error(
                            Code::InvalidConfig,
                            format!("The value for {k} is inconsistent between profile ({own}) and sso-session ({})", v.value),
                        ));
                    }
                }
                merged.values.insert(k.clone(), v.clone());
            }
        }
        let required = [
            "sso_role_name",
            "sso_account_id",
            "sso_start_url",
            "sso_region",
        ];
        let missing: Vec<&str> = required.into_iter().filter(|k| !merged.has(k)).collect();
        if !missing.is_empty() {
            return Err(Finding::error(
                Code::InvalidConfig,
                format!(
                    "The profile \"{name}\" is configured to use SSO but is missing required configuration: {}",
                    missing.join(", ")
                ),
            ));
        }
        let get = |k: &str| merged.get(k).unwrap_or_default().to_owned();
        let location = merged
            .value("sso_account_id")
            .or_else(|| merged.value("sso_role_name"))
            .map(|v| v.location.clone())
            .unwrap_or(Location::Default("sso".to_owned()));
        Ok(Ok(ResolvedCredentials {
            source: Source::Sso,
            profile: Some(name.to_owned()),
            location,
            plan: CredentialPlan::Sso {
                start_url: get("sso_start_url"),
                sso_region: get("sso_region"),
                account_id: get("sso_account_id"),
                role_name: get("sso_role_name"),
                session_name: session,
            },
        }))
    }

    fn static_from(
        p: &Profile,
        name: &str,
        source: Source,
        provider: &str,
    ) -> Result<Result<ResolvedCredentials, String>, Broken> {
        let Some(id) = p.value("aws_access_key_id") else {
            return Ok(Err("no aws_access_key_id".to_owned()));
        };
        let Some(secret) = p.get("aws_secret_access_key") else {
            return Err(Finding::error(
                Code::PartialCredentials,
                format!("Partial credentials found in {provider}, missing: aws_secret_access_key (profile \"{name}\")"),
            ));
        };
        let token = p
            .get("aws_security_token")
            .or_else(|| p.get("aws_session_token"));
        Ok(Ok(ResolvedCredentials {
            source,
            profile: Some(name.to_owned()),
            location: id.location.clone(),
            plan: CredentialPlan::Static(StaticCredentials {
                access_key_id: AccessKeyId::new(id.value.clone()),
                secret_access_key: Secret::new(secret),
                session_token: token.map(Secret::new),
                expires_at: None,
            }),
        }))
    }

    fn shared_credentials(
        &mut self,
        name: &str,
    ) -> Result<Result<ResolvedCredentials, String>, Broken> {
        match self.files.credentials_profiles.get(name) {
            Some(p) => Self::static_from(
                p,
                name,
                Source::SharedCredentialsFile,
                "shared-credentials-file",
            ),
            None => Ok(Err(format!("no [{name}] in the credentials file"))),
        }
    }

    fn config_file(&mut self, name: &str) -> Result<Result<ResolvedCredentials, String>, Broken> {
        match self.files.config_profiles.get(name) {
            Some(p) => Self::static_from(p, name, Source::ConfigFile, "config-file"),
            None => Ok(Err(format!("no profile \"{name}\" in the config file"))),
        }
    }

    fn process(&mut self, name: &str) -> Result<Result<ResolvedCredentials, String>, Broken> {
        let Some(cmd) = self
            .profile(name)
            .and_then(|p| p.value("credential_process"))
        else {
            return Ok(Err("no credential_process".to_owned()));
        };
        Ok(Ok(ResolvedCredentials {
            source: Source::CredentialProcess,
            profile: Some(name.to_owned()),
            location: cmd.location.clone(),
            plan: CredentialPlan::Process {
                command: cmd.value.clone(),
            },
        }))
    }

    fn fallback_providers(&mut self) -> Option<ResolvedCredentials> {
        match self.container() {
            Ok(Some(c)) => {
                self.attempt("container-role", Outcome::Chosen);
                return Some(c);
            }
            Ok(None) => self.attempt(
                "container-role",
                Outcome::Skipped(
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set".to_owned(),
                ),
            ),
            Err(f) => return self.fail("container-role", f),
        }
        match self.imds() {
            Some(c) => {
                self.attempt("iam-role", Outcome::Chosen);
                Some(c)
            }
            None => {
                self.attempt(
                    "iam-role",
                    Outcome::Skipped("AWS_EC2_METADATA_DISABLED=true".to_owned()),
                );
                self.findings.push(Finding::error(
                    Code::NoCredentials,
                    "Unable to locate credentials: no provider of the chain found any",
                ));
                None
            }
        }
    }
}

/// An expired or soon-expiring credential, judged against `now`.
pub fn expiry_finding(expires_at: OffsetDateTime, now: OffsetDateTime) -> Option<Finding> {
    let left = expires_at - now;
    if left <= time::Duration::ZERO {
        Some(Finding::error(
            Code::ExpiredCredentials,
            format!(
                "the credentials expired {} ago; static copies of temporary credentials never refresh — get new ones or use a refreshing source (credential_process, a role profile)",
                human_duration(-left)
            ),
        ))
    } else if left < time::Duration::minutes(15) {
        Some(Finding::warning(
            Code::CredentialsExpiring,
            format!("the credentials expire in {}", human_duration(left)),
        ))
    } else {
        None
    }
}

/// `1h 5m`, `42s`: durations as the report prints them.
pub fn human_duration(d: time::Duration) -> String {
    let secs = d.whole_seconds().max(0);
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s}s"),
        _ => format!("{h}h {m}m"),
    }
}

fn var_sourced(var: &str, value: &str) -> Sourced<String> {
    Sourced {
        value: value.trim().to_owned(),
        location: Location::Variable(var.to_owned()),
    }
}

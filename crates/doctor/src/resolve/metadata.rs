//! The last two providers of the chain: the container credentials endpoint and the EC2
//! instance metadata service, with the checks the SDKs apply to their configuration.

use super::{Broken, Resolver};
use crate::model::{Code, CredentialPlan, Finding, Location, ResolvedCredentials, Secret, Source};

/// The link-local address of the ECS container credentials endpoint.
const ECS_HOST: &str = "169.254.170.2";
/// Hosts an `http://` full URI may name besides loopback (botocore's allow-list).
const CONTAINER_HOSTS: [&str; 4] = [
    "169.254.170.2",
    "169.254.170.23",
    "fd00:ec2::23",
    "localhost",
];

impl Resolver<'_, '_> {
    /// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (which wins) or `…_FULL_URI`, with its token.
    pub(super) fn container(&mut self) -> Result<Option<ResolvedCredentials>, Broken> {
        let env = self.input.env;
        let (url, var) = if let Some(rel) = env.raw("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            (
                format!("http://{ECS_HOST}{rel}"),
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            )
        } else if let Some(full) = env.raw("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            check_container_url(full)?;
            (full.to_owned(), "AWS_CONTAINER_CREDENTIALS_FULL_URI")
        } else {
            return Ok(None);
        };
        let authorization = if var == "AWS_CONTAINER_CREDENTIALS_FULL_URI" {
            if let Some(file) = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
                match self.input.files.read(file) {
                    Some(t) => Some(Secret::new(t)),
                    None => {
                        return Err(Finding::error(
                            Code::MetadataFailed,
                            format!("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names {file}, which cannot be read"),
                        ))
                    }
                }
            } else {
                env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN")
                    .map(Secret::new)
            }
        } else {
            None
        };
        if authorization
            .as_ref()
            .is_some_and(|a| a.expose().contains(['\r', '\n']))
        {
            return Err(Finding::error(
                Code::InvalidConfig,
                "the container authorization token contains a line break (often a trailing newline in the token file); botocore and Rust reject it as a header value",
            ));
        }
        if env.raw("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").is_some()
            && env.raw("AWS_CONTAINER_CREDENTIALS_FULL_URI").is_some()
        {
            self.findings.push(Finding::info(
                Code::InvalidConfig,
                "both AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are set; every SDK uses the relative one",
            ));
        }
        Ok(Some(ResolvedCredentials {
            source: Source::Container,
            profile: None,
            location: Location::Variable(var.to_owned()),
            plan: CredentialPlan::Container { url, authorization },
        }))
    }

    /// The instance metadata service unless `AWS_EC2_METADATA_DISABLED=true`.
    pub(super) fn imds(&mut self) -> Option<ResolvedCredentials> {
        let env = self.input.env;
        if env.is_true("AWS_EC2_METADATA_DISABLED") {
            return None;
        }
        let (endpoint, location) = match env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT") {
            Some(e) => (
                e.trim_end_matches('/').to_owned(),
                Location::Variable("AWS_EC2_METADATA_SERVICE_ENDPOINT".to_owned()),
            ),
            None if env
                .get("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")
                .is_some_and(|m| m.eq_ignore_ascii_case("ipv6")) =>
            {
                (
                    "http://[fd00:ec2::254]".to_owned(),
                    Location::Variable("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE".to_owned()),
                )
            }
            None => (
                "http://169.254.169.254".to_owned(),
                Location::Default("instance metadata service".to_owned()),
            ),
        };
        Some(ResolvedCredentials {
            source: Source::Imds,
            profile: None,
            location,
            plan: CredentialPlan::Imds { endpoint },
        })
    }
}

/// botocore's rule for an `http` full URI: loopback or a known container host only.
fn check_container_url(full: &str) -> Result<(), Broken> {
    let (scheme, rest) = full.split_once("://").unwrap_or(("", full));
    if scheme.eq_ignore_ascii_case("https") {
        return Ok(());
    }
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let loopback = host
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    if loopback || CONTAINER_HOSTS.contains(&host) {
        Ok(())
    } else {
        Err(Finding::error(
            Code::InvalidConfig,
            format!(
                "Unsupported host '{host}' in AWS_CONTAINER_CREDENTIALS_FULL_URI: over http only a loopback address or one of {} is allowed",
                CONTAINER_HOSTS.join(", ")
            ),
        ))
    }
}

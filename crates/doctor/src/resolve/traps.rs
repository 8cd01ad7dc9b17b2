//! Set-ups that resolve without an error yet do not do what their author meant: a temporary key
//! without its token, role variables no SDK reads, a profile hidden by a file variable, calls
//! going to AWS while a profile points elsewhere, and where the aws CLI caches role credentials.

use sha1::{Digest, Sha1};

use crate::ini;
use crate::input::{Environment, FileSystem};
use crate::model::{
    AssumeRolePlan, Code, CredentialPlan, Finding, Location, ResolvedCredentials, Sourced,
};
use crate::profiles::ConfigFiles;

/// A temporary (`ASIA…`) key without its session token, found on the base credentials.
pub(super) fn temporary_key_without_token(creds: &ResolvedCredentials) -> Option<Finding> {
    let mut base = creds;
    while let CredentialPlan::AssumeRole(hop) = &base.plan {
        base = &hop.source;
    }
    let CredentialPlan::Static(keys) = &base.plan else {
        return None;
    };
    if !keys.access_key_id.expose().starts_with("ASIA") || keys.session_token.is_some() {
        return None;
    }
    let token = match base.location {
        Location::Variable(_) => "AWS_SESSION_TOKEN is not set",
        _ => "the profile has no aws_session_token",
    };
    Some(Finding::error(
        Code::MissingSessionToken,
        format!(
            "{} ({}) is a temporary key without its session token: {token}. Temporary keys \
             (ASIA…) work only with the SessionToken of the same AssumeRole/GetSessionToken \
             answer; without it every call fails with InvalidClientTokenId",
            keys.access_key_id.masked(),
            base.location
        ),
    ))
}

/// `AWS_ROLE_ARN` without a token file, and `AWS_EXTERNAL_ID`: the SDKs read neither alone.
/// `web_identity` says whether the chain settled on web identity, which does read
/// `AWS_ROLE_ARN` (also with a profile's `web_identity_token_file`).
pub(super) fn role_variables(env: &Environment, web_identity: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(role) = env.get("AWS_ROLE_ARN") {
        if env.get("AWS_WEB_IDENTITY_TOKEN_FILE").is_none() && !web_identity {
            out.push(Finding::warning(
                Code::RoleArnIgnored,
                format!(
                    "AWS_ROLE_ARN ({role}) is set without AWS_WEB_IDENTITY_TOKEN_FILE: the AWS \
                     SDKs and CLI read AWS_ROLE_ARN (and AWS_ROLE_SESSION_NAME) only for web \
                     identity, so no role is assumed and these checks use the credentials \
                     below. An application must call sts:AssumeRole itself; for any SDK, use a \
                     profile with role_arn and source_profile instead"
                ),
            ));
        }
    }
    if env.get("AWS_EXTERNAL_ID").is_some() {
        out.push(Finding::warning(
            Code::ExternalIdIgnored,
            "AWS_EXTERNAL_ID is set, but no AWS SDK or CLI reads it: an application must pass \
             it to sts:AssumeRole itself; for any SDK, put external_id in a role profile",
        ));
    }
    out
}

/// Whether a URL is one of AWS's own endpoints.
pub fn is_aws_endpoint(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")
}

/// Calls go to AWS although some profile names another endpoint (a Keyward profile).
pub(super) fn endpoint_is_aws(
    endpoint: &Sourced<String>,
    selected: &str,
    files: &ConfigFiles,
) -> Option<Finding> {
    if !is_aws_endpoint(&endpoint.value) {
        return None;
    }
    let mut elsewhere: Vec<String> = Vec::new();
    for (name, p) in &files.merged {
        let own = p
            .value("endpoint_url")
            .filter(|v| !is_aws_endpoint(&v.value));
        let via_services = p
            .get("services")
            .and_then(|s| files.services.get(s))
            .and_then(|s| s.get("sts").or_else(|| s.get("iam")))
            .filter(|v| !is_aws_endpoint(&v.value));
        if let Some(v) = own.or(via_services) {
            elsewhere.push(format!("\"{name}\" ({} at {})", v.value, v.location));
        }
    }
    if elsewhere.is_empty() {
        return None;
    }
    let hint = if elsewhere
        .iter()
        .any(|e| e.starts_with(&format!("\"{selected}\"")))
    {
        format!(
            "the selected profile \"{selected}\" names another endpoint but it is not used \
             (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or ignore_configured_endpoint_urls?)"
        )
    } else {
        "select that profile with AWS_PROFILE or --profile, or set AWS_ENDPOINT_URL".to_owned()
    };
    Some(Finding::warning(
        Code::EndpointIsAws,
        format!(
            "calls go to AWS itself ({}, {}) although profile {} names another endpoint: {hint}",
            endpoint.value,
            endpoint.location,
            elsewhere.join(", ")
        ),
    ))
}

/// Where a profile is defined in a default file that a variable keeps from being read.
pub(super) fn hidden_profile(
    env: &Environment,
    fs: &dyn FileSystem,
    files: &ConfigFiles,
    profile: &str,
) -> Vec<String> {
    let Some(home) = env.get("HOME") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let choices = [
        (
            files.config.as_ref(),
            "AWS_CONFIG_FILE",
            ".aws/config",
            true,
        ),
        (
            files.credentials.as_ref(),
            "AWS_SHARED_CREDENTIALS_FILE",
            ".aws/credentials",
            false,
        ),
    ];
    for (choice, var, rel, is_config) in choices {
        let Some(choice) = choice else { continue };
        if choice.chosen_by != Location::Variable(var.to_owned()) {
            continue;
        }
        let default = format!("{home}/{rel}");
        if default == choice.path {
            continue;
        }
        let Some(sections) = fs.read(&default).and_then(|t| ini::parse(&t).ok()) else {
            continue;
        };
        let wanted = if is_config && profile != "default" {
            format!("profile {profile}")
        } else {
            profile.to_owned()
        };
        if let Some(s) = sections.iter().find(|s| {
            s.header.split_whitespace().collect::<Vec<_>>().join(" ") == wanted
                || (is_config && profile == "default" && s.header == "profile default")
        }) {
            out.push(format!(
                "[{}] is in {default}:{}, which is not read because {var} points to {}",
                s.header, s.line, choice.path
            ));
        }
    }
    out
}

/// The files searched for profiles, with how each was chosen.
pub(super) fn files_searched(files: &ConfigFiles) -> String {
    let list: Vec<String> = [&files.config, &files.credentials]
        .into_iter()
        .flatten()
        .map(|f| {
            let how = match &f.chosen_by {
                Location::Default(d) => d.clone(),
                other => format!("from {other}"),
            };
            let missing = if f.found { "" } else { ", not found" };
            format!("{} ({how}{missing})", f.path)
        })
        .collect();
    if list.is_empty() {
        "no files (HOME is not set)".to_owned()
    } else {
        list.join(" and ")
    }
}

/// The file where the aws CLI caches the credentials of this role plan (`~/.aws/cli/cache`),
/// named as botocore names it: the SHA-1 of the `AssumeRole` arguments as Python's
/// `json.dumps(args, sort_keys=True)` writes them, without a generated session name.
pub fn cli_cache_file(env: &Environment, creds: &ResolvedCredentials) -> Option<String> {
    let home = env.get("HOME")?;
    let key = match &creds.plan {
        CredentialPlan::AssumeRole(plan) => assume_role_cache_key(plan),
        CredentialPlan::WebIdentity {
            role_arn,
            session_name,
            ..
        } => {
            let mut args = vec![("RoleArn", PyJson::Str(role_arn.clone()))];
            if let Some(s) = session_name {
                args.push(("RoleSessionName", PyJson::Str(s.clone())));
            }
            cache_key(args)
        }
        _ => return None,
    };
    Some(format!("{home}/.aws/cli/cache/{key}.json"))
}

fn assume_role_cache_key(plan: &AssumeRolePlan) -> String {
    let mut args = vec![("RoleArn", PyJson::Str(plan.role_arn.clone()))];
    if let Some(s) = &plan.session_name {
        args.push(("RoleSessionName", PyJson::Str(s.clone())));
    }
    if let Some(x) = &plan.external_id {
        args.push(("ExternalId", PyJson::Str(x.clone())));
    }
    if let Some(m) = &plan.mfa_serial {
        args.push(("SerialNumber", PyJson::Str(m.clone())));
    }
    if let Some(d) = plan.duration_seconds {
        args.push(("DurationSeconds", PyJson::Int(d)));
    }
    cache_key(args)
}

enum PyJson {
    Str(String),
    Int(u32),
}

fn cache_key(mut args: Vec<(&'static str, PyJson)>) -> String {
    args.sort_by(|a, b| a.0.cmp(b.0));
    let body: Vec<String> = args
        .iter()
        .map(|(k, v)| {
            let v = match v {
                PyJson::Str(s) => py_json_string(s),
                PyJson::Int(i) => i.to_string(),
            };
            format!("{}: {v}", py_json_string(k))
        })
        .collect();
    let json = format!("{{{}}}", body.join(", "));
    let digest = hex::encode(Sha1::digest(json.as_bytes()));
    digest.replace([':', '/'], "_")
}

/// A string as Python's `json.dumps` writes it (`ensure_ascii`: non-ASCII as `\uXXXX`).
fn py_json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AccessKeyId, Secret, Source, StaticCredentials};

    fn role(plan: AssumeRolePlan) -> ResolvedCredentials {
        ResolvedCredentials {
            source: Source::AssumeRole,
            profile: Some("deploy".to_owned()),
            location: Location::Default("test".to_owned()),
            plan: CredentialPlan::AssumeRole(plan),
        }
    }

    fn keys(id: &str, token: Option<&str>) -> ResolvedCredentials {
        ResolvedCredentials {
            source: Source::Environment,
            profile: None,
            location: Location::Variable("AWS_ACCESS_KEY_ID".to_owned()),
            plan: CredentialPlan::Static(StaticCredentials {
                access_key_id: AccessKeyId::new(id),
                secret_access_key: Secret::new("s"),
                session_token: token.map(Secret::new),
                expires_at: None,
            }),
        }
    }

    /// The expected names were computed with Python and botocore's own expression:
    /// `sha1(json.dumps(args, sort_keys=True).encode()).hexdigest()`.
    #[test]
    fn cache_keys_match_botocores() {
        let env = Environment::from_pairs([("HOME", "/h")]);
        let plan = AssumeRolePlan {
            role_arn: "arn:aws:iam::123456789012:role/deploy".to_owned(),
            external_id: Some("ext-42".to_owned()),
            session_name: None,
            duration_seconds: None,
            mfa_serial: None,
            source: Box::new(keys("AKIAEXAMPLEEXAMPLE01", None)),
        };
        assert_eq!(
            cli_cache_file(&env, &role(plan.clone())).as_deref(),
            Some("/h/.aws/cli/cache/a4fb23ab8eab01904c62612a083bf24ebc4536c2.json")
        );
        let with_duration = AssumeRolePlan {
            duration_seconds: Some(3600),
            session_name: Some("s".to_owned()),
            ..plan
        };
        assert_eq!(
            cli_cache_file(&env, &role(with_duration)).as_deref(),
            Some("/h/.aws/cli/cache/f77b8936358694a31ce6f636ff954220a27f01ab.json")
        );
    }

    #[test]
    fn python_json_escapes_non_ascii() {
        assert_eq!(py_json_string("é\"x"), r#""\u00e9\"x""#);
        assert_eq!(py_json_string("😀"), r#""\ud83d\ude00""#);
    }

    #[test]
    fn asia_without_token_is_named() {
        let f = temporary_key_without_token(&keys("ASIAEXAMPLEEXAMPLE01", None));
        assert_eq!(f.map(|f| f.code), Some(Code::MissingSessionToken));
        assert!(temporary_key_without_token(&keys("ASIAEXAMPLEEXAMPLE01", Some("t"))).is_none());
        assert!(temporary_key_without_token(&keys("AKIAEXAMPLEEXAMPLE01", None)).is_none());
    }

    #[test]
    fn role_variables_alone_are_reported() {
        let env = Environment::from_pairs([
            (
                "AWS_ROLE_ARN",
                "arn:aws:iam::123456789012:role/BedrockAccessRole",
            ),
            ("AWS_EXTERNAL_ID", "unique-external-id"),
        ]);
        let codes: Vec<Code> = role_variables(&env, false).iter().map(|f| f.code).collect();
        assert_eq!(codes, [Code::RoleArnIgnored, Code::ExternalIdIgnored]);
        let web = Environment::from_pairs([
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/r"),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", "/t"),
        ]);
        assert!(role_variables(&web, false).is_empty());
        let profile_token =
            Environment::from_pairs([("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/r")]);
        assert!(role_variables(&profile_token, true).is_empty());
    }

    #[test]
    fn aws_endpoints_are_recognised() {
        assert!(is_aws_endpoint("https://sts.us-east-1.amazonaws.com"));
        assert!(is_aws_endpoint("https://iam.amazonaws.com/"));
        assert!(is_aws_endpoint("https://sts.cn-north-1.amazonaws.com.cn"));
        assert!(!is_aws_endpoint("http://127.0.0.1:4577"));
        assert!(!is_aws_endpoint("http://amazonaws.com.evil.example"));
    }
}

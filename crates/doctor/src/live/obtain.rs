//! Carries out a credential plan: runs `credential_process`, assumes roles, exchanges web
//! identity tokens, asks the container or instance metadata endpoint. Secrets stay in
//! [`Secret`]s; failures become findings that never quote a secret.

use std::time::Duration;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::http::{Http, HttpError, Request};
use super::query::{self, CallError, Service};
use crate::input::FileSystem;
use crate::model::{
    AccessKeyId, AssumeRolePlan, Code, CredentialPlan, Finding, ResolvedCredentials, Secret,
    StaticCredentials,
};
use crate::xml::Node;

/// How long a `credential_process` may run.
const PROCESS_TIMEOUT: Duration = Duration::from_secs(10);

/// What obtaining needs.
pub struct Context<'a> {
    /// Client for STS and the container endpoint.
    pub http: &'a Http,
    /// Client with the short limits the SDKs use for instance metadata.
    pub imds_http: &'a Http,
    /// STS, for `AssumeRole` and `AssumeRoleWithWebIdentity`.
    pub sts: Service<'a>,
    /// Where token files are read.
    pub files: &'a dyn FileSystem,
}

/// Keys obtained, and the role hops taken to get them (outermost last).
pub async fn obtain(
    ctx: &Context<'_>,
    creds: &ResolvedCredentials,
) -> Result<StaticCredentials, Finding> {
    let mut hops: Vec<&AssumeRolePlan> = Vec::new();
    let mut base = creds;
    while let CredentialPlan::AssumeRole(plan) = &base.plan {
        hops.push(plan);
        base = &plan.source;
    }
    let mut keys = obtain_base(ctx, &base.plan).await?;
    for hop in hops.into_iter().rev() {
        keys = assume_role(ctx, hop, &keys).await?;
    }
    Ok(keys)
}

async fn obtain_base(
    ctx: &Context<'_>,
    plan: &CredentialPlan,
) -> Result<StaticCredentials, Finding> {
    match plan {
        CredentialPlan::Static(s) => Ok(s.clone()),
        CredentialPlan::AssumeRole(_) => Err(Finding::error(
            Code::InvalidConfig,
            "internal: role hop where base credentials were expected",
        )),
        CredentialPlan::WebIdentity {
            role_arn,
            token_file,
            session_name,
        } => web_identity(ctx, role_arn, token_file, session_name.as_deref()).await,
        CredentialPlan::Process { command } => run_process(command).await,
        CredentialPlan::Sso {
            start_url,
            account_id,
            role_name,
            ..
        } => Err(Finding::warning(
            Code::Advice,
            format!("IAM Identity Center credentials ({role_name} in {account_id} via {start_url}) are not fetched by doctor; run `aws sso login` and check with `aws sts get-caller-identity`"),
        )),
        CredentialPlan::Container { url, authorization } => container(ctx, url, authorization.as_ref()).await,
        CredentialPlan::Imds { endpoint } => imds(ctx, endpoint).await,
    }
}

fn session_name(configured: Option<&str>) -> String {
    configured.map(str::to_owned).unwrap_or_else(|| {
        format!(
            "keyward-doctor-{}",
            OffsetDateTime::now_utc().unix_timestamp()
        )
    })
}

fn credentials_from(node: &Node) -> Option<StaticCredentials> {
    let c = node.find("Credentials")?;
    Some(StaticCredentials {
        access_key_id: AccessKeyId::new(c.text_of("AccessKeyId")?),
        secret_access_key: Secret::new(c.text_of("SecretAccessKey")?),
        session_token: c.text_of("SessionToken").map(Secret::new),
        expires_at: c
            .text_of("Expiration")
            .and_then(|e| OffsetDateTime::parse(e, &Rfc3339).ok()),
    })
}

async fn assume_role(
    ctx: &Context<'_>,
    plan: &AssumeRolePlan,
    source: &StaticCredentials,
) -> Result<StaticCredentials, Finding> {
    if let Some(serial) = &plan.mfa_serial {
        return Err(Finding::warning(
            Code::Advice,
            format!("assuming {} needs an MFA code for {serial}; doctor cannot prompt, so the role is not checked", plan.role_arn),
        ));
    }
    let mut params = vec![
        ("RoleArn".to_owned(), plan.role_arn.clone()),
        (
            "RoleSessionName".to_owned(),
            session_name(plan.session_name.as_deref()),
        ),
    ];
    if let Some(x) = &plan.external_id {
        params.push(("ExternalId".to_owned(), x.clone()));
    }
    if let Some(d) = plan.duration_seconds {
        params.push(("DurationSeconds".to_owned(), d.to_string()));
    }
    let what = format!("sts:AssumeRole of {}", plan.role_arn);
    let ex = query::call(ctx.http, ctx.sts, Some(source), "AssumeRole", &params).await;
    finish_sts(
        ex.result,
        &what,
        ctx.sts.url,
        &source.access_key_id.masked(),
    )
}

fn finish_sts(
    result: Result<Node, CallError>,
    what: &str,
    url: &str,
    key: &str,
) -> Result<StaticCredentials, Finding> {
    let node = result.map_err(|e| query::finding(&e, what, url, key))?;
    credentials_from(&node).ok_or_else(|| {
        Finding::error(
            Code::RequestFailed,
            format!("{what}: the answer has no Credentials"),
        )
    })
}

async fn web_identity(
    ctx: &Context<'_>,
    role_arn: &str,
    token_file: &str,
    configured_session: Option<&str>,
) -> Result<StaticCredentials, Finding> {
    let Some(token) = ctx.files.read(token_file) else {
        return Err(Finding::error(
            Code::InvalidConfig,
            format!("the web identity token file {token_file} cannot be read"),
        ));
    };
    let params = vec![
        ("RoleArn".to_owned(), role_arn.to_owned()),
        (
            "RoleSessionName".to_owned(),
            session_name(configured_session),
        ),
        ("WebIdentityToken".to_owned(), token.trim().to_owned()),
    ];
    let what = format!("sts:AssumeRoleWithWebIdentity of {role_arn}");
    let ex = query::call(
        ctx.http,
        ctx.sts,
        None,
        "AssumeRoleWithWebIdentity",
        &params,
    )
    .await;
    finish_sts(ex.result, &what, ctx.sts.url, "(web identity)")
}

/// Splits a command line as a POSIX shell would, without running one: quotes and backslashes
/// are honoured, nothing is expanded.
pub fn split_command(line: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        ch => word.push(ch),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            ch @ ('"' | '\\' | '$' | '`') => word.push(ch),
                            ch => {
                                word.push('\\');
                                word.push(ch);
                            }
                        },
                        ch => word.push(ch),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.push(chars.next()?);
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

fn process_failed(message: String) -> Finding {
    Finding::error(Code::CredentialProcessFailed, message)
}

async fn run_process(command: &str) -> Result<StaticCredentials, Finding> {
    let argv = split_command(command)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            process_failed("credential_process is empty or has an unclosed quote".to_owned())
        })?;
    let Some((program, args)) = argv.split_first() else {
        return Err(process_failed(
            "credential_process is empty or has an unclosed quote".to_owned(),
        ));
    };
    let child = tokio::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            process_failed(format!(
                "credential_process {program} cannot be started: {e}"
            ))
        })?;
    let output = tokio::time::timeout(PROCESS_TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| {
            process_failed(format!(
                "credential_process {program} did not finish within {} s",
                PROCESS_TIMEOUT.as_secs()
            ))
        })?
        .map_err(|e| process_failed(format!("credential_process {program}: {e}")))?;
    if !output.status.success() {
        let stderr: String = String::from_utf8_lossy(&output.stderr)
            .trim()
            .chars()
            .take(300)
            .collect();
        return Err(process_failed(format!(
            "credential_process {program} exited with {}{}",
            output.status,
            if stderr.is_empty() {
                String::new()
            } else {
                format!(": {stderr}")
            }
        )));
    }
    let json: Value = serde_json::from_slice(&output.stdout).map_err(|_| {
        process_failed(format!(
            "credential_process {program} did not print a JSON object"
        ))
    })?;
    if json.get("Version").and_then(Value::as_u64) != Some(1) {
        return Err(process_failed(format!(
            "credential_process {program} printed an unsupported Version (must be the number 1)"
        )));
    }
    let field = |k: &str| json.get(k).and_then(Value::as_str);
    let (Some(id), Some(secret)) = (field("AccessKeyId"), field("SecretAccessKey")) else {
        return Err(process_failed(format!(
            "credential_process {program} printed no AccessKeyId or SecretAccessKey"
        )));
    };
    Ok(StaticCredentials {
        access_key_id: AccessKeyId::new(id),
        secret_access_key: Secret::new(secret),
        session_token: field("SessionToken").map(Secret::new),
        expires_at: field("Expiration").and_then(|e| OffsetDateTime::parse(e, &Rfc3339).ok()),
    })
}

fn metadata_credentials(body: &str) -> Option<StaticCredentials> {
    let json: Value = serde_json::from_str(body).ok()?;
    let field = |k: &str| json.get(k).and_then(Value::as_str);
    Some(StaticCredentials {
        access_key_id: AccessKeyId::new(field("AccessKeyId")?),
        secret_access_key: Secret::new(field("SecretAccessKey")?),
        session_token: field("Token")
            .or_else(|| field("SessionToken"))
            .map(Secret::new),
        expires_at: field("Expiration").and_then(|e| OffsetDateTime::parse(e, &Rfc3339).ok()),
    })
}

async fn container(
    ctx: &Context<'_>,
    url: &str,
    authorization: Option<&Secret>,
) -> Result<StaticCredentials, Finding> {
    let mut headers = vec![("accept".to_owned(), "application/json".to_owned())];
    if let Some(a) = authorization {
        headers.push(("authorization".to_owned(), a.expose().to_owned()));
    }
    let resp = ctx
        .http
        .send(Request {
            method: "GET",
            url: url.to_owned(),
            headers,
            body: Vec::new(),
        })
        .await
        .map_err(|e| {
            Finding::error(
                Code::MetadataFailed,
                format!("container credentials endpoint {url}: {e}"),
            )
        })?;
    if resp.status != 200 {
        return Err(Finding::error(
            Code::MetadataFailed,
            format!(
                "container credentials endpoint {url} answered HTTP {}",
                resp.status
            ),
        ));
    }
    metadata_credentials(&resp.body).ok_or_else(|| {
        Finding::error(
            Code::MetadataFailed,
            format!(
                "container credentials endpoint {url} answered without AccessKeyId/SecretAccessKey"
            ),
        )
    })
}

async fn imds(ctx: &Context<'_>, endpoint: &str) -> Result<StaticCredentials, Finding> {
    let unreachable = |e: HttpError| {
        Finding::error(
            Code::NoCredentials,
            format!("no provider found credentials: the instance metadata service at {endpoint} did not answer ({e}); off EC2 set AWS_EC2_METADATA_DISABLED=true"),
        )
    };
    let get = |url: String, token: &str| Request {
        method: "GET",
        url,
        headers: vec![("x-aws-ec2-metadata-token".to_owned(), token.to_owned())],
        body: Vec::new(),
    };
    let token = ctx
        .imds_http
        .send(Request {
            method: "PUT",
            url: format!("{endpoint}/latest/api/token"),
            headers: vec![(
                "x-aws-ec2-metadata-token-ttl-seconds".to_owned(),
                "21600".to_owned(),
            )],
            body: Vec::new(),
        })
        .await
        .map_err(unreachable)?;
    if token.status != 200 {
        return Err(Finding::error(
            Code::MetadataFailed,
            format!(
                "instance metadata token request answered HTTP {}",
                token.status
            ),
        ));
    }
    let base = format!("{endpoint}/latest/meta-data/iam/security-credentials/");
    let role = ctx
        .imds_http
        .send(get(base.clone(), &token.body))
        .await
        .map_err(unreachable)?;
    let role_name = role
        .body
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    if role.status != 200 || role_name.is_empty() {
        return Err(Finding::error(
            Code::NoCredentials,
            "no provider found credentials: the instance has no instance profile role",
        ));
    }
    let creds = ctx
        .imds_http
        .send(get(format!("{base}{role_name}"), &token.body))
        .await
        .map_err(unreachable)?;
    metadata_credentials(&creds.body).ok_or_else(|| {
        Finding::error(
            Code::MetadataFailed,
            format!("instance metadata credentials of role {role_name} are unreadable"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::split_command;

    #[test]
    fn splits_like_a_shell_without_one() {
        let words = split_command(r#"echo '{"a": 1}' "b \"c\"" d\ e"#).expect("balanced");
        assert_eq!(words, vec!["echo", r#"{"a": 1}"#, r#"b "c""#, "d e"]);
        assert_eq!(split_command("echo 'open"), None);
    }
}

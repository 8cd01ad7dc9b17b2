//! `keyward-sdk-probe`: a **test client** for Keyward's conformance suite, not part of the product.
//!
//! It does what an unmodified Rust program using the AWS SDK does: it loads its configuration with
//! `aws_config::load_defaults(BehaviorVersion::latest())`, so credentials come from the SDK's
//! DEFAULT credential chain (environment, profile files, web identity, ECS/EKS container endpoint,
//! EC2 instance metadata) and the region and endpoint from the standard environment variables only
//! (`AWS_REGION` / `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL`). Nothing is configured in code.
//!
//! It then calls STS `GetCallerIdentity` and, with `--iam-call`, one IAM call:
//!
//! ```text
//! keyward-sdk-probe [--iam-call list-users|get-user[:NAME]|create-user:NAME]
//! ```
//!
//! and prints one JSON line:
//!
//! ```text
//! {"arn":…,"account":…,"user_id":…,"access_key_id":…,"call":{"ok":true|false,"code":…,"message":…}}
//! ```
//!
//! (`call` is `null` without `--iam-call`). Exit status: 0 when the identity was obtained, even if
//! the IAM call was denied (the JSON says so); 1 when no credentials could be resolved (the error
//! is printed as `{"error":…,"stage":"credentials"}`); 2 when GetCallerIdentity itself failed
//! (`{"error":…,"code":…,"stage":"get-caller-identity"}`); 64 on bad usage.

use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials;
use aws_sdk_sts::error::{DisplayErrorContext, ProvideErrorMetadata};
use serde_json::{json, Value};

enum IamCall {
    ListUsers,
    GetUser(Option<String>),
    CreateUser(String),
}

fn usage(msg: &str) -> ! {
    eprintln!("keyward-sdk-probe: {msg}");
    eprintln!("usage: keyward-sdk-probe [--iam-call list-users|get-user[:NAME]|create-user:NAME]");
    std::process::exit(64);
}

fn parse_args() -> Option<IamCall> {
    let mut args = std::env::args().skip(1);
    let mut call = None;
    while let Some(a) = args.next() {
        let v = match a.as_str() {
            "--iam-call" => args
                .next()
                .unwrap_or_else(|| usage("--iam-call needs a value")),
            s if s.starts_with("--iam-call=") => s["--iam-call=".len()..].to_string(),
            "-h" | "--help" => usage("help"),
            other => usage(&format!("unknown argument {other:?}")),
        };
        call = Some(match v.split_once(':') {
            None if v == "list-users" => IamCall::ListUsers,
            None if v == "get-user" => IamCall::GetUser(None),
            Some(("get-user", n)) => IamCall::GetUser(Some(n.to_string())),
            Some(("create-user", n)) if !n.is_empty() => IamCall::CreateUser(n.to_string()),
            _ => usage(&format!("unknown --iam-call {v:?}")),
        });
    }
    call
}

fn call_result<T, E>(r: Result<T, aws_sdk_iam::error::SdkError<E>>) -> Value
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match r {
        Ok(_) => json!({"ok": true, "code": null, "message": null}),
        Err(e) => json!({
            "ok": false,
            "code": e.code(),
            "message": e.message().map(str::to_string).unwrap_or_else(|| DisplayErrorContext(&e).to_string()),
        }),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let iam_call = parse_args();
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;

    // Resolve the credentials first, through the default chain, so that "no credentials" is told
    // apart from a failed call.
    let provider = match config.credentials_provider() {
        Some(p) => p,
        None => {
            println!(
                "{}",
                json!({"error": "no credentials provider configured", "stage": "credentials"})
            );
            std::process::exit(1);
        }
    };
    let creds = match provider.provide_credentials().await {
        Ok(c) => c,
        Err(e) => {
            println!(
                "{}",
                json!({"error": DisplayErrorContext(&e).to_string(), "stage": "credentials"})
            );
            std::process::exit(1);
        }
    };

    let sts = aws_sdk_sts::Client::new(&config);
    let ident = match sts.get_caller_identity().send().await {
        Ok(i) => i,
        Err(e) => {
            println!(
                "{}",
                json!({"error": DisplayErrorContext(&e).to_string(), "code": e.code(), "message": e.message(),
                       "stage": "get-caller-identity"})
            );
            std::process::exit(2);
        }
    };

    let call = match iam_call {
        None => Value::Null,
        Some(c) => {
            let iam = aws_sdk_iam::Client::new(&config);
            match c {
                IamCall::ListUsers => call_result(iam.list_users().send().await),
                IamCall::GetUser(n) => call_result(iam.get_user().set_user_name(n).send().await),
                IamCall::CreateUser(n) => call_result(iam.create_user().user_name(n).send().await),
            }
        }
    };

    println!(
        "{}",
        json!({
            "arn": ident.arn(),
            "account": ident.account(),
            "user_id": ident.user_id(),
            "access_key_id": creds.access_key_id(),
            "expiry": creds.expiry().map(|t| {
                t.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
            }),
            "call": call,
        })
    );
}

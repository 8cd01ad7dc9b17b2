//! Calls from the `keyward` command to a Keyward (or AWS) endpoint, over the doctor crate's
//! signed Query client, with failures worded as the AWS CLI words them.

use std::time::Duration;

use keyward_doctor::live::http::Http;
use keyward_doctor::live::query::{self, CallError, Service, ServiceName};
use keyward_doctor::model::{AccessKeyId, Secret, StaticCredentials};
use keyward_doctor::xml::Node;

/// A client with the doctor's limits: 2 s to connect, 10 s for a whole call.
pub fn client() -> Result<Http, String> {
    Http::new(Duration::from_secs(2), Duration::from_secs(10)).map_err(|e| e.to_string())
}

/// Long-term keys as the doctor crate holds them.
pub fn keys(access_key_id: &str, secret_access_key: &str) -> StaticCredentials {
    StaticCredentials {
        access_key_id: AccessKeyId::new(access_key_id),
        secret_access_key: Secret::new(secret_access_key),
        session_token: None,
        expires_at: None,
    }
}

/// Calls `action` on `service` at `url`, signed with `creds`; the result element, or the
/// failure as `An error occurred (Code) when calling the Action operation: message`.
pub async fn call(
    http: &Http,
    url: &str,
    region: &str,
    service: ServiceName,
    creds: &StaticCredentials,
    action: &str,
    params: &[(String, String)],
) -> Result<Node, String> {
    let target = Service {
        url,
        region,
        name: service,
    };
    let exchange = query::call(http, target, Some(creds), action, params).await;
    exchange.result.map_err(|e| match e {
        CallError::Aws(aws) => format!(
            "An error occurred ({}) when calling the {action} operation: {}",
            aws.code, aws.message
        ),
        other => format!("{action} at {url}: {other}"),
    })
}

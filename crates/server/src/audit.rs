//! The audit log: one JSON line per event in CloudTrail's record shape, appended to a file in
//! the data directory. Every record is an [`AuditRecord`], serialized in the task that made it;
//! a bounded channel carries the lines to one writer, so a disk that falls behind slows the
//! requests down (backpressure) instead of growing memory or losing records.

use std::net::IpAddr;
use std::path::Path;

use keyward_aws_model::{ServiceModel, REDACTED};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

use crate::ids;
use crate::protocol::xml::timestamp;

/// Lines that may wait for the writer before requests wait for it.
const QUEUE_LINES: usize = 4096;

/// The service an event belongs to, as CloudTrail's `eventSource` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum EventSource {
    /// IAM.
    #[serde(rename = "iam.amazonaws.com")]
    Iam,
    /// STS.
    #[serde(rename = "sts.amazonaws.com")]
    Sts,
    /// Amazon Keyspaces (the CQL front).
    #[serde(rename = "cassandra.amazonaws.com")]
    Keyspaces,
}

/// One CloudTrail-shaped record.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    event_version: &'static str,
    event_time: String,
    event_source: EventSource,
    event_name: String,
    aws_region: String,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: String,
    user_agent: String,
    user_identity: UserIdentity,
    request_parameters: Option<Value>,
    response_elements: Option<Value>,
    error_code: Option<String>,
    error_message: Option<String>,
    #[serde(rename = "requestID")]
    request_id: String,
    #[serde(rename = "eventID")]
    event_id: String,
    event_type: &'static str,
    recipient_account_id: Option<String>,
}

/// Who made the request, in CloudTrail's `userIdentity` shape.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdentity {
    /// `Root`, `IAMUser`, `AssumedRole`, `FederatedUser`, `WebIdentityUser`, `AWSService`,
    /// `Role` (a session's issuer) or `Unknown`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The principal's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    /// The principal's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The principal's account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The access key the request was signed with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// The user's or role's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The AWS service acting (`AWSService`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoked_by: Option<String>,
    /// The identity provider of a web identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<String>,
    /// A session's issuer and attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_context: Option<SessionContext>,
}

impl UserIdentity {
    /// A caller that could not be authenticated, with the key it claimed if any.
    pub fn unknown(access_key_id: Option<&str>) -> Self {
        UserIdentity {
            kind: "Unknown",
            access_key_id: access_key_id.map(str::to_owned),
            ..UserIdentity::default()
        }
    }
}

/// CloudTrail's `sessionContext`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionContext {
    /// Who issued the session: the role, or the user or root that federated.
    pub session_issuer: Box<UserIdentity>,
    /// When the session began, and whether MFA was used.
    pub attributes: SessionAttributes,
}

/// CloudTrail's session `attributes`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionAttributes {
    /// When the session's credentials were issued.
    pub creation_date: Option<String>,
    /// `"true"` for a session obtained with an MFA code, `"false"` otherwise.
    pub mfa_authenticated: &'static str,
}

impl SessionAttributes {
    /// The attributes of a session issued at `issued`.
    pub fn issued(issued: Option<OffsetDateTime>) -> Self {
        SessionAttributes {
            creation_date: issued.map(timestamp),
            mfa_authenticated: "false",
        }
    }

    /// The same attributes, saying whether the session was obtained with an MFA code.
    pub fn mfa(self, authenticated: bool) -> Self {
        SessionAttributes {
            mfa_authenticated: if authenticated { "true" } else { "false" },
            ..self
        }
    }
}

/// Where a request came from.
#[derive(Clone, Debug)]
pub struct Origin {
    /// `sourceIPAddress`: the client's address, or the service principal acting.
    pub source: String,
    /// `userAgent`.
    pub user_agent: String,
}

impl Origin {
    /// A client at `ip`.
    pub fn client(ip: IpAddr, user_agent: &str) -> Self {
        Origin {
            source: ip.to_string(),
            user_agent: user_agent.to_owned(),
        }
    }
}

impl AuditRecord {
    /// The record of one API call (or CQL event) now, with a fresh event id.
    pub fn api_call(
        source: EventSource,
        name: &str,
        region: &str,
        origin: Origin,
        identity: UserIdentity,
        request_id: &str,
    ) -> Self {
        AuditRecord {
            event_version: "1.08",
            event_time: timestamp(OffsetDateTime::now_utc()),
            event_source: source,
            event_name: name.to_owned(),
            aws_region: region.to_owned(),
            source_ip_address: origin.source,
            user_agent: origin.user_agent,
            user_identity: identity,
            request_parameters: None,
            response_elements: None,
            error_code: None,
            error_message: None,
            request_id: request_id.to_owned(),
            event_id: ids::request_id(),
            event_type: "AwsApiCall",
            recipient_account_id: None,
        }
    }

    /// `requestParameters`.
    pub fn with_request(mut self, parameters: Option<Value>) -> Self {
        self.request_parameters = parameters;
        self
    }

    /// `responseElements`.
    pub fn with_response(mut self, elements: Option<Value>) -> Self {
        self.response_elements = elements;
        self
    }

    /// `errorCode` and `errorMessage`.
    pub fn with_error(mut self, code: &str, message: &str) -> Self {
        self.error_code = Some(code.to_owned());
        self.error_message = Some(message.to_owned());
        self
    }

    /// Marks the record as an event a service caused (`AwsServiceEvent`), not an API call.
    pub fn service_event(mut self) -> Self {
        self.event_type = "AwsServiceEvent";
        self
    }

    /// `recipientAccountId`.
    pub fn with_account(mut self, account: Option<&str>) -> Self {
        self.recipient_account_id = account.map(str::to_owned);
        self
    }
}

/// Handle to the audit writer.
#[derive(Clone)]
pub struct AuditLog {
    tx: mpsc::Sender<Vec<u8>>,
}

/// Resolves when every record sent before the log was dropped is written and synced.
pub struct AuditWriter(tokio::task::JoinHandle<()>);

impl AuditWriter {
    /// Waits for the writer to drain.
    pub async fn finish(self) {
        if let Err(e) = self.0.await {
            tracing::error!(error = %e, "audit writer failed");
        }
    }
}

impl AuditLog {
    /// Opens (appending) the log file and starts its writer.
    pub async fn open(path: &Path) -> std::io::Result<(AuditLog, AuditWriter)> {
        let file = tokio::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .await?;
        let (tx, rx) = mpsc::channel::<Vec<u8>>(QUEUE_LINES);
        let task = tokio::spawn(write_lines(Some(file), rx));
        Ok((AuditLog { tx }, AuditWriter(task)))
    }

    /// A log whose records are encoded and then discarded: for state built without a disk.
    pub fn discard() -> (AuditLog, AuditWriter) {
        let (tx, rx) = mpsc::channel::<Vec<u8>>(QUEUE_LINES);
        let task = tokio::spawn(write_lines(None, rx));
        (AuditLog { tx }, AuditWriter(task))
    }

    /// Appends one record, waiting while the writer's queue is full.
    pub async fn record(&self, record: &AuditRecord) {
        let mut line = match serde_json::to_vec(record) {
            Ok(line) => line,
            Err(e) => {
                tracing::error!(error = %e, event = %record.event_name, "audit record not encodable");
                return;
            }
        };
        line.push(b'\n');
        if self.tx.send(line).await.is_err() {
            tracing::error!(event = %record.event_name, "audit log writer has stopped; record lost");
        }
    }
}

/// The writer: batches whatever is queued into one write, then flushes; with no file, it only
/// drains the queue.
async fn write_lines(file: Option<tokio::fs::File>, mut rx: mpsc::Receiver<Vec<u8>>) {
    let Some(file) = file else {
        while rx.recv().await.is_some() {}
        return;
    };
    let mut out = tokio::io::BufWriter::new(file);
    let mut batch = Vec::new();
    while let Some(line) = rx.recv().await {
        batch.clear();
        batch.extend_from_slice(&line);
        while let Ok(more) = rx.try_recv() {
            batch.extend_from_slice(&more);
        }
        let written = async {
            out.write_all(&batch).await?;
            out.flush().await
        };
        if let Err(e) = written.await {
            tracing::error!(error = %e, "audit log write failed");
        }
    }
    if let Err(e) = out.get_mut().sync_all().await {
        tracing::error!(error = %e, "audit log sync failed");
    }
}

/// CloudTrail's `requestParameters`: the members of input shape `shape` as the model decoded
/// them, lowerCamel, with every member the model marks sensitive hidden. The model does not
/// mark MFA codes (`TokenCode`, and `AuthenticationCode1`/`2` of `EnableMFADevice` and
/// `ResyncMFADevice`); Keyward hides those as well.
pub fn request_parameters(
    model: &ServiceModel,
    shape: &str,
    members: &keyward_aws_model::Value,
) -> Option<Value> {
    let mut parameters = keyward_aws_model::audit_json(model, shape, members);
    let Value::Object(map) = &mut parameters else {
        return None;
    };
    for member in ["tokenCode", "authenticationCode1", "authenticationCode2"] {
        if let Some(code) = map.get_mut(member) {
            *code = Value::String(REDACTED.to_owned());
        }
    }
    (!map.is_empty()).then_some(parameters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> AuditRecord {
        AuditRecord::api_call(
            EventSource::Iam,
            "CreateUser",
            "us-east-1",
            Origin::client("127.0.0.1".parse().unwrap(), "ua"),
            UserIdentity::unknown(Some("AKIAEXAMPLE")),
            "req-1",
        )
    }

    #[test]
    fn record_has_cloudtrail_field_names() {
        let value = serde_json::to_value(record().with_error("E", "m")).unwrap();
        for key in [
            "eventVersion",
            "eventTime",
            "eventSource",
            "eventName",
            "awsRegion",
            "sourceIPAddress",
            "userAgent",
            "userIdentity",
            "requestParameters",
            "responseElements",
            "errorCode",
            "errorMessage",
            "requestID",
            "eventID",
            "eventType",
            "recipientAccountId",
        ] {
            assert!(value.get(key).is_some(), "{key} missing from {value}");
        }
        assert_eq!(value["eventSource"], "iam.amazonaws.com");
        assert_eq!(
            value["userIdentity"],
            serde_json::json!({"type": "Unknown", "accessKeyId": "AKIAEXAMPLE"})
        );
    }

    fn parameters(
        service: keyward_aws_model::Service,
        operation: &str,
        params: &[(&str, &str)],
    ) -> Option<Value> {
        let model = keyward_aws_model::embedded(service).unwrap();
        let input = keyward_aws_model::decode_query_input(model, operation, params).unwrap();
        let shape = &model
            .operation(operation)
            .unwrap()
            .input
            .as_ref()
            .unwrap()
            .shape;
        request_parameters(model, shape, &input.members)
    }

    /// What the model marks sensitive is hidden, wherever it is; the rest is kept, structured
    /// as CloudTrail writes it.
    #[test]
    fn sensitive_members_are_hidden_by_the_model() {
        use keyward_aws_model::Service::{Iam, Sts};
        let login = parameters(
            Iam,
            "CreateLoginProfile",
            &[("UserName", "bob"), ("Password", "hunter2")],
        )
        .unwrap();
        assert_eq!(login["userName"], "bob");
        assert_eq!(login["password"], REDACTED);
        let web = parameters(
            Sts,
            "AssumeRoleWithWebIdentity",
            &[
                ("RoleArn", "arn:aws:iam::123456789012:role/r"),
                ("RoleSessionName", "s"),
                ("WebIdentityToken", "eyJhbGciOi.x.y"),
            ],
        )
        .unwrap();
        assert_eq!(web["webIdentityToken"], REDACTED);
        assert_eq!(web["roleSessionName"], "s");
        let tagged = parameters(
            Iam,
            "TagUser",
            &[
                ("UserName", "bob"),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
        )
        .unwrap();
        assert_eq!(
            tagged["tags"],
            serde_json::json!([{"key": "team", "value": "blue"}])
        );
    }

    /// The model does not mark MFA codes; they are hidden all the same.
    #[test]
    fn mfa_codes_are_hidden() {
        let params = parameters(
            keyward_aws_model::Service::Sts,
            "GetSessionToken",
            &[
                ("SerialNumber", "arn:aws:iam::123456789012:mfa/bob"),
                ("TokenCode", "123456"),
            ],
        )
        .unwrap();
        assert_eq!(params["tokenCode"], REDACTED);
        assert_eq!(params["serialNumber"], "arn:aws:iam::123456789012:mfa/bob");
        let enable = parameters(
            keyward_aws_model::Service::Iam,
            "EnableMFADevice",
            &[
                ("UserName", "bob"),
                ("SerialNumber", "arn:aws:iam::123456789012:mfa/bob"),
                ("AuthenticationCode1", "123456"),
                ("AuthenticationCode2", "654321"),
            ],
        )
        .unwrap();
        assert_eq!(enable["authenticationCode1"], REDACTED);
        assert_eq!(enable["authenticationCode2"], REDACTED);
        assert_eq!(enable["userName"], "bob");
        assert_eq!(
            parameters(keyward_aws_model::Service::Sts, "GetCallerIdentity", &[]),
            None
        );
    }

    /// A full queue makes the sender wait instead of dropping: with the writer stalled (its
    /// receiver not polled), the sender completes only once a line is taken.
    #[tokio::test]
    async fn a_full_queue_applies_backpressure() {
        let (tx, mut rx) = mpsc::channel::<Vec<u8>>(1);
        let log = AuditLog { tx };
        let (first, second) = (record(), record());
        log.record(&first).await;
        let second = log.record(&second);
        tokio::pin!(second);
        let stalled = tokio::time::timeout(std::time::Duration::from_millis(50), &mut second).await;
        assert!(stalled.is_err(), "second record should wait for room");
        assert!(rx.recv().await.is_some());
        second.await;
        assert!(rx.recv().await.is_some());
    }
}

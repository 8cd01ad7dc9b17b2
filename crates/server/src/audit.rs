//! The audit log: one JSON line per request in CloudTrail's record shape, appended to a file
//! in the data directory by a background task so that requests never wait on it.

use std::path::Path;

use serde_json::{Map, Value};
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

/// Request parameters whose values are secrets and are replaced by `HIDDEN_DUE_TO_SECURITY_REASONS`
/// as CloudTrail does.
const SECRET_PARAMS: &[&str] = &[
    "password",
    "oldpassword",
    "newpassword",
    "secretaccesskey",
    "webidentitytoken",
    "samlassertion",
    "tokencode",
];

/// Handle to the audit writer.
#[derive(Clone)]
pub struct AuditLog {
    tx: mpsc::UnboundedSender<Value>,
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
        let (tx, mut rx) = mpsc::unbounded_channel::<Value>();
        let task = tokio::spawn(async move {
            let mut out = tokio::io::BufWriter::new(file);
            while let Some(record) = rx.recv().await {
                let mut batch = vec![record];
                while let Ok(more) = rx.try_recv() {
                    batch.push(more);
                }
                let mut bytes = Vec::new();
                for record in batch {
                    if serde_json::to_writer(&mut bytes, &record).is_ok() {
                        bytes.push(b'\n');
                    }
                }
                let written = async {
                    out.write_all(&bytes).await?;
                    out.flush().await
                };
                if let Err(e) = written.await {
                    tracing::error!(error = %e, "audit log write failed");
                }
            }
            if let Err(e) = out.get_mut().sync_all().await {
                tracing::error!(error = %e, "audit log sync failed");
            }
        });
        Ok((AuditLog { tx }, AuditWriter(task)))
    }

    /// Queues one record.
    pub fn record(&self, record: Value) {
        if self.tx.send(record).is_err() {
            tracing::error!("audit log writer has stopped; record dropped");
        }
    }
}

/// CloudTrail's `requestParameters`: camelCase names, secrets hidden.
pub fn request_parameters<'a>(params: impl Iterator<Item = (&'a str, &'a str)>) -> Value {
    let mut map = Map::new();
    for (name, value) in params {
        let key = crate::protocol::xml::camel(name);
        let hidden = SECRET_PARAMS.contains(&name.to_ascii_lowercase().as_str());
        let value = if hidden {
            "HIDDEN_DUE_TO_SECURITY_REASONS"
        } else {
            value
        };
        map.insert(key, Value::String(value.to_owned()));
    }
    if map.is_empty() {
        Value::Null
    } else {
        Value::Object(map)
    }
}

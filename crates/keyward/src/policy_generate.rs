//! `keyward policy generate`: the least-privilege identity policy for what a principal did,
//! from the audit log (strict or learn mode, gateway and IAM/STS records alike). The reading
//! is here; the generation is `keyward_policy::generate`, pure and unit-tested.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use keyward_policy::generate::{generate, not_allowed, observations};
use keyward_policy::{lint, PolicyKind, Severity};
use serde_json::Value;

use crate::defaults;

/// `keyward policy generate`.
#[derive(clap::Args)]
pub struct GenerateArgs {
    /// The principal whose requests the policy allows: a user ARN, or a role ARN (every
    /// session of the role counts), or one assumed-role session ARN.
    #[arg(long, value_name = "ARN")]
    principal: String,
    /// Only requests at or after this time: 2026-01-31T12:00:00Z, or a date (2026-01-31).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Audit log files to read (repeatable). Default: the data directory's audit.log and its
    /// rotated files.
    #[arg(long = "audit", value_name = "FILE")]
    audit: Vec<PathBuf>,
    /// The data directory whose audit log is read when no --audit is given. Default:
    /// $XDG_DATA_HOME/keyward, or ~/.local/share/keyward.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// `text` prints the policy and a summary on stderr; `json` prints the policy alone,
    /// on one line.
    #[arg(long, value_enum, default_value = "text")]
    output: super::policy_cmd::Output,
}

/// `--since` as the audit log writes times (`YYYY-MM-DDTHH:MM:SSZ`, compared as text).
fn since_time(text: &str) -> Result<String, String> {
    let format = time::format_description::well_known::Rfc3339;
    let parsed = time::OffsetDateTime::parse(text, &format)
        .or_else(|_| time::OffsetDateTime::parse(&format!("{text}T00:00:00Z"), &format))
        .map_err(|_| format!("--since {text:?}: expected 2026-01-31T12:00:00Z or 2026-01-31"))?;
    let utc = parsed.to_offset(time::UtcOffset::UTC);
    Ok(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    ))
}

/// The data directory's audit log and its rotated files (`audit.log.<time>`), oldest first.
fn default_logs(data_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(data_dir).map_err(|e| format!("cannot read {}: {e}", data_dir.display()))?;
    let mut rotated: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("audit.log."))
        })
        .collect();
    rotated.sort();
    rotated.push(data_dir.join("audit.log"));
    Ok(rotated)
}

fn records(files: &[PathBuf]) -> Result<Vec<Value>, String> {
    let mut records = Vec::new();
    for file in files {
        let text =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        // A line being written when the log was read is incomplete; it is skipped.
        records.extend(
            text.lines()
                .filter_map(|line| serde_json::from_str::<Value>(line).ok()),
        );
    }
    Ok(records)
}

fn run_generate(args: &GenerateArgs) -> Result<(), String> {
    let since = args.since.as_deref().map(since_time).transpose()?;
    let files = if args.audit.is_empty() {
        let dir = args
            .data_dir
            .clone()
            .or_else(defaults::default_data_dir)
            .ok_or("no --audit or --data-dir, and HOME is not set")?;
        default_logs(&dir)?
    } else {
        args.audit.clone()
    };
    let records = records(&files)?;
    let seen = observations(&records, &args.principal, since.as_deref());
    if seen.is_empty() {
        return Err(format!(
            "the audit log holds no authorization decision for {}{}",
            args.principal,
            since.map(|s| format!(" since {s}")).unwrap_or_default()
        ));
    }
    let policy = generate(&seen, &keyward_service_authz::dependent_actions);
    // Replayed through the policy engine, the policy must allow every recorded request.
    if let Some(missed) = not_allowed(&policy, &seen).first() {
        return Err(format!(
            "the generated policy does not allow {} on {}",
            missed.action, missed.resource
        ));
    }
    let text = serde_json::to_string_pretty(&policy).map_err(|e| e.to_string())?;
    // The policy must be one IAM accepts; a generator bug is reported, not printed.
    if let Some(error) = lint(&text, PolicyKind::Identity)
        .into_iter()
        .find(|f| f.severity == Severity::Error)
    {
        return Err(format!(
            "the generated policy is invalid: {}",
            error.message
        ));
    }
    match args.output {
        super::policy_cmd::Output::Json => println!("{policy}"),
        super::policy_cmd::Output::Text => {
            println!("{text}");
            let statements = policy
                .get("Statement")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            eprintln!(
                "keyward: {statements} statement(s) from {} authorization decision(s) of {} in {} file(s)",
                seen.len(),
                args.principal,
                files.len()
            );
        }
    }
    Ok(())
}

/// Runs `keyward policy generate`: 0 with the policy printed, 1 when there is nothing to
/// generate from or the log cannot be read.
pub fn run(args: &GenerateArgs) -> ExitCode {
    match run_generate(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("keyward: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_is_written_as_the_audit_log_writes_times() {
        assert_eq!(since_time("2026-01-31").unwrap(), "2026-01-31T00:00:00Z");
        assert_eq!(
            since_time("2026-01-31T12:30:00+01:00").unwrap(),
            "2026-01-31T11:30:00Z"
        );
        assert!(since_time("yesterday").is_err());
    }
}

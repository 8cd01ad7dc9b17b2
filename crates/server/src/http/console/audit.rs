//! The audit log page: the account's events from CloudTrail's `LookupEvents` (the store's
//! event index, as the CloudTrail front serves it), run as the signed-in caller, so it needs
//! `cloudtrail:LookupEvents` and is itself audited. Filters: user, event name, service, time
//! range and decision. `LookupEvents` takes one lookup attribute, so the most selective filter
//! given goes to it and the console applies the others to the events it answers. Each event
//! shows its authorization decisions with the statements that matched.

use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use keyward_aws_model::Value as ModelValue;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::page::{esc, notice};
use super::{query_map, Ctx};

/// Pages of `LookupEvents` (of 50) the page reads at most before it asks for a narrower filter.
const MAX_PAGES: usize = 6;

/// The services whose events the audit log holds: event source and label.
const SERVICES: [(&str, &str); 5] = [
    ("", "All services"),
    ("iam.amazonaws.com", "IAM"),
    ("sts.amazonaws.com", "STS"),
    ("signin.amazonaws.com", "Console sign-in"),
    ("cloudtrail.amazonaws.com", "CloudTrail"),
];

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`, read as UTC) or an RFC 3339 time.
fn parse_time(value: &str) -> Option<OffsetDateTime> {
    if value.is_empty() {
        return None;
    }
    OffsetDateTime::parse(value, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(&format!("{value}:00Z"), &Rfc3339))
        .ok()
}

/// The decision an event records: Keyward's overall decision, or `Deny` for an access denial
/// without one.
fn decision(event: &Value) -> &str {
    match event
        .pointer("/additionalEventData/keywardDecision")
        .and_then(Value::as_str)
    {
        Some(decision) => decision,
        None if event.get("errorCode").and_then(Value::as_str) == Some("AccessDenied") => "Deny",
        None => "",
    }
}

/// An event's authorization checks with their matched statements.
fn authorizations(event: &Value) -> String {
    let Some(checks) = event
        .pointer("/additionalEventData/authorizations")
        .and_then(Value::as_array)
    else {
        return String::new();
    };
    let items: String = checks
        .iter()
        .map(|check| {
            let field = |key: &str| check.get(key).and_then(Value::as_str).unwrap_or_default();
            let statements: String = check
                .get("matchedStatements")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|m| {
                    let s = |key: &str| m.get(key).and_then(Value::as_str).unwrap_or_default();
                    let statement = match s("sid") {
                        "" => format!(
                            "statement #{}",
                            m.get("statementIndex").and_then(Value::as_u64).unwrap_or(0) + 1
                        ),
                        sid => format!("statement \"{sid}\""),
                    };
                    format!(
                        r#"<li class="matched-statement">{effect}: {kind} {policy}, {statement}</li>"#,
                        effect = esc(s("effect")),
                        kind = esc(s("policyType")),
                        policy = esc(s("policy")),
                        statement = esc(&statement),
                    )
                })
                .collect();
            let statements = if statements.is_empty() {
                "<li>No statement matched.</li>".to_owned()
            } else {
                statements
            };
            format!(
                r#"<li><strong>{decision}</strong> {action} on <code>{resource}</code>: {reason}<ul>{statements}</ul></li>"#,
                decision = esc(field("decision")),
                action = esc(field("action")),
                resource = esc(field("resource")),
                reason = esc(field("reason")),
            )
        })
        .collect();
    format!(r#"<ul class="authorizations">{items}</ul>"#)
}

/// The user name an event's identity shows.
fn user_of(event: &Value) -> String {
    let identity = event.get("userIdentity").cloned().unwrap_or(Value::Null);
    match identity.get("type").and_then(Value::as_str) {
        Some("Root") => "root".to_owned(),
        _ => identity
            .get("userName")
            .or_else(|| identity.pointer("/sessionContext/sessionIssuer/userName"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    }
}

/// `GET /console/audit?user=&event=&service=&decision=&start=&end=`.
pub(super) async fn page(ctx: Ctx, RawQuery(query): RawQuery) -> Response {
    let (session, caller) = match ctx.signed_in().await {
        Ok(signed_in) => signed_in,
        Err(elsewhere) => return elsewhere,
    };
    let query = query_map(query.as_deref());
    let get = |key: &str| query.get(key).map(String::as_str).unwrap_or_default();
    let (user, event_name, service, wanted, start, end) = (
        get("user"),
        get("event"),
        get("service"),
        get("decision"),
        get("start"),
        get("end"),
    );
    let attribute = [
        ("Username", user),
        ("EventName", event_name),
        ("EventSource", service),
    ]
    .into_iter()
    .find(|(_, value)| !value.is_empty());
    let mut members = ModelValue::structure().with("MaxResults", 50_i64);
    if let Some((key, value)) = attribute {
        members = members.with(
            "LookupAttributes",
            vec![ModelValue::structure()
                .with("AttributeKey", key)
                .with("AttributeValue", value)],
        );
    }
    if let Some(start) = parse_time(start) {
        members = members.with("StartTime", start);
    }
    if let Some(end) = parse_time(end) {
        members = members.with("EndTime", end);
    }
    let mut rows = String::new();
    let mut shown = 0;
    let mut error = String::new();
    let mut more = false;
    let mut next: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut request = members.clone();
        if let Some(token) = &next {
            request = request.with("NextToken", token.as_str());
        }
        let answer = match super::super::cloudtrail::lookup_for_console(
            &ctx.state,
            &caller,
            request,
            ctx.peer,
            ctx.user_agent(),
            ctx.secure,
        )
        .await
        {
            Ok(answer) => answer,
            Err((code, message)) => {
                error = if code.contains("AccessDenied") {
                    format!(
                        r#"<div class="notice error" role="alert"><strong>Not authorized.</strong> {}</div>"#,
                        esc(&message)
                    )
                } else {
                    notice("error", &format!("{code}: {message}"))
                };
                break;
            }
        };
        if let Some(ModelValue::List(events)) = answer.get("Events") {
            for listed in events {
                let Some(record) = listed
                    .get("CloudTrailEvent")
                    .and_then(ModelValue::as_str)
                    .and_then(|r| serde_json::from_str::<Value>(r).ok())
                else {
                    continue;
                };
                let text = |key: &str| record.get(key).and_then(Value::as_str).unwrap_or_default();
                let who = user_of(&record);
                let decided = decision(&record);
                if (!user.is_empty() && who != user)
                    || (!event_name.is_empty() && text("eventName") != event_name)
                    || (!service.is_empty() && text("eventSource") != service)
                    || (!wanted.is_empty() && decided != wanted)
                {
                    continue;
                }
                shown += 1;
                rows.push_str(&format!(
                    r#"<tr class="event" data-event-id="{id}"><td>{time}</td><td>{name}</td><td>{source}</td><td>{who}</td><td class="decision">{decided}</td><td>{error}</td><td><details><summary>Decisions</summary>{auth}</details></td></tr>"#,
                    id = esc(text("eventID")),
                    time = esc(text("eventTime")),
                    name = esc(text("eventName")),
                    source = esc(text("eventSource")),
                    who = esc(&who),
                    decided = esc(decided),
                    error = esc(text("errorCode")),
                    auth = authorizations(&record),
                ));
            }
        }
        next = answer
            .get("NextToken")
            .and_then(ModelValue::as_str)
            .map(str::to_owned);
        if next.is_none() {
            break;
        }
        more = true;
    }
    let more = if more && next.is_some() {
        notice(
            "info",
            "Only the newest events were read; narrow the filter (user, event name, service or time) to see older ones.",
        )
    } else {
        String::new()
    };
    let services: String = SERVICES
        .iter()
        .map(|(value, label)| {
            format!(
                r#"<option value="{value}"{selected}>{label}</option>"#,
                selected = if *value == service { " selected" } else { "" },
            )
        })
        .collect();
    let decisions: String = [
        ("", "Any decision"),
        ("Allow", "Allowed"),
        ("Deny", "Denied"),
    ]
    .iter()
    .map(|(value, label)| {
        format!(
            r#"<option value="{value}"{selected}>{label}</option>"#,
            selected = if *value == wanted { " selected" } else { "" },
        )
    })
    .collect();
    let body = format!(
        r#"<form method="get" action="/console/audit" id="audit-filter" role="search">
<label for="user">User name</label><input type="text" name="user" id="user" value="{user}">
<label for="event">Event name</label><input type="text" name="event" id="event" value="{event}">
<label for="service">Service</label><select name="service" id="service">{services}</select>
<label for="decision">Decision</label><select name="decision" id="decision">{decisions}</select>
<label for="start">From (UTC)</label><input type="datetime-local" name="start" id="start" value="{start}">
<label for="end">To (UTC)</label><input type="datetime-local" name="end" id="end" value="{end}">
<div class="actions"><button type="submit" id="filter-events">Filter</button></div></form>
{error}<p id="event-count">{shown} event(s)</p>{more}
<table id="events"><thead><tr><th>Time</th><th>Event name</th><th>Source</th><th>User</th><th>Decision</th><th>Error</th><th>Matched statements</th></tr></thead><tbody>{rows}</tbody></table>"#,
        user = esc(user),
        event = esc(event_name),
        start = esc(start),
        end = esc(end),
    );
    ctx.page(&session, StatusCode::OK, "Audit log", &body)
}

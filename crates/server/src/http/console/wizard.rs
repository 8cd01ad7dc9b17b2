//! What the console's wizards share (Add users, Create role, Create group): the steps bar, the
//! hidden fields that carry earlier steps' answers, the form with its Next / Previous / Cancel
//! buttons, and the policy search with its checkboxes. Each wizard keeps only its own steps.

use serde_json::Value;

use super::page::{csrf_field, esc};
use super::{paged, text, Ctx};
use crate::auth::identity::Caller;

/// Most policies the permissions step lists at once; the search narrows the rest.
const POLICIES_SHOWN: usize = 50;

/// A hidden field carrying an earlier step's answer.
pub(super) fn hidden(name: &str, value: &str) -> String {
    format!(
        r#"<input type="hidden" name="{}" value="{}">"#,
        esc(name),
        esc(value)
    )
}

/// The numbered steps, the `current` one (an index into `titles`) marked.
pub(super) fn steps_bar(titles: &[&str], current: usize) -> String {
    let steps: String = titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let class = if i == current {
                r#" class="current""#
            } else {
                ""
            };
            format!("<li{class}>Step {}: {}</li>", i + 1, esc(title))
        })
        .collect();
    format!(r#"<ol class="steps">{steps}</ol>"#)
}

/// One step's form: posted to `action`; `next` is the `go` value of the main button (labelled
/// `next_label`), `back` that of Previous, `cancel` where Cancel leads.
pub(super) struct StepForm<'a> {
    /// Where the form posts.
    pub action: &'a str,
    /// The form's element id.
    pub id: &'a str,
    /// The session's CSRF token.
    pub csrf: &'a str,
    /// The hidden fields of the other steps.
    pub hidden: &'a str,
    /// The step's own fields.
    pub content: &'a str,
    /// The `go` value of the main button.
    pub next: &'a str,
    /// The main button's label.
    pub next_label: &'a str,
    /// The `go` value of Previous, if the step has one.
    pub back: Option<&'a str>,
    /// Where Cancel leads.
    pub cancel: &'a str,
}

impl StepForm<'_> {
    /// The form's HTML. The main button comes first, so it is the one Enter presses except
    /// where a step puts a search button before it.
    pub(super) fn render(&self) -> String {
        let back = self
            .back
            .map(|b| {
                format!(
                    r#"<button type="submit" name="go" value="{}" class="secondary" id="back">Previous</button>"#,
                    esc(b)
                )
            })
            .unwrap_or_default();
        format!(
            r#"<form method="post" action="{action}" id="{id}">{csrf}{hidden}
{content}
<div class="actions"><button type="submit" name="go" value="{next}" id="next">{label}</button>{back}
<a class="button secondary" href="{cancel}">Cancel</a></div></form>"#,
            action = esc(self.action),
            id = esc(self.id),
            csrf = csrf_field(self.csrf),
            hidden = self.hidden,
            content = self.content,
            next = esc(self.next),
            label = esc(self.next_label),
            cancel = esc(self.cancel),
        )
    }
}

/// The policies a step selected, as hidden fields, except those its picker shows as
/// checkboxes.
pub(super) fn hidden_policies(policies: &[&str], shown: &[String]) -> String {
    policies
        .iter()
        .filter(|p| !shown.iter().any(|s| s == *p))
        .map(|p| hidden("policy", p))
        .collect()
}

/// Whether a policy ARN names an AWS managed policy.
pub(super) fn aws_managed(arn: &str) -> bool {
    arn.starts_with("arn:aws:iam::aws:")
}

/// The policy search and its table of checkboxes (`policy` fields): `ListPolicies` as the
/// caller, filtered by name. Returns the HTML and which of the `selected` policies it shows
/// (the rest travel as hidden fields).
pub(super) async fn policy_picker(
    ctx: &Ctx,
    caller: &Caller,
    search: &str,
    selected: &[&str],
) -> (String, Vec<String>) {
    let mut shown = Vec::new();
    let table = match paged(ctx, caller, "ListPolicies", &[("Scope", "All")], "policies").await {
        Ok(policies) => {
            let needle = search.to_lowercase();
            let matching: Vec<&Value> = policies
                .iter()
                .filter(|p| text(p, "policyName").to_lowercase().contains(&needle))
                .take(POLICIES_SHOWN)
                .collect();
            let rows: String = matching
                .iter()
                .map(|p| {
                    let arn = text(p, "arn");
                    let checked = selected.contains(&arn);
                    if checked {
                        shown.push(arn.to_owned());
                    }
                    let kind = if aws_managed(arn) {
                        "AWS managed"
                    } else {
                        "Customer managed"
                    };
                    format!(
                        r#"<tr data-name="{name}"><td><input type="checkbox" name="policy" value="{arn}" id="policy-{name}" aria-label="{name}"{checked}></td><td><label class="check" for="policy-{name}">{name}</label></td><td>{kind}</td></tr>"#,
                        name = esc(text(p, "policyName")),
                        arn = esc(arn),
                        checked = if checked { " checked" } else { "" },
                    )
                })
                .collect();
            format!(
                r#"<table id="policies"><thead><tr><th></th><th>Policy name</th><th>Type</th></tr></thead><tbody>{rows}</tbody></table>
<p>{count} of {total} policies shown; search to narrow.</p>"#,
                count = matching.len(),
                total = policies.len(),
            )
        }
        Err(e) => e,
    };
    let html = format!(
        r#"<label for="policy_search">Filter policies</label>
<input type="search" name="policy_search" id="policy_search" value="{search}">
<button type="submit" name="go" value="search" class="secondary" id="policy-search-button">Search</button>
{table}"#,
        search = esc(search),
    );
    (html, shown)
}

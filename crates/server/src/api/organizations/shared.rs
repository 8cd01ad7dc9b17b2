//! What the Organizations operations share: the response structures of the model
//! (`Organization`, `Root`, `OrganizationalUnit`, `Account`, `Policy`, …), pagination, tags,
//! the resources authorization matches, and AWS's rules for SCP and RCP content.

use base64::Engine as _;
use keyward_aws_model::generated::organizations::input::Tag as InputTag;
use keyward_aws_model::typed::{FromValue, FromValueError};
use keyward_aws_model::Value;
use keyward_policy::{PolicyKind, ValidationError};
use time::OffsetDateTime;

use crate::authz::{Authorization, Resource};
use crate::directory::organization::{
    self, Account, CreateAccountStatus, Organization, Policy, TargetType, Unit, RCP, RCP_SERVICES,
    SCP,
};
use crate::error::organizations::OrganizationsError;
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Organizations answers at most this many items a page (the model's `MaxResults` maximum),
/// and as many when the caller does not say.
const PAGE_SIZE: i64 = 20;

/// Tags a root, OU, account or policy may have (Organizations' quota).
pub(crate) const MAX_TAGS: usize = 50;

/// The input of an operation whose model has none (`DescribeOrganization`,
/// `DeleteOrganization`).
pub(crate) struct NoInput;

impl FromValue for NoInput {
    fn from_value(_value: &Value, _member: &'static str) -> Result<Self, FromValueError> {
        Ok(NoInput)
    }
}

/// The operation's action on `arn`.
pub(crate) fn on(arn: String) -> Authorization {
    Authorization::standard(Resource::arn(arn))
}

/// The operation's action on `*`: operations whose Service Authorization Reference entry
/// names no resource type.
pub(crate) fn on_any() -> Authorization {
    on("*".to_owned())
}

/// The organization, for an operation's authorization: `AWSOrganizationsNotInUseException`
/// before `CreateOrganization`.
pub(crate) async fn organization(state: &AppState) -> Result<Organization, ApiError> {
    organization::require(state).await
}

/// The ARN of the root, OU or account `id`, or `*` when there is none (the handler then
/// answers the not-found error the operation has).
pub(crate) fn target_arn(organization: &Organization, id: &str) -> String {
    organization
        .target_arn(id)
        .unwrap_or_else(|| "*".to_owned())
}

/// The ARN of policy `id`, or `*` when there is none.
pub(crate) fn policy_arn(organization: &Organization, id: &str) -> String {
    organization
        .policy(id)
        .map_or_else(|| "*".to_owned(), |p| organization.policy_arn(p))
}

/// The ARN of the root, OU, account, policy or resource policy `id`, or `*` when there is
/// none.
pub(crate) fn taggable_arn(organization: &Organization, id: &str) -> String {
    match &organization.resource_policy {
        Some(policy) if policy.id == id => resource_policy_arn(organization, id),
        _ => organization
            .target_arn(id)
            .unwrap_or_else(|| policy_arn(organization, id)),
    }
}

/// A stored time (Unix seconds) as a timestamp.
pub(crate) fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Organizations recognizes AWS services by their service principal.
pub(crate) fn check_service_principal(principal: &str) -> Result<(), ApiError> {
    let name = principal.strip_suffix(".amazonaws.com").unwrap_or_default();
    if name.is_empty() {
        return Err(OrganizationsError::InvalidInput(
            "UNRECOGNIZED_SERVICE_PRINCIPAL",
            "You specified a service principal that isn't recognized.".to_owned(),
        )
        .into());
    }
    Ok(())
}

/// The resource policy's ARN.
pub(crate) fn resource_policy_arn(organization: &Organization, id: &str) -> String {
    format!(
        "arn:aws:organizations::{}:resourcepolicy/{}/{id}",
        organization.management_account, organization.id
    )
}

/// `Organization`.
pub(crate) fn organization_element(organization: &Organization) -> Element {
    Element::parent(
        "Organization",
        vec![
            Element::text("Id", &organization.id),
            Element::text("Arn", organization.arn()),
            Element::text("FeatureSet", &organization.feature_set),
            Element::text(
                "MasterAccountArn",
                target_arn(organization, &organization.management_account),
            ),
            Element::text("MasterAccountId", &organization.management_account),
            Element::text("MasterAccountEmail", &organization.management_email),
            Element::list("AvailablePolicyTypes", policy_types(organization)),
        ],
    )
}

fn policy_types(organization: &Organization) -> Vec<Element> {
    organization
        .root
        .policy_types
        .iter()
        .map(|policy_type| {
            Element::parent(
                "PolicyTypeSummary",
                vec![
                    Element::text("Type", policy_type),
                    Element::text("Status", "ENABLED"),
                ],
            )
        })
        .collect()
}

/// `Root`.
pub(crate) fn root_element(organization: &Organization) -> Element {
    let root = &organization.root;
    Element::parent(
        "Root",
        vec![
            Element::text("Id", &root.id),
            Element::text("Arn", target_arn(organization, &root.id)),
            Element::text("Name", &root.name),
            Element::list("PolicyTypes", policy_types(organization)),
        ],
    )
}

/// `OrganizationalUnit`, with its path (`o-…/r-…/ou-…/`).
pub(crate) fn unit_element(organization: &Organization, unit: &Unit) -> Element {
    let path = organization.path_to(&unit.id).join("/");
    Element::parent(
        "OrganizationalUnit",
        vec![
            Element::text("Id", &unit.id),
            Element::text("Arn", target_arn(organization, &unit.id)),
            Element::text("Name", &unit.name),
            Element::text("Path", format!("{}/{path}/", organization.id)),
        ],
    )
}

/// `Account`.
pub(crate) fn account_element(organization: &Organization, account: &Account) -> Element {
    let joined =
        OffsetDateTime::from_unix_timestamp(account.joined).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    Element::parent(
        "Account",
        vec![
            Element::text("Id", &account.id),
            Element::text("Arn", target_arn(organization, &account.id)),
            Element::text("Email", &account.email),
            Element::text("Name", &account.name),
            Element::text("Status", &account.status),
            Element::text("State", &account.status),
            Element::text("JoinedMethod", &account.joined_method),
            Element::time("JoinedTimestamp", joined),
        ],
    )
}

/// `CreateAccountStatus`, as `DescribeCreateAccountStatus` shows a finished request.
pub(crate) fn create_account_status_element(status: &CreateAccountStatus) -> Element {
    let mut children = vec![
        Element::text("Id", &status.id),
        Element::text("AccountName", &status.account_name),
        Element::text("State", &status.state),
        Element::time("RequestedTimestamp", at(status.requested)),
        Element::time("CompletedTimestamp", at(status.completed)),
    ];
    if let Some(account) = &status.account_id {
        children.push(Element::text("AccountId", account));
    }
    if let Some(reason) = &status.failure_reason {
        children.push(Element::text("FailureReason", reason));
    }
    Element::parent("CreateAccountStatus", children)
}

/// `PolicySummary`.
pub(crate) fn policy_summary(organization: &Organization, policy: &Policy) -> Element {
    Element::parent(
        "PolicySummary",
        vec![
            Element::text("Id", &policy.id),
            Element::text("Arn", organization.policy_arn(policy)),
            Element::text("Name", &policy.name),
            Element::text("Description", &policy.description),
            Element::text("Type", &policy.policy_type),
            Element::boolean("AwsManaged", policy.aws_managed),
        ],
    )
}

/// `Policy`: the summary and the content.
pub(crate) fn policy_element(organization: &Organization, policy: &Policy) -> Element {
    Element::parent(
        "Policy",
        vec![
            policy_summary(organization, policy),
            Element::text("Content", &policy.content),
        ],
    )
}

/// `Child` or `Parent`: an id and its type.
pub(crate) fn typed_id(name: &'static str, id: &str, target: TargetType) -> Element {
    Element::parent(
        name,
        vec![
            Element::text("Id", id),
            Element::text("Type", target.as_str()),
        ],
    )
}

/// One page of `items` and the token of the next, from the caller's `MaxResults` and
/// `NextToken`; a token this server did not give is `InvalidInputException`.
pub(crate) fn page(
    items: Vec<Element>,
    max_results: Option<i64>,
    next_token: Option<&str>,
) -> Result<(Vec<Element>, Option<String>), ApiError> {
    let start = match next_token {
        None => 0,
        Some(token) => base64::engine::general_purpose::STANDARD
            .decode(token)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.strip_prefix("keyward:")?.parse::<usize>().ok())
            .filter(|start| *start <= items.len())
            .ok_or_else(|| {
                OrganizationsError::InvalidInput(
                    "INVALID_NEXT_TOKEN",
                    "You specified an invalid value for nextToken.".to_owned(),
                )
            })?,
    };
    let size = usize::try_from(max_results.unwrap_or(PAGE_SIZE).clamp(1, PAGE_SIZE)).unwrap_or(1);
    let end = start.saturating_add(size).min(items.len());
    let next = (end < items.len())
        .then(|| base64::engine::general_purpose::STANDARD.encode(format!("keyward:{end}")));
    let page = items.into_iter().skip(start).take(end - start).collect();
    Ok((page, next))
}

/// A list response: the items under `name`, and `NextToken` when there are more.
pub(crate) fn listing(
    name: &'static str,
    items: Vec<Element>,
    max_results: Option<i64>,
    next_token: Option<&str>,
) -> Result<Option<Element>, ApiError> {
    let (items, next) = page(items, max_results, next_token)?;
    let mut children = vec![Element::list(name, items)];
    if let Some(next) = next {
        children.push(Element::text("NextToken", next));
    }
    Ok(Some(Element::parent("Result", children)))
}

/// AWS's managed policies cannot be changed or deleted.
pub(crate) fn immutable() -> ApiError {
    OrganizationsError::InvalidInput(
        "IMMUTABLE_POLICY",
        "You specified a policy that is managed by AWS and can't be modified.".to_owned(),
    )
    .into()
}

/// The caller's tags as key → value; a key given twice is `InvalidInputException`.
pub(crate) fn input_tags(tags: Option<Vec<InputTag>>) -> Result<Vec<(String, String)>, ApiError> {
    let tags: Vec<(String, String)> = tags
        .unwrap_or_default()
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect();
    for (i, (key, _)) in tags.iter().enumerate() {
        if tags.iter().skip(i + 1).any(|(other, _)| other == key) {
            return Err(OrganizationsError::InvalidInput(
                "DUPLICATE_TAG_KEY",
                "You specified the same tag key more than once.".to_owned(),
            )
            .into());
        }
    }
    Ok(tags)
}

/// Adds `tags` to resource `id`; more than [`MAX_TAGS`] is a `ConstraintViolationException`.
pub(crate) fn add_tags(
    organization: &mut Organization,
    id: &str,
    tags: &[(String, String)],
) -> Result<(), ApiError> {
    let mut current = organization.tags.get(id).cloned().unwrap_or_default();
    for (key, value) in tags {
        current.insert(key.clone(), value.clone());
    }
    if current.len() > MAX_TAGS {
        return Err(OrganizationsError::ConstraintViolation("MAX_TAG_LIMIT_EXCEEDED").into());
    }
    if !current.is_empty() {
        organization.tags.insert(id.to_owned(), current);
    }
    Ok(())
}

/// Checks a policy's content as Organizations does for its type: SCPs and RCPs are policy
/// grammar of at most 5,120 characters (SCPs without `Principal`); RCPs only `Deny`, with
/// `Principal: "*"`, no `NotPrincipal` or `NotAction`, and actions of the services RCPs
/// support. Other types must be JSON objects.
pub(crate) fn check_content(policy_type: &str, content: &str) -> Result<(), ApiError> {
    let malformed = || ApiError::Organizations(OrganizationsError::MalformedPolicyDocument);
    let kind = match policy_type {
        SCP => PolicyKind::ServiceControl,
        RCP => PolicyKind::ResourceControl,
        _ => {
            return match serde_json::from_str::<serde_json::Value>(content) {
                Ok(serde_json::Value::Object(_)) => Ok(()),
                _ => Err(malformed()),
            };
        }
    };
    match keyward_policy::validate(content, kind) {
        Ok(_) => {}
        Err(ValidationError::SizeExceeded { .. }) => {
            return Err(
                OrganizationsError::ConstraintViolation("POLICY_CONTENT_LIMIT_EXCEEDED").into(),
            )
        }
        Err(ValidationError::Malformed(_)) => return Err(malformed()),
    }
    if kind == PolicyKind::ResourceControl {
        let json: serde_json::Value = serde_json::from_str(content).map_err(|_| malformed())?;
        let statements = match json.get("Statement") {
            Some(serde_json::Value::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
            None => Vec::new(),
        };
        for statement in &statements {
            let as_list = |value: Option<&serde_json::Value>| -> Vec<String> {
                match value {
                    Some(serde_json::Value::String(s)) => vec![s.clone()],
                    Some(serde_json::Value::Array(items)) => items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_owned))
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let deny = statement.get("Effect").and_then(|e| e.as_str()) == Some("Deny");
            let everyone = statement.get("Principal") == Some(&serde_json::json!("*"));
            let unsupported =
                statement.get("NotPrincipal").is_some() || statement.get("NotAction").is_some();
            let actions = as_list(statement.get("Action"));
            let supported = !actions.is_empty()
                && actions.iter().all(|action| {
                    action.split_once(':').is_some_and(|(service, _)| {
                        RCP_SERVICES.contains(&service.to_ascii_lowercase().as_str())
                    })
                });
            if !deny || !everyone || unsupported || !supported {
                return Err(malformed());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scps_are_policy_grammar_without_principal_within_5120_characters() {
        let allow = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#;
        assert!(check_content(SCP, allow).is_ok());
        let principal = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
        assert_eq!(
            check_content(SCP, principal).unwrap_err().code(),
            "MalformedPolicyDocumentException"
        );
        let long = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"{}","Effect":"Deny","Action":"s3:*","Resource":"*"}}]}}"#,
            "a".repeat(5100)
        );
        assert_eq!(
            check_content(SCP, &long).unwrap_err(),
            ApiError::Organizations(OrganizationsError::ConstraintViolation(
                "POLICY_CONTENT_LIMIT_EXCEEDED"
            ))
        );
    }

    #[test]
    fn rcps_only_deny_everyone_on_supported_services() {
        let tls = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"#;
        assert!(check_content(RCP, tls).is_ok());
        for bad in [
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"111111111111"},"Action":"s3:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"ec2:*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}"#,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","NotAction":"s3:*","Resource":"*"}]}"#,
        ] {
            assert_eq!(
                check_content(RCP, bad).unwrap_err().code(),
                "MalformedPolicyDocumentException",
                "{bad}"
            );
        }
    }

    #[test]
    fn pages_carry_a_token_to_the_rest() {
        let items = |n: usize| (0..n).map(|i| Element::text("Id", i.to_string())).collect();
        let (first, next) = page(items(25), None, None).unwrap();
        assert_eq!(first.len(), 20);
        let (rest, none) = page(items(25), Some(10), next.as_deref()).unwrap();
        assert_eq!(rest.len(), 5);
        assert!(none.is_none());
        assert!(page(items(3), None, Some("bogus")).is_err());
    }
}

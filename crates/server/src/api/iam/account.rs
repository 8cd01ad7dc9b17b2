//! Account-wide operations: the usage summary, the account alias, and the full
//! authorization snapshot (`GetAccountAuthorizationDetails`).

use keyward_store::{
    DocumentKind, Entity, EntityKind, EntityRef, EntityUpdate, KeyOwner, PageRequest, RelationKind,
    StoreError, User,
};

use super::shared::groups::{group_element, groups_of};
use super::shared::policies::name_and_arn;
use super::{
    boundary_element, entity_tags, iam_arn, now_seconds, paging, paging_fields, tags_element,
    url_encode, Paging,
};
use crate::arn::IamResourceType;
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::directory::catalog::catalog;
use crate::error::ApiError;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Entity filters `GetAccountAuthorizationDetails` accepts.
const FILTERS: [&str; 5] = [
    "User",
    "Role",
    "Group",
    "LocalManagedPolicy",
    "AWSManagedPolicy",
];

/// A decoded account operation.
#[derive(Debug)]
pub enum AccountRequest {
    /// `GetAccountSummary`.
    Summary,
    /// `CreateAccountAlias`.
    CreateAlias { alias: String },
    /// `DeleteAccountAlias`.
    DeleteAlias { alias: String },
    /// `ListAccountAliases`.
    ListAliases,
    /// `GetAccountAuthorizationDetails`.
    AuthorizationDetails { filter: Vec<String>, paging: Paging },
}

/// IAM's alias rule: 3–63 of `[a-z0-9-]`, starting and ending alphanumeric, no `--`.
fn alias_param(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    let alias = req.required("AccountAlias", "accountAlias")?;
    v.length_only(alias, "accountAlias", 3, 63);
    let ok = alias
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !alias.starts_with('-')
        && !alias.ends_with('-')
        && !alias.contains("--");
    if !ok {
        v.push_raw(format!(
            "Value '{alias}' at 'accountAlias' failed to satisfy constraint: Member must satisfy \
             regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){{1,61}}[a-z0-9]$"
        ));
    }
    Ok(alias.to_owned())
}

impl AccountRequest {
    /// Decodes an account action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "GetAccountSummary" => AccountRequest::Summary,
            "CreateAccountAlias" => AccountRequest::CreateAlias {
                alias: alias_param(v, req)?,
            },
            "DeleteAccountAlias" => AccountRequest::DeleteAlias {
                alias: alias_param(v, req)?,
            },
            "ListAccountAliases" => AccountRequest::ListAliases,
            "GetAccountAuthorizationDetails" => {
                let filter: Vec<String> =
                    req.list("Filter").into_iter().map(str::to_owned).collect();
                for (i, f) in filter.iter().enumerate() {
                    v.one_of(f, &format!("filter.{}.member", i + 1), &FILTERS);
                }
                AccountRequest::AuthorizationDetails {
                    filter,
                    paging: paging(v, req),
                }
            }
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            AccountRequest::Summary => "GetAccountSummary",
            AccountRequest::CreateAlias { .. } => "CreateAccountAlias",
            AccountRequest::DeleteAlias { .. } => "DeleteAccountAlias",
            AccountRequest::ListAliases => "ListAccountAliases",
            AccountRequest::AuthorizationDetails { .. } => "GetAccountAuthorizationDetails",
        }
    }

    /// Account operations apply to the whole account: IAM authorizes them on `*`.
    pub(super) fn resource(&self) -> Resource {
        Resource::arn("*".into())
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            AccountRequest::Summary => summary(state).await,
            AccountRequest::CreateAlias { alias } => create_alias(state, alias).await,
            AccountRequest::DeleteAlias { alias } => {
                match state
                    .store
                    .delete_entity(EntityKind::AccountAlias, &alias)
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::NotFound) => Err(ApiError::NoSuchEntity(format!(
                        "The account alias {alias} does not exist."
                    ))),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            AccountRequest::ListAliases => {
                let aliases = all_entities(state, EntityKind::AccountAlias)
                    .await?
                    .into_iter()
                    .map(|a| Element::text("member", a.name))
                    .collect();
                Ok(Some(Element::parent(
                    "ListAccountAliasesResult",
                    vec![
                        Element::list("AccountAliases", aliases),
                        Element::boolean("IsTruncated", false),
                    ],
                )))
            }
            AccountRequest::AuthorizationDetails { filter, paging } => {
                details(state, &filter, &paging).await
            }
        }
    }
}

/// An account has one alias: a new one replaces the old one.
async fn create_alias(state: &AppState, alias: String) -> Result<Option<Element>, ApiError> {
    let existing = all_entities(state, EntityKind::AccountAlias).await?;
    let outcome = match existing.first() {
        Some(old) => state
            .store
            .update_entity(
                EntityKind::AccountAlias,
                &old.name,
                &EntityUpdate {
                    new_name: Some(alias.clone()),
                    ..Default::default()
                },
            )
            .await
            .map(|_| ()),
        None => {
            let entity = Entity {
                kind: EntityKind::AccountAlias,
                id: format!("alias:{}", state.account.0),
                name: alias.clone(),
                path: "/".into(),
                create_date: now_seconds(),
                attributes: Default::default(),
            };
            state.store.create_entity(&entity, &[], &[], &[]).await
        }
    };
    match outcome {
        Ok(()) => Ok(None),
        Err(StoreError::AlreadyExists) => Err(ApiError::EntityAlreadyExists(format!(
            "The account alias {alias} already exists."
        ))),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// Every entity of a kind, through as many pages as it takes.
async fn all_entities(state: &AppState, kind: EntityKind) -> Result<Vec<Entity>, ApiError> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = state
            .store
            .list_entities(
                kind,
                "/",
                PageRequest {
                    marker: marker.as_deref(),
                    max_items: 1000,
                },
            )
            .await
            .map_err(ApiError::from_store)?;
        out.extend(page.items);
        match page.next_marker {
            Some(m) => marker = Some(m),
            None => return Ok(out),
        }
    }
}

/// Every user, through as many pages as it takes.
async fn all_users(state: &AppState) -> Result<Vec<User>, ApiError> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = state
            .store
            .list_users(
                "/",
                PageRequest {
                    marker: marker.as_deref(),
                    max_items: 1000,
                },
            )
            .await
            .map_err(ApiError::from_store)?;
        out.extend(page.items);
        match page.next_marker {
            Some(m) => marker = Some(m),
            None => return Ok(out),
        }
    }
}

async fn summary(state: &AppState) -> Result<Option<Element>, ApiError> {
    let users = all_users(state).await?.len();
    let groups = all_entities(state, EntityKind::Group).await?.len();
    let roles = all_entities(state, EntityKind::Role).await?.len();
    let policies = all_entities(state, EntityKind::Policy).await?;
    let profiles = all_entities(state, EntityKind::InstanceProfile)
        .await?
        .len();
    let providers = all_entities(state, EntityKind::OidcProvider).await?.len();
    let mut versions = 0;
    for p in &policies {
        versions += state
            .store
            .list_documents(
                &p.reference(),
                DocumentKind::PolicyVersion,
                PageRequest {
                    marker: None,
                    max_items: 1000,
                },
            )
            .await
            .map_err(ApiError::from_store)?
            .items
            .len();
    }
    let root_keys = state
        .store
        .list_access_keys(&KeyOwner::Root)
        .await
        .map_err(ApiError::from_store)?
        .len();
    let entries: [(&str, usize); 32] = [
        ("Users", users),
        ("UsersQuota", 5000),
        ("Groups", groups),
        ("GroupsQuota", 300),
        ("Roles", roles),
        ("RolesQuota", 1000),
        ("Policies", policies.len()),
        ("PoliciesQuota", 1500),
        ("PolicyVersionsInUse", versions),
        ("PolicyVersionsInUseQuota", 10000),
        ("InstanceProfiles", profiles),
        ("InstanceProfilesQuota", 1000),
        ("Providers", providers),
        ("GroupsPerUserQuota", 10),
        ("AttachedPoliciesPerUserQuota", 10),
        ("AttachedPoliciesPerGroupQuota", 10),
        ("AttachedPoliciesPerRoleQuota", 10),
        ("AccessKeysPerUserQuota", 2),
        ("PolicySizeQuota", 6144),
        ("UserPolicySizeQuota", 2048),
        ("GroupPolicySizeQuota", 5120),
        ("RolePolicySizeQuota", 10240),
        ("AssumeRolePolicySizeQuota", 2048),
        ("VersionsPerPolicyQuota", 5),
        ("ServerCertificates", 0),
        ("ServerCertificatesQuota", 20),
        ("MFADevices", 0),
        ("MFADevicesInUse", 0),
        ("AccountMFAEnabled", 0),
        ("AccountAccessKeysPresent", usize::from(root_keys > 0)),
        ("AccountSigningCertificatesPresent", 0),
        ("SigningCertificatesPerUserQuota", 2),
    ];
    let map = entries
        .iter()
        .map(|(k, n)| ((*k).to_owned(), n.to_string()))
        .collect();
    Ok(Some(Element::parent(
        "GetAccountSummaryResult",
        vec![Element::map("SummaryMap", map)],
    )))
}

/// The inline policies of an entity as `{PolicyName, PolicyDocument}` members.
async fn inline_policies(
    state: &AppState,
    list: &'static str,
    owner: &EntityRef,
) -> Result<Element, ApiError> {
    let docs = state
        .store
        .list_documents(
            owner,
            DocumentKind::InlinePolicy,
            PageRequest {
                marker: None,
                max_items: 1000,
            },
        )
        .await
        .map_err(ApiError::from_store)?;
    Ok(Element::list(
        list,
        docs.items
            .iter()
            .map(|d| {
                Element::parent(
                    "PolicyDetail",
                    vec![
                        Element::text("PolicyName", &d.name),
                        Element::text("PolicyDocument", url_encode(&d.text)),
                    ],
                )
            })
            .collect(),
    ))
}

/// The managed policies attached to an entity.
async fn attached(state: &AppState, owner: &EntityRef) -> Result<Element, ApiError> {
    let mut items = Vec::new();
    for r in all_relations(state, RelationKind::PolicyAttachment, Some(owner), None).await? {
        let (name, arn) = name_and_arn(state, &r.to).await?;
        items.push(Element::parent(
            "AttachedPolicy",
            vec![
                Element::text("PolicyName", name),
                Element::text("PolicyArn", arn),
            ],
        ));
    }
    Ok(Element::list("AttachedManagedPolicies", items))
}

/// One entry of the combined listing, so the whole snapshot pages as one sequence.
enum Detail {
    User(User),
    Group(Entity),
    Role(Entity),
    Local(Entity),
    Aws(&'static crate::directory::catalog::AwsPolicy),
}

async fn details(
    state: &AppState,
    filter: &[String],
    paging: &Paging,
) -> Result<Option<Element>, ApiError> {
    let wants = |f: &str| filter.is_empty() || filter.iter().any(|x| x == f);
    let mut keyed: Vec<(String, Detail)> = Vec::new();
    if wants("User") {
        for u in all_users(state).await? {
            keyed.push((format!("1/{}", u.name.to_lowercase()), Detail::User(u)));
        }
    }
    if wants("Group") {
        for g in all_entities(state, EntityKind::Group).await? {
            keyed.push((format!("2/{}", g.name.to_lowercase()), Detail::Group(g)));
        }
    }
    if wants("Role") {
        for r in all_entities(state, EntityKind::Role).await? {
            keyed.push((format!("3/{}", r.name.to_lowercase()), Detail::Role(r)));
        }
    }
    if wants("LocalManagedPolicy") {
        for p in all_entities(state, EntityKind::Policy).await? {
            keyed.push((format!("4/{}", p.name.to_lowercase()), Detail::Local(p)));
        }
    }
    if wants("AWSManagedPolicy") {
        let mut used = std::collections::HashSet::new();
        for kind in [
            RelationKind::PolicyAttachment,
            RelationKind::PermissionsBoundary,
        ] {
            for r in all_relations(state, kind, None, None).await? {
                if r.to.kind == EntityKind::External {
                    used.insert(r.to.id);
                }
            }
        }
        for arn in used {
            if let Some(p) = catalog().get(&arn) {
                keyed.push((format!("5/{}", p.name.to_lowercase()), Detail::Aws(p)));
            }
        }
    }
    let page = super::page_in_memory(keyed, paging);
    let (mut users, mut groups, mut roles, mut policies) = (vec![], vec![], vec![], vec![]);
    for item in page.items {
        match item {
            Detail::User(u) => users.push(user_detail(state, &u).await?),
            Detail::Group(g) => groups.push(group_detail(state, &g).await?),
            Detail::Role(r) => roles.push(role_detail(state, &r).await?),
            Detail::Local(p) => policies.push(local_policy_detail(state, &p).await?),
            Detail::Aws(p) => policies.push(aws_policy_detail(state, p).await?),
        }
    }
    let mut fields = vec![
        Element::list("UserDetailList", users),
        Element::list("GroupDetailList", groups),
        Element::list("RoleDetailList", roles),
        Element::list("Policies", policies),
    ];
    fields.extend(paging_fields(page.next_marker));
    Ok(Some(Element::parent(
        "GetAccountAuthorizationDetailsResult",
        fields,
    )))
}

async fn user_detail(state: &AppState, u: &User) -> Result<Element, ApiError> {
    let reference = EntityRef::new(EntityKind::User, &u.user_id.0);
    let groups = groups_of(state, &reference)
        .await?
        .into_iter()
        .map(|g| Element::text("member", g.name))
        .collect();
    let mut fields = vec![
        Element::text("Path", &u.path),
        Element::text("UserName", &u.name),
        Element::text("UserId", &u.user_id.0),
        Element::text(
            "Arn",
            iam_arn(state, IamResourceType::User, &u.path, &u.name),
        ),
        Element::time("CreateDate", u.create_date),
        inline_policies(state, "UserPolicyList", &reference).await?,
        Element::list("GroupList", groups),
        attached(state, &reference).await?,
    ];
    if let Some(b) = boundary_element(state, &reference).await? {
        fields.push(b);
    }
    let tags = state
        .store
        .list_user_tags(
            &u.name,
            PageRequest {
                marker: None,
                max_items: super::MAX_TAGS,
            },
        )
        .await
        .map_err(ApiError::from_store)?
        .items;
    if !tags.is_empty() {
        fields.push(tags_element(&tags));
    }
    Ok(Element::parent("UserDetail", fields))
}

async fn group_detail(state: &AppState, g: &Entity) -> Result<Element, ApiError> {
    let reference = g.reference();
    let mut element = group_element(state, g);
    element.push(inline_policies(state, "GroupPolicyList", &reference).await?);
    element.push(attached(state, &reference).await?);
    Ok(element)
}

async fn role_detail(state: &AppState, r: &Entity) -> Result<Element, ApiError> {
    let reference = r.reference();
    let mut element = super::shared::roles::role_element(state, r);
    let mut profiles = Vec::new();
    for rel in all_relations(
        state,
        RelationKind::InstanceProfileRole,
        None,
        Some(&reference),
    )
    .await?
    {
        match state
            .store
            .get_entity_by_id(EntityKind::InstanceProfile, &rel.from.id)
            .await
        {
            Ok(p) => profiles.push(Element::parent(
                "InstanceProfile",
                vec![
                    Element::text("Path", &p.path),
                    Element::text("InstanceProfileName", &p.name),
                    Element::text("InstanceProfileId", &p.id),
                    Element::text(
                        "Arn",
                        iam_arn(state, IamResourceType::InstanceProfile, &p.path, &p.name),
                    ),
                    Element::time("CreateDate", p.create_date),
                    Element::list("Roles", vec![super::shared::roles::role_element(state, r)]),
                ],
            )),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
    }
    element.push(Element::list("InstanceProfileList", profiles));
    element.push(inline_policies(state, "RolePolicyList", &reference).await?);
    element.push(attached(state, &reference).await?);
    if let Some(b) = boundary_element(state, &reference).await? {
        element.push(b);
    }
    let tags = entity_tags(state, EntityKind::Role, &r.name).await?;
    if !tags.is_empty() {
        element.push(tags_element(&tags));
    }
    element.push(Element::parent("RoleLastUsed", Vec::new()));
    Ok(element)
}

async fn usage(state: &AppState, target: &EntityRef) -> Result<(usize, usize), ApiError> {
    let a = all_relations(state, RelationKind::PolicyAttachment, None, Some(target)).await?;
    let b = all_relations(state, RelationKind::PermissionsBoundary, None, Some(target)).await?;
    Ok((a.len(), b.len()))
}

async fn local_policy_detail(state: &AppState, p: &Entity) -> Result<Element, ApiError> {
    let versions = state
        .store
        .list_documents(
            &p.reference(),
            DocumentKind::PolicyVersion,
            PageRequest {
                marker: None,
                max_items: 1000,
            },
        )
        .await
        .map_err(ApiError::from_store)?
        .items;
    let default = versions.iter().find(|d| d.is_default);
    let (a, b) = usage(state, &p.reference()).await?;
    let list = versions
        .iter()
        .map(|d| {
            Element::parent(
                "PolicyVersion",
                vec![
                    Element::text("Document", url_encode(&d.text)),
                    Element::text("VersionId", &d.name),
                    Element::boolean("IsDefaultVersion", d.is_default),
                    Element::time("CreateDate", d.create_date),
                ],
            )
        })
        .collect();
    Ok(Element::parent(
        "ManagedPolicyDetail",
        vec![
            Element::text("PolicyName", &p.name),
            Element::text("PolicyId", &p.id),
            Element::text(
                "Arn",
                iam_arn(state, IamResourceType::Policy, &p.path, &p.name),
            ),
            Element::text("Path", &p.path),
            Element::text(
                "DefaultVersionId",
                default.map(|d| d.name.as_str()).unwrap_or("v1"),
            ),
            Element::text("AttachmentCount", a.to_string()),
            Element::text("PermissionsBoundaryUsageCount", b.to_string()),
            Element::boolean("IsAttachable", true),
            Element::time("CreateDate", p.create_date),
            Element::time(
                "UpdateDate",
                default.map(|d| d.create_date).unwrap_or(p.create_date),
            ),
            Element::list("PolicyVersionList", list),
        ],
    ))
}

async fn aws_policy_detail(
    state: &AppState,
    p: &crate::directory::catalog::AwsPolicy,
) -> Result<Element, ApiError> {
    let (a, b) = usage(state, &EntityRef::new(EntityKind::External, &p.arn)).await?;
    Ok(Element::parent(
        "ManagedPolicyDetail",
        vec![
            Element::text("PolicyName", &p.name),
            Element::text("PolicyId", &p.id),
            Element::text("Arn", &p.arn),
            Element::text("Path", &p.path),
            Element::text("DefaultVersionId", &p.default_version_id),
            Element::text("AttachmentCount", a.to_string()),
            Element::text("PermissionsBoundaryUsageCount", b.to_string()),
            Element::boolean("IsAttachable", true),
            Element::time("CreateDate", p.create_date),
            Element::time("UpdateDate", p.update_date),
            Element::list(
                "PolicyVersionList",
                vec![Element::parent(
                    "PolicyVersion",
                    vec![
                        Element::text("Document", url_encode(&p.document)),
                        Element::text("VersionId", &p.default_version_id),
                        Element::boolean("IsDefaultVersion", true),
                        Element::time("CreateDate", p.update_date),
                    ],
                )],
            ),
        ],
    ))
}

//! `GetAccountAuthorizationDetails`: the full authorization snapshot of the account — users,
//! groups and roles with their policies, and the managed policies in use — paged as one
//! sequence.

use keyward_aws_model::generated::iam::{input::GetAccountAuthorizationDetailsInput, operation};
use keyward_store::{
    DocumentKind, Entity, EntityKind, EntityRef, PageRequest, RelationKind, StoreError, User,
};

use super::shared::account::{account_resource, all_entities, all_users};
use super::shared::groups::{group_element, groups_of};
use super::shared::policies::name_and_arn;
use super::shared::roles::role_element;
use super::shared::Paging;
use super::shared::{
    boundary_element, entity_tags, iam_arn, paging_fields, tags_element, url_encode, MAX_TAGS,
};
use crate::api::{Affected, Context, Operation};
use crate::arn::IamResourceType;
use crate::authz::Authorization;
use crate::directory::all_relations;
use crate::directory::catalog::{catalog, AwsPolicy};
use crate::error::ApiError;
use crate::protocol::xml::Element;
use crate::state::AppState;

pub(crate) struct GetAccountAuthorizationDetails {
    filter: Vec<String>,
    paging: Paging,
}

impl Operation for GetAccountAuthorizationDetails {
    type Input = GetAccountAuthorizationDetailsInput;
    const NAME: &'static str = operation::GET_ACCOUNT_AUTHORIZATION_DETAILS;

    fn new(input: GetAccountAuthorizationDetailsInput) -> Result<Self, ApiError> {
        Ok(GetAccountAuthorizationDetails {
            filter: input.filter.unwrap_or_default(),
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let filter = &self.filter;
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
        let page = self.paging.page_in_memory(keyed);
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
    Aws(&'static AwsPolicy),
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
                max_items: MAX_TAGS,
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
    let mut element = role_element(state, r);
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
                    Element::list("Roles", vec![role_element(state, r)]),
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

async fn aws_policy_detail(state: &AppState, p: &AwsPolicy) -> Result<Element, ApiError> {
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

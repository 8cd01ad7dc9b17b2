//! The directory: who and what exists, read over the store for the layers that decide and
//! act — the managed policies (AWS's catalog and the account's own), and the policies that
//! govern a principal. Authorization reads it without reaching into the IAM handlers.

pub(crate) mod accounts;
pub(crate) mod catalog;
pub(crate) mod linked_services;
pub(crate) mod mfa;
pub(crate) mod oidc;
pub(crate) mod organization;
pub(crate) mod roles;
pub(crate) mod saml;
pub(crate) mod service_credentials;
pub(crate) mod web_identity_issuer;

use std::future::Future;
use std::pin::Pin;

use keyward_store::{
    DocumentKind, Entity, EntityKind, EntityRef, Page, PageRequest, Relation, RelationKind,
    StoreError,
};

use crate::arn::{self, IamArn, IamResourceType};
use crate::error::ApiError;
use crate::state::AppState;
use catalog::{catalog, AwsPolicy};

/// A managed policy as the API shows it, from either source.
pub(crate) enum ManagedPolicy {
    /// From AWS's catalog.
    Aws(&'static AwsPolicy),
    /// A customer managed policy.
    Local(Entity),
}

impl ManagedPolicy {
    /// How relations point at this policy.
    pub(crate) fn target(&self) -> EntityRef {
        match self {
            ManagedPolicy::Aws(p) => EntityRef::new(EntityKind::External, &p.arn),
            ManagedPolicy::Local(e) => e.reference(),
        }
    }

    /// The policy's ARN.
    pub(crate) fn arn(&self, state: &AppState) -> String {
        match self {
            ManagedPolicy::Aws(p) => p.arn.clone(),
            ManagedPolicy::Local(e) => {
                arn::iam(&state.account, IamResourceType::Policy, &e.path, &e.name)
            }
        }
    }

    /// The policy's name.
    pub(crate) fn name(&self) -> &str {
        match self {
            ManagedPolicy::Aws(p) => &p.name,
            ManagedPolicy::Local(e) => &e.name,
        }
    }

    /// The policy's id.
    pub(crate) fn id(&self) -> &str {
        match self {
            ManagedPolicy::Aws(p) => &p.id,
            ManagedPolicy::Local(e) => &e.id,
        }
    }
}

/// Splits `arn:aws:iam::ACCOUNT:policy/PATH/NAME` into (account, path, name).
fn split_policy_arn(arn: &str) -> Option<IamArn> {
    IamArn::parse(arn).filter(|a| a.resource_type == IamResourceType::Policy)
}

/// Finds the managed policy an ARN names; `Ok(None)` when there is none.
pub(crate) async fn find_managed_policy(
    state: &AppState,
    arn: &str,
) -> Result<Option<ManagedPolicy>, ApiError> {
    let Some(IamArn {
        account,
        path,
        name,
        ..
    }) = split_policy_arn(arn)
    else {
        // Text that is no ARN at all fails validation; an ARN of something else is refused.
        if keyward_policy::Arn::parse(arn).is_err() {
            return Err(ApiError::ValidationMessage(format!(
                "Invalid ARN {arn}: Could not be parsed!"
            )));
        }
        return Err(ApiError::InvalidInput(format!("ARN {arn} is not valid.")));
    };
    if account == "aws" {
        return Ok(catalog().get(arn).map(ManagedPolicy::Aws));
    }
    if account != state.account.0 {
        return Ok(None);
    }
    match state.store.get_entity(EntityKind::Policy, &name).await {
        Ok(e) if e.path == path && e.name == name => Ok(Some(ManagedPolicy::Local(e))),
        Ok(_) | Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// A store listing's next page, as [`all_pages`] asks for it.
pub(crate) type PageFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<Page<T>, StoreError>> + Send + 'a>>;

/// Every item of a paged store listing, through as many pages as it takes: `fetch` is called
/// with each page's marker (`None` for the first).
pub(crate) async fn all_pages<'a, T>(
    fetch: impl Fn(Option<String>) -> PageFuture<'a, T>,
) -> Result<Vec<T>, ApiError> {
    let mut out = Vec::new();
    let mut marker = None;
    loop {
        let page = fetch(marker).await.map_err(ApiError::from_store)?;
        out.extend(page.items);
        match page.next_marker {
            Some(m) => marker = Some(m),
            None => return Ok(out),
        }
    }
}

/// A page of at most 1,000 items from `marker` on, for [`all_pages`].
pub(crate) fn page_from(marker: &Option<String>) -> PageRequest<'_> {
    PageRequest {
        marker: marker.as_deref(),
        max_items: 1000,
    }
}

/// Every entity of `kind` under `path`.
pub(crate) async fn all_entities(
    state: &AppState,
    kind: EntityKind,
    path: &str,
) -> Result<Vec<Entity>, ApiError> {
    all_pages(|marker| {
        Box::pin(async move {
            state
                .store
                .list_entities(kind, path, page_from(&marker))
                .await
        })
    })
    .await
}

/// Every relation matching the filters, through as many store pages as it takes.
pub(crate) async fn all_relations(
    state: &AppState,
    kind: RelationKind,
    from: Option<&EntityRef>,
    to: Option<&EntityRef>,
) -> Result<Vec<Relation>, ApiError> {
    all_pages(|marker| {
        Box::pin(async move {
            state
                .store
                .list_relations(kind, from, to, page_from(&marker))
                .await
        })
    })
    .await
}

/// The text of a managed policy's default version: AWS's from the catalog, a customer
/// policy's from the store. `None` if the policy no longer exists.
async fn managed_policy_text(
    state: &AppState,
    target: &EntityRef,
) -> Result<Option<(String, String)>, ApiError> {
    match target.kind {
        EntityKind::External => Ok(catalog()
            .get(&target.id)
            .map(|p| (p.name.clone(), p.document.clone()))),
        EntityKind::Policy => {
            let policy = match state
                .store
                .get_entity_by_id(EntityKind::Policy, &target.id)
                .await
            {
                Ok(p) => p,
                Err(StoreError::NotFound) => return Ok(None),
                Err(e) => return Err(ApiError::from_store(e)),
            };
            let versions = state
                .store
                .list_documents(
                    &policy.reference(),
                    DocumentKind::PolicyVersion,
                    all_items(),
                )
                .await
                .map_err(ApiError::from_store)?;
            Ok(versions
                .items
                .into_iter()
                .find(|d| d.is_default)
                .map(|d| (policy.name, d.text)))
        }
        _ => Ok(None),
    }
}

pub(crate) fn all_items() -> PageRequest<'static> {
    PageRequest {
        marker: None,
        max_items: 1000,
    }
}

/// One policy that governs a principal, with where it comes from.
pub(crate) struct SourcedPolicy {
    /// An inline policy's name or a managed policy's name.
    pub(crate) name: String,
    /// The JSON text.
    pub(crate) text: String,
    /// Where it comes from, in the words of the simulator's `SourcePolicyType`: `user`,
    /// `group` or `role` for inline policies, `aws-managed` or `user-managed` for managed ones.
    pub(crate) source: &'static str,
}

/// A managed policy's default version as a [`SourcedPolicy`], if the policy still exists.
async fn managed_policy(
    state: &AppState,
    target: &EntityRef,
) -> Result<Option<SourcedPolicy>, ApiError> {
    let source = match target.kind {
        EntityKind::External => "aws-managed",
        _ => "user-managed",
    };
    Ok(managed_policy_text(state, target)
        .await?
        .map(|(name, text)| SourcedPolicy { name, text, source }))
}

/// Inline and attached managed policies of one user, group or role.
async fn own_policies(
    state: &AppState,
    owner: &EntityRef,
    out: &mut Vec<SourcedPolicy>,
) -> Result<(), ApiError> {
    let inline_source = match owner.kind {
        EntityKind::Group => "group",
        EntityKind::Role => "role",
        _ => "user",
    };
    let inline = state
        .store
        .list_documents(owner, DocumentKind::InlinePolicy, all_items())
        .await
        .map_err(ApiError::from_store)?;
    out.extend(inline.items.into_iter().map(|d| SourcedPolicy {
        name: d.name,
        text: d.text,
        source: inline_source,
    }));
    let attached = state
        .store
        .list_relations(
            RelationKind::PolicyAttachment,
            Some(owner),
            None,
            all_items(),
        )
        .await
        .map_err(ApiError::from_store)?;
    for relation in attached.items {
        if let Some(policy) = managed_policy(state, &relation.to).await? {
            out.push(policy);
        }
    }
    Ok(())
}

/// The policies that govern a principal: its identity policies (for a user, its own and its
/// groups') and its permissions boundary.
pub(crate) async fn principal_policies(
    state: &AppState,
    principal: &EntityRef,
) -> Result<(Vec<SourcedPolicy>, Option<SourcedPolicy>), ApiError> {
    let mut identity = Vec::new();
    own_policies(state, principal, &mut identity).await?;
    if principal.kind == EntityKind::User {
        let groups = state
            .store
            .list_relations(
                RelationKind::GroupMember,
                Some(principal),
                None,
                all_items(),
            )
            .await
            .map_err(ApiError::from_store)?;
        for membership in groups.items {
            own_policies(state, &membership.to, &mut identity).await?;
        }
    }
    let boundary = state
        .store
        .list_relations(
            RelationKind::PermissionsBoundary,
            Some(principal),
            None,
            all_items(),
        )
        .await
        .map_err(ApiError::from_store)?;
    let boundary = match boundary.items.first() {
        Some(relation) => managed_policy(state, &relation.to).await?,
        None => None,
    };
    Ok((identity, boundary))
}

/// The policy texts that govern a principal: its identity policies (for a user, its own and
/// its groups') and its permissions boundary, as (policy id, JSON text) pairs.
pub(crate) async fn principal_policy_texts(
    state: &AppState,
    principal: &EntityRef,
) -> Result<(Vec<(String, String)>, Option<(String, String)>), ApiError> {
    let (identity, boundary) = principal_policies(state, principal).await?;
    let pair = |p: SourcedPolicy| (p.name, p.text);
    Ok((identity.into_iter().map(pair).collect(), boundary.map(pair)))
}

/// The default-version text of the managed policy an ARN names (for session `PolicyArns`), as
/// (policy name, JSON text); `None` if there is no such policy.
pub(crate) async fn managed_policy_by_arn(
    state: &AppState,
    arn: &str,
) -> Result<Option<(String, String)>, ApiError> {
    match find_managed_policy(state, arn).await? {
        Some(policy) => managed_policy_text(state, &policy.target()).await,
        None => Ok(None),
    }
}

//! OpenID Connect identity providers, which `AssumeRoleWithWebIdentity` trusts. A provider is
//! an entity named by its URL without the scheme (as its ARN is); its client ids are relations
//! to external values, so adding one is atomic and counted against the quota in the store.

use keyward_store::{
    Entity, EntityKind, EntityRef, EntityUpdate, RelationKind, RelationLimit, StoreError, Tag,
    WhenFull,
};

use super::{entity_tags, now_seconds, tags, tags_element};
use crate::arn;
use crate::authz::Resource;
use crate::directory::all_relations;
use crate::directory::oidc::SCHEME;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Client ids one provider may accept (IAM's `ClientIdsPerOpenIdConnectProvider`).
const MAX_CLIENT_IDS: usize = 100;
/// Thumbprints one provider may list.
const MAX_THUMBPRINTS: usize = 5;
/// Providers listed at most; `ListOpenIDConnectProviders` has no paging and IAM allows 100
/// providers per account.
const MAX_PROVIDERS: usize = 1000;
/// Attribute holding the thumbprints, one per line.
const THUMBPRINTS: &str = "ThumbprintList";

/// A decoded OIDC provider operation.
#[derive(Debug)]
pub enum OidcRequest {
    /// `CreateOpenIDConnectProvider`.
    Create {
        url: String,
        client_ids: Vec<String>,
        thumbprints: Vec<String>,
        tags: Vec<Tag>,
    },
    /// `GetOpenIDConnectProvider`.
    Get { arn: String },
    /// `ListOpenIDConnectProviders`.
    List,
    /// `DeleteOpenIDConnectProvider`.
    Delete { arn: String },
    /// `UpdateOpenIDConnectProviderThumbprint`.
    UpdateThumbprints {
        arn: String,
        thumbprints: Vec<String>,
    },
    /// `AddClientIDToOpenIDConnectProvider`.
    AddClientId { arn: String, client_id: String },
    /// `RemoveClientIDFromOpenIDConnectProvider`.
    RemoveClientId { arn: String, client_id: String },
}

fn provider_arn(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    let arn = req.required("OpenIDConnectProviderArn", "openIDConnectProviderArn")?;
    v.length_only(arn, "openIDConnectProviderArn", 20, 2048);
    Ok(arn.to_owned())
}

fn client_id(v: &mut Violations, value: &str, field: &str) -> String {
    v.length_only(value, field, 1, 255);
    value.to_owned()
}

fn thumbprints(v: &mut Violations, req: &QueryRequest) -> Result<Vec<String>, ApiError> {
    let list: Vec<String> = req
        .list("ThumbprintList")
        .into_iter()
        .map(str::to_owned)
        .collect();
    for (i, t) in list.iter().enumerate() {
        v.length_only(t, &format!("thumbprintList.{}.member", i + 1), 40, 40);
    }
    if list.len() > MAX_THUMBPRINTS {
        return Err(ApiError::InvalidInput(
            "Thumbprint list must contain fewer than 5 entries.".into(),
        ));
    }
    Ok(list)
}

fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("OpenIDConnect Provider not found for arn {arn}"))
}

/// The provider's entity name: its ARN's resource after `oidc-provider/`, if the ARN is ours.
fn name_from_arn<'a>(state: &AppState, text: &'a str) -> Option<&'a str> {
    arn::oidc_provider_name(&state.account, text)
}

async fn load(state: &AppState, arn: &str) -> Result<Entity, ApiError> {
    let name = name_from_arn(state, arn).ok_or_else(|| not_found(arn))?;
    match state.store.get_entity(EntityKind::OidcProvider, name).await {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(not_found(arn)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

fn client_limit() -> RelationLimit {
    RelationLimit {
        max_per_source: MAX_CLIENT_IDS,
        when_full: WhenFull::Refuse,
    }
}

fn too_many_clients() -> ApiError {
    ApiError::LimitExceeded(format!(
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: {MAX_CLIENT_IDS}"
    ))
}

impl OidcRequest {
    /// Decodes an OIDC provider action; `None` if `action` is not one.
    pub(super) fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "CreateOpenIDConnectProvider" => {
                let url = req.required("Url", "url")?.to_owned();
                v.length_only(&url, "url", 1, 255);
                let client_ids: Vec<String> = req
                    .list("ClientIDList")
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| client_id(v, c, &format!("clientIDList.{}.member", i + 1)))
                    .collect();
                let thumbprints = thumbprints(v, req)?;
                let host = crate::auth::web_identity::provider_name(&url).unwrap_or_default();
                if host.is_empty() || host.starts_with('/') {
                    return Err(ApiError::InvalidInput(
                        "Invalid Open ID Connect Provider URL".into(),
                    ));
                }
                if client_ids.len() > MAX_CLIENT_IDS {
                    return Err(too_many_clients());
                }
                OidcRequest::Create {
                    url,
                    client_ids,
                    thumbprints,
                    tags: tags(v, req)?,
                }
            }
            "GetOpenIDConnectProvider" => OidcRequest::Get {
                arn: provider_arn(v, req)?,
            },
            "ListOpenIDConnectProviders" => OidcRequest::List,
            "DeleteOpenIDConnectProvider" => OidcRequest::Delete {
                arn: provider_arn(v, req)?,
            },
            "UpdateOpenIDConnectProviderThumbprint" => {
                let arn = provider_arn(v, req)?;
                if req.list("ThumbprintList").is_empty() {
                    return Err(ApiError::validation_null("thumbprintList"));
                }
                OidcRequest::UpdateThumbprints {
                    arn,
                    thumbprints: thumbprints(v, req)?,
                }
            }
            "AddClientIDToOpenIDConnectProvider" => OidcRequest::AddClientId {
                arn: provider_arn(v, req)?,
                client_id: client_id(v, req.required("ClientID", "clientID")?, "clientID"),
            },
            "RemoveClientIDFromOpenIDConnectProvider" => OidcRequest::RemoveClientId {
                arn: provider_arn(v, req)?,
                client_id: client_id(v, req.required("ClientID", "clientID")?, "clientID"),
            },
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub(super) fn action(&self) -> &'static str {
        match self {
            OidcRequest::Create { .. } => "CreateOpenIDConnectProvider",
            OidcRequest::Get { .. } => "GetOpenIDConnectProvider",
            OidcRequest::List => "ListOpenIDConnectProviders",
            OidcRequest::Delete { .. } => "DeleteOpenIDConnectProvider",
            OidcRequest::UpdateThumbprints { .. } => "UpdateOpenIDConnectProviderThumbprint",
            OidcRequest::AddClientId { .. } => "AddClientIDToOpenIDConnectProvider",
            OidcRequest::RemoveClientId { .. } => "RemoveClientIDFromOpenIDConnectProvider",
        }
    }

    /// The resource AWS authorizes: the provider's ARN.
    pub(super) async fn resource(&self, state: &AppState) -> Result<Resource, ApiError> {
        Ok(Resource::arn(match self {
            OidcRequest::Create { url, .. } => arn::oidc_provider(
                &state.account,
                crate::auth::web_identity::provider_name(url).unwrap_or(url),
            ),
            OidcRequest::List => arn::oidc_provider(&state.account, "*"),
            OidcRequest::Get { arn }
            | OidcRequest::Delete { arn }
            | OidcRequest::UpdateThumbprints { arn, .. }
            | OidcRequest::AddClientId { arn, .. }
            | OidcRequest::RemoveClientId { arn, .. } => arn.clone(),
        }))
    }

    /// Runs the operation.
    pub(super) async fn execute(self, state: &AppState) -> Result<Option<Element>, ApiError> {
        match self {
            OidcRequest::Create {
                url,
                client_ids,
                thumbprints,
                tags,
            } => {
                let name = crate::auth::web_identity::provider_name(&url)
                    .unwrap_or(&url)
                    .trim_end_matches('/')
                    .to_owned();
                let scheme = if url.starts_with("http://") {
                    "http"
                } else {
                    "https"
                };
                let mut provider = Entity {
                    kind: EntityKind::OidcProvider,
                    id: ids::prefixed("OIDC"),
                    name,
                    path: "/".into(),
                    create_date: now_seconds(),
                    attributes: Default::default(),
                };
                provider
                    .attributes
                    .insert(THUMBPRINTS.into(), thumbprints.join("\n"));
                provider.attributes.insert(SCHEME.into(), scheme.into());
                let relations: Vec<_> = client_ids
                    .iter()
                    .map(|c| keyward_store::Relation {
                        kind: RelationKind::OidcClientId,
                        from: provider.reference(),
                        to: EntityRef::new(EntityKind::External, c),
                    })
                    .collect();
                match state
                    .store
                    .create_entity(&provider, &tags, &[], &relations)
                    .await
                {
                    Ok(()) => {}
                    Err(StoreError::AlreadyExists) => {
                        return Err(ApiError::EntityAlreadyExists(format!(
                            "Provider with url {url} already exists."
                        )))
                    }
                    Err(e) => return Err(ApiError::from_store(e)),
                }
                let arn = arn::oidc_provider(&state.account, &provider.name);
                let mut fields = vec![Element::text("OpenIDConnectProviderArn", arn)];
                if !tags.is_empty() {
                    fields.push(tags_element(&tags));
                }
                Ok(Some(Element::parent(
                    "CreateOpenIDConnectProviderResult",
                    fields,
                )))
            }
            OidcRequest::Get { arn } => {
                let provider = load(state, &arn).await?;
                let clients = all_relations(
                    state,
                    RelationKind::OidcClientId,
                    Some(&provider.reference()),
                    None,
                )
                .await?
                .into_iter()
                .map(|r| Element::text("member", r.to.id))
                .collect();
                let prints = provider
                    .attribute(THUMBPRINTS)
                    .unwrap_or_default()
                    .split('\n')
                    .filter(|t| !t.is_empty())
                    .map(|t| Element::text("member", t))
                    .collect();
                let mut fields = vec![
                    Element::text("Url", &provider.name),
                    Element::list("ClientIDList", clients),
                    Element::list("ThumbprintList", prints),
                    Element::time("CreateDate", provider.create_date),
                ];
                let tags = entity_tags(state, EntityKind::OidcProvider, &provider.name).await?;
                if !tags.is_empty() {
                    fields.push(tags_element(&tags));
                }
                Ok(Some(Element::parent(
                    "GetOpenIDConnectProviderResult",
                    fields,
                )))
            }
            OidcRequest::List => {
                let page = state
                    .store
                    .list_entities(
                        EntityKind::OidcProvider,
                        "/",
                        keyward_store::PageRequest {
                            marker: None,
                            max_items: MAX_PROVIDERS,
                        },
                    )
                    .await
                    .map_err(ApiError::from_store)?;
                let items = page
                    .items
                    .iter()
                    .map(|p| {
                        Element::parent(
                            "OpenIDConnectProviderListEntry",
                            vec![Element::text(
                                "Arn",
                                arn::oidc_provider(&state.account, &p.name),
                            )],
                        )
                    })
                    .collect();
                Ok(Some(Element::parent(
                    "ListOpenIDConnectProvidersResult",
                    vec![Element::list("OpenIDConnectProviderList", items)],
                )))
            }
            OidcRequest::Delete { arn } => {
                let Some(name) = name_from_arn(state, &arn) else {
                    return Ok(None);
                };
                match state
                    .store
                    .delete_entity(EntityKind::OidcProvider, name)
                    .await
                {
                    Ok(_) | Err(StoreError::NotFound) => Ok(None),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            OidcRequest::UpdateThumbprints { arn, thumbprints } => {
                let provider = load(state, &arn).await?;
                let update = EntityUpdate {
                    attributes: vec![(THUMBPRINTS.into(), Some(thumbprints.join("\n")))],
                    ..Default::default()
                };
                match state
                    .store
                    .update_entity(EntityKind::OidcProvider, &provider.name, &update)
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            OidcRequest::AddClientId { arn, client_id } => {
                let provider = load(state, &arn).await?;
                let to = EntityRef::new(EntityKind::External, client_id);
                match state
                    .store
                    .add_relation(
                        RelationKind::OidcClientId,
                        &provider.reference(),
                        &to,
                        client_limit(),
                    )
                    .await
                {
                    Ok(_) => Ok(None),
                    Err(StoreError::LimitExceeded) => Err(too_many_clients()),
                    Err(StoreError::NotFound) => Err(not_found(&arn)),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
            OidcRequest::RemoveClientId { arn, client_id } => {
                let provider = load(state, &arn).await?;
                let to = EntityRef::new(EntityKind::External, client_id);
                match state
                    .store
                    .remove_relation(RelationKind::OidcClientId, &provider.reference(), Some(&to))
                    .await
                {
                    Ok(()) | Err(StoreError::NotFound) => Ok(None),
                    Err(e) => Err(ApiError::from_store(e)),
                }
            }
        }
    }
}

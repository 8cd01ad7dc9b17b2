//! Service-specific credentials: a user name (`NAME-at-ACCOUNT`) and a generated password for
//! one AWS service, with which plain-text `PasswordAuthenticator` drivers sign in to Amazon
//! Keyspaces — and to Keyward's CQL front — and Git credentials for CodeCommit. Keyward issues
//! them for those two services, as IAM does.
//!
//! A credential is an entity named by its id, under the path `/USERID/` so one user's
//! credentials list by path; its password is sealed with the master key, bound to the id.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_store::{Entity, EntityKind, EntityUpdate, StoreError, User};
use rand::Rng;

use super::{load_user, user_name, user_resource};
use crate::auth::identity::{Caller, Identity};
use crate::authz::Resource;
use crate::directory::service_credentials::{
    of_user, CASSANDRA, PASSWORD, SERVICE, SERVICE_USER, STATUS,
};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// The services IAM issues service-specific credentials for.
const SERVICES: &[&str] = &[CASSANDRA, "codecommit.amazonaws.com"];
/// Credentials one user may hold per service (IAM's quota).
const MAX_PER_SERVICE: usize = 2;
/// Prefix of credential ids, as IAM forms them.
const ID_PREFIX: &str = "ACCA";

/// A decoded service-specific credential operation.
#[derive(Debug)]
pub enum ServiceCredentialRequest {
    /// `CreateServiceSpecificCredential`.
    Create { user: String, service: String },
    /// `ListServiceSpecificCredentials`; no user means the caller.
    List {
        user: Option<String>,
        service: Option<String>,
    },
    /// `ResetServiceSpecificCredential`.
    Reset { user: Option<String>, id: String },
    /// `UpdateServiceSpecificCredential`.
    Update {
        user: Option<String>,
        id: String,
        status: String,
    },
    /// `DeleteServiceSpecificCredential`.
    Delete { user: Option<String>, id: String },
}

fn credential_id(v: &mut Violations, req: &QueryRequest) -> Result<String, ApiError> {
    let id = req.required("ServiceSpecificCredentialId", "serviceSpecificCredentialId")?;
    v.length_only(id, "serviceSpecificCredentialId", 20, 128);
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        v.push_raw(format!(
            "Value '{id}' at 'serviceSpecificCredentialId' failed to satisfy constraint: Member \
             must satisfy regular expression pattern: [\\w]+"
        ));
    }
    Ok(id.to_owned())
}

impl ServiceCredentialRequest {
    /// Decodes `action` if it is one of these operations.
    pub fn decode(
        action: &str,
        req: &QueryRequest,
        v: &mut Violations,
    ) -> Result<Option<Self>, ApiError> {
        Ok(Some(match action {
            "CreateServiceSpecificCredential" => {
                let user = super::required_user_name(req)?;
                let service = req.required("ServiceName", "serviceName")?.to_owned();
                ServiceCredentialRequest::Create { user, service }
            }
            "ListServiceSpecificCredentials" => {
                if req
                    .get("AllUsers")
                    .is_some_and(|a| a.eq_ignore_ascii_case("true"))
                {
                    return Err(ApiError::InvalidInput(
                        "AllUsers is not supported for cassandra.amazonaws.com credentials.".into(),
                    ));
                }
                ServiceCredentialRequest::List {
                    user: user_name(v, req),
                    service: req.get("ServiceName").map(str::to_owned),
                }
            }
            "ResetServiceSpecificCredential" => ServiceCredentialRequest::Reset {
                id: credential_id(v, req)?,
                user: user_name(v, req),
            },
            "UpdateServiceSpecificCredential" => {
                let id = credential_id(v, req)?;
                let status = req.required("Status", "status")?.to_owned();
                v.one_of(&status, "status", &["Active", "Inactive", "Expired"]);
                ServiceCredentialRequest::Update {
                    user: user_name(v, req),
                    id,
                    status,
                }
            }
            "DeleteServiceSpecificCredential" => ServiceCredentialRequest::Delete {
                id: credential_id(v, req)?,
                user: user_name(v, req),
            },
            _ => return Ok(None),
        }))
    }

    /// The IAM action name.
    pub fn action(&self) -> &'static str {
        match self {
            ServiceCredentialRequest::Create { .. } => "CreateServiceSpecificCredential",
            ServiceCredentialRequest::List { .. } => "ListServiceSpecificCredentials",
            ServiceCredentialRequest::Reset { .. } => "ResetServiceSpecificCredential",
            ServiceCredentialRequest::Update { .. } => "UpdateServiceSpecificCredential",
            ServiceCredentialRequest::Delete { .. } => "DeleteServiceSpecificCredential",
        }
    }

    fn user(&self) -> Option<&str> {
        match self {
            ServiceCredentialRequest::Create { user, .. } => Some(user),
            ServiceCredentialRequest::List { user, .. }
            | ServiceCredentialRequest::Reset { user, .. }
            | ServiceCredentialRequest::Update { user, .. }
            | ServiceCredentialRequest::Delete { user, .. } => user.as_deref(),
        }
    }

    /// The user acted on (the caller when no user is named), as for access keys.
    pub async fn resource(&self, state: &AppState, caller: &Caller) -> Result<Resource, ApiError> {
        match (self.user(), &caller.identity) {
            (Some(name), _) => user_resource(state, name).await,
            (None, Identity::User(u)) => user_resource(state, &u.name).await,
            (None, Identity::Root) => Ok(Resource::arn(caller.arn())),
            (None, _) => Err(ApiError::user_name_required()),
        }
    }

    /// Runs the request.
    pub async fn execute(
        self,
        state: &AppState,
        caller: &Caller,
    ) -> Result<Option<Element>, ApiError> {
        let user = target_user(state, caller, self.user()).await?;
        match self {
            ServiceCredentialRequest::Create { service, .. } => {
                create(state, &user, &service).await
            }
            ServiceCredentialRequest::List { service, .. } => list(state, &user, service).await,
            ServiceCredentialRequest::Reset { id, .. } => reset(state, &user, &id).await,
            ServiceCredentialRequest::Update { id, status, .. } => {
                let cred = owned(state, &user, &id).await?;
                let update = EntityUpdate {
                    attributes: vec![(STATUS.to_owned(), Some(status))],
                    ..EntityUpdate::default()
                };
                state
                    .store
                    .update_entity(EntityKind::ServiceSpecificCredential, &cred.name, &update)
                    .await
                    .map_err(ApiError::from_store)?;
                Ok(None)
            }
            ServiceCredentialRequest::Delete { id, .. } => {
                let cred = owned(state, &user, &id).await?;
                state
                    .store
                    .delete_entity(EntityKind::ServiceSpecificCredential, &cred.name)
                    .await
                    .map_err(ApiError::from_store)?;
                Ok(None)
            }
        }
    }
}

/// The user a request targets: the named one, or the calling user.
async fn target_user(
    state: &AppState,
    caller: &Caller,
    name: Option<&str>,
) -> Result<User, ApiError> {
    match (name, &caller.identity) {
        (Some(name), _) => load_user(state, name).await,
        (None, Identity::User(u)) => load_user(state, &u.name).await,
        (None, _) => Err(ApiError::user_name_required()),
    }
}

/// IAM answers `NoSuchEntity` for a service it has no credentials for.
fn not_supported(service: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "No such service {service} is supported for Service-Specific Credentials"
    ))
}

fn no_such_credential(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("No such credential {id} exists"))
}

/// `NAME-at-ACCOUNT`, as IAM forms it.
fn service_user_name(state: &AppState, user: &User) -> String {
    format!("{}-at-{}", user.name, state.account.0)
}

/// A generated password: 32 random bytes in base64 (44 characters).
fn generate_password() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    BASE64.encode(bytes)
}

fn seal(state: &AppState, id: &str, password: &str) -> Result<String, ApiError> {
    let sealed = state
        .master
        .seal(password, id)
        .map_err(ApiError::from_store)?;
    Ok(BASE64.encode(sealed.as_bytes()))
}

/// The user's credential with this id, or IAM's NoSuchEntity.
async fn owned(state: &AppState, user: &User, id: &str) -> Result<Entity, ApiError> {
    match state
        .store
        .get_entity_by_id(EntityKind::ServiceSpecificCredential, id)
        .await
    {
        Ok(e) if e.path == format!("/{}/", user.user_id.0) => Ok(e),
        Ok(_) | Err(StoreError::NotFound) => Err(no_such_credential(id)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The `<ServiceSpecificCredential>` (with the password) or metadata member.
fn element(name: &'static str, user: &User, e: &Entity, password: Option<String>) -> Element {
    let mut fields = vec![
        Element::time("CreateDate", e.create_date),
        Element::text("ServiceName", e.attribute(SERVICE).unwrap_or_default()),
        Element::text(
            "ServiceUserName",
            e.attribute(SERVICE_USER).unwrap_or_default(),
        ),
    ];
    if let Some(p) = password {
        fields.push(Element::secret("ServicePassword", p));
    }
    fields.extend([
        Element::text("ServiceSpecificCredentialId", &e.id),
        Element::text("UserName", &user.name),
        Element::text("Status", e.attribute(STATUS).unwrap_or("Active")),
    ]);
    Element::parent(name, fields)
}

async fn create(state: &AppState, user: &User, service: &str) -> Result<Option<Element>, ApiError> {
    if !SERVICES.contains(&service) {
        return Err(not_supported(service));
    }
    let existing = of_user(state, user).await?;
    if existing
        .iter()
        .filter(|e| e.attribute(SERVICE) == Some(service))
        .count()
        >= MAX_PER_SERVICE
    {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: {MAX_PER_SERVICE}"
        )));
    }
    let id = ids::prefixed(ID_PREFIX);
    let password = generate_password();
    let entity = Entity {
        kind: EntityKind::ServiceSpecificCredential,
        id: id.clone(),
        name: id.clone(),
        path: format!("/{}/", user.user_id.0),
        create_date: super::now_seconds(),
        attributes: [
            (SERVICE.to_owned(), service.to_owned()),
            (SERVICE_USER.to_owned(), service_user_name(state, user)),
            (STATUS.to_owned(), "Active".to_owned()),
            (PASSWORD.to_owned(), seal(state, &id, &password)?),
        ]
        .into_iter()
        .collect(),
    };
    state
        .store
        .create_entity(&entity, &[], &[], &[])
        .await
        .map_err(ApiError::from_store)?;
    Ok(Some(Element::parent(
        "CreateServiceSpecificCredentialResult",
        vec![element(
            "ServiceSpecificCredential",
            user,
            &entity,
            Some(password),
        )],
    )))
}

async fn list(
    state: &AppState,
    user: &User,
    service: Option<String>,
) -> Result<Option<Element>, ApiError> {
    if let Some(s) = service.as_deref().filter(|s| !SERVICES.contains(s)) {
        return Err(not_supported(s));
    }
    let members = of_user(state, user)
        .await?
        .iter()
        .map(|e| element("member", user, e, None))
        .collect();
    Ok(Some(Element::parent(
        "ListServiceSpecificCredentialsResult",
        // This listing is never paged: botocore's output shape has no `IsTruncated`.
        vec![Element::list("ServiceSpecificCredentials", members)],
    )))
}

async fn reset(state: &AppState, user: &User, id: &str) -> Result<Option<Element>, ApiError> {
    let cred = owned(state, user, id).await?;
    let password = generate_password();
    let update = EntityUpdate {
        attributes: vec![(PASSWORD.to_owned(), Some(seal(state, id, &password)?))],
        ..EntityUpdate::default()
    };
    let updated = state
        .store
        .update_entity(EntityKind::ServiceSpecificCredential, &cred.name, &update)
        .await
        .map_err(ApiError::from_store)?;
    Ok(Some(Element::parent(
        "ResetServiceSpecificCredentialResult",
        vec![element(
            "ServiceSpecificCredential",
            user,
            &updated,
            Some(password),
        )],
    )))
}

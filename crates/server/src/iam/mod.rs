//! The IAM API. Each request is decoded and validated into a typed [`IamRequest`] before
//! anything else happens, so authorization and the handlers only ever see valid input.

mod access_keys;
mod users;

use keyward_store::{KeyOwner, StoreError, Tag, User};

use crate::authz::Resource;
use crate::error::ApiError;
use crate::identity::{user_arn, Caller, Principal};
use crate::protocol::query::QueryRequest;
use crate::protocol::xml::Element;
use crate::state::AppState;
use crate::validate::Violations;

/// Longest IAM user name.
const USER_NAME_MAX: usize = 64;
/// Most tags an IAM entity may carry.
const MAX_TAGS: usize = 50;

/// Paging input shared by list operations.
#[derive(Debug)]
pub struct Paging {
    marker: Option<String>,
    max_items: usize,
}

/// A decoded, validated IAM request.
#[derive(Debug)]
pub enum IamRequest {
    /// `CreateUser`.
    CreateUser {
        name: String,
        path: String,
        tags: Vec<Tag>,
    },
    /// `GetUser`; no name means the caller.
    GetUser { name: Option<String> },
    /// `ListUsers`.
    ListUsers { path_prefix: String, paging: Paging },
    /// `UpdateUser`.
    UpdateUser {
        name: String,
        new_name: Option<String>,
        new_path: Option<String>,
    },
    /// `DeleteUser`.
    DeleteUser { name: String },
    /// `TagUser`.
    TagUser { name: String, tags: Vec<Tag> },
    /// `UntagUser`.
    UntagUser { name: String, keys: Vec<String> },
    /// `ListUserTags`.
    ListUserTags { name: String, paging: Paging },
    /// `CreateAccessKey`; no name means the caller.
    CreateAccessKey { name: Option<String> },
    /// `ListAccessKeys`; no name means the caller.
    ListAccessKeys { name: Option<String> },
    /// `UpdateAccessKey`; no name means the caller.
    UpdateAccessKey {
        name: Option<String>,
        access_key_id: String,
        status: String,
    },
    /// `DeleteAccessKey`; no name means the caller.
    DeleteAccessKey {
        name: Option<String>,
        access_key_id: String,
    },
    /// `GetAccessKeyLastUsed`.
    GetAccessKeyLastUsed { access_key_id: String },
}

fn user_name(v: &mut Violations, req: &QueryRequest) -> Option<String> {
    let name = req.get("UserName")?;
    v.entity_name(name, "userName", USER_NAME_MAX);
    Some(name.to_owned())
}

fn required_user_name(req: &QueryRequest) -> Result<String, ApiError> {
    let name = req.required("UserName", "userName")?;
    let mut v = Violations::default();
    v.entity_name(name, "userName", USER_NAME_MAX);
    v.finish()?;
    Ok(name.to_owned())
}

fn paging(v: &mut Violations, req: &QueryRequest) -> Paging {
    let marker = req.get("Marker").map(|m| {
        v.marker(m, "marker");
        m.to_owned()
    });
    Paging {
        marker,
        max_items: v.max_items(req.get("MaxItems"), "maxItems"),
    }
}

fn tags(v: &mut Violations, req: &QueryRequest) -> Result<Vec<Tag>, ApiError> {
    let members = req.structs("Tags");
    let mut tags = Vec::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        let key = m
            .get("Key")
            .ok_or_else(|| ApiError::validation_null(&format!("tags.{}.member.key", i + 1)))?;
        let value = m
            .get("Value")
            .ok_or_else(|| ApiError::validation_null(&format!("tags.{}.member.value", i + 1)))?;
        v.tag_key(key, &format!("tags.{}.member.key", i + 1));
        v.tag_value(value, &format!("tags.{}.member.value", i + 1));
        tags.push(Tag {
            key: key.to_owned(),
            value: value.to_owned(),
        });
    }
    if tags.len() > MAX_TAGS {
        v.push_raw(format!(
            "Value '[{}]' at 'tags' failed to satisfy constraint: Member must have length less \
             than or equal to {MAX_TAGS}",
            tags.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = tags.iter().find(|t| !seen.insert(t.key.to_lowercase())) {
        return Err(ApiError::InvalidInput(format!(
            "Duplicate tag keys found. Please note that Tag keys are case insensitive. ({})",
            dup.key
        )));
    }
    Ok(tags)
}

impl IamRequest {
    /// Decodes and validates `action`; `None` if IAM has no such action.
    pub fn decode(action: &str, req: &QueryRequest) -> Option<Result<Self, ApiError>> {
        let mut v = Violations::default();
        let decoded = (|| -> Result<Option<IamRequest>, ApiError> {
            Ok(Some(match action {
                "CreateUser" => {
                    let name = required_user_name(req)?;
                    let path = req.get("Path").unwrap_or("/").to_owned();
                    v.path(&path, "path");
                    let tags = tags(&mut v, req)?;
                    IamRequest::CreateUser { name, path, tags }
                }
                "GetUser" => IamRequest::GetUser {
                    name: user_name(&mut v, req),
                },
                "ListUsers" => {
                    let path_prefix = req.get("PathPrefix").unwrap_or("/").to_owned();
                    v.path_prefix(&path_prefix, "pathPrefix");
                    IamRequest::ListUsers {
                        path_prefix,
                        paging: paging(&mut v, req),
                    }
                }
                "UpdateUser" => {
                    let name = required_user_name(req)?;
                    let new_name = req.get("NewUserName").map(|n| {
                        v.entity_name(n, "newUserName", USER_NAME_MAX);
                        n.to_owned()
                    });
                    let new_path = req.get("NewPath").map(|p| {
                        v.path(p, "newPath");
                        p.to_owned()
                    });
                    IamRequest::UpdateUser {
                        name,
                        new_name,
                        new_path,
                    }
                }
                "DeleteUser" => IamRequest::DeleteUser {
                    name: required_user_name(req)?,
                },
                "TagUser" => {
                    let name = required_user_name(req)?;
                    if req.structs("Tags").is_empty() {
                        return Err(ApiError::validation_null("tags"));
                    }
                    IamRequest::TagUser {
                        name,
                        tags: tags(&mut v, req)?,
                    }
                }
                "UntagUser" => {
                    let name = required_user_name(req)?;
                    let keys: Vec<String> =
                        req.list("TagKeys").into_iter().map(str::to_owned).collect();
                    if keys.is_empty() {
                        return Err(ApiError::validation_null("tagKeys"));
                    }
                    for (i, k) in keys.iter().enumerate() {
                        v.tag_key(k, &format!("tagKeys.{}.member", i + 1));
                    }
                    IamRequest::UntagUser { name, keys }
                }
                "ListUserTags" => IamRequest::ListUserTags {
                    name: required_user_name(req)?,
                    paging: paging(&mut v, req),
                },
                "CreateAccessKey" => IamRequest::CreateAccessKey {
                    name: user_name(&mut v, req),
                },
                "ListAccessKeys" => {
                    let name = user_name(&mut v, req);
                    paging(&mut v, req);
                    IamRequest::ListAccessKeys { name }
                }
                "UpdateAccessKey" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    let status = req.required("Status", "status")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    v.one_of(&status, "status", &["Active", "Inactive"]);
                    IamRequest::UpdateAccessKey {
                        name: user_name(&mut v, req),
                        access_key_id,
                        status,
                    }
                }
                "DeleteAccessKey" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    IamRequest::DeleteAccessKey {
                        name: user_name(&mut v, req),
                        access_key_id,
                    }
                }
                "GetAccessKeyLastUsed" => {
                    let access_key_id = req.required("AccessKeyId", "accessKeyId")?.to_owned();
                    v.access_key_id(&access_key_id, "accessKeyId");
                    IamRequest::GetAccessKeyLastUsed { access_key_id }
                }
                _ => return Ok(None),
            }))
        })();
        match decoded {
            Err(e) => Some(Err(e)),
            Ok(None) => None,
            Ok(Some(request)) => Some(v.finish().map(|()| request)),
        }
    }

    /// The IAM action name, e.g. `CreateUser`.
    pub fn action(&self) -> &'static str {
        match self {
            IamRequest::CreateUser { .. } => "CreateUser",
            IamRequest::GetUser { .. } => "GetUser",
            IamRequest::ListUsers { .. } => "ListUsers",
            IamRequest::UpdateUser { .. } => "UpdateUser",
            IamRequest::DeleteUser { .. } => "DeleteUser",
            IamRequest::TagUser { .. } => "TagUser",
            IamRequest::UntagUser { .. } => "UntagUser",
            IamRequest::ListUserTags { .. } => "ListUserTags",
            IamRequest::CreateAccessKey { .. } => "CreateAccessKey",
            IamRequest::ListAccessKeys { .. } => "ListAccessKeys",
            IamRequest::UpdateAccessKey { .. } => "UpdateAccessKey",
            IamRequest::DeleteAccessKey { .. } => "DeleteAccessKey",
            IamRequest::GetAccessKeyLastUsed { .. } => "GetAccessKeyLastUsed",
        }
    }

    /// The resource the request acts on, for authorization and AccessDenied messages.
    pub async fn resource(&self, state: &AppState, caller: &Caller) -> Result<Resource, ApiError> {
        let account = &state.account;
        let target = match self {
            IamRequest::CreateUser { name, path, .. } => {
                return Ok(Resource::arn(user_arn(account, path, name)))
            }
            IamRequest::ListUsers { .. } => {
                return Ok(Resource::arn(format!("arn:aws:iam::{}:user/", account.0)))
            }
            IamRequest::GetAccessKeyLastUsed { access_key_id } => {
                match state.store.get_access_key(access_key_id).await {
                    Ok(key) => match key.owner {
                        KeyOwner::Root => {
                            return Ok(Resource::arn(format!("arn:aws:iam::{}:root", account.0)))
                        }
                        KeyOwner::User(id) => match state.store.get_user_by_id(&id).await {
                            Ok(u) => Some(u.name),
                            Err(StoreError::NotFound) => None,
                            Err(e) => return Err(ApiError::from_store(e)),
                        },
                    },
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(ApiError::from_store(e)),
                }
            }
            IamRequest::GetUser { name }
            | IamRequest::CreateAccessKey { name }
            | IamRequest::ListAccessKeys { name }
            | IamRequest::UpdateAccessKey { name, .. }
            | IamRequest::DeleteAccessKey { name, .. } => name.clone(),
            IamRequest::UpdateUser { name, .. }
            | IamRequest::DeleteUser { name }
            | IamRequest::TagUser { name, .. }
            | IamRequest::UntagUser { name, .. }
            | IamRequest::ListUserTags { name, .. } => Some(name.clone()),
        };
        let name = match (target, &caller.principal) {
            (Some(name), _) => name,
            (None, Principal::User(u)) => u.name.clone(),
            (None, Principal::Root) => return Ok(Resource::arn(caller.arn())),
        };
        match state.store.get_user(&name).await {
            Ok(u) => Ok(Resource::user(user_arn(account, &u.path, &u.name), &u.name)),
            Err(StoreError::NotFound) => Ok(Resource::user(user_arn(account, "/", &name), &name)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }

    /// Runs the request; the element is the `…Result` body, if the action has one.
    pub async fn execute(
        self,
        state: &AppState,
        caller: &Caller,
    ) -> Result<Option<Element>, ApiError> {
        match self {
            IamRequest::CreateUser { name, path, tags } => {
                users::create(state, name, path, tags).await
            }
            IamRequest::GetUser { name } => users::get(state, caller, name).await,
            IamRequest::ListUsers {
                path_prefix,
                paging,
            } => users::list(state, &path_prefix, &paging).await,
            IamRequest::UpdateUser {
                name,
                new_name,
                new_path,
            } => users::update(state, &name, new_name, new_path).await,
            IamRequest::DeleteUser { name } => users::delete(state, &name).await,
            IamRequest::TagUser { name, tags } => users::tag(state, &name, &tags).await,
            IamRequest::UntagUser { name, keys } => users::untag(state, &name, &keys).await,
            IamRequest::ListUserTags { name, paging } => {
                users::list_tags(state, &name, &paging).await
            }
            IamRequest::CreateAccessKey { name } => access_keys::create(state, caller, name).await,
            IamRequest::ListAccessKeys { name } => access_keys::list(state, caller, name).await,
            IamRequest::UpdateAccessKey {
                name,
                access_key_id,
                status,
            } => access_keys::update(state, caller, name, &access_key_id, &status).await,
            IamRequest::DeleteAccessKey {
                name,
                access_key_id,
            } => access_keys::delete(state, caller, name, &access_key_id).await,
            IamRequest::GetAccessKeyLastUsed { access_key_id } => {
                access_keys::last_used(state, &access_key_id).await
            }
        }
    }
}

/// NoSuchEntity for a user name, in IAM's words.
fn no_such_user(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The user with name {name} cannot be found."))
}

/// Reads a user by name, mapping absence to IAM's `NoSuchEntity`.
async fn load_user(state: &AppState, name: &str) -> Result<User, ApiError> {
    match state.store.get_user(name).await {
        Ok(u) => Ok(u),
        Err(StoreError::NotFound) => Err(no_such_user(name)),
        Err(e) => Err(ApiError::from_store(e)),
    }
}

/// The principal an access-key operation targets: the named user, or the caller itself.
async fn key_owner(
    state: &AppState,
    caller: &Caller,
    name: Option<String>,
) -> Result<(KeyOwner, Principal), ApiError> {
    match name {
        Some(name) => {
            let user = load_user(state, &name).await?;
            Ok((KeyOwner::User(user.user_id.clone()), Principal::User(user)))
        }
        None => match &caller.principal {
            Principal::Root => Ok((KeyOwner::Root, Principal::Root)),
            Principal::User(u) => {
                let user = load_user(state, &u.name).await?;
                Ok((KeyOwner::User(user.user_id.clone()), Principal::User(user)))
            }
        },
    }
}

/// The `<User>` structure.
fn user_element(state: &AppState, user: &User, tags: Option<&[Tag]>) -> Element {
    let mut fields = vec![
        Element::text("Path", &user.path),
        Element::text("UserName", &user.name),
        Element::text("UserId", &user.user_id.0),
        Element::text("Arn", user_arn(&state.account, &user.path, &user.name)),
        Element::time("CreateDate", user.create_date),
    ];
    if let Some(tags) = tags.filter(|t| !t.is_empty()) {
        fields.push(tags_element(tags));
    }
    Element::parent("User", fields)
}

/// The `<Tags>` list.
fn tags_element(tags: &[Tag]) -> Element {
    Element::list(
        "Tags",
        tags.iter()
            .map(|t| {
                Element::parent(
                    "Tag",
                    vec![
                        Element::text("Key", &t.key),
                        Element::text("Value", &t.value),
                    ],
                )
            })
            .collect(),
    )
}

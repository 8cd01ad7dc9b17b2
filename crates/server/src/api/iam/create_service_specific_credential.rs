//! `CreateServiceSpecificCredential`: a user name and generated password for one service
//! (Amazon Keyspaces, whose drivers also sign in to Keyward's CQL front, or CodeCommit).

use keyward_aws_model::generated::iam::{input::CreateServiceSpecificCredentialInput, operation};
use keyward_store::{Entity, EntityKind, User};

use super::shared::access_keys::owner_resource;
use super::shared::now_seconds;
use super::shared::service_credentials::{
    element, generate_password, not_supported, seal, target_user, SERVICES,
};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::service_credentials::{of_user, PASSWORD, SERVICE, SERVICE_USER, STATUS};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;
use crate::state::AppState;

/// Credentials one user may hold per service (IAM's quota).
const MAX_PER_SERVICE: usize = 2;
/// Prefix of credential ids, as IAM forms them.
const ID_PREFIX: &str = "ACCA";

pub(crate) struct CreateServiceSpecificCredential {
    user: String,
    service: String,
}

impl Operation for CreateServiceSpecificCredential {
    type Input = CreateServiceSpecificCredentialInput;
    const NAME: &'static str = operation::CREATE_SERVICE_SPECIFIC_CREDENTIAL;

    fn new(input: CreateServiceSpecificCredentialInput) -> Result<Self, ApiError> {
        Ok(CreateServiceSpecificCredential {
            user: input.user_name,
            service: input.service_name,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, Some(&self.user)).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let user = target_user(state, ctx.caller, Some(&self.user)).await?;
        let service = self.service.as_str();
        if !SERVICES.contains(&service) {
            return Err(not_supported(service));
        }
        let existing = of_user(state, &user).await?;
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
            create_date: now_seconds(),
            attributes: [
                (SERVICE.to_owned(), service.to_owned()),
                (SERVICE_USER.to_owned(), service_user_name(state, &user)),
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
                &user,
                &entity,
                Some(password),
            )],
        )))
    }
}

/// `NAME-at-ACCOUNT`, as IAM forms it.
fn service_user_name(state: &AppState, user: &User) -> String {
    format!("{}-at-{}", user.name, state.account.0)
}

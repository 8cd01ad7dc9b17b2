//! `UploadServerCertificate`: stores a PEM certificate with its chain and private key, once
//! the key is shown to be the certificate's and the chain to sign it. The private key is
//! sealed with the master key and never returned.

use keyward_aws_model::generated::iam::{input::UploadServerCertificateInput, operation};
use keyward_store::{Entity, EntityKind, StoreError, Tag};

use super::shared::certificates::{
    all_under, check_server_certificate, parse_certificate, seal_private_key,
    server_certificate_arn, server_certificate_exists, server_metadata_element, BODY, CHAIN,
    EXPIRATION, MAX_SERVER_CERTIFICATES, PRIVATE_KEY, UPLOADS,
};
use super::shared::{now_seconds, tags, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

/// Prefix of server certificate ids, as IAM forms them.
const ID_PREFIX: &str = "ASCA";

pub(crate) struct UploadServerCertificate {
    name: String,
    path: String,
    body: String,
    private_key: String,
    chain: Option<String>,
    tags: Vec<Tag>,
}

impl Operation for UploadServerCertificate {
    type Input = UploadServerCertificateInput;
    const NAME: &'static str = operation::UPLOAD_SERVER_CERTIFICATE;

    fn new(input: UploadServerCertificateInput) -> Result<Self, ApiError> {
        let tags = tags(input.tags)?;
        Ok(UploadServerCertificate {
            name: input.server_certificate_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            body: input.certificate_body,
            private_key: input.private_key,
            chain: input.certificate_chain,
            tags,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let arn = server_certificate_arn(ctx.state, &self.path, &self.name);
        Ok(Authorization::standard(Resource::arn(arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let certificate = parse_certificate(&self.body)?;
        check_server_certificate(&certificate, &self.private_key, self.chain.as_deref())?;
        let _serialized = UPLOADS.lock().await;
        match state
            .store
            .get_entity(EntityKind::ServerCertificate, &self.name)
            .await
        {
            Ok(_) => return Err(server_certificate_exists(&self.name)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(ApiError::from_store(e)),
        }
        if all_under(state, EntityKind::ServerCertificate, "/")
            .await?
            .len()
            >= MAX_SERVER_CERTIFICATES
        {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for ServerCertificatesPerAccount: {MAX_SERVER_CERTIFICATES}"
            )));
        }
        let id = ids::prefixed(ID_PREFIX);
        let mut attributes = vec![
            (BODY.to_owned(), self.body.trim().to_owned()),
            (
                PRIVATE_KEY.to_owned(),
                seal_private_key(state, &id, &self.private_key)?,
            ),
            (
                EXPIRATION.to_owned(),
                certificate.not_after().unix_timestamp().to_string(),
            ),
        ];
        if let Some(chain) = &self.chain {
            attributes.push((CHAIN.to_owned(), chain.trim().to_owned()));
        }
        let entity = Entity {
            kind: EntityKind::ServerCertificate,
            id,
            name: self.name,
            path: self.path,
            create_date: now_seconds(),
            attributes: attributes.into_iter().collect(),
        };
        match state
            .store
            .create_entity(&entity, &self.tags, &[], &[])
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => return Err(server_certificate_exists(&entity.name)),
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let mut fields = vec![server_metadata_element(
            state,
            "ServerCertificateMetadata",
            &entity,
        )];
        if !self.tags.is_empty() {
            fields.push(tags_element(&self.tags));
        }
        Ok(Some(Element::parent(
            "UploadServerCertificateResult",
            fields,
        )))
    }
}

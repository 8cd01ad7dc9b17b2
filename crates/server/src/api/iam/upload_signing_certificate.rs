//! `UploadSigningCertificate`: adds a PEM X.509 signing certificate to the named user, or to
//! the caller (the root user included) when no user is named; two per user, and no
//! certificate twice in the account.

use keyward_aws_model::generated::iam::{input::UploadSigningCertificateInput, operation};
use keyward_store::{Entity, EntityKind};

use super::shared::access_keys::{key_owner, owner_resource};
use super::shared::certificates::{
    all_under, owner_path, parse_certificate, signing_certificate_element, BODY,
    MAX_SIGNING_CERTIFICATES, STATUS, THUMBPRINT, UPLOADS,
};
use super::shared::now_seconds;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

/// Length of a signing certificate id, as IAM's look (upper-case letters and digits).
const ID_LEN: usize = 28;

pub(crate) struct UploadSigningCertificate(UploadSigningCertificateInput);

impl Operation for UploadSigningCertificate {
    type Input = UploadSigningCertificateInput;
    const NAME: &'static str = operation::UPLOAD_SIGNING_CERTIFICATE;

    fn new(input: UploadSigningCertificateInput) -> Result<Self, ApiError> {
        Ok(UploadSigningCertificate(input))
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let resource = owner_resource(ctx.state, ctx.caller, self.0.user_name.as_deref()).await?;
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (_, principal) = key_owner(state, ctx.caller, self.0.user_name).await?;
        let path = owner_path(&principal).ok_or_else(ApiError::user_name_required)?;
        let certificate = parse_certificate(&self.0.certificate_body)?;
        let thumbprint = certificate.thumbprint();
        let _serialized = UPLOADS.lock().await;
        let existing = all_under(state, EntityKind::SigningCertificate, "/").await?;
        if existing
            .iter()
            .any(|e| e.attribute(THUMBPRINT) == Some(thumbprint.as_str()))
        {
            return Err(ApiError::DuplicateCertificate(
                "The same certificate is already associated with an IAM user in this account."
                    .into(),
            ));
        }
        if existing.iter().filter(|e| e.path == path).count() >= MAX_SIGNING_CERTIFICATES {
            return Err(ApiError::LimitExceeded(format!(
                "Cannot exceed quota for SigningCertificatesPerUser: {MAX_SIGNING_CERTIFICATES}"
            )));
        }
        let id: String = format!("{}{}", ids::prefixed(""), ids::prefixed(""))
            .chars()
            .take(ID_LEN)
            .collect();
        let entity = Entity {
            kind: EntityKind::SigningCertificate,
            id: id.clone(),
            name: id,
            path,
            create_date: now_seconds(),
            attributes: [
                (BODY.to_owned(), self.0.certificate_body.trim().to_owned()),
                (STATUS.to_owned(), "Active".to_owned()),
                (THUMBPRINT.to_owned(), thumbprint),
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
            "UploadSigningCertificateResult",
            vec![signing_certificate_element(
                "Certificate",
                &principal,
                &entity,
            )],
        )))
    }
}

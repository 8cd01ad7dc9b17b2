//! `CreateVirtualMFADevice`: a new virtual MFA device with a fresh seed, handed out once as
//! base32 text and as the QR code authenticator apps scan.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use keyward_aws_model::generated::iam::{input::CreateVirtualMFADeviceInput, operation};
use keyward_store::{Entity, EntityKind, StoreError, Tag};
use rand::Rng;

use super::shared::mfa::{account_name, device_resource, otpauth_uri, qr_png};
use super::shared::{now_seconds, tags, tags_element};
use crate::api::{Affected, Context, Operation};
use crate::auth::totp;
use crate::authz::Authorization;
use crate::directory::mfa::{seal_seed, serial_number, SEED};
use crate::error::ApiError;
use crate::ids;
use crate::protocol::xml::Element;

/// Bytes of a seed: 40, which AWS hands out as 64 base32 characters.
const SEED_BYTES: usize = 40;

pub(crate) struct CreateVirtualMFADevice {
    name: String,
    path: String,
    tags: Vec<Tag>,
}

impl CreateVirtualMFADevice {
    /// The device's storage key, `/PATH/NAME`.
    fn key(&self) -> String {
        format!("{}{}", self.path, self.name)
    }
}

impl Operation for CreateVirtualMFADevice {
    type Input = CreateVirtualMFADeviceInput;
    const NAME: &'static str = operation::CREATE_VIRTUAL_MFA_DEVICE;

    fn new(input: CreateVirtualMFADeviceInput) -> Result<Self, ApiError> {
        Ok(CreateVirtualMFADevice {
            name: input.virtual_mfa_device_name,
            path: input.path.unwrap_or_else(|| "/".to_owned()),
            tags: tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let serial = serial_number(ctx.state, &self.key());
        Ok(Authorization::standard(device_resource(&serial)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let key = self.key();
        let id = ids::prefixed("AMFA");
        let seed_bytes: [u8; SEED_BYTES] = rand::rng().random();
        let seed = totp::base32_encode(&seed_bytes);
        let entity = Entity {
            kind: EntityKind::VirtualMfaDevice,
            id: id.clone(),
            name: key.clone(),
            path: self.path.clone(),
            create_date: now_seconds(),
            attributes: [(SEED.to_owned(), seal_seed(state, &id, &seed)?)]
                .into_iter()
                .collect(),
        };
        let uri = otpauth_uri(&self.name, &account_name(state).await?, &seed);
        let png = qr_png(&uri)?;
        match state
            .store
            .create_entity(&entity, &self.tags, &[], &[])
            .await
        {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => {
                return Err(ApiError::EntityAlreadyExists(
                    "MFADevice entity at the same path and name already exists.".to_owned(),
                ))
            }
            Err(e) => return Err(ApiError::from_store(e)),
        }
        let mut fields = vec![
            Element::text("SerialNumber", serial_number(state, &key)),
            Element::secret("Base32StringSeed", BASE64.encode(seed.as_bytes())),
            Element::secret("QRCodePNG", BASE64.encode(png)),
        ];
        if !self.tags.is_empty() {
            fields.push(tags_element(&self.tags));
        }
        Ok(Some(Element::parent(
            "CreateVirtualMFADeviceResult",
            vec![Element::parent("VirtualMFADevice", fields)],
        )))
    }
}

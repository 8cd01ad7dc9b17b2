//! `GetPolicyVersion`: one version of a managed policy, with its document.

use keyward_aws_model::generated::iam::{input::GetPolicyVersionInput, operation};
use keyward_store::{Document, DocumentKind, EntityKind, EntityRef, StoreError};

use super::shared::policies::{policy_resource, resolve, version_element};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::ManagedPolicy;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetPolicyVersion(GetPolicyVersionInput);

impl Operation for GetPolicyVersion {
    type Input = GetPolicyVersionInput;
    const NAME: &'static str = operation::GET_POLICY_VERSION;

    fn new(input: GetPolicyVersionInput) -> Result<Self, ApiError> {
        Ok(GetPolicyVersion(input))
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.0.policy_arn)))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let (arn, version) = (&self.0.policy_arn, &self.0.version_id);
        let missing = || ApiError::policy_version_not_attachable(arn, version);
        let doc = match resolve(state, arn).await? {
            ManagedPolicy::Aws(p) if &p.default_version_id == version => Document {
                owner: EntityRef::new(EntityKind::External, &p.arn),
                kind: DocumentKind::PolicyVersion,
                name: version.clone(),
                text: p.document.clone(),
                create_date: p.update_date,
                is_default: true,
            },
            ManagedPolicy::Aws(_) => return Err(missing()),
            ManagedPolicy::Local(e) => match state
                .store
                .get_document(&e.reference(), DocumentKind::PolicyVersion, version)
                .await
            {
                Ok(d) => d,
                Err(StoreError::NotFound) => return Err(missing()),
                Err(e) => return Err(ApiError::from_store(e)),
            },
        };
        Ok(Some(Element::parent(
            "GetPolicyVersionResult",
            vec![version_element("PolicyVersion", &doc, true)],
        )))
    }
}

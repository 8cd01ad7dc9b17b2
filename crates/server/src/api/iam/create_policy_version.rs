//! `CreatePolicyVersion`: a new version of a customer managed policy, the default if asked.

use keyward_aws_model::generated::iam::{input::CreatePolicyVersionInput, operation};
use keyward_policy::PolicyKind;
use keyward_store::{Document, DocumentKind, StoreError};

use super::shared::policies::{not_found, policy_resource, resolve_local, version_element};
use super::shared::{check_policy_document, now_seconds};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// Versions one managed policy may have.
const MAX_VERSIONS: usize = 5;

pub(crate) struct CreatePolicyVersion {
    arn: String,
    document: String,
    set_as_default: bool,
}

impl Operation for CreatePolicyVersion {
    type Input = CreatePolicyVersionInput;
    const NAME: &'static str = operation::CREATE_POLICY_VERSION;

    fn new(input: CreatePolicyVersionInput) -> Result<Self, ApiError> {
        Ok(CreatePolicyVersion {
            arn: input.policy_arn,
            document: input.policy_document,
            set_as_default: input.set_as_default.unwrap_or(false),
        })
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(policy_resource(&self.arn)))
    }

    fn affects(&self) -> Affected {
        Affected::PolicyHolders(self.arn.clone())
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let policy = resolve_local(state, ctx.caller, Self::NAME, &self.arn).await?;
        check_policy_document(&self.document, PolicyKind::Identity, None)?;
        let draft = Document {
            owner: policy.reference(),
            kind: DocumentKind::PolicyVersion,
            name: String::new(),
            text: self.document,
            create_date: now_seconds(),
            is_default: self.set_as_default,
        };
        match state
            .store
            .add_document_version(&draft, "v", MAX_VERSIONS)
            .await
        {
            Ok(stored) => Ok(Some(Element::parent(
                "CreatePolicyVersionResult",
                vec![version_element("PolicyVersion", &stored, false)],
            ))),
            Err(StoreError::LimitExceeded) => Err(ApiError::LimitExceeded(
                "A managed policy can have up to 5 versions. Before you create a new version, \
                 you must delete an existing version."
                    .into(),
            )),
            Err(StoreError::NotFound) => Err(not_found(&self.arn)),
            Err(e) => Err(ApiError::from_store(e)),
        }
    }
}

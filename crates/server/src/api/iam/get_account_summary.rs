//! `GetAccountSummary`: how many of each entity the account holds, and IAM's quotas.

use keyward_aws_model::generated::iam::operation;
use keyward_aws_model::typed::{structure, FromValue, FromValueError};
use keyward_aws_model::Value;
use keyward_store::{DocumentKind, EntityKind, KeyOwner, PageRequest};

use super::set_security_token_service_preferences::global_endpoint_token_version;
use super::shared::account::{account_resource, all_entities, all_users};
use super::shared::certificates::all_under;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

/// The input of `GetAccountSummary`, which has none: AWS's model gives the operation no input
/// shape, so nothing is generated for it.
pub(crate) struct GetAccountSummaryInput;

impl FromValue for GetAccountSummaryInput {
    fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {
        structure(value, member).map(|_| GetAccountSummaryInput)
    }
}

pub(crate) struct GetAccountSummary;

impl Operation for GetAccountSummary {
    type Input = GetAccountSummaryInput;
    const NAME: &'static str = operation::GET_ACCOUNT_SUMMARY;

    fn new(_input: GetAccountSummaryInput) -> Result<Self, ApiError> {
        Ok(GetAccountSummary)
    }

    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(account_resource()))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let users = all_users(state).await?.len();
        let groups = all_entities(state, EntityKind::Group).await?.len();
        let roles = all_entities(state, EntityKind::Role).await?.len();
        let policies = all_entities(state, EntityKind::Policy).await?;
        let profiles = all_entities(state, EntityKind::InstanceProfile)
            .await?
            .len();
        let providers = all_entities(state, EntityKind::OidcProvider).await?.len()
            + all_entities(state, EntityKind::SamlProvider).await?.len();
        let mut versions = 0;
        for p in &policies {
            versions += state
                .store
                .list_documents(
                    &p.reference(),
                    DocumentKind::PolicyVersion,
                    PageRequest {
                        marker: None,
                        max_items: 1000,
                    },
                )
                .await
                .map_err(ApiError::from_store)?
                .items
                .len();
        }
        let server_certificates = all_entities(state, EntityKind::ServerCertificate)
            .await?
            .len();
        let root_signing_certificates = all_under(state, EntityKind::SigningCertificate, "/root/")
            .await?
            .len();
        let root_keys = state
            .store
            .list_access_keys(&KeyOwner::Root)
            .await
            .map_err(ApiError::from_store)?
            .len();
        let token_version = global_endpoint_token_version(state).await?;
        let (mfa_devices, mfa_devices_in_use) =
            crate::directory::mfa::account_counts(state).await?;
        let entries: [(&str, usize); 34] = [
            ("Users", users),
            ("UsersQuota", 5000),
            ("Groups", groups),
            ("GroupsQuota", 300),
            ("Roles", roles),
            ("RolesQuota", 1000),
            ("Policies", policies.len()),
            ("PoliciesQuota", 1500),
            ("PolicyVersionsInUse", versions),
            ("PolicyVersionsInUseQuota", 10000),
            ("InstanceProfiles", profiles),
            ("InstanceProfilesQuota", 1000),
            ("Providers", providers),
            ("GroupsPerUserQuota", 10),
            ("AttachedPoliciesPerUserQuota", 10),
            ("AttachedPoliciesPerGroupQuota", 10),
            ("AttachedPoliciesPerRoleQuota", 10),
            ("AccessKeysPerUserQuota", 2),
            ("PolicySizeQuota", 6144),
            ("UserPolicySizeQuota", 2048),
            ("GroupPolicySizeQuota", 5120),
            ("RolePolicySizeQuota", 10240),
            ("AssumeRolePolicySizeQuota", 2048),
            ("VersionsPerPolicyQuota", 5),
            ("ServerCertificates", server_certificates),
            ("ServerCertificatesQuota", 20),
            ("MFADevices", mfa_devices),
            ("MFADevicesInUse", mfa_devices_in_use),
            ("AccountMFAEnabled", 0),
            ("AccountAccessKeysPresent", usize::from(root_keys > 0)),
            // The root user's console password, which Keyward's root never has (IAM users'
            // login profiles count nowhere in the summary).
            ("AccountPasswordPresent", 0),
            (
                "AccountSigningCertificatesPresent",
                usize::from(root_signing_certificates > 0),
            ),
            ("SigningCertificatesPerUserQuota", 2),
            ("GlobalEndpointTokenVersion", token_version),
        ];
        let map = entries
            .iter()
            .map(|(k, n)| ((*k).to_owned(), n.to_string()))
            .collect();
        Ok(Some(Element::parent(
            "GetAccountSummaryResult",
            vec![Element::map("SummaryMap", map)],
        )))
    }
}

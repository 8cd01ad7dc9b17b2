//! `ListSSHPublicKeys`: the SSH public keys of the named user, or of the calling user when
//! none is named.

use keyward_aws_model::generated::iam::{input::ListSSHPublicKeysInput, operation};
use keyward_store::EntityKind;

use super::shared::certificates::all_under;
use super::shared::ssh_keys::STATUS;
use super::shared::{load_user, paging_fields, user_or_caller, user_resource, Paging};
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct ListSshPublicKeys {
    name: Option<String>,
    paging: Paging,
}

impl Operation for ListSshPublicKeys {
    type Input = ListSSHPublicKeysInput;
    const NAME: &'static str = operation::LIST_SSH_PUBLIC_KEYS;

    fn new(input: ListSSHPublicKeysInput) -> Result<Self, ApiError> {
        Ok(ListSshPublicKeys {
            name: input.user_name,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        let name = user_or_caller(self.name.as_deref(), ctx.caller)?;
        let resource = user_resource(ctx.state, &name).await?;
        self.name = Some(name);
        Ok(Authorization::standard(resource))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let state = ctx.state;
        let name = user_or_caller(self.name.as_deref(), ctx.caller)?;
        let user = load_user(state, &name).await?;
        let keys = all_under(
            state,
            EntityKind::SshPublicKey,
            &format!("/{}/", user.user_id.0),
        )
        .await?;
        let page = self.paging.page_in_memory(
            keys.into_iter()
                .map(|k| (format!("{}{}", k.create_date.unix_timestamp(), k.id), k))
                .collect(),
        );
        let members = page
            .items
            .iter()
            .map(|k| {
                Element::parent(
                    "member",
                    vec![
                        Element::text("UserName", &user.name),
                        Element::text("SSHPublicKeyId", &k.id),
                        Element::text("Status", k.attribute(STATUS).unwrap_or("Active")),
                        Element::time("UploadDate", k.create_date),
                    ],
                )
            })
            .collect();
        let mut fields = vec![Element::list("SSHPublicKeys", members)];
        fields.extend(paging_fields(page.next_marker));
        Ok(Some(Element::parent("ListSSHPublicKeysResult", fields)))
    }
}

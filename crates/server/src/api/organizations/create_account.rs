//! `CreateAccount`: a member account made as AWS Organizations makes it (see
//! `directory::accounts::create_member_account`), placed in the root. Organizations creates
//! accounts asynchronously: the answer is a `CreateAccountStatus` in state `IN_PROGRESS`,
//! and `DescribeCreateAccountStatus` tells how the request ended (`SUCCEEDED` with the
//! account's id, or `FAILED` with a reason such as `EMAIL_ALREADY_EXISTS`).

use keyward_aws_model::generated::organizations::{input::CreateAccountInput, operation};

use super::shared::{add_tags, input_tags, on_any, organization};
use crate::accounts::CreateAccountError;
use crate::api::{Affected, Context, Operation};
use crate::authz::Authorization;
use crate::directory::accounts::{create_member_account, ACCESS_ROLE};
use crate::directory::organization::{self, random_suffix, Account, CreateAccountStatus};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct CreateAccount {
    email: String,
    name: String,
    role_name: String,
    tags: Vec<(String, String)>,
}

impl Operation for CreateAccount {
    type Input = CreateAccountInput;
    const NAME: &'static str = operation::CREATE_ACCOUNT;

    fn new(input: CreateAccountInput) -> Result<Self, ApiError> {
        Ok(CreateAccount {
            email: input.email,
            name: input.account_name,
            role_name: input.role_name.unwrap_or_else(|| ACCESS_ROLE.to_owned()),
            tags: input_tags(input.tags)?,
        })
    }

    async fn authorization(&mut self, ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        organization(ctx.state).await?;
        Ok(on_any())
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let requested = ctx.state.clock.now().unix_timestamp();
        let email_taken = organization(ctx.state)
            .await?
            .accounts
            .iter()
            .any(|a| a.email.eq_ignore_ascii_case(&self.email));
        let outcome = if email_taken {
            Err("EMAIL_ALREADY_EXISTS")
        } else {
            match create_member_account(ctx.state, &self.name, &self.email, &self.role_name).await {
                Ok((record, _)) => Ok(record),
                Err(CreateAccountError::Unsupported(why)) => {
                    tracing::warn!(reason = why, "CreateAccount cannot create a member account");
                    Err("INTERNAL_FAILURE")
                }
                Err(CreateAccountError::Store(e)) => return Err(ApiError::from_store(e)),
            }
        };
        let status = CreateAccountStatus {
            id: format!("car-{}", random_suffix(32)),
            account_name: self.name.clone(),
            state: if outcome.is_ok() {
                "SUCCEEDED"
            } else {
                "FAILED"
            }
            .to_owned(),
            requested,
            completed: ctx.state.clock.now().unix_timestamp(),
            account_id: outcome.as_ref().ok().map(|record| record.id.0.clone()),
            failure_reason: outcome.as_ref().err().map(|reason| (*reason).to_owned()),
        };
        organization::modify(ctx.state, |organization| {
            if let Ok(record) = &outcome {
                let account = Account {
                    id: record.id.0.clone(),
                    name: record.name.clone(),
                    email: record.email.clone(),
                    status: "ACTIVE".to_owned(),
                    joined_method: "CREATED".to_owned(),
                    joined: record.joined.unix_timestamp(),
                    parent_id: organization.root.id.clone(),
                };
                add_tags(organization, &account.id, &self.tags)?;
                organization.accounts.push(account);
                organization.attach_defaults(&record.id.0);
            }
            organization.create_account_statuses.push(status.clone());
            Ok(())
        })
        .await?;
        Ok(Some(Element::parent(
            "CreateAccountResult",
            vec![Element::parent(
                "CreateAccountStatus",
                vec![
                    Element::text("Id", &status.id),
                    Element::text("AccountName", &status.account_name),
                    Element::text("State", "IN_PROGRESS"),
                    Element::time("RequestedTimestamp", super::shared::at(requested)),
                ],
            )],
        )))
    }
}

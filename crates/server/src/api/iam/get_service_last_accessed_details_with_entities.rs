//! `GetServiceLastAccessedDetailsWithEntities`: for one service namespace of a report, the
//! users and roles the report covers (a group's members, a policy's users and roles, or the
//! user or role itself) with when each last attempted the service, most recent first.

use keyward_aws_model::generated::iam::{
    input::GetServiceLastAccessedDetailsWithEntitiesInput, operation,
};

use super::shared::access_advisor::{job_time, load_job};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetServiceLastAccessedDetailsWithEntities {
    job_id: String,
    namespace: String,
    paging: Paging,
}

impl Operation for GetServiceLastAccessedDetailsWithEntities {
    type Input = GetServiceLastAccessedDetailsWithEntitiesInput;
    const NAME: &'static str = operation::GET_SERVICE_LAST_ACCESSED_DETAILS_WITH_ENTITIES;

    fn new(input: GetServiceLastAccessedDetailsWithEntitiesInput) -> Result<Self, ApiError> {
        Ok(GetServiceLastAccessedDetailsWithEntities {
            job_id: input.job_id,
            namespace: input.service_namespace,
            paging: Paging::new(input.marker, input.max_items),
        })
    }

    /// The action has no resource type: it is authorized on `*`.
    async fn authorization(&mut self, _ctx: &Context<'_>) -> Result<Authorization, ApiError> {
        Ok(Authorization::standard(Resource::arn("*".to_owned())))
    }

    fn affects(&self) -> Affected {
        Affected::Nothing
    }

    async fn handle(self, ctx: &Context<'_>) -> Result<Option<Element>, ApiError> {
        let job = load_job(ctx.state, ctx.caller, &self.job_id).await?;
        let (entities, paging) = match &job.report {
            Some(report) => report.entities_page(&self.namespace, &self.paging),
            None => (Vec::new(), vec![Element::boolean("IsTruncated", false)]),
        };
        let mut fields = vec![
            Element::text("JobStatus", job.status()),
            job_time("JobCreationDate", job.created),
        ];
        if let Some(completed) = job.completed {
            fields.push(job_time("JobCompletionDate", completed));
        }
        fields.push(Element::list("EntityDetailsList", entities));
        fields.extend(paging);
        fields.extend(job.error_element());
        Ok(Some(Element::parent(
            "GetServiceLastAccessedDetailsWithEntitiesResult",
            fields,
        )))
    }
}

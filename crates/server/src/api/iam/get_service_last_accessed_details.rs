//! `GetServiceLastAccessedDetails`: a report job's status and, once completed, its services
//! sorted by namespace, paged by `MaxItems` and `Marker`.

use keyward_aws_model::generated::iam::{input::GetServiceLastAccessedDetailsInput, operation};

use super::shared::access_advisor::{job_time, load_job};
use super::shared::Paging;
use crate::api::{Affected, Context, Operation};
use crate::authz::{Authorization, Resource};
use crate::error::ApiError;
use crate::protocol::xml::Element;

pub(crate) struct GetServiceLastAccessedDetails {
    job_id: String,
    paging: Paging,
}

impl Operation for GetServiceLastAccessedDetails {
    type Input = GetServiceLastAccessedDetailsInput;
    const NAME: &'static str = operation::GET_SERVICE_LAST_ACCESSED_DETAILS;

    fn new(input: GetServiceLastAccessedDetailsInput) -> Result<Self, ApiError> {
        Ok(GetServiceLastAccessedDetails {
            job_id: input.job_id,
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
        let (services, paging) = match &job.report {
            Some(report) => report.services_page(&self.paging),
            None => (Vec::new(), vec![Element::boolean("IsTruncated", false)]),
        };
        let mut fields = vec![
            Element::text("JobStatus", job.status()),
            Element::text("JobType", &job.job_type),
            job_time("JobCreationDate", job.created),
            Element::list("ServicesLastAccessed", services),
        ];
        if let Some(completed) = job.completed {
            fields.push(job_time("JobCompletionDate", completed));
        }
        fields.extend(paging);
        fields.extend(job.error_element());
        Ok(Some(Element::parent(
            "GetServiceLastAccessedDetailsResult",
            fields,
        )))
    }
}

//! Which of several operations sharing an HTTP route a request invokes, when only the endpoint
//! it was sent to tells them apart — the one rule for such ties, applied by the REST decoder.
//!
//! In the vendored botocore models the only such pair is S3's `GET /`: `ListBuckets` on S3's
//! regional endpoint (`s3.REGION.amazonaws.com`, or whatever endpoint a client was pointed
//! at) and `ListDirectoryBuckets` on S3 Express One Zone's regional control endpoint
//! (`s3express-control.REGION.amazonaws.com`), which botocore marks with the endpoint
//! parameter `UseS3ExpressControlEndpoint`
//! (docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Regions-and-Zones.html). The
//! tests in `tests/runtime.rs` send a request for every operation of every REST model and fail
//! if any other tie appears.

use crate::model::Operation;

/// The endpoint parameter botocore sets on operations served by S3 Express's control endpoint.
const S3_EXPRESS_CONTROL: &str = "UseS3ExpressControlEndpoint";

/// The host label of S3 Express's regional control endpoint.
const S3_EXPRESS_CONTROL_HOST: &str = "s3express-control.";

/// Whether AWS serves `operation` on S3 Express's control endpoint.
fn on_s3_express_control(operation: &Operation) -> bool {
    operation
        .static_context_params
        .get(S3_EXPRESS_CONTROL)
        .is_some_and(|param| param.value == serde_json::Value::Bool(true))
}

/// Whether `host` (a `Host` header, port and all) is S3 Express's control endpoint.
fn is_s3_express_control(host: Option<&str>) -> bool {
    host.is_some_and(|host| {
        host.get(..S3_EXPRESS_CONTROL_HOST.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(S3_EXPRESS_CONTROL_HOST))
    })
}

/// Of operations that fit a request equally well, those the endpoint `host` serves: on S3
/// Express's control endpoint the ones botocore sends there, elsewhere the others. When the
/// rule removes all or none, the tie stands (and the decoder reports it).
pub(crate) fn served_at<'m>(tied: Vec<&'m Operation>, host: Option<&str>) -> Vec<&'m Operation> {
    let control = is_s3_express_control(host);
    let served: Vec<&'m Operation> = tied
        .iter()
        .copied()
        .filter(|op| on_s3_express_control(op) == control)
        .collect();
    if served.is_empty() {
        tied
    } else {
        served
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_control_endpoints_host_counts() {
        assert!(is_s3_express_control(Some(
            "s3express-control.us-west-2.amazonaws.com"
        )));
        assert!(is_s3_express_control(Some(
            "S3Express-Control.localhost:4577"
        )));
        assert!(!is_s3_express_control(Some("s3.us-west-2.amazonaws.com")));
        assert!(!is_s3_express_control(Some("127.0.0.1:4577")));
        assert!(!is_s3_express_control(None));
    }
}

//! Region and endpoint resolution. The doctor's own order is the Rust and Go one (`AWS_REGION`
//! first); where botocore differs, a finding and a difference say so.

use super::{var_sourced, Resolver};
use crate::model::{Code, Finding, Location, Sdk, Sourced};

impl Resolver<'_, '_> {
    /// The doctor's own order is the Rust/Go one (`AWS_REGION` first); botocore's is noted.
    pub(super) fn region(&mut self, profile: &str) -> Option<Sourced<String>> {
        let env = self.input.env;
        let profile_region = self
            .profile(profile)
            .and_then(|p| p.value("region"))
            .cloned();
        let aws_region = env.get("AWS_REGION");
        let default_region = env.get("AWS_DEFAULT_REGION");
        if self.input.overrides.region.is_none() {
            match (aws_region, default_region) {
                (Some(a), None) => {
                    let boto = profile_region
                        .as_ref()
                        .map(|r| format!("use the profile's region {} instead", r.value))
                        .unwrap_or_else(|| {
                            "fail with NoRegionError (\"You must specify a region.\")".to_owned()
                        });
                    self.findings.push(Finding::warning(
                        Code::AwsRegionIgnoredByBoto3,
                        format!("AWS_REGION={a} is set but AWS_DEFAULT_REGION is not: boto3, botocore and the aws CLI v1 ignore AWS_REGION and would {boto}; set AWS_DEFAULT_REGION too"),
                    ));
                    self.differ(
                        Sdk::Botocore,
                        "region",
                        format!("ignores AWS_REGION and would {boto}"),
                    );
                }
                (Some(a), Some(d)) if a != d => {
                    self.differ(
                        Sdk::Botocore,
                        "region",
                        format!("uses AWS_DEFAULT_REGION ({d}), not AWS_REGION ({a})"),
                    );
                }
                _ => {}
            }
        }
        let chosen = if let Some(r) = &self.input.overrides.region {
            Some(Sourced {
                value: r.clone(),
                location: Location::Flag("--region".to_owned()),
            })
        } else if let Some(v) = aws_region {
            Some(var_sourced("AWS_REGION", v))
        } else if let Some(v) = default_region {
            Some(var_sourced("AWS_DEFAULT_REGION", v))
        } else {
            profile_region.filter(|r| !r.value.is_empty())
        };
        if chosen.is_none() {
            if let Some(r) = self.source_profile_region(profile) {
                self.differ(
                    Sdk::Rust,
                    "region",
                    format!("follows source_profile and uses its region {}", r),
                );
            }
            self.findings.push(Finding::error(
                Code::NoRegion,
                "No region: botocore raises \"You must specify a region.\"; set AWS_DEFAULT_REGION and AWS_REGION, or region in the profile",
            ));
        }
        chosen
    }

    /// The first region up the `source_profile` chain, which the Rust SDK falls back to.
    fn source_profile_region(&self, profile: &str) -> Option<String> {
        let mut seen = vec![profile.to_owned()];
        let mut current = self.profile(profile)?;
        while let Some(next) = current.get("source_profile") {
            if seen.iter().any(|s| s == next) {
                return None;
            }
            seen.push(next.to_owned());
            current = self.profile(next)?;
            if let Some(r) = current.get("region") {
                return Some(r.to_owned());
            }
        }
        None
    }

    /// `--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
    /// `[services]` section, its `endpoint_url`, else the public endpoint.
    pub(super) fn endpoint(
        &mut self,
        profile: &str,
        service_env: &str,
        service: &str,
        region: Option<&Sourced<String>>,
    ) -> Sourced<String> {
        if let Some(u) = &self.input.overrides.endpoint_url {
            return Sourced {
                value: u.clone(),
                location: Location::Flag("--endpoint-url".to_owned()),
            };
        }
        let env = self.input.env;
        let p = self.profile(profile);
        let ignore = env.is_true("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            || p.and_then(|p| p.get("ignore_configured_endpoint_urls"))
                .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        if !ignore {
            let specific = format!("AWS_ENDPOINT_URL_{service_env}");
            if let Some(v) = env.get(&specific) {
                return var_sourced(&specific, v);
            }
            if let Some(v) = env.get("AWS_ENDPOINT_URL") {
                return var_sourced("AWS_ENDPOINT_URL", v);
            }
            if let Some(section) = p.and_then(|p| p.get("services")) {
                if let Some(v) = self
                    .files
                    .services
                    .get(section)
                    .and_then(|s| s.get(service))
                {
                    return v.clone();
                }
            }
            if let Some(v) = p.and_then(|p| p.value("endpoint_url")) {
                return v.clone();
            }
        }
        let value = match (service, region) {
            ("sts", Some(r)) => format!("https://sts.{}.amazonaws.com", r.value),
            _ => format!("https://{service}.amazonaws.com"),
        };
        Sourced {
            value,
            location: Location::Default("AWS public endpoint".to_owned()),
        }
    }
}

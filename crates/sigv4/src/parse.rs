//! Extracting and checking the authentication information of a request, before the secret is known.
#![allow(
    clippy::indexing_slicing,
    reason = "names are indexed only after they are checked non-empty"
)]

use time::OffsetDateTime;

use crate::canonical::{decode_query_element, header, raw_query_pairs};
use crate::error::{ExpiresProblem, MissingPart, ScopeProblem};
use crate::time_fmt::{parse_amz_date, AmzDate};
use crate::{
    AuthError, AuthLocation, CredentialScope, ParsedAuth, SignableRequest, ALGORITHM, MAX_EXPIRES,
    MAX_SKEW,
};

/// The SigV4 values a presigned query can carry (first occurrence of each wins, as in AWS).
#[derive(Default)]
struct QueryAuth {
    algorithm: Option<String>,
    credential: Option<String>,
    signature: Option<String>,
    signed_headers: Option<String>,
    date: Option<String>,
    expires: Option<String>,
    token: Option<String>,
}

fn set_once(slot: &mut Option<String>, value: &[u8]) {
    if slot.is_none() {
        *slot = Some(String::from_utf8_lossy(value).into_owned());
    }
}

/// Decodes every query pair (so a broken escape anywhere is reported first, as AWS does) and
/// picks out the SigV4 parameters.
fn scan_query(query: &str) -> Result<QueryAuth, AuthError> {
    let mut q = QueryAuth::default();
    for (raw_name, raw_value) in raw_query_pairs(query) {
        let name = decode_query_element(raw_name)?;
        let value = decode_query_element(raw_value)?;
        let slot = match name.as_ref() {
            b"X-Amz-Algorithm" => &mut q.algorithm,
            b"X-Amz-Credential" => &mut q.credential,
            b"X-Amz-Signature" => &mut q.signature,
            b"X-Amz-SignedHeaders" => &mut q.signed_headers,
            b"X-Amz-Date" => &mut q.date,
            b"X-Amz-Expires" => &mut q.expires,
            b"X-Amz-Security-Token" => &mut q.token,
            _ => continue,
        };
        set_once(slot, &value);
    }
    Ok(q)
}

/// Parses and syntax-checks a request's SigV4 authentication.
///
/// This runs before the secret is known, so the server can look the access key up by id. It
/// checks, in AWS's order: query escapes, header-vs-query choice, algorithm, missing parts,
/// `host` being signed, the timestamp format, the credential's five elements, the scope's
/// terminator and date, and for presigned requests `X-Amz-Expires`. It does not look at the
/// clock ([`check_time`]) or judge region and service ([`check_scope`]).
pub fn parse(req: &SignableRequest<'_>) -> Result<ParsedAuth, AuthError> {
    let query = scan_query(req.query)?;
    let authorization = header(req, "authorization");
    match (authorization, &query.algorithm) {
        (Some(_), Some(_)) => Err(AuthError::SignatureDoesNotMatch),
        (None, None) => Err(AuthError::MissingAuthenticationToken),
        (Some(value), None) => parse_header_auth(req, value),
        (None, Some(_)) => parse_query_auth(query),
    }
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c| c == ' ' || c == '\t')
}

fn parse_header_auth(req: &SignableRequest<'_>, value: &str) -> Result<ParsedAuth, AuthError> {
    let trimmed = trim(value);
    let (algorithm, params) = trimmed.split_once(' ').unwrap_or((trimmed, ""));
    if algorithm != ALGORITHM {
        return Err(AuthError::UnsupportedAlgorithm {
            algorithm: algorithm.to_owned(),
        });
    }
    let (mut credential, mut signature, mut signed_headers) = (None, None, None);
    for pair in params.split(',').map(trim).filter(|p| !p.is_empty()) {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(AuthError::MalformedAuthorizationPair {
                pair: pair.to_owned(),
                authorization: value.to_owned(),
            });
        };
        let v = trim(v);
        match trim(k) {
            "Credential" => credential = Some(v),
            "Signature" => signature = Some(v),
            "SignedHeaders" => signed_headers = Some(v),
            _ => {}
        }
    }
    let date = header(req, "x-amz-date")
        .or_else(|| header(req, "date"))
        .map(trim);
    let mut missing = Vec::new();
    if credential.is_none() {
        missing.push(MissingPart::Credential);
    }
    if signature.is_none() {
        missing.push(MissingPart::Signature);
    }
    if signed_headers.is_none() {
        missing.push(MissingPart::SignedHeaders);
    }
    if date.is_none() {
        missing.push(MissingPart::Date);
    }
    let (Some(credential), Some(signature), Some(signed_headers), Some(date)) =
        (credential, signature, signed_headers, date)
    else {
        return Err(AuthError::MissingAuthorizationParts {
            missing,
            authorization: value.to_owned(),
        });
    };
    let token = header(req, "x-amz-security-token").map(|t| trim(t).to_owned());
    finish(Fields {
        credential,
        signature,
        signed_headers,
        date,
        token,
        location: AuthLocation::Header,
        expires: None,
    })
}

fn parse_query_auth(query: QueryAuth) -> Result<ParsedAuth, AuthError> {
    if query.algorithm.as_deref() != Some(ALGORITHM) {
        return Err(AuthError::MissingAuthenticationToken);
    }
    let mut missing = Vec::new();
    if query.credential.is_none() {
        missing.push(MissingPart::Credential);
    }
    if query.signature.is_none() {
        missing.push(MissingPart::Signature);
    }
    if query.signed_headers.is_none() {
        missing.push(MissingPart::SignedHeaders);
    }
    if query.date.is_none() {
        missing.push(MissingPart::Date);
    }
    let (Some(credential), Some(signature), Some(signed_headers), Some(date)) = (
        query.credential.as_deref(),
        query.signature.as_deref(),
        query.signed_headers.as_deref(),
        query.date.as_deref(),
    ) else {
        return Err(AuthError::MissingQueryParameters { missing });
    };
    finish(Fields {
        credential,
        signature,
        signed_headers,
        date,
        token: query.token.clone(),
        location: AuthLocation::QueryString,
        expires: Some(query.expires.as_deref()),
    })
}

struct Fields<'a> {
    credential: &'a str,
    signature: &'a str,
    signed_headers: &'a str,
    date: &'a str,
    token: Option<String>,
    location: AuthLocation,
    /// `None` for header auth; `Some(None)` for a presigned request without `X-Amz-Expires`.
    expires: Option<Option<&'a str>>,
}

fn finish(f: Fields<'_>) -> Result<ParsedAuth, AuthError> {
    let mut signed_headers: Vec<String> = f
        .signed_headers
        .split(';')
        .map(trim)
        .filter(|h| !h.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    signed_headers.sort_unstable();
    signed_headers.dedup();
    if !signed_headers
        .iter()
        .any(|h| h == "host" || h == ":authority")
    {
        return Err(AuthError::HostNotSigned);
    }

    let request_time = parse_amz_date(f.date).ok_or_else(|| AuthError::InvalidDate {
        value: f.date.to_owned(),
    })?;

    // Java's String.split, which AWS uses, drops trailing empty elements: "a/b/c/d/e/" has five.
    let credential = f.credential.trim_end_matches('/');
    let parts: Vec<&str> = credential.split('/').collect();
    let [access_key_id, date, region, service, terminator] = parts[..] else {
        return Err(AuthError::MalformedCredential {
            credential: f.credential.to_owned(),
        });
    };

    let mut problems = Vec::new();
    if terminator != "aws4_request" {
        problems.push(ScopeProblem::Terminator {
            got: terminator.to_owned(),
        });
    }
    let amz = AmzDate::new(request_time);
    if date != amz.date() {
        problems.push(ScopeProblem::Date {
            scope_date: date.to_owned(),
            request_date: amz.date().to_owned(),
            request_time: amz.as_str().to_owned(),
        });
    }
    if !problems.is_empty() {
        return Err(AuthError::InvalidScope { problems });
    }

    let expires_in = match f.expires {
        None | Some(None) => None,
        Some(Some(raw)) => Some(parse_expires(raw)?),
    };

    Ok(ParsedAuth {
        access_key_id: access_key_id.to_owned(),
        scope: CredentialScope {
            date: date.to_owned(),
            region: region.to_owned(),
            service: service.to_owned(),
        },
        signed_headers,
        signature: f.signature.to_owned(),
        request_time,
        session_token: f.token,
        location: f.location,
        expires_in,
    })
}

fn parse_expires(raw: &str) -> Result<u64, AuthError> {
    if raw.starts_with('-') && raw.len() > 1 && raw[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(AuthError::InvalidExpires(ExpiresProblem::Negative));
    }
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AuthError::InvalidExpires(ExpiresProblem::NotANumber));
    }
    match raw.parse::<u64>() {
        Ok(v) if v <= MAX_EXPIRES => Ok(v),
        _ => Err(AuthError::InvalidExpires(ExpiresProblem::TooLarge)),
    }
}

/// Rejects requests signed more than 15 minutes before or after `now`.
///
/// Presigned requests get the same window counted from `X-Amz-Date`, and `X-Amz-Expires` is not
/// consulted: that is what STS does (it ignores `X-Amz-Expires`, so a presigned
/// `GetCallerIdentity` lives exactly 15 minutes whatever it says — aws/aws-sdk-go#2167,
/// kubernetes-sigs/aws-iam-authenticator#258, which relies on it with `X-Amz-Expires=60`), and
/// it answers an old one with the same "Signature expired" message as a skewed header request.
/// `X-Amz-Expires` is still range-checked by [`parse`] and exposed in [`ParsedAuth::expires_in`]
/// for S3-style services that honour it.
pub fn check_time(auth: &ParsedAuth, now: OffsetDateTime) -> Result<(), AuthError> {
    let now = now.replace_nanosecond(0).unwrap_or(now);
    if auth.request_time < now.saturating_sub(MAX_SKEW) {
        return Err(AuthError::SignatureExpired {
            request_time: auth.request_time,
            now,
        });
    }
    if auth.request_time > now.saturating_add(MAX_SKEW) {
        return Err(AuthError::SignatureNotYetCurrent {
            request_time: auth.request_time,
            now,
        });
    }
    Ok(())
}

/// Refuses a presigned request used after `X-Amz-Date` + `X-Amz-Expires` (inclusive of its
/// last second, as S3 counts). Header-signed requests have no expiry beyond [`check_time`].
pub fn check_expiry(auth: &ParsedAuth, now: OffsetDateTime) -> Result<(), AuthError> {
    let Some(expires_in) = auth.expires_in else {
        return Ok(());
    };
    let seconds = i64::try_from(expires_in).unwrap_or(i64::MAX);
    let expired_at = auth
        .request_time
        .saturating_add(time::Duration::seconds(seconds));
    let now = now.replace_nanosecond(0).unwrap_or(now);
    if now > expired_at {
        Err(AuthError::RequestExpired { expired_at, now })
    } else {
        Ok(())
    }
}

/// A region name as AWS forms them (`us-east-1`, `us-gov-west-1`, `eu-west-3`, or a local one such
/// as `local`): lowercase letters, digits and single hyphens, starting with a letter.
fn valid_region(region: &str) -> bool {
    let b = region.as_bytes();
    !b.is_empty()
        && b.len() <= 32
        && b[0].is_ascii_lowercase()
        && b[b.len() - 1] != b'-'
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !region.contains("--")
}

/// Checks that the credential scope names a well-formed region and a service this endpoint
/// serves.
///
/// Any syntactically valid region is accepted, because an emulator serves every region from one
/// place. `allowed_services[0]` is the service named in the error message, the way AWS names the
/// endpoint's own service.
pub fn check_scope(auth: &ParsedAuth, allowed_services: &[&str]) -> Result<(), AuthError> {
    let mut problems = Vec::new();
    if !valid_region(&auth.scope.region) {
        problems.push(ScopeProblem::Region);
    }
    if !allowed_services.contains(&auth.scope.service.as_str()) {
        problems.push(ScopeProblem::Service {
            expected: allowed_services
                .first()
                .copied()
                .unwrap_or_default()
                .to_owned(),
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AuthError::InvalidScope { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presigned_urls_expire_after_their_last_second() {
        let signed = time::macros::datetime!(2026-01-01 0:00 UTC);
        let auth = ParsedAuth {
            access_key_id: "AKIDEXAMPLE".to_owned(),
            scope: crate::CredentialScope {
                date: "20260101".to_owned(),
                region: "us-east-1".to_owned(),
                service: "s3".to_owned(),
            },
            signed_headers: vec!["host".to_owned()],
            signature: String::new(),
            request_time: signed,
            session_token: None,
            location: crate::AuthLocation::QueryString,
            expires_in: Some(60),
        };
        assert_eq!(
            check_expiry(&auth, signed + time::Duration::seconds(60)),
            Ok(())
        );
        let late = signed + time::Duration::seconds(61);
        assert_eq!(
            check_expiry(&auth, late).map_err(|e| (e.code(), e.message())),
            Err(("AccessDenied", "Request has expired".to_owned()))
        );
        let header = ParsedAuth {
            expires_in: None,
            ..auth
        };
        assert_eq!(check_expiry(&header, late), Ok(()));
    }

    #[test]
    fn regions() {
        for ok in [
            "us-east-1",
            "eu-west-3",
            "local",
            "us-gov-west-1",
            "cn-north-1",
            "a",
        ] {
            assert!(valid_region(ok), "{ok}");
        }
        for bad in [
            "",
            "US-EAST-1",
            "us_east_1",
            "-us",
            "us-",
            "us--east",
            "1us",
            "us east",
        ] {
            assert!(!valid_region(bad), "{bad}");
        }
    }

    #[test]
    fn expires_values() {
        assert_eq!(parse_expires("0"), Ok(0));
        assert_eq!(parse_expires("604800"), Ok(604_800));
        assert_eq!(
            parse_expires("604801"),
            Err(AuthError::InvalidExpires(ExpiresProblem::TooLarge))
        );
        assert_eq!(
            parse_expires("99999999999999999999999"),
            Err(AuthError::InvalidExpires(ExpiresProblem::TooLarge))
        );
        assert_eq!(
            parse_expires("-5"),
            Err(AuthError::InvalidExpires(ExpiresProblem::Negative))
        );
        for bad in ["", "abc", "1.5", "+5", "-"] {
            assert_eq!(
                parse_expires(bad),
                Err(AuthError::InvalidExpires(ExpiresProblem::NotANumber)),
                "{bad}"
            );
        }
    }
}

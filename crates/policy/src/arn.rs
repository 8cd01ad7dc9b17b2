//! Amazon Resource Names.

use std::fmt;
use std::str::FromStr;

/// A parsed ARN: `arn:partition:service:region:account:resource`.
///
/// The resource part keeps any further colons (`log-group:/aws/lambda/f:log-stream:s`), because
/// AWS splits only on the first five; region and account may be empty (`arn:aws:s3:::bucket`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Arn {
    partition: String,
    service: String,
    region: String,
    account: String,
    resource: String,
}

/// Why text is not an ARN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArnError {
    /// The text does not start with `arn:`.
    #[error("ARN must start with \"arn:\": {0}")]
    MissingPrefix(String),
    /// Fewer than six colon-separated parts.
    #[error("ARN must have six colon-separated parts: {0}")]
    TooFewParts(String),
    /// Partition, service or resource is empty.
    #[error("ARN has an empty {part}: {arn}")]
    EmptyPart {
        /// Which part is empty.
        part: &'static str,
        /// The offending text.
        arn: String,
    },
}

impl Arn {
    /// Parses ARN text with AWS's segment rules.
    pub fn parse(text: &str) -> Result<Arn, ArnError> {
        let parts = crate::glob::split_arn_text(text)
            .ok_or_else(|| ArnError::TooFewParts(text.to_owned()))?;
        let [prefix, partition, service, region, account, resource] = parts;
        if prefix != "arn" {
            return Err(ArnError::MissingPrefix(text.to_owned()));
        }
        for (part, value) in [
            ("partition", partition),
            ("service", service),
            ("resource", resource),
        ] {
            if value.is_empty() {
                return Err(ArnError::EmptyPart {
                    part,
                    arn: text.to_owned(),
                });
            }
        }
        Ok(Arn {
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource: resource.to_owned(),
        })
    }

    /// The partition (`aws`, `aws-cn`, `aws-us-gov`, …).
    pub fn partition(&self) -> &str {
        &self.partition
    }

    /// The service namespace (`s3`, `iam`, …).
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The region, empty for global resources.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The owning account, empty for resources such as S3 buckets.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// Everything after the fifth colon.
    pub fn resource(&self) -> &str {
        &self.resource
    }
}

impl FromStr for Arn {
    type Err = ArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Arn::parse(s)
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:{}:{}:{}:{}",
            self.partition, self.service, self.region, self.account, self.resource
        )
    }
}

/// A twelve-digit AWS account ID.
///
/// A newtype so that account comparisons (same-account vs cross-account evaluation, account
/// principals) cannot be confused with other strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

/// Text that is not a twelve-digit account ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("account ID must be twelve digits: {0}")]
pub struct AccountIdError(pub String);

impl AccountId {
    /// Accepts exactly twelve ASCII digits.
    pub fn parse(text: &str) -> Result<AccountId, AccountIdError> {
        if text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(AccountId(text.to_owned()))
        } else {
            Err(AccountIdError(text.to_owned()))
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for AccountId {
    type Err = AccountIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountId::parse(s)
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_segments() {
        let arn = Arn::parse("arn:aws:logs:us-east-1:123456789012:log-group:/a:log-stream:b");
        let Ok(arn) = arn else { unreachable!() };
        assert_eq!(arn.service(), "logs");
        assert_eq!(arn.resource(), "log-group:/a:log-stream:b");
        assert_eq!(
            arn.to_string(),
            "arn:aws:logs:us-east-1:123456789012:log-group:/a:log-stream:b"
        );
        assert!(Arn::parse("arn:aws:s3:::bucket").is_ok());
        assert!(Arn::parse("arn:aws:s3::bucket").is_err());
        assert!(Arn::parse("urn:aws:s3:::bucket").is_err());
    }

    #[test]
    fn account_ids() {
        assert!(AccountId::parse("123456789012").is_ok());
        assert!(AccountId::parse("12345678901").is_err());
        assert!(AccountId::parse("12345678901a").is_err());
    }
}

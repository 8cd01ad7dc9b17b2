//! Records as the store keeps them. Handlers build these; backends persist them verbatim.

use time::OffsetDateTime;

use crate::secrets::SealedSecret;

/// Stable identifier of an IAM user (`AIDA…`), which survives renames.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UserId(pub String);

/// Who owns an access key: the account's root user or an IAM user.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyOwner {
    /// The account root user.
    Root,
    /// An IAM user, by its stable id.
    User(UserId),
}

/// An IAM user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// Stable id (`AIDA…`), also the principal id AWS reports.
    pub user_id: UserId,
    /// Name as the caller spelled it; unique case-insensitively.
    pub name: String,
    /// IAM path, `/` by default, always starts and ends with `/`.
    pub path: String,
    /// Creation time, second precision.
    pub create_date: OffsetDateTime,
}

/// One tag on an IAM entity. Keys are unique case-insensitively per entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// Tag key as the caller spelled it.
    pub key: String,
    /// Tag value, possibly empty.
    pub value: String,
}

/// Whether an access key may authenticate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKeyStatus {
    /// The key authenticates.
    Active,
    /// The key exists but is refused as if unknown.
    Inactive,
}

impl AccessKeyStatus {
    /// The wire and storage spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessKeyStatus::Active => "Active",
            AccessKeyStatus::Inactive => "Inactive",
        }
    }

    /// Parses AWS's spelling, which is case-sensitive.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "Active" => Some(AccessKeyStatus::Active),
            "Inactive" => Some(AccessKeyStatus::Inactive),
            _ => None,
        }
    }
}

/// When, where and for which service an access key last authenticated a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessKeyLastUsed {
    /// Time of the request.
    pub date: OffsetDateTime,
    /// Signing service of the request, e.g. `sts`.
    pub service: String,
    /// Signing region of the request.
    pub region: String,
}

/// A long-term access key. The secret is only ever held sealed under the master key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessKey {
    /// `AKIA…` id, globally unique.
    pub access_key_id: String,
    /// Owner of the key.
    pub owner: KeyOwner,
    /// Active or inactive.
    pub status: AccessKeyStatus,
    /// Creation time, second precision.
    pub create_date: OffsetDateTime,
    /// The secret access key, sealed.
    pub secret: SealedSecret,
    /// Last authenticated use, if any.
    pub last_used: Option<AccessKeyLastUsed>,
}

/// One page of a listing, in AWS's `Marker`/`IsTruncated` style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Opaque marker for the next page, present when the listing is truncated.
    pub next_marker: Option<String>,
}

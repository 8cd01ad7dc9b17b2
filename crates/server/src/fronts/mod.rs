//! Fronts beside the API: the credential endpoints (instance metadata, container
//! credentials), the Keyspaces-style CQL listener, and the OIDC discovery documents of the
//! account's outbound issuer. Each that acts for a caller authenticates and authorizes through
//! the same layers as the API; the discovery documents are public, as OIDC wants them.

pub mod cloudtrail;
pub mod gateway;
pub mod issuer;
pub mod keyspaces;
pub mod vending;

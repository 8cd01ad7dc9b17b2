//! Fronts beside the API: the credential endpoints (instance metadata, container
//! credentials) and the Keyspaces-style CQL listener. Each authenticates and authorizes through
//! the same layers as the API.

pub mod keyspaces;
pub mod vending;

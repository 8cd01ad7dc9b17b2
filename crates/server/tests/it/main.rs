//! The server's integration tests, one binary: each module drives a real `keyward serve`
//! in-process through the AWS SDK for Rust; `common` starts it and builds the clients.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on purpose"
)]

mod accounts;
mod advisor;
mod certificates;
mod common;
mod console;
mod delegation;
mod enforcement;
mod guides;
mod mfa;
mod outbound_federation;
mod saml;
mod sdk;
mod service_linked;
mod sessions;
mod simulate;
mod startup;
mod validation;

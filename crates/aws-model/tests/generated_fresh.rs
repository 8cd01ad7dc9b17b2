//! The checked-in `src/generated/*.rs` are what the generator writes for the vendored models
//! (compared modulo rustfmt's layout: whitespace and trailing commas).

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on purpose and indexes data it has just checked"
)]

#[path = "../src/bin/generate/render.rs"]
mod render;

use keyward_aws_model::{embedded, Service};

fn normalize(code: &str) -> String {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .replace(",}", "}")
        .replace(",]", "]")
        .replace(",)", ")")
}

#[test]
fn generated_code_is_current() {
    for (service, file) in [
        (Service::Iam, "iam"),
        (Service::Sts, "sts"),
        (Service::Organizations, "organizations"),
    ] {
        let expected = render::render(file, embedded(service).unwrap()).unwrap();
        let path = format!("{}/src/generated/{file}.rs", env!("CARGO_MANIFEST_DIR"));
        let checked_in = std::fs::read_to_string(&path).unwrap();
        assert!(
            normalize(&expected) == normalize(&checked_in),
            "{path} is stale: run `cargo run -p keyward-aws-model --bin generate`"
        );
    }
}

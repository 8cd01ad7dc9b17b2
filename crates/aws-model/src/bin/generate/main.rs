//! Writes `src/generated/{iam,sts,organizations}.rs` from the embedded models, then formats
//! them: `cargo run -p keyward-aws-model --bin generate`.

mod render;

use std::path::PathBuf;
use std::process::Command;

use keyward_aws_model::{embedded, Service};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/generated");
    for (service, file) in [
        (Service::Iam, "iam"),
        (Service::Sts, "sts"),
        (Service::Organizations, "organizations"),
    ] {
        let model = embedded(service)?;
        let path = dir.join(format!("{file}.rs"));
        std::fs::write(&path, render::render(file, model)?)?;
        let formatted = Command::new("rustfmt")
            .args(["--edition", "2021"])
            .arg(&path)
            .status()?;
        if !formatted.success() {
            return Err(format!("rustfmt failed on {}", path.display()).into());
        }
        println!("wrote {}", path.display());
    }
    Ok(())
}

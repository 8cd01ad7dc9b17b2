//! Writes `src/generated/{iam,sts,organizations}.rs` from the embedded models:
//! `cargo run -p keyward-aws-model --bin generate` (from the workspace root or the crate).

use std::fmt::Write as _;
use std::path::PathBuf;

use keyward_aws_model::{embedded, Service, ServiceModel};

/// `CreateUser` → `CREATE_USER`; `GetOpenIDConnectProvider` → `GET_OPEN_ID_CONNECT_PROVIDER`.
fn screaming_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if boundary {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

fn quoted(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_owned(),
    }
}

fn render(file: &str, model: &ServiceModel) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    writeln!(
        out,
        "//! Generated from `models/{file}/service-2.json` by `cargo run -p keyward-aws-model --bin \
         generate`.\n//! Do not edit; regenerate after refreshing the model.\n"
    )?;
    writeln!(out, "use super::{{ErrorInfo, OperationInfo}};\n")?;
    writeln!(out, "/// API version of the model.")?;
    writeln!(
        out,
        "pub const API_VERSION: &str = {:?};\n",
        model.metadata.api_version
    )?;
    writeln!(out, "/// Operation names, as constants.")?;
    writeln!(out, "pub mod operation {{")?;
    for op in model.operations() {
        writeln!(out, "    /// `{}`.", op.name)?;
        writeln!(
            out,
            "    pub const {}: &str = {:?};",
            screaming_snake(&op.name),
            op.name
        )?;
    }
    writeln!(out, "}}\n")?;
    writeln!(out, "/// Every operation, sorted by name.")?;
    writeln!(out, "pub const OPERATIONS: &[OperationInfo] = &[")?;
    for op in model.operations() {
        writeln!(out, "    OperationInfo {{")?;
        writeln!(
            out,
            "        name: operation::{},",
            screaming_snake(&op.name)
        )?;
        writeln!(
            out,
            "        input: {},",
            quoted(op.input.as_ref().map(|i| i.shape.as_str()))
        )?;
        writeln!(
            out,
            "        output: {},",
            quoted(op.output.as_ref().map(|o| o.shape.as_str()))
        )?;
        let wrapper = op.output.as_ref().and_then(|o| o.result_wrapper.as_deref());
        writeln!(out, "        result_wrapper: {},", quoted(wrapper))?;
        let errors = model.operation_errors(&op.name).unwrap_or_default();
        if errors.is_empty() {
            writeln!(out, "        errors: &[],")?;
        } else {
            writeln!(out, "        errors: &[")?;
            for e in errors {
                writeln!(
                    out,
                    "            ErrorInfo {{ shape: {:?}, code: {:?}, http_status: {}, sender_fault: {} }},",
                    e.shape, e.code, e.http_status, e.sender_fault
                )?;
            }
            writeln!(out, "        ],")?;
        }
        writeln!(out, "    }},")?;
    }
    writeln!(out, "];")?;
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/generated");
    for (service, file) in [
        (Service::Iam, "iam"),
        (Service::Sts, "sts"),
        (Service::Organizations, "organizations"),
    ] {
        let model = embedded(service)?;
        let path = dir.join(format!("{file}.rs"));
        std::fs::write(&path, render(file, model)?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

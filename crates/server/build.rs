//! Writes the API's dispatch table: one entry for every type that implements `Operation` or
//! `UnsignedOperation` in a file of `src/api/iam/`, `src/api/organizations/` or `src/api/sts/`, so that adding an
//! operation is its file and its `mod` line, and no table can miss one.

#![allow(
    clippy::expect_used,
    reason = "a build script reports failure by panicking"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// (directory under `src/api`, the `Service` variant it serves).
const SERVICES: &[(&str, &str)] = &[
    ("iam", "Iam"),
    ("organizations", "Organizations"),
    ("sts", "Sts"),
];

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut table = String::from(
        "// Written by build.rs from the operation files in src/api/<service>.\n\
         /// Every operation served, by service and name.\n\
         pub static OPERATIONS: &[OperationEntry] = &[\n",
    );
    for (dir, service) in SERVICES {
        let dir_path = Path::new(&manifest).join("src/api").join(dir);
        println!("cargo:rerun-if-changed={}", dir_path.display());
        let mut files: Vec<_> = fs::read_dir(&dir_path)
            .expect("src/api/<service> exists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let module = file
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("utf-8 name");
            let text = fs::read_to_string(&file).expect("readable source");
            for (kind, marker) in [
                ("signed", "impl Operation for "),
                ("unsigned", "impl UnsignedOperation for "),
            ] {
                for line in text.lines().filter(|l| l.starts_with(marker)) {
                    let ty: String = line[marker.len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    writeln!(
                        table,
                        "    OperationEntry::{kind}::<crate::api::{dir}::{module}::{ty}>(Service::{service}),"
                    )
                    .expect("writing to a string");
                }
            }
        }
    }
    table.push_str("];\n");
    fs::write(Path::new(&out).join("operations.rs"), table).expect("OUT_DIR is writable");
}

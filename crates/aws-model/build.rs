//! Generates the table of vendored service models from `models/all/index.tsv`, so that adding a
//! service is a matter of re-running `refresh-models`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let index_path = Path::new(&manifest).join("models/all/index.tsv");
    println!("cargo:rerun-if-changed={}", index_path.display());
    let index = std::fs::read_to_string(&index_path).unwrap_or_default();
    let mut table = String::from("[\n");
    let mut count = 0usize;
    for line in index
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [service, signing_name, endpoint_prefix, target_prefix, protocol] = fields[..] else {
            continue;
        };
        let _ = writeln!(
            table,
            "    CatalogEntry {{ service: {service:?}, signing_name: {signing_name:?}, \
             endpoint_prefix: {endpoint_prefix:?}, target_prefix: {target_prefix:?}, \
             protocol: {protocol:?}, compressed: include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \
             \"/models/all/{service}.json.gz\")), \
             loaded: std::sync::OnceLock::new() }},"
        );
        count += 1;
    }
    table.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("catalog.rs");
    let code = format!(
        "/// Every vendored model, in `index.tsv` order.\n\
         static CATALOG: [CatalogEntry; {count}] = {table};\n"
    );
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

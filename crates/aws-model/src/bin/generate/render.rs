//! The text of `src/generated/{iam,sts,organizations}.rs`, shared by the generator and the test
//! that checks the checked-in files are current.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use keyward_aws_model::{ServiceModel, ShapeType};

const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// `UserName` → `user_name`, keywords raw (`r#type`).
fn field_name(member: &str) -> String {
    let snake = screaming_snake(member).to_lowercase();
    if RUST_KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// `tagListType` → `TagListType`.
fn type_name(shape: &str) -> String {
    let mut chars = shape.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes typed structs for operation inputs and the structures they reach.
struct TypedInputs<'m> {
    model: &'m ServiceModel,
    /// Struct code by type name, sorted for stable output.
    structs: BTreeMap<String, String>,
    /// Structures being written, to box direct recursion.
    in_progress: HashSet<String>,
}

impl TypedInputs<'_> {
    fn rust_type(&mut self, shape_name: &str) -> Result<String, String> {
        let shape = self
            .model
            .shape(shape_name)
            .ok_or_else(|| format!("no shape {shape_name}"))?;
        Ok(match shape.shape_type {
            ShapeType::String | ShapeType::Blob => "String".to_owned(),
            ShapeType::Integer
            | ShapeType::Long
            | ShapeType::Byte
            | ShapeType::Short
            | ShapeType::Biginteger => "i64".to_owned(),
            ShapeType::Double | ShapeType::Float | ShapeType::Bigdecimal => "f64".to_owned(),
            ShapeType::Boolean => "bool".to_owned(),
            ShapeType::Timestamp => "time::OffsetDateTime".to_owned(),
            ShapeType::Document => "serde_json::Value".to_owned(),
            ShapeType::List => {
                let element = shape.member.as_ref().ok_or("list without member")?;
                format!("Vec<{}>", self.rust_type(&element.shape)?)
            }
            ShapeType::Map => {
                let value = shape.value.as_ref().ok_or("map without value")?;
                format!("crate::typed::Entries<{}>", self.rust_type(&value.shape)?)
            }
            ShapeType::Structure => {
                let name = type_name(shape_name);
                if self.in_progress.contains(&name) {
                    format!("Box<{name}>")
                } else {
                    self.structure(shape_name, &name, &format!("Shape `{shape_name}`."))?;
                    name
                }
            }
        })
    }

    fn structure(&mut self, shape_name: &str, name: &str, doc: &str) -> Result<(), String> {
        if self.structs.contains_key(name) {
            return Ok(());
        }
        self.in_progress.insert(name.to_owned());
        let shape = self
            .model
            .shape(shape_name)
            .ok_or_else(|| format!("no shape {shape_name}"))?;
        let mut fields = String::new();
        let mut reads = String::new();
        let mut seen = HashSet::new();
        for (member, m) in &shape.members {
            let field = field_name(member);
            if !seen.insert(field.clone()) {
                return Err(format!("{shape_name}: two members named {field}"));
            }
            let ty = self.rust_type(&m.shape)?;
            let required = shape.is_required(member);
            let sensitive = if self.model.is_sensitive(m) {
                " Sensitive."
            } else {
                ""
            };
            if required {
                let _ = writeln!(
                    fields,
                    "    /// `{member}` (required).{sensitive}\n    pub {field}: {ty},"
                );
                let _ = writeln!(reads, "            {field}: required(tree, {member:?})?,");
            } else {
                let _ = writeln!(
                    fields,
                    "    /// `{member}`.{sensitive}\n    pub {field}: Option<{ty}>,"
                );
                let _ = writeln!(reads, "            {field}: optional(tree, {member:?})?,");
            }
        }
        let tree = if shape.members.is_empty() {
            "_tree"
        } else {
            "tree"
        };
        let code = format!(
            "/// {doc}\n#[derive(Clone, Debug, PartialEq)]\npub struct {name} {{\n{fields}}}\n\n\
             impl FromValue for {name} {{\n    \
             fn from_value(value: &Value, member: &'static str) -> Result<Self, FromValueError> {{\n        \
             let {tree} = structure(value, member)?;\n        \
             Ok(Self {{\n{reads}        }})\n    }}\n}}\n"
        );
        self.in_progress.remove(name);
        self.structs.insert(name.to_owned(), code);
        Ok(())
    }
}

fn render_inputs(model: &ServiceModel) -> Result<String, String> {
    let mut typed = TypedInputs {
        model,
        structs: BTreeMap::new(),
        in_progress: HashSet::new(),
    };
    let shape_types: HashSet<String> = model.shapes().map(|(n, _)| type_name(n)).collect();
    for op in model.operations() {
        if let Some(input) = &op.input {
            let name = format!("{}Input", op.name);
            if shape_types.contains(&name) {
                return Err(format!("{name} is also a shape's type name"));
            }
            let doc = format!("Input of `{}` (shape `{}`).", op.name, input.shape);
            typed.structure(&input.shape, &name, &doc)?;
        }
    }
    let mut out = String::from(
        "/// Typed operation inputs and the structures they contain, built from a validated member\n\
         /// tree with [`FromValue`](crate::typed::FromValue).\npub mod input {\n    \
         use crate::typed::{optional, required, structure, FromValue, FromValueError};\n    \
         use crate::Value;\n",
    );
    for code in typed.structs.values() {
        out.push('\n');
        for line in code.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str("}\n");
    Ok(out)
}

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

fn render_tables(file: &str, model: &ServiceModel) -> Result<String, std::fmt::Error> {
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

/// The whole generated file for `model` (`file` names its model directory).
pub fn render(file: &str, model: &ServiceModel) -> Result<String, String> {
    let mut code = render_tables(file, model).map_err(|e| e.to_string())?;
    code.push('\n');
    code.push_str(&render_inputs(model)?);
    Ok(code)
}

//! The INI dialect of `~/.aws/config` and `~/.aws/credentials`, read as botocore's
//! `configparser` reads it, keeping line numbers so that every value can be pointed at.

/// One `key = value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// Key, lower-cased as `configparser` does.
    pub key: String,
    /// Value, trimmed; empty when the key only introduces indented sub-properties.
    pub value: String,
    /// 1-based line.
    pub line: usize,
    /// Indented `key = value` lines below an empty value (e.g. in `[services x]`).
    pub children: Vec<Property>,
}

/// One `[header]` and its properties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The text between the brackets, trimmed.
    pub header: String,
    /// 1-based line of the header.
    pub line: usize,
    /// Properties in file order.
    pub properties: Vec<Property>,
}

/// A line the parser could not read, which botocore rejects as a parse error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: &'static str,
}

/// Parses a file into sections; a repeated section is kept twice, the caller decides.
pub fn parse(text: &str) -> Result<Vec<Section>, ParseError> {
    let mut sections: Vec<Section> = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        let indented = raw.starts_with(' ') || raw.starts_with('\t');
        if !indented && trimmed.starts_with('[') {
            let Some(end) = trimmed.find(']') else {
                return Err(ParseError {
                    line,
                    problem: "section header without `]`",
                });
            };
            sections.push(Section {
                header: trimmed[1..end].trim().to_owned(),
                line,
                properties: Vec::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(ParseError {
                line,
                problem: "property before the first section header",
            });
        };
        if indented {
            if let Some(parent) = section.properties.last_mut() {
                if parent.value.is_empty() || !parent.children.is_empty() {
                    if let Some(child) = key_value(trimmed, line) {
                        parent.children.push(child);
                    }
                } else {
                    parent.value.push('\n');
                    parent.value.push_str(trimmed);
                }
                continue;
            }
        }
        match key_value(trimmed, line) {
            Some(p) => section.properties.push(p),
            None => {
                return Err(ParseError {
                    line,
                    problem: "expected `key = value`",
                })
            }
        }
    }
    Ok(sections)
}

fn key_value(text: &str, line: usize) -> Option<Property> {
    let split = text.find(['=', ':'])?;
    let key = text[..split].trim().to_ascii_lowercase();
    if key.is_empty() {
        return None;
    }
    Some(Property {
        key,
        value: text[split + 1..].trim().to_owned(),
        line,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_properties_and_sub_properties() {
        let text =
            "# c\n[default]\nRegion = eu-west-1\n[services s]\nsts =\n  endpoint_url = http://x\n";
        let s = parse(text).expect("parses");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].properties[0].key, "region");
        assert_eq!(s[0].properties[0].line, 3);
        assert_eq!(s[1].properties[0].children[0].value, "http://x");
    }

    #[test]
    fn rejects_a_property_before_any_section() {
        assert_eq!(parse("a = b\n").map_err(|e| e.line), Err(1));
    }
}

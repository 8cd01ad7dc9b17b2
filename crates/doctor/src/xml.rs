//! Just enough XML for AWS Query responses: elements, text and the five entities. AWS answers
//! are small, attribute-free trees, so a tree builder is simpler than a streaming parser.

/// One element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    /// Local name (any `prefix:` dropped).
    pub name: String,
    /// Concatenated, unescaped text directly inside the element, trimmed.
    pub text: String,
    /// Child elements in order.
    pub children: Vec<Node>,
}

impl Node {
    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// All children with this name (`member` lists).
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first element with this name anywhere below, depth first.
    pub fn find(&self, name: &str) -> Option<&Node> {
        self.children.iter().find_map(|c| {
            if c.name == name {
                Some(c)
            } else {
                c.find(name)
            }
        })
    }

    /// The text of the first element with this name anywhere below.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.find(name).map(|n| n.text.as_str())
    }
}

/// Parses a document into its root element; `None` when it is not well-formed enough to use.
pub fn parse(doc: &str) -> Option<Node> {
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut rest = doc;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !text.trim().is_empty() {
            stack.last_mut()?.text.push_str(&unescape(text));
        }
        rest = &rest[lt..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let end = rest.find('>')?;
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest.find('>')?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(closing) = tag.strip_prefix('/') {
            let node = stack.pop()?;
            if local(closing.trim()) != node.name {
                return None;
            }
            finish(stack.last_mut()?, node);
        } else {
            let self_closing = tag.ends_with('/');
            let name = tag.trim_end_matches('/').split_whitespace().next()?;
            let node = Node {
                name: local(name).to_owned(),
                ..Node::default()
            };
            if self_closing {
                finish(stack.last_mut()?, node);
            } else {
                stack.push(node);
            }
        }
    }
    let mut top = stack.pop()?;
    if !stack.is_empty() || top.children.len() != 1 {
        return None;
    }
    top.children.pop()
}

fn finish(parent: &mut Node, mut node: Node) {
    node.text = node.text.trim().to_owned();
    parent.children.push(node);
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_error_response() {
        let doc = r#"<?xml version="1.0"?><ErrorResponse xmlns="x"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>a &amp; b</Message></Error><RequestId/></ErrorResponse>"#;
        let root = parse(doc).expect("parses");
        assert_eq!(root.name, "ErrorResponse");
        assert_eq!(root.text_of("Code"), Some("AccessDenied"));
        assert_eq!(root.text_of("Message"), Some("a & b"));
    }

    #[test]
    fn rejects_mismatched_tags() {
        assert_eq!(parse("<a><b></a>"), None);
    }
}

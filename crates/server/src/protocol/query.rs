//! The AWS Query protocol's request side: `Action`, `Version` and parameters from the query
//! string and/or a form-encoded body, with `.member.N` lists and `.entry.N` maps.

use std::collections::BTreeMap;

/// Names of the presigned-URL authentication parameters, which are not operation input.
fn is_auth_param(name: &str) -> bool {
    name.len() > 6
        && name
            .get(..6)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("x-amz-"))
}

/// The decoded operation input of one request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryRequest {
    params: BTreeMap<String, String>,
}

impl QueryRequest {
    /// Decodes the query string and (for form posts) the body. A parameter given twice keeps
    /// its last value, as AWS's front ends do.
    pub fn decode(query: &str, form_body: Option<&[u8]>) -> Self {
        let mut params = BTreeMap::new();
        let sources = [Some(query.as_bytes()), form_body];
        for source in sources.into_iter().flatten() {
            for (k, v) in form_urlencoded::parse(source) {
                if !is_auth_param(&k) {
                    params.insert(k.into_owned(), v.into_owned());
                }
            }
        }
        QueryRequest { params }
    }

    /// The `Action` parameter.
    pub fn action(&self) -> Option<&str> {
        self.get("Action")
    }

    /// A scalar parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// A list parameter `Name.member.1`, `Name.member.2`, … in index order; gaps end the list.
    pub fn list(&self, name: &str) -> Vec<&str> {
        (1..)
            .map_while(|i| self.get(&format!("{name}.member.{i}")))
            .collect()
    }

    /// A list of structures: for each index, a lookup of the member's fields.
    pub fn structs<'a>(&'a self, name: &str) -> Vec<Member<'a>> {
        let mut out = Vec::new();
        for i in 1.. {
            let prefix = format!("{name}.member.{i}.");
            let found = self
                .params
                .range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .next()
                .is_some();
            if !found {
                break;
            }
            out.push(Member {
                request: self,
                prefix,
            });
        }
        out
    }

    /// Every parameter as (name, value), borrowed, for the model's decoder.
    pub fn params(&self) -> Vec<(&str, &str)> {
        self.params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// All parameters except `Action`/`Version`, for the audit record.
    pub fn operation_params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params
            .iter()
            .filter(|(k, _)| k.as_str() != "Action" && k.as_str() != "Version")
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// One structure inside a list parameter.
pub struct Member<'a> {
    request: &'a QueryRequest,
    prefix: String,
}

impl Member<'_> {
    /// A field of the structure.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.request.get(&format!("{}{field}", self.prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_query_and_body_and_drops_auth_params() {
        let q = QueryRequest::decode(
            "Action=ListUsers&X-Amz-Signature=abc",
            Some(b"Version=2010-05-08&PathPrefix=%2Fa%2F"),
        );
        assert_eq!(q.action(), Some("ListUsers"));
        assert_eq!(q.get("PathPrefix"), Some("/a/"));
        assert_eq!(q.get("X-Amz-Signature"), None);
    }

    #[test]
    fn multibyte_parameter_names_do_not_panic() {
        // Found by the request_parsers fuzz target: a name whose 6th byte is inside a character.
        let q = QueryRequest::decode(
            "\n}\u{d4d6}=1&\u{e9}\u{e9}\u{e9}\u{e9}=2",
            Some("}\u{fffd}\u{fffd}=3".as_bytes()),
        );
        assert_eq!(q.get("\u{e9}\u{e9}\u{e9}\u{e9}"), Some("2"));
    }

    #[test]
    fn decodes_lists_and_structs() {
        let q = QueryRequest::decode(
            "TagKeys.member.1=a&TagKeys.member.2=b&TagKeys.member.4=d\
             &Tags.member.1.Key=k1&Tags.member.1.Value=v1&Tags.member.2.Key=k2",
            None,
        );
        assert_eq!(q.list("TagKeys"), vec!["a", "b"]);
        let tags = q.structs("Tags");
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[0].get("Value"), Some("v1"));
        assert_eq!(tags[1].get("Key"), Some("k2"));
        assert_eq!(tags[1].get("Value"), None);
    }
}

//! IAM's input constraints, checked before anything is read or written, with the violation
//! sentences AWS's API front end produces ("Value 'x' at 'userName' failed to satisfy
//! constraint: …"). All violations of a request are reported together, as AWS does.

use crate::error::ApiError;

/// Collects constraint violations of one request.
#[derive(Default)]
pub struct Violations(Vec<String>);

/// IAM's entity-name alphabet: `[\w+=,.@-]+`.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

/// IAM's path alphabet: `/` or `/[\x21-\x7E]+/`.
fn is_path(s: &str) -> bool {
    s == "/"
        || (s.len() >= 2
            && s.starts_with('/')
            && s.ends_with('/')
            && s.bytes().all(|b| (0x21..=0x7e).contains(&b)))
}

/// Tag keys and values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
fn is_tag_text(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c))
}

impl Violations {
    fn push(&mut self, value: &str, field: &str, constraint: &str) {
        self.0.push(format!(
            "Value '{value}' at '{field}' failed to satisfy constraint: {constraint}"
        ));
    }

    /// A violation sentence the typed checks do not cover.
    pub fn push_raw(&mut self, sentence: String) {
        self.0.push(sentence);
    }

    fn length(&mut self, value: &str, field: &str, min: usize, max: usize) -> bool {
        let len = value.chars().count();
        if len < min {
            self.push(
                value,
                field,
                &format!("Member must have length greater than or equal to {min}"),
            );
            false
        } else if len > max {
            self.push(
                value,
                field,
                &format!("Member must have length less than or equal to {max}"),
            );
            false
        } else {
            true
        }
    }

    /// A value with only a length constraint (descriptions, policy documents).
    pub fn length_only(&mut self, value: &str, field: &str, min: usize, max: usize) {
        self.length(value, field, min, max);
    }

    /// An integer within `min..=max`; `None` (after recording a violation) otherwise.
    pub fn int_range(&mut self, value: &str, field: &str, min: i64, max: i64) -> Option<i64> {
        match value.parse::<i64>() {
            Ok(n) if n < min => {
                self.push(
                    value,
                    field,
                    &format!("Member must have value greater than or equal to {min}"),
                );
                None
            }
            Ok(n) if n > max => {
                self.push(
                    value,
                    field,
                    &format!("Member must have value less than or equal to {max}"),
                );
                None
            }
            Ok(n) => Some(n),
            Err(_) => {
                self.push(value, field, "Member must be a valid integer");
                None
            }
        }
    }

    /// A user, group or role name of at most `max` characters.
    pub fn entity_name(&mut self, value: &str, field: &str, max: usize) {
        if self.length(value, field, 1, max) && !value.chars().all(is_name_char) {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: [\w+=,.@-]+",
            );
        }
    }

    /// An IAM path.
    pub fn path(&mut self, value: &str, field: &str) {
        if self.length(value, field, 1, 512) && !is_path(value) {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
            );
        }
    }

    /// A path prefix for listings.
    pub fn path_prefix(&mut self, value: &str, field: &str) {
        if self.length(value, field, 1, 512)
            && !(value.starts_with('/') && value.bytes().all(|b| (0x21..=0x7e).contains(&b)))
        {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: \u002F[\u0021-\u007E]*",
            );
        }
    }

    /// An access key id.
    pub fn access_key_id(&mut self, value: &str, field: &str) {
        if self.length(value, field, 16, 128)
            && !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: [\w]+",
            );
        }
    }

    /// A pagination marker.
    pub fn marker(&mut self, value: &str, field: &str) {
        if self.length(value, field, 1, 320) && !value.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: [\u0020-\u00FF]+",
            );
        }
    }

    /// `MaxItems`: an integer from 1 to 1000.
    pub fn max_items(&mut self, value: Option<&str>, field: &str) -> usize {
        let Some(value) = value else { return 100 };
        match value.parse::<i64>() {
            Ok(n) if n < 1 => {
                self.push(
                    value,
                    field,
                    "Member must have value greater than or equal to 1",
                );
                100
            }
            Ok(n) if n > 1000 => {
                self.push(
                    value,
                    field,
                    "Member must have value less than or equal to 1000",
                );
                100
            }
            Ok(n) => n as usize,
            Err(_) => {
                self.push(value, field, "Member must be a valid integer");
                100
            }
        }
    }

    /// A tag key.
    pub fn tag_key(&mut self, value: &str, field: &str) {
        if self.length(value, field, 1, 128) && !is_tag_text(value) {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+",
            );
        }
    }

    /// A tag value.
    pub fn tag_value(&mut self, value: &str, field: &str) {
        if self.length(value, field, 0, 256) && !is_tag_text(value) {
            self.push(
                value,
                field,
                r"Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]*",
            );
        }
    }

    /// A value from a closed set, e.g. an access key status.
    pub fn one_of(&mut self, value: &str, field: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.push(
                value,
                field,
                &format!(
                    "Member must satisfy enum value set: [{}]",
                    allowed.join(", ")
                ),
            );
        }
    }

    /// `Ok` when nothing was violated, else AWS's `ValidationError`.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        let mut v = Violations::default();
        v.entity_name("good+name=,.@_-1", "userName", 64);
        v.path("/a/b/", "path");
        v.path("/", "path");
        assert!(v.finish().is_ok());

        let mut v = Violations::default();
        v.entity_name("bad name!", "userName", 64);
        v.path("nope", "path");
        let e = v.finish().unwrap_err();
        assert_eq!(
            e.message(),
            "2 validation errors detected: Value 'bad name!' at 'userName' failed to satisfy \
             constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; \
             Value 'nope' at 'path' failed to satisfy constraint: Member must satisfy regular \
             expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"
        );
    }

    #[test]
    fn lengths_and_numbers() {
        let mut v = Violations::default();
        v.entity_name(&"a".repeat(65), "userName", 64);
        assert!(v.0[0].ends_with("Member must have length less than or equal to 64"));
        let mut v = Violations::default();
        assert_eq!(v.max_items(Some("0"), "maxItems"), 100);
        assert_eq!(v.max_items(Some("7"), "maxItems"), 7);
        assert_eq!(v.0.len(), 1);
    }
}

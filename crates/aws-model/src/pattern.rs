//! botocore's `pattern` constraints are `java.util.regex` patterns checked with
//! `Matcher.matches()`. They are translated once into `fancy_regex` syntax (which adds the
//! look-arounds some models use, e.g. IAM's account alias `-(?!-)`) and anchored at both ends.

use std::fmt;

use fancy_regex::Regex;

/// Why a Java pattern cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    /// A Java construct the translation does not handle.
    #[error("unsupported Java regex construct {construct:?} in {pattern:?}")]
    Unsupported {
        /// The construct.
        construct: String,
        /// The whole pattern.
        pattern: String,
    },
    /// The translated pattern does not compile.
    #[error("pattern {pattern:?} (translated {translated:?}) does not compile: {reason}")]
    Compile {
        /// The Java pattern.
        pattern: String,
        /// Its translation.
        translated: String,
        /// The regex engine's complaint.
        reason: String,
    },
}

/// A compiled whole-string Java pattern.
pub struct JavaPattern {
    source: String,
    regex: Regex,
}

impl fmt::Debug for JavaPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("JavaPattern").field(&self.source).finish()
    }
}

impl JavaPattern {
    /// Translates and compiles `pattern`.
    pub fn compile(pattern: &str) -> Result<Self, PatternError> {
        let translated = format!(r"\A(?:{})\z", translate_java_pattern(pattern)?);
        let regex = Regex::new(&translated).map_err(|e| PatternError::Compile {
            pattern: pattern.to_owned(),
            translated: translated.clone(),
            reason: e.to_string(),
        })?;
        Ok(JavaPattern {
            source: pattern.to_owned(),
            regex,
        })
    }

    /// The pattern as the model spells it (and as AWS quotes it in messages).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `value` matches. A match the engine gives up on (backtracking
    /// limit) counts as no match: validation fails closed.
    pub fn matches(&self, value: &str) -> bool {
        self.regex.is_match(value).unwrap_or(false)
    }
}

/// Java's POSIX-like `\p{Name}` classes are ASCII-only; the regex engines' same names are not
/// all available, so they become explicit ASCII classes (inside a bracket, without brackets).
fn java_posix_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => r"\x00-\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "0-9a-zA-Z",
        "Punct" => r"!-/:-@\[-`{-~",
        "Graph" => r"!-~",
        "Print" => r"\x20-\x7E",
        "Blank" => r" \t",
        "Cntrl" => r"\x00-\x1F\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => r" \t\n\x0B\f\r",
        _ => return None,
    })
}

/// Java's `\w`, `\d`, `\s` (and negations) are ASCII-only, unlike the Rust engines' defaults.
fn java_shorthand_class(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        'w' => ("0-9A-Za-z_", false),
        'W' => ("0-9A-Za-z_", true),
        'd' => ("0-9", false),
        'D' => ("0-9", true),
        's' => (r" \t\n\x0B\f\r", false),
        'S' => (r" \t\n\x0B\f\r", true),
        _ => return None,
    })
}

/// Reads the hex digits of a `\u` escape starting at `chars[at]`: four digits, or — for the
/// `\u10000-\u10FFFF` botocore writes for supplementary planes — five or six digits naming a
/// code point above U+FFFF. Returns the code unit/point and the digits consumed.
fn read_u_escape(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let run: String = chars
        .iter()
        .skip(at)
        .take(6)
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    if run.len() > 4 {
        if let Ok(value) = u32::from_str_radix(&run, 16) {
            if (0x10000..=0x10FFFF).contains(&value) {
                return Some((value, run.len()));
            }
        }
    }
    let four = run.get(..4)?;
    u32::from_str_radix(four, 16).ok().map(|v| (v, 4))
}

/// Translates a Java pattern into `fancy_regex` syntax (not yet anchored).
pub fn translate_java_pattern(pattern: &str) -> Result<String, PatternError> {
    let unsupported = |construct: &str| PatternError::Unsupported {
        construct: construct.to_owned(),
        pattern: pattern.to_owned(),
    };
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut class_depth = 0usize;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '[' => {
                class_depth += 1;
                out.push('[');
                // `[]…]` and `[^]…]`: a leading `]` is a literal in Java.
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            '&' if class_depth > 0 && chars.get(i) == Some(&'&') => {
                return Err(unsupported("&& (class intersection)"));
            }
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    return Err(unsupported("trailing backslash"));
                };
                i += 1;
                match e {
                    'u' => {
                        let (mut code, used) =
                            read_u_escape(&chars, i).ok_or_else(|| unsupported(r"\u"))?;
                        i += used;
                        if (0xD800..0xDC00).contains(&code) {
                            // A surrogate pair written as two escapes.
                            let low = (chars.get(i) == Some(&'\\')
                                && chars.get(i + 1) == Some(&'u'))
                            .then(|| read_u_escape(&chars, i + 2))
                            .flatten()
                            .filter(|(low, used)| *used == 4 && (0xDC00..0xE000).contains(low));
                            let (low, _) = low.ok_or_else(|| unsupported("lone high surrogate"))?;
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            i += 6;
                        } else if (0xDC00..0xE000).contains(&code) {
                            return Err(unsupported("lone low surrogate"));
                        }
                        out.push_str(&format!(r"\x{{{code:X}}}"));
                    }
                    'p' | 'P' => {
                        let name: String = if chars.get(i) == Some(&'{') {
                            let name: String = chars
                                .iter()
                                .skip(i + 1)
                                .take_while(|&&c| c != '}')
                                .collect();
                            i += name.chars().count() + 2;
                            name
                        } else {
                            let one = chars.get(i).copied().ok_or_else(|| unsupported(r"\p"))?;
                            i += 1;
                            one.to_string()
                        };
                        let name = name.strip_prefix("Is").unwrap_or(&name).to_owned();
                        match java_posix_class(&name) {
                            Some(ranges) => push_class(&mut out, ranges, e == 'P', class_depth > 0),
                            None => out.push_str(&format!(r"\{e}{{{name}}}")),
                        }
                    }
                    'Q' => {
                        while let Some(&q) = chars.get(i) {
                            if q == '\\' && chars.get(i + 1) == Some(&'E') {
                                i += 2;
                                break;
                            }
                            i += 1;
                            push_literal(&mut out, q);
                        }
                    }
                    e if java_shorthand_class(e).is_some() => {
                        if let Some((ranges, negated)) = java_shorthand_class(e) {
                            push_class(&mut out, ranges, negated, class_depth > 0);
                        }
                    }
                    'x' | 't' | 'n' | 'r' | 'f' | 'a' | 'e' | 'b' | 'B' | 'A' | 'z' => {
                        out.push('\\');
                        out.push(e);
                    }
                    e if e.is_ascii_punctuation() || e == ' ' => push_literal(&mut out, e),
                    e if e.is_ascii_digit() && class_depth == 0 => {
                        out.push('\\');
                        out.push(e);
                    }
                    e => return Err(unsupported(&format!("\\{e}"))),
                }
            }
            c => out.push(c),
        }
    }
    if class_depth > 0 {
        return Err(unsupported("unclosed character class"));
    }
    Ok(out)
}

/// Appends a class of `ranges`: bare inside a bracket, bracketed outside. A negated class
/// inside a bracket is nested, which both engines accept.
fn push_class(out: &mut String, ranges: &str, negated: bool, in_class: bool) {
    match (in_class, negated) {
        (true, false) => out.push_str(ranges),
        (_, true) => {
            out.push_str("[^");
            out.push_str(ranges);
            out.push(']');
        }
        (false, false) => {
            out.push('[');
            out.push_str(ranges);
            out.push(']');
        }
    }
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn java(pattern: &str) -> JavaPattern {
        JavaPattern::compile(pattern).unwrap()
    }

    #[test]
    fn word_class_is_ascii_as_in_java() {
        let p = java(r"[\w+=,.@-]+");
        assert!(p.matches("bob_1+=,.@-"));
        assert!(!p.matches("naïve"));
        assert!(!p.matches("bad name"));
        assert!(!p.matches(""));
    }

    #[test]
    fn anchored_whole_string() {
        let p = java(r"\d{12}");
        assert!(p.matches("123456789012"));
        assert!(!p.matches("1234567890123"));
        assert!(!p.matches("x123456789012"));
    }

    #[test]
    fn unicode_escapes_and_supplementary_ranges() {
        let arn = java(
            r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+",
        );
        assert!(arn.matches("arn:aws:iam::1:role/x"));
        assert!(arn.matches("emoji \u{1F600}"));
        assert!(!arn.matches("bell \u{7}"));
        let pairs = java(r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*");
        assert!(pairs.matches("a\u{10000}\u{10FFFF}\t"));
        assert!(!pairs.matches("\n"));
        let path = java(r"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)");
        assert!(path.matches("/"));
        assert!(path.matches("/a/b/"));
        assert!(!path.matches("a/"));
    }

    #[test]
    fn unicode_properties_and_posix_classes() {
        let tag = java(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*");
        assert!(tag.matches("Ünïcode 9 _.:/=+-@"));
        assert!(!tag.matches("a!b"));
        let print = java(r"\p{Print}+");
        assert!(print.matches("abc ~"));
        assert!(!print.matches("é"));
    }

    #[test]
    fn lookahead_of_iam_account_alias() {
        let alias = java(r"^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
        assert!(alias.matches("my-org-2"));
        assert!(!alias.matches("bad--alias"));
    }

    #[test]
    fn untranslatable_constructs_are_errors() {
        assert!(matches!(
            translate_java_pattern(r"[a-z&&[^b]]"),
            Err(PatternError::Unsupported { .. })
        ));
        assert!(translate_java_pattern(r"\uD800x").is_err());
        assert!(translate_java_pattern(r"\k<x>").is_err());
        assert!(translate_java_pattern("[abc").is_err());
    }
}

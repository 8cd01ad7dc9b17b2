//! Wildcard matching as IAM does it: `*` matches any run of characters, `?` exactly one.
//!
//! Three flavours share one compiled form because the same policy text is matched differently
//! depending on where it appears:
//! - plain strings (`StringLike`, actions) compare the whole text;
//! - `ArnLike`/`ArnEquals` compare each of the six colon-separated ARN parts on its own;
//! - the `Resource` element does the same, except that a `*` that ends one of the first five
//!   segments may also run across colons (IAM user guide, "Using wildcards in resource ARNs").
//!
//! Matching never recurses and never allocates on the fast paths, so hostile patterns cannot
//! exhaust the stack and typical patterns cost a string comparison.

/// One element of a compiled pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    /// A literal byte of UTF-8 text.
    Byte(u8),
    /// `?`: exactly one character.
    One,
    /// `*`: any run of characters, including none.
    Many,
}

/// How a pattern is matched against text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchMode {
    /// The whole text against the whole pattern.
    Text,
    /// ARN operators: each of the six ARN parts separately.
    ArnParts,
    /// The `Resource` element: ARN parts, with a segment-final `*` allowed to span colons.
    Resource,
}

/// A compiled wildcard pattern with fast paths for the common shapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    shape: Shape,
    tokens: Box<[Token]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// The pattern is a lone `*`.
    Everything,
    /// No wildcard at all.
    Exact(Box<str>),
    /// Literal text followed by one trailing `*`.
    Prefix(Box<str>),
    /// Anything else.
    General,
}

impl Pattern {
    /// Compiles text where `*` and `?` are wildcards.
    pub(crate) fn wildcard(text: &str) -> Pattern {
        Pattern::from_tokens(tokenize(text, true))
    }

    /// Builds a pattern from tokens, detecting the fast-path shapes.
    pub(crate) fn from_tokens(tokens: Vec<Token>) -> Pattern {
        let wildcards = tokens
            .iter()
            .filter(|t| !matches!(t, Token::Byte(_)))
            .count();
        let literal_text = |ts: &[Token]| -> Option<Box<str>> {
            let bytes: Vec<u8> = ts
                .iter()
                .filter_map(|t| match t {
                    Token::Byte(b) => Some(*b),
                    _ => None,
                })
                .collect();
            String::from_utf8(bytes).ok().map(String::into_boxed_str)
        };
        let shape = match (wildcards, tokens.split_last()) {
            (0, _) => literal_text(&tokens).map_or(Shape::General, Shape::Exact),
            (1, Some((Token::Many, []))) => Shape::Everything,
            (1, Some((Token::Many, rest))) => {
                literal_text(rest).map_or(Shape::General, Shape::Prefix)
            }
            _ => Shape::General,
        };
        Pattern {
            shape,
            tokens: tokens.into_boxed_slice(),
        }
    }

    /// Whether the pattern contains no wildcard.
    pub(crate) fn exact_text(&self) -> Option<&str> {
        match &self.shape {
            Shape::Exact(text) => Some(text),
            _ => None,
        }
    }

    /// The literal text before the first wildcard.
    pub(crate) fn literal_prefix(&self) -> String {
        let bytes: Vec<u8> = self
            .tokens
            .iter()
            .map_while(|t| match t {
                Token::Byte(b) => Some(*b),
                _ => None,
            })
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Matches `text` in the given mode.
    pub(crate) fn matches(&self, text: &str, mode: MatchMode) -> bool {
        match (&self.shape, mode) {
            (Shape::Everything, _) => true,
            (Shape::Exact(exact), _) => exact.as_ref() == text,
            (Shape::Prefix(prefix), MatchMode::Text | MatchMode::Resource) => {
                text.starts_with(prefix.as_ref())
            }
            (_, MatchMode::Text) => match_tokens(&self.tokens, text.as_bytes()),
            (_, MatchMode::ArnParts) => match_arn_parts(&self.tokens, text),
            (_, MatchMode::Resource) => match_resource(&self.tokens, text),
        }
    }
}

/// Turns text into tokens, treating `*` and `?` as wildcards when asked to.
pub(crate) fn tokenize(text: &str, wildcards: bool) -> Vec<Token> {
    text.bytes()
        .map(|b| match b {
            b'*' if wildcards => Token::Many,
            b'?' if wildcards => Token::One,
            _ => Token::Byte(b),
        })
        .collect()
}

/// Number of bytes in the UTF-8 character that starts with `lead`.
fn char_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Classic linear-backtracking glob match over bytes; `?` consumes a whole character.
pub(crate) fn match_tokens(tokens: &[Token], text: &[u8]) -> bool {
    let (mut p, mut t) = (0usize, 0usize);
    let mut resume: Option<(usize, usize)> = None;
    while t < text.len() {
        let step = match (tokens.get(p), text.get(t)) {
            (Some(Token::Byte(b)), Some(c)) if b == c => Some((p + 1, t + 1)),
            (Some(Token::One), Some(c)) => Some((p + 1, t + char_width(*c))),
            (Some(Token::Many), _) => {
                resume = Some((p + 1, t));
                Some((p + 1, t))
            }
            _ => None,
        };
        match (step, resume) {
            (Some((np, nt)), _) => {
                p = np;
                t = nt;
            }
            (None, Some((rp, rt))) => {
                let next = rt + text.get(rt).map_or(1, |c| char_width(*c));
                resume = Some((rp, next));
                p = rp;
                t = next;
            }
            (None, None) => return false,
        }
    }
    t == text.len() && tokens.iter().skip(p).all(|tok| *tok == Token::Many)
}

/// Splits ARN text into its six parts (the last keeps any further colons).
pub(crate) fn split_arn_text(text: &str) -> Option<[&str; 6]> {
    let mut parts = text.splitn(6, ':');
    let arn = [
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    ];
    Some(arn)
}

/// Splits pattern tokens at the first five literal colons.
fn split_arn_tokens(tokens: &[Token]) -> Vec<&[Token]> {
    let mut segments = Vec::with_capacity(6);
    let mut rest = tokens;
    while segments.len() < 5 {
        match rest.iter().position(|t| *t == Token::Byte(b':')) {
            Some(i) => {
                segments.push(rest.get(..i).unwrap_or_default());
                rest = rest.get(i + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    segments.push(rest);
    segments
}

fn match_arn_parts(tokens: &[Token], text: &str) -> bool {
    let Some(parts) = split_arn_text(text) else {
        return false;
    };
    let segments = split_arn_tokens(tokens);
    segments.len() == 6
        && segments
            .iter()
            .zip(parts.iter())
            .all(|(seg, part)| match_tokens(seg, part.as_bytes()))
}

fn match_resource(tokens: &[Token], text: &str) -> bool {
    if match_arn_parts(tokens, text) {
        return true;
    }
    let segments = split_arn_tokens(tokens);
    let spans = segments
        .iter()
        .take(segments.len().saturating_sub(1).min(5))
        .any(|seg| seg.last() == Some(&Token::Many));
    let short_pattern_spans =
        segments.len() < 6 && segments.last().and_then(|s| s.last()) == Some(&Token::Many);
    (spans || short_pattern_spans) && match_spanning(&segments, text)
}

/// A wildcard with the set of characters it may consume in the colon-spanning resource match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpanToken {
    Byte(u8),
    One { colon: bool },
    Many { colon: bool },
}

/// Simulates the pattern as a non-deterministic automaton so that wildcards with different
/// reach (segment-final `*` may cross colons, others may not) combine correctly.
fn match_spanning(segments: &[&[Token]], text: &str) -> bool {
    let last = segments.len().saturating_sub(1);
    let mut program: Vec<SpanToken> = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        if i > 0 {
            program.push(SpanToken::Byte(b':'));
        }
        let in_resource_part = i == 5;
        for (j, tok) in seg.iter().enumerate() {
            let segment_final = j + 1 == seg.len() && (i < 5 || i == last);
            program.push(match tok {
                Token::Byte(b) => SpanToken::Byte(*b),
                Token::One => SpanToken::One {
                    colon: in_resource_part,
                },
                Token::Many => SpanToken::Many {
                    colon: in_resource_part || segment_final,
                },
            });
        }
    }
    let mut current = vec![false; program.len() + 1];
    if let Some(first) = current.first_mut() {
        *first = true;
    }
    close_over_stars(&program, &mut current);
    let mut next = vec![false; program.len() + 1];
    for ch in text.chars() {
        next.iter_mut().for_each(|s| *s = false);
        let mut any = false;
        for (i, tok) in program.iter().enumerate() {
            if !current.get(i).copied().unwrap_or(false) {
                continue;
            }
            let target = match tok {
                SpanToken::Byte(b) => {
                    let mut buf = [0u8; 4];
                    (ch.encode_utf8(&mut buf).as_bytes() == [*b]).then_some(i + 1)
                }
                SpanToken::One { colon } => (*colon || ch != ':').then_some(i + 1),
                SpanToken::Many { colon } => (*colon || ch != ':').then_some(i),
            };
            if let Some(slot) = target.and_then(|t| next.get_mut(t)) {
                *slot = true;
                any = true;
            }
        }
        if !any {
            return false;
        }
        close_over_stars(&program, &mut next);
        std::mem::swap(&mut current, &mut next);
    }
    current.last().copied().unwrap_or(false)
}

/// A `*` may match nothing, so reaching it also reaches the token after it.
fn close_over_stars(program: &[SpanToken], states: &mut [bool]) {
    for (i, tok) in program.iter().enumerate() {
        if matches!(tok, SpanToken::Many { .. }) && states.get(i).copied().unwrap_or(false) {
            if let Some(next) = states.get_mut(i + 1) {
                *next = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(p: &str, t: &str) -> bool {
        Pattern::wildcard(p).matches(t, MatchMode::Text)
    }

    #[test]
    fn text_wildcards() {
        assert!(text("s3:get*", "s3:getobject"));
        assert!(text("s3:*object", "s3:getobject"));
        assert!(text("s3:get?bject", "s3:getobject"));
        assert!(!text("s3:get?bject", "s3:getbject"));
        assert!(text("*", ""));
        assert!(text("a*b*c", "axxbyyc"));
        assert!(!text("a*b*c", "axxbyy"));
        assert!(text("?", "é"));
        assert!(text("**a", "a"));
    }

    /// An obviously correct (exponential) reference matcher over characters.
    fn reference(pattern: &[char], text: &[char]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|i| reference(rest, &text[i..])),
            Some(('?', rest)) => !text.is_empty() && reference(rest, &text[1..]),
            Some((c, rest)) => text.first() == Some(c) && reference(rest, &text[1..]),
        }
    }

    proptest::proptest! {
        #[test]
        fn text_matching_agrees_with_reference(pattern in "[ab*?é/:]{0,8}", text in "[abé/:]{0,10}") {
            let p: Vec<char> = pattern.chars().collect();
            let t: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(
                Pattern::wildcard(&pattern).matches(&text, MatchMode::Text),
                reference(&p, &t)
            );
        }

        #[test]
        fn resource_matching_contains_arn_part_matching(pattern in "[a*:?]{0,12}", text in "[a:]{0,12}") {
            let compiled = Pattern::wildcard(&pattern);
            if compiled.matches(&text, MatchMode::ArnParts) {
                proptest::prop_assert!(compiled.matches(&text, MatchMode::Resource));
            }
        }
    }

    #[test]
    fn arn_parts_do_not_span_colons() {
        let p = Pattern::wildcard("arn:aws:someservice:*:111122223333:finance/*");
        let t = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        assert!(!p.matches(t, MatchMode::ArnParts));
        assert!(p.matches(t, MatchMode::Text));
        assert!(p.matches(
            "arn:aws:someservice:us-east-2:111122223333:finance/x",
            MatchMode::ArnParts
        ));
    }

    #[test]
    fn resource_star_spans_slashes_and_segment_final_colons() {
        let bucket = Pattern::wildcard("arn:aws:s3:::bucket/*/test/*");
        assert!(bucket.matches("arn:aws:s3:::bucket/1/2/test/3/o.jpg", MatchMode::Resource));
        assert!(!bucket.matches("arn:aws:s3:::bucket/1-test/o.jpg", MatchMode::Resource));
        let short = Pattern::wildcard("arn:aws:ec2:*");
        assert!(short.matches(
            "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
            MatchMode::Resource
        ));
        let mid = Pattern::wildcard("arn:aws:ec2:us-*-1:*:instance/*");
        assert!(mid.matches(
            "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
            MatchMode::Resource
        ));
        assert!(!mid.matches(
            "arn:aws:ec2:us-east:x-1:123:instance/i-1",
            MatchMode::Resource
        ));
    }
}

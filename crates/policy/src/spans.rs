//! Where each value of a JSON document is written, by JSON Pointer (RFC 6901).
//!
//! The policy model deliberately forgets layout, but people fix policies in an editor, so
//! findings and matched statements must name a line and column. This module records them in a
//! separate pass over the text instead of threading positions through the parser, which keeps
//! the model and its validation untouched.

use std::collections::HashMap;

/// Nesting deeper than this is not scanned; `serde_json` rejects such documents too.
const MAX_DEPTH: usize = 128;

/// A place in the text: line and column from 1 (columns count characters, as editors do) and
/// the byte offset from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// The byte offset, from 0.
    pub offset: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text), for errors that only
    /// know an offset.
    pub fn at_offset(text: &str, offset: usize) -> Position {
        let mut position = Position {
            line: 1,
            column: 1,
            offset: 0,
        };
        for (i, c) in text.char_indices() {
            if i >= offset {
                break;
            }
            position.advance(c);
        }
        position
    }

    /// The position at line and column (both from 1), for errors that report only those.
    pub fn at_line_column(text: &str, line: usize, column: usize) -> Position {
        let mut position = Position {
            line: 1,
            column: 1,
            offset: 0,
        };
        for c in text.chars() {
            if position.line > line || (position.line == line && position.column >= column) {
                break;
            }
            position.advance(c);
        }
        position
    }

    fn advance(&mut self, c: char) {
        self.offset += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }
}

/// Where one JSON value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The opening quote of the member name, when the value is an object member.
    pub key: Option<Position>,
    /// The value's first character.
    pub start: Position,
    /// Just past the value's last character.
    pub end: Position,
}

impl Span {
    /// Where a finding about this value points: the member name for an object member (the
    /// element a reader looks for), else the value itself (an item of a list).
    pub fn anchor(&self) -> Position {
        self.key.unwrap_or(self.start)
    }
}

/// The spans of every value in a document, keyed by JSON Pointer (`""` is the whole
/// document, `/Statement/0/Action/1` the second action of the first statement).
#[derive(Debug, Clone, Default)]
pub struct Spans {
    first: HashMap<String, Span>,
    all: Vec<(String, Span)>,
}

impl Spans {
    /// Scans JSON text; `None` when the text is not JSON (the parser reports why).
    pub fn scan(text: &str) -> Option<Spans> {
        let mut scanner = Scanner {
            text,
            position: Position {
                line: 1,
                column: 1,
                offset: 0,
            },
            spans: Spans::default(),
        };
        scanner.value(&mut String::new(), None, 0)?;
        scanner.skip_whitespace();
        if scanner.peek().is_some() {
            return None;
        }
        Some(scanner.spans)
    }

    /// The span of the value at `pointer`; for a duplicated member name, its first occurrence.
    pub fn get(&self, pointer: &str) -> Option<&Span> {
        self.first.get(pointer)
    }

    /// Every span at `pointer` in document order: more than one only for duplicate names.
    pub fn get_all<'s>(&'s self, pointer: &'s str) -> impl Iterator<Item = &'s Span> + 's {
        self.all
            .iter()
            .filter(move |(p, _)| p == pointer)
            .map(|(_, span)| span)
    }

    /// Where a finding about `pointer` points ([`Span::anchor`]), falling back to the nearest
    /// enclosing value that was found, and to the start of the text.
    pub fn locate(&self, pointer: &str) -> Position {
        let mut at = pointer;
        loop {
            if let Some(span) = self.get(at) {
                return span.anchor();
            }
            match at.rfind('/') {
                Some(i) => at = at.get(..i).unwrap_or_default(),
                None => {
                    return Position {
                        line: 1,
                        column: 1,
                        offset: 0,
                    }
                }
            }
        }
    }

    fn record(&mut self, pointer: &str, span: Span) {
        self.first.entry(pointer.to_owned()).or_insert(span);
        self.all.push((pointer.to_owned(), span));
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` as RFC 6901 requires.
pub(crate) fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// A JSON Pointer extended by one token, for building pointers without mutation.
pub(crate) fn child(pointer: &str, token: &str) -> String {
    let mut out = pointer.to_owned();
    push_token(&mut out, token);
    out
}

struct Scanner<'t> {
    text: &'t str,
    position: Position,
    spans: Spans,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.position.offset..)?.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.position.advance(c);
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, want: char) -> Option<()> {
        (self.bump()? == want).then_some(())
    }

    /// One value at `pointer`; `key` is where its member name starts, if it has one.
    fn value(&mut self, pointer: &mut String, key: Option<Position>, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        let start = self.position;
        match self.peek()? {
            '{' => self.object(pointer, depth)?,
            '[' => self.array(pointer, depth)?,
            '"' => {
                self.string()?;
            }
            _ => self.scalar()?,
        }
        let end = self.position;
        self.spans.record(pointer, Span { key, start, end });
        Some(())
    }

    fn object(&mut self, pointer: &mut String, depth: usize) -> Option<()> {
        self.expect('{')?;
        self.skip_whitespace();
        if self.peek() == Some('}') {
            self.bump();
            return Some(());
        }
        loop {
            self.skip_whitespace();
            let key_at = self.position;
            let name = self.string()?;
            self.skip_whitespace();
            self.expect(':')?;
            let len = pointer.len();
            push_token(pointer, &name);
            self.value(pointer, Some(key_at), depth + 1)?;
            pointer.truncate(len);
            self.skip_whitespace();
            match self.bump()? {
                ',' => continue,
                '}' => return Some(()),
                _ => return None,
            }
        }
    }

    fn array(&mut self, pointer: &mut String, depth: usize) -> Option<()> {
        self.expect('[')?;
        self.skip_whitespace();
        if self.peek() == Some(']') {
            self.bump();
            return Some(());
        }
        let mut index = 0usize;
        loop {
            let len = pointer.len();
            push_token(pointer, &index.to_string());
            self.value(pointer, None, depth + 1)?;
            pointer.truncate(len);
            index += 1;
            self.skip_whitespace();
            match self.bump()? {
                ',' => continue,
                ']' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A string, decoded (member names must match the parser's decoded keys).
    fn string(&mut self) -> Option<String> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(out),
                '\\' => match self.bump()? {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let high = self.hex4()?;
                        let code = if (0xD800..0xDC00).contains(&high) {
                            self.expect('\\')?;
                            self.expect('u')?;
                            let low = self.hex4()?;
                            if !(0xDC00..0xE000).contains(&low) {
                                return None;
                            }
                            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            high
                        };
                        out.push(char::from_u32(code)?);
                    }
                    _ => return None,
                },
                c if u32::from(c) < 0x20 => return None,
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for _ in 0..4 {
            value = value * 16 + self.bump()?.to_digit(16)?;
        }
        Some(value)
    }

    /// A number, `true`, `false` or `null`; the parser checks the exact grammar.
    fn scalar(&mut self) -> Option<()> {
        let start = self.position.offset;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            self.bump();
        }
        (self.position.offset > start).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(spans: &Spans, pointer: &str) -> (usize, usize) {
        let p = spans.locate(pointer);
        (p.line, p.column)
    }

    #[test]
    fn positions_of_members_and_items() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",\n     \"Action\": [\"s3:GetObject\", \"s3:Put*\"]}\n  ]\n}\n";
        let Some(spans) = Spans::scan(text) else {
            unreachable!("valid JSON")
        };
        assert_eq!(at(&spans, ""), (1, 1));
        assert_eq!(at(&spans, "/Version"), (2, 3));
        assert_eq!(at(&spans, "/Statement"), (3, 3));
        assert_eq!(at(&spans, "/Statement/0"), (4, 5));
        assert_eq!(at(&spans, "/Statement/0/Effect"), (4, 6));
        assert_eq!(at(&spans, "/Statement/0/Action"), (5, 6));
        assert_eq!(at(&spans, "/Statement/0/Action/0"), (5, 17));
        assert_eq!(at(&spans, "/Statement/0/Action/1"), (5, 33));
        let Some(statement) = spans.get("/Statement/0") else {
            unreachable!("scanned")
        };
        assert_eq!((statement.end.line, statement.end.column), (5, 44));
    }

    #[test]
    fn missing_pointer_falls_back_to_the_enclosing_value() {
        let Some(spans) = Spans::scan(r#"{"Statement": {"Effect": "Allow"}}"#) else {
            unreachable!("valid JSON")
        };
        assert_eq!(at(&spans, "/Statement/Action/3"), (1, 2));
        assert_eq!(at(&spans, "/Nothing"), (1, 1));
    }

    #[test]
    fn escaped_names_and_duplicates() {
        let text = "{\"a/b\": 1, \"c~d\": {\"\\u0041\": true}, \"a/b\": 2}";
        let Some(spans) = Spans::scan(text) else {
            unreachable!("valid JSON")
        };
        assert_eq!(at(&spans, "/a~1b"), (1, 2));
        assert_eq!(at(&spans, "/c~0d/A"), (1, 20));
        let all: Vec<usize> = spans.get_all("/a~1b").map(|s| s.anchor().column).collect();
        assert_eq!(all, [2, 37]);
    }

    #[test]
    fn columns_count_characters_and_offsets_count_bytes() {
        let text = "{\"é\": [\"x\", \"y\"]}";
        let Some(spans) = Spans::scan(text) else {
            unreachable!("valid JSON")
        };
        let p = spans.locate("/é/1");
        assert_eq!((p.line, p.column, p.offset), (1, 13, 13));
        assert_eq!(Position::at_offset(text, 13).column, 13);
        assert_eq!(Position::at_line_column(text, 1, 13).offset, 13);
    }

    #[test]
    fn rejects_what_is_not_json() {
        assert!(Spans::scan("{").is_none());
        assert!(Spans::scan("{} x").is_none());
        assert!(Spans::scan("[1,]").is_none());
        assert!(Spans::scan(&"[".repeat(200)).is_none());
    }
}

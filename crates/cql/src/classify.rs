//! CQL statement classification: which Amazon Keyspaces IAM action a statement needs, and on
//! which keyspace and table — the resource `arn:aws:cassandra:REGION:ACCOUNT:/keyspace/KS/`
//! or `…/keyspace/KS/table/T`.
//!
//! The mapping is Keyspaces': `SELECT` → `cassandra:Select`; `INSERT`, `UPDATE`, `DELETE`,
//! `TRUNCATE` → `cassandra:Modify`; `CREATE`, `DROP`, `ALTER` of a keyspace, table or type →
//! `cassandra:Create`, `cassandra:Drop`, `cassandra:Alter` (a type on its keyspace). A
//! `BEGIN … APPLY BATCH` yields one statement per inner statement. `USE` names a keyspace
//! and needs no action of its own: it only changes which keyspace later statements resolve
//! to, and those are authorized on their own resources.
//!
//! It fails closed: anything it does not recognise (roles, grants, indexes, views,
//! functions, several statements in one string, a name it cannot resolve) is an error, and
//! the front refuses the statement rather than guessing.
#![allow(
    clippy::indexing_slicing,
    reason = "the tokenizer indexes only below the length it loops to; the classify fuzz target covers it"
)]

/// What a statement does, in IAM's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// `cassandra:Select`.
    Select,
    /// `cassandra:Modify`.
    Modify,
    /// `cassandra:Create`.
    Create,
    /// `cassandra:Drop`.
    Drop,
    /// `cassandra:Alter`.
    Alter,
    /// `USE`: switches the session's keyspace; no IAM action.
    Use,
}

impl Action {
    /// The IAM action, or `None` for `USE`.
    pub fn iam_action(self) -> Option<&'static str> {
        match self {
            Action::Select => Some("cassandra:Select"),
            Action::Modify => Some("cassandra:Modify"),
            Action::Create => Some("cassandra:Create"),
            Action::Drop => Some("cassandra:Drop"),
            Action::Alter => Some("cassandra:Alter"),
            Action::Use => None,
        }
    }
}

/// One classified statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Statement {
    /// What it does.
    pub action: Action,
    /// The keyspace it acts on (resolved from the session when the name is unqualified).
    pub keyspace: String,
    /// The table, when it acts on one; `None` for keyspace-level statements.
    pub table: Option<String>,
}

impl Statement {
    /// The Keyspaces resource ARN of this statement.
    pub fn resource_arn(&self, region: &str, account: &str) -> String {
        match &self.table {
            Some(t) => format!(
                "arn:aws:cassandra:{region}:{account}:/keyspace/{}/table/{t}",
                self.keyspace
            ),
            None => format!(
                "arn:aws:cassandra:{region}:{account}:/keyspace/{}/",
                self.keyspace
            ),
        }
    }
}

/// Why a statement could not be classified; the front refuses it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClassifyError {
    /// Nothing but whitespace and comments.
    #[error("empty statement")]
    Empty,
    /// A statement the front does not authorize, so does not allow.
    #[error("unsupported statement: {0}")]
    Unsupported(String),
    /// The text does not lex or lacks a part the statement needs.
    #[error("line 1: syntax error: {0}")]
    Syntax(&'static str),
    /// An unqualified table name with no session keyspace (Cassandra's own message).
    #[error(
        "No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename"
    )]
    NoKeyspace,
    /// More than one statement in one string, which Cassandra refuses too.
    #[error("only one statement is allowed per request")]
    MultipleStatements,
}

/// Longest keyspace or table name Cassandra accepts.
const MAX_NAME_LEN: usize = 48;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// An identifier or keyword: unquoted ones lowercased, with `quoted` set for `"…"`.
    Word { text: String, quoted: bool },
    /// A string, number or other literal: never a keyword or a name.
    Literal,
    /// One punctuation character.
    Punct(char),
}

impl Token {
    fn is_keyword(&self, kw: &str) -> bool {
        matches!(self, Token::Word { text, quoted: false } if text == kw)
    }
}

fn lex(text: &str) -> Result<Vec<Token>, ClassifyError> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        match c {
            _ if c.is_ascii_whitespace() => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = find(b, i + 2, b"*/").ok_or(ClassifyError::Syntax("unterminated comment"))? + 2
            }
            b'\'' => {
                i = quoted_end(b, i, b'\'').ok_or(ClassifyError::Syntax("unterminated string"))?;
                out.push(Token::Literal);
            }
            b'$' if b.get(i + 1) == Some(&b'$') => {
                i = find(b, i + 2, b"$$").ok_or(ClassifyError::Syntax("unterminated string"))? + 2;
                out.push(Token::Literal);
            }
            b'"' => {
                let end = quoted_end(b, i, b'"')
                    .ok_or(ClassifyError::Syntax("unterminated quoted identifier"))?;
                let inner = &text[i + 1..end - 1];
                out.push(Token::Word {
                    text: inner.replace("\"\"", "\""),
                    quoted: true,
                });
                i = end;
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                out.push(Token::Word {
                    text: text[start..i].to_ascii_lowercase(),
                    quoted: false,
                });
            }
            _ if c.is_ascii_digit() => {
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.') {
                    i += 1;
                }
                out.push(Token::Literal);
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
                out.push(Token::Punct(ch));
                i += ch.len_utf8().max(1);
            }
        }
    }
    Ok(out)
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p + 1)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The index just past a literal quoted by `q` starting at `start`, where `qq` escapes `q`.
fn quoted_end(b: &[u8], start: usize, q: u8) -> Option<usize> {
    let mut i = start + 1;
    while i < b.len() {
        if b[i] == q {
            if b.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// Classifies `text` in a session whose current keyspace is `keyspace`. A batch
/// (`BEGIN … APPLY BATCH`) yields one entry per inner statement; anything else yields one.
pub fn classify(text: &str, keyspace: Option<&str>) -> Result<Vec<Statement>, ClassifyError> {
    let mut tokens = lex(text)?;
    // One trailing `;` is allowed; any other top-level `;` separates statements.
    while tokens.last() == Some(&Token::Punct(';')) {
        tokens.pop();
    }
    let first = tokens.first().ok_or(ClassifyError::Empty)?;
    if first.is_keyword("begin") {
        return batch(&tokens, keyspace);
    }
    if tokens.contains(&Token::Punct(';')) {
        return Err(ClassifyError::MultipleStatements);
    }
    Ok(vec![single(&tokens, keyspace)?])
}

fn batch(tokens: &[Token], keyspace: Option<&str>) -> Result<Vec<Statement>, ClassifyError> {
    let mut i = 1;
    if tokens
        .get(i)
        .is_some_and(|t| t.is_keyword("unlogged") || t.is_keyword("counter"))
    {
        i += 1;
    }
    if !tokens.get(i).is_some_and(|t| t.is_keyword("batch")) {
        return Err(ClassifyError::Unsupported("BEGIN".into()));
    }
    let n = tokens.len();
    let applied = n >= 2 && tokens[n - 2].is_keyword("apply") && tokens[n - 1].is_keyword("batch");
    if !applied {
        return Err(ClassifyError::Syntax("BATCH without APPLY BATCH"));
    }
    let body = &tokens[i + 1..n - 2];
    let is_start = |t: &Token| {
        ["insert", "update", "delete"]
            .iter()
            .any(|k| t.is_keyword(k))
    };
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, t)| is_start(t))
        .map(|(j, _)| j)
        .collect();
    if starts.is_empty() {
        return Err(ClassifyError::Syntax("empty BATCH"));
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let mut part = &body[start..end];
        while let [rest @ .., Token::Punct(';')] = part {
            part = rest;
        }
        if part.contains(&Token::Punct(';')) {
            return Err(ClassifyError::Syntax("unexpected ';' in BATCH"));
        }
        out.push(single(part, keyspace)?);
    }
    Ok(out)
}

fn single(t: &[Token], keyspace: Option<&str>) -> Result<Statement, ClassifyError> {
    let word = |i: usize| match t.get(i) {
        Some(Token::Word {
            text,
            quoted: false,
        }) => text.as_str(),
        _ => "",
    };
    let unsupported = || ClassifyError::Unsupported(word(0).to_ascii_uppercase());
    match word(0) {
        "select" => table_statement(Action::Select, t, after_top_level(t, "from")?, keyspace),
        "delete" => table_statement(Action::Modify, t, after_top_level(t, "from")?, keyspace),
        "insert" if word(1) == "into" => table_statement(Action::Modify, t, 2, keyspace),
        "update" => table_statement(Action::Modify, t, 1, keyspace),
        "truncate" => {
            let at = if word(1) == "table" || word(1) == "columnfamily" {
                2
            } else {
                1
            };
            table_statement(Action::Modify, t, at, keyspace)
        }
        "use" => {
            let (ks, next) = name(t, 1)?;
            if next != t.len() {
                return Err(ClassifyError::Syntax("unexpected input after USE keyspace"));
            }
            Ok(Statement {
                action: Action::Use,
                keyspace: ks,
                table: None,
            })
        }
        verb @ ("create" | "drop" | "alter") => {
            let action = match verb {
                "create" => Action::Create,
                "drop" => Action::Drop,
                _ => Action::Alter,
            };
            let mut at = 2;
            let guard: &[&str] = match verb {
                "create" => &["if", "not", "exists"],
                "drop" => &["if", "exists"],
                _ => &["if", "exists"],
            };
            if word(at) == "if" {
                if !guard.iter().enumerate().all(|(k, g)| word(at + k) == *g) {
                    return Err(ClassifyError::Syntax("malformed IF [NOT] EXISTS"));
                }
                at += guard.len();
            }
            match word(1) {
                "keyspace" | "schema" => {
                    let (ks, _) = name(t, at)?;
                    Ok(Statement {
                        action,
                        keyspace: ks,
                        table: None,
                    })
                }
                "table" | "columnfamily" => table_statement(action, t, at, keyspace),
                "type" => {
                    let (ks, _) = qualified(t, at, keyspace)?;
                    Ok(Statement {
                        action,
                        keyspace: ks,
                        table: None,
                    })
                }
                _ => Err(ClassifyError::Unsupported(format!(
                    "{} {}",
                    verb.to_ascii_uppercase(),
                    word(1).to_ascii_uppercase()
                ))),
            }
        }
        _ => Err(unsupported()),
    }
}

/// The index after the first `kw` outside parentheses (SELECT's and DELETE's FROM).
fn after_top_level(t: &[Token], kw: &str) -> Result<usize, ClassifyError> {
    let mut depth = 0usize;
    for (i, tok) in t.iter().enumerate() {
        match tok {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ if depth == 0 && tok.is_keyword(kw) => return Ok(i + 1),
            _ => {}
        }
    }
    Err(ClassifyError::Syntax("missing FROM"))
}

fn table_statement(
    action: Action,
    t: &[Token],
    at: usize,
    keyspace: Option<&str>,
) -> Result<Statement, ClassifyError> {
    let (ks, table) = qualified(t, at, keyspace)?;
    Ok(Statement {
        action,
        keyspace: ks,
        table: Some(table),
    })
}

/// `ks.name` or `name` (in the session keyspace) at `at`.
fn qualified(
    t: &[Token],
    at: usize,
    keyspace: Option<&str>,
) -> Result<(String, String), ClassifyError> {
    let (first, next) = name(t, at)?;
    if t.get(next) == Some(&Token::Punct('.')) {
        let (second, _) = name(t, next + 1)?;
        return Ok((first, second));
    }
    let ks = keyspace.ok_or(ClassifyError::NoKeyspace)?;
    Ok((ks.to_owned(), first))
}

/// A keyspace or table name at `at`, and the index after it. Cassandra allows only
/// `[A-Za-z0-9_]{1,48}`, quoted or not; anything else could forge ARN segments, so it is
/// refused.
fn name(t: &[Token], at: usize) -> Result<(String, usize), ClassifyError> {
    match t.get(at) {
        Some(Token::Word { text, .. })
            if !text.is_empty()
                && text.len() <= MAX_NAME_LEN
                && text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') =>
        {
            Ok((text.clone(), at + 1))
        }
        Some(Token::Word { .. }) => Err(ClassifyError::Syntax("invalid keyspace or table name")),
        _ => Err(ClassifyError::Syntax("expected a keyspace or table name")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, ks: Option<&str>) -> (Action, String, Option<String>) {
        let mut v = classify(text, ks).unwrap();
        assert_eq!(v.len(), 1);
        let s = v.remove(0);
        (s.action, s.keyspace, s.table)
    }

    #[test]
    fn arns_are_keyspaces() {
        let s = Statement {
            action: Action::Select,
            keyspace: "ks".into(),
            table: Some("t".into()),
        };
        assert_eq!(
            s.resource_arn("us-east-1", "123456789012"),
            "arn:aws:cassandra:us-east-1:123456789012:/keyspace/ks/table/t"
        );
        let k = Statement { table: None, ..s };
        assert_eq!(
            k.resource_arn("us-east-1", "123456789012"),
            "arn:aws:cassandra:us-east-1:123456789012:/keyspace/ks/"
        );
    }

    #[test]
    fn comments_and_literals_hide_keywords() {
        assert_eq!(
            one(
                "SELECT 'from x.y' /* from a.b */ FROM -- from c.d\n ks.t",
                None
            ),
            (Action::Select, "ks".into(), Some("t".into()))
        );
    }

    #[test]
    fn batches_yield_each_statement() {
        let v = classify(
            "BEGIN BATCH INSERT INTO a.t (k) VALUES (1); UPDATE t SET v=1 WHERE k=1; \
             DELETE FROM b.u WHERE k=2; APPLY BATCH;",
            Some("cur"),
        )
        .unwrap();
        let tables: Vec<_> = v
            .iter()
            .map(|s| (s.keyspace.as_str(), s.table.as_deref()))
            .collect();
        assert_eq!(
            tables,
            vec![("a", Some("t")), ("cur", Some("t")), ("b", Some("u"))]
        );
        assert!(v.iter().all(|s| s.action == Action::Modify));
    }

    #[test]
    fn several_statements_fail_closed() {
        assert_eq!(
            classify("SELECT * FROM a.t; DROP KEYSPACE a", None),
            Err(ClassifyError::MultipleStatements)
        );
    }
}

//! Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`).
//!
//! Policy text that may hold variables is compiled once into a [`Template`]; evaluation
//! substitutes values from the request context. Substituted values are always literal, so a
//! tag value containing `*` cannot widen a `StringLike` or `Resource` pattern; `${*}`, `${?}`
//! and `${$}` exist precisely to write those characters literally.

use std::borrow::Cow;

use crate::glob::{tokenize, Pattern, Token};
use crate::request::ConditionContext;

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Policy text, in which `*` and `?` are wildcards for pattern operators.
    Text(Box<str>),
    /// Text that is always literal: `${*}`, `${?}`, `${$}`.
    Literal(&'static str),
    /// A context key to substitute.
    Variable {
        /// The key as written, reported when it is missing.
        key: Box<str>,
        /// The key lowercased for lookup.
        lookup: Box<str>,
        /// The value used when the key is absent.
        default: Option<Box<str>>,
    },
}

/// Policy text with its variables located, compiled once and resolved per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

/// A template whose variables could not all be resolved: IAM treats it as null, and the
/// statement holding it does not apply (see `CompiledStatement::applicability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unresolved;

impl Template {
    /// Splits `text` into pieces; with `expand_variables` false (policy version 2008-10-17 or
    /// none) `${...}` stays literal text, as IAM does.
    pub(crate) fn parse(text: &str, expand_variables: bool) -> Template {
        if !expand_variables || !text.contains("${") {
            return Template {
                pieces: vec![Piece::Text(text.into())],
            };
        }
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let after = rest.get(start + 2..).unwrap_or_default();
            let Some(end) = after.find('}') else { break };
            let body = after.get(..end).unwrap_or_default();
            let Some(piece) = parse_variable(body) else {
                push_text(&mut pieces, rest.get(..start + 2).unwrap_or_default());
                rest = after;
                continue;
            };
            push_text(&mut pieces, rest.get(..start).unwrap_or_default());
            pieces.push(piece);
            rest = after.get(end + 1..).unwrap_or_default();
        }
        push_text(&mut pieces, rest);
        Template { pieces }
    }

    /// The text when the template has no variables.
    pub(crate) fn static_text(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [] => Some(""),
            [Piece::Text(text)] => Some(text),
            _ => None,
        }
    }

    /// The variables without a default, as written and lowercased: a statement that uses
    /// one the request cannot resolve does not apply.
    pub(crate) fn required_variables(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Variable {
                key,
                lookup,
                default: None,
            } => Some((key.as_ref(), lookup.as_ref())),
            _ => None,
        })
    }

    /// Whether any `${...}` was recognised, including the fixed `${*}`, `${?}`, `${$}`.
    pub(crate) fn has_variables(&self) -> bool {
        self.pieces.iter().any(|p| !matches!(p, Piece::Text(_)))
    }

    /// Substitutes variables; wildcards in policy text stay as written (for equality
    /// operators they are ordinary characters).
    pub(crate) fn resolve_text<'t>(
        &'t self,
        context: &ConditionContext,
        missing: &mut dyn FnMut(&'t str),
    ) -> Result<Cow<'t, str>, Unresolved> {
        if let Some(text) = self.static_text() {
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::new();
        let mut ok = true;
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Literal(text) => out.push_str(text),
                Piece::Variable {
                    key,
                    lookup,
                    default,
                } => match (context.single_value(lookup), default) {
                    (Some(value), _) => out.push_str(value),
                    (None, Some(default)) => out.push_str(default),
                    (None, None) => {
                        if context.get_lowercase(lookup).is_none() {
                            missing(key);
                        }
                        ok = false;
                    }
                },
            }
        }
        if ok {
            Ok(Cow::Owned(out))
        } else {
            Err(Unresolved)
        }
    }

    /// Substitutes variables and compiles a wildcard pattern in which only the policy's own
    /// text can contribute wildcards.
    pub(crate) fn resolve_pattern<'t>(
        &'t self,
        context: &ConditionContext,
        missing: &mut dyn FnMut(&'t str),
    ) -> Result<Pattern, Unresolved> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut ok = true;
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => tokens.extend(tokenize(text, true)),
                Piece::Literal(text) => tokens.extend(tokenize(text, false)),
                Piece::Variable {
                    key,
                    lookup,
                    default,
                } => match (context.single_value(lookup), default) {
                    (Some(value), _) => tokens.extend(tokenize(value, false)),
                    (None, Some(default)) => tokens.extend(tokenize(default, false)),
                    (None, None) => {
                        if context.get_lowercase(lookup).is_none() {
                            missing(key);
                        }
                        ok = false;
                    }
                },
            }
        }
        if ok {
            Ok(Pattern::from_tokens(tokens))
        } else {
            Err(Unresolved)
        }
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(previous)) = pieces.last_mut() {
        let joined = format!("{previous}{text}");
        *previous = joined.into();
    } else {
        pieces.push(Piece::Text(text.into()));
    }
}

/// Reads the inside of `${...}`: a fixed character, or `key` with an optional `, 'default'`.
/// Anything else (spaces in the key, a missing quote, an empty body) is not a variable and
/// stays literal text.
fn parse_variable(body: &str) -> Option<Piece> {
    match body {
        "*" => return Some(Piece::Literal("*")),
        "?" => return Some(Piece::Literal("?")),
        "$" => return Some(Piece::Literal("$")),
        _ => {}
    }
    let (key, default) = match body.split_once(',') {
        Some((key, rest)) => {
            let quoted = rest.trim_start();
            let inner = quoted.strip_prefix('\'')?.strip_suffix('\'')?;
            (key, Some(inner))
        }
        None => (body, None),
    };
    if key.is_empty() || key.chars().any(char::is_whitespace) || !key.contains(':') {
        return None;
    }
    Some(Piece::Variable {
        key: key.into(),
        lookup: key.to_lowercase().into(),
        default: default.map(Into::into),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::ContextValue;

    fn context() -> ConditionContext {
        let mut ctx = ConditionContext::new();
        ctx.insert("aws:username", ContextValue::single("bob"));
        ctx.insert("aws:TagKeys", ContextValue::multiple(["a", "b"]));
        ctx
    }

    #[test]
    fn substitutes_and_defaults() {
        let t = Template::parse(
            "home/${aws:username}/${aws:PrincipalTag/team, 'none'}",
            true,
        );
        let mut missing = Vec::new();
        let out = t.resolve_text(&context(), &mut |k| missing.push(k.to_owned()));
        assert_eq!(out.as_deref().ok(), Some("home/bob/none"));
        assert!(missing.is_empty());
    }

    #[test]
    fn multivalued_and_absent_keys_are_null() {
        for text in ["${aws:TagKeys}", "${aws:userid}"] {
            let t = Template::parse(text, true);
            assert!(t.resolve_text(&context(), &mut |_| {}).is_err());
        }
    }

    #[test]
    fn legacy_version_is_literal() {
        let t = Template::parse("${aws:username}", false);
        assert_eq!(t.static_text(), Some("${aws:username}"));
    }

    #[test]
    fn fixed_characters_are_literal_in_patterns() {
        let t = Template::parse("a${*}b", true);
        let Ok(p) = t.resolve_pattern(&context(), &mut |_| {}) else {
            unreachable!()
        };
        assert!(p.matches("a*b", crate::glob::MatchMode::Text));
        assert!(!p.matches("axb", crate::glob::MatchMode::Text));
    }
}

//! Condition operators and their evaluation.
//!
//! Rules implemented here, from the IAM user guide's condition-operator and multivalued-key
//! pages:
//! - values under one key are ORed; keys under one operator and operators in one block are ANDed;
//! - negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`, …) are true when the
//!   request value matches none of the policy values, and true when the key is absent;
//! - `…IfExists` makes an absent key true; `Null` tests presence;
//! - `ForAllValues:` is true when every request value matches, and when the key is absent or
//!   an empty data set (an empty list or the empty string); `ForAnyValue:` needs one matching
//!   value and is false for an absent key or an empty data set; `Null: true` holds for both;
//! - a single-valued operator never matches a multivalued request value (a list, even of one
//!   element): the positive form is false, and the negated form is [`Truth::Error`] so that an
//!   `Allow` cannot grant through it while a `Deny` still denies (the single-vs-multivalued
//!   page says only that such a condition does not match; failing closed is Keyward's choice);
//! - `Bool` reads a request value other than `true`/`false` as false, as AWS's simulator does;
//! - any other value that does not parse as the operator's type yields [`Truth::Error`], which
//!   the evaluator resolves so as to deny (fail closed).

use crate::glob::{split_arn_text, MatchMode, Pattern};
use crate::request::{ConditionContext, ContextValue};
use crate::values::{decode_base64, parse_bool, parse_ip, Decimal, Instant, IpNetwork};
use crate::variables::Template;

/// Three-valued logic so that malformed input can be told apart from a plain mismatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Truth {
    True,
    False,
    /// The inputs could not be interpreted; the evaluator fails closed.
    Error,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }

    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Error => Truth::Error,
        }
    }

    pub(crate) fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::Error, _) | (_, Truth::Error) => Truth::Error,
            _ => Truth::True,
        }
    }

    fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::Error, _) | (_, Truth::Error) => Truth::Error,
            _ => Truth::False,
        }
    }
}

fn any<I: IntoIterator<Item = Truth>>(items: I) -> Truth {
    items.into_iter().fold(Truth::False, Truth::or)
}

fn all<I: IntoIterator<Item = Truth>>(items: I) -> Truth {
    items.into_iter().fold(Truth::True, Truth::and)
}

/// How a comparison operator orders the request value against the policy value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparison {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Comparison {
    fn holds<T: Ord>(self, request: &T, policy: &T) -> bool {
        match self {
            Comparison::Equal => request == policy,
            Comparison::Less => request < policy,
            Comparison::LessOrEqual => request <= policy,
            Comparison::Greater => request > policy,
            Comparison::GreaterOrEqual => request >= policy,
        }
    }
}

/// The operator families; each reads values as its own type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    String,
    StringIgnoreCase,
    StringLike,
    Numeric(Comparison),
    Date(Comparison),
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

impl Family {
    /// Whether policy variables may appear in values (Access Analyzer: String and ARN only).
    pub(crate) fn accepts_variables(self) -> bool {
        matches!(
            self,
            Family::String | Family::StringIgnoreCase | Family::StringLike | Family::Arn
        )
    }

    /// Whether values are parsed as dates (IAM checks them at write time).
    pub(crate) fn is_date(self) -> bool {
        matches!(self, Family::Date(_))
    }
}

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SetQualifier {
    ForAllValues,
    ForAnyValue,
}

/// A parsed condition operator name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operator {
    pub(crate) family: Family,
    negated: bool,
    set: Option<SetQualifier>,
    if_exists: bool,
}

impl Operator {
    /// Parses `[ForAllValues:|ForAnyValue:]Name[IfExists]`; operator names are case-sensitive.
    pub(crate) fn parse(text: &str) -> Option<Operator> {
        let (set, rest) = if let Some(rest) = text.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), rest)
        } else if let Some(rest) = text.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), rest)
        } else {
            (None, text)
        };
        let (if_exists, name) = match rest.strip_suffix("IfExists") {
            Some(name) => (true, name),
            None => (false, rest),
        };
        use Comparison::*;
        let (family, negated) = match name {
            "StringEquals" => (Family::String, false),
            "StringNotEquals" => (Family::String, true),
            "StringEqualsIgnoreCase" => (Family::StringIgnoreCase, false),
            "StringNotEqualsIgnoreCase" => (Family::StringIgnoreCase, true),
            "StringLike" => (Family::StringLike, false),
            "StringNotLike" => (Family::StringLike, true),
            "NumericEquals" => (Family::Numeric(Equal), false),
            "NumericNotEquals" => (Family::Numeric(Equal), true),
            "NumericLessThan" => (Family::Numeric(Less), false),
            "NumericLessThanEquals" => (Family::Numeric(LessOrEqual), false),
            "NumericGreaterThan" => (Family::Numeric(Greater), false),
            "NumericGreaterThanEquals" => (Family::Numeric(GreaterOrEqual), false),
            "DateEquals" => (Family::Date(Equal), false),
            "DateNotEquals" => (Family::Date(Equal), true),
            "DateLessThan" => (Family::Date(Less), false),
            "DateLessThanEquals" => (Family::Date(LessOrEqual), false),
            "DateGreaterThan" => (Family::Date(Greater), false),
            "DateGreaterThanEquals" => (Family::Date(GreaterOrEqual), false),
            "Bool" => (Family::Bool, false),
            "BinaryEquals" => (Family::Binary, false),
            "IpAddress" => (Family::IpAddress, false),
            "NotIpAddress" => (Family::IpAddress, true),
            "ArnEquals" | "ArnLike" => (Family::Arn, false),
            "ArnNotEquals" | "ArnNotLike" => (Family::Arn, true),
            "Null" => (Family::Null, false),
            _ => return None,
        };
        Some(Operator {
            family,
            negated,
            set,
            if_exists,
        })
    }
}

/// A policy value prepared for one operator family. `None` inside a typed list means the
/// policy value itself is malformed, which makes every comparison an error.
#[derive(Debug, Clone)]
enum PolicyValues {
    Text(Vec<Template>),
    Patterns(Vec<(Template, Option<Pattern>)>),
    Numbers(Option<Vec<Decimal>>),
    Dates(Option<Vec<Instant>>),
    Bools(Option<Vec<bool>>),
    Binaries(Option<Vec<Vec<u8>>>),
    Networks(Option<Vec<IpNetwork>>),
}

#[derive(Debug, Clone)]
struct CompiledEntry {
    key: Box<str>,
    lookup: Box<str>,
    values: PolicyValues,
}

/// One operator block of a statement's `Condition`, compiled.
#[derive(Debug, Clone)]
pub(crate) struct CompiledCondition {
    /// `None` for an operator IAM does not define: evaluates as an error (fail closed).
    operator: Option<Operator>,
    entries: Vec<CompiledEntry>,
}

fn typed<T>(values: &[String], parse: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    values.iter().map(|v| parse(v)).collect()
}

impl CompiledCondition {
    /// Compiles one operator block; `expand_variables` follows the policy version.
    pub(crate) fn compile(
        block: &crate::document::ConditionBlock,
        expand_variables: bool,
    ) -> CompiledCondition {
        let operator = Operator::parse(&block.operator);
        let entries = block
            .entries
            .iter()
            .map(|entry| {
                let templates = || {
                    entry
                        .values
                        .iter()
                        .map(|v| Template::parse(v, expand_variables))
                };
                let values = match operator.map(|o| o.family) {
                    Some(Family::String | Family::StringIgnoreCase) | None => {
                        PolicyValues::Text(templates().collect())
                    }
                    Some(Family::StringLike | Family::Arn) => PolicyValues::Patterns(
                        templates()
                            .map(|t| {
                                let static_pattern = t.static_text().map(Pattern::wildcard);
                                (t, static_pattern)
                            })
                            .collect(),
                    ),
                    Some(Family::Numeric(_)) => {
                        PolicyValues::Numbers(typed(&entry.values, Decimal::parse))
                    }
                    Some(Family::Date(_)) => {
                        PolicyValues::Dates(typed(&entry.values, Instant::parse))
                    }
                    Some(Family::Bool | Family::Null) => {
                        PolicyValues::Bools(typed(&entry.values, parse_bool))
                    }
                    Some(Family::Binary) => {
                        PolicyValues::Binaries(typed(&entry.values, decode_base64))
                    }
                    Some(Family::IpAddress) => {
                        PolicyValues::Networks(typed(&entry.values, IpNetwork::parse))
                    }
                };
                CompiledEntry {
                    key: entry.key.as_str().into(),
                    lookup: entry.key.to_lowercase().into(),
                    values,
                }
            })
            .collect();
        CompiledCondition { operator, entries }
    }

    /// The policy variables without a default that this block resolves; none for an unknown
    /// operator or a family that takes no variables.
    pub(crate) fn required_variables(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .flat_map(|entry| match &entry.values {
                PolicyValues::Text(templates) => templates.iter().collect::<Vec<_>>(),
                PolicyValues::Patterns(patterns) => patterns.iter().map(|(t, _)| t).collect(),
                _ => Vec::new(),
            })
            .filter(|_| self.operator.is_some())
            .flat_map(Template::required_variables)
    }

    /// Evaluates the block: every key must hold. Keys absent from the context and unresolved
    /// variables are reported through `missing`.
    pub(crate) fn evaluate<'p>(
        &'p self,
        context: &ConditionContext,
        missing: &mut dyn FnMut(&'p str),
    ) -> Truth {
        let Some(operator) = self.operator else {
            return Truth::Error;
        };
        let mut result = Truth::True;
        for entry in &self.entries {
            result = result.and(evaluate_entry(operator, entry, context, missing));
        }
        result
    }
}

fn evaluate_entry<'p>(
    operator: Operator,
    entry: &'p CompiledEntry,
    context: &ConditionContext,
    missing: &mut dyn FnMut(&'p str),
) -> Truth {
    let present = context.get_lowercase(&entry.lookup);
    let Some(present) = present else {
        missing(&entry.key);
        if operator.family == Family::Null {
            return null_truth(&entry.values, true);
        }
        return Truth::from_bool(match operator.set {
            Some(SetQualifier::ForAllValues) => true,
            Some(SetQualifier::ForAnyValue) => operator.if_exists,
            None => operator.if_exists || operator.negated,
        });
    };
    let values = present.values();
    let empty_set = match present {
        ContextValue::Single(value) => value.is_empty(),
        ContextValue::Multiple(values) => values.is_empty(),
    };
    if operator.family == Family::Null {
        return null_truth(&entry.values, empty_set);
    }
    match operator.set {
        Some(SetQualifier::ForAllValues) if empty_set => return Truth::True,
        Some(SetQualifier::ForAnyValue) if empty_set => return Truth::False,
        None if matches!(present, ContextValue::Multiple(_)) => {
            return if operator.negated {
                Truth::Error
            } else {
                Truth::False
            };
        }
        _ => {}
    }
    let mut positive =
        |value: &str| matches_any(operator.family, &entry.values, value, context, missing);
    match (operator.set, operator.negated) {
        (None, false) => any(values.iter().map(|v| positive(v))),
        (None, true) => any(values.iter().map(|v| positive(v))).not(),
        (Some(SetQualifier::ForAllValues), negated) => all(values.iter().map(|v| {
            let m = positive(v);
            if negated {
                m.not()
            } else {
                m
            }
        })),
        (Some(SetQualifier::ForAnyValue), negated) => any(values.iter().map(|v| {
            let m = positive(v);
            if negated {
                m.not()
            } else {
                m
            }
        })),
    }
}

/// Whether a `Null` condition holds, given whether the key is absent or an empty data set.
fn null_truth(policy: &PolicyValues, is_null: bool) -> Truth {
    match policy {
        PolicyValues::Bools(Some(expected)) => any(expected
            .iter()
            .map(|want| Truth::from_bool(*want == is_null))),
        _ => Truth::Error,
    }
}

/// Whether one request value matches any of the policy values (the positive form of the
/// operator).
fn matches_any<'p>(
    family: Family,
    policy: &'p PolicyValues,
    value: &str,
    context: &ConditionContext,
    missing: &mut dyn FnMut(&'p str),
) -> Truth {
    match (family, policy) {
        (Family::String, PolicyValues::Text(templates)) => any(templates.iter().map(|t| {
            Truth::from_bool(
                t.resolve_text(context, missing)
                    .is_ok_and(|text| text == value),
            )
        })),
        (Family::StringIgnoreCase, PolicyValues::Text(templates)) => {
            any(templates.iter().map(|t| {
                Truth::from_bool(
                    t.resolve_text(context, missing)
                        .is_ok_and(|text| text.to_lowercase() == value.to_lowercase()),
                )
            }))
        }
        (Family::StringLike | Family::Arn, PolicyValues::Patterns(patterns)) => {
            let mode = if family == Family::Arn {
                if split_arn_text(value).is_none() {
                    return Truth::Error;
                }
                MatchMode::ArnParts
            } else {
                MatchMode::Text
            };
            any(patterns.iter().map(|(template, compiled)| {
                Truth::from_bool(match compiled {
                    Some(pattern) => pattern.matches(value, mode),
                    None => template
                        .resolve_pattern(context, missing)
                        .is_ok_and(|pattern| pattern.matches(value, mode)),
                })
            }))
        }
        (Family::Numeric(cmp), PolicyValues::Numbers(Some(numbers))) => match Decimal::parse(value)
        {
            Some(v) => any(numbers.iter().map(|n| Truth::from_bool(cmp.holds(&v, n)))),
            None => Truth::Error,
        },
        (Family::Date(cmp), PolicyValues::Dates(Some(dates))) => match Instant::parse(value) {
            Some(v) => any(dates.iter().map(|d| Truth::from_bool(cmp.holds(&v, d)))),
            None => Truth::Error,
        },
        (Family::Bool, PolicyValues::Bools(Some(bools))) => {
            let v = parse_bool(value).unwrap_or(false);
            any(bools.iter().map(|b| Truth::from_bool(*b == v)))
        }
        (Family::Binary, PolicyValues::Binaries(Some(binaries))) => match decode_base64(value) {
            Some(v) => any(binaries.iter().map(|b| Truth::from_bool(*b == v))),
            None => Truth::Error,
        },
        (Family::IpAddress, PolicyValues::Networks(Some(networks))) => match parse_ip(value) {
            Some(ip) => any(networks.iter().map(|n| Truth::from_bool(n.contains(&ip)))),
            None => Truth::Error,
        },
        _ => Truth::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ConditionBlock;
    use crate::document::ConditionEntry;
    use crate::request::ContextValue;

    fn check(operator: &str, key: &str, values: &[&str], ctx: &ConditionContext) -> Truth {
        let block = ConditionBlock {
            operator: operator.into(),
            entries: vec![ConditionEntry {
                key: key.into(),
                values: values.iter().map(|v| (*v).to_owned()).collect(),
            }],
        };
        CompiledCondition::compile(&block, true).evaluate(ctx, &mut |_| {})
    }

    #[test]
    fn absent_key_rules() {
        let ctx = ConditionContext::new();
        assert_eq!(check("StringEquals", "k:a", &["x"], &ctx), Truth::False);
        assert_eq!(check("StringNotEquals", "k:a", &["x"], &ctx), Truth::True);
        assert_eq!(
            check("StringEqualsIfExists", "k:a", &["x"], &ctx),
            Truth::True
        );
        assert_eq!(
            check("ForAllValues:StringEquals", "k:a", &["x"], &ctx),
            Truth::True
        );
        assert_eq!(
            check("ForAnyValue:StringEquals", "k:a", &["x"], &ctx),
            Truth::False
        );
        assert_eq!(check("Null", "k:a", &["true"], &ctx), Truth::True);
        assert_eq!(check("Null", "k:a", &["false"], &ctx), Truth::False);
    }

    #[test]
    fn single_valued_operators_on_lists() {
        let mut ctx = ConditionContext::new();
        ctx.insert("aws:TagKeys", ContextValue::multiple(["env"]));
        assert_eq!(
            check("StringEquals", "aws:TagKeys", &["env"], &ctx),
            Truth::False
        );
        assert_eq!(
            check("StringNotEquals", "aws:TagKeys", &["x"], &ctx),
            Truth::Error
        );
        assert_eq!(
            check("StringEqualsIfExists", "aws:TagKeys", &["env"], &ctx),
            Truth::False
        );
        ctx.insert("aws:TagKeys", ContextValue::single("env"));
        assert_eq!(
            check("StringEquals", "aws:TagKeys", &["env"], &ctx),
            Truth::True
        );
    }

    #[test]
    fn empty_data_sets_and_non_boolean_values() {
        let mut ctx = ConditionContext::new();
        ctx.insert("k:empty", ContextValue::single(""));
        ctx.insert("k:none", ContextValue::multiple(Vec::<String>::new()));
        ctx.insert("k:flag", ContextValue::single("asdf"));
        for key in ["k:empty", "k:none"] {
            assert_eq!(
                check("ForAllValues:StringEquals", key, &["x"], &ctx),
                Truth::True
            );
            assert_eq!(
                check("ForAnyValue:StringEquals", key, &[""], &ctx),
                Truth::False
            );
            assert_eq!(check("Null", key, &["true"], &ctx), Truth::True);
        }
        assert_eq!(check("Bool", "k:flag", &["false"], &ctx), Truth::True);
        assert_eq!(check("Bool", "k:flag", &["true"], &ctx), Truth::False);
    }

    #[test]
    fn set_operators() {
        let mut ctx = ConditionContext::new();
        ctx.insert("aws:TagKeys", ContextValue::multiple(["env", "team"]));
        assert_eq!(
            check(
                "ForAllValues:StringEquals",
                "aws:TagKeys",
                &["env", "team", "cost"],
                &ctx
            ),
            Truth::True
        );
        assert_eq!(
            check("ForAllValues:StringEquals", "aws:TagKeys", &["env"], &ctx),
            Truth::False
        );
        assert_eq!(
            check("ForAnyValue:StringEquals", "aws:TagKeys", &["env"], &ctx),
            Truth::True
        );
        assert_eq!(
            check("ForAnyValue:StringNotEquals", "aws:TagKeys", &["env"], &ctx),
            Truth::True
        );
        assert_eq!(
            check(
                "ForAllValues:StringNotEquals",
                "aws:TagKeys",
                &["env"],
                &ctx
            ),
            Truth::False
        );
    }

    #[test]
    fn malformed_values_are_errors() {
        let mut ctx = ConditionContext::new();
        ctx.insert("s3:max-keys", ContextValue::single("ten"));
        assert_eq!(
            check("NumericLessThan", "s3:max-keys", &["10"], &ctx),
            Truth::Error
        );
        assert_eq!(
            check("NumericLessThan", "s3:max-keys", &["x"], &ctx),
            Truth::Error
        );
        assert_eq!(
            check("StringFuzzy", "s3:max-keys", &["x"], &ctx),
            Truth::Error
        );
    }

    #[test]
    fn negated_operators_with_many_policy_values_are_and() {
        let mut ctx = ConditionContext::new();
        ctx.insert("aws:RequestedRegion", ContextValue::single("eu-west-1"));
        let regions = ["us-east-1", "us-west-2"];
        assert_eq!(
            check("StringNotEquals", "aws:RequestedRegion", &regions, &ctx),
            Truth::True
        );
        ctx.insert("aws:RequestedRegion", ContextValue::single("us-west-2"));
        assert_eq!(
            check("StringNotEquals", "aws:RequestedRegion", &regions, &ctx),
            Truth::False
        );
    }
}

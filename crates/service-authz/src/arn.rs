//! The Service Authorization Reference's ARN templates
//! (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`): their variables, filling them, and
//! recognising an ARN a request gives whole.

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece<'t> {
    /// Text that must appear as is.
    Literal(&'t str),
    /// `${Name}`.
    Variable(&'t str),
    /// A literal `*` (braket's `arn:${Partition}:braket:*:*:device/…`): any text without `:`.
    Any,
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let next_var = rest.find("${");
        let next_star = rest.find('*');
        match (next_var, next_star) {
            (Some(v), s) if s.is_none_or(|s| v < s) => {
                let (literal, after) = rest.split_at(v);
                if !literal.is_empty() {
                    out.push(Piece::Literal(literal));
                }
                match after.find('}') {
                    Some(end) => {
                        out.push(Piece::Variable(after.get(2..end).unwrap_or_default()));
                        rest = after.get(end + 1..).unwrap_or_default();
                    }
                    None => {
                        out.push(Piece::Literal(after));
                        rest = "";
                    }
                }
            }
            (_, Some(s)) => {
                let (literal, after) = rest.split_at(s);
                if !literal.is_empty() {
                    out.push(Piece::Literal(literal));
                }
                out.push(Piece::Any);
                rest = after.get(1..).unwrap_or_default();
            }
            _ => {
                out.push(Piece::Literal(rest));
                rest = "";
            }
        }
    }
    out
}

/// The `${…}` variables of `template`, in order.
pub(crate) fn variables(template: &str) -> Vec<&str> {
    pieces(template)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Variable(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// `template` with every variable replaced by `value(name)`; `None` if one has no value.
pub(crate) fn fill<'t>(
    template: &'t str,
    mut value: impl FnMut(&'t str) -> Option<String>,
) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 32);
    for piece in pieces(template) {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Variable(name) => out.push_str(&value(name)?),
            Piece::Any => out.push('*'),
        }
    }
    Some(out)
}

/// How specific a template is when several match one ARN: its literal length.
pub(crate) fn specificity(template: &str) -> usize {
    pieces(template)
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => text.len(),
            _ => 0,
        })
        .sum()
}

/// Whether `arn` is an ARN of `template`'s form. Variables match text without `:` or `/`,
/// except the last piece, which takes the rest (S3 keys, Lambda qualifiers); `*` matches text
/// without `:`, possibly empty (braket devices have no Region or account).
pub(crate) fn matches(template: &str, arn: &str) -> bool {
    fn go(pieces: &[Piece<'_>], text: &str) -> bool {
        let Some((first, rest)) = pieces.split_first() else {
            return text.is_empty();
        };
        match first {
            Piece::Literal(literal) => text
                .strip_prefix(literal)
                .is_some_and(|after| go(rest, after)),
            Piece::Variable(_) if rest.is_empty() => !text.is_empty(),
            Piece::Variable(_) | Piece::Any => {
                let stop = text.find([':', '/']).unwrap_or(text.len());
                let stop = if matches!(first, Piece::Any) {
                    text.find(':').unwrap_or(text.len())
                } else {
                    stop
                };
                let min = usize::from(matches!(first, Piece::Variable(_)));
                (min..=stop).any(|end| text.get(end..).is_some_and(|after| go(rest, after)))
            }
        }
    }
    arn.starts_with("arn:") && go(&pieces(template), arn)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OBJECT: &str = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    const TABLE: &str = "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}";
    const INDEX: &str =
        "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/index/${IndexName}";
    const DEVICE: &str = "arn:${Partition}:braket:*:*:device/${DeviceType}/${Provider}/${DeviceId}";

    #[test]
    fn variables_and_filling() {
        assert_eq!(variables(OBJECT), ["Partition", "BucketName", "ObjectName"]);
        let filled = fill(OBJECT, |name| match name {
            "Partition" => Some("aws".into()),
            "BucketName" => Some("docs".into()),
            "ObjectName" => Some("a/b.txt".into()),
            _ => None,
        });
        assert_eq!(filled.as_deref(), Some("arn:aws:s3:::docs/a/b.txt"));
        assert_eq!(fill(OBJECT, |_| None), None);
    }

    #[test]
    fn recognising_whole_arns() {
        assert!(matches(OBJECT, "arn:aws:s3:::docs/a/b.txt"));
        assert!(!matches(OBJECT, "arn:aws:s3:::docs"));
        assert!(matches(
            TABLE,
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"
        ));
        assert!(matches(
            INDEX,
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/ByDate"
        ));
        assert!(!matches(
            INDEX,
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"
        ));
        assert!(specificity(INDEX) > specificity(TABLE));
        assert!(matches(
            DEVICE,
            "arn:aws:braket:::device/quantum-simulator/amazon/sv1"
        ));
        assert!(matches(
            DEVICE,
            "arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1"
        ));
        assert!(!matches(
            TABLE,
            "arn:aws:sqs:us-east-1:123456789012:table/Orders"
        ));
        assert!(!matches(TABLE, "Orders"));
    }
}

//! Typed interpretations of condition values.
//!
//! Condition values arrive as text, both in policies and in the request context; each operator
//! family reads them as its own type. A value that does not parse is reported as `None` so the
//! evaluator can fail closed instead of guessing.

use std::cmp::Ordering;
use std::net::IpAddr;

/// An exact decimal number, compared without floating-point rounding.
///
/// IAM numeric operators accept integers and decimals; comparing digit strings keeps
/// `9007199254740993` distinct from `9007199254740992`, which `f64` would not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal {
    negative: bool,
    integer: Box<str>,
    fraction: Box<str>,
}

impl Decimal {
    /// Parses `[+-]digits[.digits]` (either side of the point may be empty, not both).
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, text.get(1..)?),
            Some(b'+') => (false, text.get(1..)?),
            _ => (false, text),
        };
        let (integer, fraction) = body.split_once('.').unwrap_or((body, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (integer.is_empty() && fraction.is_empty()) || !digits(integer) || !digits(fraction) {
            return None;
        }
        let integer = integer.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        let zero = integer.is_empty() && fraction.is_empty();
        Some(Decimal {
            negative: negative && !zero,
            integer: integer.into(),
            fraction: fraction.into(),
        })
    }

    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        self.integer
            .len()
            .cmp(&other.integer.len())
            .then_with(|| self.integer.cmp(&other.integer))
            .then_with(|| self.fraction.cmp(&other.fraction))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A point in time as nanoseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Instant(i128);

impl Instant {
    /// Parses W3C ISO 8601 (`2020-01-01`, `2020-01-01T10:00Z`, `…T10:00:00.5+02:00`) or epoch
    /// seconds. Like IAM, text without `T` or `-` is read as epoch seconds.
    pub(crate) fn parse(text: &str) -> Option<Instant> {
        if text.contains(['t', 'T', '-']) && !text.starts_with('-') {
            parse_iso8601(text)
        } else {
            parse_epoch(text)
        }
    }
}

const NANOS: i128 = 1_000_000_000;

fn parse_epoch(text: &str) -> Option<Instant> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let (negative, digits) = match whole.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, whole),
    };
    if digits.is_empty() || digits.len() > 18 || fraction.len() > 9 {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let seconds: i128 = digits.parse().ok()?;
    let nanos = fraction_nanos(fraction)?;
    let total = seconds * NANOS + nanos;
    Some(Instant(if negative { -total } else { total }))
}

fn fraction_nanos(fraction: &str) -> Option<i128> {
    if fraction.is_empty() {
        return Some(0);
    }
    let value: i128 = fraction.parse().ok()?;
    let scale = 10i128.checked_pow(9u32.checked_sub(u32::try_from(fraction.len()).ok()?)?)?;
    Some(value * scale)
}

fn number(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_iso8601(text: &str) -> Option<Instant> {
    let (date, time) = match text.find(['T', 't']) {
        Some(i) => (text.get(..i)?, Some(text.get(i + 1..)?)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = number(parts.next()?, 4)?;
    let month = parts.next().map(|m| number(m, 2)).unwrap_or(Some(1))?;
    let day = parts.next().map(|d| number(d, 2)).unwrap_or(Some(1))?;
    if parts.next().is_some()
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
    {
        return None;
    }
    let mut seconds_of_day = 0i64;
    let mut nanos = 0i128;
    let mut offset_seconds = 0i64;
    if let Some(time) = time {
        let (clock, zone) = split_zone(time)?;
        offset_seconds = zone;
        let mut fields = clock.split(':');
        let hour = number(fields.next()?, 2)?;
        let minute = number(fields.next()?, 2)?;
        let (second, fraction) = match fields.next() {
            Some(s) => {
                let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
                if s.contains('.') && frac.is_empty() {
                    return None;
                }
                (number(whole, 2)?, frac)
            }
            None => (0, ""),
        };
        if fields.next().is_some() || hour > 23 || minute > 59 || second > 60 || fraction.len() > 9
        {
            return None;
        }
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        seconds_of_day = hour * 3600 + minute * 60 + second;
        nanos = fraction_nanos(fraction)?;
    }
    let days = days_from_civil(year, month, day);
    let seconds =
        i128::from(days) * 86_400 + i128::from(seconds_of_day) - i128::from(offset_seconds);
    Some(Instant(seconds * NANOS + nanos))
}

/// Splits `hh:mm[:ss[.f]]` from its zone designator; a time without zone is UTC.
fn split_zone(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(i) => {
            let clock = time.get(..i)?;
            let sign = if time.get(i..i + 1)? == "-" { -1 } else { 1 };
            let zone = time.get(i + 1..)?;
            let (h, m) = match zone.split_once(':') {
                Some((h, m)) => (number(h, 2)?, number(m, 2)?),
                None if zone.len() == 4 => (number(zone.get(..2)?, 2)?, number(zone.get(2..)?, 2)?),
                None => (number(zone, 2)?, 0),
            };
            if h > 23 || m > 59 {
                return None;
            }
            Some((clock, sign * (h * 3600 + m * 60)))
        }
        None => Some((time, 0)),
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads IAM's boolean text, case-insensitively.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// An IPv4 or IPv6 network; a bare address is a /32 or /128.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IpNetwork {
    address: IpAddr,
    prefix: u8,
}

impl IpNetwork {
    /// Parses `address[/prefix]`.
    pub(crate) fn parse(text: &str) -> Option<IpNetwork> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let address: IpAddr = address.trim().parse().ok()?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 3 => {
                p.parse::<u8>().ok()?
            }
            Some(_) => return None,
            None => max,
        };
        (prefix <= max).then_some(IpNetwork { address, prefix })
    }

    /// Whether `address` falls inside this network; different families never match.
    pub(crate) fn contains(&self, address: &IpAddr) -> bool {
        match (self.address, address) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(*ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(*ip) & mask
            }
            _ => false,
        }
    }
}

/// Parses a request IP address (a plain address, no prefix).
pub(crate) fn parse_ip(text: &str) -> Option<IpAddr> {
    text.trim().parse().ok()
}

/// Decodes standard base64 (padding optional), the form `BinaryEquals` values take.
pub(crate) fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let trimmed = text.trim_end_matches('=');
    if text.len() - trimmed.len() > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for b in trimmed.bytes() {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xFF).ok()?);
        }
    }
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_compare_exactly() {
        let d = |s| Decimal::parse(s);
        assert_eq!(d("10"), d("10.0"));
        assert_eq!(d("-0"), d("0"));
        assert!(d("9007199254740993") > d("9007199254740992"));
        assert!(d("-2") < d("-1.5"));
        assert!(d("0.5") < d("1"));
        assert!(d(".5") == d("0.5"));
        assert!(d("abc").is_none());
        assert!(d("").is_none());
        assert!(d("1e3").is_none());
    }

    #[test]
    fn dates() {
        let a = Instant::parse("2020-01-01T00:00:00Z");
        assert_eq!(a, Instant::parse("1577836800"));
        assert_eq!(a, Instant::parse("2020-01-01"));
        assert_eq!(a, Instant::parse("2020-01-01T02:00:00+02:00"));
        assert_eq!(a, Instant::parse("2020-01-01T00:00Z"));
        assert!(Instant::parse("2020-01-01T00:00:00.5Z") > a);
        assert!(Instant::parse("2020-02-30").is_none());
        assert!(Instant::parse("2020-13-01").is_none());
        assert!(Instant::parse("yesterday").is_none());
    }

    #[test]
    fn networks() {
        let net = IpNetwork::parse("203.0.113.0/24");
        let ip = parse_ip("203.0.113.7");
        assert!(matches!((net, ip), (Some(n), Some(i)) if n.contains(&i)));
        let v6 = IpNetwork::parse("2001:DB8:1234:5678::/64");
        let ip6 = parse_ip("2001:db8:1234:5678::1");
        assert!(matches!((v6, ip6), (Some(n), Some(i)) if n.contains(&i)));
        assert!(IpNetwork::parse("10.0.0.0/33").is_none());
        let all = IpNetwork::parse("0.0.0.0/0");
        assert!(matches!((all, ip), (Some(n), Some(i)) if n.contains(&i)));
    }

    #[test]
    fn base64() {
        assert_eq!(
            decode_base64("QmluYXJ5VmFsdWU="),
            Some(b"BinaryValue".to_vec())
        );
        assert_eq!(
            decode_base64("QmluYXJ5VmFsdWU"),
            Some(b"BinaryValue".to_vec())
        );
        assert_eq!(decode_base64("!!"), None);
    }
}

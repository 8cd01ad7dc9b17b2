//! SigV4's basic ISO-8601 timestamps (`20150830T123600Z`), without allocation.
#![allow(
    clippy::indexing_slicing,
    reason = "fixed-width timestamps are indexed only after their length is checked"
)]

use std::fmt;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A timestamp rendered as `YYYYMMDD'T'HHMMSS'Z'` on the stack, because it is written into every
/// string to sign and the verify path must not allocate for it.
#[derive(Clone, Copy)]
pub(crate) struct AmzDate([u8; 16]);

impl AmzDate {
    /// Renders `t` in UTC. Years outside 0..=9999 cannot be expressed in the format and are
    /// reduced modulo 10000; no real client signs with them.
    pub(crate) fn new(t: OffsetDateTime) -> Self {
        let t = t.to_offset(UtcOffset::UTC);
        let mut out = [0u8; 16];
        let year = t.year().rem_euclid(10_000) as u32;
        put_digits(&mut out[0..4], year);
        put_digits(&mut out[4..6], u32::from(u8::from(t.month())));
        put_digits(&mut out[6..8], u32::from(t.day()));
        out[8] = b'T';
        put_digits(&mut out[9..11], u32::from(t.hour()));
        put_digits(&mut out[11..13], u32::from(t.minute()));
        put_digits(&mut out[13..15], u32::from(t.second()));
        out[15] = b'Z';
        Self(out)
    }

    /// The whole timestamp.
    pub(crate) fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The `YYYYMMDD` part, which is the credential-scope date.
    pub(crate) fn date(&self) -> &str {
        // Only ASCII digits are ever written.
        std::str::from_utf8(&self.0[..8]).unwrap_or_default()
    }

    /// The whole timestamp as text.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for AmzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn put_digits(out: &mut [u8], mut value: u32) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Parses exactly `YYYYMMDD'T'HHMMSS'Z'`, the only form AWS accepts in `X-Amz-Date`.
pub(crate) fn parse_amz_date(s: &str) -> Option<OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    let month = Month::try_from(u8::try_from(digits(&b[4..6])?).ok()?).ok()?;
    let day = u8::try_from(digits(&b[6..8])?).ok()?;
    let hour = u8::try_from(digits(&b[9..11])?).ok()?;
    let minute = u8::try_from(digits(&b[11..13])?).ok()?;
    let second = u8::try_from(digits(&b[13..15])?).ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms(hour, minute, second).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn round_trips() {
        let t = datetime!(2015-08-30 12:36:00 UTC);
        assert_eq!(AmzDate::new(t).as_str(), "20150830T123600Z");
        assert_eq!(AmzDate::new(t).date(), "20150830");
        assert_eq!(parse_amz_date("20150830T123600Z"), Some(t));
    }

    #[test]
    fn converts_offsets_to_utc() {
        let t = datetime!(2015-08-30 14:36:00 +02:00);
        assert_eq!(AmzDate::new(t).as_str(), "20150830T123600Z");
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "",
            "20150830",
            "2015-08-30T12:36:00Z",
            "20150830T123600",
            "20150830T123600z",
            "20151330T123600Z",
            "20150230T123600Z",
            "20150830T243600Z",
            "2015083aT123600Z",
            "+0150830T123600Z",
        ] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
    }
}

//! Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as AWS's virtual MFA devices
//! use them: HMAC-SHA-1, 30-second steps, six digits; and the base32 (RFC 4648) their seeds
//! are handed out in.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;

/// Length of a time step, in seconds.
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;

const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// The time step a Unix time falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// RFC 4226's HOTP value of `counter` under `key`, `digits` long, zero-padded.
pub fn hotp(key: &[u8], counter: u64, digits: u32) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        // HMAC takes keys of any length; this cannot happen.
        return String::new();
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest.last().copied().unwrap_or(0) & 0x0f);
    let word: [u8; 4] = digest
        .get(offset..offset + 4)
        .and_then(|s| s.try_into().ok())
        .unwrap_or_default();
    let value = u32::from_be_bytes(word) & 0x7fff_ffff;
    let code = u64::from(value) % 10u64.pow(digits);
    format!("{code:0width$}", width = digits as usize)
}

/// The six-digit code of time step `step`.
pub fn code_at(key: &[u8], step: i64) -> String {
    hotp(key, u64::try_from(step).unwrap_or(0), DIGITS)
}

/// Whether `code` is the code of `step`, compared in constant time.
pub fn matches(key: &[u8], step: i64, code: &str) -> bool {
    step >= 0 && bool::from(code_at(key, step).as_bytes().ct_eq(code.as_bytes()))
}

/// RFC 4648 base32, unpadded (seeds are a multiple of five bytes, so nothing is lost).
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(symbol(buffer >> bits));
        }
    }
    if bits > 0 {
        out.push(symbol(buffer << (5 - bits)));
    }
    out
}

/// The base32 symbol of the low five bits of `value`.
fn symbol(value: u32) -> char {
    let index = (value & 31) as usize;
    char::from(BASE32_ALPHABET.get(index).copied().unwrap_or(b'A'))
}

/// Decodes RFC 4648 base32 (padding and case ignored); `None` for any other character.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for c in text.trim_end_matches('=').bytes() {
        let c = c.to_ascii_uppercase();
        let value = BASE32_ALPHABET.iter().position(|&a| a == c)?;
        buffer = (buffer << 5) | u32::try_from(value).ok()?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, Appendix B: the SHA-1 rows (seed "12345678901234567890", eight digits).
    #[test]
    fn rfc_6238_sha1_test_vectors() {
        let key = b"12345678901234567890";
        for (time, expected) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            let step = u64::try_from(step_at(time)).unwrap();
            assert_eq!(hotp(key, step, 8), expected, "T = {time}");
            // Six digits are the last six of the same value.
            assert_eq!(code_at(key, step_at(time)), expected[2..], "T = {time}");
        }
    }

    /// RFC 4226, Appendix D: HOTP values of counters 0–9.
    #[test]
    fn rfc_4226_hotp_test_vectors() {
        let key = b"12345678901234567890";
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp(key, counter as u64, 6), *code);
        }
    }

    #[test]
    fn matches_only_the_steps_code() {
        let key = b"12345678901234567890";
        assert!(matches(key, 1, "287082"));
        assert!(!matches(key, 2, "287082"));
        assert!(!matches(key, 1, "28708"));
        assert!(!matches(key, -1, "287082"));
    }

    /// RFC 4648, section 10.
    #[test]
    fn base32_round_trips_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32_encode(plain.as_bytes()), encoded);
            assert_eq!(base32_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base32_decode("mzxw6===").unwrap(), b"foo");
        assert_eq!(base32_decode("MZ1W"), None);
    }
}

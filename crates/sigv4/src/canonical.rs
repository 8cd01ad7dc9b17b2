//! The canonical request, written piecewise into a [`Sink`] so that verification can hash it
//! without ever materialising it, while diagnostics and tests get the same bytes as a string.
#![allow(
    clippy::indexing_slicing,
    reason = "hot-path byte scanners index only below the length of the slice they loop over; proptests and the parse_auth fuzz target cover them"
)]

use std::borrow::Cow;

use sha2::{Digest, Sha256};

use crate::{AuthError, AuthLocation, SignableRequest};

/// Where canonical-request bytes go: a hasher on the hot path, a buffer for diagnostics.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &[u8]);

    /// Separators are single bytes; a dedicated path avoids a `memmove` call per separator.
    fn put_byte(&mut self, byte: u8) {
        self.put(&[byte]);
    }
}

/// SHA-256 fed through a stack buffer: the canonical request arrives in dozens of tiny pieces,
/// and batching them into few `update` calls is much cheaper than feeding the hasher
/// directly, without allocating (verify went from ~2.2x to ~1.6x the hashing floor).
pub(crate) struct HashSink {
    hasher: Sha256,
    buf: [u8; 512],
    len: usize,
}

impl HashSink {
    pub(crate) fn new() -> Self {
        Self {
            hasher: Sha256::new(),
            buf: [0; 512],
            len: 0,
        }
    }

    /// Lowercase hex of the digest of everything put so far.
    pub(crate) fn finish_hex(mut self) -> [u8; 64] {
        self.hasher.update(&self.buf[..self.len]);
        hex32(&self.hasher.finalize())
    }
}

impl HashSink {
    #[inline(never)]
    fn spill(&mut self, bytes: &[u8]) {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
        if bytes.len() > self.buf.len() {
            self.hasher.update(bytes);
        } else {
            self.buf[..bytes.len()].copy_from_slice(bytes);
            self.len = bytes.len();
        }
    }
}

impl Sink for HashSink {
    #[inline(always)]
    fn put_byte(&mut self, byte: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        } else {
            self.spill(&[byte]);
        }
    }

    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        match self.buf.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.len = end;
            }
            None => self.spill(bytes),
        }
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// SHA-256 of an empty body, precomputed because GET requests are common.
const EMPTY_SHA256: &[u8; 64] = b"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Lowercase hex of a 32-byte digest, on the stack.
#[inline]
pub(crate) fn hex32(bytes: &[u8]) -> [u8; 64] {
    let mut out = [0u8; 64];
    for (i, b) in bytes.iter().take(32).enumerate() {
        out[2 * i] = HEX_LOWER[usize::from(b >> 4)];
        out[2 * i + 1] = HEX_LOWER[usize::from(b & 0xf)];
    }
    out
}

/// Hex SHA-256 of a body.
pub(crate) fn body_sha256_hex(body: &[u8]) -> [u8; 64] {
    if body.is_empty() {
        return *EMPTY_SHA256;
    }
    hex32(&Sha256::digest(body))
}

#[inline]
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encodes everything but RFC 3986 unreserved characters (and `/` when asked), writing
/// unreserved runs as single slices.
fn encode_into<S: Sink>(sink: &mut S, bytes: &[u8], keep_slash: bool) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if is_unreserved(b) || (keep_slash && b == b'/') {
            continue;
        }
        if start < i {
            sink.put(&bytes[start..i]);
        }
        sink.put(&[
            b'%',
            HEX_UPPER[usize::from(b >> 4)],
            HEX_UPPER[usize::from(b & 0xf)],
        ]);
        start = i + 1;
    }
    if start < bytes.len() {
        sink.put(&bytes[start..]);
    }
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decodes a query-string element the way AWS does: `+` is a space, and a broken escape
/// is a `MalformedQueryString` with AWS's wording.
pub(crate) fn decode_query_element(raw: &str) -> Result<Cow<'_, [u8]>, AuthError> {
    let bytes = raw.as_bytes();
    if !bytes.iter().any(|&b| b == b'%' || b == b'+') {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let (Some(&h), Some(&l)) = (bytes.get(i + 1), bytes.get(i + 2)) else {
                    return Err(AuthError::MalformedQueryString {
                        detail: "Incomplete trailing escape % sequence".to_owned(),
                    });
                };
                let (Some(h), Some(l)) = (hex_val(h), hex_val(l)) else {
                    let shown = String::from_utf8_lossy(&bytes[i + 1..i + 3]);
                    return Err(AuthError::MalformedQueryString {
                        detail: format!("Illegal hex character in escape % pattern: %{shown}"),
                    });
                };
                out.push(h << 4 | l);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// Raw `name=value` pairs of a query string; empty pieces (`a=1&&b=2`) are skipped.
pub(crate) fn raw_query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// How the URI path enters the canonical request.
///
/// AWS services disagree: S3 signs object keys as they are, everything else normalises the path
/// and percent-encodes the already-encoded wire path a second time (what botocore and the SDKs
/// do, and what the `double-url-encode` test case pins down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMode {
    /// Non-S3 services: remove `.`/`..` segments and empty segments, then encode the wire path
    /// again (`%3A` becomes `%253A`).
    Normalized,
    /// Encode the wire path again without normalising it (the test suite's `normalize: false`).
    Unnormalized,
    /// S3: no normalisation; the path is decoded once and re-encoded once.
    S3,
}

impl PathMode {
    /// The mode AWS uses for `service` (only `s3` is special).
    pub fn for_service(service: &str) -> Self {
        if service == "s3" {
            Self::S3
        } else {
            Self::Normalized
        }
    }
}

/// RFC 3986 dot-segment removal plus collapsing of empty segments, clamped at the root, keeping a
/// trailing slash. Only called when the path actually has `//` or dot segments.
fn normalize_segments(path: &str) -> String {
    let mut stack: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                stack.pop();
            }
            s => stack.push(s),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    for seg in &stack {
        out.push('/');
        out.push_str(seg);
    }
    let trailing = ["/", "/.", "/.."].iter().any(|t| path.ends_with(t));
    if out.is_empty() || (trailing && !out.ends_with('/')) {
        out.push('/');
    }
    out
}

fn needs_normalizing(path: &str) -> bool {
    !path.starts_with('/')
        || path.contains("//")
        || path.split('/').any(|seg| seg == "." || seg == "..")
}

fn write_path<S: Sink>(sink: &mut S, path: &str, mode: PathMode) {
    if path.is_empty() {
        sink.put(b"/");
        return;
    }
    match mode {
        PathMode::Normalized => {
            if needs_normalizing(path) {
                encode_into(sink, normalize_segments(path).as_bytes(), true);
            } else {
                encode_into(sink, path.as_bytes(), true);
            }
        }
        PathMode::Unnormalized => encode_into(sink, path.as_bytes(), true),
        PathMode::S3 => encode_into(sink, &decode_path_lenient(path), true),
    }
}

/// Decodes `%XX` escapes once; a broken escape stays literal (its `%` is then encoded), because
/// S3 keys are signed as the client meant them and a stray `%` cannot have been meant otherwise.
fn decode_path_lenient(path: &str) -> Cow<'_, [u8]> {
    let bytes = path.as_bytes();
    if !bytes.contains(&b'%') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let pair = (
                bytes.get(i + 1).copied().and_then(hex_val),
                bytes.get(i + 2).copied().and_then(hex_val),
            );
            if let (Some(h), Some(l)) = pair {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(out)
}

/// Canonical query: every pair decoded and re-encoded, sorted by encoded name then value;
/// `X-Amz-Signature` is left out of presigned requests.
fn write_query<S: Sink>(
    sink: &mut S,
    query: &str,
    location: AuthLocation,
) -> Result<(), AuthError> {
    if query.is_empty() {
        return Ok(());
    }
    let mut buf: Vec<u8> = Vec::with_capacity(query.len() + 16);
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (name, value) in raw_query_pairs(query) {
        let name = decode_query_element(name)?;
        if location == AuthLocation::QueryString && name.as_ref() == b"X-Amz-Signature" {
            continue;
        }
        let value = decode_query_element(value)?;
        let start = buf.len();
        encode_into(&mut buf, &name, false);
        let mid = buf.len();
        encode_into(&mut buf, &value, false);
        pairs.push((start, mid, buf.len()));
    }
    pairs.sort_by(|a, b| (&buf[a.0..a.1], &buf[a.1..a.2]).cmp(&(&buf[b.0..b.1], &buf[b.1..b.2])));
    for (i, &(start, mid, end)) in pairs.iter().enumerate() {
        if i > 0 {
            sink.put_byte(b'&');
        }
        sink.put(&buf[start..mid]);
        sink.put_byte(b'=');
        sink.put(&buf[mid..end]);
    }
    Ok(())
}

/// A header value trimmed, with runs of spaces folded to one space.
fn write_header_value<S: Sink>(sink: &mut S, value: &str) {
    let v = value.trim_matches(is_ws_char);
    // Substring search is vectorised; most values have no double space and go out in one piece.
    if !v.contains("  ") {
        sink.put(v.as_bytes());
        return;
    }
    let v = v.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while i < v.len() {
        if v[i] == b' ' && v.get(i + 1) == Some(&b' ') {
            sink.put(&v[run_start..=i]);
            while v.get(i + 1) == Some(&b' ') {
                i += 1;
            }
            run_start = i + 1;
        }
        i += 1;
    }
    if run_start < v.len() {
        sink.put(&v[run_start..]);
    }
}

/// The first value of a header, by case-insensitive name.
pub(crate) fn header<'a>(req: &SignableRequest<'a>, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

/// The payload hash line: `X-Amz-Content-Sha256` when the client sent one, otherwise the body's
/// hash (or `UNSIGNED-PAYLOAD` for presigned S3, as the SDKs sign it).
pub(crate) enum PayloadHash<'a> {
    Computed([u8; 64]),
    Given(&'a str),
}

impl PayloadHash<'_> {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Computed(h) => h,
            Self::Given(s) => s.as_bytes(),
        }
    }
}

fn is_hex_digest(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The payload hash a verifier must use.
///
/// A claimed `X-Amz-Content-Sha256` is only the signed payload hash; on its own it would let a
/// man in the middle swap the body. So for every service a hex claim must equal the body's hash,
/// and outside S3 (no streaming or unsigned payloads there) any claim must.
pub(crate) fn verifier_payload_hash<'a>(
    req: &SignableRequest<'a>,
    location: AuthLocation,
    service: &str,
) -> Result<PayloadHash<'a>, AuthError> {
    let is_s3 = service == "s3";
    if let Some(claimed) = header(req, "x-amz-content-sha256") {
        let claimed = claimed.trim_matches(is_ws_char);
        if is_s3 && !is_hex_digest(claimed) {
            return Ok(PayloadHash::Given(claimed));
        }
        let actual = body_sha256_hex(req.body);
        return if claimed.as_bytes() == actual {
            Ok(PayloadHash::Given(claimed))
        } else {
            Err(AuthError::SignatureDoesNotMatch)
        };
    }
    Ok(default_payload_hash(req, location, is_s3))
}

/// The payload hash a signer uses: whatever the caller claims, else the default.
pub(crate) fn signer_payload_hash<'a>(
    req: &SignableRequest<'a>,
    location: AuthLocation,
    service: &str,
) -> PayloadHash<'a> {
    match header(req, "x-amz-content-sha256") {
        Some(claimed) => PayloadHash::Given(claimed.trim_matches(is_ws_char)),
        None => default_payload_hash(req, location, service == "s3"),
    }
}

fn default_payload_hash<'a>(
    req: &SignableRequest<'a>,
    location: AuthLocation,
    is_s3: bool,
) -> PayloadHash<'a> {
    if is_s3 && location == AuthLocation::QueryString {
        let claimed = raw_query_pairs(req.query)
            .find(|(n, _)| *n == "X-Amz-Content-Sha256")
            .map_or("UNSIGNED-PAYLOAD", |(_, v)| v);
        return PayloadHash::Given(claimed);
    }
    PayloadHash::Computed(body_sha256_hex(req.body))
}

fn is_ws_char(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Writes the whole canonical request.
pub(crate) fn write_canonical_request<S: Sink, H: AsRef<str>>(
    sink: &mut S,
    req: &SignableRequest<'_>,
    location: AuthLocation,
    signed_headers: &[H],
    mode: PathMode,
    payload_hash: &PayloadHash<'_>,
) -> Result<(), AuthError> {
    sink.put(req.method.as_bytes());
    sink.put_byte(b'\n');
    write_path(sink, req.path, mode);
    sink.put_byte(b'\n');
    write_query(sink, req.query, location)?;
    sink.put_byte(b'\n');
    for name in signed_headers {
        let name = name.as_ref();
        sink.put(name.as_bytes());
        sink.put_byte(b':');
        let mut first = true;
        for (n, v) in req.headers {
            if n.eq_ignore_ascii_case(name) {
                if !first {
                    sink.put_byte(b',');
                }
                first = false;
                write_header_value(sink, v);
            }
        }
        sink.put_byte(b'\n');
    }
    sink.put_byte(b'\n');
    for (i, name) in signed_headers.iter().enumerate() {
        if i > 0 {
            sink.put_byte(b';');
        }
        sink.put(name.as_ref().as_bytes());
    }
    sink.put_byte(b'\n');
    sink.put(payload_hash.as_bytes());
    Ok(())
}

/// Percent-encodes a query-string component for the signer (SigV4 rules: only unreserved kept).
pub(crate) fn encode_component(out: &mut Vec<u8>, value: &str) {
    encode_into(out, value.as_bytes(), false);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str, mode: PathMode) -> String {
        let mut out = Vec::new();
        write_path(&mut out, p, mode);
        String::from_utf8(out).unwrap()
    }

    fn value(v: &str) -> String {
        let mut out = Vec::new();
        write_header_value(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn normalizes_paths() {
        let n = PathMode::Normalized;
        assert_eq!(path("", n), "/");
        assert_eq!(path("/", n), "/");
        assert_eq!(path("//", n), "/");
        assert_eq!(path("/./", n), "/");
        assert_eq!(path("/a/..", n), "/");
        assert_eq!(path("/a/b/../..", n), "/");
        assert_eq!(path("/../../x", n), "/x");
        assert_eq!(path("//a//", n), "/a/");
        assert_eq!(path("/a/.", n), "/a/");
        assert_eq!(path("/./a", n), "/a");
        assert_eq!(path("a/b", n), "/a/b");
        assert_eq!(path("/a%3Ab c", n), "/a%253Ab%20c");
        assert_eq!(path("/a..b/.c", n), "/a..b/.c");
    }

    #[test]
    fn s3_paths_are_single_encoded_and_kept() {
        let s = PathMode::S3;
        assert_eq!(path("/b/a%3Ab//../c", s), "/b/a%3Ab//../c");
        assert_eq!(path("/b/a b+c", s), "/b/a%20b%2Bc");
        assert_eq!(path("/b/%7e%zz%", s), "/b/~%25zz%25");
    }

    #[test]
    fn folds_header_values() {
        assert_eq!(value("  a   b  c \t"), "a b c");
        assert_eq!(value("\"a   b   c\""), "\"a b c\"");
        assert_eq!(value("   "), "");
        assert_eq!(value("x"), "x");
        assert_eq!(value("a\tb"), "a\tb");
    }

    #[test]
    fn query_decoding_errors_use_aws_wording() {
        let e = decode_query_element("abc%yy").unwrap_err();
        assert_eq!(
            e.message(),
            "Illegal hex character in escape % pattern: %yy"
        );
        let e = decode_query_element("abc%0").unwrap_err();
        assert_eq!(e.message(), "Incomplete trailing escape % sequence");
        let e = decode_query_element("abc%").unwrap_err();
        assert_eq!(e.code(), "MalformedQueryString");
        assert_eq!(decode_query_element("a+b%41").unwrap().as_ref(), b"a bA");
    }

    #[test]
    fn query_is_sorted_by_encoded_form() {
        let mut out = Vec::new();
        write_query(
            &mut out,
            "b=2&a=2&a=1&%E1%88%B4=x&A=&&c",
            AuthLocation::Header,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "%E1%88%B4=x&A=&a=1&a=2&b=2&c="
        );
    }
}

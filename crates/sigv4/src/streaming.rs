//! S3's payload forms that a verifier checks while the body streams, never holding it whole:
//! a signed `X-Amz-Content-Sha256` hex digest ([`BodyHash`]), `UNSIGNED-PAYLOAD`, and
//! `aws-chunked` bodies ([`ChunkedDecoder`]) whose every chunk signature chains from the seed
//! signature of the request (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, its `-TRAILER` form with a
//! signed trailer, and `STREAMING-UNSIGNED-PAYLOAD-TRAILER`).
//!
//! Source: docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html and
//! sigv4-streaming-trailers.html; the unit tests replay their worked examples.

use std::fmt;

use hmac::Mac;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::canonical::{
    body_sha256_hex, header, hex32, verifier_payload_hash, write_canonical_request, HashSink,
    PayloadHash,
};
use crate::time_fmt::AmzDate;
use crate::{
    decode_hex32, signature_digest, AuthError, AuthLocation, CredentialScope, ParsedAuth, PathMode,
    SignableRequest, SigningKey,
};

/// `X-Amz-Content-Sha256` of a body sent in signed `aws-chunked` chunks.
pub const STREAMING_SIGNED: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
/// Signed chunks followed by a signed trailer (checksums).
pub const STREAMING_SIGNED_TRAILER: &str = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
/// Unsigned `aws-chunked` chunks followed by an unsigned trailer.
pub const STREAMING_UNSIGNED_TRAILER: &str = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
/// A payload the signature does not cover.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// The largest chunk accepted: a chunk is released only once its signature is checked, so this
/// bounds what one request holds in memory. The SDKs send 64 KiB chunks.
pub const MAX_CHUNK_BYTES: usize = 16 * 1024 * 1024;

/// Longest chunk header or trailer line.
const MAX_LINE_BYTES: usize = 4096;

/// What remains to check of a body whose request signature was verified without it.
#[derive(Debug)]
pub enum BodyCheck {
    /// The body must hash to the signed hex digest.
    Sha256(BodyHash),
    /// `UNSIGNED-PAYLOAD`: the signature does not cover the body.
    Unsigned,
    /// An `aws-chunked` body, decoded (and for the signed forms verified) by the decoder.
    Chunked(Box<ChunkedDecoder>),
}

/// Verifies the request's signature over everything but the body, for an S3 request whose
/// body streams past the verifier: the signed payload hash is the `X-Amz-Content-Sha256`
/// claim (or `UNSIGNED-PAYLOAD` for a presigned URL), and the returned [`BodyCheck`] checks the
/// body against it as it passes. `Ok(None)` when the request's payload hash is the body's own
/// hash with no claim to sign against (any other service, or S3 without the header): verify
/// with the whole body then.
pub fn verify_without_body(
    req: &SignableRequest<'_>,
    auth: &ParsedAuth,
    key: &SigningKey,
) -> Result<Option<BodyCheck>, AuthError> {
    if auth.scope.service != "s3" {
        return Ok(None);
    }
    let claim = header(req, "x-amz-content-sha256").map(|v| v.trim_matches([' ', '\t']));
    let (payload, check) = match claim {
        Some(claimed) => {
            let check = match claimed {
                UNSIGNED_PAYLOAD => BodyCheck::Unsigned,
                STREAMING_SIGNED | STREAMING_SIGNED_TRAILER | STREAMING_UNSIGNED_TRAILER
                    if auth.location == AuthLocation::QueryString =>
                {
                    // A presigned URL has no seed signature in a header to chain chunks from.
                    return Err(AuthError::SignatureDoesNotMatch);
                }
                STREAMING_SIGNED => {
                    BodyCheck::Chunked(Box::new(ChunkedDecoder::signed(key.clone(), auth, false)))
                }
                STREAMING_SIGNED_TRAILER => {
                    BodyCheck::Chunked(Box::new(ChunkedDecoder::signed(key.clone(), auth, true)))
                }
                STREAMING_UNSIGNED_TRAILER => {
                    BodyCheck::Chunked(Box::new(ChunkedDecoder::unsigned_trailer()))
                }
                hex => match BodyHash::new(hex) {
                    Some(hash) => BodyCheck::Sha256(hash),
                    None => return Err(AuthError::SignatureDoesNotMatch),
                },
            };
            (PayloadHash::Given(claimed), check)
        }
        None if auth.location == AuthLocation::QueryString => {
            let empty = SignableRequest { body: &[], ..*req };
            match verifier_payload_hash(&empty, auth.location, "s3")? {
                PayloadHash::Given(given) if given == UNSIGNED_PAYLOAD => {
                    (PayloadHash::Given(UNSIGNED_PAYLOAD), BodyCheck::Unsigned)
                }
                _ => return Ok(None),
            }
        }
        None => return Ok(None),
    };
    let mut hasher = HashSink::new();
    write_canonical_request(
        &mut hasher,
        req,
        auth.location,
        &auth.signed_headers,
        PathMode::for_service("s3"),
        &payload,
    )?;
    let expected = signature_digest(
        key,
        AmzDate::new(auth.request_time),
        &auth.scope,
        &hasher.finish_hex(),
    );
    if signature_matches(&expected, &auth.signature) {
        Ok(Some(check))
    } else {
        Err(AuthError::SignatureDoesNotMatch)
    }
}

fn signature_matches(expected: &[u8; 32], provided_hex: &str) -> bool {
    let Some(provided) = decode_hex32(provided_hex) else {
        return false;
    };
    bool::from(expected.ct_eq(&provided))
}

/// Why a streamed body was refused; each maps to S3's error of the same meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// A chunk's or the trailer's signature does not match (`SignatureDoesNotMatch`).
    ChunkSignatureDoesNotMatch,
    /// The body is not well-formed `aws-chunked` encoding (`IncompleteBody` / `InvalidRequest`).
    MalformedChunk(&'static str),
    /// A chunk larger than [`MAX_CHUNK_BYTES`].
    ChunkTooLarge,
    /// The body ended before its final chunk (`IncompleteBody`).
    Truncated,
    /// The body does not hash to the signed `X-Amz-Content-Sha256` (`XAmzContentSHA256Mismatch`).
    ContentSha256Mismatch,
    /// The decoded length differs from `X-Amz-Decoded-Content-Length` (`IncompleteBody`).
    DecodedLengthMismatch,
}

impl BodyError {
    /// S3's error code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ChunkSignatureDoesNotMatch => "SignatureDoesNotMatch",
            Self::MalformedChunk(_) | Self::ChunkTooLarge => "InvalidRequest",
            Self::Truncated | Self::DecodedLengthMismatch => "IncompleteBody",
            Self::ContentSha256Mismatch => "XAmzContentSHA256Mismatch",
        }
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ChunkSignatureDoesNotMatch => f.write_str(
                "The request signature we calculated does not match the signature you provided. \
                 Check your key and signing method.",
            ),
            Self::MalformedChunk(what) => write!(f, "Malformed aws-chunked body: {what}"),
            Self::ChunkTooLarge => write!(
                f,
                "Malformed aws-chunked body: a chunk is larger than {MAX_CHUNK_BYTES} bytes"
            ),
            Self::Truncated | Self::DecodedLengthMismatch => f.write_str(
                "You did not provide the number of bytes specified by the Content-Length HTTP header",
            ),
            Self::ContentSha256Mismatch => f.write_str(
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
            ),
        }
    }
}

impl std::error::Error for BodyError {}

/// The SHA-256 of a body as it streams, compared with the signed hex digest at the end.
#[derive(Clone)]
pub struct BodyHash {
    expected: [u8; 64],
    hasher: Sha256,
}

impl fmt::Debug for BodyHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyHash").finish_non_exhaustive()
    }
}

impl BodyHash {
    /// Expects the body to hash to `hex` (64 hex digits, any case); `None` if it is not one.
    pub fn new(hex: &str) -> Option<Self> {
        let bytes = hex.as_bytes();
        if bytes.len() != 64 || !bytes.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let mut expected = [0u8; 64];
        for (out, b) in expected.iter_mut().zip(bytes) {
            *out = b.to_ascii_lowercase();
        }
        Some(Self {
            expected,
            hasher: Sha256::new(),
        })
    }

    /// Adds the next piece of the body.
    pub fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
    }

    /// Whether the whole body hashed to the signed digest.
    pub fn finish(self) -> Result<(), BodyError> {
        if hex32(&self.hasher.finalize()) == self.expected {
            Ok(())
        } else {
            Err(BodyError::ContentSha256Mismatch)
        }
    }
}

/// What chains the chunk signatures of a signed `aws-chunked` body.
#[derive(Clone)]
struct ChunkSigner {
    key: SigningKey,
    date: AmzDate,
    scope: CredentialScope,
    previous: [u8; 64],
}

impl ChunkSigner {
    /// `AWS4-HMAC-SHA256-PAYLOAD` string to sign of one chunk, given its data's hash.
    fn chunk_signature(&self, data_hash: &[u8; 64]) -> [u8; 64] {
        let mut mac = self.key.mac();
        mac.update(b"AWS4-HMAC-SHA256-PAYLOAD\n");
        self.common(&mut mac);
        mac.update(&body_sha256_hex(&[]));
        mac.update(b"\n");
        mac.update(data_hash);
        hex32(&mac.finalize().into_bytes())
    }

    /// `AWS4-HMAC-SHA256-TRAILER` string to sign, given the hash of the trailer lines.
    fn trailer_signature(&self, trailer_hash: &[u8; 64]) -> [u8; 64] {
        let mut mac = self.key.mac();
        mac.update(b"AWS4-HMAC-SHA256-TRAILER\n");
        self.common(&mut mac);
        mac.update(trailer_hash);
        hex32(&mac.finalize().into_bytes())
    }

    fn common(&self, mac: &mut impl Mac) {
        mac.update(self.date.as_bytes());
        mac.update(b"\n");
        self.scope.write_to(mac);
        mac.update(b"\n");
        mac.update(&self.previous);
        mac.update(b"\n");
    }
}

/// Where the decoder is in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Reading a chunk header line (`hex-size[;chunk-signature=…]`).
    Header,
    /// Reading `remaining` more bytes of chunk data.
    Data { remaining: usize },
    /// Expecting the `\r\n` after a chunk's data.
    DataEnd,
    /// After the final chunk: trailer lines until an empty one.
    Trailer,
    /// Complete; nothing more may follow.
    Done,
}

/// Decodes an `aws-chunked` body incrementally, verifying each chunk's signature before its
/// data is released, so a forwarder never passes on a byte the client did not sign. Memory is
/// bounded by one chunk ([`MAX_CHUNK_BYTES`]).
#[derive(Clone)]
pub struct ChunkedDecoder {
    signer: Option<ChunkSigner>,
    trailer_expected: bool,
    state: State,
    line: Vec<u8>,
    chunk: Vec<u8>,
    chunk_signature: Option<[u8; 64]>,
    trailers: Vec<(String, String)>,
    trailer_signature: Option<[u8; 64]>,
    decoded: u64,
}

impl fmt::Debug for ChunkedDecoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunkedDecoder")
            .field("signed", &self.signer.is_some())
            .field("state", &self.state)
            .field("decoded", &self.decoded)
            .finish_non_exhaustive()
    }
}

impl ChunkedDecoder {
    /// A decoder of signed chunks chained from the request's (seed) signature; `trailer` for
    /// the `-TRAILER` form, whose trailer carries `x-amz-trailer-signature`.
    pub fn signed(key: SigningKey, auth: &ParsedAuth, trailer: bool) -> Self {
        let mut previous = [0u8; 64];
        for (out, b) in previous.iter_mut().zip(auth.signature.bytes()) {
            *out = b;
        }
        Self::new(
            Some(ChunkSigner {
                key,
                date: AmzDate::new(auth.request_time),
                scope: auth.scope.clone(),
                previous,
            }),
            trailer,
        )
    }

    /// A decoder of `STREAMING-UNSIGNED-PAYLOAD-TRAILER` bodies: plain chunks and a trailer.
    pub fn unsigned_trailer() -> Self {
        Self::new(None, true)
    }

    fn new(signer: Option<ChunkSigner>, trailer_expected: bool) -> Self {
        Self {
            signer,
            trailer_expected,
            state: State::Header,
            line: Vec::new(),
            chunk: Vec::new(),
            chunk_signature: None,
            trailers: Vec::new(),
            trailer_signature: None,
            decoded: 0,
        }
    }

    /// Decoded bytes released so far.
    pub fn decoded_len(&self) -> u64 {
        self.decoded
    }

    /// The trailer's headers (checksums), once the body is complete; the trailer signature is
    /// not among them.
    pub fn trailers(&self) -> &[(String, String)] {
        &self.trailers
    }

    /// Feeds the next bytes of the encoded body; appends to `out` the data of every chunk that
    /// completed and verified.
    pub fn push(&mut self, mut input: &[u8], out: &mut Vec<u8>) -> Result<(), BodyError> {
        while !input.is_empty() {
            match self.state {
                State::Header | State::Trailer | State::DataEnd => {
                    let Some(line) = self.take_line(&mut input)? else {
                        return Ok(());
                    };
                    self.line_complete(&line)?;
                }
                State::Data { remaining } => {
                    let take = remaining.min(input.len());
                    let (data, rest) = input.split_at(take);
                    self.chunk.extend_from_slice(data);
                    input = rest;
                    self.state = if take == remaining {
                        State::DataEnd
                    } else {
                        State::Data {
                            remaining: remaining - take,
                        }
                    };
                    if self.state == State::DataEnd {
                        self.release_chunk(out)?;
                    }
                }
                State::Done => return Err(BodyError::MalformedChunk("data after the final chunk")),
            }
        }
        Ok(())
    }

    /// Called at the end of the encoded body: an error unless the final chunk (and trailer)
    /// arrived.
    pub fn finish(&self) -> Result<(), BodyError> {
        if self.state == State::Done {
            Ok(())
        } else {
            Err(BodyError::Truncated)
        }
    }

    /// Accumulates one `\r\n`-terminated line; `None` until it is complete.
    fn take_line(&mut self, input: &mut &[u8]) -> Result<Option<Vec<u8>>, BodyError> {
        match input.iter().position(|b| *b == b'\n') {
            Some(end) => {
                let (head, rest) = input.split_at(end);
                self.line.extend_from_slice(head);
                *input = rest.get(1..).unwrap_or_default();
                let mut line = std::mem::take(&mut self.line);
                if line.pop() != Some(b'\r') {
                    return Err(BodyError::MalformedChunk("a line does not end in CRLF"));
                }
                Ok(Some(line))
            }
            None => {
                self.line.extend_from_slice(input);
                *input = &[];
                if self.line.len() > MAX_LINE_BYTES {
                    return Err(BodyError::MalformedChunk("a chunk header is too long"));
                }
                Ok(None)
            }
        }
    }

    fn line_complete(&mut self, line: &[u8]) -> Result<(), BodyError> {
        match self.state {
            State::DataEnd => {
                if !line.is_empty() {
                    return Err(BodyError::MalformedChunk("chunk data longer than its size"));
                }
                self.state = State::Header;
                Ok(())
            }
            State::Header => self.chunk_header(line),
            State::Trailer => self.trailer_line(line),
            State::Data { .. } | State::Done => Ok(()),
        }
    }

    fn chunk_header(&mut self, line: &[u8]) -> Result<(), BodyError> {
        let text = std::str::from_utf8(line)
            .map_err(|_| BodyError::MalformedChunk("a chunk header is not text"))?;
        let (size, extension) = match text.split_once(';') {
            Some((size, extension)) => (size, Some(extension)),
            None => (text, None),
        };
        let size = usize::from_str_radix(size.trim(), 16)
            .map_err(|_| BodyError::MalformedChunk("a chunk size is not hexadecimal"))?;
        if size > MAX_CHUNK_BYTES {
            return Err(BodyError::ChunkTooLarge);
        }
        self.chunk_signature = None;
        if self.signer.is_some() {
            let signature = extension
                .and_then(|e| e.trim().strip_prefix("chunk-signature="))
                .and_then(|s| <[u8; 64]>::try_from(s.as_bytes()).ok())
                .ok_or(BodyError::MalformedChunk("a chunk has no chunk-signature"))?;
            self.chunk_signature = Some(signature);
        }
        self.chunk.clear();
        if size == 0 {
            self.verify_chunk()?;
            // Trailer lines (none in the plain form), then an empty line.
            self.state = State::Trailer;
            Ok(())
        } else {
            self.state = State::Data { remaining: size };
            Ok(())
        }
    }

    fn trailer_line(&mut self, line: &[u8]) -> Result<(), BodyError> {
        if line.is_empty() {
            if let Some(signer) = &self.signer {
                if self.trailer_expected {
                    let provided = self
                        .trailer_signature
                        .ok_or(BodyError::MalformedChunk("the trailer has no signature"))?;
                    let mut hasher = Sha256::new();
                    for (name, value) in &self.trailers {
                        hasher.update(name.as_bytes());
                        hasher.update(b":");
                        hasher.update(value.as_bytes());
                        hasher.update(b"\n");
                    }
                    let expected = signer.trailer_signature(&hex32(&hasher.finalize()));
                    if !bool::from(expected.ct_eq(&provided)) {
                        return Err(BodyError::ChunkSignatureDoesNotMatch);
                    }
                }
            }
            self.state = State::Done;
            return Ok(());
        }
        if !self.trailer_expected {
            return Err(BodyError::MalformedChunk("data after the final chunk"));
        }
        let text = std::str::from_utf8(line)
            .map_err(|_| BodyError::MalformedChunk("a trailer line is not text"))?;
        let (name, value) = text
            .split_once(':')
            .ok_or(BodyError::MalformedChunk("a trailer line has no colon"))?;
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        if name == "x-amz-trailer-signature" {
            let signature = <[u8; 64]>::try_from(value.as_bytes())
                .map_err(|_| BodyError::MalformedChunk("the trailer signature is malformed"))?;
            self.trailer_signature = Some(signature);
        } else if self.trailers.len() < 16 {
            self.trailers.push((name, value.to_owned()));
        } else {
            return Err(BodyError::MalformedChunk("too many trailer lines"));
        }
        Ok(())
    }

    fn verify_chunk(&mut self) -> Result<(), BodyError> {
        let Some(signer) = &mut self.signer else {
            return Ok(());
        };
        let provided = self
            .chunk_signature
            .ok_or(BodyError::MalformedChunk("a chunk has no chunk-signature"))?;
        let expected = signer.chunk_signature(&body_sha256_hex(&self.chunk));
        if bool::from(expected.ct_eq(&provided)) {
            signer.previous = expected;
            Ok(())
        } else {
            Err(BodyError::ChunkSignatureDoesNotMatch)
        }
    }

    fn release_chunk(&mut self, out: &mut Vec<u8>) -> Result<(), BodyError> {
        self.verify_chunk()?;
        self.decoded += self.chunk.len() as u64;
        out.append(&mut self.chunk);
        Ok(())
    }
}

/// Signs `data` as the chunks of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` body chained from
/// `seed_signature`, for clients and tests: the encoded body, final empty chunk included.
pub fn encode_signed_chunks(
    key: &SigningKey,
    request_time: time::OffsetDateTime,
    scope: &CredentialScope,
    seed_signature: &str,
    data: &[u8],
    chunk_size: usize,
) -> Vec<u8> {
    let mut previous = [0u8; 64];
    for (out, b) in previous.iter_mut().zip(seed_signature.bytes()) {
        *out = b;
    }
    let mut signer = ChunkSigner {
        key: key.clone(),
        date: AmzDate::new(request_time),
        scope: scope.clone(),
        previous,
    };
    let mut body = Vec::with_capacity(data.len() + 256);
    let chunks = data
        .chunks(chunk_size.max(1))
        .chain(std::iter::once(&[][..]));
    for chunk in chunks {
        let signature = signer.chunk_signature(&body_sha256_hex(chunk));
        body.extend_from_slice(format!("{:x};chunk-signature=", chunk.len()).as_bytes());
        body.extend_from_slice(&signature);
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(chunk);
        body.extend_from_slice(b"\r\n");
        signer.previous = signature;
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive_signing_key;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    fn example_auth(seed: &str) -> ParsedAuth {
        ParsedAuth {
            access_key_id: "AKIAIOSFODNN7EXAMPLE".to_owned(),
            scope: CredentialScope {
                date: "20130524".to_owned(),
                region: "us-east-1".to_owned(),
                service: "s3".to_owned(),
            },
            signed_headers: Vec::new(),
            signature: seed.to_owned(),
            request_time: time::macros::datetime!(2013-05-24 0:00 UTC),
            session_token: None,
            location: AuthLocation::Header,
            expires_in: None,
        }
    }

    fn key() -> SigningKey {
        derive_signing_key(SECRET, "20130524", "us-east-1", "s3")
    }

    /// The body of AWS's example: 64 KiB + 1 KiB of `a`, then the final chunk, with
    /// `trailer` appended after it.
    fn example_body(signatures: [&str; 3], trailer: &str) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(format!("10000;chunk-signature={}\r\n", signatures[0]).as_bytes());
        body.extend_from_slice(&[b'a'; 65_536]);
        body.extend_from_slice(format!("\r\n400;chunk-signature={}\r\n", signatures[1]).as_bytes());
        body.extend_from_slice(&[b'a'; 1024]);
        body.extend_from_slice(format!("\r\n0;chunk-signature={}\r\n", signatures[2]).as_bytes());
        body.extend_from_slice(trailer.as_bytes());
        body.extend_from_slice(b"\r\n");
        body
    }

    const SEED: &str = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    const SIGNATURES: [&str; 3] = [
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
    ];

    fn decode_in_pieces(
        decoder: &mut ChunkedDecoder,
        body: &[u8],
        piece: usize,
    ) -> Result<Vec<u8>, BodyError> {
        let mut out = Vec::new();
        for part in body.chunks(piece) {
            decoder.push(part, &mut out)?;
        }
        decoder.finish()?;
        Ok(out)
    }

    /// sigv4-streaming.html, "Example: PUT Object": Content-Length 66824, decoded 66560.
    #[test]
    fn aws_streaming_example_verifies_in_any_split() {
        let body = example_body(SIGNATURES, "");
        assert_eq!(body.len(), 66_824);
        for piece in [1, 7, 4096, 70_000] {
            let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
            let out = decode_in_pieces(&mut decoder, &body, piece).unwrap();
            assert_eq!(out, vec![b'a'; 66_560]);
        }
    }

    #[test]
    fn encoder_reproduces_the_aws_example() {
        let auth = example_auth(SEED);
        let body = encode_signed_chunks(
            &key(),
            auth.request_time,
            &auth.scope,
            SEED,
            &[b'a'; 66_560],
            65_536,
        );
        assert_eq!(body, example_body(SIGNATURES, ""));
    }

    /// sigv4-streaming-trailers.html: the same data with a CRC32C checksum trailer.
    #[test]
    fn aws_trailer_example_verifies() {
        let seed = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
        let signatures = [
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
        ];
        let trailer = "x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:\
                       d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n";
        let body = example_body(signatures, trailer);
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(seed), true);
        let out = decode_in_pieces(&mut decoder, &body, 1000).unwrap();
        assert_eq!(out.len(), 66_560);
        assert_eq!(
            decoder.trailers(),
            &[("x-amz-checksum-crc32c".to_owned(), "sOO8/Q==".to_owned())]
        );
        let forged = example_body(signatures, &trailer.replace("sOO8", "AAAA"));
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(seed), true);
        assert_eq!(
            decode_in_pieces(&mut decoder, &forged, 1000),
            Err(BodyError::ChunkSignatureDoesNotMatch)
        );
    }

    #[test]
    fn a_tampered_chunk_is_refused_before_its_data_is_released() {
        let mut body = example_body(SIGNATURES, "");
        if let Some(byte) = body.get_mut(100) {
            *byte = b'b';
        }
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
        let mut out = Vec::new();
        assert_eq!(
            decoder.push(&body, &mut out),
            Err(BodyError::ChunkSignatureDoesNotMatch)
        );
        assert!(out.is_empty());
    }

    #[test]
    fn reordered_chunks_and_a_wrong_seed_are_refused() {
        let swapped = example_body([SIGNATURES[1], SIGNATURES[0], SIGNATURES[2]], "");
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
        assert!(decode_in_pieces(&mut decoder, &swapped, 4096).is_err());
        let body = example_body(SIGNATURES, "");
        let other_seed = SEED.replace('4', "5");
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(&other_seed), false);
        assert_eq!(
            decode_in_pieces(&mut decoder, &body, 4096),
            Err(BodyError::ChunkSignatureDoesNotMatch)
        );
    }

    #[test]
    fn a_truncated_body_is_refused() {
        let body = example_body(SIGNATURES, "");
        for cut in [0, 10, 65_000, body.len() - 90, body.len() - 1] {
            let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
            let partial = body.get(..cut).unwrap();
            assert_eq!(
                decode_in_pieces(&mut decoder, partial, 4096),
                Err(BodyError::Truncated),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn malformed_encodings_are_refused() {
        for bad in [
            &b"zz;chunk-signature=00\r\n"[..],
            b"3;chunk-signature=short\r\nabc\r\n",
            b"3\r\nabc\r\n0\r\n\r\n",
        ] {
            let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
            let mut out = Vec::new();
            assert!(matches!(
                decoder.push(bad, &mut out),
                Err(BodyError::MalformedChunk(_))
            ));
        }
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
        let mut out = Vec::new();
        let huge = format!("{:x};chunk-signature={}\r\n", MAX_CHUNK_BYTES + 1, SEED);
        assert_eq!(
            decoder.push(huge.as_bytes(), &mut out),
            Err(BodyError::ChunkTooLarge)
        );
        let mut body = example_body(SIGNATURES, "");
        body.extend_from_slice(b"extra");
        let mut decoder = ChunkedDecoder::signed(key(), &example_auth(SEED), false);
        assert!(decode_in_pieces(&mut decoder, &body, 4096).is_err());
    }

    #[test]
    fn unsigned_trailer_form_decodes() {
        let body = b"3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n";
        let mut decoder = ChunkedDecoder::unsigned_trailer();
        let out = decode_in_pieces(&mut decoder, body, 2).unwrap();
        assert_eq!(out, b"abc");
        assert_eq!(
            decoder.trailers().first().map(|t| t.1.as_str()),
            Some("NSRBwg==")
        );
    }

    #[test]
    fn body_hash_checks_the_signed_digest() {
        let mut hash =
            BodyHash::new("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")
                .unwrap();
        hash.update(b"");
        assert_eq!(hash.finish(), Ok(()));
        let mut hash = BodyHash::new(&"0".repeat(64)).unwrap();
        hash.update(b"x");
        assert_eq!(hash.finish(), Err(BodyError::ContentSha256Mismatch));
        assert!(BodyHash::new("UNSIGNED").is_none());
    }
}

//! Frame headers: `version flags stream opcode length`, 9 bytes, big-endian (protocol v4 §2).

/// The only protocol version the front speaks. Drivers start higher (v5, DSE) and step down
/// when refused with [`FrameError::UnsupportedVersion`]'s message, as they do with Cassandra 3.x.
pub const VERSION: u8 = 4;

/// Length of a v3/v4 frame header.
pub const HEADER_LEN: usize = 9;

/// Largest body accepted: Cassandra 4's default `native_transport_max_frame_size` (16 MiB).
/// Checked before the body is read, so a hostile length cannot make the front allocate.
pub const MAX_BODY_LEN: u32 = 16 * 1024 * 1024;

/// The direction bit of the version byte: set on responses.
const RESPONSE_BIT: u8 = 0x80;

/// Header flag: the body is compressed. The front never offers compression, so a frame
/// carrying it is refused rather than relayed unread.
pub const FLAG_COMPRESSION: u8 = 0x01;
/// Header flag: tracing requested (request) or a tracing id precedes the body (response).
pub const FLAG_TRACING: u8 = 0x02;
/// Header flag: a custom payload ([bytes map]) precedes the body.
pub const FLAG_CUSTOM_PAYLOAD: u8 = 0x04;
/// Header flag: warnings ([string list]) precede a response body.
pub const FLAG_WARNING: u8 = 0x08;

/// Message types of protocol v4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(
    missing_docs,
    reason = "the variants are the protocol's own opcode names"
)]
pub enum Opcode {
    Error,
    Startup,
    Ready,
    Authenticate,
    Options,
    Supported,
    Query,
    Result,
    Prepare,
    Execute,
    Register,
    Event,
    Batch,
    AuthChallenge,
    AuthResponse,
    AuthSuccess,
}

impl Opcode {
    /// The wire value.
    pub fn to_byte(self) -> u8 {
        match self {
            Opcode::Error => 0x00,
            Opcode::Startup => 0x01,
            Opcode::Ready => 0x02,
            Opcode::Authenticate => 0x03,
            Opcode::Options => 0x05,
            Opcode::Supported => 0x06,
            Opcode::Query => 0x07,
            Opcode::Result => 0x08,
            Opcode::Prepare => 0x09,
            Opcode::Execute => 0x0A,
            Opcode::Register => 0x0B,
            Opcode::Event => 0x0C,
            Opcode::Batch => 0x0D,
            Opcode::AuthChallenge => 0x0E,
            Opcode::AuthResponse => 0x0F,
            Opcode::AuthSuccess => 0x10,
        }
    }

    /// Reads a wire value; `None` for values v4 does not define (0x04 was CREDENTIALS in v1).
    pub fn from_byte(b: u8) -> Option<Self> {
        Some(match b {
            0x00 => Opcode::Error,
            0x01 => Opcode::Startup,
            0x02 => Opcode::Ready,
            0x03 => Opcode::Authenticate,
            0x05 => Opcode::Options,
            0x06 => Opcode::Supported,
            0x07 => Opcode::Query,
            0x08 => Opcode::Result,
            0x09 => Opcode::Prepare,
            0x0A => Opcode::Execute,
            0x0B => Opcode::Register,
            0x0C => Opcode::Event,
            0x0D => Opcode::Batch,
            0x0E => Opcode::AuthChallenge,
            0x0F => Opcode::AuthResponse,
            0x10 => Opcode::AuthSuccess,
            _ => return None,
        })
    }
}

/// Why a frame or body cannot be used. Each maps to the CQL error the front answers with.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    /// The client speaks another protocol version; the message is the one drivers look for
    /// ("unsupported protocol version") before retrying with a lower version.
    #[error("Invalid or unsupported protocol version ({version}); supported versions are (4/v4)")]
    UnsupportedVersion {
        /// The version the client asked for.
        version: u8,
        /// The stream of the refused frame, to answer on.
        stream: i16,
    },
    /// The declared body is longer than allowed ([`MAX_BODY_LEN`], or less where the caller
    /// knows the frame must be small).
    #[error("frame body of {length} bytes exceeds the maximum of {max} bytes")]
    TooLong {
        /// The declared length.
        length: u32,
        /// The limit.
        max: u32,
    },
    /// The opcode is not one of v4's.
    #[error("unknown opcode 0x{0:02x}")]
    UnknownOpcode(u8),
    /// A request frame arrived with the response bit set, or the reverse.
    #[error("frame has the wrong direction")]
    WrongDirection,
    /// The body is compressed although no compression was negotiated.
    #[error("compressed frames are not supported: no compression was negotiated")]
    Compressed,
    /// The body ended before a value it announces.
    #[error("truncated {0}")]
    Truncated(&'static str),
    /// A value is present but invalid (bad UTF-8, an unknown kind, a negative length).
    #[error("malformed {0}")]
    Malformed(&'static str),
}

/// A decoded frame header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// Whether the frame travels from server to client.
    pub response: bool,
    /// Header flags (`FLAG_*`).
    pub flags: u8,
    /// The stream id that pairs a response with its request; negative for server events.
    pub stream: i16,
    /// The message type.
    pub opcode: Opcode,
    /// Body length in bytes, at most [`MAX_BODY_LEN`].
    pub length: u32,
}

impl Header {
    /// Decodes and checks a header: version 4, known opcode, bounded length. The version is
    /// checked first so a client speaking v5 or a DSE version is told which version to use.
    pub fn decode(bytes: &[u8; HEADER_LEN]) -> Result<Header, FrameError> {
        let version = bytes[0] & !RESPONSE_BIT;
        let stream = i16::from_be_bytes([bytes[2], bytes[3]]);
        if version != VERSION {
            return Err(FrameError::UnsupportedVersion { version, stream });
        }
        let opcode = Opcode::from_byte(bytes[4]).ok_or(FrameError::UnknownOpcode(bytes[4]))?;
        let length = u32::from_be_bytes([bytes[5], bytes[6], bytes[7], bytes[8]]);
        if length > MAX_BODY_LEN {
            return Err(FrameError::TooLong {
                length,
                max: MAX_BODY_LEN,
            });
        }
        Ok(Header {
            response: bytes[0] & RESPONSE_BIT != 0,
            flags: bytes[1],
            stream,
            opcode,
            length,
        })
    }

    /// The 9 header bytes.
    pub fn encode(&self) -> [u8; HEADER_LEN] {
        let version = if self.response {
            VERSION | RESPONSE_BIT
        } else {
            VERSION
        };
        let s = self.stream.to_be_bytes();
        let l = self.length.to_be_bytes();
        [
            version,
            self.flags,
            s[0],
            s[1],
            self.opcode.to_byte(),
            l[0],
            l[1],
            l[2],
            l[3],
        ]
    }
}

/// A whole frame: header and body bytes, relayed as they came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The header; `length` always equals `body.len()` for frames built here.
    pub header: Header,
    /// The body, still encoded.
    pub body: Vec<u8>,
}

impl Frame {
    /// A response frame on `stream` without flags.
    pub fn response(stream: i16, opcode: Opcode, body: Vec<u8>) -> Frame {
        Frame::new(true, stream, opcode, body)
    }

    /// A request frame on `stream` without flags.
    pub fn request(stream: i16, opcode: Opcode, body: Vec<u8>) -> Frame {
        Frame::new(false, stream, opcode, body)
    }

    fn new(response: bool, stream: i16, opcode: Opcode, body: Vec<u8>) -> Frame {
        Frame {
            header: Header {
                response,
                flags: 0,
                stream,
                opcode,
                length: u32::try_from(body.len()).unwrap_or(u32::MAX),
            },
            body,
        }
    }

    /// Header and body as one buffer, for writing.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut header = self.header;
        header.length = u32::try_from(self.body.len()).unwrap_or(u32::MAX);
        let mut out = Vec::with_capacity(HEADER_LEN + self.body.len());
        out.extend_from_slice(&header.encode());
        out.extend_from_slice(&self.body);
        out
    }

    /// Splits one frame off the front of `buf`: `Ok(None)` if more bytes are needed.
    pub fn parse(buf: &[u8]) -> Result<Option<(Frame, usize)>, FrameError> {
        let Some(head) = buf.get(..HEADER_LEN) else {
            return Ok(None);
        };
        let mut bytes = [0u8; HEADER_LEN];
        bytes.copy_from_slice(head);
        let header = Header::decode(&bytes)?;
        let end = HEADER_LEN + header.length as usize;
        match buf.get(HEADER_LEN..end) {
            Some(body) => Ok(Some((
                Frame {
                    header,
                    body: body.to_vec(),
                },
                end,
            ))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trip() {
        let h = Header {
            response: true,
            flags: FLAG_WARNING,
            stream: -1,
            opcode: Opcode::Event,
            length: 42,
        };
        assert_eq!(Header::decode(&h.encode()), Ok(h));
    }

    #[test]
    fn v5_and_dse_are_refused_with_the_drivers_message() {
        for v in [0x05u8, 0x41, 0x42, 0x03] {
            let e = Header::decode(&[v, 0, 0, 7, 0x05, 0, 0, 0, 0]).unwrap_err();
            assert_eq!(
                e,
                FrameError::UnsupportedVersion {
                    version: v,
                    stream: 7
                }
            );
            assert!(e.to_string().contains("unsupported protocol version"));
        }
    }

    #[test]
    fn lengths_are_bounded_before_reading() {
        let e = Header::decode(&[4, 0, 0, 0, 0x07, 0xff, 0xff, 0xff, 0xff]).unwrap_err();
        assert_eq!(
            e,
            FrameError::TooLong {
                length: u32::MAX,
                max: MAX_BODY_LEN
            }
        );
    }

    #[test]
    fn parse_waits_for_whole_frames() {
        let f = Frame::request(3, Opcode::Options, vec![]);
        let bytes = f.to_bytes();
        assert_eq!(Frame::parse(&bytes[..5]), Ok(None));
        assert_eq!(Frame::parse(&bytes), Ok(Some((f, HEADER_LEN))));
    }

    #[test]
    fn every_opcode_round_trips() {
        for b in 0u8..=0xff {
            if let Some(op) = Opcode::from_byte(b) {
                assert_eq!(op.to_byte(), b);
            }
        }
    }
}

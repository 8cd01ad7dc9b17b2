//! Message bodies (v4 §4). Requests are decoded only as far as authorization needs (the
//! statement text, a prepared id, a batch's statements); the parameters that follow are left
//! in the body, which is relayed unchanged. Responses are decoded as far as the front must
//! follow the session (a keyspace change, a prepared id) and encoded for the answers the
//! front gives itself.

use crate::frame::{
    Frame, FrameError, Opcode, FLAG_COMPRESSION, FLAG_CUSTOM_PAYLOAD, FLAG_TRACING, FLAG_WARNING,
};
use crate::wire::{Reader, Writer};

/// Error codes the front sends or must recognise (v4 §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// 0x0000: the server failed.
    ServerError,
    /// 0x000A: the client broke the protocol.
    ProtocolError,
    /// 0x0100: authentication failed.
    AuthenticationError,
    /// 0x2000: the statement does not parse.
    SyntaxError,
    /// 0x2100: the principal may not run the statement.
    Unauthorized,
    /// 0x2200: the statement is invalid.
    Invalid,
    /// 0x2500: the prepared id is unknown; drivers prepare again and retry.
    Unprepared,
}

impl ErrorCode {
    /// The wire value.
    pub fn to_int(self) -> i32 {
        match self {
            ErrorCode::ServerError => 0x0000,
            ErrorCode::ProtocolError => 0x000A,
            ErrorCode::AuthenticationError => 0x0100,
            ErrorCode::SyntaxError => 0x2000,
            ErrorCode::Unauthorized => 0x2100,
            ErrorCode::Invalid => 0x2200,
            ErrorCode::Unprepared => 0x2500,
        }
    }
}

/// One statement of a BATCH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchStatement {
    /// A statement given as text.
    Query(String),
    /// A prepared statement given by id.
    Prepared(Vec<u8>),
}

/// A client request, decoded as far as the front needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// STARTUP with its options (`CQL_VERSION`, `COMPRESSION`, `DRIVER_NAME`, …).
    Startup(Vec<(String, String)>),
    /// OPTIONS.
    Options,
    /// AUTH_RESPONSE with its token.
    AuthResponse(Option<Vec<u8>>),
    /// QUERY; the parameters stay in the frame.
    Query(String),
    /// PREPARE.
    Prepare(String),
    /// EXECUTE of a prepared id; the parameters stay in the frame.
    Execute(Vec<u8>),
    /// BATCH.
    Batch(Vec<BatchStatement>),
    /// REGISTER for events.
    Register(Vec<String>),
}

/// Skips what the header flags put before a request body.
fn request_body<'a>(frame: &'a Frame) -> Result<Reader<'a>, FrameError> {
    if frame.header.flags & FLAG_COMPRESSION != 0 {
        return Err(FrameError::Compressed);
    }
    let mut r = Reader::new(&frame.body);
    if frame.header.flags & FLAG_CUSTOM_PAYLOAD != 0 {
        r.skip_bytes_map("custom payload")?;
    }
    Ok(r)
}

impl Request {
    /// Decodes a client frame. Response opcodes and server-only frames are errors.
    pub fn decode(frame: &Frame) -> Result<Request, FrameError> {
        if frame.header.response {
            return Err(FrameError::WrongDirection);
        }
        let mut r = request_body(frame)?;
        Ok(match frame.header.opcode {
            Opcode::Startup => Request::Startup(
                r.string_map("STARTUP options")?
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect(),
            ),
            Opcode::Options => Request::Options,
            Opcode::AuthResponse => {
                Request::AuthResponse(r.bytes("AUTH_RESPONSE token")?.map(<[u8]>::to_vec))
            }
            Opcode::Query => Request::Query(r.long_string("QUERY string")?.to_owned()),
            Opcode::Prepare => Request::Prepare(r.long_string("PREPARE string")?.to_owned()),
            Opcode::Execute => Request::Execute(r.short_bytes("EXECUTE id")?.to_vec()),
            Opcode::Batch => Request::Batch(batch_statements(&mut r)?),
            Opcode::Register => Request::Register(
                r.string_list("REGISTER events")?
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            ),
            _ => return Err(FrameError::WrongDirection),
        })
    }

    /// The opcode and body of this request, for the front's own requests to its upstream.
    pub fn encode(&self) -> (Opcode, Vec<u8>) {
        let mut w = Writer::new();
        let opcode = match self {
            Request::Startup(options) => {
                let pairs: Vec<(&str, &str)> = options
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                w.string_map(&pairs);
                Opcode::Startup
            }
            Request::Options => Opcode::Options,
            Request::AuthResponse(token) => {
                w.bytes(token.as_deref());
                Opcode::AuthResponse
            }
            Request::Query(q) => {
                // Consistency ONE, no flags: the smallest valid query parameters.
                w.long_string(q).short(0x0001).byte(0);
                Opcode::Query
            }
            Request::Prepare(q) => {
                w.long_string(q);
                Opcode::Prepare
            }
            Request::Execute(id) => {
                w.short_bytes(id).short(0x0001).byte(0);
                Opcode::Execute
            }
            Request::Batch(statements) => {
                w.byte(0)
                    .short(statements.len().min(u16::MAX as usize) as u16);
                for s in statements.iter().take(u16::MAX as usize) {
                    match s {
                        BatchStatement::Query(q) => w.byte(0).long_string(q),
                        BatchStatement::Prepared(id) => w.byte(1).short_bytes(id),
                    };
                    w.short(0);
                }
                w.short(0x0001).byte(0);
                Opcode::Batch
            }
            Request::Register(events) => {
                let events: Vec<&str> = events.iter().map(String::as_str).collect();
                w.string_list(&events);
                Opcode::Register
            }
        };
        (opcode, w.finish())
    }
}

/// A BATCH body: `<type><n><query_1>…<query_n>`, each query with its values.
fn batch_statements(r: &mut Reader<'_>) -> Result<Vec<BatchStatement>, FrameError> {
    let kind = r.byte("BATCH type")?;
    if kind > 2 {
        return Err(FrameError::Malformed("BATCH type"));
    }
    let n = r.short("BATCH count")?;
    let mut out = Vec::with_capacity(usize::from(n).min(r.rest().len()));
    for _ in 0..n {
        let statement = match r.byte("BATCH statement kind")? {
            0 => BatchStatement::Query(r.long_string("BATCH query")?.to_owned()),
            1 => BatchStatement::Prepared(r.short_bytes("BATCH id")?.to_vec()),
            _ => return Err(FrameError::Malformed("BATCH statement kind")),
        };
        let values = r.short("BATCH values")?;
        for _ in 0..values {
            r.value("BATCH value")?;
        }
        out.push(statement);
    }
    Ok(out)
}

/// The RESULT kinds (v4 §4.2.5); only those the front acts on are decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultBody {
    /// Void.
    Void,
    /// Rows, kept encoded.
    Rows(Vec<u8>),
    /// The keyspace a USE switched to.
    SetKeyspace(String),
    /// A prepared statement's id; its metadata is kept encoded.
    Prepared {
        /// The id EXECUTE and BATCH will name.
        id: Vec<u8>,
        /// Metadata and result metadata, encoded.
        metadata: Vec<u8>,
    },
    /// A schema change, kept encoded.
    SchemaChange(Vec<u8>),
}

/// A server response, decoded as far as the front needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// ERROR: code, message and the code-specific fields, kept encoded.
    Error {
        /// The error code.
        code: i32,
        /// The message.
        message: String,
        /// Code-specific fields after the message.
        extra: Vec<u8>,
    },
    /// READY.
    Ready,
    /// AUTHENTICATE naming the authenticator class.
    Authenticate(String),
    /// SUPPORTED options.
    Supported(Vec<(String, Vec<String>)>),
    /// RESULT.
    Result(ResultBody),
    /// EVENT: its type and the rest, encoded.
    Event {
        /// `TOPOLOGY_CHANGE`, `STATUS_CHANGE` or `SCHEMA_CHANGE`.
        kind: String,
        /// The event's fields.
        rest: Vec<u8>,
    },
    /// AUTH_CHALLENGE.
    AuthChallenge(Option<Vec<u8>>),
    /// AUTH_SUCCESS.
    AuthSuccess(Option<Vec<u8>>),
}

impl Response {
    /// An ERROR without code-specific fields.
    pub fn error(code: ErrorCode, message: impl Into<String>) -> Response {
        Response::Error {
            code: code.to_int(),
            message: message.into(),
            extra: Vec::new(),
        }
    }

    /// UNPREPARED for `id`, which makes drivers prepare the statement again.
    pub fn unprepared(id: &[u8], message: impl Into<String>) -> Response {
        let mut w = Writer::new();
        w.short_bytes(id);
        Response::Error {
            code: ErrorCode::Unprepared.to_int(),
            message: message.into(),
            extra: w.finish(),
        }
    }

    /// Decodes a server frame, skipping the tracing id, warnings and custom payload the
    /// header flags announce.
    pub fn decode(frame: &Frame) -> Result<Response, FrameError> {
        if !frame.header.response {
            return Err(FrameError::WrongDirection);
        }
        let flags = frame.header.flags;
        if flags & FLAG_COMPRESSION != 0 {
            return Err(FrameError::Compressed);
        }
        let mut r = Reader::new(&frame.body);
        if flags & FLAG_TRACING != 0 {
            r.take(16, "tracing id")?;
        }
        if flags & FLAG_WARNING != 0 {
            r.string_list("warnings")?;
        }
        if flags & FLAG_CUSTOM_PAYLOAD != 0 {
            r.skip_bytes_map("custom payload")?;
        }
        Ok(match frame.header.opcode {
            Opcode::Error => Response::Error {
                code: r.int("error code")?,
                message: r.string("error message")?.to_owned(),
                extra: r.rest().to_vec(),
            },
            Opcode::Ready => Response::Ready,
            Opcode::Authenticate => Response::Authenticate(r.string("authenticator")?.to_owned()),
            Opcode::Supported => Response::Supported(
                r.string_multimap("SUPPORTED options")?
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
                    .collect(),
            ),
            Opcode::Result => Response::Result(match r.int("RESULT kind")? {
                1 => ResultBody::Void,
                2 => ResultBody::Rows(r.rest().to_vec()),
                3 => ResultBody::SetKeyspace(r.string("keyspace")?.to_owned()),
                4 => ResultBody::Prepared {
                    id: r.short_bytes("prepared id")?.to_vec(),
                    metadata: r.rest().to_vec(),
                },
                5 => ResultBody::SchemaChange(r.rest().to_vec()),
                _ => return Err(FrameError::Malformed("RESULT kind")),
            }),
            Opcode::Event => Response::Event {
                kind: r.string("event type")?.to_owned(),
                rest: r.rest().to_vec(),
            },
            Opcode::AuthChallenge => {
                Response::AuthChallenge(r.bytes("AUTH_CHALLENGE token")?.map(<[u8]>::to_vec))
            }
            Opcode::AuthSuccess => {
                Response::AuthSuccess(r.bytes("AUTH_SUCCESS token")?.map(<[u8]>::to_vec))
            }
            _ => return Err(FrameError::WrongDirection),
        })
    }

    /// The response as a frame on `stream`.
    pub fn to_frame(&self, stream: i16) -> Frame {
        let mut w = Writer::new();
        let opcode = match self {
            Response::Error {
                code,
                message,
                extra,
            } => {
                w.int(*code).string(message).raw(extra);
                Opcode::Error
            }
            Response::Ready => Opcode::Ready,
            Response::Authenticate(class) => {
                w.string(class);
                Opcode::Authenticate
            }
            Response::Supported(options) => {
                let pairs: Vec<(&str, Vec<&str>)> = options
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
                    .collect();
                w.string_multimap(&pairs);
                Opcode::Supported
            }
            Response::Result(body) => {
                match body {
                    ResultBody::Void => w.int(1),
                    ResultBody::Rows(rest) => w.int(2).raw(rest),
                    ResultBody::SetKeyspace(ks) => w.int(3).string(ks),
                    ResultBody::Prepared { id, metadata } => w.int(4).short_bytes(id).raw(metadata),
                    ResultBody::SchemaChange(rest) => w.int(5).raw(rest),
                };
                Opcode::Result
            }
            Response::Event { kind, rest } => {
                w.string(kind).raw(rest);
                Opcode::Event
            }
            Response::AuthChallenge(token) => {
                w.bytes(token.as_deref());
                Opcode::AuthChallenge
            }
            Response::AuthSuccess(token) => {
                w.bytes(token.as_deref());
                Opcode::AuthSuccess
            }
        };
        Frame::response(stream, opcode, w.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_round_trip(req: Request) {
        let (opcode, body) = req.encode();
        let frame = Frame::request(1, opcode, body);
        assert_eq!(Request::decode(&frame), Ok(req));
    }

    #[test]
    fn requests_round_trip() {
        request_round_trip(Request::Startup(vec![(
            "CQL_VERSION".into(),
            "3.0.0".into(),
        )]));
        request_round_trip(Request::Options);
        request_round_trip(Request::AuthResponse(Some(b"SigV4\0\0".to_vec())));
        request_round_trip(Request::AuthResponse(None));
        request_round_trip(Request::Query("SELECT * FROM ks.t".into()));
        request_round_trip(Request::Prepare("INSERT INTO t (a) VALUES (?)".into()));
        request_round_trip(Request::Execute(vec![1, 2, 3]));
        request_round_trip(Request::Batch(vec![
            BatchStatement::Query("INSERT INTO ks.t (a) VALUES (1)".into()),
            BatchStatement::Prepared(vec![9; 16]),
        ]));
        request_round_trip(Request::Register(vec!["SCHEMA_CHANGE".into()]));
    }

    #[test]
    fn responses_round_trip() {
        for resp in [
            Response::error(ErrorCode::Unauthorized, "no"),
            Response::unprepared(&[1, 2], "Unknown prepared id"),
            Response::Ready,
            Response::Authenticate("org.apache.cassandra.auth.PasswordAuthenticator".into()),
            Response::Supported(vec![("COMPRESSION".into(), vec![])]),
            Response::Result(ResultBody::Void),
            Response::Result(ResultBody::Rows(vec![0, 0, 0, 1])),
            Response::Result(ResultBody::SetKeyspace("ks".into())),
            Response::Result(ResultBody::Prepared {
                id: vec![7; 16],
                metadata: vec![0, 0, 0, 0],
            }),
            Response::Result(ResultBody::SchemaChange(vec![1])),
            Response::Event {
                kind: "STATUS_CHANGE".into(),
                rest: vec![1, 2],
            },
            Response::AuthChallenge(Some(b"nonce=x".to_vec())),
            Response::AuthSuccess(None),
        ] {
            assert_eq!(Response::decode(&resp.to_frame(-1)), Ok(resp));
        }
    }

    #[test]
    fn flagged_response_prefixes_are_skipped() {
        let mut frame = Response::Result(ResultBody::SetKeyspace("ks".into())).to_frame(5);
        let mut body = vec![0u8; 16];
        let mut w = Writer::new();
        w.string_list(&["careful"]);
        body.extend(w.finish());
        body.extend(&frame.body);
        frame.body = body;
        frame.header.flags = FLAG_TRACING | FLAG_WARNING;
        assert_eq!(
            Response::decode(&frame),
            Ok(Response::Result(ResultBody::SetKeyspace("ks".into())))
        );
    }

    #[test]
    fn compressed_requests_are_refused() {
        let (opcode, body) = Request::Query("SELECT 1".into()).encode();
        let mut frame = Frame::request(1, opcode, body);
        frame.header.flags = FLAG_COMPRESSION;
        assert_eq!(Request::decode(&frame), Err(FrameError::Compressed));
    }
}

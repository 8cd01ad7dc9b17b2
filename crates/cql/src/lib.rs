//! The Cassandra native protocol (v4) as Keyward's CQL front needs it, and the statement
//! classifier that turns CQL text into the IAM action and resource Amazon Keyspaces authorizes.
//!
//! Everything here is pure: no sockets, no clocks. The front reads a 9-byte header, checks it
//! with [`frame::Header::decode`] (which bounds the body length before anything is allocated),
//! reads the body, and decodes only the requests it must authorize ([`message::Request`]);
//! every other frame is relayed as bytes. Decoding never panics on any input: every read is
//! bounds-checked and every failure is a [`frame::FrameError`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod classify;
pub mod frame;
pub mod message;
pub mod wire;

pub use classify::{classify, Action, ClassifyError, Statement};
pub use frame::{Frame, FrameError, Header, Opcode, HEADER_LEN, MAX_BODY_LEN, VERSION};
pub use message::{BatchStatement, ErrorCode, Request, Response};

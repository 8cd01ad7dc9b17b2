//! Any bytes through the frame splitter and both body decoders: no panic, no unbounded
//! allocation. The first byte picks the direction so both decoders see well-formed headers.
#![no_main]

use keyward_cql::{Frame, Request, Response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut buf = data.to_vec();
    if let Some(first) = buf.first_mut() {
        *first = if *first & 1 == 0 { 0x04 } else { 0x84 };
    }
    let mut rest = &buf[..];
    while let Ok(Some((frame, used))) = Frame::parse(rest) {
        let _ = Request::decode(&frame);
        if let Ok(response) = Response::decode(&frame) {
            let again = response.to_frame(frame.header.stream);
            assert_eq!(Response::decode(&again).as_ref(), Ok(&response));
        }
        rest = &rest[used..];
    }
});

//! Arbitrary input never panics the frame parser, the request and response decoders or the
//! classifier (the fuzz targets in `fuzz/` explore further).

use keyward_cql::{classify, Frame, Request, Response};
use proptest::prelude::*;

proptest! {
    #[test]
    fn frames_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let mut buf = bytes.clone();
        if buf.len() >= 9 {
            buf[0] = if buf[0] & 1 == 0 { 0x04 } else { 0x84 };
        }
        if let Ok(Some((frame, _))) = Frame::parse(&buf) {
            let _ = Request::decode(&frame);
            let _ = Response::decode(&frame);
        }
    }

    #[test]
    fn classifier_never_panics(text in "\\PC{0,200}") {
        let _ = classify(&text, Some("ks"));
    }

    #[test]
    fn classifier_never_panics_on_cql_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("SELECT"), Just("FROM"), Just("BEGIN"), Just("BATCH"), Just("APPLY"),
                Just("INSERT"), Just("INTO"), Just("."), Just(";"), Just("("), Just(")"),
                Just("'"), Just("\""), Just("/*"), Just("--"), Just("$$"), Just("ks"), Just("t"),
                Just("CREATE"), Just("IF"), Just("NOT"), Just("EXISTS"), Just("TABLE"),
            ],
            0..20,
        )
    ) {
        let _ = classify(&words.join(" "), None);
    }
}

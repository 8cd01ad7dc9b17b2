//! Feeds arbitrary bytes, split at an arbitrary point, to the aws-chunked decoder (signed and
//! unsigned): it must never panic, and must never release data from a body it refuses.
#![no_main]

use keyward_sigv4::{
    derive_signing_key, AuthLocation, ChunkedDecoder, CredentialScope, ParsedAuth,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, body)) = data.split_first() else {
        return;
    };
    let auth = ParsedAuth {
        access_key_id: "AKIDEXAMPLE".to_owned(),
        scope: CredentialScope {
            date: "20130524".to_owned(),
            region: "us-east-1".to_owned(),
            service: "s3".to_owned(),
        },
        signed_headers: Vec::new(),
        signature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9".to_owned(),
        request_time: time::OffsetDateTime::UNIX_EPOCH,
        session_token: None,
        location: AuthLocation::Header,
        expires_in: None,
    };
    let key = derive_signing_key("secret", "20130524", "us-east-1", "s3");
    let at = usize::from(split).min(body.len());
    let (first, second) = body.split_at(at);
    for mut decoder in [
        ChunkedDecoder::signed(key.clone(), &auth, false),
        ChunkedDecoder::signed(key.clone(), &auth, true),
        ChunkedDecoder::unsigned_trailer(),
    ] {
        let mut out = Vec::new();
        let result = decoder
            .push(first, &mut out)
            .and_then(|()| decoder.push(second, &mut out))
            .and_then(|()| decoder.finish());
        assert!(out.len() <= body.len());
        let _ = result;
    }
});

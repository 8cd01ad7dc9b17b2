//! Any text through the statement classifier, with and without a session keyspace: no panic,
//! and every classified statement names a keyspace Cassandra could have.
#![no_main]

use keyward_cql::classify;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for ks in [None, Some("ks")] {
            if let Ok(statements) = classify(text, ks) {
                for s in statements {
                    assert!(!s.keyspace.is_empty() && s.keyspace.len() <= 48);
                    assert!(s
                        .keyspace
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_'));
                }
            }
        }
    }
});

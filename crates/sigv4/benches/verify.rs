//! Verification of a botocore-style STS `GetCallerIdentity` POST against the floor of what any
//! verifier must compute: SHA-256 of the canonical request plus one HMAC-SHA256 of the string to
//! sign with the cached signing key.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark harness: criterion generates undocumented items, and it fails loudly on purpose on inputs of its own"
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hmac::{Hmac, Mac};
use keyward_sigv4::{
    canonical_request, parse, sign_headers, string_to_sign, verify, AuthLocation, Credentials,
    PathMode, SignableRequest, SigningKeyCache,
};
use sha2::{Digest, Sha256};
use time::macros::datetime;

const BODY: &[u8] = b"Action=GetCallerIdentity&Version=2011-06-15";

fn bench(c: &mut Criterion) {
    let now = datetime!(2024-05-01 12:00:00 UTC);
    let creds = Credentials {
        access_key_id: "AKIAIOSFODNN7EXAMPLE",
        secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        session_token: None,
    };
    let base: Vec<(&str, &str)> = vec![
        ("Host", "sts.us-east-1.amazonaws.com"),
        (
            "Content-Type",
            "application/x-www-form-urlencoded; charset=utf-8",
        ),
        ("Content-Length", "43"),
    ];
    let unsigned = SignableRequest {
        method: "POST",
        path: "/",
        query: "",
        headers: &base,
        body: BODY,
    };
    let added = sign_headers(&unsigned, &creds, "us-east-1", "sts", now);
    let mut headers: Vec<(&str, &str)> = vec![("User-Agent", "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.1 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0")];
    headers.extend(base.iter().copied());
    headers.extend(added.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let req = SignableRequest {
        headers: &headers,
        ..unsigned
    };

    let auth = parse(&req).expect("bench request parses");
    let cache = SigningKeyCache::new(16);
    let key = cache.get(&auth.access_key_id, creds.secret_access_key, &auth.scope);
    verify(&req, &auth, &key).expect("bench request verifies");

    let creq = canonical_request(
        &req,
        AuthLocation::Header,
        &auth.signed_headers,
        "sts",
        PathMode::Normalized,
    )
    .expect("canonical request");
    let sts = string_to_sign(auth.request_time, &auth.scope, &creq);
    let (sts_prefix, _) = sts
        .rsplit_once('\n')
        .expect("string to sign has four lines");
    let key_bytes = *key.as_bytes();

    let mut group = c.benchmark_group("sts_get_caller_identity");
    group.bench_function("floor_sha256_creq_plus_hmac", |b| {
        b.iter(|| {
            let digest = Sha256::digest(black_box(creq.as_bytes()));
            let mut hex = [0u8; 64];
            for (i, byte) in digest.iter().enumerate() {
                hex[2 * i] = b"0123456789abcdef"[usize::from(byte >> 4)];
                hex[2 * i + 1] = b"0123456789abcdef"[usize::from(byte & 0xf)];
            }
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(black_box(&key_bytes))
                .expect("any key length");
            mac.update(sts_prefix.as_bytes());
            mac.update(b"\n");
            mac.update(&hex);
            black_box(mac.finalize().into_bytes())
        })
    });
    group.bench_function("verify", |b| {
        b.iter(|| verify(black_box(&req), black_box(&auth), black_box(&key)))
    });
    group.bench_function("parse_and_verify", |b| {
        b.iter(|| {
            let auth = parse(black_box(&req)).expect("parses");
            verify(&req, &auth, &key)
        })
    });
    group.bench_function("cache_get_hit", |b| {
        b.iter(|| {
            cache.get(
                black_box("AKIAIOSFODNN7EXAMPLE"),
                creds.secret_access_key,
                &auth.scope,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

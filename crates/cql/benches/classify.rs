//! Per-statement cost of the front's classification step: lexing and classifying the
//! statements a driver sends most.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark harness: criterion generates undocumented items, and it fails loudly on purpose on inputs of its own"
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use keyward_cql::{classify, Frame, Request};

fn bench(c: &mut Criterion) {
    c.bench_function("classify select", |b| {
        b.iter(|| classify(black_box("SELECT k, v FROM ks.t WHERE k = ?"), None))
    });
    c.bench_function("classify insert in session keyspace", |b| {
        b.iter(|| classify(black_box("INSERT INTO t (k, v) VALUES (?, ?)"), Some("ks")))
    });
    let (opcode, body) = Request::Query("SELECT k, v FROM ks.t WHERE k = 1".into()).encode();
    let bytes = Frame::request(1, opcode, body).to_bytes();
    c.bench_function("parse QUERY frame and classify", |b| {
        b.iter(|| {
            let (frame, _) = Frame::parse(black_box(&bytes)).ok().flatten()?;
            match Request::decode(&frame).ok()? {
                Request::Query(q) => classify(&q, None).ok(),
                _ => None,
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

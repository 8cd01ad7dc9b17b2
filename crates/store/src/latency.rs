//! How long store transactions take, reported to an observer the server installs (its
//! metrics), so that the store needs no metrics library of its own and costs one load of a
//! pointer per transaction when nobody observes.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Whether a timed transaction read or wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A read (SQLite: a statement run on the connection; PostgreSQL: a read-only transaction).
    Read,
    /// A write transaction, committed or not.
    Write,
}

static OBSERVER: OnceLock<fn(Access, Duration)> = OnceLock::new();

/// Installs the function told the time of every store transaction, of every store in the
/// process; the first one installed stays.
pub fn observe_latency(observer: fn(Access, Duration)) {
    let _ = OBSERVER.set(observer);
}

/// Reports a transaction that started at `started`.
pub(crate) fn observed(access: Access, started: Instant) {
    if let Some(observer) = OBSERVER.get() {
        observer(access, started.elapsed());
    }
}

//! Every metric the server exports on `GET /metrics`, in Prometheus's text format, defined in
//! this one place. The process has one set: the counters live as long as it does, as
//! Prometheus expects. Recording is an atomic add (a counter) or a short per-series lock (a
//! histogram's buckets); the request path takes no lock shared by all series. Labels are
//! fixed names (services, operations of the served models, error codes, decisions): nothing a
//! client sends, and never a key id or a principal, appears in a label.

use std::sync::LazyLock;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// The content type of the text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// One answered API request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    service: &'static str,
    operation: &'static str,
    status: u16,
    /// The AWS error code; empty for a success.
    error_code: &'static str,
}

/// The operation a latency was measured for.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationLabels {
    service: &'static str,
    operation: &'static str,
}

/// How the policy engine decided a request.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum Decision {
    /// A statement allowed it and none denied it.
    Allow,
    /// A statement denied it.
    ExplicitDeny,
    /// No statement allowed it.
    ImplicitDeny,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DecisionLabels {
    decision: &'static str,
}

/// The caches whose hit rate is exported.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum Cache {
    /// Access keys and their owners (`auth::keys::KeyCache`).
    AccessKeys,
    /// Compiled policies per principal (`authz::PolicyCache`).
    Policies,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CacheLabels {
    cache: &'static str,
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StoreLabels {
    access: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ListenerLabels {
    listener: &'static str,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// Latency buckets from 50 µs to about 3.3 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_05, 2.0, 17))
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    request_seconds: Histograms<OperationLabels>,
    decisions: Family<DecisionLabels, Counter>,
    cache_lookups: Family<CacheLabels, Counter>,
    store_seconds: Histograms<StoreLabels>,
    audit_write_seconds: Histogram,
    audit_queued_records: Gauge,
    audit_pending_bytes: Gauge,
    audit_dropped_records: Gauge,
    connections_open: Family<ListenerLabels, Gauge>,
    connections_refused: Family<ListenerLabels, Counter>,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    &METRICS
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::with_prefix("keyward");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "requests",
            "API requests answered, by service, operation, HTTP status and AWS error code",
            requests.clone(),
        );
        let request_seconds: Histograms<OperationLabels> =
            Family::new_with_constructor(latency_histogram);
        registry.register(
            "request_duration_seconds",
            "Time from a request's arrival to its answer, by operation",
            request_seconds.clone(),
        );
        let decisions = Family::<DecisionLabels, Counter>::default();
        registry.register(
            "authorization_decisions",
            "Policy engine decisions on API requests (root's requests are not evaluated)",
            decisions.clone(),
        );
        let cache_lookups = Family::<CacheLabels, Counter>::default();
        registry.register(
            "cache_lookups",
            "Lookups in the access-key and compiled-policy caches, by result",
            cache_lookups.clone(),
        );
        let store_seconds: Histograms<StoreLabels> =
            Family::new_with_constructor(latency_histogram);
        registry.register(
            "store_duration_seconds",
            "Time of a store transaction, waiting for the connection included",
            store_seconds.clone(),
        );
        let audit_write_seconds = latency_histogram();
        registry.register(
            "audit_write_duration_seconds",
            "Time to write and sync one batch of audit records",
            audit_write_seconds.clone(),
        );
        let audit_queued_records = Gauge::default();
        registry.register(
            "audit_queued_records",
            "Audit records queued for the writer",
            audit_queued_records.clone(),
        );
        let audit_pending_bytes = Gauge::default();
        registry.register(
            "audit_pending_bytes",
            "Bytes claimed in the audit log for records not written yet",
            audit_pending_bytes.clone(),
        );
        let audit_dropped_records = Gauge::default();
        registry.register(
            "audit_dropped_records",
            "Audit records of read-only calls dropped for want of room since the start",
            audit_dropped_records.clone(),
        );
        let connections_open = Family::<ListenerLabels, Gauge>::default();
        registry.register(
            "connections_open",
            "Connections being served, by listener",
            connections_open.clone(),
        );
        let connections_refused = Family::<ListenerLabels, Counter>::default();
        registry.register(
            "connections_refused",
            "Connections answered 503 and closed because every permit was taken",
            connections_refused.clone(),
        );
        // Every decision and cache outcome is exported from the start, at 0, so that a rate
        // over them is defined before the first one happens.
        for decision in ["allow", "explicit_deny", "implicit_deny"] {
            decisions.get_or_create_owned(&DecisionLabels { decision });
        }
        for cache in ["access_keys", "policies"] {
            for result in ["hit", "miss"] {
                cache_lookups.get_or_create_owned(&CacheLabels { cache, result });
            }
        }
        Metrics {
            registry,
            requests,
            request_seconds,
            decisions,
            cache_lookups,
            store_seconds,
            audit_write_seconds,
            audit_queued_records,
            audit_pending_bytes,
            audit_dropped_records,
            connections_open,
            connections_refused,
        }
    }

    /// Counts one answered request and its latency.
    pub fn request(
        &self,
        service: &'static str,
        operation: &'static str,
        status: u16,
        error_code: &'static str,
        took: Duration,
    ) {
        self.requests
            .get_or_create(&RequestLabels {
                service,
                operation,
                status,
                error_code,
            })
            .inc();
        self.request_seconds
            .get_or_create(&OperationLabels { service, operation })
            .observe(took.as_secs_f64());
    }

    /// Counts one decision of the policy engine.
    pub fn decision(&self, decision: Decision) {
        let decision = match decision {
            Decision::Allow => "allow",
            Decision::ExplicitDeny => "explicit_deny",
            Decision::ImplicitDeny => "implicit_deny",
        };
        self.decisions
            .get_or_create(&DecisionLabels { decision })
            .inc();
    }

    /// Counts one cache lookup.
    pub fn cache_lookup(&self, cache: Cache, hit: bool) {
        let cache = match cache {
            Cache::AccessKeys => "access_keys",
            Cache::Policies => "policies",
        };
        let result = if hit { "hit" } else { "miss" };
        self.cache_lookups
            .get_or_create(&CacheLabels { cache, result })
            .inc();
    }

    /// Records the time of one store transaction.
    pub fn store_access(&self, access: keyward_store::Access, took: Duration) {
        let access = match access {
            keyward_store::Access::Read => "read",
            keyward_store::Access::Write => "write",
        };
        self.store_seconds
            .get_or_create(&StoreLabels { access })
            .observe(took.as_secs_f64());
    }

    /// Records the time to write and sync one audit batch.
    pub fn audit_write(&self, took: Duration) {
        self.audit_write_seconds.observe(took.as_secs_f64());
    }

    /// A connection opened on `listener`; it counts as open until the guard is dropped.
    pub fn connection_opened(&self, listener: &'static str) -> OpenConnection {
        let gauge = self
            .connections_open
            .get_or_create(&ListenerLabels { listener })
            .clone();
        gauge.inc();
        OpenConnection(gauge)
    }

    /// Counts a connection refused on `listener`.
    pub fn connection_refused(&self, listener: &'static str) {
        self.connections_refused
            .get_or_create(&ListenerLabels { listener })
            .inc();
    }

    /// The text exposition, with the audit log's state as of now.
    pub fn encode(&self, audit: AuditState) -> String {
        self.audit_queued_records
            .set(i64::try_from(audit.queued_records).unwrap_or(i64::MAX));
        self.audit_pending_bytes
            .set(i64::try_from(audit.pending_bytes).unwrap_or(i64::MAX));
        self.audit_dropped_records
            .set(i64::try_from(audit.dropped_records).unwrap_or(i64::MAX));
        let mut text = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &self.registry) {
            tracing::error!(error = %e, "metrics not encodable");
        }
        text
    }
}

/// The audit log's backlog, read when metrics are scraped.
#[derive(Clone, Copy, Debug, Default)]
pub struct AuditState {
    /// Records queued for the writer.
    pub queued_records: usize,
    /// Bytes claimed for records not written yet.
    pub pending_bytes: u64,
    /// Records dropped since the start.
    pub dropped_records: u64,
}

/// An open connection, counted in `keyward_connections_open` until dropped.
pub struct OpenConnection(Gauge);

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.dec();
    }
}

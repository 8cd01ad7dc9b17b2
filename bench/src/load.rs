//! The workloads of issue 7 and the two ways of driving them: closed loop (every connection
//! sends its next request as soon as the previous answer arrives, which finds the maximum
//! throughput) and open loop (requests are due at a fixed rate whether or not earlier ones
//! have been answered, which measures latency at a given load without coordinated omission).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use crate::client::{AwsClient, Call, Creds};
use crate::procs::cpu_time;

/// One of the request mixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Mix {
    /// 1: `sts:GetCallerIdentity` by an IAM user — authentication only.
    CallerIdentity,
    /// 2: `iam:GetUser` / `iam:ListAttachedUserPolicies` on random stored users.
    UserReads,
    /// 3: `sts:AssumeRole` of a role whose trust policy requires an external id.
    AssumeRole,
    /// 4: `iam:CreateUser` + `iam:CreateAccessKey` + `iam:AttachUserPolicy`.
    Writes,
    /// 5: mix 2 signed with temporary credentials from `AssumeRole`.
    SessionReads,
}

impl Mix {
    /// The number for the mix.
    pub fn number(self) -> u8 {
        match self {
            Mix::CallerIdentity => 1,
            Mix::UserReads => 2,
            Mix::AssumeRole => 3,
            Mix::Writes => 4,
            Mix::SessionReads => 5,
        }
    }

    /// Parses the number.
    pub fn from_number(n: u8) -> Option<Self> {
        [
            Mix::CallerIdentity,
            Mix::UserReads,
            Mix::AssumeRole,
            Mix::Writes,
            Mix::SessionReads,
        ]
        .into_iter()
        .find(|m| m.number() == n)
    }

    /// A short label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Mix::CallerIdentity => "GetCallerIdentity (IAM user)",
            Mix::UserReads => "GetUser/ListAttachedUserPolicies",
            Mix::AssumeRole => "AssumeRole + ExternalId",
            Mix::Writes => "CreateUser+CreateAccessKey+AttachUserPolicy",
            Mix::SessionReads => "mix 2 with AssumeRole credentials",
        }
    }
}

/// Everything the mixes need from the seeding, identical in shape for both systems.
pub struct Fixture {
    /// IAM users with the benchmark policy attached, one per connection in turn.
    pub callers: Vec<Creds>,
    /// Temporary credentials from `AssumeRole`, one per connection in turn (mix 5).
    pub sessions: Vec<Creds>,
    /// Stored users are named `bench-user-0` … `bench-user-{users - 1}`.
    pub users: usize,
    /// The role assumed by mix 3.
    pub role_arn: String,
    /// The external id the role's trust policy requires.
    pub external_id: String,
    /// The managed policy the write mix attaches.
    pub policy_arn: String,
    /// Prefix of the users the write mix creates, unique per run.
    pub write_prefix: String,
}

/// The name of stored user `i`.
pub fn user_name(i: usize) -> String {
    format!("bench-user-{i}")
}

impl Fixture {
    /// The `seq`-th request of connection `worker` in `mix`.
    fn request(&self, mix: Mix, worker: usize, seq: u64, rng: &mut StdRng) -> (&Creds, Call) {
        let caller = &self.callers[worker % self.callers.len()];
        match mix {
            Mix::CallerIdentity => (caller, Call::new("sts", "GetCallerIdentity", &[])),
            Mix::UserReads => (caller, self.user_read(seq, rng)),
            Mix::SessionReads => (
                &self.sessions[worker % self.sessions.len()],
                self.user_read(seq, rng),
            ),
            Mix::AssumeRole => {
                let session = format!("bench-{worker}-{seq}");
                let params = [
                    ("RoleArn", self.role_arn.as_str()),
                    ("RoleSessionName", session.as_str()),
                    ("ExternalId", self.external_id.as_str()),
                ];
                (caller, Call::new("sts", "AssumeRole", &params))
            }
            Mix::Writes => {
                let name = format!("{}-{worker}-{}", self.write_prefix, seq / 3);
                let call = match seq % 3 {
                    0 => Call::new("iam", "CreateUser", &[("UserName", &name)]),
                    1 => Call::new("iam", "CreateAccessKey", &[("UserName", &name)]),
                    _ => Call::new(
                        "iam",
                        "AttachUserPolicy",
                        &[("UserName", &name), ("PolicyArn", &self.policy_arn)],
                    ),
                };
                (caller, call)
            }
        }
    }

    fn user_read(&self, seq: u64, rng: &mut StdRng) -> Call {
        let name = user_name(rng.random_range(0..self.users));
        let action = match seq % 2 {
            0 => "GetUser",
            _ => "ListAttachedUserPolicies",
        };
        Call::new("iam", action, &[("UserName", &name)])
    }
}

/// What one timed run measured.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// 2xx answers.
    pub ok: u64,
    /// Answers with another status.
    pub non_2xx: u64,
    /// Requests that got no answer (connection failures).
    pub errors: u64,
    /// Wall time of the run, seconds.
    pub seconds: f64,
    /// Answers (of any status) per second.
    pub requests_per_second: f64,
    /// Median latency, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency, milliseconds.
    pub p99_ms: f64,
    /// 99.9th percentile latency, milliseconds.
    pub p999_ms: f64,
    /// Largest latency, milliseconds.
    pub max_ms: f64,
    /// CPU the load generator used, in cores (1.0 = one core busy all the time).
    pub client_cores: f64,
    /// CPU the server used, in cores.
    pub server_cores: f64,
    /// The first failure seen, for diagnosis.
    pub first_failure: Option<String>,
}

/// Per-worker tallies, merged at the end so workers never share a lock.
struct Tally {
    histogram: Histogram<u64>,
    ok: u64,
    non_2xx: u64,
    errors: u64,
    first_failure: Option<String>,
}

impl Tally {
    fn new() -> Self {
        Tally {
            // Microseconds from 1 µs to 100 s at three significant digits.
            histogram: Histogram::new_with_bounds(1, 100_000_000, 3).expect("valid bounds"),
            ok: 0,
            non_2xx: 0,
            errors: 0,
            first_failure: None,
        }
    }

    fn record(&mut self, latency: Duration, result: Result<crate::client::Reply, String>) {
        let micros = (latency.as_micros() as u64).clamp(1, 100_000_000);
        let _ = self.histogram.record(micros);
        match result {
            Ok(reply) if reply.ok() => self.ok += 1,
            Ok(reply) => {
                self.non_2xx += 1;
                self.first_failure
                    .get_or_insert_with(|| format!("HTTP {}: {}", reply.status, reply.excerpt()));
            }
            Err(e) => {
                self.errors += 1;
                self.first_failure.get_or_insert(e);
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        let _ = self.histogram.add(&other.histogram);
        self.ok += other.ok;
        self.non_2xx += other.non_2xx;
        self.errors += other.errors;
        if self.first_failure.is_none() {
            self.first_failure = other.first_failure;
        }
    }
}

/// How requests are issued.
#[derive(Clone, Copy, Debug)]
pub enum Pacing {
    /// As fast as the answers come back.
    Closed,
    /// At this many requests per second in total.
    Open(f64),
}

/// The shared settings of one timed run.
pub struct Run<'a> {
    /// Clients for the servers under test; worker `i` uses client `i % len` (replicas behind a
    /// round-robin balancer).
    pub clients: &'a [AwsClient],
    /// Seeded identities and names.
    pub fixture: &'a Arc<Fixture>,
    /// Concurrent connections (workers).
    pub connections: usize,
    /// Length of the run.
    pub duration: Duration,
    /// The server's pid, to read its CPU time.
    pub server_pid: u32,
}

impl Run<'_> {
    /// Runs `mix` for the configured time and measures it.
    pub async fn measure(&self, mix: Mix, pacing: Pacing) -> Outcome {
        let start = Instant::now();
        let deadline = start + self.duration;
        let server_pid = self.server_pid.to_string();
        let (client_cpu, server_cpu) = (cpu_time("self"), cpu_time(&server_pid));
        let next_slot = Arc::new(AtomicU64::new(0));
        let mut workers = tokio::task::JoinSet::new();
        for worker in 0..self.connections {
            let client = self.clients[worker % self.clients.len()].clone();
            let fixture = Arc::clone(self.fixture);
            let next_slot = Arc::clone(&next_slot);
            workers.spawn(async move {
                let mut rng = StdRng::seed_from_u64(worker as u64);
                let mut tally = Tally::new();
                let mut seq = 0u64;
                let mut free_at = Instant::now();
                loop {
                    let sent = match pacing {
                        Pacing::Closed => Instant::now(),
                        Pacing::Open(rate) => {
                            let slot = next_slot.fetch_add(1, Ordering::Relaxed);
                            let due = start + Duration::from_secs_f64(slot as f64 / rate);
                            if due >= deadline {
                                break;
                            }
                            tokio::time::sleep_until(due.into()).await;
                            // A worker that was idle at the due time measures from when it
                            // actually sent, so the timer's millisecond granularity is not
                            // counted as server latency; a worker still busy with an earlier
                            // request measures from the due time, so queueing is counted.
                            if free_at <= due {
                                Instant::now()
                            } else {
                                due
                            }
                        }
                    };
                    if sent >= deadline {
                        break;
                    }
                    let (creds, call) = fixture.request(mix, worker, seq, &mut rng);
                    let result = client.send(creds, &call).await;
                    free_at = Instant::now();
                    tally.record(free_at - sent, result);
                    seq += 1;
                }
                tally
            });
        }
        let mut total = Tally::new();
        while let Some(done) = workers.join_next().await {
            if let Ok(tally) = done {
                total.merge(tally);
            }
        }
        let seconds = start.elapsed().as_secs_f64();
        let cores =
            |before: Duration, after: Duration| (after - before).as_secs_f64() / seconds.max(1e-9);
        let ms = |q: f64| total.histogram.value_at_quantile(q) as f64 / 1000.0;
        let answered = total.ok + total.non_2xx;
        Outcome {
            ok: total.ok,
            non_2xx: total.non_2xx,
            errors: total.errors,
            seconds,
            requests_per_second: answered as f64 / seconds.max(1e-9),
            p50_ms: ms(0.5),
            p99_ms: ms(0.99),
            p999_ms: ms(0.999),
            max_ms: total.histogram.max() as f64 / 1000.0,
            client_cores: cores(client_cpu, cpu_time("self")),
            server_cores: cores(server_cpu, cpu_time(&server_pid)),
            first_failure: total.first_failure,
        }
    }
}

/// Microseconds the client needs to build and sign one request, measured in-process so the
/// report can show the load generator is not what limits throughput.
pub fn signing_cost(client: &AwsClient, creds: &Creds) -> f64 {
    const ROUNDS: u32 = 20_000;
    let call = Call::new("sts", "GetCallerIdentity", &[]);
    let start = Instant::now();
    for _ in 0..ROUNDS {
        let _ = std::hint::black_box(client.signed(creds, &call));
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(ROUNDS)
}

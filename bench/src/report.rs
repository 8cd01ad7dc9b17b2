//! The results of a run: printed as tables, checked against issue 7's targets, and written as
//! JSON for anyone who wants to compare runs.

use serde::Serialize;

use crate::load::{Mix, Outcome};

/// Where and how the run happened, so a number can be traced back to its conditions.
#[derive(Serialize)]
pub struct Meta {
    /// UTC start time, RFC 3339.
    pub date: String,
    /// `git rev-parse HEAD` of the workspace, if available.
    pub commit: String,
    /// The command line.
    pub command: String,
    /// Logical CPUs.
    pub cpus: usize,
    /// `model name` from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Seconds per timed run.
    pub duration_seconds: f64,
    /// Concurrent connections per run.
    pub connections: usize,
    /// Microseconds the client spends building and signing one request.
    pub client_signing_micros: f64,
    /// `/proc/loadavg` (1, 5, 15 minutes) when the run started, to show how busy the machine
    /// was with other work.
    pub load_average_start: String,
    /// `/proc/loadavg` when the run ended.
    pub load_average_end: String,
}

/// The 1, 5 and 15 minute load averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One mix against Keyward, the floor and (unless `--no-moto`) moto.
#[derive(Serialize)]
pub struct Comparison {
    /// The mix.
    pub mix: Mix,
    /// Keyward's numbers.
    pub keyward: Outcome,
    /// The floor's numbers: the same requests answered by a fixed body (see `floor.rs`).
    pub floor: Outcome,
    /// moto's numbers, when moto ran.
    pub moto: Option<Outcome>,
}

impl Comparison {
    /// Keyward's throughput over moto's, when moto ran.
    pub fn ratio(&self) -> Option<f64> {
        self.moto
            .as_ref()
            .map(|m| self.keyward.requests_per_second / m.requests_per_second.max(1e-9))
    }

    /// Keyward's throughput over the floor's: issue 20's measure.
    pub fn floor_ratio(&self) -> f64 {
        self.keyward.requests_per_second / self.floor.requests_per_second.max(1e-9)
    }
}

/// Issue 20's goals: Keyward's throughput as a share of the floor's, per mix.
pub const FLOOR_GOALS: [(Mix, f64, &str); 4] = [
    (
        Mix::CallerIdentity,
        0.5,
        "authenticated GetCallerIdentity (IAM user key)",
    ),
    (Mix::UserReads, 0.4, "GetUser (authorized, reads the store)"),
    (
        Mix::SessionReads,
        0.4,
        "GetUser signed with AssumeRole session credentials",
    ),
    (Mix::Writes, 0.1, "durable CreateUser, each a new user"),
];

/// The side-by-side part of the run.
#[derive(Serialize)]
pub struct SideBySide {
    /// Users stored in both systems.
    pub users: usize,
    /// Seconds the API seeding took, Keyward then moto (when moto ran).
    pub seed_seconds: (f64, Option<f64>),
    /// Start-up to `/healthz` on an empty data directory, milliseconds.
    pub keyward_startup_ms: f64,
    /// moto's start-up to its first answer, milliseconds, when moto ran.
    pub moto_startup_ms: Option<f64>,
    /// Keyward's resident memory right after start-up, KiB.
    pub keyward_idle_rss_kib: u64,
    /// Keyward's peak resident memory over all mixes, KiB.
    pub keyward_peak_rss_kib: u64,
    /// Every mix run.
    pub mixes: Vec<Comparison>,
    /// Mixes 1 and 2 on Keyward at 80% of their measured maximum, open loop.
    pub paced: Vec<(Mix, Paced)>,
}

/// An open-loop run at a fixed rate.
#[derive(Serialize)]
pub struct Paced {
    /// Requests per second asked for.
    pub target_rate: f64,
    /// What was measured.
    pub outcome: Outcome,
}

/// One mix on one store layout of the replica runs.
#[derive(Serialize)]
pub struct ReplicaRun {
    /// Which store the replicas shared.
    pub store: String,
    /// How many replicas the load was spread over.
    pub replicas: usize,
    /// The mix.
    pub mix: Mix,
    /// What it measured (CPU readings are of the first replica only).
    pub outcome: Outcome,
}

/// Keyward alone with many users stored.
#[derive(Serialize)]
pub struct ScalePoint {
    /// Users (each with one access key) stored.
    pub users: usize,
    /// Seconds seeding the store took.
    pub seed_seconds: f64,
    /// Start-up to `/healthz`, milliseconds.
    pub startup_ms: f64,
    /// Resident memory right after start-up, KiB.
    pub idle_rss_kib: u64,
    /// Peak resident memory over the runs, KiB.
    pub peak_rss_kib: u64,
    /// The mixes run at this size.
    pub mixes: Vec<(Mix, Outcome)>,
}

/// One of issue 7's targets and whether the run met it.
#[derive(Serialize)]
pub struct Target {
    /// The target as the issue states it.
    pub target: String,
    /// What the run measured.
    pub measured: String,
    /// `None` when the run did not measure it (e.g. no 1M-user scale run).
    pub met: Option<bool>,
}

/// Everything, as written by `--json`.
#[derive(Serialize)]
pub struct Report {
    /// Conditions of the run.
    pub meta: Meta,
    /// Keyward against moto.
    pub side_by_side: Option<SideBySide>,
    /// The embedded store beside PostgreSQL with one and two replicas.
    pub replicas: Vec<ReplicaRun>,
    /// Keyward scale runs.
    pub scale: Vec<ScalePoint>,
    /// The targets, checked.
    pub targets: Vec<Target>,
}

/// MiB from KiB, for display.
pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The header of [`outcome_row`] tables.
pub fn outcome_header() -> String {
    format!(
        "{:<28} {:>10} {:>9} {:>9} {:>9} {:>9} {:>8} {:>6} {:>8} {:>8}",
        "run",
        "req/s",
        "p50 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms",
        "non-2xx",
        "errors",
        "cpu cli",
        "cpu srv"
    )
}

/// One line of a results table.
pub fn outcome_row(label: &str, o: &Outcome) -> String {
    format!(
        "{:<28} {:>10.0} {:>9.3} {:>9.3} {:>9.3} {:>9.1} {:>8} {:>6} {:>8.2} {:>8.2}",
        label,
        o.requests_per_second,
        o.p50_ms,
        o.p99_ms,
        o.p999_ms,
        o.max_ms,
        o.non_2xx,
        o.errors,
        o.client_cores,
        o.server_cores
    )
}

fn check(target: &str, measured: String, met: Option<bool>) -> Target {
    Target {
        target: target.to_owned(),
        measured,
        met,
    }
}

/// Checks issue 7's targets against whatever the run measured.
pub fn targets(side: Option<&SideBySide>, scale: &[ScalePoint]) -> Vec<Target> {
    let mut out = Vec::new();
    let mix = |m: Mix| side.and_then(|s| s.mixes.iter().find(|c| c.mix == m));
    for (m, least, label) in FLOOR_GOALS {
        let c = mix(m);
        out.push(check(
            &format!("mix {} / floor ≥ {least} ({label})", m.number()),
            c.map(|c| format!("{:.3}", c.floor_ratio()))
                .unwrap_or_default(),
            c.map(|c| c.floor_ratio() >= least),
        ));
    }
    for (m, least, label) in [
        (Mix::CallerIdentity, 100.0, "mix 1 ≥ 100× moto"),
        (Mix::UserReads, 50.0, "mix 2 ≥ 50× moto"),
        (Mix::AssumeRole, 50.0, "mix 3 ≥ 50× moto"),
        (Mix::Writes, 10.0, "mix 4 ≥ 10× moto"),
        (Mix::SessionReads, 50.0, "mix 5 ≥ 50× moto"),
    ] {
        let ratio = mix(m).and_then(Comparison::ratio);
        out.push(check(
            label,
            ratio
                .map(|r| format!("{r:.1}×"))
                .unwrap_or_else(|| "moto not run".to_owned()),
            ratio.map(|r| r >= least),
        ));
    }
    for (m, paced) in side.into_iter().flat_map(|s| s.paced.iter()) {
        out.push(check(
            &format!("mix {} p99 ≤ 5 ms at 80% of max load", m.number()),
            format!(
                "{:.3} ms at {:.0} req/s",
                paced.outcome.p99_ms, paced.target_rate
            ),
            Some(paced.outcome.p99_ms <= 5.0),
        ));
    }
    let writes = mix(Mix::Writes);
    out.push(check(
        "mix 4 ≥ 1,000 durable writes/s",
        writes
            .map(|c| format!("{:.0}/s", c.keyward.requests_per_second))
            .unwrap_or_default(),
        writes.map(|c| c.keyward.requests_per_second >= 1000.0),
    ));
    let smallest = scale.iter().min_by_key(|p| p.users);
    let largest = scale.iter().max_by_key(|p| p.users);
    for m in [Mix::UserReads, Mix::SessionReads] {
        let p50 = |p: &ScalePoint| p.mixes.iter().find(|(x, _)| *x == m).map(|(_, o)| o.p50_ms);
        let pair = smallest
            .zip(largest)
            .filter(|(s, l)| l.users >= 1_000_000 && s.users <= 1_000)
            .and_then(|(s, l)| Some((p50(s)?, p50(l)?)));
        out.push(check(
            &format!("mix {} p50 at 1M users ≤ 1.5× p50 at 1k", m.number()),
            pair.map(|(s, l)| format!("{:.3} → {:.3} ms ({:.2}×)", s, l, l / s))
                .unwrap_or_else(|| "needs --scale 1000,…,1000000".to_owned()),
            pair.map(|(s, l)| l <= 1.5 * s),
        ));
    }
    let idle = side.map(|s| s.keyward_idle_rss_kib);
    out.push(check(
        "idle RSS ≤ 30 MiB",
        idle.map(|k| format!("{:.1} MiB", mib(k)))
            .unwrap_or_default(),
        idle.map(|k| k <= 30 * 1024),
    ));
    let million = scale.iter().find(|p| p.users >= 1_000_000);
    out.push(check(
        "RSS with 1M users ≤ 300 MiB",
        million
            .map(|p| format!("{:.1} MiB peak", mib(p.peak_rss_kib)))
            .unwrap_or_else(|| "needs --scale …,1000000".to_owned()),
        million.map(|p| p.peak_rss_kib <= 300 * 1024),
    ));
    let hundred_k = scale.iter().find(|p| p.users == 100_000);
    out.push(check(
        "start-up to /healthz ≤ 200 ms with 100k users",
        hundred_k
            .map(|p| format!("{:.1} ms", p.startup_ms))
            .unwrap_or_default(),
        hundred_k.map(|p| p.startup_ms <= 200.0),
    ));
    let keyward_outcomes = side
        .into_iter()
        .flat_map(|s| {
            s.mixes
                .iter()
                .map(|c| &c.keyward)
                .chain(s.paced.iter().map(|(_, p)| &p.outcome))
        })
        .chain(scale.iter().flat_map(|p| p.mixes.iter().map(|(_, o)| o)));
    let (mut runs, mut failures) = (0, 0);
    for o in keyward_outcomes {
        runs += 1;
        failures += o.non_2xx + o.errors;
    }
    out.push(check(
        "zero errors and non-2xx (Keyward, every run)",
        format!("{failures} in {runs} runs"),
        (runs > 0).then_some(failures == 0),
    ));
    out
}

/// Prints the targets with met/missed marks.
pub fn print_targets(targets: &[Target]) {
    println!("\n== targets (issues 7 and 20)");
    for t in targets {
        let mark = match t.met {
            Some(true) => "met   ",
            Some(false) => "MISSED",
            None => "n/a   ",
        };
        println!("  [{mark}] {:<48} {}", t.target, t.measured);
    }
}

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

/// One mix against both systems.
#[derive(Serialize)]
pub struct Comparison {
    /// The mix.
    pub mix: Mix,
    /// Keyward's numbers.
    pub keyward: Outcome,
    /// moto's numbers.
    pub moto: Outcome,
}

impl Comparison {
    /// Keyward's throughput over moto's.
    pub fn ratio(&self) -> f64 {
        self.keyward.requests_per_second / self.moto.requests_per_second.max(1e-9)
    }
}

/// The side-by-side part of the run.
#[derive(Serialize)]
pub struct SideBySide {
    /// Users stored in both systems.
    pub users: usize,
    /// Seconds the API seeding took, Keyward then moto.
    pub seed_seconds: (f64, f64),
    /// Start-up to `/healthz` on an empty data directory, milliseconds.
    pub keyward_startup_ms: f64,
    /// moto's start-up to its first answer, milliseconds.
    pub moto_startup_ms: f64,
    /// Keyward's resident memory right after start-up, KiB.
    pub keyward_idle_rss_kib: u64,
    /// Keyward's peak resident memory over all mixes, KiB.
    pub keyward_peak_rss_kib: u64,
    /// Every mix run.
    pub mixes: Vec<Comparison>,
    /// Mix 1 on Keyward at 80% of its measured maximum, open loop.
    pub mix1_paced: Option<Paced>,
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
    for (m, least, label) in [
        (Mix::CallerIdentity, 100.0, "mix 1 ≥ 100× moto"),
        (Mix::UserReads, 50.0, "mix 2 ≥ 50× moto"),
        (Mix::AssumeRole, 50.0, "mix 3 ≥ 50× moto"),
        (Mix::Writes, 10.0, "mix 4 ≥ 10× moto"),
        (Mix::SessionReads, 50.0, "mix 5 ≥ 50× moto"),
    ] {
        let c = mix(m);
        out.push(check(
            label,
            c.map(|c| format!("{:.1}×", c.ratio())).unwrap_or_default(),
            c.map(|c| c.ratio() >= least),
        ));
    }
    let paced = side.and_then(|s| s.mix1_paced.as_ref());
    out.push(check(
        "mix 1 p99 ≤ 2 ms at 80% of max load",
        paced
            .map(|p| format!("{:.3} ms at {:.0} req/s", p.outcome.p99_ms, p.target_rate))
            .unwrap_or_default(),
        paced.map(|p| p.outcome.p99_ms <= 2.0),
    ));
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
                .chain(s.mix1_paced.iter().map(|p| &p.outcome))
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
    println!("\n== issue 7 targets");
    for t in targets {
        let mark = match t.met {
            Some(true) => "met   ",
            Some(false) => "MISSED",
            None => "n/a   ",
        };
        println!("  [{mark}] {:<48} {}", t.target, t.measured);
    }
}

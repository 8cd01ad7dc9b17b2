//! `keyward-bench`: issue 7's load benchmark. Starts a release `keyward serve` and
//! `moto_server`, seeds both identically through the API, runs the same request mixes against
//! both for a fixed time each, then runs Keyward alone with growing numbers of users seeded
//! through the store. See BENCHMARKS.md for the command and the latest results.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark harness: criterion generates undocumented items, and it fails loudly on purpose on inputs of its own"
)]

mod client;
mod floor;
mod load;
mod procs;
mod report;
mod seed;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use time::format_description::well_known::Rfc3339;

use crate::client::{AwsClient, Creds};
use crate::load::{signing_cost, Mix, Outcome, Pacing, Run};
use crate::procs::{
    start_floor, start_keyward, start_keyward_on, start_moto, status_kib, Server, SharedStore,
};
use crate::report::{
    load_average, mib, outcome_header, outcome_row, print_targets, targets, Comparison, Meta,
    Paced, ReplicaRun, Report, ScalePoint, SideBySide, FLOOR_GOALS,
};
use crate::seed::{add_sessions, new_key_pair, seed_api, seed_store, ApiSeed};

/// Issue 7's load benchmark: Keyward against moto, side by side, plus Keyward scale runs.
#[derive(Parser)]
#[command(name = "keyward-bench")]
struct Args {
    /// Users stored in both systems for the side-by-side mixes.
    #[arg(long, default_value_t = 10_000)]
    users: usize,
    /// IAM users with access keys that sign the mixes' requests (one per connection in turn).
    #[arg(long, default_value_t = 32)]
    callers: usize,
    /// Concurrent keep-alive connections per run.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Length of each timed run, e.g. `10s`, `500ms`.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    duration: Duration,
    /// Mixes to run side by side, in this order (the write mix last keeps the user count of
    /// the read mixes as seeded).
    #[arg(long, value_delimiter = ',', default_value = "1,2,3,5,4")]
    mixes: Vec<u8>,
    /// User counts of the Keyward-only scale runs; add 1000000 for the 1M run (about four
    /// extra minutes of seeding).
    #[arg(long, value_delimiter = ',', default_value = "1000,100000")]
    scale: Vec<usize>,
    /// Skip the scale runs.
    #[arg(long)]
    no_scale: bool,
    /// Skip the side-by-side runs.
    #[arg(long)]
    no_compare: bool,
    /// Run the side-by-side mixes against Keyward and the floor only, without moto (a quick
    /// run that needs no Python).
    #[arg(long)]
    no_moto: bool,
    /// Internal: serve the floor (a fixed `GetCallerIdentity` body) on this port until killed;
    /// the benchmark starts itself this way.
    #[arg(long, hide = true)]
    serve_floor: Option<u16>,
    /// Write the results as JSON to this file as well.
    #[arg(long)]
    json: Option<PathBuf>,
    /// The `keyward` binary [default: target/release/keyward].
    #[arg(long)]
    keyward_bin: Option<PathBuf>,
    /// The `moto_server` script [default: .venv/bin/moto_server].
    #[arg(long)]
    moto_bin: Option<PathBuf>,
    /// A PostgreSQL database for the replica runs (issue 9): mixes 1 and 2 on the embedded
    /// store, on PostgreSQL with one replica, and with two replicas behind a round-robin
    /// client [default: KEYWARD_BENCH_POSTGRES_URL; skipped when unset]. The database must
    /// be empty.
    #[arg(long, env = "KEYWARD_BENCH_POSTGRES_URL")]
    postgres: Option<String>,
    /// Users stored for the replica runs.
    #[arg(long, default_value_t = 2_000)]
    replica_users: usize,
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let (number, unit) = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map(|i| text.split_at(i))
        .unwrap_or((text, "s"));
    let value: f64 = number
        .parse()
        .map_err(|_| format!("'{text}' is not a duration like 10s or 500ms"))?;
    let seconds = match unit {
        "s" => value,
        "ms" => value / 1000.0,
        "m" => value * 60.0,
        _ => return Err(format!("unknown unit '{unit}' (use ms, s or m)")),
    };
    Ok(Duration::from_secs_f64(seconds))
}

/// The workspace root, found from this crate's location at build time.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn require(path: PathBuf, hint: &str) -> Result<PathBuf, String> {
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!("{} not found; {hint}", path.display()))
    }
}

fn meta(args: &Args, client_signing_micros: f64) -> Meta {
    let cpu_model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_default();
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(workspace_root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    Meta {
        date: time::OffsetDateTime::now_utc()
            .format(&Rfc3339)
            .unwrap_or_default(),
        commit,
        command: std::env::args().collect::<Vec<_>>().join(" "),
        cpus: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model,
        duration_seconds: args.duration.as_secs_f64(),
        connections: args.connections,
        client_signing_micros,
        load_average_start: load_average(),
        load_average_end: String::new(),
    }
}

/// Resident memory after start-up has settled.
async fn idle_rss(server: &Server) -> u64 {
    tokio::time::sleep(Duration::from_millis(500)).await;
    status_kib(server.pid(), "VmRSS").unwrap_or(0)
}

fn mixes(args: &Args) -> Result<Vec<Mix>, String> {
    args.mixes
        .iter()
        .map(|&n| Mix::from_number(n).ok_or_else(|| format!("there is no mix {n} (1–5)")))
        .collect()
}

fn run_for<'a>(args: &Args, server: &'a Server, fixture: &'a Arc<load::Fixture>) -> Run<'a> {
    Run {
        clients: std::slice::from_ref(&server.client),
        fixture,
        connections: args.connections,
        duration: args.duration,
        server_pid: server.pid(),
    }
}

async fn side_by_side(
    args: &Args,
    keyward_bin: &Path,
    moto_bin: Option<&Path>,
) -> Result<SideBySide, String> {
    let mixes = mixes(args)?;
    let temp = tempfile::Builder::new()
        .prefix("keyward-bench-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let root = new_key_pair();
    let keyward = start_keyward(
        keyward_bin,
        &temp.path().join("keyward-data"),
        &root,
        args.connections,
    )
    .await?;
    let keyward_idle_rss_kib = idle_rss(&keyward).await;
    let floor = start_floor(temp.path(), args.connections).await?;
    let moto = match moto_bin {
        Some(bin) => Some(start_moto(bin, temp.path(), args.connections).await?),
        None => None,
    };
    println!(
        "started: keyward in {:.1} ms (idle RSS {:.1} MiB), floor in {:.1} ms, moto {}; logs in {}",
        keyward.startup.as_secs_f64() * 1e3,
        mib(keyward_idle_rss_kib),
        floor.startup.as_secs_f64() * 1e3,
        moto.as_ref().map_or_else(
            || "not run (--no-moto)".to_owned(),
            |m| format!("in {:.0} ms", m.startup.as_secs_f64() * 1e3)
        ),
        temp.path().display()
    );

    let callers = args.callers.clamp(1, args.users.max(1));
    let mut fixtures = Vec::new();
    let mut seed_seconds = Vec::new();
    for (name, server) in
        std::iter::once(("keyward", &keyward)).chain(moto.as_ref().map(|m| ("moto", m)))
    {
        let started = Instant::now();
        let fixture = seed_api(
            &server.client,
            ApiSeed {
                admin: &root,
                create_users: args.users,
                users: args.users,
                callers,
                caller_keys: None,
                connections: args.connections,
                write_prefix: "bench-write".to_owned(),
            },
        )
        .await
        .map_err(|e| format!("seeding {name}: {e}"))?;
        seed_seconds.push(started.elapsed().as_secs_f64());
        println!(
            "seeded {name}: {} users, {callers} callers, policy, role in {:.1} s",
            args.users,
            started.elapsed().as_secs_f64()
        );
        fixtures.push(fixture);
    }
    let mut fixtures = fixtures.into_iter();
    let mut keyward_fixture = fixtures.next().ok_or("no fixture")?;
    add_sessions(&keyward.client, &mut keyward_fixture, args.connections)
        .await
        .map_err(|e| format!("keyward sessions: {e}"))?;
    let moto_fixture = match &moto {
        Some(moto) => {
            // moto checks signatures and policies only once told to; until now it took
            // anything, so the seeding above did not depend on it.
            let status = moto.client.post_plain("/moto-api/reset-auth", "0").await?;
            if status != 200 {
                return Err(format!(
                    "moto refused to enable authentication: HTTP {status}"
                ));
            }
            let mut fixture = fixtures.next().ok_or("no fixture")?;
            add_sessions(&moto.client, &mut fixture, args.connections)
                .await
                .map_err(|e| format!("moto sessions: {e}"))?;
            Some(Arc::new(fixture))
        }
        None => None,
    };
    let keyward_fixture = Arc::new(keyward_fixture);

    println!(
        "\n== side by side: {} users, {} connections, {:?} per run\n{}",
        args.users,
        args.connections,
        args.duration,
        outcome_header()
    );
    let mut comparisons = Vec::new();
    let mut paced_runs = Vec::new();
    for mix in mixes {
        let k = run_for(args, &keyward, &keyward_fixture)
            .measure(mix, Pacing::Closed)
            .await;
        println!("{}", outcome_row(&format!("{} keyward", mix.number()), &k));
        if matches!(mix, Mix::CallerIdentity | Mix::UserReads) {
            let rate = 0.8 * k.requests_per_second;
            let paced = run_for(args, &keyward, &keyward_fixture)
                .measure(mix, Pacing::Open(rate))
                .await;
            println!(
                "{}",
                outcome_row(
                    &format!("{} keyward @{rate:.0}/s (80%)", mix.number()),
                    &paced
                )
            );
            paced_runs.push((
                mix,
                Paced {
                    target_rate: rate,
                    outcome: paced,
                },
            ));
        }
        // The floor answers every request with the same body, so the keyward fixture's
        // requests (same sizes, same signing work) serve for it.
        let f = run_for(args, &floor, &keyward_fixture)
            .measure(mix, Pacing::Closed)
            .await;
        println!("{}", outcome_row(&format!("{} floor", mix.number()), &f));
        let m = match (&moto, &moto_fixture) {
            (Some(moto), Some(fixture)) => {
                let m = run_for(args, moto, fixture)
                    .measure(mix, Pacing::Closed)
                    .await;
                println!("{}", outcome_row(&format!("{} moto", mix.number()), &m));
                Some(m)
            }
            _ => None,
        };
        for (who, o) in [
            ("keyward", Some(&k)),
            ("floor", Some(&f)),
            ("moto", m.as_ref()),
        ] {
            if let Some(failure) = o.and_then(|o| o.first_failure.as_ref()) {
                println!("    first {who} failure: {failure}");
            }
        }
        comparisons.push(Comparison {
            mix,
            keyward: k,
            floor: f,
            moto: m,
        });
    }
    Ok(SideBySide {
        users: args.users,
        seed_seconds: (
            seed_seconds.first().copied().unwrap_or_default(),
            seed_seconds.get(1).copied(),
        ),
        keyward_startup_ms: keyward.startup.as_secs_f64() * 1e3,
        moto_startup_ms: moto.as_ref().map(|m| m.startup.as_secs_f64() * 1e3),
        keyward_idle_rss_kib,
        keyward_peak_rss_kib: status_kib(keyward.pid(), "VmHWM").unwrap_or(0),
        mixes: comparisons,
        paced: paced_runs,
    })
}

/// Where to seed a scale run's store: tmpfs when there is one, since every store write is a
/// synced transaction and a million of them on disk would dominate the run; the seeded
/// directory is then copied to the disk the server runs from.
fn seed_parent() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// Copies the seeded files and syncs them, so the server's start-up is not measured while the
/// kernel is still writing hundreds of megabytes of copy back to disk.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| e.to_string();
    std::fs::create_dir_all(to).map_err(fail)?;
    for entry in std::fs::read_dir(from).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let target = to.join(entry.file_name());
        std::fs::copy(entry.path(), &target).map_err(fail)?;
        std::fs::File::open(&target)
            .and_then(|f| f.sync_all())
            .map_err(fail)?;
    }
    std::fs::File::open(to)
        .and_then(|d| d.sync_all())
        .map_err(fail)
}

async fn scale_point(args: &Args, keyward_bin: &Path, users: usize) -> Result<ScalePoint, String> {
    let root = new_key_pair();
    let callers = args.callers.clamp(1, users.max(1));
    let started = Instant::now();
    let seeded = tempfile::Builder::new()
        .prefix("keyward-bench-seed-")
        .tempdir_in(seed_parent())
        .map_err(|e| e.to_string())?;
    let caller_keys = seed_store(seeded.path(), &root, users, callers).await?;
    let temp = tempfile::Builder::new()
        .prefix("keyward-bench-scale-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let data_dir = temp.path().join("keyward-data");
    copy_dir(seeded.path(), &data_dir)?;
    drop(seeded);
    let seed_seconds = started.elapsed().as_secs_f64();

    let server = start_keyward(keyward_bin, &data_dir, &root, args.connections).await?;
    let idle_rss_kib = idle_rss(&server).await;
    let mut fixture = seed_api(
        &server.client,
        ApiSeed {
            admin: &root,
            create_users: 0,
            users,
            callers,
            caller_keys: Some(caller_keys),
            connections: args.connections,
            write_prefix: "bench-write".to_owned(),
        },
    )
    .await?;
    add_sessions(&server.client, &mut fixture, args.connections).await?;
    let fixture = Arc::new(fixture);
    let mut mixes = Vec::new();
    for mix in [Mix::CallerIdentity, Mix::UserReads, Mix::SessionReads] {
        let outcome = run_for(args, &server, &fixture)
            .measure(mix, Pacing::Closed)
            .await;
        println!(
            "{}",
            outcome_row(&format!("{users} users, mix {}", mix.number()), &outcome)
        );
        if let Some(failure) = &outcome.first_failure {
            println!("    first failure: {failure}");
        }
        mixes.push((mix, outcome));
    }
    let point = ScalePoint {
        users,
        seed_seconds,
        startup_ms: server.startup.as_secs_f64() * 1e3,
        idle_rss_kib,
        peak_rss_kib: status_kib(server.pid(), "VmHWM").unwrap_or(0),
        mixes,
    };
    println!(
        "    seeded in {:.1} s; start-up to /healthz {:.1} ms; RSS idle {:.1} MiB, peak {:.1} MiB",
        point.seed_seconds,
        point.startup_ms,
        mib(point.idle_rss_kib),
        mib(point.peak_rss_kib)
    );
    Ok(point)
}

/// One closed-loop run of `mix` spread over `clients`.
async fn measure_on(
    args: &Args,
    clients: &[AwsClient],
    pid: u32,
    fixture: &Arc<load::Fixture>,
    mix: Mix,
) -> Outcome {
    Run {
        clients,
        fixture,
        connections: args.connections,
        duration: args.duration,
        server_pid: pid,
    }
    .measure(mix, Pacing::Closed)
    .await
}

/// Mixes 1 and 2 on the embedded store, then on PostgreSQL with one and with two replicas,
/// each seeded identically through the API.
async fn replica_runs(
    args: &Args,
    keyward_bin: &Path,
    postgres: &str,
) -> Result<Vec<ReplicaRun>, String> {
    let temp = tempfile::Builder::new()
        .prefix("keyward-bench-replicas-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let root = new_key_pair();
    let master_key = {
        use base64::Engine as _;
        let raw: [u8; 32] = rand::random();
        base64::engine::general_purpose::STANDARD.encode(raw)
    };
    let callers = args.callers.clamp(1, args.replica_users.max(1));
    let seed = |server: &Server| {
        let client = server.client.clone();
        let root = root.clone();
        let users = args.replica_users;
        let connections = args.connections;
        async move {
            let mut fixture = seed_api(
                &client,
                ApiSeed {
                    admin: &root,
                    create_users: users,
                    users,
                    callers,
                    caller_keys: None,
                    connections,
                    write_prefix: "bench-write".to_owned(),
                },
            )
            .await?;
            add_sessions(&client, &mut fixture, connections).await?;
            Ok::<_, String>(Arc::new(fixture))
        }
    };
    let mut runs = Vec::new();
    println!(
        "\n== replicas: {} users, {} connections, {:?} per run\n{}",
        args.replica_users,
        args.connections,
        args.duration,
        outcome_header()
    );

    let embedded = start_keyward(
        keyward_bin,
        &temp.path().join("embedded"),
        &root,
        args.connections,
    )
    .await?;
    let fixture = seed(&embedded).await?;
    for mix in [Mix::CallerIdentity, Mix::UserReads] {
        let o = measure_on(
            args,
            std::slice::from_ref(&embedded.client),
            embedded.pid(),
            &fixture,
            mix,
        )
        .await;
        println!("{}", outcome_row(&format!("{} embedded", mix.number()), &o));
        runs.push(ReplicaRun {
            store: "embedded (SQLite)".into(),
            replicas: 1,
            mix,
            outcome: o,
        });
    }
    drop(embedded);

    let shared = || SharedStore {
        url: postgres,
        master_key: &master_key,
    };
    let a = start_keyward_on(
        keyward_bin,
        &temp.path().join("replica-a"),
        &root,
        args.connections,
        Some(shared()),
    )
    .await?;
    let fixture = seed(&a).await?;
    for mix in [Mix::CallerIdentity, Mix::UserReads] {
        let o = measure_on(
            args,
            std::slice::from_ref(&a.client),
            a.pid(),
            &fixture,
            mix,
        )
        .await;
        println!(
            "{}",
            outcome_row(&format!("{} postgres ×1", mix.number()), &o)
        );
        runs.push(ReplicaRun {
            store: "PostgreSQL".into(),
            replicas: 1,
            mix,
            outcome: o,
        });
    }
    let b = start_keyward_on(
        keyward_bin,
        &temp.path().join("replica-b"),
        &root,
        args.connections,
        Some(shared()),
    )
    .await?;
    let both = [a.client.clone(), b.client.clone()];
    for mix in [Mix::CallerIdentity, Mix::UserReads] {
        let o = measure_on(args, &both, a.pid(), &fixture, mix).await;
        println!(
            "{}",
            outcome_row(&format!("{} postgres ×2", mix.number()), &o)
        );
        runs.push(ReplicaRun {
            store: "PostgreSQL".into(),
            replicas: 2,
            mix,
            outcome: o,
        });
    }
    Ok(runs)
}

fn print_summary(side: Option<&SideBySide>, scale: &[ScalePoint], connections: usize) {
    if let Some(side) = side {
        println!(
            "\n== keyward / floor ({} users, {} connections)\n{:<4} {:<50} {:>11} {:>11} {:>14} {:>6} {:>11} {:>8}",
            side.users,
            connections,
            "mix",
            "request",
            "keyward/s",
            "floor/s",
            "keyward/floor",
            "goal",
            "moto/s",
            "k/moto"
        );
        let goal = |m: Mix| {
            FLOOR_GOALS
                .iter()
                .find(|(g, _, _)| *g == m)
                .map_or_else(|| "—".to_owned(), |(_, least, _)| format!("≥{least}"))
        };
        let label = |m: Mix| {
            FLOOR_GOALS
                .iter()
                .find(|(g, _, _)| *g == m)
                .map_or(m.label(), |(_, _, label)| label)
        };
        for c in &side.mixes {
            println!(
                "{:<4} {:<50} {:>11.0} {:>11.0} {:>14.3} {:>6} {:>11} {:>8}",
                c.mix.number(),
                label(c.mix),
                c.keyward.requests_per_second,
                c.floor.requests_per_second,
                c.floor_ratio(),
                goal(c.mix),
                c.moto.as_ref().map_or_else(
                    || "—".to_owned(),
                    |m| format!("{:.0}", m.requests_per_second)
                ),
                c.ratio()
                    .map_or_else(|| "—".to_owned(), |r| format!("{r:.1}×"))
            );
        }
        println!(
            "keyward: start-up {:.1} ms, idle RSS {:.1} MiB, peak RSS {:.1} MiB",
            side.keyward_startup_ms,
            mib(side.keyward_idle_rss_kib),
            mib(side.keyward_peak_rss_kib)
        );
    }
    if !scale.is_empty() {
        println!(
            "\n== keyward scale\n{:>9} {:>8} {:>10} {:>9} {:>9} {:>11} {:>11} {:>11}",
            "users",
            "seed s",
            "start ms",
            "idle MiB",
            "peak MiB",
            "mix1 p50",
            "mix2 p50",
            "mix5 p50"
        );
        for p in scale {
            let p50 = |m: Mix| {
                p.mixes
                    .iter()
                    .find(|(x, _)| *x == m)
                    .map_or(f64::NAN, |(_, o): &(Mix, Outcome)| o.p50_ms)
            };
            println!(
                "{:>9} {:>8.1} {:>10.1} {:>9.1} {:>9.1} {:>8.3} ms {:>8.3} ms {:>8.3} ms",
                p.users,
                p.seed_seconds,
                p.startup_ms,
                mib(p.idle_rss_kib),
                mib(p.peak_rss_kib),
                p50(Mix::CallerIdentity),
                p50(Mix::UserReads),
                p50(Mix::SessionReads)
            );
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let root = workspace_root();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let keyward_bin = require(
        args.keyward_bin
            .clone()
            .unwrap_or_else(|| target_dir.join("release/keyward")),
        "build it with `cargo build --release --bin keyward` (or use bench/run)",
    )?;
    let moto_bin = if args.no_compare || args.no_moto {
        None
    } else {
        Some(require(
            args.moto_bin
                .clone()
                .unwrap_or_else(|| root.join(".venv/bin/moto_server")),
            "create the test virtualenv with `bench/run` or `scripts/test` \
             (python3 -m venv .venv && .venv/bin/pip install -r tests/requirements.txt), \
             or pass --no-moto",
        )?)
    };

    let probe = AwsClient::new(1, 1);
    let signing = signing_cost(&probe, &Creds::long_term("AKIAEXAMPLE", "secret"));
    let mut meta = meta(&args, signing);
    println!(
        "keyward-bench {} · commit {} · {} × {} · load average {} · client signs a request in \
         {:.2} µs",
        meta.date, meta.commit, meta.cpus, meta.cpu_model, meta.load_average_start, signing
    );

    let side = if args.no_compare {
        None
    } else {
        Some(side_by_side(&args, &keyward_bin, moto_bin.as_deref()).await?)
    };
    let replicas = match &args.postgres {
        Some(url) => replica_runs(&args, &keyward_bin, url).await?,
        None => {
            println!("\n== replicas: skipped (no --postgres / KEYWARD_BENCH_POSTGRES_URL)");
            Vec::new()
        }
    };
    let mut scale = Vec::new();
    if !args.no_scale {
        println!(
            "\n== keyward scale runs (users seeded through the store)\n{}",
            outcome_header()
        );
        for &users in &args.scale {
            scale.push(scale_point(&args, &keyward_bin, users).await?);
        }
    }
    meta.load_average_end = load_average();
    print_summary(side.as_ref(), &scale, args.connections);
    println!("load average at the end: {}", meta.load_average_end);
    let targets = targets(side.as_ref(), &scale);
    print_targets(&targets);
    if let Some(path) = &args.json {
        let report = Report {
            meta,
            side_by_side: side,
            replicas,
            scale,
            targets,
        };
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
        println!("\nresults written to {}", path.display());
    }
    Ok(())
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let result = match args.serve_floor {
        Some(port) => floor::serve(port).await,
        None => run(args).await,
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("keyward-bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

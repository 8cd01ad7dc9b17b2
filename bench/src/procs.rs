//! The two servers under test as child processes, and what `/proc` says about them.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::client::{AwsClient, Creds};

/// How long a server may take to answer its first request before the run is abandoned.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A running server, killed when dropped so that an aborted run leaves nothing behind.
pub struct Server {
    child: Child,
    /// Client for the server's port.
    pub client: AwsClient,
    /// Time from spawn to the first successful health check.
    pub startup: Duration,
}

impl Server {
    /// Process id, for `/proc` readings.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port that was free a moment ago; the OS picks it, so concurrent runs do not collide.
fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// One log file for both stdout and stderr, sharing one file offset so neither overwrites the
/// other.
fn log_files(path: &Path) -> Result<(Stdio, Stdio), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let file = std::fs::File::create(path).map_err(fail)?;
    let copy = file.try_clone().map_err(fail)?;
    Ok((Stdio::from(file), Stdio::from(copy)))
}

/// Spawns `command` with its output in `log` and polls `health` until its status is
/// `healthy`.
async fn start(
    mut command: Command,
    port: u16,
    connections: usize,
    log: &Path,
    health: &str,
    healthy: fn(u16) -> bool,
) -> Result<Server, String> {
    let (stdout, stderr) = log_files(log)?;
    command.stdin(Stdio::null()).stdout(stdout).stderr(stderr);
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("{:?}: {e}", command.get_program()))?;
    let mut server = Server {
        child,
        client: AwsClient::new(port, connections),
        startup: Duration::ZERO,
    };
    loop {
        if let Ok(status) = server.client.get(health).await {
            if healthy(status) {
                server.startup = started.elapsed();
                return Ok(server);
            }
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!(
                "{:?} exited with {status} before answering; see {}",
                command.get_program(),
                log.display()
            ));
        }
        if started.elapsed() > START_TIMEOUT {
            return Err(format!(
                "{:?} did not answer within {START_TIMEOUT:?}; see {}",
                command.get_program(),
                log.display()
            ));
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// Starts `keyward serve` on `data_dir`, installing `root` as the root key on first start, and
/// waits for `/healthz`.
pub async fn start_keyward(
    bin: &Path,
    data_dir: &Path,
    root: &Creds,
    connections: usize,
) -> Result<Server, String> {
    start_keyward_on(bin, data_dir, root, connections, None).await
}

/// A store shared by replicas: its URL and the master key every replica must hold.
pub struct SharedStore<'a> {
    /// `postgres://…`.
    pub url: &'a str,
    /// Base64 master key (`KEYWARD_MASTER_KEY`).
    pub master_key: &'a str,
}

/// Starts `keyward serve` with its data dir (audit log) in `data_dir` and, if given, its store
/// in `shared`; waits for `/healthz`.
pub async fn start_keyward_on(
    bin: &Path,
    data_dir: &Path,
    root: &Creds,
    connections: usize,
    shared: Option<SharedStore<'_>>,
) -> Result<Server, String> {
    let port = free_port()?;
    let mut command = Command::new(bin);
    command
        .arg("serve")
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data-dir")
        .arg(data_dir)
        .env("KEYWARD_ROOT_ACCESS_KEY_ID", &root.access_key_id)
        .env("KEYWARD_ROOT_SECRET_ACCESS_KEY", &root.secret)
        .env_remove("KEYWARD_MASTER_KEY")
        .env_remove("KEYWARD_STORE");
    if let Some(shared) = shared {
        command
            .arg("--store")
            .arg(shared.url)
            .env("KEYWARD_MASTER_KEY", shared.master_key);
    }
    let log = log_path(data_dir, "keyward.log");
    start(command, port, connections, &log, "/healthz", |s| s == 200).await
}

/// Starts `moto_server` and waits until it answers HTTP at all.
pub async fn start_moto(bin: &Path, log_dir: &Path, connections: usize) -> Result<Server, String> {
    let port = free_port()?;
    let mut command = Command::new(bin);
    command
        .arg("-H")
        .arg("127.0.0.1")
        .arg("-p")
        .arg(port.to_string());
    let log = log_dir.join("moto.log");
    start(
        command,
        port,
        connections,
        &log,
        "/moto-api/data.json",
        |s| s < 500,
    )
    .await
}

/// Starts the floor (this benchmark binary again, with `--serve-floor PORT`) and waits until
/// it answers.
pub async fn start_floor(log_dir: &Path, connections: usize) -> Result<Server, String> {
    let port = free_port()?;
    let exe = std::env::current_exe().map_err(|e| format!("finding the benchmark binary: {e}"))?;
    let mut command = Command::new(exe);
    command.arg("--serve-floor").arg(port.to_string());
    let log = log_dir.join("floor.log");
    start(command, port, connections, &log, "/healthz", |s| s == 200).await
}

/// Server logs go next to, not inside, the data directory, so that copying or inspecting it
/// stays clean.
fn log_path(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.parent().unwrap_or(data_dir).join(name)
}

/// A `VmRSS`/`VmHWM`-style line of `/proc/PID/status`, in KiB.
pub fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
}

/// User + system CPU time a process (all its threads) has used, from `/proc/PID/stat`.
pub fn cpu_time(pid: &str) -> Duration {
    // Linux reports these in clock ticks, which are 1/100 s on every mainstream configuration.
    const TICKS_PER_SECOND: u64 = 100;
    let ticks = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split_whitespace().collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some(user + system)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 1000 / TICKS_PER_SECOND)
}

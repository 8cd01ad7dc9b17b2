"""Shared fixtures and helpers for the Keyward conformance suite.

The suite drives the REAL `aws` CLI (v1) and boto3/botocore against a
spawned `keyward serve`.  Nothing here talks to AWS: every client gets an
explicit endpoint URL, and the CLI runs with a throw-away HOME and config
files so the developer's own ~/.aws is never read.

Environment:
  KEYWARD_BIN   path to the keyward binary (default: target/debug/keyward)
  KEYWARD_URL   use an already-running server instead of spawning one
                (session-scoped tests only; see README.md).  Needs
                KEYWARD_TEST_ROOT_ACCESS_KEY_ID / KEYWARD_TEST_ROOT_SECRET_ACCESS_KEY
                (or KEYWARD_TEST_DATA_DIR pointing at its data dir).
"""

from __future__ import annotations

import configparser
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlencode

import boto3
import botocore.auth
import pytest
import requests
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

REPO_ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_ID = "123456789012"
IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
IAM_VERSION = "2010-05-08"
STS_VERSION = "2011-06-15"
HEALTH_TIMEOUT = 20.0

# ---------------------------------------------------------------------------
# AWS message texts used by more than one module.  Each carries its source.
# ---------------------------------------------------------------------------
# anchors-policy-sigv4.md §1.9 (real STS/IAM captures); also the seed guide's
# "Troubleshooting" section quotes it verbatim.
MSG_INVALID_TOKEN = "The security token included in the request is invalid."
# anchors-policy-sigv4.md §1.9; real STS capture in boto/boto3#756 (first line
# of the message; older STS appended the canonical string after a blank line).
MSG_SIG_MISMATCH = (
    "The request signature we calculated does not match the signature you "
    "provided. Check your AWS Secret Access Key and signing method. Consult "
    "the service documentation for details."
)


def rand_suffix(n: int = 8) -> str:
    return uuid.uuid4().hex[:n]


def gen_access_key_id() -> str:
    return "AKIA" + "".join(random.choice(string.ascii_uppercase + "234567") for _ in range(16))


def gen_secret() -> str:
    alphabet = string.ascii_letters + string.digits + "+/"
    return "".join(random.choice(alphabet) for _ in range(40))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def keyward_bin() -> str:
    b = os.environ.get("KEYWARD_BIN", "target/debug/keyward")
    p = Path(b)
    if not p.is_absolute():
        p = REPO_ROOT / p
    return str(p)


def aws_cli_path() -> str:
    """The venv's `aws` (v1) script: next to the running python, else PATH."""
    cand = Path(sys.executable).parent / "aws"
    if cand.exists():
        return str(cand)
    found = shutil.which("aws")
    if not found:
        raise RuntimeError("the `aws` CLI (v1) is not installed; run scripts/test")
    return found


# ---------------------------------------------------------------------------
# Server process management
# ---------------------------------------------------------------------------
class KeywardServer:
    """One `keyward serve` process on a free port with its own data dir."""

    def __init__(
        self,
        workdir: Path,
        *,
        root_creds: tuple[str, str] | None = "generate",  # type: ignore[assignment]
        log_format: str | None = None,
        extra_env: dict[str, str] | None = None,
        account_id: str = ACCOUNT_ID,
    ) -> None:
        self.workdir = Path(workdir)
        self.data_dir = self.workdir / "data"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.account_id = account_id
        self.log_format = log_format
        self.extra_env = dict(extra_env or {})
        if root_creds == "generate":
            root_creds = (gen_access_key_id(), gen_secret())
        # None => let the server generate root creds (root-credentials file).
        self._env_root = root_creds
        self.root_access_key_id: str | None = root_creds[0] if root_creds else None
        self.root_secret: str | None = root_creds[1] if root_creds else None
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.starts = 0
        self.external = False

    # -- lifecycle ---------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def stdout_path(self) -> Path:
        return self.workdir / f"stdout.{self.starts}.log"

    @property
    def stderr_path(self) -> Path:
        return self.workdir / f"stderr.{self.starts}.log"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KEYWARD_", "AWS_"))}
        if self._env_root:
            env["KEYWARD_ROOT_ACCESS_KEY_ID"] = self._env_root[0]
            env["KEYWARD_ROOT_SECRET_ACCESS_KEY"] = self._env_root[1]
        env.setdefault("RUST_BACKTRACE", "1")
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = HEALTH_TIMEOUT) -> "KeywardServer":
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.starts += 1
        self.port = free_port()
        cmd = [
            keyward_bin(),
            "serve",
            "--listen",
            f"127.0.0.1:{self.port}",
            "--data-dir",
            str(self.data_dir),
            "--account-id",
            self.account_id,
        ]
        if self.log_format:
            cmd += ["--log-format", self.log_format]
        if not Path(cmd[0]).exists():
            pytest.fail(f"keyward binary not found at {cmd[0]} (set KEYWARD_BIN)")
        self._out = open(self.stdout_path, "wb")
        self._err = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            cmd, stdout=self._out, stderr=self._err, env=self._env(), cwd=str(self.workdir)
        )
        deadline = time.monotonic() + timeout
        last_exc: Exception | None = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(
                    f"keyward exited with {self.proc.returncode} before becoming healthy\n"
                    f"cmd: {' '.join(cmd)}\n--- stderr ---\n{self.stderr()}\n--- stdout ---\n{self.stdout()}"
                )
            try:
                r = requests.get(self.url + "/healthz", timeout=1)
                if r.status_code == 200:
                    break
            except requests.RequestException as e:  # not listening yet
                last_exc = e
            time.sleep(0.05)
        else:
            self.kill()
            pytest.fail(
                f"keyward did not answer GET /healthz with 200 within {timeout}s "
                f"(last error: {last_exc})\n--- stderr ---\n{self.stderr()}\n--- stdout ---\n{self.stdout()}"
            )
        if self.root_access_key_id is None:
            self.load_root_credentials_file()
        return self

    def load_root_credentials_file(self) -> None:
        cp = configparser.ConfigParser()
        cp.read(self.data_dir / "root-credentials")
        self.root_access_key_id = cp["default"]["aws_access_key_id"]
        self.root_secret = cp["default"]["aws_secret_access_key"]

    def _close_logs(self) -> None:
        for f in (getattr(self, "_out", None), getattr(self, "_err", None)):
            if f and not f.closed:
                f.close()

    def terminate(self, timeout: float = 15.0) -> int:
        """SIGTERM and wait; returns the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self._close_logs()
            pytest.fail(f"keyward did not exit within {timeout}s of SIGTERM\n{self.stderr()}")
        self._close_logs()
        return rc

    def kill(self) -> None:
        """SIGKILL (kill -9) and reap."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self._close_logs()

    def restart(self) -> "KeywardServer":
        rc = self.terminate()
        assert rc == 0, f"keyward exited {rc} on SIGTERM\n{self.stderr()}"
        return self.start()

    def stdout(self) -> str:
        return "\n".join(
            p.read_text(errors="replace") for p in sorted(self.workdir.glob("stdout.*.log"))
        )

    def stderr(self) -> str:
        return "\n".join(
            p.read_text(errors="replace") for p in sorted(self.workdir.glob("stderr.*.log"))
        )

    # -- clients -----------------------------------------------------------
    @property
    def root(self) -> tuple[str, str]:
        assert self.root_access_key_id and self.root_secret
        return self.root_access_key_id, self.root_secret

    def client(self, service: str, creds: tuple[str, str] | None = None, region: str = "us-east-1",
               session_token: str | None = None):
        ak, sk = creds or self.root
        return boto3.session.Session().client(
            service,
            endpoint_url=self.url,
            region_name=region,
            aws_access_key_id=ak,
            aws_secret_access_key=sk,
            aws_session_token=session_token,
            config=Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30),
        )

    def iam(self, creds: tuple[str, str] | None = None, region: str = "us-east-1"):
        return self.client("iam", creds, region)

    def sts(self, creds: tuple[str, str] | None = None, region: str = "us-east-1"):
        return self.client("sts", creds, region)

    def audit_records(self) -> list[dict[str, Any]]:
        path = self.data_dir / "audit.log"
        if not path.exists():
            return []
        out = []
        for line in path.read_text(errors="replace").splitlines():
            if line.strip():
                out.append(json.loads(line))
        return out


def _spawn(tmp: Path, **kw) -> KeywardServer:
    return KeywardServer(tmp, **kw).start()


class _ExternalServer(KeywardServer):
    """A server the developer started by hand (KEYWARD_URL)."""

    def __init__(self, url: str) -> None:
        dd = os.environ.get("KEYWARD_TEST_DATA_DIR")
        super().__init__(Path(tempfile.mkdtemp(prefix="kw-ext-")), root_creds=None)
        if dd:
            self.data_dir = Path(dd)
        self.external = True
        m = re.match(r"^https?://[^:/]+:(\d+)/?$", url)
        assert m, f"KEYWARD_URL must look like http://127.0.0.1:PORT, got {url}"
        self.port = int(m.group(1))
        ak = os.environ.get("KEYWARD_TEST_ROOT_ACCESS_KEY_ID")
        sk = os.environ.get("KEYWARD_TEST_ROOT_SECRET_ACCESS_KEY")
        if ak and sk:
            self.root_access_key_id, self.root_secret = ak, sk
        else:
            self.load_root_credentials_file()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> KeywardServer:
    """Session-wide server (fast path).  Tests must use unique names."""
    if os.environ.get("KEYWARD_URL"):
        yield _ExternalServer(os.environ["KEYWARD_URL"])
        return
    srv = KeywardServer(tmp_path_factory.mktemp("kw-session"))
    srv.start()
    try:
        yield srv
    finally:
        if srv.proc and srv.proc.poll() is None:
            rc = srv.terminate()
            if rc != 0:
                print(f"session keyward exited {rc} on SIGTERM", file=sys.stderr)
        srv.kill()


@pytest.fixture
def fresh_server_factory(tmp_path):
    """Factory for isolated servers (restart / kill -9 / first-run tests)."""
    if os.environ.get("KEYWARD_URL"):
        pytest.skip("needs to spawn its own keyward (unset KEYWARD_URL)")
    made: list[KeywardServer] = []

    def make(start: bool = True, **kw) -> KeywardServer:
        srv = KeywardServer(tmp_path / f"srv{len(made)}", **kw)
        made.append(srv)
        return srv.start() if start else srv

    yield make
    for srv in made:
        srv.kill()


@pytest.fixture
def fresh_server(fresh_server_factory) -> KeywardServer:
    return fresh_server_factory()


# ---------------------------------------------------------------------------
# Users / keys
# ---------------------------------------------------------------------------
class UserWithKey:
    def __init__(self, name: str, user: dict, key: dict) -> None:
        self.name = name
        self.user = user
        self.key = key

    @property
    def creds(self) -> tuple[str, str]:
        return self.key["AccessKeyId"], self.key["SecretAccessKey"]

    @property
    def arn(self) -> str:
        return self.user["Arn"]


def make_user(srv: KeywardServer, prefix: str = "u", with_key: bool = True, path: str | None = None) -> UserWithKey:
    iam = srv.iam()
    name = f"{prefix}-{rand_suffix()}"
    kw = {"UserName": name}
    if path:
        kw["Path"] = path
    user = iam.create_user(**kw)["User"]
    key = iam.create_access_key(UserName=name)["AccessKey"] if with_key else {}
    return UserWithKey(name, user, key)


@pytest.fixture
def user_with_key(server) -> UserWithKey:
    return make_user(server)


def client_error(excinfo_or_exc) -> tuple[str, str, int]:
    """(code, message, http_status) from a botocore ClientError."""
    e = getattr(excinfo_or_exc, "value", excinfo_or_exc)
    assert isinstance(e, ClientError), f"expected ClientError, got {e!r}"
    err = e.response["Error"]
    return err.get("Code"), err.get("Message"), e.response["ResponseMetadata"]["HTTPStatusCode"]


def wait_for(pred, timeout: float = 5.0, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last={last!r})")


# ---------------------------------------------------------------------------
# The aws CLI
# ---------------------------------------------------------------------------
CLI_ERROR_RE = re.compile(
    r"An error occurred \((?P<code>[^)]+)\) when calling the (?P<op>\w+) operation(?: \([^)]*\))?: (?P<msg>.*)",
    re.S,
)


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess) -> None:
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    @property
    def json(self) -> Any:
        return json.loads(self.stdout) if self.stdout.strip() else None

    @property
    def error(self) -> tuple[str, str]:
        m = CLI_ERROR_RE.search(self.stderr)
        assert m, f"no AWS error in CLI stderr (rc={self.rc}):\n{self.stderr}\nstdout:\n{self.stdout}"
        return m.group("code"), m.group("msg").strip()

    def ok(self) -> "CliResult":
        assert self.rc == 0, f"aws CLI failed rc={self.rc}\nstderr:\n{self.stderr}\nstdout:\n{self.stdout}"
        return self


class AwsCli:
    """Runs the real `aws` CLI with an isolated HOME/config."""

    def __init__(self, srv: KeywardServer, home: Path) -> None:
        self.srv = srv
        self.home = home
        (home / ".aws").mkdir(parents=True, exist_ok=True)
        self.config_file = home / ".aws" / "config"
        self.credentials_file = home / ".aws" / "credentials"
        self.config_file.touch()
        self.credentials_file.touch()
        self.exe = aws_cli_path()

    def base_env(self) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "AWS_CONFIG_FILE": str(self.config_file),
            "AWS_SHARED_CREDENTIALS_FILE": str(self.credentials_file),
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_RETRY_MODE": "standard",
            "AWS_PAGER": "",
        }
        if os.environ.get("SYSTEMROOT"):
            env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
        return env

    def run(self, *args: str, creds: tuple[str, str] | None = "root", profile: str | None = None,
            env: dict[str, str] | None = None, endpoint: bool = True, timeout: float = 60) -> CliResult:
        e = self.base_env()
        if creds == "root":
            creds = self.srv.root
        if creds:
            e["AWS_ACCESS_KEY_ID"], e["AWS_SECRET_ACCESS_KEY"] = creds
        if profile:
            e["AWS_PROFILE"] = profile
        if env:
            e.update(env)
        cmd = [self.exe]
        if endpoint:
            cmd += ["--endpoint-url", self.srv.url]
        cmd += ["--output", "json", *args]
        proc = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=timeout)
        return CliResult(proc)


@pytest.fixture
def cli(server, tmp_path) -> AwsCli:
    return AwsCli(server, tmp_path / "home")


# ---------------------------------------------------------------------------
# Raw SigV4 requests (so that tests can tamper after signing)
# ---------------------------------------------------------------------------
FORM_CT = "application/x-www-form-urlencoded; charset=utf-8"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def sign_request(
    url: str,
    *,
    creds: tuple[str, str],
    service: str = "sts",
    region: str = "us-east-1",
    method: str = "POST",
    params: dict[str, str] | None = None,
    body: str | bytes | None = None,
    headers: dict[str, str] | None = None,
    when: dt.datetime | None = None,
    session_token: str | None = None,
) -> AWSRequest:
    """Build and SigV4-sign a Query-protocol request with botocore's signer.

    POST: params go in the form body.  GET: params go in the query string.
    `when` (naive UTC) overrides the signing clock for skew tests.
    """
    params = params or {}
    hdrs = dict(headers or {})
    if method == "POST":
        data = body if body is not None else urlencode(params)
        hdrs.setdefault("Content-Type", FORM_CT)
        req = AWSRequest(method="POST", url=url, data=data, headers=hdrs)
    else:
        q = ("?" + urlencode(params)) if params else ""
        req = AWSRequest(method=method, url=url.rstrip("/") + "/" + q, data=body or b"", headers=hdrs)
    c = Credentials(creds[0], creds[1], session_token)
    signer = botocore.auth.SigV4Auth(c, service, region)
    if when is not None:
        with mock.patch.object(botocore.auth, "get_current_datetime", lambda *a, **k: when):
            signer.add_auth(req)
    else:
        signer.add_auth(req)
    return req


def send(req: AWSRequest, **overrides) -> requests.Response:
    """Send a (possibly tampered) AWSRequest with plain `requests`."""
    p = req.prepare()
    headers = dict(p.headers)
    body = overrides.pop("body", p.body)
    headers.update(overrides.pop("headers", {}))
    for h in overrides.pop("drop_headers", []):
        for k in list(headers):
            if k.lower() == h.lower():
                del headers[k]
    return requests.request(p.method, overrides.pop("url", p.url), headers=headers, data=body, timeout=30)


def sts_params(action: str = "GetCallerIdentity", **extra) -> dict[str, str]:
    return {"Action": action, "Version": STS_VERSION, **extra}


def iam_params(action: str, **extra) -> dict[str, str]:
    return {"Action": action, "Version": IAM_VERSION, **extra}


def parse_xml_error(resp: requests.Response) -> dict[str, Any]:
    """Parse AWS's Query-protocol error envelope strictly."""
    try:
        root = ET.fromstring(resp.content)
    except ET.ParseError as e:  # pragma: no cover - diagnostic
        raise AssertionError(f"error body is not XML ({e}): {resp.status_code} {resp.text[:500]!r}")
    m = re.match(r"^\{([^}]*)\}(.*)$", root.tag)
    ns, tag = (m.group(1), m.group(2)) if m else ("", root.tag)
    assert tag == "ErrorResponse", f"root element is {root.tag}, body={resp.text[:500]!r}"
    q = (lambda t: f"{{{ns}}}{t}") if ns else (lambda t: t)
    err = root.find(q("Error"))
    assert err is not None, resp.text
    def txt(el, t):
        x = el.find(q(t))
        return x.text if x is not None else None
    return {
        "ns": ns,
        "type": txt(err, "Type"),
        "code": txt(err, "Code"),
        "message": txt(err, "Message"),
        "request_id": txt(root, "RequestId"),
        "status": resp.status_code,
    }


def assert_xml_error(resp: requests.Response, status: int, code: str, message: str | re.Pattern | None = None,
                     ns: str | None = None, prefix: bool = False) -> dict[str, Any]:
    e = parse_xml_error(resp)
    assert (resp.status_code, e["code"]) == (status, code), f"{resp.status_code} {resp.text[:800]}"
    if message is not None:
        if isinstance(message, re.Pattern):
            assert message.fullmatch(e["message"] or ""), f"message {e['message']!r} !~ {message.pattern}"
        elif prefix:
            assert (e["message"] or "").startswith(message), f"{e['message']!r} does not start with {message!r}"
        else:
            assert e["message"] == message
    if ns is not None:
        assert e["ns"] == ns, f"namespace {e['ns']!r} != {ns!r}"
    assert e["type"] == "Sender", e
    rid = resp.headers.get("x-amzn-RequestId")
    assert rid and rid == e["request_id"], f"x-amzn-RequestId {rid!r} != body RequestId {e['request_id']!r}"
    return e


def xml_find_text(resp: requests.Response, local_name: str) -> str | None:
    root = ET.fromstring(resp.content)
    for el in root.iter():
        if el.tag.split("}")[-1] == local_name:
            return el.text
    return None


def run_threads(n: int, fn, *args) -> list[Any]:
    """Run fn(i, *args) in n threads released together; return results/exceptions."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def worker(i):
        barrier.wait()
        try:
            results[i] = fn(i, *args)
        except Exception as e:  # noqa: BLE001 - collected for assertions
            results[i] = e

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    return results


# ---------------------------------------------------------------------------
# Servers with extra `keyward serve` flags (credential endpoints, --clock-offset)
# and the loopback OIDC issuer.  (Added for issue 5; additive only.)
# ---------------------------------------------------------------------------
class KeywardServerWithArgs(KeywardServer):
    """A KeywardServer whose command line gets `extra_args` appended (IMDS / container endpoints,
    --clock-offset).  `extra_args` may be changed between restarts; the data dir, the root
    credentials and the master key (DATA_DIR/master.key) stay the same."""

    def __init__(self, workdir: Path, *, extra_args: list[str] | tuple[str, ...] = (), **kw) -> None:
        super().__init__(workdir, **kw)
        self.extra_args: list[str] = list(extra_args)

    def start(self, timeout: float = HEALTH_TIMEOUT) -> "KeywardServer":
        real_popen = subprocess.Popen
        extra = list(self.extra_args)

        def popen(cmd, *a, **k):
            return real_popen(list(cmd) + extra, *a, **k)

        # KeywardServer.start builds its command inline; append our flags at the Popen call.
        with mock.patch.object(subprocess, "Popen", popen):
            return super().start(timeout)

    def restart_with(self, extra_args: list[str] | tuple[str, ...]) -> "KeywardServer":
        self.extra_args = list(extra_args)
        return self.restart()


@pytest.fixture
def server_with_args_factory(tmp_path):
    """make(extra_args=[...], start=True, **KeywardServer kwargs) -> KeywardServerWithArgs."""
    if os.environ.get("KEYWARD_URL"):
        pytest.skip("needs to spawn its own keyward (unset KEYWARD_URL)")
    made: list[KeywardServer] = []

    def make(extra_args=(), start: bool = True, **kw) -> KeywardServerWithArgs:
        srv = KeywardServerWithArgs(tmp_path / f"argsrv{len(made)}", extra_args=extra_args, **kw)
        made.append(srv)
        return srv.start() if start else srv  # type: ignore[return-value]

    yield make
    for srv in made:
        srv.kill()


@pytest.fixture
def oidc_issuer():
    """A fresh loopback OIDC issuer (see oidc_issuer.py), closed after the test."""
    from oidc_issuer import OidcIssuer

    iss = OidcIssuer()
    try:
        yield iss
    finally:
        iss.close()


@pytest.fixture(scope="session")
def shared_oidc_issuer():
    """One loopback OIDC issuer for a whole run (tests must not take it down or rotate it)."""
    from oidc_issuer import OidcIssuer

    iss = OidcIssuer()
    try:
        yield iss
    finally:
        iss.close()


def sdk_probe_path() -> str:
    """The Rust SDK probe (crates/sdk-probe): KEYWARD_SDK_PROBE, default target/debug/keyward-sdk-probe."""
    b = os.environ.get("KEYWARD_SDK_PROBE", "target/debug/keyward-sdk-probe")
    p = Path(b)
    if not p.is_absolute():
        p = REPO_ROOT / p
    return str(p)


@pytest.fixture(scope="module")
def module_server(tmp_path_factory):
    """A server for one test module (so that a module creating many users, roles or OIDC providers
    does not fill the session server's first ListUsers page or its quotas).  With KEYWARD_URL, the
    external server is used instead."""
    if os.environ.get("KEYWARD_URL"):
        yield _ExternalServer(os.environ["KEYWARD_URL"])
        return
    srv = KeywardServer(tmp_path_factory.mktemp("kw-module"))
    srv.start()
    try:
        yield srv
    finally:
        if srv.proc and srv.proc.poll() is None:
            srv.terminate()
        srv.kill()

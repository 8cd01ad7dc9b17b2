"""botocore's own credential, region and endpoint resolution on the `keyward doctor` fixtures.

Each case in tests/data/doctor/<case>/ is replayed in a throw-away HOME with a clean
environment, and botocore's answer must equal the case's expected.json — the same file the
Rust resolver is checked against (crates/doctor/tests/fixtures.rs). Where botocore resolves
differently on purpose, the case documents it under "botocore" in expected.json, and only
those keys may differ.

Nothing leaves the machine: every socket may connect to 127.0.0.1 only, the instance
metadata and container endpoints point at a local stub that serves fake credentials, and
STS is never called (assume-role, web identity and SSO credentials are deferred in botocore,
so `.method` is known without a call).
"""

from __future__ import annotations

import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import botocore.exceptions
import botocore.session
import botocore.utils
import pytest

CASES_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "doctor"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())

# botocore's Credentials.method -> the doctor's source names.
METHOD_TO_SOURCE = {
    "env": "environment",
    "shared-credentials-file": "shared-credentials-file",
    "config-file": "config-file",
    "assume-role": "assume-role",
    "assume-role-with-web-identity": "web-identity",
    "custom-process": "credential-process",
    "sso": "sso",
    "container-role": "container",
    "iam-role": "imds",
}

# botocore exception -> the doctor's finding codes it corresponds to.
EXCEPTION_TO_CODES = {
    botocore.exceptions.ProfileNotFound: {"profile-not-found"},
    botocore.exceptions.InfiniteLoopConfigError: {"source-profile-loop"},
    botocore.exceptions.PartialCredentialsError: {"partial-credentials"},
    botocore.exceptions.InvalidConfigError: {"invalid-config"},
    botocore.exceptions.CredentialRetrievalError: {
        "credential-process-failed",
        "no-credentials",
        "metadata-failed",
    },
    ValueError: {"invalid-config"},
}

FAKE_CREDS = {
    "AccessKeyId": "ASIASTUBSTUBSTUB0001",
    "SecretAccessKey": "stub-secret",
    "Token": "stub-token",
    "Expiration": "2099-01-01T00:00:00Z",
    "Code": "Success",
    "Type": "AWS-HMAC",
    "LastUpdated": "2025-01-01T00:00:00Z",
    "RoleArn": "arn:aws:iam::123456789012:role/stub",
}


class _Stub(BaseHTTPRequestHandler):
    """Container endpoint and IMDSv2 in one: every GET answers credentials."""

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, status: int, body: str, ctype: str = "text/plain") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if self.path.startswith("/latest/api/token"):
            self.send_header("x-aws-ec2-metadata-token-ttl-seconds", "21600")
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        self._send(200, "stub-imds-token")

    def do_GET(self):
        if self.path.rstrip("/") == "/latest/meta-data/iam/security-credentials":
            self._send(200, "stub-role")
        else:
            self._send(200, json.dumps(FAKE_CREDS), "application/json")


@pytest.fixture(scope="module")
def stub_url():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse any connection that is not to 127.0.0.1, so a mistake cannot reach a network."""
    real_connect = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "localhost"):
            raise ConnectionRefusedError(f"test guard: no connections to {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


def mask(key: str) -> str:
    return key[:4] + "*" * (len(key) - 8) + key[-4:] if len(key) > 8 else "*" * len(key)


def botocore_resolution(case: str, home: Path, stub: str) -> dict:
    case_dir = CASES_DIR / case
    setup = json.loads((case_dir / "env.json").read_text())

    def fill(s: str) -> str:
        return s.replace("{home}", str(home)).replace("{stub}", stub)

    (home / ".aws").mkdir(parents=True)
    for f in case_dir.iterdir():
        if f.name in ("env.json", "expected.json"):
            continue
        dest = home / ".aws" / f.name if f.name in ("config", "credentials") else home / f.name
        dest.write_text(fill(f.read_text()))
    env = {k: fill(v) for k, v in setup["env"].items()}
    env["HOME"] = str(home)
    env.setdefault("AWS_EC2_METADATA_SERVICE_ENDPOINT", stub)
    env.setdefault("AWS_METADATA_SERVICE_TIMEOUT", "2")
    relative_host = stub.removeprefix("http://")
    out: dict = {"error": None, "source": None, "access_key_id": None, "region": None}
    with mock.patch.dict(os.environ, env, clear=True), mock.patch.object(
        botocore.utils.ContainerMetadataFetcher, "IP_ADDRESS", relative_host
    ):
        session = botocore.session.Session(profile=setup.get("args", {}).get("profile"))
        out["selected_profile"] = session.profile or "default"
        try:
            creds = session.get_credentials()
        except Exception as e:  # noqa: BLE001 - every botocore failure is classified below
            out["error_type"] = e
            return out
        if creds is None:
            out["error"] = "no-credentials"
            return out
        out["source"] = METHOD_TO_SOURCE.get(creds.method, creds.method)
        if out["source"] in ("environment", "shared-credentials-file", "config-file", "credential-process"):
            try:
                out["access_key_id"] = mask(creds.get_frozen_credentials().access_key)
            except RuntimeError:
                out["access_key_id"] = None  # expired, refresh cannot help
        out["region"] = session.get_config_variable("region")
        if out["region"]:
            client = session.create_client("sts", region_name=out["region"])
            out["endpoint"] = client.meta.endpoint_url
    return out


@pytest.mark.parametrize("case", CASES)
def test_botocore_agrees_with_the_fixture(case, tmp_path, stub_url):
    expected = json.loads((CASES_DIR / case / "expected.json").read_text())
    want = dict(expected)
    want.update(expected.get("botocore", {}))
    got = botocore_resolution(case, tmp_path / "home", stub_url)

    if "error_type" in got:
        err = got["error_type"]
        codes = next((c for t, c in EXCEPTION_TO_CODES.items() if isinstance(err, t)), None)
        assert want["error"] is not None, f"botocore raised {type(err).__name__}: {err}"
        assert codes is not None and want["error"] in codes, (
            f"botocore raised {type(err).__name__}: {err}; fixture expects {want['error']}"
        )
        return
    assert got["error"] == want["error"], got
    assert got["selected_profile"] == want["selected_profile"]
    assert got["source"] == want["source"]
    if want.get("access_key_id") is not None:
        assert got["access_key_id"] == want["access_key_id"]
    if want["source"] is not None:
        assert got["region"] == want["region"]
    if got.get("endpoint") and "endpoint" in want:
        assert got["endpoint"] == want["endpoint"]


def test_matrix_is_large_enough():
    assert len(CASES) >= 40

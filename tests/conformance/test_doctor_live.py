"""`keyward doctor` live checks against a spawned `keyward serve`, one test per finding code
that needs a server, plus the exit status, the JSON schema and the no-secrets rule.

Clock skew and expiry cannot be produced by moving the local clock, so they are produced on the
server side: `keyward serve --clock-offset 1000` puts requests signed now outside its 15-minute
window (clock-skew), and a 900-second session checked by a server restarted 895 s ahead is over
while the request is still inside the window (expired-credentials). The skew *measurement* from
the `Date` header (and the mapping of AWS's answers for other servers) is tested against a small
loopback stub that sends a `Date` ten minutes ahead, AWS's "Signature expired" answer and
`ExpiredToken`. The client-side expiry path (an `Expiration` in the past, printed by
credential_process) is tested against the real server.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ACCOUNT_ID, keyward_bin, make_user

SCHEMA_KEYS = {"credentials", "region", "endpoint", "identity", "clock_skew_seconds", "checks", "findings"}


def run_doctor(home: Path, env_extra: dict[str, str], *args: str, output: str = "json"):
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    env.update(env_extra)
    started = time.monotonic()
    proc = subprocess.run(
        [keyward_bin(), "doctor", "--output", output, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    report = json.loads(proc.stdout) if output == "json" else proc.stdout
    return proc.returncode, report, elapsed, proc


def codes(report) -> set[str]:
    return {f["code"] for f in report["findings"]}


def keys_env(srv, creds) -> dict[str, str]:
    return {"AWS_ACCESS_KEY_ID": creds[0], "AWS_SECRET_ACCESS_KEY": creds[1], "AWS_ENDPOINT_URL": srv.url}


def test_root_credentials_pass(server, tmp_path):
    rc, report, _, proc = run_doctor(tmp_path, keys_env(server, server.root))
    assert rc == 0, proc.stdout
    assert set(report) == SCHEMA_KEYS
    assert report["credentials"]["source"] == "environment"
    ak = server.root[0]
    assert report["credentials"]["access_key_id"] == ak[:4] + "*" * (len(ak) - 8) + ak[-4:]
    assert report["identity"] == {"arn": f"arn:aws:iam::{ACCOUNT_ID}:root", "account": ACCOUNT_ID, "user_id": ACCOUNT_ID}
    assert abs(report["clock_skew_seconds"]) <= 5
    assert report["endpoint"] == {"url": server.url, "source": "AWS_ENDPOINT_URL"}
    assert report["region"] == {"value": "us-east-1", "source": "AWS_DEFAULT_REGION"}


def test_invalid_client_token_id(server, tmp_path):
    rc, report, _, _ = run_doctor(tmp_path, keys_env(server, ("AKIAUNKNOWNKEY000000", "x" * 40)))
    assert rc == 1
    assert "invalid-client-token-id" in codes(report)
    assert report["identity"] is None


def test_signature_mismatch(server, user_with_key, tmp_path):
    rc, report, _, _ = run_doctor(tmp_path, keys_env(server, (user_with_key.creds[0], "wrong" * 8)))
    assert rc == 1
    assert "signature-mismatch" in codes(report)


def test_access_denied_for_an_action_the_user_lacks(server, tmp_path):
    user = make_user(server, "doctor")
    server.iam().put_user_policy(
        UserName=user.name,
        PolicyName="self-simulate",
        PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "iam:SimulatePrincipalPolicy", "Resource": user.arn},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"},
            ],
        }),
    )
    rc, report, _, _ = run_doctor(
        tmp_path, keys_env(server, user.creds),
        "--action", "s3:GetObject", "--action", "s3:PutObject", "--resource", "arn:aws:s3:::bucket/key",
    )
    assert rc == 1
    decisions = {c["action"]: c["decision"] for c in report["checks"]}
    assert decisions == {"s3:GetObject": "allowed", "s3:PutObject": "implicitDeny"}
    assert "access-denied" in codes(report)
    reasons = {c["action"]: c["reason"] for c in report["checks"]}
    assert "self-simulate" in reasons["s3:GetObject"]


def test_simulation_denied_when_the_caller_may_not_simulate_itself(server, user_with_key, tmp_path):
    """Said once, as an error (the checks asked for did not run), with the way out."""
    rc, report, _, _ = run_doctor(tmp_path, keys_env(server, user_with_key.creds), "--action", "s3:GetObject",
                                  "--action", "s3:PutObject")
    denied = [f for f in report["findings"] if f["code"] == "simulation-denied"]
    assert len(denied) == 1 and "SimulatePrincipalPolicy" in denied[0]["message"]
    assert "--simulate-with-profile" in denied[0]["message"]
    assert [c["decision"] for c in report["checks"]] == ["error", "error"]
    assert rc == 1


def test_workload_braket(server, tmp_path):
    """The guide's policy plus self-simulation: all 12 checks allowed on the guide's resources."""
    user = make_user(server, "braket")
    policy = (Path(__file__).resolve().parents[1] / "data" / "guides" / "braket-policy.json").read_text()
    policy_doc = json.loads(policy)
    policy_doc["Statement"].append({"Effect": "Allow", "Action": "iam:SimulatePrincipalPolicy", "Resource": "*"})
    server.iam().put_user_policy(UserName=user.name, PolicyName="braket", PolicyDocument=json.dumps(policy_doc))
    rc, report, _, _ = run_doctor(tmp_path, keys_env(server, user.creds), "--workload", "braket")
    decisions = {(c["action"], c["resource"]): c["decision"] for c in report["checks"]}
    assert len(decisions) == 12
    assert set(decisions.values()) == {"allowed"}
    assert decisions[("s3:ListBucket", "arn:aws:s3:::your-braket-results-bucket")] == "allowed"
    assert rc == 0


def test_endpoint_unreachable_closed_port(server, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = keys_env(server, server.root)
    env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    rc, report, elapsed, _ = run_doctor(tmp_path, env)
    assert rc == 1
    assert "endpoint-unreachable" in codes(report)
    assert elapsed < 5


def test_endpoint_unreachable_silent_server(server, tmp_path):
    """A server that accepts connections but never answers is reported within seconds."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        env = keys_env(server, server.root)
        env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{s.getsockname()[1]}"
        rc, report, elapsed, _ = run_doctor(tmp_path, env)
    assert rc == 1
    assert "endpoint-unreachable" in codes(report)
    assert elapsed < 8


class _StubSts(BaseHTTPRequestHandler):
    date_offset = dt.timedelta(0)
    status = 200
    body = ""

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        data = self.body.encode()
        self.send_response_only(self.status)
        now = dt.datetime.now(dt.timezone.utc) + self.date_offset
        self.send_header("Date", format_datetime(now, usegmt=True))
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def stub_sts():
    handlers = []

    def start(status: int, body: str, offset: dt.timedelta = dt.timedelta(0)) -> str:
        handler = type("Handler", (_StubSts,), {"status": status, "body": body, "date_offset": offset})
        srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        handlers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}"

    yield start
    for srv in handlers:
        srv.shutdown()


IDENTITY_XML = (
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>'
    f"<Arn>arn:aws:iam::{ACCOUNT_ID}:user/skewed</Arn><UserId>AIDASKEWED</UserId><Account>{ACCOUNT_ID}</Account>"
    "</GetCallerIdentityResult></GetCallerIdentityResponse>"
)


def error_xml(code: str, message: str) -> str:
    return (
        f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
        "<RequestId>1</RequestId></ErrorResponse>"
    )


def test_clock_skew_from_the_date_header(stub_sts, tmp_path):
    url = stub_sts(200, IDENTITY_XML, dt.timedelta(minutes=10))
    rc, report, _, _ = run_doctor(tmp_path, {"AWS_ACCESS_KEY_ID": "AKIASKEWSKEWSKEW0001", "AWS_SECRET_ACCESS_KEY": "s", "AWS_ENDPOINT_URL": url})
    assert rc == 1
    assert 595 <= report["clock_skew_seconds"] <= 605
    assert "clock-skew" in codes(report)


def test_signature_expired_is_clock_skew(stub_sts, tmp_path):
    msg = "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T001500Z - 5 min.)"
    url = stub_sts(403, error_xml("SignatureDoesNotMatch", msg))
    rc, report, _, _ = run_doctor(tmp_path, {"AWS_ACCESS_KEY_ID": "AKIASKEWSKEWSKEW0001", "AWS_SECRET_ACCESS_KEY": "s", "AWS_ENDPOINT_URL": url})
    assert rc == 1
    assert "clock-skew" in codes(report) and "signature-mismatch" not in codes(report)


def test_expired_token_from_the_server(stub_sts, tmp_path):
    url = stub_sts(400, error_xml("ExpiredToken", "The security token included in the request is expired"))
    rc, report, _, _ = run_doctor(tmp_path, {"AWS_ACCESS_KEY_ID": "ASIAEXPIREDEXPIRED01", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t", "AWS_ENDPOINT_URL": url})
    assert rc == 1
    assert "expired-credentials" in codes(report)


def write_process(tmp_path: Path, payload: dict) -> str:
    script = tmp_path / "creds.py"
    script.write_text(f"import json\nprint(json.dumps({payload!r}))\n")
    return f"{sys.executable} {script}"


def test_expired_credentials_from_credential_process(server, user_with_key, tmp_path):
    ak, sk = user_with_key.creds
    cmd = write_process(tmp_path, {"Version": 1, "AccessKeyId": ak, "SecretAccessKey": sk, "Expiration": "2020-01-01T00:00:00Z"})
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(f"[profile proc]\ncredential_process = {cmd}\n")
    rc, report, _, proc = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "proc"})
    assert rc == 1
    assert report["credentials"]["source"] == "credential-process"
    assert report["credentials"]["expires_at"] == "2020-01-01T00:00:00Z"
    assert "expired-credentials" in codes(report)
    assert sk not in proc.stdout and sk not in proc.stderr


def test_credential_process_failed(server, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[profile proc]\ncredential_process = false\n")
    rc, report, _, _ = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "proc"})
    assert rc == 1
    assert "credential-process-failed" in codes(report)


def test_assume_role_profile_with_external_id(server, tmp_path):
    user = make_user(server, "assumer")
    role_name = f"doctor-role-{user.name}"
    trust = {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": user.arn},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"sts:ExternalId": "ext-42"}},
        }],
    }
    iam = server.iam()
    role_arn = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_user_policy(
        UserName=user.name,
        PolicyName="assume",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": role_arn}]}),
    )
    ak, sk = user.creds
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "credentials").write_text(f"[base]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n")

    def config(external_id: str) -> None:
        (tmp_path / ".aws" / "config").write_text(
            f"[profile deploy]\nrole_arn = {role_arn}\nsource_profile = base\nexternal_id = {external_id}\n"
        )

    config("ext-42")
    rc, report, _, proc = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url}, "--profile", "deploy")
    assert rc == 0, proc.stdout
    assert report["credentials"]["source"] == "assume-role"
    assert report["credentials"]["profile"] == "deploy"
    assert report["credentials"]["access_key_id"].startswith("ASIA")
    assert report["credentials"]["expires_at"] is not None
    assert report["identity"]["arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role_name}/")

    config("wrong")
    rc, report, _, _ = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url}, "--profile", "deploy")
    assert rc == 1
    assert "access-denied" in codes(report)


def test_web_identity_error_is_reported(server, tmp_path):
    token = tmp_path / "token"
    token.write_text("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
    rc, report, _, _ = run_doctor(tmp_path, {
        "AWS_ENDPOINT_URL": server.url,
        "AWS_WEB_IDENTITY_TOKEN_FILE": str(token),
        "AWS_ROLE_ARN": f"arn:aws:iam::{ACCOUNT_ID}:role/nope",
    })
    assert report["credentials"]["source"] == "web-identity"
    assert rc == 1
    assert report["identity"] is None
    assert any(f["severity"] == "error" for f in report["findings"])


def test_no_credentials(tmp_path):
    rc, report, _, _ = run_doctor(tmp_path, {})
    assert rc == 1
    assert report["credentials"]["source"] is None
    assert "no-credentials" in codes(report)


def test_text_report_has_no_secret_and_no_colour_when_piped(server, user_with_key, tmp_path):
    ak, sk = user_with_key.creds
    rc, text, _, proc = run_doctor(tmp_path, keys_env(server, user_with_key.creds), output="text")
    assert rc == 0, text
    assert sk not in text and ak not in text and sk not in proc.stderr
    assert "\x1b[" not in text
    assert ak[:4] in text and ak[-4:] in text


# ---------------------------------------------------------------------------
# Against servers started with extra flags: --clock-offset, IMDS and container endpoints.
# ---------------------------------------------------------------------------
def test_clock_skew_against_keyward(server_with_args_factory, tmp_path):
    """The server's clock runs 1000 s ahead (--clock-offset): requests signed now are outside
    its 15-minute window, and the doctor names the cause."""
    srv = server_with_args_factory(extra_args=["--clock-offset", "1000"])
    rc, report, _, _ = run_doctor(tmp_path, keys_env(srv, srv.root))
    assert rc == 1
    assert "clock-skew" in codes(report)
    assert "signature-mismatch" not in codes(report)


def test_expired_session_against_keyward(server_with_args_factory, tmp_path):
    """A 900-second session, then the server restarted 895 s ahead once at least 8 s have passed:
    the session is over for the server while the request is still inside the skew window."""
    srv = server_with_args_factory()
    user = make_user(srv, "expiring")
    issued = time.monotonic()
    session = srv.sts(user.creds).get_session_token(DurationSeconds=900)["Credentials"]
    time.sleep(max(0.0, 8 - (time.monotonic() - issued)))
    srv.restart_with(["--clock-offset", "895"])
    rc, report, _, _ = run_doctor(tmp_path, {
        "AWS_ACCESS_KEY_ID": session["AccessKeyId"],
        "AWS_SECRET_ACCESS_KEY": session["SecretAccessKey"],
        "AWS_SESSION_TOKEN": session["SessionToken"],
        "AWS_ENDPOINT_URL": srv.url,
    })
    assert rc == 1
    assert "expired-credentials" in codes(report)


def _service_role(srv, name: str, service: str) -> str:
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": ["sts:AssumeRole", "sts:TagSession"],
    }]}
    return srv.iam().create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]


def free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_imds_credentials_from_keyward(server_with_args_factory, tmp_path):
    port = free_loopback_port()
    srv = server_with_args_factory(extra_args=["--imds-listen", f"127.0.0.1:{port}", "--imds-instance-profile", "app"])
    _service_role(srv, "app", "ec2.amazonaws.com")
    srv.iam().create_instance_profile(InstanceProfileName="app")
    srv.iam().add_role_to_instance_profile(InstanceProfileName="app", RoleName="app")
    rc, report, _, proc = run_doctor(tmp_path, {
        "AWS_ENDPOINT_URL": srv.url,
        "AWS_EC2_METADATA_DISABLED": "false",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT": f"http://127.0.0.1:{port}",
    })
    assert rc == 0, proc.stdout
    assert report["credentials"]["source"] == "imds"
    assert report["credentials"]["expires_at"] is not None
    assert report["identity"]["arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/app/")


def test_container_credentials_from_keyward(server_with_args_factory, tmp_path):
    port = free_loopback_port()
    token_file = tmp_path / "task-token"
    srv = server_with_args_factory(extra_args=[
        "--container-listen", f"127.0.0.1:{port}", "--container-role", "task", "--container-token-file", str(token_file),
    ])
    _service_role(srv, "task", "ecs-tasks.amazonaws.com")
    rc, report, _, proc = run_doctor(tmp_path, {
        "AWS_ENDPOINT_URL": srv.url,
        "AWS_CONTAINER_CREDENTIALS_FULL_URI": f"http://127.0.0.1:{port}/v2/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": str(token_file),
    })
    assert rc == 0, proc.stdout
    assert report["credentials"]["source"] == "container"
    assert report["identity"]["arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/task/")
    assert token_file.read_text().strip() not in proc.stdout

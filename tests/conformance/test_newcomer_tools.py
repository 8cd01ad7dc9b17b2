"""Issue 19, the newcomer's tools: `keyward configure`, `keyward exec`, several credential endpoints
on one server, the built-in test OIDC issuer (`keyward oidc serve|rotate|token`), the default data
directory and colourless logs off a terminal.

Every test runs its commands with a fresh HOME (and nothing inherited from the developer's AWS_* or
KEYWARD_* variables), so the user's own ~/.aws and ~/.local/share/keyward are never read or written.

Sources for what is imitated:
- the shared config/credentials files and `endpoint_url` in a profile: AWS SDKs and Tools reference
  guide, "Shared config and credentials files" and "Service-specific endpoints"
  (https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html,
  https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html);
- GitHub Actions tokens: GitHub's "OpenID Connect reference"
  (https://docs.github.com/en/actions/reference/security/oidc): `sub` = repo:ORG/REPO:ref:REF,
  custom claims such as repository, repository_owner, ref, job_workflow_ref, all strings;
- Kubernetes projected service-account tokens (EKS IRSA): `sub` =
  system:serviceaccount:NAMESPACE:NAME, the `kubernetes.io` claim, `aud` a list
  (https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/);
- the XDG base directory spec (https://specifications.freedesktop.org/basedir-spec/latest/) and
  NO_COLOR (https://no-color.org).
"""

from __future__ import annotations

import base64
import json
import os
import pty
import select
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from chain_helpers import (Clients, admin, doc, allow, make_role, session_arn, trust_aws, trust_service,
                           trust_web_identity)
from conftest import ACCOUNT_ID, aws_cli_path, free_port, keyward_bin, make_user, rand_suffix

BRAKET_CREDENTIALS = ("[default]\naws_access_key_id = your-access-key-id\n"
                      "aws_secret_access_key = your-secret-access-key\n\n"
                      "[braket-profile]\naws_access_key_id = your-braket-specific-access-key\n"
                      "aws_secret_access_key = your-braket-specific-secret-key\n")
BRAKET_CONFIG = ("[default]\nregion = us-east-1\noutput = json\n\n"
                 "[profile braket-profile]\nregion = us-east-1\noutput = json\n")
GITHUB_SUB = "repo:octo-org/octo-repo:ref:refs/heads/main"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "KEYWARD_", "XDG_")) and k not in ("HOME", "NO_COLOR")}
    env.update(HOME=str(home), LANG="C.UTF-8", AWS_EC2_METADATA_DISABLED="true", AWS_MAX_ATTEMPTS="1",
               AWS_PAGER="")
    env.update(extra)
    return env


def kw(home: Path, *args: str, env: dict[str, str] | None = None, input: str | None = None,
       timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([keyward_bin(), *args], env=env or clean_env(home), input=input,
                          capture_output=True, text=True, timeout=timeout, cwd=str(home))


@pytest.fixture
def home(tmp_path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def aws(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([aws_cli_path(), "--output", "json", *args], env=env or clean_env(home),
                          capture_output=True, text=True, timeout=60, cwd=str(home))


def configure(home: Path, server, *args: str, env: dict[str, str] | None = None, **kwargs):
    """`keyward configure` for `server`. The suite's servers get their root keys from
    KEYWARD_ROOT_*, which leaves no root-credentials file: configure reads the same variables."""
    env = dict(env or clean_env(home))
    if not (server.data_dir / "root-credentials").exists():
        env.update(KEYWARD_ROOT_ACCESS_KEY_ID=server.root[0], KEYWARD_ROOT_SECRET_ACCESS_KEY=server.root[1])
    return kw(home, "configure", "--endpoint-url", server.url, "--data-dir", str(server.data_dir), *args,
              env=env, **kwargs)


def jwt_claims(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def jwt_header(token: str) -> dict:
    head = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))


class Proc:
    """A long-running keyward subcommand, stopped with SIGTERM at the end of the test."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.out = cwd / f"out-{rand_suffix()}.log"
        self.err = cwd / f"err-{rand_suffix()}.log"
        self.proc = subprocess.Popen([keyward_bin(), *args], env=env, cwd=str(cwd),
                                     stdout=open(self.out, "wb"), stderr=open(self.err, "wb"))

    def wait_for_line(self, prefix: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.out.read_text(errors="replace").splitlines():
                if line.startswith(prefix):
                    return line
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        pytest.fail(f"no `{prefix}` line\nstdout:\n{self.out.read_text()}\nstderr:\n{self.err.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def procs():
    made: list[Proc] = []
    yield made
    for p in made:
        p.stop()


def wait_healthy(url: str, proc: Proc) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.proc.poll() is None, proc.err.read_text()
        try:
            if requests.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)
    pytest.fail("server did not become healthy")


class LocalIssuer:
    """`keyward oidc serve` in a data dir, with the names chain_helpers' trust builders expect."""

    def __init__(self, home: Path, procs: list[Proc]) -> None:
        self.home = home
        self.dir = home / "oidc-data"
        p = Proc(["oidc", "serve", "--listen", "127.0.0.1:0", "--data-dir", str(self.dir)], clean_env(home), home)
        procs.append(p)
        self.url = p.wait_for_line("Issuer URL: ").split(": ", 1)[1]

    @property
    def host_path(self) -> str:
        return self.url.removeprefix("http://")

    def provider_arn(self, account: str) -> str:
        return f"arn:aws:iam::{account}:oidc-provider/{self.host_path}"

    def token(self, *args: str) -> str:
        r = kw(self.home, "oidc", "token", "--data-dir", str(self.dir), *args)
        assert r.returncode == 0, r.stderr
        return r.stdout.strip()


# ---------------------------------------------------------------------------
# keyward configure
# ---------------------------------------------------------------------------
def test_configure_writes_a_working_profile_beside_the_guide_s_own(server, home):
    """The Braket guide's ~/.aws files stay byte for byte; the new profile carries endpoint_url and
    region in ~/.aws/config and the root keys in ~/.aws/credentials, both files owner-only."""
    aws_dir = home / ".aws"
    aws_dir.mkdir()
    (aws_dir / "credentials").write_text(BRAKET_CREDENTIALS)
    (aws_dir / "config").write_text(BRAKET_CONFIG)
    r = configure(home, server, "--yes")
    assert r.returncode == 0, r.stderr
    assert f"[profile keyward]" in r.stdout and f"endpoint_url = {server.url}" in r.stdout
    assert server.root_secret not in r.stdout + r.stderr
    config = (aws_dir / "config").read_text()
    credentials = (aws_dir / "credentials").read_text()
    assert config == BRAKET_CONFIG + f"\n[profile keyward]\nregion = us-east-1\nendpoint_url = {server.url}\n"
    assert credentials == (BRAKET_CREDENTIALS + f"\n[keyward]\naws_access_key_id = {server.root_access_key_id}\n"
                           f"aws_secret_access_key = {server.root_secret}\n")

    # The aws CLI and boto3 find the server through the profile alone (no --endpoint-url).
    ident = aws(home, "--profile", "keyward", "sts", "get-caller-identity")
    assert ident.returncode == 0, ident.stderr
    assert json.loads(ident.stdout)["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    script = "import boto3; print(boto3.Session(profile_name='keyward').client('sts').get_caller_identity()['Arn'])"
    b = subprocess.run([sys.executable, "-c", script], env=clean_env(home), capture_output=True, text=True,
                       timeout=60)
    assert b.returncode == 0 and b.stdout.strip() == f"arn:aws:iam::{ACCOUNT_ID}:root", b.stderr


def test_configure_creates_owner_only_files_and_honours_the_file_variables(server, home, tmp_path):
    cfg, creds = tmp_path / "elsewhere" / "cfg", tmp_path / "elsewhere" / "creds"
    env = clean_env(home, AWS_CONFIG_FILE=str(cfg), AWS_SHARED_CREDENTIALS_FILE=str(creds))
    r = configure(home, server, "--profile", "default", "--region", "eu-west-1", "--yes", env=env)
    assert r.returncode == 0, r.stderr
    assert not (home / ".aws").exists()
    for f in (cfg, creds):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert cfg.read_text() == f"[default]\nregion = eu-west-1\nendpoint_url = {server.url}\n"
    ident = aws(home, "sts", "get-caller-identity", env=env)
    assert ident.returncode == 0, ident.stderr


def test_configure_refuses_to_overwrite_a_profile_without_force(server, home):
    aws_dir = home / ".aws"
    aws_dir.mkdir()
    (aws_dir / "config").write_text(BRAKET_CONFIG)
    (aws_dir / "credentials").write_text(BRAKET_CREDENTIALS)
    r = configure(home, server, "--profile", "braket-profile", "--yes")
    assert r.returncode == 1
    assert "already has profile braket-profile; pass --force" in r.stderr
    assert (aws_dir / "credentials").read_text() == BRAKET_CREDENTIALS
    assert (aws_dir / "config").read_text() == BRAKET_CONFIG

    r = configure(home, server, "--profile", "braket-profile", "--yes", "--force")
    assert r.returncode == 0, r.stderr
    credentials = (aws_dir / "credentials").read_text()
    # The default profile's lines are untouched; only braket-profile's were replaced.
    assert credentials.startswith("[default]\naws_access_key_id = your-access-key-id\n"
                                  "aws_secret_access_key = your-secret-access-key\n\n[braket-profile]\n"
                                  f"aws_access_key_id = {server.root_access_key_id}\n")
    assert "your-braket-specific" not in credentials
    assert (aws_dir / "config").read_text() == ("[default]\nregion = us-east-1\noutput = json\n\n"
                                                "[profile braket-profile]\nregion = us-east-1\n"
                                                f"endpoint_url = {server.url}\n")


def test_configure_asks_before_writing(server, home):
    r = configure(home, server, input="n\n")
    assert r.returncode == 1 and "nothing written" in r.stderr
    assert "Write this profile? [y/N]" in r.stderr
    assert not (home / ".aws" / "credentials").exists()
    # No answer at all (stdin closed) declines too.
    r = configure(home, server, input="")
    assert r.returncode == 1 and not (home / ".aws").exists()
    r = configure(home, server, input="y\n")
    assert r.returncode == 0, r.stderr
    assert "[keyward]" in (home / ".aws" / "credentials").read_text()


def test_configure_gives_a_named_user_a_new_key(server, home):
    """The Braket guide's `braket-user`: configure creates its access key through the API."""
    name = f"braket-user-{rand_suffix()}"
    server.iam().create_user(UserName=name)
    r = configure(home, server, "--profile", "braket-profile", "--user", name, "--yes")
    assert r.returncode == 0, r.stderr
    keys = server.iam().list_access_keys(UserName=name)["AccessKeyMetadata"]
    assert len(keys) == 1
    assert f"aws_access_key_id = {keys[0]['AccessKeyId']}" in (home / ".aws" / "credentials").read_text()
    ident = aws(home, "--profile", "braket-profile", "sts", "get-caller-identity")
    assert json.loads(ident.stdout)["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/{name}", ident.stderr

    missing = f"nobody-{rand_suffix()}"
    r = configure(home, server, "--profile", "other", "--user", missing, "--yes")
    assert r.returncode == 1
    assert (f"An error occurred (NoSuchEntity) when calling the CreateAccessKey operation: "
            f"The user with name {missing} cannot be found.") in r.stderr
    assert "[other]" not in (home / ".aws" / "credentials").read_text()


def test_configure_without_a_server_or_root_keys_writes_nothing(home, tmp_path):
    empty = tmp_path / "no-data"
    empty.mkdir()
    r = kw(home, "configure", "--data-dir", str(empty), "--yes")
    assert r.returncode == 1 and "root-credentials does not exist" in r.stderr
    (empty / "root-credentials").write_text("[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\n"
                                            "aws_secret_access_key = x\n")
    r = kw(home, "configure", "--data-dir", str(empty), "--endpoint-url", f"http://127.0.0.1:{free_port()}",
           "--yes")
    assert r.returncode == 1 and "do not work" in r.stderr, r.stderr
    assert not (home / ".aws").exists()


# ---------------------------------------------------------------------------
# keyward exec
# ---------------------------------------------------------------------------
PRINT_ENV = ("import json, os; print(json.dumps({k: os.environ.get(k) for k in ['AWS_ACCESS_KEY_ID', "
             "'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_PROFILE']}))")


@pytest.fixture
def configured(server, home):
    """A `keyward` profile with a new key of a user who may assume any role (root may assume none:
    "Roles may not be assumed by root accounts")."""
    user = f"exec-user-{rand_suffix()}"
    server.iam().create_user(UserName=user)
    server.iam().put_user_policy(UserName=user, PolicyName="assume", PolicyDocument=doc(allow("sts:AssumeRole")))
    r = configure(home, server, "--user", user, "--yes")
    assert r.returncode == 0, r.stderr
    return home, f"arn:aws:iam::{ACCOUNT_ID}:user/{user}"


def test_exec_runs_the_command_with_the_role_s_session(server, configured):
    home, user = configured
    role = make_role(server, "exec", trust_aws(user))
    env = clean_env(home, AWS_PROFILE="keyward")
    r = kw(home, "exec", "--role", role["Arn"], "--session-name", "newcomer", "--", sys.executable, "-c",
           PRINT_ENV, env=env)
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stdout)
    assert seen["AWS_ACCESS_KEY_ID"].startswith("ASIA") and seen["AWS_SESSION_TOKEN"]
    assert seen["AWS_ENDPOINT_URL"] == server.url and seen["AWS_REGION"] == "us-east-1"
    assert seen["AWS_PROFILE"] is None
    # The CLI inside sees the assumed role.
    r = kw(home, "exec", "--role", role["Arn"], "--session-name", "newcomer", "--", aws_cli_path(), "--output",
           "json", "sts", "get-caller-identity", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["Arn"] == session_arn(role["RoleName"], "newcomer")
    # The command's exit status is keyward's.
    r = kw(home, "exec", "--role", role["Arn"], "--profile", "keyward", "--", sys.executable, "-c",
           "raise SystemExit(7)", env=clean_env(home))
    assert r.returncode == 7, r.stderr


def test_exec_passes_sigterm_on_and_reports_the_command_s_status(server, configured):
    home, user = configured
    role = make_role(server, "exec-sig", trust_aws(user))
    script = ("import signal, sys, time\n"
              "signal.signal(signal.SIGTERM, lambda *a: sys.exit(42))\n"
              "print('ready', flush=True)\n"
              "time.sleep(30)\n")
    proc = subprocess.Popen([keyward_bin(), "exec", "--profile", "keyward", "--role", role["Arn"], "--",
                             sys.executable, "-c", script], env=clean_env(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.poll() is not None else ""
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 42
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_exec_with_external_id_and_duration(server, configured):
    home, user = configured
    role = make_role(server, "exec-x", trust_aws(user, external_id="unique-external-id"))
    args = ["exec", "--profile", "keyward", "--role", role["Arn"]]
    run = [sys.executable, "-c", "print('ran')"]
    r = kw(home, *args, "--", *run)
    assert r.returncode == 1 and "ran" not in r.stdout
    assert ("keyward exec: An error occurred (AccessDenied) when calling the AssumeRole operation: "
            f"User: {user} is not authorized to perform: sts:AssumeRole on resource: {role['Arn']}") in r.stderr
    r = kw(home, *args, "--external-id", "unique-external-id", "--duration", "15m", "--", *run)
    assert r.returncode == 0 and r.stdout.strip() == "ran", r.stderr
    r = kw(home, *args, "--external-id", "unique-external-id", "--duration", "60", "--", *run)
    assert r.returncode == 1
    assert ("An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error "
            "detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value "
            "greater than or equal to 900") in r.stderr


def test_exec_with_mfa(server, home):
    """A role whose trust policy asks for MFA: --serial-number and --token-code go to AssumeRole."""
    from test_iam_mfa import code, enabled_device

    user = make_user(server, "exec-mfa")
    device, n = enabled_device(server, user.name)
    trust = doc({"Effect": "Allow", "Principal": {"AWS": user.arn}, "Action": "sts:AssumeRole",
                 "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})
    role = make_role(server, "exec-mfa", trust)
    server.iam().put_user_policy(UserName=user.name, PolicyName="assume",
                                 PolicyDocument=doc(allow("sts:AssumeRole", resource=role["Arn"])))
    env = clean_env(home, AWS_ACCESS_KEY_ID=user.creds[0], AWS_SECRET_ACCESS_KEY=user.creds[1],
                    AWS_ENDPOINT_URL=server.url, AWS_REGION="us-east-1")
    run = ["--", sys.executable, "-c", "print('ran')"]
    r = kw(home, "exec", "--role", role["Arn"], *run, env=env)
    assert r.returncode == 1 and "(AccessDenied)" in r.stderr, r.stderr
    r = kw(home, "exec", "--role", role["Arn"], "--serial-number", device["SerialNumber"], "--token-code",
           code(device["Base32StringSeed"], n + 1), *run, env=env)
    assert r.returncode == 0 and r.stdout.strip() == "ran", r.stderr


def test_exec_without_credentials_runs_nothing(home):
    r = kw(home, "exec", "--role", f"arn:aws:iam::{ACCOUNT_ID}:role/x", "--", sys.executable, "-c", "print('ran')")
    assert r.returncode == 1 and "ran" not in r.stdout
    assert "no credentials to assume the role with" in r.stderr


# ---------------------------------------------------------------------------
# several credential endpoints on one server
# ---------------------------------------------------------------------------
def test_several_instances_and_tasks_on_one_server(server_with_args_factory, tmp_path):
    """Two `--imds ADDR=PROFILE` and two `--container ADDR=ROLE,TOKEN_FILE` bindings: each listener
    hands out its own workload's role, as botocore's IMDS and container providers fetch them."""
    ports = [free_port() for _ in range(4)]
    tokens = [tmp_path / "task-a.token", tmp_path / "task-b.token"]
    srv = server_with_args_factory(extra_args=[
        "--imds", f"127.0.0.1:{ports[0]}=web-profile", "--imds", f"127.0.0.1:{ports[1]}=batch-profile",
        "--container", f"127.0.0.1:{ports[2]}=task-a,{tokens[0]}",
        "--container", f"127.0.0.1:{ports[3]}=task-b,{tokens[1]},eks"])
    iam = admin(srv)
    for profile, role in [("web-profile", "web-role"), ("batch-profile", "batch-role")]:
        iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust_service("ec2.amazonaws.com"))
        iam.create_instance_profile(InstanceProfileName=profile)
        iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
    iam.create_role(RoleName="task-a", AssumeRolePolicyDocument=trust_service("ecs-tasks.amazonaws.com"))
    iam.create_role(RoleName="task-b", AssumeRolePolicyDocument=trust_service(
        "pods.eks.amazonaws.com", actions=("sts:AssumeRole", "sts:TagSession")))
    for port in ports:
        assert f"http://127.0.0.1:{port}" in srv.stdout()

    c = Clients(srv, tmp_path / "home")
    for port, role in [(ports[0], "web-role"), (ports[1], "batch-role")]:
        env = c.env(AWS_EC2_METADATA_DISABLED=None, AWS_EC2_METADATA_SERVICE_ENDPOINT=f"http://127.0.0.1:{port}")
        ident = c.cli(env, "sts", "get-caller-identity").ok().json
        assert ident["Arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/i-"), ident
    for port, role, token in [(ports[2], "task-a", tokens[0]), (ports[3], "task-b", tokens[1])]:
        env = c.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=f"http://127.0.0.1:{port}/v2/credentials/{role}",
                    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=str(token))
        ident = c.cli(env, "sts", "get-caller-identity").ok().json
        assert ident["Arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/"), ident
    # One task's token does not open another task's endpoint.
    r = requests.get(f"http://127.0.0.1:{ports[2]}/v2/credentials",
                     headers={"Authorization": tokens[1].read_text().strip()}, timeout=5)
    assert r.status_code == 401 and r.json()["code"] == "AccessDenied"


@pytest.mark.parametrize("flag,value", [("--imds", "127.0.0.1:1"), ("--imds", "nowhere=p"),
                                        ("--container", "127.0.0.1:1=role"),
                                        ("--container", "127.0.0.1:1=role,/tmp/t,fargate")])
def test_malformed_bindings_are_refused(home, flag, value):
    r = kw(home, "serve", "--data-dir", str(home / "d"), flag, value)
    assert r.returncode == 1 and "is not" in r.stderr, r.stderr


# ---------------------------------------------------------------------------
# keyward oidc
# ---------------------------------------------------------------------------
def test_oidc_issuer_serves_discovery_and_rotates_keeping_the_old_key(home, procs):
    iss = LocalIssuer(home, procs)
    conf = requests.get(iss.url + "/.well-known/openid-configuration", timeout=5).json()
    assert conf["issuer"] == iss.url
    assert conf["jwks_uri"] == iss.url + "/.well-known/jwks.json"
    assert conf["id_token_signing_alg_values_supported"] == ["RS256"]
    first = [k["kid"] for k in requests.get(conf["jwks_uri"], timeout=5).json()["keys"]]
    assert len(first) == 1
    old_token = iss.token("--sub", "a", "--aud", "b")
    assert jwt_header(old_token) == {"alg": "RS256", "kid": first[0], "typ": "JWT"}
    keys_file = iss.dir / "oidc-issuer" / "keys.json"
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600

    r = kw(home, "oidc", "rotate", "--data-dir", str(iss.dir))
    assert r.returncode == 0, r.stderr
    after = [k["kid"] for k in requests.get(conf["jwks_uri"], timeout=5).json()["keys"]]
    assert len(after) == 2 and after[1] == first[0] and after[0] != first[0]
    assert jwt_header(iss.token("--sub", "a", "--aud", "b"))["kid"] == after[0]
    # A second rotation retires the oldest key.
    kw(home, "oidc", "rotate", "--data-dir", str(iss.dir))
    latest = [k["kid"] for k in requests.get(conf["jwks_uri"], timeout=5).json()["keys"]]
    assert first[0] not in latest and after[0] in latest


def test_oidc_token_presets_have_the_real_claim_shapes(home, procs):
    iss = LocalIssuer(home, procs)
    gh = jwt_claims(iss.token("--preset", "github-actions", "--ttl", "10m"))
    assert gh["iss"] == iss.url and gh["sub"] == GITHUB_SUB and gh["aud"] == "sts.amazonaws.com"
    assert gh["exp"] - gh["iat"] == 600 and gh["nbf"] == gh["iat"] and gh["jti"]
    assert (gh["repository"], gh["repository_owner"], gh["ref"], gh["ref_type"]) == (
        "octo-org/octo-repo", "octo-org", "refs/heads/main", "branch")
    assert gh["job_workflow_ref"] == "octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main"
    assert all(isinstance(gh[k], str) for k in ("repository_id", "run_id", "run_attempt", "actor_id"))
    env_token = jwt_claims(iss.token("--preset", "github-actions", "--sub", "repo:acme/app:environment:prod",
                                     "--claim", "run_attempt=\"3\"", "--claim", "custom={\"a\":1}"))
    assert env_token["environment"] == "prod" and env_token["repository"] == "acme/app"
    assert env_token["run_attempt"] == "3" and env_token["custom"] == {"a": 1}

    k8s = jwt_claims(iss.token("--preset", "kubernetes", "--sub", "system:serviceaccount:apps:amazon-chat-sa"))
    assert k8s["sub"] == "system:serviceaccount:apps:amazon-chat-sa" and k8s["aud"] == ["sts.amazonaws.com"]
    ns = k8s["kubernetes.io"]
    assert ns["namespace"] == "apps" and ns["serviceaccount"]["name"] == "amazon-chat-sa"
    assert len(ns["serviceaccount"]["uid"]) == 36 and ns["pod"]["uid"]

    for args in (["--preset", "kubernetes", "--sub", "amazon-chat-sa"],
                 ["--preset", "github-actions", "--sub", "octo-org/octo-repo"],
                 ["--sub", "x"]):
        r = kw(home, "oidc", "token", "--data-dir", str(iss.dir), *args)
        assert r.returncode == 1 and r.stdout == "", (args, r.stdout)


def test_oidc_token_needs_an_issuer_url(home):
    r = kw(home, "oidc", "token", "--data-dir", str(home / "never-served"), "--sub", "a", "--aud", "b")
    assert r.returncode == 1 and "start `keyward oidc serve`" in r.stderr
    r = kw(home, "oidc", "token", "--data-dir", str(home / "never-served"), "--issuer", "http://127.0.0.1:9/",
           "--sub", "a", "--aud", "b", "--out", str(home / "t.jwt"))
    assert r.returncode == 0, r.stderr
    text = (home / "t.jwt").read_text()
    assert not text.endswith("\n") and jwt_claims(text)["iss"] == "http://127.0.0.1:9"


def test_bedrock_guide_web_identity_offline(server, home, procs):
    """The Bedrock guide's method 5: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE with a GitHub Actions
    token, and the role's trust policy conditioned on the issuer's `:aud` and `:sub` keys (as
    `token.actions.githubusercontent.com:sub` is on AWS). boto3 and the aws CLI get credentials from
    their own chain; a token for another repository is refused."""
    iss = LocalIssuer(home, procs)
    admin(server).create_open_id_connect_provider(Url=iss.url, ClientIDList=["sts.amazonaws.com"])
    trust = trust_web_identity(iss, aud="sts.amazonaws.com", sub=None, condition={
        "StringEquals": {f"{iss.host_path}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{iss.host_path}:sub": "repo:octo-org/octo-repo:*"}})
    role = make_role(server, "GitHubActionsRole", trust)
    token_file = home / "token"
    r = kw(home, "oidc", "token", "--data-dir", str(iss.dir), "--preset", "github-actions", "--out",
           str(token_file))
    assert r.returncode == 0, r.stderr

    c = Clients(server, home)
    env = c.env(AWS_ROLE_ARN=role["Arn"], AWS_WEB_IDENTITY_TOKEN_FILE=str(token_file),
                AWS_ROLE_SESSION_NAME="gha")
    b = c.boto3(env).ok()
    assert b["method"] == "assume-role-with-web-identity" and b["arn"] == session_arn(role["RoleName"], "gha")
    assert c.cli(env, "sts", "get-caller-identity").ok().json["Arn"] == session_arn(role["RoleName"], "gha")

    token_file.write_text(iss.token("--preset", "github-actions", "--sub", "repo:evil-org/octo-repo:ref:refs/heads/main"))
    b = c.boto3(env)
    assert b.rc == 1 and b["stage"] == "credentials" and b["code"] == "AccessDenied", b.data
    assert b["message"] == "Not authorized to perform sts:AssumeRoleWithWebIdentity"
    # The CLI caches role credentials in ~/.aws/cli/cache: without it, it asks again.
    shutil.rmtree(home / ".aws" / "cli" / "cache", ignore_errors=True)
    r = c.cli(env, "sts", "get-caller-identity")
    assert r.rc != 0 and "AccessDenied" in r.stderr and "Not authorized to perform sts:AssumeRoleWithWebIdentity" \
        in r.stderr


def test_kubernetes_irsa_token_assumes_its_role(server, home, procs):
    iss = LocalIssuer(home, procs)
    admin(server).create_open_id_connect_provider(Url=iss.url, ClientIDList=["sts.amazonaws.com"])
    sa = "system:serviceaccount:default:amazon-chat-sa"
    role = make_role(server, "BedrockRole", trust_web_identity(iss, aud="sts.amazonaws.com", sub=sa))
    sts = server.sts()
    got = sts.assume_role_with_web_identity(RoleArn=role["Arn"], RoleSessionName="irsa",
                                            WebIdentityToken=iss.token("--preset", "kubernetes", "--sub", sa))
    assert got["SubjectFromWebIdentityToken"] == sa
    with pytest.raises(Exception) as e:
        sts.assume_role_with_web_identity(RoleArn=role["Arn"], RoleSessionName="irsa",
                                          WebIdentityToken=iss.token("--preset", "kubernetes"))
    assert "AccessDenied" in str(e.value)


# ---------------------------------------------------------------------------
# the default data dir, and colour
# ---------------------------------------------------------------------------
def test_serve_defaults_to_the_xdg_data_dir_and_configure_finds_it(home, procs, tmp_path):
    port = free_port()
    p = Proc(["serve", "--listen", f"127.0.0.1:{port}"], clean_env(home), tmp_path)
    procs.append(p)
    line = p.wait_for_line("Data directory: ")
    expected = home / ".local" / "share" / "keyward"
    assert line == f"Data directory: {expected}"
    wait_healthy(f"http://127.0.0.1:{port}", p)
    assert (expected / "root-credentials").exists()
    # `configure` without --data-dir reads the same directory.
    r = kw(home, "configure", "--endpoint-url", f"http://127.0.0.1:{port}", "--yes")
    assert r.returncode == 0, r.stderr
    # `oidc` keeps its keys there too.
    r = kw(home, "oidc", "token", "--issuer", "http://127.0.0.1:9", "--sub", "a", "--aud", "b")
    assert r.returncode == 0 and (expected / "oidc-issuer" / "keys.json").exists(), r.stderr
    p.stop()
    # `migrate` without --store migrates that directory's store (and creates no other).
    before = sorted(p.name for p in home.iterdir())
    r = kw(home, "migrate")
    assert r.returncode == 0 and r.stdout.startswith("store schema at version "), r.stderr
    assert sorted(p.name for p in home.iterdir()) == before
    r = kw(home, "migrate", env=clean_env(tmp_path / "no-such-home"))
    assert r.returncode == 1, r.stdout

    xdg = tmp_path / "xdg"
    port = free_port()
    p = Proc(["serve", "--listen", f"127.0.0.1:{port}"], clean_env(home, XDG_DATA_HOME=str(xdg)), tmp_path)
    procs.append(p)
    assert p.wait_for_line("Data directory: ") == f"Data directory: {xdg / 'keyward'}"


def _stderr_on_a_terminal(home: Path, env: dict[str, str]) -> bytes:
    """`keyward serve`'s first log lines with its stderr on a pseudo-terminal."""
    master, slave = pty.openpty()
    port = free_port()
    proc = subprocess.Popen([keyward_bin(), "serve", "--listen", f"127.0.0.1:{port}", "--data-dir",
                             str(home / f"d{port}")], env=env, stdout=subprocess.DEVNULL, stderr=slave,
                            cwd=str(home))
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 30
    try:
        while b"listening" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)
        os.close(master)
    assert b"listening" in seen, seen
    return seen


def test_logs_are_coloured_only_on_a_terminal_without_no_color(home, tmp_path):
    assert b"\x1b[" in _stderr_on_a_terminal(home, clean_env(home))
    assert b"\x1b[" not in _stderr_on_a_terminal(home, clean_env(home, NO_COLOR="1"))
    port = free_port()
    p = Proc(["serve", "--listen", f"127.0.0.1:{port}", "--data-dir", str(home / "piped")], clean_env(home),
             tmp_path)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", p)
        deadline = time.monotonic() + 10
        while b"listening" not in p.err.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert b"listening" in p.err.read_bytes() and b"\x1b[" not in p.err.read_bytes()
    finally:
        p.stop()

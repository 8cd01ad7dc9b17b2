"""Helpers for the credential-chain tests (issue 5): real clients that get their credentials through
their OWN default chain, configured only by standard environment variables and files.

* `Clients(srv, home)` — a throw-away HOME with empty `~/.aws/config` / `~/.aws/credentials`, and
  three real clients run as subprocesses with a clean environment (nothing inherited from the
  developer's shell except PATH):
    - `boto3(env, *calls)`: `boto3.Session()` with no arguments, then `sts.get_caller_identity()` and
      IAM calls ("list-users", "get-user[:NAME]", "create-user:NAME");
    - `cli(env, *args)`: the `aws` CLI v1, WITHOUT --endpoint-url (AWS_ENDPOINT_URL is standard);
    - `probe(env, iam_call)`: the Rust SDK probe (crates/sdk-probe, aws-config's default chain).
  `env(**overrides)` is the base environment: region, AWS_ENDPOINT_URL of the server, the temporary
  config files, AWS_EC2_METADATA_DISABLED=true (override with None to unset a variable).
* role/trust-policy builders for the service principals and web identity;
* `start_imds_server` / `start_container_server`: a dedicated `keyward serve` with the credential
  endpoint flags (created plain first so that the role / instance profile exist, then restarted
  with the flags on the same data dir).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config

from conftest import (ACCOUNT_ID, CliResult, KeywardServer, KeywardServerWithArgs, aws_cli_path, free_port,
                      rand_suffix, sdk_probe_path)

USERS_RES = f"arn:aws:iam::{ACCOUNT_ID}:user/"
WEB_SUB = "repo:org/app:ref:refs/heads/main"
WEB_AUD = "my-client"


# ---------------------------------------------------------------------------
# boto3 clients for the tests themselves (not the clients under test): one boto3 Session, so the
# service models are loaded once, and one client per (endpoint, service, credentials).
# ---------------------------------------------------------------------------
_SESSION = boto3.session.Session()
_CLIENTS: dict[tuple, Any] = {}


def cached_client(srv: KeywardServer, service: str, creds: tuple[str, str] | None = None, token: str | None = None,
                  *, validate: bool = True, unsigned: bool = False):
    key = (srv.url, service, creds, token, validate, unsigned)
    c = _CLIENTS.get(key)
    if c is None:
        cfg = Config(retries={"total_max_attempts": 1}, parameter_validation=validate, connect_timeout=5,
                     read_timeout=60, signature_version=UNSIGNED if unsigned else None)
        kw: dict[str, Any] = {}
        if not unsigned:
            ak, sk = creds or srv.root
            kw = {"aws_access_key_id": ak, "aws_secret_access_key": sk, "aws_session_token": token}
        c = _SESSION.client(service, endpoint_url=srv.url, region_name="us-east-1", config=cfg, **kw)
        _CLIENTS[key] = c
    return c


def admin(srv: KeywardServer, service: str = "iam"):
    """The root user's client (like srv.iam() / srv.sts(), but built once)."""
    return cached_client(srv, service, srv.root)


# ---------------------------------------------------------------------------
# policy documents
# ---------------------------------------------------------------------------
def doc(*statements) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(*actions, resource="*", **extra) -> dict:
    return {"Effect": "Allow", "Action": list(actions), "Resource": resource, **extra}


def deny(*actions, resource="*", **extra) -> dict:
    return {"Effect": "Deny", "Action": list(actions), "Resource": resource, **extra}


# What every role / user under test may do: read users; nothing else.
READ_USERS = doc(allow("iam:ListUsers", "iam:GetUser"))


def trust_aws(principal_arn: str, external_id: str | None = None, actions=("sts:AssumeRole",)) -> str:
    st: dict[str, Any] = {"Effect": "Allow", "Principal": {"AWS": principal_arn}, "Action": list(actions)}
    if external_id is not None:
        st["Condition"] = {"StringEquals": {"sts:ExternalId": external_id}}
    return doc(st)


def trust_service(service: str, actions=("sts:AssumeRole",)) -> str:
    return doc({"Effect": "Allow", "Principal": {"Service": service}, "Action": list(actions)})


def trust_web_identity(issuer, aud: str = WEB_AUD, sub: str | None = WEB_SUB, *, account: str = ACCOUNT_ID,
                       condition: dict | None = None) -> str:
    hp = issuer.host_path
    cond = condition
    if cond is None:
        cond = {"StringEquals": {f"{hp}:aud": aud}}
        if sub is not None:
            cond["StringEquals"][f"{hp}:sub"] = sub
    st = {"Effect": "Allow", "Principal": {"Federated": issuer.provider_arn(account)},
          "Action": "sts:AssumeRoleWithWebIdentity"}
    if cond:
        st["Condition"] = cond
    return doc(st)


def role_arn(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT_ID}:role/{name}"


def session_arn(role: str, session: str) -> str:
    return f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/{session}"


def implicit(principal: str, action: str, resource: str, kind: str = "identity-based") -> str:
    return (f"User: {principal} is not authorized to perform: {action} on resource: {resource} "
            f"because no {kind} policy allows the {action} action")


def make_role(srv: KeywardServer, prefix: str, trust_doc: str, *, inline: str | None = READ_USERS,
              max_session: int | None = None) -> dict:
    iam = admin(srv)
    name = f"{prefix}-{rand_suffix()}"
    kw: dict[str, Any] = {"RoleName": name, "AssumeRolePolicyDocument": trust_doc}
    if max_session:
        kw["MaxSessionDuration"] = max_session
    role = iam.create_role(**kw)["Role"]
    if inline:
        iam.put_role_policy(RoleName=name, PolicyName="perms", PolicyDocument=inline)
    return role


def register_oidc_provider(srv: KeywardServer, issuer, client_ids=(WEB_AUD,)) -> str:
    """CreateOpenIDConnectProvider for the loopback issuer (idempotent per server)."""
    iam = admin(srv)
    try:
        return iam.create_open_id_connect_provider(Url=issuer.url, ClientIDList=list(client_ids))[
            "OpenIDConnectProviderArn"]
    except iam.exceptions.EntityAlreadyExistsException:
        arn = issuer.provider_arn(srv.account_id)
        have = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["ClientIDList"]
        for c in client_ids:
            if c not in have:
                iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID=c)
        return arn


# ---------------------------------------------------------------------------
# real clients in subprocesses
# ---------------------------------------------------------------------------
_BOTO3_SCRIPT = r"""
import json, sys
import boto3
from botocore.exceptions import ClientError

def fail(rc, **kw):
    print(json.dumps(kw)); sys.exit(rc)

s = boto3.Session()
try:
    c = s.get_credentials()
    f = c.get_frozen_credentials() if c is not None else None
except ClientError as e:  # the provider's own STS call (AssumeRole, AssumeRoleWithWebIdentity) failed
    fail(1, stage="credentials", error=f"ClientError: {e}", code=e.response["Error"].get("Code"),
         message=e.response["Error"].get("Message"))
except Exception as e:  # CredentialRetrievalError, PartialCredentialsError, ...
    fail(1, stage="credentials", error=f"{type(e).__name__}: {e}")
if c is None:
    fail(1, stage="credentials", error="NoCredentials")
out = {"method": c.method, "access_key_id": f.access_key, "has_token": bool(f.token)}
try:
    i = s.client("sts").get_caller_identity()
except ClientError as e:
    fail(2, stage="get-caller-identity", code=e.response["Error"].get("Code"),
         message=e.response["Error"].get("Message"), method=c.method)
except Exception as e:
    fail(2, stage="get-caller-identity", error=f"{type(e).__name__}: {e}", method=c.method)
out.update(arn=i["Arn"], account=i["Account"], user_id=i["UserId"])
iam = s.client("iam")
calls = []
for spec in sys.argv[1:]:
    op, _, arg = spec.partition(":")
    try:
        if op == "list-users":
            iam.list_users()
        elif op == "get-user":
            iam.get_user(UserName=arg) if arg else iam.get_user()
        elif op == "create-user":
            iam.create_user(UserName=arg)
        else:
            raise SystemExit(f"unknown call {spec}")
        calls.append({"call": spec, "ok": True, "code": None, "message": None, "status": 200})
    except ClientError as e:
        calls.append({"call": spec, "ok": False, "code": e.response["Error"].get("Code"),
                      "message": e.response["Error"].get("Message"),
                      "status": e.response["ResponseMetadata"]["HTTPStatusCode"]})
out["calls"] = calls
print(json.dumps(out))
"""


class RunResult:
    def __init__(self, proc: subprocess.CompletedProcess, what: str) -> None:
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.what = what
        self.data: dict[str, Any] = {}
        for line in reversed(proc.stdout.strip().splitlines()):
            try:
                self.data = json.loads(line)
                break
            except ValueError:
                continue

    def ok(self) -> "RunResult":
        assert self.rc == 0, (f"{self.what} failed rc={self.rc}\nstdout:\n{self.stdout}\nstderr:\n"
                              f"{self.stderr[-4000:]}")
        return self

    def __getitem__(self, k):
        return self.data[k]

    def get(self, k, d=None):
        return self.data.get(k, d)


class Clients:
    def __init__(self, srv: KeywardServer, home: Path) -> None:
        self.srv = srv
        self.home = Path(home)
        (self.home / ".aws").mkdir(parents=True, exist_ok=True)
        self.config_file = self.home / ".aws" / "config"
        self.credentials_file = self.home / ".aws" / "credentials"
        self.config_file.touch()
        self.credentials_file.touch()

    def env(self, **overrides: str | None) -> dict[str, str]:
        e = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "AWS_CONFIG_FILE": str(self.config_file),
            "AWS_SHARED_CREDENTIALS_FILE": str(self.credentials_file),
            "AWS_DEFAULT_REGION": "us-east-1",  # boto3 / the CLI
            "AWS_REGION": "us-east-1",          # the Rust SDK (and the Bedrock guide)
            "AWS_ENDPOINT_URL": self.srv.url,
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_PAGER": "",
        }
        for k, v in overrides.items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
        return e

    def boto3(self, env: dict[str, str], *calls: str, timeout: float = 60) -> RunResult:
        proc = subprocess.run([sys.executable, "-c", _BOTO3_SCRIPT, *calls], env=env, capture_output=True,
                              text=True, timeout=timeout, cwd=str(self.home))
        return RunResult(proc, "boto3")

    def cli(self, env: dict[str, str], *args: str, timeout: float = 60) -> CliResult:
        cmd = [aws_cli_path(), "--output", "json", *args]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=str(self.home))
        return CliResult(proc)

    def probe(self, env: dict[str, str], iam_call: str | None = None, timeout: float = 60) -> RunResult:
        exe = sdk_probe_path()
        if not Path(exe).exists():
            pytest.fail(f"Rust SDK probe not found at {exe}: cargo build -p keyward-sdk-probe "
                        f"(or set KEYWARD_SDK_PROBE)")
        cmd = [exe] + (["--iam-call", iam_call] if iam_call else [])
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=str(self.home))
        return RunResult(proc, "keyward-sdk-probe")


# ---------------------------------------------------------------------------
# Common end-of-test checks: the identity, one allowed and one denied real call
# ---------------------------------------------------------------------------
def check_boto3(r: RunResult, arn: str | None, *, method: str, denied_principal: str | None = None,
                arn_re: str | None = None, new_user: str | None = None) -> dict:
    """`r` ran with calls ("list-users", "create-user:NEW"); list is allowed, create denied."""
    r.ok()
    assert r["method"] == method, r.data
    if arn is not None:
        assert r["arn"] == arn, r.data
    if arn_re is not None:
        assert re.fullmatch(arn_re, r["arn"]), r.data
    assert r["account"] == ACCOUNT_ID
    calls = {c["call"].split(":")[0]: c for c in r["calls"]}
    assert calls["list-users"]["ok"], calls
    cu = calls["create-user"]
    name = cu["call"].split(":", 1)[1]
    assert (cu["ok"], cu["code"], cu["status"]) == (False, "AccessDenied", 403), cu
    assert cu["message"] == implicit(denied_principal or r["arn"], "iam:CreateUser", USERS_RES + name), cu
    return r.data


def check_cli(c: Clients, env: dict[str, str], arn: str | None, *, arn_re: str | None = None,
              allowed_call: bool = False) -> str:
    """get-caller-identity, then iam create-user (denied); with allowed_call also iam list-users (the
    allowed call is made by boto3 and the Rust probe in every case; the CLI is the slowest client)."""
    ident = c.cli(env, "sts", "get-caller-identity").ok().json
    if arn is not None:
        assert ident["Arn"] == arn, ident
    if arn_re is not None:
        assert re.fullmatch(arn_re, ident["Arn"]), ident
    assert ident["Account"] == ACCOUNT_ID
    if allowed_call:
        c.cli(env, "iam", "list-users").ok()
    name = f"cli-denied-{rand_suffix()}"
    r = c.cli(env, "iam", "create-user", "--user-name", name)
    assert r.rc != 0, r.stdout
    assert r.error == ("AccessDenied", implicit(ident["Arn"], "iam:CreateUser", USERS_RES + name))
    return ident["Arn"]


def check_probe(c: Clients, env: dict[str, str], arn: str | None, *, arn_re: str | None = None) -> str:
    ok = c.probe(env, "list-users").ok()
    if arn is not None:
        assert ok["arn"] == arn, ok.data
    if arn_re is not None:
        assert re.fullmatch(arn_re, ok["arn"]), ok.data
    assert ok["account"] == ACCOUNT_ID
    assert ok["call"]["ok"] is True, ok.data
    name = f"rs-denied-{rand_suffix()}"
    no = c.probe(env, f"create-user:{name}").ok()
    if arn is not None:
        assert no["arn"] == arn, no.data
    if arn_re is not None:  # (a session name the SDK made up differs per process)
        assert re.fullmatch(arn_re, no["arn"]), no.data
    assert (no["call"]["ok"], no["call"]["code"]) == (False, "AccessDenied"), no.data
    assert no["call"]["message"] == implicit(no["arn"], "iam:CreateUser", USERS_RES + name), no.data
    return ok["arn"]


# ---------------------------------------------------------------------------
# Dedicated servers with a credential endpoint
# ---------------------------------------------------------------------------
class ImdsSetup:
    def __init__(self, srv: KeywardServerWithArgs, role: dict, profile: dict, port: int) -> None:
        self.srv, self.role, self.profile, self.port = srv, role, profile, port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def imds_args(port: int, profile_name: str, allow_v1: bool = False) -> list[str]:
    a = ["--imds-listen", f"127.0.0.1:{port}", "--imds-instance-profile", profile_name]
    return a + (["--imds-allow-v1"] if allow_v1 else [])


def start_imds_server(workdir: Path, *, trusted: bool = True, allow_v1: bool = False) -> ImdsSetup:
    srv = KeywardServerWithArgs(workdir)
    srv.start()
    trust = trust_service("ec2.amazonaws.com") if trusted else trust_service("lambda.amazonaws.com")
    role = make_role(srv, "ec2-role" if trusted else "not-ec2-role", trust)
    iam = admin(srv)
    pname = f"ec2-profile-{rand_suffix()}"
    profile = iam.create_instance_profile(InstanceProfileName=pname)["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName=pname, RoleName=role["RoleName"])
    port = free_port()
    srv.restart_with(imds_args(port, pname, allow_v1))
    return ImdsSetup(srv, role, profile, port)


class ContainerSetup:
    def __init__(self, srv: KeywardServerWithArgs, role: dict, port: int, token_file: Path) -> None:
        self.srv, self.role, self.port, self.token_file = srv, role, port, token_file

    @property
    def full_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}/v2/credentials"

    def token(self) -> str:
        return self.token_file.read_text().strip()


def container_args(port: int, role_name: str, token_file: Path, service: str | None = None) -> list[str]:
    a = ["--container-listen", f"127.0.0.1:{port}", "--container-role", role_name,
         "--container-token-file", str(token_file)]
    return a + (["--container-service", service] if service else [])


def start_container_server(workdir: Path, *, service: str | None = None, trust: str | None = None,
                           token: str | None = None) -> ContainerSetup:
    srv = KeywardServerWithArgs(workdir)
    srv.start()
    if trust is None:
        trust = (trust_service("pods.eks.amazonaws.com", ("sts:AssumeRole", "sts:TagSession"))
                 if service == "eks" else trust_service("ecs-tasks.amazonaws.com"))
    role = make_role(srv, f"{service or 'ecs'}-task-role", trust)
    token_file = Path(workdir) / "container-token"
    if token is not None:
        token_file.write_text(token)
        token_file.chmod(0o600)
    port = free_port()
    srv.restart_with(container_args(port, role["RoleName"], token_file, service))
    return ContainerSetup(srv, role, port, token_file)

"""`keyward doctor` agrees with the guides it names (issue 19), against a running `keyward serve`,
each test with a fresh HOME.

- `--workload braket|keyspaces|bedrock` checks each guide's own recommended policy statement by
  statement, actions *with* their resources: run as the guide's user with exactly the guide's
  policy every check is allowed; without one statement exactly that statement's checks are
  denied, and the denial names the statement.
- A caller that may not simulate itself is told once, the exit status is 1, and
  `--simulate-with-profile PROFILE` works.
- The traps a newcomer meets following the guides literally, one test each: a temporary key
  without its session token, a profile hidden by `AWS_SHARED_CREDENTIALS_FILE`/`AWS_CONFIG_FILE`,
  `AWS_ROLE_ARN` without a token file and `AWS_EXTERNAL_ID`, calls going to AWS while a Keyward
  profile exists, and aws CLI role credentials cached against another server.

The guides are the three seeds (`tests/data/guides/*.json` are their policies verbatim); the
Keyspaces guide attaches the AWS managed policy AmazonKeyspacesReadOnlyAccess, served by Keyward
from its copy of AWS's managed policies.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ACCOUNT_ID, aws_cli_path, keyward_bin, make_user, rand_suffix

GUIDES = Path(__file__).resolve().parents[1] / "data" / "guides"
BUCKET = "your-braket-results-bucket"
KEYSPACES_READ_ONLY = "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess"


def guide_policy(name: str) -> dict:
    return json.loads((GUIDES / name).read_text())


def run_doctor(home: Path, env_extra: dict[str, str], *args: str, output: str = "json"):
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    env.update(env_extra)
    proc = subprocess.run(
        [keyward_bin(), "doctor", "--output", output, *args],
        env=env, capture_output=True, text=True, timeout=120,
    )
    report = json.loads(proc.stdout) if output == "json" and proc.stdout.strip() else proc.stdout
    return proc.returncode, report, proc


def codes(report) -> list[str]:
    return [f["code"] for f in report["findings"]]


def write_aws_files(home: Path, config: str = "", credentials: str = "") -> None:
    (home / ".aws").mkdir(parents=True, exist_ok=True)
    (home / ".aws" / "config").write_text(config)
    (home / ".aws" / "credentials").write_text(credentials)


def guide_user(srv, prefix: str, policy: dict | None = None, managed: str | None = None):
    """A user as the guides make one: create-user, create-policy, attach-user-policy, create-access-key."""
    user = make_user(srv, prefix)
    iam = srv.iam()
    if policy is not None:
        arn = iam.create_policy(PolicyName=f"{prefix}-{rand_suffix()}", PolicyDocument=json.dumps(policy))["Policy"]["Arn"]
        iam.attach_user_policy(UserName=user.name, PolicyArn=arn)
    if managed is not None:
        iam.attach_user_policy(UserName=user.name, PolicyArn=managed)
    return user


def as_profile(home: Path, srv, user, name: str = "guide-user") -> dict[str, str]:
    """The user's keys in ~/.aws/credentials, the server's root as [admin] (who may simulate)."""
    ak, sk = user.creds
    rak, rsk = srv.root
    write_aws_files(
        home,
        config=f"[profile {name}]\nregion = us-east-1\n[profile admin]\nregion = us-east-1\n",
        credentials=(
            f"[{name}]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n"
            f"[admin]\naws_access_key_id = {rak}\naws_secret_access_key = {rsk}\n"
        ),
    )
    return {"AWS_PROFILE": name, "AWS_ENDPOINT_URL": srv.url}


def decisions(report) -> list[tuple[str, str, str]]:
    return [(c["action"], c["resource"], c["decision"]) for c in report["checks"]]


# ---------------------------------------------------------------------------
# --workload braket
# ---------------------------------------------------------------------------
BRAKET_CHECKS = {
    1: [(a, "*") for a in ["braket:GetDevice", "braket:GetQuantumTask", "braket:SearchDevices",
                           "braket:CreateQuantumTask", "braket:CancelQuantumTask", "braket:GetDeviceAvailability"]],
    2: [("s3:GetObject", f"arn:aws:s3:::{BUCKET}/*"), ("s3:PutObject", f"arn:aws:s3:::{BUCKET}/*"),
        ("s3:DeleteObject", f"arn:aws:s3:::{BUCKET}/*"), ("s3:ListBucket", f"arn:aws:s3:::{BUCKET}")],
    3: [("pricing:GetProducts", "*"), ("pricing:DescribeServices", "*")],
}


def test_braket_guide_policy_allows_every_check(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, proc = run_doctor(tmp_path, env, "--workload", "braket", "--bucket", BUCKET, "--simulate-with-profile", "admin")
    assert rc == 0, proc.stdout + proc.stderr
    want = [(a, r, "allowed") for n in (1, 2, 3) for a, r in BRAKET_CHECKS[n]]
    assert decisions(report) == want
    for c in report["checks"]:
        n = next(n for n, cs in BRAKET_CHECKS.items() if (c["action"], c["resource"]) in cs)
        assert f"statement {n} (" in c["statement"] and "Braket guide" in c["statement"], c
    assert "error" not in {f["severity"] for f in report["findings"]}


def test_braket_text_report_names_the_statement(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, text, _ = run_doctor(tmp_path, env, "--workload", "braket", "--simulate-with-profile", "admin", output="text")
    assert rc == 0, text
    assert re.search(rf"allowed +s3:PutObject on arn:aws:s3:::{BUCKET}/\* ", text), text
    assert "from the Braket guide" in text and "statement 2 (the results bucket)" in text


@pytest.mark.parametrize("removed", [1, 2, 3])
def test_braket_without_one_statement_denies_exactly_its_checks(server, tmp_path, removed):
    policy = guide_policy("braket-policy.json")
    del policy["Statement"][removed - 1]
    user = guide_user(server, "braket-user", policy)
    env = as_profile(tmp_path, server, user)
    rc, report, proc = run_doctor(tmp_path, env, "--workload", "braket", "--bucket", BUCKET, "--simulate-with-profile", "admin")
    assert rc == 1
    denied = {(c["action"], c["resource"]) for c in report["checks"] if c["decision"] != "allowed"}
    assert denied == set(BRAKET_CHECKS[removed])
    assert all(c["decision"] == "implicitDeny" for c in report["checks"] if (c["action"], c["resource"]) in denied)
    findings = [f for f in report["findings"] if f["code"] == "access-denied"]
    assert len(findings) == len(BRAKET_CHECKS[removed])
    assert all(f"statement {removed} (" in f["message"] for f in findings), findings


def test_braket_bucket_parameter(server, tmp_path):
    """The guide's policy names its placeholder bucket; another bucket is not granted."""
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "braket", "--bucket", "my-real-bucket", "--simulate-with-profile", "admin")
    assert rc == 1
    denied = sorted(c["resource"] for c in report["checks"] if c["decision"] != "allowed")
    assert denied == ["arn:aws:s3:::my-real-bucket"] + ["arn:aws:s3:::my-real-bucket/*"] * 3


# ---------------------------------------------------------------------------
# --workload keyspaces (read-only: cassandra:Select)
# ---------------------------------------------------------------------------
def test_keyspaces_read_only_guide_policy_allows_every_check(server, tmp_path):
    user = guide_user(server, "keyspaces-user", managed=KEYSPACES_READ_ONLY)
    env = as_profile(tmp_path, server, user)
    rc, report, proc = run_doctor(tmp_path, env, "--workload", "keyspaces", "--keyspace", "catalog", "--simulate-with-profile", "admin")
    assert rc == 0, proc.stdout
    prefix = f"arn:aws:cassandra:us-east-1:{ACCOUNT_ID}:/keyspace/"
    assert decisions(report) == [
        ("cassandra:Select", prefix + "system/table/local", "allowed"),
        ("cassandra:Select", prefix + "system/table/peers", "allowed"),
        ("cassandra:Select", prefix + "catalog/table/*", "allowed"),
    ]
    assert all("AmazonKeyspacesReadOnlyAccess" in c["statement"] for c in report["checks"])
    assert all("AmazonKeyspacesReadOnlyAccess" in c["reason"] for c in report["checks"])


def test_keyspaces_without_the_select_statement_is_denied(server, tmp_path):
    """A copy of AmazonKeyspacesReadOnlyAccess without its first statement (cassandra:Select …)."""
    doc = server.iam().get_policy_version(PolicyArn=KEYSPACES_READ_ONLY, VersionId=server.iam().get_policy(
        PolicyArn=KEYSPACES_READ_ONLY)["Policy"]["DefaultVersionId"])["PolicyVersion"]["Document"]
    if isinstance(doc, str):
        doc = json.loads(doc)
    assert "cassandra:Select" in doc["Statement"][0]["Action"]
    del doc["Statement"][0]
    user = guide_user(server, "keyspaces-user", doc)
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "keyspaces", "--simulate-with-profile", "admin")
    assert rc == 1
    assert [c["decision"] for c in report["checks"]] == ["implicitDeny"] * 3
    assert report["checks"][2]["resource"].endswith("/keyspace/mykeyspace/table/*")
    denials = [f["message"] for f in report["findings"] if f["code"] == "access-denied"]
    assert len(denials) == 3 and all("statement 1 (cassandra:Select on *)" in m for m in denials)


def test_keyspaces_full_access_is_not_needed_and_modify_is_not_checked(server, tmp_path):
    user = guide_user(server, "keyspaces-user", managed=KEYSPACES_READ_ONLY)
    env = as_profile(tmp_path, server, user)
    _, report, _ = run_doctor(tmp_path, env, "--workload", "keyspaces", "--simulate-with-profile", "admin")
    assert {c["action"] for c in report["checks"]} == {"cassandra:Select"}


# ---------------------------------------------------------------------------
# --workload bedrock
# ---------------------------------------------------------------------------
HAIKU = "anthropic.claude-3-haiku-20240307-v1:0"


def test_bedrock_required_permissions_allow_every_check(server, tmp_path):
    user = guide_user(server, "bedrock-user", guide_policy("bedrock-all-models.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, proc = run_doctor(tmp_path, env, "--workload", "bedrock", "--simulate-with-profile", "admin")
    assert rc == 0, proc.stdout
    model = f"arn:aws:bedrock:us-east-1::foundation-model/{HAIKU}"
    assert decisions(report) == [
        ("bedrock:InvokeModel", model, "allowed"),
        ("bedrock:InvokeModelWithResponseStream", model, "allowed"),
    ]
    assert all('"Required Permissions"' in c["statement"] for c in report["checks"])


def test_bedrock_without_the_statement_is_denied_naming_it(server, tmp_path):
    user = guide_user(server, "bedrock-user")
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--simulate-with-profile", "admin")
    assert rc == 1
    assert [c["decision"] for c in report["checks"]] == ["implicitDeny", "implicitDeny"]
    denials = [f["message"] for f in report["findings"] if f["code"] == "access-denied"]
    assert len(denials) == 2 and all("statement 1 (invoke the foundation models)" in m for m in denials)


def test_bedrock_model_and_region_parameters(server, tmp_path):
    """The guide's model-specific policy grants two models in us-east-1 only."""
    user = guide_user(server, "bedrock-user", guide_policy("bedrock-model-specific.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--model", "anthropic.claude-3-sonnet-20240229-v1:0",
                               "--simulate-with-profile", "admin")
    assert rc == 0 and {c["decision"] for c in report["checks"]} == {"allowed"}
    _, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--model", "amazon.titan-text-express-v1",
                              "--simulate-with-profile", "admin")
    assert {c["decision"] for c in report["checks"]} == {"implicitDeny"}
    _, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--region", "eu-central-1", "--simulate-with-profile", "admin")
    assert [c["resource"] for c in report["checks"]] == [f"arn:aws:bedrock:eu-central-1::foundation-model/{HAIKU}"] * 2
    assert {c["decision"] for c in report["checks"]} == {"implicitDeny"}


def test_bedrock_region_condition_is_met_by_the_requested_region(server, tmp_path):
    """The guide's least-privilege policy conditions InvokeModel on aws:RequestedRegion; the
    workload simulates requests to the region, so the condition holds (and the stream action,
    which that policy leaves out, is denied)."""
    user = guide_user(server, "bedrock-user", guide_policy("bedrock-region-conditioned.json"))
    env = as_profile(tmp_path, server, user)
    _, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--simulate-with-profile", "admin")
    assert [c["decision"] for c in report["checks"]] == ["allowed", "implicitDeny"]


# ---------------------------------------------------------------------------
# Flags that do not go together
# ---------------------------------------------------------------------------
def test_resource_applies_to_actions_not_to_workloads(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, out, proc = run_doctor(tmp_path, env, "--workload", "braket", "--resource", "arn:aws:s3:::b/*", output="text")
    assert rc == 1 and out == ""
    assert "--resource is the resource of the --action checks" in proc.stderr
    assert "--bucket" in proc.stderr
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "braket", "--action", "s3:GetObject",
                               "--resource", "arn:aws:s3:::other/x", "--simulate-with-profile", "admin")
    first = report["checks"][0]
    assert (first["action"], first["resource"], first["decision"], first["statement"]) == (
        "s3:GetObject", "arn:aws:s3:::other/x", "implicitDeny", None)
    assert len(report["checks"]) == 13
    assert all(c["decision"] == "allowed" for c in report["checks"][1:])


def test_parameters_of_another_workload_are_refused(server, tmp_path):
    rc, _, proc = run_doctor(tmp_path, {}, "--workload", "keyspaces", "--bucket", BUCKET, output="text")
    assert rc == 1
    assert "--bucket is not a parameter of the keyspaces workload, which takes --keyspace, --region" in proc.stderr
    rc, _, proc = run_doctor(tmp_path, {}, "--model", HAIKU, output="text")
    assert rc == 1 and "--model is a parameter of a workload" in proc.stderr


# ---------------------------------------------------------------------------
# A caller that may not simulate itself
# ---------------------------------------------------------------------------
def test_caller_that_may_not_simulate_is_told_once(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "braket")
    assert rc == 1
    denied = [f for f in report["findings"] if f["code"] == "simulation-denied"]
    assert len(denied) == 1 and denied[0]["severity"] == "error"
    assert "--simulate-with-profile PROFILE" in denied[0]["message"]
    assert "none of the 12 checks ran" in denied[0]["message"]
    assert "access-denied" not in codes(report)
    assert {c["decision"] for c in report["checks"]} == {"error"}
    assert all(c["reason"] == "not simulated (simulation-denied)" for c in report["checks"])


def test_simulate_with_a_profile_that_may_not_simulate_either(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    other = make_user(server, "nobody")
    env = as_profile(tmp_path, server, user)
    creds = tmp_path / ".aws" / "credentials"
    creds.write_text(creds.read_text() + f"[nobody]\naws_access_key_id = {other.creds[0]}\naws_secret_access_key = {other.creds[1]}\n")
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--simulate-with-profile", "nobody")
    assert rc == 1
    denied = [f for f in report["findings"] if f["code"] == "simulation-denied"]
    assert len(denied) == 1 and "Profile nobody (--simulate-with-profile) may not simulate" in denied[0]["message"]


def test_simulate_with_a_missing_profile(server, tmp_path):
    user = guide_user(server, "braket-user", guide_policy("braket-policy.json"))
    env = as_profile(tmp_path, server, user)
    rc, report, _ = run_doctor(tmp_path, env, "--workload", "bedrock", "--simulate-with-profile", "nope")
    assert rc == 1
    msgs = [f["message"] for f in report["findings"] if f["code"] == "profile-not-found"]
    assert msgs and msgs[0].startswith("--simulate-with-profile nope: its credentials cannot be obtained")


def test_a_user_allowed_to_simulate_itself_needs_no_other_profile(server, tmp_path):
    policy = guide_policy("braket-policy.json")
    user = guide_user(server, "braket-user", policy)
    server.iam().put_user_policy(UserName=user.name, PolicyName="self-simulate", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "iam:SimulatePrincipalPolicy", "Resource": user.arn}],
    }))
    env = as_profile(tmp_path, server, user)
    rc, report, proc = run_doctor(tmp_path, env, "--workload", "braket")
    assert rc == 0, proc.stdout
    assert {c["decision"] for c in report["checks"]} == {"allowed"}


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------
def test_temporary_key_without_its_session_token(server, tmp_path):
    user = make_user(server, "temp")
    session = server.sts(user.creds).get_session_token()["Credentials"]
    env = {"AWS_ACCESS_KEY_ID": session["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": session["SecretAccessKey"],
           "AWS_ENDPOINT_URL": server.url}
    rc, report, proc = run_doctor(tmp_path, env)
    assert rc == 1
    assert "missing-session-token" in codes(report)
    assert "invalid-client-token-id" not in codes(report)
    msg = next(f["message"] for f in report["findings"] if f["code"] == "missing-session-token")
    assert "temporary key without its session token" in msg and "AWS_SESSION_TOKEN is not set" in msg
    assert session["SecretAccessKey"] not in proc.stdout
    env["AWS_SESSION_TOKEN"] = session["SessionToken"]
    rc, report, _ = run_doctor(tmp_path, env)
    assert rc == 0 and "missing-session-token" not in codes(report)


def test_temporary_key_without_token_in_the_credentials_file(server, tmp_path):
    user = make_user(server, "temp")
    session = server.sts(user.creds).get_session_token()["Credentials"]
    write_aws_files(tmp_path, credentials=f"[tmp]\naws_access_key_id = {session['AccessKeyId']}\naws_secret_access_key = {session['SecretAccessKey']}\n")
    rc, report, _ = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "tmp"})
    assert rc == 1
    msg = next(f["message"] for f in report["findings"] if f["code"] == "missing-session-token")
    assert "the profile has no aws_session_token" in msg and f"{tmp_path}/.aws/credentials:2" in msg


def test_profile_hidden_by_aws_shared_credentials_file(server, tmp_path):
    """The Braket guide's ~/.aws/credentials with [braket-profile], while an exported
    AWS_SHARED_CREDENTIALS_FILE points at another file."""
    write_aws_files(
        tmp_path,
        config="[default]\nregion = us-east-1\n",
        credentials="[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = x\n\n"
                    "[braket-profile]\naws_access_key_id = AKIABRAKETBRAKETB01\naws_secret_access_key = y\n",
    )
    other = tmp_path / "keyward-credentials"
    ak, sk = server.root
    other.write_text(f"[default]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n")
    rc, report, _ = run_doctor(tmp_path, {"AWS_SHARED_CREDENTIALS_FILE": str(other), "AWS_PROFILE": "braket-profile"}, "--offline")
    assert rc == 1
    msg = next(f["message"] for f in report["findings"] if f["code"] == "profile-not-found")
    assert f"searched {tmp_path}/.aws/config (~/.aws/config) and {other} (from AWS_SHARED_CREDENTIALS_FILE)" in msg
    assert f"[braket-profile] is in {tmp_path}/.aws/credentials:5, which is not read because AWS_SHARED_CREDENTIALS_FILE points to {other}" in msg


def test_profile_hidden_by_aws_config_file(server, tmp_path):
    write_aws_files(tmp_path, config="[profile bedrock-dev]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = default\n")
    other = tmp_path / "elsewhere-config"
    other.write_text("[default]\nregion = us-east-1\n")
    rc, report, _ = run_doctor(tmp_path, {"AWS_CONFIG_FILE": str(other), "AWS_PROFILE": "bedrock-dev"}, "--offline")
    assert rc == 1
    msg = next(f["message"] for f in report["findings"] if f["code"] == "profile-not-found")
    assert f"{other} (from AWS_CONFIG_FILE)" in msg and f"{tmp_path}/.aws/credentials (~/.aws/credentials)" in msg
    assert f"[profile bedrock-dev] is in {tmp_path}/.aws/config:1, which is not read because AWS_CONFIG_FILE points to {other}" in msg


def test_role_arn_and_external_id_variables_are_not_read_by_sdks(server, tmp_path):
    """The Bedrock guide's "Role Assumption" configuration: AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME,
    AWS_EXTERNAL_ID and base keys. The SDKs use the base keys; no role is assumed."""
    user = make_user(server, "base")
    env = {
        "AWS_ROLE_ARN": f"arn:aws:iam::{ACCOUNT_ID}:role/BedrockAccessRole",
        "AWS_ROLE_SESSION_NAME": "amazon-chat-session",
        "AWS_EXTERNAL_ID": "unique-external-id",
        "AWS_ACCESS_KEY_ID": user.creds[0],
        "AWS_SECRET_ACCESS_KEY": user.creds[1],
        "AWS_ENDPOINT_URL": server.url,
    }
    rc, report, _ = run_doctor(tmp_path, env)
    assert rc == 0, "warnings only: the base credentials work"
    found = {f["code"]: f for f in report["findings"]}
    assert found["role-arn-ignored"]["severity"] == "warning"
    assert "without AWS_WEB_IDENTITY_TOKEN_FILE" in found["role-arn-ignored"]["message"]
    assert "no AWS SDK or CLI reads it" in found["external-id-ignored"]["message"]
    assert report["identity"]["arn"] == user.arn
    assert report["credentials"]["source"] == "environment"


def test_endpoint_going_to_aws_while_a_keyward_profile_exists(server, tmp_path):
    write_aws_files(
        tmp_path,
        config=f"[profile keyward]\nendpoint_url = {server.url}\nregion = us-east-1\n",
        credentials="[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = x\n",
    )
    rc, report, _ = run_doctor(tmp_path, {}, "--offline")
    assert report["endpoint"]["url"] == "https://sts.us-east-1.amazonaws.com"
    msg = next(f["message"] for f in report["findings"] if f["code"] == "endpoint-is-aws")
    assert f'"keyward" ({server.url} at {tmp_path}/.aws/config:2)' in msg
    assert "AWS_PROFILE or --profile" in msg
    _, report, _ = run_doctor(tmp_path, {"AWS_PROFILE": "keyward"}, "--offline")
    assert "endpoint-is-aws" not in codes(report)
    assert report["endpoint"]["url"] == server.url


def _role_setup(srv, role_name: str, user_name: str):
    iam = srv.iam()
    user = iam.create_user(UserName=user_name)["User"]
    key = iam.create_access_key(UserName=user_name)["AccessKey"]
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": user["Arn"]}, "Action": "sts:AssumeRole"}]}
    arn = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_user_policy(UserName=user_name, PolicyName="assume", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": arn}]}))
    return arn, (key["AccessKeyId"], key["SecretAccessKey"])


def test_cli_cached_role_credentials_from_another_server(server, fresh_server, tmp_path):
    """The aws CLI caches a role profile's credentials in ~/.aws/cli/cache keyed by the role
    arguments, not the endpoint: after using the profile against another server, the CLI keeps
    sending that server's credentials (InvalidClientTokenId) until they expire."""
    suffix = rand_suffix()
    role, user = f"deploy-{suffix}", f"deployer-{suffix}"
    arn_other, keys_other = _role_setup(fresh_server, role, user)
    arn_here, keys_here = _role_setup(server, role, user)
    assert arn_other == arn_here
    config = f"[profile deploy]\nrole_arn = {arn_here}\nsource_profile = base\nregion = us-east-1\n"
    write_aws_files(tmp_path, config=config,
                    credentials=f"[base]\naws_access_key_id = {keys_other[0]}\naws_secret_access_key = {keys_other[1]}\n")
    cli_env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "AWS_PROFILE": "deploy",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": ""}
    first = subprocess.run([aws_cli_path(), "sts", "get-caller-identity"],
                           env={**cli_env, "AWS_ENDPOINT_URL": fresh_server.url}, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    cache = list((tmp_path / ".aws" / "cli" / "cache").glob("*.json"))
    assert len(cache) == 1
    write_aws_files(tmp_path, config=config,
                    credentials=f"[base]\naws_access_key_id = {keys_here[0]}\naws_secret_access_key = {keys_here[1]}\n")
    again = subprocess.run([aws_cli_path(), "sts", "get-caller-identity"],
                           env={**cli_env, "AWS_ENDPOINT_URL": server.url}, capture_output=True, text=True, timeout=60)
    assert again.returncode != 0 and "InvalidClientTokenId" in again.stderr, "the trap is real"
    rc, report, proc = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "deploy"})
    assert rc == 1
    assert report["identity"]["arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/")
    msg = next(f["message"] for f in report["findings"] if f["code"] == "stale-cli-cache")
    assert str(cache[0]) in msg and "another server issued them" in msg
    cached_secret = json.loads(cache[0].read_text())["Credentials"]["SecretAccessKey"]
    assert cached_secret not in proc.stdout
    cache[0].unlink()
    rc, report, proc = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "deploy"})
    assert rc == 0, proc.stdout
    assert "stale-cli-cache" not in codes(report)


def test_cli_cache_from_this_server_is_fine(server, tmp_path):
    role, user = f"deploy-{rand_suffix()}", f"deployer-{rand_suffix()}"
    arn, keys = _role_setup(server, role, user)
    write_aws_files(tmp_path, config=f"[profile deploy]\nrole_arn = {arn}\nsource_profile = base\nregion = us-east-1\n",
                    credentials=f"[base]\naws_access_key_id = {keys[0]}\naws_secret_access_key = {keys[1]}\n")
    cli_env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "AWS_PROFILE": "deploy",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": ""}
    done = subprocess.run([aws_cli_path(), "sts", "get-caller-identity"],
                          env={**cli_env, "AWS_ENDPOINT_URL": server.url}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / ".aws" / "cli" / "cache").glob("*.json"))
    rc, report, proc = run_doctor(tmp_path, {"AWS_ENDPOINT_URL": server.url, "AWS_PROFILE": "deploy"})
    assert rc == 0, proc.stdout
    assert "stale-cli-cache" not in codes(report)

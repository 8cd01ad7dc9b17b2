"""Issue 5 acceptance: every authentication method of the Bedrock guide ("Amazon Chat Completions
Server", AWS Authentication Guide, "Authentication Methods" 1-5 and "Production Deployment"),
with REAL clients that find their credentials through their OWN default credential chain,
configured by nothing but the standard environment variables and config files:

  1. static credentials in env          AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
  2. AWS profile                        AWS_PROFILE + ~/.aws/credentials + ~/.aws/config
  3. IAM roles: EC2 instance profile    AWS_EC2_METADATA_SERVICE_ENDPOINT (IMDSv2)
                ECS/Fargate task role   AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]
                Lambda execution role   AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN
  4. role assumption with an external id: `aws sts assume-role --external-id`, and a profile with
                                        role_arn + source_profile + external_id
  5. web identity (OIDC)                AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, token signed by
                                        a test issuer on loopback (oidc_issuer.py)

Clients: boto3 (`boto3.Session()` with no arguments, in a subprocess with a clean environment), the
`aws` CLI v1 (a subprocess, throw-away HOME; AWS_ENDPOINT_URL instead of --endpoint-url), and the
Rust SDK (`keyward-sdk-probe`, aws-config's default chain). Every case ends with get-caller-identity
showing the exact ARN, then a real call allowed by the identity's policies (iam:ListUsers) and one
denied (iam:CreateUser: AccessDenied with AWS's message naming the principal).

The guide's "AWS_ROLE_ARN + AWS_EXTERNAL_ID + base keys" variant (method 4) is read by the guide's
own server code, not by any SDK (no SDK reads AWS_EXTERNAL_ID); the SDK-standard forms of role
assumption with an external id are tested instead, as the issue asks.

Region: boto3/CLI read AWS_DEFAULT_REGION (botocore ignores AWS_REGION), the Rust SDK AWS_REGION;
both are set, as the guide's AWS_REGION alone would not configure boto3.
"""

from __future__ import annotations

import re
import shutil

import pytest

from chain_helpers import (WEB_SUB, Clients, admin, allow, cached_client, check_boto3, check_cli, check_probe, doc,
                           make_role, register_oidc_provider, session_arn, start_container_server, start_imds_server,
                           trust_aws, trust_web_identity)
from conftest import ACCOUNT_ID, make_user, rand_suffix

ASIA_RE = re.compile(r"ASIA[A-Z0-9]{16}")
INSTANCE_ID_RE = r"i-[0-9a-f]{8,17}"

@pytest.fixture(scope="module")
def server(module_server):
    """This module's own server (conftest.module_server), not the session-wide one."""
    return module_server


@pytest.fixture
def clients(server, tmp_path):
    return Clients(server, tmp_path / "home")


def _user_reading_users(server, prefix):
    u = make_user(server, prefix)
    admin(server).put_user_policy(UserName=u.name, PolicyName="read-users",
                                 PolicyDocument=doc(allow("iam:ListUsers", "iam:GetUser")))
    return u


def _create(prefix="denied"):
    return f"create-user:{prefix}-{rand_suffix()}"


# ---------------------------------------------------------------------------
# 1. Static credentials in the environment
# ---------------------------------------------------------------------------
def test_static_keys_in_env(server, clients):
    u = _user_reading_users(server, "static")
    env = clients.env(AWS_ACCESS_KEY_ID=u.creds[0], AWS_SECRET_ACCESS_KEY=u.creds[1])
    r = clients.boto3(env, "list-users", _create())
    check_boto3(r, u.arn, method="env")
    assert r["access_key_id"] == u.creds[0] and r["has_token"] is False
    assert r["user_id"] == u.user["UserId"]
    check_cli(clients, env, u.arn, allowed_call=True)
    check_probe(clients, env, u.arn)
    # A wrong secret in the environment is refused, not silently replaced by another source.
    bad = clients.env(AWS_ACCESS_KEY_ID=u.creds[0], AWS_SECRET_ACCESS_KEY="x" * 40)
    r = clients.cli(bad, "sts", "get-caller-identity")
    assert r.rc != 0 and r.error[0] == "SignatureDoesNotMatch"


# ---------------------------------------------------------------------------
# 2. AWS_PROFILE with credentials and config files
# ---------------------------------------------------------------------------
def test_aws_profile_with_credentials_and_config_files(server, clients):
    u = _user_reading_users(server, "profile")
    other = make_user(server, "profile-other")  # the default profile: must NOT be used
    clients.credentials_file.write_text(
        f"[default]\naws_access_key_id = {other.creds[0]}\naws_secret_access_key = {other.creds[1]}\n\n"
        f"[my-profile]\naws_access_key_id = {u.creds[0]}\naws_secret_access_key = {u.creds[1]}\n")
    # The region comes from the profile's config section, not from the environment.
    clients.config_file.write_text("[default]\nregion = eu-west-1\n\n[profile my-profile]\nregion = us-east-1\n"
                                   "output = json\n")
    env = clients.env(AWS_PROFILE="my-profile", AWS_DEFAULT_REGION=None, AWS_REGION=None)
    r = clients.boto3(env, "list-users", _create())
    check_boto3(r, u.arn, method="shared-credentials-file")
    assert r["access_key_id"] == u.creds[0]
    check_cli(clients, env, u.arn)
    check_probe(clients, env, u.arn)
    # Without AWS_PROFILE the default profile's user is used (and it may not list users).
    env_default = clients.env(AWS_DEFAULT_REGION=None, AWS_REGION=None)
    assert clients.cli(env_default, "sts", "get-caller-identity").ok().json["Arn"] == other.arn
    assert clients.probe(env_default).ok()["arn"] == other.arn


# ---------------------------------------------------------------------------
# 3a. EC2 instance role through the instance metadata service (IMDSv2)
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def imds(tmp_path_factory):
    setup = start_imds_server(tmp_path_factory.mktemp("kw-imds-chain"))
    yield setup
    setup.srv.kill()


def test_ec2_instance_role_via_imds(imds, tmp_path):
    c = Clients(imds.srv, tmp_path / "home")
    role = imds.role["RoleName"]
    env = c.env(AWS_EC2_METADATA_DISABLED=None, AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url,
                AWS_EC2_METADATA_V1_DISABLED="true")
    arn_re = rf"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{re.escape(role)}/{INSTANCE_ID_RE}"
    r = c.boto3(env, "list-users", _create())
    d = check_boto3(r, None, method="iam-role", arn_re=arn_re)
    assert ASIA_RE.fullmatch(d["access_key_id"]) and d["has_token"]
    assert d["user_id"] == f"{imds.role['RoleId']}:{d['arn'].rsplit('/', 1)[1]}"
    # The Rust SDK: IMDSv2 only (it never falls back to v1), same instance, same role.
    arn_rs = check_probe(c, env, None, arn_re=arn_re)
    assert arn_rs.rsplit("/", 1)[1] == d["arn"].rsplit("/", 1)[1]
    # The aws CLI too.
    check_cli(c, env, d["arn"])
    # With the metadata service disabled (the suite's default), nothing is found.
    r = c.boto3(c.env(AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url))
    assert r.rc == 1 and r["stage"] == "credentials", r.stdout


def test_profile_role_chained_from_the_instance_role(imds, tmp_path):
    """`credential_source = Ec2InstanceMetadata` + `role_arn`: the instance role assumes another role
    (AWS SDKs and Tools reference, "Assume role credentials"); boto3, the CLI and the Rust SDK."""
    c = Clients(imds.srv, tmp_path / "home")
    target = make_role(imds.srv, "from-ec2", trust_aws(imds.role["Arn"]))
    c.config_file.write_text(f"[profile via-ec2]\nrole_arn = {target['Arn']}\ncredential_source = Ec2InstanceMetadata\n"
                             f"role_session_name = via-ec2\nregion = us-east-1\n")
    env = c.env(AWS_EC2_METADATA_DISABLED=None, AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url, AWS_PROFILE="via-ec2",
                AWS_DEFAULT_REGION=None, AWS_REGION=None)
    arn = session_arn(target["RoleName"], "via-ec2")
    check_boto3(c.boto3(env, "list-users", _create()), arn, method="assume-role")
    check_cli(c, env, arn)
    check_probe(c, env, arn)


def test_ec2_role_not_trusting_ec2_gives_no_credentials(tmp_path):
    setup = start_imds_server(tmp_path / "srv", trusted=False)
    try:
        c = Clients(setup.srv, tmp_path / "home")
        env = c.env(AWS_EC2_METADATA_DISABLED=None, AWS_EC2_METADATA_SERVICE_ENDPOINT=setup.url)
        r = c.boto3(env)
        assert r.rc == 1 and r["stage"] == "credentials", (r.stdout, r.stderr[-2000:])
        r = c.probe(env)
        assert r.rc == 1 and r["stage"] == "credentials", (r.stdout, r.stderr[-2000:])
    finally:
        setup.srv.kill()


# ---------------------------------------------------------------------------
# 3b. ECS task role through the container credentials endpoint
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ecs(tmp_path_factory):
    setup = start_container_server(tmp_path_factory.mktemp("kw-ecs-chain"))
    yield setup
    setup.srv.kill()


def test_ecs_task_role_via_container_endpoint(ecs, tmp_path):
    c = Clients(ecs.srv, tmp_path / "home")
    role = ecs.role["RoleName"]
    arn_re = rf"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{re.escape(role)}/[\w+=,.@-]{{2,64}}"
    assert ecs.token_file.exists(), "the server creates the token file"
    # The token from a file (EKS Pod Identity / ECS agent style) ...
    env_file = c.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=ecs.full_uri,
                     AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=str(ecs.token_file))
    # ... or in the environment.
    env_tok = c.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=ecs.full_uri, AWS_CONTAINER_AUTHORIZATION_TOKEN=ecs.token())
    for env in (env_file, env_tok):
        r = c.boto3(env, "list-users", _create())
        d = check_boto3(r, None, method="container-role", arn_re=arn_re)
        assert ASIA_RE.fullmatch(d["access_key_id"]) and d["has_token"]
    check_cli(c, env_file, None, arn_re=arn_re, allowed_call=True)
    check_probe(c, env_file, None, arn_re=arn_re)
    check_probe(c, env_tok, None, arn_re=arn_re)
    # A wrong token: the endpoint refuses, and the clients find no credentials.
    env_bad = c.env(AWS_CONTAINER_CREDENTIALS_FULL_URI=ecs.full_uri, AWS_CONTAINER_AUTHORIZATION_TOKEN="wrong-token")
    r = c.boto3(env_bad)
    assert r.rc == 1 and r["stage"] == "credentials", r.stdout
    r = c.probe(env_bad)
    assert r.rc == 1 and r["stage"] == "credentials", r.stdout


# ---------------------------------------------------------------------------
# 3c. Lambda execution role: session credentials in the environment
# ---------------------------------------------------------------------------
def test_lambda_style_session_credentials_in_env(server, clients):
    u = make_user(server, "lambda-deployer")
    fn = f"fn-{rand_suffix()}"
    role = make_role(server, "lambda-exec", trust_aws(u.arn))
    out = cached_client(server, "sts", u.creds).assume_role(RoleArn=role["Arn"], RoleSessionName=fn, DurationSeconds=900)
    cr = out["Credentials"]
    arn = session_arn(role["RoleName"], fn)
    # What the Lambda runtime puts in the function's environment.
    env = clients.env(AWS_ACCESS_KEY_ID=cr["AccessKeyId"], AWS_SECRET_ACCESS_KEY=cr["SecretAccessKey"],
                      AWS_SESSION_TOKEN=cr["SessionToken"], AWS_LAMBDA_FUNCTION_NAME=fn)
    r = clients.boto3(env, "list-users", _create())
    d = check_boto3(r, arn, method="env")
    assert d["has_token"] and d["user_id"] == f"{role['RoleId']}:{fn}"
    check_cli(clients, env, arn)
    check_probe(clients, env, arn)
    # Without AWS_SESSION_TOKEN the ASIA key alone is refused.
    env_no_tok = clients.env(AWS_ACCESS_KEY_ID=cr["AccessKeyId"], AWS_SECRET_ACCESS_KEY=cr["SecretAccessKey"])
    r = clients.cli(env_no_tok, "sts", "get-caller-identity")
    assert r.rc != 0 and r.error == ("InvalidClientTokenId", "The security token included in the request is invalid.")


# ---------------------------------------------------------------------------
# 4. Role assumption with an external id
# ---------------------------------------------------------------------------
@pytest.fixture
def ext_role(server):
    u = make_user(server, "ext-src")
    xid = f"xid-{rand_suffix(12)}"
    role = make_role(server, "ext-target", trust_aws(u.arn, xid))
    return u, role, xid


def test_assume_role_with_external_id_cli_then_env(server, clients, ext_role):
    u, role, xid = ext_role
    sess = f"ext-cli-{rand_suffix()}"
    env_src = clients.env(AWS_ACCESS_KEY_ID=u.creds[0], AWS_SECRET_ACCESS_KEY=u.creds[1])
    out = clients.cli(env_src, "sts", "assume-role", "--role-arn", role["Arn"], "--role-session-name", sess,
                      "--external-id", xid).ok().json
    cr = out["Credentials"]
    assert out["AssumedRoleUser"]["Arn"] == session_arn(role["RoleName"], sess)
    env = clients.env(AWS_ACCESS_KEY_ID=cr["AccessKeyId"], AWS_SECRET_ACCESS_KEY=cr["SecretAccessKey"],
                      AWS_SESSION_TOKEN=cr["SessionToken"])
    arn = session_arn(role["RoleName"], sess)
    check_cli(clients, env, arn)
    check_boto3(clients.boto3(env, "list-users", _create()), arn, method="env")
    check_probe(clients, env, arn)
    # The wrong external id is refused.
    r = clients.cli(env_src, "sts", "assume-role", "--role-arn", role["Arn"], "--role-session-name", sess,
                    "--external-id", xid + "-wrong")
    assert r.rc != 0 and r.error == (
        "AccessDenied", f"User: {u.arn} is not authorized to perform: sts:AssumeRole on resource: {role['Arn']}")


def _write_role_profile(c: Clients, u, role, xid, sess, *, with_xid=True):
    c.credentials_file.write_text(
        f"[base]\naws_access_key_id = {u.creds[0]}\naws_secret_access_key = {u.creds[1]}\n")
    lines = ["[profile base]", "region = us-east-1", "", "[profile bedrock]", f"role_arn = {role['Arn']}",
             "source_profile = base", f"role_session_name = {sess}", "region = us-east-1"]
    if with_xid:
        lines.append(f"external_id = {xid}")
    c.config_file.write_text("\n".join(lines) + "\n")


def test_profile_with_role_arn_source_profile_external_id(server, clients, ext_role):
    u, role, xid = ext_role
    sess = f"ext-prof-{rand_suffix()}"
    _write_role_profile(clients, u, role, xid, sess)
    arn = session_arn(role["RoleName"], sess)
    env = clients.env(AWS_PROFILE="bedrock", AWS_DEFAULT_REGION=None, AWS_REGION=None)
    d = check_boto3(clients.boto3(env, "list-users", _create()), arn, method="assume-role")
    assert ASIA_RE.fullmatch(d["access_key_id"]) and d["user_id"] == f"{role['RoleId']}:{sess}"
    check_cli(clients, env, arn)
    check_probe(clients, env, arn)
    # The same profile without external_id: the provider's AssumeRole is refused.
    _write_role_profile(clients, u, role, xid, sess, with_xid=False)
    denied = f"User: {u.arn} is not authorized to perform: sts:AssumeRole on resource: {role['Arn']}"
    r = clients.boto3(env)
    assert (r.rc, r.get("code"), r.get("message")) == (1, "AccessDenied", denied), (r.stdout, r.stderr[-1500:])
    r = clients.cli(env, "sts", "get-caller-identity")
    assert r.rc != 0 and r.error == ("AccessDenied", denied)
    r = clients.probe(env)
    assert r.rc == 1 and "AccessDenied" in r["error"], r.stdout


# ---------------------------------------------------------------------------
# 5. Web identity: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE
# ---------------------------------------------------------------------------
def test_web_identity_token_file(server, clients, shared_oidc_issuer, tmp_path):
    iss = shared_oidc_issuer
    register_oidc_provider(server, iss)
    role = make_role(server, "gha-role", trust_web_identity(iss))
    token_file = tmp_path / "token"
    token_file.write_text(iss.mint(sub=WEB_SUB, aud="my-client"))
    sess = f"gha-{rand_suffix()}"
    env = clients.env(AWS_ROLE_ARN=role["Arn"], AWS_WEB_IDENTITY_TOKEN_FILE=str(token_file),
                      AWS_ROLE_SESSION_NAME=sess)
    arn = session_arn(role["RoleName"], sess)
    d = check_boto3(clients.boto3(env, "list-users", _create()), arn, method="assume-role-with-web-identity")
    assert ASIA_RE.fullmatch(d["access_key_id"]) and d["user_id"] == f"{role['RoleId']}:{sess}"
    check_cli(clients, env, arn)
    check_probe(clients, env, arn)
    # Without AWS_ROLE_SESSION_NAME each SDK makes one up; the role is the same.
    env2 = clients.env(AWS_ROLE_ARN=role["Arn"], AWS_WEB_IDENTITY_TOKEN_FILE=str(token_file))
    arn_re = rf"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{re.escape(role['RoleName'])}/[\w+=,.@-]{{2,64}}"
    check_boto3(clients.boto3(env2, "list-users", _create()), None, method="assume-role-with-web-identity",
                arn_re=arn_re)
    check_probe(clients, env2, None, arn_re=arn_re)
    # An EC-signed token (ES256) works the same.
    token_file.write_text(iss.mint(key="ec"))
    assert clients.probe(env).ok()["arn"] == arn
    # A token for another subject: the trust policy's :sub condition refuses it.
    token_file.write_text(iss.mint(sub="repo:org/app:ref:refs/heads/evil"))
    # (The aws CLI caches role credentials in ~/.aws/cli/cache, keyed without the token: drop them.)
    shutil.rmtree(clients.home / ".aws" / "cli" / "cache", ignore_errors=True)
    r = clients.cli(env, "sts", "get-caller-identity")
    assert r.rc != 0 and r.error == ("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity")
    r = clients.boto3(env)
    assert (r.rc, r.get("code"), r.get("message")) == (
        1, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"), (r.stdout, r.stderr[-1500:])


def test_web_identity_token_file_is_reread(server, clients, shared_oidc_issuer, tmp_path):
    """EKS/IRSA rotates the projected token; a new process uses the current file content."""
    iss = shared_oidc_issuer
    register_oidc_provider(server, iss)
    role = make_role(server, "irsa-role", trust_web_identity(iss, sub=None))
    token_file = tmp_path / "token"
    token_file.write_text(iss.mint(sub="system:serviceaccount:default:app", exp_in=-120))  # expired
    env = clients.env(AWS_ROLE_ARN=role["Arn"], AWS_WEB_IDENTITY_TOKEN_FILE=str(token_file),
                      AWS_ROLE_SESSION_NAME="irsa")
    r = clients.cli(env, "sts", "get-caller-identity")
    assert r.rc != 0 and r.error[0] == "ExpiredTokenException", r.stderr
    # The "kubelet" rewrites the file; the next process reads the new token.
    token_file.write_text(iss.mint(sub="system:serviceaccount:default:app"))
    assert clients.cli(env, "sts", "get-caller-identity").ok().json["Arn"] == session_arn(role["RoleName"], "irsa")

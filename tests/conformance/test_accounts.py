"""Many accounts on one server: member accounts made as AWS Organizations makes them, requests
served by the caller's own account, and cross-account role assumption as in the Bedrock guide.

Sources:
- Member accounts created by Organizations get `OrganizationAccountAccessRole`, trusting the
  management account, with administrator permissions, and no root access keys:
  https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html
  and https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_create.html
- Cross-account access needs both sides: the caller's identity policy allows `sts:AssumeRole` on
  the role and the role's trust policy allows the caller:
  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
- `external_id` in a profile with `role_arn` and `source_profile` (the Bedrock guide's
  "assume roles for cross-account access"), and the AccessDenied text, as the same-account
  tests in test_credential_chain.py check them.
- `aws:PrincipalAccount`, `aws:ResourceAccount`:
  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import boto3
import botocore
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import (
    ACCOUNT_ID,
    AwsCli,
    KeywardServer,
    client_error,
    keyward_bin,
    rand_suffix,
    wait_for,
)

MGMT = ACCOUNT_ID
FIXTURE = Path(__file__).parent / "fixtures" / "pre_accounts_data"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
ACCESS_ROLE = "OrganizationAccountAccessRole"


def keyward(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("KEYWARD_", "AWS_"))}
    e.update(env or {})
    return subprocess.run([keyward_bin(), *args], capture_output=True, text=True, env=e, timeout=60)


def create_account(data_dir: Path, name: str) -> str:
    r = keyward("accounts", "create", "--name", name, "--email", f"{name}@example.com",
                "--data-dir", str(data_dir))
    assert r.returncode == 0, r.stderr
    account = r.stdout.strip()
    assert re.fullmatch(r"\d{12}", account), r.stdout
    return account


def root_credentials(data_dir: Path, account: str) -> tuple[str, str]:
    r = keyward("accounts", "root-credentials", account, "--data-dir", str(data_dir))
    assert r.returncode == 0, r.stderr
    cp = configparser.ConfigParser()
    cp.read_string(r.stdout)
    return cp["default"]["aws_access_key_id"], cp["default"]["aws_secret_access_key"]


def client(srv: KeywardServer, service: str, creds, token: str | None = None):
    return boto3.session.Session().client(
        service, endpoint_url=srv.url, region_name="us-east-1",
        aws_access_key_id=creds[0], aws_secret_access_key=creds[1], aws_session_token=token,
        config=Config(retries={"total_max_attempts": 1}))


def session_creds(c: dict) -> tuple[str, str, str]:
    return c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]


def as_session(srv, service, creds3):
    return client(srv, service, creds3[:2], creds3[2])


def trust(principal: str, condition: dict | None = None) -> str:
    st = {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}
    if condition:
        st["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [st]})


def assume_policy(resource: str = "*", condition: dict | None = None) -> str:
    st = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": resource}
    if condition:
        st["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [st]})


def new_user(iam, name: str, *, managed: list[str] = (), inline: str | None = None):
    user = iam.create_user(UserName=name)["User"]
    for arn in managed:
        iam.attach_user_policy(UserName=name, PolicyArn=arn)
    if inline:
        iam.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=inline)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return user, (key["AccessKeyId"], key["SecretAccessKey"])


def denied(caller_arn: str, role_arn: str) -> str:
    return f"User: {caller_arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}"


class Org:
    """A management account and member account B on one server."""

    def __init__(self, srv: KeywardServer, member: str) -> None:
        self.srv = srv
        self.b = member
        self.xid = f"xid-{rand_suffix(12)}"


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    if os.environ.get("KEYWARD_URL"):
        pytest.skip("needs to spawn its own keyward (unset KEYWARD_URL)")
    srv = KeywardServer(tmp_path_factory.mktemp("accounts"), account_id=MGMT).start()
    try:
        iam = srv.iam()
        admin, admin_creds = new_user(iam, "admin", managed=[ADMIN])
        reader, reader_creds = new_user(iam, "reader", managed=[READ_ONLY])
        # Account B is created with the CLI on the stopped server's data directory.
        assert srv.terminate() == 0
        b = create_account(srv.data_dir, "dev")
        srv.start()
        o = Org(srv, b)
        o.admin, o.admin_creds = admin, admin_creds
        o.reader, o.reader_creds = reader, reader_creds
        o.b_root = root_credentials(srv.data_dir, b)
        ib = client(srv, "iam", o.b_root)
        o.bedrock_role = ib.create_role(
            RoleName="BedrockAccess",
            AssumeRolePolicyDocument=trust(f"arn:aws:iam::{MGMT}:root",
                                           {"StringEquals": {"sts:ExternalId": o.xid}}),
        )["Role"]
        ib.attach_role_policy(RoleName="BedrockAccess", PolicyArn=READ_ONLY)
        o.bob, o.bob_creds = new_user(ib, "bob", managed=[ADMIN])
        yield o
    finally:
        srv.kill()


def test_cli_creates_and_lists_accounts(org):
    r = keyward("accounts", "list", "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == [MGMT, "MANAGEMENT"]
    member = [line.split() for line in lines[1:] if line.startswith(org.b)]
    assert len(member) == 1
    assert member[0][1:3] == ["ACTIVE", "CREATED"] and member[0][4:] == ["dev@example.com", "dev"]
    # The management account keeps its database; the member has its own.
    assert (org.srv.data_dir / "keyward.db").is_file()
    assert (org.srv.data_dir / "accounts" / f"{org.b}.db").is_file()


def test_cli_refuses_without_data(tmp_path):
    r = keyward("accounts", "create", "--name", "x", "--email", "x@example.com",
                "--data-dir", str(tmp_path / "nothing"))
    assert r.returncode == 1 and "holds no Keyward data" in r.stderr
    r = keyward("accounts", "root-credentials", MGMT, "--data-dir", str(tmp_path / "nothing"))
    assert r.returncode == 1


def test_member_root_credentials_act_in_the_member_account(org):
    ident = client(org.srv, "sts", org.b_root).get_caller_identity()
    assert (ident["Account"], ident["Arn"]) == (org.b, f"arn:aws:iam::{org.b}:root")
    # The management account's root cannot be given keys this way.
    r = keyward("accounts", "root-credentials", MGMT, "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 1 and "management account" in r.stderr
    r = keyward("accounts", "root-credentials", "999999999999", "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 1 and "does not exist" in r.stderr


def test_account_created_beside_a_running_server(org):
    """The running server serves an account the CLI registers, without a restart; the account
    has OrganizationAccountAccessRole with AdministratorAccess and no root keys."""
    c = create_account(org.srv.data_dir, f"staging-{rand_suffix(4)}")
    sts = client(org.srv, "sts", org.admin_creds)
    role_arn = f"arn:aws:iam::{c}:role/{ACCESS_ROLE}"
    out = sts.assume_role(RoleArn=role_arn, RoleSessionName="ops")
    assert out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{c}:assumed-role/{ACCESS_ROLE}/ops"
    creds = session_creds(out["Credentials"])
    ident = as_session(org.srv, "sts", creds).get_caller_identity()
    assert (ident["Account"], ident["Arn"]) == (c, f"arn:aws:sts::{c}:assumed-role/{ACCESS_ROLE}/ops")
    iam_c = as_session(org.srv, "iam", creds)
    role = iam_c.get_role(RoleName=ACCESS_ROLE)["Role"]
    assert role["Arn"] == role_arn
    assert role["AssumeRolePolicyDocument"]["Statement"] == [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{MGMT}:root"}, "Action": "sts:AssumeRole"}]
    attached = iam_c.list_attached_role_policies(RoleName=ACCESS_ROLE)["AttachedPolicies"]
    assert attached == [{"PolicyName": "AdministratorAccess", "PolicyArn": ADMIN}]
    assert iam_c.list_users()["Users"] == []
    summary = iam_c.get_account_summary()["SummaryMap"]
    assert summary["AccountAccessKeysPresent"] == 0
    root = root_credentials(org.srv.data_dir, c)
    assert iam_c.get_account_summary()["SummaryMap"]["AccountAccessKeysPresent"] == 1
    assert client(org.srv, "sts", root).get_caller_identity()["Arn"] == f"arn:aws:iam::{c}:root"


def test_management_admin_assumes_organization_account_access_role(org):
    sts = client(org.srv, "sts", org.admin_creds)
    out = sts.assume_role(RoleArn=f"arn:aws:iam::{org.b}:role/{ACCESS_ROLE}", RoleSessionName="admin-ops")
    creds = session_creds(out["Credentials"])
    assert creds[0].startswith("ASIA")
    iam_b = as_session(org.srv, "iam", creds)
    # The session acts on B's data: B's users, and a user it creates is B's.
    assert "bob" in [u["UserName"] for u in iam_b.list_users()["Users"]]
    made = iam_b.create_user(UserName=f"made-{rand_suffix()}")["User"]
    assert made["Arn"].startswith(f"arn:aws:iam::{org.b}:user/")
    names_a = [u["UserName"] for u in org.srv.iam().list_users()["Users"]]
    assert made["UserName"] not in names_a and "bob" not in names_a


def test_root_of_management_account_cannot_assume(org):
    with pytest.raises(ClientError) as e:
        org.srv.sts().assume_role(RoleArn=f"arn:aws:iam::{org.b}:role/{ACCESS_ROLE}", RoleSessionName="root")
    assert client_error(e)[:2] == ("AccessDenied", "Roles may not be assumed by root accounts.")


def _write_bedrock_profile(cli: AwsCli, creds, role_arn: str, xid: str | None) -> None:
    cli.credentials_file.write_text(
        f"[base]\naws_access_key_id = {creds[0]}\naws_secret_access_key = {creds[1]}\n")
    lines = ["[profile base]", "region = us-east-1", "", "[profile x]", f"role_arn = {role_arn}",
             "source_profile = base", "role_session_name = bedrock", "region = us-east-1"]
    if xid is not None:
        lines.append(f"external_id = {xid}")
    cli.config_file.write_text("\n".join(lines) + "\n")


def test_bedrock_guide_profile_cli_and_boto3(org, tmp_path):
    """`~/.aws/config`: `role_arn` in B, `source_profile` in A, `external_id`."""
    cli = AwsCli(org.srv, tmp_path / "home")
    role_arn = org.bedrock_role["Arn"]
    assert role_arn == f"arn:aws:iam::{org.b}:role/BedrockAccess"
    _write_bedrock_profile(cli, org.admin_creds, role_arn, org.xid)
    env = {"AWS_ENDPOINT_URL": org.srv.url}
    out = cli.run("sts", "get-caller-identity", "--profile", "x", creds=None, env=env, endpoint=False).ok().json
    assert out["Account"] == org.b
    assert out["Arn"] == f"arn:aws:sts::{org.b}:assumed-role/BedrockAccess/bedrock"
    assert out["UserId"] == f"{org.bedrock_role['RoleId']}:bedrock"
    # boto3 with the same profile, and the role's permissions in B.
    script = ("import boto3,json,sys; s=boto3.Session(profile_name='x');"
              "print(json.dumps([s.client('sts').get_caller_identity()['Arn'],"
              "[u['UserName'] for u in s.client('iam').list_users()['Users']]]))")
    benv = {**cli.base_env(), **env, "AWS_PROFILE": "x"}
    r = subprocess.run([sys.executable, "-c", script], env=benv, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    arn, users = json.loads(r.stdout)
    assert arn == f"arn:aws:sts::{org.b}:assumed-role/BedrockAccess/bedrock" and "bob" in users
    # Wrong and missing external id: AccessDenied naming the caller and the role.
    for xid in (org.xid + "-wrong", None):
        _write_bedrock_profile(cli, org.admin_creds, role_arn, xid)
        r = cli.run("sts", "get-caller-identity", "--profile", "x", creds=None, env=env, endpoint=False)
        assert r.rc != 0 and r.error == ("AccessDenied", denied(org.admin["Arn"], role_arn)), r.stderr


def test_caller_without_assume_permission_is_denied(org):
    """B's trust allows all of A, but A's user has no sts:AssumeRole: both sides must allow."""
    role_arn = f"arn:aws:iam::{org.b}:role/{ACCESS_ROLE}"
    with pytest.raises(ClientError) as e:
        client(org.srv, "sts", org.reader_creds).assume_role(RoleArn=role_arn, RoleSessionName="nope")
    assert client_error(e)[:3] == ("AccessDenied", denied(org.reader["Arn"], role_arn), 403)
    # An unknown account, and a role B does not have, are refused the same way.
    for arn in ("arn:aws:iam::999999999999:role/Nope", f"arn:aws:iam::{org.b}:role/Nope"):
        with pytest.raises(ClientError) as e:
            client(org.srv, "sts", org.admin_creds).assume_role(RoleArn=arn, RoleSessionName="nope")
        assert client_error(e)[:2] == ("AccessDenied", denied(org.admin["Arn"], arn))


def test_trust_naming_one_user_of_the_other_account(org):
    iam_a = org.srv.iam()
    allowed_user, allowed = new_user(iam_a, f"ok-{rand_suffix()}", inline=assume_policy())
    other_user, other = new_user(iam_a, f"no-{rand_suffix()}", inline=assume_policy())
    name = f"OnlyOne-{rand_suffix()}"
    role = client(org.srv, "iam", org.b_root).create_role(
        RoleName=name, AssumeRolePolicyDocument=trust(allowed_user["Arn"]))["Role"]
    out = client(org.srv, "sts", allowed).assume_role(RoleArn=role["Arn"], RoleSessionName="one")
    assert out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{org.b}:assumed-role/{name}/one"
    with pytest.raises(ClientError) as e:
        client(org.srv, "sts", other).assume_role(RoleArn=role["Arn"], RoleSessionName="one")
    assert client_error(e)[:2] == ("AccessDenied", denied(other_user["Arn"], role["Arn"]))
    # A user of B is not A's user: the trust naming A's user does not let B's admin in.
    with pytest.raises(ClientError) as e:
        client(org.srv, "sts", org.bob_creds).assume_role(RoleArn=role["Arn"], RoleSessionName="one")
    assert client_error(e)[:2] == ("AccessDenied", denied(org.bob["Arn"], role["Arn"]))


def test_role_chaining_across_accounts(org):
    """A's admin → B's OrganizationAccountAccessRole → a role in A trusting B → back in A."""
    name = f"BackToA-{rand_suffix()}"
    back = org.srv.iam().create_role(
        RoleName=name, AssumeRolePolicyDocument=trust(f"arn:aws:iam::{org.b}:root"))["Role"]
    first = client(org.srv, "sts", org.admin_creds).assume_role(
        RoleArn=f"arn:aws:iam::{org.b}:role/{ACCESS_ROLE}", RoleSessionName="hop1")
    in_b = session_creds(first["Credentials"])
    # Chained sessions last at most an hour, as on AWS.
    with pytest.raises(ClientError) as e:
        as_session(org.srv, "sts", in_b).assume_role(RoleArn=back["Arn"], RoleSessionName="hop2",
                                                     DurationSeconds=7200)
    assert client_error(e)[0] == "ValidationError"
    second = as_session(org.srv, "sts", in_b).assume_role(RoleArn=back["Arn"], RoleSessionName="hop2")
    in_a = session_creds(second["Credentials"])
    ident = as_session(org.srv, "sts", in_a).get_caller_identity()
    assert (ident["Account"], ident["Arn"]) == (MGMT, f"arn:aws:sts::{MGMT}:assumed-role/{name}/hop2")
    # The role in A has no permissions of its own: its session may not list A's users.
    with pytest.raises(ClientError) as e:
        as_session(org.srv, "iam", in_a).list_users()
    assert client_error(e)[0] == "AccessDenied"


def test_principal_and_resource_account_condition_keys(org):
    ib = client(org.srv, "iam", org.b_root)
    names = {}
    for label, account in (("right", MGMT), ("wrong", org.b)):
        names[label] = f"PA-{label}-{rand_suffix()}"
        ib.create_role(RoleName=names[label], AssumeRolePolicyDocument=trust(
            f"arn:aws:iam::{MGMT}:root", {"StringEquals": {"aws:PrincipalAccount": account}}))
    arn = lambda n: f"arn:aws:iam::{org.b}:role/{n}"  # noqa: E731
    sts = client(org.srv, "sts", org.admin_creds)
    sts.assume_role(RoleArn=arn(names["right"]), RoleSessionName="pa")
    with pytest.raises(ClientError) as e:
        sts.assume_role(RoleArn=arn(names["wrong"]), RoleSessionName="pa")
    assert client_error(e)[:2] == ("AccessDenied", denied(org.admin["Arn"], arn(names["wrong"])))
    # aws:ResourceAccount on the caller's side: B's account, not A's.
    iam_a = org.srv.iam()
    to_b, to_b_creds = new_user(iam_a, f"rb-{rand_suffix()}",
                                inline=assume_policy(condition={"StringEquals": {"aws:ResourceAccount": org.b}}))
    to_a, to_a_creds = new_user(iam_a, f"ra-{rand_suffix()}",
                                inline=assume_policy(condition={"StringEquals": {"aws:ResourceAccount": MGMT}}))
    role = f"arn:aws:iam::{org.b}:role/{ACCESS_ROLE}"
    client(org.srv, "sts", to_b_creds).assume_role(RoleArn=role, RoleSessionName="rb")
    with pytest.raises(ClientError) as e:
        client(org.srv, "sts", to_a_creds).assume_role(RoleArn=role, RoleSessionName="ra")
    assert client_error(e)[:2] == ("AccessDenied", denied(to_a["Arn"], role))


def test_accounts_are_isolated(org):
    """Each side names the other's users, roles, policies and keys and gets AWS's answer,
    never the data; listings show only the caller's account."""
    ib = client(org.srv, "iam", org.bob_creds)
    ia = client(org.srv, "iam", org.admin_creds)
    policy_a = ia.create_policy(PolicyName=f"pa-{rand_suffix()}", PolicyDocument=assume_policy())["Policy"]
    role_a = ia.create_role(RoleName=f"ra-{rand_suffix()}", AssumeRolePolicyDocument=trust(
        f"arn:aws:iam::{MGMT}:root"))["Role"]

    def refused(call, code="NoSuchEntity"):
        with pytest.raises(ClientError) as e:
            call()
        assert client_error(e)[0] == code, e.value.response
        return client_error(e)[1]

    # B's admin naming A's principals and policies.
    assert refused(lambda: ib.get_user(UserName="admin")) == "The user with name admin cannot be found."
    refused(lambda: ib.list_access_keys(UserName="admin"))
    refused(lambda: ib.list_attached_user_policies(UserName="admin"))
    assert refused(lambda: ib.get_role(RoleName=role_a["RoleName"])) == \
        f"The role with name {role_a['RoleName']} cannot be found."
    refused(lambda: ib.get_policy(PolicyArn=policy_a["Arn"]))
    refused(lambda: ib.attach_user_policy(UserName="bob", PolicyArn=policy_a["Arn"]))
    refused(lambda: ib.delete_user(UserName="admin"))
    assert refused(lambda: ib.get_access_key_last_used(AccessKeyId=org.admin_creds[0])) == \
        f"The Access Key with id {org.admin_creds[0]} cannot be found."
    refused(lambda: ib.update_access_key(UserName="admin", AccessKeyId=org.admin_creds[0], Status="Inactive"))
    # A's admin naming B's.
    refused(lambda: ia.get_user(UserName="bob"))
    refused(lambda: ia.get_role(RoleName="BedrockAccess"))
    refused(lambda: ia.list_access_keys(UserName="bob"))
    # Listings are each account's own.
    users_b = {u["UserName"] for u in ib.list_users()["Users"]}
    users_a = {u["UserName"] for u in ia.list_users()["Users"]}
    assert "bob" in users_b and "admin" not in users_b
    assert "admin" in users_a and "bob" not in users_a
    assert all(r["Arn"].startswith(f"arn:aws:iam::{org.b}:") for r in ib.list_roles()["Roles"])
    assert policy_a["Arn"] not in {p["Arn"] for p in ib.list_policies(Scope="Local")["Policies"]}
    details = ib.get_account_authorization_details()
    assert all(f":{MGMT}:" not in d["Arn"] for kind in ("UserDetailList", "RoleDetailList")
               for d in details[kind])
    # A key of A presented with B's secret is no key of B: B's keys live in B only.
    with pytest.raises(ClientError) as e:
        client(org.srv, "sts", (org.admin_creds[0], org.bob_creds[1])).get_caller_identity()
    assert client_error(e)[0] == "SignatureDoesNotMatch"


def test_audit_records_name_each_account_and_no_secret(org):
    ident = client(org.srv, "sts", org.bob_creds).get_caller_identity()
    assert ident["Account"] == org.b
    # Records of reads are written asynchronously.
    mine = wait_for(lambda: [r for r in org.srv.audit_records()
                             if r.get("userIdentity", {}).get("arn") == org.bob["Arn"]
                             and r.get("eventName") == "GetCallerIdentity"], what="bob's audit record")
    assert all(r["recipientAccountId"] == org.b for r in mine)
    text = (org.srv.data_dir / "audit.log").read_text() + org.srv.stdout() + org.srv.stderr()
    for secret in (org.b_root[1], org.bob_creds[1]):
        assert secret not in text
    for db in [org.srv.data_dir / "keyward.db", *sorted((org.srv.data_dir / "accounts").glob("*.db"))]:
        assert org.b_root[1].encode() not in db.read_bytes()


def test_restart_keeps_both_accounts(org):
    assert org.srv.terminate() == 0
    org.srv.start()
    assert client(org.srv, "sts", org.bob_creds).get_caller_identity()["Account"] == org.b
    assert client(org.srv, "sts", org.admin_creds).get_caller_identity()["Account"] == MGMT
    out = client(org.srv, "sts", org.admin_creds).assume_role(
        RoleArn=org.bedrock_role["Arn"], RoleSessionName="after", ExternalId=org.xid)
    assert out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{org.b}:assumed-role/BedrockAccess/after"


def test_data_dir_from_before_accounts(tmp_path):
    """A data directory made by the release before member accounts (fixtures/pre_accounts_data)
    opens with all its users, keys, roles and policies; `keyward migrate` is safe on it, before
    and after it gains a member account."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    for name in ("keyward.db", "master.key"):
        shutil.copy(FIXTURE / name, data / name)
    (data / "master.key").chmod(0o600)
    keys = json.loads((FIXTURE / "keys.json").read_text())
    r = keyward("migrate", "--data-dir", str(data))
    assert r.returncode == 0 and "store schema at version" in r.stdout, r.stderr
    srv = KeywardServer(tmp_path, account_id="111111111111",
                        root_creds=("AKIAOLDRELEASEROOT01", "oldreleaserootsecret0000000000000000000A"))
    srv.start()
    try:
        iam = srv.iam()
        assert "olduser" in [u["UserName"] for u in iam.list_users()["Users"]]
        assert iam.get_role(RoleName="oldrole")["Role"]["Arn"] == "arn:aws:iam::111111111111:role/oldrole"
        assert iam.get_policy(PolicyArn="arn:aws:iam::111111111111:policy/oldpolicy")["Policy"]["PolicyName"] == "oldpolicy"
        user = (keys["user_key"], keys["user_secret"])
        assert client(srv, "sts", user).get_caller_identity()["Arn"] == "arn:aws:iam::111111111111:user/olduser"
        # Its IAMReadOnlyAccess still decides.
        client(srv, "iam", user).list_roles()
        with pytest.raises(ClientError) as e:
            client(srv, "iam", user).create_user(UserName="nope")
        assert client_error(e)[0] == "AccessDenied"
        member = create_account(srv.data_dir, "later")
        srv.terminate()
        r = keyward("migrate", "--data-dir", str(data))
        assert r.returncode == 0, r.stderr
        srv.start()
        out = srv.sts().get_caller_identity()
        assert out["Arn"] == "arn:aws:iam::111111111111:root"
        root = root_credentials(srv.data_dir, member)
        assert client(srv, "sts", root).get_caller_identity()["Account"] == member
    finally:
        srv.kill()


PG_URL = os.environ.get("KEYWARD_TEST_POSTGRES_URL")


@pytest.mark.skipif(not PG_URL, reason="KEYWARD_TEST_POSTGRES_URL not set")
def test_postgres_refuses_member_accounts(tmp_path):
    """With PostgreSQL only the management account is served: `accounts create` says so and
    changes nothing."""
    from urllib.parse import urlsplit, urlunsplit

    name = "kw_accounts_" + rand_suffix(10)
    subprocess.run(["psql", PG_URL, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    url = urlunsplit(urlsplit(PG_URL)._replace(path="/" + name))
    srv = KeywardServer(tmp_path, extra_env={"KEYWARD_STORE": url})
    try:
        srv.start()
        r = keyward("accounts", "create", "--name", "x", "--email", "x@example.com",
                    "--data-dir", str(srv.data_dir), env={"KEYWARD_STORE": url})
        assert r.returncode == 1 and "PostgreSQL" in r.stderr, r.stderr
        r = keyward("accounts", "list", "--data-dir", str(srv.data_dir), env={"KEYWARD_STORE": url})
        assert r.returncode == 0 and r.stdout.split() == [ACCOUNT_ID, "MANAGEMENT"], r.stdout
    finally:
        srv.kill()
        subprocess.run(["psql", PG_URL, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
                       capture_output=True)


def test_web_identity_reaches_the_member_accounts_role(org, oidc_issuer):
    """AssumeRoleWithWebIdentity (unsigned) is answered by the account of its RoleArn: B's
    OIDC provider and trust policy decide, and the session is B's."""
    from chain_helpers import WEB_AUD, WEB_SUB, trust_web_identity

    ib = client(org.srv, "iam", org.b_root)
    ib.create_open_id_connect_provider(Url=oidc_issuer.url, ClientIDList=[WEB_AUD])
    name = f"Gha-{rand_suffix()}"
    role = ib.create_role(RoleName=name,
                          AssumeRolePolicyDocument=trust_web_identity(oidc_issuer, account=org.b))["Role"]
    unsigned = boto3.session.Session().client(
        "sts", endpoint_url=org.srv.url, region_name="us-east-1",
        config=Config(signature_version=botocore.UNSIGNED, retries={"total_max_attempts": 1}))
    out = unsigned.assume_role_with_web_identity(RoleArn=role["Arn"], RoleSessionName="ci",
                                                 WebIdentityToken=oidc_issuer.mint(sub=WEB_SUB, aud=WEB_AUD))
    assert out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{org.b}:assumed-role/{name}/ci"
    ident = as_session(org.srv, "sts", session_creds(out["Credentials"])).get_caller_identity()
    assert ident["Account"] == org.b
    # The management account has no such provider: its role of the same trust is refused.
    a_role = org.srv.iam().create_role(
        RoleName=name, AssumeRolePolicyDocument=trust_web_identity(oidc_issuer, account=MGMT))["Role"]
    with pytest.raises(ClientError) as e:
        unsigned.assume_role_with_web_identity(RoleArn=a_role["Arn"], RoleSessionName="ci",
                                               WebIdentityToken=oidc_issuer.mint(sub=WEB_SUB, aud=WEB_AUD))
    assert client_error(e)[:2] == ("InvalidIdentityToken",
                                   f"No OpenIDConnect provider found in your account for {oidc_issuer.url}")


def test_gateway_serves_member_accounts(org):
    """The authorization gateway authenticates and authorizes a member account's credential in
    that account (Braket has no upstream here, so an allowed request says so)."""
    braket_b = client(org.srv, "braket", org.bob_creds)
    with pytest.raises(ClientError) as e:
        braket_b.search_devices(filters=[])
    assert "Keyward allowed this request (braket:SearchDevices)" in str(e.value)
    braket_a = client(org.srv, "braket", org.reader_creds)
    with pytest.raises(ClientError) as e:
        braket_a.search_devices(filters=[])
    assert client_error(e)[0] == "AccessDeniedException"
    assert f"User: {org.reader['Arn']} is not authorized to perform: braket:SearchDevices" in client_error(e)[1]

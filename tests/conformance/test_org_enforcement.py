"""Member accounts created through Organizations' `CreateAccount`, and the organization's service
control policies (SCPs) and resource control policies (RCPs) enforced on real IAM, STS and
gateway (S3) calls (issue 16), with boto3 and the aws CLI.

AWS references:
- CreateAccount is asynchronous: "returns a CreateAccountStatus … with State IN_PROGRESS";
  DescribeCreateAccountStatus then shows SUCCEEDED and the AccountId, or FAILED with a
  FailureReason such as EMAIL_ALREADY_EXISTS:
  https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html and
  API_CreateAccountStatus.html. The new account gets OrganizationAccountAccessRole, trusting the
  management account: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_create.html
- SCPs limit every principal of a member account, its root user too; the management account is
  not affected; every level from the root to the account must allow:
  https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html and
  orgs_manage_policies_scps_evaluation.html
- The SCP examples used (region lock with its exempted global services, restrict the root user,
  protect a role): https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
- RCPs limit access to resources of member accounts for the services they support (STS among
  them); the data-perimeter example with aws:PrincipalOrgID:
  https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
  and https://github.com/aws-samples/data-perimeter-policy-examples (resource_control_policies).
- SCP refusals read "with an explicit deny in a service control policy", even when no statement
  denies (the FullAWSAccess policy detached): /work/shared/reference/anchors-policy-sigv4.md,
  from https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
"""

from __future__ import annotations

import configparser
import contextlib
import json
import os
import re
import subprocess

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, AwsCli, KeywardServerWithArgs, client_error, keyward_bin, rand_suffix
from test_gateway import Recorder

MGMT = ACCOUNT_ID
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
ACCESS_ROLE = "OrganizationAccountAccessRole"
SCP = "SERVICE_CONTROL_POLICY"
RCP = "RESOURCE_CONTROL_POLICY"
SCP_DENIED = "with an explicit deny in a service control policy"

# The region-lock example, verbatim but for its bypass-role condition.
REGION_LOCK = {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "DenyAllOutsideEU",
        "Effect": "Deny",
        "NotAction": [
            "a4b:*", "acm:*", "aws-marketplace-management:*", "aws-marketplace:*", "aws-portal:*",
            "budgets:*", "ce:*", "chime:*", "cloudfront:*", "config:*", "cur:*", "directconnect:*",
            "ec2:DescribeRegions", "ec2:DescribeTransitGateways", "ec2:DescribeVpnGateways",
            "fms:*", "globalaccelerator:*", "health:*", "iam:*", "importexport:*", "kms:*",
            "mobileanalytics:*", "networkmanager:*", "organizations:*", "pricing:*", "route53:*",
            "route53domains:*", "route53-recovery-cluster:*", "route53-recovery-control-config:*",
            "route53-recovery-readiness:*", "s3:GetAccountPublic*", "s3:ListAllMyBuckets",
            "s3:ListMultiRegionAccessPoints", "s3:PutAccountPublic*", "shield:*", "sts:*",
            "support:*", "trustedadvisor:*", "waf-regional:*", "waf:*", "wafv2:*",
            "wellarchitected:*",
        ],
        "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]}},
    }],
}

# "Restrict access for the root user", with every action instead of the example's ec2:*.
DENY_ROOT = {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "RestrictRoot",
        "Effect": "Deny",
        "Action": "*",
        "Resource": "*",
        "Condition": {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:root"]}},
    }],
}


def protect_role(name: str) -> dict:
    """"Prevent IAM principals from making certain changes" (a protected role)."""
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DenyAccessToASpecificRole",
            "Effect": "Deny",
            "Action": [
                "iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
                "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
                "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
                "iam:UpdateRoleDescription",
            ],
            "Resource": [f"arn:aws:iam::*:role/{name}"],
        }],
    }


DENY_LEAVE = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}],
}


def data_perimeter(org_id: str) -> dict:
    """The data-perimeter RCP "EnforceOrgIdentities" (aws-samples/data-perimeter-policy-examples)."""
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "EnforceOrgIdentities",
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["s3:*", "sqs:*", "kms:*", "secretsmanager:*", "sts:AssumeRole",
                       "sts:DecodeAuthorizationMessage", "sts:GetAccessKeyInfo",
                       "sts:GetFederationToken", "sts:GetServiceBearerToken",
                       "sts:GetSessionToken", "sts:SetContext"],
            "Resource": "*",
            "Condition": {
                "StringNotEqualsIfExists": {"aws:PrincipalOrgID": org_id},
                "BoolIfExists": {"aws:PrincipalIsAWSService": "false"},
            },
        }],
    }


def keyward(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEYWARD_", "AWS_"))}
    return subprocess.run([keyward_bin(), *args], capture_output=True, text=True, env=env, timeout=60)


def client(srv, service: str, creds, region: str = "us-east-1", **config):
    return boto3.session.Session().client(
        service, endpoint_url=srv.url, region_name=region,
        aws_access_key_id=creds[0], aws_secret_access_key=creds[1],
        aws_session_token=creds[2] if len(creds) > 2 else None,
        config=Config(retries={"total_max_attempts": 1}, **config))


def session(out: dict) -> tuple[str, str, str]:
    c = out["Credentials"]
    return c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]


class Org:
    pass


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    if os.environ.get("KEYWARD_URL"):
        pytest.skip("needs to spawn its own keyward (unset KEYWARD_URL)")
    recorder = Recorder()
    srv = KeywardServerWithArgs(tmp_path_factory.mktemp("orgenforce"),
                                extra_args=["--upstream", f"*={recorder.url}"]).start()
    try:
        o = Org()
        o.srv, o.recorder = srv, recorder
        iam = srv.iam()
        iam.create_user(UserName="admin")
        iam.attach_user_policy(UserName="admin", PolicyArn=ADMIN)
        key = iam.create_access_key(UserName="admin")["AccessKey"]
        o.admin = (key["AccessKeyId"], key["SecretAccessKey"])
        o.orgs = srv.client("organizations")
        o.org = o.orgs.create_organization()["Organization"]
        o.root_id = o.orgs.list_roots()["Roots"][0]["Id"]
        o.created = o.orgs.create_account(Email="dev@example.com", AccountName="dev")["CreateAccountStatus"]
        status = o.orgs.describe_create_account_status(CreateAccountRequestId=o.created["Id"])
        o.member = status["CreateAccountStatus"]["AccountId"]
        o.member_role = f"arn:aws:iam::{o.member}:role/{ACCESS_ROLE}"
        yield o
    finally:
        srv.kill()
        recorder.close()


def member_session(org, region: str = "us-east-1", name: str = "ops") -> tuple[str, str, str]:
    out = client(org.srv, "sts", org.admin, region).assume_role(RoleArn=org.member_role,
                                                               RoleSessionName=name)
    return session(out)


@contextlib.contextmanager
def scp(org, document: dict, target: str, policy_type: str = SCP):
    """A policy of `policy_type` attached to `target` for the block's duration."""
    policy = org.orgs.create_policy(Name=f"p-{rand_suffix()}", Description="test", Type=policy_type,
                                    Content=json.dumps(document))["Policy"]["PolicySummary"]
    org.orgs.attach_policy(PolicyId=policy["Id"], TargetId=target)
    try:
        yield policy
    finally:
        org.orgs.detach_policy(PolicyId=policy["Id"], TargetId=target)
        org.orgs.delete_policy(PolicyId=policy["Id"])


def refused(call) -> tuple[str, str]:
    with pytest.raises(ClientError) as e:
        call()
    return client_error(e)[:2]


# ---------------------------------------------------------------------------
# CreateAccount and its status
# ---------------------------------------------------------------------------
def test_create_account_answers_in_progress_then_succeeded(org):
    assert org.created["State"] == "IN_PROGRESS"
    assert re.fullmatch(r"car-[a-z0-9]{8,32}", org.created["Id"])
    assert org.created["AccountName"] == "dev"
    assert "AccountId" not in org.created
    status = org.orgs.describe_create_account_status(CreateAccountRequestId=org.created["Id"])
    status = status["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED"
    assert re.fullmatch(r"\d{12}", status["AccountId"]) and status["AccountId"] != MGMT
    assert status["CompletedTimestamp"] >= status["RequestedTimestamp"]
    account = org.orgs.describe_account(AccountId=org.member)["Account"]
    assert (account["Name"], account["Email"], account["Status"], account["JoinedMethod"]) == \
        ("dev", "dev@example.com", "ACTIVE", "CREATED")
    in_root = org.orgs.list_accounts_for_parent(ParentId=org.root_id)["Accounts"]
    assert org.member in [a["Id"] for a in in_root]
    # SCPs are enabled: the new account has FullAWSAccess attached directly.
    on_member = org.orgs.list_policies_for_target(TargetId=org.member, Filter=SCP)["Policies"]
    assert [p["Name"] for p in on_member] == ["FullAWSAccess"]
    # The account has OrganizationAccountAccessRole, which the management account may assume.
    ident = client(org.srv, "sts", member_session(org)).get_caller_identity()
    assert ident["Account"] == org.member
    assert ident["Arn"] == f"arn:aws:sts::{org.member}:assumed-role/{ACCESS_ROLE}/ops"


def test_duplicate_email_fails_asynchronously_and_statuses_filter(org, tmp_path):
    dup = org.orgs.create_account(Email="dev@example.com", AccountName="again")["CreateAccountStatus"]
    assert dup["State"] == "IN_PROGRESS"
    failed = org.orgs.describe_create_account_status(CreateAccountRequestId=dup["Id"])["CreateAccountStatus"]
    assert failed["State"] == "FAILED" and failed["FailureReason"] == "EMAIL_ALREADY_EXISTS"
    assert "AccountId" not in failed
    succeeded = org.orgs.list_create_account_status(States=["SUCCEEDED"])["CreateAccountStatuses"]
    assert org.created["Id"] in [s["Id"] for s in succeeded]
    assert dup["Id"] not in [s["Id"] for s in succeeded]
    everything = org.orgs.list_create_account_status()["CreateAccountStatuses"]
    assert {org.created["Id"], dup["Id"]} <= {s["Id"] for s in everything}
    cli = AwsCli(org.srv, tmp_path / "home")
    out = cli.run("organizations", "list-create-account-status", "--states", "FAILED").ok().json
    assert [s["Id"] for s in out["CreateAccountStatuses"]] == [dup["Id"]]
    assert refused(lambda: org.orgs.describe_create_account_status(
        CreateAccountRequestId="car-" + "0" * 32)) == (
        "CreateAccountStatusNotFoundException",
        "We can't find an create account request with the CreateAccountRequestId that you specified.")


def test_create_account_with_the_cli_and_a_role_name(org, tmp_path):
    cli = AwsCli(org.srv, tmp_path / "home")
    out = cli.run("organizations", "create-account", "--email", "ops@example.com",
                  "--account-name", "ops", "--role-name", "OpsAdmin").ok().json
    status = org.orgs.describe_create_account_status(
        CreateAccountRequestId=out["CreateAccountStatus"]["Id"])["CreateAccountStatus"]
    account = status["AccountId"]
    sts = client(org.srv, "sts", org.admin)
    sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OpsAdmin", RoleSessionName="xx")
    assert refused(lambda: sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{ACCESS_ROLE}",
                                           RoleSessionName="xx"))[0] == "AccessDenied"


# ---------------------------------------------------------------------------
# SCPs
# ---------------------------------------------------------------------------
def s3_put(srv, creds, region: str):
    s3 = client(srv, "s3", creds, region, s3={"addressing_style": "path"})
    return s3.put_object(Bucket="b", Key="k", Body=b"x")


def test_region_lock_denies_outside_the_regions_but_not_global_services(org):
    before = len(org.recorder.requests)
    with scp(org, REGION_LOCK, org.root_id):
        creds = member_session(org)
        code, message = refused(lambda: s3_put(org.srv, creds, "us-east-1"))
        assert code == "AccessDenied"
        assert "is not authorized to perform: s3:PutObject" in message and SCP_DENIED in message
        assert len(org.recorder.requests) == before
        s3_put(org.srv, creds, "eu-central-1")
        assert len(org.recorder.requests) == before + 1
        # IAM and STS are exempted: still allowed from us-east-1.
        client(org.srv, "iam", creds).list_users()
        client(org.srv, "sts", org.admin).assume_role(RoleArn=org.member_role, RoleSessionName="again")
        # The management account is not limited by SCPs.
        s3_put(org.srv, org.admin, "us-east-1")
        assert len(org.recorder.requests) == before + 2
    # Detached: the member may write in us-east-1 again.
    s3_put(org.srv, member_session(org), "us-east-1")


def test_deny_root_limits_the_member_root_user_only(org):
    r = keyward("accounts", "root-credentials", org.member, "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 0, r.stderr
    cp = configparser.ConfigParser()
    cp.read_string(r.stdout)
    member_root = (cp["default"]["aws_access_key_id"], cp["default"]["aws_secret_access_key"])
    iam_root = client(org.srv, "iam", member_root)
    iam_root.list_users()
    with scp(org, DENY_ROOT, org.member):
        code, message = refused(iam_root.list_users)
        assert code == "AccessDenied"
        assert message.startswith(f"User: arn:aws:iam::{org.member}:root is not authorized to "
                                  "perform: iam:ListUsers")
        assert message.endswith(SCP_DENIED)
        # The member's role session and the management root are not the root of a member.
        client(org.srv, "iam", member_session(org)).list_users()
        org.srv.iam().list_users()
    iam_root.list_users()


def test_protected_role_cannot_be_changed_by_member_admins(org):
    creds = member_session(org)
    iam = client(org.srv, "iam", creds)
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{MGMT}:root"}, "Action": "sts:AssumeRole"}]})
    iam.create_role(RoleName="Protected", AssumeRolePolicyDocument=trust)
    iam.create_role(RoleName="Other", AssumeRolePolicyDocument=trust)
    with scp(org, protect_role("Protected"), org.member):
        code, message = refused(lambda: iam.delete_role(RoleName="Protected"))
        assert code == "AccessDenied"
        assert message == (f"User: arn:aws:sts::{org.member}:assumed-role/{ACCESS_ROLE}/ops is not "
                           f"authorized to perform: iam:DeleteRole on resource: role Protected "
                           f"{SCP_DENIED}")
        assert refused(lambda: iam.attach_role_policy(RoleName="Protected", PolicyArn=ADMIN))[0] == \
            "AccessDenied"
        iam.attach_role_policy(RoleName="Other", PolicyArn=ADMIN)
        iam.detach_role_policy(RoleName="Other", PolicyArn=ADMIN)
        iam.delete_role(RoleName="Other")
        # The management account is unaffected by the same SCP on its own role.
        org.srv.iam().create_role(RoleName="Protected", AssumeRolePolicyDocument=trust)
        org.srv.iam().delete_role(RoleName="Protected")
    iam.delete_role(RoleName="Protected")


def test_without_full_aws_access_nothing_is_allowed_and_the_scp_is_named(org):
    creds = member_session(org)
    iam = client(org.srv, "iam", creds)
    iam.list_users()
    with scp(org, DENY_LEAVE, org.member):
        org.orgs.detach_policy(PolicyId="p-FullAWSAccess", TargetId=org.member)
        try:
            code, message = refused(iam.list_users)
            assert code == "AccessDenied"
            assert message.startswith(f"User: arn:aws:sts::{org.member}:assumed-role/{ACCESS_ROLE}/ops "
                                      "is not authorized to perform: iam:ListUsers")
            assert message.endswith(SCP_DENIED)
            # The management account's own FullAWSAccess detachment changes nothing for it.
            org.srv.client("iam", org.admin).list_users()
        finally:
            org.orgs.attach_policy(PolicyId="p-FullAWSAccess", TargetId=org.member)
    iam.list_users()


def test_every_level_must_allow(org):
    """An SCP on an OU limits the accounts in it; moving the account out lifts it."""
    ou = org.orgs.create_organizational_unit(ParentId=org.root_id, Name=f"ou-{rand_suffix()}")
    ou_id = ou["OrganizationalUnit"]["Id"]
    org.orgs.move_account(AccountId=org.member, SourceParentId=org.root_id, DestinationParentId=ou_id)
    iam = client(org.srv, "iam", member_session(org))
    try:
        with scp(org, DENY_LEAVE, ou_id):
            org.orgs.detach_policy(PolicyId="p-FullAWSAccess", TargetId=ou_id)
            try:
                assert refused(iam.list_users)[0] == "AccessDenied"
            finally:
                org.orgs.attach_policy(PolicyId="p-FullAWSAccess", TargetId=ou_id)
            iam.list_users()
    finally:
        org.orgs.move_account(AccountId=org.member, SourceParentId=ou_id, DestinationParentId=org.root_id)
        org.orgs.delete_organizational_unit(OrganizationalUnitId=ou_id)


def test_principal_org_condition_keys(org):
    """aws:PrincipalOrgID and aws:PrincipalOrgPaths in a member role's trust policy."""
    creds = member_session(org)
    iam = client(org.srv, "iam", creds)
    path = f"{org.org['Id']}/{org.root_id}/"
    name = f"orgonly-{rand_suffix()}"
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{MGMT}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:PrincipalOrgID": org.org["Id"]},
                      "ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": [path]}}}]})
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)
    client(org.srv, "sts", org.admin).assume_role(RoleArn=f"arn:aws:iam::{org.member}:role/{name}",
                                                 RoleSessionName="in-org")
    other = f"otherorg-{rand_suffix()}"
    iam.create_role(RoleName=other, AssumeRolePolicyDocument=trust.replace(org.org["Id"], "o-aaaaaaaaaa"))
    assert refused(lambda: client(org.srv, "sts", org.admin).assume_role(
        RoleArn=f"arn:aws:iam::{org.member}:role/{other}", RoleSessionName="xx"))[0] == "AccessDenied"


# ---------------------------------------------------------------------------
# RCPs
# ---------------------------------------------------------------------------
def test_rcp_data_perimeter_keeps_principals_outside_the_organization_out(org):
    # A standalone account on the same server (not in the organization), with a user allowed to
    # assume roles anywhere.
    r = keyward("accounts", "create", "--name", "outside", "--email", "outside@example.com",
                "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 0, r.stderr
    outside = r.stdout.strip()
    r = keyward("accounts", "root-credentials", outside, "--data-dir", str(org.srv.data_dir))
    assert r.returncode == 0, r.stderr
    cp = configparser.ConfigParser()
    cp.read_string(r.stdout)
    outside_root = (cp["default"]["aws_access_key_id"], cp["default"]["aws_secret_access_key"])
    outside_iam = client(org.srv, "iam", outside_root)
    outside_iam.create_user(UserName="visitor")
    outside_iam.attach_user_policy(UserName="visitor", PolicyArn=ADMIN)
    key = outside_iam.create_access_key(UserName="visitor")["AccessKey"]
    visitor = (key["AccessKeyId"], key["SecretAccessKey"])
    # A member role trusting the outside account.
    role = f"shared-{rand_suffix()}"
    client(org.srv, "iam", member_session(org)).create_role(
        RoleName=role, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{outside}:root"},
            "Action": "sts:AssumeRole"}]}))
    role_arn = f"arn:aws:iam::{org.member}:role/{role}"
    client(org.srv, "sts", visitor).assume_role(RoleArn=role_arn, RoleSessionName="before")
    org.orgs.enable_policy_type(RootId=org.root_id, PolicyType=RCP)
    try:
        with scp(org, data_perimeter(org.org["Id"]), org.member, RCP):
            code, message = refused(lambda: client(org.srv, "sts", visitor).assume_role(
                RoleArn=role_arn, RoleSessionName="after"))
            assert code == "AccessDenied"
            assert message == (f"User: arn:aws:iam::{outside}:user/visitor is not authorized to "
                               f"perform: sts:AssumeRole on resource: {role_arn}")
            # Principals of the organization are inside the perimeter.
            client(org.srv, "sts", org.admin).assume_role(RoleArn=org.member_role, RoleSessionName="in")
        client(org.srv, "sts", visitor).assume_role(RoleArn=role_arn, RoleSessionName="detached")
    finally:
        org.orgs.disable_policy_type(RootId=org.root_id, PolicyType=RCP)


# ---------------------------------------------------------------------------
# Leaving the organization
# ---------------------------------------------------------------------------
DENY_LIST_USERS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Action": "iam:ListUsers", "Resource": "*"}],
}


def test_removed_account_is_standalone_and_no_longer_limited(org):
    """RemoveAccountFromOrganization: https://docs.aws.amazon.com/organizations/latest/APIReference/API_RemoveAccountFromOrganization.html"""
    made = org.orgs.create_account(Email=f"gone-{rand_suffix()}@example.com", AccountName="gone")
    account = org.orgs.describe_create_account_status(
        CreateAccountRequestId=made["CreateAccountStatus"]["Id"])["CreateAccountStatus"]["AccountId"]
    role = f"arn:aws:iam::{account}:role/{ACCESS_ROLE}"
    creds = session(client(org.srv, "sts", org.admin).assume_role(RoleArn=role, RoleSessionName="gone"))
    iam = client(org.srv, "iam", creds)
    with scp(org, DENY_LIST_USERS, org.root_id):
        assert refused(iam.list_users)[0] == "AccessDenied"
        org.orgs.remove_account_from_organization(AccountId=account)
        # Out of the organization: its data stays, the organization's SCPs no longer apply.
        iam.list_users()
        assert account not in [a["Id"] for a in org.orgs.list_accounts()["Accounts"]]
        assert refused(lambda: org.orgs.describe_account(AccountId=account)) == (
            "AccountNotFoundException", "You specified an account that doesn't exist.")
    assert refused(lambda: org.orgs.remove_account_from_organization(AccountId=account)) == (
        "AccountNotFoundException", "You specified an account that doesn't exist.")
    assert refused(lambda: org.orgs.remove_account_from_organization(AccountId=MGMT)) == (
        "MasterCannotLeaveOrganizationException",
        "You can't remove a management account from an organization. If you want the management "
        "account to become a member account in another organization, you must first delete the "
        "current organization of the management account.")

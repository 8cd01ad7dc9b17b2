"""Service-linked roles, the credential report and the STS token preference (issue 15).

Sources, where no recording of AWS is at hand:
- Service-linked roles: the IAM User Guide, "Using service-linked roles"
  (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html) — the
  role's path `/aws-service-role/SERVICE/`, its trust policy and its permissions belong to the
  service; only its description may be edited ("Modifying a role": "If the role is a
  service-linked role, the role's trust policy cannot be modified"; the permissions "can be
  modified only from the service"). The names and policies per service come from each
  service's "Using service-linked roles" page (crates/server/data/service-linked-roles.json).
- Error texts seen from AWS in public reports: `InvalidInput: Service role name
  AWSServiceRoleForEC2Spot has been taken in this account, please try a different suffix.`
  (the EKS and Karpenter workshops), `Custom suffix is not allowed for es.amazonaws.com`
  (CloudFormation users), `UnmodifiableEntity: Cannot perform the operation on the protected
  role 'AWSServiceRoleForTrustedAdvisor' - this role is only modifiable by AWS` (status 400,
  cloud-nuke and aws-nuke logs).
- DeleteServiceLinkedRole / GetServiceLinkedRoleDeletionStatus: the IAM API reference (task id
  `task/aws-service-role/SERVICE/ROLE/UUID`; statuses SUCCEEDED | IN_PROGRESS | FAILED |
  NOT_STARTED).
- Credential report: the IAM User Guide, "Getting credential reports"
  (https://docs.aws.amazon.com/IAM/latest/UserGuide/credential-reports.html): the column list
  and order, `<root_account>`, `not_supported`, `N/A`, the four-hour rule; the API reference
  for GenerateCredentialReport (`STARTED`, and "No report exists. Starting a new report
  generation task" in its CLI example) and GetCredentialReport (ReportNotPresent and
  ReportExpired, HTTP 410). AWS answers ReportNotPresent without a message, which the CLI shows
  as "Unknown" (prowler issue 272 quotes it).
- SetSecurityTokenServicePreferences: the IAM API reference; GetAccountSummary's
  `GlobalEndpointTokenVersion` is 1 (v1Token, the default) or 2.
"""

import base64
import csv
import datetime as dt
import io
import json
import re
import uuid

import pytest

from conftest import (ACCOUNT_ID, AwsCli, assert_xml_error, client_error, iam_params, make_user,
                      rand_suffix, send, sign_request, wait_for)

COLUMNS = [
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used",
    "password_last_changed", "password_next_rotation", "mfa_active",
    "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
    "access_key_1_last_used_region", "access_key_1_last_used_service",
    "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    "access_key_2_last_used_region", "access_key_2_last_used_service",
    "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
]
DATE_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
TASK_RE = re.compile(r"task/aws-service-role/([^/]+)/([^/]+)/[0-9a-f-]{36}")

# The services the guides and common tools create roles for: principal -> (role, policy).
GUIDE_SERVICES = {
    "spot.amazonaws.com": ("AWSServiceRoleForEC2Spot", "AWSEC2SpotServiceRolePolicy"),
    "ecs.amazonaws.com": ("AWSServiceRoleForECS", "AmazonECSServiceRolePolicy"),
    "eks.amazonaws.com": ("AWSServiceRoleForAmazonEKS", "AmazonEKSServiceRolePolicy"),
    "elasticloadbalancing.amazonaws.com": ("AWSServiceRoleForElasticLoadBalancing",
                                           "AWSElasticLoadBalancingServiceRolePolicy"),
    "autoscaling.amazonaws.com": ("AWSServiceRoleForAutoScaling", "AutoScalingServiceRolePolicy"),
    "rds.amazonaws.com": ("AWSServiceRoleForRDS", "AmazonRDSServiceRolePolicy"),
    "organizations.amazonaws.com": ("AWSServiceRoleForOrganizations",
                                    "AWSOrganizationsServiceTrustPolicy"),
    "support.amazonaws.com": ("AWSServiceRoleForSupport", "AWSSupportServiceRolePolicy"),
    "trustedadvisor.amazonaws.com": ("AWSServiceRoleForTrustedAdvisor",
                                     "AWSTrustedAdvisorServiceRolePolicy"),
    "replication.cassandra.amazonaws.com": ("AWSServiceRoleForKeyspacesReplication",
                                            "KeyspacesReplicationServiceRolePolicy"),
    "network.bedrock-agentcore.amazonaws.com": ("AWSServiceRoleForBedrockAgentCoreNetwork",
                                                "BedrockAgentCoreNetworkServiceRolePolicy"),
    "braket.amazonaws.com": ("AWSServiceRoleForAmazonBraket", "AmazonBraketServiceRolePolicy"),
}


def protected(role):
    return f"Cannot perform the operation on the protected role '{role}' - this role is only modifiable by AWS"


# ---------------------------------------------------------------------------
# Service-linked roles
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("service", sorted(GUIDE_SERVICES))
def test_each_guide_service_gets_aws_role(module_server, service):
    iam = module_server.iam()
    role_name, policy = GUIDE_SERVICES[service]
    role = iam.create_service_linked_role(AWSServiceName=service)["Role"]
    assert role["RoleName"] == role_name
    assert role["Path"] == f"/aws-service-role/{service}/"
    assert role["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/{service}/{role_name}"
    assert role["RoleId"].startswith("AROA")
    trust = role["AssumeRolePolicyDocument"]
    assert trust["Statement"] == [{"Effect": "Allow", "Principal": {"Service": [service]},
                                   "Action": ["sts:AssumeRole"]}]
    attached = iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]
    assert attached == [{"PolicyName": policy,
                         "PolicyArn": f"arn:aws:iam::aws:policy/aws-service-role/{policy}"}]
    got = iam.get_role(RoleName=role_name)["Role"]
    assert got["Path"] == role["Path"] and got["MaxSessionDuration"] == 3600


def test_cli_create_twice_and_suffix_rules(server, cli):
    # A service whose role no other test creates on the session server.
    out = cli.run("iam", "create-service-linked-role", "--aws-service-name",
                  "ecs.application-autoscaling.amazonaws.com", "--description", "scales ECS").ok().json
    role = out["Role"]
    assert role["RoleName"] == "AWSServiceRoleForApplicationAutoScaling_ECSService"
    assert role["Description"] == "scales ECS"
    again = cli.run("iam", "create-service-linked-role", "--aws-service-name",
                    "ecs.application-autoscaling.amazonaws.com")
    assert again.rc != 0
    assert again.error == ("InvalidInput", "Service role name AWSServiceRoleForApplicationAutoScaling_ECSService "
                                           "has been taken in this account, please try a different suffix.")
    bad = cli.run("iam", "create-service-linked-role", "--aws-service-name", "ecs.amazonaws.com",
                  "--custom-suffix", "mine")
    assert bad.error == ("InvalidInput", "Custom suffix is not allowed for ecs.amazonaws.com")
    unknown = cli.run("iam", "create-service-linked-role", "--aws-service-name", "nothing.amazonaws.com")
    assert unknown.error[0] == "InvalidInput"
    # the boto3 view of the same refusal: HTTP 400
    with pytest.raises(Exception) as ei:
        server.iam().create_service_linked_role(AWSServiceName="ecs.amazonaws.com", CustomSuffix="x")
    assert client_error(ei) == ("InvalidInput", "Custom suffix is not allowed for ecs.amazonaws.com", 400)


def test_custom_suffix_where_the_service_allows_it(server):
    iam = server.iam()
    suffix = f"kw{rand_suffix()}"
    role = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                          CustomSuffix=suffix)["Role"]
    assert role["RoleName"] == f"AWSServiceRoleForAutoScaling_{suffix}"
    assert role["Path"] == "/aws-service-role/autoscaling.amazonaws.com/"
    second = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                            CustomSuffix=suffix + "b")["Role"]
    assert second["RoleName"] == f"AWSServiceRoleForAutoScaling_{suffix}b"
    with pytest.raises(Exception) as ei:
        iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com", CustomSuffix=suffix)
    assert client_error(ei) == (
        "InvalidInput",
        f"Service role name AWSServiceRoleForAutoScaling_{suffix} has been taken in this account, "
        "please try a different suffix.", 400)


def test_service_linked_roles_are_unmodifiable(server):
    iam = server.iam()
    suffix = f"lock{rand_suffix()}"
    name = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                          CustomSuffix=suffix)["Role"]["RoleName"]
    pol = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    doc = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    inline = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
    attempts = [
        lambda: iam.update_assume_role_policy(RoleName=name, PolicyDocument=doc),
        lambda: iam.delete_role(RoleName=name),
        lambda: iam.put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=inline),
        lambda: iam.delete_role_policy(RoleName=name, PolicyName="p"),
        lambda: iam.attach_role_policy(RoleName=name, PolicyArn=pol),
        lambda: iam.detach_role_policy(
            RoleName=name, PolicyArn="arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy"),
        lambda: iam.put_role_permissions_boundary(RoleName=name, PermissionsBoundary=pol),
        lambda: iam.delete_role_permissions_boundary(RoleName=name),
        lambda: iam.update_role(RoleName=name, MaxSessionDuration=7200),
    ]
    for attempt in attempts:
        with pytest.raises(Exception) as ei:
            attempt()
        assert client_error(ei) == ("UnmodifiableEntity", protected(name), 400)
    # nothing changed
    role = iam.get_role(RoleName=name)["Role"]
    assert role["MaxSessionDuration"] == 3600
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": ["autoscaling.amazonaws.com"]}
    assert [p["PolicyName"] for p in iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"]] == [
        "AutoScalingServiceRolePolicy"]
    # the description is the one thing a user may edit
    iam.update_role_description(RoleName=name, Description="edited")
    iam.update_role(RoleName=name, Description="edited again")
    assert iam.get_role(RoleName=name)["Role"]["Description"] == "edited again"


def test_delete_and_deletion_status(server, cli):
    iam = server.iam()
    suffix = f"del{rand_suffix()}"
    name = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                          CustomSuffix=suffix)["Role"]["RoleName"]
    out = cli.run("iam", "delete-service-linked-role", "--role-name", name).ok().json
    task = out["DeletionTaskId"]
    m = TASK_RE.fullmatch(task)
    assert m and m.groups() == ("autoscaling.amazonaws.com", name), task
    status = cli.run("iam", "get-service-linked-role-deletion-status", "--deletion-task-id", task).ok().json
    assert status == {"Status": "SUCCEEDED"}
    with pytest.raises(Exception) as ei:
        iam.get_role(RoleName=name)
    assert client_error(ei) == ("NoSuchEntity", f"The role with name {name} cannot be found.", 404)
    # the name is free again
    assert iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com",
                                          CustomSuffix=suffix)["Role"]["RoleName"] == name
    # a second task for the new role is a different task
    task2 = iam.delete_service_linked_role(RoleName=name)["DeletionTaskId"]
    assert task2 != task
    assert iam.get_service_linked_role_deletion_status(DeletionTaskId=task)["Status"] == "SUCCEEDED"


def test_deletion_errors(server):
    iam = server.iam()
    with pytest.raises(Exception) as ei:
        iam.delete_service_linked_role(RoleName=f"missing-{rand_suffix()}")
    code, _, status = client_error(ei)
    assert (code, status) == ("NoSuchEntity", 404)
    plain = f"plain-{rand_suffix()}"
    iam.create_role(RoleName=plain, AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
            "Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
    with pytest.raises(Exception) as ei:
        iam.delete_service_linked_role(RoleName=plain)
    assert client_error(ei)[0] == "NoSuchEntity"
    iam.get_role(RoleName=plain)  # still there
    unknown = f"task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/{uuid.uuid4()}"
    with pytest.raises(Exception) as ei:
        iam.get_service_linked_role_deletion_status(DeletionTaskId=unknown)
    assert client_error(ei)[::2] == ("NoSuchEntity", 404)
    with pytest.raises(Exception) as ei:
        iam.get_service_linked_role_deletion_status(DeletionTaskId="not-a-task")
    assert client_error(ei)[::2] == ("InvalidInput", 400)


def test_creating_a_service_linked_role_needs_permission(server):
    u = make_user(server, "slrdeny")
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).create_service_linked_role(AWSServiceName="rds.amazonaws.com")
    code, msg, status = client_error(ei)
    assert (code, status) == ("AccessDenied", 403)
    assert "iam:CreateServiceLinkedRole" in msg
    assert "role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS" in msg


# ---------------------------------------------------------------------------
# Credential report
# ---------------------------------------------------------------------------
def _report(iam):
    r = iam.get_credential_report()
    assert r["ReportFormat"] == "text/csv"
    text = r["Content"].decode()
    return r, text, list(csv.DictReader(io.StringIO(text)))


def test_report_lifecycle_and_format(fresh_server, tmp_path):
    srv = fresh_server
    cli = AwsCli(srv, tmp_path / "home")
    iam = srv.iam()
    # nothing yet: ReportNotPresent, 410, and no message (the CLI says "Unknown")
    with pytest.raises(Exception) as ei:
        iam.get_credential_report()
    code, _, status = client_error(ei)
    assert (code, status) == ("ReportNotPresent", 410)
    assert cli.run("iam", "get-credential-report").error == ("ReportNotPresent", "Unknown")
    raw = send(sign_request(srv.url + "/", creds=srv.root, service="iam",
                            params=iam_params("GetCredentialReport")))
    assert_xml_error(raw, 410, "ReportNotPresent", None)
    assert "<Message>" not in raw.text

    # users: one without keys, one with an unused and an inactive key, one whose key is used
    bare = f"bare-{rand_suffix()}"
    iam.create_user(UserName=bare, Path="/team/")
    two = make_user(srv, "two")
    second = iam.create_access_key(UserName=two.name)["AccessKey"]
    iam.update_access_key(UserName=two.name, AccessKeyId=second["AccessKeyId"], Status="Inactive")
    used = make_user(srv, "used")
    srv.sts(used.creds, region="eu-west-1").get_caller_identity()
    wait_for(lambda: "LastUsedDate" in iam.get_access_key_last_used(
        AccessKeyId=used.key["AccessKeyId"])["AccessKeyLastUsed"], what="key use recorded")

    first = cli.run("iam", "generate-credential-report").ok().json
    assert first == {"State": "STARTED", "Description": "No report exists. Starting a new report generation task"}
    again = iam.generate_credential_report()
    assert again["State"] == "COMPLETE" and "Description" not in again

    r, text, rows = _report(iam)
    assert text.split("\n")[0] == ",".join(COLUMNS)
    assert isinstance(r["GeneratedTime"], dt.datetime)
    root = rows[0]
    assert root["user"] == "<root_account>" and root["arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert DATE_RE.fullmatch(root["user_creation_time"])
    assert (root["password_enabled"], root["password_last_changed"], root["password_next_rotation"]) == (
        "not_supported", "not_supported", "not_supported")
    assert root["mfa_active"] == "false"
    # the root user's key (the one these requests are signed with), in use
    assert root["access_key_1_active"] == "true" and DATE_RE.fullmatch(root["access_key_1_last_rotated"])
    assert DATE_RE.fullmatch(root["access_key_1_last_used_date"])
    assert root["access_key_1_last_used_service"] == "iam"
    assert root["access_key_2_active"] == "false" and root["access_key_2_last_rotated"] == "N/A"
    by = {row["user"]: row for row in rows[1:]}
    assert set(by) == {bare, two.name, used.name}
    b = by[bare]
    assert b["arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/team/{bare}"
    assert DATE_RE.fullmatch(b["user_creation_time"])
    assert [b[c] for c in COLUMNS[3:]] == [
        "false", "N/A", "N/A", "N/A", "false",
        "false", "N/A", "N/A", "N/A", "N/A",
        "false", "N/A", "N/A", "N/A", "N/A",
        "false", "N/A", "false", "N/A"]
    t = by[two.name]
    # keys are numbered by creation; these two were made within the same second
    assert sorted([t["access_key_1_active"], t["access_key_2_active"]]) == ["false", "true"]
    for n in (1, 2):
        assert DATE_RE.fullmatch(t[f"access_key_{n}_last_rotated"])
        assert [t[f"access_key_{n}_last_used_{c}"] for c in ("date", "region", "service")] == ["N/A"] * 3
    u = by[used.name]
    assert u["access_key_1_active"] == "true"
    assert DATE_RE.fullmatch(u["access_key_1_last_used_date"])
    assert (u["access_key_1_last_used_region"], u["access_key_1_last_used_service"]) == ("eu-west-1", "sts")
    assert u["access_key_2_active"] == "false" and u["access_key_2_last_rotated"] == "N/A"

    # the CLI returns the same CSV, base64 in the JSON
    out = cli.run("iam", "get-credential-report").ok().json
    assert base64.b64decode(out["Content"]).decode() == text and out["ReportFormat"] == "text/csv"

    # the report is a snapshot for four hours: a later user is not in it
    late = f"late-{rand_suffix()}"
    iam.create_user(UserName=late)
    assert iam.generate_credential_report()["State"] == "COMPLETE"
    assert late not in _report(iam)[1]

    # no secret ever reaches the report, the audit log or the data dir in the clear
    secrets = [two.key["SecretAccessKey"], second["SecretAccessKey"], used.key["SecretAccessKey"]]
    for s in secrets:
        assert s not in text
        assert s not in json.dumps(srv.audit_records())
        for f in srv.data_dir.rglob("*"):
            if f.is_file():
                assert s.encode() not in f.read_bytes(), f


def test_report_expires_after_four_hours(server_with_args_factory):
    srv = server_with_args_factory()
    iam = srv.iam()
    make_user(srv, "exp")
    assert iam.generate_credential_report()["State"] == "STARTED"
    first = iam.get_credential_report()["GeneratedTime"]
    # Four hours and a minute later (the server's clock runs ahead; requests are signed at its
    # time so that they are not refused for skew).
    offset = 4 * 3600 + 60
    srv.restart_with(["--clock-offset", str(offset)])
    later = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=offset)

    def call(action):
        return send(sign_request(srv.url + "/", creds=srv.root, service="iam",
                                 params=iam_params(action), when=later))

    assert_xml_error(call("GetCredentialReport"), 410, "ReportExpired", None)
    gen = call("GenerateCredentialReport")
    assert gen.status_code == 200, gen.text
    assert "<State>STARTED</State>" in gen.text
    got = call("GetCredentialReport")
    assert got.status_code == 200, got.text
    generated = re.search(r"<GeneratedTime>([^<]+)</GeneratedTime>", got.text).group(1)
    assert dt.datetime.fromisoformat(generated.replace("Z", "+00:00")) > first + dt.timedelta(hours=4)


# ---------------------------------------------------------------------------
# STS preferences
# ---------------------------------------------------------------------------
def test_global_endpoint_token_version(fresh_server, tmp_path):
    cli = AwsCli(fresh_server, tmp_path / "home")
    iam = fresh_server.iam()
    assert iam.get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"] == 1
    cli.run("iam", "set-security-token-service-preferences",
            "--global-endpoint-token-version", "v2Token").ok()
    assert iam.get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"] == 2
    fresh_server.restart()
    assert fresh_server.iam().get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"] == 2
    fresh_server.iam().set_security_token_service_preferences(GlobalEndpointTokenVersion="v1Token")
    assert fresh_server.iam().get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"] == 1
    bad = cli.run("iam", "set-security-token-service-preferences",
                  "--global-endpoint-token-version", "v3Token")
    assert bad.error[0] == "ValidationError"


def test_sts_preferences_need_permission(server):
    u = make_user(server, "stsprefdeny")
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).set_security_token_service_preferences(GlobalEndpointTokenVersion="v2Token")
    assert client_error(ei)[::2] == ("AccessDenied", 403)

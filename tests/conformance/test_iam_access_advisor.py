"""IAM's access advisor (service last accessed data) and STS DecodeAuthorizationMessage (issue 15).

Sources, where no recording of AWS is at hand:
- IAM API Reference, GenerateServiceLastAccessedDetails
  (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html):
  a report for a user, group, role or policy ARN, `Granularity` SERVICE_LEVEL (default) or
  ACTION_LEVEL, a `JobId`; "The service last accessed data includes all attempts to access an
  AWS API, not just the successful ones"; the JobId "must be used by the same role within a
  session, or by the same user".
- GetServiceLastAccessedDetails (same reference): every service the resource's permissions
  policies allow (no boundary, resource or trust policy), "If there was no attempt, the service
  is listed without details about the most recent attempt"; `LastAuthenticatedEntity` is the
  user for a user report, the role for a role report, the member (user) for a group report,
  the user or role for a policy report; "By default, the list is sorted by service namespace";
  `TrackedActionsLastAccessed` for ACTION_LEVEL. Its example names `iam` "AWS Identity and
  Access Management" and an unused `s3` with `TotalAuthenticatedEntities` 0.
- GetServiceLastAccessedDetailsWithEntities (same reference): a group's members or a policy's
  users and roles, "sorted by date, with the most recent access listed first".
- ListPoliciesGrantingServiceAccess (same reference): per namespace, the policies of a user
  (with its groups'), group or role; `PolicyType` INLINE or MANAGED, `PolicyArn` for managed
  policies, `EntityType`/`EntityName` for inline ones.
- IAM User Guide, "Refine permissions in AWS using last accessed information": action last
  accessed information covers management actions (creation, deletion, modification) of the
  tracked services (EC2, IAM, Lambda, S3); a role's data includes its sessions.
- STS API Reference, DecodeAuthorizationMessage: `sts:DecodeAuthorizationMessage` must be
  allowed; `InvalidAuthorizationMessageException` (HTTP 400) for a message that is not valid.
  The round trip of a real encoded denial is in crates/server/tests/it/advisor.rs.
"""

import datetime as dt
import json
import re

import pytest

from conftest import ACCOUNT_ID, AwsCli, client_error, make_user, rand_suffix

NOW_SLACK = dt.timedelta(minutes=2)


def policy(*statements) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(actions, resource="*") -> dict:
    return {"Effect": "Allow", "Action": actions, "Resource": resource}


def report(srv, arn: str, granularity: str = "SERVICE_LEVEL", creds=None) -> dict:
    iam = srv.iam(creds)
    job = iam.generate_service_last_accessed_details(Arn=arn, Granularity=granularity)["JobId"]
    assert re.fullmatch(r"[0-9a-f-]{36}", job)
    got = iam.get_service_last_accessed_details(JobId=job)
    assert got["JobStatus"] == "COMPLETED"
    assert got["JobType"] == granularity
    assert got["JobCreationDate"] <= got["JobCompletionDate"]
    got["JobId"] = job
    return got


def by_namespace(got: dict) -> dict:
    return {s["ServiceNamespace"]: s for s in got["ServicesLastAccessed"]}


def recent(t: dt.datetime) -> bool:
    return abs(dt.datetime.now(dt.timezone.utc) - t) < NOW_SLACK


def test_a_users_report_lists_the_granted_services_with_their_last_access(server):
    user = make_user(server, "adv")
    server.iam().put_user_policy(
        UserName=user.name, PolicyName="work",
        PolicyDocument=policy(
            allow(["iam:ListUsers", "iam:CreateUser", "iam:TagUser"]),
            allow("sts:GetCallerIdentity"),
            allow("s3:GetObject"),
        ),
    )
    server.iam(user.creds).list_users()
    server.iam(user.creds, region="eu-west-1").create_user(UserName=f"made-{rand_suffix()}")
    server.sts(user.creds, region="ap-south-1").get_caller_identity()
    # A refused attempt counts too, as on AWS (attempts, not only successes).
    with pytest.raises(Exception):
        server.iam(user.creds).list_roles()

    got = report(server, user.arn)
    assert [s["ServiceNamespace"] for s in got["ServicesLastAccessed"]] == ["iam", "s3", "sts"]
    services = by_namespace(got)
    iam = services["iam"]
    assert iam["ServiceName"] == "AWS Identity and Access Management"
    assert recent(iam["LastAuthenticated"])
    assert iam["LastAuthenticatedEntity"] == user.arn
    assert iam["TotalAuthenticatedEntities"] == 1
    assert services["sts"]["LastAuthenticatedRegion"] == "ap-south-1"
    assert services["sts"]["ServiceName"] == "AWS Security Token Service"
    # Granted but never used: listed without details.
    s3 = services["s3"]
    assert s3["TotalAuthenticatedEntities"] == 0
    assert "LastAuthenticated" not in s3 and "LastAuthenticatedEntity" not in s3
    assert "TrackedActionsLastAccessed" not in iam

    actions = by_namespace(report(server, user.arn, "ACTION_LEVEL"))
    tracked = {a["ActionName"]: a for a in actions["iam"]["TrackedActionsLastAccessed"]}
    # Management actions the policy allows are tracked; reads (ListUsers) are not.
    assert set(tracked) == {"CreateUser", "TagUser"}
    assert tracked["CreateUser"]["LastAccessedEntity"] == user.arn
    assert tracked["CreateUser"]["LastAccessedRegion"] == "eu-west-1"
    assert recent(tracked["CreateUser"]["LastAccessedTime"])
    assert "LastAccessedTime" not in tracked["TagUser"]
    # STS is not a service AWS tracks at action level.
    assert "TrackedActionsLastAccessed" not in actions["sts"]


def test_paging_by_namespace(server):
    user = make_user(server, "advpage")
    server.iam().put_user_policy(
        UserName=user.name, PolicyName="many",
        PolicyDocument=policy(allow(["iam:ListUsers", "s3:GetObject", "sts:GetCallerIdentity",
                                     "ec2:DescribeInstances"])),
    )
    job = report(server, user.arn)["JobId"]
    iam = server.iam()
    first = iam.get_service_last_accessed_details(JobId=job, MaxItems=3)
    assert first["IsTruncated"] is True
    assert [s["ServiceNamespace"] for s in first["ServicesLastAccessed"]] == ["ec2", "iam", "s3"]
    rest = iam.get_service_last_accessed_details(JobId=job, MaxItems=3, Marker=first["Marker"])
    assert [s["ServiceNamespace"] for s in rest["ServicesLastAccessed"]] == ["sts"]
    assert rest["IsTruncated"] is False


def test_a_roles_sessions_count_as_the_role(server):
    iam = server.iam()
    name = f"advrole-{rand_suffix()}"
    role = iam.create_role(
        RoleName=name,
        AssumeRolePolicyDocument=policy({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"},
                                         "Action": "sts:AssumeRole"}),
    )["Role"]
    iam.put_role_policy(RoleName=name, PolicyName="read", PolicyDocument=policy(allow("iam:ListRoles")))
    user = make_user(server, "advassumer")
    iam.put_user_policy(UserName=user.name, PolicyName="assume",
                        PolicyDocument=policy(allow("sts:AssumeRole", role["Arn"])))
    creds = server.sts(user.creds).assume_role(RoleArn=role["Arn"], RoleSessionName="ci")["Credentials"]
    session = server.client("iam", (creds["AccessKeyId"], creds["SecretAccessKey"]),
                            region="eu-west-2", session_token=creds["SessionToken"])
    session.list_roles()

    services = by_namespace(report(server, role["Arn"]))
    assert list(services) == ["iam"]
    assert services["iam"]["LastAuthenticatedEntity"] == role["Arn"]
    assert services["iam"]["LastAuthenticatedRegion"] == "eu-west-2"
    assert services["iam"]["TotalAuthenticatedEntities"] == 1
    # The assuming user's own report shows its sts:AssumeRole.
    assert by_namespace(report(server, user.arn))["sts"]["LastAuthenticatedEntity"] == user.arn


def test_a_policy_report_and_its_entities(server):
    iam = server.iam()
    arn = iam.create_policy(PolicyName=f"advpol-{rand_suffix()}",
                            PolicyDocument=policy(allow(["iam:ListUsers", "iam:GetUser"])))["Policy"]["Arn"]
    direct, member, idle = (make_user(server, p) for p in ("advdirect", "advmember", "advidle"))
    group = f"advgroup-{rand_suffix()}"
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=arn)
    iam.attach_user_policy(UserName=direct.name, PolicyArn=arn)
    for u in (member, idle):
        iam.add_user_to_group(GroupName=group, UserName=u.name)
    server.iam(direct.creds).list_users()
    server.iam(member.creds).list_users()

    got = report(server, arn)
    services = by_namespace(got)
    assert list(services) == ["iam"]
    assert services["iam"]["TotalAuthenticatedEntities"] == 2
    assert services["iam"]["LastAuthenticatedEntity"] == member.arn

    entities = iam.get_service_last_accessed_details_with_entities(JobId=got["JobId"], ServiceNamespace="iam")
    assert entities["JobStatus"] == "COMPLETED"
    listed = [(e["EntityInfo"]["Name"], "LastAuthenticated" in e) for e in entities["EntityDetailsList"]]
    # The most recent first; one that never used the service last.
    assert listed == [(member.name, True), (direct.name, True), (idle.name, False)]
    info = entities["EntityDetailsList"][0]["EntityInfo"]
    assert info["Type"] == "USER" and info["Arn"] == member.arn and info["Id"] == member.user["UserId"]
    assert info["Path"] == "/"

    # The group's report: the union of its members' attempts.
    group_arn = f"arn:aws:iam::{ACCOUNT_ID}:group/{group}"
    gservices = by_namespace(report(server, group_arn))
    assert gservices["iam"]["TotalAuthenticatedEntities"] == 1
    assert gservices["iam"]["LastAuthenticatedEntity"] == member.arn


def test_policies_granting_service_access(server):
    iam = server.iam()
    user = make_user(server, "advgrant")
    managed = iam.create_policy(PolicyName=f"advgrant-{rand_suffix()}",
                                PolicyDocument=policy(allow("s3:*")))["Policy"]
    iam.attach_user_policy(UserName=user.name, PolicyArn=managed["Arn"])
    iam.put_user_policy(UserName=user.name, PolicyName="own", PolicyDocument=policy(allow("iam:Get*")))
    group = f"advgrantg-{rand_suffix()}"
    iam.create_group(GroupName=group)
    iam.add_user_to_group(GroupName=group, UserName=user.name)
    iam.put_group_policy(GroupName=group, PolicyName="team", PolicyDocument=policy(allow("*")))

    got = iam.list_policies_granting_service_access(Arn=user.arn, ServiceNamespaces=["iam", "s3", "ec2"])
    assert got["IsTruncated"] is False
    entries = {e["ServiceNamespace"]: e["Policies"] for e in got["PoliciesGrantingServiceAccess"]}
    assert list(entries) == ["iam", "s3", "ec2"]
    assert entries["iam"] == [
        {"PolicyName": "own", "PolicyType": "INLINE", "EntityType": "USER", "EntityName": user.name},
        {"PolicyName": "team", "PolicyType": "INLINE", "EntityType": "GROUP", "EntityName": group},
    ]
    assert {"PolicyName": managed["PolicyName"], "PolicyType": "MANAGED", "PolicyArn": managed["Arn"]} in entries["s3"]
    assert [p["PolicyName"] for p in entries["ec2"]] == ["team"]
    # A policy ARN is not an identity this operation lists.
    with pytest.raises(Exception) as e:
        iam.list_policies_granting_service_access(Arn=managed["Arn"], ServiceNamespaces=["s3"])
    assert client_error(e)[0] == "InvalidInput"


def test_errors_as_aws_writes_them(server):
    iam = server.iam()
    missing = f"arn:aws:iam::{ACCOUNT_ID}:user/nobody-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.generate_service_last_accessed_details(Arn=missing)
    code, message, status = client_error(e)
    assert (code, status) == ("NoSuchEntity", 404)
    assert message == f"The user with name {missing.rsplit('/', 1)[1]} cannot be found."
    with pytest.raises(Exception) as e:
        iam.generate_service_last_accessed_details(Arn=f"arn:aws:iam::{ACCOUNT_ID}:role/none-{rand_suffix()}")
    assert client_error(e)[0] == "NoSuchEntity"
    with pytest.raises(Exception) as e:
        iam.generate_service_last_accessed_details(Arn=f"arn:aws:iam::{ACCOUNT_ID}:policy/none-{rand_suffix()}")
    assert client_error(e)[0] == "NoSuchEntity"
    with pytest.raises(Exception) as e:
        iam.generate_service_last_accessed_details(Arn="arn:aws:s3:::example-bucket")
    assert client_error(e)[:1] == ("InvalidInput",)
    # A job id that was never issued.
    with pytest.raises(Exception) as e:
        iam.get_service_last_accessed_details(JobId="00000000-0000-4000-8000-000000000000")
    code, _, status = client_error(e)
    assert (code, status) == ("InvalidInput", 400)
    with pytest.raises(Exception) as e:
        iam.get_service_last_accessed_details_with_entities(
            JobId="00000000-0000-4000-8000-000000000000", ServiceNamespace="iam")
    assert client_error(e)[0] == "InvalidInput"


def test_only_the_principal_that_generated_a_job_reads_it(server):
    reader = make_user(server, "advreader")
    server.iam().put_user_policy(
        UserName=reader.name, PolicyName="advisor",
        PolicyDocument=policy(allow(["iam:GenerateServiceLastAccessedDetails",
                                     "iam:GetServiceLastAccessedDetails"])),
    )
    mine = server.iam(reader.creds).generate_service_last_accessed_details(Arn=reader.arn)["JobId"]
    assert server.iam(reader.creds).get_service_last_accessed_details(JobId=mine)["JobStatus"] == "COMPLETED"
    roots = server.iam().generate_service_last_accessed_details(Arn=reader.arn)["JobId"]
    with pytest.raises(Exception) as e:
        server.iam(reader.creds).get_service_last_accessed_details(JobId=roots)
    assert client_error(e)[0] == "InvalidInput"


def test_a_caller_without_permission_is_denied(server):
    user = make_user(server, "advdenied")
    for call, action in (
        (lambda c: c.generate_service_last_accessed_details(Arn=user.arn),
         "iam:GenerateServiceLastAccessedDetails"),
        (lambda c: c.get_service_last_accessed_details(JobId="00000000-0000-4000-8000-000000000000"),
         "iam:GetServiceLastAccessedDetails"),
        (lambda c: c.get_service_last_accessed_details_with_entities(
            JobId="00000000-0000-4000-8000-000000000000", ServiceNamespace="iam"),
         "iam:GetServiceLastAccessedDetailsWithEntities"),
        (lambda c: c.list_policies_granting_service_access(Arn=user.arn, ServiceNamespaces=["iam"]),
         "iam:ListPoliciesGrantingServiceAccess"),
    ):
        with pytest.raises(Exception) as e:
            call(server.iam(user.creds))
        code, message, status = client_error(e)
        assert (code, status) == ("AccessDenied", 403)
        assert message.startswith(f"User: {user.arn} is not authorized to perform: {action}"), message


def test_the_cli_generates_and_reads_a_report(server, cli: AwsCli):
    user = make_user(server, "advcli")
    server.iam().put_user_policy(UserName=user.name, PolicyName="p",
                                 PolicyDocument=policy(allow("iam:ListUsers")))
    server.iam(user.creds).list_users()
    job = cli.run("iam", "generate-service-last-accessed-details", "--arn", user.arn,
                  "--granularity", "ACTION_LEVEL").ok().json["JobId"]
    got = cli.run("iam", "get-service-last-accessed-details", "--job-id", job).ok().json
    assert got["JobStatus"] == "COMPLETED"
    [iam] = got["ServicesLastAccessed"]
    assert iam["ServiceNamespace"] == "iam" and iam["LastAuthenticatedEntity"] == user.arn
    entities = cli.run("iam", "get-service-last-accessed-details-with-entities", "--job-id", job,
                       "--service-namespace", "iam").ok().json
    assert [e["EntityInfo"]["Name"] for e in entities["EntityDetailsList"]] == [user.name]
    granting = cli.run("iam", "list-policies-granting-service-access", "--arn", user.arn,
                       "--service-namespaces", "iam").ok().json
    assert granting["PoliciesGrantingServiceAccess"][0]["Policies"][0]["PolicyName"] == "p"
    code, _ = cli.run("iam", "get-service-last-accessed-details", "--job-id",
                      "00000000-0000-4000-8000-000000000000").error
    assert code == "InvalidInput"


def test_last_access_survives_a_restart(fresh_server):
    user = make_user(fresh_server, "advdurable")
    fresh_server.iam().put_user_policy(UserName=user.name, PolicyName="p",
                                       PolicyDocument=policy(allow("iam:ListUsers")))
    fresh_server.iam(user.creds, region="sa-east-1").list_users()
    before = by_namespace(report(fresh_server, user.arn))["iam"]
    assert fresh_server.terminate() == 0
    fresh_server.start()
    after = by_namespace(report(fresh_server, user.arn))["iam"]
    assert after["LastAuthenticated"] == before["LastAuthenticated"]
    assert after["LastAuthenticatedRegion"] == "sa-east-1"


def test_decode_authorization_message_refuses_what_is_not_a_message(server):
    sts = server.sts()
    for text in ("not-a-message", "A" * 200, "abc+/=="):
        with pytest.raises(Exception) as e:
            sts.decode_authorization_message(EncodedMessage=text)
        code, message, status = client_error(e)
        assert (code, status) == ("InvalidAuthorizationMessageException", 400)
        assert message


def test_decode_authorization_message_needs_its_permission(server, cli: AwsCli):
    user = make_user(server, "advdecode")
    with pytest.raises(Exception) as e:
        server.sts(user.creds).decode_authorization_message(EncodedMessage="whatever")
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDenied", 403)
    assert message.startswith(
        f"User: {user.arn} is not authorized to perform: sts:DecodeAuthorizationMessage"), message
    server.iam().put_user_policy(UserName=user.name, PolicyName="decode",
                                 PolicyDocument=policy(allow("sts:DecodeAuthorizationMessage")))
    # Allowed now: past authorization, the text itself is refused.
    code, _ = cli.run("sts", "decode-authorization-message", "--encoded-message", "whatever",
                      creds=user.creds).error
    assert code == "InvalidAuthorizationMessageException"

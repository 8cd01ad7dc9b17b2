"""Keyward enforces IAM policies on its own API: real calls (not simulation) by IAM users whose
permissions come from inline and managed policies, groups, permissions boundaries and explicit
denies, with condition keys and policy variables, each denial asserted with AWS's exact error code,
HTTP status and message; and every policy change is in force for the very next request.

Messages (AWS IAM User Guide, "Troubleshoot access denied error messages",
https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html, and issue 4):
  implicit: "User: ARN is not authorized to perform: ACTION on resource: RES because no
            identity-based policy allows the ACTION action"
  explicit: "User: ARN is not authorized to perform: ACTION on resource: RES with an explicit deny
            in an identity-based policy"
  boundary: "User: ARN is not authorized to perform: ACTION on resource: RES because no permissions
            boundary allows the ACTION action"
RES is "user NAME" for operations on an existing user (real captures, see test_authz.py: iam:GetUser,
iam:ListAccessKeys, iam:CreateAccessKey) and an ARN otherwise (iam:ListUsers names
arn:aws:iam::ACCOUNT:user/, iam:CreateUser the new user's ARN). AccessDenied is HTTP 403.
"""

import json

import pytest

from conftest import ACCOUNT_ID, MSG_INVALID_TOKEN, client_error, make_user, rand_suffix

USERS_RES = f"arn:aws:iam::{ACCOUNT_ID}:user/"


def implicit(arn, action, resource):
    return (f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
            f"because no identity-based policy allows the {action} action")


def explicit(arn, action, resource):
    return (f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
            f"with an explicit deny in an identity-based policy")


def by_boundary(arn, action, resource):
    return (f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
            f"because no permissions boundary allows the {action} action")


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(*actions, resource="*", **extra):
    return {"Effect": "Allow", "Action": list(actions), "Resource": resource, **extra}


def deny(*actions, resource="*", **extra):
    return {"Effect": "Deny", "Action": list(actions), "Resource": resource, **extra}


def denied(call):
    with pytest.raises(Exception) as ei:
        call()
    return client_error(ei)


def list_users_denied(u, iam, form=implicit):
    assert denied(iam.list_users) == ("AccessDenied", form(u.arn, "iam:ListUsers", USERS_RES), 403)


# AWS docs, "IAM: Allows IAM users to rotate their own access keys"
# (reference_policies_examples_iam_credentials_console / id_credentials_delegate-permissions_examples):
# the access-key actions on arn:aws:iam::*:user/${aws:username}.
SELF_KEYS = """{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ManageOwnAccessKeys",
            "Effect": "Allow",
            "Action": [
                "iam:CreateAccessKey",
                "iam:DeleteAccessKey",
                "iam:ListAccessKeys",
                "iam:UpdateAccessKey"
            ],
            "Resource": "arn:aws:iam::*:user/${aws:username}"
        }
    ]
}
"""


# ---------------------------------------------------------------------------
# ${aws:username}: self-service key rotation
# ---------------------------------------------------------------------------
def test_self_service_key_rotation_boto3(server):
    root = server.iam()
    alice = make_user(server, "alice")
    bob = make_user(server, "bob")
    root.put_user_policy(UserName=alice.name, PolicyName="ManageOwnAccessKeys", PolicyDocument=SELF_KEYS)
    a = server.iam(alice.creds)
    old = alice.key["AccessKeyId"]

    # Without UserName IAM acts on the caller; with it, on the named user: both are "self".
    for kw in ({}, {"UserName": alice.name}):
        meta = a.list_access_keys(**kw)["AccessKeyMetadata"]
        assert [(m["UserName"], m["AccessKeyId"], m["Status"]) for m in meta] == [(alice.name, old, "Active")]
    new = a.create_access_key()["AccessKey"]
    assert new["UserName"] == alice.name and new["Status"] == "Active"
    a2 = server.iam((new["AccessKeyId"], new["SecretAccessKey"]))
    # Rotate: deactivate the old key with the new one, then delete it.
    a2.update_access_key(AccessKeyId=old, Status="Inactive")
    assert {m["AccessKeyId"]: m["Status"] for m in a2.list_access_keys()["AccessKeyMetadata"]} == {
        old: "Inactive", new["AccessKeyId"]: "Active"}
    a2.delete_access_key(UserName=alice.name, AccessKeyId=old)
    assert [m["AccessKeyId"] for m in a2.list_access_keys(UserName=alice.name)["AccessKeyMetadata"]] == [
        new["AccessKeyId"]]
    assert denied(lambda: server.sts(alice.creds).get_caller_identity()) == (
        "InvalidClientTokenId", MSG_INVALID_TOKEN, 403)
    assert server.sts((new["AccessKeyId"], new["SecretAccessKey"])).get_caller_identity()["Arn"] == alice.arn

    # Another user's keys: every action is denied, naming the resource "user bob".
    bob_key = bob.key["AccessKeyId"]
    for action, call in (
            ("iam:CreateAccessKey", lambda: a2.create_access_key(UserName=bob.name)),
            ("iam:ListAccessKeys", lambda: a2.list_access_keys(UserName=bob.name)),
            ("iam:UpdateAccessKey", lambda: a2.update_access_key(UserName=bob.name, AccessKeyId=bob_key,
                                                                 Status="Inactive")),
            ("iam:DeleteAccessKey", lambda: a2.delete_access_key(UserName=bob.name, AccessKeyId=bob_key))):
        assert denied(call) == ("AccessDenied", implicit(alice.arn, action, f"user {bob.name}"), 403), action
    # ...and nothing happened to bob's keys.
    meta = root.list_access_keys(UserName=bob.name)["AccessKeyMetadata"]
    assert [(m["AccessKeyId"], m["Status"]) for m in meta] == [(bob_key, "Active")]
    # The policy grants key management only: GetUser on herself is still denied.
    assert denied(a2.get_user) == ("AccessDenied", implicit(alice.arn, "iam:GetUser", f"user {alice.name}"), 403)


def test_self_service_key_rotation_cli(cli, server):
    root = server.iam()
    alice = make_user(server, "alice-cli")
    bob = make_user(server, "bob-cli")
    root.put_user_policy(UserName=alice.name, PolicyName="ManageOwnAccessKeys", PolicyDocument=SELF_KEYS)
    # The guide's rotation commands, run by the user herself.
    listed = cli.run("iam", "list-access-keys", "--user-name", alice.name, creds=alice.creds).ok().json
    assert [m["AccessKeyId"] for m in listed["AccessKeyMetadata"]] == [alice.key["AccessKeyId"]]
    new = cli.run("iam", "create-access-key", creds=alice.creds).ok().json["AccessKey"]
    assert new["UserName"] == alice.name
    new_creds = (new["AccessKeyId"], new["SecretAccessKey"])
    cli.run("iam", "delete-access-key", "--user-name", alice.name, "--access-key-id",
            alice.key["AccessKeyId"], creds=new_creds).ok()
    listed = cli.run("iam", "list-access-keys", creds=new_creds).ok().json
    assert [m["AccessKeyId"] for m in listed["AccessKeyMetadata"]] == [new["AccessKeyId"]]
    # On bob: AccessDenied with the exact message.
    r = cli.run("iam", "create-access-key", "--user-name", bob.name, creds=new_creds)
    assert r.rc != 0
    assert r.error == ("AccessDenied", implicit(alice.arn, "iam:CreateAccessKey", f"user {bob.name}"))
    r = cli.run("iam", "list-access-keys", "--user-name", bob.name, creds=new_creds)
    assert r.error == ("AccessDenied", implicit(alice.arn, "iam:ListAccessKeys", f"user {bob.name}"))
    assert len(root.list_access_keys(UserName=bob.name)["AccessKeyMetadata"]) == 1


# ---------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------
def test_group_policy_grants_a_real_call_until_removal(server):
    root = server.iam()
    u = make_user(server, "grp-member")
    group = f"listers-{rand_suffix()}"
    root.create_group(GroupName=group)
    root.put_group_policy(GroupName=group, PolicyName="list-users", PolicyDocument=doc(allow("iam:ListUsers")))
    iam = server.iam(u.creds)
    list_users_denied(u, iam)
    root.add_user_to_group(GroupName=group, UserName=u.name)
    assert isinstance(iam.list_users()["Users"], list)
    root.remove_user_from_group(GroupName=group, UserName=u.name)
    list_users_denied(u, iam)  # the very next request
    root.add_user_to_group(GroupName=group, UserName=u.name)
    iam.list_users()
    # A managed policy attached to the group works the same way.
    root.delete_group_policy(GroupName=group, PolicyName="list-users")
    list_users_denied(u, iam)
    root.attach_group_policy(GroupName=group, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    iam.list_users()
    assert iam.get_user()["User"]["Arn"] == u.arn
    root.detach_group_policy(GroupName=group, PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    list_users_denied(u, iam)


def test_group_policy_grants_a_real_call_cli(cli, server):
    root = server.iam()
    u = make_user(server, "grp-cli")
    group = f"listers-cli-{rand_suffix()}"
    root.create_group(GroupName=group)
    root.put_group_policy(GroupName=group, PolicyName="list-users", PolicyDocument=doc(allow("iam:ListUsers")))
    root.add_user_to_group(GroupName=group, UserName=u.name)
    names = [x["UserName"] for x in cli.run("iam", "list-users", creds=u.creds).ok().json["Users"]]
    assert u.name in names
    root.remove_user_from_group(GroupName=group, UserName=u.name)
    r = cli.run("iam", "list-users", creds=u.creds)
    assert r.rc != 0 and r.error == ("AccessDenied", implicit(u.arn, "iam:ListUsers", USERS_RES))


# ---------------------------------------------------------------------------
# Explicit deny
# ---------------------------------------------------------------------------
def test_explicit_deny_overrides_allow(server, cli):
    root = server.iam()
    u = make_user(server, "denied")
    root.put_user_policy(UserName=u.name, PolicyName="allow",
                         PolicyDocument=doc(allow("iam:ListUsers", "iam:GetUser", "iam:ListGroups")))
    iam = server.iam(u.creds)
    iam.list_users()
    parn = root.create_policy(PolicyName=f"deny-list-users-{rand_suffix()}",
                              PolicyDocument=doc(deny("iam:ListUsers")))["Policy"]["Arn"]
    root.attach_user_policy(UserName=u.name, PolicyArn=parn)
    list_users_denied(u, iam, explicit)
    r = cli.run("iam", "list-users", creds=u.creds)
    assert r.rc != 0 and r.error == ("AccessDenied", explicit(u.arn, "iam:ListUsers", USERS_RES))
    assert iam.get_user()["User"]["UserName"] == u.name  # only the denied action is affected
    # A deny from a group applies to its members, on a user-scoped action too.
    group = f"deny-get-{rand_suffix()}"
    root.create_group(GroupName=group)
    root.put_group_policy(GroupName=group, PolicyName="deny-get-user",
                          PolicyDocument=doc(deny("iam:GetUser"), allow("iam:GetUser")))
    root.add_user_to_group(GroupName=group, UserName=u.name)
    assert denied(iam.get_user) == ("AccessDenied", explicit(u.arn, "iam:GetUser", f"user {u.name}"), 403)
    # Wildcards in a Deny: iam:List* denies ListGroups as well.
    root.put_user_policy(UserName=u.name, PolicyName="deny-lists", PolicyDocument=doc(deny("iam:List*")))
    assert denied(iam.list_groups) == ("AccessDenied", explicit(u.arn, "iam:ListGroups",
                                                                f"arn:aws:iam::{ACCOUNT_ID}:group/"), 403)
    root.delete_user_policy(UserName=u.name, PolicyName="deny-lists")
    iam.list_groups()


# ---------------------------------------------------------------------------
# Permissions boundary
# ---------------------------------------------------------------------------
def test_permissions_boundary_cuts_a_real_call(server):
    root = server.iam()
    u = make_user(server, "bounded-admin")
    root.attach_user_policy(UserName=u.name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    boundary = root.create_policy(PolicyName=f"read-only-boundary-{rand_suffix()}",
                                  PolicyDocument=doc(allow("iam:Get*", "iam:List*")))["Policy"]["Arn"]
    root.put_user_permissions_boundary(UserName=u.name, PermissionsBoundary=boundary)
    iam = server.iam(u.creds)
    target = f"made-by-{u.name}"
    assert denied(lambda: iam.create_user(UserName=target)) == (
        "AccessDenied", by_boundary(u.arn, "iam:CreateUser", f"arn:aws:iam::{ACCOUNT_ID}:user/{target}"), 403)
    assert denied(lambda: root.get_user(UserName=target))[0::2] == ("NoSuchEntity", 404)
    assert denied(lambda: iam.create_access_key(UserName=u.name)) == (
        "AccessDenied", by_boundary(u.arn, "iam:CreateAccessKey", f"user {u.name}"), 403)
    # What both allow still works.
    iam.list_users()
    assert iam.get_user()["User"]["PermissionsBoundary"]["PermissionsBoundaryArn"] == boundary
    # The boundary only limits: removing the identity policy denies with the identity-based form.
    root.detach_user_policy(UserName=u.name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    list_users_denied(u, iam)
    root.attach_user_policy(UserName=u.name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    # Removing the boundary lifts the cut on the very next request.
    root.delete_user_permissions_boundary(UserName=u.name)
    iam.create_user(UserName=target)
    iam.delete_user(UserName=target)


def test_permissions_boundary_set_at_create_user_cli(cli, server):
    root = server.iam()
    boundary = root.create_policy(PolicyName=f"get-list-boundary-{rand_suffix()}",
                                  PolicyDocument=doc(allow("iam:Get*", "iam:List*")))["Policy"]["Arn"]
    name = f"bounded-cli-{rand_suffix()}"
    user = cli.run("iam", "create-user", "--user-name", name, "--permissions-boundary", boundary).ok().json["User"]
    cli.run("iam", "attach-user-policy", "--user-name", name,
            "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess").ok()
    key = cli.run("iam", "create-access-key", "--user-name", name).ok().json["AccessKey"]
    creds = (key["AccessKeyId"], key["SecretAccessKey"])
    target = f"target-{rand_suffix()}"
    r = cli.run("iam", "create-user", "--user-name", target, creds=creds)
    assert r.rc != 0
    assert r.error == ("AccessDenied", by_boundary(user["Arn"], "iam:CreateUser",
                                                   f"arn:aws:iam::{ACCOUNT_ID}:user/{target}"))
    cli.run("iam", "list-users", creds=creds).ok()


# ---------------------------------------------------------------------------
# Policy changes are in force for the very next request
# ---------------------------------------------------------------------------
def test_policy_changes_effective_next_request(server, cli, tmp_path):
    root = server.iam()
    u = make_user(server, "changes")
    iam = server.iam(u.creds)
    parn = root.create_policy(PolicyName=f"changing-{rand_suffix()}",
                              PolicyDocument=doc(allow("iam:ListUsers")))["Policy"]["Arn"]
    root.attach_user_policy(UserName=u.name, PolicyArn=parn)
    iam.list_users()
    for _ in range(3):
        # CreatePolicyVersion --set-as-default, through the CLI as the guides would.
        f = tmp_path / "v.json"
        f.write_text(doc(allow("iam:GetUser")))
        v = cli.run("iam", "create-policy-version", "--policy-arn", parn,
                    "--policy-document", f"file://{f}", "--set-as-default").ok().json["PolicyVersion"]
        assert v["IsDefaultVersion"] is True
        list_users_denied(u, iam)
        iam.get_user()
        root.set_default_policy_version(PolicyArn=parn, VersionId="v1")
        iam.list_users()
        assert denied(iam.get_user) == ("AccessDenied", implicit(u.arn, "iam:GetUser", f"user {u.name}"), 403)
        root.delete_policy_version(PolicyArn=parn, VersionId=v["VersionId"])
    # DetachUserPolicy
    root.detach_user_policy(UserName=u.name, PolicyArn=parn)
    list_users_denied(u, iam)
    # PutUserPolicy, then overwritten by a Deny under the same name, then DeleteUserPolicy
    root.put_user_policy(UserName=u.name, PolicyName="inline", PolicyDocument=doc(allow("iam:ListUsers")))
    iam.list_users()
    root.attach_user_policy(UserName=u.name, PolicyArn=parn)
    root.put_user_policy(UserName=u.name, PolicyName="inline", PolicyDocument=doc(deny("iam:ListUsers")))
    list_users_denied(u, iam, explicit)
    root.delete_user_policy(UserName=u.name, PolicyName="inline")
    iam.list_users()  # the managed policy allows again
    root.detach_user_policy(UserName=u.name, PolicyArn=parn)
    list_users_denied(u, iam)
    # Alternating quickly: each answer matches the change just before it.
    for _ in range(5):
        root.put_user_policy(UserName=u.name, PolicyName="flip", PolicyDocument=doc(allow("iam:ListUsers")))
        iam.list_users()
        root.delete_user_policy(UserName=u.name, PolicyName="flip")
        list_users_denied(u, iam)


def test_user_can_change_own_permissions_and_next_request_sees_it(server):
    """The caller's own write invalidates what its next request is judged by."""
    root = server.iam()
    u = make_user(server, "selfedit")
    root.put_user_policy(UserName=u.name, PolicyName="self", PolicyDocument=doc(
        allow("iam:PutUserPolicy", "iam:DeleteUserPolicy", resource="arn:aws:iam::*:user/${aws:username}")))
    iam = server.iam(u.creds)
    list_users_denied(u, iam)
    iam.put_user_policy(UserName=u.name, PolicyName="grant", PolicyDocument=doc(allow("iam:ListUsers")))
    iam.list_users()
    iam.delete_user_policy(UserName=u.name, PolicyName="grant")
    list_users_denied(u, iam)


# ---------------------------------------------------------------------------
# sts:GetCallerIdentity needs no permission
# ---------------------------------------------------------------------------
def test_get_caller_identity_under_deny_all(server, cli):
    # STS API reference, GetCallerIdentity: "No permissions are required to perform this
    # operation. If an administrator attaches a policy to your identity that explicitly denies
    # access to the sts:GetCallerIdentity action, you can still perform this operation."
    root = server.iam()
    u = make_user(server, "deny-all")
    root.attach_user_policy(UserName=u.name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    root.put_user_policy(UserName=u.name, PolicyName="deny-all", PolicyDocument=doc(deny("*")))
    ident = server.sts(u.creds).get_caller_identity()
    assert (ident["Arn"], ident["Account"], ident["UserId"]) == (u.arn, ACCOUNT_ID, u.user["UserId"])
    assert cli.run("sts", "get-caller-identity", creds=u.creds).ok().json["Arn"] == u.arn
    list_users_denied(u, server.iam(u.creds), explicit)
    root.put_user_policy(UserName=u.name, PolicyName="deny-all",
                         PolicyDocument=doc(deny("sts:GetCallerIdentity")))
    assert server.sts(u.creds).get_caller_identity()["Arn"] == u.arn


# ---------------------------------------------------------------------------
# Condition keys and policy variables in real calls
# ---------------------------------------------------------------------------
def signed_region(client) -> list[str]:
    """Records the credential-scope region of each request the client sends."""
    seen: list[str] = []

    def hook(request, **_):
        auth = request.headers.get("Authorization", b"")
        auth = auth.decode() if isinstance(auth, bytes) else auth
        seen.append(auth.split("Credential=")[1].split("/")[2])
    client.meta.events.register("before-send", hook)
    return seen


def test_requested_region_condition(server):
    root = server.iam()
    u = make_user(server, "region")
    root.put_user_policy(UserName=u.name, PolicyName="us-east-1-only", PolicyDocument=doc(
        allow("iam:ListUsers", Condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}})))
    east = server.iam(u.creds, region="us-east-1")
    east.list_users()
    west = server.iam(u.creds, region="eu-west-1")
    regions = signed_region(west)
    list_users_denied(u, west)
    assert regions == ["eu-west-1"], "the client must sign for eu-west-1 for this test to mean anything"
    # A Deny on the other side: StringNotEquals denies everything signed outside us-east-1.
    root.put_user_policy(UserName=u.name, PolicyName="deny-elsewhere", PolicyDocument=doc(
        deny("iam:*", Condition={"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}),
        allow("iam:ListUsers")))
    east.list_users()
    list_users_denied(u, west, explicit)


def test_source_ip_condition(server):
    root = server.iam()
    u = make_user(server, "srcip")
    iam = server.iam(u.creds)
    root.put_user_policy(UserName=u.name, PolicyName="ip", PolicyDocument=doc(
        allow("iam:ListUsers", Condition={"IpAddress": {"aws:SourceIp": "127.0.0.1/32"}})))
    iam.list_users()  # the suite talks to 127.0.0.1
    root.put_user_policy(UserName=u.name, PolicyName="ip", PolicyDocument=doc(
        allow("iam:ListUsers", Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})))
    list_users_denied(u, iam)
    root.put_user_policy(UserName=u.name, PolicyName="ip", PolicyDocument=doc(
        allow("iam:ListUsers"),
        deny("iam:ListUsers", Condition={"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "10.0.0.0/8"]}})))
    list_users_denied(u, iam, explicit)


def test_principal_tag_in_resource_and_condition(server):
    root = server.iam()
    team = f"team{rand_suffix()}"
    other = f"other{rand_suffix()}"
    u = make_user(server, "tagged")
    root.tag_user(UserName=u.name, Tags=[{"Key": "team", "Value": team}])
    mine = f"mate-{rand_suffix()}"
    theirs = f"stranger-{rand_suffix()}"
    root.create_user(UserName=mine, Path=f"/{team}/")
    root.create_user(UserName=theirs, Path=f"/{other}/")
    root.put_user_policy(UserName=u.name, PolicyName="team", PolicyDocument=doc(
        allow("iam:GetUser", resource="arn:aws:iam::*:user/${aws:PrincipalTag/team}/*"),
        allow("iam:ListUsers", Condition={"StringEquals": {"aws:PrincipalTag/team": team}})))
    iam = server.iam(u.creds)
    assert iam.get_user(UserName=mine)["User"]["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/{team}/{mine}"
    assert denied(lambda: iam.get_user(UserName=theirs)) == (
        "AccessDenied", implicit(u.arn, "iam:GetUser", f"user {theirs}"), 403)
    iam.list_users()
    # Re-tagging the principal changes what it may do on the very next request.
    root.tag_user(UserName=u.name, Tags=[{"Key": "team", "Value": other}])
    assert iam.get_user(UserName=theirs)["User"]["UserName"] == theirs
    assert denied(lambda: iam.get_user(UserName=mine)) == (
        "AccessDenied", implicit(u.arn, "iam:GetUser", f"user {mine}"), 403)
    list_users_denied(u, iam)
    # Without the tag, the variable cannot be resolved and the statement does not match.
    root.untag_user(UserName=u.name, TagKeys=["team"])
    assert denied(lambda: iam.get_user(UserName=theirs)) == (
        "AccessDenied", implicit(u.arn, "iam:GetUser", f"user {theirs}"), 403)

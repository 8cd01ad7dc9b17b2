"""The resources the new IAM operations are authorized on, as AccessDenied messages show them
(a non-root caller is still denied everything until the policy engine is wired in): the ARN
with its path for creations and unknown entities, `group NAME` / `role NAME` for existing
groups and roles (as IAM writes `user NAME`), `policy ARN` for managed policies, and the
`…:role/`-style prefix for listings, as for ListUsers."""

import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def denied(arn, action, resource):
    return (f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
            f"because no identity-based policy allows the {action} action")


def test_denials_name_the_resource(server):
    u = make_user(server, "nopol")
    mine = server.iam(u.creds)
    iam = server.iam()
    role = f"res-{rand_suffix()}"
    iam.create_role(RoleName=role, Path="/svc/", AssumeRolePolicyDocument=TRUST)
    group = f"resg-{rand_suffix()}"
    iam.create_group(GroupName=group)
    a = f"arn:aws:iam::{ACCOUNT_ID}"
    cases = [
        (lambda: mine.create_group(GroupName="x", Path="/p/"), "iam:CreateGroup", f"{a}:group/p/x"),
        (lambda: mine.get_group(GroupName=group), "iam:GetGroup", f"group {group}"),
        (lambda: mine.list_groups(), "iam:ListGroups", f"{a}:group/"),
        (lambda: mine.get_role(RoleName=role), "iam:GetRole", f"role {role}"),
        (lambda: mine.get_role(RoleName="ghost"), "iam:GetRole", f"{a}:role/ghost"),
        (lambda: mine.list_roles(), "iam:ListRoles", f"{a}:role/"),
        (lambda: mine.attach_role_policy(RoleName=role, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess"),
         "iam:AttachRolePolicy", f"role {role}"),
        (lambda: mine.get_policy(PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess"),
         "iam:GetPolicy", "policy arn:aws:iam::aws:policy/ReadOnlyAccess"),
        (lambda: mine.list_groups_for_user(UserName=u.name), "iam:ListGroupsForUser", f"user {u.name}"),
        (lambda: mine.create_instance_profile(InstanceProfileName="ip"), "iam:CreateInstanceProfile",
         f"{a}:instance-profile/ip"),
    ]
    for call, action, resource in cases:
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e) == ("AccessDenied", denied(u.arn, action, resource), 403), action

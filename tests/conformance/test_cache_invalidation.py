"""Each write changes the cached permissions of exactly the principals it affects, in force for
their very next request: a group's policies reach its members, a managed policy's new default
version reaches every holder (directly attached, through a group, as a role's policy, as a
permissions boundary), tags reach `aws:PrincipalTag` conditions, and membership changes reach the
member. Each principal makes a call first so that its policies are cached before the change."""

import json


from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

LIST_USERS = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]}
NOTHING = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetGroup", "Resource": "*"}]}


def allowed(iam) -> bool:
    try:
        iam.list_users(MaxItems=1)
        return True
    except Exception as e:  # noqa: BLE001 - the code is asserted below
        assert client_error(e)[0] == "AccessDenied", e
        return False


def test_group_policy_reaches_members_who_were_cached(server):
    root = server.iam()
    group = f"g-{rand_suffix()}"
    root.create_group(GroupName=group)
    members = [make_user(server, "member") for _ in range(2)]
    outsider = make_user(server, "outsider")
    for u in members:
        root.add_user_to_group(GroupName=group, UserName=u.name)
    clients = [server.iam(u.creds) for u in members + [outsider]]
    assert [allowed(c) for c in clients] == [False, False, False]
    root.put_group_policy(GroupName=group, PolicyName="list", PolicyDocument=json.dumps(LIST_USERS))
    assert [allowed(c) for c in clients] == [True, True, False]
    root.remove_user_from_group(GroupName=group, UserName=members[0].name)
    assert [allowed(c) for c in clients] == [False, True, False]
    root.delete_group_policy(GroupName=group, PolicyName="list")
    assert [allowed(c) for c in clients] == [False, False, False]


def test_new_default_policy_version_reaches_every_holder(server):
    root = server.iam()
    arn = root.create_policy(PolicyName=f"p-{rand_suffix()}", PolicyDocument=json.dumps(LIST_USERS))["Policy"]["Arn"]
    direct = make_user(server, "direct")
    root.attach_user_policy(UserName=direct.name, PolicyArn=arn)
    group = f"g-{rand_suffix()}"
    root.create_group(GroupName=group)
    via_group = make_user(server, "viagroup")
    root.add_user_to_group(GroupName=group, UserName=via_group.name)
    root.attach_group_policy(GroupName=group, PolicyArn=arn)
    bounded = make_user(server, "bounded")
    root.put_user_policy(UserName=bounded.name, PolicyName="all", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}))
    root.put_user_permissions_boundary(UserName=bounded.name, PermissionsBoundary=arn)
    role = f"r-{rand_suffix()}"
    assumer = make_user(server, "assumer")
    root.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": assumer.arn}, "Action": "sts:AssumeRole"}]}))
    root.attach_role_policy(RoleName=role, PolicyArn=arn)
    root.put_user_policy(UserName=assumer.name, PolicyName="assume", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))
    creds = server.sts(assumer.creds).assume_role(
        RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{role}", RoleSessionName="sess")["Credentials"]
    session = server.client("iam", creds=(creds["AccessKeyId"], creds["SecretAccessKey"]),
                            session_token=creds["SessionToken"])
    clients = [server.iam(u.creds) for u in (direct, via_group, bounded)] + [session]
    assert [allowed(c) for c in clients] == [True] * 4

    root.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(NOTHING), SetAsDefault=True)
    assert [allowed(c) for c in clients] == [False] * 4
    root.set_default_policy_version(PolicyArn=arn, VersionId="v1")
    assert [allowed(c) for c in clients] == [True] * 4


def test_tags_reach_principal_tag_conditions(server):
    root = server.iam()
    user = make_user(server, "tagged")
    root.put_user_policy(UserName=user.name, PolicyName="by-tag", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*",
                                                 "Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}}]}))
    iam = server.iam(user.creds)
    assert not allowed(iam)
    root.tag_user(UserName=user.name, Tags=[{"Key": "team", "Value": "blue"}])
    assert allowed(iam)
    root.untag_user(UserName=user.name, TagKeys=["team"])
    assert not allowed(iam)


def test_attach_and_detach_reach_the_user_named_in_any_case(server):
    root = server.iam()
    user = make_user(server, "CaseUser")
    iam = server.iam(user.creds)
    assert not allowed(iam)
    root.attach_user_policy(UserName=user.name.upper(), PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    assert allowed(iam)
    root.detach_user_policy(UserName=user.name.lower(), PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
    assert not allowed(iam)

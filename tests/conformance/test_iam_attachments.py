"""Attached managed policies, inline policies and permissions boundaries on users, groups and
roles, with IAM's quotas and messages ("Cannot exceed quota for PoliciesPerUser: 10",
"Policy ARN does not exist or is not attachable.", "The user policy with name X cannot be
found.") and the DeleteUser conflicts they cause."""

import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def doc(action):
    return json.dumps({"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})


AWS_POLICIES = ["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess",
                "IAMReadOnlyAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess",
                "AmazonBraketFullAccess", "AmazonKeyspacesFullAccess", "AmazonKeyspacesReadOnlyAccess",
                "AmazonBedrockFullAccess"]


def holders(server):
    iam = server.iam()
    u = make_user(server, "h", with_key=False).name
    g = f"hg-{rand_suffix()}"
    r = f"hr-{rand_suffix()}"
    iam.create_group(GroupName=g)
    iam.create_role(RoleName=r, AssumeRolePolicyDocument=TRUST)
    return [("User", u), ("Group", g), ("Role", r)]


# Each holder kind's operations, spelled out so that scripts/operations sees every one driven.
ATTACHED = {
    "User": lambda iam: (iam.attach_user_policy, iam.detach_user_policy, iam.list_attached_user_policies),
    "Group": lambda iam: (iam.attach_group_policy, iam.detach_group_policy, iam.list_attached_group_policies),
    "Role": lambda iam: (iam.attach_role_policy, iam.detach_role_policy, iam.list_attached_role_policies),
}
INLINE = {
    "User": lambda iam: (iam.put_user_policy, iam.get_user_policy, iam.delete_user_policy, iam.list_user_policies),
    "Group": lambda iam: (iam.put_group_policy, iam.get_group_policy, iam.delete_group_policy,
                          iam.list_group_policies),
    "Role": lambda iam: (iam.put_role_policy, iam.get_role_policy, iam.delete_role_policy, iam.list_role_policies),
}


@pytest.mark.parametrize("kind", ["User", "Group", "Role"])
def test_attach_list_detach_and_quota(server, kind):
    iam = server.iam()
    name = dict(holders(server))[kind]
    key = f"{kind}Name"
    attach, detach, listing = ATTACHED[kind](iam)
    arns = [f"arn:aws:iam::aws:policy/{p}" for p in AWS_POLICIES]
    for arn in arns[:10]:
        attach(**{key: name, "PolicyArn": arn})
    attach(**{key: name, "PolicyArn": arns[0]})  # already attached: no error
    with pytest.raises(Exception) as e:
        attach(**{key: name, "PolicyArn": arns[10]})
    assert client_error(e) == ("LimitExceeded", f"Cannot exceed quota for PoliciesPer{kind}: 10", 409)
    first = listing(**{key: name, "MaxItems": 4})
    assert len(first["AttachedPolicies"]) == 4 and first["IsTruncated"]
    assert first["AttachedPolicies"][0] == {"PolicyName": "AdministratorAccess",
                                            "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}
    for arn in arns[:10]:
        detach(**{key: name, "PolicyArn": arn})
    assert listing(**{key: name})["AttachedPolicies"] == []
    with pytest.raises(Exception) as e:
        detach(**{key: name, "PolicyArn": arns[0]})
    assert client_error(e) == ("NoSuchEntity", f"Policy {arns[0]} was not found.", 404)


def test_attach_errors(server):
    iam = server.iam()
    u = make_user(server, "ae", with_key=False).name
    missing = f"arn:aws:iam::{ACCOUNT_ID}:policy/missing-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.attach_user_policy(UserName=u, PolicyArn=missing)
    assert client_error(e) == ("NoSuchEntity", f"Policy {missing} does not exist or is not attachable.", 404)
    with pytest.raises(Exception) as e:
        iam.attach_role_policy(RoleName="no-role-x", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    assert client_error(e) == ("NoSuchEntity", "The role with name no-role-x cannot be found.", 404)


@pytest.mark.parametrize("kind", ["User", "Group", "Role"])
def test_inline_policies(server, kind):
    iam = server.iam()
    name = dict(holders(server))[kind]
    key = f"{kind}Name"
    snake = kind.lower()
    put, get, delete, listing = INLINE[kind](iam)
    put(**{key: name, "PolicyName": "b-policy", "PolicyDocument": doc("s3:GetObject")})
    put(**{key: name, "PolicyName": "a-policy", "PolicyDocument": doc("s3:PutObject")})
    put(**{key: name, "PolicyName": "b-policy", "PolicyDocument": doc("s3:ListBucket")})
    got = get(**{key: name, "PolicyName": "b-policy"})
    assert got[key] == name and got["PolicyName"] == "b-policy"
    assert got["PolicyDocument"]["Statement"][0]["Action"] == "s3:ListBucket"
    assert listing(**{key: name})["PolicyNames"] == ["a-policy", "b-policy"]
    page = listing(**{key: name, "MaxItems": 1})
    assert page["PolicyNames"] == ["a-policy"] and page["IsTruncated"]
    delete(**{key: name, "PolicyName": "a-policy"})
    with pytest.raises(Exception) as e:
        get(**{key: name, "PolicyName": "a-policy"})
    assert client_error(e) == ("NoSuchEntity", f"The {snake} policy with name a-policy cannot be found.", 404)
    with pytest.raises(Exception) as e:
        put(**{key: name, "PolicyName": "bad", "PolicyDocument": '{"Version":"2012-10-17"}'})
    assert client_error(e) == ("MalformedPolicyDocument", "Syntax errors in policy.", 400)
    delete(**{key: name, "PolicyName": "b-policy"})


def test_permissions_boundaries(server):
    iam = server.iam()
    u = make_user(server, "pb", with_key=False).name
    r = f"pbr-{rand_suffix()}"
    arn = "arn:aws:iam::aws:policy/PowerUserAccess"
    iam.create_role(RoleName=r, AssumeRolePolicyDocument=TRUST, PermissionsBoundary=arn)
    assert iam.get_role(RoleName=r)["Role"]["PermissionsBoundary"] == {
        "PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": arn}
    iam.put_user_permissions_boundary(UserName=u, PermissionsBoundary=arn)
    iam.put_user_permissions_boundary(UserName=u, PermissionsBoundary="arn:aws:iam::aws:policy/ReadOnlyAccess")
    assert iam.get_user(UserName=u)["User"]["PermissionsBoundary"]["PermissionsBoundaryArn"] == \
        "arn:aws:iam::aws:policy/ReadOnlyAccess"
    p = iam.get_policy(PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")["Policy"]
    assert p["PermissionsBoundaryUsageCount"] >= 1
    iam.delete_user_permissions_boundary(UserName=u)
    assert "PermissionsBoundary" not in iam.get_user(UserName=u)["User"]
    iam.delete_role_permissions_boundary(RoleName=r)
    assert "PermissionsBoundary" not in iam.get_role(RoleName=r)["Role"]
    iam.put_role_permissions_boundary(RoleName=r, PermissionsBoundary=arn)
    missing = f"arn:aws:iam::{ACCOUNT_ID}:policy/none-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.put_user_permissions_boundary(UserName=u, PermissionsBoundary=missing)
    assert client_error(e) == ("NoSuchEntity", f"Policy {missing} does not exist or is not attachable.", 404)
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=r + "x", AssumeRolePolicyDocument=TRUST, PermissionsBoundary=missing)
    assert client_error(e)[0] == "NoSuchEntity"
    with pytest.raises(Exception) as e:
        iam.get_role(RoleName=r + "x")
    assert client_error(e)[0] == "NoSuchEntity", "a refused CreateRole writes nothing"
    # A user's boundary goes with the user.
    iam.put_user_permissions_boundary(UserName=u, PermissionsBoundary=arn)
    iam.delete_user(UserName=u)


def test_delete_user_conflicts(server):
    iam = server.iam()
    u = make_user(server, "du", with_key=False).name
    iam.attach_user_policy(UserName=u, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    with pytest.raises(Exception) as e:
        iam.delete_user(UserName=u)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_user_policy(UserName=u, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    iam.put_user_policy(UserName=u, PolicyName="p", PolicyDocument=doc("s3:GetObject"))
    with pytest.raises(Exception) as e:
        iam.delete_user(UserName=u)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_user_policy(UserName=u, PolicyName="p")
    iam.delete_user(UserName=u)


def test_local_policy_attachment_blocks_delete(server):
    iam = server.iam()
    arn = iam.create_policy(PolicyName=f"blk-{rand_suffix()}", PolicyDocument=doc("s3:GetObject"))["Policy"]["Arn"]
    r = f"blkr-{rand_suffix()}"
    iam.create_role(RoleName=r, AssumeRolePolicyDocument=TRUST)
    iam.attach_role_policy(RoleName=r, PolicyArn=arn)
    with pytest.raises(Exception) as e:
        iam.delete_policy(PolicyArn=arn)
    assert client_error(e) == ("DeleteConflict", "Cannot delete a policy attached to entities.", 409)
    out = iam.list_entities_for_policy(PolicyArn=arn)
    assert [x["RoleName"] for x in out["PolicyRoles"]] == [r]
    iam.detach_role_policy(RoleName=r, PolicyArn=arn)
    iam.delete_policy(PolicyArn=arn)


def test_inline_policy_aggregate_size(server):
    # IAM caps the sum of a user's inline policies at 2,048 characters (not counting
    # whitespace): "Maximum policy size of 2048 bytes exceeded for user NAME" (real captures).
    iam = server.iam()
    u = make_user(server, "sz", with_key=False).name
    resources = [f"arn:aws:s3:::bucket-number-{i:04d}" for i in range(30)]
    big = json.dumps({"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": resources}]})
    assert 1024 < len(big.replace(" ", "")) < 2048
    iam.put_user_policy(UserName=u, PolicyName="one", PolicyDocument=big)
    iam.put_user_policy(UserName=u, PolicyName="one", PolicyDocument=big)  # replacing does not add up
    with pytest.raises(Exception) as e:
        iam.put_user_policy(UserName=u, PolicyName="two", PolicyDocument=big)
    assert client_error(e) == ("LimitExceeded", f"Maximum policy size of 2048 bytes exceeded for user {u}", 409)
    r = f"szr-{rand_suffix()}"
    iam.create_role(RoleName=r, AssumeRolePolicyDocument=TRUST)
    for n in ("one", "two", "three"):
        iam.put_role_policy(RoleName=r, PolicyName=n, PolicyDocument=big)


def test_create_user_with_boundary(server):
    iam = server.iam()
    name = f"bu-{rand_suffix()}"
    arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    created = iam.create_user(UserName=name, PermissionsBoundary=arn)["User"]
    assert created["PermissionsBoundary"]["PermissionsBoundaryArn"] == arn
    assert iam.get_user(UserName=name)["User"]["PermissionsBoundary"]["PermissionsBoundaryArn"] == arn
    missing = f"arn:aws:iam::{ACCOUNT_ID}:policy/none-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.create_user(UserName=name + "x", PermissionsBoundary=missing)
    assert client_error(e) == ("NoSuchEntity", f"Policy {missing} does not exist or is not attachable.", 404)
    with pytest.raises(Exception) as e:
        iam.get_user(UserName=name + "x")
    assert client_error(e)[0] == "NoSuchEntity", "a refused CreateUser writes nothing"


def test_boundary_use_blocks_policy_delete(server):
    # AWS refuses to delete a policy that is some principal's permissions boundary
    # (gruntwork-io/cloud-nuke#972: DeleteConflict until the boundary is removed).
    iam = server.iam()
    arn = iam.create_policy(PolicyName=f"bnd-{rand_suffix()}", PolicyDocument=doc("s3:*"))["Policy"]["Arn"]
    r = f"bndr-{rand_suffix()}"
    iam.create_role(RoleName=r, AssumeRolePolicyDocument=TRUST, PermissionsBoundary=arn)
    with pytest.raises(Exception) as e:
        iam.delete_policy(PolicyArn=arn)
    assert client_error(e) == ("DeleteConflict", "Cannot delete a policy attached to entities.", 409)
    out = iam.list_entities_for_policy(PolicyArn=arn, PolicyUsageFilter="PermissionsBoundary")
    assert [x["RoleName"] for x in out["PolicyRoles"]] == [r]
    assert iam.list_entities_for_policy(PolicyArn=arn, PolicyUsageFilter="PermissionsPolicy")["PolicyRoles"] == []
    iam.delete_role_permissions_boundary(RoleName=r)
    iam.delete_policy(PolicyArn=arn)
    iam.delete_role(RoleName=r)

"""Instance profiles: Create/Get/List/DeleteInstanceProfile, Add/RemoveRoleFromInstanceProfile
(one role at most: LimitExceeded "Cannot exceed quota for InstanceSessionsPerInstanceProfile:
1"), ListInstanceProfilesForRole, and the DeleteConflicts a held role causes."""

import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def test_instance_profile_lifecycle(server):
    iam = server.iam()
    name = f"ip-{rand_suffix()}"
    role = f"iprole-{rand_suffix()}"
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=TRUST)
    p = iam.create_instance_profile(InstanceProfileName=name, Path="/web/")["InstanceProfile"]
    assert p["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:instance-profile/web/{name}"
    assert p["InstanceProfileId"].startswith("AIPA") and p["Roles"] == []
    iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=role)
    got = iam.get_instance_profile(InstanceProfileName=name)["InstanceProfile"]
    assert [r["RoleName"] for r in got["Roles"]] == [role]
    assert got["Roles"][0]["AssumeRolePolicyDocument"] == json.loads(TRUST)
    assert name in [x["InstanceProfileName"] for x in iam.list_instance_profiles(PathPrefix="/web/")["InstanceProfiles"]]
    assert [x["InstanceProfileName"] for x in iam.list_instance_profiles_for_role(RoleName=role)["InstanceProfiles"]] == [name]

    other = f"iprole2-{rand_suffix()}"
    iam.create_role(RoleName=other, AssumeRolePolicyDocument=TRUST)
    for r in (other, role):
        with pytest.raises(Exception) as e:
            iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=r)
        assert client_error(e) == ("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409)
    for call in (lambda: iam.delete_role(RoleName=role), lambda: iam.delete_instance_profile(InstanceProfileName=name)):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409)
    iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=role)
    with pytest.raises(Exception) as e:
        iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=role)
    assert client_error(e)[0] == "NoSuchEntity"
    iam.delete_instance_profile(InstanceProfileName=name)
    with pytest.raises(Exception) as e:
        iam.get_instance_profile(InstanceProfileName=name)
    assert client_error(e) == ("NoSuchEntity", f"Instance Profile {name} cannot be found.", 404)
    iam.delete_role(RoleName=role)


def test_duplicate_instance_profile(server):
    iam = server.iam()
    name = f"dupip-{rand_suffix()}"
    iam.create_instance_profile(InstanceProfileName=name)
    with pytest.raises(Exception) as e:
        iam.create_instance_profile(InstanceProfileName=name)
    assert client_error(e) == ("EntityAlreadyExists", f"Instance Profile {name} already exists.", 409)


def test_instance_profile_tags(server):
    iam = server.iam()
    name = f"tagip-{rand_suffix()}"
    iam.create_instance_profile(InstanceProfileName=name, Tags=[{"Key": "env", "Value": "dev"}])
    iam.tag_instance_profile(InstanceProfileName=name, Tags=[{"Key": "team", "Value": "web"}])
    assert iam.list_instance_profile_tags(InstanceProfileName=name)["Tags"] == [
        {"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "web"}]
    assert iam.get_instance_profile(InstanceProfileName=name)["InstanceProfile"]["Tags"] == [
        {"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "web"}]
    page = iam.list_instance_profile_tags(InstanceProfileName=name, MaxItems=1)
    assert page["Tags"] == [{"Key": "env", "Value": "dev"}] and page["IsTruncated"]
    iam.untag_instance_profile(InstanceProfileName=name, TagKeys=["ENV"])
    assert iam.list_instance_profile_tags(InstanceProfileName=name)["Tags"] == [{"Key": "team", "Value": "web"}]
    with pytest.raises(Exception) as e:
        iam.tag_instance_profile(InstanceProfileName=name, Tags=[{"Key": f"k{i}", "Value": ""} for i in range(50)])
    assert client_error(e) == ("LimitExceeded", "The number of tags has reached the maximum limit.", 409)
    with pytest.raises(Exception) as e:
        iam.tag_instance_profile(InstanceProfileName=name, Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}])
    assert client_error(e) == (
        "InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive. (A)", 400)
    ghost = f"ghost-{rand_suffix()}"
    for call in (lambda: iam.tag_instance_profile(InstanceProfileName=ghost, Tags=[{"Key": "a", "Value": "1"}]),
                 lambda: iam.untag_instance_profile(InstanceProfileName=ghost, TagKeys=["a"]),
                 lambda: iam.list_instance_profile_tags(InstanceProfileName=ghost)):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e) == ("NoSuchEntity", f"Instance Profile {ghost} cannot be found.", 404)


def test_instance_profile_tag_conditions(server):
    """`aws:RequestTag/*` and `aws:TagKeys` govern tagging an instance profile."""
    user = make_user(server, "iptagger")
    name = f"condip-{rand_suffix()}"
    server.iam().create_instance_profile(InstanceProfileName=name)
    server.iam().put_user_policy(UserName=user.name, PolicyName="tagging", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "iam:TagInstanceProfile", "Resource": "*",
             "Condition": {"StringEquals": {"aws:RequestTag/team": "blue"},
                           "ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}},
            {"Effect": "Allow", "Action": "iam:UntagInstanceProfile", "Resource": "*",
             "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}},
        ]}))
    iam = server.iam(user.creds)
    arn = f"arn:aws:iam::{ACCOUNT_ID}:instance-profile/{name}"
    iam.tag_instance_profile(InstanceProfileName=name, Tags=[{"Key": "team", "Value": "blue"}])
    for tags in ([{"Key": "team", "Value": "red"}], [{"Key": "team", "Value": "blue"}, {"Key": "cost", "Value": "1"}]):
        with pytest.raises(Exception) as e:
            iam.tag_instance_profile(InstanceProfileName=name, Tags=tags)
        assert client_error(e) == ("AccessDenied", (
            f"User: {user.arn} is not authorized to perform: iam:TagInstanceProfile on resource: {arn} "
            "because no identity-based policy allows the iam:TagInstanceProfile action"), 403)
    with pytest.raises(Exception) as e:
        iam.untag_instance_profile(InstanceProfileName=name, TagKeys=["cost"])
    assert client_error(e)[0] == "AccessDenied"
    iam.untag_instance_profile(InstanceProfileName=name, TagKeys=["team"])
    assert server.iam().list_instance_profile_tags(InstanceProfileName=name)["Tags"] == []

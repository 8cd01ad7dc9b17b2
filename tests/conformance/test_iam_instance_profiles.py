"""Instance profiles: Create/Get/List/DeleteInstanceProfile, Add/RemoveRoleFromInstanceProfile
(one role at most: LimitExceeded "Cannot exceed quota for InstanceSessionsPerInstanceProfile:
1"), ListInstanceProfilesForRole, and the DeleteConflicts a held role causes."""

import json

import pytest

from conftest import ACCOUNT_ID, client_error, rand_suffix

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

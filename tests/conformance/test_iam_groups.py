"""IAM groups and membership: CreateGroup/GetGroup/ListGroups/UpdateGroup/DeleteGroup,
AddUserToGroup/RemoveUserFromGroup/ListGroupsForUser, and the DeleteConflicts groups cause.

Statuses from botocore's IAM model (NoSuchEntity 404, EntityAlreadyExists/DeleteConflict/
LimitExceeded 409). Messages: IAM's "The group with name X cannot be found." and
"Group with name X already exists." (moto iam/models.py reproduces both); the DeleteConflict
sentences are IAM's ("Cannot delete entity, must remove users from group first." etc.).
"""

import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix, run_threads

ALLOW_S3 = json.dumps({"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})


def test_create_get_list_update_delete_group(server):
    iam = server.iam()
    name = f"devs-{rand_suffix()}"
    g = iam.create_group(GroupName=name, Path="/eng/")["Group"]
    assert g["GroupName"] == name and g["Path"] == "/eng/"
    assert g["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:group/eng/{name}"
    assert g["GroupId"].startswith("AGPA") and len(g["GroupId"]) == 21
    got = iam.get_group(GroupName=name.upper())
    assert got["Group"]["GroupId"] == g["GroupId"] and got["Users"] == []
    assert got["IsTruncated"] is False
    listed = iam.list_groups(PathPrefix="/eng/")["Groups"]
    assert name in [x["GroupName"] for x in listed]
    new = name + "-x"
    iam.update_group(GroupName=name, NewGroupName=new, NewPath="/ops/")
    assert iam.get_group(GroupName=new)["Group"]["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:group/ops/{new}"
    iam.delete_group(GroupName=new)
    with pytest.raises(Exception) as e:
        iam.get_group(GroupName=new)
    assert client_error(e) == ("NoSuchEntity", f"The group with name {new} cannot be found.", 404)


def test_duplicate_group_is_refused_case_insensitively(server):
    iam = server.iam()
    name = f"Dup-{rand_suffix()}"
    iam.create_group(GroupName=name)
    with pytest.raises(Exception) as e:
        iam.create_group(GroupName=name.lower())
    assert client_error(e) == ("EntityAlreadyExists", f"Group with name {name.lower()} already exists.", 409)


def test_group_name_validation(server):
    with pytest.raises(Exception) as e:
        server.iam().create_group(GroupName="bad name")
    assert client_error(e) == (
        "ValidationError",
        "1 validation error detected: Value 'bad name' at 'groupName' failed to satisfy "
        r"constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+",
        400,
    )


def test_membership_and_listing_pagination(server):
    iam = server.iam()
    gname = f"team-{rand_suffix()}"
    iam.create_group(GroupName=gname)
    users = [make_user(server, "member", with_key=False).name for _ in range(3)]
    for u in users:
        iam.add_user_to_group(GroupName=gname, UserName=u)
    iam.add_user_to_group(GroupName=gname, UserName=users[0])  # idempotent
    first = iam.get_group(GroupName=gname, MaxItems=2)
    assert len(first["Users"]) == 2 and first["IsTruncated"] is True
    rest = iam.get_group(GroupName=gname, MaxItems=2, Marker=first["Marker"])
    assert len(rest["Users"]) == 1 and rest["IsTruncated"] is False
    assert sorted(u["UserName"] for u in first["Users"] + rest["Users"]) == sorted(users)
    groups = iam.list_groups_for_user(UserName=users[1])["Groups"]
    assert [g["GroupName"] for g in groups] == [gname]
    iam.remove_user_from_group(GroupName=gname, UserName=users[1])
    assert iam.list_groups_for_user(UserName=users[1])["Groups"] == []
    # Removing a non-member is not an error on AWS (observed in cloud-custodian#4730).
    iam.remove_user_from_group(GroupName=gname, UserName=users[1])


def test_membership_errors(server):
    iam = server.iam()
    u = make_user(server, "m", with_key=False).name
    missing = f"nogroup-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.add_user_to_group(GroupName=missing, UserName=u)
    assert client_error(e) == ("NoSuchEntity", f"The group with name {missing} cannot be found.", 404)
    g = f"g-{rand_suffix()}"
    iam.create_group(GroupName=g)
    with pytest.raises(Exception) as e:
        iam.add_user_to_group(GroupName=g, UserName="nobody-" + rand_suffix())
    assert client_error(e)[0:3:2] == ("NoSuchEntity", 404)
    with pytest.raises(Exception) as e:
        iam.list_groups_for_user(UserName="nobody-x")
    assert client_error(e) == ("NoSuchEntity", "The user with name nobody-x cannot be found.", 404)


def test_groups_per_user_quota(server):
    iam = server.iam()
    u = make_user(server, "joiner", with_key=False).name
    names = [f"q{i}-{rand_suffix()}" for i in range(11)]
    for n in names:
        iam.create_group(GroupName=n)
    for n in names[:10]:
        iam.add_user_to_group(GroupName=n, UserName=u)
    with pytest.raises(Exception) as e:
        iam.add_user_to_group(GroupName=names[10], UserName=u)
    assert client_error(e) == ("LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10", 409)


def test_delete_conflicts_of_groups_and_users(server):
    iam = server.iam()
    g = f"c-{rand_suffix()}"
    iam.create_group(GroupName=g)
    u = make_user(server, "c", with_key=False).name
    iam.add_user_to_group(GroupName=g, UserName=u)
    for call in (lambda: iam.delete_group(GroupName=g), lambda: iam.delete_user(UserName=u)):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must remove users from group first.", 409)
    iam.remove_user_from_group(GroupName=g, UserName=u)

    iam.put_group_policy(GroupName=g, PolicyName="inline", PolicyDocument=ALLOW_S3)
    with pytest.raises(Exception) as e:
        iam.delete_group(GroupName=g)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_group_policy(GroupName=g, PolicyName="inline")

    arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    iam.attach_group_policy(GroupName=g, PolicyArn=arn)
    with pytest.raises(Exception) as e:
        iam.delete_group(GroupName=g)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_group_policy(GroupName=g, PolicyArn=arn)
    iam.delete_group(GroupName=g)
    iam.delete_user(UserName=u)


def test_cli_group_workflow(cli):
    g = f"cli-group-{rand_suffix()}"
    u = f"cli-user-{rand_suffix()}"
    cli.run("iam", "create-group", "--group-name", g).ok()
    cli.run("iam", "create-user", "--user-name", u).ok()
    cli.run("iam", "add-user-to-group", "--group-name", g, "--user-name", u).ok()
    out = cli.run("iam", "get-group", "--group-name", g).ok().json
    assert [x["UserName"] for x in out["Users"]] == [u]
    r = cli.run("iam", "delete-group", "--group-name", g)
    assert r.rc != 0 and r.error == ("DeleteConflict", "Cannot delete entity, must remove users from group first.")


def test_concurrent_joins_respect_the_quota(server):
    # The quota is enforced in the store's transaction, so racing joins cannot overshoot it.
    iam = server.iam()
    u = make_user(server, "racer", with_key=False).name
    names = [f"race{i}-{rand_suffix()}" for i in range(14)]
    for n in names:
        iam.create_group(GroupName=n)

    def join(i):
        return server.iam().add_user_to_group(GroupName=names[i], UserName=u)

    results = run_threads(len(names), join)
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 4, results
    assert all(client_error(r)[0] == "LimitExceeded" for r in refused)
    assert len(iam.list_groups_for_user(UserName=u)["Groups"]) == 10

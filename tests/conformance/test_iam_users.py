"""IAM users: CreateUser/GetUser/ListUsers/UpdateUser/DeleteUser and tags (boto3).

HTTP statuses come from botocore's IAM model (data/iam/2010-05-08/service-2.json:
NoSuchEntity 404, EntityAlreadyExists 409, DeleteConflict 409, LimitExceeded 409);
ValidationError is a Coral framework error, 400.
"""

import re

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

# moto iam/models.py get_user -- identical to what IAM answers in real captures.
def no_such_user(name):
    return f"The user with name {name} cannot be found."


# Real CLI output quoted in several guides ("User with name developer already exists.").
def user_exists(name):
    return f"User with name {name} already exists."


# Real AWS (Coral) validation text, e.g. captured for roleName: "1 validation error detected:
# Value '/service-role/visitor-counter-role' at 'roleName' failed to satisfy constraint: Member
# must satisfy regular expression pattern: [\w+=,.@-]+"; pattern/length from botocore's
# userNameType {min 1, max 64, pattern [\w+=,.@-]+}.
def bad_pattern(value, field="userName"):
    return (f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy "
            r"constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+")


def too_long(value, field="userName", n=64):
    return (f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy "
            f"constraint: Member must have length less than or equal to {n}")


def test_create_and_get_user(server):
    iam = server.iam()
    name = f"alice-{rand_suffix()}"
    created = iam.create_user(UserName=name, Path="/eng/")["User"]
    assert created["UserName"] == name
    assert created["Path"] == "/eng/"
    assert created["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/eng/{name}"
    assert re.fullmatch(r"AIDA[A-Z0-9]{17}", created["UserId"])
    got = iam.get_user(UserName=name)["User"]
    for k in ("UserName", "Path", "Arn", "UserId", "CreateDate"):
        assert got[k] == created[k], k


def test_user_ids_are_unique(server):
    iam = server.iam()
    ids = {iam.create_user(UserName=f"uid-{rand_suffix()}")["User"]["UserId"] for _ in range(5)}
    assert len(ids) == 5


def test_get_user_without_name_returns_caller_root(server):
    # GetUser without UserName "determines the user name implicitly based on the AWS access key
    # ID used to sign the request" (IAM API reference); for the root user IAM returns the
    # account id as UserId and the root ARN.
    u = server.iam().get_user()["User"]
    assert u["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert u["UserId"] == ACCOUNT_ID


def test_get_missing_user(server):
    name = f"ghost-{rand_suffix()}"
    with pytest.raises(Exception) as ei:
        server.iam().get_user(UserName=name)
    assert client_error(ei) == ("NoSuchEntity", no_such_user(name), 404)


def test_duplicate_user_is_case_insensitive(server):
    iam = server.iam()
    base = f"Bob-{rand_suffix()}"
    iam.create_user(UserName=base)
    with pytest.raises(Exception) as ei:
        iam.create_user(UserName=base)
    assert client_error(ei) == ("EntityAlreadyExists", user_exists(base), 409)
    # "Names are not distinguished by case. For example, you cannot create resources named both
    # "MyResource" and "myresource"." (IAM API reference, UserName parameter)
    other = base.swapcase()
    with pytest.raises(Exception) as ei:
        iam.create_user(UserName=other)
    code, msg, status = client_error(ei)
    assert (code, status) == ("EntityAlreadyExists", 409)
    # AWS names one of the two spellings; accept either.
    assert msg in (user_exists(other), user_exists(base)), msg


@pytest.mark.parametrize("bad", ["bad name", "bad/name", "bad!name", "naïve"])
def test_user_name_bad_characters(server, bad):
    with pytest.raises(Exception) as ei:
        server.iam().create_user(UserName=bad)
    assert client_error(ei) == ("ValidationError", bad_pattern(bad), 400)


def test_user_name_length(server):
    iam = server.iam()
    ok = ("L" + rand_suffix(12)).ljust(64, "x")
    assert len(ok) == 64
    iam.create_user(UserName=ok)
    long = ok + "y"
    with pytest.raises(Exception) as ei:
        iam.create_user(UserName=long)
    assert client_error(ei) == ("ValidationError", too_long(long), 400)


def test_bad_path_is_validation_error(server):
    with pytest.raises(Exception) as ei:
        server.iam().create_user(UserName=f"p-{rand_suffix()}", Path="no-leading-slash/")
    code, _msg, status = client_error(ei)
    assert (code, status) == ("ValidationError", 400)


def _mk_users(iam, path, n, prefix="pg"):
    names = [f"{prefix}-{i:02d}-{rand_suffix(6)}" for i in range(n)]
    for nm in names:
        iam.create_user(UserName=nm, Path=path)
    return names


def test_list_users_path_prefix_and_manual_pagination(server):
    iam = server.iam()
    root = f"/lst{rand_suffix()}/"
    a = _mk_users(iam, root + "a/", 5, "a")
    b = _mk_users(iam, root + "b/", 2, "b")

    # path prefix filters
    got = iam.list_users(PathPrefix=root + "b/")
    assert sorted(u["UserName"] for u in got["Users"]) == sorted(b)
    assert got["IsTruncated"] is False
    assert "Marker" not in got

    # MaxItems / Marker / IsTruncated
    seen = []
    pages = 0
    kw = {"PathPrefix": root + "a/", "MaxItems": 2}
    while True:
        page = iam.list_users(**kw)
        pages += 1
        assert len(page["Users"]) <= 2
        seen += [u["UserName"] for u in page["Users"]]
        if not page["IsTruncated"]:
            assert "Marker" not in page
            break
        assert page["Marker"]
        kw["Marker"] = page["Marker"]
        assert pages < 10
    assert pages == 3
    assert sorted(seen) == sorted(a) and len(seen) == len(set(seen))

    # both subtrees under the common prefix; every returned user really is under it
    got = iam.list_users(PathPrefix=root)["Users"]
    assert sorted(u["UserName"] for u in got) == sorted(a + b)
    assert all(u["Path"].startswith(root) for u in got)
    for u in got:
        assert u["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user{u['Path']}{u['UserName']}"


def test_list_users_boto3_paginator_and_default_listing(server):
    iam = server.iam()
    path = f"/pgn{rand_suffix()}/"
    names = _mk_users(iam, path, 5)
    pag = iam.get_paginator("list_users")
    pages = list(pag.paginate(PathPrefix=path, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert sorted(u["UserName"] for p in pages for u in p["Users"]) == sorted(names)
    # Default listing (no prefix = "/") includes them too.
    everyone = [u["UserName"] for p in pag.paginate() for u in p["Users"]]
    assert set(names) <= set(everyone)
    assert len(everyone) == len(set(everyone))


def test_list_users_cli(cli, server):
    iam = server.iam()
    path = f"/cli{rand_suffix()}/"
    names = _mk_users(iam, path, 3)
    out = cli.run("iam", "list-users", "--path-prefix", path).ok().json
    assert sorted(u["UserName"] for u in out["Users"]) == sorted(names)
    out = cli.run("iam", "list-users", "--path-prefix", path, "--max-items", "2").ok().json
    assert len(out["Users"]) == 2 and out.get("NextToken")


def test_update_user_rename_and_path(server):
    iam = server.iam()
    u = make_user(server, "ren")
    new = f"renamed-{rand_suffix()}"
    iam.update_user(UserName=u.name, NewUserName=new, NewPath="/moved/")
    got = iam.get_user(UserName=new)["User"]
    assert got["UserName"] == new and got["Path"] == "/moved/"
    assert got["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/moved/{new}"
    assert got["UserId"] == u.user["UserId"]  # identity survives a rename
    with pytest.raises(Exception) as ei:
        iam.get_user(UserName=u.name)
    assert client_error(ei) == ("NoSuchEntity", no_such_user(u.name), 404)
    # keys follow the user
    keys = iam.list_access_keys(UserName=new)["AccessKeyMetadata"]
    assert [k["AccessKeyId"] for k in keys] == [u.key["AccessKeyId"]]
    assert keys[0]["UserName"] == new
    ident = server.sts(u.creds).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/moved/{new}"


def test_update_user_conflicts_and_missing(server):
    iam = server.iam()
    a = make_user(server, "ua", with_key=False)
    b = make_user(server, "ub", with_key=False)
    with pytest.raises(Exception) as ei:
        iam.update_user(UserName=a.name, NewUserName=b.name.upper())
    code, msg, status = client_error(ei)
    assert (code, status) == ("EntityAlreadyExists", 409)
    assert msg in (user_exists(b.name.upper()), user_exists(b.name)), msg
    ghost = f"ghost-{rand_suffix()}"
    with pytest.raises(Exception) as ei:
        iam.update_user(UserName=ghost, NewPath="/x/")
    assert client_error(ei) == ("NoSuchEntity", no_such_user(ghost), 404)
    with pytest.raises(Exception) as ei:
        iam.update_user(UserName=a.name, NewUserName="bad name")
    assert client_error(ei) == ("ValidationError", bad_pattern("bad name", "newUserName"), 400)


def test_delete_user_conflict_while_keys_remain(server):
    iam = server.iam()
    u = make_user(server, "del")
    with pytest.raises(Exception) as ei:
        iam.delete_user(UserName=u.name)
    # Real AWS text (e.g. Terraform destroy output: "DeleteConflict: Cannot delete entity, must
    # delete access keys first."); moto/versitygw reproduce it.
    assert client_error(ei) == ("DeleteConflict", "Cannot delete entity, must delete access keys first.", 409)
    assert iam.get_user(UserName=u.name)["User"]["UserName"] == u.name
    iam.delete_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"])
    iam.delete_user(UserName=u.name)
    with pytest.raises(Exception) as ei:
        iam.get_user(UserName=u.name)
    assert client_error(ei) == ("NoSuchEntity", no_such_user(u.name), 404)
    with pytest.raises(Exception) as ei:
        iam.delete_user(UserName=u.name)
    assert client_error(ei) == ("NoSuchEntity", no_such_user(u.name), 404)
    # the name is free again
    iam.create_user(UserName=u.name)


def test_tags(server):
    iam = server.iam()
    name = f"tag-{rand_suffix()}"
    iam.create_user(UserName=name, Tags=[{"Key": "team", "Value": "quantum"}])
    assert iam.get_user(UserName=name)["User"].get("Tags") == [{"Key": "team", "Value": "quantum"}]
    iam.tag_user(UserName=name, Tags=[{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "braket"}])
    tags = iam.list_user_tags(UserName=name)
    assert tags["IsTruncated"] is False
    assert sorted((t["Key"], t["Value"]) for t in tags["Tags"]) == [("env", "dev"), ("team", "braket")]
    iam.untag_user(UserName=name, TagKeys=["team", "does-not-exist"])
    assert iam.list_user_tags(UserName=name)["Tags"] == [{"Key": "env", "Value": "dev"}]

    ghost = f"ghost-{rand_suffix()}"
    for call in (lambda: iam.tag_user(UserName=ghost, Tags=[{"Key": "a", "Value": "b"}]),
                 lambda: iam.untag_user(UserName=ghost, TagKeys=["a"]),
                 lambda: iam.list_user_tags(UserName=ghost)):
        with pytest.raises(Exception) as ei:
            call()
        assert client_error(ei) == ("NoSuchEntity", no_such_user(ghost), 404)

    # tagKeyType max 128 (botocore model) -> ValidationError
    with pytest.raises(Exception) as ei:
        iam.tag_user(UserName=name, Tags=[{"Key": "k" * 129, "Value": "v"}])
    code, _m, status = client_error(ei)
    assert (code, status) == ("ValidationError", 400)

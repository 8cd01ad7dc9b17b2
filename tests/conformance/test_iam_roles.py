"""IAM roles: CreateRole/GetRole/ListRoles/UpdateRole/UpdateAssumeRolePolicy/DeleteRole and
role tags. Trust policies are validated as trust policies (Principal required, no Resource) and
returned URL-encoded, which botocore decodes into a dict as it does for AWS."""

import json
import urllib.parse

import pytest

from conftest import ACCOUNT_ID, assert_xml_error, client_error, iam_params, rand_suffix, send, sign_request

TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
ALLOW = json.dumps({"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})


def test_create_get_list_update_delete_role(server):
    iam = server.iam()
    name = f"role-{rand_suffix()}"
    r = iam.create_role(RoleName=name, Path="/app/", AssumeRolePolicyDocument=json.dumps(TRUST),
                        Description="web tier", MaxSessionDuration=7200,
                        Tags=[{"Key": "team", "Value": "web"}])["Role"]
    assert r["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:role/app/{name}"
    assert r["RoleId"].startswith("AROA") and len(r["RoleId"]) == 21
    assert r["AssumeRolePolicyDocument"] == TRUST
    # CreateRole's Role has no MaxSessionDuration or RoleLastUsed; GetRole's has both.
    assert r["Description"] == "web tier" and "MaxSessionDuration" not in r
    assert r["Tags"] == [{"Key": "team", "Value": "web"}]
    got = iam.get_role(RoleName=name)["Role"]
    assert got["RoleId"] == r["RoleId"] and got["RoleLastUsed"] == {}
    assert got["MaxSessionDuration"] == 7200
    assert name in [x["RoleName"] for x in iam.list_roles(PathPrefix="/app/")["Roles"]]
    iam.update_role(RoleName=name, Description="new", MaxSessionDuration=3600)
    got = iam.get_role(RoleName=name)["Role"]
    assert (got["Description"], got["MaxSessionDuration"]) == ("new", 3600)
    trust2 = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}, "Action": "sts:AssumeRole"}]}
    iam.update_assume_role_policy(RoleName=name, PolicyDocument=json.dumps(trust2))
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == trust2
    iam.delete_role(RoleName=name)
    with pytest.raises(Exception) as e:
        iam.get_role(RoleName=name)
    assert client_error(e) == ("NoSuchEntity", f"The role with name {name} cannot be found.", 404)


def test_trust_policy_is_url_encoded_on_the_wire(server):
    name = f"wire-{rand_suffix()}"
    doc = json.dumps(TRUST)
    server.iam().create_role(RoleName=name, AssumeRolePolicyDocument=doc)
    req = sign_request(server.url, creds=server.root, service="iam",
                       params=iam_params("GetRole", RoleName=name))
    resp = send(req)
    assert resp.status_code == 200
    start = resp.text.index("<AssumeRolePolicyDocument>") + len("<AssumeRolePolicyDocument>")
    raw = resp.text[start:resp.text.index("</AssumeRolePolicyDocument>")]
    assert raw.startswith("%7B%22Version%22%3A")
    assert urllib.parse.unquote(raw) == doc


def test_role_errors(server):
    iam = server.iam()
    name = f"err-{rand_suffix()}"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name.upper(), AssumeRolePolicyDocument=json.dumps(TRUST))
    assert client_error(e) == ("EntityAlreadyExists", f"Role with name {name.upper()} already exists.", 409)
    # boto3 checks MaxSessionDuration's range itself, so the out-of-range values go raw.
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "CreateRole", RoleName=name + "2", AssumeRolePolicyDocument=json.dumps(TRUST), MaxSessionDuration="100")))
    assert_xml_error(resp, 400, "ValidationError",
                     "1 validation error detected: Value '100' at 'maxSessionDuration' failed to satisfy "
                     "constraint: Member must have value greater than or equal to 3600")
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "UpdateRole", RoleName=name, MaxSessionDuration="43201")))
    assert_xml_error(resp, 400, "ValidationError",
                     "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy "
                     "constraint: Member must have value less than or equal to 43200")
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name + "3", AssumeRolePolicyDocument="{not json")
    assert client_error(e) == ("MalformedPolicyDocument", "This policy contains invalid Json", 400)
    with_resource = {"Version": "2012-10-17", "Statement": [dict(TRUST["Statement"][0], Resource="*")]}
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name + "4", AssumeRolePolicyDocument=json.dumps(with_resource))
    assert client_error(e) == ("MalformedPolicyDocument", "Has prohibited field Resource", 400)
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name + "5", AssumeRolePolicyDocument=ALLOW)
    assert client_error(e) == ("MalformedPolicyDocument", "Missing required field Principal", 400)
    with pytest.raises(Exception) as e:
        iam.delete_role(RoleName="nope-" + name)
    assert client_error(e)[0] == "NoSuchEntity"


def test_missing_trust_policy_is_a_validation_error(server):
    req = sign_request(server.url, creds=server.root, service="iam",
                       params=iam_params("CreateRole", RoleName=f"nt-{rand_suffix()}"))
    assert_xml_error(send(req), 400, "ValidationError",
                     "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to "
                     "satisfy constraint: Member must not be null")


def test_role_tags(server):
    iam = server.iam()
    name = f"tags-{rand_suffix()}"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))
    iam.tag_role(RoleName=name, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])
    assert iam.list_role_tags(RoleName=name)["Tags"] == [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]
    iam.untag_role(RoleName=name, TagKeys=["A"])
    assert iam.list_role_tags(RoleName=name)["Tags"] == [{"Key": "b", "Value": "2"}]
    with pytest.raises(Exception) as e:
        iam.tag_role(RoleName=name, Tags=[{"Key": f"k{i}", "Value": ""} for i in range(50)])
    assert client_error(e) == ("LimitExceeded", "The number of tags has reached the maximum limit.", 409)


def test_role_delete_conflicts(server):
    iam = server.iam()
    name = f"dc-{rand_suffix()}"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))
    iam.put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=ALLOW)
    with pytest.raises(Exception) as e:
        iam.delete_role(RoleName=name)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_role_policy(RoleName=name, PolicyName="p")
    iam.attach_role_policy(RoleName=name, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    with pytest.raises(Exception) as e:
        iam.delete_role(RoleName=name)
    assert client_error(e) == ("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_role_policy(RoleName=name, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    iam.delete_role(RoleName=name)


def test_role_list_pagination(server):
    iam = server.iam()
    prefix = f"/pg{rand_suffix()}/"
    for i in range(3):
        iam.create_role(RoleName=f"pg{i}-{rand_suffix()}", Path=prefix, AssumeRolePolicyDocument=json.dumps(TRUST))
    first = iam.list_roles(PathPrefix=prefix, MaxItems=2)
    assert len(first["Roles"]) == 2 and first["IsTruncated"]
    rest = iam.list_roles(PathPrefix=prefix, MaxItems=2, Marker=first["Marker"])
    assert len(rest["Roles"]) == 1 and not rest["IsTruncated"]


def test_cli_create_role_from_file(cli, tmp_path):
    f = tmp_path / "trust.json"
    f.write_text(json.dumps(TRUST))
    name = f"cli-role-{rand_suffix()}"
    out = cli.run("iam", "create-role", "--role-name", name,
                  "--assume-role-policy-document", f"file://{f}").ok().json["Role"]
    assert out["AssumeRolePolicyDocument"] == TRUST


def test_update_role_description(server):
    iam = server.iam()
    name = f"desc-{rand_suffix()}"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST), Description="old")
    role = iam.update_role_description(RoleName=name, Description="new words")["Role"]
    assert (role["RoleName"], role["Description"]) == (name, "new words")
    assert role["AssumeRolePolicyDocument"] == TRUST and role["MaxSessionDuration"] == 3600
    assert iam.get_role(RoleName=name)["Role"]["Description"] == "new words"
    ghost = f"ghost-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.update_role_description(RoleName=ghost, Description="x")
    assert client_error(e) == ("NoSuchEntity", f"The role with name {ghost} cannot be found.", 404)
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "UpdateRoleDescription", RoleName=name, Description="x" * 1001)))
    assert_xml_error(resp, 400, "ValidationError",
                     f"1 validation error detected: Value '{'x' * 1001}' at 'description' failed to satisfy "
                     "constraint: Member must have length less than or equal to 1000")
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "UpdateRoleDescription", RoleName=name)))
    assert_xml_error(resp, 400, "ValidationError",
                     "1 validation error detected: Value null at 'description' failed to satisfy constraint: "
                     "Member must not be null")

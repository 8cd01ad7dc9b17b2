"""Managed policies: CreatePolicy/GetPolicy/ListPolicies/DeletePolicy, versions (5 at most,
default handling, URL-encoded documents on the wire), tags, ListEntitiesForPolicy, and the AWS
managed policy catalog (arn:aws:iam::aws:policy/...).

Messages: "A managed policy can have up to 5 versions. Before you create a new version, you
must delete an existing version." and "Cannot delete the default version of a policy." are
IAM's (AWS docs / moto iam/models.py); "A policy called X already exists. Duplicate names are
not allowed." and "Policy ARN was not found." are IAM's texts as moto reproduces them.
"""

import json
import urllib.parse

import pytest

from conftest import (ACCOUNT_ID, assert_xml_error, client_error, iam_params, make_user,
                      rand_suffix, send, sign_request)


def doc(*actions, resource="*"):
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": list(actions), "Resource": resource}]})


# The Braket guide's braket-policy.json, verbatim (shared/seeds/000_*.txt).
BRAKET_POLICY = """{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "braket:GetDevice",
                "braket:GetQuantumTask",
                "braket:SearchDevices",
                "braket:CreateQuantumTask",
                "braket:CancelQuantumTask",
                "braket:GetDeviceAvailability"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject",
                "s3:ListBucket"
            ],
            "Resource": [
                "arn:aws:s3:::your-braket-results-bucket",
                "arn:aws:s3:::your-braket-results-bucket/*"
            ]
        },
        {
            "Effect": "Allow",
            "Action": [
                "pricing:GetProducts",
                "pricing:DescribeServices"
            ],
            "Resource": "*"
        }
    ]
}
"""


def test_braket_guide_create_and_attach_policy(cli, tmp_path):
    user = f"braket-user-{rand_suffix()}"
    pname = f"BraketAccessPolicy-{rand_suffix()}"
    f = tmp_path / "braket-policy.json"
    f.write_text(BRAKET_POLICY)
    cli.run("iam", "create-user", "--user-name", user).ok()
    created = cli.run("iam", "create-policy", "--policy-name", pname,
                      "--policy-document", f"file://{f}").ok().json["Policy"]
    arn = f"arn:aws:iam::{ACCOUNT_ID}:policy/{pname}"
    assert created["Arn"] == arn and created["DefaultVersionId"] == "v1"
    assert created["AttachmentCount"] == 0 and created["IsAttachable"] is True
    cli.run("iam", "attach-user-policy", "--user-name", user, "--policy-arn", arn).ok()
    attached = cli.run("iam", "list-attached-user-policies", "--user-name", user).ok().json
    assert attached["AttachedPolicies"] == [{"PolicyName": pname, "PolicyArn": arn}]
    key = cli.run("iam", "create-access-key", "--user-name", user).ok().json["AccessKey"]
    assert key["Status"] == "Active"
    version = cli.run("iam", "get-policy-version", "--policy-arn", arn, "--version-id", "v1").ok().json
    assert version["PolicyVersion"]["Document"] == json.loads(BRAKET_POLICY)
    assert cli.run("iam", "get-policy", "--policy-arn", arn).ok().json["Policy"]["AttachmentCount"] == 1


def test_create_get_delete_policy(server):
    iam = server.iam()
    name = f"pol-{rand_suffix()}"
    p = iam.create_policy(PolicyName=name, Path="/team/", PolicyDocument=doc("s3:GetObject"),
                          Description="reads", Tags=[{"Key": "k", "Value": "v"}])["Policy"]
    assert p["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:policy/team/{name}"
    assert p["PolicyId"].startswith("ANPA") and p["Description"] == "reads"
    assert p["Tags"] == [{"Key": "k", "Value": "v"}]
    got = iam.get_policy(PolicyArn=p["Arn"])["Policy"]
    assert got["PolicyId"] == p["PolicyId"] and got["DefaultVersionId"] == "v1"
    with pytest.raises(Exception) as e:
        iam.create_policy(PolicyName=name.upper(), PolicyDocument=doc("s3:GetObject"))
    assert client_error(e) == ("EntityAlreadyExists",
                               f"A policy called {name.upper()} already exists. Duplicate names are not allowed.", 409)
    iam.delete_policy(PolicyArn=p["Arn"])
    with pytest.raises(Exception) as e:
        iam.get_policy(PolicyArn=p["Arn"])
    assert client_error(e) == ("NoSuchEntity", f"Policy {p['Arn']} was not found.", 404)
    wrong_path = f"arn:aws:iam::{ACCOUNT_ID}:policy/{name}"
    with pytest.raises(Exception) as e:
        iam.get_policy(PolicyArn=wrong_path)
    assert client_error(e)[0] == "NoSuchEntity"


def test_malformed_documents(server):
    iam = server.iam()
    cases = [
        ("{", "Syntax errors in policy."),
        (json.dumps({"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}),
         "Policy document must be version 2012-10-17 or greater."),
        (json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*"}]}),
         "Policy statement must contain resources."),
        (json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}),
         "Policy document should not specify a principal."),
    ]
    for text, message in cases:
        with pytest.raises(Exception) as e:
            iam.create_policy(PolicyName=f"bad-{rand_suffix()}", PolicyDocument=text)
        assert client_error(e) == ("MalformedPolicyDocument", message, 400), text


def test_policy_size_quota(server):
    big = doc(*[f"s3:Action{i:05d}" for i in range(400)])
    with pytest.raises(Exception) as e:
        server.iam().create_policy(PolicyName=f"big-{rand_suffix()}", PolicyDocument=big)
    assert client_error(e) == ("LimitExceeded", "Cannot exceed quota for PolicySize: 6144", 409)


def test_versions(server):
    iam = server.iam()
    arn = iam.create_policy(PolicyName=f"ver-{rand_suffix()}", PolicyDocument=doc("s3:GetObject"))["Policy"]["Arn"]
    v2 = iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:PutObject"))["PolicyVersion"]
    assert (v2["VersionId"], v2["IsDefaultVersion"]) == ("v2", False)
    v3 = iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:ListBucket"), SetAsDefault=True)
    assert v3["PolicyVersion"]["IsDefaultVersion"] is True
    assert iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"] == "v3"
    versions = iam.list_policy_versions(PolicyArn=arn)["Versions"]
    assert [(v["VersionId"], v["IsDefaultVersion"]) for v in versions] == [("v3", True), ("v2", False), ("v1", False)]
    got = iam.get_policy_version(PolicyArn=arn, VersionId="v2")["PolicyVersion"]
    assert got["Document"]["Statement"][0]["Action"] == ["s3:PutObject"]
    iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:A"))
    iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:B"))
    with pytest.raises(Exception) as e:
        iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:C"))
    assert client_error(e) == ("LimitExceeded",
                               "A managed policy can have up to 5 versions. Before you create a new version, "
                               "you must delete an existing version.", 409)
    with pytest.raises(Exception) as e:
        iam.delete_policy_version(PolicyArn=arn, VersionId="v3")
    assert client_error(e) == ("DeleteConflict", "Cannot delete the default version of a policy.", 409)
    iam.set_default_policy_version(PolicyArn=arn, VersionId="v1")
    iam.delete_policy_version(PolicyArn=arn, VersionId="v3")
    assert iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc("s3:D"))["PolicyVersion"]["VersionId"] == "v6"
    with pytest.raises(Exception) as e:
        iam.get_policy_version(PolicyArn=arn, VersionId="v3")
    assert client_error(e) == ("NoSuchEntity", f"Policy {arn} version v3 does not exist or is not attachable.", 404)
    with pytest.raises(Exception) as e:
        iam.delete_policy(PolicyArn=arn)
    assert client_error(e) == ("DeleteConflict",
                               "This policy has more than one version. Before you delete a policy, you must delete "
                               "the policy's versions. The default version is deleted with the policy.", 409)
    for v in ("v2", "v4", "v5", "v6"):
        iam.delete_policy_version(PolicyArn=arn, VersionId=v)
    iam.delete_policy(PolicyArn=arn)


def test_version_id_validation(server):
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "GetPolicyVersion", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess", VersionId="x1")))
    assert_xml_error(resp, 400, "ValidationError",
                     "1 validation error detected: Value 'x1' at 'versionId' failed to satisfy constraint: "
                     r"Member must satisfy regular expression pattern: v[1-9][0-9]*(\.[A-Za-z0-9-]*)?")


def test_policy_document_is_url_encoded_on_the_wire(server):
    text = doc("s3:GetObject", resource="arn:aws:s3:::a b/*")
    arn = server.iam().create_policy(PolicyName=f"enc-{rand_suffix()}", PolicyDocument=text)["Policy"]["Arn"]
    resp = send(sign_request(server.url, creds=server.root, service="iam",
                             params=iam_params("GetPolicyVersion", PolicyArn=arn, VersionId="v1")))
    raw = resp.text.split("<Document>")[1].split("</Document>")[0]
    assert "%20" in raw and "+" not in raw and raw.startswith("%7B%22Version%22")
    assert urllib.parse.unquote(raw) == text


def test_aws_managed_catalog(server):
    iam = server.iam()
    arn = "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess"
    p = iam.get_policy(PolicyArn=arn)["Policy"]
    assert p["PolicyName"] == "AmazonKeyspacesReadOnlyAccess" and p["Path"] == "/"
    v = iam.get_policy_version(PolicyArn=arn, VersionId=p["DefaultVersionId"])["PolicyVersion"]
    actions = [a for s in v["Document"]["Statement"] for a in s["Action"]]
    assert "cassandra:Select" in actions and "cassandra:Modify" not in actions
    for name in ("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess",
                 "IAMReadOnlyAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess",
                 "AmazonBraketFullAccess", "AmazonKeyspacesFullAccess", "AmazonBedrockFullAccess"):
        assert iam.get_policy(PolicyArn=f"arn:aws:iam::aws:policy/{name}")["Policy"]["IsAttachable"]
    lam = iam.get_policy(PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
    assert lam["Policy"]["Path"] == "/service-role/"
    with pytest.raises(Exception) as e:
        iam.get_policy(PolicyArn="arn:aws:iam::aws:policy/NoSuchPolicyAtAll")
    assert client_error(e) == ("NoSuchEntity", "Policy arn:aws:iam::aws:policy/NoSuchPolicyAtAll was not found.", 404)
    with pytest.raises(Exception) as e:
        iam.delete_policy(PolicyArn=arn)
    assert client_error(e)[0::2] == ("AccessDenied", 403)


def test_list_policies_scopes_and_pagination(server):
    iam = server.iam()
    prefix = f"/lp{rand_suffix()}/"
    names = sorted(f"lp{i}-{rand_suffix()}" for i in range(3))
    for n in names:
        iam.create_policy(PolicyName=n, Path=prefix, PolicyDocument=doc("s3:GetObject"))
    local = iam.list_policies(Scope="Local", PathPrefix=prefix)["Policies"]
    assert [p["PolicyName"] for p in local] == names
    assert "Description" not in local[0]
    first = iam.list_policies(Scope="Local", PathPrefix=prefix, MaxItems=2)
    assert first["IsTruncated"] and len(first["Policies"]) == 2
    rest = iam.list_policies(Scope="Local", PathPrefix=prefix, MaxItems=2, Marker=first["Marker"])
    assert [p["PolicyName"] for p in rest["Policies"]] == names[2:] and not rest["IsTruncated"]
    aws = iam.list_policies(Scope="AWS", PathPrefix="/job-function/")["Policies"]
    assert aws and all(p["Arn"].startswith("arn:aws:iam::aws:policy/job-function/") for p in aws)
    paginator = iam.get_paginator("list_policies")
    total = sum(len(page["Policies"]) for page in paginator.paginate(Scope="AWS"))
    assert total > 1000
    user = make_user(server, "la", with_key=False).name
    iam.attach_user_policy(UserName=user, PolicyArn=f"arn:aws:iam::{ACCOUNT_ID}:policy{prefix}{names[0]}")
    attached = iam.list_policies(Scope="Local", PathPrefix=prefix, OnlyAttached=True)["Policies"]
    assert [(p["PolicyName"], p["AttachmentCount"]) for p in attached] == [(names[0], 1)]
    boundary_only = iam.list_policies(Scope="Local", PathPrefix=prefix, OnlyAttached=True,
                                      PolicyUsageFilter="PermissionsBoundary")["Policies"]
    assert boundary_only == []


def test_policy_tags(server):
    iam = server.iam()
    arn = iam.create_policy(PolicyName=f"tg-{rand_suffix()}", PolicyDocument=doc("s3:GetObject"))["Policy"]["Arn"]
    iam.tag_policy(PolicyArn=arn, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])
    iam.untag_policy(PolicyArn=arn, TagKeys=["a"])
    assert iam.list_policy_tags(PolicyArn=arn)["Tags"] == [{"Key": "b", "Value": "2"}]


def test_list_entities_for_policy(server):
    iam = server.iam()
    arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    u = make_user(server, "ent", with_key=False).name
    g = f"entg-{rand_suffix()}"
    iam.create_group(GroupName=g)
    iam.attach_user_policy(UserName=u, PolicyArn=arn)
    iam.attach_group_policy(GroupName=g, PolicyArn=arn)
    out = iam.list_entities_for_policy(PolicyArn=arn)
    assert u in [x["UserName"] for x in out["PolicyUsers"]]
    assert g in [x["GroupName"] for x in out["PolicyGroups"]]
    only_groups = iam.list_entities_for_policy(PolicyArn=arn, EntityFilter="Group")
    assert only_groups["PolicyUsers"] == [] and g in [x["GroupName"] for x in only_groups["PolicyGroups"]]
    iam.detach_user_policy(UserName=u, PolicyArn=arn)
    iam.detach_group_policy(GroupName=g, PolicyArn=arn)


def test_invalid_policy_arn(server):
    with pytest.raises(Exception) as e:
        server.iam().get_policy(PolicyArn="arn:aws:s3:::not-a-policy-arn")
    assert client_error(e) == ("InvalidInput", "ARN arn:aws:s3:::not-a-policy-arn is not valid.", 400)

"""Account-wide IAM operations: GetAccountSummary, account aliases and
GetAccountAuthorizationDetails (with Filter). Run against a fresh server so counts are exact."""

import json

import pytest

from conftest import client_error

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
ALLOW = json.dumps({"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})


def test_account_summary_counts(fresh_server):
    iam = fresh_server.iam()
    iam.create_user(UserName="u1")
    iam.create_group(GroupName="g1")
    iam.create_role(RoleName="r1", AssumeRolePolicyDocument=TRUST)
    iam.create_policy(PolicyName="p1", PolicyDocument=ALLOW)
    m = iam.get_account_summary()["SummaryMap"]
    assert (m["Users"], m["Groups"], m["Roles"], m["Policies"]) == (1, 1, 1, 1)
    assert m["AttachedPoliciesPerUserQuota"] == 10 and m["GroupsPerUserQuota"] == 10
    assert m["AccessKeysPerUserQuota"] == 2 and m["AccountAccessKeysPresent"] == 1
    assert m["VersionsPerPolicyQuota"] == 5


def test_account_aliases(fresh_server):
    iam = fresh_server.iam()
    assert iam.list_account_aliases()["AccountAliases"] == []
    iam.create_account_alias(AccountAlias="my-org")
    assert iam.list_account_aliases()["AccountAliases"] == ["my-org"]
    iam.create_account_alias(AccountAlias="my-org-2")
    assert iam.list_account_aliases()["AccountAliases"] == ["my-org-2"]
    with pytest.raises(Exception) as e:
        iam.delete_account_alias(AccountAlias="my-org")
    assert client_error(e) == ("NoSuchEntity", "The account alias my-org does not exist.", 404)
    iam.delete_account_alias(AccountAlias="my-org-2")
    assert iam.list_account_aliases()["AccountAliases"] == []
    with pytest.raises(Exception) as e:
        iam.create_account_alias(AccountAlias="Bad--Alias")
    assert client_error(e)[0::2] == ("ValidationError", 400)


def test_account_authorization_details(fresh_server):
    iam = fresh_server.iam()
    iam.create_user(UserName="alice")
    iam.create_group(GroupName="readers")
    iam.add_user_to_group(GroupName="readers", UserName="alice")
    iam.attach_group_policy(GroupName="readers", PolicyArn="arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess")
    iam.put_user_policy(UserName="alice", PolicyName="inline", PolicyDocument=ALLOW)
    iam.create_role(RoleName="worker", AssumeRolePolicyDocument=TRUST)
    iam.create_policy(PolicyName="local", PolicyDocument=ALLOW)
    d = iam.get_account_authorization_details()
    alice = d["UserDetailList"][0]
    assert alice["UserName"] == "alice" and alice["GroupList"] == ["readers"]
    assert alice["UserPolicyList"][0]["PolicyDocument"] == json.loads(ALLOW)
    readers = d["GroupDetailList"][0]
    assert readers["AttachedManagedPolicies"] == [{
        "PolicyName": "AmazonKeyspacesReadOnlyAccess",
        "PolicyArn": "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess"}]
    assert d["RoleDetailList"][0]["AssumeRolePolicyDocument"] == json.loads(TRUST)
    names = {p["PolicyName"] for p in d["Policies"]}
    assert names == {"local", "AmazonKeyspacesReadOnlyAccess"}
    only_roles = iam.get_account_authorization_details(Filter=["Role"])
    assert only_roles["UserDetailList"] == [] and len(only_roles["RoleDetailList"]) == 1
    local = iam.get_account_authorization_details(Filter=["LocalManagedPolicy"])["Policies"]
    assert local[0]["PolicyVersionList"][0]["Document"] == json.loads(ALLOW)
    first = iam.get_account_authorization_details(MaxItems=2)
    assert first["IsTruncated"] and len(first["UserDetailList"]) + len(first["GroupDetailList"]) == 2

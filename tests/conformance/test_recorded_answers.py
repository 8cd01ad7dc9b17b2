"""Answers where AWS's recorded behaviour differs from its API reference or from what Keyward
used to say: CreateRole's short Role, `PermissionsBoundaryType: Policy`, unparseable policy
ARNs, malformed role ARNs in STS, ListServiceSpecificCredentials without paging fields,
GetFederationToken's PackedPolicySize, trust policies that are not JSON, and Git credentials."""

import json
import re

import pytest

from conftest import ACCOUNT_ID, client_error, iam_params, make_user, rand_suffix, send, sign_request

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def test_create_role_omits_max_session_duration_and_last_used(server):
    iam = server.iam()
    name = f"short-{rand_suffix()}"
    created = iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST, MaxSessionDuration=7200)["Role"]
    assert "MaxSessionDuration" not in created and "RoleLastUsed" not in created
    fetched = iam.get_role(RoleName=name)["Role"]
    assert fetched["MaxSessionDuration"] == 7200 and fetched["RoleLastUsed"] == {}
    listed = [r for r in iam.list_roles()["Roles"] if r["RoleName"] == name]
    assert listed[0]["MaxSessionDuration"] == 7200


def test_permissions_boundary_type_is_policy(server):
    iam = server.iam()
    name = f"bounded-{rand_suffix()}"
    arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    iam.create_user(UserName=name, PermissionsBoundary=arn)
    boundary = iam.get_user(UserName=name)["User"]["PermissionsBoundary"]
    assert boundary == {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": arn}


def test_unparseable_policy_arn_is_validation_error(server):
    iam = server.iam()
    bad = "not-an-arn-at-all-really"
    with pytest.raises(Exception) as e:
        iam.get_policy(PolicyArn=bad)
    assert client_error(e) == ("ValidationError", f"Invalid ARN {bad}: Could not be parsed!", 400)
    user = f"u-{rand_suffix()}"
    iam.create_user(UserName=user)
    with pytest.raises(Exception) as e:
        iam.attach_user_policy(UserName=user, PolicyArn=bad)
    assert client_error(e) == ("ValidationError", f"Invalid ARN {bad}: Could not be parsed!", 400)
    # A well-formed ARN of something else is still IAM's InvalidInput.
    with pytest.raises(Exception) as e:
        iam.get_policy(PolicyArn="arn:aws:s3:::not-a-policy-arn")
    assert client_error(e) == ("InvalidInput", "ARN arn:aws:s3:::not-a-policy-arn is not valid.", 400)


@pytest.mark.parametrize("role_arn", [
    f"arn:aws:iam::{ACCOUNT_ID}:role:colon-not-slash",
    f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com",
    f"arn:aws:iam:us-east-1:{ACCOUNT_ID}:role/regional",
    "arn:aws:iam::12345:role/short-account",
    "definitely-not-an-arn-but-long-enough",
])
def test_assume_role_with_malformed_role_arn_is_validation_error(server, role_arn):
    # A user with no permissions at all: the ARN is refused before any permission check.
    user = make_user(server, "noperm")
    sts = server.sts(user.creds)
    with pytest.raises(Exception) as e:
        sts.assume_role(RoleArn=role_arn, RoleSessionName="s1")
    assert client_error(e) == ("ValidationError", "Request ARN is invalid", 400)


def test_assume_role_with_web_identity_malformed_role_arn(server):
    sts = server.sts()
    with pytest.raises(Exception) as e:
        sts.assume_role_with_web_identity(
            RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role:bad", RoleSessionName="s1", WebIdentityToken="abcd.efgh.ijkl")
    assert client_error(e) == ("ValidationError", "Request ARN is invalid", 400)


def test_list_service_specific_credentials_has_no_paging_fields(server):
    user = f"ssc-{rand_suffix()}"
    server.iam().create_user(UserName=user)
    server.iam().create_service_specific_credential(UserName=user, ServiceName="cassandra.amazonaws.com")
    req = sign_request(server.url, creds=server.root, service="iam",
                       params=iam_params("ListServiceSpecificCredentials", UserName=user))
    resp = send(req)
    assert resp.status_code == 200, resp.text
    assert "<ServiceSpecificCredentials>" in resp.text
    assert "IsTruncated" not in resp.text and "Marker" not in resp.text


def test_get_federation_token_always_reports_packed_policy_size(server):
    user = make_user(server, "fed")
    server.iam().put_user_policy(UserName=user.name, PolicyName="fed", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:GetFederationToken", "Resource": "*"}]}))
    got = server.sts(user.creds).get_federation_token(Name="nopolicy")
    assert isinstance(got["PackedPolicySize"], int) and got["PackedPolicySize"] >= 0


def test_trust_policy_that_is_not_json(server):
    iam = server.iam()
    name = f"badjson-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name, AssumeRolePolicyDocument="{not json")
    assert client_error(e) == ("MalformedPolicyDocument", "This policy contains invalid Json", 400)
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)
    with pytest.raises(Exception) as e:
        iam.update_assume_role_policy(RoleName=name, PolicyDocument="[1, 2")
    assert client_error(e) == ("MalformedPolicyDocument", "This policy contains invalid Json", 400)
    # Valid JSON that is not a policy keeps the grammar's own answer.
    with pytest.raises(Exception) as e:
        iam.update_assume_role_policy(RoleName=name, PolicyDocument='{"Version":"2012-10-17"}')
    assert client_error(e) == ("MalformedPolicyDocument", "Syntax errors in policy.", 400)


def test_git_credentials_for_codecommit_and_unknown_services(server):
    iam = server.iam()
    user = f"git-{rand_suffix()}"
    iam.create_user(UserName=user)
    cred = iam.create_service_specific_credential(
        UserName=user, ServiceName="codecommit.amazonaws.com")["ServiceSpecificCredential"]
    assert cred["ServiceName"] == "codecommit.amazonaws.com"
    assert cred["ServiceUserName"] == f"{user}-at-{ACCOUNT_ID}"
    assert re.fullmatch(r"[A-Za-z0-9+/=]{20,}", cred["ServicePassword"])
    listed = iam.list_service_specific_credentials(UserName=user, ServiceName="codecommit.amazonaws.com")
    assert [c["ServiceSpecificCredentialId"] for c in listed["ServiceSpecificCredentials"]] == [
        cred["ServiceSpecificCredentialId"]]
    for service in ("s3.amazonaws.com", "example.invalid"):
        with pytest.raises(Exception) as e:
            iam.create_service_specific_credential(UserName=user, ServiceName=service)
        assert client_error(e) == (
            "NoSuchEntity", f"No such service {service} is supported for Service-Specific Credentials", 404)

"""GetFederationToken, GetAccessKeyInfo, session tags (sts:TagSession, aws:PrincipalTag,
TransitiveTagKeys through role chaining) and PackedPolicyTooLarge.

Sources of the AWS behaviour and texts asserted below:
  * GetFederationToken (AWS API reference; botocore 1.43.11 sts service-2.json documentation):
    federated-user ARN `arn:aws:sts::ACCOUNT:federated-user/NAME`, FederatedUserId `ACCOUNT:NAME`;
    900..129600 s, default 43200, root at most 3600; "You cannot call any IAM operations using the CLI
    or the Amazon Web Services API"; "You cannot call any STS operations except GetCallerIdentity";
    without a session policy "the resulting federated user session has no permissions"; the session's
    permissions are the intersection of the user's policies and the session policies.
    Name: 2..32 chars, pattern [\\w+=,.@-]* (service-2.json userNameType).
    "Cannot call GetFederationToken with session credentials" (AccessDenied) -- hashicorp/vault#4108.
    The caller needs sts:GetFederationToken (IAM User Guide, "Permissions for GetFederationToken").
  * GetAccessKeyInfo: needs sts:GetAccessKeyInfo; AccessKeyId 16..128 chars, pattern [\\w]*.
  * "User: X is not authorized to perform: sts:TagSession on resource: ROLE_ARN" (AccessDenied) --
    aws-actions/configure-aws-credentials#54 and #465, 18F/identity-terraform#115, aws/aws-cdk-cli#762.
  * PackedPolicyTooLarge, HTTP 400 (botocore model); "Packed policy consumes N% of allotted space,
    please use smaller policy." (STS's text as commonly reported; the code is what is asserted strictly).
  * Coral validation messages: see test_sts_sessions.py.

Federated sessions can call nothing but GetCallerIdentity in a service that, like Keyward, serves only
IAM and STS; so "the passed policy narrows the user's" cannot be observed by a real call here beyond
"nothing is allowed" (what the tests below assert).
"""

from __future__ import annotations

import json
import random
import re
import string
import time

import pytest
from botocore.exceptions import ClientError

from chain_helpers import admin, allow, cached_client, deny, doc, implicit, make_role, session_arn, trust_aws
from conftest import (ACCOUNT_ID, MSG_INVALID_TOKEN, STS_NS, AwsCli, assert_xml_error, client_error, make_user,
                      rand_suffix, send, sign_request, sts_params)


ASIA_RE = re.compile(r"ASIA[A-Z0-9]{16}")
USERS_RES = f"arn:aws:iam::{ACCOUNT_ID}:user/"
MSG_GFT_SESSION = "Cannot call GetFederationToken with session credentials"

@pytest.fixture(scope="module")
def server(module_server):
    """This module's own server (conftest.module_server), not the session-wide one."""
    return module_server


def client(srv, service, creds, token=None, validate=True):
    return cached_client(srv, service, creds, token, validate=validate)


def denied(call):
    with pytest.raises(Exception) as ei:
        call()
    return client_error(ei)


def coral(value, member, constraint):
    return (f"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: "
            f"Member must {constraint}")


def fed_arn(name):
    return f"arn:aws:sts::{ACCOUNT_ID}:federated-user/{name}"


def expires_in(resp):
    return resp["Credentials"]["Expiration"].timestamp() - time.time()


def creds_of(resp):
    c = resp["Credentials"]
    return (c["AccessKeyId"], c["SecretAccessKey"]), c["SessionToken"]


@pytest.fixture
def broker(server):
    """An IAM user that may federate and read users (the "proxy application" of the API reference)."""
    u = make_user(server, "broker")
    admin(server).put_user_policy(UserName=u.name, PolicyName="broker", PolicyDocument=doc(
        allow("sts:GetFederationToken"), allow("iam:ListUsers", "iam:GetUser"), allow("sts:GetAccessKeyInfo")))
    return u


# ---------------------------------------------------------------------------
# GetFederationToken
# ---------------------------------------------------------------------------
def test_federation_token_identity_and_shape(server, broker, tmp_path):
    name = f"bob-{rand_suffix(6)}"
    resp = client(server, "sts", broker.creds).get_federation_token(Name=name, Policy=doc(allow("iam:ListUsers")))
    assert resp["FederatedUser"] == {"FederatedUserId": f"{ACCOUNT_ID}:{name}", "Arn": fed_arn(name)}
    creds, tok = creds_of(resp)
    assert ASIA_RE.fullmatch(creds[0]) and len(creds[1]) == 40 and tok
    assert 43200 - 90 <= expires_in(resp) <= 43205  # the default
    assert 0 < resp["PackedPolicySize"] <= 100
    ident = client(server, "sts", creds, tok).get_caller_identity()
    assert (ident["Arn"], ident["UserId"], ident["Account"]) == (fed_arn(name), f"{ACCOUNT_ID}:{name}", ACCOUNT_ID)
    # The aws CLI.
    cli = AwsCli(server, tmp_path / "home")
    out = cli.run("sts", "get-federation-token", "--name", name, "--duration-seconds", "900", "--policy",
                  doc(allow("iam:ListUsers")), creds=broker.creds).ok().json
    assert out["FederatedUser"]["Arn"] == fed_arn(name)
    c = out["Credentials"]
    ident = cli.run("sts", "get-caller-identity", creds=(c["AccessKeyId"], c["SecretAccessKey"]),
                    env={"AWS_SESSION_TOKEN": c["SessionToken"]}).ok().json
    assert ident["Arn"] == fed_arn(name)


def test_federated_sessions_cannot_call_iam(server, broker, tmp_path):
    """Both the user's policy and the passed policy allow iam:ListUsers -- still refused: IAM takes no
    GetFederationToken credentials (as it takes no GetSessionToken credentials without MFA)."""
    resp = client(server, "sts", broker.creds).get_federation_token(Name="iam-caller",
                                                                    Policy=doc(allow("iam:ListUsers")))
    creds, tok = creds_of(resp)
    code, msg, status = denied(lambda: client(server, "iam", creds, tok).list_users())
    assert status == 403 and code in ("InvalidClientTokenId", "AccessDenied"), (code, msg, status)
    cli = AwsCli(server, tmp_path / "home")
    r = cli.run("iam", "list-users", creds=creds, env={"AWS_SESSION_TOKEN": tok})
    assert r.rc != 0 and r.error[0] == code


def test_federated_sessions_call_no_sts_but_get_caller_identity(server, broker):
    """Even with sts:* in both the user's and the session's policy (API reference, Permissions)."""
    admin(server).put_user_policy(UserName=broker.name, PolicyName="sts-all", PolicyDocument=doc(allow("sts:*")))
    creds, tok = creds_of(client(server, "sts", broker.creds).get_federation_token(
        Name="sts-caller", Policy=doc(allow("sts:*"))))
    sts = client(server, "sts", creds, tok)
    assert sts.get_caller_identity()["Arn"] == fed_arn("sts-caller")
    role = make_role(server, "fed-target", trust_aws(f"arn:aws:iam::{ACCOUNT_ID}:root"))
    for what, call in {
        "GetAccessKeyInfo": lambda: sts.get_access_key_info(AccessKeyId=broker.creds[0]),
        "AssumeRole": lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="fed"),
        "GetSessionToken": lambda: sts.get_session_token(),
        "GetFederationToken": lambda: sts.get_federation_token(Name="again"),
    }.items():
        try:
            call()
        except ClientError as e:
            code, msg, status = client_error(e)
        else:
            pytest.fail(f"a federated session called sts:{what}")
        assert (code, status) == ("AccessDenied", 403), (what, code, msg)
    assert denied(lambda: sts.get_federation_token(Name="again")) == ("AccessDenied", MSG_GFT_SESSION, 403)


def test_federation_token_without_policy_has_no_permissions(server, broker):
    creds, tok = creds_of(client(server, "sts", broker.creds).get_federation_token(Name="nopolicy"))
    sts = client(server, "sts", creds, tok)
    assert sts.get_caller_identity()["Arn"] == fed_arn("nopolicy")  # needs no permission
    code, _, status = denied(lambda: client(server, "iam", creds, tok).list_users())
    assert status == 403 and code in ("InvalidClientTokenId", "AccessDenied")


def test_federation_token_durations_and_names(server, broker):
    sts = client(server, "sts", broker.creds, validate=False)
    assert 900 - 90 <= expires_in(sts.get_federation_token(Name="short", DurationSeconds=900)) <= 905
    assert 129600 - 90 <= expires_in(sts.get_federation_token(Name="long", DurationSeconds=129600)) <= 129605
    assert denied(lambda: sts.get_federation_token(Name="d1", DurationSeconds=899)) == (
        "ValidationError", coral(899, "durationSeconds", "have value greater than or equal to 900"), 400)
    assert denied(lambda: sts.get_federation_token(Name="d2", DurationSeconds=129601)) == (
        "ValidationError", coral(129601, "durationSeconds", "have value less than or equal to 129600"), 400)
    assert denied(lambda: sts.get_federation_token(Name="a")) == (
        "ValidationError", coral("a", "name", "have length greater than or equal to 2"), 400)
    n33 = "n" * 33
    assert denied(lambda: sts.get_federation_token(Name=n33)) == (
        "ValidationError", coral(n33, "name", "have length less than or equal to 32"), 400)
    assert denied(lambda: sts.get_federation_token(Name="bob smith")) == (
        "ValidationError", coral("bob smith", "name", r"satisfy regular expression pattern: [\w+=,.@-]*"), 400)
    ok = sts.get_federation_token(Name="Ab9_+=,.@-xy")
    assert ok["FederatedUser"]["Arn"] == fed_arn("Ab9_+=,.@-xy")


def test_federation_token_for_root_is_capped_at_one_hour(server):
    resp = client(server, "sts", server.root).get_federation_token(Name="rootfed", DurationSeconds=7200,
                                                                    Policy=doc(allow("iam:ListUsers")))
    assert 3600 - 90 <= expires_in(resp) <= 3605
    assert resp["FederatedUser"]["Arn"] == fed_arn("rootfed")


def test_get_federation_token_needs_permission_and_long_term_keys(server, broker):
    u = make_user(server, "no-fed")
    code, msg, status = denied(lambda: client(server, "sts", u.creds).get_federation_token(Name="x1"))
    assert (code, status) == ("AccessDenied", 403)
    assert msg.startswith(f"User: {u.arn} is not authorized to perform: sts:GetFederationToken"), msg
    # An explicit deny wins over the broker's allow.
    admin(server).put_user_policy(UserName=broker.name, PolicyName="no-fed",
                                 PolicyDocument=doc(deny("sts:GetFederationToken")))
    code, msg, status = denied(lambda: client(server, "sts", broker.creds).get_federation_token(Name="x2"))
    assert (code, status) == ("AccessDenied", 403) and "explicit deny" in msg, msg
    admin(server).delete_user_policy(UserName=broker.name, PolicyName="no-fed")
    # Session credentials cannot federate.
    gst = client(server, "sts", broker.creds).get_session_token(DurationSeconds=900)
    creds, tok = creds_of(gst)
    assert denied(lambda: client(server, "sts", creds, tok).get_federation_token(Name="x3")) == (
        "AccessDenied", MSG_GFT_SESSION, 403)


def test_federation_session_token_tampered(server, broker):
    creds, tok = creds_of(client(server, "sts", broker.creds).get_federation_token(Name="tamper"))
    for bad in (tok[:-8], tok[:20], None):
        r = send(sign_request(server.url + "/", creds=creds, session_token=bad, params=sts_params()))
        assert_xml_error(r, 403, "InvalidClientTokenId", MSG_INVALID_TOKEN, ns=STS_NS)


# ---------------------------------------------------------------------------
# GetAccessKeyInfo
# ---------------------------------------------------------------------------
def test_get_access_key_info(server, broker, tmp_path):
    other = make_user(server, "aki-other")
    sts = client(server, "sts", broker.creds)
    assert sts.get_access_key_info(AccessKeyId=broker.creds[0])["Account"] == ACCOUNT_ID
    assert sts.get_access_key_info(AccessKeyId=other.creds[0])["Account"] == ACCOUNT_ID
    # A temporary key of this account too.
    role = make_role(server, "aki-role", trust_aws(broker.arn))
    s = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="aki")
    assert sts.get_access_key_info(AccessKeyId=s["Credentials"]["AccessKeyId"])["Account"] == ACCOUNT_ID
    # The root key.
    assert client(server, "sts", server.root).get_access_key_info(AccessKeyId=broker.creds[0])["Account"] == ACCOUNT_ID
    cli = AwsCli(server, tmp_path / "home")
    out = cli.run("sts", "get-access-key-info", "--access-key-id", other.creds[0], creds=broker.creds).ok().json
    assert out == {"Account": ACCOUNT_ID}


def test_get_access_key_info_needs_permission(server):
    u = make_user(server, "aki-none")
    code, msg, status = denied(lambda: client(server, "sts", u.creds).get_access_key_info(AccessKeyId=u.creds[0]))
    assert (code, status) == ("AccessDenied", 403)
    assert msg.startswith(f"User: {u.arn} is not authorized to perform: sts:GetAccessKeyInfo"), msg


def test_get_access_key_info_validation(server, broker):
    sts = client(server, "sts", broker.creds, validate=False)
    assert denied(lambda: sts.get_access_key_info(AccessKeyId="AKIA123")) == (
        "ValidationError", coral("AKIA123", "accessKeyId", "have length greater than or equal to 16"), 400)
    bad = "AKIA-NOT-A-VALID-KEY"
    assert denied(lambda: sts.get_access_key_info(AccessKeyId=bad)) == (
        "ValidationError", coral(bad, "accessKeyId", r"satisfy regular expression pattern: [\w]*"), 400)


# ---------------------------------------------------------------------------
# Session tags
# ---------------------------------------------------------------------------
def tag_trust(principal_arn, tag_session=True):
    return trust_aws(principal_arn, actions=("sts:AssumeRole", "sts:TagSession") if tag_session
                     else ("sts:AssumeRole",))


def team_policy(team):
    return doc(allow("iam:ListUsers", Condition={"StringEquals": {"aws:PrincipalTag/team": team}}))


def test_session_tags_need_tag_session_in_the_trust_policy(server, tmp_path):
    u = make_user(server, "tagger")
    role = make_role(server, "no-tagsession", tag_trust(u.arn, tag_session=False), inline=team_policy("blue"))
    sts = client(server, "sts", u.creds)
    want = ("AccessDenied", f"User: {u.arn} is not authorized to perform: sts:TagSession on resource: {role['Arn']}",
            403)
    assert denied(lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="tagged",
                                          Tags=[{"Key": "team", "Value": "blue"}])) == want
    cli = AwsCli(server, tmp_path / "home")
    r = cli.run("sts", "assume-role", "--role-arn", role["Arn"], "--role-session-name", "tagged", "--tags",
                "Key=team,Value=blue", creds=u.creds)
    assert r.rc != 0 and r.error == want[:2]
    # Without tags the same role is assumable.
    sts.assume_role(RoleArn=role["Arn"], RoleSessionName="untagged")


def test_session_tags_become_principal_tags(server):
    u = make_user(server, "tagger2")
    role = make_role(server, "tagged-role", tag_trust(u.arn), inline=team_policy("blue"))
    sts = client(server, "sts", u.creds)
    blue = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="blue", Tags=[{"Key": "team", "Value": "blue"}])
    assert 0 < blue["PackedPolicySize"] <= 100
    client(server, "iam", *creds_of(blue)).list_users()
    red = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="red", Tags=[{"Key": "team", "Value": "red"}])
    assert denied(lambda: client(server, "iam", *creds_of(red)).list_users()) == (
        "AccessDenied", implicit(session_arn(role["RoleName"], "red"), "iam:ListUsers", USERS_RES), 403)
    none = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="none")
    assert denied(lambda: client(server, "iam", *creds_of(none)).list_users())[0] == "AccessDenied"
    # A session tag overrides the role's own tag of the same key.
    admin(server).tag_role(RoleName=role["RoleName"], Tags=[{"Key": "team", "Value": "red"}])
    blue2 = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="blue2", Tags=[{"Key": "team", "Value": "blue"}])
    client(server, "iam", *creds_of(blue2)).list_users()


def test_transitive_tag_keys_through_role_chaining(server):
    u = make_user(server, "chainer")
    first = make_role(server, "tt-first", tag_trust(u.arn),
                      inline=doc(allow("sts:AssumeRole", "sts:TagSession")))
    second = make_role(server, "tt-second", tag_trust(first["Arn"]), inline=team_policy("blue"))
    sts = client(server, "sts", u.creds)
    tags = [{"Key": "team", "Value": "blue"}, {"Key": "project", "Value": "x"}]
    # team is transitive: the chained session still carries it.
    a = sts.assume_role(RoleArn=first["Arn"], RoleSessionName="hop1", Tags=tags, TransitiveTagKeys=["team"])
    b = client(server, "sts", *creds_of(a)).assume_role(RoleArn=second["Arn"], RoleSessionName="hop2")
    client(server, "iam", *creds_of(b)).list_users()
    # Not transitive: the tag stays on the first session only.
    a2 = sts.assume_role(RoleArn=first["Arn"], RoleSessionName="hop1b", Tags=tags)
    b2 = client(server, "sts", *creds_of(a2)).assume_role(RoleArn=second["Arn"], RoleSessionName="hop2b")
    assert denied(lambda: client(server, "iam", *creds_of(b2)).list_users()) == (
        "AccessDenied", implicit(session_arn(second["RoleName"], "hop2b"), "iam:ListUsers", USERS_RES), 403)
    # A transitive key must be one of the request's tags.
    code, _, status = denied(lambda: sts.assume_role(RoleArn=first["Arn"], RoleSessionName="bad",
                                                     Tags=tags, TransitiveTagKeys=["nope"]))
    assert (code, status) in (("InvalidParameterValue", 400), ("ValidationError", 400)), code
    # The chained session may not override a transitive tag.
    code, _, status = denied(lambda: client(server, "sts", *creds_of(a)).assume_role(
        RoleArn=second["Arn"], RoleSessionName="override", Tags=[{"Key": "team", "Value": "red"}]))
    assert status == 400 and code in ("InvalidParameterValue", "ValidationError"), code


def _rand(n):
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(n))


def test_packed_policy_too_large(server, tmp_path):
    u = make_user(server, "packer")
    role = make_role(server, "packed", tag_trust(u.arn))
    sts = client(server, "sts", u.creds)
    # 50 tags of incompressible 128-char keys and 256-char values: far beyond the packed budget.
    tags = [{"Key": f"k{i:02d}" + _rand(125), "Value": _rand(256)} for i in range(50)]
    code, msg, status = denied(lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="big", Tags=tags))
    assert (code, status) == ("PackedPolicyTooLarge", 400), (code, msg)
    assert re.fullmatch(r"Packed policy consumes \d+% of allotted space, please use smaller policy\.", msg), msg
    # A near-maximal random inline policy together with many tags.
    stmt: list = []
    while True:
        more = stmt + [{"Effect": "Allow", "Action": "iam:GetUser",
                        "Resource": f"arn:aws:iam::{ACCOUNT_ID}:user/{_rand(60)}"}]
        if len(json.dumps({"Version": "2012-10-17", "Statement": more}, separators=(",", ":"))) > 2048:
            break
        stmt = more
    pol = json.dumps({"Version": "2012-10-17", "Statement": stmt}, separators=(",", ":"))
    assert 1800 < len(pol) <= 2048
    code, msg, status = denied(lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="big2", Policy=pol,
                                                       Tags=tags[:30]))
    assert (code, status) == ("PackedPolicyTooLarge", 400), (code, msg)
    # Raw: the XML envelope.
    params = sts_params("AssumeRole", RoleArn=role["Arn"], RoleSessionName="big3")
    for i, t in enumerate(tags, 1):
        params[f"Tags.member.{i}.Key"] = t["Key"]
        params[f"Tags.member.{i}.Value"] = t["Value"]
    r = send(sign_request(server.url + "/", creds=u.creds, params=params))
    assert_xml_error(r, 400, "PackedPolicyTooLarge", ns=STS_NS)
    # A modest set is fine and reports its size.
    ok = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="small", Tags=tags[:2])
    assert 0 < ok["PackedPolicySize"] <= 100


def test_federation_session_tags_need_tag_session(server, broker):
    """IAM User Guide, "Passing session tags in AWS STS": GetFederationToken with Tags needs
    sts:TagSession in the user's policy."""
    sts = client(server, "sts", broker.creds)
    tags = [{"Key": "team", "Value": "blue"}]
    code, msg, status = denied(lambda: sts.get_federation_token(Name="tagged-fed", Tags=tags))
    assert (code, status) == ("AccessDenied", 403)
    assert msg.startswith(f"User: {broker.arn} is not authorized to perform: sts:TagSession"), msg
    admin(server).put_user_policy(UserName=broker.name, PolicyName="tag", PolicyDocument=doc(allow("sts:TagSession")))
    out = sts.get_federation_token(Name="tagged-fed", Tags=tags)
    assert out["FederatedUser"]["Arn"] == fed_arn("tagged-fed")

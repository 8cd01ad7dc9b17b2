"""Outbound identity federation and OIDC provider tags, driven by boto3 and the aws CLI (v1.45.11,
which has every command used here).

* `TagOpenIDConnectProvider` / `UntagOpenIDConnectProvider` / `ListOpenIDConnectProviderTags`:
  as IAM's other tag operations (quota of 50: "The number of tags has reached the maximum limit.",
  duplicate keys refused, tags sorted by key), and NoSuchEntity "OpenIDConnect Provider not found
  for arn ARN" as the other OIDC operations answer it (test_iam_oidc.py).
* `EnableOutboundWebIdentityFederation`, `DisableOutboundWebIdentityFederation`,
  `GetOutboundWebIdentityFederationInfo` (IAM) and `GetWebIdentityToken` (STS), from AWS's pages:
  - IAM API reference, EnableOutboundWebIdentityFederation
    (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableOutboundWebIdentityFederation.html):
    the answer is the account's issuer URL (`IssuerIdentifier`), hosting
    `/.well-known/openid-configuration` and `/.well-known/jwks.json`; enabling twice is
    `FeatureEnabled` (HTTP 409); disabling twice is `FeatureDisabled` (HTTP 404) -- the messages
    asserted are the error descriptions of that reference; AWS's exact wording was not found.
  - botocore's iam service-2.json: `GetOutboundWebIdentityFederationInfo` answers `IssuerIdentifier`
    and `JwtVendingEnabled`, or `FeatureDisabled`; disabling "does not affect tokens that were issued
    before the feature was disabled" (so the keys stay published).
  - STS API reference, GetWebIdentityToken
    (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html): 1-10
    audiences (the `aud` claim), `DurationSeconds` 60-3600 with a default of 300, `SigningAlgorithm`
    RS256 or ES384, optional tags; errors `OutboundWebIdentityFederationDisabledException` (403),
    `SessionDurationEscalationException` (403, "The requested token duration would extend the
    session beyond its original expiration time").
  - IAM User Guide, "Understanding token claims"
    (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound_token_claims.html):
    `iss`, `aud`, `sub` (the principal's ARN; for a role session, the role's), `iat`, `exp`, `jti`,
    and under `https://sts.amazonaws.com/`: `aws_account`, `source_region`, `principal_tags`,
    `source_identity`, `request_tags` (org, OU, EC2 and Lambda claims need what Keyward has not).
  - IAM User Guide, "Controlling access with IAM policies" (outbound federation,
    https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound_policies.html):
    `sts:GetWebIdentityToken`, and `sts:TagGetWebIdentityToken` when tags are passed; condition keys
    `sts:IdentityTokenAudience`, `sts:DurationSeconds`, `sts:SigningAlgorithm`, `aws:RequestTag`,
    `aws:TagKeys`; policies use `"Resource": "*"`.
  The IAM User Guide's getting-started page says AWS's own AssumeRoleWithWebIdentity refuses these
  tokens; Keyward's issuer URL is its own, and issue 15 asks that any OIDC verifier, Keyward's own
  AssumeRoleWithWebIdentity included, accepts them -- that is what the end-to-end test proves.

The issuer URL is the server's own URL: `--issuer-url` / KEYWARD_ISSUER_URL when given, else `http://`
and the listen address. The tokens are checked with joserfc (pinned in tests/requirements.txt)
against the JWKS the server serves.
"""

from __future__ import annotations

import base64
import json
import re
import time

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import KeySet

from chain_helpers import admin, allow, cached_client, doc, implicit, trust_aws
from conftest import ACCOUNT_ID, AwsCli, client_error, rand_suffix

NS = "https://sts.amazonaws.com/"
MSG_ENABLED = ("The request failed because outbound identity federation is already enabled for your AWS "
               "account. You cannot enable the feature multiple times.")
MSG_DISABLED = ("The request failed because outbound identity federation is already disabled for your AWS "
                "account. You cannot disable the feature multiple times.")
MSG_NEVER = "Outbound identity federation is not enabled for your AWS account."
MSG_OFF = ("The outbound web identity federation feature is not enabled for this account. To use this "
           "feature, you must first enable it through the AWS Management Console or API.")
MSG_ESCALATION = "The requested token duration would extend the session beyond its original expiration time."
MSG_TAG_QUOTA = "The number of tags has reached the maximum limit."
THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"


@pytest.fixture(scope="module")
def server(module_server):
    """This module's own server: outbound federation is a switch of the whole account."""
    admin(module_server).enable_outbound_web_identity_federation()
    return module_server


def denied(principal: str, action: str) -> str:
    """AccessDenied for an action that names no resource: IAM leaves out "on resource"."""
    return (f"User: {principal} is not authorized to perform: {action} because no identity-based policy "
            f"allows the {action} action")


def iam(srv, creds=None, token=None, validate=True):
    return cached_client(srv, "iam", creds, token, validate=validate)


def sts(srv, creds=None, token=None, validate=True):
    return cached_client(srv, "sts", creds, token, validate=validate)


def published_keys(srv) -> KeySet:
    conf = requests.get(srv.url + "/.well-known/openid-configuration", timeout=10).json()
    return KeySet.import_key_set(requests.get(conf["jwks_uri"], timeout=10).json())


def verified(srv, token: str, alg: str = "RS256"):
    """The token's header and claims, after checking its signature against the served JWKS."""
    decoded = jwt.decode(token, published_keys(srv), algorithms=[alg])
    return decoded.header, decoded.claims


def user_allowed(srv, *statements, tags=None):
    name = f"wit-{rand_suffix()}"
    kw = {"UserName": name}
    if tags:
        kw["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    user = admin(srv).create_user(**kw)["User"]
    if statements:
        admin(srv).put_user_policy(UserName=name, PolicyName="p", PolicyDocument=doc(*statements))
    key = admin(srv).create_access_key(UserName=name)["AccessKey"]
    return user, (key["AccessKeyId"], key["SecretAccessKey"])


# ---------------------------------------------------------------------------
# OIDC provider tags
# ---------------------------------------------------------------------------
def test_oidc_provider_tags(server):
    iam_ = admin(server)
    host = f"tags-{rand_suffix()}.example.com"
    arn = iam_.create_open_id_connect_provider(
        Url=f"https://{host}", ThumbprintList=[THUMB], Tags=[{"Key": "env", "Value": "ci"}])["OpenIDConnectProviderArn"]
    iam_.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[
        {"Key": "team", "Value": "blue"}, {"Key": "Env", "Value": "prod"}, {"Key": "app", "Value": ""}])
    # Keys are case-insensitive: `Env` replaced `env` (keeping the new spelling); the list is sorted
    # by key, ignoring case, as the other ListXTags answer.
    got = iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)
    assert got["Tags"] == [{"Key": "app", "Value": ""}, {"Key": "Env", "Value": "prod"},
                           {"Key": "team", "Value": "blue"}]
    assert got["IsTruncated"] is False
    assert sorted(t["Key"] for t in iam_.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["Tags"]) == \
        sorted(["Env", "app", "team"])
    page = iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn, MaxItems=2)
    assert page["IsTruncated"] is True and len(page["Tags"]) == 2
    rest = iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn, Marker=page["Marker"])
    assert len(rest["Tags"]) == 1 and rest["IsTruncated"] is False
    iam_.untag_open_id_connect_provider(OpenIDConnectProviderArn=arn, TagKeys=["team", "absent"])
    assert sorted(t["Key"] for t in iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"]) \
        == sorted(["Env", "app"])

    # Quota: 50 tags per provider; a request that would pass it changes nothing.
    with pytest.raises(Exception) as e:
        iam_.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn,
                                          Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(49)])
    assert client_error(e) == ("LimitExceeded", MSG_TAG_QUOTA, 409)
    assert len(iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"]) == 2
    iam_.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn,
                                      Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(48)])
    assert len(iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"]) == 50

    with pytest.raises(Exception) as e:
        iam_.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn,
                                          Tags=[{"Key": "dup", "Value": "1"}, {"Key": "DUP", "Value": "2"}])
    code, message, status = client_error(e)
    assert (code, status) == ("InvalidInput", 400) and message.startswith("Duplicate tag keys found.")

    missing = f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/missing-{rand_suffix()}.example.com"
    for call in (
        lambda: iam_.tag_open_id_connect_provider(OpenIDConnectProviderArn=missing, Tags=[{"Key": "a", "Value": "b"}]),
        lambda: iam_.untag_open_id_connect_provider(OpenIDConnectProviderArn=missing, TagKeys=["a"]),
        lambda: iam_.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=missing),
    ):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e) == ("NoSuchEntity", f"OpenIDConnect Provider not found for arn {missing}", 404)
    iam_.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)


def test_oidc_provider_tags_need_permission_on_the_provider(server):
    host = f"perm-{rand_suffix()}.example.com"
    arn = admin(server).create_open_id_connect_provider(Url=f"https://{host}", ThumbprintList=[THUMB])[
        "OpenIDConnectProviderArn"]
    user, creds = user_allowed(server, allow("iam:ListOpenIDConnectProviderTags", resource=arn))
    assert iam(server, creds).list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"] == []
    with pytest.raises(Exception) as e:
        iam(server, creds).tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": "a", "Value": "b"}])
    assert client_error(e) == ("AccessDenied", implicit(user["Arn"], "iam:TagOpenIDConnectProvider", arn), 403)
    admin(server).delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)


def test_oidc_provider_tags_with_the_cli(server, tmp_path):
    cli = AwsCli(server, tmp_path / "home")
    host = f"cli-{rand_suffix()}.example.com"
    arn = cli.run("iam", "create-open-id-connect-provider", "--url", f"https://{host}",
                  "--thumbprint-list", THUMB).ok().json["OpenIDConnectProviderArn"]
    cli.run("iam", "tag-open-id-connect-provider", "--open-id-connect-provider-arn", arn,
            "--tags", "Key=owner,Value=ops").ok()
    listed = cli.run("iam", "list-open-id-connect-provider-tags", "--open-id-connect-provider-arn", arn).ok().json
    assert listed["Tags"] == [{"Key": "owner", "Value": "ops"}]
    cli.run("iam", "untag-open-id-connect-provider", "--open-id-connect-provider-arn", arn,
            "--tag-keys", "owner").ok()
    assert cli.run("iam", "list-open-id-connect-provider-tags", "--open-id-connect-provider-arn",
                   arn).ok().json["Tags"] == []
    r = cli.run("iam", "list-open-id-connect-provider-tags", "--open-id-connect-provider-arn", arn + "x")
    assert r.rc != 0 and r.error == ("NoSuchEntity", f"OpenIDConnect Provider not found for arn {arn}x")
    cli.run("iam", "delete-open-id-connect-provider", "--open-id-connect-provider-arn", arn).ok()


# ---------------------------------------------------------------------------
# The switch
# ---------------------------------------------------------------------------
def test_enable_disable_and_info(fresh_server):
    srv = fresh_server
    iam_, sts_ = srv.iam(), srv.sts()
    with pytest.raises(Exception) as e:
        iam_.get_outbound_web_identity_federation_info()
    assert client_error(e) == ("FeatureDisabled", MSG_NEVER, 404)
    with pytest.raises(Exception) as e:
        sts_.get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm="RS256")
    assert client_error(e) == ("OutboundWebIdentityFederationDisabledException", MSG_OFF, 403)
    with pytest.raises(Exception) as e:
        iam_.disable_outbound_web_identity_federation()
    assert client_error(e) == ("FeatureDisabled", MSG_DISABLED, 404)
    # No issuer yet: nothing is published.
    assert requests.get(srv.url + "/.well-known/openid-configuration", timeout=10).status_code == 404
    assert requests.get(srv.url + "/.well-known/jwks.json", timeout=10).status_code == 404

    assert iam_.enable_outbound_web_identity_federation()["IssuerIdentifier"] == srv.url
    with pytest.raises(Exception) as e:
        iam_.enable_outbound_web_identity_federation()
    assert client_error(e) == ("FeatureEnabled", MSG_ENABLED, 409)
    info = iam_.get_outbound_web_identity_federation_info()
    assert (info["IssuerIdentifier"], info["JwtVendingEnabled"]) == (srv.url, True)

    conf = requests.get(srv.url + "/.well-known/openid-configuration", timeout=10)
    assert conf.status_code == 200 and conf.headers["content-type"] == "application/json"
    conf = conf.json()
    assert conf["issuer"] == srv.url and conf["jwks_uri"] == srv.url + "/.well-known/jwks.json"
    assert conf["id_token_signing_alg_values_supported"] == ["RS256", "ES384"]
    jwks = requests.get(conf["jwks_uri"], timeout=10).json()
    assert [(k["kty"], k["alg"], k["use"]) for k in jwks["keys"]] == [("RSA", "RS256", "sig"), ("EC", "ES384", "sig")]
    assert jwks["keys"][1]["crv"] == "P-384"
    for k in jwks["keys"]:
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(k), "no private member is published"
    # Each kid is the key's RFC 7638 thumbprint.
    ks = KeySet.import_key_set(jwks)
    assert sorted(k.thumbprint() for k in ks.keys) == sorted(k["kid"] for k in jwks["keys"])

    token = sts_.get_web_identity_token(Audience=["a"], SigningAlgorithm="ES384")["WebIdentityToken"]
    iam_.disable_outbound_web_identity_federation()
    info = iam_.get_outbound_web_identity_federation_info()
    assert (info["IssuerIdentifier"], info["JwtVendingEnabled"]) == (srv.url, False)
    with pytest.raises(Exception) as e:
        sts_.get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256")
    assert client_error(e) == ("OutboundWebIdentityFederationDisabledException", MSG_OFF, 403)
    # A token issued before the disable still verifies: the keys stay published.
    assert requests.get(srv.url + "/.well-known/jwks.json", timeout=10).json() == jwks
    assert verified(srv, token, "ES384")[1]["aud"] == "a"
    with pytest.raises(Exception) as e:
        iam_.disable_outbound_web_identity_federation()
    assert client_error(e) == ("FeatureDisabled", MSG_DISABLED, 404)

    # Enabled again: the same issuer and keys, across a restart too.
    assert iam_.enable_outbound_web_identity_federation()["IssuerIdentifier"] == srv.url
    assert requests.get(srv.url + "/.well-known/jwks.json", timeout=10).json() == jwks
    srv.restart()
    assert requests.get(srv.url + "/.well-known/jwks.json", timeout=10).json() == jwks
    token = srv.sts().get_web_identity_token(Audience=["b"], SigningAlgorithm="RS256")["WebIdentityToken"]
    assert verified(srv, token)[1]["iss"] == srv.url


def test_the_switch_needs_iam_permissions(server):
    user, creds = user_allowed(server, allow("iam:GetOutboundWebIdentityFederationInfo"))
    assert iam(server, creds).get_outbound_web_identity_federation_info()["JwtVendingEnabled"] is True
    for action, call in (
        ("EnableOutboundWebIdentityFederation", lambda c: c.enable_outbound_web_identity_federation()),
        ("DisableOutboundWebIdentityFederation", lambda c: c.disable_outbound_web_identity_federation()),
    ):
        with pytest.raises(Exception) as e:
            call(iam(server, creds))
        assert client_error(e) == ("AccessDenied", denied(user["Arn"], f"iam:{action}"), 403)


def test_the_switch_with_the_cli(fresh_server, tmp_path):
    cli = AwsCli(fresh_server, tmp_path / "home")
    r = cli.run("iam", "get-outbound-web-identity-federation-info")
    assert r.rc != 0 and r.error == ("FeatureDisabled", MSG_NEVER)
    assert cli.run("iam", "enable-outbound-web-identity-federation").ok().json == {
        "IssuerIdentifier": fresh_server.url}
    r = cli.run("iam", "enable-outbound-web-identity-federation")
    assert r.rc != 0 and r.error == ("FeatureEnabled", MSG_ENABLED)
    assert cli.run("iam", "get-outbound-web-identity-federation-info").ok().json == {
        "IssuerIdentifier": fresh_server.url, "JwtVendingEnabled": True}
    out = cli.run("sts", "get-web-identity-token", "--audience", "https://api.example.com", "other",
                  "--signing-algorithm", "ES384", "--duration-seconds", "120",
                  "--tags", "Key=job,Value=42").ok().json
    header, claims = verified(fresh_server, out["WebIdentityToken"], "ES384")
    assert header["alg"] == "ES384" and claims["aud"] == ["https://api.example.com", "other"]
    assert claims["exp"] - claims["iat"] == 120 and claims[NS]["request_tags"] == {"job": "42"}
    cli.run("iam", "disable-outbound-web-identity-federation").ok()
    r = cli.run("sts", "get-web-identity-token", "--audience", "x", "--signing-algorithm", "RS256")
    assert r.rc != 0 and r.error == ("OutboundWebIdentityFederationDisabledException", MSG_OFF)


def test_issuer_url_from_configuration(fresh_server_factory):
    srv = fresh_server_factory(extra_env={"KEYWARD_ISSUER_URL": "https://issuer.keyward.test/"})
    assert srv.iam().enable_outbound_web_identity_federation()["IssuerIdentifier"] == "https://issuer.keyward.test"
    conf = requests.get(srv.url + "/.well-known/openid-configuration", timeout=10).json()
    assert conf["issuer"] == "https://issuer.keyward.test"
    assert conf["jwks_uri"] == "https://issuer.keyward.test/.well-known/jwks.json"
    token = srv.sts().get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256")["WebIdentityToken"]
    # The configured URL is what verifiers would reach; here the keys are read from the port itself.
    keys = KeySet.import_key_set(requests.get(srv.url + "/.well-known/jwks.json", timeout=10).json())
    assert jwt.decode(token, keys, algorithms=["RS256"]).claims["iss"] == "https://issuer.keyward.test"


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("alg", ["RS256", "ES384"])
def test_token_claims_of_a_user(server, alg):
    user, creds = user_allowed(server, allow("sts:GetWebIdentityToken", "sts:TagGetWebIdentityToken"),
                               tags={"team": "data", "cost-center": "42"})
    before = int(time.time())
    out = sts(server, creds).get_web_identity_token(
        Audience=["https://api.example.com"], SigningAlgorithm=alg,
        Tags=[{"Key": "job-id", "Value": "job-1"}, {"Key": "priority", "Value": "high"}])
    header, claims = verified(server, out["WebIdentityToken"], alg)
    assert header["alg"] == alg and header["typ"] == "JWT" and header["kid"]
    assert claims["iss"] == server.url
    assert claims["aud"] == "https://api.example.com"
    assert claims["sub"] == user["Arn"]
    assert before - 2 <= claims["iat"] <= int(time.time()) + 2
    assert claims["exp"] - claims["iat"] == 300, "the default lifetime is 300 seconds"
    assert int(out["Expiration"].timestamp()) == claims["exp"]
    assert re.fullmatch(r"[0-9a-f-]{36}", claims["jti"])
    assert claims[NS] == {
        "aws_account": ACCOUNT_ID,
        "source_region": "us-east-1",
        "principal_tags": {"team": "data", "cost-center": "42"},
        "request_tags": {"job-id": "job-1", "priority": "high"},
    }
    again = sts(server, creds).get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm=alg)
    claims2 = verified(server, again["WebIdentityToken"], alg)[1]
    assert claims2["jti"] != claims["jti"] and "request_tags" not in claims2[NS]


def test_token_lifetime_audiences_and_region(server):
    c = cached_client(server, "sts")
    out = server.client("sts", region="eu-west-1").get_web_identity_token(
        Audience=[f"aud-{i}" for i in range(10)], SigningAlgorithm="RS256", DurationSeconds=3600)
    claims = verified(server, out["WebIdentityToken"])[1]
    assert claims["aud"] == [f"aud-{i}" for i in range(10)]
    assert claims["exp"] - claims["iat"] == 3600
    assert claims[NS]["source_region"] == "eu-west-1"
    assert claims["sub"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert verified(server, c.get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256",
                                                     DurationSeconds=60)["WebIdentityToken"])[1]["exp"] \
        - claims["iat"] < 120


def test_a_token_verifies_only_as_signed(server):
    token = admin(server, "sts").get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256")["WebIdentityToken"]
    head, body, sig = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["sub"] = "arn:aws:iam::123456789012:user/mallory"
    forged = ".".join([head, base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode(), sig])
    with pytest.raises(Exception):
        verified(server, forged)
    with pytest.raises(Exception):
        verified(server, token, "ES384")  # the RS256 token is no ES384 token


def test_validation(server):
    raw = sts(server, validate=False)
    for kw, member in (({"DurationSeconds": 59}, "durationSeconds"), ({"DurationSeconds": 3601}, "durationSeconds"),
                       ({"Audience": [f"a{i}" for i in range(11)]}, "audience"),
                       ({"Audience": []}, "audience")):
        args = {"Audience": ["a"], "SigningAlgorithm": "RS256", **kw}
        with pytest.raises(Exception) as e:
            raw.get_web_identity_token(**args)
        code, message, status = client_error(e)
        assert (code, status) == ("ValidationError", 400) and f"'{member}'" in message, (kw, message)
    with pytest.raises(Exception) as e:
        raw.get_web_identity_token(Audience=["a"], SigningAlgorithm="HS256")
    assert client_error(e) == ("ValidationError", "1 validation error detected: Value 'HS256' at 'signingAlgorithm' "
                               "failed to satisfy constraint: Member must satisfy enum value set: [RS256, ES384]", 400)
    with pytest.raises(Exception) as e:
        raw.get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256",
                                   Tags=[{"Key": "k", "Value": "1"}, {"Key": "K", "Value": "2"}])
    assert client_error(e) == ("InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are "
                               "case insensitive.", 400)


def test_permissions_and_condition_keys(server):
    nobody, nobody_creds = user_allowed(server)
    with pytest.raises(Exception) as e:
        sts(server, nobody_creds).get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256")
    assert client_error(e) == ("AccessDenied", denied(nobody["Arn"], "sts:GetWebIdentityToken"), 403)

    # The OpenAI guide's policy shape: one audience, at most 300 seconds, and ES384 only.
    user, creds = user_allowed(server, allow("sts:GetWebIdentityToken", Condition={
        "ForAllValues:StringEquals": {"sts:IdentityTokenAudience": "https://api.openai.com/v1"},
        "NumericLessThanEquals": {"sts:DurationSeconds": 300},
        "StringEquals": {"sts:SigningAlgorithm": "ES384"}}))
    c = sts(server, creds)
    c.get_web_identity_token(Audience=["https://api.openai.com/v1"], SigningAlgorithm="ES384")
    c.get_web_identity_token(Audience=["https://api.openai.com/v1"], SigningAlgorithm="ES384", DurationSeconds=300)
    for kw in ({"Audience": ["https://api.openai.com/v1", "https://elsewhere"]},
               {"DurationSeconds": 301}, {"SigningAlgorithm": "RS256"}):
        args = {"Audience": ["https://api.openai.com/v1"], "SigningAlgorithm": "ES384", **kw}
        with pytest.raises(Exception) as e:
            c.get_web_identity_token(**args)
        assert client_error(e) == ("AccessDenied", denied(user["Arn"], "sts:GetWebIdentityToken"), 403), kw

    # Tags need sts:TagGetWebIdentityToken, which aws:RequestTag / aws:TagKeys can narrow.
    with pytest.raises(Exception) as e:
        c.get_web_identity_token(Audience=["https://api.openai.com/v1"], SigningAlgorithm="ES384",
                                 Tags=[{"Key": "job", "Value": "1"}])
    assert client_error(e) == ("AccessDenied", denied(user["Arn"], "sts:TagGetWebIdentityToken"), 403)
    tagger, tagger_creds = user_allowed(server, allow("sts:GetWebIdentityToken"), allow(
        "sts:TagGetWebIdentityToken", Condition={"ForAllValues:StringEquals": {"aws:TagKeys": ["job"]}}))
    sts(server, tagger_creds).get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256",
                                                     Tags=[{"Key": "job", "Value": "1"}])
    with pytest.raises(Exception) as e:
        sts(server, tagger_creds).get_web_identity_token(Audience=["a"], SigningAlgorithm="RS256",
                                                         Tags=[{"Key": "other", "Value": "1"}])
    assert client_error(e) == ("AccessDenied", denied(tagger["Arn"], "sts:TagGetWebIdentityToken"), 403)


def test_token_of_a_role_session(server):
    user, creds = user_allowed(server, allow("sts:AssumeRole"))
    name = f"witrole-{rand_suffix()}"
    role = admin(server).create_role(
        RoleName=name, Path="/apps/",
        AssumeRolePolicyDocument=trust_aws(user["Arn"], actions=("sts:AssumeRole", "sts:TagSession",
                                                                  "sts:SetSourceIdentity")),
        Tags=[{"Key": "environment", "Value": "production"}, {"Key": "team", "Value": "role-team"}])["Role"]
    admin(server).put_role_policy(RoleName=name, PolicyName="p",
                                  PolicyDocument=doc(allow("sts:GetWebIdentityToken")))
    session = sts(server, creds).assume_role(
        RoleArn=role["Arn"], RoleSessionName="job", DurationSeconds=900, SourceIdentity="alice",
        Tags=[{"Key": "team", "Value": "session-team"}])["Credentials"]
    sc = sts(server, (session["AccessKeyId"], session["SecretAccessKey"]), session["SessionToken"])
    out = sc.get_web_identity_token(Audience=["svc"], SigningAlgorithm="RS256", DurationSeconds=600)
    claims = verified(server, out["WebIdentityToken"])[1]
    assert claims["sub"] == f"arn:aws:iam::{ACCOUNT_ID}:role/apps/{name}", "the role's ARN, not the session's"
    assert claims[NS]["principal_tags"] == {"environment": "production", "team": "session-team"}
    assert claims[NS]["source_identity"] == "alice"
    # The session ends in 15 minutes: a token may not outlive it.
    with pytest.raises(Exception) as e:
        sc.get_web_identity_token(Audience=["svc"], SigningAlgorithm="RS256", DurationSeconds=3600)
    assert client_error(e) == ("SessionDurationEscalationException", MSG_ESCALATION, 403)


def test_end_to_end_into_keywards_own_assume_role_with_web_identity(server):
    """Keyward's issuer registered as an OIDC provider of the same account; a token from
    GetWebIdentityToken assumes a role whose trust policy checks its `aud` and `sub`."""
    user, creds = user_allowed(server, allow("sts:GetWebIdentityToken"))
    host = server.url.removeprefix("http://")
    provider = admin(server).create_open_id_connect_provider(Url=server.url, ClientIDList=["keyward-e2e"])[
        "OpenIDConnectProviderArn"]
    assert provider == f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{host}"
    trust = doc({"Effect": "Allow", "Principal": {"Federated": provider},
                 "Action": "sts:AssumeRoleWithWebIdentity",
                 "Condition": {"StringEquals": {f"{host}:aud": "keyward-e2e", f"{host}:sub": user["Arn"]}}})
    name = f"e2e-{rand_suffix()}"
    admin(server).create_role(RoleName=name, AssumeRolePolicyDocument=trust)
    admin(server).put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=doc(allow("iam:ListUsers")))
    unsigned = cached_client(server, "sts", unsigned=True)
    for alg in ("RS256", "ES384"):
        token = sts(server, creds).get_web_identity_token(Audience=["keyward-e2e"], SigningAlgorithm=alg)[
            "WebIdentityToken"]
        out = unsigned.assume_role_with_web_identity(
            RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{name}", RoleSessionName=f"e2e-{alg}", WebIdentityToken=token)
        assert out["SubjectFromWebIdentityToken"] == user["Arn"]
        assert (out["Provider"], out["Audience"]) == (host, "keyward-e2e")
        k = out["Credentials"]
        me = sts(server, (k["AccessKeyId"], k["SecretAccessKey"]), k["SessionToken"]).get_caller_identity()
        assert me["Arn"] == f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{name}/e2e-{alg}"
    # Another audience is refused by the provider; another principal's token by the trust policy.
    token = sts(server, creds).get_web_identity_token(Audience=["not-registered"], SigningAlgorithm="RS256")[
        "WebIdentityToken"]
    with pytest.raises(Exception) as e:
        unsigned.assume_role_with_web_identity(RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{name}",
                                               RoleSessionName="x1", WebIdentityToken=token)
    assert client_error(e) == ("InvalidIdentityToken", "Incorrect token audience", 400)
    token = admin(server, "sts").get_web_identity_token(Audience=["keyward-e2e"], SigningAlgorithm="RS256")[
        "WebIdentityToken"]
    with pytest.raises(Exception) as e:
        unsigned.assume_role_with_web_identity(RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{name}",
                                               RoleSessionName="x2", WebIdentityToken=token)
    assert client_error(e)[0] == "AccessDenied"
    admin(server).delete_open_id_connect_provider(OpenIDConnectProviderArn=provider)


# ---------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------
# The base64 openings of a PKCS#8 RSA-2048 key and of a PKCS#8 P-384 key, as a key stored in the
# clear (DER in base64, or PEM) would begin.
PKCS8_OPENINGS = ("MIIEv", "MIIEu", "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAi")


def test_tokens_and_keys_never_reach_the_disk_or_the_logs(fresh_server):
    srv = fresh_server
    srv.iam().enable_outbound_web_identity_federation()
    tokens = [srv.sts().get_web_identity_token(Audience=["a"], SigningAlgorithm=alg)["WebIdentityToken"]
              for alg in ("RS256", "ES384")]
    srv.restart()  # the audit log is drained, the store written
    audit = (srv.data_dir / "audit.log").read_text()
    records = [r for r in srv.audit_records() if r.get("eventName") == "GetWebIdentityToken"]
    assert len(records) == 2 and all(r.get("errorCode") is None for r in records)
    out = srv.stdout() + srv.stderr()
    for token in tokens:
        signature = token.rsplit(".", 1)[1]
        assert token not in audit and signature not in audit and signature not in out
        for p in srv.data_dir.rglob("*"):
            if p.is_file():
                assert signature.encode() not in p.read_bytes(), p
    for p in srv.data_dir.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            for opening in PKCS8_OPENINGS:
                assert opening.encode() not in data, f"a private key in the clear in {p}"
            assert b"PRIVATE KEY" not in data, p

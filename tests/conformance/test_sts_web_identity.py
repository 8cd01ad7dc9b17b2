"""AssumeRoleWithWebIdentity against a loopback OIDC issuer (oidc_issuer.py): the happy path and its
wire shape, every JWT that must be refused, the trust policy's `<provider>:aud` / `:sub` keys, JWKS
caching and key rotation, an unreachable issuer, and the usual STS parameter validation.
(test_credential_chain.py drives the same through the SDKs' AWS_WEB_IDENTITY_TOKEN_FILE chain.)

Sources of the AWS texts asserted below:
  * "Incorrect token audience" (InvalidIdentityToken) -- real captures: awslabs/amazon-eks-irsa-cfn#18,
    guardian/cdk#1944, aws-actions/configure-aws-credentials#775, BerriAI/litellm#31412.
  * "No OpenIDConnect provider found in your account for <iss>" (InvalidIdentityToken) --
    treeverse/dvc.org#5273 ("... for https://studio.dvc.ai/api"), aws-actions/configure-aws-credentials#721.
  * ExpiredTokenException, HTTP 400: "Token expired: current date/time N must be before the expiration
    date/timeM" -- awslabs/aws-orbit-workbench#707/#771 (no space before M), aws/aws-sdk-java-v2#5709
    (Status Code: 400, with a space); both spellings accepted.
  * "Not authorized to perform sts:AssumeRoleWithWebIdentity" (AccessDenied, 403) -- the message GitHub
    Actions users report when the trust policy's :sub condition does not match
    (aws-actions/configure-aws-credentials, many issues); as specified for Keyward in issue 5.
  * Error codes and statuses: botocore's sts service-2.json (InvalidIdentityToken 400,
    ExpiredTokenException 400, IDPCommunicationError 400, IDPRejectedClaim 403).
  * Coral validation messages and the MaxSessionDuration / chaining messages: see test_sts_sessions.py.
AWS's messages for a bad signature, an unknown kid, `alg: none` or HMAC are not asserted (no capture
found); their code is.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlencode

import pytest
import requests

from chain_helpers import (READ_USERS, WEB_AUD, WEB_SUB, admin, allow, cached_client, doc, implicit, make_role,
                           register_oidc_provider, session_arn, trust_aws, trust_web_identity)
from conftest import (ACCOUNT_ID, FORM_CT, MSG_INVALID_TOKEN, STS_NS, STS_VERSION, assert_xml_error, client_error,
                      send, sign_request, sts_params, xml_find_text)
from oidc_issuer import OMIT, OidcIssuer


ASIA_RE = re.compile(r"ASIA[A-Z0-9]{16}")
USERS_RES = f"arn:aws:iam::{ACCOUNT_ID}:user/"
MSG_MAX_DURATION = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
MSG_CHAINING = "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
MSG_NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity"
EXPIRED_RE = re.compile(r"Token expired: current date/time \d+ must be before the expiration date/time ?\d+")

@pytest.fixture(scope="module")
def server(module_server):
    """This module's own server (conftest.module_server), not the session-wide one."""
    return module_server


def unsigned_sts(srv, validate=True):
    return cached_client(srv, "sts", validate=validate, unsigned=True)


def client(srv, service, creds, token=None):
    return cached_client(srv, service, creds, token)


def raw_awwi(srv, **params):
    """An unsigned Query request, as the SDKs send it."""
    body = urlencode({"Action": "AssumeRoleWithWebIdentity", "Version": STS_VERSION, **params})
    return requests.post(srv.url + "/", data=body, headers={"Content-Type": FORM_CT}, timeout=60)


class WebIdentity:
    def __init__(self, srv, issuer, role):
        self.srv, self.iss, self.role = srv, issuer, role

    def assume(self, token, session="wi-sess", validate=True, **kw):
        return unsigned_sts(self.srv, validate).assume_role_with_web_identity(
            RoleArn=self.role["Arn"], RoleSessionName=session, WebIdentityToken=token, **kw)

    def error(self, token, **kw):
        with pytest.raises(Exception) as ei:
            self.assume(token, **kw)
        return client_error(ei)

    def creds(self, resp):
        c = resp["Credentials"]
        return (c["AccessKeyId"], c["SecretAccessKey"]), c["SessionToken"]


@pytest.fixture
def wi(server, oidc_issuer):
    register_oidc_provider(server, oidc_issuer)
    role = make_role(server, "wi-role", trust_web_identity(oidc_issuer), max_session=7200)
    return WebIdentity(server, oidc_issuer, role)


def invalid(code_msg, message=None):
    code, msg, status = code_msg
    assert (code, status) == ("InvalidIdentityToken", 400), code_msg
    if message is not None:
        assert msg == message, code_msg
    return msg


# ---------------------------------------------------------------------------
# The happy path and the wire shape
# ---------------------------------------------------------------------------
def test_web_identity_success_and_shape(wi):
    r = raw_awwi(wi.srv, RoleArn=wi.role["Arn"], RoleSessionName="wire", WebIdentityToken=wi.iss.mint())
    assert r.status_code == 200, r.text
    assert f'<AssumeRoleWithWebIdentityResponse xmlns="{STS_NS}">' in r.text
    assert "<AssumeRoleWithWebIdentityResult>" in r.text
    assert xml_find_text(r, "SubjectFromWebIdentityToken") == WEB_SUB
    assert xml_find_text(r, "Audience") == WEB_AUD
    # AWS answers the provider's ARN for OIDC providers (IAM User Guide, "Available keys for AWS web
    # identity federation": Provider = the oidc-provider ARN) -- or its issuer host/path.
    assert xml_find_text(r, "Provider") in (wi.iss.provider_arn(ACCOUNT_ID), wi.iss.host_path), r.text
    assert xml_find_text(r, "AssumedRoleId") == f"{wi.role['RoleId']}:wire"
    assert xml_find_text(r, "Arn") == session_arn(wi.role["RoleName"], "wire")
    assert ASIA_RE.fullmatch(xml_find_text(r, "AccessKeyId"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", xml_find_text(r, "Expiration"))
    assert r.headers.get("x-amzn-RequestId") == xml_find_text(r, "RequestId")

    resp = wi.assume(wi.iss.mint(), session="boto", DurationSeconds=900)
    assert resp["AssumedRoleUser"]["Arn"] == session_arn(wi.role["RoleName"], "boto")
    assert resp["SubjectFromWebIdentityToken"] == WEB_SUB
    exp = resp["Credentials"]["Expiration"].timestamp() - time.time()
    assert 800 <= exp <= 905, exp
    creds, tok = wi.creds(resp)
    ident = client(wi.srv, "sts", creds, tok).get_caller_identity()
    assert ident["Arn"] == session_arn(wi.role["RoleName"], "boto")
    assert ident["UserId"] == f"{wi.role['RoleId']}:boto"
    iam = client(wi.srv, "iam", creds, tok)
    iam.list_users()
    with pytest.raises(Exception) as ei:
        iam.create_user(UserName="wi-nope")
    assert client_error(ei) == ("AccessDenied", implicit(ident["Arn"], "iam:CreateUser", USERS_RES + "wi-nope"), 403)
    # Default duration: one hour.
    exp = wi.assume(wi.iss.mint())["Credentials"]["Expiration"].timestamp() - time.time()
    assert 3500 <= exp <= 3605, exp


@pytest.mark.parametrize("kind,alg", [("RSA", "RS256"), ("RSA", "RS384"), ("RSA", "RS512"), ("EC", "ES256"),
                                      ("EC", "ES384")])
def test_every_allowed_algorithm(wi, kind, alg):
    k = wi.iss.add_key(kind, alg)
    resp = wi.assume(wi.iss.mint_with_key(k))
    assert resp["AssumedRoleUser"]["Arn"] == session_arn(wi.role["RoleName"], "wi-sess")


def test_audience_list_and_string_like_subject(server, oidc_issuer):
    iss = oidc_issuer
    register_oidc_provider(server, iss, client_ids=("sts.amazonaws.com", "other-client"))
    hp = iss.host_path
    role = make_role(server, "wi-like", trust_web_identity(iss, condition={
        "StringEquals": {f"{hp}:aud": "sts.amazonaws.com"}, "StringLike": {f"{hp}:sub": "repo:org/app:*"}}))
    w = WebIdentity(server, iss, role)
    w.assume(iss.mint(sub="repo:org/app:ref:refs/heads/main", aud="sts.amazonaws.com"))
    w.assume(iss.mint(sub="repo:org/app:pull_request", aud=["sts.amazonaws.com"]))  # aud as a one-item array
    assert w.error(iss.mint(sub="repo:org/other:ref:refs/heads/main", aud="sts.amazonaws.com")) == (
        "AccessDenied", MSG_NOT_AUTHORIZED, 403)
    # "other-client" is a registered client id, but the trust policy wants sts.amazonaws.com.
    assert w.error(iss.mint(aud="other-client")) == ("AccessDenied", MSG_NOT_AUTHORIZED, 403)


# ---------------------------------------------------------------------------
# Tokens that must be refused
# ---------------------------------------------------------------------------
def test_wrong_audience(wi):
    invalid(wi.error(wi.iss.mint(aud="someone-else")), "Incorrect token audience")
    invalid(wi.error(wi.iss.mint(aud=["a", "b"])), "Incorrect token audience")


def test_wrong_subject_is_access_denied(wi):
    assert wi.error(wi.iss.mint(sub="repo:org/app:ref:refs/heads/feature")) == ("AccessDenied", MSG_NOT_AUTHORIZED,
                                                                                403)
    r = raw_awwi(wi.srv, RoleArn=wi.role["Arn"], RoleSessionName="x1",
                 WebIdentityToken=wi.iss.mint(sub="repo:evil/app:ref:refs/heads/main"))
    assert_xml_error(r, 403, "AccessDenied", MSG_NOT_AUTHORIZED, ns=STS_NS)


def test_expired_token(wi):
    code, msg, status = wi.error(wi.iss.mint(exp_in=-600))
    assert (code, status) == ("ExpiredTokenException", 400)
    assert EXPIRED_RE.fullmatch(msg), msg
    r = raw_awwi(wi.srv, RoleArn=wi.role["Arn"], RoleSessionName="exp", WebIdentityToken=wi.iss.mint(exp_in=-600))
    assert_xml_error(r, 400, "ExpiredTokenException", EXPIRED_RE, ns=STS_NS)


def test_unknown_key_id(wi):
    wi.assume(wi.iss.mint())  # the relying party now has the JWKS cached
    before = wi.iss.fetches()
    ghost = wi.iss.add_key("RSA", publish=False)
    invalid(wi.error(wi.iss.mint_with_key(ghost)))
    # An unknown kid makes it look again (the key may have been rotated in).
    assert wi.iss.fetches() > before, wi.iss.requests_seen
    # A published kid with another key's signature.
    invalid(wi.error(wi.iss.mint_with_key(ghost, kid=wi.iss.rsa.kid)))


def test_key_rotation_is_picked_up(wi):
    wi.assume(wi.iss.mint())
    new = wi.iss.rotate("RSA", keep_old=False)
    before = wi.iss.fetches()
    resp = wi.assume(wi.iss.mint_with_key(new), session="rotated")
    assert resp["AssumedRoleUser"]["Arn"] == session_arn(wi.role["RoleName"], "rotated")
    assert wi.iss.fetches() > before
    # The withdrawn key no longer verifies anything (once the new JWKS is known).
    invalid(wi.error(wi.iss.mint(key="rsa")))
    # An EC key rotated in works the same.
    ec2 = wi.iss.rotate("EC", "ES384")
    wi.assume(wi.iss.mint_with_key(ec2))


def test_jwks_is_cached(wi):
    wi.assume(wi.iss.mint())
    before = (wi.iss.fetches(), wi.iss.fetches("/openid-configuration"))
    for i in range(3):
        wi.assume(wi.iss.mint(key="ec" if i % 2 else "rsa"), session=f"cached-{i}")
    assert (wi.iss.fetches(), wi.iss.fetches("/openid-configuration")) == before, wi.iss.requests_seen


def test_key_published_for_one_algorithm_only(wi):
    """A JWK with "alg": "RS256" may not verify an RS384 signature (RFC 7517 §4.4)."""
    k = wi.iss.add_key("RSA", "RS256", publish_alg=True)
    wi.assume(wi.iss.mint_with_key(k))
    invalid(wi.error(wi.iss.mint_with_key(k, alg="RS384")))


def test_keys_named_by_the_token_itself_are_ignored(wi):
    """jku / x5u / an embedded jwk in the header must not make the relying party trust another key."""
    with OidcIssuer() as attacker:
        evil = attacker.rsa
        for header in ({"jku": f"{attacker.url}/jwks.json"}, {"x5u": f"{attacker.url}/cert.pem"},
                       {"jwk": evil.public_jwk()}):
            invalid(wi.error(wi.iss.mint_with_key(evil, header=header)))
            invalid(wi.error(wi.iss.mint_with_key(evil, kid=wi.iss.rsa.kid, header=header)))
        assert attacker.requests_seen == [], attacker.requests_seen


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none(wi, alg):
    invalid(wi.error(wi.iss.mint_unsigned(alg=alg)))
    invalid(wi.error(wi.iss.mint_unsigned(alg=alg, kid=OMIT)))


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_algorithms(wi, alg):
    # Keyed with the issuer's public RSA key (the classic algorithm-confusion attack) ...
    invalid(wi.error(wi.iss.mint_hmac(alg=alg)))
    # ... or with any secret.
    invalid(wi.error(wi.iss.mint_hmac(b"shared-secret-shared-secret-shared!", alg=alg, kid=OMIT)))


def test_disallowed_or_mismatched_algorithms(wi):
    # RSASSA-PSS is not among the algorithms accepted (RS256/384/512, ES256/384).
    invalid(wi.error(wi.iss.mint(alg="PS256")))
    # The header says ES256 but names an RSA key (signature made with RS256).
    tok = wi.iss.mint()
    h, p, s = tok.split(".")
    from oidc_issuer import b64url_json
    forged = f"{b64url_json({'typ': 'JWT', 'alg': 'ES256', 'kid': wi.iss.rsa.kid})}.{p}.{s}"
    invalid(wi.error(forged))


def test_bad_signature_and_altered_claims(wi):
    good = wi.iss.mint()
    invalid(wi.error(OidcIssuer.tamper(good)))
    invalid(wi.error(OidcIssuer.with_claims(good, sub="repo:org/app:ref:refs/heads/main", aud="my-client",
                                            exp=int(time.time()) + 7200)))
    invalid(wi.error(OidcIssuer.with_claims(wi.iss.mint(key="ec"), jti="changed")))
    h, p, s = good.split(".")
    invalid(wi.error(f"{h}.{p}."))  # signature stripped


@pytest.mark.parametrize("token", ["abcd", "not.a.jwt", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "x" * 300])
def test_malformed_tokens(wi, token):
    invalid(wi.error(token))


def test_issuer_not_registered(server, wi):
    with OidcIssuer() as stranger:
        msg = invalid(wi.error(stranger.mint()))
        assert msg == f"No OpenIDConnect provider found in your account for {stranger.url}", msg
        assert stranger.fetches("/openid-configuration") == 0, "an unregistered issuer must not be contacted"
    # A token whose iss is the registered URL with another path is not the same provider.
    tok = wi.iss.mint(iss=wi.iss.url + "/other")
    msg = invalid(wi.error(tok))
    assert msg == f"No OpenIDConnect provider found in your account for {wi.iss.url}/other", msg


def test_missing_claims(wi):
    # No `sub` (required in OIDC ID tokens): refused, as an invalid token or by the trust policy's
    # :sub condition (AWS's answer for this case was not found).
    code, _, status = wi.error(wi.iss.mint(sub=OMIT))
    assert (code, status) in (("InvalidIdentityToken", 400), ("AccessDenied", 403)), (code, status)
    # No `aud`: InvalidIdentityToken ("Missing a required claim: aud" -- aws/aws-sdk-ruby#2698).
    invalid(wi.error(wi.iss.mint(aud=OMIT)))
    code, _, status = wi.error(wi.iss.mint(exp=OMIT))
    assert (code, status) in (("InvalidIdentityToken", 400), ("ExpiredTokenException", 400))


def test_token_not_yet_valid(wi):
    # nbf / iat an hour ahead: far beyond any leeway.
    code, _, status = wi.error(wi.iss.mint(nbf=int(time.time()) + 3600, iat=int(time.time()) + 3600))
    assert (code, status) in (("InvalidIdentityToken", 400), ("IDPRejectedClaim", 403)), (code, status)


def test_issuer_down(server, oidc_issuer):
    """The issuer's keys cannot be fetched: IDPCommunicationError (botocore model: HTTP 400)."""
    register_oidc_provider(server, oidc_issuer)
    role = make_role(server, "wi-down", trust_web_identity(oidc_issuer))
    w = WebIdentity(server, oidc_issuer, role)
    tok = oidc_issuer.mint()
    oidc_issuer.set_down("refused")
    code, _, status = w.error(tok)
    assert (code, status) == ("IDPCommunicationError", 400), (code, status)
    r = raw_awwi(server, RoleArn=role["Arn"], RoleSessionName="down", WebIdentityToken=tok)
    assert_xml_error(r, 400, "IDPCommunicationError", ns=STS_NS)
    # An issuer answering 5xx cannot be used either.
    oidc_issuer.set_up()
    oidc_issuer.set_down("error")
    code, _, status = w.error(oidc_issuer.mint_with_key(oidc_issuer.add_key("RSA")))
    assert status == 400 and code in ("IDPCommunicationError", "InvalidIdentityToken"), (code, status)
    # Back up: works again.
    oidc_issuer.set_up()
    w.assume(oidc_issuer.mint())


def test_role_trusting_another_provider_or_a_user(server, wi, oidc_issuer):
    with OidcIssuer() as other:
        register_oidc_provider(server, other)
        role = make_role(server, "wi-other", trust_web_identity(other))
        w = WebIdentity(server, oidc_issuer, role)
        assert w.error(oidc_issuer.mint()) == ("AccessDenied", MSG_NOT_AUTHORIZED, 403)
    # A role that trusts only an IAM user cannot be assumed with a web identity.
    u_arn = f"arn:aws:iam::{ACCOUNT_ID}:root"
    role = make_role(server, "wi-iam-only", trust_aws(u_arn))
    w = WebIdentity(server, oidc_issuer, role)
    assert w.error(oidc_issuer.mint()) == ("AccessDenied", MSG_NOT_AUTHORIZED, 403)
    # A role trusting the provider but only for sts:AssumeRole (not ...WithWebIdentity).
    st = json.loads(trust_web_identity(oidc_issuer))
    st["Statement"][0]["Action"] = "sts:AssumeRole"
    role = make_role(server, "wi-wrong-action", json.dumps(st))
    w = WebIdentity(server, oidc_issuer, role)
    assert w.error(oidc_issuer.mint()) == ("AccessDenied", MSG_NOT_AUTHORIZED, 403)


# ---------------------------------------------------------------------------
# Parameters: durations, session names, session policies, chaining
# ---------------------------------------------------------------------------
def test_web_identity_durations(wi):
    def coral(v, c):
        return f"1 validation error detected: Value '{v}' at 'durationSeconds' failed to satisfy constraint: Member must {c}"
    assert wi.error(wi.iss.mint(), DurationSeconds=899, validate=False) == (
        "ValidationError", coral(899, "have value greater than or equal to 900"), 400)
    assert wi.error(wi.iss.mint(), DurationSeconds=7201) == ("ValidationError", MSG_MAX_DURATION, 400)
    assert wi.error(wi.iss.mint(), DurationSeconds=43201, validate=False) == (
        "ValidationError", coral(43201, "have value less than or equal to 43200"), 400)
    exp = wi.assume(wi.iss.mint(), DurationSeconds=7200)["Credentials"]["Expiration"].timestamp() - time.time()
    assert 7100 <= exp <= 7205, exp


def test_web_identity_session_names(wi):
    pattern = r"[\w+=,.@-]*"
    for bad in ("has space", "a/b", "x:y"):
        assert wi.error(wi.iss.mint(), session=bad, validate=False) == (
            "ValidationError", f"1 validation error detected: Value '{bad}' at 'roleSessionName' failed to satisfy "
                               f"constraint: Member must satisfy regular expression pattern: {pattern}", 400), bad
    long = "s" * 65
    assert wi.error(wi.iss.mint(), session=long, validate=False) == (
        "ValidationError", f"1 validation error detected: Value '{long}' at 'roleSessionName' failed to satisfy "
                           f"constraint: Member must have length less than or equal to 64", 400)


def test_web_identity_session_policy_narrows(wi):
    sp = doc(allow("iam:ListUsers"))
    resp = wi.assume(wi.iss.mint(), session="narrow", Policy=sp)
    creds, tok = wi.creds(resp)
    iam = client(wi.srv, "iam", creds, tok)
    iam.list_users()
    with pytest.raises(Exception) as ei:
        iam.get_user(UserName="anyone")
    sarn = session_arn(wi.role["RoleName"], "narrow")
    assert client_error(ei) == ("AccessDenied", implicit(sarn, "iam:GetUser", "user anyone", kind="session"),
                                403)
    # The same role without a session policy reaches GetUser (NoSuchEntity: allowed, user absent).
    creds, tok = wi.creds(wi.assume(wi.iss.mint(), session="full"))
    with pytest.raises(Exception) as ei:
        client(wi.srv, "iam", creds, tok).get_user(UserName="anyone")
    assert client_error(ei)[0] == "NoSuchEntity"


def test_chaining_from_a_web_identity_session_is_capped(server, wi):
    admin(wi.srv).put_role_policy(RoleName=wi.role["RoleName"], PolicyName="chain",
                                 PolicyDocument=doc(allow("sts:AssumeRole")))
    target = make_role(server, "wi-chain-target", trust_aws(wi.role["Arn"]), max_session=43200)
    creds, tok = wi.creds(wi.assume(wi.iss.mint(), session="hop1", DurationSeconds=7200))
    sts = client(server, "sts", creds, tok)
    with pytest.raises(Exception) as ei:
        sts.assume_role(RoleArn=target["Arn"], RoleSessionName="hop2", DurationSeconds=7200)
    assert client_error(ei) == ("ValidationError", MSG_CHAINING, 400)
    out = sts.assume_role(RoleArn=target["Arn"], RoleSessionName="hop2", DurationSeconds=3600)
    assert out["AssumedRoleUser"]["Arn"] == session_arn(target["RoleName"], "hop2")


def test_web_identity_session_tokens_tampered(wi):
    creds, tok = wi.creds(wi.assume(wi.iss.mint(), session="tamper"))
    for bad in (tok[:-10], tok[: len(tok) // 2] + ("A" if tok[len(tok) // 2] != "A" else "B") + tok[len(tok) // 2 + 1:],
                None):
        r = send(sign_request(wi.srv.url + "/", creds=creds, session_token=bad, params=sts_params()))
        assert_xml_error(r, 403, "InvalidClientTokenId", MSG_INVALID_TOKEN, ns=STS_NS)
    r = send(sign_request(wi.srv.url + "/", creds=creds, session_token=tok, params=sts_params()))
    assert r.status_code == 200, r.text


def test_web_identity_needs_no_signature_but_accepts_one(server, wi):
    # Signed with some user's keys: the caller's identity plays no part.
    from conftest import make_user
    u = make_user(server, "wi-signer")
    out = client(server, "sts", u.creds).assume_role_with_web_identity(
        RoleArn=wi.role["Arn"], RoleSessionName="signed", WebIdentityToken=wi.iss.mint())
    assert out["AssumedRoleUser"]["Arn"] == session_arn(wi.role["RoleName"], "signed")


def test_role_policy_of_web_identity_role_is_what_counts(server, wi):
    """Sanity: READ_USERS is the role's whole permission set."""
    assert json.loads(READ_USERS)["Statement"][0]["Action"] == ["iam:ListUsers", "iam:GetUser"]
    creds, tok = wi.creds(wi.assume(wi.iss.mint(), session="perm"))
    iam = client(server, "iam", creds, tok)
    with pytest.raises(Exception) as ei:
        iam.list_roles()
    assert client_error(ei) == ("AccessDenied", implicit(session_arn(wi.role["RoleName"], "perm"), "iam:ListRoles",
                                                         f"arn:aws:iam::{ACCOUNT_ID}:role/"), 403)


def test_web_identity_audit_record_keeps_no_secret(server, wi):
    """CloudTrail User Guide ("CloudTrail userIdentity element"): an AssumeRoleWithWebIdentity call is
    recorded with userIdentity.type WebIdentityUser; the token (a bearer credential) and the issued
    secret/session token are never written."""
    if server.external and not (server.data_dir / "audit.log").exists():
        pytest.skip("data dir of the external server unknown (set KEYWARD_TEST_DATA_DIR)")
    token = wi.iss.mint()
    resp = wi.assume(token, session="audited")
    rid = resp["ResponseMetadata"]["RequestId"]
    bad = wi.iss.mint(aud="someone-else")
    with pytest.raises(Exception) as ei:
        wi.assume(bad, session="audited-bad")
    bad_rid = ei.value.response["ResponseMetadata"]["RequestId"]

    def find(request_id):
        for _ in range(50):
            for rec in server.audit_records():
                if rec.get("requestID") == request_id:
                    return rec
            time.sleep(0.1)
        raise AssertionError(f"no audit record for {request_id}")

    rec = find(rid)
    assert rec["eventSource"] == "sts.amazonaws.com" and rec["eventName"] == "AssumeRoleWithWebIdentity"
    assert rec.get("errorCode") is None
    assert rec["userIdentity"]["type"] == "WebIdentityUser", rec["userIdentity"]
    assert rec["responseElements"]["assumedRoleUser"]["arn"] == session_arn(wi.role["RoleName"], "audited")
    fail = find(bad_rid)
    assert fail["errorCode"] == "InvalidIdentityToken"
    log = (server.data_dir / "audit.log").read_text()
    sig = token.rsplit(".", 1)[1]
    for what, secret in {"the web identity token": token, "its signature": sig, "the refused token": bad,
                         "the refused token's signature": bad.rsplit(".", 1)[1],
                         "the session's secret": resp["Credentials"]["SecretAccessKey"],
                         "the session token": resp["Credentials"]["SessionToken"]}.items():
        leaked = secret in log
        assert not leaked, f"{what} is written to audit.log (requestParameters: {rec.get('requestParameters')})"


def test_provider_changes_take_effect(server, oidc_issuer):
    """Removing the client id, then the provider, refuses tokens that worked a moment before."""
    arn = register_oidc_provider(server, oidc_issuer, client_ids=(WEB_AUD, "second"))
    role = make_role(server, "wi-change", trust_web_identity(oidc_issuer, sub=None))
    w = WebIdentity(server, oidc_issuer, role)
    w.assume(oidc_issuer.mint())
    iam = admin(server)
    iam.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID=WEB_AUD)
    invalid(w.error(oidc_issuer.mint()), "Incorrect token audience")
    iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID=WEB_AUD)
    w.assume(oidc_issuer.mint())
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
    invalid(w.error(oidc_issuer.mint()), f"No OpenIDConnect provider found in your account for {oidc_issuer.url}")


def test_issuer_with_a_path(server):
    with OidcIssuer(path="/tenants/acme") as iss:
        arn = register_oidc_provider(server, iss)
        assert arn == f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/127.0.0.1:{iss.port}/tenants/acme"
        role = make_role(server, "wi-path", trust_web_identity(iss))  # keys "127.0.0.1:PORT/tenants/acme:aud|sub"
        w = WebIdentity(server, iss, role)
        resp = w.assume(iss.mint(), session="pathy")
        assert resp["AssumedRoleUser"]["Arn"] == session_arn(role["RoleName"], "pathy")
        assert w.error(iss.mint(sub="repo:org/app:ref:refs/heads/other")) == ("AccessDenied", MSG_NOT_AUTHORIZED, 403)
        assert "/tenants/acme/.well-known/openid-configuration" in iss.requests_seen, iss.requests_seen


@pytest.mark.parametrize("url", ["http://example.com", "http://10.1.2.3:8080", "http://169.254.169.254"])
def test_plain_http_issuers_only_on_loopback(server, url):
    with pytest.raises(Exception) as ei:
        admin(server).create_open_id_connect_provider(Url=url, ClientIDList=[WEB_AUD])
    code, msg, status = client_error(ei)
    assert status == 400 and code in ("InvalidInput", "ValidationError"), (code, msg, status)

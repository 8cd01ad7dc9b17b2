"""Temporary credentials over time: every kind of session survives a server restart (sealed tokens,
no store read), and stops working at its expiry.

Expiry without waiting: the server is restarted on the same data dir (same master key, same root
keys) with `keyward serve --clock-offset 1000`, and the client signs with its clock moved forward by
the same 1000 s (botocore's signer takes the time from `botocore.auth.get_current_datetime`, patched
here), so the request is fresh for the server while a 900-second session is over.

Source of the text: anchors-policy-sigv4.md §1.9 -- ExpiredToken, HTTP 403, "The security token
included in the request is expired" (no trailing period in the captures); the skew message: see
test_auth_errors.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from unittest import mock

import boto3
import botocore.auth
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from chain_helpers import (admin, allow, cached_client, doc, make_role, register_oidc_provider, session_arn, trust_aws,
                           trust_web_identity)
from conftest import (ACCOUNT_ID, IAM_NS, STS_NS, AwsCli, assert_xml_error, client_error, iam_params, make_user, send,
                      sign_request, sts_params, utcnow)


MSG_EXPIRED = "The security token included in the request is expired"
OFFSET = 1000
USERS_RES = f"arn:aws:iam::{ACCOUNT_ID}:user/"
SKEW_RE = re.compile(r"Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)")


def client(srv, service, creds, token=None):
    return cached_client(srv, service, creds, token)


@contextlib.contextmanager
def client_clock(offset_seconds):
    """Move botocore's signing clock (botocore 1.43.11: auth.py calls compat.get_current_datetime,
    imported into botocore.auth) by offset_seconds."""
    real = botocore.auth.get_current_datetime

    def shifted(*a, **k):
        return real(*a, **k) + dt.timedelta(seconds=offset_seconds)

    with mock.patch.object(botocore.auth, "get_current_datetime", shifted):
        yield


class Sess:
    def __init__(self, resp):
        c = resp["Credentials"]
        self.creds = (c["AccessKeyId"], c["SecretAccessKey"])
        self.token = c["SessionToken"]
        self.resp = resp

    def sts(self, srv):
        return client(srv, "sts", self.creds, self.token)

    def iam(self, srv):
        return client(srv, "iam", self.creds, self.token)


def expired(call):
    with pytest.raises(ClientError) as ei:
        call()
    return client_error(ei)


@pytest.fixture
def world(server_with_args_factory, oidc_issuer):
    """A server with one session of every kind: AssumeRole (900 s and 3600 s), GetSessionToken,
    GetFederationToken, AssumeRoleWithWebIdentity (900 s)."""
    srv = server_with_args_factory()
    u = make_user(srv, "exp-user")
    admin(srv).put_user_policy(UserName=u.name, PolicyName="p", PolicyDocument=doc(
        allow("sts:GetFederationToken"), allow("iam:ListUsers")))
    role = make_role(srv, "exp-role", trust_aws(u.arn))
    register_oidc_provider(srv, oidc_issuer)
    wrole = make_role(srv, "exp-wi", trust_web_identity(oidc_issuer))
    sts = client(srv, "sts", u.creds)
    s = {
        "short": Sess(sts.assume_role(RoleArn=role["Arn"], RoleSessionName="short", DurationSeconds=900)),
        "long": Sess(sts.assume_role(RoleArn=role["Arn"], RoleSessionName="long", DurationSeconds=3600)),
        "gst": Sess(sts.get_session_token(DurationSeconds=900)),
        "fed": Sess(sts.get_federation_token(Name="exp-fed", DurationSeconds=900, Policy=doc(allow("iam:ListUsers")))),
        "wi": Sess(boto3.session.Session().client(
            "sts", endpoint_url=srv.url, region_name="us-east-1",
            config=Config(signature_version=botocore.UNSIGNED, retries={"total_max_attempts": 1})
        ).assume_role_with_web_identity(RoleArn=wrole["Arn"], RoleSessionName="wi-short",
                                        WebIdentityToken=oidc_issuer.mint(), DurationSeconds=900)),
    }
    return srv, u, role, wrole, s


def _arns(u, role, wrole):
    return {
        "short": session_arn(role["RoleName"], "short"),
        "long": session_arn(role["RoleName"], "long"),
        "gst": u.arn,
        "fed": f"arn:aws:sts::{ACCOUNT_ID}:federated-user/exp-fed",
        "wi": session_arn(wrole["RoleName"], "wi-short"),
    }


def test_every_session_survives_a_restart(world, tmp_path):
    srv, u, role, wrole, s = world
    arns = _arns(u, role, wrole)
    srv.restart()
    for k, sess in s.items():
        assert sess.sts(srv).get_caller_identity()["Arn"] == arns[k], k
    s["short"].iam(srv).list_users()
    s["wi"].iam(srv).list_users()
    cli = AwsCli(srv, tmp_path / "home")
    out = cli.run("sts", "get-caller-identity", creds=s["wi"].creds, env={"AWS_SESSION_TOKEN": s["wi"].token}).ok()
    assert out.json["Arn"] == arns["wi"]


def test_sessions_stop_working_at_expiry(world, tmp_path):
    srv, u, role, wrole, s = world
    arns = _arns(u, role, wrole)
    srv.restart_with(["--clock-offset", str(OFFSET)])
    with client_clock(OFFSET):
        # 900-second sessions are over, for STS and IAM alike.
        for k in ("short", "gst", "fed", "wi"):
            assert expired(s[k].sts(srv).get_caller_identity) == ("ExpiredToken", MSG_EXPIRED, 403), k
        assert expired(s["short"].iam(srv).list_users) == ("ExpiredToken", MSG_EXPIRED, 403)
        assert expired(s["wi"].iam(srv).list_users) == ("ExpiredToken", MSG_EXPIRED, 403)
        r = send(sign_request(srv.url + "/", creds=s["short"].creds, session_token=s["short"].token,
                              params=sts_params(), when=utcnow() + dt.timedelta(seconds=OFFSET)))
        assert_xml_error(r, 403, "ExpiredToken", MSG_EXPIRED, ns=STS_NS)
        r = send(sign_request(srv.url + "/", creds=s["short"].creds, session_token=s["short"].token,
                              service="iam", params=iam_params("ListUsers"),
                              when=utcnow() + dt.timedelta(seconds=OFFSET)))
        assert_xml_error(r, 403, "ExpiredToken", MSG_EXPIRED, ns=IAM_NS)
        # The one-hour session and the long-term key still work.
        assert s["long"].sts(srv).get_caller_identity()["Arn"] == arns["long"]
        s["long"].iam(srv).list_users()
        with pytest.raises(ClientError) as ei:
            s["long"].iam(srv).list_roles()
        assert client_error(ei)[0] == "AccessDenied"
        assert client(srv, "sts", u.creds).get_caller_identity()["Arn"] == u.arn
        client(srv, "iam", u.creds).list_users()
        # New sessions issued now are valid from the server's "now".
        fresh = Sess(client(srv, "sts", u.creds).assume_role(RoleArn=role["Arn"], RoleSessionName="fresh",
                                                               DurationSeconds=900))
        assert fresh.sts(srv).get_caller_identity()["Arn"] == session_arn(role["RoleName"], "fresh")
        exp = fresh.resp["Credentials"]["Expiration"]
        server_now = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=OFFSET)
        assert 800 <= (exp - server_now).total_seconds() <= 905
    # The aws CLI with an expired session (its clock is not shifted: the skew check fires first, which
    # proves the server's clock really moved).
    cli = AwsCli(srv, tmp_path / "home")
    r = cli.run("sts", "get-caller-identity", creds=s["long"].creds, env={"AWS_SESSION_TOKEN": s["long"].token})
    assert r.rc != 0 and r.error[0] == "SignatureDoesNotMatch", r.stderr
    assert SKEW_RE.fullmatch(r.error[1]), r.error[1]
    # Back to the real clock: the 900-second sessions were never revoked, only expired in the future.
    srv.restart_with([])
    assert s["short"].sts(srv).get_caller_identity()["Arn"] == arns["short"]


def test_expired_session_cannot_mint_more(world):
    srv, u, role, wrole, s = world
    admin(srv).put_role_policy(RoleName=role["RoleName"], PolicyName="chain", PolicyDocument=doc(allow("sts:AssumeRole")))
    admin(srv).update_assume_role_policy(RoleName=role["RoleName"], PolicyDocument=doc(
        {"Effect": "Allow", "Principal": {"AWS": [u.arn, role["Arn"]]}, "Action": "sts:AssumeRole"}))
    srv.restart_with(["--clock-offset", str(OFFSET)])
    with client_clock(OFFSET):
        assert expired(lambda: s["short"].sts(srv).assume_role(RoleArn=role["Arn"], RoleSessionName="again")) == (
            "ExpiredToken", MSG_EXPIRED, 403)
        out = s["long"].sts(srv).assume_role(RoleArn=role["Arn"], RoleSessionName="chained", DurationSeconds=900)
        assert out["AssumedRoleUser"]["Arn"] == session_arn(role["RoleName"], "chained")


def test_web_identity_token_expiry_follows_the_server_clock(server_with_args_factory, oidc_issuer):
    """A JWT valid for 10 more minutes is expired for a server whose clock is 1000 s ahead."""
    srv = server_with_args_factory()
    register_oidc_provider(srv, oidc_issuer)
    role = make_role(srv, "wi-clock", trust_web_identity(oidc_issuer))
    srv.restart_with(["--clock-offset", str(OFFSET)])  # (AssumeRoleWithWebIdentity is unsigned: no skew)
    sts = boto3.session.Session().client("sts", endpoint_url=srv.url, region_name="us-east-1",
                                         config=Config(signature_version=botocore.UNSIGNED,
                                                       retries={"total_max_attempts": 1}))
    with pytest.raises(ClientError) as ei:
        sts.assume_role_with_web_identity(RoleArn=role["Arn"], RoleSessionName="late",
                                          WebIdentityToken=oidc_issuer.mint(exp_in=600))
    code, msg, status = client_error(ei)
    assert (code, status) == ("ExpiredTokenException", 400), (code, msg)
    out = sts.assume_role_with_web_identity(RoleArn=role["Arn"], RoleSessionName="ok",
                                            WebIdentityToken=oidc_issuer.mint(exp_in=3600))
    assert out["AssumedRoleUser"]["Arn"] == session_arn(role["RoleName"], "ok")

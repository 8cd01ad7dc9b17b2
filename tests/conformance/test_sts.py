"""STS GetCallerIdentity (root, user, GET/POST, presigned URLs)."""

import datetime as dt
import re
from unittest import mock
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import botocore.auth
import pytest
import requests

from conftest import (ACCOUNT_ID, MSG_INVALID_TOKEN, MSG_SIG_MISMATCH, STS_NS, assert_xml_error,
                      make_user, send, sign_request, sts_params, utcnow, xml_find_text)

EXPIRED_RE = re.compile(
    r"Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)"
)


def test_root_identity(server):
    ident = server.sts().get_caller_identity()
    assert ident["Account"] == ACCOUNT_ID
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert ident["UserId"] == ACCOUNT_ID


def test_user_identity(server, user_with_key):
    u = user_with_key
    ident = server.sts(u.creds).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/{u.name}"
    assert ident["UserId"] == u.user["UserId"]
    assert ident["Account"] == ACCOUNT_ID


def test_user_with_path_identity(server):
    u = make_user(server, "pathy", path="/division/team/")
    ident = server.sts(u.creds).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/division/team/{u.name}"


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-2", "us-west-1"])
def test_identity_any_region(server, user_with_key, region):
    # The Braket guide's regions; the one endpoint serves every region in the scope.
    assert server.sts(user_with_key.creds, region=region).get_caller_identity()["Arn"] == user_with_key.arn


def test_success_envelope_and_request_id(server):
    r = send(sign_request(server.url + "/", creds=server.root, params=sts_params()))
    assert r.status_code == 200, r.text
    assert r.headers.get("Content-Type", "").startswith("text/xml")
    root = r.text
    assert f'xmlns="{STS_NS}"' in root
    assert "<GetCallerIdentityResponse" in root and "<GetCallerIdentityResult>" in root
    rid = xml_find_text(r, "RequestId")
    assert rid and r.headers.get("x-amzn-RequestId") == rid
    # request ids are unique
    r2 = send(sign_request(server.url + "/", creds=server.root, params=sts_params()))
    assert r2.headers["x-amzn-RequestId"] != rid


def test_get_with_query_string(server, user_with_key):
    r = send(sign_request(server.url + "/", creds=user_with_key.creds, method="GET", params=sts_params()))
    assert r.status_code == 200, r.text
    assert xml_find_text(r, "Arn") == user_with_key.arn


def test_presigned_url_with_requests(server, user_with_key):
    sts = server.sts(user_with_key.creds)
    url = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=900, HttpMethod="GET")
    q = dict(parse_qsl(urlsplit(url).query))
    assert q["Action"] == "GetCallerIdentity" and "X-Amz-Signature" in q
    r = requests.get(url, timeout=10)
    assert r.status_code == 200, r.text
    assert xml_find_text(r, "Arn") == user_with_key.arn
    assert xml_find_text(r, "Account") == ACCOUNT_ID
    assert xml_find_text(r, "UserId") == user_with_key.user["UserId"]
    assert r.headers.get("x-amzn-RequestId") == xml_find_text(r, "RequestId")



def test_presigned_url_default_method_is_post(server, user_with_key):
    # Without HttpMethod, botocore presigns with the operation's method (POST for the Query
    # protocol): the URL is valid for POST with an empty body and NOT for GET -- the method is
    # part of the canonical request (boto/boto3#756 is a user tripping over exactly this).
    url = server.sts(user_with_key.creds).generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=900)
    r = requests.post(url, timeout=10)
    assert r.status_code == 200, r.text
    assert xml_find_text(r, "Arn") == user_with_key.arn
    r = requests.get(url, timeout=10)
    assert_xml_error(r, 403, "SignatureDoesNotMatch", MSG_SIG_MISMATCH, prefix=True, ns=STS_NS)

def _with_query(url, **changes):
    parts = urlsplit(url)
    q = parse_qsl(parts.query, keep_blank_values=True)
    drop = {k for k, v in changes.items() if v is None}
    q = [(k, changes.get(k, v)) for k, v in q if k not in drop]
    return urlunsplit(parts._replace(query=urlencode(q)))


def test_presigned_url_altered(server, user_with_key):
    sts = server.sts(user_with_key.creds)
    url = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=900, HttpMethod="GET")
    sig = dict(parse_qsl(urlsplit(url).query))["X-Amz-Signature"]
    flipped = sig[:-1] + ("0" if sig[-1] != "0" else "1")
    for bad in (_with_query(url, **{"X-Amz-Signature": flipped}),
                _with_query(url, Version="2011-06-16"),
                url + "&Extra=1"):
        r = requests.get(bad, timeout=10)
        assert_xml_error(r, 403, "SignatureDoesNotMatch", MSG_SIG_MISMATCH, prefix=True, ns=STS_NS)


def test_presigned_url_unknown_key(server):
    sts = server.sts(("AKIA" + "Q" * 16, "x" * 40))
    url = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=900, HttpMethod="GET")
    r = requests.get(url, timeout=10)
    assert_xml_error(r, 403, "InvalidClientTokenId", MSG_INVALID_TOKEN, ns=STS_NS)


def test_presigned_url_expired(server, user_with_key):
    sts = server.sts(user_with_key.creds)
    past = utcnow() - dt.timedelta(minutes=20)
    with mock.patch.object(botocore.auth, "get_current_datetime", lambda *a, **k: past):
        url = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=60, HttpMethod="GET")
    r = requests.get(url, timeout=10)
    # STS applies the 15-minute window to presigned GetCallerIdentity URLs too
    # (aws/aws-sdk-go#2167: "the requests lives only for the default 15 minutes"); message as
    # in anchors-policy-sigv4.md §1.9 (real STS capture).
    e = assert_xml_error(r, 403, "SignatureDoesNotMatch", EXPIRED_RE, ns=STS_NS)
    m = EXPIRED_RE.fullmatch(e["message"])
    assert m.group(1) == past.strftime("%Y%m%dT%H%M%SZ")


def test_presigned_url_missing_credential_param(server, user_with_key):
    url = server.sts(user_with_key.creds).generate_presigned_url(
        "get_caller_identity", Params={}, ExpiresIn=900, HttpMethod="GET")
    r = requests.get(_with_query(url, **{"X-Amz-Credential": None}), timeout=10)
    # anchors-policy-sigv4.md §1.9 (query form of IncompleteSignature; scratchstack constants)
    assert_xml_error(
        r, 400, "IncompleteSignature",
        "AWS query-string parameters must include 'X-Amz-Credential'. Re-examine the query-string parameters.",
    )


def test_get_caller_identity_needs_no_permission(server):
    u = make_user(server, "noperm")
    # user has no policies at all, yet GetCallerIdentity works ("No permissions are required to
    # perform this operation", STS API reference)
    assert server.sts(u.creds).get_caller_identity()["Arn"] == u.arn

"""Audit log (CloudTrail record shape, DATA_DIR/audit.log), secrets at rest and
in logs, structured JSON logs."""

import json
import re

import pytest
import requests

from conftest import (ACCOUNT_ID, gen_access_key_id, iam_params, make_user, rand_suffix, send, sign_request,
                      sts_params, wait_for)

# CloudTrail record fields named by the issue.
RECORD_KEYS = {"eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
               "userIdentity", "requestParameters", "responseElements", "requestID", "eventID"}


def _record(srv, request_id):
    def find():
        for rec in srv.audit_records():
            if rec.get("requestID") == request_id:
                return rec
        return None
    return wait_for(find, timeout=5, what=f"audit record for request {request_id}")


def _files_under(d):
    return [p for p in d.rglob("*") if p.is_file() and p.name != "root-credentials"]


def _assert_not_on_disk(srv, secret):
    needle = secret.encode()
    for p in _files_under(srv.data_dir):
        assert needle not in p.read_bytes(), f"secret access key in plaintext in {p}"


def test_create_access_key_audit_record_has_no_secret(server):
    if not (server.data_dir / "audit.log").exists() and server.external:
        pytest.skip("data dir of the external server unknown (set KEYWARD_TEST_DATA_DIR)")
    name = f"aud-{rand_suffix()}"
    iam = server.iam()
    iam.create_user(UserName=name)
    resp = iam.create_access_key(UserName=name)
    key = resp["AccessKey"]
    rid = resp["ResponseMetadata"]["RequestId"]
    rec = _record(server, rid)

    assert RECORD_KEYS <= set(rec), sorted(RECORD_KEYS - set(rec))
    assert rec["eventSource"] == "iam.amazonaws.com"
    assert rec["eventName"] == "CreateAccessKey"
    assert rec["awsRegion"] == "us-east-1"
    assert rec["sourceIPAddress"] == "127.0.0.1"
    assert "Boto3" in rec["userAgent"] or "botocore" in rec["userAgent"], rec["userAgent"]
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", rec["eventTime"]), rec["eventTime"]
    assert rec.get("errorCode") is None
    ui = rec["userIdentity"]
    assert ui["type"] == "Root"
    assert ui["arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert ui["accountId"] == ACCOUNT_ID
    assert ui["accessKeyId"] == server.root_access_key_id
    assert rec["requestParameters"].get("userName") == name
    assert rec["eventID"] and rec["eventID"] != rid

    # The secret is nowhere: not in the audit log, not in any file of the data dir (except
    # root-credentials, which holds root's secret by design), not in the server's output.
    secret = key["SecretAccessKey"]
    assert secret not in (server.data_dir / "audit.log").read_text()
    assert secret not in json.dumps(rec)
    _assert_not_on_disk(server, secret)
    if not server.external:
        assert secret not in server.stdout() + server.stderr()
        assert server.root_secret not in server.stdout() + server.stderr()
        assert server.root_secret not in (server.data_dir / "audit.log").read_text()


def test_failed_signature_is_audited(server):
    ak, _ = server.root
    r = send(sign_request(server.url + "/", creds=(ak, "W" * 40), params=sts_params()))
    assert r.status_code == 403
    rec = _record(server, r.headers["x-amzn-RequestId"])
    assert rec["errorCode"] == "SignatureDoesNotMatch"
    assert rec["errorMessage"]
    assert rec["eventSource"] == "sts.amazonaws.com"
    assert rec["eventName"] == "GetCallerIdentity"
    assert rec["sourceIPAddress"] == "127.0.0.1"


def test_unknown_key_and_unsigned_are_audited(server):
    r = send(sign_request(server.url + "/", creds=(gen_access_key_id(), "x" * 40), service="iam",
                          params=iam_params("ListUsers")))
    rec = _record(server, r.headers["x-amzn-RequestId"])
    assert rec["errorCode"] == "InvalidClientTokenId"
    assert rec["eventSource"] == "iam.amazonaws.com"

    r = requests.post(server.url + "/", data="Action=GetCallerIdentity&Version=2011-06-15",
                      headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
    rec = _record(server, r.headers["x-amzn-RequestId"])
    assert rec["errorCode"] == "MissingAuthenticationToken"


def test_access_denied_is_audited(server):
    u = make_user(server, "auddeny")
    r = send(sign_request(server.url + "/", creds=u.creds, service="iam", params=iam_params("ListUsers")))
    assert r.status_code == 403
    rec = _record(server, r.headers["x-amzn-RequestId"])
    assert rec["errorCode"] == "AccessDenied"
    assert rec["eventName"] == "ListUsers"
    ui = rec["userIdentity"]
    assert ui["type"] == "IAMUser"
    assert ui["arn"] == u.arn
    assert ui["userName"] == u.name
    assert ui["principalId"] == u.user["UserId"]
    assert ui["accessKeyId"] == u.key["AccessKeyId"]
    assert ui["accountId"] == ACCOUNT_ID
    assert u.key["SecretAccessKey"] not in json.dumps(rec)


def test_json_logs_without_secrets(fresh_server_factory):
    srv = fresh_server_factory(log_format="json")
    iam = srv.iam()
    iam.create_user(UserName="logger")
    key = iam.create_access_key(UserName="logger")["AccessKey"]
    srv.sts((key["AccessKeyId"], key["SecretAccessKey"])).get_caller_identity()
    send(sign_request(srv.url + "/", creds=(key["AccessKeyId"], "Z" * 40), params=sts_params()))
    assert srv.terminate() == 0

    out, err = srv.stdout(), srv.stderr()
    json_lines = []
    for line in (out + "\n" + err).splitlines():
        line = line.strip()
        if line.startswith("{"):
            obj = json.loads(line)  # every JSON-looking line must be valid JSON
            assert isinstance(obj, dict)
            json_lines.append(obj)
    assert json_lines, f"no JSON log lines with --log-format json\nstdout:\n{out[:2000]}\nstderr:\n{err[:2000]}"
    assert all("level" in o for o in json_lines), json_lines[:3]
    # the stream carrying the logs is JSON only
    for stream in (out, err):
        lines = [ln for ln in stream.splitlines() if ln.strip()]
        if any(ln.lstrip().startswith("{") for ln in lines):
            non_json = [ln for ln in lines if not ln.lstrip().startswith("{")]
            assert not non_json, f"non-JSON lines mixed into the JSON log stream: {non_json[:5]}"
    for secret in (key["SecretAccessKey"], srv.root_secret):
        assert secret not in out + err
    _assert_not_on_disk(srv, key["SecretAccessKey"])


def test_secret_not_on_disk_after_restart(fresh_server):
    srv = fresh_server
    srv.iam().create_user(UserName="disk")
    key = srv.iam().create_access_key(UserName="disk")["AccessKey"]
    _assert_not_on_disk(srv, key["SecretAccessKey"])
    srv.restart()
    _assert_not_on_disk(srv, key["SecretAccessKey"])
    _assert_not_on_disk(srv, srv.root_secret)  # root secret from env is stored encrypted too
    assert srv.sts((key["AccessKeyId"], key["SecretAccessKey"])).get_caller_identity()


def test_assertions_and_private_keys_never_reach_disk_logs_or_audit(fresh_server):
    """SAML: the assertion (a bearer credential) and a provider's private key (test_saml.py drives
    the operations)."""
    import base64
    import time

    from saml_idp import encode, encrypt_assertion, new_key_and_cert, public_key_of
    from test_saml import Federation

    srv = fresh_server
    key, _ = new_key_and_cert()
    f = Federation(srv, AddPrivateKey=key.decode())
    assertion = f.response()
    f.assume(assertion)
    f.error(encode(f.idp.response(f.idp.assertion(role_values=[f.pair]))))  # a refused one too
    time.sleep(0.3)
    key_body = "".join(key.decode().strip().splitlines()[1:-1])
    needles = [assertion, key_body[:64], key_body[-64:], base64.b64decode(assertion).decode()[:120]]
    records = srv.audit_records()
    saml_calls = [r for r in records if r.get("eventName") == "AssumeRoleWithSAML"]
    assert len(saml_calls) == 2
    assert saml_calls[0]["userIdentity"]["type"] == "SAMLUser"
    audit = (srv.data_dir / "audit.log").read_text()
    outputs = srv.stdout() + srv.stderr()
    for needle in needles:
        assert needle not in audit
        assert needle not in outputs
        for p in srv.data_dir.rglob("*"):
            if p.is_file():
                assert needle.encode() not in p.read_bytes(), p
    srv.restart()
    for p in srv.data_dir.rglob("*"):
        if p.is_file():
            assert key_body[:64].encode() not in p.read_bytes(), p
    # The sealed key still opens after a restart: an assertion encrypted for it is read.
    resp = f.idp.response(f.idp.sign(f.idp.assertion(role_values=[f.pair])))
    assert f.assume(encode(encrypt_assertion(resp, public_key_of(key))))["Subject"]

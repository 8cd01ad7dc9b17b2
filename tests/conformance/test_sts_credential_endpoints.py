"""The credential endpoints of `keyward serve`, on the wire: the EC2 instance metadata service
(IMDSv2; `--imds-listen --imds-instance-profile [--imds-allow-v1]`) and the ECS/EKS container
credentials endpoint (`--container-listen --container-role --container-token-file
[--container-service ecs|eks]`). test_credential_chain.py drives them through the SDKs.

Sources (anchors-credentials.md §8, §9, §13 -- botocore 1.43.11 utils.py IMDSFetcher /
ContainerMetadataFetcher, smithy-rs aws-config imds client and recorded test-data, EC2 User Guide
"Retrieve security credentials from instance metadata"):
  * PUT /latest/api/token with x-aws-ec2-metadata-token-ttl-seconds 1..21600: 200, token as text,
    the TTL header echoed (the Rust SDK fails without it); missing/out of range: 400.
  * GET with a missing (IMDSv1 refused), invalid or expired token: 401. With IMDSv1 allowed a request
    without a token is served; an invalid token is still 401 (EC2 User Guide, "IMDSv2 optional").
  * security-credentials/ -> the role name as text; security-credentials/ROLE -> JSON Code Success,
    LastUpdated, Type AWS-HMAC, AccessKeyId, SecretAccessKey, Token, Expiration, timestamps as
    %Y-%m-%dT%H:%M:%SZ (botocore's static-stability check strptime's exactly that); iam/info ->
    Code, LastUpdated, InstanceProfileArn, InstanceProfileId; placement/region, placement/availability-zone.
  * An instance profile's role must trust ec2.amazonaws.com, an ECS task role ecs-tasks.amazonaws.com,
    an EKS Pod Identity role pods.eks.amazonaws.com with sts:AssumeRole and sts:TagSession (EKS User
    Guide, "EKS Pod Identity role"). Session name on EC2: the instance id.
  * Container endpoint: JSON RoleArn, AccessKeyId, SecretAccessKey, Token, Expiration (+AccountId);
    the Authorization header must equal the token; errors are JSON {"code","message"} with a
    non-200 status.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import time

import pytest
import requests

from chain_helpers import (admin, cached_client, imds_args, make_role, session_arn, start_container_server,
                           start_imds_server, trust_aws, trust_service)
from conftest import ACCOUNT_ID, KeywardServerWithArgs, free_port, rand_suffix


TS_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
ASIA_RE = re.compile(r"ASIA[A-Z0-9]{16}")
INSTANCE_ID_RE = re.compile(r"i-[0-9a-f]{8,17}")
TTL = "x-aws-ec2-metadata-token-ttl-seconds"
TOKEN = "x-aws-ec2-metadata-token"
CREDS = "/latest/meta-data/iam/security-credentials/"


def sts_with(srv, doc):
    return cached_client(srv, "sts", (doc["AccessKeyId"], doc["SecretAccessKey"]), doc["Token"])


def parse_ts(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------------------
# EC2 instance metadata (IMDSv2)
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def imds(tmp_path_factory):
    setup = start_imds_server(tmp_path_factory.mktemp("kw-imds"))
    yield setup
    setup.srv.kill()


def get_token(imds, ttl="21600"):
    r = requests.put(imds.url + "/latest/api/token", headers={TTL: ttl}, timeout=5)
    assert r.status_code == 200, (r.status_code, r.text)
    return r


def test_imds_token_ttl_header(imds):
    for ttl in ("21600", "1", "300"):
        r = get_token(imds, ttl)
        assert r.headers.get(TTL) == ttl, r.headers
        assert r.text and "\n" not in r.text
    # Missing, zero, too large, not a number: 400.
    r = requests.put(imds.url + "/latest/api/token", timeout=5)
    assert r.status_code == 400, r.text
    for bad in ("0", "21601", "-5", "abc", ""):
        r = requests.put(imds.url + "/latest/api/token", headers={TTL: bad}, timeout=5)
        assert r.status_code == 400, (bad, r.status_code, r.text)
    # Two tokens differ.
    assert get_token(imds).text != get_token(imds).text


def test_imds_v1_refused_by_default_and_bad_tokens(imds):
    for path in (CREDS, CREDS + imds.role["RoleName"], "/latest/meta-data/instance-id"):
        r = requests.get(imds.url + path, timeout=5)
        assert r.status_code == 401, (path, r.status_code, r.text)
        r = requests.get(imds.url + path, headers={TOKEN: "not-a-token"}, timeout=5)
        assert r.status_code == 401, (path, r.status_code, r.text)
    tok = get_token(imds).text
    r = requests.get(imds.url + CREDS, headers={TOKEN: tok[:-2] + ("AA" if tok[-2:] != "AA" else "BB")}, timeout=5)
    assert r.status_code == 401


def test_imds_token_expires(imds):
    tok = get_token(imds, "2").text
    assert requests.get(imds.url + CREDS, headers={TOKEN: tok}, timeout=5).status_code == 200
    time.sleep(3.1)
    r = requests.get(imds.url + CREDS, headers={TOKEN: tok}, timeout=5)
    assert r.status_code == 401, (r.status_code, r.text)


def test_imds_credentials_document(imds):
    h = {TOKEN: get_token(imds).text}
    r = requests.get(imds.url + CREDS, headers=h, timeout=5)
    assert r.status_code == 200 and r.text == imds.role["RoleName"], repr(r.text)
    r = requests.get(imds.url + CREDS + imds.role["RoleName"], headers=h, timeout=5)
    assert r.status_code == 200, r.text
    d = r.json()
    assert set(d) >= {"Code", "LastUpdated", "Type", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"}, d
    assert (d["Code"], d["Type"]) == ("Success", "AWS-HMAC")
    assert ASIA_RE.fullmatch(d["AccessKeyId"]) and len(d["SecretAccessKey"]) == 40 and d["Token"]
    assert TS_RE.fullmatch(d["Expiration"]) and TS_RE.fullmatch(d["LastUpdated"]), d
    now = dt.datetime.now(dt.timezone.utc)
    left = (parse_ts(d["Expiration"]) - now).total_seconds()
    assert left > 15 * 60, f"credentials expire in {left:.0f}s: SDKs refresh 15 min ahead"
    assert abs((parse_ts(d["LastUpdated"]) - now).total_seconds()) < 3600
    # The instance's identity.
    iid = requests.get(imds.url + "/latest/meta-data/instance-id", headers=h, timeout=5)
    assert iid.status_code == 200 and INSTANCE_ID_RE.fullmatch(iid.text), iid.text
    ident = sts_with(imds.srv, d).get_caller_identity()
    assert ident["Arn"] == session_arn(imds.role["RoleName"], iid.text)
    assert ident["UserId"] == f"{imds.role['RoleId']}:{iid.text}"
    # iam/info
    info = requests.get(imds.url + "/latest/meta-data/iam/info", headers=h, timeout=5)
    assert info.status_code == 200, info.text
    info = info.json()
    assert info["Code"] == "Success"
    assert info["InstanceProfileArn"] == imds.profile["Arn"]
    assert info["InstanceProfileId"] == imds.profile["InstanceProfileId"]
    assert TS_RE.fullmatch(info["LastUpdated"])
    # placement
    region = requests.get(imds.url + "/latest/meta-data/placement/region", headers=h, timeout=5)
    az = requests.get(imds.url + "/latest/meta-data/placement/availability-zone", headers=h, timeout=5)
    assert region.status_code == 200 and az.status_code == 200
    assert re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", region.text), region.text
    assert re.fullmatch(re.escape(region.text) + r"[a-z]", az.text), az.text
    # An unknown role name or path: 404.
    r = requests.get(imds.url + CREDS + "some-other-role", headers=h, timeout=5)
    assert r.status_code == 404, r.status_code
    r = requests.get(imds.url + "/latest/meta-data/no/such/thing", headers=h, timeout=5)
    assert r.status_code == 404


def test_imds_v1_allowed_when_enabled(tmp_path):
    setup = start_imds_server(tmp_path / "srv", allow_v1=True)
    try:
        r = requests.get(setup.url + CREDS, timeout=5)
        assert r.status_code == 200 and r.text == setup.role["RoleName"], (r.status_code, r.text)
        d = requests.get(setup.url + CREDS + setup.role["RoleName"], timeout=5).json()
        assert d["Code"] == "Success"
        assert sts_with(setup.srv, d).get_caller_identity()["Arn"].startswith(
            f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{setup.role['RoleName']}/i-")
        # An invalid token is still refused; v2 keeps working.
        assert requests.get(setup.url + CREDS, headers={TOKEN: "bogus"}, timeout=5).status_code == 401
        tok = get_token(setup).text
        assert requests.get(setup.url + CREDS, headers={TOKEN: tok}, timeout=5).status_code == 200
    finally:
        setup.srv.kill()


def test_imds_role_must_trust_ec2(tmp_path):
    setup = start_imds_server(tmp_path / "srv", trusted=False)
    try:
        h = {TOKEN: get_token(setup).text}
        r = requests.get(setup.url + CREDS + setup.role["RoleName"], headers=h, timeout=5)
        ok = r.status_code == 200 and r.headers.get("Content-Type", "").startswith("application/json") and \
            r.json().get("Code") == "Success" and r.json().get("AccessKeyId")
        assert not ok, f"credentials vended for a role that does not trust ec2.amazonaws.com: {r.text}"
    finally:
        setup.srv.kill()


def test_imds_role_trusting_a_user_only_is_refused(tmp_path):
    """A role with a valid trust policy that does not name ec2.amazonaws.com."""
    srv = KeywardServerWithArgs(tmp_path / "srv").start()
    try:
        role = make_role(srv, "user-only", trust_aws(f"arn:aws:iam::{ACCOUNT_ID}:root"))
        pname = f"p-{rand_suffix()}"
        admin(srv).create_instance_profile(InstanceProfileName=pname)
        admin(srv).add_role_to_instance_profile(InstanceProfileName=pname, RoleName=role["RoleName"])
        port = free_port()
        srv.restart_with(imds_args(port, pname))
        url = f"http://127.0.0.1:{port}"
        tok = requests.put(url + "/latest/api/token", headers={TTL: "60"}, timeout=5).text
        r = requests.get(url + CREDS + role["RoleName"], headers={TOKEN: tok}, timeout=5)
        assert not (r.status_code == 200 and '"AccessKeyId"' in r.text), r.text
    finally:
        srv.kill()


# ---------------------------------------------------------------------------
# ECS / EKS container credentials
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ecs(tmp_path_factory):
    setup = start_container_server(tmp_path_factory.mktemp("kw-ecs"))
    yield setup
    setup.srv.kill()


def test_container_token_file_created_private(ecs):
    st = os.stat(ecs.token_file)
    assert stat.S_IMODE(st.st_mode) == 0o600, oct(st.st_mode)
    assert len(ecs.token()) >= 16
    # botocore sends the file's content verbatim and refuses CR/LF in it (credentials.py
    # ContainerProvider._validate_auth_token): the server must write the bare token.
    raw = ecs.token_file.read_bytes()
    assert b"\n" not in raw and b"\r" not in raw and raw.strip() == raw, raw


def check_container_doc(setup, r):
    assert r.status_code == 200, (r.status_code, r.text)
    d = r.json()
    assert d["RoleArn"] == setup.role["Arn"]
    assert d.get("AccountId") == ACCOUNT_ID
    assert ASIA_RE.fullmatch(d["AccessKeyId"]) and len(d["SecretAccessKey"]) == 40 and d["Token"]
    exp = dt.datetime.fromisoformat(d["Expiration"].replace("Z", "+00:00"))
    assert (exp - dt.datetime.now(dt.timezone.utc)).total_seconds() > 15 * 60
    arn = sts_with(setup.srv, d).get_caller_identity()["Arn"]
    assert re.fullmatch(rf"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{re.escape(setup.role['RoleName'])}/"
                        r"[\w+=,.@-]{2,64}", arn), arn
    return d


def test_container_credentials(ecs):
    h = {"Authorization": ecs.token(), "Accept": "application/json"}
    check_container_doc(ecs, requests.get(ecs.full_uri, headers=h, timeout=5))
    # Any path (FULL_URI may name any path).
    check_container_doc(ecs, requests.get(f"http://127.0.0.1:{ecs.port}/v1/credentials", headers=h, timeout=5))


def _assert_refused(r):
    assert r.status_code in (401, 403), (r.status_code, r.text)
    d = r.json()
    assert isinstance(d.get("code"), str) and d["code"] and isinstance(d.get("message"), str), d


def test_container_wrong_or_missing_token(ecs):
    _assert_refused(requests.get(ecs.full_uri, timeout=5))
    _assert_refused(requests.get(ecs.full_uri, headers={"Authorization": "wrong"}, timeout=5))
    _assert_refused(requests.get(ecs.full_uri, headers={"Authorization": ecs.token() + "x"}, timeout=5))
    _assert_refused(requests.get(ecs.full_uri, headers={"Authorization": "Bearer " + ecs.token()}, timeout=5))


def test_container_token_revoked_by_rewriting_the_file(ecs):
    old = ecs.token()
    check_container_doc(ecs, requests.get(ecs.full_uri, headers={"Authorization": old}, timeout=5))
    new = f"rotated-{rand_suffix(24)}"
    ecs.token_file.write_text(new)
    _assert_refused(requests.get(ecs.full_uri, headers={"Authorization": old}, timeout=5))
    check_container_doc(ecs, requests.get(ecs.full_uri, headers={"Authorization": new}, timeout=5))


def test_container_uses_an_existing_token_file(tmp_path):
    token = f"given-{rand_suffix(24)}"
    setup = start_container_server(tmp_path / "srv", token=token)
    try:
        assert setup.token() == token
        check_container_doc(setup, requests.get(setup.full_uri, headers={"Authorization": token}, timeout=5))
    finally:
        setup.srv.kill()


def test_container_role_must_trust_ecs_tasks(tmp_path):
    setup = start_container_server(tmp_path / "srv", trust=trust_service("ec2.amazonaws.com"))
    try:
        r = requests.get(setup.full_uri, headers={"Authorization": setup.token()}, timeout=5)
        assert r.status_code != 200, r.text
        d = r.json()
        assert d.get("code") and d.get("message"), d
    finally:
        setup.srv.kill()


def test_eks_pod_identity(tmp_path):
    setup = start_container_server(tmp_path / "eks", service="eks")
    try:
        d = check_container_doc(setup, requests.get(f"http://127.0.0.1:{setup.port}/v1/credentials",
                                                    headers={"Authorization": setup.token()}, timeout=5))
        assert d["RoleArn"] == setup.role["Arn"]
    finally:
        setup.srv.kill()


@pytest.mark.parametrize("trust", [
    trust_service("pods.eks.amazonaws.com", ("sts:AssumeRole",)),          # no sts:TagSession
    trust_service("ecs-tasks.amazonaws.com", ("sts:AssumeRole", "sts:TagSession")),  # the ECS principal
])
def test_eks_role_trust_requirements(tmp_path, trust):
    setup = start_container_server(tmp_path / "eks", service="eks", trust=trust)
    try:
        r = requests.get(setup.full_uri, headers={"Authorization": setup.token()}, timeout=5)
        assert r.status_code != 200, f"vended for trust {trust}: {r.text}"
    finally:
        setup.srv.kill()


def test_ecs_role_trusting_pods_only_is_refused(tmp_path):
    setup = start_container_server(tmp_path / "ecs", service="ecs",
                                   trust=trust_service("pods.eks.amazonaws.com", ("sts:AssumeRole", "sts:TagSession")))
    try:
        r = requests.get(setup.full_uri, headers={"Authorization": setup.token()}, timeout=5)
        assert r.status_code != 200, r.text
    finally:
        setup.srv.kill()


def test_json_of_refusals_is_json(ecs):
    r = requests.get(ecs.full_uri, headers={"Authorization": "nope"}, timeout=5)
    assert r.headers.get("Content-Type", "").startswith("application/json"), r.headers
    json.loads(r.text)


def test_endpoint_tokens_and_secrets_are_not_logged(ecs, imds):
    """The task token, the IMDS session token and the vended secrets never reach logs or audit.log."""
    tok = ecs.token()
    d = requests.get(ecs.full_uri, headers={"Authorization": tok}, timeout=5).json()
    requests.get(ecs.full_uri, headers={"Authorization": "wrong-" + tok}, timeout=5)
    itok = get_token(imds).text
    doc = requests.get(imds.url + CREDS + imds.role["RoleName"], headers={TOKEN: itok}, timeout=5).json()
    sts_with(ecs.srv, d).get_caller_identity()
    time.sleep(0.3)
    for srv, secrets in ((ecs.srv, {"task token": tok, "secret": d["SecretAccessKey"], "session token": d["Token"]}),
                         (imds.srv, {"IMDS token": itok, "secret": doc["SecretAccessKey"],
                                     "session token": doc["Token"]})):
        audit = srv.data_dir / "audit.log"
        texts = {"stderr": srv.stderr(), "stdout": srv.stdout(),
                 "audit.log": audit.read_text() if audit.exists() else ""}
        for where, text in texts.items():
            for what, secret in secrets.items():
                assert secret not in text, f"the {what} appears in {where}"


def _seconds_left(expiration, offset):
    exp = dt.datetime.fromisoformat(expiration.replace("Z", "+00:00"))
    return (exp - (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=offset))).total_seconds()


def test_vended_credentials_are_renewed_before_they_expire(tmp_path):
    """Issue 5: "Credentials are renewed before they expire" -- a client asking again a few minutes
    before the expiry it was told (the SDKs refresh 5 to 15 minutes ahead, anchors §10) gets
    credentials that are good for well over 15 more minutes.  The server's clock is moved with
    --clock-offset to just before the first credentials' expiry."""
    im = start_imds_server(tmp_path / "imds")
    ec = start_container_server(tmp_path / "ecs")
    try:
        h = {TOKEN: get_token(im).text}
        first_i = requests.get(im.url + CREDS + im.role["RoleName"], headers=h, timeout=5).json()
        first_c = requests.get(ec.full_uri, headers={"Authorization": ec.token()}, timeout=5).json()
        for setup, first, fetch in (
                (im, first_i, lambda: requests.get(im.url + CREDS + im.role["RoleName"],
                                                   headers={TOKEN: get_token(im).text}, timeout=5)),
                (ec, first_c, lambda: requests.get(ec.full_uri, headers={"Authorization": ec.token()}, timeout=5))):
            offset = int(_seconds_left(first["Expiration"], 0)) - 240  # 4 minutes before expiry
            assert offset > 0
            args = list(setup.srv.extra_args) + ["--clock-offset", str(offset)]
            setup.srv.restart_with(args)
            r = fetch()
            assert r.status_code == 200, r.text
            again = r.json()
            assert again["AccessKeyId"] != first["AccessKeyId"], "not renewed 4 minutes before expiry"
            left = _seconds_left(again["Expiration"], offset)
            assert left > 15 * 60, f"renewed credentials expire {left:.0f}s after the server's now"
    finally:
        im.srv.kill()
        ec.srv.kill()

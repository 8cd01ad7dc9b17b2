"""Access keys: format, secret shown once, quota of 2 (race-free), status,
deletion, GetAccessKeyLastUsed."""

import datetime as dt
import re

import pytest

from conftest import (MSG_INVALID_TOKEN, client_error, iam_params, make_user, rand_suffix,
                      run_threads, send, sign_request, wait_for)

# moto iam/models.py create_access_key; same text in versitygw and real IAM reports:
# "Cannot exceed quota for AccessKeysPerUser: 2".  HTTP 409 per botocore's IAM model.
MSG_KEY_QUOTA = "Cannot exceed quota for AccessKeysPerUser: 2"


def no_such_key_re(akid):
    # Real IAM (paws docs quoting the service: "NoSuchEntity (HTTP 404). The Access Key with id
    # xx cannot be found"); captures differ on a trailing period, so it is optional here.
    return re.compile(re.escape(f"The Access Key with id {akid} cannot be found") + r"\.?")


def test_key_format_and_secret_only_on_create(server):
    iam = server.iam()
    name = f"k-{rand_suffix()}"
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    assert re.fullmatch(r"AKIA[A-Z0-9]{16}", key["AccessKeyId"]), key["AccessKeyId"]
    assert len(key["SecretAccessKey"]) == 40
    assert re.fullmatch(r"[A-Za-z0-9/+]{40}", key["SecretAccessKey"])
    assert key["Status"] == "Active" and key["UserName"] == name and "CreateDate" in key

    lst = iam.list_access_keys(UserName=name)
    assert lst["IsTruncated"] is False
    (meta,) = lst["AccessKeyMetadata"]
    assert set(meta) == {"UserName", "AccessKeyId", "Status", "CreateDate"}
    # and the raw XML does not carry it either
    raw = send(sign_request(server.url + "/", creds=server.root, service="iam",
                            params=iam_params("ListAccessKeys", UserName=name)))
    assert raw.status_code == 200
    assert key["AccessKeyId"] in raw.text and key["SecretAccessKey"] not in raw.text


def test_keys_are_unique_across_users(server):
    ids, secrets = set(), set()
    for _ in range(3):
        u = make_user(server, "uniq")
        k2 = server.iam().create_access_key(UserName=u.name)["AccessKey"]
        for k in (u.key, k2):
            ids.add(k["AccessKeyId"])
            secrets.add(k["SecretAccessKey"])
    assert len(ids) == 6 and len(secrets) == 6


def test_at_most_two_keys(server):
    iam = server.iam()
    u = make_user(server, "quota")
    iam.create_access_key(UserName=u.name)
    with pytest.raises(Exception) as ei:
        iam.create_access_key(UserName=u.name)
    assert client_error(ei) == ("LimitExceeded", MSG_KEY_QUOTA, 409)
    assert len(iam.list_access_keys(UserName=u.name)["AccessKeyMetadata"]) == 2
    # inactive keys still count against the quota (AWS counts all keys)
    iam.update_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"], Status="Inactive")
    with pytest.raises(Exception) as ei:
        iam.create_access_key(UserName=u.name)
    assert client_error(ei)[0] == "LimitExceeded"
    # deleting one frees a slot
    iam.delete_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"])
    iam.create_access_key(UserName=u.name)


def test_concurrent_create_access_key_is_race_free(server):
    iam = server.iam()
    name = f"race-{rand_suffix()}"
    iam.create_user(UserName=name)
    clients = [server.iam() for _ in range(10)]

    def create(i):
        return clients[i].create_access_key(UserName=name)["AccessKey"]

    results = run_threads(10, create)
    ok = [r for r in results if isinstance(r, dict)]
    errs = [r for r in results if not isinstance(r, dict)]
    assert len(ok) == 2, results
    assert len(errs) == 8
    for e in errs:
        assert client_error(e) == ("LimitExceeded", MSG_KEY_QUOTA, 409), e
    listed = sorted(k["AccessKeyId"] for k in iam.list_access_keys(UserName=name)["AccessKeyMetadata"])
    assert listed == sorted(k["AccessKeyId"] for k in ok)
    # both winners really work
    for k in ok:
        server.sts((k["AccessKeyId"], k["SecretAccessKey"])).get_caller_identity()


def test_inactive_key_is_invalid_client_token(server):
    iam = server.iam()
    u = make_user(server, "inact")
    sts = server.sts(u.creds)
    sts.get_caller_identity()
    iam.update_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"], Status="Inactive")
    with pytest.raises(Exception) as ei:
        sts.get_caller_identity()
    # anchors-policy-sigv4.md §1.9 (real STS captures)
    assert client_error(ei) == ("InvalidClientTokenId", MSG_INVALID_TOKEN, 403)
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).list_users()
    assert client_error(ei) == ("InvalidClientTokenId", MSG_INVALID_TOKEN, 403)
    iam.update_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"], Status="Active")
    assert sts.get_caller_identity()["Arn"] == u.arn


def test_deleted_key_is_invalid_client_token(server):
    iam = server.iam()
    u = make_user(server, "delk")
    server.sts(u.creds).get_caller_identity()
    iam.delete_access_key(UserName=u.name, AccessKeyId=u.key["AccessKeyId"])
    assert iam.list_access_keys(UserName=u.name)["AccessKeyMetadata"] == []
    with pytest.raises(Exception) as ei:
        server.sts(u.creds).get_caller_identity()
    assert client_error(ei) == ("InvalidClientTokenId", MSG_INVALID_TOKEN, 403)


def test_key_errors_for_missing_user_and_key(server):
    iam = server.iam()
    ghost = f"ghost-{rand_suffix()}"
    no_user = f"The user with name {ghost} cannot be found."  # moto iam/models.py get_user
    for call in (lambda: iam.create_access_key(UserName=ghost),
                 lambda: iam.list_access_keys(UserName=ghost)):
        with pytest.raises(Exception) as ei:
            call()
        assert client_error(ei) == ("NoSuchEntity", no_user, 404)

    u = make_user(server, "nokey", with_key=False)
    fake = "AKIA" + "Z" * 16
    for call in (lambda: iam.delete_access_key(UserName=u.name, AccessKeyId=fake),
                 lambda: iam.update_access_key(UserName=u.name, AccessKeyId=fake, Status="Inactive")):
        with pytest.raises(Exception) as ei:
            call()
        code, msg, status = client_error(ei)
        assert (code, status) == ("NoSuchEntity", 404)
        assert no_such_key_re(fake).fullmatch(msg), msg

    # a key that exists but belongs to someone else is "not found" for this user
    other = make_user(server, "other")
    with pytest.raises(Exception) as ei:
        iam.delete_access_key(UserName=u.name, AccessKeyId=other.key["AccessKeyId"])
    code, msg, status = client_error(ei)
    assert (code, status) == ("NoSuchEntity", 404)
    server.sts(other.creds).get_caller_identity()  # untouched

    # Status enum, validated by the service (botocore does not check enums client-side)
    with pytest.raises(Exception) as ei:
        iam.update_access_key(UserName=other.name, AccessKeyId=other.key["AccessKeyId"], Status="Disabled")
    code, msg, status = client_error(ei)
    assert (code, status) == ("ValidationError", 400)
    # Coral's enum sentence lists the model's values; IAM's statusType now has `Expired` too
    # (botocore 1.43.11), so the set is no longer versitygw's older [Active, Inactive].
    assert msg == ("1 validation error detected: Value 'Disabled' at 'status' failed to satisfy constraint: "
                   "Member must satisfy enum value set: [Active, Inactive, Expired]"), msg


def test_get_access_key_last_used(server):
    iam = server.iam()
    u = make_user(server, "lastused")
    akid = u.key["AccessKeyId"]
    before = iam.get_access_key_last_used(AccessKeyId=akid)
    assert before["UserName"] == u.name
    # IAM API reference, AccessKeyLastUsed: Region and ServiceName are "N/A" and LastUsedDate is
    # null when "an access key exists but has not been used".
    assert before["AccessKeyLastUsed"]["ServiceName"] == "N/A"
    assert before["AccessKeyLastUsed"]["Region"] == "N/A"
    assert "LastUsedDate" not in before["AccessKeyLastUsed"]

    t0 = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=5)
    server.sts(u.creds, region="us-west-2").get_caller_identity()

    def used():
        r = iam.get_access_key_last_used(AccessKeyId=akid)["AccessKeyLastUsed"]
        return r if r.get("ServiceName") != "N/A" else None

    after = wait_for(used, timeout=5, what="AccessKeyLastUsed to be updated")
    assert after["ServiceName"] == "sts"
    assert after["Region"] == "us-west-2"
    last = after["LastUsedDate"]
    assert t0 <= last <= dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=5), last


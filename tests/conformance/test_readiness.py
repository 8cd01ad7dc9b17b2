"""Readiness apart from liveness, and the model's list limits (issue 18, defect 6).

`/healthz` is liveness: 200 while the process answers. `/readyz` is 200 only while the store
accepts writes and the audit log can take a record, and 503 with a JSON body naming the failing
part otherwise (the failing cases — a full disk, a PostgreSQL outage — are driven in
test_reliability.py).
"""

from __future__ import annotations

import pytest
import requests

from conftest import client_error, make_user


def test_readyz_is_200_with_every_part_ok(server):
    r = requests.get(server.url + "/readyz", timeout=5)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["status"] == "ready"
    assert body["failing"] == []
    assert body["store"] == {"ok": True}
    assert body["audit_log"]["ok"] is True
    assert isinstance(body["audit_log"]["records_dropped"], int)


def test_healthz_stays_plain_liveness(server):
    r = requests.get(server.url + "/healthz", timeout=5)
    assert (r.status_code, r.text) == (200, "ok\n")


def test_untag_user_with_ten_thousand_keys_is_a_validation_error(server):
    """AWS's model bounds `TagKeys` of UntagUser to 50 members (tagKeyListType, max 50); a
    longer list is refused before anything is untagged."""
    user = make_user(server, "untag", with_key=False)
    iam = server.iam()
    iam.tag_user(UserName=user.name, Tags=[{"Key": "keep", "Value": "v"}])
    keys = [f"k{i}" for i in range(10_000)]
    with pytest.raises(Exception) as e:
        iam.untag_user(UserName=user.name, TagKeys=keys)
    code, message, status = client_error(e)
    assert (code, status) == ("ValidationError", 400)
    assert "at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50" in message
    assert iam.list_user_tags(UserName=user.name)["Tags"] == [{"Key": "keep", "Value": "v"}]
    # 50 keys are accepted.
    iam.untag_user(UserName=user.name, TagKeys=keys[:49] + ["keep"])
    assert iam.list_user_tags(UserName=user.name)["Tags"] == []

"""`keyward keys audit` against a fresh `keyward serve`: listing, last use, and each finding."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import keyward_bin, make_user


def run_audit(srv, home: Path, *args: str, output: str = "json"):
    ak, sk = srv.root
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": ak,
        "AWS_SECRET_ACCESS_KEY": sk,
    }
    proc = subprocess.run(
        [keyward_bin(), "keys", "audit", "--endpoint-url", srv.url, "--output", output, *args],
        env=env, capture_output=True, text=True, timeout=60,
    )
    return proc.returncode, (json.loads(proc.stdout) if output == "json" else proc.stdout), proc


def test_fresh_keys_pass_except_root_keys(fresh_server, tmp_path):
    user = make_user(fresh_server, "fresh")
    fresh_server.sts(user.creds).get_caller_identity()
    rc, report, proc = run_audit(fresh_server, tmp_path)
    assert rc == 1, proc.stderr
    ids = {k["access_key_id"] for k in report["keys"]}
    ak = user.creds[0]
    assert ak[:4] + "*" * (len(ak) - 8) + ak[-4:] in ids
    assert ak not in proc.stdout
    row = next(k for k in report["keys"] if k["user"] == user.name)
    assert row["last_used"] is not None and row["last_used_service"] == "sts"
    assert [f["code"] for f in report["findings"]] == ["root-keys-present"]


def test_old_unused_and_doubled_keys(fresh_server, tmp_path):
    user = make_user(fresh_server, "double")
    fresh_server.iam().create_access_key(UserName=user.name)
    rc, report, _ = run_audit(fresh_server, tmp_path, "--max-age", "0d", "--unused-days", "0")
    assert rc == 1
    by_code: dict[str, list] = {}
    for f in report["findings"]:
        by_code.setdefault(f["code"], []).append(f)
    assert len(by_code["key-too-old"]) == 2
    assert len(by_code["key-never-used"]) == 2
    assert [f["user"] for f in by_code["two-active-keys"]] == [user.name]


def test_inactive_second_key_is_fine_and_table_output(fresh_server, tmp_path):
    user = make_user(fresh_server, "rotated")
    second = fresh_server.iam().create_access_key(UserName=user.name)["AccessKey"]
    fresh_server.iam().update_access_key(UserName=user.name, AccessKeyId=second["AccessKeyId"], Status="Inactive")
    rc, text, proc = run_audit(fresh_server, tmp_path, output="table")
    assert "two-active-keys" not in text
    assert "USER" in text and user.name in text and "Inactive" in text
    assert second["SecretAccessKey"] not in proc.stdout
    assert rc == 1  # the root user's keys


def test_users_beyond_the_first_page_are_audited(fresh_server, tmp_path):
    """ListUsers answers 100 users a page: the audit follows Marker to the last one."""
    iam = fresh_server.iam()
    for i in range(101):
        iam.create_user(UserName=f"page-{i:03d}")
    iam.create_user(UserName="zz-last")
    key = iam.create_access_key(UserName="zz-last")["AccessKey"]
    assert iam.list_users()["IsTruncated"]
    rc, report, _ = run_audit(fresh_server, tmp_path)
    users = {k["user"] for k in report["keys"]}
    assert "zz-last" in users
    ak = key["AccessKeyId"]
    assert ak[:4] + "*" * (len(ak) - 8) + ak[-4:] in {k["access_key_id"] for k in report["keys"]}
    assert rc == 1  # the root user's keys

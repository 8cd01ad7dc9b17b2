"""`keyward keys audit` against a fresh `keyward serve`: listing, last use, and each finding."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import keyward_bin, make_user


def run_audit(srv, home: Path, *args: str, output: str = "json", env_extra: dict[str, str] | None = None,
              endpoint_flag: bool = True, root_keys_in_env: bool = True):
    ak, sk = srv.root
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    if root_keys_in_env:
        env.update({"AWS_ACCESS_KEY_ID": ak, "AWS_SECRET_ACCESS_KEY": sk})
    env.update(env_extra or {})
    flags = ["--endpoint-url", srv.url] if endpoint_flag else []
    proc = subprocess.run(
        [keyward_bin(), "keys", "audit", *flags, "--output", output, *args],
        env=env, capture_output=True, text=True, timeout=60,
    )
    report = json.loads(proc.stdout) if output == "json" and proc.stdout.strip() else proc.stdout
    return proc.returncode, report, proc


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


# ---------------------------------------------------------------------------
# The endpoint, region and credentials are resolved as `keyward doctor` resolves them (issue 19).
# ---------------------------------------------------------------------------
def _audited(report) -> str:
    return next(n for n in report["notes"] if n.startswith("audited "))


def test_endpoint_from_aws_endpoint_url(server, tmp_path):
    user = make_user(server, "env-endpoint")
    rc, report, proc = run_audit(server, tmp_path, env_extra={"AWS_ENDPOINT_URL": server.url}, endpoint_flag=False)
    assert "root-keys-present" in {f["code"] for f in report["findings"]}, proc.stderr
    assert user.name in {k["user"] for k in report["keys"]}
    assert _audited(report) == f"audited {server.url} (from AWS_ENDPOINT_URL)"


def test_endpoint_from_aws_endpoint_url_iam(server, tmp_path):
    env = {"AWS_ENDPOINT_URL_IAM": server.url, "AWS_ENDPOINT_URL_STS": server.url, "AWS_ENDPOINT_URL": "http://127.0.0.1:1"}
    rc, report, proc = run_audit(server, tmp_path, env_extra=env, endpoint_flag=False)
    assert report["keys"], proc.stderr
    assert _audited(report) == f"audited {server.url} (from AWS_ENDPOINT_URL_IAM)"


def test_endpoint_and_credentials_from_the_profile(server, tmp_path):
    ak, sk = server.root
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(f"[profile keyward]\nendpoint_url = {server.url}\nregion = eu-west-1\n")
    (tmp_path / ".aws" / "credentials").write_text(f"[keyward]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n")
    rc, report, proc = run_audit(server, tmp_path, env_extra={"AWS_PROFILE": "keyward"}, endpoint_flag=False,
                                 root_keys_in_env=False)
    assert report["keys"] is not None, proc.stderr
    assert _audited(report) == f"audited {server.url} (from {tmp_path}/.aws/config:2)"


def test_endpoint_from_a_services_section(server, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        f"[default]\nservices = local\n[services local]\niam =\n  endpoint_url = {server.url}\nsts =\n  endpoint_url = {server.url}\n")
    rc, report, proc = run_audit(server, tmp_path, endpoint_flag=False)
    assert report["keys"] is not None, proc.stderr
    assert _audited(report) == f"audited {server.url} (from {tmp_path}/.aws/config:5)"


def test_missing_profile_is_explained_as_doctor_explains_it(server, tmp_path):
    other = tmp_path / "kw-credentials"
    other.write_text("[default]\naws_access_key_id = AKIAXXXXXXXXXXXXXXXX\naws_secret_access_key = x\n")
    rc, out, proc = run_audit(server, tmp_path, env_extra={"AWS_SHARED_CREDENTIALS_FILE": str(other), "AWS_PROFILE": "ops"},
                              root_keys_in_env=False)
    assert rc == 1 and out == ""
    assert "The config profile (ops) could not be found" in proc.stderr
    assert f"{other} (from AWS_SHARED_CREDENTIALS_FILE)" in proc.stderr
    assert "(profile-not-found)" in proc.stderr

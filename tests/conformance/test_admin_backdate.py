"""`keyward admin backdate-key`: the operator's way to make a key old in a test data dir, so the
Bedrock guide's key-rotation script ("Regular Key Rotation": `list_access_keys` and
`CreateDate` older than 90 days) can be exercised without waiting 90 days (issue 15, Reports)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import time

from conftest import keyward_bin, make_user


def admin(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([keyward_bin(), "admin", *args], capture_output=True, text=True, timeout=60)


def old_keys_warnings(iam) -> list[str]:
    """The Bedrock guide's script, verbatim apart from collecting its output."""
    out = []
    response = iam.list_access_keys()
    for key in response["AccessKeyMetadata"]:
        age = dt.datetime.now(key["CreateDate"].tzinfo) - key["CreateDate"]
        if age > dt.timedelta(days=90):
            out.append(f"Warning: Access key {key['AccessKeyId']} is {age.days} days old")
    return out


def test_backdated_key_is_reported_by_the_guides_rotation_script(fresh_server):
    user = make_user(fresh_server, "rotate")
    iam = fresh_server.iam(user.creds)
    fresh_server.iam().put_user_policy(
        UserName=user.name, PolicyName="own-keys",
        PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
                       '"Action":"iam:ListAccessKeys","Resource":"*"}]}')
    assert old_keys_warnings(iam) == []

    key_id = user.key["AccessKeyId"]
    done = admin("backdate-key", key_id, "--days", "120", "--data-dir", str(fresh_server.data_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{key_id}: CreateDate ")

    # The running server answers with the new date at once: listings read the store.
    assert old_keys_warnings(iam) == [f"Warning: Access key {key_id} is 120 days old"]
    # The key still signs requests: only its metadata changed.
    assert fresh_server.sts(user.creds).get_caller_identity()["Arn"] == user.arn


def test_credential_report_shows_the_backdated_rotation(fresh_server):
    user = make_user(fresh_server, "report")
    key_id = user.key["AccessKeyId"]
    created = "2025-01-31T09:00:00Z"
    done = admin("backdate-key", key_id, "--created", created, "--data-dir", str(fresh_server.data_dir))
    assert done.returncode == 0, done.stderr

    iam = fresh_server.iam()
    for _ in range(50):
        if iam.generate_credential_report()["State"] == "COMPLETE":
            break
        time.sleep(0.1)
    report = iam.get_credential_report()["Content"]
    rows = {r["user"]: r for r in csv.DictReader(io.StringIO(report.decode()))}
    assert rows[user.name]["access_key_1_last_rotated"] == "2025-01-31T09:00:00+00:00"


def test_bad_input_changes_nothing(fresh_server):
    user = make_user(fresh_server, "bad")
    key_id = user.key["AccessKeyId"]
    before = fresh_server.iam().list_access_keys(UserName=user.name)["AccessKeyMetadata"][0]["CreateDate"]
    data_dir = str(fresh_server.data_dir)

    future = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    cases = [
        (("backdate-key", "AKIAIOSFODNN7NOTHERE", "--days", "5", "--data-dir", data_dir),
         "no access key AKIAIOSFODNN7NOTHERE in this store"),
        (("backdate-key", key_id, "--created", future, "--data-dir", data_dir),
         "is in the future; a key's CreateDate can only be moved back"),
        (("backdate-key", key_id, "--created", "last tuesday", "--data-dir", data_dir),
         "is not an RFC 3339 time"),
        (("backdate-key", key_id, "--days", "5", "--data-dir", data_dir + "-missing"),
         "keyward.db does not exist; give the server's --data-dir (or --store)"),
    ]
    for args, message in cases:
        done = admin(*args)
        assert done.returncode == 1, (args, done.stdout)
        assert message in done.stderr, (args, done.stderr)
    assert admin("backdate-key", key_id).returncode != 0, "--days or --created is required"

    after = fresh_server.iam().list_access_keys(UserName=user.name)["AccessKeyMetadata"][0]["CreateDate"]
    assert after == before

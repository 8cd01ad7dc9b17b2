"""The Braket credentials guide (shared/seeds/000_*.txt), step by step, with the
real `aws` CLI v1: create-user, create-access-key, configure the key as a
profile (`aws configure set`, i.e. ~/.aws/credentials + ~/.aws/config) and as
environment variables, `sts get-caller-identity`, list-access-keys,
update-access-key, delete-access-key (key rotation section)."""

import re
import subprocess

from conftest import ACCOUNT_ID, MSG_INVALID_TOKEN, aws_cli_path, rand_suffix


def test_cli_is_v1_pinned():
    out = subprocess.run([aws_cli_path(), "--version"], capture_output=True, text=True)
    text = out.stdout + out.stderr
    assert re.search(r"aws-cli/1\.45\.11\b", text), text
    assert "botocore/1.43.11" in text, text


def test_braket_guide_flow(cli, server):
    name = f"braket-user-{rand_suffix()}"

    # 1. Create IAM User:  aws iam create-user --user-name braket-user
    user = cli.run("iam", "create-user", "--user-name", name).ok().json["User"]
    assert user["UserName"] == name
    assert user["Path"] == "/"
    assert user["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/{name}"
    assert re.fullmatch(r"AIDA[A-Z0-9]{17}", user["UserId"]), user["UserId"]
    assert "CreateDate" in user

    # 3. Create Access Keys:  aws iam create-access-key --user-name braket-user
    key = cli.run("iam", "create-access-key", "--user-name", name).ok().json["AccessKey"]
    akid, secret = key["AccessKeyId"], key["SecretAccessKey"]
    assert key["UserName"] == name and key["Status"] == "Active"
    assert re.fullmatch(r"AKIA[A-Z0-9]{16}", akid), akid
    assert len(secret) == 40

    # Method 4 (credentials file) via `aws configure set`, as `aws configure` writes it.
    for k, v in [("aws_access_key_id", akid), ("aws_secret_access_key", secret),
                 ("region", "us-east-1"), ("output", "json")]:
        cli.run("configure", "set", k, v, "--profile", "braket-profile", creds=None, endpoint=False).ok()
    creds_text = cli.credentials_file.read_text()
    assert "[braket-profile]" in creds_text and akid in creds_text
    assert "[profile braket-profile]" in cli.config_file.read_text()

    # Verification:  aws sts get-caller-identity  (profile selected by --profile and by AWS_PROFILE)
    expected = {"UserId": user["UserId"], "Account": ACCOUNT_ID, "Arn": user["Arn"]}
    ident = cli.run("sts", "get-caller-identity", "--profile", "braket-profile", creds=None).ok().json
    assert ident == expected
    ident = cli.run("sts", "get-caller-identity", creds=None, profile="braket-profile").ok().json
    assert ident == expected

    # Method 2: environment variables (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_DEFAULT_REGION)
    ident = cli.run("sts", "get-caller-identity", creds=(akid, secret)).ok().json
    assert ident == expected

    # Rotate: list existing access keys -- never shows the secret
    lst = cli.run("iam", "list-access-keys", "--user-name", name).ok()
    assert secret not in lst.stdout
    meta = lst.json["AccessKeyMetadata"]
    assert [(m["AccessKeyId"], m["Status"], m["UserName"]) for m in meta] == [(akid, "Active", name)]
    assert "SecretAccessKey" not in meta[0]

    # Deactivate: the next call with that key fails as AWS does.
    cli.run("iam", "update-access-key", "--user-name", name, "--access-key-id", akid,
            "--status", "Inactive").ok()
    meta = cli.run("iam", "list-access-keys", "--user-name", name).ok().json["AccessKeyMetadata"]
    assert meta[0]["Status"] == "Inactive"
    r = cli.run("sts", "get-caller-identity", creds=None, profile="braket-profile")
    assert r.rc != 0
    # anchors-policy-sigv4.md §1.9; the seed guide's Troubleshooting section.
    assert r.error == ("InvalidClientTokenId", MSG_INVALID_TOKEN)

    # Reactivate: works again.
    cli.run("iam", "update-access-key", "--user-name", name, "--access-key-id", akid,
            "--status", "Active").ok()
    assert cli.run("sts", "get-caller-identity", creds=(akid, secret)).ok().json == expected

    # Create the new key, then delete the old one (guide: "Then delete old key").
    key2 = cli.run("iam", "create-access-key", "--user-name", name).ok().json["AccessKey"]
    cli.run("iam", "delete-access-key", "--user-name", name, "--access-key-id", akid).ok()
    meta = cli.run("iam", "list-access-keys", "--user-name", name).ok().json["AccessKeyMetadata"]
    assert [m["AccessKeyId"] for m in meta] == [key2["AccessKeyId"]]

    # The deleted key no longer works; the new one does.
    r = cli.run("sts", "get-caller-identity", creds=(akid, secret))
    assert r.rc != 0 and r.error == ("InvalidClientTokenId", MSG_INVALID_TOKEN)
    ident = cli.run("sts", "get-caller-identity",
                    creds=(key2["AccessKeyId"], key2["SecretAccessKey"])).ok().json
    assert ident == expected


def test_cli_root_get_caller_identity(cli, server):
    ident = cli.run("sts", "get-caller-identity").ok().json
    assert ident == {"UserId": ACCOUNT_ID, "Account": ACCOUNT_ID,
                     "Arn": f"arn:aws:iam::{ACCOUNT_ID}:root"}


def test_cli_duplicate_user_and_missing_user(cli, server):
    name = f"dup-{rand_suffix()}"
    cli.run("iam", "create-user", "--user-name", name).ok()
    r = cli.run("iam", "create-user", "--user-name", name)
    # Real CLI output quoted in many guides, e.g. "An error occurred (EntityAlreadyExists) when
    # calling the CreateUser operation: User with name developer already exists."
    assert r.rc != 0 and r.error == ("EntityAlreadyExists", f"User with name {name} already exists.")
    missing = f"nobody-{rand_suffix()}"
    r = cli.run("iam", "get-user", "--user-name", missing)
    # moto iam/models.py get_user (reproduces IAM): "The user with name {name} cannot be found."
    assert r.rc != 0 and r.error == ("NoSuchEntity", f"The user with name {missing} cannot be found.")

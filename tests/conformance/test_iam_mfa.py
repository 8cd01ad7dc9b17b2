"""Issue 15, MFA: virtual MFA devices (CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice,
DeactivateMFADevice, DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices, GetMFADevice,
TagMFADevice/UntagMFADevice/ListMFADeviceTags) and MFA in STS (AssumeRole and GetSessionToken with
SerialNumber + TokenCode; aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge), driven by boto3
and by the aws CLI's `mfa_serial` profile, which prompts for the code on stdin.

Codes are computed here with RFC 6238 (HMAC-SHA-1, 30-second steps, six digits) from the seed
CreateVirtualMFADevice returns. A code is accepted once; the tests use the code of the NEXT time
step for sign-ins (a device's clock may run one step ahead), so that the steps EnableMFADevice
used up are never reused by accident.

Sources of AWS's texts and behaviours, where AWS's documentation or captures are the only one:
- "MFADevice entity at the same path and name already exists.": a CloudTrail record of a real
  CreateVirtualMFADevice failure (errorMessage), and IAM users' reports of the console error.
- "Authentication code for device is not valid." (InvalidAuthenticationCode, 403): the IAM
  console's EnableMFADevice error as users report it; botocore's model gives the code.
- "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial
  number is valid and associated with this user." and "MultiFactorAuthentication failed with
  invalid MFA one time pass code." (AccessDenied): real STS answers quoted in aws/aws-cli#6325
  and aws/aws-cli#2279 (the latter for a code reused in a loop).
- "Cannot delete entity, must delete MFA device first.": CloudFormation's DELETE_FAILED for a
  user with an MFA device, as users quote it.
- aws:MultiFactorAuthPresent is absent from requests signed with long-term keys
  (https://repost.aws/knowledge-center/mfa-iam-user-aws-cli), so `Bool ... true` refuses them
  and `BoolIfExists ... false` lets them through.
- The QR code encodes `otpauth://totp/…?secret=BASE32` (https://docs.aws.amazon.com/IAM/latest/
  APIReference/API_VirtualMFADevice.html); authenticator apps show AWS's entries as
  "Amazon Web Services (NAME@ACCOUNT)" (the issuer prefix). The PNG's modules are checked
  against the QR code of that URI in the server's unit tests; here it is checked as a PNG.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import subprocess
import time
import zlib

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix, wait_for

MSG_DEVICE_EXISTS = "MFADevice entity at the same path and name already exists."
MSG_BAD_CODES = "Authentication code for device is not valid."
MSG_IN_USE = "MFA Device is already in use."
MSG_UNABLE = ("MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your "
              "MFA serial number is valid and associated with this user.")
MSG_INVALID_OTP = "MultiFactorAuthentication failed with invalid MFA one time pass code."
MSG_DELETE_USER = "Cannot delete entity, must delete MFA device first."


def hotp(key: bytes, counter: int) -> str:
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def seed_key(seed: bytes | str) -> bytes:
    text = seed.decode() if isinstance(seed, bytes) else seed
    return base64.b32decode(text + "=" * (-len(text) % 8))


def step_now() -> int:
    """The current time step, away from a step boundary so a code stays current while sent."""
    if time.time() % 30 > 27:
        time.sleep(30 - time.time() % 30 + 0.2)
    return int(time.time() // 30)


def code(seed, step: int) -> str:
    return hotp(seed_key(seed), step)


def test_totp_helper_matches_rfc_6238():
    # RFC 6238 Appendix B, SHA-1, T = 59 -> 94287082 (last six digits).
    assert hotp(b"12345678901234567890", 59 // 30) == "287082"


def new_device(iam, path=None, tags=None):
    name = f"mfa-{rand_suffix()}"
    kw = {"VirtualMFADeviceName": name}
    if path:
        kw["Path"] = path
    if tags:
        kw["Tags"] = tags
    return name, iam.create_virtual_mfa_device(**kw)["VirtualMFADevice"]


def enabled_device(srv, user_name):
    """A new device enabled for the user, and the step its enabling used up."""
    iam = srv.iam()
    _, device = new_device(iam)
    n = step_now()
    iam.enable_mfa_device(UserName=user_name, SerialNumber=device["SerialNumber"],
                          AuthenticationCode1=code(device["Base32StringSeed"], n - 1),
                          AuthenticationCode2=code(device["Base32StringSeed"], n))
    return device, n


def png_size(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    # The image data inflates to one filter byte per row plus the pixels.
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    assert len(raw) == height * (width + 1)
    return width, height, color


def test_create_virtual_mfa_device(server):
    iam = server.iam()
    name, device = new_device(iam)
    assert device["SerialNumber"] == f"arn:aws:iam::{ACCOUNT_ID}:mfa/{name}"
    seed = device["Base32StringSeed"]
    assert isinstance(seed, bytes) and len(seed) == 64
    assert set(seed.decode()) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    width, height, color = png_size(device["QRCodePNG"])
    assert width == height and width >= 21 * 4 and color == 0  # square, grayscale

    # Another device gets another seed; a path goes into the serial number.
    _, other = new_device(iam, path="/team/")
    assert other["Base32StringSeed"] != seed
    assert other["SerialNumber"].startswith(f"arn:aws:iam::{ACCOUNT_ID}:mfa/team/mfa-")

    # Path and name are unique together, ignoring case.
    for again in (name, name.upper()):
        with pytest.raises(ClientError) as e:
            iam.create_virtual_mfa_device(VirtualMFADeviceName=again)
        assert client_error(e) == ("EntityAlreadyExists", MSG_DEVICE_EXISTS, 409)
    iam.create_virtual_mfa_device(VirtualMFADeviceName=name, Path="/elsewhere/")

    # The seed is never listed again.
    listed = iam.list_virtual_mfa_devices()["VirtualMFADevices"]
    mine = [d for d in listed if d["SerialNumber"] == device["SerialNumber"]]
    assert mine == [{"SerialNumber": device["SerialNumber"]}]


def test_enable_list_get_deactivate_delete(fresh_server):
    srv = fresh_server
    iam = srv.iam()
    user = make_user(srv, "mfa", with_key=False)
    _, device = new_device(iam)
    serial, seed = device["SerialNumber"], device["Base32StringSeed"]
    summary = iam.get_account_summary()["SummaryMap"]
    assert (summary["MFADevices"], summary["MFADevicesInUse"], summary["AccountMFAEnabled"]) == (1, 0, 0)
    unassigned = iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")["VirtualMFADevices"]
    assert [d["SerialNumber"] for d in unassigned] == [serial]
    assert iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"] == []

    n = step_now()
    for c1, c2 in [("000000", "000000"),                          # wrong codes
                   (code(seed, n), code(seed, n)),                 # the same code twice
                   (code(seed, n), code(seed, n - 1)),             # out of order
                   (code(seed, n - 30), code(seed, n - 29))]:      # long expired
        with pytest.raises(ClientError) as e:
            iam.enable_mfa_device(UserName=user.name, SerialNumber=serial,
                                  AuthenticationCode1=c1, AuthenticationCode2=c2)
        assert client_error(e) == ("InvalidAuthenticationCode", MSG_BAD_CODES, 403)
    with pytest.raises(ClientError) as e:
        iam.enable_mfa_device(UserName="nobody-" + rand_suffix(), SerialNumber=serial,
                              AuthenticationCode1=code(seed, n - 1), AuthenticationCode2=code(seed, n))
    assert client_error(e)[0] == "NoSuchEntity"
    with pytest.raises(ClientError) as e:
        iam.enable_mfa_device(UserName=user.name, SerialNumber=serial + "x",
                              AuthenticationCode1=code(seed, n - 1), AuthenticationCode2=code(seed, n))
    assert client_error(e) == ("NoSuchEntity", f"VirtualMFADevice with serial number {serial}x doesn't exist.", 404)

    iam.enable_mfa_device(UserName=user.name, SerialNumber=serial,
                          AuthenticationCode1=code(seed, n - 1), AuthenticationCode2=code(seed, n))
    summary = iam.get_account_summary()["SummaryMap"]
    assert (summary["MFADevices"], summary["MFADevicesInUse"]) == (1, 1)

    (listed,) = iam.list_mfa_devices(UserName=user.name)["MFADevices"]
    assert listed["UserName"] == user.name and listed["SerialNumber"] == serial and "EnableDate" in listed
    (virtual,) = iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]
    assert virtual["SerialNumber"] == serial and virtual["User"]["UserName"] == user.name
    assert virtual["User"]["Arn"] == user.arn and "EnableDate" in virtual
    assert iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")["VirtualMFADevices"] == []
    assert len(iam.list_virtual_mfa_devices()["VirtualMFADevices"]) == 1
    got = iam.get_mfa_device(SerialNumber=serial, UserName=user.name)
    assert got["UserName"] == user.name and got["SerialNumber"] == serial and "EnableDate" in got

    # Enabled once: not again, for this user or another.
    other = make_user(srv, "mfa2", with_key=False)
    for name in (user.name, other.name):
        with pytest.raises(ClientError) as e:
            iam.enable_mfa_device(UserName=name, SerialNumber=serial,
                                  AuthenticationCode1=code(seed, n), AuthenticationCode2=code(seed, n + 1))
        assert client_error(e) == ("EntityAlreadyExists", MSG_IN_USE, 409)
    assert iam.list_mfa_devices(UserName=other.name)["MFADevices"] == []

    # Neither the device nor the user can be deleted while it is enabled.
    with pytest.raises(ClientError) as e:
        iam.delete_virtual_mfa_device(SerialNumber=serial)
    assert client_error(e)[0::2] == ("DeleteConflict", 409)
    with pytest.raises(ClientError) as e:
        iam.delete_user(UserName=user.name)
    assert client_error(e) == ("DeleteConflict", MSG_DELETE_USER, 409)

    # Deactivated, it is unassigned again and can go, and so can the user.
    with pytest.raises(ClientError) as e:
        iam.deactivate_mfa_device(UserName=other.name, SerialNumber=serial)
    assert client_error(e)[0] == "NoSuchEntity"
    iam.deactivate_mfa_device(UserName=user.name, SerialNumber=serial)
    assert iam.list_mfa_devices(UserName=user.name)["MFADevices"] == []
    (again,) = iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")["VirtualMFADevices"]
    assert again == {"SerialNumber": serial}
    with pytest.raises(ClientError) as e:
        iam.deactivate_mfa_device(UserName=user.name, SerialNumber=serial)
    assert client_error(e)[0] == "NoSuchEntity"
    with pytest.raises(ClientError) as e:
        iam.get_mfa_device(UserName=user.name, SerialNumber=serial)
    assert client_error(e)[0] == "NoSuchEntity"
    iam.delete_virtual_mfa_device(SerialNumber=serial)
    with pytest.raises(ClientError) as e:
        iam.delete_virtual_mfa_device(SerialNumber=serial)
    assert client_error(e) == ("NoSuchEntity", f"VirtualMFADevice with serial number {serial} doesn't exist.", 404)
    iam.delete_user(UserName=user.name)
    summary = iam.get_account_summary()["SummaryMap"]
    assert (summary["MFADevices"], summary["MFADevicesInUse"]) == (0, 0)


def test_list_virtual_mfa_devices_pages(server):
    iam = server.iam()
    for _ in range(3):
        new_device(iam, path=f"/page-{rand_suffix()}/")
    first = iam.list_virtual_mfa_devices(MaxItems=1)
    assert len(first["VirtualMFADevices"]) == 1 and first["IsTruncated"] is True
    rest = iam.list_virtual_mfa_devices(Marker=first["Marker"])
    assert first["VirtualMFADevices"][0] not in rest["VirtualMFADevices"]
    paginated = [d["SerialNumber"] for p in iam.get_paginator("list_virtual_mfa_devices").paginate(
        PaginationConfig={"PageSize": 2}) for d in p["VirtualMFADevices"]]
    assert len(paginated) == len(set(paginated)) >= 3


def test_resync(server):
    iam = server.iam()
    user = make_user(server, "resync", with_key=False)
    device, n = enabled_device(server, user.name)
    serial, seed = device["SerialNumber"], device["Base32StringSeed"]
    with pytest.raises(ClientError) as e:
        iam.resync_mfa_device(UserName=user.name, SerialNumber=serial,
                              AuthenticationCode1="123456", AuthenticationCode2="654321")
    assert client_error(e) == ("InvalidAuthenticationCode", MSG_BAD_CODES, 403)
    # A device whose clock runs five minutes ahead is resynchronised from two of its codes.
    iam.resync_mfa_device(UserName=user.name, SerialNumber=serial,
                          AuthenticationCode1=code(seed, n + 9), AuthenticationCode2=code(seed, n + 10))
    # Its codes now count from its own clock: the next one signs in, the current one does not.
    sts = server.sts(make_key(server, user.name))
    with pytest.raises(ClientError) as e:
        sts.get_session_token(SerialNumber=serial, TokenCode=code(seed, step_now()))
    assert client_error(e) == ("AccessDenied", MSG_INVALID_OTP, 403)
    sts.get_session_token(SerialNumber=serial, TokenCode=code(seed, step_now() + 11))
    other = make_user(server, "resync2", with_key=False)
    with pytest.raises(ClientError) as e:
        iam.resync_mfa_device(UserName=other.name, SerialNumber=serial,
                              AuthenticationCode1=code(seed, n + 12), AuthenticationCode2=code(seed, n + 13))
    assert client_error(e)[0] == "NoSuchEntity"


def make_key(srv, user_name):
    key = srv.iam().create_access_key(UserName=user_name)["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


def test_tags(server):
    iam = server.iam()
    _, device = new_device(iam, tags=[{"Key": "team", "Value": "blue"}])
    serial = device["SerialNumber"]
    assert device["Tags"] == [{"Key": "team", "Value": "blue"}]
    iam.tag_mfa_device(SerialNumber=serial, Tags=[{"Key": "env", "Value": "prod"},
                                                  {"Key": "team", "Value": "red"}])
    tags = iam.list_mfa_device_tags(SerialNumber=serial)
    assert tags["Tags"] == [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "red"}]
    assert tags["IsTruncated"] is False
    iam.untag_mfa_device(SerialNumber=serial, TagKeys=["env", "absent"])
    assert iam.list_mfa_device_tags(SerialNumber=serial)["Tags"] == [{"Key": "team", "Value": "red"}]
    missing = f"arn:aws:iam::{ACCOUNT_ID}:mfa/none-{rand_suffix()}"
    for call in (lambda: iam.tag_mfa_device(SerialNumber=missing, Tags=[{"Key": "a", "Value": "b"}]),
                 lambda: iam.untag_mfa_device(SerialNumber=missing, TagKeys=["a"]),
                 lambda: iam.list_mfa_device_tags(SerialNumber=missing)):
        with pytest.raises(ClientError) as e:
            call()
        assert client_error(e) == ("NoSuchEntity", f"VirtualMFADevice with serial number {missing} doesn't exist.", 404)
    with pytest.raises(ClientError) as e:
        iam.tag_mfa_device(SerialNumber=serial, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    assert client_error(e)[0::2] == ("LimitExceeded", 409)


LIST_USERS_WITH_MFA = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*",
     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"},
                   "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}]})


def test_get_session_token_with_mfa(server):
    iam = server.iam()
    user = make_user(server, "gst")
    iam.put_user_policy(UserName=user.name, PolicyName="mfa-only", PolicyDocument=LIST_USERS_WITH_MFA)
    device, n = enabled_device(server, user.name)
    serial, seed = device["SerialNumber"], device["Base32StringSeed"]
    sts = server.sts(user.creds)

    # Long-term keys carry no aws:MultiFactorAuthPresent: the policy does not allow them.
    with pytest.raises(ClientError) as e:
        server.iam(user.creds).list_users()
    assert client_error(e)[0] == "AccessDenied"
    # Without MFA the session may not call IAM at all.
    plain = sts.get_session_token()["Credentials"]
    with pytest.raises(ClientError) as e:
        server.client("iam", (plain["AccessKeyId"], plain["SecretAccessKey"]),
                      session_token=plain["SessionToken"]).list_users()
    assert client_error(e)[0] == "InvalidClientTokenId"

    # Refusals: a wrong code, a code EnableMFADevice used, no code, an unknown serial.
    for kw, message in [({"TokenCode": "000000"}, MSG_INVALID_OTP),
                        ({"TokenCode": code(seed, n)}, MSG_INVALID_OTP),
                        ({}, MSG_INVALID_OTP)]:
        with pytest.raises(ClientError) as e:
            sts.get_session_token(SerialNumber=serial, **kw)
        assert client_error(e) == ("AccessDenied", message, 403)
    with pytest.raises(ClientError) as e:
        sts.get_session_token(SerialNumber=serial + "-nope", TokenCode=code(seed, n + 1))
    assert client_error(e) == ("AccessDenied", MSG_UNABLE, 403)

    good = code(seed, n + 1)
    creds = sts.get_session_token(SerialNumber=serial, TokenCode=good)["Credentials"]
    mfa_iam = server.client("iam", (creds["AccessKeyId"], creds["SecretAccessKey"]),
                            session_token=creds["SessionToken"])
    assert any(u["UserName"] == user.name for u in mfa_iam.list_users()["Users"])
    # Another IAM action is still governed by the user's policies.
    with pytest.raises(ClientError) as e:
        mfa_iam.create_user(UserName="x-" + rand_suffix())
    assert client_error(e)[0] == "AccessDenied"

    # The same code again is refused, even though it is still current.
    with pytest.raises(ClientError) as e:
        sts.get_session_token(SerialNumber=serial, TokenCode=good)
    assert client_error(e) == ("AccessDenied", MSG_INVALID_OTP, 403)

    # Another user's device does not authenticate this user.
    other = make_user(server, "gst2")
    with pytest.raises(ClientError) as e:
        server.sts(other.creds).get_session_token(SerialNumber=serial, TokenCode=code(seed, n + 1))
    assert client_error(e) == ("AccessDenied", MSG_UNABLE, 403)


def mfa_role(server, user):
    name = f"mfa-role-{rand_suffix()}"
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": user.arn}, "Action": "sts:AssumeRole",
         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
    iam = server.iam()
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    iam.put_role_policy(RoleName=name, PolicyName="list", PolicyDocument=LIST_USERS_WITH_MFA)
    iam.put_user_policy(UserName=user.name, PolicyName="assume", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                 "Resource": role["Arn"]}]}))
    return role


def test_assume_role_with_mfa(server):
    user = make_user(server, "ar")
    role = mfa_role(server, user)
    device, n = enabled_device(server, user.name)
    serial, seed = device["SerialNumber"], device["Base32StringSeed"]
    sts = server.sts(user.creds)
    refused = (f"User: {user.arn} is not authorized to perform: sts:AssumeRole on resource: {role['Arn']}")

    # The trust policy requires MFA.
    with pytest.raises(ClientError) as e:
        sts.assume_role(RoleArn=role["Arn"], RoleSessionName="sess")
    assert client_error(e) == ("AccessDenied", refused, 403)
    with pytest.raises(ClientError) as e:
        sts.assume_role(RoleArn=role["Arn"], RoleSessionName="sess", SerialNumber=serial, TokenCode="999999")
    assert client_error(e) == ("AccessDenied", MSG_INVALID_OTP, 403)

    good = code(seed, n + 1)
    creds = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="sess", SerialNumber=serial,
                            TokenCode=good)["Credentials"]
    session = (creds["AccessKeyId"], creds["SecretAccessKey"])
    # The role session carries MFA: the role's MFA-conditioned policy allows it.
    server.client("iam", session, session_token=creds["SessionToken"]).list_users()
    with pytest.raises(ClientError) as e:
        sts.assume_role(RoleArn=role["Arn"], RoleSessionName="s2", SerialNumber=serial, TokenCode=good)
    assert client_error(e) == ("AccessDenied", MSG_INVALID_OTP, 403)

    # A session from GetSessionToken without MFA cannot assume the role; one with MFA can, with
    # no code of its own: the authentication passes on.
    plain = sts.get_session_token()["Credentials"]
    with pytest.raises(ClientError) as e:
        server.client("sts", (plain["AccessKeyId"], plain["SecretAccessKey"]),
                      session_token=plain["SessionToken"]).assume_role(RoleArn=role["Arn"], RoleSessionName="plain")
    assert client_error(e)[0] == "AccessDenied"


def test_mfa_session_assumes_the_role_without_a_new_code(server):
    user = make_user(server, "ar2")
    role = mfa_role(server, user)
    device, n = enabled_device(server, user.name)
    creds = server.sts(user.creds).get_session_token(
        SerialNumber=device["SerialNumber"], TokenCode=code(device["Base32StringSeed"], n + 1))["Credentials"]
    mfa_sts = server.client("sts", (creds["AccessKeyId"], creds["SecretAccessKey"]),
                            session_token=creds["SessionToken"])
    assumed = mfa_sts.assume_role(RoleArn=role["Arn"], RoleSessionName="chained")["Credentials"]
    server.client("iam", (assumed["AccessKeyId"], assumed["SecretAccessKey"]),
                  session_token=assumed["SessionToken"]).list_users()


def test_delete_user_refused_while_mfa_device_enabled_cli(server, cli):
    user = make_user(server, "cli-del", with_key=False)
    device, _ = enabled_device(server, user.name)
    r = cli.run("iam", "delete-user", "--user-name", user.name)
    assert r.rc != 0 and r.error == ("DeleteConflict", MSG_DELETE_USER)
    cli.run("iam", "deactivate-mfa-device", "--user-name", user.name,
            "--serial-number", device["SerialNumber"]).ok()
    cli.run("iam", "delete-virtual-mfa-device", "--serial-number", device["SerialNumber"]).ok()
    cli.run("iam", "delete-user", "--user-name", user.name).ok()


def run_mfa_profile(cli, server, user, role, serial, token_code):
    """`aws sts get-caller-identity --profile mfa` with the code typed on stdin (no terminal: the
    CLI's prompt falls back to stdin), a fresh credential cache each time."""
    cache = cli.home / ".aws" / "cli" / "cache"
    if cache.exists():
        for f in cache.iterdir():
            f.unlink()
    cli.credentials_file.write_text(
        f"[src]\naws_access_key_id = {user.creds[0]}\naws_secret_access_key = {user.creds[1]}\n")
    cli.config_file.write_text(
        f"[profile src]\nregion = us-east-1\n\n[profile mfa]\nrole_arn = {role['Arn']}\n"
        f"source_profile = src\nmfa_serial = {serial}\nregion = us-east-1\n")
    env = cli.base_env()
    env.update({"AWS_PROFILE": "mfa", "AWS_ENDPOINT_URL": server.url})
    return subprocess.run([cli.exe, "--output", "json", "sts", "get-caller-identity"], env=env,
                          input=token_code + "\n", capture_output=True, text=True, timeout=60,
                          start_new_session=True)


def test_aws_cli_mfa_serial_profile(server, cli):
    user = make_user(server, "cli-mfa")
    role = mfa_role(server, user)
    device, n = enabled_device(server, user.name)
    serial, seed = device["SerialNumber"], device["Base32StringSeed"]

    bad = run_mfa_profile(cli, server, user, role, serial, "000000")
    assert bad.returncode != 0 and MSG_INVALID_OTP in bad.stderr, bad.stderr

    good = code(seed, n + 1)
    ok = run_mfa_profile(cli, server, user, role, serial, good)
    assert ok.returncode == 0, ok.stderr
    assert "Enter MFA code" in ok.stderr + ok.stdout
    identity = json.loads(ok.stdout)
    assert identity["Arn"].startswith(f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role['RoleName']}/")

    reused = run_mfa_profile(cli, server, user, role, serial, good)
    assert reused.returncode != 0 and MSG_INVALID_OTP in reused.stderr, reused.stderr


def test_seed_never_in_audit_log_data_dir_or_output(fresh_server):
    srv = fresh_server
    iam = srv.iam()
    user = make_user(srv, "sec", with_key=False)
    _, device = new_device(iam)
    seed = device["Base32StringSeed"].decode()
    qr = base64.b64encode(device["QRCodePNG"]).decode()
    n = step_now()
    iam.enable_mfa_device(UserName=user.name, SerialNumber=device["SerialNumber"],
                          AuthenticationCode1=code(seed, n - 1), AuthenticationCode2=code(seed, n))

    def audited():
        return any(r.get("eventName") == "EnableMFADevice" for r in srv.audit_records())
    wait_for(audited, what="EnableMFADevice audit record")
    log = (srv.data_dir / "audit.log").read_text()
    (create,) = [r for r in srv.audit_records() if r.get("eventName") == "CreateVirtualMFADevice"]
    assert create["responseElements"]["virtualMFADevice"]["serialNumber"] == device["SerialNumber"]
    (enable,) = [r for r in srv.audit_records() if r.get("eventName") == "EnableMFADevice"]
    assert code(seed, n) not in json.dumps(enable)
    for secret in (seed, base64.b64encode(seed.encode()).decode(), qr[:40]):
        assert secret not in log
        assert secret not in srv.stdout() + srv.stderr()
        for p in srv.data_dir.rglob("*"):
            if p.is_file():
                assert secret.encode() not in p.read_bytes(), p

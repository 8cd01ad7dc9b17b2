"""Console credentials: login profiles (CreateLoginProfile, GetLoginProfile, UpdateLoginProfile,
DeleteLoginProfile), ChangePassword signed by the user, and the account password policy
(GetAccountPasswordPolicy, UpdateAccountPasswordPolicy, DeleteAccountPasswordPolicy), each rule
of which is enforced on create, update and change.  Passwords are kept only as argon2id hashes:
never in a response, the audit log, the server's output or the data dir.

Sources of AWS's texts and behaviours (each test names the one it relies on):

* LS-USERS: LocalStack's tests/aws/services/iam/test_iam_users.snapshot.json, recorded against
  real AWS on 2026-02-11 (`markers.aws.validated`): login-profile shapes and their errors.
* LS-POLICY: LocalStack's test_iam_account_password_policy.snapshot.json, recorded against real
  AWS on 2026-02-13: the policy's default and custom shapes and its NoSuchEntity texts.
* LS-SUMMARY: LocalStack's test_iam_account_summary.snapshot.json (real AWS, 2026-02-17): the
  summary map has `AccountPasswordPresent` (the root user's password); no key counts IAM users'
  login profiles.
* API_PasswordPolicy (docs.aws.amazon.com/IAM/latest/APIReference/API_PasswordPolicy.html):
  "AllowUsersToChangePassword … Gives IAM users permissions to iam:ChangePassword for only their
  user and to the iam:GetAccountPasswordPolicy action … the permissions are applied at the
  account-level for all users by IAM"; "ExpirePasswords … Returns true if MaxPasswordAge contains
  a value greater than 0"; the RequireSymbols list `! @ # $ % ^ & * ( ) _ + - = [ ] { } | '`.
* API_UpdateAccountPasswordPolicy: "This operation does not support partial updates … if you do
  not specify a parameter, that parameter's value reverts to its default value" (length 6).
* API_ChangePassword: "Changes the password of the IAM user who is calling this operation";
  errors InvalidUserType ("the type of user for the transaction was incorrect"), NoSuchEntity,
  PasswordPolicyViolation.
* Using_ManagingPasswordPolicies.html: "If you don't set a custom password policy, IAM user
  passwords must meet the default AWS password policy" (8 characters, three of the four
  character types).
* PasswordPolicyViolation text "Password does not conform to the account password policy." is
  AWS's as CloudFormation relays it (an UPDATE_FAILED event of AWS::IAM::User quoted in a public
  2017 deployment log) and as Ansible's iam module matched it.  The reuse text "Policy constraint
  violation with password reuse prevention during password change.", "The old password was
  incorrect." (AccessDenied) and "Only IAM Users can change their own password." come from an
  IAM-compatible service's implementation (CTyun OOS IAM) and are not confirmed against AWS.
* ChangePassword by a user without a password: "NoSuchEntity … Login Profile for User
  vs-code-user cannot be found." (a real boto3 error output quoted in a public transcript).
* DeleteUser while a password exists: "Cannot delete entity, must delete login profile first."
  (DeleteUser API reference lists the password first among what must go before the user).
"""

import json

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, AwsCli, client_error, iam_params, rand_suffix, send, sign_request

VIOLATION = ("PasswordPolicyViolation", "Password does not conform to the account password policy.", 400)
REUSE = (
    "PasswordPolicyViolation",
    "Policy constraint violation with password reuse prevention during password change.",
    400,
)
DEFAULT_POLICY = {  # LS-POLICY "password-policy-defaults"
    "AllowUsersToChangePassword": False,
    "ExpirePasswords": False,
    "MinimumPasswordLength": 6,
    "RequireLowercaseCharacters": False,
    "RequireNumbers": False,
    "RequireSymbols": False,
    "RequireUppercaseCharacters": False,
}
SELF_CHANGE = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["iam:ChangePassword", "iam:GetLoginProfile",
                                                 "iam:CreateLoginProfile", "iam:DeleteLoginProfile"],
                   "Resource": "arn:aws:iam::*:user/${aws:username}"}],
})


@pytest.fixture
def srv(module_server):
    """The module's server with no password policy before and after each test (the policy is
    account-wide)."""

    def clear():
        try:
            module_server.iam().delete_account_password_policy()
        except ClientError:
            pass

    clear()
    yield module_server
    clear()


def new_user(srv, with_key=False):
    iam = srv.iam()
    name = f"con-{rand_suffix()}"
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"] if with_key else None
    creds = (key["AccessKeyId"], key["SecretAccessKey"]) if key else None
    return name, creds


def err(fn, **kw):
    with pytest.raises(ClientError) as ei:
        fn(**kw)
    return client_error(ei)


# ---------------------------------------------------------------------------------------------
# Login profiles
# ---------------------------------------------------------------------------------------------
def test_login_profile_lifecycle(srv):
    """LS-USERS test_login_profile_lifecycle: shapes and the NoSuchEntity after delete."""
    iam = srv.iam()
    name, _ = new_user(srv)
    created = iam.create_login_profile(UserName=name, Password="TestPassword123!",
                                       PasswordResetRequired=False)["LoginProfile"]
    assert set(created) == {"UserName", "CreateDate", "PasswordResetRequired"}
    assert created["UserName"] == name and created["PasswordResetRequired"] is False
    got = iam.get_login_profile(UserName=name)["LoginProfile"]
    assert got == created

    iam.update_login_profile(UserName=name, Password="NewPassword456!", PasswordResetRequired=True)
    updated = iam.get_login_profile(UserName=name)["LoginProfile"]
    assert updated["PasswordResetRequired"] is True
    assert updated["CreateDate"] == created["CreateDate"], "CreateDate is the first password's"
    # Only the flag: the password stays.
    iam.update_login_profile(UserName=name, PasswordResetRequired=False)
    assert iam.get_login_profile(UserName=name)["LoginProfile"]["PasswordResetRequired"] is False

    iam.delete_login_profile(UserName=name)
    assert err(iam.get_login_profile, UserName=name) == (
        "NoSuchEntity", f"Login Profile for User {name} cannot be found.", 404)
    # PasswordResetRequired defaults to false.
    again = iam.create_login_profile(UserName=name, Password="TestPassword123!")["LoginProfile"]
    assert again["PasswordResetRequired"] is False
    iam.delete_login_profile(UserName=name)


def test_login_profile_errors(srv):
    """LS-USERS test_login_profile_errors, plus UpdateLoginProfile's and GetLoginProfile's."""
    iam = srv.iam()
    name, _ = new_user(srv)
    missing = ("NoSuchEntity", "The user with name nonexistent-user cannot be found.", 404)
    assert err(iam.create_login_profile, UserName="nonexistent-user", Password="TestPassword123!") == missing
    assert err(iam.delete_login_profile, UserName="nonexistent-user") == missing
    assert err(iam.get_login_profile, UserName="nonexistent-user") == missing
    assert err(iam.update_login_profile, UserName="nonexistent-user", Password="TestPassword123!") == missing

    no_profile = ("NoSuchEntity", f"Login Profile for User {name} cannot be found.", 404)
    assert err(iam.get_login_profile, UserName=name) == no_profile
    assert err(iam.delete_login_profile, UserName=name) == no_profile
    assert err(iam.update_login_profile, UserName=name, PasswordResetRequired=True) == no_profile

    iam.create_login_profile(UserName=name, Password="TestPassword123!", PasswordResetRequired=False)
    assert err(iam.create_login_profile, UserName=name, Password="AnotherPassword123!") == (
        "EntityAlreadyExists", f"Login Profile for user {name} already exists.", 409)
    iam.delete_login_profile(UserName=name)


def test_user_name_defaults_to_the_calling_user(srv):
    """CreateLoginProfile/GetLoginProfile/DeleteLoginProfile: "If no user name is included, it
    defaults to the principal making the request" (API reference); non-user callers must name
    one (LS-USERS "Must specify userName when calling with non-User credentials" for keys)."""
    iam = srv.iam()
    name, creds = new_user(srv, with_key=True)
    iam.put_user_policy(UserName=name, PolicyName="self", PolicyDocument=SELF_CHANGE)
    mine = srv.iam(creds)
    assert mine.create_login_profile(Password="Caller-Pass1")["LoginProfile"]["UserName"] == name
    assert mine.get_login_profile()["LoginProfile"]["UserName"] == name
    mine.delete_login_profile()
    assert err(iam.get_login_profile) == (
        "ValidationError", "Must specify userName when calling with non-User credentials", 400)
    # The model leaves Password optional only for AWS's AssumeRoot sessions.
    code, msg, status = err(iam.create_login_profile, UserName=name)
    assert (code, status) == ("ValidationError", 400) and "password" in msg


def test_profile_follows_a_renamed_user(srv):
    iam = srv.iam()
    name, _ = new_user(srv)
    iam.create_login_profile(UserName=name, Password="TestPassword123!")
    iam.update_user(UserName=name, NewUserName=name + "-r")
    assert iam.get_login_profile(UserName=name + "-r")["LoginProfile"]["UserName"] == name + "-r"
    iam.delete_login_profile(UserName=name + "-r")


def test_delete_user_refuses_while_it_has_a_password(srv):
    iam = srv.iam()
    name, _ = new_user(srv)
    iam.create_login_profile(UserName=name, Password="TestPassword123!")
    assert err(iam.delete_user, UserName=name) == (
        "DeleteConflict", "Cannot delete entity, must delete login profile first.", 409)
    iam.delete_login_profile(UserName=name)
    iam.delete_user(UserName=name)


def test_account_summary_keys(srv):
    """LS-SUMMARY: AWS reports AccountPasswordPresent (the root user's password — Keyward's root
    has none) and no count of IAM users' login profiles."""
    iam = srv.iam()
    before = iam.get_account_summary()["SummaryMap"]
    assert before["AccountPasswordPresent"] == 0
    name, _ = new_user(srv)
    middle = iam.get_account_summary()["SummaryMap"]
    iam.create_login_profile(UserName=name, Password="TestPassword123!")
    after = iam.get_account_summary()["SummaryMap"]
    assert after == middle
    iam.delete_login_profile(UserName=name)


# ---------------------------------------------------------------------------------------------
# The account password policy
# ---------------------------------------------------------------------------------------------
def test_password_policy_absent(srv):
    """LS-POLICY test_get_account_password_policy_not_found / delete_…_not_found."""
    iam = srv.iam()
    assert err(iam.get_account_password_policy) == (
        "NoSuchEntity", f"The Password Policy with domain name {ACCOUNT_ID} cannot be found.", 404)
    assert err(iam.delete_account_password_policy) == (
        "NoSuchEntity", "The account policy with name PasswordPolicy cannot be found.", 404)


def test_password_policy_defaults_and_custom_values(srv):
    """LS-POLICY: an empty update sets the defaults (no MaxPasswordAge, PasswordReusePrevention
    or HardExpiry in the answer); every field set comes back; updates are not partial."""
    iam = srv.iam()
    iam.update_account_password_policy()
    assert iam.get_account_password_policy()["PasswordPolicy"] == DEFAULT_POLICY
    iam.update_account_password_policy(
        AllowUsersToChangePassword=True, HardExpiry=True, MaxPasswordAge=60, MinimumPasswordLength=10,
        PasswordReusePrevention=3, RequireLowercaseCharacters=True, RequireNumbers=True,
        RequireSymbols=True, RequireUppercaseCharacters=True)
    assert iam.get_account_password_policy()["PasswordPolicy"] == {
        "AllowUsersToChangePassword": True, "ExpirePasswords": True, "HardExpiry": True,
        "MaxPasswordAge": 60, "MinimumPasswordLength": 10, "PasswordReusePrevention": 3,
        "RequireLowercaseCharacters": True, "RequireNumbers": True, "RequireSymbols": True,
        "RequireUppercaseCharacters": True}
    iam.update_account_password_policy(MinimumPasswordLength=8)
    assert iam.get_account_password_policy()["PasswordPolicy"] == {**DEFAULT_POLICY, "MinimumPasswordLength": 8}
    iam.delete_account_password_policy()
    assert err(iam.get_account_password_policy)[0] == "NoSuchEntity"


def test_password_policy_bounds(srv):
    """LS-POLICY test_update_account_password_policy_validation_errors (AWS: 128, 24, 1095)."""
    iam = srv.iam()
    code, msg, status = err(iam.update_account_password_policy, MaxPasswordAge=1096,
                            MinimumPasswordLength=129, PasswordReusePrevention=25)
    assert (code, status) == ("ValidationError", 400)
    assert msg.startswith("3 validation errors detected: ")
    for text in ("Member must have value less than or equal to 128",
                 "Member must have value less than or equal to 24",
                 "Member must have value less than or equal to 1095"):
        assert text in msg
    assert err(iam.get_account_password_policy)[0] == "NoSuchEntity", "nothing was set"


def test_default_policy_applies_without_a_custom_one(srv):
    """Using_ManagingPasswordPolicies: without a custom policy, 8 characters of three types."""
    iam = srv.iam()
    name, _ = new_user(srv)
    for bad in ("abcdefgh1", "ABCDEFGH!", "aB1!aB1", "abcdefghijkl"):
        assert err(iam.create_login_profile, UserName=name, Password=bad) == VIOLATION, bad
    iam.create_login_profile(UserName=name, Password="abcdEF12")
    assert err(iam.update_login_profile, UserName=name, Password="password") == VIOLATION
    iam.update_login_profile(UserName=name, Password="abc!ef12")
    iam.delete_login_profile(UserName=name)


def test_each_rule_is_enforced_on_create_update_and_change(srv):
    """API_UpdateAccountPasswordPolicy's rules, on all three ways a password is set."""
    iam = srv.iam()
    iam.update_account_password_policy(
        MinimumPasswordLength=10, RequireSymbols=True, RequireNumbers=True,
        RequireUppercaseCharacters=True, RequireLowercaseCharacters=True,
        AllowUsersToChangePassword=True)
    name, creds = new_user(srv, with_key=True)
    good = "Abcdefgh1!"
    bad = {
        "short": "Abcdef1!",
        "no symbol": "Abcdefgh12",
        "no number": "Abcdefgh!!",
        "no upper": "abcdefgh1!",
        "no lower": "ABCDEFGH1!",
        "symbol not in IAM's list": "Abcdefgh1~",
    }
    for why, pw in bad.items():
        assert err(iam.create_login_profile, UserName=name, Password=pw) == VIOLATION, why
    iam.create_login_profile(UserName=name, Password=good)
    for why, pw in bad.items():
        assert err(iam.update_login_profile, UserName=name, Password=pw) == VIOLATION, why
        assert err(srv.iam(creds).change_password, OldPassword=good, NewPassword=pw) == VIOLATION, why
    # Every one of IAM's symbols counts.
    for i, sym in enumerate("!@#$%^&*()_+-=[]{}|'"):
        iam.update_login_profile(UserName=name, Password=f"Abcdefgh{i % 10}{sym}")
    iam.delete_login_profile(UserName=name)


def test_reuse_prevention(srv):
    """PasswordReusePrevention: "the number of previous passwords that IAM users are prevented
    from reusing" — the current password is the most recent of them."""
    iam = srv.iam()
    iam.update_account_password_policy(PasswordReusePrevention=2, AllowUsersToChangePassword=True)
    name, creds = new_user(srv, with_key=True)
    me = srv.iam(creds)
    iam.create_login_profile(UserName=name, Password="First-pass1")
    assert err(me.change_password, OldPassword="First-pass1", NewPassword="First-pass1") == REUSE
    me.change_password(OldPassword="First-pass1", NewPassword="Second-pass2")
    assert err(me.change_password, OldPassword="Second-pass2", NewPassword="First-pass1") == REUSE
    assert err(iam.update_login_profile, UserName=name, Password="First-pass1") == REUSE
    me.change_password(OldPassword="Second-pass2", NewPassword="Third-pass3")
    # Two back is out of the window of 2.
    me.change_password(OldPassword="Third-pass3", NewPassword="First-pass1")
    # Without reuse prevention, the same password may be set again.
    iam.update_account_password_policy(AllowUsersToChangePassword=True)
    me.change_password(OldPassword="First-pass1", NewPassword="First-pass1")
    iam.delete_login_profile(UserName=name)


# ---------------------------------------------------------------------------------------------
# ChangePassword
# ---------------------------------------------------------------------------------------------
def test_change_password_needs_permission_or_the_account_grant(srv):
    """API_PasswordPolicy AllowUsersToChangePassword: iam:ChangePassword on themselves and
    iam:GetAccountPasswordPolicy for every user, without a policy of their own; an explicit deny
    in their policies still refuses (AWS's MFA example policy exempts ChangePassword from its
    Deny for that reason)."""
    iam = srv.iam()
    name, creds = new_user(srv, with_key=True)
    me = srv.iam(creds)
    iam.create_login_profile(UserName=name, Password="Start-pass1")
    code, msg, status = err(me.change_password, OldPassword="Start-pass1", NewPassword="Next-pass2")
    assert (code, status) == ("AccessDenied", 403)
    assert "iam:ChangePassword" in msg and f"user {name}" in msg
    iam.update_account_password_policy()
    assert err(me.get_account_password_policy)[0] == "AccessDenied"

    iam.update_account_password_policy(AllowUsersToChangePassword=True)
    me.change_password(OldPassword="Start-pass1", NewPassword="Next-pass2")
    assert me.get_account_password_policy()["PasswordPolicy"]["AllowUsersToChangePassword"] is True
    # The grant is exactly those two actions.
    assert err(me.update_account_password_policy)[0] == "AccessDenied"
    assert err(me.get_login_profile, UserName=name)[0] == "AccessDenied"

    iam.put_user_policy(UserName=name, PolicyName="deny", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "iam:ChangePassword", "Resource": "*"}]}))
    code, msg, _ = err(me.change_password, OldPassword="Next-pass2", NewPassword="Third-pass3")
    assert code == "AccessDenied" and "explicit deny" in msg
    iam.delete_user_policy(UserName=name, PolicyName="deny")
    iam.delete_login_profile(UserName=name)


def test_change_password_with_the_cli_signed_by_the_user(srv, tmp_path):
    """`aws iam change-password` signed by the user; a successful change ends a required
    reset; a wrong old password is refused."""
    iam = srv.iam()
    name, creds = new_user(srv, with_key=True)
    iam.put_user_policy(UserName=name, PolicyName="self", PolicyDocument=SELF_CHANGE)
    cli = AwsCli(srv, tmp_path / "home")
    cli.run("iam", "create-login-profile", "--user-name", name, "--password", "Cli-start-1",
            "--password-reset-required").ok()
    got = cli.run("iam", "get-login-profile", "--user-name", name).ok().json["LoginProfile"]
    assert got["PasswordResetRequired"] is True and got["UserName"] == name

    wrong = cli.run("iam", "change-password", "--old-password", "Not-it-123",
                    "--new-password", "Cli-next-2", creds=creds)
    assert wrong.rc != 0 and wrong.error == ("AccessDenied", "The old password was incorrect.")
    cli.run("iam", "change-password", "--old-password", "Cli-start-1",
            "--new-password", "Cli-next-2", creds=creds).ok()
    got = cli.run("iam", "get-login-profile", "--user-name", name, creds=creds).ok().json["LoginProfile"]
    assert got["PasswordResetRequired"] is False
    # The new password is the one in force.
    assert cli.run("iam", "change-password", "--old-password", "Cli-start-1",
                   "--new-password", "Cli-third-3", creds=creds).error[0] == "AccessDenied"
    cli.run("iam", "change-password", "--old-password", "Cli-next-2",
            "--new-password", "Cli-third-3", creds=creds).ok()

    cli.run("iam", "update-account-password-policy", "--minimum-password-length", "12",
            "--require-symbols").ok()
    pol = cli.run("iam", "get-account-password-policy").ok().json["PasswordPolicy"]
    assert pol["MinimumPasswordLength"] == 12 and pol["RequireSymbols"] is True
    short = cli.run("iam", "change-password", "--old-password", "Cli-third-3",
                    "--new-password", "Cli-four-4", creds=creds)
    assert short.error == VIOLATION[:2]
    cli.run("iam", "delete-account-password-policy").ok()
    cli.run("iam", "delete-login-profile", "--user-name", name).ok()


def test_change_password_callers(srv):
    """API_ChangePassword: only an IAM user changes its own password (InvalidUserType for the
    root user); a user without a password gets NoSuchEntity."""
    iam = srv.iam()
    assert err(iam.change_password, OldPassword="Whatever-1", NewPassword="Whatever-2") == (
        "InvalidUserType", "Only IAM Users can change their own password.", 400)
    iam.update_account_password_policy(AllowUsersToChangePassword=True)
    name, creds = new_user(srv, with_key=True)
    assert err(srv.iam(creds).change_password, OldPassword="Whatever-1", NewPassword="Whatever-2") == (
        "NoSuchEntity", f"Login Profile for User {name} cannot be found.", 404)


# ---------------------------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------------------------
def test_passwords_never_leave_as_text(srv):
    """Passwords are stored only as argon2id hashes and appear in no response, audit record,
    server output or file of the data dir (the audit log hides them as CloudTrail does)."""
    iam = srv.iam()
    iam.update_account_password_policy(AllowUsersToChangePassword=True)
    name, creds = new_user(srv, with_key=True)
    passwords = [f"Pw-{rand_suffix(12)}-1", f"Pw-{rand_suffix(12)}-2", f"Pw-{rand_suffix(12)}-3",
                 f"Pw-{rand_suffix(12)}-4"]
    rid = iam.create_login_profile(UserName=name, Password=passwords[0])["ResponseMetadata"]["RequestId"]
    iam.update_login_profile(UserName=name, Password=passwords[1])
    srv.iam(creds).change_password(OldPassword=passwords[1], NewPassword=passwords[2])
    # A refused password is not kept anywhere either.
    err(srv.iam(creds).change_password, OldPassword=passwords[3], NewPassword=passwords[0])
    raw = send(sign_request(srv.url + "/", creds=srv.root, service="iam",
                            params=iam_params("GetLoginProfile", UserName=name)))
    assert raw.status_code == 200

    records = srv.audit_records()
    create = next(r for r in records if r.get("requestID") == rid)
    assert create["requestParameters"]["password"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    change = [r for r in records if r.get("eventName") == "ChangePassword"]
    assert change and all(r["requestParameters"]["newPassword"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
                          for r in change)
    audit = (srv.data_dir / "audit.log").read_text()
    files = [p for p in srv.data_dir.rglob("*") if p.is_file()]
    blobs = b"".join(p.read_bytes() for p in files)
    for pw in passwords:
        assert pw not in raw.text
        assert pw not in audit
        assert pw.encode() not in blobs
        if not srv.external:
            assert pw not in srv.stdout() + srv.stderr()
    assert b"$argon2id$v=19$" in blobs, "the stored form is an argon2id PHC string"
    iam.delete_login_profile(UserName=name)

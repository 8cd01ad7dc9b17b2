"""Session credentials whose role or user was deleted after they were issued (issue 18, defect 5).

AWS's recorded behaviour: temporary credentials "are valid until they expire" and "cannot be
revoked"; their "effective permissions are evaluated when a request is made that uses the
credentials, based on the current permissions of the associated IAM user or role"; "once you
remove all permissions from the credentials, AWS requests that use them fail"
(https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html,
https://docs.aws.amazon.com/STS/latest/UsingSTS/TokenPermissions.html). A role or user can only
be deleted once its policies are gone (DeleteConflict otherwise), so its sessions keep
authenticating and every action that needs a permission is implicitly denied: `403
AccessDenied` with the "no identity-based policy allows" message, while `GetCallerIdentity`,
which needs no permission, still answers. Keyward used to answer `500 ServiceFailure`, which
the aws CLI retried.
"""

from __future__ import annotations

import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

TRUST_ACCOUNT = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}, "Action": "sts:AssumeRole"}
        ],
    }
)


def allow(action: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})


def denied_message(arn: str, action: str, resource: str) -> str:
    return (
        f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
        f"because no identity-based policy allows the {action} action"
    )


def session_of_role(server, role: str) -> dict:
    """A session of `role` (AWS lets no root user assume a role: a user with sts:AssumeRole does)."""
    assumer = make_user(server, "assumer")
    server.iam().put_user_policy(UserName=assumer.name, PolicyName="p", PolicyDocument=allow("sts:AssumeRole"))
    sts = server.sts(assumer.creds)
    return sts.assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{role}", RoleSessionName="stale")["Credentials"]


def delete_role(server, role: str) -> None:
    iam = server.iam()
    iam.delete_role_policy(RoleName=role, PolicyName="p")
    iam.delete_role(RoleName=role)


def test_a_deleted_roles_session_is_denied_not_a_server_failure(server):
    role = f"stale-{rand_suffix()}"
    iam = server.iam()
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=TRUST_ACCOUNT)
    iam.put_role_policy(RoleName=role, PolicyName="p", PolicyDocument=allow("iam:ListUsers"))
    creds = session_of_role(server, role)
    session = (creds["AccessKeyId"], creds["SecretAccessKey"])
    as_session = server.client("iam", session, session_token=creds["SessionToken"])
    as_session.list_users()  # allowed while the role exists

    delete_role(server, role)
    arn = f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/stale"
    with pytest.raises(Exception) as e:
        as_session.list_users()
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDenied", 403)
    assert message == denied_message(arn, "iam:ListUsers", f"arn:aws:iam::{ACCOUNT_ID}:user/")

    # The credentials still authenticate: GetCallerIdentity needs no permission.
    sts = server.client("sts", session, session_token=creds["SessionToken"])
    assert sts.get_caller_identity()["Arn"] == arn


def test_a_deleted_users_session_is_denied_not_a_server_failure(server):
    role = f"target-{rand_suffix()}"
    iam = server.iam()
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=TRUST_ACCOUNT)
    user = make_user(server, "stale")
    iam.put_user_policy(UserName=user.name, PolicyName="p", PolicyDocument=allow("sts:AssumeRole"))
    creds = server.sts(user.creds).get_session_token()["Credentials"]
    sts = server.client("sts", (creds["AccessKeyId"], creds["SecretAccessKey"]), session_token=creds["SessionToken"])
    role_arn = f"arn:aws:iam::{ACCOUNT_ID}:role/{role}"
    sts.assume_role(RoleArn=role_arn, RoleSessionName="before")  # allowed while the user exists

    iam.delete_user_policy(UserName=user.name, PolicyName="p")
    iam.delete_access_key(UserName=user.name, AccessKeyId=user.creds[0])
    iam.delete_user(UserName=user.name)
    with pytest.raises(Exception) as e:
        sts.assume_role(RoleArn=role_arn, RoleSessionName="after")
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDenied", 403)
    # STS words an AssumeRole denial without the reason (as for a live user without the grant).
    assert message == f"User: {user.arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}"
    assert sts.get_caller_identity()["Arn"] == user.arn


def test_the_cli_gets_access_denied_once_without_retrying(server, cli):
    """The aws CLI retries 5xx answers (legacy mode, five attempts by default); AccessDenied is
    final. The CLI runs here with those retry settings, and the audit log shows a single call."""
    role = f"stale-cli-{rand_suffix()}"
    iam = server.iam()
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=TRUST_ACCOUNT)
    iam.put_role_policy(RoleName=role, PolicyName="p", PolicyDocument=allow("iam:ListUsers"))
    creds = session_of_role(server, role)
    delete_role(server, role)
    env = {"AWS_SESSION_TOKEN": creds["SessionToken"], "AWS_RETRY_MODE": "legacy", "AWS_MAX_ATTEMPTS": "5"}
    result = cli.run("iam", "list-users", creds=(creds["AccessKeyId"], creds["SecretAccessKey"]), env=env)
    assert result.rc == 255, result.stderr  # aws CLI v1's exit code for a service error
    code, message = result.error
    assert code == "AccessDenied"
    arn = f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/stale"
    assert message == denied_message(arn, "iam:ListUsers", f"arn:aws:iam::{ACCOUNT_ID}:user/")
    calls = [
        r
        for r in server.audit_records()
        if r["eventName"] == "ListUsers" and r["userIdentity"].get("accessKeyId") == creds["AccessKeyId"]
    ]
    assert len(calls) == 1, calls
    assert calls[0]["errorCode"] == "AccessDenied"

"""Until the policy engine lands, a non-root caller is denied every action except
sts:GetCallerIdentity, with AWS's implicit-deny message."""

import pytest

from conftest import ACCOUNT_ID, IAM_NS, client_error, make_user, parse_xml_error, send, sign_request, iam_params


def denied(arn, action, resource):
    # Format: docs troubleshoot_access-denied ("... because no identity-based policy allows the
    # <action> action"); real captures, e.g. "User: arn:aws:iam::111122223333:user/lab-analyst is
    # not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111122223333:user/
    # because no identity-based policy allows the iam:ListUsers action".
    return (f"User: {arn} is not authorized to perform: {action} on resource: {resource} "
            f"because no identity-based policy allows the {action} action")


def test_list_users_denied_cli(cli, server):
    u = make_user(server, "nopol")
    r = cli.run("iam", "list-users", creds=u.creds)
    assert r.rc != 0
    # resource for ListUsers is arn:aws:iam::ACCOUNT:user/ (path prefix "/"), per the captures
    assert r.error == ("AccessDenied", denied(u.arn, "iam:ListUsers", f"arn:aws:iam::{ACCOUNT_ID}:user/"))
    # ...but GetCallerIdentity works with the same key
    ident = cli.run("sts", "get-caller-identity", creds=u.creds).ok().json
    assert ident["Arn"] == u.arn == f"arn:aws:iam::{ACCOUNT_ID}:user/{u.name}"


def test_list_users_denied_boto3_and_xml(server):
    u = make_user(server, "nopol")
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).list_users()
    assert client_error(ei) == ("AccessDenied",
                                denied(u.arn, "iam:ListUsers", f"arn:aws:iam::{ACCOUNT_ID}:user/"), 403)
    r = send(sign_request(server.url + "/", creds=u.creds, service="iam", params=iam_params("ListUsers")))
    e = parse_xml_error(r)
    assert (r.status_code, e["code"], e["ns"], e["type"]) == (403, "AccessDenied", IAM_NS, "Sender")
    assert r.headers["x-amzn-RequestId"] == e["request_id"]


def test_get_user_self_denied(server):
    u = make_user(server, "selfget")
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).get_user()
    # Real captures of `aws iam get-user` by a user without permissions: "User:
    # arn:aws:iam::543303393859:user/secret-user is not authorized to perform: iam:GetUser on
    # resource: user secret-user because no identity-based policy allows the iam:GetUser action"
    # (also CloudGoat cg-start-user-lab) -- IAM names the resource "user NAME" here, not an ARN.
    assert client_error(ei) == ("AccessDenied", denied(u.arn, "iam:GetUser", f"user {u.name}"), 403)


def test_create_user_denied(server):
    u = make_user(server, "nocreate")
    target = f"victim-{u.name}"
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).create_user(UserName=target)
    # CreateUser names the new user's ARN, e.g. "... iam:CreateUser on resource:
    # arn:aws:iam::527058492733:user/Bob because no identity-based policy allows the
    # iam:CreateUser action" (real CLI capture).
    assert client_error(ei) == (
        "AccessDenied", denied(u.arn, "iam:CreateUser", f"arn:aws:iam::{ACCOUNT_ID}:user/{target}"), 403)
    # and nothing was created
    with pytest.raises(Exception) as ei:
        server.iam().get_user(UserName=target)
    assert client_error(ei)[0] == "NoSuchEntity"


def test_user_cannot_manage_own_keys_without_policy(server):
    u = make_user(server, "selfkey")
    iam = server.iam(u.creds)
    # Real captures name the resource "user NAME" for these user-scoped operations, e.g.
    # "... is not authorized to perform: iam:ListAccessKeys on resource: user sbmtd because no
    # identity-based policy allows the iam:ListAccessKeys action" and "... iam:CreateAccessKey on
    # resource: user admin_iam_privesc_by_key_rotation_### because no identity-based policy
    # allows the iam:CreateAccessKey action" (CloudGoat / pentest write-ups).
    for action, call in (("iam:ListAccessKeys", lambda: iam.list_access_keys(UserName=u.name)),
                         ("iam:CreateAccessKey", lambda: iam.create_access_key(UserName=u.name))):
        with pytest.raises(Exception) as ei:
            call()
        assert client_error(ei) == ("AccessDenied", denied(u.arn, action, f"user {u.name}"), 403)
    # the denied CreateAccessKey created nothing
    assert len(server.iam().list_access_keys(UserName=u.name)["AccessKeyMetadata"]) == 1

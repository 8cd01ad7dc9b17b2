"""First run, restart, SIGTERM and kill -9 on isolated servers."""

import configparser
import os
import stat
import threading
import time

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, client_error, rand_suffix


def _mode(p):
    return stat.S_IMODE(os.stat(p).st_mode)


def test_first_run_generates_root_credentials(fresh_server_factory):
    srv = fresh_server_factory(root_creds=None)
    path = srv.data_dir / "root-credentials"
    assert path.exists()
    assert _mode(path) == 0o600, oct(_mode(path))
    cp = configparser.ConfigParser()
    cp.read(path)
    assert cp.sections() == ["default"]
    ak, sk = cp["default"]["aws_access_key_id"], cp["default"]["aws_secret_access_key"]
    assert ak.startswith("AKIA") and len(ak) == 20 and len(sk) == 40
    assert ak in srv.stdout(), "root access key id is announced on stdout"
    ident = srv.sts((ak, sk)).get_caller_identity()
    assert ident == {**ident, "Arn": f"arn:aws:iam::{ACCOUNT_ID}:root", "Account": ACCOUNT_ID}
    mk = srv.data_dir / "master.key"
    assert mk.exists() and _mode(mk) == 0o600, oct(_mode(mk))
    before = path.read_bytes(), mk.read_bytes()

    srv.restart()
    # written once: same root credentials and master key after a restart, and they still work
    assert (path.read_bytes(), mk.read_bytes()) == before
    assert srv.sts((ak, sk)).get_caller_identity()["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"


def test_root_credentials_from_env(fresh_server):
    srv = fresh_server
    assert srv.sts().get_caller_identity()["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert srv.root_secret not in srv.stdout() + srv.stderr()


def test_custom_account_id(fresh_server_factory):
    srv = fresh_server_factory(account_id="210987654321")
    assert srv.sts().get_caller_identity()["Arn"] == "arn:aws:iam::210987654321:root"
    u = srv.iam().create_user(UserName="acct-user")["User"]
    assert u["Arn"] == "arn:aws:iam::210987654321:user/acct-user"


def test_restart_keeps_users_and_keys(fresh_server):
    srv = fresh_server
    iam = srv.iam()
    iam.create_user(UserName="keeper", Path="/p/", Tags=[{"Key": "k", "Value": "v"}])
    k1 = iam.create_access_key(UserName="keeper")["AccessKey"]
    k2 = iam.create_access_key(UserName="keeper")["AccessKey"]
    iam.update_access_key(UserName="keeper", AccessKeyId=k2["AccessKeyId"], Status="Inactive")
    uid = iam.get_user(UserName="keeper")["User"]["UserId"]
    srv.sts((k1["AccessKeyId"], k1["SecretAccessKey"])).get_caller_identity()

    rc = srv.terminate()
    assert rc == 0, f"SIGTERM exit code {rc}\n{srv.stderr()}"
    srv.start()

    iam = srv.iam()
    u = iam.get_user(UserName="keeper")["User"]
    assert (u["UserId"], u["Path"]) == (uid, "/p/")
    assert iam.list_user_tags(UserName="keeper")["Tags"] == [{"Key": "k", "Value": "v"}]
    keys = {k["AccessKeyId"]: k["Status"] for k in iam.list_access_keys(UserName="keeper")["AccessKeyMetadata"]}
    assert keys == {k1["AccessKeyId"]: "Active", k2["AccessKeyId"]: "Inactive"}
    # old key still authenticates; the inactive one still does not
    ident = srv.sts((k1["AccessKeyId"], k1["SecretAccessKey"])).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/p/keeper"
    with pytest.raises(ClientError) as ei:
        srv.sts((k2["AccessKeyId"], k2["SecretAccessKey"])).get_caller_identity()
    assert client_error(ei)[0] == "InvalidClientTokenId"
    # last-used survived too
    lu = iam.get_access_key_last_used(AccessKeyId=k1["AccessKeyId"])["AccessKeyLastUsed"]
    assert lu["ServiceName"] == "sts"
    # uniqueness survives: the name (any case) is still taken, the key quota still applies
    with pytest.raises(ClientError) as ei:
        iam.create_user(UserName="KEEPER")
    assert client_error(ei)[0] == "EntityAlreadyExists"
    with pytest.raises(ClientError) as ei:
        iam.create_access_key(UserName="keeper")
    assert client_error(ei)[0] == "LimitExceeded"


def _stream_create_users(srv, stop: threading.Event, stopping: threading.Event, acked: list,
                         prefix: str, errors: list):
    iam = srv.iam()
    i = 0
    while not stop.is_set():
        name = f"{prefix}-{i:05d}"
        i += 1
        try:
            iam.create_user(UserName=name)
        except ClientError as e:  # an AWS error is an answer, not an ack
            if not stopping.is_set():
                errors.append(e)
            else:
                return
        except Exception:  # connection refused/reset: server is gone
            return
        else:
            acked.append(name)


def _all_user_names(srv):
    pag = srv.iam().get_paginator("list_users")
    return {u["UserName"] for p in pag.paginate() for u in p["Users"]}


def _run_stream_then(srv, action, n_threads=3, min_acks=30):
    stop, stopping = threading.Event(), threading.Event()
    acked: list = []
    errors: list = []
    ts = [threading.Thread(target=_stream_create_users,
                           args=(srv, stop, stopping, acked, f"s{t}-{rand_suffix(4)}", errors))
          for t in range(n_threads)]
    for t in ts:
        t.start()
    deadline = time.monotonic() + 20
    while len(acked) < min_acks and time.monotonic() < deadline:
        time.sleep(0.02)
    stopping.set()
    result = action()
    stop.set()
    for t in ts:
        t.join(30)
    assert not errors, [str(e) for e in errors[:3]]
    assert len(acked) >= min_acks, f"only {len(acked)} CreateUser acks before the deadline"
    return acked, result


def test_kill9_loses_no_acknowledged_user(fresh_server):
    srv = fresh_server
    acked, _ = _run_stream_then(srv, srv.kill)
    srv.start()
    present = _all_user_names(srv)
    lost = sorted(set(acked) - present)
    assert not lost, f"{len(lost)} acknowledged users lost after kill -9: {lost[:10]}"
    # the store is usable after the crash
    srv.iam().create_user(UserName="after-crash")
    assert srv.iam().get_user(UserName="after-crash")


def test_sigterm_during_stream_exits_zero_and_keeps_acks(fresh_server):
    srv = fresh_server
    acked, rc = _run_stream_then(srv, srv.terminate)
    assert rc == 0, f"exit code {rc} on SIGTERM\n{srv.stderr()}"
    srv.start()
    lost = sorted(set(acked) - _all_user_names(srv))
    assert not lost, f"acknowledged users lost after SIGTERM: {lost[:10]}"

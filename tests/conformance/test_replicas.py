"""Two `keyward serve` replicas on one PostgreSQL database (issue 9), driven by boto3.

Needs KEYWARD_TEST_POSTGRES_URL (scripts/test starts a throw-away cluster with
scripts/postgres-test-db when PostgreSQL is installed, and `.ci/run` always does).  Each test
gets a database of its own.  Both replicas share the master key (KEYWARD_MASTER_KEY) and the
root credentials, and keep their own data dirs (audit log).
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import os
import subprocess
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, client_error, gen_access_key_id, gen_secret

PG_URL = os.environ.get("KEYWARD_TEST_POSTGRES_URL")

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="skipped: KEYWARD_TEST_POSTGRES_URL not set (no PostgreSQL for replica tests)"
)

#: The issue's bound: a change through one replica is enforced by every other within a second.
COHERENCE_BOUND = 1.0

ALLOW_LIST_USERS = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]}
)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
def database():
    name = "kw_replicas_" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", PG_URL, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    yield with_database(PG_URL, name)
    subprocess.run(
        ["psql", PG_URL, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True
    )


@pytest.fixture
def replicas(server_with_args_factory, database):
    master = base64.b64encode(os.urandom(32)).decode()
    root = (gen_access_key_id(), gen_secret())
    env = {"KEYWARD_MASTER_KEY": master}
    a = server_with_args_factory(extra_args=["--store", database], root_creds=root, extra_env=env)
    b = server_with_args_factory(extra_args=["--store", database], root_creds=root, extra_env=env)
    return a, b


def within(bound: float, check) -> float:
    """Polls `check` until it returns True; returns the time it took, failing past `bound`."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        if time.monotonic() - start > bound:
            pytest.fail(f"not enforced within {bound} s")
        time.sleep(0.02)


def refused(fn) -> bool:
    try:
        fn()
    except ClientError:
        return True
    return False


def test_a_user_and_key_created_on_one_replica_work_on_the_other(replicas):
    a, b = replicas
    a.iam().create_user(UserName="alice")
    key = a.iam().create_access_key(UserName="alice")["AccessKey"]
    creds = (key["AccessKeyId"], key["SecretAccessKey"])
    me = b.sts(creds).get_caller_identity()
    assert me["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/alice"
    assert b.iam().get_user(UserName="alice")["User"]["UserId"] == a.iam().get_user(UserName="alice")["User"]["UserId"]


def test_a_key_made_inactive_on_one_replica_is_refused_by_the_other_within_a_second(replicas):
    a, b = replicas
    a.iam().create_user(UserName="bob")
    key = a.iam().create_access_key(UserName="bob")["AccessKey"]
    creds = (key["AccessKeyId"], key["SecretAccessKey"])
    a.sts(creds).get_caller_identity()  # cached on A
    b.iam().update_access_key(UserName="bob", AccessKeyId=key["AccessKeyId"], Status="Inactive")
    within(COHERENCE_BOUND, lambda: refused(lambda: a.sts(creds).get_caller_identity()))
    with pytest.raises(ClientError) as refused_call:
        a.sts(creds).get_caller_identity()
    code, _, status = client_error(refused_call)
    assert (code, status) == ("InvalidClientTokenId", 403)


def test_a_session_from_one_replica_works_on_the_other(replicas):
    a, b = replicas
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:user/carol"}, "Action": "sts:AssumeRole"}
        ],
    }
    a.iam().create_user(UserName="carol")
    a.iam().put_user_policy(
        UserName="carol",
        PolicyName="assume",
        PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
        ),
    )
    a.iam().create_role(RoleName="reader", AssumeRolePolicyDocument=json.dumps(trust))
    a.iam().put_role_policy(RoleName="reader", PolicyName="list", PolicyDocument=ALLOW_LIST_USERS)
    key = a.iam().create_access_key(UserName="carol")["AccessKey"]
    creds = a.sts((key["AccessKeyId"], key["SecretAccessKey"])).assume_role(
        RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/reader", RoleSessionName="on-a"
    )["Credentials"]
    session = boto3.client(
        "iam",
        endpoint_url=b.url,
        region_name="us-east-1",
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    assert "Users" in session.list_users()
    with pytest.raises(ClientError) as denied:
        session.create_user(UserName="mallory")
    assert client_error(denied)[0] == "AccessDenied"


def test_a_policy_detached_on_one_replica_stops_a_call_on_the_other_within_a_second(replicas):
    a, b = replicas
    arn = a.iam().create_policy(PolicyName="list-users", PolicyDocument=ALLOW_LIST_USERS)["Policy"]["Arn"]
    a.iam().create_user(UserName="dave")
    a.iam().attach_user_policy(UserName="dave", PolicyArn=arn)
    key = a.iam().create_access_key(UserName="dave")["AccessKey"]
    dave = a.iam((key["AccessKeyId"], key["SecretAccessKey"]))
    dave.list_users()  # allowed, and dave's policies are now cached on A
    b.iam().detach_user_policy(UserName="dave", PolicyArn=arn)
    within(COHERENCE_BOUND, lambda: refused(dave.list_users))
    with pytest.raises(ClientError) as denied:
        dave.list_users()
    assert client_error(denied)[0] == "AccessDenied"


def test_concurrent_create_access_key_on_both_replicas_leaves_exactly_two(replicas):
    a, b = replicas
    a.iam().create_user(UserName="erin")
    clients = [a.iam(), b.iam()]

    def create(i: int):
        try:
            return clients[i % 2].create_access_key(UserName="erin")["AccessKey"]["AccessKeyId"]
        except ClientError as e:
            return e.response["Error"]["Code"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(create, range(20)))
    created = [r for r in results if r.startswith("AKIA")]
    assert len(created) == 2, results
    assert set(results) - set(created) == {"LimitExceeded"}, results
    for client in clients:
        listed = client.list_access_keys(UserName="erin")["AccessKeyMetadata"]
        assert sorted(k["AccessKeyId"] for k in listed) == sorted(created)

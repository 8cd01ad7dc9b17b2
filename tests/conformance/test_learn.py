"""Learn mode and least-privilege policies (issue 17), with moto_server as the upstream, the aws
CLI and boto3; also S3's `GET /` (ListBuckets) and the gateway's body limit.

- `keyward serve --enforce learn` forwards every request (allowed or not, and operations
  Keyward cannot map), answers what the upstream answers and records what strict mode would have
  denied: `additionalEventData.keywardDecision` = `AllowedInLearnMode` with `wouldBeDenials`
  (decision, policy type, `deniedBy`), or `UnmappedInLearnMode` with `unmapped`.
- `keyward policy generate --principal ARN` turns those records into the least-privilege
  identity policy; enforced in strict mode it lets the same workload pass and denies the rest.
- ListBuckets: `GET /` on S3's regional endpoint; ListDirectoryBuckets is served by S3 Express's
  control endpoint s3express-control.REGION.amazonaws.com
  (docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Regions-and-Zones.html), and needs
  s3:ListAllMyBuckets (docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html).
- S3 answers a too-large request body with 400 `MaxMessageLengthExceeded` "Your request was
  too big." (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError
import requests

from conftest import (
    ACCOUNT_ID,
    AwsCli,
    KeywardServerWithArgs,
    client_error,
    free_port,
    keyward_bin,
    make_user,
    rand_suffix,
    wait_for,
)
from test_gateway import wait_port

REGION = "us-east-1"


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    port = free_port()
    log = open(tmp_path_factory.mktemp("moto") / "moto.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-p", str(port)], stdout=log, stderr=log
    )
    try:
        wait_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def start(workdir: Path, moto: str, *extra: str) -> KeywardServerWithArgs:
    return KeywardServerWithArgs(
        workdir, extra_args=["--upstream", f"*={moto},key=test:test", *extra]
    ).start()  # type: ignore[return-value]


def client(srv, service: str, creds):
    return boto3.session.Session().client(
        service,
        endpoint_url=srv.url,
        region_name=REGION,
        aws_access_key_id=creds[0],
        aws_secret_access_key=creds[1],
        config=Config(retries={"total_max_attempts": 1}),
    )


def keyward(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([keyward_bin(), *args], capture_output=True, text=True, timeout=60)


class Setup:
    """What the root user creates before the workload: one resource per service."""

    def __init__(self, srv) -> None:
        suffix = rand_suffix()
        self.bucket = f"learn-{suffix}"
        self.other_bucket = f"learn-other-{suffix}"
        self.queue = f"learn-q-{suffix}"
        self.table = f"learn-t-{suffix}"
        self.topic = f"learn-topic-{suffix}"
        self.secret = f"learn-secret-{suffix}"
        s3 = client(srv, "s3", srv.root)
        s3.create_bucket(Bucket=self.bucket)
        s3.create_bucket(Bucket=self.other_bucket)
        s3.put_object(Bucket=self.bucket, Key="private/keep-out.txt", Body=b"no")
        s3.put_object(Bucket=self.other_bucket, Key="reports/x.csv", Body=b"no")
        self.queue_url = client(srv, "sqs", srv.root).create_queue(QueueName=self.queue)["QueueUrl"]
        client(srv, "dynamodb", srv.root).create_table(
            TableName=self.table,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        self.topic_arn = client(srv, "sns", srv.root).create_topic(Name=self.topic)["TopicArn"]
        self.secret_arn = client(srv, "secretsmanager", srv.root).create_secret(
            Name=self.secret, SecretString="s3cr3t-value"
        )["ARN"]
        self.key_arn = client(srv, "kms", srv.root).create_key()["KeyMetadata"]["Arn"]


def workload(srv, setup: Setup, creds, cli: AwsCli, tmp_path: Path) -> int:
    """31 calls over S3, SQS, DynamoDB, SNS, Secrets Manager, KMS and STS; returns the count.
    Every call must succeed (an exception fails the test)."""
    calls = 0
    s3 = client(srv, "s3", creds)
    src = tmp_path / "a.csv"
    src.write_text("id,value\n1,2\n")
    b = setup.bucket
    cli.run("s3", "ls", creds=creds).ok()
    cli.run("s3", "cp", str(src), f"s3://{b}/reports/2026/a.csv", creds=creds).ok()
    s3.put_object(Bucket=b, Key="reports/2026/b.csv", Body=b"b")
    s3.put_object(Bucket=b, Key="reports/2025/c.csv", Body=b"c")
    assert s3.get_object(Bucket=b, Key="reports/2026/a.csv")["Body"].read() == src.read_bytes()
    s3.head_object(Bucket=b, Key="reports/2026/b.csv")
    listed = s3.list_objects_v2(Bucket=b, Prefix="reports/")
    assert {o["Key"] for o in listed["Contents"]} >= {"reports/2026/a.csv", "reports/2025/c.csv"}
    assert "a.csv" in cli.run("s3", "ls", f"s3://{b}/reports/2026/", creds=creds).ok().stdout
    s3.get_bucket_location(Bucket=b)
    calls += 9

    sqs = client(srv, "sqs", creds)
    url = sqs.get_queue_url(QueueName=setup.queue)["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="one")
    sqs.send_message(QueueUrl=url, MessageBody="two")
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)["Messages"]
    sqs.delete_message(QueueUrl=url, ReceiptHandle=got[0]["ReceiptHandle"])
    sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
    calls += 6

    ddb = client(srv, "dynamodb", creds)
    t = setup.table
    ddb.put_item(TableName=t, Item={"pk": {"S": "u1"}, "n": {"N": "1"}})
    ddb.put_item(TableName=t, Item={"pk": {"S": "u2"}, "n": {"N": "2"}})
    assert ddb.get_item(TableName=t, Key={"pk": {"S": "u1"}})["Item"]["n"] == {"N": "1"}
    ddb.query(TableName=t, KeyConditionExpression="pk = :p",
              ExpressionAttributeValues={":p": {"S": "u2"}})
    ddb.update_item(TableName=t, Key={"pk": {"S": "u1"}}, UpdateExpression="SET n = :n",
                    ExpressionAttributeValues={":n": {"N": "5"}})
    ddb.describe_table(TableName=t)
    calls += 6

    sns = client(srv, "sns", creds)
    sns.list_topics()
    sns.publish(TopicArn=setup.topic_arn, Message="hello")
    sns.get_topic_attributes(TopicArn=setup.topic_arn)
    calls += 3

    sm = client(srv, "secretsmanager", creds)
    assert sm.get_secret_value(SecretId=setup.secret_arn)["SecretString"] == "s3cr3t-value"
    sm.describe_secret(SecretId=setup.secret_arn)
    calls += 2

    kms = client(srv, "kms", creds)
    blob = kms.encrypt(KeyId=setup.key_arn, Plaintext=b"plain")["CiphertextBlob"]
    assert kms.decrypt(KeyId=setup.key_arn, CiphertextBlob=blob)["Plaintext"] == b"plain"
    kms.describe_key(KeyId=setup.key_arn)
    calls += 3

    sts = client(srv, "sts", creds)
    assert sts.get_caller_identity()["Account"] == ACCOUNT_ID
    calls += 1
    return calls


def denied(call) -> tuple[str, str, int]:
    with pytest.raises(ClientError) as e:
        call()
    return client_error(e)


def statements_by_action(policy: dict) -> dict[str, dict]:
    out = {}
    for statement in policy["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for action in actions:
            assert action not in out, f"{action} in two statements"
            out[action] = statement
    return out


def resources(statement: dict) -> list[str]:
    r = statement["Resource"]
    return r if isinstance(r, list) else [r]


def test_learn_then_generate_then_enforce(tmp_path, moto):
    srv = start(tmp_path / "kw", moto, "--enforce", "learn")
    try:
        setup = Setup(srv)
        user = make_user(srv, "learner")  # no permissions at all
        cli = AwsCli(srv, tmp_path / "home")

        # Learn mode: the whole workload succeeds, with moto's answers.
        assert workload(srv, setup, user.creds, cli, tmp_path) >= 30

        # IAM itself stays enforced in learn mode.
        bystander = make_user(srv, "bystander")
        with pytest.raises(ClientError) as e:
            client(srv, "iam", bystander.creds).list_users()
        assert client_error(e)[0] == "AccessDenied"

        # The audit log says what strict mode would have denied, and why.
        def learned():
            return [r for r in srv.audit_records()
                    if r["userIdentity"].get("arn") == user.arn
                    and r.get("additionalEventData", {}).get("keywardDecision") == "AllowedInLearnMode"]
        records = wait_for(lambda: len(learned()) >= 29 and learned(), what="learn-mode records")
        get = next(r for r in records if r["eventName"] == "GetObject")
        assert get["eventSource"] == "s3.amazonaws.com"
        assert "errorCode" not in get or get["errorCode"] is None
        data = get["additionalEventData"]
        assert data["enforcement"] == "learn"
        assert data["wouldBeDecision"] == "Deny"
        assert data["wouldBeDenials"] == [{
            "action": "s3:GetObject",
            "resource": f"arn:aws:s3:::{setup.bucket}/reports/2026/a.csv",
            "decision": "ImplicitDeny",
            "policyType": "identity-based policy",
            "deniedBy": "no statement allowed",
            "message": f"User: {user.arn} is not authorized to perform: s3:GetObject on resource: "
                       f'"arn:aws:s3:::{setup.bucket}/reports/2026/a.csv" because no '
                       "identity-based policy allows the s3:GetObject action",
        }]
        assert {r["eventSource"] for r in records} >= {
            "s3.amazonaws.com", "sqs.amazonaws.com", "dynamodb.amazonaws.com",
            "sns.amazonaws.com", "secretsmanager.amazonaws.com", "kms.amazonaws.com"}

        # The least-privilege policy.
        out = keyward("policy", "generate", "--principal", user.arn,
                      "--data-dir", str(srv.data_dir), "--output", "json")
        assert out.returncode == 0, out.stderr
        policy = json.loads(out.stdout)
        policy_file = tmp_path / "generated.json"
        policy_file.write_text(json.dumps(policy, indent=2))
        validated = keyward("policy", "validate", str(policy_file), "--output", "json")
        assert validated.returncode == 0, validated.stdout
        assert not [f for f in json.loads(validated.stdout) if f["severity"] == "ERROR"]
        assert policy["Version"] == "2012-10-17"
        by_action = statements_by_action(policy)
        b = setup.bucket
        queue_arn = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{setup.queue}"
        table_arn = f"arn:aws:dynamodb:{REGION}:{ACCOUNT_ID}:table/{setup.table}"
        # GetObject read a.csv, HeadObject (s3:GetObject too) b.csv: both under reports/2026/.
        assert resources(by_action["s3:GetObject"]) == [f"arn:aws:s3:::{b}/reports/2026/*"]
        assert resources(by_action["s3:PutObject"]) == [f"arn:aws:s3:::{b}/reports/*"]
        assert resources(by_action["s3:ListBucket"]) == [f"arn:aws:s3:::{b}"]
        assert resources(by_action["s3:ListAllMyBuckets"]) == ["*"]
        for action in ("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                       "sqs:GetQueueUrl", "sqs:GetQueueAttributes"):
            assert resources(by_action[action]) == [queue_arn], action
        for action in ("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query",
                       "dynamodb:UpdateItem", "dynamodb:DescribeTable"):
            assert resources(by_action[action]) == [table_arn], action
        assert resources(by_action["sns:Publish"]) == [setup.topic_arn]
        assert resources(by_action["secretsmanager:GetSecretValue"]) == [setup.secret_arn]
        for action in ("kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"):
            assert resources(by_action[action]) == [setup.key_arn], action
        assert "sts:GetCallerIdentity" not in by_action  # needs no permission
        # Nothing granted on every resource but the list actions that have none.
        assert {a for a, s in by_action.items() if "*" in resources(s)} <= {
            "s3:ListAllMyBuckets", "sns:ListTopics"}
        # The generated text is deterministic.
        again = keyward("policy", "generate", "--principal", user.arn,
                        "--audit", str(srv.data_dir / "audit.log"), "--output", "json")
        assert json.loads(again.stdout) == policy

        # Strict mode with the generated policy attached.
        iam = srv.iam()
        arn = iam.create_policy(PolicyName=f"generated-{rand_suffix()}",
                                PolicyDocument=json.dumps(policy))["Policy"]["Arn"]
        iam.attach_user_policy(UserName=user.name, PolicyArn=arn)
        srv.restart_with(["--upstream", f"*={moto},key=test:test"])
        assert workload(srv, setup, user.creds, cli, tmp_path) >= 30
        strict = [r for r in srv.audit_records()
                  if r["userIdentity"].get("arn") == user.arn
                  and r.get("additionalEventData", {}).get("enforcement") == "strict"]
        assert strict and all(r["additionalEventData"]["keywardDecision"] == "Allow" for r in strict)

        # Outside the workload: another bucket, another prefix, another action, another table.
        s3 = client(srv, "s3", user.creds)
        code, message, status = denied(
            lambda: s3.get_object(Bucket=setup.other_bucket, Key="reports/x.csv"))
        assert (code, status) == ("AccessDenied", 403)
        assert denied(lambda: s3.get_object(Bucket=b, Key="private/keep-out.txt"))[0] == "AccessDenied"
        assert denied(lambda: s3.get_object(Bucket=b, Key="reports/2025/c.csv"))[0] == "AccessDenied"
        assert denied(lambda: s3.delete_object(Bucket=b, Key="reports/2026/a.csv"))[0] == "AccessDenied"
        sqs = client(srv, "sqs", user.creds)
        code, message, _ = denied(lambda: sqs.purge_queue(QueueUrl=setup.queue_url))
        assert code == "AccessDeniedException"  # SQS's JSON protocol
        assert "sqs:PurgeQueue" in message
        code, message, _ = denied(lambda: client(srv, "dynamodb", user.creds).delete_table(
            TableName=setup.table))
        assert code == "AccessDeniedException"
        assert "dynamodb:DeleteTable" in message
        code, _, _ = denied(lambda: client(srv, "kms", user.creds).create_key())
        assert code == "AccessDeniedException"
        cli_denied = cli.run("s3", "ls", f"s3://{setup.other_bucket}", creds=user.creds)
        assert cli_denied.rc != 0 and "AccessDenied" in cli_denied.stderr
    finally:
        srv.kill()


def signed(srv, creds, service: str, target: str, body: bytes) -> requests.Response:
    request = AWSRequest(method="POST", url=srv.url + "/", data=body, headers={
        "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": target})
    SigV4Auth(Credentials(*creds), service, REGION).add_auth(request)
    return requests.post(srv.url + "/", data=body, headers=dict(request.headers), timeout=30)


def test_unmapped_operations_are_forwarded_in_learn_mode_and_refused_in_strict(tmp_path, moto):
    srv = start(tmp_path / "kw", moto, "--enforce", "learn")
    try:
        user = make_user(srv, "unmapped")
        learn = signed(srv, user.creds, "sqs", "AmazonSQS.NoSuchOperation", b"{}")
        # moto's own answer, not Keyward's.
        direct = signed(type("Moto", (), {"url": moto})(), ("test", "test"), "sqs",
                        "AmazonSQS.NoSuchOperation", b"{}")
        assert learn.status_code == direct.status_code
        record = wait_for(lambda: [r for r in srv.audit_records()
                                   if r["userIdentity"].get("arn") == user.arn], what="the record")[-1]
        data = record["additionalEventData"]
        assert data["keywardDecision"] == "UnmappedInLearnMode"
        assert data["wouldBeDecision"] == "Deny"
        assert "NoSuchOperation" in data["unmapped"]
        assert data["upstream"] == moto

        srv.restart_with(["--upstream", f"*={moto},key=test:test"])
        strict = signed(srv, user.creds, "sqs", "AmazonSQS.NoSuchOperation", b"{}")
        assert strict.status_code == 400
        assert strict.json()["__type"] == "UnknownOperationException"
    finally:
        srv.kill()


def test_learn_mode_names_the_deny_statement_that_would_have_to_change(tmp_path, moto):
    srv = start(tmp_path / "kw", moto, "--enforce", "learn")
    try:
        bucket = f"deny-{rand_suffix()}"
        client(srv, "s3", srv.root).create_bucket(Bucket=bucket)
        user = make_user(srv, "denied")
        srv.iam().put_user_policy(UserName=user.name, PolicyName="p", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                {"Sid": "NoPuts", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"},
            ]}))
        client(srv, "s3", user.creds).put_object(Bucket=bucket, Key="k", Body=b"x")
        record = wait_for(lambda: [r for r in srv.audit_records()
                                   if r["userIdentity"].get("arn") == user.arn
                                   and r["eventName"] == "PutObject"], what="the record")[-1]
        [denial] = record["additionalEventData"]["wouldBeDenials"]
        assert denial["decision"] == "ExplicitDeny"
        assert denial["policyType"] == "identity-based policy"
        assert denial["deniedBy"] == [{"policyType": "identity-based policy", "policy": "p",
                                       "sid": "NoPuts", "statementIndex": 1, "effect": "Deny"}]
    finally:
        srv.kill()


# ---------------------------------------------------------------------------
# ListBuckets (`aws s3 ls`) and the body limit, in strict mode
# ---------------------------------------------------------------------------
def test_cli_s3_ls_is_list_buckets(tmp_path, moto):
    srv = start(tmp_path / "kw", moto)
    try:
        bucket = f"ls-{rand_suffix()}"
        client(srv, "s3", srv.root).create_bucket(Bucket=bucket)
        cli = AwsCli(srv, tmp_path / "home")
        allowed = make_user(srv, "lister")
        srv.iam().put_user_policy(UserName=allowed.name, PolicyName="p", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}))
        assert bucket in cli.run("s3", "ls", creds=allowed.creds).ok().stdout
        other = make_user(srv, "nolist")
        refused = cli.run("s3", "ls", creds=other.creds)
        assert refused.rc != 0
        assert "AccessDenied" in refused.stderr
        assert (f"User: {other.arn} is not authorized to perform: s3:ListAllMyBuckets because no "
                "identity-based policy allows the s3:ListAllMyBuckets action") in refused.stderr
        record = wait_for(lambda: [r for r in srv.audit_records()
                                   if r["eventName"] == "ListBuckets"
                                   and r["userIdentity"].get("arn") == other.arn], what="record")
        assert record[-1]["errorCode"] == "AccessDenied"
    finally:
        srv.kill()


def test_bodies_decoded_whole_obey_max_body_bytes_and_objects_stream(tmp_path, moto):
    srv = start(tmp_path / "kw", moto, "--max-body-bytes", "2048")
    try:
        bucket = f"limit-{rand_suffix()}"
        s3 = client(srv, "s3", srv.root)
        s3.create_bucket(Bucket=bucket)
        # An object larger than the limit streams through.
        s3.put_object(Bucket=bucket, Key="big", Body=b"x" * 100_000)
        assert len(s3.get_object(Bucket=bucket, Key="big")["Body"].read()) == 100_000
        # A bucket policy (decoded whole) larger than the limit: S3's error.
        big_policy = {"Version": "2012-10-17", "Statement": [
            {"Sid": f"S{i}", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"},
             "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/p{i}/*"} for i in range(40)]}
        code, message, status = denied(
            lambda: s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(big_policy)))
        assert (code, status) == ("MaxMessageLengthExceeded", 400)
        assert message.startswith("Your request was too big.")
        # A JSON service: 413 RequestEntityTooLarge.
        ddb = client(srv, "dynamodb", srv.root)
        code, message, status = denied(lambda: ddb.put_item(
            TableName="t", Item={"pk": {"S": "k"}, "v": {"S": "y" * 4096}}))
        assert (code, status) == ("RequestEntityTooLarge", 413)
        assert "2048" in message
    finally:
        srv.kill()


def test_generate_for_a_role_counts_its_sessions_and_since_filters(tmp_path, moto):
    srv = start(tmp_path / "kw", moto, "--enforce", "learn")
    try:
        iam = srv.iam()
        role = iam.create_role(RoleName=f"learner-{rand_suffix()}", AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}}]}))["Role"]
        user = make_user(srv, "assumer")
        iam.put_user_policy(UserName=user.name, PolicyName="assume", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": role["Arn"]}]}))
        creds = client(srv, "sts", user.creds).assume_role(
            RoleArn=role["Arn"], RoleSessionName="s1")["Credentials"]
        session = boto3.session.Session(
            aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds["SessionToken"], region_name=REGION)
        queue = f"role-q-{rand_suffix()}"
        session.client("sqs", endpoint_url=srv.url).create_queue(QueueName=queue)
        wait_for(lambda: [r for r in srv.audit_records() if r["eventName"] == "CreateQueue"],
                 what="the session's record")

        out = keyward("policy", "generate", "--principal", role["Arn"],
                      "--data-dir", str(srv.data_dir), "--output", "json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["Statement"] == [{
            "Sid": "Sqs1", "Effect": "Allow", "Action": "sqs:CreateQueue",
            "Resource": f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{queue}"}]
        # The user's own records: its AssumeRole.
        out = keyward("policy", "generate", "--principal", user.arn,
                      "--data-dir", str(srv.data_dir), "--output", "json")
        assert json.loads(out.stdout)["Statement"] == [{
            "Sid": "Sts1", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": role["Arn"]}]
        # Nothing since tomorrow.
        later = keyward("policy", "generate", "--principal", role["Arn"], "--since", "2999-01-01",
                        "--data-dir", str(srv.data_dir))
        assert later.returncode == 1
        assert "holds no authorization decision" in later.stderr
    finally:
        srv.kill()

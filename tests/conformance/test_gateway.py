"""The authorization gateway (issue 17): IAM enforced on S3, DynamoDB, SQS, Bedrock and Braket
requests in front of moto_server, with the aws CLI and boto3.

AWS behaviours relied on, from AWS's documentation:
- S3 refusals: 403 `AccessDenied`, "User: ARN is not authorized to perform: s3:GetObject on
  resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action"
  (docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html; S3 quotes the ARN).
- JSON services: `AccessDeniedException` (DynamoDB with 400, REST-JSON services with 403).
- Presigned URLs: `AccessDenied` "Request has expired" after X-Amz-Date + X-Amz-Expires
  (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).
- Same-account bucket policies: the identity policy OR the bucket policy may allow
  (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
- Chunked uploads: docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html.
"""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import boto3
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from conftest import (
    ACCOUNT_ID,
    AwsCli,
    KeywardServerWithArgs,
    client_error,
    free_port,
    make_user,
    rand_suffix,
    wait_for,
)

GUIDE_BUCKET = "your-braket-results-bucket"


def braket_policy(bucket: str) -> dict:
    """The Braket guide's "Required AWS Permissions", verbatim but for the bucket name."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": [
                    "braket:GetDevice",
                    "braket:GetQuantumTask",
                    "braket:SearchDevices",
                    "braket:CreateQuantumTask",
                    "braket:CancelQuantumTask",
                    "braket:GetDeviceAvailability",
                ],
                "Resource": "*",
            },
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],
                "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
            },
            {
                "Effect": "Allow",
                "Action": ["pricing:GetProducts", "pricing:DescribeServices"],
                "Resource": "*",
            },
        ],
    }


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


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


class Recorder:
    """A tiny upstream that counts the requests it received whole."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, int]] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                if len(body) == length:
                    recorder.requests.append((self.command, self.path, length))
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _any

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def start_gateway(workdir: Path, upstreams: list[str]) -> KeywardServerWithArgs:
    args: list[str] = []
    for upstream in upstreams:
        args += ["--upstream", upstream]
    return KeywardServerWithArgs(workdir, extra_args=args).start()  # type: ignore[return-value]


@pytest.fixture(scope="module")
def gw(tmp_path_factory, moto):
    """S3, DynamoDB, SQS and Bedrock go to moto (re-signed); Braket has no upstream."""
    srv = start_gateway(
        tmp_path_factory.mktemp("gw"),
        [f"{service}={moto},key=test:test" for service in ("s3", "dynamodb", "sqs", "bedrock")],
    )
    try:
        yield srv
    finally:
        srv.terminate()
        srv.kill()


@pytest.fixture(scope="module")
def recorder():
    rec = Recorder()
    try:
        yield rec
    finally:
        rec.close()


@pytest.fixture(scope="module")
def gw_recorded(tmp_path_factory, recorder):
    """Every service goes to the recording upstream, unsigned."""
    srv = start_gateway(tmp_path_factory.mktemp("gwrec"), [f"*={recorder.url}"])
    try:
        yield srv
    finally:
        srv.terminate()
        srv.kill()


def client(srv, service: str, creds, region: str = "us-east-1", **config):
    return boto3.session.Session().client(
        service,
        endpoint_url=srv.url,
        region_name=region,
        aws_access_key_id=creds[0],
        aws_secret_access_key=creds[1],
        config=Config(retries={"total_max_attempts": 1}, read_timeout=120, **config),
    )


def user_with_policy(srv, policy: dict | None, prefix: str = "gw"):
    user = make_user(srv, prefix)
    if policy is not None:
        srv.iam().put_user_policy(
            UserName=user.name, PolicyName="p", PolicyDocument=json.dumps(policy)
        )
    return user


def records_of(srv, event_name: str) -> list[dict]:
    return [r for r in srv.audit_records() if r.get("eventName") == event_name]


# ---------------------------------------------------------------------------
# S3
# ---------------------------------------------------------------------------
def test_braket_guide_s3_statement_allows_its_bucket_and_denies_another(gw):
    bucket, other = f"braket-results-{rand_suffix()}", f"other-{rand_suffix()}"
    root_s3 = client(gw, "s3", gw.root)
    root_s3.create_bucket(Bucket=bucket)
    root_s3.create_bucket(Bucket=other)
    user = user_with_policy(gw, braket_policy(bucket))
    s3 = client(gw, "s3", user.creds)

    s3.put_object(Bucket=bucket, Key="tasks/result.json", Body=b'{"counts": {"00": 512}}')
    got = s3.get_object(Bucket=bucket, Key="tasks/result.json")["Body"].read()
    assert got == b'{"counts": {"00": 512}}'
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="tasks/")
    assert [o["Key"] for o in listed["Contents"]] == ["tasks/result.json"]
    s3.delete_object(Bucket=bucket, Key="tasks/result.json")

    root_s3.put_object(Bucket=other, Key="secret.txt", Body=b"no")
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=other, Key="secret.txt")
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDenied", 403)
    assert message == (
        f"User: {user.arn} is not authorized to perform: s3:GetObject on resource: "
        f'"arn:aws:s3:::{other}/secret.txt" because no identity-based policy allows the '
        "s3:GetObject action"
    )
    with pytest.raises(ClientError) as e:
        s3.list_objects_v2(Bucket=other)
    assert client_error(e)[0] == "AccessDenied"
    assert "s3:ListBucket" in client_error(e)[1]
    with pytest.raises(ClientError) as e:
        s3.create_bucket(Bucket=f"new-{rand_suffix()}")
    assert client_error(e)[0] == "AccessDenied"

    # The audit log: S3's event source, data events for objects, the decision.
    put = wait_for(lambda: [r for r in records_of(gw, "PutObject")
                            if r["userIdentity"].get("arn") == user.arn], what="PutObject's record")
    assert put[-1]["eventSource"] == "s3.amazonaws.com"
    assert put[-1]["eventCategory"] == "Data"
    assert put[-1]["readOnly"] is False
    assert put[-1]["resources"][0]["ARN"] == f"arn:aws:s3:::{bucket}/tasks/result.json"
    assert put[-1]["additionalEventData"]["keywardDecision"] == "Allow"
    assert "Body" not in json.dumps(put[-1]["requestParameters"])
    denied = wait_for(lambda: [r for r in records_of(gw, "GetObject")
                               if r.get("errorCode") == "AccessDenied"], what="the refusal's record")
    assert denied[-1]["additionalEventData"]["keywardDecision"] == "Deny"
    assert denied[-1]["readOnly"] is True


def test_braket_guide_with_the_cli(gw, tmp_path):
    bucket = GUIDE_BUCKET + "-" + rand_suffix()
    client(gw, "s3", gw.root).create_bucket(Bucket=bucket)
    user = user_with_policy(gw, braket_policy(bucket))
    cli = AwsCli(gw, tmp_path / "home")
    src = tmp_path / "counts.json"
    src.write_text('{"counts": {"11": 1}}')
    cli.run("s3", "cp", str(src), f"s3://{bucket}/results/counts.json", creds=user.creds).ok()
    listed = cli.run("s3", "ls", f"s3://{bucket}/results/", creds=user.creds).ok()
    assert "counts.json" in listed.stdout
    denied = cli.run("s3", "ls", "s3://some-other-bucket", creds=user.creds)
    assert denied.rc != 0
    assert "AccessDenied" in denied.stderr
    assert "s3:ListBucket" in denied.stderr


def peak_rss_kib(srv) -> int:
    """The server process's peak resident set (Linux `VmHWM`), in KiB."""
    status = Path(f"/proc/{srv.proc.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])


def test_cli_copies_100_mib_up_and_back_identically(gw, tmp_path):
    """Multipart with the CLI's default 8 MiB parts, each signed with its payload hash, both ways
    through the gateway in a stream."""
    bucket = f"big-{rand_suffix()}"
    client(gw, "s3", gw.root).create_bucket(Bucket=bucket)
    user = user_with_policy(gw, braket_policy(bucket))
    cli = AwsCli(gw, tmp_path / "home")
    src = tmp_path / "big.bin"
    chunk = os.urandom(1024 * 1024)
    with open(src, "wb") as f:
        for i in range(100):
            f.write(bytes([i]) + chunk[1:])
    peak_before = peak_rss_kib(gw)
    cli.run("s3", "cp", str(src), f"s3://{bucket}/big.bin", creds=user.creds, timeout=300).ok()
    back = tmp_path / "back.bin"
    cli.run("s3", "cp", f"s3://{bucket}/big.bin", str(back), creds=user.creds, timeout=300).ok()
    # Streamed, not buffered: the gateway's peak memory grows by far less than the file.
    assert peak_rss_kib(gw) - peak_before < 48 * 1024
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert back.stat().st_size == 100 * 1024 * 1024
    assert digest(back) == digest(src)
    wait_for(lambda: records_of(gw, "UploadPart"), what="the parts' records")


def test_presigned_get_urls_valid_expired_and_tampered(gw):
    bucket = f"presign-{rand_suffix()}"
    root_s3 = client(gw, "s3", gw.root)
    root_s3.create_bucket(Bucket=bucket)
    root_s3.put_object(Bucket=bucket, Key="k.txt", Body=b"presigned body")
    user = user_with_policy(gw, braket_policy(bucket))
    s3 = client(gw, "s3", user.creds, signature_version="s3v4")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k.txt"}, ExpiresIn=60)
    assert "X-Amz-Signature=" in url
    ok = requests.get(url, timeout=10)
    assert ok.status_code == 200, ok.text
    assert ok.content == b"presigned body"

    tampered = url.replace("k.txt", "other.txt")
    bad = requests.get(tampered, timeout=10)
    assert bad.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in bad.text

    short = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k.txt"}, ExpiresIn=1)
    time.sleep(2.2)
    expired = requests.get(short, timeout=10)
    assert expired.status_code == 403
    assert "<Code>AccessDenied</Code><Message>Request has expired</Message>" in expired.text

    # A URL for a key outside the policy is refused like a header-signed call.
    other = s3.generate_presigned_url("get_object", Params={"Bucket": "elsewhere", "Key": "k"}, ExpiresIn=60)
    refused = requests.get(other, timeout=10)
    assert refused.status_code == 403
    assert "is not authorized to perform: s3:GetObject" in refused.text


def test_bucket_policy_grants_a_second_user(gw):
    bucket = f"shared-{rand_suffix()}"
    root_s3 = client(gw, "s3", gw.root)
    root_s3.create_bucket(Bucket=bucket)
    root_s3.put_object(Bucket=bucket, Key="report.csv", Body=b"a,b\n1,2\n")
    reader = user_with_policy(gw, None, "reader")
    s3 = client(gw, "s3", reader.creds)
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="report.csv")
    assert client_error(e)[0] == "AccessDenied"

    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReaderMayRead",
                "Effect": "Allow",
                "Principal": {"AWS": reader.arn},
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }
    root_s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    assert json.loads(root_s3.get_bucket_policy(Bucket=bucket)["Policy"]) == policy
    assert s3.get_object(Bucket=bucket, Key="report.csv")["Body"].read() == b"a,b\n1,2\n"
    allowed = wait_for(lambda: [
        r for r in records_of(gw, "GetObject")
        if r["userIdentity"].get("arn") == reader.arn and not r.get("errorCode")
    ], what="the allowed GetObject's audit record")
    statements = allowed[-1]["additionalEventData"]["authorizations"][0]["matchedStatements"]
    assert {"policyType": "resource-based policy", "policy": bucket, "sid": "ReaderMayRead",
            "statementIndex": 0, "effect": "Allow"} in statements
    # Not ListBucket, which the policy does not grant.
    with pytest.raises(ClientError) as e:
        s3.list_objects_v2(Bucket=bucket)
    assert client_error(e)[0] == "AccessDenied"

    # An explicit deny in the bucket policy wins over the root user's own allow... for others.
    deny = dict(policy)
    deny["Statement"] = policy["Statement"] + [{
        "Effect": "Deny", "Principal": {"AWS": reader.arn}, "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/report.csv",
    }]
    root_s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(deny))
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="report.csv")
    assert "with an explicit deny in a resource-based policy" in client_error(e)[1]

    with pytest.raises(ClientError) as e:
        root_s3.put_bucket_policy(Bucket=bucket, Policy='{"Version": "2012-10-17", "Statement": 5}')
    assert client_error(e)[0] == "MalformedPolicy"

    root_s3.delete_bucket_policy(Bucket=bucket)
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="report.csv")
    assert client_error(e)[0] == "AccessDenied"


# ---------------------------------------------------------------------------
# DynamoDB and SQS
# ---------------------------------------------------------------------------
def test_dynamodb_allowed_and_denied_by_leading_keys(gw):
    table = f"orders-{rand_suffix()}"
    root_ddb = client(gw, "dynamodb", gw.root)
    root_ddb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for pk in ("alice", "bob"):
        root_ddb.put_item(TableName=table, Item={"pk": {"S": pk}, "n": {"N": "1"}})
    arn = f"arn:aws:dynamodb:us-east-1:{ACCOUNT_ID}:table/{table}"
    user = user_with_policy(gw, {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem"],
            "Resource": arn,
            "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["alice"]}},
        }],
    })
    ddb = client(gw, "dynamodb", user.creds)
    item = ddb.get_item(TableName=table, Key={"pk": {"S": "alice"}})["Item"]
    assert item["pk"] == {"S": "alice"}
    with pytest.raises(ClientError) as e:
        ddb.get_item(TableName=table, Key={"pk": {"S": "bob"}})
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDeniedException", 400)
    assert message == (
        f"User: {user.arn} is not authorized to perform: dynamodb:GetItem on resource: {arn} "
        "because no identity-based policy allows the dynamodb:GetItem action"
    )
    with pytest.raises(ClientError) as e:
        ddb.delete_item(TableName=table, Key={"pk": {"S": "alice"}})
    assert client_error(e)[0] == "AccessDeniedException"
    get = wait_for(lambda: [r for r in records_of(gw, "GetItem")
                            if r["userIdentity"].get("arn") == user.arn], what="GetItem's record")
    assert get[-1]["eventSource"] == "dynamodb.amazonaws.com"
    assert get[-1]["eventCategory"] == "Data"


def test_sqs_allowed_in_one_region_and_denied_in_another(gw):
    name = f"jobs-{rand_suffix()}"
    user = user_with_policy(gw, {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["sqs:CreateQueue", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:GetQueueUrl"],
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}},
        }],
    })
    sqs = client(gw, "sqs", user.creds)
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="hello")
    assert sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"] == "hello"
    elsewhere = client(gw, "sqs", user.creds, region="eu-west-1")
    with pytest.raises(ClientError) as e:
        elsewhere.create_queue(QueueName=name)
    code, message, _ = client_error(e)
    assert code in ("AccessDeniedException", "AccessDenied")
    assert "is not authorized to perform: sqs:CreateQueue" in message


# ---------------------------------------------------------------------------
# Bedrock and Braket
# ---------------------------------------------------------------------------
GUIDE_MODEL = "anthropic.claude-3-haiku-20240307-v1:0"


def bedrock_model_policy() -> dict:
    """The Bedrock guide's model-specific policy, plus ListFoundationModels in us-east-1."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                "Resource": [
                    f"arn:aws:bedrock:us-east-1::foundation-model/{GUIDE_MODEL}",
                    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0",
                ],
            },
            {
                "Effect": "Allow",
                "Action": "bedrock:ListFoundationModels",
                "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}},
            },
        ],
    }


def test_bedrock_list_foundation_models_only_in_the_guides_region(gw):
    user = user_with_policy(gw, bedrock_model_policy())
    bedrock = client(gw, "bedrock", user.creds)
    try:
        bedrock.list_foundation_models()
    except ClientError as e:
        # Allowed by Keyward: whatever moto answers, it is not Keyward's refusal.
        assert client_error(e)[0] != "AccessDeniedException", e
    elsewhere = client(gw, "bedrock", user.creds, region="eu-west-1")
    with pytest.raises(ClientError) as e:
        elsewhere.list_foundation_models()
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDeniedException", 403)
    assert "is not authorized to perform: bedrock:ListFoundationModels" in message


def test_bedrock_runtime_invoke_model_only_for_the_guides_model(gw):
    user = user_with_policy(gw, bedrock_model_policy())
    runtime = client(gw, "bedrock-runtime", user.creds)
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 10,
                       "messages": [{"role": "user", "content": "hi"}]})
    try:
        runtime.invoke_model(modelId=GUIDE_MODEL, body=body)
        allowed = True
    except ClientError as e:
        code, message, _ = client_error(e)
        assert code != "AccessDeniedException", message
        allowed = True
    assert allowed
    with pytest.raises(ClientError) as e:
        runtime.invoke_model(modelId="anthropic.claude-3-opus-20240229-v1:0", body=body)
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDeniedException", 403)
    assert message == (
        f"User: {user.arn} is not authorized to perform: bedrock:InvokeModel on resource: "
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0 "
        "because no identity-based policy allows the bedrock:InvokeModel action"
    )
    with pytest.raises(ClientError) as e:
        client(gw, "bedrock-runtime", user.creds, region="eu-west-1").invoke_model(
            modelId=GUIDE_MODEL, body=body)
    assert client_error(e)[0] == "AccessDeniedException"
    invoked = wait_for(lambda: records_of(gw, "InvokeModel"), what="InvokeModel's records")
    assert invoked and all(r["eventCategory"] == "Data" for r in invoked)
    assert all("hi" not in json.dumps(r.get("requestParameters")) for r in invoked)


def test_braket_search_devices_denied_without_the_policy_and_no_upstream_with_it(gw, tmp_path):
    cli = AwsCli(gw, tmp_path / "home")
    without = user_with_policy(gw, None, "nobraket")
    denied = cli.run("braket", "search-devices", "--filters", "[]", creds=without.creds)
    assert denied.rc != 0
    assert "AccessDeniedException" in denied.stderr
    assert f"User: {without.arn} is not authorized to perform: braket:SearchDevices" in denied.stderr

    with_policy = user_with_policy(gw, braket_policy(GUIDE_BUCKET), "braket")
    allowed = cli.run("braket", "search-devices", "--filters", "[]", creds=with_policy.creds)
    assert allowed.rc != 0
    assert "(NotImplemented)" in allowed.stderr
    assert "Keyward allowed this request (braket:SearchDevices)" in allowed.stderr
    assert 'identity-based policy "p", statement #1' in allowed.stderr
    assert "no upstream is configured for service braket" in allowed.stderr


# ---------------------------------------------------------------------------
# Malformed requests reach no upstream
# ---------------------------------------------------------------------------
def sign(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def chunked_put(srv, creds, bucket: str, key: str, data: bytes, chunk: int, tamper=None,
                truncate: int = 0) -> requests.Response:
    """A PUT with STREAMING-AWS4-HMAC-SHA256-PAYLOAD, signed by hand as the sigv4-streaming page
    describes; `tamper(body)` may change the encoded body after signing."""
    ak, sk = creds
    now = time.gmtime()
    amz_date = time.strftime("%Y%m%dT%H%M%SZ", now)
    day = amz_date[:8]
    scope = f"{day}/us-east-1/s3/aws4_request"
    host = f"127.0.0.1:{srv.port}"
    pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)] + [b""]
    encoded_len = sum(len(f"{len(p):x};chunk-signature=".encode()) + 64 + 2 + len(p) + 2 for p in pieces)
    headers = {
        "content-encoding": "aws-chunked",
        # A truncated body is signed as what it is: its framing is complete, its chunks not.
        "content-length": str(encoded_len - truncate),
        "host": host,
        "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "x-amz-date": amz_date,
        "x-amz-decoded-content-length": str(len(data)),
    }
    signed = sorted(headers)
    canonical = "\n".join([
        "PUT", f"/{bucket}/{key}", "",
        "".join(f"{h}:{headers[h]}\n" for h in signed), ";".join(signed),
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
    ])
    kdate = sign(("AWS4" + sk).encode(), day)
    kkey = sign(sign(sign(kdate, "us-east-1"), "s3"), "aws4_request")
    sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    seed = hmac.new(kkey, sts.encode(), hashlib.sha256).hexdigest()
    previous, body = seed, b""
    empty = hashlib.sha256(b"").hexdigest()
    for piece in pieces:
        s = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", amz_date, scope, previous, empty,
                       hashlib.sha256(piece).hexdigest()])
        signature = hmac.new(kkey, s.encode(), hashlib.sha256).hexdigest()
        body += f"{len(piece):x};chunk-signature={signature}\r\n".encode() + piece + b"\r\n"
        previous = signature
    if tamper:
        body = tamper(body)
    if truncate:
        body = body[:-truncate]
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={ak}/{scope}, SignedHeaders={';'.join(signed)}, Signature={seed}"
    )
    assert headers["content-length"] == str(len(body))
    return requests.put(f"{srv.url}/{bucket}/{key}", data=body, headers=headers, timeout=30)


def signed(srv, method: str, url: str, service: str, body: bytes = b"", headers=None):
    """A request signed by botocore's SigV4 signer, sent as is."""
    req = AWSRequest(method=method, url=url, data=body, headers=headers or {})
    SigV4Auth(Credentials(*srv.root), service, "us-east-1").add_auth(req)
    return requests.request(method, url, data=body, headers=dict(req.headers), timeout=10)


def test_virtual_hosted_bucket_addressing(gw):
    bucket = f"vhost-{rand_suffix()}"
    client(gw, "s3", gw.root).create_bucket(Bucket=bucket)
    client(gw, "s3", gw.root).put_object(Bucket=bucket, Key="a/b.txt", Body=b"virtual")
    for host in (f"{bucket}.localhost:{gw.port}", f"{bucket}.s3.amazonaws.com"):
        r = signed(gw, "GET", f"{gw.url}/a/b.txt", "s3",
                   headers={"host": host, "x-amz-content-sha256": hashlib.sha256(b"").hexdigest()})
        assert r.status_code == 200, r.text
        assert r.content == b"virtual"
    user = user_with_policy(gw, braket_policy("some-other-bucket"))
    req = AWSRequest(method="GET", url=f"{gw.url}/a/b.txt",
                     headers={"host": f"{bucket}.localhost:{gw.port}",
                              "x-amz-content-sha256": hashlib.sha256(b"").hexdigest()})
    SigV4Auth(Credentials(*user.creds), "s3", "us-east-1").add_auth(req)
    denied = requests.get(req.url, headers=dict(req.headers), timeout=10)
    assert denied.status_code == 403
    assert f'on resource: "arn:aws:s3:::{bucket}/a/b.txt"' in denied.text


def test_signed_chunked_upload_reaches_moto_decoded(gw):
    bucket = f"chunked-{rand_suffix()}"
    client(gw, "s3", gw.root).create_bucket(Bucket=bucket)
    data = os.urandom(200_000)
    r = chunked_put(gw, gw.root, bucket, "obj", data, 65_536)
    assert r.status_code == 200, r.text
    assert client(gw, "s3", gw.root).get_object(Bucket=bucket, Key="obj")["Body"].read() == data


def test_malformed_requests_reach_no_upstream(gw_recorded, recorder):
    srv = gw_recorded
    data = os.urandom(100_000)
    before = len(recorder.requests)

    def flip_first_chunk(body: bytes) -> bytes:
        at = body.index(b"\r\n") + 10
        return body[:at] + bytes([body[at] ^ 1]) + body[at + 1:]

    bad_chunk = chunked_put(srv, srv.root, "b", "k1", data, 65_536, tamper=flip_first_chunk)
    assert bad_chunk.status_code == 403
    assert "<Code>SignatureDoesNotMatch</Code>" in bad_chunk.text

    truncated = chunked_put(srv, srv.root, "b", "k2", data, 65_536, truncate=50)
    assert truncated.status_code == 400, truncated.text
    assert "<Code>IncompleteBody</Code>" in truncated.text

    not_json = signed(srv, "POST", srv.url + "/", "dynamodb", b"{not json",
                      {"x-amz-target": "DynamoDB_20120810.GetItem",
                       "content-type": "application/x-amz-json-1.0"})
    assert not_json.status_code == 400
    assert not_json.json()["__type"] == "ValidationException"
    no_such = signed(srv, "POST", srv.url + "/", "dynamodb", b"{}",
                     {"x-amz-target": "DynamoDB_20120810.Frobnicate",
                      "content-type": "application/x-amz-json-1.0"})
    assert no_such.status_code == 400
    assert no_such.json()["__type"] == "UnknownOperationException"

    # Nothing above reached the upstream whole; an allowed, well-formed call does.
    assert recorder.requests[before:] == []
    ok = chunked_put(srv, srv.root, "b", "k3", data, 65_536)
    assert ok.status_code == 200, ok.text
    assert recorder.requests[before:] == [("PUT", "/b/k3", len(data))]


# ---------------------------------------------------------------------------
# EC2's encoded refusals and secrets
# ---------------------------------------------------------------------------
def test_ec2_unauthorized_operation_carries_a_decodable_message(gw):
    """EC2 refuses with `UnauthorizedOperation` and an encoded authorization failure message
    that `sts:DecodeAuthorizationMessage` opens
    (docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html)."""
    user = user_with_policy(gw, None, "ec2")
    ec2 = client(gw, "ec2", user.creds)
    with pytest.raises(ClientError) as e:
        ec2.describe_instances()
    code, message, status = client_error(e)
    assert (code, status) == ("UnauthorizedOperation", 403)
    assert message.startswith(
        f"You are not authorized to perform this operation. User: {user.arn} is not authorized "
        "to perform: ec2:DescribeInstances"
    )
    encoded = message.split("Encoded authorization failure message: ")[1]
    decoded = json.loads(
        client(gw, "sts", gw.root).decode_authorization_message(EncodedMessage=encoded)["DecodedMessage"]
    )
    assert decoded["allowed"] is False
    assert decoded["context"]["action"] == "ec2:DescribeInstances"


def test_secrets_stay_out_of_the_audit_log_and_logs(gw):
    user = user_with_policy(gw, braket_policy(GUIDE_BUCKET), "secret")
    s3 = client(gw, "s3", user.creds)
    with pytest.raises(ClientError):
        s3.get_object(Bucket="elsewhere", Key="k")
    wait_for(lambda: any(r["userIdentity"].get("arn") == user.arn for r in gw.audit_records()),
             what="the user's records")
    audit = (gw.data_dir / "audit.log").read_text()
    assert user.creds[1] not in audit
    assert user.creds[1] not in gw.stderr() + gw.stdout()
    assert "key=test:test" not in gw.stderr() + gw.stdout()

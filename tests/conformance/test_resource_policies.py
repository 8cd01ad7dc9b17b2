"""Resource policies the authorization gateway holds (issue 17), with moto_server upstream and
boto3: SQS queue policies (set with `SetQueueAttributes` or `CreateQueue`'s `Policy` attribute,
removed with an empty `Policy` or `DeleteQueue`) and KMS key policies (`CreateKey`'s `Policy`,
`PutKeyPolicy`), validated before the upstream sees them and read back from the upstream, which
got them too.

AWS behaviours relied on (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-using-identity-based-policies.html):
within one account the identity's policies OR the queue policy may allow; an explicit deny in
either refuses. SQS refuses an unusable policy with `InvalidAttributeValue` ("Invalid value for
the parameter Policy."); KMS with `MalformedPolicyDocumentException`.
"""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix
from test_learn import REGION, client, moto, start  # noqa: F401  (moto is a fixture)


def queue_policy(queue_arn: str, principal_arn: str, effect: str, actions: list[str]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "ForTheUser", "Effect": effect, "Principal": {"AWS": principal_arn},
        "Action": actions, "Resource": queue_arn}]})


def test_queue_policy_grants_and_denies_in_the_same_account(tmp_path, moto):  # noqa: F811
    srv = start(tmp_path / "kw", moto)
    try:
        name = f"qp-{rand_suffix()}"
        root_sqs = client(srv, "sqs", srv.root)
        url = root_sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{name}"
        user = make_user(srv, "qp")
        sqs = client(srv, "sqs", user.creds)

        # No identity policy, no queue policy: denied.
        with pytest.raises(ClientError) as e:
            sqs.send_message(QueueUrl=url, MessageBody="x")
        code, message, _ = client_error(e)
        assert code == "AccessDeniedException"
        assert "because no identity-based policy allows the sqs:SendMessage action" in message

        # The queue policy alone allows SendMessage (same account), nothing else.
        root_sqs.set_queue_attributes(QueueUrl=url, Attributes={
            "Policy": queue_policy(arn, user.arn, "Allow", ["sqs:SendMessage"])})
        sqs.send_message(QueueUrl=url, MessageBody="x")
        with pytest.raises(ClientError) as e:
            sqs.receive_message(QueueUrl=url)
        assert client_error(e)[0] == "AccessDeniedException"
        # The upstream has the policy too.
        got = root_sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
        assert json.loads(got["Attributes"]["Policy"])["Statement"][0]["Sid"] == "ForTheUser"

        # A Deny in the queue policy beats the identity policy's Allow.
        srv.iam().put_user_policy(UserName=user.name, PolicyName="all-sqs", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}))
        sqs.receive_message(QueueUrl=url)
        root_sqs.set_queue_attributes(QueueUrl=url, Attributes={
            "Policy": queue_policy(arn, user.arn, "Deny", ["sqs:ReceiveMessage"])})
        with pytest.raises(ClientError) as e:
            sqs.receive_message(QueueUrl=url)
        code, message, _ = client_error(e)
        assert code == "AccessDeniedException"
        assert "with an explicit deny in a resource-based policy" in message
        sqs.send_message(QueueUrl=url, MessageBody="y")

        # An empty Policy attribute removes it.
        root_sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": ""})
        sqs.receive_message(QueueUrl=url)
    finally:
        srv.kill()


def test_create_queue_with_a_policy_and_malformed_policies(tmp_path, moto):  # noqa: F811
    srv = start(tmp_path / "kw", moto)
    try:
        name = f"qp-{rand_suffix()}"
        arn = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{name}"
        user = make_user(srv, "qpc")
        root_sqs = client(srv, "sqs", srv.root)
        url = root_sqs.create_queue(QueueName=name, Attributes={
            "Policy": queue_policy(arn, user.arn, "Allow", ["sqs:SendMessage", "sqs:ReceiveMessage"])
        })["QueueUrl"]
        sqs = client(srv, "sqs", user.creds)
        sqs.send_message(QueueUrl=url, MessageBody="x")
        sqs.receive_message(QueueUrl=url)

        # A policy IAM would not accept never reaches SQS, and the stored one stays.
        with pytest.raises(ClientError) as e:
            root_sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": '{"Statement": []}'})
        code, message, status = client_error(e)
        assert (code, status) == ("InvalidAttributeValue", 400)
        assert message.startswith("Invalid value for the parameter Policy.")
        got = root_sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
        assert "ForTheUser" in got["Attributes"]["Policy"]
        sqs.send_message(QueueUrl=url, MessageBody="still allowed")

        # DeleteQueue forgets the policy: a queue of the same name starts without one.
        root_sqs.delete_queue(QueueUrl=url)
        url = root_sqs.create_queue(QueueName=name)["QueueUrl"]
        with pytest.raises(ClientError) as e:
            sqs.send_message(QueueUrl=url, MessageBody="x")
        assert client_error(e)[0] == "AccessDeniedException"
    finally:
        srv.kill()


# ---------------------------------------------------------------------------
# KMS key policies
# ---------------------------------------------------------------------------
def key_policy(statements: list[dict]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def test_a_key_policy_is_the_only_grant_for_its_key(tmp_path, moto):  # noqa: F811
    """docs.aws.amazon.com/kms/latest/developerguide/key-policies.html: "Unless the key policy
    explicitly allows it, you cannot use IAM policies to allow access to a KMS key"; the default
    key policy (key-policy-default.html) allows the account, so IAM policies decide."""
    srv = start(tmp_path / "kw", moto)
    try:
        granted, admin = make_user(srv, "kp-granted"), make_user(srv, "kp-admin")
        srv.iam().put_user_policy(UserName=admin.name, PolicyName="all-kms", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}))
        root_kms = client(srv, "kms", srv.root)
        root_arn = f"arn:aws:iam::{ACCOUNT_ID}:root"

        # A key with the default policy: IAM policies decide.
        default_key = root_kms.create_key()["KeyMetadata"]["Arn"]
        client(srv, "kms", admin.creds).encrypt(KeyId=default_key, Plaintext=b"x")
        with pytest.raises(ClientError) as e:
            client(srv, "kms", granted.creds).encrypt(KeyId=default_key, Plaintext=b"x")
        assert client_error(e)[0] == "AccessDeniedException"

        # A key whose policy names only the granted user (and the root user, to manage it):
        # the user needs no IAM policy, the admin's kms:* no longer suffices.
        policy = key_policy([
            {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": root_arn},
             "Action": ["kms:PutKeyPolicy", "kms:GetKeyPolicy", "kms:DescribeKey"], "Resource": "*"},
            {"Sid": "User", "Effect": "Allow", "Principal": {"AWS": granted.arn},
             "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"},
        ])
        key = root_kms.create_key(Policy=policy)["KeyMetadata"]["Arn"]
        blob = client(srv, "kms", granted.creds).encrypt(KeyId=key, Plaintext=b"x")["CiphertextBlob"]
        assert client(srv, "kms", granted.creds).decrypt(
            KeyId=key, CiphertextBlob=blob)["Plaintext"] == b"x"
        with pytest.raises(ClientError) as e:
            client(srv, "kms", admin.creds).encrypt(KeyId=key, Plaintext=b"x")
        code, message, _ = client_error(e)
        assert code == "AccessDeniedException"
        assert "because no resource-based policy allows the kms:Encrypt action" in message
        # Even the root user only does what the key policy allows.
        with pytest.raises(ClientError) as e:
            root_kms.encrypt(KeyId=key, Plaintext=b"x")
        assert client_error(e)[0] == "AccessDeniedException"
        assert json.loads(root_kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"]
                          )["Statement"][1]["Sid"] == "User"

        # PutKeyPolicy delegating to the account: IAM policies decide again.
        root_kms.put_key_policy(KeyId=key, PolicyName="default", Policy=key_policy([
            {"Sid": "Account", "Effect": "Allow", "Principal": {"AWS": root_arn},
             "Action": "kms:*", "Resource": "*"}]))
        client(srv, "kms", admin.creds).encrypt(KeyId=key, Plaintext=b"x")
        with pytest.raises(ClientError) as e:
            client(srv, "kms", granted.creds).encrypt(KeyId=key, Plaintext=b"x")
        assert client_error(e)[0] == "AccessDeniedException"

        # A malformed key policy never reaches KMS.
        with pytest.raises(ClientError) as e:
            root_kms.put_key_policy(KeyId=key, PolicyName="default", Policy='{"Statement": []}')
        code, _, status = client_error(e)
        assert (code, status) == ("MalformedPolicyDocumentException", 400)
        assert "Account" in root_kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"]
    finally:
        srv.kill()

"""IAM temporary delegation: delegation requests (IAM) and GetDelegatedAccessToken (STS).

AWS documents the feature in the IAM User Guide:
- https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-temporary-delegation.html
  (how it works, the root user's 4-hour limit, "Managing Permissions for Delegation Requests":
  the iam:* permissions and the owner's default permissions);
- https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-building-integration.html
  (request states and transitions, expiry times, SNS notifications and their message fields,
  exchange tokens: redeemable only by the requesting partner, several times, every credential
  expiring at release time + duration);
- https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-policy-templates.html
  (templates: @{param}, string / stringList, cross products, @Enabled, 2048-character limit);
- https://docs.aws.amazon.com/IAM/latest/UserGuide/temporary-delegation-understanding-permissions.html
  (the template works as a session policy: it limits the approver, it grants nothing);
- https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-temporary-delegation-partner-guide.html
  (onboarding: registered accounts, templates and topics).

Keyward serves one account and has no SNS: partners are onboarded with a JSON file
(`--delegation-partners`, here through KEYWARD_DELEGATION_PARTNERS) naming the principals that act
for the partner, its templates and, per SNS topic, an HTTP endpoint that receives the SNS-shaped
notifications. The tests run that endpoint.
"""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading

import contextlib
from unittest import mock

import boto3
import botocore.auth
import pytest
from botocore.config import Config

from conftest import ACCOUNT_ID, AwsCli, client_error, rand_suffix, wait_for

TEMPLATE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:delegation-template/example.com/UserAdmin"
OTHER_TEMPLATE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:delegation-template/other.example/Other"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT_ID}:partner-notifications"
PARTNER_ARN = f"arn:aws:iam::{ACCOUNT_ID}:user/partner"
OTHER_PARTNER_ARN = f"arn:aws:iam::{ACCOUNT_ID}:user/other-partner"

TEMPLATE = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["iam:GetUser", "iam:ListUserTags"],
            "Resource": f"arn:aws:iam::{ACCOUNT_ID}:user/@{{userNames}}",
        },
        {
            "@Enabled": "ALLOW_TAGGING",
            "Effect": "Allow",
            "Action": "iam:TagUser",
            "Resource": f"arn:aws:iam::{ACCOUNT_ID}:user/@{{userNames}}",
        },
    ],
}


@contextlib.contextmanager
def client_clock(offset_seconds):
    """Move botocore's signing clock (botocore.auth.get_current_datetime) by offset_seconds, as
    test_sts_expiry.py does, so requests stay within the skew window of a shifted server."""
    real = botocore.auth.get_current_datetime

    def shifted(*a, **k):
        return real(*a, **k) + dt.timedelta(seconds=offset_seconds)

    with mock.patch.object(botocore.auth, "get_current_datetime", shifted):
        yield


class Inbox:
    """The partner's SNS HTTP subscription: every notification POSTed to it."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.raw: list[bytes] = []
        inbox = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                inbox.raw.append(body)
                envelope = json.loads(body)
                assert envelope["Type"] == "Notification"
                assert envelope["TopicArn"] == TOPIC
                inbox.messages.append(json.loads(envelope["Message"]))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sns"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def of(self, request_id: str, kind: str | None = None) -> list[dict]:
        return [m for m in self.messages
                if m["RequestId"] == request_id and (kind is None or m["Type"] == kind)]

    def token(self, request_id: str) -> str:
        tokens = wait_for(lambda: self.of(request_id, "ExchangeToken"), what="exchange token")
        return tokens[-1]["ExchangeToken"]


@pytest.fixture(scope="module")
def inbox():
    box = Inbox()
    yield box
    box.httpd.shutdown()


def partners_file(path, inbox: Inbox) -> str:
    path.write_text(json.dumps({"partners": [
        {
            "name": "Example Partner",
            "principals": [PARTNER_ARN],
            "policyTemplates": {TEMPLATE_ARN: TEMPLATE},
            "notificationEndpoints": {TOPIC: inbox.url},
        },
        {
            "name": "Other Partner",
            "principals": [OTHER_PARTNER_ARN],
            "policyTemplates": {OTHER_TEMPLATE_ARN: TEMPLATE},
            "notificationEndpoints": {},
        },
    ]}))
    return str(path)


class World:
    """A server with an onboarded partner, a customer, an administrator and target users."""

    def __init__(self, srv, inbox: Inbox) -> None:
        self.srv = srv
        self.inbox = inbox
        iam = srv.iam()
        self.partner = self.user("partner", {
            "Effect": "Allow",
            "Action": ["iam:CreateDelegationRequest", "sts:GetDelegatedAccessToken"],
            "Resource": "*"})
        self.other_partner = self.user("other-partner", {
            "Effect": "Allow",
            "Action": ["iam:CreateDelegationRequest", "sts:GetDelegatedAccessToken"],
            "Resource": "*"})
        # The customer may claim requests; approving needs an administrator.
        self.alice = self.user("alice", {
            "Effect": "Allow", "Action": "iam:AssociateDelegationRequest", "Resource": "*"})
        # The administrator may approve and manage users, but not list their tags: the
        # delegated session may not either, whatever the request's policy says.
        self.admin = self.user("admin", {
            "Effect": "Allow",
            "Action": ["iam:AcceptDelegationRequest", "iam:ListDelegationRequests",
                       "iam:GetDelegationRequest", "iam:GetUser", "iam:TagUser",
                       "iam:CreateUser", "iam:ListUsers"],
            "Resource": "*"})
        self.targets = []
        for _ in range(3):
            name = f"t-{rand_suffix()}"
            iam.create_user(UserName=name)
            self.targets.append(name)

    def user(self, name: str, statement: dict):
        iam = self.srv.iam()
        user = iam.create_user(UserName=name)["User"]
        iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [statement]}))
        key = iam.create_access_key(UserName=name)["AccessKey"]
        user["creds"] = (key["AccessKeyId"], key["SecretAccessKey"])
        return user

    def iam(self, who):
        return self.srv.iam(who["creds"])

    def create(self, who=None, users=None, tagging="True", duration=3600, **extra) -> str:
        users = users or self.targets[:2]
        params = [
            {"Name": "userNames", "Values": users, "Type": "stringList"},
            {"Name": "ALLOW_TAGGING", "Values": [tagging], "Type": "string"},
        ]
        kw = dict(
            Description="Set up the Example integration",
            Permissions={"PolicyTemplateArn": TEMPLATE_ARN, "Parameters": params},
            RequestorWorkflowId=f"wf-{rand_suffix()}",
            NotificationChannel=TOPIC,
            SessionDuration=duration,
        )
        kw.update(extra)
        return self.iam(who or self.partner).create_delegation_request(**kw)["DelegationRequestId"]

    def accepted(self, **kw) -> str:
        rid = self.create(**kw)
        self.iam(self.alice).associate_delegation_request(DelegationRequestId=rid)
        self.iam(self.admin).accept_delegation_request(DelegationRequestId=rid)
        return rid

    def get(self, rid: str, who=None) -> dict:
        return self.iam(who or self.admin).get_delegation_request(
            DelegationRequestId=rid)["DelegationRequest"]

    def exchange(self, token: str, who=None) -> dict:
        return self.srv.sts((who or self.partner)["creds"]).get_delegated_access_token(
            TradeInToken=token)

    def session(self, service: str, creds: dict):
        return boto3.session.Session().client(
            service, endpoint_url=self.srv.url, region_name="us-east-1",
            aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds["SessionToken"],
            config=Config(retries={"total_max_attempts": 1}))


@pytest.fixture(scope="module")
def world(tmp_path_factory, inbox):
    from conftest import KeywardServer
    tmp = tmp_path_factory.mktemp("kw-delegation")
    srv = KeywardServer(tmp, extra_env={
        "KEYWARD_DELEGATION_PARTNERS": partners_file(tmp / "partners.json", inbox)})
    srv.start()
    try:
        yield World(srv, inbox)
    finally:
        srv.kill()


def test_the_whole_flow_partner_to_credentials(world):
    """Create → associate → forward → accept → send → exchange; the credentials act as the
    approver, within the request's policy and the approver's own permissions."""
    w = world
    t1, t2, t3 = w.targets
    rid = w.create(OnlySendByOwner=True, RequestMessage="Workspace prod-analytics")
    assert rid.startswith("dr-") and 16 <= len(rid) <= 128

    # Unassigned: the customer cannot read it without iam:GetDelegationRequest.
    with pytest.raises(Exception) as e:
        w.get(rid, w.alice)
    assert client_error(e)[0] == "AccessDenied"
    req = w.get(rid)
    assert req["State"] == "UNASSIGNED"
    assert req["RequestorId"] == ACCOUNT_ID and req["RequestorName"] == "Example Partner"
    assert "OwnerId" not in req and "OwnerAccountId" not in req
    policy = json.loads(req["PermissionPolicy"])
    assert policy["Statement"][0]["Resource"] == [
        f"arn:aws:iam::{ACCOUNT_ID}:user/{t1}", f"arn:aws:iam::{ACCOUNT_ID}:user/{t2}"]
    assert policy["Statement"][1] == {"Effect": "Allow", "Action": "iam:TagUser",
                                      "Resource": policy["Statement"][0]["Resource"]}
    assert req["Permissions"]["PolicyTemplateArn"] == TEMPLATE_ARN
    assert req["Permissions"]["Parameters"][0] == {
        "Name": "userNames", "Values": [t1, t2], "Type": "stringList"}
    assert req["SessionDuration"] == 3600 and req["OnlySendByOwner"] is True
    assert req["RequestMessage"] == "Workspace prod-analytics"
    # Unassigned requests expire after a day.
    left = req["ExpirationTime"] - req["CreateDate"]
    assert dt.timedelta(hours=23, minutes=59) <= left <= dt.timedelta(days=1, seconds=1)

    # The customer claims it and becomes its owner.
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=rid)
    req = w.get(rid, w.alice)  # the owner's default permission
    assert req["State"] == "ASSIGNED"
    assert req["OwnerId"] == w.alice["Arn"] and req["OwnerAccountId"] == ACCOUNT_ID
    assert [m["State"] for m in w.inbox.of(rid)] == ["ASSIGNED"]
    with pytest.raises(Exception) as e:
        w.srv.iam().associate_delegation_request(DelegationRequestId=rid)
    assert client_error(e)[:2] == (
        "InvalidInput", f"Delegation request {rid} is in state ASSIGNED and cannot be associated.")

    # The owner may not approve (no iam:AcceptDelegationRequest): she forwards it.
    with pytest.raises(Exception) as e:
        w.iam(w.alice).accept_delegation_request(DelegationRequestId=rid)
    code, msg, status = client_error(e)
    assert (code, status) == ("AccessDenied", 403)
    assert "iam:AcceptDelegationRequest" in msg
    w.iam(w.alice).update_delegation_request(DelegationRequestId=rid, Notes="please approve")
    req = w.get(rid)
    assert req["State"] == "PENDING_APPROVAL" and req["Notes"] == "please approve"

    # The partner may not approve its own request, whatever its policies say.
    with pytest.raises(Exception) as e:
        w.iam(w.partner).accept_delegation_request(DelegationRequestId=rid)
    assert client_error(e)[0] == "AccessDenied"

    w.iam(w.admin).accept_delegation_request(DelegationRequestId=rid)
    req = w.get(rid)
    assert req["State"] == "ACCEPTED" and req["ApproverId"] == w.admin["Arn"]

    # OnlySendByOwner: the approver may not release the token, the owner may.
    with pytest.raises(Exception) as e:
        w.iam(w.admin).send_delegation_token(DelegationRequestId=rid)
    assert client_error(e)[0] == "AccessDenied"
    assert not w.inbox.of(rid, "ExchangeToken")
    released = dt.datetime.now(dt.timezone.utc)
    w.iam(w.alice).send_delegation_token(DelegationRequestId=rid)
    assert w.get(rid)["State"] == "FINALIZED"
    token_message = w.inbox.of(rid, "ExchangeToken")[-1]
    assert token_message["State"] == "FINALIZED" and token_message["OwnerAccountId"] == ACCOUNT_ID
    assert token_message["RequestorWorkflowId"].startswith("wf-")
    assert dt.datetime.fromisoformat(token_message["ExpiresAt"].replace("Z", "+00:00")) > released
    assert [m["State"] for m in w.inbox.of(rid, "StateChange")] == [
        "ASSIGNED", "PENDING_APPROVAL", "ACCEPTED", "FINALIZED"]
    token = token_message["ExchangeToken"]
    with pytest.raises(Exception) as e:
        w.iam(w.alice).send_delegation_token(DelegationRequestId=rid)
    assert client_error(e)[0] == "InvalidInput"

    # The partner trades the token for the approver's credentials.
    out = w.exchange(token)
    creds = out["Credentials"]
    assert out["AssumedPrincipal"] == w.admin["Arn"]
    assert 0 < out["PackedPolicySize"] <= 100
    assert creds["AccessKeyId"].startswith("ASIA")
    expected_expiry = released + dt.timedelta(seconds=3600)
    assert abs((creds["Expiration"] - expected_expiry).total_seconds()) < 10
    sts = w.session("sts", creds)
    assert sts.get_caller_identity()["Arn"] == w.admin["Arn"]

    iam = w.session("iam", creds)
    assert iam.get_user(UserName=t1)["User"]["UserName"] == t1
    iam.tag_user(UserName=t2, Tags=[{"Key": "ManagedBy", "Value": "example"}])
    assert w.srv.iam().list_user_tags(UserName=t2)["Tags"] == [
        {"Key": "ManagedBy", "Value": "example"}]
    # Beyond the request's policy: refused although the approver may.
    for call in (lambda: iam.get_user(UserName=t3),
                 lambda: iam.create_user(UserName=f"x-{rand_suffix()}"),
                 lambda: iam.list_users()):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e)[0] == "AccessDenied"
    # Within the policy but beyond the approver: refused.
    with pytest.raises(Exception) as e:
        iam.list_user_tags(UserName=t1)
    assert client_error(e)[0] == "AccessDenied"

    # The token redeems again until the access expires; every credential expires together.
    again = w.exchange(token)["Credentials"]
    assert again["AccessKeyId"] != creds["AccessKeyId"]
    assert abs((again["Expiration"] - creds["Expiration"]).total_seconds()) <= 1

    # Only the requesting partner may redeem it.
    for who in (w.alice, w.admin, w.other_partner):
        with pytest.raises(Exception) as e:
            w.exchange(token, who)
        assert client_error(e)[0] == "AccessDenied"
    # A forged token redeems nothing.
    with pytest.raises(Exception) as e:
        w.exchange(token[:-6] + "AAAAAA")
    assert client_error(e)[0] == "InvalidParameterValue"

    # Finalized requests are terminal.
    with pytest.raises(Exception) as e:
        w.iam(w.alice).reject_delegation_request(DelegationRequestId=rid)
    assert client_error(e)[0] == "InvalidInput"


def test_reject_paths(world):
    """Assigned, pending and accepted (before the token is sent) requests can be rejected;
    rejected ones accept nothing more."""
    w = world
    rid = w.create()
    with pytest.raises(Exception) as e:  # unassigned: no transition to REJECTED
        w.srv.iam().reject_delegation_request(DelegationRequestId=rid)
    assert client_error(e)[:2] == (
        "InvalidInput", f"Delegation request {rid} is in state UNASSIGNED and cannot be rejected.")
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=rid)
    w.iam(w.alice).reject_delegation_request(DelegationRequestId=rid, Notes="not now")
    req = w.get(rid)
    assert req["State"] == "REJECTED" and req["RejectionReason"] == "not now"
    assert w.inbox.of(rid)[-1]["State"] == "REJECTED"
    for call in (w.iam(w.admin).accept_delegation_request,
                 w.iam(w.alice).update_delegation_request,
                 w.iam(w.alice).send_delegation_token):
        with pytest.raises(Exception) as e:
            call(DelegationRequestId=rid)
        code, msg, status = client_error(e)
        assert (code, status) == ("InvalidInput", 400) and "in state REJECTED" in msg

    accepted = w.accepted()
    w.iam(w.alice).reject_delegation_request(DelegationRequestId=accepted)
    assert w.get(accepted)["State"] == "REJECTED"
    with pytest.raises(Exception) as e:
        w.iam(w.alice).send_delegation_token(DelegationRequestId=accepted)
    assert client_error(e)[0] == "InvalidInput"
    assert not w.inbox.of(accepted, "ExchangeToken")


def test_without_only_send_by_owner_the_approver_may_send(world):
    w = world
    rid = w.accepted(tagging="False", users=[w.targets[2]])
    # Without OnlySendByOwner, iam:SendDelegationToken decides: the admin lacks it.
    with pytest.raises(Exception) as e:
        w.iam(w.admin).send_delegation_token(DelegationRequestId=rid)
    assert client_error(e)[0] == "AccessDenied"
    w.srv.iam().put_user_policy(UserName="admin", PolicyName="send", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "iam:SendDelegationToken", "Resource": "*"}]}))
    try:
        w.iam(w.admin).send_delegation_token(DelegationRequestId=rid)
    finally:
        w.srv.iam().delete_user_policy(UserName="admin", PolicyName="send")
    creds = w.exchange(w.inbox.token(rid))["Credentials"]
    policy = json.loads(w.get(rid)["PermissionPolicy"])
    assert len(policy["Statement"]) == 1  # @Enabled False dropped the tagging statement
    with pytest.raises(Exception) as e:
        w.session("iam", creds).tag_user(UserName=w.targets[2], Tags=[{"Key": "k", "Value": "v"}])
    assert client_error(e)[0] == "AccessDenied"


def test_an_explicit_deny_overrides_the_owners_default(world):
    w = world
    rid = w.create()
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=rid)
    w.srv.iam().put_user_policy(UserName="alice", PolicyName="deny", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "iam:GetDelegationRequest", "Resource": "*"}]}))
    try:
        with pytest.raises(Exception) as e:
            w.get(rid, w.alice)
        assert client_error(e)[0] == "AccessDenied"
    finally:
        w.srv.iam().delete_user_policy(UserName="alice", PolicyName="deny")
    assert w.get(rid, w.alice)["State"] == "ASSIGNED"


def test_bad_requests_are_refused(world):
    """Onboarding, templates, parameters, topics, workflow ids and durations."""
    w = world
    iam = w.iam(w.partner)
    base = dict(Description="d", RequestorWorkflowId=f"wf-{rand_suffix()}",
                NotificationChannel=TOPIC, SessionDuration=3600)

    def refused(expected_code, who=None, **kw):
        args = dict(base, RequestorWorkflowId=f"wf-{rand_suffix()}")
        args.update(kw)
        with pytest.raises(Exception) as e:
            w.iam(who or w.partner).create_delegation_request(**args)
        code, msg, _ = client_error(e)
        assert code == expected_code, msg
        return msg

    good = [{"Name": "userNames", "Values": ["a"], "Type": "stringList"},
            {"Name": "ALLOW_TAGGING", "Values": ["False"], "Type": "string"}]
    perms = lambda params, arn=TEMPLATE_ARN: {"PolicyTemplateArn": arn, "Parameters": params}

    # Not onboarded (and not a partner principal): refused whatever the policies say.
    w.srv.iam().put_user_policy(UserName="alice", PolicyName="create", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "iam:CreateDelegationRequest", "Resource": "*"}]}))
    try:
        refused("AccessDenied", who=w.alice, Permissions=perms(good))
    finally:
        w.srv.iam().delete_user_policy(UserName="alice", PolicyName="create")
    # Another partner's template, an unknown template, an unregistered topic.
    assert "not registered" in refused("InvalidInput", Permissions=perms(good, OTHER_TEMPLATE_ARN))
    refused("InvalidInput", Permissions=perms(good, TEMPLATE_ARN + "x"))
    refused("InvalidInput", Permissions=perms(good),
            NotificationChannel=f"arn:aws:sns:us-east-1:{ACCOUNT_ID}:other-topic")
    refused("InvalidInput", Permissions={"Parameters": good})
    # Parameters that do not fit the template.
    assert "missing" in refused("InvalidInput", Permissions=perms(good[:1]))
    assert "not used" in refused("InvalidInput", Permissions=perms(
        good + [{"Name": "extra1", "Values": ["x"], "Type": "string"}]))
    refused("InvalidInput", Permissions=perms(
        [{"Name": "userNames", "Values": ["a", "b"], "Type": "string"}, good[1]]))
    assert "wildcard" in refused("InvalidInput", Permissions=perms(
        [{"Name": "userNames", "Values": ["*"], "Type": "stringList"}, good[1]]))
    refused("InvalidInput", Permissions=perms(
        [good[0], {"Name": "ALLOW_TAGGING", "Values": ["yes"], "Type": "string"}]))
    # The rendered policy is limited to 2048 characters.
    many = [f"user-{i:04d}-{'x' * 40}" for i in range(40)]
    assert "2048" in refused("InvalidInput", Permissions=perms(
        [{"Name": "userNames", "Values": many, "Type": "stringList"}, good[1]]))
    # The model's own constraints (botocore's own check off, so the server answers).
    raw = boto3.session.Session().client(
        "iam", endpoint_url=w.srv.url, region_name="us-east-1",
        aws_access_key_id=w.partner["creds"][0], aws_secret_access_key=w.partner["creds"][1],
        config=Config(parameter_validation=False, retries={"total_max_attempts": 1}))
    for duration in (299, 43201):
        with pytest.raises(Exception) as e:
            raw.create_delegation_request(**dict(base, RequestorWorkflowId=f"wf-{rand_suffix()}",
                                                 Permissions=perms(good), SessionDuration=duration))
        code, msg, status = client_error(e)
        assert (code, status) == ("ValidationError", 400) and "sessionDuration" in msg
    # RequestorWorkflowId is unique.
    wf = f"wf-{rand_suffix()}"
    iam.create_delegation_request(**dict(base, RequestorWorkflowId=wf, Permissions=perms(good)))
    with pytest.raises(Exception) as e:
        iam.create_delegation_request(**dict(base, RequestorWorkflowId=wf, Permissions=perms(good)))
    assert client_error(e)[:1] == ("EntityAlreadyExists",)
    assert client_error(e)[2] == 409
    # A non-existent request.
    with pytest.raises(Exception) as e:
        w.get("dr-00000000000000000000000000000000")
    assert client_error(e)[:2] == (
        "NoSuchEntity", "Delegation request dr-00000000000000000000000000000000 not found.")


def test_root_approves_only_four_hours(world):
    w = world
    rid = w.create(duration=4 * 3600 + 1)
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=rid)
    with pytest.raises(Exception) as e:
        w.srv.iam().accept_delegation_request(DelegationRequestId=rid)
    assert client_error(e)[0] == "AccessDenied"
    short = w.create(duration=4 * 3600)
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=short)
    w.srv.iam().accept_delegation_request(DelegationRequestId=short)
    assert w.get(short)["ApproverId"] == f"arn:aws:iam::{ACCOUNT_ID}:root"


def test_targeted_at_another_account(world):
    """A request for another account can be claimed only by that account's identities."""
    w = world
    rid = w.create(OwnerAccountId="999999999999")
    for call in (lambda: w.iam(w.alice).associate_delegation_request(DelegationRequestId=rid),
                 lambda: w.get(rid)):
        with pytest.raises(Exception) as e:
            call()
        assert client_error(e)[0] == "AccessDenied"


def test_list_owner_and_administrator(world):
    w = world
    mine = w.create()
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=mine)
    unowned = w.create()
    listed = w.iam(w.alice).list_delegation_requests()
    ids = {r["DelegationRequestId"] for r in listed["DelegationRequests"]}
    assert mine in ids and unowned not in ids
    assert all(r["OwnerId"] == w.alice["Arn"] for r in listed["DelegationRequests"])
    with pytest.raises(Exception) as e:
        w.iam(w.alice).list_delegation_requests(OwnerId=w.admin["Arn"])
    assert client_error(e)[0] == "AccessDenied"
    everything = w.iam(w.admin).list_delegation_requests(OwnerId=w.alice["Arn"])
    assert mine in {r["DelegationRequestId"] for r in everything["DelegationRequests"]}
    page = w.iam(w.admin).list_delegation_requests(MaxItems=1)
    assert len(page["DelegationRequests"]) == 1 and page["isTruncated"] is True
    rest = w.iam(w.admin).list_delegation_requests(Marker=page["Marker"], MaxItems=1000)
    assert page["DelegationRequests"][0]["DelegationRequestId"] not in {
        r["DelegationRequestId"] for r in rest["DelegationRequests"]}


def test_human_readable_summary(world, tmp_path):
    w = world
    rid = w.create(users=[w.targets[0]])
    arn = f"arn:aws:iam::{ACCOUNT_ID}:delegation-request/{rid}"
    cli = AwsCli(w.srv, tmp_path / "home")
    out = cli.run("iam", "get-human-readable-summary", "--entity-arn", arn,
                  creds=w.admin["creds"]).ok().json
    assert out["SummaryState"] == "AVAILABLE" and out["Locale"] == "en"
    summary = out["SummaryContent"]
    assert "1 hour" in summary and "Set up the Example integration" in summary
    assert f"Allows iam: GetUser, ListUserTags on arn:aws:iam::{ACCOUNT_ID}:user/{w.targets[0]}" in summary
    assert "Allows iam: TagUser" in summary
    again = w.iam(w.admin).get_human_readable_summary(EntityArn=arn, Locale="en-GB")
    assert again["SummaryContent"] == summary and again["Locale"] == "en-GB"
    other = w.iam(w.admin).get_human_readable_summary(EntityArn=arn, Locale="de-DE")
    assert other["SummaryState"] == "NOT_SUPPORTED" and other.get("SummaryContent", "") == ""
    for bad, code in ((f"arn:aws:iam::{ACCOUNT_ID}:user/alice", "InvalidInput"),
                      (f"arn:aws:iam::{ACCOUNT_ID}:delegation-request/dr-nothing-here-000", "NoSuchEntity")):
        with pytest.raises(Exception) as e:
            w.iam(w.admin).get_human_readable_summary(EntityArn=bad)
        assert client_error(e)[0] == code
    # Whoever may not read the request may not read its summary.
    with pytest.raises(Exception) as e:
        w.iam(w.alice).get_human_readable_summary(EntityArn=arn)
    assert client_error(e)[0] == "AccessDenied"


def test_permission_check(world):
    w = world
    rid = w.create(users=[w.targets[0]], tagging="False")
    out = w.iam(w.admin).get_delegation_request(DelegationRequestId=rid, DelegationPermissionCheck=True)
    # The admin lacks iam:ListUserTags, which the request asks for.
    assert out["PermissionCheckStatus"] == "COMPLETE" and out["PermissionCheckResult"] == "DENIED"
    root = w.srv.iam().get_delegation_request(DelegationRequestId=rid, DelegationPermissionCheck=True)
    assert root["PermissionCheckResult"] == "ALLOWED"


def test_the_whole_flow_with_the_cli(world, tmp_path):
    w = world
    cli = AwsCli(w.srv, tmp_path / "home")
    perms = json.dumps({"PolicyTemplateArn": TEMPLATE_ARN, "Parameters": [
        {"Name": "userNames", "Values": [w.targets[0]], "Type": "stringList"},
        {"Name": "ALLOW_TAGGING", "Values": ["False"], "Type": "string"}]})
    rid = cli.run("iam", "create-delegation-request", "--description", "cli flow",
                  "--permissions", perms, "--requestor-workflow-id", f"wf-{rand_suffix()}",
                  "--notification-channel", TOPIC, "--session-duration", "900",
                  creds=w.partner["creds"]).ok().json["DelegationRequestId"]
    cli.run("iam", "associate-delegation-request", "--delegation-request-id", rid,
            creds=w.alice["creds"]).ok()
    cli.run("iam", "accept-delegation-request", "--delegation-request-id", rid,
            creds=w.admin["creds"]).ok()
    cli.run("iam", "send-delegation-token", "--delegation-request-id", rid,
            creds=w.alice["creds"]).ok()
    got = cli.run("iam", "get-delegation-request", "--delegation-request-id", rid,
                  creds=w.alice["creds"]).ok().json["DelegationRequest"]
    assert got["State"] == "FINALIZED"
    out = cli.run("sts", "get-delegated-access-token", "--trade-in-token", w.inbox.token(rid),
                  creds=w.partner["creds"]).ok().json
    c = out["Credentials"]
    env = {"AWS_SESSION_TOKEN": c["SessionToken"]}
    creds = (c["AccessKeyId"], c["SecretAccessKey"])
    user = cli.run("iam", "get-user", "--user-name", w.targets[0], creds=creds, env=env).ok().json
    assert user["User"]["UserName"] == w.targets[0]
    denied = cli.run("iam", "get-user", "--user-name", w.targets[1], creds=creds, env=env)
    assert denied.error[0] == "AccessDenied"
    listed = cli.run("iam", "list-delegation-requests", creds=w.alice["creds"]).ok().json
    assert rid in {r["DelegationRequestId"] for r in listed["DelegationRequests"]}
    rejected = cli.run("iam", "reject-delegation-request", "--delegation-request-id", rid,
                       creds=w.alice["creds"])
    assert rejected.error[0] == "InvalidInput"
    update = cli.run("iam", "update-delegation-request", "--delegation-request-id", rid,
                     "--notes", "x", creds=w.alice["creds"])
    assert update.error[0] == "InvalidInput"


def test_exchange_token_is_secret(world):
    """The exchange token reaches only the partner's endpoint: not the API response, the
    audit log, the data directory or the server's output."""
    w = world
    rid = w.accepted(users=[w.targets[1]])
    w.iam(w.alice).send_delegation_token(DelegationRequestId=rid)
    token = w.inbox.token(rid)
    creds = w.exchange(token)["Credentials"]
    audit = (w.srv.data_dir / "audit.log").read_text()
    assert token not in audit
    assert creds["SecretAccessKey"] not in audit
    for p in w.srv.data_dir.rglob("*"):
        if p.is_file():
            assert token.encode() not in p.read_bytes(), p
    assert token not in w.srv.stdout() + w.srv.stderr()
    records = [r for r in w.srv.audit_records()
               if r.get("eventName") == "DelegationRequestNotification"
               and (r.get("responseElements") or {}).get("delegationRequestId") == rid]
    assert [r["responseElements"]["state"] for r in records][-1] == "FINALIZED"
    assert records[-1]["eventType"] == "AwsServiceEvent"
    assert records[-1]["responseElements"]["exchangeTokenSent"] is True
    exchanges = [r for r in w.srv.audit_records() if r.get("eventName") == "GetDelegatedAccessToken"]
    assert exchanges and all(token not in json.dumps(r) for r in exchanges)


def test_expiry(server_with_args_factory, inbox, tmp_path):
    """Unassigned requests expire after a day, others seven days after their last change; the
    token stops redeeming and its credentials stop working when the delegated access ends.
    The server restarts with --clock-offset and botocore signs with the same shifted clock."""
    env = {"KEYWARD_DELEGATION_PARTNERS": partners_file(tmp_path / "partners.json", inbox)}
    srv = server_with_args_factory(extra_env=env)
    w = World(srv, inbox)
    unassigned = w.create()
    assigned = w.create()
    w.iam(w.alice).associate_delegation_request(DelegationRequestId=assigned)
    finalized = w.accepted(duration=900)
    w.iam(w.alice).send_delegation_token(DelegationRequestId=finalized)
    token = inbox.token(finalized)
    creds = w.exchange(token)["Credentials"]

    # 16 minutes later: the access has ended, the requests live on.
    srv.restart_with(["--clock-offset", str(16 * 60)])
    with client_clock(16 * 60):
        with pytest.raises(Exception) as e:
            w.exchange(token)
        assert client_error(e)[:2] == (
            "ExpiredTradeInTokenException", "The trade-in token has expired or is no longer valid.")
        with pytest.raises(Exception) as e:
            w.session("iam", creds).get_user(UserName=w.targets[0])
        assert client_error(e)[0] == "ExpiredToken"
        assert w.get(unassigned)["State"] == "UNASSIGNED"

    # Two days later: the unassigned request has expired, the assigned one not yet.
    srv.restart_with(["--clock-offset", str(2 * 86400)])
    with client_clock(2 * 86400):
        assert w.get(unassigned)["State"] == "EXPIRED"
        assert "ExpirationTime" not in w.get(unassigned)
        assert w.get(assigned)["State"] == "ASSIGNED"
        with pytest.raises(Exception) as e:
            w.iam(w.alice).associate_delegation_request(DelegationRequestId=unassigned)
        assert client_error(e)[0] == "InvalidInput"
    assert inbox.of(unassigned)[-1]["State"] == "EXPIRED"

    # Eight days later: every request has expired; the token redeems nothing.
    srv.restart_with(["--clock-offset", str(8 * 86400)])
    with client_clock(8 * 86400):
        assert w.get(assigned)["State"] == "EXPIRED"
        assert w.get(finalized)["State"] == "EXPIRED"
        with pytest.raises(Exception) as e:
            w.exchange(token)
        assert client_error(e)[0] == "ExpiredTradeInTokenException"

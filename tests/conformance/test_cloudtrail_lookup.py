"""CloudTrail `LookupEvents` answered from Keyward's audit trail (issue 18; the Braket guide's
"Enable CloudTrail for API call logging").

AWS references:
- https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
  (one lookup attribute per call, MaxResults 1-50 default 50, the last 90 days, newest first,
  NextToken bound to the original parameters, EventCategory `insight`).
- https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-cli.html
  (`aws cloudtrail lookup-events --lookup-attributes AttributeKey=...,AttributeValue=...`,
  `--max-items` / `--starting-token`, `--start-time` / `--end-time`).

Each event's `CloudTrailEvent` must be the audit record exactly as `audit.log` holds it.
Events are indexed from the log by a background task, so tests wait for them to appear.
"""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from botocore.exceptions import ClientError

from conftest import AwsCli, client_error, make_user, rand_suffix, wait_for

LOOKUP_ALL = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "cloudtrail:LookupEvents", "Resource": "*"}],
}


def ct(srv, creds=None):
    return srv.client("cloudtrail", creds)


def lookup(srv, creds=None, **kw):
    return ct(srv, creds).lookup_events(**kw)


def by_name(srv, name: str, **kw):
    return lookup(srv, LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": name}], **kw)


def wait_indexed(srv, key: str, value: str, count: int = 1, creds=None) -> list[dict]:
    def found():
        events = []
        for page in ct(srv, creds).get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": key, "AttributeValue": value}]
        ):
            events.extend(page["Events"])
        return events if len(events) >= count else None

    return wait_for(found, timeout=10, what=f"{count} event(s) with {key}={value}")


@pytest.fixture(scope="module")
def srv(module_server):
    return module_server


@pytest.fixture(scope="module")
def alice(srv):
    """A user who made a few calls: CreateUser (by root), then GetUser and ListUsers herself."""
    return make_user(srv, "ct-alice")


def test_event_fields_and_cloudtrail_event_is_the_audit_record(srv):
    name = f"ct-{rand_suffix()}"
    srv.iam().create_user(UserName=name)
    events = wait_indexed(srv, "ResourceName", name)
    (event,) = [e for e in events if e["EventName"] == "CreateUser"]
    assert event["EventSource"] == "iam.amazonaws.com"
    assert event["ReadOnly"] == "false"
    assert event["Username"] == "root"
    assert event["AccessKeyId"] == srv.root[0]
    assert isinstance(event["EventTime"], dt.datetime)
    assert {"ResourceType": "AWS::IAM::User", "ResourceName": name} in event["Resources"]
    record = json.loads(event["CloudTrailEvent"])
    assert record["eventID"] == event["EventId"]
    assert record["requestParameters"] == {"userName": name}
    lines = (srv.data_dir / "audit.log").read_text().splitlines()
    assert event["CloudTrailEvent"] in lines, "CloudTrailEvent is the log line, byte for byte"


def test_every_lookup_attribute(srv, alice):
    iam_alice = srv.iam(alice.creds)
    with pytest.raises(ClientError):
        iam_alice.get_user(UserName=alice.name)  # denied: still an event, read-only
    created = wait_indexed(srv, "ResourceName", alice.name, count=3)
    create_user = next(e for e in created if e["EventName"] == "CreateUser")
    get_user = wait_indexed(srv, "AccessKeyId", alice.creds[0])
    assert [e["EventName"] for e in get_user] == ["GetUser"]
    assert get_user[0]["Username"] == alice.name
    assert json.loads(get_user[0]["CloudTrailEvent"])["errorCode"] == "AccessDenied"

    def keys(key, value):
        events = []
        for page in ct(srv).get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": key, "AttributeValue": value}]
        ):
            events.extend(page["Events"])
        return events

    assert [e["EventId"] for e in keys("EventId", create_user["EventId"])] == [create_user["EventId"]]
    assert all(e["EventName"] == "CreateAccessKey" for e in keys("EventName", "CreateAccessKey"))
    assert all(e["ReadOnly"] == "true" for e in keys("ReadOnly", "true"))
    assert all(e["ReadOnly"] == "false" for e in keys("ReadOnly", "false"))
    assert get_user[0]["EventId"] in {e["EventId"] for e in keys("ReadOnly", "true")}
    assert [e["EventName"] for e in keys("Username", alice.name)] == ["GetUser"]
    assert all(
        any(r["ResourceType"] == "AWS::IAM::AccessKey" for r in e["Resources"])
        for e in keys("ResourceType", "AWS::IAM::AccessKey")
    )
    assert alice.creds[0] in {
        r["ResourceName"] for e in keys("ResourceType", "AWS::IAM::AccessKey") for r in e["Resources"]
    }
    sts = keys("EventSource", "sts.amazonaws.com")
    assert all(e["EventSource"] == "sts.amazonaws.com" for e in sts)
    assert keys("EventName", "NoSuchCall") == []


def test_newest_first_and_paginator(srv):
    name = f"ct-page-{rand_suffix()}"
    iam = srv.iam()
    iam.create_user(UserName=name)
    for i in range(7):
        iam.tag_user(UserName=name, Tags=[{"Key": f"k{i}", "Value": "v"}])
    events = wait_indexed(srv, "ResourceName", name, count=8)
    times = [e["EventTime"] for e in events]
    assert times == sorted(times, reverse=True)
    assert events[-1]["EventName"] == "CreateUser"
    pages = list(
        ct(srv).get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": name}],
            PaginationConfig={"PageSize": 3},
        )
    )
    assert [len(p["Events"]) for p in pages] == [3, 3, 2]
    assert "NextToken" not in pages[-1]
    paged = [e["EventId"] for p in pages for e in p["Events"]]
    assert paged == [e["EventId"] for e in events]
    assert len(set(paged)) == 8


def test_max_results_default_is_50(srv):
    iam = srv.iam()
    name = f"ct-many-{rand_suffix()}"
    iam.create_user(UserName=name)
    for _ in range(55):
        iam.get_user(UserName=name)
    wait_indexed(srv, "ResourceName", name, count=56)
    first = lookup(srv, LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": name}])
    assert len(first["Events"]) == 50
    assert first["NextToken"]
    rest = lookup(
        srv,
        LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": name}],
        NextToken=first["NextToken"],
    )
    assert len(rest["Events"]) == 6 and "NextToken" not in rest


def test_time_range(srv):
    name = f"ct-time-{rand_suffix()}"
    srv.iam().create_user(UserName=name)
    (event,) = wait_indexed(srv, "ResourceName", name)
    at = event["EventTime"]
    attrs = [{"AttributeKey": "ResourceName", "AttributeValue": name}]
    inside = lookup(srv, LookupAttributes=attrs, StartTime=at, EndTime=at)
    assert [e["EventId"] for e in inside["Events"]] == [event["EventId"]]
    after = lookup(srv, LookupAttributes=attrs, StartTime=at + dt.timedelta(seconds=1))
    assert after["Events"] == []
    before = lookup(srv, LookupAttributes=attrs, EndTime=at - dt.timedelta(seconds=1))
    assert before["Events"] == []
    # Older than 90 days is outside the window: a start before it finds the same events.
    old = lookup(srv, LookupAttributes=attrs, StartTime=at - dt.timedelta(days=400))
    assert [e["EventId"] for e in old["Events"]] == [event["EventId"]]
    assert lookup(srv, LookupAttributes=attrs, EndTime=at - dt.timedelta(days=91))["Events"] == []


def test_insight_category_has_no_events(srv):
    assert lookup(srv, EventCategory="insight")["Events"] == []


@pytest.mark.parametrize(
    "kw, code",
    [
        ({"MaxResults": 51}, "InvalidMaxResultsException"),
        ({"MaxResults": 0}, None),  # botocore refuses below the model's min before sending
        ({"EventCategory": "data"}, "InvalidEventCategoryException"),
        (
            {
                "LookupAttributes": [
                    {"AttributeKey": "EventName", "AttributeValue": "CreateUser"},
                    {"AttributeKey": "Username", "AttributeValue": "root"},
                ]
            },
            "InvalidLookupAttributesException",
        ),
        ({"LookupAttributes": [{"AttributeKey": "Region", "AttributeValue": "x"}]}, "InvalidLookupAttributesException"),
        ({"LookupAttributes": [{"AttributeKey": "ReadOnly", "AttributeValue": "maybe"}]}, "InvalidLookupAttributesException"),
        (
            {"StartTime": dt.datetime(2026, 1, 2), "EndTime": dt.datetime(2026, 1, 1)},
            "InvalidTimeRangeException",
        ),
        ({"NextToken": "not-a-token"}, "InvalidNextTokenException"),
    ],
)
def test_errors(srv, kw, code):
    client = ct(srv)
    if code is None:
        from botocore.exceptions import ParamValidationError

        with pytest.raises(ParamValidationError):
            client.lookup_events(**kw)
        return
    with pytest.raises(ClientError) as e:
        client.lookup_events(**kw)
    got, message, status = client_error(e)
    assert (got, status) == (code, 400)
    assert message
    if code == "InvalidMaxResultsException":
        assert message == "A max results value of 51 is invalid. Specify max results between 1 and 50."


def test_a_token_is_bound_to_its_parameters(srv):
    iam = srv.iam()
    name = f"ct-tok-{rand_suffix()}"
    iam.create_user(UserName=name)
    iam.get_user(UserName=name)
    wait_indexed(srv, "ResourceName", name, count=2)
    attrs = [{"AttributeKey": "ResourceName", "AttributeValue": name}]
    page = lookup(srv, LookupAttributes=attrs, MaxResults=1)
    token = page["NextToken"]
    other = [{"AttributeKey": "ResourceName", "AttributeValue": name + "x"}]
    with pytest.raises(ClientError) as e:
        lookup(srv, LookupAttributes=other, NextToken=token)
    assert client_error(e)[0] == "InvalidNextTokenException"
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(ClientError) as e:
        lookup(srv, LookupAttributes=attrs, NextToken=tampered)
    assert client_error(e)[0] == "InvalidNextTokenException"
    rest = lookup(srv, LookupAttributes=attrs, MaxResults=1, NextToken=token)
    assert len(rest["Events"]) == 1


def test_denied_without_the_permission_then_allowed(srv):
    bob = make_user(srv, "ct-bob")
    with pytest.raises(ClientError) as e:
        lookup(srv, bob.creds)
    code, message, status = client_error(e)
    assert code == "AccessDeniedException"
    assert status == 400
    assert message == (
        f"User: {bob.arn} is not authorized to perform: cloudtrail:LookupEvents "
        "because no identity-based policy allows the cloudtrail:LookupEvents action"
    )
    srv.iam().put_user_policy(UserName=bob.name, PolicyName="lookup", PolicyDocument=json.dumps(LOOKUP_ALL))
    assert "Events" in lookup(srv, bob.creds, MaxResults=1)
    # The denied lookup and the allowed one are events themselves, read-only.
    denied = wait_indexed(srv, "Username", bob.name, count=2)
    assert {e["EventName"] for e in denied} == {"LookupEvents"}
    assert all(e["EventSource"] == "cloudtrail.amazonaws.com" and e["ReadOnly"] == "true" for e in denied)
    codes = sorted(json.loads(e["CloudTrailEvent"]).get("errorCode") or "" for e in denied)
    assert codes == ["", "AccessDeniedException"]


def test_bad_signature_and_unknown_key(srv):
    with pytest.raises(ClientError) as e:
        lookup(srv, (srv.root[0], "x" * 40))
    assert client_error(e)[0] == "InvalidSignatureException"
    with pytest.raises(ClientError) as e:
        lookup(srv, ("AKIAIOSFODNN7EXAMPLE", "x" * 40))
    assert client_error(e)[0] == "UnrecognizedClientException"


def test_no_secret_reaches_the_index(srv):
    name = f"ct-secret-{rand_suffix()}"
    iam = srv.iam()
    iam.create_user(UserName=name)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    iam.create_login_profile(UserName=name, Password="Sup3r-Secret-Passw0rd!")
    events = wait_indexed(srv, "ResourceName", name, count=3)
    text = json.dumps([e["CloudTrailEvent"] for e in events])
    assert key["SecretAccessKey"] not in text
    assert "Sup3r-Secret-Passw0rd!" not in text
    stores = [p for p in srv.data_dir.iterdir() if p.is_file() and p.name != "audit.log"]
    assert any(p.suffix == ".db" for p in stores), stores
    for path in stores:
        data = path.read_bytes()
        assert key["SecretAccessKey"].encode() not in data, path
        assert b"Sup3r-Secret-Passw0rd!" not in data, path


def test_cli_lookup_pagination_and_time_range(srv, tmp_path):
    cli = AwsCli(srv, tmp_path / "home")
    name = f"ct-cli-{rand_suffix()}"
    iam = srv.iam()
    iam.create_user(UserName=name)
    for i in range(4):
        iam.tag_user(UserName=name, Tags=[{"Key": f"k{i}", "Value": "v"}])
    wait_indexed(srv, "ResourceName", name, count=5)

    out = cli.run("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=CreateUser").ok().json
    assert any(
        {"ResourceType": "AWS::IAM::User", "ResourceName": name} in e["Resources"] for e in out["Events"]
    )
    assert all(e["EventName"] == "CreateUser" for e in out["Events"])

    attr = f"AttributeKey=ResourceName,AttributeValue={name}"
    first = cli.run("cloudtrail", "lookup-events", "--lookup-attributes", attr, "--max-items", "2").ok().json
    assert len(first["Events"]) == 2 and first["NextToken"]
    second = cli.run(
        "cloudtrail", "lookup-events", "--lookup-attributes", attr, "--max-items", "2",
        "--starting-token", first["NextToken"],
    ).ok().json
    third = cli.run(
        "cloudtrail", "lookup-events", "--lookup-attributes", attr, "--max-items", "2",
        "--starting-token", second["NextToken"],
    ).ok().json
    ids = [e["EventId"] for r in (first, second, third) for e in r["Events"]]
    assert len(ids) == 5 == len(set(ids))
    assert "NextToken" not in third

    now = dt.datetime.now(dt.timezone.utc)
    ranged = cli.run(
        "cloudtrail", "lookup-events", "--lookup-attributes", attr,
        "--start-time", (now - dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "--end-time", (now + dt.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ).ok().json
    assert len(ranged["Events"]) == 5
    empty = cli.run(
        "cloudtrail", "lookup-events", "--lookup-attributes", attr,
        "--end-time", (now - dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ).ok().json
    assert empty["Events"] == []

    bad = cli.run("cloudtrail", "lookup-events", "--page-size", "51")
    assert bad.rc != 0
    assert bad.error[0] == "InvalidMaxResultsException"


def test_events_survive_kill_9_and_restart(fresh_server):
    srv = fresh_server
    iam = srv.iam()
    names = [f"ct-kill-{i}-{rand_suffix()}" for i in range(20)]
    for name in names:
        iam.create_user(UserName=name)
    srv.kill()
    srv.start()
    # Every acknowledged change is in the log, and the index catches up on restart: each
    # event exactly once.
    events = []

    def all_created():
        found = []
        for page in ct(srv).get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "CreateUser"}]
        ):
            found.extend(page["Events"])
        return found if len(found) >= len(names) else None

    events = wait_for(all_created, timeout=15, what="CreateUser events after kill -9")
    created = [
        r["ResourceName"] for e in events for r in e["Resources"] if r["ResourceType"] == "AWS::IAM::User"
    ]
    assert sorted(created) == sorted(names)
    log_ids = [
        json.loads(l)["eventID"]
        for l in (srv.data_dir / "audit.log").read_text().splitlines()
        if json.loads(l)["eventName"] == "CreateUser"
    ]
    assert sorted(e["EventId"] for e in events) == sorted(log_ids)
    # More calls after the restart are indexed too, and a second restart repeats nothing.
    srv.iam().create_user(UserName="ct-after")
    srv.restart()
    time.sleep(0.5)
    again = wait_for(all_created, timeout=15, what="events after restart")
    assert len(again) == len(names) + 1
    assert len({e["EventId"] for e in again}) == len(again)


def test_events_of_rotated_files_are_indexed(server_with_args_factory):
    """Records in files rotated while the indexer was stopped are indexed at the next start,
    oldest file first, each once."""
    srv = server_with_args_factory(extra_args=["--audit-rotate-bytes", "3000"])
    iam = srv.iam()
    names = [f"ct-rot-{i}-{rand_suffix()}" for i in range(12)]
    for name in names[:6]:
        iam.create_user(UserName=name)
    srv.kill()
    srv.start()
    for name in names[6:]:
        srv.iam().create_user(UserName=name)
    assert list(srv.data_dir.glob("audit.log.2*")), "the log rotated"

    def all_created():
        found = []
        for page in ct(srv).get_paginator("lookup_events").paginate(
            LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "CreateUser"}]
        ):
            found.extend(page["Events"])
        return found if len(found) >= len(names) else None

    events = wait_for(all_created, timeout=15, what="events across rotations")
    assert len(events) == len(names) == len({e["EventId"] for e in events})


from test_replicas import PG_URL, database, replicas  # noqa: E402,F401  (fixtures)


@pytest.mark.skipif(not PG_URL, reason="skipped: KEYWARD_TEST_POSTGRES_URL not set")
def test_a_lookup_on_any_replica_sees_every_replicas_events(replicas):
    """Each replica indexes its own audit log into the shared PostgreSQL tables."""
    a, b = replicas
    on_a, on_b = f"ct-a-{rand_suffix()}", f"ct-b-{rand_suffix()}"
    a.iam().create_user(UserName=on_a)
    b.iam().create_user(UserName=on_b)
    for srv in (a, b):
        for name in (on_a, on_b):
            (event,) = wait_indexed(srv, "ResourceName", name)
            assert event["EventName"] == "CreateUser"
    # A token made by one replica pages on the other (they share the master key).
    a.iam().get_user(UserName=on_a)
    attrs = [{"AttributeKey": "ResourceName", "AttributeValue": on_a}]
    wait_indexed(a, "ResourceName", on_a, count=2)
    first = lookup(a, LookupAttributes=attrs, MaxResults=1)
    rest = lookup(b, LookupAttributes=attrs, MaxResults=1, NextToken=first["NextToken"])
    assert [e["EventName"] for e in first["Events"] + rest["Events"]] == ["GetUser", "CreateUser"]


def test_cloudtrail_event_carries_the_decision_and_the_statements_that_made_it(srv):
    """Each record says what Keyward decided and which statements decided it
    (`additionalEventData`, where CloudTrail puts service-specific data): an allow names the
    allowing statement, an explicit deny the denying one, an implicit deny none."""
    user = make_user(srv, "ct-decided")
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "ReadSelf", "Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"},
            {"Effect": "Deny", "Action": "iam:ListUsers", "Resource": "*"},
        ],
    }
    srv.iam().put_user_policy(UserName=user.name, PolicyName="decided", PolicyDocument=json.dumps(policy))
    iam = srv.iam(user.creds)
    iam.get_user(UserName=user.name)
    with pytest.raises(ClientError):
        iam.list_users()
    with pytest.raises(ClientError):
        iam.list_groups()
    events = {e["EventName"]: json.loads(e["CloudTrailEvent"])
              for e in wait_indexed(srv, "AccessKeyId", user.creds[0], count=3)}

    allowed = events["GetUser"]["additionalEventData"]
    assert allowed["keywardDecision"] == "Allow"
    (check,) = allowed["authorizations"]
    assert check["action"] == "iam:GetUser"
    assert check["resource"] == f"arn:aws:iam::123456789012:user/{user.name}"
    assert check["decision"] == "Allow"
    assert {"policyType": "identity-based policy", "policy": "decided", "sid": "ReadSelf",
            "statementIndex": 0, "effect": "Allow"} in check["matchedStatements"]

    explicit = events["ListUsers"]["additionalEventData"]
    assert explicit["keywardDecision"] == "Deny"
    assert [(s["effect"], s["statementIndex"]) for s in explicit["authorizations"][0]["matchedStatements"]] == [("Deny", 1)]
    assert events["ListUsers"]["errorCode"] == "AccessDenied"

    implicit = events["ListGroups"]["additionalEventData"]
    assert implicit["keywardDecision"] == "Deny"
    assert implicit["authorizations"][0]["matchedStatements"] == []
    assert implicit["authorizations"][0]["reason"]

    srv.iam().create_user(UserName=f"ct-root-{rand_suffix()}")
    root = next(json.loads(e["CloudTrailEvent"]) for e in by_name(srv, "CreateUser")["Events"]
                if json.loads(e["CloudTrailEvent"])["userIdentity"]["type"] == "Root")
    assert root["additionalEventData"]["keywardDecision"] == "Allow"

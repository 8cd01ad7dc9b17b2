"""`GET /metrics` (issue 18, "Metrics"): Prometheus's text format on the API listener,
unauthenticated like /healthz (`--no-metrics` turns it off). The scrape is parsed with the
Prometheus project's own Python parser, and each check is a difference between two scrapes
around calls made here: the counters move by exactly those calls, a denial is counted as the
kind of denial it is, and no key id, secret or principal appears anywhere in the text.

Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
"""

from __future__ import annotations

import gc
import json
import socket
import time

import pytest
import requests
from botocore.exceptions import ClientError
from prometheus_client.parser import text_string_to_metric_families

from conftest import KeywardServerWithArgs, make_user

ALLOW_LIST_USERS = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]})
DENY_LIST_USERS = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:ListUsers", "Resource": "*"}]})


def scrape(srv) -> tuple[str, dict[tuple[str, tuple], float]]:
    r = requests.get(srv.url + "/metrics", timeout=5)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = {}
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return r.text, samples


def value(samples, name, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def requests_of(samples, service, operation, status=200, error_code=""):
    return value(samples, "keyward_requests_total", service=service, operation=operation,
                 status=str(status), error_code=error_code)


def decisions(samples, decision):
    return value(samples, "keyward_authorization_decisions_total", decision=decision)


def test_counters_move_by_exactly_the_calls_made(fresh_server):
    srv = fresh_server
    sts, iam = srv.sts(), srv.iam()
    _, before = scrape(srv)
    for _ in range(3):
        sts.get_caller_identity()
    iam.create_user(UserName="metrics-counted")
    with pytest.raises(ClientError) as e:
        iam.get_user(UserName="metrics-nobody")
    assert e.value.response["Error"]["Code"] == "NoSuchEntity"
    _, after = scrape(srv)

    def moved(*args, **kw):
        return requests_of(after, *args, **kw) - requests_of(before, *args, **kw)

    assert moved("sts", "GetCallerIdentity") == 3
    assert moved("iam", "CreateUser") == 1
    assert moved("iam", "GetUser", 404, "NoSuchEntity") == 1
    assert moved("iam", "GetUser") == 0
    count = "keyward_request_duration_seconds_count"
    assert (value(after, count, service="sts", operation="GetCallerIdentity")
            - value(before, count, service="sts", operation="GetCallerIdentity")) == 3
    # Each of the five calls found its key in the cache (the root key was read at start).
    assert (value(after, "keyward_cache_lookups_total", cache="access_keys", result="hit")
            - value(before, "keyward_cache_lookups_total", cache="access_keys", result="hit")) == 5
    # CreateUser wrote to the store and its audit record was written and synced.
    for name, labels in [("keyward_store_duration_seconds_count", {"access": "write"}),
                         ("keyward_audit_write_duration_seconds_count", {})]:
        assert value(after, name, **labels) > value(before, name, **labels), name
    # Root's calls are not evaluated by the policy engine.
    for d in ("allow", "explicit_deny", "implicit_deny"):
        assert decisions(after, d) == decisions(before, d)
    assert value(after, "keyward_connections_open", listener="api") >= 1
    for gauge in ("keyward_audit_queued_records", "keyward_audit_pending_bytes"):
        assert (gauge, ()) in after


def test_denials_are_counted_by_kind(fresh_server):
    srv = fresh_server
    allowed = make_user(srv, "m-allowed")
    srv.iam().put_user_policy(UserName=allowed.name, PolicyName="p", PolicyDocument=ALLOW_LIST_USERS)
    nothing = make_user(srv, "m-nothing")
    denied = make_user(srv, "m-denied")
    srv.iam().put_user_policy(UserName=denied.name, PolicyName="p", PolicyDocument=DENY_LIST_USERS)

    def one_call(user):
        _, before = scrape(srv)
        try:
            srv.iam(user.creds).list_users()
            outcome = "ok"
        except ClientError as e:
            outcome = e.response["Error"]["Code"]
        _, after = scrape(srv)
        return outcome, {d: decisions(after, d) - decisions(before, d)
                         for d in ("allow", "explicit_deny", "implicit_deny")}, before, after

    outcome, moved, _, _ = one_call(allowed)
    assert outcome == "ok" and moved == {"allow": 1, "explicit_deny": 0, "implicit_deny": 0}
    outcome, moved, before, after = one_call(nothing)
    assert outcome == "AccessDenied"
    assert moved == {"allow": 0, "explicit_deny": 0, "implicit_deny": 1}
    assert (requests_of(after, "iam", "ListUsers", 403, "AccessDenied")
            - requests_of(before, "iam", "ListUsers", 403, "AccessDenied")) == 1
    outcome, moved, _, _ = one_call(denied)
    assert outcome == "AccessDenied"
    assert moved == {"allow": 0, "explicit_deny": 1, "implicit_deny": 0}

    text, samples = scrape(srv)
    for secret in (srv.root_access_key_id, srv.root_secret, *allowed.creds, *nothing.creds,
                   *denied.creds, allowed.name, allowed.arn):
        assert secret not in text
    labels = {k for (_, ls) in samples for k, _ in ls}
    assert labels <= {"service", "operation", "status", "error_code", "decision", "cache",
                      "result", "access", "listener", "le"}, labels


def test_made_up_actions_do_not_become_labels(fresh_server):
    srv = fresh_server
    r = requests.post(srv.url + "/", data={"Action": "NoSuchActionAKIAIOSFODNN7EXAMPLE",
                                          "Version": "2010-05-08"}, timeout=5)
    assert r.status_code >= 400
    text, samples = scrape(srv)
    assert "NoSuchAction" not in text and "AKIAIOSFODNN7EXAMPLE" not in text
    assert any(name == "keyward_requests_total" and ("operation", "unknown") in ls
               for (name, ls) in samples)


def test_refused_connections_are_counted(tmp_path):
    srv = KeywardServerWithArgs(tmp_path / "srv", extra_args=["--max-connections", "2"]).start()
    try:
        # The start's health check may hold its connection until a collection frees it.
        gc.collect()
        time.sleep(0.3)
        idle = [socket.create_connection(("127.0.0.1", srv.port)) for _ in range(2)]
        time.sleep(0.3)
        refused = socket.create_connection(("127.0.0.1", srv.port))
        refused.settimeout(5)
        assert refused.recv(64).startswith(b"HTTP/1.1 503")
        refused.close()
        idle.pop().close()
        time.sleep(0.3)
        _, samples = scrape(srv)
        assert value(samples, "keyward_connections_refused_total", listener="api") == 1
        # The idle connection and the scrape's own.
        assert value(samples, "keyward_connections_open", listener="api") == 2
        for s in idle:
            s.close()
    finally:
        srv.kill()


def test_metrics_can_be_turned_off(tmp_path):
    srv = KeywardServerWithArgs(tmp_path / "srv", extra_args=["--no-metrics"]).start()
    try:
        r = requests.get(srv.url + "/metrics", timeout=5)
        assert r.status_code != 200 and "keyward_" not in r.text
    finally:
        srv.kill()

"""The request limits as configuration (issue 18, "Limits as configuration"), each set small here
through its `KEYWARD_…` variable (the same as its `keyward serve` flag):

- `--max-body-bytes` (8 MiB): a larger body is answered `413 RequestEntityTooLarge` as soon as
  the limit is passed, and nothing runs; the server goes on serving.
- `--simulation-evaluations` (10,000): actions × resources one page of a `Simulate*` call
  computes; the page ends early with `IsTruncated` and a `Marker`, and never holds fewer than
  one action (tests/conformance/test_bounded_work.py covers the default).
- `--simulations-at-once` (2): simulations computed at once; that they wait for a permit is a
  unit test of `api/iam/shared/simulate.rs` (deterministic, no timing).
"""

from __future__ import annotations

import json
import subprocess
import threading

import pytest
from botocore.exceptions import ClientError

from conftest import KeywardServer, free_port, keyward_bin

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    srv = KeywardServer(tmp_path_factory.mktemp("kw-limits"), extra_env={
        "KEYWARD_MAX_BODY_BYTES": "4096",
        "KEYWARD_SIMULATION_EVALUATIONS": "20",
        "KEYWARD_SIMULATIONS_AT_ONCE": "1",
    }).start()
    yield srv
    srv.kill()


def test_a_body_over_the_limit_is_refused_with_413(small):
    iam = small.iam()
    big = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::b/{i:04}"}
        for i in range(60)]})
    assert len(big) > 4096
    with pytest.raises(ClientError) as e:
        iam.create_policy(PolicyName="too-big", PolicyDocument=big)
    err = e.value.response
    assert err["ResponseMetadata"]["HTTPStatusCode"] == 413
    assert err["Error"]["Code"] == "RequestEntityTooLarge"
    assert err["Error"]["Message"] == "Request body must be at most 4096 bytes."
    names = [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]
    assert "too-big" not in names
    # Under the limit, the same call runs.
    iam.create_policy(PolicyName="small-enough", PolicyDocument=POLICY)


def test_a_page_holds_what_the_evaluation_budget_fits(small):
    iam = small.iam()
    actions = [f"s3:GetObject{i}" for i in range(10)]
    resources = [f"arn:aws:s3:::bucket/{i}" for i in range(5)]
    seen, pages, marker = [], [], None
    while True:
        kw = {"Marker": marker} if marker else {}
        page = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=actions,
                                          ResourceArns=resources, **kw)
        pages.append(len(page["EvaluationResults"]))
        seen += [r["EvalActionName"] for r in page["EvaluationResults"]]
        if not page["IsTruncated"]:
            break
        marker = page["Marker"]
    # 20 evaluations of 5 resources each: 4 actions a page.
    assert pages == [4, 4, 2] and seen == actions


def test_a_page_holds_at_least_one_action(small):
    iam = small.iam()
    resources = [f"arn:aws:s3:::bucket/{i}" for i in range(50)]
    page = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=["s3:GetObject", "s3:PutObject"],
                                      ResourceArns=resources)
    assert len(page["EvaluationResults"]) == 1 and page["IsTruncated"]
    assert len(page["EvaluationResults"][0]["ResourceSpecificResults"]) == 50


def test_simulations_beyond_the_permits_wait_and_then_answer(small):
    results = []

    def run():
        page = small.iam().simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=["s3:GetObject"])
        results.append(page["EvaluationResults"][0]["EvalDecision"])

    workers = [threading.Thread(target=run) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert results == ["allowed"] * 4


@pytest.mark.parametrize("flag", ["--max-body-bytes", "--simulation-evaluations", "--simulations-at-once"])
def test_zero_is_refused_at_start(tmp_path, flag):
    proc = subprocess.run([keyward_bin(), "serve", "--listen", f"127.0.0.1:{free_port()}",
                           "--data-dir", str(tmp_path / "data"), flag, "0"],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0 and flag in proc.stderr

"""No request does unbounded work on the request path (issue 18, defect 3): a simulation computes
at most one page — MaxItems actions, fewer when each action has many resources — and answers
IsTruncated with a Marker for the rest; simulations run off the threads that serve requests, two
at a time, so an unrelated GetCallerIdentity is not held up by them."""

import json
import threading
import time

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::bucket-1*"}]})
RESOURCES = [f"arn:aws:s3:::bucket-{i}/key" for i in range(1000)]


def simulate(iam, actions, **kw):
    return iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=actions,
                                      ResourceArns=RESOURCES, **kw)


def test_a_page_is_bounded_and_the_rest_follows_by_marker(server):
    iam = server.iam()
    actions = [f"s3:GetObject{i}" for i in range(25)]
    started = time.monotonic()
    first = simulate(iam, actions)
    assert time.monotonic() - started < 10
    # 10,000 evaluations a page: 10 actions of 1,000 resources each.
    assert [r["EvalActionName"] for r in first["EvaluationResults"]] == actions[:10]
    assert first["IsTruncated"] and first["Marker"]
    seen = [r["EvalActionName"] for r in first["EvaluationResults"]]
    marker = first["Marker"]
    while marker:
        page = simulate(iam, actions, Marker=marker)
        seen += [r["EvalActionName"] for r in page["EvaluationResults"]]
        marker = page.get("Marker") if page["IsTruncated"] else None
    assert seen == actions
    result = first["EvaluationResults"][0]
    assert len(result["ResourceSpecificResults"]) == 1000


def test_max_items_still_caps_a_page(server):
    iam = server.iam()
    actions = [f"iam:Get{i}" for i in range(30)]
    page = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=actions, MaxItems=7)
    assert len(page["EvaluationResults"]) == 7 and page["IsTruncated"]


def test_heavy_simulations_do_not_hold_up_other_callers(server):
    iam = server.iam()
    sts = server.sts()
    sts.get_caller_identity()
    actions = [f"s3:GetObject{i}" for i in range(1000)]
    done = []
    workers = [threading.Thread(target=lambda: done.append(simulate(server.iam(), actions)))
               for _ in range(4)]
    for w in workers:
        w.start()
    time.sleep(0.2)
    slowest = 0.0
    while any(w.is_alive() for w in workers):
        started = time.monotonic()
        sts.get_caller_identity()
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(0.05)
    for w in workers:
        w.join()
    assert len(done) == 4
    assert slowest < 1.0, f"GetCallerIdentity took {slowest:.2f} s during simulations"

"""Audit records of read-only IAM calls carry `responseElements: null`, as CloudTrail's do.

CloudTrail record contents
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
`responseElements` "is present in events for actions that make changes (create, update, or
delete actions)"; for an action that does not change state, such as a request to get or list
objects, it is null. Writes keep their response elements (STS credential grants too: see
`test_sts_sessions.py`).
"""

import json

from conftest import rand_suffix, wait_for


def _record(srv, request_id):
    def find():
        for rec in srv.audit_records():
            if rec.get("requestID") == request_id:
                return rec
        return None
    return wait_for(find, timeout=5, what=f"audit record for request {request_id}")


def test_get_and_list_calls_record_null_response_elements(server):
    iam = server.iam()
    name = f"ro-{rand_suffix()}"
    created = iam.create_user(UserName=name)
    for call in (lambda: iam.get_user(UserName=name),
                 lambda: iam.list_users(),
                 lambda: iam.list_policies(Scope="AWS", MaxItems=100),
                 lambda: iam.list_attached_user_policies(UserName=name)):
        rid = call()["ResponseMetadata"]["RequestId"]
        rec = _record(server, rid)
        assert rec.get("errorCode") is None
        assert "responseElements" in rec, rec
        assert rec["responseElements"] is None, (rec["eventName"], rec["responseElements"])
        # The request is still recorded in full.
        assert rec["eventSource"] == "iam.amazonaws.com"
    get = _record(server, iam.get_user(UserName=name)["ResponseMetadata"]["RequestId"])
    assert get["requestParameters"] == {"userName": name}

    # A write keeps its response elements.
    create = _record(server, created["ResponseMetadata"]["RequestId"])
    assert create["responseElements"]["user"]["userName"] == name


def test_a_list_policies_record_stays_small(server):
    """The whole point for the log's size: a ListPolicies of AWS's managed policies used to
    record every policy of the page (tens of kilobytes)."""
    rid = server.iam().list_policies(Scope="AWS", MaxItems=1000)["ResponseMetadata"]["RequestId"]
    rec = _record(server, rid)
    assert rec["responseElements"] is None
    assert len(json.dumps(rec)) < 4096


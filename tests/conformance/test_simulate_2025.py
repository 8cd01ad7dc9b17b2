"""SimulatePrincipalPolicy / SimulateCustomPolicy in the shape AWS answers since 2025, through the
real boto3 and aws CLI.

The IAM API reference (API_EvaluationResult, "Important"): "The simulator now returns a single
EvaluationResult per action, regardless of how many resource ARNs are provided. ... The top-level
EvalDecision reflects the most restrictive decision across all resources (for example, if any
resource produces explicitDeny, the top-level decision is explicitDeny). To see the decision for
each individual resource, use ResourceSpecificResults."

Choices where the reference is silent, asserted here so that a change is deliberate:
  * EvalResourceName is "*" when several resources were simulated, and the resource itself when
    one was;
  * the top-level MatchedStatements are those behind the aggregate decision (the statements of the
    resources whose decision is the aggregate one), each once; MissingContextValues stay per
    resource, as EvaluationResult.MissingContextValues' own documentation says.
"""

import json

from conftest import ACCOUNT_ID, make_user, rand_suffix

GOOD = "arn:aws:s3:::good-bucket/reports/q1.csv"
OTHER = "arn:aws:s3:::other-bucket/reports/q1.csv"
SECRET = "arn:aws:s3:::good-bucket/secret.txt"

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "GoodBucket", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
     "Resource": "arn:aws:s3:::good-bucket/*"},
    {"Sid": "NoSecret", "Effect": "Deny", "Action": "s3:*", "Resource": SECRET},
]})
ACTIONS = ["s3:GetObject", "s3:PutObject"]


def per_resource(r: dict) -> list[tuple[str, str]]:
    return [(rs["EvalResourceName"], rs["EvalResourceDecision"]) for rs in r["ResourceSpecificResults"]]


def policy_ids(statements: list[dict]) -> set[str]:
    """The policy ids of matched statements (the simulator does not return Sids)."""
    return {st["SourcePolicyId"] for st in statements}


def check_aggregated(results: list[dict], resources: list[str], want: list[str], top: str) -> None:
    assert [r["EvalActionName"] for r in results] == ACTIONS, results
    for r in results:
        assert r["EvalResourceName"] == "*", r
        assert r["EvalDecision"] == top, r
        assert per_resource(r) == list(zip(resources, want)), r
        assert r["EvalDecisionDetails"] == {}, r
        assert r["MissingContextValues"] == [], r
        for rs in r["ResourceSpecificResults"]:
            assert rs["EvalDecisionDetails"] == {}, rs
            if rs["EvalResourceDecision"] == "implicitDeny":
                assert rs["MatchedStatements"] == [], rs
            else:
                assert len(rs["MatchedStatements"]) == 1, rs


def test_custom_policy_one_result_per_action_boto3(server):
    iam = server.iam()
    resources = [GOOD, OTHER, SECRET]
    out = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS,
                                     ResourceArns=resources)
    assert out["IsTruncated"] is False
    results = out["EvaluationResults"]
    assert len(results) == len(ACTIONS)
    check_aggregated(results, resources, ["allowed", "implicitDeny", "explicitDeny"], "explicitDeny")
    for r in results:
        # The deny decided the aggregate: it alone is named at the top level.
        assert len(r["MatchedStatements"]) == 1, r
        deny = r["MatchedStatements"][0]
        assert (deny["SourcePolicyId"], deny["SourcePolicyType"]) == ("PolicyInputList.1", "none")
        assert deny == r["ResourceSpecificResults"][2]["MatchedStatements"][0]
        allow = r["ResourceSpecificResults"][0]["MatchedStatements"][0]
        assert (allow["StartPosition"]["Column"], deny["StartPosition"]["Column"]) == \
            (POLICY.index('{"Sid": "GoodBucket"') + 2, POLICY.index('{"Sid": "NoSecret"') + 2)

    # Without the denied object the implicit deny of the other bucket is the most restrictive.
    out = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS,
                                     ResourceArns=[GOOD, OTHER])
    check_aggregated(out["EvaluationResults"], [GOOD, OTHER], ["allowed", "implicitDeny"], "implicitDeny")
    assert all(r["MatchedStatements"] == [] for r in out["EvaluationResults"])

    # All allowed: allowed at the top, with the allowing statement.
    out = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS,
                                     ResourceArns=[GOOD, "arn:aws:s3:::good-bucket/other.csv"])
    for r in out["EvaluationResults"]:
        assert r["EvalDecision"] == "allowed", r
        assert policy_ids(r["MatchedStatements"]) == {"PolicyInputList.1"}, r

    # One resource: its name at the top level, its result inside.
    out = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS, ResourceArns=[SECRET])
    for r in out["EvaluationResults"]:
        assert (r["EvalResourceName"], r["EvalDecision"]) == (SECRET, "explicitDeny"), r
        assert per_resource(r) == [(SECRET, "explicitDeny")], r

    # Pages count actions.
    page = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS,
                                      ResourceArns=resources, MaxItems=1)
    assert page["IsTruncated"] is True and len(page["EvaluationResults"]) == 1
    assert len(page["EvaluationResults"][0]["ResourceSpecificResults"]) == 3
    rest = iam.simulate_custom_policy(PolicyInputList=[POLICY], ActionNames=ACTIONS,
                                      ResourceArns=resources, Marker=page["Marker"])
    assert [r["EvalActionName"] for r in rest["EvaluationResults"]] == ["s3:PutObject"]


def test_principal_policy_one_result_per_action_boto3_and_cli(server, cli):
    iam = server.iam()
    u = make_user(server, "sim2025", with_key=False)
    iam.put_user_policy(UserName=u.name, PolicyName="reports", PolicyDocument=POLICY)
    boundary = iam.create_policy(PolicyName=f"reads-{rand_suffix()}", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}))["Policy"]
    iam.put_user_permissions_boundary(UserName=u.name, PermissionsBoundary=boundary["Arn"])
    assert u.arn == f"arn:aws:iam::{ACCOUNT_ID}:user/{u.name}"

    resources = [GOOD, OTHER, SECRET]
    out = iam.simulate_principal_policy(PolicySourceArn=u.arn, ActionNames=ACTIONS, ResourceArns=resources)
    results = out["EvaluationResults"]
    get, put = results
    assert [r["EvalActionName"] for r in results] == ACTIONS
    assert per_resource(get) == [(GOOD, "allowed"), (OTHER, "implicitDeny"), (SECRET, "explicitDeny")]
    # The boundary allows only s3:GetObject: PutObject is implicitly denied on the good bucket.
    assert per_resource(put) == [(GOOD, "implicitDeny"), (OTHER, "implicitDeny"), (SECRET, "explicitDeny")]
    for r in results:
        assert (r["EvalResourceName"], r["EvalDecision"]) == ("*", "explicitDeny"), r
        assert policy_ids(r["MatchedStatements"]) == {"reports"}, r
        assert r["MatchedStatements"][0]["SourcePolicyType"] == "user", r
    allowed_by_boundary = [[rs["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"]
                            for rs in r["ResourceSpecificResults"]] for r in results]
    assert allowed_by_boundary == [[True, True, True], [False, False, False]]
    assert get["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}
    assert put["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": False}

    # The same through `aws iam simulate-principal-policy`.
    via_cli = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", u.arn,
                      "--action-names", *ACTIONS, "--resource-arns", *resources).ok().json
    assert via_cli["EvaluationResults"] == results

"""The IAM parts of the three guides (shared/seeds/000 Braket, 001 Keyspaces, 002 Bedrock), checked
through the policy simulator: SimulatePrincipalPolicy, SimulateCustomPolicy,
GetContextKeysForPrincipalPolicy and GetContextKeysForCustomPolicy, with the real `aws` CLI v1 and
boto3.

Response shapes (botocore data/iam/2010-05-08/service-2.json and the IAM API reference,
API_EvaluationResult / API_ResourceSpecificResult / API_Statement):
  * EvaluationResult: EvalActionName and EvalDecision are required; EvalDecision is one of
    "allowed" | "explicitDeny" | "implicitDeny"; EvalResourceName, MatchedStatements,
    MissingContextValues, EvalDecisionDetails, PermissionsBoundaryDecisionDetail
    ({"AllowedByPermissionsBoundary": bool}) and ResourceSpecificResults
    (EvalResourceName, EvalResourceDecision, MatchedStatements, MissingContextValues) are optional.
  * Statement: SourcePolicyId, SourcePolicyType, StartPosition/EndPosition {Line, Column}.
  * "MissingContextValues ... is used when the resource in a simulation is "*" ... If you include a
    list of resources, then any missing context values are instead included under the
    ResourceSpecificResults section" (EvaluationResult.MissingContextValues doc).
  * EvalDecisionDetails: "If the simulation evaluates policies within the same account and includes
    a resource ARN, then the parameter is present but the response is empty. If [it] specifies all
    resources (*), then the parameter is not returned."
  * Since 2025 the simulator returns ONE EvaluationResult per action whatever the number of
    ResourceArns (aggregate, most restrictive decision at the top level; per-resource decisions in
    ResourceSpecificResults); before, it returned one per resource. The helpers below read
    per-resource decisions from ResourceSpecificResults when present and otherwise from the top
    level; the aggregated form itself is asserted here and in test_simulate_2025.py.
Values seen in AWS's own output (awscli examples iam/simulate-principal-policy.rst and
simulate-custom-policy.rst, and published real captures):
  * every EvaluationResult carries "MatchedStatements" (empty list when nothing matched) and
    "MissingContextValues" (empty list when nothing is missing);
  * SourcePolicyId is the policy's name for attached managed policies (real captures:
    "AdministratorAccess", "AmazonS3ReadOnlyAccess") and "PolicyInputList.N" for documents passed
    in PolicyInputList;
  * SourcePolicyType in real captures is "IAM Policy", although the model's enum lists
    user | group | role | aws-managed | user-managed | resource | none: either is accepted.
Positions are not asserted beyond being 1-based and ordered (implementation detail of the text).
"""

from pathlib import Path
import json

import pytest

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix

GUIDE_POLICIES = Path(__file__).resolve().parent.parent / "data" / "guides"


def guide_policy(name: str) -> str:
    """A policy document exactly as a guide in shared/seeds prints it (shared with the Rust tests)."""
    return (GUIDE_POLICIES / name).read_text()


DECISIONS = {"allowed", "explicitDeny", "implicitDeny"}
POLICY_SOURCE_TYPES = {"IAM Policy", "user", "group", "role", "aws-managed", "user-managed",
                       "resource", "none"}

# The Braket guide's "Required AWS Permissions" JSON, verbatim (shared/seeds/000_*.txt).
BRAKET_POLICY = guide_policy("braket-policy.json")
BRAKET_ACTIONS = ["braket:GetDevice", "braket:GetQuantumTask", "braket:SearchDevices",
                  "braket:CreateQuantumTask", "braket:CancelQuantumTask",
                  "braket:GetDeviceAvailability", "pricing:GetProducts", "pricing:DescribeServices"]
S3_OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]

# The Bedrock guide's policies, verbatim (shared/seeds/002_*.txt).
# "Required Permissions" -- "Minimum IAM policy for Bedrock access" (model families by wildcard).
BEDROCK_ALL_MODELS = guide_policy("bedrock-all-models.json")
# "Model-Specific Permissions" -- "For specific models only".
BEDROCK_MODEL_SPECIFIC = guide_policy("bedrock-model-specific.json")
# "Security Best Practices / 1. Principle of Least Privilege" -- region-conditioned.
BEDROCK_REGION_CONDITIONED = guide_policy("bedrock-region-conditioned.json")
# "Enhanced Permissions" -- "For additional features like model listing".
BEDROCK_ENHANCED = guide_policy("bedrock-enhanced.json")


def model_arn(model: str, region: str = "us-east-1") -> str:
    return f"arn:aws:bedrock:{region}::foundation-model/{model}"


HAIKU = model_arn("anthropic.claude-3-haiku-20240307-v1:0")
SONNET = model_arn("anthropic.claude-3-sonnet-20240229-v1:0")

# EC2 trust policy, as the Keyspaces guide's role ("Choose a use case ... Amazon EC2") creates.
EC2_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def region_entry(*values: str) -> list[dict]:
    return [{"ContextKeyName": "aws:RequestedRegion", "ContextKeyValues": list(values),
             "ContextKeyType": "string"}]


# ---------------------------------------------------------------------------
# Shape checks and readers
# ---------------------------------------------------------------------------
def check_statement(st: dict) -> None:
    assert isinstance(st.get("SourcePolicyId"), str) and st["SourcePolicyId"], st
    assert st.get("SourcePolicyType") in POLICY_SOURCE_TYPES, st
    start, end = st["StartPosition"], st["EndPosition"]
    for pos in (start, end):
        assert isinstance(pos["Line"], int) and pos["Line"] >= 1, st
        assert isinstance(pos["Column"], int) and pos["Column"] >= 1, st
    assert (start["Line"], start["Column"]) < (end["Line"], end["Column"]), st


def check_result(r: dict) -> None:
    """The documented shape of one EvaluationResult (and its ResourceSpecificResults)."""
    assert isinstance(r["EvalActionName"], str), r
    assert r["EvalDecision"] in DECISIONS, r
    assert isinstance(r["MatchedStatements"], list), r
    assert isinstance(r["MissingContextValues"], list), r
    for st in r["MatchedStatements"]:
        check_statement(st)
    if r["EvalDecision"] == "allowed":
        assert r["MatchedStatements"], f"an allowed result names the statements that allow it: {r}"
    for rs in r.get("ResourceSpecificResults", []):
        assert isinstance(rs["EvalResourceName"], str), rs
        assert rs["EvalResourceDecision"] in DECISIONS, rs
        for st in rs.get("MatchedStatements", []):
            check_statement(st)
        if rs["EvalResourceDecision"] == "allowed":
            assert rs.get("MatchedStatements"), rs
    if "PermissionsBoundaryDecisionDetail" in r:
        assert isinstance(r["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"], bool), r


def check_response(resp: dict) -> list[dict]:
    assert resp.get("IsTruncated", False) is False, resp
    results = resp["EvaluationResults"]
    for r in results:
        check_result(r)
    return results


def decisions(results: list[dict]) -> dict[tuple[str, str], str]:
    """(action, resource) -> decision, per resource when ResourceSpecificResults is present."""
    out: dict[tuple[str, str], str] = {}
    for r in results:
        rsr = r.get("ResourceSpecificResults") or []
        if rsr:
            for rs in rsr:
                out[(r["EvalActionName"], rs["EvalResourceName"])] = rs["EvalResourceDecision"]
        else:
            out[(r["EvalActionName"], r["EvalResourceName"])] = r["EvalDecision"]
    return out


def missing_context(r: dict) -> set[str]:
    """Missing keys, wherever the API reference puts them (top level for "*", else per resource)."""
    keys = set(r.get("MissingContextValues") or [])
    for rs in r.get("ResourceSpecificResults") or []:
        keys |= set(rs.get("MissingContextValues") or [])
    return keys


def only(results: list[dict], action: str) -> dict:
    rs = [r for r in results if r["EvalActionName"] == action]
    assert len(rs) == 1, results
    return rs[0]


def source_ids(r: dict) -> set[str]:
    return {st["SourcePolicyId"] for st in r["MatchedStatements"]}


# ---------------------------------------------------------------------------
# Braket guide (seed 000): "Creating IAM User for Braket", verbatim, then the simulator
# ---------------------------------------------------------------------------
def test_braket_guide_iam_section_then_simulate_cli(cli, server, tmp_path):
    user = f"braket-user-{rand_suffix()}"
    pname = f"BraketAccessPolicy-{rand_suffix()}"
    policy_file = tmp_path / "braket-policy.json"
    policy_file.write_text(BRAKET_POLICY)

    # 1. aws iam create-user --user-name braket-user
    created_user = cli.run("iam", "create-user", "--user-name", user).ok().json["User"]
    user_arn = created_user["Arn"]
    assert user_arn == f"arn:aws:iam::{ACCOUNT_ID}:user/{user}"
    # 2. aws iam create-policy --policy-name BraketAccessPolicy --policy-document file://braket-policy.json
    policy = cli.run("iam", "create-policy", "--policy-name", pname,
                     "--policy-document", f"file://{policy_file}").ok().json["Policy"]
    policy_arn = f"arn:aws:iam::{ACCOUNT_ID}:policy/{pname}"
    assert policy["Arn"] == policy_arn
    #    aws iam attach-user-policy --user-name braket-user --policy-arn arn:aws:iam::YOUR-ACCOUNT-ID:policy/BraketAccessPolicy
    cli.run("iam", "attach-user-policy", "--user-name", user, "--policy-arn", policy_arn).ok()
    # 3. aws iam create-access-key --user-name braket-user
    key = cli.run("iam", "create-access-key", "--user-name", user).ok().json["AccessKey"]
    assert key["Status"] == "Active"
    # Verification Commands: aws sts get-caller-identity (with the new key)
    ident = cli.run("sts", "get-caller-identity",
                    creds=(key["AccessKeyId"], key["SecretAccessKey"])).ok().json
    assert ident["Arn"] == user_arn
    # The guide's policy grants nothing on IAM: a real call with the key is refused (README example;
    # message form: IAM User Guide, troubleshoot_access-denied).
    r = cli.run("iam", "list-users", creds=(key["AccessKeyId"], key["SecretAccessKey"]))
    assert r.rc != 0 and r.error == (
        "AccessDenied", f"User: {user_arn} is not authorized to perform: iam:ListUsers on resource: "
        f"arn:aws:iam::{ACCOUNT_ID}:user/ because no identity-based policy allows the iam:ListUsers action")

    # Every Braket and Pricing action the guide lists is allowed on "*" (no --resource-arns).
    out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", user_arn,
                  "--action-names", *BRAKET_ACTIONS).ok().json
    results = check_response(out)
    assert [r["EvalActionName"] for r in results] == BRAKET_ACTIONS
    for r in results:
        assert (r["EvalResourceName"], r["EvalDecision"]) == ("*", "allowed"), r
        assert source_ids(r) == {pname}, r
        assert r["MissingContextValues"] == []
        # "specifies all resources (*), then the parameter is not returned"
        assert "EvalDecisionDetails" not in r, r
        # no permissions boundary on this user
        assert "PermissionsBoundaryDecisionDetail" not in r, r

    # The results bucket: objects and the bucket itself are allowed.
    bucket = "arn:aws:s3:::your-braket-results-bucket"
    obj = f"{bucket}/tasks/{rand_suffix()}/results.json"
    for actions, resource in ((S3_OBJECT_ACTIONS, obj), (["s3:ListBucket"], bucket)):
        out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", user_arn,
                      "--action-names", *actions, "--resource-arns", resource).ok().json
        results = check_response(out)
        assert decisions(results) == {(a, resource): "allowed" for a in actions}
        for r in results:
            assert (r["EvalResourceName"], r["EvalDecision"]) == (resource, "allowed"), r
            assert source_ids(r) == {pname}, r
            # "includes a resource ARN, then the parameter is present but the response is empty"
            assert r["EvalDecisionDetails"] == {}, r

    # Any other bucket is implicitly denied: the guide's policy names only the results bucket.
    other = f"arn:aws:s3:::some-other-bucket-{rand_suffix()}"
    for actions, resource in ((S3_OBJECT_ACTIONS, f"{other}/results.json"), (["s3:ListBucket"], other),
                              (["s3:GetObject"], f"{bucket}-copy/results.json")):
        out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", user_arn,
                      "--action-names", *actions, "--resource-arns", resource).ok().json
        results = check_response(out)
        assert decisions(results) == {(a, resource): "implicitDeny" for a in actions}
        for r in results:
            assert (r["EvalResourceName"], r["EvalDecision"], r["MatchedStatements"]) == \
                (resource, "implicitDeny", []), r

    # Actions the guide does not grant are implicitly denied too.
    out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", user_arn,
                  "--action-names", "braket:DeleteQuantumTask", "s3:DeleteBucket", "iam:CreateUser").ok().json
    assert {r["EvalActionName"]: r["EvalDecision"] for r in check_response(out)} == {
        "braket:DeleteQuantumTask": "implicitDeny", "s3:DeleteBucket": "implicitDeny",
        "iam:CreateUser": "implicitDeny"}


def test_braket_policy_simulated_with_both_buckets_in_one_call(server):
    """One call with several ResourceArns: one result per action, per-resource decisions inside."""
    iam = server.iam()
    u = make_user(server, "braket-multi", with_key=False)
    iam.put_user_policy(UserName=u.name, PolicyName="braket", PolicyDocument=BRAKET_POLICY)
    good = "arn:aws:s3:::your-braket-results-bucket/out/result.json"
    bad = f"arn:aws:s3:::not-the-results-bucket-{rand_suffix()}/out/result.json"
    out = iam.simulate_principal_policy(PolicySourceArn=u.arn, ActionNames=S3_OBJECT_ACTIONS,
                                        ResourceArns=[good, bad])
    got = decisions(check_response(out))
    want = {(a, good): "allowed" for a in S3_OBJECT_ACTIONS}
    want.update({(a, bad): "implicitDeny" for a in S3_OBJECT_ACTIONS})
    assert got == want
    # One result per action, whose decision is the most restrictive across the resources.
    assert [r["EvalActionName"] for r in out["EvaluationResults"]] == S3_OBJECT_ACTIONS
    for r in out["EvaluationResults"]:
        assert len(r["ResourceSpecificResults"]) == 2, r
        assert (r["EvalResourceName"], r["EvalDecision"]) == ("*", "implicitDeny"), r
    # SourcePolicyId for an inline user policy is the policy's name.
    for r in out["EvaluationResults"]:
        for rs in r.get("ResourceSpecificResults") or []:
            if rs["EvalResourceDecision"] == "allowed":
                assert {st["SourcePolicyId"] for st in rs["MatchedStatements"]} <= {"braket", f"user_{u.name}_braket"}


# ---------------------------------------------------------------------------
# Keyspaces guide (seed 001): AmazonKeyspacesReadOnlyAccess through a group
# ---------------------------------------------------------------------------
KEYSPACES_RO = "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess"
TABLE_ARN = f"arn:aws:cassandra:us-east-1:{ACCOUNT_ID}:/keyspace/catalog/table/books"


@pytest.fixture(scope="module")
def keyspaces_member(server):
    """"attach your policies to groups and then make users members of the appropriate groups"."""
    iam = server.iam()
    group = f"keyspaces-readers-{rand_suffix()}"
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=KEYSPACES_RO)
    u = make_user(server, "keyspaces-user")
    iam.add_user_to_group(GroupName=group, UserName=u.name)
    return group, u


def test_keyspaces_group_member_simulated_boto3(server, keyspaces_member):
    group, u = keyspaces_member
    iam = server.iam()
    out = iam.simulate_principal_policy(PolicySourceArn=u.arn,
                                        ActionNames=["cassandra:Select", "cassandra:Modify"])
    results = check_response(out)
    select, modify = only(results, "cassandra:Select"), only(results, "cassandra:Modify")
    assert (select["EvalResourceName"], select["EvalDecision"]) == ("*", "allowed")
    assert source_ids(select) == {"AmazonKeyspacesReadOnlyAccess"}
    assert (modify["EvalResourceName"], modify["EvalDecision"], modify["MatchedStatements"]) == \
        ("*", "implicitDeny", [])
    # On a table ARN as well.
    out = iam.simulate_principal_policy(PolicySourceArn=u.arn, ResourceArns=[TABLE_ARN],
                                        ActionNames=["cassandra:Select", "cassandra:Modify",
                                                     "cassandra:Drop"])
    assert decisions(check_response(out)) == {("cassandra:Select", TABLE_ARN): "allowed",
                                               ("cassandra:Modify", TABLE_ARN): "implicitDeny",
                                               ("cassandra:Drop", TABLE_ARN): "implicitDeny"}
    # The group itself, simulated directly.
    group_arn = iam.get_group(GroupName=group)["Group"]["Arn"]
    out = iam.simulate_principal_policy(PolicySourceArn=group_arn,
                                        ActionNames=["cassandra:Select", "cassandra:Modify"])
    assert {r["EvalActionName"]: r["EvalDecision"] for r in check_response(out)} == {
        "cassandra:Select": "allowed", "cassandra:Modify": "implicitDeny"}
    # The context keys of the member's policies: the managed policy has no conditions.
    keys = iam.get_context_keys_for_principal_policy(PolicySourceArn=u.arn)
    assert keys.get("ContextKeyNames", []) == []


def test_keyspaces_group_member_simulated_cli(cli, server, keyspaces_member):
    _, u = keyspaces_member
    out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", u.arn,
                  "--action-names", "cassandra:Select", "cassandra:Modify").ok().json
    results = check_response(out)
    assert [(r["EvalActionName"], r["EvalResourceName"], r["EvalDecision"]) for r in results] == [
        ("cassandra:Select", "*", "allowed"), ("cassandra:Modify", "*", "implicitDeny")]
    assert source_ids(results[0]) == {"AmazonKeyspacesReadOnlyAccess"}
    # The member's own key can run the guide's verification, and the simulation as root agrees
    # with what the member may do on IAM itself: nothing (the Keyspaces policy grants no iam:*).
    assert cli.run("sts", "get-caller-identity", creds=u.creds).ok().json["Arn"] == u.arn
    out = cli.run("iam", "simulate-principal-policy", "--policy-source-arn", u.arn,
                  "--action-names", "iam:ListUsers").ok().json
    assert check_response(out)[0]["EvalDecision"] == "implicitDeny"


def test_keyspaces_membership_change_seen_by_next_simulation(server):
    iam = server.iam()
    group = f"keyspaces-tmp-{rand_suffix()}"
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=KEYSPACES_RO)
    u = make_user(server, "keyspaces-tmp", with_key=False)

    def select():
        out = iam.simulate_principal_policy(PolicySourceArn=u.arn, ActionNames=["cassandra:Select"])
        return check_response(out)[0]["EvalDecision"]

    assert select() == "implicitDeny"
    iam.add_user_to_group(GroupName=group, UserName=u.name)
    assert select() == "allowed"
    iam.remove_user_from_group(GroupName=group, UserName=u.name)
    assert select() == "implicitDeny"


def test_keyspaces_role_for_ec2_simulated(server):
    """The guide's "Create an IAM role that grants read-only access to Amazon Keyspaces"."""
    iam = server.iam()
    role = f"keyspaces-ec2-{rand_suffix()}"
    role_arn = iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
    iam.attach_role_policy(RoleName=role, PolicyArn=KEYSPACES_RO)
    out = iam.simulate_principal_policy(PolicySourceArn=role_arn,
                                        ActionNames=["cassandra:Select", "cassandra:Modify"])
    results = check_response(out)
    assert {r["EvalActionName"]: r["EvalDecision"] for r in results} == {
        "cassandra:Select": "allowed", "cassandra:Modify": "implicitDeny"}
    assert source_ids(only(results, "cassandra:Select")) == {"AmazonKeyspacesReadOnlyAccess"}


# ---------------------------------------------------------------------------
# Bedrock guide (seed 002): its policies simulated, with and without context
# ---------------------------------------------------------------------------
INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]


def simulate_custom(server, policy: str, actions: list[str], resource: str, context=None) -> list[dict]:
    kw = {"PolicyInputList": [policy], "ActionNames": actions, "ResourceArns": [resource]}
    if context is not None:
        kw["ContextEntries"] = context
    return check_response(server.iam().simulate_custom_policy(**kw))


def test_bedrock_all_models_policy(server):
    allowed = [HAIKU, SONNET, model_arn("anthropic.claude-3-opus-20240229-v1:0", "us-west-2"),
               model_arn("amazon.titan-text-express-v1", "eu-central-1"),
               model_arn("ai21.j2-ultra-v1"), model_arn("cohere.command-r-v1:0", "ap-southeast-1"),
               model_arn("meta.llama3-8b-instruct-v1:0", "ap-northeast-1")]
    for resource in allowed:
        results = simulate_custom(server, BEDROCK_ALL_MODELS, INVOKE, resource)
        assert decisions(results) == {(a, resource): "allowed" for a in INVOKE}
        for r in results:
            assert (r["EvalResourceName"], r["EvalDecision"]) == (resource, "allowed"), r
            # Documents passed in PolicyInputList are named PolicyInputList.N (awscli examples).
            assert source_ids(r) == {"PolicyInputList.1"}, r
            assert r["MissingContextValues"] == []
    denied = [model_arn("mistral.mistral-7b-instruct-v0:2"), model_arn("stability.stable-diffusion-xl-v1"),
              model_arn("amazon.nova-pro-v1:0"),
              f"arn:aws:bedrock:us-east-1:{ACCOUNT_ID}:provisioned-model/anthropic.claude-abc"]
    for resource in denied:
        results = simulate_custom(server, BEDROCK_ALL_MODELS, INVOKE, resource)
        assert decisions(results) == {(a, resource): "implicitDeny" for a in INVOKE}
    # Listing models is not granted by the minimum policy.
    results = check_response(server.iam().simulate_custom_policy(
        PolicyInputList=[BEDROCK_ALL_MODELS], ActionNames=["bedrock:ListFoundationModels"]))
    assert (results[0]["EvalResourceName"], results[0]["EvalDecision"]) == ("*", "implicitDeny")


def test_bedrock_model_specific_policy(server):
    for resource in (HAIKU, SONNET):
        results = simulate_custom(server, BEDROCK_MODEL_SPECIFIC, INVOKE, resource)
        assert decisions(results) == {(a, resource): "allowed" for a in INVOKE}
    for resource in (model_arn("anthropic.claude-3-haiku-20240307-v1:0", "us-west-2"),
                     model_arn("anthropic.claude-3-opus-20240229-v1:0"),
                     model_arn("anthropic.claude-3-haiku-20240307-v1:0-extra"),
                     model_arn("amazon.titan-text-express-v1")):
        results = simulate_custom(server, BEDROCK_MODEL_SPECIFIC, INVOKE, resource)
        assert decisions(results) == {(a, resource): "implicitDeny" for a in INVOKE}
        for r in results:
            assert r["MatchedStatements"] == [], r


def test_bedrock_enhanced_policy(server):
    out = server.iam().simulate_custom_policy(
        PolicyInputList=[BEDROCK_ENHANCED],
        ActionNames=["bedrock:ListFoundationModels", "bedrock:GetFoundationModel",
                     "bedrock:InvokeModel", "bedrock:CreateModelCustomizationJob"])
    assert {r["EvalActionName"]: (r["EvalResourceName"], r["EvalDecision"]) for r in check_response(out)} == {
        "bedrock:ListFoundationModels": ("*", "allowed"), "bedrock:GetFoundationModel": ("*", "allowed"),
        "bedrock:InvokeModel": ("*", "allowed"), "bedrock:CreateModelCustomizationJob": ("*", "implicitDeny")}


def test_bedrock_region_conditioned_custom_policy(server):
    iam = server.iam()
    # Matching context: allowed, nothing missing.
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, ["bedrock:InvokeModel"], HAIKU,
                              context=region_entry("us-east-1"))
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "allowed"}
    assert source_ids(results[0]) == {"PolicyInputList.1"}
    assert missing_context(results[0]) == set()
    # Non-matching context: implicitDeny, nothing missing (the key was supplied).
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, ["bedrock:InvokeModel"], HAIKU,
                              context=region_entry("eu-west-1"))
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "implicitDeny"}
    assert results[0]["MatchedStatements"] == []
    assert missing_context(results[0]) == set()
    # No context: implicitDeny, and the simulator reports aws:RequestedRegion as missing -- under
    # ResourceSpecificResults, since a resource ARN was given (EvaluationResult doc).
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, ["bedrock:InvokeModel"], HAIKU)
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "implicitDeny"}
    r = results[0]
    assert r["ResourceSpecificResults"][0]["EvalResourceName"] == HAIKU
    assert r["ResourceSpecificResults"][0]["MissingContextValues"] == ["aws:RequestedRegion"]
    assert missing_context(r) == {"aws:RequestedRegion"}
    # A context entry for an unrelated key does not satisfy the condition.
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, ["bedrock:InvokeModel"], HAIKU,
                              context=[{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["10.0.0.1"],
                                        "ContextKeyType": "ip"}])
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "implicitDeny"}
    assert missing_context(results[0]) == {"aws:RequestedRegion"}
    # The statement names only InvokeModel and only the Haiku model: context cannot widen that.
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, INVOKE, SONNET,
                              context=region_entry("us-east-1"))
    assert decisions(results) == {(a, SONNET): "implicitDeny" for a in INVOKE}
    results = simulate_custom(server, BEDROCK_REGION_CONDITIONED, INVOKE, HAIKU,
                              context=region_entry("us-east-1"))
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "allowed",
                                  ("bedrock:InvokeModelWithResponseStream", HAIKU): "implicitDeny"}
    # The resource "*" form: missing keys at the top level.
    out = iam.simulate_custom_policy(
        PolicyInputList=[BEDROCK_REGION_CONDITIONED.replace(f'"{HAIKU}"', '"*"')],
        ActionNames=["bedrock:InvokeModel"])
    r = check_response(out)[0]
    assert (r["EvalResourceName"], r["EvalDecision"]) == ("*", "implicitDeny")
    assert r["MissingContextValues"] == ["aws:RequestedRegion"]


def test_bedrock_context_keys_for_custom_policy(server):
    iam = server.iam()
    out = iam.get_context_keys_for_custom_policy(PolicyInputList=[BEDROCK_REGION_CONDITIONED])
    assert out["ContextKeyNames"] == ["aws:RequestedRegion"]
    out = iam.get_context_keys_for_custom_policy(PolicyInputList=[BEDROCK_ALL_MODELS, BEDROCK_MODEL_SPECIFIC])
    assert out.get("ContextKeyNames", []) == []
    # Several documents: the union, each key once.
    out = iam.get_context_keys_for_custom_policy(
        PolicyInputList=[BEDROCK_REGION_CONDITIONED, BEDROCK_ALL_MODELS, BEDROCK_REGION_CONDITIONED])
    assert out["ContextKeyNames"] == ["aws:RequestedRegion"]


def test_bedrock_context_keys_for_custom_policy_cli(cli):
    out = cli.run("iam", "get-context-keys-for-custom-policy",
                  "--policy-input-list", BEDROCK_REGION_CONDITIONED).ok().json
    assert out["ContextKeyNames"] == ["aws:RequestedRegion"]


def test_bedrock_policies_simulated_on_principals(server):
    """The guide's policies attached to an IAM user (managed) and to the guide's
    BedrockAccessRole (inline), then simulate_principal_policy with and without context."""
    iam = server.iam()
    u = make_user(server, "bedrock-user", with_key=False)
    pname = f"BedrockLeastPrivilege-{rand_suffix()}"
    parn = iam.create_policy(PolicyName=pname, PolicyDocument=BEDROCK_REGION_CONDITIONED)["Policy"]["Arn"]
    iam.attach_user_policy(UserName=u.name, PolicyArn=parn)

    def sim(context=None, resource=HAIKU, source=u.arn, actions=("bedrock:InvokeModel",)):
        kw = {"PolicySourceArn": source, "ActionNames": list(actions), "ResourceArns": [resource]}
        if context is not None:
            kw["ContextEntries"] = context
        return check_response(iam.simulate_principal_policy(**kw))

    results = sim(region_entry("us-east-1"))
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "allowed"}
    assert source_ids(results[0]) == {pname}
    assert missing_context(results[0]) == set()
    results = sim(region_entry("eu-central-1"))
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "implicitDeny"}
    assert missing_context(results[0]) == set()
    results = sim()
    assert decisions(results) == {("bedrock:InvokeModel", HAIKU): "implicitDeny"}
    assert results[0]["ResourceSpecificResults"][0]["MissingContextValues"] == ["aws:RequestedRegion"]
    # The principal's context keys include the condition's key.
    keys = iam.get_context_keys_for_principal_policy(PolicySourceArn=u.arn)["ContextKeyNames"]
    assert "aws:RequestedRegion" in keys
    # PolicyInputList adds the all-models policy to the user's own for this simulation only.
    results = check_response(iam.simulate_principal_policy(
        PolicySourceArn=u.arn, ActionNames=["bedrock:InvokeModel"], ResourceArns=[SONNET],
        PolicyInputList=[BEDROCK_ALL_MODELS]))
    assert decisions(results) == {("bedrock:InvokeModel", SONNET): "allowed"}
    assert source_ids(results[0]) == {"PolicyInputList.1"}
    assert decisions(sim(resource=SONNET, context=region_entry("us-east-1"))) == {
        ("bedrock:InvokeModel", SONNET): "implicitDeny"}

    # The guide's "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/BedrockAccessRole".
    role = f"BedrockAccessRole-{rand_suffix()}"
    role_arn = iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
    iam.put_role_policy(RoleName=role, PolicyName="bedrock-models", PolicyDocument=BEDROCK_MODEL_SPECIFIC)
    results = sim(source=role_arn, actions=INVOKE)
    assert decisions(results) == {(a, HAIKU): "allowed" for a in INVOKE}
    results = sim(source=role_arn, actions=INVOKE, resource=model_arn("anthropic.claude-3-opus-20240229-v1:0"))
    assert set(decisions(results).values()) == {"implicitDeny"}


# ---------------------------------------------------------------------------
# Boundaries and explicit denies in the simulator
# ---------------------------------------------------------------------------
def test_simulation_permissions_boundary_detail(server):
    iam = server.iam()
    u = make_user(server, "sim-boundary", with_key=False)
    iam.attach_user_policy(UserName=u.name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    boundary = iam.create_policy(
        PolicyName=f"readonly-boundary-{rand_suffix()}",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"}]}))["Policy"]["Arn"]
    iam.put_user_permissions_boundary(UserName=u.name, PermissionsBoundary=boundary)
    out = iam.simulate_principal_policy(PolicySourceArn=u.arn, ActionNames=["iam:ListUsers", "iam:CreateUser"])
    results = check_response(out)
    lst, create = only(results, "iam:ListUsers"), only(results, "iam:CreateUser")
    assert lst["EvalDecision"] == "allowed"
    assert lst["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}
    assert create["EvalDecision"] == "implicitDeny"
    assert create["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": False}
    # PermissionsBoundaryPolicyInputList replaces the entity's boundary for the simulation.
    out = iam.simulate_principal_policy(
        PolicySourceArn=u.arn, ActionNames=["iam:CreateUser"],
        PermissionsBoundaryPolicyInputList=[json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"}]})])
    r = check_response(out)[0]
    assert r["EvalDecision"] == "allowed"
    assert r["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}


def test_simulation_explicit_deny(server):
    allow = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
    deny = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]})
    out = server.iam().simulate_custom_policy(PolicyInputList=[allow, deny],
                                              ActionNames=["s3:GetObject", "s3:DeleteObject"])
    results = check_response(out)
    get, delete = only(results, "s3:GetObject"), only(results, "s3:DeleteObject")
    assert get["EvalDecision"] == "allowed" and source_ids(get) == {"PolicyInputList.1"}
    # "if only one statement denies that operation, then the explicit deny overrides any allow. In
    # addition, the deny statement is the only entry included in the result."
    assert delete["EvalDecision"] == "explicitDeny"
    assert source_ids(delete) == {"PolicyInputList.2"} and len(delete["MatchedStatements"]) == 1


def test_simulate_principal_policy_unknown_entity(server):
    with pytest.raises(Exception) as e:
        server.iam().simulate_principal_policy(
            PolicySourceArn=f"arn:aws:iam::{ACCOUNT_ID}:user/nobody-{rand_suffix()}",
            ActionNames=["s3:GetObject"])
    code, _, status = client_error(e)
    assert (code, status) == ("NoSuchEntity", 404)

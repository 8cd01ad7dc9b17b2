"""AWS Organizations served by Keyward over its JSON 1.1 protocol (issue 16): the organization's
structure (root, OUs, accounts) and its policies (SCPs, RCPs, …), driven by boto3 and the aws CLI.

AWS references:
- API reference, https://docs.aws.amazon.com/organizations/latest/APIReference/ (each operation's
  errors; the model's error shapes carry the messages and `Reason` codes used below).
- CreateOrganization: "By default (or if you set the FeatureSet parameter to ALL), the new
  organization is created with all features enabled and service control policies automatically
  enabled in the root."
- Quotas, https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
  (OUs nest five levels deep under the root; 5 SCPs per target; SCP size 5,120 characters).
- SCP/RCP syntax, https://docs.aws.amazon.com/organizations/latest/userguide/
  orgs_manage_policies_scps_syntax.html and orgs_manage_policies_rcps_syntax.html ("The effect
  of Allow is only supported for the RCPFullAWSAccess policy", attached to the root, every OU
  and every account when RCPs are enabled, and it cannot be detached).
"""

from __future__ import annotations

import json
import re

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT_ID, AwsCli, client_error, make_user, rand_suffix

NOT_IN_USE = "Your account is not a member of an organization."
SCP_DENY_LEAVE = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}],
}
RCP_TLS = {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Principal": "*",
        "Action": ["s3:*", "sqs:*", "kms:*"],
        "Resource": "*",
        "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}},
    }],
}


def orgs(srv, creds=None):
    return srv.client("organizations", creds)


def org_error(excinfo):
    """(code, message, status, reason) of an Organizations ClientError."""
    code, message, status = client_error(excinfo)
    return code, message, status, excinfo.value.response["Error"].get("Reason") or \
        excinfo.value.response.get("Reason")


@pytest.fixture
def srv(fresh_server):
    return fresh_server


@pytest.fixture
def org(srv):
    created = orgs(srv).create_organization()["Organization"]
    root = orgs(srv).list_roots()["Roots"][0]
    return created, root


def test_every_call_before_create_organization_is_not_in_use(srv, tmp_path):
    for call in (
        lambda c: c.describe_organization(),
        lambda c: c.list_roots(),
        lambda c: c.list_accounts(),
        lambda c: c.list_policies(Filter="SERVICE_CONTROL_POLICY"),
        lambda c: c.delete_organization(),
    ):
        with pytest.raises(ClientError) as e:
            call(orgs(srv))
        assert client_error(e) == ("AWSOrganizationsNotInUseException", NOT_IN_USE, 400)
    cli = AwsCli(srv, tmp_path / "home")
    result = cli.run("organizations", "describe-organization")
    assert result.rc != 0
    assert result.error == ("AWSOrganizationsNotInUseException", NOT_IN_USE)


def test_create_organization_with_the_cli_makes_the_caller_the_management_account(srv, tmp_path):
    cli = AwsCli(srv, tmp_path / "home")
    created = cli.run("organizations", "create-organization").ok().json["Organization"]
    assert re.fullmatch(r"o-[a-z0-9]{10,32}", created["Id"])
    assert created["Arn"] == f"arn:aws:organizations::{ACCOUNT_ID}:organization/{created['Id']}"
    assert created["FeatureSet"] == "ALL"
    assert created["MasterAccountId"] == ACCOUNT_ID
    assert created["MasterAccountArn"] == (
        f"arn:aws:organizations::{ACCOUNT_ID}:account/{created['Id']}/{ACCOUNT_ID}"
    )
    assert "@" in created["MasterAccountEmail"]
    assert created["AvailablePolicyTypes"] == [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]
    assert cli.run("organizations", "describe-organization").ok().json["Organization"] == created

    again = cli.run("organizations", "create-organization")
    assert again.error == (
        "AlreadyInOrganizationException", "The AWS account is already a member of an organization."
    )

    roots = cli.run("organizations", "list-roots").ok().json["Roots"]
    assert len(roots) == 1
    root = roots[0]
    assert re.fullmatch(r"r-[0-9a-z]{4,32}", root["Id"])
    assert root["Name"] == "Root"
    assert root["Arn"] == f"arn:aws:organizations::{ACCOUNT_ID}:root/{created['Id']}/{root['Id']}"
    assert root["PolicyTypes"] == [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]

    # FullAWSAccess is attached to the root and the management account from the start.
    for target in (root["Id"], ACCOUNT_ID):
        policies = cli.run(
            "organizations", "list-policies-for-target", "--target-id", target,
            "--filter", "SERVICE_CONTROL_POLICY",
        ).ok().json["Policies"]
        assert [p["Id"] for p in policies] == ["p-FullAWSAccess"]
        assert policies[0]["AwsManaged"] is True
        assert policies[0]["Arn"] == "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"


def test_consolidated_billing_has_no_policy_types(srv):
    created = orgs(srv).create_organization(FeatureSet="CONSOLIDATED_BILLING")["Organization"]
    assert created["FeatureSet"] == "CONSOLIDATED_BILLING"
    assert created["AvailablePolicyTypes"] == []
    root = orgs(srv).list_roots()["Roots"][0]
    with pytest.raises(ClientError) as e:
        orgs(srv).enable_policy_type(RootId=root["Id"], PolicyType="SERVICE_CONTROL_POLICY")
    assert client_error(e)[0] == "PolicyTypeNotAvailableForOrganizationException"


def test_organizational_units_nest_five_deep_with_unique_names(srv, org):
    created, root = org
    c = orgs(srv)
    parent = root["Id"]
    chain = []
    for depth in range(1, 6):
        ou = c.create_organizational_unit(ParentId=parent, Name=f"level{depth}")["OrganizationalUnit"]
        assert re.fullmatch(r"ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}", ou["Id"])
        assert ou["Id"].startswith("ou-" + root["Id"][2:] + "-")
        assert ou["Arn"] == f"arn:aws:organizations::{ACCOUNT_ID}:ou/{created['Id']}/{ou['Id']}"
        chain.append(ou["Id"])
        parent = ou["Id"]
    assert c.describe_organizational_unit(OrganizationalUnitId=chain[-1])["OrganizationalUnit"]["Path"] == (
        f"{created['Id']}/{root['Id']}/" + "/".join(chain) + "/"
    )
    with pytest.raises(ClientError) as e:
        c.create_organizational_unit(ParentId=chain[-1], Name="level6")
    code, _, status, reason = org_error(e)
    assert (code, status, reason) == ("ConstraintViolationException", 400, "OU_DEPTH_LIMIT_EXCEEDED")

    with pytest.raises(ClientError) as e:
        c.create_organizational_unit(ParentId=root["Id"], Name="level1")
    assert client_error(e) == (
        "DuplicateOrganizationalUnitException", "An OU with the same name already exists.", 400
    )
    # The same name in another parent is fine.
    c.create_organizational_unit(ParentId=chain[0], Name="level1")

    with pytest.raises(ClientError) as e:
        c.create_organizational_unit(ParentId="ou-zzzz-zzzzzzzz", Name="x")
    assert client_error(e) == (
        "ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400
    )


def test_ou_lifecycle_with_children_and_parents(srv, org, tmp_path):
    _, root = org
    cli = AwsCli(srv, tmp_path / "home")
    ou = cli.run("organizations", "create-organizational-unit", "--parent-id", root["Id"],
                 "--name", "dev").ok().json["OrganizationalUnit"]
    inner = cli.run("organizations", "create-organizational-unit", "--parent-id", ou["Id"],
                    "--name", "inner", "--tags", "Key=team,Value=core").ok().json["OrganizationalUnit"]
    renamed = cli.run("organizations", "update-organizational-unit", "--organizational-unit-id", ou["Id"],
                      "--name", "development").ok().json["OrganizationalUnit"]
    assert renamed["Name"] == "development" and renamed["Id"] == ou["Id"]

    units = cli.run("organizations", "list-organizational-units-for-parent", "--parent-id",
                    root["Id"]).ok().json["OrganizationalUnits"]
    assert [u["Name"] for u in units] == ["development"]
    children = cli.run("organizations", "list-children", "--parent-id", root["Id"],
                       "--child-type", "ORGANIZATIONAL_UNIT").ok().json["Children"]
    assert children == [{"Id": ou["Id"], "Type": "ORGANIZATIONAL_UNIT"}]
    accounts = cli.run("organizations", "list-children", "--parent-id", root["Id"],
                       "--child-type", "ACCOUNT").ok().json["Children"]
    assert accounts == [{"Id": ACCOUNT_ID, "Type": "ACCOUNT"}]
    parents = cli.run("organizations", "list-parents", "--child-id", inner["Id"]).ok().json["Parents"]
    assert parents == [{"Id": ou["Id"], "Type": "ORGANIZATIONAL_UNIT"}]
    parents = cli.run("organizations", "list-parents", "--child-id", ACCOUNT_ID).ok().json["Parents"]
    assert parents == [{"Id": root["Id"], "Type": "ROOT"}]
    tags = cli.run("organizations", "list-tags-for-resource", "--resource-id", inner["Id"]).ok().json["Tags"]
    assert tags == [{"Key": "team", "Value": "core"}]

    not_empty = cli.run("organizations", "delete-organizational-unit", "--organizational-unit-id", ou["Id"])
    assert not_empty.error == (
        "OrganizationalUnitNotEmptyException",
        "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all "
        "child OUs, and try the operation again.",
    )
    cli.run("organizations", "delete-organizational-unit", "--organizational-unit-id", inner["Id"]).ok()
    cli.run("organizations", "delete-organizational-unit", "--organizational-unit-id", ou["Id"]).ok()
    gone = cli.run("organizations", "describe-organizational-unit", "--organizational-unit-id", ou["Id"])
    assert gone.error == (
        "OrganizationalUnitNotFoundException",
        "We can't find an OU with the OrganizationalUnitId that you specified.",
    )
    missing_child = cli.run("organizations", "list-parents", "--child-id", "999999999999")
    assert missing_child.error[0] == "ChildNotFoundException"


def test_scp_lifecycle_with_the_cli(srv, org, tmp_path):
    created, root = org
    cli = AwsCli(srv, tmp_path / "home")
    ou = orgs(srv).create_organizational_unit(ParentId=root["Id"], Name="prod")["OrganizationalUnit"]
    # A new OU gets FullAWSAccess while SCPs are enabled.
    attached = orgs(srv).list_policies_for_target(TargetId=ou["Id"], Filter="SERVICE_CONTROL_POLICY")
    assert [p["Id"] for p in attached["Policies"]] == ["p-FullAWSAccess"]

    policy = cli.run(
        "organizations", "create-policy", "--type", "SERVICE_CONTROL_POLICY", "--name", "deny-leave",
        "--description", "no leaving", "--content", json.dumps(SCP_DENY_LEAVE),
    ).ok().json["Policy"]
    summary = policy["PolicySummary"]
    assert re.fullmatch(r"p-[0-9a-z]{8,128}", summary["Id"])
    assert summary["Arn"] == (
        f"arn:aws:organizations::{ACCOUNT_ID}:policy/{created['Id']}/service_control_policy/{summary['Id']}"
    )
    assert summary["Type"] == "SERVICE_CONTROL_POLICY" and summary["AwsManaged"] is False
    assert json.loads(policy["Content"]) == SCP_DENY_LEAVE

    dup = cli.run("organizations", "create-policy", "--type", "SERVICE_CONTROL_POLICY", "--name", "deny-leave",
                  "--description", "", "--content", json.dumps(SCP_DENY_LEAVE))
    assert dup.error == ("DuplicatePolicyException", "A policy with the same name already exists.")

    cli.run("organizations", "attach-policy", "--policy-id", summary["Id"], "--target-id", ou["Id"]).ok()
    again = cli.run("organizations", "attach-policy", "--policy-id", summary["Id"], "--target-id", ou["Id"])
    assert again.error == (
        "DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target."
    )
    on_ou = cli.run("organizations", "list-policies-for-target", "--target-id", ou["Id"],
                    "--filter", "SERVICE_CONTROL_POLICY").ok().json["Policies"]
    assert [p["Id"] for p in on_ou] == ["p-FullAWSAccess", summary["Id"]]
    targets = cli.run("organizations", "list-targets-for-policy", "--policy-id", summary["Id"]).ok().json["Targets"]
    assert targets == [{
        "TargetId": ou["Id"],
        "Arn": f"arn:aws:organizations::{ACCOUNT_ID}:ou/{created['Id']}/{ou['Id']}",
        "Name": "prod",
        "Type": "ORGANIZATIONAL_UNIT",
    }]
    listed = cli.run("organizations", "list-policies", "--filter", "SERVICE_CONTROL_POLICY").ok().json["Policies"]
    assert {p["Name"] for p in listed} == {"FullAWSAccess", "deny-leave"}

    in_use = cli.run("organizations", "delete-policy", "--policy-id", summary["Id"])
    assert in_use.error == (
        "PolicyInUseException",
        "The policy is attached to one or more entities. You must detach it from all roots, OUs, and "
        "accounts before performing this operation.",
    )
    updated = cli.run("organizations", "update-policy", "--policy-id", summary["Id"], "--name", "deny-leaving",
                      "--description", "still no leaving").ok().json["Policy"]["PolicySummary"]
    assert (updated["Name"], updated["Description"]) == ("deny-leaving", "still no leaving")
    described = cli.run("organizations", "describe-policy", "--policy-id", summary["Id"]).ok().json["Policy"]
    assert described["PolicySummary"] == updated

    # The last SCP of a target cannot go.
    cli.run("organizations", "detach-policy", "--policy-id", summary["Id"], "--target-id", ou["Id"]).ok()
    last = cli.run("organizations", "detach-policy", "--policy-id", "p-FullAWSAccess", "--target-id", ou["Id"])
    assert last.error[0] == "ConstraintViolationException"
    not_attached = cli.run("organizations", "detach-policy", "--policy-id", summary["Id"], "--target-id", ou["Id"])
    assert not_attached.error == (
        "PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root."
    )
    cli.run("organizations", "delete-policy", "--policy-id", summary["Id"]).ok()
    gone = cli.run("organizations", "describe-policy", "--policy-id", summary["Id"])
    assert gone.error == ("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.")


def test_policy_errors_carry_their_reason(srv, org):
    _, root = org
    c = orgs(srv)
    with pytest.raises(ClientError) as e:
        c.detach_policy(PolicyId="p-FullAWSAccess", TargetId=root["Id"])
    assert org_error(e)[3] == "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"
    with pytest.raises(ClientError) as e:
        c.update_policy(PolicyId="p-FullAWSAccess", Name="mine")
    assert org_error(e)[0::3] == ("InvalidInputException", "IMMUTABLE_POLICY")
    with pytest.raises(ClientError) as e:
        c.delete_policy(PolicyId="p-FullAWSAccess")
    assert org_error(e)[0::3] == ("InvalidInputException", "IMMUTABLE_POLICY")
    with pytest.raises(ClientError) as e:
        c.attach_policy(PolicyId="p-FullAWSAccess", TargetId="ou-zzzz-zzzzzzzz")
    assert client_error(e)[0] == "TargetNotFoundException"
    with pytest.raises(ClientError) as e:
        c.attach_policy(PolicyId="p-zzzzzzzz", TargetId=root["Id"])
    assert client_error(e)[0] == "PolicyNotFoundException"

    with_principal = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}
    with pytest.raises(ClientError) as e:
        c.create_policy(Content=json.dumps(with_principal), Description="", Name="p",
                        Type="SERVICE_CONTROL_POLICY")
    assert client_error(e)[0] == "MalformedPolicyDocumentException"
    too_big = {"Version": "2012-10-17", "Statement": [
        {"Sid": "a" * 5100, "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}
    with pytest.raises(ClientError) as e:
        c.create_policy(Content=json.dumps(too_big), Description="", Name="big", Type="SERVICE_CONTROL_POLICY")
    assert org_error(e)[0::3] == ("ConstraintViolationException", "POLICY_CONTENT_LIMIT_EXCEEDED")

    # At most five SCPs on one target.
    for i in range(4):
        p = c.create_policy(Content=json.dumps(SCP_DENY_LEAVE), Description="", Name=f"scp{i}",
                            Type="SERVICE_CONTROL_POLICY")["Policy"]["PolicySummary"]
        c.attach_policy(PolicyId=p["Id"], TargetId=root["Id"])
    sixth = c.create_policy(Content=json.dumps(SCP_DENY_LEAVE), Description="", Name="scp-six",
                            Type="SERVICE_CONTROL_POLICY")["Policy"]["PolicySummary"]
    with pytest.raises(ClientError) as e:
        c.attach_policy(PolicyId=sixth["Id"], TargetId=root["Id"])
    assert org_error(e)[0::3] == ("ConstraintViolationException", "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED")


def test_rcps_are_enabled_with_rcp_full_aws_access_everywhere(srv, org):
    _, root = org
    c = orgs(srv)
    ou = c.create_organizational_unit(ParentId=root["Id"], Name="data")["OrganizationalUnit"]
    rcp = c.create_policy(Content=json.dumps(RCP_TLS), Description="tls", Name="enforce-tls",
                          Type="RESOURCE_CONTROL_POLICY")["Policy"]["PolicySummary"]
    with pytest.raises(ClientError) as e:
        c.attach_policy(PolicyId=rcp["Id"], TargetId=ou["Id"])
    assert client_error(e) == (
        "PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.", 400
    )

    enabled = c.enable_policy_type(RootId=root["Id"], PolicyType="RESOURCE_CONTROL_POLICY")["Root"]
    assert {"Type": "RESOURCE_CONTROL_POLICY", "Status": "ENABLED"} in enabled["PolicyTypes"]
    with pytest.raises(ClientError) as e:
        c.enable_policy_type(RootId=root["Id"], PolicyType="RESOURCE_CONTROL_POLICY")
    assert client_error(e)[0] == "PolicyTypeAlreadyEnabledException"
    for target in (root["Id"], ou["Id"], ACCOUNT_ID):
        on = c.list_policies_for_target(TargetId=target, Filter="RESOURCE_CONTROL_POLICY")["Policies"]
        assert [p["Id"] for p in on] == ["p-RCPFullAWSAccess"]
    c.attach_policy(PolicyId=rcp["Id"], TargetId=ou["Id"])
    with pytest.raises(ClientError) as e:
        c.detach_policy(PolicyId="p-RCPFullAWSAccess", TargetId=ou["Id"])
    assert org_error(e)[0::3] == ("InvalidInputException", "NON_DETACHABLE_POLICY")

    for bad in (
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]},
        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "ec2:*", "Resource": "*"}]},
        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": ACCOUNT_ID}, "Action": "s3:*", "Resource": "*"}]},
    ):
        with pytest.raises(ClientError) as e:
            c.create_policy(Content=json.dumps(bad), Description="", Name="bad" + rand_suffix(),
                            Type="RESOURCE_CONTROL_POLICY")
        assert client_error(e)[0] == "MalformedPolicyDocumentException", bad

    disabled = c.disable_policy_type(RootId=root["Id"], PolicyType="RESOURCE_CONTROL_POLICY")["Root"]
    assert disabled["PolicyTypes"] == [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]
    assert c.list_targets_for_policy(PolicyId=rcp["Id"])["Targets"] == []
    with pytest.raises(ClientError) as e:
        c.disable_policy_type(RootId=root["Id"], PolicyType="RESOURCE_CONTROL_POLICY")
    assert client_error(e)[0] == "PolicyTypeNotEnabledException"
    with pytest.raises(ClientError) as e:
        c.enable_policy_type(RootId="r-zzzz", PolicyType="TAG_POLICY")
    assert client_error(e) == (
        "RootNotFoundException", "We can't find a root with the RootId that you specified.", 400
    )


def test_the_management_account_moves_between_root_and_ous(srv, org, tmp_path):
    created, root = org
    cli = AwsCli(srv, tmp_path / "home")
    accounts = cli.run("organizations", "list-accounts").ok().json["Accounts"]
    assert len(accounts) == 1
    account = accounts[0]
    assert account["Id"] == ACCOUNT_ID and account["Status"] == "ACTIVE"
    assert account["Arn"] == f"arn:aws:organizations::{ACCOUNT_ID}:account/{created['Id']}/{ACCOUNT_ID}"
    assert account["Email"] == created["MasterAccountEmail"]
    assert cli.run("organizations", "describe-account", "--account-id", ACCOUNT_ID).ok().json["Account"] == account
    missing = cli.run("organizations", "describe-account", "--account-id", "999999999999")
    assert missing.error[0] == "AccountNotFoundException"

    ou = orgs(srv).create_organizational_unit(ParentId=root["Id"], Name="mgmt")["OrganizationalUnit"]
    cli.run("organizations", "move-account", "--account-id", ACCOUNT_ID, "--source-parent-id", root["Id"],
            "--destination-parent-id", ou["Id"]).ok()
    in_ou = cli.run("organizations", "list-accounts-for-parent", "--parent-id", ou["Id"]).ok().json["Accounts"]
    assert [a["Id"] for a in in_ou] == [ACCOUNT_ID]
    assert cli.run("organizations", "list-accounts-for-parent", "--parent-id", root["Id"]).ok().json["Accounts"] == []

    wrong_source = cli.run("organizations", "move-account", "--account-id", ACCOUNT_ID, "--source-parent-id",
                           root["Id"], "--destination-parent-id", ou["Id"])
    assert wrong_source.error[0] == "SourceParentNotFoundException"
    same = cli.run("organizations", "move-account", "--account-id", ACCOUNT_ID, "--source-parent-id", ou["Id"],
                   "--destination-parent-id", ou["Id"])
    assert same.error == ("DuplicateAccountException", "That account is already present in the specified destination.")
    nowhere = cli.run("organizations", "move-account", "--account-id", ACCOUNT_ID, "--source-parent-id", ou["Id"],
                      "--destination-parent-id", "ou-zzzz-zzzzzzzz")
    assert nowhere.error[0] == "DestinationParentNotFoundException"


def test_tags_on_policies_and_ous(srv, org):
    _, root = org
    c = orgs(srv)
    p = c.create_policy(Content=json.dumps(SCP_DENY_LEAVE), Description="", Name="tagged",
                        Type="SERVICE_CONTROL_POLICY",
                        Tags=[{"Key": "env", "Value": "prod"}])["Policy"]["PolicySummary"]
    c.tag_resource(ResourceId=p["Id"], Tags=[{"Key": "owner", "Value": "sec"}, {"Key": "env", "Value": "dev"}])
    assert c.list_tags_for_resource(ResourceId=p["Id"])["Tags"] == [
        {"Key": "env", "Value": "dev"}, {"Key": "owner", "Value": "sec"}]
    c.untag_resource(ResourceId=p["Id"], TagKeys=["env", "absent"])
    assert c.list_tags_for_resource(ResourceId=p["Id"])["Tags"] == [{"Key": "owner", "Value": "sec"}]
    c.tag_resource(ResourceId=root["Id"], Tags=[{"Key": "k", "Value": "v"}])
    assert c.list_tags_for_resource(ResourceId=root["Id"])["Tags"] == [{"Key": "k", "Value": "v"}]
    with pytest.raises(ClientError) as e:
        c.tag_resource(ResourceId="ou-zzzz-zzzzzzzz", Tags=[{"Key": "k", "Value": "v"}])
    assert client_error(e)[0] == "TargetNotFoundException"
    with pytest.raises(ClientError) as e:
        c.tag_resource(ResourceId=root["Id"], Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    assert org_error(e)[0::3] == ("ConstraintViolationException", "MAX_TAG_LIMIT_EXCEEDED")


def test_pages_follow_next_token(srv, org):
    _, root = org
    c = orgs(srv)
    for i in range(3):
        c.create_organizational_unit(ParentId=root["Id"], Name=f"page{i}")
    first = c.list_organizational_units_for_parent(ParentId=root["Id"], MaxResults=2)
    assert len(first["OrganizationalUnits"]) == 2 and first["NextToken"]
    rest = c.list_organizational_units_for_parent(ParentId=root["Id"], MaxResults=2, NextToken=first["NextToken"])
    assert len(rest["OrganizationalUnits"]) == 1 and "NextToken" not in rest
    names = [u["Name"] for page in c.get_paginator("list_organizational_units_for_parent").paginate(
        ParentId=root["Id"], PaginationConfig={"PageSize": 1}) for u in page["OrganizationalUnits"]]
    assert names == ["page0", "page1", "page2"]
    with pytest.raises(ClientError) as e:
        c.list_organizational_units_for_parent(ParentId=root["Id"], NextToken="not-a-token")
    assert org_error(e)[0::3] == ("InvalidInputException", "INVALID_NEXT_TOKEN")


def test_model_constraints_answer_invalid_input(srv, org):
    """botocore checks required members and lengths but not patterns: the server answers."""
    with pytest.raises(ClientError) as e:
        orgs(srv).create_organizational_unit(ParentId="not-a-parent", Name="x")
    code, message, status, reason = org_error(e)
    assert (code, status, reason) == ("InvalidInputException", 400, "INVALID_PATTERN")
    assert message.startswith("1 validation error detected: Value 'not-a-parent' at 'parentId' failed to satisfy")


def test_access_needs_organizations_actions(srv, org):
    _, root = org
    user = make_user(srv, "orgreader")
    with pytest.raises(ClientError) as e:
        orgs(srv, user.creds).describe_organization()
    code, message, status = client_error(e)
    assert (code, status) == ("AccessDeniedException", 400)
    assert "organizations:DescribeOrganization" in message
    srv.iam().put_user_policy(UserName=user.name, PolicyName="read", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["organizations:Describe*", "organizations:List*"],
                       "Resource": "*"}],
    }))
    assert orgs(srv, user.creds).describe_organization()["Organization"]["MasterAccountId"] == ACCOUNT_ID
    with pytest.raises(ClientError) as e:
        orgs(srv, user.creds).create_organizational_unit(ParentId=root["Id"], Name="nope")
    code, message, _ = client_error(e)
    assert code == "AccessDeniedException"
    assert f"organizations:CreateOrganizationalUnit on resource: arn:aws:organizations::{ACCOUNT_ID}:root/" in message


def test_calls_are_audited_as_organizations_events(srv, org):
    c = orgs(srv)
    p = c.create_policy(Content=json.dumps(SCP_DENY_LEAVE), Description="audited", Name="audited",
                        Type="SERVICE_CONTROL_POLICY")["Policy"]["PolicySummary"]
    with pytest.raises(ClientError):
        c.delete_policy(PolicyId="p-FullAWSAccess")
    records = [r for r in srv.audit_records() if r.get("eventSource") == "organizations.amazonaws.com"]
    names = [r["eventName"] for r in records]
    assert "CreateOrganization" in names and "ListRoots" in names
    create = next(r for r in records if r["eventName"] == "CreatePolicy")
    assert create["requestParameters"]["name"] == "audited"
    assert create["responseElements"]["policy"]["policySummary"]["id"] == p["Id"]
    failed = next(r for r in records if r["eventName"] == "DeletePolicy")
    assert failed["errorCode"] == "InvalidInputException"


def test_delete_organization_leaves_the_account_without_one(srv, org):
    _, root = org
    orgs(srv).create_organizational_unit(ParentId=root["Id"], Name="left-behind")
    orgs(srv).delete_organization()
    with pytest.raises(ClientError) as e:
        orgs(srv).describe_organization()
    assert client_error(e)[0] == "AWSOrganizationsNotInUseException"
    # A new organization starts afresh.
    again = orgs(srv).create_organization()["Organization"]
    assert orgs(srv).list_organizational_units_for_parent(
        ParentId=orgs(srv).list_roots()["Roots"][0]["Id"])["OrganizationalUnits"] == []
    assert again["Id"] != org[0]["Id"]


def test_the_organization_survives_a_restart(srv, org):
    created, root = org
    ou = orgs(srv).create_organizational_unit(ParentId=root["Id"], Name="durable")["OrganizationalUnit"]
    srv.restart()
    assert orgs(srv).describe_organization()["Organization"] == created
    assert orgs(srv).describe_organizational_unit(OrganizationalUnitId=ou["Id"])["OrganizationalUnit"] == ou


def test_trusted_service_access_and_delegated_administrators(srv, org, tmp_path):
    cli = AwsCli(srv, tmp_path / "home")
    c = orgs(srv)
    cli.run("organizations", "enable-aws-service-access", "--service-principal", "config.amazonaws.com").ok()
    c.enable_aws_service_access(ServicePrincipal="guardduty.amazonaws.com")
    # Enabling twice changes nothing.
    c.enable_aws_service_access(ServicePrincipal="config.amazonaws.com")
    enabled = cli.run("organizations", "list-aws-service-access-for-organization").ok().json["EnabledServicePrincipals"]
    assert [s["ServicePrincipal"] for s in enabled] == ["config.amazonaws.com", "guardduty.amazonaws.com"]
    assert all("DateEnabled" in s for s in enabled)
    c.disable_aws_service_access(ServicePrincipal="guardduty.amazonaws.com")
    assert [s["ServicePrincipal"] for s in c.list_aws_service_access_for_organization()["EnabledServicePrincipals"]] == [
        "config.amazonaws.com"]
    with pytest.raises(ClientError) as e:
        c.enable_aws_service_access(ServicePrincipal="not-a-service")
    assert org_error(e)[0::3] == ("InvalidInputException", "UNRECOGNIZED_SERVICE_PRINCIPAL")

    # The management account cannot be a delegated administrator; accounts outside the
    # organization are not found.
    mgmt = cli.run("organizations", "register-delegated-administrator", "--account-id", ACCOUNT_ID,
                   "--service-principal", "config.amazonaws.com")
    assert mgmt.error[0] == "ConstraintViolationException"
    with pytest.raises(ClientError) as e:
        c.register_delegated_administrator(AccountId=ACCOUNT_ID, ServicePrincipal="config.amazonaws.com")
    assert org_error(e)[3] == "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR"
    with pytest.raises(ClientError) as e:
        c.register_delegated_administrator(AccountId="999999999999", ServicePrincipal="config.amazonaws.com")
    assert client_error(e)[0] == "AccountNotFoundException"
    with pytest.raises(ClientError) as e:
        c.deregister_delegated_administrator(AccountId=ACCOUNT_ID, ServicePrincipal="config.amazonaws.com")
    assert client_error(e)[0] == "AccountNotRegisteredException"
    with pytest.raises(ClientError) as e:
        c.list_delegated_services_for_account(AccountId=ACCOUNT_ID)
    assert client_error(e)[0] == "AccountNotRegisteredException"
    assert cli.run("organizations", "list-delegated-administrators").ok().json["DelegatedAdministrators"] == []
    assert c.list_delegated_administrators(ServicePrincipal="config.amazonaws.com")["DelegatedAdministrators"] == []


def test_resource_policy_lifecycle(srv, org, tmp_path):
    created, _ = org
    cli = AwsCli(srv, tmp_path / "home")
    c = orgs(srv)
    with pytest.raises(ClientError) as e:
        c.describe_resource_policy()
    assert client_error(e) == (
        "ResourcePolicyNotFoundException",
        "We can't find a resource policy request with the parameter that you specified.", 400,
    )
    document = {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "Describe",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": ["organizations:DescribeOrganization", "organizations:List*"],
            "Resource": "*",
        }],
    }
    put = cli.run("organizations", "put-resource-policy", "--content", json.dumps(document),
                  "--tags", "Key=owner,Value=sec").ok().json["ResourcePolicy"]
    summary = put["ResourcePolicySummary"]
    assert re.fullmatch(r"rp-[0-9a-z]{8}", summary["Id"])
    assert summary["Arn"] == f"arn:aws:organizations::{ACCOUNT_ID}:resourcepolicy/{created['Id']}/{summary['Id']}"
    assert json.loads(put["Content"]) == document
    assert cli.run("organizations", "describe-resource-policy").ok().json["ResourcePolicy"] == put
    assert c.list_tags_for_resource(ResourceId=summary["Id"])["Tags"] == [{"Key": "owner", "Value": "sec"}]
    # Replacing keeps the id.
    document["Statement"][0]["Action"] = "organizations:DescribeOrganization"
    again = c.put_resource_policy(Content=json.dumps(document))["ResourcePolicy"]
    assert again["ResourcePolicySummary"] == summary

    foreign = dict(document, Statement=[dict(document["Statement"][0], Action="s3:GetObject")])
    with pytest.raises(ClientError) as e:
        c.put_resource_policy(Content=json.dumps(foreign))
    assert org_error(e)[0::3] == ("InvalidInputException", "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY")
    with pytest.raises(ClientError) as e:
        c.put_resource_policy(Content="{not json")
    assert org_error(e)[0::3] == ("InvalidInputException", "INVALID_RESOURCE_POLICY_JSON")

    cli.run("organizations", "delete-resource-policy").ok()
    gone = cli.run("organizations", "delete-resource-policy")
    assert gone.error[0] == "ResourcePolicyNotFoundException"

"""Text that would break XML clients never gets in, and never comes out (issue 18, defect 2).

Every member is validated against the pattern AWS's model gives it before anything is stored, so
NUL, \\x01 or ESC in a description are AWS's `ValidationError`; and the responses that echo a
request (a validation message quotes the value) stay XML 1.0 that the CLI and boto3 parse."""

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import client_error, iam_params, rand_suffix, send, sign_request

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
DESCRIPTION_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"


@pytest.mark.parametrize("bad", ["nul\x00here", "one\x01", "esc\x1b[31m"])
def test_control_characters_in_descriptions_are_refused(server, bad):
    iam = server.iam()
    name = f"hostile-{rand_suffix()}"
    with pytest.raises(Exception) as e:
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST, Description=bad)
    code, message, status = client_error(e)
    assert (code, status) == ("ValidationError", 400)
    assert message.endswith(
        f"at 'description' failed to satisfy constraint: Member must satisfy regular "
        f"expression pattern: {DESCRIPTION_PATTERN}")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)
    with pytest.raises(Exception) as e:
        iam.update_role(RoleName=name, Description=bad)
    assert client_error(e)[0] == "ValidationError"
    # Nothing was stored: the account's roles still list for every client.
    assert any(r["RoleName"] == name for r in iam.list_roles()["Roles"])


def test_a_policy_description_without_a_pattern_still_reads_as_xml(server):
    """AWS's model gives `policyDescriptionType` no pattern, so the text is stored as given; the
    characters XML 1.0 forbids come out as U+FFFD and every client can still read the policy."""
    iam = server.iam()
    name = f"hostile-policy-{rand_suffix()}"
    arn = iam.create_policy(PolicyName=name, PolicyDocument=POLICY, Description="bell\x07")["Policy"]["Arn"]
    assert iam.get_policy(PolicyArn=arn)["Policy"]["Description"] == "bell\ufffd"
    assert any(p["PolicyName"] == name for p in iam.list_policies(Scope="Local")["Policies"])


def test_an_echoed_control_character_is_still_well_formed_xml(server):
    resp = send(sign_request(server.url, creds=server.root, service="iam", params=iam_params(
        "CreateRole", RoleName=f"x-{rand_suffix()}", AssumeRolePolicyDocument=TRUST,
        Description="bell\x07")))
    assert resp.status_code == 400
    root = ET.fromstring(resp.content)  # raises on characters XML 1.0 forbids
    message = root.find(".//{*}Message").text
    assert "\x07" not in message and "\ufffd" in message


def test_untag_user_takes_at_most_fifty_keys(server):
    iam = server.iam()
    name = f"untag-{rand_suffix()}"
    iam.create_user(UserName=name)
    with pytest.raises(Exception) as e:
        iam.untag_user(UserName=name, TagKeys=[f"k{i}" for i in range(51)])
    code, message, status = client_error(e)
    assert (code, status) == ("ValidationError", 400)
    assert message.endswith("at 'tagKeys' failed to satisfy constraint: Member must have length "
                            "less than or equal to 50")

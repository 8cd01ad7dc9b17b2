"""SAML federation: the IAM SAML provider operations and STS AssumeRoleWithSAML, driven by boto3 and
the aws CLI, with responses signed by a test IdP (saml_idp.py, signxml) — and the known attacks on
SAML service providers, each refused.

Sources of the AWS behaviours asserted below:
  * IAM User Guide, "Configure SAML assertions for the authentication response"
    (id_roles_providers_create_saml_assertions.html): the Recipient must be the sign-in endpoint
    (`/saml/acs/<SAMLProviderUUID>` when encryption is required), the Role attribute pairs a role
    ARN and a provider ARN, RoleSessionName, SourceIdentity, PrincipalTag:* and TransitiveTagKeys;
    the audience `https://signin.aws.amazon.com/saml` (or `urn:amazon:webservices`).
  * IAM User Guide, "Available keys for SAML-based AWS STS federation": saml:aud (the Recipient),
    saml:sub, saml:sub_type, saml:iss, saml:namequalifier, saml:doc (ACCOUNT/PROVIDER) and the
    eduPerson attributes such as saml:edupersonprincipalname.
  * STS API reference, AssumeRoleWithSAML: the response's Subject, SubjectType (the nameid-format
    prefix removed), Issuer, Audience (the Recipient) and NameQualifier =
    BASE64(SHA1(issuer + account id + "/" + provider name)).
  * Real captures of AWS's texts: "Response signature invalid" (InvalidIdentityToken,
    cevoaustralia/aws-google-auth#270), "Issuer not present in specified provider"
    (dbeaver/cloudbeaver#3112), "RoleSessionName in AuthnResponse must match
    [a-zA-Z_0-9+=,.@-]{2,64}" (MicrosoftDocs/azure-docs#45025), "Not authorized to perform
    sts:AssumeRoleWithSAML" (AccessDenied, aws/aws-sdk-net#744), "Manifest not found for arn …"
    (NoSuchEntity of GetSAMLProvider). The codes and statuses come from botocore's models.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import time

import pytest
from lxml import etree

from chain_helpers import admin, cached_client, doc
from conftest import ACCOUNT_ID, client_error, rand_suffix
from saml_idp import (EPPN, SAML, SIGN_IN, SOURCE_IDENTITY_ATTR, TAG_ATTR, TRANSITIVE_ATTR, Idp, decode,
                      deep_copy, encode, encrypt_assertion, new_key_and_cert, public_key_of)

SIG_INVALID = ("InvalidIdentityToken", "Response signature invalid", 400)
NOT_AUTHORIZED = ("AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML", 403)
ASIA_RE = re.compile(r"ASIA[A-Z0-9]{16}")


@pytest.fixture(scope="module")
def server(module_server):
    return module_server


def iam(srv):
    return admin(srv)


def unsigned_sts(srv):
    return cached_client(srv, "sts", unsigned=True)


def trust_saml(provider_arn: str, condition: dict | None = None, actions=("sts:AssumeRoleWithSAML",)) -> str:
    st = {"Effect": "Allow", "Principal": {"Federated": provider_arn}, "Action": list(actions)}
    if condition is None:
        condition = {"StringEquals": {"SAML:aud": SIGN_IN}}
    if condition:
        st["Condition"] = condition
    return doc(st)


class Federation:
    """An IdP registered as a SAML provider, and a role that trusts it."""

    def __init__(self, srv, condition=None, actions=("sts:AssumeRoleWithSAML",), **provider_kw):
        self.srv = srv
        self.idp = Idp(f"https://idp-{rand_suffix()}.example.test/saml")
        self.name = f"idp-{rand_suffix()}"
        self.provider_arn = iam(srv).create_saml_provider(
            Name=self.name, SAMLMetadataDocument=self.idp.metadata(), **provider_kw)["SAMLProviderArn"]
        self.role_name = f"saml-{rand_suffix()}"
        self.role = iam(srv).create_role(RoleName=self.role_name, MaxSessionDuration=7200,
                                         AssumeRolePolicyDocument=trust_saml(self.provider_arn, condition, actions))[
            "Role"]
        iam(srv).put_role_policy(RoleName=self.role_name, PolicyName="read",
                                 PolicyDocument=doc({"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}))

    @property
    def pair(self) -> str:
        return f"{self.role['Arn']},{self.provider_arn}"

    def response(self, **kw) -> str:
        kw.setdefault("role_values", [self.pair])
        return self.idp.signed_response(**kw)

    def assume(self, assertion: str, role_arn: str | None = None, principal_arn: str | None = None, **kw):
        return unsigned_sts(self.srv).assume_role_with_saml(
            RoleArn=role_arn or self.role["Arn"], PrincipalArn=principal_arn or self.provider_arn,
            SAMLAssertion=assertion, **kw)

    def error(self, assertion: str, **kw):
        with pytest.raises(Exception) as ei:
            self.assume(assertion, **kw)
        return client_error(ei)


@pytest.fixture
def fed(server):
    return Federation(server)


# ---------------------------------------------------------------------------
# IAM: the provider's lifecycle
# ---------------------------------------------------------------------------
def test_provider_lifecycle_with_boto3(server):
    c = iam(server)
    idp = Idp()
    name = f"okta-{rand_suffix()}"
    metadata = idp.metadata()
    made = c.create_saml_provider(Name=name, SAMLMetadataDocument=metadata,
                                  Tags=[{"Key": "team", "Value": "blue"}])
    arn = f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/{name}"
    assert made["SAMLProviderArn"] == arn
    assert made["Tags"] == [{"Key": "team", "Value": "blue"}]

    got = c.get_saml_provider(SAMLProviderArn=arn)
    assert got["SAMLMetadataDocument"] == metadata
    assert re.fullmatch(r"[A-Z0-9]{22,64}", got["SAMLProviderUUID"])
    # Without validUntil in the metadata, the provider is valid for a hundred years.
    assert got["ValidUntil"].year == got["CreateDate"].year + 100
    assert got["Tags"] == [{"Key": "team", "Value": "blue"}]
    assert "PrivateKeyList" not in got and "AssertionEncryptionMode" not in got

    listed = [p for p in c.list_saml_providers()["SAMLProviderList"] if p["Arn"] == arn]
    assert len(listed) == 1 and listed[0]["CreateDate"] == got["CreateDate"]
    assert listed[0]["ValidUntil"] == got["ValidUntil"]

    # A new metadata document with validUntil: read like the first.
    other = Idp("https://other.example.test/saml")
    c.update_saml_provider(SAMLProviderArn=arn, SAMLMetadataDocument=other.metadata("2031-01-02T03:04:05Z"))
    got = c.get_saml_provider(SAMLProviderArn=arn)
    assert "https://other.example.test/saml" in got["SAMLMetadataDocument"]
    assert got["ValidUntil"] == dt.datetime(2031, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)

    c.tag_saml_provider(SAMLProviderArn=arn, Tags=[{"Key": "env", "Value": "prod"}])
    c.untag_saml_provider(SAMLProviderArn=arn, TagKeys=["team"])
    assert c.list_saml_provider_tags(SAMLProviderArn=arn)["Tags"] == [{"Key": "env", "Value": "prod"}]

    with pytest.raises(Exception) as ei:
        c.create_saml_provider(Name=name, SAMLMetadataDocument=metadata)
    assert client_error(ei)[0] == "EntityAlreadyExists"

    c.delete_saml_provider(SAMLProviderArn=arn)
    for call in (lambda: c.get_saml_provider(SAMLProviderArn=arn),
                 lambda: c.delete_saml_provider(SAMLProviderArn=arn),
                 lambda: c.list_saml_provider_tags(SAMLProviderArn=arn)):
        with pytest.raises(Exception) as ei:
            call()
        assert client_error(ei) == ("NoSuchEntity", f"Manifest not found for arn {arn}", 404)


def test_provider_lifecycle_with_the_cli(server, cli, tmp_path):
    idp = Idp()
    name = f"cli-{rand_suffix()}"
    path = tmp_path / "metadata.xml"
    path.write_text(idp.metadata())
    arn = cli.run("iam", "create-saml-provider", "--name", name, "--saml-metadata-document",
                  f"file://{path}").ok().json["SAMLProviderArn"]
    assert arn == f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/{name}"
    got = cli.run("iam", "get-saml-provider", "--saml-provider-arn", arn).ok().json
    assert got["SAMLMetadataDocument"] == idp.metadata()
    assert arn in [p["Arn"] for p in cli.run("iam", "list-saml-providers").ok().json["SAMLProviderList"]]
    cli.run("iam", "tag-saml-provider", "--saml-provider-arn", arn, "--tags", "Key=k,Value=v").ok()
    assert cli.run("iam", "list-saml-provider-tags", "--saml-provider-arn", arn).ok().json["Tags"] == [
        {"Key": "k", "Value": "v"}]
    cli.run("iam", "untag-saml-provider", "--saml-provider-arn", arn, "--tag-keys", "k").ok()
    cli.run("iam", "update-saml-provider", "--saml-provider-arn", arn, "--saml-metadata-document",
            f"file://{path}").ok()
    cli.run("iam", "delete-saml-provider", "--saml-provider-arn", arn).ok()
    r = cli.run("iam", "get-saml-provider", "--saml-provider-arn", arn)
    assert r.error == ("NoSuchEntity", f"Manifest not found for arn {arn}")


def test_metadata_must_be_an_idp_descriptor_with_a_signing_certificate(server):
    c = iam(server)
    idp = Idp()
    good = idp.metadata()
    bad = [
        "<a>" + "x" * 1000 + "</a>",  # not metadata
        good.replace("md:IDPSSODescriptor", "md:SPSSODescriptor"),  # not an IdP
        re.sub(r"<md:KeyDescriptor.*</md:KeyDescriptor>", "", good),  # no certificate
        good.replace(idp.entity_id, ""),  # no entity id
        good.replace("<ds:X509Certificate>", "<ds:X509Certificate>AAAA"),  # not a certificate
        '<!DOCTYPE x [<!ENTITY e "e">]>' + good.split("\n", 1)[1],  # a DTD
    ]
    for metadata in bad:
        with pytest.raises(Exception) as ei:
            c.create_saml_provider(Name=f"bad-{rand_suffix()}", SAMLMetadataDocument=metadata.ljust(1000))
        assert client_error(ei) == ("InvalidInput", "Could not parse metadata", 400), metadata[:200]
    raw = cached_client(server, "iam", server.root, validate=False)
    with pytest.raises(Exception) as ei:
        raw.create_saml_provider(Name="short", SAMLMetadataDocument="<x/>")
    assert client_error(ei)[0] == "ValidationError"


def test_private_keys_follow_aws_rules_and_are_never_shown(server):
    c = iam(server)
    idp = Idp()
    name = f"enc-{rand_suffix()}"
    first_key, _ = new_key_and_cert()

    with pytest.raises(Exception) as ei:
        c.create_saml_provider(Name=name, SAMLMetadataDocument=idp.metadata(), AssertionEncryptionMode="Required")
    assert client_error(ei) == ("InvalidInput", "Unable to set assertion encryption mode to Required because no "
                                                "private key is provided.", 400)
    with pytest.raises(Exception) as ei:
        c.create_saml_provider(Name=name, SAMLMetadataDocument=idp.metadata(), AddPrivateKey="not a key" * 3)
    assert client_error(ei) == ("InvalidInput", "Invalid private key: Key format is not recognized.", 400)

    arn = c.create_saml_provider(Name=name, SAMLMetadataDocument=idp.metadata(), AssertionEncryptionMode="Required",
                                 AddPrivateKey=first_key.decode())["SAMLProviderArn"]
    cases = [
        ({}, "InvalidInput", "Unable to update identity provider. No updates are defined for metadata or "
                             "encryption assertion."),
        ({"AddPrivateKey": first_key.decode(), "RemovePrivateKey": "A" * 22}, "InvalidInput",
         "Unable to add and remove private keys in the same request. Set a value for only one of the two "
         "parameters."),
        ({"RemovePrivateKey": "A" * 22}, "InvalidInput", "Failed to remove private key."),
    ]
    for kw, code, msg in cases:
        with pytest.raises(Exception) as ei:
            c.update_saml_provider(SAMLProviderArn=arn, **kw)
        assert client_error(ei) == (code, msg, 400), kw
    second_key, _ = new_key_and_cert()
    c.update_saml_provider(SAMLProviderArn=arn, AddPrivateKey=second_key.decode())
    with pytest.raises(Exception) as ei:
        c.update_saml_provider(SAMLProviderArn=arn, AddPrivateKey=new_key_and_cert()[0].decode())
    assert client_error(ei) == ("LimitExceeded", "Private key limit of 2 is reached.", 409)

    got = c.get_saml_provider(SAMLProviderArn=arn)
    assert got["AssertionEncryptionMode"] == "Required"
    ids = [k["KeyId"] for k in got["PrivateKeyList"]]
    assert len(ids) == 2 and all(re.fullmatch(r"[A-Z0-9]{22,64}", i) for i in ids)
    assert all(isinstance(k["Timestamp"], dt.datetime) for k in got["PrivateKeyList"])
    assert "PRIVATE KEY" not in json.dumps(got, default=str)

    c.update_saml_provider(SAMLProviderArn=arn, RemovePrivateKey=ids[0])
    with pytest.raises(Exception) as ei:  # the last key of a provider that requires encryption
        c.update_saml_provider(SAMLProviderArn=arn, RemovePrivateKey=ids[1])
    assert client_error(ei) == ("InvalidInput", "Failed to remove private key.", 400)
    c.update_saml_provider(SAMLProviderArn=arn, AssertionEncryptionMode="Allowed")
    c.update_saml_provider(SAMLProviderArn=arn, RemovePrivateKey=ids[1])
    got = c.get_saml_provider(SAMLProviderArn=arn)
    assert "PrivateKeyList" not in got and got["AssertionEncryptionMode"] == "Allowed"
    with pytest.raises(Exception) as ei:
        c.update_saml_provider(SAMLProviderArn=arn, AssertionEncryptionMode="Required")
    assert client_error(ei) == ("InvalidInput", "Failed to set assertion encryption mode to Required because no "
                                                "private key is present.", 400)
    c.delete_saml_provider(SAMLProviderArn=arn)


def test_providers_per_account_quota(fresh_server):
    c = fresh_server.iam()
    metadata = Idp().metadata()
    for i in range(100):
        c.create_saml_provider(Name=f"p{i}", SAMLMetadataDocument=metadata)
    with pytest.raises(Exception) as ei:
        c.create_saml_provider(Name="p100", SAMLMetadataDocument=metadata)
    assert client_error(ei) == ("LimitExceeded", "Cannot exceed quota for SAMLProvidersPerAccount: 100", 409)
    assert c.get_account_summary()["SummaryMap"]["Providers"] == 100


# ---------------------------------------------------------------------------
# STS: AssumeRoleWithSAML
# ---------------------------------------------------------------------------
def test_assume_role_with_saml_success_and_shape(fed):
    assertion = fed.response(subject="alice@example.test", session_name="alice")
    r = fed.assume(assertion, DurationSeconds=1800)
    creds = r["Credentials"]
    assert ASIA_RE.fullmatch(creds["AccessKeyId"])
    assert r["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{fed.role_name}/alice"
    assert r["AssumedRoleUser"]["AssumedRoleId"] == f"{fed.role['RoleId']}:alice"
    assert r["Subject"] == "alice@example.test"
    assert r["SubjectType"] == "persistent"
    assert r["Issuer"] == fed.idp.entity_id
    assert r["Audience"] == SIGN_IN
    expected = base64.b64encode(hashlib.sha1(
        (fed.idp.entity_id + ACCOUNT_ID + "/" + fed.name).encode()).digest()).decode()
    assert r["NameQualifier"] == expected
    lifetime = (creds["Expiration"] - dt.datetime.now(dt.timezone.utc)).total_seconds()
    assert 1700 < lifetime <= 1800
    sts = cached_client(fed.srv, "sts", (creds["AccessKeyId"], creds["SecretAccessKey"]), creds["SessionToken"])
    assert sts.get_caller_identity()["Arn"] == r["AssumedRoleUser"]["Arn"]


def test_assume_role_with_saml_with_the_cli(fed, cli):
    r = cli.run("sts", "assume-role-with-saml", "--role-arn", fed.role["Arn"], "--principal-arn",
                fed.provider_arn, "--saml-assertion", fed.response(session_name="cli-user"), creds=None).ok().json
    assert r["AssumedRoleUser"]["Arn"].endswith(f"/{fed.role_name}/cli-user")
    bad = cli.run("sts", "assume-role-with-saml", "--role-arn", fed.role["Arn"], "--principal-arn",
                  fed.provider_arn, "--saml-assertion", encode(fed.idp.response(
                      fed.idp.assertion(role_values=[fed.pair]))), creds=None)
    assert bad.error == SIG_INVALID[:2]


def test_response_level_signature_is_enough(fed):
    resp = fed.idp.sign(fed.idp.response(fed.idp.assertion(role_values=[fed.pair])))
    assert fed.assume(encode(resp))["Subject"] == "alice@example.test"
    # Both signed: fine too.
    assert fed.assume(fed.response(sign_response=True))["Subject"]


def test_unsigned_and_foreign_key_assertions_are_refused(fed):
    unsigned = encode(fed.idp.response(fed.idp.assertion(role_values=[fed.pair])))
    assert fed.error(unsigned) == SIG_INVALID
    attacker_key, attacker_cert = new_key_and_cert("attacker")
    forged = fed.idp.response(fed.idp.sign(fed.idp.assertion(role_values=[fed.pair]), attacker_key, attacker_cert))
    assert fed.error(encode(forged)) == SIG_INVALID
    # A valid signature whose content was changed afterwards.
    tampered = decode(fed.response(subject="alice@example.test"))
    tampered.find(f".//{{{SAML}}}NameID").text = "admin@example.test"
    assert fed.error(encode(tampered)) == SIG_INVALID


def test_signature_wrapping_is_refused(fed):
    """XML signature wrapping: the genuinely signed assertion stays where the signature's reference
    finds it, and a second, unsigned assertion is placed where a naive SP reads."""
    genuine = fed.idp.sign(fed.idp.assertion(role_values=[fed.pair], subject="alice@example.test"))
    evil = fed.idp.assertion(role_values=[fed.pair], subject="admin@example.test", session_name="admin")
    # 1. The evil assertion first, the signed one after it (siblings).
    resp = fed.idp.response(deep_copy(evil))
    resp.append(deep_copy(genuine))
    assert fed.error(encode(resp)) == SIG_INVALID
    # 2. The signed assertion hidden inside the evil one.
    outer = deep_copy(evil)
    outer.find(f"{{{SAML}}}Subject").append(deep_copy(genuine))
    assert fed.error(encode(fed.idp.response(outer))) == SIG_INVALID
    # 3. The evil assertion takes the signed one's ID; the signed one moves into Extensions.
    clone = deep_copy(evil)
    clone.set("ID", genuine.get("ID"))
    resp = fed.idp.response(clone)
    ext = etree.SubElement(resp, "{urn:oasis:names:tc:SAML:2.0:protocol}Extensions")
    ext.append(deep_copy(genuine))
    assert fed.error(encode(resp)) == SIG_INVALID
    # 4. A signed response whose signature is moved onto the evil assertion.
    signed = fed.idp.sign(fed.idp.response(deep_copy(genuine)))
    signature = signed.find(f"{{http://www.w3.org/2000/09/xmldsig#}}Signature")
    wrapped = fed.idp.response(deep_copy(evil))
    wrapped.find(f"{{{SAML}}}Assertion").append(signature)
    assert fed.error(encode(wrapped)) == SIG_INVALID


def test_comment_injection_in_name_id_reads_the_whole_name(server):
    """`user@evil.com<!---->.example.com`: the comment is not signed (exclusive c14n drops it), so
    the signature still verifies — and the subject must be the whole, signed name."""
    f = Federation(server, condition={"StringEquals": {"saml:sub": "admin@example.test"}})
    signed = decode(f.response(subject="admin@example.test.evil.test"))
    name_id = signed.find(f".//{{{SAML}}}NameID")
    name_id.text = "admin@example.test"
    comment = etree.Comment("")
    name_id.append(comment)
    comment.tail = ".evil.test"
    injected = encode(signed)
    assert b"admin@example.test<!---->.evil.test" in base64.b64decode(injected)
    # The trust policy that names admin@example.test does not match.
    assert f.error(injected) == NOT_AUTHORIZED
    # A role that trusts any subject sees the whole name.
    g = Federation(server)
    signed = decode(g.response(subject="admin@example.test.evil.test"))
    name_id = signed.find(f".//{{{SAML}}}NameID")
    name_id.text = "admin@example.test"
    comment = etree.Comment("")
    name_id.append(comment)
    comment.tail = ".evil.test"
    assert g.assume(encode(signed))["Subject"] == "admin@example.test.evil.test"


def test_expired_and_not_yet_valid_assertions(fed):
    now = dt.datetime.now(dt.timezone.utc)
    expired = fed.response(not_on_or_after=now - dt.timedelta(minutes=6), not_before=now - dt.timedelta(minutes=10))
    code, _, status = fed.error(expired)
    assert (code, status) == ("ExpiredTokenException", 400)
    # Within AWS's clock-skew tolerance, still accepted.
    assert fed.assume(fed.response(not_on_or_after=now - dt.timedelta(minutes=2)))["Subject"]
    future = fed.response(not_before=now + dt.timedelta(minutes=10), not_on_or_after=now + dt.timedelta(minutes=20))
    assert fed.error(future)[0] == "InvalidIdentityToken"


def test_wrong_audience_recipient_destination_and_issuer(fed):
    assert fed.error(fed.response(audience="https://sp.example.test/saml"))[0] == "InvalidIdentityToken"
    assert fed.assume(fed.response(audience="urn:amazon:webservices"))["Subject"]
    assert fed.error(fed.response(recipient="https://sp.example.test/acs"))[0] == "InvalidIdentityToken"
    regional = "https://eu-west-1.signin.aws.amazon.com/saml"
    # saml:aud is the recipient: the fixture's trust policy names the global endpoint only.
    assert fed.error(fed.response(recipient=regional)) == NOT_AUTHORIZED
    anywhere = Federation(fed.srv, condition={})
    r = anywhere.assume(anywhere.response(recipient=regional))
    assert r["Audience"] == regional
    assert fed.error(fed.response(issuer="https://other.example.test")) == (
        "InvalidIdentityToken", "Issuer not present in specified provider", 400)
    resp = fed.idp.response(fed.idp.sign(fed.idp.assertion(role_values=[fed.pair])),
                            destination="https://evil.example.test/saml")
    assert fed.error(encode(resp))[0] == "InvalidIdentityToken"


def test_idp_reported_failure(fed):
    resp = fed.idp.response(None, status="urn:oasis:names:tc:SAML:2.0:status:Responder")
    code, _, status = fed.error(encode(resp))
    assert (code, status) == ("IDPRejectedClaim", 403)


def test_role_attribute_must_pair_the_role_and_the_provider(server, fed):
    other = Federation(server)
    # The assertion names another role with this provider: refused.
    wrong_role = fed.response(role_values=[f"{other.role['Arn']},{fed.provider_arn}"])
    assert fed.error(wrong_role) == NOT_AUTHORIZED
    # It names this role with another provider: refused.
    wrong_provider = fed.response(role_values=[f"{fed.role['Arn']},{other.provider_arn}"])
    assert fed.error(wrong_provider) == NOT_AUTHORIZED
    # The provider order in the value does not matter; several values are fine.
    values = [f"{other.role['Arn']},{other.provider_arn}", f"{fed.provider_arn},{fed.role['Arn']}"]
    assert fed.assume(fed.response(role_values=values))["Subject"]
    # Another provider's signature cannot speak for this one.
    assert fed.error(other.response(role_values=[fed.pair])) == SIG_INVALID
    # An unknown provider ARN; a provider ARN that is not one.
    missing = f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/missing-{rand_suffix()}"
    assert fed.error(fed.response(), principal_arn=missing)[0] == "InvalidIdentityToken"
    assert fed.error(fed.response(), principal_arn=fed.role["Arn"]) == ("ValidationError", "Request ARN is invalid",
                                                                        400)


def test_role_session_name_is_required_and_checked(fed):
    msg = "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"
    for name in (None, "a", "has space", "x" * 65):
        assert fed.error(fed.response(session_name=name)) == ("InvalidIdentityToken", msg, 400), name


def test_trust_policy_sees_the_saml_keys(server):
    sub = f"user-{rand_suffix()}@example.test"
    qualifier_of = lambda f: base64.b64encode(hashlib.sha1(
        (f.idp.entity_id + ACCOUNT_ID + "/" + f.name).encode()).digest()).decode()
    # Build a role whose trust names every key of its own provider.
    f = Federation(server)
    cond = {"StringEquals": {
        "saml:aud": SIGN_IN, "saml:sub": sub, "saml:sub_type": "persistent", "saml:iss": f.idp.entity_id,
        "saml:namequalifier": qualifier_of(f), "saml:doc": f"{ACCOUNT_ID}/{f.name}",
        "saml:edupersonprincipalname": "alice@uni.example.test"}}
    iam(server).update_assume_role_policy(RoleName=f.role_name,
                                          PolicyDocument=trust_saml(f.provider_arn, cond))
    ok = f.response(subject=sub, attributes={EPPN: ["alice@uni.example.test"]})
    for key, value in cond["StringEquals"].items():
        iam(server).update_assume_role_policy(
            RoleName=f.role_name, PolicyDocument=trust_saml(f.provider_arn, {"StringEquals": {key: value}}))
        try:
            f.assume(ok)
        except Exception as e:
            raise AssertionError(key) from e
    iam(server).update_assume_role_policy(RoleName=f.role_name, PolicyDocument=trust_saml(f.provider_arn, cond))
    assert f.assume(ok)["Subject"] == sub
    for changed in ({"subject": "other@example.test"}, {"attributes": {EPPN: ["bob@uni.example.test"]}},
                    {"name_format": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"}):
        kw = {"subject": sub, "attributes": {EPPN: ["alice@uni.example.test"]}, **changed}
        assert f.error(f.response(**kw)) == NOT_AUTHORIZED, changed


def test_session_tags_source_identity_and_their_permissions(server):
    f = Federation(server)
    attrs = {TAG_ATTR + "team": ["blue"], TAG_ATTR + "cost": ["42"], TRANSITIVE_ATTR: ["team"],
             SOURCE_IDENTITY_ATTR: ["alice-src"]}
    # Without sts:TagSession and sts:SetSourceIdentity in the trust policy: refused.
    assert f.error(f.response(attributes=attrs)) == NOT_AUTHORIZED
    iam(server).update_assume_role_policy(
        RoleName=f.role_name,
        PolicyDocument=trust_saml(f.provider_arn, actions=("sts:AssumeRoleWithSAML", "sts:TagSession",
                                                           "sts:SetSourceIdentity")))
    r = f.assume(f.response(attributes=attrs))
    assert r["SourceIdentity"] == "alice-src"
    assert 0 < r["PackedPolicySize"] <= 100
    # The tags are the session's principal tags.
    iam(server).put_role_policy(RoleName=f.role_name, PolicyName="tagged", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*",
         "Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}}))
    c = r["Credentials"]
    session_iam = cached_client(server, "iam", (c["AccessKeyId"], c["SecretAccessKey"]), c["SessionToken"])
    time.sleep(0.2)
    assert "Roles" in session_iam.list_roles(MaxItems=1)
    # A transitive key that is not a tag: refused.
    bad = {TAG_ATTR + "team": ["blue"], TRANSITIVE_ATTR: ["nope"]}
    assert f.error(f.response(attributes=bad))[0] == "InvalidParameterValue"


def test_session_duration_and_session_not_on_or_after(fed):
    now = dt.datetime.now(dt.timezone.utc)
    r = fed.assume(fed.response(session_not_on_or_after=now + dt.timedelta(minutes=20)), DurationSeconds=3600)
    lifetime = (r["Credentials"]["Expiration"] - now).total_seconds()
    assert 1100 < lifetime <= 1215
    with pytest.raises(Exception) as ei:
        fed.assume(fed.response(), DurationSeconds=7201)
    assert client_error(ei)[0] == "ValidationError"


def test_session_policy_limits(fed):
    big = doc({"Effect": "Allow", "Action": [f"iam:Get{'x' * 40}{i}" for i in range(40)], "Resource": "*"})
    with pytest.raises(Exception) as ei:
        fed.assume(fed.response(), Policy=big)
    assert client_error(ei)[0] in ("PackedPolicyTooLarge", "ValidationError")
    with pytest.raises(Exception) as ei:
        fed.assume(fed.response(), Policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}')
    assert client_error(ei)[0] == "MalformedPolicyDocument"


def test_encrypted_assertions(server):
    key, _ = new_key_and_cert()
    f = Federation(server, condition={}, AssertionEncryptionMode="Required", AddPrivateKey=key.decode())
    uuid = iam(server).get_saml_provider(SAMLProviderArn=f.provider_arn)["SAMLProviderUUID"]
    acs = f"{SIGN_IN}/acs/{uuid}"
    plain = f.response(recipient=acs)
    assert f.error(plain)[0] == "InvalidIdentityToken"
    resp = f.idp.response(f.idp.sign(f.idp.assertion(role_values=[f.pair], recipient=acs)))
    encrypted = encrypt_assertion(resp, public_key_of(key))
    assert b"EncryptedAssertion" in etree.tostring(encrypted) and b"NameID" not in etree.tostring(encrypted)
    r = f.assume(encode(encrypted))
    assert r["Subject"] == "alice@example.test" and r["Audience"] == acs
    # Encryption requires the provider's identifier in the recipient.
    resp = f.idp.response(f.idp.sign(f.idp.assertion(role_values=[f.pair])))
    assert f.error(encode(encrypt_assertion(resp, public_key_of(key))))[0] == "InvalidIdentityToken"
    # Encrypted for another key: cannot be read.
    other, _ = new_key_and_cert()
    resp = f.idp.response(f.idp.sign(f.idp.assertion(role_values=[f.pair], recipient=acs)))
    assert f.error(encode(encrypt_assertion(resp, public_key_of(other))))[0] == "InvalidIdentityToken"
    # Encrypted but unsigned: refused.
    resp = f.idp.response(f.idp.assertion(role_values=[f.pair], recipient=acs))
    assert f.error(encode(encrypt_assertion(resp, public_key_of(key)))) == SIG_INVALID
    # The response signed over the encrypted assertion is enough.
    resp = encrypt_assertion(f.idp.response(f.idp.assertion(role_values=[f.pair], recipient=acs)),
                             public_key_of(key))
    assert f.assume(encode(f.idp.sign(resp)))["Subject"] == "alice@example.test"


def test_malformed_assertions(fed):
    for text in ("bm90IHhtbA==", "%%%%", encode("<x/>"),
                 encode('<!DOCTYPE r [<!ENTITY e "x">]><samlp:Response xmlns:samlp='
                        '"urn:oasis:names:tc:SAML:2.0:protocol">&e;</samlp:Response>')):
        assert fed.error(text)[0] == "InvalidIdentityToken", text

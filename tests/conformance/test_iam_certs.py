"""Certificates and keys: server certificates (PEM certificate, chain and private key; the key
must be the certificate's; the key is sealed and never returned), signing certificates (quota of
2, account-wide duplicates), SSH public keys for CodeCommit (OpenSSH and PEM forms, MD5
fingerprints, quota of 5), and DeleteUser's conflicts.

Sources for behaviours only AWS's documentation states:
- UploadServerCertificate, GetServerCertificate, ListServerCertificates, UpdateServerCertificate:
  https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadServerCertificate.html and
  https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html ("IAM
  securely encrypts your private keys"; the chain must start with the immediate signing
  certificate).  MalformedCertificate texts are real IAM answers quoted in aws/aws-cli#715,
  go-acme/lego#304 and openshift/openshift-ansible#11214.
- Quotas (20 server certificates per account, 2 signing certificates and 5 SSH public keys per
  user): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
- UploadSSHPublicKey: "The public key must be encoded in ssh-rsa format or PEM format. The
  minimum bit-length of the public key is 2048 bits."
  https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSSHPublicKey.html;
  SSHPublicKey.Fingerprint is "The MD5 message digest of the SSH public key."
  https://docs.aws.amazon.com/IAM/latest/APIReference/API_SSHPublicKey.html
- UploadSigningCertificate (UserName optional: the caller, the root user included;
  DuplicateCertificate when "the same certificate is associated with an IAM user in the
  account"): https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSigningCertificate.html
"""

import base64
import datetime as dt
import hashlib
import json
import re

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID

from conftest import ACCOUNT_ID, client_error, make_user, rand_suffix, run_threads

MSG_MALFORMED = "Unable to parse certificate. Please ensure the certificate is in PEM format."
MSG_CHAIN = (
    "Unable to validate certificate chain. The certificate chain must start with the immediate "
    "signing certificate, followed by any intermediaries in order. The index within the chain "
    "of the invalid certificate is: {}"
)


# ---------------------------------------------------------------------------
# Certificates and keys, generated here
# ---------------------------------------------------------------------------
def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_cert(key, cn, issuer_key=None, issuer_cn=None, ca=False, days=365):
    issuer_key = issuer_key or key
    now = dt.datetime.now(dt.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(issuer_cn or cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    algorithm = None if isinstance(issuer_key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(issuer_key, algorithm)


def pem_cert(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def pem_key(key, fmt=serialization.PrivateFormat.PKCS8):
    return key.private_bytes(serialization.Encoding.PEM, fmt,
                             serialization.NoEncryption()).decode()


def rsa_key(bits=2048):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def key_body(pem):
    """A line of the key's base64 body: what must never be stored or logged in plain."""
    return pem.strip().splitlines()[3]


def ssh_public(key, comment="dev@example.com"):
    text = key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                         serialization.PublicFormat.OpenSSH).decode()
    return f"{text} {comment}" if comment else text


def md5_fingerprint(openssh_text):
    blob = base64.b64decode(openssh_text.split()[1])
    digest = hashlib.md5(blob).hexdigest()
    return ":".join(digest[i:i + 2] for i in range(0, 32, 2))


def allow_self(server, user, actions):
    """Lets `user` call `actions` on itself, as the IAM guide's self-service policies do."""
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": actions, "Resource": user.arn}]}
    server.iam().put_user_policy(UserName=user.name, PolicyName="self",
                                 PolicyDocument=json.dumps(document))


# ---------------------------------------------------------------------------
# Server certificates
# ---------------------------------------------------------------------------
def test_upload_get_list_server_certificate_with_chain(server):
    iam = server.iam()
    root_key, inter_key, leaf_key = rsa_key(), ec.generate_private_key(ec.SECP256R1()), rsa_key()
    root = make_cert(root_key, "Test Root", ca=True)
    inter = make_cert(inter_key, "Test Intermediate", root_key, "Test Root", ca=True)
    leaf = make_cert(leaf_key, "www.example.com", inter_key, "Test Intermediate")
    name = f"sc-{rand_suffix()}"
    chain = pem_cert(inter) + pem_cert(root)
    private = pem_key(leaf_key, serialization.PrivateFormat.TraditionalOpenSSL)
    resp = iam.upload_server_certificate(
        Path="/cloudfront/", ServerCertificateName=name, CertificateBody=pem_cert(leaf),
        PrivateKey=private, CertificateChain=chain, Tags=[{"Key": "env", "Value": "test"}])
    meta = resp["ServerCertificateMetadata"]
    assert meta["ServerCertificateName"] == name and meta["Path"] == "/cloudfront/"
    assert re.fullmatch(r"ASCA[A-Z0-9]{17}", meta["ServerCertificateId"]), meta
    assert meta["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:server-certificate/cloudfront/{name}"
    assert meta["Expiration"].replace(microsecond=0) == leaf.not_valid_after_utc.replace(microsecond=0)
    assert resp["Tags"] == [{"Key": "env", "Value": "test"}]

    got = iam.get_server_certificate(ServerCertificateName=name)["ServerCertificate"]
    assert got["ServerCertificateMetadata"]["ServerCertificateId"] == meta["ServerCertificateId"]
    assert got["CertificateBody"].strip() == pem_cert(leaf).strip()
    assert got["CertificateChain"].strip() == chain.strip()
    assert got["Tags"] == [{"Key": "env", "Value": "test"}]
    assert "PrivateKey" not in got and key_body(private) not in json.dumps(got, default=str)

    listed = iam.list_server_certificates(PathPrefix="/cloudfront/")["ServerCertificateMetadataList"]
    assert name in [m["ServerCertificateName"] for m in listed]
    assert name not in [m["ServerCertificateName"]
                        for m in iam.list_server_certificates(PathPrefix="/elb/")["ServerCertificateMetadataList"]]

    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(ServerCertificateName=name, CertificateBody=pem_cert(leaf),
                                      PrivateKey=private, CertificateChain=chain)
    assert client_error(ei) == ("EntityAlreadyExists",
                                f"The Server Certificate with name {name} already exists.", 409)
    iam.delete_server_certificate(ServerCertificateName=name)


@pytest.mark.parametrize("kind", ["rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-pkcs8", "ed25519"])
def test_self_signed_key_types(server, kind):
    key = {
        "rsa-pkcs1": rsa_key, "rsa-pkcs8": rsa_key,
        "ec-sec1": lambda: ec.generate_private_key(ec.SECP384R1()),
        "ec-pkcs8": lambda: ec.generate_private_key(ec.SECP256R1()),
        "ed25519": ed25519.Ed25519PrivateKey.generate,
    }[kind]()
    fmt = (serialization.PrivateFormat.TraditionalOpenSSL if kind in ("rsa-pkcs1", "ec-sec1")
           else serialization.PrivateFormat.PKCS8)
    name = f"st-{rand_suffix()}"
    iam = server.iam()
    iam.upload_server_certificate(ServerCertificateName=name,
                                  CertificateBody=pem_cert(make_cert(key, "self")),
                                  PrivateKey=pem_key(key, fmt))
    iam.delete_server_certificate(ServerCertificateName=name)


def test_key_pair_mismatch_and_malformed_inputs(server):
    iam = server.iam()
    key, other = rsa_key(), rsa_key()
    cert = pem_cert(make_cert(key, "mismatch"))
    name = f"bad-{rand_suffix()}"

    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(ServerCertificateName=name, CertificateBody=cert,
                                      PrivateKey=pem_key(other))
    code, msg, status = client_error(ei)
    assert (code, status) == ("KeyPairMismatch", 400) and msg

    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(ServerCertificateName=name, CertificateBody="not a cert",
                                      PrivateKey=pem_key(key))
    assert client_error(ei) == ("MalformedCertificate", MSG_MALFORMED, 400)

    # text before the PEM block, as in aws/aws-cli#715
    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(ServerCertificateName=name,
                                      CertificateBody="Subject: CN=x\n" + cert, PrivateKey=pem_key(key))
    assert client_error(ei) == ("MalformedCertificate", MSG_MALFORMED, 400)

    encrypted = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.BestAvailableEncryption(b"pw")).decode()
    for bad_key in (encrypted, "garbage", cert):
        with pytest.raises(Exception) as ei:
            iam.upload_server_certificate(ServerCertificateName=name, CertificateBody=cert,
                                          PrivateKey=bad_key)
        code, msg, status = client_error(ei)
        assert (code, status) == ("MalformedCertificate", 400), msg
    with pytest.raises(Exception) as ei:
        iam.get_server_certificate(ServerCertificateName=name)
    assert client_error(ei) == ("NoSuchEntity",
                                f"The Server Certificate with name {name} cannot be found.", 404)


def test_chain_must_sign_the_certificate_in_order(server):
    iam = server.iam()
    root_key, inter_key, leaf_key, stranger_key = rsa_key(), rsa_key(), rsa_key(), rsa_key()
    root = make_cert(root_key, "R", ca=True)
    inter = make_cert(inter_key, "I", root_key, "R", ca=True)
    leaf = make_cert(leaf_key, "leaf", inter_key, "I")
    # a certificate with the intermediate's name but another key: the names chain, the signature does not
    forged = make_cert(stranger_key, "I", root_key, "R", ca=True)
    name = f"ch-{rand_suffix()}"
    args = dict(ServerCertificateName=name, CertificateBody=pem_cert(leaf), PrivateKey=pem_key(leaf_key))
    cases = [
        (pem_cert(root) + pem_cert(inter), -1),  # wrong order
        (pem_cert(forged) + pem_cert(root), -1),  # signature by another key
        (pem_cert(inter) + pem_cert(inter), 0),  # the intermediate did not sign itself
    ]
    for chain, index in cases:
        with pytest.raises(Exception) as ei:
            iam.upload_server_certificate(CertificateChain=chain, **args)
        assert client_error(ei) == ("MalformedCertificate", MSG_CHAIN.format(index), 400)
    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(CertificateChain="junk", **args)
    assert client_error(ei) == ("MalformedCertificate", MSG_MALFORMED, 400)
    iam.upload_server_certificate(CertificateChain=pem_cert(inter), **args)
    iam.delete_server_certificate(ServerCertificateName=name)


def test_update_tags_and_delete_server_certificate(server):
    iam = server.iam()
    key = rsa_key()
    cert, private = pem_cert(make_cert(key, "upd")), pem_key(key)
    a, b, c = (f"{p}-{rand_suffix()}" for p in ("a", "b", "c"))
    iam.upload_server_certificate(ServerCertificateName=a, CertificateBody=cert, PrivateKey=private)
    other_key = rsa_key()
    iam.upload_server_certificate(ServerCertificateName=c, CertificateBody=pem_cert(make_cert(other_key, "c")),
                                  PrivateKey=pem_key(other_key))
    iam.update_server_certificate(ServerCertificateName=a, NewServerCertificateName=b, NewPath="/elb/")
    meta = iam.get_server_certificate(ServerCertificateName=b)["ServerCertificate"]["ServerCertificateMetadata"]
    assert meta["Path"] == "/elb/" and meta["Arn"].endswith(f":server-certificate/elb/{b}")
    with pytest.raises(Exception) as ei:
        iam.get_server_certificate(ServerCertificateName=a)
    assert client_error(ei)[0] == "NoSuchEntity"
    with pytest.raises(Exception) as ei:
        iam.update_server_certificate(ServerCertificateName=b, NewServerCertificateName=c)
    assert client_error(ei) == ("EntityAlreadyExists",
                                f"The Server Certificate with name {c} already exists.", 409)

    iam.tag_server_certificate(ServerCertificateName=b, Tags=[{"Key": "k1", "Value": "v1"},
                                                               {"Key": "k2", "Value": "v2"}])
    iam.untag_server_certificate(ServerCertificateName=b, TagKeys=["k1"])
    assert iam.list_server_certificate_tags(ServerCertificateName=b)["Tags"] == [{"Key": "k2", "Value": "v2"}]
    with pytest.raises(Exception) as ei:
        iam.tag_server_certificate(ServerCertificateName=b, Tags=[{"Key": "x", "Value": "1"},
                                                                   {"Key": "X", "Value": "2"}])
    assert client_error(ei)[0] == "InvalidInput"
    for op, kw in ((iam.tag_server_certificate, {"Tags": [{"Key": "k", "Value": "v"}]}),
                   (iam.untag_server_certificate, {"TagKeys": ["k"]}),
                   (iam.list_server_certificate_tags, {}),
                   (iam.delete_server_certificate, {}),
                   (iam.update_server_certificate, {"NewPath": "/x/"})):
        with pytest.raises(Exception) as ei:
            op(ServerCertificateName=f"missing-{rand_suffix()}", **kw)
        assert client_error(ei)[0] == "NoSuchEntity"
    iam.delete_server_certificate(ServerCertificateName=b)
    iam.delete_server_certificate(ServerCertificateName=c)


def test_server_certificate_quota_and_account_summary(fresh_server):
    iam = fresh_server.iam()
    key = rsa_key()
    cert, private = pem_cert(make_cert(key, "quota")), pem_key(key)
    for i in range(20):
        iam.upload_server_certificate(ServerCertificateName=f"q{i}", CertificateBody=cert, PrivateKey=private)
    summary = iam.get_account_summary()["SummaryMap"]
    assert summary["ServerCertificates"] == 20 and summary["ServerCertificatesQuota"] == 20
    with pytest.raises(Exception) as ei:
        iam.upload_server_certificate(ServerCertificateName="q20", CertificateBody=cert, PrivateKey=private)
    assert client_error(ei) == ("LimitExceeded", "Cannot exceed quota for ServerCertificatesPerAccount: 20", 409)
    page = iam.list_server_certificates(MaxItems=7)
    assert page["IsTruncated"] and len(page["ServerCertificateMetadataList"]) == 7
    names = [m["ServerCertificateName"]
             for p in iam.get_paginator("list_server_certificates").paginate(PaginationConfig={"PageSize": 6})
             for m in p["ServerCertificateMetadataList"]]
    assert sorted(names) == sorted(f"q{i}" for i in range(20))


def test_private_key_never_stored_or_logged_in_plain(fresh_server):
    srv = fresh_server
    key = rsa_key()
    private = pem_key(key)
    resp = srv.iam().upload_server_certificate(ServerCertificateName="secret",
                                               CertificateBody=pem_cert(make_cert(key, "s")),
                                               PrivateKey=private)
    rid = resp["ResponseMetadata"]["RequestId"]
    needles = [key_body(private).encode(), private.strip().splitlines()[-2].encode()]
    srv.restart()
    for path in srv.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), f"private key in plaintext in {path}"
    records = [r for r in srv.audit_records() if r.get("requestID") == rid]
    assert records and key_body(private) not in json.dumps(records)
    assert key_body(private) not in srv.stdout() + srv.stderr()
    got = srv.iam().get_server_certificate(ServerCertificateName="secret")
    assert key_body(private) not in json.dumps(got, default=str)


def test_server_certificates_with_the_aws_cli(cli, tmp_path):
    key = rsa_key()
    (tmp_path / "cert.pem").write_text(pem_cert(make_cert(key, "cli")))
    (tmp_path / "key.pem").write_text(pem_key(key))
    name = f"cli-{rand_suffix()}"
    out = cli.run("iam", "upload-server-certificate", "--server-certificate-name", name,
                  "--certificate-body", f"file://{tmp_path / 'cert.pem'}",
                  "--private-key", f"file://{tmp_path / 'key.pem'}").ok().json
    assert out["ServerCertificateMetadata"]["ServerCertificateName"] == name
    got = cli.run("iam", "get-server-certificate", "--server-certificate-name", name).ok().json
    assert got["ServerCertificate"]["CertificateBody"].startswith("-----BEGIN CERTIFICATE-----")
    other = rsa_key()
    (tmp_path / "other.pem").write_text(pem_key(other))
    err = cli.run("iam", "upload-server-certificate", "--server-certificate-name", name + "x",
                  "--certificate-body", f"file://{tmp_path / 'cert.pem'}",
                  "--private-key", f"file://{tmp_path / 'other.pem'}").error
    assert err[0] == "KeyPairMismatch"
    cli.run("iam", "delete-server-certificate", "--server-certificate-name", name).ok()


# ---------------------------------------------------------------------------
# Signing certificates
# ---------------------------------------------------------------------------
def test_signing_certificates_lifecycle_and_quota(server):
    iam = server.iam()
    u = make_user(server, "sign", with_key=False)
    certs = [pem_cert(make_cert(rsa_key(), f"sign{i}")) for i in range(3)]
    first = iam.upload_signing_certificate(UserName=u.name, CertificateBody=certs[0])["Certificate"]
    assert first["UserName"] == u.name and first["Status"] == "Active" and "UploadDate" in first
    assert re.fullmatch(r"[A-Z0-9]{24,128}", first["CertificateId"]), first["CertificateId"]
    assert first["CertificateBody"].strip() == certs[0].strip()
    iam.upload_signing_certificate(UserName=u.name, CertificateBody=certs[1])
    with pytest.raises(Exception) as ei:
        iam.upload_signing_certificate(UserName=u.name, CertificateBody=certs[2])
    assert client_error(ei) == ("LimitExceeded", "Cannot exceed quota for SigningCertificatesPerUser: 2", 409)

    listed = iam.list_signing_certificates(UserName=u.name)["Certificates"]
    assert {c["CertificateId"] for c in listed} >= {first["CertificateId"]} and len(listed) == 2
    iam.update_signing_certificate(UserName=u.name, CertificateId=first["CertificateId"], Status="Inactive")
    statuses = {c["CertificateId"]: c["Status"] for c in iam.list_signing_certificates(UserName=u.name)["Certificates"]}
    assert statuses[first["CertificateId"]] == "Inactive"

    # the same certificate cannot be held by a second user of the account
    other = make_user(server, "sign2", with_key=False)
    with pytest.raises(Exception) as ei:
        iam.upload_signing_certificate(UserName=other.name, CertificateBody=certs[0])
    code, msg, status = client_error(ei)
    assert (code, status) == ("DuplicateCertificate", 400) and msg

    missing = "A" * 28
    for op, kw in ((iam.update_signing_certificate, {"Status": "Active"}), (iam.delete_signing_certificate, {})):
        with pytest.raises(Exception) as ei:
            op(UserName=other.name, CertificateId=first["CertificateId"], **kw)  # not this user's
        assert client_error(ei) == ("NoSuchEntity",
                                    f"The Certificate with id {first['CertificateId']} cannot be found.", 404)
        with pytest.raises(Exception) as ei:
            op(UserName=u.name, CertificateId=missing, **kw)
        assert client_error(ei)[0] == "NoSuchEntity"

    with pytest.raises(Exception) as ei:
        iam.upload_signing_certificate(UserName=other.name, CertificateBody="junk")
    assert client_error(ei) == ("MalformedCertificate", MSG_MALFORMED, 400)
    with pytest.raises(Exception) as ei:
        iam.upload_signing_certificate(UserName=f"nobody-{rand_suffix()}", CertificateBody=certs[2])
    assert client_error(ei)[0] == "NoSuchEntity"

    # DeleteUser refuses while a signing certificate is left
    iam.delete_signing_certificate(UserName=u.name, CertificateId=first["CertificateId"])
    with pytest.raises(Exception) as ei:
        iam.delete_user(UserName=u.name)
    assert client_error(ei) == ("DeleteConflict",
                                "Cannot delete entity, must delete signing certificates first.", 409)
    (rest,) = iam.list_signing_certificates(UserName=u.name)["Certificates"]
    iam.delete_signing_certificate(UserName=u.name, CertificateId=rest["CertificateId"])
    iam.delete_user(UserName=u.name)


def test_signing_certificates_of_the_caller(server):
    """No UserName: the calling user's certificates (and the root user's, which
    GetAccountSummary reports as AccountSigningCertificatesPresent)."""
    u = make_user(server, "self")
    allow_self(server, u, ["iam:UploadSigningCertificate", "iam:DeleteSigningCertificate"])
    own = server.iam(u.creds)
    cert = own.upload_signing_certificate(CertificateBody=pem_cert(make_cert(rsa_key(), "mine")))["Certificate"]
    assert cert["UserName"] == u.name
    assert [c["CertificateId"] for c in server.iam().list_signing_certificates(UserName=u.name)["Certificates"]] \
        == [cert["CertificateId"]]
    own.delete_signing_certificate(CertificateId=cert["CertificateId"])

    iam = server.iam()
    root_cert = iam.upload_signing_certificate(CertificateBody=pem_cert(make_cert(rsa_key(), "root")))["Certificate"]
    assert "UserName" not in root_cert
    assert iam.get_account_summary()["SummaryMap"]["AccountSigningCertificatesPresent"] == 1
    assert [c["CertificateId"] for c in iam.list_signing_certificates()["Certificates"]] == [root_cert["CertificateId"]]
    iam.delete_signing_certificate(CertificateId=root_cert["CertificateId"])
    assert iam.get_account_summary()["SummaryMap"]["AccountSigningCertificatesPresent"] == 0
    assert iam.get_account_summary()["SummaryMap"]["SigningCertificatesPerUserQuota"] == 2


def test_signing_certificates_with_the_aws_cli(cli, server, tmp_path):
    u = make_user(server, "clisign", with_key=False)
    (tmp_path / "c.pem").write_text(pem_cert(make_cert(rsa_key(), "cli-sign")))
    out = cli.run("iam", "upload-signing-certificate", "--user-name", u.name,
                  "--certificate-body", f"file://{tmp_path / 'c.pem'}").ok().json
    cid = out["Certificate"]["CertificateId"]
    listed = cli.run("iam", "list-signing-certificates", "--user-name", u.name).ok().json
    assert [c["CertificateId"] for c in listed["Certificates"]] == [cid]
    cli.run("iam", "update-signing-certificate", "--user-name", u.name, "--certificate-id", cid,
            "--status", "Inactive").ok()
    cli.run("iam", "delete-signing-certificate", "--user-name", u.name, "--certificate-id", cid).ok()


# ---------------------------------------------------------------------------
# SSH public keys
# ---------------------------------------------------------------------------
def test_ssh_keys_of_each_type(server):
    iam = server.iam()
    u = make_user(server, "ssh", with_key=False)
    keys = [rsa_key(2048), ec.generate_private_key(ec.SECP256R1()),
            ec.generate_private_key(ec.SECP384R1()), ed25519.Ed25519PrivateKey.generate()]
    for key in keys:
        text = ssh_public(key)
        up = iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=text)["SSHPublicKey"]
        assert re.fullmatch(r"APKA[A-Z0-9]{16,}", up["SSHPublicKeyId"]), up
        assert up["UserName"] == u.name and up["Status"] == "Active" and "UploadDate" in up
        assert up["Fingerprint"] == md5_fingerprint(text)
        assert up["SSHPublicKeyBody"] == text

        ssh = iam.get_ssh_public_key(UserName=u.name, SSHPublicKeyId=up["SSHPublicKeyId"],
                                     Encoding="SSH")["SSHPublicKey"]
        assert ssh["SSHPublicKeyBody"] == text and ssh["Fingerprint"] == up["Fingerprint"]
        pem = iam.get_ssh_public_key(UserName=u.name, SSHPublicKeyId=up["SSHPublicKeyId"],
                                     Encoding="PEM")["SSHPublicKey"]["SSHPublicKeyBody"]
        assert pem.startswith("-----BEGIN PUBLIC KEY-----")
        expected = key.public_key().public_bytes(serialization.Encoding.PEM,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
        assert serialization.load_pem_public_key(pem.encode()).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo) == expected

    listed = iam.list_ssh_public_keys(UserName=u.name)["SSHPublicKeys"]
    assert len(listed) == 4 and set(listed[0]) == {"UserName", "SSHPublicKeyId", "Status", "UploadDate"}


def test_ssh_key_in_pem_form(server):
    iam = server.iam()
    u = make_user(server, "sshpem", with_key=False)
    key = rsa_key()
    pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    up = iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=pem)["SSHPublicKey"]
    openssh = ssh_public(key, comment=None)
    assert up["Fingerprint"] == md5_fingerprint(openssh)
    ssh = iam.get_ssh_public_key(UserName=u.name, SSHPublicKeyId=up["SSHPublicKeyId"],
                                 Encoding="SSH")["SSHPublicKey"]["SSHPublicKeyBody"]
    assert ssh.split()[:2] == openssh.split()[:2]
    # the same key in OpenSSH form is a duplicate
    with pytest.raises(Exception) as ei:
        iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=openssh)
    code, msg, status = client_error(ei)
    assert (code, status) == ("DuplicateSSHPublicKey", 400) and msg


def test_ssh_key_refusals(server):
    iam = server.iam()
    u = make_user(server, "sshbad", with_key=False)

    def refused(body):
        with pytest.raises(Exception) as ei:
            iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=body)
        code, msg, status = client_error(ei)
        assert status == 400 and msg
        return code

    assert refused(ssh_public(rsa_key(1024))) == "InvalidPublicKey"  # under 2048 bits
    assert refused("ssh-rsa AAAAB3NzaC1yc2E!!!! broken") == "InvalidPublicKey"
    assert refused("ssh-rsa " + base64.b64encode(b"\x00\x00\x00\x07ssh-rsa").decode()) == "InvalidPublicKey"
    assert refused("ssh-dss AAAAB3NzaC1kc3MAAACBAPZ user@host") == "UnrecognizedPublicKeyEncoding"
    assert refused("hello world") == "UnrecognizedPublicKeyEncoding"
    assert refused("-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----") == "UnrecognizedPublicKeyEncoding"

    with pytest.raises(Exception) as ei:
        iam.upload_ssh_public_key(UserName=f"nobody-{rand_suffix()}",
                                  SSHPublicKeyBody=ssh_public(ed25519.Ed25519PrivateKey.generate()))
    assert client_error(ei)[0] == "NoSuchEntity"


def test_ssh_key_quota_duplicates_status_and_delete_user(server):
    iam = server.iam()
    u = make_user(server, "sshq", with_key=False)
    keys = [ssh_public(ed25519.Ed25519PrivateKey.generate()) for _ in range(6)]
    ids = [iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=k)["SSHPublicKey"]["SSHPublicKeyId"]
           for k in keys[:5]]
    with pytest.raises(Exception) as ei:
        iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=keys[5])
    code, msg, status = client_error(ei)
    assert (code, status) == ("LimitExceeded", 409) and msg
    with pytest.raises(Exception) as ei:
        iam.upload_ssh_public_key(UserName=u.name, SSHPublicKeyBody=keys[0])
    assert client_error(ei)[0] in ("DuplicateSSHPublicKey", "LimitExceeded")

    # another user may hold the same key
    other = make_user(server, "sshq2", with_key=False)
    shared = iam.upload_ssh_public_key(UserName=other.name, SSHPublicKeyBody=keys[0])["SSHPublicKey"]

    iam.update_ssh_public_key(UserName=u.name, SSHPublicKeyId=ids[0], Status="Inactive")
    got = iam.get_ssh_public_key(UserName=u.name, SSHPublicKeyId=ids[0], Encoding="SSH")["SSHPublicKey"]
    assert got["Status"] == "Inactive"
    page = iam.list_ssh_public_keys(UserName=u.name, MaxItems=2)
    assert page["IsTruncated"] and len(page["SSHPublicKeys"]) == 2
    rest = iam.list_ssh_public_keys(UserName=u.name, Marker=page["Marker"])["SSHPublicKeys"]
    assert {k["SSHPublicKeyId"] for k in page["SSHPublicKeys"] + rest} == set(ids)

    for op, kw in ((iam.get_ssh_public_key, {"Encoding": "SSH"}),
                   (iam.update_ssh_public_key, {"Status": "Active"}),
                   (iam.delete_ssh_public_key, {})):
        with pytest.raises(Exception) as ei:
            op(UserName=u.name, SSHPublicKeyId=shared["SSHPublicKeyId"], **kw)  # the other user's
        assert client_error(ei) == ("NoSuchEntity",
                                    f"The Public Key with id {shared['SSHPublicKeyId']} cannot be found.", 404)

    with pytest.raises(Exception) as ei:
        iam.delete_user(UserName=u.name)
    assert client_error(ei) == ("DeleteConflict", "Cannot delete entity, must delete SSH public keys first.", 409)
    for key_id in ids:
        iam.delete_ssh_public_key(UserName=u.name, SSHPublicKeyId=key_id)
    assert iam.list_ssh_public_keys(UserName=u.name)["SSHPublicKeys"] == []
    iam.delete_user(UserName=u.name)


def test_ssh_keys_of_the_calling_user_and_the_aws_cli(cli, server, tmp_path):
    u = make_user(server, "sshcli")
    allow_self(server, u, ["iam:ListSSHPublicKeys"])
    key = ed25519.Ed25519PrivateKey.generate()
    (tmp_path / "id.pub").write_text(ssh_public(key) + "\n")
    up = cli.run("iam", "upload-ssh-public-key", "--user-name", u.name,
                 "--ssh-public-key-body", f"file://{tmp_path / 'id.pub'}").ok().json["SSHPublicKey"]
    # ListSSHPublicKeys without a user name lists the caller's own keys
    own = cli.run("iam", "list-ssh-public-keys", creds=u.creds).ok().json
    assert [k["SSHPublicKeyId"] for k in own["SSHPublicKeys"]] == [up["SSHPublicKeyId"]]
    pem = cli.run("iam", "get-ssh-public-key", "--user-name", u.name, "--ssh-public-key-id",
                  up["SSHPublicKeyId"], "--encoding", "PEM").ok().json
    assert pem["SSHPublicKey"]["SSHPublicKeyBody"].startswith("-----BEGIN PUBLIC KEY-----")
    cli.run("iam", "update-ssh-public-key", "--user-name", u.name, "--ssh-public-key-id",
            up["SSHPublicKeyId"], "--status", "Inactive").ok()
    err = cli.run("iam", "upload-ssh-public-key", "--user-name", u.name,
                  "--ssh-public-key-body", "not a key").error
    assert err[0] == "UnrecognizedPublicKeyEncoding"
    cli.run("iam", "delete-ssh-public-key", "--user-name", u.name, "--ssh-public-key-id",
            up["SSHPublicKeyId"]).ok()


def test_a_user_without_permission_is_denied(server):
    u = make_user(server, "nope")
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).list_server_certificates()
    assert client_error(ei)[0] == "AccessDenied"
    with pytest.raises(Exception) as ei:
        server.iam(u.creds).upload_ssh_public_key(
            UserName=u.name, SSHPublicKeyBody=ssh_public(ed25519.Ed25519PrivateKey.generate()))
    assert client_error(ei)[0] == "AccessDenied"


def test_quotas_hold_under_concurrent_uploads(server):
    """Ten parallel uploads: exactly the quota's worth succeed (5 SSH keys, 2 signing
    certificates), and no key is stored twice."""
    iam = server.iam()
    u = make_user(server, "race", with_key=False)
    ssh_keys = [ssh_public(ed25519.Ed25519PrivateKey.generate()) for _ in range(10)]
    results = run_threads(10, lambda i: server.iam().upload_ssh_public_key(
        UserName=u.name, SSHPublicKeyBody=ssh_keys[i]))
    assert sum(isinstance(r, dict) for r in results) == 5, results
    assert len(iam.list_ssh_public_keys(UserName=u.name)["SSHPublicKeys"]) == 5

    same = ssh_public(ed25519.Ed25519PrivateKey.generate())
    v = make_user(server, "race2", with_key=False)
    results = run_threads(6, lambda i: server.iam().upload_ssh_public_key(UserName=v.name, SSHPublicKeyBody=same))
    assert sum(isinstance(r, dict) for r in results) == 1, results

    certs = [pem_cert(make_cert(rsa_key(), f"race{i}")) for i in range(6)]
    results = run_threads(6, lambda i: server.iam().upload_signing_certificate(
        UserName=u.name, CertificateBody=certs[i]))
    assert sum(isinstance(r, dict) for r in results) == 2, results

"""TLS on the API listener and the CQL front (issue 18, "What an operator needs besides").

- `--tls-self-signed`: a local CA and a certificate for localhost, made once per data dir; the
  server prints the `AWS_CA_BUNDLE` to export, and the aws CLI and boto3 then work over HTTPS.
  The certificate's key is sealed with the master key: no `PRIVATE KEY` in the data dir.
- `--tls-cert`/`--tls-key`: the operator's own certificate.
- `aws:SecureTransport` is `true` over TLS (the condition key AWS documents for "was the request
  sent with TLS": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport),
  so the usual "deny unless TLS" statement works.
- The CQL front speaks TLS with `--cql-tls`, as Amazon Keyspaces requires of its drivers
  (https://docs.aws.amazon.com/keyspaces/latest/devguide/using_python_driver.html: the Python
  driver connects with an `ssl_context` and the SigV4 plugin).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import socket
import ssl
import subprocess
from pathlib import Path
from unittest import mock

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError, SSLError
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from conftest import (KeywardServerWithArgs, aws_cli_path, client_error, free_port, keyward_bin,
                      make_user, wait_for)

# The health check of TlsServer.start does not verify (the CA may not exist yet); clients do.
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")

TLS_ONLY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})


class TlsServer(KeywardServerWithArgs):
    """A keyward serving HTTPS; clients trust `ca` (the server's own CA unless given)."""

    def __init__(self, workdir: Path, *, extra_args=("--tls-self-signed",), ca: Path | None = None, **kw):
        super().__init__(workdir, extra_args=extra_args, **kw)
        self.ca = ca or self.data_dir / "tls" / "ca.pem"

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}"

    def start(self, timeout: float = 30.0):
        real_get = requests.get
        # The health check only waits for the listener; clients below verify the certificate.
        with mock.patch.object(requests, "get", lambda url, **k: real_get(url, verify=False, **k)):
            return super().start(timeout)

    def client(self, service, creds=None, region="us-east-1", session_token=None):
        ak, sk = creds or self.root
        return boto3.session.Session().client(
            service, endpoint_url=self.url, region_name=region, aws_access_key_id=ak,
            aws_secret_access_key=sk, aws_session_token=session_token, verify=str(self.ca),
            config=Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30))


@pytest.fixture
def tls_server(tmp_path):
    srv = TlsServer(tmp_path / "tls").start()
    yield srv
    srv.kill()


def cli(srv: TlsServer, *args: str, ca: Path | None, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(HOME=str(home), AWS_ACCESS_KEY_ID=srv.root[0], AWS_SECRET_ACCESS_KEY=srv.root[1],
               AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL=srv.url, AWS_MAX_ATTEMPTS="1")
    if ca:
        env["AWS_CA_BUNDLE"] = str(ca)
    return subprocess.run([aws_cli_path(), *args], capture_output=True, text=True, env=env, timeout=60)


def test_self_signed_with_the_aws_cli_and_boto3(tls_server, tmp_path):
    srv = tls_server
    assert f"export AWS_CA_BUNDLE={srv.data_dir / 'tls' / 'ca.pem'}" in srv.stdout()
    assert f"Keyward listening on https://127.0.0.1:{srv.port}" in srv.stdout()

    ok = cli(srv, "sts", "get-caller-identity", ca=srv.ca, home=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["Arn"].endswith(":root")
    untrusted = cli(srv, "sts", "get-caller-identity", ca=None, home=tmp_path)
    assert untrusted.returncode != 0 and "SSL validation failed" in untrusted.stderr

    assert srv.iam().list_users()["Users"] == []
    with pytest.raises(SSLError):
        boto3.client("sts", endpoint_url=srv.url, region_name="us-east-1", aws_access_key_id=srv.root[0],
                     aws_secret_access_key=srv.root[1],
                     config=Config(retries={"total_max_attempts": 1})).get_caller_identity()

    # Plain HTTP on the TLS port gets no answer, and the connection is closed.
    with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert not s.recv(4096).startswith(b"HTTP/")

    # The key never lies in the data dir unsealed; the CA and certificate survive a restart.
    for f in srv.data_dir.rglob("*"):
        if f.is_file():
            assert b"PRIVATE KEY" not in f.read_bytes(), f
    ca_before = srv.ca.read_bytes()
    srv.restart()
    assert srv.ca.read_bytes() == ca_before
    assert srv.sts().get_caller_identity()["Account"] == srv.account_id


def test_secure_transport_is_true_over_tls_only(tls_server, server):
    for srv, allowed in ((tls_server, True), (server, False)):
        user = make_user(srv, "tls")
        srv.iam().put_user_policy(UserName=user.name, PolicyName="tls-only", PolicyDocument=TLS_ONLY)
        if allowed:
            srv.iam(user.creds).list_users()
        else:
            with pytest.raises(ClientError) as e:
                srv.iam(user.creds).list_users()
            code, message, status = client_error(e)
            assert (code, status) == ("AccessDenied", 403)
            assert "with an explicit deny in an identity-based policy" in message
    record = [r for r in tls_server.audit_records() if r.get("eventName") == "ListUsers"][-1]
    assert record["errorCode"] is None


def make_ca_and_leaf(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """An operator's CA, a certificate for 127.0.0.1/localhost it signed, its key, and another key."""
    now = dt.datetime.now(dt.timezone.utc)

    def cert(subject, issuer, public_key, signer, ca: bool, san=None):
        b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
             .public_key(public_key).serial_number(x509.random_serial_number())
             .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
             .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if san:
            b = b.add_extension(x509.SubjectAlternativeName(san), critical=False)
        return b.sign(signer, hashes.SHA256())

    ca_key, leaf_key, other_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Operator CA")])
    ca = cert(ca_name, ca_name, ca_key.public_key(), ca_key, True)
    leaf = cert(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]), ca_name,
                leaf_key.public_key(), ca_key, False,
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    pem = lambda c: c.public_bytes(serialization.Encoding.PEM)  # noqa: E731
    key_pem = lambda k: k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,  # noqa: E731
                                        serialization.NoEncryption())
    paths = [tmp_path / n for n in ("ca.pem", "cert.pem", "key.pem", "other-key.pem")]
    for p, data in zip(paths, (pem(ca), pem(leaf), key_pem(leaf_key), key_pem(other_key))):
        p.write_bytes(data)
    return tuple(paths)  # type: ignore[return-value]


def test_operator_certificate(tmp_path):
    ca, cert, key, other = make_ca_and_leaf(tmp_path)
    srv = TlsServer(tmp_path / "own", extra_args=["--tls-cert", str(cert), "--tls-key", str(key)], ca=ca)
    try:
        srv.start()
        assert srv.sts().get_caller_identity()["Account"] == srv.account_id
        assert "AWS_CA_BUNDLE" not in srv.stdout(), "only a self-signed certificate needs the hint"
    finally:
        srv.kill()

    def refused(*args: str) -> str:
        done = subprocess.run([keyward_bin(), "serve", "--listen", f"127.0.0.1:{free_port()}",
                               "--data-dir", str(tmp_path / "refused"), *args],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode != 0, done.stdout
        return done.stderr

    assert "TLS certificate and key" in refused("--tls-cert", str(cert), "--tls-key", str(other))
    assert f"--tls-cert {key}: no certificate in the file" in refused("--tls-cert", str(key), "--tls-key", str(key))
    assert "--cql-tls uses the server's certificate" in refused(
        "--cql-listen", f"127.0.0.1:{free_port()}", "--cql-upstream", "127.0.0.1:9", "--cql-tls")


cassandra = pytest.importorskip("cassandra")
cassandra_sigv4 = pytest.importorskip("cassandra_sigv4")


def test_cql_front_over_tls_with_the_sigv4_plugin(tmp_path):
    from cassandra.cluster import Cluster, NoHostAvailable
    from cassandra_sigv4.auth import SigV4AuthProvider

    from cql_test_upstream import CqlTestUpstream

    upstream = CqlTestUpstream()
    cql_port = free_port()
    srv = TlsServer(tmp_path / "cql", extra_args=[
        "--tls-self-signed", "--cql-listen", f"127.0.0.1:{cql_port}", "--cql-upstream", upstream.address,
        "--cql-region", "us-east-1", "--cql-tls"])
    try:
        srv.start()
        assert f"CQL front on 127.0.0.1:{cql_port} (TLS)" in srv.stdout()
        user = make_user(srv, "kstls")
        srv.iam().attach_user_policy(UserName=user.name,
                                     PolicyArn="arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess")
        auth = SigV4AuthProvider(aws_access_key_id=user.creds[0], aws_secret_access_key=user.creds[1],
                                 region_name="us-east-1")

        def cluster(**kw):
            return Cluster(contact_points=["127.0.0.1"], port=cql_port, auth_provider=auth,
                           schema_metadata_enabled=False, token_metadata_enabled=False,
                           connect_timeout=5, control_connection_timeout=5, **kw)

        # As the Keyspaces guide's Python example: an SSLContext that verifies the server.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_verify_locations(str(srv.ca))
        context.check_hostname = False
        c = cluster(ssl_context=context)
        try:
            session = c.connect()
            assert list(session.execute("SELECT v FROM app.readings WHERE k = 1"))[0].v == "hello"
        finally:
            c.shutdown()

        plain = cluster()
        try:
            with pytest.raises(NoHostAvailable):
                plain.connect()
        finally:
            plain.shutdown()
        def selects():
            return [r for r in srv.audit_records() if r.get("eventSource") == "cassandra.amazonaws.com"
                    and r.get("eventName") == "Select"]

        wait_for(selects, what="the Select's audit record")
        assert selects()[-1]["errorCode"] is None
    finally:
        srv.kill()
        upstream.close()

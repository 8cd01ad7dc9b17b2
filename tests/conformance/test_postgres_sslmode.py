"""PostgreSQL URLs behave as libpq's do (issue 18): against a server offering TLS with a
self-signed "snakeoil" certificate, as a stock Debian/Ubuntu PostgreSQL does, `prefer` (the
default) and `require` encrypt without verifying — with a warning at start — and `verify-ca` /
`verify-full` verify against `sslrootcert`; a failed handshake says why and which `sslmode`
would work. The modes' meaning: https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION

`scripts/postgres-test-db` starts the cluster with `ssl=on` and such a certificate (CN = the
machine's host name, so it never names 127.0.0.1).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from conftest import keyward_bin

PG_URL = os.environ.get("KEYWARD_TEST_POSTGRES_URL")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="skipped: KEYWARD_TEST_POSTGRES_URL not set (no PostgreSQL for the sslmode tests)"
)


@pytest.fixture(scope="module")
def snakeoil() -> Path:
    done = subprocess.run([str(ROOT / "scripts/postgres-test-db"), "cert"], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail("these tests need the cluster of scripts/postgres-test-db, which serves TLS with a "
                    f"known certificate: {done.stderr.strip()}")
    return Path(done.stdout.strip())


@pytest.fixture
def database():
    name = "kw_sslmode_" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", PG_URL, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    yield name
    subprocess.run(["psql", PG_URL, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
                   capture_output=True)


def url(database: str, query: str) -> str:
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path="/" + database, query=query))


def migrate(store: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEYWARD_", "PG"))}
    env["HOME"] = str(home)
    return subprocess.run([keyward_bin(), "migrate", "--store", store], capture_output=True, text=True,
                          env=env, timeout=60)


def other_ca(tmp_path: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some other CA")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    path = tmp_path / "other-ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_modes_against_a_self_signed_server(snakeoil, database, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    ok = lambda query: migrate(url(database, query), home)  # noqa: E731

    for query in ("", "sslmode=prefer", "sslmode=require", "sslmode=disable",
                  f"sslmode=verify-ca&sslrootcert={snakeoil}"):
        done = ok(query)
        assert done.returncode == 0, (query, done.stderr)
        assert done.stdout.startswith("store schema at version "), (query, done.stdout)

    done = ok("sslmode=verify-ca")
    assert done.returncode != 0
    assert f'root certificate file "{home}/.postgresql/root.crt" does not exist' in done.stderr

    done = ok(f"sslmode=verify-full&sslrootcert={snakeoil}")
    assert done.returncode != 0
    assert "does not name the host in the URL (sslmode=verify-full)" in done.stderr
    assert "sslmode=verify-ca" in done.stderr

    done = ok(f"sslmode=verify-ca&sslrootcert={other_ca(tmp_path)}")
    assert done.returncode != 0
    assert "not signed by a CA in sslrootcert" in done.stderr and "sslmode=require" in done.stderr

    done = ok("sslmode=allow")
    assert done.returncode != 0 and "sslmode=allow" in done.stderr and "not supported" in done.stderr

    done = ok("sslmode=require&sslrootcert=system")
    assert done.returncode != 0
    assert 'weak sslmode "require" may not be used with sslrootcert=system (use "verify-full")' in done.stderr

    # libpq: with a root file in ~/.postgresql, require verifies the CA as verify-ca does.
    (home / ".postgresql").mkdir()
    (home / ".postgresql" / "root.crt").write_bytes(other_ca(tmp_path).read_bytes())
    done = ok("sslmode=require")
    assert done.returncode != 0 and "not signed by a CA in sslrootcert" in done.stderr
    (home / ".postgresql" / "root.crt").write_bytes(snakeoil.read_bytes())
    assert ok("sslmode=require").returncode == 0


def test_serve_warns_when_encrypted_but_unverified(snakeoil, database, server_with_args_factory):
    warning = "encrypted but the server's certificate is not verified (sslmode=prefer)"
    srv = server_with_args_factory(extra_args=["--store", url(database, "")])
    assert srv.sts().get_caller_identity()["Account"] == srv.account_id
    assert warning in srv.stderr()
    srv.restart_with(["--store", url(database, f"sslmode=verify-ca&sslrootcert={snakeoil}")])
    srv.sts().get_caller_identity()
    log_of_this_start = srv.stderr_path.read_text()
    assert "not verified" not in log_of_this_start

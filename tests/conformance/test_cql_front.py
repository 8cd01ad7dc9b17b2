"""Keyward's Keyspaces-style CQL front (`keyward serve --cql-listen --cql-upstream`), driven by the
REAL Python `cassandra-driver` with the REAL `cassandra-sigv4` plugin and `PlainTextAuthProvider`.

Statements are relayed to `cql_test_upstream.CqlTestUpstream`, a TEST UPSTREAM that speaks just
enough of the native protocol (no Cassandra server can be installed here); it records what it
received, so each test proves whether a statement reached the upstream or was stopped at the front.

Sources of the expected behaviour:
  - the handshake and its messages: anchors-policy-sigv4.md §4 (plugins' behaviour) and §1.9
    (InvalidClientTokenId / ExpiredToken texts, which the front reuses as AuthenticationError
    messages);
  - actions and resources: the Service Authorization Reference for Amazon Keyspaces
    (cassandra:Select / Modify, arn:aws:cassandra:REGION:ACCOUNT:/keyspace/KS/table/T), and the
    Keyspaces developer guide's table-scoped policy example, which also grants the system keyspaces
    (`/keyspace/system*`) because drivers read them on connect;
  - AmazonKeyspacesReadOnlyAccess: crates/server/data/aws-managed-policies.json (AWS's own text).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
import struct
from unittest import mock

import pytest

cassandra = pytest.importorskip("cassandra")
cassandra_sigv4 = pytest.importorskip("cassandra_sigv4")

from cassandra import Unauthorized  # noqa: E402
from cassandra.auth import PlainTextAuthProvider  # noqa: E402
from cassandra.cluster import Cluster, NoHostAvailable  # noqa: E402
from cassandra.query import BatchStatement, SimpleStatement  # noqa: E402
from cassandra_sigv4 import auth as sigv4_auth  # noqa: E402
from cassandra_sigv4.auth import SigV4AuthProvider  # noqa: E402

from chain_helpers import allow, doc, make_role, trust_aws  # noqa: E402
from conftest import ACCOUNT_ID, KeywardServerWithArgs, free_port, make_user, wait_for  # noqa: E402
from cql_test_upstream import CqlTestUpstream  # noqa: E402

REGION = "us-east-1"
READ_ONLY = "arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess"
MSG_INVALID = "The security token included in the request is invalid."
MSG_EXPIRED = "The security token included in the request is expired"


def ks_arn(ks: str, table: str | None = None) -> str:
    base = f"arn:aws:cassandra:{REGION}:{ACCOUNT_ID}:/keyspace/{ks}/"
    return base + f"table/{table}" if table else base


class Front:
    """A keyward with the CQL front enabled, and its test upstream."""

    def __init__(self, workdir, upstream: CqlTestUpstream, extra=()) -> None:
        self.upstream = upstream
        self.cql_port = free_port()
        self.srv = KeywardServerWithArgs(workdir, extra_args=self.args(extra))
        self.srv.start()

    def args(self, extra=()) -> list[str]:
        return ["--cql-listen", f"127.0.0.1:{self.cql_port}", "--cql-upstream", self.upstream.address,
                "--cql-region", REGION, *extra]

    def cluster(self, auth_provider, **kw) -> Cluster:
        return Cluster(contact_points=["127.0.0.1"], port=self.cql_port, auth_provider=auth_provider,
                       schema_metadata_enabled=False, token_metadata_enabled=False, connect_timeout=5,
                       control_connection_timeout=5, **kw)

    @contextlib.contextmanager
    def session(self, auth_provider, keyspace=None):
        cluster = self.cluster(auth_provider)
        try:
            yield cluster.connect(keyspace)
        finally:
            cluster.shutdown()

    def sigv4(self, creds, token=None, region=REGION):
        return SigV4AuthProvider(aws_access_key_id=creds[0], aws_secret_access_key=creds[1],
                                 aws_session_token=token, region_name=region)

    def cql_records(self):
        return [r for r in self.srv.audit_records() if r.get("eventSource") == "cassandra.amazonaws.com"]


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    upstream = CqlTestUpstream()
    f = Front(tmp_path_factory.mktemp("cqlfront"), upstream)
    yield f
    f.srv.kill()
    upstream.close()


def read_only_user(front: Front):
    """A user in a group with AmazonKeyspacesReadOnlyAccess, as the Keyspaces guide sets it up."""
    iam = front.srv.iam()
    user = make_user(front.srv, "ksro")
    group = f"keyspaces-ro-{user.name}"
    iam.create_group(GroupName=group)
    iam.attach_group_policy(GroupName=group, PolicyArn=READ_ONLY)
    iam.add_user_to_group(GroupName=group, UserName=user.name)
    return user


def role_session(srv, prefix: str, policy: str, duration: int = 3600) -> tuple[dict, dict]:
    """A role allowed `policy`, assumed by a user (AWS refuses AssumeRole by root): (role, creds)."""
    caller = make_user(srv, f"{prefix}-caller")
    srv.iam().put_user_policy(UserName=caller.name, PolicyName="assume",
                              PolicyDocument=doc(allow("sts:AssumeRole")))
    role = make_role(srv, prefix, trust_aws(caller.arn), inline=policy)
    creds = srv.sts(caller.creds).assume_role(RoleArn=role["Arn"], RoleSessionName="cql-app",
                                              DurationSeconds=duration)["Credentials"]
    return role, creds


def auth_failure(excinfo) -> str:
    """The AuthenticationFailed text inside the driver's NoHostAvailable."""
    errors = excinfo.value.errors
    return " | ".join(str(e) for e in errors.values())


@contextlib.contextmanager
def plugin_clock(offset_seconds: float):
    """Move cassandra-sigv4's clock (4.0.2: `datetime.utcnow()` in cassandra_sigv4/auth.py)."""
    real = sigv4_auth.datetime

    class Shifted(real):  # type: ignore[misc,valid-type]
        @classmethod
        def utcnow(cls):
            return real.utcnow() + dt.timedelta(seconds=offset_seconds)

    with mock.patch.object(sigv4_auth, "datetime", Shifted):
        yield


# --------------------------------------------------------------------------- SigV4 plugin


def test_user_key_with_read_only_group_selects_and_is_refused_insert(front):
    user = read_only_user(front)
    with front.session(front.sigv4(user.creds)) as s:
        rows = list(s.execute("SELECT v FROM app.readings WHERE k = 1"))
        assert rows[0].v == "hello"
        before = list(front.upstream.received)
        with pytest.raises(Unauthorized) as ei:
            s.execute("INSERT INTO app.readings (k, v) VALUES (1, 'x')")
    msg = str(ei.value)
    assert f"arn:aws:iam::{ACCOUNT_ID}:user/{user.name}" in msg
    assert "cassandra:Modify" in msg
    assert ks_arn("app", "readings") in msg
    assert not any("INSERT INTO app.readings" in q for q in front.upstream.received[len(before):])
    assert "SELECT v FROM app.readings WHERE k = 1" in front.upstream.received


def test_assume_role_session_with_token(front):
    role, c = role_session(front.srv, "ksrole", doc(allow("cassandra:Select")))
    with front.session(front.sigv4((c["AccessKeyId"], c["SecretAccessKey"]), c["SessionToken"])) as s:
        assert list(s.execute("SELECT v FROM app.t"))[0].v == "hello"
        with pytest.raises(Unauthorized) as ei:
            s.execute("DELETE FROM app.t WHERE k = 1")
    assert f"assumed-role/{role['RoleName']}/cql-app" in str(ei.value)
    auth = [r for r in front.cql_records() if r["eventName"] == "Authenticate"
            and r["userIdentity"].get("accessKeyId") == c["AccessKeyId"]]
    assert auth and auth[-1]["userIdentity"]["type"] == "AssumedRole" and auth[-1]["errorCode"] is None


def test_wrong_secret_is_refused(front):
    user = read_only_user(front)
    with pytest.raises(NoHostAvailable) as ei:
        with front.session(front.sigv4((user.creds[0], "x" * 40))):
            pass
    assert "signature we calculated does not match" in auth_failure(ei)


def test_unknown_key_is_refused(front):
    with pytest.raises(NoHostAvailable) as ei:
        with front.session(front.sigv4(("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))):
            pass
    assert MSG_INVALID in auth_failure(ei)


def test_other_region_is_refused(front):
    user = read_only_user(front)
    with pytest.raises(NoHostAvailable) as ei:
        with front.session(front.sigv4(user.creds, region="eu-west-1")):
            pass
    assert "signature we calculated does not match" in auth_failure(ei)


def test_skewed_amzdate_is_refused(front):
    user = read_only_user(front)
    with plugin_clock(-20 * 60):
        with pytest.raises(NoHostAvailable) as ei:
            with front.session(front.sigv4(user.creds)):
                pass
    assert "more than 15 minutes" in auth_failure(ei)
    with plugin_clock(-10 * 60):
        with front.session(front.sigv4(user.creds)) as s:
            s.execute("SELECT v FROM app.t")


def test_expired_session_is_refused(tmp_path):
    """Expiry without waiting (as test_sts_expiry.py): restart with --clock-offset 1000 and move the
    plugin's clock by the same 1000 s, so amzdate is fresh while the 900 s session is over."""
    upstream = CqlTestUpstream()
    f = Front(tmp_path / "exp", upstream)
    try:
        _role, c = role_session(f.srv, "ksexp", doc(allow("cassandra:Select")), duration=900)
        provider = f.sigv4((c["AccessKeyId"], c["SecretAccessKey"]), c["SessionToken"])
        with f.session(provider) as s:
            s.execute("SELECT v FROM app.t")
        f.srv.restart_with(f.args(["--clock-offset", "1000"]))
        with plugin_clock(1000):
            with pytest.raises(NoHostAvailable) as ei:
                with f.session(provider):
                    pass
        assert MSG_EXPIRED in auth_failure(ei)
    finally:
        f.srv.kill()
        upstream.close()


# --------------------------------------------------------------------------- service-specific credentials


def test_plain_text_service_specific_credentials(front):
    iam = front.srv.iam()
    user = read_only_user(front)
    created = iam.create_service_specific_credential(UserName=user.name, ServiceName="cassandra.amazonaws.com")
    cred = created["ServiceSpecificCredential"]
    assert cred["ServiceUserName"] == f"{user.name}-at-{ACCOUNT_ID}"
    assert cred["Status"] == "Active" and cred["UserName"] == user.name and cred["ServicePassword"]
    assert cred["ServiceSpecificCredentialId"].startswith("ACCA")

    plain = PlainTextAuthProvider(username=cred["ServiceUserName"], password=cred["ServicePassword"])
    with front.session(plain) as s:
        assert list(s.execute("SELECT v FROM app.t"))[0].v == "hello"
        with pytest.raises(Unauthorized):
            s.execute("UPDATE app.t SET v = 'y' WHERE k = 1")

    with pytest.raises(NoHostAvailable) as ei:
        with front.session(PlainTextAuthProvider(username=cred["ServiceUserName"], password="wrong")):
            pass
    assert "and/or password are incorrect" in auth_failure(ei)

    listed = iam.list_service_specific_credentials(UserName=user.name)["ServiceSpecificCredentials"]
    assert [m["ServiceSpecificCredentialId"] for m in listed] == [cred["ServiceSpecificCredentialId"]]
    assert "ServicePassword" not in listed[0]

    reset = iam.reset_service_specific_credential(
        UserName=user.name, ServiceSpecificCredentialId=cred["ServiceSpecificCredentialId"])["ServiceSpecificCredential"]
    assert reset["ServicePassword"] != cred["ServicePassword"]
    with pytest.raises(NoHostAvailable):
        with front.session(plain):
            pass
    new_plain = PlainTextAuthProvider(username=cred["ServiceUserName"], password=reset["ServicePassword"])
    with front.session(new_plain) as s:
        s.execute("SELECT v FROM app.t")

    iam.update_service_specific_credential(UserName=user.name,
                                           ServiceSpecificCredentialId=cred["ServiceSpecificCredentialId"],
                                           Status="Inactive")
    with pytest.raises(NoHostAvailable):
        with front.session(new_plain):
            pass

    iam.create_service_specific_credential(UserName=user.name, ServiceName="cassandra.amazonaws.com")
    with pytest.raises(iam.exceptions.LimitExceededException):
        iam.create_service_specific_credential(UserName=user.name, ServiceName="cassandra.amazonaws.com")
    # IAM answers NoSuchEntity for a service without service-specific credentials.
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.create_service_specific_credential(UserName=user.name, ServiceName="s3.amazonaws.com")
    with pytest.raises(iam.exceptions.DeleteConflictException):
        iam.delete_user(UserName=user.name)
    iam.delete_service_specific_credential(UserName=user.name,
                                           ServiceSpecificCredentialId=cred["ServiceSpecificCredentialId"])
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.delete_service_specific_credential(UserName=user.name,
                                               ServiceSpecificCredentialId=cred["ServiceSpecificCredentialId"])


# --------------------------------------------------------------------------- authorization


def test_table_scoped_policy_allows_that_table_only(front):
    iam = front.srv.iam()
    user = make_user(front.srv, "kstable")
    policy = doc(allow("cassandra:Select", "cassandra:Modify",
                       resource=[ks_arn("app", "allowed"), f"arn:aws:cassandra:{REGION}:{ACCOUNT_ID}:/keyspace/system*"]))
    iam.put_user_policy(UserName=user.name, PolicyName="one-table", PolicyDocument=policy)
    with front.session(front.sigv4(user.creds)) as s:
        s.execute("SELECT v FROM app.allowed")
        s.execute("INSERT INTO app.allowed (k, v) VALUES (1, 'a')")
        with pytest.raises(Unauthorized) as ei:
            s.execute("SELECT v FROM app.other")
        assert ks_arn("app", "other") in str(ei.value) and "cassandra:Select" in str(ei.value)

        # Unqualified names resolve to the session keyspace the upstream confirmed.
        s.set_keyspace("app")
        s.execute("SELECT v FROM allowed")
        with pytest.raises(Unauthorized):
            s.execute("SELECT v FROM other")

        # Prepared statements are authorized at PREPARE and at every EXECUTE.
        ok = s.prepare("SELECT v FROM app.allowed WHERE k = ?")
        assert list(s.execute(ok, ["1"]))[0].v == "hello"
        with pytest.raises(Unauthorized):
            s.prepare("SELECT v FROM app.other WHERE k = ?")

        # A batch is refused as a whole if any statement is.
        before = len(front.upstream.received)
        batch = BatchStatement()
        batch.add(SimpleStatement("INSERT INTO app.allowed (k, v) VALUES (2, 'b')"))
        batch.add(SimpleStatement("INSERT INTO app.other (k, v) VALUES (2, 'b')"))
        with pytest.raises(Unauthorized):
            s.execute(batch)
        assert front.upstream.received[before:] == []
        good = BatchStatement()
        good.add(SimpleStatement("INSERT INTO app.allowed (k, v) VALUES (3, 'c')"))
        s.execute(good)

    # A policy change is in force for the very next statement.
    iam.delete_user_policy(UserName=user.name, PolicyName="one-table")
    with pytest.raises(NoHostAvailable):
        # The driver's own system.local read on connect is now refused.
        with front.session(front.sigv4(user.creds)):
            pass


def test_decisions_are_audited(front):
    user = read_only_user(front)
    with front.session(front.sigv4(user.creds)) as s:
        s.execute("SELECT v FROM audit_ks.t1")
        with pytest.raises(Unauthorized):
            s.execute("DELETE FROM audit_ks.t1 WHERE k = 1")

    def records():
        return [r for r in front.cql_records() if (r.get("requestParameters") or {}).get("keyspaceName") == "audit_ks"]

    wait_for(lambda: len(records()) >= 2, what="CQL audit records")
    sel = [r for r in records() if r["eventName"] == "Select"][0]
    mod = [r for r in records() if r["eventName"] == "Modify"][0]
    assert sel["errorCode"] is None and sel["userIdentity"]["userName"] == user.name
    assert sel["requestParameters"]["resourceArn"] == ks_arn("audit_ks", "t1")
    assert mod["errorCode"] == "AccessDenied" and "cassandra:Modify" in mod["errorMessage"]
    assert all(r["awsRegion"] == REGION for r in records())
    assert "DELETE FROM" not in json.dumps(records())


def test_unsupported_statements_fail_closed(front):
    user = make_user(front.srv, "ksall")
    front.srv.iam().put_user_policy(UserName=user.name, PolicyName="all",
                                    PolicyDocument=doc(allow("cassandra:*")))
    with front.session(front.sigv4(user.creds)) as s:
        with pytest.raises(Unauthorized) as ei:
            s.execute("GRANT ALL ON KEYSPACE app TO someone")
        assert "unsupported statement" in str(ei.value)
        s.execute("CREATE TABLE app.t2 (k int PRIMARY KEY)")
    assert "GRANT ALL ON KEYSPACE app TO someone" not in front.upstream.received


# --------------------------------------------------------------------------- wire-level behaviour


def _frame(version: int, stream: int, opcode: int, body: bytes = b"") -> bytes:
    return struct.pack(">BBhBi", version, 0, stream, opcode, len(body)) + body


def _read_frame(sock: socket.socket):
    head = b""
    while len(head) < 9:
        chunk = sock.recv(9 - len(head))
        if not chunk:
            return None
        head += chunk
    version, _flags, stream, opcode, length = struct.unpack(">BBhBi", head)
    body = b""
    while len(body) < length:
        body += sock.recv(length - len(body))
    return version, stream, opcode, body


def _error(frame) -> tuple[int, str]:
    _v, _s, opcode, body = frame
    assert opcode == 0x00, frame
    code = struct.unpack(">i", body[:4])[0]
    n = struct.unpack(">H", body[4:6])[0]
    return code, body[6:6 + n].decode()


def _connect(front) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", front.cql_port), timeout=5)
    return s


def test_v5_is_refused_with_the_message_drivers_downgrade_on(front):
    with _connect(front) as s:
        s.sendall(_frame(0x05, 3, 0x05))
        frame = _read_frame(s)
    assert frame[0] == 0x84 and frame[1] == 3
    code, msg = _error(frame)
    assert code == 0x000A and "unsupported protocol version" in msg.lower()


def test_garbage_gets_an_error_frame_not_a_dropped_socket(front):
    for payload in [b"\x04\x00\x00\x01\x07\x7f\xff\xff\xff",  # QUERY with a 2 GiB body
                    b"\x04\x00\x00\x01\x04\x00\x00\x00\x00",  # opcode 0x04 (v1 CREDENTIALS)
                    _frame(0x04, 1, 0x07, b"\x00\x00\x00\x05SEL")]:  # QUERY before authentication
        with _connect(front) as s:
            s.sendall(payload)
            frame = _read_frame(s)
        assert frame is not None, payload
        code, _ = _error(frame)
        assert code == 0x000A


def test_unknown_initial_response_is_an_authentication_error(front):
    startup = struct.pack(">H", 1) + struct.pack(">H", 11) + b"CQL_VERSION" + struct.pack(">H", 5) + b"3.0.0"
    with _connect(front) as s:
        s.sendall(_frame(0x04, 1, 0x01, startup))
        _v, _s, opcode, body = _read_frame(s)
        assert opcode == 0x03 and b"PasswordAuthenticator" in body
        s.sendall(_frame(0x04, 2, 0x0F, struct.pack(">i", 5) + b"hello"))
        code, msg = _error(_read_frame(s))
    assert code == 0x0100 and "SigV4 or PLAIN" in msg


def test_sigv4_handshake_challenge_is_exactly_nonce(front):
    startup = struct.pack(">H", 1) + struct.pack(">H", 11) + b"CQL_VERSION" + struct.pack(">H", 5) + b"3.0.0"
    with _connect(front) as s:
        s.sendall(_frame(0x04, 1, 0x01, startup))
        _read_frame(s)
        s.sendall(_frame(0x04, 2, 0x0F, struct.pack(">i", 7) + b"SigV4\x00\x00"))
        _v, _s, opcode, body = _read_frame(s)
    assert opcode == 0x0E
    token = body[4:]
    assert token.startswith(b"nonce=") and len(token) == 6 + 32


def test_upstream_credentials_from_the_environment(tmp_path):
    upstream = CqlTestUpstream(credentials=("cassandra", "upstream-secret"))
    f = Front(tmp_path / "upauth", upstream)
    try:
        user = read_only_user(f)
        with pytest.raises(NoHostAvailable) as ei:
            with f.session(f.sigv4(user.creds)):
                pass
        assert "requires authentication" in auth_failure(ei)
        f.srv.terminate()
        f.srv.extra_env.update({"KEYWARD_CQL_UPSTREAM_USERNAME": "cassandra",
                                "KEYWARD_CQL_UPSTREAM_PASSWORD": "upstream-secret"})
        f.srv.start()
        with f.session(f.sigv4(user.creds)) as s:
            assert list(s.execute("SELECT v FROM app.t"))[0].v == "hello"
        assert "upstream-secret" not in (f.srv.data_dir / "audit.log").read_text()
    finally:
        f.srv.kill()
        upstream.close()


def test_unresolvable_statements_get_cassandras_errors(front):
    from cassandra import InvalidRequest
    from cassandra.protocol import SyntaxException

    user = read_only_user(front)
    with front.session(front.sigv4(user.creds)) as s:
        with pytest.raises(InvalidRequest) as ei:
            s.execute("SELECT v FROM no_keyspace_table")
        assert "No keyspace has been specified" in str(ei.value)
        with pytest.raises(SyntaxException):
            s.execute("SELECT v FROM ks.t WHERE v = 'unterminated")


def test_front_overhead_against_the_direct_path(front):
    """The same SELECT, sequentially, straight to the test upstream and through the front (with the
    principal's policies cached after the first statement); prints p50/p99 of both. The issue's
    target is <= 100 us p99 of added latency; this debug-build run only guards against regressions
    of an order of magnitude."""
    import time

    user = read_only_user(front)
    n = 400

    def timings(session) -> list[float]:
        out = []
        for _ in range(n):
            t0 = time.perf_counter()
            session.execute("SELECT v FROM bench.t WHERE k = 1")
            out.append(time.perf_counter() - t0)
        return sorted(out)

    direct_cluster = Cluster(contact_points=["127.0.0.1"], port=front.upstream.port, protocol_version=4,
                             schema_metadata_enabled=False, token_metadata_enabled=False)
    try:
        direct = timings(direct_cluster.connect())
    finally:
        direct_cluster.shutdown()
    with front.session(front.sigv4(user.creds)) as s:
        s.execute("SELECT v FROM bench.t WHERE k = 1")
        via = timings(s)

    def pct(xs, p):
        return xs[min(len(xs) - 1, int(len(xs) * p))] * 1e6

    report = (f"direct p50={pct(direct, .5):.0f}us p99={pct(direct, .99):.0f}us; "
              f"front p50={pct(via, .5):.0f}us p99={pct(via, .99):.0f}us; "
              f"added p50={pct(via, .5) - pct(direct, .5):.0f}us p99={pct(via, .99) - pct(direct, .99):.0f}us")
    print(report)
    assert pct(via, .5) - pct(direct, .5) < 5000, report

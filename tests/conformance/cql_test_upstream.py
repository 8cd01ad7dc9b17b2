"""A TEST UPSTREAM for Keyward's CQL front -- not Cassandra.

No Cassandra or ScyllaDB server can be installed on the test machines, so the forwarding path is
tested against this small server that speaks just enough of the Cassandra native protocol v4 for
the Python `cassandra-driver` to connect through the front and run statements:

  OPTIONS -> SUPPORTED; STARTUP -> READY (or AUTHENTICATE, then PLAIN credentials -> AUTH_SUCCESS
  when `credentials` is given); REGISTER -> READY; QUERY/EXECUTE: `USE ks` -> RESULT SetKeyspace,
  SELECT -> RESULT Rows (system.local gets a row of the columns the driver reads, system.peers
  none, system.peers_v2 an Invalid error as on Cassandra 3.x, any other table one row
  `v = 'hello'`), anything else -> RESULT Void; PREPARE -> RESULT Prepared (every `?` a text
  bind variable); BATCH -> Void. Stream ids are echoed; no compression.

Every statement it runs is appended to `received` (the statement text, EXECUTE resolved to its
text, BATCH members one by one), so tests can prove which statements reached the upstream.
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import threading

VERSION_RESPONSE = 0x84
OP_ERROR, OP_STARTUP, OP_READY, OP_AUTHENTICATE = 0x00, 0x01, 0x02, 0x03
OP_OPTIONS, OP_SUPPORTED, OP_QUERY, OP_RESULT = 0x05, 0x06, 0x07, 0x08
OP_PREPARE, OP_EXECUTE, OP_REGISTER, OP_BATCH = 0x09, 0x0A, 0x0B, 0x0D
OP_AUTH_RESPONSE, OP_AUTH_SUCCESS = 0x0F, 0x10
VARCHAR = 0x000D


def _string(s: str) -> bytes:
    b = s.encode()
    return struct.pack(">H", len(b)) + b


def _bytes(b: bytes | None) -> bytes:
    return struct.pack(">i", -1) if b is None else struct.pack(">i", len(b)) + b


class _Reader:
    def __init__(self, body: bytes) -> None:
        self.body, self.pos = body, 0

    def take(self, n: int) -> bytes:
        out = self.body[self.pos:self.pos + n]
        self.pos += n
        return out

    def short(self) -> int:
        return struct.unpack(">H", self.take(2))[0]

    def int(self) -> int:
        return struct.unpack(">i", self.take(4))[0]

    def long_string(self) -> str:
        return self.take(self.int()).decode()

    def short_bytes(self) -> bytes:
        return self.take(self.short())

    def bytes_(self) -> bytes | None:
        n = self.int()
        return None if n < 0 else self.take(n)


def _rows(ks: str, table: str, columns: list[str], rows: list[list[str | None]]) -> bytes:
    out = struct.pack(">i", 2) + struct.pack(">ii", 0x0001, len(columns)) + _string(ks) + _string(table)
    for c in columns:
        out += _string(c) + struct.pack(">H", VARCHAR)
    out += struct.pack(">i", len(rows))
    for row in rows:
        for v in row:
            out += _bytes(None if v is None else v.encode())
    return out


_FROM = re.compile(r"\bfrom\s+(\"?\w+\"?)(?:\s*\.\s*(\"?\w+\"?))?", re.I)
_USE = re.compile(r"^\s*use\s+\"?(\w+)\"?", re.I)


class CqlTestUpstream:
    """The test upstream on 127.0.0.1:<port>; `credentials=(user, password)` requires PLAIN auth."""

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self.credentials = credentials
        self.received: list[str] = []
        self.prepared: dict[bytes, str] = {}
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closed = True
        self._sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _recv(conn: socket.socket, n: int) -> bytes | None:
        buf = b""
        while len(buf) < n:
            chunk = conn.recv(n - len(buf))
            if not chunk:
                return None
            buf += chunk
        return buf

    def _serve(self, conn: socket.socket) -> None:
        keyspace: list[str | None] = [None]
        try:
            while True:
                head = self._recv(conn, 9)
                if head is None:
                    return
                _version, _flags, stream, op, length = struct.unpack(">BBhBi", head)
                body = self._recv(conn, length) if length else b""
                if body is None:
                    return
                opcode, reply = self._answer(op, body, keyspace)
                conn.sendall(struct.pack(">BBhBi", VERSION_RESPONSE, 0, stream, opcode, len(reply)) + reply)
        except OSError:
            return
        finally:
            conn.close()

    def _answer(self, op: int, body: bytes, keyspace: list[str | None]) -> tuple[int, bytes]:
        r = _Reader(body)
        if op == OP_OPTIONS:
            return OP_SUPPORTED, struct.pack(">H", 2) + _string("CQL_VERSION") + struct.pack(">H", 1) + \
                _string("3.4.5") + _string("COMPRESSION") + struct.pack(">H", 0)
        if op == OP_STARTUP:
            if self.credentials:
                return OP_AUTHENTICATE, _string("org.apache.cassandra.auth.PasswordAuthenticator")
            return OP_READY, b""
        if op == OP_AUTH_RESPONSE:
            token = r.bytes_() or b""
            want = b"\0" + self.credentials[0].encode() + b"\0" + self.credentials[1].encode() if self.credentials else None
            if token == want:
                return OP_AUTH_SUCCESS, _bytes(None)
            return OP_ERROR, struct.pack(">i", 0x0100) + _string("Provided username and/or password are incorrect")
        if op == OP_REGISTER:
            return OP_READY, b""
        if op == OP_QUERY:
            return self._run(r.long_string(), keyspace)
        if op == OP_PREPARE:
            text = r.long_string()
            pid = hashlib.md5((text + (keyspace[0] or "")).encode()).digest()
            with self._lock:
                self.prepared[pid] = text
            markers = text.count("?")
            meta = struct.pack(">iii", 0x0001, markers, 0) + _string(keyspace[0] or "ks") + _string("t")
            for i in range(markers):
                meta += _string(f"p{i}") + struct.pack(">H", VARCHAR)
            meta += struct.pack(">ii", 0x0004, 0)
            return OP_RESULT, struct.pack(">i", 4) + struct.pack(">H", len(pid)) + pid + meta
        if op == OP_EXECUTE:
            pid = r.short_bytes()
            with self._lock:
                text = self.prepared.get(pid)
            if text is None:
                return OP_ERROR, struct.pack(">i", 0x2500) + _string("Unknown prepared id") + \
                    struct.pack(">H", len(pid)) + pid
            return self._run(text, keyspace)
        if op == OP_BATCH:
            r.take(1)
            for _ in range(r.short()):
                kind = r.take(1)[0]
                if kind == 0:
                    text = r.long_string()
                else:
                    with self._lock:
                        text = self.prepared.get(r.short_bytes(), "<unknown prepared id>")
                for _ in range(r.short()):
                    r.bytes_()
                with self._lock:
                    self.received.append(text)
            return OP_RESULT, struct.pack(">i", 1)
        return OP_ERROR, struct.pack(">i", 0x000A) + _string(f"test upstream: unsupported opcode {op}")

    def _run(self, text: str, keyspace: list[str | None]) -> tuple[int, bytes]:
        with self._lock:
            self.received.append(text)
        use = _USE.match(text)
        if use:
            keyspace[0] = use.group(1)
            return OP_RESULT, struct.pack(">i", 3) + _string(use.group(1))
        if not text.lstrip().lower().startswith("select"):
            return OP_RESULT, struct.pack(">i", 1)
        m = _FROM.search(text)
        ks, table = (m.group(1), m.group(2)) if m and m.group(2) else (keyspace[0] or "ks", m.group(1) if m else "t")
        ks, table = ks.strip('"'), table.strip('"')
        if ks == "system" and table == "peers_v2":
            return OP_ERROR, struct.pack(">i", 0x2200) + _string("unconfigured table peers_v2")
        if ks == "system" and table == "local":
            cols = ["key", "cluster_name", "data_center", "rack", "release_version", "cql_version", "partitioner"]
            row = ["local", "test-upstream", "dc1", "r1", "3.11.16", "3.4.5", "org.apache.cassandra.dht.Murmur3Partitioner"]
            return OP_RESULT, _rows(ks, table, cols, [row])
        if ks == "system":
            return OP_RESULT, _rows(ks, table, ["peer", "data_center"], [])
        return OP_RESULT, _rows(ks, table, ["v"], [["hello"]])

"""No client can take the server down by holding connections (issue 18, defect 1): connections
beyond `--max-connections` are refused at once with a 503, slowloris headers are cut off after
`--header-timeout`, a body that does not arrive within `--body-timeout` is answered `408
RequestTimeout`, idle keep-alive connections are closed after `--idle-timeout`, and normal
clients are served quickly throughout."""

import socket
import time
from urllib.parse import urlparse

import pytest


LIMITS = ["--max-connections", "20", "--header-timeout", "1", "--idle-timeout", "2",
          "--body-timeout", "1"]


@pytest.fixture
def limited(server_with_args_factory):
    return server_with_args_factory(extra_args=LIMITS)


def connect(server):
    url = urlparse(server.url)
    return socket.create_connection((url.hostname, url.port), timeout=5)


def closed_by_server(sock, within):
    """Whether the server closes `sock` (EOF or reset) within `within` seconds."""
    sock.settimeout(within)
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_connections_beyond_the_limit_get_a_clear_refusal(limited):
    held = [connect(limited) for _ in range(20)]
    try:
        time.sleep(0.3)
        extra = connect(limited)
        extra.settimeout(3)
        answer = extra.recv(4096)
        assert answer.startswith(b"HTTP/1.1 503 Service Unavailable"), answer
        assert b"<Code>ServiceUnavailable</Code>" in answer
        extra.close()
    finally:
        for s in held:
            s.close()
    # Once they are gone the server serves again.
    time.sleep(0.3)
    assert limited.sts().get_caller_identity()["Account"]


def test_slowloris_headers_are_cut_off(limited):
    sock = connect(limited)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    for _ in range(10):
        time.sleep(0.3)
        try:
            sock.sendall(b"X-Drip: 1\r\n")
        except OSError:
            break
    assert closed_by_server(sock, within=3)
    assert time.monotonic() - started < 4.5
    sock.close()


def test_idle_connections_are_closed_and_others_still_served(limited):
    idle = [connect(limited) for _ in range(15)]
    client = limited.sts()
    started = time.monotonic()
    for _ in range(20):
        client.get_caller_identity()
    assert time.monotonic() - started < 5
    assert all(closed_by_server(s, within=4) for s in idle)
    for s in idle:
        s.close()


def test_a_body_that_does_not_arrive_is_a_request_timeout(limited):
    sock = connect(limited)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: 1000\r\n\r\nAction=GetCallerIdentity")
    started = time.monotonic()
    sock.settimeout(5)
    answer = sock.recv(4096)
    assert time.monotonic() - started < 3
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert b"<Code>RequestTimeout</Code>" in answer
    sock.close()

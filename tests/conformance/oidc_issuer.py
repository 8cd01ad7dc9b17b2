"""A test OpenID Connect issuer on loopback, for AssumeRoleWithWebIdentity.

`OidcIssuer()` starts a threaded HTTP server on 127.0.0.1 (random port) that serves, like a real
issuer (GitHub Actions, an EKS cluster, Auth0 …):

  GET {path}/.well-known/openid-configuration   {"issuer": URL, "jwks_uri": URL/jwks.json, …}
  GET {path}/jwks.json                          {"keys": [public JWKs, each with its "kid"]}

where URL is `http://127.0.0.1:PORT{path}`: the value of the tokens' `iss` claim and the `--url`
given to `iam create-open-id-connect-provider`. Keyward accepts plain-http issuers on loopback only.

It starts with one RSA key (RS256) and one EC P-256 key (ES256); `add_key()` adds RSA/EC keys of any
size/curve, `rotate()` publishes a new key (the old kid may be kept or withdrawn) so that a relying
party that cached the old JWKS must refetch on the unknown kid, and `set_down()` makes the issuer
unreachable ("refused": the listening socket is closed, "error": every request answers 503,
"hang": requests are never answered until `set_up()`).

Tokens:
  * `mint(sub=…, aud=…, kid=…, alg=…, exp_in=…, **claims)` — a correctly signed JWT with the usual
    claims (iss, sub, aud, iat, nbf, exp, jti); pass `iss=`/`aud=`/`exp=`… to override, a claim
    set to `OMIT` to leave it out, `header=` to add/override header fields.
  * `mint_with_key(key, …)` — signed by a key that is NOT published (a forged or unknown-kid token).
  * `mint_unsigned(…)` — `alg: none`, empty signature.
  * `mint_hmac(secret, alg="HS256", …)` — an HMAC token (by default keyed with the RSA key's public
    PEM: the classic algorithm-confusion attack).
  * `tamper(token)` — flips a byte of the signature.

`requests_seen` lists the paths fetched, so tests can tell whether the relying party (re)fetched.
Needs `cryptography` and `joserfc` (pinned in tests/requirements.txt).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import serialization
from joserfc import jwk, jwt

OMIT = object()

_RSA_ALGS = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
_EC_ALGS = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}


def b64url(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_json(obj: Any) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


class SigningKey:
    """A private key and how it is published."""

    def __init__(self, key, kid: str, alg: str, publish_alg: bool = False) -> None:
        self.key = key  # joserfc RSAKey / ECKey (private)
        self.kid = kid
        self.alg = alg
        self.publish_alg = publish_alg

    def public_jwk(self) -> dict[str, Any]:
        d = dict(self.key.as_dict(private=False))
        d["kid"] = self.kid
        d["use"] = "sig"
        if self.publish_alg:
            d["alg"] = self.alg
        return d

    def public_pem(self) -> bytes:
        return self.key.public_key.public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)


def new_key(kind: str = "RSA", alg: str | None = None, kid: str | None = None, *, size: int = 2048,
            publish_alg: bool = False) -> SigningKey:
    kind = kind.upper()
    if kind == "RSA":
        alg = alg or "RS256"
        k = jwk.RSAKey.generate_key(size, private=True)
    elif kind == "EC":
        alg = alg or "ES256"
        k = jwk.ECKey.generate_key(_EC_ALGS[alg], private=True)
    else:
        raise ValueError(kind)
    return SigningKey(k, kid or f"{kind.lower()}-{uuid.uuid4().hex[:10]}", alg, publish_alg)


class OidcIssuer:
    def __init__(self, path: str = "", *, rsa_alg: str = "RS256", ec_alg: str = "ES256") -> None:
        assert path == "" or (path.startswith("/") and not path.endswith("/")), path
        self.path = path
        self.keys: dict[str, SigningKey] = {}   # every key we can sign with, by kid
        self.published: list[str] = []          # kids in the JWKS, in order
        self.requests_seen: list[str] = []
        self.mode = "up"                         # up | error | hang | refused
        self._lock = threading.Lock()
        self._release = threading.Event()
        self.rsa = self.add_key("RSA", rsa_alg)
        self.ec = self.add_key("EC", ec_alg)
        self._httpd: ThreadingHTTPServer | None = None
        self.port = 0
        self._serve()

    # -- identity ------------------------------------------------------------
    @property
    def url(self) -> str:
        """The issuer URL: the tokens' `iss` and the provider's `--url`."""
        return f"http://127.0.0.1:{self.port}{self.path}"

    @property
    def host_path(self) -> str:
        """The provider's name in IAM: its URL without the scheme (ARN suffix, condition-key prefix)."""
        return f"127.0.0.1:{self.port}{self.path}"

    def provider_arn(self, account: str) -> str:
        return f"arn:aws:iam::{account}:oidc-provider/{self.host_path}"

    def fetches(self, suffix: str = "/jwks.json") -> int:
        with self._lock:
            return sum(1 for p in self.requests_seen if p.endswith(suffix))

    # -- keys ------------------------------------------------------------------
    def add_key(self, kind: str = "RSA", alg: str | None = None, *, publish: bool = True, kid: str | None = None,
                size: int = 2048, publish_alg: bool = False) -> SigningKey:
        k = new_key(kind, alg, kid, size=size, publish_alg=publish_alg)
        with self._lock:
            self.keys[k.kid] = k
            if publish:
                self.published.append(k.kid)
        return k

    def rotate(self, kind: str = "RSA", alg: str | None = None, *, keep_old: bool = True) -> SigningKey:
        """Publish a new key; without keep_old, withdraw every key published before."""
        k = new_key(kind, alg)
        with self._lock:
            self.keys[k.kid] = k
            if not keep_old:
                self.published.clear()
            self.published.append(k.kid)
        return k

    def withdraw(self, kid: str) -> None:
        with self._lock:
            self.published = [x for x in self.published if x != kid]

    def jwks(self) -> dict[str, Any]:
        with self._lock:
            return {"keys": [self.keys[kid].public_jwk() for kid in self.published]}

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.url,
            "jwks_uri": f"{self.url}/jwks.json",
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256", "RS384", "RS512", "ES256", "ES384"],
            "claims_supported": ["sub", "aud", "exp", "iat", "iss", "nbf", "jti"],
        }

    # -- tokens ----------------------------------------------------------------
    def claims(self, sub: str = "repo:org/app:ref:refs/heads/main", aud: Any = "my-client", *,
               exp_in: int = 600, **extra) -> dict[str, Any]:
        now = int(time.time())
        c: dict[str, Any] = {"iss": self.url, "sub": sub, "aud": aud, "iat": now, "nbf": now - 5,
                             "exp": now + exp_in, "jti": uuid.uuid4().hex}
        c.update(extra)
        return {k: v for k, v in c.items() if v is not OMIT}

    def mint_with_key(self, key: SigningKey, sub: str = "repo:org/app:ref:refs/heads/main", aud: Any = "my-client",
                      *, alg: str | None = None, kid: Any = None, header: dict | None = None, exp_in: int = 600,
                      **extra) -> str:
        alg = alg or key.alg
        hdr: dict[str, Any] = {"typ": "JWT", "alg": alg, "kid": key.kid if kid is None else kid}
        hdr.update(header or {})
        hdr = {k: v for k, v in hdr.items() if v is not OMIT}
        return jwt.encode(hdr, self.claims(sub, aud, exp_in=exp_in, **extra), key.key, algorithms=[alg])

    def mint(self, sub: str = "repo:org/app:ref:refs/heads/main", aud: Any = "my-client", *, key: str = "rsa",
             **kw) -> str:
        """A correctly signed token; key="rsa" | "ec" | a kid."""
        k = {"rsa": self.rsa, "ec": self.ec}.get(key) or self.keys[key]
        return self.mint_with_key(k, sub, aud, **kw)

    def mint_unsigned(self, sub: str = "repo:org/app:ref:refs/heads/main", aud: Any = "my-client", *,
                      alg: str = "none", kid: Any = None, exp_in: int = 600, **extra) -> str:
        hdr = {"typ": "JWT", "alg": alg, "kid": self.rsa.kid if kid is None else kid}
        hdr = {k: v for k, v in hdr.items() if v is not OMIT}
        return f"{b64url_json(hdr)}.{b64url_json(self.claims(sub, aud, exp_in=exp_in, **extra))}."

    def mint_hmac(self, secret: bytes | None = None, sub: str = "repo:org/app:ref:refs/heads/main",
                  aud: Any = "my-client", *, alg: str = "HS256", kid: Any = None, exp_in: int = 600, **extra) -> str:
        """An HMAC-signed token, keyed by default with the published RSA key's PEM (alg confusion)."""
        secret = self.rsa.public_pem() if secret is None else secret
        hdr = {"typ": "JWT", "alg": alg, "kid": self.rsa.kid if kid is None else kid}
        hdr = {k: v for k, v in hdr.items() if v is not OMIT}
        signing_input = f"{b64url_json(hdr)}.{b64url_json(self.claims(sub, aud, exp_in=exp_in, **extra))}"
        digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
        sig = hmac.new(secret, signing_input.encode(), digest).digest()
        return f"{signing_input}.{b64url(sig)}"

    @staticmethod
    def tamper(token: str) -> str:
        """Flip one byte in the middle of the signature (still valid base64url)."""
        h, p, s = token.split(".")
        raw = bytearray(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
        raw[len(raw) // 2] ^= 0x01
        return f"{h}.{p}.{b64url(bytes(raw))}"

    @staticmethod
    def with_claims(token: str, **changes) -> str:
        """Same header and signature, payload changed (so the signature no longer matches)."""
        h, p, s = token.split(".")
        payload = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
        payload.update(changes)
        return f"{h}.{b64url_json(payload)}.{s}"

    # -- availability ----------------------------------------------------------
    def set_down(self, mode: str = "refused") -> None:
        assert mode in ("refused", "error", "hang"), mode
        if mode == "refused":
            self._stop()
        self._release.clear()
        self.mode = mode

    def set_up(self) -> None:
        prev = self.mode
        self.mode = "up"
        self._release.set()
        if prev == "refused":
            self._serve(self.port)

    def close(self) -> None:
        self._release.set()
        self._stop()

    # -- HTTP ------------------------------------------------------------------
    def _serve(self, port: int = 0) -> None:
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):  # quiet
                pass

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                path = self.path.split("?", 1)[0]
                with issuer._lock:
                    issuer.requests_seen.append(path)
                if issuer.mode == "hang":
                    issuer._release.wait(60)
                if issuer.mode == "error":
                    return self._send(503, b'{"error":"unavailable"}')
                if path == f"{issuer.path}/.well-known/openid-configuration":
                    return self._send(200, json.dumps(issuer.discovery()).encode())
                if path == f"{issuer.path}/jwks.json":
                    return self._send(200, json.dumps(issuer.jwks()).encode())
                return self._send(404, b'{"error":"not found"}')

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._httpd = Server(("127.0.0.1", port), Handler)
        self.port = self._httpd.server_address[1]
        t = threading.Thread(target=self._httpd.serve_forever, name=f"oidc-issuer-{self.port}", daemon=True)
        t.start()

    def _stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "OidcIssuer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

"""A SAML 2.0 identity provider for the tests: a key pair with a self-signed certificate, its
metadata document, and signed (optionally encrypted) authentication responses for AWS, built
with lxml and signed with signxml (Apache-2.0) — an XML-DSig implementation independent of the
one Keyward verifies with. Also the attacker's tools: unsigned or foreign-key responses,
signature wrapping and comment injection."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import os
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding as sym_padding, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import XMLSigner, methods

SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
MD = "urn:oasis:names:tc:SAML:2.0:metadata"
DS = "http://www.w3.org/2000/09/xmldsig#"
XENC = "http://www.w3.org/2001/04/xmlenc#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
SIGN_IN = "https://signin.aws.amazon.com/saml"
ROLE_ATTR = "https://aws.amazon.com/SAML/Attributes/Role"
SESSION_ATTR = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
SOURCE_IDENTITY_ATTR = "https://aws.amazon.com/SAML/Attributes/SourceIdentity"
TAG_ATTR = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:"
TRANSITIVE_ATTR = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys"
EPPN = "urn:oid:1.3.6.1.4.1.5923.1.1.1.6"


def _time(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def new_key_and_cert(cn: str = "idp.example.test") -> tuple[bytes, bytes]:
    """(PEM private key, PEM self-signed certificate)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365)).sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def cert_body(cert_pem: bytes) -> str:
    return "".join(cert_pem.decode().strip().splitlines()[1:-1])


class Idp:
    """One IdP: its entity id, signing key and certificate."""

    def __init__(self, entity_id: str = "https://idp.example.test/saml") -> None:
        self.entity_id = entity_id
        self.key, self.cert = new_key_and_cert()

    def metadata(self, valid_until: str | None = None, extra_certs: tuple[bytes, ...] = ()) -> str:
        """An EntityDescriptor (over 1000 characters, as IAM's model requires)."""
        until = f' validUntil="{valid_until}"' if valid_until else ""
        keys = "".join(
            f'<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert_body(c)}'
            f"</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
            for c in (self.cert, *extra_certs))
        return (f'<?xml version="1.0"?>\n<md:EntityDescriptor xmlns:md="{MD}" xmlns:ds="{DS}" '
                f'entityID="{self.entity_id}"{until}><md:IDPSSODescriptor '
                f'protocolSupportEnumeration="{SAMLP}">{keys}'
                f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
                f'Location="https://idp.example.test/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>')

    # -- responses ---------------------------------------------------------
    def assertion(self, *, role_values, session_name="alice", subject="alice@example.test",
                  name_format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                  audience="https://signin.aws.amazon.com/saml", recipient=SIGN_IN, issuer=None,
                  not_on_or_after=None, not_before=None, session_not_on_or_after=None,
                  attributes=None) -> etree._Element:
        now = dt.datetime.now(dt.timezone.utc)
        end = not_on_or_after or now + dt.timedelta(minutes=5)
        start = not_before or now - dt.timedelta(minutes=1)
        a = etree.Element(f"{{{SAML}}}Assertion", nsmap={"saml": SAML},
                          ID="_a" + uuid.uuid4().hex, Version="2.0", IssueInstant=_time(now))
        etree.SubElement(a, f"{{{SAML}}}Issuer").text = issuer or self.entity_id
        subj = etree.SubElement(a, f"{{{SAML}}}Subject")
        nid = etree.SubElement(subj, f"{{{SAML}}}NameID", Format=name_format)
        nid.text = subject
        conf = etree.SubElement(subj, f"{{{SAML}}}SubjectConfirmation",
                                Method="urn:oasis:names:tc:SAML:2.0:cm:bearer")
        etree.SubElement(conf, f"{{{SAML}}}SubjectConfirmationData", NotOnOrAfter=_time(end),
                         Recipient=recipient)
        cond = etree.SubElement(a, f"{{{SAML}}}Conditions", NotBefore=_time(start),
                                NotOnOrAfter=_time(end))
        ar = etree.SubElement(cond, f"{{{SAML}}}AudienceRestriction")
        etree.SubElement(ar, f"{{{SAML}}}Audience").text = audience
        authn = etree.SubElement(a, f"{{{SAML}}}AuthnStatement", AuthnInstant=_time(now))
        if session_not_on_or_after:
            authn.set("SessionNotOnOrAfter", _time(session_not_on_or_after))
        ctx = etree.SubElement(authn, f"{{{SAML}}}AuthnContext")
        etree.SubElement(ctx, f"{{{SAML}}}AuthnContextClassRef").text = \
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        attrs = {ROLE_ATTR: list(role_values)}
        if session_name is not None:
            attrs[SESSION_ATTR] = [session_name]
        attrs.update(attributes or {})
        st = etree.SubElement(a, f"{{{SAML}}}AttributeStatement")
        for name, values in attrs.items():
            at = etree.SubElement(st, f"{{{SAML}}}Attribute", Name=name)
            for v in values:
                etree.SubElement(at, f"{{{SAML}}}AttributeValue").text = v
        return a

    def sign(self, element: etree._Element, key: bytes | None = None, cert: bytes | None = None) -> etree._Element:
        signer = XMLSigner(method=methods.enveloped, signature_algorithm="rsa-sha256",
                           digest_algorithm="sha256", c14n_algorithm=EXC_C14N)
        return signer.sign(element, key=key or self.key, cert=cert or self.cert,
                           reference_uri=element.get("ID"))

    def response(self, assertion: etree._Element | None, *, status="urn:oasis:names:tc:SAML:2.0:status:Success",
                 destination=SIGN_IN, issuer=None) -> etree._Element:
        now = dt.datetime.now(dt.timezone.utc)
        r = etree.Element(f"{{{SAMLP}}}Response", nsmap={"samlp": SAMLP, "saml": SAML},
                          ID="_r" + uuid.uuid4().hex, Version="2.0", IssueInstant=_time(now))
        if destination:
            r.set("Destination", destination)
        etree.SubElement(r, f"{{{SAML}}}Issuer").text = issuer or self.entity_id
        s = etree.SubElement(r, f"{{{SAMLP}}}Status")
        etree.SubElement(s, f"{{{SAMLP}}}StatusCode", Value=status)
        if assertion is not None:
            r.append(assertion)
        return r

    def signed_response(self, sign_response: bool = False, **kw) -> str:
        """A response whose assertion is signed (and the response too, if asked), base64."""
        resp = self.response(self.sign(self.assertion(**kw)))
        if sign_response:
            resp = self.sign(resp)
        return encode(resp)


def encode(element: etree._Element | bytes | str) -> str:
    if isinstance(element, etree._Element):
        element = etree.tostring(element)
    if isinstance(element, str):
        element = element.encode()
    return base64.b64encode(element).decode()


def decode(b64: str) -> etree._Element:
    return etree.fromstring(base64.b64decode(b64))


def encrypt_assertion(response: etree._Element, public_key_pem: bytes) -> etree._Element:
    """Replaces the response's Assertion by an EncryptedAssertion (AES-256-CBC content key,
    wrapped with RSA-OAEP-MGF1P for the provider's key), as IdPs send them."""
    assertion = response.find(f"{{{SAML}}}Assertion")
    plain = etree.tostring(assertion)
    content_key, iv = os.urandom(32), os.urandom(16)
    padder = sym_padding.PKCS7(128).padder()
    data = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(content_key), modes.CBC(iv)).encryptor()
    cipher = iv + enc.update(data) + enc.finalize()
    public = serialization.load_pem_public_key(public_key_pem)
    wrapped = public.encrypt(content_key, padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(),
                                                       label=None))
    wrapper = etree.Element(f"{{{SAML}}}EncryptedAssertion", nsmap={"saml": SAML})
    ed = etree.SubElement(wrapper, f"{{{XENC}}}EncryptedData", nsmap={"xenc": XENC},
                          Type="http://www.w3.org/2001/04/xmlenc#Element")
    etree.SubElement(ed, f"{{{XENC}}}EncryptionMethod", Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc")
    ki = etree.SubElement(ed, f"{{{DS}}}KeyInfo", nsmap={"ds": DS})
    ek = etree.SubElement(ki, f"{{{XENC}}}EncryptedKey")
    etree.SubElement(ek, f"{{{XENC}}}EncryptionMethod", Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p")
    cd = etree.SubElement(ek, f"{{{XENC}}}CipherData")
    etree.SubElement(cd, f"{{{XENC}}}CipherValue").text = base64.b64encode(wrapped).decode()
    cd = etree.SubElement(ed, f"{{{XENC}}}CipherData")
    etree.SubElement(cd, f"{{{XENC}}}CipherValue").text = base64.b64encode(cipher).decode()
    assertion.addprevious(wrapper)
    response.remove(assertion)
    return response


def public_key_of(key_pem: bytes) -> bytes:
    key = serialization.load_pem_private_key(key_pem, password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def deep_copy(e: etree._Element) -> etree._Element:
    return copy.deepcopy(e)

//! `sslmode` and `sslrootcert` as libpq reads them
//! (<https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-SSLMODE-STATEMENTS>), so a
//! URL that works with `psql` works with Keyward:
//!
//! | `sslmode`     | encrypted          | certificate checked                       |
//! |---------------|--------------------|-------------------------------------------|
//! | `disable`     | no                 | —                                         |
//! | `prefer`      | when the server can | no                                       |
//! | `require`     | yes                | no (yes, as `verify-ca`, when a root file exists) |
//! | `verify-ca`   | yes                | signed by `sslrootcert`                   |
//! | `verify-full` | yes                | signed by `sslrootcert` and naming the host |
//!
//! `sslrootcert` defaults to `~/.postgresql/root.crt`; `sslrootcert=system` trusts the system's
//! roots and, as in libpq, needs `verify-full`. `allow` (plain first, TLS only if refused) is
//! refused with an explanation: tokio-postgres cannot fall back in that order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres::config::SslMode as WireMode;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::StoreError;

/// libpq's `sslmode` values Keyward serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SslMode {
    /// Plain TCP.
    Disable,
    /// TLS when the server offers it, unverified.
    Prefer,
    /// TLS, unverified unless a root certificate file exists.
    Require,
    /// TLS, the chain verified against the root certificates.
    VerifyCa,
    /// TLS, the chain and the host name verified.
    VerifyFull,
}

impl SslMode {
    /// Parses a URL's `sslmode` (default `prefer`, as libpq's).
    pub(crate) fn parse(value: Option<&str>) -> Result<Self, StoreError> {
        match value.unwrap_or("prefer") {
            "disable" => Ok(SslMode::Disable),
            "prefer" => Ok(SslMode::Prefer),
            "require" => Ok(SslMode::Require),
            "verify-ca" => Ok(SslMode::VerifyCa),
            "verify-full" => Ok(SslMode::VerifyFull),
            "allow" => Err(config(
                "sslmode=allow (plain first, TLS only if the server refuses) is not supported; \
                 use prefer (TLS when offered) or disable",
            )),
            other => Err(config(format!(
                "sslmode={other} is not one of disable, prefer, require, verify-ca, verify-full"
            ))),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// The TLS a store URL asks for.
#[derive(Clone)]
pub(crate) struct PostgresTls {
    /// What tokio-postgres is told: whether TLS is tried and whether it is required.
    pub(crate) wire_mode: WireMode,
    /// The connector, with the verifier the mode calls for.
    pub(crate) connector: MakeRustlsConnect,
    /// The mode in force (after `require` became `verify-ca` because a root file exists).
    mode: SslMode,
    /// Set once a connection was encrypted without checking the server's certificate.
    unverified_used: Arc<AtomicBool>,
}

impl PostgresTls {
    /// Builds the TLS of `sslmode` and `sslrootcert` (`home` locates `~/.postgresql/root.crt`).
    pub(crate) fn new(
        mode: SslMode,
        root_cert: Option<&str>,
        home: Option<PathBuf>,
    ) -> Result<Self, StoreError> {
        let default_root = home.map(|h| h.join(".postgresql").join("root.crt"));
        let root_file = match root_cert {
            Some(path) => Some(RootSource::from_param(path)),
            None => default_root
                .filter(|p| p.is_file() || matches!(mode, SslMode::VerifyCa | SslMode::VerifyFull))
                .map(RootSource::File),
        };
        // libpq: "if a root CA file exists, sslmode=require behaves like verify-ca".
        let mode = match (mode, &root_file) {
            (SslMode::Require, Some(RootSource::File(_))) => SslMode::VerifyCa,
            (mode, _) => mode,
        };
        if matches!(root_file, Some(RootSource::System)) && mode != SslMode::VerifyFull {
            return Err(config(format!(
                "weak sslmode \"{}\" may not be used with sslrootcert=system (use \"verify-full\")",
                mode.as_str()
            )));
        }
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let unverified_used = Arc::new(AtomicBool::new(false));
        let verifier: Arc<dyn ServerCertVerifier> = match mode {
            SslMode::Disable | SslMode::Prefer | SslMode::Require => Arc::new(EncryptOnly {
                provider: Arc::clone(&provider),
                used: Arc::clone(&unverified_used),
            }),
            SslMode::VerifyCa | SslMode::VerifyFull => {
                let (roots, pinned) = match &root_file {
                    Some(source) => source.load()?,
                    None => {
                        return Err(config(format!(
                            "sslmode={} needs the server's CA: give sslrootcert=PATH (or \
                             sslrootcert=system), or use sslmode=require to encrypt without \
                             verifying",
                            mode.as_str()
                        )))
                    }
                };
                let webpki = WebPkiServerVerifier::builder_with_provider(
                    Arc::new(roots),
                    Arc::clone(&provider),
                )
                .build()
                .map_err(|e| config(format!("TLS verifier: {e}")))?;
                Arc::new(Verified {
                    webpki,
                    pinned,
                    check_host: mode == SslMode::VerifyFull,
                })
            }
        };
        let client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| config(format!("TLS setup: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(PostgresTls {
            wire_mode: match mode {
                SslMode::Disable => WireMode::Disable,
                SslMode::Prefer => WireMode::Prefer,
                SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => WireMode::Require,
            },
            connector: MakeRustlsConnect::new(client),
            mode,
            unverified_used,
        })
    }

    /// Whether a connection so far was encrypted without checking the server's certificate,
    /// and the advice to give: logged once at start.
    pub(crate) fn unverified_warning(&self) -> Option<String> {
        self.unverified_used.load(Ordering::Relaxed).then(|| {
            format!(
                "the PostgreSQL connection is encrypted but the server's certificate is not \
                 verified (sslmode={}); use sslmode=verify-full with sslrootcert=PATH to verify it",
                self.mode.as_str()
            )
        })
    }

    /// A connection failure with what went wrong in TLS terms and which `sslmode` would work.
    pub(crate) fn explain(&self, message: &str) -> String {
        // rustls's texts, as the error chain of the failed connection carries them.
        let hint = if message.contains("certificate not valid for name") {
            Some(
                "the server's certificate does not name the host in the URL (sslmode=verify-full); \
                 connect by a name the certificate lists, or use sslmode=verify-ca to check only \
                 its CA",
            )
        } else if message.contains("UnknownIssuer") || message.contains("invalid peer certificate")
        {
            Some(
                "the server's certificate is not signed by a CA in sslrootcert; give its CA with \
                 sslrootcert=PATH, or use sslmode=require to encrypt without verifying",
            )
        } else if message.contains("server does not support TLS") {
            Some("the server does not accept TLS; use sslmode=prefer or sslmode=disable")
        } else {
            None
        };
        match hint {
            Some(hint) => format!("{message} — {hint}"),
            None => message.to_owned(),
        }
    }
}

/// Where the trusted roots come from.
enum RootSource {
    /// PEM certificates in a file.
    File(PathBuf),
    /// The system's trusted roots (`sslrootcert=system`).
    System,
}

impl RootSource {
    fn from_param(value: &str) -> Self {
        if value == "system" {
            RootSource::System
        } else {
            RootSource::File(PathBuf::from(value))
        }
    }

    /// The trusted roots, and the certificates of a root file (which may be the server's own
    /// self-signed certificate, trusted as itself).
    fn load(&self) -> Result<(RootCertStore, Vec<CertificateDer<'static>>), StoreError> {
        let mut roots = RootCertStore::empty();
        let mut listed = Vec::new();
        match self {
            RootSource::System => {
                roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
                for cert in rustls_native_certs::load_native_certs().certs {
                    // A system certificate rustls cannot parse is skipped, as browsers do.
                    let _ = roots.add(cert);
                }
            }
            RootSource::File(path) => {
                if !path.is_file() {
                    return Err(config(format!(
                        "root certificate file \"{}\" does not exist; either provide the file, \
                         use the system's trusted roots with sslrootcert=system, or change \
                         sslmode to disable server certificate verification",
                        path.display()
                    )));
                }
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| config(format!("sslrootcert {}: {e}", path.display())))?;
                if certs.is_empty() {
                    return Err(config(format!(
                        "sslrootcert {}: no certificate",
                        path.display()
                    )));
                }
                for cert in certs {
                    roots
                        .add(cert.clone())
                        .map_err(|e| config(format!("sslrootcert {}: {e}", path.display())))?;
                    listed.push(cert);
                }
            }
        }
        Ok((roots, listed))
    }
}

/// `prefer` and `require`: the handshake's signatures are checked (the session is really
/// encrypted to whoever holds the certificate's key), the certificate itself is not.
#[derive(Debug)]
struct EncryptOnly {
    provider: Arc<CryptoProvider>,
    used: Arc<AtomicBool>,
}

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.used.store(true, Ordering::Relaxed);
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// `verify-ca` and `verify-full`: WebPKI verification against the roots; `verify-ca` accepts a
/// certificate that names another host, as libpq does. A server certificate listed in
/// `sslrootcert` itself is trusted as it is, as OpenSSL trusts it: a stock server's
/// self-signed certificate is marked as a CA, which WebPKI refuses as a server's certificate.
#[derive(Debug)]
struct Verified {
    webpki: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
    check_host: bool,
}

impl ServerCertVerifier for Verified {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self
            .pinned
            .iter()
            .any(|c| c.as_ref() == end_entity.as_ref())
        {
            if self.check_host {
                let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
                rustls::client::verify_server_name(&parsed, server_name)?;
            }
            return Ok(ServerCertVerified::assertion());
        }
        match self.webpki.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_host => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

fn config(message: impl Into<String>) -> StoreError {
    StoreError::Config(message.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_as_libpq_names_them() {
        assert_eq!(SslMode::parse(None).unwrap(), SslMode::Prefer);
        assert_eq!(
            SslMode::parse(Some("verify-full")).unwrap(),
            SslMode::VerifyFull
        );
        assert!(SslMode::parse(Some("allow")).is_err());
        assert!(SslMode::parse(Some("verify_full")).is_err());
    }

    #[test]
    fn require_becomes_verify_ca_when_a_root_file_exists() {
        let home = tempfile::tempdir().unwrap();
        let tls = PostgresTls::new(SslMode::Require, None, Some(home.path().to_owned())).unwrap();
        assert_eq!(tls.mode, SslMode::Require);
        std::fs::create_dir(home.path().join(".postgresql")).unwrap();
        std::fs::write(home.path().join(".postgresql/root.crt"), "no pem here").unwrap();
        let Err(StoreError::Config(message)) =
            PostgresTls::new(SslMode::Require, None, Some(home.path().to_owned()))
        else {
            panic!("a root file that holds no certificate is refused");
        };
        assert!(message.contains("no certificate"), "{message}");
    }

    #[test]
    fn verification_needs_roots_and_system_needs_verify_full() {
        let home = tempfile::tempdir().unwrap();
        let Err(StoreError::Config(message)) =
            PostgresTls::new(SslMode::VerifyCa, None, Some(home.path().to_owned()))
        else {
            panic!("verify-ca without a root file");
        };
        assert!(message.starts_with("root certificate file \""), "{message}");
        let Err(StoreError::Config(message)) =
            PostgresTls::new(SslMode::Require, Some("system"), None)
        else {
            panic!("sslrootcert=system with require");
        };
        assert_eq!(
            message,
            "weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")"
        );
        assert!(PostgresTls::new(SslMode::VerifyFull, Some("system"), None).is_ok());
    }
}

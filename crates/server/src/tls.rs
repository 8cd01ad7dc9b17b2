//! TLS for the listeners: a certificate chain and key from PEM files (`--tls-cert`,
//! `--tls-key`), or a local CA and a certificate for `localhost` made once per data dir
//! (`--tls-self-signed`). The CA's key is thrown away once it has signed, so nothing can issue
//! more certificates under it; the server's key is kept sealed with the master key, as every
//! other secret in the data dir.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use keyward_store::{MasterKey, SealedSecret};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::TlsAcceptor;

use crate::config::{StartError, TlsSource};

/// Folder of the data dir that holds the self-signed certificate.
const SELF_SIGNED_DIR: &str = "tls";
/// The local CA's certificate: what clients trust (`AWS_CA_BUNDLE`).
const CA_FILE: &str = "ca.pem";
/// The server's certificate, signed by the local CA.
const CERT_FILE: &str = "server.pem";
/// The server's private key, sealed with the master key.
const SEALED_KEY_FILE: &str = "server-key.sealed";
/// The sealing context of that key.
const KEY_CONTEXT: &str = "tls-server-key";
/// How long the self-signed certificates are valid.
const SELF_SIGNED_DAYS: i64 = 3650;

/// A listener's TLS: the acceptor and, for a self-signed certificate, the CA file to trust.
#[derive(Clone)]
pub struct Tls {
    /// Accepts TLS connections with the configured certificate.
    pub acceptor: TlsAcceptor,
    /// The CA file clients must trust, when Keyward made the certificate itself.
    pub ca_bundle: Option<PathBuf>,
}

/// Loads (or, for a self-signed certificate, makes on first start) the listeners' TLS.
pub fn load(source: &TlsSource, data_dir: &Path, master: &MasterKey) -> Result<Tls, StartError> {
    let (chain, key, ca_bundle) = match source {
        TlsSource::Files { cert, key } => {
            let chain = read_chain(cert)?;
            let key = PrivateKeyDer::from_pem_file(key)
                .map_err(|e| StartError::Config(format!("--tls-key {}: {e}", key.display())))?;
            (chain, key, None)
        }
        TlsSource::SelfSigned => {
            let dir = data_dir.join(SELF_SIGNED_DIR);
            if !dir.join(SEALED_KEY_FILE).exists() {
                make_self_signed(&dir, master)?;
            }
            let chain = read_chain(&dir.join(CERT_FILE))?;
            let sealed_path = dir.join(SEALED_KEY_FILE);
            let sealed = std::fs::read(&sealed_path).map_err(io_error(&sealed_path))?;
            let pem = master
                .open(&SealedSecret::from_bytes(sealed), KEY_CONTEXT)
                .map_err(|e| StartError::Config(format!("{}: {e}", sealed_path.display())))?;
            let key = PrivateKeyDer::from_pem_slice(pem.as_bytes())
                .map_err(|e| StartError::Config(format!("{}: {e}", sealed_path.display())))?;
            (chain, key, Some(dir.join(CA_FILE)))
        }
    };
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .and_then(|builder| builder.with_no_client_auth().with_single_cert(chain, key))
    .map_err(|e| StartError::Config(format!("TLS certificate and key: {e}")))?;
    Ok(Tls {
        acceptor: TlsAcceptor::from(Arc::new(config)),
        ca_bundle,
    })
}

fn read_chain(path: &Path) -> Result<Vec<CertificateDer<'static>>, StartError> {
    let chain = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| StartError::Config(format!("--tls-cert {}: {e}", path.display())))?;
    if chain.is_empty() {
        return Err(StartError::Config(format!(
            "--tls-cert {}: no certificate in the file",
            path.display()
        )));
    }
    Ok(chain)
}

/// Makes the local CA and the server's certificate for `localhost`, `127.0.0.1` and `::1`.
fn make_self_signed(dir: &Path, master: &MasterKey) -> Result<(), StartError> {
    let failed = |e: rcgen::Error| StartError::Config(format!("making the TLS certificate: {e}"));
    let now = time::OffsetDateTime::now_utc();
    let valid = |params: &mut rcgen::CertificateParams| {
        params.not_before = now - time::Duration::days(1);
        params.not_after = now + time::Duration::days(SELF_SIGNED_DAYS);
    };

    let ca_key = rcgen::KeyPair::generate().map_err(failed)?;
    let mut ca = rcgen::CertificateParams::default();
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    ca.distinguished_name
        .push(rcgen::DnType::CommonName, "Keyward local CA");
    ca.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
    ];
    valid(&mut ca);
    let ca_cert = ca.self_signed(&ca_key).map_err(failed)?;
    let issuer = rcgen::Issuer::new(ca, ca_key);

    let server_key = rcgen::KeyPair::generate().map_err(failed)?;
    let mut server = rcgen::CertificateParams::new(vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ])
    .map_err(failed)?;
    server
        .distinguished_name
        .push(rcgen::DnType::CommonName, "localhost");
    server.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    valid(&mut server);
    let server_cert = server.signed_by(&server_key, &issuer).map_err(failed)?;

    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let sealed = master
        .seal(&server_key.serialize_pem(), KEY_CONTEXT)
        .map_err(|e| StartError::Config(format!("sealing the TLS key: {e}")))?;
    write_new(&dir.join(CA_FILE), ca_cert.pem().as_bytes())?;
    write_new(&dir.join(CERT_FILE), server_cert.pem().as_bytes())?;
    // Written last: its presence means the folder is complete.
    write_new(&dir.join(SEALED_KEY_FILE), sealed.as_bytes())
}

fn write_new(path: &Path, contents: &[u8]) -> Result<(), StartError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(io_error(path))?;
    file.write_all(contents).map_err(io_error(path))?;
    file.sync_all().map_err(io_error(path))
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> StartError + '_ {
    move |source| StartError::Io {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_signed_is_made_once_and_its_key_is_sealed() {
        let dir = tempfile::tempdir().unwrap();
        let (master, _) = MasterKey::generate();
        let first = load(&TlsSource::SelfSigned, dir.path(), &master).unwrap();
        let ca = std::fs::read(first.ca_bundle.unwrap()).unwrap();
        let sealed = std::fs::read(dir.path().join("tls").join(SEALED_KEY_FILE)).unwrap();
        assert!(!String::from_utf8_lossy(&sealed).contains("PRIVATE KEY"));
        let every_file: Vec<u8> = std::fs::read_dir(dir.path().join("tls"))
            .unwrap()
            .flat_map(|f| std::fs::read(f.unwrap().path()).unwrap())
            .collect();
        assert!(!String::from_utf8_lossy(&every_file).contains("PRIVATE KEY"));

        let again = load(&TlsSource::SelfSigned, dir.path(), &master).unwrap();
        assert_eq!(std::fs::read(again.ca_bundle.unwrap()).unwrap(), ca);

        let (other, _) = MasterKey::generate();
        assert!(
            load(&TlsSource::SelfSigned, dir.path(), &other).is_err(),
            "the key opens only with its master key"
        );
    }

    #[test]
    fn files_that_are_not_pem_are_refused_with_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        let cert = dir.path().join("cert.pem");
        std::fs::write(&cert, "not a certificate").unwrap();
        let (master, _) = MasterKey::generate();
        let source = TlsSource::Files {
            cert: cert.clone(),
            key: cert,
        };
        let Err(StartError::Config(message)) = load(&source, dir.path(), &master) else {
            panic!("expected a configuration error");
        };
        assert!(message.starts_with("--tls-cert "), "{message}");
    }
}

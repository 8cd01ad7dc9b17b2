//! Identifiers in AWS's formats: a four-letter type prefix and random upper-case base32
//! characters, which is what `AKIA…`/`AIDA…` ids look like on AWS.

use rand::Rng;

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn random_from(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect()
}

/// Access key ids of temporary credentials start with this, as on AWS.
pub const SESSION_KEY_PREFIX: &str = "ASIA";

/// A new long-term access key id: `AKIA` + 16 characters.
pub fn access_key_id() -> String {
    format!("AKIA{}", random_from(BASE32, 16))
}

/// A new temporary access key id: `ASIA` + 16 characters.
pub fn session_access_key_id() -> String {
    format!("{SESSION_KEY_PREFIX}{}", random_from(BASE32, 16))
}

/// A new IAM user id: `AIDA` + 17 characters.
pub fn user_id() -> String {
    format!("AIDA{}", random_from(BASE32, 17))
}

/// A new id of another IAM entity: a four-letter type prefix (`AGPA` groups, `AROA` roles,
/// `ANPA` policies, `AIPA` instance profiles) + 17 characters, as AWS forms them.
pub fn prefixed(prefix: &str) -> String {
    format!("{prefix}{}", random_from(BASE32, 17))
}

/// A new secret access key: 40 characters, as AWS issues them.
pub fn secret_access_key() -> String {
    random_from(SECRET_ALPHABET, 40)
}

/// A request id in AWS's UUID form.
pub fn request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats() {
        let k = super::access_key_id();
        assert_eq!(k.len(), 20);
        assert!(k.starts_with("AKIA"));
        let s = super::session_access_key_id();
        assert_eq!(s.len(), 20);
        assert!(s.starts_with("ASIA"));
        assert_eq!(super::user_id().len(), 21);
        assert_eq!(super::secret_access_key().len(), 40);
        assert_ne!(super::secret_access_key(), super::secret_access_key());
    }
}

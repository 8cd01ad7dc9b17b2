//! Identifiers in AWS's formats: a four-letter type prefix and random upper-case base32
//! characters, which is what `AKIA…`/`AIDA…` ids look like on AWS. Access key ids also carry
//! their account the way AWS's do, so `GetAccessKeyInfo` reads the account from the id alone.

use rand::Rng;

const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn random_from(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .filter_map(|_| alphabet.get(rng.random_range(0..alphabet.len())))
        .map(|&b| char::from(b))
        .collect()
}

/// Access key ids of temporary credentials start with this, as on AWS.
pub const SESSION_KEY_PREFIX: &str = "ASIA";

/// Bits 7…46 of an access key id's first six bytes hold the account id, as on AWS.
const ACCOUNT_MASK: u64 = 0x7fff_ffff_ff80;

/// `prefix` + 16 base32 characters encoding 10 bytes: the account id in AWS's bit positions,
/// the rest random.
fn key_id_for(prefix: &str, account: u64) -> String {
    let mut bytes: [u8; 10] = rand::rng().random();
    let head = ((account << 7) & ACCOUNT_MASK) | (u64::from(bytes[5]) & 0x7f);
    bytes[..6].copy_from_slice(&head.to_be_bytes()[2..]);
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let chars = (0..16)
        .rev()
        .filter_map(|i| BASE32.get(((bits >> (i * 5)) & 0x1f) as usize))
        .map(|&b| char::from(b));
    prefix.chars().chain(chars).collect()
}

/// The account an access key id was issued for, read as AWS's `GetAccessKeyInfo` does it;
/// `None` unless the id is a four-character prefix and 16 base32 characters.
pub fn account_of_key_id(access_key_id: &str) -> Option<u64> {
    let body = access_key_id.get(4..)?;
    if body.len() != 16 {
        return None;
    }
    let mut bits: u128 = 0;
    for c in body.bytes() {
        let value = BASE32.iter().position(|&b| b == c)?;
        bits = (bits << 5) | value as u128;
    }
    let head = (bits >> 32) as u64;
    Some((head & ACCOUNT_MASK) >> 7)
}

/// A new long-term access key id for `account`: `AKIA` + 16 characters.
pub fn access_key_id(account: u64) -> String {
    key_id_for("AKIA", account)
}

/// A new temporary access key id for `account`: `ASIA` + 16 characters.
pub fn session_access_key_id(account: u64) -> String {
    key_id_for(SESSION_KEY_PREFIX, account)
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
    fn key_ids_carry_their_account() {
        for account in [0, 123_456_789_012, 999_999_999_999, 111_122_223_333] {
            let k = super::access_key_id(account);
            assert_eq!(super::account_of_key_id(&k), Some(account), "{k}");
            let s = super::session_access_key_id(account);
            assert_eq!(super::account_of_key_id(&s), Some(account), "{s}");
        }
        // A published key id and the account AWS's GetAccessKeyInfo reports for it.
        assert_eq!(
            super::account_of_key_id("ASIAY34FZKBOKMUTVV7A"),
            Some(609_629_065_308)
        );
        assert_eq!(super::account_of_key_id("AKIA1234"), None);
        assert_eq!(super::account_of_key_id("AKIAabcdefghijklmnop"), None);
    }

    #[test]
    fn formats() {
        let k = super::access_key_id(123_456_789_012);
        assert_eq!(k.len(), 20);
        assert!(k.starts_with("AKIA"));
        let s = super::session_access_key_id(123_456_789_012);
        assert_eq!(s.len(), 20);
        assert!(s.starts_with("ASIA"));
        assert_eq!(super::user_id().len(), 21);
        assert_eq!(super::secret_access_key().len(), 40);
        assert_ne!(super::secret_access_key(), super::secret_access_key());
    }
}

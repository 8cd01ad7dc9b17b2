//! Virtual MFA devices through the Rust SDK: a device's seed and QR code, enabling it with two
//! consecutive RFC 6238 codes (computed here independently of the server), tags, and
//! `GetSessionToken` with a code: the session satisfies an `aws:MultiFactorAuthPresent` policy,
//! a wrong or reused code is refused.

use aws_sdk_iam::types::{AssignmentStatusType, Tag};
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::common::{code_and_message, new_key, Server, ROOT_KEY, ROOT_SECRET};

const INVALID_OTP: &str = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

fn base32_decode(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut value, mut out) = (0u32, 0u32, Vec::new());
    for c in text.bytes().filter(|&c| c != b'=') {
        value = (value << 5) | alphabet.iter().position(|&a| a == c).unwrap() as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((value >> bits) as u8);
            value &= (1 << bits) - 1;
        }
    }
    out
}

/// RFC 4226 HOTP, six digits, of time step `step`.
fn code(seed: &[u8], step: i64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(seed).unwrap();
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let word = u32::from_be_bytes(digest[offset..offset + 4].try_into().unwrap()) & 0x7fff_ffff;
    format!("{:06}", word % 1_000_000)
}

/// The current 30-second step, away from its end so a code stays current while it is sent.
async fn step_now() -> i64 {
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs_f64()
    };
    if now() % 30.0 > 27.0 {
        tokio::time::sleep(std::time::Duration::from_secs_f64(30.2 - now() % 30.0)).await;
    }
    (now() / 30.0) as i64
}

#[tokio::test]
async fn virtual_device_lifecycle_and_mfa_sessions() {
    assert_eq!(
        code(b"12345678901234567890", 59 / 30),
        "287082",
        "RFC 6238 appendix B"
    );

    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let root = server.iam(ROOT_KEY, ROOT_SECRET);
    root.create_user()
        .user_name("mfa-user")
        .send()
        .await
        .unwrap();
    let key = new_key(&root, "mfa-user").await;
    root.put_user_policy()
        .user_name("mfa-user")
        .policy_name("mfa-only")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers",
                "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
        )
        .send()
        .await
        .unwrap();

    let device = root
        .create_virtual_mfa_device()
        .virtual_mfa_device_name("phone")
        .tags(
            Tag::builder()
                .key("owner")
                .value("mfa-user")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap()
        .virtual_mfa_device
        .unwrap();
    let serial = device.serial_number().to_owned();
    assert_eq!(serial, "arn:aws:iam::123456789012:mfa/phone");
    let seed_text =
        String::from_utf8(device.base32_string_seed().unwrap().as_ref().to_vec()).unwrap();
    let seed = base32_decode(&seed_text);
    assert_eq!(seed.len(), 40, "AWS's seeds are 64 base32 characters");
    assert!(device
        .qr_code_png()
        .unwrap()
        .as_ref()
        .starts_with(b"\x89PNG\r\n\x1a\n"));

    let unassigned = root
        .list_virtual_mfa_devices()
        .assignment_status(AssignmentStatusType::Unassigned)
        .send()
        .await
        .unwrap();
    assert_eq!(unassigned.virtual_mfa_devices()[0].serial_number(), serial);
    assert!(
        unassigned.virtual_mfa_devices()[0]
            .base32_string_seed()
            .is_none(),
        "seeds are shown once"
    );

    let n = step_now().await;
    let refused = root
        .enable_mfa_device()
        .user_name("mfa-user")
        .serial_number(&serial)
        .authentication_code1(code(&seed, n))
        .authentication_code2(code(&seed, n - 1))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(refused.as_service_error().unwrap()).0,
        "InvalidAuthenticationCode",
        "codes out of order are not two consecutive codes"
    );
    root.enable_mfa_device()
        .user_name("mfa-user")
        .serial_number(&serial)
        .authentication_code1(code(&seed, n - 1))
        .authentication_code2(code(&seed, n))
        .send()
        .await
        .unwrap();
    let devices = root
        .list_mfa_devices()
        .user_name("mfa-user")
        .send()
        .await
        .unwrap();
    assert_eq!(devices.mfa_devices()[0].serial_number(), serial);
    let tags = root
        .list_mfa_device_tags()
        .serial_number(&serial)
        .send()
        .await
        .unwrap();
    assert_eq!(tags.tags()[0].value(), "mfa-user");

    let sts = server.sts(key.access_key_id(), key.secret_access_key());
    let plain_user = server.iam(key.access_key_id(), key.secret_access_key());
    let denied = plain_user.list_users().send().await.unwrap_err();
    assert_eq!(
        code_and_message(denied.as_service_error().unwrap()).0,
        "AccessDenied"
    );

    let wrong = sts
        .get_session_token()
        .serial_number(&serial)
        .token_code("000000")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(wrong.as_service_error().unwrap()),
        ("AccessDenied".to_owned(), INVALID_OTP.to_owned())
    );
    let good = code(&seed, n + 1);
    let creds = sts
        .get_session_token()
        .serial_number(&serial)
        .token_code(&good)
        .send()
        .await
        .unwrap()
        .credentials
        .unwrap();
    let with_mfa = server.iam_session(
        creds.access_key_id(),
        creds.secret_access_key(),
        Some(creds.session_token()),
    );
    let users = with_mfa.list_users().send().await.unwrap();
    assert!(users.users().iter().any(|u| u.user_name() == "mfa-user"));
    let reused = sts
        .get_session_token()
        .serial_number(&serial)
        .token_code(&good)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(reused.as_service_error().unwrap()).1,
        INVALID_OTP,
        "a code is accepted once"
    );

    root.untag_mfa_device()
        .serial_number(&serial)
        .tag_keys("owner")
        .send()
        .await
        .unwrap();
    root.deactivate_mfa_device()
        .user_name("mfa-user")
        .serial_number(&serial)
        .send()
        .await
        .unwrap();
    root.delete_virtual_mfa_device()
        .serial_number(&serial)
        .send()
        .await
        .unwrap();
    let gone = root
        .get_mfa_device()
        .serial_number(&serial)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(gone.as_service_error().unwrap()).0,
        "NoSuchEntity"
    );
    server.stop().await;
}

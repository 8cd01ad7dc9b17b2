//! The Keyspaces SigV4 handshake against the golden vector of anchors-policy-sigv4.md §4
//! (which matches the unit tests of the Python, Java, Go and Node.js plugins).

use keyward_sigv4::{
    cql_challenge, derive_signing_key, sign_cql_response, CqlAuthError, CqlAuthResponse,
};
use time::macros::datetime;

const NONCE: &[u8] = b"91703fdc2ef562e19fbdab0f58e42fe5";
const SIGNATURE: &str = "7f3691c18a81b8ce7457699effbfae5b09b4e0714ab38c1292dbdf082c9ddd87";

fn key() -> keyward_sigv4::SigningKey {
    derive_signing_key("UserSecretKey-1", "20200609", "us-west-2", "cassandra")
}

#[test]
fn signing_key_matches_the_vector() {
    let hex: String = key()
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hex,
        "7fb139473f153aec1b05747b0cd5cd77a1186d22ae895a3a0128e699d72e1aba"
    );
}

#[test]
fn golden_vector_signs_and_verifies() {
    let t = datetime!(2020-06-09 22:41:51 UTC);
    let response = sign_cql_response("UserID-1", None, t, "us-west-2", NONCE, &key());
    assert_eq!(
        response,
        format!("signature={SIGNATURE},access_key=UserID-1,amzdate=2020-06-09T22:41:51.000Z")
    );
    let parsed = CqlAuthResponse::parse(response.as_bytes()).unwrap();
    assert_eq!(
        parsed.scope("us-west-2").to_string(),
        "20200609/us-west-2/cassandra/aws4_request"
    );
    parsed.check_time(t).unwrap();
    parsed.verify(NONCE, "us-west-2", &key()).unwrap();
}

#[test]
fn session_token_is_carried_but_not_signed() {
    let with = format!(
        "signature={SIGNATURE},access_key=UserID-1,amzdate=2020-06-09T22:41:51.000Z,session_token=sess-token-1=="
    );
    let parsed = CqlAuthResponse::parse(with.as_bytes()).unwrap();
    assert_eq!(parsed.session_token.as_deref(), Some("sess-token-1=="));
    parsed.verify(NONCE, "us-west-2", &key()).unwrap();
}

#[test]
fn wrong_secret_nonce_or_region_fail() {
    let text =
        format!("signature={SIGNATURE},access_key=UserID-1,amzdate=2020-06-09T22:41:51.000Z");
    let parsed = CqlAuthResponse::parse(text.as_bytes()).unwrap();
    let wrong = derive_signing_key("other", "20200609", "us-west-2", "cassandra");
    assert_eq!(
        parsed.verify(NONCE, "us-west-2", &wrong),
        Err(CqlAuthError::SignatureMismatch)
    );
    assert_eq!(
        parsed.verify(b"00000000000000000000000000000000", "us-west-2", &key()),
        Err(CqlAuthError::SignatureMismatch)
    );
    let east = derive_signing_key("UserSecretKey-1", "20200609", "us-east-1", "cassandra");
    assert_eq!(
        parsed.verify(NONCE, "us-east-1", &east),
        Err(CqlAuthError::SignatureMismatch)
    );
}

#[test]
fn skew_beyond_fifteen_minutes_is_refused() {
    let text =
        format!("signature={SIGNATURE},access_key=UserID-1,amzdate=2020-06-09T22:41:51.000Z");
    let parsed = CqlAuthResponse::parse(text.as_bytes()).unwrap();
    parsed
        .check_time(datetime!(2020-06-09 22:56:51 UTC))
        .unwrap();
    assert!(matches!(
        parsed.check_time(datetime!(2020-06-09 22:56:52 UTC)),
        Err(CqlAuthError::Skewed { .. })
    ));
    assert!(matches!(
        parsed.check_time(datetime!(2020-06-09 22:26:50 UTC)),
        Err(CqlAuthError::Skewed { .. })
    ));
}

#[test]
fn malformed_responses_are_refused() {
    let sig = SIGNATURE;
    for (text, want) in [
        ("".to_owned(), CqlAuthError::Malformed("key=value pair")),
        (
            "access_key=A,amzdate=2020-06-09T22:41:51.000Z".to_owned(),
            CqlAuthError::Missing("signature"),
        ),
        (
            format!("signature={sig},amzdate=2020-06-09T22:41:51.000Z"),
            CqlAuthError::Missing("access_key"),
        ),
        (
            format!("signature={sig},access_key=A"),
            CqlAuthError::Missing("amzdate"),
        ),
        (
            "signature=abc,access_key=A,amzdate=2020-06-09T22:41:51.000Z".to_owned(),
            CqlAuthError::Malformed("signature"),
        ),
        (
            format!("signature={sig},access_key=A,amzdate=20200609T224151Z"),
            CqlAuthError::BadDate,
        ),
        (
            format!("signature={sig},access_key=A,amzdate=2020-06-09T22:41:51.00Z"),
            CqlAuthError::BadDate,
        ),
        (
            format!("signature={sig},access_key=A,amzdate=2020-13-09T22:41:51.000Z"),
            CqlAuthError::BadDate,
        ),
        (
            format!("signature={sig},access_key=A,access_key=B,amzdate=2020-06-09T22:41:51.000Z"),
            CqlAuthError::Malformed("response: repeated field"),
        ),
    ] {
        assert_eq!(CqlAuthResponse::parse(text.as_bytes()), Err(want), "{text}");
    }
}

#[test]
fn the_plugins_rounding_carry_is_the_next_second() {
    let text = format!("signature={SIGNATURE},access_key=A,amzdate=2020-06-09T22:41:58.1000Z");
    let parsed = CqlAuthResponse::parse(text.as_bytes()).unwrap();
    assert_eq!(parsed.time, datetime!(2020-06-09 22:41:59 UTC));
}

#[test]
fn challenge_is_exactly_the_nonce() {
    assert_eq!(
        cql_challenge("91703fdc2ef562e19fbdab0f58e42fe5"),
        b"nonce=91703fdc2ef562e19fbdab0f58e42fe5"
    );
}

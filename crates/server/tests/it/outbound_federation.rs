//! Outbound identity federation through the Rust SDK: IAM switches it on, STS signs a token for
//! an audience, and the token names the caller; switched off, STS refuses.

use crate::common::{code_and_message, Server, ROOT_KEY, ROOT_SECRET};

fn claims(token: &str) -> serde_json::Value {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn enable_sign_and_disable() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path()).await;
    let iam = server.iam(ROOT_KEY, ROOT_SECRET);
    let sts = server.sts(ROOT_KEY, ROOT_SECRET);

    let off = sts
        .get_web_identity_token()
        .audience("https://api.example.com")
        .signing_algorithm("RS256")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(off.as_service_error().unwrap()).0,
        "OutboundWebIdentityFederationDisabledException"
    );

    let issuer = iam
        .enable_outbound_web_identity_federation()
        .send()
        .await
        .unwrap()
        .issuer_identifier
        .unwrap();
    assert_eq!(issuer, server.endpoint);
    let info = iam
        .get_outbound_web_identity_federation_info()
        .send()
        .await
        .unwrap();
    assert!(info.jwt_vending_enabled());

    let out = sts
        .get_web_identity_token()
        .audience("https://api.example.com")
        .signing_algorithm("ES384")
        .duration_seconds(600)
        .send()
        .await
        .unwrap();
    let claims = claims(out.web_identity_token().unwrap());
    assert_eq!(claims["iss"], issuer.as_str());
    assert_eq!(claims["aud"], "https://api.example.com");
    assert_eq!(claims["sub"], "arn:aws:iam::123456789012:root");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        600
    );

    iam.disable_outbound_web_identity_federation()
        .send()
        .await
        .unwrap();
    let disabled = sts
        .get_web_identity_token()
        .audience("https://api.example.com")
        .signing_algorithm("RS256")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(disabled.as_service_error().unwrap()).0,
        "OutboundWebIdentityFederationDisabledException"
    );
    server.stop().await;
}

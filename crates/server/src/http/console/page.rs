//! The console's HTML: one escaping function every interpolated value goes through, the page
//! frame, and the embedded stylesheet and script (no CDN: the console works offline).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The stylesheet, served at `/console/assets/console.css`.
pub(crate) const STYLESHEET: &str = include_str!("console.css");

/// The script, served at `/console/assets/console.js`: filters long tables as the user types.
/// Every form works without it.
pub(crate) const SCRIPT: &str = include_str!("console.js");

/// `text` escaped for HTML text and quoted attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` percent-encoded for a URL's path segment or query value.
pub(crate) fn url(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The signed-in frame's header: who is signed in and the session's CSRF token for the
/// sign-out form.
pub(crate) struct Frame<'a> {
    /// The principal's display name.
    pub who: &'a str,
    /// The session's CSRF token.
    pub csrf: &'a str,
}

/// The hidden CSRF field every state-changing form carries.
pub(crate) fn csrf_field(token: &str) -> String {
    format!(
        r#"<input type="hidden" name="csrf" value="{}">"#,
        esc(token)
    )
}

/// A full page. `body` is HTML built with [`esc`] around every value.
pub(crate) fn page(
    status: StatusCode,
    title: &str,
    frame: Option<&Frame<'_>>,
    body: &str,
) -> Response {
    let nav = match frame {
        Some(frame) => format!(
            r#"<nav><a href="/console">Dashboard</a><a href="/console/users">Users</a><a href="/console/groups">Groups</a><a href="/console/roles">Roles</a><a href="/console/policies">Policies</a><a href="/console/providers">Identity providers</a><a href="/console/reports">Access reports</a><a href="/console/simulator">Simulator</a><a href="/console/audit">Audit log</a><a href="/console/account">Settings</a>
<span class="who">Signed in as <strong>{who}</strong></span>
<form method="post" action="/console/signout" class="inline">{csrf}<button type="submit" id="signout">Sign out</button></form></nav>"#,
            who = esc(frame.who),
            csrf = csrf_field(frame.csrf),
        ),
        None => String::new(),
    };
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Keyward IAM console</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script></head>
<body><header><span class="brand">Keyward IAM</span>{nav}</header>
<main><h1>{title}</h1>
{body}</main></body></html>
"#,
        title = esc(title),
    );
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    secure_headers(headers);
    response
}

/// Headers every console answer carries: nothing cached (pages may show a secret once), no
/// framing, no sniffing, no referrer to other sites (the same-origin policy keeps `Origin` on
/// the console's own form posts, which the CSRF check reads), and only the console's own scripts and styles.
pub(crate) fn secure_headers(headers: &mut axum::http::HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
}

/// An embedded asset.
pub(crate) fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A message box: `kind` is `error`, `success` or `info`.
pub(crate) fn notice(kind: &str, message: &str) -> String {
    format!(
        r#"<div class="notice {kind}" role="alert">{}</div>"#,
        esc(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            esc(r#"<script>alert("x")</script>&'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"
        );
    }
}

//! What keeps pages safe to show: the one check for redirect targets that come
//! from input, and the security headers every page carries.

use std::net::{IpAddr, SocketAddr};

use activitypub_federation::config::FederationConfig;
use axum::{
    extract::{ConnectInfo, FromRequestParts, Request},
    http::{HeaderMap, HeaderName, HeaderValue, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use crate::AppState;

/// `target` if it is a path on this site: one leading slash, and nothing a
/// browser might read as another host (`//evil`, `/\evil`, `/\t/evil` all are),
/// so no backslash, whitespace, control or non-ASCII character at all (a
/// `Location` header could not carry the last ones anyway).
pub fn safe_local_path(target: &str) -> Option<&str> {
    let ok = target.starts_with('/')
        && !target.starts_with("//")
        && target.len() <= 2000
        && target.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    ok.then_some(target)
}

/// A redirect to `target` if it is a safe local path, else to `fallback`.
pub fn redirect_local(target: &str, fallback: &str) -> Response {
    Redirect::to(safe_local_path(target).unwrap_or(fallback)).into_response()
}

/// To the sign-in page, coming back to `next` (a path here) afterwards.
pub fn sign_in_to(next: &str) -> Response {
    let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    Redirect::to(&format!("/auth/sign_in?next={next}")).into_response()
}

/// The client's address, for the sign-in throttle: the connection's peer or,
/// when the peer is a trusted proxy, the address it says it serves. `None` only
/// when the server was started without connection info.
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let Some(peer) = peer else {
            return Ok(ClientIp(None));
        };
        let trusted = parts
            .extensions
            .get::<FederationConfig<AppState>>()
            .map(|c| {
                c.to_request_data()
                    .settings
                    .security
                    .trusted_proxies
                    .clone()
            })
            .unwrap_or_default();
        Ok(ClientIp(Some(client_address(
            peer,
            &parts.headers,
            &trusted,
        ))))
    }
}

/// The client of a request from `peer`: `X-Forwarded-For` is read only when
/// the peer is a trusted proxy, from the right, and its last address that is
/// not a trusted proxy is the client (what is left of it may be made up).
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.contains(&ip.to_canonical());
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.into_iter().rev() {
        let ip = hop
            .parse::<IpAddr>()
            .or_else(|_| hop.parse::<SocketAddr>().map(|a| a.ip()));
        match ip {
            Ok(ip) if is_trusted(&ip) => continue,
            Ok(ip) => return ip.to_canonical(),
            // Whatever came before an unreadable hop cannot be trusted.
            Err(_) => break,
        }
    }
    peer
}

/// The Content-Security-Policy of our pages. Everything is served from here
/// (no inline script or style in the templates); remote avatars, community
/// pictures and media attachments are shown from their servers, hence `https:`
/// for images and media (and `http:` too on a plain-http test instance).
pub fn content_security_policy(plain_http: bool, form_action: bool) -> String {
    let remote = if plain_http { "https: http:" } else { "https:" };
    let mut csp = format!(
        "default-src 'self'; img-src 'self' {remote} data:; media-src 'self' {remote}; \
         style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'"
    );
    if form_action {
        csp.push_str("; form-action 'self'");
    }
    csp
}

/// The headers added to responses; built once when the router is.
#[derive(Clone)]
pub struct SecurityHeaders {
    csp: HeaderValue,
    // The authorize form's answer redirects to the app's redirect_uri (any
    // scheme or host), which Chromium checks against form-action: that page
    // goes without it.
    csp_authorize: HeaderValue,
    hsts: bool,
}

impl SecurityHeaders {
    pub fn new(settings: &crate::config::Settings) -> anyhow::Result<SecurityHeaders> {
        let plain = settings.uses_plain_http();
        Ok(SecurityHeaders {
            csp: HeaderValue::from_str(&content_security_policy(plain, true))?,
            csp_authorize: HeaderValue::from_str(&content_security_policy(plain, false))?,
            hsts: !plain,
        })
    }
}

/// Adds nosniff to every response and, to HTML ones, the CSP, framing and
/// referrer rules; HSTS when the instance is served over https.
pub async fn add_security_headers(
    axum::extract::State(headers): axum::extract::State<SecurityHeaders>,
    request: Request,
    next: Next,
) -> Response {
    let authorize = request.uri().path() == "/oauth/authorize";
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"));
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if headers.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if is_html {
        let csp = if authorize {
            headers.csp_authorize.clone()
        } else {
            headers.csp.clone()
        };
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
        h.insert(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_local_paths_are_safe() {
        for ok in ["/", "/home", "/c/maths?page=2#top", "/tags/sch%C3%BCler"] {
            assert_eq!(safe_local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "home",
            "//evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/ /evil.example",
            "/x\r\nSet-Cookie: a=b",
            "/é",
            "https://evil.example/",
            "javascript:alert(1)",
            " /home",
            "/a\\b",
        ] {
            assert_eq!(safe_local_path(bad), None, "{bad:?}");
        }
        assert_eq!(safe_local_path(&format!("/{}", "a".repeat(2000))), None);
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.9, 10.0.0.2"),
        );
        let client: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_address(proxy, &headers, &[proxy]), client);
        // Not a trusted proxy: its header means nothing.
        assert_eq!(client_address(proxy, &headers, &[]), proxy);
        let other: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(client_address(other, &headers, &[proxy]), other);
        // Nothing readable: the proxy itself.
        headers.insert("x-forwarded-for", HeaderValue::from_static("unknown"));
        assert_eq!(client_address(proxy, &headers, &[proxy]), proxy);
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("[2001:db8::1]:4711"),
        );
        assert_eq!(
            client_address(proxy, &headers, &[proxy]),
            "2001:db8::1".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn the_policy_forbids_framing_and_inline_code() {
        let csp = content_security_policy(false, true);
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("script-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("http:"));
        assert!(csp.ends_with("form-action 'self'"));
        let csp = content_security_policy(true, false);
        assert!(csp.contains("img-src 'self' https: http: data:"));
        assert!(!csp.contains("form-action"));
    }
}

//! Signing outgoing POSTs and checking signatures on incoming GETs. Signing is
//! most of a delivery's cost and verifying most of a request's, so each lives
//! behind one function here and can be made faster without touching the rest.

use std::{sync::LazyLock, time::Duration};

use base64::{Engine, engine::general_purpose::STANDARD};
use http_signature_normalization_reqwest::{
    DefaultSpawner,
    prelude::{Config, SignExt},
};
use rsa::{
    Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey,
    pkcs8::{DecodePrivateKey, DecodePublicKey},
};
use sha2::{Digest, Sha256};
use url::Url;

/// Signatures stay valid this long (as the crate's, so peers accept both alike).
const EXPIRES_AFTER: Duration = Duration::from_secs(3600);

/// Mastodon's form: `(request-target) host date digest`, cavage draft, rsa-sha256.
static CONFIG: LazyLock<Config<DefaultSpawner>> = LazyLock::new(|| {
    Config::new()
        .mastodon_compat()
        .set_expiration(EXPIRES_AFTER)
});

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("signing failed: {0}")]
    Sign(String),
    #[error(transparent)]
    Request(#[from] reqwest::Error),
}

impl From<http_signature_normalization_reqwest::SignError> for SignError {
    fn from(e: http_signature_normalization_reqwest::SignError) -> Self {
        SignError::Sign(e.to_string())
    }
}

/// Parses a PEM private key (slow: callers cache the result).
pub fn parse_private_key(pem: &str) -> Result<RsaPrivateKey, SignError> {
    RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| SignError::Sign(e.to_string()))
}

/// Builds a signed `POST` of `body` (ActivityStreams JSON) to `inbox`, signed with
/// `key` as `{actor_id}#main-key`, with a SHA-256 `Digest` of the body.
pub async fn signed_post(
    client: &reqwest::Client,
    inbox: &Url,
    actor_id: &Url,
    key: RsaPrivateKey,
    body: Vec<u8>,
    timeout: Duration,
) -> Result<reqwest::Request, SignError> {
    let request = client
        .post(inbox.as_str())
        .timeout(timeout)
        .header(
            "content-type",
            activitypub_federation::FEDERATION_CONTENT_TYPE,
        )
        .header("accept", activitypub_federation::FEDERATION_CONTENT_TYPE);
    let key_id = format!("{actor_id}#main-key");
    request
        .signature_with_digest(
            CONFIG.clone(),
            key_id,
            Sha256::new(),
            body,
            move |signing_string| {
                let signature = key
                    .sign(
                        Pkcs1v15Sign::new::<Sha256>(),
                        &Sha256::digest(signing_string.as_bytes()),
                    )
                    .map_err(|e| SignError::Sign(e.to_string()))?;
                Ok::<String, SignError>(STANDARD.encode(signature))
            },
        )
        .await
}

/// What checking an incoming signature found wrong.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("the request has no valid HTTP signature: {0}")]
    Malformed(String),
    #[error("the HTTP signature does not verify with the actor's key")]
    Invalid,
}

/// How far a signed `Date` may lie from our clock, either way, beyond the hour a
/// signature is valid for (clocks drift).
const CLOCK_SKEW: Duration = Duration::from_secs(300);

/// What a signature must cover, as Mastodon signs: `(request-target)`, `host` and
/// `date`, and `digest` on POSTs.
static VERIFY_GET: LazyLock<http_signature_normalization::Config> = LazyLock::new(|| {
    http_signature_normalization::Config::new()
        .mastodon_compat()
        .require_header("(request-target)")
        .require_header("date")
        .set_expiration(EXPIRES_AFTER + CLOCK_SKEW)
});
static VERIFY_POST: LazyLock<http_signature_normalization::Config> = LazyLock::new(|| {
    http_signature_normalization::Config::new()
        .mastodon_compat()
        .require_header("(request-target)")
        .require_header("date")
        .require_digest()
        .set_expiration(EXPIRES_AFTER + CLOCK_SKEW)
});

/// A request's signature whose form is checked (the headers it must cover are
/// covered, `Host` is ours, `Date` is now), not yet its key.
pub struct SignedRequest {
    unverified: http_signature_normalization::verify::Unverified,
}

impl SignedRequest {
    /// The key id the request says it is signed with.
    pub fn key_id(&self) -> &str {
        self.unverified.key_id()
    }

    /// The actor the key id names: `{actor}#main-key` (Mastodon, Lemmy) or
    /// `{actor}/main-key` (GoToSocial).
    pub fn key_owner(&self) -> Option<Url> {
        let id = self.key_id();
        let id = id.split('#').next().unwrap_or(id);
        Url::parse(id.strip_suffix("/main-key").unwrap_or(id)).ok()
    }

    /// Whether the signature verifies with `public_key_pem`.
    pub fn verifies_with(&self, public_key_pem: &str) -> bool {
        self.unverified
            .verify(|signature, signing_string| verify(public_key_pem, signature, signing_string))
    }
}

/// Checks everything about a request's signature that needs no key, so that a
/// request that could never verify is refused before anything is fetched.
pub fn check_form(
    headers: &axum::http::HeaderMap,
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    our_domain: &str,
) -> Result<SignedRequest, VerifyError> {
    let config = if method == axum::http::Method::GET || method == axum::http::Method::HEAD {
        &*VERIFY_GET
    } else {
        &*VERIFY_POST
    };
    if let Some(host) = headers.get(axum::http::header::HOST) {
        let host = host
            .to_str()
            .map_err(|_| VerifyError::Malformed("Host is not text".into()))?;
        if !host.eq_ignore_ascii_case(our_domain) {
            return Err(VerifyError::Malformed(
                "the request is addressed to another host".into(),
            ));
        }
    }
    let date = headers
        .get(axum::http::header::DATE)
        .and_then(|d| d.to_str().ok())
        .ok_or_else(|| VerifyError::Malformed("no Date header".into()))?;
    let date = chrono::DateTime::parse_from_rfc2822(date)
        .map_err(|_| VerifyError::Malformed("the Date header is not a date".into()))?;
    let drift = (chrono::Utc::now() - date.with_timezone(&chrono::Utc))
        .abs()
        .to_std()
        .unwrap_or(Duration::MAX);
    if drift > EXPIRES_AFTER + CLOCK_SKEW {
        return Err(VerifyError::Malformed(
            "the Date header is too far from now".into(),
        ));
    }
    let unverified = config
        .begin_verify(
            method.as_str(),
            path_of(uri),
            header_map(headers, our_domain),
        )
        .map_err(|e| VerifyError::Malformed(e.to_string()))?;
    Ok(SignedRequest { unverified })
}

/// The key id a request says it is signed with (after its form is checked).
pub fn key_id(
    headers: &axum::http::HeaderMap,
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    our_domain: &str,
) -> Result<String, VerifyError> {
    check_form(headers, method, uri, our_domain).map(|s| s.key_id().to_string())
}

fn path_of(uri: &axum::http::Uri) -> &str {
    uri.path_and_query().map(|p| p.as_str()).unwrap_or("/")
}

fn header_map(
    headers: &axum::http::HeaderMap,
    our_domain: &str,
) -> std::collections::BTreeMap<String, String> {
    let mut map: std::collections::BTreeMap<String, String> = headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    // Behind some proxies Host is missing: it can only have been our domain.
    map.entry("host".into())
        .or_insert_with(|| our_domain.to_string());
    map
}

/// Checks a request's HTTP signature against `public_key_pem`: the one place
/// incoming signatures are verified (inbox POSTs and signed GETs).
pub fn verify_request(
    headers: &axum::http::HeaderMap,
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    public_key_pem: &str,
    our_domain: &str,
) -> Result<(), VerifyError> {
    if check_form(headers, method, uri, our_domain)?.verifies_with(public_key_pem) {
        Ok(())
    } else {
        Err(VerifyError::Invalid)
    }
}

/// Whether a `Digest` header (`SHA-256=…`, possibly among others) matches `body`.
pub fn digest_matches(header: Option<&axum::http::HeaderValue>, body: &[u8]) -> bool {
    let Some(value) = header.and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let expected = STANDARD.encode(Sha256::digest(body));
    value.split(',').any(|part| {
        part.trim()
            .split_once('=')
            .is_some_and(|(alg, digest)| alg.eq_ignore_ascii_case("SHA-256") && digest == expected)
    })
}

/// Whether `signature` (base64) is `public_key_pem`'s RSA-SHA256 signature of
/// `signing_string`.
pub fn verify(public_key_pem: &str, signature: &str, signing_string: &str) -> bool {
    let Ok(key) = RsaPublicKey::from_public_key_pem(public_key_pem) else {
        return false;
    };
    let Ok(signature) = STANDARD.decode(signature) else {
        return false;
    };
    key.verify(
        Pkcs1v15Sign::new::<Sha256>(),
        &Sha256::digest(signing_string.as_bytes()),
        &signature,
    )
    .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_checked() {
        let body = b"{\"a\":1}";
        let good = format!("SHA-256={}", STANDARD.encode(Sha256::digest(body)));
        let header = axum::http::HeaderValue::from_str(&good).unwrap();
        assert!(digest_matches(Some(&header), body));
        assert!(!digest_matches(Some(&header), b"{}"));
        assert!(!digest_matches(None, body));
        let other = axum::http::HeaderValue::from_static("SHA-512=abc");
        assert!(!digest_matches(Some(&other), body));
    }
}

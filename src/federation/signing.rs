//! Signing outgoing requests and checking signatures on incoming ones. Signing is
//! most of a delivery's cost and verifying most of a request's, so each lives
//! behind one function here: RSA PKCS#1 v1.5 with SHA-256 through aws-lc-rs, with
//! every key parsed once (private keys by their caller, public keys here).

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex, PoisonError},
    time::Duration,
};

use aws_lc_rs::{
    rand::SystemRandom,
    rsa::{KeyPair, KeySize},
    signature::{ParsedPublicKey, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256},
};
use base64::{Engine, engine::general_purpose::STANDARD};
use sha2::{Digest, Sha256};
use url::Url;

/// Signatures stay valid this long (as the crate's, so peers accept both alike).
const EXPIRES_AFTER: Duration = Duration::from_secs(3600);

/// Mastodon's form: cavage draft, `(request-target) host date` (and `digest` on
/// POSTs) signed, no `(created)`.
static SIGN: LazyLock<http_signature_normalization::Config> = LazyLock::new(|| {
    http_signature_normalization::Config::new()
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

/// A local actor's private key, parsed (cheap to clone, safe to share).
#[derive(Clone)]
pub struct PrivateKey(Arc<KeyPair>);

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateKey(RSA)")
    }
}

impl PrivateKey {
    /// The base64 RSA-SHA256 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> Result<String, SignError> {
        let mut signature = vec![0; self.0.public_modulus_len()];
        self.0
            .sign(
                &RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                message,
                &mut signature,
            )
            .map_err(|_| SignError::Sign("the key could not sign".into()))?;
        Ok(STANDARD.encode(signature))
    }
}

/// Parses a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`, what we make) or
/// PKCS#1 (`BEGIN RSA PRIVATE KEY`).
pub fn parse_private_key(pem: &str) -> Result<PrivateKey, SignError> {
    let (label, der) = pem_rfc7468::decode_vec(pem.trim().as_bytes())
        .map_err(|e| SignError::Sign(format!("the private key is not PEM: {e}")))?;
    let key = match label {
        "PRIVATE KEY" => KeyPair::from_pkcs8(&der),
        "RSA PRIVATE KEY" => KeyPair::from_der(&der),
        other => return Err(SignError::Sign(format!("a {other} is not an RSA key"))),
    }
    .map_err(|e| SignError::Sign(format!("the private key is not usable: {e}")))?;
    Ok(PrivateKey(Arc::new(key)))
}

/// A new actor key pair as PEM: (public SubjectPublicKeyInfo, private PKCS#8).
/// Slow (tens of milliseconds): run it off the async runtime.
pub fn generate_keypair() -> Result<(String, String), SignError> {
    use aws_lc_rs::{
        encoding::{AsDer, Pkcs8V1Der, PublicKeyX509Der},
        signature::KeyPair as _,
    };
    let failed = |_| SignError::Sign("no key could be made".into());
    let key = KeyPair::generate(KeySize::Rsa2048).map_err(failed)?;
    let private: Pkcs8V1Der = key.as_der().map_err(failed)?;
    let public: PublicKeyX509Der = key.public_key().as_der().map_err(failed)?;
    let pem = |label, der: &[u8]| {
        pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, der)
            .map_err(|e| SignError::Sign(e.to_string()))
    };
    Ok((
        pem("PUBLIC KEY", public.as_ref())?,
        pem("PRIVATE KEY", private.as_ref())?,
    ))
}

/// The `Signature` header for a request of `method` to `url` with these
/// `headers` (lower-case names; all of them are signed, besides the target).
fn signature_header(
    method: &str,
    url: &Url,
    headers: std::collections::BTreeMap<String, String>,
    actor_id: &Url,
    key: &PrivateKey,
) -> Result<String, SignError> {
    let path = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    let unsigned = SIGN
        .begin_sign(method, &path, headers)
        .map_err(|e| SignError::Sign(e.to_string()))?;
    let signed = unsigned.sign(format!("{actor_id}#main-key"), |signing_string| {
        key.sign(signing_string.as_bytes())
    })?;
    Ok(signed.signature_header())
}

/// `Host` as a request to `url` sends it (with the port, when one is given).
fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => String::new(),
    }
}

fn http_date() -> String {
    chrono::Utc::now()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// Builds a signed `POST` of `body` (ActivityStreams JSON) to `inbox`, signed with
/// `key` as `{actor_id}#main-key`, with a SHA-256 `Digest` of the body.
pub fn signed_post(
    client: &reqwest::Client,
    inbox: &Url,
    actor_id: &Url,
    key: &PrivateKey,
    body: Vec<u8>,
    timeout: Duration,
) -> Result<reqwest::Request, SignError> {
    let content_type = activitypub_federation::FEDERATION_CONTENT_TYPE;
    let date = http_date();
    let digest = format!("SHA-256={}", STANDARD.encode(Sha256::digest(&body)));
    let headers = [
        ("host", host_of(inbox)),
        ("date", date.clone()),
        ("digest", digest.clone()),
        ("content-type", content_type.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let signature = signature_header("POST", inbox, headers, actor_id, key)?;
    Ok(client
        .post(inbox.as_str())
        .timeout(timeout)
        .header("content-type", content_type)
        .header("accept", content_type)
        .header("date", date)
        .header("digest", digest)
        .header("signature", signature)
        .body(body)
        .build()?)
}

/// Signs a `GET` (a fetch of an object) as `{actor_id}#main-key`: `Host`, `Date`
/// and the target, as Mastodon's authorized fetch wants them.
pub fn sign_get(
    request: &mut reqwest::Request,
    actor_id: &Url,
    key: &PrivateKey,
) -> Result<(), SignError> {
    let date = http_date();
    let headers = [
        ("host".to_string(), host_of(request.url())),
        ("date".to_string(), date.clone()),
    ]
    .into_iter()
    .collect();
    let signature = signature_header("GET", request.url(), headers, actor_id, key)?;
    let value = |v: String| {
        reqwest::header::HeaderValue::from_str(&v).map_err(|e| SignError::Sign(e.to_string()))
    };
    let map = request.headers_mut();
    map.insert(reqwest::header::DATE, value(date)?);
    map.insert("signature", value(signature)?);
    Ok(())
}

/// Signs the GETs the federation crate makes (fetching actors, objects and
/// collections) with the instance actor's key, through [`sign_get`].
pub struct SignFetches {
    pub actor_id: Url,
    pub key: PrivateKey,
}

#[async_trait::async_trait]
impl reqwest_middleware::Middleware for SignFetches {
    async fn handle(
        &self,
        mut request: reqwest::Request,
        extensions: &mut axum::http::Extensions,
        next: reqwest_middleware::Next<'_>,
    ) -> reqwest_middleware::Result<reqwest::Response> {
        if request.method() == reqwest::Method::GET && !request.headers().contains_key("signature")
        {
            sign_get(&mut request, &self.actor_id, &self.key)
                .map_err(|e| reqwest_middleware::Error::Middleware(e.into()))?;
        }
        next.run(request, extensions).await
    }
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

/// Parsed public keys, by their PEM text: a key is parsed once, however many
/// requests it signs, and an actor refetched with a new key gets a new entry.
static PUBLIC_KEYS: LazyLock<Mutex<HashMap<String, Option<Arc<ParsedPublicKey>>>>> =
    LazyLock::new(Default::default);
/// How many parsed keys are kept (about 1 KiB each); past that the cache starts over.
const MAX_PUBLIC_KEYS: usize = 20_000;

fn public_key(pem: &str) -> Option<Arc<ParsedPublicKey>> {
    let cache = || PUBLIC_KEYS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = cache().get(pem) {
        return known.clone();
    }
    let parsed = pem_rfc7468::decode_vec(pem.trim().as_bytes())
        .ok()
        .filter(|(label, _)| *label == "PUBLIC KEY" || *label == "RSA PUBLIC KEY")
        .and_then(|(_, der)| ParsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, der).ok())
        .map(Arc::new);
    let mut map = cache();
    if map.len() >= MAX_PUBLIC_KEYS {
        map.clear();
    }
    map.insert(pem.to_string(), parsed.clone());
    parsed
}

/// Whether `signature` (base64) is `public_key_pem`'s RSA-SHA256 signature of
/// `signing_string`.
pub fn verify(public_key_pem: &str, signature: &str, signing_string: &str) -> bool {
    let Some(key) = public_key(public_key_pem) else {
        return false;
    };
    let Ok(signature) = STANDARD.decode(signature) else {
        return false;
    };
    key.verify_sig(signing_string.as_bytes(), &signature)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_keys_sign_and_verify() {
        let (public, private) = generate_keypair().unwrap();
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
        let key = parse_private_key(&private).unwrap();
        let signature = key.sign(b"(request-target): post /inbox").unwrap();
        assert!(verify(&public, &signature, "(request-target): post /inbox"));
        assert!(!verify(
            &public,
            &signature,
            "(request-target): post /inbox2"
        ));
        assert!(!verify(
            &public,
            "not base64!",
            "(request-target): post /inbox"
        ));
        assert!(!verify("-----BEGIN PUBLIC KEY-----", &signature, "x"));
        let (other, _) = generate_keypair().unwrap();
        assert!(!verify(&other, &signature, "(request-target): post /inbox"));
        assert!(parse_private_key(&public).is_err());
        assert!(parse_private_key("nonsense").is_err());
    }

    #[test]
    fn a_signed_post_carries_what_mastodon_checks() {
        let (public, private) = generate_keypair().unwrap();
        let key = parse_private_key(&private).unwrap();
        let inbox = Url::parse("http://localhost:8080/inbox?x=1").unwrap();
        let actor = Url::parse("http://localhost:9090/users/anna").unwrap();
        let request = signed_post(
            &reqwest::Client::new(),
            &inbox,
            &actor,
            &key,
            b"{}".to_vec(),
            Duration::from_secs(5),
        )
        .unwrap();
        let headers = request.headers();
        let signature = headers["signature"].to_str().unwrap();
        assert!(signature.contains("keyId=\"http://localhost:9090/users/anna#main-key\""));
        assert!(signature.contains("headers=\"(request-target) content-type date digest host\""));
        let date = headers["date"].to_str().unwrap();
        let digest = headers["digest"].to_str().unwrap();
        let signing_string = format!(
            "(request-target): post /inbox?x=1\ncontent-type: {}\ndate: {date}\ndigest: {digest}\nhost: localhost:8080",
            activitypub_federation::FEDERATION_CONTENT_TYPE
        );
        let value = signature
            .split("signature=\"")
            .nth(1)
            .unwrap()
            .trim_end_matches('"');
        assert!(verify(&public, value, &signing_string));
        assert!(digest_matches(headers.get("digest"), b"{}"));
    }

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

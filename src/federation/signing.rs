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

//! A stand-in remote server for tests: it serves one person (WebFinger and the
//! actor document, in Mastodon's shape), records every request it gets
//! (answering inbox POSTs with 202), and can sign and send activities of its own.

use std::sync::{Arc, Mutex};

use axum::{
    Router,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode, Uri, header},
    response::IntoResponse,
    routing::{get, post},
};
use base64::{Engine, engine::general_purpose::STANDARD};
use rsa::{
    RsaPublicKey,
    pkcs1v15::{Signature, VerifyingKey},
    pkcs8::DecodePublicKey,
    signature::Verifier,
};
use serde_json::{Value, json};
use sha2::Sha256;
use url::Url;

/// One request the peer received.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: Method,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<Received>>>);

pub struct Peer {
    pub port: u16,
    pub base: String,
    pub actor_id: String,
    private_key: String,
    log: Log,
}

impl Peer {
    /// Starts a peer serving the person `spy`, with a summary and name that try
    /// to smuggle script in.
    pub async fn start() -> Peer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        let base = format!("http://localhost:{port}");
        let actor_id = format!("{base}/users/spy");
        let person = json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": actor_id,
            "type": "Person",
            "preferredUsername": "spy",
            "name": "<script>alert(1)</script>Spy",
            "summary": "<p onclick=\"x()\">Hello<script>alert(1)</script></p>",
            "inbox": format!("{actor_id}/inbox"),
            "endpoints": { "sharedInbox": format!("{base}/inbox") },
            "publicKey": {
                "id": format!("{actor_id}#main-key"),
                "owner": actor_id,
                "publicKeyPem": keys.public_key,
            }
        });
        let webfinger = json!({
            "subject": format!("acct:spy@localhost:{port}"),
            "links": [{"rel": "self", "type": "application/activity+json", "href": actor_id}]
        });
        let log = Log::default();
        async fn record(log: &Log, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) {
            log.0.lock().unwrap().push(Received {
                method,
                path: uri.to_string(),
                headers,
                body,
            });
        }
        let app = Router::new()
            .route(
                "/.well-known/webfinger",
                get(
                    move |State(log): State<Log>, method: Method, uri: Uri, headers: HeaderMap| {
                        let webfinger = webfinger.clone();
                        async move {
                            record(&log, method, uri, headers, Bytes::new()).await;
                            (
                                [(header::CONTENT_TYPE, "application/jrd+json")],
                                webfinger.to_string(),
                            )
                                .into_response()
                        }
                    },
                ),
            )
            .route(
                "/users/spy",
                get(
                    move |State(log): State<Log>, method: Method, uri: Uri, headers: HeaderMap| {
                        let person = person.clone();
                        async move {
                            record(&log, method, uri, headers, Bytes::new()).await;
                            (
                                [(header::CONTENT_TYPE, "application/activity+json")],
                                person.to_string(),
                            )
                                .into_response()
                        }
                    },
                ),
            )
            .route(
                "/inbox",
                post(
                    |State(log): State<Log>,
                     method: Method,
                     uri: Uri,
                     headers: HeaderMap,
                     body: Bytes| async move {
                        record(&log, method, uri, headers, body).await;
                        StatusCode::ACCEPTED
                    },
                ),
            )
            .route(
                "/users/spy/inbox",
                post(
                    |State(log): State<Log>,
                     method: Method,
                     uri: Uri,
                     headers: HeaderMap,
                     body: Bytes| async move {
                        record(&log, method, uri, headers, body).await;
                        StatusCode::ACCEPTED
                    },
                ),
            )
            .with_state(log.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Peer {
            port,
            base,
            actor_id,
            private_key: keys.private_key,
            log,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.log.0.lock().unwrap().clone()
    }

    /// Activities POSTed to the peer's inboxes.
    pub fn inbox_posts(&self) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.method == Method::POST)
            .collect()
    }

    /// Signs `body` as the peer's person and POSTs it to `inbox`.
    pub async fn send(&self, inbox: &str, body: &[u8]) -> reqwest::Response {
        self.send_signed_as(inbox, body, &self.private_key, &self.actor_id)
            .await
    }

    /// Signs with any key and key owner (to forge signatures in tests).
    pub async fn send_signed_as(
        &self,
        inbox: &str,
        body: &[u8],
        private_key_pem: &str,
        key_owner: &str,
    ) -> reqwest::Response {
        let client = reqwest::Client::new();
        let key = collegium::federation::signing::parse_private_key(private_key_pem).unwrap();
        let request = collegium::federation::signing::signed_post(
            &client,
            &Url::parse(inbox).unwrap(),
            &Url::parse(key_owner).unwrap(),
            &key,
            body.to_vec(),
            std::time::Duration::from_secs(10),
        )
        .unwrap();
        client.execute(request).await.unwrap()
    }
}

/// Checks a cavage HTTP signature as a receiving server would; returns the keyId.
pub fn verify_signature(
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    public_key_pem: &str,
) -> String {
    let sig_header = headers["signature"].to_str().unwrap();
    let params: std::collections::HashMap<String, String> = sig_header
        .split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim_matches('"').to_string()))
        .collect();
    let signed_headers = params["headers"].split(' ').collect::<Vec<_>>();
    assert!(signed_headers.contains(&"(request-target)"));
    assert!(signed_headers.contains(&"host"));
    assert!(signed_headers.contains(&"date"));
    let signing_string = signed_headers
        .iter()
        .map(|h| {
            if *h == "(request-target)" {
                format!(
                    "(request-target): {} {path}",
                    method.as_str().to_lowercase()
                )
            } else {
                format!("{h}: {}", headers[*h].to_str().unwrap())
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let key = RsaPublicKey::from_public_key_pem(public_key_pem).unwrap();
    let signature =
        Signature::try_from(STANDARD.decode(&params["signature"]).unwrap().as_slice()).unwrap();
    VerifyingKey::<Sha256>::new(key)
        .verify(signing_string.as_bytes(), &signature)
        .expect("the signature verifies with the signer's key");
    params["keyId"].clone()
}

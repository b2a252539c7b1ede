//! A scriptable remote server for tests that play a hostile (or merely odd) peer:
//! it serves whatever documents a test puts at a path, with the status it gives,
//! holds keys for any number of actors (people and Groups), and signs what it
//! sends exactly as a test asks, down to a wrong `Date` or a missing header.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, SystemTime},
};

use axum::{
    Router,
    extract::State,
    http::{Method, StatusCode, Uri, header},
    response::IntoResponse,
};
use base64::{Engine, engine::general_purpose::STANDARD};
use rsa::{Pkcs1v15Sign, RsaPrivateKey, pkcs8::DecodePrivateKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::Url;

#[derive(Clone, Default)]
struct Shared {
    docs: Arc<Mutex<HashMap<String, (u16, String)>>>,
    gets: Arc<Mutex<Vec<String>>>,
    posts: Arc<Mutex<Vec<Value>>>,
}

pub struct FakeServer {
    pub base: String,
    shared: Shared,
    keys: Mutex<HashMap<String, String>>,
}

/// How a request is signed: which headers the signature covers, and what the
/// `Date` and `Host` headers say (`None`: the true ones).
pub struct Signing<'a> {
    pub headers: &'a str,
    pub date: Option<String>,
    pub host: Option<String>,
}

/// A fixture with its example addresses moved onto test servers.
pub fn fixture(name: &str, moves: &[(&str, &str)]) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (from, to) in moves {
        text = text.replace(from, to);
    }
    serde_json::from_str(&text).unwrap()
}

impl Default for Signing<'_> {
    fn default() -> Self {
        Signing {
            headers: "(request-target) host date digest",
            date: None,
            host: None,
        }
    }
}

impl FakeServer {
    pub async fn start() -> FakeServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Shared::default();
        let app = Router::new()
            .fallback(
                |State(shared): State<Shared>,
                 method: Method,
                 uri: Uri,
                 body: axum::body::Bytes| async move {
                    if method == Method::GET {
                        shared.gets.lock().unwrap().push(uri.path().to_string());
                    }
                    if method == Method::POST {
                        let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
                        shared.posts.lock().unwrap().push(json);
                        return StatusCode::ACCEPTED.into_response();
                    }
                    let found = shared.docs.lock().unwrap().get(uri.path()).cloned();
                    match found {
                        Some((status, body)) => (
                            StatusCode::from_u16(status).unwrap(),
                            [(header::CONTENT_TYPE, "application/activity+json")],
                            body,
                        )
                            .into_response(),
                        None => (StatusCode::NOT_FOUND, "<h1>Not here</h1>").into_response(),
                    }
                },
            )
            .with_state(shared.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeServer {
            base: format!("http://localhost:{port}"),
            shared,
            keys: Mutex::new(HashMap::new()),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Serves `body` at `path` with `status`.
    pub fn serve_raw(&self, path: &str, status: u16, body: &str) {
        self.shared
            .docs
            .lock()
            .unwrap()
            .insert(path.to_string(), (status, body.to_string()));
    }

    /// Serves a JSON document at the path of its own `id`.
    pub fn serve(&self, doc: &Value) {
        let id = Url::parse(doc["id"].as_str().unwrap()).unwrap();
        self.serve_raw(id.path(), 200, &doc.to_string());
    }

    /// Stops serving a path (it answers 404 from now on).
    pub fn remove(&self, path: &str) {
        self.shared.docs.lock().unwrap().remove(path);
    }

    /// The paths fetched from this server so far.
    pub fn fetched(&self) -> Vec<String> {
        self.shared.gets.lock().unwrap().clone()
    }

    /// The activities POSTed to any inbox of this server so far.
    pub fn received(&self) -> Vec<Value> {
        self.shared.posts.lock().unwrap().clone()
    }

    /// Serves an actor document as it is (a fixture), with a new key of ours in
    /// its `publicKey`. Returns its id.
    pub fn actor_doc(&self, mut doc: Value) -> String {
        let id = doc["id"].as_str().unwrap().to_string();
        let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        doc["publicKey"] = json!({
            "id": format!("{id}#main-key"),
            "owner": id,
            "publicKeyPem": keys.public_key,
        });
        self.serve(&doc);
        self.keys
            .lock()
            .unwrap()
            .insert(id.clone(), keys.private_key);
        id
    }

    /// A person at any path of this server (`/u/NAME`, as Lemmy has them).
    pub fn person_at(&self, path: &str) -> String {
        let id = self.url(path);
        let name = path.rsplit('/').next().unwrap();
        self.actor_doc(json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id,
            "type": "Person",
            "preferredUsername": name,
            "inbox": format!("{id}/inbox"),
            "endpoints": { "sharedInbox": self.url("/inbox") },
        }))
    }

    /// Serves an actor (`Person` or `Group`) at `/users/NAME` with a new key.
    /// Returns its id.
    pub fn actor(&self, name: &str, kind: &str) -> String {
        let id = self.url(&format!("/users/{name}"));
        self.set_key(&id, kind);
        id
    }

    /// Gives an actor a new key pair (as a server rotating keys does) and serves
    /// its document with the new public key.
    pub fn set_key(&self, id: &str, kind: &str) {
        let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
        let name = id.rsplit('/').next().unwrap();
        let mut doc = json!({
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": id,
            "type": kind,
            "preferredUsername": name,
            "name": name,
            "inbox": format!("{id}/inbox"),
            "outbox": format!("{id}/outbox"),
            "followers": format!("{id}/followers"),
            "endpoints": { "sharedInbox": self.url("/inbox") },
            "publicKey": {
                "id": format!("{id}#main-key"),
                "owner": id,
                "publicKeyPem": keys.public_key,
            }
        });
        if kind == "Group" {
            doc["moderators"] = json!(format!("{id}/moderators"));
            doc["featured"] = json!(format!("{id}/featured"));
            self.serve(&json!({
                "id": format!("{id}/moderators"),
                "type": "OrderedCollection",
                "totalItems": 0,
                "orderedItems": [],
            }));
        }
        self.serve(&doc);
        self.keys
            .lock()
            .unwrap()
            .insert(id.to_string(), keys.private_key);
    }

    /// The private key an actor signs with now.
    pub fn key(&self, actor: &str) -> String {
        self.keys.lock().unwrap()[actor].clone()
    }

    /// Signs as `actor` with `private_key_pem` from now on (the served document
    /// keeps its key).
    pub fn use_key(&self, actor: &str, private_key_pem: &str) {
        self.keys
            .lock()
            .unwrap()
            .insert(actor.to_string(), private_key_pem.to_string());
    }

    /// A public Note by `author` (an actor of this server) at `/notes/NAME`,
    /// served; `extra` is merged in (addressing, `audience`, `inReplyTo`…).
    pub fn note(&self, author: &str, name: &str, extra: Value) -> Value {
        let mut note = json!({
            "id": self.url(&format!("/notes/{name}")),
            "type": "Note",
            "attributedTo": author,
            "content": format!("<p>Note {name}</p>"),
            "published": "2026-11-30T10:00:00Z",
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "cc": [format!("{author}/followers")],
        });
        for (k, v) in extra.as_object().cloned().unwrap_or_default() {
            note[k] = v;
        }
        self.serve(&note);
        note
    }

    /// Signs `activity` as `actor` (its `#main-key`) and POSTs it to `inbox`.
    pub async fn send(&self, actor: &str, inbox: &str, activity: &Value) -> reqwest::Response {
        self.send_signed(
            actor,
            inbox,
            activity.to_string().as_bytes(),
            Signing::default(),
        )
        .await
    }

    /// POSTs `body` to `inbox`, signed as `actor` in the way `signing` says.
    pub async fn send_signed(
        &self,
        actor: &str,
        inbox: &str,
        body: &[u8],
        signing: Signing<'_>,
    ) -> reqwest::Response {
        let url = Url::parse(inbox).unwrap();
        let host = signing
            .host
            .unwrap_or_else(|| format!("{}:{}", url.host_str().unwrap(), url.port().unwrap()));
        let date = signing
            .date
            .unwrap_or_else(|| httpdate::fmt_http_date(SystemTime::now()));
        let digest = format!("SHA-256={}", STANDARD.encode(Sha256::digest(body)));
        let line = |h: &str| match h {
            "(request-target)" => format!("(request-target): post {}", url.path()),
            "host" => format!("host: {host}"),
            "date" => format!("date: {date}"),
            "digest" => format!("digest: {digest}"),
            "content-type" => "content-type: application/activity+json".to_string(),
            other => panic!("no header {other}"),
        };
        let signing_string = signing
            .headers
            .split(' ')
            .map(line)
            .collect::<Vec<_>>()
            .join("\n");
        let pem = self.keys.lock().unwrap()[actor].clone();
        let key = RsaPrivateKey::from_pkcs8_pem(&pem).unwrap();
        let signature = key
            .sign(
                Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(signing_string.as_bytes()),
            )
            .unwrap();
        let header = format!(
            "keyId=\"{actor}#main-key\",algorithm=\"rsa-sha256\",headers=\"{}\",signature=\"{}\"",
            signing.headers,
            STANDARD.encode(signature)
        );
        reqwest::Client::new()
            .post(inbox)
            .timeout(Duration::from_secs(20))
            .header("host", host)
            .header("date", date)
            .header("digest", digest)
            .header("content-type", "application/activity+json")
            .header("signature", header)
            .body(body.to_vec())
            .send()
            .await
            .unwrap()
    }
}

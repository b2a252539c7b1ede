//! Two instances (and a recording peer) fetching each other's actors over real
//! HTTP, with the fetches signed by the instance actor.

use std::sync::{Arc, Mutex};

use axum::{
    Router,
    extract::State,
    http::{HeaderMap, Method, Uri, header},
    response::IntoResponse,
    routing::get,
};
use base64::{Engine, engine::general_purpose::STANDARD};
use collegium::accounts::model::Role;
use reqwest::StatusCode;
use rsa::{
    RsaPublicKey,
    pkcs1v15::{Signature, VerifyingKey},
    pkcs8::DecodePublicKey,
    signature::Verifier,
};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::harness::TestInstance;

#[tokio::test]
async fn two_instances_fetch_each_others_people() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna_password = a.user("anna", Role::Member).await;
    let anna_token = a.token("anna", &anna_password, "read").await;
    let bob_password = b.user("bob", Role::Member).await;
    let token = b.token("bob", &bob_password, "read write").await;
    b.client
        .patch(b.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .json(&json!({"display_name": "Bob <b>Rossi</b>", "note": "Physics", "subjects": ["Physics"], "country": "IT"}))
        .send()
        .await
        .unwrap();

    // Strangers cannot make A fetch from B; a signed-in person can.
    let (status, _) = a
        .get_json(&format!("/api/v1/accounts/lookup?acct=bob@{}", b.domain))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, bob) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bob@{}", b.domain),
            &anna_token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{bob}");
    assert_eq!(bob["acct"], format!("bob@{}", b.domain));
    assert_eq!(bob["uri"], b.url("/users/bob"));
    assert_eq!(bob["url"], b.url("/@bob"));
    assert_eq!(bob["display_name"], "Bob <b>Rossi</b>");
    assert_eq!(bob["note"], "<p>Physics</p>");
    assert_eq!(bob["collegium"]["subjects"], json!(["Physics"]));
    assert_eq!(bob["collegium"]["country"], "IT");
    // Now known on A: shown by id, found again without a fetch.
    let (status, again) = a
        .get_json(&format!("/api/v1/accounts/{}", bob["id"].as_str().unwrap()))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["acct"], bob["acct"]);

    // Known now: anyone can look bob up on A.
    let (status, _) = a
        .get_json(&format!("/api/v1/accounts/lookup?acct=bob@{}", b.domain))
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, anna) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=@anna@{}", a.domain),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(anna["acct"], format!("anna@{}", a.domain));

    // Nobody of that name over there.
    let (status, _) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=nobody@{}", b.domain),
            &anna_token,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<(Method, String, HeaderMap)>>>);

/// A peer that serves one person and records every request it gets.
async fn recording_peer() -> (u16, Recorded) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    let recorded = Recorded::default();
    let base = format!("http://localhost:{port}");
    let person = json!({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": format!("{base}/users/spy"),
        "type": "Person",
        "preferredUsername": "spy",
        "name": "<script>alert(1)</script>Spy",
        "summary": "<p onclick=\"x()\">Hello<script>alert(1)</script></p>",
        "inbox": format!("{base}/users/spy/inbox"),
        "publicKey": {
            "id": format!("{base}/users/spy#main-key"),
            "owner": format!("{base}/users/spy"),
            "publicKeyPem": keys.public_key,
        }
    });
    let webfinger = json!({
        "subject": format!("acct:spy@localhost:{port}"),
        "links": [{"rel": "self", "type": "application/activity+json", "href": format!("{base}/users/spy")}]
    });
    async fn record(State(rec): State<Recorded>, method: Method, uri: Uri, headers: HeaderMap) {
        rec.0
            .lock()
            .unwrap()
            .push((method, uri.to_string(), headers));
    }
    let app = Router::new()
        .route(
            "/.well-known/webfinger",
            get({
                let webfinger = webfinger.clone();
                move |state, method, uri, headers| async move {
                    record(state, method, uri, headers).await;
                    (
                        [(header::CONTENT_TYPE, "application/jrd+json")],
                        webfinger.to_string(),
                    )
                        .into_response()
                }
            }),
        )
        .route(
            "/users/spy",
            get({
                let person = person.clone();
                move |state, method, uri, headers| async move {
                    record(state, method, uri, headers).await;
                    (
                        [(header::CONTENT_TYPE, "application/activity+json")],
                        person.to_string(),
                    )
                        .into_response()
                }
            }),
        )
        .with_state(recorded.clone());
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (port, recorded)
}

/// Checks a cavage HTTP signature as a receiving server would.
fn verify_signature(
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
        .expect("signature verifies with the instance actor's key");
    params["keyId"].clone()
}

#[tokio::test]
async fn fetches_are_signed_by_the_instance_actor_and_remote_html_is_cleaned() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let token = a.token("anna", &password, "read").await;
    let (port, recorded) = recording_peer().await;

    let (status, spy) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=spy@localhost:{port}"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{spy}");
    assert_eq!(spy["acct"], format!("spy@localhost:{port}"));
    assert!(!spy["note"].as_str().unwrap().contains("script"));
    assert!(!spy["note"].as_str().unwrap().contains("onclick"));
    assert!(spy["note"].as_str().unwrap().contains("Hello"));

    let (_, actor) = a.get_ap("/actor").await;
    let key = actor["publicKey"]["publicKeyPem"]
        .as_str()
        .unwrap()
        .to_string();
    let requests = recorded.0.lock().unwrap().clone();
    let actor_fetch = requests
        .iter()
        .find(|(_, path, _)| path == "/users/spy")
        .expect("the actor was fetched");
    assert_eq!(actor_fetch.2["accept"], "application/activity+json");
    assert!(
        actor_fetch.2["user-agent"]
            .to_str()
            .unwrap()
            .starts_with("Collegium/")
    );
    let key_id = verify_signature(&actor_fetch.0, &actor_fetch.1, &actor_fetch.2, &key);
    assert_eq!(key_id, a.url("/actor#main-key"));
}

#[tokio::test]
async fn without_allow_local_addresses_nothing_reaches_loopback() {
    let strict = TestInstance::start_with(|s| s.federation.allow_local_addresses = false).await;
    let password = strict.user("anna", Role::Member).await;
    let token = strict.token("anna", &password, "read").await;
    let (port, recorded) = recording_peer().await;
    let (status, body) = strict
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=spy@localhost:{port}"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(recorded.0.lock().unwrap().is_empty());
    let (status, _) = strict
        .get_authed("/api/v1/accounts/lookup?acct=spy@127.0.0.1", &token)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(recorded.0.lock().unwrap().is_empty());
}

#[tokio::test]
async fn forged_actor_documents_are_refused() {
    // A peer whose actor puts its inbox on another server must not be stored.
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let token = a.token("anna", &password, "read").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    let base = format!("http://localhost:{port}");
    let forged = json!({
        "id": format!("{base}/users/eve"),
        "type": "Person",
        "preferredUsername": "eve",
        "inbox": "http://localhost:1/inbox",
        "publicKey": {"id": "x", "owner": format!("{base}/users/eve"), "publicKeyPem": keys.public_key}
    });
    let webfinger = json!({
        "subject": format!("acct:eve@localhost:{port}"),
        "links": [{"rel": "self", "type": "application/activity+json", "href": format!("{base}/users/eve")}]
    });
    let app = Router::new()
        .route(
            "/.well-known/webfinger",
            get(move || async move { webfinger.to_string() }),
        )
        .route(
            "/users/eve",
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, "application/activity+json")],
                    forged.to_string(),
                )
            }),
        );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let (status, _) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=eve@localhost:{port}"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let known: Value = a.get_json("/api/v1/instance").await.1;
    assert_eq!(known["stats"]["domain_count"], 0);
}

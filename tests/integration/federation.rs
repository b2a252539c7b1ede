//! Two instances (and a recording peer) fetching each other's actors over real
//! HTTP, with the fetches signed by the instance actor.

use axum::{Router, http::header, routing::get};
use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    harness::TestInstance,
    peer::{Peer, verify_signature},
};

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

#[tokio::test]
async fn fetches_are_signed_by_the_instance_actor_and_remote_html_is_cleaned() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let token = a.token("anna", &password, "read").await;
    let peer = Peer::start().await;
    let port = peer.port;

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
    let requests = peer.received();
    let actor_fetch = requests
        .iter()
        .find(|r| r.path == "/users/spy")
        .expect("the actor was fetched");
    assert_eq!(actor_fetch.headers["accept"], "application/activity+json");
    assert!(
        actor_fetch.headers["user-agent"]
            .to_str()
            .unwrap()
            .starts_with("Collegium/")
    );
    let key_id = verify_signature(
        &actor_fetch.method,
        &actor_fetch.path,
        &actor_fetch.headers,
        &key,
    );
    assert_eq!(key_id, a.url("/actor#main-key"));
}

#[tokio::test]
async fn without_allow_local_addresses_nothing_reaches_loopback() {
    let strict = TestInstance::start_with(|s| s.federation.allow_local_addresses = false).await;
    let password = strict.user("anna", Role::Member).await;
    let token = strict.token("anna", &password, "read").await;
    let peer = Peer::start().await;
    let port = peer.port;
    let (status, body) = strict
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=spy@localhost:{port}"),
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(peer.received().is_empty());
    let (status, _) = strict
        .get_authed("/api/v1/accounts/lookup?acct=spy@127.0.0.1", &token)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(peer.received().is_empty());
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

#[tokio::test]
async fn authorized_fetch_requires_signed_gets() {
    let a = TestInstance::start().await;
    let b = TestInstance::start_with(|s| s.federation.authorized_fetch = true).await;
    let password = a.user("anna", Role::Member).await;
    let anna = a.token("anna", &password, "read").await;
    let bob_password = b.user("bob", Role::Member).await;
    let bob = b.token("bob", &bob_password, "read write").await;
    let res = b
        .client
        .post(b.url("/api/v1/statuses"))
        .bearer_auth(&bob)
        .json(&json!({"status": "Public, but only to signed fetches"}))
        .send()
        .await
        .unwrap();
    let post: Value = res.json().await.unwrap();
    let note_path = format!("/users/bob/statuses/{}", post["id"].as_str().unwrap());

    for path in [
        "/users/bob",
        "/users/bob/outbox",
        "/users/bob/followers?page=1",
        note_path.as_str(),
    ] {
        let (status, body) = b.get_ap(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {body}");
    }
    let forged = b
        .client
        .get(b.url("/users/bob"))
        .header("Accept", "application/activity+json")
        .header("Date", httpdate::fmt_http_date(std::time::SystemTime::now()))
        .header(
            "Signature",
            format!(
                "keyId=\"{}/actor#main-key\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\",signature=\"AAAA\"",
                a.base
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    // The page for people and the instance actor stay open.
    let page = b
        .client
        .get(b.url("/users/bob"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let (status, _) = b.get_ap("/actor").await;
    assert_eq!(status, StatusCode::OK);

    // A's fetch is signed by its instance actor, which B fetches to check it.
    let (status, bob_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bob@{}", b.domain),
            &anna,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{bob_on_a}");
    assert_eq!(bob_on_a["acct"], format!("bob@{}", b.domain));
}

//! Federation throughput on this machine, over real HTTP on 127.0.0.1:
//!
//! - inbox: signed `Create{Note}` activities accepted per second by one instance's
//!   shared inbox (signatures made before the clock starts, sent 16 at a time);
//! - delivery: deliveries signed and sent per second by one instance's queue to
//!   local receiving servers (one post to followers with an inbox each, spread
//!   over 8 receiving servers, as if on 8 instances).
//!
//! Run with `cargo bench --bench federation` (optionally `-- INBOX_N DELIVERY_N`).
//! See docs/benchmarks.md for the figures measured here.

mod common;

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use axum::{
    Router,
    http::{StatusCode, header},
    response::IntoResponse,
    routing::{get, post},
};
use collegium::{
    AppState,
    accounts::{
        model::{NewUser, Role, create_user},
        store::{self as accounts, NewAccount},
    },
    federation::signing,
    with_db,
};
use serde_json::json;
use url::Url;

async fn start_instance(dir: &std::path::Path) -> (String, AppState) {
    let (port, state) = common::start_instance(dir, |s| {
        s.federation.allow_local_addresses = true;
    })
    .await;
    (format!("http://localhost:{port}"), state)
}

/// A remote server with one person, whose key signs the activities we send.
async fn remote_author() -> (String, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let keys = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    let actor = format!("http://localhost:{port}/users/author");
    let person = json!({
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": actor, "type": "Person", "preferredUsername": "author",
        "inbox": format!("{actor}/inbox"),
        "followers": format!("{actor}/followers"),
        "publicKey": {"id": format!("{actor}#main-key"), "owner": actor, "publicKeyPem": keys.public_key},
    })
    .to_string();
    let app = Router::new().route(
        "/users/author",
        get(move || {
            let person = person.clone();
            async move {
                (
                    [(header::CONTENT_TYPE, "application/activity+json")],
                    person,
                )
                    .into_response()
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (actor, keys.private_key)
}

async fn bench_inbox(base: &str, n: usize) -> f64 {
    let (actor, private_key) = remote_author().await;
    let client = reqwest::Client::new();
    let key = signing::parse_private_key(&private_key).unwrap();
    let inbox = Url::parse(&format!("{base}/inbox")).unwrap();
    let actor_url = Url::parse(&actor).unwrap();
    let mut requests = Vec::with_capacity(n);
    for i in 0..n {
        let note = format!("{actor}/statuses/{i}");
        let body = json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("{note}/activity"), "type": "Create", "actor": actor,
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "object": {
                "id": note, "type": "Note", "attributedTo": actor,
                "content": format!("<p>Lesson idea number {i}</p>"),
                "to": ["https://www.w3.org/ns/activitystreams#Public"],
            },
        })
        .to_string()
        .into_bytes();
        let request = signing::signed_post(
            &client,
            &inbox,
            &actor_url,
            &key,
            body,
            Duration::from_secs(30),
        )
        .unwrap();
        requests.push(request);
    }
    // The first one fetches and stores the author: not part of the measurement.
    let first = requests.remove(0);
    assert_eq!(
        client.execute(first).await.unwrap().status(),
        StatusCode::ACCEPTED
    );
    let requests = Arc::new(std::sync::Mutex::new(requests));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..16 {
        let requests = requests.clone();
        let client = client.clone();
        workers.push(tokio::spawn(async move {
            loop {
                let next = requests.lock().unwrap().pop();
                let Some(request) = next else { break };
                let status = client.execute(request).await.unwrap().status();
                assert_eq!(status, StatusCode::ACCEPTED);
            }
        }));
    }
    for w in workers {
        w.await.unwrap();
    }
    (n - 1) as f64 / started.elapsed().as_secs_f64()
}

async fn receiving_server(count: Arc<AtomicUsize>) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = Router::new().route(
        "/inbox/{n}",
        post(move || {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::Relaxed);
                StatusCode::ACCEPTED
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    port
}

async fn bench_delivery(base: &str, state: &AppState, n: usize) -> f64 {
    let (anna, _, password) = create_user(
        state,
        NewUser {
            username: "anna".into(),
            email: "anna@school.example".into(),
            role: Role::Member,
            password: Some("benchmark-password".into()),
        },
    )
    .await
    .unwrap();
    let received = Arc::new(AtomicUsize::new(0));
    let mut ports = Vec::new();
    for _ in 0..8 {
        ports.push(receiving_server(received.clone()).await);
    }
    // n remote followers, each with an inbox of its own (no shared inbox).
    for i in 0..n {
        let port = ports[i % ports.len()];
        let id = format!("http://localhost:{port}/users/f{i}");
        let follower = accounts::upsert_remote(
            &state.db,
            NewAccount {
                username: format!("f{i}"),
                domain: Some(format!("localhost:{port}")),
                actor_type: "Person".into(),
                ap_id: id.clone(),
                url: None,
                display_name: String::new(),
                note_html: String::new(),
                avatar_url: None,
                header_url: None,
                inbox_url: format!("http://localhost:{port}/inbox/{i}"),
                outbox_url: None,
                shared_inbox_url: None,
                followers_url: None,
                following_url: None,
                public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
                private_key_pem: None,
                locked: false,
                bot: false,
                discoverable: false,
                indexable: false,
            },
        )
        .await
        .unwrap();
        collegium::follows::store::insert(
            &state.db,
            follower.id,
            anna.id,
            &format!("{id}#follow"),
            true,
        )
        .await
        .unwrap();
    }
    let client = reqwest::Client::new();
    let app: serde_json::Value = client
        .post(format!("{base}/api/v1/apps"))
        .form(&[
            ("client_name", "bench"),
            ("redirect_uris", "urn:ietf:wg:oauth:2.0:oob"),
            ("scopes", "write"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token: serde_json::Value = client
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "password"),
            ("client_id", app["client_id"].as_str().unwrap()),
            ("client_secret", app["client_secret"].as_str().unwrap()),
            ("username", "anna"),
            ("password", &password),
            ("scope", "write"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/statuses"))
        .bearer_auth(token["access_token"].as_str().unwrap())
        .form(&[("status", "A lesson plan for everyone who follows me")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let queued = started.elapsed();
    while received.load(Ordering::Relaxed) < n {
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "deliveries stalled"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let rate = n as f64 / started.elapsed().as_secs_f64();
    println!("  (writing the post and queueing its {n} deliveries took {queued:.2?} of that)");
    // Every one is recorded as delivered (just after its answer arrives).
    loop {
        let delivered: i64 = with_db!(&state.db, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE state = 'delivered'")
                .fetch_one(pool)
                .await
        })
        .unwrap();
        if delivered as usize == n {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "deliveries not recorded"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    rate
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let inbox_n = args.first().copied().unwrap_or(2000);
    let delivery_n = args.get(1).copied().unwrap_or(2000);
    let dir = std::env::temp_dir().join(format!("collegium-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (base, state) = start_instance(&dir).await;
    let inbox = bench_inbox(&base, inbox_n).await;
    println!("inbox: {inbox_n} signed Create{{Note}} activities, {inbox:.0} accepted per second");
    let delivery = bench_delivery(&base, &state, delivery_n).await;
    println!("delivery: {delivery_n} deliveries signed and sent, {delivery:.0} per second");
    let _ = std::fs::remove_dir_all(&dir);
}

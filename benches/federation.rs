//! Federation throughput on this machine, over real HTTP on 127.0.0.1:
//!
//! - inbox: signed `Create{Note}` activities accepted per second by one instance's
//!   shared inbox (signatures made before the clock starts, sent 16 at a time);
//! - delivery: deliveries signed and sent per second by one instance's queue to
//!   local receiving servers (one post to followers with an inbox each, spread
//!   over 8 receiving servers, as if on 8 instances).
//!
//! - fanout: one public post of a person with 10,000 followers on 1,000
//!   instances (1,000 receiving servers on their own ports, each checking every
//!   signature it gets, ten followers each behind a shared inbox), all delivered;
//! - memory: resident memory of this process when the instance is idle, and at
//!   the peak of the inbox run (the load generator's signed requests included).
//!
//! For the inbox and delivery runs it also prints the CPU time of the whole
//! process (server and load generator) per operation.
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
    accounts::model::{NewUser, Role, create_user},
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

/// CPU time (user and system) this process has used so far.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 1000 / 100)
}

/// Resident memory of this process, in MB.
fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Samples resident memory until `done`; returns the peak.
fn sample_peak(done: Arc<std::sync::atomic::AtomicBool>) -> std::thread::JoinHandle<f64> {
    std::thread::spawn(move || {
        let mut peak: f64 = 0.0;
        while !done.load(Ordering::Relaxed) {
            peak = peak.max(resident_mb());
            std::thread::sleep(Duration::from_millis(10));
        }
        peak.max(resident_mb())
    })
}

async fn bench_inbox(base: &str, n: usize) -> (f64, Duration) {
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
    let cpu = cpu_time();
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
    let rate = (n - 1) as f64 / started.elapsed().as_secs_f64();
    (rate, (cpu_time() - cpu) / (n - 1) as u32)
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

async fn bench_delivery(base: &str, state: &AppState, n: usize) -> (f64, Duration) {
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
        let follower = common::remote_person(
            &state.db,
            &format!("f{i}"),
            &format!("localhost:{port}"),
            &id,
            format!("http://localhost:{port}/inbox/{i}"),
            None,
        )
        .await;
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
    let token = common::token_for(base, "anna", &password, "write").await;
    let cpu = cpu_time();
    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/statuses"))
        .bearer_auth(&token)
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
    let cpu = (cpu_time() - cpu) / n as u32;
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
    (rate, cpu)
}

/// A receiving server with a shared inbox, as a Mastodon instance has: checks the
/// signature of every delivery (form, Host, Date, Digest, and the key) and counts
/// the good ones; a bad one is refused and counted apart.
async fn checking_server(
    public_key: Arc<String>,
    good: Arc<AtomicUsize>,
    bad: Arc<AtomicUsize>,
) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let domain = format!("localhost:{port}");
    let app = Router::new().route(
        "/inbox",
        post(
            move |method: axum::http::Method,
                  uri: axum::http::Uri,
                  headers: axum::http::HeaderMap,
                  body: axum::body::Bytes| {
                let (public_key, good, bad, domain) = (
                    public_key.clone(),
                    good.clone(),
                    bad.clone(),
                    domain.clone(),
                );
                async move {
                    let signed = signing::check_form(&headers, &method, &uri, &domain);
                    let ok = signed.is_ok_and(|s| s.verifies_with(&public_key))
                        && signing::digest_matches(headers.get("digest"), &body);
                    if ok {
                        good.fetch_add(1, Ordering::Relaxed);
                        StatusCode::ACCEPTED
                    } else {
                        bad.fetch_add(1, Ordering::Relaxed);
                        StatusCode::UNAUTHORIZED
                    }
                }
            },
        ),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    port
}

/// One public post to `followers` followers spread over `instances` instances.
async fn bench_fanout(
    base: &str,
    state: &AppState,
    followers: usize,
    instances: usize,
) -> Duration {
    let (fran, _, password) = create_user(
        state,
        NewUser {
            username: "fran".into(),
            email: "fran@school.example".into(),
            role: Role::Member,
            password: Some("benchmark-password".into()),
        },
    )
    .await
    .unwrap();
    let public_key = Arc::new(fran.public_key_pem.clone());
    let good = Arc::new(AtomicUsize::new(0));
    let bad = Arc::new(AtomicUsize::new(0));
    let mut ports = Vec::new();
    for _ in 0..instances {
        ports.push(checking_server(public_key.clone(), good.clone(), bad.clone()).await);
    }
    let unit = state.begin_write().await.unwrap();
    for i in 0..followers {
        let port = ports[i % ports.len()];
        let id = format!("http://localhost:{port}/users/g{i}");
        let follower = common::remote_person(
            &unit.db,
            &format!("g{i}"),
            &format!("localhost:{port}"),
            &id,
            format!("{id}/inbox"),
            Some(format!("http://localhost:{port}/inbox")),
        )
        .await;
        collegium::follows::store::insert(
            &unit.db,
            follower.id,
            fran.id,
            &format!("{id}#follow"),
            true,
        )
        .await
        .unwrap();
    }
    unit.commit().await.unwrap();
    let token = common::token_for(base, "fran", &password, "write").await;
    let client = reqwest::Client::new();
    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/statuses"))
        .bearer_auth(&token)
        .form(&[("status", "Our school's new robotics club: all welcome")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    while good.load(Ordering::Relaxed) < instances {
        assert_eq!(bad.load(Ordering::Relaxed), 0, "a signature did not verify");
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "fan-out stalled"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let took = started.elapsed();
    assert_eq!(bad.load(Ordering::Relaxed), 0, "a signature did not verify");
    took
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
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = resident_mb();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let peak = sample_peak(done.clone());
    let (inbox, inbox_cpu) = bench_inbox(&base, inbox_n).await;
    done.store(true, Ordering::Relaxed);
    let peak = peak.join().unwrap();
    println!("inbox: {inbox_n} signed Create{{Note}} activities, {inbox:.0} accepted per second");
    let (delivery, delivery_cpu) = bench_delivery(&base, &state, delivery_n).await;
    println!("delivery: {delivery_n} deliveries signed and sent, {delivery:.0} per second");
    println!(
        "cpu: inbox {} µs per activity, delivery {} µs per delivery (the whole process)",
        inbox_cpu.as_micros(),
        delivery_cpu.as_micros()
    );
    let fanout = bench_fanout(&base, &state, 10_000, 1_000).await;
    println!(
        "fanout: 10000 followers on 1000 instances, all delivered in {:.2} s",
        fanout.as_secs_f64()
    );
    println!("memory: idle {idle:.0} MB, under inbox load {peak:.0} MB");
    let _ = std::fs::remove_dir_all(&dir);
}

//! Page latency on this machine, over real HTTP on 127.0.0.1: one instance
//! (SQLite, release build) with 100,000 posts by 100 people, a teacher who follows
//! 20 of them and a community of hers holding a tenth of the posts. An open-loop
//! load generator asks at a fixed rate (200 requests per second) for her home
//! timeline (`GET /api/v1/timelines/home`, with her token) and then for the
//! community page (`GET /c/maths`), and measures each answer from the moment it
//! was due to be sent, so that queueing inside the server is not hidden.
//!
//! Run with `cargo bench --bench pages` (optionally `-- POSTS RATE SECONDS`).
//! See docs/benchmarks.md for the figures measured here.

mod common;

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::Utc;
use collegium::{
    AppState,
    accounts::model::{NewUser, Role, create_user},
    communities::model::CommunityForm,
    posts::store::{self as posts, NewStatus},
};
use reqwest::StatusCode;

const AUTHORS: usize = 100;
const FOLLOWED: usize = 20;

async fn seed(state: &AppState, n: usize) -> (String, String) {
    let (vera, _, password) = create_user(
        state,
        NewUser {
            username: "vera".into(),
            email: "vera@school.example".into(),
            role: Role::Facilitator,
            password: Some("benchmark-password".into()),
        },
    )
    .await
    .unwrap();
    let community = collegium::communities::model::create(
        state,
        &vera,
        "maths",
        CommunityForm {
            title: Some("Maths teachers".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut authors = Vec::new();
    for i in 0..AUTHORS {
        let domain = format!("school{}.example", i % 10);
        let id = format!("https://{domain}/users/t{i}");
        let author = common::remote_person(
            &state.db,
            &format!("t{i}"),
            &domain,
            &id,
            format!("{id}/inbox"),
            Some(format!("https://{domain}/inbox")),
        )
        .await;
        if i < FOLLOWED {
            collegium::follows::store::insert(
                &state.db,
                vera.id,
                author.id,
                &format!("{id}#follow-vera"),
                true,
            )
            .await
            .unwrap();
        }
        authors.push(author);
    }
    // vera opened the community, so she is its first member.
    let started = Utc::now() - chrono::Duration::seconds(n as i64);
    let mut written = 0;
    while written < n {
        let unit = state.begin_write().await.unwrap();
        for i in written..(written + 1000).min(n) {
            let author = &authors[i % AUTHORS];
            let ap_id = format!("{}/statuses/{i}", author.ap_id);
            let content = format!("<p>Lesson idea number {i}: fractions with pizza</p>");
            let in_community = i % 10 == 0;
            posts::insert(
                &unit.db,
                &NewStatus {
                    id: None,
                    ap_id: &ap_id,
                    url: None,
                    account_id: author.id,
                    local: false,
                    content: &content,
                    source_text: None,
                    spoiler_text: "",
                    sensitive: false,
                    visibility: "public",
                    language: Some("en"),
                    in_reply_to_ap_id: None,
                    reblog_of_id: None,
                    idempotency_key: None,
                    created_at: started + chrono::Duration::seconds(i as i64),
                    community_id: in_community.then_some(community.account.id),
                    title: in_community.then_some("A thread about fractions"),
                },
                &[],
            )
            .await
            .unwrap();
        }
        unit.commit().await.unwrap();
        written = (written + 1000).min(n);
    }
    (vera.username, password)
}

/// Asks for `url` at `rate` per second for `seconds`, each request sent when it
/// is due whatever the earlier ones are doing; returns the 99th percentile of
/// the time from when each was due to its whole answer, in milliseconds, and how
/// many got no good answer (refused, reset, or not 200).
async fn open_loop(url: String, token: Option<String>, rate: u32, seconds: u32) -> (f64, usize) {
    let client = reqwest::Client::new();
    let interval = Duration::from_secs(1) / rate;
    let start = Instant::now() + Duration::from_millis(50);
    let url = Arc::new(url);
    let token = Arc::new(token);
    let mut tasks = Vec::new();
    for i in 0..rate * seconds {
        let due = start + interval * i;
        let (client, url, token) = (client.clone(), url.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let mut request = client.get(url.as_str());
            if let Some(t) = token.as_deref() {
                request = request.bearer_auth(t);
            }
            let response = request.send().await.ok()?;
            if response.status() != StatusCode::OK {
                return None;
            }
            let body = response.bytes().await.ok()?;
            (!body.is_empty()).then(|| due.elapsed())
        }));
    }
    let mut latencies = Vec::new();
    let mut failed = 0;
    for t in tasks {
        match t.await.unwrap() {
            Some(latency) => latencies.push(latency),
            None => failed += 1,
        }
    }
    latencies.sort();
    let p99 = latencies
        .get((latencies.len() * 99).div_ceil(100).saturating_sub(1))
        .copied()
        .unwrap_or(Duration::MAX);
    (p99.as_secs_f64() * 1000.0, failed)
}

#[tokio::main]
async fn main() {
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(100_000) as usize;
    let rate = args.get(1).copied().unwrap_or(200);
    let seconds = args.get(2).copied().unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("collegium-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (port, state) = common::start_instance(&dir, |_| {}).await;
    let base = format!("http://localhost:{port}");
    let (username, password) = seed(&state, n).await;
    let token = common::token_for(&base, &username, &password, "read").await;
    let home_url = format!("{base}/api/v1/timelines/home");
    let community_url = format!("{base}/c/maths");
    // Warm both once (caches, prepared statements), as a running server is.
    open_loop(home_url.clone(), Some(token.clone()), 20, 1).await;
    open_loop(community_url.clone(), None, 20, 1).await;
    let (home, home_failed) = open_loop(home_url, Some(token), rate, seconds).await;
    let (community, community_failed) = open_loop(community_url, None, rate, seconds).await;
    println!(
        "pages: home p99 {home:.1} ms, community p99 {community:.1} ms at {rate} requests/s over {n} posts"
    );
    if home_failed + community_failed > 0 {
        println!(
            "pages failed: {home_failed} home and {community_failed} community requests of {} each \
             (left out of the p99)",
            rate * seconds
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

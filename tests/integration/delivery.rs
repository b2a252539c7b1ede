//! The durable delivery queue: restarts lose nothing, a dead or slow instance does
//! not hold up the others, refusals and give-ups are counted per instance.

use std::time::{Duration, Instant};

use collegium::{accounts::model::Role, federation::queue, with_db};
use reqwest::StatusCode;
use serde_json::{Value, json};
use url::Url;

use crate::harness::{TestInstance, eventually, eventually_within};

async fn person(instance: &TestInstance, name: &str, role: Role) -> String {
    let password = instance.user(name, role).await;
    instance
        .token(name, &password, "read write follow admin:read")
        .await
}

async fn resolve(instance: &TestInstance, token: &str, acct: &str) -> String {
    let (status, account) = instance
        .get_authed(&format!("/api/v1/accounts/lookup?acct={acct}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{account}");
    account["id"].as_str().unwrap().to_string()
}

async fn follow(instance: &TestInstance, token: &str, id: &str) {
    let res = instance
        .client
        .post(instance.url(&format!("/api/v1/accounts/{id}/follow")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

/// (state, attempts, held by a worker) of every delivery queued on `instance`.
async fn deliveries(instance: &TestInstance) -> Vec<(String, i64, bool)> {
    with_db!(&instance.state.db, |pool| {
        sqlx::query_as(
            "SELECT state, attempts, locked_until IS NOT NULL FROM deliveries ORDER BY id",
        )
        .fetch_all(pool)
        .await
    })
    .unwrap()
}

async fn followers_of(instance: &TestInstance, token: &str) -> i64 {
    let (_, me) = instance
        .get_authed("/api/v1/accounts/verify_credentials", token)
        .await;
    me["followers_count"].as_i64().unwrap()
}

#[tokio::test]
async fn an_instance_that_was_down_gets_everything_once_when_back() {
    let a = TestInstance::start().await;
    let mut b = TestInstance::start().await;
    let anna = person(&a, "anna", Role::Member).await;
    let bob = person(&b, "bob", Role::Member).await;
    let carla = person(&b, "carla", Role::Member).await;
    let bob_on_a = resolve(&a, &anna, &format!("bob@{}", b.domain)).await;
    let carla_on_a = resolve(&a, &anna, &format!("carla@{}", b.domain)).await;

    b.stop().await;
    follow(&a, &anna, &bob_on_a).await;
    follow(&a, &anna, &carla_on_a).await;
    // Both deliveries fail while B is down and wait for their retry.
    eventually("a failed first attempt", || async {
        let d = deliveries(&a).await;
        d.len() == 2
            && d.iter()
                .all(|(state, attempts, held)| state == "pending" && *attempts >= 1 && !held)
    })
    .await;

    b.restart().await;
    // The first retry is 5 s after the failure, the next 30 s after that.
    eventually_within("both follows reach B", 60, || async {
        followers_of(&b, &bob).await == 1 && followers_of(&b, &carla).await == 1
    })
    .await;
    eventually("both Accepts reach A", || async {
        let (_, rels) = a
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={bob_on_a}&id[]={carla_on_a}"),
                &anna,
            )
            .await;
        rels.as_array()
            .is_some_and(|r| r.len() == 2 && r.iter().all(|x| x["following"] == true))
    })
    .await;
    let sent = deliveries(&a).await;
    assert_eq!(sent.len(), 2);
    assert!(
        sent.iter().all(|(state, _, _)| state == "delivered"),
        "{sent:?}"
    );
    // Each Follow was acted on once on B.
    let received: i64 = with_db!(&b.state.db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM received_activities WHERE ap_id LIKE '%/activities/follow/%'",
        )
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(received, 2);

    // A restart of the sender loses nothing either: B goes down, A queues, A restarts.
    let mut a = a;
    b.stop().await;
    let dora = person(&a, "dora", Role::Member).await;
    follow(&a, &dora, &bob_on_a).await;
    // Stopped between attempts (a delivery in flight at a crash is taken up again
    // when its lease runs out).
    eventually("dora's first attempt failed", || async {
        let d = deliveries(&a).await;
        d.len() == 3 && d[2].0 == "pending" && d[2].1 >= 1 && !d[2].2
    })
    .await;
    a.stop().await;
    b.restart().await;
    a.restart().await;
    eventually_within(
        "dora's follow reaches B after both restarts",
        60,
        || async { followers_of(&b, &bob).await == 2 },
    )
    .await;
}

/// A server that accepts connections and never answers.
async fn black_hole() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    port
}

#[tokio::test]
async fn a_dead_instance_does_not_hold_up_the_others() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna", Role::Admin).await;
    let bob = person(&b, "bob", Role::Member).await;
    let bob_on_a = resolve(&a, &anna, &format!("bob@{}", b.domain)).await;

    // Forty deliveries to a server that never answers, queued first.
    let hole = black_hole().await;
    let signer = Url::parse(&a.url("/users/anna")).unwrap();
    for i in 0..40 {
        let id = Url::parse(&a.url(&format!("/activities/test/{i}"))).unwrap();
        let inbox = Url::parse(&format!("http://localhost:{hole}/users/u{i}/inbox")).unwrap();
        let body = json!({"id": id, "type": "Note"}).to_string();
        queue::enqueue(&a.state, &id, &signer, &body, &[inbox])
            .await
            .unwrap();
    }
    let started = Instant::now();
    follow(&a, &anna, &bob_on_a).await;
    eventually("the follow reaches B", || async {
        followers_of(&b, &bob).await == 1
    })
    .await;
    // Well within one request timeout (5 s) of the black hole.
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );

    // A refused delivery (4xx) is final and counted for its instance.
    let refusing = Url::parse(&b.url("/users/nobody/inbox")).unwrap();
    let id = Url::parse(&a.url("/activities/test/refused")).unwrap();
    queue::enqueue(&a.state, &id, &signer, "{}", &[refusing])
        .await
        .unwrap();
    let admin_view = || async {
        let (status, body) = a
            .get_authed("/api/collegium/v1/admin/federation", &anna)
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    };
    eventually("the refusal is counted", || async {
        let body: Value = admin_view().await;
        body["instances"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["domain"] == b.domain && i["refused"] == 1 && i["refused_total"] == 1)
    })
    .await;

    // After its last retry, a delivery is given up and the instance marked
    // unreachable until it is heard from again.
    let dead = Url::parse("http://localhost:9/inbox").unwrap();
    let id = Url::parse(&a.url("/activities/test/dead")).unwrap();
    queue::enqueue(&a.state, &id, &signer, "{}", &[dead])
        .await
        .unwrap();
    with_db!(&a.state.db, |pool| {
        sqlx::query("UPDATE deliveries SET attempts = 12 WHERE activity_id = $1")
            .bind(id.as_str())
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    eventually("the dead instance is marked unreachable", || async {
        let body: Value = admin_view().await;
        body["instances"].as_array().unwrap().iter().any(|i| {
            i["domain"] == "localhost:9" && i["failed"] == 1 && !i["unreachable_since"].is_null()
        })
    })
    .await;

    // Only admins see the queue.
    let (status, _) = b
        .get_authed("/api/collegium/v1/admin/federation", &bob)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn two_processes_drain_one_queue_without_sending_twice() {
    let a = TestInstance::start().await;
    let (_second, _stop) = a.second_process().await;
    a.user("anna", Role::Member).await;
    let peer = crate::peer::Peer::start().await;
    let signer = Url::parse(&a.url("/users/anna")).unwrap();
    let inbox = Url::parse(&format!("{}/inbox", peer.base)).unwrap();
    let n = 120;
    for i in 0..n {
        let id = Url::parse(&a.url(&format!("/activities/test/{i}"))).unwrap();
        let body = json!({"id": id, "type": "Note"}).to_string();
        queue::enqueue(&a.state, &id, &signer, &body, std::slice::from_ref(&inbox))
            .await
            .unwrap();
    }
    eventually("every delivery arrives", || async {
        peer.inbox_posts().len() >= n
    })
    .await;
    // Give a duplicate the chance to show up, then count each activity.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut ids: Vec<String> = peer
        .inbox_posts()
        .iter()
        .map(|r| r.json()["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, n, "no delivery was sent twice");
    assert_eq!(ids.len(), n);
    let states = deliveries(&a).await;
    assert!(
        states
            .iter()
            .all(|(state, attempts, _)| state == "delivered" && *attempts == 1)
    );
}

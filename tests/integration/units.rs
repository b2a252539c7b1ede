//! One unit of work per write: a post, its kind's rows, its search entry, its
//! notifications and its queued deliveries commit together or not at all. The
//! database is made to fail the write's last statement (queuing a delivery), as a
//! full disk or a killed process would, and nothing of the write may remain.

use collegium::{accounts::model::Role, db::Db, with_db};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestInstance, eventually, multipart_files, person, post_json};

/// Makes every insert into the delivery queue fail (or stop failing).
async fn fail_deliveries(db: &Db, on: bool) {
    let statements: &[&'static str] = match (db.engine(), on) {
        ("sqlite", true) => &[
            "CREATE TRIGGER fail_deliveries BEFORE INSERT ON deliveries \
             BEGIN SELECT RAISE(ABORT, 'no space left on device'); END",
        ],
        ("sqlite", false) => &["DROP TRIGGER fail_deliveries"],
        (_, true) => &[
            "CREATE FUNCTION fail_deliveries() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'no space left on device'; END $$",
            "CREATE TRIGGER fail_deliveries BEFORE INSERT ON deliveries \
             FOR EACH ROW EXECUTE FUNCTION fail_deliveries()",
        ],
        (_, false) => &[
            "DROP TRIGGER fail_deliveries ON deliveries",
            "DROP FUNCTION fail_deliveries()",
        ],
    };
    for sql in statements {
        with_db!(db, |pool| sqlx::query(*sql).execute(pool).await.map(|_| ())).unwrap();
    }
}

async fn count(db: &Db, sql: &'static str, like: &str) -> i64 {
    with_db!(db, |pool| sqlx::query_scalar(sql)
        .bind(format!("%{like}%"))
        .fetch_one(pool)
        .await)
    .unwrap()
}

#[tokio::test]
async fn a_post_and_its_deliveries_exist_together_or_not_at_all() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna", Role::Member).await;
    let bob = person(&b, "bob", Role::Member).await;
    // bob, on another instance, follows anna: her posts must be delivered to B.
    let (_, found) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=anna@{}", a.domain),
            &bob,
        )
        .await;
    let anna_on_b = found["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &b,
        &bob,
        &format!("/api/v1/accounts/{anna_on_b}/follow"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("bob follows anna", || async {
        let (_, me) = a
            .get_authed("/api/v1/accounts/verify_credentials", &anna)
            .await;
        me["followers_count"] == 1
    })
    .await;
    let db = &a.state.db;

    // The queue refuses the delivery: the request fails, and neither the post
    // nor anything it caused is there.
    fail_deliveries(db, true).await;
    let (status, body) = post_json(
        &a,
        &anna,
        "/api/v1/statuses",
        json!({ "status": "A half-made post #unfinished" }),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert!(
        !body.to_string().contains("no space left"),
        "the database's words stay inside: {body}"
    );
    let posts = "SELECT COUNT(*) FROM statuses WHERE content LIKE $1";
    let deliveries = "SELECT COUNT(*) FROM deliveries WHERE body LIKE $1";
    let tags = "SELECT COUNT(*) FROM status_tags t JOIN statuses s ON s.id = t.status_id \
                WHERE s.content LIKE $1";
    assert_eq!(count(db, posts, "half-made").await, 0);
    assert_eq!(count(db, deliveries, "half-made").await, 0);
    assert_eq!(count(db, tags, "half-made").await, 0);
    let (_, timeline) = a.get_authed("/api/v1/timelines/home", &anna).await;
    assert_eq!(timeline.as_array().map(Vec::len), Some(0), "{timeline}");

    // A teaching material: its post, its own rows and its search entry go too.
    let fields = [
        ("name", "Fractions with pizza"),
        ("description", "Adding fractions with pizza slices."),
        ("body", "Cut the pizza into eighths."),
        ("language", "en"),
        ("licence", "cc-by-sa"),
        ("resource_types", "worksheet"),
    ];
    let (content_type, multipart) = multipart_files(&fields, &[]);
    let res = a
        .client
        .post(a.url("/api/collegium/v1/materials"))
        .bearer_auth(&anna)
        .header("content-type", content_type)
        .body(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(db, posts, "eighths").await, 0);
    let materials: i64 = with_db!(db, |pool| sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM materials) + (SELECT COUNT(*) FROM article_terms) \
         + (SELECT COUNT(*) FROM article_versions)"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(materials, 0, "no material rows without their post");
    let (_, found) = a
        .get_authed("/api/collegium/v1/materials?q=pizza", &anna)
        .await;
    assert_eq!(found.as_array().map(Vec::len), Some(0), "{found}");

    // The queue works again: the post is there with its delivery, and B gets it.
    fail_deliveries(db, false).await;
    let (status, body) = post_json(
        &a,
        &anna,
        "/api/v1/statuses",
        json!({ "status": "A whole post #finished" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = body["id"].as_str().unwrap();
    assert!(
        body["uri"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/statuses/{id}")),
        "the post has its real address from the start: {body}"
    );
    assert_eq!(count(db, posts, "whole post").await, 1);
    assert_eq!(count(db, deliveries, "whole post").await, 1);
    eventually("the post reaches bob", || async {
        let (_, home) = b.get_authed("/api/v1/timelines/home", &bob).await;
        home.as_array().is_some_and(|posts| {
            posts
                .iter()
                .any(|p: &Value| p["content"].as_str().unwrap_or("").contains("whole post"))
        })
    })
    .await;
    let (content_type, multipart) = multipart_files(&fields, &[]);
    let res = a
        .client
        .post(a.url("/api/collegium/v1/materials"))
        .bearer_auth(&anna)
        .header("content-type", content_type)
        .body(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, found) = a
        .get_authed("/api/collegium/v1/materials?q=pizza", &anna)
        .await;
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
}

/// A follow of someone elsewhere, and a facilitator's ban of a member from
/// elsewhere, each with the activity that tells the other server: all or nothing.
#[tokio::test]
async fn a_follow_and_a_ban_exist_with_their_deliveries_or_not_at_all() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let bob = person(&b, "bob", Role::Member).await;
    let api = "/api/collegium/v1/communities";
    let (status, community) = post_json(
        &a,
        &fran,
        api,
        json!({"name": "maths", "title": "Maths teachers"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let id_a = community["id"].as_str().unwrap().to_string();

    // B cannot queue bob's Follow: no follow is left behind.
    let (_, fran_on_b) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=fran@{}", a.domain),
            &bob,
        )
        .await;
    let fran_on_b = fran_on_b["id"].as_str().unwrap().to_string();
    fail_deliveries(&b.state.db, true).await;
    let (status, _) = post_json(
        &b,
        &bob,
        &format!("/api/v1/accounts/{fran_on_b}/follow"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let follows = "SELECT COUNT(*) FROM follows WHERE ap_id LIKE $1";
    assert_eq!(count(&b.state.db, follows, "/").await, 0);
    fail_deliveries(&b.state.db, false).await;

    // bob joins the community on A.
    let (status, found) = b
        .get_authed(&format!("{api}/lookup?acct=@maths@{}", a.domain), &bob)
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let id_b = found["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(&b, &bob, &format!("{api}/{id_b}/join"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    eventually("the community accepts bob", || async {
        let (_, c) = b.get_authed(&format!("{api}/{id_b}"), &bob).await;
        c["membership"] == "member"
    })
    .await;
    let (_, bob_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bob@{}", b.domain),
            &fran,
        )
        .await;

    // A cannot queue the Group's Announce of the Block: bob is not banned, and
    // the moderation log does not say he was.
    fail_deliveries(&a.state.db, true).await;
    let ban = json!({"account_id": bob_on_a["id"], "reason": "Spam"});
    let (status, _) = post_json(&a, &fran, &format!("{api}/{id_a}/bans"), ban.clone()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let bans = "SELECT COUNT(*) FROM community_bans WHERE reason LIKE $1";
    let logged = "SELECT COUNT(*) FROM community_moderation_log WHERE action LIKE $1";
    assert_eq!(count(&a.state.db, bans, "Spam").await, 0);
    assert_eq!(count(&a.state.db, logged, "ban").await, 0);

    // The queue works again: the ban is made, logged and reaches B.
    fail_deliveries(&a.state.db, false).await;
    let (status, body) = post_json(&a, &fran, &format!("{api}/{id_a}/bans"), ban).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(count(&a.state.db, bans, "Spam").await, 1);
    assert_eq!(count(&a.state.db, logged, "ban").await, 1);
    eventually("the ban reaches B", || async {
        let (_, c) = b.get_authed(&format!("{api}/{id_b}"), &bob).await;
        c["banned"] == true
    })
    .await;
}

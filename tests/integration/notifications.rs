//! Notifications for local people, from local and remote actions.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestInstance, eventually};

async fn person(instance: &TestInstance, name: &str) -> String {
    let password = instance.user(name, Role::Member).await;
    instance.token(name, &password, "read write follow").await
}

async fn kinds(instance: &TestInstance, token: &str, query: &str) -> Vec<String> {
    let (_, list) = instance
        .get_authed(&format!("/api/v1/notifications{query}"), token)
        .await;
    list.as_array()
        .map(|l| {
            l.iter()
                .map(|n| n["type"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn follows_mentions_likes_and_boosts_notify() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;

    // bob@B follows anna@A.
    let (_, anna_on_b) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=anna@{}", a.domain),
            &bob,
        )
        .await;
    let anna_on_b = anna_on_b["id"].as_str().unwrap().to_string();
    b.client
        .post(b.url(&format!("/api/v1/accounts/{anna_on_b}/follow")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    eventually("anna is told of the follow", || async {
        kinds(&a, &anna, "").await == vec!["follow"]
    })
    .await;
    let (_, list) = a.get_authed("/api/v1/notifications", &anna).await;
    assert_eq!(list[0]["account"]["acct"], format!("bob@{}", b.domain));

    // anna posts; bob likes and boosts it, and mentions her.
    let res = a
        .client
        .post(a.url("/api/v1/statuses"))
        .bearer_auth(&anna)
        .json(&json!({"status": "Our new timetable"}))
        .send()
        .await
        .unwrap();
    let post: Value = res.json().await.unwrap();
    let mut on_b = String::new();
    eventually("the post reaches B", || async {
        let (_, home) = b.get_authed("/api/v1/timelines/home", &bob).await;
        home.as_array().is_some_and(|h| !h.is_empty())
    })
    .await;
    let (_, home) = b.get_authed("/api/v1/timelines/home", &bob).await;
    on_b.push_str(home[0]["id"].as_str().unwrap());
    for action in ["favourite", "reblog"] {
        let res = b
            .client
            .post(b.url(&format!("/api/v1/statuses/{on_b}/{action}")))
            .bearer_auth(&bob)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    b.client
        .post(b.url("/api/v1/statuses"))
        .bearer_auth(&bob)
        .json(&json!({"status": format!("@anna@{} see you there", a.domain)}))
        .send()
        .await
        .unwrap();
    eventually("anna is told of everything", || async {
        let mut got = kinds(&a, &anna, "").await;
        got.sort();
        got == vec!["favourite", "follow", "mention", "reblog"]
    })
    .await;
    let (_, list) = a
        .get_authed("/api/v1/notifications?types[]=favourite", &anna)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["status"]["id"], post["id"]);
    assert_eq!(
        kinds(&a, &anna, "?exclude_types[]=follow&exclude_types[]=mention")
            .await
            .len(),
        2
    );

    // Dismiss one, then clear the rest.
    let id = list[0]["id"].as_str().unwrap().to_string();
    let (status, one) = a
        .get_authed(&format!("/api/v1/notifications/{id}"), &anna)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["type"], "favourite");
    a.client
        .post(a.url(&format!("/api/v1/notifications/{id}/dismiss")))
        .bearer_auth(&anna)
        .send()
        .await
        .unwrap();
    assert_eq!(kinds(&a, &anna, "").await.len(), 3);
    a.client
        .post(a.url("/api/v1/notifications/clear"))
        .bearer_auth(&anna)
        .send()
        .await
        .unwrap();
    assert!(kinds(&a, &anna, "").await.is_empty());
    let (status, _) = a
        .get_authed(&format!("/api/v1/notifications/{id}"), &anna)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Someone else's notifications are not reachable, and the scope is checked.
    let (status, _) = b.get_authed("/api/v1/notifications/1", &bob).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let write_only = {
        let password = a.user("cleo", Role::Member).await;
        a.token("cleo", &password, "write").await
    };
    let (status, _) = a.get_authed("/api/v1/notifications", &write_only).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn follow_requests_notify_until_answered() {
    let a = TestInstance::start().await;
    let carla = person(&a, "carla").await;
    let dino = person(&a, "dino").await;
    a.client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&carla)
        .json(&json!({"locked": true}))
        .send()
        .await
        .unwrap();
    let (_, carla_account) = a.get_json("/api/v1/accounts/lookup?acct=carla").await;
    let (_, dino_account) = a.get_json("/api/v1/accounts/lookup?acct=dino").await;
    a.client
        .post(a.url(&format!(
            "/api/v1/accounts/{}/follow",
            carla_account["id"].as_str().unwrap()
        )))
        .bearer_auth(&dino)
        .send()
        .await
        .unwrap();
    assert_eq!(kinds(&a, &carla, "").await, vec!["follow_request"]);
    a.client
        .post(a.url(&format!(
            "/api/v1/follow_requests/{}/authorize",
            dino_account["id"].as_str().unwrap()
        )))
        .bearer_auth(&carla)
        .send()
        .await
        .unwrap();
    assert_eq!(kinds(&a, &carla, "").await, vec!["follow"]);
}

#[tokio::test]
async fn subscribers_are_told_of_new_posts() {
    let a = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bruno = person(&a, "bruno").await;
    let (_, anna_account) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    let anna_id = anna_account["id"].as_str().unwrap();
    let res = a
        .client
        .post(a.url(&format!("/api/v1/accounts/{anna_id}/follow")))
        .bearer_auth(&bruno)
        .json(&json!({"notify": true}))
        .send()
        .await
        .unwrap();
    let rel: Value = res.json().await.unwrap();
    assert_eq!(rel["notifying"], true);
    for (text, visibility) in [
        ("New worksheet online", "public"),
        ("Just between us", "direct"),
    ] {
        a.client
            .post(a.url("/api/v1/statuses"))
            .bearer_auth(&anna)
            .json(&json!({"status": text, "visibility": visibility}))
            .send()
            .await
            .unwrap();
    }
    let (_, list) = a
        .get_authed("/api/v1/notifications?types[]=status", &bruno)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert!(
        list[0]["status"]["content"]
            .as_str()
            .unwrap()
            .contains("New worksheet")
    );
}

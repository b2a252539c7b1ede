//! People following people across instances, over real HTTP and the delivery queue.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::Value;

use crate::harness::{TestInstance, eventually};

/// Signs in `name` on `instance` and returns (token, local account id).
async fn person(instance: &TestInstance, name: &str, role: Role) -> (String, String) {
    let password = instance.user(name, role).await;
    let token = instance.token(name, &password, "read write follow").await;
    let (_, me) = instance
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    (token, me["id"].as_str().unwrap().to_string())
}

/// The id `viewer`'s instance gives `acct` (resolving it if needed).
async fn remote_id(instance: &TestInstance, token: &str, acct: &str) -> String {
    let (status, account) = instance
        .get_authed(&format!("/api/v1/accounts/lookup?acct={acct}"), token)
        .await;
    assert_eq!(status, StatusCode::OK, "{account}");
    account["id"].as_str().unwrap().to_string()
}

async fn post(instance: &TestInstance, token: &str, path: &str) -> (StatusCode, Value) {
    let res = instance
        .client
        .post(instance.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn follow_and_unfollow_across_instances() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let (anna, _) = person(&a, "anna", Role::Member).await;
    let (bob, bob_local_id) = person(&b, "bob", Role::Member).await;
    let bob_on_a = remote_id(&a, &anna, &format!("bob@{}", b.domain)).await;

    let (status, rel) = post(&a, &anna, &format!("/api/v1/accounts/{bob_on_a}/follow")).await;
    assert_eq!(status, StatusCode::OK, "{rel}");
    assert_eq!(rel["requested"], true, "remote follows wait for the Accept");

    // B receives the Follow, accepts it, and A learns of the Accept.
    eventually("anna follows bob on A", || async {
        let (_, rels) = a
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={bob_on_a}"),
                &anna,
            )
            .await;
        rels[0]["following"] == true
    })
    .await;
    let (_, followers) = b
        .get_json(&format!("/api/v1/accounts/{bob_local_id}/followers"))
        .await;
    assert_eq!(followers.as_array().unwrap().len(), 1);
    assert_eq!(followers[0]["acct"], format!("anna@{}", a.domain));
    let (_, bob_seen_on_b) = b
        .get_authed("/api/v1/accounts/verify_credentials", &bob)
        .await;
    assert_eq!(bob_seen_on_b["followers_count"], 1);
    let (_, coll) = b.get_ap("/users/bob/followers?page=1").await;
    assert_eq!(coll["totalItems"], 1);
    assert_eq!(coll["orderedItems"][0], a.url("/users/anna"));

    // Unfollow: B drops the follower.
    let (status, rel) = post(&a, &anna, &format!("/api/v1/accounts/{bob_on_a}/unfollow")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rel["following"], false);
    eventually("bob has no followers on B", || async {
        let (_, followers) = b
            .get_json(&format!("/api/v1/accounts/{bob_local_id}/followers"))
            .await;
        followers.as_array().is_some_and(|f| f.is_empty())
    })
    .await;
}

#[tokio::test]
async fn follow_requests_wait_for_approval() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let (anna, _) = person(&a, "anna", Role::Member).await;
    let (carla, _) = person(&b, "carla", Role::Member).await;
    let res = b
        .client
        .patch(b.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&carla)
        .form(&[("locked", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let carla_on_a = remote_id(&a, &anna, &format!("carla@{}", b.domain)).await;
    let (_, rel) = post(&a, &anna, &format!("/api/v1/accounts/{carla_on_a}/follow")).await;
    assert_eq!(rel["requested"], true);

    // The request shows up for carla; nothing is accepted yet.
    eventually("the request reaches carla", || async {
        let (_, requests) = b.get_authed("/api/v1/follow_requests", &carla).await;
        requests.as_array().is_some_and(|r| r.len() == 1)
    })
    .await;
    let (_, requests) = b.get_authed("/api/v1/follow_requests", &carla).await;
    let anna_on_b = requests[0]["id"].as_str().unwrap().to_string();
    assert_eq!(requests[0]["acct"], format!("anna@{}", a.domain));
    let (_, me) = b
        .get_authed("/api/v1/accounts/verify_credentials", &carla)
        .await;
    assert_eq!(me["source"]["follow_requests_count"], 1);
    assert_eq!(me["followers_count"], 0);

    let (status, rel) = post(
        &b,
        &carla,
        &format!("/api/v1/follow_requests/{anna_on_b}/authorize"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{rel}");
    assert_eq!(rel["followed_by"], true);
    eventually("anna follows carla on A", || async {
        let (_, rels) = a
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={carla_on_a}"),
                &anna,
            )
            .await;
        rels[0]["following"] == true
    })
    .await;

    // Carla removes anna from her followers; A hears of it.
    let (status, _) = post(
        &b,
        &carla,
        &format!("/api/v1/accounts/{anna_on_b}/remove_from_followers"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("anna no longer follows carla on A", || async {
        let (_, rels) = a
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={carla_on_a}"),
                &anna,
            )
            .await;
        rels[0]["following"] == false && rels[0]["requested"] == false
    })
    .await;
    // Authorizing a request that does not exist is a 404.
    let (status, _) = post(
        &b,
        &carla,
        &format!("/api/v1/follow_requests/{anna_on_b}/authorize"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn local_follows_and_bad_requests() {
    let a = TestInstance::start().await;
    let (anna, anna_id) = person(&a, "anna", Role::Member).await;
    let (bruno, bruno_id) = person(&a, "bruno", Role::Member).await;
    let (_, rel) = post(&a, &anna, &format!("/api/v1/accounts/{bruno_id}/follow")).await;
    assert_eq!(rel["following"], true);
    let (_, rels) = a
        .get_authed(
            &format!("/api/v1/accounts/relationships?id[]={anna_id}"),
            &bruno,
        )
        .await;
    assert_eq!(rels[0]["followed_by"], true);
    let (_, following) = a
        .get_json(&format!("/api/v1/accounts/{anna_id}/following"))
        .await;
    assert_eq!(following[0]["username"], "bruno");
    assert_eq!(following[0]["followers_count"], 1);

    let (status, _) = post(&a, &anna, &format!("/api/v1/accounts/{anna_id}/follow")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post(&a, &anna, "/api/v1/accounts/999999/follow").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let read_only = {
        let password = a.user("carla", Role::Member).await;
        a.token("carla", &password, "read").await
    };
    let (status, _) = post(
        &a,
        &read_only,
        &format!("/api/v1/accounts/{bruno_id}/follow"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let res = a
        .client
        .post(a.url(&format!("/api/v1/accounts/{bruno_id}/follow")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_profile_change_reaches_the_followers_servers_whole() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let (anna, _) = person(&a, "anna", Role::Member).await;
    let (bob, _) = person(&b, "bob", Role::Member).await;
    let anna_on_b = remote_id(&b, &bob, &format!("anna@{}", a.domain)).await;
    let (status, _) = post(&b, &bob, &format!("/api/v1/accounts/{anna_on_b}/follow")).await;
    assert_eq!(status, StatusCode::OK);
    eventually("bob follows anna", || async {
        let (_, rels) = b
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={anna_on_b}"),
                &bob,
            )
            .await;
        rels[0]["following"] == true
    })
    .await;
    // anna's name and bio change; her other facts stay as they were on B.
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&anna)
        .json(&serde_json::json!({"display_name": "Anna Gruber", "note": "Maths in Graz", "school": "BG Graz"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    eventually("B shows anna's new name and bio", || async {
        let (_, seen) = b
            .get_authed(&format!("/api/v1/accounts/{anna_on_b}"), &bob)
            .await;
        seen["display_name"] == "Anna Gruber"
            && seen["note"]
                .as_str()
                .is_some_and(|n| n.contains("Maths in Graz"))
    })
    .await;
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&anna)
        .json(&serde_json::json!({"note": "Maths and physics in Graz"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    eventually("the second change too, and the name is kept", || async {
        let (_, seen) = b
            .get_authed(&format!("/api/v1/accounts/{anna_on_b}"), &bob)
            .await;
        seen["display_name"] == "Anna Gruber"
            && seen["note"].as_str().is_some_and(|n| n.contains("physics"))
    })
    .await;
}

//! The inbox as a Mastodon server uses it, and everything it must refuse.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::{
    harness::{TestInstance, eventually},
    peer::{Peer, verify_signature},
};

/// A fixture with the peer's and target's addresses filled in.
fn fixture(text: &str, peer: &Peer, target: &str) -> String {
    text.replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target}", target)
}

async fn followers_count(a: &TestInstance, name: &str) -> i64 {
    let (_, account) = a
        .get_json(&format!("/api/v1/accounts/lookup?acct={name}"))
        .await;
    account["followers_count"].as_i64().unwrap()
}

#[tokio::test]
async fn a_mastodon_follow_is_accepted_answered_and_undone() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;
    let peer = Peer::start().await;
    let target = a.url("/users/anna");
    let follow = fixture(
        include_str!("../fixtures/mastodon_follow.json"),
        &peer,
        &target,
    );

    let res = peer
        .send(&a.url("/users/anna/inbox"), follow.as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(followers_count(&a, "anna").await, 1);

    // The Accept arrives at the peer's shared inbox, signed by anna.
    eventually("the Accept reaches the peer", || async {
        !peer.inbox_posts().is_empty()
    })
    .await;
    let accept = peer.inbox_posts()[0].clone();
    assert_eq!(accept.path, "/inbox");
    let body = accept.json();
    assert_eq!(body["type"], "Accept");
    assert_eq!(body["actor"], target);
    assert_eq!(
        body["object"]["id"],
        format!("{}/f9a3c2f1-5b0e-4c5e-9d11-6a0b1f1e0f42", peer.base)
    );
    assert_eq!(body["object"]["type"], "Follow");
    assert_eq!(accept.headers["content-type"], "application/activity+json");
    assert!(accept.headers.contains_key("digest"));
    let (_, anna) = a.get_ap("/users/anna").await;
    let key_id = verify_signature(
        &accept.method,
        &accept.path,
        &accept.headers,
        anna["publicKey"]["publicKeyPem"].as_str().unwrap(),
    );
    assert_eq!(key_id, format!("{target}#main-key"));

    // The same activity again is acknowledged and ignored.
    let res = peer.send(&a.url("/inbox"), follow.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(followers_count(&a, "anna").await, 1);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(peer.inbox_posts().len(), 1, "no second Accept");

    let undo = fixture(
        include_str!("../fixtures/mastodon_undo_follow.json"),
        &peer,
        &target,
    );
    let res = peer.send(&a.url("/inbox"), undo.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(followers_count(&a, "anna").await, 0);

    // A profile update makes A fetch the actor again; only an actor updates itself.
    let fetches = || {
        peer.received()
            .iter()
            .filter(|r| r.path == "/users/spy")
            .count()
    };
    let before = fetches();
    let update = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}#updates/1", peer.actor_id),
        "type": "Update",
        "actor": peer.actor_id,
        "object": {"id": peer.actor_id, "type": "Person", "name": "New name"},
    });
    let res = peer
        .send(&a.url("/inbox"), update.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(fetches(), before + 1);
    let spoofed = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}#updates/2", peer.actor_id),
        "type": "Update",
        "actor": peer.actor_id,
        "object": {"id": target, "type": "Person", "name": "Hijacked"},
    });
    let res = peer
        .send(&a.url("/inbox"), spoofed.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // Activities we do not act on yet are acknowledged once their signature holds.
    let like = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}#likes/1", peer.actor_id),
        "type": "Like",
        "actor": peer.actor_id,
        "object": a.url("/users/anna/statuses/1"),
    });
    let res = peer
        .send(&a.url("/inbox"), like.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
}

#[tokio::test]
async fn bad_activities_are_refused_and_change_nothing() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    a.user("anna", Role::Member).await;
    b.user("bob", Role::Member).await;
    let peer = Peer::start().await;
    let target = a.url("/users/anna");
    let inbox = a.url("/users/anna/inbox");
    let follow = |id: &str, actor: &str| {
        json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": id,
            "type": "Follow",
            "actor": actor,
            "object": target,
        })
        .to_string()
    };
    let good_id = format!("{}/follows/1", peer.base);

    // No signature at all.
    let res = a
        .client
        .post(&inbox)
        .header("content-type", "application/activity+json")
        .body(follow(&good_id, &peer.actor_id))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());

    // Signed with a key that is not the actor's.
    let other = activitypub_federation::http_signatures::generate_actor_keypair().unwrap();
    let res = peer
        .send_signed_as(
            &inbox,
            follow(&good_id, &peer.actor_id).as_bytes(),
            &other.private_key,
            &peer.actor_id,
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Claims to come from someone on another server (B's bob), signed by the peer.
    let bob = b.url("/users/bob");
    let res = peer
        .send(
            &inbox,
            follow(&format!("{}/follows/2", b.base), &bob).as_bytes(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // The activity id is on another server than its actor.
    let res = peer
        .send(
            &inbox,
            follow(&format!("{}/follows/3", b.base), &peer.actor_id).as_bytes(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // Not JSON, or not an activity.
    let res = peer.send(&inbox, b"{not json").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = peer.send(&inbox, br#"{"type":"Follow"}"#).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // A body changed after signing (the Digest no longer matches).
    let client = reqwest::Client::new();
    let mut request = client
        .post(&inbox)
        .header("content-type", "application/activity+json")
        .header(
            "digest",
            "SHA-256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        )
        .body(follow(&good_id, &peer.actor_id))
        .build()
        .unwrap();
    request
        .headers_mut()
        .insert("signature", "keyId=\"x\",signature=\"y\"".parse().unwrap());
    let res = client.execute(request).await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // Too large.
    let huge = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": good_id,
        "type": "Follow",
        "actor": peer.actor_id,
        "object": target,
        "padding": "x".repeat(300 * 1024),
    });
    let res = peer.send(&inbox, huge.to_string().as_bytes()).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // An inbox of nobody.
    let res = peer
        .send(
            &a.url("/users/nobody/inbox"),
            follow(&good_id, &peer.actor_id).as_bytes(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A Follow for someone who is not on this instance.
    let wrong_target = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/follows/4", peer.base),
        "type": "Follow",
        "actor": peer.actor_id,
        "object": bob,
    });
    let res = peer
        .send(&a.url("/inbox"), wrong_target.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    assert_eq!(followers_count(&a, "anna").await, 0);
    assert!(peer.inbox_posts().is_empty(), "nothing was answered");
}

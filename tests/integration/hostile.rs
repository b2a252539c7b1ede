//! A hostile server, signing correctly, tries to pull our posts into its
//! community, erase and moderate them, forge what third servers' people did, and
//! slip past the signature rules. Everything it tries is refused and changes
//! nothing; what an honest Group says of its own community still works.

use collegium::{accounts::model::Role, accounts::store as accounts, posts::store as posts};
use reqwest::StatusCode;
use serde_json::{Value, json};
use url::Url;

use crate::{
    fake::{FakeServer, Signing},
    harness::{TestInstance, person, post_json},
};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

async fn status_by_uri(a: &TestInstance, uri: &str) -> Option<posts::Status> {
    posts::find_by_ap_id(&a.state.db, uri).await.unwrap()
}

async fn account_id(a: &TestInstance, ap_id: &str) -> Option<i64> {
    accounts::find_by_ap_id(&a.state.db, &Url::parse(ap_id).unwrap())
        .await
        .unwrap()
        .map(|a| a.id)
}

fn announce(evil: &FakeServer, group: &str, n: &str, object: Value) -> Value {
    json!({
        "id": evil.url(&format!("/announces/{n}")),
        "type": "Announce",
        "actor": group,
        "to": [PUBLIC],
        "cc": [format!("{group}/followers")],
        "object": object,
    })
}

#[tokio::test]
async fn a_hostile_group_can_neither_claim_nor_moderate_our_posts() {
    let a = TestInstance::start().await;
    let alice = person(&a, "alice", Role::Member).await;
    person(&a, "bob", Role::Member).await;
    let evil = FakeServer::start().await;
    let group = evil.actor("club", "Group");
    let insider = evil.actor("insider", "Person");
    let inbox = a.url("/inbox");

    let mut local = Vec::new();
    for (text, visibility) in [
        ("An ordinary public post", "public"),
        ("A secret for @bob only", "direct"),
        ("For my followers", "private"),
    ] {
        let (status, s) = post_json(
            &a,
            &alice,
            "/api/v1/statuses",
            json!({"status": text, "visibility": visibility}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{s}");
        local.push(s["uri"].as_str().unwrap().to_string());
    }
    let (status, case) = post_json(
        &a,
        &alice,
        "/api/collegium/v1/cases",
        crate::cases::report(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{case}");
    let case_id = case["id"].as_str().unwrap().to_string();
    local.push(case["uri"].as_str().unwrap().to_string());

    for (n, uri) in local.iter().enumerate() {
        // The Group claims the post…
        let res = evil
            .send(
                &group,
                &inbox,
                &announce(&evil, &group, &format!("c{n}"), json!(uri)),
            )
            .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        // …then moderates it, through its Announce and straight to us.
        let moderation = [
            json!({"type": "Lock", "object": uri}),
            json!({"type": "Add", "object": uri, "target": format!("{group}/featured")}),
            json!({"type": "Add", "object": uri, "target": format!("{group}/verified")}),
            json!({"type": "Delete", "object": uri, "summary": "spam"}),
        ];
        for (m, mut inner) in moderation.into_iter().enumerate() {
            inner["id"] = json!(evil.url(&format!("/activities/{n}-{m}")));
            inner["actor"] = json!(insider);
            inner["audience"] = json!(group);
            inner["to"] = json!([PUBLIC]);
            let _ = evil
                .send(
                    &group,
                    &inbox,
                    &announce(&evil, &group, &format!("m{n}-{m}"), inner.clone()),
                )
                .await;
            let res = evil.send(&insider, &inbox, &inner).await;
            assert_ne!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        }
    }

    for uri in &local {
        let s = status_by_uri(&a, uri).await.unwrap();
        assert_eq!(s.community_id, None, "{uri} was claimed");
        assert!(!s.locked, "{uri} was locked");
        assert!(s.pinned_at.is_none(), "{uri} was pinned");
        let (status, shown) = a
            .get_authed(&format!("/api/v1/statuses/{}", s.id), &alice)
            .await;
        assert_eq!(status, StatusCode::OK, "{uri} was erased");
        assert!(!shown["content"].as_str().unwrap().is_empty());
    }
    let (_, case) = a
        .get_json(&format!("/api/collegium/v1/cases/{case_id}"))
        .await;
    assert!(case["verified"].is_null(), "{case}");

    // Nothing is listed in the Group's community, to anyone.
    if let Some(id) = account_id(&a, &group).await {
        let (status, threads) = a
            .get_json(&format!("/api/collegium/v1/communities/{id}/posts"))
            .await;
        if status == StatusCode::OK {
            assert_eq!(threads, json!([]));
        }
    }
}

#[tokio::test]
async fn a_group_is_believed_only_about_posts_that_name_it() {
    let a = TestInstance::start().await;
    let evil = FakeServer::start().await;
    let group = evil.actor("club", "Group");
    let ann = evil.actor("ann", "Person");
    let inbox = a.url("/inbox");

    let plain = evil.note(&ann, "plain", json!({}));
    let named = evil.note(
        &ann,
        "named",
        json!({"audience": group, "cc": [group, format!("{ann}/followers")]}),
    );
    let direct = evil.note(&ann, "direct", json!({"to": [group], "cc": []}));
    for (n, note) in [&plain, &named, &direct].into_iter().enumerate() {
        let res = evil
            .send(
                &group,
                &inbox,
                &announce(&evil, &group, &n.to_string(), note["id"].clone()),
            )
            .await;
        assert_ne!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
    let group_id = account_id(&a, &group).await.unwrap();
    let community = |uri: Value| {
        let a = &a;
        async move {
            status_by_uri(a, uri.as_str().unwrap())
                .await
                .and_then(|s| s.community_id)
        }
    };
    assert_eq!(community(plain["id"].clone()).await, None);
    assert_eq!(community(named["id"].clone()).await, Some(group_id));
    assert_eq!(community(direct["id"].clone()).await, None);
    let (_, threads) = a
        .get_json(&format!("/api/collegium/v1/communities/{group_id}/posts"))
        .await;
    let listed: Vec<&str> = threads
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["uri"].as_str().unwrap())
        .collect();
    assert_eq!(listed, vec![named["id"].as_str().unwrap()]);
}

#[tokio::test]
async fn what_a_group_passes_on_from_a_third_server_is_read_from_there() {
    let a = TestInstance::start().await;
    let alice = person(&a, "alice", Role::Member).await;
    let evil = FakeServer::start().await;
    let group = evil.actor("club", "Group");
    let third = FakeServer::start().await;
    let victim = third.actor("victim", "Person");
    let inbox = a.url("/inbox");
    let in_group = json!({"audience": group, "cc": [group]});
    let kept = third.note(&victim, "kept", in_group.clone());
    let gone = third.note(&victim, "gone", in_group.clone());
    let fetchable = third.note(&victim, "fetchable", in_group);
    for (n, note) in [&kept, &gone, &fetchable].into_iter().enumerate() {
        let create = json!({
            "id": third.url(&format!("/activities/create-{n}")),
            "type": "Create",
            "actor": victim,
            "object": note["id"],
        });
        let res = evil
            .send(
                &group,
                &inbox,
                &announce(&evil, &group, &format!("c{n}"), create),
            )
            .await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    let group_id = account_id(&a, &group).await.unwrap();
    for note in [&kept, &gone, &fetchable] {
        let s = status_by_uri(&a, note["id"].as_str().unwrap())
            .await
            .unwrap();
        assert_eq!(s.community_id, Some(group_id));
    }

    // Forged: the third server never sent these, and the post is still there.
    let forged = [
        json!({"id": third.url("/activities/forged-delete"), "type": "Delete",
               "actor": victim, "object": kept["id"]}),
        json!({"id": third.url("/activities/forged-like"), "type": "Like",
               "actor": victim, "object": kept["id"]}),
    ];
    for (n, inner) in forged.into_iter().enumerate() {
        let res = evil
            .send(
                &group,
                &inbox,
                &announce(&evil, &group, &format!("f{n}"), inner),
            )
            .await;
        assert!(res.status().is_success(), "{}", res.status());
    }
    let kept_status = status_by_uri(&a, kept["id"].as_str().unwrap())
        .await
        .unwrap();
    let (status, shown) = a
        .get_authed(&format!("/api/v1/statuses/{}", kept_status.id), &alice)
        .await;
    assert_eq!(status, StatusCode::OK, "a forged Delete erased the post");
    assert_eq!(shown["favourites_count"], 0, "a forged Like counted");

    // True: a Delete its server serves, and one for a post gone from its server.
    let delete = json!({"id": third.url("/activities/delete-1"), "type": "Delete",
                        "actor": victim, "object": fetchable["id"]});
    third.serve(&delete);
    evil.send(&group, &inbox, &announce(&evil, &group, "d1", delete))
        .await;
    third.remove("/notes/gone");
    let unfetchable = json!({"id": third.url("/activities/delete-2"), "type": "Delete",
                             "actor": victim, "object": gone["id"]});
    evil.send(&group, &inbox, &announce(&evil, &group, "d2", unfetchable))
        .await;
    for note in [&fetchable, &gone] {
        assert!(
            status_by_uri(&a, note["id"].as_str().unwrap())
                .await
                .is_none(),
            "{} stays",
            note["id"]
        );
    }
}

#[tokio::test]
async fn signatures_must_cover_our_host_and_now_before_anything_is_fetched() {
    let a = TestInstance::start().await;
    a.user("alice", Role::Member).await;
    let fake = FakeServer::start().await;
    let p = fake.actor("p", "Person");
    let inbox = a.url("/users/alice/inbox");
    let follow = |n: &str| {
        json!({"id": fake.url(&format!("/follows/{n}")), "type": "Follow",
               "actor": p, "object": a.url("/users/alice")})
    };
    let in_two_hours = httpdate::fmt_http_date(
        std::time::SystemTime::now() + std::time::Duration::from_secs(7200),
    );
    let two_hours_ago = httpdate::fmt_http_date(
        std::time::SystemTime::now() - std::time::Duration::from_secs(7200),
    );
    let refused = [
        Signing {
            date: Some(in_two_hours),
            ..Default::default()
        },
        Signing {
            date: Some(two_hours_ago),
            ..Default::default()
        },
        Signing {
            date: Some("yesterday at noon".into()),
            ..Default::default()
        },
        Signing {
            host: Some("other.example".into()),
            ..Default::default()
        },
        Signing {
            headers: "host date digest",
            ..Default::default()
        },
        Signing {
            headers: "(request-target) host digest",
            ..Default::default()
        },
        Signing {
            headers: "(request-target) host date",
            ..Default::default()
        },
    ];
    for (n, signing) in refused.into_iter().enumerate() {
        let body = follow(&n.to_string()).to_string();
        let res = fake.send_signed(&p, &inbox, body.as_bytes(), signing).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "case {n}");
    }
    // Unsigned.
    let body = follow("unsigned").to_string();
    let digest = {
        use base64::Engine;
        use sha2::Digest;
        format!(
            "SHA-256={}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&body))
        )
    };
    let res = reqwest::Client::new()
        .post(&inbox)
        .header("content-type", "application/activity+json")
        .header("digest", digest)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(fake.fetched().is_empty(), "fetched {:?}", fake.fetched());
    assert!(account_id(&a, &p).await.is_none(), "the actor was stored");

    // Rightly signed: accepted.
    let res = fake.send(&p, &inbox, &follow("good")).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);

    // The peer rotates its key: the new one works once its actor is read again
    // (at most once a minute: the test makes our copy older than that), the old
    // one no longer does.
    let old_key = fake.key(&p);
    fake.set_key(&p, "Person");
    let res = fake.send(&p, &inbox, &follow("new-key-too-soon")).await;
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "refetched within a minute"
    );
    let earlier = chrono::Utc::now() - chrono::Duration::minutes(2);
    collegium::with_db!(&a.state.db, |pool| {
        sqlx::query("UPDATE accounts SET fetched_at = $1 WHERE ap_id = $2")
            .bind(earlier)
            .bind(&p)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let res = fake.send(&p, &inbox, &follow("new-key")).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    fake.use_key(&p, &old_key);
    let res = fake.send(&p, &inbox, &follow("old-key")).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn what_we_cannot_read_from_another_server_is_a_4xx_that_quotes_nothing() {
    let a = TestInstance::start().await;
    a.user("alice", Role::Member).await;
    let fake = FakeServer::start().await;
    let inbox = a.url("/inbox");
    let secret = "REMOTE-TEXT-7f3a";

    // Actors that are not actors: an HTML error page, `{}`, no preferredUsername.
    let html = fake.actor("html", "Person");
    fake.serve_raw("/users/html", 404, &format!("<h1>{secret}</h1>"));
    let empty = fake.actor("empty", "Person");
    fake.serve_raw("/users/empty", 200, "{}");
    let nameless = fake.actor("nameless", "Person");
    fake.serve(&json!({"id": nameless, "type": "Person", "summary": secret,
                       "inbox": format!("{nameless}/inbox")}));
    for actor in [&html, &empty, &nameless] {
        let like = json!({"id": format!("{actor}#like"), "type": "Like", "actor": actor,
                          "object": a.url("/users/alice")});
        let res = fake.send(actor, &inbox, &like).await;
        let status = res.status();
        let body = res.text().await.unwrap();
        assert!(status.is_client_error(), "{actor}: {status}");
        assert!(!body.contains(secret), "{body}");
    }

    // A person boosts something that is not a post.
    let p = fake.actor("p", "Person");
    fake.serve_raw("/notes/broken", 200, &format!("{{\"id\": \"{secret}\"}}"));
    let boost = json!({"id": fake.url("/boosts/1"), "type": "Announce", "actor": p,
                       "object": fake.url("/notes/broken")});
    let res = fake.send(&p, &inbox, &boost).await;
    let status = res.status();
    let body = res.text().await.unwrap();
    assert!(status.is_client_error(), "{status}");
    assert!(!body.contains(secret), "{body}");

    // A person boosts a post by embedding its Create: a boost like any other.
    let note = fake.note(&p, "shared", json!({}));
    let boost = json!({"id": fake.url("/boosts/2"), "type": "Announce", "actor": p,
                       "object": {"id": fake.url("/activities/c1"), "type": "Create",
                                  "actor": p, "object": note}});
    let res = fake.send(&p, &inbox, &boost).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let shared = status_by_uri(&a, note["id"].as_str().unwrap())
        .await
        .unwrap();
    let (_, shown) = a.get_json(&format!("/api/v1/statuses/{}", shared.id)).await;
    assert_eq!(shown["reblogs_count"], 1, "{shown}");
}

//! Posts across three instances: each reaches the right people and no one else.

use collegium::{accounts::model::Role, with_db};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    harness::{TestInstance, eventually},
    peer::Peer,
};

async fn person(instance: &TestInstance, name: &str) -> String {
    let password = instance.user(name, Role::Member).await;
    instance.token(name, &password, "read write follow").await
}

async fn post_status(instance: &TestInstance, token: &str, body: Value) -> (StatusCode, Value) {
    let res = instance
        .client
        .post(instance.url("/api/v1/statuses"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// Domains `instance` has queued deliveries of `activity` for.
async fn delivered_to(instance: &TestInstance, activity_prefix: &str) -> Vec<String> {
    with_db!(&instance.state.db, |pool| {
        sqlx::query_scalar(
            "SELECT domain FROM deliveries WHERE activity_id LIKE $1 ORDER BY domain",
        )
        .bind(format!("{activity_prefix}%"))
        .fetch_all(pool)
        .await
    })
    .unwrap()
}

async fn home_contents(instance: &TestInstance, token: &str) -> Vec<String> {
    let (_, home) = instance.get_authed("/api/v1/timelines/home", token).await;
    home.as_array()
        .map(|items| {
            items
                .iter()
                .map(|s| s["content"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn posts_reach_the_right_people_and_no_one_else() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let c = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
    let carol = person(&c, "carol").await;

    // bob@B follows anna@A; carol@C does not.
    let (_, anna_on_b) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=anna@{}", a.domain),
            &bob,
        )
        .await;
    let anna_on_b = anna_on_b["id"].as_str().unwrap().to_string();
    let res = b
        .client
        .post(b.url(&format!("/api/v1/accounts/{anna_on_b}/follow")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
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

    // Public: bob sees it; C is not sent anything.
    let (status, public) = post_status(
        &a,
        &anna,
        json!({"status": "Hello <colleagues> https://school.example/plan", "language": "en"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{public}");
    assert_eq!(public["visibility"], "public");
    assert!(
        public["content"]
            .as_str()
            .unwrap()
            .contains("&lt;colleagues&gt;")
    );
    assert!(
        public["content"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://school.example/plan\"")
    );
    eventually("the public post reaches bob", || async {
        home_contents(&b, &bob)
            .await
            .iter()
            .any(|c| c.contains("Hello"))
    })
    .await;
    let public_uri = public["uri"].as_str().unwrap().to_string();
    assert_eq!(delivered_to(&a, &public_uri).await, vec![b.domain.clone()]);

    // Followers only: bob sees it, C never gets it.
    let (_, private) = post_status(
        &a,
        &anna,
        json!({"status": "Only for followers", "visibility": "private"}),
    )
    .await;
    let private_uri = private["uri"].as_str().unwrap().to_string();
    eventually("the followers-only post reaches bob", || async {
        home_contents(&b, &bob)
            .await
            .iter()
            .any(|c| c.contains("Only for followers"))
    })
    .await;
    assert_eq!(delivered_to(&a, &private_uri).await, vec![b.domain.clone()]);
    let (_, on_b) = b.get_json("/api/v1/timelines/public").await;
    assert!(
        !on_b.as_array().unwrap().iter().any(|s| s["content"]
            .as_str()
            .unwrap()
            .contains("Only for followers")),
        "not shown publicly on B"
    );
    // Not visible to strangers on A either.
    let private_id = private["id"].as_str().unwrap();
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{private_id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = a
        .get_authed(&format!("/api/v1/statuses/{private_id}"), &anna)
        .await;
    assert_eq!(status, StatusCode::OK);

    // Direct: only carol (mentioned) gets it; bob's server is not sent it.
    let (status, direct) = post_status(
        &a,
        &anna,
        json!({"status": format!("@carol@{} a word in private", c.domain), "visibility": "direct"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{direct}");
    assert_eq!(direct["mentions"][0]["acct"], format!("carol@{}", c.domain));
    assert!(
        direct["content"]
            .as_str()
            .unwrap()
            .contains("class=\"u-url mention\"")
    );
    let direct_uri = direct["uri"].as_str().unwrap().to_string();
    eventually("the direct message reaches carol", || async {
        home_contents(&c, &carol)
            .await
            .iter()
            .any(|c| c.contains("a word in private"))
    })
    .await;
    assert_eq!(delivered_to(&a, &direct_uri).await, vec![c.domain.clone()]);
    assert!(
        !home_contents(&b, &bob)
            .await
            .iter()
            .any(|c| c.contains("a word in private"))
    );
    let (_, on_c) = c.get_json("/api/v1/timelines/public").await;
    assert!(
        on_c.as_array().unwrap().is_empty(),
        "a DM is not public on C: {on_c}"
    );

    // A reply from bob, mentioning anna, reaches A in reply to her post.
    let (_, b_home) = b.get_authed("/api/v1/timelines/home", &bob).await;
    let public_on_b = b_home
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["uri"] == public_uri)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, reply) = post_status(
        &b,
        &bob,
        json!({"status": format!("@anna@{} thanks!", a.domain), "in_reply_to_id": public_on_b}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    assert_eq!(reply["in_reply_to_id"], public_on_b);
    eventually("the reply reaches anna", || async {
        home_contents(&a, &anna)
            .await
            .iter()
            .any(|c| c.contains("thanks!"))
    })
    .await;
    let (_, a_home) = a.get_authed("/api/v1/timelines/home", &anna).await;
    let reply_on_a = a_home
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["content"].as_str().unwrap().contains("thanks!"))
        .unwrap()
        .clone();
    assert_eq!(reply_on_a["in_reply_to_id"], public["id"]);
    assert_eq!(reply_on_a["account"]["acct"], format!("bob@{}", b.domain));

    // Deleting reaches bob's server.
    let res = a
        .client
        .delete(a.url(&format!(
            "/api/v1/statuses/{}",
            public["id"].as_str().unwrap()
        )))
        .bearer_auth(&anna)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let deleted: Value = res.json().await.unwrap();
    assert!(
        deleted["text"]
            .as_str()
            .unwrap()
            .starts_with("Hello <colleagues>")
    );
    eventually("the post is gone on B", || async {
        let (status, _) = b
            .get_authed(&format!("/api/v1/statuses/{public_on_b}"), &bob)
            .await;
        status == StatusCode::NOT_FOUND
    })
    .await;
    let (_, info) = a.get_json("/nodeinfo/2.1").await;
    assert_eq!(info["usage"]["localPosts"], 2);
}

#[tokio::test]
async fn writing_posts_checks_its_input() {
    let a = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    for (body, message) in [
        (json!({"status": ""}), "can't be blank"),
        (json!({"status": "x".repeat(5001)}), "limit"),
        (
            json!({"status": "hi", "visibility": "friends"}),
            "Visibility",
        ),
    ] {
        let (status, err) = post_status(&a, &anna, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(err["error"].as_str().unwrap().contains(message), "{err}");
    }
    let (status, _) =
        post_status(&a, &anna, json!({"status": "hi", "in_reply_to_id": "999"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The same Idempotency-Key gives the same post.
    let send = || async {
        a.client
            .post(a.url("/api/v1/statuses"))
            .bearer_auth(&anna)
            .header("Idempotency-Key", "abc-123")
            .form(&[("status", "Once only")])
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    };
    let first = send().await;
    let second = send().await;
    assert_eq!(first["id"], second["id"]);
    let (_, mine) = a
        .get_json(&format!(
            "/api/v1/accounts/{}/statuses",
            first["account"]["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(first["account"]["statuses_count"], 1);

    // Pages: max_id goes back, min_id gives the page just after it.
    let mut ids = vec![first["id"].as_str().unwrap().parse::<i64>().unwrap()];
    for text in ["two", "three"] {
        let (_, s) = post_status(&a, &anna, json!({"status": text})).await;
        ids.push(s["id"].as_str().unwrap().parse().unwrap());
    }
    let (_, page) = a
        .get_authed(
            &format!("/api/v1/timelines/home?limit=1&min_id={}", ids[0]),
            &anna,
        )
        .await;
    assert_eq!(page[0]["id"], ids[1].to_string());
    let (_, page) = a
        .get_authed(
            &format!("/api/v1/timelines/home?limit=1&since_id={}", ids[0]),
            &anna,
        )
        .await;
    assert_eq!(page[0]["id"], ids[2].to_string());
    let res = a
        .client
        .get(a.url(&format!("/api/v1/timelines/home?limit=2&max_id={}", ids[2])))
        .bearer_auth(&anna)
        .send()
        .await
        .unwrap();
    let link = res.headers()["link"].to_str().unwrap().to_string();
    assert!(
        link.contains(&format!("max_id={}>; rel=\"next\"", ids[0])),
        "{link}"
    );
    let page: Value = res.json().await.unwrap();
    assert_eq!(page.as_array().unwrap().len(), 2);

    let read_only = {
        let password = a.user("bruno", Role::Member).await;
        a.token("bruno", &password, "read").await
    };
    let write_only = {
        let password = a.user("cleo", Role::Member).await;
        a.token("cleo", &password, "write").await
    };
    let (status, _) = a
        .get_authed(&format!("/api/v1/statuses/{}", ids[0]), &write_only)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "reading needs read:statuses");
    let (status, _) = post_status(&a, &read_only, json!({"status": "hi"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, anna_account) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    let res = a
        .client
        .delete(a.url(&format!(
            "/api/v1/statuses/{}",
            first["id"].as_str().unwrap()
        )))
        .bearer_auth(&read_only)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(anna_account["statuses_count"], 3);
}

#[tokio::test]
async fn a_mastodon_post_is_stored_sanitised_and_shown_to_the_mentioned() {
    let a = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let peer = Peer::start().await;
    let target = a.url("/users/anna");
    let create = include_str!("../fixtures/mastodon_create_note.json")
        .replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target_host}", &a.domain)
        .replace("{target}", &target);
    let res = peer.send(&a.url("/inbox"), create.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let home = home_contents(&a, &anna).await;
    assert_eq!(home.len(), 1, "the mention puts it in anna's home");
    assert!(home[0].contains("geometry"));
    assert!(!home[0].contains("<script"));
    let (_, public) = a.get_json("/api/v1/timelines/public").await;
    assert_eq!(public[0]["language"], "en");
    assert_eq!(public[0]["visibility"], "public");
    assert_eq!(public[0]["mentions"][0]["username"], "anna");
    assert_eq!(
        public[0]["url"],
        format!("{}/@spy/113581020393749151", peer.base)
    );
    let (_, local) = a.get_json("/api/v1/timelines/public?local=true").await;
    assert!(local.as_array().unwrap().is_empty());
    let (_, remote) = a.get_json("/api/v1/timelines/public?remote=true").await;
    assert_eq!(remote.as_array().unwrap().len(), 1);

    // Only the author may delete it.
    let forged_delete = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/users/eve#delete", a.base),
        "type": "Delete",
        "actor": format!("{}/users/eve", a.base),
        "object": format!("{}/statuses/113581020393749151", peer.actor_id),
    });
    let res = peer
        .send(&a.url("/inbox"), forged_delete.to_string().as_bytes())
        .await;
    assert!(res.status().is_client_error());
    let delete = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/statuses/113581020393749151#delete", peer.actor_id),
        "type": "Delete",
        "actor": peer.actor_id,
        "object": {"id": format!("{}/statuses/113581020393749151", peer.actor_id), "type": "Tombstone"},
    });
    let res = peer
        .send(&a.url("/inbox"), delete.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert!(home_contents(&a, &anna).await.is_empty());
}

#[tokio::test]
async fn likes_edits_and_threads_federate() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
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
    let (_, post) = post_status(&a, &anna, json!({"status": "First draft"})).await;
    let post_id = post["id"].as_str().unwrap().to_string();
    let mut on_b = String::new();
    eventually("the post reaches B", || async {
        !home_contents(&b, &bob).await.is_empty()
    })
    .await;
    let (_, home) = b.get_authed("/api/v1/timelines/home", &bob).await;
    on_b.push_str(home[0]["id"].as_str().unwrap());

    // A like from B reaches A, and its undo too.
    let res = b
        .client
        .post(b.url(&format!("/api/v1/statuses/{on_b}/favourite")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let liked: Value = res.json().await.unwrap();
    assert_eq!(liked["favourited"], true);
    assert_eq!(liked["favourites_count"], 1);
    eventually("the like reaches A", || async {
        let (_, s) = a
            .get_authed(&format!("/api/v1/statuses/{post_id}"), &anna)
            .await;
        s["favourites_count"] == 1
    })
    .await;
    let (_, by) = a
        .get_json(&format!("/api/v1/statuses/{post_id}/favourited_by"))
        .await;
    assert_eq!(by[0]["acct"], format!("bob@{}", b.domain));
    b.client
        .post(b.url(&format!("/api/v1/statuses/{on_b}/unfavourite")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    eventually("the unlike reaches A", || async {
        let (_, s) = a
            .get_authed(&format!("/api/v1/statuses/{post_id}"), &anna)
            .await;
        s["favourites_count"] == 0
    })
    .await;

    // An edit reaches B, with its history.
    let res = a
        .client
        .put(a.url(&format!("/api/v1/statuses/{post_id}")))
        .bearer_auth(&anna)
        .json(&json!({"status": "Final version"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.unwrap();
    assert!(edited["edited_at"].is_string());
    eventually("the edit reaches B", || async {
        let (_, s) = b
            .get_authed(&format!("/api/v1/statuses/{on_b}"), &bob)
            .await;
        s["content"]
            .as_str()
            .unwrap_or_default()
            .contains("Final version")
    })
    .await;
    let (_, history) = b
        .get_json(&format!("/api/v1/statuses/{on_b}/history"))
        .await;
    let versions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["content"].as_str().unwrap())
        .collect();
    assert_eq!(versions.len(), 2);
    assert!(versions[0].contains("First draft") && versions[1].contains("Final version"));
    let (_, source) = a
        .get_authed(&format!("/api/v1/statuses/{post_id}/source"), &anna)
        .await;
    assert_eq!(source["text"], "Final version");

    // Only the author edits.
    let res = b
        .client
        .put(b.url(&format!("/api/v1/statuses/{on_b}")))
        .bearer_auth(&bob)
        .json(&json!({"status": "Hijacked"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A reply from B shows in the thread on both sides.
    let (_, reply) = post_status(
        &b,
        &bob,
        json!({"status": format!("@anna@{} nice", a.domain), "in_reply_to_id": on_b}),
    )
    .await;
    let (_, context) = b
        .get_json(&format!(
            "/api/v1/statuses/{}/context",
            reply["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(context["ancestors"][0]["id"], on_b);
    eventually("the reply is in A's thread", || async {
        let (_, context) = a
            .get_json(&format!("/api/v1/statuses/{post_id}/context"))
            .await;
        context["descendants"]
            .as_array()
            .is_some_and(|d| d.len() == 1 && d[0]["content"].as_str().unwrap().contains("nice"))
    })
    .await;
    let (_, s) = a.get_json(&format!("/api/v1/statuses/{post_id}")).await;
    assert_eq!(s["replies_count"], 1);
}

/// `follower` on `their` instance follows `acct` and waits until accepted.
async fn follow_and_wait(their: &TestInstance, token: &str, acct: &str) {
    let (_, target) = their
        .get_authed(&format!("/api/v1/accounts/lookup?acct={acct}"), token)
        .await;
    let id = target["id"].as_str().unwrap().to_string();
    their
        .client
        .post(their.url(&format!("/api/v1/accounts/{id}/follow")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    eventually("the follow is accepted", || async {
        let (_, rels) = their
            .get_authed(&format!("/api/v1/accounts/relationships?id[]={id}"), token)
            .await;
        rels[0]["following"] == true
    })
    .await;
}

#[tokio::test]
async fn boosts_travel_to_the_boosters_followers() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let c = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
    let carol = person(&c, "carol").await;
    follow_and_wait(&b, &bob, &format!("anna@{}", a.domain)).await;
    follow_and_wait(&c, &carol, &format!("bob@{}", b.domain)).await;

    let (_, post) = post_status(&a, &anna, json!({"status": "Worth sharing"})).await;
    let post_id = post["id"].as_str().unwrap().to_string();
    eventually("the post reaches B", || async {
        !home_contents(&b, &bob).await.is_empty()
    })
    .await;
    let (_, home) = b.get_authed("/api/v1/timelines/home", &bob).await;
    let on_b = home[0]["id"].as_str().unwrap().to_string();

    let res = b
        .client
        .post(b.url(&format!("/api/v1/statuses/{on_b}/reblog")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let boost: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{boost}");
    assert_eq!(boost["reblog"]["id"], on_b);
    assert_eq!(boost["reblog"]["reblogged"], true);

    // C never had anna's post: it fetches it to show bob's boost.
    eventually("carol sees the boost", || async {
        let (_, home) = c.get_authed("/api/v1/timelines/home", &carol).await;
        home.as_array().is_some_and(|h| {
            h.iter().any(|s| {
                s["reblog"]["content"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("Worth sharing")
                    && s["account"]["acct"] == format!("bob@{}", b.domain)
            })
        })
    })
    .await;
    eventually("A counts the boost", || async {
        let (_, s) = a.get_json(&format!("/api/v1/statuses/{post_id}")).await;
        s["reblogs_count"] == 1
    })
    .await;
    let (_, by) = a
        .get_json(&format!("/api/v1/statuses/{post_id}/reblogged_by"))
        .await;
    assert_eq!(by[0]["acct"], format!("bob@{}", b.domain));
    let (_, public_on_c) = c.get_json("/api/v1/timelines/public").await;
    assert!(
        public_on_c
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["reblog"].is_null()),
        "boosts are not in public timelines"
    );

    b.client
        .post(b.url(&format!("/api/v1/statuses/{on_b}/unreblog")))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    eventually("the boost is gone on C and A", || async {
        let (_, home) = c.get_authed("/api/v1/timelines/home", &carol).await;
        let (_, s) = a.get_json(&format!("/api/v1/statuses/{post_id}")).await;
        home.as_array().is_some_and(|h| h.is_empty()) && s["reblogs_count"] == 0
    })
    .await;

    // Followers-only posts cannot be boosted.
    let (_, private) = post_status(
        &a,
        &anna,
        json!({"status": "Ours only", "visibility": "private"}),
    )
    .await;
    let res = a
        .client
        .post(a.url(&format!(
            "/api/v1/statuses/{}/reblog",
            private["id"].as_str().unwrap()
        )))
        .bearer_auth(&anna)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn hashtags_link_federate_and_have_timelines() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
    follow_and_wait(&b, &bob, &format!("anna@{}", a.domain)).await;
    let (_, post) = post_status(
        &a,
        &anna,
        json!({"status": "Our #STEM club meets today #Robotics"}),
    )
    .await;
    assert!(post["content"].as_str().unwrap().contains(&format!(
        "<a href=\"{}/tags/stem\" class=\"mention hashtag\" rel=\"tag\">#<span>STEM</span></a>",
        a.base
    )));
    let names: Vec<&str> = post["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["robotics", "stem"]);
    let (_, note) = a
        .get_ap(&format!(
            "/users/anna/statuses/{}",
            post["id"].as_str().unwrap()
        ))
        .await;
    assert!(
        note["tag"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["type"] == "Hashtag" && t["name"] == "#stem")
    );

    eventually("B files the post under #stem", || async {
        let (_, tagged) = b.get_json("/api/v1/timelines/tag/stem").await;
        tagged.as_array().is_some_and(|t| t.len() == 1)
    })
    .await;
    let (_, local_only) = b.get_json("/api/v1/timelines/tag/stem?local=true").await;
    assert!(local_only.as_array().unwrap().is_empty());
    let (_, none) = b.get_json("/api/v1/timelines/tag/nothing_here").await;
    assert!(none.as_array().unwrap().is_empty());

    let page = a.client.get(a.url("/tags/STEM")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<h1>#stem</h1>"));
    assert!(html.contains("club meets today"));
}

#[tokio::test]
async fn search_finds_and_resolves_people_posts_and_hashtags() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
    let (_, bob_post) = post_status(&b, &bob, json!({"status": "A #geometry worksheet"})).await;
    let acct = format!("bob@{}", b.domain);

    // Strangers cannot make A fetch; anna can.
    let (_, found) = a
        .get_json(&format!("/api/v2/search?q={acct}&resolve=true"))
        .await;
    assert_eq!(found["accounts"], json!([]));
    let (status, found) = a
        .get_authed(&format!("/api/v2/search?q={acct}&resolve=true"), &anna)
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["accounts"][0]["acct"], acct);
    let (_, by_name) = a.get_json("/api/v1/accounts/search?q=bo").await;
    assert_eq!(by_name[0]["acct"], acct);
    let (_, mine) = a.get_json("/api/v2/search?q=ann&type=accounts").await;
    assert_eq!(mine["accounts"][0]["username"], "anna");

    // A post by its address, fetched from B.
    let uri = bob_post["uri"].as_str().unwrap();
    let (_, found) = a
        .get_authed(
            &format!("/api/v2/search?q={uri}&resolve=true&type=statuses"),
            &anna,
        )
        .await;
    assert!(
        found["statuses"][0]["content"]
            .as_str()
            .unwrap()
            .contains("worksheet")
    );
    assert_eq!(found["statuses"][0]["account"]["acct"], acct);
    let (_, tags) = a.get_json("/api/v2/search?q=%23geo&type=hashtags").await;
    assert_eq!(tags["hashtags"][0]["name"], "geometry");

    let (status, _) = a.get_json("/api/v2/search?q=").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, nothing) = a.get_json("/api/v2/search?q=%25").await;
    assert_eq!(nothing["accounts"], json!([]));
}

#[tokio::test]
async fn a_reply_brings_its_parent_along() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let c = TestInstance::start().await;
    let anna = person(&a, "anna").await;
    let bob = person(&b, "bob").await;
    let carol = person(&c, "carol").await;
    let (_, original) = post_status(&a, &anna, json!({"status": "Original idea"})).await;
    let uri = original["uri"].as_str().unwrap();
    let (_, found) = b
        .get_authed(
            &format!("/api/v2/search?q={uri}&resolve=true&type=statuses"),
            &bob,
        )
        .await;
    let on_b = found["statuses"][0]["id"].as_str().unwrap().to_string();
    follow_and_wait(&c, &carol, &format!("bob@{}", b.domain)).await;
    let (status, _) = post_status(
        &b,
        &bob,
        json!({"status": "Building on it", "in_reply_to_id": on_b}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("the reply reaches carol", || async {
        home_contents(&c, &carol)
            .await
            .iter()
            .any(|s| s.contains("Building on it"))
    })
    .await;
    let (_, home) = c.get_authed("/api/v1/timelines/home", &carol).await;
    let reply_id = home[0]["id"].as_str().unwrap().to_string();
    let (_, context) = c
        .get_authed(&format!("/api/v1/statuses/{reply_id}/context"), &carol)
        .await;
    assert!(
        context["ancestors"][0]["content"]
            .as_str()
            .unwrap()
            .contains("Original idea")
    );
    assert_eq!(home[0]["in_reply_to_id"], context["ancestors"][0]["id"]);
}

#[tokio::test]
async fn bookmarks_likes_and_markers_are_ones_own_and_follow_the_visibility_rule() {
    let a = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    let ben = person(&a, "ben").await;
    let (_, public) = post_status(&a, &amy, json!({"status": "Open to all"})).await;
    let (_, private) = post_status(
        &a,
        &amy,
        json!({"status": "Followers only", "visibility": "private"}),
    )
    .await;
    let id = |s: &Value| s["id"].as_str().unwrap().to_string();
    let (public, private) = (id(&public), id(&private));
    let post = |token: &str, path: String| {
        let request = a.client.post(a.url(&path)).bearer_auth(token);
        async move { request.send().await.unwrap() }
    };

    // A post one may not see cannot be kept, and is not listed by id.
    let res = post(&ben, format!("/api/v1/statuses/{private}/bookmark")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = post(&ben, format!("/api/v1/statuses/{public}/bookmark")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["bookmarked"], true);
    let (_, seen) = a
        .get_authed(
            &format!("/api/v1/statuses?id[]={public}&id[]={private}&id[]=999999"),
            &ben,
        )
        .await;
    assert_eq!(seen.as_array().unwrap().len(), 1, "{seen}");
    let (_, own) = a
        .get_authed(
            &format!("/api/v1/statuses?id[]={public}&id[]={private}"),
            &amy,
        )
        .await;
    assert_eq!(own.as_array().unwrap().len(), 2, "{own}");
    assert_eq!(
        own[0]["bookmarked"], false,
        "a bookmark is its keeper's alone"
    );

    // One's own list; not another's; a deleted post leaves it.
    let (_, kept) = a.get_authed("/api/v1/bookmarks", &ben).await;
    assert_eq!(kept.as_array().unwrap().len(), 1);
    let (_, none) = a.get_authed("/api/v1/bookmarks", &amy).await;
    assert_eq!(none, json!([]));
    let res = a
        .client
        .delete(a.url(&format!("/api/v1/statuses/{public}")))
        .bearer_auth(&amy)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, kept) = a.get_authed("/api/v1/bookmarks", &ben).await;
    assert_eq!(kept, json!([]));
    let (status, _) = a.get_json("/api/v1/bookmarks").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Markers: a bad position changes nothing; versions count up.
    let set = |body: Value| {
        let request = a
            .client
            .post(a.url("/api/v1/markers"))
            .bearer_auth(&ben)
            .json(&body);
        async move { request.send().await.unwrap() }
    };
    let res =
        set(json!({"home": {"last_read_id": "12"}, "notifications": {"last_read_id": "x"}})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, markers) = a
        .get_authed(
            "/api/v1/markers?timeline[]=home&timeline[]=notifications",
            &ben,
        )
        .await;
    assert_eq!(markers, json!({}), "nothing was written");
    let res = set(json!({"home": {"last_read_id": "12"}})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = set(json!({"home": {"last_read_id": "10"}})).await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["home"]["last_read_id"], "10");
    assert_eq!(body["home"]["version"], 2);
    let (_, markers) = a
        .get_authed("/api/v1/markers?timeline[]=notifications", &ben)
        .await;
    assert_eq!(markers, json!({}), "only what is asked for");
    let (_, theirs) = a.get_authed("/api/v1/markers?timeline[]=home", &amy).await;
    assert_eq!(theirs, json!({}));
}

#[tokio::test]
async fn what_an_app_sends_that_is_not_done_yet_is_refused_by_name() {
    let a = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    for (body, named) in [
        (
            json!({"status": "With a picture", "media_ids": ["1"]}),
            "media_ids",
        ),
        (
            json!({"status": "Vote!", "poll": {"options": ["a", "b"], "expires_in": 3600}}),
            "poll",
        ),
        (
            json!({"status": "Later", "scheduled_at": "2030-01-01T00:00:00Z"}),
            "scheduled_at",
        ),
    ] {
        let (status, error) = post_status(&a, &amy, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{named}");
        assert!(error["error"].as_str().unwrap().contains(named), "{error}");
    }
    let (_, mine) = a.get_authed("/api/v1/timelines/home", &amy).await;
    assert_eq!(mine, json!([]), "nothing was posted");
    // An empty list is no attachment: the post goes out.
    let (status, _) = post_status(&a, &amy, json!({"status": "Text only", "media_ids": []})).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn pins_and_the_filters_of_an_accounts_posts() {
    let a = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    let ben = person(&a, "ben").await;
    let id = |s: &Value| s["id"].as_str().unwrap().to_string();
    let (_, first) = post_status(&a, &amy, json!({"status": "Fractions #maths"})).await;
    let (_, reply) = post_status(
        &a,
        &amy,
        json!({"status": "More on it", "in_reply_to_id": id(&first)}),
    )
    .await;
    let (_, bens) = post_status(&a, &ben, json!({"status": "Ben's"})).await;
    let (_, answer) = post_status(
        &a,
        &amy,
        json!({"status": "@ben thanks", "in_reply_to_id": id(&bens)}),
    )
    .await;
    let post = |token: &str, path: String| {
        let request = a.client.post(a.url(&path)).bearer_auth(token);
        async move { request.send().await.unwrap() }
    };
    let res = post(&amy, format!("/api/v1/statuses/{}/pin", id(&first))).await;
    assert_eq!(res.status(), StatusCode::OK);
    let pinned: Value = res.json().await.unwrap();
    assert_eq!(pinned["pinned"], true);
    let res = post(&amy, format!("/api/v1/statuses/{}/pin", id(&bens))).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not one's own"
    );
    let (_, seen_by_ben) = a
        .get_authed(&format!("/api/v1/statuses/{}", id(&first)), &ben)
        .await;
    assert!(
        seen_by_ben.get("pinned").is_none(),
        "only the author is told"
    );

    let (_, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &amy)
        .await;
    let instance = &a;
    let list = |query: &str| {
        let path = format!(
            "/api/v1/accounts/{}/statuses{query}",
            me["id"].as_str().unwrap()
        );
        async move {
            let (_, body) = instance.get_json(&path).await;
            body.as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list("?pinned=true").await, [id(&first)]);
    assert_eq!(
        list("?exclude_replies=true").await,
        [id(&reply), id(&first)],
        "a reply to oneself stays, one to another goes"
    );
    assert_eq!(list("?tagged=maths").await, [id(&first)]);
    assert_eq!(list("?only_media=true").await, Vec::<String>::new());
    assert_eq!(list("").await.len(), 3);
    let (status, _) = a
        .get_json(&format!(
            "/api/v1/accounts/{}/statuses?tagged=%23%23",
            me["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // At most five; unpinning frees a place.
    for n in 0..4 {
        let (_, s) = post_status(&a, &amy, json!({"status": format!("pin {n}")})).await;
        let res = post(&amy, format!("/api/v1/statuses/{}/pin", id(&s))).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = post(&amy, format!("/api/v1/statuses/{}/pin", id(&answer))).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a sixth");
    let res = post(&amy, format!("/api/v1/statuses/{}/unpin", id(&first))).await;
    let unpinned: Value = res.json().await.unwrap();
    assert_eq!(unpinned["pinned"], false);
    assert_eq!(list("?pinned=true").await.len(), 4);
}

//! Learning communities across instances: Group actors that people on other
//! Collegium instances and on Mastodon join, post into and see moderated.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    harness::{TestInstance, eventually, multipart, person, post_json, upload},
    peer::Peer,
};

const API: &str = "/api/collegium/v1/communities";

/// A facilitator opens the STEM community; returns its id.
async fn open_community(a: &TestInstance, token: &str) -> String {
    let (status, community) = post_json(
        a,
        token,
        API,
        json!({
            "name": "stem_crossborder",
            "title": "STEM teachers cross-border",
            "summary": "Robotics, maths and science across borders.",
            "rules": "Be kind.\nShare what you can.",
            "languages": ["de", "it"],
            "country": "AT",
            "region": "Tyrol",
            "topics": ["STEM"],
        }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    community["id"].as_str().unwrap().to_string()
}

/// Someone on `their` instance finds the community by its handle and joins it;
/// returns the community's id on their instance.
async fn join_remote(their: &TestInstance, token: &str, home: &TestInstance) -> String {
    let (status, community) = their
        .get_authed(
            &format!("{API}/lookup?acct=@stem_crossborder@{}", home.domain),
            token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    assert_eq!(community["local"], false);
    assert_eq!(community["title"], "STEM teachers cross-border");
    assert_eq!(community["languages"], json!(["de", "it"]));
    let id = community["id"].as_str().unwrap().to_string();
    let (status, joined) = post_json(their, token, &format!("{API}/{id}/join"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{joined}");
    eventually("the community accepts the member", || async {
        let (_, c) = their.get_authed(&format!("{API}/{id}"), token).await;
        c["membership"] == "member"
    })
    .await;
    id
}

async fn titles(instance: &TestInstance, id: &str) -> Vec<String> {
    let (_, posts) = instance.get_json(&format!("{API}/{id}/posts")).await;
    posts
        .as_array()
        .map(|p| {
            p.iter()
                .map(|s| {
                    s["collegium"]["title"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn thread_id(instance: &TestInstance, id: &str, title: &str) -> Option<String> {
    let (_, posts) = instance.get_json(&format!("{API}/{id}/posts")).await;
    posts.as_array()?.iter().find_map(|s| {
        (s["collegium"]["title"] == title).then(|| s["id"].as_str().unwrap_or_default().to_string())
    })
}

async fn comments(instance: &TestInstance, status_id: &str) -> Vec<String> {
    let (_, context) = instance
        .get_json(&format!("/api/v1/statuses/{status_id}/context"))
        .await;
    context["descendants"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|s| s["content"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_community_federates_across_three_instances() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let c = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let bea = person(&b, "bea", Role::Member).await;
    let carl = person(&c, "carl", Role::Member).await;

    // Members cannot open communities; facilitators can.
    let (status, _) = post_json(&b, &bea, API, json!({"name": "x", "title": "X"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let id_a = open_community(&a, &fran).await;

    // WebFinger and the Group document.
    let (status, finger) = a
        .get_json(&format!(
            "/.well-known/webfinger?resource=acct:stem_crossborder@{}",
            a.domain
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(finger["links"][1]["href"], a.url("/c/stem_crossborder"));
    let (status, group) = a.get_ap("/c/stem_crossborder").await;
    assert_eq!(status, StatusCode::OK, "{group}");
    assert_eq!(group["type"], "Group");
    assert_eq!(group["name"], "STEM teachers cross-border");
    assert_eq!(
        group["attributedTo"],
        a.url("/c/stem_crossborder/moderators")
    );
    assert_eq!(group["featured"], a.url("/c/stem_crossborder/featured"));
    assert_eq!(group["postingRestrictedToMods"], false);
    assert_eq!(group["manuallyApprovesFollowers"], false);
    assert_eq!(group["country"], "AT");
    let (_, moderators) = a.get_ap("/c/stem_crossborder/moderators").await;
    assert_eq!(moderators["orderedItems"], json!([a.url("/users/fran")]));
    // In the Mastodon API it is an account with group: true.
    let (_, account) = a
        .get_json("/api/v1/accounts/lookup?acct=stem_crossborder")
        .await;
    assert_eq!(account["group"], true);

    // A thread from before B joined comes along (from the outbox) when B joins.
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/posts"),
        json!({"title": "Welcome", "body": "Introduce yourselves!"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let id_b = join_remote(&b, &bea, &a).await;
    eventually("B reads the community's history", || async {
        titles(&b, &id_b).await.contains(&"Welcome".to_string())
    })
    .await;
    // It was work for B's durable queue, done once, not a task that a restart loses.
    eventually("the queued backfill is marked done", || async {
        let done: Vec<String> = collegium::with_db!(&b.state.db, |pool| sqlx::query_scalar(
            "SELECT state FROM deliveries WHERE kind = 'backfill'"
        )
        .fetch_all(pool)
        .await)
        .unwrap();
        done == ["delivered"]
    })
    .await;
    let id_c = join_remote(&c, &carl, &a).await;

    // The directory filters, here and for known remote communities on B.
    for (instance, query, found) in [
        (&a, "?q=stem&language=de&country=AT&topic=stem", true),
        (&a, "?q=STEM%20teachers", true),
        (&a, "?language=fr", false),
        (&a, "?country=IT", false),
        (&b, "?q=stem", true),
        (&b, "?q=stem&local=true", false),
        (&a, "?q=100%25_", false),
    ] {
        let (status, list) = instance.get_json(&format!("{API}{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}: {list}");
        assert_eq!(
            list.as_array().unwrap().len(),
            usize::from(found),
            "{query}: {list}"
        );
    }
    let (status, _) = a.get_json(&format!("{API}?limit=lots")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The pages: the directory and the community with its threads.
    let page = a
        .client
        .get(a.url("/communities?language=de"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("STEM teachers cross-border")
    );
    let page = a
        .client
        .get(a.url("/c/stem_crossborder"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Welcome") && html.contains("Be kind."),
        "{html}"
    );
    let (_, on_a) = a.get_json(&format!("{API}/{id_a}")).await;
    // The facilitator who opened it and the two who joined.
    assert_eq!(on_a["members_count"], 3);

    // A thread from C reaches B through the community.
    let (status, thread) = post_json(
        &c,
        &carl,
        &format!("{API}/{id_c}/posts"),
        json!({"title": "Robotics club", "body": "We built line followers with year 7."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    assert_eq!(thread["collegium"]["title"], "Robotics club");
    let thread_on_c = thread["id"].as_str().unwrap().to_string();
    eventually("the thread is in the community on A", || async {
        titles(&a, &id_a)
            .await
            .contains(&"Robotics club".to_string())
    })
    .await;
    eventually("the thread reaches B", || async {
        titles(&b, &id_b)
            .await
            .contains(&"Robotics club".to_string())
    })
    .await;
    let thread_on_b = thread_id(&b, &id_b, "Robotics club").await.unwrap();
    let (_, shown) = b.get_json(&format!("/api/v1/statuses/{thread_on_b}")).await;
    assert!(
        shown["content"]
            .as_str()
            .unwrap()
            .contains("line followers")
    );
    // The title is one line at the head, not repeated from the sent content.
    let content = shown["content"].as_str().unwrap();
    assert!(content.starts_with("<p><strong>Robotics club</strong></p>"));
    assert_eq!(content.matches("Robotics club").count(), 1, "{content}");

    // bea reports it: the community's instance keeps the report for its facilitators.
    let (status, report) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/reports"),
        json!({"status_id": thread_on_b, "reason": "Is this an advert?"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    eventually("A gets the report", || async {
        let (_, reports) = a.get_authed(&format!("{API}/{id_a}/reports"), &fran).await;
        reports[0]["reason"] == "Is this an advert?"
    })
    .await;
    let (status, _) = a.get_authed(&format!("{API}/{id_a}/reports"), &bea).await;
    assert!(status.is_client_error());

    // A comment from B reaches C.
    let (status, comment) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/posts"),
        json!({"in_reply_to_id": thread_on_b, "body": "Great idea, we will try it"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{comment}");
    let comment_on_b = comment["id"].as_str().unwrap().to_string();
    eventually("the comment reaches C", || async {
        comments(&c, &thread_on_c)
            .await
            .iter()
            .any(|t| t.contains("Great idea"))
    })
    .await;

    // The facilitator removes the comment: gone on B and C, logged on A.
    let thread_on_a = thread_id(&a, &id_a, "Robotics club").await.unwrap();
    let comment_on_a = {
        let (_, context) = a
            .get_json(&format!("/api/v1/statuses/{thread_on_a}/context"))
            .await;
        context["descendants"][0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // The community's page lists the thread with its author and comment count,
    // as does its API.
    let html = a
        .client
        .get(a.url("/c/stem_crossborder"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Robotics club") && html.contains("by @carl@") && html.contains("1 comment<"),
        "{html}"
    );
    let (_, threads) = a.get_json(&format!("{API}/{id_a}/posts")).await;
    let listed = threads
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == thread_on_a.as_str())
        .unwrap();
    assert_eq!(listed["collegium"]["comments_count"], 1, "{listed}");
    // Nobody else may.
    let (status, _) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/posts/{comment_on_b}/remove"),
        json!({"reason": "mine"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, removed) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/posts/{comment_on_a}/remove"),
        json!({"reason": "Off topic"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    eventually("the removal reaches C", || async {
        comments(&c, &thread_on_c).await.is_empty()
    })
    .await;
    eventually("the removal reaches B", || async {
        b.get_json(&format!("/api/v1/statuses/{comment_on_b}"))
            .await
            .0
            == StatusCode::NOT_FOUND
    })
    .await;
    let html = a
        .client
        .get(a.url("/c/stem_crossborder"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("0 comments") && html.contains("remove post by @fran"),
        "{html}"
    );
    let (_, log) = a.get_json(&format!("{API}/{id_a}/moderation_log")).await;
    assert_eq!(log[0]["action"], "remove_post");
    assert_eq!(log[0]["reason"], "Off topic");
    assert_eq!(log[0]["moderator"], "fran");

    // Pinning reaches C; a new facilitator (bea, on B) shows in the moderators collection.
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/posts/{thread_on_a}/pin"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("the pin reaches C", || async {
        let (_, posts) = c.get_json(&format!("{API}/{id_c}/posts")).await;
        posts[0]["collegium"]["pinned"] == true && posts[0]["id"] == thread_on_c
    })
    .await;
    let (_, bea_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bea@{}", b.domain),
            &fran,
        )
        .await;
    let (status, with_bea) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/facilitators"),
        json!({"account_id": bea_on_a["id"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{with_bea}");
    assert_eq!(with_bea["facilitators"].as_array().unwrap().len(), 2);
    let (_, moderators) = a.get_ap("/c/stem_crossborder/moderators").await;
    assert_eq!(moderators["totalItems"], 2);
    eventually("C learns of the new facilitator", || async {
        let (_, community) = c.get_json(&format!("{API}/{id_c}")).await;
        community["facilitators"]
            .as_array()
            .is_some_and(|f| f.iter().any(|x| x["acct"] == format!("bea@{}", b.domain)))
    })
    .await;
    let (status, _) = a
        .client
        .delete(a.url(&format!(
            "{API}/{id_a}/facilitators/{}",
            bea_on_a["id"].as_str().unwrap()
        )))
        .bearer_auth(&fran)
        .send()
        .await
        .map(|r| (r.status(), ()))
        .unwrap();
    assert_eq!(status, StatusCode::OK);

    // Lock: C learns of it and refuses comments itself.
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/posts/{thread_on_a}/lock"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("the lock reaches C", || async {
        let (_, posts) = c.get_json(&format!("{API}/{id_c}/posts")).await;
        posts[0]["collegium"]["locked"] == true
    })
    .await;
    let (status, refused) = post_json(
        &c,
        &carl,
        &format!("{API}/{id_c}/posts"),
        json!({"in_reply_to_id": thread_on_c, "body": "One more thing"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert!(refused["error"].as_str().unwrap().contains("locked"));

    // A ban on carl: C learns of it, and carl's new posts are refused.
    let (_, carl_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=carl@{}", c.domain),
            &fran,
        )
        .await;
    let (status, ban) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/bans"),
        json!({"account_id": carl_on_a["id"], "reason": "Spam"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{ban}");
    eventually("the ban reaches C", || async {
        let (_, community) = c.get_authed(&format!("{API}/{id_c}"), &carl).await;
        community["banned"] == true
    })
    .await;
    let (status, refused) = post_json(
        &c,
        &carl,
        &format!("{API}/{id_c}/posts"),
        json!({"title": "Buy now", "body": "Cheap robots"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert!(!titles(&a, &id_a).await.contains(&"Buy now".to_string()));
}

#[tokio::test]
async fn a_facilitator_on_another_instance_moderates_from_home() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let c = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let dora = person(&a, "dora", Role::Member).await;
    let bea = person(&b, "bea", Role::Member).await;
    let carl = person(&c, "carl", Role::Member).await;
    let id_a = open_community(&a, &fran).await;
    let id_b = join_remote(&b, &bea, &a).await;

    // Before anyone made her one, bea cannot moderate from B.
    let (_, bea_on_b) = b.get_json("/api/v1/accounts/lookup?acct=bea").await;
    let (status, _) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/facilitators"),
        json!({"account_id": bea_on_b["id"]}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // fran makes bea (on B) a facilitator; B learns of it from the Group.
    let (_, bea_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bea@{}", b.domain),
            &fran,
        )
        .await;
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id_a}/facilitators"),
        json!({"account_id": bea_on_a["id"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("B learns that bea facilitates", || async {
        let (_, community) = b.get_authed(&format!("{API}/{id_b}"), &bea).await;
        community["facilitator"] == true
    })
    .await;

    // C first sees the community after that: it reads the moderators collection.
    let id_c = join_remote(&c, &carl, &a).await;
    let (_, on_c) = c.get_json(&format!("{API}/{id_c}")).await;
    let mut facilitators: Vec<String> = on_c["facilitators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["acct"].as_str().unwrap().to_string())
        .collect();
    facilitators.sort();
    assert_eq!(
        facilitators,
        vec![format!("bea@{}", b.domain), format!("fran@{}", a.domain)]
    );

    // dora, a member on A, sees carl's new thread in her home timeline.
    let (status, _) = post_json(&a, &dora, &format!("{API}/{id_a}/join"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = post_json(
        &c,
        &carl,
        &format!("{API}/{id_c}/posts"),
        json!({"title": "Field trip", "body": "Who has been to CERN with a class?"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("the thread reaches B", || async {
        thread_id(&b, &id_b, "Field trip").await.is_some()
    })
    .await;
    let (_, home) = a.get_authed("/api/v1/timelines/home", &dora).await;
    assert!(
        home.as_array()
            .unwrap()
            .iter()
            .any(|s| s["content"].as_str().unwrap_or_default().contains("CERN")),
        "{home}"
    );

    // bea locks the thread from B: applied on B at once, then on A and C.
    let thread_on_b = thread_id(&b, &id_b, "Field trip").await.unwrap();
    let (status, locked) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/posts/{thread_on_b}/lock"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{locked}");
    let (_, posts) = b.get_json(&format!("{API}/{id_b}/posts")).await;
    assert_eq!(posts[0]["collegium"]["locked"], true);
    for (instance, id) in [(&a, &id_a), (&c, &id_c)] {
        eventually("the lock reaches the community and its members", || async {
            let (_, posts) = instance.get_json(&format!("{API}/{id}/posts")).await;
            posts[0]["collegium"]["locked"] == true
        })
        .await;
    }

    // bea bans carl from B: A takes the ban, and carl's new thread is refused.
    let (_, carl_on_b) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=carl@{}", c.domain),
            &bea,
        )
        .await;
    let (status, ban) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/bans"),
        json!({"account_id": carl_on_b["id"], "reason": "Off topic again"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{ban}");
    eventually("the ban reaches A", || async {
        let (_, bans) = a.get_authed(&format!("{API}/{id_a}/bans"), &fran).await;
        bans[0]["reason"] == "Off topic again"
    })
    .await;
    eventually("the ban reaches C", || async {
        let (_, community) = c.get_authed(&format!("{API}/{id_c}"), &carl).await;
        community["banned"] == true
    })
    .await;
    let (status, _) = post_json(
        &c,
        &carl,
        &format!("{API}/{id_c}/posts"),
        json!({"title": "Still here", "body": "Hello?"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // bea removes the thread from B: gone on A and C, and A's log names her.
    let (status, _) = post_json(
        &b,
        &bea,
        &format!("{API}/{id_b}/posts/{thread_on_b}/remove"),
        json!({"reason": "Duplicate"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(titles(&b, &id_b).await.is_empty());
    eventually("the removal reaches A", || async {
        titles(&a, &id_a).await.is_empty()
    })
    .await;
    eventually("the removal reaches C", || async {
        titles(&c, &id_c).await.is_empty()
    })
    .await;
    let (_, log) = a.get_json(&format!("{API}/{id_a}/moderation_log")).await;
    assert_eq!(log[0]["action"], "remove_post");
    assert_eq!(log[0]["reason"], "Duplicate");
    assert_eq!(log[0]["moderator"], format!("bea@{}", b.domain));
}

#[tokio::test]
async fn a_mastodon_server_follows_the_community_and_posts_into_it() {
    let a = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let id = open_community(&a, &fran).await;
    let group = a.url("/c/stem_crossborder");
    let peer = Peer::start().await;

    // Mastodon's Follow of the Group is accepted by the Group.
    let follow = include_str!("../fixtures/mastodon_follow.json")
        .replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target}", &group);
    let res = peer
        .send(&a.url("/c/stem_crossborder/inbox"), follow.as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    eventually("the Group accepts the follow", || async {
        peer.inbox_posts()
            .iter()
            .any(|r| r.json()["type"] == "Accept" && r.json()["actor"] == group)
    })
    .await;

    // A new thread reaches Mastodon as the Group's Announce of the Note itself.
    let (status, thread) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/posts"),
        json!({"title": "Welcome", "body": "Introduce yourselves!"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let note_id = thread["uri"].as_str().unwrap().to_string();
    eventually(
        "Mastodon gets Announce{Note} and Announce{Create}",
        || async {
            let posts = peer.inbox_posts();
            let plain = posts
                .iter()
                .any(|r| r.json()["type"] == "Announce" && r.json()["object"] == note_id);
            let wrapped = posts.iter().any(|r| {
                let j = r.json();
                j["type"] == "Announce"
                    && j["object"]["type"] == "Create"
                    && j["object"]["object"]["id"] == note_id
            });
            plain && wrapped
        },
    )
    .await;
    let wrapped = peer
        .inbox_posts()
        .into_iter()
        .map(|r| r.json())
        .find(|j| j["object"]["type"] == "Create")
        .unwrap();
    assert_eq!(wrapped["actor"], group);
    let note = &wrapped["object"]["object"];
    assert_eq!(note["name"], "Welcome");
    assert_eq!(note["audience"], group);
    assert!(note["to"].as_array().unwrap().contains(&json!(group)));
    assert!(
        note["content"]
            .as_str()
            .unwrap()
            .starts_with("<p><strong>Welcome</strong></p>")
    );

    // Mastodon's post mentioning the Group is taken into the community and announced.
    let create = include_str!("../fixtures/mastodon_create_note.json")
        .replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target_host}", &a.domain)
        .replace("{target}", &group);
    let res = peer.send(&a.url("/inbox"), create.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let mastodon_note = format!("{}/statuses/113581020393749151", peer.actor_id);
    let (_, posts) = a.get_json(&format!("{API}/{id}/posts")).await;
    assert!(
        posts
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["uri"] == mastodon_note),
        "{posts}"
    );
    eventually("the Group announces the Mastodon post", || async {
        peer.inbox_posts()
            .iter()
            .any(|r| r.json()["type"] == "Announce" && r.json()["object"] == mastodon_note)
    })
    .await;
}

#[tokio::test]
async fn bad_community_input_is_refused_and_changes_nothing() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let bea = person(&b, "bea", Role::Member).await;
    let id = open_community(&a, &fran).await;
    let group = a.url("/c/stem_crossborder");
    let peer = Peer::start().await;

    // Bad API input.
    let (status, _) = post_json(
        &a,
        &fran,
        API,
        json!({"name": "stem_crossborder", "title": "Again"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post_json(&a, &fran, API, json!({"name": "bad name!", "title": "T"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post_json(
        &a,
        &fran,
        API,
        json!({"name": "lang", "title": "T", "languages": ["not a tag"]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post_json(&a, &fran, API, json!({"name": "types", "title": 42})).await;
    assert!(status.is_client_error());
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/posts"),
        json!({"body": "no title"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A non-member's post into the community is refused.
    let create = include_str!("../fixtures/mastodon_create_note.json")
        .replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target_host}", &a.domain)
        .replace("{target}", &group);
    let res = peer.send(&a.url("/inbox"), create.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(titles(&a, &id).await.is_empty());
    let (_, public) = a.get_json("/api/v1/timelines/public").await;
    assert!(
        public.as_array().unwrap().is_empty(),
        "nothing stored: {public}"
    );

    // The peer joins; bea on B joins too.
    let follow = include_str!("../fixtures/mastodon_follow.json")
        .replace("{peer}", &peer.base)
        .replace("{actor}", &peer.actor_id)
        .replace("{target}", &group);
    let res = peer.send(&a.url("/inbox"), follow.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let id_b = join_remote(&b, &bea, &a).await;

    // A locked thread takes no comments.
    let (_, thread) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/posts"),
        json!({"title": "Closed topic", "body": "Read only."}),
    )
    .await;
    let thread_id_a = thread["id"].as_str().unwrap().to_string();
    let thread_uri = thread["uri"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/posts/{thread_id_a}/lock"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let reply = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/statuses/2/activity", peer.actor_id),
        "type": "Create",
        "actor": peer.actor_id,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": [group],
        "object": {
            "id": format!("{}/statuses/2", peer.actor_id),
            "type": "Note",
            "attributedTo": peer.actor_id,
            "inReplyTo": thread_uri,
            "content": "<p>But I have more to say</p>",
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "cc": [group],
        }
    });
    let res = peer
        .send(&a.url("/inbox"), reply.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(comments(&a, &thread_id_a).await.is_empty());

    // Moderation from a third instance: the peer deletes a post that is not its own.
    let delete = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/delete/1", peer.base),
        "type": "Delete",
        "actor": peer.actor_id,
        "object": thread_uri,
        "summary": "I decide here",
    });
    let res = peer
        .send(&a.url("/inbox"), delete.to_string().as_bytes())
        .await;
    assert!(res.status().is_client_error());
    let res = peer
        .send(&b.url("/inbox"), delete.to_string().as_bytes())
        .await;
    assert!(res.status().is_client_error());
    assert_eq!(titles(&a, &id).await, vec!["Closed topic"]);
    eventually("B has the thread", || async {
        titles(&b, &id_b).await == vec!["Closed topic"]
    })
    .await;

    // Lock and Block sent straight to the community by someone who does not
    // facilitate it: refused, and nothing changes.
    let (_, bea_on_a) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=bea@{}", b.domain),
            &fran,
        )
        .await;
    for (n, activity) in [
        json!({"type": "Undo", "actor": peer.actor_id, "audience": group,
               "object": {"id": format!("{}/activities/lock/9", peer.base), "type": "Lock",
                          "actor": peer.actor_id, "object": thread_uri, "audience": group}}),
        json!({"type": "Block", "actor": peer.actor_id, "object": bea_on_a["uri"],
               "target": group, "audience": group}),
        json!({"type": "Add", "actor": peer.actor_id, "object": peer.actor_id,
               "target": format!("{group}/moderators"), "audience": group}),
    ]
    .into_iter()
    .enumerate()
    {
        let mut activity = activity;
        activity["@context"] = json!("https://www.w3.org/ns/activitystreams");
        activity["id"] = json!(format!("{}/activities/moderation/{n}", peer.base));
        let res = peer
            .send(&a.url("/inbox"), activity.to_string().as_bytes())
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{activity}");
    }
    let (_, posts) = a.get_json(&format!("{API}/{id}/posts")).await;
    assert_eq!(posts[0]["collegium"]["locked"], true);
    let (_, bans) = a.get_authed(&format!("{API}/{id}/bans"), &fran).await;
    assert_eq!(bans, json!([]));
    let (_, community) = a.get_json(&format!("{API}/{id}")).await;
    assert_eq!(community["facilitators"].as_array().unwrap().len(), 1);

    // A forged Announce: the Group's name on an activity the peer signed.
    let forged = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{group}/activities/announce/forged"),
        "type": "Announce",
        "actor": group,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {
            "id": format!("{group}/activities/delete/forged"),
            "type": "Delete",
            "actor": a.url("/users/fran"),
            "object": thread_uri,
            "summary": "forged",
        },
    });
    let res = peer
        .send(&b.url("/inbox"), forged.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // The peer announcing a removal as itself is not the community's instance either.
    let as_peer = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/announce/2", peer.base),
        "type": "Announce",
        "actor": peer.actor_id,
        "object": {
            "id": format!("{}/activities/delete/2", peer.base),
            "type": "Delete",
            "actor": peer.actor_id,
            "object": thread_uri,
        },
    });
    peer.send(&b.url("/inbox"), as_peer.to_string().as_bytes())
        .await;
    assert_eq!(titles(&b, &id_b).await, vec!["Closed topic"]);

    // A banned member's new posts are refused.
    let (_, spy) = a
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=spy@localhost:{}", peer.port),
            &fran,
        )
        .await;
    let (status, _) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/bans"),
        json!({"account_id": spy["id"], "reason": "Spam", "expires_at": "2099-01-01T00:00:00Z"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let fresh = create.replace("113581020393749151", "113581020393749152");
    let res = peer.send(&a.url("/inbox"), fresh.as_bytes()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(titles(&a, &id).await, vec!["Closed topic"]);
    let (_, bans) = a.get_authed(&format!("{API}/{id}/bans"), &fran).await;
    assert_eq!(bans[0]["expires_at"], "2099-01-01T00:00:00Z");
}

fn stored_files(instance: &TestInstance) -> usize {
    std::fs::read_dir(instance.dir.join("media/images"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_facilitator_gives_the_community_an_icon_and_a_banner() {
    use base64::Engine;
    let a = TestInstance::start_with(|s| s.media.max_image_bytes = 64 * 1024).await;
    let b = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let mia = person(&a, "mia", Role::Member).await;
    let bea = person(&b, "bea", Role::Member).await;
    let id = open_community(&a, &fran).await;
    let id_b = join_remote(&b, &bea, &a).await;
    let png = base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
        .unwrap();
    let jpeg = [
        &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10][..],
        b"JFIF\0",
        &[0u8; 64][..],
    ]
    .concat();
    let pictures = format!("{API}/{id}/pictures");

    // Refused, and nothing stored: a member, text named .png, too large, no file.
    let (status, _) = upload(&a, &mia, &format!("{pictures}/icon"), "icon.png", &png).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = upload(
        &a,
        &fran,
        &format!("{pictures}/icon"),
        "icon.png",
        b"<svg onload=alert(1)>",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("not a PNG"),
        "{body}"
    );
    let big = [png.as_slice(), &vec![0u8; 65 * 1024]].concat();
    let (status, body) = upload(&a, &fran, &format!("{pictures}/icon"), "big.png", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body["error"].as_str().unwrap().contains("64 KiB"), "{body}");
    let (content_type, empty) = multipart(&[("note", "no file")], None);
    let res = a
        .client
        .post(a.url(&format!("{pictures}/icon")))
        .bearer_auth(&fran)
        .header("content-type", content_type)
        .body(empty)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = upload(&a, &fran, &format!("{pictures}/logo"), "icon.png", &png).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(stored_files(&a), 0);
    let (_, community) = a.get_json(&format!("{API}/{id}")).await;
    assert_eq!(community["icon"], Value::Null);

    // The icon and the banner: stored, served with their types, in the Group.
    let (status, community) =
        upload(&a, &fran, &format!("{pictures}/icon"), "icon.png", &png).await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let icon = community["icon"].as_str().unwrap().to_string();
    assert!(icon.starts_with(&a.url("/media/images/")) && icon.ends_with(".png"));
    let (status, community) = upload(
        &a,
        &fran,
        &format!("{pictures}/banner"),
        "banner.jpg",
        &jpeg,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let banner = community["banner"].as_str().unwrap().to_string();
    assert!(banner.ends_with(".jpg"), "{banner}");
    let res = a.client.get(&icon).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().as_ref(), png.as_slice());
    let (_, group) = a.get_ap("/c/stem_crossborder").await;
    assert_eq!(group["icon"]["url"], icon);
    assert_eq!(group["icon"]["mediaType"], "image/png");
    assert_eq!(group["image"]["url"], banner);
    assert_eq!(group["image"]["mediaType"], "image/jpeg");
    let (_, account) = a
        .get_json("/api/v1/accounts/lookup?acct=stem_crossborder")
        .await;
    assert_eq!(account["avatar"], icon);
    assert_eq!(account["header"], banner);
    let page = a
        .client
        .get(a.url("/c/stem_crossborder"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let file_name = |url: &str| url.rsplit('/').next().unwrap().to_string();
    assert!(
        page.contains(&file_name(&icon)) && page.contains(&file_name(&banner)),
        "{page}"
    );

    // Members' servers learn of it.
    eventually("B shows the new icon and banner", || async {
        let (_, on_b) = b.get_json(&format!("{API}/{id_b}")).await;
        on_b["icon"] == icon && on_b["banner"] == banner
    })
    .await;

    // A new icon replaces the old file; taking the banner away deletes it.
    let (_, community) = upload(&a, &fran, &format!("{pictures}/icon"), "new.png", &png).await;
    assert_ne!(community["icon"], icon);
    let res = a.client.get(&icon).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = a
        .client
        .delete(a.url(&format!("{pictures}/banner")))
        .bearer_auth(&fran)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let community: Value = res.json().await.unwrap();
    assert_eq!(community["banner"], Value::Null);
    assert_eq!(stored_files(&a), 1);
    let (status, _) = a.get_json("/media/images/..%2F..%2Fcollegium.db").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn facilitators_moderate_from_the_web_reports_bans_and_removals_asked_first() {
    use crate::harness::{get_page, post_json};
    use crate::pages::web_sign_in;
    let a = TestInstance::start().await;
    let fran_pw = a.user("fran", Role::Facilitator).await;
    let mia_pw = a.user("mia", Role::Member).await;
    let tom_pw = a.user("tom", Role::Member).await;
    let fran_token = a.token("fran", &fran_pw, "read write").await;
    let (status, community) = post_json(
        &a,
        &fran_token,
        API,
        json!({"name": "geo", "title": "Geography"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let id = community["id"].as_str().unwrap().to_string();
    let mia_token = a.token("mia", &mia_pw, "read write").await;
    post_json(&a, &mia_token, &format!("{API}/{id}/join"), json!({})).await;
    let (status, thread) = post_json(
        &a,
        &mia_token,
        &format!("{API}/{id}/posts"),
        json!({"title": "Rivers", "body": "Buy my essay service"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let thread_id = thread["id"].as_str().unwrap().to_string();

    // tom reports the thread from its card.
    let (tom, tom_csrf) = web_sign_in(&a, "tom", &tom_pw).await;
    let form = |cookies: &str, path: String, fields: Vec<(&'static str, String)>| {
        let request = a
            .client
            .post(a.url(&path))
            .header("cookie", cookies.to_string())
            .form(&fields);
        async move { request.send().await.unwrap() }
    };
    let res = form(
        &tom,
        format!("/posts/{thread_id}"),
        vec![
            ("csrf", tom_csrf.clone()),
            ("action", "report".into()),
            ("back", "/c/geo".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Report this post"));
    let res = form(
        &tom,
        format!("/posts/{thread_id}"),
        vec![
            ("csrf", tom_csrf.clone()),
            ("action", "report_confirmed".into()),
            ("reason", "  ".into()),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an empty reason is refused"
    );
    let res = form(
        &tom,
        format!("/posts/{thread_id}"),
        vec![
            ("csrf", tom_csrf.clone()),
            ("action", "report_confirmed".into()),
            ("reason", "Spam".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("The report was sent."));

    // fran sees it on the moderation page and resolves it.
    let (fran, fran_csrf) = web_sign_in(&a, "fran", &fran_pw).await;
    let (_, html) = get_page(&a, &fran, "/c/geo/moderation").await;
    assert!(
        html.contains("@tom reported @mia") && html.contains("Spam"),
        "{html}"
    );
    let (_, reports) = a
        .get_authed(&format!("{API}/{id}/reports"), &fran_token)
        .await;
    let report_id = reports[0]["id"].as_str().unwrap().to_string();
    let res = form(
        &tom,
        "/c/geo/moderation/reports".into(),
        vec![("csrf", tom_csrf.clone()), ("report_id", report_id.clone())],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "only facilitators resolve"
    );
    let res = form(
        &fran,
        "/c/geo/moderation/reports".into(),
        vec![("csrf", fran_csrf.clone()), ("report_id", report_id)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &fran, "/c/geo/moderation").await;
    assert!(html.contains("No open reports."), "{html}");

    // Removing asks first and removes nothing until confirmed.
    let res = form(
        &fran,
        format!("/moderation/posts/{thread_id}"),
        vec![
            ("csrf", fran_csrf.clone()),
            ("action", "remove".into()),
            ("back", "/c/geo".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Remove this post?"));
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{thread_id}")).await;
    assert_eq!(status, StatusCode::OK, "still there");
    let res = form(
        &fran,
        format!("/moderation/posts/{thread_id}"),
        vec![
            ("csrf", fran_csrf.clone()),
            ("action", "remove".into()),
            ("confirmed", "yes".into()),
            ("reason", "Spam".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{thread_id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The ban form: a week, then listed; unknown names and bad days refused.
    let res = form(
        &fran,
        "/c/geo/moderation/bans".into(),
        vec![
            ("csrf", fran_csrf.clone()),
            ("acct", "nobody".into()),
            ("reason", "x".into()),
            ("days", "".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = form(
        &fran,
        "/c/geo/moderation/bans".into(),
        vec![
            ("csrf", fran_csrf.clone()),
            ("acct", "@mia".into()),
            ("reason", "Spam".into()),
            ("days", "0".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = form(
        &fran,
        "/c/geo/moderation/bans".into(),
        vec![
            ("csrf", fran_csrf.clone()),
            ("acct", "@mia".into()),
            ("reason", "Spam".into()),
            ("days", "7".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &fran, "/c/geo/moderation").await;
    assert!(html.contains("@mia until"), "{html}");
}

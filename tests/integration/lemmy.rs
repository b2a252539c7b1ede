//! Communities as Lemmy 1.0 speaks them, from fixtures of what Lemmy sends: a
//! Lemmy user's post in one of our communities reaches its other subscribers as
//! it was sent; our threads go out as Pages Lemmy takes; a Lemmy community's
//! posts, edits, moderation and restores reach us; our subscriber count reads.

use collegium::{accounts::model::Role, posts::store as posts};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    fake::{FakeServer, fixture},
    harness::{TestInstance, eventually, person, post_json},
};

const API: &str = "/api/collegium/v1/communities";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

async fn open(a: &TestInstance, token: &str) -> String {
    let (status, community) = post_json(
        a,
        token,
        API,
        json!({"name": "woodworking", "title": "Woodworking in schools"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    community["id"].as_str().unwrap().to_string()
}

/// The Announces the Group sent to `member`'s server, their inner activities.
fn announced(member: &FakeServer) -> Vec<Value> {
    member
        .received()
        .into_iter()
        .filter(|a| a["type"] == "Announce")
        .map(|a| a["object"].clone())
        .collect()
}

#[tokio::test]
async fn lemmy_posts_reach_our_subscribers_as_sent_and_our_threads_go_out_as_pages() {
    let a = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let id = open(&a, &fran).await;
    let group = a.url("/c/woodworking");

    // A subscriber on a third Lemmy instance.
    let lemmy3 = FakeServer::start().await;
    let sub = lemmy3.person_at("/u/sub");
    let res = lemmy3
        .send(
            &sub,
            &a.url("/c/woodworking/inbox"),
            &json!({"id": lemmy3.url("/activities/follow/1"), "type": "Follow",
                    "actor": sub, "object": group, "to": [group], "cc": []}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let (_, followers) = a.get_ap("/c/woodworking/followers").await;
    assert_eq!(followers["type"], "Collection");
    // The facilitator who opened it, and the Lemmy subscriber.
    assert_eq!(followers["totalItems"], 2);
    assert_eq!(followers["items"], json!([]));

    // bob on Lemmy posts into our community.
    let lemmy2 = FakeServer::start().await;
    let bob = lemmy2.person_at("/u/bob");
    let res = lemmy2
        .send(
            &bob,
            &a.url("/c/woodworking/inbox"),
            &json!({"id": lemmy2.url("/activities/follow/1"), "type": "Follow",
                    "actor": bob, "object": group, "to": [group], "cc": []}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let create = fixture(
        "lemmy_create_page",
        &[
            ("https://lemmy.example/c/woodworking", &group),
            ("https://lemmy2.example", &lemmy2.base),
        ],
    );
    let res = lemmy2
        .send(
            &lemmy2.url("/u/bob"),
            &a.url("/c/woodworking/inbox"),
            &create,
        )
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    eventually("the Group passes bob's post on", || async {
        announced(&lemmy3).iter().any(|i| i["id"] == create["id"])
    })
    .await;
    let passed = announced(&lemmy3)
        .into_iter()
        .find(|i| i["id"] == create["id"])
        .unwrap();
    for key in ["to", "cc", "audience", "actor", "type"] {
        assert_eq!(passed[key], create[key], "{key}");
    }
    assert_eq!(passed["object"]["source"], create["object"]["source"]);
    let stored = posts::find_by_ap_id(&a.state.db, create["object"]["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.title.as_deref(),
        Some("Hand-cut dovetails with a cheap saw: my results")
    );

    // fran opens a thread: a Page, with name, audience, source and no inReplyTo.
    let (status, thread) = post_json(
        &a,
        &fran,
        &format!("{API}/{id}/posts"),
        json!({"title": "Workbench plans", "body": "Which plans do your pupils manage?"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    eventually("the thread reaches Lemmy", || async {
        announced(&lemmy3)
            .iter()
            .any(|i| i["object"]["name"] == "Workbench plans")
    })
    .await;
    let create = announced(&lemmy3)
        .into_iter()
        .find(|i| i["object"]["name"] == "Workbench plans")
        .unwrap();
    assert_eq!(create["type"], "Create");
    assert!(create["cc"].is_array(), "{create}");
    let page = &create["object"];
    assert_eq!(page["type"], "Page");
    assert_eq!(page["audience"], group);
    assert_eq!(page["attributedTo"], a.url("/users/fran"));
    assert!(page.get("inReplyTo").is_none(), "{page}");
    assert_eq!(page["source"]["mediaType"], "text/markdown");
    assert_eq!(
        page["source"]["content"],
        "Which plans do your pupils manage?"
    );
    let to: Vec<&str> = page["to"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        to.contains(&PUBLIC) && to.contains(&group.as_str()),
        "{to:?}"
    );
}

#[tokio::test]
async fn a_lemmy_communitys_posts_edits_moderation_and_restores_reach_us() {
    let a = TestInstance::start().await;
    let alice_here = person(&a, "alice", Role::Member).await;
    let lemmy = FakeServer::start().await;
    let lemmy2 = FakeServer::start().await;
    let moves = [
        ("https://lemmy.example", lemmy.base.as_str()),
        ("https://lemmy2.example", lemmy2.base.as_str()),
    ];
    let group = lemmy.actor_doc(fixture("lemmy_group", &moves));
    lemmy.person_at("/u/alice");
    lemmy.person_at("/u/carol");
    lemmy2.person_at("/u/dmitri");
    lemmy2.person_at("/u/bob");
    lemmy.serve(&json!({
        "id": format!("{group}/moderators"),
        "type": "OrderedCollection",
        "orderedItems": [lemmy.url("/u/carol"), lemmy2.url("/u/dmitri")],
    }));
    let inbox = a.url("/inbox");
    let send = |activity: Value| {
        let lemmy = &lemmy;
        let group = group.clone();
        let inbox = inbox.clone();
        async move {
            let res = lemmy.send(&group, &inbox, &activity).await;
            assert_eq!(res.status(), StatusCode::ACCEPTED, "{activity}");
        }
    };
    // What a moderator on a third server did, announced by the Group: the
    // moderator's server serves it at its id.
    let announce = |inner: Value, n: &str| {
        lemmy2.serve(&inner);
        json!({"id": lemmy.url(&format!("/activities/announce/{n}")), "type": "Announce",
               "actor": group, "to": [group, PUBLIC], "cc": [format!("{group}/followers")],
               "object": inner})
    };

    let create = fixture("lemmy_announce_create_page", &moves);
    let page = create["object"]["object"].clone();
    lemmy.serve(&page);
    send(create).await;
    let page_id = page["id"].as_str().unwrap();
    let status = || async { posts::find_by_ap_id(&a.state.db, page_id).await.unwrap() };
    let s = status().await.expect("the post is stored");
    let group_id =
        collegium::accounts::store::find_by_ap_id(&a.state.db, &url::Url::parse(&group).unwrap())
            .await
            .unwrap()
            .unwrap()
            .id;
    assert_eq!(s.community_id, Some(group_id));
    assert_eq!(
        s.title.as_deref(),
        Some("Which finish for an oak workbench top?")
    );

    send(announce(fixture("lemmy_lock_page", &moves), "lock")).await;
    assert!(status().await.unwrap().locked);
    send(announce(fixture("lemmy_undo_lock_page", &moves), "unlock")).await;
    assert!(!status().await.unwrap().locked);
    send(announce(fixture("lemmy_add_featured", &moves), "pin")).await;
    assert!(status().await.unwrap().pinned_at.is_some());
    send(announce(fixture("lemmy_remove_featured", &moves), "unpin")).await;
    assert!(status().await.unwrap().pinned_at.is_none());
    send(announce(fixture("lemmy_like", &moves), "like")).await;
    let (_, shown) = a
        .get_authed(&format!("/api/v1/statuses/{}", s.id), &alice_here)
        .await;
    assert_eq!(shown["favourites_count"], 1, "{shown}");

    // bob, on a third server, posts: the Group's word is checked at his server.
    let bobs_create = fixture("lemmy_create_page", &moves);
    let bobs_page = bobs_create["object"].clone();
    let bobs_id = bobs_page["id"].as_str().unwrap();
    lemmy2.serve(&bobs_page);
    send(announce(bobs_create, "bob")).await;
    let bobs = || async { posts::find_by_ap_id(&a.state.db, bobs_id).await.unwrap() };
    assert_eq!(bobs().await.unwrap().community_id, Some(group_id));

    // He edits it: the new version is read from his server.
    let update = fixture("lemmy_update_page", &moves);
    lemmy2.serve(&update["object"]);
    send(announce(update, "edit")).await;
    assert_eq!(
        bobs().await.unwrap().title.as_deref(),
        Some("Hand-cut dovetails with a cheap saw: my results (edited)")
    );

    // A moderator on the Group's server removes it, then restores it.
    send(fixture("lemmy_remove_page", &moves)).await;
    assert!(bobs().await.is_none(), "the removal is applied");
    send(fixture("lemmy_undo_delete_page", &moves)).await;
    let restored = bobs().await.expect("the restore is applied");
    assert!(restored.content.contains("weekend"), "{}", restored.content);
}

#[tokio::test]
async fn a_piefed_communitys_post_and_removal_reach_us() {
    let a = TestInstance::start().await;
    let piefed = FakeServer::start().await;
    let moves = [("https://piefed.example", piefed.base.as_str())];
    let group = piefed.actor_doc(fixture("piefed_group", &moves));
    piefed.person_at("/u/erin");
    piefed.person_at("/u/frank");
    piefed.serve(
        &json!({"id": format!("{group}/moderators"), "type": "OrderedCollection",
                         "orderedItems": [piefed.url("/u/frank")]}),
    );
    let create = fixture("piefed_announce_create_page", &moves);
    let page = create["object"]["object"].clone();
    piefed.serve(&page);
    let page_id = page["id"].as_str().unwrap().to_string();
    let res = piefed.send(&group, &a.url("/inbox"), &create).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let stored = posts::find_by_ap_id(&a.state.db, &page_id)
        .await
        .unwrap()
        .expect("the post is stored");
    assert!(stored.community_id.is_some());
    assert!(stored.title.is_some());

    // PieFed's moderator removal, here of that post.
    let mut remove = fixture("piefed_remove_page", &moves);
    remove["object"]["object"] = json!(page_id);
    let res = piefed.send(&group, &a.url("/inbox"), &remove).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert!(
        posts::find_by_ap_id(&a.state.db, &page_id)
            .await
            .unwrap()
            .is_none()
    );
}

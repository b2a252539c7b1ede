//! What other Fediverse servers send, from fixtures of the real thing: media,
//! custom emoji, polls, quotes, every JSON-LD form of the same fields, the kinds
//! Mastodon turns into posts, and an account's deletion and move.

use collegium::{
    accounts::{model::Role, store as accounts},
    follows::store as follows,
    posts::store as posts,
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use url::Url;

use crate::{
    fake::{FakeServer, fixture},
    harness::{TestInstance, eventually, get_page, person},
};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Sends `activity` signed by its actor to our shared inbox; it must be taken.
async fn deliver(a: &TestInstance, peer: &FakeServer, activity: &Value) {
    let actor = activity["actor"].as_str().unwrap();
    let res = peer.send(actor, &a.url("/inbox"), activity).await;
    let status = res.status();
    assert!(
        status.is_success(),
        "{status}: {}",
        res.text().await.unwrap()
    );
}

/// The post with this id as the Mastodon API shows it to anyone.
async fn shown(a: &TestInstance, ap_id: &str) -> Value {
    let status = posts::find_by_ap_id(&a.state.db, ap_id)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{ap_id} was not stored"));
    let (code, json) = a.get_json(&format!("/api/v1/statuses/{}", status.id)).await;
    assert_eq!(code, StatusCode::OK, "{json}");
    json
}

/// `note`'s author sends it to us (so we know the author) and the person with
/// `token` follows them; returns the author's account id here.
async fn posts_and_is_followed(
    a: &TestInstance,
    peer: &FakeServer,
    note: &Value,
    token: &str,
) -> i64 {
    let author = note["attributedTo"].as_str().unwrap();
    let id = note["id"].as_str().unwrap();
    deliver(
        a,
        peer,
        &json!({"id": format!("{id}/activity"), "type": "Create",
                "actor": author, "to": [PUBLIC], "object": note}),
    )
    .await;
    let account = account_id(a, author).await;
    let res = crate::harness::http_client()
        .post(a.url(&format!("/api/v1/accounts/{account}/follow")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    account
}

async fn account_id(a: &TestInstance, ap_id: &str) -> i64 {
    accounts::find_by_ap_id(&a.state.db, &Url::parse(ap_id).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn media_and_custom_emoji_from_mastodon_and_gotosocial_are_kept() {
    let a = TestInstance::start().await;
    let mastodon = FakeServer::start().await;
    mastodon.person_at("/users/hana");
    let create = fixture(
        "mastodon_create_note_attachments",
        &[("https://mastodon.example", &mastodon.base)],
    );
    deliver(&a, &mastodon, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    assert_eq!(
        status["account"]["acct"],
        format!("hana@{}", mastodon.base.trim_start_matches("http://"))
    );
    let media = status["media_attachments"].as_array().unwrap();
    assert_eq!(media.len(), 2, "{status}");
    assert_eq!(media[0]["type"], "image");
    assert_eq!(
        media[0]["remote_url"],
        "https://files.mastodon.example/media_attachments/files/115/600/123/original/a1b2c3d4e5f60718.jpg"
    );
    assert_eq!(
        media[0]["description"],
        "A small walnut side table on a grey rug, seen from above"
    );
    assert_eq!(media[0]["blurhash"], "UDF~n=~q00IU00M{%MRj00WB-;t7-;RjIUt7");
    assert_eq!(media[0]["meta"]["original"]["width"], 1600);
    assert_eq!(media[0]["meta"]["original"]["height"], 1200);
    assert_eq!(media[1]["description"], Value::Null);
    assert_ne!(media[0]["id"], media[1]["id"]);
    let emojis = status["emojis"].as_array().unwrap();
    assert_eq!(emojis.len(), 1, "{status}");
    assert_eq!(emojis[0]["shortcode"], "shavings");
    assert_eq!(
        emojis[0]["url"],
        "https://files.mastodon.example/custom_emojis/images/000/040/321/original/shavings.png"
    );
    assert_eq!(status["tags"][0]["name"], "woodworking");
    assert_eq!(
        status["url"],
        format!("{}/@hana/115600123456789012", mastodon.base)
    );

    // The page shows the images with their alt text and the emoji as an image.
    let (code, html) = get_page(
        &a,
        "",
        &format!("/@hana/{}", status["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(code, StatusCode::OK);
    assert!(
        html.contains("a1b2c3d4e5f60718.jpg")
            && html.contains("alt=\"A small walnut side table on a grey rug, seen from above\""),
        "{html}"
    );
    assert!(html.contains("shavings.png"), "{html}");
    assert!(!html.contains(":shavings:</"), "{html}");

    // GoToSocial gives the alt text as `summary` and addresses with bare strings.
    let gts = FakeServer::start().await;
    gts.person_at("/users/lena");
    let create = fixture(
        "gotosocial_create_note_attachment",
        &[("https://gts.example", &gts.base)],
    );
    deliver(&a, &gts, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    assert_eq!(status["visibility"], "public");
    let media = status["media_attachments"].as_array().unwrap();
    assert_eq!(media.len(), 1, "{status}");
    assert_eq!(media[0]["type"], "image");
    assert_eq!(
        media[0]["description"],
        "Close-up of a hand plane shaving curling off a pine board"
    );
    assert_eq!(media[0]["blurhash"], "LIIE|gRj00WB-;j[t7j[4nWBj[Rj");
}

#[tokio::test]
async fn a_mastodon_poll_is_a_poll_with_its_options_and_counts() {
    let a = TestInstance::start().await;
    let mastodon = FakeServer::start().await;
    mastodon.person_at("/users/hana");
    let create = fixture(
        "mastodon_question",
        &[("https://mastodon.example", &mastodon.base)],
    );
    deliver(&a, &mastodon, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    assert!(
        status["content"]
            .as_str()
            .unwrap()
            .contains("Which joint do you cut first")
    );
    let poll = &status["poll"];
    assert_eq!(poll["multiple"], false, "{status}");
    assert_eq!(poll["voters_count"], 37);
    assert_eq!(poll["votes_count"], 37);
    assert_eq!(poll["expires_at"], "2026-11-21T14:05:31.000Z");
    assert_eq!(poll["expired"], true);
    let options: Vec<(String, i64)> = poll["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_string(),
                o["votes_count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        options,
        vec![
            ("Tails first".to_string(), 22),
            ("Pins first".to_string(), 11),
            ("Whatever the router jig does".to_string(), 4),
        ]
    );
    let (_, html) = get_page(
        &a,
        "",
        &format!("/@hana/{}", status["id"].as_str().unwrap()),
    )
    .await;
    assert!(html.contains("Pins first") && html.contains("Whatever the router jig does"));
}

#[tokio::test]
async fn quotes_arrive_as_a_link_in_every_form_servers_send() {
    let a = TestInstance::start().await;
    let mastodon = FakeServer::start().await;
    mastodon.person_at("/users/hana");
    let moves = [
        ("https://mastodon.example", mastodon.base.as_str()),
        ("https://misskey.example", "https://misskey.invalid"),
    ];

    // Mastodon's quote already links the quoted post in its text: shown once.
    let create = fixture("mastodon_quote", &moves);
    deliver(&a, &mastodon, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    let content = status["content"].as_str().unwrap();
    assert_eq!(
        content
            .matches("href=\"https://misskey.invalid/notes/a1b2c3d4e5\"")
            .count(),
        1,
        "{content}"
    );
    assert!(content.contains("This is the clamp trick"));

    // Only a FEP-e232 Link tag names the quote: the link is added.
    let mut tagged = fixture("mastodon_quote", &moves);
    let note = tagged["object"].as_object_mut().unwrap();
    for key in ["quote", "_misskey_quote", "quoteUri", "quoteUrl"] {
        note.remove(key);
    }
    let id = format!("{}/users/hana/statuses/2", mastodon.base);
    note["id"] = json!(id);
    note["content"] = json!("<p>Tagged only.</p>");
    tagged["id"] = json!(format!("{id}/activity"));
    deliver(&a, &mastodon, &tagged).await;
    let content = shown(&a, &id).await["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(content.starts_with("<p>Tagged only.</p>"), "{content}");
    assert!(
        content.contains("href=\"https://misskey.invalid/notes/a1b2c3d4e5\""),
        "{content}"
    );

    // A quote to something that is not a web address is no quote.
    let mut odd = fixture("mastodon_quote", &moves);
    let note = odd["object"].as_object_mut().unwrap();
    for key in ["_misskey_quote", "quoteUri", "quoteUrl", "tag"] {
        note.remove(key);
    }
    let id = format!("{}/users/hana/statuses/3", mastodon.base);
    note["id"] = json!(id);
    note["quote"] = json!("javascript:alert(1)");
    note["content"] = json!("<p>Odd.</p>");
    odd["id"] = json!(format!("{id}/activity"));
    deliver(&a, &mastodon, &odd).await;
    let content = shown(&a, &id).await["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!content.contains("javascript"), "{content}");
}

#[tokio::test]
async fn every_json_ld_form_of_a_field_is_understood() {
    let a = TestInstance::start().await;
    let mastodon = FakeServer::start().await;
    let hana = mastodon.person_at("/users/hana");
    let parent = fixture(
        "mastodon_create_note_attachments",
        &[("https://mastodon.example", &mastodon.base)],
    );
    deliver(&a, &mastodon, &parent).await;
    let parent_id = shown(&a, parent["object"]["id"].as_str().unwrap()).await["id"].clone();
    let hana_id = account_id(&a, &hana).await.to_string();

    // Pleroma: `type` as a one-element list, `as:Public` and bare `Public`,
    // `inReplyTo` as a list, compacted `as:Mention` and `as:Hashtag`, sent as a
    // Create whose `object` is a one-element list.
    let pleroma = FakeServer::start().await;
    pleroma.person_at("/users/kit");
    let note = fixture(
        "pleroma_note_compacted",
        &[
            ("https://pleroma.example", &pleroma.base),
            ("https://mastodon.example", &mastodon.base),
        ],
    );
    let id = note["id"].as_str().unwrap().to_string();
    let create = json!({
        "@context": note["@context"],
        "id": format!("{id}/activity"),
        "type": ["Create"],
        "actor": note["actor"],
        "to": "as:Public",
        "object": [note],
    });
    deliver(&a, &pleroma, &create).await;
    let status = shown(&a, &id).await;
    assert_eq!(status["visibility"], "public", "{status}");
    assert_eq!(status["in_reply_to_id"], parent_id);
    assert_eq!(status["in_reply_to_account_id"], hana_id);
    assert_eq!(status["tags"][0]["name"], "walnut");
    assert_eq!(status["mentions"][0]["id"], hana_id);
    let (_, public) = a.get_json("/api/v1/timelines/public").await;
    assert!(
        public
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["uri"] == json!(id))
    );

    // Misskey: `inReplyTo` and `url` as objects, custom emoji, a null quote.
    let misskey = FakeServer::start().await;
    misskey.person_at("/users/9zq0abc");
    let create = fixture(
        "misskey_note_forms",
        &[
            ("https://misskey.example", &misskey.base),
            ("https://mastodon.example", &mastodon.base),
        ],
    );
    deliver(&a, &misskey, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    assert_eq!(status["in_reply_to_id"], parent_id, "{status}");
    assert_eq!(status["url"], format!("{}/notes/a9b8c7d6e5", misskey.base));
    assert_eq!(status["emojis"][0]["shortcode"], "blobclamp");
    assert_eq!(status["mentions"][0]["id"], hana_id);
    assert!(!status["content"].as_str().unwrap().contains("RE:"));
}

#[tokio::test]
async fn objects_mastodon_turns_into_posts_are_posts_here_too() {
    let a = TestInstance::start().await;

    // A PeerTube video: its name, its description and a link to its page.
    let peertube = FakeServer::start().await;
    let noor = peertube.person_at("/accounts/noor");
    peertube.actor_doc(json!({
        "id": peertube.url("/video-channels/noor_workshop"),
        "type": "Group",
        "preferredUsername": "noor_workshop",
        "inbox": peertube.url("/video-channels/noor_workshop/inbox"),
    }));
    let video = fixture(
        "peertube_video",
        &[("https://peertube.example", &peertube.base)],
    );
    let id = video["id"].as_str().unwrap().to_string();
    deliver(
        &a,
        &peertube,
        &json!({"id": format!("{id}/create"), "type": "Create", "actor": noor,
                "to": [PUBLIC], "object": video}),
    )
    .await;
    let status = shown(&a, &id).await;
    assert_eq!(status["account"]["username"], "noor", "{status}");
    let content = status["content"].as_str().unwrap();
    assert!(
        content.starts_with("<p><strong>Sharpening a chisel on water stones</strong></p>"),
        "{content}"
    );
    assert!(
        content.contains(&format!("href=\"{id}\"")),
        "the video's page is linked: {content}"
    );

    // A Mobilizon event: when and where, and a link to it.
    let mobilizon = FakeServer::start().await;
    for (name, kind) in [("oskar", "Person"), ("makerspace_north", "Group")] {
        mobilizon.actor_doc(json!({
            "id": mobilizon.url(&format!("/@{name}")),
            "type": kind,
            "preferredUsername": name,
            "inbox": mobilizon.url(&format!("/@{name}/inbox")),
        }));
    }
    let event = fixture(
        "mobilizon_event",
        &[("https://mobilizon.example", &mobilizon.base)],
    );
    let id = event["id"].as_str().unwrap().to_string();
    deliver(
        &a,
        &mobilizon,
        &json!({"id": format!("{id}/activity"), "type": "Create",
                "actor": event["attributedTo"], "to": [PUBLIC], "object": event}),
    )
    .await;
    let status = shown(&a, &id).await;
    let content = status["content"].as_str().unwrap();
    assert!(
        content.starts_with("<p><strong>Beginner spoon carving afternoon</strong></p>"),
        "{content}"
    );
    assert!(content.contains("Bring a sharp knife"), "{content}");
    assert!(
        content.contains("2026-12-12 13:00 UTC") && content.contains("2026-12-12 17:00 UTC"),
        "{content}"
    );
    assert!(content.contains("Makerspace North"), "{content}");
    assert!(content.contains(&format!("href=\"{id}\"")), "{content}");
    assert_eq!(status["tags"][0]["name"], "spooncarving");

    // A WriteFreely article outside any community: a post with its title line.
    let writefreely = FakeServer::start().await;
    writefreely.person_at("/api/collections/shopnotes");
    let create = fixture(
        "writefreely_article",
        &[("https://writefreely.example", &writefreely.base)],
    );
    deliver(&a, &writefreely, &create).await;
    let status = shown(&a, create["object"]["id"].as_str().unwrap()).await;
    let content = status["content"].as_str().unwrap();
    assert!(
        content.starts_with("<p><strong>Why I stopped using polyurethane</strong></p>"),
        "{content}"
    );
    assert!(content.contains("It looked like plastic."), "{content}");
    assert_eq!(
        status["url"],
        format!(
            "{}/shopnotes/why-i-stopped-using-polyurethane",
            writefreely.base
        )
    );
    let (_, html) = get_page(
        &a,
        "",
        &format!("/@shopnotes/{}", status["id"].as_str().unwrap()),
    )
    .await;
    assert!(html.contains("Why I stopped using polyurethane"));

    // A Friendica Page addressed to a community we do not know: still a post.
    let friendica = FakeServer::start().await;
    friendica.person_at("/profile/mara");
    let nowhere = FakeServer::start().await;
    let create = fixture(
        "friendica_page",
        &[
            ("https://friendica.example", &friendica.base),
            ("https://lemmy.example", &nowhere.base),
        ],
    );
    deliver(&a, &friendica, &create).await;
    let id = create["object"]["id"].as_str().unwrap();
    let status = shown(&a, id).await;
    let content = status["content"].as_str().unwrap();
    assert!(
        content.starts_with("<p><strong>Timber prices fall for the third month</strong></p>"),
        "{content}"
    );
    let stored = posts::find_by_ap_id(&a.state.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.community_id, None);
}

#[tokio::test]
async fn a_deleted_account_takes_its_posts_and_follows_with_it() {
    let a = TestInstance::start().await;
    let anna = person(&a, "anna", Role::Member).await;
    let mastodon = FakeServer::start().await;
    let ivo = mastodon.person_at("/users/ivo");
    let note = mastodon.note(&ivo, "ivo-1", json!({}));
    let ivo_id = posts_and_is_followed(&a, &mastodon, &note, &anna).await;
    let anna_id = account_id(&a, &a.url("/users/anna")).await;
    assert!(
        follows::find(&a.state.db, anna_id, ivo_id)
            .await
            .unwrap()
            .is_some()
    );

    // Someone else's server cannot delete ivo.
    let evil = FakeServer::start().await;
    let mallory = evil.person_at("/users/mallory");
    let res = evil
        .send(
            &mallory,
            &a.url("/inbox"),
            &json!({"id": evil.url("/users/mallory#delete"), "type": "Delete",
                    "actor": mallory, "object": ivo, "to": [PUBLIC]}),
        )
        .await;
    assert!(res.status().is_client_error() || res.status().is_success());
    assert!(
        posts::find_by_ap_id(&a.state.db, note["id"].as_str().unwrap())
            .await
            .unwrap()
            .is_some()
    );

    // ivo's own server deletes him: the actor is gone there, the Delete is signed
    // with the key we hold.
    mastodon.serve_raw("/users/ivo", 410, "{}");
    let delete = fixture(
        "mastodon_delete_person",
        &[("https://mastodon.example", &mastodon.base)],
    );
    deliver(&a, &mastodon, &delete).await;
    assert!(
        posts::find_by_ap_id(&a.state.db, note["id"].as_str().unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        follows::find(&a.state.db, anna_id, ivo_id)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_move_takes_local_followers_to_the_new_account_only_when_it_names_the_old() {
    let a = TestInstance::start().await;
    let anna = person(&a, "anna", Role::Member).await;
    let old_server = FakeServer::start().await;
    let new_server = FakeServer::start().await;
    let moves = [
        ("https://mastodon2.example", new_server.base.as_str()),
        ("https://mastodon.example", old_server.base.as_str()),
    ];
    let old_doc = fixture("mastodon_person_moved_old", &moves);
    let mut not_yet = old_doc.clone();
    not_yet.as_object_mut().unwrap().remove("movedTo");
    let old = old_server.actor_doc(not_yet);
    let note = old_server.note(&old, "jun-1", json!({}));
    let old_id = posts_and_is_followed(&a, &old_server, &note, &anna).await;
    let anna_id = account_id(&a, &a.url("/users/anna")).await;

    // A new account that does not name the old one: nobody moves.
    let mut stranger = fixture("mastodon_person_moved", &moves);
    stranger["alsoKnownAs"] = json!([]);
    let new = new_server.actor_doc(stranger);
    let moved_doc = {
        let mut d = old_doc.clone();
        d["publicKey"] = json!({"id": format!("{old}#main-key"), "owner": old,
                                "publicKeyPem": served_public_key(&old).await});
        d
    };
    old_server.serve(&moved_doc);
    let mv = fixture("mastodon_move", &moves);
    let res = old_server.send(&old, &a.url("/inbox"), &mv).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(
        follows::find(&a.state.db, anna_id, old_id)
            .await
            .unwrap()
            .is_some()
    );

    // Now it names the old one: anna follows the new account and not the old.
    let named = fixture("mastodon_person_moved", &moves);
    new_server.actor_doc(named);
    let mut again = mv.clone();
    again["id"] = json!(format!("{old}#moves/4822"));
    deliver(&a, &old_server, &again).await;
    let new_id = account_id(&a, &new).await;
    assert!(
        follows::find(&a.state.db, anna_id, new_id)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        follows::find(&a.state.db, anna_id, old_id)
            .await
            .unwrap()
            .is_none()
    );
    eventually("the new server gets anna's Follow", || async {
        new_server
            .received()
            .iter()
            .any(|r| r["type"] == "Follow" && r["object"] == json!(new))
    })
    .await;
}

/// The public key an actor's server serves for it now.
async fn served_public_key(actor: &str) -> String {
    let doc: Value = crate::harness::http_client()
        .get(actor)
        .header("accept", "application/activity+json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    doc["publicKey"]["publicKeyPem"]
        .as_str()
        .unwrap()
        .to_string()
}

//! Mastodon's account endpoints and the instance endpoints.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::TestInstance;

#[tokio::test]
async fn teachers_edit_their_profile_and_everyone_sees_it() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let token = a.token("anna", &password, "read write").await;

    // Form-encoded, as apps send it, with Rails-style lists.
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .form(&[
            ("display_name", "Anna Gruber"),
            ("note", "Maths teacher.\n\nI <3 geometry"),
            ("locked", "true"),
            ("subjects[]", "Mathematics"),
            ("subjects[]", "Physics"),
            ("education_levels[]", "ISCED 2"),
            ("languages[]", "de"),
            ("country", "at"),
            ("region", "Tyrol"),
            ("school", "BG Innsbruck"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["display_name"], "Anna Gruber");
    assert_eq!(me["note"], "<p>Maths teacher.</p><p>I &lt;3 geometry</p>");
    assert_eq!(me["source"]["note"], "Maths teacher.\n\nI <3 geometry");
    assert_eq!(me["locked"], true);
    assert_eq!(
        me["collegium"]["subjects"],
        json!(["Mathematics", "Physics"])
    );
    assert_eq!(me["collegium"]["country"], "AT");
    assert!(
        me["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "Subjects" && f["value"] == "Mathematics, Physics")
    );

    // JSON works as well.
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .json(&json!({"locked": false, "school": "HTL Innsbruck"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    let id = me["id"].as_str().unwrap();
    let (status, public) = a.get_json(&format!("/api/v1/accounts/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["display_name"], "Anna Gruber");
    assert_eq!(public["locked"], false);
    assert_eq!(public["collegium"]["school"], "HTL Innsbruck");
    assert!(public.get("source").is_none());

    let (_, actor) = a.get_ap("/users/anna").await;
    assert_eq!(actor["name"], "Anna Gruber");
    assert_eq!(
        actor["summary"],
        "<p>Maths teacher.</p><p>I &lt;3 geometry</p>"
    );
    assert_eq!(actor["subjects"], json!(["Mathematics", "Physics"]));
    assert!(
        actor["attachment"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["type"] == "PropertyValue"
                && p["name"] == "School"
                && p["value"] == "HTL Innsbruck")
    );

    let page = a
        .client
        .get(a.url("/@anna"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Anna Gruber"));
    assert!(page.contains("Mathematics, Physics"));
    assert!(page.contains("I &lt;3 geometry"));

    // Bad input changes nothing.
    for (body, message) in [
        (
            json!({"display_name": "x".repeat(31)}),
            "Display name is too long",
        ),
        (json!({"note": "x".repeat(501)}), "Bio is too long"),
        (json!({"country": "Austria"}), "two-letter"),
        (json!({"locked": "perhaps"}), "not a boolean"),
        (json!({"avatar_url": "javascript:alert(1)"}), "Avatar"),
        (
            json!({"subjects": (0..21).map(|i| i.to_string()).collect::<Vec<_>>()}),
            "at most 20",
        ),
    ] {
        let res = a
            .client
            .patch(a.url("/api/v1/accounts/update_credentials"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let err: Value = res.json().await.unwrap();
        assert!(err["error"].as_str().unwrap().contains(message), "{err}");
    }
    let (_, after) = a.get_json(&format!("/api/v1/accounts/{id}")).await;
    assert_eq!(after["display_name"], "Anna Gruber");
    assert_eq!(after["collegium"]["country"], "AT");

    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .form(&[("display_name", "Nobody")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn accounts_are_shown_and_looked_up() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;
    let (status, anna) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(anna["username"], "anna");
    assert_eq!(anna["uri"], a.url("/users/anna"));
    let (status, same) = a
        .get_json(&format!("/api/v1/accounts/lookup?acct=anna@{}", a.domain))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(same["id"], anna["id"]);
    let (status, shown) = a
        .get_json(&format!(
            "/api/v1/accounts/{}",
            anna["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown["acct"], "anna");

    for path in [
        "/api/v1/accounts/lookup?acct=nobody",
        "/api/v1/accounts/999999",
        "/api/v1/accounts/not-a-number",
    ] {
        let (status, err) = a.get_json(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(err["error"], "Record not found");
    }
    let (status, _) = a.get_json("/api/v1/accounts/lookup").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn instance_endpoints_have_mastodon_shapes() {
    let a = TestInstance::start_with(|s| {
        s.instance.name = "Digital Pedagogy Tyrol".into();
        s.instance.contact_email = "admin@tyrol.example".into();
    })
    .await;
    a.user("anna", Role::Admin).await;
    let (status, v1) = a.get_json("/api/v1/instance").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v1["uri"], a.domain);
    assert_eq!(v1["title"], "Digital Pedagogy Tyrol");
    assert_eq!(v1["email"], "admin@tyrol.example");
    assert!(
        v1["version"]
            .as_str()
            .unwrap()
            .starts_with("4.3.0 (compatible; Collegium")
    );
    assert_eq!(v1["stats"]["user_count"], 1);
    assert_eq!(v1["registrations"], false);
    assert!(v1["configuration"]["statuses"]["max_characters"].is_u64());

    let (status, v2) = a.get_json("/api/v2/instance").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v2["domain"], a.domain);
    assert_eq!(v2["title"], "Digital Pedagogy Tyrol");
    assert_eq!(v2["registrations"]["enabled"], false);
    assert_eq!(v2["contact"]["email"], "admin@tyrol.example");
    assert!(v2["usage"]["users"]["active_month"].is_i64());
    assert!(v2["configuration"]["accounts"]["max_note_length"].is_u64());
}

#[tokio::test]
async fn a_reused_remote_name_moves_to_the_new_actor() {
    use collegium::accounts::store::{self, NewAccount};
    let a = TestInstance::start().await;
    let remote = |id: &str| NewAccount {
        username: "bob".into(),
        domain: Some("remote.example".into()),
        actor_type: "Person".into(),
        ap_id: id.into(),
        url: None,
        display_name: "Bob".into(),
        note_html: String::new(),
        avatar_url: None,
        header_url: None,
        inbox_url: format!("{id}/inbox"),
        outbox_url: None,
        shared_inbox_url: None,
        followers_url: None,
        following_url: None,
        public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
        private_key_pem: None,
        locked: false,
        bot: false,
        discoverable: true,
        indexable: true,
    };
    let db = &a.state.db;
    let first = store::upsert_remote(db, remote("https://remote.example/users/bob"))
        .await
        .unwrap();
    let again = store::upsert_remote(db, remote("https://remote.example/users/bob"))
        .await
        .unwrap();
    assert_eq!(
        first.id, again.id,
        "the same actor is refreshed, not duplicated"
    );
    let second = store::upsert_remote(db, remote("https://remote.example/users/bob-new"))
        .await
        .unwrap();
    assert_ne!(first.id, second.id);
    let found = store::find_remote_by_acct(db, "BOB", "remote.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, second.id);
    let old = store::find_by_id(db, first.id).await.unwrap().unwrap();
    assert_eq!(old.username, format!("bob~{}", first.id));
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_a_busy_timeout() {
    let a = TestInstance::start().await;
    if let collegium::db::Db::Sqlite(pool) = &a.state.db {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(pool)
            .await
            .unwrap();
        assert!(timeout >= 5000, "{timeout}");
    }
}

#[tokio::test]
async fn app_start_up_endpoints_answer_truthfully() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let token = a.token("anna", &password, "read").await;
    let (status, emojis) = a.get_json("/api/v1/custom_emojis").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(emojis, json!([]));
    for path in [
        "/api/v1/lists",
        "/api/v1/filters",
        "/api/v2/filters",
        "/api/v1/announcements",
    ] {
        let (status, body) = a.get_authed(path, &token).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(body, json!([]), "{path}");
        let (status, _) = a.get_json(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let (status, prefs) = a.get_authed("/api/v1/preferences", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(prefs["posting:default:visibility"], "public");
    let (_, peers) = a.get_json("/api/v1/instance/peers").await;
    assert_eq!(peers, json!([]));
}

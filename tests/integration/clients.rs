//! Real clients against a real instance: a Mastodon client library, and a browser.

use std::process::Output;

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::harness::TestInstance;

/// Runs one of the scripts in tests/clients with the Python that `scripts/test`
/// prepares (Mastodon.py, Selenium).
async fn run_client(script: &str, args: Vec<String>) -> Output {
    let python = std::env::var("COLLEGIUM_TEST_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/target/client-venv/bin/python",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let path = format!("{}/tests/clients/{script}", env!("CARGO_MANIFEST_DIR"));
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(&python)
            .arg(&path)
            .args(&args)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {python} ({e}): run scripts/test, which installs the test clients"
                )
            })
    })
    .await
    .unwrap();
    assert!(
        output.status.success(),
        "{script} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[tokio::test]
async fn mastodon_py_registers_an_app_and_signs_in_both_ways() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let output = run_client(
        "mastodon_py_sign_in.py",
        vec![a.base.clone(), "anna".into(), password],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");
    let (_, me) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(me["display_name"], "Set by Mastodon.py");
}

#[tokio::test]
async fn a_browser_signs_in_authorises_an_app_and_signs_out() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let oob = "urn:ietf:wg:oauth:2.0:oob";
    let (client_id, secret) = a.app("read", oob).await;
    let output = run_client(
        "browser_sign_in.py",
        vec![a.base.clone(), "anna".into(), password, client_id.clone()],
    )
    .await;
    // The code the browser was shown works for the app.
    let code = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let res = a
        .exchange_code(&client_id, Some(&secret), &code, oob, None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// What tests/clients/browser_communities.py types into the pages.
const COMMUNITY_TITLE: &str = "Robotics in the Alps";
const THREAD_TITLE: &str = "Line-following robots with year 7";
const THREAD_BODY: &str = "Which kits worked for you with twelve-year-olds?";
const COMMENT: &str = "We used cardboard chassis and it went well.";

#[tokio::test]
async fn a_browser_opens_a_community_joins_posts_and_moderates() {
    const API: &str = "/api/collegium/v1/communities";
    let a = TestInstance::start().await;
    let facilitator_password = a.user("fatima", Role::Facilitator).await;
    let member_password = a.user("mia", Role::Member).await;
    let output = run_client(
        "browser_communities.py",
        vec![
            a.base.clone(),
            "fatima".into(),
            facilitator_password,
            "mia".into(),
            member_password.clone(),
        ],
    )
    .await;
    let name = String::from_utf8_lossy(&output.stdout).trim().to_string();

    // The community the facilitator opened, as the form described it.
    let (status, community) = a.get_json(&format!("{API}/lookup?acct={name}")).await;
    assert_eq!(status, StatusCode::OK, "{name}: {community}");
    assert_eq!(community["title"], COMMUNITY_TITLE);
    assert_eq!(community["languages"], json!(["de", "it"]));
    assert_eq!(community["country"], "AT");
    assert_eq!(community["topics"], json!(["STEM", "robotics"]));
    assert_eq!(
        community["facilitators"][0]["acct"], "fatima",
        "{community}"
    );
    assert_eq!(community["members_count"], 1, "{community}");
    let id = community["id"].as_str().unwrap();

    // The member joined with the button.
    let token = a.token("mia", &member_password, "read").await;
    let (_, seen) = a.get_authed(&format!("{API}/{id}"), &token).await;
    assert_eq!(seen["membership"], "member", "{seen}");

    // The thread from the composer.
    let (_, threads) = a.get_json(&format!("{API}/{id}/posts")).await;
    let [thread] = threads.as_array().unwrap().as_slice() else {
        panic!("one thread expected: {threads}");
    };
    assert_eq!(thread["collegium"]["title"], THREAD_TITLE, "{thread}");
    assert_eq!(thread["account"]["acct"], "mia");
    assert!(thread["content"].as_str().unwrap().contains(THREAD_BODY));
    let thread_id = thread["id"].as_str().unwrap();

    // The facilitator used the thread page's controls: the thread is pinned and
    // locked, and the member's comment is gone from it.
    assert_eq!(thread["collegium"]["pinned"], true, "{thread}");
    assert_eq!(thread["collegium"]["locked"], true, "{thread}");
    assert_eq!(thread["collegium"]["comments_count"], 0, "{thread}");
    let (_, context) = a
        .get_json(&format!("/api/v1/statuses/{thread_id}/context"))
        .await;
    assert_eq!(context["descendants"], json!([]), "{context}");

    // The log, newest first: the removal with its reason, the pin and the lock,
    // each by the facilitator, after the opening.
    let (_, log) = a.get_json(&format!("{API}/{id}/moderation_log")).await;
    let entries: Vec<_> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["moderator"].as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            ("lock", Some("fatima")),
            ("pin", Some("fatima")),
            ("remove_post", Some("fatima")),
            ("create", Some("fatima")),
        ],
        "{log}"
    );
    assert_eq!(log[0]["target_status_id"], thread_id, "{log}");
    assert_eq!(log[1]["target_status_id"], thread_id, "{log}");

    // What was removed is the member's comment (not the thread), written from the
    // thread page: it no longer exists, and its text is in none of her posts.
    let removal = &log[2];
    assert_eq!(removal["reason"], "Off topic", "{removal}");
    let (_, mia) = a.get_json("/api/v1/accounts/lookup?acct=mia").await;
    let mia_id = mia["id"].as_str().unwrap();
    assert_eq!(removal["target_account_id"], mia_id, "{removal}");
    let removed = removal["target_status_id"].as_str().unwrap();
    assert_ne!(removed, thread_id, "{removal}");
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{removed}")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the removed comment {removed}"
    );
    let (_, posts) = a
        .get_json(&format!("/api/v1/accounts/{mia_id}/statuses"))
        .await;
    let ids: Vec<_> = posts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [thread_id], "{posts}");
    assert!(!posts.to_string().contains(COMMENT), "{posts}");
}

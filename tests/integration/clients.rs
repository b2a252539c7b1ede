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
    assert_eq!(
        community["members_count"], 2,
        "the facilitator and the member: {community}"
    );
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

/// What tests/clients/browser_materials.py types and picks.
const MATERIAL_NAME: &str = "Fractions with pizza";
const MATERIAL_DESCRIPTION: &str = "A worksheet for adding fractions with paper pizza slices.";
const MATERIAL_NEW_DESCRIPTION: &str = "Adding fractions with paper pizza slices, for year 4.";
const REMIX_NAME: &str = "Frazioni con la pizza";

#[tokio::test]
async fn a_browser_publishes_finds_remixes_and_edits_a_material() {
    const API: &str = "/api/collegium/v1/materials";
    let a = TestInstance::start().await;
    let teacher_password = a.user("tina", Role::Member).await;
    let colleague_password = a.user("carlo", Role::Member).await;
    let pdf: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let file = a.dir.join("fractions-worksheet.pdf");
    std::fs::write(&file, pdf).expect("write the PDF");
    let output = run_client(
        "browser_materials.py",
        vec![
            a.base.clone(),
            "tina".into(),
            teacher_password,
            "carlo".into(),
            colleague_password,
            file.display().to_string(),
        ],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");

    // Two materials: the teacher's and the colleague's adaptation.
    let (status, list) = a.get_json(API).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let names: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, [REMIX_NAME, MATERIAL_NAME], "newest first: {list}");
    let original = &list[1];
    let ids = |terms: &serde_json::Value| -> Vec<String> {
        terms
            .as_array()
            .unwrap_or_else(|| panic!("a list of terms: {terms}"))
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };

    // The original, as the form described it and as the edit changed it.
    assert_eq!(original["account"]["acct"], "tina", "{original}");
    assert_eq!(
        original["description"], MATERIAL_NEW_DESCRIPTION,
        "{original}"
    );
    assert!(
        original["body"].as_str().unwrap().contains("margherita"),
        "{original}"
    );
    assert_eq!(original["language"], "de", "{original}");
    assert_eq!(original["licence"]["id"], "cc-by-sa", "{original}");
    assert_eq!(ids(&original["resource_types"]), ["worksheet"]);
    assert_eq!(ids(&original["levels"]), ["1"]);
    assert_eq!(ids(&original["subjects"]), ["054"]);
    assert_eq!(ids(&original["teaches"]), ["5.3"]);
    assert_eq!(original["time_required"], "PT45M", "{original}");
    assert_eq!(original["based_on"], serde_json::Value::Null, "{original}");
    assert_eq!(original["version"], 2, "{original}");
    assert_eq!(original["remixes_count"], 1, "{original}");

    // The PDF the browser attached, kept through the edit, as it was on disk.
    let [attached] = original["files"].as_array().unwrap().as_slice() else {
        panic!("one file expected: {original}");
    };
    assert_eq!(attached["name"], "fractions-worksheet.pdf", "{attached}");
    assert_eq!(attached["media_type"], "application/pdf", "{attached}");
    assert_eq!(attached["uploaded"], true, "{attached}");
    assert_eq!(attached["size"], pdf.len(), "{attached}");
    let res = a
        .client
        .get(attached["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf);

    // One remix, by the colleague, from the prefilled form with a new name and
    // language, pointing at the original.
    let id = original["id"].as_str().unwrap();
    let (_, remixes) = a.get_json(&format!("{API}/{id}/remixes")).await;
    let [remix] = remixes.as_array().unwrap().as_slice() else {
        panic!("one remix expected: {remixes}");
    };
    assert_eq!(remix["name"], REMIX_NAME, "{remix}");
    assert_eq!(remix["account"]["acct"], "carlo", "{remix}");
    assert_eq!(remix["based_on"]["uri"], original["uri"], "{remix}");
    assert_eq!(remix["based_on"]["id"], id, "{remix}");
    assert_eq!(remix["language"], "it", "{remix}");
    assert_eq!(remix["description"], MATERIAL_DESCRIPTION, "{remix}");
    assert_eq!(remix["licence"]["id"], "cc-by-sa", "{remix}");
    assert_eq!(ids(&remix["levels"]), ["1"]);
    assert_eq!(remix["version"], 1, "{remix}");

    // Both versions of the original, oldest first.
    let (_, history) = a.get_json(&format!("{API}/{id}/history")).await;
    let versions: Vec<_> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_i64(), v["description"].as_str()))
        .collect();
    assert_eq!(
        versions,
        [
            (Some(1_i64), Some(MATERIAL_DESCRIPTION)),
            (Some(2_i64), Some(MATERIAL_NEW_DESCRIPTION)),
        ],
        "{history}"
    );
}

/// What tests/clients/browser_cases.py types and picks.
const CASE_COMMUNITY_TITLE: &str = "Digital schools in Tyrol";
const CASE_TITLE: &str = "Peer tutoring with tablets in a mountain school";
const CASE_SUMMARY: &str =
    "Year 9 pupils tutored year 5 pupils in fractions once a week, in pairs with a shared tablet.";
const CASE_EVIDENCE_LINK: &str = "https://school.example/tutoring-evaluation.pdf";

#[tokio::test]
async fn a_browser_documents_a_case_and_a_facilitator_verifies_it() {
    const API: &str = "/api/collegium/v1/cases";
    const COMMUNITIES: &str = "/api/collegium/v1/communities";
    let a = TestInstance::start().await;
    let facilitator_password = a.user("fatima", Role::Facilitator).await;
    let teacher_password = a.user("tina", Role::Member).await;
    let facilitator = a
        .token("fatima", &facilitator_password, "read write follow")
        .await;
    let teacher = a
        .token("tina", &teacher_password, "read write follow")
        .await;

    // The facilitator opens the community and the teacher joins it.
    let res = a
        .client
        .post(a.url(COMMUNITIES))
        .bearer_auth(&facilitator)
        .json(&json!({"name": "digital_tyrol", "title": CASE_COMMUNITY_TITLE}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let community: serde_json::Value = res.json().await.unwrap();
    let community_id = community["id"].as_str().unwrap().to_string();
    let res = a
        .client
        .post(a.url(&format!("{COMMUNITIES}/{community_id}/join")))
        .bearer_auth(&teacher)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, none) = a.get_json(API).await;
    assert_eq!(none, json!([]), "no case reports before the browser");
    // A material to link (browser_cases.py finds it by words of its title).
    let res = a
        .client
        .post(a.url("/api/collegium/v1/materials"))
        .bearer_auth(&teacher)
        .json(&json!({
            "name": "Fraction cards with pizza",
            "description": "Cards for adding fractions.",
            "licence": "cc-by",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    let output = run_client(
        "browser_cases.py",
        vec![
            a.base.clone(),
            "fatima".into(),
            facilitator_password,
            "tina".into(),
            teacher_password,
            CASE_COMMUNITY_TITLE.into(),
        ],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");

    // One report, by the teacher, as the form described it, in the community.
    let (status, list) = a.get_json(API).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let [case] = list.as_array().unwrap().as_slice() else {
        panic!("one case report expected: {list}");
    };
    let ids = |terms: &serde_json::Value| -> Vec<String> {
        terms
            .as_array()
            .unwrap_or_else(|| panic!("a list of terms: {terms}"))
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(case["title"], CASE_TITLE, "{case}");
    assert_eq!(case["summary"], CASE_SUMMARY, "{case}");
    assert_eq!(case["account"]["acct"], "tina", "{case}");
    assert_eq!(case["community_id"], community_id.as_str(), "{case}");
    assert_eq!(case["country"]["id"], "AT", "{case}");
    assert_eq!(case["region"], "Tyrol", "{case}");
    assert_eq!(case["language"], "de", "{case}");
    assert_eq!(case["sector"]["id"], "school", "{case}");
    assert_eq!(case["stage"]["id"], "pilot", "{case}");
    assert_eq!(case["licence"]["id"], "cc-by", "{case}");
    assert_eq!(ids(&case["levels"]), ["2"]);
    assert_eq!(ids(&case["school_subjects"]), ["physics"]);
    assert_eq!(
        case["materials"][0]["name"], "Fraction cards with pizza",
        "{case}"
    );
    assert_eq!(ids(&case["subjects"]), ["053"]);
    assert_eq!(ids(&case["evidence_kinds"]), ["comparison"]);
    assert_eq!(ids(&case["digcompedu"]), ["5.3"]);
    assert_eq!(ids(&case["selfie"]), ["f"]);
    assert_eq!(
        case["ict_tools"],
        json!(["GeoGebra", "school tablets"]),
        "{case}"
    );
    assert_eq!(
        case["evidence_links"],
        json!([CASE_EVIDENCE_LINK]),
        "{case}"
    );
    assert_eq!(case["contact"], "mathe@school.example", "{case}");
    for (field, says) in [
        ("context", "220 pupils"),
        ("problem", "fell behind in fractions"),
        ("intervention", "Each pair shared a tablet"),
        ("actors", "24 tutors"),
        ("barriers", "needed charging"),
        ("enablers", "trained in two short sessions"),
        ("evidence_indicators", "from 54% to 71%"),
        ("costs", "No new costs"),
        ("transfer", "A free period"),
    ] {
        assert!(
            case[field].as_str().unwrap_or_default().contains(says),
            "{field}: {case}"
        );
    }
    assert_eq!(case["version"], 1, "{case}");

    // Verified from the page, by the facilitator.
    let (_, fatima) = a.get_json("/api/v1/accounts/lookup?acct=fatima").await;
    let verified = &case["verified"];
    assert_eq!(
        verified["by"],
        format!("fatima (@fatima@{})", a.domain),
        "{case}"
    );
    assert_eq!(verified["by_account_id"], fatima["id"], "{case}");
    let (_, only_verified) = a
        .get_json(&format!("{API}?verified=true&country=AT&stage=pilot"))
        .await;
    assert_eq!(
        only_verified.as_array().map(Vec::len),
        Some(1),
        "{only_verified}"
    );
}

#[tokio::test]
async fn the_pages_fit_a_phone_and_speak_the_browsers_language() {
    let a = TestInstance::start().await;
    // An admin (who may open communities too), so that the admin pages are seen.
    let password = a.user("greta", Role::Admin).await;
    let token = a.token("greta", &password, "write").await;
    let res = a
        .client
        .post(a.url("/api/collegium/v1/communities"))
        .bearer_auth(&token)
        .json(&json!({"name": "mathe_tirol", "title": "Mathematik in Tirol, ein langer Titel ohne Umbruch"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    run_client(
        "browser_layout.py",
        vec![
            a.base.clone(),
            "greta".into(),
            password,
            "mathe_tirol".into(),
        ],
    )
    .await;
}

#[tokio::test]
async fn a_german_teacher_joins_follows_talks_finds_and_publishes_in_german() {
    let a = TestInstance::start_with(|s| s.instance.registrations_open = true).await;
    let b = TestInstance::start().await;
    let bea_pw = b.user("bea", Role::Member).await;
    let bea = b.token("bea", &bea_pw, "read write follow").await;
    let mia_pw = a.user("mia", Role::Member).await;
    let mia = a.token("mia", &mia_pw, "read write").await;
    let title = "Arbeitsblätter zur Bruchrechnung";
    let res = a
        .client
        .post(a.url("/api/collegium/v1/materials"))
        .bearer_auth(&mia)
        .json(&json!({
            "name": title,
            "description": "Zwölf Arbeitsblätter mit Pizzastücken.",
            "language": "de",
            "licence": "cc-by-sa",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let handle = format!("bea@{}", b.base.trim_start_matches("http://"));
    let output = run_client(
        "browser_journey.py",
        vec![a.base.clone(), b.base.clone(), handle, bea, title.into()],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");

    // What the pages did, as the API and the other server see it.
    let (_, greta) = a.get_json("/api/v1/accounts/lookup?acct=greta").await;
    assert_eq!(greta["display_name"], "Greta Huber");
    assert_eq!(
        greta["collegium"]["school_subjects"],
        json!(["mathematics"])
    );
    let (_, mine) = a.get_json("/api/collegium/v1/materials?q=GeoGebra").await;
    assert_eq!(mine[0]["account"]["acct"], "greta", "{mine}");
    let (_, on_b) = b.get_json("/api/v1/accounts/lookup?acct=bea").await;
    let bea_id = on_b["id"].as_str().unwrap().to_string();
    crate::harness::eventually("bea's post is liked and boosted on B", || async {
        let (_, posts) = b
            .get_json(&format!("/api/v1/accounts/{bea_id}/statuses"))
            .await;
        posts.as_array().is_some_and(|list| {
            list.iter().any(|p| {
                p["content"].as_str().is_some_and(|c| c.contains("Pizza"))
                    && p["favourites_count"] == 1
                    && p["reblogs_count"] == 1
                    && p["replies_count"] == 1
            })
        })
    })
    .await;
}

//! The admin area on the web: who may enter, people and roles, reports, the queue.

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::{
    harness::{TestInstance, form_field, get_page},
    pages::web_sign_in,
};

#[tokio::test]
async fn an_admin_manages_people_reports_and_the_queue_from_the_web() {
    let a = TestInstance::start().await;
    let ada_pw = a.user("ada", Role::Admin).await;
    let mo_pw = a.user("mo", Role::Member).await;
    let (ada, csrf) = web_sign_in(&a, "ada", &ada_pw).await;
    let (mo, mo_csrf) = web_sign_in(&a, "mo", &mo_pw).await;

    // Who may enter.
    let res = a.client.get(a.url("/admin")).send().await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "signed out: sign in first"
    );
    let (status, _) = get_page(&a, &mo, "/admin").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, html) = get_page(&a, &ada, "/admin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("People with an account") && html.contains("<dd>2</dd>"),
        "{html}"
    );

    // A new account, its password shown once, and it works.
    let post = |cookies: String, path: &'static str, fields: Vec<(&'static str, String)>| {
        let request = a
            .client
            .post(a.url(path))
            .header("cookie", cookies)
            .form(&fields);
        async move { request.send().await.unwrap() }
    };
    let res = post(
        ada.clone(),
        "/admin/people",
        vec![
            ("csrf", csrf.clone()),
            ("username", "tina".into()),
            ("email", "tina@school.example".into()),
            ("role", "member".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let password = html
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("the new password is shown")
        .to_string();
    let (tina, _) = web_sign_in(&a, "tina", &password).await;
    assert!(tina.contains("collegium_session"));
    let res = post(
        ada.clone(),
        "/admin/people",
        vec![
            ("csrf", csrf.clone()),
            ("username", "tina".into()),
            ("email", "other@school.example".into()),
            ("role", "member".into()),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the name is taken"
    );
    assert_eq!(
        form_field(&res.text().await.unwrap(), "email").as_deref(),
        Some("other@school.example"),
        "the input is kept"
    );
    let res = post(
        mo.clone(),
        "/admin/people",
        vec![
            ("csrf", mo_csrf.clone()),
            ("username", "x".into()),
            ("email", "x@school.example".into()),
            ("role", "admin".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Roles: someone else's, never one's own.
    let (_, users) = (
        0,
        collegium::accounts::store::list_users(&a.state.db)
            .await
            .unwrap(),
    );
    let tina_id = users
        .iter()
        .find(|(acc, _)| acc.username == "tina")
        .unwrap()
        .1
        .id;
    let ada_id = users
        .iter()
        .find(|(acc, _)| acc.username == "ada")
        .unwrap()
        .1
        .id;
    let res = a
        .client
        .post(a.url(&format!("/admin/people/{tina_id}/role")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("role", "facilitator")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = a
        .client
        .post(a.url(&format!("/admin/people/{ada_id}/role")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("role", "member")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let users = collegium::accounts::store::list_users(&a.state.db)
        .await
        .unwrap();
    let role = |name: &str| {
        users
            .iter()
            .find(|(acc, _)| acc.username == name)
            .unwrap()
            .1
            .role
    };
    assert_eq!(role("tina"), Role::Facilitator);
    assert_eq!(role("ada"), Role::Admin);

    // A report about a post, resolved here.
    let token = a.token("mo", &mo_pw, "read write").await;
    let (_, status_json) = crate::harness::post_json(
        &a,
        &token,
        "/api/v1/statuses",
        serde_json::json!({"status": "Buy cheap essays"}),
    )
    .await;
    let id = status_json["id"].as_str().unwrap().to_string();
    let (tina, tina_csrf) = web_sign_in(&a, "tina", &password).await;
    let res = a
        .client
        .post(a.url(&format!("/posts/{id}")))
        .header("cookie", &tina)
        .form(&[
            ("csrf", tina_csrf.as_str()),
            ("action", "report_confirmed"),
            ("reason", "Spam"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, html) = get_page(&a, &ada, "/admin/reports").await;
    assert!(html.contains("@tina reported @mo: Spam"), "{html}");
    let report_id = html
        .split("/admin/reports/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .replace("&#x2f;", "");
    let res = a
        .client
        .post(a.url(&format!("/admin/reports/{report_id}/resolve")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &ada, "/admin/reports").await;
    assert!(html.contains("No open reports."), "{html}");

    // The queue page and its retry.
    let (status, _) = get_page(&a, &ada, "/admin/federation").await;
    assert_eq!(status, StatusCode::OK);
    let res = a
        .client
        .post(a.url("/admin/federation/retry"))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("domain", "school.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

/// A sign-in attempt: its status and the page it answered (empty on success).
async fn try_sign_in(a: &TestInstance, login: &str, password: &str) -> (StatusCode, String) {
    let res = a.client.get(a.url("/auth/sign_in")).send().await.unwrap();
    let csrf = crate::harness::set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = a
        .client
        .post(a.url("/auth/sign_in"))
        .header("cookie", format!("collegium_csrf={csrf}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", login),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.text().await.unwrap_or_default())
}

#[tokio::test]
async fn an_admin_sets_the_instance_and_approves_suspends_and_resets_people() {
    let a = TestInstance::start().await;
    let ada_pw = a.user("ada", Role::Admin).await;
    let (ada, csrf) = web_sign_in(&a, "ada", &ada_pw).await;
    let post = |path: String, fields: Vec<(&'static str, String)>| {
        let request = a
            .client
            .post(a.url(&path))
            .header("cookie", ada.clone())
            .form(&fields);
        async move { request.send().await.unwrap() }
    };

    // The settings page shows the configuration; a bad form changes nothing.
    let (status, html) = get_page(&a, &ada, "/admin/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"value="Collegium""#), "{html}");
    let settings = |name: &str, languages: &str, registrations: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", name.to_string()),
            ("description", "Teachers of Tyrol, together.".to_string()),
            ("contact_email", "team@tyrol.example".to_string()),
            ("country", "AT".to_string()),
            ("languages", languages.to_string()),
            ("registrations", registrations.to_string()),
            ("rules", "Be kind.\r\nShare what you can.".to_string()),
            ("privacy_notice", "We keep what you post.".to_string()),
            ("imprint", "Bildungsdirektion Tirol".to_string()),
        ]
    };
    let res = post(
        "/admin/settings".into(),
        settings("Tirol lernt", "de, <script>", "approval"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("Give at least one language"), "{html}");
    assert!(html.contains(r#"value="Tirol lernt""#), "the form is kept");
    let (_, instance) = a.get_json("/api/v2/instance").await;
    assert_eq!(instance["title"], "Collegium", "nothing changed");

    let res = post(
        "/admin/settings".into(),
        settings("Tirol lernt", "de, en", "approval"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, instance) = a.get_json("/api/v2/instance").await;
    assert_eq!(instance["title"], "Tirol lernt");
    assert_eq!(instance["contact"]["email"], "team@tyrol.example");
    assert_eq!(instance["registrations"]["enabled"], true);
    assert_eq!(instance["registrations"]["approval_required"], true);
    assert_eq!(instance["rules"][1]["text"], "Share what you can.");
    let (_, actor) = a.get_ap("/actor").await;
    assert_eq!(
        actor["name"], "Tirol lernt",
        "the instance actor is named so too"
    );
    let (_, about) = get_page(&a, "", "/about").await;
    assert!(about.contains("Tirol lernt") && about.contains("Teachers of Tyrol"));
    assert!(
        about.contains(r#"<html lang="de">"#),
        "the instance's language first"
    );
    let (_, imprint) = get_page(&a, "", "/about/imprint").await;
    assert!(imprint.contains("Bildungsdirektion Tirol"));
    // It outlives a restart.
    let mut a = a;
    a.stop().await;
    a.restart().await;
    let (_, instance) = a.get_json("/api/v2/instance").await;
    assert_eq!(instance["title"], "Tirol lernt");
    let (ada, csrf) = web_sign_in(&a, "ada", &ada_pw).await;
    let post = |path: String, fields: Vec<(&'static str, String)>| {
        let request = a
            .client
            .post(a.url(&path))
            .header("cookie", ada.clone())
            .form(&fields);
        async move { request.send().await.unwrap() }
    };

    // Someone asks to join; they wait for an admin.
    let res = a.client.get(a.url("/auth/sign_up")).send().await.unwrap();
    let sign_up_csrf = crate::harness::set_cookie_value(&res, "collegium_csrf").unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"name="reason""#));
    let sign_up = |reason: &str| {
        let request = a
            .client
            .post(a.url("/auth/sign_up"))
            .header("cookie", format!("collegium_csrf={sign_up_csrf}"))
            .form(&[
                ("csrf", sign_up_csrf.as_str()),
                ("username", "vera"),
                ("email", "vera@school.example"),
                ("password", "a-good-long-password"),
                ("agree", "yes"),
                ("reason", reason),
            ]);
        async move { request.send().await.unwrap() }
    };
    let res = sign_up("").await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is asked for"
    );
    let res = sign_up("I teach maths in Lienz.").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/auth/sign_in?waiting=1");
    assert!(crate::harness::set_cookie_value(&res, "collegium_session").is_none());
    let (status, html) = try_sign_in(&a, "vera", "a-good-long-password").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // In the instance's language, German now.
    assert!(html.contains("wartet auf die Bestätigung"), "{html}");
    let (_, html) = get_page(&a, &ada, "/admin/people").await;
    assert!(html.contains("I teach maths in Lienz."), "{html}");
    let (_, dashboard) = get_page(&a, &ada, "/admin").await;
    assert!(dashboard.contains("Konten, die auf Bestätigung warten"));
    // The only other person: her forms are the only ones with actions.
    let vera = html
        .split("/admin/people/")
        .nth(1)
        .and_then(|s| s.split("/action").next())
        .expect("vera waits")
        .to_string();
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", csrf.clone()), ("action", "approve".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = try_sign_in(&a, "vera", "a-good-long-password").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "approved, she signs in");
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", csrf.clone()), ("action", "refuse".into())],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an approved account is not refused"
    );

    // Suspended: signed out everywhere, no sign-in, no app.
    let (vera_cookies, _) = web_sign_in(&a, "vera", "a-good-long-password").await;
    let token = a.token("vera", "a-good-long-password", "read").await;
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", csrf.clone()), ("action", "suspend".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = get_page(&a, &vera_cookies, "/settings/profile").await;
    assert_ne!(status, StatusCode::OK, "her browser is signed out");
    let (status, _) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, html) = try_sign_in(&a, "vera", "a-good-long-password").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(html.contains("Dieses Konto ist gesperrt"), "{html}");
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", csrf.clone()), ("action", "unsuspend".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // A new password, shown once: the old one stops working.
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", csrf.clone()), ("action", "reset_password".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let password = html
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("the new password is shown")
        .to_string();
    let (status, _) = try_sign_in(&a, "vera", "a-good-long-password").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = try_sign_in(&a, "vera", &password).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Not without the form's token.
    let res = post(
        format!("/admin/people/{vera}/action"),
        vec![("csrf", "wrong".into()), ("action", "suspend".into())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

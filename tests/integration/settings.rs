//! The settings pages: the profile (the same change as the API's
//! `update_credentials`), the account (the password) and preferences (the
//! interface language).

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::{
    harness::multipart_files,
    harness::{TestInstance, form_field, get_page, set_cookie_value},
    pages::web_sign_in,
};

/// POSTs a form with the given cookies.
async fn post_form(
    a: &TestInstance,
    cookies: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    a.client
        .post(a.url(path))
        .header("cookie", cookies)
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// Whether `password` signs `name` in on the web.
async fn signs_in(a: &TestInstance, name: &str, password: &str) -> bool {
    let res = a.client.get(a.url("/auth/sign_in")).send().await.unwrap();
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = a
        .client
        .post(a.url("/auth/sign_in"))
        .header("cookie", format!("collegium_csrf={csrf}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", name),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    set_cookie_value(&res, "collegium_session").is_some()
}

#[tokio::test]
async fn a_teacher_edits_her_profile_on_the_web_and_the_api_shows_it() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "anna", &password).await;

    // The header links to the settings; the page marks where one is.
    let (status, html) = get_page(&a, &cookies, "/settings/profile").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(form_field(&html, "csrf").unwrap(), csrf);
    assert!(html.contains(r#"<a href="/settings/profile">Settings</a>"#));
    assert!(html.contains(r#"<a href="/settings/profile" aria-current="page">"#));
    assert!(html.contains(r#"<a href="/settings/account">"#));
    assert!(html.contains(r#"<a href="/settings/preferences">"#));
    assert!(!html.contains("Saved."));

    let note = "Physics teacher in Innsbruck.\r\n\r\nI like <experiments> & field trips.";
    let res = post_form(
        &a,
        &cookies,
        "/settings/profile",
        &[
            ("csrf", csrf.as_str()),
            ("display_name", "Anna Bauer"),
            ("note", note),
            // The pickers send a field per ticked term.
            ("school_subjects", "physics"),
            ("school_subjects", "mathematics"),
            ("subjects", "Astronomy club"),
            ("education_levels", "2"),
            ("education_levels", "3"),
            ("languages", "de, it"),
            ("school", "BRG Innsbruck"),
            ("region", "Tyrol"),
            ("country", "at"),
            ("discoverable", "true"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/settings/profile?saved=1");
    let (status, html) = get_page(&a, &cookies, "/settings/profile?saved=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"role="status">Saved.</p>"#));
    assert!(html.contains(r#"value="Anna Bauer""#));
    assert!(html.contains(r#"value="Astronomy club""#));
    assert!(
        html.contains(r#"value="physics" checked"#),
        "the picker shows what is chosen"
    );
    assert!(
        html.contains("Chosen: Mathematics, Physics"),
        "in the page's order"
    );
    assert!(html.contains(r#"value="AT" selected"#));
    assert!(html.contains(r#"name="discoverable" value="true" checked"#));
    assert!(!html.contains(r#"name="indexable" value="true" checked"#));
    // The profile names the terms in the page's language.
    let (_, page) = get_page(&a, &cookies, "/@anna?lang=de").await;
    assert!(
        page.contains("Physik, Mathematik, Astronomy club"),
        "{page}"
    );
    assert!(page.contains("Sekundarbereich I"), "{page}");
    assert!(page.contains("Tyrol, Österreich"), "{page}");

    // The API shows what the web saved, as if the API had saved it.
    let (status, anna) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(anna["display_name"], "Anna Bauer");
    let note_html = anna["note"].as_str().unwrap();
    assert!(
        note_html.contains("<p>Physics teacher in Innsbruck.</p>"),
        "{note_html}"
    );
    assert!(note_html.contains("I like &lt;experiments&gt; &amp; field trips."));
    assert_eq!(
        anna["collegium"],
        json!({
            "school_subjects": ["physics", "mathematics"],
            "subjects": ["Astronomy club"],
            "education_levels": ["2", "3"],
            "languages": ["de", "it"],
            "country": "AT",
            "region": "Tyrol",
            "school": "BRG Innsbruck",
        })
    );
    let token = a.token("anna", &password, "read").await;
    let (status, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        me["source"]["note"],
        "Physics teacher in Innsbruck.\n\nI like <experiments> & field trips."
    );

    // A refused change is the form again, as typed, and changes nothing.
    let res = post_form(
        &a,
        &cookies,
        "/settings/profile",
        &[
            ("csrf", csrf.as_str()),
            ("display_name", "Anna B."),
            ("note", "Changed"),
            ("country", "Austria"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"role="alert""#));
    assert!(
        // German: she chose it on the switcher above.
        html.contains("Wählen Sie das Land aus der Liste."),
        "the model's reason is shown: {html}"
    );
    assert!(html.contains(r#"value="Anna B.""#));
    let (_, anna) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(anna["display_name"], "Anna Bauer");
    assert_eq!(anna["collegium"]["country"], "AT");
}

#[tokio::test]
async fn a_teacher_uploads_and_removes_her_profile_picture() {
    use base64::Engine;
    let a = TestInstance::start().await;
    let password = a.user("carla", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "carla", &password).await;
    let png = base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
        .unwrap();
    let send = |fields: Vec<(&'static str, String)>, file: Option<Vec<u8>>| {
        let fields: Vec<(&str, String)> = fields;
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let files: Vec<(&str, &[u8])> =
            file.as_deref().map(|f| ("me.png", f)).into_iter().collect();
        let (content_type, body) = multipart_files(&borrowed, &files);
        a.client
            .post(a.url("/settings/profile/picture"))
            .header("cookie", &cookies)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // Not an image: refused, nothing changes.
    let res = send(
        vec![
            ("csrf", csrf.clone()),
            ("picture", "avatar".into()),
            ("action", "upload".into()),
        ],
        Some(b"just some text".to_vec()),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, carla) = a.get_json("/api/v1/accounts/lookup?acct=carla").await;
    let default_avatar = carla["avatar"].clone();

    let res = send(
        vec![
            ("csrf", csrf.clone()),
            ("picture", "avatar".into()),
            ("action", "upload".into()),
        ],
        Some(png.clone()),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, carla) = a.get_json("/api/v1/accounts/lookup?acct=carla").await;
    let avatar = carla["avatar"].as_str().unwrap().to_string();
    assert_ne!(carla["avatar"], default_avatar);
    assert!(avatar.starts_with(&a.base), "{avatar}");
    let image = a.client.get(&avatar).send().await.unwrap();
    assert_eq!(image.status(), StatusCode::OK);
    let (_, html) = get_page(&a, &cookies, "/settings/profile").await;
    let file_name = avatar.rsplit('/').next().unwrap();
    assert!(
        html.contains(r#"class="avatar-preview""#) && html.contains(file_name),
        "{html}"
    );

    // Someone else may not take her file as theirs through the API (a later
    // change of theirs would delete it); her own current one is fine.
    let dora_pw = a.user("dora", Role::Member).await;
    let dora = a.token("dora", &dora_pw, "write").await;
    let carla_token = a.token("carla", &password, "write").await;
    for (token, expected) in [
        (&dora, StatusCode::UNPROCESSABLE_ENTITY),
        (&carla_token, StatusCode::OK),
    ] {
        let res = a
            .client
            .patch(a.url("/api/v1/accounts/update_credentials"))
            .bearer_auth(token)
            .form(&[("avatar_url", avatar.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expected);
    }

    // Without the form's token nothing happens; then it is removed.
    let res = send(
        vec![
            ("csrf", "wrong".into()),
            ("picture", "avatar".into()),
            ("action", "remove".into()),
        ],
        None,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = send(
        vec![
            ("csrf", csrf.clone()),
            ("picture", "avatar".into()),
            ("action", "remove".into()),
        ],
        None,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, carla) = a.get_json("/api/v1/accounts/lookup?acct=carla").await;
    assert_eq!(carla["avatar"], default_avatar);
    let gone = a.client.get(&avatar).send().await.unwrap();
    assert_eq!(
        gone.status(),
        StatusCode::NOT_FOUND,
        "the old file is deleted"
    );
}

#[tokio::test]
async fn a_password_changes_only_with_the_current_one() {
    let a = TestInstance::start().await;
    let old = a.user("bruno", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "bruno", &old).await;
    let new = "a-brand-new-secret-42";

    let (status, html) = get_page(&a, &cookies, "/settings/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("bruno@school.example"));
    assert!(html.contains(r#"<a href="/settings/account" aria-current="page">"#));
    assert!(html.contains(r#"type="password""#));

    // A wrong current password: refused, and nothing changes.
    let res = post_form(
        &a,
        &cookies,
        "/settings/account",
        &[
            ("csrf", csrf.as_str()),
            ("current_password", "not-my-password"),
            ("new_password", new),
            ("new_password_again", new),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"role="alert""#));
    assert!(html.contains("The current password is not right."));
    assert!(!html.contains(new), "passwords are not written back");
    assert!(
        signs_in(&a, "bruno", &old).await,
        "the old password still works"
    );
    assert!(!signs_in(&a, "bruno", new).await);

    // The new one twice, differently; and too short (the sign-up rule).
    let res = post_form(
        &a,
        &cookies,
        "/settings/account",
        &[
            ("csrf", csrf.as_str()),
            ("current_password", old.as_str()),
            ("new_password", new),
            ("new_password_again", "a-brand-new-secret-43"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("are not the same"));
    let res = post_form(
        &a,
        &cookies,
        "/settings/account",
        &[
            ("csrf", csrf.as_str()),
            ("current_password", old.as_str()),
            ("new_password", "short"),
            ("new_password_again", "short"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("between 8 and"));
    assert!(signs_in(&a, "bruno", &old).await);

    // The right one: changed.
    let res = post_form(
        &a,
        &cookies,
        "/settings/account",
        &[
            ("csrf", csrf.as_str()),
            ("current_password", old.as_str()),
            ("new_password", new),
            ("new_password_again", new),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/settings/account?saved=1");
    let (_, html) = get_page(&a, &cookies, "/settings/account?saved=1").await;
    assert!(html.contains("Saved."));
    assert!(signs_in(&a, "bruno", new).await, "the new password works");
    assert!(
        !signs_in(&a, "bruno", &old).await,
        "the old one no longer does"
    );
    // Apps signing in with the password grant use the new one too.
    a.token("bruno", new, "read").await;
}

#[tokio::test]
async fn the_chosen_language_is_the_language_of_the_pages() {
    let a = TestInstance::start().await;
    let password = a.user("carla", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "carla", &password).await;

    let (status, html) = get_page(&a, &cookies, "/settings/preferences").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<option value="" selected>"#));
    assert!(html.contains(r#"<option value="de" lang="de">Deutsch</option>"#));
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(home.contains(r#"<html lang="en">"#));

    let res = post_form(
        &a,
        &cookies,
        "/settings/preferences",
        &[("csrf", csrf.as_str()), ("locale", "de")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/settings/preferences?saved=1");
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(home.contains(r#"<html lang="de">"#));
    let (_, html) = get_page(&a, &cookies, "/settings/preferences?saved=1").await;
    assert!(html.contains("Gespeichert."));
    assert!(html.contains(r#"<option value="de" lang="de" selected>Deutsch</option>"#));

    // Not one of ours: refused, the choice stays.
    let res = post_form(
        &a,
        &cookies,
        "/settings/preferences",
        &[("csrf", csrf.as_str()), ("locale", "xx")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains(r#"role="alert""#));
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(home.contains(r#"<html lang="de">"#));

    // The browser's choice again: no setting, so Accept-Language decides.
    let res = post_form(
        &a,
        &cookies,
        "/settings/preferences",
        &[("csrf", csrf.as_str()), ("locale", "")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = a
        .client
        .get(a.url("/home"))
        .header("cookie", &cookies)
        .header("accept-language", "it-IT,it;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains(r#"<html lang="it">"#));
}

#[tokio::test]
async fn settings_need_signing_in_and_forms_need_their_token() {
    let a = TestInstance::start().await;
    let password = a.user("dora", Role::Member).await;
    for (path, location) in [
        (
            "/settings/profile",
            "/auth/sign_in?next=%2Fsettings%2Fprofile",
        ),
        (
            "/settings/account",
            "/auth/sign_in?next=%2Fsettings%2Faccount",
        ),
        (
            "/settings/preferences",
            "/auth/sign_in?next=%2Fsettings%2Fpreferences",
        ),
    ] {
        let res = a.client.get(a.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(res.headers()["location"], location, "{path}");
    }
    let res = a
        .client
        .post(a.url("/settings/profile"))
        .form(&[("display_name", "Someone")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let (cookies, csrf) = web_sign_in(&a, "dora", &password).await;
    // Without the token, or with a forged one: refused, nothing changes.
    for token in ["", "forged-forged-forged-forged-forged-forged"] {
        let res = post_form(
            &a,
            &cookies,
            "/settings/profile",
            &[("csrf", token), ("display_name", "Not Dora")],
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "token {token:?}");
    }
    let res = a
        .client
        .post(a.url("/settings/profile"))
        .header("cookie", &cookies)
        .form(&[("display_name", "Not Dora")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post_form(
        &a,
        &cookies,
        "/settings/account",
        &[
            ("current_password", password.as_str()),
            ("new_password", "taken-over-123"),
            ("new_password_again", "taken-over-123"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post_form(&a, &cookies, "/settings/preferences", &[("locale", "fr")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, dora) = a.get_json("/api/v1/accounts/lookup?acct=dora").await;
    assert_eq!(dora["display_name"], "");
    assert!(signs_in(&a, "dora", &password).await);
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(home.contains(r#"<html lang="en">"#));
    // The right token works.
    let res = post_form(
        &a,
        &cookies,
        "/settings/profile",
        &[("csrf", csrf.as_str()), ("display_name", "Dora")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn times_show_in_the_chosen_zone_and_posts_start_with_the_chosen_visibility() {
    let a = TestInstance::start().await;
    let password = a.user("dora", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "dora", &password).await;
    let token = a.token("dora", &password, "read write").await;

    let (_, html) = get_page(&a, &cookies, "/settings/preferences").await;
    assert!(html.contains(r#"<option value="Europe&#x2f;Vienna">Europe&#x2f;Vienna</option>"#));
    assert!(html.contains(r#"<option value="public" selected>"#));

    // Refused, each: nothing is saved.
    for (field, value) in [
        ("time_zone", "Mars/Olympus"),
        ("default_visibility", "secret"),
    ] {
        let res = post_form(
            &a,
            &cookies,
            "/settings/preferences",
            &[("csrf", csrf.as_str()), ("locale", "de"), (field, value)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
    }
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(
        home.contains(r#"<html lang="en">"#),
        "the language was not saved either"
    );

    let res = post_form(
        &a,
        &cookies,
        "/settings/preferences",
        &[
            ("csrf", csrf.as_str()),
            ("locale", ""),
            ("time_zone", "Europe/Vienna"),
            ("default_visibility", "private"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &cookies, "/settings/preferences").await;
    assert!(html.contains(r#"<option value="Europe&#x2f;Vienna" selected>"#));

    // The composer starts with it, and so does an app's post without one.
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(
        home.contains(r#"<option value="private" selected>"#),
        "{home}"
    );
    let (_, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(me["source"]["privacy"], "private");
    let res = a
        .client
        .post(a.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .json(&json!({"status": "Lesson plan for Monday"}))
        .send()
        .await
        .unwrap();
    let status: serde_json::Value = res.json().await.unwrap();
    assert_eq!(status["visibility"], "private", "{status}");

    // Its time on the page is Vienna's.
    let at: chrono::DateTime<chrono::Utc> = status["created_at"].as_str().unwrap().parse().unwrap();
    let lang = collegium::i18n::Lang::parse("en").unwrap();
    let vienna = lang.date_time(at.with_timezone(&chrono_tz::Europe::Vienna));
    let utc = lang.date_time(at);
    assert_ne!(vienna, utc);
    let (_, home) = get_page(&a, &cookies, "/home").await;
    assert!(home.contains(&vienna), "{vienna} on {home}");

    // The API's change: a bad one changes nothing, a good one is kept.
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .form(&[("source[privacy]", "everyone"), ("display_name", "Dora")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(me["source"]["privacy"], "private");
    assert_ne!(me["display_name"], "Dora");
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .form(&[("source[privacy]", "unlisted")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: serde_json::Value = res.json().await.unwrap();
    assert_eq!(me["source"]["privacy"], "unlisted");
}

#[tokio::test]
async fn a_teacher_changes_her_address_and_ends_sessions_and_apps() {
    let a = TestInstance::start().await;
    let password = a.user("emma", Role::Member).await;
    let _other = a.user("fritz", Role::Member).await;
    let (cookies, csrf) = web_sign_in(&a, "emma", &password).await;
    let (old_cookies, _) = web_sign_in(&a, "emma", &password).await;
    let token = a.token("emma", &password, "read write").await;

    let (_, html) = get_page(&a, &cookies, "/settings/account").await;
    assert!(html.contains("emma@school.example"));
    assert_eq!(
        html.matches("/settings/account/sessions").count(),
        1,
        "one other browser to sign out"
    );
    assert!(html.contains("(this browser)"));
    assert!(
        html.contains("Take access away"),
        "the app with a token is listed"
    );

    // Refused: a wrong password, someone else's address, no address.
    for (email, pass, says) in [
        (
            "emma@new.example",
            "not-my-password",
            "The password is not right",
        ),
        (
            "fritz@school.example",
            password.as_str(),
            "Someone else here uses",
        ),
        ("emma", password.as_str(), "not an e-mail address"),
    ] {
        let res = post_form(
            &a,
            &cookies,
            "/settings/account/email",
            &[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", pass),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        let html = res.text().await.unwrap();
        assert!(html.contains(says), "{email}: {html}");
        assert!(
            html.contains(&format!(r#"value="{email}""#)),
            "what was typed is kept"
        );
    }
    let res = post_form(
        &a,
        &cookies,
        "/settings/account/email",
        &[
            ("csrf", csrf.as_str()),
            ("email", "emma@new.example"),
            ("password", password.as_str()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &cookies, "/settings/account").await;
    assert!(html.contains("emma@new.example"));
    assert!(
        signs_in(&a, "emma@new.example", &password).await,
        "she signs in with it"
    );

    // The other browser is signed out; this one stays.
    let id = html
        .split(r#"action="/settings/account/sessions""#)
        .nth(1)
        .and_then(|rest| rest.split(r#"name="id" value=""#).nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let res = post_form(
        &a,
        &cookies,
        "/settings/account/sessions",
        &[("csrf", csrf.as_str()), ("id", "999999")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "not one of hers");
    let res = post_form(
        &a,
        &cookies,
        "/settings/account/sessions",
        &[("csrf", csrf.as_str()), ("id", id.as_str())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = get_page(&a, &old_cookies, "/settings/account").await;
    assert_ne!(status, StatusCode::OK, "the other browser is signed out");
    let (status, _) = get_page(&a, &cookies, "/settings/account").await;
    assert_eq!(status, StatusCode::OK);

    // The app's access is taken away: its token stops working.
    let (status, _) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    let app = html
        .split(r#"action="/settings/account/apps""#)
        .nth(1)
        .and_then(|rest| rest.split(r#"name="id" value=""#).nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let res = post_form(
        &a,
        &cookies,
        "/settings/account/apps",
        &[("csrf", "wrong"), ("id", app.as_str())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post_form(
        &a,
        &cookies,
        "/settings/account/apps",
        &[("csrf", csrf.as_str()), ("id", app.as_str())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, html) = get_page(&a, &cookies, "/settings/account").await;
    assert!(html.contains("No app has access to your account."));
}

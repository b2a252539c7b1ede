//! The web pages: home, profile, sign-in, sign-out and sign-up.

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::harness::{TestInstance, form_field, set_cookie_value};

#[tokio::test]
async fn home_page_says_what_the_instance_is() {
    let a = TestInstance::start_with(|s| {
        s.instance.name = "STEM cross-border".into();
        s.instance.description = "Science teachers from Tyrol, South Tyrol & Trentino".into();
    })
    .await;
    a.user("anna", Role::Member).await;
    a.user("bruno", Role::Member).await;
    let res = a.client.get(a.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>STEM cross-border</title>"));
    assert!(html.contains("Science teachers from Tyrol, South Tyrol &amp; Trentino"));
    assert!(html.contains("<strong>2</strong> members"));
    assert!(html.contains("href=\"/auth/sign_in\""));
    assert!(!html.contains("/auth/sign_up"));

    let res = a
        .client
        .get(a.url("/static/style.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let res = a.client.get(a.url("/@nobody")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Not found"));
    let res = a.client.get(a.url("/no/such/page")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn people_sign_in_and_out_with_csrf_protected_forms() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;

    let res = a.client.get(a.url("/auth/sign_in")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    assert!(!set_cookie.contains("Secure"), "plain-http test instance");
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let html = res.text().await.unwrap();
    assert_eq!(form_field(&html, "csrf").unwrap(), csrf);
    let csrf_cookie = format!("collegium_csrf={csrf}");

    let post = |fields: Vec<(&'static str, String)>, cookie: String| {
        let a = &a;
        async move {
            a.client
                .post(a.url("/auth/sign_in"))
                .header("cookie", cookie)
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    // Missing or forged CSRF token.
    let res = post(
        vec![("login", "anna".into()), ("password", password.clone())],
        csrf_cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post(
        vec![
            ("csrf", "forged".repeat(8)),
            ("login", "anna".into()),
            ("password", password.clone()),
        ],
        csrf_cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A right token is still refused when the browser says the form came from
    // elsewhere (another site, or a sibling subdomain that planted the cookie).
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
    ] {
        let res = a
            .client
            .post(a.url("/auth/sign_in"))
            .header("cookie", csrf_cookie.clone())
            .header(header, value)
            .form(&[
                ("csrf", csrf.as_str()),
                ("login", "anna"),
                ("password", &password),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{header}: {value}");
    }
    // Wrong password.
    let res = post(
        vec![
            ("csrf", csrf.clone()),
            ("login", "anna".into()),
            ("password", "nope-nope".into()),
        ],
        csrf_cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(set_cookie_value(&res, "collegium_session").is_none());
    assert!(res.text().await.unwrap().contains("Invalid user name"));
    // Right password; `next` only follows local paths.
    let res = post(
        vec![
            ("csrf", csrf.clone()),
            ("login", "anna".into()),
            ("password", password.clone()),
            ("next", "https://evil.example/".into()),
        ],
        csrf_cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Not to the other site: to the timeline.
    assert_eq!(res.headers()["location"], "/home");
    let session = set_cookie_value(&res, "collegium_session").unwrap();
    // Signing in issues a new CSRF token.
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let csrf_cookie = format!("collegium_csrf={csrf}");
    let cookies = format!("{csrf_cookie}; collegium_session={session}");

    let home = a
        .client
        .get(a.url("/"))
        .header("cookie", &cookies)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("href=\"/@anna\""));
    assert!(home.contains("Sign out"));

    // Signing out asks first; the form needs the token too, then the session is gone.
    let page = a
        .client
        .get(a.url("/auth/sign_out"))
        .header("cookie", &cookies)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(form_field(&page, "csrf").unwrap(), csrf);
    let res = a
        .client
        .post(a.url("/auth/sign_out"))
        .header("cookie", &cookies)
        .form(&[("csrf", "wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = a
        .client
        .post(a.url("/auth/sign_out"))
        .header("cookie", &cookies)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let home = a
        .client
        .get(a.url("/"))
        .header("cookie", &cookies)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!home.contains("Sign out"));
}

#[tokio::test]
async fn cookies_are_secure_on_https_instances() {
    let a = TestInstance::start_with(|s| s.plain_http = Some(false)).await;
    let res = a.client.get(a.url("/auth/sign_in")).send().await.unwrap();
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(
        set_cookie.starts_with("__Host-collegium_csrf="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("; Secure") && set_cookie.contains("Path=/"));
    assert!(!set_cookie.contains("Domain"));
    let (_, actor) = a.get_ap("/actor").await;
    assert_eq!(actor["id"], format!("https://{}/actor", a.domain));
}

#[tokio::test]
async fn sign_up_only_when_registrations_are_open() {
    let closed = TestInstance::start().await;
    let res = closed
        .client
        .get(closed.url("/auth/sign_up"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let open = TestInstance::start_with(|s| {
        s.instance.registrations_open = true;
        s.instance.rules = vec![
            "Be kind to colleagues.".into(),
            "Share only what you may share.".into(),
        ];
        s.instance.imprint = "Bildungsdirektion Tirol, Innsbruck".into();
    })
    .await;
    let (_, info) = open.get_json("/nodeinfo/2.0").await;
    assert_eq!(info["openRegistrations"], true);
    // The rules, at sign-up and for apps; the privacy notice and the imprint.
    let html = open
        .client
        .get(open.url("/auth/sign_up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Be kind to colleagues.") && html.contains("name=\"agree\""),
        "{html}"
    );
    let (_, instance) = open.get_json("/api/v1/instance").await;
    assert_eq!(
        instance["rules"][1]["text"],
        "Share only what you may share."
    );
    let html = open
        .client
        .get(open.url("/about/privacy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Privacy") && html.contains("Cookies"),
        "{html}"
    );
    assert!(
        html.contains("about&#x2f;imprint") || html.contains("about/imprint"),
        "{html}"
    );
    let html = open
        .client
        .get(open.url("/about/imprint"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Bildungsdirektion Tirol"), "{html}");
    let res = closed
        .client
        .get(closed.url("/about/imprint"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "no imprint given, no page"
    );
    let res = open
        .client
        .get(open.url("/auth/sign_up"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let cookie = format!("collegium_csrf={csrf}");
    let sign_up = |name: &'static str, password: &'static str| {
        let open = &open;
        let cookie = cookie.clone();
        let csrf = csrf.clone();
        async move {
            open.client
                .post(open.url("/auth/sign_up"))
                .header("cookie", cookie)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("username", name),
                    ("email", &format!("{name}@school.example")),
                    ("password", password),
                    ("agree", "yes"),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // Without accepting the rules and the privacy notice: the form again.
    let res = open
        .client
        .post(open.url("/auth/sign_up"))
        .header("cookie", cookie.clone())
        .form(&[
            ("csrf", csrf.as_str()),
            ("username", "careless"),
            ("email", "careless@school.example"),
            ("password", "a-good-password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = sign_up("new_teacher", "a-good-password").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Straight on to a first profile.
    assert_eq!(res.headers()["location"], "/settings/profile?welcome=1");
    let session = set_cookie_value(&res, "collegium_session").expect("signed in");
    let (_, first) = crate::harness::get_page(
        &open,
        &format!("collegium_session={session}"),
        "/settings/profile?welcome=1",
    )
    .await;
    assert!(first.contains("Welcome! Tell colleagues"), "{first}");
    let (status, _) = open.get_ap("/users/new_teacher").await;
    assert_eq!(status, StatusCode::OK);

    for (name, password, message) in [
        ("new_teacher", "a-good-password", "is taken already"),
        (
            "bad name",
            "a-good-password",
            "dots or dashes only between them",
        ),
        ("short_pw", "short", "at least 8 characters"),
    ] {
        let res = sign_up(name, password).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(res.text().await.unwrap().contains(message), "{name}");
    }
    let (_, info) = open.get_json("/nodeinfo/2.0").await;
    assert_eq!(info["usage"]["users"]["total"], 1);
}

/// Signs `name` in on the web; returns the cookies to send and the CSRF token.
pub async fn web_sign_in(a: &TestInstance, name: &str, password: &str) -> (String, String) {
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
    let session = set_cookie_value(&res, "collegium_session").unwrap();
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    (
        format!("collegium_csrf={csrf}; collegium_session={session}"),
        csrf,
    )
}

#[tokio::test]
async fn the_web_pages_post_follow_and_show_threads() {
    let a = TestInstance::start().await;
    let anna_pw = a.user("anna", Role::Member).await;
    let bruno_pw = a.user("bruno", Role::Member).await;
    let res = a.client.get(a.url("/home")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "home needs signing in");

    let (anna, anna_csrf) = web_sign_in(&a, "anna", &anna_pw).await;
    let page = a
        .client
        .get(a.url("/home"))
        .header("cookie", &anna)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Write a post"));
    let res = a
        .client
        .post(a.url("/home"))
        .header("cookie", &anna)
        .form(&[
            ("csrf", anna_csrf.as_str()),
            ("status", "Hello from the web #pedagogy"),
            ("visibility", "public"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let home = a
        .client
        .get(a.url("/home"))
        .header("cookie", &anna)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("Hello from the web"));
    let res = a
        .client
        .post(a.url("/home"))
        .header("cookie", &anna)
        .form(&[
            ("csrf", anna_csrf.as_str()),
            ("status", "   "),
            ("visibility", "public"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .client
        .post(a.url("/home"))
        .header("cookie", &anna)
        .form(&[("csrf", "forged"), ("status", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // bruno follows anna from her profile page and replies in the thread.
    let (bruno, bruno_csrf) = web_sign_in(&a, "bruno", &bruno_pw).await;
    let profile = a
        .client
        .get(a.url("/@anna"))
        .header("cookie", &bruno)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(profile.contains(">Follow</button>"));
    assert!(profile.contains("Hello from the web"));
    let res = a
        .client
        .post(a.url("/@anna/follow"))
        .header("cookie", &bruno)
        .form(&[("csrf", bruno_csrf.as_str()), ("action", "follow")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let profile = a
        .client
        .get(a.url("/@anna"))
        .header("cookie", &bruno)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(profile.contains("Unfollow"));
    assert!(profile.contains("1 follower ·"), "{profile}");
    let bruno_home = a
        .client
        .get(a.url("/home"))
        .header("cookie", &bruno)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(bruno_home.contains("Hello from the web"));

    let (_, statuses) = a.get_json("/api/v1/timelines/public").await;
    let post_id = statuses[0]["id"].as_str().unwrap().to_string();
    let thread = a
        .client
        .get(a.url(&format!("/@anna/{post_id}")))
        .header("cookie", &bruno)
        .send()
        .await
        .unwrap();
    assert_eq!(thread.status(), StatusCode::OK);
    assert!(
        thread
            .text()
            .await
            .unwrap()
            .contains("name=\"in_reply_to_id\"")
    );
    let res = a
        .client
        .post(a.url("/home"))
        .header("cookie", &bruno)
        .form(&[
            ("csrf", bruno_csrf.as_str()),
            ("status", "@anna Count me in"),
            ("visibility", "public"),
            ("in_reply_to_id", post_id.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let thread = a
        .client
        .get(a.url(&format!("/@anna/{post_id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(thread.contains("Count me in"));
    assert!(thread.contains("1 reply"));
    let res = a.client.get(a.url("/@anna/999999")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_failed_page_is_the_error_page_for_whoever_is_signed_in() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let (cookies, _) = web_sign_in(&a, "anna", &password).await;
    for path in [
        "/@anna/999999",
        "/@nobody",
        "/materials/999999",
        "/cases/999999",
    ] {
        let res = a
            .client
            .get(a.url(path))
            .header("cookie", &cookies)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        let html = res.text().await.unwrap();
        assert!(
            html.contains("There is nothing at this address."),
            "{path}: {html}"
        );
        assert!(
            html.contains("Sign out"),
            "{path}: the frame knows anna: {html}"
        );
        assert!(!html.contains("/auth/sign_in\""), "{path}: {html}");
    }
    // Nobody signed in: the same page, offering to sign in.
    let res = a.client.get(a.url("/@nobody")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("/auth/sign_in"));
}

#[tokio::test]
async fn a_post_card_likes_boosts_and_deletes_with_a_confirmation() {
    use crate::harness::{get_page, post_json};
    let a = TestInstance::start().await;
    let anna_pw = a.user("anna", Role::Member).await;
    let bruno_pw = a.user("bruno", Role::Member).await;
    let token = a.token("anna", &anna_pw, "read write").await;
    let (_, post) = post_json(
        &a,
        &token,
        "/api/v1/statuses",
        serde_json::json!({"status": "Fractions with pizza"}),
    )
    .await;
    let id = post["id"].as_str().unwrap().to_string();
    let (anna, csrf) = web_sign_in(&a, "anna", &anna_pw).await;
    let (bruno, bruno_csrf) = web_sign_in(&a, "bruno", &bruno_pw).await;

    // The card on the timeline has the buttons.
    let (_, html) = get_page(&a, &anna, "/home").await;
    assert!(
        html.contains(&format!("action=\"&#x2f;posts&#x2f;{id}\""))
            || html.contains(&format!("action=\"/posts/{id}\"")),
        "{html}"
    );
    assert!(
        html.contains("value=\"favourite\"") && html.contains("Like (0)"),
        "{html}"
    );

    let act = |cookies: String, csrf: String, action: &'static str, back: &'static str| {
        let a = &a;
        let id = id.clone();
        async move {
            a.client
                .post(a.url(&format!("/posts/{id}")))
                .header("cookie", cookies)
                .form(&[("csrf", csrf.as_str()), ("action", action), ("back", back)])
                .send()
                .await
                .unwrap()
        }
    };
    let res = act(bruno.clone(), bruno_csrf.clone(), "favourite", "/@anna").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/@anna");
    let res = act(
        bruno.clone(),
        bruno_csrf.clone(),
        "reblog",
        "//evil.example",
    )
    .await;
    assert_eq!(res.headers()["location"], "/home", "never to another site");
    let (_, seen) = a.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert_eq!(seen["favourites_count"], 1, "{seen}");
    assert_eq!(seen["reblogs_count"], 1, "{seen}");
    let (_, html) = get_page(&a, &bruno, "/@anna").await;
    assert!(
        html.contains("Liked (1)") && html.contains("aria-pressed=\"true\""),
        "{html}"
    );
    act(bruno.clone(), bruno_csrf.clone(), "unfavourite", "/home").await;
    let (_, seen) = a.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert_eq!(seen["favourites_count"], 0, "{seen}");

    // anna is told, with a count in the header until she has seen them.
    let (_, html) = get_page(&a, &anna, "/home").await;
    assert!(
        html.contains(">Notifications (2)</a>"),
        "the like and the boost: {html}"
    );
    let (status, html) = get_page(&a, &anna, "/notifications").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("boosted your post") && html.contains("class=\"badge\""),
        "{html}"
    );
    assert!(html.contains("Fractions with pizza"), "{html}");
    let (_, html) = get_page(&a, &anna, "/home").await;
    assert!(html.contains(">Notifications</a>"), "seen: {html}");
    let (_, html) = get_page(&a, &anna, "/notifications").await;
    assert!(!html.contains("class=\"badge\""), "nothing new: {html}");

    // anna edits it on its own page; bruno may not.
    let res = act(anna.clone(), csrf.clone(), "edit", "/home").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(">Fractions with pizza</textarea>")
    );
    let res = act(bruno.clone(), bruno_csrf.clone(), "edit", "/home").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let edit = |text: &'static str| {
        let a = &a;
        let (cookies, csrf, id) = (anna.clone(), csrf.clone(), id.clone());
        async move {
            a.client
                .post(a.url(&format!("/posts/{id}")))
                .header("cookie", cookies)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("action", "edit_confirmed"),
                    ("back", "/home"),
                    ("status", text),
                    ("spoiler_text", ""),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let res = edit("   ").await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an empty post is refused"
    );
    let res = edit("Fractions with pizza and pie").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, seen) = a.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert!(
        seen["content"].as_str().unwrap().contains("and pie"),
        "{seen}"
    );
    assert!(seen["edited_at"].is_string(), "{seen}");

    // Only the author may delete, and only after saying yes.
    let res = act(
        bruno.clone(),
        bruno_csrf.clone(),
        "delete_confirmed",
        "/home",
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = act(anna.clone(), csrf.clone(), "dance", "/home").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = act(anna.clone(), "wrong".into(), "delete_confirmed", "/home").await;
    assert!(res.status().is_client_error());
    let res = act(anna.clone(), csrf.clone(), "delete", "/home").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Delete this post?") && html.contains("Fractions with pizza"),
        "{html}"
    );
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert_eq!(status, StatusCode::OK, "asking deletes nothing");
    let res = act(anna.clone(), csrf.clone(), "delete_confirmed", "/home").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, _) = a.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Signed out: to the sign-in page.
    let res = a
        .client
        .post(a.url(&format!("/posts/{id}")))
        .form(&[("csrf", "x"), ("action", "favourite"), ("back", "/home")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/auth/sign_in")
    );
}

#[tokio::test]
async fn a_teacher_finds_a_colleague_on_another_instance_and_follows_her_from_the_web() {
    use crate::harness::{eventually, get_page};
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let anna_pw = a.user("anna", Role::Member).await;
    b.user("carla", Role::Member).await;
    let (anna, csrf) = web_sign_in(&a, "anna", &anna_pw).await;

    // Signed out, the search does not ask other servers.
    let handle = format!("carla@{}", b.domain);
    let res = a
        .client
        .get(a.url(&format!("/search?q=%40{handle}")))
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(!html.contains(&format!("/@{handle}")), "{html}");

    // Signed in, @name@server is looked up there; the result is a page here.
    let (status, html) = get_page(&a, &anna, &format!("/search?q=%40{handle}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("@{handle}")), "{html}");
    let (status, html) = get_page(&a, &anna, &format!("/@{handle}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("value=\"follow\"") && html.contains("On another server"),
        "{html}"
    );

    // The follow button follows her on her server.
    let res = a
        .client
        .post(a.url(&format!("/@{handle}/follow")))
        .header("cookie", &anna)
        .form(&[("csrf", csrf.as_str()), ("action", "follow")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("/@{handle}"));
    eventually("carla has a follower on B", || async {
        let (_, followers) = b.get_json("/api/v1/accounts/lookup?acct=carla").await;
        followers["followers_count"] == 1
    })
    .await;
    eventually("anna's page says she follows carla", || async {
        let (_, html) = get_page(&a, &anna, &format!("/@{handle}")).await;
        html.contains("value=\"unfollow\"")
    })
    .await;

    // Unknown people from other servers are not pages; words find nothing here.
    let (status, _) = get_page(&a, &anna, &format!("/@nobody@{}", b.domain)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Mastodon's remote interaction: ours, advertised in WebFinger...
    let (_, finger) = b
        .get_json(&format!("/.well-known/webfinger?resource=acct:{handle}"))
        .await;
    let subscribe = finger["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "http://ostatus.org/schema/1.0/subscribe")
        .unwrap();
    assert_eq!(
        subscribe["template"],
        format!("{}/authorize_interaction?uri={{uri}}", b.base)
    );
    let res = a
        .client
        .get(a.url(&format!("/authorize_interaction?uri=acct:{handle}")))
        .header("cookie", &anna)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"],
        format!("/@{handle}"),
        "to her page here"
    );
    let res = a
        .client
        .get(a.url(&format!("/authorize_interaction?uri=acct:{handle}")))
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/auth/sign_in"),
        "signed out: sign in first"
    );
    // ...and "follow from your server" for visitors, sent to their server.
    let html = b
        .client
        .get(b.url("/@carla"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"server\""), "{html}");
    let res = b
        .client
        .get(b.url("/@carla/remote_follow?server=%40me%40mastodon.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let actor: String =
        url::form_urlencoded::byte_serialize(format!("{}/users/carla", b.base).as_bytes())
            .collect();
    assert_eq!(
        res.headers()["location"],
        format!("https://mastodon.example/authorize_interaction?uri={actor}")
    );
    let res = b
        .client
        .get(b.url("/@carla/remote_follow?server=evil.example%2Fpath"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (_, html) = get_page(&a, &anna, "/search?q=xylophone").await;
    assert!(html.contains("Nothing found for"), "{html}");
    let (_, html) = get_page(&a, &anna, "/search?q=anna").await;
    assert!(
        html.contains("href=\"&#x2f;@anna\"") || html.contains("href=\"/@anna\""),
        "{html}"
    );
}

//! Abuse limits: the sign-in throttle on all three sign-in paths, security
//! headers on pages, redirects that stay here, and the periodic cleanup.

use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use collegium::{accounts::model::Role, db::Db, instance::cleanup, with_db};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::harness::{
    TestInstance, fresh_database_url, http_client, post_json, set_cookie_value, unique,
};

/// The web sign-in form, from a fresh browser: (status, Retry-After, page).
async fn web_attempt(base: &str, login: &str, password: &str) -> (StatusCode, Option<u64>, String) {
    let client = http_client();
    let res = client
        .get(format!("{base}/auth/sign_in"))
        .send()
        .await
        .unwrap();
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = client
        .post(format!("{base}/auth/sign_in"))
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
    let retry = retry_after(&res);
    (status, retry, res.text().await.unwrap())
}

fn retry_after(res: &Response) -> Option<u64> {
    res.headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// The password grant: (status, Retry-After, body).
async fn grant_attempt(
    a: &TestInstance,
    app: &(String, String),
    login: &str,
    password: &str,
    forwarded_for: Option<&str>,
) -> (StatusCode, Option<u64>, Value) {
    let mut req = a.client.post(a.url("/oauth/token")).json(&json!({
        "grant_type": "password",
        "client_id": app.0,
        "client_secret": app.1,
        "username": login,
        "password": password,
        "scope": "read",
    }));
    if let Some(xff) = forwarded_for {
        req = req.header("x-forwarded-for", xff);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let retry = retry_after(&res);
    (status, retry, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn wrong_passwords_for_an_account_are_limited_on_every_path_and_in_every_process() {
    let a = TestInstance::start().await;
    let anna_pw = a.user("anna", Role::Member).await;
    let bruno_pw = a.user("bruno", Role::Member).await;
    let app = a.app("read", "urn:ietf:wg:oauth:2.0:oob").await;

    // Nine wrong passwords on the web form (by name and by e-mail address: the
    // same account), one by the password grant: ten in all.
    for i in 0..9 {
        let login = if i % 2 == 0 {
            "anna"
        } else {
            "ANNA@school.example"
        };
        let (status, _, _) = web_attempt(&a.base, login, "wrong-password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let (status, _, body) = grant_attempt(&a, &app, "anna", "wrong-password", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"], "invalid_grant");

    // Now even the right password is refused, at once, on the web form...
    let started = Instant::now();
    let (status, retry, page) = web_attempt(&a.base, "anna", &anna_pw).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry = retry.expect("Retry-After");
    assert!((840..=900).contains(&retry), "{retry}");
    assert!(page.contains("Too many sign-in attempts"), "{page}");
    assert!(page.contains("name=\"login\""), "the form is shown again");
    // ...by the password grant, in Mastodon's shape...
    let (status, retry, body) = grant_attempt(&a, &app, "anna", &anna_pw, None).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry.is_some());
    assert_eq!(body, json!({"error": "Too many requests"}));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "refused without checking passwords"
    );

    // ...and on the authorize form, also when asked through another process.
    let (second, _stop) = a.second_process().await;
    let second_base = format!("http://{}", second.settings.listen);
    let client = http_client();
    let path = format!(
        "/oauth/authorize?response_type=code&client_id={}&redirect_uri=urn:ietf:wg:oauth:2.0:oob&scope=read",
        app.0
    );
    let res = client
        .get(format!("{second_base}{path}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = client
        .post(format!("{second_base}/oauth/authorize"))
        .header("cookie", format!("collegium_csrf={csrf}"))
        .form(&[
            ("response_type", "code"),
            ("client_id", app.0.as_str()),
            ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"),
            ("scope", "read"),
            ("csrf", csrf.as_str()),
            ("decision", "approve"),
            ("login", "anna"),
            ("password", anna_pw.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&res).is_some());
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many sign-in attempts"), "{page}");

    // Someone else from the same address still signs in.
    let (status, _, _) = web_attempt(&a.base, "bruno", &bruno_pw).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Once the failures leave the 15 minutes, anna is back.
    let count = with_db!(&a.state.db, |pool| {
        sqlx::query(
            "UPDATE sign_in_attempts SET attempted_at = $1 WHERE kind = 'account' AND failed",
        )
        .bind(Utc::now() - Duration::minutes(16))
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
    .unwrap();
    assert_eq!(count, 10, "refused attempts are not counted");
    let (status, _, _) = web_attempt(&a.base, "anna", &anna_pw).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn attempts_from_one_address_are_limited_to_25_in_5_minutes() {
    let a = TestInstance::start().await;
    let anna_pw = a.user("anna", Role::Member).await;
    let app = a.app("read", "urn:ietf:wg:oauth:2.0:oob").await;
    // Different names each time (none exists), so only the address limit applies;
    // a successful sign-in counts too.
    let (status, _, _) = grant_attempt(&a, &app, "anna", &anna_pw, None).await;
    assert_eq!(status, StatusCode::OK);
    for i in 0..24 {
        let (status, _, body) =
            grant_attempt(&a, &app, &format!("nobody{i}"), "wrong-password", None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "attempt {i}: {body}");
    }
    let (status, retry, body) = grant_attempt(&a, &app, "anna", &anna_pw, None).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    let retry = retry.expect("Retry-After");
    assert!((240..=300).contains(&retry), "{retry}");
    assert_eq!(body["error"], "Too many requests");
    // X-Forwarded-For is not believed from a proxy nobody configured.
    let (status, _, _) = grant_attempt(&a, &app, "anna", &anna_pw, Some("198.51.100.7")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _, _) = web_attempt(&a.base, "anna", &anna_pw).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_is_counted() {
    let a = TestInstance::start_with(|s| {
        s.security.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        s.security.sign_in_attempts_per_address = 3;
    })
    .await;
    let anna_pw = a.user("anna", Role::Member).await;
    let app = a.app("read", "urn:ietf:wg:oauth:2.0:oob").await;
    for i in 0..3 {
        let (status, _, _) = grant_attempt(
            &a,
            &app,
            &format!("nobody{i}"),
            "wrong-password",
            Some("6.6.6.6, 198.51.100.7"),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
    let (status, _, _) = grant_attempt(&a, &app, "anna", &anna_pw, Some("198.51.100.7")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another client behind the same proxy is not held up.
    let (status, _, body) = grant_attempt(
        &a,
        &app,
        "anna",
        &anna_pw,
        Some("198.51.100.7, 203.0.113.5"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn pages_carry_security_headers_and_https_instances_hsts() {
    let a = TestInstance::start().await;
    let res = a.client.get(a.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert!(h.get("strict-transport-security").is_none(), "plain http");

    // Error pages too; JSON gets nosniff only.
    let res = a.client.get(a.url("/@nobody")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.headers().get("content-security-policy").is_some());
    let res = a
        .client
        .get(a.url("/api/v1/instance"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers().get("content-security-policy").is_none());

    // The consent page redirects to any app's redirect_uri after its form:
    // no form-action there.
    let app = a.app("read", "https://app.example/callback").await;
    let res = a
        .client
        .get(a.url(&format!(
            "/oauth/authorize?response_type=code&client_id={}&redirect_uri=https://app.example/callback&scope=read",
            app.0
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("form-action"), "{csp}");

    let secure = TestInstance::start_with(|s| s.plain_http = Some(false)).await;
    let res = secure.client.get(secure.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn redirects_from_forms_stay_on_this_site() {
    let a = TestInstance::start().await;
    let fran_pw = a.user("fran", Role::Facilitator).await;
    let fran = a.token("fran", &fran_pw, "read write follow").await;
    let api = "/api/collegium/v1/communities";
    let (status, community) = post_json(
        &a,
        &fran,
        api,
        json!({"name": "maths", "title": "Maths", "summary": "Numbers."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let id = community["id"].as_str().unwrap();
    let (status, post) = post_json(
        &a,
        &fran,
        &format!("{api}/{id}/posts"),
        json!({"title": "Welcome", "body": "Introduce yourselves!"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{post}");
    let post_id = post["id"].as_str().unwrap();
    let (cookies, csrf) = crate::pages::web_sign_in(&a, "fran", &fran_pw).await;

    let moderate = |action: &'static str, back: &'static str| {
        let a = &a;
        let cookies = cookies.clone();
        let csrf = csrf.clone();
        async move {
            let res = a
                .client
                .post(a.url(&format!("/moderation/posts/{post_id}")))
                .header("cookie", cookies)
                .form(&[("csrf", csrf.as_str()), ("action", action), ("back", back)])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{action} {back}");
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    // A path here is followed...
    assert_eq!(
        moderate("pin", "/c/maths?pinned=1").await,
        "/c/maths?pinned=1"
    );
    // ...but not what a browser reads as another host.
    for back in [
        "/\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "/\t/evil.example",
    ] {
        let location = moderate("pin", back).await;
        assert_eq!(location, "/c/maths", "{back:?}");
    }

    // After signing in, the same rule.
    for (next, expected) in [("/materials", "/materials"), ("/\\evil.example", "/home")] {
        let client = http_client();
        let res = client.get(a.url("/auth/sign_in")).send().await.unwrap();
        let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
        let res = client
            .post(a.url("/auth/sign_in"))
            .header("cookie", format!("collegium_csrf={csrf}"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("login", "fran"),
                ("password", fran_pw.as_str()),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()["location"], expected, "{next}");
    }
}

/// Inserts a row per table the cleanup looks at, `at` old; returns nothing.
async fn seed(db: &Db, tag: &str, user_id: i64, at: DateTime<Utc>, expires: DateTime<Utc>) {
    with_db!(db, |pool| {
        sqlx::query("INSERT INTO received_activities (ap_id, received_at) VALUES ($1, $2)")
            .bind(format!("https://remote.example/activities/{tag}"))
            .bind(at)
            .execute(&mut *pool)
            .await
            .unwrap();
        for state in ["delivered", "refused", "failed", "pending"] {
            sqlx::query(
                "INSERT INTO deliveries (activity_id, signer, inbox_url, domain, body, state, \
                 next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)",
            )
            .bind(format!("https://here.example/activities/{tag}-{state}"))
            .bind("https://here.example/users/anna")
            .bind("https://remote.example/inbox")
            .bind("remote.example")
            .bind("{}")
            .bind(state)
            .bind(at)
            .execute(&mut *pool)
            .await
            .unwrap();
        }
        sqlx::query("INSERT INTO sent_activities (ap_id, body, created_at) VALUES ($1, $2, $3)")
            .bind(format!("https://here.example/activities/sent-{tag}"))
            .bind("{}")
            .bind(at)
            .execute(&mut *pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(unique("session-"))
        .bind(user_id)
        .bind(at)
        .bind(expires)
        .execute(&mut *pool)
        .await
        .unwrap();
        // An app with a code, an app with a token, an app with nothing.
        let mut apps = Vec::new();
        for kind in ["code", "token", "unused"] {
            let app: i64 = sqlx::query_scalar(
                "INSERT INTO oauth_apps (name, redirect_uris, scopes, client_id, \
                 client_secret_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(format!("{tag}-{kind}"))
            .bind("urn:ietf:wg:oauth:2.0:oob")
            .bind("read")
            .bind(unique("client-"))
            .bind("x")
            .bind(at)
            .fetch_one(&mut *pool)
            .await
            .unwrap();
            apps.push(app);
        }
        sqlx::query(
            "INSERT INTO oauth_authorization_codes (code_hash, app_id, user_id, redirect_uri, \
             scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(unique("code-"))
        .bind(apps[0])
        .bind(user_id)
        .bind("urn:ietf:wg:oauth:2.0:oob")
        .bind("read")
        .bind(at)
        .bind(expires)
        .execute(&mut *pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO oauth_access_tokens (token_hash, app_id, user_id, scopes, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(unique("token-"))
        .bind(apps[1])
        .bind(user_id)
        .bind("read")
        .bind(at)
        .execute(&mut *pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO sign_in_attempts (kind, subject, failed, attempted_at) \
             VALUES ('address', $1, TRUE, $2)",
        )
        .bind(tag)
        .bind(at)
        .execute(&mut *pool)
        .await
        .unwrap();
        Ok::<_, sqlx::Error>(())
    })
    .unwrap();
}

async fn count(db: &Db, sql: &'static str) -> i64 {
    with_db!(db, |pool| sqlx::query_scalar(sql).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn the_cleanup_forgets_old_rows_and_keeps_recent_ones() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;
    let db = &a.state.db;
    let user_id: i64 = with_db!(db, |pool| {
        sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN accounts a ON a.id = u.account_id WHERE a.username = 'anna'"
    )
    .fetch_one(pool)
    .await
    })
    .unwrap();
    let now = Utc::now();
    // Old: past every keeping time, sessions and codes expired.
    seed(
        db,
        "old",
        user_id,
        now - Duration::days(40),
        now - Duration::minutes(1),
    )
    .await;
    // Recent: a few minutes old, sessions and codes still valid.
    seed(
        db,
        "new",
        user_id,
        now - Duration::minutes(3),
        now + Duration::minutes(5),
    )
    .await;
    // In between: older than the sign-in windows and a day, younger than a week.
    seed(
        db,
        "mid",
        user_id,
        now - Duration::days(2),
        now + Duration::days(1),
    )
    .await;

    let cleaned = cleanup::run(db, Utc::now()).await.unwrap();
    assert_eq!(
        cleaned,
        cleanup::Cleaned {
            received_activities: 1,
            deliveries: 3,
            sent_activities: 1,
            sessions: 1,
            authorization_codes: 1,
            // The old unused app, the old one whose code expired, and the
            // two-day-old unused one.
            apps: 3,
            sign_in_attempts: 2,
        }
    );
    let left = |sql| count(db, sql);
    assert_eq!(left("SELECT COUNT(*) FROM received_activities").await, 2);
    assert_eq!(
        left("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'").await,
        3
    );
    assert_eq!(left("SELECT COUNT(*) FROM deliveries").await, 9);
    assert_eq!(left("SELECT COUNT(*) FROM sent_activities").await, 2);
    assert_eq!(left("SELECT COUNT(*) FROM web_sessions").await, 2);
    assert_eq!(
        left("SELECT COUNT(*) FROM oauth_authorization_codes").await,
        2
    );
    // Left: new (code, token, unused), mid (code, token), old (token).
    assert_eq!(left("SELECT COUNT(*) FROM oauth_apps").await, 6);
    assert_eq!(
        left("SELECT COUNT(*) FROM oauth_apps WHERE name = 'old-token'").await,
        1
    );
    assert_eq!(left("SELECT COUNT(*) FROM sign_in_attempts").await, 1);

    // A second run finds nothing more.
    let again = cleanup::run(db, Utc::now()).await.unwrap();
    assert_eq!(again, cleanup::Cleaned::default());
}

#[tokio::test]
async fn admin_cleanup_runs_from_the_command_line() {
    let dir = std::env::temp_dir().join(unique("collegium-cleanup-"));
    std::fs::create_dir_all(&dir).unwrap();
    let url = fresh_database_url(&dir).await;
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    for (id, age) in [("old", Duration::days(8)), ("new", Duration::hours(2))] {
        with_db!(&db, |pool| sqlx::query(
            "INSERT INTO received_activities (ap_id, received_at) VALUES ($1, $2)"
        )
        .bind(format!("https://remote.example/{id}"))
        .bind(Utc::now() - age)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .unwrap();
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_collegium"))
        .args(["admin", "cleanup"])
        .env_clear()
        .env("COLLEGIUM_DATABASE_URL", &url)
        .env("COLLEGIUM_DATA_DIR", &dir)
        .env("COLLEGIUM_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("deleted: 1 received activity ids"),
        "{stdout}"
    );
    let left: Vec<String> = with_db!(&db, |pool| sqlx::query_scalar(
        "SELECT ap_id FROM received_activities"
    )
    .fetch_all(pool)
    .await)
    .unwrap();
    assert_eq!(left, vec!["https://remote.example/new".to_string()]);
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

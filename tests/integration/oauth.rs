//! Apps signing people in, as Mastodon apps do: registration, the password,
//! authorization-code (PKCE) and client-credentials grants, revocation, scopes.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::harness::{TestInstance, form_field, oob_code, set_cookie_value};

#[tokio::test]
async fn apps_register_with_form_or_json_and_bad_input_is_refused() {
    let a = TestInstance::start().await;
    let res = a
        .client
        .post(a.url("/api/v1/apps"))
        .json(&json!({
            "client_name": "Tusky",
            "redirect_uris": ["oauth2redirect://com.keylesspalace.tusky/", "urn:ietf:wg:oauth:2.0:oob"],
            "scopes": "read write follow push",
            "website": "https://tusky.app"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let app: Value = res.json().await.unwrap();
    assert_eq!(app["name"], "Tusky");
    assert_eq!(app["website"], "https://tusky.app");
    assert_eq!(app["scopes"], json!(["follow", "push", "read", "write"]));
    assert_eq!(app["redirect_uris"].as_array().unwrap().len(), 2);
    assert_eq!(
        app["redirect_uri"],
        "oauth2redirect://com.keylesspalace.tusky/\nurn:ietf:wg:oauth:2.0:oob"
    );
    assert!(app["client_id"].as_str().unwrap().len() >= 32);
    assert!(app["client_secret"].as_str().unwrap().len() >= 32);
    assert!(app["id"].is_string());

    // Form-encoded with the default scope.
    let res = a
        .client
        .post(a.url("/api/v1/apps"))
        .form(&[
            ("client_name", "Elk"),
            ("redirect_uris", "https://elk.zone/callback"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let app: Value = res.json().await.unwrap();
    assert_eq!(app["scopes"], json!(["read"]));

    let bad: Vec<(Value, &str)> = vec![
        (
            json!({"redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}),
            "Application name can't be blank",
        ),
        (json!({"client_name": "x"}), "Redirect URI can't be blank"),
        (
            json!({"client_name": "x", "redirect_uris": "/relative"}),
            "Redirect URI must be an absolute URI.",
        ),
        (
            json!({"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read everything"}),
            "Scopes are invalid",
        ),
        (
            json!({"client_name": "x".repeat(61), "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}),
            "too long",
        ),
        (
            json!({"client_name": 5, "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}),
            "Validation failed",
        ),
    ];
    for (body, message) in bad {
        let res = a
            .client
            .post(a.url("/api/v1/apps"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let err: Value = res.json().await.unwrap();
        assert!(
            err["error"].as_str().unwrap().contains(message),
            "{err} for {body}"
        );
    }
    let res = a
        .client
        .post(a.url("/api/v1/apps"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let err: Value = res.json().await.unwrap();
    assert!(err["error"].as_str().unwrap().contains("Malformed JSON"));
    let deep = format!("client_name{}=x", "[a]".repeat(50_000));
    let res = a
        .client
        .post(a.url("/api/v1/apps"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(deep)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = a
        .client
        .post(a.url("/api/v1/apps"))
        .header("content-type", "application/json")
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn password_grant_signs_in_and_errors_match_mastodon() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Facilitator).await;
    let (client_id, secret) = a.app("read write", "urn:ietf:wg:oauth:2.0:oob").await;

    let token_req = |body: Value| {
        let a = &a;
        async move {
            let res = a
                .client
                .post(a.url("/oauth/token"))
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = res.status();
            (status, res.json::<Value>().await.unwrap())
        }
    };

    let (status, tok) = token_req(json!({
        "grant_type": "password", "client_id": client_id, "client_secret": secret,
        "username": "anna@school.example", "password": password, "scope": "read"
    }))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tok["token_type"], "Bearer");
    assert_eq!(tok["scope"], "read");
    assert!(tok["created_at"].is_i64());
    let token = tok["access_token"].as_str().unwrap().to_string();

    let (status, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "anna");
    assert_eq!(me["acct"], "anna");
    assert_eq!(me["source"]["privacy"], "public");
    assert_eq!(me["role"]["name"], "Facilitator");
    assert_eq!(me["url"], a.url("/@anna"));

    // A read token cannot write.
    let res = a
        .client
        .patch(a.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&token)
        .form(&[("display_name", "Anna")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "This action is outside the authorized scopes"
    );

    let invalid_grant = json!("invalid_grant");
    let (status, err) = token_req(json!({
        "grant_type": "password", "client_id": client_id, "client_secret": secret,
        "username": "anna", "password": "wrong-password"
    }))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], invalid_grant);
    assert!(err["error_description"].is_string());

    let (status, err) = token_req(json!({
        "grant_type": "password", "client_id": "nope", "client_secret": secret,
        "username": "anna", "password": password
    }))
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "invalid_client");

    let (status, err) = token_req(json!({
        "grant_type": "password", "client_id": client_id, "client_secret": "wrong",
        "username": "anna", "password": password
    }))
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "invalid_client");

    let (status, err) = token_req(json!({
        "grant_type": "password", "client_id": client_id, "client_secret": secret,
        "username": "anna", "password": password, "scope": "read follow"
    }))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "invalid_scope");

    let (status, err) = token_req(json!({"grant_type": "implicit", "client_id": client_id})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "unsupported_grant_type");
    let (status, err) = token_req(json!({"client_id": client_id})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(err["error"], "invalid_request");

    // Revoking: wrong client is refused, the right one works, the token then fails.
    let res = a
        .client
        .post(a.url("/oauth/revoke"))
        .form(&[
            ("client_id", client_id.as_str()),
            ("client_secret", "wrong"),
            ("token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "unauthorized_client"
    );
    let (status, _) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    let res = a
        .client
        .post(a.url("/oauth/revoke"))
        .form(&[
            ("client_id", client_id.as_str()),
            ("client_secret", &secret),
            ("token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap(), json!({}));
    let (status, err) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "The access token was revoked");

    let (status, err) = a.get_json("/api/v1/accounts/verify_credentials").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "The access token is invalid");
    let (status, err) = a
        .get_authed("/api/v1/accounts/verify_credentials", "garbage")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(err["error"], "The access token is invalid");
}

#[tokio::test]
async fn client_credentials_act_for_the_app_alone() {
    let a = TestInstance::start().await;
    let (client_id, secret) = a.app("read write", "urn:ietf:wg:oauth:2.0:oob").await;
    let res = a
        .client
        .post(a.url("/oauth/token"))
        .basic_auth(&client_id, Some(&secret))
        .form(&[("grant_type", "client_credentials"), ("scope", "read")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let token = res.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, app) = a
        .get_authed("/api/v1/apps/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app["name"], "Test app");
    assert!(app.get("client_secret").is_none());
    let (status, err) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["error"], "This method requires an authenticated user");
}

fn pkce_pair() -> (String, String) {
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-collegium-test".to_string();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

#[tokio::test]
async fn authorization_code_with_pkce_signs_in_on_the_page() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let redirect = "https://app.example/callback";
    let (client_id, secret) = a.app("read write", redirect).await;
    let (verifier, challenge) = pkce_pair();
    let authorize_url = format!(
        "/oauth/authorize?response_type=code&client_id={client_id}&redirect_uri={redirect}&scope=read+write&state=xyz&code_challenge={challenge}&code_challenge_method=S256"
    );

    let res = a.client.get(a.url(&authorize_url)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csrf_cookie = set_cookie_value(&res, "collegium_csrf").expect("csrf cookie");
    let html = res.text().await.unwrap();
    assert!(html.contains("Test app"));
    assert!(html.contains("name=\"password\""));
    let csrf = form_field(&html, "csrf").unwrap();
    assert_eq!(csrf, csrf_cookie);

    let submit = |fields: Vec<(&'static str, String)>, cookie: Option<String>| {
        let a = &a;
        async move {
            let mut req = a.client.post(a.url("/oauth/authorize")).form(&fields);
            if let Some(c) = cookie {
                req = req.header("cookie", c);
            }
            req.send().await.unwrap()
        }
    };
    let base_fields = |decision: &str, pw: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("response_type", "code".to_string()),
            ("client_id", client_id.clone()),
            ("redirect_uri", redirect.to_string()),
            ("scope", "read write".to_string()),
            ("state", "xyz".to_string()),
            ("code_challenge", challenge.clone()),
            ("code_challenge_method", "S256".to_string()),
            ("login", "anna".to_string()),
            ("password", pw.to_string()),
            ("decision", decision.to_string()),
        ]
    };
    let cookie = Some(format!("collegium_csrf={csrf_cookie}"));

    // Without the CSRF cookie the form is refused.
    let res = submit(base_fields("approve", &password), None).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A wrong password shows the page again.
    let res = submit(base_fields("approve", "wrong-password"), cookie.clone()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.text().await.unwrap().contains("Invalid user name"));
    // Denying sends the app away with access_denied.
    let res = submit(base_fields("deny", &password), cookie.clone()).await;
    assert!(res.status().is_redirection());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with(redirect)
            && location.contains("error=access_denied")
            && location.contains("state=xyz"),
        "{location}"
    );

    let res = submit(base_fields("approve", &password), cookie.clone()).await;
    assert!(res.status().is_redirection());
    assert!(set_cookie_value(&res, "collegium_session").is_some());
    let location = url::Url::parse(res.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(location.host_str(), Some("app.example"));
    let pairs: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "xyz");
    let code = pairs["code"].clone();

    let exchange = |code: String, verifier: String| {
        let a = &a;
        let client_id = client_id.clone();
        let secret = secret.clone();
        async move {
            a.exchange_code(&client_id, Some(&secret), &code, redirect, Some(&verifier))
                .await
        }
    };
    let res = exchange(code.clone(), verifier.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let tok: Value = res.json().await.unwrap();
    assert_eq!(tok["scope"], "read write");
    let token = tok["access_token"].as_str().unwrap().to_string();
    let (status, me) = a
        .get_authed("/api/v1/accounts/verify_credentials", &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "anna");

    // A code works once.
    let res = exchange(code, verifier.clone()).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_grant");

    // A new code with a wrong verifier is refused.
    let res = submit(base_fields("approve", &password), cookie.clone()).await;
    let location = url::Url::parse(res.headers()["location"].to_str().unwrap()).unwrap();
    let code: String = location
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let res = exchange(code, "x".repeat(50)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_grant");

    // A public client proves itself with the verifier alone, and may revoke its
    // own token without a secret.
    let res = submit(base_fields("approve", &password), cookie.clone()).await;
    let location = url::Url::parse(res.headers()["location"].to_str().unwrap()).unwrap();
    let code: String = location
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let res = a
        .exchange_code(&client_id, None, &code, redirect, Some(&verifier))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let public_token = res.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let res = a
        .client
        .post(a.url("/oauth/revoke"))
        .form(&[("client_id", client_id.as_str()), ("token", &public_token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (status, _) = a
        .get_authed("/api/v1/accounts/verify_credentials", &public_token)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn out_of_band_shows_the_code_and_bad_requests_are_refused() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let oob = "urn:ietf:wg:oauth:2.0:oob";
    let (client_id, secret) = a.app("read", oob).await;

    // Signed in on the web already: the page only asks for consent.
    let res = a.client.get(a.url("/auth/sign_in")).send().await.unwrap();
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = a
        .client
        .post(a.url("/auth/sign_in"))
        .header("cookie", format!("collegium_csrf={csrf}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", "anna"),
            ("password", &password),
        ])
        .send()
        .await
        .unwrap();
    let session = set_cookie_value(&res, "collegium_session").unwrap();
    let cookies = format!("collegium_csrf={csrf}; collegium_session={session}");

    let page = a
        .client
        .get(a.url(&format!(
            "/oauth/authorize?response_type=code&client_id={client_id}&redirect_uri={oob}&scope=read"
        )))
        .header("cookie", &cookies)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("signed in as"));
    assert!(!page.contains("name=\"password\""));
    let res = a
        .client
        .post(a.url("/oauth/authorize"))
        .header("cookie", &cookies)
        .form(&[
            ("csrf", csrf.as_str()),
            ("response_type", "code"),
            ("client_id", &client_id),
            ("redirect_uri", oob),
            ("scope", "read"),
            ("decision", "approve"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let code = oob_code(&html);
    let res = a
        .exchange_code(&client_id, Some(&secret), &code, oob, None)
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{code}");

    // Unknown client or unregistered redirect: an error page, no redirect.
    for query in [
        format!("response_type=code&client_id=unknown&redirect_uri={oob}"),
        format!("response_type=code&client_id={client_id}&redirect_uri=https://evil.example/"),
    ] {
        let res = a
            .client
            .get(a.url(&format!("/oauth/authorize?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
        assert!(res.text().await.unwrap().contains("<html"));
    }
    // A scope the app was not registered for, or another response type, is shown
    // on a page too: never an unattended redirect to wherever an app registered.
    let redirect_app = a.app("read", "https://app.example/cb").await.0;
    for query in [
        "response_type=code&scope=write",
        "response_type=token&scope=read",
    ] {
        let res = a
            .client
            .get(a.url(&format!(
                "/oauth/authorize?{query}&client_id={redirect_app}&redirect_uri=https://app.example/cb"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
        assert!(res.headers().get("location").is_none());
    }
}

#[tokio::test]
async fn expired_codes_are_refused() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let oob = "urn:ietf:wg:oauth:2.0:oob";
    let (client_id, secret) = a.app("read", oob).await;
    let res = a
        .client
        .get(a.url(&format!(
            "/oauth/authorize?response_type=code&client_id={client_id}&redirect_uri={oob}"
        )))
        .send()
        .await
        .unwrap();
    let csrf = set_cookie_value(&res, "collegium_csrf").unwrap();
    let res = a
        .client
        .post(a.url("/oauth/authorize"))
        .header("cookie", format!("collegium_csrf={csrf}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("response_type", "code"),
            ("client_id", &client_id),
            ("redirect_uri", oob),
            ("scope", "read"),
            ("login", "anna"),
            ("password", &password),
            ("decision", "approve"),
        ])
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let code = oob_code(&html);

    // Eleven minutes later.
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    collegium::with_db!(&a.state.db, |pool| {
        sqlx::query("UPDATE oauth_authorization_codes SET expires_at = $1")
            .bind(past)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let res = a
        .exchange_code(&client_id, Some(&secret), &code, oob, None)
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"], "invalid_grant");
    assert!(
        err["error_description"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

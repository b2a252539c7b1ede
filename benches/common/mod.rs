//! What the benchmarks share: one instance started in-process on 127.0.0.1
//! (SQLite in `dir`, logging errors only), serving until the process ends; people
//! on other servers as it stores them; a bearer token for a person here.

// Each benchmark uses a part of this.
#![allow(dead_code)]

use collegium::{
    AppState,
    accounts::{
        model::Account,
        store::{self as accounts, NewAccount},
    },
    config::Settings,
    db::Db,
};

/// Starts an instance after `configure` has adjusted its settings; returns its
/// port and state.
pub async fn start_instance(
    dir: &std::path::Path,
    configure: impl FnOnce(&mut Settings),
) -> (u16, AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut settings = Settings {
        domain: format!("localhost:{port}"),
        listen: listener.local_addr().unwrap(),
        data_dir: dir.to_path_buf(),
        plain_http: Some(true),
        log: "error".into(),
        ..Settings::default()
    };
    configure(&mut settings);
    let db = Db::connect(&format!("sqlite://{}/collegium.db", dir.display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let state = AppState::with_db(settings, db).await.unwrap();
    let serving = state.clone();
    tokio::spawn(async move {
        collegium::serve(listener, serving, std::future::pending())
            .await
            .unwrap();
    });
    (port, state)
}

/// A person on another server (`id`, on `domain`), stored as a fetched actor would
/// be; their key is never used.
pub async fn remote_person(
    db: &Db,
    username: &str,
    domain: &str,
    id: &str,
    inbox: String,
    shared_inbox: Option<String>,
) -> Account {
    accounts::upsert_remote(
        db,
        NewAccount {
            username: username.to_string(),
            domain: Some(domain.to_string()),
            actor_type: "Person".into(),
            ap_id: id.to_string(),
            url: None,
            display_name: format!("Teacher {username}"),
            note_html: String::new(),
            avatar_url: None,
            header_url: None,
            inbox_url: inbox,
            outbox_url: None,
            shared_inbox_url: shared_inbox,
            followers_url: Some(format!("{id}/followers")),
            following_url: None,
            public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
            private_key_pem: None,
            locked: false,
            bot: false,
            discoverable: true,
            indexable: true,
        },
    )
    .await
    .unwrap()
}

/// A bearer token with `scope` for a person here (an app, then the password grant).
pub async fn token_for(base: &str, username: &str, password: &str, scope: &str) -> String {
    let client = reqwest::Client::new();
    let app: serde_json::Value = client
        .post(format!("{base}/api/v1/apps"))
        .form(&[
            ("client_name", "bench"),
            ("redirect_uris", "urn:ietf:wg:oauth:2.0:oob"),
            ("scopes", scope),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token: serde_json::Value = client
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "password"),
            ("client_id", app["client_id"].as_str().unwrap()),
            ("client_secret", app["client_secret"].as_str().unwrap()),
            ("username", username),
            ("password", password),
            ("scope", scope),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    token["access_token"].as_str().unwrap().to_string()
}

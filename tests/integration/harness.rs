//! Starts Collegium instances in-process on 127.0.0.1, each on its own port with
//! domain `localhost:PORT` and its own fresh database: a temporary SQLite file, or
//! a fresh PostgreSQL schema when `TEST_DATABASE_URL` names a server.

use std::path::PathBuf;

use collegium::{
    AppState,
    accounts::model::{NewUser, Role, create_user},
    config::Settings,
    db::Db,
};
use rand::Rng;
use reqwest::{Client, StatusCode, redirect::Policy};
use serde_json::{Value, json};
use tokio::{net::TcpListener, sync::oneshot};

pub struct TestInstance {
    pub base: String,
    pub domain: String,
    pub state: AppState,
    pub client: Client,
    pub dir: PathBuf,
    database_url: String,
    shutdown: Option<oneshot::Sender<()>>,
    serving: Option<tokio::task::JoinHandle<()>>,
}

pub fn unique(prefix: &str) -> String {
    let n: u64 = rand::thread_rng().r#gen();
    format!("{prefix}{n:016x}")
}

/// The URL of a fresh, empty database: a new schema on the PostgreSQL server that
/// `TEST_DATABASE_URL` names, or a SQLite file in `dir`.
pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    match std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(url) if url.starts_with("postgres") => {
            let schema = unique("t_");
            let admin = Db::connect(&url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            if let Db::Postgres(pool) = &admin {
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                    .execute(pool)
                    .await
                    .expect("create schema");
            }
            admin.close().await;
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}options[search_path]={schema}")
        }
        _ => format!("sqlite://{}/collegium.db", dir.display()),
    }
}

pub fn http_client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

impl TestInstance {
    pub async fn start() -> TestInstance {
        Self::start_with(|_| {}).await
    }

    /// Starts an instance after `configure` has adjusted its settings.
    pub async fn start_with(configure: impl FnOnce(&mut Settings)) -> TestInstance {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let dir = std::env::temp_dir().join(unique("collegium-test-"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut settings = Settings {
            domain: format!("localhost:{port}"),
            listen: listener.local_addr().expect("addr"),
            data_dir: dir.clone(),
            plain_http: Some(true),
            ..Settings::default()
        };
        settings.federation.allow_local_addresses = true;
        settings.federation.request_timeout_seconds = 5;
        configure(&mut settings);
        let database_url = fresh_database_url(&dir).await;
        let db = Db::connect(&database_url)
            .await
            .expect("open test database");
        db.migrate().await.expect("migrate");
        let state = AppState::with_db(settings, db).await.expect("state");
        let (shutdown, serving) = Self::serve(listener, state.clone());
        TestInstance {
            base: format!("http://localhost:{port}"),
            domain: format!("localhost:{port}"),
            state,
            client: http_client(),
            dir,
            database_url,
            shutdown: Some(shutdown),
            serving: Some(serving),
        }
    }

    fn serve(
        listener: TcpListener,
        state: AppState,
    ) -> (oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
        let (tx, rx) = oneshot::channel::<()>();
        let serving = tokio::spawn(async move {
            collegium::serve(listener, state, async {
                let _ = rx.await;
            })
            .await
            .expect("serve");
        });
        (tx, serving)
    }

    /// A second `serve` process of the same instance (same domain and database),
    /// listening on a port of its own, as when several processes share PostgreSQL.
    pub async fn second_process(&self) -> (AppState, oneshot::Sender<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let db = Db::connect(&self.database_url)
            .await
            .expect("open database");
        let mut settings = (*self.state.settings).clone();
        settings.listen = listener.local_addr().expect("addr");
        let state = AppState::with_db(settings, db).await.expect("state");
        let (shutdown, _serving) = Self::serve(listener, state.clone());
        (state, shutdown)
    }

    /// Stops serving (the database stays), as if the process went down.
    pub async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(serving) = self.serving.take() {
            let abort = serving.abort_handle();
            if tokio::time::timeout(std::time::Duration::from_secs(5), serving)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
        self.state.db.close().await;
    }

    /// Starts again on the same port and database, as a restarted process would.
    pub async fn restart(&mut self) {
        let addr = self.state.settings.listen;
        let mut listener = None;
        for _ in 0..50 {
            match TcpListener::bind(addr).await {
                Ok(l) => {
                    listener = Some(l);
                    break;
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            }
        }
        let listener = listener.expect("rebind the same port");
        let db = Db::connect(&self.database_url)
            .await
            .expect("reopen database");
        db.migrate().await.expect("migrate");
        let settings = (*self.state.settings).clone();
        self.state = AppState::with_db(settings, db).await.expect("state");
        let (shutdown, serving) = Self::serve(listener, self.state.clone());
        self.shutdown = Some(shutdown);
        self.serving = Some(serving);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Makes a local person; returns the password.
    pub async fn user(&self, name: &str, role: Role) -> String {
        let password = format!("pw-{name}-0123456789");
        create_user(
            &self.state,
            NewUser {
                username: name.into(),
                email: format!("{name}@school.example"),
                role,
                password: Some(password.clone()),
            },
        )
        .await
        .expect("create user");
        password
    }

    /// Registers an app over HTTP; returns (client_id, client_secret).
    pub async fn app(&self, scopes: &str, redirect_uri: &str) -> (String, String) {
        let res = self
            .client
            .post(self.url("/api/v1/apps"))
            .form(&[
                ("client_name", "Test app"),
                ("redirect_uris", redirect_uri),
                ("scopes", scopes),
            ])
            .send()
            .await
            .expect("POST /api/v1/apps");
        assert_eq!(res.status(), StatusCode::OK);
        let app: Value = res.json().await.expect("app json");
        (
            app["client_id"].as_str().expect("client_id").to_string(),
            app["client_secret"].as_str().expect("secret").to_string(),
        )
    }

    /// A bearer token for a person, by the password grant over HTTP.
    pub async fn token(&self, name: &str, password: &str, scopes: &str) -> String {
        let (client_id, secret) = self.app(scopes, "urn:ietf:wg:oauth:2.0:oob").await;
        let res = self
            .client
            .post(self.url("/oauth/token"))
            .json(&json!({
                "grant_type": "password",
                "client_id": client_id,
                "client_secret": secret,
                "username": name,
                "password": password,
                "scope": scopes,
            }))
            .send()
            .await
            .expect("POST /oauth/token");
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.expect("token json");
        body["access_token"].as_str().expect("token").to_string()
    }

    /// Exchanges an authorization code at `/oauth/token` (no secret for a public
    /// client, a verifier when PKCE was used).
    pub async fn exchange_code(
        &self,
        client_id: &str,
        secret: Option<&str>,
        code: &str,
        redirect_uri: &str,
        verifier: Option<&str>,
    ) -> reqwest::Response {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
        ];
        form.extend(secret.map(|s| ("client_secret", s)));
        form.extend(verifier.map(|v| ("code_verifier", v)));
        self.client
            .post(self.url("/oauth/token"))
            .form(&form)
            .send()
            .await
            .expect("POST /oauth/token")
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, Value) {
        let res = self.client.get(self.url(path)).send().await.expect("GET");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_ap(&self, path: &str) -> (StatusCode, Value) {
        let res = self
            .client
            .get(self.url(path))
            .header("Accept", "application/activity+json")
            .send()
            .await
            .expect("GET");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_authed(&self, path: &str, token: &str) -> (StatusCode, Value) {
        let res = self
            .client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

impl Drop for TestInstance {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The value of a cookie in a response's `Set-Cookie` headers.
pub fn set_cookie_value(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The code shown on the out-of-band authorization page.
pub fn oob_code(html: &str) -> String {
    let after = &html[html.find("id=\"code\"").expect("the code field")..];
    let value = after.split("value=\"").nth(1).expect("its value");
    value[..value.find('"').expect("end of value")].to_string()
}

/// The value of a hidden form field in a page.
pub fn form_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// Polls `check` until it returns true (deliveries are asynchronous), at most 15 s.
pub async fn eventually<F, Fut>(what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    eventually_within(what, 15, check).await
}

/// Like [`eventually`], for waits that include a retry's back-off.
pub async fn eventually_within<F, Fut>(what: &str, seconds: u64, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..seconds * 10 {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for: {what}");
}

/// A multipart/form-data body with text fields and one file part named `file`.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    multipart_files(fields, file.as_slice())
}

/// A multipart/form-data body with text fields and file parts named `files[]`.
pub fn multipart_files(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "collegium-test-boundary-7MA4YWxk";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (filename, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files[]\"; \
                 filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub async fn upload(
    instance: &TestInstance,
    token: &str,
    path: &str,
    filename: &str,
    bytes: &[u8],
) -> (StatusCode, Value) {
    let (content_type, body) = multipart(&[], Some((filename, bytes)));
    let res = instance
        .client
        .post(instance.url(path))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A person with a token for reading, writing and following.
pub async fn person(instance: &TestInstance, name: &str, role: Role) -> String {
    let password = instance.user(name, role).await;
    instance.token(name, &password, "read write follow").await
}

/// POSTs JSON with a bearer token; the status and the JSON answer (or null).
pub async fn post_json(
    instance: &TestInstance,
    token: &str,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let res = instance
        .client
        .post(instance.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// GETs a page with the given cookies; the status and the HTML.
pub async fn get_page(a: &TestInstance, cookies: &str, path: &str) -> (StatusCode, String) {
    let res = a
        .client
        .get(a.url(path))
        .header("cookie", cookies)
        .send()
        .await
        .unwrap();
    (res.status(), res.text().await.unwrap())
}

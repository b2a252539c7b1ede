//! What the benchmarks share: one instance started in-process on 127.0.0.1
//! (SQLite in `dir`, logging errors only), serving until the process ends.

use collegium::{AppState, config::Settings, db::Db};

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

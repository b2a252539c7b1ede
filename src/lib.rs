//! Collegium: a federated learning-community server for teachers.
//!
//! See docs/ARCHITECTURE.md for the map of this crate.

pub mod accounts;
pub mod admin;
pub mod api;
pub mod articles;
pub mod cases;
pub mod communities;
pub mod config;
pub mod db;
pub mod error;
pub mod federation;
pub mod follows;
pub mod i18n;
pub mod input;
pub mod instance;
pub mod materials;
pub mod media;
pub mod notifications;
pub mod posts;
pub mod publishing;
pub mod search;
pub mod vocabularies;
pub mod web;

use std::{sync::Arc, time::Duration};

use activitypub_federation::config::FederationMiddleware;
use axum::{
    Router,
    extract::Request,
    http::{StatusCode, Uri},
};
use tokio::net::TcpListener;

use crate::{accounts::model::Account, config::Settings, db::Db, error::AppError, web::Templates};

/// What every request can reach: the database, the settings, the templates and
/// the instance actor.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub templates: Templates,
    pub instance_actor: Arc<Account>,
    /// The client for every request to another server (see `federation::http_client`).
    pub http: reqwest::Client,
    pub delivery_wakeup: federation::queue::Wakeup,
    /// The instances we heard from lately (so hearing again writes nothing).
    pub heard: federation::queue::Heard,
    /// Uploaded files.
    pub media: media::MediaStore,
    /// The instance's description as its admins set it (`/admin/settings`),
    /// else as configured; read with [`AppState::instance`].
    instance: Arc<std::sync::RwLock<Arc<config::InstanceSettings>>>,
}

/// One unit of work: a copy of the state whose database handle is one write
/// transaction, so everything a write causes (its rows, the search entry,
/// notifications and the deliveries it queues: the outbox) commits together or
/// not at all. Dropped without [`Unit::commit`], nothing of it stays.
pub struct Unit {
    state: AppState,
    tx: db::Tx,
}

impl Unit {
    /// The state to write through: every query on its `db` is part of the unit.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Commits, then wakes the delivery workers for what the unit queued.
    pub async fn commit(self) -> Result<(), AppError> {
        let Unit { state, tx } = self;
        tx.commit().await?;
        state.delivery_wakeup.notify();
        Ok(())
    }
}

impl std::ops::Deref for Unit {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl AppState {
    /// The instance's name, description, rules, registrations and notices: what
    /// its admins saved last, else the configuration.
    pub fn instance(&self) -> Arc<config::InstanceSettings> {
        match self.instance.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Saves the admins' description of the instance; it applies at once (and
    /// to other processes of the instance when they start).
    pub async fn set_instance(&self, next: config::InstanceSettings) -> Result<(), AppError> {
        let text = serde_json::to_string(&next).map_err(|e| AppError::Internal(e.into()))?;
        db::settings::set(&self.db, INSTANCE_KEY, &text).await?;
        let next = Arc::new(next);
        match self.instance.write() {
            Ok(mut current) => *current = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        Ok(())
    }

    /// Opens and migrates the database and loads (or makes) the instance actor.
    pub async fn new(settings: Settings) -> anyhow::Result<AppState> {
        let db = Db::connect(&settings.database_url()).await?;
        db.migrate().await?;
        Self::with_db(settings, db).await
    }

    /// Begins a unit of work (inside one already: joins it).
    pub async fn begin_write(&self) -> Result<Unit, AppError> {
        let tx = self.db.begin_write().await?;
        let state = AppState {
            db: tx.db().clone(),
            ..self.clone()
        };
        Ok(Unit { state, tx })
    }

    /// Rebuilds the search index when it was made another way than the one
    /// this version makes (once, after an upgrade).
    async fn refresh_search_index(&self) -> anyhow::Result<()> {
        const KEY: &str = "search.index_version";
        let now = db::search::INDEX_VERSION;
        if db::settings::get(&self.db, KEY).await?.as_deref() == Some(now) {
            return Ok(());
        }
        let count =
            materials::model::reindex_all(self).await? + cases::model::reindex_all(self).await?;
        if count > 0 {
            tracing::info!(count, "search index rebuilt");
        }
        db::settings::set(&self.db, KEY, now).await?;
        Ok(())
    }

    /// Like [`AppState::new`] for a database that is already open and migrated.
    pub async fn with_db(settings: Settings, db: Db) -> anyhow::Result<AppState> {
        let instance_actor = federation::load_instance_actor(&db, &settings).await?;
        let http = federation::http_client(&settings)?;
        let media = media::MediaStore::open(&settings)?;
        vocabularies::all()?;
        // What the admins saved overrides the configuration; a copy we cannot
        // read (saved by another version) is left for the configuration.
        let instance = match db::settings::get(&db, INSTANCE_KEY).await? {
            Some(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "the saved instance settings are not readable");
                settings.instance.clone()
            }),
            None => settings.instance.clone(),
        };
        let state = AppState {
            instance: Arc::new(std::sync::RwLock::new(Arc::new(instance))),
            db,
            settings: Arc::new(settings),
            templates: Templates::load()?,
            instance_actor: Arc::new(instance_actor),
            http,
            delivery_wakeup: Default::default(),
            heard: Default::default(),
            media,
        };
        state.refresh_search_index().await?;
        Ok(state)
    }
}

/// The key of the admins' instance settings in `instance_settings`.
const INSTANCE_KEY: &str = "instance";

/// The whole HTTP application for a state.
pub async fn build_app(state: AppState) -> anyhow::Result<Router> {
    let headers = web::security::SecurityHeaders::new(&state.settings)?;
    let error_pages = axum::middleware::from_fn_with_state(state.clone(), web::page::error_pages);
    let config = federation::federation_config(state).await?;
    Ok(web::routes::router()
        .fallback(web::not_found)
        .layer(error_pages)
        .layer(axum::middleware::from_fn_with_state(
            headers,
            web::security::add_security_headers,
        ))
        .layer(FederationMiddleware::new(config)))
}

/// Runs a queued job that is not a delivery, by its kind: the one place that knows
/// which features queue follow-up work.
fn follow_up(
    state: AppState,
    kind: String,
    body: String,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>> {
    Box::pin(async move {
        match kind.as_str() {
            communities::apub::BACKFILL => communities::apub::run_backfill(state, &body).await,
            other => Err(format!("no such queued work: {other}")),
        }
    })
}

/// Serves the application on a bound listener, with the delivery workers, until
/// `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let limits = state.settings.server.clone();
    let stop_workers = Arc::new(tokio::sync::Notify::new());
    let workers = tokio::spawn(federation::queue::run_workers(
        state.clone(),
        stop_workers.clone(),
        follow_up,
    ));
    let cleanup = tokio::spawn(instance::cleanup::run_periodically(state.clone()));
    let app = build_app(state).await?;
    let app = tower::ServiceBuilder::new()
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(limits.request_timeout_seconds),
        ))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            Duration::from_secs(limits.body_timeout_seconds),
        ))
        .service(app);
    accept(listener, app, &limits, shutdown).await;
    stop_workers.notify_one();
    workers.abort();
    cleanup.abort();
    Ok(())
}

/// Takes connections until `shutdown`, each with a header-read timeout and
/// within the connection cap, then lets open requests finish (for at most 10 s).
async fn accept<S>(
    listener: TcpListener,
    app: S,
    limits: &config::ServerSettings,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) where
    S: tower::Service<
            Request,
            Response = axum::response::Response,
            Error = std::convert::Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    let open = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(Duration::from_secs(limits.header_read_timeout_seconds));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            tracing::warn!(%peer, "connection cap reached: closing a new connection");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let mut req = trim_trailing_slash(req.map(axum::body::Body::new));
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                tower::ServiceExt::oneshot(app.clone(), req)
            });
        let connection =
            graceful.watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(10)) => {
            tracing::warn!("open connections did not finish within 10 s of shutdown");
        }
    }
}

/// Treats `/path/` as `/path`, as Mastodon (Rails) does; some apps add the slash.
fn trim_trailing_slash(mut req: Request) -> Request {
    let path = req.uri().path();
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        let rebuilt = match req.uri().query() {
            Some(q) => format!("{trimmed}?{q}"),
            None => trimmed.to_string(),
        };
        if let Ok(uri) = rebuilt.parse::<Uri>() {
            *req.uri_mut() = uri;
        }
    }
    req
}

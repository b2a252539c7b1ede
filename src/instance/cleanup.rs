//! The periodic cleanup: forgets what no longer serves a purpose, so tables do
//! not grow for ever. Every `serve` process runs it (each run is a few DELETEs,
//! harmless when another process just did the same); `collegium admin cleanup`
//! runs it once. It calls the owner of each table, so it sits at the edge with
//! the router, and nothing but `serve` and the command line calls it.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::{
    AppState,
    accounts::{store as accounts, throttle},
    db::Db,
    error::AppResult,
    federation::{queue, store as federation},
};

/// Ids of received activities are kept this long. Replays of a captured
/// request are already refused by the signature's Date check (an hour, plus
/// clock skew); the ids are kept much longer, because a sender that did not
/// see our answer retries the same activity for days.
pub const KEEP_RECEIVED: Duration = Duration::days(7);
/// Finished deliveries (delivered, refused, given up) stay visible to admins
/// this long.
pub const KEEP_FINISHED_DELIVERIES: Duration = Duration::days(7);
/// Public activities we sent are served at their ids this long: receivers
/// read them when they arrive, and deliveries are retried for about two days.
pub const KEEP_SENT: Duration = Duration::days(30);
/// A temporary upload file this old belongs to an upload that was cut off (the
/// longest request lasts `server.request_timeout_seconds`).
pub const SPOOLED_UPLOADS_AGE: StdDuration = StdDuration::from_secs(24 * 60 * 60);
/// An app nobody signed in with this long after registering is removed.
pub const KEEP_UNUSED_APPS: Duration = Duration::days(1);

/// How many rows one run deleted, per kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    pub received_activities: u64,
    pub deliveries: u64,
    pub sent_activities: u64,
    pub sessions: u64,
    pub authorization_codes: u64,
    pub apps: u64,
    pub sign_in_attempts: u64,
}

/// One run, as of `now`.
pub async fn run(db: &Db, now: DateTime<Utc>) -> AppResult<Cleaned> {
    Ok(Cleaned {
        received_activities: federation::prune_received(db, now - KEEP_RECEIVED).await?,
        deliveries: queue::prune_finished(db, now - KEEP_FINISHED_DELIVERIES).await?,
        sent_activities: federation::prune_sent(db, now - KEEP_SENT).await?,
        sessions: accounts::prune_expired_sessions(db, now).await?,
        // Codes before apps: an app whose only code expired is then unused.
        authorization_codes: accounts::prune_expired_codes(db, now).await?,
        apps: accounts::prune_unused_apps(db, now - KEEP_UNUSED_APPS).await?,
        sign_in_attempts: throttle::prune(db, now).await?,
    })
}

/// Runs the cleanup every `maintenance.cleanup_interval_minutes`, the first
/// time a minute after start (so frequent restarts still clean), until the
/// task is stopped.
pub async fn run_periodically(state: AppState) {
    let interval = StdDuration::from_secs(
        state
            .settings
            .maintenance
            .cleanup_interval_minutes
            .saturating_mul(60),
    );
    let mut wait = interval.min(StdDuration::from_secs(60));
    loop {
        tokio::time::sleep(wait).await;
        wait = interval;
        match run(&state.db, Utc::now()).await {
            Ok(cleaned) => tracing::debug!(?cleaned, "cleanup done"),
            Err(e) => tracing::warn!(error = %e, "cleanup failed"),
        }
        // Uploads of this host's processes are spooled to its own data folder.
        let spooled = state.media.prune_spool(SPOOLED_UPLOADS_AGE).await;
        if spooled > 0 {
            tracing::info!(spooled, "removed temporary files of interrupted uploads");
        }
    }
}

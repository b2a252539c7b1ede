//! The instance as a whole: its description, its numbers, its home page and the
//! Mastodon instance endpoints.

pub mod api;
pub mod cleanup;
pub mod pages;
pub mod settings;

use crate::{accounts::store, db::Db};

/// What the instance reports about itself (NodeInfo, the instance API, the home page).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Stats {
    pub users: i64,
    pub active_month: i64,
    pub active_half_year: i64,
    /// Posts written here (not deleted).
    pub local_posts: i64,
    /// Other servers we know accounts on.
    pub domains: i64,
}

pub async fn stats(db: &Db) -> Result<Stats, sqlx::Error> {
    let (users, active_month, active_half_year) = store::user_counts(db).await?;
    Ok(Stats {
        users,
        active_month,
        active_half_year,
        local_posts: crate::posts::store::local_count(db).await?,
        domains: store::known_domain_count(db).await?,
    })
}

/// The version string Mastodon apps read: a Mastodon version they know the API
/// of, then ours, as other compatible servers do.
pub fn mastodon_version() -> String {
    format!(
        "4.3.0 (compatible; Collegium {})",
        env!("CARGO_PKG_VERSION")
    )
}

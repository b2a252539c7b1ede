//! All SQL for what federation keeps beside the queue: the ids of activities
//! acted on (so a repeat is acknowledged and ignored) and the public activities
//! we sent (served at their ids).

use chrono::{DateTime, Utc};
use url::Url;

use crate::{db::Db, with_db};

/// Whether an activity was already acted on.
pub async fn was_received(db: &Db, id: &Url) -> Result<bool, sqlx::Error> {
    let seen: Option<String> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT ap_id FROM received_activities WHERE ap_id = $1")
            .bind(id.as_str())
            .fetch_optional(pool)
            .await
    })?;
    Ok(seen.is_some())
}

/// Records that an activity was acted on.
pub async fn remember_received(db: &Db, id: &Url, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO received_activities (ap_id, received_at) VALUES ($1, $2) \
             ON CONFLICT (ap_id) DO NOTHING",
        )
        .bind(id.as_str())
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Forgets the ids of activities acted on before `before` (see
/// `instance::cleanup` for how long they must be kept).
pub async fn prune_received(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM received_activities WHERE received_at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// Keeps a public activity we are sending.
pub async fn remember_sent(
    db: &Db,
    id: &Url,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO sent_activities (ap_id, body, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (ap_id) DO NOTHING",
        )
        .bind(id.as_str())
        .bind(body)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// A public activity we sent, as we sent it.
pub async fn find_sent(db: &Db, id: &str) -> Result<Option<String>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT body FROM sent_activities WHERE ap_id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// Forgets sent activities older than `before` (receivers read them soon after).
pub async fn prune_sent(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sent_activities WHERE created_at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

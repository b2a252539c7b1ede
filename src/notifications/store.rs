//! All SQL for notifications.

use chrono::{DateTime, Utc};

use super::Kind;
use crate::{db::Db, db_row, with_db};

/// Whether `recipient` was already told this.
pub async fn exists(
    db: &Db,
    recipient_id: i64,
    from_id: i64,
    kind: Kind,
    status_id: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let existing: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT id FROM notifications WHERE account_id = $1 AND from_account_id = $2 \
             AND kind = $3 AND COALESCE(status_id, 0) = COALESCE($4, 0)",
        )
        .bind(recipient_id)
        .bind(from_id)
        .bind(kind.as_str())
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })?;
    Ok(existing.is_some())
}

pub async fn insert(
    db: &Db,
    recipient_id: i64,
    from_id: i64,
    kind: Kind,
    status_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO notifications (account_id, from_account_id, kind, status_id, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(recipient_id)
        .bind(from_id)
        .bind(kind.as_str())
        .bind(status_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Withdraws a follow request's notification (the request was answered or taken back).
pub async fn withdraw(
    db: &Db,
    recipient_id: i64,
    from_id: i64,
    kind: Kind,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "DELETE FROM notifications WHERE account_id = $1 AND from_account_id = $2 AND kind = $3",
        )
        .bind(recipient_id)
        .bind(from_id)
        .bind(kind.as_str())
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct Notification {
        pub id: i64,
        pub account_id: i64,
        pub from_account_id: i64,
        pub kind: String,
        pub status_id: Option<i64>,
        pub created_at: DateTime<Utc>,
    }
}

/// A person's notifications of the given kinds, newest first.
pub async fn list(
    db: &Db,
    account_id: i64,
    kinds: &[Kind],
    max_id: i64,
    min_id: i64,
    limit: i64,
) -> Result<Vec<Notification>, sqlx::Error> {
    // As many kinds as there are (Kind::ALL): bind them as that many parameters.
    let k = |i: usize| kinds.get(i).map(|k| k.as_str()).unwrap_or("");
    const _: () = assert!(Kind::ALL.len() == 7);
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, account_id, from_account_id, kind, status_id, created_at \
             FROM notifications WHERE account_id = $1 AND kind IN ($2, $3, $4, $5, $6, $7, $8) \
             AND id < $9 AND id > $10 ORDER BY id DESC LIMIT $11",
        )
        .bind(account_id)
        .bind(k(0))
        .bind(k(1))
        .bind(k(2))
        .bind(k(3))
        .bind(k(4))
        .bind(k(5))
        .bind(k(6))
        .bind(max_id)
        .bind(min_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

pub async fn find(db: &Db, account_id: i64, id: i64) -> Result<Option<Notification>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, account_id, from_account_id, kind, status_id, created_at \
             FROM notifications WHERE account_id = $1 AND id = $2",
        )
        .bind(account_id)
        .bind(id)
        .fetch_optional(pool)
        .await
    })
}

/// Dismisses one notification (`Some(id)`) or all of them.
pub async fn dismiss(db: &Db, account_id: i64, id: Option<i64>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM notifications WHERE account_id = $1 AND ($2 IS NULL OR id = $2)")
            .bind(account_id)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

// ----- how far a person has read them (Mastodon's `notifications` marker) -----

/// The id of the newest notification the person has seen, 0 when none.
pub async fn last_read(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    let id: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT last_read_id FROM markers WHERE account_id = $1 AND timeline = 'notifications'",
        )
        .bind(account_id)
        .fetch_optional(pool)
        .await
    })?;
    Ok(id.unwrap_or(0))
}

/// Marks the notifications up to `id` as read (never moving the mark back).
pub async fn mark_read(
    db: &Db,
    account_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) \
             VALUES ($1, 'notifications', $2, 1, $3) ON CONFLICT (account_id, timeline) DO UPDATE \
             SET last_read_id = $2, version = markers.version + 1, updated_at = $3 \
             WHERE markers.last_read_id < $2",
        )
        .bind(account_id)
        .bind(id)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

db_row! {
    /// How far a person has read one timeline (Mastodon's Marker).
    #[derive(Debug, Clone)]
    pub struct MarkerRow {
        pub timeline: String,
        pub last_read_id: i64,
        pub version: i64,
        pub updated_at: DateTime<Utc>,
    }
}

/// A person's markers of `home` and `notifications`.
pub async fn markers(db: &Db, account_id: i64) -> Result<Vec<MarkerRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT timeline, last_read_id, version, updated_at FROM markers \
             WHERE account_id = $1 AND timeline IN ('home', 'notifications')",
        )
        .bind(account_id)
        .fetch_all(pool)
        .await
    })
}

/// Sets a marker where an app says it is (apps may move it back, as Mastodon
/// lets them); its version goes up.
pub async fn set_marker(
    db: &Db,
    account_id: i64,
    timeline: &str,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) \
             VALUES ($1, $2, $3, 1, $4) ON CONFLICT (account_id, timeline) DO UPDATE \
             SET last_read_id = $3, version = markers.version + 1, updated_at = $4",
        )
        .bind(account_id)
        .bind(timeline)
        .bind(id)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

/// How many notifications came after the mark (counted up to 100: the header
/// shows "99+" beyond that).
pub async fn unread_count(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE account_id = $1 AND id > \
             COALESCE((SELECT last_read_id FROM markers WHERE account_id = $1 \
             AND timeline = 'notifications'), 0) LIMIT 100) AS unread",
        )
        .bind(account_id)
        .fetch_one(pool)
        .await
    })
}

//! Notifications for local people: follows and follow requests, mentions,
//! favourites and boosts of their posts. Features call [`notify`] where the
//! event happens; the Mastodon API reads them.

pub mod api;

use chrono::{DateTime, Utc};

use crate::{accounts::model::Account, db::Db, db_row, with_db};

/// What happened, in Mastodon's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Follow,
    FollowRequest,
    Mention,
    Favourite,
    Reblog,
    /// A new post by someone the person asked to be told about.
    Status,
    /// Someone adapted one of the person's teaching materials (ours; Mastodon
    /// apps skip types they do not know).
    Remix,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Follow => "follow",
            Kind::FollowRequest => "follow_request",
            Kind::Mention => "mention",
            Kind::Favourite => "favourite",
            Kind::Reblog => "reblog",
            Kind::Status => "status",
            Kind::Remix => "collegium.remix",
        }
    }

    pub const ALL: [Kind; 7] = [
        Kind::Follow,
        Kind::FollowRequest,
        Kind::Mention,
        Kind::Favourite,
        Kind::Reblog,
        Kind::Status,
        Kind::Remix,
    ];
}

/// Tells `recipient` (if they are local, and not the one who acted) what `from`
/// did. The same event is not notified twice.
pub async fn notify(
    db: &Db,
    recipient: &Account,
    from: &Account,
    kind: Kind,
    status_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    if !recipient.is_local() || recipient.id == from.id {
        return Ok(());
    }
    let now = Utc::now();
    let existing: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT id FROM notifications WHERE account_id = $1 AND from_account_id = $2 \
             AND kind = $3 AND COALESCE(status_id, 0) = COALESCE($4, 0)",
        )
        .bind(recipient.id)
        .bind(from.id)
        .bind(kind.as_str())
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })?;
    if existing.is_some() {
        return Ok(());
    }
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO notifications (account_id, from_account_id, kind, status_id, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(recipient.id)
        .bind(from.id)
        .bind(kind.as_str())
        .bind(status_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Tells the author's subscribers (followers who asked for it) of a new post.
pub async fn notify_subscribers(
    db: &Db,
    author: &Account,
    status_id: i64,
) -> Result<(), sqlx::Error> {
    for subscriber in crate::follows::store::subscribers(db, author.id).await? {
        notify(db, &subscriber, author, Kind::Status, Some(status_id)).await?;
    }
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

//! The SQL of follows (and only that).

use chrono::{DateTime, Utc};

use crate::{
    accounts::{model::Account, store as accounts},
    db::Db,
    db_row, with_db,
};

db_row! {
    #[derive(Debug, Clone)]
    pub struct Follow {
        pub id: i64,
        pub follower_id: i64,
        pub followed_id: i64,
        pub ap_id: String,
        pub accepted: bool,
        pub notify: bool,
        pub created_at: DateTime<Utc>,
    }
}

pub async fn find(
    db: &Db,
    follower_id: i64,
    followed_id: i64,
) -> Result<Option<Follow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, follower_id, followed_id, ap_id, accepted, notify, created_at FROM follows \
             WHERE follower_id = $1 AND followed_id = $2",
        )
        .bind(follower_id)
        .bind(followed_id)
        .fetch_optional(pool)
        .await
    })
}

pub async fn find_by_ap_id(db: &Db, ap_id: &str) -> Result<Option<Follow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, follower_id, followed_id, ap_id, accepted, notify, created_at FROM follows \
             WHERE ap_id = $1",
        )
        .bind(ap_id)
        .fetch_optional(pool)
        .await
    })
}

/// Records a follow (or request); an existing one for the pair is kept as it is.
pub async fn insert(
    db: &Db,
    follower_id: i64,
    followed_id: i64,
    ap_id: &str,
    accepted: bool,
) -> Result<Follow, sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO follows (follower_id, followed_id, ap_id, accepted, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (follower_id, followed_id) DO NOTHING",
        )
        .bind(follower_id)
        .bind(followed_id)
        .bind(ap_id)
        .bind(accepted)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    find(db, follower_id, followed_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
}

pub async fn accept(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE follows SET accepted = TRUE WHERE id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn delete(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM follows WHERE id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// (followers, following) of an account, accepted follows only.
pub async fn counts(db: &Db, account_id: i64) -> Result<(i64, i64), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM follows WHERE followed_id = $1 AND accepted), \
                    (SELECT COUNT(*) FROM follows WHERE follower_id = $1 AND accepted)",
        )
        .bind(account_id)
        .fetch_one(pool)
        .await
    })
}

/// Accounts on one side of an account's follows, newest first, paged by follow id.
/// `followers` picks which side; `accepted` requests or approved follows.
pub async fn list(
    db: &Db,
    account_id: i64,
    followers: bool,
    accepted: bool,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, Account)>, sqlx::Error> {
    let max_id = max_id.unwrap_or(i64::MAX);
    let pairs: Vec<(i64, i64)> = with_db!(db, |pool| {
        if followers {
            sqlx::query_as(
                "SELECT id, follower_id FROM follows WHERE followed_id = $1 AND accepted = $2 \
                 AND id < $3 ORDER BY id DESC LIMIT $4",
            )
            .bind(account_id)
            .bind(accepted)
            .bind(max_id)
            .bind(limit)
            .fetch_all(pool)
            .await
        } else {
            sqlx::query_as(
                "SELECT id, followed_id FROM follows WHERE follower_id = $1 AND accepted = $2 \
                 AND id < $3 ORDER BY id DESC LIMIT $4",
            )
            .bind(account_id)
            .bind(accepted)
            .bind(max_id)
            .bind(limit)
            .fetch_all(pool)
            .await
        }
    })?;
    let mut out = Vec::with_capacity(pairs.len());
    for (follow_id, other) in pairs {
        if let Some(account) = accounts::find_by_id(db, other).await? {
            out.push((follow_id, account));
        }
    }
    Ok(out)
}

/// Accounts that follow `account_id` (accepted), for addressing deliveries.
pub async fn followers(db: &Db, account_id: i64) -> Result<Vec<Account>, sqlx::Error> {
    Ok(list(db, account_id, true, true, None, i64::MAX)
        .await?
        .into_iter()
        .map(|(_, a)| a)
        .collect())
}

/// Whether the follower is told of every new post.
pub async fn set_notify(db: &Db, id: i64, notify: bool) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE follows SET notify = $1 WHERE id = $2")
            .bind(notify)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Followers of `account_id` who asked to be told of its new posts.
pub async fn subscribers(db: &Db, account_id: i64) -> Result<Vec<Account>, sqlx::Error> {
    let ids: Vec<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT follower_id FROM follows WHERE followed_id = $1 AND accepted AND notify",
        )
        .bind(account_id)
        .fetch_all(pool)
        .await
    })?;
    let mut out = Vec::new();
    for id in ids {
        if let Some(a) = accounts::find_by_id(db, id).await? {
            out.push(a);
        }
    }
    Ok(out)
}

/// Every follow from or to an account (it was deleted on its server).
pub async fn delete_all_of(db: &Db, account_id: i64) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM follows WHERE follower_id = $1 OR followed_id = $1")
            .bind(account_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// The local people who follow an account (accepted or asked).
pub async fn local_followers(db: &Db, account_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT f.follower_id FROM follows f JOIN accounts a ON a.id = f.follower_id \
             WHERE f.followed_id = $1 AND a.domain IS NULL",
        )
        .bind(account_id)
        .fetch_all(pool)
        .await
    })
}

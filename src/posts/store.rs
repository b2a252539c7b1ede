//! The SQL of posts and their mentions (and only that).

use chrono::{DateTime, Utc};

use crate::{db::Db, db_row, with_db};

/// The columns a [`Status`] decodes from, on a table aliased `s`.
macro_rules! status_columns {
    () => {
        "s.id, s.ap_id, s.url, s.account_id, s.local, s.content, s.source_text, \
         s.spoiler_text, s.sensitive, s.visibility, s.language, s.in_reply_to_ap_id, \
         s.reblog_of_id, s.created_at, s.edited_at, s.community_id, s.title, s.locked, \
         s.pinned_at"
    };
}
/// For other features' queries that decode a [`Status`].
pub(crate) use status_columns;

db_row! {
    #[derive(Debug, Clone)]
    pub struct Status {
        pub id: i64,
        pub ap_id: String,
        pub url: Option<String>,
        pub account_id: i64,
        pub local: bool,
        pub content: String,
        pub source_text: Option<String>,
        pub spoiler_text: String,
        pub sensitive: bool,
        pub visibility: String,
        pub language: Option<String>,
        pub in_reply_to_ap_id: Option<String>,
        pub reblog_of_id: Option<i64>,
        pub created_at: DateTime<Utc>,
        pub edited_at: Option<DateTime<Utc>>,
        pub community_id: Option<i64>,
        pub title: Option<String>,
        pub locked: bool,
        pub pinned_at: Option<DateTime<Utc>>,
    }
}

/// The columns of a new post.
pub struct NewStatus<'a> {
    /// Taken beforehand (see `Db::next_id`) for a post made here, whose addresses
    /// carry it; left to the database for what arrives.
    pub id: Option<i64>,
    pub ap_id: &'a str,
    pub url: Option<&'a str>,
    pub account_id: i64,
    pub local: bool,
    pub content: &'a str,
    pub source_text: Option<&'a str>,
    pub spoiler_text: &'a str,
    pub sensitive: bool,
    pub visibility: &'a str,
    pub language: Option<&'a str>,
    pub in_reply_to_ap_id: Option<&'a str>,
    pub reblog_of_id: Option<i64>,
    pub idempotency_key: Option<&'a str>,
    pub created_at: DateTime<Utc>,
    /// The community it is posted into, and its thread title there.
    pub community_id: Option<i64>,
    pub title: Option<&'a str>,
}

/// Inserts a post and its mentions. `None` when a post with that id exists (or
/// existed) already: it is kept as it is, and nothing is added to it.
pub async fn insert(
    db: &Db,
    s: &NewStatus<'_>,
    mentions: &[i64],
) -> Result<Option<Status>, sqlx::Error> {
    // The same statement with or without a given id: both engines take an
    // explicit value for their generated key.
    let sql = if s.id.is_some() {
        "INSERT INTO statuses (ap_id, url, account_id, local, content, source_text, \
         spoiler_text, sensitive, visibility, language, in_reply_to_ap_id, \
         idempotency_key, created_at, reblog_of_id, community_id, title, id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
         ON CONFLICT (ap_id) DO NOTHING RETURNING id"
    } else {
        "INSERT INTO statuses (ap_id, url, account_id, local, content, source_text, \
         spoiler_text, sensitive, visibility, language, in_reply_to_ap_id, \
         idempotency_key, created_at, reblog_of_id, community_id, title) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (ap_id) DO NOTHING RETURNING id"
    };
    let id: Option<i64> = with_db!(db, |pool| {
        let query = sqlx::query_scalar(sql)
            .bind(s.ap_id)
            .bind(s.url)
            .bind(s.account_id)
            .bind(s.local)
            .bind(s.content)
            .bind(s.source_text)
            .bind(s.spoiler_text)
            .bind(s.sensitive)
            .bind(s.visibility)
            .bind(s.language)
            .bind(s.in_reply_to_ap_id)
            .bind(s.idempotency_key)
            .bind(s.created_at)
            .bind(s.reblog_of_id)
            .bind(s.community_id)
            .bind(s.title);
        match s.id {
            Some(id) => query.bind(id).fetch_optional(pool).await,
            None => query.fetch_optional(pool).await,
        }
    })?;
    let Some(id) = id else {
        return Ok(None);
    };
    let status = find(db, id).await?.ok_or(sqlx::Error::RowNotFound)?;
    for account_id in mentions {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO status_mentions (status_id, account_id) VALUES ($1, $2) \
                 ON CONFLICT (status_id, account_id) DO NOTHING",
            )
            .bind(status.id)
            .bind(account_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(Some(status))
}

/// The author of a post with this id, deleted or not.
pub async fn author_of(db: &Db, ap_id: &str) -> Result<Option<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT account_id FROM statuses WHERE ap_id = $1")
            .bind(ap_id)
            .fetch_optional(pool)
            .await
    })
}

/// Gives a post made here its id-based addresses once its number is known.
pub async fn set_addresses(db: &Db, id: i64, ap_id: &str, url: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET ap_id = $1, url = $2 WHERE id = $3")
            .bind(ap_id)
            .bind(url)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Sets the thread title of a post.
pub async fn set_title(db: &Db, id: i64, title: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET title = $1 WHERE id = $2")
            .bind(title)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Takes away a post's content warning (a remote Article's `summary`, which we
/// keep as its description instead).
pub async fn clear_spoiler(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET spoiler_text = '', sensitive = FALSE WHERE id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.id = $1 AND s.deleted_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(pool)
        .await
    })
}

pub async fn find_by_ap_id(db: &Db, ap_id: &str) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.ap_id = $1 AND s.deleted_at IS NULL"
        ))
        .bind(ap_id)
        .fetch_optional(pool)
        .await
    })
}

pub async fn find_by_idempotency_key(
    db: &Db,
    account_id: i64,
    key: &str,
) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.account_id = $1 AND s.idempotency_key = $2 \
             AND s.deleted_at IS NULL"
        ))
        .bind(account_id)
        .bind(key)
        .fetch_optional(pool)
        .await
    })
}

/// Marks a post deleted (it stays as a Tombstone: replies keep their parent id),
/// and its boosts with it.
pub async fn mark_deleted(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET deleted_at = $1 WHERE reblog_of_id = $2 AND deleted_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET deleted_at = $1, content = '', source_text = NULL WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Ids of the accounts a post mentions.
pub async fn mentions(db: &Db, status_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT account_id FROM status_mentions WHERE status_id = $1")
            .bind(status_id)
            .fetch_all(pool)
            .await
    })
}

/// The home timeline of `account_id`: their own posts, posts of people they follow
/// (not direct ones), posts that mention them, and the threads of the local
/// communities they are members of (a remote community's reach them as its Group's
/// boosts); newest first, by id. With
/// `oldest_first`, the page just after `min_id` is taken (then put newest first),
/// as Mastodon's `min_id` does.
pub async fn home(
    db: &Db,
    account_id: i64,
    max_id: i64,
    min_id: i64,
    limit: i64,
    oldest_first: bool,
) -> Result<Vec<Status>, sqlx::Error> {
    // Ordered by id alone (in SQL, one text per direction), so that the newest
    // are read from the primary key backwards until the page is full; the `+`s
    // keep the planner from collecting every post of everyone followed through
    // the other indexes and sorting them all.
    macro_rules! home_sql {
        ($order:literal) => {
            concat!(
                "SELECT ",
                status_columns!(),
                " FROM statuses s WHERE s.deleted_at IS NULL AND s.id < $2 AND s.id > $3 AND ( \
                 +s.account_id = $1 \
                 OR (s.visibility <> 'direct' AND +s.account_id IN \
                     (SELECT followed_id FROM follows WHERE follower_id = $1 AND accepted)) \
                 OR +s.id IN (SELECT status_id FROM status_mentions WHERE account_id = $1) \
                 OR (s.in_reply_to_ap_id IS NULL AND s.reblog_of_id IS NULL \
                     AND s.visibility IN ('public', 'unlisted') AND +s.community_id IN \
                     (SELECT f.followed_id FROM follows f JOIN accounts g ON g.id = f.followed_id \
                      WHERE f.follower_id = $1 AND f.accepted AND g.domain IS NULL))) \
                 ORDER BY s.id ",
                $order,
                " LIMIT $4"
            )
        };
    }
    let sql = if oldest_first {
        home_sql!("ASC")
    } else {
        home_sql!("DESC")
    };
    with_db!(db, |pool| {
        sqlx::query_as(sql)
            .bind(account_id)
            .bind(max_id)
            .bind(min_id)
            .bind(limit)
            .fetch_all(pool)
            .await
    })
    .map(|rows| newest_first(rows, oldest_first))
}

fn newest_first(mut rows: Vec<Status>, reversed: bool) -> Vec<Status> {
    if reversed {
        rows.reverse();
    }
    rows
}

/// Public posts, newest first; `local_only` limits them to this instance,
/// `remote_only` to other servers.
pub async fn public(
    db: &Db,
    local_only: bool,
    remote_only: bool,
    max_id: i64,
    min_id: i64,
    limit: i64,
    oldest_first: bool,
) -> Result<Vec<Status>, sqlx::Error> {
    macro_rules! public_sql {
        ($order:literal) => {
            concat!(
                "SELECT ",
                status_columns!(),
                " FROM statuses s WHERE s.deleted_at IS NULL AND s.visibility = 'public' \
                 AND s.reblog_of_id IS NULL AND (s.local OR NOT $1) AND (NOT s.local OR NOT $5) \
                 AND s.id < $2 AND s.id > $3 ORDER BY s.id ",
                $order,
                " LIMIT $4"
            )
        };
    }
    let sql = if oldest_first {
        public_sql!("ASC")
    } else {
        public_sql!("DESC")
    };
    with_db!(db, |pool| {
        sqlx::query_as(sql)
            .bind(local_only)
            .bind(max_id)
            .bind(min_id)
            .bind(limit)
            .bind(remote_only)
            .fetch_all(pool)
            .await
    })
    .map(|rows| newest_first(rows, oldest_first))
}

/// Which of an account's posts a list shows (Mastodon's parameters of
/// `GET /api/v1/accounts/{id}/statuses`).
#[derive(Debug, Default, Clone)]
pub struct AccountFilter {
    pub pinned: bool,
    /// Replies to others left out (replies to oneself, threads, stay).
    pub exclude_replies: bool,
    pub exclude_reblogs: bool,
    pub only_media: bool,
    /// Only posts with this hashtag (normalised), if given.
    pub tagged: Option<String>,
}

/// An account's posts that `viewer` may see, newest first.
pub async fn by_account(
    db: &Db,
    account_id: i64,
    visibilities: &[&str],
    max_id: i64,
    limit: i64,
) -> Result<Vec<Status>, sqlx::Error> {
    by_account_filtered(
        db,
        account_id,
        visibilities,
        max_id,
        limit,
        &AccountFilter::default(),
    )
    .await
}

/// [`by_account`] with Mastodon's filters.
pub async fn by_account_filtered(
    db: &Db,
    account_id: i64,
    visibilities: &[&str],
    max_id: i64,
    limit: i64,
    filter: &AccountFilter,
) -> Result<Vec<Status>, sqlx::Error> {
    // At most four visibilities: bind them as four parameters.
    let v = |i: usize| visibilities.get(i).copied().unwrap_or("");
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.deleted_at IS NULL AND s.account_id = $1 \
             AND s.visibility IN ($2, $3, $4, $5) AND s.id < $6 \
             AND ($8 = FALSE OR s.id IN (SELECT status_id FROM status_pins WHERE account_id = $1)) \
             AND ($9 = FALSE OR s.in_reply_to_ap_id IS NULL OR s.in_reply_to_ap_id IN \
                  (SELECT ap_id FROM statuses WHERE account_id = $1)) \
             AND ($10 = FALSE OR s.reblog_of_id IS NULL) \
             AND ($11 = FALSE OR s.id IN (SELECT status_id FROM status_media)) \
             AND ($12 = '' OR s.id IN (SELECT status_id FROM status_tags WHERE name = $12)) \
             ORDER BY s.id DESC LIMIT $7"
        ))
        .bind(account_id)
        .bind(v(0))
        .bind(v(1))
        .bind(v(2))
        .bind(v(3))
        .bind(max_id)
        .bind(limit)
        .bind(filter.pinned)
        .bind(filter.exclude_replies)
        .bind(filter.exclude_reblogs)
        .bind(filter.only_media)
        .bind(filter.tagged.clone().unwrap_or_default())
        .fetch_all(pool)
        .await
    })
}

/// How many posts were written here (for NodeInfo and the instance API).
pub async fn local_count(db: &Db) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM statuses WHERE local AND deleted_at IS NULL")
            .fetch_one(pool)
            .await
    })
}

/// How people engaged with a post: its favourites, boosts and replies, and
/// whether `viewer` favourited and boosted it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Engagement {
    pub favourites: i64,
    pub favourited: bool,
    pub reblogs: i64,
    pub reblogged: bool,
    pub bookmarked: bool,
    /// Pinned by its author to their profile.
    pub pinned: bool,
    pub replies: i64,
    /// What it carries beside its text (so that what it does not carry need not
    /// be read): mentions, tags, media, custom emoji, a poll.
    pub has_mentions: bool,
    pub has_tags: bool,
    pub has_media: bool,
    pub has_emojis: bool,
    pub has_poll: bool,
}

/// How many posts a person has pinned.
pub async fn pin_count(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM status_pins WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(pool)
            .await
    })
}

/// What a person may set on a post for themselves alone.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    /// Kept for later (Mastodon's bookmark).
    Bookmark,
    /// Pinned to one's profile (one's own posts only; the caller checks).
    Pin,
}

/// Sets a [`Mark`] (`true`) or takes it away; whether anything changed.
pub async fn set_mark(
    db: &Db,
    mark: Mark,
    account_id: i64,
    status_id: i64,
    on: bool,
) -> Result<bool, sqlx::Error> {
    let sql = match (mark, on) {
        (Mark::Bookmark, true) => {
            "INSERT INTO bookmarks (account_id, status_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id, status_id) DO NOTHING"
        }
        (Mark::Pin, true) => {
            "INSERT INTO status_pins (account_id, status_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id, status_id) DO NOTHING"
        }
        (Mark::Bookmark, false) => "DELETE FROM bookmarks WHERE account_id = $1 AND status_id = $2",
        (Mark::Pin, false) => "DELETE FROM status_pins WHERE account_id = $1 AND status_id = $2",
    };
    let n = with_db!(db, |pool| {
        let query = sqlx::query(sql).bind(account_id).bind(status_id);
        if on {
            query.bind(chrono::Utc::now())
        } else {
            query
        }
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// Which of a person's lists a page of [`kept`] reads.
#[derive(Debug, Clone, Copy)]
pub enum Kept {
    Bookmarks,
    Favourites,
}

/// A page of the posts a person bookmarked or liked, newest first (or, with
/// `oldest_first`, the page just after `min_id`), each with the id of its
/// bookmark or like, which is what the pages are cut by.
pub async fn kept(
    db: &Db,
    which: Kept,
    account_id: i64,
    max_id: i64,
    min_id: i64,
    limit: i64,
    oldest_first: bool,
) -> Result<Vec<(i64, Status)>, sqlx::Error> {
    macro_rules! kept_sql {
        ($table:literal, $order:literal) => {
            concat!(
                "SELECT k.id AS kept_id, ",
                status_columns!(),
                " FROM ",
                $table,
                " k JOIN statuses s ON s.id = k.status_id \
                 WHERE k.account_id = $1 AND k.id < $2 AND k.id > $3 AND s.deleted_at IS NULL \
                 ORDER BY k.id ",
                $order,
                " LIMIT $4"
            )
        };
    }
    let sql = match (which, oldest_first) {
        (Kept::Bookmarks, false) => kept_sql!("bookmarks", "DESC"),
        (Kept::Bookmarks, true) => kept_sql!("bookmarks", "ASC"),
        (Kept::Favourites, false) => kept_sql!("favourites", "DESC"),
        (Kept::Favourites, true) => kept_sql!("favourites", "ASC"),
    };
    let rows: Vec<KeptRow> = with_db!(db, |pool| {
        sqlx::query_as(sql)
            .bind(account_id)
            .bind(max_id)
            .bind(min_id)
            .bind(limit)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(|r| (r.kept_id, r.status)).collect())
}

/// A row of [`kept`]: the bookmark's or like's id and its post.
struct KeptRow {
    kept_id: i64,
    status: Status,
}

macro_rules! kept_row_from {
    ($row:ty) => {
        impl<'r> sqlx::FromRow<'r, $row> for KeptRow {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                use sqlx::Row;
                Ok(KeptRow {
                    kept_id: row.try_get("kept_id")?,
                    status: Status::from_row(row)?,
                })
            }
        }
    };
}
kept_row_from!(sqlx::sqlite::SqliteRow);
kept_row_from!(sqlx::postgres::PgRow);

/// [`Engagement`] of a post, in one query (every status shown needs it).
pub async fn engagement(
    db: &Db,
    status: &Status,
    viewer: Option<i64>,
) -> Result<Engagement, sqlx::Error> {
    type Row = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
    let (
        favourites,
        favourited,
        reblogs,
        reblogged,
        replies,
        mentions,
        tags,
        media,
        emojis,
        poll,
        bookmarked,
        pinned,
    ): Row = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM favourites WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM favourites WHERE status_id = $1 AND account_id = $2), \
                 (SELECT COUNT(*) FROM statuses WHERE reblog_of_id = $1 AND deleted_at IS NULL), \
                 (SELECT COUNT(*) FROM statuses WHERE reblog_of_id = $1 AND deleted_at IS NULL \
                  AND account_id = $2), \
                 (SELECT COUNT(*) FROM statuses WHERE in_reply_to_ap_id = $3 \
                  AND deleted_at IS NULL), \
                 (SELECT COUNT(*) FROM status_mentions WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM status_tags WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM status_media WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM status_emojis WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM polls WHERE status_id = $1), \
                 (SELECT COUNT(*) FROM bookmarks WHERE status_id = $1 AND account_id = $2), \
                 (SELECT COUNT(*) FROM status_pins WHERE account_id = $4 AND status_id = $1)",
        )
        .bind(status.id)
        .bind(viewer.unwrap_or(-1))
        .bind(&status.ap_id)
        .bind(status.account_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Engagement {
        favourites,
        favourited: favourited > 0,
        reblogs,
        reblogged: reblogged > 0,
        bookmarked: bookmarked > 0,
        pinned: pinned > 0,
        replies,
        has_mentions: mentions > 0,
        has_tags: tags > 0,
        has_media: media > 0,
        has_emojis: emojis > 0,
        has_poll: poll > 0,
    })
}

// ----- favourites -----

/// Records a favourite; false when it was there already.
pub async fn add_favourite(
    db: &Db,
    account_id: i64,
    status_id: i64,
    ap_id: &str,
) -> Result<bool, sqlx::Error> {
    let now = Utc::now();
    let inserted = with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO favourites (account_id, status_id, ap_id, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(account_id)
        .bind(status_id)
        .bind(ap_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(inserted == 1)
}

/// Removes a favourite; returns the Like's id when there was one.
pub async fn remove_favourite(
    db: &Db,
    account_id: i64,
    status_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let ap_id: Option<String> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "DELETE FROM favourites WHERE account_id = $1 AND status_id = $2 RETURNING ap_id",
        )
        .bind(account_id)
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })?;
    Ok(ap_id)
}

/// Removes a favourite by its Like's id, only if `account_id` made it.
pub async fn remove_favourite_by_ap_id(
    db: &Db,
    ap_id: &str,
    account_id: i64,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM favourites WHERE ap_id = $1 AND account_id = $2")
            .bind(ap_id)
            .bind(account_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Ids of the accounts that favourited a post, newest first.
pub async fn favourited_by(db: &Db, status_id: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT account_id FROM favourites WHERE status_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(status_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

// ----- edits -----

db_row! {
    #[derive(Debug, Clone)]
    pub struct StatusEdit {
        pub content: String,
        pub spoiler_text: String,
        pub sensitive: bool,
        pub created_at: DateTime<Utc>,
    }
}

/// Keeps the current version of a post in its history, then replaces it.
pub async fn edit(
    db: &Db,
    status: &Status,
    content: &str,
    source_text: Option<&str>,
    spoiler_text: &str,
    sensitive: bool,
    edited_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let version_time = status.edited_at.unwrap_or(status.created_at);
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO status_edits (status_id, content, spoiler_text, sensitive, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(status.id)
        .bind(&status.content)
        .bind(&status.spoiler_text)
        .bind(status.sensitive)
        .bind(version_time)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET content = $1, source_text = $2, spoiler_text = $3, \
             sensitive = $4, edited_at = $5 WHERE id = $6",
        )
        .bind(content)
        .bind(source_text)
        .bind(spoiler_text)
        .bind(sensitive)
        .bind(edited_at)
        .bind(status.id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Earlier versions of a post, oldest first.
pub async fn edits(db: &Db, status_id: i64) -> Result<Vec<StatusEdit>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT content, spoiler_text, sensitive, created_at FROM status_edits \
             WHERE status_id = $1 ORDER BY id",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })
}

/// Direct replies to a post (visible or not: callers filter), oldest first.
pub async fn replies(db: &Db, ap_id: &str, limit: i64) -> Result<Vec<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.in_reply_to_ap_id = $1 AND s.deleted_at IS NULL \
             ORDER BY s.id LIMIT $2"
        ))
        .bind(ap_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// How many replies a post has.
pub async fn reply_count(db: &Db, ap_id: &str) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM statuses WHERE in_reply_to_ap_id = $1 AND deleted_at IS NULL",
        )
        .bind(ap_id)
        .fetch_one(pool)
        .await
    })
}

/// How many replies each of several posts has, by their ids (missing: none).
pub async fn reply_counts(
    db: &Db,
    ap_ids: &[&str],
) -> Result<std::collections::HashMap<String, i64>, sqlx::Error> {
    if ap_ids.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!(
        "SELECT in_reply_to_ap_id, COUNT(*) FROM statuses WHERE in_reply_to_ap_id IN ({}) \
         AND deleted_at IS NULL GROUP BY in_reply_to_ap_id",
        db.texts_in_json(1)
    );
    let list = serde_json::to_string(ap_ids).unwrap_or_default();
    let rows: Vec<(String, i64)> = with_db!(db, |pool| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(&list)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().collect())
}

// ----- boosts -----

/// A person's boost of a post, if any.
pub async fn find_reblog(
    db: &Db,
    account_id: i64,
    status_id: i64,
) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.account_id = $1 AND s.reblog_of_id = $2 \
             AND s.deleted_at IS NULL"
        ))
        .bind(account_id)
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })
}

/// Ids of the accounts that boosted a post, newest first.
pub async fn reblogged_by(db: &Db, status_id: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT account_id FROM statuses WHERE reblog_of_id = $1 AND deleted_at IS NULL \
             ORDER BY id DESC LIMIT $2",
        )
        .bind(status_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

// ----- hashtags -----

/// Records a post's hashtags (lower case, without `#`).
pub async fn add_tags(db: &Db, status_id: i64, tags: &[String]) -> Result<(), sqlx::Error> {
    for tag in tags {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO status_tags (status_id, name) VALUES ($1, $2) \
                 ON CONFLICT (status_id, name) DO NOTHING",
            )
            .bind(status_id)
            .bind(tag)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

pub async fn tags(db: &Db, status_id: i64) -> Result<Vec<String>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT name FROM status_tags WHERE status_id = $1 ORDER BY name")
            .bind(status_id)
            .fetch_all(pool)
            .await
    })
}

/// Public posts with a hashtag, newest first.
pub async fn tagged(
    db: &Db,
    tag: &str,
    local_only: bool,
    max_id: i64,
    min_id: i64,
    limit: i64,
) -> Result<Vec<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s JOIN status_tags t ON t.status_id = s.id WHERE t.name = $1 \
             AND s.deleted_at IS NULL AND s.visibility = 'public' AND (s.local OR NOT $2) \
             AND s.id < $3 AND s.id > $4 ORDER BY s.id DESC LIMIT $5"
        ))
        .bind(tag)
        .bind(local_only)
        .bind(max_id)
        .bind(min_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// A post by its id or its web address.
pub async fn find_by_uri_or_url(db: &Db, uri: &str) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE (s.ap_id = $1 OR s.url = $1) AND s.deleted_at IS NULL \
             AND s.reblog_of_id IS NULL"
        ))
        .bind(uri)
        .fetch_optional(pool)
        .await
    })
}

/// Hashtags in use that start with `prefix`, most used first.
pub async fn hashtags_like(db: &Db, prefix: &str, limit: i64) -> Result<Vec<String>, sqlx::Error> {
    let pattern = format!(
        "{}%",
        prefix
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT name FROM status_tags WHERE name LIKE $1 ESCAPE '\\' GROUP BY name \
             ORDER BY COUNT(*) DESC, name LIMIT $2",
        )
        .bind(pattern)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

// ----- what remote posts carry beside their text -----

db_row! {
    /// A media attachment of a remote post (a link to the other server's file).
    #[derive(Debug, Clone)]
    pub struct Media {
        pub position: i64,
        pub kind: String,
        pub remote_url: String,
        pub preview_url: Option<String>,
        pub media_type: Option<String>,
        pub description: Option<String>,
        pub width: Option<i64>,
        pub height: Option<i64>,
        pub blurhash: Option<String>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct Emoji {
        pub shortcode: String,
        pub url: String,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct Poll {
        pub multiple: bool,
        pub expires_at: Option<DateTime<Utc>>,
        pub voters_count: Option<i64>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct PollOption {
        pub title: String,
        pub votes: i64,
    }
}

/// Replaces a post's media attachments.
pub async fn set_media(db: &Db, status_id: i64, media: &[Media]) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM status_media WHERE status_id = $1")
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    for m in media {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO status_media (status_id, position, kind, remote_url, preview_url, \
                 media_type, description, width, height, blurhash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(status_id)
            .bind(m.position)
            .bind(&m.kind)
            .bind(&m.remote_url)
            .bind(&m.preview_url)
            .bind(&m.media_type)
            .bind(&m.description)
            .bind(m.width)
            .bind(m.height)
            .bind(&m.blurhash)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

pub async fn media(db: &Db, status_id: i64) -> Result<Vec<Media>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT position, kind, remote_url, preview_url, media_type, description, width, \
             height, blurhash FROM status_media WHERE status_id = $1 ORDER BY position",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })
}

/// Replaces a post's custom emoji.
pub async fn set_emojis(db: &Db, status_id: i64, emojis: &[Emoji]) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM status_emojis WHERE status_id = $1")
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    for e in emojis {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO status_emojis (status_id, shortcode, url) VALUES ($1, $2, $3) \
                 ON CONFLICT (status_id, shortcode) DO NOTHING",
            )
            .bind(status_id)
            .bind(&e.shortcode)
            .bind(&e.url)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

pub async fn emojis(db: &Db, status_id: i64) -> Result<Vec<Emoji>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT shortcode, url FROM status_emojis WHERE status_id = $1 ORDER BY shortcode",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })
}

/// Replaces a post's poll (its options and their counts as the other server has them).
pub async fn set_poll(
    db: &Db,
    status_id: i64,
    poll: &Poll,
    options: &[PollOption],
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM poll_options WHERE status_id = $1")
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO polls (status_id, multiple, expires_at, voters_count) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (status_id) DO UPDATE SET \
             multiple = excluded.multiple, expires_at = excluded.expires_at, \
             voters_count = excluded.voters_count",
        )
        .bind(status_id)
        .bind(poll.multiple)
        .bind(poll.expires_at)
        .bind(poll.voters_count)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    for (position, o) in options.iter().enumerate() {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO poll_options (status_id, position, title, votes) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(status_id)
            .bind(position as i64)
            .bind(&o.title)
            .bind(o.votes)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

pub async fn poll(db: &Db, status_id: i64) -> Result<Option<(Poll, Vec<PollOption>)>, sqlx::Error> {
    let poll: Option<Poll> = with_db!(db, |pool| {
        sqlx::query_as("SELECT multiple, expires_at, voters_count FROM polls WHERE status_id = $1")
            .bind(status_id)
            .fetch_optional(pool)
            .await
    })?;
    let Some(poll) = poll else {
        return Ok(None);
    };
    let options: Vec<PollOption> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT title, votes FROM poll_options WHERE status_id = $1 ORDER BY position",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(Some((poll, options)))
}

pub async fn set_quote(db: &Db, status_id: i64, quote_url: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET quote_url = $1 WHERE id = $2")
            .bind(quote_url)
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Deletes every post of an account (it was deleted on its server): tombstones,
/// as for a single delete.
pub async fn delete_all_by(db: &Db, account_id: i64) -> Result<u64, sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET deleted_at = $1, content = '', source_text = NULL \
             WHERE account_id = $2 AND deleted_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

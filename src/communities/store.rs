//! The SQL of communities: their settings, facilitators, bans, moderation log and
//! reports, and the community columns of posts (and only that).

use chrono::{DateTime, Utc};

use crate::{
    accounts::{model::Account, store as accounts},
    db::Db,
    db_row,
    posts::store::{Status, status_columns},
    with_db,
};

db_row! {
    #[derive(Debug, Clone)]
    pub struct CommunityRow {
        pub account_id: i64,
        pub rules: String,
        pub posting_restricted_to_mods: bool,
        pub moderators_url: Option<String>,
        pub featured_url: Option<String>,
        pub created_at: DateTime<Utc>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct Ban {
        pub community_id: i64,
        pub account_id: i64,
        pub reason: String,
        pub expires_at: Option<DateTime<Utc>>,
        pub created_at: DateTime<Utc>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct LogEntry {
        pub id: i64,
        pub community_id: i64,
        pub moderator_id: Option<i64>,
        pub action: String,
        pub target_account_id: Option<i64>,
        pub target_status_id: Option<i64>,
        pub reason: String,
        pub created_at: DateTime<Utc>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct Report {
        pub id: i64,
        pub ap_id: String,
        pub community_id: Option<i64>,
        pub reporter_id: Option<i64>,
        pub target_account_id: Option<i64>,
        pub target_status_id: Option<i64>,
        pub reason: String,
        pub resolved_at: Option<DateTime<Utc>>,
        pub created_at: DateTime<Utc>,
    }
}

const COMMUNITY_COLUMNS: &str =
    "account_id, rules, posting_restricted_to_mods, moderators_url, featured_url, created_at";

pub async fn find(db: &Db, account_id: i64) -> Result<Option<CommunityRow>, sqlx::Error> {
    let sql = format!("SELECT {COMMUNITY_COLUMNS} FROM communities WHERE account_id = $1");
    with_db!(db, |pool| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(account_id)
            .fetch_optional(pool)
            .await
    })
}

/// Writes a community's settings (local ones when made or changed, remote ones
/// whenever their Group is fetched).
pub async fn upsert(db: &Db, row: &CommunityRow) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO communities (account_id, rules, posting_restricted_to_mods, \
             moderators_url, featured_url, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (account_id) DO UPDATE SET rules = excluded.rules, \
             posting_restricted_to_mods = excluded.posting_restricted_to_mods, \
             moderators_url = excluded.moderators_url, featured_url = excluded.featured_url",
        )
        .bind(row.account_id)
        .bind(&row.rules)
        .bind(row.posting_restricted_to_mods)
        .bind(&row.moderators_url)
        .bind(&row.featured_url)
        .bind(row.created_at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Group accounts (local and known remote), newest first, optionally only those
/// whose name, title or summary contain `text`.
pub async fn list(
    db: &Db,
    text: Option<&str>,
    local_only: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<Account>, sqlx::Error> {
    let pattern = text.map(|t| {
        format!(
            "%{}%",
            t.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    });
    let ids: Vec<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT a.id FROM accounts a JOIN communities c ON c.account_id = a.id \
             WHERE a.actor_type = 'Group' AND ($1 = FALSE OR a.domain IS NULL) \
             AND ($2 IS NULL OR lower(a.username) LIKE $2 ESCAPE '\\' \
                  OR lower(a.display_name) LIKE $2 ESCAPE '\\' \
                  OR lower(a.note_html) LIKE $2 ESCAPE '\\') \
             ORDER BY a.id DESC LIMIT $3 OFFSET $4",
        )
        .bind(local_only)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await
    })?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(a) = accounts::find_by_id(db, id).await? {
            out.push(a);
        }
    }
    Ok(out)
}

// ----- facilitators -----

pub async fn add_facilitator(
    db: &Db,
    community_id: i64,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    let now = Utc::now();
    let n = with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO community_facilitators (community_id, account_id, created_at) \
             VALUES ($1, $2, $3) ON CONFLICT (community_id, account_id) DO NOTHING",
        )
        .bind(community_id)
        .bind(account_id)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

pub async fn remove_facilitator(
    db: &Db,
    community_id: i64,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query(
            "DELETE FROM community_facilitators WHERE community_id = $1 AND account_id = $2",
        )
        .bind(community_id)
        .bind(account_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

pub async fn facilitator_ids(db: &Db, community_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT account_id FROM community_facilitators WHERE community_id = $1 \
             ORDER BY created_at, account_id",
        )
        .bind(community_id)
        .fetch_all(pool)
        .await
    })
}

pub async fn is_facilitator(
    db: &Db,
    community_id: i64,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM community_facilitators WHERE community_id = $1 AND account_id = $2",
        )
        .bind(community_id)
        .bind(account_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(n > 0)
}

// ----- bans -----

pub async fn ban(
    db: &Db,
    community_id: i64,
    account_id: i64,
    reason: &str,
    expires_at: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO community_bans (community_id, account_id, reason, expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (community_id, account_id) DO UPDATE \
             SET reason = excluded.reason, expires_at = excluded.expires_at",
        )
        .bind(community_id)
        .bind(account_id)
        .bind(reason)
        .bind(expires_at)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn unban(db: &Db, community_id: i64, account_id: i64) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query("DELETE FROM community_bans WHERE community_id = $1 AND account_id = $2")
            .bind(community_id)
            .bind(account_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// The ban in force on a person in a community, if any (an expired one is none).
pub async fn active_ban(
    db: &Db,
    community_id: i64,
    account_id: i64,
) -> Result<Option<Ban>, sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT community_id, account_id, reason, expires_at, created_at FROM community_bans \
             WHERE community_id = $1 AND account_id = $2 AND (expires_at IS NULL OR expires_at > $3)",
        )
        .bind(community_id)
        .bind(account_id)
        .bind(now)
        .fetch_optional(pool)
        .await
    })
}

pub async fn bans(db: &Db, community_id: i64) -> Result<Vec<Ban>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT community_id, account_id, reason, expires_at, created_at FROM community_bans \
             WHERE community_id = $1 ORDER BY created_at DESC",
        )
        .bind(community_id)
        .fetch_all(pool)
        .await
    })
}

// ----- the moderation log -----

pub struct NewLogEntry<'a> {
    pub community_id: i64,
    pub moderator_id: Option<i64>,
    pub action: &'a str,
    pub target_account_id: Option<i64>,
    pub target_status_id: Option<i64>,
    pub reason: &'a str,
}

pub async fn log(db: &Db, e: &NewLogEntry<'_>) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO community_moderation_log (community_id, moderator_id, action, \
             target_account_id, target_status_id, reason, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(e.community_id)
        .bind(e.moderator_id)
        .bind(e.action)
        .bind(e.target_account_id)
        .bind(e.target_status_id)
        .bind(e.reason)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn log_entries(
    db: &Db,
    community_id: i64,
    limit: i64,
) -> Result<Vec<LogEntry>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, community_id, moderator_id, action, target_account_id, target_status_id, \
             reason, created_at FROM community_moderation_log WHERE community_id = $1 \
             ORDER BY id DESC LIMIT $2",
        )
        .bind(community_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

// ----- reports -----

pub struct NewReport<'a> {
    pub ap_id: &'a str,
    pub community_id: Option<i64>,
    pub reporter_id: Option<i64>,
    pub target_account_id: Option<i64>,
    pub target_status_id: Option<i64>,
    pub reason: &'a str,
}

/// Records a report; `None` when one with that id is known already.
pub async fn add_report(db: &Db, r: &NewReport<'_>) -> Result<Option<i64>, sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "INSERT INTO community_reports (ap_id, community_id, reporter_id, target_account_id, \
             target_status_id, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (ap_id) DO NOTHING RETURNING id",
        )
        .bind(r.ap_id)
        .bind(r.community_id)
        .bind(r.reporter_id)
        .bind(r.target_account_id)
        .bind(r.target_status_id)
        .bind(r.reason)
        .bind(now)
        .fetch_optional(pool)
        .await
    })
}

const REPORT_COLUMNS: &str = "id, ap_id, community_id, reporter_id, target_account_id, \
     target_status_id, reason, resolved_at, created_at";

pub async fn reports(
    db: &Db,
    community_id: i64,
    open_only: bool,
) -> Result<Vec<Report>, sqlx::Error> {
    let sql = format!(
        "SELECT {REPORT_COLUMNS} FROM community_reports WHERE community_id = $1 \
         AND ($2 = FALSE OR resolved_at IS NULL) ORDER BY id DESC LIMIT 200"
    );
    with_db!(db, |pool| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(community_id)
            .bind(open_only)
            .fetch_all(pool)
            .await
    })
}

/// Every open report on this instance, newest first (for the admins): those for
/// a community here and those about no community.
pub async fn open_reports(db: &Db, limit: i64) -> Result<Vec<Report>, sqlx::Error> {
    let sql = format!(
        "SELECT {REPORT_COLUMNS} FROM community_reports WHERE resolved_at IS NULL \
         ORDER BY id DESC LIMIT $1"
    );
    with_db!(db, |pool| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(limit)
            .fetch_all(pool)
            .await
    })
}

/// How many reports here are still open.
pub async fn open_report_count(db: &Db) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM community_reports WHERE resolved_at IS NULL")
            .fetch_one(pool)
            .await
    })
}

/// Marks any report here dealt with (an admin's or moderator's decision).
pub async fn resolve_any_report(db: &Db, report_id: i64, by: i64) -> Result<bool, sqlx::Error> {
    let now = Utc::now();
    let n = with_db!(db, |pool| {
        sqlx::query(
            "UPDATE community_reports SET resolved_at = $1, resolved_by = $2 \
             WHERE id = $3 AND resolved_at IS NULL",
        )
        .bind(now)
        .bind(by)
        .bind(report_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

pub async fn resolve_report(
    db: &Db,
    community_id: i64,
    report_id: i64,
    by: i64,
) -> Result<bool, sqlx::Error> {
    let now = Utc::now();
    let n = with_db!(db, |pool| {
        sqlx::query(
            "UPDATE community_reports SET resolved_at = $1, resolved_by = $2 \
             WHERE id = $3 AND community_id = $4 AND resolved_at IS NULL",
        )
        .bind(now)
        .bind(by)
        .bind(report_id)
        .bind(community_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

// ----- posts in communities -----

/// Puts a post into a community (once: a post never moves to another one).
pub async fn set_post_community(
    db: &Db,
    status_id: i64,
    community_id: i64,
    title: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET community_id = $1, title = COALESCE($2, title) \
             WHERE id = $3 AND (community_id IS NULL OR community_id = $1)",
        )
        .bind(community_id)
        .bind(title)
        .bind(status_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

pub async fn set_locked(db: &Db, status_id: i64, locked: bool) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET locked = $1 WHERE id = $2")
            .bind(locked)
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn set_pinned(db: &Db, status_id: i64, pinned: bool) -> Result<(), sqlx::Error> {
    let at = pinned.then(Utc::now);
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET pinned_at = $1 WHERE id = $2")
            .bind(at)
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn set_removed_reason(db: &Db, status_id: i64, reason: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE statuses SET removed_reason = $1 WHERE id = $2")
            .bind(reason)
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Takes a post out of sight for a moderator's removal: unlike its author's
/// delete, its text is kept, so that the removal can be undone.
pub async fn hide_removed(db: &Db, status_id: i64, reason: &str) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET deleted_at = $1, removed_reason = $2 \
             WHERE (id = $3 OR reblog_of_id = $3) AND deleted_at IS NULL",
        )
        .bind(now)
        .bind(reason)
        .bind(status_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// A post of a community that its moderators removed (not one its author deleted).
pub async fn find_removed(
    db: &Db,
    community_id: i64,
    ap_id: &str,
) -> Result<Option<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.ap_id = $1 AND s.community_id = $2 \
             AND s.deleted_at IS NOT NULL AND s.removed_reason IS NOT NULL"
        ))
        .bind(ap_id)
        .bind(community_id)
        .fetch_optional(pool)
        .await
    })
}

/// Brings back a removed post (and the boosts removed with it).
pub async fn unhide_removed(db: &Db, status_id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE statuses SET deleted_at = NULL, removed_reason = NULL \
             WHERE (id = $1 OR reblog_of_id = $1) AND removed_reason IS NOT NULL",
        )
        .bind(status_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The threads of a community (posts that reply to nothing), pinned first, then
/// newest first; `max_id` pages back. (Two queries, so that the newest are read
/// from the index on (community_id, id) rather than by sorting every thread.)
pub async fn threads(
    db: &Db,
    community_id: i64,
    max_id: i64,
    limit: i64,
) -> Result<Vec<Status>, sqlx::Error> {
    macro_rules! threads_sql {
        ($id:literal, $pinned:literal, $order:literal) => {
            concat!(
                "SELECT ",
                status_columns!(),
                " FROM statuses s WHERE s.community_id = $1 AND s.deleted_at IS NULL \
                 AND s.visibility IN ('public', 'unlisted') \
                 AND s.reblog_of_id IS NULL AND s.in_reply_to_ap_id IS NULL AND ",
                $id,
                " < $2 AND s.pinned_at IS ",
                $pinned,
                " ORDER BY ",
                $order,
                " LIMIT $3"
            )
        };
    }
    let mut threads: Vec<Status> = Vec::new();
    for sql in [
        // `+s.id`: the pinned few are found by (community, pinned_at); left to
        // itself SQLite reads every thread by (community, id) and sorts them.
        threads_sql!("+s.id", "NOT NULL", "s.pinned_at DESC"),
        threads_sql!("s.id", "NULL", "s.id DESC"),
    ] {
        let room = limit - threads.len() as i64;
        if room <= 0 {
            break;
        }
        let rows: Vec<Status> = with_db!(db, |pool| {
            sqlx::query_as(sql)
                .bind(community_id)
                .bind(max_id)
                .bind(room)
                .fetch_all(pool)
                .await
        })?;
        threads.extend(rows);
    }
    Ok(threads)
}

/// The pinned threads of a community (its `featured` collection).
pub async fn pinned(db: &Db, community_id: i64) -> Result<Vec<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.community_id = $1 AND s.deleted_at IS NULL \
             AND s.visibility IN ('public', 'unlisted') \
             AND s.pinned_at IS NOT NULL ORDER BY s.pinned_at DESC LIMIT 20"
        ))
        .bind(community_id)
        .fetch_all(pool)
        .await
    })
}

/// Posts and comments in a community, newest first (its outbox).
pub async fn recent_posts(
    db: &Db,
    community_id: i64,
    limit: i64,
) -> Result<Vec<Status>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            status_columns!(),
            " FROM statuses s WHERE s.community_id = $1 AND s.deleted_at IS NULL \
             AND s.visibility IN ('public', 'unlisted') \
             AND s.reblog_of_id IS NULL ORDER BY s.id DESC LIMIT $2"
        ))
        .bind(community_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

pub async fn post_count(db: &Db, community_id: i64) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM statuses WHERE community_id = $1 AND deleted_at IS NULL \
             AND reblog_of_id IS NULL",
        )
        .bind(community_id)
        .fetch_one(pool)
        .await
    })
}

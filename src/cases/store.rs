//! The SQL of case reports (and only that).

use chrono::{DateTime, Utc};

use crate::{db::Db, db_row, with_db};

db_row! {
    #[derive(Debug, Clone)]
    pub struct CaseRow {
        pub status_id: i64,
        pub summary: String,
        pub country: Option<String>,
        pub region: Option<String>,
        pub sector: String,
        pub stage: String,
        pub licence: String,
        pub details: String,
        pub version: i64,
        pub updated_at: DateTime<Utc>,
        pub verified_by_id: Option<i64>,
        pub verified_by_name: Option<String>,
        pub verified_at: Option<DateTime<Utc>>,
    }
}

pub async fn find(db: &Db, status_id: i64) -> Result<Option<CaseRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT status_id, summary, country, region, sector, stage, licence, details, \
             version, updated_at, verified_by_id, verified_by_name, verified_at \
             FROM case_reports WHERE status_id = $1",
        )
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })
}

/// Every case report's post id, for rebuilding the search index.
pub async fn all_ids(db: &Db) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT status_id FROM case_reports ORDER BY status_id")
            .fetch_all(pool)
            .await
    })
}

/// Writes a case report's facts (a new one, or a new version); the verification
/// mark is kept as it is.
pub async fn upsert(db: &Db, row: &CaseRow) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO case_reports (status_id, summary, country, region, sector, stage, \
             licence, details, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (status_id) DO UPDATE SET summary = excluded.summary, \
             country = excluded.country, region = excluded.region, sector = excluded.sector, \
             stage = excluded.stage, licence = excluded.licence, details = excluded.details, \
             version = excluded.version, updated_at = excluded.updated_at",
        )
        .bind(row.status_id)
        .bind(&row.summary)
        .bind(&row.country)
        .bind(&row.region)
        .bind(&row.sector)
        .bind(&row.stage)
        .bind(&row.licence)
        .bind(&row.details)
        .bind(row.version)
        .bind(row.updated_at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Sets or takes away the verification mark.
pub async fn set_verified(
    db: &Db,
    status_id: i64,
    by: Option<(i64, &str, DateTime<Utc>)>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE case_reports SET verified_by_id = $2, verified_by_name = $3, \
             verified_at = $4 WHERE status_id = $1",
        )
        .bind(status_id)
        .bind(by.map(|b| b.0))
        .bind(by.map(|b| b.1.to_string()))
        .bind(by.map(|b| b.2))
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The verified case reports of a community, newest mark first: (the report's
/// id, who verified it, when).
pub async fn verified_in(
    db: &Db,
    community_id: i64,
    limit: i64,
) -> Result<Vec<(String, Option<i64>, DateTime<Utc>)>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT s.ap_id, c.verified_by_id, c.verified_at FROM case_reports c \
             JOIN statuses s ON s.id = c.status_id \
             WHERE s.community_id = $1 AND s.deleted_at IS NULL AND c.verified_at IS NOT NULL \
             AND s.visibility IN ('public', 'unlisted') \
             ORDER BY c.verified_at DESC LIMIT $2",
        )
        .bind(community_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

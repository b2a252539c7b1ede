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

/// What a browse asks for.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub terms: Vec<(String, String)>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub stage: Option<String>,
    pub language: Option<String>,
    pub verified_only: bool,
    pub local_only: bool,
    pub only_ids: Option<Vec<i64>>,
}

/// Ids of case reports matching a filter, newest first (or in the order of
/// `only_ids`), paged.
pub async fn browse(
    db: &Db,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut sql = String::from(
        "SELECT c.status_id FROM case_reports c JOIN statuses s ON s.id = c.status_id \
         WHERE s.deleted_at IS NULL AND s.visibility IN ('public', 'unlisted') \
         AND ($1 IS NULL OR s.language = $1) AND (NOT $2 OR s.local) \
         AND ($3 IS NULL OR c.country = $3) AND ($4 IS NULL OR c.sector = $4) \
         AND ($5 IS NULL OR c.stage = $5) AND (NOT $6 OR c.verified_at IS NOT NULL)",
    );
    let n = 6 + 2 * filter.terms.len();
    sql.push_str(&crate::articles::store::term_conditions(
        "c.status_id",
        7,
        filter.terms.len(),
    ));
    let ids_json = filter
        .only_ids
        .as_ref()
        .map(|ids| serde_json::to_string(ids).unwrap_or_default());
    if filter.only_ids.is_some() {
        sql.push_str(&format!(" AND c.status_id IN ({})", db.ids_in_json(n + 1)));
    }
    sql.push_str(" ORDER BY c.status_id DESC");
    if filter.only_ids.is_none() {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let rows: Vec<i64> = with_db!(db, |pool| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(filter.language.clone())
            .bind(filter.local_only)
            .bind(filter.country.clone())
            .bind(filter.sector.clone())
            .bind(filter.stage.clone())
            .bind(filter.verified_only);
        for (vocabulary, term) in &filter.terms {
            q = q.bind(vocabulary.clone()).bind(term.clone());
        }
        if let Some(j) = &ids_json {
            q = q.bind(j.clone());
        }
        q.fetch_all(pool).await
    })?;
    Ok(match &filter.only_ids {
        Some(ranked) => crate::db::search::in_rank_order(ranked, &rows, limit, offset),
        None => rows,
    })
}

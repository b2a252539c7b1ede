//! The SQL of materials, their terms, files and versions (and only that).

use chrono::{DateTime, Utc};

use crate::{db::Db, db_row, with_db};

db_row! {
    /// A material's facts beside its post.
    #[derive(Debug, Clone)]
    pub struct MaterialRow {
        pub status_id: i64,
        pub description: String,
        pub authors: String,
        pub licence: String,
        pub time_required: Option<String>,
        pub based_on: Option<String>,
        pub teaches_text: String,
        pub version: i64,
        pub updated_at: DateTime<Utc>,
    }
}

db_row! {
    /// A file of a material: uploaded (`storage_key`) or linked.
    #[derive(Debug, Clone)]
    pub struct FileRow {
        pub id: i64,
        pub status_id: i64,
        pub position: i64,
        pub name: String,
        pub media_type: Option<String>,
        pub size_bytes: Option<i64>,
        pub storage_key: Option<String>,
        pub url: String,
    }
}

/// A new file row.
pub struct NewFile<'a> {
    pub name: &'a str,
    pub media_type: Option<&'a str>,
    pub size_bytes: Option<i64>,
    pub storage_key: Option<&'a str>,
    pub url: &'a str,
}

pub async fn find(db: &Db, status_id: i64) -> Result<Option<MaterialRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT status_id, description, authors, licence, time_required, based_on, \
             teaches_text, version, updated_at FROM materials WHERE status_id = $1",
        )
        .bind(status_id)
        .fetch_optional(pool)
        .await
    })
}

/// Writes a material's facts (a new one, or a new version of one).
pub async fn upsert(db: &Db, row: &MaterialRow) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO materials (status_id, description, authors, licence, time_required, \
             based_on, teaches_text, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (status_id) DO UPDATE SET description = excluded.description, \
             authors = excluded.authors, licence = excluded.licence, \
             time_required = excluded.time_required, based_on = excluded.based_on, \
             teaches_text = excluded.teaches_text, version = excluded.version, \
             updated_at = excluded.updated_at",
        )
        .bind(row.status_id)
        .bind(&row.description)
        .bind(&row.authors)
        .bind(&row.licence)
        .bind(&row.time_required)
        .bind(&row.based_on)
        .bind(&row.teaches_text)
        .bind(row.version)
        .bind(row.updated_at)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn files(db: &Db, status_id: i64) -> Result<Vec<FileRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, status_id, position, name, media_type, size_bytes, storage_key, url \
             FROM material_files WHERE status_id = $1 ORDER BY position, id",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })
}

pub async fn add_file(db: &Db, status_id: i64, f: &NewFile<'_>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO material_files (status_id, position, name, media_type, size_bytes, \
             storage_key, url) VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 \
             FROM material_files WHERE status_id = $1), $2, $3, $4, $5, $6)",
        )
        .bind(status_id)
        .bind(f.name)
        .bind(f.media_type)
        .bind(f.size_bytes)
        .bind(f.storage_key)
        .bind(f.url)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Removes files from a material; gives back the storage keys of those uploaded.
pub async fn remove_files(
    db: &Db,
    status_id: i64,
    ids: &[i64],
) -> Result<Vec<String>, sqlx::Error> {
    let mut keys = Vec::new();
    for id in ids {
        let key: Option<Option<String>> = with_db!(db, |pool| {
            sqlx::query_scalar(
                "DELETE FROM material_files WHERE id = $1 AND status_id = $2 \
                 RETURNING storage_key",
            )
            .bind(id)
            .bind(status_id)
            .fetch_optional(pool)
            .await
        })?;
        keys.extend(key.flatten());
    }
    Ok(keys)
}

/// Removes every linked (not uploaded) file: a remote material's list is taken
/// anew from each version.
pub async fn clear_files(db: &Db, status_id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM material_files WHERE status_id = $1")
            .bind(status_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Materials (not deleted) that adapt the one with this id, newest first.
pub async fn remixes_of(db: &Db, ap_id: &str, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT m.status_id FROM materials m JOIN statuses s ON s.id = m.status_id \
             WHERE m.based_on = $1 AND s.deleted_at IS NULL ORDER BY m.status_id DESC LIMIT $2",
        )
        .bind(ap_id)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// What a browse asks for: vocabulary terms that must all be there, the
/// language, whether only local ones, and (from full-text search) the ids to
/// keep, best first.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub terms: Vec<(String, String)>,
    pub language: Option<String>,
    pub local_only: bool,
    pub only_ids: Option<Vec<i64>>,
}

/// Ids of materials matching a filter, newest first (or in the order of
/// `only_ids`), paged.
pub async fn browse(
    db: &Db,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    // The same SQL text on both engines; the terms' conditions are added as
    // numbered placeholders after the fixed ones.
    let mut sql = String::from(
        "SELECT m.status_id FROM materials m JOIN statuses s ON s.id = m.status_id \
         WHERE s.deleted_at IS NULL AND s.visibility IN ('public', 'unlisted') \
         AND ($1 IS NULL OR s.language = $1) AND (NOT $2 OR s.local)",
    );
    let n = 2 + 2 * filter.terms.len();
    sql.push_str(&crate::articles::store::term_conditions(
        "m.status_id",
        3,
        filter.terms.len(),
    ));
    let ids_json = filter
        .only_ids
        .as_ref()
        .map(|ids| serde_json::to_string(ids).unwrap_or_default());
    if filter.only_ids.is_some() {
        // The ids come as a JSON list, which both engines can read as a set.
        sql.push_str(&format!(" AND m.status_id IN ({})", db.ids_in_json(n + 1)));
    }
    sql.push_str(" ORDER BY m.status_id DESC");
    if filter.only_ids.is_none() {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let rows: Vec<i64> = with_db!(db, |pool| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(filter.language.clone())
            .bind(filter.local_only);
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

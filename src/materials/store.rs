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

/// Every material's post id, for rebuilding the search index.
pub async fn all_ids(db: &Db) -> Result<Vec<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT status_id FROM materials ORDER BY status_id")
            .fetch_all(pool)
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

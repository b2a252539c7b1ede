//! The SQL that materials and case reports share (and only that): their
//! vocabulary terms (`article_terms`) and their versions (`article_versions`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::{db::Db, db_row, with_db};

db_row! {
    #[derive(Debug, Clone)]
    pub struct VersionRow {
        pub version: i64,
        pub snapshot: String,
        pub created_at: DateTime<Utc>,
    }
}

db_row! {
    struct TermRow {
        vocabulary: String,
        term: String,
    }
}

/// Replaces the vocabulary terms of an article (a material or a case report).
pub async fn set_terms(
    db: &Db,
    status_id: i64,
    terms: &BTreeMap<String, Vec<String>>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        let mut tx = crate::db::BeginNested::begin_write(pool).await?;
        sqlx::query("DELETE FROM article_terms WHERE status_id = $1")
            .bind(status_id)
            .execute(&mut *tx)
            .await?;
        for (vocabulary, list) in terms {
            for term in list {
                sqlx::query(
                    "INSERT INTO article_terms (status_id, vocabulary, term) VALUES ($1, $2, $3) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(status_id)
                .bind(vocabulary)
                .bind(term)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await
    })
}

pub async fn terms(db: &Db, status_id: i64) -> Result<BTreeMap<String, Vec<String>>, sqlx::Error> {
    let rows: Vec<TermRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT vocabulary, term FROM article_terms WHERE status_id = $1 \
             ORDER BY vocabulary, term",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })?;
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rows {
        out.entry(r.vocabulary).or_default().push(r.term);
    }
    Ok(out)
}

pub async fn add_version(
    db: &Db,
    status_id: i64,
    version: i64,
    snapshot: &str,
) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO article_versions (status_id, version, snapshot, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (status_id, version) DO UPDATE \
             SET snapshot = excluded.snapshot, created_at = excluded.created_at",
        )
        .bind(status_id)
        .bind(version)
        .bind(snapshot)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn versions(db: &Db, status_id: i64) -> Result<Vec<VersionRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT version, snapshot, created_at FROM article_versions \
             WHERE status_id = $1 ORDER BY version",
        )
        .bind(status_id)
        .fetch_all(pool)
        .await
    })
}

/// SQL requiring `count` vocabulary terms of the post `id_column`, each bound as
/// (vocabulary, term) from placeholder `$first` on.
pub fn term_conditions(id_column: &str, first: usize, count: usize) -> String {
    (0..count)
        .map(|i| {
            format!(
                " AND EXISTS (SELECT 1 FROM article_terms t WHERE t.status_id = {id_column} \
                 AND t.vocabulary = ${} AND t.term = ${})",
                first + 2 * i,
                first + 2 * i + 1
            )
        })
        .collect()
}

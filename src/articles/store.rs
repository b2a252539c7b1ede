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

/// What a browse of one kind of article asks for: vocabulary terms that must all
/// be there, the language, whether only local ones, the kind's own columns that
/// must have a value, the kind's own fixed conditions, and (from full-text search)
/// the ids to keep, best first.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub terms: Vec<(String, String)>,
    pub language: Option<String>,
    pub local_only: bool,
    /// (column of the kind's table, value): only rows with that value, when given.
    pub equal: Vec<(&'static str, Option<String>)>,
    /// Conditions on the kind's table (`a`), written in this program.
    pub conditions: Vec<&'static str>,
    pub only_ids: Option<Vec<i64>>,
}

/// Ids of the articles in `table` (`materials`, `case_reports`: keyed by
/// `status_id`) matching a filter, newest first (or in the order of `only_ids`),
/// paged.
pub async fn browse(
    db: &Db,
    table: &'static str,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    // The same SQL text on both engines; the filters' conditions are numbered
    // placeholders after the fixed ones. Names of tables and columns come from
    // this program, never from a request.
    let mut sql = format!(
        "SELECT a.status_id FROM {table} a JOIN statuses s ON s.id = a.status_id \
         WHERE s.deleted_at IS NULL AND s.visibility IN ('public', 'unlisted') \
         AND ($1 IS NULL OR s.language = $1) AND (NOT $2 OR s.local)"
    );
    let mut n = 2;
    for (column, _) in &filter.equal {
        n += 1;
        sql.push_str(&format!(" AND (${n} IS NULL OR a.{column} = ${n})"));
    }
    for condition in &filter.conditions {
        sql.push_str(&format!(" AND {condition}"));
    }
    sql.push_str(&term_conditions("a.status_id", n + 1, filter.terms.len()));
    n += 2 * filter.terms.len();
    let ids_json = filter
        .only_ids
        .as_ref()
        .map(|ids| serde_json::to_string(ids).unwrap_or_default());
    if filter.only_ids.is_some() {
        // The ids come as a JSON list, which both engines can read as a set.
        sql.push_str(&format!(" AND a.status_id IN ({})", db.ids_in_json(n + 1)));
    }
    sql.push_str(" ORDER BY a.status_id DESC");
    if filter.only_ids.is_none() {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let rows: Vec<i64> = with_db!(db, |pool| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(filter.language.clone())
            .bind(filter.local_only);
        for (_, value) in &filter.equal {
            q = q.bind(value.clone());
        }
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

/// SQL requiring `count` vocabulary terms of the post `id_column`, each bound as
/// (vocabulary, term) from placeholder `$first` on.
fn term_conditions(id_column: &str, first: usize, count: usize) -> String {
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

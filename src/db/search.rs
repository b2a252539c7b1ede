//! Full-text search, ranked: SQLite's FTS5 or PostgreSQL's text search, behind
//! one interface. Documents are a title, a summary and a body (weighted in that
//! order), keyed by the post they describe.

use super::{BeginNested, Db};
use crate::with_db;

/// Words of a query, as plain tokens (letters and digits): nothing a person types
/// can be read as search syntax.
fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// Puts a document in the index, or replaces it.
pub async fn index(
    db: &Db,
    id: i64,
    title: &str,
    summary: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    if db.engine() == "sqlite" {
        with_db!(db, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM article_search WHERE rowid = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO article_search (rowid, title, summary, body) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(title)
            .bind(summary)
            .bind(body)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        })
    } else {
        with_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO article_search (status_id, document) VALUES ($1, \
                 setweight(to_tsvector('simple', $2), 'A') || \
                 setweight(to_tsvector('simple', $3), 'B') || \
                 setweight(to_tsvector('simple', $4), 'C')) \
                 ON CONFLICT (status_id) DO UPDATE SET document = excluded.document",
            )
            .bind(id)
            .bind(title)
            .bind(summary)
            .bind(body)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }
}

/// Ids of the documents containing every word of `query`, best first.
pub async fn matching(db: &Db, query: &str, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    let words = words(query);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let (sql, expression) = if db.engine() == "sqlite" {
        // Each word quoted: a phrase of one token, and a prefix of longer ones.
        (
            "SELECT rowid FROM article_search WHERE article_search MATCH $1 \
             ORDER BY bm25(article_search, 10.0, 4.0, 1.0) LIMIT $2",
            words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        (
            "SELECT status_id FROM article_search, to_tsquery('simple', $1) q \
             WHERE document @@ q ORDER BY ts_rank(document, q) DESC, status_id DESC LIMIT $2",
            words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & "),
        )
    };
    with_db!(db, |pool| {
        sqlx::query_scalar(sql)
            .bind(&expression)
            .bind(limit)
            .fetch_all(pool)
            .await
    })
}

/// The ids of a search's results (`ranked`, best first) that a filter kept
/// (`found`), in the search's order, paged.
pub fn in_rank_order(ranked: &[i64], found: &[i64], limit: i64, offset: i64) -> Vec<i64> {
    ranked
        .iter()
        .filter(|id| found.contains(id))
        .skip(offset.max(0) as usize)
        .take(limit.max(0) as usize)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_plain_words() {
        assert_eq!(
            words("Bruchrechnung: \"Pizza\" AND (NEAR) -x*"),
            vec!["bruchrechnung", "pizza", "and", "near", "x"]
        );
        assert!(words("\"*:&|!()").is_empty());
    }
}

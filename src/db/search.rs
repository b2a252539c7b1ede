//! Full-text search, ranked: SQLite's FTS5 or PostgreSQL's text search, behind
//! one interface. Documents are a title, a summary and a body (weighted in that
//! order), keyed by the post they describe.
//!
//! Words are stemmed (Snowball) so that plurals and inflections match: a
//! document is indexed with its words and their stems in its own language, and
//! each word of a query matches as itself or as its stem in any of the
//! languages we stem, since a query does not say its language.

use std::collections::BTreeSet;

use rust_stemmers::{Algorithm, Stemmer};

use super::{BeginNested, Db};
use crate::with_db;

/// How documents are indexed now; a stored index made otherwise is rebuilt.
pub const INDEX_VERSION: &str = "2-stemmed";

/// The languages whose words are stemmed.
const STEMMED: &[(&str, Algorithm)] = &[
    ("en", Algorithm::English),
    ("de", Algorithm::German),
    ("fr", Algorithm::French),
    ("it", Algorithm::Italian),
    ("es", Algorithm::Spanish),
];

fn stemmer(language: &str) -> Option<Stemmer> {
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    STEMMED
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, algorithm)| Stemmer::create(*algorithm))
}

/// A text as it is indexed: its words, then the stems (in `language`) that
/// differ from them.
fn with_stems(text: &str, language: Option<&str>) -> String {
    let Some(stemmer) = language.and_then(stemmer) else {
        return text.to_string();
    };
    let mut stems = BTreeSet::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let stem = stemmer.stem(&word);
        if stem != word {
            stems.insert(stem.into_owned());
        }
    }
    if stems.is_empty() {
        return text.to_string();
    }
    let mut out = text.to_string();
    out.push('\n');
    out.push_str(&stems.into_iter().collect::<Vec<_>>().join(" "));
    out
}

/// What one word of a query may match: the word and its stems in every
/// stemmed language (each a prefix, unless it is too short to be one).
fn alternatives(word: &str) -> Vec<(String, bool)> {
    let mut out = vec![(word.to_string(), true)];
    for (_, algorithm) in STEMMED {
        let stem = Stemmer::create(*algorithm).stem(word).into_owned();
        if !stem.is_empty() && !out.iter().any(|(w, _)| *w == stem) {
            let prefix = stem.chars().count() >= 3;
            out.push((stem, prefix));
        }
    }
    out
}

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
    language: Option<&str>,
    title: &str,
    summary: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let (title, summary, body) = (
        with_stems(title, language),
        with_stems(summary, language),
        with_stems(body, language),
    );
    let (title, summary, body) = (title.as_str(), summary.as_str(), body.as_str());
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
                .map(|w| {
                    let any: Vec<String> = alternatives(w)
                        .into_iter()
                        .map(|(a, prefix)| format!("\"{a}\"{}", if prefix { "*" } else { "" }))
                        .collect();
                    format!("({})", any.join(" OR "))
                })
                .collect::<Vec<_>>()
                .join(" AND "),
        )
    } else {
        (
            "SELECT status_id FROM article_search, to_tsquery('simple', $1) q \
             WHERE document @@ q ORDER BY ts_rank(document, q) DESC, status_id DESC LIMIT $2",
            words
                .iter()
                .map(|w| {
                    let any: Vec<String> = alternatives(w)
                        .into_iter()
                        .map(|(a, prefix)| if prefix { format!("{a}:*") } else { a })
                        .collect();
                    format!("({})", any.join(" | "))
                })
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

    #[test]
    fn plurals_and_inflections_meet_at_their_stems() {
        let indexed = with_stems("Worksheets for fractions", Some("en"));
        assert!(indexed.contains("worksheet"), "{indexed}");
        let query: Vec<String> = alternatives("worksheet").into_iter().map(|a| a.0).collect();
        assert!(query.contains(&"worksheet".to_string()));
        let german = with_stems("Arbeitsblätter zur Bruchrechnung", Some("de-AT"));
        let asked: Vec<String> = alternatives("arbeitsblatt")
            .into_iter()
            .map(|a| a.0)
            .collect();
        assert!(
            asked
                .iter()
                .any(|a| german.split_whitespace().any(|w| w.starts_with(a.as_str()))),
            "{german} / {asked:?}"
        );
        // A language we do not stem is indexed as written.
        assert_eq!(with_stems("Lapsed", Some("fi")), "Lapsed");
    }
}

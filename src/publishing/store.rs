//! The one query publishing asks itself: which kind a post is.

use crate::{db::Db, with_db};

/// 1 for a teaching material, 2 for a case report, 0 for a plain post.
pub async fn kind_code(db: &Db, status_id: i64) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT CAST(CASE \
               WHEN EXISTS (SELECT 1 FROM materials WHERE status_id = $1) THEN 1 \
               WHEN EXISTS (SELECT 1 FROM case_reports WHERE status_id = $1) THEN 2 \
               ELSE 0 END AS BIGINT)",
        )
        .bind(status_id)
        .fetch_one(pool)
        .await
    })
}

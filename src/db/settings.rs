//! The instance's own key/value settings (`instance_settings`).

use super::Db;
use crate::with_db;

pub async fn get(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT value FROM instance_settings WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await
    })
}

pub async fn set(db: &Db, key: &str, value: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO instance_settings (key, value) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

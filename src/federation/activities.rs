//! The public activities we sent, served at their ids (`/activities/{kind}/{token}`):
//! a community's Group passes on what a facilitator here did, and the servers it
//! reaches read the activity from here, its origin, before they believe it.

use activitypub_federation::config::Data;
use axum::{
    extract::Path,
    http::{HeaderMap, Method, Uri, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use url::Url;

use crate::{
    AppState,
    db::Db,
    error::{AppError, AppResult},
    federation::signed_fetch::require_signature,
    with_db,
};

/// Keeps a public activity we are sending.
pub async fn remember(db: &Db, id: &Url, body: &str) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO sent_activities (ap_id, body, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (ap_id) DO NOTHING",
        )
        .bind(id.as_str())
        .bind(body)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

async fn find(db: &Db, id: &str) -> Result<Option<String>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT body FROM sent_activities WHERE ap_id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// Forgets sent activities older than `before` (receivers read them soon after).
pub async fn prune(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sent_activities WHERE created_at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// `GET /activities/{kind}/{token}`
pub async fn activity(
    data: Data<AppState>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    Path((kind, token)): Path<(String, String)>,
) -> AppResult<Response> {
    require_signature(&data, &headers, &method, &uri).await?;
    let id = format!("{}/activities/{kind}/{token}", data.settings.base_url());
    let body = find(&data.db, &id).await?.ok_or(AppError::NotFound)?;
    Ok((
        [(
            header::CONTENT_TYPE,
            activitypub_federation::FEDERATION_CONTENT_TYPE,
        )],
        body,
    )
        .into_response())
}

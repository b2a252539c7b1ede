//! The public activities we sent, served at their ids (`/activities/{kind}/{token}`):
//! a community's Group passes on what a facilitator here did, and the servers it
//! reaches read the activity from here, its origin, before they believe it.

use crate::{
    AppState,
    error::{AppError, AppResult},
    federation::{signed_fetch::require_signature, store},
};
use activitypub_federation::config::Data;
use axum::{
    extract::Path,
    http::{HeaderMap, Method, Uri, header},
    response::{IntoResponse, Response},
};

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
    let body = store::find_sent(&data.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [(
            header::CONTENT_TYPE,
            activitypub_federation::FEDERATION_CONTENT_TYPE,
        )],
        body,
    )
        .into_response())
}

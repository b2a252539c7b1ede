//! Endpoints Mastodon apps call at start-up, answered truthfully: this instance
//! has no custom emojis, lists, filters or announcements (so those are empty
//! lists), and its people's posting defaults are Mastodon's defaults.

use activitypub_federation::config::Data;
use axum::Json;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::store as accounts,
    api::{Auth, MaybeAuth},
    error::AppResult,
};

/// `GET /api/v1/custom_emojis`: none are defined here.
pub async fn custom_emojis() -> Json<Value> {
    Json(json!([]))
}

/// `GET /api/v1/lists`, `GET /api/v1/filters`, `GET /api/v2/filters`,
/// `GET /api/v1/announcements`: none exist on this instance.
pub async fn none_yet(auth: Auth) -> AppResult<Json<Value>> {
    auth.user()?;
    Ok(Json(json!([])))
}

/// `GET /api/v1/preferences`: posting and reading defaults.
pub async fn preferences(auth: Auth) -> AppResult<Json<Value>> {
    auth.require_any(&["read:accounts", "profile"])?;
    let (account, _) = auth.user()?;
    Ok(Json(json!({
        "posting:default:visibility": "public",
        "posting:default:sensitive": false,
        "posting:default:language": account.profile.languages.first(),
        "reading:expand:media": "default",
        "reading:expand:spoilers": false,
    })))
}

/// `GET /api/v1/instance/peers`: the servers this instance knows people on.
pub async fn peers(data: Data<AppState>, MaybeAuth(_auth): MaybeAuth) -> AppResult<Json<Value>> {
    Ok(Json(json!(accounts::known_domains(&data.db).await?)))
}

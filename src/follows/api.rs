//! Mastodon's follow endpoints: follow, unfollow, relationships, followers,
//! following, follow requests, remove from followers.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{Path, Query},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{api::account_json_with_counts, model::Account, store as accounts},
    api::{Auth, MaybeAuth, Params},
    error::{AppError, AppResult},
    follows::{model, store},
};

/// Mastodon's Relationship entity between `me` and `other`.
pub async fn relationship(state: &AppState, me: &Account, other: &Account) -> AppResult<Value> {
    let mine = store::find(&state.db, me.id, other.id).await?;
    let theirs = store::find(&state.db, other.id, me.id).await?;
    Ok(json!({
        "id": other.id.to_string(),
        "following": mine.as_ref().is_some_and(|f| f.accepted),
        "requested": mine.as_ref().is_some_and(|f| !f.accepted),
        "followed_by": theirs.as_ref().is_some_and(|f| f.accepted),
        "requested_by": theirs.as_ref().is_some_and(|f| !f.accepted),
        "showing_reblogs": mine.is_some(),
        "notifying": mine.as_ref().is_some_and(|f| f.notify),
        "languages": null,
        "blocking": false,
        "blocked_by": false,
        "muting": false,
        "muting_notifications": false,
        "domain_blocking": false,
        "endorsed": false,
        "note": "",
    }))
}

async fn account_by_id(state: &AppState, id: &str) -> AppResult<Account> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    accounts::find_by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn require_follow_write(auth: &Auth) -> AppResult<()> {
    auth.require_any(&["write:follows", "follow"])
}

#[derive(Deserialize, Default)]
pub struct FollowParams {
    #[serde(default, deserialize_with = "crate::api::flex_bool")]
    notify: Option<bool>,
}

/// `POST /api/v1/accounts/{id}/follow` (`notify=true`: be told of every new post)
pub async fn follow(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<FollowParams>,
) -> AppResult<Json<Value>> {
    require_follow_write(&auth)?;
    let (me, _) = auth.user()?;
    let target = account_by_id(&data, &id).await?;
    if target.actor_type == "Application" {
        return Err(AppError::validation("This account cannot be followed"));
    }
    let follow = model::follow(&data, me, &target).await?;
    if let Some(notify) = p.notify {
        store::set_notify(&data.db, follow.id, notify).await?;
    }
    Ok(Json(relationship(&data, me, &target).await?))
}

/// `POST /api/v1/accounts/{id}/unfollow`
pub async fn unfollow(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    require_follow_write(&auth)?;
    let (me, _) = auth.user()?;
    let target = account_by_id(&data, &id).await?;
    model::unfollow(&data, me, &target).await?;
    Ok(Json(relationship(&data, me, &target).await?))
}

/// `POST /api/v1/accounts/{id}/remove_from_followers`
pub async fn remove_from_followers(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    require_follow_write(&auth)?;
    let (me, _) = auth.user()?;
    let follower = account_by_id(&data, &id).await?;
    match model::reject(&data, me, &follower).await {
        Ok(()) | Err(AppError::NotFound) => {}
        Err(e) => return Err(e),
    }
    Ok(Json(relationship(&data, me, &follower).await?))
}

#[derive(Deserialize)]
pub struct RelationshipsQuery {
    #[serde(default, deserialize_with = "crate::api::flex_list")]
    id: Option<Vec<String>>,
}

/// `GET /api/v1/accounts/relationships?id[]=…`
pub async fn relationships(
    data: Data<AppState>,
    auth: Auth,
    Params(q): Params<RelationshipsQuery>,
) -> AppResult<Json<Value>> {
    auth.require_any(&["read:follows", "follow"])?;
    let (me, _) = auth.user()?;
    let mut out = Vec::new();
    for id in q.id.unwrap_or_default().iter().take(40) {
        if let Ok(other) = account_by_id(&data, id).await {
            out.push(relationship(&data, me, &other).await?);
        }
    }
    Ok(Json(Value::Array(out)))
}

#[derive(Deserialize)]
pub struct PageQuery {
    max_id: Option<String>,
    limit: Option<String>,
}

impl PageQuery {
    fn limit(&self) -> i64 {
        self.limit
            .as_deref()
            .and_then(|l| l.parse::<i64>().ok())
            .unwrap_or(40)
            .clamp(1, 80)
    }

    fn max_id(&self) -> Option<i64> {
        self.max_id.as_deref().and_then(|m| m.parse().ok())
    }
}

/// A page of accounts with Mastodon's `Link` header (`rel="next"` by `max_id`).
async fn account_page(
    state: &AppState,
    path: &str,
    rows: Vec<(i64, Account)>,
    limit: i64,
) -> AppResult<Response> {
    let mut items = Vec::with_capacity(rows.len());
    for (_, account) in &rows {
        items.push(account_json_with_counts(state, account).await?);
    }
    let mut response = Json(Value::Array(items)).into_response();
    if let Some((last, _)) = rows.last()
        && rows.len() as i64 == limit
    {
        let link = format!(
            "<{}{path}?limit={limit}&max_id={last}>; rel=\"next\"",
            state.settings.base_url()
        );
        if let Ok(v) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, v);
        }
    }
    Ok(response)
}

/// `GET /api/v1/accounts/{id}/followers`
pub async fn followers(
    data: Data<AppState>,
    MaybeAuth(_auth): MaybeAuth,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let account = account_by_id(&data, &id).await?;
    let rows = store::list(&data.db, account.id, true, true, q.max_id(), q.limit()).await?;
    account_page(
        &data,
        &format!("/api/v1/accounts/{id}/followers"),
        rows,
        q.limit(),
    )
    .await
}

/// `GET /api/v1/accounts/{id}/following`
pub async fn following(
    data: Data<AppState>,
    MaybeAuth(_auth): MaybeAuth,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let account = account_by_id(&data, &id).await?;
    let rows = store::list(&data.db, account.id, false, true, q.max_id(), q.limit()).await?;
    account_page(
        &data,
        &format!("/api/v1/accounts/{id}/following"),
        rows,
        q.limit(),
    )
    .await
}

/// `GET /api/v1/follow_requests`
pub async fn follow_requests(
    data: Data<AppState>,
    auth: Auth,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    auth.require_any(&["read:follows", "follow"])?;
    let (me, _) = auth.user()?;
    let rows = store::list(&data.db, me.id, true, false, q.max_id(), q.limit()).await?;
    account_page(&data, "/api/v1/follow_requests", rows, q.limit()).await
}

/// `POST /api/v1/follow_requests/{id}/authorize`
pub async fn authorize_request(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    require_follow_write(&auth)?;
    let (me, _) = auth.user()?;
    let follower = account_by_id(&data, &id).await?;
    model::authorize(&data, me, &follower).await?;
    Ok(Json(relationship(&data, me, &follower).await?))
}

/// `POST /api/v1/follow_requests/{id}/reject`
pub async fn reject_request(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    require_follow_write(&auth)?;
    let (me, _) = auth.user()?;
    let follower = account_by_id(&data, &id).await?;
    let pending = store::find(&data.db, follower.id, me.id)
        .await?
        .is_some_and(|f| !f.accepted);
    if !pending {
        return Err(AppError::NotFound);
    }
    model::reject(&data, me, &follower).await?;
    Ok(Json(relationship(&data, me, &follower).await?))
}

//! Mastodon's status and timeline endpoints, and the Status entity.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{Path, Query},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{api::account_json_with_counts, model::Account, store as accounts},
    api::{Auth, MaybeAuth, Params, flex_bool},
    error::{AppError, AppResult},
    posts::{
        model::{self, NewPost, Visibility},
        store::{self, Status},
    },
};

/// Mastodon's Status entity.
pub async fn status_json(state: &AppState, status: &Status) -> AppResult<Value> {
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mentioned = model::mentioned_accounts(state, status).await?;
    let in_reply_to = match &status.in_reply_to_ap_id {
        Some(ap_id) => store::find_by_ap_id(&state.db, ap_id).await?,
        None => None,
    };
    Ok(json!({
        "id": status.id.to_string(),
        "uri": status.ap_id,
        "url": status.url,
        "created_at": status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "edited_at": status.edited_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        "account": account_json_with_counts(state, &author).await?,
        "content": status.content,
        "visibility": status.visibility,
        "sensitive": status.sensitive,
        "spoiler_text": status.spoiler_text,
        "language": status.language,
        "in_reply_to_id": in_reply_to.as_ref().map(|s| s.id.to_string()),
        "in_reply_to_account_id": in_reply_to.as_ref().map(|s| s.account_id.to_string()),
        "mentions": mentioned.iter().map(|a| json!({
            "id": a.id.to_string(),
            "username": a.username,
            "acct": a.acct(),
            "url": a.profile_url(),
        })).collect::<Vec<_>>(),
        "media_attachments": [],
        "tags": [],
        "emojis": [],
        "reblogs_count": 0,
        "favourites_count": 0,
        "replies_count": 0,
        "reblog": null,
        "poll": null,
        "card": null,
        "favourited": false,
        "reblogged": false,
        "muted": false,
        "bookmarked": false,
    }))
}

#[derive(Deserialize, Default)]
pub struct CreateStatus {
    status: Option<String>,
    visibility: Option<String>,
    spoiler_text: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    sensitive: Option<bool>,
    language: Option<String>,
    in_reply_to_id: Option<String>,
}

/// `POST /api/v1/statuses` (with Mastodon's `Idempotency-Key` header).
pub async fn create(
    data: Data<AppState>,
    auth: Auth,
    headers: HeaderMap,
    Params(p): Params<CreateStatus>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    let visibility = match p.visibility.as_deref().filter(|v| !v.is_empty()) {
        None => Visibility::Public,
        Some(v) => Visibility::parse(v).ok_or_else(|| {
            AppError::validation(format!(
                "Visibility {v:?} is not one of public, unlisted, private, direct"
            ))
        })?,
    };
    let in_reply_to = match p.in_reply_to_id.as_deref().filter(|v| !v.is_empty()) {
        None => None,
        Some(id) => {
            let status = id.parse::<i64>().ok().map(|id| store::find(&data.db, id));
            let status = match status {
                Some(f) => f.await?,
                None => None,
            };
            match status {
                Some(s) if model::can_see(&data, Some(me), &s).await? => Some(s),
                _ => return Err(AppError::NotFound),
            }
        }
    };
    let language = p
        .language
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().take(16).collect::<String>());
    let idempotency_key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(|k| k.chars().take(200).collect::<String>());
    let status = model::create(
        &data,
        me,
        NewPost {
            text: p.status.unwrap_or_default(),
            visibility,
            spoiler_text: p.spoiler_text.unwrap_or_default(),
            sensitive: p.sensitive.unwrap_or(false),
            language,
            in_reply_to,
            idempotency_key,
        },
    )
    .await?;
    Ok(Json(status_json(&data, &status).await?))
}

/// The person a request reads as: a token must carry `read:statuses` for that.
fn reader(auth: &Option<Auth>) -> AppResult<Option<&Account>> {
    match auth {
        Some(a) => {
            a.require("read:statuses")?;
            Ok(a.user.as_ref().map(|(account, _)| account))
        }
        None => Ok(None),
    }
}

async fn visible_status(data: &AppState, viewer: Option<&Account>, id: &str) -> AppResult<Status> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let status = store::find(&data.db, id).await?.ok_or(AppError::NotFound)?;
    if model::can_see(data, viewer, &status).await? {
        Ok(status)
    } else {
        Err(AppError::NotFound)
    }
}

/// `GET /api/v1/statuses/{id}`
pub async fn show(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let status = visible_status(&data, viewer, &id).await?;
    Ok(Json(status_json(&data, &status).await?))
}

/// `DELETE /api/v1/statuses/{id}`: answers with the post and its text, for redrafts.
pub async fn delete(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    if status.account_id != me.id {
        return Err(AppError::NotFound);
    }
    let mut body = status_json(&data, &status).await?;
    body["text"] = json!(status.source_text);
    model::delete(&data, me, &status).await?;
    Ok(Json(body))
}

#[derive(Deserialize)]
pub struct TimelineQuery {
    max_id: Option<String>,
    since_id: Option<String>,
    min_id: Option<String>,
    limit: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    local: Option<bool>,
}

impl TimelineQuery {
    fn limit(&self) -> i64 {
        self.limit
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(20_i64)
            .clamp(1, 40)
    }

    /// (max, min, oldest_first): `min_id` asks for the page just after it,
    /// `since_id` for the newest page after it.
    fn bounds(&self) -> (i64, i64, bool) {
        let parse = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<i64>().ok());
        let max = parse(&self.max_id).unwrap_or(i64::MAX);
        let min_id = parse(&self.min_id);
        let min = min_id.or(parse(&self.since_id)).unwrap_or(0);
        (max, min, min_id.is_some())
    }
}

/// A page of statuses with Mastodon's `Link` header (next by max_id, prev by min_id).
async fn timeline_page(
    state: &AppState,
    path: &str,
    statuses: Vec<Status>,
    limit: i64,
    with_prev: bool,
) -> AppResult<Response> {
    let mut items = Vec::with_capacity(statuses.len());
    for s in &statuses {
        items.push(status_json(state, s).await?);
    }
    let mut response = Json(Value::Array(items)).into_response();
    if let (Some(first), Some(last)) = (statuses.first(), statuses.last()) {
        let base = state.settings.base_url();
        let mut link = format!(
            "<{base}{path}?limit={limit}&max_id={}>; rel=\"next\"",
            last.id
        );
        if with_prev {
            link.push_str(&format!(
                ", <{base}{path}?limit={limit}&min_id={}>; rel=\"prev\"",
                first.id
            ));
        }
        if let Ok(v) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, v);
        }
    }
    Ok(response)
}

/// `GET /api/v1/timelines/home`
pub async fn home(
    data: Data<AppState>,
    auth: Auth,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    auth.require("read:statuses")?;
    let (me, _) = auth.user()?;
    let (max, min, oldest_first) = q.bounds();
    let statuses = store::home(&data.db, me.id, max, min, q.limit(), oldest_first).await?;
    timeline_page(&data, "/api/v1/timelines/home", statuses, q.limit(), true).await
}

/// `GET /api/v1/timelines/public` (`local=true` for this instance only)
pub async fn public(
    data: Data<AppState>,
    MaybeAuth(_auth): MaybeAuth,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    let (max, min, oldest_first) = q.bounds();
    let local = q.local.unwrap_or(false);
    let statuses = store::public(&data.db, local, max, min, q.limit(), oldest_first).await?;
    timeline_page(&data, "/api/v1/timelines/public", statuses, q.limit(), true).await
}

/// `GET /api/v1/accounts/{id}/statuses`: what the viewer may see.
pub async fn by_account(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    let account_id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let account = accounts::find_by_id(&data.db, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = reader(&auth)?;
    let follows = match viewer {
        Some(v) => crate::follows::store::find(&data.db, v.id, account.id)
            .await?
            .is_some_and(|f| f.accepted),
        None => false,
    };
    let own = viewer.is_some_and(|v| v.id == account.id);
    let visibilities: &[&str] = if own {
        &["public", "unlisted", "private", "direct"]
    } else if follows {
        &["public", "unlisted", "private"]
    } else {
        &["public", "unlisted"]
    };
    let (max, _, _) = q.bounds();
    let statuses = store::by_account(&data.db, account.id, visibilities, max, q.limit()).await?;
    timeline_page(
        &data,
        &format!("/api/v1/accounts/{id}/statuses"),
        statuses,
        q.limit(),
        false,
    )
    .await
}

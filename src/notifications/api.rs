//! Mastodon's notification endpoints and the Notification entity.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::Path,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{api::account_json_with_counts, model::Account, store as accounts},
    api::{Auth, Params, flex_list},
    error::{AppError, AppResult},
    notifications::{self, Kind, Notification},
    posts::store as posts,
    publishing::api::status_json,
};

async fn notification_json(
    state: &AppState,
    viewer: &Account,
    n: &Notification,
) -> AppResult<Option<Value>> {
    let Some(from) = accounts::find_by_id(&state.db, n.from_account_id).await? else {
        return Ok(None);
    };
    let status = match n.status_id {
        Some(id) => match posts::find(&state.db, id).await? {
            Some(s) => Some(status_json(state, &s, Some(viewer)).await?),
            // The post is gone: so is the notification about it.
            None => return Ok(None),
        },
        None => None,
    };
    Ok(Some(json!({
        "id": n.id.to_string(),
        "type": n.kind,
        "created_at": n.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "account": account_json_with_counts(state, &from).await?,
        "status": status,
    })))
}

#[derive(Deserialize)]
pub struct NotificationsQuery {
    max_id: Option<String>,
    since_id: Option<String>,
    min_id: Option<String>,
    limit: Option<String>,
    #[serde(default, deserialize_with = "flex_list")]
    types: Option<Vec<String>>,
    #[serde(default, deserialize_with = "flex_list")]
    exclude_types: Option<Vec<String>>,
}

/// `GET /api/v1/notifications`
pub async fn list(
    data: Data<AppState>,
    auth: Auth,
    Params(q): Params<NotificationsQuery>,
) -> AppResult<Response> {
    auth.require("read:notifications")?;
    let (me, _) = auth.user()?;
    let parse = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<i64>().ok());
    let limit = parse(&q.limit).unwrap_or(15).clamp(1, 30);
    let max = parse(&q.max_id).unwrap_or(i64::MAX);
    let min = parse(&q.min_id).or(parse(&q.since_id)).unwrap_or(0);
    let wanted = |k: &Kind| {
        q.types
            .as_ref()
            .is_none_or(|t| t.is_empty() || t.iter().any(|x| x == k.as_str()))
            && !q
                .exclude_types
                .as_ref()
                .is_some_and(|t| t.iter().any(|x| x == k.as_str()))
    };
    let kinds: Vec<Kind> = Kind::ALL.into_iter().filter(wanted).collect();
    let rows = notifications::list(&data.db, me.id, &kinds, max, min, limit).await?;
    let mut items = Vec::new();
    for n in &rows {
        if let Some(item) = notification_json(&data, me, n).await? {
            items.push(item);
        }
    }
    let mut response = Json(Value::Array(items)).into_response();
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let base = data.settings.base_url();
        let link = format!(
            "<{base}/api/v1/notifications?limit={limit}&max_id={}>; rel=\"next\", \
             <{base}/api/v1/notifications?limit={limit}&min_id={}>; rel=\"prev\"",
            last.id, first.id
        );
        if let Ok(v) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, v);
        }
    }
    Ok(response)
}

/// `GET /api/v1/notifications/{id}`
pub async fn show(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("read:notifications")?;
    let (me, _) = auth.user()?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let n = notifications::find(&data.db, me.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    notification_json(&data, me, &n)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

/// `POST /api/v1/notifications/{id}/dismiss`
pub async fn dismiss(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:notifications")?;
    let (me, _) = auth.user()?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    notifications::dismiss(&data.db, me.id, Some(id)).await?;
    Ok(Json(json!({})))
}

/// `POST /api/v1/notifications/clear`
pub async fn clear(data: Data<AppState>, auth: Auth) -> AppResult<Json<Value>> {
    auth.require("write:notifications")?;
    let (me, _) = auth.user()?;
    notifications::dismiss(&data.db, me.id, None).await?;
    Ok(Json(json!({})))
}

// ----- markers -----

const TIMELINES: &[&str] = &["home", "notifications"];

fn markers_json(rows: &[notifications::store::MarkerRow], asked: &[String]) -> Value {
    let mut out = serde_json::Map::new();
    for row in rows.iter().filter(|r| asked.contains(&r.timeline)) {
        out.insert(
            row.timeline.clone(),
            json!({
                "last_read_id": row.last_read_id.to_string(),
                "version": row.version,
                "updated_at": row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            }),
        );
    }
    Value::Object(out)
}

#[derive(Deserialize, Default)]
pub struct MarkersQuery {
    #[serde(default, deserialize_with = "flex_list")]
    timeline: Option<Vec<String>>,
}

/// `GET /api/v1/markers?timeline[]=home&timeline[]=notifications`: how far the
/// person has read each (only those asked for, as Mastodon answers).
pub async fn markers(
    data: Data<AppState>,
    auth: Auth,
    Params(q): Params<MarkersQuery>,
) -> AppResult<Json<Value>> {
    auth.require("read:statuses")?;
    let (me, _) = auth.user()?;
    let asked = q.timeline.unwrap_or_default();
    let rows = notifications::store::markers(&data.db, me.id).await?;
    Ok(Json(markers_json(&rows, &asked)))
}

#[derive(Deserialize, Default)]
pub struct MarkerPosition {
    last_read_id: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SetMarkers {
    home: Option<MarkerPosition>,
    notifications: Option<MarkerPosition>,
}

/// `POST /api/v1/markers` with `home[last_read_id]` and/or
/// `notifications[last_read_id]`: answers with the markers set.
pub async fn set_markers(
    data: Data<AppState>,
    auth: Auth,
    Params(p): Params<SetMarkers>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    // Every position is checked before any is written.
    let mut given = Vec::new();
    for (timeline, position) in [("home", &p.home), ("notifications", &p.notifications)] {
        let Some(position) = position else { continue };
        let id = position
            .last_read_id
            .as_deref()
            .and_then(|v| v.trim().parse::<i64>().ok())
            .filter(|v| *v >= 0)
            .ok_or_else(|| {
                AppError::validation(format!("{timeline}[last_read_id] must be a status id"))
            })?;
        given.push((timeline, id));
    }
    if given.is_empty() {
        return Err(AppError::validation(format!(
            "give one of {}: timeline[last_read_id]",
            TIMELINES.join(", ")
        )));
    }
    let now = chrono::Utc::now();
    for (timeline, id) in &given {
        notifications::store::set_marker(&data.db, me.id, timeline, *id, now).await?;
    }
    let rows = notifications::store::markers(&data.db, me.id).await?;
    let asked: Vec<String> = given.iter().map(|(t, _)| t.to_string()).collect();
    Ok(Json(markers_json(&rows, &asked)))
}

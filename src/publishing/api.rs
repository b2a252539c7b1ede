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
        model::{self, Visibility},
        store::{self, Status},
    },
    publishing::{
        kinds::Draft,
        local::{self, NewPost, PostEdit},
    },
};

/// A remote post's attachment as Mastodon's MediaAttachment (the file stays on
/// its server: `url` and `remote_url` are its address there).
fn media_json(status: &Status, m: &store::Media) -> Value {
    let meta = match (m.width, m.height) {
        (Some(w), Some(h)) => json!({ "original": {
            "width": w, "height": h, "size": format!("{w}x{h}"), "aspect": w as f64 / h as f64,
        }}),
        _ => json!({}),
    };
    json!({
        "id": (status.id * 100 + m.position).to_string(),
        "type": m.kind,
        "url": m.remote_url,
        "preview_url": m.preview_url,
        "remote_url": m.remote_url,
        "preview_remote_url": m.preview_url,
        "text_url": null,
        "meta": meta,
        "description": m.description,
        "blurhash": m.blurhash,
    })
}

/// A remote post's poll as Mastodon's Poll entity, with the counts its server sent.
fn poll_json(status: &Status, poll: &store::Poll, options: &[store::PollOption]) -> Value {
    let votes: i64 = options.iter().map(|o| o.votes).sum();
    json!({
        "id": status.id.to_string(),
        "expires_at": poll.expires_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        "expired": poll.expires_at.is_some_and(|t| t <= chrono::Utc::now()),
        "multiple": poll.multiple,
        "votes_count": votes,
        "voters_count": poll.voters_count,
        "options": options.iter().map(|o| json!({ "title": o.title, "votes_count": o.votes })).collect::<Vec<_>>(),
        "emojis": [],
        "voted": false,
        "own_votes": [],
    })
}

/// A post's content as apps show it: a titled post (a thread, an Article or a
/// Page) starts with its title line, since Mastodon apps ignore `name`.
fn shown_content(status: &Status) -> String {
    match status.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(title) => format!(
            "<p><strong>{}</strong></p>{}",
            crate::web::escape(title),
            status.content
        ),
        None => status.content.clone(),
    }
}

/// Mastodon's Status entity, as `viewer` sees it. A boost is a Status of its own
/// whose `reblog` is the boosted post.
pub async fn status_json(
    state: &AppState,
    status: &Status,
    viewer: Option<&Account>,
) -> AppResult<Value> {
    if let Some(original_id) = status.reblog_of_id {
        let original = store::find(&state.db, original_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let inner = Box::pin(status_json(state, &original, viewer)).await?;
        let booster = accounts::find_by_id(&state.db, status.account_id)
            .await?
            .ok_or(AppError::NotFound)?;
        return Ok(json!({
            "id": status.id.to_string(),
            "uri": status.ap_id,
            "url": status.url,
            "created_at": status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "edited_at": null,
            "account": account_json_with_counts(state, &booster).await?,
            "content": "",
            "visibility": status.visibility,
            "sensitive": false,
            "spoiler_text": "",
            "language": null,
            "in_reply_to_id": null,
            "in_reply_to_account_id": null,
            "mentions": [],
            "media_attachments": [],
            "tags": [],
            "emojis": [],
            "reblogs_count": 0,
            "favourites_count": 0,
            "replies_count": 0,
            "reblog": inner,
            "poll": null,
            "card": null,
            "favourited": inner["favourited"],
            "reblogged": inner["reblogged"],
            "muted": false,
            "bookmarked": inner["bookmarked"],
        }));
    }
    let engagement = store::engagement(&state.db, status, viewer.map(|v| v.id)).await?;
    let store::Engagement {
        favourites,
        favourited,
        reblogs,
        reblogged,
        bookmarked,
        pinned,
        replies,
        ..
    } = engagement;
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mentioned = if engagement.has_mentions {
        model::mentioned_accounts(state, status).await?
    } else {
        Vec::new()
    };
    let base = state.settings.base_url();
    let tags: Vec<Value> = if engagement.has_tags {
        store::tags(&state.db, status.id).await?
    } else {
        Vec::new()
    }
    .into_iter()
    .map(|t| json!({ "name": t, "url": format!("{base}/tags/{t}") }))
    .collect();
    let in_reply_to = match &status.in_reply_to_ap_id {
        Some(ap_id) => store::find_by_ap_id(&state.db, ap_id).await?,
        None => None,
    };
    let media: Vec<Value> = if engagement.has_media {
        store::media(&state.db, status.id).await?
    } else {
        Vec::new()
    }
    .iter()
    .map(|m| media_json(status, m))
    .collect();
    let emojis: Vec<Value> = if engagement.has_emojis {
        store::emojis(&state.db, status.id).await?
    } else {
        Vec::new()
    }
    .into_iter()
    .map(|e| {
        json!({ "shortcode": e.shortcode, "url": e.url, "static_url": e.url,
                    "visible_in_picker": false })
    })
    .collect();
    let poll = if engagement.has_poll {
        store::poll(&state.db, status.id).await?
    } else {
        None
    }
    .map(|(poll, options)| poll_json(status, &poll, &options));
    let own = viewer.is_some_and(|v| v.id == status.account_id);
    let mut out = json!({
        "id": status.id.to_string(),
        "uri": status.ap_id,
        "url": status.url,
        "created_at": status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "edited_at": status.edited_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        "account": account_json_with_counts(state, &author).await?,
        "content": shown_content(status),
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
        "media_attachments": media,
        "tags": tags,
        "emojis": emojis,
        "reblogs_count": reblogs,
        "favourites_count": favourites,
        "replies_count": replies,
        "reblog": null,
        "poll": poll,
        "card": null,
        "favourited": favourited,
        "reblogged": reblogged,
        "muted": false,
        "bookmarked": bookmarked,
    });
    // As Mastodon: only the author is told whether a post is pinned.
    if own {
        out["pinned"] = json!(pinned);
    }
    Ok(out)
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
    /// What apps send that this instance does not do yet: refused by name
    /// rather than dropped, so that no one's images or poll are lost unseen.
    #[serde(default, deserialize_with = "crate::api::flex_list")]
    media_ids: Option<Vec<String>>,
    poll: Option<Value>,
    scheduled_at: Option<String>,
}

impl CreateStatus {
    fn refuse_what_is_not_done(&self) -> AppResult<()> {
        if self
            .media_ids
            .as_ref()
            .is_some_and(|m| m.iter().any(|id| !id.trim().is_empty()))
        {
            return Err(AppError::validation(
                "media_ids: this instance does not take media attachments yet",
            ));
        }
        if self.poll.as_ref().is_some_and(|p| !p.is_null()) {
            return Err(AppError::validation(
                "poll: this instance does not take polls yet",
            ));
        }
        if self
            .scheduled_at
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
        {
            return Err(AppError::validation(
                "scheduled_at: this instance does not schedule posts yet",
            ));
        }
        Ok(())
    }
}

/// `POST /api/v1/statuses` (with Mastodon's `Idempotency-Key` header).
pub async fn create(
    data: Data<AppState>,
    auth: Auth,
    headers: HeaderMap,
    Params(p): Params<CreateStatus>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, user) = auth.user()?;
    p.refuse_what_is_not_done()?;
    let visibility = match p.visibility.as_deref().filter(|v| !v.is_empty()) {
        // The person's default (`source.privacy`).
        None => Visibility::parse(user.default_visibility()).unwrap_or(Visibility::Public),
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
    let status = local::create(
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
            community: None,
            title: None,
            draft: Draft::Note,
        },
    )
    .await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// Account entities for account ids (ids of accounts gone meanwhile are skipped).
async fn accounts_json(state: &AppState, ids: Vec<i64>) -> AppResult<Value> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(account) = accounts::find_by_id(&state.db, id).await? {
            out.push(account_json_with_counts(state, &account).await?);
        }
    }
    Ok(Value::Array(out))
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
    Ok(Json(status_json(&data, &status, viewer).await?))
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
    let mut body = status_json(&data, &status, Some(me)).await?;
    body["text"] = json!(status.source_text);
    local::delete(&data, me, &status).await?;
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
    #[serde(default, deserialize_with = "flex_bool")]
    remote: Option<bool>,
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
    viewer: Option<&Account>,
    path: &str,
    statuses: Vec<Status>,
    limit: i64,
    with_prev: bool,
) -> AppResult<Response> {
    let mut items = Vec::with_capacity(statuses.len());
    for s in &statuses {
        match status_json(state, s, viewer).await {
            Ok(item) => items.push(item),
            // A boost whose post is gone meanwhile: leave it out.
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    let mut response = Json(Value::Array(items)).into_response();
    let ends = statuses
        .first()
        .zip(statuses.last())
        .map(|(f, l)| (f.id, l.id));
    add_link(state, &mut response, path, limit, ends, with_prev);
    Ok(response)
}

/// Mastodon's `Link` header of a page whose first and last items have the
/// cursors `ends`: the next page by `max_id`, and (`with_prev`) the previous
/// by `min_id`.
fn add_link(
    state: &AppState,
    response: &mut Response,
    path: &str,
    limit: i64,
    ends: Option<(i64, i64)>,
    with_prev: bool,
) {
    let Some((first, last)) = ends else {
        return;
    };
    let base = state.settings.base_url();
    let mut link = format!("<{base}{path}?limit={limit}&max_id={last}>; rel=\"next\"");
    if with_prev {
        link.push_str(&format!(
            ", <{base}{path}?limit={limit}&min_id={first}>; rel=\"prev\""
        ));
    }
    if let Ok(v) = HeaderValue::from_str(&link) {
        response.headers_mut().insert(header::LINK, v);
    }
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
    timeline_page(
        &data,
        Some(me),
        "/api/v1/timelines/home",
        statuses,
        q.limit(),
        true,
    )
    .await
}

/// `GET /api/v1/timelines/public` (`local=true` for this instance only)
pub async fn public(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    let viewer = reader(&auth)?;
    let (max, min, oldest_first) = q.bounds();
    let local = q.local.unwrap_or(false);
    let remote = q.remote.unwrap_or(false);
    let statuses =
        store::public(&data.db, local, remote, max, min, q.limit(), oldest_first).await?;
    timeline_page(
        &data,
        viewer,
        "/api/v1/timelines/public",
        statuses,
        q.limit(),
        true,
    )
    .await
}

/// `GET /api/v1/accounts/{id}/statuses`: what the viewer may see.
pub async fn by_account(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
    Query(q): Query<TimelineQuery>,
    Query(f): Query<AccountStatusesQuery>,
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
    let filter = store::AccountFilter {
        pinned: f.pinned.unwrap_or(false),
        exclude_replies: f.exclude_replies.unwrap_or(false),
        exclude_reblogs: f.exclude_reblogs.unwrap_or(false),
        only_media: f.only_media.unwrap_or(false),
        tagged: match f.tagged.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => Some(
                crate::posts::model::normalize_tag(t.trim_start_matches('#')).ok_or_else(|| {
                    AppError::validation(format!("tagged: {t:?} is not a hashtag"))
                })?,
            ),
        },
    };
    let statuses =
        store::by_account_filtered(&data.db, account.id, visibilities, max, q.limit(), &filter)
            .await?;
    timeline_page(
        &data,
        viewer,
        &format!("/api/v1/accounts/{id}/statuses"),
        statuses,
        q.limit(),
        false,
    )
    .await
}

/// `POST /api/v1/statuses/{id}/favourite`
pub async fn favourite(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:favourites")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    local::favourite(&data, me, &status).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// `POST /api/v1/statuses/{id}/unfavourite`
pub async fn unfavourite(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:favourites")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    local::unfavourite(&data, me, &status).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// Mastodon's filters of an account's posts.
#[derive(Deserialize, Default)]
pub struct AccountStatusesQuery {
    #[serde(default, deserialize_with = "flex_bool")]
    pinned: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    exclude_replies: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    exclude_reblogs: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    only_media: Option<bool>,
    tagged: Option<String>,
}

/// Most posts one may pin (as Mastodon's default).
pub const MAX_PINS: i64 = 5;

/// `POST /api/v1/statuses/{id}/pin`: one's own public, unlisted or
/// followers-only post, shown first on one's profile.
pub async fn pin(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:accounts")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    if status.account_id != me.id || status.reblog_of_id.is_some() {
        return Err(AppError::validation("Only your own posts can be pinned"));
    }
    if status.visibility == "direct" {
        return Err(AppError::validation("Direct messages cannot be pinned"));
    }
    if store::pin_count(&data.db, me.id).await? >= MAX_PINS {
        return Err(AppError::validation(format!(
            "At most {MAX_PINS} posts can be pinned"
        )));
    }
    store::set_mark(&data.db, store::Mark::Pin, me.id, status.id, true).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// `POST /api/v1/statuses/{id}/unpin`
pub async fn unpin(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:accounts")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    store::set_mark(&data.db, store::Mark::Pin, me.id, status.id, false).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// `POST /api/v1/statuses/{id}/bookmark`: kept for later, for oneself only
/// (nothing is sent to other servers).
pub async fn bookmark(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:bookmarks")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    store::set_mark(&data.db, store::Mark::Bookmark, me.id, status.id, true).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// `POST /api/v1/statuses/{id}/unbookmark`
pub async fn unbookmark(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:bookmarks")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    store::set_mark(&data.db, store::Mark::Bookmark, me.id, status.id, false).await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// A page of one's bookmarks or likes, with Mastodon's `Link` header (cut by
/// the bookmark's or like's id). A post one may no longer see is left out, as
/// a single fetch of it would refuse it.
async fn kept_page(
    data: &Data<AppState>,
    me: &Account,
    which: store::Kept,
    path: &str,
    q: &TimelineQuery,
) -> AppResult<Response> {
    let (max, min, oldest_first) = q.bounds();
    let mut page = store::kept(&data.db, which, me.id, max, min, q.limit(), oldest_first).await?;
    if oldest_first {
        page.reverse();
    }
    let mut items = Vec::with_capacity(page.len());
    for (_, s) in &page {
        if model::can_see(data, Some(me), s).await? {
            match status_json(data, s, Some(me)).await {
                Ok(item) => items.push(item),
                Err(AppError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let mut response = Json(Value::Array(items)).into_response();
    let ends = page.first().zip(page.last()).map(|(f, l)| (f.0, l.0));
    add_link(data, &mut response, path, q.limit(), ends, true);
    Ok(response)
}

/// `GET /api/v1/bookmarks`
pub async fn bookmarks(
    data: Data<AppState>,
    auth: Auth,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    auth.require("read:bookmarks")?;
    let (me, _) = auth.user()?;
    kept_page(&data, me, store::Kept::Bookmarks, "/api/v1/bookmarks", &q).await
}

/// `GET /api/v1/favourites`
pub async fn favourites(
    data: Data<AppState>,
    auth: Auth,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    auth.require("read:favourites")?;
    let (me, _) = auth.user()?;
    kept_page(&data, me, store::Kept::Favourites, "/api/v1/favourites", &q).await
}

/// `GET /api/v1/statuses?id[]=…`: several posts at once, those one may see
/// (at most 40; others and unknown ids are left out, as Mastodon does).
pub async fn many(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let ids: Vec<String> = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(k, _)| k == "id[]" || k == "id")
        .map(|(_, v)| v.into_owned())
        .take(40)
        .collect();
    let mut out = Vec::new();
    for id in ids {
        match visible_status(&data, viewer, &id).await {
            Ok(status) => out.push(status_json(&data, &status, viewer).await?),
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Json(Value::Array(out)))
}

/// `GET /api/v1/statuses/{id}/favourited_by`
pub async fn favourited_by(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let status = visible_status(&data, viewer, &id).await?;
    let ids = store::favourited_by(&data.db, status.id, 80).await?;
    Ok(Json(accounts_json(&data, ids).await?))
}

#[derive(Deserialize, Default)]
pub struct EditStatus {
    status: Option<String>,
    spoiler_text: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    sensitive: Option<bool>,
}

/// `PUT /api/v1/statuses/{id}`: edit one's own post.
pub async fn edit(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<EditStatus>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    let status = local::edit(
        &data,
        me,
        &status,
        PostEdit {
            text: p.status.unwrap_or_default(),
            spoiler_text: p
                .spoiler_text
                .unwrap_or_else(|| status.spoiler_text.clone()),
            sensitive: p.sensitive.unwrap_or(status.sensitive),
            draft: Draft::Note,
        },
    )
    .await?;
    Ok(Json(status_json(&data, &status, Some(me)).await?))
}

/// `GET /api/v1/statuses/{id}/history`: every version, oldest first.
pub async fn history(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let status = visible_status(&data, viewer, &id).await?;
    let author = accounts::find_by_id(&data.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let account = account_json_with_counts(&data, &author).await?;
    let mut versions: Vec<Value> = store::edits(&data.db, status.id)
        .await?
        .into_iter()
        .map(|e| {
            json!({
                "content": e.content,
                "spoiler_text": e.spoiler_text,
                "sensitive": e.sensitive,
                "created_at": e.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "account": account,
                "media_attachments": [],
                "emojis": [],
            })
        })
        .collect();
    versions.push(json!({
        "content": status.content,
        "spoiler_text": status.spoiler_text,
        "sensitive": status.sensitive,
        "created_at": status.edited_at.unwrap_or(status.created_at).to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "account": account,
        "media_attachments": [],
        "emojis": [],
    }));
    Ok(Json(Value::Array(versions)))
}

/// `GET /api/v1/statuses/{id}/source`: the text of one's own post, for editing.
pub async fn source(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("read:statuses")?;
    let (me, _) = auth.user()?;
    let status = visible_status(&data, Some(me), &id).await?;
    if status.account_id != me.id {
        return Err(AppError::NotFound);
    }
    Ok(Json(json!({
        "id": status.id.to_string(),
        "text": status.source_text.unwrap_or_default(),
        "spoiler_text": status.spoiler_text,
    })))
}

/// How far a thread is followed up and down.
const THREAD_DEPTH: usize = 40;
const THREAD_SIZE: usize = 200;

/// `GET /api/v1/statuses/{id}/context`: the posts above and below in its thread
/// that the viewer may see (as far as this instance knows them).
pub async fn context(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let status = visible_status(&data, viewer, &id).await?;
    let mut ancestors = Vec::new();
    let mut parent = status.in_reply_to_ap_id.clone();
    while let Some(ap_id) = parent {
        if ancestors.len() >= THREAD_DEPTH {
            break;
        }
        let Some(s) = store::find_by_ap_id(&data.db, &ap_id).await? else {
            break;
        };
        parent = s.in_reply_to_ap_id.clone();
        if model::can_see(&data, viewer, &s).await? {
            ancestors.push(s);
        }
    }
    ancestors.reverse();
    let mut descendants = Vec::new();
    let mut frontier = vec![status.ap_id.clone()];
    for _ in 0..THREAD_DEPTH {
        let mut next = Vec::new();
        for ap_id in &frontier {
            for reply in store::replies(&data.db, ap_id, 100).await? {
                next.push(reply.ap_id.clone());
                if model::can_see(&data, viewer, &reply).await? {
                    descendants.push(reply);
                }
            }
        }
        if next.is_empty() || descendants.len() >= THREAD_SIZE {
            break;
        }
        frontier = next;
    }
    let mut up = Vec::new();
    for s in &ancestors {
        up.push(status_json(&data, s, viewer).await?);
    }
    let mut down = Vec::new();
    for s in descendants.iter().take(THREAD_SIZE) {
        down.push(status_json(&data, s, viewer).await?);
    }
    Ok(Json(json!({ "ancestors": up, "descendants": down })))
}

/// `POST /api/v1/statuses/{id}/reblog`: answers with the boost, as Mastodon does.
pub async fn reblog(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    let original = visible_status(&data, Some(me), &id).await?;
    let boost = local::reblog(&data, me, &original).await?;
    Ok(Json(status_json(&data, &boost, Some(me)).await?))
}

/// `POST /api/v1/statuses/{id}/unreblog`: answers with the post.
pub async fn unreblog(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    auth.require("write:statuses")?;
    let (me, _) = auth.user()?;
    let original = visible_status(&data, Some(me), &id).await?;
    local::unreblog(&data, me, &original).await?;
    Ok(Json(status_json(&data, &original, Some(me)).await?))
}

/// `GET /api/v1/statuses/{id}/reblogged_by`
pub async fn reblogged_by(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let viewer = reader(&auth)?;
    let status = visible_status(&data, viewer, &id).await?;
    let ids = store::reblogged_by(&data.db, status.id, 80).await?;
    Ok(Json(accounts_json(&data, ids).await?))
}

/// `GET /api/v1/timelines/tag/{hashtag}` (`local=true` for this instance only)
pub async fn tag(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(hashtag): Path<String>,
    Query(q): Query<TimelineQuery>,
) -> AppResult<Response> {
    let viewer = reader(&auth)?;
    let Some(tag) = model::normalize_tag(&hashtag) else {
        return Ok(Json(Value::Array(vec![])).into_response());
    };
    let (max, min, _) = q.bounds();
    let local = q.local.unwrap_or(false);
    let statuses = store::tagged(&data.db, &tag, local, max, min, q.limit()).await?;
    timeline_page(
        &data,
        viewer,
        &format!("/api/v1/timelines/tag/{tag}"),
        statuses,
        q.limit(),
        false,
    )
    .await
}

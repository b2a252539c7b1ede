//! Storing what arrives from other servers: a post (with its thread's parent,
//! its extras and its kind's facts), a new version of one, a boost, and posts
//! read from their own server when a claim about them must be checked.

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use chrono::Utc;
use serde_json::Value;
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    communities::{model as communities, model::Community, store as community_store},
    error::{AppError, AppResult},
    federation::same_origin,
    notifications::{self, Kind},
    posts::{
        protocol::{Announce, MAX_REMOTE_CONTENT_BYTES, NoteJson},
        store::{self, NewStatus, Status},
    },
    publishing::kinds,
};

/// How many fetches one incoming post may cause to read its thread upwards.
const MAX_THREAD_FETCHES: u32 = 5;

/// The community a post that arrives is placed in, in the unit that stores it.
pub struct Place<'a> {
    pub community_id: i64,
    /// The thread's title, for a thread opened in the community.
    pub title: Option<&'a str>,
    /// A community here: its Group announces this activity to the members' servers.
    pub announce: Option<(&'a Community, &'a Value)>,
}

async fn place(state: &AppState, status: &Status, place: &Place<'_>) -> AppResult<()> {
    let placed =
        community_store::set_post_community(&state.db, status.id, place.community_id, place.title)
            .await?;
    // A post never moves: one sent into a community here while it is in another is
    // refused; a comment that is in another one already stays there.
    if !placed && place.announce.is_some() {
        return Err(AppError::Forbidden(
            "That post is in another community".into(),
        ));
    }
    if let Some((community, activity)) = place.announce.filter(|_| placed) {
        communities::announce(state, community, activity, &[]).await?;
    }
    Ok(())
}

/// Stores a Note from another server, checked by the caller to be `author`'s,
/// and places it in a community when `into` says so.
/// A post we have already is kept as it is (if it is really the author's).
pub async fn store_remote_note(
    data: &Data<AppState>,
    note: NoteJson,
    author: &Account,
    into: Option<Place<'_>>,
) -> Result<Option<Status>, AppError> {
    if let Some(existing_author) = store::author_of(&data.db, note.id.as_str()).await? {
        // Already here: only its author could send it again, and it stays as it is.
        if existing_author != author.id {
            return Err(AppError::Forbidden(
                "That post belongs to someone else".into(),
            ));
        }
        let existing = store::find_by_ap_id(&data.db, note.id.as_str()).await?;
        if let (Some(status), Some(into)) = (&existing, &into) {
            let unit = data.begin_write().await?;
            place(&unit, status, into).await?;
            unit.commit().await?;
        }
        return Ok(existing);
    }
    let title = note.title();
    // People here the post is for: its Mention tags, and (for servers that
    // address without tagging) anyone here it is addressed to.
    let mut mention_ids = Vec::new();
    // (Only addresses here can be people here: the public and followers
    // collections are not looked up.)
    let addressed = note
        .to
        .iter()
        .chain(&note.cc)
        .filter_map(|a| Url::parse(a).ok())
        .filter(|a| crate::federation::is_local(data, a));
    for href in note.mention_hrefs().into_iter().chain(addressed).take(100) {
        if let Some(account) = accounts::find_by_ap_id(&data.db, &href).await?
            && !mention_ids.contains(&account.id)
            && (account.is_local() || note.mention_hrefs().contains(&href))
        {
            mention_ids.push(account.id);
        }
    }
    let content = crate::web::sanitize_html(&note.shown_html());
    let spoiler = note.content_warning();
    // Only an http(s) address on the post's own server is a link we show.
    let url = note
        .url()
        .and_then(|u| Url::parse(&u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https") && same_origin(u, &note.id))
        .map(|u| u.to_string());
    let in_reply_to = note.in_reply_to();
    // A reply to a post we do not have: fetch the parent too, so the thread reads
    // (bounded by the crate's limit of fetches per incoming request).
    if let Some(parent) = in_reply_to.as_deref().and_then(|p| Url::parse(p).ok())
        && data.request_count() < MAX_THREAD_FETCHES
        && store::find_by_uri_or_url(&data.db, parent.as_str())
            .await?
            .is_none()
        && !crate::federation::is_local(data, &parent)
        && let Err(e) = Box::pin(shared_post(data, &parent)).await
    {
        tracing::debug!(%parent, error = %e, "could not fetch the post replied to");
    }
    let language = note.language();
    let note_tags = note.hashtags();
    // Stored in one unit of work with its extras, its kind's facts, its tags and
    // the notifications it causes; the title travels with the insert.
    let unit = data.begin_write().await?;
    let inserted = store::insert(
        &unit.db,
        &NewStatus {
            id: None,
            ap_id: note.id.as_str(),
            url: url.as_deref(),
            account_id: author.id,
            local: false,
            content: &content,
            source_text: None,
            spoiler_text: &spoiler,
            sensitive: note.sensitive.unwrap_or(false),
            visibility: note.visibility(author.followers_url.as_deref()),
            language: language.as_deref(),
            in_reply_to_ap_id: in_reply_to.as_deref(),
            reblog_of_id: None,
            idempotency_key: None,
            community_id: None,
            title: title.as_deref(),
            created_at: note.published.unwrap_or_else(Utc::now).min(Utc::now()),
        },
        &mention_ids,
    )
    .await?;
    if let Some(status) = &inserted {
        if let Some(into) = &into {
            place(&unit, status, into).await?;
        }
        store_extras(&unit, status, &note, true).await?;
        kinds::receive(&unit, status, &note).await?;
        store::add_tags(&unit.db, status.id, &note_tags).await?;
        if status.visibility != "direct" && status.in_reply_to_ap_id.is_none() {
            notifications::notify_subscribers(&unit.db, author, status.id).await?;
        }
        for id in &mention_ids {
            if let Some(account) = accounts::find_by_id(&unit.db, *id).await? {
                notifications::notify(&unit.db, &account, author, Kind::Mention, Some(status.id))
                    .await?;
            }
        }
    }
    let stored = match inserted {
        Some(s) => store::find(&unit.db, s.id).await?,
        None => None,
    };
    unit.commit().await?;
    // What must be read from other servers, once the post is here.
    if let Some(status) = &stored {
        kinds::check_remote(data, status, &note).await;
    }
    Ok(stored)
}

/// Takes a new version of a remote post (checked by the caller to be its author's);
/// with `pass_on`, the Update that brought it, for the Group of a community here to
/// pass on in the same unit.
pub async fn apply_edit(
    data: &Data<AppState>,
    status: &Status,
    note: &NoteJson,
    pass_on: Option<&Value>,
) -> AppResult<()> {
    let content = crate::web::sanitize_html(&note.shown_html());
    let spoiler = note.content_warning();
    let edited_at = note.updated.unwrap_or_else(Utc::now).min(Utc::now());
    let unit = data.begin_write().await?;
    store::edit(
        &unit.db,
        status,
        &content,
        None,
        &spoiler,
        note.sensitive.unwrap_or(false),
        edited_at,
    )
    .await?;
    // A thread's title is part of what its author edits (Lemmy's posts).
    if status.title.is_some()
        && status.in_reply_to_ap_id.is_none()
        && let Some(title) = note.title()
    {
        store::set_title(&unit.db, status.id, &title).await?;
    }
    store_extras(&unit, status, note, false).await?;
    kinds::receive(&unit, status, note).await?;
    if let Some(activity) = pass_on {
        communities::pass_on(&unit, status, activity).await?;
    }
    unit.commit().await?;
    kinds::check_remote(data, status, note).await;
    Ok(())
}

/// What a remote post carries beside its text: media, custom emoji, a poll, a
/// quote. (`fresh`: the post was just stored, so there is nothing to replace.)
async fn store_extras(
    state: &AppState,
    status: &Status,
    note: &NoteJson,
    fresh: bool,
) -> AppResult<()> {
    let media = note.media();
    if !(fresh && media.is_empty()) {
        store::set_media(&state.db, status.id, &media).await?;
    }
    let emojis = note.emojis();
    if !(fresh && emojis.is_empty()) {
        store::set_emojis(&state.db, status.id, &emojis).await?;
    }
    if let Some((poll, options)) = note.poll() {
        store::set_poll(&state.db, status.id, &poll, &options).await?;
    }
    if let Some(quote) = note.quote() {
        store::set_quote(&state.db, status.id, quote.as_str()).await?;
    }
    Ok(())
}

/// The post a boost shares: known already, or fetched (signed) from its server.
pub async fn shared_post(data: &Data<AppState>, object: &Url) -> AppResult<Option<Status>> {
    Ok(fetched_post(data, object).await?.map(|(status, _)| status))
}

/// A post from its own server: what a claim about it is checked against.
pub async fn origin_note(data: &Data<AppState>, id: &Url) -> AppResult<NoteJson> {
    let mut json = activitypub_federation::fetch::fetch_object_http::<AppState, Value>(id, data)
        .await?
        .object;
    crate::federation::jsonld::normalize(&mut json);
    let note: NoteJson = serde_json::from_value(json)
        .map_err(|_| AppError::Remote(format!("{id} is not a post we can read")))?;
    if note.id != *id {
        return Err(AppError::bad_request(
            "The post's server answers with another post",
        ));
    }
    Ok(note)
}

/// Like [`shared_post`], with the post as its server sent it when it was fetched
/// now (so a caller can check what it addresses without fetching it twice).
pub async fn fetched_post(
    data: &Data<AppState>,
    object: &Url,
) -> AppResult<Option<(Status, Option<NoteJson>)>> {
    if let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await? {
        return Ok(Some((status, None)));
    }
    if crate::federation::is_local(data, object) {
        return Ok(None);
    }
    let note = origin_note(data, object).await?;
    let author_id = note
        .author()
        .filter(|a| same_origin(a, &note.id))
        .ok_or_else(|| AppError::bad_request("The shared post has no author on its server"))?;
    if note
        .content
        .as_ref()
        .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
    {
        return Err(AppError::PayloadTooLarge(
            "The shared post is too long".into(),
        ));
    }
    let author = ObjectId::<Account>::from(author_id)
        .dereference(data)
        .await?;
    store_remote_note(data, note.clone(), &author, None).await?;
    Ok(store::find_by_ap_id(&data.db, object.as_str())
        .await?
        .map(|status| (status, Some(note))))
}

/// Records a boost of `original` by `booster`, and tells the author.
pub async fn store_boost(
    data: &Data<AppState>,
    announce: &Announce,
    booster: &Account,
    original: &Status,
) -> AppResult<()> {
    if !matches!(original.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::Forbidden(
            "Only public posts can be boosted".into(),
        ));
    }
    let unit = data.begin_write().await?;
    let inserted = store::insert(
        &unit.db,
        &NewStatus {
            id: None,
            ap_id: announce.id.as_str(),
            url: None,
            account_id: booster.id,
            local: false,
            content: "",
            source_text: None,
            spoiler_text: "",
            sensitive: false,
            visibility: original.visibility.as_str(),
            language: None,
            in_reply_to_ap_id: None,
            reblog_of_id: Some(original.id),
            idempotency_key: None,
            community_id: None,
            title: None,
            created_at: announce.published.unwrap_or_else(Utc::now).min(Utc::now()),
        },
        &[],
    )
    .await?;
    if inserted.is_some()
        && let Some(author) = accounts::find_by_id(&unit.db, original.account_id).await?
    {
        notifications::notify(&unit.db, &author, booster, Kind::Reblog, Some(original.id)).await?;
    }
    unit.commit().await
}

/// A post by its id, fetched (signed) from its server when we do not have it.
pub async fn resolve_post(data: &Data<AppState>, id: &Url) -> AppResult<Option<Status>> {
    if let Some(status) = store::find_by_uri_or_url(&data.db, id.as_str()).await? {
        return Ok(Some(status));
    }
    shared_post(data, id).await
}

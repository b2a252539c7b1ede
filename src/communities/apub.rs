//! Communities on the wire: the Group's collections, posts arriving for a local
//! community, and what a remote community's Group announces to us (FEP-1b12).
//!
//! Whatever a Group announces is believed only as far as its own instance
//! speaks for it: moderation (Delete with a reason, Lock, Block, Add, Remove)
//! must come from an actor on the community's instance, or, for a post's own
//! Delete and Update, from its author. Posts by people on third servers are never
//! taken from the embedded copy: they are fetched from their own server.

use activitypub_federation::{
    config::Data, fetch::object_id::ObjectId, protocol::context::WithContext,
};
use axum::{
    extract::Path,
    http::{HeaderMap, Method, Uri},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use url::Url;

pub use super::protocol::{Flag, ModerationActivity, ModerationKind, UndoModeration};
use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    communities::{
        model::{self, Community, speaks_for},
        store,
    },
    error::{AppError, AppResult},
    federation::{same_origin, signed_fetch::require_signature},
    posts::{
        model::PUBLIC,
        protocol::{Announce, CreateNote, NoteJson, id_of},
        store::{self as posts, Status},
    },
    publishing::remote::{Place, fetched_post, shared_post, store_boost, store_remote_note},
};

/// How many recent posts are read from a remote community's outbox on joining.
const BACKFILL_ITEMS: usize = 20;
/// How many facilitators of a remote community we read from its collection.
const MAX_FACILITATORS: usize = 50;

// ----- incoming posts for a local community -----

/// A post from another server for a community here: checked against the
/// community's rules, stored, and announced by the Group to every member's server.
pub async fn receive_post(
    data: &Data<AppState>,
    community: &Community,
    create: CreateNote,
    author: &Account,
    parent: Option<Status>,
) -> AppResult<()> {
    if let Some(p) = &parent
        && p.community_id.is_some_and(|id| id != community.account.id)
    {
        return Err(AppError::Forbidden(
            "The post replied to is in another community".into(),
        ));
    }
    let public = create
        .object
        .to
        .iter()
        .chain(&create.object.cc)
        .any(|a| a == PUBLIC || a == "as:Public" || a == "Public");
    if !public {
        return Err(AppError::Forbidden(
            "Posts in a community are public".into(),
        ));
    }
    // Already here (a repeat with a new activity id): nothing more to do.
    if let Some(existing) = posts::find_by_ap_id(&data.db, create.object.id.as_str()).await?
        && existing.community_id == Some(community.account.id)
    {
        return Ok(());
    }
    model::may_post(data, community, author, parent.as_ref()).await?;
    let title = if parent.is_none() {
        create.object.title()
    } else {
        None
    };
    model::check_title(&title)?;
    // Stored, placed in the community and announced by its Group: one unit.
    let activity = serde_json::to_value(&create).map_err(|e| AppError::Internal(e.into()))?;
    let into = Place {
        community_id: community.account.id,
        title: title.as_deref(),
        announce: Some((community, &activity)),
    };
    store_remote_note(data, create.object, author, Some(into))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

// ----- what a remote community's Group announces -----

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// An Announce by a Group: a post of the community (Mastodon's shape), or an
/// activity in it (FEP-1b12's shape).
pub async fn receive_announce(
    data: &Data<AppState>,
    group: &Account,
    announce: Announce,
) -> AppResult<()> {
    let Some(community) = model::of_account(&data.db, group).await? else {
        return Ok(());
    };
    let object = &announce.object;
    let kind = object.get("type").and_then(Value::as_str).unwrap_or("");
    let is_post = object.is_string()
        || matches!(
            kind,
            "Note" | "Page" | "Article" | "Question" | "Event" | "Image" | "Video" | "Audio"
        );
    if is_post {
        let id =
            id_of(object).ok_or_else(|| AppError::bad_request("Announce without an object"))?;
        let Some((original, fetched)) = fetched_post(data, &id).await? else {
            return Ok(());
        };
        claim_for(data, &community, &original, fetched.as_ref()).await?;
        return store_boost(data, &announce, group, &original).await;
    }
    receive_inner(data, &community, object).await
}

/// Puts a post from another server into the community whose Group announced it.
/// The Group is believed only about posts that, as their own server serves them,
/// name it (or reply to a post in it) and are public or unlisted. A post from
/// this instance, or one already in another community, is never moved.
/// `fetched` is the post as its server sent it, when it was fetched just now.
async fn claim_for(
    data: &Data<AppState>,
    community: &Community,
    status: &Status,
    fetched: Option<&NoteJson>,
) -> AppResult<()> {
    if status.community_id == Some(community.account.id) {
        return Ok(());
    }
    if status.community_id.is_some() {
        return Err(AppError::Forbidden(
            "That post is in another community".into(),
        ));
    }
    if status.local || status.reblog_of_id.is_some() {
        return Err(AppError::Forbidden(
            "That post is not in this community".into(),
        ));
    }
    if !matches!(status.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::Forbidden(
            "Only public posts can be in a community".into(),
        ));
    }
    let note = match fetched {
        Some(note) => note.clone(),
        None => {
            let id = Url::parse(&status.ap_id).map_err(|e| AppError::Internal(e.into()))?;
            crate::publishing::remote::origin_note(data, &id).await?
        }
    };
    let group = &community.account.ap_id;
    let in_thread = match note.in_reply_to() {
        Some(parent) => posts::find_by_ap_id(&data.db, &parent)
            .await?
            .is_some_and(|p| p.community_id == Some(community.account.id)),
        None => false,
    };
    if !note.names(group) && !in_thread {
        return Err(AppError::Forbidden(
            "That post does not name this community".into(),
        ));
    }
    let title = if status.in_reply_to_ap_id.is_none() {
        status.title.clone()
    } else {
        None
    };
    if store::set_post_community(&data.db, status.id, community.account.id, title.as_deref())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "That post is in another community".into(),
        ))
    }
}

/// A post of the community by its id: known, and in this community.
async fn post_in(
    data: &Data<AppState>,
    community: &Community,
    object: &Value,
) -> AppResult<Option<Status>> {
    let Some(id) = id_of(object) else {
        return Err(AppError::bad_request("Activity without an object"));
    };
    let status = posts::find_by_ap_id(&data.db, id.as_str()).await?;
    match status {
        Some(s) if s.community_id == Some(community.account.id) => Ok(Some(s)),
        Some(_) => Err(AppError::Forbidden(
            "That post is not in this community".into(),
        )),
        None => Ok(None),
    }
}

/// Whether an announced moderation action may be believed: its actor is on the
/// community's instance, or is one of its facilitators. Who facilitates is what
/// the community's moderators collection says; it is read again once when the
/// actor is not among the facilitators we know.
async fn require_authority(
    data: &Data<AppState>,
    community: &Community,
    actor: &Url,
) -> AppResult<()> {
    if speaks_for(community, actor) || knows_facilitator(data, community, actor).await? {
        return Ok(());
    }
    if let Err(e) = sync_facilitators(data, community).await {
        tracing::debug!(community = %community.account.ap_id, error = %e, "could not read the moderators");
    }
    if knows_facilitator(data, community, actor).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "Only the community's instance or its facilitators can moderate it".into(),
        ))
    }
}

async fn knows_facilitator(
    data: &Data<AppState>,
    community: &Community,
    actor: &Url,
) -> AppResult<bool> {
    match accounts::find_by_ap_id(&data.db, actor).await? {
        Some(a) => model::is_facilitator(data, community, &a).await,
        None => Ok(false),
    }
}

/// Reads a remote community's moderators collection and takes it as the list of
/// its facilitators. A person who cannot be read now is not dropped.
pub async fn sync_facilitators(data: &Data<AppState>, community: &Community) -> AppResult<()> {
    let Some(url) = community
        .settings
        .moderators_url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| same_origin(u, &community.account.ap_id))
    else {
        return Ok(());
    };
    let collection: Value =
        activitypub_federation::fetch::fetch_object_http::<AppState, Value>(&url, data)
            .await?
            .object;
    let items = collection
        .get("orderedItems")
        .or_else(|| collection.get("items"))
        .and_then(Value::as_array)
        .ok_or_else(|| AppError::bad_request("The moderators collection lists nobody"))?;
    let mut listed = Vec::new();
    let mut complete = true;
    for id in items.iter().take(MAX_FACILITATORS).filter_map(id_of) {
        match ObjectId::<Account>::from(id).dereference(data).await {
            Ok(a) if a.actor_type == "Person" => listed.push(a.id),
            Ok(_) => {}
            Err(e) => {
                complete = false;
                tracing::debug!(error = %e, "could not read a facilitator");
            }
        }
    }
    let known = store::facilitator_ids(&data.db, community.account.id).await?;
    for id in listed.iter().filter(|id| !known.contains(id)) {
        store::add_facilitator(&data.db, community.account.id, *id).await?;
    }
    if complete {
        for id in known.iter().filter(|id| !listed.contains(id)) {
            store::remove_facilitator(&data.db, community.account.id, *id).await?;
        }
    }
    Ok(())
}

async fn person(data: &Data<AppState>, v: &Value) -> AppResult<Account> {
    let id = id_of(v).ok_or_else(|| AppError::bad_request("Activity without a person"))?;
    ObjectId::<Account>::from(id).dereference(data).await
}

/// An activity the Group announced, checked by who may do it.
async fn receive_inner(
    data: &Data<AppState>,
    community: &Community,
    inner: &Value,
) -> AppResult<()> {
    let kind = text(inner, "type").unwrap_or_default();
    let actor = inner
        .get("actor")
        .and_then(id_of)
        .ok_or_else(|| AppError::bad_request("Announced activity without an actor"))?;
    let id = inner.get("id").and_then(id_of);
    if let Some(id) = &id {
        if !same_origin(id, &actor) {
            return Err(AppError::bad_request(
                "Announced activity id is not on its actor's server",
            ));
        }
        // Ours, coming back: we applied it when we sent it.
        if crate::federation::is_local(data, id) {
            return Ok(());
        }
    }
    if crate::federation::is_local(data, &actor) {
        return Ok(());
    }
    // What the Group's own server says is believed as it is. What it passes on from
    // people elsewhere is read from their server: an embedded copy proves nothing.
    // (A Create or Update only names the post, which is fetched from its origin.)
    let from_origin;
    let inner = if speaks_for(community, &actor) || matches!(kind.as_str(), "Create" | "Update") {
        inner
    } else {
        match read_from_origin(data, &kind, id.as_ref(), &actor, inner).await? {
            Some(v) => {
                from_origin = v;
                &from_origin
            }
            None => {
                tracing::debug!(%actor, kind, "announced activity not confirmed by its origin, ignored");
                return Ok(());
            }
        }
    };
    let object = inner.get("object").unwrap_or(&Value::Null);
    match kind.as_str() {
        "Create" | "Update" => {
            let id =
                id_of(object).ok_or_else(|| AppError::bad_request("Create without an object"))?;
            if !same_origin(&id, &actor) {
                return Err(AppError::bad_request(
                    "The post is not on its author's server",
                ));
            }
            if let Some(known) = posts::find_by_ap_id(&data.db, id.as_str()).await? {
                let author = accounts::find_by_id(&data.db, known.account_id).await?;
                if author.is_none_or(|a| a.ap_id != actor) {
                    return Err(AppError::Forbidden(
                        "Only the author can post or edit a post".into(),
                    ));
                }
            }
            let (status, fetched) = if kind == "Update" {
                (refetch(data, &id).await?, None)
            } else {
                match fetched_post(data, &id).await? {
                    Some((s, n)) => (Some(s), n),
                    None => (None, None),
                }
            };
            if let Some(status) = status {
                let author = accounts::find_by_id(&data.db, status.account_id).await?;
                if author.is_none_or(|a| a.ap_id != actor) {
                    return Err(AppError::Forbidden(
                        "Only the author can post or edit a post".into(),
                    ));
                }
                claim_for(data, community, &status, fetched.as_ref()).await?;
            }
            Ok(())
        }
        "Delete" => {
            let Some(status) = post_in(data, community, object).await? else {
                return Ok(());
            };
            let author = accounts::find_by_id(&data.db, status.account_id).await?;
            if author.is_some_and(|a| a.ap_id == actor) {
                posts::mark_deleted(&data.db, status.id).await?;
                return Ok(());
            }
            require_authority(data, community, &actor).await?;
            let moderator = accounts::find_by_ap_id(&data.db, &actor).await?;
            let reason = text(inner, "summary").unwrap_or_default();
            let reason: String = reason.chars().take(1000).collect();
            model::apply_removal(data, community, moderator.as_ref(), &status, &reason).await
        }
        "Like" => {
            let Some(status) = post_in(data, community, object).await? else {
                return Ok(());
            };
            let who = ObjectId::<Account>::from(actor).dereference(data).await?;
            let like_id =
                text(inner, "id").ok_or_else(|| AppError::bad_request("Like without an id"))?;
            posts::add_favourite(&data.db, who.id, status.id, &like_id).await?;
            Ok(())
        }
        "Lock" => {
            require_authority(data, community, &actor).await?;
            if let Some(status) = post_in(data, community, object).await? {
                store::set_locked(&data.db, status.id, true).await?;
            }
            Ok(())
        }
        "Block" => {
            require_authority(data, community, &actor).await?;
            if let Some(target) = inner.get("target").and_then(id_of)
                && target != community.account.ap_id
            {
                return Err(AppError::bad_request("The ban is not for this community"));
            }
            let who = person(data, object).await?;
            let reason: String = text(inner, "summary")
                .unwrap_or_default()
                .chars()
                .take(1000)
                .collect();
            let expires = text(inner, "endTime").and_then(|t| t.parse::<DateTime<Utc>>().ok());
            store::ban(&data.db, community.account.id, who.id, &reason, expires).await?;
            Ok(())
        }
        "Undo" => {
            let inner_kind = text(object, "type").unwrap_or_default();
            let inner_actor = object.get("actor").and_then(id_of);
            if inner_actor.as_ref() != Some(&actor) {
                return Err(AppError::bad_request("Only who did it can undo it"));
            }
            // What the undone activity was about.
            let undone = object.get("object").unwrap_or(&Value::Null);
            match inner_kind.as_str() {
                "Lock" => {
                    require_authority(data, community, &actor).await?;
                    if let Some(status) = post_in(data, community, undone).await? {
                        store::set_locked(&data.db, status.id, false).await?;
                    }
                    Ok(())
                }
                // A moderator's restore of a removed post (Lemmy's Undo of its
                // Delete or Remove).
                "Delete" | "Remove" => {
                    require_authority(data, community, &actor).await?;
                    let moderator = accounts::find_by_ap_id(&data.db, &actor).await?;
                    if let Some(id) = id_of(undone)
                        && let Some(status) =
                            store::find_removed(&data.db, community.account.id, id.as_str()).await?
                    {
                        model::apply_restore(data, community, moderator.as_ref(), &status).await?;
                    }
                    Ok(())
                }
                "Add" => {
                    // Undoing a pin.
                    require_authority(data, community, &actor).await?;
                    let target = object.get("target").and_then(id_of).map(String::from);
                    if target.as_deref() == Some(community.featured_url().as_str())
                        && let Some(status) = post_in(data, community, undone).await?
                    {
                        store::set_pinned(&data.db, status.id, false).await?;
                    }
                    Ok(())
                }
                "Block" => {
                    require_authority(data, community, &actor).await?;
                    let who = person(data, undone).await?;
                    store::unban(&data.db, community.account.id, who.id).await?;
                    Ok(())
                }
                "Like" => {
                    if let Some(status) = post_in(data, community, undone).await?
                        && let Some(who) = accounts::find_by_ap_id(&data.db, &actor).await?
                    {
                        posts::remove_favourite(&data.db, who.id, status.id).await?;
                    }
                    Ok(())
                }
                _ => Ok(()),
            }
        }
        "Add" | "Remove" => {
            require_authority(data, community, &actor).await?;
            let target = inner.get("target").and_then(id_of).map(|u| u.to_string());
            let adding = kind == "Add";
            if target.as_deref() == Some(community.featured_url().as_str()) {
                if let Some(status) = post_in(data, community, object).await? {
                    store::set_pinned(&data.db, status.id, adding).await?;
                }
            } else if target.as_deref() == Some(community.moderators_url().as_str()) {
                let who = person(data, object).await?;
                if adding {
                    store::add_facilitator(&data.db, community.account.id, who.id).await?;
                } else {
                    store::remove_facilitator(&data.db, community.account.id, who.id).await?;
                }
            } else if target.as_deref() == Some(community.verified_url().as_str())
                && let Some(status) = post_in(data, community, object).await?
                && crate::cases::store::find(&data.db, status.id)
                    .await?
                    .is_some()
            {
                let moderator = ObjectId::<Account>::from(actor.clone())
                    .dereference(data)
                    .await?;
                let at = text(inner, "published")
                    .and_then(|t| t.parse::<DateTime<Utc>>().ok())
                    .unwrap_or_else(Utc::now)
                    .min(Utc::now());
                crate::publishing::case::apply_verification(
                    data,
                    community,
                    Some(&moderator),
                    &status,
                    adding,
                    at,
                )
                .await?;
            }
            Ok(())
        }
        other => {
            tracing::debug!(
                kind = other,
                "announced activity acknowledged, not acted on"
            );
            Ok(())
        }
    }
}

/// An activity a Group passed on from someone on another server, as that server
/// serves it: fetched by id, and it must be the same activity by the same actor.
/// Mastodon's activities cannot be fetched; its Delete of a post is believed when
/// the post is gone from its server (as Mastodon itself checks a forwarded Delete).
async fn read_from_origin(
    data: &Data<AppState>,
    kind: &str,
    id: Option<&Url>,
    actor: &Url,
    embedded: &Value,
) -> AppResult<Option<Value>> {
    if let Some(id) = id {
        match activitypub_federation::fetch::fetch_object_http::<AppState, Value>(id, data).await {
            Ok(fetched) => {
                let v = fetched.object;
                if id_of(&v).as_ref() == Some(id)
                    && text(&v, "type").as_deref() == Some(kind)
                    && v.get("actor").and_then(id_of).as_ref() == Some(actor)
                {
                    return Ok(Some(v));
                }
                tracing::debug!(%id, "the activity's server serves something else");
            }
            Err(e) => {
                tracing::debug!(%id, error = %e, "could not read the activity from its server")
            }
        }
    }
    if kind == "Delete"
        && let Some(object) = embedded.get("object").and_then(id_of)
        && same_origin(&object, actor)
        && crate::federation::is_gone(data, &object).await
    {
        return Ok(Some(json!({
            "type": "Delete",
            "actor": actor.as_str(),
            "object": object.as_str(),
        })));
    }
    Ok(None)
}

/// Fetches a post again from its own server and takes its new version.
async fn refetch(data: &Data<AppState>, id: &Url) -> AppResult<Option<Status>> {
    let Some(status) = posts::find_by_ap_id(&data.db, id.as_str()).await? else {
        return shared_post(data, id).await;
    };
    let note = crate::publishing::remote::origin_note(data, id).await?;
    crate::publishing::remote::apply_edit(data, &status, &note, None).await?;
    Ok(posts::find(&data.db, status.id).await?)
}

// ----- reading a remote community's history -----

/// The kind of queued work that reads a joined community's recent history.
pub const BACKFILL: &str = "backfill";

/// Queues reading a remote community's recent history (its outbox), once we have
/// joined it: work for the queue's workers, retried if the Group's server is down.
pub async fn queue_backfill(state: &AppState, community: &Community) -> AppResult<()> {
    let id = crate::federation::new_activity_id(state, BACKFILL)?;
    crate::federation::queue::enqueue_job(
        state,
        BACKFILL,
        id.as_str(),
        &community.account.ap_id,
        community.account.ap_id.as_str(),
    )
    .await
}

/// Runs a queued backfill (`body`: the community's Group id).
pub async fn run_backfill(state: AppState, body: &str) -> Result<(), String> {
    let group = Url::parse(body).map_err(|e| e.to_string())?;
    let account = accounts::find_by_ap_id(&state.db, &group)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the community is gone")?;
    let Some(community) = model::of_account(&state.db, &account)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let config = crate::federation::federation_config(state)
        .await
        .map_err(|e| e.to_string())?;
    let data = config.to_request_data();
    match backfill(&data, &community).await {
        Ok(n) => {
            tracing::debug!(community = %community.account.ap_id, posts = n, "backfilled");
            Ok(())
        }
        Err(e) => Err(format!("could not read the community's outbox: {e}")),
    }
}

/// Reads the recent posts of a remote community from its outbox (after one of
/// our people joined it). Posts by people on other servers are fetched from there.
pub async fn backfill(data: &Data<AppState>, community: &Community) -> AppResult<usize> {
    let Some(outbox) = community
        .account
        .outbox_url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| same_origin(u, &community.account.ap_id))
    else {
        return Ok(0);
    };
    let collection: Value =
        activitypub_federation::fetch::fetch_object_http::<AppState, Value>(&outbox, data)
            .await?
            .object;
    let mut items = collection
        .get("orderedItems")
        .cloned()
        .unwrap_or(Value::Null);
    if !items.is_array()
        && let Some(first) = collection.get("first")
    {
        items = match first {
            Value::Object(page) => page.get("orderedItems").cloned().unwrap_or(Value::Null),
            Value::String(url) => match Url::parse(url) {
                Ok(url) if same_origin(&url, &outbox) => {
                    activitypub_federation::fetch::fetch_object_http::<AppState, Value>(&url, data)
                        .await?
                        .object
                        .get("orderedItems")
                        .cloned()
                        .unwrap_or(Value::Null)
                }
                _ => Value::Null,
            },
            _ => Value::Null,
        };
    }
    let mut read = 0;
    for item in items.as_array().into_iter().flatten().take(BACKFILL_ITEMS) {
        // Announce{Create{Note}}, Create{Note}, or the post itself.
        let mut object = item.clone();
        for _ in 0..2 {
            match object.get("type").and_then(Value::as_str) {
                Some("Announce" | "Create") => {
                    object = object.get("object").cloned().unwrap_or(Value::Null)
                }
                _ => break,
            }
        }
        let Some(id) = id_of(&object) else { continue };
        // A fresh allowance of fetches for each item.
        let item_data = data.reset_request_count();
        match fetched_post(&item_data, &id).await {
            Ok(Some((status, fetched))) => {
                if claim_for(&item_data, community, &status, fetched.as_ref())
                    .await
                    .is_ok()
                {
                    read += 1;
                }
            }
            Ok(None) => {}
            Err(e) => tracing::debug!(%id, error = %e, "could not read a community post"),
        }
    }
    Ok(read)
}

// ----- the Group's collections -----

/// The Create of a post of the community, as its outbox lists it.
async fn create_of(
    state: &AppState,
    community: &Community,
    status: &Status,
) -> AppResult<Option<Value>> {
    let Some(author) = accounts::find_by_id(&state.db, status.account_id).await? else {
        return Ok(None);
    };
    if author.is_local() {
        let mentioned = crate::posts::model::mentioned_accounts(state, status).await?;
        let tags = posts::tags(&state.db, status.id).await?;
        let object = crate::publishing::kinds::object_json(
            state,
            status,
            &author,
            &mentioned,
            &tags,
            Some(&community.account),
        )
        .await?;
        let mut create = crate::posts::protocol::create_activity(status, &author, object);
        if let Some(o) = create.as_object_mut() {
            o.remove("@context");
        }
        Ok(Some(create))
    } else {
        // Someone else's post: its id alone, to be read from its own server.
        Ok(Some(json!({
            "type": "Create",
            "actor": author.ap_id.as_str(),
            "object": status.ap_id,
        })))
    }
}

/// `GET /c/{name}/{collection}`: followers (a count), outbox (recent posts as
/// Announces of their Creates), featured (pinned threads) and moderators.
pub async fn collection(
    data: Data<AppState>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    Path((name, which)): Path<(String, String)>,
) -> AppResult<Response> {
    require_signature(&data, &headers, &method, &uri).await?;
    let account = accounts::find_local_by_username(&data.db, &name)
        .await?
        .ok_or(AppError::NotFound)?;
    let community = model::of_account(&data.db, &account)
        .await?
        .ok_or(AppError::NotFound)?;
    let id = format!("{}/{which}", account.ap_id);
    let body = match which.as_str() {
        "followers" => {
            let (followers, _) = crate::follows::store::counts(&data.db, account.id).await?;
            // Lemmy reads the count only from this exact shape.
            json!({ "id": id, "type": "Collection", "totalItems": followers, "items": [] })
        }
        "moderators" => {
            let mut items = Vec::new();
            for fid in store::facilitator_ids(&data.db, account.id).await? {
                if let Some(a) = accounts::find_by_id(&data.db, fid).await? {
                    items.push(json!(a.ap_id.as_str()));
                }
            }
            json!({ "id": id, "type": "OrderedCollection", "totalItems": items.len(), "orderedItems": items })
        }
        "featured" => {
            let mut items = Vec::new();
            for status in store::pinned(&data.db, account.id).await? {
                if let Some(create) = create_of(&data, &community, &status).await? {
                    items.push(create["object"].clone());
                }
            }
            json!({ "id": id, "type": "OrderedCollection", "totalItems": items.len(), "orderedItems": items })
        }
        "outbox" => {
            let total = store::post_count(&data.db, account.id).await?;
            let mut items = Vec::new();
            for status in store::recent_posts(&data.db, account.id, BACKFILL_ITEMS as i64).await? {
                if let Some(create) = create_of(&data, &community, &status).await? {
                    items.push(json!({
                        "id": format!("{}/announce/{}", account.ap_id, status.id),
                        "type": "Announce",
                        "actor": account.ap_id.as_str(),
                        "to": [PUBLIC],
                        "cc": [community.followers_url()],
                        "object": create,
                    }));
                }
            }
            json!({ "id": id, "type": "OrderedCollection", "totalItems": total, "orderedItems": items })
        }
        "verified" => {
            // Each verification as the Add that made it, so a server that has
            // the report can check it here, at the Group's origin.
            let mut items = Vec::new();
            for (report, by, at) in crate::cases::store::verified_in(
                &data.db,
                account.id,
                crate::cases::model::MAX_VERIFIED as i64,
            )
            .await?
            {
                let Some(by) = by else { continue };
                let Some(moderator) = accounts::find_by_id(&data.db, by).await? else {
                    continue;
                };
                items.push(json!({
                    "type": "Add",
                    "actor": moderator.ap_id.as_str(),
                    "object": report,
                    "target": id,
                    "published": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                }));
            }
            json!({ "id": id, "type": "OrderedCollection", "totalItems": items.len(), "orderedItems": items })
        }
        _ => return Err(AppError::NotFound),
    };
    let body = WithContext::new(body, json!("https://www.w3.org/ns/activitystreams"));
    Ok(activitypub_federation::axum::json::FederationJson(body).into_response())
}

/// What a remote Group document tells of the community, kept beside its account.
pub async fn remember_remote_group(
    data: &Data<AppState>,
    account: &Account,
    moderators: Option<Url>,
    featured: Option<Url>,
    posting_restricted_to_mods: bool,
    rules: String,
) -> AppResult<()> {
    let on_origin = |u: Option<Url>| {
        u.filter(|u| same_origin(u, &account.ap_id))
            .map(|u| u.to_string())
    };
    let existing = store::find(&data.db, account.id).await?;
    let settings = store::CommunityRow {
        account_id: account.id,
        rules: rules.chars().take(10_000).collect(),
        posting_restricted_to_mods,
        moderators_url: on_origin(moderators),
        featured_url: on_origin(featured),
        created_at: existing.map(|e| e.created_at).unwrap_or_else(Utc::now),
    };
    store::upsert(&data.db, &settings).await?;
    // Whenever we read the Group, we read who facilitates it too: announced
    // moderation by a facilitator on a third server is believed by that list.
    let community = Community {
        account: account.clone(),
        settings,
    };
    if let Err(e) = sync_facilitators(data, &community).await {
        tracing::debug!(community = %account.ap_id, error = %e, "could not read the moderators");
    }
    Ok(())
}

// ----- reports from other instances -----

#[async_trait::async_trait]
impl activitypub_federation::traits::Activity for Flag {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        let objects = match &self.object {
            Value::Array(items) => items.len(),
            _ => 1,
        };
        if objects > 50 {
            return Err(AppError::bad_request("A report names too many objects"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let sender = self.actor.dereference(data).await?;
        let objects: Vec<Url> = match &self.object {
            Value::Array(items) => items.iter().filter_map(id_of).collect(),
            other => id_of(other).into_iter().collect(),
        };
        let mut target = None;
        let mut status = None;
        // Only what we know is looked at: a report never makes us fetch.
        for url in &objects {
            if let Some(s) = posts::find_by_ap_id(&data.db, url.as_str()).await? {
                status.get_or_insert(s);
            } else if let Some(a) = accounts::find_by_ap_id(&data.db, url).await? {
                target.get_or_insert(a);
            }
        }
        let mut community = None;
        for v in [&self.target, &self.audience].into_iter().flatten() {
            if let Some(url) = id_of(v)
                && let Some(a) = accounts::find_by_ap_id(&data.db, &url).await?
                && a.is_local()
            {
                community = model::of_account(&data.db, &a).await?;
            }
        }
        let reason = self.content.or(self.summary).unwrap_or_default();
        model::receive_report(data, &self.id, &sender, community, target, status, &reason).await
    }
}

// ----- moderation sent to a community here by a facilitator elsewhere -----

fn as_value<A: serde::Serialize>(activity: &A) -> AppResult<Value> {
    serde_json::to_value(activity).map_err(|e| AppError::Internal(e.into()))
}

#[async_trait::async_trait]
impl activitypub_federation::traits::Activity for ModerationActivity {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        receive_from_moderator(data, &as_value(&self)?).await
    }
}

#[async_trait::async_trait]
impl activitypub_federation::traits::Activity for UndoModeration {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if self.object.actor.inner() != self.actor.inner() {
            return Err(AppError::bad_request("Only who did it can undo it"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        receive_from_moderator(data, &as_value(&self)?).await
    }
}

/// The community here an activity sent to us is about: the one it names as its
/// audience, target or addressee, else the one the post it is about is in.
async fn community_addressed(
    data: &Data<AppState>,
    activity: &Value,
) -> AppResult<Option<Community>> {
    let mut named = Vec::new();
    for part in [activity, activity.get("object").unwrap_or(&Value::Null)] {
        for key in ["audience", "target", "to", "cc"] {
            match part.get(key) {
                Some(Value::Array(items)) => named.extend(items.iter().filter_map(id_of)),
                Some(v) => named.extend(id_of(v)),
                None => {}
            }
        }
    }
    for url in named.iter().take(20) {
        if crate::federation::is_local(data, url)
            && let Some(a) = accounts::find_by_ap_id(&data.db, url).await?
            && let Some(c) = model::of_account(&data.db, &a).await?
        {
            return Ok(Some(c));
        }
    }
    let object = activity.get("object").unwrap_or(&Value::Null);
    for about in [Some(object), object.get("object")].into_iter().flatten() {
        if let Some(id) = id_of(about)
            && let Some(status) = posts::find_by_ap_id(&data.db, id.as_str()).await?
            && let Some(cid) = status.community_id
        {
            return Ok(model::find(&data.db, cid)
                .await?
                .filter(Community::is_local));
        }
    }
    Ok(None)
}

/// A facilitator on another server removed, locked, pinned, banned or changed
/// facilitators in a community here: applied when they facilitate it (the same
/// rules as for a facilitator here), then announced by the Group as it came.
pub async fn receive_from_moderator(data: &Data<AppState>, activity: &Value) -> AppResult<()> {
    let kind = text(activity, "type").unwrap_or_default();
    let Some(community) = community_addressed(data, activity)
        .await?
        .filter(Community::is_local)
    else {
        if kind == "Delete" {
            return Err(AppError::Forbidden(
                "Only the author can delete a post".into(),
            ));
        }
        return Ok(());
    };
    let actor = activity
        .get("actor")
        .and_then(id_of)
        .ok_or_else(|| AppError::bad_request("Activity without an actor"))?;
    let actor = ObjectId::<Account>::from(actor).dereference(data).await?;
    let by = model::Moderator::received(&actor, activity);
    let object = activity.get("object").unwrap_or(&Value::Null);
    let needed = |s: Option<Status>| s.ok_or(AppError::NotFound);
    match kind.as_str() {
        "Delete" => {
            let status = needed(post_in(data, &community, object).await?)?;
            let reason = text(activity, "summary").unwrap_or_default();
            model::remove_post(data, &community, &by, &status, &reason).await
        }
        "Lock" => {
            let status = needed(post_in(data, &community, object).await?)?;
            model::set_lock(data, &community, &by, &status, true).await
        }
        "Block" => {
            if let Some(target) = activity.get("target").and_then(id_of)
                && target != community.account.ap_id
            {
                return Err(AppError::bad_request("The ban is not for this community"));
            }
            let who = person(data, object).await?;
            let reason = text(activity, "summary").unwrap_or_default();
            let expires = match text(activity, "endTime") {
                Some(t) => Some(
                    t.parse::<DateTime<Utc>>()
                        .map_err(|_| AppError::bad_request("endTime is not a date and time"))?,
                ),
                None => None,
            };
            model::ban(data, &community, &by, &who, &reason, expires).await
        }
        "Add" | "Remove" => {
            let adding = kind == "Add";
            let target = activity.get("target").and_then(id_of).map(String::from);
            if target.as_deref() == Some(community.featured_url().as_str()) {
                let status = needed(post_in(data, &community, object).await?)?;
                model::set_pin(data, &community, &by, &status, adding).await
            } else if target.as_deref() == Some(community.moderators_url().as_str()) {
                let who = person(data, object).await?;
                model::set_facilitator(data, &community, &by, &who, adding).await
            } else if target.as_deref() == Some(community.verified_url().as_str()) {
                let status = needed(post_in(data, &community, object).await?)?;
                crate::publishing::case::verify_case(data, &community, &by, &status, adding).await
            } else {
                Ok(())
            }
        }
        "Undo" => {
            let undone = object.get("object").unwrap_or(&Value::Null);
            match text(object, "type").as_deref() {
                Some("Lock") => {
                    let status = needed(post_in(data, &community, undone).await?)?;
                    model::set_lock(data, &community, &by, &status, false).await
                }
                Some("Block") => {
                    let who = person(data, undone).await?;
                    model::unban(data, &community, &by, &who).await
                }
                Some("Delete" | "Remove") => {
                    let id = id_of(undone).ok_or(AppError::NotFound)?;
                    let status = store::find_removed(&data.db, community.account.id, id.as_str())
                        .await?
                        .ok_or(AppError::NotFound)?;
                    model::restore_post(data, &community, &by, &status).await
                }
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

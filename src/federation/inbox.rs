//! The inboxes: `POST /inbox` (shared) and `POST /users/{name}/inbox`.
//!
//! We check the `Digest` against the body, fetch the actor and check the HTTP
//! signature with its key (`signing::verify_request`), and the activity's id must
//! be on the actor's server. An activity seen before is acknowledged and ignored. Types we do not act
//! on yet are acknowledged (202) once their signature checks out, as Mastodon does.

use activitypub_federation::{config::Data, fetch::object_id::ObjectId, traits::Activity};
use axum::{
    extract::{Path, Request},
    http::StatusCode,
};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    error::{AppError, AppResult},
    federation::{is_local, origin, queue, same_origin, signed_fetch, signing, store},
    follows::apub::{AcceptFollow, Follow, RejectFollow, UndoFollow},
    posts::protocol::{
        Announce, CreateNote, DeleteObject, Like, UndoAnnounce, UndoLike, UpdateNote,
    },
};

/// Largest activity we read.
pub const MAX_ACTIVITY_BYTES: usize = 256 * 1024;

/// Every activity an inbox understands, tried in order.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum InboxActivity {
    Follow(Follow),
    Accept(AcceptFollow),
    Reject(RejectFollow),
    Undo(UndoFollow),
    UndoLike(UndoLike),
    UndoAnnounce(UndoAnnounce),
    Create(Box<CreateNote>),
    Update(Box<UpdateNote>),
    UpdateActor(crate::accounts::apub::UpdateActor),
    Move(crate::accounts::apub::MoveActor),
    Delete(DeleteObject),
    Like(Like),
    Announce(Announce),
    Flag(crate::communities::apub::Flag),
    Moderation(Box<crate::communities::apub::ModerationActivity>),
    UndoModeration(Box<crate::communities::apub::UndoModeration>),
    Other(OtherActivity),
}

/// Any other activity: its signature is checked, then it is acknowledged.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct OtherActivity {
    id: Url,
    #[serde(rename = "type")]
    kind: String,
    actor: ObjectId<Account>,
}

#[async_trait::async_trait]
impl Activity for InboxActivity {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        match self {
            InboxActivity::Follow(a) => a.id(),
            InboxActivity::Accept(a) => a.id(),
            InboxActivity::Reject(a) => a.id(),
            InboxActivity::Undo(a) => a.id(),
            InboxActivity::UndoLike(a) => a.id(),
            InboxActivity::UndoAnnounce(a) => a.id(),
            InboxActivity::Announce(a) => a.id(),
            InboxActivity::Flag(a) => a.id(),
            InboxActivity::Moderation(a) => a.id(),
            InboxActivity::UndoModeration(a) => a.id(),
            InboxActivity::Create(a) => a.id(),
            InboxActivity::Update(a) => a.id(),
            InboxActivity::UpdateActor(a) => a.id(),
            InboxActivity::Move(a) => a.id(),
            InboxActivity::Delete(a) => a.id(),
            InboxActivity::Like(a) => a.id(),
            InboxActivity::Other(a) => &a.id,
        }
    }

    fn actor(&self) -> &Url {
        match self {
            InboxActivity::Follow(a) => a.actor(),
            InboxActivity::Accept(a) => a.actor(),
            InboxActivity::Reject(a) => a.actor(),
            InboxActivity::Undo(a) => a.actor(),
            InboxActivity::UndoLike(a) => a.actor(),
            InboxActivity::UndoAnnounce(a) => a.actor(),
            InboxActivity::Announce(a) => a.actor(),
            InboxActivity::Flag(a) => a.actor(),
            InboxActivity::Moderation(a) => a.actor(),
            InboxActivity::UndoModeration(a) => a.actor(),
            InboxActivity::Create(a) => a.actor(),
            InboxActivity::Update(a) => a.actor(),
            InboxActivity::UpdateActor(a) => a.actor(),
            InboxActivity::Move(a) => a.actor(),
            InboxActivity::Delete(a) => a.actor(),
            InboxActivity::Like(a) => a.actor(),
            InboxActivity::Other(a) => a.actor.inner(),
        }
    }

    async fn verify(&self, data: &Data<AppState>) -> Result<(), AppError> {
        // The crate compares host names only; an instance is host and port.
        if !same_origin(self.id(), self.actor()) {
            return Err(AppError::bad_request(
                "Activity id is not on the actor's server",
            ));
        }
        match self {
            InboxActivity::Follow(a) => a.verify(data).await,
            InboxActivity::Accept(a) => a.verify(data).await,
            InboxActivity::Reject(a) => a.verify(data).await,
            InboxActivity::Undo(a) => a.verify(data).await,
            InboxActivity::UndoLike(a) => a.verify(data).await,
            InboxActivity::UndoAnnounce(a) => a.verify(data).await,
            InboxActivity::Announce(a) => a.verify(data).await,
            InboxActivity::Flag(a) => a.verify(data).await,
            InboxActivity::Moderation(a) => a.verify(data).await,
            InboxActivity::UndoModeration(a) => a.verify(data).await,
            InboxActivity::Create(a) => a.verify(data).await,
            InboxActivity::Update(a) => a.verify(data).await,
            InboxActivity::UpdateActor(a) => a.verify(data).await,
            InboxActivity::Move(a) => a.verify(data).await,
            InboxActivity::Delete(a) => a.verify(data).await,
            InboxActivity::Like(a) => a.verify(data).await,
            InboxActivity::Other(_) => Ok(()),
        }
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        if let Some(domain) = origin(self.actor()) {
            queue::heard_from(data, &domain).await?;
        }
        // Acted on once: a repeat is acknowledged and ignored. The id is recorded
        // only after success, so a sender's retry of a failed one is not lost.
        let id = self.id().clone();
        if already_received(data, &id).await? {
            return Ok(());
        }
        let result = match self {
            InboxActivity::Follow(a) => a.receive(data).await,
            InboxActivity::Accept(a) => a.receive(data).await,
            InboxActivity::Reject(a) => a.receive(data).await,
            InboxActivity::Undo(a) => a.receive(data).await,
            InboxActivity::UndoLike(a) => a.receive(data).await,
            InboxActivity::UndoAnnounce(a) => a.receive(data).await,
            InboxActivity::Announce(a) => a.receive(data).await,
            InboxActivity::Flag(a) => a.receive(data).await,
            InboxActivity::Moderation(a) => a.receive(data).await,
            InboxActivity::UndoModeration(a) => a.receive(data).await,
            InboxActivity::Create(a) => a.receive(data).await,
            InboxActivity::Update(a) => a.receive(data).await,
            InboxActivity::UpdateActor(a) => a.receive(data).await,
            InboxActivity::Move(a) => a.receive(data).await,
            InboxActivity::Delete(a) => a.receive(data).await,
            InboxActivity::Like(a) => a.receive(data).await,
            InboxActivity::Other(a) => {
                tracing::debug!(kind = %a.kind, id = %a.id, "activity acknowledged, not acted on");
                Ok(())
            }
        };
        if result.is_ok() {
            remember(data, &id).await?;
        }
        result
    }
}

/// Whether an activity was already acted on.
async fn already_received(data: &Data<AppState>, id: &Url) -> AppResult<bool> {
    Ok(store::was_received(&data.db, id).await?)
}

/// Records that an activity was acted on.
async fn remember(data: &Data<AppState>, id: &Url) -> AppResult<()> {
    Ok(store::remember_received(&data.db, id, Utc::now()).await?)
}

/// Reads the body within our limit (a clear 413 rather than the crate's 500),
/// then hands the request to the crate's checks.
/// Checks an incoming activity as Mastodon does, then acts on it: the body within
/// our limit (413), the `Digest` matching the body (400), a parseable activity whose
/// id is on its actor's server and not ours (400), and an HTTP signature that
/// verifies with the actor's key (401). Verification is `signing::verify_request`.
async fn receive(data: &Data<AppState>, request: Request) -> AppResult<StatusCode> {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_ACTIVITY_BYTES)
        .await
        .map_err(|_| AppError::PayloadTooLarge("Activity is too large".into()))?;
    if !signing::digest_matches(parts.headers.get("digest"), &bytes) {
        return Err(AppError::bad_request("Digest does not match body"));
    }
    // Nothing is fetched or stored for a request whose signature could never verify.
    let signed = signing::check_form(
        &parts.headers,
        &parts.method,
        &parts.uri,
        &data.settings.domain,
    )
    .map_err(|e| AppError::Unauthorized(e.to_string()))?;
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        AppError::bad_request(format!(
            "Malformed activity (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    crate::federation::jsonld::normalize(&mut json);
    let activity: InboxActivity = serde_json::from_value(json)
        .map_err(|_| AppError::bad_request("Malformed activity: not one we can read"))?;
    if is_local(data, activity.id()) {
        return Err(AppError::bad_request(
            "Activity was sent from this instance",
        ));
    }
    if !queue::outbound_url_allowed(data, activity.id())
        || !queue::outbound_url_allowed(data, activity.actor())
    {
        return Err(AppError::bad_request(
            "Activity id or actor is not an address we accept",
        ));
    }
    if !same_origin(activity.id(), activity.actor()) {
        return Err(AppError::bad_request(
            "Activity id is not on the actor's server",
        ));
    }
    // An actor deleted on its server cannot be read again: its Delete of itself
    // is checked with the key we hold (and is nothing to us if we never knew it).
    if let InboxActivity::Delete(delete) = &activity
        && delete.object.0 == *activity.actor()
    {
        let Some(actor) = accounts::find_by_ap_id(&data.db, activity.actor()).await? else {
            return Ok(StatusCode::ACCEPTED);
        };
        if !signed.verifies_with(&actor.public_key_pem) {
            return Err(AppError::Unauthorized(
                "The HTTP signature does not verify with the actor's key".into(),
            ));
        }
        if !already_received(data, activity.id()).await? {
            crate::accounts::apub::receive_deletion(data, &actor).await?;
            remember(data, activity.id()).await?;
        }
        return Ok(StatusCode::ACCEPTED);
    }
    signed_fetch::signer(data, &signed, activity.actor()).await?;
    activity.verify(data).await?;
    activity.receive(data).await?;
    Ok(StatusCode::ACCEPTED)
}

/// `POST /inbox`
pub async fn shared_inbox(data: Data<AppState>, request: Request) -> AppResult<StatusCode> {
    receive(&data, request).await
}

/// `POST /users/{name}/inbox`
pub async fn person_inbox(
    data: Data<AppState>,
    Path(name): Path<String>,
    request: Request,
) -> AppResult<StatusCode> {
    accounts::find_local_by_username(&data.db, &name)
        .await?
        .ok_or(AppError::NotFound)?;
    receive(&data, request).await
}

/// `POST /c/{name}/inbox`: a community's inbox.
pub async fn community_inbox(
    data: Data<AppState>,
    Path(name): Path<String>,
    request: Request,
) -> AppResult<StatusCode> {
    accounts::find_local_by_username(&data.db, &name)
        .await?
        .filter(|a| a.actor_type == "Group")
        .ok_or(AppError::NotFound)?;
    receive(&data, request).await
}

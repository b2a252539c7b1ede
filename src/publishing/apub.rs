//! Post activities from other servers, as the crate's callbacks: each checks
//! what it can on its own (`verify`), then hands the post to `remote` or to the
//! community it was posted into (`receive`). And the Note of a post here, served
//! by its id.

use activitypub_federation::{FEDERATION_CONTENT_TYPE, config::Data, traits::Activity};
use axum::{
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
};
use serde_json::Value;
use url::Url;

use crate::{
    AppState,
    accounts::store as accounts,
    communities::{apub as community_apub, model as communities},
    error::{AppError, AppResult},
    federation::same_origin,
    notifications::{self, Kind},
    posts::{
        model::{can_see, mentioned_accounts},
        protocol::{
            self, Announce, CreateNote, DeleteObject, Like, MAX_REMOTE_CONTENT_BYTES, UndoAnnounce,
            UndoLike, UpdateNote, id_of,
        },
        store,
    },
    publishing::{
        kinds,
        remote::{Place, apply_edit, shared_post, store_boost, store_remote_note},
    },
};

/// `GET /users/{name}/statuses/{id}`: the Note of a public or unlisted post.
pub async fn note(
    data: Data<AppState>,
    headers: axum::http::HeaderMap,
    method: axum::http::Method,
    uri: axum::http::Uri,
    Path((name, id)): Path<(String, String)>,
) -> AppResult<Response> {
    crate::federation::signed_fetch::require_signature(&data, &headers, &method, &uri).await?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let status = store::find(&data.db, id).await?.ok_or(AppError::NotFound)?;
    let author = accounts::find_by_id(&data.db, status.account_id)
        .await?
        .filter(|a| a.is_local() && a.username.eq_ignore_ascii_case(&name))
        .ok_or(AppError::NotFound)?;
    if !matches!(status.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::NotFound);
    }
    let mentioned = mentioned_accounts(&data, &status).await?;
    let tags = store::tags(&data.db, status.id).await?;
    let community = communities::of_post(&data.db, &status).await?;
    let mut note = kinds::object_json(
        &data,
        &status,
        &author,
        &mentioned,
        &tags,
        community.as_ref().map(|c| &c.account),
    )
    .await?;
    note["@context"] = if note["type"] == "Article" {
        protocol::object_context(&data.settings.base_url())
    } else {
        protocol::context()
    };
    Ok((
        [(header::CONTENT_TYPE, FEDERATION_CONTENT_TYPE)],
        note.to_string(),
    )
        .into_response())
}

#[async_trait::async_trait]
impl Activity for CreateNote {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if !matches!(
            self.object.kind.as_str(),
            "Note" | "Article" | "Question" | "Page" | "Event" | "Image" | "Video" | "Audio"
        ) {
            return Err(AppError::bad_request(
                "Only posts (Note, Article, Page, Question, Event, Image, Video, Audio) are taken here",
            ));
        }
        if self.object.author().as_ref() != Some(self.actor.inner()) {
            return Err(AppError::bad_request("The post's author is not the actor"));
        }
        if !same_origin(&self.object.id, self.actor.inner()) {
            return Err(AppError::bad_request(
                "The post is not on the actor's server",
            ));
        }
        if self
            .object
            .content
            .as_ref()
            .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
        {
            return Err(AppError::PayloadTooLarge("The post is too long".into()));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let author = self.actor.dereference(data).await?;
        // Posted into a community here: its rules decide, and its Group announces it.
        let parent = match self.object.in_reply_to() {
            Some(p) => store::find_by_ap_id(&data.db, &p).await?,
            None => None,
        };
        let community =
            communities::local_target(data, &self.object.addressed(), parent.as_ref()).await?;
        if let Some(community) = community {
            return community_apub::receive_post(data, &community, self, &author, parent).await;
        }
        // A public reply to a thread in a community is a comment there.
        let into = parent
            .as_ref()
            .and_then(|p| p.community_id)
            .filter(|_| {
                matches!(
                    self.object.visibility(author.followers_url.as_deref()),
                    "public" | "unlisted"
                )
            })
            .map(|community_id| Place {
                community_id,
                title: None,
                announce: None,
            });
        store_remote_note(data, self.object, &author, into).await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl Activity for DeleteObject {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        // Who may delete what (the author, or a facilitator of the post's
        // community here) is checked on receipt, against the post we have.
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        // Deletes of things we never had change nothing.
        let Some(status) = store::find_by_ap_id(&data.db, self.object.0.as_str()).await? else {
            return Ok(());
        };
        let actor = accounts::find_by_ap_id(&data.db, self.actor.inner()).await?;
        if actor.is_some_and(|a| a.id == status.account_id) {
            let activity = as_value(&self)?;
            let unit = data.begin_write().await?;
            store::mark_deleted(&unit.db, status.id).await?;
            communities::pass_on(&unit, &status, &activity).await?;
            return unit.commit().await;
        }
        // Not the author: a facilitator removing it from a community here, or refused.
        community_apub::receive_from_moderator(data, &as_value(&self)?).await
    }
}

#[async_trait::async_trait]
impl Activity for Like {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        id_of(&self.object)
            .map(|_| ())
            .ok_or_else(|| AppError::bad_request("Like without an object"))
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let Some(object) = id_of(&self.object) else {
            return Ok(());
        };
        // Likes of posts we do not have are none of our business.
        let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await? else {
            return Ok(());
        };
        let who = self.actor.dereference(data).await?;
        if !can_see(data, Some(&who), &status).await? {
            return Err(AppError::Forbidden("That post is not for you".into()));
        }
        let activity = as_value(&self)?;
        let unit = data.begin_write().await?;
        if store::add_favourite(&unit.db, who.id, status.id, self.id.as_str()).await? {
            if let Some(author) = accounts::find_by_id(&unit.db, status.account_id).await? {
                notifications::notify(&unit.db, &author, &who, Kind::Favourite, Some(status.id))
                    .await?;
            }
            communities::pass_on(&unit, &status, &activity).await?;
        }
        unit.commit().await
    }
}

#[async_trait::async_trait]
impl Activity for UndoLike {
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
            return Err(AppError::bad_request("Only who liked can undo the like"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        if let Some(who) = accounts::find_by_ap_id(&data.db, self.actor.inner()).await? {
            store::remove_favourite_by_ap_id(&data.db, self.object.id.as_str(), who.id).await?;
            // Some servers undo with a new Like id: match the post instead.
            if let Some(object) = id_of(&self.object.object)
                && let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await?
            {
                store::remove_favourite(&data.db, who.id, status.id).await?;
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Activity for UpdateNote {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if self.object.author().as_ref() != Some(self.actor.inner())
            || !same_origin(&self.object.id, self.actor.inner())
        {
            return Err(AppError::bad_request("Only the author can edit a post"));
        }
        if self
            .object
            .content
            .as_ref()
            .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
        {
            return Err(AppError::PayloadTooLarge("The post is too long".into()));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let Some(status) = store::find_by_ap_id(&data.db, self.object.id.as_str()).await? else {
            return Ok(());
        };
        let author = self.actor.dereference(data).await?;
        if status.account_id != author.id {
            return Err(AppError::Forbidden(
                "Only the author can edit a post".into(),
            ));
        }
        apply_edit(data, &status, &self.object, Some(&as_value(&self)?)).await
    }
}

#[async_trait::async_trait]
impl Activity for Announce {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        id_of(&self.object)
            .map(|_| ())
            .ok_or_else(|| AppError::bad_request("Announce without an object"))
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let booster = self.actor.dereference(data).await?;
        // A community's Group passing on what was posted or done in it.
        if booster.actor_type == "Group" {
            return community_apub::receive_announce(data, &booster, self).await;
        }
        // A boost names the post, or (some servers, relays) embeds its Create:
        // either way only the post's id is taken, and the post read from its server.
        let shared = match self.object.get("type").and_then(Value::as_str) {
            Some("Create") => self.object.get("object").and_then(id_of),
            _ => id_of(&self.object),
        };
        let Some(object) = shared else {
            return Err(AppError::bad_request("Announce without a post"));
        };
        let Some(original) = shared_post(data, &object).await? else {
            return Ok(());
        };
        store_boost(data, &self, &booster, &original).await
    }
}

#[async_trait::async_trait]
impl Activity for UndoAnnounce {
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
            return Err(AppError::bad_request("Only who boosted can undo the boost"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        if let Some(boost) = store::find_by_ap_id(&data.db, self.object.id.as_str()).await?
            && boost.reblog_of_id.is_some()
        {
            let actor = accounts::find_by_ap_id(&data.db, self.actor.inner()).await?;
            if actor.is_some_and(|a| a.id == boost.account_id) {
                store::mark_deleted(&data.db, boost.id).await?;
            }
        }
        Ok(())
    }
}

fn as_value<A: serde::Serialize>(activity: &A) -> AppResult<Value> {
    serde_json::to_value(activity).map_err(|e| AppError::Internal(e.into()))
}

//! Follow, Accept{Follow}, Reject{Follow} and Undo{Follow} on the wire, in the
//! shapes Mastodon sends and expects.

use activitypub_federation::{
    config::Data,
    fetch::object_id::ObjectId,
    kinds::activity::{AcceptType, FollowType, RejectType, UndoType},
    traits::Activity,
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use crate::{
    AppState, accounts::model::Account, error::AppError, federation::same_origin, follows::model,
};

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FollowType,
    pub actor: ObjectId<Account>,
    pub object: ObjectId<Account>,
}

/// An activity's `object` that may be embedded or just its id: we only need the id.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum FollowRef {
    Embedded(Follow),
    Id(Url),
}

impl FollowRef {
    pub fn id(&self) -> &Url {
        match self {
            FollowRef::Embedded(f) => &f.id,
            FollowRef::Id(id) => id,
        }
    }
}

impl<'de> Deserialize<'de> for FollowRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match Value::deserialize(d)? {
            Value::String(s) => Url::parse(&s).map(FollowRef::Id).map_err(D::Error::custom),
            v @ Value::Object(_) => {
                // Embedded: must be a Follow; some servers embed it without actor/object.
                if v.get("type").and_then(Value::as_str) != Some("Follow") {
                    return Err(D::Error::custom("object is not a Follow"));
                }
                match serde_json::from_value::<Follow>(v.clone()) {
                    Ok(f) => Ok(FollowRef::Embedded(f)),
                    Err(_) => v
                        .get("id")
                        .and_then(Value::as_str)
                        .and_then(|s| Url::parse(s).ok())
                        .map(FollowRef::Id)
                        .ok_or_else(|| D::Error::custom("Follow without id")),
                }
            }
            _ => Err(D::Error::custom("object must be a Follow or its id")),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AcceptType,
    pub actor: ObjectId<Account>,
    pub object: FollowRef,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: RejectType,
    pub actor: ObjectId<Account>,
    pub object: FollowRef,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UndoType,
    pub actor: ObjectId<Account>,
    pub object: Follow,
}

fn same_server(activity_id: &Url, actor: &Url) -> Result<(), AppError> {
    if same_origin(activity_id, actor) {
        Ok(())
    } else {
        Err(AppError::bad_request(
            "Activity id is not on the actor's server",
        ))
    }
}

#[async_trait::async_trait]
impl Activity for Follow {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, data: &Data<AppState>) -> Result<(), AppError> {
        same_server(&self.id, self.actor.inner())?;
        if !self.object.is_local(data) {
            return Err(AppError::bad_request("Follow is not for someone here"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let follower = self.actor.dereference(data).await?;
        let target = self.object.dereference_local(data).await?;
        model::receive_follow(data, &self.id, &follower, &target).await
    }
}

#[async_trait::async_trait]
impl Activity for AcceptFollow {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        same_server(&self.id, self.actor.inner())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let actor = self.actor.dereference(data).await?;
        model::receive_accept(data, self.object.id(), &actor).await?;
        // Joined a remote community: read its recent history, in the background.
        if let Some(community) = crate::communities::model::of_account(&data.db, &actor).await? {
            let data = data.reset_request_count();
            tokio::spawn(async move {
                match crate::communities::apub::backfill(&data, &community).await {
                    Ok(n) => {
                        tracing::debug!(community = %community.account.ap_id, posts = n, "backfilled")
                    }
                    Err(e) => {
                        tracing::info!(community = %community.account.ap_id, error = %e, "could not read the community's outbox")
                    }
                }
            });
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Activity for RejectFollow {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        same_server(&self.id, self.actor.inner())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let actor = self.actor.dereference(data).await?;
        model::receive_reject(data, self.object.id(), &actor).await
    }
}

#[async_trait::async_trait]
impl Activity for UndoFollow {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        same_server(&self.id, self.actor.inner())?;
        if self.object.actor.inner() != self.actor.inner() {
            return Err(AppError::bad_request("Only the follower can undo a follow"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let actor = self.actor.dereference(data).await?;
        model::receive_undo(data, &self.object.id, &actor, self.object.object.inner()).await
    }
}

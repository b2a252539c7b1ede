//! Receiving Follow, Accept{Follow}, Reject{Follow} and Undo{Follow} (the
//! crate's verify/receive callbacks); their shapes are in `protocol.rs`.

use activitypub_federation::{config::Data, traits::Activity};
use url::Url;

pub use crate::follows::protocol::{AcceptFollow, Follow, FollowRef, RejectFollow, UndoFollow};
use crate::{AppState, error::AppError, federation::same_origin, follows::model};

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
        // Accepted, and the reading of a joined community's history queued: one unit.
        let unit = data.begin_write().await?;
        model::receive_accept(&unit, self.object.id(), &actor).await?;
        // Joined a remote community: its recent history is read by the queue.
        if let Some(community) = crate::communities::model::of_account(&unit.db, &actor).await? {
            crate::communities::apub::queue_backfill(&unit, &community).await?;
        }
        unit.commit().await
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

//! The rules of following: who may follow whom, when a follow is a request, and
//! which activity tells the other server.

use activitypub_federation::{
    fetch::object_id::ObjectId,
    kinds::activity::{AcceptType, FollowType, RejectType, UndoType},
    protocol::context::WithContext,
};
use url::Url;

use crate::{
    AppState,
    accounts::model::Account,
    error::{AppError, AppResult},
    federation::new_activity_id,
    federation::queue,
    follows::{
        protocol::{AcceptFollow, Follow as FollowActivity, FollowRef, RejectFollow, UndoFollow},
        store::{self, Follow},
    },
    notifications::{self, Kind},
};

fn follow_activity(
    follow: &Follow,
    follower: &Account,
    target: &Account,
) -> AppResult<FollowActivity> {
    Ok(FollowActivity {
        id: Url::parse(&follow.ap_id).map_err(|e| AppError::Internal(e.into()))?,
        kind: FollowType::Follow,
        actor: ObjectId::from(follower.ap_id.clone()),
        object: ObjectId::from(target.ap_id.clone()),
    })
}

/// `follower` (local) follows `target`. Local targets take effect at once (as a
/// request when they approve followers by hand); remote ones get a Follow and stay
/// requested until their server accepts.
pub async fn follow(state: &AppState, follower: &Account, target: &Account) -> AppResult<Follow> {
    if follower.id == target.id {
        return Err(AppError::validation("You cannot follow yourself"));
    }
    if let Some(existing) = store::find(&state.db, follower.id, target.id).await? {
        return Ok(existing);
    }
    let id = new_activity_id(state, "follow")?;
    let accepted = target.is_local() && !target.locked;
    // The follow, its notification and its Follow activity: one unit.
    let unit = state.begin_write().await?;
    let state = unit.state();
    let follow = store::insert(&state.db, follower.id, target.id, id.as_str(), accepted).await?;
    let kind = if accepted {
        Kind::Follow
    } else {
        Kind::FollowRequest
    };
    notifications::notify(&state.db, target, follower, kind, None).await?;
    if !target.is_local() {
        let activity = WithContext::new_default(follow_activity(&follow, follower, target)?);
        queue::deliver(
            state,
            &id,
            &follower.ap_id,
            &activity,
            std::slice::from_ref(target),
        )
        .await?;
    }
    unit.commit().await?;
    Ok(follow)
}

/// An account moved (its `Move` checked by the caller): every local follower of
/// the old account follows the new one and stops following the old, as Mastodon
/// does.
pub async fn receive_move(state: &AppState, old: &Account, new: &Account) -> AppResult<()> {
    let unit = state.begin_write().await?;
    let state = unit.state();
    for id in store::local_followers(&state.db, old.id).await? {
        let Some(follower) = crate::accounts::store::find_by_id(&state.db, id).await? else {
            continue;
        };
        if follower.id == new.id {
            continue;
        }
        follow(state, &follower, new).await?;
        unfollow(state, &follower, old).await?;
    }
    unit.commit().await
}

/// Stops following (or withdraws the request); the other server gets an Undo.
pub async fn unfollow(state: &AppState, follower: &Account, target: &Account) -> AppResult<()> {
    let Some(follow) = store::find(&state.db, follower.id, target.id).await? else {
        return Ok(());
    };
    let unit = state.begin_write().await?;
    let state = unit.state();
    store::delete(&state.db, follow.id).await?;
    notifications::withdraw(&state.db, target.id, follower.id, Kind::FollowRequest).await?;
    if !target.is_local() {
        let id = new_activity_id(state, "undo")?;
        let activity = WithContext::new_default(UndoFollow {
            id: id.clone(),
            kind: UndoType::Undo,
            actor: ObjectId::from(follower.ap_id.clone()),
            object: follow_activity(&follow, follower, target)?,
        });
        queue::deliver(
            state,
            &id,
            &follower.ap_id,
            &activity,
            std::slice::from_ref(target),
        )
        .await?;
    }
    unit.commit().await
}

/// Tells a remote follower that `target` accepted (or rejected) their follow.
async fn answer(
    state: &AppState,
    follow: &Follow,
    follower: &Account,
    target: &Account,
    accept: bool,
) -> AppResult<()> {
    if follower.is_local() {
        return Ok(());
    }
    let object = FollowRef::Embedded(follow_activity(follow, follower, target)?);
    let actor = ObjectId::from(target.ap_id.clone());
    if accept {
        let id = new_activity_id(state, "accept")?;
        let activity = WithContext::new_default(AcceptFollow {
            id: id.clone(),
            kind: AcceptType::Accept,
            actor,
            object,
        });
        queue::deliver(
            state,
            &id,
            &target.ap_id,
            &activity,
            std::slice::from_ref(follower),
        )
        .await
    } else {
        let id = new_activity_id(state, "reject")?;
        let activity = WithContext::new_default(RejectFollow {
            id: id.clone(),
            kind: RejectType::Reject,
            actor,
            object,
        });
        queue::deliver(
            state,
            &id,
            &target.ap_id,
            &activity,
            std::slice::from_ref(follower),
        )
        .await
    }
}

/// A remote person's Follow for a local person arrived.
pub async fn receive_follow(
    state: &AppState,
    follow_id: &Url,
    follower: &Account,
    target: &Account,
) -> AppResult<()> {
    let unit = state.begin_write().await?;
    let state = unit.state();
    let existing = store::find(&state.db, follower.id, target.id).await?;
    let follow = match existing {
        // Already following: a repeated Follow (new id) just gets accepted again.
        Some(f) => f,
        None => {
            let follow = store::insert(
                &state.db,
                follower.id,
                target.id,
                follow_id.as_str(),
                !target.locked,
            )
            .await?;
            let kind = if follow.accepted {
                Kind::Follow
            } else {
                Kind::FollowRequest
            };
            notifications::notify(&state.db, target, follower, kind, None).await?;
            follow
        }
    };
    if follow.accepted {
        let mut answered = follow.clone();
        answered.ap_id = follow_id.to_string();
        answer(state, &answered, follower, target, true).await?;
    }
    unit.commit().await
}

/// The followed person's server accepted one of our follows.
pub async fn receive_accept(state: &AppState, follow_id: &Url, actor: &Account) -> AppResult<()> {
    match store::find_by_ap_id(&state.db, follow_id.as_str()).await? {
        Some(follow) if follow.followed_id == actor.id => {
            store::accept(&state.db, follow.id).await?;
            Ok(())
        }
        Some(_) => Err(AppError::Forbidden(
            "Only the followed person can accept".into(),
        )),
        // Withdrawn meanwhile: nothing to do.
        None => Ok(()),
    }
}

/// The followed person's server rejected one of our follows, or removed us.
pub async fn receive_reject(state: &AppState, follow_id: &Url, actor: &Account) -> AppResult<()> {
    let by_id = store::find_by_ap_id(&state.db, follow_id.as_str()).await?;
    match by_id {
        Some(follow) if follow.followed_id == actor.id => {
            store::delete(&state.db, follow.id).await?;
            Ok(())
        }
        Some(_) => Err(AppError::Forbidden(
            "Only the followed person can reject".into(),
        )),
        None => Ok(()),
    }
}

/// A remote follower took their follow back.
pub async fn receive_undo(
    state: &AppState,
    follow_id: &Url,
    actor: &Account,
    target_id: &Url,
) -> AppResult<()> {
    let follow = match store::find_by_ap_id(&state.db, follow_id.as_str()).await? {
        Some(follow) => Some(follow),
        // Some servers put a new Follow id in the Undo: match by the pair instead.
        None => match crate::accounts::store::find_by_ap_id(&state.db, target_id).await? {
            Some(target) => store::find(&state.db, actor.id, target.id).await?,
            None => None,
        },
    };
    if let Some(follow) = follow {
        if follow.follower_id != actor.id {
            return Err(AppError::Forbidden(
                "Only the follower can undo a follow".into(),
            ));
        }
        let unit = state.begin_write().await?;
        store::delete(&unit.db, follow.id).await?;
        notifications::withdraw(&unit.db, follow.followed_id, actor.id, Kind::FollowRequest)
            .await?;
        unit.commit().await?;
    }
    Ok(())
}

/// A local person approves a follow request.
pub async fn authorize(state: &AppState, target: &Account, follower: &Account) -> AppResult<()> {
    let follow = store::find(&state.db, follower.id, target.id)
        .await?
        .filter(|f| !f.accepted)
        .ok_or(AppError::NotFound)?;
    let unit = state.begin_write().await?;
    store::accept(&unit.db, follow.id).await?;
    notifications::withdraw(&unit.db, target.id, follower.id, Kind::FollowRequest).await?;
    notifications::notify(&unit.db, target, follower, Kind::Follow, None).await?;
    answer(&unit, &follow, follower, target, true).await?;
    unit.commit().await
}

/// A local person turns a follow request down, or removes a follower.
pub async fn reject(state: &AppState, target: &Account, follower: &Account) -> AppResult<()> {
    let follow = store::find(&state.db, follower.id, target.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let unit = state.begin_write().await?;
    store::delete(&unit.db, follow.id).await?;
    notifications::withdraw(&unit.db, target.id, follower.id, Kind::FollowRequest).await?;
    answer(&unit, &follow, follower, target, false).await?;
    unit.commit().await
}

//! `authorized_fetch` (Mastodon's secure mode): GETs of actors, posts and
//! collections must carry a valid HTTP signature, as Mastodon sends them on GETs
//! (cavage, `(request-target) host date`, no Digest).

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use axum::http::{HeaderMap, Method, Uri};
use chrono::Utc;
use url::Url;

use crate::{
    AppState,
    accounts::model::Account,
    error::{AppError, AppResult},
    federation::signing,
};

fn refused() -> AppError {
    AppError::Unauthorized("Request not signed".into())
}

/// Refuses the request unless authorized fetch is off or it is signed by a
/// known (or fetchable) actor's key. Returns the signer when there is one.
pub async fn require_signature(
    data: &Data<AppState>,
    headers: &HeaderMap,
    method: &Method,
    uri: &Uri,
) -> AppResult<Option<Account>> {
    if !data.settings.federation.authorized_fetch {
        return Ok(None);
    }
    let signed =
        signing::check_form(headers, method, uri, &data.settings.domain).map_err(|_| refused())?;
    let actor_id = signed.key_owner().ok_or_else(refused)?;
    let signer = signer(data, &signed, &actor_id)
        .await
        .map_err(|e| match e {
            AppError::Unauthorized(_) => AppError::Unauthorized("Invalid HTTP signature".into()),
            _ => refused(),
        })?;
    Ok(Some(signer))
}

/// Seconds between two forced reads of one actor for a failed signature.
const KEY_REFRESH_SECONDS: i64 = 60;

/// The actor whose key signed a request (its form already checked): verified
/// with the key we hold, and when that fails, once more with the key its server
/// serves now (a rotated key), reading it at most once a minute.
pub async fn signer(
    data: &Data<AppState>,
    signed: &signing::SignedRequest,
    actor_id: &Url,
) -> AppResult<Account> {
    let actor = ObjectId::<Account>::from(actor_id.clone())
        .dereference(data)
        .await?;
    if signed.verifies_with(&actor.public_key_pem) {
        return Ok(actor);
    }
    let read_recently = actor
        .fetched_at
        .is_some_and(|t| (Utc::now() - t).num_seconds() < KEY_REFRESH_SECONDS);
    if !actor.is_local() && !read_recently {
        let fresh = ObjectId::<Account>::from(actor_id.clone())
            .dereference_forced(data)
            .await?;
        if signed.verifies_with(&fresh.public_key_pem) {
            return Ok(fresh);
        }
    }
    Err(AppError::Unauthorized(
        "The HTTP signature does not verify with the actor's key".into(),
    ))
}

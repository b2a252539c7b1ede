//! `authorized_fetch` (Mastodon's secure mode): GETs of actors, posts and
//! collections must carry a valid HTTP signature, as Mastodon sends them on GETs
//! (cavage, `(request-target) host date`, no Digest).

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use axum::http::{HeaderMap, Method, Uri};
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
    let domain = &data.settings.domain;
    let key_id = signing::key_id(headers, method, uri, domain).map_err(|_| refused())?;
    let actor_id = key_id
        .split('#')
        .next()
        .and_then(|id| Url::parse(id).ok())
        .ok_or_else(refused)?;
    let signer = ObjectId::<Account>::from(actor_id)
        .dereference(data)
        .await
        .map_err(|_| refused())?;
    signing::verify_request(headers, method, uri, &signer.public_key_pem, domain)
        .map_err(|_| AppError::Unauthorized("Invalid HTTP signature".into()))?;
    Ok(Some(signer))
}

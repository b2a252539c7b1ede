//! `authorized_fetch` (Mastodon's secure mode): GETs of actors, posts and
//! collections must carry a valid HTTP signature, as Mastodon sends them on GETs
//! (cavage, `(request-target) host date`, no Digest).

use std::{collections::BTreeMap, sync::LazyLock, time::Duration};

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use axum::http::{HeaderMap, Method, Uri};
use http_signature_normalization::Config;
use url::Url;

use crate::{
    AppState,
    accounts::model::Account,
    error::{AppError, AppResult},
    federation::signing,
};

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::new()
        .mastodon_compat()
        .set_expiration(Duration::from_secs(3600))
});

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
    let mut map: BTreeMap<String, String> = headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    // Behind some proxies Host is missing: it can only have been our domain.
    map.entry("host".into())
        .or_insert_with(|| data.settings.domain.clone());
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let unverified = CONFIG
        .begin_verify(method.as_str(), path, map)
        .map_err(|_| refused())?;
    let actor_id = unverified
        .key_id()
        .split('#')
        .next()
        .and_then(|id| Url::parse(id).ok())
        .ok_or_else(refused)?;
    let signer = ObjectId::<Account>::from(actor_id)
        .dereference(data)
        .await
        .map_err(|_| refused())?;
    let key = signer.public_key_pem.clone();
    if unverified
        .verify(|signature, signing_string| signing::verify(&key, signature, signing_string))
    {
        Ok(Some(signer))
    } else {
        Err(AppError::Unauthorized("Invalid HTTP signature".into()))
    }
}

//! Finding a person by `name` or `name@domain`: here, already known, or read
//! from their server through WebFinger. Used by the API, search and mentions.

use activitypub_federation::{
    config::Data,
    fetch::{object_id::ObjectId, webfinger::webfinger_resolve_actor},
};

use crate::{
    AppState,
    accounts::{model::Account, store},
    error::{AppError, AppResult},
};

/// Finds `name` or `name@domain`: local, known, or (when `may_fetch`) fetched from
/// its server.
pub async fn resolve_acct(
    data: &Data<AppState>,
    acct: &str,
    may_fetch: bool,
) -> AppResult<Account> {
    let (name, domain) = match acct.rsplit_once('@') {
        Some((n, d)) if d.eq_ignore_ascii_case(&data.settings.domain) => (n, None),
        Some((n, d)) => (n, Some(d)),
        None => (acct, None),
    };
    if name.is_empty() || name.len() > 200 {
        return Err(AppError::NotFound);
    }
    match domain {
        None => store::find_local_by_username(&data.db, name)
            .await?
            .ok_or(AppError::NotFound),
        Some(domain) => {
            let known = store::find_remote_by_acct(&data.db, name, domain).await?;
            match (known, may_fetch) {
                // Refreshed from its server when stale; the stored copy if that fails.
                (Some(known), true) => {
                    return ObjectId::<Account>::from(known.ap_id)
                        .dereference(data)
                        .await;
                }
                (Some(known), false) => return Ok(known),
                (None, false) => return Err(AppError::NotFound),
                (None, true) => {}
            }
            let identifier = format!("{name}@{}", domain.to_ascii_lowercase());
            webfinger_resolve_actor::<AppState, Account>(&identifier, data)
                .await
                .map_err(|e| match e {
                    AppError::Remote(_) | AppError::BadRequest(_) => AppError::NotFound,
                    other => other,
                })
        }
    }
}

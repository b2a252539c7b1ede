//! Search, as Mastodon does it without a full-text index: accounts by name,
//! `@name@domain` or address (resolved from their server when asked), posts by
//! address, hashtags by prefix.

pub mod pages;

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use axum::Json;
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{
        api::account_json_with_counts, model::Account, resolve::resolve_acct, store as accounts,
    },
    api::{MaybeAuth, Params, flex_bool},
    error::{AppError, AppResult},
    posts::{model::can_see, store as posts},
    publishing::{api::status_json, remote::resolve_post},
};

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    resolve: Option<bool>,
    limit: Option<String>,
}

fn limit(q: &SearchQuery) -> i64 {
    q.limit
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or(20_i64)
        .clamp(1, 40)
}

/// Accounts for a query; remote ones fetched only when `resolve` and signed in.
pub(crate) async fn find_accounts(
    data: &Data<AppState>,
    text: &str,
    fetch: bool,
    limit: i64,
) -> AppResult<Vec<Account>> {
    if let Ok(url) = Url::parse(text)
        && matches!(url.scheme(), "http" | "https")
    {
        if let Some(known) = accounts::find_by_ap_id(&data.db, &url).await? {
            return Ok(vec![known]);
        }
        if fetch {
            return Ok(ObjectId::<Account>::from(url)
                .dereference(data)
                .await
                .map(|a| vec![a])
                .unwrap_or_default());
        }
        return Ok(vec![]);
    }
    let handle = text.trim_start_matches('@');
    if handle.contains('@') {
        return Ok(resolve_acct(data, handle, fetch)
            .await
            .map(|a| vec![a])
            .unwrap_or_default());
    }
    Ok(accounts::search(&data.db, handle, limit).await?)
}

/// `GET /api/v2/search`
pub async fn search(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Params(q): Params<SearchQuery>,
) -> AppResult<Json<Value>> {
    let viewer = match &auth {
        Some(a) => {
            a.require("read:search")?;
            a.user.as_ref().map(|(account, _)| account)
        }
        None => None,
    };
    let text = q.q.clone().unwrap_or_default().trim().to_string();
    if text.is_empty() {
        return Err(AppError::bad_request("Missing parameter q"));
    }
    // Only signed-in people may make us fetch from other servers.
    let fetch = q.resolve.unwrap_or(false) && viewer.is_some();
    let want = |k: &str| q.kind.as_deref().is_none_or(|t| t == k);
    let limit = limit(&q);
    let mut found_accounts = Vec::new();
    if want("accounts") {
        for a in find_accounts(&data, &text, fetch, limit).await? {
            found_accounts.push(account_json_with_counts(&data, &a).await?);
        }
    }
    let mut statuses = Vec::new();
    if want("statuses")
        && let Ok(url) = Url::parse(&text)
        && matches!(url.scheme(), "http" | "https")
    {
        let post = if fetch {
            resolve_post(&data, &url).await.unwrap_or(None)
        } else {
            posts::find_by_uri_or_url(&data.db, url.as_str()).await?
        };
        if let Some(post) = post
            && can_see(&data, viewer, &post).await?
        {
            statuses.push(status_json(&data, &post, viewer).await?);
        }
    }
    let mut hashtags = Vec::new();
    if want("hashtags")
        && let Some(prefix) = crate::posts::model::normalize_tag(&text)
    {
        let base = data.settings.base_url();
        for name in posts::hashtags_like(&data.db, &prefix, limit).await? {
            hashtags
                .push(json!({ "name": name, "url": format!("{base}/tags/{name}"), "history": [] }));
        }
    }
    Ok(Json(json!({
        "accounts": found_accounts,
        "statuses": statuses,
        "hashtags": hashtags,
    })))
}

/// `GET /api/v1/accounts/search`
pub async fn accounts_search(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Params(q): Params<SearchQuery>,
) -> AppResult<Json<Value>> {
    let signed_in = match &auth {
        Some(a) => {
            a.require_any(&["read:accounts", "read:search"])?;
            a.user.is_some()
        }
        None => false,
    };
    let text = q.q.clone().unwrap_or_default().trim().to_string();
    if text.is_empty() {
        return Err(AppError::bad_request("Missing parameter q"));
    }
    let fetch = q.resolve.unwrap_or(false) && signed_in;
    let mut out = Vec::new();
    for a in find_accounts(&data, &text, fetch, limit(&q)).await? {
        out.push(account_json_with_counts(&data, &a).await?);
    }
    Ok(Json(Value::Array(out)))
}

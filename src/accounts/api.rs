//! Mastodon's account endpoints and the Account entity.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{Path, Query},
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{
        model::{self, Account, ProfileUpdate, User},
        resolve::resolve_acct,
        store,
    },
    api::{Auth, MaybeAuth, Params, flex_bool, flex_list},
    error::{AppError, AppResult},
};

/// Mastodon's Account entity with its follower and following counts.
pub async fn account_json_with_counts(state: &AppState, account: &Account) -> AppResult<Value> {
    let (followers, following, statuses) = store::counts(&state.db, account.id).await?;
    let mut body = account_json(account, (followers, following));
    body["statuses_count"] = json!(statuses);
    Ok(body)
}

/// Mastodon's Account entity. `created_at` is the day, as Mastodon sends it.
pub fn account_json(account: &Account, (followers, following): (i64, i64)) -> Value {
    let day = account
        .created_at
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc());
    let fields: Vec<Value> = account
        .profile
        .labelled()
        .into_iter()
        .map(|(name, value)| {
            json!({ "name": name, "value": crate::web::escape(&value), "verified_at": null })
        })
        .collect();
    let avatar = account.avatar_url.clone().unwrap_or_default();
    let header = account.header_url.clone().unwrap_or_default();
    json!({
        "id": account.id.to_string(),
        "username": account.username,
        "acct": account.acct(),
        "display_name": account.display_name,
        "locked": account.locked,
        "bot": account.bot || account.actor_type == "Service" || account.actor_type == "Application",
        "discoverable": account.discoverable,
        "indexable": account.indexable,
        "group": account.actor_type == "Group",
        "created_at": day.unwrap_or(account.created_at).to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "note": account.note_html,
        "url": account.profile_url(),
        "uri": account.ap_id.as_str(),
        "avatar": avatar,
        "avatar_static": avatar,
        "header": header,
        "header_static": header,
        "followers_count": followers,
        "following_count": following,
        "statuses_count": 0,
        "last_status_at": null,
        "hide_collections": false,
        "noindex": !account.indexable,
        "emojis": [],
        "roles": [],
        "fields": fields,
        "collegium": {
            "school_subjects": account.profile.school_subjects,
            "subjects": account.profile.subjects,
            "education_levels": account.profile.education_levels,
            "languages": account.profile.languages,
            "country": account.profile.country,
            "region": account.profile.region,
            "school": account.profile.school,
        },
    })
}

/// The CredentialAccount: the Account plus `source` and `role`.
pub async fn credential_account_json(
    state: &AppState,
    account: &Account,
    user: &User,
) -> AppResult<Value> {
    let mut body = account_json_with_counts(state, account).await?;
    let requests = crate::follows::store::list(&state.db, account.id, true, false, None, 1000)
        .await?
        .len();
    body["source"] = json!({
        "privacy": user.default_visibility(),
        "sensitive": false,
        "language": account.profile.languages.first().cloned().unwrap_or_default(),
        "note": account.note_source,
        // Plain text here, as Mastodon has it: apps edit these.
        "fields": account
            .profile
            .labelled()
            .into_iter()
            .map(|(name, value)| json!({ "name": name, "value": value, "verified_at": null }))
            .collect::<Vec<_>>(),
        "follow_requests_count": requests,
        "hide_collections": false,
        "discoverable": account.discoverable,
        "indexable": account.indexable,
        "attribution_domains": [],
    });
    let (id, permissions) = match user.role {
        model::Role::Member => ("-99", "0"),
        model::Role::Facilitator => ("1", "0"),
        model::Role::Moderator => ("2", "1308"),
        model::Role::Admin => ("3", "1"),
    };
    body["role"] = json!({
        "id": id,
        "name": user.role.label(),
        "permissions": permissions,
        "color": "",
        "highlighted": user.role >= model::Role::Moderator,
    });
    Ok(body)
}

/// `GET /api/v1/accounts/verify_credentials`
pub async fn verify_credentials(data: Data<AppState>, auth: Auth) -> AppResult<Json<Value>> {
    auth.require_any(&["read:accounts", "profile"])?;
    let (account, user) = auth.user()?;
    Ok(Json(credential_account_json(&data, account, user).await?))
}

#[derive(Deserialize, Default)]
pub struct SourceParams {
    privacy: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct UpdateCredentials {
    display_name: Option<String>,
    note: Option<String>,
    avatar_url: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    locked: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    bot: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    discoverable: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    indexable: Option<bool>,
    header_url: Option<String>,
    /// Mastodon's `source[privacy]` (and `source[…]` it does not use here).
    source: Option<SourceParams>,
    #[serde(default, deserialize_with = "flex_list")]
    school_subjects: Option<Vec<String>>,
    #[serde(default, deserialize_with = "flex_list")]
    subjects: Option<Vec<String>>,
    #[serde(default, deserialize_with = "flex_list")]
    education_levels: Option<Vec<String>>,
    #[serde(default, deserialize_with = "flex_list")]
    languages: Option<Vec<String>>,
    country: Option<String>,
    region: Option<String>,
    school: Option<String>,
}

/// `PATCH /api/v1/accounts/update_credentials`
pub async fn update_credentials(
    data: Data<AppState>,
    auth: Auth,
    Params(p): Params<UpdateCredentials>,
) -> AppResult<Json<Value>> {
    auth.require("write:accounts")?;
    let (account, user) = auth.user()?;
    let mut user = user.clone();
    // Checked before anything is written: a refused change changes nothing.
    let privacy = match p.source.as_ref().and_then(|s| s.privacy.as_deref()) {
        Some(v) if !model::VISIBILITIES.contains(&v.trim()) => {
            return Err(AppError::validation(format!(
                "Visibility {v:?} is not one of public, unlisted, private, direct"
            )));
        }
        other => other.map(|v| v.trim().to_string()),
    };
    let updated = crate::publishing::local::update_profile(
        &data,
        account,
        ProfileUpdate {
            display_name: p.display_name,
            note: p.note,
            avatar_url: p.avatar_url,
            header_url: p.header_url,
            uploaded_pictures: false,
            locked: p.locked,
            bot: p.bot,
            discoverable: p.discoverable,
            indexable: p.indexable,
            school_subjects: p.school_subjects,
            subjects: p.subjects,
            education_levels: p.education_levels,
            languages: p.languages,
            country: p.country,
            region: p.region,
            school: p.school,
        },
    )
    .await?;
    if let Some(privacy) = privacy {
        model::set_default_visibility(&data, &user, &privacy).await?;
        user.default_visibility = Some(privacy);
    }
    Ok(Json(credential_account_json(&data, &updated, &user).await?))
}

/// `GET /api/v1/accounts/{id}`
pub async fn show(
    data: Data<AppState>,
    MaybeAuth(_auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let account = store::find_by_id(&data.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(account_json_with_counts(&data, &account).await?))
}

#[derive(Deserialize)]
pub struct LookupQuery {
    acct: Option<String>,
}

/// `GET /api/v1/accounts/lookup?acct=name` or `name@domain`. For a signed-in
/// person, a remote account we do not know yet is resolved by WebFinger and
/// fetched (signed by the instance); anonymous callers only find known accounts,
/// so strangers cannot make us send requests.
pub async fn lookup(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Query(q): Query<LookupQuery>,
) -> AppResult<Json<Value>> {
    let acct = q
        .acct
        .map(|a| a.trim().trim_start_matches('@').to_string())
        .filter(|a| !a.is_empty())
        .ok_or_else(|| AppError::bad_request("Missing parameter acct"))?;
    let may_fetch = auth.is_some_and(|a| a.user.is_some());
    let account = resolve_acct(&data, &acct, may_fetch).await?;
    Ok(Json(account_json_with_counts(&data, &account).await?))
}

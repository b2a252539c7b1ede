//! The JSON endpoints of communities, under `/api/collegium/v1/communities`
//! (docs/api.md). Errors have the shape of the rest of the API.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{Path, Query},
};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{
        api::account_json_with_counts,
        model::{Account, Role},
        resolve::resolve_acct,
        store as accounts,
    },
    api::{Auth, MaybeAuth, Params, flex_bool, flex_list},
    communities::{
        model::{self, Community, CommunityForm, Moderator},
        store,
    },
    error::{AppError, AppResult},
    follows::{model as follows_model, store as follows},
    posts::store as posts,
    publishing::api::status_json,
};

/// The community entity.
pub async fn community_json(
    state: &AppState,
    community: &Community,
    viewer: Option<&Account>,
) -> AppResult<Value> {
    let a = &community.account;
    let (members, _) = follows::counts(&state.db, a.id).await?;
    let mut facilitators = Vec::new();
    for id in store::facilitator_ids(&state.db, a.id).await? {
        if let Some(f) = accounts::find_by_id(&state.db, id).await? {
            facilitators.push(json!({
                "id": f.id.to_string(),
                "acct": f.acct(),
                "display_name": f.display_name,
                "url": f.profile_url(),
            }));
        }
    }
    let (membership, facilitator, banned) = match viewer {
        Some(v) => {
            let follow = follows::find(&state.db, v.id, a.id).await?;
            let membership = match follow {
                Some(f) if f.accepted => "member",
                Some(_) => "requested",
                None => "none",
            };
            (
                membership,
                model::is_facilitator(state, community, v).await?,
                store::active_ban(&state.db, a.id, v.id).await?.is_some(),
            )
        }
        None => ("none", false, false),
    };
    Ok(json!({
        "id": a.id.to_string(),
        "name": a.username,
        "acct": a.acct(),
        "title": a.shown_name(),
        "summary": a.note_html,
        "url": a.profile_url(),
        "uri": a.ap_id.as_str(),
        "local": a.is_local(),
        "rules": community.settings.rules,
        "languages": a.profile.languages,
        "topics": a.profile.subjects,
        "country": a.profile.country,
        "region": a.profile.region,
        "posting_restricted_to_mods": community.settings.posting_restricted_to_mods,
        "manually_approves_members": a.locked,
        "discoverable": a.discoverable,
        "icon": a.avatar_url,
        "banner": a.header_url,
        "members_count": members,
        "posts_count": store::post_count(&state.db, a.id).await?,
        "facilitators": facilitators,
        "created_at": community.settings.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "membership": membership,
        "facilitator": facilitator,
        "banned": banned,
    }))
}

async fn community_by_id(state: &AppState, id: &str) -> AppResult<Community> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    model::find(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn account_by_id(state: &AppState, id: &str) -> AppResult<Account> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
    accounts::find_by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn viewer(auth: &Option<Auth>) -> Option<&Account> {
    auth.as_ref()
        .and_then(|a| a.user.as_ref())
        .map(|(account, _)| account)
}

fn role(auth: &Auth) -> Option<Role> {
    auth.user.as_ref().map(|(_, u)| u.role)
}

#[derive(Deserialize, Default)]
pub struct CommunityParams {
    name: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    rules: Option<String>,
    #[serde(default, deserialize_with = "flex_list")]
    languages: Option<Vec<String>>,
    #[serde(default, deserialize_with = "flex_list")]
    topics: Option<Vec<String>>,
    country: Option<String>,
    region: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    posting_restricted_to_mods: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    manually_approves_members: Option<bool>,
    #[serde(default, deserialize_with = "flex_bool")]
    discoverable: Option<bool>,
}

impl CommunityParams {
    fn form(self) -> (Option<String>, CommunityForm) {
        (
            self.name,
            CommunityForm {
                title: self.title,
                summary: self.summary,
                rules: self.rules,
                languages: self.languages,
                topics: self.topics,
                country: self.country,
                region: self.region,
                posting_restricted_to_mods: self.posting_restricted_to_mods,
                manually_approves_members: self.manually_approves_members,
                discoverable: self.discoverable,
            },
        )
    }
}

/// `POST /api/collegium/v1/communities`: facilitators, moderators and admins open one.
pub async fn create(
    data: Data<AppState>,
    auth: Auth,
    Params(p): Params<CommunityParams>,
) -> AppResult<Json<Value>> {
    auth.require("write")?;
    let (me, user) = auth.user()?;
    if !model::may_open_communities(user.role) {
        return Err(AppError::Forbidden(
            "Only facilitators and admins can open communities".into(),
        ));
    }
    let (name, form) = p.form();
    let name = name
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| AppError::validation("Name can't be blank"))?;
    let community = model::create(&data, me, &name, form).await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `PATCH /api/collegium/v1/communities/{id}`
pub async fn update(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<CommunityParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let (name, form) = p.form();
    if name.is_some_and(|n| n != community.account.username) {
        return Err(AppError::validation("A community's name cannot change"));
    }
    let community = model::update(&data, &community, me, role(&auth), form).await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `GET /api/collegium/v1/communities/{id}`
pub async fn show(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let community = community_by_id(&data, &id).await?;
    Ok(Json(
        community_json(&data, &community, viewer(&auth)).await?,
    ))
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    language: Option<String>,
    country: Option<String>,
    topic: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    local: Option<bool>,
    limit: Option<String>,
    offset: Option<String>,
}

fn number(v: Option<&str>, default: i64, max: i64) -> AppResult<i64> {
    match v.filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(|n| n.min(max))
            .ok_or_else(|| AppError::bad_request(format!("{s:?} is not a number"))),
    }
}

/// The communities here and known from elsewhere that a directory lists, filtered.
pub async fn directory(state: &AppState, q: &ListQuery) -> AppResult<Vec<Community>> {
    let limit = number(q.limit.as_deref(), 40, 80)?;
    let offset = number(q.offset.as_deref(), 0, 100_000)?;
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if text.is_some_and(|t| t.chars().count() > 200) {
        return Err(AppError::bad_request("The search is too long"));
    }
    let language = q
        .language
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_lowercase);
    let country = q
        .country
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_uppercase);
    let topic = q
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase);
    // Filters on list fields are applied here: the lists are small JSON arrays.
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut page = 0;
    while (out.len() as i64) < limit {
        let batch = store::list(&state.db, text, q.local.unwrap_or(false), 200, page * 200).await?;
        if batch.is_empty() {
            break;
        }
        page += 1;
        for account in batch {
            let p = &account.profile;
            let ok = (account.discoverable || account.is_local())
                && language
                    .as_ref()
                    .is_none_or(|l| p.languages.iter().any(|x| x == l))
                && country
                    .as_ref()
                    .is_none_or(|c| p.country.as_deref() == Some(c.as_str()))
                && topic
                    .as_ref()
                    .is_none_or(|t| p.subjects.iter().any(|x| x.to_lowercase() == *t));
            if !ok {
                continue;
            }
            if skipped < offset {
                skipped += 1;
                continue;
            }
            if let Some(c) = model::of_account(&state.db, &account).await? {
                out.push(c);
            }
            if out.len() as i64 >= limit {
                break;
            }
        }
    }
    Ok(out)
}

/// `GET /api/collegium/v1/communities?q=&language=&country=&topic=&local=`
pub async fn list(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<Value>> {
    let communities = directory(&data, &q).await?;
    let mut out = Vec::new();
    for c in &communities {
        out.push(community_json(&data, c, viewer(&auth)).await?);
    }
    Ok(Json(Value::Array(out)))
}

#[derive(Deserialize)]
pub struct LookupQuery {
    acct: Option<String>,
}

/// `GET /api/collegium/v1/communities/lookup?acct=name@domain` (or a URL): finds a
/// community here or on another server (signed-in people may make us fetch it).
pub async fn lookup(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Query(q): Query<LookupQuery>,
) -> AppResult<Json<Value>> {
    let acct = q
        .acct
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| AppError::bad_request("acct is required"))?;
    let signed_in = viewer(&auth).is_some();
    let account = if acct.starts_with("https://") || acct.starts_with("http://") {
        let url = url::Url::parse(acct.trim()).map_err(|_| AppError::bad_request("Not a URL"))?;
        match accounts::find_by_ap_id(&data.db, &url).await? {
            Some(a) => a,
            None if signed_in => {
                activitypub_federation::fetch::object_id::ObjectId::<Account>::from(url)
                    .dereference(&data)
                    .await?
            }
            None => return Err(AppError::NotFound),
        }
    } else {
        resolve_acct(&data, acct.trim().trim_start_matches('@'), signed_in).await?
    };
    let community = model::of_account(&data.db, &account)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(
        community_json(&data, &community, viewer(&auth)).await?,
    ))
}

/// `POST /api/collegium/v1/communities/{id}/join`: follows the Group (a request
/// when a facilitator approves members).
pub async fn join(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write:follows", "follow", "write"], &id).await?;
    if store::active_ban(&data.db, community.account.id, me.id)
        .await?
        .is_some()
    {
        return Err(AppError::Forbidden(
            "You are banned from this community".into(),
        ));
    }
    follows_model::follow(&data, me, &community.account).await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `POST /api/collegium/v1/communities/{id}/leave`
pub async fn leave(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write:follows", "follow", "write"], &id).await?;
    follows_model::unfollow(&data, me, &community.account).await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `GET /api/collegium/v1/communities/{id}/members`: for members and facilitators.
pub async fn members(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["read"], &id).await?;
    let allowed = model::is_member(&data, &community, me).await?
        || model::is_facilitator(&data, &community, me).await?
        || matches!(role(&auth), Some(Role::Admin | Role::Moderator));
    if !allowed {
        return Err(AppError::Forbidden(
            "Only members can see who else is a member".into(),
        ));
    }
    let facilitators = store::facilitator_ids(&data.db, community.account.id).await?;
    let mut out = Vec::new();
    for (_, a) in follows::list(&data.db, community.account.id, true, true, None, 500).await? {
        let mut entity = account_json_with_counts(&data, &a).await?;
        entity["community_role"] = json!(if facilitators.contains(&a.id) {
            "facilitator"
        } else {
            "member"
        });
        out.push(entity);
    }
    for id in facilitators {
        if !out.iter().any(|e| e["id"] == json!(id.to_string()))
            && let Some(a) = accounts::find_by_id(&data.db, id).await?
        {
            let mut entity = account_json_with_counts(&data, &a).await?;
            entity["community_role"] = json!("facilitator");
            out.push(entity);
        }
    }
    Ok(Json(Value::Array(out)))
}

/// The person a token acts for and the community they act on, once the token
/// allows one of `scopes`.
async fn acting<'a>(
    state: &AppState,
    auth: &'a Auth,
    scopes: &[&str],
    id: &str,
) -> AppResult<(&'a Account, Community)> {
    auth.require_any(scopes)?;
    let (me, _) = auth.user()?;
    Ok((me, community_by_id(state, id).await?))
}

async fn moderator_of(data: &AppState, auth: &Auth, id: &str) -> AppResult<(Community, Account)> {
    let (me, community) = acting(data, auth, &["write"], id).await?;
    model::require_moderator(data, &community, me, role(auth)).await?;
    Ok((community, me.clone()))
}

/// `GET /api/collegium/v1/communities/{id}/requests`: people waiting to join.
pub async fn requests(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (community, _) = moderator_of(&data, &auth, &id).await?;
    let mut out = Vec::new();
    for (_, a) in follows::list(&data.db, community.account.id, true, false, None, 500).await? {
        out.push(account_json_with_counts(&data, &a).await?);
    }
    Ok(Json(Value::Array(out)))
}

/// `POST /api/collegium/v1/communities/{id}/requests/{account_id}/authorize|reject`
pub async fn answer_request(
    data: Data<AppState>,
    auth: Auth,
    Path((id, account_id, answer)): Path<(String, String, String)>,
) -> AppResult<Json<Value>> {
    let (community, me) = moderator_of(&data, &auth, &id).await?;
    let person = account_by_id(&data, &account_id).await?;
    match answer.as_str() {
        "authorize" => follows_model::authorize(&data, &community.account, &person).await?,
        "reject" => follows_model::reject(&data, &community.account, &person).await?,
        _ => return Err(AppError::NotFound),
    }
    Ok(Json(community_json(&data, &community, Some(&me)).await?))
}

#[derive(Deserialize, Default)]
pub struct PostsQuery {
    max_id: Option<String>,
    limit: Option<String>,
}

/// `GET /api/collegium/v1/communities/{id}/posts`: threads, pinned first, as
/// Mastodon Status entities with `collegium.title`.
pub async fn threads(
    data: Data<AppState>,
    MaybeAuth(auth): MaybeAuth,
    Path(id): Path<String>,
    Query(q): Query<PostsQuery>,
) -> AppResult<Json<Value>> {
    let community = community_by_id(&data, &id).await?;
    let limit = number(q.limit.as_deref(), 20, 40)?;
    let max_id = match q.max_id.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => s
            .parse()
            .map_err(|_| AppError::bad_request("max_id is not an id"))?,
        None => i64::MAX,
    };
    let mut out = Vec::new();
    for status in store::threads(&data.db, community.account.id, max_id, limit).await? {
        // The rule of a single fetch, for every listed post.
        if crate::posts::model::can_see(&data, viewer(&auth), &status).await? {
            out.push(post_json(&data, &status, viewer(&auth)).await?);
        }
    }
    Ok(Json(Value::Array(out)))
}

/// A post as a Status entity with its community facts.
pub async fn post_json(
    state: &AppState,
    status: &posts::Status,
    viewer: Option<&Account>,
) -> AppResult<Value> {
    let mut entity = status_json(state, status, viewer).await?;
    // The entity's own count of replies: no second query per post.
    let comments = entity["replies_count"].as_i64().unwrap_or(0);
    entity["collegium"] = json!({
        "community_id": status.community_id.map(|id| id.to_string()),
        "title": status.title,
        "locked": status.locked,
        "pinned": status.pinned_at.is_some(),
        "comments_count": comments,
    });
    Ok(entity)
}

#[derive(Deserialize, Default)]
pub struct NewPostParams {
    title: Option<String>,
    /// The body; `status` is taken too, as Mastodon apps name it.
    body: Option<String>,
    status: Option<String>,
    in_reply_to_id: Option<String>,
    language: Option<String>,
}

/// `POST /api/collegium/v1/communities/{id}/posts`: a thread (with a title) or,
/// with `in_reply_to_id`, a comment.
pub async fn create_post(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<NewPostParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write:statuses", "write"], &id).await?;
    let in_reply_to = match p.in_reply_to_id.as_deref().filter(|s| !s.is_empty()) {
        Some(pid) => {
            let pid: i64 = pid.parse().map_err(|_| AppError::NotFound)?;
            Some(
                posts::find(&data.db, pid)
                    .await?
                    .ok_or(AppError::NotFound)?,
            )
        }
        None => None,
    };
    let text = p.body.or(p.status).unwrap_or_default();
    let language = p
        .language
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().take(16).collect());
    let status = crate::publishing::local::post_in_community(
        &data,
        me,
        &community,
        p.title,
        text,
        in_reply_to,
        language,
    )
    .await?;
    Ok(Json(post_json(&data, &status, Some(me)).await?))
}

#[derive(Deserialize, Default)]
pub struct ReasonParams {
    #[serde(default)]
    reason: String,
}

async fn post_of(
    state: &AppState,
    community: &Community,
    post_id: &str,
) -> AppResult<posts::Status> {
    let pid: i64 = post_id.parse().map_err(|_| AppError::NotFound)?;
    posts::find(&state.db, pid)
        .await?
        .filter(|s| s.community_id == Some(community.account.id))
        .ok_or(AppError::NotFound)
}

/// `POST /api/collegium/v1/communities/{id}/posts/{post_id}/{action}` with action
/// one of remove (with a `reason`), lock, unlock, pin, unpin.
pub async fn moderate_post(
    data: Data<AppState>,
    auth: Auth,
    Path((id, post_id, action)): Path<(String, String, String)>,
    Params(p): Params<ReasonParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let status = post_of(&data, &community, &post_id).await?;
    let by = Moderator::here(me, role(&auth));
    match action.as_str() {
        "remove" => model::remove_post(&data, &community, &by, &status, &p.reason).await?,
        "lock" => model::set_lock(&data, &community, &by, &status, true).await?,
        "unlock" => model::set_lock(&data, &community, &by, &status, false).await?,
        "pin" => model::set_pin(&data, &community, &by, &status, true).await?,
        "unpin" => model::set_pin(&data, &community, &by, &status, false).await?,
        _ => return Err(AppError::NotFound),
    }
    Ok(Json(
        json!({ "ok": true, "action": action, "post_id": status.id.to_string() }),
    ))
}

#[derive(Deserialize, Default)]
pub struct BanParams {
    account_id: Option<String>,
    #[serde(default)]
    reason: String,
    expires_at: Option<DateTime<Utc>>,
}

fn ban_json(ban: &store::Ban) -> Value {
    json!({
        "account_id": ban.account_id.to_string(),
        "reason": ban.reason,
        "expires_at": ban.expires_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "created_at": ban.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// `POST /api/collegium/v1/communities/{id}/bans`
pub async fn ban(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<BanParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let person_id = p
        .account_id
        .ok_or_else(|| AppError::validation("account_id is required"))?;
    let person = account_by_id(&data, &person_id).await?;
    model::ban(
        &data,
        &community,
        &Moderator::here(me, role(&auth)),
        &person,
        &p.reason,
        p.expires_at,
    )
    .await?;
    let ban = store::active_ban(&data.db, community.account.id, person.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(ban_json(&ban)))
}

/// `GET /api/collegium/v1/communities/{id}/bans`
pub async fn bans(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (community, _) = moderator_of(&data, &auth, &id).await?;
    let bans = store::bans(&data.db, community.account.id).await?;
    Ok(Json(Value::Array(bans.iter().map(ban_json).collect())))
}

/// `DELETE /api/collegium/v1/communities/{id}/bans/{account_id}`
pub async fn unban(
    data: Data<AppState>,
    auth: Auth,
    Path((id, account_id)): Path<(String, String)>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let person = account_by_id(&data, &account_id).await?;
    model::unban(
        &data,
        &community,
        &Moderator::here(me, role(&auth)),
        &person,
    )
    .await?;
    Ok(Json(json!({ "ok": true })))
}

#[derive(Deserialize, Default)]
pub struct AccountParams {
    account_id: Option<String>,
}

/// `POST /api/collegium/v1/communities/{id}/facilitators`
pub async fn add_facilitator(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<AccountParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let person_id = p
        .account_id
        .ok_or_else(|| AppError::validation("account_id is required"))?;
    let person = account_by_id(&data, &person_id).await?;
    model::set_facilitator(
        &data,
        &community,
        &Moderator::here(me, role(&auth)),
        &person,
        true,
    )
    .await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `DELETE /api/collegium/v1/communities/{id}/facilitators/{account_id}`
pub async fn remove_facilitator(
    data: Data<AppState>,
    auth: Auth,
    Path((id, account_id)): Path<(String, String)>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let person = account_by_id(&data, &account_id).await?;
    model::set_facilitator(
        &data,
        &community,
        &Moderator::here(me, role(&auth)),
        &person,
        false,
    )
    .await?;
    Ok(Json(community_json(&data, &community, Some(me)).await?))
}

/// `GET /api/collegium/v1/communities/{id}/moderation_log`: public.
pub async fn moderation_log(
    data: Data<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let community = community_by_id(&data, &id).await?;
    let mut out = Vec::new();
    for e in store::log_entries(&data.db, community.account.id, 200).await? {
        let moderator = match e.moderator_id {
            Some(id) => accounts::find_by_id(&data.db, id).await?.map(|a| a.acct()),
            None => None,
        };
        out.push(json!({
            "id": e.id.to_string(),
            "action": e.action,
            "moderator": moderator,
            "target_account_id": e.target_account_id.map(|i| i.to_string()),
            "target_status_id": e.target_status_id.map(|i| i.to_string()),
            "reason": e.reason,
            "created_at": e.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }));
    }
    Ok(Json(Value::Array(out)))
}

#[derive(Deserialize, Default)]
pub struct ReportParams {
    account_id: Option<String>,
    status_id: Option<String>,
    #[serde(default)]
    reason: String,
}

/// `POST /api/collegium/v1/communities/{id}/reports`: anyone signed in reports a
/// post of the community or a person in it.
pub async fn report(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(p): Params<ReportParams>,
) -> AppResult<Json<Value>> {
    let (me, community) = acting(&data, &auth, &["write:reports", "write"], &id).await?;
    let status = match p.status_id.as_deref().filter(|s| !s.is_empty()) {
        Some(sid) => Some(post_of(&data, &community, sid).await?),
        None => None,
    };
    let target = match (&status, p.account_id.as_deref().filter(|s| !s.is_empty())) {
        (Some(s), _) => accounts::find_by_id(&data.db, s.account_id)
            .await?
            .ok_or(AppError::NotFound)?,
        (None, Some(aid)) => account_by_id(&data, aid).await?,
        (None, None) => return Err(AppError::validation("Say which post or person you report")),
    };
    let report_id = model::report(
        &data,
        me,
        Some(&community),
        &target,
        status.as_ref(),
        &p.reason,
    )
    .await?;
    Ok(Json(json!({ "id": report_id.to_string() })))
}

/// `GET /api/collegium/v1/communities/{id}/reports`: the facilitators' queue.
pub async fn reports(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let (community, _) = moderator_of(&data, &auth, &id).await?;
    let mut out = Vec::new();
    for r in store::reports(&data.db, community.account.id, false).await? {
        out.push(report_json(&data, &r).await?);
    }
    Ok(Json(Value::Array(out)))
}

pub async fn report_json(state: &AppState, r: &store::Report) -> AppResult<Value> {
    let name = |id: Option<i64>| async move {
        match id {
            Some(id) => {
                Ok::<_, AppError>(accounts::find_by_id(&state.db, id).await?.map(|a| a.acct()))
            }
            None => Ok(None),
        }
    };
    Ok(json!({
        "id": r.id.to_string(),
        "reporter": name(r.reporter_id).await?,
        "target_account": name(r.target_account_id).await?,
        "target_account_id": r.target_account_id.map(|i| i.to_string()),
        "target_status_id": r.target_status_id.map(|i| i.to_string()),
        "reason": r.reason,
        "resolved": r.resolved_at.is_some(),
        "created_at": r.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }))
}

/// `POST /api/collegium/v1/communities/{id}/reports/{report_id}/resolve`
pub async fn resolve_report(
    data: Data<AppState>,
    auth: Auth,
    Path((id, report_id)): Path<(String, String)>,
) -> AppResult<Json<Value>> {
    let (community, me) = moderator_of(&data, &auth, &id).await?;
    let rid: i64 = report_id.parse().map_err(|_| AppError::NotFound)?;
    if !store::resolve_report(&data.db, community.account.id, rid, me.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(Json(json!({ "ok": true })))
}

impl ListQuery {
    /// A search of the directory by words alone, at most `limit` communities.
    pub fn words(text: &str, limit: i64) -> ListQuery {
        ListQuery {
            q: Some(text.to_string()),
            limit: Some(limit.to_string()),
            ..Default::default()
        }
    }

    /// The filters as the directory page shows them back in its form.
    pub fn filters(&self) -> minijinja::Value {
        minijinja::context! {
            q => self.q.clone().unwrap_or_default(),
            language => self.language.clone().unwrap_or_default(),
            country => self.country.clone().unwrap_or_default(),
            topic => self.topic.clone().unwrap_or_default(),
        }
    }
}

/// `POST /api/collegium/v1/communities/{id}/pictures/{icon|banner}`: a
/// facilitator uploads the community's icon or banner, as the multipart part
/// `file` (PNG, JPEG, GIF or WebP, within the configured size).
pub async fn upload_picture(
    data: Data<AppState>,
    auth: Auth,
    Path((id, picture)): Path<(String, String)>,
    multipart: axum::extract::Multipart,
) -> AppResult<Json<Value>> {
    let which = model::Picture::parse(&picture)?;
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    model::require_moderator(&data, &community, me, role(&auth)).await?;
    let upload =
        crate::media::Upload::read(multipart, data.media.max_image_bytes, &data.media).await?;
    let file = upload
        .into_file()
        .ok_or_else(|| AppError::validation("Send the image as the part named file"))?;
    let updated = model::set_picture(&data, &community, me, role(&auth), which, Some(file)).await?;
    Ok(Json(community_json(&data, &updated, Some(me)).await?))
}

/// `DELETE /api/collegium/v1/communities/{id}/pictures/{icon|banner}`
pub async fn remove_picture(
    data: Data<AppState>,
    auth: Auth,
    Path((id, picture)): Path<(String, String)>,
) -> AppResult<Json<Value>> {
    let which = model::Picture::parse(&picture)?;
    let (me, community) = acting(&data, &auth, &["write"], &id).await?;
    let updated = model::set_picture(&data, &community, me, role(&auth), which, None).await?;
    Ok(Json(community_json(&data, &updated, Some(me)).await?))
}

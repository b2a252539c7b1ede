//! What happens when a person here posts, edits, deletes, favourites or boosts.
//! Each is a pipeline in this order: resolve mentions → choose the community →
//! checks → write → tell (notifications, deliveries, the Group's announce). What
//! may fetch from other servers happens before the write; the write and
//! everything it tells commit in one unit of work, so a post exists with all its
//! deliveries queued, or not at all.

use activitypub_federation::config::Data;
use chrono::Utc;
use serde_json::Value;
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    communities::model::{self as communities, Community},
    error::{AppError, AppResult},
    federation::{new_activity_id, queue},
    follows::store as follows,
    notifications::{self, Kind},
    posts::{
        model::{
            Visibility, check_text, hashtags, mention_handles, mentioned_accounts, recipients,
            render_text_with_base, resolve_mentions,
        },
        protocol,
        store::{self, NewStatus, Status},
    },
    publishing::kinds::{self, Draft},
};

/// What a local person writes.
pub struct NewPost {
    pub text: String,
    pub visibility: Visibility,
    pub spoiler_text: String,
    pub sensitive: bool,
    pub language: Option<String>,
    pub in_reply_to: Option<Status>,
    pub idempotency_key: Option<String>,
    /// The community (a Group) it is posted into; a mentioned Group, or the
    /// community of the post replied to, count too.
    pub community: Option<Account>,
    /// The thread title, for a post that opens a thread in a community.
    pub title: Option<String>,
    /// What kind of post it is, with that kind's facts.
    pub draft: Draft,
}

impl NewPost {
    /// A plain post with this text and visibility.
    pub fn note(text: String, visibility: Visibility) -> NewPost {
        NewPost {
            text,
            visibility,
            spoiler_text: String::new(),
            sensitive: false,
            language: None,
            in_reply_to: None,
            idempotency_key: None,
            community: None,
            title: None,
            draft: Draft::Note,
        }
    }
}

/// What an author changes in a post.
pub struct PostEdit {
    pub text: String,
    pub spoiler_text: String,
    pub sensitive: bool,
    /// The kind's new facts (`Draft::Note` for a plain post).
    pub draft: Draft,
}

/// Writes a post for a local person and queues it for every server that must
/// have it.
pub async fn create(data: &Data<AppState>, author: &Account, post: NewPost) -> AppResult<Status> {
    let text = check_text(&post.text, &post.spoiler_text)?;
    if let Some(key) = &post.idempotency_key
        && let Some(existing) = store::find_by_idempotency_key(&data.db, author.id, key).await?
    {
        return Ok(existing);
    }
    // Resolve mentions (this may fetch actors from their servers).
    let mentioned = resolve_mentions(data, &text).await;
    // Choose the community: the one named, else a mentioned Group, else the one
    // the post replied to is in.
    let community_account = match post.community.clone() {
        Some(c) => Some(c),
        None => match mentioned.iter().find(|(_, a)| a.actor_type == "Group") {
            Some((_, a)) => Some(a.clone()),
            None => match post.in_reply_to.as_ref().and_then(|p| p.community_id) {
                Some(id) => accounts::find_by_id(&data.db, id).await?,
                None => None,
            },
        },
    };
    let community = match &community_account {
        Some(a) => communities::of_account(&data.db, a).await?,
        None => None,
    };
    // Checks.
    let title = post
        .title
        .clone()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && post.in_reply_to.is_none());
    if let Some(community) = &community {
        communities::check_title(&title)?;
        if post.visibility != Visibility::Public {
            return Err(AppError::validation("Posts in a community are public"));
        }
        communities::may_post(data, community, author, post.in_reply_to.as_ref()).await?;
    }
    let base = data.settings.base_url();
    let content = render_text_with_base(&text, &mentioned, Some(&base));
    let tags = hashtags(&text);
    let mention_ids: Vec<i64> = mentioned.iter().map(|(_, a)| a.id).collect();
    let mentioned: Vec<Account> = mentioned.into_iter().map(|(_, a)| a).collect();

    // Write: the post with its real addresses, its tags and its kind's facts.
    let unit = data.begin_write().await?;
    let id = unit.db.next_id("statuses").await?;
    let ap_id = format!("{}/statuses/{id}", author.ap_id);
    let url = format!("{base}/@{}/{id}", author.username);
    let inserted = store::insert(
        &unit.db,
        &NewStatus {
            id: Some(id),
            ap_id: &ap_id,
            url: Some(&url),
            account_id: author.id,
            local: true,
            content: &content,
            source_text: Some(&text),
            spoiler_text: post.spoiler_text.trim(),
            sensitive: post.sensitive || !post.spoiler_text.trim().is_empty(),
            visibility: post.visibility.as_str(),
            language: post.language.as_deref(),
            in_reply_to_ap_id: post.in_reply_to.as_ref().map(|s| s.ap_id.as_str()),
            reblog_of_id: None,
            idempotency_key: post.idempotency_key.as_deref(),
            created_at: Utc::now(),
            community_id: community.as_ref().map(|c| c.account.id),
            title: title.as_deref(),
        },
        &mention_ids,
    )
    .await;
    let status = match inserted {
        Ok(Some(status)) => status,
        Ok(None) => return Err(AppError::Internal(anyhow::anyhow!("post id collision"))),
        // The same Idempotency-Key at the same moment: the other request won.
        Err(e) if crate::db::is_unique_violation(&e) => {
            drop(unit);
            let key = post.idempotency_key.as_deref().unwrap_or_default();
            return store::find_by_idempotency_key(&data.db, author.id, key)
                .await?
                .ok_or_else(|| {
                    AppError::validation("This Idempotency-Key was used for a deleted post")
                });
        }
        Err(e) => return Err(e.into()),
    };
    store::add_tags(&unit.db, status.id, &tags).await?;
    let also_to = kinds::attach(&unit, status.id, &post.draft, false).await?;
    let status = store::find(&unit.db, status.id)
        .await?
        .ok_or(AppError::NotFound)?;

    // Tell: the mentioned, the subscribers, every server that must have it, and
    // the community's members through its Group.
    for account in &mentioned {
        notifications::notify(&unit.db, account, author, Kind::Mention, Some(status.id)).await?;
    }
    if status.visibility != "direct" {
        notifications::notify_subscribers(&unit.db, author, status.id).await?;
    }
    let community_account = community.as_ref().map(|c| &c.account);
    let object =
        kinds::object_json(&unit, &status, author, &mentioned, &tags, community_account).await?;
    let activity = protocol::create_activity(&status, author, object);
    let mut to = recipients(&unit, &status, author, &mentioned).await?;
    to.extend(community_account.cloned());
    to.extend(also_to);
    let activity_id =
        Url::parse(&format!("{ap_id}/activity")).map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(&unit, &activity_id, &author.ap_id, &activity, &to).await?;
    announce_in(&unit, community.as_ref(), &activity).await?;
    unit.commit().await?;
    Ok(status)
}

/// A local person posts a thread (or, with `in_reply_to`, a comment) into a community.
pub async fn post_in_community(
    data: &Data<AppState>,
    author: &Account,
    community: &Community,
    title: Option<String>,
    text: String,
    in_reply_to: Option<Status>,
    language: Option<String>,
) -> AppResult<Status> {
    if let Some(parent) = &in_reply_to
        && parent.community_id != Some(community.account.id)
    {
        return Err(AppError::validation("That post is not in this community"));
    }
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if in_reply_to.is_none() && title.is_none() {
        return Err(AppError::validation("A thread needs a title").said(
            "invalid-blank",
            Some("title"),
            &[],
        ));
    }
    create(
        data,
        author,
        NewPost {
            language,
            in_reply_to,
            community: Some(community.account.clone()),
            title,
            ..NewPost::note(text, Visibility::Public)
        },
    )
    .await
}

/// A post's activity in a community here is passed on by its Group (nothing to
/// do for a community elsewhere: its own instance announces it).
async fn announce_in(
    state: &AppState,
    community: Option<&Community>,
    activity: &Value,
) -> AppResult<()> {
    match community {
        Some(c) => communities::announce(state, c, activity, &[]).await,
        None => Ok(()),
    }
}

/// Who had a post, for what is sent about it: its recipients and its community.
async fn audience(
    state: &AppState,
    status: &Status,
    author: &Account,
) -> AppResult<(Vec<Account>, Vec<Account>, Option<Community>)> {
    let mentioned = mentioned_accounts(state, status).await?;
    let mut to = recipients(state, status, author, &mentioned).await?;
    let community = communities::of_post(&state.db, status).await?;
    to.extend(community.iter().map(|c| c.account.clone()));
    Ok((mentioned, to, community))
}

/// Deletes a local post; the servers that got it get a Delete.
pub async fn delete(state: &AppState, author: &Account, status: &Status) -> AppResult<()> {
    if status.account_id != author.id {
        return Err(AppError::Forbidden("This action is not allowed".into()));
    }
    let (mentioned, to, community) = audience(state, status, author).await?;
    let activity = protocol::delete_activity(status, author, &mentioned)?;
    let activity_id = Url::parse(&format!("{}#delete", status.ap_id))
        .map_err(|e| AppError::Internal(e.into()))?;
    let unit = state.begin_write().await?;
    store::mark_deleted(&unit.db, status.id).await?;
    queue::deliver(&unit, &activity_id, &author.ap_id, &activity, &to).await?;
    announce_in(&unit, community.as_ref(), &activity).await?;
    unit.commit().await
}

// ----- favourites -----

/// A local person favourites a post they can see; a remote author's server gets a Like.
pub async fn favourite(state: &AppState, who: &Account, status: &Status) -> AppResult<()> {
    let id = new_activity_id(state, "like")?;
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let community = communities::of_post(&state.db, status).await?;
    let unit = state.begin_write().await?;
    if !store::add_favourite(&unit.db, who.id, status.id, id.as_str()).await? {
        return Ok(());
    }
    notifications::notify(&unit.db, &author, who, Kind::Favourite, Some(status.id)).await?;
    // A remote author's server, and a remote community's, get the Like; a
    // community here announces it (local recipients are skipped by the queue).
    let activity = protocol::like_activity(&id, who, status);
    let mut to = vec![author];
    to.extend(community.iter().map(|c| c.account.clone()));
    queue::deliver(&unit, &id, &who.ap_id, &activity, &to).await?;
    announce_in(&unit, community.as_ref(), &activity).await?;
    unit.commit().await
}

/// Takes a favourite back; a remote author's server gets an Undo.
pub async fn unfavourite(state: &AppState, who: &Account, status: &Status) -> AppResult<()> {
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let unit = state.begin_write().await?;
    let Some(like_id) = store::remove_favourite(&unit.db, who.id, status.id).await? else {
        return Ok(());
    };
    if !status.local {
        let like_id = Url::parse(&like_id).map_err(|e| AppError::Internal(e.into()))?;
        let id = new_activity_id(state, "undo")?;
        let activity = protocol::undo_like_activity(&id, &like_id, who, status);
        queue::deliver(
            &unit,
            &id,
            &who.ap_id,
            &activity,
            std::slice::from_ref(&author),
        )
        .await?;
    }
    unit.commit().await
}

// ----- edits -----

/// Edits a local post: the old version goes to its history, everyone who got the
/// post gets an Update.
pub async fn edit(
    data: &Data<AppState>,
    author: &Account,
    status: &Status,
    change: PostEdit,
) -> AppResult<Status> {
    if status.account_id != author.id || !status.local {
        return Err(AppError::NotFound);
    }
    let text = check_text(&change.text, &change.spoiler_text)?;
    // Mentions stay those of the post; new handles render as links when known.
    let mentioned = mentioned_accounts(data, status).await?;
    let handles: Vec<(String, Account)> = mention_handles(&text)
        .into_iter()
        .filter_map(|h| {
            mentioned
                .iter()
                .find(|a| {
                    h.eq_ignore_ascii_case(&a.acct())
                        || h.split('@')
                            .next()
                            .is_some_and(|n| n.eq_ignore_ascii_case(&a.username))
                })
                .map(|a| (h.clone(), a.clone()))
        })
        .collect();
    let base = data.settings.base_url();
    let content = render_text_with_base(&text, &handles, Some(&base));
    let tags = hashtags(&text);
    let spoiler = change.spoiler_text.trim();
    let unit = data.begin_write().await?;
    store::edit(
        &unit.db,
        status,
        &content,
        Some(&text),
        spoiler,
        change.sensitive || !spoiler.is_empty(),
        Utc::now(),
    )
    .await?;
    store::add_tags(&unit.db, status.id, &tags).await?;
    kinds::attach(&unit, status.id, &change.draft, true).await?;
    let status = store::find(&unit.db, status.id)
        .await?
        .ok_or(AppError::NotFound)?;
    send_update(&unit, &status, author).await?;
    unit.commit().await?;
    Ok(status)
}

/// Tells everyone who has a local post its current version (an `Update`): after
/// an edit, or when something others read with it changed (a case report's
/// verification, which servers outside the community learn of this way).
pub async fn send_update(state: &AppState, status: &Status, author: &Account) -> AppResult<()> {
    let (mentioned, to, community) = audience(state, status, author).await?;
    let id = new_activity_id(state, "update")?;
    let tags = store::tags(&state.db, status.id).await?;
    let object = kinds::object_json(
        state,
        status,
        author,
        &mentioned,
        &tags,
        community.as_ref().map(|c| &c.account),
    )
    .await?;
    let activity = protocol::update_activity(&id, author, object);
    let unit = state.begin_write().await?;
    queue::deliver(&unit, &id, &author.ap_id, &activity, &to).await?;
    announce_in(&unit, community.as_ref(), &activity).await?;
    unit.commit().await
}

// ----- boosts -----

/// A local person boosts a public or unlisted post: their followers and the
/// author's server get an Announce.
pub async fn reblog(state: &AppState, who: &Account, original: &Status) -> AppResult<Status> {
    if original.reblog_of_id.is_some() {
        return Err(AppError::NotFound);
    }
    if !matches!(original.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::validation("Only public posts can be boosted"));
    }
    if let Some(existing) = store::find_reblog(&state.db, who.id, original.id).await? {
        return Ok(existing);
    }
    let author = accounts::find_by_id(&state.db, original.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut to = follows::followers(&state.db, who.id).await?;
    to.push(author.clone());
    let unit = state.begin_write().await?;
    let id = unit.db.next_id("statuses").await?;
    let ap_id = format!("{}/statuses/{id}/activity", who.ap_id);
    let url = format!("{}/@{}/{id}", state.settings.base_url(), who.username);
    let boost = store::insert(
        &unit.db,
        &NewStatus {
            id: Some(id),
            ap_id: &ap_id,
            url: Some(&url),
            account_id: who.id,
            local: true,
            content: "",
            source_text: None,
            spoiler_text: "",
            sensitive: false,
            visibility: original.visibility.as_str(),
            language: None,
            in_reply_to_ap_id: None,
            reblog_of_id: Some(original.id),
            idempotency_key: None,
            created_at: Utc::now(),
            community_id: None,
            title: None,
        },
        &[],
    )
    .await?
    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("post id collision")))?;
    notifications::notify(&unit.db, &author, who, Kind::Reblog, Some(original.id)).await?;
    let activity = protocol::announce_activity(&boost, who, original, &author);
    let activity_id = Url::parse(&ap_id).map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(&unit, &activity_id, &who.ap_id, &activity, &to).await?;
    unit.commit().await?;
    Ok(boost)
}

/// Takes a boost back: the servers that got it get an Undo.
pub async fn unreblog(state: &AppState, who: &Account, original: &Status) -> AppResult<()> {
    let Some(boost) = store::find_reblog(&state.db, who.id, original.id).await? else {
        return Ok(());
    };
    let author = accounts::find_by_id(&state.db, original.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let activity = protocol::undo_announce_activity(&boost, who, original, &author);
    let mut to = follows::followers(&state.db, who.id).await?;
    to.push(author);
    let id =
        Url::parse(&format!("{}#undo", boost.ap_id)).map_err(|e| AppError::Internal(e.into()))?;
    let unit = state.begin_write().await?;
    store::mark_deleted(&unit.db, boost.id).await?;
    queue::deliver(&unit, &id, &who.ap_id, &activity, &to).await?;
    unit.commit().await
}

/// A local person changes their profile: it is saved, and their followers'
/// servers get an Update of the whole Person (as Mastodon sends it, so that
/// what they show is replaced, not blanked), in one unit of work.
pub async fn update_profile(
    data: &Data<AppState>,
    account: &Account,
    update: crate::accounts::model::ProfileUpdate,
) -> AppResult<Account> {
    use activitypub_federation::traits::Object;
    let unit = data.begin_write().await?;
    let state = unit.state();
    let updated = crate::accounts::model::update_profile(state, account, update).await?;
    // The actor document as it is served (its reads need no write lock).
    let actor = updated.clone().into_json(data).await?;
    let id = new_activity_id(state, "update")?;
    let mut cc = Vec::new();
    if let Some(followers) = &updated.followers_url {
        cc.push(followers.clone());
    }
    let activity = serde_json::json!({
        "@context": crate::accounts::protocol::actor_context(state),
        "id": id.as_str(),
        "type": "Update",
        "actor": updated.ap_id.as_str(),
        "to": [crate::posts::model::PUBLIC],
        "cc": cc,
        "object": actor,
    });
    let followers = follows::followers(&unit.db, updated.id).await?;
    queue::deliver(state, &id, &updated.ap_id, &activity, &followers).await?;
    unit.commit().await?;
    Ok(updated)
}

//! The rules of communities: who may open one, who may post where, what
//! facilitators may do, and which activity tells the other servers.
//!
//! A community is a `Group` actor (a row in `accounts`) with its settings in
//! `communities`. Membership is following the Group. The community's own instance
//! is the authority: it checks every post and comment, stores it, and has the
//! Group `Announce` it to every member's server (FEP-1b12).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{
        model::{Account, Role, TeacherProfile, Username, cpu_heavy},
        store::{self as accounts, CreateUserError, NewAccount},
    },
    communities::store::{self, CommunityRow, NewLogEntry},
    error::{AppError, AppResult},
    federation::{new_activity_id, queue, same_origin},
    follows::store as follows,
    posts::{
        model::PUBLIC,
        store::{self as posts, Status},
    },
};

pub const MAX_TITLE_CHARS: usize = 200;
const MAX_SUMMARY_CHARS: usize = 5000;
const MAX_RULES_CHARS: usize = 10_000;
const MAX_LIST: usize = 20;
/// How far up a thread we walk to find the post that opened it.
const MAX_THREAD_DEPTH: usize = 64;

/// A community: its Group actor and its settings.
#[derive(Debug, Clone)]
pub struct Community {
    pub account: Account,
    pub settings: CommunityRow,
}

impl Community {
    pub fn is_local(&self) -> bool {
        self.account.is_local()
    }

    pub fn moderators_url(&self) -> String {
        self.settings
            .moderators_url
            .clone()
            .unwrap_or_else(|| format!("{}/moderators", self.account.ap_id))
    }

    pub fn featured_url(&self) -> String {
        self.settings
            .featured_url
            .clone()
            .unwrap_or_else(|| format!("{}/featured", self.account.ap_id))
    }

    /// The collection of the community's verified case reports (ours; the target
    /// of the facilitators' `Add` and `Remove`).
    pub fn verified_url(&self) -> String {
        format!("{}/verified", self.account.ap_id)
    }

    pub fn followers_url(&self) -> String {
        self.account
            .followers_url
            .clone()
            .unwrap_or_else(|| format!("{}/followers", self.account.ap_id))
    }
}

/// The community whose Group this account is.
pub async fn of_account(db: &crate::db::Db, account: &Account) -> AppResult<Option<Community>> {
    if account.actor_type != "Group" {
        return Ok(None);
    }
    let settings = match store::find(db, account.id).await? {
        Some(s) => s,
        // A remote Group we knew before it was a community to us.
        None => CommunityRow {
            account_id: account.id,
            rules: String::new(),
            posting_restricted_to_mods: false,
            moderators_url: None,
            featured_url: None,
            created_at: account.created_at,
        },
    };
    Ok(Some(Community {
        account: account.clone(),
        settings,
    }))
}

/// The community a post is in.
pub async fn of_post(db: &crate::db::Db, status: &Status) -> AppResult<Option<Community>> {
    match status.community_id {
        Some(id) => find(db, id).await,
        None => Ok(None),
    }
}

/// The community with this account id.
pub async fn find(db: &crate::db::Db, id: i64) -> AppResult<Option<Community>> {
    match accounts::find_by_id(db, id).await? {
        Some(a) => of_account(db, &a).await,
        None => Ok(None),
    }
}

/// What a facilitator fills in for a new community, or changes later.
#[derive(Debug, Clone, Default)]
pub struct CommunityForm {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub rules: Option<String>,
    pub languages: Option<Vec<String>>,
    pub topics: Option<Vec<String>>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub posting_restricted_to_mods: Option<bool>,
    /// Joining needs a facilitator's approval.
    pub manually_approves_members: Option<bool>,
    pub discoverable: Option<bool>,
}

fn clean_list(items: Vec<String>, what: &str) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim().to_string();
        if item.is_empty() {
            continue;
        }
        if item.chars().count() > 100 {
            return Err(AppError::validation(format!("{what} {item:?} is too long")));
        }
        if !out.contains(&item) {
            out.push(item);
        }
    }
    if out.len() > MAX_LIST {
        return Err(AppError::validation(format!(
            "at most {MAX_LIST} {what}s are allowed"
        )));
    }
    Ok(out)
}

fn clean_country(code: &str) -> AppResult<Option<String>> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(None);
    }
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(Some(code.to_ascii_uppercase()))
    } else {
        Err(AppError::validation(format!(
            "country {code:?} is not a two-letter country code"
        )))
    }
}

/// Applies a form to an account and its settings, checking every field.
fn apply_form(
    account: &mut Account,
    settings: &mut CommunityRow,
    form: CommunityForm,
) -> AppResult<()> {
    if let Some(title) = form.title {
        let title = title.trim().to_string();
        if title.is_empty() {
            return Err(AppError::validation("Title can't be blank").said(
                "invalid-blank",
                Some("title"),
                &[],
            ));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(AppError::validation(format!(
                "Title is longer than {MAX_TITLE_CHARS} characters"
            ))
            .said(
                "invalid-too-long",
                Some("title"),
                &[("max", MAX_TITLE_CHARS.to_string())],
            ));
        }
        account.display_name = title;
    }
    if let Some(summary) = form.summary {
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            return Err(AppError::validation(format!(
                "Summary is longer than {MAX_SUMMARY_CHARS} characters"
            ))
            .said(
                "invalid-too-long",
                Some("summary"),
                &[("max", MAX_SUMMARY_CHARS.to_string())],
            ));
        }
        account.note_html = crate::web::text_to_html(summary.trim());
        account.note_source = summary.trim().to_string();
    }
    if let Some(rules) = form.rules {
        if rules.chars().count() > MAX_RULES_CHARS {
            return Err(AppError::validation(format!(
                "Rules are longer than {MAX_RULES_CHARS} characters"
            ))
            .said(
                "invalid-too-long",
                Some("rules"),
                &[("max", MAX_RULES_CHARS.to_string())],
            ));
        }
        settings.rules = rules.trim().to_string();
    }
    if let Some(languages) = form.languages {
        let languages = clean_list(languages, "language")?
            .iter()
            .map(|l| crate::vocabularies::clean_language(l))
            .collect::<AppResult<Vec<_>>>()?;
        account.profile.languages = languages;
    }
    if let Some(topics) = form.topics {
        account.profile.subjects = clean_list(topics, "topic")?;
    }
    if let Some(country) = form.country {
        account.profile.country = clean_country(&country)?;
    }
    if let Some(region) = form.region {
        let region = region.trim().to_string();
        if region.chars().count() > 100 {
            return Err(
                AppError::validation("Region is longer than 100 characters").said(
                    "invalid-too-long",
                    Some("region"),
                    &[("max", "100".to_string())],
                ),
            );
        }
        account.profile.region = (!region.is_empty()).then_some(region);
    }
    if let Some(v) = form.posting_restricted_to_mods {
        settings.posting_restricted_to_mods = v;
    }
    if let Some(v) = form.manually_approves_members {
        account.locked = v;
    }
    if let Some(v) = form.discoverable {
        account.discoverable = v;
        account.indexable = v;
    }
    Ok(())
}

/// Whether a person's instance role lets them open communities.
pub fn may_open_communities(role: Role) -> bool {
    matches!(role, Role::Facilitator | Role::Moderator | Role::Admin)
}

/// Opens a local community with `facilitator` as its first facilitator.
pub async fn create(
    state: &AppState,
    facilitator: &Account,
    name: &str,
    form: CommunityForm,
) -> AppResult<Community> {
    if !facilitator.is_local() || facilitator.actor_type != "Person" {
        return Err(AppError::validation(
            "A facilitator must be a person on this instance",
        ));
    }
    let name = Username::parse(name).map_err(|e| {
        AppError::validation(e.replace("user name", "community name")).said(
            "invalid-community-name",
            None,
            &[("max", Username::MAX_LEN.to_string())],
        )
    })?;
    if form.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(AppError::validation("Title can't be blank").said(
            "invalid-blank",
            Some("title"),
            &[],
        ));
    }
    if accounts::find_local_by_username(&state.db, name.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::validation(format!(
            "the name {name} is already taken"
        )));
    }
    let (public_key_pem, private_key_pem) = cpu_heavy(crate::federation::signing::generate_keypair)
        .await?
        .map_err(|e| AppError::Internal(e.into()))?;
    let base = state.settings.base_url();
    let id = format!("{base}/c/{name}");
    // The Group, its settings, its first facilitator and the log entry: all or none.
    let unit = state.begin_write().await?;
    let mut account = accounts::create_local_actor(
        &unit.db,
        NewAccount {
            username: name.to_string(),
            domain: None,
            actor_type: "Group".into(),
            ap_id: id.clone(),
            url: Some(id.clone()),
            display_name: String::new(),
            note_html: String::new(),
            avatar_url: None,
            header_url: None,
            inbox_url: format!("{id}/inbox"),
            outbox_url: Some(format!("{id}/outbox")),
            shared_inbox_url: Some(format!("{base}/inbox")),
            followers_url: Some(format!("{id}/followers")),
            following_url: None,
            public_key_pem,
            private_key_pem: Some(private_key_pem),
            locked: false,
            bot: false,
            discoverable: true,
            indexable: true,
        },
    )
    .await
    .map_err(|e| match e {
        CreateUserError::Taken => AppError::validation(format!("the name {name} is already taken")),
        CreateUserError::Db(e) => e.into(),
    })?;
    let mut settings = CommunityRow {
        account_id: account.id,
        rules: String::new(),
        posting_restricted_to_mods: false,
        moderators_url: Some(format!("{id}/moderators")),
        featured_url: Some(format!("{id}/featured")),
        created_at: Utc::now(),
    };
    account.profile = TeacherProfile::default();
    apply_form(&mut account, &mut settings, form)?;
    accounts::save_profile(&unit.db, &account).await?;
    store::upsert(&unit.db, &settings).await?;
    store::add_facilitator(&unit.db, account.id, facilitator.id).await?;
    // The person who opens a community is its first member.
    let membership = new_activity_id(state, "follow")?;
    follows::insert(
        &unit.db,
        facilitator.id,
        account.id,
        membership.as_str(),
        true,
    )
    .await?;
    store::log(
        &unit.db,
        &NewLogEntry {
            community_id: account.id,
            moderator_id: Some(facilitator.id),
            action: "create",
            target_account_id: None,
            target_status_id: None,
            reason: "",
        },
    )
    .await?;
    unit.commit().await?;
    Ok(Community { account, settings })
}

/// A facilitator changes a local community; members' servers get an Update.
pub async fn update(
    state: &AppState,
    community: &Community,
    by: &Account,
    by_role: Option<Role>,
    form: CommunityForm,
) -> AppResult<Community> {
    require_moderator(state, community, by, by_role).await?;
    let mut account = community.account.clone();
    let mut settings = community.settings.clone();
    apply_form(&mut account, &mut settings, form)?;
    let unit = state.begin_write().await?;
    accounts::save_profile(&unit.db, &account).await?;
    store::upsert(&unit.db, &settings).await?;
    let updated = Community { account, settings };
    tell_members_of_change(&unit, &updated).await?;
    unit.commit().await?;
    Ok(updated)
}

/// Members' servers get an Update of the Group, and read it again.
async fn tell_members_of_change(state: &AppState, community: &Community) -> AppResult<()> {
    let id = new_activity_id(state, "update")?;
    let activity = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id.as_str(),
        "type": "Update",
        "actor": community.account.ap_id.as_str(),
        "to": [PUBLIC],
        "cc": [community.followers_url()],
        "object": { "id": community.account.ap_id.as_str(), "type": "Group" },
    });
    let followers = follows::followers(&state.db, community.account.id).await?;
    queue::deliver(state, &id, &community.account.ap_id, &activity, &followers).await
}

/// A community's two pictures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// The small square image (`icon`; the avatar in Mastodon).
    Icon,
    /// The wide image at the top of its page (`image`; the header in Mastodon).
    Banner,
}

impl Picture {
    pub fn parse(name: &str) -> AppResult<Picture> {
        match name {
            "icon" => Ok(Picture::Icon),
            "banner" => Ok(Picture::Banner),
            _ => Err(AppError::NotFound),
        }
    }
}

/// A facilitator gives a local community a new icon or banner (an uploaded
/// image), or with `None` takes it away; members' servers get an Update.
pub async fn set_picture(
    state: &AppState,
    community: &Community,
    by: &Account,
    by_role: Option<Role>,
    which: Picture,
    upload: Option<crate::media::Spooled>,
) -> AppResult<Community> {
    require_moderator(state, community, by, by_role).await?;
    let new_url = match upload {
        Some(bytes) => Some(state.media.put_image(bytes).await?.url(&state.settings)),
        None => None,
    };
    let mut account = community.account.clone();
    let slot = match which {
        Picture::Icon => &mut account.avatar_url,
        Picture::Banner => &mut account.header_url,
    };
    let old = std::mem::replace(slot, new_url);
    let unit = state.begin_write().await?;
    accounts::save_profile(&unit.db, &account).await?;
    let updated = Community {
        account,
        settings: community.settings.clone(),
    };
    tell_members_of_change(&unit, &updated).await?;
    unit.commit().await?;
    // The old picture goes once nothing names it any more.
    if let Some(key) = old.and_then(|u| crate::media::MediaStore::key_of(&state.settings, &u)) {
        state.media.delete(&key).await?;
    }
    Ok(updated)
}

// ----- who may do what -----

/// Whether `who` facilitates the community.
pub async fn is_facilitator(
    state: &AppState,
    community: &Community,
    who: &Account,
) -> AppResult<bool> {
    Ok(store::is_facilitator(&state.db, community.account.id, who.id).await?)
}

/// Who takes a moderation action, and how it reached us.
pub struct Moderator<'a> {
    pub account: &'a Account,
    /// Their role on this instance: admins and moderators here may moderate the
    /// communities here.
    pub role: Option<Role>,
    /// A remote facilitator's activity as their server sent it: applied here and
    /// passed on as it came, so every server can check who did it.
    pub received: Option<&'a Value>,
}

impl<'a> Moderator<'a> {
    /// A person here, acting through the API or a page.
    pub fn here(account: &'a Account, role: Option<Role>) -> Self {
        Self {
            account,
            role,
            received: None,
        }
    }

    /// A facilitator on another server, whose activity reached our inbox.
    pub fn received(account: &'a Account, activity: &'a Value) -> Self {
        Self {
            account,
            role: None,
            received: Some(activity),
        }
    }
}

/// Checks that `by` may take a moderation action: on a local community, its
/// facilitators and the instance's admins and moderators; on a community
/// elsewhere, its facilitators who are people here (the action then goes to the
/// community's instance, which applies it and announces it to everyone).
pub async fn may_moderate(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
) -> AppResult<()> {
    if community.is_local() {
        return require_moderator(state, community, by.account, by.role).await;
    }
    if by.account.is_local() && is_facilitator(state, community, by.account).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "Only the community's facilitators can do that".into(),
        ))
    }
}

/// Facilitators of a local community, and the instance's admins and moderators,
/// may moderate it here (join requests, reports, the moderation page).
pub async fn require_moderator(
    state: &AppState,
    community: &Community,
    who: &Account,
    role: Option<Role>,
) -> AppResult<()> {
    if !community.is_local() {
        return Err(AppError::Forbidden(
            "This community is moderated on its own instance".into(),
        ));
    }
    if matches!(role, Some(Role::Admin | Role::Moderator))
        || is_facilitator(state, community, who).await?
    {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "Only the community's facilitators can do that".into(),
        ))
    }
}

/// Whether `who` is a member (an accepted follower of the Group).
pub async fn is_member(state: &AppState, community: &Community, who: &Account) -> AppResult<bool> {
    Ok(follows::find(&state.db, who.id, community.account.id)
        .await?
        .is_some_and(|f| f.accepted))
}

/// The post that opened the thread `status` is in (itself when it opened one).
pub async fn thread_root(state: &AppState, status: &Status) -> AppResult<Status> {
    let mut current = status.clone();
    for _ in 0..MAX_THREAD_DEPTH {
        let Some(parent) = current.in_reply_to_ap_id.clone() else {
            break;
        };
        match posts::find_by_ap_id(&state.db, &parent).await? {
            Some(p) => current = p,
            None => break,
        }
    }
    Ok(current)
}

/// Checks that `author` may post into the community (a thread when `parent` is
/// none, else a comment under it): not banned, a member or facilitator, the thread
/// not locked, and only facilitators opening threads where that is the rule.
pub async fn may_post(
    state: &AppState,
    community: &Community,
    author: &Account,
    parent: Option<&Status>,
) -> AppResult<()> {
    if let Some(ban) = store::active_ban(&state.db, community.account.id, author.id).await? {
        let until = ban
            .expires_at
            .map(|t| format!(" until {}", t.format("%Y-%m-%d %H:%M UTC")))
            .unwrap_or_default();
        return Err(AppError::Forbidden(format!(
            "You are banned from this community{until}"
        )));
    }
    if let Some(parent) = parent {
        let root = thread_root(state, parent).await?;
        if root.locked || parent.locked {
            return Err(AppError::Forbidden("This thread is locked".into()));
        }
    }
    // What we know of a remote community's rules is checked by its own instance.
    if !community.is_local() {
        return Ok(());
    }
    let facilitator = is_facilitator(state, community, author).await?;
    if !facilitator && !is_member(state, community, author).await? {
        return Err(AppError::Forbidden(
            "Only members can post in this community: join it first".into(),
        ));
    }
    if parent.is_none() && community.settings.posting_restricted_to_mods && !facilitator {
        return Err(AppError::Forbidden(
            "Only facilitators can open threads in this community".into(),
        ));
    }
    Ok(())
}

// ----- posting -----

/// Checks a title for a thread.
pub fn check_title(title: &Option<String>) -> AppResult<()> {
    if title
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_TITLE_CHARS)
    {
        return Err(AppError::validation(format!(
            "Title is longer than {MAX_TITLE_CHARS} characters"
        )));
    }
    Ok(())
}

/// The Group of a local community `Announce`s an activity to its members' servers
/// (and `extra` recipients): the activity itself for FEP-1b12 servers, and, for a
/// Create, the post itself too, so that Mastodon shows it as a boost.
pub async fn announce(
    state: &AppState,
    community: &Community,
    activity: &Value,
    extra: &[Account],
) -> AppResult<()> {
    if !community.is_local() {
        return Ok(());
    }
    let mut recipients = follows::followers(&state.db, community.account.id).await?;
    recipients.extend(extra.iter().cloned());
    let group = &community.account.ap_id;
    let followers = community.followers_url();
    let mut inner = activity.clone();
    if let Some(obj) = inner.as_object_mut() {
        obj.remove("@context");
    }
    let id = new_activity_id(state, "announce")?;
    let wrapped = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id.as_str(),
        "type": "Announce",
        "actor": group.as_str(),
        "to": [PUBLIC],
        "cc": [followers],
        "object": inner,
    });
    queue::deliver(state, &id, group, &wrapped, &recipients).await?;
    if activity.get("type").and_then(Value::as_str) == Some("Create")
        && let Some(object_id) = activity
            .get("object")
            .and_then(|o| o.get("id"))
            .and_then(Value::as_str)
    {
        let id = new_activity_id(state, "announce")?;
        let boost = json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": id.as_str(),
            "type": "Announce",
            "actor": group.as_str(),
            "published": Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "to": [PUBLIC],
            "cc": [followers],
            "object": object_id,
        });
        queue::deliver(state, &id, group, &boost, &recipients).await?;
    }
    Ok(())
}

/// An author's Update, Delete or Like of a post in a community here, once
/// applied: the Group passes it on to the members' servers.
pub async fn pass_on(state: &AppState, status: &Status, activity: &Value) -> AppResult<()> {
    let Some(id) = status.community_id else {
        return Ok(());
    };
    let Some(community) = find(&state.db, id).await?.filter(Community::is_local) else {
        return Ok(());
    };
    announce(state, &community, activity, &[]).await
}

// ----- moderation -----

fn check_reason(reason: &str) -> AppResult<String> {
    let reason = reason.trim();
    if reason.chars().count() > 1000 {
        return Err(AppError::validation(
            "Reason is longer than 1000 characters",
        ));
    }
    Ok(reason.to_string())
}

pub async fn log_action(
    state: &AppState,
    community: &Community,
    moderator: Option<&Account>,
    action: &str,
    target_account: Option<i64>,
    target_status: Option<i64>,
    reason: &str,
) -> AppResult<()> {
    store::log(
        &state.db,
        &NewLogEntry {
            community_id: community.account.id,
            moderator_id: moderator.map(|m| m.id),
            action,
            target_account_id: target_account,
            target_status_id: target_status,
            reason,
        },
    )
    .await?;
    Ok(())
}

pub fn post_in(community: &Community, status: &Status) -> AppResult<()> {
    if status.community_id == Some(community.account.id) && status.reblog_of_id.is_none() {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// An activity by a facilitator about the community, addressed as Lemmy addresses
/// moderation: public, to the Group, with the Group as its `audience`.
pub fn moderation_activity(
    state: &AppState,
    community: &Community,
    moderator: &Account,
    kind: &str,
    object: Value,
) -> AppResult<Value> {
    let id = new_activity_id(state, &kind.to_ascii_lowercase())?;
    Ok(json!({
        "id": id.as_str(),
        "type": kind,
        "actor": moderator.ap_id.as_str(),
        "to": [PUBLIC],
        "cc": [community.account.ap_id.as_str()],
        "audience": community.account.ap_id.as_str(),
        "object": object,
    }))
}

/// Tells the other servers of a moderation action: the Group of a local community
/// announces it (the facilitator's own activity when it came from elsewhere); the
/// action of a facilitator here on a community elsewhere goes to that community's
/// instance, which applies it and announces it in turn.
pub async fn publish(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    activity: Value,
    extra: &[Account],
) -> AppResult<()> {
    if community.is_local() {
        return announce(state, community, by.received.unwrap_or(&activity), extra).await;
    }
    let id = activity
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| Url::parse(id).ok())
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("moderation activity without id")))?;
    let mut activity = activity;
    activity["@context"] = json!("https://www.w3.org/ns/activitystreams");
    queue::deliver(
        state,
        &id,
        &by.account.ap_id,
        &activity,
        std::slice::from_ref(&community.account),
    )
    .await
}

/// A facilitator removes a post or comment, with a reason; every member's server
/// gets the Group's Announce of a Delete with that reason (as Lemmy sends it).
pub async fn remove_post(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    status: &Status,
    reason: &str,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    post_in(community, status)?;
    let reason = check_reason(reason)?;
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    apply_removal(state, community, Some(by.account), status, &reason).await?;
    let mut delete =
        moderation_activity(state, community, by.account, "Delete", json!(status.ap_id))?;
    delete["summary"] = json!(reason);
    publish(state, community, by, delete, std::slice::from_ref(&author)).await?;
    unit.commit().await
}

/// Marks a post removed by the community's moderators (here, or as their
/// instance told us).
pub async fn apply_removal(
    state: &AppState,
    community: &Community,
    moderator: Option<&Account>,
    status: &Status,
    reason: &str,
) -> AppResult<()> {
    let unit = state.begin_write().await?;
    let state = unit.state();
    store::hide_removed(&state.db, status.id, reason).await?;
    log_action(
        state,
        community,
        moderator,
        "remove_post",
        Some(status.account_id),
        Some(status.id),
        reason,
    )
    .await?;
    unit.commit().await
}

/// A facilitator (elsewhere, as Lemmy's moderators do) undoes a removal: the post
/// is back, and the members' servers get the Undo.
pub async fn restore_post(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    status: &Status,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    post_in(community, status)?;
    apply_restore(state, community, Some(by.account), status).await?;
    let delete = moderation_activity(state, community, by.account, "Delete", json!(status.ap_id))?;
    let undo = moderation_activity(state, community, by.account, "Undo", delete)?;
    publish(state, community, by, undo, &[]).await?;
    unit.commit().await
}

/// Brings back a post the community's moderators removed (here, or as their
/// instance told us).
pub async fn apply_restore(
    state: &AppState,
    community: &Community,
    moderator: Option<&Account>,
    status: &Status,
) -> AppResult<()> {
    let unit = state.begin_write().await?;
    let state = unit.state();
    store::unhide_removed(&state.db, status.id).await?;
    log_action(
        state,
        community,
        moderator,
        "restore_post",
        Some(status.account_id),
        Some(status.id),
        "",
    )
    .await?;
    unit.commit().await
}

/// A facilitator locks or unlocks a thread: no more comments while it is locked.
pub async fn set_lock(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    status: &Status,
    locked: bool,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    let moderator = by.account;
    post_in(community, status)?;
    store::set_locked(&state.db, status.id, locked).await?;
    let action = if locked { "lock" } else { "unlock" };
    log_action(
        state,
        community,
        Some(moderator),
        action,
        Some(status.account_id),
        Some(status.id),
        "",
    )
    .await?;
    let lock = moderation_activity(state, community, moderator, "Lock", json!(status.ap_id))?;
    let activity = if locked {
        lock
    } else {
        moderation_activity(state, community, moderator, "Undo", lock)?
    };
    publish(state, community, by, activity, &[]).await?;
    unit.commit().await
}

/// A facilitator pins a thread to the community (its `featured` collection) or
/// takes the pin away.
pub async fn set_pin(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    status: &Status,
    pinned: bool,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    let moderator = by.account;
    post_in(community, status)?;
    if status.in_reply_to_ap_id.is_some() {
        return Err(AppError::validation(
            "Only threads can be pinned, not comments",
        ));
    }
    store::set_pinned(&state.db, status.id, pinned).await?;
    let action = if pinned { "pin" } else { "unpin" };
    log_action(
        state,
        community,
        Some(moderator),
        action,
        Some(status.account_id),
        Some(status.id),
        "",
    )
    .await?;
    let kind = if pinned { "Add" } else { "Remove" };
    let mut activity = moderation_activity(state, community, moderator, kind, json!(status.ap_id))?;
    activity["target"] = json!(community.featured_url());
    publish(state, community, by, activity, &[]).await?;
    unit.commit().await
}

/// A facilitator bans a person from the community (until `expires_at`, or until
/// lifted); the Group announces a Block with the community as its target.
pub async fn ban(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    person: &Account,
    reason: &str,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    let moderator = by.account;
    if is_facilitator(state, community, person).await? {
        return Err(AppError::validation("Remove them as a facilitator first"));
    }
    if expires_at.is_some_and(|t| t <= Utc::now()) {
        return Err(AppError::validation("The ban must end in the future"));
    }
    let reason = check_reason(reason)?;
    store::ban(
        &state.db,
        community.account.id,
        person.id,
        &reason,
        expires_at,
    )
    .await?;
    log_action(
        state,
        community,
        Some(moderator),
        "ban",
        Some(person.id),
        None,
        &reason,
    )
    .await?;
    let activity = block_activity(state, community, moderator, person, &reason, expires_at)?;
    publish(state, community, by, activity, std::slice::from_ref(person)).await?;
    unit.commit().await
}

fn block_activity(
    state: &AppState,
    community: &Community,
    moderator: &Account,
    person: &Account,
    reason: &str,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<Value> {
    let mut block = moderation_activity(
        state,
        community,
        moderator,
        "Block",
        json!(person.ap_id.as_str()),
    )?;
    block["target"] = json!(community.account.ap_id.as_str());
    block["summary"] = json!(reason);
    if let Some(t) = expires_at {
        block["endTime"] = json!(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    Ok(block)
}

/// Lifts a ban; the Group announces an Undo of the Block.
pub async fn unban(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    person: &Account,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    let moderator = by.account;
    if !store::unban(&state.db, community.account.id, person.id).await? {
        return Err(AppError::NotFound);
    }
    log_action(
        state,
        community,
        Some(moderator),
        "unban",
        Some(person.id),
        None,
        "",
    )
    .await?;
    let block = block_activity(state, community, moderator, person, "", None)?;
    let undo = moderation_activity(state, community, moderator, "Undo", block)?;
    publish(state, community, by, undo, std::slice::from_ref(person)).await?;
    unit.commit().await
}

/// Adds or removes a facilitator (a local person, or a member from elsewhere);
/// the Group announces an Add or Remove on its moderators collection.
pub async fn set_facilitator(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    person: &Account,
    facilitator: bool,
) -> AppResult<()> {
    may_moderate(state, community, by).await?;
    let unit = state.begin_write().await?;
    let state = unit.state();
    let moderator = by.account;
    if person.actor_type != "Person" {
        return Err(AppError::validation(
            "Only people can facilitate a community",
        ));
    }
    let changed = if facilitator {
        store::add_facilitator(&state.db, community.account.id, person.id).await?
    } else {
        if store::facilitator_ids(&state.db, community.account.id)
            .await?
            .len()
            <= 1
        {
            return Err(AppError::validation(
                "A community needs at least one facilitator",
            ));
        }
        store::remove_facilitator(&state.db, community.account.id, person.id).await?
    };
    if !changed {
        return Ok(());
    }
    let action = if facilitator {
        "add_facilitator"
    } else {
        "remove_facilitator"
    };
    log_action(
        state,
        community,
        Some(moderator),
        action,
        Some(person.id),
        None,
        "",
    )
    .await?;
    let kind = if facilitator { "Add" } else { "Remove" };
    let mut activity = moderation_activity(
        state,
        community,
        moderator,
        kind,
        json!(person.ap_id.as_str()),
    )?;
    activity["target"] = json!(community.moderators_url());
    publish(state, community, by, activity, &[]).await?;
    unit.commit().await
}

// ----- reports -----

/// Anyone reports a post or a person. The report is kept for the community's
/// facilitators when the community is here, and a `Flag` from the instance actor
/// goes to the community's instance and the author's instance when they are not.
pub async fn report(
    state: &AppState,
    reporter: &Account,
    community: Option<&Community>,
    target: &Account,
    status: Option<&Status>,
    reason: &str,
) -> AppResult<i64> {
    let reason = check_reason(reason)?;
    if reason.is_empty() {
        return Err(AppError::validation("Say what is wrong"));
    }
    let id = new_activity_id(state, "flag")?;
    let unit = state.begin_write().await?;
    let report_id = store::add_report(
        &unit.db,
        &store::NewReport {
            ap_id: id.as_str(),
            community_id: community.map(|c| c.account.id),
            reporter_id: Some(reporter.id),
            target_account_id: Some(target.id),
            target_status_id: status.map(|s| s.id),
            reason: &reason,
        },
    )
    .await?
    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("report id collision")))?;
    let mut objects = vec![json!(target.ap_id.as_str())];
    if let Some(s) = status {
        objects.push(json!(s.ap_id));
    }
    let mut flag = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id.as_str(),
        "type": "Flag",
        "actor": state.instance_actor.ap_id.as_str(),
        "object": objects,
        "content": reason,
    });
    let mut recipients: Vec<Account> = Vec::new();
    if let Some(c) = community {
        flag["target"] = json!(c.account.ap_id.as_str());
        flag["audience"] = json!(c.account.ap_id.as_str());
        if !c.is_local() {
            recipients.push(c.account.clone());
        }
    }
    if !target.is_local() {
        recipients.push(target.clone());
    }
    queue::deliver(&unit, &id, &state.instance_actor.ap_id, &flag, &recipients).await?;
    unit.commit().await?;
    Ok(report_id)
}

/// A `Flag` from another instance: kept for the facilitators of the local
/// community it names (or that the reported post is in).
pub async fn receive_report(
    state: &AppState,
    flag_id: &Url,
    sender: &Account,
    community: Option<Community>,
    target: Option<Account>,
    status: Option<Status>,
    reason: &str,
) -> AppResult<()> {
    let community = match (community, &status) {
        (Some(c), _) => Some(c),
        (None, Some(s)) => match s.community_id {
            Some(id) => find(&state.db, id).await?,
            None => None,
        },
        _ => None,
    };
    let Some(community) = community.filter(Community::is_local) else {
        // Not about a community here: nothing for our facilitators.
        return Ok(());
    };
    let reason: String = reason.chars().take(1000).collect();
    store::add_report(
        &state.db,
        &store::NewReport {
            ap_id: flag_id.as_str(),
            community_id: Some(community.account.id),
            reporter_id: Some(sender.id),
            target_account_id: target
                .map(|t| t.id)
                .or(status.as_ref().map(|s| s.account_id)),
            target_status_id: status.map(|s| s.id),
            reason: &reason,
        },
    )
    .await?;
    Ok(())
}

// ----- incoming posts -----

/// The local community a post from another server is posted into: a local Group
/// it addresses or mentions, or the community of the post it replies to.
pub async fn local_target(
    state: &AppState,
    addressed: &[Url],
    parent: Option<&Status>,
) -> AppResult<Option<Community>> {
    for url in addressed.iter().take(50) {
        if crate::federation::origin(url).as_deref() != Some(state.settings.domain.as_str()) {
            continue;
        }
        if let Some(account) = accounts::find_by_ap_id(&state.db, url).await?
            && account.is_local()
            && let Some(c) = of_account(&state.db, &account).await?
        {
            return Ok(Some(c));
        }
    }
    if let Some(parent) = parent
        && let Some(id) = parent.community_id
        && let Some(c) = find(&state.db, id).await?
        && c.is_local()
    {
        return Ok(Some(c));
    }
    Ok(None)
}

/// Whether an inner activity's actor speaks for the community: it is on the
/// community's own instance.
pub fn speaks_for(community: &Community, actor: &Url) -> bool {
    same_origin(actor, &community.account.ap_id)
}

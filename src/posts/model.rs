//! The rules of posts: visibility, who may see what, mentions, and what goes to
//! which servers.

use activitypub_federation::config::Data;
use chrono::Utc;
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, resolve::resolve_acct, store as accounts},
    communities::model::Community,
    error::{AppError, AppResult},
    federation::queue,
    follows::store as follows,
    notifications::{self, Kind},
    posts::{
        apub,
        store::{self, NewStatus, Status},
    },
    web::escape,
};

pub const MAX_POST_CHARS: usize = 5000;
const MAX_MENTIONS: usize = 20;
pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Mastodon's four visibilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Unlisted,
    Private,
    Direct,
}

impl Visibility {
    pub fn parse(s: &str) -> Option<Visibility> {
        match s {
            "public" => Some(Visibility::Public),
            "unlisted" => Some(Visibility::Unlisted),
            "private" => Some(Visibility::Private),
            "direct" => Some(Visibility::Direct),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Private => "private",
            Visibility::Direct => "direct",
        }
    }
}

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
    /// A teaching material's facts, when the post is one (an Article).
    pub material: Option<crate::materials::model::MaterialDraft>,
    /// A case report's facts, when the post is one (an Article).
    pub case_report: Option<crate::cases::model::CaseDraft>,
}

/// `@name` and `@name@domain` in a text, in order, without repeats.
pub fn mention_handles(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous = ' ';
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '@' && (previous.is_whitespace() || previous == '(') {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric()
                    || matches!(chars[j], '_' | '.' | '-' | '@' | ':'))
            {
                j += 1;
            }
            let handle: String = chars[i + 1..j].iter().collect();
            let handle = handle.trim_end_matches(['.', ':', '-']).to_string();
            if !handle.is_empty() && !handle.starts_with('@') && !out.contains(&handle) {
                out.push(handle);
            }
            previous = chars[j.saturating_sub(1)];
            i = j;
            continue;
        }
        previous = c;
        i += 1;
    }
    out
}

/// A hashtag name as stored: letters, digits and underscores, lower case.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let tag: String = raw.trim_start_matches('#').to_lowercase();
    let ok = !tag.is_empty()
        && tag.chars().count() <= 100
        && tag.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !tag.chars().all(|c| c.is_ascii_digit());
    ok.then_some(tag)
}

/// `#tags` in a text, normalized, without repeats.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace()) {
        if let Some(rest) = word.strip_prefix('#') {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(tag) = normalize_tag(&name)
                && !out.contains(&tag)
            {
                out.push(tag);
            }
        }
    }
    out
}

/// Turns typed text into safe HTML: escaped, links, mentions and hashtags made
/// links, paragraphs at blank lines and line breaks inside them.
pub fn render_text(text: &str, mentions: &[(String, Account)]) -> String {
    render_text_with_base(text, mentions, None)
}

/// [`render_text`], with hashtags linked to `base`'s tag pages.
pub fn render_text_with_base(
    text: &str,
    mentions: &[(String, Account)],
    base: Option<&str>,
) -> String {
    let render_word = |word: &str| -> String {
        if word.starts_with("https://") || word.starts_with("http://") {
            let trimmed = word.trim_end_matches(['.', ',', ')', '!', '?', ';', ':']);
            let rest = &word[trimmed.len()..];
            if Url::parse(trimmed).is_ok() {
                return format!(
                    "<a href=\"{0}\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">{0}</a>{1}",
                    escape(trimmed),
                    escape(rest)
                );
            }
        }
        if let (Some(rest), Some(base)) = (word.strip_prefix('#'), base) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(tag) = normalize_tag(&name) {
                let tail = &rest[name.len()..];
                return format!(
                    "<a href=\"{}/tags/{}\" class=\"mention hashtag\" rel=\"tag\">#<span>{}</span></a>{}",
                    escape(base),
                    escape(&tag),
                    escape(&name),
                    escape(tail)
                );
            }
        }
        if let Some(handle) = word.strip_prefix('@') {
            let handle_trimmed = handle.trim_end_matches(['.', ',', ')', '!', '?', ';', ':']);
            if let Some((_, account)) = mentions.iter().find(|(h, _)| h == handle_trimmed) {
                let rest = &handle[handle_trimmed.len()..];
                return format!(
                    "<span class=\"h-card\"><a href=\"{}\" class=\"u-url mention\">@<span>{}</span></a></span>{}",
                    escape(&account.profile_url()),
                    escape(&account.username),
                    escape(rest)
                );
            }
        }
        escape(word)
    };
    text.trim()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|paragraph| {
            let lines: Vec<String> = paragraph
                .lines()
                .map(|line| {
                    line.split(' ')
                        .map(render_word)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect()
}

/// Writes a post for a local person, then hands it to the delivery queue.
pub async fn create(data: &Data<AppState>, author: &Account, post: NewPost) -> AppResult<Status> {
    let text = post.text.trim().to_string();
    if text.is_empty() {
        return Err(AppError::validation("Text can't be blank"));
    }
    if text.chars().count() > MAX_POST_CHARS {
        return Err(AppError::validation(format!(
            "Text character limit of {MAX_POST_CHARS} exceeded"
        )));
    }
    if post.spoiler_text.chars().count() > MAX_POST_CHARS {
        return Err(AppError::validation("Content warning is too long"));
    }
    if let Some(key) = &post.idempotency_key
        && let Some(existing) = store::find_by_idempotency_key(&data.db, author.id, key).await?
    {
        return Ok(existing);
    }
    let mut mentioned: Vec<(String, Account)> = Vec::new();
    for handle in mention_handles(&text).into_iter().take(MAX_MENTIONS) {
        // A handle we cannot resolve stays plain text, as on Mastodon.
        if let Ok(account) = resolve_acct(data, &handle, true).await
            && account.actor_type != "Application"
        {
            mentioned.push((handle, account));
        }
    }
    // Into a community: the one named, else a mentioned Group, else the one the
    // post replied to is in.
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
        Some(a) => crate::communities::model::of_account(&data.db, a).await?,
        None => None,
    };
    let title = post
        .title
        .clone()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && post.in_reply_to.is_none());
    if let Some(community) = &community {
        crate::communities::model::check_title(&title)?;
        if post.visibility != Visibility::Public {
            return Err(AppError::validation("Posts in a community are public"));
        }
        crate::communities::model::may_post(data, community, author, post.in_reply_to.as_ref())
            .await?;
    }
    let base = data.settings.base_url();
    let content = render_text_with_base(&text, &mentioned, Some(&base));
    let tags = hashtags(&text);
    let mention_ids: Vec<i64> = mentioned.iter().map(|(_, a)| a.id).collect();
    let placeholder = format!(
        "{}/statuses/pending/{}",
        data.settings.base_url(),
        crate::accounts::session::random_token()
    );
    let inserted = store::insert(
        &data.db,
        &NewStatus {
            ap_id: &placeholder,
            url: None,
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
        },
        &mention_ids,
    )
    .await;
    let status = match inserted {
        Ok(Some(status)) => status,
        Ok(None) => return Err(AppError::Internal(anyhow::anyhow!("post id collision"))),
        // The same Idempotency-Key at the same moment: the other request won.
        Err(e) if crate::db::is_unique_violation(&e) => {
            let key = post.idempotency_key.as_deref().unwrap_or_default();
            return store::find_by_idempotency_key(&data.db, author.id, key)
                .await?
                .ok_or_else(|| {
                    AppError::validation("This Idempotency-Key was used for a deleted post")
                });
        }
        Err(e) => return Err(e.into()),
    };
    store::add_tags(&data.db, status.id, &tags).await?;
    if let Some(community) = &community {
        crate::communities::store::set_post_community(
            &data.db,
            status.id,
            community.account.id,
            title.as_deref(),
        )
        .await?;
    }
    let ap_id = format!("{}/statuses/{}", author.ap_id, status.id);
    let url = format!(
        "{}/@{}/{}",
        data.settings.base_url(),
        author.username,
        status.id
    );
    store::set_addresses(&data.db, status.id, &ap_id, &url).await?;
    // A material's facts go beside the post before the Article is written; a
    // remix also goes to the original's author.
    let mut also_to = Vec::new();
    if let Some(material) = &post.material {
        also_to = crate::materials::model::attach(data, status.id, material, false).await?;
    }
    if let Some(case) = &post.case_report {
        crate::cases::model::attach(data, status.id, case).await?;
    }
    let status = store::find(&data.db, status.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mentioned: Vec<Account> = mentioned.into_iter().map(|(_, a)| a).collect();
    for account in &mentioned {
        notifications::notify(&data.db, account, author, Kind::Mention, Some(status.id)).await?;
    }
    if status.visibility != "direct" {
        notifications::notify_subscribers(&data.db, author, status.id).await?;
    }
    let community_account = community.as_ref().map(|c| &c.account);
    let object =
        apub::object_json(data, &status, author, &mentioned, &tags, community_account).await?;
    let activity = apub::create_activity(&status, author, object);
    let mut recipients = recipients(data, &status, author, &mentioned).await?;
    recipients.extend(community_account.cloned());
    recipients.extend(also_to);
    let activity_id =
        Url::parse(&format!("{ap_id}/activity")).map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(data, &activity_id, &author.ap_id, &activity, &recipients).await?;
    announce_in(data, community.as_ref(), &activity).await?;
    Ok(status)
}

/// Who must receive a post: followers (unless it is direct) and the mentioned.
async fn recipients(
    state: &AppState,
    status: &Status,
    author: &Account,
    mentioned: &[Account],
) -> AppResult<Vec<Account>> {
    let mut out: Vec<Account> = mentioned.to_vec();
    if status.visibility != "direct" {
        out.extend(follows::followers(&state.db, author.id).await?);
    }
    Ok(out)
}

/// The community a post is in.
pub async fn community_of(state: &AppState, status: &Status) -> AppResult<Option<Community>> {
    match status.community_id {
        Some(id) => crate::communities::model::find(&state.db, id).await,
        None => Ok(None),
    }
}

/// A post's activity in a community here is passed on by its Group (nothing to
/// do for a community elsewhere: its own instance announces it).
async fn announce_in(
    state: &AppState,
    community: Option<&Community>,
    activity: &serde_json::Value,
) -> AppResult<()> {
    match community {
        Some(c) => crate::communities::model::announce(state, c, activity, &[]).await,
        None => Ok(()),
    }
}

/// The accounts a post mentions.
pub async fn mentioned_accounts(state: &AppState, status: &Status) -> AppResult<Vec<Account>> {
    let mut out = Vec::new();
    for id in store::mentions(&state.db, status.id).await? {
        if let Some(a) = accounts::find_by_id(&state.db, id).await? {
            out.push(a);
        }
    }
    Ok(out)
}

/// Deletes a local post; the servers that got it get a Delete.
pub async fn delete(state: &AppState, author: &Account, status: &Status) -> AppResult<()> {
    if status.account_id != author.id {
        return Err(AppError::Forbidden("This action is not allowed".into()));
    }
    let mentioned = mentioned_accounts(state, status).await?;
    let mut recipients = recipients(state, status, author, &mentioned).await?;
    let community = community_of(state, status).await?;
    recipients.extend(community.iter().map(|c| c.account.clone()));
    store::mark_deleted(&state.db, status.id).await?;
    let activity = apub::delete_activity(status, author, &mentioned)?;
    let activity_id = Url::parse(&format!("{}#delete", status.ap_id))
        .map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(state, &activity_id, &author.ap_id, &activity, &recipients).await?;
    announce_in(state, community.as_ref(), &activity).await
}

/// Whether `viewer` (None: anonymous) may see a post.
pub async fn can_see(
    state: &AppState,
    viewer: Option<&Account>,
    status: &Status,
) -> AppResult<bool> {
    match status.visibility.as_str() {
        "public" | "unlisted" => Ok(true),
        other => {
            let Some(viewer) = viewer else {
                return Ok(false);
            };
            if viewer.id == status.account_id {
                return Ok(true);
            }
            if store::mentions(&state.db, status.id)
                .await?
                .contains(&viewer.id)
            {
                return Ok(true);
            }
            if other == "private" {
                let follow = follows::find(&state.db, viewer.id, status.account_id).await?;
                return Ok(follow.is_some_and(|f| f.accepted));
            }
            Ok(false)
        }
    }
}

// ----- favourites -----

/// A local person favourites a post they can see; a remote author's server gets a Like.
pub async fn favourite(state: &AppState, who: &Account, status: &Status) -> AppResult<()> {
    let id = crate::follows::model::new_activity_id(state, "like")?;
    let added = store::add_favourite(&state.db, who.id, status.id, id.as_str()).await?;
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if added {
        notifications::notify(&state.db, &author, who, Kind::Favourite, Some(status.id)).await?;
    }
    if !added {
        return Ok(());
    }
    // A remote author's server, and a remote community's, get the Like; a
    // community here announces it (local recipients are skipped by the queue).
    let community = community_of(state, status).await?;
    let activity = apub::like_activity(&id, who, status);
    let mut recipients = vec![author];
    recipients.extend(community.iter().map(|c| c.account.clone()));
    queue::deliver(state, &id, &who.ap_id, &activity, &recipients).await?;
    announce_in(state, community.as_ref(), &activity).await
}

/// Takes a favourite back; a remote author's server gets an Undo.
pub async fn unfavourite(state: &AppState, who: &Account, status: &Status) -> AppResult<()> {
    let Some(like_id) = store::remove_favourite(&state.db, who.id, status.id).await? else {
        return Ok(());
    };
    if status.local {
        return Ok(());
    }
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let like_id = Url::parse(&like_id).map_err(|e| AppError::Internal(e.into()))?;
    let id = crate::follows::model::new_activity_id(state, "undo")?;
    let activity = apub::undo_like_activity(&id, &like_id, who, status);
    queue::deliver(
        state,
        &id,
        &who.ap_id,
        &activity,
        std::slice::from_ref(&author),
    )
    .await
}

// ----- edits -----

/// What an author changes in a post.
pub struct PostEdit {
    pub text: String,
    pub spoiler_text: String,
    pub sensitive: bool,
    /// A teaching material's new facts, when the post is one.
    pub material: Option<crate::materials::model::MaterialDraft>,
    /// A case report's new facts, when the post is one.
    pub case_report: Option<crate::cases::model::CaseDraft>,
}

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
    let text = change.text.trim().to_string();
    if text.is_empty() {
        return Err(AppError::validation("Text can't be blank"));
    }
    if text.chars().count() > MAX_POST_CHARS || change.spoiler_text.chars().count() > MAX_POST_CHARS
    {
        return Err(AppError::validation(format!(
            "Text character limit of {MAX_POST_CHARS} exceeded"
        )));
    }
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
    store::edit(
        &data.db,
        status,
        &content,
        Some(&text),
        spoiler,
        change.sensitive || !spoiler.is_empty(),
        Utc::now(),
    )
    .await?;
    store::add_tags(&data.db, status.id, &tags).await?;
    if let Some(material) = &change.material {
        crate::materials::model::attach(data, status.id, material, true).await?;
    }
    if let Some(case) = &change.case_report {
        crate::cases::model::attach(data, status.id, case).await?;
    }
    let status = store::find(&data.db, status.id)
        .await?
        .ok_or(AppError::NotFound)?;
    send_update(data, &status, author).await?;
    Ok(status)
}

/// Tells everyone who has a local post its current version (an `Update`): after
/// an edit, or when something others read with it changed (a case report's
/// verification, which servers outside the community learn of this way).
pub async fn send_update(data: &AppState, status: &Status, author: &Account) -> AppResult<()> {
    let mentioned = mentioned_accounts(data, status).await?;
    let mut recipients = recipients(data, status, author, &mentioned).await?;
    let community = community_of(data, status).await?;
    recipients.extend(community.iter().map(|c| c.account.clone()));
    let id = crate::follows::model::new_activity_id(data, "update")?;
    let tags = store::tags(&data.db, status.id).await?;
    let object = apub::object_json(
        data,
        status,
        author,
        &mentioned,
        &tags,
        community.as_ref().map(|c| &c.account),
    )
    .await?;
    let activity = apub::update_activity(&id, author, object);
    queue::deliver(data, &id, &author.ap_id, &activity, &recipients).await?;
    announce_in(data, community.as_ref(), &activity).await
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
    let placeholder = format!(
        "{}/statuses/pending/{}",
        state.settings.base_url(),
        crate::accounts::session::random_token()
    );
    let boost = store::insert(
        &state.db,
        &NewStatus {
            ap_id: &placeholder,
            url: None,
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
        },
        &[],
    )
    .await?
    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("post id collision")))?;
    let ap_id = format!("{}/statuses/{}/activity", who.ap_id, boost.id);
    let url = format!(
        "{}/@{}/{}",
        state.settings.base_url(),
        who.username,
        boost.id
    );
    store::set_addresses(&state.db, boost.id, &ap_id, &url).await?;
    let boost = store::find(&state.db, boost.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let author = accounts::find_by_id(&state.db, original.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    notifications::notify(&state.db, &author, who, Kind::Reblog, Some(original.id)).await?;
    let activity = apub::announce_activity(&boost, who, original, &author);
    let mut recipients = follows::followers(&state.db, who.id).await?;
    recipients.push(author);
    let id = Url::parse(&ap_id).map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(state, &id, &who.ap_id, &activity, &recipients).await?;
    Ok(boost)
}

/// Takes a boost back: the servers that got it get an Undo.
pub async fn unreblog(state: &AppState, who: &Account, original: &Status) -> AppResult<()> {
    let Some(boost) = store::find_reblog(&state.db, who.id, original.id).await? else {
        return Ok(());
    };
    store::mark_deleted(&state.db, boost.id).await?;
    let author = accounts::find_by_id(&state.db, original.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let activity = apub::undo_announce_activity(&boost, who, original, &author);
    let mut recipients = follows::followers(&state.db, who.id).await?;
    recipients.push(author);
    let id =
        Url::parse(&format!("{}#undo", boost.ap_id)).map_err(|e| AppError::Internal(e.into()))?;
    queue::deliver(state, &id, &who.ap_id, &activity, &recipients).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_in_text() {
        assert_eq!(
            mention_handles("Hi @anna and @bob@b.example:8080, see mail@x.example. @anna again"),
            vec!["anna", "bob@b.example:8080"]
        );
        assert!(mention_handles("no@mention here").is_empty());
    }

    #[test]
    fn hashtags_are_found_and_normalized() {
        assert_eq!(
            hashtags("Trying #STEM and #stem, #digital_pedagogy! #2026 #"),
            vec!["stem", "digital_pedagogy"]
        );
        assert_eq!(normalize_tag("#Ökologie").as_deref(), Some("ökologie"));
        assert!(normalize_tag("#no-dash").is_none());
    }

    #[test]
    fn visibilities_round_trip() {
        for v in ["public", "unlisted", "private", "direct"] {
            assert_eq!(Visibility::parse(v).unwrap().as_str(), v);
        }
        assert!(Visibility::parse("everyone").is_none());
    }
}

//! The rules of posts: visibility, who may see what, mentions, and what goes to
//! which servers.

use activitypub_federation::config::Data;
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, resolve::resolve_acct, store as accounts},
    error::{AppError, AppResult},
    follows::store as follows,
    posts::store::{self, Status},
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

/// A post's text and content warning as a person typed them, trimmed and checked.
pub fn check_text(text: &str, spoiler_text: &str) -> AppResult<String> {
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(AppError::validation("Text can't be blank").said(
            "invalid-blank",
            Some("text"),
            &[],
        ));
    }
    if text.chars().count() > MAX_POST_CHARS {
        return Err(AppError::validation(format!(
            "Text character limit of {MAX_POST_CHARS} exceeded"
        ))
        .said(
            "invalid-too-long",
            Some("text"),
            &[("max", MAX_POST_CHARS.to_string())],
        ));
    }
    if spoiler_text.chars().count() > MAX_POST_CHARS {
        return Err(AppError::validation("Content warning is too long").said(
            "invalid-too-long",
            Some("content_warning"),
            &[("max", MAX_POST_CHARS.to_string())],
        ));
    }
    Ok(text)
}

/// The people a text mentions, each with the handle it used; a handle we cannot
/// resolve (or an instance actor) stays plain text, as on Mastodon.
pub async fn resolve_mentions(data: &Data<AppState>, text: &str) -> Vec<(String, Account)> {
    let mut mentioned: Vec<(String, Account)> = Vec::new();
    for handle in mention_handles(text).into_iter().take(MAX_MENTIONS) {
        if let Ok(account) = resolve_acct(data, &handle, true).await
            && account.actor_type != "Application"
        {
            mentioned.push((handle, account));
        }
    }
    mentioned
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

/// Who must receive a post: followers (unless it is direct) and the mentioned.
pub async fn recipients(
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

/// The address of a post's thread page here.
pub fn thread_path(author: &Account, status_id: i64) -> String {
    match &author.domain {
        None => format!("/@{}/{status_id}", author.username),
        Some(domain) => format!("/@{}@{domain}/{status_id}", author.username),
    }
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

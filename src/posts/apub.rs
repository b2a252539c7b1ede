//! Posts on the wire: the `Note` we send (addressed as Mastodon addresses each
//! visibility), `Create` and `Delete`, and the checks and mapping for Notes that
//! arrive from other servers.

use activitypub_federation::{
    FEDERATION_CONTENT_TYPE, config::Data, fetch::object_id::ObjectId, traits::Activity,
};
use axum::{
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    error::{AppError, AppResult},
    federation::same_origin,
    notifications::{self, Kind},
    posts::{
        model::{PUBLIC, mentioned_accounts},
        store::{self, NewStatus, Status},
    },
};

/// How many fetches one incoming post may cause to read its thread upwards.
const MAX_THREAD_FETCHES: u32 = 5;

/// Largest post content we accept from another server.
const MAX_REMOTE_CONTENT_BYTES: usize = 100_000;

fn context() -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        { "sensitive": "as:sensitive", "Hashtag": "as:Hashtag", "toot": "http://joinmastodon.org/ns#" }
    ])
}

/// `to` and `cc` for a post, as Mastodon addresses each visibility; a post in a
/// community is addressed to its Group too (as Lemmy addresses it).
fn addressing(
    status: &Status,
    author: &Account,
    mentioned: &[Account],
    community: Option<&Account>,
) -> (Vec<String>, Vec<String>) {
    let followers = author
        .followers_url
        .clone()
        .unwrap_or_else(|| format!("{}/followers", author.ap_id));
    let mentions: Vec<String> = mentioned.iter().map(|a| a.ap_id.to_string()).collect();
    if let Some(group) = community {
        let mut cc = vec![followers];
        cc.extend(mentions.into_iter().filter(|m| m != group.ap_id.as_str()));
        return (vec![PUBLIC.into(), group.ap_id.to_string()], cc);
    }
    match status.visibility.as_str() {
        "public" => (vec![PUBLIC.into()], [vec![followers], mentions].concat()),
        "unlisted" => (vec![followers], [vec![PUBLIC.into()], mentions].concat()),
        "private" => (vec![followers], mentions),
        _ => (mentions, vec![]),
    }
}

/// What a thread's title looks like at the head of its content, so software that
/// ignores `name` (Mastodon) still shows it; receivers take it off again.
fn title_html(title: &str) -> String {
    format!("<p><strong>{}</strong></p>", crate::web::escape(title))
}

/// The Note of a local post.
pub fn note_json(
    status: &Status,
    author: &Account,
    mentioned: &[Account],
    hashtags: &[String],
    base: &str,
    community: Option<&Account>,
) -> Value {
    let (to, cc) = addressing(status, author, mentioned, community);
    let hashtag_tags = hashtags.iter().map(|t| {
        json!({ "type": "Hashtag", "href": format!("{base}/tags/{t}"), "name": format!("#{t}") })
    });
    let tags: Vec<Value> = mentioned
        .iter()
        .map(|a| {
            let host = crate::federation::origin(&a.ap_id).unwrap_or_default();
            json!({ "type": "Mention", "href": a.ap_id.as_str(), "name": format!("@{}@{host}", a.username) })
        })
        .chain(hashtag_tags)
        .collect();
    let mut note = json!({
        "id": status.ap_id,
        "type": "Note",
        "attributedTo": author.ap_id.as_str(),
        "content": status.content,
        "summary": if status.spoiler_text.is_empty() { Value::Null } else { json!(status.spoiler_text) },
        "sensitive": status.sensitive,
        "published": status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "url": status.url,
        "inReplyTo": status.in_reply_to_ap_id,
        "to": to,
        "cc": cc,
        "tag": tags,
    });
    if let Some(title) = &status.title {
        let content = format!("{}{}", title_html(title), status.content);
        note["name"] = json!(title);
        note["content"] = json!(content);
    }
    if let Some(group) = community {
        note["audience"] = json!(group.ap_id.as_str());
        if status.in_reply_to_ap_id.is_none() {
            note["commentsEnabled"] = json!(!status.locked);
        }
        // A thread is a Page, as Lemmy, PieFed and Mbin take posts (and they refuse
        // a Page that has `inReplyTo` at all); comments stay Notes.
        if status.title.is_some() && status.in_reply_to_ap_id.is_none() {
            note["type"] = json!("Page");
            if let Some(o) = note.as_object_mut() {
                o.remove("inReplyTo");
            }
        }
    }
    // What the author typed: Lemmy shows it instead of `content`, which repeats
    // the title for software that ignores `name`.
    if let Some(source) = status.source_text.as_deref().filter(|s| !s.is_empty()) {
        note["source"] = json!({ "content": source, "mediaType": "text/markdown" });
    }
    if let Some(language) = &status.language {
        note["contentMap"] = json!({ language: note["content"] });
    }
    if let Some(edited) = status.edited_at {
        note["updated"] = json!(edited.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    note
}

/// The object of a local post as other servers read it: a Note, or for a
/// teaching material an Article with its LearningResource facts.
pub async fn object_json(
    state: &AppState,
    status: &Status,
    author: &Account,
    mentioned: &[Account],
    hashtags: &[String],
    community: Option<&Account>,
) -> AppResult<Value> {
    let mut note = note_json(
        status,
        author,
        mentioned,
        hashtags,
        &state.settings.base_url(),
        community,
    );
    crate::materials::apub::as_article(state, status, &mut note).await?;
    crate::cases::apub::as_article(state, status, &mut note).await?;
    Ok(note)
}

/// The JSON-LD context of our objects: ActivityStreams, Mastodon's terms, and
/// ours (materials' schema.org terms).
pub fn object_context(state: &AppState) -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        { "sensitive": "as:sensitive", "Hashtag": "as:Hashtag", "toot": "http://joinmastodon.org/ns#" },
        format!("{}/ns", state.settings.base_url()),
    ])
}

/// `Create` of a local post, with its context.
pub fn create_activity(status: &Status, author: &Account, object: Value) -> Value {
    json!({
        "@context": context(),
        "id": format!("{}/activity", status.ap_id),
        "type": "Create",
        "actor": author.ap_id.as_str(),
        "published": object["published"],
        "to": object["to"],
        "cc": object["cc"],
        "object": object,
    })
}

/// `Delete` of a local post: a Tombstone, to everyone who got the post.
pub fn delete_activity(
    status: &Status,
    author: &Account,
    mentioned: &[Account],
) -> AppResult<Value> {
    let (to, cc) = addressing(status, author, mentioned, None);
    Ok(json!({
        "@context": context(),
        "id": format!("{}#delete", status.ap_id),
        "type": "Delete",
        "actor": author.ap_id.as_str(),
        "to": to,
        "cc": cc,
        "object": { "id": status.ap_id, "type": "Tombstone" },
    }))
}

/// `Update` of an edited local post.
pub fn update_activity(id: &Url, author: &Account, object: Value) -> Value {
    json!({
        "@context": context(),
        "id": id.as_str(),
        "type": "Update",
        "actor": author.ap_id.as_str(),
        "to": object["to"],
        "cc": object["cc"],
        "object": object,
    })
}

/// `Like` of a post, sent to its author.
pub fn like_activity(id: &Url, who: &Account, status: &Status) -> Value {
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id.as_str(),
        "type": "Like",
        "actor": who.ap_id.as_str(),
        "object": status.ap_id,
    })
}

/// `Undo` of a `Like`.
pub fn undo_like_activity(id: &Url, like_id: &Url, who: &Account, status: &Status) -> Value {
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id.as_str(),
        "type": "Undo",
        "actor": who.ap_id.as_str(),
        "object": {
            "id": like_id.as_str(),
            "type": "Like",
            "actor": who.ap_id.as_str(),
            "object": status.ap_id,
        },
    })
}

/// `GET /users/{name}/statuses/{id}`: the Note of a public or unlisted post.
pub async fn note(
    data: Data<AppState>,
    headers: axum::http::HeaderMap,
    method: axum::http::Method,
    uri: axum::http::Uri,
    Path((name, id)): Path<(String, String)>,
) -> AppResult<Response> {
    crate::federation::signed_fetch::require_signature(&data, &headers, &method, &uri).await?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let status = store::find(&data.db, id).await?.ok_or(AppError::NotFound)?;
    let author = accounts::find_by_id(&data.db, status.account_id)
        .await?
        .filter(|a| a.is_local() && a.username.eq_ignore_ascii_case(&name))
        .ok_or(AppError::NotFound)?;
    if !matches!(status.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::NotFound);
    }
    let mentioned = mentioned_accounts(&data, &status).await?;
    let tags = store::tags(&data.db, status.id).await?;
    let community = crate::posts::model::community_of(&data, &status).await?;
    let mut note = object_json(
        &data,
        &status,
        &author,
        &mentioned,
        &tags,
        community.as_ref().map(|c| &c.account),
    )
    .await?;
    note["@context"] = if note["type"] == "Article" {
        object_context(&data)
    } else {
        context()
    };
    Ok((
        [(header::CONTENT_TYPE, FEDERATION_CONTENT_TYPE)],
        note.to_string(),
    )
        .into_response())
}

// ----- incoming -----

/// One address or a list of them.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => vec![s],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => vec![],
    })
}

/// A Note as other servers send it (Mastodon, Pleroma, Misskey, GoToSocial…).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub attributed_to: Value,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub sensitive: Option<bool>,
    #[serde(default)]
    pub published: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated: Option<DateTime<Utc>>,
    #[serde(default)]
    pub url: Option<Value>,
    #[serde(default)]
    pub in_reply_to: Option<Value>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub to: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub cc: Vec<String>,
    #[serde(default)]
    pub tag: Option<Value>,
    #[serde(default)]
    pub content_map: Option<Value>,
    /// A thread's title (Lemmy's and our posts carry one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Value>,
    /// The community a post is in (FEP-1b12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Value>,
    /// Files (a teaching material's, as `Document`s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Value>,
    /// Everything else the object says (a material's schema.org terms, read by
    /// `materials::apub`), kept so that passing it on loses nothing.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

impl NoteJson {
    /// The author's id: a string, an object with an id, or the first Person of a list.
    fn author(&self) -> Option<Url> {
        fn id_of(v: &Value) -> Option<Url> {
            match v {
                Value::String(s) => Url::parse(s).ok(),
                Value::Object(o) => o
                    .get("id")
                    .and_then(Value::as_str)
                    .and_then(|s| Url::parse(s).ok()),
                Value::Array(items) => items.iter().find_map(id_of),
                _ => None,
            }
        }
        id_of(&self.attributed_to)
    }

    pub(crate) fn in_reply_to(&self) -> Option<String> {
        match &self.in_reply_to {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).map(str::to_string),
            _ => None,
        }
    }

    fn url(&self) -> Option<String> {
        match &self.url {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => o.get("href").and_then(Value::as_str).map(str::to_string),
            // Several links (PeerTube): the page, else the first.
            Some(Value::Array(items)) => items
                .iter()
                .find(|v| v.get("mediaType").and_then(Value::as_str) == Some("text/html"))
                .or_else(|| items.first())
                .and_then(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("href").and_then(Value::as_str).map(str::to_string),
                    _ => None,
                }),
            _ => None,
        }
    }

    /// A Note's or Question's `summary` is its content warning; other kinds'
    /// summary is text (shown in the post for converted kinds), as Mastodon reads it.
    fn content_warning(&self) -> String {
        if !matches!(self.kind.as_str(), "Note" | "Question") {
            return String::new();
        }
        self.summary
            .clone()
            .unwrap_or_default()
            .chars()
            .take(1000)
            .collect()
    }

    /// Whether this is a kind Mastodon turns into a post by its name and a link
    /// (an Event, an Image, a Video, an Audio; an Article or Page without text).
    fn is_converted(&self) -> bool {
        matches!(self.kind.as_str(), "Event" | "Image" | "Video" | "Audio")
            || (matches!(self.kind.as_str(), "Article" | "Page")
                && self.body_html().trim().is_empty())
    }

    /// The HTML we show for the post (not yet sanitised): its content, and for
    /// converted kinds their facts (an Event's time and place) and a link to the
    /// original; a quoted post as a link.
    fn shown_html(&self) -> String {
        let mut html = self.body_html().to_string();
        if html.trim().is_empty()
            && let Some(summary) = self.summary.as_deref().filter(|_| self.is_converted())
        {
            html = format!("<p>{}</p>", crate::web::escape(summary));
        }
        if self.is_converted() {
            let when = |key: &str| {
                self.extra
                    .get(key)
                    .and_then(Value::as_str)
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| {
                        t.with_timezone(&Utc)
                            .format("%Y-%m-%d %H:%M UTC")
                            .to_string()
                    })
            };
            let place = self.extra.get("location").and_then(|l| {
                l.get("name").and_then(Value::as_str).or_else(|| {
                    l.get("address")
                        .and_then(|a| a.get("streetAddress"))
                        .and_then(Value::as_str)
                })
            });
            let mut facts = Vec::new();
            if let Some(start) = when("startTime") {
                facts.push(match when("endTime") {
                    Some(end) => format!("🗓 {start} – {end}"),
                    None => format!("🗓 {start}"),
                });
            }
            if let Some(place) = place {
                facts.push(format!("📍 {}", crate::web::escape(place)));
            }
            if !facts.is_empty() {
                html.push_str(&format!("<p>{}</p>", facts.join("<br>")));
            }
            let link = self.url().unwrap_or_else(|| self.id.to_string());
            if link.starts_with("https://") || link.starts_with("http://") {
                let link = crate::web::escape(&link);
                html.push_str(&format!("<p><a href=\"{link}\">{link}</a></p>"));
            }
        }
        if let Some(quote) = self.quote()
            && !html.contains(quote.as_str())
        {
            let quote = crate::web::escape(quote.as_str());
            html.push_str(&format!(
                "<p class=\"quote-inline\">RE: <a href=\"{quote}\">{quote}</a></p>"
            ));
        }
        html
    }

    fn tags(&self) -> Vec<Value> {
        match &self.tag {
            Some(Value::Array(items)) => items.iter().take(200).cloned().collect(),
            Some(v @ Value::Object(_)) => vec![v.clone()],
            _ => vec![],
        }
    }

    /// The post it quotes, in any of the forms servers send (Mastodon's `quote`,
    /// Misskey's `_misskey_quote` and `quoteUrl`, `quoteUri`, a FEP-e232 Link tag).
    pub fn quote(&self) -> Option<Url> {
        let named = ["quote", "_misskey_quote", "quoteUrl", "quoteUri"]
            .iter()
            .find_map(|k| self.extra.get(*k).and_then(id_of));
        let tagged = || {
            self.tags().iter().find_map(|t| {
                let media = t
                    .get("mediaType")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                (t.get("type").and_then(Value::as_str) == Some("Link")
                    && (media.contains("activity+json") || media.contains("ld+json")))
                .then(|| {
                    t.get("href")
                        .and_then(Value::as_str)
                        .and_then(|h| Url::parse(h).ok())
                })
                .flatten()
            })
        };
        named
            .or_else(tagged)
            .filter(|u| matches!(u.scheme(), "http" | "https"))
    }

    /// Image, video and audio attachments, as Mastodon media attachments.
    pub fn media(&self) -> Vec<store::Media> {
        let items = match &self.attachment {
            Some(Value::Array(items)) => items.clone(),
            Some(v @ Value::Object(_)) => vec![v.clone()],
            _ => vec![],
        };
        let text = |v: Option<&Value>, max: usize| {
            v.and_then(Value::as_str)
                .map(|s| s.chars().take(max).collect::<String>())
                .filter(|s| !s.trim().is_empty())
        };
        let mut out = Vec::new();
        for item in items.iter().take(10) {
            let kind_of = item.get("type").and_then(Value::as_str).unwrap_or_default();
            let media_type = text(item.get("mediaType"), 100);
            let top = media_type
                .as_deref()
                .and_then(|m| m.split('/').next())
                .unwrap_or_default();
            let kind = match (kind_of, top) {
                (_, "image") | ("Image", _) => "image",
                (_, "video") | ("Video", _) => "video",
                (_, "audio") | ("Audio", _) => "audio",
                _ => continue,
            };
            let url = match item.get("url") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Object(o)) => o.get("href").and_then(Value::as_str).map(String::from),
                Some(Value::Array(links)) => links.iter().find_map(|l| match l {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("href").and_then(Value::as_str).map(String::from),
                    _ => None,
                }),
                _ => None,
            };
            let Some(url) = url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            else {
                continue;
            };
            let number = |k: &str| {
                item.get(k)
                    .and_then(Value::as_i64)
                    .filter(|n| (1..=100_000).contains(n))
            };
            out.push(store::Media {
                position: out.len() as i64,
                kind: kind.to_string(),
                preview_url: (kind == "image").then(|| url.clone()),
                remote_url: url,
                media_type,
                description: text(item.get("name"), 1500)
                    .or_else(|| text(item.get("summary"), 1500)),
                width: number("width"),
                height: number("height"),
                blurhash: text(item.get("blurhash"), 100),
            });
        }
        out
    }

    /// Custom emoji (`Emoji` tags).
    pub fn emojis(&self) -> Vec<store::Emoji> {
        self.tags()
            .iter()
            .filter(|t| t.get("type").and_then(Value::as_str) == Some("Emoji"))
            .filter_map(|t| {
                let name = t.get("name").and_then(Value::as_str)?.trim_matches(':');
                let ok = !name.is_empty()
                    && name.len() <= 64
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let url = t
                    .get("icon")
                    .and_then(|i| i.get("url"))
                    .and_then(Value::as_str)?;
                (ok && (url.starts_with("https://") || url.starts_with("http://"))).then(|| {
                    store::Emoji {
                        shortcode: name.to_string(),
                        url: url.to_string(),
                    }
                })
            })
            .take(50)
            .collect()
    }

    /// A `Question`'s poll: its options with their counts, as its server has them.
    pub fn poll(&self) -> Option<(store::Poll, Vec<store::PollOption>)> {
        if self.kind != "Question" {
            return None;
        }
        let (options, multiple) = match (self.extra.get("oneOf"), self.extra.get("anyOf")) {
            (Some(Value::Array(o)), _) => (o, false),
            (_, Some(Value::Array(o))) => (o, true),
            _ => return None,
        };
        let options: Vec<store::PollOption> = options
            .iter()
            .take(20)
            .filter_map(|o| {
                let title: String = o
                    .get("name")
                    .and_then(Value::as_str)?
                    .chars()
                    .take(200)
                    .collect();
                let votes = o
                    .get("replies")
                    .and_then(|r| r.get("totalItems"))
                    .and_then(Value::as_i64)
                    .unwrap_or(0)
                    .max(0);
                Some(store::PollOption { title, votes })
            })
            .collect();
        if options.is_empty() {
            return None;
        }
        let expires_at = ["endTime", "closed"].iter().find_map(|k| {
            self.extra
                .get(*k)
                .and_then(Value::as_str)
                .and_then(|t| t.parse::<DateTime<Utc>>().ok())
        });
        let voters_count = self
            .extra
            .get("votersCount")
            .and_then(Value::as_i64)
            .map(|n| n.max(0));
        Some((
            store::Poll {
                multiple,
                expires_at,
                voters_count,
            },
            options,
        ))
    }

    /// The thread title, when it is text.
    pub fn title(&self) -> Option<String> {
        match &self.name {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                Some(s.trim().chars().take(200).collect())
            }
            _ => None,
        }
    }

    /// Every address the post is for: `to`, `cc`, `audience` and its mentions.
    pub fn addressed(&self) -> Vec<Url> {
        let mut out: Vec<Url> = self
            .to
            .iter()
            .chain(&self.cc)
            .filter_map(|a| Url::parse(a).ok())
            .collect();
        if let Some(a) = self.audience.as_ref().and_then(id_of) {
            out.push(a);
        }
        out.extend(self.mention_hrefs());
        out.sort();
        out.dedup();
        out
    }

    /// Whether the post names `group` as its community or an addressee
    /// (`audience`, `to`, `cc` or `target`, as FEP-1b12 and Lemmy put it).
    pub fn names(&self, group: &Url) -> bool {
        let target = self.extra.get("target").and_then(id_of);
        self.to.iter().chain(&self.cc).any(|a| a == group.as_str())
            || self.audience.as_ref().and_then(id_of).as_ref() == Some(group)
            || target.as_ref() == Some(group)
    }

    /// The content without the title at its head (we send a thread's title there
    /// for software that ignores `name`), not yet sanitised.
    fn body_html(&self) -> &str {
        let raw = self.content.as_deref().unwrap_or_default();
        match self.title() {
            Some(t) => raw.strip_prefix(&title_html(&t)).unwrap_or(raw),
            None => raw,
        }
    }

    fn mention_hrefs(&self) -> Vec<Url> {
        let tags = self.tags();
        tags.iter()
            .filter(|t| t.get("type").and_then(Value::as_str) == Some("Mention"))
            .filter_map(|t| t.get("href").and_then(Value::as_str))
            .filter_map(|h| Url::parse(h).ok())
            .collect()
    }

    /// Hashtags from `Hashtag` tags, normalized.
    fn hashtags(&self) -> Vec<String> {
        let tags = self.tags();
        let mut out: Vec<String> = tags
            .iter()
            .filter(|t| t.get("type").and_then(Value::as_str) == Some("Hashtag"))
            .filter_map(|t| t.get("name").and_then(Value::as_str))
            .filter_map(crate::posts::model::normalize_tag)
            .take(30)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn language(&self) -> Option<String> {
        match &self.content_map {
            Some(Value::Object(map)) => map.keys().next().map(|k| k.chars().take(16).collect()),
            _ => None,
        }
    }

    /// Visibility from addressing, as Mastodon reads it, given the author's
    /// followers collection.
    fn visibility(&self, followers: Option<&str>) -> &'static str {
        let is_public = |s: &String| s == PUBLIC || s == "as:Public" || s == "Public";
        if self.to.iter().any(is_public) {
            "public"
        } else if self.cc.iter().any(is_public) {
            "unlisted"
        } else if followers.is_some_and(|f| self.to.iter().chain(&self.cc).any(|a| a == f)) {
            "private"
        } else {
            "direct"
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateNote {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::CreateType,
    pub actor: ObjectId<Account>,
    pub object: NoteJson,
    /// The rest of the activity (`to`, `cc`, `audience`, `published`…), kept so
    /// that a community passing it on sends it as it came.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// The object of a Delete: a Tombstone, an object with an id, or the id alone.
#[derive(Clone, Debug, Serialize)]
pub struct DeletedObject(pub Url);

impl<'de> Deserialize<'de> for DeletedObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let v = Value::deserialize(d)?;
        let id = match &v {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("id").and_then(Value::as_str).unwrap_or_default(),
            _ => "",
        };
        Url::parse(id).map(DeletedObject).map_err(D::Error::custom)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteObject {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::DeleteType,
    pub actor: ObjectId<Account>,
    pub object: DeletedObject,
    /// A facilitator's reason for removing a post from a community (Lemmy's shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Value>,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub to: Value,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub cc: Value,
    /// The rest of the activity (`to`, `cc`, `audience`, `published`…), kept so
    /// that a community passing it on sends it as it came.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

#[async_trait::async_trait]
impl Activity for CreateNote {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if !matches!(
            self.object.kind.as_str(),
            "Note" | "Article" | "Question" | "Page" | "Event" | "Image" | "Video" | "Audio"
        ) {
            return Err(AppError::bad_request(
                "Only posts (Note, Article, Page, Question, Event, Image, Video, Audio) are taken here",
            ));
        }
        if self.object.author().as_ref() != Some(self.actor.inner()) {
            return Err(AppError::bad_request("The post's author is not the actor"));
        }
        if !same_origin(&self.object.id, self.actor.inner()) {
            return Err(AppError::bad_request(
                "The post is not on the actor's server",
            ));
        }
        if self
            .object
            .content
            .as_ref()
            .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
        {
            return Err(AppError::PayloadTooLarge("The post is too long".into()));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let author = self.actor.dereference(data).await?;
        // Posted into a community here: its rules decide, and its Group announces it.
        let parent = match self.object.in_reply_to() {
            Some(p) => store::find_by_ap_id(&data.db, &p).await?,
            None => None,
        };
        let community = crate::communities::model::local_target(
            data,
            &self.object.addressed(),
            parent.as_ref(),
        )
        .await?;
        if let Some(community) = community {
            return crate::communities::apub::receive_post(data, &community, self, &author, parent)
                .await;
        }
        let parent_community = parent.as_ref().and_then(|p| p.community_id);
        let status = store_remote_note(data, self.object, &author).await?;
        // A public reply to a thread in a community is a comment there.
        if let (Some(status), Some(community_id)) = (status, parent_community)
            && matches!(status.visibility.as_str(), "public" | "unlisted")
        {
            crate::communities::store::set_post_community(&data.db, status.id, community_id, None)
                .await?;
        }
        Ok(())
    }
}

/// Stores a Note from another server, checked by the caller to be `author`'s.
/// A post we have already is kept as it is (if it is really the author's).
pub async fn store_remote_note(
    data: &Data<AppState>,
    note: NoteJson,
    author: &Account,
) -> Result<Option<Status>, AppError> {
    if let Some(existing_author) = store::author_of(&data.db, note.id.as_str()).await? {
        // Already here: only its author could send it again, and it stays as it is.
        if existing_author != author.id {
            return Err(AppError::Forbidden(
                "That post belongs to someone else".into(),
            ));
        }
        return Ok(store::find_by_ap_id(&data.db, note.id.as_str()).await?);
    }
    let title = note.title();
    // People here the post is for: its Mention tags, and (for servers that
    // address without tagging) anyone here it is addressed to.
    let mut mention_ids = Vec::new();
    let addressed = note
        .to
        .iter()
        .chain(&note.cc)
        .filter_map(|a| Url::parse(a).ok());
    for href in note.mention_hrefs().into_iter().chain(addressed).take(100) {
        if let Some(account) = accounts::find_by_ap_id(&data.db, &href).await?
            && !mention_ids.contains(&account.id)
            && (account.is_local() || note.mention_hrefs().contains(&href))
        {
            mention_ids.push(account.id);
        }
    }
    let content = crate::web::sanitize_html(&note.shown_html());
    let spoiler = note.content_warning();
    // Only an http(s) address on the post's own server is a link we show.
    let url = note
        .url()
        .and_then(|u| Url::parse(&u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https") && same_origin(u, &note.id))
        .map(|u| u.to_string());
    let in_reply_to = note.in_reply_to();
    // A reply to a post we do not have: fetch the parent too, so the thread reads
    // (bounded by the crate's limit of fetches per incoming request).
    if let Some(parent) = in_reply_to.as_deref().and_then(|p| Url::parse(p).ok())
        && data.request_count() < MAX_THREAD_FETCHES
        && store::find_by_uri_or_url(&data.db, parent.as_str())
            .await?
            .is_none()
        && !crate::federation::is_local(data, &parent)
        && let Err(e) = Box::pin(shared_post(data, &parent)).await
    {
        tracing::debug!(%parent, error = %e, "could not fetch the post replied to");
    }
    let language = note.language();
    let note_tags = note.hashtags();
    let inserted = store::insert(
        &data.db,
        &NewStatus {
            ap_id: note.id.as_str(),
            url: url.as_deref(),
            account_id: author.id,
            local: false,
            content: &content,
            source_text: None,
            spoiler_text: &spoiler,
            sensitive: note.sensitive.unwrap_or(false),
            visibility: note.visibility(author.followers_url.as_deref()),
            language: language.as_deref(),
            in_reply_to_ap_id: in_reply_to.as_deref(),
            reblog_of_id: None,
            idempotency_key: None,
            created_at: note.published.unwrap_or_else(Utc::now).min(Utc::now()),
        },
        &mention_ids,
    )
    .await?;
    if let Some(status) = &inserted {
        if let Some(title) = &title {
            store::set_title(&data.db, status.id, title).await?;
        }
        store_extras(data, status, &note).await?;
        crate::materials::apub::receive(data, status, &note).await?;
        crate::cases::apub::receive(data, status, &note).await?;
        verification_of(data, status, &note).await;
        store::add_tags(&data.db, status.id, &note_tags).await?;
        if status.visibility != "direct" && status.in_reply_to_ap_id.is_none() {
            notifications::notify_subscribers(&data.db, author, status.id).await?;
        }
        for id in &mention_ids {
            if let Some(account) = accounts::find_by_id(&data.db, *id).await? {
                notifications::notify(&data.db, &account, author, Kind::Mention, Some(status.id))
                    .await?;
            }
        }
    }
    Ok(match inserted {
        Some(s) => store::find(&data.db, s.id).await?,
        None => None,
    })
}

#[async_trait::async_trait]
impl Activity for DeleteObject {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        // Who may delete what (the author, or a facilitator of the post's
        // community here) is checked on receipt, against the post we have.
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        // Deletes of things we never had change nothing.
        let Some(status) = store::find_by_ap_id(&data.db, self.object.0.as_str()).await? else {
            return Ok(());
        };
        let actor = accounts::find_by_ap_id(&data.db, self.actor.inner()).await?;
        if actor.is_some_and(|a| a.id == status.account_id) {
            store::mark_deleted(&data.db, status.id).await?;
            return crate::communities::apub::pass_on(data, &status, &self).await;
        }
        // Not the author: a facilitator removing it from a community here, or refused.
        let activity = serde_json::to_value(&self).map_err(|e| AppError::Internal(e.into()))?;
        crate::communities::apub::receive_from_moderator(data, &activity).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (fixture, author's followers collection, visibility, mentions, reply)
    const FIXTURES: &[(&str, &str, &str, usize, bool)] = &[
        (
            include_str!("../../tests/fixtures/pleroma_create_note.json"),
            "https://pleroma.example/users/lain/followers",
            "public",
            1,
            false,
        ),
        (
            include_str!("../../tests/fixtures/misskey_create_note.json"),
            "https://misskey.example/users/9abcdefgh/followers",
            "private",
            0,
            false,
        ),
        (
            include_str!("../../tests/fixtures/lemmy_create_note.json"),
            "https://lemmy.example/u/alice/followers",
            "public",
            1,
            true,
        ),
        (
            include_str!("../../tests/fixtures/gotosocial_create_note.json"),
            "https://gts.example/users/fred/followers",
            "unlisted",
            0,
            false,
        ),
    ];

    #[test]
    fn notes_from_other_servers_parse() {
        for (json, followers, visibility, mentions, reply) in FIXTURES {
            let create: CreateNote = serde_json::from_str(json).unwrap();
            let note = &create.object;
            assert_eq!(note.author().as_ref(), Some(create.actor.inner()), "{json}");
            assert!(same_origin(&note.id, create.actor.inner()));
            assert_eq!(note.visibility(Some(followers)), *visibility, "{}", note.id);
            assert_eq!(note.mention_hrefs().len(), *mentions, "{}", note.id);
            assert_eq!(note.in_reply_to().is_some(), *reply, "{}", note.id);
            assert!(!note.content.clone().unwrap_or_default().is_empty());
            assert!(note.published.is_some(), "{}", note.id);
        }
    }

    #[test]
    fn a_note_without_followers_or_public_is_direct() {
        let create: CreateNote = serde_json::from_str(FIXTURES[1].0).unwrap();
        assert_eq!(create.object.visibility(None), "direct");
    }

    #[test]
    fn delete_objects_may_be_ids_or_tombstones() {
        let by_id: DeletedObject = serde_json::from_str("\"https://a.example/notes/1\"").unwrap();
        let tomb: DeletedObject =
            serde_json::from_str(r#"{"id":"https://a.example/notes/1","type":"Tombstone"}"#)
                .unwrap();
        assert_eq!(by_id.0, tomb.0);
        assert!(serde_json::from_str::<DeletedObject>("42").is_err());
    }
}

// ----- incoming likes and edits -----

/// An id, or an object with an id.
pub(crate) fn id_of(v: &Value) -> Option<Url> {
    match v {
        Value::String(s) => Url::parse(s).ok(),
        Value::Object(o) => o
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok()),
        _ => None,
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Like {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::LikeType,
    pub actor: ObjectId<Account>,
    pub object: Value,
    /// The rest of the activity (`to`, `cc`, `audience`, `published`…), kept so
    /// that a community passing it on sends it as it came.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoLike {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::UndoType,
    pub actor: ObjectId<Account>,
    pub object: Like,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateNote {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::UpdateType,
    pub actor: ObjectId<Account>,
    pub object: NoteJson,
    /// The rest of the activity (`to`, `cc`, `audience`, `published`…), kept so
    /// that a community passing it on sends it as it came.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

#[async_trait::async_trait]
impl Activity for Like {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        id_of(&self.object)
            .map(|_| ())
            .ok_or_else(|| AppError::bad_request("Like without an object"))
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let Some(object) = id_of(&self.object) else {
            return Ok(());
        };
        // Likes of posts we do not have are none of our business.
        let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await? else {
            return Ok(());
        };
        let who = self.actor.dereference(data).await?;
        if !crate::posts::model::can_see(data, Some(&who), &status).await? {
            return Err(AppError::Forbidden("That post is not for you".into()));
        }
        if store::add_favourite(&data.db, who.id, status.id, self.id.as_str()).await? {
            if let Some(author) = accounts::find_by_id(&data.db, status.account_id).await? {
                notifications::notify(&data.db, &author, &who, Kind::Favourite, Some(status.id))
                    .await?;
            }
            crate::communities::apub::pass_on(data, &status, &self).await?;
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Activity for UndoLike {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if self.object.actor.inner() != self.actor.inner() {
            return Err(AppError::bad_request("Only who liked can undo the like"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        if let Some(who) = accounts::find_by_ap_id(&data.db, self.actor.inner()).await? {
            store::remove_favourite_by_ap_id(&data.db, self.object.id.as_str(), who.id).await?;
            // Some servers undo with a new Like id: match the post instead.
            if let Some(object) = id_of(&self.object.object)
                && let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await?
            {
                store::remove_favourite(&data.db, who.id, status.id).await?;
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Activity for UpdateNote {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if self.object.author().as_ref() != Some(self.actor.inner())
            || !same_origin(&self.object.id, self.actor.inner())
        {
            return Err(AppError::bad_request("Only the author can edit a post"));
        }
        if self
            .object
            .content
            .as_ref()
            .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
        {
            return Err(AppError::PayloadTooLarge("The post is too long".into()));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let Some(status) = store::find_by_ap_id(&data.db, self.object.id.as_str()).await? else {
            return Ok(());
        };
        let author = self.actor.dereference(data).await?;
        if status.account_id != author.id {
            return Err(AppError::Forbidden(
                "Only the author can edit a post".into(),
            ));
        }
        apply_edit(data, &status, &self.object).await?;
        crate::communities::apub::pass_on(data, &status, &self).await
    }
}

/// Takes a new version of a remote post (checked by the caller to be its author's).
pub(crate) async fn apply_edit(
    data: &Data<AppState>,
    status: &Status,
    note: &NoteJson,
) -> AppResult<()> {
    let content = crate::web::sanitize_html(&note.shown_html());
    let spoiler = note.content_warning();
    let edited_at = note.updated.unwrap_or_else(Utc::now).min(Utc::now());
    store::edit(
        &data.db,
        status,
        &content,
        None,
        &spoiler,
        note.sensitive.unwrap_or(false),
        edited_at,
    )
    .await?;
    // A thread's title is part of what its author edits (Lemmy's posts).
    if status.title.is_some()
        && status.in_reply_to_ap_id.is_none()
        && let Some(title) = note.title()
    {
        store::set_title(&data.db, status.id, &title).await?;
    }
    store_extras(data, status, note).await?;
    crate::materials::apub::receive(data, status, note).await?;
    crate::cases::apub::receive(data, status, note).await?;
    verification_of(data, status, note).await;
    Ok(())
}

/// What a remote post carries beside its text: media, custom emoji, a poll, a quote.
async fn store_extras(data: &Data<AppState>, status: &Status, note: &NoteJson) -> AppResult<()> {
    store::set_media(&data.db, status.id, &note.media()).await?;
    store::set_emojis(&data.db, status.id, &note.emojis()).await?;
    if let Some((poll, options)) = note.poll() {
        store::set_poll(&data.db, status.id, &poll, &options).await?;
    }
    if let Some(quote) = note.quote() {
        store::set_quote(&data.db, status.id, quote.as_str()).await?;
    }
    Ok(())
}

/// A case report's verification, as its community's Group lists it; a Group that
/// cannot be read now leaves the report as it was.
async fn verification_of(data: &Data<AppState>, status: &Status, note: &NoteJson) {
    if let Err(e) = crate::communities::apub::check_verification(data, status, note).await {
        tracing::debug!(id = %status.ap_id, error = %e, "could not check the verification");
    }
}

// ----- boosts -----

/// `Announce` of a post (a boost), public, to the booster's followers and the author.
pub fn announce_activity(
    boost: &Status,
    booster: &Account,
    original: &Status,
    author: &Account,
) -> Value {
    let followers = booster
        .followers_url
        .clone()
        .unwrap_or_else(|| format!("{}/followers", booster.ap_id));
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": boost.ap_id,
        "type": "Announce",
        "actor": booster.ap_id.as_str(),
        "published": boost.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "to": [PUBLIC],
        "cc": [author.ap_id.as_str(), followers],
        "object": original.ap_id,
    })
}

/// `Undo` of a boost.
pub fn undo_announce_activity(
    boost: &Status,
    booster: &Account,
    original: &Status,
    author: &Account,
) -> Value {
    let announce = announce_activity(boost, booster, original, author);
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}#undo", boost.ap_id),
        "type": "Undo",
        "actor": booster.ap_id.as_str(),
        "to": announce["to"],
        "cc": announce["cc"],
        "object": announce,
    })
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Announce {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::AnnounceType,
    pub actor: ObjectId<Account>,
    pub object: Value,
    #[serde(default)]
    pub published: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoAnnounce {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::UndoType,
    pub actor: ObjectId<Account>,
    pub object: Announce,
}

/// The post a boost shares: known already, or fetched (signed) from its server.
pub(crate) async fn shared_post(data: &Data<AppState>, object: &Url) -> AppResult<Option<Status>> {
    Ok(fetched_post(data, object).await?.map(|(status, _)| status))
}

/// A post from its own server: what a claim about it is checked against.
pub(crate) async fn origin_note(data: &Data<AppState>, id: &Url) -> AppResult<NoteJson> {
    let mut json = activitypub_federation::fetch::fetch_object_http::<AppState, Value>(id, data)
        .await?
        .object;
    crate::federation::jsonld::normalize(&mut json);
    let note: NoteJson = serde_json::from_value(json)
        .map_err(|_| AppError::Remote(format!("{id} is not a post we can read")))?;
    if note.id != *id {
        return Err(AppError::bad_request(
            "The post's server answers with another post",
        ));
    }
    Ok(note)
}

/// Like [`shared_post`], with the post as its server sent it when it was fetched
/// now (so a caller can check what it addresses without fetching it twice).
pub(crate) async fn fetched_post(
    data: &Data<AppState>,
    object: &Url,
) -> AppResult<Option<(Status, Option<NoteJson>)>> {
    if let Some(status) = store::find_by_ap_id(&data.db, object.as_str()).await? {
        return Ok(Some((status, None)));
    }
    if crate::federation::is_local(data, object) {
        return Ok(None);
    }
    let note = origin_note(data, object).await?;
    let author_id = note
        .author()
        .filter(|a| same_origin(a, &note.id))
        .ok_or_else(|| AppError::bad_request("The shared post has no author on its server"))?;
    if note
        .content
        .as_ref()
        .is_some_and(|c| c.len() > MAX_REMOTE_CONTENT_BYTES)
    {
        return Err(AppError::PayloadTooLarge(
            "The shared post is too long".into(),
        ));
    }
    let author = ObjectId::<Account>::from(author_id)
        .dereference(data)
        .await?;
    store_remote_note(data, note.clone(), &author).await?;
    Ok(store::find_by_ap_id(&data.db, object.as_str())
        .await?
        .map(|status| (status, Some(note))))
}

#[async_trait::async_trait]
impl Activity for Announce {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        id_of(&self.object)
            .map(|_| ())
            .ok_or_else(|| AppError::bad_request("Announce without an object"))
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let booster = self.actor.dereference(data).await?;
        // A community's Group passing on what was posted or done in it.
        if booster.actor_type == "Group" {
            return crate::communities::apub::receive_announce(data, &booster, self).await;
        }
        // A boost names the post, or (some servers, relays) embeds its Create:
        // either way only the post's id is taken, and the post read from its server.
        let shared = match self.object.get("type").and_then(Value::as_str) {
            Some("Create") => self.object.get("object").and_then(id_of),
            _ => id_of(&self.object),
        };
        let Some(object) = shared else {
            return Err(AppError::bad_request("Announce without a post"));
        };
        let Some(original) = shared_post(data, &object).await? else {
            return Ok(());
        };
        store_boost(data, &self, &booster, &original).await
    }
}

/// Records a boost of `original` by `booster`, and tells the author.
pub(crate) async fn store_boost(
    data: &Data<AppState>,
    announce: &Announce,
    booster: &Account,
    original: &Status,
) -> AppResult<()> {
    if !matches!(original.visibility.as_str(), "public" | "unlisted") {
        return Err(AppError::Forbidden(
            "Only public posts can be boosted".into(),
        ));
    }
    let inserted = store::insert(
        &data.db,
        &NewStatus {
            ap_id: announce.id.as_str(),
            url: None,
            account_id: booster.id,
            local: false,
            content: "",
            source_text: None,
            spoiler_text: "",
            sensitive: false,
            visibility: original.visibility.as_str(),
            language: None,
            in_reply_to_ap_id: None,
            reblog_of_id: Some(original.id),
            idempotency_key: None,
            created_at: announce.published.unwrap_or_else(Utc::now).min(Utc::now()),
        },
        &[],
    )
    .await?;
    if inserted.is_some()
        && let Some(author) = accounts::find_by_id(&data.db, original.account_id).await?
    {
        notifications::notify(&data.db, &author, booster, Kind::Reblog, Some(original.id)).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl Activity for UndoAnnounce {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if self.object.actor.inner() != self.actor.inner() {
            return Err(AppError::bad_request("Only who boosted can undo the boost"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        if let Some(boost) = store::find_by_ap_id(&data.db, self.object.id.as_str()).await?
            && boost.reblog_of_id.is_some()
        {
            let actor = accounts::find_by_ap_id(&data.db, self.actor.inner()).await?;
            if actor.is_some_and(|a| a.id == boost.account_id) {
                store::mark_deleted(&data.db, boost.id).await?;
            }
        }
        Ok(())
    }
}

/// A post by its id, fetched (signed) from its server when we do not have it.
pub async fn resolve_post(data: &Data<AppState>, id: &Url) -> AppResult<Option<Status>> {
    if let Some(status) = store::find_by_uri_or_url(&data.db, id.as_str()).await? {
        return Ok(Some(status));
    }
    shared_post(data, id).await
}

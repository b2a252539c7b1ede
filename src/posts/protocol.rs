//! Posts on the wire: the `Note` we send (addressed as Mastodon addresses each
//! visibility), the activities about posts (`Create`, `Update`, `Delete`, `Like`,
//! `Announce` and their `Undo`s), and the checks and mapping for Notes that arrive
//! from other servers. Serde types and pure JSON builders only: what is done with
//! them lives in `publishing`.

use activitypub_federation::fetch::object_id::ObjectId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use url::Url;

use crate::{
    accounts::model::Account,
    error::AppResult,
    posts::{
        model::PUBLIC,
        store::{self, Status},
    },
};

/// Largest post content we accept from another server.
pub const MAX_REMOTE_CONTENT_BYTES: usize = 100_000;

pub fn context() -> Value {
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

/// The JSON-LD context of our objects: ActivityStreams, Mastodon's terms, and
/// ours (materials' schema.org terms).
pub fn object_context(base: &str) -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        { "sensitive": "as:sensitive", "Hashtag": "as:Hashtag", "toot": "http://joinmastodon.org/ns#" },
        format!("{base}/ns"),
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
    pub fn author(&self) -> Option<Url> {
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

    pub fn url(&self) -> Option<String> {
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
    pub fn content_warning(&self) -> String {
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
    pub fn shown_html(&self) -> String {
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

    pub fn mention_hrefs(&self) -> Vec<Url> {
        let tags = self.tags();
        tags.iter()
            .filter(|t| t.get("type").and_then(Value::as_str) == Some("Mention"))
            .filter_map(|t| t.get("href").and_then(Value::as_str))
            .filter_map(|h| Url::parse(h).ok())
            .collect()
    }

    /// Hashtags from `Hashtag` tags, normalized.
    pub fn hashtags(&self) -> Vec<String> {
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

    pub fn language(&self) -> Option<String> {
        match &self.content_map {
            Some(Value::Object(map)) => map.keys().next().map(|k| k.chars().take(16).collect()),
            _ => None,
        }
    }

    /// Visibility from addressing, as Mastodon reads it, given the author's
    /// followers collection.
    pub fn visibility(&self, followers: Option<&str>) -> &'static str {
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

// ----- incoming likes and edits -----

/// An id, or an object with an id.
pub fn id_of(v: &Value) -> Option<Url> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::federation::same_origin;

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

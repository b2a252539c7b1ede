//! People on the wire: the actor document (`Person`, `Application`, `Group`) we
//! serve and accept, and the `Update` and `Move` of actors. Serde types only.

use activitypub_federation::protocol::{helpers::deserialize_skip_error, public_key::PublicKey};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use url::Url;

use crate::accounts::model::Account;

/// An actor document: what we serve for local people and what we accept from others.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub preferred_username: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_or_none"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_or_none"
    )]
    pub summary: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_link"
    )]
    pub url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub icon: Option<ImageJson>,
    /// The banner (Mastodon's header, a Lemmy community's banner).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub image: Option<ImageJson>,
    pub inbox: Url,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub outbox: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub followers: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub following: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub endpoints: Option<Endpoints>,
    pub public_key: PublicKey,
    #[serde(default, deserialize_with = "deserialize_skip_error")]
    pub manually_approves_followers: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub discoverable: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub indexable: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub published: Option<DateTime<Utc>>,
    /// Profile facts as Mastodon's `PropertyValue`s, so Mastodon shows them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub attachment: Vec<Value>,
    // Our own terms (see FEDERATION.md); other software ignores them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub school_subjects: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub subjects: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub education_levels: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub teaching_languages: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub country: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub region: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub school: Option<String>,
    // A community's Group (FEP-1b12, Lemmy's terms, and ours).
    /// The moderators collection, as Lemmy names it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub attributed_to: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub featured: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub posting_restricted_to_mods: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_or_none"
    )]
    pub rules: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "deserialize_skip_error"
    )]
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageJson {
    #[serde(rename = "type", default = "image_kind")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    pub url: Url,
}

fn image_kind() -> String {
    "Image".into()
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "deserialize_skip_error"
    )]
    pub shared_inbox: Option<Url>,
}

/// A string field, or nothing when it is missing, null or not a string.
fn text_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

/// `url` may be a string, a Link object or a list of either: take the first
/// http(s) address (Mastodon prefers the `text/html` one; so do we).
pub fn first_link<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Url>, D::Error> {
    fn href(v: &Value) -> Option<(Url, bool)> {
        match v {
            Value::String(s) => Url::parse(s).ok().map(|u| (u, false)),
            Value::Object(o) => {
                let url = o
                    .get("href")
                    .and_then(Value::as_str)
                    .and_then(|s| Url::parse(s).ok())?;
                let html = o.get("mediaType").and_then(Value::as_str) == Some("text/html");
                Some((url, html))
            }
            _ => None,
        }
    }
    let value = Value::deserialize(d)?;
    let mut links: Vec<(Url, bool)> = match &value {
        Value::Array(items) => items.iter().filter_map(href).collect(),
        other => href(other).into_iter().collect(),
    };
    links.retain(|(u, _)| matches!(u.scheme(), "http" | "https"));
    links.sort_by_key(|(_, html)| !html);
    Ok(links.into_iter().next().map(|(u, _)| u))
}

/// `Update` of an actor (a changed profile or key): we fetch it again from its
/// server rather than trusting the copy in the activity.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateActor {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::UpdateType,
    pub actor: activitypub_federation::fetch::object_id::ObjectId<Account>,
    pub object: ActorRef,
}

/// The actor in an Update: only its id matters.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ActorRef {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
}

/// `Move`: an account moved to another (Mastodon's account migration). Believed
/// only when the new account, read from its own server, names the old one in
/// `alsoKnownAs`; then the local followers follow the new account instead.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveActor {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::MoveType,
    pub actor: activitypub_federation::fetch::object_id::ObjectId<Account>,
    pub object: Value,
    pub target: Value,
}

/// The JSON-LD context of actor documents.
pub fn actor_context(state: &crate::AppState) -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        crate::federation::context_url(state),
        {
            "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
            "toot": "http://joinmastodon.org/ns#",
            "discoverable": "toot:discoverable",
            "indexable": "toot:indexable",
            "featured": { "@id": "toot:featured", "@type": "@id" },
            "lemmy": "https://join-lemmy.org/ns#",
            "postingRestrictedToMods": "lemmy:postingRestrictedToMods",
            "schema": "http://schema.org#",
            "PropertyValue": "schema:PropertyValue",
            "value": "schema:value"
        }
    ])
}

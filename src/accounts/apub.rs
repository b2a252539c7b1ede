//! People as ActivityPub actors: the `Person` (and instance `Application`) document
//! we serve, and the checks and mapping for actors we fetch from other servers.

use activitypub_federation::{
    config::Data,
    traits::{Actor, Object},
};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use url::Url;

pub use super::protocol::{ActorJson, ActorRef, Endpoints, ImageJson, MoveActor, UpdateActor};
use crate::{
    AppState,
    accounts::{
        model::Account,
        store::{self, NewAccount},
    },
    error::AppError,
    federation::{self, same_origin},
};

/// An image of an account, with its media type when it is one of our files.
fn image_json(state: &AppState, url: Option<&str>) -> Option<ImageJson> {
    let url = Url::parse(url?).ok()?;
    let media_type = crate::media::MediaStore::key_of(&state.settings, url.as_str())
        .and_then(|key| crate::media::media_type_of(&key))
        .map(str::to_string);
    Some(ImageJson {
        kind: "Image".into(),
        media_type,
        url,
    })
}

pub use super::protocol::actor_context;

const MAX_REMOTE_NAME: usize = 200;
const MAX_REMOTE_USERNAME: usize = 100;
const MAX_REMOTE_SUMMARY_BYTES: usize = 20_000;
const MAX_REMOTE_KEY_BYTES: usize = 10_000;
const MAX_REMOTE_LIST: usize = 50;

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

fn property_value(name: &str, value: &str) -> Value {
    json!({ "type": "PropertyValue", "name": name, "value": crate::web::escape(value) })
}

#[async_trait::async_trait]
impl Object for Account {
    type DataType = AppState;
    type Kind = ActorJson;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.ap_id
    }

    fn last_refreshed_at(&self) -> Option<DateTime<Utc>> {
        if self.is_local() {
            Some(Utc::now())
        } else {
            self.fetched_at
        }
    }

    async fn read_from_id(object_id: Url, data: &Data<AppState>) -> Result<Option<Self>, AppError> {
        if object_id == data.instance_actor.ap_id {
            return Ok(Some((*data.instance_actor).clone()));
        }
        Ok(store::find_by_ap_id(&data.db, &object_id).await?)
    }

    /// The actor's server says it is gone (410): forget our copy.
    async fn delete(&self, data: &Data<AppState>) -> Result<(), AppError> {
        if !self.is_local() {
            store::delete_remote(&data.db, self.id).await?;
        }
        Ok(())
    }

    async fn into_json(self, data: &Data<AppState>) -> Result<ActorJson, AppError> {
        let is_person = self.actor_type == "Person";
        let community = if self.is_local() {
            crate::communities::model::of_account(&data.db, &self).await?
        } else {
            None
        };
        let attachment = self
            .profile
            .labelled()
            .into_iter()
            .map(|(label, value)| property_value(label, &value))
            .collect();
        Ok(ActorJson {
            kind: self.actor_type.clone(),
            preferred_username: self.username.clone(),
            name: Some(self.shown_name().to_string()),
            summary: Some(self.note_html.clone()),
            url: self.url.as_deref().and_then(|u| Url::parse(u).ok()),
            icon: image_json(data, self.avatar_url.as_deref()),
            image: image_json(data, self.header_url.as_deref()),
            inbox: self.inbox_url.clone(),
            outbox: self.outbox_url.as_deref().and_then(|u| Url::parse(u).ok()),
            followers: self
                .followers_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok()),
            following: self
                .following_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok()),
            endpoints: Some(Endpoints {
                shared_inbox: Some(federation::shared_inbox_url(data)),
            }),
            public_key: self.public_key(),
            manually_approves_followers: self.locked,
            discoverable: Some(self.discoverable),
            indexable: Some(self.indexable),
            published: Some(self.created_at),
            attachment,
            school_subjects: self.profile.school_subjects.clone(),
            subjects: self.profile.subjects.clone(),
            education_levels: self.profile.education_levels.clone(),
            teaching_languages: if is_person {
                self.profile.languages.clone()
            } else {
                vec![]
            },
            country: self.profile.country.clone(),
            region: self.profile.region.clone(),
            school: self.profile.school.clone(),
            attributed_to: community
                .as_ref()
                .and_then(|c| Url::parse(&c.moderators_url()).ok()),
            featured: community
                .as_ref()
                .and_then(|c| Url::parse(&c.featured_url()).ok()),
            posting_restricted_to_mods: community
                .as_ref()
                .map(|c| c.settings.posting_restricted_to_mods),
            rules: community
                .as_ref()
                .map(|c| c.settings.rules.clone())
                .filter(|r| !r.is_empty()),
            languages: if community.is_some() {
                self.profile.languages.clone()
            } else {
                vec![]
            },
            id: self.ap_id,
        })
    }

    async fn verify(
        json: &ActorJson,
        expected_domain: &Url,
        data: &Data<AppState>,
    ) -> Result<(), AppError> {
        if !same_origin(&json.id, expected_domain) {
            return Err(AppError::bad_request(
                "Actor id is not on the server it came from",
            ));
        }
        if federation::is_local(data, &json.id) {
            return Err(AppError::bad_request("Actor id is local"));
        }
        let key_on_origin =
            Url::parse(&json.public_key.id).is_ok_and(|k| same_origin(&k, &json.id));
        if json.public_key.owner != json.id || !key_on_origin {
            return Err(AppError::bad_request(
                "Public key does not belong to the actor",
            ));
        }
        if !same_origin(&json.inbox, &json.id) {
            return Err(AppError::bad_request("Actor inbox is on another server"));
        }
        if json.public_key.public_key_pem.len() > MAX_REMOTE_KEY_BYTES
            || !json.public_key.public_key_pem.contains("BEGIN PUBLIC KEY")
        {
            return Err(AppError::bad_request(
                "Actor public key is not a PEM public key",
            ));
        }
        let name = &json.preferred_username;
        if name.is_empty()
            || name.chars().count() > MAX_REMOTE_USERNAME
            || name
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c == '/' || c.is_control())
        {
            return Err(AppError::bad_request(
                "Actor preferredUsername is not a user name",
            ));
        }
        if !matches!(
            json.kind.as_str(),
            "Person" | "Service" | "Application" | "Group" | "Organization"
        ) {
            return Err(AppError::bad_request("Object is not an actor"));
        }
        Ok(())
    }

    async fn from_json(mut json: ActorJson, data: &Data<AppState>) -> Result<Self, AppError> {
        let domain = federation::origin(&json.id)
            .ok_or_else(|| AppError::bad_request("Actor id has no host"))?;
        let summary = json.summary.unwrap_or_default();
        let note_html = if summary.len() > MAX_REMOTE_SUMMARY_BYTES {
            String::new()
        } else {
            crate::web::sanitize_html(&summary)
        };
        let web_address = |i: Option<ImageJson>| {
            i.map(|i| i.url)
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .map(|u| u.to_string())
        };
        let avatar_url = web_address(json.icon);
        let header_url = web_address(json.image);
        let shared_inbox = json
            .endpoints
            .and_then(|e| e.shared_inbox)
            .filter(|u| same_origin(u, &json.id));
        // A community's Group: its own facts are kept beside the account, and its
        // languages stand where a person's teaching languages do.
        let group = (json.kind == "Group").then(|| {
            (
                json.attributed_to.take(),
                json.featured.take(),
                json.posting_restricted_to_mods.unwrap_or(false),
                json.rules.take().unwrap_or_default(),
            )
        });
        if group.is_some() && json.teaching_languages.is_empty() {
            json.teaching_languages = std::mem::take(&mut json.languages);
        }
        let account = NewAccount {
            username: json.preferred_username,
            domain: Some(domain),
            actor_type: json.kind,
            ap_id: json.id.to_string(),
            url: json.url.map(|u| u.to_string()),
            display_name: truncate(
                json.name.as_deref().unwrap_or_default().trim(),
                MAX_REMOTE_NAME,
            ),
            note_html,
            avatar_url,
            header_url,
            inbox_url: json.inbox.to_string(),
            outbox_url: json.outbox.map(|u| u.to_string()),
            shared_inbox_url: shared_inbox.map(|u| u.to_string()),
            followers_url: json.followers.map(|u| u.to_string()),
            following_url: json.following.map(|u| u.to_string()),
            public_key_pem: json.public_key.public_key_pem,
            private_key_pem: None,
            locked: json.manually_approves_followers,
            bot: false,
            discoverable: json.discoverable.unwrap_or(false),
            indexable: json.indexable.unwrap_or(false),
        };
        let mut stored = store::upsert_remote(&data.db, account).await?;
        if let Some((moderators, featured, restricted, rules)) = group {
            crate::communities::apub::remember_remote_group(
                data, &stored, moderators, featured, restricted, rules,
            )
            .await?;
        }
        // Profile facts from another Collegium instance, kept within our limits.
        let list = |v: Vec<String>| {
            v.into_iter()
                .take(MAX_REMOTE_LIST)
                .map(|s| truncate(&s, MAX_REMOTE_NAME))
                .collect::<Vec<_>>()
        };
        // School subjects we know; others are left out.
        let school_subjects: Vec<String> = json
            .school_subjects
            .iter()
            .take(MAX_REMOTE_LIST)
            .filter_map(|id| {
                crate::vocabularies::get(crate::vocabularies::SCHOOL_SUBJECTS)
                    .ok()?
                    .term(id)
                    .map(|t| t.id.clone())
            })
            .collect();
        let profile = crate::accounts::model::TeacherProfile {
            school_subjects,
            subjects: list(json.subjects),
            education_levels: list(json.education_levels),
            languages: list(json.teaching_languages),
            country: json.country.map(|s| truncate(&s, 2)),
            region: json.region.map(|s| truncate(&s, MAX_REMOTE_NAME)),
            school: json.school.map(|s| truncate(&s, MAX_REMOTE_NAME)),
        };
        if profile != stored.profile {
            stored.profile = profile;
            store::save_profile(&data.db, &stored).await?;
        }
        Ok(stored)
    }
}

impl Actor for Account {
    fn public_key_pem(&self) -> &str {
        &self.public_key_pem
    }

    fn private_key_pem(&self) -> Option<String> {
        self.private_key_pem.clone()
    }

    fn inbox(&self) -> Url {
        self.inbox_url.clone()
    }

    fn shared_inbox(&self) -> Option<Url> {
        self.shared_inbox_url
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
    }
}

/// The actor document of a local account (a person or a community's Group), for
/// an ActivityPub client that asked for JSON; signed fetches when required.
pub async fn actor_document(
    data: &Data<AppState>,
    headers: &axum::http::HeaderMap,
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    account: Account,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if let Err(e) =
        crate::federation::signed_fetch::require_signature(data, headers, method, uri).await
    {
        return e.into_response();
    }
    let context = actor_context(data);
    let mut response = match account.into_json(data).await {
        Ok(actor) => activitypub_federation::axum::json::FederationJson(
            activitypub_federation::protocol::context::WithContext::new(actor, context),
        )
        .into_response(),
        Err(e) => e.into_response(),
    };
    response.headers_mut().insert(
        axum::http::header::VARY,
        axum::http::HeaderValue::from_static("Accept"),
    );
    response
}

#[async_trait::async_trait]
impl activitypub_federation::traits::Activity for UpdateActor {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if &self.object.id != self.actor.inner() {
            return Err(AppError::bad_request("Only an actor can update itself"));
        }
        if !matches!(
            self.object.kind.as_str(),
            "Person" | "Service" | "Application" | "Group" | "Organization"
        ) {
            return Err(AppError::bad_request("Object is not an actor"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        self.actor.dereference_forced(data).await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl activitypub_federation::traits::Activity for MoveActor {
    type DataType = AppState;
    type Error = AppError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        self.actor.inner()
    }

    async fn verify(&self, _data: &Data<AppState>) -> Result<(), AppError> {
        if crate::posts::protocol::id_of(&self.object).as_ref() != Some(self.actor.inner()) {
            return Err(AppError::bad_request("Only an account can move itself"));
        }
        if crate::posts::protocol::id_of(&self.target).is_none() {
            return Err(AppError::bad_request("Move without a target"));
        }
        Ok(())
    }

    async fn receive(self, data: &Data<AppState>) -> Result<(), AppError> {
        let Some(target) = crate::posts::protocol::id_of(&self.target) else {
            return Ok(());
        };
        let old = self.actor.dereference(data).await?;
        if federation::is_local(data, &target) {
            return Err(AppError::Forbidden(
                "An account cannot move to this instance this way".into(),
            ));
        }
        // The new account as its own server has it now.
        let doc: Value =
            activitypub_federation::fetch::fetch_object_http::<AppState, Value>(&target, data)
                .await?
                .object;
        let aliases: Vec<Url> = match doc.get("alsoKnownAs") {
            Some(Value::Array(items)) => items
                .iter()
                .take(20)
                .filter_map(crate::posts::protocol::id_of)
                .collect(),
            Some(v) => crate::posts::protocol::id_of(v).into_iter().collect(),
            None => vec![],
        };
        if !aliases.contains(&old.ap_id) {
            return Err(AppError::Forbidden(
                "The new account does not name the old one as its alias".into(),
            ));
        }
        let new = activitypub_federation::fetch::object_id::ObjectId::<Account>::from(target)
            .dereference_forced(data)
            .await?;
        crate::follows::model::receive_move(data, &old, &new).await
    }
}

/// An actor deleted on its own server (its signed `Delete` of itself): its posts
/// and follows here go with it.
pub async fn receive_deletion(data: &Data<AppState>, account: &Account) -> Result<(), AppError> {
    if account.is_local() {
        return Err(AppError::Forbidden(
            "That account is not on your server".into(),
        ));
    }
    crate::posts::store::delete_all_by(&data.db, account.id).await?;
    crate::follows::store::delete_all_of(&data.db, account.id).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_may_be_string_link_or_list() {
        #[derive(serde::Deserialize)]
        struct T {
            #[serde(default, deserialize_with = "crate::accounts::protocol::first_link")]
            url: Option<Url>,
        }
        let one: T = serde_json::from_str(r#"{"url":"https://a.example/@x"}"#).unwrap();
        assert_eq!(one.url.unwrap().as_str(), "https://a.example/@x");
        let list: T = serde_json::from_str(
            r#"{"url":[{"type":"Link","href":"https://a.example/x.json","mediaType":"application/json"},
                       {"type":"Link","href":"https://a.example/@x","mediaType":"text/html"}]}"#,
        )
        .unwrap();
        assert_eq!(list.url.unwrap().as_str(), "https://a.example/@x");
        let bad: T = serde_json::from_str(r#"{"url":42}"#).unwrap();
        assert!(bad.url.is_none());
    }

    #[test]
    fn mastodon_actor_fixture_parses() {
        let json = include_str!("../../tests/fixtures/mastodon_person.json");
        let actor: ActorJson = serde_json::from_str(json).unwrap();
        assert_eq!(actor.kind, "Person");
        assert_eq!(actor.preferred_username, "Gargron");
        assert!(actor.public_key.public_key_pem.contains("BEGIN PUBLIC KEY"));
        assert_eq!(
            actor
                .endpoints
                .and_then(|e| e.shared_inbox)
                .unwrap()
                .as_str(),
            "https://mastodon.social/inbox"
        );
        assert!(actor.icon.is_some());
        assert_eq!(actor.attachment.len(), 2);
    }
}

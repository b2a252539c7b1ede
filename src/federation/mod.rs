//! The ActivityPub machinery every feature shares: the crate's configuration (with
//! our remote-address policy), the instance actor, and the address helpers.

pub mod activities;
pub mod admin;
pub mod discovery;
pub mod inbox;
pub mod jsonld;
pub mod queue;
pub mod signed_fetch;
pub mod signing;
pub mod store;

use std::time::Duration;

use activitypub_federation::{
    config::{Data, FederationConfig},
    resolver::ValidatingDnsResolver,
};
use axum::http::HeaderMap;
use chrono::Utc;
use reqwest::redirect::Policy;
use url::Url;

use crate::{
    AppState,
    accounts::{
        model::{Account, TeacherProfile},
        store as accounts,
    },
    config::Settings,
    db::Db,
    error::{AppError, AppResult},
};

pub const USER_AGENT: &str = concat!("Collegium/", env!("CARGO_PKG_VERSION"));

/// The crate's configuration for this instance.
///
/// `allow_local_addresses` switches on exactly what the crate calls debug mode
/// (plain http, explicit ports, loopback and private addresses) and turns off the
/// DNS check in our HTTP client; with it off, every fetch and delivery must reach a
/// public address, in debug builds too.
pub async fn federation_config(state: AppState) -> anyhow::Result<FederationConfig<AppState>> {
    let settings = state.settings.clone();
    let allow_local = settings.federation.allow_local_addresses;
    let timeout = Duration::from_secs(settings.federation.request_timeout_seconds);
    let instance_actor = state.instance_actor.clone();
    // Every GET the crate makes is signed by the instance actor, through signing.
    let key = instance_actor
        .private_key_pem
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("the instance actor has no private key"))
        .and_then(|pem| Ok(signing::parse_private_key(pem)?))?;
    let client = reqwest_middleware::ClientBuilder::new(state.http.clone())
        .with(signing::SignFetches {
            actor_id: instance_actor.ap_id.clone(),
            key,
        })
        .build();
    let config = FederationConfig::builder()
        .domain(settings.domain.clone())
        .app_data(state)
        .debug(allow_local)
        .allow_http_urls(allow_local)
        .request_timeout(timeout)
        .client(client)
        // Mastodon refuses signatures that do not cover Host and Date (and Digest on
        // POST); compat mode checks exactly those, in the cavage form it sends.
        .http_signature_compat(true)
        .build()
        .await?;
    Ok(config)
}

/// The HTTP client for every request to another server: no redirects followed by
/// itself, timeouts, and a resolver that refuses private and loopback addresses
/// unless `allow_local_addresses` is on.
pub fn http_client(settings: &Settings) -> anyhow::Result<reqwest::Client> {
    let allow_local = settings.federation.allow_local_addresses;
    let timeout = Duration::from_secs(settings.federation.request_timeout_seconds);
    Ok(reqwest::Client::builder()
        .user_agent(format!("{USER_AGENT} (+{})", settings.base_url()))
        .redirect(Policy::none())
        .timeout(timeout)
        .connect_timeout(timeout)
        .dns_resolver(ValidatingDnsResolver::new(vec![], !allow_local))
        .build()?)
}

/// The instance's own actor (type `Application`), which signs every outgoing GET.
/// Its keys are made once and kept in the database, so every process of the
/// instance signs with the same key.
pub async fn load_instance_actor(db: &Db, settings: &Settings) -> anyhow::Result<Account> {
    let (public_key_pem, private_key_pem, created_at) =
        accounts::instance_keys(db, || Ok(signing::generate_keypair()?)).await?;
    let base = settings.base_url();
    let id = Url::parse(&format!("{base}/actor"))?;
    Ok(Account {
        id: 0,
        username: settings.domain.clone(),
        domain: None,
        actor_type: "Application".into(),
        ap_id: id.clone(),
        url: Some(format!("{base}/about")),
        display_name: settings.instance.name.clone(),
        note_html: crate::web::text_to_html(&settings.instance.description),
        note_source: settings.instance.description.clone(),
        avatar_url: None,
        header_url: None,
        inbox_url: Url::parse(&format!("{base}/actor/inbox"))?,
        outbox_url: Some(format!("{base}/actor/outbox")),
        shared_inbox_url: Some(format!("{base}/inbox")),
        followers_url: None,
        following_url: None,
        public_key_pem,
        private_key_pem: Some(private_key_pem),
        locked: true,
        bot: true,
        discoverable: false,
        indexable: false,
        profile: TeacherProfile::default(),
        created_at,
        updated_at: created_at,
        fetched_at: Some(Utc::now()),
    })
}

/// `host` or `host:port` of a URL: what identifies an instance.
pub fn origin(url: &Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// Whether two URLs are on the same instance (host *and* port).
pub fn same_origin(a: &Url, b: &Url) -> bool {
    origin(a).is_some() && origin(a) == origin(b)
}

/// Whether a URL points at this instance.
pub fn is_local(data: &Data<AppState>, url: &Url) -> bool {
    origin(url).as_deref() == Some(data.settings.domain.as_str())
}

/// Whether an object is gone from its server: it answers 404 or 410 (or a
/// Tombstone). Anything else, an error included, is not proof.
pub async fn is_gone(data: &Data<AppState>, url: &Url) -> bool {
    if is_local(data, url) || !queue::outbound_url_allowed(data, url) {
        return false;
    }
    let response = data
        .http
        .get(url.as_str())
        .header("accept", activitypub_federation::FEDERATION_CONTENT_TYPE)
        .send()
        .await;
    let Ok(response) = response else {
        return false;
    };
    match response.status().as_u16() {
        404 | 410 => true,
        200 if response.content_length().unwrap_or(0) <= 256 * 1024 => {
            let body = response.bytes().await.unwrap_or_default();
            serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .is_some_and(|v| v.get("type").and_then(|t| t.as_str()) == Some("Tombstone"))
        }
        _ => false,
    }
}

pub fn shared_inbox_url(data: &Data<AppState>) -> Url {
    data.instance_actor
        .shared_inbox()
        .unwrap_or_else(|| data.instance_actor.inbox_url.clone())
}

/// Where this instance serves the JSON-LD context of its own terms.
pub fn context_url(state: &AppState) -> String {
    format!("{}/ns", state.settings.base_url())
}

/// Whether the client asked for ActivityStreams JSON rather than a page.
pub fn wants_activity_json(headers: &HeaderMap) -> bool {
    headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|accept| {
            accept.contains("application/activity+json")
                || (accept.contains("application/ld+json")
                    && (accept.contains("activitystreams") || !accept.contains("profile")))
        })
}

use activitypub_federation::traits::Actor as _;

/// A fresh id for an activity made here.
pub fn new_activity_id(state: &AppState, kind: &str) -> AppResult<Url> {
    let token = crate::accounts::session::random_token();
    Url::parse(&format!(
        "{}/activities/{kind}/{token}",
        state.settings.base_url()
    ))
    .map_err(|e| AppError::Internal(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_are_host_and_port() {
        let a = Url::parse("http://localhost:8001/users/a").unwrap();
        let b = Url::parse("http://localhost:8002/users/b").unwrap();
        let c = Url::parse("http://LOCALHOST:8001/x").unwrap();
        assert!(!same_origin(&a, &b));
        assert!(same_origin(&a, &c));
        assert_eq!(origin(&a).unwrap(), "localhost:8001");
        let d = Url::parse("https://region.example/users/a").unwrap();
        assert_eq!(origin(&d).unwrap(), "region.example");
    }

    #[test]
    fn accept_headers_pick_json_or_html() {
        let mut h = HeaderMap::new();
        h.insert("accept", "application/activity+json".parse().unwrap());
        assert!(wants_activity_json(&h));
        h.insert(
            "accept",
            r#"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#
                .parse()
                .unwrap(),
        );
        assert!(wants_activity_json(&h));
        h.insert("accept", "text/html,application/xhtml+xml".parse().unwrap());
        assert!(!wants_activity_json(&h));
    }
}

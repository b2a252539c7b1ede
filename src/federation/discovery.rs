//! How other servers find us: WebFinger, host-meta, NodeInfo, the instance actor
//! and the JSON-LD context of our own terms.

use activitypub_federation::{
    FEDERATION_CONTENT_TYPE, axum::json::FederationJson, config::Data,
    protocol::context::WithContext, traits::Object,
};
use axum::{
    Json,
    extract::Query,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{apub::actor_context, model::Account, store},
    error::{AppError, AppResult},
};

#[derive(Deserialize)]
pub struct WebfingerQuery {
    resource: Option<String>,
}

/// Which local actor a WebFinger resource names: `Ok(None)` is "no such actor here"
/// (404), `Err` is a malformed resource (400).
async fn webfinger_target(data: &Data<AppState>, resource: &str) -> AppResult<Option<Account>> {
    let domain = data.settings.domain.as_str();
    let base = data.settings.base_url();
    let resource = resource.trim();
    if let Some(acct) = resource.strip_prefix("acct:") {
        let (name, host) = acct
            .rsplit_once('@')
            .filter(|(n, h)| !n.is_empty() && !h.is_empty())
            .ok_or_else(|| AppError::bad_request("resource must look like acct:name@domain"))?;
        if !host.eq_ignore_ascii_case(domain) {
            return Ok(None);
        }
        if name.eq_ignore_ascii_case(domain) {
            return Ok(Some((*data.instance_actor).clone()));
        }
        return Ok(store::find_local_by_username(&data.db, name).await?);
    }
    if resource.starts_with("http://") || resource.starts_with("https://") {
        let url =
            Url::parse(resource).map_err(|_| AppError::bad_request("resource is not a URL"))?;
        if url == data.instance_actor.ap_id {
            return Ok(Some((*data.instance_actor).clone()));
        }
        let Some(path) = url.as_str().strip_prefix(&base) else {
            return Ok(None);
        };
        let name = path
            .strip_prefix("/users/")
            .or_else(|| path.strip_prefix("/c/"))
            .or_else(|| path.strip_prefix("/@"))
            .filter(|n| !n.contains('/'));
        return match name {
            Some(name) => Ok(store::find_local_by_username(&data.db, name).await?),
            None => Ok(None),
        };
    }
    Err(AppError::bad_request(
        "resource must be acct:name@domain or an actor URL",
    ))
}

/// `GET /.well-known/webfinger?resource=acct:name@domain`
pub async fn webfinger(
    Query(query): Query<WebfingerQuery>,
    data: Data<AppState>,
) -> AppResult<Response> {
    let resource = query
        .resource
        .filter(|r| !r.trim().is_empty())
        .ok_or_else(|| AppError::bad_request("resource is required"))?;
    let account = webfinger_target(&data, &resource)
        .await?
        .ok_or(AppError::NotFound)?;
    let domain = &data.settings.domain;
    let links = vec![
        json!({
            "rel": "http://webfinger.net/rel/profile-page",
            "type": "text/html",
            "href": account.profile_url(),
        }),
        json!({
            "rel": "self",
            "type": FEDERATION_CONTENT_TYPE,
            "href": account.ap_id.as_str(),
        }),
        // Where someone from here follows or answers what they found elsewhere
        // (Mastodon's remote interaction).
        json!({
            "rel": "http://ostatus.org/schema/1.0/subscribe",
            "template": format!("{}/authorize_interaction?uri={{uri}}", data.settings.base_url()),
        }),
    ];
    let body = json!({
        "subject": format!("acct:{}@{domain}", account.username),
        "aliases": [account.ap_id.as_str(), account.profile_url()],
        "links": links,
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/jrd+json; charset=utf-8"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body.to_string(),
    )
        .into_response())
}

/// `GET /.well-known/host-meta`: where WebFinger lives, for older software.
pub async fn host_meta(data: Data<AppState>) -> Response {
    let base = crate::web::escape(&data.settings.base_url());
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  \
         <Link rel=\"lrdd\" template=\"{base}/.well-known/webfinger?resource={{uri}}\"/>\n\
         </XRD>\n"
    );
    (
        [(header::CONTENT_TYPE, "application/xrd+xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

/// `GET /.well-known/nodeinfo`
pub async fn nodeinfo_links(data: Data<AppState>) -> Json<Value> {
    let base = data.settings.base_url();
    Json(json!({
        "links": [
            {
                "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                "href": format!("{base}/nodeinfo/2.0"),
            },
            {
                "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
                "href": format!("{base}/nodeinfo/2.1"),
            }
        ]
    }))
}

/// `GET /nodeinfo/2.0` and `/nodeinfo/2.1`.
async fn nodeinfo(data: &Data<AppState>, version: &str) -> AppResult<Response> {
    let stats = crate::instance::stats(&data.db).await?;
    let settings = &data.settings;
    let instance = data.instance();
    let mut software = json!({
        "name": "collegium",
        "version": env!("CARGO_PKG_VERSION"),
    });
    if version == "2.1" {
        software["repository"] = json!(env!("CARGO_PKG_REPOSITORY"));
        software["homepage"] = json!(settings.base_url());
        if software["repository"] == json!("") {
            software.as_object_mut().map(|o| o.remove("repository"));
        }
    }
    let body = json!({
        "version": version,
        "software": software,
        "protocols": ["activitypub"],
        "services": { "inbound": [], "outbound": [] },
        "openRegistrations": instance.registrations_open,
        "usage": {
            "users": {
                "total": stats.users,
                "activeMonth": stats.active_month,
                "activeHalfyear": stats.active_half_year,
            },
            "localPosts": stats.local_posts,
        },
        "metadata": {
            "nodeName": instance.name,
            "nodeDescription": instance.description,
            "country": instance.country,
            "languages": instance.languages,
        },
    });
    let content_type = format!(
        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/{version}#\""
    );
    Ok(([(header::CONTENT_TYPE, content_type)], body.to_string()).into_response())
}

pub async fn nodeinfo_20(data: Data<AppState>) -> AppResult<Response> {
    nodeinfo(&data, "2.0").await
}

pub async fn nodeinfo_21(data: Data<AppState>) -> AppResult<Response> {
    nodeinfo(&data, "2.1").await
}

/// `GET /actor`: the instance actor. Always served unsigned, so that servers which
/// require signed fetches can still learn the key our fetches are signed with.
pub async fn instance_actor(data: Data<AppState>) -> AppResult<Response> {
    let mut actor = (*data.instance_actor).clone();
    // Named as the admins name the instance now.
    let instance = data.instance();
    actor.display_name = instance.name.clone();
    actor.note_source = instance.description.clone();
    actor.note_html = crate::web::text_to_html(&instance.description);
    let json = actor.into_json(&data).await?;
    Ok(FederationJson(WithContext::new(json, actor_context(&data))).into_response())
}

/// `GET /actor/outbox`: the instance actor posts nothing, so this stays empty.
pub async fn instance_outbox(data: Data<AppState>) -> Response {
    let id = format!("{}/actor/outbox", data.settings.base_url());
    FederationJson(json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id,
        "type": "OrderedCollection",
        "totalItems": 0,
        "orderedItems": [],
    }))
    .into_response()
}

/// `GET /ns`: the JSON-LD context of Collegium's own terms (see FEDERATION.md).
pub async fn context(data: Data<AppState>) -> Response {
    let ns = format!("{}/ns#", data.settings.base_url());
    let body = json!({
        "@context": {
            "collegium": ns,
            "subjects": "collegium:subjects",
            "schoolSubjects": "collegium:schoolSubjects",
            "educationLevels": "collegium:educationLevels",
            "teachingLanguages": "collegium:teachingLanguages",
            "country": "collegium:country",
            "region": "collegium:region",
            "school": "collegium:school",
            "rules": "collegium:rules",
            "languages": "collegium:languages",
            "topics": "collegium:topics",
            "audience": { "@id": "as:audience", "@type": "@id" },
            "commentsEnabled": "collegium:commentsEnabled",
            "schema": "https://schema.org/",
            "DefinedTerm": "schema:DefinedTerm",
            "termCode": "schema:termCode",
            "inDefinedTermSet": { "@id": "schema:inDefinedTermSet", "@type": "@id" },
            "learningResourceType": "schema:learningResourceType",
            "educationalLevel": "schema:educationalLevel",
            "about": "schema:about",
            "teaches": "schema:teaches",
            "timeRequired": "schema:timeRequired",
            "isBasedOn": { "@id": "schema:isBasedOn", "@type": "@id" },
            "inLanguage": "schema:inLanguage",
            "license": { "@id": "schema:license", "@type": "@id" },
            "creator": "schema:creator",
            "version": "schema:version",
            "materialKind": "collegium:materialKind",
        }
    });
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

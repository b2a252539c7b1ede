//! `GET /api/v1/instance` and `GET /api/v2/instance`, in Mastodon's shapes.

use activitypub_federation::config::Data;
use axum::Json;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::model::{MAX_DISPLAY_NAME, MAX_NOTE},
    error::AppResult,
    instance::{mastodon_version, stats},
};

/// Limits apps need to know; the same numbers the features enforce.
fn configuration(data: &Data<AppState>) -> Value {
    json!({
        "urls": { "streaming": Value::Null, "status": Value::Null },
        "accounts": {
            "max_featured_tags": 0,
            "max_pinned_statuses": crate::publishing::api::MAX_PINS,
            "max_display_name_length": MAX_DISPLAY_NAME,
            "max_note_length": MAX_NOTE,
        },
        "statuses": {
            "max_characters": 5000,
            // None yet: posts refuse media_ids (see CreateStatus).
            "max_media_attachments": 0,
            "characters_reserved_per_url": 23,
        },
        "media_attachments": {
            "supported_mime_types": [],
            "image_size_limit": 0,
            "image_matrix_limit": 0,
            "video_size_limit": 0,
            "video_frame_rate_limit": 0,
            "video_matrix_limit": 0,
        },
        "polls": {
            "max_options": 0,
            "max_characters_per_option": 0,
            "min_expiration": 0,
            "max_expiration": 0,
        },
        "translation": { "enabled": false },
        "vapid": { "public_key": "" },
        "collegium": { "base_url": data.settings.base_url() },
    })
}

pub async fn instance_v1(data: Data<AppState>) -> AppResult<Json<Value>> {
    let s = &data.settings;
    let instance = data.instance();
    let stats = stats(&data.db).await?;
    let mut config = configuration(&data);
    config["urls"] = json!({ "streaming_api": Value::Null });
    Ok(Json(json!({
        "uri": s.domain,
        "title": instance.name,
        "short_description": instance.description,
        "description": instance.description,
        "email": instance.contact_email,
        "version": mastodon_version(),
        "urls": { "streaming_api": Value::Null },
        "stats": {
            "user_count": stats.users,
            "status_count": stats.local_posts,
            "domain_count": stats.domains,
        },
        "thumbnail": Value::Null,
        "languages": instance.languages,
        "registrations": instance.registrations_open,
        "approval_required": instance.approval_required,
        "invites_enabled": false,
        "configuration": config,
        "contact_account": Value::Null,
        "rules": rules(&data),
    })))
}

pub async fn instance_v2(data: Data<AppState>) -> AppResult<Json<Value>> {
    let s = &data.settings;
    let instance = data.instance();
    let stats = stats(&data.db).await?;
    Ok(Json(json!({
        "domain": s.domain,
        "title": instance.name,
        "version": mastodon_version(),
        "source_url": env!("CARGO_PKG_REPOSITORY"),
        "description": instance.description,
        "usage": { "users": { "active_month": stats.active_month } },
        "thumbnail": { "url": format!("{}/static/logo.svg", s.base_url()) },
        "icon": [],
        "languages": instance.languages,
        "configuration": configuration(&data),
        "registrations": {
            "enabled": instance.registrations_open,
            "approval_required": instance.approval_required,
            "message": Value::Null,
            "url": Value::Null,
        },
        "api_versions": { "mastodon": 2 },
        "contact": {
            "email": instance.contact_email,
            "account": Value::Null,
        },
        "rules": rules(&data),
    })))
}

/// The instance's rules as Mastodon lists them (`id`, `text`, `hint`).
fn rules(data: &crate::AppState) -> Value {
    Value::Array(
        data.instance()
            .rules
            .iter()
            .enumerate()
            .map(|(i, text)| json!({ "id": (i + 1).to_string(), "text": text, "hint": "" }))
            .collect(),
    )
}

//! `/api/collegium/v1/materials`: publish (with uploads), change, delete, show,
//! history, remixes, browse and search, and a schema.org export.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{FromRequest, Multipart, Path, Query, Request},
    http::header,
    response::{IntoResponse, Response},
};
use serde_json::{Map, Value, json};

use crate::{
    AppState,
    accounts::{api::account_json_with_counts, model::Account, store as accounts},
    api::{Auth, MaybeAuth, Params},
    error::{AppError, AppResult},
    materials::{
        model::{self, BrowseQuery, Material, MaterialInput},
        store,
    },
    media::Upload,
    vocabularies,
};

/// A material's fields, from JSON, a form, or `multipart/form-data` with files
/// (the parts named `file` or `files[]`).
pub struct MaterialRequest {
    pub input: MaterialInput,
    pub files: Vec<(String, crate::media::Spooled)>,
}

impl<S: Send + Sync> FromRequest<S> for MaterialRequest {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"));
        if !multipart {
            let Params(input) = Params::<MaterialInput>::from_request(req, state).await?;
            return Ok(MaterialRequest {
                input,
                files: Vec::new(),
            });
        }
        // The size limit of one file is the instance's setting, from the request's
        // federation data (installed for every request by FederationMiddleware).
        let data = req
            .extensions()
            .get::<activitypub_federation::config::FederationConfig<AppState>>()
            .map(|c| c.to_request_data())
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no federation config")))?;
        let max = data.settings.media.max_file_bytes;
        let multipart = Multipart::from_request(req, state)
            .await
            .map_err(|e| AppError::bad_request(e.body_text()))?;
        let upload = Upload::read(multipart, max, &data.media).await?;
        let fields: Map<String, Value> = upload
            .fields
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        let input = serde_json::from_value(Value::Object(fields))
            .map_err(|e| AppError::validation(e.to_string()))?;
        Ok(MaterialRequest {
            input,
            files: upload.files,
        })
    }
}

fn labelled(vocabulary: &str, ids: &[String]) -> Vec<Value> {
    let vocab = vocabularies::get(vocabulary).ok();
    ids.iter()
        .map(|id| {
            let term = vocab.and_then(|v| v.term(id));
            json!({
                "id": id,
                "label": term.map(|t| t.label("en")),
                "uri": term.and_then(|t| t.uri.clone()),
            })
        })
        .collect()
}

/// The material entity.
pub async fn material_json(state: &AppState, m: &Material) -> AppResult<Value> {
    let author = accounts::find_by_id(&state.db, m.status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let licence = vocabularies::get(model::LICENCES)?.term(&m.row.licence);
    let original = match &m.row.based_on {
        Some(uri) => {
            let known = crate::posts::store::find_by_ap_id(&state.db, uri).await?;
            json!({
                "uri": uri,
                "id": known.as_ref().map(|s| s.id.to_string()),
                "name": known.and_then(|s| s.title),
            })
        }
        None => Value::Null,
    };
    let remixes = store::remixes_of(&state.db, &m.status.ap_id, 100)
        .await?
        .len();
    Ok(json!({
        "id": m.status.id.to_string(),
        "uri": m.status.ap_id,
        "url": m.status.url.clone().unwrap_or_else(|| m.status.ap_id.clone()),
        "local": m.status.local,
        "name": m.status.title,
        "description": m.row.description,
        "body": m.status.content,
        "language": m.status.language,
        "authors": m.authors(),
        "licence": {
            "id": m.row.licence,
            "label": licence.map(|t| t.label("en")),
            "uri": licence.and_then(|t| t.uri.clone()),
        },
        "resource_types": labelled(model::TYPES, m.terms_of(model::TYPES)),
        "levels": labelled(model::LEVELS, m.terms_of(model::LEVELS)),
        "subjects": labelled(model::SUBJECTS, m.terms_of(model::SUBJECTS)),
        "school_subjects": labelled(model::SCHOOL_SUBJECTS, m.terms_of(model::SCHOOL_SUBJECTS)),
        "teaches": labelled(model::COMPETENCES, m.terms_of(model::COMPETENCES)),
        "teaches_text": m.teaches_text(),
        "time_required": m.row.time_required,
        "based_on": original,
        "remixes_count": remixes,
        "files": m.files.iter().map(|f| json!({
            "id": f.id.to_string(),
            "name": f.name,
            "media_type": f.media_type,
            "size": f.size_bytes,
            "url": f.url,
            "uploaded": f.storage_key.is_some(),
        })).collect::<Vec<_>>(),
        "version": m.row.version,
        "community_id": m.status.community_id.map(|c| c.to_string()),
        "created_at": m.status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "updated_at": m.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "account": account_json_with_counts(state, &author).await?,
    }))
}

async fn material_by_id(state: &AppState, id: &str) -> AppResult<Material> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    model::find(state, id).await?.ok_or(AppError::NotFound)
}

fn author(auth: &Auth) -> AppResult<&Account> {
    auth.require_any(&["write", "write:statuses"])?;
    Ok(&auth.user()?.0)
}

/// `POST /api/collegium/v1/materials`
pub async fn create(
    data: Data<AppState>,
    auth: Auth,
    request: MaterialRequest,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let status =
        crate::publishing::material::create(&data, me, request.input, request.files).await?;
    let m = model::load(&data, &status)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(material_json(&data, &m).await?))
}

/// `GET /api/collegium/v1/materials`: browse and search.
pub async fn list(data: Data<AppState>, Query(q): Query<BrowseQuery>) -> AppResult<Json<Value>> {
    let mut out = Vec::new();
    for m in model::browse(&data, &q).await? {
        out.push(material_json(&data, &m).await?);
    }
    Ok(Json(Value::Array(out)))
}

/// `GET /api/collegium/v1/materials/{id}`
pub async fn show(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Json<Value>> {
    let m = material_by_id(&data, &id).await?;
    Ok(Json(material_json(&data, &m).await?))
}

/// `PATCH /api/collegium/v1/materials/{id}`: its author changes it (a new version).
pub async fn update(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    request: MaterialRequest,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let m = material_by_id(&data, &id).await?;
    let status =
        crate::publishing::material::update(&data, me, &m, request.input, request.files).await?;
    let m = model::load(&data, &status)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(material_json(&data, &m).await?))
}

/// `DELETE /api/collegium/v1/materials/{id}`: its author deletes it; its files go.
pub async fn delete(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let m = material_by_id(&data, &id).await?;
    crate::publishing::material::delete(&data, me, &m).await?;
    Ok(Json(json!({ "id": id, "deleted": true })))
}

/// `GET /api/collegium/v1/materials/{id}/history`: every version, oldest first.
pub async fn history(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Json<Value>> {
    let m = material_by_id(&data, &id).await?;
    Ok(Json(
        crate::articles::api::history_json(&data, m.status.id).await?,
    ))
}

/// `GET /api/collegium/v1/materials/{id}/remixes`: the materials that adapt it.
pub async fn remixes(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Json<Value>> {
    let m = material_by_id(&data, &id).await?;
    let mut out = Vec::new();
    for r in model::remixes(&data, &m).await? {
        out.push(material_json(&data, &r).await?);
    }
    Ok(Json(Value::Array(out)))
}

/// `GET /api/collegium/v1/materials/{id}/schema`: the material as a schema.org
/// LearningResource in JSON-LD.
pub async fn schema_org(
    data: Data<AppState>,
    _auth: MaybeAuth,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let m = material_by_id(&data, &id).await?;
    let term = |vocabulary: &str, ids: &[String]| -> Vec<Value> {
        let vocab = vocabularies::get(vocabulary).ok();
        ids.iter()
            .map(|id| {
                let t = vocab.and_then(|v| v.term(id));
                json!({
                    "@type": "DefinedTerm",
                    "termCode": id,
                    "name": t.map(|t| t.label("en")),
                    "url": t.and_then(|t| t.uri.clone()),
                    "inDefinedTermSet": format!(
                        "{}/api/collegium/v1/vocabularies/{vocabulary}",
                        data.settings.base_url()
                    ),
                })
            })
            .collect()
    };
    let licence = vocabularies::get(model::LICENCES)?.term(&m.row.licence);
    let mut teaches = term(model::COMPETENCES, m.terms_of(model::COMPETENCES));
    teaches.extend(m.teaches_text().into_iter().map(Value::String));
    let body = json!({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": m.status.ap_id,
        "url": m.status.url,
        "name": m.status.title,
        "description": m.row.description,
        "text": crate::web::plain_text(&m.status.content),
        "inLanguage": m.status.language,
        "author": m.authors().into_iter().map(|a| json!({"@type": "Person", "name": a})).collect::<Vec<_>>(),
        "dateCreated": m.status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "dateModified": m.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "version": m.row.version,
        "license": licence.and_then(|t| t.uri.clone()).unwrap_or_else(|| m.row.licence.clone()),
        "learningResourceType": term(model::TYPES, m.terms_of(model::TYPES)),
        "educationalLevel": term(model::LEVELS, m.terms_of(model::LEVELS)),
        "about": term(model::SUBJECTS, m.terms_of(model::SUBJECTS)),
        "teaches": teaches,
        "timeRequired": m.row.time_required,
        "isBasedOn": m.row.based_on,
        "associatedMedia": m.files.iter().map(|f| json!({
            "@type": "MediaObject", "name": f.name, "contentUrl": f.url,
            "encodingFormat": f.media_type, "contentSize": f.size_bytes,
        })).collect::<Vec<_>>(),
    });
    Ok((
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        body.to_string(),
    )
        .into_response())
}

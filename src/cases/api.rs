//! `/api/collegium/v1/cases`: publish, change, delete, show, history, browse and
//! search, verification by facilitators, and a schema.org export.

use activitypub_federation::config::Data;
use axum::{
    Json,
    extract::{Path, Query},
    http::header,
    response::{IntoResponse, Response},
};
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::{api::account_json_with_counts, model::Account, store as accounts},
    api::{Auth, Params},
    cases::model::{self, BrowseQuery, CaseInput, CaseReport, LISTED},
    communities::model::Moderator,
    error::{AppError, AppResult},
    vocabularies,
};

fn term(vocabulary: &str, id: &str) -> Value {
    let t = vocabularies::get(vocabulary).ok().and_then(|v| v.term(id));
    json!({ "id": id, "label": t.map(|t| t.label("en")), "uri": t.and_then(|t| t.uri.clone()) })
}

/// The case report entity.
pub async fn case_json(state: &AppState, c: &CaseReport) -> AppResult<Value> {
    let author = accounts::find_by_id(&state.db, c.status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut materials = Vec::new();
    for uri in &c.details.materials {
        let known = crate::posts::store::find_by_ap_id(&state.db, uri).await?;
        materials.push(json!({
            "uri": uri,
            "id": known.as_ref().map(|s| s.id.to_string()),
            "name": known.and_then(|s| s.title),
        }));
    }
    let mut out = json!({
        "id": c.status.id.to_string(),
        "uri": c.status.ap_id,
        "url": c.status.url.clone().unwrap_or_else(|| c.status.ap_id.clone()),
        "local": c.status.local,
        "title": c.status.title,
        "summary": c.row.summary,
        "language": c.status.language,
        "country": c.row.country.as_deref().map(|id| term(model::COUNTRIES, id)),
        "region": c.row.region,
        "sector": term(model::SECTORS, &c.row.sector),
        "stage": term(model::STAGES, &c.row.stage),
        "licence": term(model::LICENCES, &c.row.licence),
        "context": c.details.context,
        "problem": c.details.problem,
        "intervention": c.details.intervention,
        "ict_tools": c.details.ict_tools,
        "actors": c.details.actors,
        "barriers": c.details.barriers,
        "enablers": c.details.enablers,
        "evidence_indicators": c.details.evidence_indicators,
        "evidence_links": c.details.evidence_links,
        "costs": c.details.costs,
        "transfer": c.details.transfer,
        "contact": c.details.contact,
        "materials": materials,
        "verified": c.row.verified_at.map(|at| json!({
            "by": c.row.verified_by_name,
            "by_account_id": c.row.verified_by_id.map(|i| i.to_string()),
            "at": at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        })),
        "version": c.row.version,
        "community_id": c.status.community_id.map(|i| i.to_string()),
        "created_at": c.status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "updated_at": c.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "account": account_json_with_counts(state, &author).await?,
    });
    for (vocabulary, field) in LISTED {
        out[*field] = json!(
            c.terms_of(vocabulary)
                .iter()
                .map(|id| term(vocabulary, id))
                .collect::<Vec<_>>()
        );
    }
    Ok(out)
}

async fn case_by_id(state: &AppState, id: &str) -> AppResult<CaseReport> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    model::find(state, id).await?.ok_or(AppError::NotFound)
}

fn author(auth: &Auth) -> AppResult<&Account> {
    auth.require_any(&["write", "write:statuses"])?;
    Ok(&auth.user()?.0)
}

/// `POST /api/collegium/v1/cases`
pub async fn create(
    data: Data<AppState>,
    auth: Auth,
    Params(input): Params<CaseInput>,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let status = crate::publishing::case::create(&data, me, input).await?;
    let c = model::load(&data, &status)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(case_json(&data, &c).await?))
}

/// `GET /api/collegium/v1/cases`: browse and search.
pub async fn list(data: Data<AppState>, Query(q): Query<BrowseQuery>) -> AppResult<Json<Value>> {
    let mut out = Vec::new();
    for c in model::browse(&data, &q).await? {
        out.push(case_json(&data, &c).await?);
    }
    Ok(Json(Value::Array(out)))
}

/// `GET /api/collegium/v1/cases/{id}`
pub async fn show(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Json<Value>> {
    let c = case_by_id(&data, &id).await?;
    Ok(Json(case_json(&data, &c).await?))
}

/// `PATCH /api/collegium/v1/cases/{id}`: its author changes it (a new version).
pub async fn update(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(input): Params<CaseInput>,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let c = case_by_id(&data, &id).await?;
    let status = crate::publishing::case::update(&data, me, &c, input).await?;
    let c = model::load(&data, &status)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(case_json(&data, &c).await?))
}

/// `DELETE /api/collegium/v1/cases/{id}`: its author deletes it.
pub async fn delete(
    data: Data<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let c = case_by_id(&data, &id).await?;
    if c.status.account_id != me.id {
        return Err(AppError::NotFound);
    }
    crate::publishing::local::delete(&data, me, &c.status).await?;
    Ok(Json(json!({ "id": id, "deleted": true })))
}

/// `GET /api/collegium/v1/cases/{id}/history`: every version, oldest first.
pub async fn history(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Json<Value>> {
    let c = case_by_id(&data, &id).await?;
    Ok(Json(
        crate::articles::api::history_json(&data, c.status.id).await?,
    ))
}

/// `POST` (verify) and `DELETE` (take the mark away)
/// `/api/collegium/v1/cases/{id}/verification`: a facilitator of the community
/// the report was published in.
pub async fn verify(
    data: Data<AppState>,
    auth: Auth,
    method: axum::http::Method,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    let me = author(&auth)?;
    let role = auth.user()?.1.role;
    let c = case_by_id(&data, &id).await?;
    let community = match c.status.community_id {
        Some(cid) => crate::communities::model::find(&data.db, cid).await?,
        None => None,
    }
    .ok_or_else(|| {
        AppError::validation("Only a case report published in a community can be verified")
    })?;
    let verified = method != axum::http::Method::DELETE;
    crate::publishing::case::verify_case(
        &data,
        &community,
        &Moderator::here(me, Some(role)),
        &c.status,
        verified,
    )
    .await?;
    let c = case_by_id(&data, &id).await?;
    Ok(Json(case_json(&data, &c).await?))
}

/// `GET /api/collegium/v1/cases/{id}/schema`: the report in schema.org JSON-LD
/// (a `Report`, with our terms as `DefinedTerm`s).
pub async fn schema_org(data: Data<AppState>, Path(id): Path<String>) -> AppResult<Response> {
    let c = case_by_id(&data, &id).await?;
    let defined = |vocabulary: &str, id: &str| {
        let t = vocabularies::get(vocabulary).ok().and_then(|v| v.term(id));
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
    };
    let mut about: Vec<Value> = Vec::new();
    for (vocabulary, _) in LISTED {
        about.extend(
            c.terms_of(vocabulary)
                .iter()
                .map(|id| defined(vocabulary, id)),
        );
    }
    about.push(defined(model::SECTORS, &c.row.sector));
    about.push(defined(model::STAGES, &c.row.stage));
    let licence = vocabularies::get(model::LICENCES)?.term(&c.row.licence);
    let body = json!({
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": c.status.ap_id,
        "url": c.status.url,
        "name": c.status.title,
        "abstract": c.row.summary,
        "text": model::sections(&c.details)
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(h, t)| format!("{h}\n{t}"))
            .collect::<Vec<_>>()
            .join("\n\n"),
        "inLanguage": c.status.language,
        "spatialCoverage": {
            "@type": "Place",
            "name": c.row.region,
            "address": { "@type": "PostalAddress", "addressCountry": c.row.country },
        },
        "about": about,
        "citation": c.details.evidence_links,
        "isBasedOn": c.details.materials,
        "license": licence.and_then(|t| t.uri.clone()).unwrap_or_else(|| c.row.licence.clone()),
        "version": c.row.version,
        "dateCreated": c.status.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "dateModified": c.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "review": c.row.verified_at.map(|at| json!({
            "@type": "Review",
            "name": "Verified by a facilitator",
            "author": { "@type": "Person", "name": c.row.verified_by_name },
            "datePublished": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })),
    });
    Ok((
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        body.to_string(),
    )
        .into_response())
}

//! Case reports on the wire: an `Article` with readable `name` (the title),
//! `summary`, `content` (the report in headed sections) and `url`, plus our
//! `caseReport` object (FEDERATION.md). The verification mark travels separately,
//! as the community's moderation (`Add` to the Group's `verified` collection).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::{
    cases::model::{self, CaseDraft, CaseReport, Details, LISTED},
    error::{AppError, AppResult},
    posts::{protocol::NoteJson, store::Status},
    vocabularies, web,
};

fn term_json(base: &str, vocabulary: &str, id: &str) -> Value {
    let term = vocabularies::get(vocabulary)
        .ok()
        .and_then(|v| v.term(id).cloned());
    json!({
        "type": "DefinedTerm",
        "termCode": id,
        "name": term.as_ref().map(|t| t.label("en").to_string()),
        "url": term.and_then(|t| t.uri),
        "inDefinedTermSet": format!(
            "{base}/api/collegium/v1/vocabularies/{vocabulary}"
        ),
    })
}

/// The camelCase property for each listed vocabulary.
fn property(field: &str) -> &'static str {
    match field {
        "levels" => "educationalLevel",
        "school_subjects" => "schoolSubjects",
        "subjects" => "about",
        "evidence_kinds" => "evidenceKinds",
        "digcompedu" => "digCompEdu",
        _ => "selfieAreas",
    }
}

/// Turns the Note of a local post into the Article of its case report `c`.
pub fn write_article(
    base: &str,
    status: &Status,
    c: &CaseReport,
    note: &mut Value,
) -> AppResult<()> {
    let content = format!(
        "{}{}",
        web::text_to_html(&c.row.summary),
        model::details_html(&c.details)
    );
    note["type"] = json!("Article");
    note["name"] = json!(status.title);
    note["summary"] = json!(web::escape(&c.row.summary));
    note["content"] = json!(content);
    if let Some(language) = &status.language {
        note["contentMap"] = json!({ language: content });
        note["inLanguage"] = json!(language);
    }
    note["version"] = json!(c.row.version);
    note["license"] = term_json(base, model::LICENCES, &c.row.licence);
    let mut report = serde_json::to_value(&c.details).map_err(|e| AppError::Internal(e.into()))?;
    report["country"] = json!(c.row.country.as_ref().map(|id| term_json(
        base,
        model::COUNTRIES,
        id
    )));
    report["region"] = json!(c.row.region);
    report["sector"] = term_json(base, model::SECTORS, &c.row.sector);
    report["stage"] = term_json(base, model::STAGES, &c.row.stage);
    for (vocabulary, field) in LISTED {
        report[property(field)] = json!(
            c.terms_of(vocabulary)
                .iter()
                .map(|id| term_json(base, vocabulary, id))
                .collect::<Vec<_>>()
        );
    }
    note["caseReport"] = report;
    Ok(())
}

fn code(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o
            .get("termCode")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str),
        _ => None,
    }
}

/// A term of `vocabulary` as another server names it (code, URI or DefinedTerm).
fn term_of(vocabulary: &str, v: &Value) -> Option<String> {
    let vocab = vocabularies::get(vocabulary).ok()?;
    vocab.find(code(v)?).map(|t| t.id.clone())
}

fn text(v: Option<&Value>, max: usize) -> String {
    v.and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .chars()
        .take(max)
        .collect()
}

fn strings(v: Option<&Value>, max: usize) -> Vec<String> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|s| s.trim().chars().take(max).collect::<String>())
        .filter(|s| !s.is_empty())
        .take(10)
        .collect()
}

/// The facts of a case report another server sent (`None` if it is not one),
/// checked against our vocabularies.
pub fn draft_of(status: &Status, note: &NoteJson) -> Option<CaseDraft> {
    if note.kind != "Article" {
        return None;
    }
    let report = note.extra.get("caseReport").filter(|r| r.is_object())?;
    let long = |key: &str| text(report.get(key), 5000);
    let details = Details {
        context: long("context"),
        problem: long("problem"),
        intervention: long("intervention"),
        ict_tools: strings(report.get("ictTools"), 200),
        actors: long("actors"),
        barriers: long("barriers"),
        enablers: long("enablers"),
        evidence_indicators: long("evidenceIndicators"),
        evidence_links: strings(report.get("evidenceLinks"), 2000)
            .into_iter()
            .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
            .collect(),
        costs: long("costs"),
        transfer: long("transfer"),
        contact: text(report.get("contact"), 500),
        materials: strings(report.get("materials"), 2000)
            .into_iter()
            .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
            .collect(),
    };
    let mut terms = BTreeMap::new();
    for (vocabulary, field) in LISTED {
        let mut ids: Vec<String> = Vec::new();
        for v in report
            .get(property(field))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .take(50)
        {
            if let Some(id) = term_of(vocabulary, v)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        ids.truncate(10);
        terms.insert(vocabulary.to_string(), ids);
    }
    let term = |vocabulary: &str, v: Option<&Value>| v.and_then(|v| term_of(vocabulary, v));
    let summary: String = note
        .summary
        .as_deref()
        .map(web::plain_text)
        .unwrap_or_default()
        .trim()
        .chars()
        .take(2000)
        .collect();
    Some(CaseDraft {
        title: note
            .title()
            .or_else(|| status.title.clone())
            .unwrap_or_else(|| "(untitled)".into()),
        summary,
        country: term(model::COUNTRIES, report.get("country")),
        region: Some(text(report.get("region"), 100)).filter(|r| !r.is_empty()),
        // What we cannot place is left at the most cautious reading.
        sector: term(model::SECTORS, report.get("sector")).unwrap_or_else(|| "school".into()),
        stage: term(model::STAGES, report.get("stage")).unwrap_or_else(|| "idea".into()),
        licence: note
            .extra
            .get("license")
            .and_then(|l| term_of(model::LICENCES, l))
            .unwrap_or_else(|| "all-rights-reserved".into()),
        details,
        terms,
        version: note
            .extra
            .get("version")
            .and_then(Value::as_i64)
            .filter(|v| (1..1_000_000).contains(v)),
    })
}

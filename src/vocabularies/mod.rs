//! Controlled vocabularies as data (ISCED levels and fields, LRMI resource types,
//! DigCompEdu, SELFIE, licences, countries, …): shipped in `vocabularies/`,
//! compiled into the binary, served at `/api/collegium/v1/vocabularies/{name}`,
//! and used to check what people and other servers send.

use std::{collections::BTreeMap, sync::OnceLock};

use axum::{
    Json,
    extract::{Path, Query},
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{AppError, AppResult};

/// Vocabularies the pages show in their own way.
pub const ISCED_LEVELS: &str = "isced-levels";
pub const DIGCOMPEDU: &str = "digcompedu";
pub const RESOURCE_TYPES: &str = "learning-resource-types";
pub const SCHOOL_SUBJECTS: &str = "school-subjects";
pub const ISCED_FIELDS: &str = "isced-fields";

/// The languages every label is given in.
pub const LANGUAGES: &[&str] = &["en", "de", "fr", "it", "es"];

const FILES: &[(&str, &str)] = &[
    (
        "isced-levels",
        include_str!("../../vocabularies/isced-levels.json"),
    ),
    (
        "isced-fields",
        include_str!("../../vocabularies/isced-fields.json"),
    ),
    (
        "learning-resource-types",
        include_str!("../../vocabularies/learning-resource-types.json"),
    ),
    (
        "digcompedu",
        include_str!("../../vocabularies/digcompedu.json"),
    ),
    (
        "selfie-areas",
        include_str!("../../vocabularies/selfie-areas.json"),
    ),
    ("licences", include_str!("../../vocabularies/licences.json")),
    (
        "countries",
        include_str!("../../vocabularies/countries.json"),
    ),
    ("sectors", include_str!("../../vocabularies/sectors.json")),
    (
        "school-subjects",
        include_str!("../../vocabularies/school-subjects.json"),
    ),
    (
        "mainstreaming-stages",
        include_str!("../../vocabularies/mainstreaming-stages.json"),
    ),
    (
        "evidence-kinds",
        include_str!("../../vocabularies/evidence-kinds.json"),
    ),
];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub name: String,
    pub title: BTreeMap<String, String>,
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub labels: BTreeMap<String, String>,
    pub broader: Option<String>,
    pub uri: Option<String>,
    /// The ISCED-F field a school subject belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isced_field: Option<String>,
}

impl Vocabulary {
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    /// The term with this id, or with this URI (how other servers may name it).
    pub fn find(&self, id_or_uri: &str) -> Option<&Term> {
        self.term(id_or_uri).or_else(|| {
            self.terms
                .iter()
                .find(|t| t.uri.as_deref() == Some(id_or_uri))
        })
    }
}

impl Vocabulary {
    /// The term whose label in any language is `label` (case and accents as
    /// typed, spaces around ignored): what a person may type instead of a code.
    pub fn labelled(&self, label: &str) -> Option<&Term> {
        let label = label.trim().to_lowercase();
        self.terms
            .iter()
            .find(|t| t.labels.values().any(|l| l.to_lowercase() == label))
    }
}

/// Adds to `terms` (vocabulary name → term ids) the ISCED-F field of each
/// school subject in it, so what is found by field finds it too.
pub fn add_fields_of_subjects(terms: &mut BTreeMap<String, Vec<String>>) {
    let Ok(subjects) = get(SCHOOL_SUBJECTS) else {
        return;
    };
    let fields: Vec<String> = terms
        .get(SCHOOL_SUBJECTS)
        .into_iter()
        .flatten()
        .filter_map(|id| subjects.term(id)?.isced_field.clone())
        .collect();
    if fields.is_empty() {
        return;
    }
    let list = terms.entry(ISCED_FIELDS.to_string()).or_default();
    for f in fields {
        if !list.contains(&f) {
            list.push(f);
        }
    }
}

impl Term {
    /// The label in `language`, else in English.
    pub fn label(&self, language: &str) -> &str {
        self.labels
            .get(language)
            .or_else(|| self.labels.get("en"))
            .map(String::as_str)
            .unwrap_or(self.id.as_str())
    }
}

static ALL: OnceLock<Vec<Vocabulary>> = OnceLock::new();

fn parse_all() -> Result<Vec<Vocabulary>, String> {
    let mut out = Vec::new();
    for (name, text) in FILES {
        let v: Vocabulary =
            serde_json::from_str(text).map_err(|e| format!("vocabulary {name}: {e}"))?;
        if v.name != *name {
            return Err(format!("vocabulary {name} calls itself {}", v.name));
        }
        for term in &v.terms {
            if let Some(missing) = LANGUAGES.iter().find(|l| !term.labels.contains_key(**l)) {
                return Err(format!(
                    "vocabulary {name}: {} has no {missing} label",
                    term.id
                ));
            }
            if let Some(b) = &term.broader
                && v.term(b).is_none()
            {
                return Err(format!(
                    "vocabulary {name}: {} is under unknown {b}",
                    term.id
                ));
            }
        }
        out.push(v);
    }
    // A school subject names an ISCED-F field that exists.
    if let (Some(subjects), Some(fields)) = (
        out.iter().find(|v| v.name == SCHOOL_SUBJECTS),
        out.iter().find(|v| v.name == ISCED_FIELDS),
    ) && let Some(t) = subjects.terms.iter().find(|t| {
        t.isced_field
            .as_deref()
            .is_none_or(|f| fields.term(f).is_none())
    }) {
        return Err(format!(
            "vocabulary {SCHOOL_SUBJECTS}: {} names no ISCED-F field",
            t.id
        ));
    }
    Ok(out)
}

/// Every vocabulary (read once; `AppState` reads them at start so that a broken
/// file stops the server rather than a request).
pub fn all() -> AppResult<&'static [Vocabulary]> {
    if let Some(v) = ALL.get() {
        return Ok(v);
    }
    let parsed = parse_all().map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?;
    Ok(ALL.get_or_init(|| parsed))
}

/// One vocabulary by name.
pub fn get(name: &str) -> AppResult<&'static Vocabulary> {
    all()?
        .iter()
        .find(|v| v.name == name)
        .ok_or(AppError::NotFound)
}

/// Checks a value against a vocabulary and gives back its term id (a term's URI is
/// taken for its id); `what` names the field in the error.
pub fn check(name: &str, value: &str, what: &str) -> AppResult<String> {
    let value = value.trim();
    let vocabulary = get(name)?;
    vocabulary
        .find(value)
        .or_else(|| vocabulary.labelled(value))
        .map(|t| t.id.clone())
        .ok_or_else(|| {
            AppError::validation(format!(
                "{what} {value:?} is not in the vocabulary {name} (see /api/collegium/v1/vocabularies/{name})"
            ))
            .said("invalid-not-in-list", Some(what), &[("value", value.to_string())])
        })
}

#[derive(Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
}

/// `GET /api/collegium/v1/vocabularies`: the names and titles.
pub async fn index() -> AppResult<Json<Value>> {
    let list: Vec<Value> = all()?
        .iter()
        .map(|v| {
            json!({
                "name": v.name,
                "title": v.title,
                "source": v.source,
                "terms_count": v.terms.len(),
                "url": format!("/api/collegium/v1/vocabularies/{}", v.name),
            })
        })
        .collect();
    Ok(Json(Value::Array(list)))
}

/// `GET /api/collegium/v1/vocabularies/{name}[?lang=de]`: every term with its labels
/// (and, with `lang`, a `label` in that language, English when it has none).
pub async fn show(Path(name): Path<String>, Query(q): Query<LangQuery>) -> AppResult<Json<Value>> {
    let v = get(&name)?;
    let mut body = serde_json::to_value(v).map_err(|e| AppError::Internal(e.into()))?;
    if let Some(lang) = q.lang.as_deref() {
        if !LANGUAGES.contains(&lang) {
            return Err(AppError::validation(format!(
                "lang must be one of {}",
                LANGUAGES.join(", ")
            )));
        }
        if let Some(terms) = body.get_mut("terms").and_then(Value::as_array_mut) {
            for (term, source) in terms.iter_mut().zip(&v.terms) {
                term["label"] = json!(source.label(lang));
            }
        }
    }
    Ok(Json(body))
}

/// A BCP-47 language tag, lower-cased (`de`, `pt-br`).
pub fn clean_language(tag: &str) -> crate::error::AppResult<String> {
    let tag = tag.trim();
    let ok = !tag.is_empty()
        && tag.len() <= 16
        && tag
            .split('-')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(tag.to_ascii_lowercase())
    } else {
        Err(crate::error::AppError::validation(format!(
            "language {tag:?} is not a language tag such as de or pt-BR"
        ))
        .said("invalid-language-tag", None, &[("value", tag.to_string())]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_parses_and_checks_values() {
        assert_eq!(all().unwrap().len(), FILES.len());
        assert_eq!(check("isced-levels", "2", "level").unwrap(), "2");
        assert_eq!(
            check(
                "licences",
                "https://creativecommons.org/licenses/by-sa/4.0/",
                "licence"
            )
            .unwrap(),
            "cc-by-sa"
        );
        assert!(check("countries", "XX", "country").is_err());
        assert_eq!(
            get("digcompedu")
                .unwrap()
                .term("2.1")
                .unwrap()
                .broader
                .as_deref(),
            Some("2")
        );
    }
}

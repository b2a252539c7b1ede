//! Materials on the wire: an `Article` with readable `name`, `summary`, `content`
//! and `url` (what Mastodon shows), `attachment`s for files, hashtags for
//! subjects, and the schema.org LearningResource terms of our `/ns` context.
//! Incoming Articles that carry those terms become materials here, checked
//! against the vocabularies like everything else.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use url::Url;

use crate::{
    materials::model::{
        self, COMPETENCES, FileDraft, LICENCES, MAX_DESCRIPTION_CHARS, MAX_FILES, Material,
        MaterialDraft, SUBJECTS,
    },
    posts::{
        protocol::{NoteJson, id_of},
        store::Status,
    },
    vocabularies, web,
};

/// The schema.org property for each vocabulary a material is described by.
const PROPERTIES: &[(&str, &str)] = &[
    (model::TYPES, "learningResourceType"),
    (model::LEVELS, "educationalLevel"),
    (SUBJECTS, "about"),
    // School subjects are `about` too, told apart by their DefinedTermSet.
    (model::SCHOOL_SUBJECTS, "about"),
    (COMPETENCES, "teaches"),
];

fn defined_term(base: &str, vocabulary: &str, id: &str) -> Value {
    let term = vocabularies::get(vocabulary)
        .ok()
        .and_then(|v| v.term(id).cloned());
    let mut out = json!({
        "type": "DefinedTerm",
        "termCode": id,
        "inDefinedTermSet": format!("{base}/api/collegium/v1/vocabularies/{vocabulary}"),
    });
    if let Some(t) = term {
        out["name"] = json!(t.label("en"));
        if let Some(uri) = t.uri {
            out["url"] = json!(uri);
        }
    }
    out
}

/// Turns the Note of a local post into the Article of its material `m`.
pub fn write_article(base: &str, status: &Status, m: &Material, note: &mut Value) {
    note["type"] = json!("Article");
    note["name"] = json!(status.title);
    note["summary"] = json!(web::escape(&m.row.description));
    // Articles carry their title in `name`: the body alone is the content.
    note["content"] = json!(status.content);
    if let Some(language) = &status.language {
        note["contentMap"] = json!({ language: status.content });
        note["inLanguage"] = json!(language);
    }
    note["materialKind"] = json!("material");
    note["version"] = json!(m.row.version);
    note["creator"] = json!(m.authors());
    note["license"] = defined_term(base, LICENCES, &m.row.licence);
    for (vocabulary, property) in PROPERTIES {
        let mut values: Vec<Value> = m
            .terms_of(vocabulary)
            .iter()
            .map(|id| defined_term(base, vocabulary, id))
            .collect();
        if *vocabulary == COMPETENCES {
            values.extend(m.teaches_text().into_iter().map(Value::String));
        }
        // Two vocabularies share `about`: the second adds to the first.
        match note[*property].as_array_mut() {
            Some(earlier) => earlier.extend(values),
            None => note[*property] = json!(values),
        }
    }
    if let Some(t) = &m.row.time_required {
        note["timeRequired"] = json!(t);
    }
    if let Some(b) = &m.row.based_on {
        note["isBasedOn"] = json!(b);
    }
    note["attachment"] = json!(
        m.files
            .iter()
            .map(|f| {
                let mut a = json!({ "type": "Document", "url": f.url, "name": f.name });
                if let Some(t) = &f.media_type {
                    a["mediaType"] = json!(t);
                }
                a
            })
            .collect::<Vec<_>>()
    );
    if let Some(tags) = note["tag"].as_array_mut() {
        for tag in model::subject_hashtags(&m.terms) {
            let hashtag = json!({ "type": "Hashtag", "href": format!("{base}/tags/{tag}"), "name": format!("#{tag}") });
            if !tags.contains(&hashtag) {
                tags.push(hashtag);
            }
        }
    }
}

/// The values of a property: a string, an object or a list of them.
fn values(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().take(50).collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// A term of `vocabulary` as another server names it: its code, its URI, or a
/// DefinedTerm with either.
fn term_of(vocabulary: &str, v: &Value) -> Option<String> {
    let vocab = vocabularies::get(vocabulary).ok()?;
    let candidates: Vec<&str> = match v {
        Value::String(s) => vec![s.as_str()],
        Value::Object(o) => ["termCode", "url", "id", "@id"]
            .iter()
            .filter_map(|k| o.get(*k).and_then(Value::as_str))
            .collect(),
        _ => vec![],
    };
    candidates
        .into_iter()
        .find_map(|c| vocab.find(c).map(|t| t.id.clone()))
}

fn text(v: &Value, max: usize) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name").and_then(Value::as_str)?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.chars().take(max).collect())
}

/// Whether an incoming object is a teaching material: an Article with our kind,
/// or with LearningResource terms.
pub fn is_material(note: &NoteJson) -> bool {
    note.kind == "Article"
        && (note.extra.get("materialKind").and_then(Value::as_str) == Some("material")
            || note.extra.contains_key("learningResourceType")
            || note.extra.contains_key("educationalLevel"))
}

/// The facts of a teaching material another server sent (`None` if it is not
/// one), checked against our vocabularies: what we do not know is left out.
pub fn draft_of(status: &Status, note: &NoteJson) -> Option<MaterialDraft> {
    if !is_material(note) {
        return None;
    }
    let extra = &note.extra;
    let description = note
        .summary
        .as_deref()
        .map(web::plain_text)
        .unwrap_or_default()
        .trim()
        .chars()
        .take(MAX_DESCRIPTION_CHARS)
        .collect::<String>();
    let mut terms = BTreeMap::new();
    let mut teaches_text = Vec::new();
    for (vocabulary, property) in PROPERTIES {
        let mut ids: Vec<String> = Vec::new();
        for v in values(extra.get(*property)) {
            match term_of(vocabulary, v) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None if *vocabulary == COMPETENCES => teaches_text.extend(text(v, 200)),
                None => {}
            }
        }
        ids.truncate(10);
        terms.insert(vocabulary.to_string(), ids);
    }
    teaches_text.truncate(10);
    let licence = values(extra.get("license"))
        .into_iter()
        .find_map(|v| term_of(LICENCES, v))
        // Without a licence we know, nothing may be assumed.
        .unwrap_or_else(|| "all-rights-reserved".into());
    let authors: Vec<String> = values(extra.get("creator"))
        .into_iter()
        .filter_map(|v| text(v, 100))
        .take(10)
        .collect();
    let time_required = extra
        .get("timeRequired")
        .and_then(Value::as_str)
        .and_then(|t| model::check_duration(t).ok());
    let based_on = values(extra.get("isBasedOn"))
        .into_iter()
        .find_map(id_of)
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|u| u.to_string());
    let files: Vec<FileDraft> = values(note.attachment.as_ref())
        .into_iter()
        .filter_map(|a| {
            let url = match a.get("url") {
                Some(Value::String(s)) => Url::parse(s).ok(),
                Some(v @ Value::Object(_)) => v
                    .get("href")
                    .and_then(Value::as_str)
                    .and_then(|s| Url::parse(s).ok()),
                _ => None,
            }
            .filter(|u| matches!(u.scheme(), "http" | "https"))?;
            let name = a
                .get("name")
                .and_then(Value::as_str)
                .map(|n| n.chars().filter(|c| !c.is_control()).take(200).collect())
                .unwrap_or_else(|| "file".to_string());
            let media_type = a
                .get("mediaType")
                .and_then(Value::as_str)
                .filter(|t| t.len() <= 100 && t.contains('/'))
                .map(str::to_string);
            Some(FileDraft {
                name,
                media_type,
                size_bytes: None,
                storage_key: None,
                url: url.to_string(),
            })
        })
        .take(MAX_FILES)
        .collect();
    let version = extra
        .get("version")
        .and_then(Value::as_i64)
        .filter(|v| (1..1_000_000).contains(v));
    Some(MaterialDraft {
        name: note
            .title()
            .or_else(|| status.title.clone())
            .unwrap_or_else(|| "(untitled)".into()),
        description,
        authors,
        licence,
        terms,
        teaches_text,
        time_required,
        based_on,
        add_files: files,
        remove_files: Vec::new(),
        original_author: None,
        version,
    })
}

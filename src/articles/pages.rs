//! What the pages of materials and case reports share: how vocabulary terms,
//! languages, durations and files are shown and picked, and reading the lists and
//! numbers their forms send.

use serde::Serialize;
use serde_json::Value;

use crate::{
    AppState,
    accounts::model::{Account, User},
    error::AppResult,
    vocabularies::{self, Term},
};

pub type Viewer = Option<(Account, User)>;

pub use crate::web::sign_in_to;

// ----- how vocabulary terms are shown -----

/// The languages offered in the filters and the form (English names), by name.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("sq", "Albanian"),
    ("ar", "Arabic"),
    ("eu", "Basque"),
    ("bg", "Bulgarian"),
    ("ca", "Catalan"),
    ("zh", "Chinese"),
    ("hr", "Croatian"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("nl", "Dutch"),
    ("en", "English"),
    ("et", "Estonian"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("gl", "Galician"),
    ("de", "German"),
    ("el", "Greek"),
    ("hu", "Hungarian"),
    ("is", "Icelandic"),
    ("ga", "Irish"),
    ("it", "Italian"),
    ("lv", "Latvian"),
    ("lt", "Lithuanian"),
    ("lb", "Luxembourgish"),
    ("mk", "Macedonian"),
    ("mt", "Maltese"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("rm", "Romansh"),
    ("ru", "Russian"),
    ("sr", "Serbian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("es", "Spanish"),
    ("sv", "Swedish"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
];

/// The times a teacher picks from (ISO 8601 durations, as the server takes them).
pub const DURATIONS: &[(&str, &str)] = &[
    ("PT10M", "10 minutes"),
    ("PT15M", "15 minutes"),
    ("PT20M", "20 minutes"),
    ("PT30M", "30 minutes"),
    ("PT45M", "45 minutes"),
    ("PT1H", "1 hour"),
    ("PT1H30M", "90 minutes"),
    ("PT2H", "2 hours"),
    ("PT3H", "3 hours"),
    ("P1D", "1 day"),
    ("P1W", "1 week"),
];

/// What the file chooser offers (the server checks the content, not the name).
pub const ACCEPTED_FILES: &str = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,\
.png,.jpg,.jpeg,.gif,.webp,.mp3,.ogg,.wav,.m4a,.flac,.mp4,.webm,.zip,.gz,.7z,.tar,.txt,.md,.csv";

/// The name of a language tag, in English.
pub fn language_name(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    match LANGUAGES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(primary))
    {
        Some((c, name)) if c.eq_ignore_ascii_case(code) => name.to_string(),
        Some((_, name)) => format!("{name} ({code})"),
        None => code.to_string(),
    }
}

/// A term as a teacher reads it: its English label, with the code where teachers
/// know it by its code (ISCED levels, DigCompEdu competences).
pub fn term_label(vocabulary: &str, term: &Term) -> String {
    let label = term.label("en");
    match vocabulary {
        vocabularies::ISCED_LEVELS => format!("{label} (ISCED {})", term.id),
        vocabularies::DIGCOMPEDU => format!("{} {label}", term.id),
        _ => label.to_string(),
    }
}

/// One choice of a select or a group of checkboxes.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
    /// A narrower term shown under its broader one.
    pub narrower: bool,
}

/// Choices under a heading (an `<optgroup>` or a `<fieldset>`); no heading for a
/// flat list.
#[derive(Debug, Serialize)]
pub struct ChoiceGroup {
    pub label: Option<String>,
    pub choices: Vec<Choice>,
}

pub fn choice(vocabulary: &str, term: &Term, selected: &[String]) -> Choice {
    Choice {
        value: term.id.clone(),
        label: term_label(vocabulary, term),
        selected: selected.contains(&term.id),
        narrower: term.broader.is_some(),
    }
}

/// A vocabulary's terms as choices: one flat list (narrower terms after their
/// broader one), or (`grouped`) one group per top term (ISCED-F broad fields,
/// DigCompEdu areas), the top term itself first in its group.
pub fn choices(
    vocabulary: &str,
    selected: &[String],
    grouped: bool,
) -> AppResult<Vec<ChoiceGroup>> {
    let v = vocabularies::get(vocabulary)?;
    if !grouped {
        let mut list: Vec<Choice> = v
            .terms
            .iter()
            .map(|t| choice(vocabulary, t, selected))
            .collect();
        if vocabulary == vocabularies::RESOURCE_TYPES {
            // Alphabetical, "Other" last.
            list.sort_by(|a, b| {
                (a.value == "other")
                    .cmp(&(b.value == "other"))
                    .then_with(|| a.label.cmp(&b.label))
            });
        }
        return Ok(vec![ChoiceGroup {
            label: None,
            choices: list,
        }]);
    }
    let mut groups = Vec::new();
    for top in v.terms.iter().filter(|t| t.broader.is_none()) {
        let whole = match vocabulary {
            vocabularies::DIGCOMPEDU => format!("{} {} (the whole area)", top.id, top.label("en")),
            _ => format!("{} (broad field)", top.label("en")),
        };
        let mut list = vec![Choice {
            label: whole,
            ..choice(vocabulary, top, selected)
        }];
        list.extend(
            v.terms
                .iter()
                .filter(|t| t.broader.as_deref() == Some(top.id.as_str()))
                .map(|t| choice(vocabulary, t, selected)),
        );
        groups.push(ChoiceGroup {
            label: Some(term_label(vocabulary, top)),
            choices: list,
        });
    }
    Ok(groups)
}

/// The languages as choices, with the one given even when it is not in the list.
pub fn language_choices(selected: &str) -> Vec<Choice> {
    let mut list: Vec<Choice> = LANGUAGES
        .iter()
        .map(|(code, name)| Choice {
            value: code.to_string(),
            label: name.to_string(),
            selected: code.eq_ignore_ascii_case(selected),
            narrower: false,
        })
        .collect();
    if !selected.is_empty() && !list.iter().any(|c| c.selected) {
        list.push(Choice {
            value: selected.to_string(),
            label: language_name(selected),
            selected: true,
            narrower: false,
        });
    }
    list
}

#[derive(Debug, Serialize)]
pub struct TermView {
    pub id: String,
    pub label: String,
    pub uri: Option<String>,
}

pub fn term_views(vocabulary: &str, ids: &[String]) -> Vec<TermView> {
    let vocab = vocabularies::get(vocabulary).ok();
    ids.iter()
        .map(|id| {
            let term = vocab.and_then(|v| v.term(id));
            TermView {
                id: id.clone(),
                label: term.map_or_else(|| id.clone(), |t| term_label(vocabulary, t)),
                uri: term.and_then(|t| t.uri.clone()),
            }
        })
        .collect()
}

/// An ISO 8601 duration in words: `PT1H30M` is "1 hour 30 minutes". Anything it
/// cannot read is given back as it is.
pub fn readable_duration(iso: &str) -> String {
    let v = iso.trim().to_ascii_uppercase();
    let Some(rest) = v.strip_prefix('P') else {
        return iso.to_string();
    };
    let mut parts = Vec::new();
    let mut in_time = false;
    let mut number = String::new();
    for c in rest.chars() {
        if c == 'T' {
            in_time = true;
            continue;
        }
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(c);
            continue;
        }
        let unit = match (c, in_time) {
            ('Y', false) => "year",
            ('M', false) => "month",
            ('W', false) => "week",
            ('D', false) => "day",
            ('H', true) => "hour",
            ('M', true) => "minute",
            ('S', true) => "second",
            _ => return iso.to_string(),
        };
        if number.is_empty() {
            return iso.to_string();
        }
        if number.trim_start_matches('0').is_empty() {
            number.clear();
            continue;
        }
        let plural = if number == "1" { "" } else { "s" };
        parts.push(format!("{number} {unit}{plural}"));
        number.clear();
    }
    if parts.is_empty() || !number.is_empty() {
        return iso.to_string();
    }
    parts.join(" ")
}

/// A size in bytes for people.
pub fn readable_size(bytes: i64) -> String {
    const K: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < K * K {
        format!("{:.0} KB", b / K)
    } else if b < K * K * K {
        let mb = b / (K * K);
        if mb < 10.0 {
            format!("{mb:.1} MB")
        } else {
            format!("{mb:.0} MB")
        }
    } else {
        format!("{:.1} GB", b / (K * K * K))
    }
}

/// What kind of file a media type is, for people.
pub fn file_kind(media_type: Option<&str>) -> String {
    let Some(t) = media_type else {
        return "Link".to_string();
    };
    let named = match t {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/msword" => "Word document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.ms-excel" => "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        | "application/vnd.ms-powerpoint" => "PowerPoint presentation",
        "application/vnd.oasis.opendocument.text" => "OpenDocument text",
        "application/vnd.oasis.opendocument.spreadsheet" => "OpenDocument spreadsheet",
        "application/vnd.oasis.opendocument.presentation" => "OpenDocument presentation",
        "application/rtf" => "Rich text (RTF)",
        "text/plain" => "Plain text",
        "audio/mpeg" => "Audio (MP3)",
        "application/zip" => "ZIP archive",
        "application/gzip" => "gzip archive",
        "application/x-7z-compressed" => "7-Zip archive",
        "application/x-tar" => "tar archive",
        _ => "",
    };
    if !named.is_empty() {
        return named.to_string();
    }
    let (top, sub) = t.split_once('/').unwrap_or((t, ""));
    let sub = sub.trim_start_matches("x-").to_ascii_uppercase();
    match top {
        "image" => format!("Image ({sub})"),
        "audio" => format!("Audio ({sub})"),
        "video" => format!("Video ({sub})"),
        _ => t.to_string(),
    }
}

/// An address that may be a link on our pages: http(s), or a path here.
pub fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || crate::web::safe_local_path(url.trim()).is_some();
    ok.then(|| url.trim().to_string())
}

pub fn number_param(value: &Option<String>) -> Option<i64> {
    value
        .as_deref()
        .filter(|v| !v.is_empty())
        .and_then(|v| v.parse::<i64>().ok())
}

pub fn comma_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn line_list(s: &str) -> Vec<String> {
    s.lines()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The draft's name in the browser's storage, as the form sent it (letters,
/// digits and dashes only: it goes into an address).
pub fn draft_name(sent: &str, default: &str) -> String {
    let name: String = sent
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    if name.is_empty() {
        default.to_string()
    } else {
        name
    }
}

/// The address of a browse page (`path`) with the same search and filters
/// (`(key, value)`, empty ones left out), at `offset`.
pub fn browse_link(path: &str, filters: &[(&str, &Option<String>)], offset: i64) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in filters {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            s.append_pair(key, v);
        }
    }
    if offset > 0 {
        s.append_pair("offset", &offset.to_string());
    }
    let query = s.finish();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

// ----- history -----

/// What the history page shows of one version of an article.
#[derive(Debug, Serialize)]
pub struct VersionView {
    pub version: i64,
    pub date: String,
    pub date_iso: String,
    pub title: String,
    pub summary: String,
    pub stage: Option<String>,
    pub licence: Option<String>,
    pub changed: Vec<&'static str>,
    pub first: bool,
    pub current: bool,
}

/// How a kind's versions read: the snapshot keys of its title and summary, and
/// the parts compared with the version before (JSON pointers into the snapshot)
/// with what a teacher calls them.
pub struct VersionShape {
    pub title: &'static str,
    pub summary: &'static str,
    pub compared: &'static [(&'static str, &'static str)],
}

/// A value of a snapshot, with "nothing" (missing, null, "" or []) the same.
fn compared(snapshot: &Value, pointer: &str) -> Value {
    match snapshot.pointer(pointer) {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(s)) if s.is_empty() => Value::Null,
        Some(Value::Array(a)) if a.is_empty() => Value::Null,
        Some(v) => v.clone(),
    }
}

/// What a teacher calls the parts that differ between two snapshots.
pub fn changed_parts(shape: &VersionShape, before: &Value, after: &Value) -> Vec<&'static str> {
    shape
        .compared
        .iter()
        .filter(|(pointer, _)| compared(before, pointer) != compared(after, pointer))
        .map(|(_, label)| *label)
        .collect()
}

/// Every version of the article `status_id`, newest first (`current`: the
/// version it is at now).
pub async fn version_views(
    state: &AppState,
    status_id: i64,
    current: i64,
    shape: &VersionShape,
) -> AppResult<Vec<VersionView>> {
    let rows = super::store::versions(&state.db, status_id).await?;
    let snapshots: Vec<Value> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.snapshot).unwrap_or(Value::Null))
        .collect();
    let label = |vocabulary: &str, snapshot: &Value, key: &str| {
        let vocab = vocabularies::get(vocabulary).ok();
        snapshot.get(key).and_then(Value::as_str).map(|id| {
            vocab
                .and_then(|v| v.term(id))
                .map_or_else(|| id.to_string(), |t| t.label("en").to_string())
        })
    };
    let mut versions = Vec::new();
    for (i, (row, snapshot)) in rows.iter().zip(&snapshots).enumerate() {
        let changed = match i.checked_sub(1).and_then(|p| snapshots.get(p)) {
            Some(before) => changed_parts(shape, before, snapshot),
            None => Vec::new(),
        };
        let text = |key: &str| {
            snapshot
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        versions.push(VersionView {
            version: row.version,
            date: row.created_at.format("%-d %B %Y, %H:%M UTC").to_string(),
            date_iso: row.created_at.to_rfc3339(),
            title: text(shape.title),
            summary: text(shape.summary),
            stage: label("mainstreaming-stages", snapshot, "stage"),
            licence: label("licences", snapshot, "licence"),
            changed,
            first: i == 0,
            current: row.version == current,
        });
    }
    versions.reverse();
    Ok(versions)
}

//! What the pages of materials and case reports share: how vocabulary terms,
//! languages, durations and files are shown and picked, and reading the lists and
//! numbers their forms send.

use fluent_templates::fluent_bundle::FluentValue;
use serde::Serialize;
use serde_json::Value;

use crate::{
    AppState,
    accounts::model::{Account, User},
    error::AppResult,
    i18n::{self, Lang},
    vocabularies::{self, Term},
};

pub type Viewer = Option<(Account, User)>;

pub use crate::web::sign_in_to;

// ----- how vocabulary terms are shown -----

/// The languages offered in the filters and the form (their names are the
/// messages `language-<code>`).
pub const LANGUAGES: &[&str] = &[
    "sq", "ar", "eu", "bg", "ca", "zh", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "gl", "de",
    "el", "hu", "is", "ga", "it", "lv", "lt", "lb", "mk", "mt", "no", "pl", "pt", "ro", "rm", "ru",
    "sr", "sk", "sl", "es", "sv", "tr", "uk",
];

/// The times a teacher picks from (ISO 8601 durations, as the server takes them;
/// their labels are [`readable_duration`]).
pub const DURATIONS: &[&str] = &[
    "PT10M", "PT15M", "PT20M", "PT30M", "PT45M", "PT1H", "PT1H30M", "PT2H", "PT3H", "P1D", "P1W",
];

/// What the file chooser offers (the server checks the content, not the name).
pub const ACCEPTED_FILES: &str = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,\
.png,.jpg,.jpeg,.gif,.webp,.mp3,.ogg,.wav,.m4a,.flac,.mp4,.webm,.zip,.gz,.7z,.tar,.txt,.md,.csv";

/// A name as lists sort it in any of our languages: lower case, with the accents
/// and ligatures of Latin letters taken off ("Österreich" next to "Norwegen").
pub fn sort_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
            'ľ' | 'ĺ' | 'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ŕ' | 'ř' => "r",
            'ś' | 'š' | 'ș' | 'ş' => "s",
            'ť' | 'ț' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            _ => {
                key.push(c);
                continue;
            }
        };
        key.push_str(plain);
    }
    key
}

/// The name of a language tag in `lang`: "German", "Portuguese (pt-BR)", or the
/// tag itself for a language we have no name for.
pub fn language_name(lang: Lang, code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    match LANGUAGES.iter().find(|c| c.eq_ignore_ascii_case(primary)) {
        Some(c) if c.eq_ignore_ascii_case(code) => i18n::text(lang, &format!("language-{c}")),
        Some(c) => i18n::message(
            lang,
            "vocabulary-language-tagged",
            &[
                (
                    "name",
                    FluentValue::from(i18n::text(lang, &format!("language-{c}"))),
                ),
                ("tag", FluentValue::from(code)),
            ],
        ),
        None => code.to_string(),
    }
}

/// A term as a teacher reads it in `lang`: its label, with the code where
/// teachers know it by its code (ISCED levels, DigCompEdu competences).
pub fn term_label(lang: Lang, vocabulary: &str, term: &Term) -> String {
    let label = term.label(lang.code());
    match vocabulary {
        vocabularies::ISCED_LEVELS => i18n::message(
            lang,
            "vocabulary-isced-level",
            &[
                ("label", FluentValue::from(label)),
                ("code", FluentValue::from(term.id.as_str())),
            ],
        ),
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

pub fn choice(lang: Lang, vocabulary: &str, term: &Term, selected: &[String]) -> Choice {
    Choice {
        value: term.id.clone(),
        label: term_label(lang, vocabulary, term),
        selected: selected.contains(&term.id),
        narrower: term.broader.is_some(),
    }
}

/// A vocabulary's terms as choices: one flat list (narrower terms after their
/// broader one), or (`grouped`) one group per top term (ISCED-F broad fields,
/// DigCompEdu areas), the top term itself first in its group.
pub fn choices(
    lang: Lang,
    vocabulary: &str,
    selected: &[String],
    grouped: bool,
) -> AppResult<Vec<ChoiceGroup>> {
    let v = vocabularies::get(vocabulary)?;
    if !grouped {
        let mut list: Vec<Choice> = v
            .terms
            .iter()
            .map(|t| choice(lang, vocabulary, t, selected))
            .collect();
        if matches!(
            vocabulary,
            vocabularies::RESOURCE_TYPES | vocabularies::SCHOOL_SUBJECTS
        ) {
            // Alphabetical in the page's language, "Other" last.
            list.sort_by_cached_key(|c| (c.value == "other", sort_key(&c.label)));
        }
        return Ok(vec![ChoiceGroup {
            label: None,
            choices: list,
        }]);
    }
    let mut groups = Vec::new();
    for top in v.terms.iter().filter(|t| t.broader.is_none()) {
        let label = FluentValue::from(top.label(lang.code()));
        let whole = match vocabulary {
            vocabularies::DIGCOMPEDU => i18n::message(
                lang,
                "vocabulary-whole-area",
                &[
                    ("code", FluentValue::from(top.id.as_str())),
                    ("label", label),
                ],
            ),
            _ => i18n::message(lang, "vocabulary-broad-field", &[("label", label)]),
        };
        let mut list = vec![Choice {
            label: whole,
            ..choice(lang, vocabulary, top, selected)
        }];
        list.extend(
            v.terms
                .iter()
                .filter(|t| t.broader.as_deref() == Some(top.id.as_str()))
                .map(|t| choice(lang, vocabulary, t, selected)),
        );
        groups.push(ChoiceGroup {
            label: Some(term_label(lang, vocabulary, top)),
            choices: list,
        });
    }
    Ok(groups)
}

/// The countries as choices, by their names in `lang`.
pub fn country_choices(lang: Lang, selected: &str) -> AppResult<Vec<Choice>> {
    let mut list: Vec<Choice> = choices(lang, "countries", &[selected.to_string()], false)?
        .into_iter()
        .flat_map(|g| g.choices)
        .collect();
    list.sort_by_cached_key(|c| sort_key(&c.label));
    Ok(list)
}

/// The languages as choices, by their names in `lang`, with the one given even
/// when it is not in the list.
pub fn language_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut list: Vec<Choice> = LANGUAGES
        .iter()
        .map(|code| Choice {
            value: code.to_string(),
            label: language_name(lang, code),
            selected: code.eq_ignore_ascii_case(selected),
            narrower: false,
        })
        .collect();
    list.sort_by_cached_key(|c| sort_key(&c.label));
    if !selected.is_empty() && !list.iter().any(|c| c.selected) {
        list.push(Choice {
            value: selected.to_string(),
            label: language_name(lang, selected),
            selected: true,
            narrower: false,
        });
    }
    list
}

/// The durations of [`DURATIONS`] as choices, in words in `lang`.
pub fn duration_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    DURATIONS
        .iter()
        .map(|iso| Choice {
            value: iso.to_string(),
            label: readable_duration(lang, iso),
            selected: selected == *iso,
            narrower: false,
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct TermView {
    pub id: String,
    pub label: String,
    pub uri: Option<String>,
}

pub fn term_views(lang: Lang, vocabulary: &str, ids: &[String]) -> Vec<TermView> {
    let vocab = vocabularies::get(vocabulary).ok();
    ids.iter()
        .map(|id| {
            let term = vocab.and_then(|v| v.term(id));
            TermView {
                id: id.clone(),
                label: term.map_or_else(|| id.clone(), |t| term_label(lang, vocabulary, t)),
                uri: term.and_then(|t| t.uri.clone()),
            }
        })
        .collect()
}

/// A number as `lang` writes it: "1.5" is "1,5" in German, French, Italian and
/// Spanish.
fn decimal(lang: Lang, number: &str) -> String {
    match lang.code() {
        "en" => number.replace(',', "."),
        _ => number.replace('.', ","),
    }
}

/// A number for a message: a whole one as a number (for its plural), any other
/// as text written the way `lang` writes it.
fn count(lang: Lang, number: &str) -> FluentValue<'static> {
    match number.parse::<i64>() {
        Ok(n) => FluentValue::from(n),
        Err(_) => FluentValue::from(decimal(lang, number)),
    }
}

/// An ISO 8601 duration in words in `lang`: `PT1H30M` is "1 hour 30 minutes".
/// Anything it cannot read is given back as it is.
pub fn readable_duration(lang: Lang, iso: &str) -> String {
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
            ('Y', false) => "duration-years",
            ('M', false) => "duration-months",
            ('W', false) => "duration-weeks",
            ('D', false) => "duration-days",
            ('H', true) => "duration-hours",
            ('M', true) => "duration-minutes",
            ('S', true) => "duration-seconds",
            _ => return iso.to_string(),
        };
        if number.is_empty() {
            return iso.to_string();
        }
        if number.trim_start_matches('0').is_empty() {
            number.clear();
            continue;
        }
        parts.push(i18n::message(
            lang,
            unit,
            &[("count", count(lang, &number))],
        ));
        number.clear();
    }
    if parts.is_empty() || !number.is_empty() {
        return iso.to_string();
    }
    parts.join(" ")
}

/// A size in bytes for people, in `lang` ("20 MB", "20 Mo").
pub fn readable_size(lang: Lang, bytes: i64) -> String {
    const K: f64 = 1024.0;
    let b = bytes as f64;
    let (id, size) = if bytes < 1024 {
        return i18n::message(lang, "size-bytes", &[("count", FluentValue::from(bytes))]);
    } else if b < K * K {
        ("size-kb", format!("{:.0}", b / K))
    } else if b < K * K * K {
        let mb = b / (K * K);
        if mb < 10.0 {
            ("size-mb", format!("{mb:.1}"))
        } else {
            ("size-mb", format!("{mb:.0}"))
        }
    } else {
        ("size-gb", format!("{:.1}", b / (K * K * K)))
    };
    i18n::message(
        lang,
        id,
        &[("size", FluentValue::from(decimal(lang, &size)))],
    )
}

/// What kind of file a media type is, for people, in `lang`.
pub fn file_kind(lang: Lang, media_type: Option<&str>) -> String {
    let Some(t) = media_type else {
        return i18n::text(lang, "file-kind-link");
    };
    let named = match t {
        "application/pdf" => "file-kind-pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/msword" => "file-kind-word",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.ms-excel" => "file-kind-excel",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        | "application/vnd.ms-powerpoint" => "file-kind-powerpoint",
        "application/vnd.oasis.opendocument.text" => "file-kind-odt",
        "application/vnd.oasis.opendocument.spreadsheet" => "file-kind-ods",
        "application/vnd.oasis.opendocument.presentation" => "file-kind-odp",
        "application/rtf" => "file-kind-rtf",
        "text/plain" => "file-kind-text",
        "application/zip" => "file-kind-zip",
        "application/gzip" => "file-kind-gzip",
        "application/x-7z-compressed" => "file-kind-7z",
        "application/x-tar" => "file-kind-tar",
        _ => "",
    };
    if !named.is_empty() {
        return i18n::text(lang, named);
    }
    let (top, sub) = t.split_once('/').unwrap_or((t, ""));
    let format = match sub {
        // MP3's media type does not say "MP3".
        "mpeg" if top == "audio" => "MP3".to_string(),
        _ => sub.trim_start_matches("x-").to_ascii_uppercase(),
    };
    let id = match top {
        "image" => "file-kind-image",
        "audio" => "file-kind-audio",
        "video" => "file-kind-video",
        _ => return t.to_string(),
    };
    i18n::message(lang, id, &[("format", FluentValue::from(format))])
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
    /// RFC 3339: the page writes it in its language.
    pub date_iso: String,
    pub title: String,
    pub summary: String,
    pub stage: Option<String>,
    pub licence: Option<String>,
    pub changed: Vec<String>,
    pub first: bool,
    pub current: bool,
}

/// How a kind's versions read: the snapshot keys of its title and summary, and
/// the parts compared with the version before (JSON pointers into the snapshot)
/// with the message that names them as a teacher would.
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

/// What a teacher calls the parts that differ between two snapshots, in `lang`.
pub fn changed_parts(
    lang: Lang,
    shape: &VersionShape,
    before: &Value,
    after: &Value,
) -> Vec<String> {
    shape
        .compared
        .iter()
        .filter(|(pointer, _)| compared(before, pointer) != compared(after, pointer))
        .map(|(_, id)| i18n::text(lang, id))
        .collect()
}

/// Every version of the article `status_id`, newest first (`current`: the
/// version it is at now).
pub async fn version_views(
    state: &AppState,
    lang: Lang,
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
                .map_or_else(|| id.to_string(), |t| t.label(lang.code()).to_string())
        })
    };
    let mut versions = Vec::new();
    for (i, (row, snapshot)) in rows.iter().zip(&snapshots).enumerate() {
        let changed = match i.checked_sub(1).and_then(|p| snapshots.get(p)) {
            Some(before) => changed_parts(lang, shape, before, snapshot),
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

//! The rules of teaching materials: what a teacher fills in and how it is
//! checked (against the vocabularies), files, versions, remixes, and finding them.

use std::collections::BTreeMap;

use activitypub_federation::config::Data;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    articles::model::{self as articles, Common, term},
    error::{AppError, AppResult},
    materials::store::{self, FileRow, MaterialRow, NewFile},
    notifications::{self, Kind},
    posts::{
        protocol::NoteJson,
        store::{self as posts, Status},
    },
    vocabularies, web,
};

pub const TYPES: &str = "learning-resource-types";
pub const LEVELS: &str = "isced-levels";
pub const SUBJECTS: &str = "isced-fields";
pub const SCHOOL_SUBJECTS: &str = vocabularies::SCHOOL_SUBJECTS;
pub const COMPETENCES: &str = "digcompedu";
pub const LICENCES: &str = "licences";
/// The vocabularies a material is described by, with the field that names them.
pub const DESCRIBED_BY: &[(&str, &str)] = &[
    (TYPES, "resource_types"),
    (LEVELS, "levels"),
    (SCHOOL_SUBJECTS, "school_subjects"),
    (SUBJECTS, "subjects"),
    (COMPETENCES, "teaches"),
];

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
const MAX_LIST: usize = 10;
const MAX_AUTHOR_CHARS: usize = 100;
/// Most files (uploads and links) one material may have.
pub const MAX_FILES: usize = 20;

/// What a teacher fills in, before it is checked. On an update, what is left out
/// stays as it was.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    pub language: Option<String>,
    pub licence: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub authors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub resource_types: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub levels: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub subjects: Option<Vec<String>>,
    /// School subjects (the `school-subjects` vocabulary); each adds its
    /// ISCED-F field to `subjects`.
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub school_subjects: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub teaches: Option<Vec<String>>,
    pub time_required: Option<String>,
    /// The material this one adapts: its id here, or its address.
    pub based_on: Option<String>,
    /// Files given by link (http or https addresses).
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub links: Option<Vec<String>>,
    /// The community to post it into (its id here).
    pub community_id: Option<String>,
    /// Files to take away (their ids), on an update.
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub remove_files: Option<Vec<String>>,
    /// The CSRF token of a page form (checked by the page, ignored here).
    #[serde(default)]
    pub csrf: Option<String>,
}

/// A file to add: stored already (an upload) or a link.
#[derive(Debug, Clone)]
pub struct FileDraft {
    pub name: String,
    pub media_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub storage_key: Option<String>,
    pub url: String,
}

/// A material's facts, checked, ready to be written beside its post.
#[derive(Debug, Clone)]
pub struct MaterialDraft {
    pub name: String,
    pub description: String,
    pub authors: Vec<String>,
    pub licence: String,
    pub terms: BTreeMap<String, Vec<String>>,
    pub teaches_text: Vec<String>,
    pub time_required: Option<String>,
    pub based_on: Option<String>,
    pub add_files: Vec<FileDraft>,
    pub remove_files: Vec<i64>,
    /// The author of the original, told of the remix.
    pub original_author: Option<Account>,
    /// The version number to record (a remote material's own), else the next one.
    pub version: Option<i64>,
}

/// A material: its post and its facts.
#[derive(Debug, Clone)]
pub struct Material {
    pub status: Status,
    pub row: MaterialRow,
    pub terms: BTreeMap<String, Vec<String>>,
    pub files: Vec<FileRow>,
}

impl Material {
    pub fn authors(&self) -> Vec<String> {
        serde_json::from_str(&self.row.authors).unwrap_or_default()
    }

    pub fn teaches_text(&self) -> Vec<String> {
        serde_json::from_str(&self.row.teaches_text).unwrap_or_default()
    }

    pub fn terms_of(&self, vocabulary: &str) -> &[String] {
        self.terms.get(vocabulary).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The material a post is, if it is one.
pub async fn load(state: &AppState, status: &Status) -> AppResult<Option<Material>> {
    let Some(row) = store::find(&state.db, status.id).await? else {
        return Ok(None);
    };
    Ok(Some(Material {
        status: status.clone(),
        terms: crate::articles::store::terms(&state.db, status.id).await?,
        files: store::files(&state.db, status.id).await?,
        row,
    }))
}

/// The material with this post id (not deleted).
pub async fn find(state: &AppState, id: i64) -> AppResult<Option<Material>> {
    match posts::find(&state.db, id).await? {
        Some(s) => load(state, &s).await,
        None => Ok(None),
    }
}

// ----- checks -----

fn trimmed(s: &str, max: usize, what: &str) -> AppResult<String> {
    let s = s.trim();
    if s.chars().count() > max {
        return Err(
            AppError::validation(format!("{what} is longer than {max} characters")).said(
                "invalid-too-long",
                Some(what),
                &[("max", max.to_string())],
            ),
        );
    }
    Ok(s.to_string())
}

fn short_list(items: Vec<String>, what: &str) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim().to_string();
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    if out.len() > MAX_LIST {
        return Err(
            AppError::validation(format!("at most {MAX_LIST} {what} are allowed")).said(
                "invalid-too-many",
                Some(what),
                &[("max", MAX_LIST.to_string())],
            ),
        );
    }
    Ok(out)
}

/// Checks an ISO 8601 duration such as `PT45M`, `P2D` or `PT1H30M`.
pub fn check_duration(value: &str) -> AppResult<String> {
    let v = value.trim().to_ascii_uppercase();
    let bad = || {
        AppError::validation(format!(
            "time_required {value:?} is not an ISO 8601 duration such as PT45M or PT1H30M"
        ))
        .said("invalid-duration", None, &[("value", value.to_string())])
    };
    let rest = v.strip_prefix('P').ok_or_else(bad)?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let parts = |s: &str, units: &str| -> Result<usize, AppError> {
        let mut count = 0;
        let mut number = String::new();
        let mut last_unit = None;
        for c in s.chars() {
            if c.is_ascii_digit() {
                number.push(c);
            } else {
                let position = units.find(c).ok_or_else(bad)?;
                if number.is_empty() || last_unit.is_some_and(|l| position <= l) {
                    return Err(bad());
                }
                last_unit = Some(position);
                number.clear();
                count += 1;
            }
        }
        if !number.is_empty() {
            return Err(bad());
        }
        Ok(count)
    };
    let date_parts = parts(date, "YMWD")?;
    let time_parts = match time {
        Some(t) => {
            let n = parts(t, "HMS")?;
            if n == 0 {
                return Err(bad());
            }
            n
        }
        None => 0,
    };
    if date_parts + time_parts == 0 || v.len() > 32 {
        return Err(bad());
    }
    Ok(v)
}

fn link_file(url: &str) -> AppResult<FileDraft> {
    let parsed = Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| {
            AppError::validation(format!("{url:?} is not an http(s) address")).said(
                "invalid-link",
                None,
                &[("value", url.to_string())],
            )
        })?;
    let name = parsed
        .path_segments()
        .and_then(|mut s| s.next_back().filter(|n| !n.is_empty()).map(str::to_string))
        .or_else(|| parsed.host_str().map(str::to_string))
        .unwrap_or_else(|| "link".into());
    Ok(FileDraft {
        name: name.chars().take(200).collect(),
        media_type: None,
        size_bytes: None,
        storage_key: None,
        url: parsed.to_string(),
    })
}

/// Checks what a teacher filled in; `existing` is the material being changed,
/// `original` the one it adapts (`based_on`, found by the caller). Gives the
/// facts and the post's body text and language.
pub async fn check(
    data: &Data<AppState>,
    author: &Account,
    input: &MaterialInput,
    existing: Option<&Material>,
    original: Option<Material>,
) -> AppResult<(MaterialDraft, String, String)> {
    let name = match (&input.name, existing) {
        (Some(n), _) => trimmed(n, MAX_NAME_CHARS, "name")?,
        (None, Some(m)) => m.status.title.clone().unwrap_or_default(),
        (None, None) => String::new(),
    };
    if name.is_empty() {
        return Err(AppError::validation("name can't be blank").said(
            "invalid-blank",
            Some("name"),
            &[],
        ));
    }
    let description = match (&input.description, existing) {
        (Some(d), _) => trimmed(d, MAX_DESCRIPTION_CHARS, "description")?,
        (None, Some(m)) => m.row.description.clone(),
        (None, None) => String::new(),
    };
    if description.is_empty() {
        return Err(AppError::validation(
            "description can't be blank: say in a few sentences what it is and how to use it",
        )
        .said("invalid-material-description-blank", None, &[]));
    }
    let body = match (&input.body, existing) {
        (Some(b), _) => b.trim().to_string(),
        (None, Some(m)) => m.status.source_text.clone().unwrap_or_default(),
        (None, None) => String::new(),
    };
    let language = match (&input.language, existing) {
        (Some(l), _) => crate::vocabularies::clean_language(l)?,
        (None, Some(m)) => m.status.language.clone().unwrap_or_else(|| "en".into()),
        (None, None) => author
            .profile
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| "en".into()),
    };
    let licence = match (&input.licence, existing) {
        (Some(l), _) => vocabularies::check(LICENCES, l, "licence")?,
        (None, Some(m)) => m.row.licence.clone(),
        (None, None) => {
            return Err(AppError::validation(
                "licence is required: a Creative Commons licence, cc0, pdm or all-rights-reserved",
            )
            .said("invalid-choose", Some("licence"), &[]));
        }
    };
    let authors = match (&input.authors, existing) {
        (Some(a), _) => short_list(a.clone(), "authors")?,
        (None, Some(m)) => m.authors(),
        (None, None) => vec![author.shown_name().to_string()],
    };
    if let Some(a) = authors
        .iter()
        .find(|a| a.chars().count() > MAX_AUTHOR_CHARS)
    {
        return Err(
            AppError::validation(format!("author {a:?} is too long")).said(
                "invalid-item-too-long",
                Some("authors"),
                &[],
            ),
        );
    }
    let mut terms = BTreeMap::new();
    let mut teaches_text = existing.map(Material::teaches_text).unwrap_or_default();
    for (vocabulary, field) in DESCRIBED_BY {
        let given = match *field {
            "resource_types" => &input.resource_types,
            "levels" => &input.levels,
            "subjects" => &input.subjects,
            "school_subjects" => &input.school_subjects,
            _ => &input.teaches,
        };
        let values = match (given, existing) {
            (Some(v), _) => short_list(v.clone(), field)?,
            (None, Some(m)) => {
                terms.insert(vocabulary.to_string(), m.terms_of(vocabulary).to_vec());
                continue;
            }
            (None, None) => Vec::new(),
        };
        let mut ids = Vec::new();
        if *vocabulary == COMPETENCES {
            // DigCompEdu competences by their number, or a competence in words.
            teaches_text.clear();
            for v in values {
                match vocabularies::get(COMPETENCES)?.find(&v) {
                    Some(t) => ids.push(t.id.clone()),
                    None => teaches_text.push(trimmed(&v, 200, "teaches")?),
                }
            }
        } else {
            for v in values {
                ids.push(vocabularies::check(vocabulary, &v, field)?);
            }
        }
        terms.insert(vocabulary.to_string(), ids);
    }
    vocabularies::add_fields_of_subjects(&mut terms);
    let time_required = match (&input.time_required, existing) {
        (Some(t), _) if t.trim().is_empty() => None,
        (Some(t), _) => Some(check_duration(t)?),
        (None, Some(m)) => m.row.time_required.clone(),
        (None, None) => None,
    };
    let (based_on, original_author) = match (&input.based_on, existing) {
        (Some(b), _) if !b.trim().is_empty() => {
            let original = original.ok_or_else(|| {
                AppError::validation("based_on: no such material").said(
                    "invalid-original-unknown",
                    None,
                    &[],
                )
            })?;
            if existing.is_some_and(|m| m.status.id == original.status.id) {
                return Err(AppError::validation("A material cannot adapt itself").said(
                    "invalid-original-itself",
                    None,
                    &[],
                ));
            }
            let author = accounts::find_by_id(&data.db, original.status.account_id).await?;
            (Some(original.status.ap_id.clone()), author)
        }
        (_, Some(m)) => (m.row.based_on.clone(), None),
        _ => (None, None),
    };
    let mut add_files = Vec::new();
    for link in input.links.clone().unwrap_or_default() {
        add_files.push(link_file(&link)?);
    }
    let remove_files = input
        .remove_files
        .clone()
        .unwrap_or_default()
        .iter()
        .map(|id| {
            id.parse::<i64>().map_err(|_| {
                AppError::validation(format!("{id:?} is not a file id")).said(
                    "invalid-file-id",
                    None,
                    &[],
                )
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let text = if body.is_empty() {
        description.clone()
    } else {
        body
    };
    Ok((
        MaterialDraft {
            name,
            description,
            authors,
            licence,
            terms,
            teaches_text,
            time_required,
            based_on,
            add_files,
            remove_files,
            original_author: original_author.filter(|a| a.id != author.id),
            version: None,
        },
        text,
        language,
    ))
}

/// The Article of a local post that is a material (nothing changes otherwise).
pub async fn as_article(state: &AppState, status: &Status, note: &mut Value) -> AppResult<()> {
    if let Some(m) = load(state, status).await? {
        super::protocol::write_article(&state.settings.base_url(), status, &m, note);
    }
    Ok(())
}

/// A remote post was stored (or took a new version): if it is a teaching
/// material, its facts are kept beside it, and the author of a local original is
/// told of the remix.
pub async fn receive(state: &AppState, status: &Status, note: &NoteJson) -> AppResult<()> {
    let Some(draft) = super::protocol::draft_of(status, note) else {
        return Ok(());
    };
    let based_on = draft.based_on.clone();
    // Mastodon reads `summary` as a content warning; for a material it is the
    // description, kept here instead.
    posts::clear_spoiler(&state.db, status.id).await?;
    store::clear_files(&state.db, status.id).await?;
    let first = store::find(&state.db, status.id).await?.is_none();
    attach(state, status.id, &draft, true).await?;
    // A remix of a material of ours: its author hears of it.
    if first
        && let Some(original) = based_on.as_deref()
        && Url::parse(original).is_ok_and(|u| {
            crate::federation::origin(&u).as_deref() == Some(state.settings.domain.as_str())
        })
        && let Some(o) = posts::find_by_ap_id(&state.db, original).await?
        && let Some(original_author) = accounts::find_by_id(&state.db, o.account_id).await?
        && let Some(remixer) = accounts::find_by_id(&state.db, status.account_id).await?
    {
        notifications::notify(
            &state.db,
            &original_author,
            &remixer,
            Kind::Remix,
            Some(status.id),
        )
        .await?;
    }
    Ok(())
}

/// Writes a material's facts beside its post (`status_id`): the row, its terms,
/// files and hashtags, a new version, the search index. Gives back who else must
/// receive the post: the original's author on another server, for a new remix.
pub async fn attach(
    state: &AppState,
    status_id: i64,
    draft: &MaterialDraft,
    editing: bool,
) -> AppResult<Vec<Account>> {
    let existing = store::find(&state.db, status_id).await?;
    let version = draft
        .version
        .unwrap_or_else(|| existing.as_ref().map_or(1, |e| e.version + 1));
    let list_json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    // The search entry first: whoever can list the material can then find it.
    let status = posts::find(&state.db, status_id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::db::search::index(
        &state.db,
        status_id,
        status.language.as_deref(),
        &draft.name,
        &draft.description,
        &web::plain_text(&status.content),
    )
    .await?;
    store::upsert(
        &state.db,
        &MaterialRow {
            status_id,
            description: draft.description.clone(),
            authors: list_json(&draft.authors),
            licence: draft.licence.clone(),
            time_required: draft.time_required.clone(),
            based_on: draft.based_on.clone(),
            teaches_text: list_json(&draft.teaches_text),
            version,
            updated_at: Utc::now(),
        },
    )
    .await?;
    crate::articles::store::set_terms(&state.db, status_id, &draft.terms).await?;
    for key in store::remove_files(&state.db, status_id, &draft.remove_files).await? {
        state.media.delete(&key).await?;
    }
    for f in &draft.add_files {
        store::add_file(
            &state.db,
            status_id,
            &NewFile {
                name: &f.name,
                media_type: f.media_type.as_deref(),
                size_bytes: f.size_bytes,
                storage_key: f.storage_key.as_deref(),
                url: &f.url,
            },
        )
        .await?;
    }
    posts::set_title(&state.db, status_id, &draft.name).await?;
    posts::add_tags(&state.db, status_id, &subject_hashtags(&draft.terms)).await?;
    // Read again: the title and tags have just changed.
    let status = posts::find(&state.db, status_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let material = load(state, &status).await?.ok_or(AppError::NotFound)?;
    crate::articles::store::add_version(
        &state.db,
        status_id,
        version,
        &snapshot(&material).to_string(),
    )
    .await?;
    let mut also_to = Vec::new();
    if !editing && let Some(original_author) = &draft.original_author {
        if original_author.is_local() {
            if let Some(remixer) = accounts::find_by_id(&state.db, status.account_id).await? {
                notifications::notify(
                    &state.db,
                    original_author,
                    &remixer,
                    Kind::Remix,
                    Some(status_id),
                )
                .await?;
            }
        } else {
            also_to.push(original_author.clone());
        }
    }
    Ok(also_to)
}

/// Puts every material in the search index again (after the way it indexes
/// has changed); gives how many.
pub async fn reindex_all(state: &AppState) -> AppResult<usize> {
    let ids = store::all_ids(&state.db).await?;
    let mut done = 0;
    for id in ids {
        if let Some(m) = find(state, id).await? {
            crate::db::search::index(
                &state.db,
                id,
                m.status.language.as_deref(),
                m.status.title.as_deref().unwrap_or_default(),
                &m.row.description,
                &web::plain_text(&m.status.content),
            )
            .await?;
            done += 1;
        }
    }
    Ok(done)
}

/// Hashtags for school subjects and ISCED-F fields (their English names), so
/// materials show on tag pages and Mastodon's hashtag searches.
pub fn subject_hashtags(terms: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in [SCHOOL_SUBJECTS, SUBJECTS] {
        let Ok(vocabulary) = vocabularies::get(name) else {
            continue;
        };
        for t in terms
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|id| vocabulary.term(id))
        {
            let words: String = t
                .label("en")
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut chars = w.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                        .unwrap_or_default()
                })
                .collect();
            if let Some(tag) = crate::posts::model::normalize_tag(&words)
                && !out.contains(&tag)
            {
                out.push(tag);
            }
        }
    }
    out
}

/// A material as it reads at one version (kept in its history).
pub fn snapshot(m: &Material) -> Value {
    json!({
        "version": m.row.version,
        "name": m.status.title,
        "description": m.row.description,
        "body": m.status.content,
        "language": m.status.language,
        "authors": m.authors(),
        "licence": m.row.licence,
        "terms": m.terms,
        "teaches_text": m.teaches_text(),
        "time_required": m.row.time_required,
        "based_on": m.row.based_on,
        "files": m.files.iter().map(|f| json!({
            "name": f.name, "url": f.url, "media_type": f.media_type, "size": f.size_bytes,
        })).collect::<Vec<_>>(),
        "updated_at": m.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

// ----- finding -----

/// What a browse or search asks for.
#[derive(Debug, Default, Deserialize)]
pub struct BrowseQuery {
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub resource_type: Option<String>,
    pub level: Option<String>,
    pub subject: Option<String>,
    pub school_subject: Option<String>,
    pub teaches: Option<String>,
    pub language: Option<String>,
    pub licence: Option<String>,
    pub local: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

/// Materials, here and from other servers we know of, filtered by vocabulary
/// terms and language, and (with `q`) ranked by full-text search; paged.
pub async fn browse(state: &AppState, q: &BrowseQuery) -> AppResult<Vec<Material>> {
    let mut filter = Common {
        text: &q.q,
        language: &q.language,
        local: &q.local,
        terms: &[
            (TYPES, &q.resource_type, "type"),
            (LEVELS, &q.level, "level"),
            (SUBJECTS, &q.subject, "subject"),
            (SCHOOL_SUBJECTS, &q.school_subject, "school_subject"),
            (COMPETENCES, &q.teaches, "teaches"),
        ],
    }
    .filter(state)
    .await?;
    filter.equal = vec![("licence", term(LICENCES, &q.licence, "licence")?)];
    let mut out = Vec::new();
    for id in articles::page(state, "materials", &filter, &q.limit, &q.offset).await? {
        if let Some(m) = find(state, id).await? {
            out.push(m);
        }
    }
    Ok(out)
}

/// Materials that adapt this one, here and elsewhere (as far as we know them).
pub async fn remixes(state: &AppState, material: &Material) -> AppResult<Vec<Material>> {
    let mut out = Vec::new();
    for id in store::remixes_of(&state.db, &material.status.ap_id, 100).await? {
        if let Some(m) = find(state, id).await? {
            out.push(m);
        }
    }
    Ok(out)
}

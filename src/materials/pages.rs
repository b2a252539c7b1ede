//! Pages about teaching materials: browsing and searching with the vocabularies'
//! filters, a material's page (its files, the original it adapts, its remixes),
//! the form to publish, adapt or change one (with uploads), deleting, and the
//! history of its versions.

use axum::{
    Form,
    extract::{Multipart, Path, Query},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};

use crate::{
    AppState,
    accounts::{model::Account, session::verify_csrf, store as accounts},
    articles::pages::{
        self as articles, ACCEPTED_FILES, Choice, DURATIONS, TermView, VersionShape, Viewer,
        choices, comma_list, draft_name, file_kind, language_choices, language_name, line_list,
        number_param, readable_duration, readable_size, safe_href, sign_in_to, term_views,
    },
    error::{AppError, AppResult},
    materials::{
        model::{self, BrowseQuery, Material, MaterialInput},
        store::{self, FileRow},
    },
    media::Upload,
    posts::store as posts,
    vocabularies,
    web::{PageError, page::Page},
};

// ----- what pages show of a material -----

#[derive(Debug, Serialize)]
struct FileView {
    id: i64,
    name: String,
    kind: String,
    size: Option<String>,
    url: Option<String>,
    host: Option<String>,
    uploaded: bool,
    remove: bool,
}

fn file_view(f: &FileRow, remove: bool) -> FileView {
    FileView {
        id: f.id,
        name: f.name.clone(),
        kind: file_kind(f.media_type.as_deref()),
        size: f.size_bytes.map(readable_size),
        url: safe_href(&f.url),
        host: url::Url::parse(&f.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string)),
        uploaded: f.storage_key.is_some(),
        remove,
    }
}

#[derive(Debug, Serialize)]
struct AccountView {
    name: String,
    acct: String,
    url: Option<String>,
}

/// The material another adapts: its page here when we know it, else its address.
#[derive(Debug, Serialize)]
struct OriginalView {
    name: String,
    link: Option<String>,
    here: bool,
}

#[derive(Debug, Serialize)]
struct MaterialView {
    id: i64,
    link: String,
    name: String,
    description: String,
    body: String,
    /// Whether the body says more than the description (which stands in for an
    /// empty one).
    has_body: bool,
    language: Option<String>,
    authors: Vec<String>,
    account: Option<AccountView>,
    licence: TermView,
    types: Vec<TermView>,
    levels: Vec<TermView>,
    subjects: Vec<TermView>,
    competences: Vec<TermView>,
    teaches_text: Vec<String>,
    time_required: Option<String>,
    time_iso: Option<String>,
    files: Vec<FileView>,
    based_on: Option<OriginalView>,
    version: i64,
    local: bool,
    created: String,
    created_iso: String,
    updated: String,
    updated_iso: String,
    /// Its thread page here (comments, likes, boosts).
    discussion: Option<String>,
    /// Its page on its own server, for one from elsewhere.
    source: Option<String>,
}

fn title_of(m: &Material) -> String {
    m.status
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "(untitled)".to_string())
}

async fn original_view(state: &AppState, uri: &str) -> AppResult<OriginalView> {
    if let Some(s) = posts::find_by_ap_id(&state.db, uri).await?
        && store::find(&state.db, s.id).await?.is_some()
    {
        return Ok(OriginalView {
            name: s.title.unwrap_or_else(|| "a material".to_string()),
            link: Some(format!("/materials/{}", s.id)),
            here: true,
        });
    }
    let host = url::Url::parse(uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    Ok(OriginalView {
        name: match host {
            Some(h) => format!("a material on {h}"),
            None => uri.to_string(),
        },
        link: safe_href(uri),
        here: false,
    })
}

async fn material_view(state: &AppState, m: &Material) -> AppResult<MaterialView> {
    let author = accounts::find_by_id(&state.db, m.status.account_id).await?;
    let licence = vocabularies::get(model::LICENCES)?.term(&m.row.licence);
    let based_on = match &m.row.based_on {
        Some(uri) => Some(original_view(state, uri).await?),
        None => None,
    };
    let day = |t: &chrono::DateTime<chrono::Utc>| t.format("%-d %B %Y").to_string();
    Ok(MaterialView {
        id: m.status.id,
        link: format!("/materials/{}", m.status.id),
        name: title_of(m),
        description: m.row.description.clone(),
        body: m.status.content.clone(),
        has_body: !body_source(m).trim().is_empty(),
        language: m.status.language.as_deref().map(language_name),
        authors: m.authors(),
        account: author.as_ref().map(|a| AccountView {
            name: a.shown_name().to_string(),
            acct: if a.is_local() {
                format!("{}@{}", a.username, state.settings.domain)
            } else {
                a.acct()
            },
            url: safe_href(&a.profile_url()),
        }),
        licence: TermView {
            id: m.row.licence.clone(),
            label: licence.map_or_else(|| m.row.licence.clone(), |t| t.label("en").to_string()),
            uri: licence.and_then(|t| t.uri.clone()),
        },
        types: term_views(model::TYPES, m.terms_of(model::TYPES)),
        levels: term_views(model::LEVELS, m.terms_of(model::LEVELS)),
        subjects: term_views(model::SUBJECTS, m.terms_of(model::SUBJECTS)),
        competences: term_views(model::COMPETENCES, m.terms_of(model::COMPETENCES)),
        teaches_text: m.teaches_text(),
        time_required: m.row.time_required.as_deref().map(readable_duration),
        time_iso: m.row.time_required.clone(),
        files: m.files.iter().map(|f| file_view(f, false)).collect(),
        based_on,
        version: m.row.version,
        local: m.status.local,
        created: day(&m.status.created_at),
        created_iso: m.status.created_at.to_rfc3339(),
        updated: day(&m.row.updated_at),
        updated_iso: m.row.updated_at.to_rfc3339(),
        discussion: author
            .as_ref()
            .map(|a| crate::posts::model::thread_path(a, m.status.id)),
        source: if m.status.local {
            None
        } else {
            safe_href(m.status.url.as_deref().unwrap_or(m.status.ap_id.as_str()))
        },
    })
}

/// The material with this id, if the viewer may see it.
async fn visible_material(state: &AppState, viewer: &Viewer, id: &str) -> AppResult<Material> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let m = model::find(state, id).await?.ok_or(AppError::NotFound)?;
    let who = viewer.as_ref().map(|(a, _)| a);
    if !crate::posts::model::can_see(state, who, &m.status).await? {
        return Err(AppError::NotFound);
    }
    Ok(m)
}

/// The material with this id, for its author to change.
async fn own_material(state: &AppState, me: &Account, id: &str) -> AppResult<Material> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let m = model::find(state, id).await?.ok_or(AppError::NotFound)?;
    if m.status.account_id != me.id || !m.status.local {
        return Err(AppError::Forbidden(
            "Only its author can change or delete this material".into(),
        ));
    }
    Ok(m)
}

// ----- browse and search -----

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    deleted: Option<String>,
}

/// The browse page's address with the same search and filters, at `offset`.
fn browse_link(q: &BrowseQuery, offset: i64) -> String {
    articles::browse_link(
        "/materials",
        &[
            ("q", &q.q),
            ("type", &q.resource_type),
            ("level", &q.level),
            ("subject", &q.subject),
            ("teaches", &q.teaches),
            ("language", &q.language),
            ("licence", &q.licence),
            ("local", &q.local),
            ("limit", &q.limit),
        ],
        offset,
    )
}

/// `GET /materials`: search and filter the materials here and those other
/// servers sent us.
pub async fn browse_page(
    page: Page,
    Query(q): Query<BrowseQuery>,
    Query(notice): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let state = &page.data;
    let q = &q;
    let deleted = notice.deleted.is_some();
    let found = model::browse(state, q).await?;
    let limit = number_param(&q.limit).unwrap_or(20).clamp(1, 80);
    let offset = number_param(&q.offset).unwrap_or(0).max(0);
    let mut results = Vec::new();
    for m in &found {
        results.push(material_view(state, m).await?);
    }
    let previous = (offset > 0).then(|| browse_link(q, (offset - limit).max(0)));
    let next = (found.len() as i64 >= limit && offset + limit <= 10_000)
        .then(|| browse_link(q, offset + limit));
    let given = |v: &Option<String>| v.clone().unwrap_or_default();
    let selected = |v: &Option<String>| -> Vec<String> {
        v.iter().filter(|s| !s.is_empty()).cloned().collect()
    };
    let local = matches!(q.local.as_deref(), Some("true" | "1"));
    let filtered = [
        &q.q,
        &q.resource_type,
        &q.level,
        &q.subject,
        &q.teaches,
        &q.language,
        &q.licence,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
        || local;
    page.render(
        "materials.html",
        minijinja::context! {
            filters => minijinja::context! {
                q => given(&q.q),
                language => given(&q.language),
                local => local,
            },
            types => choices(model::TYPES, &selected(&q.resource_type), false)?,
            levels => choices(model::LEVELS, &selected(&q.level), false)?,
            subjects => choices(model::SUBJECTS, &selected(&q.subject), true)?,
            competences => choices(model::COMPETENCES, &selected(&q.teaches), true)?,
            licences => choices(model::LICENCES, &selected(&q.licence), false)?,
            languages => language_choices(&given(&q.language)),
            filtered => filtered,
            results => results,
            first => offset + 1,
            last => offset + found.len() as i64,
            previous => previous,
            next => next,
            deleted => deleted,
        },
    )
}

// ----- the form -----

/// What the form holds, as typed (kept when the server refuses it).
#[derive(Debug, Default, Clone, Serialize)]
struct FormValues {
    name: String,
    description: String,
    body: String,
    language: String,
    licence: String,
    authors: String,
    resource_types: Vec<String>,
    levels: Vec<String>,
    subjects: Vec<String>,
    teaches: Vec<String>,
    teaches_text: String,
    time_choice: String,
    time_other: String,
    links: String,
    based_on: String,
    remove_files: Vec<String>,
}

/// The text a teacher typed for a material's body ("" when it only repeats the
/// description, which stands in for an empty body).
fn body_source(m: &Material) -> String {
    let text = match &m.status.source_text {
        Some(t) if m.status.local => t.clone(),
        _ => {
            let spaced = m
                .status
                .content
                .replace("</p>", "\n\n")
                .replace("<br>", "\n")
                .replace("<br/>", "\n")
                .replace("<br />", "\n");
            crate::web::plain_text(&spaced).trim().to_string()
        }
    };
    if text.trim() == m.row.description.trim() {
        String::new()
    } else {
        text
    }
}

/// The form's two time fields for a duration: a choice, or "other" and the value.
fn time_fields(value: Option<&str>) -> (String, String) {
    match value {
        None => (String::new(), String::new()),
        Some(v) if DURATIONS.iter().any(|(iso, _)| *iso == v) => (v.to_string(), String::new()),
        Some(v) => ("other".to_string(), v.to_string()),
    }
}

impl FormValues {
    /// A new material's form: the author's first language and name.
    fn fresh(me: &Account) -> FormValues {
        FormValues {
            language: me
                .profile
                .languages
                .first()
                .cloned()
                .unwrap_or_else(|| "en".to_string()),
            authors: me.shown_name().to_string(),
            ..Default::default()
        }
    }

    /// A material's form as it reads now.
    fn of(m: &Material) -> FormValues {
        let (time_choice, time_other) = time_fields(m.row.time_required.as_deref());
        FormValues {
            name: m.status.title.clone().unwrap_or_default(),
            description: m.row.description.clone(),
            body: body_source(m),
            language: m.status.language.clone().unwrap_or_default(),
            licence: m.row.licence.clone(),
            authors: m.authors().join(", "),
            resource_types: m.terms_of(model::TYPES).to_vec(),
            levels: m.terms_of(model::LEVELS).to_vec(),
            subjects: m.terms_of(model::SUBJECTS).to_vec(),
            teaches: m.terms_of(model::COMPETENCES).to_vec(),
            teaches_text: m.teaches_text().join("\n"),
            time_choice,
            time_other,
            ..Default::default()
        }
    }

    /// An adaptation's form: what the original says, by its new author.
    fn remix(me: &Account, original: &Material) -> FormValues {
        let fresh = FormValues::fresh(me);
        let of = FormValues::of(original);
        FormValues {
            language: if of.language.is_empty() {
                fresh.language
            } else {
                of.language.clone()
            },
            authors: fresh.authors,
            based_on: original.status.id.to_string(),
            ..of
        }
    }

    /// What was sent (repeated fields arrive joined by commas).
    fn from_upload(upload: &Upload) -> FormValues {
        let text = |name: &str| upload.field(name).to_string();
        let list = |name: &str| comma_list(upload.field(name));
        FormValues {
            name: text("name"),
            description: text("description"),
            body: text("body"),
            language: text("language"),
            licence: text("licence"),
            authors: text("authors"),
            resource_types: list("resource_types"),
            levels: list("levels"),
            subjects: list("subjects"),
            teaches: list("teaches"),
            teaches_text: text("teaches_text"),
            time_choice: text("time_choice"),
            time_other: text("time_other"),
            links: text("links"),
            based_on: text("based_on"),
            remove_files: list("remove_files"),
        }
    }

    /// The duration the fields say: the other one when filled in (a plain number
    /// is minutes), else the choice; "" for none.
    fn time_required(&self) -> String {
        let other = self.time_other.trim();
        if !other.is_empty() {
            if other.chars().all(|c| c.is_ascii_digit()) {
                return format!("PT{other}M");
            }
            return other.to_string();
        }
        match self.time_choice.trim() {
            "other" => String::new(),
            choice => choice.to_string(),
        }
    }

    /// What the model takes. Every field of the form is given (an empty list
    /// clears it on a change), except the original, which a change keeps.
    fn to_input(&self, editing: bool) -> MaterialInput {
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let mut teaches = self.teaches.clone();
        teaches.extend(line_list(&self.teaches_text));
        MaterialInput {
            name: Some(self.name.clone()),
            description: Some(self.description.clone()),
            body: Some(self.body.clone()),
            language: given(&self.language),
            licence: given(&self.licence),
            authors: given(&self.authors).map(|a| comma_list(&a)),
            resource_types: Some(self.resource_types.clone()),
            levels: Some(self.levels.clone()),
            subjects: Some(self.subjects.clone()),
            teaches: Some(teaches),
            time_required: Some(self.time_required()),
            based_on: if editing { None } else { given(&self.based_on) },
            links: Some(line_list(&self.links)),
            remove_files: editing.then(|| self.remove_files.clone()),
            ..Default::default()
        }
    }
}

/// Which form: a new material (perhaps adapting another), or a change.
enum FormTarget<'a> {
    New(Option<&'a Material>),
    Edit(&'a Material),
}

/// Why the form is shown again.
struct FormError {
    status: StatusCode,
    message: String,
    files_lost: bool,
}

#[derive(Debug, Serialize)]
struct OriginalInfo {
    id: i64,
    name: String,
    link: String,
    licence: String,
    note: Option<&'static str>,
}

/// What a licence asks of those who adapt a material.
fn adaptation_note(licence: &str) -> Option<&'static str> {
    match licence {
        "cc-by-nd" | "cc-by-nc-nd" => Some(
            "Its licence does not allow sharing adapted versions (NoDerivatives): ask its \
             authors for permission before you publish your adaptation.",
        ),
        "all-rights-reserved" => Some(
            "Its authors reserve all rights: ask them for permission before you publish \
             your adaptation.",
        ),
        "cc-by-sa" | "cc-by-nc-sa" => {
            Some("Its licence is ShareAlike: publish your adaptation under the same licence.")
        }
        _ => None,
    }
}

fn render_form(
    page: &Page,
    target: FormTarget<'_>,
    values: &FormValues,
    error: Option<FormError>,
) -> Result<Response, PageError> {
    let (mode, action, draft, material) = match target {
        FormTarget::New(None) => ("new", "/materials".to_string(), "new".to_string(), None),
        FormTarget::New(Some(o)) => (
            "remix",
            "/materials".to_string(),
            format!("remix-{}", o.status.id),
            Some(o),
        ),
        FormTarget::Edit(m) => (
            "edit",
            format!("/materials/{}", m.status.id),
            format!("edit-{}", m.status.id),
            Some(m),
        ),
    };
    let original = match (mode, material) {
        ("remix", Some(o)) => Some(OriginalInfo {
            id: o.status.id,
            name: title_of(o),
            link: format!("/materials/{}", o.status.id),
            licence: vocabularies::get(model::LICENCES)?
                .term(&o.row.licence)
                .map_or_else(|| o.row.licence.clone(), |t| t.label("en").to_string()),
            note: adaptation_note(&o.row.licence),
        }),
        _ => None,
    };
    let editing = match (mode, material) {
        ("edit", Some(m)) => Some(minijinja::context! {
            id => m.status.id,
            name => title_of(m),
            version => m.row.version,
            files => m.files.iter()
                .map(|f| file_view(f, values.remove_files.contains(&f.id.to_string())))
                .collect::<Vec<_>>(),
        }),
        _ => None,
    };
    let mut durations: Vec<Choice> = DURATIONS
        .iter()
        .map(|(iso, label)| Choice {
            value: iso.to_string(),
            label: label.to_string(),
            selected: values.time_choice == *iso,
            narrower: false,
        })
        .collect();
    durations.push(Choice {
        value: "other".to_string(),
        label: "Another duration (below)".to_string(),
        selected: values.time_choice == "other",
        narrower: false,
    });
    let max_file_bytes = page.data.settings.media.max_file_bytes;
    let status = error.as_ref().map_or(StatusCode::OK, |e| e.status);
    page.render_form(
        status,
        "materials_form.html",
        minijinja::context! {
            mode => mode,
            action => action,
            draft => draft,
            original => original,
            editing => editing,
            values => values,
            error => error.as_ref().map(|e| e.message.clone()),
            files_lost => error.as_ref().is_some_and(|e| e.files_lost),
            types => choices(model::TYPES, &values.resource_types, false)?,
            levels => choices(model::LEVELS, &values.levels, false)?,
            subjects => choices(model::SUBJECTS, &values.subjects, true)?,
            competences => choices(model::COMPETENCES, &values.teaches, true)?,
            licences => choices(model::LICENCES, std::slice::from_ref(&values.licence), false)?,
            languages => language_choices(values.language.trim()),
            durations => durations,
            accept => ACCEPTED_FILES,
            max_file_bytes => max_file_bytes,
            max_file_size => readable_size(i64::try_from(max_file_bytes).unwrap_or(i64::MAX)),
            max_files_at_once => crate::media::MAX_FILES,
            max_files => model::MAX_FILES,
            max_name => model::MAX_NAME_CHARS,
            max_description => model::MAX_DESCRIPTION_CHARS,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    based_on: Option<String>,
}

/// `GET /materials/new[?based_on=ID]`: the form to publish a material, or to
/// adapt one (prefilled from the original).
pub async fn new_page(page: Page, Query(q): Query<NewQuery>) -> Result<Response, PageError> {
    let based_on = q
        .based_on
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let Some((me, _)) = &page.viewer else {
        let next = match based_on {
            Some(b) => {
                let b: String = url::form_urlencoded::byte_serialize(b.as_bytes()).collect();
                format!("/materials/new?based_on={b}")
            }
            None => "/materials/new".to_string(),
        };
        return Ok(sign_in_to(&next));
    };
    match based_on {
        Some(b) => {
            let original = visible_material(&page.data, &page.viewer, b).await?;
            let values = FormValues::remix(me, &original);
            render_form(&page, FormTarget::New(Some(&original)), &values, None)
        }
        None => render_form(&page, FormTarget::New(None), &FormValues::fresh(me), None),
    }
}

/// The form shown again after the model refused what was sent: with the message
/// and what was typed. Internal errors are the error page.
fn refused(
    page: &Page,
    target: FormTarget<'_>,
    values: &FormValues,
    error: AppError,
    files_lost: bool,
) -> Result<Response, PageError> {
    if let AppError::Internal(_) = error {
        return Err(PageError::from(error));
    }
    render_form(
        page,
        target,
        values,
        Some(FormError {
            status: error.status(),
            message: error.client_message(),
            files_lost,
        }),
    )
}

/// `POST /materials` (multipart): publishes a material from the form.
pub async fn create_form(
    page: Page,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to("/materials/new"));
    };
    let upload = Upload::read(multipart, data.settings.media.max_file_bytes, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let values = FormValues::from_upload(&upload);
    let draft = draft_name(upload.field("draft"), "new");
    let files_lost = !upload.files.is_empty();
    match crate::publishing::material::create(data, me, values.to_input(false), upload.files).await
    {
        Ok(status) => Ok(Redirect::to(&format!(
            "/materials/{}?published=1&draft={draft}",
            status.id
        ))
        .into_response()),
        Err(error) => {
            // The original, to say again what is being adapted.
            let original = match values.based_on.trim().parse::<i64>() {
                Ok(id) => model::find(data, id).await.ok().flatten(),
                Err(_) => None,
            };
            refused(
                &page,
                FormTarget::New(original.as_ref()),
                &values,
                error,
                files_lost,
            )
        }
    }
}

/// `GET /materials/{id}/edit`: its author's form to change it.
pub async fn edit_page(page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/materials/{id}/edit")));
    };
    let m = own_material(&page.data, me, &id).await?;
    render_form(&page, FormTarget::Edit(&m), &FormValues::of(&m), None)
}

/// `POST /materials/{id}` (multipart): its author saves a change (a new version).
pub async fn update_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/materials/{id}/edit")));
    };
    let upload = Upload::read(multipart, data.settings.media.max_file_bytes, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let m = own_material(data, me, &id).await?;
    let values = FormValues::from_upload(&upload);
    let files_lost = !upload.files.is_empty();
    match crate::publishing::material::update(data, me, &m, values.to_input(true), upload.files)
        .await
    {
        Ok(status) => Ok(Redirect::to(&format!(
            "/materials/{0}?saved=1&draft=edit-{0}",
            status.id
        ))
        .into_response()),
        Err(error) => refused(&page, FormTarget::Edit(&m), &values, error, files_lost),
    }
}

// ----- one material -----

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    published: Option<String>,
    saved: Option<String>,
    draft: Option<String>,
}

/// `GET /materials/{id}`: the material's page.
pub async fn show_page(
    page: Page,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let state = &page.data;
    let current = &page.viewer;
    let m = visible_material(state, current, &id).await?;
    let view = material_view(state, &m).await?;
    let mut remixes = Vec::new();
    for r in model::remixes(state, &m).await? {
        remixes.push(material_view(state, &r).await?);
    }
    let comments = posts::reply_count(&state.db, &m.status.ap_id).await?;
    let is_author = current
        .as_ref()
        .is_some_and(|(a, _)| a.id == m.status.account_id && m.status.local);
    let notice = if q.published.is_some() {
        Some("published")
    } else if q.saved.is_some() {
        Some("saved")
    } else {
        None
    };
    // After a publish or a change, the browser forgets the form's draft.
    let clear_draft = notice.and_then(|_| {
        q.draft
            .as_deref()
            .map(|d| draft_name(d, ""))
            .filter(|d| !d.is_empty())
    });
    page.render_form(
        StatusCode::OK,
        "materials_show.html",
        minijinja::context! {
            material => view,
            remixes => remixes,
            comments => comments,
            is_author => is_author,
            notice => notice,
            clear_draft => clear_draft,
            remix_link => format!("/materials/new?based_on={}", m.status.id),
            sign_in_to_remix => format!(
                "/auth/sign_in?next={}",
                url::form_urlencoded::byte_serialize(
                    format!("/materials/new?based_on={}", m.status.id).as_bytes()
                )
                .collect::<String>()
            ),
        },
    )
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /materials/{id}/delete`: its author deletes it (and its files).
pub async fn delete_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/materials/{id}")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let m = own_material(data, me, &id).await?;
    crate::publishing::material::delete(data, me, &m).await?;
    Ok(Redirect::to("/materials?deleted=1").into_response())
}

// ----- history -----

/// How a material's versions read: the parts compared with the one before, and
/// what a teacher calls them.
const SHAPE: VersionShape = VersionShape {
    title: "name",
    summary: "description",
    compared: &[
        ("/name", "title"),
        ("/description", "description"),
        ("/body", "text"),
        ("/language", "language"),
        ("/authors", "authors"),
        ("/licence", "licence"),
        ("/terms", "types, levels, subjects or competences"),
        ("/teaches_text", "what it teaches"),
        ("/time_required", "time required"),
        ("/based_on", "original"),
        ("/files", "files"),
    ],
};

/// `GET /materials/{id}/history`: every version, newest first.
pub async fn history_page(page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    let state = &page.data;
    let m = visible_material(state, &page.viewer, &id).await?;
    let versions = articles::version_views(state, m.status.id, m.row.version, &SHAPE).await?;
    page.render(
        "article_history.html",
        minijinja::context! {
            article => minijinja::context! {
                kind => "material",
                title => title_of(&m),
                link => format!("/materials/{}", m.status.id),
            },
            versions => versions,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(readable_duration("PT45M"), "45 minutes");
        assert_eq!(readable_duration("PT1H30M"), "1 hour 30 minutes");
        assert_eq!(readable_duration("P1D"), "1 day");
        assert_eq!(readable_duration("P2W"), "2 weeks");
        assert_eq!(readable_duration("PT0H20M"), "20 minutes");
        assert_eq!(readable_duration("soon"), "soon");
    }

    #[test]
    fn form_times_become_iso_durations() {
        let mut v = FormValues {
            time_choice: "PT45M".into(),
            ..Default::default()
        };
        assert_eq!(v.time_required(), "PT45M");
        v.time_other = "50".into();
        assert_eq!(v.time_required(), "PT50M");
        v.time_other = "PT2H".into();
        assert_eq!(v.time_required(), "PT2H");
        v.time_other.clear();
        v.time_choice = "other".into();
        assert_eq!(v.time_required(), "");
        assert_eq!(
            time_fields(Some("PT1H30M")),
            ("PT1H30M".into(), String::new())
        );
        assert_eq!(time_fields(Some("PT50M")), ("other".into(), "PT50M".into()));
    }

    #[test]
    fn vocabularies_become_grouped_choices() {
        let subjects = choices(model::SUBJECTS, &["023".to_string()], true).unwrap();
        let arts = subjects
            .iter()
            .find(|g| g.label.as_deref() == Some("Arts and humanities"))
            .unwrap();
        assert_eq!(arts.choices[0].value, "02");
        assert!(arts.choices.iter().any(|c| c.value == "023" && c.selected));
        let levels = choices(model::LEVELS, &[], false).unwrap();
        assert_eq!(levels.len(), 1);
        assert!(
            levels[0]
                .choices
                .iter()
                .any(|c| c.label == "Primary education (ISCED 1)")
        );
        let competences = choices(model::COMPETENCES, &[], true).unwrap();
        assert_eq!(competences.len(), 6);
        assert_eq!(
            competences[1].choices[1].label,
            "2.1 Selecting digital resources"
        );
    }

    #[test]
    fn languages_and_sizes_read_well() {
        assert_eq!(language_name("de"), "German");
        assert_eq!(language_name("pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(language_name("xx"), "xx");
        assert!(language_choices("pt-br").iter().any(|c| c.selected));
        assert_eq!(readable_size(512), "512 bytes");
        assert_eq!(readable_size(20 * 1024 * 1024), "20 MB");
        assert_eq!(file_kind(Some("application/pdf")), "PDF");
        assert_eq!(file_kind(Some("image/png")), "Image (PNG)");
        assert_eq!(file_kind(None), "Link");
        assert_eq!(draft_name("remix-5\"><", "new"), "remix-5");
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("/\\evil.example"), None);
        assert_eq!(safe_href("/materials/3").as_deref(), Some("/materials/3"));
    }
}

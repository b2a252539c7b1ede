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
        choices, comma_list, draft_name, duration_choices, file_kind, language_choices,
        language_name, line_list, number_param, readable_duration, readable_size, safe_href,
        sign_in_to, term_views,
    },
    error::{AppError, AppResult},
    i18n::{self, Lang},
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

fn file_view(lang: Lang, f: &FileRow, remove: bool) -> FileView {
    FileView {
        id: f.id,
        name: f.name.clone(),
        kind: file_kind(lang, f.media_type.as_deref()),
        size: f.size_bytes.map(|b| readable_size(lang, b)),
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
    school_subjects: Vec<TermView>,
    competences: Vec<TermView>,
    teaches_text: Vec<String>,
    time_required: Option<String>,
    time_iso: Option<String>,
    files: Vec<FileView>,
    based_on: Option<OriginalView>,
    version: i64,
    local: bool,
    /// RFC 3339, written in the page's language by the template.
    created_iso: String,
    updated_iso: String,
    /// Its thread page here (comments, likes, boosts).
    discussion: Option<String>,
    /// Its page on its own server, for one from elsewhere.
    source: Option<String>,
}

fn title_of(lang: Lang, m: &Material) -> String {
    m.status
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| i18n::text(lang, "materials-untitled"))
}

async fn original_view(state: &AppState, lang: Lang, uri: &str) -> AppResult<OriginalView> {
    if let Some(s) = posts::find_by_ap_id(&state.db, uri).await?
        && store::find(&state.db, s.id).await?.is_some()
    {
        return Ok(OriginalView {
            name: s
                .title
                .unwrap_or_else(|| i18n::text(lang, "materials-original-unnamed")),
            link: Some(format!("/materials/{}", s.id)),
            here: true,
        });
    }
    let host = url::Url::parse(uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    Ok(OriginalView {
        name: match host {
            Some(h) => i18n::message(lang, "materials-original-elsewhere", &[("host", h.into())]),
            None => uri.to_string(),
        },
        link: safe_href(uri),
        here: false,
    })
}

async fn material_view(state: &AppState, lang: Lang, m: &Material) -> AppResult<MaterialView> {
    let author = accounts::find_by_id(&state.db, m.status.account_id).await?;
    let licence = vocabularies::get(model::LICENCES)?.term(&m.row.licence);
    let based_on = match &m.row.based_on {
        Some(uri) => Some(original_view(state, lang, uri).await?),
        None => None,
    };
    Ok(MaterialView {
        id: m.status.id,
        link: format!("/materials/{}", m.status.id),
        name: title_of(lang, m),
        description: m.row.description.clone(),
        body: m.status.content.clone(),
        has_body: !body_source(m).trim().is_empty(),
        language: m.status.language.as_deref().map(|l| language_name(lang, l)),
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
            label: licence.map_or_else(
                || m.row.licence.clone(),
                |t| t.label(lang.code()).to_string(),
            ),
            uri: licence.and_then(|t| t.uri.clone()),
        },
        types: term_views(lang, model::TYPES, m.terms_of(model::TYPES)),
        levels: term_views(lang, model::LEVELS, m.terms_of(model::LEVELS)),
        subjects: term_views(lang, model::SUBJECTS, m.terms_of(model::SUBJECTS)),
        school_subjects: term_views(
            lang,
            model::SCHOOL_SUBJECTS,
            m.terms_of(model::SCHOOL_SUBJECTS),
        ),
        competences: term_views(lang, model::COMPETENCES, m.terms_of(model::COMPETENCES)),
        teaches_text: m.teaches_text(),
        time_required: m
            .row
            .time_required
            .as_deref()
            .map(|t| readable_duration(lang, t)),
        time_iso: m.row.time_required.clone(),
        files: m.files.iter().map(|f| file_view(lang, f, false)).collect(),
        based_on,
        version: m.row.version,
        local: m.status.local,
        created_iso: m.status.created_at.to_rfc3339(),
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

/// The material with this id, for its author to change (`lang`: the page's, for
/// the refusal).
async fn own_material(state: &AppState, lang: Lang, me: &Account, id: &str) -> AppResult<Material> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let m = model::find(state, id).await?.ok_or(AppError::NotFound)?;
    if m.status.account_id != me.id || !m.status.local {
        return Err(AppError::Forbidden(i18n::text(lang, "materials-not-yours")));
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
            ("school_subject", &q.school_subject),
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
        results.push(material_view(state, page.lang, m).await?);
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
        &q.school_subject,
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
            types => choices(page.lang, model::TYPES, &selected(&q.resource_type), false)?,
            levels => choices(page.lang, model::LEVELS, &selected(&q.level), false)?,
            subjects => choices(page.lang, model::SUBJECTS, &selected(&q.subject), true)?,
            school_subjects => choices(
                page.lang,
                model::SCHOOL_SUBJECTS,
                &selected(&q.school_subject),
                false,
            )?,
            competences => choices(page.lang, model::COMPETENCES, &selected(&q.teaches), true)?,
            licences => choices(page.lang, model::LICENCES, &selected(&q.licence), false)?,
            languages => language_choices(page.lang, &given(&q.language)),
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
    school_subjects: Vec<String>,
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
        Some(v) if DURATIONS.contains(&v) => (v.to_string(), String::new()),
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
            school_subjects: m.terms_of(model::SCHOOL_SUBJECTS).to_vec(),
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
            school_subjects: list("school_subjects"),
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
            school_subjects: Some(self.school_subjects.clone()),
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
    note: Option<String>,
}

/// The message that says what a licence asks of those who adapt a material.
fn adaptation_note(licence: &str) -> Option<&'static str> {
    match licence {
        "cc-by-nd" | "cc-by-nc-nd" => Some("materials-form-note-no-derivatives"),
        "all-rights-reserved" => Some("materials-form-note-all-rights-reserved"),
        "cc-by-sa" | "cc-by-nc-sa" => Some("materials-form-note-share-alike"),
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
            name: title_of(page.lang, o),
            link: format!("/materials/{}", o.status.id),
            licence: vocabularies::get(model::LICENCES)?
                .term(&o.row.licence)
                .map_or_else(
                    || o.row.licence.clone(),
                    |t| t.label(page.lang.code()).to_string(),
                ),
            note: adaptation_note(&o.row.licence).map(|id| page.t(id)),
        }),
        _ => None,
    };
    let editing = match (mode, material) {
        ("edit", Some(m)) => Some(minijinja::context! {
            id => m.status.id,
            name => title_of(page.lang, m),
            version => m.row.version,
            files => m.files.iter()
                .map(|f| file_view(page.lang, f, values.remove_files.contains(&f.id.to_string())))
                .collect::<Vec<_>>(),
        }),
        _ => None,
    };
    let mut durations = duration_choices(page.lang, &values.time_choice);
    durations.push(Choice {
        value: "other".to_string(),
        label: page.t("materials-form-time-other-choice"),
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
            types => choices(page.lang, model::TYPES, &values.resource_types, false)?,
            levels => choices(page.lang, model::LEVELS, &values.levels, false)?,
            subjects => choices(page.lang, model::SUBJECTS, &values.subjects, true)?,
            school_subjects => choices(
                page.lang,
                model::SCHOOL_SUBJECTS,
                &values.school_subjects,
                false,
            )?,
            competences => choices(page.lang, model::COMPETENCES, &values.teaches, true)?,
            licences => choices(
                page.lang,
                model::LICENCES,
                std::slice::from_ref(&values.licence),
                false,
            )?,
            languages => language_choices(page.lang, values.language.trim()),
            durations => durations,
            accept => ACCEPTED_FILES,
            max_file_bytes => max_file_bytes,
            max_file_size => readable_size(
                page.lang,
                i64::try_from(max_file_bytes).unwrap_or(i64::MAX),
            ),
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
            message: error.message_in(page.lang),
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
    let m = own_material(&page.data, page.lang, me, &id).await?;
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
    let m = own_material(data, page.lang, me, &id).await?;
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
    let view = material_view(state, page.lang, &m).await?;
    let mut remixes = Vec::new();
    for r in model::remixes(state, &m).await? {
        remixes.push(material_view(state, page.lang, &r).await?);
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
    let m = own_material(data, page.lang, me, &id).await?;
    crate::publishing::material::delete(data, me, &m).await?;
    Ok(Redirect::to("/materials?deleted=1").into_response())
}

// ----- history -----

/// How a material's versions read: the parts compared with the one before, and
/// the messages that name them.
const SHAPE: VersionShape = VersionShape {
    title: "name",
    summary: "description",
    compared: &[
        ("/name", "history-part-title"),
        ("/description", "history-part-description"),
        ("/body", "history-part-text"),
        ("/language", "history-part-language"),
        ("/authors", "history-part-authors"),
        ("/licence", "history-part-licence"),
        ("/terms", "history-part-terms"),
        ("/teaches_text", "history-part-teaches"),
        ("/time_required", "history-part-time-required"),
        ("/based_on", "history-part-original"),
        ("/files", "history-part-files"),
    ],
};

/// `GET /materials/{id}/history`: every version, newest first.
pub async fn history_page(page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    let state = &page.data;
    let m = visible_material(state, &page.viewer, &id).await?;
    let versions =
        articles::version_views(state, page.lang, m.status.id, m.row.version, &SHAPE).await?;
    page.render(
        "article_history.html",
        minijinja::context! {
            article => minijinja::context! {
                kind => "material",
                title => title_of(page.lang, &m),
                link => format!("/materials/{}", m.status.id),
            },
            versions => versions,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> Lang {
        Lang::parse("de").unwrap()
    }

    #[test]
    fn durations_read_as_words() {
        let en = Lang::EN;
        assert_eq!(readable_duration(en, "PT45M"), "45 minutes");
        assert_eq!(readable_duration(en, "PT1H30M"), "1 hour 30 minutes");
        assert_eq!(readable_duration(en, "P1D"), "1 day");
        assert_eq!(readable_duration(en, "P2W"), "2 weeks");
        assert_eq!(readable_duration(en, "PT0H20M"), "20 minutes");
        assert_eq!(readable_duration(en, "PT1.5H"), "1.5 hours");
        assert_eq!(readable_duration(en, "soon"), "soon");
        assert_eq!(readable_duration(de(), "PT1H30M"), "1 Stunde 30 Minuten");
        assert_eq!(readable_duration(de(), "PT1.5H"), "1,5 Stunden");
        let offered = duration_choices(en, "PT45M");
        assert_eq!(offered.len(), DURATIONS.len());
        assert!(
            offered
                .iter()
                .any(|c| c.value == "PT45M" && c.label == "45 minutes" && c.selected)
        );
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
        let en = Lang::EN;
        let subjects = choices(en, model::SUBJECTS, &["023".to_string()], true).unwrap();
        let arts = subjects
            .iter()
            .find(|g| g.label.as_deref() == Some("Arts and humanities"))
            .unwrap();
        assert_eq!(arts.choices[0].value, "02");
        assert_eq!(arts.choices[0].label, "Arts and humanities (broad field)");
        assert!(arts.choices.iter().any(|c| c.value == "023" && c.selected));
        let levels = choices(en, model::LEVELS, &[], false).unwrap();
        assert_eq!(levels.len(), 1);
        assert!(
            levels[0]
                .choices
                .iter()
                .any(|c| c.label == "Primary education (ISCED 1)")
        );
        let competences = choices(en, model::COMPETENCES, &[], true).unwrap();
        assert_eq!(competences.len(), 6);
        assert_eq!(
            competences[1].choices[1].label,
            "2.1 Selecting digital resources"
        );
        assert!(
            competences[1].choices[0]
                .label
                .ends_with("(the whole area)")
        );
        let levels = choices(de(), model::LEVELS, &[], false).unwrap();
        assert!(
            levels[0]
                .choices
                .iter()
                .any(|c| c.label == "Primarbereich (ISCED 1)")
        );
        // Sorted in the page's language, "Other" last.
        let types = choices(de(), model::TYPES, &[], false).unwrap();
        let labels: Vec<&str> = types[0].choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"Aktivitätsplan"));
        assert_eq!(labels.last(), Some(&"Sonstiges"));
        let at = |name: &str| labels.iter().position(|l| *l == name).unwrap();
        assert_eq!(at("Übung") + 1, at("Unterrichtsentwurf"), "{labels:?}");
    }

    #[test]
    fn languages_and_sizes_read_well() {
        let en = Lang::EN;
        assert_eq!(language_name(en, "de"), "German");
        assert_eq!(language_name(en, "pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(language_name(en, "xx"), "xx");
        assert_eq!(language_name(de(), "de"), "Deutsch");
        assert!(language_choices(en, "pt-br").iter().any(|c| c.selected));
        let names: Vec<String> = language_choices(en, "")
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(names.first().map(String::as_str), Some("Albanian"));
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        // Accents do not send a name to the end of the list.
        let spanish: Vec<String> = language_choices(Lang::parse("es").unwrap(), "")
            .into_iter()
            .map(|c| c.label)
            .collect();
        let arabic = spanish.iter().position(|n| n == "Árabe").unwrap();
        assert!(arabic < 5, "{spanish:?}");
        assert_eq!(readable_size(en, 512), "512 bytes");
        assert_eq!(readable_size(en, 20 * 1024 * 1024), "20 MB");
        assert_eq!(readable_size(en, 1536 * 1024), "1.5 MB");
        let fr = Lang::parse("fr").unwrap();
        assert_eq!(readable_size(fr, 1536 * 1024), "1,5 Mo");
        assert_eq!(readable_size(fr, 512), "512 octets");
        assert_eq!(file_kind(en, Some("application/pdf")), "PDF");
        assert_eq!(file_kind(en, Some("image/png")), "Image (PNG)");
        assert_eq!(file_kind(en, Some("audio/mpeg")), "Audio (MP3)");
        assert_eq!(
            file_kind(
                en,
                Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            ),
            "Word document"
        );
        assert_eq!(file_kind(en, None), "Link");
        assert_eq!(file_kind(de(), Some("image/png")), "Bild (PNG)");
        assert_eq!(draft_name("remix-5\"><", "new"), "remix-5");
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("/\\evil.example"), None);
        assert_eq!(safe_href("/materials/3").as_deref(), Some("/materials/3"));
    }

    #[test]
    fn versions_name_what_changed_in_the_page_language() {
        let before = serde_json::json!({ "name": "Fractions", "time_required": "PT45M" });
        let after = serde_json::json!({ "name": "Fractions", "time_required": "PT1H" });
        assert_eq!(
            articles::changed_parts(Lang::EN, &SHAPE, &before, &after),
            vec!["time required"]
        );
        assert_eq!(
            articles::changed_parts(de(), &SHAPE, &before, &after),
            vec!["Zeitbedarf"]
        );
    }

    #[test]
    fn adaptation_notes_are_messages() {
        let note = adaptation_note("cc-by-sa").map(|id| i18n::text(Lang::EN, id));
        assert_eq!(
            note.as_deref(),
            Some("Its licence is ShareAlike: publish your adaptation under the same licence.")
        );
        assert_eq!(adaptation_note("cc-by"), None);
    }
}

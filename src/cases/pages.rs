//! Pages about innovation case reports: browsing and searching with the
//! vocabularies' filters, a report's page (its sections, evidence, linked
//! materials and verification mark, with the button for the facilitators who may
//! verify it), the form to publish or change one, deleting, and the history of
//! its versions.

use axum::{
    Form,
    extract::{Multipart, Path, Query},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};

use crate::{
    AppState,
    accounts::{
        model::{Account, Role},
        session::verify_csrf,
        store as accounts,
    },
    articles::model::is_on,
    articles::pages::{
        self as articles, Choice, TermView, VersionShape, Viewer, choices, comma_list,
        country_choices, draft_name, language_choices, language_name, line_list, number_param,
        safe_href, sign_in_to, term_views,
    },
    cases::model::{self, BrowseQuery, CaseInput, CaseReport, Details},
    communities::{
        model::{self as communities, Community, Moderator},
        store as communities_store,
    },
    error::{AppError, AppResult},
    follows::store as follows,
    i18n::{self, Lang},
    media::Upload,
    posts::store as posts,
    web::{PageError, page::Page, text_to_html},
};

/// The key of the section that the evidence kinds and links go with.
const EVIDENCE_SECTION: &str = "evidence";
/// How many communities here are looked through at a time for those a person
/// facilitates.
const COMMUNITY_PAGE: i64 = 200;

// ----- what pages show of a case report -----

/// One term as pages show it (its id when the vocabulary does not know it).
fn term_view(lang: Lang, vocabulary: &str, id: &str) -> TermView {
    term_views(lang, vocabulary, &[id.to_string()])
        .pop()
        .unwrap_or_else(|| TermView {
            id: id.to_string(),
            label: id.to_string(),
            uri: None,
        })
}

/// A report's sections, each with the key of its heading's message
/// (`cases-section-<key>`), in the order of `model::sections`.
fn sections(d: &Details) -> Vec<(&'static str, String)> {
    vec![
        ("context", d.context.clone()),
        ("problem", d.problem.clone()),
        ("intervention", d.intervention.clone()),
        ("ict-tools", d.ict_tools.join(", ")),
        ("actors", d.actors.clone()),
        ("barriers", d.barriers.clone()),
        ("enablers", d.enablers.clone()),
        (EVIDENCE_SECTION, d.evidence_indicators.clone()),
        ("costs", d.costs.clone()),
        ("transfer", d.transfer.clone()),
        ("contact", d.contact.clone()),
    ]
}

#[derive(Debug, Serialize)]
struct AccountView {
    name: String,
    acct: String,
    url: Option<String>,
}

fn account_view(state: &AppState, a: &Account) -> AccountView {
    AccountView {
        name: a.shown_name().to_string(),
        acct: if a.is_local() {
            format!("{}@{}", a.username, state.settings.domain)
        } else {
            a.acct()
        },
        url: safe_href(&a.profile_url()),
    }
}

/// A community as a link: its page here, or on its own server.
#[derive(Debug, Serialize)]
struct CommunityView {
    id: i64,
    name: String,
    link: Option<String>,
}

fn community_view(c: &Community) -> CommunityView {
    CommunityView {
        id: c.account.id,
        name: c.account.shown_name().to_string(),
        link: if c.is_local() {
            Some(format!("/c/{}", c.account.username))
        } else {
            safe_href(&c.account.profile_url())
        },
    }
}

/// The community a report was published in.
async fn community_of(state: &AppState, c: &CaseReport) -> AppResult<Option<Community>> {
    match c.status.community_id {
        Some(id) => communities::find(&state.db, id).await,
        None => Ok(None),
    }
}

#[derive(Debug, Serialize)]
struct VerifiedView {
    by: String,
    /// RFC 3339, written in the page's language by the template.
    date_iso: String,
}

#[derive(Debug, Serialize)]
struct SectionView {
    /// The id of its heading.
    id: String,
    heading: String,
    html: String,
    /// The evidence section, where the kinds of evidence and the links go.
    evidence: bool,
}

#[derive(Debug, Serialize)]
struct LinkView {
    text: String,
    href: Option<String>,
}

/// A teaching material a report links: its page here when we know it, else its
/// address.
#[derive(Debug, Serialize)]
struct LinkedMaterial {
    name: String,
    link: Option<String>,
    here: bool,
}

#[derive(Debug, Serialize)]
struct CaseView {
    id: i64,
    link: String,
    title: String,
    summary: String,
    summary_html: String,
    language: Option<String>,
    country: Option<TermView>,
    region: Option<String>,
    /// Region and country, for one line.
    place: Option<String>,
    sector: TermView,
    stage: TermView,
    licence: TermView,
    levels: Vec<TermView>,
    school_subjects: Vec<TermView>,
    subjects: Vec<TermView>,
    evidence_kinds: Vec<TermView>,
    digcompedu: Vec<TermView>,
    selfie: Vec<TermView>,
    sections: Vec<SectionView>,
    evidence_links: Vec<LinkView>,
    materials: Vec<LinkedMaterial>,
    account: Option<AccountView>,
    community: Option<CommunityView>,
    verified: Option<VerifiedView>,
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

fn title_of(lang: Lang, c: &CaseReport) -> String {
    c.status
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| i18n::text(lang, "cases-untitled"))
}

async fn linked_material(state: &AppState, lang: Lang, uri: &str) -> AppResult<LinkedMaterial> {
    if let Some(s) = posts::find_by_ap_id(&state.db, uri).await?
        && crate::materials::store::find(&state.db, s.id)
            .await?
            .is_some()
    {
        return Ok(LinkedMaterial {
            name: s
                .title
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| i18n::text(lang, "cases-material-unnamed")),
            link: Some(format!("/materials/{}", s.id)),
            here: true,
        });
    }
    let host = url::Url::parse(uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    Ok(LinkedMaterial {
        name: match host {
            Some(h) => i18n::message(lang, "cases-material-elsewhere", &[("host", h.into())]),
            None => uri.to_string(),
        },
        link: safe_href(uri),
        here: false,
    })
}

/// What pages show of a report; `full` adds what only its own page shows (the
/// sections, the evidence links, the linked materials, the community).
async fn case_view(
    state: &AppState,
    lang: Lang,
    c: &CaseReport,
    full: bool,
) -> AppResult<CaseView> {
    let author = accounts::find_by_id(&state.db, c.status.account_id).await?;
    let country = c
        .row
        .country
        .as_deref()
        .map(|id| term_view(lang, model::COUNTRIES, id));
    let region = c.row.region.clone().filter(|r| !r.trim().is_empty());
    let place = match (&region, &country) {
        (Some(r), Some(k)) => Some(i18n::message(
            lang,
            "cases-place",
            &[
                ("region", r.as_str().into()),
                ("country", k.label.as_str().into()),
            ],
        )),
        (Some(r), None) => Some(r.clone()),
        (None, Some(k)) => Some(k.label.clone()),
        (None, None) => None,
    };
    let mut sections = Vec::new();
    let mut evidence_links = Vec::new();
    let mut materials = Vec::new();
    let mut community = None;
    if full {
        let more_evidence =
            !c.details.evidence_links.is_empty() || !c.terms_of(model::EVIDENCE).is_empty();
        for (i, (key, text)) in self::sections(&c.details).into_iter().enumerate() {
            let evidence = key == EVIDENCE_SECTION;
            if text.trim().is_empty() && !(evidence && more_evidence) {
                continue;
            }
            sections.push(SectionView {
                id: format!("section-{}", i + 1),
                heading: i18n::text(lang, &format!("cases-section-{key}")),
                html: text_to_html(&text),
                evidence,
            });
        }
        evidence_links = c
            .details
            .evidence_links
            .iter()
            .map(|l| LinkView {
                text: l.clone(),
                href: safe_href(l),
            })
            .collect();
        for uri in &c.details.materials {
            materials.push(linked_material(state, lang, uri).await?);
        }
        community = community_of(state, c).await?.as_ref().map(community_view);
    }
    Ok(CaseView {
        id: c.status.id,
        link: format!("/cases/{}", c.status.id),
        title: title_of(lang, c),
        summary: c.row.summary.clone(),
        summary_html: text_to_html(&c.row.summary),
        language: c.status.language.as_deref().map(|l| language_name(lang, l)),
        country,
        region,
        place,
        sector: term_view(lang, model::SECTORS, &c.row.sector),
        stage: term_view(lang, model::STAGES, &c.row.stage),
        licence: term_view(lang, model::LICENCES, &c.row.licence),
        levels: term_views(lang, model::LEVELS, c.terms_of(model::LEVELS)),
        school_subjects: term_views(
            lang,
            model::SCHOOL_SUBJECTS,
            c.terms_of(model::SCHOOL_SUBJECTS),
        ),
        subjects: term_views(lang, model::SUBJECTS, c.terms_of(model::SUBJECTS)),
        evidence_kinds: term_views(lang, model::EVIDENCE, c.terms_of(model::EVIDENCE)),
        digcompedu: term_views(lang, model::COMPETENCES, c.terms_of(model::COMPETENCES)),
        selfie: term_views(lang, model::SELFIE, c.terms_of(model::SELFIE)),
        sections,
        evidence_links,
        materials,
        account: author.as_ref().map(|a| account_view(state, a)),
        community,
        verified: c.row.verified_at.map(|at| VerifiedView {
            by: c
                .row
                .verified_by_name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| i18n::text(lang, "cases-verified-by-someone")),
            date_iso: at.to_rfc3339(),
        }),
        version: c.row.version,
        local: c.status.local,
        created_iso: c.status.created_at.to_rfc3339(),
        updated_iso: c.row.updated_at.to_rfc3339(),
        discussion: author
            .as_ref()
            .map(|a| crate::posts::model::thread_path(a, c.status.id)),
        source: if c.status.local {
            None
        } else {
            safe_href(c.status.url.as_deref().unwrap_or(c.status.ap_id.as_str()))
        },
    })
}

/// The case report with this id.
async fn find_case(state: &AppState, id: &str) -> AppResult<CaseReport> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    model::find(state, id).await?.ok_or(AppError::NotFound)
}

/// The case report with this id, if the viewer may see it.
async fn visible_case(state: &AppState, viewer: &Viewer, id: &str) -> AppResult<CaseReport> {
    let c = find_case(state, id).await?;
    let who = viewer.as_ref().map(|(a, _)| a);
    if !crate::posts::model::can_see(state, who, &c.status).await? {
        return Err(AppError::NotFound);
    }
    Ok(c)
}

/// The case report with this id, for its author to change (`lang`: the page's,
/// for the refusal).
async fn own_case(state: &AppState, lang: Lang, me: &Account, id: &str) -> AppResult<CaseReport> {
    let c = find_case(state, id).await?;
    if c.status.account_id != me.id || !c.status.local {
        return Err(AppError::Forbidden(i18n::text(lang, "cases-not-yours")));
    }
    Ok(c)
}

// ----- browse and search -----

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    deleted: Option<String>,
}

/// The browse page's address with the same search and filters, at `offset`.
fn browse_link(q: &BrowseQuery, offset: i64) -> String {
    articles::browse_link(
        "/cases",
        &[
            ("q", &q.q),
            ("country", &q.country),
            ("sector", &q.sector),
            ("stage", &q.stage),
            ("level", &q.level),
            ("school_subject", &q.school_subject),
            ("subject", &q.subject),
            ("digcompedu", &q.digcompedu),
            ("selfie", &q.selfie),
            ("evidence", &q.evidence),
            ("language", &q.language),
            ("verified", &q.verified),
            ("local", &q.local),
            ("limit", &q.limit),
        ],
        offset,
    )
}

/// `GET /cases`: search and filter the case reports here and those other
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
    for c in &found {
        results.push(case_view(state, page.lang, c, false).await?);
    }
    let previous = (offset > 0).then(|| browse_link(q, (offset - limit).max(0)));
    let next = (found.len() as i64 >= limit && offset + limit <= 10_000)
        .then(|| browse_link(q, offset + limit));
    let given = |v: &Option<String>| v.clone().unwrap_or_default();
    let selected = |v: &Option<String>| -> Vec<String> {
        v.iter().filter(|s| !s.is_empty()).cloned().collect()
    };
    let verified = is_on(&q.verified);
    let local = is_on(&q.local);
    let filtered = [
        &q.q,
        &q.country,
        &q.sector,
        &q.stage,
        &q.level,
        &q.school_subject,
        &q.subject,
        &q.digcompedu,
        &q.selfie,
        &q.evidence,
        &q.language,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
        || verified
        || local;
    page.render(
        "cases.html",
        minijinja::context! {
            filters => minijinja::context! {
                q => given(&q.q),
                verified => verified,
                local => local,
            },
            countries => country_choices(page.lang, &given(&q.country))?,
            sectors => choices(page.lang, model::SECTORS, &selected(&q.sector), false)?,
            stages => choices(page.lang, model::STAGES, &selected(&q.stage), false)?,
            levels => choices(page.lang, model::LEVELS, &selected(&q.level), false)?,
            school_subjects => choices(
                page.lang,
                model::SCHOOL_SUBJECTS,
                &selected(&q.school_subject),
                false,
            )?,
            subjects => choices(page.lang, model::SUBJECTS, &selected(&q.subject), true)?,
            competences => choices(page.lang, model::COMPETENCES, &selected(&q.digcompedu), true)?,
            selfie => choices(page.lang, model::SELFIE, &selected(&q.selfie), false)?,
            evidence_kinds => choices(page.lang, model::EVIDENCE, &selected(&q.evidence), false)?,
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
    title: String,
    summary: String,
    country: String,
    region: String,
    language: String,
    sector: String,
    levels: Vec<String>,
    school_subjects: Vec<String>,
    subjects: Vec<String>,
    context: String,
    problem: String,
    intervention: String,
    /// Comma-separated.
    ict_tools: String,
    actors: String,
    barriers: String,
    enablers: String,
    evidence_kinds: Vec<String>,
    evidence_indicators: String,
    /// One per line.
    evidence_links: String,
    costs: String,
    transfer: String,
    stage: String,
    digcompedu: Vec<String>,
    selfie: Vec<String>,
    /// One per line: ids here or addresses.
    materials: String,
    licence: String,
    contact: String,
    community_id: String,
}

impl FormValues {
    /// A new report's form: the author's first language, and the community it is
    /// meant for when the address names one.
    fn fresh(me: &Account, community_id: Option<String>) -> FormValues {
        FormValues {
            language: me
                .profile
                .languages
                .first()
                .cloned()
                .unwrap_or_else(|| "en".to_string()),
            community_id: community_id.unwrap_or_default(),
            ..Default::default()
        }
    }

    /// A report's form as it reads now.
    fn of(c: &CaseReport) -> FormValues {
        let d = &c.details;
        FormValues {
            title: c.status.title.clone().unwrap_or_default(),
            summary: c.row.summary.clone(),
            country: c.row.country.clone().unwrap_or_default(),
            region: c.row.region.clone().unwrap_or_default(),
            language: c.status.language.clone().unwrap_or_default(),
            sector: c.row.sector.clone(),
            levels: c.terms_of(model::LEVELS).to_vec(),
            school_subjects: c.terms_of(model::SCHOOL_SUBJECTS).to_vec(),
            subjects: c.terms_of(model::SUBJECTS).to_vec(),
            context: d.context.clone(),
            problem: d.problem.clone(),
            intervention: d.intervention.clone(),
            ict_tools: d.ict_tools.join(", "),
            actors: d.actors.clone(),
            barriers: d.barriers.clone(),
            enablers: d.enablers.clone(),
            evidence_kinds: c.terms_of(model::EVIDENCE).to_vec(),
            evidence_indicators: d.evidence_indicators.clone(),
            evidence_links: d.evidence_links.join("\n"),
            costs: d.costs.clone(),
            transfer: d.transfer.clone(),
            stage: c.row.stage.clone(),
            digcompedu: c.terms_of(model::COMPETENCES).to_vec(),
            selfie: c.terms_of(model::SELFIE).to_vec(),
            materials: d.materials.join("\n"),
            licence: c.row.licence.clone(),
            contact: d.contact.clone(),
            community_id: c
                .status
                .community_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        }
    }

    /// What was sent (repeated fields arrive joined by commas).
    fn from_upload(upload: &Upload) -> FormValues {
        let text = |name: &str| upload.field(name).to_string();
        let list = |name: &str| comma_list(upload.field(name));
        FormValues {
            title: text("title"),
            summary: text("summary"),
            country: text("country"),
            region: text("region"),
            language: text("language"),
            sector: text("sector"),
            levels: list("levels"),
            school_subjects: list("school_subjects"),
            subjects: list("subjects"),
            context: text("context"),
            problem: text("problem"),
            intervention: text("intervention"),
            ict_tools: text("ict_tools"),
            actors: text("actors"),
            barriers: text("barriers"),
            enablers: text("enablers"),
            evidence_kinds: list("evidence_kinds"),
            evidence_indicators: text("evidence_indicators"),
            evidence_links: text("evidence_links"),
            costs: text("costs"),
            transfer: text("transfer"),
            stage: text("stage"),
            digcompedu: list("digcompedu"),
            selfie: list("selfie"),
            materials: text("materials"),
            licence: text("licence"),
            contact: text("contact"),
            community_id: text("community_id"),
        }
    }

    /// What the model takes. Every field of the form is given (an empty one
    /// clears it on a change), except the community, which a change keeps.
    fn to_input(&self, creating: bool) -> CaseInput {
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        CaseInput {
            title: Some(self.title.clone()),
            summary: Some(self.summary.clone()),
            country: Some(self.country.trim().to_string()),
            region: Some(self.region.clone()),
            language: given(&self.language),
            sector: Some(self.sector.trim().to_string()),
            levels: Some(self.levels.clone()),
            school_subjects: Some(self.school_subjects.clone()),
            subjects: Some(self.subjects.clone()),
            context: Some(self.context.clone()),
            problem: Some(self.problem.clone()),
            intervention: Some(self.intervention.clone()),
            ict_tools: Some(comma_list(&self.ict_tools)),
            actors: Some(self.actors.clone()),
            barriers: Some(self.barriers.clone()),
            enablers: Some(self.enablers.clone()),
            evidence_kinds: Some(self.evidence_kinds.clone()),
            evidence_indicators: Some(self.evidence_indicators.clone()),
            evidence_links: Some(line_list(&self.evidence_links)),
            costs: Some(self.costs.clone()),
            transfer: Some(self.transfer.clone()),
            stage: Some(self.stage.trim().to_string()),
            digcompedu: Some(self.digcompedu.clone()),
            selfie: Some(self.selfie.clone()),
            materials: Some(line_list(&self.materials)),
            licence: Some(self.licence.trim().to_string()),
            contact: Some(self.contact.clone()),
            community_id: if creating {
                given(&self.community_id)
            } else {
                None
            },
            csrf: None,
        }
    }
}

/// The communities a person may publish a report in: those they are a member
/// of, and those here they facilitate (facilitators need not have joined).
async fn member_communities(state: &AppState, me: &Account) -> AppResult<Vec<Community>> {
    let mut out: Vec<Community> = Vec::new();
    for (_, a) in follows::list(&state.db, me.id, false, true, None, 500).await? {
        if a.actor_type == "Group"
            && let Some(c) = communities::of_account(&state.db, &a).await?
        {
            out.push(c);
        }
    }
    let mut offset = 0;
    while offset < 10 * COMMUNITY_PAGE {
        let batch = communities_store::list(&state.db, None, true, COMMUNITY_PAGE, offset).await?;
        if batch.is_empty() {
            break;
        }
        for a in &batch {
            if !out.iter().any(|c| c.account.id == a.id)
                && communities_store::is_facilitator(&state.db, a.id, me.id).await?
                && let Some(c) = communities::of_account(&state.db, a).await?
            {
                out.push(c);
            }
        }
        offset += COMMUNITY_PAGE;
    }
    out.sort_by_key(|c| c.account.shown_name().to_lowercase());
    Ok(out)
}

/// The communities as choices, with the one given even when the person is not
/// (or no longer) a member, so that a refused form keeps it.
async fn community_choices(
    state: &AppState,
    me: &Account,
    selected: &str,
) -> AppResult<Vec<Choice>> {
    let label = |c: &Community| {
        if c.is_local() {
            c.account.shown_name().to_string()
        } else {
            format!("{} ({})", c.account.shown_name(), c.account.acct())
        }
    };
    let mut list: Vec<Choice> = member_communities(state, me)
        .await?
        .iter()
        .map(|c| Choice {
            value: c.account.id.to_string(),
            label: label(c),
            selected: c.account.id.to_string() == selected,
            narrower: false,
        })
        .collect();
    if !selected.is_empty()
        && !list.iter().any(|c| c.selected)
        && let Ok(id) = selected.parse::<i64>()
        && let Some(c) = communities::find(&state.db, id).await?
    {
        list.push(Choice {
            value: c.account.id.to_string(),
            label: label(&c),
            selected: true,
            narrower: false,
        });
    }
    Ok(list)
}

/// Which form: a new report, or a change.
#[derive(Clone, Copy)]
enum FormTarget<'a> {
    New,
    Edit(&'a CaseReport),
}

/// Why the form is shown again.
struct FormError {
    status: StatusCode,
    message: String,
}

async fn render_form(
    page: &Page,
    target: FormTarget<'_>,
    values: &FormValues,
    error: Option<FormError>,
) -> Result<Response, PageError> {
    let state = &page.data;
    let lang = page.lang;
    let (mode, action, draft) = match target {
        FormTarget::New => ("new", "/cases".to_string(), "case-new".to_string()),
        FormTarget::Edit(c) => (
            "edit",
            format!("/cases/{}", c.status.id),
            format!("case-edit-{}", c.status.id),
        ),
    };
    let editing = match target {
        FormTarget::Edit(c) => {
            let community = community_of(state, c).await?.as_ref().map(community_view);
            Some(minijinja::context! {
                id => c.status.id,
                title => title_of(page.lang, c),
                version => c.row.version,
                community => community,
            })
        }
        FormTarget::New => None,
    };
    let community_list = match (target, &page.viewer) {
        (FormTarget::New, Some((me, _))) => {
            community_choices(state, me, values.community_id.trim()).await?
        }
        _ => Vec::new(),
    };
    let status = error.as_ref().map_or(StatusCode::OK, |e| e.status);
    page.render_form(
        status,
        "cases_form.html",
        minijinja::context! {
            mode => mode,
            action => action,
            draft => draft,
            editing => editing,
            values => values,
            error => error.as_ref().map(|e| e.message.clone()),
            countries => country_choices(lang, values.country.trim())?,
            sectors => choices(lang, model::SECTORS, std::slice::from_ref(&values.sector), false)?,
            stages => choices(lang, model::STAGES, std::slice::from_ref(&values.stage), false)?,
            levels => choices(lang, model::LEVELS, &values.levels, false)?,
            school_subjects => choices(lang, model::SCHOOL_SUBJECTS, &values.school_subjects, false)?,
            subjects => choices(lang, model::SUBJECTS, &values.subjects, true)?,
            evidence_kinds => choices(lang, model::EVIDENCE, &values.evidence_kinds, false)?,
            competences => choices(lang, model::COMPETENCES, &values.digcompedu, true)?,
            selfie => choices(lang, model::SELFIE, &values.selfie, false)?,
            licences => choices(
                lang,
                model::LICENCES,
                std::slice::from_ref(&values.licence),
                false,
            )?,
            languages => language_choices(lang, values.language.trim()),
            communities => community_list,
            max_title => model::MAX_TITLE_CHARS,
            max_summary => model::MAX_SUMMARY_CHARS,
            max_text => model::MAX_TEXT_CHARS,
            max_list => model::MAX_LIST,
        },
    )
}

/// The form shown again after the model refused what was sent: with the message
/// and what was typed. Internal errors are the error page.
async fn refused(
    page: &Page,
    target: FormTarget<'_>,
    values: &FormValues,
    error: AppError,
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
        }),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    community: Option<String>,
}

/// `GET /cases/new[?community=ID]`: the form to publish a case report.
pub async fn new_page(page: Page, Query(q): Query<NewQuery>) -> Result<Response, PageError> {
    let community = q
        .community
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()))
        .map(str::to_string);
    let Some((me, _)) = &page.viewer else {
        let next = match &community {
            Some(c) => format!("/cases/new?community={c}"),
            None => "/cases/new".to_string(),
        };
        return Ok(sign_in_to(&next));
    };
    render_form(
        &page,
        FormTarget::New,
        &FormValues::fresh(me, community),
        None,
    )
    .await
}

/// `POST /cases` (multipart, no files): publishes a case report from the form.
pub async fn create_form(
    page: Page,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to("/cases/new"));
    };
    // The form has no file fields: a file sent anyway is refused.
    let upload = Upload::read(multipart, 0, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let values = FormValues::from_upload(&upload);
    let draft = draft_name(upload.field("draft"), "case-new");
    match crate::publishing::case::create(data, me, values.to_input(true)).await {
        Ok(status) => Ok(
            Redirect::to(&format!("/cases/{}?published=1&draft={draft}", status.id))
                .into_response(),
        ),
        Err(error) => refused(&page, FormTarget::New, &values, error).await,
    }
}

/// `GET /cases/{id}/edit`: its author's form to change it.
pub async fn edit_page(page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/cases/{id}/edit")));
    };
    let c = own_case(&page.data, page.lang, me, &id).await?;
    render_form(&page, FormTarget::Edit(&c), &FormValues::of(&c), None).await
}

/// `POST /cases/{id}` (multipart, no files): its author saves a change (a new
/// version).
pub async fn update_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/cases/{id}/edit")));
    };
    let upload = Upload::read(multipart, 0, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let c = own_case(data, page.lang, me, &id).await?;
    let values = FormValues::from_upload(&upload);
    match crate::publishing::case::update(data, me, &c, values.to_input(false)).await {
        Ok(status) => Ok(Redirect::to(&format!(
            "/cases/{0}?saved=1&draft=case-edit-{0}",
            status.id
        ))
        .into_response()),
        Err(error) => refused(&page, FormTarget::Edit(&c), &values, error).await,
    }
}

// ----- one case report -----

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    published: Option<String>,
    saved: Option<String>,
    verified: Option<String>,
    unverified: Option<String>,
    draft: Option<String>,
}

/// `GET /cases/{id}`: the report's page.
pub async fn show_page(
    page: Page,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let state = &page.data;
    let current = &page.viewer;
    let c = visible_case(state, current, &id).await?;
    let view = case_view(state, page.lang, &c, true).await?;
    let comments = posts::reply_count(&state.db, &c.status.ap_id).await?;
    let is_author = current
        .as_ref()
        .is_some_and(|(a, _)| a.id == c.status.account_id && c.status.local);
    // Facilitators of its community (and, for a community here, the instance's
    // admins and moderators) may verify it.
    let may_verify = match (current, community_of(state, &c).await?) {
        (Some((a, u)), Some(community)) => {
            communities::may_moderate(state, &community, &Moderator::here(a, Some(u.role)))
                .await
                .is_ok()
        }
        _ => false,
    };
    let notice = if q.published.is_some() {
        Some("published")
    } else if q.saved.is_some() {
        Some("saved")
    } else if q.verified.is_some() {
        Some("verified")
    } else if q.unverified.is_some() {
        Some("unverified")
    } else {
        None
    };
    // After a publish or a change, the browser forgets the form's draft.
    let clear_draft = notice
        .filter(|n| matches!(*n, "published" | "saved"))
        .and_then(|_| {
            q.draft
                .as_deref()
                .map(|d| draft_name(d, ""))
                .filter(|d| !d.is_empty())
        });
    page.render_form(
        StatusCode::OK,
        "cases_show.html",
        minijinja::context! {
            report => view,
            comments => comments,
            is_author => is_author,
            may_verify => may_verify,
            notice => notice,
            clear_draft => clear_draft,
        },
    )
}

#[derive(Deserialize)]
pub struct VerificationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
}

/// `POST /cases/{id}/verification` (`action` verify or unverify): a facilitator
/// of the community it was published in marks it verified, or takes the mark
/// away.
pub async fn verification_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<VerificationForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/cases/{id}")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let (status_id, verified) =
        set_verification(data, page.lang, me, user.role, &id, &form.action).await?;
    let notice = if verified { "verified" } else { "unverified" };
    Ok(Redirect::to(&format!("/cases/{status_id}?{notice}=1")).into_response())
}

/// Verifies the report or takes the mark away (`lang`: the page's, for the
/// refusals made here).
async fn set_verification(
    state: &AppState,
    lang: Lang,
    me: &Account,
    role: Role,
    id: &str,
    action: &str,
) -> AppResult<(i64, bool)> {
    let verified = match action {
        "verify" => true,
        "unverify" => false,
        _ => {
            return Err(AppError::Unprocessable(i18n::text(
                lang,
                "cases-verification-unknown-action",
            )));
        }
    };
    let c = find_case(state, id).await?;
    let community = community_of(state, &c).await?.ok_or_else(|| {
        AppError::Unprocessable(i18n::text(lang, "cases-verification-no-community"))
    })?;
    crate::publishing::case::verify_case(
        state,
        &community,
        &Moderator::here(me, Some(role)),
        &c.status,
        verified,
    )
    .await?;
    Ok((c.status.id, verified))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /cases/{id}/delete`: its author deletes it.
pub async fn delete_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/cases/{id}")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let c = own_case(data, page.lang, me, &id).await?;
    crate::publishing::local::delete(data, me, &c.status).await?;
    Ok(Redirect::to("/cases?deleted=1").into_response())
}

// ----- history -----

/// How a case report's versions read: the parts (JSON pointers into
/// `model::snapshot`) compared with the one before, and the messages that name
/// them as a team would.
const SHAPE: VersionShape = VersionShape {
    title: "title",
    summary: "summary",
    compared: &[
        ("/title", "history-part-title"),
        ("/summary", "history-part-summary"),
        ("/language", "history-part-language"),
        ("/country", "history-part-country"),
        ("/region", "history-part-region"),
        ("/sector", "history-part-sector"),
        ("/terms/isced-levels", "history-part-levels"),
        ("/terms/school-subjects", "history-part-school-subjects"),
        ("/terms/isced-fields", "history-part-subjects"),
        ("/details/context", "history-part-context"),
        ("/details/problem", "history-part-problem"),
        ("/details/intervention", "history-part-intervention"),
        ("/details/ictTools", "history-part-ict-tools"),
        ("/details/actors", "history-part-actors"),
        ("/details/barriers", "history-part-barriers"),
        ("/details/enablers", "history-part-enablers"),
        ("/terms/evidence-kinds", "history-part-evidence-kinds"),
        ("/details/evidenceIndicators", "history-part-evidence"),
        ("/details/evidenceLinks", "history-part-evidence-links"),
        ("/details/costs", "history-part-costs"),
        ("/details/transfer", "history-part-transfer"),
        ("/stage", "history-part-stage"),
        ("/terms/digcompedu", "history-part-digcompedu"),
        ("/terms/selfie-areas", "history-part-selfie"),
        ("/details/materials", "history-part-linked-materials"),
        ("/licence", "history-part-licence"),
        ("/details/contact", "history-part-contact"),
    ],
};

/// `GET /cases/{id}/history`: every version, newest first.
pub async fn history_page(page: Page, Path(id): Path<String>) -> Result<Response, PageError> {
    let state = &page.data;
    let c = visible_case(state, &page.viewer, &id).await?;
    let versions =
        articles::version_views(state, page.lang, c.status.id, c.row.version, &SHAPE).await?;
    page.render(
        "article_history.html",
        minijinja::context! {
            article => minijinja::context! {
                kind => "case",
                title => title_of(page.lang, &c),
                link => format!("/cases/{}", c.status.id),
            },
            versions => versions,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_offered_by_name() {
        let list = country_choices(Lang::EN, "GR").unwrap();
        assert_eq!(list.len(), 31);
        assert_eq!(list[0].label, "Austria");
        assert!(list.iter().any(|c| c.value == "GR" && c.selected));
        assert!(list.windows(2).all(|w| w[0].label <= w[1].label));
        // In German, by the German names, with Österreich among the O's.
        let list = country_choices(Lang::parse("de").unwrap(), "").unwrap();
        let names: Vec<&str> = list.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(names[0], "Belgien");
        let at = names.iter().position(|n| *n == "Österreich").unwrap();
        assert_eq!((names[at - 1], names[at + 1]), ("Norwegen", "Polen"));
    }

    #[test]
    fn sections_follow_the_model_with_stable_keys() {
        let d = Details {
            context: "A rural school".into(),
            evidence_indicators: "Scores rose".into(),
            ict_tools: vec!["Padlet".into(), "Moodle".into()],
            contact: "head@school.example".into(),
            ..Default::default()
        };
        let ours: Vec<String> = sections(&d).into_iter().map(|(_, t)| t).collect();
        let model: Vec<String> = model::sections(&d).into_iter().map(|(_, t)| t).collect();
        assert_eq!(ours, model);
        // The English headings are those of the model.
        for ((key, _), (heading, _)) in sections(&d).iter().zip(model::sections(&d)) {
            assert_eq!(
                i18n::text(Lang::EN, &format!("cases-section-{key}")),
                heading
            );
        }
        let de = Lang::parse("de").unwrap();
        assert_eq!(
            i18n::text(de, "cases-section-evidence"),
            "Belege für die Wirkung"
        );
    }

    #[test]
    fn versions_name_what_changed() {
        let before = serde_json::json!({
            "title": "Tablets in year 5",
            "summary": "We tried it.",
            "region": null,
            "terms": { "isced-levels": ["1"] },
            "details": { "context": "A rural school", "ictTools": [], "contact": "" },
        });
        let after = serde_json::json!({
            "title": "Tablets in year 5",
            "summary": "We tried it, and it worked.",
            "region": "",
            "terms": { "isced-levels": ["1"], "selfie-areas": [] },
            "details": { "context": "A rural school", "ictTools": ["Padlet"] },
        });
        assert_eq!(
            articles::changed_parts(Lang::EN, &SHAPE, &before, &after),
            vec!["summary", "ICT and tools"]
        );
        assert!(articles::changed_parts(Lang::EN, &SHAPE, &before, &before).is_empty());
        assert_eq!(
            articles::changed_parts(Lang::parse("fr").unwrap(), &SHAPE, &before, &after),
            vec!["résumé", "numérique et outils"]
        );
    }

    #[test]
    fn form_values_become_input() {
        let v = FormValues {
            title: "Peer tutoring".into(),
            ict_tools: "Padlet, Moodle ,".into(),
            evidence_links: "https://a.example/1\n\n https://b.example/2 \n".into(),
            materials: "12\nhttps://c.example/m/3".into(),
            community_id: "7".into(),
            language: " ".into(),
            ..Default::default()
        };
        let input = v.to_input(true);
        assert_eq!(
            input.ict_tools,
            Some(vec!["Padlet".to_string(), "Moodle".to_string()])
        );
        assert_eq!(
            input.evidence_links,
            Some(vec![
                "https://a.example/1".to_string(),
                "https://b.example/2".to_string()
            ])
        );
        assert_eq!(input.materials.map(|m| m.len()), Some(2));
        assert_eq!(input.community_id.as_deref(), Some("7"));
        assert_eq!(input.language, None);
        assert_eq!(v.to_input(false).community_id, None);
    }
}

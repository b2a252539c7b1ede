//! The rules of case reports: what a school team fills in and how it is checked
//! (against the vocabularies), versions, and finding them. Verification is a
//! moderation action of the community (`communities::model::verify_case`).

use std::collections::BTreeMap;

use activitypub_federation::config::Data;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::model::Account,
    articles::{
        model::{self as articles, Common, is_on, term},
        store as terms_store,
    },
    cases::store::{self, CaseRow},
    error::{AppError, AppResult},
    posts::{
        protocol::NoteJson,
        store::{self as posts, Status},
    },
    vocabularies,
};

pub const COUNTRIES: &str = "countries";
pub const SECTORS: &str = "sectors";
pub const STAGES: &str = "mainstreaming-stages";
pub const LEVELS: &str = "isced-levels";
pub const EVIDENCE: &str = "evidence-kinds";
pub const COMPETENCES: &str = "digcompedu";
pub const SELFIE: &str = "selfie-areas";
pub const LICENCES: &str = "licences";
pub const SCHOOL_SUBJECTS: &str = vocabularies::SCHOOL_SUBJECTS;
pub const SUBJECTS: &str = vocabularies::ISCED_FIELDS;
/// The vocabularies whose terms a case report lists, with the field naming them.
pub const LISTED: &[(&str, &str)] = &[
    (LEVELS, "levels"),
    (SCHOOL_SUBJECTS, "school_subjects"),
    (SUBJECTS, "subjects"),
    (EVIDENCE, "evidence_kinds"),
    (COMPETENCES, "digcompedu"),
    (SELFIE, "selfie"),
];

/// How many verified case reports a community's `verified` collection lists.
pub const MAX_VERIFIED: usize = 1000;
pub(crate) const MAX_TITLE_CHARS: usize = 200;
pub(crate) const MAX_SUMMARY_CHARS: usize = 2000;
pub(crate) const MAX_TEXT_CHARS: usize = 5000;
pub(crate) const MAX_LIST: usize = 10;

/// The narrative of a case report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Details {
    /// The setting and the learners.
    pub context: String,
    /// The problem or need.
    pub problem: String,
    /// The intervention: pedagogy and activities.
    pub intervention: String,
    /// ICT and tools used.
    pub ict_tools: Vec<String>,
    /// Actors and their roles.
    pub actors: String,
    pub barriers: String,
    /// Enablers and success factors.
    pub enablers: String,
    /// Indicators of impact.
    pub evidence_indicators: String,
    /// Links to the evidence.
    pub evidence_links: Vec<String>,
    /// Costs and resources.
    pub costs: String,
    /// Conditions for transfer.
    pub transfer: String,
    pub contact: String,
    /// The ids (addresses) of the teaching materials it links.
    pub materials: Vec<String>,
}

/// The headed sections of a report, in order, as shown and sent.
pub fn sections(d: &Details) -> Vec<(&'static str, String)> {
    vec![
        ("Context", d.context.clone()),
        ("Problem or need", d.problem.clone()),
        ("Intervention", d.intervention.clone()),
        ("ICT and tools", d.ict_tools.join(", ")),
        ("Actors and roles", d.actors.clone()),
        ("Barriers", d.barriers.clone()),
        ("Enablers and success factors", d.enablers.clone()),
        ("Evidence of impact", d.evidence_indicators.clone()),
        ("Costs and resources", d.costs.clone()),
        ("Conditions for transfer", d.transfer.clone()),
        ("Contact", d.contact.clone()),
    ]
}

/// The report's sections as HTML (what software that ignores our terms shows).
pub fn details_html(d: &Details) -> String {
    let mut html = String::new();
    for (heading, text) in sections(d) {
        if !text.trim().is_empty() {
            html.push_str(&format!(
                "<h3>{}</h3>{}",
                crate::web::escape(heading),
                crate::web::text_to_html(&text)
            ));
        }
    }
    if !d.evidence_links.is_empty() {
        html.push_str("<h3>Evidence</h3><ul>");
        for link in &d.evidence_links {
            let l = crate::web::escape(link);
            html.push_str(&format!(
                "<li><a href=\"{l}\" rel=\"nofollow noopener\">{l}</a></li>"
            ));
        }
        html.push_str("</ul>");
    }
    html
}

/// What a school team fills in, before it is checked. On an update, what is left
/// out stays as it was.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub language: Option<String>,
    pub sector: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub levels: Option<Vec<String>>,
    /// School subjects; each adds its ISCED-F field to `subjects`.
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub school_subjects: Option<Vec<String>>,
    /// ISCED-F fields of education.
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub subjects: Option<Vec<String>>,
    pub context: Option<String>,
    pub problem: Option<String>,
    pub intervention: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub ict_tools: Option<Vec<String>>,
    pub actors: Option<String>,
    pub barriers: Option<String>,
    pub enablers: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub evidence_kinds: Option<Vec<String>>,
    pub evidence_indicators: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub evidence_links: Option<Vec<String>>,
    pub costs: Option<String>,
    pub transfer: Option<String>,
    pub stage: Option<String>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub digcompedu: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub selfie: Option<Vec<String>>,
    /// Linked teaching materials: their ids here or their addresses.
    #[serde(default, deserialize_with = "crate::input::list_param")]
    pub materials: Option<Vec<String>>,
    pub licence: Option<String>,
    pub contact: Option<String>,
    pub community_id: Option<String>,
    #[serde(default)]
    pub csrf: Option<String>,
}

/// A case report's facts, checked, ready to be written beside its post.
#[derive(Debug, Clone)]
pub struct CaseDraft {
    pub title: String,
    pub summary: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub sector: String,
    pub stage: String,
    pub licence: String,
    pub details: Details,
    pub terms: BTreeMap<String, Vec<String>>,
    /// A remote report's own version number, else the next one.
    pub version: Option<i64>,
}

/// A case report: its post and its facts.
#[derive(Debug, Clone)]
pub struct CaseReport {
    pub status: Status,
    pub row: CaseRow,
    pub details: Details,
    pub terms: BTreeMap<String, Vec<String>>,
}

impl CaseReport {
    pub fn terms_of(&self, vocabulary: &str) -> &[String] {
        self.terms.get(vocabulary).map(Vec::as_slice).unwrap_or(&[])
    }
}

pub async fn load(state: &AppState, status: &Status) -> AppResult<Option<CaseReport>> {
    let Some(row) = store::find(&state.db, status.id).await? else {
        return Ok(None);
    };
    Ok(Some(CaseReport {
        status: status.clone(),
        details: serde_json::from_str(&row.details).unwrap_or_default(),
        terms: terms_store::terms(&state.db, status.id).await?,
        row,
    }))
}

pub async fn find(state: &AppState, id: i64) -> AppResult<Option<CaseReport>> {
    match posts::find(&state.db, id).await? {
        Some(s) => load(state, &s).await,
        None => Ok(None),
    }
}

fn text(value: &Option<String>, old: Option<&str>, max: usize, what: &str) -> AppResult<String> {
    let v = match (value, old) {
        (Some(v), _) => v.trim().to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => String::new(),
    };
    if v.chars().count() > max {
        return Err(
            AppError::validation(format!("{what} is longer than {max} characters")).said(
                "invalid-too-long",
                Some(what),
                &[("max", max.to_string())],
            ),
        );
    }
    Ok(v)
}

fn short_list(
    value: &Option<Vec<String>>,
    old: Option<&[String]>,
    what: &str,
) -> AppResult<Vec<String>> {
    let items = match (value, old) {
        (Some(v), _) => v.clone(),
        (None, Some(o)) => o.to_vec(),
        (None, None) => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim().to_string();
        if item.chars().count() > 500 {
            return Err(
                AppError::validation(format!("an item of {what} is too long")).said(
                    "invalid-item-too-long",
                    Some(what),
                    &[],
                ),
            );
        }
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

fn one_term(
    vocabulary: &str,
    value: &Option<String>,
    old: Option<&str>,
    what: &str,
) -> AppResult<Option<String>> {
    match (value, old) {
        (Some(v), _) if v.trim().is_empty() => Ok(None),
        (Some(v), _) => vocabularies::check(vocabulary, v, what).map(Some),
        (None, old) => Ok(old.map(str::to_string)),
    }
}

/// Checks what a team filled in; `existing` is the report being changed. Gives
/// the facts and the post's language.
pub async fn check(
    data: &Data<AppState>,
    author: &Account,
    input: &CaseInput,
    existing: Option<&CaseReport>,
) -> AppResult<(CaseDraft, String)> {
    let old = existing.map(|c| &c.details);
    let title = text(
        &input.title,
        existing.and_then(|c| c.status.title.as_deref()),
        MAX_TITLE_CHARS,
        "title",
    )?;
    if title.is_empty() {
        return Err(AppError::validation("title can't be blank").said(
            "invalid-blank",
            Some("title"),
            &[],
        ));
    }
    let summary = text(
        &input.summary,
        existing.map(|c| c.row.summary.as_str()),
        MAX_SUMMARY_CHARS,
        "summary",
    )?;
    if summary.is_empty() {
        return Err(AppError::validation(
            "summary can't be blank: say in a few sentences what was tried and what came of it",
        )
        .said("invalid-case-summary-blank", None, &[]));
    }
    let language = match (&input.language, existing) {
        (Some(l), _) => crate::vocabularies::clean_language(l)?,
        (None, Some(c)) => c.status.language.clone().unwrap_or_else(|| "en".into()),
        (None, None) => author
            .profile
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| "en".into()),
    };
    let country = one_term(
        COUNTRIES,
        &input.country,
        existing.and_then(|c| c.row.country.as_deref()),
        "country",
    )?;
    let region = text(
        &input.region,
        existing.and_then(|c| c.row.region.as_deref()),
        100,
        "region",
    )?;
    let sector = one_term(
        SECTORS,
        &input.sector,
        existing.map(|c| c.row.sector.as_str()),
        "sector",
    )?
    .ok_or_else(|| {
        AppError::validation("sector is required: school, vet, adult or higher").said(
            "invalid-choose",
            Some("sector"),
            &[],
        )
    })?;
    let stage = one_term(
        STAGES,
        &input.stage,
        existing.map(|c| c.row.stage.as_str()),
        "stage",
    )?
    .ok_or_else(|| {
        AppError::validation("stage is required: idea, pilot, school-wide, regional or system")
            .said("invalid-choose", Some("stage"), &[])
    })?;
    let licence = one_term(
        LICENCES,
        &input.licence,
        existing.map(|c| c.row.licence.as_str()),
        "licence",
    )?
    .ok_or_else(|| {
        AppError::validation("licence is required").said("invalid-choose", Some("licence"), &[])
    })?;
    let mut terms = BTreeMap::new();
    for (vocabulary, field) in LISTED {
        let given = match *field {
            "levels" => &input.levels,
            "school_subjects" => &input.school_subjects,
            "subjects" => &input.subjects,
            "evidence_kinds" => &input.evidence_kinds,
            "digcompedu" => &input.digcompedu,
            _ => &input.selfie,
        };
        let values = short_list(given, existing.map(|c| c.terms_of(vocabulary)), field)?;
        let mut ids = Vec::new();
        for v in values {
            ids.push(vocabularies::check(vocabulary, &v, field)?);
        }
        terms.insert(vocabulary.to_string(), ids);
    }
    vocabularies::add_fields_of_subjects(&mut terms);
    let evidence_links = short_list(
        &input.evidence_links,
        old.map(|d| d.evidence_links.as_slice()),
        "evidence_links",
    )?;
    for link in &evidence_links {
        Url::parse(link)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| {
                AppError::validation(format!("{link:?} is not an http(s) address")).said(
                    "invalid-link",
                    None,
                    &[("value", link.to_string())],
                )
            })?;
    }
    let mut materials = Vec::new();
    for reference in short_list(
        &input.materials,
        old.map(|d| d.materials.as_slice()),
        "materials",
    )? {
        materials.push(material_id(data, &reference).await?);
    }
    let long = |v: &Option<String>, o: Option<&String>, what: &str| {
        text(v, o.map(String::as_str), MAX_TEXT_CHARS, what)
    };
    let details = Details {
        context: long(&input.context, old.map(|d| &d.context), "context")?,
        problem: long(&input.problem, old.map(|d| &d.problem), "problem")?,
        intervention: long(
            &input.intervention,
            old.map(|d| &d.intervention),
            "intervention",
        )?,
        ict_tools: short_list(
            &input.ict_tools,
            old.map(|d| d.ict_tools.as_slice()),
            "ict_tools",
        )?,
        actors: long(&input.actors, old.map(|d| &d.actors), "actors")?,
        barriers: long(&input.barriers, old.map(|d| &d.barriers), "barriers")?,
        enablers: long(&input.enablers, old.map(|d| &d.enablers), "enablers")?,
        evidence_indicators: long(
            &input.evidence_indicators,
            old.map(|d| &d.evidence_indicators),
            "evidence_indicators",
        )?,
        evidence_links,
        costs: long(&input.costs, old.map(|d| &d.costs), "costs")?,
        transfer: long(&input.transfer, old.map(|d| &d.transfer), "transfer")?,
        contact: text(
            &input.contact,
            old.map(|d| d.contact.as_str()),
            500,
            "contact",
        )?,
        materials,
    };
    if details.intervention.is_empty() {
        return Err(AppError::validation(
            "intervention can't be blank: say what was done, with which pedagogy and activities",
        )
        .said("invalid-case-intervention-blank", None, &[]));
    }
    Ok((
        CaseDraft {
            title,
            summary,
            country,
            region: (!region.is_empty()).then_some(region),
            sector,
            stage,
            licence,
            details,
            terms,
            version: None,
        },
        language,
    ))
}

/// The id (address) of a linked material, from its id here or its address.
/// The public materials whose title is `title` (case aside, in Rust, so that
/// both databases agree beyond ASCII), found through the search index.
async fn titled_materials(data: &Data<AppState>, title: &str) -> AppResult<Vec<i64>> {
    let wanted = title.trim().to_lowercase();
    let mut out = Vec::new();
    for id in crate::db::search::matching(&data.db, title, 50).await? {
        let Some(s) = posts::find(&data.db, id).await? else {
            continue;
        };
        let same = s
            .title
            .as_deref()
            .is_some_and(|t| t.trim().to_lowercase() == wanted);
        if same
            && s.visibility == "public"
            && crate::materials::store::find(&data.db, id).await?.is_some()
        {
            out.push(id);
        }
    }
    Ok(out)
}

/// A linked material as a person names it: its number here, its address (of
/// its post or, here, of its page `/materials/N`), or its exact title.
async fn material_id(data: &Data<AppState>, reference: &str) -> AppResult<String> {
    let reference = reference.trim();
    let local_page = |url: &Url| -> Option<i64> {
        let ours = Url::parse(&data.settings.base_url()).ok()?;
        if url.origin() != ours.origin() {
            return None;
        }
        url.path().strip_prefix("/materials/")?.parse().ok()
    };
    let status = if let Ok(id) = reference.parse::<i64>() {
        posts::find(&data.db, id).await?
    } else if let Ok(url) = Url::parse(reference)
        && matches!(url.scheme(), "http" | "https")
    {
        match local_page(&url) {
            Some(id) => posts::find(&data.db, id).await?,
            None => posts::find_by_uri_or_url(&data.db, url.as_str()).await?,
        }
    } else {
        match titled_materials(data, reference).await?[..] {
            [id] => posts::find(&data.db, id).await?,
            [] => None,
            _ => {
                return Err(AppError::validation(format!(
                    "materials: more than one material is called {reference:?}: give its address"
                ))
                .said(
                    "invalid-material-ambiguous",
                    None,
                    &[("value", reference.to_string())],
                ));
            }
        }
    };
    match status {
        Some(s)
            if crate::materials::store::find(&data.db, s.id)
                .await?
                .is_some() =>
        {
            Ok(s.ap_id)
        }
        _ => Err(AppError::validation(format!(
            "materials: {reference:?} is not a teaching material we know"
        ))
        .said(
            "invalid-material-unknown",
            None,
            &[("value", reference.to_string())],
        )),
    }
}

/// The Article of a local post that is a case report (nothing changes otherwise).
pub async fn as_article(state: &AppState, status: &Status, note: &mut Value) -> AppResult<()> {
    if let Some(c) = load(state, status).await? {
        super::protocol::write_article(&state.settings.base_url(), status, &c, note)?;
    }
    Ok(())
}

/// A remote post was stored (or took a new version): if it carries a
/// `caseReport`, its facts are kept beside it. A verification mark in it is not
/// believed: that comes from the community.
pub async fn receive(state: &AppState, status: &Status, note: &NoteJson) -> AppResult<()> {
    let Some(draft) = super::protocol::draft_of(status, note) else {
        return Ok(());
    };
    posts::clear_spoiler(&state.db, status.id).await?;
    attach(state, status.id, &draft).await
}

/// Puts every case report in the search index again (after the way it indexes
/// has changed); gives how many.
pub async fn reindex_all(state: &AppState) -> AppResult<usize> {
    let ids = store::all_ids(&state.db).await?;
    let mut done = 0;
    for id in ids {
        if let Some(c) = find(state, id).await? {
            let body: String = sections(&c.details)
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join("\n");
            crate::db::search::index(
                &state.db,
                id,
                c.status.language.as_deref(),
                c.status.title.as_deref().unwrap_or_default(),
                &c.row.summary,
                &body,
            )
            .await?;
            done += 1;
        }
    }
    Ok(done)
}

/// Writes a case report's facts beside its post: the row, its terms, a new
/// version, the search index.
pub async fn attach(state: &AppState, status_id: i64, draft: &CaseDraft) -> AppResult<()> {
    let existing = store::find(&state.db, status_id).await?;
    let version = draft
        .version
        .unwrap_or_else(|| existing.as_ref().map_or(1, |e| e.version + 1));
    let details =
        serde_json::to_string(&draft.details).map_err(|e| AppError::Internal(e.into()))?;
    // The search entry first: whoever can list the report can then find it.
    let body: String = sections(&draft.details)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n");
    let language = posts::find(&state.db, status_id)
        .await?
        .and_then(|s| s.language);
    crate::db::search::index(
        &state.db,
        status_id,
        language.as_deref(),
        &draft.title,
        &draft.summary,
        &body,
    )
    .await?;
    store::upsert(
        &state.db,
        &CaseRow {
            status_id,
            summary: draft.summary.clone(),
            country: draft.country.clone(),
            region: draft.region.clone(),
            sector: draft.sector.clone(),
            stage: draft.stage.clone(),
            licence: draft.licence.clone(),
            details,
            version,
            updated_at: Utc::now(),
            verified_by_id: None,
            verified_by_name: None,
            verified_at: None,
        },
    )
    .await?;
    terms_store::set_terms(&state.db, status_id, &draft.terms).await?;
    posts::set_title(&state.db, status_id, &draft.title).await?;
    let status = posts::find(&state.db, status_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let case = load(state, &status).await?.ok_or(AppError::NotFound)?;
    terms_store::add_version(&state.db, status_id, version, &snapshot(&case).to_string()).await?;
    Ok(())
}

/// A case report as it reads at one version (kept in its history).
pub fn snapshot(c: &CaseReport) -> Value {
    json!({
        "version": c.row.version,
        "title": c.status.title,
        "summary": c.row.summary,
        "country": c.row.country,
        "region": c.row.region,
        "sector": c.row.sector,
        "stage": c.row.stage,
        "licence": c.row.licence,
        "language": c.status.language,
        "terms": c.terms,
        "details": c.details,
        "updated_at": c.row.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

/// What a browse or search asks for.
#[derive(Debug, Default, Deserialize)]
pub struct BrowseQuery {
    pub q: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub stage: Option<String>,
    pub level: Option<String>,
    pub school_subject: Option<String>,
    pub subject: Option<String>,
    pub digcompedu: Option<String>,
    pub selfie: Option<String>,
    pub evidence: Option<String>,
    pub language: Option<String>,
    pub verified: Option<String>,
    pub local: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

/// Case reports here and from servers we know, filtered and (with `q`) ranked by
/// full-text search; paged.
pub async fn browse(state: &AppState, q: &BrowseQuery) -> AppResult<Vec<CaseReport>> {
    let mut filter = Common {
        text: &q.q,
        language: &q.language,
        local: &q.local,
        terms: &[
            (LEVELS, &q.level, "level"),
            (SCHOOL_SUBJECTS, &q.school_subject, "school_subject"),
            (SUBJECTS, &q.subject, "subject"),
            (COMPETENCES, &q.digcompedu, "digcompedu"),
            (SELFIE, &q.selfie, "selfie"),
            (EVIDENCE, &q.evidence, "evidence"),
        ],
    }
    .filter(state)
    .await?;
    filter.equal = vec![
        ("country", term(COUNTRIES, &q.country, "country")?),
        ("sector", term(SECTORS, &q.sector, "sector")?),
        ("stage", term(STAGES, &q.stage, "stage")?),
    ];
    if is_on(&q.verified) {
        filter.conditions.push("a.verified_at IS NOT NULL");
    }
    let mut out = Vec::new();
    for id in articles::page(state, "case_reports", &filter, &q.limit, &q.offset).await? {
        if let Some(c) = find(state, id).await? {
            out.push(c);
        }
    }
    Ok(out)
}

//! A person's settings pages: the profile (what the API's
//! `update_credentials` changes), the account (the e-mail address shown, the
//! password) and preferences (the interface language, time zone and default
//! visibility of posts). Signed-in only; each
//! saved form comes back with `?saved=1` and a notice.

use axum::{
    Form,
    extract::{Query, RawForm},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        model::{self, Account, EmailRefused, PasswordRefused, ProfileUpdate},
        session::verify_csrf,
        store,
    },
    articles::pages::{Choice, ChoiceGroup, choices, country_choices, readable_size},
    error::AppError,
    i18n::{self, LANGUAGES},
    vocabularies,
    web::{ClientIp, PageError, page::Page, sign_in_to},
};

const PROFILE: &str = "/settings/profile";
const ACCOUNT: &str = "/settings/account";
const PREFERENCES: &str = "/settings/preferences";

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
    /// Just signed up: the profile page greets them.
    welcome: Option<String>,
}

/// Back to a settings page after saving, which then says so.
fn saved(path: &str) -> Response {
    Redirect::to(&format!("{path}?saved=1")).into_response()
}

// ----- profile -----

/// The profile form, as typed (and as sent back when it is refused). Free-text
/// lists are written as the API takes them in a form: entries separated by
/// commas; the pickers send one field per ticked term.
#[derive(Serialize, Default)]
pub struct ProfileForm {
    #[serde(skip_serializing)]
    csrf: String,
    display_name: String,
    note: String,
    school_subjects: Vec<String>,
    subjects: String,
    education_levels: Vec<String>,
    languages: String,
    school: String,
    region: String,
    country: String,
    discoverable: bool,
    indexable: bool,
}

impl ProfileForm {
    /// The form filled in with what the profile holds now.
    fn of(account: &Account) -> ProfileForm {
        let p = &account.profile;
        ProfileForm {
            csrf: String::new(),
            display_name: account.display_name.clone(),
            note: account.note_source.clone(),
            school_subjects: p.school_subjects.clone(),
            subjects: p.subjects.join(", "),
            education_levels: p.education_levels.clone(),
            languages: p.languages.join(", "),
            school: p.school.clone().unwrap_or_default(),
            region: p.region.clone().unwrap_or_default(),
            country: p.country.clone().unwrap_or_default(),
            discoverable: account.discoverable,
            indexable: account.indexable,
        }
    }

    /// What a browser sent (`application/x-www-form-urlencoded`, a ticked box
    /// once per term; an unticked switch is not sent at all).
    fn read(body: &[u8]) -> ProfileForm {
        let mut form = ProfileForm::default();
        for (key, value) in url::form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "csrf" => form.csrf = value,
                "display_name" => form.display_name = value,
                "note" => form.note = value,
                "school_subjects" => form.school_subjects.push(value),
                "subjects" => form.subjects = value,
                "education_levels" => form.education_levels.push(value),
                "languages" => form.languages = value,
                "school" => form.school = value,
                "region" => form.region = value,
                "country" => form.country = value,
                "discoverable" => form.discoverable = true,
                "indexable" => form.indexable = true,
                _ => {}
            }
        }
        form
    }

    /// The whole form as a change (the model trims, drops empty entries and
    /// checks every rule, as for the API).
    fn update(&self) -> ProfileUpdate {
        let list = |text: &str| -> Vec<String> { text.split(',').map(str::to_string).collect() };
        ProfileUpdate {
            display_name: Some(self.display_name.clone()),
            // Browsers send a textarea's line breaks as CRLF.
            note: Some(self.note.replace("\r\n", "\n")),
            school_subjects: Some(self.school_subjects.clone()),
            subjects: Some(list(&self.subjects)),
            education_levels: Some(self.education_levels.clone()),
            languages: Some(list(&self.languages)),
            country: Some(self.country.clone()),
            region: Some(self.region.clone()),
            school: Some(self.school.clone()),
            discoverable: Some(self.discoverable),
            indexable: Some(self.indexable),
            ..ProfileUpdate::default()
        }
    }
}

/// The ISCED levels to tick, with any level an older profile (or the API)
/// gave in words kept as a ticked choice of its own, so it can be unticked.
fn level_choices(lang: i18n::Lang, selected: &[String]) -> Result<Vec<ChoiceGroup>, AppError> {
    let mut groups = choices(lang, vocabularies::ISCED_LEVELS, selected, false)?;
    let known: Vec<String> = groups
        .iter()
        .flat_map(|g| g.choices.iter().map(|c| c.value.clone()))
        .collect();
    if let Some(group) = groups.first_mut() {
        for other in selected.iter().filter(|s| !known.contains(s)) {
            group.choices.push(Choice {
                value: other.clone(),
                label: other.clone(),
                selected: true,
                narrower: false,
            });
        }
    }
    Ok(groups)
}

fn render_profile(
    page: &Page,
    status: StatusCode,
    values: &ProfileForm,
    error: Option<&str>,
    saved: bool,
) -> Result<Response, PageError> {
    render_profile_with(page, status, values, error, saved, None)
}

fn render_profile_with(
    page: &Page,
    status: StatusCode,
    values: &ProfileForm,
    error: Option<&str>,
    saved: bool,
    welcome: Option<&str>,
) -> Result<Response, PageError> {
    let Some((account, _)) = page.viewer.as_ref() else {
        return Ok(sign_in_to(PROFILE));
    };
    page.render_form(
        status,
        "settings_profile.html",
        minijinja::context! {
            values => values,
            error => error,
            saved => saved,
            welcome => welcome,
            username => account.username,
            avatar => account.avatar_url,
            header => account.header_url,
            school_subjects => choices(
                page.lang,
                vocabularies::SCHOOL_SUBJECTS,
                &values.school_subjects,
                false,
            )?,
            levels => level_choices(page.lang, &values.education_levels)?,
            countries => country_choices(page.lang, &values.country)?,
            max_display_name => model::MAX_DISPLAY_NAME,
            max_note => model::MAX_NOTE,
            max_image => readable_size(
                page.lang,
                i64::try_from(page.data.media.max_image_bytes).unwrap_or(i64::MAX),
            ),
        },
    )
}

/// `GET /settings/profile`
pub async fn profile_page(page: Page, Query(q): Query<SavedQuery>) -> Result<Response, PageError> {
    let Some((account, _)) = &page.viewer else {
        return Ok(sign_in_to(PROFILE));
    };
    let values = ProfileForm::of(account);
    if q.welcome.is_some() {
        let greeting = page.t("settings-welcome");
        return render_profile_with(&page, StatusCode::OK, &values, None, false, Some(&greeting));
    }
    render_profile(&page, StatusCode::OK, &values, None, q.saved.is_some())
}

/// `POST /settings/profile`: the same change as `PATCH
/// /api/v1/accounts/update_credentials` with these fields.
pub async fn profile_form(
    page: Page,
    headers: HeaderMap,
    RawForm(body): RawForm,
) -> Result<Response, PageError> {
    let Some((account, _)) = &page.viewer else {
        return Ok(sign_in_to(PROFILE));
    };
    let form = ProfileForm::read(&body);
    verify_csrf(&page.data, &headers, &form.csrf)?;
    match crate::publishing::local::update_profile(&page.data, account, form.update()).await {
        Ok(_) => Ok(saved(PROFILE)),
        Err(e) if e.is_invalid() => render_profile(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            Some(&e.message_in(page.lang)),
            false,
        ),
        Err(e) => Err(PageError::from(e)),
    }
}

/// `POST /settings/profile/picture`: a new avatar or header (an uploaded
/// image), or (`action=remove`) none; followers' servers get the Update.
pub async fn picture_form(
    page: Page,
    headers: HeaderMap,
    multipart: axum::extract::Multipart,
) -> Result<Response, PageError> {
    let Some((account, _)) = &page.viewer else {
        return Ok(sign_in_to(PROFILE));
    };
    let data = &page.data;
    let upload =
        crate::media::Upload::read(multipart, data.media.max_image_bytes, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let header = match upload.field("picture") {
        "avatar" => false,
        "header" => true,
        _ => return Err(AppError::validation(page.t("settings-picture-which")).into()),
    };
    let new_url = if upload.field("action") == "remove" {
        String::new()
    } else {
        let file = upload.into_file().ok_or_else(|| {
            PageError::from(AppError::validation(page.t("settings-picture-choose")))
        })?;
        data.media.put_image(file).await?.url(&data.settings)
    };
    let old = if header {
        account.header_url.clone()
    } else {
        account.avatar_url.clone()
    };
    let update = if header {
        ProfileUpdate {
            header_url: Some(new_url),
            uploaded_pictures: true,
            ..ProfileUpdate::default()
        }
    } else {
        ProfileUpdate {
            avatar_url: Some(new_url),
            uploaded_pictures: true,
            ..ProfileUpdate::default()
        }
    };
    crate::publishing::local::update_profile(data, account, update).await?;
    // The old picture goes once nothing names it any more.
    if let Some(key) = old.and_then(|u| crate::media::MediaStore::key_of(&data.settings, &u)) {
        data.media.delete(&key).await?;
    }
    Ok(saved(PROFILE))
}

// ----- account -----

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_again: String,
}

/// Which form of the account page a refusal is about, and what was typed.
#[derive(Default)]
struct AccountRefusal<'a> {
    password: Option<&'a str>,
    email: Option<&'a str>,
    email_typed: Option<&'a str>,
}

/// A browser's name and system, short, from its user agent ("Firefox on
/// Linux"); the text itself when we cannot tell.
fn browser_name(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map(|(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_string(),
        _ => user_agent.chars().take(80).collect(),
    }
}

async fn render_account(
    page: &Page,
    headers: &HeaderMap,
    status: StatusCode,
    refusal: &AccountRefusal<'_>,
    saved: bool,
) -> Result<Response, PageError> {
    let Some((account, user)) = page.viewer.as_ref() else {
        return Ok(sign_in_to(ACCOUNT));
    };
    let data = &page.data;
    let here = crate::accounts::session::current_session_hash(data, headers);
    let sessions: Vec<minijinja::Value> = store::sessions_of(&data.db, user.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)?
        .into_iter()
        .map(|s| {
            minijinja::context! {
                id => s.id,
                this_browser => here.as_deref() == Some(s.token_hash.as_str()),
                browser => s.user_agent.as_deref().map(browser_name),
                since => s.created_at.to_rfc3339(),
            }
        })
        .collect();
    let apps: Vec<minijinja::Value> = store::authorized_apps(&data.db, user.id)
        .await
        .map_err(AppError::from)?
        .into_iter()
        .map(|a| {
            minijinja::context! {
                id => a.app_id,
                name => a.name,
                website => a.website.filter(|w| w.starts_with("https://") || w.starts_with("http://")),
                scopes => a.scopes,
                since => a.since.to_rfc3339(),
            }
        })
        .collect();
    page.render_form(
        status,
        "settings_account.html",
        minijinja::context! {
            username => account.username,
            domain => data.settings.domain,
            email => user.email,
            email_typed => refusal.email_typed,
            error => refusal.password,
            email_error => refusal.email,
            saved => saved,
            min_password => model::MIN_PASSWORD_LEN,
            sessions => sessions,
            apps => apps,
        },
    )
}

/// `GET /settings/account`
pub async fn account_page(
    page: Page,
    headers: HeaderMap,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    if page.viewer.is_none() {
        return Ok(sign_in_to(ACCOUNT));
    }
    render_account(
        &page,
        &headers,
        StatusCode::OK,
        &AccountRefusal::default(),
        q.saved.is_some(),
    )
    .await
}

/// `POST /settings/account`: a new password, given the current one. A refused
/// change is the form again (422) and changes nothing. Passwords are not
/// written back into the form.
pub async fn password_form(
    page: Page,
    headers: HeaderMap,
    ClientIp(client): ClientIp,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(ACCOUNT));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    fn password(message: &str) -> AccountRefusal<'_> {
        AccountRefusal {
            password: Some(message),
            ..AccountRefusal::default()
        }
    }
    if form.new_password != form.new_password_again {
        let message = page.t("settings-password-mismatch");
        return render_account(&page, &headers, refused, &password(&message), false).await;
    }
    let changed = model::change_password(
        &page.data,
        user,
        &form.current_password,
        &form.new_password,
        client,
    )
    .await;
    match changed {
        Ok(Ok(())) => Ok(saved(ACCOUNT)),
        Ok(Err(PasswordRefused::WrongCurrent)) => {
            let message = page.t("settings-password-wrong");
            render_account(&page, &headers, refused, &password(&message), false).await
        }
        Ok(Err(PasswordRefused::Length)) => {
            let message = i18n::message(
                page.lang,
                "settings-password-length",
                &[
                    ("min", FluentValue::from(model::MIN_PASSWORD_LEN as i64)),
                    ("max", FluentValue::from(model::MAX_PASSWORD_LEN as i64)),
                ],
            );
            render_account(&page, &headers, refused, &password(&message), false).await
        }
        Err(e @ AppError::TooManyRequests { retry_after }) => {
            let message = wait_message(&page, retry_after);
            let mut response = render_account(
                &page,
                &headers,
                StatusCode::TOO_MANY_REQUESTS,
                &password(&message),
                false,
            )
            .await?;
            e.add_retry_after(&mut response);
            Ok(response)
        }
        Err(e) => Err(PageError::from(e)),
    }
}

/// How long to wait before trying a password again, in words.
fn wait_message(page: &Page, retry_after: u64) -> String {
    let minutes = i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX);
    i18n::message(
        page.lang,
        "settings-password-wait",
        &[("minutes", FluentValue::from(minutes))],
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    csrf: String,
    email: String,
    password: String,
}

/// `POST /settings/account/email`: another address to sign in with, given the
/// password.
pub async fn email_form(
    page: Page,
    headers: HeaderMap,
    ClientIp(client): ClientIp,
    Form(form): Form<EmailForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(ACCOUNT));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let refuse = |message: String, status: StatusCode| {
        let page = &page;
        let headers = &headers;
        let typed = form.email.clone();
        async move {
            let refusal = AccountRefusal {
                email: Some(&message),
                email_typed: Some(&typed),
                ..AccountRefusal::default()
            };
            render_account(page, headers, status, &refusal, false).await
        }
    };
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    match model::change_email(&page.data, user, &form.password, &form.email, client).await {
        Ok(Ok(())) => Ok(saved(ACCOUNT)),
        Ok(Err(EmailRefused::WrongPassword)) => {
            refuse(page.t("settings-email-wrong-password"), refused).await
        }
        Ok(Err(EmailRefused::NotAnAddress)) => {
            refuse(page.t("settings-email-invalid"), refused).await
        }
        Ok(Err(EmailRefused::Taken)) => refuse(page.t("settings-email-taken"), refused).await,
        Err(e @ AppError::TooManyRequests { retry_after }) => {
            let mut response = refuse(
                wait_message(&page, retry_after),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await?;
            e.add_retry_after(&mut response);
            Ok(response)
        }
        Err(e) => Err(PageError::from(e)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EndForm {
    csrf: String,
    /// A session's id, or an app's.
    id: String,
}

/// `POST /settings/account/sessions`: signs one of one's browsers out.
pub async fn end_session_form(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<EndForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(ACCOUNT));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let id: i64 = form.id.trim().parse().map_err(|_| AppError::NotFound)?;
    if !store::delete_session_of(&page.data.db, user.id, id).await? {
        return Err(AppError::NotFound.into());
    }
    Ok(saved(ACCOUNT))
}

/// `POST /settings/account/apps`: takes an app's access away (every token it
/// holds for this person).
pub async fn revoke_app_form(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<EndForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(ACCOUNT));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let id: i64 = form.id.trim().parse().map_err(|_| AppError::NotFound)?;
    if store::revoke_app_for(&page.data.db, user.id, id, chrono::Utc::now()).await? == 0 {
        return Err(AppError::NotFound.into());
    }
    Ok(saved(ACCOUNT))
}

// ----- preferences -----

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PreferencesForm {
    csrf: String,
    /// A code of `i18n::LANGUAGES`, or empty for the browser's choice.
    locale: String,
    /// An IANA time zone, or empty for UTC (left out: unchanged).
    time_zone: Option<String>,
    /// `public`, `unlisted`, `private` or `direct` (left out: unchanged).
    default_visibility: Option<String>,
}

impl PreferencesForm {
    fn of(user: &crate::accounts::model::User) -> PreferencesForm {
        PreferencesForm {
            csrf: String::new(),
            locale: user.locale.clone().unwrap_or_default(),
            time_zone: Some(user.time_zone.clone().unwrap_or_default()),
            default_visibility: Some(user.default_visibility().to_string()),
        }
    }
}

/// The time zones to choose from, by region (Europe first), each with its
/// IANA name as value and label.
fn time_zone_groups(selected: &str) -> Vec<minijinja::Value> {
    let mut regions: Vec<(&str, Vec<minijinja::Value>)> = Vec::new();
    for zone in chrono_tz::TZ_VARIANTS.iter() {
        let name = zone.name();
        let Some((region, _)) = name.split_once('/') else {
            continue;
        };
        // The old aliases (US/Eastern, Etc/GMT+1, …) only repeat the others.
        if matches!(
            region,
            "Etc" | "US" | "SystemV" | "Brazil" | "Canada" | "Chile" | "Mexico"
        ) {
            continue;
        }
        let option = minijinja::context! {
            value => name,
            label => name.replace('_', " "),
            selected => name == selected,
        };
        match regions.iter_mut().find(|(r, _)| *r == region) {
            Some((_, list)) => list.push(option),
            None => regions.push((region, vec![option])),
        }
    }
    regions.sort_by_key(|(r, _)| (*r != "Europe", *r));
    regions
        .into_iter()
        .map(|(region, zones)| minijinja::context! { region => region, zones => zones })
        .collect()
}

fn render_preferences(
    page: &Page,
    status: StatusCode,
    values: &PreferencesForm,
    error: Option<&str>,
    saved: bool,
) -> Result<Response, PageError> {
    let languages: Vec<minijinja::Value> = LANGUAGES
        .iter()
        .map(|(code, name)| {
            minijinja::context! {
                code => code,
                name => name,
                selected => values.locale == *code,
            }
        })
        .collect();
    page.render_form(
        status,
        "settings_preferences.html",
        minijinja::context! {
            languages => languages,
            browser_choice => values.locale.is_empty(),
            time_zones => time_zone_groups(values.time_zone.as_deref().unwrap_or_default()),
            no_time_zone => values.time_zone.as_deref().unwrap_or_default().is_empty(),
            visibilities => model::VISIBILITIES,
            default_visibility => values.default_visibility.as_deref().unwrap_or("public"),
            error => error,
            saved => saved,
        },
    )
}

/// `GET /settings/preferences`
pub async fn preferences_page(
    page: Page,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(PREFERENCES));
    };
    render_preferences(
        &page,
        StatusCode::OK,
        &PreferencesForm::of(user),
        None,
        q.saved.is_some(),
    )
}

/// `POST /settings/preferences`: the interface language (or the browser's
/// choice), the time zone and the default visibility of new posts. Each is
/// checked before any is saved.
pub async fn preferences_form(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<PreferencesForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(PREFERENCES));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let refuse = |message: String| {
        render_preferences(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            Some(&message),
            false,
        )
    };
    let asked = form.locale.trim();
    let locale = if asked.is_empty() {
        None
    } else {
        match LANGUAGES.iter().find(|(code, _)| *code == asked) {
            Some((code, _)) => Some(*code),
            None => return refuse(page.t("settings-language-unknown")),
        }
    };
    let zone = form.time_zone.as_deref().map(str::trim);
    if let Some(zone) = zone
        && !zone.is_empty()
        && zone.parse::<chrono_tz::Tz>().is_err()
    {
        return refuse(page.t("settings-time-zone-unknown"));
    }
    let visibility = form.default_visibility.as_deref().map(str::trim);
    if visibility.is_some_and(|v| !model::VISIBILITIES.contains(&v)) {
        return refuse(page.t("settings-visibility-unknown"));
    }
    store::set_locale(&page.data.db, user.id, locale).await?;
    if let Some(zone) = zone {
        model::set_time_zone(&page.data, user, zone).await?;
    }
    if let Some(visibility) = visibility {
        model::set_default_visibility(&page.data, user, visibility).await?;
    }
    Ok(saved(PREFERENCES))
}

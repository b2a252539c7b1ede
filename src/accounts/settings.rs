//! A person's settings pages: the profile (what the API's
//! `update_credentials` changes), the account (the e-mail address shown, the
//! password) and preferences (the interface language). Signed-in only; each
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
        model::{self, Account, PasswordRefused, ProfileUpdate},
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
        Err(AppError::Unprocessable(message)) => render_profile(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            Some(&message),
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
            ..ProfileUpdate::default()
        }
    } else {
        ProfileUpdate {
            avatar_url: Some(new_url),
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

fn render_account(
    page: &Page,
    status: StatusCode,
    error: Option<&str>,
    saved: bool,
) -> Result<Response, PageError> {
    let (username, email) = page
        .viewer
        .as_ref()
        .map(|(a, u)| (a.username.clone(), u.email.clone()))
        .unwrap_or_default();
    page.render_form(
        status,
        "settings_account.html",
        minijinja::context! {
            username => username,
            domain => page.data.settings.domain,
            email => email,
            error => error,
            saved => saved,
            min_password => model::MIN_PASSWORD_LEN,
        },
    )
}

/// `GET /settings/account`
pub async fn account_page(page: Page, Query(q): Query<SavedQuery>) -> Result<Response, PageError> {
    if page.viewer.is_none() {
        return Ok(sign_in_to(ACCOUNT));
    }
    render_account(&page, StatusCode::OK, None, q.saved.is_some())
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
    if form.new_password != form.new_password_again {
        let message = page.t("settings-password-mismatch");
        return render_account(&page, refused, Some(&message), false);
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
            render_account(&page, refused, Some(&message), false)
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
            render_account(&page, refused, Some(&message), false)
        }
        Err(e @ AppError::TooManyRequests { retry_after }) => {
            let minutes = i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX);
            let message = i18n::message(
                page.lang,
                "settings-password-wait",
                &[("minutes", FluentValue::from(minutes))],
            );
            let mut response =
                render_account(&page, StatusCode::TOO_MANY_REQUESTS, Some(&message), false)?;
            e.add_retry_after(&mut response);
            Ok(response)
        }
        Err(e) => Err(PageError::from(e)),
    }
}

// ----- preferences -----

#[derive(Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    csrf: String,
    /// A code of `i18n::LANGUAGES`, or empty for the browser's choice.
    #[serde(default)]
    locale: String,
}

fn render_preferences(
    page: &Page,
    status: StatusCode,
    chosen: Option<&str>,
    error: Option<&str>,
    saved: bool,
) -> Result<Response, PageError> {
    let languages: Vec<minijinja::Value> = LANGUAGES
        .iter()
        .map(|(code, name)| {
            minijinja::context! {
                code => code,
                name => name,
                selected => chosen == Some(*code),
            }
        })
        .collect();
    page.render_form(
        status,
        "settings_preferences.html",
        minijinja::context! {
            languages => languages,
            browser_choice => chosen.is_none(),
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
        user.locale.as_deref(),
        None,
        q.saved.is_some(),
    )
}

/// `POST /settings/preferences`: the interface language, or none (the
/// browser's choice).
pub async fn preferences_form(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<PreferencesForm>,
) -> Result<Response, PageError> {
    let Some((_, user)) = &page.viewer else {
        return Ok(sign_in_to(PREFERENCES));
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let asked = form.locale.trim();
    let locale = if asked.is_empty() {
        None
    } else {
        match LANGUAGES.iter().find(|(code, _)| *code == asked) {
            Some((code, _)) => Some(*code),
            None => {
                let message = page.t("settings-language-unknown");
                return render_preferences(
                    &page,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    user.locale.as_deref(),
                    Some(&message),
                    false,
                );
            }
        }
    };
    store::set_locale(&page.data.db, user.id, locale).await?;
    Ok(saved(PREFERENCES))
}

//! `/admin`: the instance at a glance, its people (new accounts, roles), every
//! open report, the delivery queue per instance with "retry now", and the
//! instance's own settings. Admins only; moderators see the reports.

use axum::{
    Form,
    extract::Path,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    accounts::{
        model::{Account, NewUser, Role, User, create_user},
        session::verify_csrf,
        store as accounts,
    },
    communities::store as communities,
    error::AppError,
    federation::queue,
    instance::settings::InstanceForm,
    web::{PageError, page::Page, sign_in_to},
};

/// The person signed in, when their role is at least `least`.
/// Otherwise the answer to give instead (boxed: a response is large).
fn admin<'p>(
    page: &'p Page,
    least: Role,
    here: &str,
) -> Result<&'p (Account, User), Box<Response>> {
    match &page.viewer {
        None => Err(Box::new(sign_in_to(here))),
        Some(pair) if pair.1.role >= least => Ok(pair),
        Some(_) => Err(Box::new(
            PageError::from(AppError::Forbidden(page.t("admin-only"))).into_response(),
        )),
    }
}

/// `GET /admin`: members, activity, posts and known instances.
pub async fn dashboard(page: Page) -> Result<Response, PageError> {
    let me = match admin(&page, Role::Moderator, "/admin") {
        Ok(me) => me,
        Err(r) => return Ok(*r),
    };
    let stats = crate::instance::stats(&page.data.db).await?;
    let open_reports = communities::open_report_count(&page.data.db).await?;
    let waiting = accounts::waiting_count(&page.data.db).await?;
    let queue = queue::queue_state(&page.data.db).await?;
    let pending: i64 = queue.iter().map(|q| q.pending).sum();
    let failed: i64 = queue.iter().map(|q| q.failed).sum();
    page.render(
        "admin.html",
        minijinja::context! {
            section => "dashboard",
            is_admin => me.1.role == Role::Admin,
            stats => stats,
            open_reports => open_reports,
            waiting => waiting,
            instances => queue.len(),
            pending => pending,
            failed => failed,
        },
    )
}

#[derive(Deserialize, Default)]
pub struct NewPersonForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn render_people(
    page: &Page,
    status: StatusCode,
    error: Option<String>,
    created: Option<(String, String)>,
    form: &NewPersonForm,
) -> Result<Response, PageError> {
    render_people_with(page, status, error, created, None, form).await
}

async fn render_people_with(
    page: &Page,
    status: StatusCode,
    error: Option<String>,
    created: Option<(String, String)>,
    reset: Option<(String, String)>,
    form: &NewPersonForm,
) -> Result<Response, PageError> {
    let me = page.viewer.as_ref().map(|(a, _)| a.id);
    let mut people = Vec::new();
    let mut waiting = Vec::new();
    for (account, user) in accounts::list_users(&page.data.db).await? {
        let list = if user.approved {
            &mut people
        } else {
            &mut waiting
        };
        list.push(minijinja::context! {
            id => user.id,
            username => account.username,
            name => account.shown_name(),
            email => user.email,
            role => user.role.as_str(),
            joined => user.created_at.to_rfc3339(),
            last_sign_in => user.last_sign_in_at.map(|t| t.to_rfc3339()),
            is_me => Some(account.id) == me,
            suspended => user.suspended_at.is_some(),
            reason => user.sign_up_reason,
        });
    }
    page.render_form(
        status,
        "admin_people.html",
        minijinja::context! {
            section => "people",
            is_admin => true,
            people => people,
            waiting => waiting,
            reset => reset.map(|(name, password)| minijinja::context! { name => name, password => password }),
            roles => ["member", "facilitator", "moderator", "admin"],
            error => error,
            created => created.map(|(name, password)| minijinja::context! { name => name, password => password }),
            values => minijinja::context! { username => form.username, email => form.email, role => form.role },
        },
    )
}

/// `GET /admin/people`
pub async fn people(page: Page) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/people") {
        return Ok(*r);
    }
    render_people(&page, StatusCode::OK, None, None, &NewPersonForm::default()).await
}

/// `POST /admin/people`: a new account, with a password made for it (shown once).
pub async fn create_person(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<NewPersonForm>,
) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/people") {
        return Ok(*r);
    }
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let role: Role = match form.role.parse() {
        Ok(role) => role,
        Err(_) => {
            let error = Some(page.t("admin-role-unknown"));
            return render_people(&page, StatusCode::UNPROCESSABLE_ENTITY, error, None, &form)
                .await;
        }
    };
    let made = create_user(
        &page.data,
        NewUser {
            username: form.username.trim().to_string(),
            email: form.email.trim().to_string(),
            role,
            password: None,
        },
    )
    .await;
    match made {
        Ok((account, _, password)) => {
            let created = Some((account.username, password));
            render_people(
                &page,
                StatusCode::OK,
                None,
                created,
                &NewPersonForm::default(),
            )
            .await
        }
        Err(e) if e.is_invalid() => {
            render_people(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(e.message_in(page.lang)),
                None,
                &form,
            )
            .await
        }
        Err(e) => Err(PageError::from(e)),
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
}

/// `POST /admin/people/{id}/role`: another role for someone (not for oneself,
/// so that the last admin cannot lock everyone out).
pub async fn set_role(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Response, PageError> {
    let me = match admin(&page, Role::Admin, "/admin/people") {
        Ok(me) => me.1.id,
        Err(r) => return Ok(*r),
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let id: i64 = id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    let role: Role = form
        .role
        .parse()
        .map_err(|_| PageError::from(AppError::validation(page.t("admin-role-unknown"))))?;
    if id == me {
        return Err(PageError::from(AppError::validation(
            page.t("admin-role-not-yourself"),
        )));
    }
    accounts::find_user_by_id(&page.data.db, id)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    accounts::set_role(&page.data.db, id, role.as_str()).await?;
    Ok(Redirect::to("/admin/people").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PersonActionForm {
    csrf: String,
    /// `approve`, `refuse`, `suspend`, `unsuspend` or `reset_password`.
    action: String,
}

/// `POST /admin/people/{id}/action`: approve or refuse a waiting account,
/// suspend or restore someone, or give them a new password (shown once). Not
/// for oneself.
pub async fn person_action(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<PersonActionForm>,
) -> Result<Response, PageError> {
    let me = match admin(&page, Role::Admin, "/admin/people") {
        Ok(me) => me.1.id,
        Err(r) => return Ok(*r),
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let id: i64 = id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    if id == me {
        return Err(PageError::from(AppError::validation(
            page.t("admin-not-yourself"),
        )));
    }
    let data = &page.data;
    let (account, user) = accounts::find_user_by_id(&data.db, id)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    match form.action.as_str() {
        "approve" => {
            accounts::approve(&data.db, user.id).await?;
        }
        "refuse" => {
            if !accounts::delete_unapproved(&data.db, user.id).await? {
                return Err(AppError::validation(page.t("admin-refuse-approved")).into());
            }
        }
        "suspend" => crate::accounts::model::set_suspended(data, &user, true).await?,
        "unsuspend" => crate::accounts::model::set_suspended(data, &user, false).await?,
        "reset_password" => {
            let password = crate::accounts::model::reset_password(data, &user).await?;
            let reset = Some((account.username, password));
            return render_people_with(
                &page,
                StatusCode::OK,
                None,
                None,
                reset,
                &NewPersonForm::default(),
            )
            .await;
        }
        _ => return Err(AppError::validation(page.t("admin-action-unknown")).into()),
    }
    Ok(Redirect::to("/admin/people").into_response())
}

/// `GET /admin/reports`: every open report here, with where to act on it.
pub async fn reports(page: Page) -> Result<Response, PageError> {
    let me = match admin(&page, Role::Moderator, "/admin/reports") {
        Ok(me) => me,
        Err(r) => return Ok(*r),
    };
    let data = &page.data;
    let list = communities::open_reports(&data.db, 200).await?;
    let ids: Vec<i64> = list
        .iter()
        .flat_map(|r| [r.reporter_id, r.target_account_id, r.community_id])
        .flatten()
        .collect();
    let people = accounts::find_many(&data.db, &ids).await?;
    let acct = |id: Option<i64>| id.and_then(|i| people.get(&i)).map(Account::acct);
    let mut views = Vec::new();
    for r in &list {
        let post = match r.target_status_id {
            Some(id) => crate::posts::store::find(&data.db, id).await?,
            None => None,
        };
        let post_link = match (&post, r.target_account_id.and_then(|i| people.get(&i))) {
            (Some(p), Some(author)) => Some(crate::posts::model::thread_path(author, p.id)),
            _ => None,
        };
        views.push(minijinja::context! {
            id => r.id,
            reporter => acct(r.reporter_id),
            target => acct(r.target_account_id),
            community => acct(r.community_id),
            community_link => r.community_id.and_then(|i| people.get(&i)).map(|c| format!("/c/{}/moderation", c.username)),
            post_link => post_link,
            reason => r.reason,
            when => r.created_at.to_rfc3339(),
        });
    }
    page.render_form(
        StatusCode::OK,
        "admin_reports.html",
        minijinja::context! {
            section => "reports",
            is_admin => me.1.role == Role::Admin,
            reports => views,
        },
    )
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /admin/reports/{id}/resolve`
pub async fn resolve_report(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, PageError> {
    let me = match admin(&page, Role::Moderator, "/admin/reports") {
        Ok(me) => me.0.id,
        Err(r) => return Ok(*r),
    };
    verify_csrf(&page.data, &headers, &form.csrf)?;
    let id: i64 = id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    if !communities::resolve_any_report(&page.data.db, id, me).await? {
        return Err(PageError::from(AppError::NotFound));
    }
    Ok(Redirect::to("/admin/reports").into_response())
}

/// `GET /admin/federation`: the delivery queue per instance.
pub async fn federation(page: Page) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/federation") {
        return Ok(*r);
    }
    let mut instances = Vec::new();
    for q in queue::queue_state(&page.data.db).await? {
        instances.push(minijinja::context! {
            domain => q.domain,
            pending => q.pending,
            delivered => q.delivered,
            refused => q.refused,
            failed => q.failed,
            unreachable_since => q.unreachable_since.map(|t| t.to_rfc3339()),
            last_delivered_at => q.last_delivered_at.map(|t| t.to_rfc3339()),
        });
    }
    page.render_form(
        StatusCode::OK,
        "admin_federation.html",
        minijinja::context! { section => "federation", is_admin => true, instances => instances },
    )
}

#[derive(Deserialize)]
pub struct RetryForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    domain: String,
}

/// `POST /admin/federation/retry`: an instance's deliveries due now.
pub async fn retry(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<RetryForm>,
) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/federation") {
        return Ok(*r);
    }
    verify_csrf(&page.data, &headers, &form.csrf)?;
    queue::retry_now(&page.data, form.domain.trim()).await?;
    Ok(Redirect::to("/admin/federation").into_response())
}

// ----- instance settings -----

fn render_settings(
    page: &Page,
    status: StatusCode,
    form: &InstanceForm,
    error: Option<String>,
    saved: bool,
) -> Result<Response, PageError> {
    page.render_form(
        status,
        "admin_settings.html",
        minijinja::context! {
            section => "settings",
            is_admin => true,
            values => form,
            error => error,
            saved => saved,
            registrations => crate::instance::settings::REGISTRATIONS,
            countries => crate::articles::pages::country_choices(page.lang, &form.country)?,
            max_name => crate::instance::settings::MAX_NAME,
            max_description => crate::instance::settings::MAX_DESCRIPTION,
            max_rules => crate::instance::settings::MAX_RULES,
            max_rule => crate::instance::settings::MAX_RULE,
        },
    )
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// `GET /admin/settings`: the instance's name, description, contact,
/// languages, registrations, rules and notices.
pub async fn settings(
    page: Page,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/settings") {
        return Ok(*r);
    }
    let form = InstanceForm::of(&page.data.instance());
    render_settings(&page, StatusCode::OK, &form, None, q.saved.is_some())
}

/// `POST /admin/settings`: saved at once for every page and API answer; a
/// refused form comes back as typed and changes nothing.
pub async fn save_settings(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<InstanceForm>,
) -> Result<Response, PageError> {
    if let Err(r) = admin(&page, Role::Admin, "/admin/settings") {
        return Ok(*r);
    }
    verify_csrf(&page.data, &headers, &form.csrf)?;
    match form.check() {
        Ok(next) => {
            page.data.set_instance(next).await?;
            Ok(Redirect::to("/admin/settings?saved=1").into_response())
        }
        Err(message) => render_settings(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            Some(page.t(message)),
            false,
        ),
    }
}

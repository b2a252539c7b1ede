//! Community pages: the directory with filters, a community's page (its Group
//! document for ActivityPub clients) with its threads, the join button and the
//! thread composer, and the facilitators' moderation queue.

use activitypub_federation::config::Data;
use axum::{
    Form,
    extract::{Path, Query},
    http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    AppState,
    accounts::{
        apub::actor_document,
        model::{Account, Role},
        session::verify_csrf,
        store as accounts,
    },
    communities::{
        api::{ListQuery, directory},
        model::{self, Community, Moderator},
        store,
    },
    error::AppError,
    federation::wants_activity_json,
    posts::store as posts,
    web::{PageError, page::Page, safe_local_path, sign_in_to},
};

fn community_view(c: &Community, members: i64) -> minijinja::Value {
    let a = &c.account;
    minijinja::context! {
        id => a.id,
        name => a.username,
        acct => a.acct(),
        title => a.shown_name(),
        summary_html => a.note_html,
        url => community_link(c),
        icon => a.avatar_url,
        banner => a.header_url,
        local => a.is_local(),
        languages => a.profile.languages,
        topics => a.profile.subjects,
        country => a.profile.country,
        region => a.profile.region,
        members => members,
        manual => a.locked,
        restricted => c.settings.posting_restricted_to_mods,
        rules => c.settings.rules.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>(),
        actor_url => a.ap_id.as_str(),
    }
}

/// `GET /communities`: the directory, filtered by text, language, country, topic.
pub async fn directory_page(page: Page, Query(q): Query<ListQuery>) -> Result<Response, PageError> {
    let data = &page.data;
    let communities = directory(data, &q).await?;
    let mut views = Vec::new();
    for c in &communities {
        let (members, _) = crate::follows::store::counts(&data.db, c.account.id).await?;
        views.push(community_view(c, members));
    }
    let may_open = page
        .viewer
        .as_ref()
        .is_some_and(|(_, u)| model::may_open_communities(u.role));
    page.render_form(
        StatusCode::OK,
        "communities.html",
        minijinja::context! {
            domain => data.settings.domain,
            communities => views,
            filters => q.filters(),
            may_open => may_open,
        },
    )
}

#[derive(Deserialize)]
pub struct NewCommunityForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    topics: String,
}

fn comma_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `POST /communities`: a facilitator opens a community from the directory page.
pub async fn create_form(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<NewCommunityForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(Redirect::to("/auth/sign_in?next=/communities").into_response());
    };
    verify_csrf(data, &headers, &form.csrf)?;
    if !model::may_open_communities(user.role) {
        return Err(PageError::from(AppError::Forbidden(
            page.t("communities-only-facilitators"),
        )));
    }
    let community = model::create(
        data,
        me,
        &form.name,
        model::CommunityForm {
            title: Some(form.title),
            summary: Some(form.summary),
            languages: Some(comma_list(&form.languages)),
            country: Some(form.country),
            topics: Some(comma_list(&form.topics)),
            ..Default::default()
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/c/{}", community.account.username)).into_response())
}

/// `GET /c/{name}`: the Group document for ActivityPub clients, the community's
/// page for browsers.
pub async fn community(
    page: Page,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let current = &page.viewer;
    let json = wants_activity_json(&headers);
    let found = match accounts::find_local_by_username(&data.db, &name).await {
        Ok(Some(a)) => model::of_account(&data.db, &a).await?,
        Ok(None) => None,
        Err(e) => return Err(PageError::from(AppError::from(e))),
    };
    let Some(community) = found else {
        if json {
            return Ok(AppError::NotFound.into_response());
        }
        return Err(PageError::from(AppError::NotFound));
    };
    if json {
        let account = community.account.clone();
        return Ok(actor_document(data, &headers, &method, &uri, account).await);
    }
    let viewer = current.as_ref().map(|(a, _)| a);
    let role = current.as_ref().map(|(_, u)| u.role);
    let (members, _) = crate::follows::store::counts(&data.db, community.account.id).await?;
    let membership = match viewer {
        Some(v) => crate::follows::store::find(&data.db, v.id, community.account.id)
            .await?
            .map(|f| if f.accepted { "member" } else { "requested" })
            .unwrap_or("none"),
        None => "none",
    };
    let moderator = match viewer {
        Some(v) => model::require_moderator(data, &community, v, role)
            .await
            .is_ok(),
        None => false,
    };
    // The threads with their authors and comment counts in a fixed number of
    // queries, however many threads the page shows.
    let threads = store::threads(&data.db, community.account.id, i64::MAX, 40).await?;
    let log = store::log_entries(&data.db, community.account.id, 20).await?;
    let people: Vec<i64> = threads
        .iter()
        .map(|t| t.account_id)
        .chain(log.iter().filter_map(|e| e.moderator_id))
        .collect();
    let people = accounts::find_many(&data.db, &people).await?;
    let ap_ids: Vec<&str> = threads.iter().map(|t| t.ap_id.as_str()).collect();
    let comments = posts::reply_counts(&data.db, &ap_ids).await?;
    let mut thread_views = Vec::new();
    for t in &threads {
        let author = people.get(&t.account_id);
        // Every thread is read here, whoever wrote it and wherever.
        let link = match author {
            Some(a) => crate::posts::model::thread_path(a, t.id),
            None => t.url.clone().unwrap_or_else(|| t.ap_id.clone()),
        };
        thread_views.push(minijinja::context! {
            id => t.id,
            title => t.title,
            author => author.map(Account::acct),
            comments => comments.get(&t.ap_id).copied().unwrap_or(0),
            locked => t.locked,
            pinned => t.pinned_at.is_some(),
            link => link,
            when => t.created_at.to_rfc3339(),
        });
    }
    let mut log_views = Vec::new();
    for e in log {
        let who = e
            .moderator_id
            .and_then(|id| people.get(&id))
            .map(Account::acct);
        log_views.push(minijinja::context! {
            action => e.action,
            who => who,
            reason => e.reason,
            when => e.created_at.to_rfc3339(),
        });
    }
    let mut response = page.render_form(
        StatusCode::OK,
        "community.html",
        minijinja::context! {
            domain => data.settings.domain,
            community => community_view(&community, members),
            membership => membership,
            moderator => moderator,
            threads => thread_views,
            log => log_views,
        },
    )?;
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    Ok(response)
}

async fn local_community(data: &Data<AppState>, name: &str) -> Result<Community, PageError> {
    let account = accounts::find_local_by_username(&data.db, name)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    model::of_account(&data.db, &account)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))
}

#[derive(Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
}

/// `POST /c/{name}/join`: the join (and leave) button.
pub async fn join_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<JoinForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/c/{name}")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let community = local_community(data, &name).await?;
    let result = if form.action == "leave" {
        crate::follows::model::unfollow(data, me, &community.account).await
    } else if store::active_ban(&data.db, community.account.id, me.id)
        .await?
        .is_some()
    {
        Err(AppError::Forbidden(page.t("community-banned")))
    } else {
        crate::follows::model::follow(data, me, &community.account)
            .await
            .map(|_| ())
    };
    result?;
    Ok(Redirect::to(&format!("/c/{}", community.account.username)).into_response())
}

#[derive(Deserialize)]
pub struct ThreadForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// `POST /c/{name}/posts`: the thread composer.
pub async fn post_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<ThreadForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/c/{name}")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let community = local_community(data, &name).await?;
    let status = crate::publishing::local::post_in_community(
        data,
        me,
        &community,
        Some(form.title),
        form.body,
        None,
        None,
    )
    .await?;
    Ok(Redirect::to(&format!("/@{}/{}", me.username, status.id)).into_response())
}

/// `GET /c/{name}/moderation`: the facilitators' queue: reports, join requests, bans.
pub async fn moderation_page(page: Page, Path(name): Path<String>) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/c/{name}/moderation")));
    };
    let community = local_community(data, &name).await?;
    model::require_moderator(data, &community, me, Some(user.role)).await?;
    let mut reports = Vec::new();
    for r in store::reports(&data.db, community.account.id, true).await? {
        reports.push(crate::communities::api::report_json(data, &r).await?);
    }
    let mut requests = Vec::new();
    for (_, a) in
        crate::follows::store::list(&data.db, community.account.id, true, false, None, 200).await?
    {
        requests.push(minijinja::context! { id => a.id, acct => a.acct(), name => a.shown_name() });
    }
    let mut bans = Vec::new();
    for b in store::bans(&data.db, community.account.id).await? {
        let who = accounts::find_by_id(&data.db, b.account_id).await?;
        bans.push(minijinja::context! {
            acct => who.map(|a| a.acct()),
            reason => b.reason,
            until => b.expires_at.map(|t| t.to_rfc3339()),
        });
    }
    let (members, _) = crate::follows::store::counts(&data.db, community.account.id).await?;
    page.render_form(
        StatusCode::OK,
        "moderation.html",
        minijinja::context! {
            domain => data.settings.domain,
            community => community_view(&community, members),
            max_image_kib => data.media.max_image_bytes / 1024,
            reports => reports,
            requests => requests,
            bans => bans,
        },
    )
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    csrf: String,
    account_id: String,
    #[serde(default)]
    action: String,
}

/// `POST /c/{name}/moderation/requests`: approve or turn down a join request.
pub async fn request_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<RequestForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(Redirect::to("/auth/sign_in").into_response());
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let community = local_community(data, &name).await?;
    let role: Option<Role> = Some(user.role);
    model::require_moderator(data, &community, me, role).await?;
    let id: i64 = form
        .account_id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    let person = accounts::find_by_id(&data.db, id)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let result = if form.action == "reject" {
        crate::follows::model::reject(data, &community.account, &person).await
    } else {
        crate::follows::model::authorize(data, &community.account, &person).await
    };
    result?;
    Ok(Redirect::to(&format!("/c/{name}/moderation")).into_response())
}

#[derive(Deserialize)]
pub struct ResolveForm {
    #[serde(default)]
    csrf: String,
    report_id: String,
}

/// `POST /c/{name}/moderation/reports`: a facilitator marks a report dealt with.
pub async fn resolve_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/c/{name}/moderation")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let community = local_community(data, &name).await?;
    model::require_moderator(data, &community, me, Some(user.role)).await?;
    let id: i64 = form
        .report_id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    if !store::resolve_report(&data.db, community.account.id, id, me.id).await? {
        return Err(PageError::from(AppError::NotFound));
    }
    Ok(Redirect::to(&format!("/c/{name}/moderation")).into_response())
}

#[derive(Deserialize)]
pub struct BanForm {
    #[serde(default)]
    csrf: String,
    /// `name` here or `name@server`.
    #[serde(default)]
    acct: String,
    #[serde(default)]
    reason: String,
    /// How many days; empty: until lifted.
    #[serde(default)]
    days: String,
}

/// `POST /c/{name}/moderation/bans`: a facilitator bans someone, for some days
/// or until lifted.
pub async fn ban_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<BanForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/c/{name}/moderation")));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let community = local_community(data, &name).await?;
    model::require_moderator(data, &community, me, Some(user.role)).await?;
    let acct = form.acct.trim().trim_start_matches('@');
    let person = match acct.split_once('@') {
        Some((user, domain)) => accounts::find_remote_by_acct(&data.db, user, domain).await?,
        None => accounts::find_local_by_username(&data.db, acct).await?,
    }
    .ok_or_else(|| PageError::from(AppError::validation(page.t("moderation-ban-unknown"))))?;
    let days = form.days.trim();
    let expires_at = if days.is_empty() {
        None
    } else {
        let days: i64 = days
            .parse()
            .ok()
            .filter(|d| (1..=3650).contains(d))
            .ok_or_else(|| {
                PageError::from(AppError::validation(page.t("moderation-ban-days-invalid")))
            })?;
        Some(chrono::Utc::now() + chrono::Duration::days(days))
    };
    let by = Moderator::here(me, Some(user.role));
    model::ban(data, &community, &by, &person, &form.reason, expires_at).await?;
    Ok(Redirect::to(&format!("/c/{name}/moderation")).into_response())
}

/// Where a community's page is: ours, or the community's own instance.
fn community_link(community: &Community) -> String {
    if community.is_local() {
        format!("/c/{}", community.account.username)
    } else {
        community.account.profile_url()
    }
}

/// What a thread page shows of the community a post is in: its name and link,
/// the thread's title, whether it is locked or pinned, and whether the viewer may
/// moderate it.
pub async fn thread_context(
    state: &AppState,
    status: &posts::Status,
    viewer: Option<(&Account, Role)>,
) -> Result<Option<minijinja::Value>, AppError> {
    let Some(community) = model::of_post(&state.db, status).await? else {
        return Ok(None);
    };
    let root = model::thread_root(state, status).await?;
    let moderate = match viewer {
        Some((account, role)) => {
            model::may_moderate(state, &community, &Moderator::here(account, Some(role)))
                .await
                .is_ok()
        }
        None => false,
    };
    Ok(Some(minijinja::context! {
        title => community.account.shown_name(),
        link => community_link(&community),
        thread_title => root.title,
        root_id => root.id,
        locked => root.locked || status.locked,
        pinned => root.pinned_at.is_some(),
        moderate => moderate,
    }))
}

#[derive(Deserialize)]
pub struct ModerateForm {
    #[serde(default)]
    csrf: String,
    action: String,
    #[serde(default)]
    reason: String,
    /// The page to return to (a path here).
    #[serde(default)]
    back: String,
    /// Set by the confirmation page: removing asks first.
    #[serde(default)]
    confirmed: String,
}

/// `POST /moderation/posts/{id}`: from a thread page, a facilitator removes a post
/// of their community (with a reason), or locks, unlocks, pins or unpins its thread.
pub async fn moderate_form(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<ModerateForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(Redirect::to("/auth/sign_in").into_response());
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let id: i64 = id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    let status = posts::find(&data.db, id)
        .await?
        .filter(|s| s.reblog_of_id.is_none())
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let community = model::of_post(&data.db, &status)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let by = Moderator::here(me, Some(user.role));
    if form.action == "remove" && form.confirmed != "yes" {
        // Asked first, on a page that shows the post and takes the reason.
        model::require_moderator(data, &community, me, Some(user.role)).await?;
        let author = accounts::find_by_id(&data.db, status.account_id)
            .await?
            .ok_or_else(|| PageError::from(AppError::NotFound))?;
        let view = minijinja::context! {
            id => status.id,
            name => author.shown_name(),
            acct => author.acct(),
            title => status.title,
            excerpt => crate::web::plain_text(&status.content).chars().take(500).collect::<String>(),
        };
        let back = safe_local_path(&form.back).unwrap_or("/home").to_string();
        return page.render_form(
            StatusCode::OK,
            "moderation_remove.html",
            minijinja::context! { post => view, back => back, community => community_view(&community, 0) },
        );
    }
    let done = match form.action.as_str() {
        "remove" => model::remove_post(data, &community, &by, &status, &form.reason).await,
        "lock" => model::set_lock(data, &community, &by, &status, true).await,
        "unlock" => model::set_lock(data, &community, &by, &status, false).await,
        "pin" => model::set_pin(data, &community, &by, &status, true).await,
        "unpin" => model::set_pin(data, &community, &by, &status, false).await,
        _ => Err(AppError::validation(page.t("moderation-unknown-action"))),
    };
    done?;
    let community_page = || {
        if community.is_local() {
            community_link(&community)
        } else {
            "/home".to_string()
        }
    };
    let back = if form.action == "remove" {
        // The removed post has no page any more: back to its thread, or to the
        // community when it was the thread.
        let root = model::thread_root(data, &status).await?;
        let author = accounts::find_by_id(&data.db, root.account_id).await?;
        match author {
            Some(author) if root.id != status.id => {
                crate::posts::model::thread_path(&author, root.id)
            }
            _ => community_page(),
        }
    } else if let Some(back) = safe_local_path(&form.back) {
        back.to_string()
    } else {
        community_page()
    };
    Ok(Redirect::to(&back).into_response())
}

/// `POST /c/{name}/moderation/pictures` (multipart): a facilitator uploads the
/// community's icon or banner (`picture`, `file`), or takes it away
/// (`action=remove`).
pub async fn picture_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    multipart: axum::extract::Multipart,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, user)) = &page.viewer else {
        return Ok(Redirect::to("/auth/sign_in").into_response());
    };
    let community = local_community(data, &name).await?;
    model::require_moderator(data, &community, me, Some(user.role)).await?;
    let upload =
        crate::media::Upload::read(multipart, data.media.max_image_bytes, &data.media).await?;
    verify_csrf(data, &headers, upload.field("csrf"))?;
    let which = model::Picture::parse(upload.field("picture"))?;
    let file = if upload.field("action") == "remove" {
        None
    } else {
        Some(upload.into_file().ok_or_else(|| {
            PageError::from(AppError::validation(page.t("moderation-choose-image")))
        })?)
    };
    model::set_picture(data, &community, me, Some(user.role), which, file).await?;
    Ok(Redirect::to(&format!("/c/{name}/moderation")).into_response())
}

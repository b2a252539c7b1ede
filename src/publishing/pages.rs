//! Pages about posts: the home timeline with the composer, a thread, the public
//! posts of a hashtag.

use axum::{
    Form,
    extract::Path,
    http::{HeaderMap, StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    AppState,
    accounts::{model::Account, session::verify_csrf, store as accounts},
    error::{AppError, AppResult},
    posts::{
        model::{self, Visibility, normalize_tag},
        store::{self, Status},
    },
    publishing::{
        kinds::Draft,
        local::{self, NewPost},
    },
    web::{PageError, page::Page},
};

/// `GET /tags/{tag}`: the newest public posts with a hashtag.
pub async fn tag(page: Page, Path(tag): Path<String>) -> Result<Response, PageError> {
    let data = &page.data;
    let tag = normalize_tag(&tag).ok_or_else(|| PageError::from(AppError::NotFound))?;
    let statuses = store::tagged(&data.db, &tag, false, i64::MAX, 0, 40).await?;
    let mut posts = Vec::new();
    for s in statuses {
        let Some(author) = accounts::find_by_id(&data.db, s.account_id).await? else {
            continue;
        };
        posts.push(minijinja::context! {
            name => author.shown_name(),
            acct => author.handle(&data.settings.domain),
            content => s.content,
            spoiler_text => s.spoiler_text,
            created_at => s.created_at.to_rfc3339(),
        });
    }
    page.render(
        "tag.html",
        minijinja::context! {
            tag => tag,
            posts => posts,
        },
    )
}

/// What a page shows of one post (a boost shows the boosted post).
pub async fn post_view(
    state: &AppState,
    status: &Status,
    viewer: Option<&Account>,
) -> AppResult<Option<minijinja::Value>> {
    let (shown, boosted_by) = match status.reblog_of_id {
        Some(original) => {
            let Some(original) = store::find(&state.db, original).await? else {
                return Ok(None);
            };
            let booster = accounts::find_by_id(&state.db, status.account_id).await?;
            (original, booster.map(|b| b.shown_name().to_string()))
        }
        None => (status.clone(), None),
    };
    if !model::can_see(state, viewer, &shown).await? {
        return Ok(None);
    }
    let Some(author) = accounts::find_by_id(&state.db, shown.account_id).await? else {
        return Ok(None);
    };
    let store::Engagement {
        favourites,
        favourited,
        reblogs,
        reblogged,
        replies,
        ..
    } = store::engagement(&state.db, &shown, viewer.map(|v| v.id)).await?;
    let acct = author.handle(&state.settings.domain);
    let thread_url = thread_path(&author, shown.id);
    let media: Vec<minijinja::Value> = store::media(&state.db, shown.id)
        .await?
        .into_iter()
        .map(|m| {
            minijinja::context! {
                kind => m.kind,
                url => m.remote_url,
                description => m.description.unwrap_or_default(),
                width => m.width,
                height => m.height,
            }
        })
        .collect();
    let poll = store::poll(&state.db, shown.id)
        .await?
        .map(|(poll, options)| {
            let total: i64 = options.iter().map(|o| o.votes).sum::<i64>().max(1);
            minijinja::context! {
                multiple => poll.multiple,
                closes => poll.expires_at.map(|t| t.to_rfc3339()),
                options => options.iter().map(|o| minijinja::context! {
                    title => o.title,
                    votes => o.votes,
                    percent => o.votes * 100 / total,
                }).collect::<Vec<_>>(),
            }
        });
    // Custom emoji as small pictures, by their shortcodes in the (sanitised) text.
    let mut content = shown.content.clone();
    for e in store::emojis(&state.db, shown.id).await? {
        let img = format!(
            "<img class=\"emoji\" src=\"{}\" alt=\":{}:\" title=\":{}:\">",
            crate::web::escape(&e.url),
            e.shortcode,
            e.shortcode
        );
        content = content.replace(&format!(":{}:", e.shortcode), &img);
    }
    // A titled post is a material, a case report or a community thread: its card
    // shows the title as a link to its own page, and which of them it is.
    let (kind, title_link) = match &shown.title {
        Some(_) => match super::kinds::Kind::of(state, &shown).await? {
            super::kinds::Kind::Material => ("material", format!("/materials/{}", shown.id)),
            super::kinds::Kind::Case => ("case", format!("/cases/{}", shown.id)),
            super::kinds::Kind::Note if shown.community_id.is_some() => {
                ("thread", thread_url.clone())
            }
            super::kinds::Kind::Note => ("article", thread_url.clone()),
        },
        None => ("note", thread_url.clone()),
    };
    Ok(Some(minijinja::context! {
        id => shown.id,
        media => media,
        poll => poll,
        name => author.shown_name(),
        acct => acct,
        // Their page here, from which they can be followed.
        profile_url => author.profile_path(),
        thread_url => thread_url,
        content => content,
        title => shown.title,
        kind => kind,
        title_link => title_link,
        spoiler_text => shown.spoiler_text,
        visibility => shown.visibility,
        created_at => shown.created_at.to_rfc3339(),
        favourites => favourites,
        favourited => favourited,
        reblogs => reblogs,
        reblogged => reblogged,
        replies => replies,
        boosted_by => boosted_by,
        // What the viewer may do with it on the card.
        own => viewer.is_some_and(|v| v.id == shown.account_id),
        local => shown.local,
        boostable => matches!(shown.visibility.as_str(), "public" | "unlisted"),
    }))
}

pub use crate::posts::model::thread_path;

/// Views of several posts, leaving out what the viewer may not see.
pub async fn post_views(
    state: &AppState,
    statuses: &[Status],
    viewer: Option<&Account>,
) -> AppResult<Vec<minijinja::Value>> {
    let mut out = Vec::new();
    for s in statuses {
        if let Some(v) = post_view(state, s, viewer).await? {
            out.push(v);
        }
    }
    Ok(out)
}

async fn render_home(page: &Page, error: Option<&str>) -> Result<Response, PageError> {
    let Some((me, _)) = &page.viewer else {
        return Ok(Redirect::to("/auth/sign_in?next=/home").into_response());
    };
    let statuses = store::home(&page.data.db, me.id, i64::MAX, 0, 40, false).await?;
    let posts = post_views(&page.data, &statuses, Some(me)).await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_form(
        status,
        "timeline.html",
        minijinja::context! {
            posts => posts,
            error => error,
        },
    )
}

/// `GET /home`: the composer and the home timeline.
pub async fn home(page: Page) -> Result<Response, PageError> {
    render_home(&page, None).await
}

#[derive(Deserialize)]
pub struct ComposeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    spoiler_text: String,
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    in_reply_to_id: Option<String>,
}

/// `POST /home`: writes a post (or a reply) from the composer.
pub async fn compose(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<ComposeForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some(me) = page.viewer.clone() else {
        return Ok(Redirect::to("/auth/sign_in?next=/home").into_response());
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let visibility = Visibility::parse(&form.visibility).unwrap_or(Visibility::Public);
    let in_reply_to = match form
        .in_reply_to_id
        .as_deref()
        .and_then(|i| i.parse::<i64>().ok())
    {
        Some(id) => {
            let parent = store::find(&data.db, id).await?;
            match parent {
                Some(p) if model::can_see(data, Some(&me.0), &p).await? => Some(p),
                _ => return Err(PageError::from(AppError::NotFound)),
            }
        }
        None => None,
    };
    let parent_id = in_reply_to.as_ref().map(|p| p.id);
    let created = local::create(
        data,
        &me.0,
        NewPost {
            text: form.status,
            visibility,
            spoiler_text: form.spoiler_text,
            sensitive: false,
            language: None,
            in_reply_to,
            idempotency_key: None,
            community: None,
            title: None,
            draft: Draft::Note,
        },
    )
    .await;
    match created {
        Ok(status) => {
            let target = match parent_id {
                Some(_) => format!("/@{}/{}", me.0.username, status.id),
                None => "/home".to_string(),
            };
            Ok(Redirect::to(&target).into_response())
        }
        Err(e) if e.is_invalid() => render_home(&page, Some(&e.message_in(page.lang))).await,
        Err(e) => Err(PageError::from(e)),
    }
}

#[derive(Deserialize)]
pub struct PostActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    /// The page the card was on, to go back to.
    #[serde(default)]
    back: String,
    /// What is wrong, for a report.
    #[serde(default)]
    reason: String,
    /// The new text and content warning, for an edit.
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    spoiler_text: Option<String>,
}

/// `POST /posts/{id}`: what a post card's buttons do (like, boost, and their
/// undoing, delete once confirmed), then back to the page the card was on.
/// The same rules as the API: only posts the person may see, only their own
/// deleted.
pub async fn act(
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<PostActionForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let back = crate::web::safe_local_path(&form.back)
        .unwrap_or("/home")
        .to_string();
    let Some((me, _)) = &page.viewer else {
        return Ok(crate::web::sign_in_to(&back));
    };
    verify_csrf(data, &headers, &form.csrf)?;
    let status = match id.parse::<i64>() {
        Ok(id) => store::find(&data.db, id).await?,
        Err(_) => None,
    };
    let status = match status {
        Some(s) if s.reblog_of_id.is_none() && model::can_see(data, Some(me), &s).await? => s,
        _ => return Err(PageError::from(AppError::NotFound)),
    };
    match form.action.as_str() {
        "favourite" => local::favourite(data, me, &status).await?,
        "unfavourite" => local::unfavourite(data, me, &status).await?,
        "reblog" => {
            local::reblog(data, me, &status).await?;
        }
        "unreblog" => local::unreblog(data, me, &status).await?,
        // Deleting asks first, on a page of its own (no script needed).
        "delete" if status.account_id == me.id => {
            let Some(view) = post_view(data, &status, Some(me)).await? else {
                return Err(PageError::from(AppError::NotFound));
            };
            return page.render_form(
                StatusCode::OK,
                "post_delete.html",
                minijinja::context! { post => view, back => back },
            );
        }
        "delete_confirmed" if status.account_id == me.id => {
            local::delete(data, me, &status).await?;
            // The deleted post's own page is gone: back to the timeline then.
            let gone = back.ends_with(&format!("/{}", status.id));
            return Ok(Redirect::to(if gone { "/home" } else { &back }).into_response());
        }
        "delete" | "delete_confirmed" => return Err(PageError::from(AppError::NotFound)),
        // A post's own text, changed on a page of its own (materials and case
        // reports have their own forms).
        "edit" | "edit_confirmed" if status.account_id == me.id && status.local => {
            let mut error = None;
            let text = form
                .status
                .clone()
                .unwrap_or_else(|| status.source_text.clone().unwrap_or_default());
            let spoiler = form
                .spoiler_text
                .clone()
                .unwrap_or_else(|| status.spoiler_text.clone());
            if form.action == "edit_confirmed" {
                let edited = local::edit(
                    data,
                    me,
                    &status,
                    local::PostEdit {
                        text: text.clone(),
                        spoiler_text: spoiler.clone(),
                        sensitive: status.sensitive,
                        draft: Draft::Note,
                    },
                )
                .await;
                match edited {
                    Ok(_) => return Ok(Redirect::to(&back).into_response()),
                    Err(e) if e.is_invalid() => error = Some(e.message_in(page.lang)),
                    Err(e) => return Err(PageError::from(e)),
                }
            }
            let code = if error.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            return page.render_form(
                code,
                "post_edit.html",
                minijinja::context! {
                    id => status.id, back => back, text => text,
                    spoiler_text => spoiler, error => error,
                },
            );
        }
        "edit" | "edit_confirmed" => return Err(PageError::from(AppError::NotFound)),
        // Reporting asks what is wrong, then goes to the community's
        // facilitators (and the author's server, when it is another).
        "report" | "report_confirmed" if status.account_id != me.id => {
            let Some(view) = post_view(data, &status, Some(me)).await? else {
                return Err(PageError::from(AppError::NotFound));
            };
            let mut reported = false;
            let mut error = None;
            if form.action == "report_confirmed" {
                let community = crate::communities::model::of_post(&data.db, &status).await?;
                let author = accounts::find_by_id(&data.db, status.account_id)
                    .await?
                    .ok_or_else(|| PageError::from(AppError::NotFound))?;
                match crate::communities::model::report(
                    data,
                    me,
                    community.as_ref(),
                    &author,
                    Some(&status),
                    &form.reason,
                )
                .await
                {
                    Ok(_) => reported = true,
                    Err(e) if e.is_invalid() => error = Some(page.t("post-report-empty")),
                    Err(e) => return Err(PageError::from(e)),
                }
            }
            let code = if error.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            return page.render_form(
                code,
                "post_report.html",
                minijinja::context! {
                    post => view, back => back, reported => reported,
                    error => error, reason => form.reason,
                },
            );
        }
        _ => {
            return Err(PageError::from(AppError::validation(
                page.t("post-unknown-action"),
            )));
        }
    }
    Ok(Redirect::to(&back).into_response())
}

/// `GET /@{name}/{id}`: a post with the thread around it.
pub async fn thread(
    page: Page,
    uri: Uri,
    Path((_name, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let current = &page.viewer;
    let viewer = current.as_ref().map(|(a, _)| a);
    let id: i64 = id
        .parse()
        .map_err(|_| PageError::from(AppError::NotFound))?;
    let status = store::find(&data.db, id)
        .await?
        .filter(|s| s.reblog_of_id.is_none())
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let main = post_view(data, &status, viewer)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let mut ancestors = Vec::new();
    let mut parent = status.in_reply_to_ap_id.clone();
    while let Some(ap_id) = parent {
        if ancestors.len() >= 40 {
            break;
        }
        let Some(p) = store::find_by_ap_id(&data.db, &ap_id).await? else {
            break;
        };
        parent = p.in_reply_to_ap_id.clone();
        ancestors.push(p);
    }
    ancestors.reverse();
    let replies = store::replies(&data.db, &status.ap_id, 100).await?;
    let ancestors = post_views(data, &ancestors, viewer).await?;
    let descendants = post_views(data, &replies, viewer).await?;
    let community = crate::communities::pages::thread_context(
        data,
        &status,
        current.as_ref().map(|(a, u)| (a, u.role)),
    )
    .await?;
    page.render_form(
        StatusCode::OK,
        "thread.html",
        minijinja::context! {
            back => uri.path(),
            community => community,
            main => main,
            ancestors => ancestors,
            descendants => descendants,
        },
    )
}

//! Pages about posts: the public posts of a hashtag.

use activitypub_federation::config::Data;
use axum::{
    extract::Path,
    response::{Html, IntoResponse, Response},
};

use crate::{
    AppState,
    accounts::{pages::user_context, session::CurrentUser, store as accounts},
    error::AppError,
    posts::{model::normalize_tag, store},
    web::PageError,
};

/// `GET /tags/{tag}`: the newest public posts with a hashtag.
pub async fn tag(
    data: Data<AppState>,
    CurrentUser(current): CurrentUser,
    Path(tag): Path<String>,
) -> Result<Response, PageError> {
    let page_error = |error| PageError {
        error,
        templates: data.templates.clone(),
        instance_name: data.settings.instance.name.clone(),
    };
    let tag = normalize_tag(&tag).ok_or_else(|| page_error(AppError::NotFound))?;
    let statuses = store::tagged(&data.db, &tag, false, i64::MAX, 0, 40)
        .await
        .map_err(|e| page_error(e.into()))?;
    let mut posts = Vec::new();
    for s in statuses {
        let Some(author) = accounts::find_by_id(&data.db, s.account_id)
            .await
            .map_err(|e| page_error(e.into()))?
        else {
            continue;
        };
        posts.push(minijinja::context! {
            name => author.shown_name(),
            acct => if author.is_local() { format!("{}@{}", author.username, data.settings.domain) } else { author.acct() },
            content => s.content,
            spoiler_text => s.spoiler_text,
            created_at => s.created_at.to_rfc3339(),
            created_day => s.created_at.format("%Y-%m-%d").to_string(),
        });
    }
    let html = data
        .templates
        .render(
            "tag.html",
            minijinja::context! {
                instance_name => data.settings.instance.name,
                user => user_context(&current),
                tag => tag,
                posts => posts,
            },
        )
        .map_err(page_error)?;
    Ok(Html(html).into_response())
}

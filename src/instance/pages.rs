//! The home page: what this instance is and how many people are on it.

use activitypub_federation::config::Data;
use axum::response::{Html, IntoResponse, Response};

use crate::{
    AppState,
    accounts::session::{CurrentUser, user_context},
    web::PageError,
};

/// `GET /` and `GET /about`
pub async fn home(
    data: Data<AppState>,
    CurrentUser(current): CurrentUser,
) -> Result<Response, PageError> {
    let stats = super::stats(&data.db).await.map_err(PageError::from)?;
    let s = &data.settings;
    let html = data
        .templates
        .render(
            "home.html",
            minijinja::context! {
                instance_name => s.instance.name,
                description => s.instance.description,
                domain => s.domain,
                contact_email => s.instance.contact_email,
                languages => s.instance.languages,
                stats => stats,
                user => user_context(&current),
                registrations_open => s.instance.registrations_open,
            },
        )
        .map_err(PageError::from)?;
    Ok(Html(html).into_response())
}

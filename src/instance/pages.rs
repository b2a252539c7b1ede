//! The home page: what this instance is and how many people are on it.

use axum::response::Response;

use crate::web::{PageError, page::Page};

/// `GET /` and `GET /about`
pub async fn home(page: Page) -> Result<Response, PageError> {
    let stats = super::stats(&page.data.db).await?;
    let s = &page.data.settings;
    page.render(
        "home.html",
        minijinja::context! {
            description => s.instance.description,
            domain => s.domain,
            contact_email => s.instance.contact_email,
            languages_spoken => s.instance.languages,
            stats => stats,
            registrations_open => s.instance.registrations_open,
        },
    )
}

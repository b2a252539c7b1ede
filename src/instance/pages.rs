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
            // The community's languages by their names in the page's language.
            languages_spoken => s
                .instance
                .languages
                .iter()
                .map(|code| crate::articles::pages::language_name(page.lang, code))
                .collect::<Vec<_>>(),
            stats => stats,
            registrations_open => s.instance.registrations_open,
        },
    )
}

//! The home page: what this instance is and how many people are on it.

use axum::response::Response;

use crate::web::{PageError, page::Page};

/// `GET /` and `GET /about`
pub async fn home(page: Page) -> Result<Response, PageError> {
    let stats = super::stats(&page.data.db).await?;
    let s = &page.data.settings;
    let instance = page.data.instance();
    page.render(
        "home.html",
        minijinja::context! {
            description => instance.description,
            domain => s.domain,
            contact_email => instance.contact_email,
            // The community's languages by their names in the page's language.
            languages_spoken => instance
                .languages
                .iter()
                .map(|code| crate::articles::pages::language_name(page.lang, code))
                .collect::<Vec<_>>(),
            stats => stats,
            registrations_open => instance.registrations_open,
        },
    )
}

/// `GET /about/privacy`: the instance's privacy notice, or, when its admins have
/// written none, what the software itself keeps and why.
pub async fn privacy(page: Page) -> Result<Response, PageError> {
    let instance = page.data.instance();
    let notice = instance.privacy_notice.trim();
    page.render(
        "about_text.html",
        minijinja::context! {
            which => "privacy",
            text_html => (!notice.is_empty()).then(|| crate::web::text_to_html(notice)),
            contact_email => instance.contact_email,
        },
    )
}

/// `GET /about/imprint`: the legal notice, where the admins give one.
pub async fn imprint(page: Page) -> Result<Response, PageError> {
    let instance = page.data.instance();
    let text = instance.imprint.trim();
    if text.is_empty() {
        return Err(PageError::from(crate::error::AppError::NotFound));
    }
    page.render(
        "about_text.html",
        minijinja::context! {
            which => "imprint",
            text_html => Some(crate::web::text_to_html(text)),
            contact_email => instance.contact_email,
        },
    )
}

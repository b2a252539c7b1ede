//! The web side: router assembly, templates, static files, HTML helpers and the
//! error page.

pub mod page;
pub mod routes;
pub mod security;

pub use security::{ClientIp, redirect_local, safe_local_path, sign_in_to};

use std::sync::Arc;

use axum::{
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::Environment;
use serde::Serialize;

use crate::error::AppError;

/// The page templates, compiled into the binary.
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
}

macro_rules! embed_templates {
    ($env:expr, $($name:literal),* $(,)?) => {
        $(
            $env.add_template($name, include_str!(concat!("../../frontend/templates/", $name)))?;
        )*
    };
}

impl Templates {
    pub fn load() -> Result<Templates, minijinja::Error> {
        let mut env = Environment::new();
        crate::i18n::register(&mut env);
        embed_templates!(
            env,
            "layout.html",
            "home.html",
            "profile.html",
            "sign_in.html",
            "sign_up.html",
            "sign_out.html",
            "settings_profile.html",
            "settings_account.html",
            "settings_preferences.html",
            "authorize.html",
            "oauth_code.html",
            "error.html",
            "tag.html",
            "post.html",
            "post_delete.html",
            "post_report.html",
            "post_edit.html",
            "notifications.html",
            "search.html",
            "about_text.html",
            "admin_nav.html",
            "admin.html",
            "admin_people.html",
            "admin_reports.html",
            "admin_federation.html",
            "admin_settings.html",
            "timeline.html",
            "thread.html",
            "communities.html",
            "community.html",
            "moderation.html",
            "moderation_remove.html",
            "picker.html",
            "materials.html",
            "materials_form.html",
            "materials_show.html",
            "cases.html",
            "cases_form.html",
            "cases_show.html",
            "article_history.html",
        );
        Ok(Templates { env: Arc::new(env) })
    }

    pub fn render(&self, name: &str, ctx: impl Serialize) -> Result<String, AppError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {name}: {e:#}")))
    }
}

/// An error shown as a page rather than JSON: the response carries what went
/// wrong, and [`page::error_pages`] (the one path to `error.html`) renders it in
/// the page frame, with the person signed in.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(error: AppError) -> PageError {
        PageError(error)
    }
}

impl From<sqlx::Error> for PageError {
    fn from(error: sqlx::Error) -> PageError {
        PageError(error.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        if status.is_server_error() {
            tracing::error!(error = %self.0, "page failed");
        }
        // What the page says in the reader's language: a sentence of our own
        // for the common cases, else the error's own (safe) message.
        let detail = match &self.0 {
            AppError::NotFound | AppError::Internal(_) | AppError::Unauthorized(_) => None,
            AppError::TooManyRequests { .. } => None,
            other => Some(other.client_message()),
        };
        let said = match &self.0 {
            AppError::Invalid { said, .. } => Some((**said).clone()),
            _ => None,
        };
        let mut response = status.into_response();
        response
            .extensions_mut()
            .insert(page::Failure { detail, said });
        self.0.add_retry_after(&mut response);
        response
    }
}

/// The words of some HTML, for the search index.
pub fn plain_text(html: &str) -> String {
    let text = ammonia::Builder::empty().clean(html).to_string();
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Turns text a person typed into safe HTML: paragraphs at blank lines, line
/// breaks inside them, everything escaped.
pub fn text_to_html(text: &str) -> String {
    // Browsers send a textarea's line breaks as CRLF.
    text.replace("\r\n", "\n")
        .trim()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(escape).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect()
}

/// Sanitises HTML from other servers with an allowlist like Mastodon's: text
/// formatting, paragraphs, lists, quotes, code and links (which get
/// `rel="nofollow noopener noreferrer"`).
pub fn sanitize_html(html: &str) -> String {
    use std::collections::HashSet;
    let tags: HashSet<&str> = [
        "p",
        "br",
        "span",
        "a",
        "del",
        "pre",
        "code",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .add_tag_attributes("a", ["href", "class"])
        .add_tag_attributes("span", ["class"])
        .add_tag_attributes("ol", ["start", "reversed"])
        .add_tag_attributes("li", ["value"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// An address we have nothing at: the error page for a browser, JSON for an app.
pub async fn not_found(headers: axum::http::HeaderMap) -> Response {
    let browser = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if browser {
        PageError(AppError::NotFound).into_response()
    } else {
        AppError::NotFound.into_response()
    }
}

const STYLESHEET: &str = include_str!("../../frontend/static/style.css");
const LOGO: &str = include_str!("../../frontend/static/logo.svg");
const MATERIALS_SCRIPT: &str = include_str!("../../frontend/static/materials.js");
const SITE_SCRIPT: &str = include_str!("../../frontend/static/site.js");

/// The script of every page (the header's menu at phone width).
pub async fn site_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SITE_SCRIPT,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

pub async fn logo() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        LOGO,
    )
        .into_response()
}

/// The script of the material pages (drafts kept in the browser).
pub async fn materials_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        MATERIALS_SCRIPT,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_escaped_paragraphs() {
        assert_eq!(
            text_to_html("Hello <b>\nworld\n\nSecond & last"),
            "<p>Hello &lt;b&gt;<br>world</p><p>Second &amp; last</p>"
        );
        assert_eq!(text_to_html("   "), "");
    }

    #[test]
    fn remote_html_is_sanitised() {
        let dirty = r#"<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">a</a><a href="https://ok.example/">b</a><img src=x></p>"#;
        let clean = sanitize_html(dirty);
        assert!(!clean.contains("script"));
        assert!(!clean.contains("onclick"));
        assert!(!clean.contains("javascript"));
        assert!(!clean.contains("<img"));
        assert!(clean.contains(r#"href="https://ok.example/""#));
        assert!(clean.contains("nofollow"));
    }

    #[test]
    fn every_template_parses() {
        Templates::load().unwrap();
    }
}

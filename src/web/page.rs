//! The page frame: what every page needs, gathered once per request ([`Page`]:
//! the signed-in person, the CSRF token, the instance), and the one path by
//! which a failed page becomes `error.html` ([`error_pages`]).

use activitypub_federation::config::{Data, FederationConfig};
use axum::{
    body::Body,
    extract::{FromRequestParts, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use serde::Serialize;

use crate::{
    AppState,
    accounts::{
        self,
        model::{Account, User},
        session::{self, CsrfToken, CurrentUser, user_context},
    },
    error::AppError,
    i18n::{self, Lang},
    web::PageError,
};

/// What every page handler starts from: the state, the person signed in on this
/// browser (if any), its CSRF token and the language the page is written in.
pub struct Page {
    pub data: Data<AppState>,
    pub viewer: Option<(Account, User)>,
    pub csrf: CsrfToken,
    pub lang: Lang,
    /// The language cookie to set, when `?lang=` made a new choice.
    lang_cookie: Option<HeaderValue>,
    /// This page's path and query, for the language switcher's links.
    path: String,
    query: Option<String>,
    /// The signed-in person's notifications not seen yet (for the header).
    unread: i64,
}

const LANG_COOKIE: &str = "collegium_lang";

/// The `?lang=` a request asks for, if it names one of our languages.
fn asked_language(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .and_then(Lang::parse)
}

/// The language of a page: the person's setting, else the `?lang=` choice
/// remembered in a cookie, else `Accept-Language`, else the instance's language.
pub fn page_language(state: &AppState, headers: &HeaderMap, user: Option<&User>) -> Lang {
    user.and_then(|u| u.locale.as_deref())
        .and_then(Lang::parse)
        .or_else(|| {
            session::cookie(headers, &session::cookie_name(state, LANG_COOKIE))
                .and_then(Lang::parse)
        })
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_else(|| instance_language(state))
}

/// Where the header's "Sign in" returns to: this page (percent-encoded), except
/// from the front page and the sign-in pages, where it is the timeline.
fn sign_in_next(path: &str, query: Option<&str>) -> Option<String> {
    if path == "/" || path.starts_with("/auth/") {
        return None;
    }
    let here = match query {
        Some(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    };
    Some(url::form_urlencoded::byte_serialize(here.as_bytes()).collect())
}

/// The instance's own language: the first of its languages we have.
pub fn instance_language(state: &AppState) -> Lang {
    state
        .instance()
        .languages
        .iter()
        .find_map(|l| Lang::parse(l))
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let data = parts
            .extensions
            .get::<FederationConfig<AppState>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("federation config missing")))?
            .to_request_data();
        let CurrentUser(viewer) = CurrentUser::from_request_parts(parts, state).await?;
        let csrf = CsrfToken::from_headers(&data, &parts.headers);
        let query = parts.uri.query().map(str::to_string);
        let asked = asked_language(query.as_deref());
        let mut lang_cookie = None;
        if let Some(asked) = asked {
            // A choice made on the switcher: remembered on this browser, and as
            // the person's setting when someone is signed in.
            lang_cookie = Some(session::set_cookie(
                &data,
                LANG_COOKIE,
                asked.code(),
                60 * 60 * 24 * 365,
            ));
            if let Some((_, user)) = &viewer
                && user.locale.as_deref() != Some(asked.code())
            {
                accounts::store::set_locale(&data.db, user.id, Some(asked.code()))
                    .await
                    .map_err(AppError::from)?;
            }
        }
        let lang = asked.unwrap_or_else(|| {
            page_language(&data, &parts.headers, viewer.as_ref().map(|(_, u)| u))
        });
        let unread = match &viewer {
            Some((account, _)) => crate::notifications::store::unread_count(&data.db, account.id)
                .await
                .map_err(AppError::from)?,
            None => 0,
        };
        Ok(Page {
            data,
            viewer,
            csrf,
            lang,
            lang_cookie,
            path: parts.uri.path().to_string(),
            query,
            unread,
        })
    }
}

impl Page {
    /// `template` rendered with `context` and the frame's own values (the
    /// instance's name, the person), as a 200 page.
    pub fn render(&self, template: &str, context: impl Serialize) -> Result<Response, PageError> {
        let html = self.html(template, context)?;
        let mut response = Html(html).into_response();
        if let Some(cookie) = &self.lang_cookie {
            response
                .headers_mut()
                .append(header::SET_COOKIE, cookie.clone());
        }
        Ok(response)
    }

    /// A message in this page's language.
    pub fn t(&self, id: &str) -> String {
        i18n::text(self.lang, id)
    }

    /// A page with a form: like [`Page::render`], with the CSRF token in the
    /// context (`csrf`) and its cookie set when it is new, and a status (a form
    /// sent back with its errors is not a 200).
    pub fn render_form(
        &self,
        status: StatusCode,
        template: &str,
        context: impl Serialize,
    ) -> Result<Response, PageError> {
        let context = minijinja::Value::from_serialize(&context);
        let html = self.html(
            template,
            minijinja::context! { csrf => self.csrf.token, ..context },
        )?;
        let mut response = (status, Html(html)).into_response();
        if let Some(cookie) = self.csrf.cookie(&self.data) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
        if let Some(cookie) = &self.lang_cookie {
            response
                .headers_mut()
                .append(header::SET_COOKIE, cookie.clone());
        }
        Ok(response)
    }

    fn html(&self, template: &str, context: impl Serialize) -> Result<String, PageError> {
        let context = minijinja::Value::from_serialize(&context);
        let instance = self.data.instance();
        let frame = minijinja::context! {
            instance_name => instance.name.clone(),
            user => user_context(&self.viewer),
            lang => self.lang.code(),
            time_zone => self.viewer.as_ref().and_then(|(_, u)| u.time_zone.clone()),
            ui_languages => i18n::switcher(self.lang, &self.path, self.query.as_deref()),
            sign_in_next => sign_in_next(&self.path, self.query.as_deref()),
            unread_notifications => self.unread,
            has_imprint => !instance.imprint.trim().is_empty(),
            here => match &self.query {
                Some(q) => format!("{}?{q}", self.path),
                None => self.path.clone(),
            },
            ..context
        };
        Ok(self.data.templates.render(template, frame)?)
    }
}

/// What a failed page says, left in its response by [`PageError`].
#[derive(Clone)]
pub struct Failure {
    /// The error's own message, when no sentence of ours says it better.
    pub detail: Option<String>,
    /// The same in the reader's language, when the error says it so.
    pub said: Option<crate::error::Said>,
}

/// The id of an error page's title and of its sentence, by status.
fn error_messages(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("error-title-400", "error-text-400"),
        401 => ("error-title-401", "error-text-401"),
        403 => ("error-title-403", "error-text-403"),
        404 => ("error-title-404", "error-text-404"),
        409 => ("error-title-409", "error-text-409"),
        413 => ("error-title-413", "error-text-413"),
        422 => ("error-title-422", "error-text-422"),
        429 => ("error-title-429", "error-text-429"),
        s if s >= 500 => ("error-title-500", "error-text-500"),
        _ => ("error-title-400", "error-text-400"),
    }
}

/// Renders every failed page as `error.html`, in the frame, with the person who
/// is signed in (so a signed-in person is not offered "Sign in" on an error).
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let headers = request.headers().clone();
    let path = request.uri().clone();
    let response = next.run(request).await;
    let Some(failure) = response.extensions().get::<Failure>().cloned() else {
        return response;
    };
    let viewer = session::signed_in(&state, &headers).await.unwrap_or(None);
    let lang = page_language(&state, &headers, viewer.as_ref().map(|(_, u)| u));
    let status = response.status();
    let body = state
        .templates
        .render(
            "error.html",
            minijinja::context! {
                instance_name => state.instance().name.clone(),
                title => i18n::text(lang, error_messages(status).0),
                message => i18n::text(lang, error_messages(status).1),
                detail => failure.said.as_ref().map(|s| s.in_lang(lang)).or(failure.detail),
                user => user_context(&viewer),
                lang => lang.code(),
                ui_languages => i18n::switcher(lang, path.path(), path.query()),
            },
        )
        .unwrap_or_else(|_| format!("<!doctype html><title>{status}</title><p>{status}</p>"));
    let (mut parts, _) = response.into_parts();
    parts.extensions.remove::<Failure>();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

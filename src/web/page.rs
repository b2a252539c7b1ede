//! The page frame: what every page needs, gathered once per request ([`Page`]:
//! the signed-in person, the CSRF token, the instance), and the one path by
//! which a failed page becomes `error.html` ([`error_pages`]).

use activitypub_federation::config::{Data, FederationConfig};
use axum::{
    body::Body,
    extract::{FromRequestParts, Request, State},
    http::{HeaderValue, StatusCode, header, request::Parts},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use serde::Serialize;

use crate::{
    AppState,
    accounts::{
        model::{Account, User},
        session::{self, CsrfToken, CurrentUser, user_context},
    },
    error::AppError,
    web::PageError,
};

/// What every page handler starts from: the state, the person signed in on this
/// browser (if any) and its CSRF token.
pub struct Page {
    pub data: Data<AppState>,
    pub viewer: Option<(Account, User)>,
    pub csrf: CsrfToken,
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
        Ok(Page { data, viewer, csrf })
    }
}

impl Page {
    /// `template` rendered with `context` and the frame's own values (the
    /// instance's name, the person), as a 200 page.
    pub fn render(&self, template: &str, context: impl Serialize) -> Result<Response, PageError> {
        let html = self.html(template, context)?;
        Ok(Html(html).into_response())
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
        Ok(response)
    }

    fn html(&self, template: &str, context: impl Serialize) -> Result<String, PageError> {
        let context = minijinja::Value::from_serialize(&context);
        let frame = minijinja::context! {
            instance_name => self.data.settings.instance.name,
            user => user_context(&self.viewer),
            ..context
        };
        Ok(self.data.templates.render(template, frame)?)
    }
}

/// What a failed page says, left in its response by [`PageError`].
#[derive(Clone)]
pub struct Failure {
    pub title: String,
    pub message: String,
}

/// Renders every failed page as `error.html`, in the frame, with the person who
/// is signed in (so a signed-in person is not offered "Sign in" on an error).
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let headers = request.headers().clone();
    let response = next.run(request).await;
    let Some(failure) = response.extensions().get::<Failure>().cloned() else {
        return response;
    };
    let viewer = session::signed_in(&state, &headers).await.unwrap_or(None);
    let status = response.status();
    let body = state
        .templates
        .render(
            "error.html",
            minijinja::context! {
                instance_name => state.settings.instance.name,
                title => failure.title,
                message => failure.message,
                user => user_context(&viewer),
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

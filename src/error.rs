//! One error type for every handler. Its response is always safe to show a client:
//! internal details are logged, never sent. The body has Mastodon's shape,
//! `{"error": "…"}` (OAuth errors add `error_description`, as Doorkeeper does).

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::json;

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("Record not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    /// A missing, unknown, expired or revoked token or session.
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    /// Input that parses but breaks a rule (Mastodon's 422 "Validation failed: …").
    #[error("{0}")]
    Unprocessable(String),
    /// The same, with what the pages say about it in a person's language.
    #[error("{text}")]
    Invalid { text: String, said: Box<Said> },
    #[error("{0}")]
    PayloadTooLarge(String),
    /// Too many attempts (sign-in); try again after `retry_after` seconds.
    #[error("Too many requests")]
    TooManyRequests { retry_after: u64 },
    /// Too much is going on (uploads at once): try again in a minute.
    #[error("{0}")]
    Busy(String),
    /// An OAuth 2 error, with the status and codes RFC 6749 and Doorkeeper use.
    #[error("{error}: {description}")]
    OAuth {
        status: StatusCode,
        error: &'static str,
        description: &'static str,
    },
    /// Another server could not be reached or sent something unusable. The text
    /// is for the log only: it may quote what the other server sent.
    #[error("{0}")]
    Remote(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// What a refusal says on the pages: a message of `frontend/locales`, its
/// variables, and the field it is about (named by the message `field-NAME`,
/// given to the message as `field`).
#[derive(Debug, Clone)]
pub struct Said {
    pub id: &'static str,
    pub field: Option<String>,
    pub args: Vec<(&'static str, String)>,
}

impl Said {
    /// The message in `lang`.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use fluent_templates::fluent_bundle::FluentValue;
        let field = self.field.as_ref().map(|f| {
            let id = format!("field-{}", f.to_lowercase().replace(['_', ' '], "-"));
            crate::i18n::text(lang, &id)
        });
        let mut args: Vec<(&str, FluentValue)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
            .collect();
        if let Some(f) = &field {
            args.push(("field", FluentValue::from(f.as_str())));
        }
        crate::i18n::message(lang, self.id, &args)
    }
}

impl AppError {
    pub fn bad_request(msg: impl Into<String>) -> Self {
        AppError::BadRequest(msg.into())
    }

    pub fn validation(msg: impl std::fmt::Display) -> Self {
        AppError::Unprocessable(format!("Validation failed: {msg}"))
    }

    /// A refusal that the pages say in their language: the message `id` of
    /// `frontend/locales`, about `field` (if any), with `args`. The API keeps
    /// the English text it had.
    pub fn said(
        self,
        id: &'static str,
        field: Option<&str>,
        args: &[(&'static str, String)],
    ) -> Self {
        match self {
            AppError::Unprocessable(text) => AppError::Invalid {
                text,
                said: Box::new(Said {
                    id,
                    field: field.map(str::to_string),
                    args: args.to_vec(),
                }),
            },
            other => other,
        }
    }

    /// What a form page says of this error, in `lang`: the translation when
    /// there is one, else the client message.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        match self {
            AppError::Invalid { said, .. } => said.in_lang(lang),
            other => other.client_message(),
        }
    }

    /// Whether the input broke a rule (a 422 the form shows with its input).
    pub fn is_invalid(&self) -> bool {
        matches!(self, AppError::Unprocessable(_) | AppError::Invalid { .. })
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unprocessable(_) | AppError::Invalid { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::OAuth { status, .. } => *status,
            // What another server sent that we cannot use is a refusal of the
            // request that needed it (a 5xx would make a sender retry for days).
            AppError::Remote(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The text a client may see.
    pub fn client_message(&self) -> String {
        match self {
            AppError::Internal(_) => "Internal server error".to_string(),
            AppError::Remote(_) => "The object could not be read from its server".to_string(),
            AppError::OAuth { description, .. } => description.to_string(),
            other => other.to_string(),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<activitypub_federation::error::Error> for AppError {
    fn from(err: activitypub_federation::error::Error) -> Self {
        use activitypub_federation::error::Error as E;
        match err {
            E::NotFound | E::ObjectDeleted(_) | E::WebfingerResolveFailed(_) => AppError::NotFound,
            E::UrlVerificationError(msg) => AppError::BadRequest(msg.to_string()),
            E::DomainResolveError(_) | E::ResolveInternalIpError(..) => {
                AppError::BadRequest("That address is not allowed".into())
            }
            E::ActivitySignatureInvalid => AppError::Unauthorized("Invalid HTTP signature".into()),
            E::ActivityBodyDigestInvalid => {
                AppError::BadRequest("Digest does not match body".into())
            }
            E::ParseReceivedActivity { err, .. } => AppError::BadRequest(format!(
                "Malformed activity (line {}, column {})",
                err.line(),
                err.column()
            )),
            e @ (E::RequestLimit
            | E::ResponseBodyLimit
            | E::ParseFetchedObject(..)
            | E::FetchInvalidContentType(_)
            | E::FetchWrongId(_)
            | E::Utf8(_)
            | E::UrlParse(_)
            | E::Reqwest(_)
            | E::ReqwestMiddleware(_)) => AppError::Remote(e.to_string()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let AppError::Busy(_) = &self {
            tracing::warn!(error = %self, "request turned away");
        } else if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else if let AppError::Remote(detail) = &self {
            tracing::info!(error = %detail, "another server's object could not be used");
        } else {
            tracing::debug!(error = %self, status = status.as_u16(), "request refused");
        }
        let body = match &self {
            AppError::OAuth {
                error, description, ..
            } => json!({ "error": error, "error_description": description }),
            other => json!({ "error": other.client_message() }),
        };
        let mut response = (status, Json(body)).into_response();
        self.add_retry_after(&mut response);
        response
    }
}

impl AppError {
    /// Says when to come back, on a 429.
    pub fn add_retry_after(&self, response: &mut Response) {
        let seconds = match self {
            AppError::TooManyRequests { retry_after } => *retry_after,
            // Uploads wait at most 30 s for a turn: a minute later is a fair try.
            AppError::Busy(_) => 60,
            _ => return,
        };
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
}

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

impl AppError {
    pub fn bad_request(msg: impl Into<String>) -> Self {
        AppError::BadRequest(msg.into())
    }

    pub fn validation(msg: impl std::fmt::Display) -> Self {
        AppError::Unprocessable(format!("Validation failed: {msg}"))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
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

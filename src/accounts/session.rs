//! Web sign-in: session cookies, CSRF tokens and the signed-in-person extractor.
//!
//! The session cookie holds a random token; the database keeps only its SHA-256.
//! Forms carry a CSRF token that must match the CSRF cookie (double submit), and a
//! form posted from another origin is refused (`Origin`, `Sec-Fetch-Site`). Every
//! cookie is `SameSite=Lax` and `HttpOnly`; on https instances they are `Secure` and
//! named with the `__Host-` prefix, so a sibling subdomain cannot plant them.

use activitypub_federation::config::{Data, FederationConfig};
use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::{
    AppState,
    accounts::{
        model::{Account, User},
        store,
    },
    db::Db,
    error::{AppError, AppResult},
};

const SESSION_COOKIE: &str = "collegium_session";
const CSRF_COOKIE: &str = "collegium_csrf";
const SESSION_DAYS: i64 = 30;

/// A random token, URL-safe, 256 bits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets without revealing where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of one cookie from the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The name a cookie has on this instance: `__Host-` prefixed over https.
pub fn cookie_name(state: &AppState, base: &str) -> String {
    if state.settings.uses_plain_http() {
        base.to_string()
    } else {
        format!("__Host-{base}")
    }
}

/// A `Set-Cookie` value with our attributes (Secure when served over https).
pub fn set_cookie(state: &AppState, base: &str, value: &str, max_age_seconds: i64) -> HeaderValue {
    let name = cookie_name(state, base);
    let secure = if state.settings.uses_plain_http() {
        ""
    } else {
        "; Secure"
    };
    let text = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}"
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Starts a session for a person; returns the `Set-Cookie` values: the session,
/// and a fresh CSRF token (a token from before signing in is not trusted after).
pub async fn start_session(
    state: &AppState,
    user_id: i64,
    headers: &HeaderMap,
) -> AppResult<Vec<HeaderValue>> {
    let token = random_token();
    let now = Utc::now();
    let expires = now + Duration::days(SESSION_DAYS);
    // The browser, so the person can tell their sessions apart later.
    let user_agent: Option<String> = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().filter(|c| !c.is_control()).take(300).collect());
    store::insert_session(
        &state.db,
        &token_hash(&token),
        user_id,
        now,
        expires,
        user_agent.as_deref(),
    )
    .await?;
    let session = set_cookie(state, SESSION_COOKIE, &token, SESSION_DAYS * 24 * 3600);
    let csrf = CsrfToken::fresh().cookie(state);
    Ok(std::iter::once(session).chain(csrf).collect())
}

/// Ends the session the request carries (if any); returns the clearing cookie.
pub async fn end_session(state: &AppState, headers: &HeaderMap) -> AppResult<HeaderValue> {
    if let Some(token) = cookie(headers, &cookie_name(state, SESSION_COOKIE)) {
        store::delete_session(&state.db, &token_hash(token)).await?;
    }
    Ok(set_cookie(state, SESSION_COOKIE, "", 0))
}

async fn session_user(db: &Db, token: &str) -> AppResult<Option<(Account, User)>> {
    match store::session_user_id(db, &token_hash(token), Utc::now()).await? {
        Some(id) => {
            let pair = store::find_user_by_id(db, id).await?;
            // A suspended person's browser is signed out even mid-suspension.
            if pair.as_ref().is_some_and(|(_, u)| u.barred()) {
                return Ok(None);
            }
            store::touch_active(db, id).await?;
            Ok(pair)
        }
        None => Ok(None),
    }
}

/// The hash of the session this request carries, if any (to tell "this
/// browser" among a person's sessions).
pub fn current_session_hash(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookie(headers, &cookie_name(state, SESSION_COOKIE)).map(token_hash)
}

/// The person signed in with these request headers' session cookie, if any.
pub async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> AppResult<Option<(Account, User)>> {
    match cookie(headers, &cookie_name(state, SESSION_COOKIE)) {
        Some(token) => session_user(&state.db, token).await,
        None => Ok(None),
    }
}

/// The person signed in on this browser, if any.
pub struct CurrentUser(pub Option<(Account, User)>);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let config = parts
            .extensions
            .get::<FederationConfig<AppState>>()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("federation config missing")))?;
        let data: Data<AppState> = config.to_request_data();
        let Some(token) = cookie(&parts.headers, &cookie_name(&data, SESSION_COOKIE)) else {
            return Ok(CurrentUser(None));
        };
        Ok(CurrentUser(session_user(&data.db, token).await?))
    }
}

/// The CSRF token for this browser: the cookie's, or a new one (then `set_cookie`
/// must be sent with the page).
pub struct CsrfToken {
    pub token: String,
    pub is_new: bool,
}

impl CsrfToken {
    pub fn from_headers(state: &AppState, headers: &HeaderMap) -> CsrfToken {
        match cookie(headers, &cookie_name(state, CSRF_COOKIE)).filter(|t| t.len() >= 32) {
            Some(t) => CsrfToken {
                token: t.to_string(),
                is_new: false,
            },
            None => CsrfToken {
                token: random_token(),
                is_new: true,
            },
        }
    }

    /// A new token, for a browser that has just signed in.
    pub fn fresh() -> CsrfToken {
        CsrfToken {
            token: random_token(),
            is_new: true,
        }
    }

    /// The cookie to send when the token is new.
    pub fn cookie(&self, state: &AppState) -> Option<HeaderValue> {
        self.is_new
            .then(|| set_cookie(state, CSRF_COOKIE, &self.token, SESSION_DAYS * 24 * 3600))
    }
}

/// Checks that a submitted form came from one of our pages: its token matches the
/// browser's CSRF cookie, and the browser does not say it came from elsewhere.
pub fn verify_csrf(state: &AppState, headers: &HeaderMap, submitted: &str) -> AppResult<()> {
    let refused = || {
        AppError::Forbidden(
            "This form has expired or did not come from this site. Go back, reload the page and try again."
                .into(),
        )
    };
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(origin) = header("origin")
        && origin != "null"
        && origin != state.settings.base_url()
    {
        return Err(refused());
    }
    if let Some(site) = header("sec-fetch-site")
        && !matches!(site, "same-origin" | "none")
    {
        return Err(refused());
    }
    match cookie(headers, &cookie_name(state, CSRF_COOKIE)) {
        Some(expected) if !submitted.is_empty() && constant_time_eq(expected, submitted) => Ok(()),
        _ => Err(refused()),
    }
}

/// Template context for the signed-in person (or none).
pub fn user_context(current: &Option<(Account, User)>) -> minijinja::Value {
    match current {
        Some((a, u)) => minijinja::context! {
            username => a.username,
            name => a.shown_name(),
            role => u.role.as_str(),
            default_visibility => u.default_visibility(),
        },
        None => minijinja::Value::from(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; collegium_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}

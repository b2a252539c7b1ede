//! OAuth 2 for apps, as Mastodon (Doorkeeper) does it: app registration, the
//! authorization-code flow with PKCE, the password and client-credentials grants,
//! revocation, and the scopes every token carries.

use activitypub_federation::config::Data;
use axum::{
    Form, Json,
    extract::Query,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::Url;

use crate::{
    AppState,
    accounts::tokens::Scopes,
    accounts::{
        model,
        session::{self, constant_time_eq, random_token, token_hash},
        store, throttle,
    },
    api::{Auth, Params},
    db::Db,
    error::{AppError, AppResult},
    web::{ClientIp, PageError, page::Page},
};

pub const OOB_REDIRECT: &str = "urn:ietf:wg:oauth:2.0:oob";
const CODE_MINUTES: i64 = 10;
const MAX_APP_NAME: usize = 60;
const MAX_REDIRECT_URIS: usize = 10;

impl OAuthApp {
    pub fn redirect_uri_list(&self) -> Vec<String> {
        self.redirect_uris.lines().map(str::to_string).collect()
    }

    pub fn scope_set(&self) -> AppResult<Scopes> {
        Scopes::parse(&self.scopes)
    }

    fn secret_matches(&self, secret: &str) -> bool {
        constant_time_eq(&self.client_secret_hash, &token_hash(secret))
    }
}

pub use crate::accounts::store::OAuthApp;

async fn find_app(db: &Db, client_id: &str) -> AppResult<Option<OAuthApp>> {
    Ok(store::find_app(db, client_id).await?)
}

async fn find_app_by_id(db: &Db, id: i64) -> AppResult<Option<OAuthApp>> {
    Ok(store::find_app_by_id(db, id).await?)
}

async fn issue_token(
    db: &Db,
    app_id: i64,
    user_id: Option<i64>,
    scopes: &Scopes,
) -> AppResult<(String, DateTime<Utc>)> {
    let token = random_token();
    let now = Utc::now();
    store::insert_token(
        db,
        &token_hash(&token),
        app_id,
        user_id,
        &scopes.to_string(),
        now,
    )
    .await?;
    Ok((token, now))
}

fn oauth_error(status: StatusCode, error: &'static str, description: &'static str) -> AppError {
    AppError::OAuth {
        status,
        error,
        description,
    }
}

fn invalid_client() -> AppError {
    oauth_error(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    )
}

fn invalid_grant() -> AppError {
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
    )
}

fn invalid_scope() -> AppError {
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_scope",
        "The requested scope is invalid, unknown, or malformed.",
    )
}

/// Whether a redirect URI is acceptable for an app: absolute, no fragment, or
/// the out-of-band marker.
fn valid_redirect_uri(uri: &str) -> bool {
    uri == OOB_REDIRECT
        || Url::parse(uri).is_ok_and(|u| {
            u.fragment().is_none() && !matches!(u.scheme(), "javascript" | "data" | "vbscript")
        })
}

// ----- POST /api/v1/apps -----

#[derive(Deserialize)]
pub struct CreateAppParams {
    client_name: Option<String>,
    #[serde(default, deserialize_with = "crate::api::flex_list_lines")]
    redirect_uris: Option<Vec<String>>,
    scopes: Option<String>,
    website: Option<String>,
}

fn app_json(app: &OAuthApp, secret: Option<&str>) -> AppResult<Value> {
    let uris = app.redirect_uri_list();
    let mut body = json!({
        "id": app.id.to_string(),
        "name": app.name,
        "website": app.website,
        "scopes": app.scope_set()?.list(),
        "redirect_uri": uris.join("\n"),
        "redirect_uris": uris,
        "vapid_key": "",
    });
    if let Some(secret) = secret {
        body["client_id"] = json!(app.client_id);
        body["client_secret"] = json!(secret);
        body["client_secret_expires_at"] = json!(0);
    }
    Ok(body)
}

pub async fn create_app(
    data: Data<AppState>,
    Params(params): Params<CreateAppParams>,
) -> AppResult<Json<Value>> {
    let name = params.client_name.unwrap_or_default().trim().to_string();
    if name.is_empty() {
        return Err(AppError::validation("Application name can't be blank"));
    }
    if name.chars().count() > MAX_APP_NAME {
        return Err(AppError::validation(format!(
            "Application name is too long (maximum is {MAX_APP_NAME} characters)"
        )));
    }
    let uris: Vec<String> = params
        .redirect_uris
        .unwrap_or_default()
        .into_iter()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .collect();
    if uris.is_empty() {
        return Err(AppError::validation("Redirect URI can't be blank"));
    }
    if uris.len() > MAX_REDIRECT_URIS || uris.iter().any(|u| u.len() > 2000) {
        return Err(AppError::validation("Redirect URI is too long"));
    }
    if !uris.iter().all(|u| valid_redirect_uri(u)) {
        return Err(AppError::validation(
            "Redirect URI must be an absolute URI.",
        ));
    }
    let scopes = crate::api::parse_scopes(params.scopes.as_deref(), "read")?;
    let website = match params
        .website
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
    {
        Some(w) => {
            let ok = Url::parse(&w).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !ok || w.len() > 2000 {
                return Err(AppError::validation("Website is invalid"));
            }
            Some(w)
        }
        None => None,
    };
    let client_id = random_token();
    let secret = random_token();
    let now = Utc::now();
    let id = store::insert_app(
        &data.db,
        &store::NewApp {
            name: &name,
            website: website.as_deref(),
            redirect_uris: &uris.join("\n"),
            scopes: &scopes.to_string(),
            client_id: &client_id,
            client_secret_hash: &token_hash(&secret),
        },
        now,
    )
    .await?;
    let app = find_app_by_id(&data.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(app_json(&app, Some(&secret))?))
}

/// `GET /api/v1/apps/verify_credentials`
pub async fn verify_app(data: Data<AppState>, auth: Auth) -> AppResult<Json<Value>> {
    let app = find_app_by_id(&data.db, auth.token.app_id)
        .await?
        .ok_or_else(|| AppError::Unauthorized("The access token is invalid".into()))?;
    Ok(Json(app_json(&app, None)?))
}

// ----- /oauth/authorize -----

#[derive(Deserialize, Serialize, Clone, Default)]
pub struct AuthorizeParams {
    #[serde(default)]
    response_type: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    code_challenge: Option<String>,
    #[serde(default)]
    code_challenge_method: Option<String>,
}

/// A checked authorization request.
struct AuthorizeRequest {
    app: OAuthApp,
    scopes: Scopes,
}

/// Checks an authorization request. Every problem is shown on a page rather than
/// sent back to the redirect URI: anyone can register an app, so an error redirect
/// without the person's say would make this an open redirector.
async fn check_authorize(db: &Db, p: &AuthorizeParams) -> AppResult<AuthorizeRequest> {
    let app = find_app(db, &p.client_id).await?.ok_or_else(|| {
        AppError::bad_request("Client authentication failed due to unknown client.")
    })?;
    if !app.redirect_uri_list().contains(&p.redirect_uri) {
        return Err(AppError::bad_request(
            "The redirect URI included is not valid.",
        ));
    }
    if p.response_type != "code" {
        return Err(AppError::bad_request(
            "The authorization server does not support this response type.",
        ));
    }
    let scopes = match Scopes::parse(
        p.scope
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or("read"),
    ) {
        Ok(s) if s.within(&app.scope_set()?) => s,
        _ => {
            return Err(AppError::bad_request(
                "The requested scope is invalid, unknown, or malformed.",
            ));
        }
    };
    match (
        p.code_challenge.as_deref(),
        p.code_challenge_method.as_deref(),
    ) {
        (None | Some(""), _) => {}
        (Some(challenge), Some("S256")) if challenge.len() >= 43 && challenge.len() <= 128 => {}
        _ => {
            return Err(AppError::bad_request(
                "The code challenge is invalid: use code_challenge_method=S256.",
            ));
        }
    }
    Ok(AuthorizeRequest { app, scopes })
}

fn redirect_with(uri: &str, pairs: &[(&str, Option<&str>)]) -> Response {
    match Url::parse(uri) {
        Ok(mut url) => {
            {
                let mut q = url.query_pairs_mut();
                for (k, v) in pairs {
                    if let Some(v) = v {
                        q.append_pair(k, v);
                    }
                }
            }
            Redirect::to(url.as_str()).into_response()
        }
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn with_cookies(
    mut response: Response,
    cookies: impl IntoIterator<Item = HeaderValue>,
) -> Response {
    for c in cookies {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

fn render_authorize(
    page: &Page,
    status: StatusCode,
    req: &AuthorizeRequest,
    params: &AuthorizeParams,
    error: Option<&str>,
) -> Result<Response, PageError> {
    page.render_form(
        status,
        "authorize.html",
        minijinja::context! {
            app_name => req.app.name,
            app_website => req.app.website,
            scopes => req.scopes.list(),
            params => params,
            error => error,
        },
    )
}

/// `GET /oauth/authorize`: the sign-in and consent page.
pub async fn authorize_page(
    page: Page,
    Query(params): Query<AuthorizeParams>,
) -> Result<Response, PageError> {
    let req = check_authorize(&page.data.db, &params).await?;
    render_authorize(&page, StatusCode::OK, &req, &params, None)
}

#[derive(Deserialize)]
pub struct AuthorizeForm {
    #[serde(flatten)]
    params: AuthorizeParams,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    login: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

/// `POST /oauth/authorize`: sign in if needed, then approve or deny.
pub async fn authorize_submit(
    mut page: Page,
    headers: HeaderMap,
    ClientIp(client): ClientIp,
    Form(form): Form<AuthorizeForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    session::verify_csrf(data, &headers, &form.csrf)?;
    let params = form.params;
    let req = check_authorize(&data.db, &params).await?;
    let mut cookies = Vec::new();
    let user = match page.viewer.clone() {
        Some((_, user)) => user,
        None => {
            let login = form.login.unwrap_or_default();
            let password = form.password.unwrap_or_default();
            let signed_in = match model::authenticate(data, &login, &password, client).await {
                Err(e @ AppError::TooManyRequests { retry_after }) => {
                    // The form again, saying why and for how long.
                    let message = throttle::wait_message(retry_after);
                    let mut response = render_authorize(
                        &page,
                        StatusCode::TOO_MANY_REQUESTS,
                        &req,
                        &params,
                        Some(&message),
                    )?;
                    e.add_retry_after(&mut response);
                    return Ok(response);
                }
                other => other?,
            };
            match signed_in {
                Ok(pair) => {
                    cookies.extend(session::start_session(data, pair.1.id, &headers).await?);
                    // Signed in from here on (the code page says as whom).
                    let user = pair.1.clone();
                    page.viewer = Some(pair);
                    user
                }
                Err(refused) => {
                    return render_authorize(
                        &page,
                        StatusCode::UNAUTHORIZED,
                        &req,
                        &params,
                        Some(&page.t(refused.message_id())),
                    );
                }
            }
        }
    };
    if form.decision != "approve" {
        if params.redirect_uri == OOB_REDIRECT {
            return Err(PageError::from(AppError::Forbidden(
                page.t("authorize-denied"),
            )));
        }
        return Ok(with_cookies(
            redirect_with(
                &params.redirect_uri,
                &[
                    ("error", Some("access_denied")),
                    ("state", params.state.as_deref()),
                ],
            ),
            cookies,
        ));
    }
    let code = random_token();
    let now = Utc::now();
    let challenge = params.code_challenge.clone().filter(|c| !c.is_empty());
    store::insert_code(
        &data.db,
        &store::NewCode {
            code_hash: &token_hash(&code),
            app_id: req.app.id,
            user_id: user.id,
            redirect_uri: &params.redirect_uri,
            scopes: &req.scopes.to_string(),
            code_challenge: challenge.as_deref(),
            code_challenge_method: challenge.as_ref().map(|_| "S256"),
        },
        now,
        now + Duration::minutes(CODE_MINUTES),
    )
    .await?;
    if params.redirect_uri == OOB_REDIRECT {
        let response = page.render(
            "oauth_code.html",
            minijinja::context! {
                app_name => req.app.name,
                code => code,
            },
        )?;
        return Ok(with_cookies(response, cookies));
    }
    Ok(with_cookies(
        redirect_with(
            &params.redirect_uri,
            &[("code", Some(&code)), ("state", params.state.as_deref())],
        ),
        cookies,
    ))
}

// ----- POST /oauth/token -----

#[derive(Deserialize, Default)]
pub struct TokenParams {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    username: Option<String>,
    password: Option<String>,
    scope: Option<String>,
}

/// Client id and secret from the body, or from HTTP Basic authentication.
fn client_credentials(headers: &HeaderMap, p: &TokenParams) -> (Option<String>, Option<String>) {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            s.split_once(':')
                .map(|(id, secret)| (id.to_string(), secret.to_string()))
        });
    match basic {
        Some((id, secret)) => (Some(id), Some(secret)),
        None => (p.client_id.clone(), p.client_secret.clone()),
    }
}

pub async fn token(
    data: Data<AppState>,
    headers: HeaderMap,
    ClientIp(client): ClientIp,
    Params(p): Params<TokenParams>,
) -> AppResult<Response> {
    let grant_type = p.grant_type.clone().unwrap_or_default();
    if grant_type.is_empty() {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.",
        ));
    }
    if !matches!(
        grant_type.as_str(),
        "authorization_code" | "password" | "client_credentials"
    ) {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server.",
        ));
    }
    let (client_id, client_secret) = client_credentials(&headers, &p);
    let app = match client_id.as_deref() {
        Some(id) if !id.is_empty() => find_app(&data.db, id).await?,
        _ => None,
    }
    .ok_or_else(invalid_client)?;
    let has_verifier = p.code_verifier.as_deref().is_some_and(|v| !v.is_empty());
    let secret_ok = client_secret
        .as_deref()
        .is_some_and(|s| app.secret_matches(s));
    // A public client using PKCE may leave the secret out; a wrong secret is never fine.
    let pkce_public = grant_type == "authorization_code" && has_verifier && client_secret.is_none();
    if !secret_ok && !pkce_public {
        return Err(invalid_client());
    }
    let app_scopes = app.scope_set()?;

    let (user_id, scopes) = match grant_type.as_str() {
        "authorization_code" => {
            let code = p
                .code
                .clone()
                .filter(|c| !c.is_empty())
                .ok_or_else(invalid_grant)?;
            let row = store::find_code(&data.db, &token_hash(&code)).await?;
            let row = row.ok_or_else(invalid_grant)?;
            // A code works once, whatever happens next.
            let deleted = store::delete_code(&data.db, row.id).await?;
            if deleted != 1
                || row.app_id != app.id
                || row.expires_at < Utc::now()
                || p.redirect_uri.as_deref() != Some(row.redirect_uri.as_str())
            {
                return Err(invalid_grant());
            }
            match (&row.code_challenge, p.code_verifier.as_deref()) {
                (Some(challenge), Some(verifier)) => {
                    let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
                    if !constant_time_eq(&computed, challenge) {
                        return Err(invalid_grant());
                    }
                }
                (Some(_), None) => return Err(invalid_grant()),
                (None, Some(_)) if !secret_ok => return Err(invalid_grant()),
                _ => {}
            }
            let barred = store::find_user_by_id(&data.db, row.user_id)
                .await?
                .is_none_or(|(_, u)| u.barred());
            if barred {
                return Err(invalid_grant());
            }
            (Some(row.user_id), Scopes::parse(&row.scopes)?)
        }
        "password" => {
            let scopes = requested_scopes(p.scope.as_deref(), &app_scopes)?;
            let login = p.username.clone().unwrap_or_default();
            let password = p.password.clone().unwrap_or_default();
            let (_, user) = model::authenticate(&data, &login, &password, client)
                .await?
                .map_err(|_| invalid_grant())?;
            (Some(user.id), scopes)
        }
        _ => (None, requested_scopes(p.scope.as_deref(), &app_scopes)?),
    };
    let (token, created_at) = issue_token(&data.db, app.id, user_id, &scopes).await?;
    let body = json!({
        "access_token": token,
        "token_type": "Bearer",
        "scope": scopes.to_string(),
        "created_at": created_at.timestamp(),
    });
    Ok((
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(body),
    )
        .into_response())
}

fn requested_scopes(requested: Option<&str>, app_scopes: &Scopes) -> AppResult<Scopes> {
    let scopes = match requested.filter(|s| !s.trim().is_empty()) {
        Some(text) => Scopes::parse(text).map_err(|_| invalid_scope())?,
        None => Scopes::parse("read")?,
    };
    if scopes.within(app_scopes) {
        Ok(scopes)
    } else {
        Err(invalid_scope())
    }
}

// ----- POST /oauth/revoke -----

#[derive(Deserialize, Default)]
pub struct RevokeParams {
    token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// Revokes a token the app owns. Like Doorkeeper, an unknown token is not an
/// error (RFC 7009), but an unknown client or a wrong secret is. Revoking needs the
/// token itself, so a client without its secret (PKCE) may revoke its own tokens.
pub async fn revoke(
    data: Data<AppState>,
    headers: HeaderMap,
    Params(p): Params<RevokeParams>,
) -> AppResult<Json<Value>> {
    let as_token_params = TokenParams {
        client_id: p.client_id.clone(),
        client_secret: p.client_secret.clone(),
        ..TokenParams::default()
    };
    let (client_id, secret) = client_credentials(&headers, &as_token_params);
    let app = match client_id.as_deref() {
        Some(id) if !id.is_empty() => find_app(&data.db, id).await?,
        _ => None,
    };
    let unauthorized = || {
        oauth_error(
            StatusCode::FORBIDDEN,
            "unauthorized_client",
            "You are not authorized to revoke this token",
        )
    };
    let app = app.ok_or_else(unauthorized)?;
    // A public (PKCE) client has no secret to send; a wrong secret is never fine.
    if secret.as_deref().is_some_and(|s| !app.secret_matches(s)) {
        return Err(unauthorized());
    }
    if let Some(token) = p.token.filter(|t| !t.is_empty()) {
        let now = Utc::now();
        store::revoke_token(&data.db, &token_hash(&token), app.id, now).await?;
    }
    Ok(Json(json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_scopes_grant_children() {
        let s = Scopes::parse("read write:statuses follow").unwrap();
        assert!(s.allows("read"));
        assert!(s.allows("read:accounts"));
        assert!(s.allows("write:statuses"));
        assert!(!s.allows("write"));
        assert!(!s.allows("write:accounts"));
        assert!(s.allows("write:follows"));
        assert!(!s.allows("admin:read"));
    }

    #[test]
    fn unknown_scopes_are_refused() {
        assert!(Scopes::parse("read everything").is_err());
        assert!(Scopes::parse("").is_err());
        assert_eq!(
            Scopes::parse("read+write").unwrap().to_string(),
            "read write"
        );
    }

    #[test]
    fn scope_subsets() {
        let app = Scopes::parse("read write").unwrap();
        assert!(Scopes::parse("read:accounts").unwrap().within(&app));
        assert!(!Scopes::parse("follow").unwrap().within(&app));
    }

    #[test]
    fn redirect_uris_must_be_absolute() {
        assert!(valid_redirect_uri(OOB_REDIRECT));
        assert!(valid_redirect_uri("https://app.example/callback"));
        assert!(valid_redirect_uri("org.joinmastodon.app://callback"));
        assert!(!valid_redirect_uri("/callback"));
        assert!(!valid_redirect_uri("not a uri"));
    }
}

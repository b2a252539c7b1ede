//! People's pages: profiles (HTML or the actor document, by `Accept`), their
//! collections, and signing in, up and out.

use activitypub_federation::{axum::json::FederationJson, config::Data};
use axum::{
    Form,
    extract::{Path, Query},
    http::{HeaderMap, Method, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use serde_json::json;

use crate::{
    AppState,
    accounts::{
        apub::actor_document,
        model::{self, NewUser, Role},
        session, store, throttle,
    },
    error::AppError,
    federation::{signed_fetch::require_signature, wants_activity_json},
    web::{ClientIp, PageError, page::Page, safe_local_path, sign_in_to},
};

/// `GET /users/{name}` and `GET /@{name}`: the actor document for ActivityPub
/// clients, the profile page for browsers.
pub async fn profile(
    page: Page,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let json = wants_activity_json(&headers);
    // `/@name@domain`: someone from another server we know, as a page here.
    if let Some((user, domain)) = name.split_once('@') {
        if json {
            return Ok(AppError::NotFound.into_response());
        }
        let account = store::find_remote_by_acct(&data.db, user, domain)
            .await?
            .ok_or_else(|| PageError::from(AppError::NotFound))?;
        return profile_page(&page, account).await;
    }
    let account = store::find_local_by_username(&data.db, &name).await?;
    let Some(account) = account else {
        if json {
            return Ok(AppError::NotFound.into_response());
        }
        return Err(PageError::from(AppError::NotFound));
    };
    if json {
        return Ok(actor_document(data, &headers, &method, &uri, account).await);
    }
    let mut response = profile_page(&page, account).await?;
    response
        .headers_mut()
        .insert(header::VARY, axum::http::HeaderValue::from_static("Accept"));
    Ok(response)
}

/// A person's page: who they are, follow, their posts we may show.
async fn profile_page(page: &Page, account: model::Account) -> Result<Response, PageError> {
    let data = &page.data;
    let current = &page.viewer;
    let viewer = current.as_ref().map(|(a, _)| a);
    let (followers, following) = crate::follows::store::counts(&data.db, account.id).await?;
    let relationship = match viewer {
        Some(v) => crate::follows::store::find(&data.db, v.id, account.id)
            .await?
            .map(|f| if f.accepted { "following" } else { "requested" })
            .unwrap_or("none"),
        None => "none",
    };
    let visible: &[&str] = if viewer.is_some_and(|v| v.id == account.id) {
        &["public", "unlisted", "private", "direct"]
    } else if relationship == "following" {
        &["public", "unlisted", "private"]
    } else {
        &["public", "unlisted"]
    };
    let statuses =
        crate::posts::store::by_account(&data.db, account.id, visible, i64::MAX, 20).await?;
    let posts = crate::publishing::pages::post_views(data, &statuses, viewer).await?;
    page.render_form(
        StatusCode::OK,
        "profile.html",
        minijinja::context! {
            domain => data.settings.domain,
            posts => posts,
            person => minijinja::context! {
                handle => account.handle(&data.settings.domain),
                path => account.profile_path(),
                remote_url => (!account.is_local()).then(|| account.profile_url()),
                followers => followers,
                following => following,
                relationship => relationship,
                username => account.username,
                name => account.shown_name(),
                note_html => account.note_html,
                avatar_url => account.avatar_url,
                header_url => account.header_url,
                // Each fact by its label's id (`profile-fact-education-levels`).
                facts => account
                    .profile
                    .labelled_in(page.lang.code())
                    .into_iter()
                    .map(|(label, value)| (label.to_lowercase().replace(' ', "-"), value))
                    .collect::<Vec<_>>(),
                joined => account.created_at.to_rfc3339(),
                actor_url => account.ap_id.as_str(),
                is_self => current.as_ref().is_some_and(|(a, _)| a.id == account.id),
            },
        },
    )
}

#[derive(Deserialize)]
pub struct FollowForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
}

/// `POST /@{name}/follow`: the follow button on a profile page.
pub async fn follow_form(
    page: Page,
    headers: HeaderMap,
    Path(name): Path<String>,
    Form(form): Form<FollowForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to(&format!("/@{name}")));
    };
    session::verify_csrf(data, &headers, &form.csrf)?;
    let target = match name.split_once('@') {
        Some((user, domain)) => store::find_remote_by_acct(&data.db, user, domain).await?,
        None => store::find_local_by_username(&data.db, &name).await?,
    }
    .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let result = if form.action == "unfollow" {
        crate::follows::model::unfollow(data, me, &target).await
    } else {
        crate::follows::model::follow(data, me, &target)
            .await
            .map(|_| ())
    };
    result?;
    Ok(Redirect::to(&target.profile_path()).into_response())
}

#[derive(Deserialize)]
pub struct RemoteFollowQuery {
    #[serde(default)]
    server: String,
}

/// The host of a server as a visitor types it: `mastodon.social`,
/// `https://mastodon.social/`, or their whole handle `@me@mastodon.social`.
fn visitor_server(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let typed = typed.rsplit('@').next().unwrap_or(typed);
    let typed = typed
        .strip_prefix("https://")
        .or_else(|| typed.strip_prefix("http://"))
        .unwrap_or(typed)
        .trim_end_matches('/');
    if typed.is_empty() || typed.contains(['/', '?', '#', ' ']) {
        return None;
    }
    let url = url::Url::parse(&format!("https://{typed}")).ok()?;
    let host = url.host_str()?;
    host.contains('.').then(|| match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

/// `GET /@{name}/remote_follow?server=`: "follow from your server": the visitor
/// is sent to their own server's remote-interaction page for this person (as
/// Mastodon does), which asks them to confirm there. Nothing is fetched here.
pub async fn remote_follow(
    page: Page,
    Path(name): Path<String>,
    Query(q): Query<RemoteFollowQuery>,
) -> Result<Response, PageError> {
    let data = &page.data;
    let account = store::find_local_by_username(&data.db, &name)
        .await?
        .ok_or_else(|| PageError::from(AppError::NotFound))?;
    let server = visitor_server(&q.server).ok_or_else(|| {
        PageError::from(AppError::validation(
            page.t("profile-remote-follow-invalid"),
        ))
    })?;
    let uri: String =
        url::form_urlencoded::byte_serialize(account.ap_id.as_str().as_bytes()).collect();
    Ok(Redirect::to(&format!("https://{server}/authorize_interaction?uri={uri}")).into_response())
}

/// Items per page of an ActivityPub collection.
const COLLECTION_PAGE: i64 = 40;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

/// `GET /users/{name}/outbox|followers|following`: ordered collections, paged as
/// Mastodon pages them.
pub async fn collection(
    data: Data<AppState>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    Path((name, which)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    require_signature(&data, &headers, &method, &uri).await?;
    if !matches!(which.as_str(), "outbox" | "followers" | "following") {
        return Err(AppError::NotFound);
    }
    let account = store::find_local_by_username(&data.db, &name)
        .await?
        .ok_or(AppError::NotFound)?;
    let id = format!("{}/{which}", account.ap_id);
    let page_number: Option<i64> = match q.page.as_deref() {
        None => None,
        Some("true") => Some(1),
        Some(p) => Some(
            p.parse()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AppError::bad_request("page must be a number from 1"))?,
        ),
    };
    // Nothing is posted yet, so the outbox is truly empty; follows are real.
    let (followers, following) = crate::follows::store::counts(&data.db, account.id).await?;
    let total = match which.as_str() {
        "followers" => followers,
        "following" => following,
        _ => 0,
    };
    let mut items: Vec<serde_json::Value> = Vec::new();
    if let Some(n) = page_number
        && which != "outbox"
    {
        // Offset paging by page number, as Mastodon's collections do.
        let rows = crate::follows::store::list(
            &data.db,
            account.id,
            which == "followers",
            true,
            None,
            n * COLLECTION_PAGE,
        )
        .await?;
        items = rows
            .into_iter()
            .skip(usize::try_from((n - 1) * COLLECTION_PAGE).unwrap_or(usize::MAX))
            .map(|(_, a)| serde_json::Value::String(a.ap_id.to_string()))
            .collect();
    }
    let body = match q.page.as_deref() {
        None => json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": id,
            "type": "OrderedCollection",
            "totalItems": total,
            "first": format!("{id}?page=1"),
        }),
        Some(_) => {
            let n = page_number.unwrap_or(1);
            let mut page = json!({
                "@context": "https://www.w3.org/ns/activitystreams",
                "id": format!("{id}?page={n}"),
                "type": "OrderedCollectionPage",
                "totalItems": total,
                "partOf": id,
                "orderedItems": items,
            });
            if n * COLLECTION_PAGE < total {
                page["next"] = json!(format!("{id}?page={}", n + 1));
            }
            if n > 1 {
                page["prev"] = json!(format!("{id}?page={}", n - 1));
            }
            page
        }
    };
    Ok(FederationJson(body).into_response())
}

// ----- sign in / sign out / sign up -----

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
    /// Just signed up, waiting for an admin's approval.
    waiting: Option<String>,
}

/// Only local paths are followed after signing in (see `web::safe_local_path`).
fn safe_next(next: Option<&str>) -> String {
    // After signing in: back where one came from, else the timeline.
    next.and_then(safe_local_path)
        .unwrap_or("/home")
        .to_string()
}

fn render_sign_in(
    page: &Page,
    status: StatusCode,
    next: &str,
    login: &str,
    error: Option<&str>,
) -> Result<Response, PageError> {
    page.render_form(
        status,
        "sign_in.html",
        minijinja::context! {
            next => next,
            login => login,
            error => error,
            registrations_open => page.data.instance().registrations_open,
        },
    )
}

/// `GET /auth/sign_in`
pub async fn sign_in_page(page: Page, Query(q): Query<NextQuery>) -> Result<Response, PageError> {
    let next = safe_next(q.next.as_deref());
    if page.viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    if q.waiting.is_some() {
        let notice = page.t("sign-up-waiting");
        return page.render_form(
            StatusCode::OK,
            "sign_in.html",
            minijinja::context! {
                next => next,
                login => "",
                notice => notice,
                registrations_open => page.data.instance().registrations_open,
            },
        );
    }
    render_sign_in(&page, StatusCode::OK, &next, "", None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /auth/sign_in`
pub async fn sign_in(
    page: Page,
    headers: HeaderMap,
    ClientIp(client): ClientIp,
    Form(form): Form<SignInForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    session::verify_csrf(data, &headers, &form.csrf)?;
    let next = safe_next(form.next.as_deref());
    let signed_in = match model::authenticate(data, &form.login, &form.password, client).await {
        Err(e @ AppError::TooManyRequests { retry_after }) => {
            // The form again, saying why and for how long.
            let message = throttle::wait_message(retry_after);
            let mut response = render_sign_in(
                &page,
                StatusCode::TOO_MANY_REQUESTS,
                &next,
                &form.login,
                Some(&message),
            )?;
            e.add_retry_after(&mut response);
            return Ok(response);
        }
        other => other?,
    };
    match signed_in {
        Ok((_, user)) => {
            let cookies = session::start_session(data, user.id, &headers).await?;
            let mut response = Redirect::to(&next).into_response();
            for cookie in cookies {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(refused) => render_sign_in(
            &page,
            StatusCode::UNAUTHORIZED,
            &next,
            &form.login,
            Some(&page.t(refused.message_id())),
        ),
    }
}

/// `GET /auth/sign_out`: asks before signing out (the form carries the CSRF token).
pub async fn sign_out_page(page: Page) -> Result<Response, PageError> {
    if page.viewer.is_none() {
        return Ok(Redirect::to("/").into_response());
    }
    page.render_form(StatusCode::OK, "sign_out.html", minijinja::context! {})
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /auth/sign_out`
pub async fn sign_out(
    data: Data<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Result<Response, PageError> {
    session::verify_csrf(&data, &headers, &form.csrf)?;
    let cookie = session::end_session(&data, &headers).await?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

fn render_sign_up(
    page: &Page,
    values: (&str, &str, &str),
    error: Option<&str>,
) -> Result<Response, PageError> {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_form(
        status,
        "sign_up.html",
        minijinja::context! {
            domain => page.data.settings.domain,
            username => values.0,
            email => values.1,
            reason => values.2,
            approval_required => page.data.instance().approval_required,
            max_reason => MAX_REASON,
            error => error,
            min_password => model::MIN_PASSWORD_LEN,
            rules => page.data.instance().rules.clone(),
        },
    )
}

fn registrations_closed(page: &Page) -> AppError {
    AppError::Forbidden(page.t("sign-up-closed"))
}

/// `GET /auth/sign_up` (only when registrations are open)
pub async fn sign_up_page(page: Page) -> Result<Response, PageError> {
    if !page.data.instance().registrations_open {
        return Err(PageError::from(registrations_closed(&page)));
    }
    render_sign_up(&page, ("", "", ""), None)
}

/// The longest reason to join a person may give.
const MAX_REASON: usize = 1000;

#[derive(Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    /// The box saying they accept the rules and have read the privacy notice.
    #[serde(default)]
    agree: Option<String>,
    /// Why they want to join (asked when an admin approves new accounts).
    #[serde(default)]
    reason: String,
}

/// `POST /auth/sign_up`: a new member, signed in at once, then asked for the
/// few facts that make their profile (the settings page).
pub async fn sign_up(
    page: Page,
    headers: HeaderMap,
    Form(form): Form<SignUpForm>,
) -> Result<Response, PageError> {
    let data = &page.data;
    if !data.instance().registrations_open {
        return Err(PageError::from(registrations_closed(&page)));
    }
    session::verify_csrf(data, &headers, &form.csrf)?;
    let typed = (
        form.username.as_str(),
        form.email.as_str(),
        form.reason.as_str(),
    );
    if form.agree.is_none() {
        let message = page.t("sign-up-agree-needed");
        return render_sign_up(&page, typed, Some(&message));
    }
    let approval = data.instance().approval_required;
    let reason = form.reason.trim();
    if approval && (reason.is_empty() || reason.chars().count() > MAX_REASON) {
        let message = page.t("sign-up-reason-needed");
        return render_sign_up(&page, typed, Some(&message));
    }
    let created = model::create_user_waiting(
        data,
        NewUser {
            username: form.username.clone(),
            email: form.email.clone(),
            role: Role::Member,
            password: Some(form.password.clone()),
        },
        approval.then_some(reason),
    )
    .await;
    match created {
        // Signed in once an admin approves the account.
        Ok(_) if approval => Ok(Redirect::to("/auth/sign_in?waiting=1").into_response()),
        Ok((_, user, _)) => {
            let cookies = session::start_session(data, user.id, &headers).await?;
            let mut response = Redirect::to("/settings/profile?welcome=1").into_response();
            for cookie in cookies {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(e) if e.is_invalid() => render_sign_up(&page, typed, Some(&e.message_in(page.lang))),
        Err(e) => Err(PageError::from(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visitors_server_is_a_host_however_it_is_typed() {
        for typed in [
            "mastodon.social",
            "https://mastodon.social/",
            "@me@mastodon.social",
            " Mastodon.Social ",
        ] {
            assert_eq!(
                visitor_server(typed).as_deref(),
                Some("mastodon.social"),
                "{typed}"
            );
        }
        assert_eq!(
            visitor_server("social.example:8443").as_deref(),
            Some("social.example:8443")
        );
        for bad in [
            "",
            "localhost",
            "evil.example/path",
            "a b.example",
            "evil.example?x",
            "@",
        ] {
            assert_eq!(visitor_server(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/@anna")), "/@anna");
        assert_eq!(safe_next(Some("//evil.example")), "/home");
        assert_eq!(safe_next(Some("https://evil.example")), "/home");
        assert_eq!(safe_next(Some("/\\evil.example")), "/home");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/home");
        assert_eq!(safe_next(Some("/ /evil.example")), "/home");
        assert_eq!(safe_next(None), "/home");
    }
}

//! `/search?q=`: one box for people (here and, for someone signed in, on other
//! servers by `@name@domain` or address), posts by their address, hashtags,
//! communities, teaching materials and case reports.

use axum::{
    extract::Query,
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use url::Url;

use crate::{
    communities::api::{ListQuery, directory},
    error::AppError,
    posts::{model::can_see, model::thread_path, store as posts},
    publishing::remote::resolve_post,
    web::{PageError, page::Page},
};

#[derive(Deserialize)]
pub struct SearchPageQuery {
    #[serde(default)]
    q: String,
}

/// How many of each kind the page shows (the kind's own page has the rest).
const EACH: usize = 5;

/// `GET /search?q=`
pub async fn page(page: Page, Query(query): Query<SearchPageQuery>) -> Result<Response, PageError> {
    let data = &page.data;
    let text = query.q.trim().to_string();
    if text.chars().count() > 200 {
        return Err(PageError::from(AppError::validation(
            page.t("search-too-long"),
        )));
    }
    let viewer = page.viewer.as_ref().map(|(a, _)| a);
    let mut people = Vec::new();
    let mut found_posts = Vec::new();
    let mut hashtags = Vec::new();
    let mut communities = Vec::new();
    let mut materials = Vec::new();
    let mut cases = Vec::new();
    if !text.is_empty() {
        // Only someone signed in may make us ask other servers.
        let fetch = viewer.is_some();
        for a in super::find_accounts(data, &text, fetch, EACH as i64).await? {
            people.push(minijinja::context! {
                name => a.shown_name(),
                handle => a.handle(&data.settings.domain),
                path => a.profile_path(),
                group => a.actor_type == "Group",
            });
        }
        if let Ok(url) = Url::parse(&text)
            && matches!(url.scheme(), "http" | "https")
        {
            let post = if fetch {
                resolve_post(data, &url).await.unwrap_or(None)
            } else {
                posts::find_by_uri_or_url(&data.db, url.as_str()).await?
            };
            if let Some(post) = post
                && can_see(data, viewer, &post).await?
                && let Some(author) =
                    crate::accounts::store::find_by_id(&data.db, post.account_id).await?
            {
                found_posts.push(minijinja::context! {
                    link => thread_path(&author, post.id),
                    name => author.shown_name(),
                    excerpt => crate::web::plain_text(&post.content).chars().take(200).collect::<String>(),
                });
            }
        }
        if let Some(prefix) = crate::posts::model::normalize_tag(&text) {
            hashtags = posts::hashtags_like(&data.db, &prefix, EACH as i64).await?;
        }
        let list = ListQuery::words(&text, EACH as i64);
        for c in directory(data, &list).await? {
            communities.push(minijinja::context! {
                name => c.account.shown_name(),
                link => if c.is_local() { format!("/c/{}", c.account.username) } else { c.account.profile_path() },
            });
        }
        let materials_query = crate::materials::model::BrowseQuery {
            q: Some(text.clone()),
            limit: Some(EACH.to_string()),
            ..Default::default()
        };
        for m in crate::materials::model::browse(data, &materials_query).await? {
            materials.push(minijinja::context! {
                link => format!("/materials/{}", m.status.id),
                name => m.status.title.clone().unwrap_or_default(),
            });
        }
        let cases_query = crate::cases::model::BrowseQuery {
            q: Some(text.clone()),
            limit: Some(EACH.to_string()),
            ..Default::default()
        };
        for c in crate::cases::model::browse(data, &cases_query).await? {
            cases.push(minijinja::context! {
                link => format!("/cases/{}", c.status.id),
                name => c.status.title.clone().unwrap_or_default(),
            });
        }
    }
    let encoded: String = url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let nothing = !text.is_empty()
        && people.is_empty()
        && found_posts.is_empty()
        && hashtags.is_empty()
        && communities.is_empty()
        && materials.is_empty()
        && cases.is_empty();
    page.render(
        "search.html",
        minijinja::context! {
            q => text,
            encoded => encoded,
            people => people,
            posts => found_posts,
            hashtags => hashtags,
            communities => communities,
            materials => materials,
            cases => cases,
            nothing => nothing,
            signed_in => viewer.is_some(),
        },
    )
}

#[derive(Deserialize)]
pub struct InteractionQuery {
    #[serde(default)]
    uri: String,
}

/// `GET /authorize_interaction?uri=`: someone from here follows or answers what
/// they found on another server (a person as `acct:name@server`, `name@server`
/// or an address; a post by its address): looked up there, then its page here,
/// which has the follow button or the reply form. Mastodon sends its people to
/// the same address on their own server.
pub async fn authorize_interaction(
    page: Page,
    Query(query): Query<InteractionQuery>,
) -> Result<Response, PageError> {
    let uri = query.uri.trim();
    let Some((me, _)) = &page.viewer else {
        let here: String = url::form_urlencoded::byte_serialize(uri.as_bytes()).collect();
        return Ok(crate::web::sign_in_to(&format!(
            "/authorize_interaction?uri={here}"
        )));
    };
    let data = &page.data;
    let text = uri.strip_prefix("acct:").unwrap_or(uri);
    if text.is_empty() || text.chars().count() > 500 {
        return Err(PageError::from(AppError::NotFound));
    }
    if let Some(account) = super::find_accounts(data, text, true, 1)
        .await?
        .into_iter()
        .next()
    {
        return Ok(axum::response::Redirect::to(&account.profile_path()).into_response());
    }
    if let Ok(url) = Url::parse(text)
        && matches!(url.scheme(), "http" | "https")
        && let Some(post) = resolve_post(data, &url).await.unwrap_or(None)
        && can_see(data, Some(me), &post).await?
        && let Some(author) = crate::accounts::store::find_by_id(&data.db, post.account_id).await?
    {
        return Ok(axum::response::Redirect::to(&thread_path(&author, post.id)).into_response());
    }
    Err(PageError::from(AppError::NotFound))
}

//! `/notifications`: what happened to a person, newest first, the new ones
//! marked; seeing the page marks them read (the header's count goes).

use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::{Kind, store};
use crate::{
    accounts::store as accounts,
    posts::{model::thread_path, store as posts},
    web::{PageError, page::Page, plain_text, sign_in_to},
};

/// `GET /notifications`
pub async fn page(page: Page) -> Result<Response, PageError> {
    let Some((me, _)) = &page.viewer else {
        return Ok(sign_in_to("/notifications").into_response());
    };
    let data = &page.data;
    let list = store::list(&data.db, me.id, &Kind::ALL, i64::MAX, 0, 40).await?;
    let read = store::last_read(&data.db, me.id).await?;
    let ids: Vec<i64> = list.iter().map(|n| n.from_account_id).collect();
    let people = accounts::find_many(&data.db, &ids).await?;
    let mut views = Vec::new();
    for n in &list {
        let Some(from) = people.get(&n.from_account_id) else {
            continue;
        };
        let post = match n.status_id {
            Some(id) => posts::find(&data.db, id).await?,
            None => None,
        };
        let post = match post {
            Some(p) => {
                let author = if p.account_id == me.id {
                    Some(me.clone())
                } else {
                    accounts::find_by_id(&data.db, p.account_id).await?
                };
                let excerpt: String = plain_text(&p.content).chars().take(140).collect();
                author.map(|a| {
                    minijinja::context! {
                        link => thread_path(&a, p.id),
                        excerpt => excerpt,
                        title => p.title,
                    }
                })
            }
            None => None,
        };
        views.push(minijinja::context! {
            // The kind as a message id (`collegium.remix` → `collegium-remix`).
            kind => n.kind.replace('.', "-"),
            name => from.shown_name(),
            acct => from.acct(),
            profile_url => from.profile_path(),
            post => post,
            when => n.created_at.to_rfc3339(),
            unread => n.id > read,
        });
    }
    if let Some(newest) = list.first() {
        store::mark_read(&data.db, me.id, newest.id, Utc::now()).await?;
    }
    page.render(
        "notifications.html",
        minijinja::context! { notifications => views },
    )
}

//! Notifications for local people: follows and follow requests, mentions,
//! favourites and boosts of their posts. Features call [`notify`] where the
//! event happens; the Mastodon API reads them.

pub mod api;
pub mod pages;
pub mod store;

use chrono::Utc;

pub use store::{Notification, dismiss, find, list, withdraw};

use crate::{accounts::model::Account, db::Db};

/// What happened, in Mastodon's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Follow,
    FollowRequest,
    Mention,
    Favourite,
    Reblog,
    /// A new post by someone the person asked to be told about.
    Status,
    /// Someone adapted one of the person's teaching materials (ours; Mastodon
    /// apps skip types they do not know).
    Remix,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Follow => "follow",
            Kind::FollowRequest => "follow_request",
            Kind::Mention => "mention",
            Kind::Favourite => "favourite",
            Kind::Reblog => "reblog",
            Kind::Status => "status",
            Kind::Remix => "collegium.remix",
        }
    }

    pub const ALL: [Kind; 7] = [
        Kind::Follow,
        Kind::FollowRequest,
        Kind::Mention,
        Kind::Favourite,
        Kind::Reblog,
        Kind::Status,
        Kind::Remix,
    ];
}

/// Tells `recipient` (if they are local, and not the one who acted) what `from`
/// did. The same event is not notified twice.
pub async fn notify(
    db: &Db,
    recipient: &Account,
    from: &Account,
    kind: Kind,
    status_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    if !recipient.is_local() || recipient.id == from.id {
        return Ok(());
    }
    if store::exists(db, recipient.id, from.id, kind, status_id).await? {
        return Ok(());
    }
    store::insert(db, recipient.id, from.id, kind, status_id, Utc::now()).await?;
    Ok(())
}

/// Tells the author's subscribers (followers who asked for it) of a new post.
pub async fn notify_subscribers(
    db: &Db,
    author: &Account,
    status_id: i64,
) -> Result<(), sqlx::Error> {
    for subscriber in crate::follows::store::subscribers(db, author.id).await? {
        notify(db, &subscriber, author, Kind::Status, Some(status_id)).await?;
    }
    Ok(())
}

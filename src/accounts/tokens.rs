//! Access tokens and their scopes, as the API checks them on every request.

use std::{collections::BTreeSet, fmt};

use activitypub_federation::config::Data;

use crate::{
    AppState,
    accounts::{
        model::{Account, User},
        session::token_hash,
        store,
    },
    error::{AppError, AppResult},
};

/// Scopes Mastodon knows. Top-level scopes grant all their sub-scopes.
const KNOWN_SCOPES: &[&str] = &[
    "read",
    "write",
    "follow",
    "push",
    "profile",
    "admin:read",
    "admin:write",
    "read:accounts",
    "read:blocks",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:follows",
    "read:lists",
    "read:mutes",
    "read:notifications",
    "read:search",
    "read:statuses",
    "write:accounts",
    "write:blocks",
    "write:bookmarks",
    "write:conversations",
    "write:favourites",
    "write:filters",
    "write:follows",
    "write:lists",
    "write:media",
    "write:mutes",
    "write:notifications",
    "write:reports",
    "write:statuses",
    "admin:read:accounts",
    "admin:read:reports",
    "admin:read:domain_allows",
    "admin:read:domain_blocks",
    "admin:read:ip_blocks",
    "admin:read:email_domain_blocks",
    "admin:read:canonical_email_blocks",
    "admin:write:accounts",
    "admin:write:reports",
    "admin:write:domain_allows",
    "admin:write:domain_blocks",
    "admin:write:ip_blocks",
    "admin:write:email_domain_blocks",
    "admin:write:canonical_email_blocks",
];

/// The legacy `follow` scope stands for these.
const FOLLOW_GRANTS: &[&str] = &[
    "read:follows",
    "write:follows",
    "read:blocks",
    "write:blocks",
    "read:mutes",
    "write:mutes",
];

/// A validated set of scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scopes(BTreeSet<String>);

impl Scopes {
    /// Parses space-separated scopes (`+` also separates, as some apps send it).
    pub fn parse(text: &str) -> AppResult<Scopes> {
        let set: BTreeSet<String> = text
            .split(|c: char| c.is_whitespace() || c == '+' || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if set.is_empty() {
            return Err(AppError::validation("Scopes can't be blank"));
        }
        if let Some(bad) = set.iter().find(|s| !KNOWN_SCOPES.contains(&s.as_str())) {
            return Err(AppError::validation(format!("Scopes are invalid: {bad}")));
        }
        Ok(Scopes(set))
    }

    /// Whether `scope` is granted, directly or by a parent scope.
    pub fn allows(&self, scope: &str) -> bool {
        if self.0.contains(scope) {
            return true;
        }
        if self.0.contains("follow") && FOLLOW_GRANTS.contains(&scope) {
            return true;
        }
        match scope.rsplit_once(':') {
            Some((parent, _)) => self.allows(parent),
            None => false,
        }
    }

    /// Whether every scope here is allowed by `other`.
    pub fn within(&self, other: &Scopes) -> bool {
        self.0.iter().all(|s| other.allows(s))
    }

    pub fn list(&self) -> Vec<String> {
        self.0.iter().cloned().collect()
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.list().join(" "))
    }
}

/// A valid access token, as the API sees it.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub id: i64,
    pub app_id: i64,
    pub user_id: Option<i64>,
    pub scopes: Scopes,
}

/// Looks up a bearer token; refuses unknown and revoked ones as Mastodon does.
pub async fn find_token(
    data: &Data<AppState>,
    token: &str,
) -> AppResult<(AccessToken, Option<(Account, User)>)> {
    let row = store::find_token(&data.db, &token_hash(token)).await?;
    let row = row.ok_or_else(|| AppError::Unauthorized("The access token is invalid".into()))?;
    if row.revoked_at.is_some() {
        return Err(AppError::Unauthorized(
            "The access token was revoked".into(),
        ));
    }
    let user = match row.user_id {
        Some(id) => {
            store::touch_active(&data.db, id).await?;
            let pair = store::find_user_by_id(&data.db, id)
                .await?
                .ok_or_else(|| AppError::Unauthorized("The access token is invalid".into()))?;
            if pair.1.barred() {
                return Err(AppError::Unauthorized(
                    "This account is suspended or not yet approved".into(),
                ));
            }
            Some(pair)
        }
        None => None,
    };
    let token = AccessToken {
        id: row.id,
        app_id: row.app_id,
        user_id: row.user_id,
        scopes: Scopes::parse(&row.scopes)?,
    };
    Ok((token, user))
}

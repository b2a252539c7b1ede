//! Case reports: their create and update (as posts of the case kind), and their
//! verification, which a facilitator of the report's community gives here or
//! which the community's Group lists on its own server.

use activitypub_federation::{config::Data, fetch::object_id::ObjectId};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    cases::{
        self,
        model::{CaseInput, CaseReport},
    },
    communities::model::{self as communities, Community, Moderator},
    error::{AppError, AppResult},
    posts::{
        model::Visibility,
        protocol::{NoteJson, id_of},
        store::Status,
    },
    publishing::{
        kinds::Draft,
        local::{self, NewPost, PostEdit},
    },
};

/// A team publishes a case report (public, into a community when one is named).
pub async fn create(
    data: &Data<AppState>,
    author: &Account,
    input: CaseInput,
) -> AppResult<Status> {
    let (draft, language) = cases::model::check(data, author, &input, None).await?;
    let community = match input.community_id.as_deref().filter(|c| !c.is_empty()) {
        Some(id) => {
            let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
            Some(
                communities::find(&data.db, id)
                    .await?
                    .ok_or_else(|| AppError::validation("community_id: no such community"))?,
            )
        }
        None => None,
    };
    let post = NewPost {
        language: Some(language),
        community: community.map(|c| c.account),
        title: Some(draft.title.clone()),
        ..NewPost::note(draft.summary.clone(), Visibility::Public)
    };
    local::create(
        data,
        author,
        NewPost {
            draft: Draft::Case(Box::new(draft)),
            ..post
        },
    )
    .await
}

/// Its author changes a case report: a new version, delivered as an Update.
pub async fn update(
    data: &Data<AppState>,
    author: &Account,
    case: &CaseReport,
    input: CaseInput,
) -> AppResult<Status> {
    if case.status.account_id != author.id || !case.status.local {
        return Err(AppError::NotFound);
    }
    let (draft, _) = cases::model::check(data, author, &input, Some(case)).await?;
    let change = PostEdit {
        text: draft.summary.clone(),
        spoiler_text: String::new(),
        sensitive: false,
        draft: Draft::Case(Box::new(draft)),
    };
    local::edit(data, author, &case.status, change).await
}

/// A facilitator marks a case report published in the community verified (or
/// takes the mark away), with their name and the date; the Group announces an
/// `Add` (or `Remove`) of it to the community's `verified` collection, to every
/// member's server and the author's.
pub async fn verify_case(
    state: &AppState,
    community: &Community,
    by: &Moderator<'_>,
    status: &Status,
    verified: bool,
) -> AppResult<()> {
    communities::may_moderate(state, community, by).await?;
    communities::post_in(community, status)?;
    if cases::store::find(&state.db, status.id).await?.is_none() {
        return Err(AppError::validation("Only case reports can be verified"));
    }
    let at = Utc::now();
    apply_verification(state, community, Some(by.account), status, verified, at).await?;
    let kind = if verified { "Add" } else { "Remove" };
    let mut activity =
        communities::moderation_activity(state, community, by.account, kind, json!(status.ap_id))?;
    activity["target"] = json!(community.verified_url());
    activity["published"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let author = accounts::find_by_id(&state.db, status.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    communities::publish(
        state,
        community,
        by,
        activity,
        std::slice::from_ref(&author),
    )
    .await
}

/// Sets a case report's verification mark (here, or as the community's instance
/// told us) and logs it.
pub async fn apply_verification(
    state: &AppState,
    community: &Community,
    moderator: Option<&Account>,
    status: &Status,
    verified: bool,
    at: DateTime<Utc>,
) -> AppResult<()> {
    if verified && moderator.is_some_and(|m| m.id == status.account_id) {
        return Err(AppError::Forbidden(
            "A case report cannot be verified by its own author".into(),
        ));
    }
    // The full handle, as readers on every server should see it.
    let name = moderator.map(|m| {
        let handle = if m.is_local() {
            format!("{}@{}", m.username, state.settings.domain)
        } else {
            m.acct()
        };
        format!("{} (@{handle})", m.shown_name())
    });
    let mark = match (verified, moderator, name.as_deref()) {
        (true, Some(m), Some(n)) => Some((m.id, n, at)),
        _ => None,
    };
    let before = cases::store::find(&state.db, status.id).await?;
    cases::store::set_verified(&state.db, status.id, mark).await?;
    // Servers that have the report without being in the community (its author's
    // followers) learn of the change from the author's instance: an Update, on
    // which they read the Group's verified collection from the Group's server.
    let changed = before.is_some_and(|b| b.verified_at.is_some() != verified);
    if changed
        && let Some(author) = accounts::find_by_id(&state.db, status.account_id).await?
        && author.is_local()
    {
        local::send_update(state, status, &author).await?;
    }
    let action = if verified {
        "verify_case"
    } else {
        "unverify_case"
    };
    communities::log_action(
        state,
        community,
        moderator,
        action,
        Some(status.account_id),
        Some(status.id),
        "",
    )
    .await
}

/// A case report's verification, as its community's Group lists it; a Group that
/// cannot be read now leaves the report as it was.
pub async fn verification_of(data: &Data<AppState>, status: &Status, note: &NoteJson) {
    if let Err(e) = check_verification(data, status, note).await {
        tracing::debug!(id = %status.ap_id, error = %e, "could not check the verification");
    }
}

/// A case report from another server that names a community elsewhere: whether
/// it is verified is what that community's Group lists, read from the Group's own
/// server (a mark inside the report is never believed). Called whenever such a
/// report is stored or takes a new version.
pub async fn check_verification(
    data: &Data<AppState>,
    status: &Status,
    note: &NoteJson,
) -> AppResult<()> {
    if note.kind != "Article" || !note.extra.contains_key("caseReport") {
        return Ok(());
    }
    let Some(report) = cases::store::find(&data.db, status.id).await? else {
        return Ok(());
    };
    let Some(audience) = note.audience.as_ref().and_then(id_of) else {
        return Ok(());
    };
    if crate::federation::is_local(data, &audience) {
        return Ok(());
    }
    let group = ObjectId::<Account>::from(audience)
        .dereference(data)
        .await?;
    if group.actor_type != "Group" {
        return Ok(());
    }
    let Some(community) = communities::of_account(&data.db, &group).await? else {
        return Ok(());
    };
    let url = Url::parse(&community.verified_url()).map_err(|e| AppError::Internal(e.into()))?;
    let collection: Value =
        activitypub_federation::fetch::fetch_object_http::<AppState, Value>(&url, data)
            .await?
            .object;
    let listed = collection
        .get("orderedItems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .take(cases::model::MAX_VERIFIED)
        .find(|item| {
            item.get("object")
                .and_then(id_of)
                .is_some_and(|o| o.as_str() == status.ap_id)
        });
    match listed {
        Some(item) => {
            let Some(actor) = item.get("actor").and_then(id_of) else {
                return Ok(());
            };
            let moderator = ObjectId::<Account>::from(actor).dereference(data).await?;
            if report.verified_by_id == Some(moderator.id) {
                return Ok(());
            }
            let at = item
                .get("published")
                .and_then(Value::as_str)
                .and_then(|t| t.parse::<DateTime<Utc>>().ok())
                .unwrap_or_else(Utc::now)
                .min(Utc::now());
            apply_verification(data, &community, Some(&moderator), status, true, at).await
        }
        None if report.verified_at.is_some() => {
            apply_verification(data, &community, None, status, false, Utc::now()).await
        }
        None => Ok(()),
    }
}

//! The kinds of post, closed: a note, a teaching material, a case report. Each
//! step that differs by kind is one `match` here (the object JSON we serve,
//! attaching a kind's facts, receiving them), so a new kind is a new arm, found
//! by the compiler everywhere it matters.

use activitypub_federation::config::Data;
use serde_json::Value;

use crate::{
    AppState,
    accounts::model::Account,
    cases::{self, model::CaseDraft},
    error::AppResult,
    materials::{self, model::MaterialDraft},
    posts::{
        protocol::{NoteJson, note_json},
        store::Status,
    },
};

/// What a local person writes besides the post's text.
pub enum Draft {
    Note,
    Material(Box<MaterialDraft>),
    Case(Box<CaseDraft>),
}

/// Which kind a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Note,
    Material,
    Case,
}

impl Kind {
    /// The kind of a post here.
    pub async fn of(state: &AppState, status: &Status) -> AppResult<Kind> {
        Ok(match super::store::kind_code(&state.db, status.id).await? {
            1 => Kind::Material,
            2 => Kind::Case,
            _ => Kind::Note,
        })
    }

    /// The kind of a post another server sent, by what it carries.
    pub fn of_note(note: &NoteJson) -> Kind {
        if note.kind == "Article" && note.extra.get("caseReport").is_some_and(Value::is_object) {
            Kind::Case
        } else if materials::protocol::is_material(note) {
            Kind::Material
        } else {
            Kind::Note
        }
    }
}

/// The object of a local post as other servers read it: a Note, or for an
/// article kind an Article with its facts.
pub async fn object_json(
    state: &AppState,
    status: &Status,
    author: &Account,
    mentioned: &[Account],
    hashtags: &[String],
    community: Option<&Account>,
) -> AppResult<Value> {
    let mut note = note_json(
        status,
        author,
        mentioned,
        hashtags,
        &state.settings.base_url(),
        community,
    );
    match Kind::of(state, status).await? {
        Kind::Note => {}
        Kind::Material => materials::model::as_article(state, status, &mut note).await?,
        Kind::Case => cases::model::as_article(state, status, &mut note).await?,
    }
    Ok(note)
}

/// Writes a kind's facts beside its post (inside the post's unit of work). Gives
/// back who else must receive the post (a remixed original's remote author).
pub async fn attach(
    state: &AppState,
    status_id: i64,
    draft: &Draft,
    editing: bool,
) -> AppResult<Vec<Account>> {
    match draft {
        Draft::Note => Ok(Vec::new()),
        Draft::Material(m) => materials::model::attach(state, status_id, m, editing).await,
        Draft::Case(c) => {
            cases::model::attach(state, status_id, c).await?;
            Ok(Vec::new())
        }
    }
}

/// A remote post was stored or took a new version: its kind's facts are kept
/// beside it (inside the unit of work that stores the post).
pub async fn receive(state: &AppState, status: &Status, note: &NoteJson) -> AppResult<()> {
    match Kind::of_note(note) {
        Kind::Note => Ok(()),
        Kind::Material => materials::model::receive(state, status, note).await,
        Kind::Case => cases::model::receive(state, status, note).await,
    }
}

/// What a received post's kind checks with other servers once it is stored: a
/// case report's verification, read from its community's Group.
pub async fn check_remote(data: &Data<AppState>, status: &Status, note: &NoteJson) {
    match Kind::of_note(note) {
        Kind::Note | Kind::Material => {}
        Kind::Case => super::case::verification_of(data, status, note).await,
    }
}

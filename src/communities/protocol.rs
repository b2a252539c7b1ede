//! Communities on the wire: the activities other servers send about a community
//! here (a report's `Flag`, a remote facilitator's moderation). Serde types only;
//! the Group document is an actor document (`accounts::protocol`).

use activitypub_federation::fetch::object_id::ObjectId;
use serde_json::Value;
use url::Url;

use crate::accounts::model::Account;

/// A report (`Flag`), as Mastodon and Lemmy send it: from an instance actor or a
/// person, about a person and their posts.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::FlagType,
    pub actor: ObjectId<Account>,
    pub object: Value,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub target: Option<Value>,
    #[serde(default)]
    pub audience: Option<Value>,
}

/// The moderation activities a facilitator's server sends to the community's
/// instance (Lemmy's shapes). Mastodon uses the same types for other things (a
/// person's block, a pinned post): those are not about a community here and are
/// only acknowledged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum ModerationKind {
    Lock,
    Block,
    Add,
    Remove,
    /// Only inside an Undo: a removal undone.
    Delete,
}

/// Lock, Block, Add or Remove sent straight to us.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModerationActivity {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: ModerationKind,
    pub actor: ObjectId<Account>,
    pub object: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub to: Value,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub cc: Value,
}

/// The Undo of a Lock or Block sent straight to us.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoModeration {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: activitypub_federation::kinds::activity::UndoType,
    pub actor: ObjectId<Account>,
    pub object: ModerationActivity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Value>,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub to: Value,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub cc: Value,
}

//! Follow, Accept{Follow}, Reject{Follow} and Undo{Follow} on the wire, in the
//! shapes Mastodon sends and expects (receiving them is in `apub.rs`).

use activitypub_federation::{
    fetch::object_id::ObjectId,
    kinds::activity::{AcceptType, FollowType, RejectType, UndoType},
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use crate::accounts::model::Account;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FollowType,
    pub actor: ObjectId<Account>,
    pub object: ObjectId<Account>,
}

/// An activity's `object` that may be embedded or just its id: we only need the id.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum FollowRef {
    Embedded(Follow),
    Id(Url),
}

impl FollowRef {
    pub fn id(&self) -> &Url {
        match self {
            FollowRef::Embedded(f) => &f.id,
            FollowRef::Id(id) => id,
        }
    }
}

impl<'de> Deserialize<'de> for FollowRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match Value::deserialize(d)? {
            Value::String(s) => Url::parse(&s).map(FollowRef::Id).map_err(D::Error::custom),
            v @ Value::Object(_) => {
                // Embedded: must be a Follow; some servers embed it without actor/object.
                if v.get("type").and_then(Value::as_str) != Some("Follow") {
                    return Err(D::Error::custom("object is not a Follow"));
                }
                match serde_json::from_value::<Follow>(v.clone()) {
                    Ok(f) => Ok(FollowRef::Embedded(f)),
                    Err(_) => v
                        .get("id")
                        .and_then(Value::as_str)
                        .and_then(|s| Url::parse(s).ok())
                        .map(FollowRef::Id)
                        .ok_or_else(|| D::Error::custom("Follow without id")),
                }
            }
            _ => Err(D::Error::custom("object must be a Follow or its id")),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AcceptType,
    pub actor: ObjectId<Account>,
    pub object: FollowRef,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: RejectType,
    pub actor: ObjectId<Account>,
    pub object: FollowRef,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoFollow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UndoType,
    pub actor: ObjectId<Account>,
    pub object: Follow,
}

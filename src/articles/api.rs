//! What the JSON API of materials and case reports shares: their history.

use serde_json::{Value, json};

use crate::{AppState, error::AppResult};

/// Every version of a material or case report, oldest first, as it read then.
pub async fn history_json(state: &AppState, status_id: i64) -> AppResult<Value> {
    let versions: Vec<Value> = crate::articles::store::versions(&state.db, status_id)
        .await?
        .into_iter()
        .map(|v| {
            let mut snapshot: Value = serde_json::from_str(&v.snapshot).unwrap_or(Value::Null);
            snapshot["version"] = json!(v.version);
            snapshot["created_at"] = json!(
                v.created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            );
            snapshot
        })
        .collect();
    Ok(Value::Array(versions))
}

//! What admins can see of federation: the delivery queue per instance.

use activitypub_federation::config::Data;
use axum::Json;
use serde_json::{Value, json};

use crate::{
    AppState,
    accounts::model::Role,
    api::Auth,
    error::{AppError, AppResult},
    federation::queue,
};

/// `GET /api/collegium/v1/admin/federation`: pending, delivered, refused and failed
/// deliveries per instance, refusals counted, and since when an instance is
/// unreachable. Admins only, with the `admin:read` scope.
pub async fn federation_state(data: Data<AppState>, auth: Auth) -> AppResult<Json<Value>> {
    auth.require("admin:read")?;
    let (_, user) = auth.user()?;
    if user.role != Role::Admin {
        return Err(AppError::Forbidden("This action is not allowed".into()));
    }
    let instances = queue::queue_state(&data.db).await?;
    Ok(Json(json!({ "instances": instances })))
}

//! Glue for the Mastodon-compatible client API: parameters in any of the encodings
//! apps send, bearer-token authentication and scope checks.

pub mod compat;

use activitypub_federation::config::{Data, FederationConfig};
use axum::{
    extract::{FromRequest, FromRequestParts, Multipart, Request},
    http::{header, request::Parts},
};
use serde::{Deserialize, Deserializer, de::DeserializeOwned};
use serde_json::{Map, Value};

use crate::{
    AppState,
    accounts::{
        model::{Account, User},
        tokens::{AccessToken, Scopes, find_token},
    },
    error::AppError,
};

/// Largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Parameters from the query string and the body, whether the body is JSON, a
/// URL-encoded form or multipart (as Mastodon apps send them). Form keys follow
/// Rails conventions: `a[]` is a list, `a[b]` a nested object.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut merged = Map::new();
        if let Some(query) = req.uri().query() {
            merge_pairs(&mut merged, form_urlencoded_pairs(query.as_bytes()))?;
        }
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if content_type.starts_with("multipart/form-data") {
            let mut multipart = Multipart::from_request(req, state)
                .await
                .map_err(|e| AppError::bad_request(e.body_text()))?;
            let mut pairs = Vec::new();
            while let Some(field) = multipart
                .next_field()
                .await
                .map_err(|e| AppError::bad_request(e.body_text()))?
            {
                let name = field.name().unwrap_or_default().to_string();
                if field.file_name().is_some() {
                    return Err(AppError::validation(format!(
                        "{name}: file uploads are not accepted here"
                    )));
                }
                let text = field
                    .text()
                    .await
                    .map_err(|e| AppError::bad_request(e.body_text()))?;
                pairs.push((name, text));
            }
            merge_pairs(&mut merged, pairs)?;
        } else {
            let body = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
                .await
                .map_err(|_| AppError::PayloadTooLarge("Request body is too large".into()))?;
            if !body.is_empty() {
                if content_type.starts_with("application/json") {
                    let value: Value = serde_json::from_slice(&body)
                        .map_err(|e| AppError::bad_request(format!("Malformed JSON: {e}")))?;
                    match value {
                        Value::Object(map) => merged.extend(map),
                        _ => return Err(AppError::bad_request("JSON body must be an object")),
                    }
                } else {
                    merge_pairs(&mut merged, form_urlencoded_pairs(&body))?;
                }
            }
        }
        serde_json::from_value(Value::Object(merged))
            .map(Params)
            .map_err(|e| AppError::validation(e.to_string()))
    }
}

fn form_urlencoded_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(bytes).into_owned().collect()
}

/// Deepest form key we accept: `a[b][c]` (Mastodon's own parameters need two).
const MAX_KEY_DEPTH: usize = 3;
const MAX_KEY_LEN: usize = 200;

/// Folds `key`, `key[]` and `key[sub]` pairs into a JSON object.
fn merge_pairs(map: &mut Map<String, Value>, pairs: Vec<(String, String)>) -> Result<(), AppError> {
    for (key, value) in pairs {
        if key.len() > MAX_KEY_LEN {
            return Err(AppError::bad_request("Parameter name is too long"));
        }
        let mut parts: Vec<&str> = Vec::new();
        let (head, rest) = key.split_once('[').unwrap_or((key.as_str(), ""));
        parts.push(head);
        if !rest.is_empty() {
            parts.extend(rest.trim_end_matches(']').split("]["));
        }
        if parts.len() > MAX_KEY_DEPTH {
            return Err(AppError::bad_request(format!(
                "Parameter {key:?} is nested too deeply"
            )));
        }
        insert_path(map, &parts, Value::String(value));
    }
    Ok(())
}

/// Inserts `value` at `path` (at most [`MAX_KEY_DEPTH`] deep); `""` means "append".
fn insert_path(map: &mut Map<String, Value>, path: &[&str], value: Value) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        map.insert(first.to_string(), value);
        return;
    }
    if rest == [""] {
        let entry = map
            .entry(first.to_string())
            .or_insert_with(|| Value::Array(vec![]));
        if !entry.is_array() {
            *entry = Value::Array(vec![]);
        }
        if let Value::Array(items) = entry {
            items.push(value);
        }
        return;
    }
    let entry = map
        .entry(first.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Value::Object(inner) = entry {
        insert_path(inner, rest, value);
    }
}

/// Reads a boolean as apps send it: `true`, `"true"`, `"1"`, `"on"`…
pub fn flex_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::Number(n)) => Ok(Some(n.as_i64() != Some(0))),
        Some(Value::String(s)) => match s.to_ascii_lowercase().as_str() {
            "true" | "1" | "on" | "yes" => Ok(Some(true)),
            "false" | "0" | "off" | "no" | "" => Ok(Some(false)),
            other => Err(D::Error::custom(format!("{other:?} is not a boolean"))),
        },
        Some(other) => Err(D::Error::custom(format!("{other} is not a boolean"))),
    }
}

/// Reads a list given as a JSON array, a form `key[]` list, or one
/// comma-separated string.
pub fn flex_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(
            s.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        )),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::String(s) => Ok(s),
                other => Err(D::Error::custom(format!("{other} is not text"))),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(other) => Err(D::Error::custom(format!("{other} is not a list"))),
    }
}

/// Reads redirect URIs: a JSON or form list, or one string with one URI a line.
pub fn flex_list_lines<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.split_whitespace().map(str::to_string).collect())),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::String(s) => Ok(s),
                other => Err(D::Error::custom(format!("{other} is not text"))),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(other) => Err(D::Error::custom(format!("{other} is not a list"))),
    }
}

/// A request with a valid bearer token (the app, and the person when there is one).
pub struct Auth {
    pub token: AccessToken,
    pub user: Option<(Account, User)>,
}

impl Auth {
    /// Refuses with Mastodon's 403 unless the token grants `scope`.
    pub fn require(&self, scope: &str) -> Result<(), AppError> {
        if self.token.scopes.allows(scope) {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "This action is outside the authorized scopes".into(),
            ))
        }
    }

    /// Refuses unless any of `scopes` is granted.
    pub fn require_any(&self, scopes: &[&str]) -> Result<(), AppError> {
        if scopes.iter().any(|s| self.token.scopes.allows(s)) {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "This action is outside the authorized scopes".into(),
            ))
        }
    }

    /// The person the token acts for; app-only tokens get Mastodon's 422.
    pub fn user(&self) -> Result<&(Account, User), AppError> {
        self.user.as_ref().ok_or_else(|| {
            AppError::Unprocessable("This method requires an authenticated user".into())
        })
    }
}

fn data_from_parts(parts: &Parts) -> Result<Data<AppState>, AppError> {
    parts
        .extensions
        .get::<FederationConfig<AppState>>()
        .map(|c| c.to_request_data())
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("federation config missing")))
}

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let data = data_from_parts(parts)?;
        let token = bearer(parts)
            .ok_or_else(|| AppError::Unauthorized("The access token is invalid".into()))?;
        let (token, user) = find_token(&data, token).await?;
        Ok(Auth { token, user })
    }
}

/// Like [`Auth`], but a request without a token is fine (a present but bad
/// token is still refused, as Mastodon does).
pub struct MaybeAuth(pub Option<Auth>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeAuth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if bearer(parts).is_none() {
            return Ok(MaybeAuth(None));
        }
        Auth::from_request_parts(parts, state)
            .await
            .map(|a| MaybeAuth(Some(a)))
    }
}

/// Scopes helper re-exported for handlers.
pub fn parse_scopes(text: Option<&str>, default: &str) -> Result<Scopes, AppError> {
    Scopes::parse(text.filter(|t| !t.trim().is_empty()).unwrap_or(default))
}

pub use crate::input::{list_param, paging};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rails_style_form_keys_nest() {
        let mut map = Map::new();
        merge_pairs(
            &mut map,
            vec![
                ("a".into(), "1".into()),
                ("list[]".into(), "x".into()),
                ("list[]".into(), "y".into()),
                ("source[privacy]".into(), "public".into()),
            ],
        )
        .unwrap();
        assert_eq!(
            Value::Object(map),
            serde_json::json!({"a": "1", "list": ["x", "y"], "source": {"privacy": "public"}})
        );
    }

    #[test]
    fn deep_or_long_keys_are_refused() {
        let deep = format!("a{}", "[b]".repeat(100_000));
        assert!(merge_pairs(&mut Map::new(), vec![(deep, "x".into())]).is_err());
        assert!(merge_pairs(&mut Map::new(), vec![("a[b][c][d]".into(), "x".into())]).is_err());
        assert!(merge_pairs(&mut Map::new(), vec![("a[b][c]".into(), "x".into())]).is_ok());
    }

    #[test]
    fn booleans_and_lists_are_lenient() {
        #[derive(Deserialize)]
        struct T {
            #[serde(default, deserialize_with = "flex_bool")]
            b: Option<bool>,
            #[serde(default, deserialize_with = "flex_list")]
            l: Option<Vec<String>>,
        }
        let t: T = serde_json::from_value(serde_json::json!({"b": "1", "l": "a, b"})).unwrap();
        assert_eq!(t.b, Some(true));
        assert_eq!(t.l.unwrap(), vec!["a", "b"]);
        let t: T = serde_json::from_value(serde_json::json!({"b": false, "l": ["x"]})).unwrap();
        assert_eq!(t.b, Some(false));
        assert_eq!(t.l.unwrap(), vec!["x"]);
        assert!(serde_json::from_value::<T>(serde_json::json!({"b": "maybe"})).is_err());
    }
}

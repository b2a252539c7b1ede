//! Reading what people send in forms and query strings, shared by the API, the
//! pages and the models that check input: list parameters and paging.

use serde_json::Value;

use crate::error::AppError;

/// A list parameter given as a JSON array or as one comma- or line-separated
/// string (as a form or multipart field sends it); `deserialize_with` for
/// `Option<Vec<String>>` fields.
pub fn list_param<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    use serde::Deserialize;
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.split([',', '\n'])
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        ),
        Some(Value::Array(items)) => Some(
            items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.trim().to_string()),
                    other => Err(serde::de::Error::custom(format!(
                        "expected a list of strings, found {other}"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a list or a string, found {other}"
            )));
        }
    })
}

/// `limit` and `offset` query parameters: numbers within bounds, or a clear 422.
pub fn paging(
    limit: &Option<String>,
    offset: &Option<String>,
    default_limit: i64,
    max_limit: i64,
) -> Result<(i64, i64), AppError> {
    let number = |v: &Option<String>, what: &str, default: i64, max: i64| match v
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        None => Ok(default),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| (0..=max).contains(n))
            .ok_or_else(|| AppError::validation(format!("{what} must be a number up to {max}"))),
    };
    Ok((
        number(limit, "limit", default_limit, max_limit)?.max(1),
        number(offset, "offset", 0, 10_000)?,
    ))
}

//! The JSON-LD forms other servers use for the same thing, brought to the one
//! form our wire types read: a `type` as a one-element array or a compacted or
//! full IRI (`["Note"]`, `as:Note`, `https://www.w3.org/ns/activitystreams#Note`),
//! an `object` or `inReplyTo` as a one-element array, an `inReplyTo` as a Link,
//! and the public collection as `as:Public` or `Public`.

use serde_json::Value;

const AS: &str = "https://www.w3.org/ns/activitystreams#";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Normalises an activity or object in place (nested objects too).
pub fn normalize(value: &mut Value) {
    normalize_at(value, 0);
}

fn normalize_at(value: &mut Value, depth: usize) {
    if depth > 16 {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(kind) = map.get_mut("type") {
                normalize_type(kind);
            }
            for key in ["object", "inReplyTo", "actor", "target"] {
                if let Some(Value::Array(items)) = map.get(key)
                    && items.len() == 1
                {
                    let only = items[0].clone();
                    map.insert(key.to_string(), only);
                }
            }
            // A reply's parent as a Link: its href.
            if let Some(Value::Object(link)) = map.get("inReplyTo")
                && link.get("id").is_none()
                && let Some(href) = link.get("href").cloned()
            {
                map.insert("inReplyTo".into(), href);
            }
            for key in ["to", "cc", "audience"] {
                if let Some(v) = map.get_mut(key) {
                    public_in_full(v);
                }
            }
            for (_, v) in map.iter_mut() {
                normalize_at(v, depth + 1);
            }
        }
        Value::Array(items) => {
            for v in items.iter_mut().take(1000) {
                normalize_at(v, depth + 1);
            }
        }
        _ => {}
    }
}

fn normalize_type(kind: &mut Value) {
    if let Value::Array(items) = kind {
        // The first type we know the name of (extension types come with it).
        let pick = items
            .iter()
            .filter_map(Value::as_str)
            .map(short_type)
            .next();
        if let Some(name) = pick {
            *kind = Value::String(name);
        }
        return;
    }
    if let Value::String(s) = kind {
        let short = short_type(s);
        *s = short;
    }
}

fn short_type(s: &str) -> String {
    s.strip_prefix("as:")
        .or_else(|| s.strip_prefix(AS))
        .unwrap_or(s)
        .to_string()
}

fn public_in_full(v: &mut Value) {
    match v {
        Value::String(s) if s == "as:Public" || s == "Public" => *s = PUBLIC.to_string(),
        Value::Array(items) => {
            for item in items {
                public_in_full(item);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_form_becomes_one() {
        let mut v = json!({
            "type": ["Note"],
            "to": "as:Public",
            "cc": ["Public"],
            "inReplyTo": ["https://a.example/1"],
            "object": [{"type": "as:Note", "inReplyTo": {"type": "Link", "href": "https://a.example/2"}}],
            "tag": [{"type": "as:Hashtag", "name": "#x"}, {"type": "https://www.w3.org/ns/activitystreams#Mention"}],
        });
        normalize(&mut v);
        assert_eq!(v["type"], "Note");
        assert_eq!(v["to"], PUBLIC);
        assert_eq!(v["cc"][0], PUBLIC);
        assert_eq!(v["inReplyTo"], "https://a.example/1");
        assert_eq!(v["object"]["type"], "Note");
        assert_eq!(v["object"]["inReplyTo"], "https://a.example/2");
        assert_eq!(v["tag"][0]["type"], "Hashtag");
        assert_eq!(v["tag"][1]["type"], "Mention");
    }
}

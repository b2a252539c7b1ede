//! The translations are complete and the templates hold no English of their own.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use super::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("frontend")
}

/// Each message id of a language's files with the variables it uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("locales").join(lang);
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        if let Err((_, errors)) =
            fluent_templates::fluent_bundle::FluentResource::try_new(source.clone())
        {
            panic!("{} does not parse: {errors:?}", path.display());
        }
        let mut current: Option<String> = None;
        for line in source.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if starts_message && let Some((id, _)) = line.split_once('=') {
                let id = id.trim().to_string();
                assert!(
                    out.insert(id.clone(), BTreeSet::new()).is_none(),
                    "{lang}: {id} is defined twice"
                );
                current = Some(id);
            } else if line.starts_with('#') {
                current = None;
                continue;
            }
            if let Some(id) = &current {
                let vars = out.get_mut(id).unwrap();
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    let name: String = rest[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                    rest = &rest[at + 1..];
                }
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_english_message_with_its_variables() {
    let english = messages("en");
    assert!(english.len() > 100, "the English messages were not found");
    for (code, _) in LANGUAGES.iter().skip(1) {
        let other = messages(code);
        let mut problems = Vec::new();
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{id} is missing")),
                Some(theirs) if theirs != vars => {
                    problems.push(format!("{id} uses {theirs:?}, English uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !english.contains_key(id) {
                problems.push(format!("{id} is not in English"));
            }
        }
        assert!(problems.is_empty(), "{code}:\n{}", problems.join("\n"));
    }
}

fn templates() -> Vec<(String, String)> {
    let dir = root().join("templates");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The template with every `{{ … }}`, `{% … %}` and `{# … #}` replaced by a
/// character that is neither text nor markup.
fn without_template_code(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find(['{']) {
        let (close, skip) = match rest[start..].chars().nth(1) {
            Some('{') => ("}}", 2),
            Some('%') => ("%}", 2),
            Some('#') => ("#}", 2),
            _ => {
                out.push_str(&rest[..start + 1]);
                rest = &rest[start + 1..];
                continue;
            }
        };
        out.push_str(&rest[..start]);
        let end = rest[start + skip..]
            .find(close)
            .map_or(rest.len(), |e| start + skip + e + 2);
        out.push('\u{1}');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Words (two letters or more) in a piece of a template that a person would read.
fn english_in(text: &str, shortest: usize) -> Option<String> {
    let mut cleaned = String::new();
    let mut rest = text;
    // HTML entities are not words.
    while let Some(amp) = rest.find('&') {
        cleaned.push_str(&rest[..amp]);
        match rest[amp..].find(';') {
            Some(semi) if semi < 10 => rest = &rest[amp + semi + 1..],
            _ => {
                cleaned.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    cleaned.push_str(rest);
    let has_word = cleaned
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= shortest && w != "https" && w != "http");
    has_word.then(|| cleaned.replace('\u{1}', " ").trim().to_string())
}

/// The attributes whose values people read (or hear from a screen reader).
const READ_ATTRIBUTES: &[&str] = &["placeholder", "title", "alt", "aria-label", "label"];

/// English text in a template outside the translations: text between tags and
/// the values of the attributes people read.
fn untranslated(source: &str) -> Vec<String> {
    let html = without_template_code(source);
    let mut found = Vec::new();
    let mut rest = html.as_str();
    loop {
        let Some(open) = rest.find('<') else {
            if let Some(w) = english_in(rest, 2) {
                found.push(w);
            }
            break;
        };
        if let Some(w) = english_in(&rest[..open], 2) {
            found.push(w);
        }
        rest = &rest[open..];
        // Scripts, styles and comments are not read as text.
        for (start, end) in [
            ("<script", "</script>"),
            ("<style", "</style>"),
            ("<!--", "-->"),
        ] {
            if rest.starts_with(start) {
                let skip = rest.find(end).map_or(rest.len(), |e| e + end.len());
                rest = &rest[skip..];
            }
        }
        if !rest.starts_with('<') {
            continue;
        }
        // Within a tag: find where it ends, minding quoted values.
        let mut end = rest.len();
        let mut quote: Option<char> = None;
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"') | (None, '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let tag = &rest[..end];
        for attr in READ_ATTRIBUTES {
            let mut search = tag;
            let needle = format!(" {attr}=\"");
            while let Some(at) = search.find(&needle) {
                let value_start = at + needle.len();
                let value_end = search[value_start..]
                    .find('"')
                    .map_or(search.len(), |e| value_start + e);
                // Codes given as examples ("de", "AT") are not words to translate.
                if let Some(w) = english_in(&search[value_start..value_end], 3) {
                    found.push(format!("{attr}=\"{w}\""));
                }
                search = &search[value_end..];
            }
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    found
}

#[test]
fn templates_hold_no_text_of_their_own() {
    let mut problems = Vec::new();
    for (name, source) in templates() {
        for text in untranslated(&source) {
            problems.push(format!("{name}: {text:?}"));
        }
        // A loop variable named `t` would hide the translation function.
        if source.contains("{% for t in") || source.contains("{% set t =") {
            problems.push(format!("{name}: a variable named t hides t()"));
        }
    }
    assert!(
        problems.is_empty(),
        "English outside the translations:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_untranslated_text_check_finds_text_and_read_attributes() {
    assert_eq!(
        untranslated("<p>Hello {{ name }}</p><input placeholder=\"for example de\">"),
        vec!["Hello", "placeholder=\"for example de\""]
    );
    assert!(
        untranslated("<p>{{ t(\"x\") }} · @{{ a }} (42)</p><a href=\"/x\">&rarr;</a>").is_empty()
    );
    assert!(untranslated("<script>let words = 1;</script>").is_empty());
    assert!(untranslated("<input placeholder=\"AT\"><input placeholder=\"https://\">").is_empty());
}

#[test]
fn every_message_a_template_asks_for_exists_in_english() {
    let english = messages("en");
    let mut missing = Vec::new();
    for (name, source) in templates() {
        for call in ["t(\"", "t_html(\"", "t('", "t_html('"] {
            let mut rest = source.as_str();
            while let Some(at) = rest.find(call) {
                let preceded_by_name = at > 0
                    && rest[..at]
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                let after = &rest[at + call.len()..];
                let quote = call.chars().last().unwrap_or('"');
                let id: String = after.chars().take_while(|c| *c != quote).collect();
                // An id built in the template (`"post-visibility-" ~ v`) is checked
                // by its prefix.
                let built = after[id.len() + 1..].trim_start().starts_with('~');
                if !preceded_by_name {
                    let known = if built {
                        english.keys().any(|k| k.starts_with(&id))
                    } else {
                        english.contains_key(&id)
                    };
                    if !known {
                        missing.push(format!("{name}: {id}"));
                    }
                }
                rest = &rest[at + call.len()..];
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages missing in en:\n{}",
        missing.join("\n")
    );
}

#[test]
fn accept_language_picks_the_best_of_ours() {
    assert_eq!(
        Lang::from_accept_language("de-AT,de;q=0.9,en;q=0.8"),
        Lang::parse("de")
    );
    assert_eq!(
        Lang::from_accept_language("pl,fr;q=0.5,it;q=0.7"),
        Lang::parse("it")
    );
    assert_eq!(Lang::from_accept_language("es;q=0,en"), Some(Lang::EN));
    assert_eq!(Lang::from_accept_language("pl, ru"), None);
    assert_eq!(Lang::from_accept_language(""), None);
    assert_eq!(Lang::parse("FR-be").map(Lang::code), Some("fr"));
}

#[test]
fn messages_are_in_the_language_asked_for_with_plurals() {
    let de = Lang::parse("de").unwrap();
    assert_eq!(text(de, "nav-sign-in"), "Anmelden");
    assert_eq!(
        message(
            Lang::EN,
            "community-members",
            &[("count", FluentValue::from(1))]
        ),
        "1 member"
    );
    assert_eq!(
        message(
            Lang::EN,
            "community-members",
            &[("count", FluentValue::from(3))]
        ),
        "3 members"
    );
    assert_eq!(text(Lang::EN, "no-such-message"), "no-such-message");
}

#[test]
fn the_switcher_keeps_the_query_and_replaces_the_choice() {
    let entries = switcher(Lang::EN, "/materials", Some("q=maths&lang=fr"));
    let urls: Vec<String> = entries
        .iter()
        .map(|e| e.get_attr("url").unwrap().to_string())
        .collect();
    assert_eq!(urls[1], "/materials?q=maths&lang=de");
    assert_eq!(entries.len(), LANGUAGES.len());
}

#[test]
fn dates_are_written_in_the_page_language() {
    use chrono::TimeZone;
    let at = chrono::Utc.with_ymd_and_hms(2026, 12, 4, 14, 5, 0).unwrap();
    assert_eq!(Lang::EN.date(at), "4 December 2026");
    assert_eq!(Lang::parse("de").unwrap().date(at), "4. Dezember 2026");
    assert_eq!(Lang::parse("fr").unwrap().month(at), "décembre 2026");
    assert_eq!(
        Lang::parse("it").unwrap().date_time(at),
        "4 dic 2026, 14:05"
    );
}

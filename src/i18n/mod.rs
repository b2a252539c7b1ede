//! The interface languages: the Fluent messages in `frontend/locales/<lang>/`
//! (compiled into the binary), which language a request is answered in, and the
//! template functions `t` and `t_html` that read them.

use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./frontend/locales",
        fallback_language: "en",
        // No Unicode isolation marks around variables: they would show in
        // attributes and break copy and paste of user names.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The interface languages, each with its own name (for the language switcher).
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("es", "Español"),
];

static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(code, _)| code.parse().unwrap_or_default())
        .collect()
});

/// One of [`LANGUAGES`] (by default the first, English).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lang(usize);

impl Lang {
    pub const EN: Lang = Lang(0);

    /// The interface language for a BCP-47 tag: `de`, `de-AT` and `DE` are German.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        LANGUAGES
            .iter()
            .position(|(code, _)| *code == primary)
            .map(Lang)
    }

    /// The best of our languages for an `Accept-Language` header, by its weights
    /// (`de-AT,de;q=0.9,en;q=0.8`); `None` when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (order, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if q <= 0.0 {
                continue;
            }
            // Higher weight wins; among equal weights, the one named first.
            let better = match best {
                None => true,
                Some((bq, border, _)) => q > bq || (q == bq && order < border),
            };
            if better {
                best = Some((q, order, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// Its code, as `<html lang>` and the `?lang=` choice write it.
    pub fn code(self) -> &'static str {
        LANGUAGES[self.0].0
    }

    /// Its name in itself.
    pub fn name(self) -> &'static str {
        LANGUAGES[self.0].1
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(Lang)
    }

    /// chrono's locale for dates in this language.
    fn chrono_locale(self) -> chrono::Locale {
        match self.code() {
            "de" => chrono::Locale::de_DE,
            "fr" => chrono::Locale::fr_FR,
            "it" => chrono::Locale::it_IT,
            "es" => chrono::Locale::es_ES,
            _ => chrono::Locale::en_GB,
        }
    }

    /// A day as people write it in this language ("4 December 2026",
    /// "4. Dezember 2026").
    pub fn date<Z: chrono::TimeZone>(self, at: chrono::DateTime<Z>) -> String
    where
        Z::Offset: std::fmt::Display,
    {
        let format = match self.code() {
            "de" => "%-d. %B %Y",
            "en" => "%-d %B %Y",
            _ => "%-d %B %Y",
        };
        at.format_localized(format, self.chrono_locale())
            .to_string()
    }

    /// A month and year ("December 2026", "Dezember 2026").
    pub fn month<Z: chrono::TimeZone>(self, at: chrono::DateTime<Z>) -> String
    where
        Z::Offset: std::fmt::Display,
    {
        at.format_localized("%B %Y", self.chrono_locale())
            .to_string()
    }

    /// A day and time, short ("4 Dec 2026, 14:05").
    pub fn date_time<Z: chrono::TimeZone>(self, at: chrono::DateTime<Z>) -> String
    where
        Z::Offset: std::fmt::Display,
    {
        let format = match self.code() {
            "de" => "%-d. %b %Y, %H:%M",
            _ => "%-d %b %Y, %H:%M",
        };
        at.format_localized(format, self.chrono_locale())
            .to_string()
    }

    fn id(self) -> &'static LanguageIdentifier {
        &IDS[self.0]
    }
}

/// Fluent variables by name.
type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

/// A message in `lang` (English when that language lacks it), with its variables.
/// An unknown id gives the id itself, so that a missing message shows and is found.
pub fn message(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.to_string()), v.clone()))
        .collect();
    lookup(lang, id, &args)
}

fn lookup(lang: Lang, id: &str, args: &HashMap<Cow<'static, str>, FluentValue<'_>>) -> String {
    let args = (!args.is_empty()).then_some(args);
    LOCALES
        .try_lookup_complete(lang.id(), id, args)
        .or_else(|| LOCALES.try_lookup_complete(Lang::EN.id(), id, args))
        .unwrap_or_else(|| id.to_string())
}

/// A message without variables.
pub fn text(lang: Lang, id: &str) -> String {
    message(lang, id, &[])
}

/// The language a template is being rendered in (its `lang` variable).
fn lang_of(state: &minijinja::State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

/// Keyword arguments of `t(…)` as Fluent variables: numbers stay numbers (for
/// plurals), everything else is text, HTML-escaped when `escape` says so (for
/// `t_html`, except variables whose name ends in `_html`).
fn fluent_args(kwargs: &minijinja::value::Kwargs, escape: bool) -> Result<Args, minijinja::Error> {
    let mut out = Args::new();
    for key in kwargs.args() {
        let value: minijinja::Value = kwargs.get(key)?;
        let fluent = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if value.kind() == minijinja::value::ValueKind::Number {
            FluentValue::from(f64::try_from(value.clone()).unwrap_or_default())
        } else if value.is_none() || value.is_undefined() {
            FluentValue::from(String::new())
        } else {
            let text = value.to_string();
            if escape && !key.ends_with("_html") {
                FluentValue::from(minijinja::HtmlEscape(&text).to_string())
            } else {
                FluentValue::from(text)
            }
        };
        out.insert(Cow::Owned(key.to_string()), fluent);
    }
    Ok(out)
}

/// `t("id", name=…)` in templates: the message as text (escaped on output).
fn t(
    state: &minijinja::State,
    id: &str,
    kwargs: minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    Ok(lookup(lang_of(state), id, &fluent_args(&kwargs, false)?))
}

/// `t_html("id", url=…)` in templates: a message that holds markup. Its text
/// comes from our own files and is trusted; its variables are escaped.
fn t_html(
    state: &minijinja::State,
    id: &str,
    kwargs: minijinja::value::Kwargs,
) -> Result<minijinja::Value, minijinja::Error> {
    let args = fluent_args(&kwargs, true)?;
    Ok(minijinja::Value::from_safe_string(lookup(
        lang_of(state),
        id,
        &args,
    )))
}

/// The time zone of the page (`time_zone` in the context: the person's
/// setting), else UTC.
fn time_zone_of(state: &minijinja::State) -> chrono_tz::Tz {
    state
        .lookup("time_zone")
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or(chrono_tz::UTC)
}

/// A time given to a template (RFC 3339, as pages pass them) written in the
/// page's language and time zone by `how`; anything else is shown as it is.
fn time_filter(
    state: &minijinja::State,
    value: &minijinja::Value,
    how: fn(Lang, chrono::DateTime<chrono_tz::Tz>) -> String,
) -> String {
    let text = value.to_string();
    match chrono::DateTime::parse_from_rfc3339(&text) {
        Ok(at) => how(lang_of(state), at.with_timezone(&time_zone_of(state))),
        Err(_) => text,
    }
}

/// Adds `t` and `t_html`, and the time filters `day`, `day_time` and
/// `month_year`, to a template environment.
pub fn register(env: &mut minijinja::Environment<'static>) {
    env.add_function("t", t);
    env.add_function("t_html", t_html);
    env.add_filter("day", |state: &minijinja::State, v: minijinja::Value| {
        time_filter(state, &v, Lang::date)
    });
    env.add_filter(
        "day_time",
        |state: &minijinja::State, v: minijinja::Value| time_filter(state, &v, Lang::date_time),
    );
    env.add_filter(
        "month_year",
        |state: &minijinja::State, v: minijinja::Value| time_filter(state, &v, Lang::month),
    );
}

/// The language switcher's entries: each language with the current address
/// asking for it.
pub fn switcher(current: Lang, path: &str, query: Option<&str>) -> Vec<minijinja::Value> {
    let kept: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    Lang::all()
        .map(|lang| {
            let mut params = kept.clone();
            let choice = format!("lang={}", lang.code());
            params.push(&choice);
            minijinja::context! {
                code => lang.code(),
                name => lang.name(),
                current => lang == current,
                url => format!("{path}?{}", params.join("&")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! What a browse of materials or case reports asks for, read from a query the
//! same way for both: given values, checked terms, language, search.

use crate::{
    AppState,
    articles::store::{self, Filter},
    error::AppResult,
    vocabularies,
};

/// A query value that was given (absent and empty are the same).
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .map(str::to_string)
}

/// A given query value as a term of `vocabulary` (`what` names it in the error).
pub fn term(vocabulary: &str, value: &Option<String>, what: &str) -> AppResult<Option<String>> {
    given(value)
        .map(|v| vocabularies::check(vocabulary, &v, what))
        .transpose()
}

/// Whether a query switch is on.
pub fn is_on(value: &Option<String>) -> bool {
    matches!(value.as_deref(), Some("true" | "1"))
}

/// What every browse shares: the search text, the language, "only from here",
/// and the (vocabulary, value, name) terms that must all be there.
pub struct Common<'a> {
    pub text: &'a Option<String>,
    pub language: &'a Option<String>,
    pub local: &'a Option<String>,
    pub terms: &'a [(&'a str, &'a Option<String>, &'a str)],
}

impl Common<'_> {
    /// The filter for these values (checked: an unknown term is an error), with
    /// full-text search run when there is a text.
    pub async fn filter(&self, state: &AppState) -> AppResult<Filter> {
        let mut filter = Filter {
            language: given(self.language)
                .map(|l| vocabularies::clean_language(&l))
                .transpose()?,
            local_only: is_on(self.local),
            ..Default::default()
        };
        for (vocabulary, value, what) in self.terms {
            if let Some(t) = term(vocabulary, value, what)? {
                filter.terms.push((vocabulary.to_string(), t));
            }
        }
        if let Some(text) = given(self.text) {
            filter.only_ids = Some(crate::db::search::matching(&state.db, &text, 500).await?);
        }
        Ok(filter)
    }
}

/// The ids of one page of the articles in `table` that match.
pub async fn page(
    state: &AppState,
    table: &'static str,
    filter: &Filter,
    limit: &Option<String>,
    offset: &Option<String>,
) -> AppResult<Vec<i64>> {
    let (limit, offset) = crate::input::paging(limit, offset, 20, 80)?;
    Ok(store::browse(&state.db, table, filter, limit, offset).await?)
}

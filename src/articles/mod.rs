//! What teaching materials and case reports share as articles: their terms from
//! the vocabularies, their versions, and the page helpers of both. (Their search
//! entry is `db::search`; their kinds' own facts live in `materials` and `cases`.)

pub mod api;
pub mod model;
pub mod pages;
pub mod store;

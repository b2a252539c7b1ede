//! Posts (Mastodon's statuses, ActivityStreams `Note`s): writing them with the four
//! visibilities, addressing and delivering them, receiving them, timelines.

pub mod api;
pub mod apub;
pub mod model;
pub mod pages;
pub mod store;

//! Posts (Mastodon's statuses, ActivityStreams `Note`s): the four visibilities and
//! who may see what, text, mentions and hashtags, recipients, the wire types, and
//! the write primitives. What is built on posts (their kinds, their communities,
//! the pipelines that write them) lives above, in `publishing`: nothing here names it.

pub mod model;
pub mod protocol;
pub mod store;

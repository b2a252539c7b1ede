//! Publishing: the one place that combines a post (base) with its kind (a note, a
//! teaching material, a case report) and its place (a community). Every write of
//! something posted goes through here, as a pipeline in a visible order, in one
//! unit of work with the deliveries it causes:
//!
//! - [`local`]: a person here creates, edits, deletes, favourites or boosts;
//! - [`material`], [`case`]: the article kinds' own create, update and delete;
//! - [`remote`]: storing what arrives from other servers;
//! - [`kinds`]: which kind a post is, and the closed `match` over the kinds for
//!   the object JSON we serve, attaching a kind's facts and receiving them.
//!
//! Its adapters sit beside it: [`api`] (Mastodon's statuses API), [`pages`] (the
//! thread pages) and [`apub`] (the crate's callbacks for post activities).

pub mod api;
pub mod apub;
pub mod case;
pub mod kinds;
pub mod local;
pub mod material;
pub mod pages;
pub mod remote;
mod store;

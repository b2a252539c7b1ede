//! Innovation case reports: what a school team tried, with which tools, what got
//! in the way, what made it work, what evidence they have and how far it spread;
//! posts (Articles on the wire) with structured facts, verified by facilitators
//! of the community they were published in.

pub mod api;
pub mod model;
pub mod pages;
pub mod protocol;
pub mod store;

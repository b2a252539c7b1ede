//! People following people: requests, approvals, removal, and the Follow,
//! Accept, Reject and Undo activities that carry them between servers.

pub mod api;
pub mod apub;
pub mod model;
pub mod protocol;
pub mod store;

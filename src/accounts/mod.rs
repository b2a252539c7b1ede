//! People: local accounts with sign-in, remote actors we know, OAuth apps and
//! tokens, web sessions.

pub mod api;
pub mod apub;
pub mod model;
pub mod oauth;
pub mod pages;
pub mod protocol;
pub mod resolve;
pub mod session;
pub mod settings;
pub mod store;
pub mod throttle;
pub mod tokens;

//! Learning communities: `Group` actors (FEP-1b12) that people join by following,
//! post threads and comments into, and that facilitators moderate. The
//! community's instance checks everything posted into it and has the Group
//! announce it to every member's server.

pub mod api;
pub mod apub;
pub mod model;
pub mod pages;
pub mod protocol;
pub mod store;

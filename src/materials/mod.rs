//! Teaching materials: posts (Articles on the wire) described with the practical
//! core of LRMI / schema.org LearningResource, with files, versions, remixes that
//! link back to their originals, filters and full-text search.

pub mod api;
pub mod model;
pub mod pages;
pub mod protocol;
pub mod store;

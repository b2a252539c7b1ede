//! The admin area of the web app (`/admin`). It owns no data: it shows and
//! changes what the other features own, through their models and stores.

pub mod pages;

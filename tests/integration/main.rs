//! Integration tests: real instances on 127.0.0.1, talked to over HTTP.
//! Run on SQLite by default, on PostgreSQL when TEST_DATABASE_URL is set.

mod abuse;
mod accounts;
mod admin;
mod cases;
mod cli;
mod clients;
mod communities;
mod delivery;
mod discovery;
mod fake;
mod federation;
mod follows;
mod harness;
mod hostile;
mod inbox;
mod interop;
mod languages;
mod lemmy;
mod materials;
mod media;
mod notifications;
mod oauth;
mod pages;
mod peer;
mod posts;
mod server_limits;
mod settings;
mod units;
mod vocabularies;

//! The database: one pool that is either SQLite or PostgreSQL, chosen by URL.
//!
//! Every query is written once, in SQL both engines understand (`$1` placeholders),
//! and run through [`with_db!`], which expands the same code for whichever pool this
//! is. Each query is therefore compiled and type-checked against both drivers, and
//! rows decode into the same structs with native types. Where the dialects really
//! differ, the difference lives here, behind one function.

use std::{borrow::Cow, path::Path, str::FromStr, time::Duration};

pub mod search;

use sqlx::{
    SqlSafeStr,
    migrate::{Migration, MigrationType, Migrator},
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

/// The connection pool, for whichever engine the database URL names.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Starting a transaction that will write. On SQLite it takes the write lock at
/// once (`BEGIN IMMEDIATE`): a deferred transaction that reads first, or writes
/// to an FTS5 table, fails with "database is locked" instead of waiting when
/// another connection writes at the same time.
pub trait BeginWrite {
    type Database: sqlx::Database;

    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>,
    > + Send;
}

impl BeginWrite for SqlitePool {
    type Database = sqlx::Sqlite;

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Database = sqlx::Postgres;

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.begin().await
    }
}

/// Runs the same query code against whichever pool `$db` is, for example
/// `with_db!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await)`.
#[macro_export]
macro_rules! with_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Declares a row struct and implements `sqlx::FromRow` for both drivers, decoding
/// each field from the column of the same name. (sqlx's derive would compile both
/// drivers a second time for the proc-macro host; this costs nothing.)
#[macro_export]
macro_rules! db_row {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($fvis:vis $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        $vis struct $name { $($fvis $field: $ty),* }

        impl<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> for $name {
            fn from_row(row: &'r sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
                use sqlx::Row;
                Ok(Self { $($field: row.try_get(stringify!($field))?),* })
            }
        }

        impl<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> for $name {
            fn from_row(row: &'r sqlx::postgres::PgRow) -> Result<Self, sqlx::Error> {
                use sqlx::Row;
                Ok(Self { $($field: row.try_get(stringify!($field))?),* })
            }
        }
    };
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the folder for the SQLite database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {}", describe_open_error(.0))]
    Open(#[from] sqlx::Error),
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    /// Opens a pool for `url` (`sqlite://…` or `postgres://…`). SQLite files and their
    /// folder are created when missing; SQLite runs in WAL mode with a busy timeout.
    pub async fn connect(url: &str) -> Result<Db, ConnectError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // With WAL, NORMAL keeps the database consistent across crashes and
                // saves an fsync per write; a power cut may lose the last moments.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            let path = options.get_filename();
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                create_dir(dir)?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            Self::connect_postgres(options).await
        } else {
            Err(ConnectError::UnsupportedUrl(url.to_string()))
        }
    }

    /// Opens a PostgreSQL pool from ready-made options (tests use this to pin a schema).
    pub async fn connect_postgres(options: PgConnectOptions) -> Result<Db, ConnectError> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await?;
        Ok(Db::Postgres(pool))
    }

    /// Applies every migration this build knows and the database has not seen.
    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match self {
            Db::Sqlite(pool) => migrator(SQLITE_MIGRATIONS).run(pool).await?,
            Db::Postgres(pool) => migrator(POSTGRES_MIGRATIONS).run(pool).await?,
        }
        Ok(())
    }

    /// The clause that lets several processes claim rows without waiting on each
    /// other: PostgreSQL's `FOR UPDATE SKIP LOCKED`. SQLite has one writer at a
    /// time, so the claiming UPDATE is atomic on its own.
    pub fn skip_locked(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "",
            Db::Postgres(_) => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// A subquery giving the ids in the JSON list bound at `$n` (e.g. `[3, 1, 2]`),
    /// for `id IN (…)` with a list of any length in one placeholder.
    pub fn ids_in_json(&self, n: usize) -> String {
        match self {
            Db::Sqlite(_) => format!("SELECT value FROM json_each(${n})"),
            Db::Postgres(_) => format!("SELECT jsonb_array_elements_text(${n}::jsonb)::bigint"),
        }
    }

    /// "sqlite" or "postgres", for logs and the admin.
    pub fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        with_db!(self, |pool| pool.close().await)
    }
}

fn describe_open_error(err: &sqlx::Error) -> String {
    match err {
        sqlx::Error::PoolTimedOut => {
            "the database server did not answer (is it running, and is the URL right?)".into()
        }
        other => other.to_string(),
    }
}

fn create_dir(dir: &Path) -> Result<(), ConnectError> {
    std::fs::create_dir_all(dir).map_err(|source| ConnectError::CreateDir {
        path: dir.display().to_string(),
        source,
    })
}

/// (version, description, SQL). Both lists have the same versions, in order.
type MigrationFile = (i64, &'static str, &'static str);

const SQLITE_MIGRATIONS: &[MigrationFile] = &[
    (
        1,
        "accounts and sign-in",
        include_str!("../../migrations/sqlite/0001_accounts.sql"),
    ),
    (
        2,
        "follows and delivery",
        include_str!("../../migrations/sqlite/0002_follows_and_delivery.sql"),
    ),
    (
        3,
        "statuses",
        include_str!("../../migrations/sqlite/0003_statuses.sql"),
    ),
    (
        4,
        "communities",
        include_str!("../../migrations/sqlite/0004_communities.sql"),
    ),
    (
        5,
        "account banners",
        include_str!("../../migrations/sqlite/0005_account_header.sql"),
    ),
    (
        6,
        "teaching materials",
        include_str!("../../migrations/sqlite/0006_materials.sql"),
    ),
    (
        7,
        "case reports",
        include_str!("../../migrations/sqlite/0007_case_reports.sql"),
    ),
    (
        8,
        "sent activities",
        include_str!("../../migrations/sqlite/0008_sent_activities.sql"),
    ),
    (
        9,
        "post extras",
        include_str!("../../migrations/sqlite/0009_post_extras.sql"),
    ),
    (
        10,
        "sign-in attempts",
        include_str!("../../migrations/sqlite/0010_sign_in_attempts.sql"),
    ),
];

const POSTGRES_MIGRATIONS: &[MigrationFile] = &[
    (
        1,
        "accounts and sign-in",
        include_str!("../../migrations/postgres/0001_accounts.sql"),
    ),
    (
        2,
        "follows and delivery",
        include_str!("../../migrations/postgres/0002_follows_and_delivery.sql"),
    ),
    (
        3,
        "statuses",
        include_str!("../../migrations/postgres/0003_statuses.sql"),
    ),
    (
        4,
        "communities",
        include_str!("../../migrations/postgres/0004_communities.sql"),
    ),
    (
        5,
        "account banners",
        include_str!("../../migrations/postgres/0005_account_header.sql"),
    ),
    (
        6,
        "teaching materials",
        include_str!("../../migrations/postgres/0006_materials.sql"),
    ),
    (
        7,
        "case reports",
        include_str!("../../migrations/postgres/0007_case_reports.sql"),
    ),
    (
        8,
        "sent activities",
        include_str!("../../migrations/postgres/0008_sent_activities.sql"),
    ),
    (
        9,
        "post extras",
        include_str!("../../migrations/postgres/0009_post_extras.sql"),
    ),
    (
        10,
        "sign-in attempts",
        include_str!("../../migrations/postgres/0010_sign_in_attempts.sql"),
    ),
];

fn migrator(files: &[MigrationFile]) -> Migrator {
    let migrations = files
        .iter()
        .map(|(version, description, sql)| {
            Migration::new(
                *version,
                Cow::Borrowed(*description),
                MigrationType::Simple,
                sql.into_sql_str(),
                false,
            )
        })
        .collect::<Vec<_>>();
    Migrator {
        migrations: Cow::Owned(migrations),
        ..Migrator::DEFAULT
    }
}

/// True when a database error is a unique-constraint violation (both engines).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(e) => e.is_unique_violation(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_engines_have_the_same_migration_versions() {
        let sqlite: Vec<i64> = SQLITE_MIGRATIONS.iter().map(|m| m.0).collect();
        let postgres: Vec<i64> = POSTGRES_MIGRATIONS.iter().map(|m| m.0).collect();
        assert_eq!(sqlite, postgres);
    }
}

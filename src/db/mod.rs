//! The database: one pool that is either SQLite or PostgreSQL, chosen by URL.
//!
//! Every query is written once, in SQL both engines understand (`$1` placeholders),
//! and run through [`with_db!`], which expands the same code for whichever pool this
//! is. Each query is therefore compiled and type-checked against both drivers, and
//! rows decode into the same structs with native types. Where the dialects really
//! differ, the difference lives here, behind one function.

use std::{borrow::Cow, path::Path, str::FromStr, sync::Arc, time::Duration};

use tokio::sync::Mutex;

pub mod search;
pub mod settings;

use sqlx::{
    SqlSafeStr,
    migrate::{Migration, MigrationType, Migrator},
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

/// The database, for whichever engine the database URL names: its connection pool,
/// or one open write transaction (see [`Db::begin_write`]) through which every
/// query of this handle runs.
#[derive(Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
    SqliteTx(Arc<Mutex<Option<sqlx::Transaction<'static, sqlx::Sqlite>>>>),
    PostgresTx(Arc<Mutex<Option<sqlx::Transaction<'static, sqlx::Postgres>>>>),
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self {
            Db::Sqlite(_) | Db::Postgres(_) => "pool",
            Db::SqliteTx(_) | Db::PostgresTx(_) => "transaction",
        };
        write!(f, "Db({}, {what})", self.engine())
    }
}

/// One unit of work: a write transaction, committed by [`Tx::commit`] or rolled
/// back when dropped. A unit begun inside another joins it (only the outer one
/// commits), so a write that is part of a bigger one needs no second path.
pub struct Tx {
    db: Db,
    owned: bool,
}

impl Tx {
    /// The handle whose queries are part of this unit.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Makes the unit's writes permanent (for a joined unit: leaves that to its owner).
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        if !self.owned {
            return Ok(());
        }
        self.owned = false;
        match &self.db {
            Db::SqliteTx(t) => match t.lock().await.take() {
                Some(tx) => tx.commit().await,
                None => Err(finished()),
            },
            Db::PostgresTx(t) => match t.lock().await.take() {
                Some(tx) => tx.commit().await,
                None => Err(finished()),
            },
            Db::Sqlite(_) | Db::Postgres(_) => Ok(()),
        }
    }
}

impl Drop for Tx {
    /// Not committed: rolled back now, even if a copy of the handle is still held
    /// somewhere (it then fails instead of keeping the write lock).
    fn drop(&mut self) {
        if !self.owned {
            return;
        }
        match &self.db {
            Db::SqliteTx(t) => {
                if let Ok(mut g) = t.try_lock() {
                    g.take();
                }
            }
            Db::PostgresTx(t) => {
                if let Ok(mut g) = t.try_lock() {
                    g.take();
                }
            }
            Db::Sqlite(_) | Db::Postgres(_) => {}
        }
    }
}

/// The error of a query through a unit that has already ended.
pub fn finished() -> sqlx::Error {
    sqlx::Error::Protocol("the unit of work has already ended".into())
}

/// A transaction on a connection: inside a unit of work already, a savepoint.
pub trait BeginNested {
    type Database: sqlx::Database;

    fn begin_write(
        &mut self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'_, Self::Database>, sqlx::Error>,
    > + Send;
}

impl BeginNested for sqlx::SqliteConnection {
    type Database = sqlx::Sqlite;

    async fn begin_write(&mut self) -> Result<sqlx::Transaction<'_, sqlx::Sqlite>, sqlx::Error> {
        if sqlx::Connection::is_in_transaction(self) {
            sqlx::Connection::begin(self).await
        } else {
            sqlx::Connection::begin_with(self, "BEGIN IMMEDIATE").await
        }
    }
}

impl BeginNested for sqlx::PgConnection {
    type Database = sqlx::Postgres;

    async fn begin_write(&mut self) -> Result<sqlx::Transaction<'_, sqlx::Postgres>, sqlx::Error> {
        sqlx::Connection::begin(self).await
    }
}

/// Runs the same query code against whichever engine `$db` is, on one connection
/// (`$pool`, a `&mut` connection: the pool's, or the unit of work's), for example
/// `with_db!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await)`.
/// The body must give a `Result` whose error comes from `sqlx::Error`.
#[macro_export]
macro_rules! with_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite(p) => match p.acquire().await {
                Ok(mut c) => {
                    let $pool: &mut sqlx::SqliteConnection = &mut c;
                    $body
                }
                Err(e) => Err(e.into()),
            },
            $crate::db::Db::Postgres(p) => match p.acquire().await {
                Ok(mut c) => {
                    let $pool: &mut sqlx::PgConnection = &mut c;
                    $body
                }
                Err(e) => Err(e.into()),
            },
            $crate::db::Db::SqliteTx(t) => match t.lock().await.as_mut() {
                Some(tx) => {
                    let $pool: &mut sqlx::SqliteConnection = &mut *tx;
                    $body
                }
                None => Err($crate::db::finished().into()),
            },
            $crate::db::Db::PostgresTx(t) => match t.lock().await.as_mut() {
                Some(tx) => {
                    let $pool: &mut sqlx::PgConnection = &mut *tx;
                    $body
                }
                None => Err($crate::db::finished().into()),
            },
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
            Db::SqliteTx(_) | Db::PostgresTx(_) => {
                return Err(ConnectError::Open(sqlx::Error::Protocol(
                    "migrations run on the pool, not inside a unit of work".into(),
                )));
            }
        }
        Ok(())
    }

    /// The clause that lets several processes claim rows without waiting on each
    /// other: PostgreSQL's `FOR UPDATE SKIP LOCKED`. SQLite has one writer at a
    /// time, so the claiming UPDATE is atomic on its own.
    pub fn skip_locked(&self) -> &'static str {
        match self {
            Db::Sqlite(_) | Db::SqliteTx(_) => "",
            Db::Postgres(_) | Db::PostgresTx(_) => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// A subquery giving the ids in the JSON list bound at `$n` (e.g. `[3, 1, 2]`),
    /// for `id IN (…)` with a list of any length in one placeholder.
    pub fn ids_in_json(&self, n: usize) -> String {
        match self {
            Db::Sqlite(_) | Db::SqliteTx(_) => format!("SELECT value FROM json_each(${n})"),
            Db::Postgres(_) | Db::PostgresTx(_) => {
                format!("SELECT jsonb_array_elements_text(${n}::jsonb)::bigint")
            }
        }
    }

    /// The same for a JSON list of strings (e.g. `["https://a/1", "https://b/2"]`).
    pub fn texts_in_json(&self, n: usize) -> String {
        match self {
            Db::Sqlite(_) | Db::SqliteTx(_) => format!("SELECT value FROM json_each(${n})"),
            Db::Postgres(_) | Db::PostgresTx(_) => {
                format!("SELECT jsonb_array_elements_text(${n}::jsonb)")
            }
        }
    }

    /// "sqlite" or "postgres", for logs and the admin.
    pub fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) | Db::SqliteTx(_) => "sqlite",
            Db::Postgres(_) | Db::PostgresTx(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
            Db::SqliteTx(_) | Db::PostgresTx(_) => {}
        }
    }

    /// Begins a unit of work: a write transaction (on SQLite `BEGIN IMMEDIATE`,
    /// which takes the write lock at once, so a unit that reads first cannot fail
    /// with "database is locked" when another connection writes meanwhile). On a
    /// handle that is a unit already, joins it.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        let (db, owned) = match self {
            Db::Sqlite(pool) => {
                let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                (Db::SqliteTx(Arc::new(Mutex::new(Some(tx)))), true)
            }
            Db::Postgres(pool) => {
                let tx = pool.begin().await?;
                (Db::PostgresTx(Arc::new(Mutex::new(Some(tx)))), true)
            }
            joined @ (Db::SqliteTx(_) | Db::PostgresTx(_)) => (joined.clone(), false),
        };
        Ok(Tx { db, owned })
    }

    /// The id the next row of `table` (one of ours, with an integer `id` key) will
    /// get, taken now so that the row can be written with it: inside a unit of
    /// work, whose write lock (SQLite) or sequence (PostgreSQL) keeps it ours.
    pub async fn next_id(&self, table: &'static str) -> Result<i64, sqlx::Error> {
        match self {
            Db::Sqlite(_) | Db::SqliteTx(_) => {
                with_db!(self, |pool| {
                    sqlx::query_scalar(
                        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = $1), 0) + 1",
                    )
                    .bind(table)
                    .fetch_one(pool)
                    .await
                })
            }
            Db::Postgres(_) | Db::PostgresTx(_) => {
                with_db!(self, |pool| {
                    sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence($1, 'id'))")
                        .bind(table)
                        .fetch_one(pool)
                        .await
                })
            }
        }
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
    (
        11,
        "queued work",
        include_str!("../../migrations/sqlite/0011_queued_work.sql"),
    ),
    (
        12,
        "article tables",
        include_str!("../../migrations/sqlite/0012_article_tables.sql"),
    ),
    (
        13,
        "page indexes",
        include_str!("../../migrations/sqlite/0013_page_indexes.sql"),
    ),
    (
        14,
        "user locale",
        include_str!("../../migrations/sqlite/0014_user_locale.sql"),
    ),
    (
        15,
        "markers",
        include_str!("../../migrations/sqlite/0015_markers.sql"),
    ),
    (
        16,
        "instance settings",
        include_str!("../../migrations/sqlite/0016_instance_settings.sql"),
    ),
    (
        17,
        "account settings",
        include_str!("../../migrations/sqlite/0017_profile_terms.sql"),
    ),
    (
        18,
        "bookmarks and pins",
        include_str!("../../migrations/sqlite/0018_bookmarks.sql"),
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
    (
        11,
        "queued work",
        include_str!("../../migrations/postgres/0011_queued_work.sql"),
    ),
    (
        12,
        "article tables",
        include_str!("../../migrations/postgres/0012_article_tables.sql"),
    ),
    (
        13,
        "page indexes",
        include_str!("../../migrations/postgres/0013_page_indexes.sql"),
    ),
    (
        14,
        "user locale",
        include_str!("../../migrations/postgres/0014_user_locale.sql"),
    ),
    (
        15,
        "markers",
        include_str!("../../migrations/postgres/0015_markers.sql"),
    ),
    (
        16,
        "instance settings",
        include_str!("../../migrations/postgres/0016_instance_settings.sql"),
    ),
    (
        17,
        "account settings",
        include_str!("../../migrations/postgres/0017_profile_terms.sql"),
    ),
    (
        18,
        "bookmarks and pins",
        include_str!("../../migrations/postgres/0018_bookmarks.sql"),
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

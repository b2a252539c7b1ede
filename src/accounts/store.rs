//! The SQL of accounts, users and the instance actor (and only that).

use chrono::{DateTime, Utc};
use url::Url;

use crate::{
    accounts::model::{Account, Role, TeacherProfile, User},
    db::{Db, is_unique_violation},
    db_row, with_db,
};

/// The account columns, in the order `AccountRow` decodes them.
macro_rules! account_columns {
    () => {
        "a.id, a.username, a.domain, a.actor_type, a.ap_id, a.url, a.display_name, \
         a.note_source, a.note_html, a.avatar_url, a.inbox_url, a.outbox_url, \
         a.shared_inbox_url, a.followers_url, a.following_url, a.public_key_pem, \
         a.private_key_pem, a.locked, a.bot, a.discoverable, a.indexable, a.subjects, \
         a.education_levels, a.languages, a.country, a.region, a.school, a.created_at, \
         a.updated_at, a.fetched_at, a.header_url, a.school_subjects"
    };
}

macro_rules! user_columns {
    () => {
        "u.id AS u_id, u.email AS u_email, u.password_hash AS u_password_hash, \
         u.role AS u_role, u.created_at AS u_created_at, u.last_sign_in_at AS u_last_sign_in_at, \
         u.locale AS u_locale, u.time_zone AS u_time_zone, \
         u.default_visibility AS u_default_visibility, u.approved AS u_approved, \
         u.sign_up_reason AS u_sign_up_reason, u.suspended_at AS u_suspended_at"
    };
}

db_row! {
    struct AccountRow {
        id: i64,
        username: String,
        domain: Option<String>,
        actor_type: String,
        ap_id: String,
        url: Option<String>,
        display_name: String,
        note_source: String,
        note_html: String,
        avatar_url: Option<String>,
        inbox_url: String,
        outbox_url: Option<String>,
        shared_inbox_url: Option<String>,
        followers_url: Option<String>,
        following_url: Option<String>,
        public_key_pem: String,
        private_key_pem: Option<String>,
        locked: bool,
        bot: bool,
        discoverable: bool,
        indexable: bool,
        subjects: String,
        education_levels: String,
        languages: String,
        country: Option<String>,
        region: Option<String>,
        school: Option<String>,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        fetched_at: Option<DateTime<Utc>>,
        header_url: Option<String>,
        school_subjects: String,
    }
}

db_row! {
    struct UserRow {
        u_id: i64,
        u_email: String,
        u_password_hash: String,
        u_role: String,
        u_created_at: DateTime<Utc>,
        u_last_sign_in_at: Option<DateTime<Utc>>,
        u_locale: Option<String>,
        u_time_zone: Option<String>,
        u_default_visibility: Option<String>,
        u_approved: bool,
        u_sign_up_reason: Option<String>,
        u_suspended_at: Option<DateTime<Utc>>,
    }
}

fn list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

fn list_json(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

impl TryFrom<AccountRow> for Account {
    type Error = sqlx::Error;

    fn try_from(r: AccountRow) -> Result<Self, Self::Error> {
        let parse = |s: &str| Url::parse(s).map_err(|e| sqlx::Error::Decode(Box::new(e)));
        Ok(Account {
            id: r.id,
            ap_id: parse(&r.ap_id)?,
            inbox_url: parse(&r.inbox_url)?,
            username: r.username,
            domain: r.domain,
            actor_type: r.actor_type,
            url: r.url,
            display_name: r.display_name,
            note_source: r.note_source,
            note_html: r.note_html,
            avatar_url: r.avatar_url,
            header_url: r.header_url,
            outbox_url: r.outbox_url,
            shared_inbox_url: r.shared_inbox_url,
            followers_url: r.followers_url,
            following_url: r.following_url,
            public_key_pem: r.public_key_pem,
            private_key_pem: r.private_key_pem,
            locked: r.locked,
            bot: r.bot,
            discoverable: r.discoverable,
            indexable: r.indexable,
            profile: TeacherProfile {
                subjects: list(&r.subjects),
                school_subjects: list(&r.school_subjects),
                education_levels: list(&r.education_levels),
                languages: list(&r.languages),
                country: r.country,
                region: r.region,
                school: r.school,
            },
            created_at: r.created_at,
            updated_at: r.updated_at,
            fetched_at: r.fetched_at,
        })
    }
}

fn user_from(row: UserRow, account_id: i64) -> Result<User, sqlx::Error> {
    Ok(User {
        id: row.u_id,
        account_id,
        email: row.u_email,
        password_hash: row.u_password_hash,
        role: row
            .u_role
            .parse::<Role>()
            .map_err(|e| sqlx::Error::Decode(e.into()))?,
        created_at: row.u_created_at,
        last_sign_in_at: row.u_last_sign_in_at,
        locale: row.u_locale,
        time_zone: row.u_time_zone,
        default_visibility: row.u_default_visibility,
        approved: row.u_approved,
        sign_up_reason: row.u_sign_up_reason,
        suspended_at: row.u_suspended_at,
    })
}

/// Decodes a row holding account and user columns.
fn account_and_user<R>(row: &R) -> Result<(Account, User), sqlx::Error>
where
    R: sqlx::Row,
    for<'r> AccountRow: sqlx::FromRow<'r, R>,
    for<'r> UserRow: sqlx::FromRow<'r, R>,
{
    let account = Account::try_from(<AccountRow as sqlx::FromRow<R>>::from_row(row)?)?;
    let user = user_from(<UserRow as sqlx::FromRow<R>>::from_row(row)?, account.id)?;
    Ok((account, user))
}

pub async fn find_by_id(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE a.id = $1"
        ))
        .bind(id)
        .fetch_optional(pool)
        .await
    })?;
    row.map(Account::try_from).transpose()
}

/// Several accounts by id in one query (for a page that shows many authors).
pub async fn find_many(
    db: &Db,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Account>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let sql = format!(
        concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE a.id IN ({})"
        ),
        db.ids_in_json(1)
    );
    let list = serde_json::to_string(ids).unwrap_or_default();
    let rows: Vec<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(&list)
            .fetch_all(pool)
            .await
    })?;
    rows.into_iter()
        .map(|r| Account::try_from(r).map(|a| (a.id, a)))
        .collect()
}

pub async fn find_by_ap_id(db: &Db, ap_id: &Url) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE a.ap_id = $1"
        ))
        .bind(ap_id.as_str())
        .fetch_optional(pool)
        .await
    })?;
    row.map(Account::try_from).transpose()
}

/// A local account by user name, ignoring case.
pub async fn find_local_by_username(db: &Db, name: &str) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE lower(a.username) = lower($1) AND a.domain IS NULL"
        ))
        .bind(name)
        .fetch_optional(pool)
        .await
    })?;
    row.map(Account::try_from).transpose()
}

/// A known remote account by user name and domain, ignoring case.
pub async fn find_remote_by_acct(
    db: &Db,
    name: &str,
    domain: &str,
) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE lower(a.username) = lower($1) AND lower(a.domain) = lower($2)"
        ))
        .bind(name)
        .bind(domain)
        .fetch_optional(pool)
        .await
    })?;
    row.map(Account::try_from).transpose()
}

/// A local person by user name or e-mail address, for signing in.
pub async fn find_user_by_login(
    db: &Db,
    login: &str,
) -> Result<Option<(Account, User)>, sqlx::Error> {
    with_db!(db, |pool| {
        let row = sqlx::query(concat!(
            "SELECT ",
            account_columns!(),
            ", ",
            user_columns!(),
            " FROM users u JOIN accounts a ON a.id = u.account_id \
             WHERE lower(a.username) = lower($1) OR lower(u.email) = lower($1)"
        ))
        .bind(login)
        .fetch_optional(pool)
        .await?;
        row.as_ref().map(account_and_user).transpose()
    })
}

pub async fn find_user_by_id(
    db: &Db,
    user_id: i64,
) -> Result<Option<(Account, User)>, sqlx::Error> {
    with_db!(db, |pool| {
        let row = sqlx::query(concat!(
            "SELECT ",
            account_columns!(),
            ", ",
            user_columns!(),
            " FROM users u JOIN accounts a ON a.id = u.account_id WHERE u.id = $1"
        ))
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
        row.as_ref().map(account_and_user).transpose()
    })
}

/// Every local person, oldest first.
pub async fn list_users(db: &Db) -> Result<Vec<(Account, User)>, sqlx::Error> {
    with_db!(db, |pool| {
        let rows = sqlx::query(concat!(
            "SELECT ",
            account_columns!(),
            ", ",
            user_columns!(),
            " FROM users u JOIN accounts a ON a.id = u.account_id ORDER BY u.id"
        ))
        .fetch_all(pool)
        .await?;
        rows.iter().map(account_and_user).collect()
    })
}

/// The columns of a new account row, local or remote.
pub struct NewAccount {
    pub username: String,
    pub domain: Option<String>,
    pub actor_type: String,
    pub ap_id: String,
    pub url: Option<String>,
    pub display_name: String,
    pub note_html: String,
    pub avatar_url: Option<String>,
    /// The banner image (`image` on the wire, `header` in the Mastodon API).
    pub header_url: Option<String>,
    pub inbox_url: String,
    pub outbox_url: Option<String>,
    pub shared_inbox_url: Option<String>,
    pub followers_url: Option<String>,
    pub following_url: Option<String>,
    pub public_key_pem: String,
    pub private_key_pem: Option<String>,
    pub locked: bool,
    pub bot: bool,
    pub discoverable: bool,
    pub indexable: bool,
}

pub enum CreateUserError {
    Taken,
    Db(sqlx::Error),
}

/// The INSERT of a [`NewAccount`]; `$20` is "now", `$21` when it was fetched,
/// `$22` the banner.
macro_rules! insert_account_sql {
    () => {
        "INSERT INTO accounts (username, domain, actor_type, ap_id, url, \
         display_name, note_html, avatar_url, inbox_url, outbox_url, shared_inbox_url, \
         followers_url, following_url, public_key_pem, private_key_pem, locked, bot, \
         discoverable, indexable, created_at, updated_at, fetched_at, header_url) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $20, $21, $22)"
    };
}

/// Binds a [`NewAccount`] to `insert_account_sql!` (or the upsert built on it).
macro_rules! bind_new_account {
    ($query:expr, $a:expr, $now:expr, $fetched:expr) => {
        $query
            .bind(&$a.username)
            .bind(&$a.domain)
            .bind(&$a.actor_type)
            .bind(&$a.ap_id)
            .bind(&$a.url)
            .bind(&$a.display_name)
            .bind(&$a.note_html)
            .bind(&$a.avatar_url)
            .bind(&$a.inbox_url)
            .bind(&$a.outbox_url)
            .bind(&$a.shared_inbox_url)
            .bind(&$a.followers_url)
            .bind(&$a.following_url)
            .bind(&$a.public_key_pem)
            .bind(&$a.private_key_pem)
            .bind($a.locked)
            .bind($a.bot)
            .bind($a.discoverable)
            .bind($a.indexable)
            .bind($now)
            .bind($fetched)
            .bind(&$a.header_url)
    };
}

/// Inserts a local account and its user in one transaction.
pub async fn create_local_user(
    db: &Db,
    account: NewAccount,
    email: &str,
    password_hash: &str,
    role: Role,
    pending_reason: Option<&str>,
) -> Result<(Account, User), CreateUserError> {
    let now = Utc::now();
    let result: Result<i64, sqlx::Error> = with_db!(db, |pool| {
        async {
            let mut tx = crate::db::BeginNested::begin_write(pool).await?;
            let account_id: i64 = bind_new_account!(
                sqlx::query_scalar(concat!(insert_account_sql!(), " RETURNING id")),
                account,
                now,
                None::<DateTime<Utc>>
            )
            .fetch_one(&mut *tx)
            .await?;
            let user_id: i64 = sqlx::query_scalar(
                "INSERT INTO users (account_id, email, password_hash, role, created_at, \
                 approved, sign_up_reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(account_id)
            .bind(email)
            .bind(password_hash)
            .bind(role.as_str())
            .bind(now)
            .bind(pending_reason.is_none())
            .bind(pending_reason)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(user_id)
        }
        .await
    });
    let user_id = match result {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(CreateUserError::Taken),
        Err(e) => return Err(CreateUserError::Db(e)),
    };
    match find_user_by_id(db, user_id).await {
        Ok(Some(pair)) => Ok(pair),
        Ok(None) => Err(CreateUserError::Db(sqlx::Error::RowNotFound)),
        Err(e) => Err(CreateUserError::Db(e)),
    }
}

/// Inserts a local actor that nobody signs in as (a community's Group).
pub async fn create_local_actor(db: &Db, account: NewAccount) -> Result<Account, CreateUserError> {
    let now = Utc::now();
    let result: Result<i64, sqlx::Error> = with_db!(db, |pool| {
        bind_new_account!(
            sqlx::query_scalar(concat!(insert_account_sql!(), " RETURNING id")),
            account,
            now,
            None::<DateTime<Utc>>
        )
        .fetch_one(pool)
        .await
    });
    let id = match result {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(CreateUserError::Taken),
        Err(e) => return Err(CreateUserError::Db(e)),
    };
    match find_by_id(db, id).await {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(CreateUserError::Db(sqlx::Error::RowNotFound)),
        Err(e) => Err(CreateUserError::Db(e)),
    }
}

/// An account's followers, the accounts it follows and its posts, counted in one
/// query (every account shown in the API carries them).
pub async fn counts(db: &Db, account_id: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM follows WHERE followed_id = $1 AND accepted), \
                    (SELECT COUNT(*) FROM follows WHERE follower_id = $1 AND accepted), \
                    (SELECT COUNT(*) FROM statuses WHERE account_id = $1 AND deleted_at IS NULL)",
        )
        .bind(account_id)
        .fetch_one(pool)
        .await
    })
}

/// Forgets a remote account (its server said it is gone).
pub async fn delete_remote(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM accounts WHERE id = $1 AND domain IS NOT NULL")
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Stores a fetched remote actor, or refreshes the copy we have (keyed by its id).
pub async fn upsert_remote(db: &Db, account: NewAccount) -> Result<Account, sqlx::Error> {
    let now = Utc::now();
    // A server may give a name to a new actor id (an account deleted and made
    // again): the old copy keeps its id but gives up the name.
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE accounts SET username = username || '~' || CAST(id AS TEXT) \
             WHERE lower(username) = lower($1) AND lower(domain) = lower($2) AND ap_id <> $3",
        )
        .bind(&account.username)
        .bind(&account.domain)
        .bind(&account.ap_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    let id: i64 = with_db!(db, |pool| {
        bind_new_account!(
            sqlx::query_scalar(concat!(
                insert_account_sql!(),
                " ON CONFLICT (ap_id) DO UPDATE SET username = excluded.username, \
                 actor_type = excluded.actor_type, url = excluded.url, \
                 display_name = excluded.display_name, note_html = excluded.note_html, \
                 avatar_url = excluded.avatar_url, header_url = excluded.header_url, \
                 inbox_url = excluded.inbox_url, \
                 outbox_url = excluded.outbox_url, shared_inbox_url = excluded.shared_inbox_url, \
                 followers_url = excluded.followers_url, following_url = excluded.following_url, \
                 public_key_pem = excluded.public_key_pem, locked = excluded.locked, \
                 bot = excluded.bot, discoverable = excluded.discoverable, \
                 indexable = excluded.indexable, updated_at = excluded.updated_at, \
                 fetched_at = excluded.fetched_at \
                 RETURNING id"
            )),
            account,
            now,
            Some(now)
        )
        .fetch_one(pool)
        .await
    })?;
    find_by_id(db, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Writes the editable profile of an account back.
pub async fn save_profile(db: &Db, a: &Account) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE accounts SET display_name = $1, note_source = $2, note_html = $3, \
             avatar_url = $4, locked = $5, bot = $6, discoverable = $7, indexable = $8, \
             subjects = $9, education_levels = $10, languages = $11, country = $12, \
             region = $13, school = $14, updated_at = $15, header_url = $17, \
             school_subjects = $18 WHERE id = $16",
        )
        .bind(&a.display_name)
        .bind(&a.note_source)
        .bind(&a.note_html)
        .bind(&a.avatar_url)
        .bind(a.locked)
        .bind(a.bot)
        .bind(a.discoverable)
        .bind(a.indexable)
        .bind(list_json(&a.profile.subjects))
        .bind(list_json(&a.profile.education_levels))
        .bind(list_json(&a.profile.languages))
        .bind(&a.profile.country)
        .bind(&a.profile.region)
        .bind(&a.profile.school)
        .bind(a.updated_at)
        .bind(a.id)
        .bind(&a.header_url)
        .bind(list_json(&a.profile.school_subjects))
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Gives a person another role on this instance.
pub async fn set_role(db: &Db, user_id: i64, role: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Keeps the interface language a person chose (`None`: no choice of theirs).
pub async fn set_default_visibility(
    db: &Db,
    user_id: i64,
    visibility: &str,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET default_visibility = $1 WHERE id = $2")
            .bind(visibility)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn set_time_zone(
    db: &Db,
    user_id: i64,
    time_zone: Option<&str>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET time_zone = $1 WHERE id = $2")
            .bind(time_zone)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn set_locale(db: &Db, user_id: i64, locale: Option<&str>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Replaces a person's password hash.
pub async fn set_password_hash(
    db: &Db,
    user_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn touch_sign_in(db: &Db, user_id: i64) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET last_sign_in_at = $1, last_active_at = $1 WHERE id = $2")
            .bind(now)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Marks a person active (at most one write per hour per person).
pub async fn touch_active(db: &Db, user_id: i64) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    let hour_ago = now - chrono::Duration::hours(1);
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE users SET last_active_at = $1 WHERE id = $2 \
             AND (last_active_at IS NULL OR last_active_at < $3)",
        )
        .bind(now)
        .bind(user_id)
        .bind(hour_ago)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Counts of local people: all, active in the last 30 days, in the last 180 days.
pub async fn user_counts(db: &Db) -> Result<(i64, i64, i64), sqlx::Error> {
    let now = Utc::now();
    let month = now - chrono::Duration::days(30);
    let half_year = now - chrono::Duration::days(180);
    let row: (i64, i64, i64) = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT COUNT(*), \
             COUNT(CASE WHEN last_active_at >= $1 THEN 1 END), \
             COUNT(CASE WHEN last_active_at >= $2 THEN 1 END) FROM users",
        )
        .bind(month)
        .bind(half_year)
        .fetch_one(pool)
        .await
    })?;
    Ok(row)
}

/// How many other servers we know accounts on.
pub async fn known_domain_count(db: &Db) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(DISTINCT lower(domain)) FROM accounts WHERE domain IS NOT NULL",
        )
        .fetch_one(pool)
        .await
    })
}

/// The instance actor's key pair, made on first start. Several processes may
/// start at once: whoever inserts first wins, and everyone reads that row.
pub async fn instance_keys(
    db: &Db,
    generate: impl FnOnce() -> anyhow::Result<(String, String)>,
) -> anyhow::Result<(String, String, DateTime<Utc>)> {
    let existing: Option<(String, String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT public_key_pem, private_key_pem, created_at FROM instance_actor WHERE id = 1",
        )
        .fetch_optional(pool)
        .await
    })?;
    if let Some(keys) = existing {
        return Ok(keys);
    }
    let (public, private) = generate()?;
    let now = Utc::now();
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO instance_actor (id, public_key_pem, private_key_pem, created_at) \
             VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&public)
        .bind(&private)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    let keys: (String, String, DateTime<Utc>) = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT public_key_pem, private_key_pem, created_at FROM instance_actor WHERE id = 1",
        )
        .fetch_one(pool)
        .await
    })?;
    Ok(keys)
}

/// Accounts whose user name, `name@domain` or display name contains `text`
/// (ignoring case), people here first.
pub async fn search(db: &Db, text: &str, limit: i64) -> Result<Vec<Account>, sqlx::Error> {
    let pattern = format!(
        "%{}%",
        text.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows: Vec<AccountRow> = with_db!(db, |pool| {
        sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts a WHERE a.actor_type <> 'Application' AND ( \
             lower(a.username) LIKE $1 ESCAPE '\\' \
             OR lower(a.username || '@' || COALESCE(a.domain, '')) LIKE $1 ESCAPE '\\' \
             OR lower(a.display_name) LIKE $1 ESCAPE '\\') \
             ORDER BY CASE WHEN a.domain IS NULL THEN 0 ELSE 1 END, a.id LIMIT $2"
        ))
        .bind(pattern)
        .bind(limit)
        .fetch_all(pool)
        .await
    })?;
    rows.into_iter().map(Account::try_from).collect()
}

/// The servers we know accounts on, by name.
pub async fn known_domains(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT DISTINCT lower(domain) FROM accounts WHERE domain IS NOT NULL ORDER BY 1",
        )
        .fetch_all(pool)
        .await
    })
}

// ----- sign-in attempts (the throttle in accounts::throttle) -----

/// Records one attempt; returns its row id.
pub async fn insert_sign_in_attempt(
    db: &Db,
    kind: &str,
    subject: &str,
    failed: bool,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "INSERT INTO sign_in_attempts (kind, subject, failed, attempted_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(kind)
        .bind(subject)
        .bind(failed)
        .bind(at)
        .fetch_one(pool)
        .await
    })
}

/// The times of the newest attempts (only failed ones when `failed_only`) since
/// `since`, newest first, at most `limit`.
pub async fn recent_sign_in_attempts(
    db: &Db,
    kind: &str,
    subject: &str,
    failed_only: bool,
    since: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT attempted_at FROM sign_in_attempts \
             WHERE kind = $1 AND subject = $2 AND attempted_at > $3 AND (failed OR NOT $4) \
             ORDER BY attempted_at DESC LIMIT $5",
        )
        .bind(kind)
        .bind(subject)
        .bind(since)
        .bind(failed_only)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// Marks attempts as succeeded.
pub async fn mark_sign_in_attempts_succeeded(db: &Db, ids: &[i64]) -> Result<(), sqlx::Error> {
    for id in ids {
        with_db!(db, |pool| {
            sqlx::query("UPDATE sign_in_attempts SET failed = FALSE WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

pub async fn delete_sign_in_attempts(db: &Db, ids: &[i64]) -> Result<(), sqlx::Error> {
    for id in ids {
        with_db!(db, |pool| {
            sqlx::query("DELETE FROM sign_in_attempts WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Forgets attempts older than `before`.
pub async fn prune_sign_in_attempts(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM sign_in_attempts WHERE attempted_at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

// ----- what the cleanup forgets (instance::cleanup) -----

/// Deletes web sessions that have expired.
pub async fn prune_expired_sessions(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM web_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// Deletes authorization codes that have expired (used ones are deleted on use).
pub async fn prune_expired_codes(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM oauth_authorization_codes WHERE expires_at < $1")
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// Deletes apps registered before `before` that never got a token or a code
/// (registering is open to anyone, so unused ones would pile up).
pub async fn prune_unused_apps(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "DELETE FROM oauth_apps WHERE created_at < $1 \
             AND NOT EXISTS (SELECT 1 FROM oauth_access_tokens t WHERE t.app_id = oauth_apps.id) \
             AND NOT EXISTS (SELECT 1 FROM oauth_authorization_codes c \
                             WHERE c.app_id = oauth_apps.id)",
        )
        .bind(before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

// ----- web sessions -----

pub async fn insert_session(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
    user_agent: Option<&str>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at, user_agent) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires)
        .bind(user_agent)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM web_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

db_row! {
    /// A live web session, as the account settings list it.
    #[derive(Debug, Clone)]
    pub struct SessionRow {
        pub id: i64,
        pub token_hash: String,
        pub created_at: DateTime<Utc>,
        pub expires_at: DateTime<Utc>,
        pub user_agent: Option<String>,
    }
}

/// A person's live web sessions, newest first.
pub async fn sessions_of(
    db: &Db,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, token_hash, created_at, expires_at, user_agent FROM web_sessions \
             WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id DESC LIMIT 100",
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(pool)
        .await
    })
}

/// Ends one of a person's sessions; whether there was one.
pub async fn delete_session_of(db: &Db, user_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query("DELETE FROM web_sessions WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

db_row! {
    /// An app a person has let act for them (live tokens of one app).
    #[derive(Debug, Clone)]
    pub struct AuthorizedApp {
        pub app_id: i64,
        pub name: String,
        pub website: Option<String>,
        pub scopes: String,
        pub since: DateTime<Utc>,
    }
}

/// The apps holding a live token of a person, longest first.
pub async fn authorized_apps(db: &Db, user_id: i64) -> Result<Vec<AuthorizedApp>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.id AS app_id, a.name, a.website, MAX(t.scopes) AS scopes, \
             MIN(t.created_at) AS since FROM oauth_access_tokens t \
             JOIN oauth_apps a ON a.id = t.app_id \
             WHERE t.user_id = $1 AND t.revoked_at IS NULL \
             GROUP BY a.id, a.name, a.website ORDER BY since, a.id LIMIT 100",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    })
}

/// Revokes every live token an app holds for a person; how many.
pub async fn revoke_app_for(
    db: &Db,
    user_id: i64,
    app_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE oauth_access_tokens SET revoked_at = $1 \
             WHERE user_id = $2 AND app_id = $3 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .bind(app_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

/// How many accounts wait for an admin's approval.
pub async fn waiting_count(db: &Db) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE NOT approved")
            .fetch_one(pool)
            .await
    })
}

/// Approves an account that waited for it.
pub async fn approve(db: &Db, user_id: i64) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query("UPDATE users SET approved = TRUE WHERE id = $1 AND NOT approved")
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// Deletes the account of a person who was never approved (and so never
/// posted or federated); whether there was one.
pub async fn delete_unapproved(db: &Db, user_id: i64) -> Result<bool, sqlx::Error> {
    let n = with_db!(db, |pool| {
        sqlx::query(
            "DELETE FROM accounts WHERE id = \
             (SELECT account_id FROM users WHERE id = $1 AND NOT approved)",
        )
        .bind(user_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// Suspends a person (`Some(when)`) or lifts it (`None`).
pub async fn set_suspended(
    db: &Db,
    user_id: i64,
    at: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE users SET suspended_at = $1 WHERE id = $2")
            .bind(at)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// Signs a person out everywhere: every web session, every app's token.
pub async fn end_all_access(db: &Db, user_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        let mut tx = crate::db::BeginNested::begin_write(pool).await?;
        sqlx::query("DELETE FROM web_sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM oauth_authorization_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE oauth_access_tokens SET revoked_at = $1 \
             WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    })
}

/// Gives a person another e-mail address; `false` when another person has it.
pub async fn set_email(db: &Db, user_id: i64, email: &str) -> Result<bool, sqlx::Error> {
    let result = with_db!(db, |pool| {
        sqlx::query("UPDATE users SET email = $1 WHERE id = $2")
            .bind(email)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    });
    match result {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The person a live session belongs to.
pub async fn session_user_id(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT user_id FROM web_sessions WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(pool)
        .await
    })
}

// ----- OAuth apps, codes and tokens -----

db_row! {
    #[derive(Debug, Clone)]
    pub struct OAuthApp {
        pub id: i64,
        pub name: String,
        pub website: Option<String>,
        pub redirect_uris: String,
        pub scopes: String,
        pub client_id: String,
        pub client_secret_hash: String,
        pub created_at: DateTime<Utc>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct TokenRow {
        pub id: i64,
        pub app_id: i64,
        pub user_id: Option<i64>,
        pub scopes: String,
        pub revoked_at: Option<DateTime<Utc>>,
    }
}

db_row! {
    #[derive(Debug, Clone)]
    pub struct CodeRow {
        pub id: i64,
        pub app_id: i64,
        pub user_id: i64,
        pub redirect_uri: String,
        pub scopes: String,
        pub code_challenge: Option<String>,
        pub expires_at: DateTime<Utc>,
    }
}

pub async fn find_app(db: &Db, client_id: &str) -> Result<Option<OAuthApp>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, website, redirect_uris, scopes, client_id, client_secret_hash, \
             created_at FROM oauth_apps WHERE client_id = $1",
        )
        .bind(client_id)
        .fetch_optional(pool)
        .await
    })
}

pub async fn find_app_by_id(db: &Db, id: i64) -> Result<Option<OAuthApp>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, website, redirect_uris, scopes, client_id, client_secret_hash, \
             created_at FROM oauth_apps WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(pool)
        .await
    })
}

/// An app being registered.
pub struct NewApp<'a> {
    pub name: &'a str,
    pub website: Option<&'a str>,
    pub redirect_uris: &'a str,
    pub scopes: &'a str,
    pub client_id: &'a str,
    pub client_secret_hash: &'a str,
}

pub async fn insert_app(db: &Db, app: &NewApp<'_>, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "INSERT INTO oauth_apps (name, website, redirect_uris, scopes, client_id, \
             client_secret_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(app.name)
        .bind(app.website)
        .bind(app.redirect_uris)
        .bind(app.scopes)
        .bind(app.client_id)
        .bind(app.client_secret_hash)
        .bind(now)
        .fetch_one(pool)
        .await
    })
}

pub async fn find_token(db: &Db, token_hash: &str) -> Result<Option<TokenRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, app_id, user_id, scopes, revoked_at FROM oauth_access_tokens \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(pool)
        .await
    })
}

pub async fn insert_token(
    db: &Db,
    token_hash: &str,
    app_id: i64,
    user_id: Option<i64>,
    scopes: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO oauth_access_tokens (token_hash, app_id, user_id, scopes, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(app_id)
        .bind(user_id)
        .bind(scopes)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Revokes an app's token (one already revoked, or another app's, is left alone).
pub async fn revoke_token(
    db: &Db,
    token_hash: &str,
    app_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE oauth_access_tokens SET revoked_at = $1 \
             WHERE token_hash = $2 AND app_id = $3 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(token_hash)
        .bind(app_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// An authorization code being issued.
pub struct NewCode<'a> {
    pub code_hash: &'a str,
    pub app_id: i64,
    pub user_id: i64,
    pub redirect_uri: &'a str,
    pub scopes: &'a str,
    pub code_challenge: Option<&'a str>,
    pub code_challenge_method: Option<&'a str>,
}

pub async fn insert_code(
    db: &Db,
    code: &NewCode<'_>,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO oauth_authorization_codes (code_hash, app_id, user_id, redirect_uri, \
             scopes, code_challenge, code_challenge_method, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(code.code_hash)
        .bind(code.app_id)
        .bind(code.user_id)
        .bind(code.redirect_uri)
        .bind(code.scopes)
        .bind(code.code_challenge)
        .bind(code.code_challenge_method)
        .bind(now)
        .bind(expires)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn find_code(db: &Db, code_hash: &str) -> Result<Option<CodeRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, app_id, user_id, redirect_uri, scopes, code_challenge, expires_at \
             FROM oauth_authorization_codes WHERE code_hash = $1",
        )
        .bind(code_hash)
        .fetch_optional(pool)
        .await
    })
}

/// Takes a code away; 1 when this call did (a code works once).
pub async fn delete_code(db: &Db, id: i64) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("DELETE FROM oauth_authorization_codes WHERE id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

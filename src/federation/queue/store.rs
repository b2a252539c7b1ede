//! The SQL of the delivery queue (and only that): queuing rows, claiming them
//! with a lease, recording how each went and what that says about its instance,
//! and the per-instance view for admins.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::{db::Db, db_row, with_db};

/// A row to queue.
pub struct NewRow<'a> {
    pub kind: &'a str,
    pub activity_id: &'a str,
    pub signer: &'a str,
    /// The inbox (for a delivery) or what the work is about.
    pub target: &'a str,
    pub domain: &'a str,
    pub body: &'a str,
}

/// Rows queued by one statement (SQLite allows 32,766 parameters, PostgreSQL 65,535).
const ROWS_PER_INSERT: usize = 200;

/// Queues rows, many to a statement; the same activity is never queued twice for
/// one inbox.
pub async fn insert(db: &Db, rows: &[NewRow<'_>], now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = 2 + 6 * i;
                format!(
                    "(${b}, ${}, ${}, ${}, ${}, ${}, $1, $1, $1)",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO deliveries (kind, activity_id, signer, inbox_url, domain, body, \
             next_attempt_at, created_at, updated_at) VALUES {} \
             ON CONFLICT (activity_id, inbox_url) DO NOTHING",
            values.join(", ")
        );
        with_db!(db, |pool| {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(now);
            for row in chunk {
                query = query
                    .bind(row.kind)
                    .bind(row.activity_id)
                    .bind(row.signer)
                    .bind(row.target)
                    .bind(row.domain)
                    .bind(row.body);
            }
            query.execute(pool).await.map(|_| ())
        })?;
    }
    Ok(())
}

db_row! {
    #[derive(Debug, Clone)]
    /// A claimed row of the queue: a delivery (`kind` "deliver": `body` to
    /// `inbox_url`, signed by `signer`) or follow-up work of another kind.
    pub struct Job {
        pub id: i64,
        pub kind: String,
        pub activity_id: String,
        pub signer: String,
        pub inbox_url: String,
        pub domain: String,
        pub body: String,
        pub attempts: i64,
        pub claim_token: String,
    }
}

/// Claims up to `limit` due deliveries for this worker, leaving out instances
/// that already have their share in flight. The claim is a lease (a crash gives
/// the rows back when it runs out) with a token that every later write checks.
pub async fn claim(
    db: &Db,
    limit: i64,
    lease_seconds: i64,
    busy: &[String],
) -> Result<Vec<Job>, sqlx::Error> {
    let now = Utc::now();
    let lease = now + chrono::Duration::seconds(lease_seconds);
    let token = crate::accounts::session::random_token();
    let excluded = if busy.is_empty() {
        String::new()
    } else {
        let params: Vec<String> = (0..busy.len()).map(|i| format!("${}", i + 5)).collect();
        format!(" AND domain NOT IN ({})", params.join(", "))
    };
    let sql = format!(
        "UPDATE deliveries SET locked_until = $1, claim_token = $2, attempts = attempts + 1, \
         updated_at = $3 WHERE id IN (SELECT id FROM deliveries WHERE state = 'pending' \
         AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3){excluded} \
         ORDER BY next_attempt_at LIMIT $4{}) \
         RETURNING id, kind, activity_id, signer, inbox_url, domain, body, attempts, claim_token",
        db.skip_locked()
    );
    with_db!(db, |pool| {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(lease)
            .bind(&token)
            .bind(now)
            .bind(limit);
        for domain in busy {
            query = query.bind(domain);
        }
        query.fetch_all(pool).await
    })
}

/// Gives claimed deliveries back without counting an attempt: their instance
/// already has its share of the slots. They are due again shortly.
pub async fn defer(db: &Db, jobs: &[Job]) -> Result<(), sqlx::Error> {
    let later = Utc::now() + chrono::Duration::milliseconds(500);
    let unit = db.begin_write().await?;
    with_db!(unit.db(), |pool| {
        async {
            for job in jobs {
                sqlx::query(
                    "UPDATE deliveries SET locked_until = NULL, attempts = attempts - 1, \
                     next_attempt_at = $1 WHERE id = $2 AND claim_token = $3",
                )
                .bind(later)
                .bind(job.id)
                .bind(&job.claim_token)
                .execute(&mut *pool)
                .await?;
            }
            Ok::<(), sqlx::Error>(())
        }
        .await
    })?;
    unit.commit().await
}

/// How a claimed row ended, as it is written down.
pub enum Recorded {
    /// Sent and taken: the instance counts one more delivery and is reachable.
    Delivered,
    /// Refused for good (a 4xx): counted against the instance.
    Refused(u16),
    /// Failed now, tried again at `next`.
    Retry {
        status: Option<u16>,
        error: String,
        next: DateTime<Utc>,
    },
    /// Given up after the last retry: the instance is marked unreachable.
    Failed { status: Option<u16>, error: String },
    /// Follow-up work done (or given up): nothing is said about an instance.
    Done { error: Option<String> },
}

/// Records how rows went, and what that says about their instances, in one
/// transaction (one write lock on SQLite) for the whole batch: deliveries that
/// went through in one statement per claim and one per instance, the others one
/// by one. Only the claim that took a row may write it.
pub async fn record(db: &Db, outcomes: &[(Job, Recorded)]) -> Result<(), sqlx::Error> {
    use std::collections::BTreeMap;
    let now = Utc::now();
    let mut delivered: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut reached: BTreeMap<&str, i64> = BTreeMap::new();
    let mut others = Vec::new();
    for (job, outcome) in outcomes {
        if let Recorded::Delivered = outcome {
            delivered.entry(&job.claim_token).or_default().push(job.id);
            *reached.entry(&job.domain).or_default() += 1;
        } else {
            others.push((job, outcome));
        }
    }
    let delivered: Vec<(&str, String)> = delivered
        .into_iter()
        .map(|(token, ids)| (token, serde_json::to_string(&ids).unwrap_or_default()))
        .collect();
    let delivered_sql = format!(
        "UPDATE deliveries SET state = 'delivered', locked_until = NULL, last_status = NULL, \
         last_error = NULL, updated_at = $1 WHERE claim_token = $2 AND id IN ({})",
        db.ids_in_json(3)
    );
    let unit = db.begin_write().await?;
    with_db!(unit.db(), |pool| {
        async {
            for (token, ids) in &delivered {
                sqlx::query(sqlx::AssertSqlSafe(delivered_sql.as_str()))
                    .bind(now)
                    .bind(*token)
                    .bind(ids)
                    .execute(&mut *pool)
                    .await?;
            }
            for (domain, count) in &reached {
                sqlx::query(
                    "INSERT INTO instances (domain, delivered_count, last_delivered_at) \
                     VALUES ($1, $3, $2) ON CONFLICT (domain) DO UPDATE SET \
                     delivered_count = instances.delivered_count + $3, \
                     last_delivered_at = $2, unreachable_since = NULL",
                )
                .bind(*domain)
                .bind(now)
                .bind(*count)
                .execute(&mut *pool)
                .await?;
            }
            for (job, outcome) in &others {
                let (state, next, status, error) = columns(outcome);
                sqlx::query(
                    "UPDATE deliveries SET state = $1, locked_until = NULL, \
                     next_attempt_at = COALESCE($2, next_attempt_at), last_status = $3, \
                     last_error = CASE WHEN $1 = 'refused' THEN last_error ELSE $4 END, \
                     updated_at = $5 WHERE id = $6 AND claim_token = $7",
                )
                .bind(state)
                .bind(next)
                .bind(status)
                .bind(error)
                .bind(now)
                .bind(job.id)
                .bind(&job.claim_token)
                .execute(&mut *pool)
                .await?;
                if let Some(sql) = instance_sql(outcome) {
                    sqlx::query(sql)
                        .bind(&job.domain)
                        .bind(now)
                        .execute(&mut *pool)
                        .await?;
                }
            }
            Ok::<(), sqlx::Error>(())
        }
        .await
    })?;
    unit.commit().await
}

/// (new state, next attempt, last status, last error) of a row that ended so.
fn columns(
    outcome: &Recorded,
) -> (
    &'static str,
    Option<DateTime<Utc>>,
    Option<i64>,
    Option<&str>,
) {
    match outcome {
        Recorded::Delivered => ("delivered", None, None, None),
        Recorded::Refused(s) => ("refused", None, Some(i64::from(*s)), None),
        Recorded::Retry {
            status,
            error,
            next,
        } => (
            "pending",
            Some(*next),
            status.map(i64::from),
            Some(error.as_str()),
        ),
        Recorded::Failed { status, error } => {
            ("failed", None, status.map(i64::from), Some(error.as_str()))
        }
        Recorded::Done { error } => (
            if error.is_some() {
                "failed"
            } else {
                "delivered"
            },
            None,
            None,
            error.as_deref(),
        ),
    }
}

/// What an outcome other than a delivery says about its instance (bound:
/// domain, now); deliveries are counted per instance, many at once, above.
fn instance_sql(outcome: &Recorded) -> Option<&'static str> {
    match outcome {
        Recorded::Refused(_) => Some(
            "INSERT INTO instances (domain, refused_count, last_refused_at) \
             VALUES ($1, 1, $2) ON CONFLICT (domain) DO UPDATE SET \
             refused_count = instances.refused_count + 1, last_refused_at = $2",
        ),
        Recorded::Failed { .. } => Some(
            "INSERT INTO instances (domain, unreachable_since) VALUES ($1, $2) \
             ON CONFLICT (domain) DO UPDATE SET \
             unreachable_since = COALESCE(instances.unreachable_since, $2)",
        ),
        Recorded::Delivered | Recorded::Retry { .. } | Recorded::Done { .. } => None,
    }
}

/// We heard from an instance (it sent us a valid activity): it is reachable again.
pub async fn heard_from(db: &Db, domain: &str) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE instances SET unreachable_since = NULL WHERE domain = $1")
            .bind(domain)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

db_row! {
    #[derive(Debug, Clone, Serialize)]
    pub struct InstanceQueue {
        pub domain: String,
        pub pending: i64,
        pub delivered: i64,
        pub refused: i64,
        pub failed: i64,
        pub refused_total: i64,
        pub unreachable_since: Option<DateTime<Utc>>,
        pub last_delivered_at: Option<DateTime<Utc>>,
        pub last_refused_at: Option<DateTime<Utc>>,
    }
}

/// Deletes deliveries that ended (delivered, refused or given up) before
/// `before`; pending ones stay whatever their age.
pub async fn prune_finished(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "DELETE FROM deliveries WHERE state IN ('delivered', 'refused', 'failed') \
             AND updated_at < $1",
        )
        .bind(before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

/// Queue state per instance, for admins.
/// Makes an instance's waiting deliveries (and those given up) due now: an
/// admin's "retry now" once the instance is back. Returns how many.
pub async fn retry_now(db: &Db, domain: &str, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE deliveries SET state = 'pending', next_attempt_at = $2, locked_until = NULL, \
             updated_at = $2 WHERE domain = $1 AND kind = 'deliver' \
             AND state IN ('pending', 'failed')",
        )
        .bind(domain)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

pub async fn queue_state(db: &Db) -> Result<Vec<InstanceQueue>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT d.domain AS domain, \
             COUNT(CASE WHEN d.state = 'pending' THEN 1 END) AS pending, \
             COUNT(CASE WHEN d.state = 'delivered' THEN 1 END) AS delivered, \
             COUNT(CASE WHEN d.state = 'refused' THEN 1 END) AS refused, \
             COUNT(CASE WHEN d.state = 'failed' THEN 1 END) AS failed, \
             COALESCE(MAX(i.refused_count), 0) AS refused_total, \
             MAX(i.unreachable_since) AS unreachable_since, \
             MAX(i.last_delivered_at) AS last_delivered_at, \
             MAX(i.last_refused_at) AS last_refused_at \
             FROM deliveries d LEFT JOIN instances i ON i.domain = d.domain \
             WHERE d.kind = 'deliver' GROUP BY d.domain ORDER BY d.domain",
        )
        .fetch_all(pool)
        .await
    })
}

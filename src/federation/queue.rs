//! The durable delivery queue: one row per (activity, target inbox) in the
//! database, drained by workers in every `serve` process.
//!
//! Features never send HTTP themselves: they call [`deliver`] with an activity and
//! its recipients. Workers claim due rows (several processes can share one
//! PostgreSQL: claiming skips rows another process holds), sign and send them, and
//! record the outcome: 2xx delivered; 4xx other than 408/429 refused, final, logged
//! and counted per instance; anything else retried with growing back-off for more
//! than two days, then failed and the instance marked unreachable until we hear
//! from it again. A restart loses nothing: rows whose lease ran out are claimed
//! again.

use std::{collections::HashMap, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use rsa::RsaPrivateKey;
use serde::Serialize;
use tokio::sync::{Notify, Semaphore};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    db::Db,
    db_row,
    error::{AppError, AppResult},
    federation::{origin, signing},
    with_db,
};

/// Waits before each retry, after the first attempt failed: about 2 days and 3
/// hours in all, then the delivery is given up.
const BACKOFF_SECONDS: &[i64] = &[
    5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 43_200, 86_400, 86_400,
];
/// How long a claimed delivery is held before another worker may take it over,
/// beyond the request timeout.
const LEASE_MARGIN_SECONDS: i64 = 60;
/// How many deliveries one process sends at once, and at most to one instance:
/// a slow or dead instance can hold only a few of the slots.
const MAX_IN_FLIGHT: usize = 32;
const MAX_IN_FLIGHT_PER_INSTANCE: usize = 4;
const CLAIM_BATCH: i64 = 32;

/// Wakes the workers when something is queued, so delivery starts at once.
#[derive(Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// Whether we may send requests to this URL: https (or http, explicit ports and
/// loopback when `allow_local_addresses` is on). Addresses are checked again when
/// the name is resolved.
pub fn outbound_url_allowed(state: &AppState, url: &Url) -> bool {
    let local = state.settings.federation.allow_local_addresses;
    let scheme_ok = url.scheme() == "https" || (local && url.scheme() == "http");
    let port_ok = local || url.port().is_none();
    let host_ok = match url.host() {
        Some(url::Host::Domain(d)) => !d.is_empty(),
        Some(_) => local,
        None => false,
    };
    scheme_ok && port_ok && host_ok
}

/// Queues `activity` (JSON with its `@context`) for every recipient's inbox, shared
/// inboxes de-duplicated, local recipients skipped. `signer` is the local actor
/// whose key signs it.
pub async fn deliver<A: Serialize>(
    state: &AppState,
    activity_id: &Url,
    signer: &Url,
    activity: &A,
    recipients: &[Account],
) -> AppResult<()> {
    let value = serde_json::to_value(activity).map_err(|e| AppError::Internal(e.into()))?;
    let body = value.to_string();
    if origin(activity_id).as_deref() == Some(state.settings.domain.as_str()) && is_public(&value) {
        super::store::remember_sent(&state.db, activity_id, &body, chrono::Utc::now()).await?;
    }
    let mut inboxes: Vec<Url> = recipients
        .iter()
        .filter(|r| !r.is_local())
        .map(|r| {
            r.shared_inbox_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok())
                .unwrap_or_else(|| r.inbox_url.clone())
        })
        .filter(|inbox| origin(inbox).as_deref() != Some(state.settings.domain.as_str()))
        .filter(|inbox| outbound_url_allowed(state, inbox))
        .collect();
    inboxes.sort();
    inboxes.dedup();
    enqueue(state, activity_id, signer, &body, &inboxes).await
}

/// Whether an activity is addressed to the public.
fn is_public(activity: &serde_json::Value) -> bool {
    ["to", "cc"].iter().any(|key| match activity.get(*key) {
        Some(serde_json::Value::String(s)) => s == crate::posts::model::PUBLIC,
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .any(|i| i.as_str() == Some(crate::posts::model::PUBLIC)),
        _ => false,
    })
}

/// Queues one serialized activity for each of `inboxes` (already chosen and
/// de-duplicated); the same activity is never queued twice for one inbox.
pub async fn enqueue(
    state: &AppState,
    activity_id: &Url,
    signer: &Url,
    body: &str,
    inboxes: &[Url],
) -> AppResult<()> {
    if inboxes.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    for inbox in inboxes {
        let domain = origin(inbox).unwrap_or_default();
        with_db!(&state.db, |pool| {
            sqlx::query(
                "INSERT INTO deliveries (activity_id, signer, inbox_url, domain, body, \
                 next_attempt_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) \
                 ON CONFLICT (activity_id, inbox_url) DO NOTHING",
            )
            .bind(activity_id.as_str())
            .bind(signer.as_str())
            .bind(inbox.as_str())
            .bind(&domain)
            .bind(body)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    state.delivery_wakeup.notify();
    Ok(())
}

db_row! {
    #[derive(Debug, Clone)]
    struct Job {
        id: i64,
        activity_id: String,
        signer: String,
        inbox_url: String,
        domain: String,
        body: String,
        attempts: i64,
        claim_token: String,
    }
}

/// Claims up to `limit` due deliveries for this worker, leaving out instances
/// that already have their share in flight. The claim is a lease (a crash gives
/// the rows back when it runs out) with a token that every later write checks.
async fn claim(
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
         RETURNING id, activity_id, signer, inbox_url, domain, body, attempts, claim_token",
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

/// Gives a claimed delivery back without counting an attempt: its instance
/// already has its share of the slots. It is due again shortly.
async fn defer(db: &Db, job: &Job) -> Result<(), sqlx::Error> {
    let later = Utc::now() + chrono::Duration::milliseconds(500);
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE deliveries SET locked_until = NULL, attempts = attempts - 1, \
             next_attempt_at = $1 WHERE id = $2 AND claim_token = $3",
        )
        .bind(later)
        .bind(job.id)
        .bind(&job.claim_token)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Runs the delivery workers until `shutdown` fires.
pub async fn run_workers(state: AppState, shutdown: Arc<Notify>) {
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    let per_instance = Arc::new(std::sync::Mutex::new(HashMap::<String, usize>::new()));
    let keys = Arc::new(tokio::sync::Mutex::new(
        HashMap::<String, RsaPrivateKey>::new(),
    ));
    let lease_seconds = i64::try_from(state.settings.federation.request_timeout_seconds)
        .unwrap_or(i64::MAX / 4)
        * 3
        + LEASE_MARGIN_SECONDS;
    loop {
        let free = in_flight.available_permits();
        if free == 0 {
            // Every slot is busy: claim nothing until one is free again (a
            // finished delivery wakes us).
            tokio::select! {
                _ = state.delivery_wakeup.0.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = shutdown.notified() => return,
            }
            continue;
        }
        let busy: Vec<String> = per_instance
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, n)| **n >= MAX_IN_FLIGHT_PER_INSTANCE)
            .map(|(d, _)| d.clone())
            .collect();
        let limit = i64::try_from(free).unwrap_or(CLAIM_BATCH).min(CLAIM_BATCH);
        let jobs = match claim(&state.db, limit, lease_seconds, &busy).await {
            Ok(jobs) => jobs,
            Err(e) => {
                tracing::warn!(error = %e, "claiming deliveries failed");
                Vec::new()
            }
        };
        if jobs.is_empty() {
            tokio::select! {
                _ = state.delivery_wakeup.0.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = shutdown.notified() => return,
            }
            continue;
        }
        for job in jobs {
            let busy = {
                let mut counts = per_instance.lock().unwrap_or_else(|e| e.into_inner());
                let count = counts.entry(job.domain.clone()).or_default();
                if *count >= MAX_IN_FLIGHT_PER_INSTANCE {
                    true
                } else {
                    *count += 1;
                    false
                }
            };
            if busy {
                if let Err(e) = defer(&state.db, &job).await {
                    tracing::warn!(error = %e, "deferring a delivery failed");
                }
                continue;
            }
            let Ok(permit) = in_flight.clone().acquire_owned().await else {
                return;
            };
            let state = state.clone();
            let keys = keys.clone();
            let per_instance = per_instance.clone();
            tokio::spawn(async move {
                let domain = job.domain.clone();
                send(&state, &keys, job).await;
                let mut counts = per_instance.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(count) = counts.get_mut(&domain) {
                    *count = count.saturating_sub(1);
                    if *count == 0 {
                        counts.remove(&domain);
                    }
                }
                drop(permit);
                // A slot is free: claim again now rather than at the next tick.
                state.delivery_wakeup.notify();
            });
        }
    }
}

/// The private key of a local actor, parsed once per process.
async fn signing_key(
    state: &AppState,
    cache: &tokio::sync::Mutex<HashMap<String, RsaPrivateKey>>,
    signer: &Url,
) -> Result<RsaPrivateKey, String> {
    if let Some(key) = cache.lock().await.get(signer.as_str()) {
        return Ok(key.clone());
    }
    let pem = if *signer == state.instance_actor.ap_id {
        state.instance_actor.private_key_pem.clone()
    } else {
        accounts::find_by_ap_id(&state.db, signer)
            .await
            .map_err(|e| e.to_string())?
            .and_then(|a| a.private_key_pem)
    }
    .ok_or_else(|| format!("{signer} has no private key"))?;
    let key = tokio::task::spawn_blocking(move || signing::parse_private_key(&pem))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    cache.lock().await.insert(signer.to_string(), key.clone());
    Ok(key)
}

enum Outcome {
    Delivered,
    Refused(u16),
    Retry(Option<u16>, String),
}

async fn send(
    state: &AppState,
    keys: &tokio::sync::Mutex<HashMap<String, RsaPrivateKey>>,
    job: Job,
) {
    let outcome = attempt(state, keys, &job).await;
    if let Err(e) = record(&state.db, &job, outcome).await {
        tracing::warn!(error = %e, delivery = job.id, "recording a delivery failed");
    }
}

async fn attempt(
    state: &AppState,
    keys: &tokio::sync::Mutex<HashMap<String, RsaPrivateKey>>,
    job: &Job,
) -> Outcome {
    let (Ok(inbox), Ok(signer)) = (Url::parse(&job.inbox_url), Url::parse(&job.signer)) else {
        return Outcome::Refused(0);
    };
    let key = match signing_key(state, keys, &signer).await {
        Ok(k) => k,
        Err(e) => return Outcome::Retry(None, e),
    };
    let timeout = Duration::from_secs(state.settings.federation.request_timeout_seconds);
    let request = match signing::signed_post(
        &state.http,
        &inbox,
        &signer,
        key,
        job.body.clone().into_bytes(),
        timeout,
    )
    .await
    {
        Ok(r) => r,
        Err(e) => return Outcome::Retry(None, e.to_string()),
    };
    match state.http.execute(request).await {
        Ok(response) => {
            let status = response.status();
            if status.is_success() {
                Outcome::Delivered
            } else if status.is_client_error()
                && status != reqwest::StatusCode::REQUEST_TIMEOUT
                && status != reqwest::StatusCode::TOO_MANY_REQUESTS
            {
                let text = first_bytes(response, 1024).await;
                tracing::warn!(
                    activity = %job.activity_id,
                    inbox = %job.inbox_url,
                    status = status.as_u16(),
                    body = %text.chars().take(300).collect::<String>(),
                    "delivery refused"
                );
                Outcome::Refused(status.as_u16())
            } else {
                Outcome::Retry(Some(status.as_u16()), format!("status {status}"))
            }
        }
        Err(e) => Outcome::Retry(None, e.to_string()),
    }
}

/// The start of a response body, without reading more than `limit` bytes of it.
async fn first_bytes(mut response: reqwest::Response, limit: usize) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(limit);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Records how a delivery went, and what that says about its instance, in one
/// transaction (one write lock on SQLite). Only the claim that sent it may write.
async fn record(db: &Db, job: &Job, outcome: Outcome) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    // Retries wait longer each time; after the last one the delivery is given up.
    let retry_at = match &outcome {
        Outcome::Retry(..) => usize::try_from(job.attempts - 1)
            .ok()
            .and_then(|i| BACKOFF_SECONDS.get(i))
            .map(|wait| now + chrono::Duration::seconds(*wait)),
        _ => None,
    };
    if let (Outcome::Retry(_, error), None) = (&outcome, retry_at) {
        tracing::warn!(inbox = %job.inbox_url, %error, "delivery given up");
    }
    with_db!(db, |pool| {
        async {
            let mut tx = crate::db::BeginNested::begin_write(pool).await?;
            match &outcome {
                Outcome::Delivered => {
                    sqlx::query(
                        "UPDATE deliveries SET state = 'delivered', locked_until = NULL, \
                         last_status = NULL, last_error = NULL, updated_at = $1 \
                         WHERE id = $2 AND claim_token = $3",
                    )
                    .bind(now)
                    .bind(job.id)
                    .bind(&job.claim_token)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO instances (domain, delivered_count, last_delivered_at) \
                         VALUES ($1, 1, $2) ON CONFLICT (domain) DO UPDATE SET \
                         delivered_count = instances.delivered_count + 1, \
                         last_delivered_at = $2, unreachable_since = NULL",
                    )
                    .bind(&job.domain)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                Outcome::Refused(status) => {
                    sqlx::query(
                        "UPDATE deliveries SET state = 'refused', locked_until = NULL, \
                         last_status = $1, updated_at = $2 WHERE id = $3 AND claim_token = $4",
                    )
                    .bind(i64::from(*status))
                    .bind(now)
                    .bind(job.id)
                    .bind(&job.claim_token)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO instances (domain, refused_count, last_refused_at) \
                         VALUES ($1, 1, $2) ON CONFLICT (domain) DO UPDATE SET \
                         refused_count = instances.refused_count + 1, last_refused_at = $2",
                    )
                    .bind(&job.domain)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                Outcome::Retry(status, error) => match retry_at {
                    Some(next) => {
                        sqlx::query(
                            "UPDATE deliveries SET locked_until = NULL, next_attempt_at = $1, \
                             last_status = $2, last_error = $3, updated_at = $4 \
                             WHERE id = $5 AND claim_token = $6",
                        )
                        .bind(next)
                        .bind(status.map(i64::from))
                        .bind(error)
                        .bind(now)
                        .bind(job.id)
                        .bind(&job.claim_token)
                        .execute(&mut *tx)
                        .await?;
                    }
                    None => {
                        sqlx::query(
                            "UPDATE deliveries SET state = 'failed', locked_until = NULL, \
                             last_status = $1, last_error = $2, updated_at = $3 \
                             WHERE id = $4 AND claim_token = $5",
                        )
                        .bind(status.map(i64::from))
                        .bind(error)
                        .bind(now)
                        .bind(job.id)
                        .bind(&job.claim_token)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query(
                            "INSERT INTO instances (domain, unreachable_since) VALUES ($1, $2) \
                             ON CONFLICT (domain) DO UPDATE SET \
                             unreachable_since = COALESCE(instances.unreachable_since, $2)",
                        )
                        .bind(&job.domain)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    }
                },
            }
            tx.commit().await
        }
        .await
    })
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
             GROUP BY d.domain ORDER BY d.domain",
        )
        .fetch_all(pool)
        .await
    })
}

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
use serde::Serialize;
use tokio::sync::{Notify, Semaphore};
use url::Url;

use crate::{
    AppState,
    accounts::{model::Account, store as accounts},
    error::{AppError, AppResult},
    federation::{origin, signing},
};

mod store;

pub use store::{InstanceQueue, prune_finished, queue_state};
use store::{Job, Recorded, claim, defer};

/// The kind of a queued row that is a delivery.
const DELIVER: &str = "deliver";

/// Runs queued follow-up work of a kind other than a delivery (given the row's
/// kind and body): wired in by `serve`, which knows the features that queue it.
pub type FollowUp =
    fn(
        AppState,
        String,
        String,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>;

/// Waits before each retry, after the first attempt failed: about 2 days and 3
/// hours in all, then the delivery is given up.
const BACKOFF_SECONDS: &[i64] = &[
    5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 43_200, 86_400, 86_400,
];
/// How long a claimed delivery is held before another worker may take it over,
/// beyond the request timeout.
const LEASE_MARGIN_SECONDS: i64 = 60;
/// How many deliveries one process sends at once.
const MAX_IN_FLIGHT: usize = 256;
/// How many may be in flight to one instance: a new or slow one gets
/// [`START_PER_INSTANCE`]; while it answers fast its share grows (by one per
/// quick answer, up to [`MAX_PER_INSTANCE`]), and it halves when it is slow or
/// fails, so a slow or dead instance holds only a few slots and a healthy one is
/// not served one at a time.
const START_PER_INSTANCE: usize = 4;
const MIN_PER_INSTANCE: usize = 2;
const MAX_PER_INSTANCE: usize = 64;
/// An answer this fast lets an instance's share grow; this slow makes it shrink.
const QUICK: Duration = Duration::from_millis(500);
const SLOW: Duration = Duration::from_secs(5);
const CLAIM_BATCH: i64 = 128;
/// Outcomes written down in one transaction at most.
const RECORD_BATCH: usize = 512;

/// Claimed rows kept waiting for a slot of their instance, at most (beyond that
/// they go back to the queue for a moment).
const MAX_WAITING_PER_INSTANCE: usize = 2 * MAX_PER_INSTANCE;

/// One instance's share of the delivery slots, and its claimed rows waiting
/// for one (each is taken by the delivery that frees a slot).
struct Share {
    in_flight: usize,
    limit: usize,
    waiting: std::collections::VecDeque<Job>,
}

impl Share {
    fn full(&self) -> bool {
        self.in_flight >= self.limit
    }

    /// Adjusts the share by how a delivery went (`None`: not a delivery).
    fn learn(&mut self, went: Option<(bool, Duration)>) {
        match went {
            Some((true, took)) if took <= QUICK => {
                self.limit = (self.limit + 1).min(MAX_PER_INSTANCE);
            }
            Some((ok, took)) if !ok || took >= SLOW => {
                self.limit = (self.limit / 2).max(MIN_PER_INSTANCE);
            }
            _ => {}
        }
    }
}

type Shares = Arc<std::sync::Mutex<HashMap<String, Share>>>;

fn lock_shares(shares: &Shares) -> std::sync::MutexGuard<'_, HashMap<String, Share>> {
    shares.lock().unwrap_or_else(|e| e.into_inner())
}

/// Wakes the workers when something is queued, so delivery starts at once.
#[derive(Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// How long hearing from an instance counts as recent.
const HEARD_FOR: Duration = Duration::from_secs(60);

/// The instances heard from in the last [`HEARD_FOR`], by domain.
#[derive(Clone, Default)]
pub struct Heard(Arc<std::sync::Mutex<HashMap<String, std::time::Instant>>>);

impl Heard {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, std::time::Instant>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// An admin's "retry now" for an instance: its waiting and given-up deliveries
/// are due at once, and the workers are woken. Returns how many.
pub async fn retry_now(state: &AppState, domain: &str) -> AppResult<u64> {
    let n = store::retry_now(&state.db, domain, chrono::Utc::now()).await?;
    state.delivery_wakeup.notify();
    Ok(n)
}

/// An instance sent us something: it is reachable again (if it was marked
/// otherwise). Written at most once a minute per instance.
pub async fn heard_from(state: &AppState, domain: &str) -> AppResult<()> {
    let now = std::time::Instant::now();
    if state
        .heard
        .lock()
        .get(domain)
        .is_some_and(|at| now.duration_since(*at) < HEARD_FOR)
    {
        return Ok(());
    }
    store::heard_from(&state.db, domain).await?;
    let mut heard = state.heard.lock();
    if heard.len() > 100_000 {
        heard.clear();
    }
    heard.insert(domain.to_string(), now);
    Ok(())
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
    let domains: Vec<String> = inboxes
        .iter()
        .map(|inbox| origin(inbox).unwrap_or_default())
        .collect();
    let rows: Vec<store::NewRow> = inboxes
        .iter()
        .zip(&domains)
        .map(|(inbox, domain)| store::NewRow {
            kind: DELIVER,
            activity_id: activity_id.as_str(),
            signer: signer.as_str(),
            target: inbox.as_str(),
            domain,
            body,
        })
        .collect();
    store::insert(&state.db, &rows, Utc::now()).await?;
    state.delivery_wakeup.notify();
    Ok(())
}

/// Queues follow-up work of `kind` (for example reading a community's history
/// after joining it), about `target` (whose server it concerns), to be run by the
/// workers with `body` and retried like a delivery. Once per (`id`, `target`).
pub async fn enqueue_job(
    state: &AppState,
    kind: &str,
    id: &str,
    target: &Url,
    body: &str,
) -> AppResult<()> {
    let domain = origin(target).unwrap_or_default();
    let signer = state.instance_actor.ap_id.as_str();
    let row = store::NewRow {
        kind,
        activity_id: id,
        signer,
        target: target.as_str(),
        domain: &domain,
        body,
    };
    store::insert(&state.db, std::slice::from_ref(&row), Utc::now()).await?;
    state.delivery_wakeup.notify();
    Ok(())
}

/// Runs the delivery workers until `shutdown` fires.
pub async fn run_workers(state: AppState, shutdown: Arc<Notify>, follow_up: FollowUp) {
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    let shares: Shares = Default::default();
    let keys = Arc::new(tokio::sync::Mutex::new(HashMap::<
        String,
        signing::PrivateKey,
    >::new()));
    let (outcomes, recorded) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(record_outcomes(state.clone(), recorded));
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
        let busy: Vec<String> = lock_shares(&shares)
            .iter()
            .filter(|(_, share)| share.full())
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
        let mut give_back = Vec::new();
        for job in jobs {
            let start = {
                let mut shares = lock_shares(&shares);
                let share = shares.entry(job.domain.clone()).or_insert(Share {
                    in_flight: 0,
                    limit: START_PER_INSTANCE,
                    waiting: Default::default(),
                });
                if !share.full() {
                    share.in_flight += 1;
                    Some(job)
                } else if share.waiting.len() < MAX_WAITING_PER_INSTANCE {
                    share.waiting.push_back(job);
                    None
                } else {
                    give_back.push(job);
                    None
                }
            };
            let Some(job) = start else { continue };
            let Ok(permit) = in_flight.clone().acquire_owned().await else {
                return;
            };
            let state = state.clone();
            let keys = keys.clone();
            let shares = shares.clone();
            let outcomes = outcomes.clone();
            tokio::spawn(async move {
                let domain = job.domain.clone();
                let mut next = Some(job);
                while let Some(job) = next.take() {
                    let started = std::time::Instant::now();
                    let (went, recorded) = if job.kind == DELIVER {
                        let recorded = send(&state, &keys, &job).await;
                        let ok = matches!(recorded, Recorded::Delivered | Recorded::Refused(_));
                        (Some((ok, started.elapsed())), recorded)
                    } else {
                        (None, run_job(&state, follow_up, &job).await)
                    };
                    // Written down by the recorder, with others; the lease keeps
                    // the row ours until then.
                    let _ = outcomes.send((job, recorded));
                    // The slot goes to the instance's next waiting row, if its
                    // share still allows one more.
                    let mut shares = lock_shares(&shares);
                    if let Some(share) = shares.get_mut(&domain) {
                        share.learn(went);
                        if share.in_flight <= share.limit {
                            next = share.waiting.pop_front();
                        }
                        if next.is_none() {
                            share.in_flight = share.in_flight.saturating_sub(1);
                        }
                    }
                }
                drop(permit);
                // A slot is free: claim again now rather than at the next tick.
                state.delivery_wakeup.notify();
            });
        }
        if !give_back.is_empty()
            && let Err(e) = defer(&state.db, &give_back).await
        {
            tracing::warn!(error = %e, "deferring deliveries failed");
        }
    }
}

/// Writes down how claimed rows went, as many at a time as have finished.
async fn record_outcomes(
    state: AppState,
    mut outcomes: tokio::sync::mpsc::UnboundedReceiver<(Job, Recorded)>,
) {
    let mut batch = Vec::new();
    while outcomes.recv_many(&mut batch, RECORD_BATCH).await > 0 {
        if let Err(e) = store::record(&state.db, &batch).await {
            tracing::warn!(error = %e, rows = batch.len(), "recording deliveries failed");
        }
        batch.clear();
    }
}

/// The private key of a local actor, parsed once per process.
async fn signing_key(
    state: &AppState,
    cache: &tokio::sync::Mutex<HashMap<String, signing::PrivateKey>>,
    signer: &Url,
) -> Result<signing::PrivateKey, String> {
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
    keys: &tokio::sync::Mutex<HashMap<String, signing::PrivateKey>>,
    job: &Job,
) -> Recorded {
    match attempt(state, keys, job).await {
        Outcome::Delivered => Recorded::Delivered,
        Outcome::Refused(status) => Recorded::Refused(status),
        Outcome::Retry(status, error) => match retry_at(job) {
            Some(next) => Recorded::Retry {
                status,
                error,
                next,
            },
            None => {
                tracing::warn!(inbox = %job.inbox_url, %error, "delivery given up");
                // Marked unreachable now: the next word from it must clear that.
                state.heard.lock().remove(&job.domain);
                Recorded::Failed { status, error }
            }
        },
    }
}

/// Runs a follow-up job; a failure is retried like a delivery, then given up.
async fn run_job(state: &AppState, follow_up: FollowUp, job: &Job) -> Recorded {
    match follow_up(state.clone(), job.kind.clone(), job.body.clone()).await {
        Ok(()) => Recorded::Done { error: None },
        Err(error) => match retry_at(job) {
            Some(next) => Recorded::Retry {
                status: None,
                error,
                next,
            },
            None => {
                tracing::info!(kind = %job.kind, %error, "queued work given up");
                Recorded::Done { error: Some(error) }
            }
        },
    }
}

/// When a failed row is tried again: later each time; `None` after the last try.
fn retry_at(job: &Job) -> Option<DateTime<Utc>> {
    usize::try_from(job.attempts - 1)
        .ok()
        .and_then(|i| BACKOFF_SECONDS.get(i))
        .map(|wait| Utc::now() + chrono::Duration::seconds(*wait))
}

async fn attempt(
    state: &AppState,
    keys: &tokio::sync::Mutex<HashMap<String, signing::PrivateKey>>,
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
        &key,
        job.body.clone().into_bytes(),
        timeout,
    ) {
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

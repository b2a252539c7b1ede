//! The sign-in throttle, shared by the web form, the OAuth authorize form and the
//! password grant: at most `security.sign_in_failures_per_account` wrong
//! passwords per account in 15 minutes, and `security.sign_in_attempts_per_address`
//! attempts per client address in 5 minutes. Attempts are rows in the database,
//! so every `serve` process on it counts the same ones.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use crate::{
    AppState,
    accounts::store,
    db::Db,
    error::{AppError, AppResult},
};

pub const ACCOUNT_WINDOW: Duration = Duration::minutes(15);
pub const ADDRESS_WINDOW: Duration = Duration::minutes(5);
const ACCOUNT: &str = "account";
const ADDRESS: &str = "address";

/// An attempt that was let through; `finish` records how it ended.
#[must_use]
pub struct Attempt {
    address_row: Option<i64>,
    account_row: i64,
}

/// What a client address is counted as: IPv4 addresses one by one, IPv6 ones by
/// their /64 (one household or server usually has a whole /64).
pub fn address_subject(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// Counts an attempt on `account` (the account's key, or the login tried when
/// there is no such account) from `address`, before any password is checked; a
/// 429 with the seconds to wait when a limit is reached. Rows are written first
/// and counted after, so simultaneous attempts, in any process, cannot all slip
/// under the limit together; a refused attempt's rows are taken back, so it
/// does not lengthen the wait.
pub async fn begin(state: &AppState, address: Option<IpAddr>, account: &str) -> AppResult<Attempt> {
    let db = &state.db;
    let limits = &state.settings.security;
    let now = Utc::now();
    let mut rows = Vec::new();
    // (kind, subject, only wrong passwords count, window, limit)
    let mut checks = Vec::new();
    let address_row = match address {
        Some(ip) => {
            let subject = address_subject(ip);
            let id = store::insert_sign_in_attempt(db, ADDRESS, &subject, true, now).await?;
            rows.push(id);
            checks.push((
                ADDRESS,
                subject,
                false,
                ADDRESS_WINDOW,
                limits.sign_in_attempts_per_address,
            ));
            Some(id)
        }
        None => None,
    };
    // Provisionally a wrong password; `finish` takes it back on success.
    let account_row = store::insert_sign_in_attempt(db, ACCOUNT, account, true, now).await?;
    rows.push(account_row);
    checks.push((
        ACCOUNT,
        account.to_string(),
        true,
        ACCOUNT_WINDOW,
        limits.sign_in_failures_per_account,
    ));
    for (kind, subject, failed_only, window, limit) in checks {
        let limit = i64::from(limit);
        let since = now - window;
        let counted =
            store::recent_sign_in_attempts(db, kind, &subject, failed_only, since, limit + 1)
                .await?;
        if i64::try_from(counted.len()).unwrap_or(i64::MAX) > limit {
            store::delete_sign_in_attempts(db, &rows).await?;
            let counted =
                store::recent_sign_in_attempts(db, kind, &subject, failed_only, since, limit)
                    .await?;
            tracing::info!(kind, "sign-in refused by the throttle");
            return Err(AppError::TooManyRequests {
                retry_after: seconds_until_free(counted.last().copied(), window, Utc::now()),
            });
        }
    }
    Ok(Attempt {
        address_row,
        account_row,
    })
}

/// Records the outcome: a right password is no failure for the account.
pub async fn finish(state: &AppState, attempt: Attempt, signed_in: bool) -> AppResult<()> {
    if signed_in {
        store::delete_sign_in_attempts(&state.db, &[attempt.account_row]).await?;
        if let Some(row) = attempt.address_row {
            store::mark_sign_in_attempts_succeeded(&state.db, &[row]).await?;
        }
    }
    Ok(())
}

/// Seconds until the oldest counted attempt leaves its window (at least one).
fn seconds_until_free(oldest: Option<DateTime<Utc>>, window: Duration, now: DateTime<Utc>) -> u64 {
    let millis = oldest
        .map(|t| (t + window - now).num_milliseconds())
        .unwrap_or(0);
    u64::try_from((millis + 999) / 1000).unwrap_or(0).max(1)
}

/// Forgets attempts that no window counts any more.
pub async fn prune(db: &Db, now: DateTime<Utc>) -> AppResult<u64> {
    let longest = ACCOUNT_WINDOW.max(ADDRESS_WINDOW);
    Ok(store::prune_sign_in_attempts(db, now - longest).await?)
}

/// What a person is told when the throttle refuses them.
pub fn wait_message(retry_after: u64) -> String {
    let minutes = retry_after.div_ceil(60);
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many sign-in attempts. Please wait {minutes} {unit} and try again.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_subject(a), address_subject(b));
        assert_ne!(address_subject(a), address_subject(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_subject(mapped), "192.0.2.7");
    }

    #[test]
    fn the_wait_ends_when_the_oldest_attempt_leaves() {
        let now = Utc::now();
        let oldest = now - Duration::minutes(14);
        assert_eq!(seconds_until_free(Some(oldest), ACCOUNT_WINDOW, now), 60);
        assert_eq!(seconds_until_free(None, ACCOUNT_WINDOW, now), 1);
        assert_eq!(
            seconds_until_free(Some(now - Duration::hours(1)), ACCOUNT_WINDOW, now),
            1
        );
        assert_eq!(
            wait_message(61),
            "Too many sign-in attempts. Please wait 2 minutes and try again."
        );
        assert_eq!(
            wait_message(60),
            "Too many sign-in attempts. Please wait 1 minute and try again."
        );
    }
}

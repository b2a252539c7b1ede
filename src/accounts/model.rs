//! People and their rules: names, roles, passwords, keys, profiles.

use std::{fmt, net::IpAddr, str::FromStr, sync::LazyLock};

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};
use chrono::{DateTime, Utc};
use rand::{Rng, distributions::Alphanumeric};
use tokio::sync::Semaphore;
use url::Url;

use crate::{
    AppState,
    accounts::{
        store::{self, NewAccount},
        throttle,
    },
    error::{AppError, AppResult},
};

/// A local user name, following Mastodon's rules: letters, digits and underscores,
/// with dots and dashes allowed inside; at most 30 characters; unique regardless
/// of case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub const MAX_LEN: usize = 30;

    pub fn parse(raw: &str) -> Result<Username, String> {
        let name = raw.trim();
        if name.is_empty() {
            return Err("user name must not be empty".into());
        }
        if name.chars().count() > Self::MAX_LEN {
            return Err(format!(
                "user name {name:?} is longer than {} characters",
                Self::MAX_LEN
            ));
        }
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let inner = |c: char| word(c) || c == '.' || c == '-';
        let first_ok = name.chars().next().is_some_and(word);
        let last_ok = name.chars().last().is_some_and(word);
        if !first_ok || !last_ok || !name.chars().all(inner) {
            return Err(format!(
                "user name {name:?} may only contain letters, numbers and underscores, \
                 with dots or dashes only between them"
            ));
        }
        Ok(Username(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a local person may do on this instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Member,
    Facilitator,
    Moderator,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Facilitator => "facilitator",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// The label shown to people (and to Mastodon apps as the role name).
    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "Member",
            Role::Facilitator => "Facilitator",
            Role::Moderator => "Moderator",
            Role::Admin => "Admin",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "member" => Ok(Role::Member),
            "facilitator" => Ok(Role::Facilitator),
            "moderator" => Ok(Role::Moderator),
            "admin" => Ok(Role::Admin),
            other => Err(format!(
                "unknown role {other:?}: use admin, moderator, facilitator or member"
            )),
        }
    }
}

/// A person or other actor, local or remote, as the rest of the code sees it.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub username: String,
    /// `None` for local accounts.
    pub domain: Option<String>,
    pub actor_type: String,
    pub ap_id: Url,
    pub url: Option<String>,
    pub display_name: String,
    pub note_source: String,
    pub note_html: String,
    pub avatar_url: Option<String>,
    /// The banner image: a community's `image`, Mastodon's `header`.
    pub header_url: Option<String>,
    pub inbox_url: Url,
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
    pub profile: TeacherProfile,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub fetched_at: Option<DateTime<Utc>>,
}

/// What a teacher tells colleagues about their work.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TeacherProfile {
    /// School subjects: ids of the `school-subjects` vocabulary.
    pub school_subjects: Vec<String>,
    /// Other subjects, in the teacher's own words.
    pub subjects: Vec<String>,
    /// Ids of `isced-levels`, or (as older profiles and other servers give
    /// them) words.
    pub education_levels: Vec<String>,
    pub languages: Vec<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub school: Option<String>,
}

/// A term's label in `lang`, or what was given when it is not a term.
fn term_label(vocabulary: &str, id: &str, lang: &str) -> String {
    crate::vocabularies::get(vocabulary)
        .ok()
        .and_then(|v| v.term(id))
        .map_or_else(|| id.to_string(), |t| t.label(lang).to_string())
}

impl TeacherProfile {
    /// Profile facts as (label, value) pairs in English, for Mastodon's
    /// `fields` and the actor's `PropertyValue` attachments.
    pub fn labelled(&self) -> Vec<(&'static str, String)> {
        self.labelled_in("en")
    }

    /// Profile facts as (label, value) pairs, terms named in `lang` (pages).
    pub fn labelled_in(&self, lang: &str) -> Vec<(&'static str, String)> {
        use crate::vocabularies::{ISCED_LEVELS, SCHOOL_SUBJECTS};
        let mut out = Vec::new();
        let mut push = |label, value: String| {
            if !value.is_empty() {
                out.push((label, value));
            }
        };
        let subjects: Vec<String> = self
            .school_subjects
            .iter()
            .map(|id| term_label(SCHOOL_SUBJECTS, id, lang))
            .chain(self.subjects.iter().cloned())
            .collect();
        push("Subjects", subjects.join(", "));
        let levels: Vec<String> = self
            .education_levels
            .iter()
            .map(|id| term_label(ISCED_LEVELS, id, lang))
            .collect();
        push("Education levels", levels.join(", "));
        push("Languages", self.languages.join(", "));
        push("School", self.school.clone().unwrap_or_default());
        let country = self
            .country
            .as_deref()
            .map(|c| term_label("countries", c, lang));
        let place = [self.region.clone(), country]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        push("Region", place);
        out
    }
}

impl Account {
    pub fn is_local(&self) -> bool {
        self.domain.is_none()
    }

    /// `name` for local accounts, `name@domain` for remote ones (Mastodon's `acct`).
    pub fn acct(&self) -> String {
        match &self.domain {
            None => self.username.clone(),
            Some(d) => format!("{}@{d}", self.username),
        }
    }

    /// The name to show: the display name, or the user name when there is none.
    pub fn shown_name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.username
        } else {
            &self.display_name
        }
    }

    /// The web page about this account (its own `url`, or its id).
    pub fn profile_url(&self) -> String {
        self.url.clone().unwrap_or_else(|| self.ap_id.to_string())
    }

    /// `name@domain` in full, with this instance's domain for a local account
    /// (how a person is written where other servers' people appear too).
    pub fn handle(&self, local_domain: &str) -> String {
        match &self.domain {
            None => format!("{}@{local_domain}", self.username),
            Some(_) => self.acct(),
        }
    }

    /// Its profile page here: `/@name`, or `/@name@domain` for someone we know
    /// from another server (so that they can be followed from here).
    pub fn profile_path(&self) -> String {
        match &self.domain {
            None => format!("/@{}", self.username),
            Some(domain) => format!("/@{}@{domain}", self.username),
        }
    }
}

/// Local ActivityPub addresses for a person called `name`.
pub struct LocalActorUrls {
    pub id: String,
    pub profile: String,
    pub inbox: String,
    pub outbox: String,
    pub followers: String,
    pub following: String,
    pub shared_inbox: String,
}

impl LocalActorUrls {
    pub fn new(base: &str, name: &str) -> Self {
        let id = format!("{base}/users/{name}");
        LocalActorUrls {
            profile: format!("{base}/@{name}"),
            inbox: format!("{id}/inbox"),
            outbox: format!("{id}/outbox"),
            followers: format!("{id}/followers"),
            following: format!("{id}/following"),
            shared_inbox: format!("{base}/inbox"),
            id,
        }
    }
}

/// A local person with sign-in: the `users` row next to the account.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub account_id: i64,
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// The interface language chosen (a code of `i18n::LANGUAGES`), if any.
    pub locale: Option<String>,
    /// The time zone pages show times in (an IANA name), if chosen.
    pub time_zone: Option<String>,
    /// What new posts are when no visibility is given (Mastodon's
    /// `source.privacy`); none: public.
    pub default_visibility: Option<String>,
    /// False while the account waits for an admin's approval.
    pub approved: bool,
    /// Why the person asked to join (registrations with approval).
    pub sign_up_reason: Option<String>,
    /// When an admin suspended the account, if one did.
    pub suspended_at: Option<DateTime<Utc>>,
}

/// Why a sign-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInRefused {
    /// No such person, or not the password.
    Wrong,
    /// The account waits for an admin's approval.
    Pending,
    /// An admin suspended the account.
    Suspended,
}

impl SignInRefused {
    /// The id of the message that says so.
    pub fn message_id(self) -> &'static str {
        match self {
            SignInRefused::Wrong => "sign-in-invalid",
            SignInRefused::Pending => "sign-in-pending",
            SignInRefused::Suspended => "sign-in-suspended",
        }
    }
}

/// The visibilities a post may have, as Mastodon names them.
pub const VISIBILITIES: &[&str] = &["public", "unlisted", "private", "direct"];

/// Sets what new posts are when no visibility is given.
pub async fn set_default_visibility(
    state: &AppState,
    user: &User,
    visibility: &str,
) -> AppResult<()> {
    let visibility = visibility.trim();
    if !VISIBILITIES.contains(&visibility) {
        return Err(AppError::validation(format!(
            "Visibility {visibility:?} is not one of public, unlisted, private, direct"
        )));
    }
    store::set_default_visibility(&state.db, user.id, visibility).await?;
    Ok(())
}

/// Sets the time zone pages show times in (an IANA name such as
/// `Europe/Vienna`), or none (UTC).
pub async fn set_time_zone(state: &AppState, user: &User, time_zone: &str) -> AppResult<()> {
    let time_zone = time_zone.trim();
    let zone = if time_zone.is_empty() {
        None
    } else {
        let zone: chrono_tz::Tz = time_zone.parse().map_err(|_| {
            AppError::validation(format!("{time_zone:?} is not a time zone we know"))
        })?;
        Some(zone.name())
    };
    store::set_time_zone(&state.db, user.id, zone).await?;
    Ok(())
}

impl User {
    /// Whether the person may not act here now: suspended, or not yet approved.
    /// Checked wherever a session, a token or a code is used, not only at
    /// sign-in.
    pub fn barred(&self) -> bool {
        self.suspended_at.is_some() || !self.approved
    }

    /// The visibility of a new post when none is given.
    pub fn default_visibility(&self) -> &str {
        self.default_visibility.as_deref().unwrap_or("public")
    }
}

/// Input for a new local person.
pub struct NewUser {
    pub username: String,
    pub email: String,
    pub role: Role,
    /// `None` generates one (returned by [`create_user`]).
    pub password: Option<String>,
}

pub const MIN_PASSWORD_LEN: usize = 8;
pub const MAX_PASSWORD_LEN: usize = 1024;
/// Longer than any user name or e-mail address a person here can have.
const MAX_LOGIN_LEN: usize = 320;

fn validate_email(email: &str) -> Result<(), String> {
    let ok = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
    if ok {
        Ok(())
    } else {
        Err(format!("{email:?} is not an e-mail address"))
    }
}

/// The length rule of every password a person sets: at least
/// [`MIN_PASSWORD_LEN`] characters, at most [`MAX_PASSWORD_LEN`] bytes.
fn password_length_ok(password: &str) -> bool {
    password.chars().count() >= MIN_PASSWORD_LEN && password.len() <= MAX_PASSWORD_LEN
}

/// Creates a local person with a fresh RSA-2048 key pair. Returns the account, the
/// user and the password (the generated one when none was given).
pub async fn create_user(state: &AppState, new: NewUser) -> AppResult<(Account, User, String)> {
    create_user_waiting(state, new, None).await
}

/// Like [`create_user`]; with a reason, the account waits for an admin's
/// approval before it can sign in.
pub async fn create_user_waiting(
    state: &AppState,
    new: NewUser,
    pending_reason: Option<&str>,
) -> AppResult<(Account, User, String)> {
    let username = Username::parse(&new.username).map_err(|e| {
        AppError::validation(e).said(
            "invalid-username",
            None,
            &[("max", Username::MAX_LEN.to_string())],
        )
    })?;
    let email = new.email.trim().to_string();
    validate_email(&email).map_err(|e| {
        AppError::validation(e).said("invalid-email", None, &[("value", email.clone())])
    })?;
    let password = match new.password {
        Some(p) => p,
        None => generate_password(),
    };
    if !password_length_ok(&password) {
        return Err(AppError::validation(format!(
            "the password must have between {MIN_PASSWORD_LEN} and {MAX_PASSWORD_LEN} characters"
        ))
        .said(
            "invalid-password-length",
            None,
            &[("min", MIN_PASSWORD_LEN.to_string())],
        ));
    }
    if store::find_local_by_username(&state.db, username.as_str())
        .await?
        .is_some()
    {
        return Err(
            AppError::validation(format!("the user name {username} is already taken")).said(
                "invalid-username-taken",
                None,
                &[("value", username.to_string())],
            ),
        );
    }
    let password_hash = hash_password(password.clone()).await?;
    let (public_key_pem, private_key_pem) = cpu_heavy(crate::federation::signing::generate_keypair)
        .await?
        .map_err(|e| AppError::Internal(e.into()))?;
    let urls = LocalActorUrls::new(&state.settings.base_url(), username.as_str());
    let account = NewAccount {
        username: username.to_string(),
        domain: None,
        actor_type: "Person".into(),
        ap_id: urls.id,
        url: Some(urls.profile),
        display_name: String::new(),
        note_html: String::new(),
        avatar_url: None,
        header_url: None,
        inbox_url: urls.inbox,
        outbox_url: Some(urls.outbox),
        shared_inbox_url: Some(urls.shared_inbox),
        followers_url: Some(urls.followers),
        following_url: Some(urls.following),
        public_key_pem,
        private_key_pem: Some(private_key_pem),
        locked: false,
        bot: false,
        discoverable: true,
        indexable: true,
    };
    store::create_local_user(
        &state.db,
        account,
        &email,
        &password_hash,
        new.role,
        pending_reason,
    )
    .await
    .map(|(a, u)| (a, u, password))
    .map_err(|e| match e {
        store::CreateUserError::Taken => {
            AppError::validation("that user name or e-mail address is already taken".to_string())
                .said("invalid-name-or-email-taken", None, &[])
        }
        store::CreateUserError::Db(e) => e.into(),
    })
}

/// Password hashing (19 MiB and tens of milliseconds each) and key generation run
/// at most this many at a time, so a burst of sign-in attempts queues instead of
/// exhausting memory and the blocking thread pool.
static CPU_HEAVY: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// Runs CPU-heavy work off the async threads, a bounded number at a time.
pub(crate) async fn cpu_heavy<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> AppResult<T> {
    let _permit = CPU_HEAVY
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(e.into()))
}

/// A random password people can type: 20 letters and digits.
pub fn generate_password() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect()
}

/// Hashes with argon2id (the crate's defaults), off the async threads.
pub async fn hash_password(password: String) -> AppResult<String> {
    cpu_heavy(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await?
    .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing password: {e}")))
}

/// Checks a password against a stored hash, off the async threads.
pub async fn verify_password(password: String, hash: String) -> bool {
    cpu_heavy(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// Looks a person up by user name or e-mail and checks the password.
/// `None` when either is wrong (callers must not say which).
pub async fn authenticate(
    state: &AppState,
    login: &str,
    password: &str,
    client: Option<IpAddr>,
) -> AppResult<Result<(Account, User), SignInRefused>> {
    let login = login.trim();
    if login.is_empty()
        || login.len() > MAX_LOGIN_LEN
        || password.is_empty()
        || password.len() > MAX_PASSWORD_LEN
    {
        return Ok(Err(SignInRefused::Wrong));
    }
    let found = store::find_user_by_login(&state.db, login).await?;
    // Wrong passwords count for the account whichever name or address was typed.
    let subject = match &found {
        Some((_, user)) => format!("user:{}", user.id),
        None => format!("login:{}", login.to_lowercase()),
    };
    // Refused before any password work is done.
    let attempt = throttle::begin(state, client, &subject).await?;
    let signed_in = match found {
        None => {
            // Spend the same time as a real check so timing does not reveal names.
            let _ = hash_password(password.to_string()).await;
            None
        }
        Some((account, user)) => {
            if verify_password(password.to_string(), user.password_hash.clone()).await {
                Some((account, user))
            } else {
                None
            }
        }
    };
    throttle::finish(state, attempt, signed_in.is_some()).await?;
    // Told only to whoever knows the password.
    Ok(match signed_in {
        None => Err(SignInRefused::Wrong),
        Some((_, user)) if user.suspended_at.is_some() => Err(SignInRefused::Suspended),
        Some((_, user)) if !user.approved => Err(SignInRefused::Pending),
        Some((account, user)) => {
            store::touch_sign_in(&state.db, user.id).await?;
            Ok((account, user))
        }
    })
}

/// Suspends a local person (`true`) or lifts it: a suspended person is signed
/// out everywhere and cannot sign in or use an app.
pub async fn set_suspended(state: &AppState, user: &User, suspended: bool) -> AppResult<()> {
    let now = Utc::now();
    store::set_suspended(&state.db, user.id, suspended.then_some(now)).await?;
    if suspended {
        store::end_all_access(&state.db, user.id, now).await?;
    }
    Ok(())
}

/// Gives a person a new password (an admin's reset): returns it, to be passed
/// on once; they are signed out everywhere.
pub async fn reset_password(state: &AppState, user: &User) -> AppResult<String> {
    let password = generate_password();
    let hash = hash_password(password.clone()).await?;
    store::set_password_hash(&state.db, user.id, &hash).await?;
    store::end_all_access(&state.db, user.id, Utc::now()).await?;
    Ok(password)
}

/// Why a password change was refused (nothing was changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRefused {
    /// The current password given is not the person's.
    WrongCurrent,
    /// The new password breaks the length rule of sign-up.
    Length,
}

/// Changes a local person's password, after checking the current one. A wrong
/// current password counts for the sign-in throttle like a wrong sign-in (so a
/// browser left signed in cannot be used to guess it), and too many give
/// `TooManyRequests`.
pub async fn change_password(
    state: &AppState,
    user: &User,
    current: &str,
    new: &str,
    client: Option<IpAddr>,
) -> AppResult<Result<(), PasswordRefused>> {
    if !password_length_ok(new) {
        return Ok(Err(PasswordRefused::Length));
    }
    if current.is_empty() || current.len() > MAX_PASSWORD_LEN {
        return Ok(Err(PasswordRefused::WrongCurrent));
    }
    // Counted as the account sign-in counts it (see `authenticate`).
    let attempt = throttle::begin(state, client, &format!("user:{}", user.id)).await?;
    let right = verify_password(current.to_string(), user.password_hash.clone()).await;
    throttle::finish(state, attempt, right).await?;
    if !right {
        return Ok(Err(PasswordRefused::WrongCurrent));
    }
    let password_hash = hash_password(new.to_string()).await?;
    store::set_password_hash(&state.db, user.id, &password_hash).await?;
    Ok(Ok(()))
}

/// Why an e-mail change was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailRefused {
    WrongPassword,
    NotAnAddress,
    Taken,
}

/// Changes a local person's e-mail address (the one they sign in with), after
/// checking their password, which counts for the sign-in throttle.
pub async fn change_email(
    state: &AppState,
    user: &User,
    password: &str,
    email: &str,
    client: Option<IpAddr>,
) -> AppResult<Result<(), EmailRefused>> {
    let email = email.trim();
    if validate_email(email).is_err() {
        return Ok(Err(EmailRefused::NotAnAddress));
    }
    if password.is_empty() || password.len() > MAX_PASSWORD_LEN {
        return Ok(Err(EmailRefused::WrongPassword));
    }
    let attempt = throttle::begin(state, client, &format!("user:{}", user.id)).await?;
    let right = verify_password(password.to_string(), user.password_hash.clone()).await;
    throttle::finish(state, attempt, right).await?;
    if !right {
        return Ok(Err(EmailRefused::WrongPassword));
    }
    if !store::set_email(&state.db, user.id, email).await? {
        return Ok(Err(EmailRefused::Taken));
    }
    Ok(Ok(()))
}

/// Changes to a person's own profile; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct ProfileUpdate {
    pub display_name: Option<String>,
    pub note: Option<String>,
    pub avatar_url: Option<String>,
    /// The banner (`header`): an http(s) address, or "" for none.
    pub header_url: Option<String>,
    /// The pictures are files the settings page has just stored for this
    /// person. Otherwise an address of this instance's own media is refused:
    /// it may be someone else's file, which a later change would delete.
    pub uploaded_pictures: bool,
    pub locked: Option<bool>,
    pub bot: Option<bool>,
    pub discoverable: Option<bool>,
    pub indexable: Option<bool>,
    pub school_subjects: Option<Vec<String>>,
    pub subjects: Option<Vec<String>>,
    pub education_levels: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub school: Option<String>,
}

pub const MAX_DISPLAY_NAME: usize = 30;
pub const MAX_NOTE: usize = 500;
const MAX_LIST_ITEMS: usize = 20;
const MAX_ITEM_LEN: usize = 100;

fn clean_list(field: &str, items: Vec<String>) -> AppResult<Vec<String>> {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() > MAX_LIST_ITEMS {
        return Err(AppError::validation(format!(
            "{field} may list at most {MAX_LIST_ITEMS} entries"
        ))
        .said(
            "invalid-too-many",
            Some(field),
            &[("max", MAX_LIST_ITEMS.to_string())],
        ));
    }
    if items.iter().any(|s| s.chars().count() > MAX_ITEM_LEN) {
        return Err(AppError::validation(format!(
            "each entry of {field} may have at most {MAX_ITEM_LEN} characters"
        ))
        .said("invalid-item-too-long", Some(field), &[]));
    }
    Ok(items)
}

fn clean_text(field: &str, value: String, max: usize) -> AppResult<String> {
    let value = value.trim().to_string();
    if value.chars().count() > max {
        return Err(AppError::validation(format!(
            "{field} is too long (maximum is {max} characters)"
        ))
        .said("invalid-too-long", Some(field), &[("max", max.to_string())]));
    }
    Ok(value)
}

/// Validates and applies a profile change to a local account.
pub async fn update_profile(
    state: &AppState,
    account: &Account,
    update: ProfileUpdate,
) -> AppResult<Account> {
    let mut next = account.clone();
    if let Some(v) = update.display_name {
        next.display_name = clean_text("Display name", v, MAX_DISPLAY_NAME)?;
    }
    if let Some(v) = update.note {
        next.note_source = clean_text("Bio", v, MAX_NOTE)?;
        next.note_html = crate::web::text_to_html(&next.note_source);
    }
    let uploaded = update.uploaded_pictures;
    let picture = |v: String, what: &str, now: &Option<String>| -> AppResult<Option<String>> {
        let v = v.trim().to_string();
        if v.is_empty() {
            return Ok(None);
        }
        if !uploaded
            && now.as_deref() != Some(v.as_str())
            && crate::media::MediaStore::key_of(&state.settings, &v).is_some()
        {
            return Err(AppError::validation(format!(
                "{what}: upload the picture instead of giving a file of this instance"
            ))
            .said("invalid-picture-local", None, &[]));
        }
        let url = Url::parse(&v)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| {
                AppError::validation(format!("{what} must be an http(s) URL")).said(
                    "invalid-link",
                    None,
                    &[("value", v.clone())],
                )
            })?;
        Ok(Some(url.to_string()))
    };
    if let Some(v) = update.avatar_url {
        next.avatar_url = picture(v, "Avatar", &account.avatar_url)?;
    }
    if let Some(v) = update.header_url {
        next.header_url = picture(v, "Header", &account.header_url)?;
    }
    if let Some(v) = update.locked {
        next.locked = v;
    }
    if let Some(v) = update.bot {
        next.bot = v;
    }
    if let Some(v) = update.discoverable {
        next.discoverable = v;
    }
    if let Some(v) = update.indexable {
        next.indexable = v;
    }
    if let Some(v) = update.school_subjects {
        let mut ids = Vec::new();
        for s in clean_list("School subjects", v)? {
            let id = crate::vocabularies::check(
                crate::vocabularies::SCHOOL_SUBJECTS,
                &s,
                "school subject",
            )?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        next.profile.school_subjects = ids;
    }
    if let Some(v) = update.subjects {
        next.profile.subjects = clean_list("Subjects", v)?;
    }
    if let Some(v) = update.education_levels {
        next.profile.education_levels = clean_list("Education levels", v)?;
    }
    if let Some(v) = update.languages {
        next.profile.languages = clean_list("Languages", v)?;
    }
    let optional = |field: &str, v: String| -> AppResult<Option<String>> {
        let v = clean_text(field, v, MAX_ITEM_LEN)?;
        Ok(if v.is_empty() { None } else { Some(v) })
    };
    if let Some(v) = update.country {
        let v = optional("Country", v)?.map(|c| c.to_ascii_uppercase());
        if let Some(c) = &v
            && (c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            return Err(AppError::validation(
                "Country must be a two-letter ISO 3166 code, like AT or IT",
            )
            .said("invalid-country", None, &[]));
        }
        next.profile.country = v;
    }
    if let Some(v) = update.region {
        next.profile.region = optional("Region", v)?;
    }
    if let Some(v) = update.school {
        next.profile.school = optional("School", v)?;
    }
    next.updated_at = Utc::now();
    store::save_profile(&state.db, &next).await?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_follow_mastodon_rules() {
        for ok in [
            "anna",
            "Anna_B",
            "a",
            "maria.rossi",
            "jean-luc",
            "_x_",
            "a1",
        ] {
            assert!(Username::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "anna b",
            ".anna",
            "anna.",
            "-x",
            "x-",
            "ánna",
            "a@b",
            "a/b",
            "abcdefghijklmnopqrstuvwxyz12345",
        ] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn roles_round_trip() {
        for r in [
            Role::Member,
            Role::Facilitator,
            Role::Moderator,
            Role::Admin,
        ] {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert!("owner".parse::<Role>().is_err());
    }

    #[test]
    fn emails_are_checked() {
        assert!(validate_email("anna@school.example").is_ok());
        assert!(validate_email("anna").is_err());
        assert!(validate_email("anna@localhost").is_err());
        assert!(validate_email("a b@x.example").is_err());
    }

    #[test]
    fn generated_passwords_are_long_enough() {
        let p = generate_password();
        assert_eq!(p.len(), 20);
        assert_ne!(p, generate_password());
    }
}

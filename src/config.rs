//! Settings: one typed struct, read from an optional TOML file and then from
//! `COLLEGIUM_*` environment variables (the environment wins).

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
};

use serde::Deserialize;
use url::Url;

/// Everything an instance is configured with. See docs/configuration.md.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The public host (and port, if not the default) people and servers use.
    pub domain: String,
    /// Address the HTTP server binds to.
    pub listen: SocketAddr,
    /// `sqlite://PATH` or `postgres://…`; defaults to `sqlite://{data_dir}/collegium.db`.
    pub database_url: Option<String>,
    /// Folder for files and the default SQLite database.
    pub data_dir: PathBuf,
    /// Ids and links use http:// instead of https://. Defaults to true only for a
    /// `localhost` domain.
    pub plain_http: Option<bool>,
    /// Log filter in `RUST_LOG` syntax.
    pub log: String,
    pub instance: InstanceSettings,
    pub federation: FederationSettings,
    pub media: MediaSettings,
    pub server: ServerSettings,
    pub security: SecuritySettings,
    pub maintenance: MaintenanceSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecuritySettings {
    /// Wrong passwords for one account within 15 minutes before its sign-in is
    /// refused (429) until the oldest leaves the window.
    pub sign_in_failures_per_account: u32,
    /// Sign-in attempts from one client address within 5 minutes.
    pub sign_in_attempts_per_address: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client: when a request
    /// comes from one of these addresses, the client is the last address in the
    /// header that is not one of them.
    pub trusted_proxies: Vec<IpAddr>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MaintenanceSettings {
    /// Minutes between two runs of the cleanup (old received ids, finished
    /// deliveries, expired sessions and codes, unused apps, sign-in attempts).
    pub cleanup_interval_minutes: u64,
}

/// Limits on what one client may hold of the HTTP server. Behind a reverse proxy
/// these still apply to the proxy's connections (see docs/configuration.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// A request's headers must arrive in full within this many seconds.
    pub header_read_timeout_seconds: u64,
    /// The body may pause for at most this many seconds between two pieces.
    pub body_timeout_seconds: u64,
    /// A request is answered (408) or dropped within this many seconds.
    pub request_timeout_seconds: u64,
    /// Most connections open at once; more are closed as they arrive.
    pub max_connections: usize,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            header_read_timeout_seconds: 10,
            body_timeout_seconds: 30,
            request_timeout_seconds: 300,
            max_connections: 1024,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MediaSettings {
    /// Largest image (a community's icon or banner) people may upload, in bytes.
    pub max_image_bytes: usize,
    /// Largest file attached to a teaching material, in bytes.
    pub max_file_bytes: usize,
    /// Most uploads read at once; others wait (up to 30 s, then 503).
    pub max_concurrent_uploads: usize,
    /// Where uploaded files are kept: `local` (`{data_dir}/media`) or `s3` (any
    /// S3-compatible object store).
    pub store: String,
    pub s3_bucket: String,
    /// The store's address, for S3-compatible servers other than AWS.
    pub s3_endpoint: String,
    pub s3_region: String,
    pub s3_access_key_id: String,
    pub s3_secret_access_key: String,
    /// Allow a plain-http endpoint (a store on the same machine or network).
    pub s3_allow_http: bool,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct InstanceSettings {
    pub name: String,
    pub description: String,
    /// Address people can write to about this instance.
    pub contact_email: String,
    /// ISO 3166-1 alpha-2 code of the country the instance serves, if one.
    pub country: String,
    /// BCP-47 codes of the languages the community uses.
    pub languages: Vec<String>,
    /// Whether people may create their own accounts on the sign-up page.
    pub registrations_open: bool,
    /// Whether an admin approves each new account before it can sign in (when
    /// registrations are open).
    pub approval_required: bool,
    /// The instance's rules, one sentence each (shown at sign-up and on the
    /// about page, and to apps as Mastodon's instance rules).
    pub rules: Vec<String>,
    /// The privacy notice, plain text (`/about/privacy`); empty: a notice of what
    /// the software itself keeps.
    pub privacy_notice: String,
    /// The legal notice (imprint) some countries require, plain text
    /// (`/about/imprint`); empty: no such page.
    pub imprint: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FederationSettings {
    /// Let remote fetches and deliveries reach loopback and private addresses, plain
    /// http and explicit ports. For test instances on one machine only.
    pub allow_local_addresses: bool,
    /// Timeout for one outgoing request, in seconds.
    pub request_timeout_seconds: u64,
    /// Require a valid HTTP signature on GETs of actors, posts and collections
    /// (Mastodon's "secure mode"). The instance actor stays readable by anyone.
    pub authorized_fetch: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            domain: "localhost:8080".into(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            data_dir: PathBuf::from("data"),
            plain_http: None,
            log: "info".into(),
            instance: InstanceSettings::default(),
            federation: FederationSettings::default(),
            media: MediaSettings::default(),
            server: ServerSettings::default(),
            security: SecuritySettings::default(),
            maintenance: MaintenanceSettings::default(),
        }
    }
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            sign_in_failures_per_account: 10,
            sign_in_attempts_per_address: 25,
            trusted_proxies: Vec::new(),
        }
    }
}

impl Default for MaintenanceSettings {
    fn default() -> Self {
        MaintenanceSettings {
            cleanup_interval_minutes: 60,
        }
    }
}

impl Default for MediaSettings {
    fn default() -> Self {
        MediaSettings {
            max_image_bytes: 2 * 1024 * 1024,
            max_file_bytes: 20 * 1024 * 1024,
            max_concurrent_uploads: 4,
            store: "local".into(),
            s3_bucket: String::new(),
            s3_endpoint: String::new(),
            s3_region: "us-east-1".into(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            s3_allow_http: false,
        }
    }
}

impl Default for InstanceSettings {
    fn default() -> Self {
        InstanceSettings {
            name: "Collegium".into(),
            description: "A learning community for teachers, part of the federated \
                          European network of Collegium instances."
                .into(),
            contact_email: String::new(),
            country: String::new(),
            languages: vec!["en".into()],
            registrations_open: false,
            approval_required: false,
            rules: Vec::new(),
            privacy_notice: String::new(),
            imprint: String::new(),
        }
    }
}

impl Default for FederationSettings {
    fn default() -> Self {
        FederationSettings {
            allow_local_addresses: false,
            request_timeout_seconds: 10,
            authorized_fetch: false,
        }
    }
}

/// A configuration that cannot be used, in one line for the operator.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid config file {path}: {message}")]
    Parse { path: String, message: String },
    #[error("invalid value for {var}: {message}")]
    Env { var: &'static str, message: String },
    #[error("invalid setting {0}")]
    Invalid(String),
}

impl Settings {
    /// Reads the file (if given), then the environment, then checks the result.
    pub fn load(path: Option<&std::path::Path>) -> Result<Settings, ConfigError> {
        let mut settings = match path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                })?;
                toml::from_str::<Settings>(&text).map_err(|e| ConfigError::Parse {
                    path: path.display().to_string(),
                    message: e.message().to_string(),
                })?
            }
            None => Settings::default(),
        };
        settings.apply_env(|name| std::env::var(name).ok())?;
        settings.validate()?;
        Ok(settings)
    }

    /// Overrides settings from `COLLEGIUM_*` variables; `lookup` reads one variable.
    pub fn apply_env(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(var: &'static str, value: &str) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            value.trim().parse::<T>().map_err(|e| ConfigError::Env {
                var,
                message: e.to_string(),
            })
        }
        fn parse_bool(var: &'static str, value: &str) -> Result<bool, ConfigError> {
            match value.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                other => Err(ConfigError::Env {
                    var,
                    message: format!("expected true or false, got {other:?}"),
                }),
            }
        }
        let get = |var: &str| lookup(var).filter(|v| !v.is_empty());

        if let Some(v) = get("COLLEGIUM_DOMAIN") {
            self.domain = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_LISTEN") {
            self.listen = parse("COLLEGIUM_LISTEN", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_DATABASE_URL") {
            self.database_url = Some(v);
        }
        if let Some(v) = get("COLLEGIUM_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = get("COLLEGIUM_PLAIN_HTTP") {
            self.plain_http = Some(parse_bool("COLLEGIUM_PLAIN_HTTP", &v)?);
        }
        if let Some(v) = get("COLLEGIUM_LOG") {
            self.log = v;
        }
        if let Some(v) = get("COLLEGIUM_INSTANCE_NAME") {
            self.instance.name = v;
        }
        if let Some(v) = get("COLLEGIUM_INSTANCE_DESCRIPTION") {
            self.instance.description = v;
        }
        if let Some(v) = get("COLLEGIUM_CONTACT_EMAIL") {
            self.instance.contact_email = v;
        }
        if let Some(v) = get("COLLEGIUM_COUNTRY") {
            self.instance.country = v;
        }
        if let Some(v) = get("COLLEGIUM_LANGUAGES") {
            self.instance.languages = v
                .split(',')
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
        }
        if let Some(v) = get("COLLEGIUM_INSTANCE_RULES") {
            self.instance.rules = v
                .split('|')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
        }
        if let Some(v) = get("COLLEGIUM_PRIVACY_NOTICE") {
            self.instance.privacy_notice = v;
        }
        if let Some(v) = get("COLLEGIUM_IMPRINT") {
            self.instance.imprint = v;
        }
        if let Some(v) = get("COLLEGIUM_REGISTRATIONS_OPEN") {
            self.instance.registrations_open = parse_bool("COLLEGIUM_REGISTRATIONS_OPEN", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_APPROVAL_REQUIRED") {
            self.instance.approval_required = parse_bool("COLLEGIUM_APPROVAL_REQUIRED", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_ALLOW_LOCAL_ADDRESSES") {
            self.federation.allow_local_addresses =
                parse_bool("COLLEGIUM_ALLOW_LOCAL_ADDRESSES", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_AUTHORIZED_FETCH") {
            self.federation.authorized_fetch = parse_bool("COLLEGIUM_AUTHORIZED_FETCH", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_MEDIA_MAX_IMAGE_BYTES") {
            self.media.max_image_bytes = parse("COLLEGIUM_MEDIA_MAX_IMAGE_BYTES", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_MEDIA_MAX_FILE_BYTES") {
            self.media.max_file_bytes = parse("COLLEGIUM_MEDIA_MAX_FILE_BYTES", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_MEDIA_MAX_CONCURRENT_UPLOADS") {
            self.media.max_concurrent_uploads =
                parse("COLLEGIUM_MEDIA_MAX_CONCURRENT_UPLOADS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_HEADER_READ_TIMEOUT_SECONDS") {
            self.server.header_read_timeout_seconds =
                parse("COLLEGIUM_HEADER_READ_TIMEOUT_SECONDS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_BODY_TIMEOUT_SECONDS") {
            self.server.body_timeout_seconds = parse("COLLEGIUM_BODY_TIMEOUT_SECONDS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_HTTP_REQUEST_TIMEOUT_SECONDS") {
            self.server.request_timeout_seconds =
                parse("COLLEGIUM_HTTP_REQUEST_TIMEOUT_SECONDS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_MAX_CONNECTIONS") {
            self.server.max_connections = parse("COLLEGIUM_MAX_CONNECTIONS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_MEDIA_STORE") {
            self.media.store = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_BUCKET") {
            self.media.s3_bucket = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_ENDPOINT") {
            self.media.s3_endpoint = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_REGION") {
            self.media.s3_region = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_ACCESS_KEY_ID") {
            self.media.s3_access_key_id = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_SECRET_ACCESS_KEY") {
            self.media.s3_secret_access_key = v.trim().to_string();
        }
        if let Some(v) = get("COLLEGIUM_S3_ALLOW_HTTP") {
            self.media.s3_allow_http = parse_bool("COLLEGIUM_S3_ALLOW_HTTP", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_SIGN_IN_FAILURES_PER_ACCOUNT") {
            self.security.sign_in_failures_per_account =
                parse("COLLEGIUM_SIGN_IN_FAILURES_PER_ACCOUNT", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_SIGN_IN_ATTEMPTS_PER_ADDRESS") {
            self.security.sign_in_attempts_per_address =
                parse("COLLEGIUM_SIGN_IN_ATTEMPTS_PER_ADDRESS", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_TRUSTED_PROXIES") {
            self.security.trusted_proxies = v
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| parse("COLLEGIUM_TRUSTED_PROXIES", a))
                .collect::<Result<_, _>>()?;
        }
        if let Some(v) = get("COLLEGIUM_CLEANUP_INTERVAL_MINUTES") {
            self.maintenance.cleanup_interval_minutes =
                parse("COLLEGIUM_CLEANUP_INTERVAL_MINUTES", &v)?;
        }
        if let Some(v) = get("COLLEGIUM_REQUEST_TIMEOUT_SECONDS") {
            self.federation.request_timeout_seconds =
                parse("COLLEGIUM_REQUEST_TIMEOUT_SECONDS", &v)?;
        }
        Ok(())
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let probe = Url::parse(&format!("http://{}/", self.domain))
            .ok()
            .filter(|u| u.path() == "/" && u.username().is_empty() && u.query().is_none());
        let host_ok = probe
            .as_ref()
            .and_then(|u| u.host_str())
            .is_some_and(|h| !h.is_empty());
        if self.domain.is_empty() || !host_ok || self.domain.contains('/') {
            return Err(ConfigError::Invalid(format!(
                "domain {:?}: expected a host name with an optional port, like region.example or localhost:8080",
                self.domain
            )));
        }
        if self.domain.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(ConfigError::Invalid(format!(
                "domain {:?}: write it in lower case",
                self.domain
            )));
        }
        match self.media.store.as_str() {
            "local" => {}
            "s3" if self.media.s3_bucket.is_empty() => {
                return Err(ConfigError::Invalid(
                    "media.s3_bucket: the s3 store needs a bucket".into(),
                ));
            }
            "s3" => {}
            other => {
                return Err(ConfigError::Invalid(format!(
                    "media.store {other:?}: expected local or s3"
                )));
            }
        }
        if self.instance.name.trim().is_empty() {
            return Err(ConfigError::Invalid(
                "instance.name: must not be empty".into(),
            ));
        }
        if self.security.sign_in_failures_per_account == 0
            || self.security.sign_in_attempts_per_address == 0
        {
            return Err(ConfigError::Invalid(
                "security.sign_in_failures_per_account and sign_in_attempts_per_address: must be at least 1".into(),
            ));
        }
        if self.maintenance.cleanup_interval_minutes == 0 {
            return Err(ConfigError::Invalid(
                "maintenance.cleanup_interval_minutes: must be at least 1".into(),
            ));
        }
        let server = &self.server;
        for (name, value) in [
            (
                "server.header_read_timeout_seconds",
                server.header_read_timeout_seconds,
            ),
            ("server.body_timeout_seconds", server.body_timeout_seconds),
            (
                "server.request_timeout_seconds",
                server.request_timeout_seconds,
            ),
            ("server.max_connections", server.max_connections as u64),
            (
                "media.max_concurrent_uploads",
                self.media.max_concurrent_uploads as u64,
            ),
        ] {
            if value == 0 {
                return Err(ConfigError::Invalid(format!("{name}: must be at least 1")));
            }
        }
        if self.federation.request_timeout_seconds == 0 {
            return Err(ConfigError::Invalid(
                "federation.request_timeout_seconds: must be at least 1".into(),
            ));
        }
        Ok(())
    }

    /// The database URL in force: the configured one, or a SQLite file in `data_dir`.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}/collegium.db", self.data_dir.display()),
        }
    }

    /// Whether ids and links use http:// rather than https://.
    pub fn uses_plain_http(&self) -> bool {
        self.plain_http.unwrap_or_else(|| {
            let host = self.domain.split(':').next().unwrap_or_default();
            host == "localhost"
        })
    }

    /// `https://domain` (or `http://` for plain-http instances), without a trailing slash.
    pub fn base_url(&self) -> String {
        let scheme = if self.uses_plain_http() {
            "http"
        } else {
            "https"
        };
        format!("{scheme}://{}", self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with_env(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut s = Settings::default();
        s.apply_env(|k| map.get(k).cloned())?;
        s.validate()?;
        Ok(s)
    }

    #[test]
    fn defaults_serve_localhost_over_plain_http() {
        let s = with_env(&[]).unwrap();
        assert_eq!(s.domain, "localhost:8080");
        assert_eq!(s.base_url(), "http://localhost:8080");
        assert_eq!(s.database_url(), "sqlite://data/collegium.db");
        assert!(!s.instance.registrations_open);
        assert!(!s.federation.allow_local_addresses);
    }

    #[test]
    fn environment_wins_and_real_domains_use_https() {
        let s = with_env(&[
            ("COLLEGIUM_DOMAIN", "tyrol.example"),
            ("COLLEGIUM_DATA_DIR", "/var/lib/collegium"),
            ("COLLEGIUM_ALLOW_LOCAL_ADDRESSES", "true"),
            ("COLLEGIUM_LANGUAGES", "de, it"),
        ])
        .unwrap();
        assert_eq!(s.base_url(), "https://tyrol.example");
        assert_eq!(s.database_url(), "sqlite:///var/lib/collegium/collegium.db");
        assert!(s.federation.allow_local_addresses);
        assert_eq!(s.instance.languages, vec!["de", "it"]);
        let s = with_env(&[
            ("COLLEGIUM_DOMAIN", "tyrol.example"),
            ("COLLEGIUM_PLAIN_HTTP", "1"),
        ])
        .unwrap();
        assert_eq!(s.base_url(), "http://tyrol.example");
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        let err = with_env(&[("COLLEGIUM_LISTEN", "nowhere")]).unwrap_err();
        assert!(err.to_string().contains("COLLEGIUM_LISTEN"), "{err}");
        let err = with_env(&[("COLLEGIUM_PLAIN_HTTP", "maybe")]).unwrap_err();
        assert!(err.to_string().contains("COLLEGIUM_PLAIN_HTTP"), "{err}");
        assert!(with_env(&[("COLLEGIUM_DOMAIN", "https://x.example/")]).is_err());
        assert!(with_env(&[("COLLEGIUM_DOMAIN", "a b")]).is_err());
        let err = with_env(&[("COLLEGIUM_TRUSTED_PROXIES", "10.0.0.1, proxy")]).unwrap_err();
        assert!(
            err.to_string().contains("COLLEGIUM_TRUSTED_PROXIES"),
            "{err}"
        );
        assert!(with_env(&[("COLLEGIUM_SIGN_IN_ATTEMPTS_PER_ADDRESS", "0")]).is_err());
        assert!(with_env(&[("COLLEGIUM_CLEANUP_INTERVAL_MINUTES", "0")]).is_err());
    }

    #[test]
    fn abuse_limits_default_to_the_documented_values() {
        let s = with_env(&[("COLLEGIUM_TRUSTED_PROXIES", "127.0.0.1,::1")]).unwrap();
        assert_eq!(s.security.sign_in_failures_per_account, 10);
        assert_eq!(s.security.sign_in_attempts_per_address, 25);
        assert_eq!(s.security.trusted_proxies.len(), 2);
        assert_eq!(s.maintenance.cleanup_interval_minutes, 60);
    }

    #[test]
    fn toml_file_is_read_and_unknown_keys_refused() {
        let s: Settings = toml::from_str(
            "domain = \"stem.example\"\n[instance]\nname = \"STEM\"\n[federation]\nallow_local_addresses = true\n",
        )
        .unwrap();
        assert_eq!(s.instance.name, "STEM");
        assert!(s.federation.allow_local_addresses);
        assert!(toml::from_str::<Settings>("domian = \"x\"").is_err());
    }
}

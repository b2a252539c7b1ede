//! What the admins say about the instance on `/admin/settings`: its name,
//! description, contact, languages, registrations, rules and notices. Saved
//! in the database, it overrides the configuration (see `AppState::instance`).

use crate::config::InstanceSettings;

pub const MAX_NAME: usize = 100;
pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_RULES: usize = 20;
pub const MAX_RULE: usize = 500;
pub const MAX_NOTICE: usize = 20_000;
const MAX_LANGUAGES: usize = 20;

/// How people get an account.
pub const REGISTRATIONS: &[&str] = &["closed", "approval", "open"];

/// The form as typed.
#[derive(Debug, Default, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct InstanceForm {
    #[serde(skip_serializing)]
    pub csrf: String,
    pub name: String,
    pub description: String,
    pub contact_email: String,
    pub country: String,
    /// BCP-47 codes separated by commas, the instance's own language first.
    pub languages: String,
    /// One of [`REGISTRATIONS`].
    pub registrations: String,
    /// One rule a line.
    pub rules: String,
    pub privacy_notice: String,
    pub imprint: String,
}

impl InstanceForm {
    pub fn of(s: &InstanceSettings) -> InstanceForm {
        InstanceForm {
            csrf: String::new(),
            name: s.name.clone(),
            description: s.description.clone(),
            contact_email: s.contact_email.clone(),
            country: s.country.clone(),
            languages: s.languages.join(", "),
            registrations: match (s.registrations_open, s.approval_required) {
                (false, _) => "closed",
                (true, true) => "approval",
                (true, false) => "open",
            }
            .to_string(),
            rules: s.rules.join("\n"),
            privacy_notice: s.privacy_notice.clone(),
            imprint: s.imprint.clone(),
        }
    }

    /// The settings the form describes, or the id of the message that says
    /// what is wrong (the page says it in its language).
    pub fn check(&self) -> Result<InstanceSettings, &'static str> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            return Err("admin-settings-bad-name");
        }
        let description = self.description.trim();
        if description.chars().count() > MAX_DESCRIPTION {
            return Err("admin-settings-bad-description");
        }
        let contact_email = self.contact_email.trim();
        if !contact_email.is_empty() && !looks_like_email(contact_email) {
            return Err("admin-settings-bad-email");
        }
        let country = self.country.trim().to_ascii_uppercase();
        if !country.is_empty()
            && crate::vocabularies::get("countries")
                .ok()
                .and_then(|v| v.term(&country))
                .is_none()
        {
            return Err("admin-settings-bad-country");
        }
        let languages: Vec<String> = self
            .languages
            .split(',')
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if languages.is_empty()
            || languages.len() > MAX_LANGUAGES
            || !languages.iter().all(|l| is_language_tag(l))
        {
            return Err("admin-settings-bad-languages");
        }
        let (registrations_open, approval_required) = match self.registrations.trim() {
            "closed" => (false, false),
            "approval" => (true, true),
            "open" => (true, false),
            _ => return Err("admin-settings-bad-registrations"),
        };
        let rules: Vec<String> = self
            .rules
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if rules.len() > MAX_RULES || rules.iter().any(|r| r.chars().count() > MAX_RULE) {
            return Err("admin-settings-bad-rules");
        }
        let notice = |text: &str| text.replace("\r\n", "\n").trim().to_string();
        let (privacy_notice, imprint) = (notice(&self.privacy_notice), notice(&self.imprint));
        if privacy_notice.chars().count() > MAX_NOTICE || imprint.chars().count() > MAX_NOTICE {
            return Err("admin-settings-bad-notice");
        }
        Ok(InstanceSettings {
            name: name.to_string(),
            description: description.replace("\r\n", "\n"),
            contact_email: contact_email.to_string(),
            country,
            languages,
            registrations_open,
            approval_required,
            rules,
            privacy_notice,
            imprint,
        })
    }
}

fn looks_like_email(s: &str) -> bool {
    s.len() <= 254
        && !s.chars().any(char::is_whitespace)
        && s.split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
}

/// A BCP-47 tag as people write them: `de`, `de-AT`, `sr-Latn`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(primary) = parts.next() else {
        return false;
    };
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> InstanceForm {
        InstanceForm::of(&InstanceSettings::default())
    }

    #[test]
    fn a_form_of_the_settings_gives_them_back() {
        let settings = InstanceSettings {
            rules: vec!["Be kind.".into()],
            registrations_open: true,
            approval_required: true,
            ..InstanceSettings::default()
        };
        assert_eq!(InstanceForm::of(&settings).check(), Ok(settings));
    }

    #[test]
    fn every_bad_field_is_named() {
        for (change, says) in [
            (
                (|f: &mut InstanceForm| f.name = " ".into()) as fn(&mut InstanceForm),
                "admin-settings-bad-name",
            ),
            (
                |f| f.contact_email = "admins".into(),
                "admin-settings-bad-email",
            ),
            (|f| f.country = "XX".into(), "admin-settings-bad-country"),
            (
                |f| f.languages = "de, <b>".into(),
                "admin-settings-bad-languages",
            ),
            (
                |f| f.languages = String::new(),
                "admin-settings-bad-languages",
            ),
            (
                |f| f.registrations = "maybe".into(),
                "admin-settings-bad-registrations",
            ),
            (|f| f.rules = "x\n".repeat(21), "admin-settings-bad-rules"),
        ] {
            let mut f = form();
            change(&mut f);
            assert_eq!(f.check(), Err(says));
        }
        let mut f = form();
        f.languages = "de-AT, en".into();
        f.country = "at".into();
        let s = f.check().unwrap();
        assert_eq!(s.languages, ["de-AT", "en"]);
        assert_eq!(s.country, "AT");
    }
}

//! Real Mastodon client libraries against a real instance.

use collegium::accounts::model::Role;

use crate::harness::TestInstance;

/// The Python with Mastodon.py that `scripts/test` installs.
fn python() -> String {
    std::env::var("COLLEGIUM_TEST_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/target/client-venv/bin/python",
            env!("CARGO_MANIFEST_DIR")
        )
    })
}

#[tokio::test]
async fn mastodon_py_registers_an_app_and_signs_in_both_ways() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let python = python();
    let script = format!(
        "{}/tests/clients/mastodon_py_sign_in.py",
        env!("CARGO_MANIFEST_DIR")
    );
    let base = a.base.clone();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(&python)
            .args([&script, &base, "anna", &password])
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run {python} ({e}): run scripts/test, which installs Mastodon.py")
            })
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "Mastodon.py failed:\n{stdout}\n{stderr}"
    );
    assert_eq!(stdout.trim(), "ok");
    let (_, me) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(me["display_name"], "Set by Mastodon.py");
}

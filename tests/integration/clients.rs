//! Real clients against a real instance: a Mastodon client library, and a browser.

use std::process::Output;

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::harness::TestInstance;

/// Runs one of the scripts in tests/clients with the Python that `scripts/test`
/// prepares (Mastodon.py, Selenium).
async fn run_client(script: &str, args: Vec<String>) -> Output {
    let python = std::env::var("COLLEGIUM_TEST_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/target/client-venv/bin/python",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let path = format!("{}/tests/clients/{script}", env!("CARGO_MANIFEST_DIR"));
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(&python)
            .arg(&path)
            .args(&args)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {python} ({e}): run scripts/test, which installs the test clients"
                )
            })
    })
    .await
    .unwrap();
    assert!(
        output.status.success(),
        "{script} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[tokio::test]
async fn mastodon_py_registers_an_app_and_signs_in_both_ways() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let output = run_client(
        "mastodon_py_sign_in.py",
        vec![a.base.clone(), "anna".into(), password],
    )
    .await;
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");
    let (_, me) = a.get_json("/api/v1/accounts/lookup?acct=anna").await;
    assert_eq!(me["display_name"], "Set by Mastodon.py");
}

#[tokio::test]
async fn a_browser_signs_in_authorises_an_app_and_signs_out() {
    let a = TestInstance::start().await;
    let password = a.user("anna", Role::Member).await;
    let oob = "urn:ietf:wg:oauth:2.0:oob";
    let (client_id, secret) = a.app("read", oob).await;
    let output = run_client(
        "browser_sign_in.py",
        vec![a.base.clone(), "anna".into(), password, client_id.clone()],
    )
    .await;
    // The code the browser was shown works for the app.
    let code = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let res = a
        .exchange_code(&client_id, Some(&secret), &code, oob, None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

//! Uploaded files through the S3 path, against a real S3-compatible server (moto's
//! server mode, which `scripts/test` starts and names in COLLEGIUM_TEST_S3_ENDPOINT).

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::harness::{TestInstance, multipart_files, upload};

const PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

#[tokio::test]
async fn files_go_to_an_s3_compatible_store_when_configured() {
    use base64::Engine;
    let endpoint = std::env::var("COLLEGIUM_TEST_S3_ENDPOINT")
        .expect("COLLEGIUM_TEST_S3_ENDPOINT is not set: run scripts/test, which starts moto");
    // A bucket of this test's own.
    let bucket = format!("collegium-{:016x}", rand::random::<u64>());
    let client = reqwest::Client::new();
    let made = client
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap();
    assert!(made.status().is_success(), "{}", made.status());
    let a = TestInstance::start_with(|s| {
        s.media.store = "s3".into();
        s.media.s3_bucket = bucket.clone();
        s.media.s3_endpoint = endpoint.clone();
        s.media.s3_allow_http = true;
        s.media.s3_access_key_id = "test".into();
        s.media.s3_secret_access_key = "test".into();
    })
    .await;
    let password = a.user("fran", Role::Facilitator).await;
    let fran = a.token("fran", &password, "read write").await;
    let res = a
        .client
        .post(a.url("/api/collegium/v1/communities"))
        .bearer_auth(&fran)
        .json(&json!({"name": "stem", "title": "STEM"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let community: serde_json::Value = res.json().await.unwrap();
    let id = community["id"].as_str().unwrap();
    let png = base64::engine::general_purpose::STANDARD
        .decode(PNG)
        .unwrap();
    let (status, community) = upload(
        &a,
        &fran,
        &format!("/api/collegium/v1/communities/{id}/pictures/icon"),
        "icon.png",
        &png,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let icon = community["icon"].as_str().unwrap().to_string();
    let key = icon.split("/media/").nth(1).unwrap().to_string();

    // The object is in the bucket, and nothing is in the local folder.
    let listing = client
        .get(format!("{endpoint}/{bucket}?list-type=2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(listing.contains(&format!("<Key>{key}</Key>")), "{listing}");
    assert!(!a.dir.join("media").exists());
    // It is served from there, byte for byte.
    let res = a.client.get(&icon).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().as_ref(), png.as_slice());
    // Taking it away deletes the object.
    let res = a
        .client
        .delete(a.url(&format!("/api/collegium/v1/communities/{id}/pictures/icon")))
        .bearer_auth(&fran)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let listing = client
        .get(format!("{endpoint}/{bucket}?list-type=2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!listing.contains(&key), "{listing}");
    let res = a.client.get(&icon).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A material's file larger than one part goes up in parts and comes back whole.
    let text = "Lesson 1: fractions, ½ pizza 🍕\n".repeat(220_000);
    assert!(text.len() > 5 * 1024 * 1024);
    let (content_type, body) = multipart_files(
        &[
            ("name", "A year of lesson plans"),
            ("description", "All of them in one file."),
            ("body", "Use them as you like."),
            ("language", "en"),
            ("licence", "cc-by-sa"),
            ("resource_types", "worksheet"),
            ("levels", "1"),
            ("subjects", "054"),
        ],
        &[("plans.txt", text.as_bytes())],
    );
    let res = a
        .client
        .post(a.url("/api/collegium/v1/materials"))
        .bearer_auth(&fran)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let material: serde_json::Value = res.json().await.unwrap();
    let url = material["files"][0]["url"].as_str().unwrap();
    let key = url.split("/media/").nth(1).unwrap();
    let listing = client
        .get(format!("{endpoint}/{bucket}?list-type=2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(listing.contains(&format!("<Key>{key}</Key>")), "{listing}");
    let res = a.client.get(url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.bytes().await.unwrap() == text.as_bytes());
}

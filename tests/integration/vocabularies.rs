//! The vocabularies served over HTTP.

use reqwest::StatusCode;

use crate::harness::TestInstance;

#[tokio::test]
async fn vocabularies_are_served_with_labels_in_five_languages() {
    let a = TestInstance::start().await;
    let (status, list) = a.get_json("/api/collegium/v1/vocabularies").await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    for name in [
        "isced-levels",
        "isced-fields",
        "learning-resource-types",
        "digcompedu",
        "selfie-areas",
        "licences",
        "countries",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let (status, levels) = a
        .get_json("/api/collegium/v1/vocabularies/isced-levels?lang=de")
        .await;
    assert_eq!(status, StatusCode::OK);
    let primary = levels["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "1")
        .unwrap();
    for lang in ["en", "de", "fr", "it", "es"] {
        assert!(!primary["labels"][lang].as_str().unwrap().is_empty());
    }
    assert_eq!(primary["label"], primary["labels"]["de"]);
    let (status, countries) = a.get_json("/api/collegium/v1/vocabularies/countries").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        countries["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "AT")
    );
    let (status, _) = a.get_json("/api/collegium/v1/vocabularies/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = a
        .get_json("/api/collegium/v1/vocabularies/isced-levels?lang=xx")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

//! WebFinger, host-meta, NodeInfo, actor documents and collections.

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::harness::TestInstance;

#[tokio::test]
async fn webfinger_finds_people_and_refuses_the_rest() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;

    let res = a
        .client
        .get(a.url(&format!(
            "/.well-known/webfinger?resource=acct:anna@{}",
            a.domain
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/jrd+json")
    );
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["subject"], format!("acct:anna@{}", a.domain));
    let self_link = body["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "self")
        .unwrap();
    assert_eq!(self_link["type"], "application/activity+json");
    assert_eq!(self_link["href"], a.url("/users/anna"));

    // Case does not matter, the actor URL works as a resource too.
    let (status, _) = a
        .get_json(&format!(
            "/.well-known/webfinger?resource=acct:ANNA@{}",
            a.domain
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = a
        .get_json(&format!(
            "/.well-known/webfinger?resource={}",
            a.url("/users/anna")
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["subject"], format!("acct:anna@{}", a.domain));

    // The instance actor answers to domain@domain.
    let (status, body) = a
        .get_json(&format!(
            "/.well-known/webfinger?resource=acct:{0}@{0}",
            a.domain
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["links"][1]["href"], a.url("/actor"));

    for (query, expected) in [
        (
            format!("resource=acct:nobody@{}", a.domain),
            StatusCode::NOT_FOUND,
        ),
        (
            "resource=acct:anna@elsewhere.example".to_string(),
            StatusCode::NOT_FOUND,
        ),
        ("resource=acct:anna".to_string(), StatusCode::BAD_REQUEST),
        ("resource=anna".to_string(), StatusCode::BAD_REQUEST),
        ("resource=".to_string(), StatusCode::BAD_REQUEST),
        (String::new(), StatusCode::BAD_REQUEST),
    ] {
        let (status, _) = a.get_json(&format!("/.well-known/webfinger?{query}")).await;
        assert_eq!(status, expected, "{query}");
    }
}

#[tokio::test]
async fn host_meta_points_at_webfinger() {
    let a = TestInstance::start().await;
    let res = a
        .client
        .get(a.url("/.well-known/host-meta"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xrd+xml")
    );
    let text = res.text().await.unwrap();
    assert!(text.contains(&format!(
        "template=\"{}/.well-known/webfinger?resource={{uri}}\"",
        a.base
    )));
}

#[tokio::test]
async fn nodeinfo_describes_the_instance_and_counts_people() {
    let a = TestInstance::start_with(|s| {
        s.instance.name = "STEM Tyrol".into();
        s.instance.country = "AT".into();
        s.instance.languages = vec!["de".into(), "it".into()];
    })
    .await;
    a.user("anna", Role::Member).await;
    a.user("bruno", Role::Facilitator).await;

    let (status, links) = a.get_json("/.well-known/nodeinfo").await;
    assert_eq!(status, StatusCode::OK);
    let hrefs: Vec<&str> = links["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["href"].as_str().unwrap())
        .collect();
    assert_eq!(hrefs, vec![a.url("/nodeinfo/2.0"), a.url("/nodeinfo/2.1")]);

    for version in ["2.0", "2.1"] {
        let res = a
            .client
            .get(a.url(&format!("/nodeinfo/{version}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains(&format!("schema/{version}#"))
        );
        let info: serde_json::Value = res.json().await.unwrap();
        assert_eq!(info["version"], version);
        assert_eq!(info["software"]["name"], "collegium");
        assert_eq!(info["software"]["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(info["protocols"], serde_json::json!(["activitypub"]));
        assert_eq!(info["openRegistrations"], false);
        assert_eq!(info["usage"]["users"]["total"], 2);
        assert_eq!(info["usage"]["users"]["activeMonth"], 0);
        assert_eq!(info["usage"]["localPosts"], 0);
        assert_eq!(info["metadata"]["nodeName"], "STEM Tyrol");
        assert_eq!(info["metadata"]["country"], "AT");
        assert_eq!(
            info["metadata"]["languages"],
            serde_json::json!(["de", "it"])
        );
    }

    // Signing in makes a person active this month.
    let password = a.user("carla", Role::Member).await;
    a.token("carla", &password, "read").await;
    let (_, info) = a.get_json("/nodeinfo/2.1").await;
    assert_eq!(info["usage"]["users"]["total"], 3);
    assert_eq!(info["usage"]["users"]["activeMonth"], 1);
    assert_eq!(info["usage"]["users"]["activeHalfyear"], 1);
}

#[tokio::test]
async fn person_actor_document_has_what_mastodon_needs() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;

    let res = a
        .client
        .get(a.url("/users/anna"))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/activity+json");
    let p: serde_json::Value = res.json().await.unwrap();
    let context = p["@context"].as_array().unwrap();
    assert_eq!(context[0], "https://www.w3.org/ns/activitystreams");
    assert_eq!(context[1], "https://w3id.org/security/v1");
    assert!(
        context
            .iter()
            .any(|c| c["toot"] == "http://joinmastodon.org/ns#")
    );
    assert_eq!(p["id"], a.url("/users/anna"));
    assert_eq!(p["type"], "Person");
    assert_eq!(p["preferredUsername"], "anna");
    assert_eq!(p["name"], "anna");
    assert_eq!(p["url"], a.url("/@anna"));
    assert_eq!(p["inbox"], a.url("/users/anna/inbox"));
    assert_eq!(p["outbox"], a.url("/users/anna/outbox"));
    assert_eq!(p["followers"], a.url("/users/anna/followers"));
    assert_eq!(p["following"], a.url("/users/anna/following"));
    assert_eq!(p["endpoints"]["sharedInbox"], a.url("/inbox"));
    assert_eq!(p["publicKey"]["id"], a.url("/users/anna#main-key"));
    assert_eq!(p["publicKey"]["owner"], a.url("/users/anna"));
    assert!(
        p["publicKey"]["publicKeyPem"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
    assert_eq!(p["manuallyApprovesFollowers"], false);
    assert_eq!(p["discoverable"], true);
    assert_eq!(p["indexable"], true);
    assert!(p["published"].as_str().unwrap().starts_with("20"));
    assert!(p.get("summary").is_some());

    // The ld+json profile works too; a browser gets the page.
    let res = a
        .client
        .get(a.url("/users/anna"))
        .header(
            "Accept",
            r#"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/activity+json");
    let res = a
        .client
        .get(a.url("/users/anna"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(res.text().await.unwrap().contains("@anna@"));

    let (status, body) = a.get_ap("/users/nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"], "Record not found");
}

#[tokio::test]
async fn collections_are_empty_valid_and_paged() {
    let a = TestInstance::start().await;
    a.user("anna", Role::Member).await;
    for which in ["outbox", "followers", "following"] {
        let (status, c) = a.get_ap(&format!("/users/anna/{which}")).await;
        assert_eq!(status, StatusCode::OK, "{which}");
        assert_eq!(c["type"], "OrderedCollection");
        assert_eq!(c["id"], a.url(&format!("/users/anna/{which}")));
        assert_eq!(c["totalItems"], 0);
        let first = c["first"].as_str().unwrap().to_string();
        let res = a
            .client
            .get(&first)
            .header("Accept", "application/activity+json")
            .send()
            .await
            .unwrap();
        let page: serde_json::Value = res.json().await.unwrap();
        assert_eq!(page["type"], "OrderedCollectionPage");
        assert_eq!(page["partOf"], a.url(&format!("/users/anna/{which}")));
        assert_eq!(page["orderedItems"], serde_json::json!([]));
    }
    let (status, _) = a.get_ap("/users/anna/outbox?page=zero").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = a.get_ap("/users/anna/secrets").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = a.get_ap("/users/nobody/outbox").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn instance_actor_is_an_application_with_a_key() {
    let a = TestInstance::start().await;
    let (status, actor) = a.get_ap("/actor").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(actor["type"], "Application");
    assert_eq!(actor["id"], a.url("/actor"));
    assert_eq!(actor["preferredUsername"], a.domain);
    assert_eq!(actor["publicKey"]["owner"], a.url("/actor"));
    assert!(
        actor["publicKey"]["publicKeyPem"]
            .as_str()
            .unwrap()
            .contains("BEGIN PUBLIC KEY")
    );
    // The key is made once and kept.
    let again = collegium::federation::load_instance_actor(&a.state.db, &a.state.settings)
        .await
        .unwrap();
    assert_eq!(
        again.public_key_pem,
        actor["publicKey"]["publicKeyPem"].as_str().unwrap()
    );
}

#[tokio::test]
async fn context_document_names_our_terms() {
    let a = TestInstance::start().await;
    let (status, body) = a.get_json("/ns").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["@context"]["subjects"], "collegium:subjects");
}

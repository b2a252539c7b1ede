//! Innovation case reports: published into a community on A, read on B, verified
//! by a facilitator, with the mark reaching B; refused input changes nothing.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestInstance, eventually, get_page, person, post_json};

const API: &str = "/api/collegium/v1/cases";
const COMMUNITIES: &str = "/api/collegium/v1/communities";

pub(crate) fn report() -> Value {
    json!({
        "title": "Peer tutoring with tablets in Tyrol",
        "summary": "Year 9 pupils tutored year 5 pupils in maths once a week, using shared tablets.",
        "country": "AT",
        "region": "Tyrol",
        "language": "de",
        "sector": "school",
        "levels": ["1", "2"],
        "school_subjects": ["mathematics"],
        "context": "A rural middle school with 220 pupils.",
        "problem": "Year 5 pupils fell behind in fractions after the move from primary school.",
        "intervention": "Weekly 45-minute peer tutoring sessions with a shared tablet per pair.",
        "ict_tools": ["GeoGebra", "school tablets"],
        "actors": "Two maths teachers, 24 tutors, the head teacher.",
        "barriers": "Timetabling; tablets needed charging between lessons.",
        "enablers": "Support from the head teacher; tutors trained in two sessions.",
        "evidence_kinds": ["comparison"],
        "evidence_indicators": "Fraction test scores rose from 54% to 71% in one term.",
        "evidence_links": ["https://school.example/report.pdf"],
        "costs": "No new costs beyond existing tablets.",
        "transfer": "Needs a shared free period for both year groups.",
        "stage": "pilot",
        "digcompedu": ["5.3"],
        "selfie": ["f"],
        "licence": "cc-by",
        "contact": "mathe@school.example",
    })
}

#[tokio::test]
async fn a_case_report_is_verified_and_the_mark_reaches_other_instances() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let amy = person(&a, "amy", Role::Member).await;
    let bea = person(&b, "bea", Role::Member).await;

    let (status, community) = post_json(
        &a,
        &fran,
        COMMUNITIES,
        json!({"name": "innovation_tyrol", "title": "Innovation in Tyrol's schools"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{community}");
    let community_a = community["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &a,
        &amy,
        &format!("{COMMUNITIES}/{community_a}/join"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, found) = b
        .get_authed(
            &format!("{COMMUNITIES}/lookup?acct=innovation_tyrol@{}", a.domain),
            &bea,
        )
        .await;
    let community_b = found["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &b,
        &bea,
        &format!("{COMMUNITIES}/{community_b}/join"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("bea is a member", || async {
        let (_, c) = b
            .get_authed(&format!("{COMMUNITIES}/{community_b}"), &bea)
            .await;
        c["membership"] == "member"
    })
    .await;

    // Refused: unknown country, stage or SELFIE area, no intervention, bad link.
    for (field, value, says) in [
        ("country", json!("XX"), "countries"),
        ("stage", json!("everywhere"), "mainstreaming-stages"),
        ("selfie", json!(["z"]), "selfie-areas"),
        ("school_subjects", json!(["alchemy"]), "school-subjects"),
        ("intervention", json!(""), "intervention"),
        ("evidence_links", json!(["javascript:alert(1)"]), "http"),
        (
            "levels",
            json!("1, 2, 3, 4, 5, 6, 7, 8, 0, 01, 02"),
            "at most",
        ),
    ] {
        let mut bad = report();
        bad[field] = value;
        bad["community_id"] = json!(community_a);
        let (status, body) = post_json(&a, &amy, API, bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {body}");
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{field}: {body}"
        );
    }
    let (_, none) = a.get_json(API).await;
    assert_eq!(none, json!([]));

    // amy publishes it into the community.
    let mut body = report();
    body["community_id"] = json!(community_a);
    let (status, case) = post_json(&a, &amy, API, body).await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(case["verified"], Value::Null);
    assert_eq!(case["stage"]["id"], "pilot");
    assert_eq!(case["selfie"][0]["id"], "f");
    let id_a = case["id"].as_str().unwrap().to_string();

    // As Mastodon reads it: name, summary and url say what it is.
    let uri = case["uri"].as_str().unwrap();
    let (_, article) = a.get_ap(uri.strip_prefix(&a.base).unwrap()).await;
    assert_eq!(article["type"], "Article");
    assert_eq!(article["name"], "Peer tutoring with tablets in Tyrol");
    assert!(article["summary"].as_str().unwrap().contains("tutored"));
    assert!(article["url"].as_str().unwrap().starts_with(&a.base));
    assert!(
        article["content"]
            .as_str()
            .unwrap()
            .contains("<h3>Intervention</h3>")
    );
    assert_eq!(article["caseReport"]["stage"]["termCode"], "pilot");

    // Filters and search on A.
    for (query, found) in [
        ("?country=AT&sector=school&stage=pilot", true),
        ("?level=2&selfie=f&digcompedu=5.3&evidence=comparison", true),
        ("?q=tutoring%20fractions", true),
        ("?country=IT", false),
        ("?stage=system", false),
        ("?verified=true", false),
    ] {
        let (status, list) = a.get_json(&format!("{API}{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}: {list}");
        assert_eq!(
            list.as_array().unwrap().len(),
            usize::from(found),
            "{query}: {list}"
        );
    }
    let (status, _) = a.get_json(&format!("{API}?sector=university")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // B reads it through the community.
    eventually("B has the case report", || async {
        let (_, list) = b.get_json(&format!("{API}?q=tutoring")).await;
        list.as_array().is_some_and(|l| l.len() == 1)
    })
    .await;
    let (_, on_b) = b.get_json(&format!("{API}?q=tutoring")).await;
    let id_b = on_b[0]["id"].as_str().unwrap().to_string();
    assert_eq!(on_b[0]["intervention"], report()["intervention"]);
    assert_eq!(on_b[0]["country"]["id"], "AT");
    assert_eq!(on_b[0]["verified"], Value::Null);
    // School subjects travel, and bring their ISCED-F field.
    assert_eq!(on_b[0]["school_subjects"][0]["id"], "mathematics");
    assert_eq!(on_b[0]["subjects"][0]["id"], "054");
    let (_, plural) = b
        .get_json(&format!(
            "{API}?q=tablet&school_subject=mathematics&subject=054"
        ))
        .await;
    assert_eq!(plural.as_array().map(Vec::len), Some(1), "{plural}");

    // Only a facilitator of its community may verify it.
    let (status, _) = post_json(&a, &amy, &format!("{API}/{id_a}/verification"), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, verified) =
        post_json(&a, &fran, &format!("{API}/{id_a}/verification"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    assert!(
        verified["verified"]["by"]
            .as_str()
            .unwrap()
            .contains("fran")
    );
    assert!(verified["verified"]["at"].is_string());
    let (_, log) = a
        .get_json(&format!("{COMMUNITIES}/{community_a}/moderation_log"))
        .await;
    assert_eq!(log[0]["action"], "verify_case");

    // The mark reaches B, with the facilitator's name.
    eventually("B shows the mark", || async {
        let (_, c) = b.get_json(&format!("{API}/{id_b}")).await;
        c["verified"]["by"]
            .as_str()
            .is_some_and(|by| by.contains(&format!("fran@{}", a.domain)))
    })
    .await;
    let (_, verified_on_b) = b.get_json(&format!("{API}?verified=true")).await;
    assert_eq!(verified_on_b.as_array().unwrap().len(), 1);

    // An edit keeps the mark and the history.
    let res = a
        .client
        .patch(a.url(&format!("{API}/{id_a}")))
        .bearer_auth(&amy)
        .json(&json!({"stage": "school-wide"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.unwrap();
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["stage"]["id"], "school-wide");
    assert!(edited["verified"].is_object());
    let (_, history) = a.get_json(&format!("{API}/{id_a}/history")).await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[0]["stage"], "pilot");
    let (status, export) = a.get_json(&format!("{API}/{id_a}/schema")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["@type"], "Report");
    assert_eq!(export["review"]["@type"], "Review");
}

#[tokio::test]
async fn the_case_pages_publish_show_and_verify() {
    let a = TestInstance::start().await;
    let fran_pw = a.user("fran", Role::Facilitator).await;
    let amy_pw = a.user("amy", Role::Member).await;
    let fran = a.token("fran", &fran_pw, "read write follow").await;
    let amy = a.token("amy", &amy_pw, "read write follow").await;
    let (status, community) = post_json(
        &a,
        &fran,
        COMMUNITIES,
        json!({"name": "innovation_tyrol", "title": "Innovation in Tyrol's schools"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let community_id = community["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &a,
        &amy,
        &format!("{COMMUNITIES}/{community_id}/join"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // amy fills in the form on the page.
    let (cookies, csrf) = crate::pages::web_sign_in(&a, "amy", &amy_pw).await;
    let (status, form) = get_page(&a, &cookies, "/cases/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("Innovation in Tyrol"),
        "the community is offered"
    );
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "Outdoor maths trail"),
        (
            "summary",
            "Pupils solved maths problems on a trail around the village.",
        ),
        ("country", "AT"),
        ("sector", "school"),
        ("stage", "pilot"),
        ("licence", "cc-by"),
        (
            "intervention",
            "Twelve stations with measuring tasks, done in pairs.",
        ),
        ("community_id", community_id.as_str()),
    ];
    let (content_type, body) = crate::harness::multipart_files(&fields, &[]);
    let res = a
        .client
        .post(a.url("/cases"))
        .header("cookie", &cookies)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let (_, shown) = get_page(&a, &cookies, &location).await;
    assert!(shown.contains("Outdoor maths trail") && shown.contains("Twelve stations"));
    assert!(!shown.contains("Mark as verified"), "amy may not verify");
    let (_, list) = a.get_json(API).await;
    let id = list[0]["id"].as_str().unwrap().to_string();

    // fran verifies it from the page; the page shows the mark.
    let (cookies, csrf) = crate::pages::web_sign_in(&a, "fran", &fran_pw).await;
    let (_, shown) = get_page(&a, &cookies, &format!("/cases/{id}")).await;
    assert!(shown.contains("Mark as verified"));
    let res = a
        .client
        .post(a.url(&format!("/cases/{id}/verification")))
        .header("cookie", &cookies)
        .form(&[("csrf", csrf.as_str()), ("action", "verify")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, shown) = get_page(&a, &cookies, &format!("/cases/{id}")).await;
    assert!(shown.contains("Verified by"), "{shown}");
    let (_, verified) = a.get_json(&format!("{API}?verified=true")).await;
    assert_eq!(verified.as_array().unwrap().len(), 1);
    let (status, browse) = get_page(&a, &cookies, "/cases?country=AT&stage=pilot").await;
    assert_eq!(status, StatusCode::OK);
    assert!(browse.contains("Outdoor maths trail"));
}

#[tokio::test]
async fn a_verification_reaches_a_server_that_only_follows_the_author() {
    let a = TestInstance::start().await;
    let b = TestInstance::start().await;
    let fran = person(&a, "fran", Role::Facilitator).await;
    let amy = person(&a, "amy", Role::Member).await;
    let bea = person(&b, "bea", Role::Member).await;
    let (_, community) = post_json(
        &a,
        &fran,
        COMMUNITIES,
        json!({"name": "innovation_tyrol", "title": "Innovation in Tyrol's schools"}),
    )
    .await;
    let community_a = community["id"].as_str().unwrap().to_string();
    post_json(
        &a,
        &amy,
        &format!("{COMMUNITIES}/{community_a}/join"),
        json!({}),
    )
    .await;

    // bea follows amy, and is not in the community.
    let (_, found) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=amy@{}", a.domain),
            &bea,
        )
        .await;
    let amy_on_b = found["id"].as_str().unwrap().to_string();
    let (status, _) = post_json(
        &b,
        &bea,
        &format!("/api/v1/accounts/{amy_on_b}/follow"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    eventually("bea follows amy", || async {
        let (_, r) = b
            .get_authed(
                &format!("/api/v1/accounts/relationships?id[]={amy_on_b}"),
                &bea,
            )
            .await;
        r[0]["following"] == true
    })
    .await;

    let mut body = report();
    body["community_id"] = json!(community_a);
    let (_, case) = post_json(&a, &amy, API, body).await;
    let id_a = case["id"].as_str().unwrap().to_string();
    eventually("B has the case report", || async {
        let (_, list) = b.get_json(&format!("{API}?q=tutoring")).await;
        list.as_array().is_some_and(|l| l.len() == 1)
    })
    .await;
    let (_, on_b) = b.get_json(&format!("{API}?q=tutoring")).await;
    let id_b = on_b[0]["id"].as_str().unwrap().to_string();
    assert_eq!(on_b[0]["verified"], Value::Null);

    let (status, _) = post_json(&a, &fran, &format!("{API}/{id_a}/verification"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    eventually("B shows the mark", || async {
        let (_, c) = b.get_json(&format!("{API}/{id_b}")).await;
        c["verified"]["by"]
            .as_str()
            .is_some_and(|by| by.contains(&format!("fran@{}", a.domain)))
    })
    .await;

    // A facilitator cannot verify their own report.
    let mut own = report();
    own["title"] = json!("Fran's own case");
    own["community_id"] = json!(community_a);
    let (status, own) = post_json(&a, &fran, API, own).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    let own_id = own["id"].as_str().unwrap();
    let (status, body) = post_json(
        &a,
        &fran,
        &format!("{API}/{own_id}/verification"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, own) = a.get_json(&format!("{API}/{own_id}")).await;
    assert_eq!(own["verified"], Value::Null);
}

#[tokio::test]
async fn materials_are_linked_by_title_page_address_or_number() {
    let a = TestInstance::start().await;
    let amy = person(&a, "amy", Role::Member).await;
    let material = |name: &str| {
        json!({
            "name": name,
            "description": "Cards for adding fractions.",
            "licence": "cc-by",
        })
    };
    let (status, cards) = post_json(
        &a,
        &amy,
        "/api/collegium/v1/materials",
        material("Fraction cards"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{cards}");
    let uri = cards["uri"].as_str().unwrap().to_string();
    let id = cards["id"].as_str().unwrap().to_string();
    for twin in ["Pizza fractions", "pizza FRACTIONS"] {
        let (status, _) = post_json(&a, &amy, "/api/collegium/v1/materials", material(twin)).await;
        assert_eq!(status, StatusCode::OK);
    }

    // By its title (case aside), by its page here, by its number: the same one.
    for reference in [
        "fraction cards".to_string(),
        format!("{}/materials/{id}", a.base),
        id.clone(),
        uri.clone(),
    ] {
        let mut body = report();
        body["materials"] = json!([reference]);
        let (status, case) = post_json(&a, &amy, API, body).await;
        assert_eq!(status, StatusCode::OK, "{reference}: {case}");
        assert_eq!(
            case["materials"][0]["uri"],
            json!(uri),
            "{reference}: {case}"
        );
    }
    // Two materials share a title, and a title nobody uses: refused.
    for (reference, says) in [
        ("Pizza fractions", "more than one"),
        ("Volcano worksheet", "not a teaching material we know"),
        (
            "http://10.0.0.1/materials/1",
            "not a teaching material we know",
        ),
    ] {
        let mut body = report();
        body["materials"] = json!([reference]);
        let (status, refused) = post_json(&a, &amy, API, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reference}");
        assert!(
            refused["error"].as_str().unwrap().contains(says),
            "{refused}"
        );
    }
}

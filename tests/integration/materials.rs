//! Teaching materials across two instances: published with files on A, found on B
//! by filters and full-text search, remixed on B, the remix listed on A; refused
//! uploads; the Article as Mastodon reads it.

use collegium::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestInstance, eventually, get_page, multipart_files};

const API: &str = "/api/collegium/v1/materials";

async fn person(instance: &TestInstance, name: &str) -> String {
    let password = instance.user(name, Role::Member).await;
    instance.token(name, &password, "read write follow").await
}

async fn send(
    instance: &TestInstance,
    token: &str,
    method: reqwest::Method,
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> (StatusCode, Value) {
    let (content_type, body) = multipart_files(fields, files);
    let res = instance
        .client
        .request(method, instance.url(path))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

fn png() -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
        .unwrap()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn files_in(instance: &TestInstance) -> usize {
    std::fs::read_dir(instance.dir.join("media/files"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_material_is_published_found_remixed_and_its_remix_listed() {
    let a = TestInstance::start_with(|s| s.media.max_file_bytes = 32 * 1024).await;
    let b = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    let ben = person(&b, "ben").await;

    // ben on B follows amy on A, so her materials reach B.
    let (_, amy_on_b) = b
        .get_authed(
            &format!("/api/v1/accounts/lookup?acct=amy@{}", a.domain),
            &ben,
        )
        .await;
    let res = b
        .client
        .post(b.url(&format!(
            "/api/v1/accounts/{}/follow",
            amy_on_b["id"].as_str().unwrap()
        )))
        .bearer_auth(&ben)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    eventually("ben follows amy", || async {
        let (_, rel) = b
            .get_authed(
                &format!(
                    "/api/v1/accounts/relationships?id[]={}",
                    amy_on_b["id"].as_str().unwrap()
                ),
                &ben,
            )
            .await;
        rel[0]["following"] == true
    })
    .await;

    // Refused: a program, a file over the limit, an unknown level, no licence;
    // nothing is stored.
    let fields = [
        ("name", "Fractions with pizza"),
        (
            "description",
            "A worksheet on adding fractions, with pizza slices.",
        ),
        (
            "body",
            "Cut the pizza into eighths and add the slices: three eighths and two eighths.",
        ),
        ("language", "de"),
        ("licence", "cc-by-sa"),
        ("resource_types", "worksheet"),
        ("levels", "1"),
        ("subjects", "054"),
        // A school subject by its label in any language, or by its code.
        ("school_subjects", "Mathematik, history"),
        ("teaches", "5.3, Rechnen mit Brüchen"),
        ("time_required", "PT45M"),
    ];
    let exe = [b"MZ\x90\x00\x03\x00\x00\x00".as_slice(), &[0u8; 64]].concat();
    let (status, body) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &fields,
        &[("setup.exe", &exe)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("setup.exe"),
        "{body}"
    );
    let big = [pdf(), vec![b' '; 40 * 1024]].concat();
    let (status, body) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &fields,
        &[("worksheet.pdf", &pdf()), ("big.pdf", &big)],
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("big.pdf"),
        "{body}"
    );
    let mut bad_level = fields.to_vec();
    bad_level[6] = ("levels", "99");
    let (status, body) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &bad_level,
        &[("w.pdf", &pdf())],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("isced-levels"),
        "{body}"
    );
    let (status, _) = send(&a, &amy, reqwest::Method::POST, API, &fields[..4], &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(files_in(&a), 0, "refused uploads leave nothing behind");
    let (_, none) = a.get_json(API).await;
    assert_eq!(none, json!([]));

    // Published with two files.
    let (status, material) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &fields,
        &[("worksheet.pdf", &pdf()), ("pizza.png", &png())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{material}");
    assert_eq!(material["version"], 1);
    assert_eq!(
        material["licence"]["uri"],
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    assert_eq!(material["levels"][0]["id"], "1");
    let ids = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&material["school_subjects"]),
        ["history", "mathematics"]
    );
    // Each school subject brings its ISCED-F field.
    let fields = ids(&material["subjects"]);
    assert!(
        fields.contains(&"054".to_string()) && fields.len() == 2,
        "{fields:?}"
    );
    assert_eq!(material["teaches"][0]["id"], "5.3");
    assert_eq!(material["teaches_text"], json!(["Rechnen mit Brüchen"]));
    let files = material["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["media_type"], "application/pdf");
    assert_eq!(files[1]["media_type"], "image/png");
    let res = a
        .client
        .get(files[0]["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-disposition"], "attachment");
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf().as_slice());
    let id_a = material["id"].as_str().unwrap().to_string();
    let uri = material["uri"].as_str().unwrap().to_string();
    // On its author's page, its card says what it is and links to its page.
    let html = a
        .client
        .get(a.url("/@amy"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Teaching material")
            && html.contains(&format!("materials&#x2f;{id_a}\">Fractions with pizza")),
        "{html}"
    );

    // The Article, as Mastodon reads it: name, summary and url say what it is.
    let path = uri.strip_prefix(&a.base).unwrap();
    let (status, article) = a.get_ap(path).await;
    assert_eq!(status, StatusCode::OK, "{article}");
    assert_eq!(article["type"], "Article");
    assert_eq!(article["name"], "Fractions with pizza");
    assert!(
        article["summary"]
            .as_str()
            .unwrap()
            .contains("adding fractions")
    );
    assert!(article["url"].as_str().unwrap().starts_with(&a.base));
    assert_eq!(article["attachment"].as_array().unwrap().len(), 2);
    assert_eq!(article["license"]["termCode"], "cc-by-sa");
    assert_eq!(article["educationalLevel"][0]["termCode"], "1");
    assert_eq!(article["timeRequired"], "PT45M");
    assert!(
        article["tag"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["type"] == "Hashtag"),
        "subjects as hashtags: {article}"
    );
    let (_, context) = a.get_json("/ns").await;
    assert_eq!(
        context["@context"]["educationalLevel"],
        "schema:educationalLevel"
    );

    // B finds it by filters and by full-text search.
    eventually("the material reaches B", || async {
        let (_, list) = b
            .get_json(&format!("{API}?level=1&subject=054&language=de"))
            .await;
        names(&list) == vec!["Fractions with pizza"]
    })
    .await;
    for (query, found) in [
        ("?q=pizza", true),
        ("?q=SLICES%20eighths", true),
        ("?q=pizz", true),
        // Plurals find the singular (stemmed search).
        ("?q=worksheets%20slice", true),
        ("?school_subject=mathematics", true),
        ("?school_subject=Geschichte", true),
        ("?school_subject=music", false),
        ("?q=volcano", false),
        ("?level=2", false),
        ("?type=worksheet&licence=cc-by-sa", true),
        ("?licence=cc0", false),
        ("?local=true", false),
    ] {
        let (status, list) = b.get_json(&format!("{API}{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}: {list}");
        assert_eq!(
            list.as_array().unwrap().len(),
            usize::from(found),
            "{query}: {list}"
        );
    }
    let (status, _) = b.get_json(&format!("{API}?level=nursery")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, on_b) = b.get_json(&format!("{API}?q=pizza")).await;
    let on_b = &on_b[0];
    assert_eq!(on_b["local"], false);
    assert_eq!(on_b["description"], material["description"]);
    assert_eq!(on_b["files"].as_array().unwrap().len(), 2);
    assert_eq!(on_b["licence"]["id"], "cc-by-sa");
    let id_b = on_b["id"].as_str().unwrap().to_string();
    let (_, status_on_b) = b.get_json(&format!("/api/v1/statuses/{id_b}")).await;
    assert_eq!(
        status_on_b["spoiler_text"], "",
        "the summary is no content warning"
    );

    // ben remixes it on B; A lists the remix, and amy is told.
    let (status, remix) = send(
        &b,
        &ben,
        reqwest::Method::POST,
        API,
        &[
            ("name", "Fractions with pizza (Italian)"),
            (
                "description",
                "The pizza worksheet, adapted for Italian classes.",
            ),
            ("language", "it"),
            ("licence", "cc-by-sa"),
            ("levels", "1"),
            ("based_on", &id_b),
        ],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{remix}");
    assert_eq!(remix["based_on"]["uri"], uri);
    eventually("A lists the remix", || async {
        let (_, remixes) = a.get_json(&format!("{API}/{id_a}/remixes")).await;
        names(&remixes) == vec!["Fractions with pizza (Italian)"]
    })
    .await;
    let (_, on_a) = a.get_json(&format!("{API}/{id_a}")).await;
    assert_eq!(on_a["remixes_count"], 1);
    let (_, notes) = a.get_authed("/api/v1/notifications", &amy).await;
    assert!(
        notes
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["type"] == "collegium.remix"),
        "{notes}"
    );

    // An edit keeps the old version; B takes the new one.
    let (status, edited) = send(
        &a,
        &amy,
        reqwest::Method::PATCH,
        &format!("{API}/{id_a}"),
        &[(
            "description",
            "Adding fractions with pizza slices, for year 4.",
        )],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["files"].as_array().unwrap().len(), 2);
    let (_, history) = a.get_json(&format!("{API}/{id_a}/history")).await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert!(
        history[0]["description"]
            .as_str()
            .unwrap()
            .contains("A worksheet")
    );
    eventually("B has the new version", || async {
        let (_, m) = b.get_json(&format!("{API}/{id_b}")).await;
        m["version"] == 2
            && m["description"]
                .as_str()
                .unwrap_or_default()
                .contains("year 4")
    })
    .await;
    // Only its author may change it.
    let (status, _) = send(
        &b,
        &ben,
        reqwest::Method::PATCH,
        &format!("{API}/{id_b}"),
        &[("name", "Mine now")],
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The schema.org export.
    let (status, export) = a.get_json(&format!("{API}/{id_a}/schema")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["@type"], "LearningResource");
    assert_eq!(
        export["license"],
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    assert_eq!(export["associatedMedia"].as_array().unwrap().len(), 2);

    // Deleted: gone on A with its files, and on B.
    let res = a
        .client
        .delete(a.url(&format!("{API}/{id_a}")))
        .bearer_auth(&amy)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(files_in(&a), 0);
    eventually("B forgets it", || async {
        b.get_json(&format!("{API}/{id_b}")).await.0 == StatusCode::NOT_FOUND
    })
    .await;
}

#[tokio::test]
async fn an_article_from_elsewhere_is_checked_before_it_becomes_a_material() {
    let a = TestInstance::start().await;
    let peer = crate::peer::Peer::start().await;
    let article = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/create/1", peer.actor_id),
        "type": "Create",
        "actor": peer.actor_id,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {
            "id": format!("{}/articles/1", peer.actor_id),
            "type": "Article",
            "attributedTo": peer.actor_id,
            "name": "Volcanoes in a bottle",
            "summary": "<script>alert(1)</script>An experiment for <b>year 6</b>.",
            "content": "<p>Mix vinegar and baking soda.</p><script>alert(2)</script>",
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "materialKind": "material",
            "educationalLevel": ["99", {"type": "DefinedTerm", "termCode": "1"}, "1"],
            "about": [{"termCode": "053"}, "not a field"],
            "learningResourceType": ["http://purl.org/dcx/lrmi-vocabs/learningResourceType/lessonPlan", "spaceship"],
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "timeRequired": "forever",
            "isBasedOn": "javascript:alert(3)",
            "creator": ["Vera Volcano", {"name": "Carl Crater"}, 42],
            "attachment": [
                {"type": "Document", "url": "javascript:alert(4)", "name": "evil"},
                {"type": "Document", "url": "https://peer.example/v.pdf", "name": "volcano.pdf", "mediaType": "application/pdf"}
            ]
        }
    });
    let res = peer
        .send(&a.url("/inbox"), article.to_string().as_bytes())
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let (_, list) = a.get_json(&format!("{API}?q=volcanoes")).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let m = &list[0];
    assert_eq!(m["name"], "Volcanoes in a bottle");
    assert!(!m["description"].as_str().unwrap().contains("script"));
    assert!(!m["description"].as_str().unwrap().contains("alert"), "{m}");
    assert!(!m["body"].as_str().unwrap().contains("script"));
    assert_eq!(
        m["levels"],
        json!([{"id": "1", "label": "Primary education", "uri": null}])
    );
    assert_eq!(m["subjects"][0]["id"], "053");
    assert_eq!(m["subjects"].as_array().unwrap().len(), 1);
    assert_eq!(m["resource_types"].as_array().unwrap().len(), 1);
    assert_eq!(m["licence"]["id"], "cc-by");
    assert_eq!(m["time_required"], Value::Null);
    assert_eq!(m["based_on"], Value::Null);
    assert_eq!(m["authors"], json!(["Vera Volcano", "Carl Crater"]));
    let files = m["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["url"], "https://peer.example/v.pdf");
    assert_eq!(files[0]["uploaded"], false);
}

#[tokio::test]
async fn the_material_pages_publish_show_browse_and_remix() {
    let a = TestInstance::start().await;
    let password = a.user("amy", Role::Member).await;
    let (cookies, csrf) = crate::pages::web_sign_in(&a, "amy", &password).await;
    let (status, form) = get_page(&a, &cookies, "/materials/new").await;
    assert_eq!(status, StatusCode::OK);
    for field in [
        "name",
        "description",
        "licence",
        "levels",
        "subjects",
        "files[]",
    ] {
        assert!(
            form.contains(&format!("name=\"{field}\"")),
            "{field} in the form"
        );
    }
    // Published from the form, with a file.
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "Plant cells under the microscope"),
        ("description", "A lab sheet for looking at onion cells."),
        (
            "body",
            "Peel a thin layer of onion skin and stain it with iodine.",
        ),
        ("language", "en"),
        ("licence", "cc-by"),
        ("levels", "2"),
        ("subjects", "051"),
        ("resource_types", "worksheet"),
    ];
    let (content_type, body) = multipart_files(&fields, &[("lab.pdf", &pdf())]);
    let res = a
        .client
        .post(a.url("/materials"))
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
    assert!(location.starts_with("/materials/"), "{location}");
    let res = a.client.get(a.url(&location)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let shown = res.text().await.unwrap();
    assert!(shown.contains("Plant cells under the microscope"));
    assert!(shown.contains("lab.pdf"));
    // A form without the CSRF token changes nothing.
    let (content_type, body) = multipart_files(&fields[1..], &[]);
    let res = a
        .client
        .post(a.url("/materials"))
        .header("cookie", &cookies)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    // A refused form comes back with the message and what was typed.
    let mut bad = fields.to_vec();
    bad[7] = ("subjects", "999");
    let (content_type, body) = multipart_files(&bad, &[]);
    let res = a
        .client
        .post(a.url("/materials"))
        .header("cookie", &cookies)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("Fields of education: “999” is not one of the choices.")
            && again.contains("onion cells"),
        "{again}"
    );
    // In the reader's language.
    let res = a
        .client
        .post(a.url("/materials"))
        .header("cookie", format!("{cookies}; collegium_lang=de"))
        .header("content-type", multipart_files(&bad, &[]).0)
        .body(multipart_files(&bad, &[]).1)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("Bildungsfelder: „999“ ist keine der Auswahlmöglichkeiten."),
        "{again}"
    );
    let (_, all) = a.get_json(API).await;
    assert_eq!(all.as_array().unwrap().len(), 1);
    let id = all[0]["id"].as_str().unwrap().to_string();

    // Browse with filters; a bad filter is a clear error page.
    let (status, list) = get_page(&a, &cookies, "/materials?level=2&q=onion").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Plant cells under the microscope"));
    let (status, list) = get_page(&a, &cookies, "/materials?level=3").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!list.contains("Plant cells under the microscope"));
    let (status, _) = get_page(&a, &cookies, "/materials?level=nursery").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // The remix form is prefilled from the original; the history page lists it.
    let (status, remix) = get_page(&a, &cookies, &format!("/materials/new?based_on={id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        remix.contains("Adapting") && remix.contains("onion cells"),
        "{remix}"
    );
    let (status, history) = get_page(&a, &cookies, &format!("/materials/{id}/history")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(history.contains("Plant cells under the microscope"));
}

fn spooled_in(instance: &TestInstance) -> usize {
    std::fs::read_dir(instance.dir.join("uploads"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_large_file_is_spooled_stored_in_parts_and_served_whole() {
    let a = TestInstance::start_with(|s| s.media.max_file_bytes = 12 * 1024 * 1024).await;
    let amy = person(&a, "amy").await;
    let fields = [
        ("name", "A year of lesson plans"),
        (
            "description",
            "Every lesson plan of the year, as one text file.",
        ),
        ("body", "Use them as you like."),
        ("language", "de"),
        ("licence", "cc-by-sa"),
        ("resource_types", "worksheet"),
        ("levels", "1"),
        ("subjects", "054"),
    ];
    // Over one part of the store, with characters of two, three and four bytes
    // wherever the pieces it arrives in happen to be cut.
    let line = "Woche 1: Brüche, ½ Pizza und 🍕 teilen.\n";
    let text = line.repeat(7 * 1024 * 1024 / line.len());
    let (status, material) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &fields,
        &[("plans.txt", text.as_bytes())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{material}");
    let file = &material["files"][0];
    assert_eq!(file["media_type"], "text/plain", "{material}");
    assert_eq!(file["size"], text.len());
    let res = a
        .client
        .get(file["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["content-length"].to_str().unwrap(),
        text.len().to_string()
    );
    assert!(res.bytes().await.unwrap() == text.as_bytes());

    // Text cut in the middle of a character is not text; nothing is kept of it.
    let mut broken = text.as_bytes()[..5 * 1024 * 1024].to_vec();
    broken.extend_from_slice(&"🍕".as_bytes()[..2]);
    let (status, body) = send(
        &a,
        &amy,
        reqwest::Method::POST,
        API,
        &fields,
        &[("broken.txt", &broken)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(files_in(&a), 1);
    assert_eq!(spooled_in(&a), 0, "temporary files are gone");
}

#[tokio::test]
async fn materials_published_at_the_same_time_are_all_kept() {
    let a = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    let mut posts = Vec::new();
    for n in 0..8 {
        let name = format!("Worksheet {n}");
        let fields = [
            ("name", name.as_str()),
            ("description", "Fractions with pizza."),
            ("body", "Cut the pizza into eighths."),
            ("language", "en"),
            ("licence", "cc-by-sa"),
            ("resource_types", "worksheet"),
            ("levels", "1"),
            ("subjects", "054"),
        ];
        let (content_type, body) = multipart_files(&fields, &[("w.pdf", &pdf())]);
        let request = a
            .client
            .post(a.url(API))
            .bearer_auth(&amy)
            .header("content-type", content_type)
            .body(body);
        posts.push(tokio::spawn(async move {
            let res = request.send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }));
    }
    for post in posts {
        let (status, body) = post.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, all) = a.get_json(&format!("{API}?limit=40")).await;
    assert_eq!(all.as_array().unwrap().len(), 8, "{all}");
}

#[tokio::test]
async fn an_index_made_another_way_is_rebuilt_at_start() {
    let mut a = TestInstance::start().await;
    let amy = person(&a, "amy").await;
    let (status, made) = crate::harness::post_json(
        &a,
        &amy,
        API,
        json!({
            "name": "Bücher für die Bruchrechnung",
            "description": "Zwölf Blätter.",
            "language": "de",
            "licence": "cc-by",
        }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{made}");
    let id: i64 = made["id"].as_str().unwrap().parse().unwrap();
    let search = format!("{API}?q=Buch");
    let (_, found) = a.get_json(&search).await;
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    // As an older version left it: words only, and no mark of how it was made.
    collegium::with_db!(&a.state.db, |pool| {
        sqlx::query("DELETE FROM instance_settings WHERE key = 'search.index_version'")
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    collegium::db::search::index(
        &a.state.db,
        id,
        None,
        "Bücher für die Bruchrechnung",
        "",
        "",
    )
    .await
    .unwrap();
    if a.state.db.engine() == "postgres" {
        // SQLite's tokenizer folds the umlaut itself; PostgreSQL needs the stem.
        let (_, found) = a.get_json(&search).await;
        assert_eq!(found, json!([]), "without stems the word is not found");
    }
    a.stop().await;
    a.restart().await;
    let (_, found) = a.get_json(&search).await;
    assert_eq!(
        found.as_array().unwrap().len(),
        1,
        "rebuilt with stems: {found}"
    );
    let version = collegium::db::settings::get(&a.state.db, "search.index_version")
        .await
        .unwrap();
    assert_eq!(
        version.as_deref(),
        Some(collegium::db::search::INDEX_VERSION)
    );
}

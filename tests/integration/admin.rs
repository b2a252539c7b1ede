//! The admin area on the web: who may enter, people and roles, reports, the queue.

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::{
    harness::{TestInstance, form_field, get_page},
    pages::web_sign_in,
};

#[tokio::test]
async fn an_admin_manages_people_reports_and_the_queue_from_the_web() {
    let a = TestInstance::start().await;
    let ada_pw = a.user("ada", Role::Admin).await;
    let mo_pw = a.user("mo", Role::Member).await;
    let (ada, csrf) = web_sign_in(&a, "ada", &ada_pw).await;
    let (mo, mo_csrf) = web_sign_in(&a, "mo", &mo_pw).await;

    // Who may enter.
    let res = a.client.get(a.url("/admin")).send().await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "signed out: sign in first"
    );
    let (status, _) = get_page(&a, &mo, "/admin").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, html) = get_page(&a, &ada, "/admin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("People with an account") && html.contains("<dd>2</dd>"),
        "{html}"
    );

    // A new account, its password shown once, and it works.
    let post = |cookies: String, path: &'static str, fields: Vec<(&'static str, String)>| {
        let request = a
            .client
            .post(a.url(path))
            .header("cookie", cookies)
            .form(&fields);
        async move { request.send().await.unwrap() }
    };
    let res = post(
        ada.clone(),
        "/admin/people",
        vec![
            ("csrf", csrf.clone()),
            ("username", "tina".into()),
            ("email", "tina@school.example".into()),
            ("role", "member".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let password = html
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("the new password is shown")
        .to_string();
    let (tina, _) = web_sign_in(&a, "tina", &password).await;
    assert!(tina.contains("collegium_session"));
    let res = post(
        ada.clone(),
        "/admin/people",
        vec![
            ("csrf", csrf.clone()),
            ("username", "tina".into()),
            ("email", "other@school.example".into()),
            ("role", "member".into()),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the name is taken"
    );
    assert_eq!(
        form_field(&res.text().await.unwrap(), "email").as_deref(),
        Some("other@school.example"),
        "the input is kept"
    );
    let res = post(
        mo.clone(),
        "/admin/people",
        vec![
            ("csrf", mo_csrf.clone()),
            ("username", "x".into()),
            ("email", "x@school.example".into()),
            ("role", "admin".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Roles: someone else's, never one's own.
    let (_, users) = (
        0,
        collegium::accounts::store::list_users(&a.state.db)
            .await
            .unwrap(),
    );
    let tina_id = users
        .iter()
        .find(|(acc, _)| acc.username == "tina")
        .unwrap()
        .1
        .id;
    let ada_id = users
        .iter()
        .find(|(acc, _)| acc.username == "ada")
        .unwrap()
        .1
        .id;
    let res = a
        .client
        .post(a.url(&format!("/admin/people/{tina_id}/role")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("role", "facilitator")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = a
        .client
        .post(a.url(&format!("/admin/people/{ada_id}/role")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("role", "member")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let users = collegium::accounts::store::list_users(&a.state.db)
        .await
        .unwrap();
    let role = |name: &str| {
        users
            .iter()
            .find(|(acc, _)| acc.username == name)
            .unwrap()
            .1
            .role
    };
    assert_eq!(role("tina"), Role::Facilitator);
    assert_eq!(role("ada"), Role::Admin);

    // A report about a post, resolved here.
    let token = a.token("mo", &mo_pw, "read write").await;
    let (_, status_json) = crate::harness::post_json(
        &a,
        &token,
        "/api/v1/statuses",
        serde_json::json!({"status": "Buy cheap essays"}),
    )
    .await;
    let id = status_json["id"].as_str().unwrap().to_string();
    let (tina, tina_csrf) = web_sign_in(&a, "tina", &password).await;
    let res = a
        .client
        .post(a.url(&format!("/posts/{id}")))
        .header("cookie", &tina)
        .form(&[
            ("csrf", tina_csrf.as_str()),
            ("action", "report_confirmed"),
            ("reason", "Spam"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, html) = get_page(&a, &ada, "/admin/reports").await;
    assert!(html.contains("@tina reported @mo: Spam"), "{html}");
    let report_id = html
        .split("/admin/reports/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .replace("&#x2f;", "");
    let res = a
        .client
        .post(a.url(&format!("/admin/reports/{report_id}/resolve")))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&a, &ada, "/admin/reports").await;
    assert!(html.contains("No open reports."), "{html}");

    // The queue page and its retry.
    let (status, _) = get_page(&a, &ada, "/admin/federation").await;
    assert_eq!(status, StatusCode::OK);
    let res = a
        .client
        .post(a.url("/admin/federation/retry"))
        .header("cookie", &ada)
        .form(&[("csrf", csrf.as_str()), ("domain", "school.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

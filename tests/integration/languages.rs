//! Pages in the reader's language: the person's setting, else the `?lang=` choice
//! remembered in a cookie, else `Accept-Language`, else the instance's language.

use collegium::accounts::model::Role;
use reqwest::StatusCode;

use crate::{
    harness::{TestInstance, set_cookie_value},
    pages::web_sign_in,
};

async fn page(a: &TestInstance, path: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let mut request = a.client.get(a.url(path));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let res = request.send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn the_browser_the_choice_and_the_person_decide_the_language() {
    let a = TestInstance::start().await;
    let password = a.user("greta", Role::Member).await;

    // Accept-Language: the best of ours by weight.
    let (_, html) = page(
        &a,
        "/communities",
        &[("accept-language", "pl,de-AT;q=0.9,en;q=0.5")],
    )
    .await;
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains(">Anmelden</a>"), "{html}");
    // None of ours: the instance's language.
    let (_, html) = page(&a, "/communities", &[("accept-language", "pl")]).await;
    assert!(html.contains("<html lang=\"en\">") && html.contains(">Sign in</a>"));

    // The switcher's choice wins over the browser and is remembered in a cookie.
    let res = a
        .client
        .get(a.url("/communities?lang=fr"))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    let chosen = set_cookie_value(&res, "collegium_lang").expect("the choice is remembered");
    assert_eq!(chosen, "fr");
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    // The switcher offers each language on this page, its own name in itself.
    assert!(
        html.contains("communities?lang=it\"") && html.contains(">Italiano</a>"),
        "{html}"
    );
    let (_, html) = page(
        &a,
        "/materials",
        &[("accept-language", "de"), ("cookie", "collegium_lang=fr")],
    )
    .await;
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    // A choice we do not have changes nothing.
    let (_, html) = page(&a, "/communities?lang=xx", &[("accept-language", "es")]).await;
    assert!(html.contains("<html lang=\"es\">"));

    // Error pages too, with their status.
    let (status, html) = page(&a, "/@nobody", &[("accept-language", "it")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(
        !html.contains("There is nothing at this address."),
        "{html}"
    );

    // Signed in, the choice becomes the person's setting: it follows her to a
    // browser that asks for another language and has no cookie.
    let (cookies, _) = web_sign_in(&a, "greta", &password).await;
    let (_, html) = page(&a, "/home?lang=es", &[("cookie", &cookies)]).await;
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    let (other_browser, _) = web_sign_in(&a, "greta", &password).await;
    let (_, html) = page(
        &a,
        "/home",
        &[("cookie", &other_browser), ("accept-language", "de")],
    )
    .await;
    assert!(html.contains("<html lang=\"es\">"), "{html}");
}

#[tokio::test]
async fn an_instance_in_german_speaks_german_to_a_browser_that_asks_for_nothing() {
    let a =
        TestInstance::start_with(|s| s.instance.languages = vec!["de".into(), "it".into()]).await;
    let (_, html) = page(&a, "/", &[]).await;
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(
        html.contains("Deutsch, Italienisch"),
        "its languages by name: {html}"
    );
    assert!(html.contains(">Anmelden</a>"), "{html}");
}

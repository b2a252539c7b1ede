"""A German-speaking teacher's first day, in a real browser that asks for German:
she signs up, fills in her profile, follows a colleague on another instance,
likes, boosts and replies to her post, is told when the colleague mentions her,
finds a material by searching and publishes one. Every page she sees is German.

Usage: python browser_journey.py BASE_A BASE_B COLLEAGUE_HANDLE COLLEAGUE_TOKEN MATERIAL
(COLLEAGUE_HANDLE is name@host on B; the token lets the colleague post from B.)
Prints "ok" when every step worked.
"""

import json
import sys
import tempfile
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from browser_communities import absent, arrive, css, fill  # noqa: E402
from browser_layout import browser  # noqa: E402
from browser_materials import find_in_picker  # noqa: E402
from browser_sign_in import assert_no_csp_violations, wait_until  # noqa: E402

USERNAME = "greta"
PASSWORD = "ein-gutes-langes-passwort"


def german(driver, where: str) -> None:
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    assert lang == "de", f"{where} is not German: <html lang={lang}>"


def page(driver, check, where: str) -> None:
    arrive(driver, check, where)
    german(driver, where)


def notice(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "p.notice"))


def button(driver, value: str, within=None):
    root = within or driver
    return root.find_element(By.CSS_SELECTOR, f"button[name=action][value={value}]")


def colleague_posts(base_b: str, token: str, text: str) -> None:
    """The colleague writes on her own server (through its API)."""
    request = urllib.request.Request(
        base_b + "/api/v1/statuses",
        data=json.dumps({"status": text}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200, response.status


def until_shown(driver, url: str, check, what: str) -> None:
    """Reloads `url` until `check` holds: federation takes a moment."""

    def again(d):
        d.get(url)
        return check(d)

    wait_until(driver, again, what)


def sign_up(driver, base: str) -> None:
    driver.get(base + "/auth/sign_up")
    page(driver, lambda d: d.current_url.endswith("/auth/sign_up"), "the sign-up page")
    fill(driver, {"username": USERNAME, "email": "greta@schule.example", "password": PASSWORD})
    css(driver, "input[name=agree]").click()
    css(driver, "main form button[type=submit]").click()
    page(driver, lambda d: "/settings/profile" in d.current_url, "the first profile")
    assert "Willkommen" in notice(driver), notice(driver)


def fill_profile(driver) -> None:
    fill(driver, {"display_name": "Greta Huber", "note": "Mathematik in Graz."})
    find_in_picker(driver, "school-subject", "Mathe", "mathematics")
    css(driver, "input[name=education_levels][value='2']").click()
    css(driver, "form[action='/settings/profile'] button[type=submit]").click()
    page(driver, lambda d: "saved=1" in d.current_url, "the saved profile")
    assert "Gespeichert" in notice(driver), notice(driver)


def follow(driver, base: str, handle: str) -> None:
    driver.get(base + "/search?q=" + urllib.parse.quote("@" + handle))
    page(driver, lambda d: "/search" in d.current_url, "the search results")
    css(driver, f"a[href='/@{handle}']").click()
    page(driver, lambda d: d.current_url.endswith(f"/@{handle}"), "the colleague's page")
    button(driver, "follow").click()
    until_shown(
        driver,
        f"{base}/@{handle}",
        lambda d: not absent(d, "button[name=action][value=unfollow]"),
        "the follow accepted",
    )
    german(driver, "the colleague's page, followed")


def like_boost_reply(driver, base: str, text: str) -> None:
    def card(d):
        return next((c for c in d.find_elements(By.CSS_SELECTOR, "article.post") if text in c.text), None)

    until_shown(driver, base + "/home", card, "the colleague's post in the home timeline")
    german(driver, "the home timeline")
    button(driver, "favourite", card(driver)).click()
    wait_until(driver, lambda d: card(d) and card(d).find_elements(By.CSS_SELECTOR, "button[value=unfavourite]"), "liked")
    button(driver, "reblog", card(driver)).click()
    wait_until(driver, lambda d: card(d) and card(d).find_elements(By.CSS_SELECTOR, "button[value=unreblog]"), "boosted")
    card(driver).find_element(By.CSS_SELECTOR, ".post-actions a.button").click()
    page(driver, lambda d: not absent(d, "form.reply textarea"), "the thread")
    css(driver, "form.reply textarea").send_keys("Danke, das probiere ich aus!")
    css(driver, "form.reply button[type=submit]").click()
    wait_until(driver, lambda d: "Danke, das probiere ich aus!" in d.page_source, "the reply posted")
    german(driver, "after replying")


def notified(driver, base: str, base_b: str, token: str, base_host: str) -> None:
    colleague_posts(base_b, token, f"@{USERNAME}@{base_host} schau dir das Arbeitsblatt an")
    until_shown(
        driver,
        base + "/home",
        lambda d: "Mitteilungen (" in css(d, "header nav").text,
        "the unread count in the header",
    )
    css(driver, "header nav a[href='/notifications']").click()
    page(driver, lambda d: d.current_url.endswith("/notifications"), "the notifications")
    first = css(driver, "li.notification.unread")
    assert "erwähnt" in first.text, first.text


def find_material(driver, base: str, title: str) -> None:
    driver.get(base + "/materials")
    page(driver, lambda d: d.current_url.endswith("/materials"), "the materials")
    # A plural, in German: stemmed search finds the singular.
    css(driver, "#q").send_keys("Arbeitsblatt Bruchrechnung")
    css(driver, "form[role=search] button[type=submit]").click()
    page(driver, lambda d: "q=" in d.current_url, "the search")
    css(driver, "li.material-card h3 a").click()
    page(driver, lambda d: title in css(d, "h1").text, "the material found")


def publish(driver, base: str) -> None:
    driver.get(base + "/materials/new")
    page(driver, lambda d: d.current_url.endswith("/materials/new"), "the material form")
    fill(driver, {"m-name": "Geometrie mit GeoGebra", "m-description": "Dreiecke entdecken, für die 7. Klasse."})
    css(driver, "#m-licence option[value='cc-by']").click()
    find_in_picker(driver, "school-subject", "Mathe", "mathematics")
    css(driver, "form.material-form button[type=submit]").click()
    page(driver, lambda d: "published=1" in d.current_url, "the published material")
    assert "Veröffentlicht" in notice(driver), notice(driver)


def main(base: str, base_b: str, handle: str, token: str, material: str) -> None:
    host = urllib.parse.urlparse(base).netloc
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile, "de-DE,de")
        driver.implicitly_wait(5)
        try:
            sign_up(driver, base)
            fill_profile(driver)
            follow(driver, base, handle)
            colleague_posts(base_b, token, "Neue Idee für Bruchrechnung mit Pizza")
            like_boost_reply(driver, base, "Neue Idee für Bruchrechnung mit Pizza")
            notified(driver, base, base_b, token, host)
            find_material(driver, base, material)
            publish(driver, base)
            assert_no_csp_violations(driver)
        finally:
            driver.quit()
    print("ok")


if __name__ == "__main__":
    main(*sys.argv[1:6])

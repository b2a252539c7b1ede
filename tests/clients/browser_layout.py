"""Looks at the pages in a real browser (headless Chromium through WebDriver) as a
teacher on a phone and on a desktop would: in the browser's language (German here),
nothing wider than the screen at 390 px, the header's links behind a menu button,
touch targets of 44 px, a visible focus ring; and at 1280 px in English.

Usage: python browser_layout.py BASE_URL USERNAME PASSWORD COMMUNITY
Exits 0 when every check held.
"""

import json
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_sign_in import assert_no_csp_violations, wait_until


def browser(profile_dir: str, languages: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile_dir}", f"--lang={languages.split(',')[0]}",
    ]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": languages})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def screen(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def overflow(driver) -> int:
    """How many pixels the page is wider than the screen."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth;"
    )


AXE = open(os.environ["COLLEGIUM_TEST_AXE"], encoding="utf-8").read()


def accessibility_violations(driver) -> list:
    """axe-core's WCAG 2.1 A and AA rules on the page as it is shown."""
    driver.execute_script(AXE)
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
           axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
              .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.html)}))))
              .catch(e => done([{id: "axe-error", help: String(e), nodes: []}]));"""
    )
    return result


def check_pages(driver, base: str, paths: list, lang: str) -> None:
    for path in paths:
        driver.get(base + path)
        got = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        assert got == lang, f"{path}: <html lang={got}>, not {lang}"
        wider = overflow(driver)
        assert wider <= 0, f"{path} is {wider} px wider than the screen"
        found = accessibility_violations(driver)
        assert not found, f"{path} ({lang}): {json.dumps(found, indent=1)}"
    assert_no_csp_violations(driver)


def main(base: str, username: str, password: str, community: str) -> None:
    pages = [
        "/", "/home", "/communities", f"/c/{community}", "/materials", "/materials/new",
        "/cases", "/cases/new", f"/@{username}", "/auth/sign_out", "/no/such/page",
        "/notifications", "/search?q=mathe", "/settings/profile", "/settings/account",
        "/settings/preferences", f"/c/{community}/moderation",
        "/admin", "/admin/people", "/admin/reports", "/admin/federation", "/admin/settings",
        "/about/privacy",
    ]
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile, "de-DE,de")
        driver.implicitly_wait(2)
        try:
            # The checker finds what it should: a picture without a text, no language.
            driver.get("data:text/html,<title>x</title><img src='x.png'>")
            found = {v["id"] for v in accessibility_violations(driver)}
            assert {"image-alt", "html-has-lang"} <= found, found

            screen(driver, 390, 844)
            driver.get(base + "/")
            assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
            # The menu: folded at phone width, open on a tap, links easy to hit.
            nav = driver.find_element(By.ID, "site-nav")
            toggle = driver.find_element(By.CSS_SELECTOR, ".menu-toggle")
            assert toggle.is_displayed() and not nav.is_displayed(), "the menu is folded"
            assert toggle.size["height"] >= 44, toggle.size
            toggle.click()
            wait_until(driver, lambda d: d.find_element(By.ID, "site-nav").is_displayed(), "menu open")
            assert toggle.get_attribute("aria-expanded") == "true"
            sign_in = driver.find_element(By.LINK_TEXT, "Anmelden")
            assert sign_in.size["height"] >= 44, sign_in.size
            sign_in.click()
            wait_until(driver, lambda d: d.current_url.endswith("/auth/sign_in"), "sign-in page")
            assert driver.find_element(By.TAG_NAME, "h1").text == "Anmelden"
            found = accessibility_violations(driver)
            assert not found, f"sign-in page: {json.dumps(found, indent=1)}"
            driver.find_element(By.ID, "login").send_keys(username)
            driver.find_element(By.ID, "password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait_until(driver, lambda d: d.get_cookie("collegium_session"), "signed in")

            check_pages(driver, base, pages, "de")

            # The focus ring: a dark 3 px outline (far above 3:1 on white and paper).
            driver.get(base + "/communities")
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            ring = driver.execute_script(
                """const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.outlineWidth, s.outlineColor];"""
            )
            assert ring == ["solid", "3px", "rgb(11, 61, 92)"], ring

            # A desktop in English, chosen on the switcher.
            screen(driver, 1280, 900)
            driver.get(base + "/?lang=en")
            assert driver.find_element(By.ID, "site-nav").is_displayed()
            assert not driver.find_element(By.CSS_SELECTOR, ".menu-toggle").is_displayed()
            check_pages(driver, base, pages, "en")
        finally:
            driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:5])

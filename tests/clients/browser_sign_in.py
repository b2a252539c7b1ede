"""Uses the web pages in a real browser (headless Chromium through WebDriver), as a
teacher would: sign in, see the profile, authorise an app, sign out.

Usage: python browser_sign_in.py BASE_URL USERNAME PASSWORD CLIENT_ID
Prints the out-of-band code the app would receive, and exits 0 when every step worked.
"""

import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

OOB = "urn:ietf:wg:oauth:2.0:oob"


def browser(profile_dir: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile_dir}", "--window-size=1000,800",
    ]:
        options.add_argument(flag)
    # The console, to find what the pages' Content-Security-Policy blocked.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def assert_no_csp_violations(driver) -> None:
    """Fails when the browser refused anything under the pages' Content-Security-Policy
    (an inline script or style, a resource from elsewhere)."""
    blocked = [
        e["message"] for e in driver.get_log("browser")
        if "Content Security Policy" in e["message"] or "Content-Security-Policy" in e["message"]
    ]
    assert not blocked, f"blocked by the Content-Security-Policy: {blocked}"


def nav_text(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "header nav").text


def wait_until(driver, check, what: str):
    """Waits for the next page: a click returns before the browser has navigated.
    While it navigates, Chrome may also answer that a node "does not belong to the
    document" (a WebDriverException): that too means the page is not there yet."""
    WebDriverWait(
        driver,
        10,
        ignored_exceptions=[
            NoSuchElementException,
            StaleElementReferenceException,
            WebDriverException,
        ],
    ).until(lambda d: check(d), message=what)


def unlabelled_inputs(driver) -> list:
    """Visible form controls that no label names: an accessibility failure."""
    return driver.execute_script(
        """return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
             .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
             .map(e => e.outerHTML);"""
    )


def main(base: str, username: str, password: str, client_id: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        driver.implicitly_wait(5)
        try:
            driver.get(base + "/")
            assert driver.find_element(By.TAG_NAME, "h1").text, "home page has a heading"
            driver.find_element(By.LINK_TEXT, "Sign in").click()
            wait_until(driver, lambda d: d.current_url.endswith("/auth/sign_in"), "sign-in page")
            assert unlabelled_inputs(driver) == [], unlabelled_inputs(driver)

            # A wrong password says so and keeps the person on the page.
            driver.find_element(By.ID, "login").send_keys(username)
            driver.find_element(By.ID, "password").send_keys("not-the-password")
            driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            wait_until(
                driver,
                lambda d: "Invalid" in d.find_element(By.CSS_SELECTOR, "[role=alert]").text,
                "an error for the wrong password",
            )

            driver.find_element(By.ID, "password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            wait_until(driver, lambda d: "Sign out" in nav_text(d), "signed in")
            session = driver.get_cookie("collegium_session")
            assert session and session["httpOnly"] and session["sameSite"] == "Lax", session

            driver.get(f"{base}/@{username}")
            assert driver.find_element(By.CSS_SELECTOR, ".handle").text.startswith(f"@{username}@")

            # An app asks for access; signed in already, the page only asks consent.
            driver.get(
                f"{base}/oauth/authorize?response_type=code&client_id={client_id}"
                f"&redirect_uri={OOB}&scope=read"
            )
            assert "Authorise" in driver.find_element(By.TAG_NAME, "h1").text
            assert not driver.find_elements(By.ID, "password")
            driver.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
            wait_until(driver, lambda d: d.find_element(By.ID, "code"), "the code page")
            code = driver.find_element(By.ID, "code").get_attribute("value")
            assert len(code) > 30, code

            driver.find_element(By.LINK_TEXT, "Sign out").click()
            wait_until(driver, lambda d: d.current_url.endswith("/auth/sign_out"), "sign-out page")
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait_until(
                driver,
                lambda d: "Sign in" in nav_text(d) and "Sign out" not in nav_text(d),
                "signed out",
            )
            assert_no_csp_violations(driver)
            print(code)
        finally:
            driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:5])

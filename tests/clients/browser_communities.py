"""Uses the community pages in a real browser (headless Chromium through WebDriver),
as a facilitator and a teacher would: the facilitator opens a community; the teacher
finds it in the directory, joins, starts a thread and comments; the facilitator
removes the comment (with a reason), pins and locks the thread from the thread page
and reads the community's moderation log; the teacher finds the thread locked.

Usage: python browser_communities.py BASE_URL FACILITATOR PASSWORD MEMBER PASSWORD
Prints the community's name, and exits 0 when every step worked.
"""

import os
import re
import secrets
import sys
import tempfile

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_sign_in import browser, nav_text, unlabelled_inputs, wait_until  # noqa: E402

# What the people type; tests/integration/clients.rs checks for the same text.
TITLE = "Robotics in the Alps"
SUMMARY = "Line followers, sensors and maths for lower secondary classes."
LANGUAGES = "de, it"
COUNTRY = "AT"
TOPICS = "STEM, robotics"
THREAD_TITLE = "Line-following robots with year 7"
THREAD_BODY = "Which kits worked for you with twelve-year-olds?"
COMMENT = "We used cardboard chassis and it went well."
REASON = "Off topic"

PINNED_NOTE = "Pinned by the facilitators."
LOCKED_NOTE = "This thread is locked: no new comments."


def css(driver, selector: str):
    return driver.find_element(By.CSS_SELECTOR, selector)


def absent(driver, selector: str) -> bool:
    """Whether nothing matches, without waiting the implicit wait out."""
    driver.implicitly_wait(0)
    try:
        return not driver.find_elements(By.CSS_SELECTOR, selector)
    finally:
        driver.implicitly_wait(5)


def accessible(driver, where: str) -> None:
    unlabelled = unlabelled_inputs(driver)
    assert unlabelled == [], f"form controls without a label on {where}: {unlabelled}"


def settled(check):
    """`check`, but False while the page is being replaced: Chromium may then say an
    element found on the old page "does not belong to the document"."""

    def run(driver):
        try:
            return check(driver)
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return False
            raise

    return run


def arrive(driver, check, where: str) -> None:
    """Waits for the page `check` recognises, then checks its form labels."""
    wait_until(driver, settled(check), where)
    accessible(driver, where)


def fill(driver, fields: dict) -> None:
    for element_id, text in fields.items():
        field = driver.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(text)


def nav_link(driver, text: str):
    return css(driver, "header nav").find_element(By.LINK_TEXT, text)


def sign_in(driver, base: str, username: str, password: str) -> None:
    driver.get(base + "/")
    accessible(driver, "the home page")
    nav_link(driver, "Sign in").click()
    arrive(driver, lambda d: d.current_url.endswith("/auth/sign_in"), "the sign-in page")
    fill(driver, {"login": username, "password": password})
    css(driver, "main form button[type=submit]").click()
    arrive(driver, lambda d: "Sign out" in nav_text(d), f"{username} signed in")


def sign_out(driver) -> None:
    nav_link(driver, "Sign out").click()
    arrive(driver, lambda d: d.current_url.endswith("/auth/sign_out"), "the sign-out page")
    css(driver, "main form button[type=submit]").click()
    wait_until(driver, settled(lambda d: "Sign out" not in nav_text(d)), "signed out")


def open_directory(driver) -> None:
    """Through the nav's link, from whatever page the browser is on."""
    nav_link(driver, "Communities").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/communities") and css(d, "h1").text == "Communities",
        "the directory",
    )


def on_community_page(driver, name: str):
    return lambda d: d.current_url.endswith(f"/c/{name}") and css(d, "h1").text == TITLE


def open_community(driver, name: str) -> None:
    """The facilitator fills in the directory's form to open a community."""
    open_directory(driver)
    css(driver, "details.composer summary").click()
    fill(
        driver,
        {
            "new-name": name,
            "new-title": TITLE,
            "new-summary": SUMMARY,
            "new-languages": LANGUAGES,
            "new-country": COUNTRY,
            "new-topics": TOPICS,
        },
    )
    css(driver, "details.composer form button[type=submit]").click()
    arrive(driver, on_community_page(driver, name), "the new community's page")
    assert f"@{name}@" in css(driver, "article .handle").text, css(driver, "article .handle").text
    assert SUMMARY in css(driver, "article .note").text, "the summary is shown"
    facts = css(driver, "article .facts").text
    assert "de, it" in facts and "AT" in facts and "robotics" in facts, facts
    assert driver.find_element(By.LINK_TEXT, "Moderation queue"), "a facilitator sees the queue"


def directory_entries(driver) -> list:
    """The titles the directory lists (none when nothing matches)."""
    if absent(driver, "ul.communities li.community"):
        return []
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "li.community h2 a")]


def filter_directory(driver, name: str, language: str) -> list:
    fill(driver, {"q": name, "language": language})
    css(driver, "form[role=search] button[type=submit]").click()
    arrive(
        driver,
        lambda d: f"language={language}" in d.current_url and css(d, "h1").text == "Communities",
        f"the directory filtered by {language}",
    )
    return directory_entries(driver)


def go_to_community(driver, name: str) -> None:
    """Nav, directory searched for the name, the community's entry."""
    open_directory(driver)
    found = filter_directory(driver, name, "de")
    assert found == [TITLE], f"a German filter should list the community once: {found}"
    driver.find_element(By.LINK_TEXT, TITLE).click()
    arrive(driver, on_community_page(driver, name), "the community's page")


def find_and_join(driver, name: str) -> None:
    """The teacher filters the directory down to the community and joins it."""
    open_directory(driver)
    assert absent(driver, "details.composer"), "only facilitators may open communities"
    found = filter_directory(driver, name, "fr")
    assert found == [], f"a French filter should not list the community: {found}"
    go_to_community(driver, name)
    assert absent(driver, "#title"), "no thread composer before joining"
    # The facilitator who opened it is its first member, in the singular.
    handle = css(driver, "article .handle").text
    assert handle.endswith(" 1 member"), f"one member, in the singular: {handle}"
    css(driver, "button[value=join]").click()
    arrive(driver, lambda d: css(d, "button[value=leave]").text == "Leave", "joined")
    handle = css(driver, "article .handle").text
    assert handle.endswith(" 2 members"), handle


def thread_link(driver):
    return css(driver, "ul.threads").find_element(By.LINK_TEXT, THREAD_TITLE)


def in_thread(driver, name: str) -> None:
    """The thread page names its community (with a link) and its title."""
    link = css(driver, "header.thread-head .community-link")
    assert link.text == f"In {TITLE}", link.text
    href = link.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert href.endswith(f"/c/{name}"), href
    assert css(driver, "h1").text == THREAD_TITLE, css(driver, "h1").text


def on_thread_page(d) -> bool:
    return THREAD_BODY in css(d, ".focus .content").text and css(d, "h1").text == THREAD_TITLE


def open_thread(driver, name: str) -> None:
    """From the community's page, the thread's own page."""
    thread_link(driver).click()
    arrive(driver, on_thread_page, "the thread page")
    in_thread(driver, name)


def start_thread(driver, name: str, member: str) -> None:
    """The composer opens a thread; the community's page lists it."""
    fill(driver, {"title": THREAD_TITLE, "body": THREAD_BODY})
    css(driver, "section.composer form button[type=submit]").click()
    arrive(
        driver,
        lambda d: re.search(rf"/@{member}/\d+$", d.current_url) and on_thread_page(d),
        "the new thread",
    )
    in_thread(driver, name)
    css(driver, ".community-link a").click()
    arrive(driver, on_community_page(driver, name), "the community's page with the thread")
    assert f"by @{member}" in css(driver, "ul.threads").text, css(driver, "ul.threads").text


def comment(driver, name: str) -> None:
    """Opens the thread from the community's page and replies to it."""
    open_thread(driver, name)
    assert absent(driver, "form.moderate"), "a member has no moderation controls"
    label = css(driver, "form.reply label[for=status]").text
    assert label == "Comment", f"the comment box's label: {label}"
    box = css(driver, "#status")
    assert box.get_attribute("value") == "", "the comment box starts empty"
    box.send_keys(COMMENT)
    css(driver, "form.reply button[type=submit]").click()
    arrive(
        driver,
        lambda d: COMMENT in css(d, ".focus .content").text
        and THREAD_BODY in css(d, ".thread > .post .content").text,
        "the comment under the thread",
    )
    in_thread(driver, name)


def replies(driver) -> list:
    """The texts of the posts under the thread (and over the focus)."""
    if absent(driver, ".thread > .post"):
        return []
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".thread > .post")]


def shows_comment(driver) -> bool:
    return COMMENT in css(driver, "section.thread").text


def button(driver, value: str):
    return css(driver, f"header.thread-head form.moderate button[value={value}]")


def moderate_thread(driver, name: str, facilitator: str, member: str) -> None:
    """The facilitator removes the comment, then pins and locks the thread."""
    go_to_community(driver, name)
    threads = css(driver, "ul.threads").text
    assert THREAD_TITLE in threads and "1 comment" in threads, threads
    assert "1 comments" not in threads, f"one comment, in the singular: {threads}"
    log = css(driver, "ul.log").text
    assert f"create by @{facilitator}" in log, log
    open_thread(driver, name)
    thread_url = driver.current_url
    assert re.search(rf"/@{member}/\d+$", thread_url), thread_url
    assert button(driver, "lock").text == "Lock thread"
    assert button(driver, "pin").text == "Pin thread"
    assert absent(driver, ".thread-head p.pinned") and absent(driver, ".thread-head p.locked")

    # Remove the member's comment, saying why.
    posts = [
        p
        for p in driver.find_elements(By.CSS_SELECTOR, ".thread > .post")
        if COMMENT in p.find_element(By.CSS_SELECTOR, ".content").text
    ]
    assert len(posts) == 1 and f"@{member}@" in posts[0].text, replies(driver)
    # Removing asks first, on a page of its own that takes the reason.
    posts[0].find_element(By.CSS_SELECTOR, "form.moderate button[value=remove]").click()
    arrive(driver, lambda d: css(d, "h1").text == "Remove this post?", "the confirmation page")
    assert COMMENT in css(driver, ".focus .content").text, "it shows the post"
    reason = css(driver, "#reason")
    label = driver.find_element(By.CSS_SELECTOR, "label[for='reason']")
    assert label.text == "Reason for removing it", label.text
    reason.send_keys(REASON)
    css(driver, "main form button[value=remove]").click()
    arrive(
        driver,
        lambda d: d.current_url == thread_url and on_thread_page(d) and not shows_comment(d),
        "the thread without the removed comment",
    )
    assert replies(driver) == [], f"nothing under the thread any more: {replies(driver)}"

    button(driver, "pin").click()
    arrive(
        driver,
        lambda d: d.current_url == thread_url
        and css(d, ".thread-head p.pinned").text == PINNED_NOTE
        and button(d, "unpin").text == "Unpin thread",
        "the pinned thread",
    )
    assert not absent(driver, "form.reply"), "a pinned, open thread still takes comments"

    button(driver, "lock").click()
    arrive(
        driver,
        lambda d: d.current_url == thread_url
        and css(d, ".thread-head p.locked").text == LOCKED_NOTE
        and button(d, "unlock").text == "Unlock thread",
        "the locked thread",
    )
    in_thread(driver, name)
    assert css(driver, ".thread-head p.pinned").text == PINNED_NOTE, "still pinned"
    assert button(driver, "unpin").text == "Unpin thread"
    assert not shows_comment(driver), "the removed comment stays away"
    assert absent(driver, "form.reply"), "a locked thread offers no comment form"


def read_log(driver, name: str, facilitator: str) -> None:
    """The community's page lists the thread pinned and locked, and the log says why."""
    css(driver, ".community-link a").click()
    arrive(driver, on_community_page(driver, name), "the community's page after moderating")
    threads = css(driver, "ul.threads li").text
    assert threads.startswith(f"Pinned: {THREAD_TITLE}"), threads
    assert "0 comments" in threads and threads.endswith(" · locked"), threads
    entries = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "ul.log li")]
    actions = [re.sub(r"^.*?: ", "", e, count=1) for e in entries]
    assert actions == [
        f"lock by @{facilitator}",
        f"pin by @{facilitator}",
        f"remove post by @{facilitator} ({REASON})",
        f"create by @{facilitator}",
    ], entries
    driver.find_element(By.LINK_TEXT, "Moderation queue").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith(f"/c/{name}/moderation") and TITLE in css(d, "h1").text,
        "the moderation queue",
    )
    main_text = css(driver, "main").text
    assert "No open reports." in main_text and "Nobody is waiting." in main_text, main_text


def find_locked(driver, name: str) -> None:
    """The member finds the thread locked, pinned, without the comment or a form."""
    go_to_community(driver, name)
    open_thread(driver, name)
    assert css(driver, ".thread-head p.locked").text == LOCKED_NOTE
    assert css(driver, ".thread-head p.pinned").text == PINNED_NOTE
    assert absent(driver, "form.reply") and absent(driver, "#status"), "no comment form"
    assert absent(driver, "form.moderate"), "a member has no moderation controls"
    assert not shows_comment(driver) and replies(driver) == [], replies(driver)


def report_page(driver) -> None:
    """Tells where the browser was when a step failed."""
    try:
        text = css(driver, "main").text[:1500]
    except Exception:  # noqa: BLE001 - only for the message
        text = "(no page)"
    print(f"failed on {driver.current_url}:\n{text}", file=sys.stderr)


def main(base: str, facilitator: str, facilitator_pw: str, member: str, member_pw: str) -> None:
    name = f"robotics_{secrets.token_hex(3)}"
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        driver.implicitly_wait(5)
        try:
            sign_in(driver, base, facilitator, facilitator_pw)
            open_community(driver, name)
            sign_out(driver)

            sign_in(driver, base, member, member_pw)
            find_and_join(driver, name)
            start_thread(driver, name, member)
            comment(driver, name)
            sign_out(driver)

            sign_in(driver, base, facilitator, facilitator_pw)
            moderate_thread(driver, name, facilitator, member)
            read_log(driver, name, facilitator)
            sign_out(driver)

            sign_in(driver, base, member, member_pw)
            find_locked(driver, name)
            sign_out(driver)
            print(name)
        except Exception:
            report_page(driver)
            raise
        finally:
            driver.quit()


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:6])

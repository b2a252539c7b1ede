"""Uses the teaching-material pages in a real browser (headless Chromium through
WebDriver), as two teachers would: the teacher fills in the form to share a
material (text, vocabulary pickers, a time and a PDF), reloads the half-filled
form and finds the draft the browser kept, and publishes it; a colleague finds it
by level and by a word of its text, remixes it (the form comes prefilled), changes
the title and language and publishes the adaptation, which links back to the
original, and the original lists it; the teacher changes the original's
description, which makes version 2, and the history lists both versions. Every
page visited must label all its form controls.

Usage: python browser_materials.py BASE_URL TEACHER PASSWORD COLLEAGUE PASSWORD FILE_PATH
Prints "ok", and exits 0 when every step worked.
"""

import json
import os
import re
import sys
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_communities import (  # noqa: E402
    absent,
    arrive,
    css,
    fill,
    nav_link,
    sign_in,
    sign_out,
)
from browser_sign_in import assert_no_csp_violations, browser, wait_until  # noqa: E402

# What the teachers type and pick; tests/integration/clients.rs checks for the same.
NAME = "Fractions with pizza"
DESCRIPTION = "A worksheet for adding fractions with paper pizza slices."
BODY = (
    "Cut the paper pizza into eighths.\n\n"
    "How many slices make a half? Colour them in margherita red."
)
SEARCH_WORD = "margherita"  # only in the body
LANGUAGE = ("de", "German")
LICENCE = ("cc-by-sa", "Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)")
RESOURCE_TYPE = ("worksheet", "Worksheet")
LEVEL = ("1", "Primary education (ISCED 1)")
OTHER_LEVEL = "2"  # the material is not for it
SUBJECT = ("054", "Mathematics and statistics")
SCHOOL_SUBJECT = ("mathematics", "Mathematics")
COMPETENCE = ("5.3", "5.3 Actively engaging learners")
TIME = ("PT45M", "45 minutes")
REMIX_NAME = "Frazioni con la pizza"
REMIX_LANGUAGE = ("it", "Italian")
NEW_DESCRIPTION = "Adding fractions with paper pizza slices, for year 4."

DRAFT_PREFIX = "collegium-draft:"


def by_id(driver, element_id: str):
    """By id, which may hold a dot (teaches-5.3) that a CSS selector would misread."""
    return driver.find_element(By.ID, element_id)


def value(driver, element_id: str) -> str:
    return by_id(driver, element_id).get_attribute("value")


def checked(driver, element_id: str) -> bool:
    return by_id(driver, element_id).is_selected()


def selected_values(driver, element_id: str) -> list:
    return [o.get_attribute("value") for o in Select(by_id(driver, element_id)).all_selected_options]


def ticked(driver, name: str) -> list:
    return [e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, f"input[name='{name}']:checked")]


def find_in_picker(driver, prefix: str, words: str, choice: str) -> None:
    """Types into a picker's box, checks the list narrowed, and ticks the choice."""
    box = by_id(driver, f"{prefix}-find")
    box.clear()
    box.send_keys(words)
    labels = driver.find_elements(By.CSS_SELECTOR, f"#{prefix}-list label.check")
    shown = [label for label in labels if label.is_displayed()]
    assert 0 < len(shown) < len(labels), f"typing {words!r} should narrow the list: {len(shown)} of {len(labels)}"
    css(driver, f"label[for='{prefix}-{choice}']").click()


def draft(driver, name: str):
    """The form's draft as the page keeps it in localStorage (None when there is none)."""
    saved = driver.execute_script("return window.localStorage.getItem(arguments[0]);", DRAFT_PREFIX + name)
    return json.loads(saved) if saved else None


def facts(driver) -> dict:
    """The material page's facts list: each <dt> with the text of its <dd>."""
    terms = driver.find_elements(By.CSS_SELECTOR, "dl.facts dt")
    details = driver.find_elements(By.CSS_SELECTOR, "dl.facts dd")
    return {t.text: d.text for t, d in zip(terms, details)}


def h1(driver) -> str:
    return css(driver, "main h1").text


def material_id(driver) -> str:
    found = re.search(r"/materials/(\d+)(?:\?|$)", driver.current_url)
    assert found, f"not a material's page: {driver.current_url}"
    return found.group(1)


def on_material_page(name: str, query: str = ""):
    """The page of the material called `name` (after a publish or a save, `query`)."""
    return lambda d: (
        re.search(rf"/materials/\d+{re.escape(query)}$", d.current_url) and h1(d) == name
    )


def open_materials(driver) -> None:
    """Through the nav's link, from whatever page the browser is on."""
    nav_link(driver, "Materials").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/materials") and h1(d) == "Teaching materials",
        "the materials page",
    )


def listed(driver) -> list:
    """The names the materials page lists (none when nothing matches)."""
    if absent(driver, "li.material-card"):
        return []
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "li.material-card h3 a")]


def open_listed(driver, name: str) -> None:
    links = [e for e in driver.find_elements(By.CSS_SELECTOR, "li.material-card h3 a") if e.text == name]
    assert len(links) == 1, f"{name} should be listed once: {listed(driver)}"
    links[0].click()
    arrive(driver, on_material_page(name), f"the page of {name}")


def pick(driver) -> None:
    """The teacher's choices in the pickers, as she would click them."""
    Select(css(driver, "#m-language")).select_by_visible_text(LANGUAGE[1])
    Select(css(driver, "#m-licence")).select_by_visible_text(LICENCE[1])
    css(driver, f"label[for='type-{RESOURCE_TYPE[0]}']").click()
    css(driver, f"label[for='level-{LEVEL[0]}']").click()
    find_in_picker(driver, "school-subject", "mathem", SCHOOL_SUBJECT[0])
    chosen = css(driver, "[data-picker-chosen]").text
    assert SCHOOL_SUBJECT[1] in chosen, f"the picker should say what is chosen: {chosen!r}"
    find_in_picker(driver, "subject", "statist", SUBJECT[0])
    css(driver, "details.competences summary").click()  # closed on a new form
    css(driver, f"label[for='teaches-{COMPETENCE[0]}']").click()
    Select(css(driver, "#m-time")).select_by_visible_text(TIME[1])


def shows_choices(driver, name: str, description: str, body: str, language: str) -> list:
    """What differs between the form and the material's text and picks (empty when
    it shows all of them)."""
    expected = {
        "name": (value(driver, "m-name"), name),
        "description": (value(driver, "m-description"), description),
        "body": (value(driver, "m-body"), body),
        "language": (value(driver, "m-language"), language),
        "licence": (value(driver, "m-licence"), LICENCE[0]),
        "type": (checked(driver, f"type-{RESOURCE_TYPE[0]}"), True),
        "level": (checked(driver, f"level-{LEVEL[0]}"), True),
        "school subjects": (ticked(driver, "school_subjects"), [SCHOOL_SUBJECT[0]]),
        "subjects": (ticked(driver, "subjects"), [SUBJECT[0]]),
        "competence": (checked(driver, f"teaches-{COMPETENCE[0]}"), True),
        "time": (value(driver, "m-time"), TIME[0]),
    }
    return [f"{k}: {got!r}, not {want!r}" for k, (got, want) in expected.items() if got != want]


def draft_has_everything(driver) -> bool:
    kept = draft(driver, "new")
    if not kept:
        return False
    f = kept.get("fields", {})
    return (
        f.get("name") == NAME
        and f.get("description") == DESCRIPTION
        and f.get("body") == BODY
        and f.get("language") == LANGUAGE[0]
        and f.get("licence") == LICENCE[0]
        and f.get("resource_types") == [RESOURCE_TYPE[0]]
        and f.get("levels") == [LEVEL[0]]
        and f.get("subjects") == [SUBJECT[0]]
        and f.get("school_subjects") == [SCHOOL_SUBJECT[0]]
        and f.get("teaches") == [COMPETENCE[0]]
        and f.get("time_choice") == TIME[0]
    )


def check_download(driver, file_path: str) -> None:
    """The file's link, and what the browser downloads through it."""
    file_name = os.path.basename(file_path)
    items = driver.find_elements(By.CSS_SELECTOR, "ul.files li")
    assert len(items) == 1, f"one file expected: {[i.text for i in items]}"
    item = items[0]
    assert file_name in item.text and "PDF" in item.text, item.text
    named = item.find_element(By.TAG_NAME, "a")
    assert named.text == file_name and named.get_attribute("download") == file_name, named.text
    download = item.find_element(By.CSS_SELECTOR, "a.download")
    # "Download", and for screen readers (visually hidden) the file's name.
    accessible_name = download.get_attribute("textContent")
    assert accessible_name == f"Download {file_name}", accessible_name
    assert download.get_attribute("download") == file_name, download.get_attribute("outerHTML")
    href = download.get_attribute("href")
    got = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
           fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({
             status: r.status,
             type: r.headers.get('content-type'),
             size: b.byteLength,
             start: String.fromCharCode(...new Uint8Array(b.slice(0, 5))),
           }))).catch(e => done({error: String(e)}));""",
        href,
    )
    size = os.path.getsize(file_path)
    assert got.get("status") == 200 and got.get("start") == "%PDF-", f"downloading {href}: {got}"
    assert got.get("size") == size, f"downloading {href}: {got['size']} bytes, not {size}"


def publish(driver, file_path: str) -> str:
    """The teacher fills in the form, reloads it, attaches the file and publishes.
    Returns the material's id."""
    open_materials(driver)
    css(driver, ".page-head").find_element(By.LINK_TEXT, "Share a material").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/materials/new") and h1(d) == "Share a teaching material",
        "the form for a new material",
    )
    assert draft(driver, "new") is None, f"no draft before typing: {draft(driver, 'new')}"
    fill(driver, {"m-name": NAME, "m-description": DESCRIPTION, "m-body": BODY})
    pick(driver)
    assert shows_choices(driver, NAME, DESCRIPTION, BODY, LANGUAGE[0]) == [], shows_choices(
        driver, NAME, DESCRIPTION, BODY, LANGUAGE[0]
    )
    wait_until(driver, draft_has_everything, f"the draft kept in localStorage: {draft(driver, 'new')}")
    status = css(driver, "[data-draft-status]")
    assert status.text.startswith("Draft kept in this browser at"), status.text

    # Reloaded, the form offers the draft back.
    driver.refresh()
    arrive(
        driver,
        lambda d: "was restored" in css(d, "[data-draft-status]").text,
        "the form with the draft restored",
    )
    status = css(driver, "[data-draft-status]").text
    assert status.startswith("Your unsaved draft from") and "Discard the draft" in status, status
    differences = shows_choices(driver, NAME, DESCRIPTION, BODY, LANGUAGE[0])
    assert differences == [], f"the restored draft differs: {differences}"

    css(driver, "#m-files").send_keys(os.path.abspath(file_path))
    assert absent(driver, "[data-file-warning]:not([hidden])"), "a small file gets no warning"
    css(driver, "form.material-form button[type=submit]").click()
    arrive(driver, on_material_page(NAME, "?published=1&draft=new"), "the published material")
    original = material_id(driver)
    notice = css(driver, "p.notice").text
    assert notice.startswith("Published."), notice
    assert css(driver, "article.material .lead").text == DESCRIPTION
    assert SEARCH_WORD in css(driver, ".material-body .content").text, "the body is shown"
    shown = facts(driver)
    expected = {
        "Licence": LICENCE[1],
        "Language": LANGUAGE[1],
        "Type": RESOURCE_TYPE[1],
        "Levels": LEVEL[1],
        "School subjects": SCHOOL_SUBJECT[1],
        "Fields of education (ISCED-F)": SUBJECT[1],
        "Digital competences (DigCompEdu)": COMPETENCE[1],
        "Time required": TIME[1],
        "Version": "1 · History",
    }
    wrong = {k: shown.get(k) for k, v in expected.items() if shown.get(k) != v}
    assert wrong == {}, f"facts differ from {expected}: {shown}"
    check_download(driver, file_path)
    assert "Nobody has adapted it yet." in css(driver, "section[aria-labelledby=remixes-heading]").text
    wait_until(driver, lambda d: draft(d, "new") is None, "the draft forgotten after publishing")
    return original


def find_and_remix(driver, original: str) -> str:
    """The colleague filters the materials down to it, opens it and adapts it.
    Returns the remix's id."""
    open_materials(driver)

    def search(level: str) -> list:
        fill(driver, {"q": SEARCH_WORD})
        Select(css(driver, "#f-level")).select_by_value(level)
        css(driver, "form[role=search] button[type=submit]").click()
        arrive(
            driver,
            lambda d: f"level={level}" in d.current_url
            and f"q={SEARCH_WORD}" in d.current_url
            and css(d, "#results-heading").text.startswith("Results"),
            f"the materials for level {level} with {SEARCH_WORD}",
        )
        assert value(driver, "q") == SEARCH_WORD and value(driver, "f-level") == level
        return listed(driver)

    found = search(OTHER_LEVEL)
    assert found == [], f"level {OTHER_LEVEL} should list nothing: {found}"
    assert "No materials match." in css(driver, "ul.materials").text
    found = search(LEVEL[0])
    assert found == [NAME], f"level {LEVEL[0]} with {SEARCH_WORD} should list it once: {found}"
    tags = css(driver, "li.material-card ul.tags").text
    assert LEVEL[1] in tags and RESOURCE_TYPE[1] in tags, tags
    open_listed(driver, NAME)
    assert material_id(driver) == original
    assert absent(driver, "section.danger-zone"), "only its author may delete it"
    assert not [a for a in driver.find_elements(By.CSS_SELECTOR, ".actions a") if a.text == "Edit"]

    css(driver, "article.material .actions").find_element(By.LINK_TEXT, "Remix").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith(f"/materials/new?based_on={original}")
        and h1(d) == f"Adapting: {NAME}",
        "the remix form",
    )
    differences = shows_choices(driver, NAME, DESCRIPTION, BODY, LANGUAGE[0])
    assert differences == [], f"the remix form is not prefilled: {differences}"
    based_on = css(driver, "input[type=hidden][name=based_on]").get_attribute("value")
    assert based_on == original, based_on
    assert "ShareAlike" in css(driver, "p.licence-note").text, css(driver, "p.licence-note").text

    fill(driver, {"m-name": REMIX_NAME})
    Select(css(driver, "#m-language")).select_by_visible_text(REMIX_LANGUAGE[1])
    css(driver, "form.material-form button[type=submit]").click()
    arrive(
        driver,
        on_material_page(REMIX_NAME, f"?published=1&draft=remix-{original}"),
        "the published remix",
    )
    remix = material_id(driver)
    assert remix != original
    adapted = css(driver, "p.remix-of")
    assert adapted.text == f"Adapted from {NAME}", adapted.text
    link = adapted.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href").endswith(f"/materials/{original}"), link.get_attribute("href")
    shown = facts(driver)
    assert shown.get("Language") == REMIX_LANGUAGE[1] and shown.get("Levels") == LEVEL[1], shown
    assert shown.get("Version") == "1 · History", shown
    wait_until(driver, lambda d: draft(d, f"remix-{original}") is None, "the remix's draft forgotten")

    # The original lists it.
    link.click()
    arrive(driver, on_material_page(NAME), "the original after the remix")
    assert material_id(driver) == original
    remixes = driver.find_elements(By.CSS_SELECTOR, "ul.remixes li")
    assert len(remixes) == 1, f"one remix expected: {[r.text for r in remixes]}"
    remix_link = remixes[0].find_element(By.TAG_NAME, "a")
    assert remix_link.text == REMIX_NAME, remixes[0].text
    assert remix_link.get_attribute("href").endswith(f"/materials/{remix}"), remix_link.get_attribute("href")
    return remix


def edit(driver, original: str, file_path: str) -> None:
    """The teacher changes the original's description: version 2, and its history."""
    open_materials(driver)
    open_listed(driver, NAME)
    assert material_id(driver) == original
    css(driver, "article.material .actions").find_element(By.LINK_TEXT, "Edit").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith(f"/materials/{original}/edit") and h1(d) == f"Change: {NAME}",
        "the form to change it",
    )
    lead = css(driver, "p.lead").text
    assert lead.startswith("Saving makes version 2."), lead
    differences = shows_choices(driver, NAME, DESCRIPTION, BODY, LANGUAGE[0])
    assert differences == [], f"the form does not show the material as it is: {differences}"
    file_name = os.path.basename(file_path)
    keep = css(driver, "ul.file-list")
    assert f"Remove {file_name}" in keep.text, keep.text
    assert not keep.find_element(By.CSS_SELECTOR, "input[name=remove_files]").is_selected()

    fill(driver, {"m-description": NEW_DESCRIPTION})
    css(driver, "form.material-form button[type=submit]").click()
    arrive(
        driver,
        on_material_page(NAME, f"?saved=1&draft=edit-{original}"),
        "the changed material",
    )
    assert material_id(driver) == original
    assert css(driver, "p.notice").text == "Saved as version 2.", css(driver, "p.notice").text
    assert css(driver, "article.material .lead").text == NEW_DESCRIPTION
    shown = facts(driver)
    assert shown.get("Version") == "2 · History", shown
    assert shown.get("Licence") == LICENCE[1] and shown.get("Levels") == LEVEL[1], shown
    check_download(driver, file_path)
    assert [r.text for r in driver.find_elements(By.CSS_SELECTOR, "ul.remixes li a")] == [REMIX_NAME]
    wait_until(driver, lambda d: draft(d, f"edit-{original}") is None, "the change's draft forgotten")

    css(driver, "dl.facts").find_element(By.LINK_TEXT, "History").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith(f"/materials/{original}/history") and h1(d) == f"History: {NAME}",
        "the history",
    )
    versions = driver.find_elements(By.CSS_SELECTOR, "ol.versions article.version")
    texts = [v.text for v in versions]
    assert len(versions) == 2, f"two versions expected: {texts}"
    newest, first = versions
    assert newest.find_element(By.TAG_NAME, "h2").text == "Version 2 (the current one)", texts
    assert "changed: description" in newest.text and NEW_DESCRIPTION in newest.text, texts
    assert first.find_element(By.TAG_NAME, "h2").text == "Version 1", texts
    assert "first published" in first.text and DESCRIPTION in first.text, texts


def report_page(driver) -> None:
    """Tells where the browser was when a step failed: the page's text without the
    long lists of choices in its selects."""
    try:
        text = driver.execute_script(
            """const main = document.querySelector('main').cloneNode(true);
               main.querySelectorAll('select').forEach(s => s.replaceWith(
                 '[' + [...s.selectedOptions].map(o => o.textContent).join(', ') + ']'));
               document.body.appendChild(main);
               const text = main.innerText;
               main.remove();
               return text;"""
        )[:3000]
    except Exception:  # noqa: BLE001 - only for the message
        text = "(no page)"
    print(f"failed on {driver.current_url}:\n{text}", file=sys.stderr)


def main(base: str, teacher: str, teacher_pw: str, colleague: str, colleague_pw: str, file_path: str) -> None:
    assert os.path.isfile(file_path), f"no file at {file_path}"
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        driver.implicitly_wait(5)
        driver.set_script_timeout(10)
        try:
            sign_in(driver, base, teacher, teacher_pw)
            original = publish(driver, file_path)
            sign_out(driver)

            sign_in(driver, base, colleague, colleague_pw)
            find_and_remix(driver, original)
            sign_out(driver)

            sign_in(driver, base, teacher, teacher_pw)
            edit(driver, original, file_path)
            sign_out(driver)
            assert_no_csp_violations(driver)
            print("ok")
        except Exception:
            report_page(driver)
            raise
        finally:
            driver.quit()


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:7])

"""Uses the innovation case report pages in a real browser (headless Chromium
through WebDriver), as a school team and a facilitator would: the teacher opens
the form from the case reports page and documents a case in every section
(place, sector, level, what was done, barriers and enablers, evidence, costs,
transfer, stage, a DigCompEdu competence, a SELFIE area, licence, contact) for
the community she is a member of, reloads the half-filled form and finds the
draft the browser kept, and publishes it: its page shows the sections and that
it is not verified yet. The community's facilitator finds it with the country
and stage filters, opens it and marks it verified: the page names her, and the
browse page lists it with only verified reports asked for. Every page visited
must label all its form controls.

Usage: python browser_cases.py BASE_URL FACILITATOR PASSWORD TEACHER PASSWORD COMMUNITY_TITLE
Prints "ok", and exits 0 when every step worked.
"""

import os
import re
import sys
import tempfile

from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

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
from browser_materials import (  # noqa: E402
    checked,
    draft,
    facts,
    find_in_picker,
    h1,
    report_page,
    selected_values,
    value,
)
from browser_sign_in import assert_no_csp_violations, browser, wait_until  # noqa: E402

# What the school team types and picks; tests/integration/clients.rs checks for
# the same.
TITLE = "Peer tutoring with tablets in a mountain school"
SUMMARY = "Year 9 pupils tutored year 5 pupils in fractions once a week, in pairs with a shared tablet."
REGION = "Tyrol"
CONTEXT = "A rural middle school with 220 pupils in two valleys."
PROBLEM = "Year 5 pupils fell behind in fractions after moving up from primary school."
INTERVENTION = (
    "Weekly 45-minute tutoring sessions for one term.\n\n"
    "Each pair shared a tablet with GeoGebra and worked through fraction tasks."
)
ICT_TOOLS = "GeoGebra, school tablets"
ACTORS = "Two maths teachers, 24 tutors from year 9, the head teacher."
BARRIERS = "Timetabling both year groups; tablets needed charging between lessons."
ENABLERS = "The head teacher's support; tutors trained in two short sessions."
INDICATORS = "Fraction test scores rose from 54% to 71% in one term."
EVIDENCE_LINK = "https://school.example/tutoring-evaluation.pdf"
COSTS = "No new costs beyond the existing tablets; two hours of teacher time a week."
TRANSFER = "A free period shared by both year groups, and a tablet for each pair."
CONTACT = "mathe@school.example"
COUNTRY = ("AT", "Austria")
OTHER_STAGE = "system"  # the report is not at this stage
LANGUAGE = ("de", "German")
SECTOR = ("school", "School education")
LEVEL = ("2", "Lower secondary education (ISCED 2)")
MATERIAL = "Fraction cards with pizza"  # published before, by the API
SCHOOL_SUBJECT = "physics"
FIELD = "053"  # Physical sciences, the field of physics
EVIDENCE = ("comparison", "Comparison")
STAGE = ("pilot", "Pilot")
COMPETENCE = ("5.3", "5.3 Actively engaging learners")
SELFIE = ("f", "Pedagogy: implementation in the classroom")
LICENCE = ("cc-by", "Attribution 4.0 International (CC BY 4.0)")

DRAFT = "case-new"
# The sections the report's page shows, in order, each with a text it holds.
SECTIONS = [
    ("Context", CONTEXT),
    ("Problem or need", PROBLEM),
    ("Intervention", "Each pair shared a tablet"),
    ("ICT and tools", ICT_TOOLS),
    ("Actors and roles", ACTORS),
    ("Barriers", BARRIERS),
    ("Enablers and success factors", ENABLERS),
    ("Evidence of impact", INDICATORS),
    ("Costs and resources", COSTS),
    ("Conditions for transfer", TRANSFER),
    ("Contact", CONTACT),
]
TEXTS = {
    "c-title": TITLE,
    "c-summary": SUMMARY,
    "c-region": REGION,
    "c-context": CONTEXT,
    "c-problem": PROBLEM,
    "c-intervention": INTERVENTION,
    "c-ict-tools": ICT_TOOLS,
    "c-actors": ACTORS,
    "c-barriers": BARRIERS,
    "c-enablers": ENABLERS,
    "c-evidence-indicators": INDICATORS,
    "c-evidence-links": EVIDENCE_LINK,
    "c-costs": COSTS,
    "c-transfer": TRANSFER,
    "c-contact": CONTACT,
}


def on_case_page(query: str = ""):
    """The report's page (after a publish or a verification, with `query`)."""
    return lambda d: (
        re.search(rf"/cases/\d+{re.escape(query)}$", d.current_url) and h1(d) == TITLE
    )


def case_id(driver) -> str:
    found = re.search(r"/cases/(\d+)(?:\?|$)", driver.current_url)
    assert found, f"not a case report's page: {driver.current_url}"
    return found.group(1)


def open_cases(driver) -> None:
    """Through the nav's link, from whatever page the browser is on."""
    nav_link(driver, "Case reports").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/cases") and h1(d) == "Innovation case reports",
        "the case reports page",
    )


def listed(driver) -> list:
    """The titles the case reports page lists (none when nothing matches)."""
    if absent(driver, "li.case-card"):
        return []
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "li.case-card h3 a")]


def community_value(driver, community: str) -> str:
    """The value of the community's choice in the form (its id)."""
    offered = Select(css(driver, "#c-community")).options
    options = [o for o in offered if o.text == community]
    assert len(options) == 1, f"{community} should be offered once: {[o.text for o in offered]}"
    return options[0].get_attribute("value")


def link_material(driver) -> None:
    """Finds the material by words of its title and links it."""
    css(driver, "#c-materials-find").send_keys("pizza cards")

    def result(d):
        return next((b for b in d.find_elements(By.CSS_SELECTOR, "#c-materials-found button") if MATERIAL in b.text), None)

    wait_until(driver, result, f"{MATERIAL} among the materials found")
    result(driver).click()
    wait_until(driver, lambda d: "is linked" in css(d, "[data-material-status]").text, "the material linked")
    assert "/statuses/" in value(driver, "c-materials"), value(driver, "c-materials")


def pick(driver, community: str) -> None:
    """The team's choices, as a teacher would click them."""
    Select(css(driver, "#c-language")).select_by_visible_text(LANGUAGE[1])
    Select(css(driver, "#c-country")).select_by_visible_text(COUNTRY[1])
    css(driver, f"label[for='sector-{SECTOR[0]}']").click()
    css(driver, f"label[for='level-{LEVEL[0]}']").click()
    find_in_picker(driver, "school-subject", "phys", SCHOOL_SUBJECT)
    find_in_picker(driver, "subject", "physical sci", FIELD)
    css(driver, f"label[for='evidence-{EVIDENCE[0]}']").click()
    Select(css(driver, "#c-stage")).select_by_visible_text(STAGE[1])
    css(driver, "details.competences summary").click()  # closed on a new form
    css(driver, f"label[for='digcompedu-{COMPETENCE[0]}']").click()
    css(driver, f"label[for='selfie-{SELFIE[0]}']").click()
    Select(css(driver, "#c-licence")).select_by_visible_text(LICENCE[1])
    Select(css(driver, "#c-community")).select_by_visible_text(community)
    link_material(driver)


def shows_choices(driver, community_id: str) -> list:
    """What differs between the form and what the team typed and picked (empty
    when it shows all of it)."""
    expected = {element_id: (value(driver, element_id), text) for element_id, text in TEXTS.items()}
    expected.update(
        {
            "language": (value(driver, "c-language"), LANGUAGE[0]),
            "country": (value(driver, "c-country"), COUNTRY[0]),
            "sector": (checked(driver, f"sector-{SECTOR[0]}"), True),
            "level": (checked(driver, f"level-{LEVEL[0]}"), True),
            "evidence": (checked(driver, f"evidence-{EVIDENCE[0]}"), True),
            "stage": (value(driver, "c-stage"), STAGE[0]),
            "competence": (checked(driver, f"digcompedu-{COMPETENCE[0]}"), True),
            "selfie": (checked(driver, f"selfie-{SELFIE[0]}"), True),
            "licence": (value(driver, "c-licence"), LICENCE[0]),
            "community": (selected_values(driver, "c-community"), [community_id]),
            # Only what was picked: one box of each group.
            "boxes": (
                sorted(
                    e.get_attribute("id")
                    for e in driver.find_elements(
                        By.CSS_SELECTOR,
                        "form.case-form input[type=checkbox], form.case-form input[type=radio]",
                    )
                    if e.is_selected()
                ),
                sorted(
                    [
                        f"sector-{SECTOR[0]}",
                        f"level-{LEVEL[0]}",
                        f"school-subject-{SCHOOL_SUBJECT}",
                        f"subject-{FIELD}",
                        f"evidence-{EVIDENCE[0]}",
                        f"digcompedu-{COMPETENCE[0]}",
                        f"selfie-{SELFIE[0]}",
                    ]
                ),
            ),
        }
    )
    return [f"{k}: {got!r}, not {want!r}" for k, (got, want) in expected.items() if got != want]


def draft_has_everything(community_id: str):
    def check(driver) -> bool:
        kept = draft(driver, DRAFT)
        if not kept:
            return False
        f = kept.get("fields", {})
        return (
            f.get("title") == TITLE
            and f.get("summary") == SUMMARY
            and f.get("region") == REGION
            and f.get("intervention") == INTERVENTION
            and f.get("evidence_links") == EVIDENCE_LINK
            and f.get("contact") == CONTACT
            and f.get("language") == LANGUAGE[0]
            and f.get("country") == COUNTRY[0]
            and f.get("sector") == [SECTOR[0]]
            and f.get("levels") == [LEVEL[0]]
            and f.get("school_subjects") == [SCHOOL_SUBJECT]
            and f.get("evidence_kinds") == [EVIDENCE[0]]
            and f.get("stage") == STAGE[0]
            and f.get("digcompedu") == [COMPETENCE[0]]
            and f.get("selfie") == [SELFIE[0]]
            and f.get("licence") == LICENCE[0]
            and f.get("community_id") == community_id
        )

    return check


def sections(driver) -> list:
    """The headings of the report's sections, in order."""
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "section.case-section h2")]


def section_text(driver, heading: str) -> str:
    for s in driver.find_elements(By.CSS_SELECTOR, "section.case-section"):
        if s.find_element(By.TAG_NAME, "h2").text == heading:
            return s.text
    raise AssertionError(f"no section {heading!r}: {sections(driver)}")


def document(driver, community: str) -> str:
    """The teacher fills in the form, reloads it and publishes. Returns the
    report's id."""
    open_cases(driver)
    assert listed(driver) == [], f"no case reports before: {listed(driver)}"
    css(driver, ".page-head").find_element(By.LINK_TEXT, "Share a case report").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/cases/new") and h1(d) == "Share an innovation case report",
        "the form for a new case report",
    )
    assert draft(driver, DRAFT) is None, f"no draft before typing: {draft(driver, DRAFT)}"
    community_id = community_value(driver, community)
    fill(driver, TEXTS)
    pick(driver, community)
    differences = shows_choices(driver, community_id)
    assert differences == [], f"the form does not show what was typed: {differences}"
    wait_until(
        driver,
        draft_has_everything(community_id),
        f"the draft kept in localStorage: {draft(driver, DRAFT)}",
    )
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
    differences = shows_choices(driver, community_id)
    assert differences == [], f"the restored draft differs: {differences}"

    css(driver, "form.case-form button[type=submit]").click()
    arrive(driver, on_case_page(f"?published=1&draft={DRAFT}"), "the published case report")
    report = case_id(driver)
    notice = css(driver, "p.notice").text
    assert notice.startswith("Published."), notice
    assert css(driver, "article.case-report .summary").text == SUMMARY
    shown = facts(driver)
    expected = {
        "Country": COUNTRY[1],
        "Region": REGION,
        "Sector": SECTOR[1],
        "Mainstreaming stage": STAGE[1],
        "Levels": LEVEL[1],
        "Language": LANGUAGE[1],
        "Digital competences (DigCompEdu)": COMPETENCE[1],
        "SELFIE areas": SELFIE[1],
        "Kinds of evidence": EVIDENCE[1],
        "Licence": LICENCE[1],
        "Verified": "Not yet",
        "Version": "1 · History",
    }
    wrong = {k: shown.get(k) for k, v in expected.items() if shown.get(k) != v}
    assert wrong == {}, f"facts differ from {expected}: {shown}"
    headings = sections(driver)
    assert headings == [h for h, _ in SECTIONS] + ["Teaching materials", "Licence"], headings
    assert MATERIAL in section_text(driver, "Teaching materials"), "the linked material is named"
    for heading, text in SECTIONS:
        assert text in section_text(driver, heading), f"{heading}: {section_text(driver, heading)}"
    evidence = section_text(driver, "Evidence of impact")
    assert f"Kinds of evidence: {EVIDENCE[1]}" in evidence, evidence
    links = driver.find_elements(By.CSS_SELECTOR, "ul.evidence-links a")
    assert [a.get_attribute("href") for a in links] == [EVIDENCE_LINK], [a.text for a in links]
    published_in = [
        p.text for p in driver.find_elements(By.CSS_SELECTOR, "article.case-report header p.meta")
    ]
    assert f"Published in the community {community}" in published_in, published_in
    verification = css(driver, "section.verification").text
    assert "Not verified yet" in verification, verification
    assert absent(driver, "section.verification form"), "a member may not verify it"
    assert absent(driver, ".verified-mark"), "no mark yet"
    wait_until(driver, lambda d: draft(d, DRAFT) is None, "the draft forgotten after publishing")
    return report


def search(driver, stage: str, verified: bool) -> list:
    """The case reports page filtered by the country, `stage` and (when
    `verified`) only verified reports."""
    Select(css(driver, "#f-country")).select_by_value(COUNTRY[0])
    Select(css(driver, "#f-stage")).select_by_value(stage)
    box = css(driver, "#f-verified")
    if box.is_selected() != verified:
        css(driver, "label[for=f-verified]").click()
    css(driver, "form[role=search] button[type=submit]").click()
    arrive(
        driver,
        lambda d: f"country={COUNTRY[0]}" in d.current_url
        and f"stage={stage}" in d.current_url
        and ("verified=true" in d.current_url) == verified
        and css(d, "#results-heading").text.startswith("Results"),
        f"the case reports from {COUNTRY[0]} at stage {stage}" + (", verified" if verified else ""),
    )
    assert value(driver, "f-country") == COUNTRY[0] and value(driver, "f-stage") == stage
    assert checked(driver, "f-verified") == verified
    return listed(driver)


def accept_confirm(driver) -> None:
    """Accepts a confirm dialog, if the click raised one."""
    try:
        WebDriverWait(driver, 1).until(expected_conditions.alert_is_present())
    except TimeoutException:
        return
    driver.switch_to.alert.accept()


def verify(driver, report: str, handle: str, facilitator: str, community: str) -> None:
    """The facilitator filters the reports down to it, opens it and verifies it."""
    open_cases(driver)
    found = search(driver, OTHER_STAGE, False)
    assert found == [], f"stage {OTHER_STAGE} should list nothing: {found}"
    assert "No case reports match." in css(driver, "ul.cases").text
    found = search(driver, STAGE[0], False)
    assert found == [TITLE], f"{COUNTRY[0]} at stage {STAGE[0]} should list it once: {found}"
    card = css(driver, "li.case-card")
    assert SUMMARY in card.text and f"Stage: {STAGE[1]}" in card.text, card.text
    assert absent(driver, "li.case-card .verified-mark"), "not verified yet"
    card.find_element(By.LINK_TEXT, TITLE).click()
    arrive(driver, on_case_page(), "the case report's page")
    assert case_id(driver) == report
    assert absent(driver, "section.danger-zone"), "only its author may delete it"
    assert "Not verified yet" in css(driver, "section.verification").text

    mark = css(driver, "section.verification form button[type=submit]")
    assert mark.text == "Mark as verified", mark.text
    mark.click()
    accept_confirm(driver)
    arrive(driver, on_case_page("?verified=1"), "the verified case report")
    assert case_id(driver) == report
    notice = css(driver, "p.notice").text
    assert notice.startswith("Marked as verified."), notice
    by = f"Verified by {facilitator} (@{handle}) on "
    mark = css(driver, "header .verified-mark").text
    assert by in mark, f"the mark should name {facilitator}: {mark}"
    shown = facts(driver).get("Verified", "")
    assert shown.startswith(by), f"the facts should name {facilitator}: {shown}"
    verification = css(driver, "section.verification").text
    assert by in verification and f"in the community {community}" in verification, verification
    assert "Not verified yet" not in verification, verification
    button = css(driver, "section.verification form button[type=submit]")
    assert button.text == "Remove the verification", button.text

    # Verified only, the page lists it, with the mark.
    css(driver, "p.back a").click()
    arrive(
        driver,
        lambda d: d.current_url.endswith("/cases") and h1(d) == "Innovation case reports",
        "the case reports page from the report",
    )
    found = search(driver, STAGE[0], True)
    assert found == [TITLE], f"verified reports should list it once: {found}"
    mark = css(driver, "li.case-card .verified-mark").text
    assert mark.startswith(f"Verified by {facilitator} (@{handle}) on "), mark


def report_failure(driver) -> None:
    """Where the browser was when a step failed (after closing a dialog left open)."""
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        pass
    report_page(driver)


def main(
    base: str, facilitator: str, facilitator_pw: str, teacher: str, teacher_pw: str, community: str
) -> None:
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        driver.implicitly_wait(5)
        try:
            sign_in(driver, base, teacher, teacher_pw)
            report = document(driver, community)
            sign_out(driver)

            sign_in(driver, base, facilitator, facilitator_pw)
            host = base.split("//", 1)[1].rstrip("/")
            verify(driver, report, f"{facilitator}@{host}", facilitator, community)
            sign_out(driver)
            assert_no_csp_violations(driver)
            print("ok")
        except Exception:
            report_failure(driver)
            raise
        finally:
            driver.quit()


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:7])

"""The form editor at /admin/ as a maintainer tries it: `hyteguide serve` on a copy of the example
region, Decap CMS in Chromium against the preview's local backend, in Finnish.

Issue 22's checks: create an organisation with an activity, a weekly rule with a summer break
and a cancelled day, and a Swedish title; the file written passes the loader (what `check`
runs), builds and shows on the site; edit one field of an existing entry and see a one-line
diff. The editor's own pages are measured with axe; Decap's faults are reported, not hidden
(printed, and written to editor_axe.json in the test's temporary folder).
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hyteguide.content.load import load_content
from tests.browsing import WCAG_TAGS, axe_violations, describe
from tests.conftest import REPO
from tests.preview.running import get, running_preview, wait_for

pytestmark = pytest.mark.browser

TODAY = "2026-12-07"
EXISTING = "content/organisations/jarvenpaan-mielitupa.md"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`hyteguide serve` on a copy of the example content (the repository's templates)."""
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(REPO / "content", root / "content")
    with running_preview(root, REPO / "templates", "--today", TODAY) as running:
        yield running


@pytest.fixture
def editor(browser, preview):
    """The editor's page, signed in to the local backend; requests to other hosts fail the
    test (the editor must work without the network)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    foreign: list[str] = []
    errors: list[str] = []

    def route(route) -> None:  # noqa: ANN001 - a Playwright Route
        if route.request.url.startswith(preview.url):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(preview.url + "admin/")
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.get_by_text("Järjestöt").first.wait_for()
    yield page
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"errors in the editor: {errors}"


def control(page, *labels: str):  # noqa: ANN001, ANN201 - Playwright objects
    """The input of the last label, found after each label before it in the page's order
    (a form's fields nest: 'Toiminta' › 'Nimi' › 'ruotsiksi')."""
    path = f"//label[normalize-space()='{labels[0]}']"
    for label in labels[1:]:
        path += f"/following::label[normalize-space()='{label}'][1]"
    target = page.locator(f"xpath={path}").first.get_attribute("for")
    return page.locator(f"[id='{target}']")


def choose(page, box, text: str) -> None:  # noqa: ANN001
    """Pick an option of a select by typing its label, as a keyboard user does."""
    box.click()
    page.keyboard.type(text)
    page.get_by_role("option", name=text, exact=True).first.wait_for()
    page.keyboard.press("Enter")


def publish(page) -> None:  # noqa: ANN001
    page.get_by_role("button", name="Julkaise").first.click()
    page.get_by_text("Julkaise nyt").click()
    page.get_by_text("Muutokset tallennettu", exact=True).wait_for(timeout=20_000)


def wait_for_file(path: Path, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while not path.is_file():
        assert time.monotonic() < deadline, f"{path} was not written"
        time.sleep(0.1)
    return path.read_text("utf-8")


def test_a_new_organisation_made_in_the_form_passes_check_and_shows_on_the_site(
        editor, preview):
    page = editor
    page.goto(preview.url + "admin/#/collections/organisations/new")
    control(page, "Nimi", "suomeksi").fill("Testikylän kävelijät ry")
    control(page, "Lyhyt kuvaus", "suomeksi").fill("Kävelyryhmiä kaikenikäisille.")
    choose(page, control(page, "Kunnat"), "Kerava")
    page.get_by_role("button", name="Lisää toiminta").click()
    activity = "Toiminta (vapaaehtoinen)"
    control(page, activity, "Tunnus").fill("iltakavely")
    control(page, activity, "Nimi", "suomeksi").fill("Iltakävely")
    control(page, activity, "Nimi", "ruotsiksi (vapaaehtoinen)").fill("Kvällspromenad")
    control(page, activity, "Lyhyt kuvaus", "suomeksi").fill("Kävellään yhdessä tunnin lenkki.")
    choose(page, control(page, activity, "Toimintamuoto"), "Liikuntaryhmä")
    page.get_by_role("button", name="Lisää aikataulusääntö").click()
    page.get_by_role("menuitem", name="Joka viikko").click()
    choose(page, control(page, "Aikataulu (vapaaehtoinen)", "Viikonpäivät"), "tiistai")
    page.get_by_role("button", name="Lisää kellonaika").click()
    control(page, "Aikataulu (vapaaehtoinen)", "Kellonaika (vapaaehtoinen)",
            "kellonaika").fill("18:00-19:00")
    control(page, "Aikataulu (vapaaehtoinen)", "Alkaa (vapaaehtoinen)").fill("2027-01-12")
    page.get_by_role("button", name="Lisää tauko").click()
    control(page, "Tauot (vapaaehtoinen)", "Alkaa").fill("2027-06-01")
    control(page, "Tauot (vapaaehtoinen)", "Päättyy").fill("2027-08-15")
    page.get_by_role("button", name="Lisää peruttu päivä").click()
    control(page, "Perutut kerrat (vapaaehtoinen)", "Päivä").fill("2027-02-16")
    control(page, "Perutut kerrat (vapaaehtoinen)", "Syy (vapaaehtoinen)",
            "suomeksi (vapaaehtoinen)").fill(
        "Laskiainen")
    publish(page)

    written = wait_for_file(preview.root / "content/organisations/testikylan-kavelijat-ry.md")
    check = subprocess.run([sys.executable, "-m", "hyteguide", "check", "--content", "content",
                            "--today", TODAY], cwd=preview.root, capture_output=True, text=True)
    assert check.returncode == 0 and "No problems found." in check.stdout + check.stderr, \
        check.stdout + check.stderr
    content = load_content(preview.root / "content")
    organisation = next(o for o in content.organisations
                        if o.slug == "testikylan-kavelijat-ry")
    activity_ = organisation.activities[0]
    assert activity_.title.items == (("fi", "Iltakävely"), ("sv", "Kvällspromenad"))
    rule = activity_.schedule[0]
    assert rule.weekly == (1,) and str(rule.start) == "2027-01-12"
    assert [(str(r.start), str(r.end)) for r in rule.exceptions] == [("2027-06-01", "2027-08-15")]
    assert [str(c.date) for c in rule.cancelled] == ["2027-02-16"]
    assert [c.note.items for c in rule.cancelled] == [(("fi", "Laskiainen"),)]
    assert [str(t) for t in rule.times] and rule.times[0].start.isoformat() == "18:00:00"
    assert "kind:" not in written and "_source" not in written  # the form's own keys stay out

    status, body = wait_for(preview.url + "organisations/testikylan-kavelijat-ry/",
                            lambda status, body: status == 200, 20, preview.log,
                            "the new organisation's page")
    assert "Testikylän kävelijät ry" in body and "Iltakävely" in body
    status, body = get(preview.url + "sv/activities/testikylan-kavelijat-ry/iltakavely/")
    assert status == 200 and "Kvällspromenad" in body


def test_editing_one_field_changes_one_line(editor, preview):
    page = editor
    path = preview.root / EXISTING
    before = path.read_text("utf-8")
    page.goto(preview.url + "admin/#/collections/organisations/entries/jarvenpaan-mielitupa")
    phone = control(page, "Puhelin (vapaaehtoinen)")
    phone.wait_for()
    phone.fill("+358 40 000 9999")
    publish(page)
    deadline = time.monotonic() + 20
    while path.read_text("utf-8") == before:
        assert time.monotonic() < deadline, "the file was not saved"
        time.sleep(0.1)
    after = path.read_text("utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                     lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ['-phone: "+358 40 000 1101"', '+phone: "+358 40 000 9999"']
    load_content(preview.root / "content")


def test_an_organisations_page_opens_its_entry_in_the_form(editor, preview):
    page = editor
    page.goto(preview.url + "organisations/keravan-olohuone/")
    page.get_by_role("link", name="Muokkaa tietoja lomakkeella").click()
    name = control(page, "Nimi", "suomeksi")
    name.wait_for()
    assert name.input_value() == "Keravan Olohuone ry"


def test_the_editors_pages_are_measured_with_axe(editor, preview, axe_path):
    """axe on the editor's views: our page's own parts must pass; Decap's faults are written
    to editor_axe.json and listed in the test's output for the closing note."""
    page = editor
    found: dict[str, list[dict]] = {}
    for view in ("#/collections/organisations", "#/collections/organisations/new",
                 "#/collections/organisations/entries/jarvenpaan-mielitupa"):
        page.goto(preview.url + "admin/" + view)
        page.wait_for_timeout(1500)
        found[view] = axe_violations(page, axe_path)
    ours = {"html-has-lang", "html-lang-valid", "document-title", "meta-viewport"}
    for view, violations in found.items():
        assert not [v for v in violations if v["id"] in ours], f"{view}: {describe(violations)}"
    report = {view: [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                      "nodes": len(v["nodes"])} for v in violations]
              for view, violations in found.items()}
    (preview.root / "editor_axe.json").write_text(
        json.dumps({"tags": WCAG_TAGS, "views": report}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8")
    print(json.dumps(report, indent=1, ensure_ascii=False))


@pytest.mark.parametrize("path, button", [
    ("admin/", "Kirjaudu GitHub-tunnuksella"),
    ("sv/admin/", "Logga in med GitHub"),
    ("en/admin/", "Login with GitHub")])
def test_the_published_editor_signs_in_to_github_in_the_interface_language(
        browser, served_site, path, button):
    """The built site's editor: Decap from the site itself (no other host before sign-in),
    no errors, no policy violation, and the sign-in in the page's language."""
    from tests.browsing import assert_clean, visit

    with visit(browser, served_site.url + path) as (page, record):
        violations: list[str] = []
        page.evaluate("""() => document.addEventListener('securitypolicyviolation',
            e => (window.__violations = window.__violations || []).push(e.violatedDirective))""")
        page.get_by_role("button", name=button).wait_for(timeout=20_000)
        violations = page.evaluate("() => window.__violations || []")
        assert page.evaluate("() => document.documentElement.lang") == path.split("/")[0] \
            .replace("admin", "fi")
    assert_clean(record)
    assert violations == []

"""Decap CMS 3.16.3 in Swedish in Chromium, with templates/assets/admin/locale-sv.js filling
what Decap's own Swedish lacks: decap-cms.js, locale-fi.js and locale-sv.js as classic scripts
in this order (as the admin page loads them), and a configuration with `locale: sv` and the
editorial workflow. The login page, an entry's form (a list widget, its items, the notes pane),
the collection view (with its unpublished entries) and the workflow board show our Swedish
phrases and none of the English phrases Decap's Swedish lacks (in text, labels, titles or
placeholders, shown or not), with no errors and no request to another host.

The English phrases looked for are computed in the page from the bundle itself: Decap's
English keys that Decap's registered Swedish (read before our script runs) lacks. The page is
the test's own (Decap's test-repo backend, kept in the browser's memory), so the test holds the
locale, not /admin/'s configuration.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.decappage import decap_page
from tests.browsing import assert_clean, visit

pytestmark = pytest.mark.browser

CONFIG = {
    "backend": {"name": "test-repo"}, "load_config_file": False, "locale": "sv",
    "publish_mode": "editorial_workflow", "media_folder": "img",
    "collections": [{
        "name": "organisations", "label": "Organisationer", "label_singular": "Organisation",
        "folder": "organisations", "create": True, "editor": {"notes": True},
        "fields": [{"name": "name", "label": "Namn", "widget": "string"},
                   {"name": "contacts", "label": "Kontaktpersoner",
                    "label_singular": "kontaktperson", "widget": "list",
                    "fields": [{"name": "role", "label": "Roll", "widget": "string"}]}]}]}
# A published entry, so that the collection view lists unpublished ones under a heading of their
# own. DECAP_SV: Decap's Swedish as decap-cms.js registered it, before our scripts run.
REPO_FILES = {"organisations": {"gamla.md": {
    "content": "---\nname: Gamla föreningen rf\ncontacts: []\n---\n"}}}
PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Redigering</title>
<script>window.CMS_MANUAL_INIT = true; window.repoFiles = %s;</script></head><body>
<script src="decap/decap-cms.js"></script>
<script>window.DECAP_SV = CMS.getLocale("sv");</script>
<script src="locale-fi.js"></script>
<script src="locale-sv.js"></script>
<script>CMS.init({config: %s});</script>
</body></html>
"""
# Decap's English phrases whose keys Decap's Swedish lacks.
GAPS_JS = """() => {
  const flat = (phrases, prefix = "") => Object.entries(phrases).flatMap(([key, value]) =>
    value && typeof value === "object" ? flat(value, prefix + key + ".") : [[prefix + key, value]]);
  const swedish = new Set(flat(window.DECAP_SV).map(([key]) => key));
  return flat(CMS.getLocale("en")).filter(([key]) => !swedish.has(key)).map(([, phrase]) => phrase);
}"""
# Every string a reader or a screen reader may meet: text (shown or hidden) and the attributes
# that name or describe things.
STRINGS_JS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (!walker.currentNode.parentElement.closest("script, style")) {
      found.push(walker.currentNode.nodeValue);
    }
  }
  for (const name of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
    for (const element of document.querySelectorAll(`[${name}]`)) {
      found.push(element.getAttribute(name));
    }
  }
  return found.map((text) => text.trim()).filter(Boolean);
}"""
PLACEHOLDER = re.compile(r"%\{[^}]*\}")


def pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as Decap shows it: each placeholder filled with something."""
    return re.compile(".+?".join(map(re.escape, PLACEHOLDER.split(phrase.strip()))), re.S)


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    page = PAGE % (json.dumps(REPO_FILES), json.dumps(CONFIG, ensure_ascii=False))
    with decap_page(tmp_path_factory.mktemp("admin"), page,
                    ("locale-fi.js", "locale-sv.js")) as url:
        yield url


def test_decap_speaks_swedish_without_english_gaps(browser, admin):
    with visit(browser, admin) as (page, record):
        page.get_by_role("button", name="Logga in").wait_for()
        gaps = [pattern(phrase) for phrase in page.evaluate(GAPS_JS)]
        assert len(gaps) >= 40  # Decap 3.16.3's Swedish lacks 48 of its English phrases

        def english_seen() -> list[str]:
            return sorted({text for text in page.evaluate(STRINGS_JS)
                           for gap in gaps if gap.fullmatch(text)})

        def swedish_missing(*phrases: str) -> list[str]:
            strings = page.evaluate(STRINGS_JS)
            return [phrase for phrase in phrases if phrase not in strings]

        views = {}
        views["login"] = english_seen()
        page.get_by_role("button", name="Logga in").click()
        page.get_by_text("Samlingar").first.wait_for()

        # An entry's form: the list widget, an item of it, then saved, its notes pane.
        page.goto(f"{admin}#/collections/organisations/new")
        page.get_by_role("button", name="Lägg till kontaktperson").click()
        page.get_by_role("button", name="Fäll ihop").first.wait_for()
        assert swedish_missing("Lägg till kontaktperson", "Fäll ihop",
                               "Fält av typen string", "Fält av typen list") == []
        views["new entry"] = english_seen()
        page.get_by_label("Namn", exact=True).fill("Exempelföreningen rf")
        page.get_by_label("Roll", exact=True).fill("Ordförande")
        page.get_by_role("button", name="Spara", exact=True).click()
        # A saved entry shows its notes beside the form (Decap puts notes before the preview).
        page.get_by_text("Inga anteckningar ännu.", exact=False).wait_for()
        assert swedish_missing("Visa/dölj anteckningar", "Anteckningar", "Skriv en anteckning…",
                               "Lägg till anteckning") == []
        views["saved entry with notes"] = english_seen()

        # The collection: its view buttons, the account menu and its unpublished entries.
        page.goto(f"{admin}#/collections/organisations")
        page.get_by_text("Opublicerade inlägg").wait_for()
        page.get_by_text("Exempelföreningen rf").first.wait_for()
        page.get_by_text("Gamla föreningen rf").first.wait_for()
        assert swedish_missing("Visa som lista", "Visa som rutnät", "Kontomeny") == []
        views["collection"] = english_seen()

        # The editorial workflow board, with the entry as a draft.
        page.goto(f"{admin}#/workflow")
        page.get_by_text("Redaktionellt arbetsflöde").wait_for()
        page.get_by_text("Exempelföreningen rf").first.wait_for()
        assert swedish_missing("Utkast", "Under granskning", "Kontomeny") == []
        views["workflow"] = english_seen()

        assert views == dict.fromkeys(views, [])
        assert_clean(record)

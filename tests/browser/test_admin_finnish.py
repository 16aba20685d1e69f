"""Decap CMS 3.16.3 in Finnish in Chromium: decap-cms.js, then templates/assets/admin/locale-fi.js
as classic scripts in this order (as the admin page loads them), and a configuration with
`locale: fi`. The login page, the collection view, an entry's form and the editorial workflow
show our Finnish phrases and none of Decap's English ones, with no errors and no request to
another host. The page here is the test's own (Decap's test-repo backend, kept in the
browser's memory), so the test holds the locale, not /admin/'s configuration.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.decappage import decap_page
from tests.browsing import assert_clean, visit

pytestmark = pytest.mark.browser

CONFIG = {
    "backend": {"name": "test-repo"}, "load_config_file": False, "locale": "fi",
    "publish_mode": "editorial_workflow", "media_folder": "img",
    "collections": [{
        "name": "organisations", "label": "Järjestöt", "label_singular": "Järjestö",
        "folder": "content/organisations", "create": True,
        "fields": [{"name": "name", "label": "Nimi", "widget": "string"},
                   {"name": "contacts", "label": "Yhteyshenkilöt",
                    "label_singular": "yhteyshenkilö", "widget": "list",
                    "fields": [{"name": "role", "label": "Rooli", "widget": "string"}]}]}]}
PAGE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Ylläpito</title>
<script>window.CMS_MANUAL_INIT = true;</script></head><body>
<script src="decap/decap-cms.js"></script>
<script src="locale-fi.js"></script>
<script>CMS.init({config: %s});</script>
</body></html>
"""
# (where, Finnish shown, English that must not be) per view.
VIEWS = {
    "": (["Sisällöt", "Lisää uusi", "Sisältötyypit", "＋ Järjestö", "Järjestä",
          "Ei sisältöjä"], ["Contents", "Quick add", "Collections", "Sort by", "No Entries"]),
    "collections/organisations/new": (
        ["Sisältötyyppi: Järjestöt", "Tallenna", "Lisää yhteyshenkilö"],
        ["Writing in", "Save", "Add yhteyshenkilö"]),
    "workflow": (["Työnkulku", "Julkaisun työnkulku", "Uusi sisältö", "Luonnokset",
                  "Tarkistettavana", "Valmis julkaistavaksi",
                  "0 sisältöä odottaa tarkistusta, valmiina julkaistavaksi 0."],
                 ["Workflow", "Editorial Workflow", "New Post", "Drafts", "In Review",
                  "waiting for review"]),
}


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    page = PAGE % json.dumps(CONFIG, ensure_ascii=False)
    with decap_page(tmp_path_factory.mktemp("admin"), page, ("locale-fi.js",)) as url:
        yield url


def test_decap_speaks_finnish(browser, admin):
    with visit(browser, admin) as (page, record):
        page.get_by_role("button", name="Kirjaudu sisään").click()
        page.get_by_text("Sisältötyypit").wait_for()
        for view, (finnish, english) in VIEWS.items():
            if view:
                page.goto(f"{admin}#/{view}")
                page.get_by_text(finnish[0], exact=True).first.wait_for()
            text = page.inner_text("body")
            assert [phrase for phrase in finnish if phrase not in text] == [], view
            assert [phrase for phrase in english if phrase in text] == [], view
        assert_clean(record)

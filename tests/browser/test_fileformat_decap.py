"""The editor's file format inside Decap CMS itself (issue 22, point 3), in Chromium.

tests/editor/test_fileformat.py proves the format in node; here Decap CMS 3.16.3 from
node_modules runs it through its own code path: it reads the file with our fromFile, holds the
data in its Immutable store while its widgets edit it, and saves with our toFile
(`entryToRaw`: `toFile(entry.get('data').toJS(), …)`). The backend is Decap's in-memory
test-repo, seeded with an example file. The configuration is a small one of this test's (two
fields; the generated one is editor/config.py's): the fields it leaves out, and the file's
text kept in the data, must survive the editor untouched.
"""

from __future__ import annotations

import difflib
import json
import shutil

import pytest

from hyteguide.editor.shapes import shapes_document
from tests.browsing import visit
from tests.conftest import CONTENT, REPO, LocalServer

pytestmark = pytest.mark.browser

NODE_MODULES = REPO / "node_modules"
OLOHUONE = (CONTENT / "organisations" / "keravan-olohuone.md").read_text(encoding="utf-8")
LANGUAGES = [{"name": lang, "label": lang, "widget": "string", "required": lang == "fi"}
             for lang in ("fi", "sv", "en")]
CONFIG = {
    "load_config_file": False, "backend": {"name": "test-repo"}, "media_folder": "media",
    "collections": [{
        "name": "organisations", "label": "Organisations", "folder": "content/organisations",
        "extension": "md", "format": "hyteguide-organisations", "create": True,
        "identifier_field": "name.fi", "slug": "{{fields.name.fi}}",
        "fields": [{"name": "name", "label": "Name", "widget": "object", "fields": LANGUAGES},
                   {"name": "phone", "label": "Phone", "widget": "string", "required": False}],
    }],
}
PAGE = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Admin</title></head>
<body><script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/decap-cms.js"></script>
<script type="module">
import { register } from "./fileformat.js";
const get = async (name) => (await fetch(name)).json();
window.repoFiles = Object.assign(window.repoFiles || {}, await get("repo.json"));
register(window.CMS, await get("shapes.json"));
window.CMS.init({ config: await get("config.json") });
</script></body></html>
"""
SAVED = "(name) => window.repoFiles.content.organisations[name]?.content"


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    """Decap CMS, our format and its yaml, as the site's admin/ serves them."""
    decap = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
    if not decap.is_file():
        pytest.skip("node_modules/decap-cms is missing: run npm ci")
    www = tmp_path_factory.mktemp("www")
    folder = www / "hyteguide" / "admin"
    shutil.copytree(decap.parent, folder / "decap",
                    ignore=shutil.ignore_patterns("*.map", "*.cms.js"))
    shutil.copytree(NODE_MODULES / "yaml" / "browser" / "dist", folder / "lib" / "yaml")
    for script in (REPO / "templates" / "assets" / "admin").glob("*.js"):
        shutil.copy(script, folder / script.name)
    files = {"content": {"organisations": {"keravan-olohuone.md": {"content": OLOHUONE}}}}
    for name, data in (("shapes.json", shapes_document(("fi", "sv", "en"))),
                       ("config.json", CONFIG), ("repo.json", files)):
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    with LocalServer(www) as server:
        yield server.url + "admin/"


def publish(page) -> None:  # noqa: ANN001 - a Playwright Page
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()


def test_a_field_edited_in_decap_changes_one_line_and_nothing_else(browser, admin):
    url = admin + "#/collections/organisations/entries/keravan-olohuone"
    with visit(browser, url) as (page, record):
        page.get_by_role("button", name="Login").click()
        phone = page.locator("input").nth(3)
        phone.wait_for()
        assert [field.input_value() for field in page.locator("input").all()] == [
            "Keravan Olohuone ry", "", "", "+358 40 000 0000"]
        phone.fill("+358 40 000 1234")
        page.locator("input").nth(1).fill("Vardagsrummet i Kervo rf")
        publish(page)
        page.wait_for_function(f"() => ({SAVED})('keravan-olohuone.md') !== {json.dumps(OLOHUONE)}")
        saved = page.evaluate(SAVED, "keravan-olohuone.md")
        assert not record.foreign
    diff = [line for line in difflib.unified_diff(OLOHUONE.splitlines(), saved.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert diff == ["-name: Keravan Olohuone ry",
                    "+name: {fi: Keravan Olohuone ry, sv: Vardagsrummet i Kervo rf}",
                    '-phone: "+358 40 000 0000"',
                    '+phone: "+358 40 000 1234"']


def test_a_new_entry_made_in_decap_is_written_in_the_guides_style(browser, admin):
    with visit(browser, admin + "#/collections/organisations/new") as (page, record):
        page.get_by_role("button", name="Login").click()
        page.locator("input").nth(3).wait_for()
        page.locator("input").nth(0).fill("Uusi yhdistys ry")
        page.locator("input").nth(3).fill("040 000 1234")
        publish(page)
        page.wait_for_function(f"() => ({SAVED})('uusi-yhdistys-ry.md')")
        saved = page.evaluate(SAVED, "uusi-yhdistys-ry.md")
        assert not record.foreign
    assert saved == '---\nname: Uusi yhdistys ry\nphone: "040 000 1234"\n---\n'


"""The form editor's files in a build (editor/files.py): a site whose site.yaml names a GitHub
repository has /admin/ in each language, with Decap and our scripts, and its organisation and
activity pages link to their entry in the form; a site without one has none of it."""

from __future__ import annotations

import datetime as dt

import yaml
from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from tests.conftest import TEMPLATES
from tests.helpers import SITE_YAML, make_site

TODAY = dt.date(2026, 12, 7)


def built(tmp_path, site_yaml: str):
    root = make_site(tmp_path, {"site.yaml": site_yaml})
    output = tmp_path / "site"
    report = build(root, TEMPLATES, output, today=TODAY)
    return output, str(report)


def links(page) -> list[str]:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return [a["href"] for a in soup.select(".entry-meta a")]


def test_a_site_with_a_github_repository_has_the_editor(tmp_path):
    output, report = built(tmp_path, SITE_YAML + "repository: https://github.com/alue/opas\n")
    config = yaml.safe_load((output / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "alue/opas"
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    assert (output / "assets" / "vendor" / "decap" / "decap-cms.js").is_file()
    assert (output / "assets" / "admin" / "lib" / "yaml" / "index.js").is_file()
    decap = output / "assets" / "vendor" / "decap"
    assert "decap-cms.js.LICENSE.txt" in (decap / "decap-cms.js").read_text("utf-8")[:200]
    assert (decap / "decap-cms.js.LICENSE.txt").is_file()  # the licences ship with the code
    assert "ISC" in (output / "assets" / "admin" / "lib" / "yaml" / "LICENSE").read_text()
    assert not list(decap.glob("*.map"))
    for name in ("setup.js", "editor.js", "fileformat.js", "locale-fi.js", "locale-sv.js",
                 "shapes.json"):
        assert (output / "assets" / "admin" / name).is_file(), name
    page = BeautifulSoup((output / "admin" / "index.html").read_text("utf-8"), "html.parser")
    assert page.html["lang"] == "fi"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert [s["src"] for s in page.find_all("script")] == [
        "../assets/admin/setup.js", "../assets/vendor/decap/decap-cms.js",
        "../assets/admin/locale-fi.js", "../assets/admin/locale-sv.js",
        "../assets/admin/editor.js"]
    organisation = output / "organisations" / "yhdistys" / "index.html"
    assert "../../admin/#/collections/organisations/entries/yhdistys" in links(organisation)
    assert "admin" not in (output / "sitemap.xml").read_text("utf-8")
    # The editor's code is the same for any guide: not a share of each organisation.
    assert "Size per organisation" in report


def test_a_site_without_a_github_repository_has_no_editor(tmp_path):
    output, _ = built(tmp_path, SITE_YAML)
    assert not (output / "admin").exists()
    assert not (output / "assets" / "vendor" / "decap").exists()
    organisation = output / "organisations" / "yhdistys" / "index.html"
    assert not [href for href in links(organisation) if "admin" in href]

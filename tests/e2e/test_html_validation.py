"""The HTML is valid: the Nu HTML Checker (vnu.jar from the npm package vnu-jar, run with Java)
finds no errors in any page of the example region, in every language, nor in its CSS and SVG;
nor in the pages of a small site full of hostile content and awkward Markdown (editors' Markdown
passes through the sanitiser into the pages, so it must come out valid too); nor in the paged
pages of a generated region built with small page sizes (conftest.paged_site: pagination,
calendar days, handouts split by theme).

Every file is checked in ONE run of the checker (one JVM: seconds, not minutes). Without Java or
node_modules/vnu-jar (npm ci) the tests are skipped, but they fail when CI is set. Alone:

    .venv/bin/python -m pytest tests/e2e/test_html_validation.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hyteguide.build.pipeline import build
from tests.conftest import REPO, TODAY
from tests.e2e.test_e2e_hostile import BASE_URL as HOSTILE_BASE_URL
from tests.e2e.test_e2e_hostile import hostile_files
from tests.helpers import make_site

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SHOWN = 50  # errors listed when the check fails

# Markdown as editors really write it, and worse: skipped heading levels, uneven tables, nested
# and mixed lists, and raw HTML that the sanitiser keeps but that breaks the content model
# (<li> outside a list, <p> in a heading, a late <caption>, a <dt> without <dd>, an empty row),
# bad attribute values (scope, lang, hreflang), links with spaces, quotes and pipes in them, a
# phone link with spaces, and character references to control characters.
AWKWARD_MARKDOWN = """\
# Otsikko ykköstasolla

#### Neljäs taso suoraan

Alleviivattu otsikko
--------------------

| Päivä | Aika | Huom |
|:--|:-:|--:|
| ti | **10–12** | <script>alert(1)</script> |
| vain yksi |
| 1 | 2 | 3 | 4 |

- yksi
    - sisäkkäinen
        1. numeroitu *kursiivi*
        2. <b>lihava</b>
- kaksi

1. a
2. b

* vaihto

> lainaus
> > sisäkkäinen
>
> - lista lainauksessa

<table border="1"><tr><td>raw</td><td colspan="2" style="color:red">b</td></tr>
<tr><th scope="bogus"><h3>otsikko solussa</h3></th></tr><caption>myöhäinen otsikko</caption>
<tr></tr></table>

<li>orpo listan kohta</li>

<dl><dt>termi</dt><dd>selitys</dd><dt>termi ilman selitystä</dt></dl>

<dd>pelkkä selitys</dd>

<ul>teksti listassa<p>kappale listassa</p><li>kohta</li></ul>

<h2><p>kappale otsikossa</p></h2>

<p>kappale <div>jossa div</div> <table><tr><td>ja taulukko</td></tr></table></p>

<b><p>lihava kappale</p><ul><li>lista lihavassa</li></ul><hr><h4>otsikko lihavassa</h4></b>

<span lang="not a language">kieli</span> <span lang="sv_FI">svenska</span>
<span lang="fin">suomi</span> <span lang="">tuntematon</span> <p lang="smn">anarâškielâ</p>

<a href="https://example.org/a b?c d#e#f" hreflang="xx-!!">välilyönnit</a>
<a href='https://example.org/"x"|[1]^{2}`'>merkit</a> <a href="https://example.org/100%">%</a>
<a href="tel:+358 40 123 4567">puhelin</a> <a href="mailto:a b@example.org">posti</a>
<a name="ankkuri">ankkuri</a> <a href="https://exa mple.org/">rikki</a>
<a href="https://ok.example/"><h3>otsikko linkissä</h3></a>

<font color=red>font</font><center>keskitetty</center><u>alleviivattu</u>
<details><summary>yhteenveto</summary>piilossa</details>

    <p>koodilohko</p> & <script>

`<b>` &#14; &#x1F; &#0; &#x80; &#xFDD0; &nbsp; &amp; < >

***

Rivinvaihto lopussa\x20\x20
seuraava rivi<br>ja br<br/>

###### Kuudes taso

## Loppu
"""


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the HTML validation."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the HTML validation must run)")
    pytest.skip(reason)


def vnu(files: list[Path]) -> list[dict]:
    """The errors the Nu HTML Checker finds in files (HTML, CSS, SVG), in one run."""
    java = shutil.which("java")
    if java is None:
        unavailable("java is not on PATH: apt-get install default-jre-headless")
    if not VNU.is_file():
        unavailable(f"{VNU.relative_to(REPO)} is missing: run npm ci")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always",
         "--errors-only", "--no-langdetect", "--also-check-css", "--also-check-svg",
         *map(str, files)],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    if "UnsupportedClassVersionError" in result.stderr:
        unavailable(f"vnu.jar needs a newer Java than {java}: {result.stderr.strip()[:300]}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no report (exit status {result.returncode}):\n"
                    f"{result.stderr[-2000:]}")
    return [m for m in report["messages"] if m.get("type") != "info"]


def file_of(message: dict) -> Path:
    return Path(unquote(urlsplit(message.get("url", "")).path)).resolve()


def formatted(messages: list[dict], roots: dict[Path, str]) -> str:
    """`file:line:col: message` for the first SHOWN messages, files relative to their site."""
    def where(path: Path) -> str:
        for root, label in roots.items():
            if path.is_relative_to(root):
                return label + path.relative_to(root).as_posix()
        return str(path)

    lines = [f"{where(file_of(m))}:{m.get('firstLine', m.get('lastLine', 0))}:"
             f"{m.get('firstColumn', m.get('lastColumn', 0))}: {m.get('message', '')}"
             for m in messages[:SHOWN]]
    more = f"\n… and {len(messages) - SHOWN} more" if len(messages) > SHOWN else ""
    return f"{len(messages)} errors; the first {min(len(messages), SHOWN)}:\n" + \
        "\n".join(lines) + more


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, sources) -> Path:
    """The hostile content of test_e2e_hostile, plus a free page of awkward Markdown."""
    root = tmp_path_factory.mktemp("hostile-html")
    files = hostile_files()
    files["pages/markdown.md"] = ("---\ntitle: Markdown\nsummary: Kaikki Markdownin muodot.\n"
                                  "---\n" + AWKWARD_MARKDOWN)
    content = make_site(root, files)
    output = root / "site"
    build(content, sources.templates, output, today=TODAY, base_url=HOSTILE_BASE_URL)
    return output


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> Path:
    """A page with known errors: proves that the checker really checked the files given."""
    path = tmp_path_factory.mktemp("canary") / "invalid.html"
    path.write_text('<!DOCTYPE html>\n<html lang="fi"><head><title>x</title></head>\n'
                    "<body><ul><p>x</p></ul><h2>a</h2><h4>b</h4></body></html>\n",
                    encoding="utf-8")
    return path


class Checked:
    """The files given to the single run of the checker, and its errors by file."""

    def __init__(self, groups: dict[str, list[Path]], errors: list[dict], roots: dict[Path, str]):
        self.groups = groups
        self.roots = roots
        self.errors: dict[str, list[dict]] = {}
        owner = {path: group for group, paths in groups.items() for path in paths}
        for message in errors:
            group = owner.get(file_of(message), "unknown")  # an error in no file given: fail
            self.errors.setdefault(group, []).append(message)

    def report(self, *groups: str) -> str:
        return formatted([m for g in groups for m in self.errors.get(g, [])], self.roots)


@pytest.fixture(scope="module")
def checked(built_site, hostile_site, canary, paged_site) -> Checked:
    example, hostile_site, canary = (p.resolve() for p in (built_site.root, hostile_site, canary))
    paged = paged_site.root.resolve()
    groups = {
        "example": [example / f for f in built_site.html_files()],
        "assets": [example / f for f in built_site.files() if f.endswith((".css", ".svg"))],
        "hostile": sorted(hostile_site.rglob("*.html")),
        "paged": [paged / f for f in paged_site.pages() if re.search(
            r"(^|/)(index\.html$|handout/|calendar/)", f) or 'class="pagination"' in
            paged_site.read(f)],
        "canary": [canary],
    }
    roots = {example: "", hostile_site: "hostile:", paged: "paged:", canary.parent: "canary:"}
    return Checked(groups, vnu([path for paths in groups.values() for path in paths]), roots)


def test_every_page_of_the_example_is_checked(built_site, checked):
    pages = checked.groups["example"]
    assert len(pages) > 100
    for lang in built_site.languages[1:]:
        assert any(p.relative_to(built_site.root).parts[0] == lang for p in pages), lang
    assert {p.suffix for p in checked.groups["assets"]} == {".css", ".svg"}


def test_the_checker_finds_errors(checked):
    """Guards the rest: a run that checked nothing would find nothing either."""
    found = " ".join(m.get("message", "") for m in checked.errors.get("canary", []))
    assert "not allowed as child of element “ul”" in found, checked.report("canary")
    assert "skipping 1 heading level" in found, checked.report("canary")


def test_example_html_has_no_errors(checked):
    assert not checked.errors.get("example") and not checked.errors.get("unknown"), \
        checked.report("example", "unknown")


def test_example_css_and_svg_have_no_errors(checked):
    assert not checked.errors.get("assets"), checked.report("assets")


def test_paged_pages_have_no_errors(checked):
    assert len(checked.groups["paged"]) > 500
    assert not checked.errors.get("paged"), checked.report("paged")


def test_hostile_content_and_awkward_markdown_give_valid_html(checked):
    assert len(checked.groups["hostile"]) > 20
    assert not checked.errors.get("hostile"), checked.report("hostile")

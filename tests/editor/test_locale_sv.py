"""templates/assets/admin/locale-sv.js: the Swedish phrases Decap CMS's own Swedish lacks.

Decap merges a locale over its English one, and its bundled Swedish lacks phrases its English
has, so a Swedish editor would see those in English. Our script reads Decap's registered
Swedish at run time and registers it again with ours under it. The script runs in node as the
admin page runs it (after decap-cms.js, whose registry holds Decap's locales then), against
Decap's English and Swedish from decap-cms-locales, the version decap-cms.js bundles (see
test_locale_fi.py, which also checks both are in the bundle).

Needs /usr/bin/node and decap-cms from `npm ci`: locally a missing piece skips, under CI (env CI
set) it fails.
"""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import pytest

from tests.conftest import REPO
from tests.editor.test_locale_fi import (
    BUNDLE,
    LOCALES,
    NODE,
    PLACEHOLDER,
    RUNNER,
    flat,
    unavailable,
)

SCRIPT = REPO / "templates" / "assets" / "admin" / "locale-sv.js"


def run(registry: str) -> dict[str, Any]:
    """What the script registers, and Decap's en and sv, with the stand-in registry `registry`."""
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    if not BUNDLE.is_file() or not LOCALES.is_dir():
        unavailable("node_modules/decap-cms is missing: run npm ci")
    done = subprocess.run([str(NODE), str(RUNNER), str(LOCALES / "dist" / "esm"), str(SCRIPT),
                           f"--registry={registry}", "en", "sv"], capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, f"node failed ({done.returncode}):\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def on_decap() -> dict[str, Any]:
    """As on the admin page: Decap's locales registered before the script runs."""
    return run("decap")


@pytest.fixture(scope="module")
def english(on_decap) -> dict[str, str]:
    return dict(flat(on_decap["decap"]["en"]))


@pytest.fixture(scope="module")
def decap_swedish(on_decap) -> dict[str, str]:
    """Decap's Swedish as it is after our script ran (so a change to it would show)."""
    return dict(flat(on_decap["decap"]["sv"]))


@pytest.fixture(scope="module")
def merged(on_decap) -> dict[str, str]:
    """The Swedish a Swedish editor gets: what the script registers over Decap's."""
    assert list(on_decap["registered"]) == ["sv"], "the script registers one locale, 'sv'"
    return dict(flat(on_decap["registered"]["sv"]))


@pytest.fixture(scope="module")
def ours() -> dict[str, str]:
    """Our phrases alone: what the script registers when there is no Swedish before it."""
    registered = run("empty")["registered"]
    assert list(registered) == ["sv"]
    return dict(flat(registered["sv"]))


def shape(phrase: str) -> tuple[list[str], int]:
    return sorted(PLACEHOLDER.findall(phrase)), phrase.count("||||")


def test_decap_swedish_lacks_phrases_and_ours_are_exactly_those(english, decap_swedish, ours):
    gaps = set(english) - set(decap_swedish)
    assert len(gaps) >= 40, "Decap's Swedish is near complete now: is locale-sv.js still needed?"
    assert sorted(set(ours) & set(decap_swedish)) == [], "ours would override Decap's Swedish"
    assert sorted(gaps - set(ours)) == [], "phrases Decap's Swedish lacks and ours too"
    assert sorted(set(ours) - set(english)) == [], "keys Decap's English locale lacks"


def test_merged_swedish_covers_every_english_key_with_its_placeholders(english, merged):
    assert sorted(set(english) - set(merged)) == []
    assert sorted(set(merged) - set(english)) == []
    assert all(isinstance(phrase, str) and phrase.strip() for phrase in merged.values())
    wrong = {key: (english[key], merged[key]) for key in sorted(english)
             if shape(english[key]) != shape(merged[key])}
    assert wrong == {}


def test_decap_swedish_is_kept_as_it_is(decap_swedish, merged, on_decap):
    assert {key: merged[key] for key in decap_swedish} == decap_swedish
    # Decap's own object is left unchanged (ours are in a new object), read again from the file.
    fresh = dict(flat(run("empty")["decap"]["sv"]))
    assert decap_swedish == fresh


def test_our_phrases_are_swedish(english, ours):
    assert {key: phrase for key, phrase in ours.items() if phrase == english[key]} == {}
    leftovers = {key: phrase for key, phrase in ours.items()
                 if re.search(r"\b(the|and|add|to|your|note|notes|entry|field|files?|images?)\b",
                              phrase, re.I)}
    assert leftovers == {}
    assert ours["editor.editorWidgets.list.add"] == "Lägg till %{item}"


def test_without_getlocale_the_script_leaves_decap_swedish_alone():
    # A registry without getLocale: registering ours alone would replace Decap's whole Swedish.
    assert run("no-getlocale")["registered"] == {}


def test_the_script_is_classic_and_loaded_after_decap_and_finnish():
    source = SCRIPT.read_text(encoding="utf-8")
    assert "CMS.registerLocale(\"sv\"" in source and "CMS.getLocale(\"sv\")" in source
    assert not re.search(r"^\s*(import|export)\b", source, re.M), "not an ES module"
    assert "MIT" in source and "Decap contributors" in source  # the structure's licence
    page = (REPO / "templates" / "admin.html").read_text(encoding="utf-8")
    order = [page.index(f"'{name}'") for name in (
        "vendor/decap/decap-cms.js", "admin/locale-fi.js", "admin/locale-sv.js",
        "admin/editor.js")]
    assert order == sorted(order)

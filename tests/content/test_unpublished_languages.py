"""Issue 19, point 13: a region may publish fewer languages than its texts are written in.
A text in a language the site does not publish is kept in the file and left out of the site,
with one warning a file at most; a key that is not a language code is still an error."""

from __future__ import annotations

import shutil
from collections import Counter

from hyteguide.content.load import load_content
from tests.conftest import REPO, TODAY
from tests.helpers import SITE_YAML, check, hints, make_site, organisation

FINNISH_ONLY = SITE_YAML.replace("languages: [fi, sv, en]", "languages: [fi]")
P = "content/organisations/yhdistys.md"


def errors(root) -> list[str]:
    return [p for p in check(root) if ": error[" in p]


def warnings(root) -> list[str]:
    return [w.format().split("\n", 1)[0] for w in load_content(root).extra.get("warnings", [])]


ENTRY = organisation("""\
    name: {fi: Keravan Yhdistys ry, sv: Kervo Förening rf}
    summary:
      fi: Kohtaamispaikka aikuisille.
      sv: Mötesplats för vuxna.
      en: A meeting place for adults.
    municipalities: [kerava]
    activities:
      - id: olohuone
        title: {fi: Olohuone, sv: Vardagsrummet}
        summary: Avoin kohtaamispaikka.
        description: {sv: Öppet för alla.}
        format: kohtaamispaikka
    body:
      sv: Föreningen verkar i Kervo.
    """)


def test_texts_in_a_dropped_language_are_left_out_with_one_warning_a_file(tmp_path):
    root = make_site(tmp_path, {"site.yaml": FINNISH_ONLY, "organisations/yhdistys.md": ENTRY})
    assert check(root) == []
    content = load_content(root)
    [entry] = content.organisations
    assert entry.name.items == (("fi", "Keravan Yhdistys ry"),)
    assert entry.summary.items == (("fi", "Kohtaamispaikka aikuisille."),)
    assert entry.activities[0].description is None  # only in Swedish: as if not written
    said = Counter(w.split(":")[0] for w in warnings(root))
    assert said[P] == 1 and all(n == 1 for n in said.values()), said
    [line] = [w for w in warnings(root) if w.startswith(P)]
    assert line == (f"{P}:2:33: warning[unpublished-language]: name.sv: 'sv' is not a language "
                    "of this site (fi): texts in it are kept in this file but not published "
                    "(said once a file)")


def test_a_required_text_only_in_a_dropped_language_is_an_error(tmp_path):
    entry = ENTRY.replace("title: {fi: Olohuone, sv: Vardagsrummet}", "title: {sv: Vardagsrummet}")
    root = make_site(tmp_path, {"site.yaml": FINNISH_ONLY, "organisations/yhdistys.md": entry})
    assert errors(root) == [f"{P}:10:12: error[missing-field]: activities[0].title: 'title' has "
                            "no text in fi, the site's first language"]
    assert "write it in fi too" in hints(root)


def test_a_key_that_is_no_language_code_is_still_an_error(tmp_path):
    entry = ENTRY.replace("summary: Avoin kohtaamispaikka.",
                          "summary:\n      Huom: ovet auki klo 10.")
    root = make_site(tmp_path, {"site.yaml": FINNISH_ONLY, "organisations/yhdistys.md": entry})
    [problem] = errors(root)
    assert "error[unknown-language]" in problem and "activities[0].summary.Huom" in problem
    assert "put quotes around a text that contains ': '" in hints(root)


def test_the_example_region_in_finnish_only_checks_clean(tmp_path):
    """469 errors before; now none, and at most one warning a file."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    assert "languages: [fi, sv, en]" in text
    site.write_text(text.replace("languages: [fi, sv, en]", "languages: [fi]"), encoding="utf-8")
    loaded = load_content(content, today=TODAY)
    files = Counter(w.path for w in loaded.extra.get("warnings", [])
                    if w.code == "unpublished-language")
    assert files and max(files.values()) == 1
    assert loaded.site.languages == ("fi",)

"""Shared helpers for tests of the content loader: a minimal valid content folder and a checker.

`make_site(tmp_path, files)` writes a small but complete, valid content folder under
tmp_path/"content" and then overlays `files` (relative path -> text, or None to delete).
`check(root)` loads it and returns the first line of each formatted problem ([] if it loads).
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from hyteguide.common.problems import ContentError, Problem
from hyteguide.content.load import load_content

SITE_YAML = dedent("""\
    name:
      fi: Testiopas
      sv: Testguiden
      en: Test Guide
    region: Keski-Uusimaa
    base_url: https://example.org/guide/
    languages: [fi, sv, en]
    contact:
      email: hyte@example.org
    """)

VOCABULARY_YAML = dedent("""\
    municipalities:
      kerava: {fi: Kerava, sv: Kervo}
      tuusula: {fi: Tuusula, sv: Tusby}
    themes:
      vertaistuki: {fi: Vertaistuki, sv: Kamratstöd, en: Peer support}
      liikunta: {fi: Liikunta, sv: Motion, en: Exercise}
      mielenterveys: {fi: Mielenterveys, sv: Psykisk hälsa, en: Mental health}
    audiences:
      aikuiset: {fi: Aikuiset, sv: Vuxna, en: Adults}
      mielenterveyskuntoutujat:
        fi: Mielenterveyskuntoutujat
        sensitive: true
    formats:
      ryhma: {fi: Ryhmä, sv: Grupp, en: Group}
      kohtaamispaikka: {fi: Kohtaamispaikka, sv: Mötesplats}
      tapahtuma: {fi: Tapahtuma, sv: Evenemang}
    expertise:
      kokemusasiantuntijuus: Kokemusasiantuntijuus
    languages:
      fi: {fi: suomi, sv: finska, en: Finnish}
      sv: {fi: ruotsi, sv: svenska, en: Swedish}
    accessibility:
      wheelchair: {fi: Esteetön kulku pyörätuolilla, en: Wheelchair access}
    """)

PLACE_YAML = dedent("""\
    name: {fi: Keravan pääkirjasto, sv: Kervo huvudbibliotek}
    address: Paasikivenkatu 12
    postal_code: "04200"
    municipality: kerava
    accessibility: [wheelchair]
    """)

# Line numbers of this file are used by tests: the activity `- id: olohuone` is on line 9.
ORGANISATION_MD = dedent("""\
    ---
    name: Keravan Yhdistys ry
    summary:
      fi: Kohtaamispaikka aikuisille.
      sv: Mötesplats för vuxna.
    municipalities: [kerava]
    themes: [vertaistuki]
    activities:
      - id: olohuone
        title: {fi: Olohuone, sv: Vardagsrummet}
        summary: Avoin kohtaamispaikka.
        format: kohtaamispaikka
        place: kirjasto
        schedule:
          - weekly: [tue]
            time: "10:00-14:00"
    ---
    Yhdistys toimii Keravalla.
    """)

BASE_FILES: dict[str, str] = {
    "site.yaml": SITE_YAML,
    "vocabulary.yaml": VOCABULARY_YAML,
    "places/kirjasto.yaml": PLACE_YAML,
    "organisations/yhdistys.md": ORGANISATION_MD,
}


def make_site(tmp_path: Path, files: dict[str, str | None] | None = None) -> Path:
    """Write a minimal valid content folder to tmp_path/"content", then overlay `files`.

    Keys are paths relative to the content folder; a value of None deletes that file.
    Returns the content folder.
    """
    root = tmp_path / "content"
    merged: dict[str, str | None] = {**BASE_FILES, **(files or {})}
    for folder in ("places", "organisations", "partnerships", "pages"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in merged.items():
        path = root / relative
        if text is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problems(root: Path) -> list[Problem]:
    """The problems of loading root (sorted as reported), or [] when it loads."""
    try:
        load_content(root)
    except ContentError as err:
        return list(err.problems)
    return []


def check(root: Path) -> list[str]:
    """The first line of each formatted problem, or [] when the content loads."""
    return [p.format().split("\n", 1)[0] for p in problems(root)]


def hints(root: Path) -> list[str]:
    """The hint of each problem, in the same order as check()."""
    return [p.hint for p in problems(root)]


def organisation(front_matter: str, body: str = "Kuvaus.\n") -> str:
    """A Markdown organisation file from dedented front matter (which starts on file line 2)."""
    return "---\n" + dedent(front_matter) + "---\n" + body


ORG_HEAD = """\
    name: Testiyhdistys ry
    summary: Testi.
    municipalities: [kerava]
    """


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def read_sitemaps(root: Path, base_url: str | None = None) -> list:
    """The <urlset> elements of a built site's sitemaps, found as a crawler finds them: the
    index sitemap.xml (a <sitemapindex>), then each part it lists (absolute addresses under
    base_url when given, read from root)."""
    from xml.etree import ElementTree as ET

    index = ET.fromstring((root / "sitemap.xml").read_bytes())
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex", index.tag
    found = []
    for loc in index.iterfind(f"{{{SITEMAP_NS}}}sitemap/{{{SITEMAP_NS}}}loc"):
        address = loc.text.strip()
        name = address.rsplit("/", 1)[1]
        if base_url is not None:
            assert address == base_url + name, address
        part = ET.fromstring((root / name).read_bytes())
        assert part.tag == f"{{{SITEMAP_NS}}}urlset", name
        found.append(part)
    assert found
    return found

"""Open data besides HSDS: the plain JSON files, the Atom feed, the open data page, the data
licence in site.yaml and the vocabulary crosswalk (validation and linked data)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import feedparser
import pytest

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.feeds import atom, jsonld
from hyteguide.opendata import exports as opendata
from hyteguide.opendata import hsds
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.urls import Urls
from tests.conftest import BASE_URL, TODAY
from tests.helpers import SITE_YAML, VOCABULARY_YAML, check, make_site

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LANGUAGES = ("fi", "sv", "en")


def json_files(built_site) -> list[str]:
    return [f for f in built_site.files() if f.endswith(".json")
            and (f.startswith("opendata/") or f.split("/", 1)[1].startswith("opendata/"))]


def test_every_json_file_round_trips(built_site):
    """Each export file reads back to data that writes out as the same bytes."""
    names = json_files(built_site)
    expected = len(opendata.SHARED) + len(LANGUAGES) * (1 + len(hsds.JSON_FILES))
    assert len(names) == expected, names
    for name in names:
        data = (built_site.root / name).read_bytes()
        assert hsds.dumps(json.loads(data)) == data, name


def shared(built_site, name: str) -> dict:
    return json.loads((built_site.root / opendata.SHARED[name]).read_bytes())


def test_plain_json_lists_the_listed_entries_with_stable_ids_and_urls(built_site,
                                                                    example_content):
    guide = derive(example_content, TODAY)
    organisations = shared(built_site, "organisations")["organisations"]
    assert {o["slug"] for o in organisations} == {o.slug for o in guide.organisations}
    for item in organisations:
        assert item["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL,
                                            f"{BASE_URL}organisations/{item['slug']}/"))
        assert set(item["url"]) == set(LANGUAGES)
        for url in item["url"].values():
            assert built_site.file_of(url) in built_site.files(), url
    activities = shared(built_site, "activities")["activities"]
    assert {a["key"] for a in activities} == {a.key for a in guide.activities}
    by_key = {a["key"]: a for a in activities}
    for activity in guide.activities:
        upcoming = guide.occurrences_of.get(activity.key, ())
        assert [u["date"] for u in by_key[activity.key].get("upcoming", [])] == \
            [o.date.isoformat() for o in upcoming]
    places = shared(built_site, "places")["places"]
    assert {p["slug"] for p in places} == {p.slug for p in guide.places}
    ids = [a["id"] for a in activities]
    assert ids == sorted(ids)


def test_plain_json_ids_are_the_hsds_ids(built_site):
    services = json.loads((built_site.root / hsds.FOLDER / "services.json").read_bytes())
    activities = shared(built_site, "activities")["activities"]
    assert {s["id"] for s in services} == {a["id"] for a in activities}


def test_plain_json_keeps_every_language_and_the_licence(built_site, example_content):
    data = shared(built_site, "activities")
    assert data["licence"]["id"] == "CC-BY-4.0"
    assert data["generated_for"] == TODAY.isoformat()
    translated = next(a for a in data["activities"] if set(a["title"]) == set(LANGUAGES))
    assert len(set(translated["title"].values())) > 1
    cancelled = [u for a in data["activities"] for u in a.get("upcoming", []) if u.get("cancelled")]
    assert cancelled, "the example has a cancelled date in its window"


def test_vocabulary_json_carries_the_crosswalk(built_site):
    groups = {g["group"]: {t["id"]: t for t in g["terms"]}
              for g in shared(built_site, "vocabulary")["vocabulary"]}
    assert groups["themes"]["liikunta"]["yso"] == ["http://www.yso.fi/onto/yso/p916"]
    assert groups["themes"]["liikunta"]["url"]["sv"] == f"{BASE_URL}sv/themes/liikunta/"
    assert "yso" not in groups["themes"]["mielenterveys"]
    assert "url" not in groups["languages"]["fi"]


# -- the Atom feed ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_atom_feed_parses_and_lists_the_newest_first(built_site, lang):
    path = built_site.localised(atom.FEED, lang)
    parsed = feedparser.parse((built_site.root / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == lang
    assert parsed.feed.links[0].href == BASE_URL + path  # rel=self
    entries = parsed.entries
    assert 0 < len(entries) <= atom.ENTRIES
    updated = [e.updated_parsed for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        assert built_site.file_of(entry.link) in built_site.files()
        assert built_site.lang_of(built_site.file_of(entry.link)) == lang
        assert entry.id.startswith("urn:uuid:") and entry.summary and entry.author
    assert len({e.id for e in entries}) == len(entries)


def test_feed_dates_come_from_the_history_or_reviewed(tmp_path):
    files = {"organisations/toinen.md": "---\nname: Toinen ry\nsummary: T.\n"
             "municipalities: [kerava]\nreviewed: 2026-10-01\nactivities:\n  - id: a\n"
             "    title: A\n    summary: A.\n    format: ryhma\n---\n"}
    guide = derive(load_content(make_site(tmp_path, files)), TODAY)
    by_slug = {o.slug: o for o in guide.organisations}
    assert [a.key for _, a in atom.recent(guide, {})] == ["toinen/a"]  # no date: left out
    changed = {by_slug["yhdistys"].source.path: dt.date(2026, 11, 2),
               by_slug["toinen"].source.path: dt.date(2026, 9, 1)}
    assert [(d.isoformat(), a.key) for d, a in atom.recent(guide, changed)] == [
        ("2026-11-02", "yhdistys/olohuone"), ("2026-10-01", "toinen/a")]


def test_feed_text_is_escaped_and_xml_safe(tmp_path):
    # (Control characters such as \x07 never get this far: check refuses them.)
    title = 'Ryhmä <script>alert(1)</script> & "lainaus" \u2028'
    files = {"organisations/yhdistys.md": "---\nname: Y ry\nsummary: Y.\n"
             "municipalities: [kerava]\nreviewed: 2026-10-01\nactivities:\n  - id: a\n"
             f"    title: {json.dumps(title)}\n    summary: S.\n    format: ryhma\n---\n"}
    content = load_content(make_site(tmp_path, files))
    guide = derive(content, TODAY)
    _, data = atom.feed(guide, Urls(BASE_URL, content.site.languages),
                        load_catalogue(TEMPLATES, "fi"), "fi", {})
    assert b"<script" not in data and b"&lt;script&gt;" in data
    parsed = feedparser.parse(data)
    assert not parsed.bozo
    assert parsed.entries[0].title == 'Ryhmä <script>alert(1)</script> & "lainaus"'


# -- the page -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_links_every_file_and_names_the_licence(built_site, lang):
    page = built_site.localised("opendata/index.html", lang)
    soup = built_site.soup(page)
    links = {built_site.file_of(built_site.resolve(page, a["href"]))
             for a in soup.select("main a[href]")}
    expected = {built_site.localised(p, lang) for p in opendata.language_paths()}
    expected |= set(opendata.SHARED.values())
    assert expected <= links, sorted(expected - links)
    licence = soup.select_one("main [data-licence]")
    assert licence["data-licence"] == "CC-BY-4.0"
    assert licence.a["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.a["rel"] == ["license"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_offers_its_feed_to_feed_readers(built_site, lang):
    name = built_site.localised("opendata/index.html", lang)
    feed = built_site.soup(name).select_one(
        'head link[rel="alternate"][type="application/atom+xml"]')
    assert built_site.file_of(built_site.resolve(name, feed["href"])) == \
        built_site.localised(atom.FEED, lang)


def test_every_page_links_the_open_data_page(built_site):
    for name in ("index.html", "sv/activities/index.html", "en/privacy/index.html", "404.html"):
        soup = built_site.soup(name)
        lang = built_site.lang_of(name)
        footer = {built_site.file_of(built_site.resolve(name, a["href"]))
                  for a in soup.select("footer a[href]")}
        assert built_site.localised("opendata/index.html", lang) in footer


# -- site.yaml: the data licence ----------------------------------------------------------------

def site_with(tmp_path: Path, line: str) -> Path:
    return make_site(tmp_path, {"site.yaml": SITE_YAML + line})


def test_the_licence_defaults_to_cc_by(tmp_path):
    assert load_content(make_site(tmp_path)).site.data_licence.id == "CC-BY-4.0"


def test_a_licence_by_id_or_by_name_and_address(tmp_path):
    site = load_content(site_with(tmp_path / "a", "data_licence: CC0-1.0\n")).site
    assert (site.data_licence.id, site.data_licence.url) == (
        "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    site = load_content(site_with(tmp_path / "b", "data_licence: {name: Avoin lisenssi, "
                                  "url: https://example.org/lisenssi}\n")).site
    assert (site.data_licence.id, site.data_licence.name) == (None, "Avoin lisenssi")


def test_an_unknown_licence_is_a_content_error(tmp_path):
    found = check(site_with(tmp_path / "a", "data_licence: CC-BY-4\n"))
    assert found == ["content/site.yaml:10:15: error[bad-value]: data_licence: 'CC-BY-4' is not "
                     "one of: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0"]
    found = check(site_with(tmp_path / "b", "data_licence: {name: X}\n"))
    assert found == ["content/site.yaml:10:15: error[missing-field]: data_licence.url: a data "
                     "licence needs 'url'"]


# -- the vocabulary crosswalk -------------------------------------------------------------------

PLAIN = "  liikunta: {fi: Liikunta, sv: Motion, en: Exercise}"


def vocabulary_with(tmp_path: Path, codes: str) -> Path:
    assert PLAIN in VOCABULARY_YAML
    return make_site(tmp_path, {"vocabulary.yaml": VOCABULARY_YAML.replace(
        PLAIN, PLAIN[:-1] + ", " + codes + "}")})


def test_crosswalk_codes_are_normalised(tmp_path):
    content = load_content(vocabulary_with(
        tmp_path, "yso: ['yso:p916', 'https://www.yso.fi/onto/yso/p965'], "
                  "ptv: ['http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P27.1', kr1], "
                  "lahella: Liikunta ja ulkoilu"))
    term = content.vocabulary.term("themes", "liikunta")
    assert term.yso == ("http://www.yso.fi/onto/yso/p916", "http://www.yso.fi/onto/yso/p965")
    assert term.ptv == ("P27.1", "KR1")
    assert term.lahella == ("Liikunta ja ulkoilu",)


@pytest.mark.parametrize(("codes", "message"), [
    ("yso: liikunta", "error[bad-code]: themes.liikunta.yso[0]: 'liikunta' is not a YSO concept"),
    ("yso: 'http://www.yso.fi/onto/koko/p916'",
     "error[bad-code]: themes.liikunta.yso[0]: 'http://www.yso.fi/onto/koko/p916' is not a YSO "
     "concept"),
    ("ptv: [P27.1, X1]", "error[bad-code]: themes.liikunta.ptv[1]: 'X1' is not a PTV code"),
    ("lahella: [{a: b}]", "error[wrong-type]: themes.liikunta.lahella[0]: expected a Lähellä.fi "
     "theme or format, found a set of 'key: value' fields"),
])
def test_bad_crosswalk_codes_are_reported_at_their_line(tmp_path, codes, message):
    found = check(vocabulary_with(tmp_path, codes))
    assert len(found) == 1 and found[0].startswith("content/vocabulary.yaml:6:"), found
    assert found[0].split(": ", 1)[1] == message


def test_linked_data_uses_the_yso_concepts(built_site, example_content):
    activity = next(a for o in example_content.organisations for a in o.activities
                    if "liikunta" in a.themes and "ikaantyneet" in a.audiences)
    page = built_site.localised(f"activities/{activity.key}/index.html", "sv")
    data = json.loads(built_site.soup(page).select_one(
        'script[type="application/ld+json"]').string)
    series = data["@graph"][0]
    assert {"@type": "DefinedTerm", "@id": "http://www.yso.fi/onto/yso/p916",
            "termCode": "p916", "inDefinedTermSet": jsonld.YSO_BASE} in series["keywords"]
    assert {"@type": "DefinedTerm", "name": "Motion", "termCode": "liikunta",
            "url": f"{BASE_URL}sv/themes/liikunta/"} in series["keywords"]
    audiences = series["audience"] if isinstance(series["audience"], list) \
        else [series["audience"]]
    assert {"@type": "Audience", "audienceType": "Äldre",
            "sameAs": "http://www.yso.fi/onto/yso/p2433"} in audiences

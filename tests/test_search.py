"""Site search: the documents and the prebuilt lunr index of each language, and the browser.

The example region is built (conftest.built_site); its index files are queried with lunr.py and,
in node, with the very lunr.js, lunr-languages and searchtext.js files the site serves
(tests/node/search_runner.js): both must give the same results, refs and scores. Expected
documents are derived from the content as hyteguide.load reads it, never hardcoded.

The node tests need /usr/bin/node and `npm ci`; locally a missing piece skips them, under CI
(env CI set) it fails them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from textwrap import dedent, indent
from urllib.parse import urljoin

import pytest
from conftest import BASE_URL, REPO, TODAY, BuiltSite
from helpers import ORG_HEAD, make_site, organisation
from test_searchtext import node_runner, site_scripts

from hyteguide import searchtext
from hyteguide.occurrences import activity_occurrences
from hyteguide.search import FACETS, VENDOR_FILES, MissingPackage, SearchSizes, vendor_files
from hyteguide.urls import path_of

KESALEIRI = "activities/mantsalan-nuorisoseura-raitti/kesaleiri/"
TYPES = ("activity", "organisation", "place", "partnership", "page")

# Queries run through lunr.py and lunr.js alike: inflected and folded forms, several words,
# wildcards, fuzzy terms and required terms.
QUERIES = {
    "fi": ["liikuntaa", "vertaistukiryhmät", "kesäleirille", "kesaleiri", "omaishoitajille",
           "ystävätoimintaa", "hyvinkäällä", "ruoka-apua", "kävelyryhmä", "mielenterveys",
           "liikun*", "kesaleiri~1", "+kävely +hyvinkää", "Kerava", "perheille", "kirjastossa",
           "vertaistuki -kerava", "title:kesäleiri", "omaishoitaja^5 kerava", "JÄRVENPÄÄSSÄ"],
    "sv": ["huset", "kamratstödet", "motionsgrupper", "närståendevårdare", "äldre", "familjerna",
           "motion*", "kamratstöd", "träskända", "psykisk hälsa", "barnfamiljer", "gruppen",
           "sommarläger", "+motion +kervo", "mötesplats~1"],
    "en": ["mental health", "walking groups", "peer support", "happy", "families", "walk*",
           "summer camp", "+peer +support", "caregivers", "library", "volunteering",
           "title:camp", "helth~1"],
}
# (inflected, base form): both must find the same best result in the browser.
SAME_TOP = {
    "fi": [("kesäleirille", "kesäleiri"), ("omaishoitajille", "omaishoitaja"),
           ("vertaistukiryhmät", "vertaistukiryhmä"), ("hyvinkäällä", "hyvinkää")],
    "sv": [("motionsgrupper", "motionsgrupp"), ("närståendevårdaren", "närståendevårdare"),
           ("familjerna", "familjer")],
    "en": [("families", "family"), ("walking groups", "walk group"), ("camps", "camp")],
}


# -- where things are -----------------------------------------------------------------------------

def search_file(site, lang: str, name: str) -> str:  # noqa: ANN001 - a conftest.BuiltSite
    """index.json or documents.json of a language: beside its search page (search/,
    sv/search/, …), or else under search/<lang>/."""
    candidates = (site.localised(f"search/{name}", lang), f"search/{lang}/{name}")
    for candidate in candidates:
        if (site.root / candidate).is_file():
            return candidate
    pytest.fail(f"no {name} for {lang}: none of {candidates} was built")


def search_page(site, lang: str) -> str:  # noqa: ANN001
    return site.localised("search/index.html", lang)


def load_json(site, lang: str, name: str) -> dict:  # noqa: ANN001
    return json.loads((site.root / search_file(site, lang, name)).read_bytes())


def page_of(site, lang: str, url: str) -> str | None:  # noqa: ANN001
    """The output file a document's link leads to, followed as the search page follows it."""
    return site.file_of(urljoin(site.url_of(search_page(site, lang)), url))


def neutral(site, lang: str, relative: str) -> str:  # noqa: ANN001
    """'sv/activities/x/y/index.html' → 'activities/x/y/'."""
    prefix = "" if lang == site.languages[0] else f"{lang}/"
    assert relative.startswith(prefix) and relative.endswith("index.html"), relative
    return relative[len(prefix):-len("index.html")]


def lunr_index(site, lang: str):  # noqa: ANN001, ANN201 - a lunr.index.Index
    from lunr.index import Index

    return Index.load(load_json(site, lang, "index.json")["index"])


def py_search(index, query: str) -> list[list]:  # noqa: ANN001
    return [[result["ref"], result["score"]] for result in index.search(query)]


def build_small(tmp_path: Path, sources, files: dict[str, str]) -> BuiltSite:  # noqa: ANN001
    """helpers.make_site content with files, built for TODAY with the session's templates."""
    from hyteguide.pipeline import build

    content = make_site(tmp_path, files)
    build(content, sources.templates, tmp_path / "site", today=TODAY, base_url=BASE_URL)
    return BuiltSite(tmp_path / "site", ("fi", "sv", "en"), BASE_URL)


def organisation_with(activities: str) -> str:
    """organisations/testi.md: helpers.ORG_HEAD and the given (dedented) YAML lines."""
    return organisation(ORG_HEAD + indent(dedent(activities), "    ").lstrip(" "))


# -- fixtures -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def node(built_site):
    """The browser's search code as the built site serves it, in node."""
    assets = built_site.root / "assets"
    return node_runner(site_scripts(assets / "vendor"), assets / "searchtext.js")


@pytest.fixture(scope="module")
def targets(example_content) -> dict[str, tuple[str, object]]:
    """Language-neutral path → (document type, model object) of everything searchable."""
    found: dict[str, tuple[str, object]] = {}
    for o in example_content.organisations:
        found[path_of(o)] = ("organisation", o)
        found.update({path_of(a): ("activity", a) for a in o.activities})
    found.update({path_of(p): ("place", p) for p in example_content.places})
    found.update({path_of(p): ("partnership", p) for p in example_content.partnerships})
    found.update({path_of(p): ("page", p) for p in example_content.pages})
    return found


@pytest.fixture(scope="module")
def second_build(tmp_path_factory, sources) -> tuple[Path, str]:
    """The example built again by the command, in another process with another hash seed:
    (output folder, report)."""
    output = tmp_path_factory.mktemp("again") / "site"
    done = subprocess.run(
        [sys.executable, "-m", "hyteguide", "build", "--content", str(sources.content),
         "--templates", str(sources.templates), "-o", str(output), "--today", TODAY.isoformat(),
         "--base-url", BASE_URL], cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONHASHSEED": "4242"})
    assert done.returncode == 0, done.stderr
    return output, done.stderr


def title_of(kind: str, target: object):  # noqa: ANN201 - a model.Text
    return target.title if kind in ("activity", "page") else target.name


# -- the documents --------------------------------------------------------------------------------

def test_documents_per_type_are_the_contents(built_site, example_content):
    content = example_content
    expected = {"activity": sum(len(o.activities) for o in content.organisations),
                "organisation": len(content.organisations), "place": len(content.places),
                "partnership": len(content.partnerships), "page": len(content.pages)}
    for lang in built_site.languages:
        data = load_json(built_site, lang, "documents.json")
        assert data["lang"] == lang
        assert data["built"] == TODAY.isoformat()
        assert set(data["types"]) == set(TYPES) and all(data["types"].values())
        kinds = [doc["type"] for doc in data["documents"]]
        assert Counter(kinds) == expected, lang
        # in a stable order: activities, organisations, places, partnership tables, pages
        assert kinds == sorted(kinds, key=TYPES.index), lang


def test_document_links_are_localised_pages_of_the_site(built_site, targets):
    for lang in built_site.languages:
        seen = set()
        for doc in load_json(built_site, lang, "documents.json")["documents"]:
            relative = page_of(built_site, lang, doc["url"])
            assert relative and (built_site.root / relative).is_file(), (lang, doc["url"])
            assert built_site.lang_of(relative) == lang, (lang, doc["url"])
            path = neutral(built_site, lang, relative)
            assert targets[path][0] == doc["type"], (lang, doc["url"])
            seen.add(path)
        assert seen == set(targets), lang  # each searchable thing once


def test_title_lang_only_when_the_title_falls_back(built_site, targets):
    fallbacks = Counter()
    for lang in built_site.languages:
        for doc in load_json(built_site, lang, "documents.json")["documents"]:
            kind, target = targets[neutral(built_site, lang, page_of(built_site, lang, doc["url"]))]
            title, title_lang = title_of(kind, target).get(lang)
            assert doc["title"] == title
            if title_lang == lang:
                assert "title_lang" not in doc, doc
            else:
                assert doc["title_lang"] == title_lang, doc
                fallbacks[lang] += 1
    assert fallbacks["sv"] and fallbacks["en"], "the example has no untranslated titles"
    assert not fallbacks[built_site.languages[0]]


def test_facets_are_vocabulary_ids_offered_by_the_search_page(built_site, example_content):
    vocabulary = example_content.vocabulary
    for lang in built_site.languages:
        soup = built_site.soup(search_page(built_site, lang))
        for name, group in FACETS:
            ids = set(vocabulary.group(group))
            used = {value for doc in load_json(built_site, lang, "documents.json")["documents"]
                    for value in doc.get(name, ())}
            offered = {box["value"] for box in
                       soup.select(f'[data-facet="{name}"] input[type="checkbox"]')}
            assert used, f"no document has a {name}"
            assert used <= ids, (lang, name, used - ids)
            assert offered <= ids, (lang, name, offered - ids)
            assert used <= offered, (lang, name, used - offered)


def expected_next(activity, content) -> list[str]:  # noqa: ANN001
    horizon = TODAY + dt.timedelta(weeks=content.site.horizon_weeks)
    held = [o for o in activity_occurrences(activity, TODAY, horizon) if not o.cancelled]
    return [o.date.isoformat() for o in held[:3]]


def test_next_dates_are_the_next_held_occurrences(built_site, targets, example_content):
    with_dates = 0
    for lang in built_site.languages:
        for doc in load_json(built_site, lang, "documents.json")["documents"]:
            kind, target = targets[neutral(built_site, lang, page_of(built_site, lang, doc["url"]))]
            if kind != "activity":
                assert "next" not in doc
                continue
            dates = [day for day, _ in doc.get("next", ())]
            assert len(dates) <= 3 and dates == sorted(dates)
            for day, words in doc.get("next", ()):
                assert dt.date.fromisoformat(day) >= TODAY
                assert str(dt.date.fromisoformat(day).day) in words, (day, words)
            assert dates == expected_next(target, example_content), (lang, doc["url"])
            with_dates += bool(dates)
    assert with_dates > 50


def test_next_dates_skip_cancelled_occurrences(tmp_path, sources):
    """Cancelled times are left out, and the three next dates are those held after them."""
    wednesdays = [TODAY + dt.timedelta(days=2 + 7 * n) for n in range(8)]
    cancelled = ", ".join(d.isoformat() for d in wednesdays[:4])
    site = build_small(tmp_path, sources, {"organisations/testi.md": organisation_with(f"""\
        activities:
          - id: tauko
            title: Tauolla oleva ryhmä
            summary: Jatkuu taas.
            format: ryhma
            schedule:
              - weekly: [wed]
                time: "10:00-11:00"
                holidays: include  # 6.1.2027, Epiphany, is a Wednesday
                cancelled: [{cancelled}]
        """)})
    [doc] = [d for d in load_json(site, "fi", "documents.json")["documents"]
             if d["title"] == "Tauolla oleva ryhmä"]
    assert [day for day, _ in doc.get("next", ())] == [d.isoformat() for d in wednesdays[4:7]]


# -- the index ------------------------------------------------------------------------------------

def test_index_files_name_the_pipeline_and_stop_words(built_site):
    for lang in built_site.languages:
        data = load_json(built_site, lang, "index.json")
        assert data["lang"] == lang
        assert data["stopwords"] == sorted(searchtext.stop_words(lang))
        index = data["index"]
        assert index["version"] == "2.3.9"
        assert index["pipeline"] == [fn.label for fn in searchtext.pipeline_functions(lang)]
        assert index["fields"] == ["title", "keywords", "text"]
        count = len(load_json(built_site, lang, "documents.json")["documents"])
        refs = {field_ref.split("/", 1)[1] for field_ref, _ in index["fieldVectors"]}
        assert refs == {str(n) for n in range(count)}


def test_kesaleiri_is_found_without_diacritics(built_site):
    index = lunr_index(built_site, "fi")
    documents = load_json(built_site, "fi", "documents.json")["documents"]
    results = py_search(index, "kesaleiri")
    assert results, "kesaleiri found nothing"
    top = documents[int(results[0][0])]
    assert neutral(built_site, "fi", page_of(built_site, "fi", top["url"])) == KESALEIRI


def same_results(python: list, browser: list | dict) -> bool:
    if isinstance(browser, dict):  # the browser threw
        return False
    return [ref for ref, _ in python] == [ref for ref, _ in browser] and all(
        abs(p - b) <= 1e-9 * max(abs(p), abs(b), 1e-12)
        for (_, p), (_, b) in zip(python, browser, strict=True))


def test_browser_and_lunr_py_give_the_same_results(built_site, node):
    """The done-when test: the same queries on the built index give identical refs in identical
    order with equal scores in lunr.py and in the browser's lunr.js."""
    languages = [lang for lang in QUERIES if lang in built_site.languages]
    tasks = [{"op": "search", "index": str(built_site.root / search_file(built_site, lang,
                                                                          "index.json")),
              "queries": QUERIES[lang] + [q for pair in SAME_TOP[lang] for q in pair]}
             for lang in languages]
    answers = dict(zip(languages, node.run(*tasks), strict=True))
    differences = []
    for lang, task in zip(languages, tasks, strict=True):
        index = lunr_index(built_site, lang)
        results = {}
        for query, browser in zip(task["queries"], answers[lang], strict=True):
            python = results[query] = py_search(index, query)
            if not same_results(python, browser):
                differences.append((lang, query, python[:5], browser[:5]
                                    if isinstance(browser, list) else browser))
        empty = [query for query in QUERIES[lang] if not results[query]]
        assert len(empty) <= 0.2 * len(QUERIES[lang]), \
            f"{len(empty)} of {len(QUERIES[lang])} {lang} queries find nothing: {empty}"
        # inflected forms find what their base forms find
        for inflected, base in SAME_TOP[lang]:
            assert results[base], f"{lang} {base!r} finds nothing"
            assert results[inflected] and results[inflected][0][0] == results[base][0][0], \
                (lang, inflected, results[inflected][:3], base, results[base][:3])
    assert not differences, "\n".join(map(repr, differences))


def test_numbers_are_found_in_the_browser_as_in_lunr_py(built_site, node):
    """Postal codes, years and other numbers of the content are found by the browser too."""
    queries = ["04200", "04600", "01900", "2026", "100", "10"]
    languages = list(built_site.languages)
    tasks = [{"op": "search", "queries": queries,
              "index": str(built_site.root / search_file(built_site, lang, "index.json"))}
             for lang in languages]
    differences = []
    for lang, answers in zip(languages, node.run(*tasks), strict=True):
        index = lunr_index(built_site, lang)
        for query, browser in zip(queries, answers, strict=True):
            python = py_search(index, query)
            if not python or not same_results(python, browser):
                differences.append((lang, query, len(python), browser[:3]))
    assert not differences, "(lang, query, lunr.py results, browser's first): " + \
        repr(differences)


def test_browser_terms_of_the_index_are_pythons(built_site, node):
    """searchtext.terms(index, text) with each built index's own pipeline, on every title and
    summary of its documents, is what Python's terms are."""
    languages = list(built_site.languages)
    texts = {lang: [doc.get(key, "") for doc in load_json(built_site, lang,
                                                           "documents.json")["documents"]
                    for key in ("title", "summary", "where", "organisation")]
             for lang in languages}
    tasks = [{"op": "terms", "texts": texts[lang],
              "index": str(built_site.root / search_file(built_site, lang, "index.json"))}
             for lang in languages]
    differences = []
    for lang, answers in zip(languages, node.run(*tasks), strict=True):
        for text, browser in zip(texts[lang], answers, strict=True):
            python = [searchtext.term(word, lang) for word in searchtext.tokenize(text)]
            if python != browser:
                differences.append((lang, text, python, browser))
    assert not differences, f"{len(differences)} differ: {differences[:10]}"


# -- builds ---------------------------------------------------------------------------------------

def search_json(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.json"))
            if "search" in p.relative_to(root).parts}


def test_search_files_are_byte_identical_in_two_builds(built_site, second_build):
    first, again = search_json(built_site.root), search_json(second_build[0])
    assert len(first) == 2 * len(built_site.languages)
    assert first.keys() == again.keys()
    changed = [path for path in first if first[path] != again[path]]
    assert not changed


def test_build_report_gives_the_search_file_sizes(built_site, second_build):
    [line] = [line for line in second_build[1].splitlines() if line.startswith("search: ")]
    for lang in built_site.languages:
        for name in ("index.json", "documents.json"):
            path = search_file(built_site, lang, name)
            assert re.search(rf"(^search: |, ){re.escape(path)} \d+ KB \(\d+ KB gzipped\)",
                             line), line
    assert line.startswith(f"search: {search_file(built_site, 'fi', 'index.json')} ")


def test_search_sizes_summary():
    sizes = SearchSizes()
    sizes.add("search/index.json", b"x" * 4096)
    sizes.add("sv/search/index.json", b"")
    raw, packed = sizes.files["search/index.json"]
    assert raw == 4096 and 0 < packed < raw
    assert sizes.summary() == ("search: search/index.json 4 KB (0 KB gzipped), "
                               "sv/search/index.json 0 KB (0 KB gzipped)")


LOOKALIKES = """\
    activities:
      - id: vuosi
        title: 2026
        summary: 10:30
        format: ryhma
        schedule:
          - weekly: [tue]
            time: "10:00-11:00"
      - id: kylla
        title: yes
        summary: 2026-12-01
        format: ryhma
        schedule:
          - weekly: [wed]
            time: "10:00-11:00"
      - id: ei
        title: off
        summary: 1e3
        format: ryhma
        schedule:
          - weekly: [thu]
            time: "10:00-11:00"
    """


def test_yaml_values_that_look_like_numbers_dates_and_booleans_are_searchable(tmp_path, sources):
    site = build_small(tmp_path, sources, {"organisations/testi.md": organisation_with(LOOKALIKES)})
    for lang in site.languages:
        documents = load_json(site, lang, "documents.json")["documents"]
        by_url = {neutral(site, lang, page_of(site, lang, d["url"])): d for d in documents}
        assert by_url["activities/testi/vuosi/"]["title"] == "2026"
        assert by_url["activities/testi/vuosi/"]["summary"] == "10:30"
        assert by_url["activities/testi/kylla/"]["title"] == "yes"
        assert by_url["activities/testi/kylla/"]["summary"] == "2026-12-01"
        index = lunr_index(site, lang)
        for query, path in (("2026", "activities/testi/vuosi/"),
                            ("yes", "activities/testi/kylla/")):
            results = py_search(index, query)
            assert results, (lang, query)
            top = documents[int(results[0][0])]
            assert neutral(site, lang, page_of(site, lang, top["url"])) == path, (lang, query)


HOSTILE = ["<script>alert(1)</script>", '"quoted" \'single\' `back`', "</script><!--",
           "line\u2028separator\u2029paragraph", "back\\slash \\u0041 {{ 7*7 }}",
           "null\u0085next", "emoji 👍🏽 and ä"]


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON, but with characters outside the BMP written as they
    are (YAML reads \\ud83d escapes as lone surrogates) and line separators escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    for char in "\u0085\u2028\u2029":
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return quoted


def test_hostile_text_is_plain_json_strings(tmp_path, sources):
    title, summary = " ".join(HOSTILE[:3]), " ".join(HOSTILE[3:])
    activity = f"""\
    activities:
      - id: vihamielinen
        title: {yaml_quoted(title)}
        summary: {yaml_quoted(summary)}
        format: ryhma
        schedule:
          - weekly: [tue]
            time: "10:00-11:00"
    """
    site = build_small(tmp_path, sources, {"organisations/testi.md": organisation_with(activity)})
    for lang in site.languages:
        raw = (site.root / search_file(site, lang, "documents.json")).read_bytes()
        [doc] = [d for d in json.loads(raw)["documents"] if d["type"] == "activity"
                 and d["url"].rstrip("/").endswith("vihamielinen")]
        assert doc["title"] == title
        assert doc["summary"] == summary
        index_raw = (site.root / search_file(site, lang, "index.json")).read_bytes()
        assert json.loads(index_raw)["lang"] == lang


# -- the browser libraries ------------------------------------------------------------------------

def test_vendor_files_are_copied_unchanged(built_site):
    vendor = built_site.root / "assets" / "vendor"
    assert sorted(p.name for p in vendor.iterdir()) == sorted(VENDOR_FILES.values())
    for name, target in VENDOR_FILES.items():
        assert (vendor / target).read_bytes() == (REPO / "node_modules" / name).read_bytes()
    assert {"lunr.min.js", "lunr.LICENSE.txt", "lunr-languages.LICENSE.txt"} <= \
        set(VENDOR_FILES.values())


def test_missing_node_modules_raise_missing_package():
    with pytest.raises(MissingPackage, match="npm ci"):
        list(vendor_files(Path("/nonexistent")))


def test_missing_lunr_languages_is_named(tmp_path):
    lunr = tmp_path / "node_modules" / "lunr"
    lunr.mkdir(parents=True)
    for name in ("lunr.min.js", "LICENSE"):
        (lunr / name).write_text("x")
    with pytest.raises(MissingPackage, match=r"lunr-languages.*npm ci") as caught:
        list(vendor_files(tmp_path / "node_modules"))
    assert str(tmp_path) in str(caught.value)

"""Site search: the documents and the prebuilt, sharded lunr index of each language, and the
browser's loading of it.

The example region is built (conftest.built_site). Its index, in shards, is checked against the
index lunr.py's own Builder makes from the same documents (the reference): merged, the shards
are that index, and each is a lunr index of its own. In node, with the very lunr.js,
lunr-languages, searchtext.js and searchcore.js files the site serves
(tests/node/search_runner.js), queries on the reference give the same refs and scores in
lunr.py and lunr.js, and searchcore's loading path (the manifest, the shards a query needs,
merged) gives the very results of the whole reference index. Expected documents are derived
from the content as hyteguide.content.load reads it, never hardcoded.

The node tests need /usr/bin/node and `npm ci`; locally a missing piece skips them, under CI
(env CI set) it fails them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from pathlib import Path
from textwrap import dedent, indent
from urllib.parse import urljoin

import pytest

from hyteguide.schedule.occurrences import activity_occurrences, published_end
from hyteguide.search import documents as searchdocs
from hyteguide.search import files as search
from hyteguide.search import index as searchindex
from hyteguide.search import text as searchtext
from hyteguide.search.files import FACETS, VENDOR_FILES, MissingPackage, SearchSizes, vendor_files
from hyteguide.web.urls import path_of
from tests.conftest import BASE_URL, REPO, TODAY, BuiltSite
from tests.helpers import ORG_HEAD, make_site, organisation
from tests.search.test_searchtext import node_runner, site_scripts

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
# Queries as the search box gives them to searchcore (no lunr syntax): a word, words whose
# terms are in different shards, a word still being typed (its prefix), a word typed in full
# (trailing space), compounds the index lacks (their first part, in another shard), misspelt
# words (close matches, from shards anywhere), stop words, numbers; and the language's
# commonest term is added.
CORE_QUERIES = {
    "fi": ["kävely", "vertaistuki kerava", "käve", "kävely ", "kesäleiri hyvinkää", "kesleiri",
           "kävelyryhmä", "mielenterveys", "ryhmä", "liikuntaa perheille", "ja", "ja kävely",
           "klo 10:30", "04200", "qwzxqwzx", "kesäleiri qwzxqwzx", "omaishoitaja tuusula",
           "vertaistukiryhmät", "espoo", "hyvinkäällä", "ruokakerho", "seniorryhmä "],
    "sv": ["sommarläger", "motion", "kamratstöd kervo", "motio", "föreningshuset",
           "psykisk hälsa", "sommarlägr", "kamratstöf", "motoin", "famlij"],
    "en": ["walking", "summer camps", "peer support", "walk", "helth", "mental health"],
}


# Queries of CORE_QUERIES whose every word is found as it is (never fuzzed).
EXACT = {"fi": ["kävely", "vertaistuki kerava", "mielenterveys", "kesäleiri hyvinkää"],
         "sv": ["sommarläger", "motion", "psykisk hälsa"], "en": ["walking", "peer support"]}


# -- where things are -----------------------------------------------------------------------------

def manifest(site, lang: str) -> dict:  # noqa: ANN001 - a conftest.BuiltSite
    """The language's search/manifest.json, beside its search page (search/, sv/search/, …)."""
    return json.loads((site.root / site.localised(f"search/{search.MANIFEST}", lang)).read_bytes())


def folder(site, lang: str) -> Path:  # noqa: ANN001
    """The folder of the files the manifest names."""
    return site.root / site.localised("search/", lang) / manifest(site, lang)["folder"]


def named(site, lang: str, name: str):  # noqa: ANN001, ANN201 - JSON
    return json.loads((folder(site, lang) / name).read_bytes())


def shards(site, lang: str) -> list[dict]:  # noqa: ANN001
    """The index shards, in order: serialised lunr indexes."""
    return [named(site, lang, f"i{n}.json") for n in range(len(manifest(site, lang)["shards"]))]


def documents(site, lang: str) -> list[dict]:  # noqa: ANN001
    """Every document, from the parts of the documents, by ref."""
    found = manifest(site, lang)
    docs: list[dict] = []
    for n in range(math.ceil(found["documents"] / found["part"])):
        part = named(site, lang, f"d{n}.json")
        assert part["from"] == len(docs) == n * found["part"]
        assert 0 < len(part["documents"]) <= found["part"]
        docs += part["documents"]
    assert len(docs) == found["documents"]
    return docs


def facet_records(site, lang: str) -> list[dict]:  # noqa: ANN001
    """Each document's filter values from facets.json, as searchcore.js decodes them:
    {"municipality": [ids], …, "free": True}."""
    return decode_facets(named(site, lang, "facets.json"))


def decode_facets(table: dict) -> list[dict]:
    records: list[dict] = []
    for name, group in table.items():
        while len(records) < len(group["docs"]):
            records.append({})
        for ref, number in enumerate(group["docs"]):
            values = [group["values"][i] for i in group["sets"][number]]
            if name == "flags":
                records[ref].update(dict.fromkeys(values, True))
            elif values:
                records[ref][name] = values
    return records


def merged(parts: list[dict]) -> dict:
    """Shards merged into one serialised index: their postings, and each field vector's
    elements from all of them, by term number."""
    vectors: dict[str, list] = {}
    for part in parts:
        for ref, elements in part["fieldVectors"]:
            pairs = [*zip(vectors.get(ref, [])[::2], vectors.get(ref, [])[1::2], strict=True),
                     *zip(elements[::2], elements[1::2], strict=True)]
            vectors[ref] = [x for pair in sorted(pairs) for x in pair]
    first = parts[0]
    return {"version": first["version"], "fields": first["fields"],
            "fieldVectors": list(vectors.items()),
            "invertedIndex": [entry for part in parts for entry in part["invertedIndex"]],
            "pipeline": first["pipeline"]}


def search_page(site, lang: str) -> str:  # noqa: ANN001
    return site.localised("search/index.html", lang)


def page_of(site, lang: str, url: str) -> str | None:  # noqa: ANN001
    """The output file a document's link leads to, followed as the search page follows it."""
    return site.file_of(urljoin(site.url_of(search_page(site, lang)), url))


def neutral(site, lang: str, relative: str) -> str:  # noqa: ANN001
    """'sv/activities/x/y/index.html' → 'activities/x/y/'."""
    prefix = "" if lang == site.languages[0] else f"{lang}/"
    assert relative.startswith(prefix) and relative.endswith("index.html"), relative
    return relative[len(prefix):-len("index.html")]


def lunr_index(site, lang: str):  # noqa: ANN001, ANN201 - a lunr.index.Index
    """The site's shards of a language merged, loaded in lunr.py."""
    from lunr.index import Index

    return Index.load(merged(shards(site, lang)))


def py_search(index, query: str) -> list[list]:  # noqa: ANN001
    return [[result["ref"], result["score"]] for result in index.search(query)]


def py_search_terms(index, query: str, lang: str) -> list[str]:  # noqa: ANN001
    """The refs lunr.py finds for a query's words as the browser looks them up: each word by
    its term in every language of the index (any of them)."""
    from lunr.query import Query

    found = Query(index.fields)
    for word in searchtext.tokenize(query):
        for term in searchtext.query_terms(word, tuple(search.index_languages(
                lang, SITE_LANGUAGES))):
            found.term(term, use_pipeline=False)
    return [result["ref"] for result in index.query(found)]


def lunr_py_index(docs: list, lang: str) -> dict:
    """The reference: the serialised index lunr.py's own Builder makes of the documents."""
    from lunr.builder import Builder

    builder = Builder()
    builder.search_pipeline.add(*searchtext.pipeline_functions(lang))
    builder.ref("ref")
    for name, boost in search.FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref), **{name: search.field_terms(doc, name)
                                         for name, _ in search.FIELDS}})
    return builder.build().serialize()


SITE_LANGUAGES = ("fi", "sv", "en")


def index_file(path: Path, lang: str, index: dict) -> str:
    """An index file of tests/node/search_runner.js: {lang, stopwords, languages, index}
    (languages as the manifest's: the site's, own first, with their stop words)."""
    languages = [[code, sorted(searchtext.stop_words(code))]
                 for code in search.index_languages(lang, SITE_LANGUAGES)]
    path.write_text(json.dumps({"lang": lang, "stopwords": sorted(searchtext.stop_words(lang)),
                                "languages": languages, "index": index}, ensure_ascii=False),
                    encoding="utf-8")
    return str(path)


def write_search_files(found: search.SearchFiles, root: Path) -> Path:
    """A language's search files as the build writes them under root; the manifest's path."""
    (root / found.manifest["folder"]).mkdir(parents=True)
    for name, data in found.files.items():
        (root / found.manifest["folder"] / name).write_bytes(data)
    (root / search.MANIFEST).write_bytes(search.compact_json(found.manifest))
    return root / search.MANIFEST


def build_small(tmp_path: Path, sources, files: dict[str, str]) -> BuiltSite:  # noqa: ANN001
    """helpers.make_site content with files, built for TODAY with the session's templates."""
    from hyteguide.build.pipeline import build

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
def search_documents(sources, example_content) -> dict[str, list]:
    """Language → the example's SearchDocuments, as the build makes them."""
    from hyteguide.derive.guide import derive
    from hyteguide.web.i18n import load_catalogue
    from hyteguide.web.urls import Urls

    guide = derive(example_content, TODAY)
    languages = example_content.site.languages
    urls = Urls(BASE_URL, languages)
    catalogues = {lang: load_catalogue(sources.templates, lang) for lang in languages}
    return {lang: searchdocs.documents(guide, catalogues[lang], urls, catalogues)
            for lang in languages}


@pytest.fixture(scope="module")
def reference(search_documents) -> dict[str, dict]:
    """Language → the serialised index lunr.py's Builder makes of the example."""
    return {lang: lunr_py_index(docs, lang) for lang, docs in search_documents.items()}


@pytest.fixture(scope="module")
def reference_files(reference, tmp_path_factory) -> dict[str, str]:
    """Language → the reference index as a node runner index file."""
    root = tmp_path_factory.mktemp("reference")
    return {lang: index_file(root / f"{lang}.json", lang, index)
            for lang, index in reference.items()}


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


def title_of(kind: str, target: object):  # noqa: ANN201 - a model.Text
    return target.title if kind in ("activity", "page") else target.name


# -- the documents --------------------------------------------------------------------------------

def test_documents_per_type_are_the_contents(built_site, example_content):
    content = example_content
    expected = {"activity": sum(len(o.activities) for o in content.organisations),
                "organisation": len(content.organisations), "place": len(content.places),
                "partnership": len(content.partnerships), "page": len(content.pages)}
    for lang in built_site.languages:
        data = manifest(built_site, lang)
        assert data["lang"] == lang
        assert data["built"] == TODAY.isoformat()
        assert set(data["types"]) == set(TYPES) and all(data["types"].values())
        kinds = [doc["type"] for doc in documents(built_site, lang)]
        assert Counter(kinds) == expected, lang
        # in a stable order: activities, organisations, places, partnership tables, pages
        assert kinds == sorted(kinds, key=TYPES.index), lang
        assert data["part"] < len(kinds)  # the example's documents come in several parts


def test_document_links_are_localised_pages_of_the_site(built_site, targets):
    for lang in built_site.languages:
        seen = set()
        for doc in documents(built_site, lang):
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
        for doc in documents(built_site, lang):
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
        records = facet_records(built_site, lang)
        assert len(records) == manifest(built_site, lang)["documents"]
        for name, group in FACETS:
            ids = set(vocabulary.group(group))
            used = {value for record in records for value in record.get(name, ())}
            offered = {box["value"] for box in
                       soup.select(f'[data-facet="{name}"] input[type="checkbox"]')}
            assert used, f"no document has a {name}"
            assert used <= ids, (lang, name, used - ids)
            assert offered <= ids, (lang, name, offered - ids)
            assert used <= offered, (lang, name, used - offered)


def test_facet_table_gives_each_document_its_values_and_flags(built_site, search_documents):
    """facets.json decoded is every document's facets and flags, and the documents carry the
    flags (their badges) but not the facet lists."""
    for lang in built_site.languages:
        expected = [{**{name: sorted(set(values)) for name, values in doc.facets.items()
                        if values}, **dict.fromkeys(doc.flags, True)}
                    for doc in search_documents[lang]]
        assert facet_records(built_site, lang) == expected, lang  # values in order
        for doc, record in zip(documents(built_site, lang), expected, strict=True):
            assert not set(doc) & {name for name, _ in FACETS}, doc
            assert {key for key in doc if doc[key] is True} == \
                {key for key in record if record[key] is True}
    flags = Counter(flag for record in facet_records(built_site, "fi") for flag in record
                    if record[flag] is True)
    assert flags["free"] and flags["low_threshold"], flags


def test_facet_table_numbers_the_commonest_sets_first():
    docs = [searchdocs.SearchDocument(type="page", url=f"{n}/", title="t", title_lang="fi",
                                      summary="", summary_lang="fi", keywords=(), text=(),
                                      facets={"municipality": municipalities})
            for n, municipalities in enumerate([("tuusula",), ("kerava",), ("tuusula",),
                                                ("tuusula", "kerava"), ()])]
    table = search.facet_table(docs)
    municipality = table["municipality"]
    assert municipality["values"] == ["kerava", "tuusula"]
    assert municipality["sets"] == [[1], [], [0], [0, 1]]
    assert municipality["docs"] == [0, 2, 0, 3, 1]
    assert decode_facets(table)[3] == {"municipality": ["kerava", "tuusula"]}
    assert table["flags"] == {"values": [], "sets": [[]], "docs": [0] * 5}


def expected_next(activity, content) -> list[str]:  # noqa: ANN001
    """The first 3 held dates among the activity's next 8 (cancelled ones too), however far
    ahead: what its page lists."""
    coming = activity_occurrences(activity, TODAY, published_end(activity, TODAY))[:8]
    return [o.date.isoformat() for o in coming if not o.cancelled][:3]


def test_next_dates_are_the_next_held_occurrences(built_site, targets, example_content):
    with_dates = 0
    for lang in built_site.languages:
        for doc in documents(built_site, lang):
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
    [doc] = [d for d in documents(site, "fi") if d["title"] == "Tauolla oleva ryhmä"]
    assert [day for day, _ in doc.get("next", ())] == [d.isoformat() for d in wednesdays[4:7]]


# -- the index ------------------------------------------------------------------------------------

def test_manifest_names_the_pipeline_stop_words_and_shards(built_site):
    for lang in built_site.languages:
        data = manifest(built_site, lang)
        assert data["stopwords"] == sorted(searchtext.stop_words(lang))
        assert data["pipeline"] == [fn.label for fn in searchtext.pipeline_functions(lang)]
        assert data["version"] == "2.3.9" and data["fields"] == ["title", "keywords", "text"]
        assert re.fullmatch(r"v-[0-9a-f]{12}/", data["folder"])
        assert len(data["shards"]) > 3  # the example's index comes in several shards
        for shard in shards(built_site, lang):
            assert shard["version"] == "2.3.9"
            assert shard["pipeline"] == data["pipeline"] and shard["fields"] == data["fields"]
        refs = {field_ref.split("/", 1)[1] for shard in shards(built_site, lang)
                for field_ref, _ in shard["fieldVectors"]}
        assert refs == {str(n) for n in range(data["documents"])}


def test_shards_are_lunr_indexes_of_consecutive_term_ranges(built_site):
    """Each shard loads in lunr.py; its terms are in JavaScript's string order, from the first
    to the last the manifest gives, before the next shard's first; every vector element is of a
    term of its own shard; every term is in exactly one shard."""
    from lunr.index import Index

    for lang in built_site.languages:
        bounds = manifest(built_site, lang)["shards"]
        parts = shards(built_site, lang)
        seen: list[str] = []
        for n, shard in enumerate(parts):
            Index.load(shard)
            terms = [term for term, _ in shard["invertedIndex"]]
            assert terms and [terms[0], terms[-1]] == bounds[n]
            assert terms == sorted(terms, key=searchindex.utf16)
            if n + 1 < len(bounds):
                assert searchindex.utf16(terms[-1]) < searchindex.utf16(bounds[n + 1][0])
            own = {posting["_index"] for _, posting in shard["invertedIndex"]}
            for _, elements in shard["fieldVectors"]:
                assert elements and set(elements[::2]) <= own, (lang, n)
                assert elements[::2] == sorted(elements[::2])
            seen += terms
        assert len(seen) == len(set(seen)), "a term in two shards"


def test_merged_shards_are_the_index_lunr_py_builds(built_site, reference):
    """Every term in the manifest's shards, and merged they are lunr.py's own index of the same
    documents: the same postings, term numbers and field vectors (but the empty vectors of
    empty fields, which no query reads)."""
    for lang in built_site.languages:
        whole = merged(shards(built_site, lang))
        expected = reference[lang]
        assert sorted(whole["invertedIndex"]) == expected["invertedIndex"]
        assert whole["fields"] == expected["fields"] and whole["pipeline"] == expected["pipeline"]
        assert dict(whole["fieldVectors"]) == {
            ref: elements for ref, elements in expected["fieldVectors"] if elements}
        covered = {term for term, _ in whole["invertedIndex"]}
        assert covered == {term for term, _ in expected["invertedIndex"]}


def test_builder_is_byte_for_byte_lunr_py_s(search_documents, reference):
    for lang, docs in search_documents.items():
        ours = search.index_of(docs, lang).serialize()
        assert search.compact_json(ours) == search.compact_json(reference[lang]), lang


def test_split_cuts_by_budget_and_keeps_a_big_term_alone():
    terms = [{"text": ["a"] * 3 + ["b", f"c{n}", "z"]} for n in range(40)]
    index = searchindex.build(terms, [("text", 1)], ["p"])
    runs = searchindex.ranges(index, 400)
    assert [term for run in runs for term in run] == sorted(index.postings)
    assert all(runs) and len(runs) > 3
    for run in runs:
        costs = [searchindex._cost(term, index.postings[term]) for term in run]
        assert len(run) == 1 or sum(costs) <= 400, run
    big = searchindex.ranges(index, 100)
    assert ["a"] in big and ["z"] in big  # in every document: more than the budget, alone
    assert len(searchindex.split(index, 10**9)) == 1


def test_kesaleiri_is_found_without_diacritics(built_site):
    index = lunr_index(built_site, "fi")
    docs = documents(built_site, "fi")
    results = py_search(index, "kesaleiri")
    assert results, "kesaleiri found nothing"
    top = docs[int(results[0][0])]
    assert neutral(built_site, "fi", page_of(built_site, "fi", top["url"])) == KESALEIRI


def same_results(python: list, browser: list | dict) -> bool:
    if isinstance(browser, dict):  # the browser threw
        return False
    return [ref for ref, _ in python] == [ref for ref, _ in browser] and all(
        abs(p - b) <= 1e-9 * max(abs(p), abs(b), 1e-12)
        for (_, p), (_, b) in zip(python, browser, strict=True))


def test_browser_and_lunr_py_give_the_same_results(built_site, node, tmp_path):
    """The same queries on the built index (its shards merged) give identical refs in
    identical order with equal scores in lunr.py and in the browser's lunr.js."""
    languages = [lang for lang in QUERIES if lang in built_site.languages]
    tasks = [{"op": "search",
              "index": index_file(tmp_path / f"{lang}.json", lang,
                                  merged(shards(built_site, lang))),
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


def test_numbers_are_found_in_the_browser_as_in_lunr_py(built_site, node, reference_files):
    """Postal codes, years and other numbers of the content are found by the browser too."""
    queries = ["04200", "04600", "01900", "2026", "100", "10"]
    languages = list(built_site.languages)
    tasks = [{"op": "search", "queries": queries, "index": reference_files[lang]}
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


def test_browser_terms_of_the_index_are_pythons(built_site, node, reference_files):
    """searchtext.terms(index, text) with each built index's own pipeline, on every title and
    summary of its documents, is what Python's terms are."""
    languages = list(built_site.languages)
    texts = {lang: [doc.get(key, "") for doc in documents(built_site, lang)
                    for key in ("title", "summary", "where", "organisation")]
             for lang in languages}
    tasks = [{"op": "terms", "texts": texts[lang], "index": reference_files[lang]}
             for lang in languages]
    differences = []
    for lang, answers in zip(languages, node.run(*tasks), strict=True):
        for text, browser in zip(texts[lang], answers, strict=True):
            python = [searchtext.term(word, lang) for word in searchtext.tokenize(text)]
            if python != browser:
                differences.append((lang, text, python, browser))
    assert not differences, f"{len(differences)} differ: {differences[:10]}"


# -- loading shards in the browser ----------------------------------------------------------------

def commonest_term(index: dict) -> str:
    """The term in the most documents' fields."""
    return max(index["invertedIndex"], key=lambda entry: sum(
        len(refs) for field, refs in entry[1].items() if field != "_index"))[0]


def core_queries(lang: str, index: dict) -> list[str]:
    return [*CORE_QUERIES[lang], commonest_term(index)]


def sharded_tasks(manifest_path: Path, queries: list[str]) -> list[dict]:
    """Each query as a first query (fetching anew), and all of them in one session."""
    return [{"op": "sharded", "manifest": str(manifest_path), "queries": queries, "fresh": fresh,
             "show": 5} for fresh in (True, False)]


def assert_same_as_whole(lang: str, queries: list[str], whole: list, *sharded: list) -> None:
    """Identical refs, order, scores (to the last bit) and kind of match."""
    assert any(answer["hits"] for answer in whole)
    for answers in sharded:
        differences = [(lang, query, expected["kind"], expected["hits"][:4], got["kind"],
                        got["hits"][:4])
                       for query, expected, got in zip(queries, whole, answers, strict=True)
                       if (got["hits"], got["kind"]) != (expected["hits"], expected["kind"])]
        assert not differences, "\n".join(map(repr, differences))


def test_loading_the_shards_a_query_needs_gives_the_whole_index_results(built_site, node,
                                                                        reference,
                                                                        reference_files):
    """The done-when test: searchcore.js on the built site's manifest, fetching only the shards
    it needs, gives the same ranked refs with the same scores as on lunr.py's whole index."""
    for lang in built_site.languages:
        queries = core_queries(lang, reference[lang])
        whole, *sharded = node.run({"op": "core", "index": reference_files[lang],
                                    "queries": queries},
                                   *sharded_tasks(built_site.root / built_site.localised(
                                       f"search/{search.MANIFEST}", lang), queries))
        assert_same_as_whole(lang, queries, whole, *sharded)


def test_many_small_shards_give_the_whole_index_results(search_documents, reference,
                                                        reference_files, node, tmp_path):
    """The same with shards of a few terms each, so that a word's prefix, its first parts and
    its close matches span many shards: a query fetches those it needs, and no more than a
    few of them."""
    for lang, docs in search_documents.items():
        found = search.search_files(docs, lang, {t: t for t in TYPES}, "2026-11-23",
                                    shard_bytes=2_000)
        count = len(found.manifest["shards"])
        assert count > 100
        path = write_search_files(found, tmp_path / lang)
        queries = core_queries(lang, reference[lang])
        whole, fresh, session = node.run(
            {"op": "core", "index": reference_files[lang], "queries": queries},
            *sharded_tasks(path, queries))
        assert_same_as_whole(lang, queries, whole, fresh, session)
        for query, answer in zip(queries, fresh, strict=True):
            names = [Path(url).name for url in answer["fetched"]]
            assert names[0] == search.MANIFEST
            index = [name for name in names if name.startswith("i")]
            assert len(index) < count / 4, (lang, query, len(index), count)
            if answer["kind"] == "fuzzy":
                assert "terms.json" in names, (lang, query)
            if query in EXACT[lang]:
                assert "terms.json" not in names, (lang, query)
            parts = {int(ref) // found.manifest["part"] for ref, _ in answer["hits"][:5]}
            assert sorted(name for name in names if name.startswith("d")) == \
                sorted(f"d{n}.json" for n in parts)
        assert any(answer["kind"] == "fuzzy" and answer["hits"] for answer in fresh), lang


def test_words_in_different_shards_are_scored_together(search_documents, reference_files,
                                                       node, tmp_path):
    """Two words whose terms are in different shards: a document with both is scored on both,
    as in the whole index."""
    docs = search_documents["fi"]
    found = search.search_files(docs, "fi", {t: t for t in TYPES}, "2026-11-23",
                                shard_bytes=2_000)
    bounds = found.manifest["shards"]

    def shard_of(word: str) -> int:
        term = searchtext.term(word, "fi")
        [number] = [n for n, (first, last) in enumerate(bounds) if first <= term <= last]
        return number

    assert shard_of("vertaistuki") != shard_of("kerava")
    queries = ["vertaistuki kerava", "kerava vertaistuki"]
    path = write_search_files(found, tmp_path / "fi")
    whole, fresh, _ = node.run(
        {"op": "core", "index": reference_files["fi"], "queries": queries},
        *sharded_tasks(path, queries))
    assert_same_as_whole("fi", queries, whole, fresh)
    assert whole[0]["kind"] == "all" and len(whole[0]["hits"]) > 1


# -- builds ---------------------------------------------------------------------------------------

def search_json(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.json"))
            if "search" in p.relative_to(root).parts}


def test_search_files_are_byte_identical_in_two_builds(built_site, second_build):
    first, again = search_json(built_site.root), search_json(second_build[0])
    named_files = sum(1 + len(manifest(built_site, lang)["shards"])
                      + math.ceil(manifest(built_site, lang)["documents"]
                                  / manifest(built_site, lang)["part"]) + 2
                      for lang in built_site.languages)
    assert len(first) == named_files  # manifests, shards, document parts, facets and terms
    assert first.keys() == again.keys()
    changed = [path for path in first if first[path] != again[path]]
    assert not changed


def test_build_report_gives_the_search_file_sizes(built_site, second_build):
    [line] = [line for line in second_build[1].splitlines() if line.startswith("search: ")]
    for lang in built_site.languages:
        folder_path = re.escape(built_site.localised("search/", lang))
        shards_count = len(manifest(built_site, lang)["shards"])
        assert re.search(rf"(^search: |; ){folder_path} manifest \d+ KB \(\d+ KB gzipped\), "
                         rf"index \d+ KB in {shards_count} files \(\d+ KB gzipped\), "
                         rf"documents \d+ KB in \d+ files \(\d+ KB gzipped\), "
                         rf"facets \d+ KB \(\d+ KB gzipped\), terms \d+ KB", line), line
    assert line.startswith("search: search/ manifest ")


def test_search_sizes_summary():
    sizes = SearchSizes()
    sizes.add("search/manifest.json", b"x" * 4096)
    sizes.add("search/v-0123456789ab/i0.json", b"x" * 2048)
    sizes.add("search/v-0123456789ab/i1.json", b"x" * 2048)
    sizes.add("sv/search/manifest.json", b"")
    raw, packed = sizes.files["search/manifest.json"]
    assert raw == 4096 and 0 < packed < raw
    assert sizes.summary() == ("search: search/ manifest 4 KB (0 KB gzipped), index 4 KB in 2 "
                               "files (0 KB gzipped); sv/search/ manifest 0 KB (0 KB gzipped)")


def test_kind_of_search_files():
    kinds = {path: search.kind_of(path) for path in (
        "search/manifest.json", "sv/search/manifest.json", "search/v-0123456789ab/i12.json",
        "en/search/v-0123456789ab/d0.json", "search/v-0123456789ab/facets.json",
        "search/v-0123456789ab/terms.json", "search/index.html", "assets/search.js",
        "search/v-0123456789ab/other.json", "activities/manifest.json")}
    assert kinds == {
        "search/manifest.json": "manifest", "sv/search/manifest.json": "manifest",
        "search/v-0123456789ab/i12.json": "index", "en/search/v-0123456789ab/d0.json":
        "documents", "search/v-0123456789ab/facets.json": "facets",
        "search/v-0123456789ab/terms.json": "terms", "search/index.html": None,
        "assets/search.js": None, "search/v-0123456789ab/other.json": None,
        "activities/manifest.json": None}


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
        docs = documents(site, lang)
        by_url = {neutral(site, lang, page_of(site, lang, d["url"])): d for d in docs}
        assert by_url["activities/testi/vuosi/"]["title"] == "2026"
        assert by_url["activities/testi/vuosi/"]["summary"] == "10:30"
        assert by_url["activities/testi/kylla/"]["title"] == "yes"
        assert by_url["activities/testi/kylla/"]["summary"] == "2026-12-01"
        index = lunr_index(site, lang)
        for query, path in (("2026", "activities/testi/vuosi/"),
                            ("yes", "activities/testi/kylla/")):
            results = py_search_terms(index, query, lang)
            assert results, (lang, query)
            top = docs[int(results[0])]
            assert neutral(site, lang, page_of(site, lang, top["url"])) == path, (lang, query)


# (A C1 control such as NEL, U+0085, is refused by check: tests/content/test_hostile_values.py.)
HOSTILE = ["<script>alert(1)</script>", '"quoted" \'single\' `back`', "</script><!--",
           "line\u2028separator\u2029paragraph", "back\\slash \\u0041 {{ 7*7 }}",
           "no\u00a0break\u2009thin", "emoji 👍🏽 and ä"]


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
        [doc] = [d for d in documents(site, lang) if d["type"] == "activity"
                 and d["url"].rstrip("/").endswith("vihamielinen")]
        assert doc["title"] == title
        assert doc["summary"] == summary
        assert manifest(site, lang)["lang"] == lang


# -- the browser libraries ------------------------------------------------------------------------

def test_vendor_files_are_copied_unchanged(built_site):
    vendor = built_site.root / "assets" / "vendor"
    assert sorted(p.name for p in vendor.iterdir() if p.is_file()) == \
        sorted(VENDOR_FILES.values())  # (and decap/, the form editor's: tests/editor)
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

"""Issue 20, point 3: the search finds ordinary Finnish and Swedish as residents type it.

The built example site's own search files are searched in node by the site's own searchcore.js
(as the browser runs it: the shards a query needs, close matches, grouping), and the results
compared with what the content says: the activities of a theme, the free ones, those in a
municipality. Expected documents come from the facet table and the content, never hardcoded
counts.
"""

from __future__ import annotations

import pytest

from hyteguide.search import documents as searchdocs
from tests.search.test_search import documents, facet_records, neutral, page_of
from tests.search.test_searchtext import node_runner, site_scripts

LONELINESS = ("yksinäisyys", "yksinaisyys", "yksinäisyyden", "yksinaisyyden")


@pytest.fixture(scope="module")
def node(built_site):
    assets = built_site.root / "assets"
    return node_runner(site_scripts(assets / "vendor"), assets / "searchtext.js")


@pytest.fixture(scope="module")
def records(built_site) -> dict[str, list[dict]]:
    """Language → each document with its filter values, by ref."""
    return {lang: [{**doc, **facets} for doc, facets in zip(
        documents(built_site, lang), facet_records(built_site, lang), strict=True)]
        for lang in built_site.languages}


def find(node, site, lang: str, queries: list[str], group: bool = False) -> dict[str, dict]:  # noqa: ANN001
    """Each query as a first query on the site's files: {hits: [refs], kind, fetched, also}."""
    manifest = site.root / site.localised("search/manifest.json", lang)
    [answers] = node.run({"op": "sharded", "manifest": str(manifest), "queries": queries,
                          "fresh": True, "group": group})
    return {query: {**answer, "hits": [int(ref) for ref, _ in answer["hits"]]}
            for query, answer in zip(queries, answers, strict=True)}


def having(records: list[dict], name: str, value: str | None = None) -> set[int]:
    """Refs of the activities with a filter value (or a yes flag)."""
    return {ref for ref, record in enumerate(records) if record["type"] == "activity"
            and (record.get(name) is True if value is None else value in record.get(name, ()))}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_spelling_of_loneliness_finds_the_loneliness_theme(node, built_site, records,
                                                                  lang):
    """With or without ä, nominative or genitive: the same results, every activity of the
    theme among them (stemmed as written, then folded)."""
    theme = having(records[lang], "theme", "yksinaisyys")
    assert len(theme) >= 20
    found = find(node, built_site, lang, list(LONELINESS))
    first = set(found[LONELINESS[0]]["hits"])
    for query in LONELINESS:
        hits = set(found[query]["hits"])
        assert theme <= hits, (query, len(theme - hits))
        assert hits == first, query
        assert found[query]["kind"] == "all", query


def test_a_misspelt_word_finds_its_close_matches_not_a_compound_part(node, built_site,
                                                                        records):
    """mielenteveys: the first part "mielen" (Mielen metsäkävely) no longer wins; the close
    match mielenterveys does. A word found as it is is never fuzzed (no term list fetched)."""
    found = find(node, built_site, "fi", ["mielenteveys", "mielenterveys",
                                          "kerava mielenteveys"])
    typo, right = found["mielenteveys"], found["mielenterveys"]
    assert typo["kind"] == "fuzzy"
    assert set(right["hits"][:10]) <= set(typo["hits"])
    assert "mielenterve" in records["fi"][typo["hits"][0]]["title"].lower() or \
        typo["hits"][0] in right["hits"][:3]
    assert right["kind"] == "all" and not any(url.endswith("terms.json")
                                              for url in right["fetched"])
    # per word: kerava matches exactly, the misspelt word is fuzzed; both are required
    both = found["kerava mielenteveys"]
    assert both["kind"] == "fuzzy" and both["hits"]
    assert set(both["hits"]) < set(typo["hits"])


@pytest.mark.parametrize(("lang", "queries"), [
    ("fi", ["maksuton", "ilmainen", "gratis"]),
    ("sv", ["avgiftsfri", "gratis", "ilmainen"]),
    ("en", ["free", "gratis"]),
])
def test_free_activities_are_found_by_the_words_for_free(node, built_site, records, lang,
                                                         queries):
    free = having(records[lang], "free")
    assert free
    for query, answer in find(node, built_site, lang, queries).items():
        assert free <= set(answer["hits"]), (lang, query, len(free - set(answer["hits"])))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_low_threshold_activities_are_found_in_every_language(node, built_site, records, lang):
    low = having(records[lang], "low_threshold")
    assert low
    for query, answer in find(node, built_site, lang, ["matala kynnys", "låg tröskel",
                                                       "low threshold"]).items():
        assert answer["kind"] == "all", (lang, query)
        assert low <= set(answer["hits"]), (lang, query, len(low - set(answer["hits"])))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_vocabulary_labels_of_every_language_are_search_words(node, built_site, records, lang):
    """/fi/ kamratstöd and kervo work like vertaistuki and kerava, and /sv/ the other way."""
    peer = having(records[lang], "theme", "vertaistuki")
    kerava = having(records[lang], "municipality", "kerava")
    found = find(node, built_site, lang, ["vertaistuki", "kamratstöd", "kerava", "kervo"])
    for query in ("vertaistuki", "kamratstöd"):
        assert peer <= set(found[query]["hits"]), (lang, query)
    for query in ("kerava", "kervo"):
        assert kerava <= set(found[query]["hits"]), (lang, query)
    small, large = sorted((len(found["kerava"]["hits"]), len(found["kervo"]["hits"])))
    assert small >= 0.8 * large, (lang, small, large)


def test_finnish_text_is_found_in_the_swedish_index_as_in_the_finnish(node, built_site,
                                                                      records):
    """Finnish-only entries' text is stemmed as Finnish in the Swedish index: lapsille finds
    in /sv/ the Finnish-only activities it finds in /fi/."""
    fi = find(node, built_site, "fi", ["lapsille"])["lapsille"]["hits"]
    sv = find(node, built_site, "sv", ["lapsille"])["lapsille"]["hits"]
    assert len(fi) >= 20
    untranslated = {neutral(built_site, "fi", page_of(built_site, "fi", records["fi"][r]["url"]))
                    for r in fi if records["fi"][r].get("title_lang") is None
                    and "title_lang" in records["sv"][r]}
    in_sv = {neutral(built_site, "sv", page_of(built_site, "sv", records["sv"][r]["url"]))
             for r in sv}
    assert untranslated and untranslated <= in_sv
    assert len(sv) >= 0.9 * len(fi), (len(fi), len(sv))


def test_same_named_organisation_activity_and_place_are_one_result(node, built_site, records,
                                                                   example_content):
    """Klubitalo Kiviverstas ry, its activity Klubitalo Kiviverstas and its place of the same
    name: one result, the organisation, with the other two under it."""
    fi = records["fi"]
    same = [ref for ref, doc in enumerate(fi) if doc["title"].startswith("Klubitalo Kiviverstas")]
    assert sorted(fi[ref]["type"] for ref in same) == ["activity", "organisation", "place"]
    plain = find(node, built_site, "fi", ["kiviverstas"])["kiviverstas"]
    assert set(same) <= set(plain["hits"])
    grouped = find(node, built_site, "fi", ["kiviverstas"], group=True)["kiviverstas"]
    [organisation] = [ref for ref in same if fi[ref]["type"] == "organisation"]
    assert grouped["hits"][0] == organisation
    assert [[int(ref), sorted(int(r) for r in also)] for ref, also in grouped["also"]] \
        == [[organisation, sorted(set(same) - {organisation})]]
    assert not set(same) - {organisation} & set(grouped["hits"])
    assert len(grouped["hits"]) == len(plain["hits"]) - 2


def test_same_named_groups_come_from_names(built_site, example_content):
    from hyteguide.derive.guide import derive
    from hyteguide.web.i18n import load_catalogue
    from hyteguide.web.urls import Urls
    from tests.conftest import BASE_URL, TEMPLATES, TODAY

    guide = derive(example_content, TODAY)
    docs = searchdocs.documents(guide, load_catalogue(TEMPLATES, "fi"),
                                Urls(BASE_URL, example_content.site.languages))
    groups = searchdocs.same_named(guide, docs)
    assert [[docs[ref].title for ref in group] for group in groups] == [
        ["Klubitalo Kiviverstas ry", "Klubitalo Kiviverstas", "Klubitalo Kiviverstas"]]
    assert [docs[ref].type for ref in groups[0]] == ["organisation", "activity", "place"]
    assert searchdocs._name_key("Klubitalo Kiviverstas ry") == \
        searchdocs._name_key("KLUBITALO KIVIVERSTAS") == ("klubitalo", "kiviverstas")

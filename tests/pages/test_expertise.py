"""Issue 20, point 2: expertise is browsable (term pages, the coordinators' view with contacts,
linked chips, a filter on the organisation list, a search facet, found by 'tilat'); point 1 on
the pages: a broader term's page names and lists its narrower terms, an activity's page shows
its terms as written. Read as a visitor would: the built example's parsed HTML."""

from __future__ import annotations

import pytest

from tests.search.test_search import documents, facet_records, lunr_index, py_search


@pytest.fixture(scope="module")
def offering(example_content) -> dict[str, set[str]]:
    """expertise id → the slugs of the organisations offering it."""
    found: dict[str, set[str]] = {}
    for organisation in example_content.organisations:
        for term_id in organisation.expertise:
            found.setdefault(term_id, set()).add(organisation.slug)
    return found


def slug_of(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_expertise_view_lists_each_term_with_its_organisations_and_contacts(
        built_site, example_content, offering, lang):
    soup = built_site.soup(built_site.localised("expertise/index.html", lang))
    sections = soup.select("section.offers")
    assert len(sections) == len(offering)
    for section in sections:
        term_link = section.select_one("h2 a")
        term_id = slug_of(term_link["href"])
        cards = section.select("li.card")
        shown = {slug_of(c.select_one(".card__title a")["href"]) for c in cards}
        assert shown <= offering[term_id] and shown
        if shown != offering[term_id]:  # the first ones, and a link to them all
            assert [a for a in section.select("p a") if a["href"] == term_link["href"]]
        for card in cards:  # a coordinator can reach each one from here
            assert card.select('a[href^="mailto:"]') or card.select('a[href^="tel:"]')
    assert soup.find("h1").get_text(strip=True)


def test_an_expertise_term_page_lists_the_organisations_with_contacts(built_site, offering):
    soup = built_site.soup("expertise/tilat/index.html")
    assert soup.find("h1").get_text(strip=True) == "Tilat kumppanien käyttöön"
    cards = soup.select("#organisations-heading ~ ul.cards > li.card")
    assert {slug_of(c.select_one(".card__title a")["href"]) for c in cards} == offering["tilat"]
    assert not soup.select("#activities-heading")  # organisations only
    assert soup.select('a[href^="mailto:info@mielitupa"]') == []  # not one of them


def test_expertise_chips_on_an_organisation_page_link_to_their_terms(built_site):
    soup = built_site.soup("organisations/perhepesa/index.html")
    chips = soup.select("dd ul.chips a")
    hrefs = {a["href"] for a in chips}
    assert "../../expertise/tilat/" in hrefs
    page = built_site.soup("sv/organisations/perhepesa/index.html")
    assert "../../expertise/tilat/" in {a["href"] for a in page.select("dd ul.chips a")}


def test_the_organisation_list_offers_an_expertise_filter_and_the_view(built_site, offering):
    soup = built_site.soup("organisations/index.html")
    boxes = soup.select('[data-organisations-filter] input[name="expertise"]')
    assert {b["value"] for b in boxes} == set(offering)
    for box in boxes:  # each box has its label
        assert soup.select_one(f'label[for="{box["id"]}"]').get_text(strip=True)
    cards = soup.select("li[data-organisation]")
    premises = {slug_of(c.select_one(".card__title a")["href"]) for c in cards
                if "tilat" in c.get("data-expertise", "").split()}
    assert premises == offering["tilat"]
    assert soup.select_one('a[href="../expertise/"]')  # the path without JavaScript
    assert soup.select_one('script[src$="organisations.js"]')


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_search_offers_an_expertise_facet(built_site, offering, lang):
    soup = built_site.soup(built_site.localised("search/index.html", lang))
    boxes = soup.select('[data-facet="expertise"] input[name="expertise"]')
    assert {b["value"] for b in boxes} == set(offering)
    records = facet_records(built_site, lang)
    docs = documents(built_site, lang)
    with_premises = {docs[i]["url"] for i, r in enumerate(records) if "tilat" in r.get(
        "expertise", ())}
    assert len(with_premises) == len(offering["tilat"])
    assert all(docs[i]["type"] == "organisation" for i, r in enumerate(records)
               if r.get("expertise"))


def test_tilat_finds_every_organisation_offering_premises(built_site, offering):
    index, docs = lunr_index(built_site, "fi"), documents(built_site, "fi")
    found = {slug_of(docs[int(ref)]["url"]) for ref, _ in py_search(index, "tilat")
             if docs[int(ref)]["type"] == "organisation"}
    assert offering["tilat"] <= found, offering["tilat"] - found


def test_a_broader_terms_page_names_its_narrower_terms(built_site):
    soup = built_site.soup("audiences/aikuiset/index.html")
    narrower = soup.select_one(".term-narrower")
    assert narrower is not None
    assert "../mielenterveyskuntoutujat/" in {a["href"] for a in narrower.select("a")}
    count = soup.select_one("p.muted").get_text()
    recovering = built_site.soup("audiences/mielenterveyskuntoutujat/index.html")
    assert recovering.select_one(".term-narrower") is None
    assert count  # the count includes the narrower terms' activities (derive tests)


def test_an_activity_page_shows_its_audience_as_written(built_site):
    soup = built_site.soup("activities/jarvenpaan-mielitupa/masennusryhma/index.html")
    chips = [a.get_text(strip=True) for a in soup.select("ul.chips a")]
    assert "Mielenterveyskuntoutujat" in chips and "Aikuiset" not in chips


def test_vocabulary_json_carries_broader(built_site):
    import json

    data = json.loads(built_site.read("opendata/vocabulary.json"))
    audiences = next(g for g in data["vocabulary"] if g["group"] == "audiences")["terms"]
    by_id = {t["id"]: t for t in audiences}
    assert by_id["mielenterveyskuntoutujat"]["broader"] == ["aikuiset"]
    assert "broader" not in by_id["aikuiset"]


def test_the_hsds_package_gives_a_narrower_term_its_parent(built_site):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(built_site.read(
        "opendata/hsds/taxonomy_terms.csv"))))
    by_code = {row["code"]: row for row in rows}
    assert by_code["mielenterveyskuntoutujat"]["parent_id"] == by_code["aikuiset"]["id"]
    assert not by_code["aikuiset"]["parent_id"]

"""Issue 20, point 1: a filter for a term keeps the activities for its narrower terms
(vocabulary.yaml `broader`), in Python and in the browser alike, and a term's index lists
them; point 2: expertise is an organisation's filter and a taxonomy of its own."""

from __future__ import annotations

import pytest

from hyteguide.derive import filters
from hyteguide.derive.guide import derive
from hyteguide.model import Activity, Organisation, Term, Text, Vocabulary
from tests.conftest import TODAY
from tests.derive.test_filters import agree, library  # noqa: F401 - the fixture


def term(group: str, id: str, *broader: str, everyone: bool = False) -> Term:
    return Term(group, id, Text((("fi", id),)), everyone=everyone, broader=broader)


VOCABULARY = Vocabulary({
    "audiences": {t.id: t for t in (
        term("audiences", "aikuiset"), term("audiences", "kaikki", everyone=True),
        term("audiences", "mielenterveyskuntoutujat", "aikuiset"),
        term("audiences", "nuoret"))},
    "themes": {"tuki": term("themes", "tuki")},
    "formats": {"ryhma": term("formats", "ryhma")},
    "languages": {"fi": term("languages", "fi")},
    "expertise": {"tilat": term("expertise", "tilat"), "koulutus": term("expertise", "koulutus")},
})


def activity(id: str, **values: object) -> Activity:
    return Activity("yhdistys", id, Text((("fi", id),)), Text((("fi", "."),)), "ryhma",
                    **values)  # type: ignore[arg-type]


PEER_GROUP = activity("masennus", audiences=("mielenterveyskuntoutujat",), themes=("tuki",),
                      cost="free", registration="none", low_threshold=True)


def test_an_activity_carries_its_terms_then_their_broader_terms():
    attributes = filters.data_attributes("handout", PEER_GROUP, VOCABULARY)
    assert 'data-audiences="mielenterveyskuntoutujat aikuiset"' in attributes
    assert filters.week_values(PEER_GROUP, VOCABULARY)[0] == "mielenterveyskuntoutujat aikuiset"
    # what the page shows stays as written
    assert filters.BY_NAME["audience"].values(PEER_GROUP) == ("mielenterveyskuntoutujat",)


def test_the_forms_offer_the_broader_terms_of_what_is_listed():
    offered = filters.choices("calendar", [PEER_GROUP], VOCABULARY)
    assert offered["audiences"] == ("aikuiset", "mielenterveyskuntoutujat")


def test_python_and_the_browser_keep_the_narrower_terms_under_a_broader_one(library):  # noqa: F811
    items = [({"audience": list(filters.BY_NAME["audience"].expanded(a, VOCABULARY)),
               "theme": list(a.themes), "low_threshold": ["1"] if a.low_threshold else []},
              VOCABULARY.for_everyone(a.audiences))
             for a in (PEER_GROUP, activity("aikuisille", audiences=("aikuiset",)),
                       activity("kaikille", audiences=("kaikki",)),
                       activity("nuorille", audiences=("nuoret",)))]
    chosen = [{"audience": ["aikuiset"], "theme": ["tuki"], "low_threshold": ["1"]},
              {"audience": ["aikuiset"]}, {"audience": ["mielenterveyskuntoutujat"]}]
    kept = agree(library, items, chosen)
    by_item = [kept[i * len(chosen):(i + 1) * len(chosen)] for i in range(len(items))]
    assert by_item[0] == [True, True, True]  # the peer group: under aikuiset, and its own
    assert by_item[1] == [False, True, False]  # for adults: not for a narrower term's filter
    assert by_item[2] == [False, True, True]  # for everyone: any audience (no theme)
    assert by_item[3] == [False, False, False]


def test_an_organisation_carries_its_expertise_and_an_activity_none():
    organisation = Organisation("yhdistys", Text((("fi", "Yhdistys"),)), Text((("fi", "."),)),
                                ("kerava",), expertise=("tilat",))
    assert filters.data_attributes("organisations", organisation, VOCABULARY) == \
        'data-expertise="tilat"'
    assert filters.BY_NAME["expertise"].values(PEER_GROUP) == ()
    assert "expertise" in filters.PLACES["search"]


@pytest.fixture(scope="module")
def guide(example_content):
    return derive(example_content, TODAY)


def test_a_broader_terms_index_lists_its_narrower_terms_activities(guide):
    adults = guide.taxonomies["audiences"]["aikuiset"]
    peer_group = next(a for a in adults.activities if a.id == "masennusryhma")
    assert "aikuiset" not in peer_group.audiences  # listed for its narrower term
    assert [t.id for t in adults.narrower] == [
        "mielenterveyskuntoutujat", "omaishoitajat", "paihdekuntoutujat", "tyottomat"]
    recovering = guide.taxonomies["audiences"]["mielenterveyskuntoutujat"]
    assert peer_group in recovering.activities and not recovering.narrower
    # a narrower term's index is not widened: activities for adults only are not in it
    assert not any(a.audiences == ("aikuiset",) for a in recovering.activities)
    children = guide.taxonomies["audiences"]["lapset"]
    assert peer_group not in children.activities


def test_expertise_lists_the_organisations_that_offer_it(guide):
    premises = guide.taxonomies["expertise"]["tilat"]
    offering = {o.slug for o in guide.organisations if "tilat" in o.expertise}
    assert {o.slug for o in premises.organisations} == offering and len(offering) >= 6
    assert premises.activities == ()

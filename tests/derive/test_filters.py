"""The one filter definition (hyteguide/derive/filters.py) and the browser's filter code
(templates/assets/lib/filters.js, into which the build writes the definition): the same table,
and the same rule on the same items."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path

import pytest

from hyteguide.derive import filters
from hyteguide.model import Activity, Term, Text, Vocabulary
from hyteguide.web.assets import FILTER_SCRIPT, FILTER_TABLE, asset_data
from tests.search.test_searchtext import NODE, unavailable

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "templates" / "assets" / "lib" / "filters.js"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """lib/filters.js as the site serves it (the definition written in)."""
    built = tmp_path_factory.mktemp("filters") / "filters.js"
    built.write_bytes(asset_data(FILTER_SCRIPT, SOURCE))
    return built


def test_the_script_takes_the_table_in_one_place():
    assert SOURCE.read_bytes().count(FILTER_TABLE) == 1


def test_the_site_serves_the_script_with_the_table(built_site, library):
    assert (built_site.root / "assets" / FILTER_SCRIPT).read_bytes() == library.read_bytes()


def node(library: Path, script: str, data: object) -> object:
    """Run script in node with `filters` (lib/filters.js) and `data` defined; its printed JSON."""
    if not NODE.is_file():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    program = (f"var filters = require({json.dumps(str(library))});\n"
               f"var data = {json.dumps(data)};\n{script}")
    done = subprocess.run([str(NODE), "-e", program], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_browser_holds_the_python_definition(library):
    assert node(library, "console.log(JSON.stringify(filters.TABLE));", None) == \
        filters.browser_table()


def test_every_place_offers_known_filters_in_the_definition_order():
    order = [f.name for f in filters.FILTERS]
    for place, names in filters.PLACES.items():
        assert [n for n in order if n in names] == list(names), place


# Items with values per filter, and whether each is for everyone.
ITEMS = [
    ({"audience": ["nuoret"], "theme": ["liikunta"], "format": ["ryhma"], "free": ["1"]}, False),
    ({"audience": ["kaikki"], "theme": ["kulttuuri"], "format": ["tapahtuma"]}, True),
    ({"audience": ["ikaantyneet", "omaiset"], "language": ["fi", "sv"],
      "low_threshold": ["1"]}, False),
    ({}, False),
]
CHOICES = [
    {},
    {"audience": ["nuoret"]},
    {"audience": ["omaiset", "nuoret"]},
    {"audience": ["nuoret"], "free": ["1"]},
    {"theme": ["liikunta", "kulttuuri"], "format": ["tapahtuma"]},
    {"language": ["sv"], "low_threshold": ["1"]},
    {"free": ["1"], "low_threshold": ["1"]},
    {"audience": ["ikaantyneet"], "theme": []},
]


def agree(library, items: list, choices: list) -> list[bool]:  # noqa: ANN001 - the fixture
    """What Python's and the browser's filters keep of every item under every choice, after
    asserting that the two agree (and that the cases tell kept from dropped)."""
    cases = list(itertools.product(range(len(items)), range(len(choices))))
    expected = [filters.matches({k: tuple(v) for k, v in items[i][0].items()}, items[i][1],
                                choices[c]) for i, c in cases]
    found = node(library, """
        var all = filters.TABLE.filters;
        console.log(JSON.stringify(data.cases.map(function (pair) {
          var item = data.items[pair[0]];
          return filters.passes(all, data.choices[pair[1]], function (filter) {
            return item[0][filter.name] || [];
          }, item[1]);
        })));""", {"cases": cases, "items": items, "choices": choices})
    assert found == expected
    assert any(expected) and not all(expected)
    return expected


def test_python_and_the_browser_keep_the_same_items(library):
    agree(library, ITEMS, CHOICES)


def term(group: str, id: str, everyone: bool = False) -> Term:
    return Term(group, id, Text((("fi", id),)), everyone=everyone)


VOCABULARY = Vocabulary({
    "audiences": {"nuoret": term("audiences", "nuoret"),
                  "kaikki": term("audiences", "kaikki", everyone=True)},
    "themes": {"tuki": term("themes", "tuki"), "liikunta": term("themes", "liikunta")},
    "formats": {"ryhma": term("formats", "ryhma")},
    "languages": {"fi": term("languages", "fi"), "sv": term("languages", "sv")},
})


def activity(id: str, **values: object) -> Activity:
    return Activity("yhdistys", id, Text((("fi", id),)), Text((("fi", "."),)), "ryhma",
                    **values)  # type: ignore[arg-type]


def test_choices_offer_what_the_activities_have():
    listed = [activity("a", audiences=("nuoret",), themes=("tuki", "liikunta"), cost="free"),
              activity("b", audiences=("kaikki",), languages=("sv",))]
    offered = filters.choices("calendar", listed, VOCABULARY)
    assert offered["audiences"] == ("nuoret", "kaikki")  # vocabulary order
    assert offered.themes == ("tuki", "liikunta")
    assert offered["formats"] == ("ryhma",) and offered.languages == ("sv",)
    assert offered.free is True and offered["low_threshold"] is False
    handout = filters.choices("handout", listed, without=("theme",))
    assert handout["audiences"] == ("kaikki", "nuoret")  # by id without an order
    assert handout["themes"] == () and handout["formats"] == ()


def test_week_values_are_the_calendar_filters_then_letters():
    one = activity("a", audiences=("kaikki", "nuoret"), themes=("tuki",), languages=("fi",),
                   cost="free", low_threshold=True)
    assert filters.week_values(one, VOCABULARY) == ["kaikki nuoret", "tuki", "ryhma", "fi", "efl"]
    assert filters.week_values(activity("b"), VOCABULARY) == ["", "", "ryhma", "", ""]
    assert filters.yeses(one) == ("free", "low_threshold")


def test_the_guide_derives_no_municipality_from_an_activity():
    with pytest.raises(ValueError, match="municipality"):
        filters.BY_NAME["municipality"].values(activity("a"))


def test_week_attributes_in_the_browser_are_the_html_attributes(library):
    found = node(library, """console.log(JSON.stringify(
        filters.weekAttributes(["kaikki nuoret", "tuki", "ryhma", "fi"], "efl")));""", None)
    assert found == {"data-audiences": "kaikki nuoret", "data-themes": "tuki",
                     "data-format": "ryhma", "data-languages": "fi", "data-everyone": "",
                     "data-free": "", "data-low-threshold": ""}

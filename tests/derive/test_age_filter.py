"""The age filter (issue 19, point 4): a visitor types an age ("for my 9-year-old") and keeps the
activities whose range includes it and those without a range, the same in Python and in the
browser's lib/filters.js, on the calendar, the handout and the search page."""

from __future__ import annotations

from hyteguide.derive import filters
from hyteguide.model import Activity, AgeRange, Text
from tests.derive.test_filters import VOCABULARY, agree, library, node

__all__ = ["library"]  # the fixture, shared with test_filters

# Ranges as a municipal hobby directory has them: school children, teenagers, under-school-age,
# one age (a first-graders' club), seniors; and an activity with no range (any age).
ITEMS = [
    ({"age": ["7-12"], "audience": ["lapset"]}, False),
    ({"age": ["13-17"], "free": ["1"]}, False),
    ({"age": ["-6"], "audience": ["perheet"]}, False),
    ({"age": ["7"]}, False),
    ({"age": ["65-"], "audience": ["ikaantyneet"]}, False),
    ({"audience": ["kaikki"]}, True),
]
CHOICES = [
    {}, {"age": []},
    {"age": ["9"]}, {"age": ["7"]}, {"age": ["12"]}, {"age": ["13"]}, {"age": ["0"]},
    {"age": ["6"]}, {"age": ["64"]}, {"age": ["65"]}, {"age": ["101"]},
    {"age": ["9"], "audience": ["lapset"]}, {"age": ["15"], "free": ["1"]},
]


def test_an_age_keeps_the_ranges_that_include_it_and_those_without_a_range():
    def kept(age: str) -> list[int]:
        return [i for i, (values, everyone) in enumerate(ITEMS)
                if filters.matches({k: tuple(v) for k, v in values.items()}, everyone,
                                   {"age": [age]})]
    assert kept("9") == [0, 5]  # 7-12, and the one for any age
    assert kept("7") == [0, 3, 5]  # both ends are in the range, and the single age
    assert kept("12") == [0, 5] and kept("13") == [1, 5]
    assert kept("6") == [2, 5] and kept("0") == [2, 5]
    assert kept("64") == [5] and kept("65") == [4, 5] and kept("101") == [4, 5]


def test_python_and_the_browser_keep_the_same_items_for_an_age(library):
    agree(library, ITEMS, CHOICES)


def test_the_browser_reads_a_typed_age_and_ignores_what_is_not_one(library):
    """The number field's text as the filter's value: whole years only; else no choice."""
    typed = ["9", " 9 ", "09", "0", "150", "151", "", "-3", "9.5", "abc", "1e2"]
    found = node(library, """console.log(JSON.stringify(data.map(filters.age)));""", typed)
    assert found == ["9", "9", "9", "0", "150", None, None, None, None, None, None]


def test_the_browser_counts_and_labels_a_typed_age_as_a_choice(library):
    found = node(library, """
        var boxes = [
          {type: "number", name: "age", value: "9", getAttribute: function () {
            return "{n}-vuotiaalle"; }},
          {type: "checkbox", name: "free", value: "1", checked: true, getAttribute: function () {
            return "Maksuton"; }}];
        var state = filters.chosen(filters.of("handout"), boxes);
        var empty = filters.chosen(filters.of("handout"), [
          {type: "number", name: "age", value: "vauva", getAttribute: function () {
            return "{n}"; }}]);
        filters.clear(boxes);
        console.log(JSON.stringify([state, empty.count, boxes[0].value, boxes[1].checked,
                                    filters.query(filters.of("handout"), state)]));""", None)
    state, empty, cleared, checked, query = found
    assert state["age"] == ["9"] and state["free"] == ["1"] and state["count"] == 2
    assert state["labels"] == ["9-vuotiaalle", "Maksuton"]
    assert empty == 0 and cleared == "" and checked is False
    assert query == "?age=9&free=1"


def activity(id: str, **values: object) -> Activity:
    return Activity("nuorisoseura", id, Text((("fi", id),)), Text((("fi", "."),)), "ryhma",
                    **values)  # type: ignore[arg-type]


def test_a_listed_activity_carries_its_range_as_written():
    youth = activity("teatteri", ages=AgeRange(12, 17), audiences=("nuoret",))
    seniors = activity("tuolijumppa", ages=AgeRange(65, None))
    small = activity("muskari", ages=AgeRange(None, 6))
    anyone = activity("kahvila")
    assert 'data-ages="12-17"' in filters.data_attributes("handout", youth, VOCABULARY)
    assert 'data-ages="65-"' in filters.data_attributes("calendar", seniors, VOCABULARY)
    assert 'data-ages="-6"' in filters.data_attributes("calendar", small, VOCABULARY)
    assert "data-ages" not in filters.data_attributes("calendar", anyone, VOCABULARY)
    # The calendar's week data: the range after the letters, only when there is one.
    assert filters.week_values(youth, VOCABULARY) == ["nuoret", "", "ryhma", "", "", "12-17"]
    assert filters.week_values(anyone, VOCABULARY) == ["", "", "ryhma", "", ""]


def test_the_forms_offer_an_age_only_where_some_activity_has_a_range():
    youth = activity("teatteri", ages=AgeRange(12, 17))
    anyone = activity("kahvila")
    assert filters.choices("calendar", [youth, anyone]).age is True
    assert filters.choices("calendar", [anyone])["age"] is False
    assert filters.yeses(youth) == ()  # not a badge of the search results


def test_week_attributes_carry_the_range(library):
    found = node(library, """console.log(JSON.stringify([
        filters.weekAttributes(["nuoret", "", "ryhma", ""], "f", "7-12"),
        filters.weekAttributes(["", "", "ryhma", ""], "")]));""", None)
    assert found[0] == {"data-audiences": "nuoret", "data-themes": "", "data-format": "ryhma",
                        "data-languages": "", "data-free": "", "data-ages": "7-12"}
    assert "data-ages" not in found[1]

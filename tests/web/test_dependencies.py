"""What a page's rendering records as read (hyteguide/web/dependencies.py), for the build
cache."""

from __future__ import annotations

import datetime as dt

import jinja2
import pytest

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.web.dependencies import (
    GuideView,
    RecordingEnvironment,
    Unknown,
    digest,
    ident,
    recording,
    using_today,
)
from tests.helpers import make_site

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def guide(tmp_path):
    return derive(load_content(make_site(tmp_path)), TODAY)


def render(source: str, **context) -> tuple[str, set]:
    env = RecordingEnvironment(undefined=jinja2.StrictUndefined)
    with recording() as found:
        text = env.from_string(source).render(**context)
    return text, found


def test_reading_an_objects_attribute_records_its_file(guide):
    organisation = guide.organisations[0]
    text, found = render("{{ o.slug }}", o=organisation)
    assert text == "yhdistys"
    assert found == {("file", "content/organisations/yhdistys.md")}


def test_the_guides_indexes_record_each_key_and_what_it_found(guide):
    view = GuideView(guide)
    _, found = render("{{ g.place_by_slug['kirjasto'].slug }} {{ 'x' in g.hidden }}", g=view)
    assert found == {("item", "place_by_slug", "kirjasto"), ("has", "hidden", "x"),
                     ("file", "content/places/kirjasto.yaml")}


def test_the_whole_of_a_list_and_the_build_day_are_recorded(guide):
    view = GuideView(guide)
    _, found = render("{{ g.activities|length }} {{ g.today }}", g=view)
    assert found == {("attr", "activities"), ("today",)}


def test_an_activitys_organisation_is_recorded(guide):
    view = GuideView(guide)
    activity = guide.activities[0]
    _, found = render("{{ g.organisation_of(a).slug }}", g=view, a=activity)
    assert ("file", "content/organisations/yhdistys.md") in found


def test_nothing_is_recorded_outside_a_recording(guide):
    env = RecordingEnvironment()
    view = GuideView(guide)
    assert env.from_string("{{ g.place_by_slug['kirjasto'].slug }}").render(g=view) == \
        "kirjasto"
    assert view.place_by_slug is guide.place_by_slug  # passed through as it is


def test_templates_that_name_today_are_found():
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "base.html": "{% block body %}{% endblock %}",
        "macros.html": "{% macro m() %}{{ today }}{% endmacro %}",
        "uses.html": "{% extends 'base.html' %}{% import 'macros.html' as m %}",
        "plain.html": "{% extends 'base.html' %}{% block body %}{{ other }}{% endblock %}",
    }))
    assert using_today(env, ["uses.html", "plain.html"]) == {"uses.html": True,
                                                            "plain.html": False}


def test_ident_compares_objects_by_what_they_are(guide):
    organisation = guide.organisations[0]
    assert ident(organisation) == ("Organisation", "content/organisations/yhdistys.md",
                                   "yhdistys")
    assert ident({"a": (1, dt.date(2026, 1, 2))}) == ("dict", (("a", (1, "2026-01-02")),))
    assert digest(ident([1, 2])) != digest(ident([2, 1]))


def test_a_value_ident_does_not_know_is_refused():
    with pytest.raises(Unknown):
        ident(object())


def test_a_long_shared_list_is_compared_by_its_fingerprint():
    memo: dict = {}
    long = tuple(range(20))
    assert ident(long, memo) == ("#", digest(tuple(range(20))))
    assert ident(long, memo) == ident(tuple(range(20)), {})
    assert ident(long[:3], memo) == (0, 1, 2)


def test_another_method_of_the_guide_makes_the_page_depend_on_everything(guide):
    view = GuideView(guide)
    _, found = render("{{ g.on(g.today)|length }}", g=view)
    assert ("whole",) in found

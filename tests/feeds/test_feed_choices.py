"""Feeds of common choices (a municipality and a target group) and the subscribe control, as
the built example shows them: which feed files exist and what each holds, read from the
feeds themselves; what the control on each kind of page links to and says before subscribing;
the address to copy and the help, in every language.
"""

from __future__ import annotations

import re
from collections import Counter

import icalendar
import pytest

from hyteguide.derive.guide import derive
from hyteguide.model import Activity
from tests.conftest import BASE_URL, TODAY

LANGUAGES = ("fi", "sv", "en")
ACTIVITY_URL = re.compile(r"activities/([^/]+)/([^/]+)/$")


@pytest.fixture(scope="module")
def listed(example_content) -> list[Activity]:
    """The activities the site lists (organisations hidden for an old review are not)."""
    return list(derive(example_content, TODAY).activities)


def where(activity: Activity, content) -> set[str]:  # noqa: ANN001 - a model.Content
    """An activity's municipalities: its places' (its own and its rules'), else its
    organisation's."""
    if activity.places:
        return {p.municipality for p in content.places if p.slug in activity.places}
    return {m for o in content.organisations if o.slug == activity.organisation
            for m in o.municipalities}


@pytest.fixture(scope="module")
def expected(example_content, listed) -> dict[tuple[str, str], set[str]]:
    """(municipality, audience) → the keys of the listed activities in both, for each pair
    that has any: the feeds that should exist."""
    found: dict[tuple[str, str], set[str]] = {}
    for activity in listed:
        for municipality in where(activity, example_content):
            # with the broader audiences (mielenterveyskuntoutujat: also aikuiset)
            for audience in example_content.vocabulary.expand("audiences", activity.audiences):
                found.setdefault((municipality, audience), set()).add(activity.key)
    return found


def localised(path: str, lang: str) -> str:
    return path if lang == "fi" else f"{lang}/{path}"


def feed_activities(data: bytes) -> set[str]:
    """The activities a feed has events of, from each VEVENT's URL (the activity's page)."""
    keys = set()
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        found = ACTIVITY_URL.search(str(event["URL"]))
        keys.add(f"{found.group(1)}/{found.group(2)}")
    return keys


def with_events(built_site, keys: set[str], lang: str) -> set[str]:  # noqa: ANN001
    """The activities of keys that have any event in their own feed (a rule ended before the
    build day has none)."""
    return {k for k in keys if feed_activities((built_site.root / localised(
        f"activities/{k}/calendar.ics", lang)).read_bytes())}


def test_a_feed_for_each_municipality_and_target_group_that_has_activities(
        built_site, example_content, expected):
    vocabulary = example_content.vocabulary
    bound = len(vocabulary.group("municipalities")) * len(vocabulary.group("audiences"))
    pattern = re.compile(r"(?:(sv|en)/)?municipalities/([^/]+)/audiences/([^/]+)\.ics")
    written = Counter()
    for path in built_site.files():
        found = pattern.fullmatch(path)
        if found:
            written[found.group(1) or "fi"] += 1
            assert (found.group(2), found.group(3)) in expected, path
    assert len(expected) > 20, "the example has few municipality and audience pairs"
    assert written == {lang: len(expected) for lang in LANGUAGES}
    assert len(expected) < bound, "pairs without activities have no feed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_choice_feed_holds_exactly_the_activities_of_both_terms(built_site, example_content,
                                                                  expected, lang):
    vocabulary = example_content.vocabulary
    for (municipality, audience), keys in expected.items():
        path = localised(f"municipalities/{municipality}/audiences/{audience}.ics", lang)
        data = (built_site.root / path).read_bytes()
        assert feed_activities(data) == with_events(built_site, keys, lang), path
        calendar = icalendar.Calendar.from_ical(data)
        place = vocabulary.term("municipalities", municipality).label.get(lang)[0]
        group = vocabulary.term("audiences", audience).label.get(lang)[0]
        name = str(calendar["X-WR-CALNAME"]).replace("\\,", ",")  # a TEXT value, escaped
        assert name.startswith(f"{place}, {group} – "), path
        assert str(calendar["URL"]) == BASE_URL + localised(
            f"calendar/{municipality}/?audience={audience}", lang)


def control(built_site, page: str):  # noqa: ANN001, ANN201 - a bs4 Tag
    found = built_site.soup(page).select("main [data-subscribe]")
    assert len(found) == 1, page
    return found[0]


def assert_links(built_site, page: str, feed: str) -> None:  # noqa: ANN001
    """The control of page gives the feed at site path feed: subscribe, download, address."""
    box = control(built_site, page)
    absolute = BASE_URL + feed
    assert (built_site.root / feed).is_file(), feed
    assert box.select_one("a.button")["href"] == "webcal://" + \
        absolute.split("://", 1)[1]
    assert built_site.resolve(page, box.select_one("a[download]")["href"]) == absolute
    address = box.select_one("details input#subscribe-address")
    assert address["value"] == absolute and address.has_attr("readonly")
    label = box.select_one(f"label[for='{address['id']}']")
    assert label is not None and label.get_text(strip=True)
    what = box.select_one("#subscribe-what")
    assert box.select_one("a.button")["aria-describedby"] == what["id"]


def what(built_site, page: str) -> str:  # noqa: ANN001
    return control(built_site, page).select_one("#subscribe-what").get_text(" ",
                                                                                  strip=True)


COUNT = {"fi": "{n} toimintaa", "sv": "{n} verksamheter", "en": "{n} activities"}
EVERYONE_NOTE = {"fi": "pelkästään kohderyhmälle", "sv": "bara är märkta för",
                 "en": "marked only for"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_control_says_what_its_feed_holds_before_subscribing(
        built_site, example_content, listed, expected, lang):
    region = example_content.site.region.get(lang)[0]
    home = localised("index.html", lang)
    assert_links(built_site, home, localised("calendar/calendar.ics", lang))
    assert region in what(built_site, home)
    assert COUNT[lang].format(n=len(listed)) in what(built_site, home)
    choose = built_site.soup(home).select_one(".home-today a[href$='calendar/']")
    assert choose is not None, "the home page points to the calendar for narrower feeds"

    for municipality in example_content.vocabulary.group("municipalities").values():
        page = localised(f"calendar/{municipality.id}/index.html", lang)
        assert_links(built_site, page, localised(f"municipalities/{municipality.id}/calendar.ics",
                                                 lang))
        n = sum(1 for a in listed if municipality.id in where(a, example_content))
        assert what(built_site, page).count(municipality.label.get(lang)[0]) == 1
        assert COUNT[lang].format(n=n) in what(built_site, page)

    vocabulary = example_content.vocabulary
    audience = max(vocabulary.group("audiences").values(),
                   key=lambda t: sum(t.id in vocabulary.expand("audiences", a.audiences)
                                     for a in listed))
    page = localised(f"audiences/{audience.id}/index.html", lang)
    assert_links(built_site, page, localised(f"audiences/{audience.id}/calendar.ics", lang))
    n = sum(audience.id in vocabulary.expand("audiences", a.audiences) for a in listed)
    words = what(built_site, page)
    assert audience.label.get(lang)[0] in words and COUNT[lang].format(n=n) in words
    assert EVERYONE_NOTE[lang] in words, "an audience's feed says who is left out"

    activity = listed[0]
    page = localised(f"activities/{activity.key}/index.html", lang)
    assert_links(built_site, page, localised(f"activities/{activity.key}/calendar.ics", lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_calendar_page_offers_its_target_groups_feeds_to_its_script(
        built_site, example_content, expected, lang):
    """What assets/subscribe.js needs: each target group with a feed here, its count, and the
    feed's addresses with {id} for the group; each address as filled in exists."""
    for municipality in ["kerava", None]:
        base = f"calendar/{municipality}/" if municipality else "calendar/"
        page = localised(base + "index.html", lang)
        box = control(built_site, page)
        counts = dict(pair.split("=") for pair in box["data-choice-counts"].split())
        if municipality:
            want = {a: str(len(keys)) for (m, a), keys in expected.items() if m == municipality}
        else:
            want = {}
            for (_, a), keys in expected.items():
                want.setdefault(a, set()).update(keys)
            want = {a: str(len(keys)) for a, keys in want.items()}
        assert counts == want, page
        for audience in counts:
            feed = localised(f"municipalities/{municipality}/audiences/{audience}.ics"
                             if municipality else f"audiences/{audience}/calendar.ics", lang)
            absolute = BASE_URL + feed
            filled = {name: box[f"data-choice-{name}"].replace("{id}", audience)
                      for name in ("href", "webcal", "address")}
            assert built_site.resolve(page, filled["href"]) == absolute
            assert filled["address"] == absolute
            assert filled["webcal"] == "webcal://" + absolute.split("://", 1)[1]
        for name in ("choice", "count", "count-one", "no-match", "audience-only"):
            assert box[f"data-msg-{name}"].strip(), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_how_to_subscribe_is_folded_beside_every_button(built_site, lang):
    apps = {"fi": ("Google", "Outlook", "iPhone", "Android"),
            "sv": ("Google", "Outlook", "iPhone", "Android"),
            "en": ("Google", "Outlook", "iPhone", "Android")}[lang]
    pages = [f for f in built_site.html_files() if built_site.lang_of(f) == lang and
             built_site.soup(f).select_one("[data-subscribe]")]
    assert len(pages) > 50
    for page in pages[:: max(1, len(pages) // 40)]:
        help_ = control(built_site, page).select_one("details.subscribe__help")
        assert help_ is not None and help_.select_one("summary").get_text(strip=True), page
        words = help_.get_text(" ", strip=True)
        assert all(app in words for app in apps), page

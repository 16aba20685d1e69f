"""schema.org JSON-LD: activity pages (an EventSeries and one Event per listed occurrence), place
pages (a Place with opening hours, no Events), the safe script writer, and structured opening
hours (in words on the page, checked with file:line:col errors)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from hyteguide.derive.guide import derive
from hyteguide.feeds import jsonld
from hyteguide.model import (
    Activity,
    Cancellation,
    DateRange,
    MonthlyDay,
    OpeningHours,
    Organisation,
    Place,
    ScheduleRule,
    Term,
    Text,
    TimeRange,
    Vocabulary,
)
from hyteguide.schedule.occurrences import Occurrence
from hyteguide.web.i18n import load_catalogue
from tests.conftest import BASE_URL, TEMPLATES, TODAY
from tests.helpers import PLACE_YAML, check, make_site

ZONE = ZoneInfo("Europe/Helsinki")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
EVENT_TYPES = {"Event", "EventSeries"}


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a page, parsed."""
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def types_in(value: object) -> list[str]:
    """Every @type anywhere in a JSON value."""
    if isinstance(value, dict):
        own = [value["@type"]] if "@type" in value else []
        return own + [t for v in value.values() for t in types_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in types_in(v)]
    return []


def graph(blocks: list[dict]) -> list[dict]:
    assert len(blocks) == 1
    return blocks[0]["@graph"]


# -- the example build ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def guide(example_content):
    return derive(example_content, TODAY)


def test_only_activity_and_place_pages_have_json_ld(built_site):
    for page in built_site.pages():
        lang = built_site.lang_of(page)
        neutral = page if lang == built_site.languages[0] else page.removeprefix(f"{lang}/")
        blocks = json_ld(built_site.read(page))
        expected = re.fullmatch(r"(activities/[^/]+/[^/]+|places/[^/]+)/index\.html", neutral)
        assert len(blocks) == (1 if expected else 0), page


def test_json_ld_is_in_the_head(built_site):
    page = "activities/keravan-olohuone/olohuone/index.html"
    soup = built_site.soup(page)
    assert soup.head.find("script", type="application/ld+json") is not None
    assert soup.body.find("script", type="application/ld+json") is None


def test_activity_pages_have_an_event_for_each_of_the_first_dates_shown(built_site, guide):
    """The page lists the next dates however far ahead; the JSON-LD has the series and an
    Event for each of the first EVENTS_LISTED of them (the series is what is stored)."""
    checked = 0
    for activity in guide.activities:
        listed = list(guide.upcoming.get(activity.key, ()))
        for lang in built_site.languages:
            page = built_site.localised(f"activities/{activity.organisation}/{activity.id}/"
                                        "index.html", lang)
            soup = built_site.soup(page)
            section = soup.find("section", attrs={"aria-labelledby": "when-heading"})
            shown = [(li["data-date"], li.get("data-start"), li.has_attr("data-cancelled"))
                     for li in section.select("li.occurrence")]
            items = graph(json_ld(built_site.read(page)))
            assert items[0]["@type"] == "EventSeries", page
            events = [i for i in items[1:] if i["@type"] == "Event"]
            assert len(listed) == len(shown), page
            assert len(events) == len(items) - 1 == min(len(listed), jsonld.EVENTS_LISTED), page
            from_events = [(e["startDate"][:10], e["startDate"][11:16] or None,
                            e["eventStatus"] == "https://schema.org/EventCancelled")
                           for e in events]
            assert from_events == shown[:jsonld.EVENTS_LISTED], page
            checked += len(events)
    assert checked > 500


def test_event_offsets_are_the_site_zones_on_that_day(built_site, guide):
    seen = set()
    for activity in guide.activities:
        page = f"activities/{activity.organisation}/{activity.id}/index.html"
        for event in graph(json_ld(built_site.read(page)))[1:]:
            if "T" not in event["startDate"]:
                continue
            for key in ("startDate", "endDate"):
                if key not in event:  # a start alone has no end
                    continue
                moment = dt.datetime.fromisoformat(event[key])
                local = moment.replace(tzinfo=None)
                assert moment.utcoffset() == local.replace(tzinfo=ZONE).utcoffset(), event[key]
                seen.add(event[key][-6:])
    assert seen == {"+02:00", "+03:00"}  # the next dates reach beyond the winter


def test_event_properties_on_an_example_activity(built_site):
    items = graph(json_ld(built_site.read("activities/keravan-olohuone/olohuone/index.html")))
    series, first = items[0], items[1]
    url = BASE_URL + "activities/keravan-olohuone/olohuone/"
    assert series["url"] == first["url"] == url
    assert first["superEvent"] == {"@id": series["@id"]}
    assert first["location"] == {"@id": series["location"]["@id"]}
    assert first["organizer"] == {"@id": series["organizer"]["@id"]}
    assert series["location"]["@id"] == BASE_URL + "places/keravan-kirjasto/#place"
    assert series["location"]["@type"] == "Place"
    address = series["location"]["address"]
    assert address == {"@type": "PostalAddress", "streetAddress": address["streetAddress"],
                       "postalCode": address["postalCode"], "addressLocality": "Kerava",
                       "addressCountry": "FI"}
    assert set(series["location"]["geo"]) == {"@type", "latitude", "longitude"}
    assert series["organizer"]["@type"] == "Organization"
    assert series["organizer"]["url"] == BASE_URL + "organisations/keravan-olohuone/"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert isinstance(series["isAccessibleForFree"], bool)
    assert series["eventSchedule"] and all(s["@type"] == "Schedule"
                                           for s in series["eventSchedule"])


def test_the_page_language_is_used_for_texts(built_site):
    page = "activities/keravan-olohuone/olohuone/index.html"
    fi = graph(json_ld(built_site.read(page)))[0]
    sv = graph(json_ld(built_site.read("sv/" + page)))[0]
    assert sv["url"] == BASE_URL + "sv/activities/keravan-olohuone/olohuone/"
    assert fi["location"]["address"]["addressLocality"] == "Kerava"
    assert sv["location"]["address"]["addressLocality"] == "Kervo"


def test_place_pages_have_opening_hours_and_no_events(built_site, example_content):
    structured = 0
    for place in example_content.places:
        for lang in built_site.languages:
            page = built_site.localised(f"places/{place.slug}/index.html", lang)
            blocks = json_ld(built_site.read(page))
            assert not EVENT_TYPES & set(types_in(blocks)), page
            data = blocks[0]
            assert data["@type"] == "Place"
            assert data["address"]["addressCountry"] == "FI"
            specs = data.get("openingHoursSpecification", [])
            assert len(specs) == len(place.opening_hours), page
            for spec, hours in zip(specs, place.opening_hours, strict=True):
                assert spec["dayOfWeek"] == [jsonld.DAY_URLS[d] for d in hours.days]
                assert spec["opens"] == f"{hours.time.start:%H:%M:%S}"
        structured += bool(place.opening_hours)
    assert structured >= 10


def test_structured_hours_in_words_on_the_place_page(built_site):
    def hours(page: str) -> str:
        return built_site.soup(page).select_one(".opening-hours").get_text()

    page = "places/hyvinkaan-kirjasto/index.html"
    assert hours(page) == "ma–to 10–20, pe 10–18, la 10–16; su 12–16 (1.9.2026–30.4.2027)"
    assert hours("sv/" + page).startswith("mån–tor 10–20, fre 10–18, lör 10–16; sön 12–16")
    assert hours("en/" + page).startswith("Mon–Thu 10:00–20:00, Fri 10:00–18:00, Sat")
    note = built_site.soup("places/keravan-jarjestotalo/index.html").select_one(
        ".opening-hours").parent.get_text()
    assert note.startswith("ma–to 9–20, pe 9–16") and "ryhmien aikataulujen" in note


def test_json_ld_is_byte_identical_across_builds(built_site, second_build):
    output = second_build.root
    found = 0
    for page in built_site.pages():
        again = (output / page).read_text(encoding="utf-8")
        assert SCRIPT.findall(again) == SCRIPT.findall(built_site.read(page)), page
        found += len(SCRIPT.findall(again))
    assert found > 300


# -- units: events -------------------------------------------------------------------------------

def text(value: str) -> Text:
    return Text((("fi", value),))


VOCABULARY = Vocabulary({
    "municipalities": {"kerava": Term("municipalities", "kerava",
                                      Text((("fi", "Kerava"), ("sv", "Kervo"))))},
    "audiences": {"aikuiset": Term("audiences", "aikuiset", text("Aikuiset"))},
    "accessibility": {"wheelchair": Term("accessibility", "wheelchair", text("Esteetön"))},
})
PLACE = Place("kirjasto", text("Kirjasto"), text("Katu 1"), "kerava", postal_code="04200",
              coordinates=(60.4, 25.1))
ORGANISATION = Organisation("yhdistys", text("Yhdistys ry"), text("Yhdistys."), ("kerava",))


def context(lang: str = "fi", today: dt.date = dt.date(2027, 1, 1)) -> jsonld.Context:
    return jsonld.Context(lang, ZONE, VOCABULARY, lambda x: f"https://x.example/{x.slug}/"
                          if isinstance(x, (Place, Organisation)) else "https://x.example/a/",
                          today, today + dt.timedelta(weeks=52))


def make_activity(**fields: object) -> Activity:
    values = {"organisation": "yhdistys", "id": "ryhma", "title": text("Ryhmä"),
              "summary": text("Kuvaus."), "format": "ryhma", "place": "kirjasto",
              "audiences": ("aikuiset",), "languages": ("fi", "sv"), "cost": "free", **fields}
    return Activity(**values)


def events_of(activity: Activity, *occurrences: Occurrence, place: Place | None = PLACE) -> list:
    data = jsonld.activity_data(activity, (ORGANISATION,), place, ("kerava",), occurrences,
                                context())
    return data["@graph"][1:]


EVENING = TimeRange(dt.time(18), dt.time(20))


@pytest.mark.parametrize(("day", "offset"), [
    (dt.date(2027, 3, 27), "+02:00"),  # the Saturday before summer time
    (dt.date(2027, 3, 29), "+03:00"),  # the Monday after
    (dt.date(2027, 10, 30), "+03:00"),  # the Saturday before winter time
    (dt.date(2027, 11, 1), "+02:00"),
])
def test_start_and_end_have_the_offset_of_their_day(day, offset):
    activity = make_activity()
    [event] = events_of(activity, Occurrence(activity, day, EVENING))
    assert event["startDate"] == f"{day.isoformat()}T18:00:00{offset}"
    assert event["endDate"] == f"{day.isoformat()}T20:00:00{offset}"


def test_an_event_ending_at_midnight_ends_at_the_start_of_the_next_day():
    activity = make_activity()
    late = TimeRange(dt.time(22), dt.time.max)
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 3, 27), late))
    assert event["endDate"] == "2027-03-28T00:00:00+02:00"


def test_an_all_day_occurrence_has_dates():
    activity = make_activity()
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 6, 1)))
    assert (event["startDate"], event["endDate"]) == ("2027-06-01", "2027-06-01")


def test_cancelled_and_scheduled_status():
    activity = make_activity()
    held, cancelled = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING),
                                Occurrence(activity, dt.date(2027, 2, 9), EVENING, True))
    assert held["eventStatus"] == "https://schema.org/EventScheduled"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert held["@id"] != cancelled["@id"]


def test_only_the_activitys_own_occurrences_become_events():
    activity, other = make_activity(), make_activity(id="toinen")
    events = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING),
                       Occurrence(other, dt.date(2027, 2, 3), EVENING))
    assert [e["startDate"][:10] for e in events] == ["2027-02-02"]


def test_online_only_is_a_virtual_location():
    activity = make_activity(place=None, online="https://meet.example.org/x")
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING), place=None)
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_place_and_online_is_mixed():
    activity = make_activity(online="https://meet.example.org/x")
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING))
    assert event["location"] == [{"@id": "https://x.example/kirjasto/#place"},
                                 {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_neither_place_nor_online_names_the_municipality():
    activity = make_activity(place=None)
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING), place=None)
    assert event["location"]["address"]["addressLocality"] == "Kerava"
    assert "eventAttendanceMode" not in event


def test_event_fields_and_their_order():
    activity = make_activity()
    [event] = events_of(activity, Occurrence(activity, dt.date(2027, 2, 2), EVENING))
    assert list(event) == ["@type", "@id", "name", "url", "startDate", "endDate",
                           "eventStatus", "eventAttendanceMode", "location", "organizer",
                           "superEvent"]  # the rest is the series'
    series = jsonld.activity_data(activity, (ORGANISATION,), PLACE, ("kerava",), (),
                                  context())["@graph"][0]
    assert event["location"] == {"@id": "https://x.example/kirjasto/#place"}
    assert series["location"]["address"] == {
        "@type": "PostalAddress", "streetAddress": "Katu 1", "postalCode": "04200",
        "addressLocality": "Kerava", "addressCountry": "FI"}
    assert series["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 60.4,
                                         "longitude": 25.1}
    assert event["organizer"] == {"@id": "https://x.example/yhdistys/#organisation"}
    assert series["organizer"] == {"@type": "Organization",
                                   "@id": "https://x.example/yhdistys/#organisation",
                                   "name": "Yhdistys ry", "url": "https://x.example/yhdistys/"}
    assert series["audience"] == {"@type": "Audience", "audienceType": "Aikuiset"}
    assert series["inLanguage"] == ["fi", "sv"]
    assert series["isAccessibleForFree"] is True


def test_cost_in_words_is_not_free_and_no_cost_says_nothing():
    priced = make_activity(cost=text("5 €"))
    [series, _] = jsonld.activity_data(priced, (ORGANISATION,), PLACE, ("kerava",), (
        Occurrence(priced, dt.date(2027, 2, 2), EVENING),), context())["@graph"]
    assert series["isAccessibleForFree"] is False
    unknown = make_activity(cost=None, audiences=(), languages=())
    [event] = events_of(unknown, Occurrence(unknown, dt.date(2027, 2, 2), EVENING))
    assert not {"isAccessibleForFree", "audience", "inLanguage"} & set(event)


def test_language_codes():
    assert jsonld.language_codes(("fi", "selkokieli", "sv", "viittomakieli", "en")) == \
        ["fi", "sv", "fse", "en"]
    assert jsonld.language_codes(("ukraina-kieli", "uk")) == ["uk"]


# -- units: schedules ---------------------------------------------------------------------------

def schedules(rule: ScheduleRule, today: dt.date = dt.date(2026, 11, 23)) -> list[dict]:
    activity = make_activity(schedule=(rule,))
    data = jsonld.activity_data(activity, (ORGANISATION,), PLACE, ("kerava",), (), context(
        today=today))
    return data["@graph"][0].get("eventSchedule", [])


MORNING = TimeRange(dt.time(10), dt.time(14))
TUE, THU = "https://schema.org/Tuesday", "https://schema.org/Thursday"


def test_weekly_rule():
    rule = ScheduleRule(weekly=(1, 3), times=(MORNING,), start=dt.date(2026, 8, 15),
                        until=dt.date(2026, 12, 18),
                        exceptions=(DateRange(dt.date(2026, 12, 8), dt.date(2026, 12, 10)),),
                        cancelled=(Cancellation(dt.date(2026, 12, 3)),))
    assert schedules(rule) == [{
        "@type": "Schedule", "repeatFrequency": "P1W", "byDay": [TUE, THU],
        "startDate": "2026-08-15", "endDate": "2026-12-18", "startTime": "10:00:00",
        "endTime": "14:00:00", "exceptDate": ["2026-12-03", "2026-12-08", "2026-12-10"],
        "scheduleTimezone": "Europe/Helsinki"}]


def test_every_other_week_and_two_times_give_two_schedules():
    rule = ScheduleRule(weekly=(1,), every=2, start=dt.date(2026, 9, 1),
                        times=(MORNING, EVENING))
    found = schedules(rule)
    assert [s["repeatFrequency"] for s in found] == ["P2W", "P2W"]
    assert [(s["startTime"], s["endTime"]) for s in found] == [("10:00:00", "14:00:00"),
                                                               ("18:00:00", "20:00:00")]
    assert all(s["startDate"] == "2026-09-01" and "endDate" not in s for s in found)


def test_skipped_holidays_are_except_dates():
    rule = ScheduleRule(weekly=(4,), times=(EVENING,))  # Fridays, over the next 52 weeks
    assert schedules(rule)[0]["exceptDate"] == ["2026-12-25", "2027-01-01", "2027-03-26",
                                                "2027-06-25"]  # Good Friday, Midsummer Eve
    included = ScheduleRule(weekly=(4,), times=(EVENING,), holidays="include")
    assert "exceptDate" not in schedules(included)[0]


def test_monthly_nth_weekday_and_day_numbers():
    rule = ScheduleRule(monthly=(MonthlyDay(2, 0), MonthlyDay(15), MonthlyDay(-1, 4)),
                        times=(EVENING,), holidays="include")
    assert [{k: s.get(k) for k in ("repeatFrequency", "byDay", "byMonthWeek", "byMonthDay")}
            for s in schedules(rule)] == [
        {"repeatFrequency": "P1M", "byDay": None, "byMonthWeek": None, "byMonthDay": [15]},
        {"repeatFrequency": "P1M", "byDay": ["https://schema.org/Monday"], "byMonthWeek": [2],
         "byMonthDay": None},
    ]  # 'last fri' has no byMonthWeek: left out, its days are still Events


def test_monthly_except_dates_belong_to_their_part():
    rule = ScheduleRule(monthly=(MonthlyDay(1, 2),), times=(EVENING,))  # 1st Wednesday
    assert schedules(rule)[0]["exceptDate"] == ["2027-01-06"]  # Epiphany


def test_dates_give_one_schedule_per_day_from_today():
    rule = ScheduleRule(dates=(dt.date(2026, 10, 1), dt.date(2026, 12, 3)), times=(EVENING,))
    assert schedules(rule) == [{"@type": "Schedule", "startDate": "2026-12-03",
                                "endDate": "2026-12-03", "startTime": "18:00:00",
                                "endTime": "20:00:00", "scheduleTimezone": "Europe/Helsinki"}]


def test_rrule_is_left_out_but_its_extra_days_are_kept():
    rule = ScheduleRule(rrule="FREQ=MONTHLY;BYDAY=-2FR", also=(dt.date(2027, 1, 2),),
                        times=(EVENING,))
    assert [s["startDate"] for s in schedules(rule)] == ["2027-01-02"]


def test_an_all_day_rule_has_no_times():
    rule = ScheduleRule(weekly=(5,), holidays="include")
    assert not {"startTime", "endTime"} & set(schedules(rule)[0])


# -- units: places ------------------------------------------------------------------------------

def test_place_data():
    hours = (OpeningHours((0, 1, 2, 3), TimeRange(dt.time(10), dt.time(20))),
             OpeningHours((6,), TimeRange(dt.time(12), dt.time.max), dt.date(2026, 9, 1),
                          dt.date(2027, 4, 30)))
    place = Place("kirjasto", text("Kirjasto"), text("Katu 1"), "kerava", postal_code="04200",
                  coordinates=(60.4, 25.1), accessibility=("wheelchair",), opening_hours=hours,
                  phone="+358 9 123", website="https://kirjasto.example.org")
    data = jsonld.place_data(place, context("sv"))
    assert list(data) == ["@context", "@type", "@id", "name", "url", "address", "geo",
                          "telephone", "sameAs", "amenityFeature", "openingHoursSpecification"]
    assert data["address"]["addressLocality"] == "Kervo"
    assert data["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification",
         "dayOfWeek": [f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday",
                                                            "Thursday")],
         "opens": "10:00:00", "closes": "20:00:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Sunday"],
         "opens": "12:00:00", "closes": "23:59:59", "validFrom": "2026-09-01",
         "validThrough": "2027-04-30"}]
    assert not EVENT_TYPES & set(types_in(data))


def test_a_place_with_hours_in_words_has_no_specification():
    place = Place("polku", text("Polku"), text("Tie 1"), "kerava",
                  opening_hours_note=text("Aina avoinna."))
    assert "openingHoursSpecification" not in jsonld.place_data(place, context())


# -- the script writer --------------------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script> <!-- --> \"q\" 'q' & \u2028 \u2029 </SCRIPT >"


def test_dumps_escapes_what_could_end_the_script_and_round_trips():
    data = {"name": HOSTILE}
    written = jsonld.dumps(data)
    assert not set("<>&\u2028\u2029") & set(written)
    assert "\\u003c/script\\u003e" in written
    assert json.loads(written) == data
    element = jsonld.script(data)
    assert element.count("<") == 2 and element.endswith("</script>")


def test_dumps_keeps_key_order_and_letters():
    assert jsonld.dumps({"b": "ä", "a": 1}) == '{"b":"ä","a":1}'


# -- hostile text in a built site ----------------------------------------------------------------

def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value)


def test_hostile_text_stays_inside_the_json_ld(tmp_path):
    place = PLACE_YAML.replace("name: {fi: Keravan pääkirjasto, sv: Kervo huvudbibliotek}",
                               f"name: {q('Kirjasto ' + HOSTILE)}")
    organisation = (
        "---\nname: " + q("Yhdistys </script><script>alert(2)</script>") + "\n"
        "summary: Testi.\nmunicipalities: [kerava]\nactivities:\n"
        "  - id: ryhma\n    title: " + q("Ryhmä " + HOSTILE) + "\n"
        "    summary: " + q("<!--<script>" + HOSTILE) + "\n"
        "    format: ryhma\n    place: kirjasto\n    schedule:\n"
        "      - weekly: [tue]\n        time: \"10:00-12:00\"\n---\nKuvaus.\n")
    content = make_site(tmp_path, {"places/kirjasto.yaml": place,
                                   "organisations/yhdistys.md": organisation})
    output = tmp_path / "out"
    build(content, TEMPLATES, output, today=TODAY, base_url=BASE_URL)
    for page in ("activities/yhdistys/ryhma/index.html", "places/kirjasto/index.html",
                 "sv/activities/yhdistys/ryhma/index.html"):
        html = (output / page).read_text(encoding="utf-8")
        # besides the JSON-LD, only the site's own scripts (empty elements): the header's
        # search box and language links, and on an activity page the one that hides past dates
        own = re.compile(r'<script src="(\.\./)*assets/(sitesearch|langswitch|readerday|upcoming)'
                         r'\.js" defer></script>')
        assert len(own.findall(html)) == (4 if "/activities/" in f"/{page}" else 2), page
        html = own.sub("", html)
        scripts = BeautifulSoup(html, "html.parser").find_all("script")
        assert [s.get("type") for s in scripts] == ["application/ld+json"], page
        assert len(re.findall(r"<\s*/?\s*script", html, re.IGNORECASE)) == 2, page
        data = json.loads(scripts[0].string)
        items = data.get("@graph", [data])
        assert items and all(HOSTILE in item["name"] for item in items), page
        if "@graph" in data:
            assert items[0]["description"] == "<!--<script>" + HOSTILE  # the series'
            assert len(items) > 1 and HOSTILE in items[0]["location"]["name"]
            assert items[0]["organizer"]["name"] == "Yhdistys </script><script>alert(2)</script>"
            assert HOSTILE in items[0]["location"]["name"]


# -- structured opening hours: words and checks --------------------------------------------------

@pytest.fixture(scope="module")
def catalogues():
    return {lang: load_catalogue(TEMPLATES, lang) for lang in ("fi", "sv", "en")}


def hours(days: tuple[int, ...], start: int, end: int, season: tuple = (None, None)
          ) -> OpeningHours:
    close = dt.time.max if end == 24 else dt.time(end)
    return OpeningHours(days, TimeRange(dt.time(start), close), *season)


LIBRARY = (hours((0, 1, 2, 3), 10, 20), hours((4,), 10, 18), hours((5,), 10, 16))


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "ma–to 10–20, pe 10–18, la 10–16"),
    ("sv", "mån–tor 10–20, fre 10–18, lör 10–16"),
    ("en", "Mon–Thu 10:00–20:00, Fri 10:00–18:00, Sat 10:00–16:00"),
])
def test_opening_hours_in_words(catalogues, lang, expected):
    assert catalogues[lang].opening_hours(LIBRARY) == expected


def test_same_times_are_merged_and_runs_become_ranges(catalogues):
    fi = catalogues["fi"]
    assert fi.opening_hours((hours((0, 1), 9, 15), hours((2, 3, 4), 9, 15),
                             hours((5, 6), 8, 20))) == "ma–pe 9–15, la–su 8–20"
    assert fi.opening_hours((hours((0, 2, 3), 9, 15), hours((5,), 10, 24))) == \
        "ma, ke–to 9–15; la 10–24"


def test_seasonal_hours_come_after_with_their_dates(catalogues):
    season = (dt.date(2026, 9, 1), dt.date(2027, 4, 30))
    assert catalogues["fi"].opening_hours((hours((6,), 12, 16, season), *LIBRARY)) == \
        "ma–to 10–20, pe 10–18, la 10–16; su 12–16 (1.9.2026–30.4.2027)"
    assert catalogues["en"].opening_hours((hours((6,), 12, 16, season),)).endswith(
        "(1 Sep 2026 – 30 Apr 2027)")


def test_example_places_have_structured_hours_where_the_words_gave_them(example_content):
    by_slug = {p.slug: p for p in example_content.places}
    assert by_slug["hyvinkaan-kirjasto"].opening_hours[-1].start == dt.date(2026, 9, 1)
    for slug in ("nurmijarven-luontopolku", "tuusulanjarven-rantareitti", "kervo-foreningshus"):
        assert not by_slug[slug].opening_hours and by_slug[slug].opening_hours_note
    assert by_slug["keravan-jarjestotalo"].opening_hours_note is not None
    assert sum(bool(p.opening_hours) for p in example_content.places) >= 14


def place_with(extra: str) -> dict[str, str]:
    return {"places/kirjasto.yaml": PLACE_YAML + extra}


def test_structured_and_word_hours_load(tmp_path):
    root = make_site(tmp_path, place_with(
        'opening_hours:\n  - {days: [mon, tue], time: "10:00-20:00"}\n'
        "  - {days: [la], time: \"10:00-16:00\", from: 2026-09-01, until: 2027-04-30}\n"
        "opening_hours_note: Suljettu juhlapyhinä.\n"))
    assert check(root) == []
    root = make_site(tmp_path, place_with("opening_hours: Aina avoinna.\n"))
    assert check(root) == []


def test_bad_opening_hours_are_reported_with_positions(tmp_path):
    root = make_site(tmp_path, place_with(
        "opening_hours:\n"
        '  - {days: [mon, xyz], time: "10:00-20:00"}\n'
        "  - days: [fri]\n"
        '    time: "20-10"\n'
        '  - {days: [sun], time: "12:00-16:00", from: 2027-04-30, until: 2026-09-01}\n'))
    assert check(root) == [
        "content/places/kirjasto.yaml:7:18: error[bad-value]: opening_hours[0].days[1]: "
        "'xyz' is not a weekday",
        "content/places/kirjasto.yaml:9:11: error[bad-time]: opening_hours[1].time: "
        "in '20-10' the end is not after the start",
        "content/places/kirjasto.yaml:10:65: error[date-order]: opening_hours[2].until: "
        "'until' (2026-09-01) is before 'from' (2027-04-30)",
    ]


def test_hours_in_words_twice_is_an_error(tmp_path):
    root = make_site(tmp_path, place_with("opening_hours: Aina.\nopening_hours_note: Aina.\n"))
    assert check(root) == ["content/places/kirjasto.yaml:6:16: error[bad-value]: opening_hours: "
                           "opening hours are given in words twice"]


def test_check_passes_on_the_example_content(sources, capsys):
    from hyteguide.cli.main import main

    assert main(["check", "--content", str(sources.content)]) == 0


# -- the vocabulary crosswalk ----------------------------------------------------------------------

YSO = "http://www.yso.fi/onto/yso/"
CROSSWALK = Vocabulary({
    **VOCABULARY.groups,
    "audiences": {"aikuiset": Term("audiences", "aikuiset", text("Aikuiset"),
                                   yso=(YSO + "p5590",))},
    "themes": {"lapset-nuoret": Term("themes", "lapset-nuoret", text("Lapset ja nuoret"),
                                     yso=(YSO + "p4354", YSO + "p11617")),
               "liikunta": Term("themes", "liikunta", text("Liikunta"), yso=(YSO + "p916",)),
               "kulttuuri": Term("themes", "kulttuuri", text("Kulttuuri"))},
    "formats": {"ryhma": Term("formats", "ryhma", text("Ryhmä"), yso=(YSO + "p4354",))},
})


def test_themes_and_format_are_keywords_with_their_yso_concepts():
    activity = make_activity(themes=("kulttuuri", "lapset-nuoret"))
    ctx = replace(context(), vocabulary=CROSSWALK)
    keywords = jsonld.activity_data(activity, (ORGANISATION,), PLACE, ("kerava",), (),
                                    ctx)["@graph"][0]["keywords"]
    assert [k.get("termCode") for k in keywords] == ["kulttuuri", "lapset-nuoret", "p4354",
                                                     "p11617", "ryhma"]  # p4354 only once
    assert keywords[2] == {"@type": "DefinedTerm", "@id": YSO + "p4354", "termCode": "p4354",
                           "inDefinedTermSet": YSO}
    assert keywords[0] == {"@type": "DefinedTerm", "name": "Kulttuuri", "termCode": "kulttuuri",
                           "url": "https://x.example/a/"}


def test_an_audience_is_the_same_as_its_yso_concept():
    activity = make_activity()
    ctx = replace(context(), vocabulary=CROSSWALK)
    series = jsonld.activity_data(activity, (ORGANISATION,), PLACE, ("kerava",), (),
                                  ctx)["@graph"][0]
    assert series["audience"] == {"@type": "Audience", "audienceType": "Aikuiset",
                                  "sameAs": YSO + "p5590"}
    assert series["keywords"][-1]["@id"] == YSO + "p4354"

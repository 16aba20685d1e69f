"""Issue 19, point 3: a time of several days in a row (a summer camp, a weekend hike) is one
occurrence with a first and a last day (`days: 5`), not five entries: listed on its first day
with when it runs, one calendar event from its start to its end, one JSON-LD Event."""

from __future__ import annotations

import datetime as dt
import json

import icalendar
import pytest
import recurring_ical_events

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.model import ScheduleRule, TimeRange
from hyteguide.pages.calendardata import WeekData
from hyteguide.schedule.occurrences import activity_occurrences
from hyteguide.web.i18n import load_catalogue
from tests.conftest import BASE_URL
from tests.feeds.test_ical import HELSINKI, activity, catalogues, feed, guide  # noqa: F401
from tests.helpers import ORGANISATION_MD, check, make_site

P = "content/organisations/yhdistys.md"
CAMP = dt.date(2027, 6, 14)
NINE_TO_FOUR = TimeRange(dt.time(9), dt.time(16))


def with_schedule(*lines: str) -> str:
    rule = "".join(f"        {line}\n" for line in lines)
    return ORGANISATION_MD.replace(
        '      - weekly: [tue]\n        time: "10:00-14:00"\n', f"      - {rule[8:]}")


def test_a_camp_is_one_occurrence_from_its_first_to_its_last_day():
    camp = activity(ScheduleRule(dates=(CAMP,), times=(NINE_TO_FOUR,), days=5))
    [occurrence] = activity_occurrences(camp, dt.date(2027, 6, 1), dt.date(2027, 6, 30))
    assert (occurrence.date, occurrence.last_date, occurrence.days) == \
        (CAMP, dt.date(2027, 6, 18), 5)


def test_it_loads_and_is_checked(tmp_path):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_schedule(
        "date: 2027-06-14", "days: 5", 'time: "09:00-16:00"')})
    assert check(root) == []
    [rule] = load_content(root).organisations[0].activities[0].schedule
    assert rule.days == 5


@pytest.mark.parametrize(("lines", "message"), [
    (("weekly: [fri]", "days: 8", 'time: "18:00-12:00"'),
     "each time lasts 8 days, but the next one starts 7 days after it"),
    (("weekly: [fri, sun]", "days: 3"),
     "each time lasts 3 days, but the next one starts 2 days after it"),
    (("date: [2027-06-14, 2027-06-16]", "days: 5"),
     "each time lasts 5 days, but the next one starts 2 days after it"),
])
def test_times_that_would_overlap_are_an_error(tmp_path, lines, message):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_schedule(*lines)})
    [problem] = check(root)
    assert "error[bad-schedule]: activities[0].schedule[0].days: " + message in problem


@pytest.mark.parametrize(("lang", "words"), [
    ("fi", "ma 14.6. klo 9 – pe 18.6. klo 16"),
    ("sv", "mån 14.6. kl. 9 – fre 18.6. kl. 16"),
    ("en", "Mon 14 Jun 09:00 – Fri 18 Jun 16:00"),
])
def test_when_it_runs_in_words(sources, lang, words):
    say = load_catalogue(sources.templates, lang)
    assert say.span(CAMP, NINE_TO_FOUR, 5).replace("\xa0", " ") == words.replace("\xa0", " ")


def test_untimed_days_are_a_date_range(sources):
    assert load_catalogue(sources.templates, "fi").span(CAMP, None, 5) == "14.–18.6.2027"


def test_one_calendar_event_from_the_start_to_the_end(guide, catalogues):  # noqa: F811
    camp = activity(ScheduleRule(dates=(CAMP,), times=(NINE_TO_FOUR,), days=5))
    parsed = icalendar.Calendar.from_ical(feed(guide, catalogues, camp,
                                               (dt.date(2027, 6, 1), dt.date(2027, 6, 30))))
    [event] = recurring_ical_events.of(parsed).between(dt.date(2027, 6, 1), dt.date(2027, 7, 1))
    assert event["DTSTART"].dt == dt.datetime(2027, 6, 14, 9, tzinfo=HELSINKI)
    assert event["DTEND"].dt == dt.datetime(2027, 6, 18, 16, tzinfo=HELSINKI)


def test_an_untimed_camp_is_an_all_day_event_of_its_days(guide, catalogues):  # noqa: F811
    camp = activity(ScheduleRule(dates=(CAMP,), days=5))
    parsed = icalendar.Calendar.from_ical(feed(guide, catalogues, camp,
                                               (dt.date(2027, 6, 1), dt.date(2027, 6, 30))))
    [event] = recurring_ical_events.of(parsed).between(dt.date(2027, 6, 1), dt.date(2027, 7, 1))
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (CAMP, dt.date(2027, 6, 19))


def test_weekend_hikes_are_one_event_each(guide, catalogues):  # noqa: F811
    """A weekly Friday-to-Sunday: each weekend its own event, from Friday 18 to Sunday 12,
    also over the night the clocks go back (31.10.2027)."""
    hikes = activity(ScheduleRule(weekly=(4,), times=(TimeRange(dt.time(18), dt.time(12)),),
                                  days=3, start=dt.date(2027, 10, 15),
                                  until=dt.date(2027, 11, 5)))
    parsed = icalendar.Calendar.from_ical(feed(guide, catalogues, hikes,
                                               (dt.date(2027, 10, 1), dt.date(2027, 11, 30))))
    events = recurring_ical_events.of(parsed).between(dt.date(2027, 10, 1),
                                                      dt.date(2027, 12, 1))
    assert [(e["DTSTART"].dt, e["DTEND"].dt) for e in events] == [
        (dt.datetime(2027, 10, d, 18, tzinfo=HELSINKI),
         dt.datetime(2027, 10 + (d + 2 > 31), (d + 2 - 1) % 31 + 1, 12, tzinfo=HELSINKI))
        for d in (15, 22, 29)] + [(dt.datetime(2027, 11, 5, 18, tzinfo=HELSINKI),
                                    dt.datetime(2027, 11, 7, 12, tzinfo=HELSINKI))]
    assert len({e["UID"] for e in events}) == 4


def test_pages_and_linked_data_show_it(tmp_path, sources):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_schedule(
        "date: 2027-06-14", "days: 5", 'time: "09:00-16:00"')})
    derived = derive(load_content(root), dt.date(2027, 6, 1))
    renderer = Renderer(derived, sources.templates, BASE_URL)
    spec = next(s for s in renderer.pages() if s.template == "activity.html")
    page = renderer.render_page(spec, "fi")
    assert '<span class="occurrence__time occurrence__time--span">ma 14.6. klo 9 – pe 18.6. ' \
           'klo 16</span>' in page
    linked = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    [event] = [n for n in linked["@graph"] if n["@type"] == "Event"]
    assert (event["startDate"], event["endDate"]) == ("2027-06-14T09:00:00+03:00",
                                                      "2027-06-18T16:00:00+03:00")


def test_the_calendar_data_says_when_it_runs(tmp_path, sources):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_schedule(
        "date: 2027-06-14", "days: 5", 'time: "09:00-16:00"')})
    derived = derive(load_content(root), dt.date(2027, 6, 1))
    languages = {lang: load_catalogue(sources.templates, lang) for lang in ("fi", "sv", "en")}
    data = WeekData(derived, languages)
    week = next(i for i, w in enumerate(derived.calendar.weeks)
                if any(day == CAMP for day, _ in w.days))
    [[_, _, rows]] = [d for d in data.week(derived.calendar, week)["days"] if d[0] == "2027-06-14"]
    [row] = rows
    assert row[4][0] == ["fi", "ma 14.6. klo 9 – pe 18.6. klo 16"]


"""Times people really write, in every output: a night past midnight ("22:00-02:00"), a
start alone ("18:45") and a time the spring clock change skips ("03:30-05:00" on
2027-03-28, read as 04:30-05:00). One small guide built on 2027-03-22, the Monday before the
change; pages, the calendar (HTML week and drawn weeks), JSON-LD, open data, HSDS and the
calendar files (read by ical.js and by Python's recurring_ical_events) must all agree."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from textwrap import dedent
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from hyteguide.schedule.wallclock import DEFAULT_DURATION
from tests import icaljs
from tests.conftest import BASE_URL, TEMPLATES, BuiltSite
from tests.helpers import make_site

TODAY = dt.date(2027, 3, 22)
ZONE = ZoneInfo("Europe/Helsinki")
UTC = dt.UTC
LAST = dt.date(2027, 6, 13)  # the calendar's twelve weeks
ORGANISATION = dedent("""\
    ---
    name: Yhdistys
    summary: Testi.
    municipalities: [kerava]
    activities:
      - id: yokahvila
        title: Yökahvila
        summary: Testi.
        format: ryhma
        schedule:
          - weekly: [fri]
            time: "22:00-02:00"
            holidays: include
      - id: ilta
        title: Iltaryhmä
        summary: Testi.
        format: ryhma
        schedule:
          - weekly: [tue]
            time: "18:45"
      - id: aamuyo
        title: Aamuyö
        summary: Testi.
        format: ryhma
        schedule:
          - weekly: [sun]
            time: "03:30-05:00"
            from: 2027-03-01
            until: 2027-04-30
            holidays: include
      - id: syysyo
        title: Syysyö
        summary: Testi.
        format: ryhma
        schedule:
          - weekly: [sun]
            time: "03:30-05:00"
            from: 2027-10-01
            until: 2027-11-30
    ---
    Kuvaus.
    """)
KEYS = ("yhdistys/yokahvila", "yhdistys/ilta", "yhdistys/aamuyo")  # held in the window


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("written")
    root = make_site(tmp, {"organisations/yhdistys.md": ORGANISATION})
    build(root, TEMPLATES, tmp / "site", today=TODAY, base_url=BASE_URL)
    return BuiltSite(tmp / "site", ("fi", "sv", "en"))


def soup(site: BuiltSite, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(page), "html.parser")


def listed(site: BuiltSite, page: str) -> list[str]:
    """The dates and times an activity page lists, as a reader sees them."""
    return [li.get_text(" ", strip=True) for li in soup(site, page).select("li.occurrence")]


def upcoming(site: BuiltSite) -> dict[str, list[dict]]:
    data = json.loads((site.root / "opendata/activities.json").read_text(encoding="utf-8"))
    return {a["key"]: a.get("upcoming", []) for a in data["activities"]}


def instants(day: str, start: str, end: str | None) -> tuple[dt.datetime, dt.datetime | None]:
    """The UTC start and end of a listed time: the end past midnight when it is before the
    start, none for a start alone."""
    date = dt.date.fromisoformat(day)
    begin = dt.datetime.combine(date, dt.time.fromisoformat(start), ZONE)
    if end is None:
        return begin.astimezone(UTC), None
    if end == "24:00":
        finish = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(), ZONE)
    else:
        clock = dt.time.fromisoformat(end)
        finish = dt.datetime.combine(date + dt.timedelta(days=clock <= begin.time()), clock,
                                     ZONE)
    return begin.astimezone(UTC), finish.astimezone(UTC)


def expected(site: BuiltSite) -> dict[str, list[tuple[dt.datetime, dt.datetime]]]:
    """What the site lists (open data's upcoming dates, as the pages show them), as UTC
    instants a calendar file must give: a start alone lasts DEFAULT_DURATION."""
    found = {}
    for key, dates in upcoming(site).items():
        found[key] = []
        for item in dates:
            start, end = instants(item["date"], item["start"], item.get("end"))
            found[key].append((start, end or start + DEFAULT_DURATION))
    return found


def feed(site: BuiltSite, key: str) -> Path:
    return site.root / "activities" / key / "calendar.ics"


# -- pages ----------------------------------------------------------------------------------

def test_activity_pages_show_the_times_as_written_and_as_the_clock_shows_them(site):
    assert listed(site, "activities/yhdistys/yokahvila/index.html")[:2] == [
        "pe 26.3.2027 klo 22–2", "pe 2.4.2027 klo 22–2"]
    assert listed(site, "sv/activities/yhdistys/yokahvila/index.html")[0] == \
        "fre 26.3.2027 kl. 22–2"
    assert listed(site, "activities/yhdistys/ilta/index.html")[0] == \
        "ti 23.3.2027 klo 18.45 alkaen"
    assert listed(site, "sv/activities/yhdistys/ilta/index.html")[0] == \
        "tis 23.3.2027 från kl. 18.45"
    assert listed(site, "en/activities/yhdistys/ilta/index.html")[0] == \
        "Tue 23 Mar 2027 from 18:45"
    # The spring night: 03:30 does not exist, and is read an hour later (RFC 5545 3.3.5).
    assert listed(site, "activities/yhdistys/aamuyo/index.html")[:2] == [
        "su 28.3.2027 klo 4.30–5", "su 4.4.2027 klo 3.30–5"]
    text = soup(site, "en/activities/yhdistys/ilta/index.html").get_text(" ", strip=True)
    assert "Tuesdays from 18:45" in text  # the rule in words


def test_the_calendar_lists_each_on_its_start_day_with_the_shown_times(site):
    days = dict(site.calendar_days("calendar/index.html"))  # this week: HTML
    found = {(o["activity"], day): (o["start"], o["end"]) for day, items in days.items()
             for o in items}
    assert found[("yhdistys/ilta", "2027-03-23")] == ("18:45", None)
    assert found[("yhdistys/yokahvila", "2027-03-26")] == ("22:00", "02:00")
    assert ("yhdistys/yokahvila", "2027-03-27") not in found
    assert found[("yhdistys/aamuyo", "2027-03-28")] == ("04:30", "05:00")
    later = dict(site.calendar_days("calendar/2027-w13/index.html"))  # drawn from week.json
    found = {(o["activity"], day): (o["start"], o["end"]) for day, items in later.items()
             for o in items}
    assert found[("yhdistys/ilta", "2027-03-30")] == ("18:45", None)
    assert found[("yhdistys/aamuyo", "2027-04-04")] == ("03:30", "05:00")
    data = json.loads((site.root / "calendar/2027-w13/week.json").read_text(encoding="utf-8"))
    assert ["18:45", None, [["fi", "klo 18.45 alkaen"], ["sv", "från kl. 18.45"],
                            ["en", "from 18:45"]]] in data["times"]


def test_json_ld_events_have_real_lengths_and_no_end_for_a_start_alone(site):
    def events(key: str) -> list[tuple[str, str | None]]:
        [block] = [json.loads(s.string) for s in soup(site, f"activities/{key}/index.html")
                   .find_all("script", type="application/ld+json")]
        return [(n["startDate"], n.get("endDate")) for n in block["@graph"]
                if n["@type"] == "Event"]

    assert events("yhdistys/yokahvila")[0] == ("2027-03-26T22:00:00+02:00",
                                               "2027-03-27T02:00:00+02:00")
    assert events("yhdistys/ilta")[:2] == [("2027-03-23T18:45:00+02:00", None),
                                           ("2027-03-30T18:45:00+03:00", None)]
    assert events("yhdistys/aamuyo")[:2] == [
        ("2027-03-28T04:30:00+03:00", "2027-03-28T05:00:00+03:00"),
        ("2027-04-04T03:30:00+03:00", "2027-04-04T05:00:00+03:00")]
    [block] = [json.loads(s.string) for s in soup(site, "activities/yhdistys/ilta/index.html")
               .find_all("script", type="application/ld+json")]
    [series] = [n for n in block["@graph"] if n["@type"] == "EventSeries"]
    [schedule] = series["eventSchedule"]
    assert schedule["startTime"] == "18:45:00" and "endTime" not in schedule


def test_open_data_gives_the_shown_times_and_no_end_for_a_start_alone(site):
    found = upcoming(site)
    assert found["yhdistys/ilta"][0] == {"date": "2027-03-23", "start": "18:45"}
    assert found["yhdistys/yokahvila"][0] == {"date": "2027-03-26", "start": "22:00",
                                              "end": "02:00"}
    assert found["yhdistys/aamuyo"][0] == {"date": "2027-03-28", "start": "04:30",
                                           "end": "05:00"}
    with (site.root / "opendata/hsds/schedules.csv").open(encoding="utf-8") as rows:
        times = {row["description"]: (row["opens_at"], row["closes_at"])
                 for row in csv.DictReader(rows)}
    assert times["Tiistaisin klo 18.45 alkaen."] == ("18:45:00", "")
    assert times["Perjantaisin klo 22–2."] == ("22:00:00", "02:00:00")


# -- calendar files -------------------------------------------------------------------------

def test_calendar_files_read_by_ical_js_give_what_the_site_lists(site):
    want = expected(site)
    read = icaljs.expand([feed(site, key) for key in KEYS], TODAY, LAST)
    for key in KEYS:
        got = sorted((dt.datetime.fromisoformat(i.utc_start), dt.datetime.fromisoformat(i.utc_end))
                     for i in read[feed(site, key)] if i.status != "CANCELLED")
        assert got == want[key], key


def test_calendar_files_read_by_python_give_what_the_site_lists(site):
    want = expected(site)
    for key in KEYS:
        parsed = icalendar.Calendar.from_ical(feed(site, key).read_bytes())
        got = sorted((e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC))
                     for e in recurring_ical_events.of(parsed).between(
                         TODAY, LAST + dt.timedelta(days=1)))
        assert got == want[key], key


def test_a_start_alone_lasts_the_default_duration_in_calendar_files(site):
    [event] = icalendar.Calendar.from_ical(
        feed(site, "yhdistys/ilta").read_bytes()).walk("VEVENT")
    assert event["DTEND"].dt - event["DTSTART"].dt == DEFAULT_DURATION == dt.timedelta(hours=1)


def test_a_time_that_happens_twice_is_the_first_in_every_reader(site):
    """03:30 on 2027-10-31 happens twice; RFC 5545 (and the site) mean the first, in summer
    time. ical.js reads a local time the clock repeats as the later one, so that instance is
    written in UTC."""
    sundays = [dt.date(2027, 10, 3) + dt.timedelta(weeks=n) for n in range(9)]
    want = sorted((dt.datetime.combine(d, dt.time(3, 30), ZONE).astimezone(UTC),
                   dt.datetime.combine(d, dt.time(5), ZONE).astimezone(UTC)) for d in sundays)
    assert (want[4][0].isoformat(), want[4][1].isoformat()) == (
        "2027-10-31T00:30:00+00:00", "2027-10-31T03:00:00+00:00")
    path = feed(site, "yhdistys/syysyo")
    read = icaljs.expand([path], sundays[0], sundays[-1])[path]
    assert sorted((dt.datetime.fromisoformat(i.utc_start), dt.datetime.fromisoformat(i.utc_end))
                  for i in read) == want
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    assert sorted((e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC))
                  for e in recurring_ical_events.of(parsed).between(
                      sundays[0], sundays[-1] + dt.timedelta(days=1))) == want

"""The example region's calendar files read by two calendar readers, for builds on both sides
of both clock changes, against what the site itself shows (issue 17, "How it is checked").

For each build day the example content is derived and its feeds made as a build makes them
(hyteguide.feeds.ical.feeds, Finnish); the region, every organisation and municipality feed (with
the municipality-and-audience feeds beside them) and a sample of activity feeds are written to
files and expanded over the feed window by

- Mozilla's ical.js in node (Thunderbird's parser, many web calendars': tests/icaljs.py), with
  each file's own VTIMEZONE and RFC 5545's exact length of the first instance, and
- recurring_ical_events (Python: icalendar, dateutil, the TZID looked up in zoneinfo).

An instance is what a reader in Helsinki sees: its start and end instants (UTC) on Helsinki's
clock, or the day of an all-day one, and whether it is cancelled. The expectation is the
site's own occurrences (hyteguide.schedule.occurrences.activity_occurrences with the site's zone:
the
times the pages show), each activity from the window's first day to its published end; a start
without an end lasts wallclock.DEFAULT_DURATION in a calendar file.

The ical.js half needs /usr/bin/node and `npm ci`: locally a missing piece skips it, under CI
(env CI set) it fails it.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

import icalendar
import pytest
import recurring_ical_events

from hyteguide.content.load import load_content
from hyteguide.derive.guide import Guide, derive
from hyteguide.feeds import ical
from hyteguide.model import Activity
from hyteguide.schedule.occurrences import activity_occurrences, published_end
from hyteguide.schedule.wallclock import DEFAULT_DURATION
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.urls import Urls
from tests import icaljs
from tests.conftest import BASE_URL
from tests.helpers import make_site

UTC = dt.UTC
# Builds on both sides of the autumn (2026-10-25) and spring (2027-03-28) changes, in
# midwinter, and four weeks after each change (a feed opens four weeks before its build day,
# so there its first instances are on the night of the change).
BUILD_DAYS = (dt.date(2026, 10, 12), dt.date(2026, 10, 26), dt.date(2026, 11, 22),
              dt.date(2027, 1, 10), dt.date(2027, 3, 20), dt.date(2027, 3, 29),
              dt.date(2027, 4, 25))
SAMPLE = 7  # every 7th of the feeds of an activity, theme, audience or choice

# (activity key, start, end, cancelled): start and end as "YYYY-MM-DDTHH:MM" on Helsinki's
# clock, or the day and the next day of an all-day instance.
Seen = tuple[str, str, str, bool]


@dataclass(frozen=True)
class Build:
    """One build day's feeds as files, and what each should hold."""

    today: dt.date
    first: dt.date
    last: dt.date
    files: dict[Path, str]  # file → the feed's site path
    expected: dict[Path, list[Seen]]


def activity_key(url: str) -> str:
    """'…/activities/org/id/' → 'org/id'."""
    match = re.search(r"/activities/([a-z0-9-]+)/([a-z0-9-]+)/$", url)
    assert match, url
    return f"{match[1]}/{match[2]}"


def clock(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """An instant as Helsinki's clock shows it."""
    return f"{moment.astimezone(UTC).astimezone(zone):%Y-%m-%dT%H:%M}"


def shown_by_site(activity: Activity, first: dt.date, last: dt.date,
                  zone: zoneinfo.ZoneInfo) -> list[Seen]:
    """The activity's occurrences as its pages show them, as instances of a calendar."""
    found = []
    for occurrence in activity_occurrences(activity, first, last, zone):
        day, time = occurrence.date, occurrence.time
        last = occurrence.last_date  # a time of several days ends on its last day
        if time is None:
            found.append((activity.key, f"{day}", f"{last + dt.timedelta(days=1)}",
                          occurrence.cancelled))
            continue
        start = dt.datetime.combine(day, time.start, zone)
        if time.end is None:
            end = clock(start.astimezone(UTC) + DEFAULT_DURATION, zone)
        elif time.end == dt.time.max:
            end = f"{day + dt.timedelta(days=1)}T00:00"
        elif occurrence.days > 1:
            end = f"{last}T{time.end:%H:%M}"
        else:
            end_day = day + dt.timedelta(days=1) if time.end <= time.start else day
            end = f"{end_day}T{time.end:%H:%M}"
        found.append((activity.key, f"{start:%Y-%m-%dT%H:%M}", end, occurrence.cancelled))
    return found


def chosen(paths: list[str], sample: bool) -> set[str]:
    """The feeds read: all, or the region's, every organisation's (unlisted activities too)
    and municipality's, and a sample of the others (each holds events of these)."""
    if not sample:
        return set(paths)
    every = {p for p in paths if p == "calendar/calendar.ics" or p.count("/") == 2 and
             p.startswith(("organisations/", "municipalities/"))}
    return every | set(sorted(set(paths) - every)[::SAMPLE])


def make_build(today: dt.date, content, templates: Path, folder: Path,  # noqa: ANN001
               sample: bool = True) -> Build:
    """The feeds of a build on `today` (or a sample), written to folder, with their
    expectations."""
    guide: Guide = derive(content, today)
    zone = zoneinfo.ZoneInfo(content.site.timezone)
    urls = Urls(BASE_URL, content.site.languages)
    catalogues = {lang: load_catalogue(templates, lang) for lang in content.site.languages}
    first, last = ical.feed_window(guide)
    maker = ical.Feeds(guide, urls, catalogues)
    scopes = {maker.path(scope, "fi"): scope for scope in ical.scopes(guide)}
    made = dict(ical.feeds(guide, urls, catalogues, ("fi",)))
    assert set(made) == set(scopes)
    shown = {a.key: shown_by_site(a, first, published_end(a, today), zone)
             for a in guide.every_activity}
    files, expected = {}, {}
    for number, path in enumerate(sorted(chosen(list(made), sample))):
        file = folder / f"{number}.ics"
        file.write_bytes(made[path])
        files[file] = path
        expected[file] = sorted(seen for a in scopes[path].activities for seen in shown[a.key])
    return Build(today, first, last, files, expected)


def seen_by_ical_js(build: Build, zone: zoneinfo.ZoneInfo) -> dict[Path, list[Seen]]:
    """Every file expanded by ical.js (one node process), on Helsinki's clock."""
    found = {}
    for file, instances in icaljs.expand(list(build.files), build.first, build.last).items():
        seen = []
        for item in instances:
            cancelled = item.status == "CANCELLED"
            if item.utc_start is None:
                seen.append((activity_key(item.url), item.start, item.end, cancelled))
                continue
            start, end = (dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
                          for t in (item.utc_start, item.utc_end))
            seen.append((activity_key(item.url), clock(start, zone), clock(end, zone),
                         cancelled))
        found[file] = sorted(seen)
    return found


def seen_by_python(build: Build, zone: zoneinfo.ZoneInfo) -> dict[Path, list[Seen]]:
    """Every file expanded by recurring_ical_events, on Helsinki's clock."""
    found = {}
    for file in build.files:
        parsed = icalendar.Calendar.from_ical(file.read_bytes())
        seen = []
        for event in recurring_ical_events.of(parsed).between(
                build.first, build.last + dt.timedelta(days=1)):
            start, end = event["DTSTART"].dt, event["DTEND"].dt
            cancelled = str(event.get("STATUS")) == "CANCELLED"
            key = activity_key(str(event["URL"]))
            if isinstance(start, dt.datetime):
                if not build.first <= start.date() <= build.last:
                    continue  # begun the day before the window and still going on
                seen.append((key, clock(start, zone), clock(end, zone), cancelled))
            else:
                seen.append((key, f"{start}", f"{end}", cancelled))
        found[file] = sorted(seen)
    return found


def differences(build: Build, found: dict[Path, list[Seen]]) -> list[str]:
    """What a reader shows and the site does not (+), or the site and not the reader (-)."""
    lines = []
    for file, expected in build.expected.items():
        shown, wanted = Counter(found[file]), Counter(expected)
        lines += [f"{build.files[file]} -{seen}" for seen in sorted(wanted - shown)]
        lines += [f"{build.files[file]} +{seen}" for seen in sorted(shown - wanted)]
    return lines


@pytest.fixture(scope="module", params=BUILD_DAYS, ids=[f"{d}" for d in BUILD_DAYS])
def build(request, sources, example_content, tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp(f"feeds-{request.param}")
    return make_build(request.param, example_content, sources.templates, folder)


@pytest.fixture(scope="module")
def zone(example_content) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(example_content.site.timezone)


def test_the_builds_have_much_to_compare(build):
    """Every build reads dozens of feeds with thousands of instances, cancelled ones (in
    autumn 2026), and a year or more of weekly groups across clock changes."""
    every = [seen for seen in (s for e in build.expected.values() for s in e)]
    assert len(build.files) > 60 and len(every) > 10000, (len(build.files), len(every))
    if build.today < dt.date(2026, 11, 1):  # the example's cancellations are before 2027
        assert any(cancelled for *_, cancelled in every)
    assert build.last - build.first > dt.timedelta(days=365)


def test_ical_js_shows_what_the_site_shows(build, zone):
    """Mozilla's ical.js: the same days, the same start and end on Helsinki's clock (from
    the instants it computes with the file's VTIMEZONE), the same cancelled instances."""
    found = seen_by_ical_js(build, zone)
    wrong = differences(build, found)
    compared = sum(len(e) for e in build.expected.values())
    assert not wrong, f"{len(wrong)} differences in {compared} instances:\n" + \
        "\n".join(wrong[:60])


def test_python_reader_shows_what_the_site_shows(build, zone):
    """recurring_ical_events (icalendar, dateutil): the same."""
    found = seen_by_python(build, zone)
    wrong = differences(build, found)
    compared = sum(len(e) for e in build.expected.values())
    assert not wrong, f"{len(wrong)} differences in {compared} instances:\n" + \
        "\n".join(wrong[:60])


# -- hard cases: clock-change nights, overnight, a start alone, week 53 -----------------------

# An organisation beside make_site's: its times meet both clock changes in every build.
HARD = dedent("""\
    ---
    name: Yökerho ry
    summary: Toimintaa öisin.
    municipalities: [kerava]
    themes: [vertaistuki]
    activities:
      - id: yoryhma
        title: Yöryhmä
        summary: Sunnuntaiyönä yhdestä viiteen, kellojen siirtöyötkin.
        format: ryhma
        place: kirjasto
        schedule:
          - weekly: [sun]
            time: "01:00-05:00"
            from: 2026-09-06
            holidays: include
            cancelled: [2027-10-31]
      - id: yovuoro
        title: Yövuoro
        summary: Lauantaista sunnuntaihin yli kellojen siirron.
        format: ryhma
        place: kirjasto
        schedule:
          - weekly: [sat]
            time: "23:00-04:00"
            from: 2026-09-05
            holidays: include
      - id: ilta
        title: Ilta
        summary: Alkaa 18.45, ei loppuaikaa.
        format: ryhma
        place: kirjasto
        schedule:
          - weekly: [wed]
            time: "18:45"
            from: 2026-09-02
      - id: kesken
        title: Kesken
        summary: Alku, jota kello ei näytä, ja viimeinen kerta toistuvalla tunnilla.
        format: ryhma
        place: kirjasto
        schedule:
          - date: [2027-03-28, 2026-10-25]
            time: "03:30-05:00"
          - weekly: [sun]
            time: "03:15-03:45"
            from: 2027-09-05
            until: 2027-10-31
            holidays: include
      - id: joka-toinen
        title: Joka toinen
        summary: Joka toinen maanantai viikosta 53 alkaen.
        format: ryhma
        place: kirjasto
        schedule:
          - weekly: [mon]
            every: 2
            from: 2026-12-28
            time: "17:00-18:00"
            holidays: include
      - id: viides
        title: Viides perjantai
        summary: Kuun viides perjantai, pyhät pois, yksi peruttu.
        format: ryhma
        place: kirjasto
        schedule:
          - monthly: [5th fri]
            time: "18:00-20:00"
            cancelled: [2027-04-30]
      - id: kesatauko
        title: Kesätauko
        summary: Tiistaisin, kesätauko ja yksi kesätapaaminen, pitkäperjantai pois.
        format: ryhma
        place: kirjasto
        schedule:
          - rrule: FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1
            time: "10:00-11:30"
          - weekly: [tue]
            time: "12:00-13:00"
            except: [{from: 2027-06-01, until: 2027-08-15}]
            also: [2027-07-13]
            cancelled: [2027-01-05]
      - id: yokahvila
        title: Yökahvila
        summary: Joka yö kymmenestä kahteen, siirtööt mukaan lukien.
        format: ryhma
        place: kirjasto
        schedule:
          - rrule: FREQ=DAILY
            time: "22:00-02:00"
            holidays: include
      - id: aamuyo
        title: Aamuyö
        summary: Sunnuntaisin 03.30 alkaen, loppuaikaa ei ole.
        format: ryhma
        place: kirjasto
        schedule:
          - weekly: [sun]
            time: "03:30"
            holidays: include
      - id: viimeinen
        title: Viimeinen
        summary: Kuun viimeinen sunnuntai, loppu keväällä siirron hyppäämällä tunnilla.
        format: ryhma
        place: kirjasto
        schedule:
          - monthly: [last sun]
            time: "02:30-03:30"
            from: 2026-09-01
            holidays: include
    ---
    Yökerho.
    """)
# Its end (03:30) is skipped by the spring change: pages read it as 02:30–04:30 on that day.
GAP_END = "yokerho/viimeinen"


@pytest.fixture(scope="module")
def hard_content(tmp_path_factory):  # noqa: ANN201 - a model.Content
    return load_content(make_site(tmp_path_factory.mktemp("hard"),
                                  {"organisations/yokerho.md": HARD}))


@pytest.fixture(scope="module", params=BUILD_DAYS, ids=[f"{d}" for d in BUILD_DAYS])
def hard_build(request, sources, hard_content, tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp(f"hard-{request.param}")
    return make_build(request.param, hard_content, sources.templates, folder, sample=False)


def hard_differences(build: Build, found: dict[Path, list[Seen]], gap_end: bool) -> list[str]:
    """The differences of the hard cases, of the activity with an end in the gap or of the
    others."""
    return [line for line in differences(build, found) if (GAP_END in line) == gap_end]


def test_hard_cases_have_their_nights(hard_build):
    every = {seen for e in hard_build.expected.values() for seen in e}
    assert len(hard_build.files) > 10 and len(every) > 250
    assert any(start[11:] == "01:00" and start[:10] in ("2026-10-25", "2027-03-28", "2027-10-31")
               for _, start, _, _ in every)


def test_ical_js_shows_the_hard_cases_as_the_site(hard_build, zone):
    wrong = hard_differences(hard_build, seen_by_ical_js(hard_build, zone), gap_end=False)
    assert not wrong, "\n".join(wrong)


def test_python_reader_shows_the_hard_cases_as_the_site(hard_build, zone):
    wrong = hard_differences(hard_build, seen_by_python(hard_build, zone), gap_end=False)
    assert not wrong, "\n".join(wrong)


def test_both_readers_show_an_end_in_the_spring_gap_as_the_site(hard_build, zone):
    wrong = (hard_differences(hard_build, seen_by_ical_js(hard_build, zone), gap_end=True) +
             hard_differences(hard_build, seen_by_python(hard_build, zone), gap_end=True))
    assert not wrong, "\n".join(wrong)

"""Issue 19, point 7: a place that changes with the season or the rule (a walking group that
walks by the lake in January, a summer term outdoors): `place` on a schedule rule. Its
occurrences are there, in the lists, the drawn calendar weeks, calendar files and JSON-LD; the
activity is listed at both places and in both municipalities."""

from __future__ import annotations

import datetime as dt
import json

import icalendar

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.pages.calendardata import WeekData
from hyteguide.web.i18n import load_catalogue
from tests.conftest import BASE_URL
from tests.helpers import ORGANISATION_MD, check, make_site

P = "content/organisations/yhdistys.md"
BEACH = """\
name: {fi: Uimaranta, sv: Badstranden}
address: Rantatie 1
postal_code: "04300"
municipality: tuusula
"""
ORGANISATION = ORGANISATION_MD.replace(
    '      - weekly: [tue]\n        time: "10:00-14:00"\n',
    '      - weekly: [tue]\n        time: "10:00-14:00"\n'
    "        except: [{from: 2027-06-01, until: 2027-08-31}]\n"
    '      - weekly: [tue]\n        time: "10:00-14:00"\n        from: 2027-06-01\n'
    "        until: 2027-08-31\n        place: uimaranta\n")
DAY = dt.date(2027, 5, 20)


def site(tmp_path, organisation: str = ORGANISATION):
    return make_site(tmp_path, {"places/uimaranta.yaml": BEACH,
                                "organisations/yhdistys.md": organisation})


def test_the_rule_place_is_where_its_occurrences_are(tmp_path):
    root = site(tmp_path)
    assert check(root) == []
    guide = derive(load_content(root), DAY)
    [activity] = guide.activities
    assert activity.places == ("kirjasto", "uimaranta")
    assert guide.activity_municipalities[activity.key] == ("kerava", "tuusula")
    assert guide.activities_at_place["uimaranta"] == (activity,)
    places = {o.date: o.place for o in guide.occurrences}
    assert places[dt.date(2027, 5, 25)] == "kirjasto"
    assert places[dt.date(2027, 6, 1)] == "uimaranta"


def test_an_unknown_rule_place_is_an_error(tmp_path):
    root = site(tmp_path, ORGANISATION.replace("place: uimaranta", "place: uimarant"))
    [problem] = check(root)
    assert "error[unknown-reference]: activities[0].schedule[1].place: there is no place " \
           "'uimarant' in places/" in problem


def test_pages_say_where_each_time_is(tmp_path, sources):
    guide = derive(load_content(site(tmp_path)), DAY)
    renderer = Renderer(guide, sources.templates, BASE_URL)
    spec = next(s for s in renderer.pages() if s.template == "activity.html")
    page = renderer.render_page(spec, "fi")
    assert '– <a href="../../../places/uimaranta/">Uimaranta</a>, Tuusula</li>' in page
    upcoming = page.split('class="upcoming"')[1]
    # Only a time somewhere else than the activity's own place (in "Where") names its place.
    assert upcoming.count("Uimaranta, Tuusula") >= 1
    assert "Keravan pääkirjasto, Kerava" not in upcoming.split("</ul>")[0]
    linked = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    events = {e["startDate"][:10]: e for e in linked["@graph"] if e["@type"] == "Event"}
    assert events["2027-06-01"]["location"]["name"] == "Uimaranta"
    assert "name" not in events["2027-05-25"]["location"]  # the series' place, by reference
    beach = next(s for s in renderer.pages() if s.template == "place.html"
                 and "uimaranta" in s.path)
    assert "Olohuone" in renderer.render_page(beach, "fi")


def test_the_drawn_calendar_week_names_the_rule_place(tmp_path, sources):
    guide = derive(load_content(site(tmp_path)), DAY)
    catalogues = {lang: load_catalogue(sources.templates, lang) for lang in ("fi", "sv", "en")}
    week = next(i for i, w in enumerate(guide.calendar.weeks)
                if any(day == dt.date(2027, 6, 1) for day, _ in w.days))
    data = WeekData(guide, catalogues).week(guide.calendar, week)
    [[_, _, [row]]] = [d for d in data["days"] if d[0] == "2027-06-01"]
    assert row[4] is None
    assert row[5] == [[["fi", "Uimaranta"], ["sv", "Badstranden"]], "tuusula"]
    assert "tuusula" in data["municipalities"]


def test_calendar_files_give_each_rule_its_place(tmp_path, sources):
    from hyteguide.build.pipeline import build

    root = site(tmp_path)
    out = tmp_path / "site"
    build(root, sources.templates, out, today=DAY)
    parsed = icalendar.Calendar.from_ical((out / "calendar" / "calendar.ics").read_bytes())
    locations = {str(e["LOCATION"]) for e in parsed.walk("VEVENT")}
    assert any(loc.startswith("Uimaranta, Rantatie 1") for loc in locations), locations
    assert any(loc.startswith("Keravan pääkirjasto") for loc in locations), locations

"""The feeds' VTIMEZONE (hyteguide.feeds.icaltimezone): right at every hour a feed covers, read by
Mozilla's ical.js (Thunderbird, many web calendars) and by Python's dateutil, for zones with
regular rules, rules that stop, irregular changes and none.

The expectations come from zoneinfo (the VTIMEZONE is made from it too, but by another way:
bisected transitions grouped into yearly rules, where the tests step through every hour).
The ical.js tests need /usr/bin/node and `npm ci`: locally a missing piece skips them, under CI
(env CI set) it fails them.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import dateutil.rrule
import icalendar
import pytest

from hyteguide.feeds.icaltimezone import vtimezone
from tests import icaljs

UTC = dt.UTC
HOUR = dt.timedelta(hours=1)

# (zone, first day, last day): ranges as a feed covers them (from some weeks before a build
# day to about two years after it), across year ends and the zones' changes.
CASES = [
    ("Europe/Helsinki", dt.date(2026, 9, 14), dt.date(2028, 10, 12)),
    ("Europe/Helsinki", dt.date(2026, 12, 13), dt.date(2029, 1, 10)),
    ("America/New_York", dt.date(2026, 12, 1), dt.date(2028, 12, 31)),
    ("Australia/Sydney", dt.date(2026, 6, 1), dt.date(2028, 6, 1)),  # summer across New Year
    ("Europe/Dublin", dt.date(2026, 10, 1), dt.date(2028, 3, 31)),  # negative DST in tzdata
    ("America/Sao_Paulo", dt.date(2017, 6, 1), dt.date(2020, 6, 1)),  # DST abolished 2019
    ("Europe/Moscow", dt.date(2009, 6, 1), dt.date(2012, 6, 1)),  # abolished 2011, east
    ("Asia/Tehran", dt.date(2021, 1, 1), dt.date(2023, 6, 30)),  # abolished 2022
    ("Africa/Casablanca", dt.date(2025, 1, 1), dt.date(2027, 12, 31)),  # Ramadan: irregular
    ("Asia/Jerusalem", dt.date(2026, 1, 1), dt.date(2029, 12, 31)),  # Friday before a Sunday
    ("America/Santiago", dt.date(2026, 1, 1), dt.date(2028, 12, 31)),  # changes at midnight
    ("Australia/Lord_Howe", dt.date(2026, 1, 1), dt.date(2027, 12, 31)),  # half-hour DST
    ("UTC", dt.date(2026, 9, 14), dt.date(2028, 10, 12)),
    ("Asia/Tokyo", dt.date(2026, 9, 14), dt.date(2028, 10, 12)),  # no change since 1951
]
IDS = [f"{zone}-{first:%Y}" for zone, first, _ in CASES]
FIXED = ("UTC", "Asia/Tokyo")


def calendar_of(tzid: str, first: dt.date, last: dt.date) -> bytes:
    """A VCALENDAR holding only the VTIMEZONE."""
    return (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n" +
            vtimezone(tzid, first, last).to_ical() + b"END:VCALENDAR\r\n")


def lines(tzid: str, first: dt.date, last: dt.date) -> list[str]:
    """The VTIMEZONE's unfolded lines."""
    return vtimezone(tzid, first, last).to_ical().decode().replace("\r\n ", "").split("\r\n")


def changes(zone: zoneinfo.ZoneInfo, first: dt.datetime, last: dt.datetime
            ) -> list[dt.datetime]:
    """UTC instants where the zone's offset or name changes, in 15-minute steps."""
    found, moment = [], first
    step = dt.timedelta(minutes=15)
    while moment < last:
        before, after = moment.astimezone(zone), (moment + step).astimezone(zone)
        if (before.utcoffset(), before.tzname()) != (after.utcoffset(), after.tzname()):
            found.append(moment + step)
        moment += step
    return found


def onsets(data: bytes, end: dt.datetime) -> list[tuple[str, dt.datetime, dt.timedelta,
                                                       dt.timedelta]]:
    """(STANDARD/DAYLIGHT, UTC instant, TZOFFSETFROM, TZOFFSETTO) of every onset before end,
    as RFC 5545 defines them: DTSTART, each RDATE and the RRULE's recurrences up to UNTIL."""
    (timezone,) = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    found = []
    for part in timezone.subcomponents:
        start = part["DTSTART"].dt
        offset_from, offset_to = part["TZOFFSETFROM"].td, part["TZOFFSETTO"].td
        assert start.tzinfo is None  # local time, no TZID
        local = {start}
        rdates = part.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            assert len(rdate.dts) == 1, "one RDATE per line: ical.js reads only a list's first"
            local.add(rdate.dts[0].dt)
        if "RRULE" in part:
            rule = part["RRULE"]
            until = rule.get("UNTIL", [None])[0]
            text = ";".join(f"{k}={','.join(map(str, v))}" for k, v in rule.items()
                            if k != "UNTIL")
            for onset in dateutil.rrule.rrulestr(text, dtstart=start):
                instant = (onset - offset_from).replace(tzinfo=UTC)
                if instant >= end or (until is not None and instant > until):
                    break
                local.add(onset)
        found += [(part.name, (onset - offset_from).replace(tzinfo=UTC), offset_from, offset_to)
                  for onset in local if (onset - offset_from).replace(tzinfo=UTC) < end]
    return sorted(found, key=lambda x: x[1])


def local_hours(first: dt.date, last: dt.date, step: dt.timedelta) -> list[dt.datetime]:
    """Naive wall times from first 00:00 to the end of last, every step."""
    moment, end = dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time())
    found = []
    while moment < end + dt.timedelta(days=1):
        found.append(moment)
        moment += step
    return found


def readings(zone: zoneinfo.ZoneInfo, wall: dt.datetime) -> set[dt.timedelta]:
    """The offsets a wall time may have: one, or two in a skipped or repeated hour."""
    return {wall.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1)}


def far_from_changes(zone: zoneinfo.ZoneInfo, instants: list[dt.datetime]
                     ) -> list[dt.datetime]:
    """The UTC instants more than a day from any change of the zone."""
    if not instants:
        return []
    found = changes(zone, instants[0] - dt.timedelta(days=2), instants[-1] + dt.timedelta(days=2))
    day = dt.timedelta(days=1)
    return [t for t in instants if all(abs(t - c) > day for c in found)]


# -- the form --------------------------------------------------------------------------------

def test_helsinki_is_written_as_yearly_rules():
    """As tzurl.org and calendar servers publish it: the last Sunday of March at 03:00 and of
    October at 04:00, from the last change before the first day, open-ended, no RDATE."""
    found = lines("Europe/Helsinki", dt.date(2026, 9, 14), dt.date(2028, 10, 12))
    body = "\n".join(found)
    assert re.search(r"BEGIN:STANDARD\nDTSTART:20251026T040000\n"
                     r"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\nTZNAME:EET\n"
                     r"TZOFFSETFROM:\+0300\nTZOFFSETTO:\+0200\nEND:STANDARD", body), body
    assert re.search(r"BEGIN:DAYLIGHT\nDTSTART:20260329T030000\n"
                     r"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\nTZNAME:EEST\n"
                     r"TZOFFSETFROM:\+0200\nTZOFFSETTO:\+0300\nEND:DAYLIGHT", body), body
    assert found.count("BEGIN:STANDARD") == found.count("BEGIN:DAYLIGHT") == 1
    assert not [line for line in found if line.startswith("RDATE")]


@pytest.mark.parametrize(("tzid", "first", "last"), CASES, ids=IDS)
def test_rdates_are_one_a_line_and_rules_regular_zones_have_none(tzid, first, last):
    found = lines(tzid, first, last)
    rdates = [line for line in found if line.startswith("RDATE")]
    assert not [line for line in rdates if "," in line]
    regular = tzid in ("Europe/Helsinki", "America/New_York", "Australia/Sydney",
                       "Europe/Dublin", "America/Santiago", "Australia/Lord_Howe")
    if regular:
        assert not rdates and sum(line.startswith("RRULE") for line in found) == 2
    if tzid in ("Africa/Casablanca", "Asia/Tehran"):  # no yearly rule: one RDATE an onset
        assert len(rdates) >= 4


def test_a_rule_that_stops_ends_with_until_in_utc():
    found = lines("America/Sao_Paulo", dt.date(2017, 6, 1), dt.date(2020, 6, 1))
    rules = [line for line in found if line.startswith("RRULE")]
    assert rules and all(re.search(r"UNTIL=\d{8}T\d{6}Z", rule) for rule in rules)


@pytest.mark.parametrize(("tzid", "first", "last"), CASES, ids=IDS)
def test_onsets_are_the_zoneinfo_changes(tzid, first, last):
    """Every change of the covered years, as RFC 5545 expands the observances, and the last
    change before them (so the first day's observance is defined); none left over."""
    zone = zoneinfo.ZoneInfo(tzid)
    end = dt.datetime(last.year + 1, 1, 1, tzinfo=UTC)
    found = onsets(calendar_of(tzid, first, last), end)
    expected = changes(zone, dt.datetime(first.year, 1, 1, tzinfo=UTC), end)
    if tzid in FIXED:
        offset = dt.datetime.combine(first, dt.time(), zone).utcoffset()
        assert [(k, f, t) for k, _, f, t in found] == [("STANDARD", offset, offset)]
        return
    assert [instant for _, instant, _, _ in found][1:] == expected
    assert found[0][1] < dt.datetime(first.year, 1, 1, tzinfo=UTC)
    for kind, instant, offset_from, offset_to in found:
        assert offset_from == (instant - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        assert offset_to == instant.astimezone(zone).utcoffset()
        saving = instant.astimezone(zone).dst()
        before = (instant - dt.timedelta(seconds=1)).astimezone(zone).dst()
        # Clocks put forward; after tzdata's negative saving (Dublin's winter) as well.
        zero = dt.timedelta()
        assert (kind == "DAYLIGHT") == (saving > zero or (saving == zero and before < zero))


def test_a_zone_without_changes_has_one_standard_observance():
    found = lines("Asia/Tokyo", dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert found[found.index("BEGIN:STANDARD"):found.index("END:STANDARD") + 1] == [
        "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZNAME:JST", "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900", "END:STANDARD"]


def test_vtimezone_is_deterministic():
    for tzid, first, last in CASES:
        assert vtimezone(tzid, first, last).to_ical() == vtimezone(tzid, first, last).to_ical()


# -- read by calendar software -----------------------------------------------------------------

@pytest.fixture(scope="module")
def read_by_ical_js(tmp_path_factory) -> dict[int, tuple]:
    """Each case's VTIMEZONE read by ical.js in one node process: the offsets of every
    half-hour of wall time and the wall times of every UTC hour of the range."""
    folder = tmp_path_factory.mktemp("vtimezone")
    tasks, asked = [], {}
    for number, (tzid, first, last) in enumerate(CASES):
        path = folder / f"{number}.ics"
        path.write_bytes(calendar_of(tzid, first, last))
        local = local_hours(first, last, HOUR / 2)
        utc = [t.replace(tzinfo=UTC) for t in local_hours(first, last, HOUR)]
        tasks.append({"op": "offsets", "file": str(path), "tzid": tzid,
                      "local": [f"{t:%Y-%m-%dT%H:%M:%S}" for t in local],
                      "utc": [f"{t:%Y-%m-%dT%H:%M:%S}" for t in utc]})
        asked[number] = (local, utc)
    results = icaljs.run(*tasks)
    return {number: (*asked[number], [dt.timedelta(seconds=s) for s in r["local_offsets"]],
                     [dt.datetime.fromisoformat(t) for t in r["utc_to_local"]])
            for number, r in enumerate(results)}


@pytest.mark.parametrize("number", range(len(CASES)), ids=IDS)
def test_ical_js_gives_every_wall_time_its_zoneinfo_offset(read_by_ical_js, number):
    """Local → UTC, as ical.js places every event: each half-hour of the range gets the
    offset zoneinfo gives it (either reading in a skipped or repeated hour)."""
    tzid = CASES[number][0]
    zone = zoneinfo.ZoneInfo(tzid)
    local, _, offsets, _ = read_by_ical_js[number]
    wrong = [(wall, offset, readings(zone, wall)) for wall, offset in zip(local, offsets,
                                                                           strict=True)
             if offset not in readings(zone, wall)]
    assert not wrong, (tzid, len(wrong), wrong[:5])


@pytest.mark.parametrize("number", range(len(CASES)), ids=IDS)
def test_ical_js_shows_every_utc_hour_at_its_zoneinfo_wall_time(read_by_ical_js, number):
    """UTC → local with ical.js. Its conversion looks the offset up with the UTC reading as
    if it were wall time, so in the hours next to a change it is off whatever the VTIMEZONE
    says; every hour more than a day from a change is compared."""
    tzid = CASES[number][0]
    zone = zoneinfo.ZoneInfo(tzid)
    _, utc, _, walls = read_by_ical_js[number]
    shown = dict(zip(utc, walls, strict=True))
    compared = far_from_changes(zone, utc)
    assert len(compared) > 0.9 * len(utc)
    wrong = [(t, shown[t]) for t in compared
             if shown[t] != t.astimezone(zone).replace(tzinfo=None)]
    assert not wrong, (tzid, len(wrong), wrong[:5])


@pytest.mark.parametrize(("tzid", "first", "last"), CASES, ids=IDS)
def test_dateutil_reads_every_hour_as_zoneinfo(tzid, first, last):
    """Python's reader (icalendar's VTIMEZONE → dateutil tzical, not the TZID looked up):
    every UTC hour of the range at zoneinfo's offset, and every wall time too."""
    zone = zoneinfo.ZoneInfo(tzid)
    (component,) = icalendar.Calendar.from_ical(calendar_of(tzid, first, last)).walk("VTIMEZONE")
    read = component.to_tz(lookup_tzid=False)
    for moment in local_hours(first, last, HOUR):
        instant = moment.replace(tzinfo=UTC)
        assert instant.astimezone(read).utcoffset() == instant.astimezone(zone).utcoffset(), \
            instant
        assert moment.replace(tzinfo=read).utcoffset() in readings(zone, moment), moment


def test_ical_js_reads_the_files_own_vtimezone(tmp_path):
    """The TZID resolves to the file's VTIMEZONE: a made-up zone an hour off Helsinki gives
    ical.js its offsets (ical.js has no zone database of its own to fall back on)."""
    data = calendar_of("Europe/Helsinki", dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    data = data.replace(b"+0200", b"+0100").replace(b"+0300", b"+0200")
    event = (b"BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20270101T000000Z\r\n"
             b"DTSTART;TZID=Europe/Helsinki:20270615T100000\r\n"
             b"DTEND;TZID=Europe/Helsinki:20270615T110000\r\nSUMMARY:x\r\nEND:VEVENT\r\n")
    path = tmp_path / "odd.ics"
    path.write_bytes(data.replace(b"END:VCALENDAR", event + b"END:VCALENDAR"))
    (instance,) = icaljs.expand([path], dt.date(2027, 1, 1), dt.date(2027, 12, 31))[path]
    assert (instance.start, instance.utc_start) == ("2027-06-15T10:00", "2027-06-15T08:00:00Z")


def test_the_comma_separated_rdate_list_was_misread_by_ical_js(tmp_path):
    """Why the RRULE form (issue 17, point 1): the old VTIMEZONE, one observance per kind with
    one comma-separated RDATE list, puts ical.js an hour off for most of a year."""
    old = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\n"
           "TZID:Europe/Helsinki\r\nBEGIN:STANDARD\r\nDTSTART:20261025T040000\r\n"
           "RDATE:20271031T040000,20281029T040000\r\nTZNAME:EET\r\nTZOFFSETFROM:+0300\r\n"
           "TZOFFSETTO:+0200\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:20270328T030000\r\n"
           "RDATE:20280326T030000\r\nTZNAME:EEST\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\n"
           "END:DAYLIGHT\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n")
    new = calendar_of("Europe/Helsinki", dt.date(2027, 1, 1), dt.date(2028, 12, 31))
    zone = zoneinfo.ZoneInfo("Europe/Helsinki")
    walls = [dt.datetime(2027, 1, 15, 12) + dt.timedelta(days=d) for d in range(0, 700, 7)]
    wrong = {}
    for name, data in (("old", old.encode()), ("new", new)):
        path = tmp_path / f"{name}.ics"
        path.write_bytes(data)
        offsets, _ = icaljs.offsets(path, "Europe/Helsinki", walls, [])
        wrong[name] = sum(o != w.replace(tzinfo=zone).utcoffset()
                          for o, w in zip(offsets, walls, strict=True))
    assert wrong["old"] > 40 and wrong["new"] == 0, wrong


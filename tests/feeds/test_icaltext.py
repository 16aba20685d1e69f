"""hyteguide.feeds.icaltext writes the same bytes as icalendar would: escaping, folding and order.

The feeds' events are written by icaltext for speed; icalendar, which wrote them before, is the
reference here, on text shaped to break folding and escaping (multi-byte characters at the
fold, backslashes and carets before it, line breaks, separators).
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

import icalendar
import pytest

from hyteguide.feeds import icaltext

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
PIECES = ["a", "ä", "€", "😀", "\\", "^", ",", ";", ":", "\n", "\r\n", "\\N", "\\n", " ", '"',
          "Ö", "x" * 40, "ÄÄÄÄÄÄÄ"]


def texts(count: int, seed: int) -> list[str]:
    """Random strings of the pieces above, of every length around one and two folds."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 60))]
        found.append("".join(parts))
    for length in range(60, 160):  # a backslash or a two-byte character at every position
        found.append("a" * length + "\\" + "b" * 10)
        found.append("a" * length + "ä" + "b" * 80)
        found.append("a" * length + "^" + "😀" * 30)
    return found


def reference_event(summary: str, description: str, categories: list[str]) -> bytes:
    event = icalendar.Event()
    event.add("summary", summary)
    event.add("uid", "1-1-1.x.y@example.org")
    event.add("dtstamp", dt.datetime(2026, 12, 6, tzinfo=dt.UTC))
    event.add("dtstart", dt.datetime(2026, 12, 8, 18, 0, tzinfo=HELSINKI))
    event.add("dtend", dt.datetime(2026, 12, 8, 19, 30, tzinfo=HELSINKI))
    event.add("exdate", [dt.datetime(2026, 12, 22, 18, 0, tzinfo=HELSINKI),
                         dt.datetime(2026, 12, 29, 18, 0, tzinfo=HELSINKI)])
    event.add("location", description[:30])
    event.add("url", "https://example.org/activities/x/y/")
    if categories:
        event.add("categories", categories)
    event.add("geo", (60.1699, 24.9384))
    event.add("description", description)
    event.add("status", "CONFIRMED")
    return event.to_ical()


def written_event(summary: str, description: str, categories: list[str]) -> bytes:
    properties = [
        ("SUMMARY", "", icaltext.text(summary)),
        ("UID", "", icaltext.text("1-1-1.x.y@example.org")),
        ("DTSTAMP", *icaltext.date_value(dt.datetime(2026, 12, 6, tzinfo=dt.UTC))),
        ("DTSTART", *icaltext.date_value(dt.datetime(2026, 12, 8, 18, 0, tzinfo=HELSINKI))),
        ("DTEND", *icaltext.date_value(dt.datetime(2026, 12, 8, 19, 30, tzinfo=HELSINKI))),
        ("EXDATE", *icaltext.dates_value([dt.datetime(2026, 12, 22, 18, 0, tzinfo=HELSINKI),
                                          dt.datetime(2026, 12, 29, 18, 0, tzinfo=HELSINKI)])),
        ("LOCATION", "", icaltext.text(description[:30])),
        ("URL", "", "https://example.org/activities/x/y/"),
    ]
    if categories:
        properties.append(("CATEGORIES", "", ",".join(icaltext.text(c) for c in categories)))
    properties += [("GEO", "", "60.1699;24.9384"),
                   ("DESCRIPTION", "", icaltext.text(description)),
                   ("STATUS", "", "CONFIRMED")]
    return icaltext.component("VEVENT", properties, icaltext.EVENT_ORDER)


@pytest.mark.parametrize("seed", range(4))
def test_events_are_the_bytes_icalendar_writes(seed):
    samples = texts(150, seed)
    rng = random.Random(seed)
    for text in samples:
        categories = [c for c in rng.sample(samples, 2) if c.strip()][:2]
        assert written_event(text, text * 3, categories) == \
            reference_event(text, text * 3, categories), repr(text)


def test_folded_lines_are_at_most_75_octets_and_whole_characters():
    for text in texts(300, 7):
        data = icaltext.fold("DESCRIPTION:" + icaltext.text(text)).encode()
        for line in data.split(b"\r\n"):
            assert len(line) <= icaltext.LIMIT
            line.decode()  # no character is split between two lines


def test_all_day_values_and_lists():
    assert icaltext.date_value(dt.date(2027, 2, 6)) == (";VALUE=DATE", "20270206")
    assert icaltext.dates_value([dt.date(2027, 2, 6), dt.date(2027, 2, 13)]) == (
        ";VALUE=DATE", "20270206,20270213")
    reference = icalendar.Event()
    reference.add("dtstart", dt.date(2027, 2, 6))
    reference.add("exdate", [dt.date(2027, 2, 13)])
    reference.add("recurrence-id", dt.date(2027, 2, 20))
    written = icaltext.component("VEVENT", [
        ("RECURRENCE-ID", *icaltext.date_value(dt.date(2027, 2, 20))),
        ("EXDATE", *icaltext.dates_value([dt.date(2027, 2, 13)])),
        ("DTSTART", *icaltext.date_value(dt.date(2027, 2, 6)))], icaltext.EVENT_ORDER)
    assert written == reference.to_ical()

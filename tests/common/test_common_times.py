"""common.times and common.text: the one weekday table, clock format and safe-text sets."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hyteguide.common import text, times
from hyteguide.model import TimeRange


@pytest.mark.parametrize(("time", "words"), [
    (TimeRange(dt.time(3, 30), dt.time(4, 30)), "03:30-04:30"),
    (TimeRange(dt.time(22), dt.time(2)), "22:00-02:00"),
    (TimeRange(dt.time(18, 45)), "18:45"),
    (TimeRange(dt.time(18), dt.time.max), "18:00-24:00"),
])
def test_a_time_is_written_as_an_editor_writes_it(time: TimeRange, words: str) -> None:
    assert times.written(time) == words


def test_clock_fields_leave_out_an_end_that_is_not_there() -> None:
    assert times.clock_fields(None) == {}
    assert times.clock_fields(TimeRange(dt.time(9, 5))) == {"start": "09:05"}
    assert times.clock_fields(TimeRange(dt.time(20), dt.time.max)) == {
        "start": "20:00", "end": "24:00"}


def test_weekday_tables_agree_with_python() -> None:
    monday = dt.date(2026, 11, 23)
    for n in range(7):
        day = monday + dt.timedelta(days=n)
        assert times.DAY_NAMES[day.weekday()] == f"{day:%A}"
        assert times.WEEKDAY_KEYS[day.weekday()] == f"{day:%a}".lower()
        assert times.WEEKDAY_CODES[day.weekday()] == f"{day:%a}"[:2].upper()


def test_recurrence_parts_and_days() -> None:
    parts = times.recur_parts("FREQ=MONTHLY;BYDAY=1TU,-1FR,+2SA,SU;COUNT=4")
    assert list(parts) == ["FREQ", "BYDAY", "COUNT"]
    assert times.byday(parts["BYDAY"]) == [(1, 1), (-1, 4), (2, 5), (None, 6)]
    assert times.byday("") == []


def test_each_format_drops_what_it_cannot_carry() -> None:
    raw = "a\x00b\tc\r\nd\re\x0cf\x85g\u202eh\ufffei"
    assert text.ical_text(raw) == "ab\tc\nd\nef\x85g\u202eh\ufffei"
    assert text.xml_text(raw) == "ab\tc\r\nd\ref\x85g\u202ehi"
    assert text.html_text(raw) == "ab\tc\r\nd\re\x0cfg\u202ehi"
    assert text.content_text(raw) == "ab\tc\r\nd\ref\x85ghi"


def test_noncharacters_of_every_plane_are_named() -> None:
    found = re.findall(f"[{text.NONCHARACTERS}]", "".join(
        chr(plane + 0xFFFE) for plane in range(0, 0x110000, 0x10000)))
    assert len(found) == 17

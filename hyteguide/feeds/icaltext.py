"""iCalendar (RFC 5545) content lines, written directly.

The feeds hold about 50,000 events a language in a region of 3,000 organisations, each in
several feeds; making each event as an `icalendar` component and serialising it took a sixth
of the build (its line folding looks at one character at a time). The events and the feed's
head are written here instead, the same bytes `icalendar` writes: properties in its order
(`EVENT_ORDER`), values escaped as its vText does, lines folded where it folds them. The
tests compare the two on hostile text. `icalendar` still makes the VTIMEZONE (once a build)
and the RRULE values, and the tests read every feed back with it.
"""

from __future__ import annotations

import datetime as dt

LIMIT = 75  # octets a line may reach before it is folded (icalendar folds at 75, not after)
# The order icalendar writes a VEVENT's properties in: these first, the others alphabetically.
EVENT_ORDER = ("SUMMARY", "DTSTART", "DTEND", "DURATION", "DTSTAMP", "UID", "RECURRENCE-ID",
               "SEQUENCE", "RRULE", "RDATE", "EXDATE")
Property = tuple[str, str, str]  # name, parameters (";TZID=…"), value as written
CALENDAR_ORDER = ("VERSION", "PRODID", "CALSCALE", "METHOD", "DESCRIPTION", "X-WR-CALDESC",
                  "NAME", "X-WR-CALNAME")


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11) exactly as icalendar's vText escapes it: a
    written "\\N" is a line break, and every line break is "\\n"."""
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


def date_value(day: dt.date | dt.datetime) -> tuple[str, str]:
    """A DATE or DATE-TIME value with its parameters: (";VALUE=DATE", "20270206"),
    (";TZID=Europe/Helsinki", "20270206T110000"), or ("", "20261206T000000Z") in UTC."""
    if not isinstance(day, dt.datetime):
        return ";VALUE=DATE", f"{day:%Y%m%d}"
    if day.tzinfo is None:
        return "", f"{day:%Y%m%dT%H%M%S}"
    if day.utcoffset() == dt.timedelta(0) and day.tzinfo in (dt.UTC,):
        return "", f"{day:%Y%m%dT%H%M%S}Z"
    return f";TZID={day.tzinfo}", f"{day:%Y%m%dT%H%M%S}"


def dates_value(days: list[dt.date] | list[dt.datetime]) -> tuple[str, str]:
    """A list of DATE or DATE-TIME values (EXDATE): the first one's parameters, the values
    comma-separated."""
    params = date_value(days[0])[0]
    return params, ",".join(date_value(day)[1] for day in days)


def fold(line: str) -> str:
    """A content line folded as icalendar folds it: a new physical line (CRLF and a space)
    before the octet that would make a line 75 octets long, never inside a character, and
    never right after a backslash or caret (an escape stays whole on the next line)."""
    if len(line) < LIMIT and (line.isascii() or len(line.encode()) < LIMIT):
        return line
    data = line.encode()
    chunks: list[bytes] = []
    start = 0
    while len(data) - start >= LIMIT:
        end = start + LIMIT - 1
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the cut is inside
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        chunks.append(data[start:end])
        start = end
    chunks.append(data[start:])
    return b"\r\n ".join(chunks).decode()


def component(name: str, properties: list[Property], order: tuple[str, ...]) -> bytes:
    """BEGIN:name, the (name, parameters, value) properties in icalendar's order for the
    component (those in order first, the others alphabetically; a property's lines in the
    order given), END:name; each line folded and ended with CRLF."""
    rank = {key: i for i, key in enumerate(order)}
    ordered = sorted(properties, key=lambda p: (rank.get(p[0], len(order)),
                                                "" if p[0] in rank else p[0]))
    lines = [f"BEGIN:{name}", *(fold(f"{key}{params}:{value}") for key, params, value in ordered),
             f"END:{name}"]
    return ("\r\n".join(lines) + "\r\n").encode()

"""The model's values: a text in several languages, where a thing was written, a time of day,
an age range (re-exported by the model's package: model.Text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A text in one or more languages: ((lang, text), ...) in site language order."""

    items: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> tuple[str, str]:
        """(text, language it is written in) for lang, falling back to the first language."""
        for code, text in self.items:
            if code == lang:
                return text, code
        return self.items[0][1], self.items[0][0]

    def has(self, lang: str) -> bool:
        return any(code == lang for code, _ in self.items)

    @property
    def default(self) -> str:
        return self.items[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.items)


@dataclass(frozen=True)
class Source:
    """Where a content object was written: repository-relative path and 1-based line."""

    path: str
    line: int = 1


@dataclass(frozen=True)
class TimeRange:
    """A time of day as written, local wall-clock time: "10:00-14:00". An end at or before
    the start is on the next day ("22:00-02:00"); 24:00 is dt.time.max; no end (None) is a
    start alone ("18:45"). What it means on a given day (clock changes): wallclock.py."""

    start: dt.time
    end: dt.time | None = None

    @property
    def overnight(self) -> bool:
        """Whether it ends on the next day."""
        return self.end is not None and self.end <= self.start

    @property
    def end_minute(self) -> int | None:
        """The end in minutes from the midnight before the start (past 1440 on the next
        day; 24:00 is 1440), None without an end."""
        if self.end is None:
            return None
        if self.end == dt.time.max:
            return 1440
        return self.end.hour * 60 + self.end.minute + (1440 if self.overnight else 0)

    @property
    def order(self) -> tuple[dt.time, int]:
        """How times sort: by start, then a start alone first, then by end."""
        end = self.end_minute
        return self.start, -1 if end is None else end


@dataclass(frozen=True)
class AgeRange:
    """The ages an activity is for, in whole years, as written: "7-12" (min 7, max 12), "65-"
    (65 and over: no max), "-6" (up to 6: no min), "9" (min and max 9). Both ends are
    included: a 12-year-old is within 7-12."""

    min: int | None = None
    max: int | None = None

    def includes(self, age: int) -> bool:
        """Whether a person of this age (in whole years) is within the range."""
        return (self.min is None or age >= self.min) and (self.max is None or age <= self.max)

    @property
    def written(self) -> str:
        """The range as an editor writes it and the filters carry it: "7-12", "65-", "-6",
        "9"."""
        if self.min is not None and self.min == self.max:
            return str(self.min)
        return f"{'' if self.min is None else self.min}-{'' if self.max is None else self.max}"

    @property
    def typical(self) -> str:
        """schema.org typicalAgeRange: "7-12", "65-", "0-6" (a range always has a start)."""
        return f"{self.min or 0}-{'' if self.max is None else self.max}"

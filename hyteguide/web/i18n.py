"""Interface catalogues (one per language) and language-aware formatting of dates and schedules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hyteguide.common import times
from hyteguide.model import AgeRange, DateRange, OpeningHours, ScheduleRule, TimeRange
from hyteguide.web.sources import catalogue_files


class MissingMessage(KeyError):
    """A template asked for a catalogue key that does not exist."""


@dataclass(frozen=True)
class Catalogue:
    """The interface strings of one language, keyed 'section.name'."""

    lang: str
    messages: dict[str, Any]

    def __call__(self, key: str, **values: Any) -> Any:
        try:
            message = self.messages[key]
        except KeyError:
            raise MissingMessage(f"no '{key}' in the {self.lang} catalogue") from None
        return message.format(**values) if values else message

    # -- dates and times ---------------------------------------------------------------------

    def date(self, day: dt.date, style: str = "date") -> str:
        """A date in this language: style date (24.11.2026), short (24.11.), weekday, long."""
        fields = {"d": day.day, "m": day.month, "y": day.year,
                  "mon": self.messages["months_short"][day.month - 1],
                  "month": self.messages["months"][day.month - 1],
                  "wd": self.messages["weekdays_short"][day.weekday()],
                  "weekday": self.messages["weekdays"][day.weekday()]}
        return self.messages[f"format.{style}"].format(**fields)

    clock = staticmethod(times.clock)  # for templates: `_.clock(t)`, machine-readable HH:MM

    def time(self, value: dt.time) -> str:
        if value == times.END_OF_DAY:
            return self.messages["format.midnight"]
        if value.minute == 0 and self.messages["format.whole_hours"] == "short":
            return str(value.hour)
        return f"{value.hour:{self.messages['format.hour']}}" \
               f"{self.messages['format.time_sep']}{value.minute:02}"

    def time_range(self, value: TimeRange) -> str:
        """'klo 10–14'; a start alone 'klo 18.45 alkaen'; past midnight 'klo 22–2' (the end is
        on the next day, as wallclock.py reads it)."""
        if value.end is None:
            return self("schedule.time_from", start=self.time(value.start))
        return self("schedule.time", start=self.time(value.start), end=self.time(value.end))

    def date_range(self, value: DateRange) -> str:
        if value.start == value.end:
            return self.date(value.start)
        if (value.start.year, value.start.month) == (value.end.year, value.end.month):
            return self("schedule.range_days", start=self.date(value.start, "day"),
                        end=self.date(value.end))
        style = "short" if value.start.year == value.end.year else "date"
        return self("schedule.range", start=self.date(value.start, style),
                    end=self.date(value.end))

    def registration_period(self, opens: dt.date | None, closes: dt.date | None) -> str:
        """When one can register: '1.–20.8.2026', '1.8.2026 alkaen' or 'viimeistään
        20.8.2026' ('' when neither day is written)."""
        if opens and closes:
            return self.date_range(DateRange(opens, closes))
        if opens:
            return self("activity.registration_from", date=self.date(opens))
        return self("activity.registration_until", date=self.date(closes)) if closes else ""

    def ages(self, ages: AgeRange) -> str:
        """Whom an age range is for, in words: '7–12-vuotiaille', '65 vuotta täyttäneille',
        'enintään 6-vuotiaille', '9-vuotiaille' (catalogue group 'ages')."""
        if ages.min is not None and ages.min == ages.max:
            return self("ages.one", min=ages.min)
        if ages.max is None:
            return self("ages.from", min=ages.min)
        if ages.min is None:
            return self("ages.to", max=ages.max)
        return self("ages.range", min=ages.min, max=ages.max)

    def span(self, first: dt.date, time: TimeRange | None, days: int) -> str:
        """When a time of several days runs: 'ma 14.6. klo 9 – pe 18.6. klo 16' (its time
        starts on the first day and ends on the last), or its days '14.–18.6.2027'."""
        last = first + dt.timedelta(days=days - 1)
        if time is None:
            return self.date_range(DateRange(first, last))
        start_day, end_day = self.date(first, "tab"), self.date(last, "tab")
        if time.end is None:
            return self("schedule.span_open", start_day=start_day, start=self.time(time.start),
                        end_day=end_day)
        return self("schedule.span", start_day=start_day, start=self.time(time.start),
                    end_day=end_day, end=self.time(time.end))

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self('schedule.and')} " + items[-1]

    # -- schedules in words ------------------------------------------------------------------

    def schedule(self, rule: ScheduleRule, text: Any = None) -> str:
        """A schedule rule in words: 'tiistaisin ja torstaisin klo 10–14, 15.8.–18.12.2026'."""
        if rule.days > 1 and rule.kind == "dates":  # each time from its first to its last day
            parts = [self.join([self.span(d, t, rule.days)
                                for d in rule.dates for t in rule.times or (None,)])]
        else:
            parts = [self._when(rule)]
            if rule.times:
                parts[0] += " " + self.join([self.time_range(t) for t in rule.times])
            if rule.days > 1:
                parts.append(self("schedule.days", n=rule.days))
        if rule.start or rule.until:
            parts.append(self._bounds(rule.start, rule.until))
        if rule.skips_holidays:
            parts.append(self("schedule.no_holidays"))
        sentence = ", ".join(p for p in parts if p)
        if rule.exceptions:  # after a semicolon: the list has commas of its own
            sentence += "; " + self("schedule.except", dates=self.join(
                [self.date_range(x) for x in rule.exceptions]))
        if rule.also:  # after the exceptions: an extra day may be inside an excepted break
            sentence += "; " + self("schedule.also", dates=self.join(
                [self.date(d) for d in rule.also]))
        if rule.note and text is not None:
            sentence += "; " + text(rule.note)
        return sentence

    def _when(self, rule: ScheduleRule) -> str:
        if rule.rrule:
            return self._rrule(rule.rrule)
        if rule.weekly:
            return self._weekly(rule.weekly, rule.every)
        if rule.monthly:
            return self._month_days([(m.ordinal, m.weekday) for m in rule.monthly])
        return self.join([self.date(d, "weekday") for d in rule.dates])

    def _weekly(self, weekdays: tuple[int, ...], every: int) -> str:
        days = self.join([self.messages["weekdays_plural"][d] for d in weekdays])
        if every == 1:
            return days
        key = "schedule.every_other_week" if every == 2 else "schedule.every_n_weeks"
        return self(key, days=days, n=every)

    def _rrule(self, value: str) -> str:
        """An expert's RFC 5545 rule in words, for the parts people use; otherwise a pointer
        to the dated list."""
        parts = times.recur_parts(value)
        words = _rrule_words(self, parts)
        if words is None:
            return self("schedule.custom")
        if "BYMONTH" in parts:
            months = [self.messages["months"][int(m) - 1] for m in parts["BYMONTH"].split(",")]
            words += " " + self("schedule.in_months", months=self.join(months))
        if "COUNT" in parts:
            words += ", " + self("schedule.count", n=parts["COUNT"])
        return words

    def _month_days(self, days: list[tuple[int, int | None]], each: bool = True) -> str:
        """'joka kuukauden ensimmäinen ja kolmas tiistai ja 15. päivä': ordinals of one
        weekday share it, day numbers are listed together."""
        ordinals: dict[int, list[int]] = {}
        numbers = []
        for ordinal, weekday in days:
            if weekday is None:
                numbers.append(ordinal)
            else:
                ordinals.setdefault(weekday, []).append(ordinal)
        nth, number = ("schedule.monthly_nth", "schedule.monthly_day") if each else \
            ("schedule.month_nth", "schedule.month_day")
        phrases = [self(nth, weekday=self.messages["weekdays_monthly"][day],
                        ordinal=self.join([self.messages["ordinals"][o - 1 if o > 0 else 5]
                                           for o in sorted(found, key=lambda o: o % 6)]))
                   for day, found in ordinals.items()]
        if numbers:
            phrases.append(self(number, day=self.join(
                [self("schedule.day_number", n=n) for n in sorted(numbers)])))
        return self.join(phrases)

    def _bounds(self, start: dt.date | None, until: dt.date | None) -> str:
        """A season's dates in words; the callers give at least one of them."""
        if start and until:
            return self.date_range(DateRange(start, until))
        if start:
            return self("schedule.from", date=self.date(start))
        assert until is not None, "bounds without a start or an end"
        return self("schedule.until", date=self.date(until))

    # -- opening hours in words ----------------------------------------------------------------

    def opening_hours(self, hours: tuple[OpeningHours, ...]) -> str:
        """Opening hours in words: 'ma–to 10–20, pe 10–18, la 10–16'. Days open at the same
        times are put together, consecutive days as ranges; seasonal hours end with their
        dates: '…; su 12–16 (1.9.2026–30.4.2027)'."""
        seasons: dict[tuple[dt.date | None, dt.date | None], dict[TimeRange, set[int]]] = {}
        for entry in hours:
            times = seasons.setdefault((entry.start, entry.until), {})
            times.setdefault(entry.time, set()).update(entry.days)
        parts = []
        for (start, until), times in sorted(seasons.items(), key=lambda s: (
                s[0] != (None, None), s[0][0] or dt.date.min, s[0][1] or dt.date.max)):
            groups = sorted(times.items(), key=lambda g: (min(g[1]), g[0].start, g[0].end))
            entries, several = [], False
            for time, days in groups:
                # Opening hours always have an end: their field has no `open_end`.
                assert time.end is not None, "opening hours without an end"
                runs = self._day_runs(sorted(days))
                several = several or len(runs) > 1
                entries.append(self("hours.entry", days=", ".join(runs),
                                    start=self.time(time.start), end=self.time(time.end)))
            sentence = ("; " if several else ", ").join(entries)
            if start or until:
                sentence = self("hours.season", hours=sentence, dates=self._bounds(start, until))
            parts.append(sentence)
        return "; ".join(parts)

    def _day_runs(self, days: list[int]) -> list[str]:
        """Weekdays (Monday = 0, sorted) as short names, consecutive ones as ranges: ma–to."""
        names = self.messages["weekdays_short"]
        runs: list[list[int]] = []
        for day in days:
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        return [names[r[0]] if len(r) == 1 else f"{names[r[0]]}–{names[r[-1]]}" for r in runs]


def _rrule_words(catalogue: Catalogue, parts: dict[str, str]) -> str | None:
    """Words for FREQ with INTERVAL, BYDAY (with ordinals), BYMONTHDAY and one BYSETPOS;
    None for anything rarer."""
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "BYMONTH", "COUNT",
                     "WKST"}:
        return None
    days = times.byday(parts.get("BYDAY", ""))
    if "BYSETPOS" in parts:
        if "," in parts["BYSETPOS"] or len(days) != 1 or days[0][0] is not None:
            return None
        days = [(int(parts["BYSETPOS"]), days[0][1])]
    if freq == "DAILY" and not days and "BYMONTHDAY" not in parts:
        return catalogue("schedule.daily") if interval == 1 else \
            catalogue("schedule.every_n_days", n=interval)
    if freq == "WEEKLY" and days and all(o is None for o, _ in days):
        return catalogue._weekly(tuple(sorted(d for _, d in days)), interval)
    if freq != "MONTHLY" or not (days or "BYMONTHDAY" in parts):
        return None
    counted = [(o, d) for o, d in days if o is not None and -1 <= o <= 5 and o != 0]
    if len(counted) != len(days):
        return None
    numbers = parts["BYMONTHDAY"].split(",") if "BYMONTHDAY" in parts else []
    if not all(n.isdigit() for n in numbers):
        return None  # days counted from the end of the month
    month_days: list[tuple[int, int | None]] = [*counted, *((int(n), None) for n in numbers)]
    words = catalogue._month_days(month_days, each=interval == 1)
    if interval > 1:  # "joka toinen kuukausi: ensimmäinen keskiviikko"
        key = "schedule.every_other_month" if interval == 2 else "schedule.every_n_months"
        words = catalogue(key, n=interval, days=words)
    return words


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def load_catalogue(templates: Path, lang: str) -> Catalogue:
    """Read templates/i18n/<lang>.yaml; every value is text (YAML's BaseLoader guesses no types)."""
    messages: dict[str, Any] = {}
    for path in catalogue_files(templates, lang):  # the defaults, then a region's changes
        messages.update(_flatten(yaml.load(path.read_text(encoding="utf-8"),
                                           Loader=yaml.BaseLoader)))
    return Catalogue(lang, messages)

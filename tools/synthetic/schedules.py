"""An activity's schedule as an editor writes it: weekly rules by term or open-ended, every
other week, several times a day, monthly, dates of events, RFC 5545 rules, courses, and two
rules combined, with `except`, `also`, `cancelled`, `holidays` and notes.

Cancelled, excepted and extra days are picked among the days a rule is really held (or really
not held), as hyteguide.schedule computes them (seasons.weekly_held, seasons.monthly_held), so
that `hyteguide check` accepts every rule.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from typing import ClassVar

from hyteguide.common.times import WEEKDAY_CODES as RRULE_DAYS
from hyteguide.common.times import WEEKDAY_KEYS
from hyteguide.content.schema.common import ORDINALS as ORDINAL_WORDS
from hyteguide.content.schema.common import WEEKDAYS
from tools.synthetic.draws import Draws, Stats
from tools.synthetic.seasons import DAY, Seasons, monthly_held, next_weekday, weekly_held
from tools.synthetic.world import (
    CANCEL_NOTES,
    DAY_TIMES,
    DROP_IN_TIMES,
    EVENING_TIMES,
    RULE_NOTES,
    TWO_TIMES,
    WEEKEND_TIMES,
    ActivityTemplate,
)
from tools.synthetic.yamltext import flow_list, yf, yq

# The weekday and ordinal words of hyteguide's content format, as editors write them (the
# reader, hyteguide.content, also takes other spellings); a few rules use the Finnish days.
# The words editors write (the schema's own tables): English and Finnish day codes, ordinals.
WEEKDAY_CODES = WEEKDAY_KEYS
FINNISH_DAY_CODES = tuple(word for word, day in WEEKDAYS.items() if word not in WEEKDAY_KEYS)
ORDINALS = tuple(word for word in ORDINAL_WORDS if word[0].isdigit())[:4]  # 1st … 4th
Rule = list[tuple[str, str]]  # (key, YAML value) in the order they are written


class ScheduleWriter(Draws):
    """Writes schedules around the seasons of `today`; counts the rules by form in `stats`."""

    def __init__(self, rng: random.Random, seasons: Seasons, stats: Stats):
        super().__init__(rng)
        self.seasons = seasons
        self.stats = stats

    def weekdays(self, kind: str, count: int) -> list[int]:
        """`count` weekdays for a kind (exercise sometimes one weekend day only)."""
        pool = [0, 1, 2, 3, 4, 5, 6] if kind in ("exercise", "dropin") else [0, 1, 2, 3, 4]
        if kind == "exercise" and self.chance(0.3):
            pool = [5, 6]
            count = 1
        return sorted(self.rng.sample(pool, count))

    def day_list(self, days: Sequence[int]) -> str:
        """The days as editors write them: mostly [mon, wed], now and then Finnish or bare."""
        codes = FINNISH_DAY_CODES if self.chance(0.08) else WEEKDAY_CODES
        if len(days) == 1 and self.chance(0.1):
            return codes[days[0]]
        return flow_list([codes[d] for d in days])

    def time_for(self, days: Sequence[int], kind: str, daytime: bool) -> str:
        """A time of day that suits the days and the kind (weekend, drop-in, day, evening)."""
        if days and min(days) >= 5:
            return self.rng.choice(WEEKEND_TIMES)
        if kind == "dropin":
            return self.rng.choice(DROP_IN_TIMES)
        return self.rng.choice(DAY_TIMES if daytime else EVENING_TIMES)

    def pick_held(self, held: list[dt.date], avoid: Sequence[dt.date] = ()) -> dt.date | None:
        """One of the held days near today (not in `avoid`), or None."""
        low, high = self.seasons.near
        choices = [d for d in held if low <= d <= high and d not in avoid]
        return self.rng.choice(choices) if choices else None

    def cancellation(self, day: dt.date, swedish: bool) -> str:
        """A cancelled day, with a note half of the time."""
        if self.chance(0.5):
            return day.isoformat()
        note = self.pair(self.rng.choice(CANCEL_NOTES), swedish)
        if list(note) == ["fi"]:
            return f"{{date: {day}, note: {yf(note['fi'])}}}"
        inner = ", ".join(f"{lang}: {yf(text)}" for lang, text in note.items())
        return f"{{date: {day}, note: {{{inner}}}}}"

    def rule_note(self, rule: Rule, swedish: bool,
                  choices: Sequence[tuple[str, ...]] = RULE_NOTES) -> None:
        """Appends a note (one language or two) to the rule."""
        note = self.pair(self.rng.choice(choices), swedish)
        if list(note) == ["fi"]:
            rule.append(("note", yq(note["fi"])))
        else:
            rule.append(("note", "{" + ", ".join(f"{k}: {yf(v)}" for k, v in note.items()) + "}"))

    def weekly_rule(self, days: list[int], time: str | Sequence[str], start: dt.date | None,
                    until: dt.date | None, swedish: bool, every: int = 1,
                    breaks: Sequence[tuple[dt.date, dt.date]] = (), extras: bool = True,
                    include_holidays: bool = False,
                    taken: Sequence[dt.date] = ()) -> Rule:
        """A weekly rule; with extras, except days and ranges, also days and cancellations
        that the validator accepts: each picked among the days the rule is really held.
        `taken`: days another rule of the activity has, which must not become extra days."""
        rule = [("weekly", self.day_list(days))]
        if every > 1:
            rule.append(("every", str(every)))
        rule.append(("time", f'"{time}"' if isinstance(time, str)
                     else flow_list(f'"{t}"' for t in time)))
        if start:
            rule.append(("from", start.isoformat()))
        if until:
            rule.append(("until", until.isoformat()))
        low, high = self.seasons.near
        first = max(low, start) if start else low
        last = min(high, until) if until else high
        held = weekly_held(days, first, last, every=every, start=start, until=until,
                           breaks=breaks, holidays=include_holidays)
        excepted: list[str] = [f"{{from: {a}, until: {b}}}" for a, b in breaks]
        cancelled_day = self.pick_held(held) if extras and self.chance(0.3) else None
        if extras and self.chance(0.15):
            day = self.pick_held(held, [cancelled_day] if cancelled_day else [])
            if day:
                excepted.insert(0, day.isoformat())
                held.remove(day)
        if excepted:
            rule.append(("except", flow_list(excepted)))
        if extras and every == 1 and self.chance(0.15):
            others = [d for d in range(7) if d not in days]
            extra = [d for d in weekly_held(others, first, last, breaks=breaks, holidays=True)
                     if d not in taken]
            if extra:
                rule.append(("also", flow_list(sorted(self.rng.sample(
                    extra, min(len(extra), self.rng.randint(1, 2)))))))
        if cancelled_day:
            rule.append(("cancelled", flow_list([self.cancellation(cancelled_day, swedish)])))
        if include_holidays:
            rule.append(("holidays", "include"))
        elif self.chance(0.1):
            rule.append(("holidays", "skip"))
        if self.chance(0.1):
            self.rule_note(rule, swedish)
        self.stats.count_rule("weekly every" if every > 1 else "weekly")
        return rule

    def term_rules(self, kind: str, daytime: bool, swedish: bool) -> list[Rule]:
        """Weekly rules for this term, sometimes the next too, perhaps with school breaks."""
        days = self.weekdays(kind, 2 if self.chance(0.25) else 1)
        time = self.time_for(days, kind, daytime)
        current, following = self.seasons.current_terms()
        chosen = [current, following] if self.chance(0.35) else [current]
        rules = []
        for start, end in chosen:
            start += DAY * self.rng.randint(0, 21)
            end -= DAY * self.rng.randint(0, 7)
            breaks = []
            if self.chance(0.35):
                for gap in (self.seasons.autumn_break, self.seasons.winter_break):
                    if start <= gap[0] and gap[1] <= end:
                        breaks.append(gap)
            rules.append(self.weekly_rule(days, time, start, end, swedish, breaks=breaks))
        return rules

    def open_rules(self, kind: str, daytime: bool, swedish: bool) -> list[Rule]:
        """An open-ended weekly rule, perhaps with a start, an end, breaks or holidays."""
        days = self.weekdays(kind, self.rng.choice((1, 1, 2, 2, 3)))
        time = self.time_for(days, kind, daytime)
        start = self.seasons.today - DAY * self.rng.randint(60, 900) if self.chance(0.5) else None
        until = self.seasons.terms[2][1] if self.chance(0.15) else None
        breaks = []
        if self.chance(0.35):
            breaks.append(self.seasons.christmas_break)
        if self.chance(0.25):
            breaks.append(self.seasons.summer_break)
        include = self.chance(0.15)
        return [self.weekly_rule(days, time, start, until, swedish, breaks=breaks,
                                 include_holidays=include)]

    def biweekly_rules(self, kind: str, daytime: bool,
                       swedish: bool) -> list[Rule]:
        """Every other week from a day in this term."""
        days = self.weekdays(kind, 1)
        current, _ = self.seasons.current_terms()
        start = next_weekday(current[0] + DAY * self.rng.randint(0, 20), days[0])
        until = current[1] if self.chance(0.7) else None
        rule = self.weekly_rule(days, self.time_for(days, kind, daytime), start, until, swedish,
                                every=2)
        if self.chance(0.3) and not any(k == "note" for k, _ in rule):
            self.rule_note(rule, swedish, (("Joka toinen viikko.", "Varannan vecka."),))
        return [rule]

    def multi_time_rules(self, kind: str, daytime: bool,
                         swedish: bool) -> list[Rule]:
        """Two sessions a day, through this term or open-ended."""
        days = self.weekdays(kind, 1)
        times = self.rng.choice(TWO_TIMES)
        current, _ = self.seasons.current_terms()
        if self.chance(0.5):
            return [self.weekly_rule(days, times, current[0], current[1], swedish)]
        return [self.weekly_rule(days, times, None, None, swedish)]

    def monthly_rules(self, kind: str, daytime: bool,
                      swedish: bool) -> list[Rule]:
        """A monthly rule: an ordinal weekday, two of them, a day number or a mix."""
        rng = self.rng
        weekday = rng.randint(0, 5 if kind == "club" else 4)
        roll = rng.random()
        if roll < 0.55:
            ordinal = rng.choice((1, 2, 3, 4, -1))
            specs: list[tuple[int, int | None]] = [(ordinal, weekday)]
        elif roll < 0.8:
            specs = [(1, weekday), (3, weekday)] if rng.random() < 0.5 else \
                [(2, weekday), (4, weekday)]
        elif roll < 0.93:
            specs = [(rng.randint(1, 28), None)]
        else:
            specs = [(1, weekday), (rng.randint(15, 28), None)]
        words = [(f"{ORDINALS[o - 1]} " if o > 0 else "last ") + WEEKDAY_CODES[w]
                 if w is not None else str(o) for o, w in specs]
        rule = [("monthly", words[0] if len(words) == 1 else flow_list(words))]
        rule.append(("time", f'"{self.time_for([weekday], kind, daytime)}"'))
        start = until = None
        if self.chance(0.4):
            (start, until), _ = self.seasons.current_terms()
            rule += [("from", start.isoformat()), ("until", until.isoformat())]
        include = self.chance(0.05)
        low, high = self.seasons.today - 30 * DAY, self.seasons.today + 120 * DAY
        held = monthly_held(specs, low, high, start=start, until=until, holidays=include)
        cancelled = rng.choice(held) if held and self.chance(0.2) else None
        if held and self.chance(0.1):
            day = rng.choice(held)
            if day != cancelled:
                rule.append(("except", flow_list([day.isoformat()])))
        if cancelled:
            rule.append(("cancelled", flow_list([self.cancellation(cancelled, swedish)])))
        if include:
            rule.append(("holidays", "include"))
        if self.chance(0.1):
            self.rule_note(rule, swedish)
        self.stats.count_rule("monthly")
        return [rule]

    def event_days(self, season: str) -> list[dt.date]:
        """The days of an event of a season (a camp lasts three days)."""
        rng, year = self.rng, self.seasons.year
        if season == "xmas":
            first = dt.date(year, 12, rng.randint(1, 14))
        elif season == "spring":
            first = dt.date(year + 1, 5, rng.randint(2, 28))
        elif season == "camp":
            first = dt.date(year + 1, 6, rng.randint(8, 28))
            return [first + DAY * k for k in range(3)]
        elif season == "summer":
            first = dt.date(year + 1, 6, 8) + DAY * rng.randint(0, 60)
        elif season == "autumn":
            first = dt.date(year, 9, 10) + DAY * rng.randint(0, 75)
        elif season == "winter":
            first = dt.date(year + 1, 1, 15) + DAY * rng.randint(0, 60)
        else:
            first = self.seasons.today + DAY * rng.randint(-40, 150)
        if rng.random() < 0.6:  # most events are on a Saturday
            first = next_weekday(first, 5)
        days = [first]
        if season == "any" and rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                days.append(days[-1] + DAY * rng.randint(7, 60))
        return days

    def date_rules(self, season: str, swedish: bool) -> list[Rule]:
        """An event's dates (or a yearly RFC 5545 rule), perhaps with a cancellation."""
        rng = self.rng
        if season == "any" and self.chance(0.12):  # a yearly event as an RFC 5545 rule
            rule = [("rrule", rng.choice(("FREQ=YEARLY;BYMONTH=5,9;BYDAY=2SA",
                                          "FREQ=YEARLY;BYMONTH=12;BYDAY=1SA",
                                          "FREQ=YEARLY;BYMONTH=2,6,10;BYDAY=-1FR"))),
                    ("time", f'"{rng.choice(WEEKEND_TIMES)}"')]
            self.stats.count_rule("rrule")
            return [rule]
        days = self.event_days(season)
        rule = [("date", days[0].isoformat() if len(days) == 1
                 else flow_list(d.isoformat() for d in days))]
        if self.chance(0.92):
            times = rng.choice(WEEKEND_TIMES) if days[0].weekday() >= 5 \
                else rng.choice(EVENING_TIMES)
            rule.append(("time", f'"{times}"'))
        if len(days) > 1 and self.chance(0.15):
            rule.append(("cancelled", flow_list([self.cancellation(rng.choice(days), swedish)])))
        if self.chance(0.1):
            self.rule_note(rule, swedish, (
                ("Ovet avautuvat puoli tuntia ennen alkua.", "Dörrarna öppnas en halvtimme "
                 "innan."), ("Ilmainen sisäänpääsy.", "Fritt inträde."),
                ("Säävaraus, tarkista tilanne verkkosivuilta.", "Med reservation för vädret, "
                 "se webbplatsen.")))
        self.stats.count_rule("date")
        return [rule]

    def rrule_rules(self, kind: str, daytime: bool,
                    swedish: bool) -> list[Rule]:
        """An RFC 5545 rule: every other month, two weekdays, every third week…"""
        rng = self.rng
        day = rng.randint(0, 4)
        current, _ = self.seasons.current_terms()
        start = next_weekday(current[0], day)
        options = (
            (f"FREQ=MONTHLY;INTERVAL=2;BYDAY=1{RRULE_DAYS[day]}", True),
            (f"FREQ=WEEKLY;BYDAY={RRULE_DAYS[day]},{RRULE_DAYS[(day + 2) % 5]}", False),
            (f"FREQ=MONTHLY;BYDAY=1{RRULE_DAYS[day]},3{RRULE_DAYS[day]}", False),
            (f"FREQ=WEEKLY;INTERVAL=3;BYDAY={RRULE_DAYS[day]}", True),
            ("FREQ=MONTHLY;BYMONTHDAY=1,15", False),
            (f"FREQ=MONTHLY;BYDAY=-1{RRULE_DAYS[day]}", False),
        )
        value, needs_start = rng.choice(options)
        rule = [("rrule", value), ("time", f'"{self.time_for([day], kind, daytime)}"')]
        if needs_start or self.chance(0.3):
            rule.append(("from", start.isoformat()))
        if self.chance(0.3):
            rule.append(("except", f"[{{from: {self.seasons.summer_break[0]}, "
                                   f"until: {self.seasons.summer_break[1]}}}]"))
        self.stats.count_rule("rrule")
        return [rule]

    def course_rules(self, kind: str, daytime: bool,
                     swedish: bool) -> list[Rule]:
        """A course of 4–8 weekly sessions: a COUNT rule or a weekly rule with an end."""
        rng = self.rng
        day = rng.randint(0, 4)
        start = next_weekday(self.seasons.today + DAY * rng.randint(-30, 70), day)
        sessions = rng.randint(4, 8)
        time = self.time_for([day], kind, daytime)
        if self.chance(0.4):
            self.stats.count_rule("rrule")
            return [[("rrule", f"FREQ=WEEKLY;COUNT={sessions};BYDAY={RRULE_DAYS[day]}"),
                     ("time", f'"{time}"'), ("from", start.isoformat())]]
        until = start + 7 * (sessions - 1) * DAY
        return [self.weekly_rule([day], time, start, until, swedish, extras=self.chance(0.3))]

    def combined_rules(self, kind: str, daytime: bool,
                       swedish: bool) -> list[Rule]:
        """Two rules in one activity that never meet on the same day and time."""
        rng = self.rng
        days = sorted(rng.sample([0, 1, 2, 3, 4], 2))
        if self.chance(0.5):
            weekly = self.weekly_rule(days, rng.choice(DROP_IN_TIMES), None, None, swedish,
                                      extras=self.chance(0.5))
            other = rng.choice([d for d in range(5) if d not in days])
            self.stats.count_rule("monthly")
            return [weekly, [("monthly", f"{rng.choice(ORDINALS)} {WEEKDAY_CODES[other]}"),
                             ("time", f'"{rng.choice(EVENING_TIMES)}"')]]
        special = next_weekday(self.seasons.today + DAY * rng.randint(0, 50), rng.choice((5, 6)))
        weekly = self.weekly_rule(days, rng.choice(DROP_IN_TIMES), None, None, swedish,
                                  extras=self.chance(0.5), taken=[special])
        rule = [("date", special.isoformat()), ("time", f'"{rng.choice(WEEKEND_TIMES)}"')]
        self.rule_note(rule, swedish, (
            ("Lauantain erikoisaukiolo.", "Extra öppet på lördag.") if special.weekday() == 5
            else ("Sunnuntain erikoisaukiolo.", "Extra öppet på söndag."),
            ("Teemapäivä, tervetuloa!", "Temadag, välkommen!")))
        self.stats.count_rule("date")
        return [weekly, rule]

    PATTERNS: ClassVar[dict[str, tuple[tuple[str, float], ...]]] = {
        "group": (("term", 0.45), ("biweekly", 0.2), ("monthly", 0.25), ("multi", 0.05),
                  ("rrule", 0.05)),
        "dropin": (("open", 0.45), ("term", 0.2), ("combined", 0.2), ("multi", 0.1),
                   ("rrule", 0.05)),
        "course": (("course", 0.75), ("term", 0.25)),
        "advice": (("open", 0.35), ("monthly", 0.3), ("rrule", 0.1), ("none", 0.25)),
        "volunteer": (("none", 0.5), ("monthly", 0.3), ("open", 0.2)),
        "exercise": (("open", 0.35), ("term", 0.35), ("multi", 0.15), ("biweekly", 0.05),
                     ("rrule", 0.1)),
        "club": (("monthly", 0.4), ("biweekly", 0.25), ("term", 0.25), ("rrule", 0.1)),
    }

    def schedule(self, template: ActivityTemplate, daytime: bool,
                 swedish: bool) -> list[Rule]:
        """The rules of an activity, in a pattern drawn for its kind (none for some)."""
        if template.kind == "event":
            return self.date_rules(template.season, swedish)
        names, weights = zip(*self.PATTERNS[template.kind], strict=True)
        pattern = self.rng.choices(names, weights)[0]
        if pattern == "none":
            return []
        make: Callable[[str, bool, bool], list[Rule]] = {
            "term": self.term_rules, "open": self.open_rules, "biweekly": self.biweekly_rules,
            "multi": self.multi_time_rules, "monthly": self.monthly_rules,
            "rrule": self.rrule_rules, "course": self.course_rules,
            "combined": self.combined_rules}[pattern]
        return make(template.kind, daytime, swedish)

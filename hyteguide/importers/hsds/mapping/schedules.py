"""Schedule rules (made by importers/hsds/schedule.py and regular_schedule.py) attached to the
activities a row links to, or else as a place's opening hours; each rule is read with the
content schema first, and one on the same days at overlapping times as another is left out."""

from __future__ import annotations

from typing import Any

from hyteguide import model
from hyteguide.content.fields import INVALID
from hyteguide.content.schema import OPENING_HOURS_ENTRY, SCHEDULE_RULE, shared_day
from hyteguide.importers.hsds.content_files import dump
from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import convert, problem_words, read_value
from hyteguide.importers.hsds.mapping.documents import PlaceDoc
from hyteguide.importers.hsds.regular_schedule import regular_rules
from hyteguide.importers.hsds.schedule import opening_hours, schedule_rule
from hyteguide.importers.hsds.tables import Note, Row


class ScheduleMapping(MapperBase):
    """Schedule, regular_schedule and holiday_schedule rows → rules."""

    def map_schedules(self) -> None:
        for row in self.package.rows("schedule"):
            rule, notes = schedule_rule(row, self.defaults.zone, self.text)
            self.record(row).notes.extend(notes)
            self.use(row, *row.values)
            if rule is None:
                self.dropped(row)
                continue
            self.attach(row, [rule])

    def dropped(self, row: Row) -> None:
        self.record(row).status = "not imported"
        for name in ("description", "notes"):
            if row.get(name):
                self.record(row).notes.append(Note(name, row.get(name), "the schedule was not "
                                                   "imported: write it as a rule"))

    def attach(self, row: Row, rules: list[dict[str, Any]]) -> None:
        """Rules to the activities (or else the place) a schedule row links to, each rule
        checked with the schema first."""
        activities = self.activities_for(row)
        place = self.places.get(row.get("location_id")) if _location_only(row) else None
        if not activities and not place:
            self.skip(row, "service_id", row.get("service_id") or row.get("location_id"),
                      "links to no imported service or place")
            return
        kept = [(rule, made) for rule, made in ((r, self.valid_rule(row, r))
                                                for r in map(_ordered_rule, rules)) if made]
        for activity in activities:
            for rule, made in kept:
                if any(shared_day(made, other) for other in activity.rules):
                    self.note(row, "schedule", _short(rule), f"{activity.id} has another rule "
                              "on the same days at overlapping times: not imported")
                    continue
                activity.rules.append(made)
                activity.data["schedule"] = [*(activity.data.get("schedule") or []), rule]
                self.target(row, activity)
        if not activities and place is not None and kept:  # (no activities: a place, above)
            self.place_hours(row, place, [rule for rule, _ in kept])
        if not self.record(row).targets:
            self.record(row).status = "not imported"

    def valid_rule(self, row: Row, rule: dict[str, Any]) -> model.ScheduleRule | None:
        """The rule as the schema reads it, or None; the schema's words go in the report."""
        made, problems = read_value(SCHEDULE_RULE, rule, self.vocabulary, self.languages)
        for problem in problems:
            warning = problem.severity == "warning"
            why = problem_words(problem) + ("" if warning else ": the rule was not imported")
            self.record(row).notes.append(Note(problem.field or "schedule", _short(rule), why,
                                               "warning" if warning else "not mapped"))
        return None if made is INVALID else made

    def place_hours(self, row: Row, place: PlaceDoc, rules: list[dict[str, Any]]) -> None:
        for rule in rules:
            entries = opening_hours(rule)
            if entries is None or any(convert(OPENING_HOURS_ENTRY, entry, self.vocabulary,
                                              self.languages) for entry in entries):
                self.note(row, "freq", _short(rule), "a place's opening hours are weekly with "
                          "times: not imported")
                continue
            place.data["opening_hours"] = [*(place.data.get("opening_hours") or []), *entries]
            self.target(row, place)

    def map_regular_schedules(self) -> None:
        """HSDS 1.x: regular_schedule rows grouped by what they belong to, with the
        holiday_schedule rows of the same service or location."""
        groups: dict[tuple, tuple[list[Row], list[Row]]] = {}
        for table, index in (("regular_schedule", 0), ("holiday_schedule", 1)):
            for row in self.package.rows(table):
                key = tuple(id(a) for a in self.activities_for(row)) or \
                    ("place", row.get("location_id"))
                groups.setdefault(key, ([], []))[index].append(row)
        for regular, holidays in groups.values():
            rules, notes, unused = regular_rules(regular, holidays, self.defaults.zone)
            for row, note in notes:
                self.record(row).notes.append(note)
            rows = [row for row in regular + holidays if row not in unused]
            for row in regular + holidays:
                self.use(row, *row.values)
                if not rules or row in unused:
                    self.record(row).status = "not imported"
            if rules and rows:
                self.attach_group(rows, rules)

    def attach_group(self, rows: list[Row], rules: list[dict[str, Any]]) -> None:
        """The rules several rows made together go where the first row links to."""
        first = rows[0]
        self.attach(first, rules)
        for row in rows[1:]:
            self.record(row).targets = list(self.record(first).targets)
            self.record(row).status = self.record(first).status


RULE_KEYS = ("weekly", "every", "monthly", "date", "rrule", "time", "from", "until", "except",
             "also", "note")


def _location_only(row: Row) -> bool:
    """Whether a row is about a location itself (its opening hours), not a service there."""
    return not row.get("service_id") and not row.get("service_at_location_id")


def _ordered_rule(rule: dict[str, Any]) -> dict[str, Any]:
    return {key: rule[key] for key in RULE_KEYS if rule.get(key) is not None}


def _short(rule: dict[str, Any]) -> str:
    """A rule on one line, for the report."""
    return " ".join(dump(rule).split())

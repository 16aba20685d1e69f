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

    def place_hours(self, row: Row, place: PlaceDoc, rules: list[dict[str, Any]],
                    merge: bool = True) -> None:
        """Rules as a place's opening hours entries, added to those it has (merge: rows of
        the schedule table), or only when it has none (a 1.x group: a location's own rows
        come before a service's rows at it, whose hours are another version of them)."""
        made: list[dict[str, Any]] = []
        for rule in rules:
            entries = opening_hours(rule)
            if entries is None or any(convert(OPENING_HOURS_ENTRY, entry, self.vocabulary,
                                              self.languages) for entry in entries):
                self.note(row, "freq", _short(rule), "a place's opening hours are weekly with "
                          "times: not imported")
                continue
            made += entries
        known = place.data.get("opening_hours") or []
        if merge:
            made = [*known, *(entry for entry in made if entry not in known)]
        if made and known and known != made and not merge:
            self.note(row, "location_id", row.get("location_id"), "the place has other opening "
                      "hours already (from its own rows, or another service's): these were not "
                      "imported")
        elif made:
            place.data["opening_hours"] = made
            self.target(row, place)

    def map_regular_schedules(self) -> None:
        """HSDS 1.x: regular_schedule rows grouped by what they belong to (a place's opening
        hours, or an activity's times), with the holiday_schedule rows of the same owner."""
        groups: dict[tuple, tuple[list[Row], list[Row]]] = {}
        for table, index in (("regular_schedule", 0), ("holiday_schedule", 1)):
            for row in self.package.rows(table):
                groups.setdefault(self.owner_of_hours(row), ([], []))[index].append(row)
        # A location's own rows first: they are its opening hours before any service's.
        for key, (regular, holidays) in sorted(groups.items(), key=lambda g: g[0][0] != "place"
                                               or g[0][2] != ""):
            if key[0] == "place":
                self.place_group(regular, holidays)
            else:
                self.schedule_group(regular, holidays)

    def owner_of_hours(self, row: Row) -> tuple:
        """Whose hours a 1.x row gives: ("place", location_id, service_id) for a location's
        opening hours (a location_id without a service_at_location_id, the spec's way to say
        "this location's schedule", even with a service_id beside it), else the activities
        (a service_at_location_id, or a service_id alone: the service's own times)."""
        if row.get("location_id") and not row.get("service_at_location_id"):
            return ("place", row.get("location_id"), row.get("service_id"))
        return tuple(id(a) for a in self.activities_for(row)) or \
            ("place", row.get("location_id"), "")

    def schedule_group(self, regular: list[Row], holidays: list[Row]) -> None:
        """An activity's rows: weekly rules with their holidays."""
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
        self.give_reasons(regular + holidays, "no rule could be made of these rows")

    def place_group(self, regular: list[Row], holidays: list[Row]) -> None:
        """A location's opening hours: weekly days and times on the place (never an
        activity's times, which would show an office as held all day every day)."""
        for row in holidays:
            self.use(row, *row.values)
            self.skip(row, "start_date", row.get("start_date"), "a holiday of a location's "
                      "opening hours: a place's opening hours have no exceptions (say it in "
                      "'opening_hours_note' by hand)")
        rules, notes, unused = regular_rules(regular, [], self.defaults.zone)
        for row, note in notes:
            self.record(row).notes.append(note)
        rows = [row for row in regular if row not in unused]
        for row in regular:
            self.use(row, *row.values)
            if row in unused:
                self.record(row).status = "not imported"
        place = self.places.get(regular[0].get("location_id")) if regular else None
        if rows and not rows[0].get("location_id"):
            self.skip(rows[0], "service_id", rows[0].get("service_id") or rows[0].get(
                "service_at_location_id"), "links to no imported service or place")
        elif rows and place is None:
            self.skip(rows[0], "location_id", rows[0].get("location_id"), "opening hours of "
                      "a location that is no imported place")
        elif rows and place is not None and rules:
            self.place_hours(rows[0], place, rules, merge=False)
            for row in rows[1:]:
                self.record(row).targets = list(self.record(rows[0]).targets)
        for row in regular:
            if not self.record(row).targets:
                self.record(row).status = "not imported"
        self.give_reasons(regular, "no opening hours could be made of these rows")

    def attach_group(self, rows: list[Row], rules: list[dict[str, Any]]) -> None:
        """The rules several rows made together go where the first row links to."""
        first = rows[0]
        self.attach(first, rules)
        for row in rows[1:]:
            self.record(row).targets = list(self.record(first).targets)
            self.record(row).status = self.record(first).status

    def give_reasons(self, rows: list[Row], fallback: str) -> None:
        """Every row of a group that was not imported says why: its own note, else the note
        of the row it was read with (they made their rules together), else fallback."""
        reasons = [(row, n) for row in rows for n in self.record(row).notes
                   if n.kind == "not mapped"]
        for row in rows:
            record = self.record(row)
            if record.status != "not imported" or any(n.kind == "not mapped"
                                                      for n in record.notes):
                continue
            if reasons:
                other, note = reasons[0]
                record.notes.append(Note("(record)", "", f"read together with {other.where} "
                                         f"(the rows of one service or place make its rules "
                                         f"together), which was not imported: {note.field}: "
                                         f"{note.why}"))
            else:
                record.notes.append(Note("(record)", "", fallback))


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

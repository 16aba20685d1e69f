"""An RFC 5545 recurrence rule (RRULE), for experts, checked part by part."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from dateutil.rrule import rrulestr

from hyteguide.common.problems import did_you_mean
from hyteguide.common.times import recur_parts
from hyteguide.content.fields import INVALID, Context, FieldType
from hyteguide.schedule.rrulecheck import misread

RRULE_PARTS = {
    "FREQ": r"DAILY|WEEKLY|MONTHLY|YEARLY",
    "INTERVAL": r"[1-9]\d{0,2}",
    "COUNT": r"[1-9]\d{0,3}",
    "BYDAY": r"([+-]?[1-5]?\d?)?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?[1-5]?\d?)?(MO|TU|WE|TH|FR|SA|SU))*",
    "BYMONTHDAY": r"[+-]?\d{1,2}(,[+-]?\d{1,2})*",
    "BYYEARDAY": r"[+-]?\d{1,3}(,[+-]?\d{1,3})*",
    "BYWEEKNO": r"[+-]?\d{1,2}(,[+-]?\d{1,2})*",
    "BYMONTH": r"\d{1,2}(,\d{1,2})*",
    "BYSETPOS": r"[+-]?\d{1,3}(,[+-]?\d{1,3})*",
    "WKST": r"MO|TU|WE|TH|FR|SA|SU",
}
RRULE_MOVED = {
    "UNTIL": "write the last day as its own field 'until: YYYY-MM-DD'",
    "DTSTART": "write the first day as its own field 'from: YYYY-MM-DD'",
    "BYHOUR": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
    "BYMINUTE": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
    "BYSECOND": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
}


class RecurrenceRule(FieldType):
    """An RFC 5545 RRULE value for experts, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU."""

    label = "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=TU")
        if value is INVALID:
            return value
        text = value.upper().removeprefix("RRULE:").strip().strip(";")
        hint = "write it as NAME=VALUE parts joined by ';', e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"
        parts: dict[str, str] = {}
        for part in text.split(";"):
            name, equals, part_value = part.strip().partition("=")
            if not equals or not name or not part_value:
                return ctx.error(node, where, "bad-rrule", f"'{part}' is not NAME=VALUE", hint)
            if name in RRULE_MOVED:
                return ctx.error(node, where, "bad-rrule", f"{name} does not go in 'rrule'",
                                 RRULE_MOVED[name])
            if name not in RRULE_PARTS:
                return ctx.error(node, where, "bad-rrule", f"'{name}' is not a rule part",
                                 did_you_mean(name, RRULE_PARTS) or
                                 "parts: " + ", ".join(RRULE_PARTS))
            if name in parts:
                return ctx.error(node, where, "bad-rrule", f"{name} is given twice",
                                 "keep only one of them")
            if not re.fullmatch(RRULE_PARTS[name], part_value):
                return ctx.error(node, where, "bad-rrule",
                                 f"'{part_value}' is not a valid value for {name}", hint)
            parts[name] = part_value
        if "FREQ" not in parts:
            return ctx.error(node, where, "bad-rrule", "the rule needs FREQ",
                             "start with FREQ=WEEKLY, FREQ=MONTHLY, FREQ=YEARLY or FREQ=DAILY")
        normalised = ";".join([f"FREQ={parts.pop('FREQ')}", *(f"{k}={v}" for k, v in
                                                              parts.items())])
        try:
            rrulestr(normalised, dtstart=dt.datetime(2024, 1, 1))
        except (ValueError, TypeError) as error:
            return ctx.error(node, where, "bad-rrule", f"the rule is not valid: {error}", hint)
        if problem := misread(recur_parts(normalised)):
            return ctx.error(node, where, "bad-rrule", *problem)
        return normalised

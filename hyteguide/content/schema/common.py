"""Field types and checks the records of the schema share: weekdays, days of the month,
a keyword or a text, the order of two dates, one of several fields."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.common.problems import did_you_mean
from hyteguide.content.fields import INVALID, Context, FieldType, TextField
from hyteguide.content.records import field_node, is_written

# Why open data leaves site.yaml's records out (the exports' envelope names the guide, its
# address and the data licence, which the licence record's own fields declare).
SETTINGS = "the guide's settings and statements, not directory data"

WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "ma": 0, "ti": 1, "ke": 2, "to": 3, "pe": 4, "la": 5, "su": 6,
}
WEEKDAY_ALIASES = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
    "saturday": "sat", "sunday": "sun", "tues": "tue", "thur": "thu", "thurs": "thu",
    "maanantai": "ma", "tiistai": "ti", "keskiviikko": "ke", "torstai": "to", "perjantai": "pe",
    "lauantai": "la", "sunnuntai": "su", "mån": "mon", "tis": "tue", "ons": "wed", "tor": "thu",
    "fre": "fri", "lör": "sat", "sön": "sun",
}
ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1, "first": 1,
            "second": 2, "third": 3, "fourth": 4, "fifth": 5}
ORDINAL_DIGITS = ("1", "2", "3", "4", "5")  # '2 mon' is the 2nd Monday (not '12' or '23')


class Weekday(FieldType):
    model_type: ClassVar[str] = "int"

    label = "weekday mon…sun (or ma…su)"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a weekday")
        if value is INVALID:
            return value
        word = value.lower()
        if word in WEEKDAYS:
            return WEEKDAYS[word]
        if word in WEEKDAY_ALIASES:
            return WEEKDAYS[WEEKDAY_ALIASES[word]]
        return ctx.error(node, where, "bad-value", f"'{value}' is not a weekday",
                         did_you_mean(word, list(WEEKDAYS)[:7])
                         or "write mon, tue, wed, thu, fri, sat or sun")


class MonthlyDayField(FieldType):
    model_type: ClassVar[str] = "MonthlyDay"

    label = "'2nd mon', 'last fri' or a day of the month 1…31"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a day of the month such as '2nd mon'")
        if value is INVALID:
            return value
        words = value.lower().replace(".", " ").split()
        # ASCII digits only: str.isdigit() also takes '²', which int() refuses.
        if len(words) == 1 and re.fullmatch("[0-9]{1,2}", words[0]) and 1 <= int(words[0]) <= 31:
            return model.MonthlyDay(int(words[0]))
        hint = "write the week and the weekday: '1st mon', '2nd tue', '3rd wed', '4th thu' or " \
               "'last fri', or a day of the month 1…31"
        if len(words) == 2:
            ordinal = ORDINALS.get(words[0]) or (int(words[0]) if words[0] in ORDINAL_DIGITS
                                                 else None)
            day = WEEKDAYS.get(WEEKDAY_ALIASES.get(words[1], words[1]))
            if ordinal and day is not None:
                return model.MonthlyDay(ordinal, day)
        return ctx.error(node, where, "bad-value", f"'{value}' is not a day of the month", hint)


class KeywordOrText(FieldType):
    """A fixed keyword (such as `free`) or a text."""

    model_type: ClassVar[str] = "str | Text"

    def __init__(self, keyword: str, *more: str):
        self.keywords = (keyword, *more)
        self.keyword = keyword
        self.label = " or ".join(f"'{k}'" for k in self.keywords) + " or a text"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value.strip() in self.keywords:
            return node.value.strip()
        return TextField().convert(node, ctx, where)


def check_order(start: str, end: str, code: str = "date-order") -> Any:
    def check(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
        if start in values and end in values and values[end] < values[start]:
            ctx.error(field_node(values, end), f"{where}.{end}" if where else end, code,
                      f"'{end}' ({values[end]}) is before '{start}' ({values[start]})",
                      f"check both dates; '{end}' must be on or after '{start}'")
    return check


def check_any(*names: str) -> Any:
    """At least one of the fields must be given."""
    def check(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
        if not any(is_written(values, name) for name in names):
            listed = " or ".join(f"'{name}'" for name in names)
            ctx.error(node, where, "missing-field", f"give at least one of {listed}",
                      f"add for example '{names[0]}: …'")
    return check

"""Field types of the content schema: each turns a YAML node into a typed value or a Problem.

Types never guess from YAML's implicit typing; they read the text the editor wrote. Every type
has a `label` that the editor documentation uses, so the docs and the validator share one source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from hyteguide.common.language import is_language_code
from hyteguide.common.problems import Problem, did_you_mean
from hyteguide.content.yamlsource import Document
from hyteguide.model import Text, TimeRange


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()
"""Returned by a converter that has already reported a problem."""

NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Context:
    """What a conversion needs to know: the document, the site and what is already loaded."""

    document: Document
    problems: list[Problem]
    languages: tuple[str, ...] = ("fi",)
    vocabulary: Any = None  # model.Vocabulary once loaded
    references: dict[str, set[str]] = field(default_factory=dict)
    today: dt.date | None = None  # the build/check date, for checks such as consent expiry
    zone: str = "Europe/Helsinki"  # the site's time zone, for clock-change nights
    said: set[tuple[str, str]] = field(default_factory=set)  # (file, code) of once-a-file notes

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def error_count(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    def error(self, node: yaml.Node | None, where: str, code: str, message: str,
              hint: str = "", severity: str = "error") -> Any:
        src = self.document.source(node)
        self.problems.append(Problem(src.path, src.line, src.col, code, where, message, hint,
                                     severity))
        return INVALID

    def unpublished(self, node: yaml.Node, where: str, lang: str) -> None:
        """A text in a language the site does not publish: kept in the file, left out of the
        site, said once a file (a region that drops a language has many such texts)."""
        key = (self.document.path, "unpublished-language")
        if key in self.said:
            return
        self.said.add(key)
        self.error(node, where, "unpublished-language",
                   f"'{lang}' is not a language of this site ({', '.join(self.languages)}): "
                   "texts in it are kept in this file but not published (said once a file)",
                   "nothing to do if the language was dropped on purpose; else add it to "
                   "'languages' in site.yaml", severity="warning")


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in NULLS


def described(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a set of 'key: value' fields"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'"


class FieldType:
    """Base of all field types."""

    label = "value"
    # The model attribute's type, as written in model/ (which tools/declare.py writes from the
    # declarations): what `convert` returns.
    model_type: ClassVar[str] = "str"
    empty: ClassVar[str] = "None"  # the model's value when an optional field is not written

    def annotation(self) -> str:
        """The model attribute's type annotation for a value of this type."""
        return self.model_type

    def unwritten(self) -> str:
        """The model attribute's default when an optional field is not written (source)."""
        return self.empty

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        raise NotImplementedError

    def scalar(self, node: yaml.Node, ctx: Context, where: str, expected: str) -> str | Any:
        """The text of a scalar node, or a wrong-type problem."""
        if not isinstance(node, yaml.ScalarNode):
            return ctx.error(node, where, "wrong-type",
                             f"expected {expected}, found {described(node)}",
                             _wrong_type_hint(node))
        value = node.value.strip()
        if value and not _VISIBLE.search(value):
            return ctx.error(node, where, "invisible-text", "the value has no visible character "
                             "(only spaces or invisible marks such as U+200B)",
                             "write the text, or remove the field")
        if found := _OVERRIDE.search(value):
            return ctx.error(node, where, "invalid-character", f"the text has a direction "
                             f"override (U+{ord(found.group()):04X}), which can make it read "
                             "differently from what it is", "remove it: text in Arabic, Hebrew "
                             "or other scripts shows right without it")
        return value


# Invisible: spaces, format characters (U+200B…, U+2060…, U+FEFF), controls and combining marks
# alone. A value without any other character shows as nothing (a blank name, a link with no
# text). Direction embeddings and overrides (U+202A…U+202E) make text display in another order
# than it is stored (names and addresses that read as something else).
_VISIBLE = re.compile(r"[^\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                      r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
                      r"\uffa0\x00-\x1f\x7f-\x9f]")
_OVERRIDE = re.compile("[\u202a-\u202e]")


def _wrong_type_hint(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a text that contains ': ' (colon and space) needs quotes around it"
    if isinstance(node, yaml.SequenceNode):
        return "remove the '-' list markers or brackets and write a single value"
    return ""


@dataclass(frozen=True)
class Str(FieldType):
    """A single line of text written as is."""

    label: str = "text"
    pattern: str | None = None
    pattern_hint: str = ""
    code: str = "bad-value"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, self.label)
        if value is INVALID:
            return value
        if self.pattern and not re.fullmatch(self.pattern, value):
            return ctx.error(node, where, self.code, f"'{value}' is not a valid {self.label}",
                             self.pattern_hint)
        return value


@dataclass(frozen=True)
class TextField(FieldType):
    """Text in the default language, or a mapping {fi: ..., sv: ..., en: ...}."""

    model_type: ClassVar[str] = "Text"
    label: str = "text, or {fi: …, sv: …, en: …}"
    markdown: bool = False

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._translations(node, ctx, where)
        value = self.scalar(node, ctx, where, "a text")
        if value is INVALID:
            return value
        if not value:
            return ctx.error(node, where, "missing-field", "the text is empty",
                             "write the text, or remove the field")
        return Text(((ctx.default_language, node.value if self.markdown else value),))

    def _translations(self, node: yaml.MappingNode, ctx: Context, where: str) -> Any:
        values: dict[str, str] = {}
        seen_keys: dict[str, yaml.Node] = {}
        ok, unpublished = True, False
        for key_node, value_node in node.value:
            lang = key_node.value
            if lang in seen_keys:
                first = ctx.document.source(seen_keys[lang]).line
                ctx.error(key_node, f"{where}.{lang}", "duplicate-key",
                          f"'{lang}' is given twice (first on line {first})",
                          "keep only one of them")
                ok = False
                continue
            seen_keys[lang] = key_node
            if lang not in ctx.languages and is_language_code(lang):
                ctx.unpublished(key_node, f"{where}.{lang}", lang)
                unpublished = True
                continue
            if lang not in ctx.languages:
                ctx.error(key_node, f"{where}.{lang}", "unknown-language",
                          f"'{lang}' is not a language of this site ({', '.join(ctx.languages)})",
                          did_you_mean(lang, ctx.languages)
                          or "put quotes around a text that contains ': '")
                ok = False
                continue
            text = self.scalar(value_node, ctx, f"{where}.{lang}", "a text")
            if text is INVALID:
                ok = False
            elif text:
                values[lang] = value_node.value if self.markdown else text
        if not ok:
            return INVALID
        if not values and unpublished:
            return None  # only texts the site does not publish: as if the field were not written
        if not values:
            return ctx.error(node, where, "missing-field", "no text in any language",
                             f"write the text in {ctx.default_language}")
        order = {lang: i for i, lang in enumerate(ctx.languages)}
        return Text(tuple(sorted(values.items(), key=lambda kv: order[kv[0]])))


BOOL_WORDS = {"true": True, "false": False}
BOOL_LOOKALIKES = {"yes", "no", "on", "off", "y", "n", "kyllä", "kylla", "ei", "ja", "nej"}


@dataclass(frozen=True)
class Bool(FieldType):
    model_type: ClassVar[str] = "bool"
    empty: ClassVar[str] = "False"

    label: str = "true or false"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "true or false")
        if value is INVALID:
            return value
        if value.lower() in BOOL_WORDS:
            return BOOL_WORDS[value.lower()]
        hint = "write true or false"
        if value.lower() in BOOL_LOOKALIKES:
            hint = f"write true or false instead of '{value}'"
        return ctx.error(node, where, "wrong-type", f"expected true or false, found '{value}'",
                         hint)


@dataclass(frozen=True)
class Int(FieldType):
    model_type: ClassVar[str] = "int"

    minimum: int = 1
    maximum: int = 1000
    label: str = "whole number"
    hint: str = ""

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a whole number")
        if value is INVALID:
            return value
        # ASCII digits, and few of them: int() of thousands of digits raises.
        if not re.fullmatch("[0-9]{1,12}", value) or not self.minimum <= int(value) <= self.maximum:
            return ctx.error(node, where, "bad-value", f"expected a whole number from "
                             f"{self.minimum} to {self.maximum}, found '{value}'",
                             self.hint or f"write digits only, for example {self.minimum}")
        return int(value)


FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


# The years a guide's dates can be in: from the oldest founding year or review to what a plan
# may name. Date arithmetic (a rule's next weeks, a day after a cancelled date) overflows near
# year 9999, and such a year is always a typing mistake.
YEARS = (1900, 2199)


def parse_date(value: str) -> dt.date | None:
    """A YYYY-MM-DD date (ASCII digits), or None."""
    if not re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Date(FieldType):
    model_type: ClassVar[str] = "dt.date"

    label: str = "date YYYY-MM-DD"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a date (YYYY-MM-DD)")
        if value is INVALID:
            return value
        date = parse_date(value)
        if date and not YEARS[0] <= date.year <= YEARS[1]:
            return ctx.error(node, where, "bad-date", f"'{value}' is not a year the guide can use "
                             f"({YEARS[0]}–{YEARS[1]})", "check the year")
        if date:
            return date
        hint = "write dates as YYYY-MM-DD, for example 2026-12-03"
        finnish = FINNISH_DATE.fullmatch(value)
        if finnish:
            day, month, year = finnish.groups()
            hint = f"write dates as YYYY-MM-DD: did you mean {year}-{int(month):02}-{int(day):02}?"
        elif re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return ctx.error(node, where, "bad-date", f"'{value}' is not a date in the calendar",
                             "check the day and the month")
        return ctx.error(node, where, "bad-date", f"'{value}' is not a date", hint)


TIME_RANGE = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?:\s*[-–—]\s*(\d{1,2})(?:[:.](\d{2}))?)?")


@dataclass(frozen=True)
class TimeRangeField(FieldType):
    """A time of day "HH:MM-HH:MM". With `overnight`, an end before the start is on the next
    day ("22:00-02:00"); with `open_end`, a start alone ("18:45") is a time without an end."""

    model_type: ClassVar[str] = "TimeRange"

    label: str = 'time range "HH:MM-HH:MM"'
    overnight: bool = False
    open_end: bool = False

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, 'a time range such as "10:00-14:00"')
        if value is INVALID:
            return value
        match = TIME_RANGE.fullmatch(value)
        hint = 'write the start and end, for example "10:00-14:00" (with quotes)'
        if self.open_end:
            hint += ', or the start alone, "18:45"'
        if not match or (match.group(3) is None and not self.open_end):
            return ctx.error(node, where, "bad-time", f"'{value}' is not a time range", hint)
        h1, m1 = int(match.group(1)), int(match.group(2) or 0)
        try:
            start = dt.time(h1, m1)
            if match.group(3) is None:
                return TimeRange(start)
            h2, m2 = int(match.group(3)), int(match.group(4) or 0)
            end = dt.time(h2, m2) if (h2, m2) != (24, 0) else dt.time.max
        except ValueError:
            return ctx.error(node, where, "bad-time", f"'{value}' is not a time of day", hint)
        if end == start:
            return ctx.error(node, where, "bad-time", f"'{value}' ends when it starts",
                             "give the end, or write the start alone" if self.open_end
                             else "give the end")
        if end < start and not self.overnight:
            return ctx.error(node, where, "bad-time",
                             f"in '{value}' the end is not after the start",
                             "check the order; a time that goes past midnight ends at 24:00")
        if end == dt.time(0, 0):  # "22:00-00:00" ends at the next midnight: 24:00
            end = dt.time.max
        return TimeRange(start, end)  # a long night is the rule's to judge (it may last days)


# An overnight time ends in the small hours: one that runs longer (14:00-12:00) is more
# likely a start and end the wrong way round, which `check` asks about.
LONGEST_NIGHT = 12


def value_of(node: yaml.MappingNode, name: str) -> yaml.Node | None:
    """The value node of a key in a mapping node, or None when it is absent."""
    return next((v for k, v in node.value if getattr(k, "value", None) == name), None)


def node_of(node: yaml.MappingNode, name: str) -> yaml.Node:
    """The value node of a key in a mapping node, or the mapping itself when it is absent."""
    return value_of(node, name) or node

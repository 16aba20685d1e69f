"""What the form editor holds for each field: the *form shape* of the content schema.

The schema (content/schema/) says what editors may write in a file, and it allows several ways
to write one thing: a text plain or as {fi: …, sv: …}, a list or a single value, a cancelled
day as a date or as {date, note}, weekdays in English or Finnish. A form needs one way. This
module is the one owner of that mapping: it walks the schema and describes, for every field,
the value the form holds. Two readers follow it, so they cannot disagree:

- editor/config.py makes the Decap CMS widgets from it (which input each field gets);
- templates/assets/admin/fileformat.js turns a file into form values and back, keeping what
  the editor did not change as it was written (it reads the shapes as JSON, admin/shapes.json).

Shapes are plain JSON-able dicts with a "kind":

- scalars: "string" (with "input": "line" or "multiline"), "number" ("min", "max"),
  "boolean", "date" (a "YYYY-MM-DD" string), "term" ("group" of vocabulary.yaml), "choice"
  ("choices"), "weekday" (one of WEEKDAY_KEYS; "aliases" map what files may say instead),
  "reference" ("folder" under content/: the slug of one of its files);
- "text": a translatable text, held as {fi: …, sv: …, en: …} (the site's languages; a plain
  text in a file is the first language's); "markdown": true for a multi-line body;
- "keyword_or_text": a keyword such as `free`, or a text: held as {keyword: "free"} or as the
  text's languages;
- "list": a list of "item" (a single value in a file is a list of one);
- "record": a mapping of "fields", each {"name", "shape", "required", "doc"}; "record" names it for
  the editors' labels (editor/labels/);
- "either": a "scalar" or a "record": held as the record, the scalar going into the field
  "scalar_field" (a cancelled day: `2026-12-24` is {date: 2026-12-24});
- "rule": a schedule rule: a "record" whose "variants" (weekly, monthly, date, rrule) are the
  kinds a rule can be; held as the record plus "kind_key" naming the kind;
- "coordinates": held as {latitude, longitude};
- "opening_hours": a list of "item" records, or (an older form) a text in words;
- "body": the text after the front matter in the first language, the front matter's `body:`
  in the others: held as a "text".
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hyteguide.content.addresses import BusinessId, Email, Phone, Url
from hyteguide.content.choices import Choice, Reference, Term
from hyteguide.content.fields import (
    TIME_RANGE,
    Bool,
    Date,
    FieldType,
    Int,
    Str,
    TextField,
    TimeRangeField,
)
from hyteguide.content.records import ChoiceOf, ListOf, Mapped, Record
from hyteguide.content.schema import (
    ACTIVITY_RECORD,
    CANCELLATION_RECORD,
    CONTACT,
    DATE_RANGE,
    MEETING,
    OPENING_HOURS_ENTRY,
    ORGANISATION,
    PAGE,
    PARTNERSHIP,
    PLACE,
    SCHEDULE_RULE,
)
from hyteguide.content.schema.ages import DASHES, AgeRangeField
from hyteguide.content.schema.common import (
    WEEKDAY_ALIASES,
    WEEKDAYS,
    KeywordOrText,
    MonthlyDayField,
    Weekday,
)
from hyteguide.content.schema.place import Coordinates, OpeningHoursField
from hyteguide.content.schema.rrule import RecurrenceRule
from hyteguide.content.schema.schedule import ScheduleRuleField

Shape = dict[str, Any]

# The name each record has in the editors' labels (editor/labels/<lang>.yaml, "records").
def _unwrapped(field_type: FieldType) -> FieldType:
    """The type inside any Mapped wrappers (a modelled record is a Mapped Record)."""
    while isinstance(field_type, Mapped):
        field_type = field_type.inner
    return field_type


# The records the form shows, by the name they have in the editors' labels
# (editor/labels/<lang>.yaml, "records") and in shapes ("record").
def _record_of(field_type: FieldType) -> Record:
    """The record a (modelled) record type is."""
    record = _unwrapped(field_type)
    assert isinstance(record, Record), field_type
    return record


RECORDS: dict[str, Record] = {key: _record_of(record) for key, record in (
    ("organisation", ORGANISATION), ("activity", ACTIVITY_RECORD),
    ("schedule_rule", SCHEDULE_RULE.record), ("date_range", DATE_RANGE),
    ("cancellation", CANCELLATION_RECORD), ("contact", CONTACT), ("place", PLACE),
    ("opening_hours", OPENING_HOURS_ENTRY), ("partnership", PARTNERSHIP), ("meeting", MEETING),
    ("page", PAGE),
)}
RECORD_KEYS: dict[int, str] = {id(record): key for key, record in RECORDS.items()}

# The kinds of schedule rule: each is a field of the rule, and a rule has exactly one.
RULE_VARIANTS = ("weekly", "monthly", "date", "rrule")
# The key that names a rule's kind in the form (Decap's typeKey); never written to a file.
KIND_KEY = "kind"
# Fields that belong to one kind of rule only (every Nth week is a weekly rule's).
VARIANT_ONLY = {"every": "weekly"}

# Weekdays as the form offers them: the English keys, in week order.
WEEKDAY_KEYS = tuple(key for key, _ in sorted(
    ((k, v) for k, v in WEEKDAYS.items() if k.isascii() and len(k) == 3), key=lambda kv: kv[1]))


def weekday_aliases() -> dict[str, str]:
    """Every other way a file may name a weekday (ma, maanantai, monday, mån) → its key."""
    by_number = {number: key for key, number in WEEKDAYS.items() if key in WEEKDAY_KEYS}
    aliases = {key: by_number[number] for key, number in WEEKDAYS.items()
               if key not in WEEKDAY_KEYS}
    for alias, word in WEEKDAY_ALIASES.items():
        aliases[alias] = by_number[WEEKDAYS[word]]
    return dict(sorted(aliases.items()))


# Scalar types whose value the form holds as a line of text (the schema checks its form).
_LINE_TYPES = (Str, Email, Phone, Url, BusinessId, TimeRangeField, AgeRangeField,
               MonthlyDayField, RecurrenceRule)


def shape_of(field_type: FieldType) -> Shape:
    """The form shape of a value of this schema type (see the module)."""
    field_type = _unwrapped(field_type)
    if isinstance(field_type, ScheduleRuleField):
        return {"kind": "rule", "kind_key": KIND_KEY, "variants": list(RULE_VARIANTS),
                "variant_only": dict(VARIANT_ONLY), "record": shape_of(field_type.record)}
    if isinstance(field_type, Record):
        return record_shape(field_type)
    if isinstance(field_type, ListOf):
        return {"kind": "list", "item": shape_of(field_type.item)}
    if isinstance(field_type, ChoiceOf):
        record = shape_of(field_type.mapping_type)
        return {"kind": "either", "scalar": shape_of(field_type.scalar_type), "record": record,
                "scalar_field": record["fields"][0]["name"]}
    if isinstance(field_type, OpeningHoursField):
        return {"kind": "opening_hours", "item": shape_of(OPENING_HOURS_ENTRY)}
    if isinstance(field_type, KeywordOrText):
        return {"kind": "keyword_or_text", "keywords": list(field_type.keywords)}
    if isinstance(field_type, TextField):
        return {"kind": "text", "markdown": field_type.markdown}
    return _scalar_shape(field_type)


def _scalar_shape(field_type: FieldType) -> Shape:
    if isinstance(field_type, Weekday):
        return {"kind": "weekday", "choices": list(WEEKDAY_KEYS), "aliases": weekday_aliases()}
    if isinstance(field_type, Term):
        return {"kind": "term", "group": field_type.group}
    if isinstance(field_type, Reference):
        return {"kind": "reference", "folder": field_type.folder, "of": field_type.kind}
    if isinstance(field_type, Choice):
        return {"kind": "choice", "choices": list(field_type.choices)}
    if isinstance(field_type, Bool):
        return {"kind": "boolean"}
    if isinstance(field_type, Int):
        return {"kind": "number", "min": field_type.minimum, "max": field_type.maximum}
    if isinstance(field_type, Date):
        return {"kind": "date"}
    if isinstance(field_type, Coordinates):
        return {"kind": "coordinates"}
    if isinstance(field_type, _LINE_TYPES):
        shape: Shape = {"kind": "string", "input": "line"}
        pattern = getattr(field_type, "pattern", None) or FORM_PATTERNS.get(type(field_type))
        if pattern:
            shape["pattern"] = pattern
        return shape
    raise TypeError(f"the form editor has no shape for {type(field_type).__name__}: add it to "
                    f"editor/shapes.py")


# What the form checks as it is typed, for types whose check is a pattern (the schema's own, so
# the form never refuses what `check` takes): the rest is checked by `check` on the pull request.
FORM_PATTERNS: dict[type, str] = {
    TimeRangeField: TIME_RANGE.pattern,
    AgeRangeField: rf"[0-9]{{1,3}}|[0-9]{{0,3}}\s*[{DASHES}]\s*[0-9]{{0,3}}",
}


def record_shape(record: Record) -> Shape:
    """The form shape of a record: its fields in the schema's order (the order files keep)."""
    record = _record_of(record)
    fields = []
    for item in record.fields:
        shape = shape_of(item.type)
        if item.name == "body" and isinstance(item.type, TextField) and item.type.markdown \
                and record in (ORGANISATION, PARTNERSHIP, PAGE):
            shape = {"kind": "body"}
        elif isinstance(item.type, TextField) and item.type.markdown:
            shape = {**shape, "markdown": True}
        fields.append({"name": item.name, "shape": shape, "required": item.required,
                       "doc": item.doc})
    return {"kind": "record", "record": RECORD_KEYS.get(id(record), ""), "fields": fields}


# The editor's collections: each a folder of content/ whose files are one record each.
COLLECTIONS: tuple[tuple[str, str, str, Record], ...] = (
    # name, folder under content/, file kind, record
    ("organisations", "organisations", "frontmatter", ORGANISATION),
    ("places", "places", "yaml", PLACE),
    ("partnerships", "partnerships", "frontmatter", PARTNERSHIP),
    ("pages", "pages", "frontmatter", PAGE),
)


@cache
def collection_shapes() -> dict[str, Shape]:
    """Each collection's file: its kind ("frontmatter": YAML between `---` lines, then the
    body; "yaml": a YAML file) and the record it holds."""
    return {name: {"folder": folder, "file": kind, "extension": "md" if kind == "frontmatter"
                   else "yaml", "record": record_shape(record)}
            for name, folder, kind, record in COLLECTIONS}


def shapes_document(languages: tuple[str, ...]) -> dict[str, Any]:
    """admin/shapes.json: what fileformat.js reads (the site's languages, first the one a plain
    text is in, and every collection's shape)."""
    return {"languages": list(languages), "kind_key": KIND_KEY,
            "collections": collection_shapes()}

"""The form editor's labels and hints, per interface language: hyteguide/editor/labels/<lang>.yaml.

Each file has the same keys:

- `collections`: per collection (organisations, places, partnerships, pages) its `label`,
  `label_singular` and `description`;
- `records`: per record of the schema (LABELLED_RECORDS), per field its `label` and, where a
  non-programmer needs one, its `hint`, and for a list of entries `singular`, one item's name;
- `schedule_kinds`: the four ways a schedule rule repeats (weekly, monthly, date, rrule), each a
  `label` and a `hint`;
- `languages`: the label of each language's input of a translatable text ("suomeksi");
- `keyword_or_text`: a KeywordOrText field's keywords (cost `free`, registration `none`) and
  `text`, the choice of writing it in words;
- `weekdays`: mon…sun;
- `choices`: per Choice field (by its name), the label of each value;
- `problems` and `report`: the check's report for editors (editor/summary.py): a sentence per
  problem code, and the report's own words.

`gaps` lists what a file lacks or has left over against the schema, naming the field, so that a
new field cannot reach the editor without a label in every language (tests/editor/test_labels.py).
The files are package data (pyproject.toml), read with importlib.resources.
"""

from __future__ import annotations

import copy
import functools
from importlib import resources
from typing import Any

import yaml

from hyteguide.content.choices import Choice
from hyteguide.content.fields import FieldType
from hyteguide.content.records import ListOf
from hyteguide.content.schema import SUPPORTED_LANGUAGES
from hyteguide.content.schema.common import KeywordOrText
from hyteguide.editor.shapes import RECORDS

COLLECTIONS = ("organisations", "places", "partnerships", "pages")
COLLECTION_KEYS = ("label", "label_singular", "description")
FIELD_KEYS = ("label", "hint")
# A list's field may also name one of its items ("Lisää yhteyshenkilö").
LIST_FIELD_KEYS = (*FIELD_KEYS, "singular")
# The ways a schedule rule repeats: exactly one of these fields per rule (schema/schedule.py).
SCHEDULE_KINDS = ("weekly", "monthly", "date", "rrule")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# The records whose fields the forms show, under their key in the label files (shapes.py owns
# the list and the keys).
LABELLED_RECORDS = RECORDS


@functools.cache
def _read(lang: str) -> dict[str, Any]:
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"no editor labels for '{lang}': languages are "
                         + ", ".join(SUPPORTED_LANGUAGES))
    text = resources.files(__package__).joinpath("labels", f"{lang}.yaml").read_text("utf-8")
    table = yaml.safe_load(text)
    assert isinstance(table, dict), f"labels/{lang}.yaml is not a mapping"
    return table


def labels(lang: str) -> dict[str, Any]:
    """The editor's labels and hints in one interface language (fi, sv or en), read once; the
    caller gets its own copy to change."""
    return copy.deepcopy(_read(lang))


def _keywords(kind: FieldType) -> tuple[str, ...]:
    return kind.keywords if isinstance(kind, KeywordOrText) else ()


def _choices(kind: FieldType) -> tuple[str, ...]:
    """The values of a Choice field, also of a list of choices."""
    item = kind.item if isinstance(kind, ListOf) else kind
    return item.choices if isinstance(item, Choice) else ()


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _keys(where: str, table: Any, wanted: tuple[str, ...], required: tuple[str, ...]
          ) -> list[str]:
    """Problems of a mapping that must have the required keys and may have the wanted ones."""
    if not isinstance(table, dict):
        return [f"{where}: missing"]
    return ([f"{where}.{key}: missing" for key in required if key not in table]
            + [f"{where}.{key}: not a field (left over?)" for key in table if key not in wanted])


def _texts(where: str, table: Any, wanted: tuple[str, ...], required: tuple[str, ...]
           ) -> list[str]:
    """As _keys, and every value given is a text that is not empty."""
    found = _keys(where, table, wanted, required)
    if isinstance(table, dict):
        found += [f"{where}.{key}: empty or not a text" for key in wanted
                  if key in table and not _text(table[key])]
    return found


def gaps(table: dict[str, Any]) -> list[str]:
    """What a label file lacks or has left over against the schema, one line per problem,
    naming the place ('records.contact.basis: missing'); empty when complete."""
    found: list[str] = []
    collections = table.get("collections") or {}
    found += _keys("collections", collections, COLLECTIONS, COLLECTIONS)
    for name in COLLECTIONS:
        if isinstance(collections.get(name), dict):
            found += _texts(f"collections.{name}", collections[name], COLLECTION_KEYS,
                                COLLECTION_KEYS)
    records = table.get("records") or {}
    found += [f"records.{key}: not a record of the editor" for key in records
              if key not in LABELLED_RECORDS]
    keywords: set[str] = set()
    choices: dict[str, tuple[str, ...]] = {}
    for key, record in LABELLED_RECORDS.items():
        fields = records.get(key)
        if not isinstance(fields, dict):
            found.append(f"records.{key}: missing")
            continue
        names = tuple(field.name for field in record.fields)
        found += [f"records.{key}.{name}: not a field of {record.name} (left over?)"
                  for name in fields if name not in names]
        for field in record.fields:
            where = f"records.{key}.{field.name}"
            if field.name not in fields:
                found.append(f"{where}: missing")
            else:
                found += _texts(where, fields[field.name], LIST_FIELD_KEYS, ("label",))
            keywords.update(_keywords(field.type))
            if _choices(field.type):
                choices[field.name] = _choices(field.type)
    kinds = table.get("schedule_kinds")
    found += _keys("schedule_kinds", kinds, SCHEDULE_KINDS, SCHEDULE_KINDS)
    for kind in SCHEDULE_KINDS:
        if isinstance(kinds, dict) and isinstance(kinds.get(kind), dict):
            found += _texts(f"schedule_kinds.{kind}", kinds[kind], FIELD_KEYS, FIELD_KEYS)
    found += _texts("languages", table.get("languages"), SUPPORTED_LANGUAGES,
                        SUPPORTED_LANGUAGES)
    words = (*sorted(keywords), "text")
    found += _texts("keyword_or_text", table.get("keyword_or_text"), words, words)
    found += _texts("weekdays", table.get("weekdays"), WEEKDAY_KEYS, WEEKDAY_KEYS)
    chosen = table.get("choices") or {}
    found += [f"choices.{name}: not a choice field (left over?)" for name in chosen
              if name not in choices]
    for name, values in sorted(choices.items()):
        found += _texts(f"choices.{name}", chosen.get(name), values, values)
    found += [f"{key}: not a part of the label files" for key in table
              if key not in ("collections", "records", "schedule_kinds", "languages",
                             "keyword_or_text", "weekdays", "choices", "problems", "report")]
    return found

"""A problem's field path in the words of the form editor: `activities[0].schedule[1].time` →
"Toiminta: Olohuone › Aikataulu 2 (Kuukausittain) › Kellonaika".

`check` names a field by its path in the YAML (English keys, 0-based list indexes). An editor
who used the form at /admin/ never saw either. This module walks the path through the form
shapes (editor/shapes.py, the same ones the form is made from) and names each step with the
label the form shows (editor/labels/<lang>.yaml): a record's field by its label, a list item by
its number from 1 (an activity by its title, a rule also by its kind), a translatable text's
language by the language's label. The entry itself is read from its file only to name things
(the organisation's name, an activity's title, a rule's kind); a file that cannot be read just
leaves those out. A step the shapes do not know (a key the editor mistyped) is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hyteguide.common.problems import shown
from hyteguide.editor.shapes import Shape, collection_shapes

# A step of a field path: a key, or a list index in brackets.
_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
# Content files are small; a bigger one is not read just to name an entry.
MAX_READ = 2_000_000
# The field that names an entry of each collection, as its form's list shows it.
TITLE_FIELDS = {"organisations": "name", "places": "name", "partnerships": "name",
                "pages": "title"}


@dataclass(frozen=True)
class Entry:
    """A file as the form editor lists it: its collection (None outside the collections), the
    name the form shows for it, and its fields as read (empty when the file could not be)."""

    collection: str | None
    name: str
    data: dict[str, Any]


def steps(field: str) -> list[str | int]:
    """`activities[0].schedule[1].time` → ['activities', 0, 'schedule', 1, 'time']."""
    return [int(index) if index else key for index, key in _STEP.findall(field)]


def text_in(value: Any, lang: str, first: str) -> str:
    """A name or title as one line in lang: a plain text as it is, a translated one in lang,
    else in the site's first language, else in any; '' when there is none."""
    if isinstance(value, dict):
        texts = [value.get(lang), value.get(first), *value.values()]
        value = next((t for t in texts if isinstance(t, (str, int, float)) and str(t).strip()),
                     "")
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return ""
    return shown(" ".join(str(value).split()), 200)


def _fields_of(path: Path) -> dict[str, Any]:
    """The fields of a content file (front matter of a .md, the whole of a .yaml), or {}."""
    try:
        if path.stat().st_size > MAX_READ:
            return {}
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return {}
    if path.suffix == ".md":
        lines = text.replace("\r\n", "\n").split("\n")
        if not lines or lines[0].rstrip() != "---":
            return {}
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")),
                   None)
        if end is None:
            return {}
        text = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_entry(path: Path, content: Path, lang: str, first: str) -> Entry:
    """The entry a problem's file is, read to name it (see Entry)."""
    try:
        parts = path.resolve().relative_to(content.resolve()).parts
    except (OSError, ValueError):
        parts = ()
    shapes = collection_shapes()
    collection = next((name for name, shape in shapes.items()
                       if len(parts) == 2 and parts[0] == shape["folder"]
                       and parts[1].endswith("." + shape["extension"])), None)
    data = _fields_of(path) if collection else {}
    name = text_in(data.get(TITLE_FIELDS[collection]), lang, first) if collection else ""
    return Entry(collection, name or shown(path.name, 120), data)


class FormPath:
    """Names field paths in one interface language (labels: editor/labels/<lang>.yaml)."""

    def __init__(self, labels: dict[str, Any], lang: str, first: str):
        self.labels, self.lang, self.first = labels, lang, first

    def label(self, record: str, name: str) -> str:
        """A record's field as the form labels it (its key when the labels lack it)."""
        found = self.labels.get("records", {}).get(record, {}).get(name, {})
        return str(found.get("label") or name) if isinstance(found, dict) else name

    def names(self, entry: Entry, field: str) -> list[str]:
        """The field's path as form labels, outermost first; [] for the entry as a whole."""
        todo = steps(field)
        if entry.collection is None:
            return [shown(field, 200)] if field else []
        shape: Shape | None = collection_shapes()[entry.collection]["record"]
        data: Any = entry.data
        said: list[str] = []
        while todo:
            step = todo.pop(0)
            if shape is None:  # below what the form shows (a time's start): the field is enough
                break
            shape, data, words = self._step(shape, data, step, todo)
            if words is None:  # not a field of the form: the rest as written
                said.append(".".join([str(step), *map(str, todo)]))
                break
            if words:
                said.append(words)
        return said

    def _step(self, shape: Shape, data: Any, step: str | int, todo: list[str | int]
              ) -> tuple[Shape | None, Any, str | None]:
        """One step down: the shape and data below it and the words for it ('' for none,
        None when the shapes do not know the step)."""
        kind = shape["kind"]
        if kind == "rule":
            return self._step(shape["record"], data, step, todo)
        if kind == "either":
            return self._step(shape["record"], data if isinstance(data, dict) else {},
                              step, todo)
        if kind == "record" and isinstance(step, str):
            field = next((f for f in shape["fields"] if f["name"] == step), None)
            if field is None:
                return None, None, None
            below = data.get(step) if isinstance(data, dict) else None
            label = self.label(shape["record"], step)
            inner: Shape = field["shape"]
            if inner["kind"] in ("list", "opening_hours") and todo and isinstance(todo[0], int):
                index = int(todo.pop(0))
                item = below[index] if isinstance(below, list) and index < len(below) else None
                return inner["item"], item, self._item(label, inner["item"], below, index)
            return inner, below, label
        if kind in ("text", "body", "keyword_or_text") and isinstance(step, str):
            languages = self.labels.get("languages", {})
            return None, None, str(languages.get(step, step))
        if kind in ("list", "opening_hours") and isinstance(step, int):
            item = data[step] if isinstance(data, list) and step < len(data) else None
            return shape["item"], item, str(step + 1)
        if kind in ("text", "body", "keyword_or_text", "string", "number", "boolean", "date",
                    "term", "choice", "weekday", "reference", "coordinates"):
            return None, None, ""  # a part of one input (a time's start, a latitude)
        return None, None, None

    def _item(self, label: str, shape: Shape, items: Any, index: int) -> str:
        """A list item: an activity by its title, a schedule rule with its kind, any other
        by its number from 1 ("Yhteyshenkilöt 1"); a single value (a list of one, or one
        value written without a list) by the field's label alone."""
        numbered = f"{label} {index + 1}"
        if not isinstance(items, list):
            return label
        item = items[index] if index < len(items) else None
        if shape["kind"] not in ("record", "rule", "either") and len(items) == 1:
            return label
        if shape.get("record") == "activity" and isinstance(item, dict):
            title = text_in(item.get("title"), self.lang, self.first) \
                or text_in(item.get("id"), self.lang, self.first)
            return f"{label}: {title}" if title else numbered
        if shape["kind"] == "rule" and isinstance(item, dict):
            kinds = self.labels.get("schedule_kinds", {})
            kind = next((k for k in shape["variants"] if k in item), None)
            if kind and isinstance(kinds.get(kind), dict):
                return f"{numbered} ({kinds[kind].get('label', kind)})"
        return numbered

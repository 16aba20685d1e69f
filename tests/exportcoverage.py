"""Which content fields the open data exports carry, found by changing each field and looking
at the exported bytes (the plain JSON, the HSDS package and the Atom feed of every language).

A field is exported when a different value of it changes some exported file. The different
value comes from the field's own declaration where it can (its documented example, converted
by its own type), else from the value's kind (a text with another word, the opposite
true/false, no value at all). Nothing here reads the exporters' code: they are run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hyteguide import model
from hyteguide.content.choices import Term
from hyteguide.content.fields import INVALID, Context, TextField
from hyteguide.content.records import Field, Record
from hyteguide.content.yamlsource import parse_yaml
from hyteguide.derive.guide import derive
from hyteguide.opendata import exports
from hyteguide.web.i18n import Catalogue, load_catalogue
from hyteguide.web.urls import Urls

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def instances(value: Any, kind: type) -> Iterator[Any]:
    """Every object of a model class inside a value (dataclasses, tuples and dicts walked)."""
    if isinstance(value, kind):
        yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from instances(getattr(value, f.name), kind)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from instances(item, kind)
    elif isinstance(value, dict):
        for item in value.values():
            yield from instances(item, kind)


def replaced(value: Any, old: Any, new: Any) -> Any:
    """The value with the object `old` (by identity) put in place of `new`, rebuilt upwards."""
    if value is old:
        return new
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            made = replaced(inner, old, new)
            if made is not inner:
                changes[f.name] = made
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(replaced(item, old, new) for item in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        entries = {k: replaced(v, old, new) for k, v in value.items()}
        return entries if any(entries[k] is not value[k] for k in value) else value
    return value


@functools.cache
def catalogue(lang: str) -> Catalogue:
    """The interface texts of a language, read once."""
    return load_catalogue(TEMPLATES, lang)


def exported(content: model.Content, today: dt.date) -> dict[str, bytes]:
    """Every open data file of every language, by path."""
    guide = derive(content, today)
    urls = Urls(content.site.base_url, content.site.languages)
    catalogues = {lang: catalogue(lang) for lang in content.site.languages}
    made: dict[str, bytes] = {}
    for lang in content.site.languages:
        made.update(exports.files(guide, urls, catalogues, lang))
    return made


def example_value(field: Field, content: model.Content, today: dt.date) -> Any:
    """The field's documented example as its own type converts it, or INVALID."""
    written = field.example.replace("\n", "\n  ")
    block = written.startswith("- ")  # a list of records: one '- ' item per line
    document, problems = parse_yaml("example.yaml", f"value:\n  {written}\n" if block
                                    else f"value: {written}\n")
    if document is None or document.root is None or problems or not field.example:
        return INVALID
    node = document.root.value[0][1]
    references = {"place": {p.slug for p in content.places},
                  "organisation": {o.slug for o in content.organisations}}
    ctx = Context(document, [], content.site.languages, content.vocabulary, references, today)
    value = field.type.convert(node, ctx, field.name)
    return INVALID if ctx.problems else value


def other_value(current: Any, field: Field, content: model.Content) -> Any:
    """A value unlike the current one, from the current value's kind (or the field's type when
    there is none)."""
    if isinstance(field.type, Term) and isinstance(current, str):  # another term of its group
        return next(t for t in content.vocabulary.group(field.type.group) if t != current)
    if current is None and isinstance(field.type, TextField):
        return model.Text(((content.site.languages[0], "muutettu"),))
    if isinstance(current, bool):
        return not current
    if isinstance(current, model.Text):
        return model.Text(tuple((lang, text + " (muutettu)") for lang, text in current.items))
    if isinstance(current, tuple):
        return ()
    if isinstance(current, dt.date):
        return current + dt.timedelta(days=7)
    if isinstance(current, int):
        return current + 1
    return None


def candidates(field: Field, current: Any, content: model.Content, today: dt.date
               ) -> Iterator[Any]:
    """Values to try in place of the current one, the declaration's own example first."""
    example = example_value(field, content, today)
    if example is not INVALID and example != current:
        yield example
    other = other_value(current, field, content)
    if other != current and (other is not None or not field.required):
        yield other


def is_exported(record: Record, field: Field, content: model.Content, today: dt.date,
                before: dict[str, bytes]) -> bool | None:
    """Whether changing the field in the first object of its record changes the exports;
    None when the content has no such object or no other value could be made."""
    assert record.model is not None
    every = list(instances(content, record.model))
    if not every:
        return None
    # The first object that has the field set, for a change that shows if anything does.
    found = next((o for o in every if getattr(o, field.attribute) not in (None, (), False)),
                 every[0])
    current = getattr(found, field.attribute)
    tried = False
    for value in candidates(field, current, content, today):
        tried = True
        changed = replaced(content, found, dataclasses.replace(found, **{field.attribute: value}))
        if exported(changed, today) != before:
            return True
    return False if tried else None

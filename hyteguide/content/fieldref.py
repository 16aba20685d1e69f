"""The editors' field reference, generated from the schema's declarations (schema/): the
schema the checks use.

`reference()` is Markdown: one table per kind of file (site.yaml, organisations, places,
partnership tables, free pages, vocabulary terms) and per nested record (activities, contacts,
schedule rules, …), each row a field with whether it is required, what it takes, what it is
and an example. `hyteguide fields` prints it; docs/fields.md is this output, and a test keeps
the two equal.
"""

from __future__ import annotations

from collections.abc import Iterator

from hyteguide.content import schema
from hyteguide.content.choices import Choice, Reference, Term
from hyteguide.content.fields import FieldType
from hyteguide.content.records import ListOf, Record

FILES = (
    ("content/site.yaml", schema.SITE),
    ("content/organisations/<tunnus>.md", schema.ORGANISATION),
    ("content/places/<tunnus>.yaml", schema.PLACE),
    ("content/partnerships/<tunnus>.md", schema.PARTNERSHIP),
    ("content/pages/<tunnus>.md", schema.PAGE),
    # A term is `id: label` or `id: {fi: …, sv: …, en: …}` plus these properties.
    ("content/vocabulary.yaml: a term's properties besides its labels", schema.TERM_PROPERTIES),
)


def _inner(kind: FieldType) -> FieldType:
    """The record or type inside wrappers (Mapped, schedule rules, lists)."""
    for attribute in ("inner", "record"):
        if hasattr(kind, attribute):
            return _inner(getattr(kind, attribute))
    return kind


def _records(kind: FieldType) -> Iterator[Record]:
    kind = _inner(kind)
    if isinstance(kind, ListOf):
        yield from _records(kind.item)
    elif isinstance(kind, Record):
        yield kind


def describe(kind: FieldType) -> str:
    """What a field takes, in words."""
    kind = _inner(kind)
    if isinstance(kind, ListOf):
        return "list of " + describe(kind.item)
    if isinstance(kind, Record):
        return f"{kind.name} (fields below)"
    if isinstance(kind, Choice):
        return "one of: " + ", ".join(f"`{c}`" for c in kind.choices)
    if isinstance(kind, Term):
        return f"term id of the vocabulary's `{kind.group}`"
    if isinstance(kind, Reference):
        return f"the id of {kind.kind} (a file in `content/{kind.folder}/`)"
    return kind.label


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(record: Record) -> list[str]:
    lines = ["| field | required | takes | what it is | example |", "|---|---|---|---|---|"]
    for field in record.fields:
        example = f"`{_cell(field.example)}`" if field.example else ""
        doc = field.doc + (f" (not written: its `{field.fallback}`)" if field.fallback else "")
        lines.append(f"| `{field.name}` | {'yes' if field.required else ''} | "
                     f"{_cell(describe(field.type))} | {_cell(doc)} | {example} |")
    return lines


def _left_out(record: Record) -> list[str]:
    """What open data (plain JSON, HSDS, Atom) leaves out of a record, and why."""
    if record.left_out:
        return [f"Not in open data: {record.left_out}.", ""]
    fields = [f"`{f.name}` ({f.left_out})" for f in record.fields if f.left_out]
    return [f"Not in open data: {'; '.join(fields)}.", ""] if fields else []


def reference() -> str:
    """The whole field reference as Markdown."""
    lines = ["# Field reference", "",
             "Generated from `hyteguide/content/schema/` by `hyteguide fields`: the same "
             "schema that `hyteguide check` uses. Texts marked “text, or {fi: …, sv: …, en: …}” "
             "may be written in one language or per language.", ""]
    done: set[int] = set()
    for title, record in FILES:
        lines += [f"## {title}", "", *_table(record), "", *_left_out(record)]
        queue = [(f.name, r) for f in record.fields for r in _records(f.type)]
        while queue:
            name, nested = queue.pop(0)
            if id(nested) in done:
                continue
            done.add(id(nested))
            lines += [f"### `{name}`: {nested.name}", "", *_table(nested), "", *_left_out(nested)]
            queue += [(f"{name}.{f.name}", r) for f in nested.fields for r in _records(f.type)]
    return "\n".join(lines).rstrip() + "\n"

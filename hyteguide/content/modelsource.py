"""The model's attributes written from the declarations: each record's fields become the typed
attribute lines of its model dataclass in model/, between two marker comments, so that a field
is declared once (its row in schema/) and the model follows. `tools/declare.py` rewrites them
(and docs/fields.md); a test fails while they are stale.

What the loader gives rather than the editor (an activity's organisation, a file's slug and
source) stays written by hand around the markers, as do the classes' methods."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from hyteguide.content.records import Field, Record

BEGIN = "    # Declared in content/schema/ (tools/declare.py writes these lines from there):\n"
END = "    # (end of declared fields)\n"


class StaleModel(ValueError):
    """A model file cannot take the declarations (a class or its markers are missing)."""


def attribute_line(field: Field) -> str:
    """One model attribute: `name: type` for a required field, `name: type = default` else."""
    annotation = field.type.annotation()
    line = f"    {field.attribute}: {annotation}"
    default = _default(field)
    if default:
        if default == "None" and not annotation.endswith("| None"):
            line += " | None"
        line += f" = {default}"
    return line + (f"  # `{field.name}`" if field.attr else "") + "\n"


def _default(field: Field) -> str:
    """The attribute's default as source: the declared one, else none for a required field
    (the editor must write it) and the type's empty value for an optional one."""
    return field.default or ("" if field.required or field.fallback
                             else field.type.unwritten())


def attribute_lines(record: Record) -> str:
    """The record's attribute lines: those without a default first (a dataclass needs them
    before the ones with defaults), each group in the order the schema declares them."""
    ordered = [f for f in record.fields if not _default(f)] + \
        [f for f in record.fields if _default(f)]
    return "".join(attribute_line(f) for f in ordered)


def written(source: str, records: tuple[Record, ...]) -> str:
    """A model module's source with the declared attributes of each of its records rewritten."""
    for record in records:
        assert record.model is not None
        name = record.model.__name__
        found = re.search(rf"^class {name}\b.*?:\n(.*?)(?=^\S|\Z)", source, re.S | re.M)
        body = found.group(1) if found else ""
        start = body.find(BEGIN)
        end = body.find(END, start)
        if not found or start < 0 or end < 0:
            raise StaleModel(f"class {name}: no lines '{BEGIN.strip()}' and '{END.strip()}' "
                             "to write its attributes between")
        new_body = body[:start + len(BEGIN)] + attribute_lines(record) + body[end:]
        source = source[:found.start(1)] + new_body + source[found.end(1):]
    return source


def model_files() -> dict[Path, str]:
    """Each model module that holds declared classes, with its source as the declarations
    write it (unchanged when it is current)."""
    from hyteguide.content import schema  # the declarations import this module's neighbours

    by_file: dict[Path, list[Record]] = {}
    for record in schema.RECORDS:
        assert record.model is not None
        by_file.setdefault(Path(inspect.getfile(record.model)), []).append(record)
    return {path: written(path.read_text(encoding="utf-8"), tuple(records))
            for path, records in sorted(by_file.items())}

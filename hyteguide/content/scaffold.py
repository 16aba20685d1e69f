"""`hyteguide new organisation "Name"`: a valid, commented skeleton for editors to fill in.

The field lines come from the schema's declarations (each field's example and its `skeleton`
comment), so a field added to the schema appears here without touching this module: the fields
to fill in are written out, the others are commented out with their example.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

from hyteguide.content.fields import FieldType
from hyteguide.content.load import Loader
from hyteguide.content.records import ListOf, Record
from hyteguide.content.schema import ORGANISATION
from hyteguide.content.slugs import suggest_slug

HEADER = """\
# {name} – organisaation tiedot / organisation entry.
# Rivit, jotka alkavat #-merkillä, ovat ohjeita: poista # ottaaksesi kentän käyttöön.
# Lines starting with # are help: remove the # to use a field. Check with: hyteguide check
"""

BODY = """\
Kirjoita tähän kuvaus organisaatiosta: mitä teette, kenelle ja miten mukaan pääsee.
Voit käyttää Markdownia: **lihavointi**, [linkki](https://www.example.org), luettelot.
"""

SUMMARY = "Kirjoita tähän yksi lause siitä, mitä teette ja kenelle."
CONTACTS = """
  - role: Yhteyshenkilö            # rooli, ei henkilön nimeä / a role, not a person
    # email: info@example.org"""
COMMENT_COLUMN = 35  # where the help comments start, so that they read as a column


def _with_comment(line: str, comment: str) -> str:
    """A line with its help comment in the comment column."""
    return f"{line.ljust(COMMENT_COLUMN - 1)} # {comment}" if comment else line


def _item_record(kind: FieldType) -> Record | None:
    """The record of a list of records (contacts, activities, schedule rules), else None."""
    if not isinstance(kind, ListOf):
        return None
    item: object = kind.item
    while not isinstance(item, Record):
        item = getattr(item, "inner", None) or getattr(item, "record", None)  # wrappers
        if item is None:
            return None
    return item


def commented(record: Record, indent: str = "") -> list[str]:
    """A record's fields commented out, each with its declared example; a list of records as
    one item with its own fields."""
    lines = []
    for field in record.fields:
        if field.skeleton is None:
            continue
        nested = _item_record(field.type)
        if nested is None:
            lines.append(_with_comment(f"# {indent}{field.name}: {field.example}",
                                       field.skeleton))
            continue
        lines.append(_with_comment(f"# {indent}{field.name}:", field.skeleton))
        item = commented(nested, indent + "    ")
        lines += [f"# {indent}  - " + item[0].removeprefix(f"# {indent}    "), *item[1:]]
    return lines


def front_matter(record: Record, given: Mapping[str, str],
                 comments: Mapping[str, str]) -> list[str]:
    """A record's lines: the given fields written out (an empty list of records followed by
    one item commented out, as an example), the others commented out; `comments` in place of
    the declared ones."""
    lines = []
    for field in record.fields:
        if field.skeleton is None:
            continue
        if field.name not in given:
            lines += commented(Record(record.name, (field,)))
            continue
        value = given[field.name]
        written = f"{field.name}:{value}" if value.startswith("\n") else f"{field.name}: {value}"
        lines.append(_with_comment(written, comments.get(field.name, field.skeleton)))
        nested = _item_record(field.type)
        if value == "[]" and nested is not None:
            lines += commented(Record(record.name, (field,)))
    return lines


def skeleton(name: str, municipalities: list[str], today: dt.date) -> str:
    """The text of a new organisation file."""
    first = municipalities[0] if municipalities else "kunta"
    listed = ", ".join(municipalities) or "municipalities"
    given = {
        "name": json.dumps(name, ensure_ascii=False),
        "summary": SUMMARY,
        "municipalities": f"[{first}]",
        "contacts": CONTACTS,
        "reviewed": today.isoformat(),
        "activities": "[]",
    }
    comments = {"municipalities": f"vocabulary.yaml: {listed}", "contacts": ""}
    lines = ["---", HEADER.format(name=name).rstrip("\n"), "",
             *front_matter(ORGANISATION, given, comments), "---"]
    return "\n".join(lines) + "\n" + BODY


def new_organisation(content: Path, name: str, today: dt.date | None = None) -> Path:
    """Write organisations/<slug>.md for name; never overwrite an existing file."""
    slug = suggest_slug(name)
    path = content / "organisations" / f"{slug}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists; edit it, or choose another name")
    loader = Loader(content)
    loader.load_site()
    vocabulary = loader.load_vocabulary()
    municipalities = sorted(vocabulary.group("municipalities")) if vocabulary else []
    path.parent.mkdir(parents=True, exist_ok=True)
    name = " ".join(name.split())  # every kind of line break would end a YAML comment
    path.write_text(skeleton(name, municipalities, today or dt.date.today()), encoding="utf-8")
    return path

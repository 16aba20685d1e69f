"""The Mapper's shared state and bookkeeping: records of what became of each source row, the
columns used, texts in the import's language, checked values, and the rows linked to a row."""

from __future__ import annotations

from typing import Any

from hyteguide import model
from hyteguide.content.fields import INVALID, FieldType
from hyteguide.importers.hsds.content_files import Block
from hyteguide.importers.hsds.mapping.checks import problem_words, read_value
from hyteguide.importers.hsds.mapping.documents import (
    ActivityDoc,
    Defaults,
    OrgDoc,
    PlaceDoc,
    Record,
)
from hyteguide.importers.hsds.tables import Note, Package, Row
from hyteguide.importers.hsds.text import markdown_text

PERSONAL = "personal"  # the kind of a note on personal data left out (counted in the report)


class MapperBase:
    """The state and bookkeeping every part of the Mapper shares: the documents made so far,
    what became of each source record and which of its columns were used."""

    def __init__(self, package: Package, vocabulary: model.Vocabulary,
                 languages: tuple[str, ...], defaults: Defaults):
        self.package, self.vocabulary = package, vocabulary
        self.languages, self.defaults = languages, defaults
        self.records: dict[tuple[str, str], Record] = {}
        self.used: dict[tuple[str, str], set[str]] = {}
        self.places: dict[str, PlaceDoc] = {}
        self.online: dict[str, str] = {}
        self.orgs: dict[str, OrgDoc] = {}
        self.by_service: dict[str, list[ActivityDoc]] = {}
        self.by_sal: dict[str, list[ActivityDoc]] = {}
        self.indexes: dict[tuple[str, str], dict[str, list[Row]]] = {}
        self.people: dict[str, list[str]] = {}  # contact persons' names by organisation/service

    # -- bookkeeping ------------------------------------------------------------------------

    def record(self, row: Row) -> Record:
        key = (row.table, f"{row.key}@{row.line}")
        if key not in self.records:
            self.records[key] = Record(row.table, row.key, row.where)
        return self.records[key]

    def use(self, row: Row, *columns: str) -> None:
        self.used.setdefault((row.table, f"{row.key}@{row.line}"), set()).update(columns)

    def note(self, row: Row, name: str, value: str, why: str, kind: str = "not mapped") -> None:
        self.record(row).notes.append(Note(name, value, why, kind))
        self.use(row, name)

    def personal(self, row: Row, name: str, value: str, why: str) -> None:
        """A value left out as personal data (a named person's address or phone)."""
        self.note(row, name, value, why, PERSONAL)

    def skip(self, row: Row, name: str, value: str, why: str) -> None:
        """The whole record is not imported."""
        self.record(row).status = "not imported"
        self.note(row, name, value, why)

    def target(self, row: Row, doc: Any) -> None:
        record = self.record(row)
        if all(doc is not known for known in record.targets):
            record.targets.append(doc)

    def text(self, value: str) -> Any:
        """A text in the import's language (a plain text when that is the site's first)."""
        if not value:
            return None
        return value if self.defaults.language == self.languages[0] \
            else {self.defaults.language: value}

    def markdown(self, text: str) -> Any:
        """Clean text (clean_text, once: never decode entities twice) as literal Markdown."""
        return self.text(Block(markdown_text(text))) if text else None

    def ours(self, words: dict[str, str]) -> Any:
        """A text of the importer's own (a default role), in every site language it has."""
        texts = {lang: words[lang] for lang in self.languages if lang in words}
        return texts[self.languages[0]] if list(texts) == [self.languages[0]] else texts

    def checked(self, row: Row, name: str, value: str, kind: FieldType) -> str | None:
        """value when the schema's field type accepts it; else a note with the schema's words."""
        if not value:
            return None
        result, problems = read_value(kind, value, self.vocabulary, self.languages)
        if not problems:
            return value
        if result is not INVALID and all(p.severity == "warning" for p in problems):
            for problem in problems:  # taken as the schema reads it ('https://' added), said
                self.note(row, name, value, problem_words(problem), kind="warning")
            return result if isinstance(result, str) else value
        self.note(row, name, value, problem_words(problems[0]))
        return None


    def activities_for(self, row: Row) -> list[ActivityDoc]:
        """The activities a linked row (contact, phone, schedule, language) belongs to."""
        if row.get("service_at_location_id") in self.by_sal:
            return self.by_sal[row.get("service_at_location_id")]
        found = self.by_service.get(row.get("service_id"), [])
        narrowed = [a for a in found if a.location_id == row.get("location_id")]
        return narrowed if len(found) > 1 and narrowed else found


    def linked(self, table: str, column: str, target: Row | str) -> list[Row]:
        """The rows of table whose column names target (a row's id, or an id)."""
        key = target.get("id") if isinstance(target, Row) else target
        if (table, column) not in self.indexes:
            index: dict[str, list[Row]] = {}
            for row in self.package.rows(table):
                if row.get(column):
                    index.setdefault(row.get(column), []).append(row)
            self.indexes[table, column] = index
        return self.indexes[table, column].get(key, []) if key else []

"""What the HSDS export of one language needs (the guide, its addresses and interface texts),
and the rows of every table as they are made."""

from __future__ import annotations

from dataclasses import dataclass, field

from hyteguide.common.language import LanguageView
from hyteguide.derive.guide import Guide
from hyteguide.model import Term, Text
from hyteguide.opendata.hsds.schema import REQUIRED, TABLES, Row
from hyteguide.web.i18n import Catalogue
from hyteguide.web.markup import words_of
from hyteguide.web.urls import Urls, path_of


@dataclass(frozen=True)
class Export:
    """What the mapping of one language needs: the guide, its addresses and interface texts,
    and the language's view of texts, labels and page addresses (common.language)."""

    guide: Guide
    urls: Urls
    catalogue: Catalogue
    view: LanguageView

    @classmethod
    def of(cls, guide: Guide, urls: Urls, catalogue: Catalogue, lang: str) -> Export:
        """The export of lang."""
        return cls(guide, urls, catalogue,
                   LanguageView.of(lang, guide.content.vocabulary, urls, path_of))

    @property
    def lang(self) -> str:
        return self.view.lang

    def id(self, target: object, fragment: str = "") -> str:
        """The stable UUID of a model object's (or a path's) page, with an optional #part."""
        return self.urls.stable_id(path_of(target) + fragment)

    def term(self, group: str, term_id: str) -> Term:
        return self.guide.content.vocabulary.term(group, term_id)

    def words(self, *parts: str | None) -> str | None:
        """Fragments of text as one sentence: '; '-joined (after a fragment that ends a sentence,
        the next starts one), capitalised, ending with a full stop; None when there are none."""
        found = [p.strip() for p in parts if p and p.strip()]
        if not found:
            return None
        sentence = found[0]
        for part in found[1:]:
            ended = sentence.endswith((".", "!", "?"))
            sentence += f" {part[0].upper()}{part[1:]}" if ended else f"; {part}"
        sentence = sentence[0].upper() + sentence[1:]
        return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def plain(value: Text | None, x: Export) -> str | None:
    """A Markdown text in this language as plain words (sanitised first: no markup remains)."""
    text = x.view.optional(value)
    return (words_of(text) or None) if text else None


@dataclass
class Tables:
    """The rows of every table, by id; the first row given an id is kept."""

    rows: dict[str, dict[str, Row]] = field(
        default_factory=lambda: {table: {} for table in TABLES})
    terms: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # made by tag

    def add(self, table: str, row: Row) -> str:
        """Add a row (empty values are left out, but a required field stays, if only as "");
        return its id."""
        required = REQUIRED[table]
        clean = {k: v for k, v in row.items()
                 if (v is not None and v != "") or (k in required and v == "")}
        self.rows[table].setdefault(clean["id"], clean)
        return clean["id"]

    def sorted(self) -> dict[str, list[Row]]:
        return {table: [rows[key] for key in sorted(rows)] for table, rows in self.rows.items()}

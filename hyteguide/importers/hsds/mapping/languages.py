"""HSDS language rows → the languages of activities (places have none), matched in the
vocabulary by code (ISO 639-1, 639-2 or 639-3) or by name in English, Finnish or Swedish."""

from __future__ import annotations

from hyteguide.importers.hsds.language_names import language_code, language_labels
from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import match_term
from hyteguide.importers.hsds.mapping.documents import add_term
from hyteguide.importers.hsds.tables import Row


def language_words(row: Row) -> list[str]:
    """What a language row calls its language: code, name, language (whichever are given)."""
    return [w for w in (row.get("code"), row.get("name"), row.get("language")) if w]


class LanguageMapping(MapperBase):
    """Language rows → activities' languages."""

    def map_languages(self) -> None:
        for row in self.package.rows("language"):
            self.use(row, "language", "name", "code", "note")
            activities = self.activities_for(row)
            words = language_words(row)
            codes = [c for c in map(language_code, words) if c]
            term = next(filter(None, (match_term(self.vocabulary, "languages", w)
                                      for w in [*codes, *words])), None)
            if not activities:
                self.skip(row, "service_id", row.get("service_id"), "links to no imported "
                          "service (places have no languages)")
            elif term is None:
                self.skip(row, "language", " / ".join(words), "matches no language in "
                          "vocabulary.yaml: add it under 'languages' to show it"
                          + _suggestion(codes[0] if codes else None))
            else:
                for activity in activities:
                    add_term(activity.data, "languages", term)
                    self.target(row, activity)
                if row.get("note"):
                    self.note(row, "note", row.get("note"), "a language has no note")


def _suggestion(code: str | None) -> str:
    """The term to add, as vocabulary.yaml writes it ('es: {fi: espanja, …}')."""
    labels = language_labels(code) if code else None
    if not code or not labels:
        return ""
    return " (for example '" + code + ": {" + ", ".join(f"{k}: {v}" for k, v in labels.items()) \
        + "}')"

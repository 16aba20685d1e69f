"""HSDS language rows → the languages of activities (places have none), matched in the
vocabulary by ISO 639-1 or 639-2 code or by name."""

from __future__ import annotations

from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import match_term
from hyteguide.importers.hsds.mapping.documents import add_term

ISO_639_2 = {"fin": "fi", "swe": "sv", "eng": "en", "rus": "ru", "ara": "ar", "som": "so",
             "ukr": "uk", "est": "et", "fas": "fa", "per": "fa", "tur": "tr", "deu": "de",
             "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "zho": "zh", "chi": "zh",
             "vie": "vi", "urd": "ur", "pol": "pl", "kur": "ku", "sme": "se"}


class LanguageMapping(MapperBase):
    """Language rows → activities' languages."""

    def map_languages(self) -> None:
        for row in self.package.rows("language"):
            self.use(row, "language", "name", "code", "note")
            activities = self.activities_for(row)
            words = [w for w in (row.get("code"), row.get("name"), row.get("language")) if w]
            term = next(filter(None, (match_term(self.vocabulary, "languages",
                                                 ISO_639_2.get(w.lower(), w)) for w in words)),
                        None)
            if not activities:
                self.skip(row, "service_id", row.get("service_id"), "links to no imported "
                          "service (places have no languages)")
            elif term is None:
                self.skip(row, "language", " / ".join(words), "matches no language in "
                          "vocabulary.yaml: add it there to show it")
            else:
                for activity in activities:
                    add_term(activity.data, "languages", term)
                    self.target(row, activity)
                if row.get("note"):
                    self.note(row, "note", row.get("note"), "a language has no note")

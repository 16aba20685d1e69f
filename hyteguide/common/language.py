"""The per-language view: what every output asks of one language.

Pages, calendar files, JSON-LD, the Atom feed, open data and search documents each show the
guide in one language at a time, and each needs the same four things: a text in that language
(falling back to the site's first language, as content.model.Text.get does, and knowing which
language it then is), a vocabulary term's label, the published address of a page, and a link
from one page to another. They are said once here; an output adds only what its format needs
(iCalendar and XML drop characters they cannot carry: common.text).

This module imports nothing else of hyteguide: the model's Text and Vocabulary and the site's
Urls are used through the small protocols below, which they fulfil.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

# A language code as texts are keyed by ({fi: …, sv: …}): two lowercase letters (ISO 639-1).
# A text in a language the site does not publish is kept in its file and left out of the site.
LANGUAGE_CODE = re.compile(r"[a-z]{2}")


def is_language_code(key: object) -> bool:
    """Whether a mapping key is a language code (not a word that lost its quotes)."""
    return isinstance(key, str) and LANGUAGE_CODE.fullmatch(key) is not None


class Multilingual(Protocol):
    """A text in one or more languages (content.model.Text)."""

    def get(self, lang: str) -> tuple[str, str]:
        """(text, the language it is written in) for lang, with the fallback."""
        ...


class Labelled(Protocol):
    """A vocabulary term (content.model.Term)."""

    @property
    def label(self) -> Multilingual: ...


class Terms(Protocol):
    """The vocabulary (content.model.Vocabulary)."""

    def term(self, group: str, term_id: str) -> Labelled: ...


class Addresses(Protocol):
    """The site's addresses (pages.urls.Urls)."""

    def localised(self, path: str, lang: str) -> str: ...

    def absolute(self, full_path: str) -> str: ...


Shown = Multilingual | str | None  # what an output is given to show: a text, a plain string


@dataclass(frozen=True)
class LanguageView:
    """One language's view of texts, labels and addresses.

    `page_url` gives the published (absolute) address of a model object's page in `lang`.
    """

    lang: str
    vocabulary: Terms
    page_url: Callable[[object], str]

    @classmethod
    def of(cls, lang: str, vocabulary: Terms, urls: Addresses,
           locate: Callable[[object], str]) -> LanguageView:
        """The view of lang, with pages at their site paths (locate: pages.urls.path_of)."""
        return cls(lang, vocabulary, lambda target: urls.absolute(
            urls.localised(locate(target), lang)))

    def written(self, value: Shown) -> tuple[str, str]:
        """(text, the language it is written in): a text in this language, else in the
        site's first one; a plain string is taken as this language's, nothing as ""."""
        if value is None:
            return "", self.lang
        if isinstance(value, str):
            return value, self.lang
        return value.get(self.lang)

    def text(self, value: Shown) -> str:
        """A text in this language (with the fallback), "" for nothing."""
        if value is None:
            return ""
        return value if isinstance(value, str) else value.get(self.lang)[0]

    def optional(self, value: Shown) -> str | None:
        """A text in this language (with the fallback), None for nothing: for formats that
        leave out a field without a value."""
        return None if value is None else self.text(value)

    def label(self, group: str, term_id: str) -> str:
        """A vocabulary term's label in this language."""
        return self.text(self.vocabulary.term(group, term_id).label)

    def labels(self, group: str, term_ids: Iterable[str]) -> list[str]:
        """The labels of terms of one group, in the order given."""
        return [self.label(group, term_id) for term_id in term_ids]

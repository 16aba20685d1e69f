"""schema.org values shared by the JSON-LD builders (jsonld, jsonldschedule) and the HSDS
export: the builders' Context, days of the week, times, language codes and the dict helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from hyteguide.common.language import LanguageView
from hyteguide.common.times import DAY_NAMES, END_OF_DAY
from hyteguide.model import Vocabulary

SCHEMA = "https://schema.org"
DAY_URLS = tuple(f"{SCHEMA}/{day}" for day in DAY_NAMES)
COUNTRY = "FI"
# Terms of the 'languages' vocabulary whose id is not itself a language code: Easy Finnish
# (selkosuomi) is Finnish, and Finnish Sign Language has the ISO 639-3 code 'fse'.
LANGUAGE_CODES = {"selkokieli": "fi", "viittomakieli": "fse"}
_LANGUAGE_ID = re.compile(r"[a-z]{2,3}")

Data = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What every builder needs: the page language, the site's zone, labels and page URLs.

    `page_url` gives the absolute URL of a model object's page in `lang`; `today` and
    `horizon` the last day a rule without `until` is published to (a rolling year).
    """

    lang: str
    zone: ZoneInfo
    vocabulary: Vocabulary
    page_url: Callable[[object], str]
    today: dt.date
    horizon: dt.date

    @cached_property
    def view(self) -> LanguageView:
        """Texts, labels and page addresses in this language."""
        return LanguageView(self.lang, self.vocabulary, self.page_url)


def one_or_many(items: list[Any]) -> Any:
    """One item as itself, more as a list (as schema.org writes a property's values)."""
    return items[0] if len(items) == 1 else items


def clean(data: Data) -> Data:
    """data without None values and empty lists (the order of the rest is kept)."""
    return {k: v for k, v in data.items() if v is not None and v != []}


def clock(value: dt.time) -> str:
    """A schema.org Time (hh:mm:ss); the end of the day (24:00) is 23:59:59."""
    return "23:59:59" if value == END_OF_DAY else f"{value:%H:%M:%S}"


def language_codes(term_ids: Iterable[str]) -> list[str]:
    """BCP 47 codes of 'languages' vocabulary terms, in order, without repeats; terms that
    are not a language code (and have no code in LANGUAGE_CODES) are left out."""
    codes: list[str] = []
    for term_id in term_ids:
        code = LANGUAGE_CODES.get(term_id) or (
            term_id if _LANGUAGE_ID.fullmatch(term_id) else None)
        if code and code not in codes:
            codes.append(code)
    return codes


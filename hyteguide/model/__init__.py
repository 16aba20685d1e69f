"""The guide's content as plain frozen dataclasses. What editors write and how it is checked
is declared in content/schema/, one declaration per field, and each class's attributes between
its two 'Declared in' comments are written from there (tools/declare.py; a test fails while
they are stale). The rest is written here: what the loader gives and the classes' methods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypedDict

# The schedule's, the site's and the values' classes are the model's too (model.Site): kept in
# their own modules.
from hyteguide.model.schedule import Cancellation as Cancellation
from hyteguide.model.schedule import DateRange as DateRange
from hyteguide.model.schedule import MonthlyDay as MonthlyDay
from hyteguide.model.schedule import ScheduleRule
from hyteguide.model.site import DEFAULT_AUTHORITY as DEFAULT_AUTHORITY
from hyteguide.model.site import DEFAULT_LICENCE as DEFAULT_LICENCE
from hyteguide.model.site import AccessibilityStatement as AccessibilityStatement
from hyteguide.model.site import Authority as Authority
from hyteguide.model.site import DataLicence as DataLicence
from hyteguide.model.site import Feedback as Feedback
from hyteguide.model.site import KnownGap as KnownGap
from hyteguide.model.site import Privacy as Privacy
from hyteguide.model.site import Site
from hyteguide.model.site import SiteContact as SiteContact
from hyteguide.model.values import AgeRange as AgeRange
from hyteguide.model.values import Source, Text
from hyteguide.model.values import TimeRange as TimeRange

if TYPE_CHECKING:  # for Extra's annotation only: the model's classes are its own
    from hyteguide.common.problems import Problem


YSO_BASE = "http://www.yso.fi/onto/yso/"  # YSO, the General Finnish Ontology: concept URIs


@dataclass(frozen=True)
class Term:
    """A controlled term of the vocabulary, with its labels."""

    group: str
    id: str
    label: Text
    # The same concept in other systems (the vocabulary crosswalk): YSO concept URIs, codes of
    # the national service catalogue (PTV service classes P… and target groups KR…) and
    # Lähellä.fi themes or formats.
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    sensitive: bool = False
    description: Text | None = None
    everyone: bool = False
    bilingual: bool = False
    yso: tuple[str, ...] = ()
    ptv: tuple[str, ...] = ()
    lahella: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    # (end of declared fields)


@dataclass(frozen=True)
class Vocabulary:
    """Controlled terms by group: themes, formats, audiences, expertise, municipalities, …"""

    groups: dict[str, dict[str, Term]]

    def group(self, name: str) -> dict[str, Term]:
        return self.groups.get(name, {})

    def term(self, group: str, term_id: str) -> Term:
        return self.groups[group][term_id]

    def broader(self, group: str, term_id: str) -> tuple[str, ...]:
        """The term's own broader terms that are terms of the group (as written)."""
        term = self.groups.get(group, {}).get(term_id)
        return tuple(b for b in term.broader if b in self.groups[group]) if term else ()

    def ancestors(self, group: str, term_id: str) -> tuple[str, ...]:
        """Every broader term of the term, transitively (broader of broader …), in the group's
        order, without the term itself; safe on a cycle (which check reports)."""
        found: set[str] = set()
        queue = list(self.broader(group, term_id))
        while queue:
            up = queue.pop()
            if up not in found:
                found.add(up)
                queue.extend(self.broader(group, up))
        found.discard(term_id)
        return tuple(t for t in self.group(group) if t in found)

    def narrower(self, group: str, term_id: str) -> tuple[str, ...]:
        """Every narrower term of the term, transitively, in the group's order: the terms that
        a filter or a term page for this term includes besides the term itself."""
        return tuple(t for t in self.group(group)
                     if t != term_id and term_id in self.ancestors(group, t))

    def expand(self, group: str, ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """Term ids with all their broader terms: the ids as written, then the ancestors not
        among them (the values filters match: an activity for mielenterveyskuntoutujat is
        found by a filter for aikuiset)."""
        return tuple(dict.fromkeys([*ids, *(a for i in ids for a in self.ancestors(group, i))]))

    def for_everyone(self, audiences: tuple[str, ...]) -> bool:
        """Whether any of these audience ids is one for everyone (a calendar filter on an
        audience keeps such activities)."""
        return any(self.term("audiences", a).everyone for a in audiences)

    def everyone(self) -> Term | None:
        """The audience meaning everyone (`everyone: true`), if there is one."""
        return next((t for t in self.group("audiences").values() if t.everyone), None)


@dataclass(frozen=True)
class Contact:
    """A contact of an organisation or an activity: a role, and a person only when needed."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    role: Text
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    basis: str | None = None
    consent_until: dt.date | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class Activity:
    """Something an organisation runs: a group, a meeting place, advice, an event, volunteering."""

    organisation: str  # organisation slug
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    id: str
    title: Text
    summary: Text
    format: str
    themes: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    place: str | None = None
    online: str | None = None
    website: str | None = None
    ages: AgeRange | None = None
    languages: tuple[str, ...] = ()
    cost: str | Text | None = None
    registration: str | Text | None = None
    registration_url: str | None = None
    registration_opens: dt.date | None = None
    registration_closes: dt.date | None = None
    low_threshold: bool = False
    drop_in: bool = False
    schedule: tuple[ScheduleRule, ...] = ()
    description: Text | None = None
    contacts: tuple[Contact, ...] = ()
    co_organisers: tuple[str, ...] = ()
    # (end of declared fields)
    source: Source = Source("")

    @cached_property  # a dictionary key everywhere: made once (frozen, so it never changes)
    def key(self) -> str:
        return f"{self.organisation}/{self.id}"

    @cached_property
    def title_order(self) -> tuple[str, str]:
        """How its occurrences sort after date and time: title (casefolded), then key. One
        tuple an activity, shared by all its occurrences' sort keys."""
        return self.title.default.casefold(), self.key

    @cached_property
    def places(self) -> tuple[str, ...]:
        """Every place it is held at: its own, then its rules' (a summer term outdoors)."""
        return tuple(dict.fromkeys(p for p in (self.place, *(r.place for r in self.schedule))
                                   if p))

    @property
    def is_free(self) -> bool:
        return self.cost == "free"

    @property
    def no_registration(self) -> bool:
        return self.registration == "none"


@dataclass(frozen=True)
class Organisation:
    """An organisation (järjestö, yhdistys) and the activities it runs."""

    slug: str
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text
    summary: Text
    municipalities: tuple[str, ...]
    business_id: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: Text | None = None
    themes: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    reviewed: dt.date | None = None
    activities: tuple[Activity, ...] = ()
    body: Text | None = None
    # (end of declared fields)
    source: Source = Source("")


@dataclass(frozen=True)
class OpeningHours:
    """Days of the week a place is open at one time of day, optionally for a season."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    days: tuple[int, ...]
    time: TimeRange
    start: dt.date | None = None  # `from`
    until: dt.date | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class Place:
    """A meeting place or venue (kohtaamispaikka)."""

    slug: str
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text
    address: Text
    municipality: str
    postal_code: str | None = None
    coordinates: tuple[float, float] | None = None
    accessibility: tuple[str, ...] = ()
    accessibility_note: Text | None = None
    opening_hours: tuple[OpeningHours, ...] = ()
    opening_hours_note: Text | None = None
    directions: Text | None = None
    description: Text | None = None
    website: str | None = None
    phone: str | None = None
    email: str | None = None
    # (end of declared fields)
    source: Source = Source("")

    @property
    def named(self) -> bool:
        """Whether it has a name besides its address (one known by its address alone is
        named by it, and shown once)."""
        return self.name != self.address


@dataclass(frozen=True)
class Meeting:
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    date: dt.date
    time: TimeRange | None = None
    place: str | None = None
    note: Text | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class Partnership:
    """A partnership table (kumppanuuspöytä): members, purpose (body) and meetings."""

    slug: str
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    name: Text
    members: tuple[str, ...]
    summary: Text | None = None
    municipalities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    contacts: tuple[Contact, ...] = ()
    body: Text | None = None
    # (end of declared fields)
    source: Source = Source("")


@dataclass(frozen=True)
class Page:
    """A free page: about, for organisations, privacy, accessibility."""

    slug: str
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    title: Text
    summary: Text | None = None
    menu: int | None = None
    body: Text | None = None
    # (end of declared fields)
    source: Source = Source("")


class Extra(TypedDict, total=False):
    """What loading found beside the content: its warnings (problems that do not stop a build),
    sorted, when there are any."""

    warnings: list[Problem]


@dataclass(frozen=True)
class Content:
    """Everything loaded from content/, validated."""

    site: Site
    vocabulary: Vocabulary
    organisations: tuple[Organisation, ...]
    places: tuple[Place, ...]
    partnerships: tuple[Partnership, ...]
    pages: tuple[Page, ...]
    extra: Extra = field(default_factory=Extra)

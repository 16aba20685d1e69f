"""The guide's content as plain frozen dataclasses. What editors write and how it is checked
is declared in schema/, one declaration per attribute (a test keeps the two in step)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypedDict

# The schedule's classes are the model's too (model.ScheduleRule): kept in their own module.
from hyteguide.model.schedule import Cancellation as Cancellation
from hyteguide.model.schedule import DateRange as DateRange
from hyteguide.model.schedule import MonthlyDay as MonthlyDay
from hyteguide.model.schedule import ScheduleRule

if TYPE_CHECKING:  # for Extra's annotation only: the model's classes are its own
    from hyteguide.common.problems import Problem


@dataclass(frozen=True)
class Text:
    """A text in one or more languages: ((lang, text), ...) in site language order."""

    items: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> tuple[str, str]:
        """(text, language it is written in) for lang, falling back to the first language."""
        for code, text in self.items:
            if code == lang:
                return text, code
        return self.items[0][1], self.items[0][0]

    def has(self, lang: str) -> bool:
        return any(code == lang for code, _ in self.items)

    @property
    def default(self) -> str:
        return self.items[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.items)


@dataclass(frozen=True)
class Source:
    """Where a content object was written: repository-relative path and 1-based line."""

    path: str
    line: int = 1


@dataclass(frozen=True)
class TimeRange:
    """A time of day as written, local wall-clock time: "10:00-14:00". An end at or before
    the start is on the next day ("22:00-02:00"); 24:00 is dt.time.max; no end (None) is a
    start alone ("18:45"). What it means on a given day (clock changes): wallclock.py."""

    start: dt.time
    end: dt.time | None = None

    @property
    def overnight(self) -> bool:
        """Whether it ends on the next day."""
        return self.end is not None and self.end <= self.start

    @property
    def end_minute(self) -> int | None:
        """The end in minutes from the midnight before the start (past 1440 on the next
        day; 24:00 is 1440), None without an end."""
        if self.end is None:
            return None
        if self.end == dt.time.max:
            return 1440
        return self.end.hour * 60 + self.end.minute + (1440 if self.overnight else 0)

    @property
    def order(self) -> tuple[dt.time, int]:
        """How times sort: by start, then a start alone first, then by end."""
        end = self.end_minute
        return self.start, -1 if end is None else end


YSO_BASE = "http://www.yso.fi/onto/yso/"  # YSO, the General Finnish Ontology: concept URIs


@dataclass(frozen=True)
class Term:
    """A controlled term of the vocabulary, with its labels."""

    group: str
    id: str
    label: Text
    sensitive: bool = False
    description: Text | None = None
    everyone: bool = False  # an audience meaning everyone: matches any audience filter
    bilingual: bool = False  # a municipality with two official languages (fi and sv)
    # The same concept in other systems (the vocabulary crosswalk): YSO concept URIs, codes of
    # the national service catalogue (PTV service classes P… and target groups KR…) and
    # Lähellä.fi themes or formats.
    yso: tuple[str, ...] = ()
    ptv: tuple[str, ...] = ()
    lahella: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """Controlled terms by group: themes, formats, audiences, expertise, municipalities, …"""

    groups: dict[str, dict[str, Term]]

    def group(self, name: str) -> dict[str, Term]:
        return self.groups.get(name, {})

    def term(self, group: str, term_id: str) -> Term:
        return self.groups[group][term_id]

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

    role: Text
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    basis: str | None = None  # why a person is named: "role" or "consent" (never shown)
    consent_until: dt.date | None = None  # when the consent ends (never shown)


@dataclass(frozen=True)
class SiteContact:
    name: Text | None = None
    email: str | None = None
    phone: str | None = None
    address: Text | None = None


@dataclass(frozen=True)
class KnownGap:
    """Content of the site that is not accessible, as the accessibility statement lists it."""

    text: Text
    wcag: tuple[str, ...] = ()  # WCAG 2.1 success criteria, e.g. ("2.4.4",)
    reason: str = "non-compliance"  # non-compliance | disproportionate-burden | out-of-scope
    fix_by: dt.date | None = None


@dataclass(frozen=True)
class Feedback:
    """Where to give feedback on accessibility: an email address and/or a web form."""

    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Authority:
    """The supervisory authority a visitor may complain to."""

    name: Text
    unit: Text | None = None
    url: Text | None = None  # a web address, possibly one per language
    email: str | None = None
    phone: str | None = None


# The Finnish supervisory authority of digital accessibility (digipalvelulaki 306/2019) since
# 1.1.2025, when the supervision moved from the Regional State Administrative Agency for
# Southern Finland to Traficom. The default when site.yaml names no authority; check it.
DEFAULT_AUTHORITY = Authority(
    name=Text((("fi", "Liikenne- ja viestintävirasto Traficom"),
               ("sv", "Transport- och kommunikationsverket Traficom"),
               ("en", "Finnish Transport and Communications Agency Traficom"))),
    unit=Text((("fi", "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö"),
               ("sv", "Enheten för tillsyn över digital tillgänglighet"),
               ("en", "Digital Accessibility Supervision Unit"))),
    url=Text((("fi", "https://www.saavutettavuusvaatimukset.fi/"),
              ("sv", "https://www.tillganglighetskrav.fi/"),
              ("en", "https://www.webaccessibility.fi/"))),
    email="saavutettavuus@traficom.fi",
    phone="029 534 5000",
)


@dataclass(frozen=True)
class AccessibilityStatement:
    """site.yaml `accessibility`: the accessibility statement (EU model, Directive 2016/2102)."""

    status: str = "partially"  # fully | partially | not (compliant with WCAG 2.1 level AA)
    assessed: dt.date | None = None  # when the statement was prepared or last updated
    method: str | Text = "self-assessment"  # self-assessment | third-party | in words
    known_gaps: tuple[KnownGap, ...] = ()
    feedback: Feedback | None = None  # None: the site contact
    response_days: int = 14
    authority: Authority = DEFAULT_AUTHORITY


@dataclass(frozen=True)
class Privacy:
    """site.yaml `privacy`: the privacy notice. Absent fields fall back to the site contact."""

    controller: Text | None = None  # who is responsible; None: the publisher
    contact: str | None = None  # email; None: the site contact
    host: Text | None = None  # the web host, e.g. "GitHub Pages (GitHub Inc.)"
    host_logs: Text | None = None  # what the host logs, in words
    host_policy: str | None = None  # the host's privacy statement
    retention: Text | None = None  # how long feedback messages are kept


@dataclass(frozen=True)
class DataLicence:
    """The licence of the open data exports: an SPDX id, its name and its address."""

    id: str | None = "CC-BY-4.0"
    name: str = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    url: str = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Site:
    """site.yaml: the guide itself."""

    name: Text
    region: Text
    base_url: str
    languages: tuple[str, ...]
    timezone: str
    contact: SiteContact
    description: Text | None = None
    publisher: Text | None = None
    repository: str | None = None
    branch: str = "main"
    horizon_weeks: int = 12
    review_after_months: int = 12
    hide_after_months: int | None = None  # None: entries are never hidden for their age
    accessibility: AccessibilityStatement = AccessibilityStatement()
    privacy: Privacy = Privacy()
    data_licence: DataLicence = DataLicence()
    source: Source = Source("content/site.yaml")

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Activity:
    """Something an organisation runs: a group, a meeting place, advice, an event, volunteering."""

    organisation: str  # organisation slug
    id: str
    title: Text
    summary: Text
    format: str
    themes: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    place: str | None = None
    online: str | None = None
    website: str | None = None  # the activity's own page (its organisation's is on its own)
    languages: tuple[str, ...] = ()
    cost: str | Text | None = None  # "free" or a text
    registration: str | Text | None = None  # "none" or a text
    low_threshold: bool = False
    drop_in: bool = False  # come and go during the hours
    schedule: tuple[ScheduleRule, ...] = ()
    description: Text | None = None  # Markdown
    contacts: tuple[Contact, ...] = ()
    source: Source = Source("")

    @cached_property  # a dictionary key everywhere: made once (frozen, so it never changes)
    def key(self) -> str:
        return f"{self.organisation}/{self.id}"

    @cached_property
    def title_order(self) -> tuple[str, str]:
        """How its occurrences sort after date and time: title (casefolded), then key. One
        tuple an activity, shared by all its occurrences' sort keys."""
        return self.title.default.casefold(), self.key

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
    name: Text
    summary: Text
    municipalities: tuple[str, ...]
    body: Text | None = None  # Markdown description
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
    source: Source = Source("")


@dataclass(frozen=True)
class OpeningHours:
    """Days of the week a place is open at one time of day, optionally for a season."""

    days: tuple[int, ...]  # Monday = 0
    time: TimeRange
    start: dt.date | None = None  # `from`
    until: dt.date | None = None


@dataclass(frozen=True)
class Place:
    """A meeting place or venue (kohtaamispaikka)."""

    slug: str
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
    source: Source = Source("")


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    time: TimeRange | None = None
    place: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Partnership:
    """A partnership table (kumppanuuspöytä): members, purpose (body) and meetings."""

    slug: str
    name: Text
    members: tuple[str, ...]
    municipalities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    summary: Text | None = None
    meetings: tuple[Meeting, ...] = ()
    contacts: tuple[Contact, ...] = ()
    body: Text | None = None
    source: Source = Source("")


@dataclass(frozen=True)
class Page:
    """A free page: about, for organisations, privacy, accessibility."""

    slug: str
    title: Text
    summary: Text | None = None
    body: Text | None = None
    menu: int | None = None  # position in the footer menu; None = not in the menu
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

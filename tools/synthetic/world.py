"""The world a synthetic region is made of: municipalities, kinds of organisation, their
activities, phrase banks and small details, read once from the YAML files in ``data/``.

The order of every list is kept as written: the generator draws from them by position, so
reordering a file changes every region made with the same seed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> Any:
    """A data file of this package, parsed (PyYAML; read once per process)."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def pairs(items: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """[[fi, sv], …] as tuples (the generator unpacks them)."""
    return tuple(tuple(item) for item in items)


# -- municipalities and regions --------------------------------------------------------------


@dataclass(frozen=True)
class District:
    fi: str
    gen: str  # Finnish genitive: Kallion
    sv: str  # Swedish name, or ""


@dataclass(frozen=True)
class Municipality:
    id: str
    fi: str
    sv: str
    gen: str  # Finnish genitive: Keravan
    loc: str  # Finnish locative: Keravalla
    city: bool  # kaupunki (True) or kunta
    population: int
    swedish: float  # share of Swedish-speaking organisations
    bilingual: bool
    lat: float
    lon: float
    spread: float  # coordinate jitter in degrees of latitude
    postal: tuple[str, ...]
    districts: tuple[District, ...]

    @property
    def admin_gen(self) -> str:
        return f"{self.gen} {'kaupungin' if self.city else 'kunnan'}"


@dataclass(frozen=True)
class Region:
    key: str
    fi: str
    sv: str
    en: str
    gen: str  # Keski-Uudenmaan
    sv_in: str  # i Mellersta Nyland
    municipalities: tuple[Municipality, ...]


def postal_codes(entry: dict[str, Any]) -> tuple[str, ...]:
    """The listed codes, or every tenth code of `postal_range` (a city's many codes)."""
    if "postal_range" in entry:
        first, last = entry["postal_range"]
        prefix = first[:2]
        return tuple(f"{prefix}{n:03d}" for n in range(int(first[2:]), int(last[2:]) + 1, 10))
    return tuple(entry["postal"])


def municipality(key: str, entry: dict[str, Any]) -> Municipality:
    lat, lon = entry["centre"]
    districts = tuple(District(d[0], d[1], d[2] if len(d) > 2 else "")
                      for d in entry.get("districts", ()))
    return Municipality(key, entry["fi"], entry["sv"], entry["gen"], entry["loc"], entry["city"],
                        entry["population"], entry["swedish"], entry["bilingual"], lat, lon,
                        entry["spread"], postal_codes(entry), districts)


MUNICIPALITIES = tuple(municipality(key, entry)
                       for key, entry in load("municipalities.yaml")["municipalities"].items())
REGIONS = tuple(load("municipalities.yaml")["regions"])


def cumulative_weights(municipalities: Sequence[Municipality]) -> list[float]:
    """Weights to draw municipalities by: population to the power 0.75 (the small ones get
    somewhat more than their share), accumulated for random.choices(cum_weights=…)."""
    return list(itertools.accumulate(m.population ** 0.75 for m in municipalities))


def region_named(key: str) -> Region:
    """A region of data/municipalities.yaml: its names and municipalities."""
    entry = load("municipalities.yaml")["regions"][key]
    wanted = entry["municipalities"]
    chosen = tuple(m for m in MUNICIPALITIES if wanted == "all" or m.id in wanted)
    return Region(key, entry["fi"], entry["sv"], entry["en"], entry["gen"], entry["sv_in"],
                  chosen)


# -- kinds of organisation and their activities --------------------------------------------


@dataclass(frozen=True)
class ActivityTemplate:
    fi: str  # title; "{nick}" is replaced by a short proper name
    sv: str
    en: str
    summary_fi: str
    summary_sv: str
    summary_en: str
    format: str
    themes: tuple[str, ...]
    audiences: tuple[str, ...]
    kind: str  # dropin, group, club, exercise, course, advice, volunteer, event
    season: str = "any"  # for events: xmas, spring, summer, camp, autumn, winter, any


@dataclass(frozen=True)
class OrgType:
    key: str
    weight: int
    fi_names: tuple[str, ...]  # "{area}" is a Finnish genitive, "{nick}" a short proper name
    sv_names: tuple[tuple[str, ...], ...]  # (Swedish name with "{sv}", Finnish name or "")
    themes: tuple[str, ...]
    audiences: tuple[str, ...]
    expertise: tuple[str, ...]
    what: tuple[str, str, str]  # fi, sv, en: what it offers
    aud: tuple[str, str, str]  # fi (allative), sv, en: for whom
    federation: str  # Finnish genitive, or ""
    facts_fi: tuple[str, ...]
    facts_sv: tuple[str, ...]
    activities: tuple[ActivityTemplate, ...]
    languages: tuple[str, ...] = ()  # extra activity languages typical of the type


def activity_template(entry: dict[str, Any]) -> ActivityTemplate:
    title, summary = entry["title"], entry["summary"]
    return ActivityTemplate(title["fi"], title["sv"], title["en"], summary["fi"], summary["sv"],
                            summary["en"], entry["format"], tuple(entry["themes"]),
                            tuple(entry["audiences"]), entry["kind"], entry.get("season", "any"))


def trio(texts: dict[str, str]) -> tuple[str, str, str]:
    return texts["fi"], texts["sv"], texts["en"]


def org_type(entry: dict[str, Any]) -> OrgType:
    return OrgType(
        entry["key"], entry["weight"], tuple(entry["names"]["fi"]), pairs(entry["names"]["sv"]),
        tuple(entry["themes"]), tuple(entry["audiences"]), tuple(entry["expertise"]),
        trio(entry["offers"]), trio(entry["for"]), entry["federation"],
        tuple(entry["facts"]["fi"]), tuple(entry["facts"]["sv"]),
        tuple(activity_template(a) for a in entry["activities"]),
        tuple(entry.get("languages", ())))


ORG_TYPES = tuple(org_type(entry) for entry in load("organisation_types.yaml")["types"])
GENERIC_ACTIVITIES = tuple(activity_template(entry)
                           for entry in load("organisation_types.yaml")["generic_activities"])


def all_templates() -> list[ActivityTemplate]:
    """Every activity template: the types' own, then the generic ones."""
    return [a for o in ORG_TYPES for a in o.activities] + list(GENERIC_ACTIVITIES)


# -- phrase banks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhraseBank:
    """Sentences for an organisation's description in one language; {slots} are filled in."""

    openings: tuple[str, ...]
    intro: tuple[str, ...]
    middle: tuple[str, ...]
    closing: tuple[str, ...]
    lists: dict[str, tuple[str, ...]]  # heading → list items
    activities_heading: str
    link: str


def phrase_bank(language: str) -> PhraseBank:
    entry = load(f"phrases.{language}.yaml")
    return PhraseBank(tuple(entry["openings"]), tuple(entry["intro"]), tuple(entry["middle"]),
                      tuple(entry["closing"]),
                      {title: tuple(items) for title, items in entry["lists"].items()},
                      entry["activities_heading"], entry["link"])


FI_BANK = phrase_bank("fi")
SV_BANK = phrase_bank("sv")

# -- details -----------------------------------------------------------------------------------

_DETAILS = load("details.yaml")
NICKS: tuple[str, ...] = tuple(_DETAILS["nicks"])
FOUNDATION_NAMES: tuple[str, ...] = tuple(_DETAILS["foundation_names"])
STREETS = pairs(_DETAILS["streets"])
FI_FIRST: tuple[str, ...] = tuple(_DETAILS["people"]["fi"]["first"])
FI_LAST: tuple[str, ...] = tuple(_DETAILS["people"]["fi"]["last"])
SV_FIRST: tuple[str, ...] = tuple(_DETAILS["people"]["sv"]["first"])
SV_LAST: tuple[str, ...] = tuple(_DETAILS["people"]["sv"]["last"])
COSTS = pairs(_DETAILS["costs"]["default"])
COURSE_COSTS = pairs(_DETAILS["costs"]["course"])
EVENT_COSTS = pairs(_DETAILS["costs"]["event"])
REGISTRATIONS = pairs(_DETAILS["registrations"]["default"])
ADVICE_REGISTRATIONS = pairs(_DETAILS["registrations"]["advice"])
VOLUNTEER_REGISTRATIONS = pairs(_DETAILS["registrations"]["volunteer"])
CANCEL_NOTES = pairs(_DETAILS["cancel_notes"])
RULE_NOTES = pairs(_DETAILS["rule_notes"])
ACTIVITY_NOTES_FI: tuple[str, ...] = tuple(_DETAILS["activity_notes"]["fi"])
ACTIVITY_NOTES_SV: tuple[str, ...] = tuple(_DETAILS["activity_notes"]["sv"])
DAY_TIMES: tuple[str, ...] = tuple(_DETAILS["times"]["day"])
EVENING_TIMES: tuple[str, ...] = tuple(_DETAILS["times"]["evening"])
WEEKEND_TIMES: tuple[str, ...] = tuple(_DETAILS["times"]["weekend"])
DROP_IN_TIMES: tuple[str, ...] = tuple(_DETAILS["times"]["drop_in"])
TWO_TIMES = pairs(_DETAILS["times"]["two"])
SENSITIVE_AUDIENCES: tuple[str, ...] = tuple(_DETAILS["sensitive_audiences"])
ORG_ROLES = pairs(_DETAILS["roles"]["organisation"])
FOUNDATION_ROLES = pairs(_DETAILS["roles"]["foundation"])
ACTIVITY_ROLES = pairs(_DETAILS["roles"]["activity"])
PLACE_KINDS: tuple[tuple[str, str, str, bool], ...] = tuple(
    (kind, fi, sv, bool(outdoors)) for kind, fi, sv, outdoors in _DETAILS["place_kinds"])
ACCESSIBILITY_NOTES = pairs(_DETAILS["accessibility_notes"])
OUTDOOR_NOTE: tuple[str, ...] = tuple(_DETAILS["outdoor_note"])

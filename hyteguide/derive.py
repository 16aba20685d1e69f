"""Derive: the ready data that templates show — indexes, relations and upcoming occurrences."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .model import Activity, Content, Organisation, Partnership, Place, Term
from .occurrences import Occurrence, activity_occurrences

TAXONOMIES = ("municipalities", "themes", "audiences", "formats")
UPCOMING_PER_ACTIVITY = 5
_ALPHABET = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


def sort_key(text: str) -> str:
    """Finnish/Swedish alphabetical order: å, ä and ö come after z."""
    return unicodedata.normalize("NFC", text).casefold().translate(_ALPHABET)


@dataclass(frozen=True)
class TermIndex:
    """What is listed under one vocabulary term."""

    term: Term
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class Guide:
    """Everything the templates need, derived once from the content."""

    content: Content
    today: dt.date
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]
    places: tuple[Place, ...]
    partnerships: tuple[Partnership, ...]
    organisation_by_slug: dict[str, Organisation]
    place_by_slug: dict[str, Place]
    activity_municipalities: dict[str, tuple[str, ...]]
    activities_at_place: dict[str, tuple[Activity, ...]]
    partnerships_of: dict[str, tuple[Partnership, ...]]
    taxonomies: dict[str, dict[str, TermIndex]]
    occurrences: tuple[Occurrence, ...]
    upcoming: dict[str, tuple[Occurrence, ...]]

    def organisation_of(self, activity: Activity) -> Organisation:
        return self.organisation_by_slug[activity.organisation]

    def on(self, day: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.date == day)

    def between(self, first: dt.date, last: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if first <= o.date <= last)


def derive(content: Content, today: dt.date) -> Guide:
    """Build the Guide: sorted lists, indexes by term, relations and occurrences."""
    organisations = tuple(sorted(content.organisations, key=lambda o: sort_key(o.name.default)))
    activities = tuple(sorted((a for o in organisations for a in o.activities),
                              key=lambda a: (sort_key(a.title.default), a.key)))
    places = tuple(sorted(content.places, key=lambda p: sort_key(p.name.default)))
    place_by_slug = {p.slug: p for p in places}
    organisation_by_slug = {o.slug: o for o in organisations}
    municipalities = {a.key: _municipalities(a, organisation_by_slug, place_by_slug)
                      for a in activities}
    at_place: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        if activity.place:
            at_place[activity.place].append(activity)
    partnerships = tuple(sorted(content.partnerships, key=lambda p: sort_key(p.name.default)))
    partnerships_of: dict[str, list[Partnership]] = defaultdict(list)
    for partnership in partnerships:
        for member in partnership.members:
            partnerships_of[member].append(partnership)
    horizon = today + dt.timedelta(weeks=content.site.horizon_weeks)
    occurrences = sorted((o for a in activities for o in activity_occurrences(a, today, horizon)),
                         key=lambda o: o.sort_key)
    upcoming: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        if len(upcoming[occurrence.activity.key]) < UPCOMING_PER_ACTIVITY:
            upcoming[occurrence.activity.key].append(occurrence)
    return Guide(
        content=content, today=today, organisations=organisations, activities=activities,
        places=places, partnerships=partnerships, organisation_by_slug=organisation_by_slug,
        place_by_slug=place_by_slug, activity_municipalities=municipalities,
        activities_at_place={k: tuple(v) for k, v in at_place.items()},
        partnerships_of={k: tuple(v) for k, v in partnerships_of.items()},
        taxonomies=_taxonomies(content, organisations, activities, municipalities),
        occurrences=tuple(occurrences),
        upcoming={k: tuple(v) for k, v in upcoming.items()},
    )


def _municipalities(activity: Activity, organisations: dict[str, Organisation],
                    places: dict[str, Place]) -> tuple[str, ...]:
    """Where an activity is: its place's municipality, else where its organisation acts."""
    if activity.place:
        return (places[activity.place].municipality,)
    return organisations[activity.organisation].municipalities


def _taxonomies(content: Content, organisations: tuple[Organisation, ...],
                activities: tuple[Activity, ...], municipalities: dict[str, tuple[str, ...]]
                ) -> dict[str, dict[str, TermIndex]]:
    terms_of_activity = {
        "municipalities": lambda a: municipalities[a.key],
        "themes": lambda a: a.themes,
        "audiences": lambda a: a.audiences,
        "formats": lambda a: (a.format,),
    }
    own_terms = {"municipalities": lambda o: o.municipalities, "themes": lambda o: o.themes}

    def terms_of_organisation(group: str, organisation: Organisation) -> set[str]:
        """An organisation's own terms and those of its activities."""
        own = set(own_terms.get(group, lambda o: ())(organisation))
        return own.union(*(terms_of_activity[group](a) for a in organisation.activities))

    result = {}
    for group in TAXONOMIES:
        result[group] = {
            term_id: TermIndex(
                term,
                tuple(o for o in organisations if term_id in terms_of_organisation(group, o)),
                tuple(a for a in activities if term_id in terms_of_activity[group](a)),
            )
            for term_id, term in content.vocabulary.group(group).items()
        }
    return result

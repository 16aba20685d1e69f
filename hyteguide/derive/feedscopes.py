"""What each iCalendar feed holds, and the feeds of a common choice: a municipality and a target
group.

Feeds exist for the region, each organisation, activity and term of urls.FEED_GROUPS, and for
each municipality together with one target group (audience) that has activities there: the
choice a service counsellor makes ("seniors in Kerava"), and the one the calendar's filter
follows (assets/subscribe.js). Audiences, not themes: people are sent to activities by who
they are for, and an activity has more themes than audiences, so theme feeds would repeat more
events. Measured at 3,000 organisations (bench/generate.py, 26 municipalities, 14 audiences,
three languages): the other feeds are 54,564 files and 446 MB; municipality × audience adds
1,011 files and 82 MB; municipality × theme would add 1,344 files and 87 MB. The bound: one
feed per municipality and audience that has an activity there, at most municipalities ×
audiences a language (1,092 there).

A choice's feed holds the activities listed under both terms (the municipality's and the
audience's pages list them): those marked for the target group. Activities for everyone (an
audience with `everyone: true`), which the calendar's audience filter also shows, are not in
it; the subscribe control says so. Adding them to every audience's feed of their municipality
would add 290 MB instead of 82 at 3,000 organisations: they are a feed of their own, that
audience's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hyteguide.model import Activity, Organisation, Term

CHOICE_GROUP = "audiences"  # the vocabulary group combined with a municipality
CHOICE_PARAMETER = "audience"  # the calendar filter's URL parameter for that group


@dataclass(frozen=True)
class FeedChoice:
    """A municipality and a target group: a choice that has a feed of its own."""

    municipality: Term
    term: Term  # a term of CHOICE_GROUP


def choice_index(taxonomies: Any) -> dict[tuple[str, str], tuple[Activity, ...]]:
    """(municipality id, audience id) → the activities listed under both, for every pair that
    has any, in the municipality's order; made in one pass and kept for these taxonomies.
    taxonomies: the guide's (derive.Guide.taxonomies, or its recording view in templates)."""
    municipalities, audiences = taxonomies["municipalities"], taxonomies[CHOICE_GROUP]
    key = (id(municipalities), id(audiences))
    if _made[0] != key:
        in_audience: dict[str, list[str]] = {}
        for audience_id, entry in audiences.items():
            for activity in entry.activities:
                in_audience.setdefault(activity.key, []).append(audience_id)
        found: dict[tuple[str, str], list[Activity]] = {}
        for municipality_id, entry in municipalities.items():
            for activity in entry.activities:
                for audience_id in in_audience.get(activity.key, ()):
                    found.setdefault((municipality_id, audience_id), []).append(activity)
        # The objects are kept with the index: their ids are not reused while it lives.
        _made[:] = [key, {k: tuple(v) for k, v in found.items()},
                    (municipalities, audiences)]
    return _made[1]


_made: list[Any] = [None, {}, None]  # the last index made: its key, the index, what it is of


def choices(taxonomies: Any, vocabulary: Any, municipality: str) -> Iterator[FeedChoice]:
    """The choices with a feed in a municipality, in the vocabulary's order of audiences."""
    index = choice_index(taxonomies)
    place = vocabulary.term("municipalities", municipality)
    for audience in vocabulary.group(CHOICE_GROUP).values():
        if (municipality, audience.id) in index:
            yield FeedChoice(place, audience)


def feed_activities(guide: Any, target: object | None) -> tuple[Activity, ...]:
    """What a feed holds: the listed activities of the region (None), of a term or of a
    choice; an organisation's own (also an unlisted one's: its page links the feed); an
    activity itself. guide: a derive.Guide or its recording view (helpers.py)."""
    if target is None:
        return guide.activities
    if isinstance(target, Organisation):
        return target.activities
    if isinstance(target, Activity):
        return (target,)
    if isinstance(target, FeedChoice):
        return choice_index(guide.taxonomies).get(
            (target.municipality.id, target.term.id), ())
    if isinstance(target, Term):
        return guide.taxonomies[target.group][target.id].activities
    raise TypeError(f"no feed for {target!r}")


def feed_targets(guide: Any, groups: tuple[str, ...]) -> Iterator[object | None]:
    """Every feed's target, in a stable order: the region (None), every organisation and
    activity (unlisted ones too: their pages link their feeds), each term of groups, and each
    choice of a municipality and an audience that has activities."""
    yield None
    yield from guide.every_organisation
    yield from guide.every_activity
    vocabulary = guide.content.vocabulary
    for group in groups:
        for entry in guide.taxonomies[group].values():
            yield entry.term
    for municipality in vocabulary.group("municipalities"):
        yield from choices(guide.taxonomies, vocabulary, municipality)

"""Indexes by vocabulary term: what is listed under each municipality, theme, audience, format
and expertise (the term pages and lists). A term lists what its narrower terms do too
(vocabulary.yaml `broader`): Aikuiset lists the activities for Mielenterveyskuntoutujat, as its
filters find them (derive/filters.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hyteguide.model import Activity, Content, Organisation, Term

TAXONOMIES = ("municipalities", "themes", "audiences", "formats", "expertise")
# The groups whose terms are an organisation's only (what it offers partners): their pages
# list organisations, no activities.
ORGANISATION_TAXONOMIES = ("expertise",)


@dataclass(frozen=True)
class TermIndex:
    """What is listed under one vocabulary term; narrower: the terms whose entries it lists
    too (the page names them)."""

    term: Term
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]
    narrower: tuple[Term, ...] = ()


def term_indexes(content: Content, organisations: tuple[Organisation, ...],
                 activities: tuple[Activity, ...], municipalities: dict[str, tuple[str, ...]]
                 ) -> dict[str, dict[str, TermIndex]]:
    """Per taxonomy, per term of the vocabulary (in its order): the organisations and
    activities listed under it or under a narrower term; an organisation is under its own
    terms and its activities'. municipalities: where each activity is (by key)."""
    vocabulary = content.vocabulary
    terms_of_activity: dict[str, Callable[[Activity], Iterable[str]]] = {
        "municipalities": lambda a: municipalities[a.key],
        "themes": lambda a: a.themes,
        "audiences": lambda a: a.audiences,
        "formats": lambda a: (a.format,),
        "expertise": lambda a: (),
    }
    own_terms: dict[str, Callable[[Organisation], Iterable[str]]] = {
        "municipalities": lambda o: o.municipalities, "themes": lambda o: o.themes,
        "expertise": lambda o: o.expertise}

    def terms_of_organisation(group: str, organisation: Organisation) -> set[str]:
        """An organisation's own terms and those of its activities."""
        own = set(own_terms.get(group, lambda o: ())(organisation))
        return own.union(*(terms_of_activity[group](a) for a in organisation.activities))

    # One pass over the organisations and activities per group, not one per term.
    result = {}
    for group in TAXONOMIES:
        organisations_of: dict[str, list[Organisation]] = defaultdict(list)
        activities_of: dict[str, list[Activity]] = defaultdict(list)
        for organisation in organisations:
            for term_id in vocabulary.expand(group, sorted(
                    terms_of_organisation(group, organisation))):
                organisations_of[term_id].append(organisation)
        for activity in activities:
            for term_id in vocabulary.expand(group, tuple(terms_of_activity[group](activity))):
                activities_of[term_id].append(activity)
        result[group] = {
            term_id: TermIndex(term, tuple(organisations_of.get(term_id, ())),
                               tuple(activities_of.get(term_id, ())),
                               tuple(vocabulary.term(group, n)
                                     for n in vocabulary.narrower(group, term_id)))
            for term_id, term in vocabulary.group(group).items()
        }
    return result

"""Indexes by vocabulary term: what is listed under each municipality, theme, audience and
format (the term pages and lists)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from hyteguide.model import Activity, Content, Organisation, Term

TAXONOMIES = ("municipalities", "themes", "audiences", "formats")


@dataclass(frozen=True)
class TermIndex:
    """What is listed under one vocabulary term."""

    term: Term
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]


def term_indexes(content: Content, organisations: tuple[Organisation, ...],
                 activities: tuple[Activity, ...], municipalities: dict[str, tuple[str, ...]]
                 ) -> dict[str, dict[str, TermIndex]]:
    """Per taxonomy, per term of the vocabulary (in its order): the organisations and
    activities listed under it; an organisation is under its own terms and its activities'.
    municipalities: where each activity is (by key)."""
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

    # One pass over the organisations and activities per group, not one per term.
    result = {}
    for group in TAXONOMIES:
        organisations_of: dict[str, list[Organisation]] = defaultdict(list)
        activities_of: dict[str, list[Activity]] = defaultdict(list)
        for organisation in organisations:
            for term_id in terms_of_organisation(group, organisation):
                organisations_of[term_id].append(organisation)
        for activity in activities:
            for term_id in dict.fromkeys(terms_of_activity[group](activity)):
                activities_of[term_id].append(activity)
        result[group] = {
            term_id: TermIndex(term, tuple(organisations_of.get(term_id, ())),
                               tuple(activities_of.get(term_id, ())))
            for term_id, term in content.vocabulary.group(group).items()
        }
    return result

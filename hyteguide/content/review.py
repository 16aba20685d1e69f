"""Freshness of an organisation's details: its `reviewed` date against today and site.yaml's
review_after_months and hide_after_months (stale contact details are the bane of every
directory)."""

from __future__ import annotations

import datetime as dt

from hyteguide import model
from hyteguide.common.problems import Problem

FIX = "check the details with the organisation, then set 'reviewed' to the day you checked them"


def is_stale(reviewed: dt.date, today: dt.date, months: int) -> bool:
    """Whether a review date is more than `months` calendar months before today."""
    return (today.year - reviewed.year) * 12 + today.month - reviewed.month - (
        today.day < reviewed.day) >= months


def review_problems(organisation: model.Organisation, positions: dict[str, tuple[int, int]],
                    today: dt.date | None, review_after: int, hide_after: int | None
                    ) -> list[Problem]:
    """Warnings at the `reviewed` line: a date after today (the entry would never count as
    old); checked too long ago (review_after months); so long ago that the entry is hidden from
    listings (hide_after months)."""
    reviewed = organisation.reviewed
    if reviewed is None or today is None:
        return []
    where = (organisation.source.path, *positions["reviewed"])
    if reviewed > today:
        return [Problem(*where, "reviewed-future", "reviewed",
                        f"the information was checked on {reviewed}, after today ({today}): "
                        "the entry would never count as old",
                        "write the day the details were checked", "warning")]
    if not is_stale(reviewed, today, review_after):
        return []
    if hide_after and is_stale(reviewed, today, hide_after):
        code, message = "hidden-stale", (
            f"the information was last checked on {reviewed}, {hide_after} months or more "
            f"before {today}, so the organisation and its activities are left out of listings, "
            "the calendar and search (hide_after_months in site.yaml)")
    else:
        code, message = "stale-review", (
            f"the information was last checked on {reviewed}, {review_after} months or more "
            f"before {today}")
    return [Problem(*where, code, "reviewed", message, FIX, "warning")]

"""PageSpec: one page of the site, as the page catalogue lists it and the renderer makes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hyteguide.common.problems import ContentError, Problem
from hyteguide.model import Text


@dataclass(frozen=True)
class PageSpec:
    """One page to render in every language: its path, template and own context."""

    path: str
    template: str
    context: dict[str, Any]
    title: Text | str | None = None
    priority: str = "0.5"
    listed: bool = True  # False: kept out of the sitemap and search engines (noindex)


def check_unique(specs: Sequence[PageSpec]) -> None:
    """Two pages at one path would overwrite each other: an organisation or place whose file
    name is only a number ('2.md') would take the address of a list's page ('organisations/2/')."""
    seen: set[str] = set()
    problems = []
    for spec in specs:
        if spec.path in seen:
            target = spec.context.get("organisation") or spec.context.get("place")
            problems.append(Problem(
                target.source.path if target else spec.path, 1, 1, "duplicate-slug", "",
                f"its page '{spec.path}' is also the address of a page of a list",
                "rename the file: a name that is only a number is a page number"))
        seen.add(spec.path)
    if problems:
        raise ContentError(problems)

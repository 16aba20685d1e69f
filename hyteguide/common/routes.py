"""The route table: every site path the guide publishes, named once.

Each route is a name and a language-neutral path pattern ('organisations/{slug}/'); a path is
made from a route and its parameters (`path_to`), and a path is found back to its route and
parameters (`match`, what the preview uses to make the one page a browser asks for). The
first segments of the routes are the names a content page may not take (`RESERVED_PAGE_SLUGS`,
checked by the loader), so a new route cannot collide with an editor's page unnoticed. As in
Hugo's page_paths.go: one source of truth for URLs. Templates reach it through `route` and
`link` (pages/helpers.py); model objects through urls.path_of.

This module imports nothing else of hyteguide: the loader, the renderer and the outputs all
read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The vocabulary groups that have a list page ('themes/') and a page per term ('themes/x/').
TAXONOMY_SECTIONS = ("municipalities", "themes", "audiences", "formats", "expertise")


@dataclass(frozen=True)
class Route:
    """A named path pattern: literal text with {parameter} placeholders, each standing for one
    path segment (or part of one); `choices` limits a parameter to some values."""

    name: str
    pattern: str
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = re.split(r"\{(\w+)\}", self.pattern)
        source = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)"
                         for i, part in enumerate(parts))
        object.__setattr__(self, "regex", re.compile(source))

    def path(self, /, **params: object) -> str:
        """The route's path with these parameters."""
        return self.pattern.format(**params)

    def match(self, path: str) -> dict[str, str] | None:
        """The parameters that make this route's path, or None when it is another's."""
        found = self.regex.fullmatch(path)
        if found is None:
            return None
        params = found.groupdict()
        allowed = dict(self.choices)
        if any(params[name] not in values for name, values in allowed.items()):
            return None
        return params


_SECTIONS = (("group", TAXONOMY_SECTIONS),)

# Most particular first: `match` gives the first route whose pattern fits.
ROUTES = {route.name: route for route in (
    Route("home", ""),
    Route("organisations", "organisations/"),
    Route("organisation", "organisations/{slug}/"),
    Route("activities", "activities/"),
    Route("activity", "activities/{organisation}/{id}/"),
    Route("places", "places/"),
    Route("place", "places/{slug}/"),
    Route("partnerships", "partnerships/"),
    Route("partnership", "partnerships/{slug}/"),
    Route("taxonomy", "{group}/", _SECTIONS),
    Route("term", "{group}/{id}/", _SECTIONS),
    Route("calendar", "calendar/"),
    Route("handouts", "handout/"),
    Route("handout", "handout/{municipality}/"),
    Route("search", "search/"),
    Route("opendata", "opendata/"),
    Route("opendata_feed", "opendata/feed.atom"),
    Route("opendata_file", "opendata/{file}"),  # the plain JSON files, at the root only
    Route("hsds_file", "opendata/hsds/{file}"),  # a file of a language's HSDS package
    Route("accessibility", "accessibility/"),
    Route("privacy", "privacy/"),
    Route("region_feed", "calendar/calendar.ics"),
    Route("choice_feed", "municipalities/{municipality}/{group}/{id}.ics"),
    Route("editor", "admin/"),  # the form editor (editor/): a page per interface language
    Route("editor_config", "admin/config.yml"),
    Route("editor_shapes", "assets/admin/shapes.json"),
    Route("asset", "assets/{file}"),
    Route("not_found", "404.html"),
    Route("robots", "robots.txt"),
    Route("sitemap", "sitemap.xml"),
    Route("sitemap_part", "sitemap-{number}.xml"),
    Route("page", "{slug}/"),  # an editor's page (content/pages/): last, it fits any folder
)}

FEED_FILE = "calendar.ics"  # an object's or a term's feed, in the folder of its page
WEEK_DATA_FILE = "week.json"  # a later calendar week's data, in the folder of its page

# A language's pages are under its code ('sv/organisations/'); the default language's at the
# root. These are the languages the guide has catalogues for (templates/i18n/).
LANGUAGE_PREFIXES = ("fi", "sv", "en")
# Kept free for outputs planned but not made yet, so that no editor's page takes them first.
SET_ASIDE = ("feeds", "data")


def path_to(name: str, /, **params: object) -> str:
    """The language-neutral path of the named route with its parameters."""
    return ROUTES[name].path(**params)


def later_page(base: str, number: int) -> str:
    """Page `number` (2, 3 …) of the long list whose first page is at base: its own folder
    under the list's ('activities/' → 'activities/2/'); the page catalogue finds these back."""
    return f"{base}{number}/"


def handout_section(base: str, theme: str) -> str:
    """A handout's section of a theme ('<handout>themes/<theme>/'), or of the activities
    without one (theme '': '<handout>other/')."""
    return f"{base}themes/{theme}/" if theme else f"{base}other/"


def match(path: str) -> tuple[str, dict[str, str]] | None:
    """The route (its name and parameters) of a language-neutral page or file path, or None."""
    for route in ROUTES.values():
        params = route.match(path)
        if params is not None:
            return route.name, params
    return None


def _first_segments() -> set[str]:
    """The fixed first segments of the routes, with a file's name without its ending."""
    found: set[str] = set()
    for route in ROUTES.values():
        first = route.pattern.split("/", 1)[0]
        if first.startswith("{"):
            found.update(dict(route.choices).get(first.strip("{}"), ()))
        elif first:
            found.add(re.split(r"[.{-]", first, maxsplit=1)[0])
    return found


# Term ids a vocabulary may not have: a municipality's calendar ('calendar/<id>/') sits beside
# the region's later weeks ('calendar/2026-w49/') and long weeks' days ('calendar/2026-12-01/').
RESERVED_TERM_ID = re.compile(r"[0-9]{4}-(?:w[0-9]{2}|[0-9]{2}-[0-9]{2})")

# The slugs an editor's page (content/pages/x.md → 'x/') may not have: they are the routes' own.
RESERVED_PAGE_SLUGS = frozenset(_first_segments() | set(LANGUAGE_PREFIXES) | set(SET_ASIDE))

"""The route table (hyteguide/common/routes.py): every site path named once, its inverse, and
the page slugs it reserves."""

from __future__ import annotations

import pytest

from hyteguide.common import routes
from hyteguide.common.routes import RESERVED_PAGE_SLUGS, ROUTES, match, path_to
from hyteguide.web.urls import feed_path, path_of

EXAMPLES = {"organisation": {"slug": "yhdistys"}, "activity": {"organisation": "yhdistys",
                                                                "id": "kerho"},
            "place": {"slug": "talo"}, "partnership": {"slug": "verkosto"},
            "taxonomy": {"group": "themes"}, "term": {"group": "audiences", "id": "nuoret"},
            "handout": {"municipality": "kerava"},
            "choice_feed": {"municipality": "kerava", "group": "audiences", "id": "nuoret"},
            "asset": {"file": "site.css"}, "sitemap_part": {"number": "2"},
            "opendata_file": {"file": "places.json"}, "hsds_file": {"file": "service.csv"},
            "page": {"slug": "tietoa"}}


@pytest.mark.parametrize("name", list(ROUTES))
def test_each_route_is_found_back_from_its_path(name):
    params = EXAMPLES.get(name, {})
    assert match(path_to(name, **params)) == (name, params)


def test_a_path_no_route_makes_is_not_found():
    assert match("organisations/a/b/") is None
    assert match("nowhere/deeper/") is None
    assert match("handout/kerava/themes/x/") is None  # a handout's sections are the list's own


def test_a_term_folder_is_a_term_only_in_a_vocabulary_section():
    assert match("themes/liikunta/") == ("term", {"group": "themes", "id": "liikunta"})
    assert match("tietoa/") == ("page", {"slug": "tietoa"})


def test_the_reserved_slugs_are_the_routes_first_segments_and_languages():
    assert {
        "organisations", "activities", "places", "partnerships", "municipalities", "themes",
        "audiences", "formats", "expertise", "calendar", "search", "assets", "fi", "sv", "en",
        "404", "sitemap", "robots", "feeds", "data", "accessibility", "privacy", "handout",
        "opendata", "admin"} == RESERVED_PAGE_SLUGS
    for route in ROUTES.values():
        first = route.pattern.split("/")[0]
        if first and "{" not in first:
            assert first.split(".")[0].split("-")[0] in RESERVED_PAGE_SLUGS, route


def test_an_editors_page_cannot_take_a_routes_name(tmp_path):
    from hyteguide.common.problems import ContentError
    from hyteguide.content.load import load_content
    from tests.helpers import make_site

    content = make_site(tmp_path)
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "handout.md").write_text("---\ntitle: Moniste\n---\nTeksti.\n",
                                                  encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content)
    assert any("the page slug 'handout' is used by the site itself" in p.message
               for p in raised.value.problems)


def test_model_paths_and_feeds_follow_the_routes(example_content):
    for organisation in example_content.organisations:
        assert match(path_of(organisation)) == ("organisation", {"slug": organisation.slug})
        for activity in organisation.activities:
            assert match(path_of(activity))[0] == "activity"
    assert feed_path(None) == routes.path_to("region_feed")

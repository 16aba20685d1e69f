"""Issue 19, point 8: a place known only by its address (a street corner, a flat, a park
entrance: 'Kauppakatu 3 B 12') needs no invented name. Without `name`, the address names it,
and pages, the handout and calendar files show the address once."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.feeds.ical import EventContext, location
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.urls import Urls
from tests.conftest import BASE_URL, TODAY
from tests.helpers import ORGANISATION_MD, PLACE_YAML, check, make_site

ADDRESS_ONLY = PLACE_YAML.replace("name: {fi: Keravan pääkirjasto, sv: Kervo huvudbibliotek}\n",
                                  "").replace("Paasikivenkatu 12", "Kauppakatu 3 B 12")


def site(tmp_path, place: str = ADDRESS_ONLY):
    return make_site(tmp_path, {"places/kirjasto.yaml": place,
                                "organisations/yhdistys.md": ORGANISATION_MD})


def test_a_place_without_a_name_loads_named_by_its_address(tmp_path):
    root = site(tmp_path)
    assert check(root) == []
    [place] = load_content(root).places
    assert place.name == place.address and place.name.default == "Kauppakatu 3 B 12"
    assert not place.named


def test_a_named_place_is_unchanged(tmp_path):
    [place] = load_content(site(tmp_path, PLACE_YAML)).places
    assert place.named and place.name.default == "Keravan pääkirjasto"


def pages(tmp_path, templates) -> dict[str, str]:
    guide = derive(load_content(site(tmp_path)), TODAY)
    renderer = Renderer(guide, templates, BASE_URL)
    return {spec.template: renderer.render_page(spec, "fi") for spec in renderer.pages()
            if spec.template in ("place.html", "activity.html", "places.html", "handout.html")}


def test_pages_show_the_address_once(tmp_path, sources):
    """Where a named place shows 'name, address' (or name, then the address below), one known
    by its address shows it once."""
    shown = pages(tmp_path, sources.templates)
    for template, html in shown.items():
        body = html.split("<main", 1)[1]
        assert "Kauppakatu 3 B 12" in body, template
        for line in body.splitlines():
            assert line.count("Kauppakatu 3 B 12") <= 1, (template, line)
    address = shown["place.html"].split('<address class="contact contact--main">')[1]
    assert "Kauppakatu" not in address.split("</address>")[0]  # the h1 says it
    activity = shown["activity.html"].split("<dt>Missä</dt>")[1].split("</dd>")[0]
    assert activity.count("Kauppakatu 3 B 12") == 1, activity


def test_the_calendar_location_says_the_address_once(tmp_path, sources):
    guide = derive(load_content(site(tmp_path)), TODAY)
    [activity] = guide.content.organisations[0].activities
    ctx = EventContext(guide, Urls(BASE_URL, ("fi", "sv", "en")),
                       load_catalogue(sources.templates, "fi"), "fi", ZoneInfo("Europe/Helsinki"),
                       dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "example.org")
    assert location(activity, ctx) == "Kauppakatu 3 B 12, 04200 Kerava"

"""Issue 19, point 6: an activity run by several organisations (a city's youth services and a
club; two associations' joint peer group) is written once, under one organisation, with
`co_organisers`; it is listed on each co-organiser's page and names them all."""

from __future__ import annotations

import json

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.opendata import exports
from hyteguide.web.urls import Urls
from tests.conftest import BASE_URL, TODAY
from tests.helpers import ORGANISATION_MD, check, make_site, organisation

PARTNER = organisation("""\
    name: Keravan Nuorisopalvelut
    summary: Kaupungin nuorisotyö.
    municipalities: [kerava]
    """)


def with_co_organisers(value: str) -> str:
    return ORGANISATION_MD.replace("    format: kohtaamispaikka\n",
                                   f"    format: kohtaamispaikka\n    co_organisers: {value}\n")


def site(tmp_path, value: str = "[nuorisopalvelut]"):
    return make_site(tmp_path, {"organisations/yhdistys.md": with_co_organisers(value),
                                "organisations/nuorisopalvelut.md": PARTNER})


def test_the_guide_knows_both_organisers(tmp_path):
    guide = derive(load_content(site(tmp_path)), TODAY)
    [activity] = guide.activities
    assert [o.slug for o in guide.organisers_of(activity)] == ["yhdistys", "nuorisopalvelut"]
    assert guide.co_organised == {"nuorisopalvelut": (activity,)}


def test_an_unknown_co_organiser_is_an_error_with_a_suggestion(tmp_path):
    root = site(tmp_path, "[nuorisopalvelu]")
    assert check(root) == [
        "content/organisations/yhdistys.md:13:21: error[unknown-reference]: "
        "activities[0].co_organisers[0]: there is no organisation 'nuorisopalvelu' in "
        "organisations/"]


def pages(tmp_path, templates) -> dict[tuple[str, str], str]:
    guide = derive(load_content(site(tmp_path)), TODAY)
    renderer = Renderer(guide, templates, BASE_URL)
    return {(spec.template, spec.path): renderer.render_page(spec, "fi")
            for spec in renderer.pages()
            if spec.template in ("organisation.html", "activity.html")}


def test_the_pages_name_and_list_it(tmp_path, sources):
    shown = pages(tmp_path, sources.templates)
    [activity] = [html for (template, _), html in shown.items() if template == "activity.html"]
    assert ('<p class="organiser">Järjestäjä: <a href="../../../organisations/yhdistys/">'
            'Keravan Yhdistys ry</a> ja <a href="../../../organisations/nuorisopalvelut/">'
            'Keravan Nuorisopalvelut</a></p>') in activity
    partner = next(html for (template, path), html in shown.items()
                   if template == "organisation.html" and "nuorisopalvelut" in path)
    assert 'id="co-organised-heading">Yhteistyössä järjestetty toiminta</h2>' in partner
    assert "Olohuone" in partner.split('id="co-organised-heading"')[1]
    own = next(html for (template, path), html in shown.items()
               if template == "organisation.html" and "yhdistys" in path)
    assert "co-organised-heading" not in own


def test_open_data_and_linked_data_carry_them(tmp_path, sources):
    content = load_content(site(tmp_path))
    guide = derive(content, TODAY)
    urls = Urls(content.site.base_url, content.site.languages)
    files = dict(exports.shared_files(guide, urls))
    [activity] = json.loads(files["opendata/activities.json"])["activities"]
    partner = next(o for o in json.loads(files["opendata/organisations.json"])["organisations"]
                   if o["slug"] == "nuorisopalvelut")
    assert activity["co_organisers"] == [partner["id"]]
    renderer = Renderer(guide, sources.templates, BASE_URL)
    spec = next(s for s in renderer.pages() if s.template == "activity.html")
    page = renderer.render_page(spec, "fi")
    linked = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    organizer = linked["@graph"][0]["organizer"]
    assert [o["name"] for o in organizer] == ["Keravan Yhdistys ry", "Keravan Nuorisopalvelut"]

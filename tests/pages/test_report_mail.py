"""Issue 20, point 7: reporting outdated information needs no GitHub account. Every entry's
page offers an e-mail to the guide's contact, prefilled with the entry's name and its page;
the GitHub issue form and the edit link stay beside it when site.yaml names the repository."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from tests.conftest import BASE_URL, TODAY
from tests.helpers import SITE_YAML, make_site


def links(tmp_path, templates, site_yaml: str = SITE_YAML, lang: str = "fi") -> list:
    """The entry links (text, href) of the activity page."""
    guide = derive(load_content(make_site(tmp_path, {"site.yaml": site_yaml})), TODAY)
    renderer = Renderer(guide, templates, BASE_URL)
    spec = next(s for s in renderer.pages() if s.template == "activity.html")
    soup = BeautifulSoup(renderer.render_page(spec, lang), "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select(".entry-meta__links a")]


def test_an_email_prefilled_with_the_entry_and_its_page(tmp_path, sources):
    [(text, href)] = links(tmp_path, sources.templates)
    assert text == "Ilmoita vanhentuneesta tiedosta sähköpostilla"
    address = urlsplit(href)
    assert (address.scheme, address.path) == ("mailto", "hyte@example.org")
    fields = parse_qs(address.query)
    assert fields["subject"] == ["Vanhentunutta tietoa: Olohuone"]
    [body] = fields["body"]
    assert body.startswith(f"Sivu: {BASE_URL}activities/yhdistys/olohuone/\r\n")
    assert "+" not in address.query  # RFC 6068: spaces are %20


def test_in_swedish(tmp_path, sources):
    [(text, href)] = links(tmp_path, sources.templates, lang="sv")
    assert text == "Meddela föråldrad information per e-post"
    assert parse_qs(urlsplit(href).query)["subject"] == ["Föråldrade uppgifter: Vardagsrummet"]


def test_beside_the_github_links_when_the_repository_is_named(tmp_path, sources):
    found = links(tmp_path, sources.templates,
                  SITE_YAML + "repository: https://github.com/example/guide\n")
    assert [text for text, _ in found] == ["Muokkaa tietoja lomakkeella",  # the form editor
                                           "Ilmoita vanhentuneesta tiedosta sähköpostilla",
                                           "Ilmoita vanhentuneesta tiedosta (GitHub)",
                                           "Muokkaa sivua (GitHub)"]


def test_none_without_a_contact_email(tmp_path, sources):
    site_yaml = SITE_YAML.replace("  email: hyte@example.org\n", "  phone: \"+358 9 123 4567\"\n")
    assert links(tmp_path, sources.templates, site_yaml) == []

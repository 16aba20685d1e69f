"""An activity's own web page (`website`, issue 19): declared once in the schema, checked as a
web address, shown on the activity page only when given."""

from __future__ import annotations

import pytest

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from tests.conftest import BASE_URL, TODAY
from tests.helpers import ORGANISATION_MD, check, hints, make_site

P = "content/organisations/yhdistys.md"
PAGE = "https://olohuone.example.org/ryhmat"


def with_website(value: str) -> str:
    """The helpers' organisation with `website` on its activity (file line 13)."""
    return ORGANISATION_MD.replace("    format: kohtaamispaikka\n",
                                   f"    format: kohtaamispaikka\n    website: {value}\n")


def test_it_loads_as_written(tmp_path):
    content = load_content(make_site(tmp_path, {"organisations/yhdistys.md": with_website(PAGE)}))
    assert content.organisations[0].activities[0].website == PAGE


def test_it_is_optional(tmp_path):
    assert load_content(make_site(tmp_path)).organisations[0].activities[0].website is None


def test_an_address_without_https_is_read_with_it_and_said(tmp_path):
    """As people write addresses ('www.example.org'): taken with https:// added, with a warning
    that names the file, line and field (issue 19)."""
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_website("olohuone.example.org")})
    assert check(root) == []  # no error: the content loads
    content = load_content(root)
    assert content.organisations[0].activities[0].website == "https://olohuone.example.org"
    [warning] = [w.format().split("\n")[0] for w in content.extra.get("warnings", [])]
    assert warning == (f"{P}:13:14: warning[url-without-scheme]: activities[0].website: "
                       "'olohuone.example.org' has no https:// at the start: it is read as "
                       "https://olohuone.example.org")


@pytest.mark.parametrize(("written", "hint"), [
    ("olohuone example org", "write the full address, starting with https://"),
    ("javascript:alert(1)", "write the full address, starting with https://"),
])
def test_check_reads_it_as_a_web_address(tmp_path, written, hint):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_website(written)})
    assert check(root) == [f"{P}:13:14: error[bad-url]: activities[0].website: '{written}' "
                           "is not a web address"]
    assert hints(root) == [hint]


def activity_page(tmp_path, templates, organisation: str) -> str:
    content = make_site(tmp_path, {"organisations/yhdistys.md": organisation})
    renderer = Renderer(derive(load_content(content), TODAY), templates, BASE_URL)
    spec = next(s for s in renderer.pages() if s.template == "activity.html")
    return renderer.render_page(spec, "fi")


def test_the_activity_page_links_it_only_when_given(tmp_path, sources):
    page = activity_page(tmp_path / "with", sources.templates, with_website(PAGE))
    assert f'<a href="{PAGE}">olohuone.example.org/ryhmat</a>' in page
    without = activity_page(tmp_path / "without", sources.templates, ORGANISATION_MD)
    assert "olohuone.example.org" not in without
    assert page.count("<dt>") == without.count("<dt>") + 1

"""What templates see besides their page's data (hyteguide/pages/helpers.py): the parts of pages
rendered once and reused (`once`, the frame's key)."""

from __future__ import annotations

import pytest

from hyteguide.build.render import Renderer
from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.pages import helpers
from hyteguide.pages.helpers import frame_section
from hyteguide.web.dependencies import recording
from tests.conftest import BASE_URL, TODAY
from tests.helpers import make_site

MENU_PAGE = """---
title: Tietoa oppaasta
menu: 1
---
Opas kertoo alueen järjestöistä.
"""


@pytest.mark.parametrize("path, section", [
    ("", ""),
    ("themes/", "themes/"),
    ("themes/liikunta/", "themes/…"),
    ("themes/liikunta/2/", "themes/…"),
    ("activities/yhdistys/kavely/", "activities/…"),
    ("404.html", "404.html"),
    ("search/", "search/"),
])
def test_the_frame_knows_a_page_by_its_top_level_section(path, section):
    assert frame_section(path) == section


def _renderer(content, templates) -> Renderer:
    guide = derive(load_content(content), TODAY)
    return Renderer(guide, templates, BASE_URL)


def test_every_page_is_the_same_with_its_frame_reused_as_made_afresh(sources):
    """Each page of the example region in every language, rendered after many others (the
    header, menus and footer reused) and alone (every part made for it): the same bytes.
    Every template and every top-level section is among them."""
    renderer = _renderer(sources.content, sources.templates)
    specs = list(renderer.pages())
    chosen, seen = [], set()
    for number, spec in enumerate(specs):
        kind = (spec.template, spec.path.partition("/")[0])
        if number % 4 == 0 or kind not in seen:
            chosen.append(spec)
            seen.add(kind)
    assert {spec.template for spec in chosen} == {spec.template for spec in specs}
    reused = {(spec.path, lang): renderer.render_page(spec, lang)
              for spec in chosen for lang in renderer.languages}
    assert len(renderer.fragments) < len(reused)  # three parts a page, most of them reused
    for spec in chosen:
        for lang in renderer.languages:
            renderer.fragments.clear()
            assert renderer.render_page(spec, lang) == reused[(spec.path, lang)], (spec.path, lang)
    renderer.fragments.clear()
    assert renderer.render_not_found().count("<header") == 1


def test_a_reused_part_records_again_what_it_read(tmp_path, sources):
    """The footer lists the menu pages: a page whose footer was made for an earlier page still
    records the menu page's file, so that the build cache makes it again when the title
    changes."""
    content = make_site(tmp_path, {"pages/tietoa.md": MENU_PAGE})
    renderer = _renderer(content, sources.templates)
    spec = next(spec for spec in renderer.pages() if spec.template == "organisation.html")
    found = []
    for _ in range(2):
        with recording() as read:
            page = renderer.render_page(spec, "fi")
        assert "Tietoa oppaasta" in page
        found.append(read)
    assert ("file", "content/pages/tietoa.md") in found[0]
    assert found[1] == found[0]
    assert any(key[1] == "footer" for key in renderer.fragments)


def test_the_parts_kept_are_bounded(monkeypatch, sources):
    """A worker keeps at most FRAGMENTS parts; past that it starts afresh, and pages are the
    same."""
    monkeypatch.setattr(helpers, "FRAGMENTS", 2)
    renderer = _renderer(sources.content, sources.templates)
    specs = list(renderer.pages())[:12]
    pages = [renderer.render_page(spec, "sv") for spec in specs]
    assert len(renderer.fragments) <= 2
    fresh = []
    for spec in specs:
        renderer.fragments.clear()
        fresh.append(renderer.render_page(spec, "sv"))
    assert pages == fresh

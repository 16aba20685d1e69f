"""What a built page must not have from content, as the end-to-end corpus tests check it: a
script other than the site's own, a forbidden element (iframe, object, embed, base, form …), an
event handler attribute, or a javascript:, data: or vbscript: URL in a URL attribute."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from hyteguide.build.pipeline import build
from hyteguide.common.problems import ContentError, Problem
from hyteguide.content.load import load_content
from tests.conftest import TEMPLATES
from tests.e2e.test_e2e_hostile import (
    DANGEROUS_SCHEMES,
    FORBIDDEN_IN_BODY,
    URL_ATTRIBUTES,
    linked_data,
    normalised,
    own_form,
    own_noscript,
    own_qr_code,
    own_script,
)
from tests.helpers import make_site


def active_parts(name: str, soup: BeautifulSoup) -> list[str]:
    """Each active part of the page `name` (site-relative) not of the site's own making."""
    found = [f"{name}: {s}" for s in soup.find_all("script")
             if not own_script(name, s) and not linked_data(s)]
    found += [f"{name}: <{e.name}>" for e in (soup.body.find_all(FORBIDDEN_IN_BODY)
                                              if soup.body else [])
              if not own_form(name, e) and not own_noscript(name, e)]
    for element in soup.find_all(True):
        if own_qr_code(element):
            continue
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{name}: <{element.name} {attribute}>")
            for item in value if isinstance(value, list) else [value]:
                if attribute.lower() in URL_ATTRIBUTES and \
                        normalised(item).startswith(DANGEROUS_SCHEMES):
                    found.append(f"{name}: <{element.name} {attribute}={item!r}>")
    return found


def build_what_loads(tmp: Path, files: dict[str, str], today: dt.date, base_url: str
                     ) -> tuple[Path, Path, list[Problem]]:
    """A content folder of files (over the minimal site) in tmp, and the site built into
    tmp/site from what loads: every problem loading found is returned, and the files with
    errors are left out of the build, as a maintainer would after reading them."""
    root = make_site(tmp, files)
    try:
        found = list(load_content(root, today).extra.get("warnings", ()))
    except ContentError as err:
        found = list(err.problems)
    for path in {p.path for p in found if p.severity == "error"}:
        (root.parent / path).unlink()
    output = tmp / "site"
    build(root, TEMPLATES, output, today=today, base_url=base_url)
    return root, output, found

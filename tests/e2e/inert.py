"""What a built page must not have from content, as the end-to-end corpus tests check it: a
script other than the site's own, a forbidden element (iframe, object, embed, base, form …), an
event handler attribute, or a javascript:, data: or vbscript: URL in a URL attribute."""

from __future__ import annotations

from bs4 import BeautifulSoup

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

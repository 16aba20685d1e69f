"""Editors' Markdown → safe HTML: rendered by `markdown`, then sanitised by `nh3` (ammonia).

Whatever an editor writes, no script, event handler, style or `javascript:` URL reaches the site.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "span",
        "abbr", "del", "sup", "sub", "dl", "dt", "dd"}
ATTRIBUTES = {"a": {"href", "title", "hreflang", "lang"}, "abbr": {"title"}, "span": {"lang"},
              "p": {"lang"}, "blockquote": {"lang"}, "th": {"scope"}, "li": {"lang"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def render_markdown(text: str, top_level: int = 2) -> str:
    """Markdown to sanitised HTML; the body's highest heading becomes `top_level` (h2)."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = nh3.clean(html, tags=TAGS | {"h1"}, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True).strip()
    # Shift only after sanitising, so headings in removed parts (comments) do not count.
    levels = [int(m.group(2)) for m in _HEADING.finditer(html)]
    if levels:
        shift = top_level - min(levels)
        html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)
    return html


_TAG = re.compile(r"<[^>]*>")


def plain_text(safe_html: str) -> str:
    """The words of sanitised HTML (from render_markdown), for the search index."""
    return " ".join(html.unescape(_TAG.sub(" ", safe_html)).split())

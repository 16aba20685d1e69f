"""Editors' Markdown → safe HTML: rendered by `markdown`, then sanitised by `nh3` (ammonia).

Whatever an editor writes, no script, event handler, style or `javascript:` URL reaches the site,
and the result is valid HTML (raw HTML that breaks the content model is put right).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import DoubleTagInlineProcessor, SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor

from hyteguide.common.links import valid_url, web_host_problem
from hyteguide.common.text import html_text
from hyteguide.web.memo import remembered

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "code", "pre", "hr", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "span", "abbr", "del", "sup", "sub", "dl", "dt", "dd"}
ATTRIBUTES = {"a": {"href", "title", "hreflang", "lang"}, "abbr": {"title"}, "span": {"lang"},
              "p": {"lang"}, "blockquote": {"lang"}, "li": {"lang"}}
ATTRIBUTE_VALUES = {"th": {"scope": {"row", "col", "rowgroup", "colgroup"}}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Primary language subtags a `lang` or `hreflang` may have (the checker knows the IANA registry;
# an unknown or malformed tag is dropped): ISO 639-1, and languages of Finland without one.
_LANGUAGE_SUBTAGS = """
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id
ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu
lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu
rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr
ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
fse fss smn sms sma smj rmf krl fit
"""
LANGUAGE_SUBTAGS = set(_LANGUAGE_SUBTAGS.split())
_LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9-]*)?")


def _attribute(element: str, attribute: str, value: str) -> str | None:
    """Attribute values the checker accepts: a known language (its primary subtag); a URL with
    its spaces and other characters that must be escaped percent-encoded (a telephone number
    without spaces)."""
    if attribute in ("lang", "hreflang"):
        if not value.strip():  # lang="": the language is unknown
            return "" if attribute == "lang" else None
        found = _LANGUAGE_TAG.fullmatch(value.strip())
        primary = found.group(1).lower() if found else None
        return primary if primary in LANGUAGE_SUBTAGS else None
    if attribute == "href":
        value = value.strip()
        if value[:4].lower() == "tel:":
            value = re.sub(r"\s", "", value)
        if web_host_problem(value):  # a host hidden behind a user name, an IP address, …:
            return None  # the link's text stays, without the link
        return valid_url(value)
    return value


# -- text as editors write it ---------------------------------------------------------------------
# Editors write text, not Markdown (issue 19): a line break is a line break (the nl2br extension),
# a list may follow a line of text directly, and a `*` used as a footnote mark ("5 €*", "Kurssi*")
# must not start emphasis. Emphasis follows CommonMark's flanking idea, kept to one line (as in
# Zulip and pandoc): an opening `*`, `**`, `_` or `__` follows the start of the line, a space or
# a punctuation mark (never a letter, digit or symbol such as €) and is followed by a character
# that is neither a space nor closing punctuation; a closing one follows a character that is not
# a space, and a closing `_` is not followed by a letter (snake_case stays as it is).

_PUNCTUATION = "".join(chr(c) for c in range(0x10000)
                       if unicodedata.category(chr(c)).startswith("P") and chr(c) not in "*_")
_BEFORE_OPENING = re.escape(_PUNCTUATION) + r"\s\x03"  # \x03 ends a stashed link or code
_AFTER_OPENING = r"\s)\]},.;:!?"
_BEFORE_CLOSING = r"\s(\[{"
# The longest emphasised text: each star that opens nothing is looked past this far (to the end
# of its line, without a limit, a long line of stars took time growing with its square).
_LONGEST = 300


def _emphasis(mark: str, count: int) -> str:
    """The pattern of a run of `count` marks around text on one line: group 2 is the text."""
    run = re.escape(mark) * count
    after = r"(?![\w_])" if mark == "_" else r"(?!\*)"
    return (rf"(?<![^{_BEFORE_OPENING}])({run})(?![{_AFTER_OPENING}{re.escape(mark)}])"
            rf"([^\n]{{1,{_LONGEST}}}?)(?<![{_BEFORE_CLOSING}{re.escape(mark)}]){run}{after}")


# Only `- ` items: a line of `* ` may be a footnote ("* jäsenille"), one of `9. ` a date
# ("9. tammikuuta"); after a blank line both are list items, as in any Markdown.
_LIST_ITEM = re.compile(r"-\s+\S")
_UNINDENTED = re.compile(r"[^\s>|]")  # not code, a quotation or a table row


class ItemsAfterText(Preprocessor):
    """A blank line put between a line of text and a `- ` list item after it, and
    between an item and an unindented line of text after it: editors write a list right under
    its heading line and go on with the text right after it, and mean a list and a paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            previous = out[-1] if out else ""
            item, was_item = _LIST_ITEM.match(line), _LIST_ITEM.match(previous)
            if (_UNINDENTED.match(previous) and _UNINDENTED.match(line)
                    and bool(item) != bool(was_item)):
                out.append("")
            out.append(line)
        return out


class EditorsText(Extension):
    """Markdown read as editors write text: see the comment above."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        """Replace the emphasis processors; add the list rule after raw HTML is set aside."""
        for name in ("em_strong", "em_strong2"):  # ("em_strong2": Markdown before 3.11)
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        for priority, count, tag in ((63, 3, "strong,em"), (61, 2, "strong"), (59, 1, "em")):
            for mark, lower in (("*", 0.0), ("_", 0.5)):
                make = DoubleTagInlineProcessor if "," in tag else SimpleTagInlineProcessor
                md.inlinePatterns.register(make(_emphasis(mark, count), tag),
                                           f"emphasis{count}{mark}", priority - lower)
        md.preprocessors.register(ItemsAfterText(md), "items_after_text", 15)


@functools.cache
def _converter() -> markdown.Markdown:
    """One Markdown converter, reset before each text (making one took half of the time of
    converting a short text; the converter keeps nothing between texts after reset())."""
    return markdown.Markdown(extensions=["tables", "sane_lists", "nl2br", EditorsText()],
                             output_format="html")


def render_markdown(text: str, top_level: int = 2) -> str:
    """Markdown to sanitised, valid HTML; the body's highest heading becomes `top_level` (h2),
    and no heading is more than one level below the one before it (see conform)."""
    html = _converter().reset().convert(text)
    html = nh3.clean(html, tags=TAGS | {"h1"}, attributes=ATTRIBUTES,
                     tag_attribute_values=ATTRIBUTE_VALUES, attribute_filter=_attribute,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer",
                     strip_comments=True).strip()
    return conform(html, top_level)


_TAG = re.compile(r"<[^>]*>")


def plain_text(safe_html: str) -> str:
    """The words of sanitised HTML (from render_markdown), for the search index."""
    return " ".join(html.unescape(_TAG.sub(" ", safe_html)).split())


def words_of(text: str) -> str:
    """The words of a Markdown text as the site shows it (plain_text of render_markdown); a
    build cache remembers them (memo.py)."""
    return remembered("words", text, lambda: plain_text(render_markdown(text)))


# -- the content model ----------------------------------------------------------------------------
# The sanitiser keeps allowed elements where the HTML parser put them, so raw HTML in Markdown can
# still break the content model (<li> outside a list, <p> in a heading, a <dt> without <dd>, a
# late <caption>, an empty <tr>), which makes the page invalid. conform() puts that right on a
# small tree of the sanitised HTML; HTML that is already valid is returned unchanged.

_VOID = {"br", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PHRASING = {"strong", "em", "b", "i", "a", "code", "span", "abbr", "del", "sup", "sub", "br"}
_PHRASING_ONLY = {"p", "pre", "strong", "em", "b", "i", "code", "span", "abbr", "sup", "sub",
                  "caption"} | _HEADINGS  # (<a> and <del> take the content model of their parent)


class _Element:
    __slots__ = ("attrs", "children", "name")

    def __init__(self, name: str, attrs: list[tuple[str, str | None]]):
        self.name, self.attrs = name, attrs
        self.children: list[_Element | str] = []


class _Tree(HTMLParser):
    """The sanitiser's output (balanced, every element closed) as a tree of _Element and str."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = _Element("", [])
        self.stack = [self.root]
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _serialise(nodes: list) -> str:
    """As the sanitiser (html5ever) writes HTML."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node.replace("&", "&amp;").replace("\xa0", "&nbsp;")
                       .replace("<", "&lt;").replace(">", "&gt;"))
            continue
        attrs = "".join(f' {name}="' + (value or "").replace("&", "&amp;")
                        .replace("\xa0", "&nbsp;").replace('"', "&quot;") + '"'
                        for name, value in node.attrs)
        out.append(f"<{node.name}{attrs}>")
        if node.name not in _VOID:
            out.append(_serialise(node.children) + f"</{node.name}>")
    return "".join(out)


def _blank(node: object) -> bool:
    return isinstance(node, str) and not node.strip()


def _wrap(nodes: list, name: str, keep: Callable[[object], bool]) -> list:
    """Each run of nodes that keep(node) refuses (with blank text between them) wrapped in a new
    element `name`."""
    out: list = []
    run: list = []

    def flush() -> None:
        trailing: list[_Element | str] = []
        while run and _blank(run[-1]):
            trailing.insert(0, run.pop())
        if run:
            element = _Element(name, [])
            element.children = run[:]
            out.append(element)
        out.extend(trailing)
        run.clear()

    for node in nodes:
        if _blank(node) and run:
            run.append(node)
        elif _blank(node) or keep(node):
            flush()
            out.append(node)
        else:
            run.append(node)
    flush()
    return out


def _named(*names: str) -> Callable[[object], bool]:
    return lambda node: isinstance(node, _Element) and node.name in names


def _grouped(children: list) -> bool:
    """Whether the children of a <dl> are groups of <dt>s each followed by <dd>s, only."""
    items = "".join("t" if _named("dt")(c) else "d" if _named("dd")(c) else "x"
                    for c in children if not _blank(c))
    return re.fullmatch(r"(t+d+)*", items) is not None


def _fix(element: _Element, phrasing: bool, headings: bool) -> None:
    """Put element's subtree into the content model. phrasing: only phrasing content may be in
    it (other elements are unwrapped); headings: whether headings may be (not in <dt>, <th>)."""
    children: list = []
    for child in element.children:
        if isinstance(child, _Element) and (
                (phrasing and child.name not in _PHRASING) or
                (not headings and child.name in _HEADINGS)):
            holder = _Element("", [])  # unwrap: keep its content, as phrasing content
            holder.children = child.children
            _fix(holder, True, headings)
            children.extend([*holder.children, " "] if child.name not in _VOID else [])
        else:
            children.append(child)
    name = element.name
    if name == "dl" and not _grouped(children):
        name = element.name = "ul"  # dt and dd out of order: a plain list of them
        for child in children:
            if isinstance(child, _Element) and child.name in ("dt", "dd"):
                child.name = "li"
    if name in ("ul", "ol"):  # anything but <li> in a list goes into an <li>
        children = _wrap(children, "li", _named("li"))
    elif not phrasing and name not in ("dl", "table", "thead", "tbody", "tr"):
        # items outside their list: a run of <li> becomes a <ul>, of <dt> and <dd> a <dl>
        children = _wrap(children, "ul", lambda c: not _named("li")(c))
        children = _wrap(children, "dl", lambda c: not _named("dt", "dd")(c))
    if name == "table":
        captions = [c for c in children if isinstance(c, _Element) and c.name == "caption"]
        first = next((c for c in children if not _blank(c)), None)
        if len(captions) > 1 or (captions and first is not captions[0]):
            for extra in captions[1:]:
                captions[0].children += [" ", *extra.children]
            children = [captions[0], *(c for c in children if c not in captions)]
    if name == "a" and not any(attr == "href" for attr, _ in element.attrs):
        element.attrs = [(a, v) for a, v in element.attrs if a != "rel"]  # rel needs an href
    if name in ("table", "thead", "tbody"):  # a row without cells is an error
        children = [c for c in children if not _named("tr")(c) or any(
            _named("td", "th")(cell) for cell in c.children)]
    element.children = children
    for child in children:
        if isinstance(child, _Element):
            _fix(child, phrasing or child.name in _PHRASING_ONLY,
                 headings and child.name not in ("dt", "th"))


def _levels(element: _Element, above: list[tuple[int, int]], top_level: int) -> None:
    """Each heading one level below the nearest shallower heading before it (top_level if none);
    above: (written level, shown level) of the headings before, in document order."""
    for child in element.children:
        if isinstance(child, _Element):
            if child.name in _HEADINGS:
                written = int(child.name[1])
                while above and above[-1][0] >= written:
                    above.pop()
                above.append((written, min(6, above[-1][1] + 1 if above else top_level)))
                child.name = f"h{above[-1][1]}"
            _levels(child, above, top_level)


def conform(safe_html: str, top_level: int = 2) -> str:
    """Sanitised HTML made to fit the HTML content model, with its headings from `top_level`
    down without skipping a level (unchanged if it fits already)."""
    safe_html = html_text(safe_html)  # e.g. from "&#14;": only in text and attribute values
    tree = _Tree(safe_html).root
    before = _serialise(tree.children)
    _fix(tree, False, True)
    _levels(tree, [], top_level)
    after = _serialise(tree.children)
    return safe_html if after == before else after

"""Untrusted HSDS text → clean text: HTML stripped (lists kept as lines), characters that YAML
or HTML do not allow removed, and for Markdown fields every remaining markup sign escaped.

Nothing an HSDS package holds can become markup on the site: tags are dropped here (the
site's Markdown renderer also sanitises), `<` and link brackets are escaped in Markdown.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from hyteguide.common.text import content_text

_BREAK_BEFORE = {"p", "div", "br", "ul", "ol", "tr", "table", "section", "article", "blockquote",
                 "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "hr", "pre"}
_BREAK_AFTER = _BREAK_BEFORE - {"br", "hr"} | {"li"}
_DROPPED = {"script", "style", "template", "noscript", "iframe", "object", "textarea", "title",
            "svg", "math", "select", "head"}
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
# Words written with a period that ends no sentence (compared without their periods, in lower
# case): Finnish, Swedish and English abbreviations, titles and weekdays.
_ABBREVIATIONS = {
    "esim", "mm", "ns", "jne", "yms", "ym", "klo", "ks", "vrt", "puh", "ry", "rf", "os", "nro",
    "n", "s", "krs", "ma", "ti", "ke", "to", "pe", "la", "su", "tri", "prof", "ca", "noin",
    "tex", "bla", "sk", "osv", "kl", "dvs", "tel", "fd", "mån", "tis", "ons", "tors", "fre",
    "lör", "sön", "eg", "ie", "etc", "vs", "no", "nr", "st", "ave", "dept", "approx", "mr",
    "mrs", "ms", "dr", "jr", "sr", "rev", "mt", "ft", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s)")


class _Text(HTMLParser):
    """The text of HTML: block elements become line breaks, list items '- ' lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BREAK_BEFORE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BREAK_AFTER:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def clean_text(value: str) -> str:
    """Plain text lines of a (possibly HTML) value, with no character YAML would refuse."""
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", value))
    if "<" in text or "&" in text:
        parser = _Text()
        parser.feed(text)
        parser.close()
        text = _LINE_BREAKS.sub("\n", "".join(parser.parts))
    text = content_text(text).replace("\t", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return re.sub(r"(?m)^(- .*)\n\n(?=- )", r"\1\n", text)  # a list stays one list


def one_line(value: str) -> str:
    """Clean text on a single line (names, titles, roles)."""
    return " ".join(clean_text(value).split())


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence of a text (for `summary`: one sentence), cut at a word if long."""
    flat = " ".join(text.split())
    for match in _SENTENCE_END.finditer(flat):
        if _ends_sentence(flat, match):
            flat = flat[:match.end()]
            break
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:- ") + "…"


def _ends_sentence(flat: str, match: re.Match[str]) -> bool:
    """Whether the mark at match ends a sentence: the next word does not go on in lower case,
    and a period does not end an abbreviation ("esim.", "Jr.", "t.ex."), an initial ("J.") or
    a date ("1.9.")."""
    after = flat[match.end():].lstrip()
    if after[:1].islower():
        return False
    if flat[match.start()] != ".":
        return True
    word = re.findall(r"[\w.]+$", flat[:match.start()])
    if not word:
        return True
    word_ = word[0].strip(".")
    return not ("." in word_ or word_.lower() in _ABBREVIATIONS
                or re.fullmatch(r"[^\W\d_]", word_) and word_.isupper())


def markdown_text(text: str) -> str:
    """Clean text as Markdown that shows it literally: no tags, links, images or headings."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"&(?=#?\w+;)", "&amp;", line).replace("<", "&lt;")
        line = line.replace("[", "\\[").replace("]", "\\]")
        if line.startswith("#"):
            line = "\\" + line
        elif re.fullmatch(r"[-=*_ ]{3,}", line) and lines and lines[-1]:
            lines.append("")  # not the underline of a heading
        lines.append(line)
    return "\n".join(lines)

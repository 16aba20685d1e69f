"""Safe text: which characters each format cannot carry, in one place.

Editors' texts may hold characters a format forbids (a control character pasted from a word
processor, "&#14;" in Markdown). Each output drops them as its format requires, and the formats
differ, so each has its own set here: iCalendar TEXT, XML 1.0 (Atom), an HTML document, and
what content files take from an import (neither YAML nor HTML allows it, or it is an invisible
direction override).
"""

from __future__ import annotations

import re

# U+FDD0…U+FDEF and the last two code points of each plane: never characters.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
# iCalendar TEXT allows no control character but TAB (and line breaks, escaped as \n).
NOT_IN_ICAL_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# XML 1.0: no C0 controls other than tab and line breaks, no surrogates, no U+FFFE/F.
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# An HTML document: no controls (but whitespace) and no noncharacters.
NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f" + NONCHARACTERS + "]")
# Content files: what neither YAML nor HTML allows, a byte order mark, direction overrides.
NOT_IN_CONTENT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff"
                            "\u202a-\u202e\u2066-\u2069" + NONCHARACTERS + "]")


def lf_lines(text: str) -> str:
    """Line breaks as LF: CRLF and a lone CR each become one LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def ical_text(text: str) -> str:
    """Text safe for an iCalendar TEXT value: line breaks as LF (escaped when written), no
    control characters."""
    return NOT_IN_ICAL_TEXT.sub("", lf_lines(text))


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry."""
    return NOT_IN_XML.sub("", text)


def html_text(text: str) -> str:
    """Text (or serialised HTML) without the characters an HTML document may not contain."""
    return NOT_IN_HTML.sub("", text)


def content_text(text: str) -> str:
    """Text without the characters a content file may not hold."""
    return NOT_IN_CONTENT.sub("", text)

"""Writing hyteguide's YAML by hand, line by line, as an editor would (flow lists, plain
scalars where YAML reads them back as the same text), and the slugs of names."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence

_NOT_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@` ")
_NULLS = {"", "~", "null", "Null", "NULL"}


def yq(text: str) -> str:
    """A scalar in block context: plain when YAML reads it back as the same text, else quoted."""
    if (text and text[0] not in _NOT_PLAIN_START and not text[-1].isspace()
            and ": " not in text and " #" not in text and not text.endswith(":")
            and "\n" not in text and "\t" not in text and text not in _NULLS):
        return text
    return json.dumps(text, ensure_ascii=False)


def yf(text: str) -> str:
    """A scalar inside a flow collection ({…} or […])."""
    if any(c in text for c in ",[]{}:#"):
        return json.dumps(text, ensure_ascii=False)
    return yq(text)


def flow_list(items: Iterable[object]) -> str:
    """`[a, b, c]` of items already written as YAML."""
    return "[" + ", ".join(str(i) for i in items) + "]"


def text_field(key: str, texts: dict[str, str], indent: str, flow: bool = False) -> list[str]:
    """`key: text` for a Finnish-only text, else the languages as a mapping."""
    if list(texts) == ["fi"]:
        return [f"{indent}{key}: {yq(texts['fi'])}"]
    if flow:
        inner = ", ".join(f"{lang}: {yf(value)}" for lang, value in texts.items())
        if len(inner) < 90:
            return [f"{indent}{key}: {{{inner}}}"]
    return [f"{indent}{key}:"] + [f"{indent}  {lang}: {yq(value)}"
                                  for lang, value in texts.items()]


def block_text(lines: list[str], key: str, text: str, indent: str) -> None:
    """A multi-line text as a literal block scalar `key: |`."""
    lines.append(f"{indent}{key}: |")
    lines.extend(f"{indent}  {line}" if line else "" for line in text.rstrip("\n").split("\n"))


def slugify(text: str) -> str:
    """ASCII lower case and hyphens: "Järvenpään Kipinä" → "jarvenpaan-kipina"."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def join_words(words: Sequence[str], conjunction: str) -> str:
    """"a, b and c" with the language's conjunction."""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {conjunction} {words[-1]}"

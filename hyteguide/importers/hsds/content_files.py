"""Writing content files as editors write them, and proving that the loader reads them back.

A small YAML emitter for the shapes content files have (mappings, lists, texts): a text is
written plain only when YAML reads it back as that very text and an editor would not mistake
it for something else (`no`, `12:00`, `2026-01-01`, `- x`, `a: b` are quoted). Every file is
composed again with the project's own parser before it is written (`verify`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from hyteguide.content.yamlsource import parse_yaml, split_front_matter


class Quoted(str):
    """A text always written in double quotes (times, phone numbers, postal codes)."""


class Block(str):
    """Markdown text: a literal block (`|-`, no final line break) when it has several lines."""


class Flow(list):
    """A list written on one line, [a, b], when all its items allow it."""


_RESOLVER = yaml.resolver.Resolver()
_NUMBER_12 = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                        r"|0x[0-9a-fA-F]+|0o[0-7]+")
_LOOKALIKES = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "kyllä", "ei"}


def is_plain(value: str, flow: bool = False) -> bool:
    """Whether a text can be written without quotes and read back as the same text."""
    if not value or value != value.strip() or isinstance(value, Quoted):
        return False
    if not (value[0].isalnum() or value[0] in "(/+") or not value.isprintable():
        return False
    if ": " in value or " #" in value or value.endswith(":") or value.lower() in _LOOKALIKES:
        return False
    if flow and any(c in value for c in ",[]{}"):
        return False
    if _NUMBER_12.fullmatch(value):  # a number to YAML 1.2 readers (1.5e3, 0o17)
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return tag == "tag:yaml.org,2002:str"


def quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's too)."""
    text = json.dumps(str(value), ensure_ascii=False)
    for char in "\x85\u2028\u2029\ufeff":  # line breaks and a BOM to YAML, not to JSON
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def scalar(value: Any, flow: bool = False) -> str:
    """One value as YAML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if is_plain(value, flow) else quote(value)


def dump(data: dict[str, Any]) -> str:
    """A mapping as block-style YAML; None values are left out."""
    return "".join(line + "\n" for line in _mapping(data, 0))


def _mapping(data: dict[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        if value is not None:
            lines += _entry(f"{' ' * indent}{key}:", value, indent)
    return lines


def _entry(prefix: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, dict):
        return [prefix + " {}"] if not value else [prefix, *_mapping(value, indent + 2)]
    if isinstance(value, list):
        if isinstance(value, Flow) and all(_flowable(item) for item in value) or not value:
            return [f"{prefix} [{', '.join(scalar(item, flow=True) for item in value)}]"]
        return [prefix, *(line for item in value for line in _item(item, indent + 2))]
    if isinstance(value, Block) and "\n" in value:
        return [prefix + " |-", *(f"{' ' * (indent + 2)}{line}" if line else ""
                                 for line in value.split("\n"))]
    return [f"{prefix} {scalar(value)}"]


def _flowable(item: Any) -> bool:
    return not isinstance(item, (dict, list)) and (
        not isinstance(item, str) or isinstance(item, Quoted) or is_plain(item, flow=True))


def _item(item: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(item, dict):
        lines = _mapping(item, indent + 2)
        return [pad + "- " + lines[0][indent + 2:], *lines[1:]]
    return [f"{pad}- {scalar(item)}"]


def front_matter_file(data: dict[str, Any], body: str | None) -> str:
    """An organisation file: the front matter between `---` lines, then the Markdown body."""
    return "---\n" + dump(data) + "---\n" + (body.rstrip("\n") + "\n" if body else "")


# -- reading back ----------------------------------------------------------------------------

def expected(value: Any) -> Any:
    """What the loader's YAML composer gives for a value we write (every scalar is text)."""
    if isinstance(value, dict):
        return {k: expected(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [expected(v) for v in value]
    return scalar(value) if isinstance(value, (bool, int, float, dt.date)) else str(value)


def _composed(node: yaml.Node | None) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {k.value: _composed(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_composed(v) for v in node.value]
    return None if node is None else node.value


class RoundTripError(Exception):
    """The written text would not read back as the data (a bug in this module)."""


def verify(path: str, text: str, data: dict[str, Any], body: str | None = None,
           markdown: bool = False) -> None:
    """Raise RoundTripError unless the project's loader reads `text` back as data (and body)."""
    if markdown:
        parsed, problems = split_front_matter(path, text)
        document = parsed.document if parsed else None
        read_body = parsed.body.strip("\n") if parsed else None
        if read_body != (body or "").strip("\n"):
            raise RoundTripError(f"{path}: the body does not read back as written")
    else:
        document, problems = parse_yaml(path, text)
    read = {} if document is not None and document.root is None else \
        _composed(document.root) if document is not None else None
    if document is None or problems or read != expected(data):
        raise RoundTripError(f"{path}: the YAML does not read back as written "
                             f"({problems[0].message if problems else 'values differ'})")

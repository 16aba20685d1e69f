"""Reading YAML as a tree of nodes that remember where they stand in the file.

We compose YAML with PyYAML but never let it guess types: `10:30`, `NO` and `+358 40`
stay the text the editor wrote. The schema (fields.py) gives each value its type.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from hyteguide.common.problems import Problem


@dataclass(frozen=True)
class Source:
    """A file as editors see it, and where a part of it starts (1-based)."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Document:
    """The YAML of one file (or of its front matter), parsed to nodes."""

    path: str
    root: yaml.Node | None
    line_offset: int = 0

    def source(self, node: yaml.Node | None) -> Source:
        if node is None or node.start_mark is None:
            return Source(self.path, self.line_offset + 1, 1)
        mark = node.start_mark
        return Source(self.path, mark.line + 1 + self.line_offset, mark.column + 1)


@dataclass(frozen=True)
class FrontMatterFile:
    """A Markdown file split into its front matter document and its body."""

    document: Document
    body: str
    body_line: int


# libyaml (C) composes many times faster than pure Python. Errors are rare, so a file that fails
# is parsed again in pure Python, whose messages and positions are the more helpful ones.
_C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
         yaml.MappingNode: "tag:yaml.org,2002:map"}


class _FastLoader(_C_LOADER):  # type: ignore[misc, valid-type]
    """libyaml's composer; every scalar is tagged a string without PyYAML's type guessing (a
    Python call per scalar, and the fields convert the text themselves anyway)."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _TAGS[kind]


class _Loader(yaml.SafeLoader):
    """PyYAML's safe composer without aliases: `*name` could expand a small file enormously."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not supported",
                                              event.start_mark)
        return super().compose_node(parent, index)


def _compose(text: str) -> yaml.Node | None:
    """Compose fast; on any error, or any alias, let the pure-Python loader report it."""
    try:
        # An alias needs a '*': only then are the events looked through for one.
        if "*" not in text or not any(isinstance(e, yaml.AliasEvent)
                                      for e in yaml.parse(text, Loader=_C_LOADER)):
            return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        pass
    return yaml.compose(text, Loader=_Loader)


def _normalise(text: str) -> str:
    """Drop a BOM, unify line ends, and compose characters (NFC) so 'ä' is always one 'ä'."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def parse_yaml(path: str, text: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Compose YAML text into nodes; a syntax error becomes a Problem at its position."""
    try:
        root = _compose(_normalise(text))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "end of stream" in str(err.problem):
            mark = err.context_mark  # an unclosed quote: point at where it opened
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        message = " ".join(str(x) for x in (err.context, err.problem) if x)
        return None, [Problem(path, line, col, "yaml-syntax", "", f"YAML syntax error: {message}",
                              _syntax_hint(err))]
    except yaml.YAMLError as err:  # e.g. a control character that YAML does not allow
        return None, [Problem(path, 1 + line_offset, 1, "yaml-syntax", "",
                              f"YAML syntax error: {err}", "remove special characters")]
    surrogates = [Problem(path, node.start_mark.line + 1 + line_offset,
                          node.start_mark.column + 1, "invalid-character", field,
                          "this text has half of a character (an escape such as \\ud83d, a "
                          "lone surrogate), which cannot be shown",
                          "write the character itself (🙂), or one escape for it (\\U0001F642)")
                  for node, field in (_scalars(root, "") if "\\" in text else ())
                  if _SURROGATE.search(node.value)]  # only an escape (\ud83d) makes one
    if surrogates:
        return None, surrogates
    return Document(path, root, line_offset), []


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scalars(node: yaml.Node | None, field: str) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Every scalar below node, keys included, in document order, with the key it is under."""
    if isinstance(node, yaml.ScalarNode):
        yield node, field
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, field)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else field
            yield from _scalars(key, name)
            yield from _scalars(value, name)


def _syntax_hint(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "") + " " + (err.context or "")
    if "aliases" in problem:
        return "write the value out in full instead of using anchors (&name) and aliases (*name)"
    if "tab" in problem or "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put quotes around a text that contains ': ' (a colon and a space)"
    if "expected a single document" in problem:
        return "a line '---' ends the front matter; only one YAML document is allowed"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put quotes around a text that starts with @ or `"
    if "could not find expected ':'" in problem:
        return "write each field as 'key: value'; check indentation and quotes on the line above"
    return "check indentation (spaces only) and put quotes around texts with special characters"


def split_front_matter(path: str, text: str) -> tuple[FrontMatterFile | None, list[Problem]]:
    """Split `---` front matter from the Markdown body and parse it."""
    lines = _normalise(text).split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [Problem(path, 1, 1, "front-matter", "",
                              "the file must start with a line '---' that opens the front matter",
                              "put '---' on the first line, the YAML fields, then '---' again")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return None, [Problem(path, 1, 1, "front-matter", "", "the front matter is not closed",
                              "add a line '---' after the last YAML field")]
    yaml_text = "\n".join(lines[1:index])
    document, problems = parse_yaml(path, yaml_text, line_offset=1)
    if document is None:
        return None, problems
    body = "\n".join(lines[index + 1:])
    return FrontMatterFile(document, body, index + 2), problems

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


# No entry needs more than a dozen levels; a file nested a thousand deep (hostile or broken)
# would exhaust Python's recursion in the composer and in every walk over its nodes.
MAX_DEPTH = 64


def _too_deep(mark: yaml.Mark | None) -> yaml.composer.ComposerError:
    return yaml.composer.ComposerError(
        None, None, f"the lists and mappings here are nested more than {MAX_DEPTH} levels deep",
        mark)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe composer without aliases (`*name` could expand a small file enormously)
    and at most MAX_DEPTH levels deep (it recurses once per level)."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not supported",
                                              event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _too_deep(self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# The tags a composed node may have: what plain YAML gives (every scalar is read as text and
# each field converts it). An explicit tag (!!binary, !!python/…, !custom) would be read as
# text without a word.
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq",
                         "tag:yaml.org,2002:map", "tag:yaml.org,2002:null",
                         "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                         "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"})


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") \
        else tag


def _checked(root: yaml.Node | None) -> yaml.Node | None:
    """root, after making sure no node is more than MAX_DEPTH levels deep (without recursion:
    libyaml composes deeper files than Python can walk) and every key is a plain scalar (YAML
    allows `? [a, b]: c`; no field is named by a list)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(node.start_mark if node is not None else None)
        if node is not None and node.tag not in _PLAIN_TAGS:
            raise yaml.composer.ComposerError(
                None, None, f"the tag '{_short_tag(node.tag)}' is not supported",
                node.start_mark)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise yaml.composer.ComposerError(
                        None, None, "a list or mapping is used as a key (`? …`)", key.start_mark)
                stack.append((value, depth + 1))
    return root


def _compose(text: str) -> yaml.Node | None:
    """Compose fast; on any error, or any alias, let the pure-Python loader report it."""
    try:
        # An alias needs a '*': only then are the events looked through for one.
        if "*" not in text or not any(isinstance(e, yaml.AliasEvent)
                                      for e in yaml.parse(text, Loader=_C_LOADER)):
            return _checked(yaml.compose(text, Loader=_FastLoader))
    except (yaml.YAMLError, RecursionError):
        pass
    return _checked(yaml.compose(text, Loader=_Loader))


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
    # Only an escape ("\ud83d", "\x01", "\0") makes these: YAML refuses them written raw,
    # except NEL (U+0085).
    unshowable = [Problem(path, node.start_mark.line + 1 + line_offset,
                          node.start_mark.column + 1, "invalid-character", field,
                          *unshowable_character(node.value))
                  for node, field in (_scalars(root, "") if "\\" in text or "\x85" in text
                                      else ())
                  if _UNSHOWABLE.search(node.value)]
    if unshowable:
        return None, unshowable
    return Document(path, root, line_offset), []


_SURROGATE = re.compile("[\ud800-\udfff]")
# What HTML forbids (and a page cannot show): control characters other than tab and line ends,
# and noncharacters; also half of a character (a lone surrogate).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                         "\ud800-\udfff]")


def unshowable_character(text: str) -> tuple[str, str]:
    """The message and hint for a text with a character no page can show (see _UNSHOWABLE)."""
    if _SURROGATE.search(text):
        return ("this text has half of a character (an escape such as \\ud83d, a lone "
                "surrogate), which cannot be shown",
                "write the character itself (🙂), or one escape for it (\\U0001F642)")
    found = _UNSHOWABLE.search(text)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    return (f"this text has an invisible control character ({code}), which a page cannot show",
            "remove it: it is often left by copying from another program (an escape such as "
            "\\x01 or \\0 in quotes makes one)")


def unshowable_lines(text: str) -> list[int]:
    """The (0-based) indexes of the lines of text that have a character no page can show."""
    return [i for i, line in enumerate(text.split("\n")) if _UNSHOWABLE.search(line)] \
        if _UNSHOWABLE.search(text) else []


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
    if "nested more than" in problem:
        return "close the brackets you opened; an entry needs only a few levels of lists and " \
               "mappings"
    if "is not supported" in problem and "tag" in problem:
        return "remove the tag (the word starting with '!'): write the value as plain text"
    if "used as a key" in problem:
        return "write each field as 'name: value'; a name is a word, not a list or mapping"
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


# What only YAML looks like: an indented field or list item, a lowercase field name and a colon
# at the start of a line ('schedule:'), or a list item that is a mapping ('- id: x'). Markdown
# starts a body with a heading or a sentence.
_YAML_LINE = re.compile(r"(?:\s+(?:- |[a-z_]+:(?:\s|$))|[a-z_]+:(?:\s|$)|- [a-z_]+: )")

# A line with no text: blank, a further end line, a Markdown rule ('----', '***', '===').
_RULE_LINE = re.compile(r"[-.=_*~\s]*")


def _fields_after(lines: list[str], end: int) -> int | None:
    """The index of the first line after the front matter's end (lines[end]) when it is still
    YAML: a `---` inside the front matter would cut it there and publish the rest as text.
    Lines of only dashes, dots and the like are looked past: after '---' and '----', the
    fields are as much cut off as after one '---'."""
    for index in range(end + 1, len(lines)):
        if not _RULE_LINE.fullmatch(lines[index]):
            return index if _YAML_LINE.match(lines[index]) else None
    return None


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
    if (more := _fields_after(lines, index)) is not None:
        return None, [Problem(
            path, index + 1, 1, "front-matter", "",
            f"this line '{lines[index].rstrip()}' ends the front matter, but line {more + 1} "
            f"after it is still a YAML field ('{lines[more].strip()[:40]}'): it and the rest "
            "would become page text", "remove this line (a line of only '---' or '...' ends "
            "the front matter), or put quotes around a text that is '---'")]
    yaml_text = "\n".join(lines[1:index])
    document, problems = parse_yaml(path, yaml_text, line_offset=1)
    if document is None:
        return None, problems
    body = "\n".join(lines[index + 1:])
    if bad := unshowable_lines(body):
        return None, [Problem(path, index + 2 + i, 1, "invalid-character", "",
                              *unshowable_character(body.split("\n")[i])) for i in bad]
    return FrontMatterFile(document, body, index + 2), problems

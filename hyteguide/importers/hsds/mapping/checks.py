"""Values the import would write, read with the content schema's own field types (the
schema's words go in the report), and vocabulary terms matched by id or label."""

from __future__ import annotations

from typing import Any

import yaml

from hyteguide import model
from hyteguide.common.problems import Problem
from hyteguide.content.fields import INVALID, Context, FieldType
from hyteguide.content.yamlsource import Document, parse_yaml
from hyteguide.importers.hsds.content_files import dump


def match_term(vocabulary: model.Vocabulary, group: str, text: str) -> str | None:
    """The id of the term whose id or any label is text (case and accents as written)."""
    wanted = text.strip().casefold()
    for term in vocabulary.group(group).values():
        if wanted == term.id.casefold() or any(wanted == label.casefold()
                                               for _, label in term.label.items):
            return term.id
    return None


def read_value(kind: FieldType, value: Any, vocabulary: model.Vocabulary,
               languages: tuple[str, ...]) -> tuple[Any, list[Problem]]:
    """A value we would write, as the schema's field type reads it (INVALID or the typed value),
    and the problems it finds."""
    text = dump({"value": value})
    document, problems = parse_yaml("import", text)
    if document is None or not isinstance(document.root, yaml.MappingNode):
        return INVALID, problems  # {"value": …} is always read back as a mapping
    node = document.root.value[0][1]
    problems = []
    context = Context(Document("import", document.root), problems, languages, vocabulary, {})
    try:
        result = kind.convert(node, context, "")
    except ValueError as err:  # e.g. urlsplit on "https://[x" (a crash of the Url type)
        result = INVALID
        problems.append(Problem("import", 1, 1, "bad-value", "", f"not valid ({err})"))
    if result is INVALID and not problems:
        problems.append(Problem("import", 1, 1, "bad-value", "", "not valid"))
    return result, problems


def convert(kind: FieldType, value: Any, vocabulary: model.Vocabulary,
            languages: tuple[str, ...]) -> list[Problem]:
    """The problems the schema finds with a value we would write (none: it is fine)."""
    return read_value(kind, value, vocabulary, languages)[1]


def problem_words(problem: Problem | str) -> str:
    """A problem (or a reason in words) as the report says it, with its hint."""
    if isinstance(problem, str):
        return problem
    return problem.message + (f" ({problem.hint})" if problem.hint else "")

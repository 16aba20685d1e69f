"""Field types whose value is chosen from a list: a fixed choice, a term of the vocabulary, the
slug of another content file. A wrong value gets the nearest right one as its hint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from hyteguide.common.problems import did_you_mean
from hyteguide.content.fields import INVALID, Context, FieldType


@dataclass(frozen=True)
class Choice(FieldType):
    choices: tuple[str, ...] = ()
    label: str = "one of"
    hint: str = ""  # when no choice is close to what was written

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, " or ".join(self.choices))
        if value is INVALID:
            return value
        if value not in self.choices:
            return ctx.error(node, where, "bad-value", f"'{value}' is not one of: "
                             + ", ".join(self.choices),
                             did_you_mean(value, self.choices) or self.hint)
        return value


@dataclass(frozen=True)
class Term(FieldType):
    """A term id from a group of vocabulary.yaml."""

    group: str = ""
    label: str = "term"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, f"a term of '{self.group}'")
        if value is INVALID or ctx.vocabulary is None or self.group not in ctx.vocabulary.groups:
            return value  # no vocabulary, or a broken one without this group: nothing to check
        terms = ctx.vocabulary.group(self.group)
        if value in terms:
            return value
        by_label = {label.lower(): term.id for term in terms.values()
                    for _, label in term.label.items}
        if value.lower() in by_label:
            hint = f"write the term id '{by_label[value.lower()]}', not its label"
        else:
            hint = did_you_mean(value, terms) or did_you_mean(value.lower(), by_label)
            if hint and "'" in hint and hint.count("'") == 2:
                label = hint.split("'")[1]
                hint = f"did you mean '{by_label.get(label, label)}'?"
            hint = hint or f"use a term of '{self.group}' in vocabulary.yaml, or add it there"
        return ctx.error(node, where, "unknown-term",
                         f"'{value}' is not in '{self.group}' in vocabulary.yaml", hint)


@dataclass(frozen=True)
class Reference(FieldType):
    """The slug of another content file (a place, an organisation)."""

    kind: str = ""
    folder: str = ""
    label: str = "reference"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, f"the slug of a file in {self.folder}/")
        if value is INVALID:
            return value
        known = ctx.references.get(self.kind, set())
        if value in known:
            return value
        hint = did_you_mean(value, known) or f"the slug is the file name without its ending: " \
            f"{self.folder}/{value}.*"
        return ctx.error(node, where, "unknown-reference",
                         f"there is no {self.kind} '{value}' in {self.folder}/", hint)

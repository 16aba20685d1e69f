"""Records and lists of the content schema: a record is a mapping of declared fields, each
field declared once (its YAML key, type, documentation, example, skeleton line, the model
attribute it fills and whether the open data exports leave it out), and a record made into its
model object by those declarations (MkDocs' typed config options and Zola's serde structs do
the same: the declaration is the schema, the documentation and the mapping to the model).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from hyteguide.common.problems import did_you_mean
from hyteguide.content.fields import (
    INVALID,
    Context,
    FieldType,
    Str,
    described,
    is_null,
    node_of,
    value_of,
)

# The most items a list of an entry may have: far above real use (a year's cancelled dates, a
# place's opening hours), far below what would swell every page and feed that repeats it.
MAX_ITEMS = 1000


@dataclass(frozen=True)
class ListOf(FieldType):
    """A list; a single value is taken as a list of one."""

    item: FieldType = field(default_factory=Str)
    unique: bool = True
    min_items: int = 0
    # How the model keeps the items, when not as written: the key they are sorted by (days of
    # a schedule in date order, whatever order the editor wrote them in).
    order: Callable[[Any], Any] | None = None
    # The key that tells mapping items apart (an activity's id): two items with the same value
    # are an error, found from the written nodes so that it is reported even when an item has
    # other errors (all problems in one run).
    key: str = ""
    empty: ClassVar[str] = "()"

    def annotation(self) -> str:
        return f"tuple[{self.item.annotation()}, ...]"

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"list of {self.item.label}"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) or isinstance(self.item, Record):
                node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark,
                                         node.end_mark)
            else:
                return ctx.error(node, where, "wrong-type",
                                 f"expected a list, found {described(node)}",
                                 "write [a, b] or one '- item' per line")
        if len(node.value) > MAX_ITEMS:
            return ctx.error(node, where, "too-many", f"the list has {len(node.value):,} items; "
                             f"no entry needs more than {MAX_ITEMS:,}",
                             "write a rule instead of each date (weekly, monthly, except with "
                             "from and until), or split the entry")
        values, ok, seen = [], True, {}
        for index, item_node in enumerate(node.value):
            value = self.item.convert(item_node, ctx, f"{where}[{index}]")
            if value is INVALID:
                ok = False
                continue
            if self.unique and isinstance(value, (str, int, dt.date)):
                if value in seen:
                    written = item_node.value if isinstance(item_node, yaml.ScalarNode) \
                        else value
                    ctx.error(item_node, f"{where}[{index}]", "duplicate-value",
                              f"'{written}' is listed twice", "remove one of them")
                    ok = False
                    continue
                seen[value] = index
            values.append(value)
        ok = self._unique_keys(node, ctx, where) and ok
        if ok and len(values) < self.min_items:
            return ctx.error(node, where, "missing-field",
                             f"list at least {self.min_items} item(s)")
        if not ok:
            return INVALID
        return tuple(sorted(values, key=self.order)) if self.order else tuple(values)


    def _unique_keys(self, node: yaml.SequenceNode, ctx: Context, where: str) -> bool:
        """Whether no two mapping items give the same `key` (each repeat is reported)."""
        if not self.key:
            return True
        first: dict[str, int] = {}  # value → the line it is first written on
        ok = True
        for index, item_node in enumerate(node.value):
            key_node = value_of(item_node, self.key) \
                if isinstance(item_node, yaml.MappingNode) else None
            if not isinstance(key_node, yaml.ScalarNode) or is_null(key_node):
                continue
            line = ctx.document.source(key_node).line
            if key_node.value in first:
                ctx.error(key_node, f"{where}[{index}].{self.key}", f"duplicate-{self.key}",
                          f"the {self.item.label} {self.key} '{key_node.value}' is used twice "
                          f"(first on line {first[key_node.value]})",
                          f"give each {self.item.label} of the file its own {self.key}")
                ok = False
            else:
                first[key_node.value] = line
        return ok


def as_written(value: Any) -> Any:
    """A sort key: the value itself (weekdays, dates)."""
    return value


@dataclass(frozen=True)
class Field:
    """One field of a record, declared once: everything else about it follows from here.

    `name` is the key editors write, `type` converts and checks it, `doc` and `example` make its
    row in docs/fields.md (and `example` its line in the file `hyteguide new` writes, with the
    comment `skeleton`), `attr` is the model attribute it fills when that differs from the key
    (`from` → `start`), `default` the attribute's value when the field is not written, and
    `left_out` says why the open data exports leave it out ("" when they carry it; a test holds
    it true). The model attribute's line in model/ is written from the field (modelsource.py)."""

    name: str
    type: FieldType
    required: bool = False
    doc: str = ""
    example: str = ""
    attr: str = ""
    left_out: str = ""
    # The comment after the field's line in the file `hyteguide new` writes; None leaves the
    # field out of that file (a field for experts, or one the skeleton shows otherwise).
    skeleton: str | None = ""
    # The model attribute's default when the field is not written, as Python source in model/
    # ("12", '"main"'); "" takes the type's (None, an empty tuple, False).
    default: str = ""
    # The field whose value it takes when not written (a place known only by its address is
    # named by it): the model attribute is then always set.
    fallback: str = ""

    @property
    def attribute(self) -> str:
        """The model attribute this field fills."""
        return self.attr or self.name


Check = Callable[[dict[str, Any], yaml.MappingNode, Context, str], None]


@dataclass(frozen=True)
class Record(FieldType):
    """A mapping of known fields; reports unknown, missing, duplicate and invalid ones."""

    name: str = ""
    fields: tuple[Field, ...] = ()
    checks: tuple[Check, ...] = ()
    extra: FieldType | None = None  # type of keys not in `fields` (e.g. vocabulary terms)
    label: str = "fields"
    model: type | None = None  # the frozen dataclass the record's values make
    # Model attributes that do not come from a key of the record: the file name's slug, the
    # file and line, what the loader adds (an activity's organisation). A test checks that the
    # fields' attributes and these are exactly the model's dataclass fields.
    given: tuple[str, ...] = ()
    left_out: str = ""  # why open data leaves the whole record out ("" when it carries it)

    def annotation(self) -> str:
        return self.model.__name__ if self.model else "dict[str, Any]"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def make(self, values: dict[str, Any], **given: Any) -> Any:
        """The model object of converted values: each under its field's attribute, with the
        given attributes (which take the place of a value of the same attribute)."""
        if self.model is None:
            raise TypeError(f"{self.name} makes no model object")
        written = {**{f.name: values[f.fallback] for f in self.fields
                      if f.fallback and f.name not in values and f.fallback in values},
                   **values}
        attributes = {self.field(key).attribute: value for key, value in written.items()
                      if not key.startswith("_")}
        return self.model(**{**attributes, **given})

    def convert(self, node: yaml.Node | None, ctx: Context, where: str = "") -> Any:
        if node is None or is_null(node):
            node = yaml.MappingNode("tag:yaml.org,2002:map", [], getattr(node, "start_mark", None),
                                    None)
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, where, "wrong-type",
                             f"expected 'key: value' fields, found {described(node)}",
                             "each field goes on its own line as 'key: value'")
        known = {f.name: f for f in self.fields}
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        present: dict[str, yaml.Node] = {}
        failed: set[str] = set()  # fields written with a value that is not valid
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            path = f"{where}.{key}" if where else key
            if key in present:
                first = ctx.document.source(present[key]).line
                ctx.error(key_node, path, "duplicate-key", f"'{key}' is given twice "
                          f"(first on line {first})", "keep only one of them")
                ok = False
                continue
            present[key] = key_node
            if key not in known:
                if self.extra is not None:
                    value = self.extra.convert(value_node, ctx, path)
                    ok = ok and value is not INVALID
                    extra[key] = value
                    continue
                hint = did_you_mean(key, known) or "fields: " + ", ".join(known)
                if " " in key.strip():
                    hint = "a text that contains ': ' (colon and space) needs quotes around it"
                ctx.error(key_node, path, "unknown-key", f"'{key}' is not a field of {self.name}",
                          hint)
                ok = False
                continue
            if is_null(value_node):
                continue  # an empty optional field is the same as a missing one
            value = known[key].type.convert(value_node, ctx, path)
            if value is INVALID:
                ok = False
                failed.add(key)
            elif value is None and known[key].required:  # texts only in unpublished languages
                ctx.error(value_node, path, "missing-field", f"'{key}' has no text in "
                          f"{ctx.default_language}, the site's first language",
                          f"write it in {ctx.default_language} too")
                ok = False
                failed.add(key)
            elif value is not None:
                values[key] = value
        complete = self._required_present(node, values, present, ctx, where)
        if self.extra is not None:
            values["_extra"] = extra
        values["_node"] = node
        values["_failed"] = failed
        before = ctx.error_count
        # Every check, also when a field is missing or not valid (the checks read what is
        # there; `is_written` tells a field written with errors from one not written): all
        # problems in one run.
        for check in self.checks:
            check(values, node, ctx, where)
        return INVALID if not ok or not complete or ctx.error_count > before else values

    def _required_present(self, node: yaml.MappingNode, values: dict[str, Any],
                          present: dict[str, yaml.Node], ctx: Context, where: str) -> bool:
        """Whether every required field is written (each missing or empty one is reported)."""
        complete = True
        for f in self.fields:
            if f.required and f.name not in values and f.name not in present:
                ctx.error(node, f"{where}.{f.name}" if where else f.name, "missing-field",
                          f"{self.name} needs '{f.name}'",
                          f"add '{f.name}: {example_of(f, ctx) or '…'}'")
                complete = False
            elif f.required and f.name in present and is_null(node_of(node, f.name)):
                ctx.error(present[f.name], f"{where}.{f.name}" if where else f.name,
                          "missing-field", f"'{f.name}' is empty", f"write a value for '{f.name}'")
                complete = False
        return complete




def example_of(field: Field, ctx: Context) -> str:
    """The field's example for a hint: for vocabulary terms, the region's own first terms
    (the declared example names the example region's, e.g. 'kerava')."""
    kind = field.type.item if isinstance(field.type, ListOf) else field.type
    group = getattr(kind, "group", "")
    terms = list(ctx.vocabulary.group(group))[:2] if group and ctx.vocabulary else []
    if not terms:
        return field.example
    return f"[{', '.join(terms)}]" if isinstance(field.type, ListOf) else terms[0]


def is_written(values: dict[str, Any], name: str) -> bool:
    """Whether a field of converted record values is written, valid or not (a check that asks
    for a field must not ask again for one the editor wrote with an error)."""
    return name in values or name in values.get("_failed", ())


def field_node(values: dict[str, Any], name: str) -> yaml.Node:
    """The node of a field in a converted record (for positions of cross-field problems)."""
    return node_of(values["_node"], name)


def model_values(values: dict[str, Any]) -> dict[str, Any]:
    """Converted record values without the bookkeeping keys."""
    return {k: v for k, v in values.items() if not k.startswith("_")}


class ChoiceOf(FieldType):
    """The first of several types that a node's shape fits (a date, or a {from, until} range)."""

    def __init__(self, scalar: FieldType, mapping: FieldType, label: str):
        self.scalar_type, self.mapping_type, self.label = scalar, mapping, label

    def annotation(self) -> str:
        return self.mapping_type.annotation()

    def unwritten(self) -> str:
        return self.mapping_type.unwritten()

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        kind = self.mapping_type if isinstance(node, yaml.MappingNode) else self.scalar_type
        return kind.convert(node, ctx, where)


class Mapped(FieldType):
    """A type whose converted value is passed through `make` (e.g. into a model object)."""

    def __init__(self, inner: FieldType, make: Callable[[Any], Any], made: str = ""):
        self.inner, self.make = inner, make
        self.label = inner.label
        # The model type `make` returns: a class's name, or `made` for a function.
        self.made = made or (make.__name__ if isinstance(make, type) else inner.annotation())

    def annotation(self) -> str:
        return self.made

    def unwritten(self) -> str:
        return self.inner.unwritten()

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.inner.convert(node, ctx, where)
        return INVALID if value is INVALID else self.make(value)


def modelled(record: Record) -> Mapped:
    """A record converted into its model object (as a nested field: a contact, a date range)."""
    return Mapped(record, record.make)


def fields_of(model: type) -> set[str]:
    """The attribute names of a model dataclass (for the declaration's test)."""
    return {f.name for f in dataclasses.fields(model)}

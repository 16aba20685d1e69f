"""Each content field declared once: the schema's declarations and the model dataclasses stay in
step, and every field is either carried by the open data exports or declared as left out, with
the reason (found by running the exporters, see exportcoverage.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from hyteguide import model
from hyteguide.content import schema
from hyteguide.content.fieldref import FILES
from hyteguide.content.fields import FieldType
from hyteguide.content.records import Field, Record, fields_of
from tests.conftest import TODAY
from tests.exportcoverage import exported, is_exported

COVERED = [(record, field) for record in schema.RECORDS if not record.left_out
           for field in record.fields]


def nested(kind: object, seen: set[int]) -> Iterator[Record]:
    """Every record inside a field type (through lists, choices, wrappers and records)."""
    if id(kind) in seen or not isinstance(kind, FieldType):
        return
    seen.add(id(kind))
    if isinstance(kind, Record):
        yield kind
        for field in kind.fields:
            yield from nested(field.type, seen)
    for attribute in ("inner", "record", "item", "scalar_type", "mapping_type", "extra"):
        yield from nested(getattr(kind, attribute, None), seen)


@pytest.mark.parametrize("record", schema.RECORDS, ids=lambda r: r.name)
def test_a_record_declares_exactly_the_attributes_of_its_model(record):
    """Each model attribute comes from one declared field, or is given by the loader."""
    attributes = [field.attribute for field in record.fields]
    assert len(attributes) == len(set(attributes)), attributes
    assert not set(attributes) & set(record.given)
    assert set(attributes) | set(record.given) == fields_of(record.model)


def test_every_record_that_makes_a_model_object_is_declared():
    """The list of records the tests check misses none reachable from a content file."""
    seen: set[int] = set()
    found = {id(r): r for _, top in FILES for r in nested(top, seen) if r.model is not None}
    found |= {id(r): r for r in nested(schema.VOCABULARY, seen) if r.model is not None}
    missing = [r.name for key, r in found.items() if key not in {id(d) for d in schema.RECORDS}]
    assert not missing


def test_every_model_class_is_declared_by_a_record():
    """No content dataclass is filled by hand outside the declarations (the values, texts and
    the folders' aggregates aside)."""
    by_hand = {model.Text, model.Source, model.TimeRange, model.AgeRange, model.Vocabulary,
               model.MonthlyDay, model.Content}
    classes = {c for c in vars(model).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c)}
    assert classes - by_hand == {r.model for r in schema.RECORDS}


def test_reasons_for_leaving_out_are_written():
    for record in schema.RECORDS:
        reasons = [record.left_out, *(f.left_out for f in record.fields)]
        assert all(reason == "" or len(reason.split()) >= 5 for reason in reasons), record.name


def set_fields(value: object, found: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(class, attribute) of every attribute set anywhere inside a model object."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            if inner not in (None, (), False):
                found.add((type(value).__name__, f.name))
                set_fields(inner, found)
    elif isinstance(value, tuple):
        for item in value:
            set_fields(item, found)
    return found


@pytest.fixture(scope="module")
def specimen(example_content) -> model.Content:
    """The fewest of the example's organisations that together set every field the example
    sets (chosen greedily), their co-organisers, their places and the vocabulary: small enough
    to export again for every field."""
    remaining = [o for o in example_content.organisations if o.activities]
    wanted = set().union(*(set_fields(o, set()) for o in remaining))
    chosen: list[model.Organisation] = []
    while wanted:
        best = max(remaining, key=lambda o: len(set_fields(o, set()) & wanted))
        chosen.append(best)
        remaining.remove(best)
        wanted -= set_fields(best, set())
    named = {s for o in chosen for a in o.activities for s in a.co_organisers}
    chosen += [o for o in example_content.organisations if o.slug in named and o not in chosen]
    used = {p for o in chosen for a in o.activities for p in a.places}
    return dataclasses.replace(
        example_content, organisations=tuple(chosen), partnerships=(), pages=(),
        places=tuple(p for p in example_content.places if p.slug in used))


@pytest.fixture(scope="module")
def exports_before(specimen) -> dict[str, bytes]:
    return exported(specimen, TODAY)


@pytest.mark.parametrize(("record", "field"), COVERED,
                         ids=[f"{r.label}.{f.name}" for r, f in COVERED])
def test_a_field_is_exported_unless_declared_left_out(record: Record, field: Field, specimen,
                                                      exports_before):
    """Changing the field changes the open data exactly when it is not declared left out."""
    found = is_exported(record, field, specimen, TODAY, exports_before)
    assert found is not None, f"no {record.name} in the specimen to change '{field.name}' in"
    if field.left_out:
        assert not found, f"'{field.name}' is declared left out, but the exports carry it"
    else:
        assert found, (f"'{field.name}' of {record.name} is not in the open data: export it "
                       "(hyteguide/opendata) or declare left_out='why' on its field")

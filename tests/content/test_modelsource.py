"""The model's attributes are written from the declarations (content/modelsource.py,
tools/declare.py): the committed model is current, and a declaration's change reaches it."""

from __future__ import annotations

import pytest

from hyteguide.content import schema
from hyteguide.content.addresses import Url
from hyteguide.content.fields import Bool, Date, Int, Str, TextField
from hyteguide.content.modelsource import (
    BEGIN,
    END,
    StaleModel,
    attribute_lines,
    model_files,
    written,
)
from hyteguide.content.records import Field, ListOf, Record
from tests.conftest import REPO
from tools.declare import main as declare


class Sample:
    """Stands in for a model class (only its name is used)."""


SOURCE = f'''class Sample:
    """A sample."""

    slug: str
{BEGIN}    old: int = 1
{END}    source: str = ""

    @property
    def shown(self) -> str:
        return self.slug


class Other:
    x: int
'''


def record(*fields: Field) -> Record:
    return Record("a sample", fields, model=Sample, given=("slug", "source"))


def test_the_committed_model_is_what_the_declarations_write():
    stale = [str(path.relative_to(REPO)) for path, text in model_files().items()
             if path.read_text(encoding="utf-8") != text]
    assert not stale, f"{stale} are stale: run `.venv/bin/python tools/declare.py`"


def test_the_check_command_agrees(capsys):
    assert declare(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_a_new_optional_text_field_becomes_an_attribute_between_the_markers():
    before = written(SOURCE, (record(Field("old", Int(), False, default="1")),))
    assert before == SOURCE
    after = written(SOURCE, (record(Field("old", Int(), False, default="1"),
                                    Field("note", TextField(), False)),))
    assert after == SOURCE.replace(f"{END}", f"    note: Text | None = None\n{END}")
    assert "class Other:\n    x: int\n" in after and "def shown" in after


def test_types_defaults_renames_and_order():
    lines = attribute_lines(record(
        Field("tags", ListOf(Str()), False),
        Field("title", TextField(), True),
        Field("free", Bool(), False),
        Field("from", Date(), False, attr="start"),
        Field("link", Url(), True, default="None"),
        Field("weeks", Int(), False, default="12"),
    )).splitlines()
    assert lines == [
        "    title: Text",  # no default: before those with one
        "    tags: tuple[str, ...] = ()",
        "    free: bool = False",
        "    start: dt.date | None = None  # `from`",
        "    link: str | None = None",
        "    weeks: int = 12",
    ]


def test_a_class_without_markers_is_reported():
    with pytest.raises(StaleModel, match="class Sample"):
        written(SOURCE.replace(BEGIN, ""), (record(Field("old", Int(), False)),))


def test_every_declared_field_is_an_attribute_line_of_its_model():
    for declared in schema.RECORDS:
        lines = attribute_lines(declared)
        for field in declared.fields:
            assert f"    {field.attribute}: " in lines, (declared.name, field.name)

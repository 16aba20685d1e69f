"""The field reference is generated from the schema the checks use, and the committed copy in
docs/fields.md is current."""

from __future__ import annotations

from hyteguide.cli.main import main
from hyteguide.content import schema
from hyteguide.content.fieldref import FILES, reference
from tests.conftest import REPO


def test_docs_fields_md_is_the_generated_reference():
    assert (REPO / "docs" / "fields.md").read_text(encoding="utf-8") == reference(), \
        "docs/fields.md is stale: run `hyteguide fields > docs/fields.md`"


def test_every_field_of_every_record_is_documented():
    text = reference()
    for record in (schema.ORGANISATION, schema.ACTIVITY_RECORD, schema.PLACE,
                   schema.PARTNERSHIP, schema.PAGE, schema.SITE):
        for field in record.fields:
            assert f"| `{field.name}` |" in text, (record.name, field.name)
    for name in ("weekly", "monthly", "rrule", "cancelled", "consent_until"
                 if any(f.name == "consent_until" for f in schema.CONTACT.inner.fields)
                 else "role"):
        assert f"| `{name}` |" in text, name
    assert [line for line in text.splitlines() if line.startswith("## ")] == \
        [f"## {title}" for title, _ in FILES]


def test_choices_and_terms_are_spelled_out():
    text = reference()
    assert "term id of the vocabulary's `audiences`" in text
    assert "one of: `skip`, `include`" in text


def test_fields_command_prints_it(capsys):
    assert main(["fields"]) == 0
    assert capsys.readouterr().out == reference()

"""The content schema, one module per record: every field editors may write, declared once
(key, type, documentation, example, model attribute, whether open data leaves it out), and the
checks across fields. `hyteguide check`, the loader, docs/fields.md and `hyteguide new` all
read these declarations.
"""

from __future__ import annotations

from hyteguide.content.fields import FieldType
from hyteguide.content.records import Record
from hyteguide.content.schema.activity import ACTIVITY_RECORD
from hyteguide.content.schema.common import WEEKDAY_ALIASES, WEEKDAYS, MonthlyDayField, Weekday
from hyteguide.content.schema.contacts import CONTACT
from hyteguide.content.schema.organisation import ORGANISATION
from hyteguide.content.schema.pages import MEETING, PAGE, PARTNERSHIP
from hyteguide.content.schema.place import OPENING_HOURS_ENTRY, PLACE, Coordinates
from hyteguide.content.schema.schedule import (
    ACTIVITY_TIME,
    CANCELLATION_RECORD,
    DATE_RANGE,
    SCHEDULE_RULE,
    shared_day,
)
from hyteguide.content.schema.site import LICENCE_RECORD, SITE, SITE_CONTACT, SUPPORTED_LANGUAGES
from hyteguide.content.schema.statements import (
    ACCESSIBILITY,
    AUTHORITY,
    FEEDBACK,
    GAP_REASONS,
    KNOWN_GAP,
    PRIVACY,
    WCAG_21_CRITERIA,
)
from hyteguide.content.schema.vocabulary import TERM_PROPERTIES, VOCABULARY, VOCABULARY_GROUPS


# Every record that makes a model object, for the test that holds declarations and model
# dataclasses in step.
def _record(kind: FieldType) -> Record:
    """The record inside a field type (a record made into its model object, schedule rules)."""
    inner = getattr(kind, "inner", None) or getattr(kind, "record", None) or kind
    assert isinstance(inner, Record), kind
    return inner


RECORDS: tuple[Record, ...] = tuple(
    _record(kind)
    for kind in (SITE, SITE_CONTACT, ACCESSIBILITY, KNOWN_GAP, FEEDBACK, AUTHORITY, PRIVACY,
                 LICENCE_RECORD, TERM_PROPERTIES, ORGANISATION, ACTIVITY_RECORD, CONTACT,
                 SCHEDULE_RULE, DATE_RANGE, CANCELLATION_RECORD, PLACE, OPENING_HOURS_ENTRY,
                 PARTNERSHIP, MEETING, PAGE))

__all__ = [
    "ACTIVITY_RECORD", "ACTIVITY_TIME", "CONTACT", "GAP_REASONS", "OPENING_HOURS_ENTRY",
    "ORGANISATION", "PAGE", "PARTNERSHIP", "PLACE", "RECORDS", "SCHEDULE_RULE", "SITE",
    "SUPPORTED_LANGUAGES", "TERM_PROPERTIES", "VOCABULARY", "VOCABULARY_GROUPS",
    "WCAG_21_CRITERIA", "WEEKDAYS", "WEEKDAY_ALIASES", "Coordinates", "MonthlyDayField",
    "Weekday", "shared_day",
]

"""HSDS records → hyteguide content: organisations with their activities, and places.

organization → organisations/<slug>.md, service → an activity of its organisation (one per
place when it is held at several), location + address → places/<slug>.yaml, schedules →
schedule rules (importers/hsds/schedule.py, regular_schedule.py). Every value is checked with
the content schema's own field types before it is written; what cannot be mapped is noted on
its record with the reason.

One module a part, each a piece of the `Mapper` (package.py, which runs them in order):
documents (what is made, and the records of what became of each source row), checks (values
read with the schema's field types, terms matched in the vocabulary), base (the bookkeeping the
parts share), places, organisations, activities (services, taxonomies, costs), contacts (never
a person's name), languages and schedules.
"""

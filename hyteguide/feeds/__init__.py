"""STAGE 3b, feeds: iCalendar (series, time zones, content lines, which feeds exist), schema.org
JSON-LD and Atom.
"""

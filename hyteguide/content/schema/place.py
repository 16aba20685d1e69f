"""The schema of a place file: address, coordinates, accessibility and opening hours."""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.content.addresses import Email, Phone, Url
from hyteguide.content.choices import Term
from hyteguide.content.fields import Context, Date, FieldType, Str, TextField, TimeRangeField
from hyteguide.content.records import Field, ListOf, Record, as_written, field_node, modelled
from hyteguide.content.schema.common import Weekday, check_order


class Coordinates(FieldType):
    model_type: ClassVar[str] = "tuple[float, float]"

    label = "[latitude, longitude]"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        hint = "write [latitude, longitude] in decimal degrees, for example [60.4037, 25.1050]"
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if isinstance(node, yaml.MappingNode):
            pairs = {k.value: v for k, v in node.value}
            items = [pairs.get("lat"), pairs.get("lon")] if set(pairs) == {"lat", "lon"} else None
        if not items or len(items) != 2 or not all(isinstance(i, yaml.ScalarNode) for i in items):
            return ctx.error(node, where, "wrong-type", "expected [latitude, longitude]", hint)
        try:
            lat, lon = (float(i.value) for i in items)
        except ValueError:
            return ctx.error(node, where, "bad-value", "coordinates must be numbers", hint)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return ctx.error(node, where, "bad-value", f"({lat}, {lon}) are not coordinates", hint)
        if lat < lon and 19 < lat < 32 and 59 < lon < 71:
            return ctx.error(node, where, "bad-value", "latitude and longitude are swapped",
                             f"write [{lon}, {lat}]")
        return (lat, lon)



OPENING_HOURS_ENTRY = modelled(Record("opening hours", (
    Field("days", ListOf(Weekday(), min_items=1, order=as_written), True, "weekdays",
          "[mon, tue, wed, thu]"),
    Field("time", TimeRangeField(), True, "opening time, local time", '"10:00-20:00"'),
    Field("from", Date(), False, "first day, for seasonal hours", "2026-09-01", attr="start"),
    Field("until", Date(), False, "last day, for seasonal hours", "2027-04-30"),
), (check_order("from", "until"),), label="{days, time, from, until}",
    model=model.OpeningHours))


class OpeningHoursField(FieldType):
    """Opening hours as a list of {days, time} entries, or (older form) in words."""

    model_type: ClassVar[str] = "tuple[OpeningHours, ...]"
    empty: ClassVar[str] = "()"  # the model's value when not written

    label = "list of {days: [mon, tue], time: \"10:00-20:00\"}, or words"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        structured = isinstance(node, yaml.SequenceNode) or (
            isinstance(node, yaml.MappingNode) and any(k.value == "days" for k, _ in node.value))
        if isinstance(node, yaml.MappingNode) and structured:  # one entry without its '- '
            node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark,
                                     node.end_mark)
        if structured:
            return ListOf(OPENING_HOURS_ENTRY).convert(node, ctx, where)
        return TextField().convert(node, ctx, where)


def _check_hours_note(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                      where: str) -> None:
    if isinstance(values.get("opening_hours"), model.Text) and "opening_hours_note" in values:
        ctx.error(field_node(values, "opening_hours"), "opening_hours", "bad-value",
                  "opening hours are given in words twice",
                  "write the days and times under 'opening_hours' as a list and the words "
                  "under 'opening_hours_note'")


PLACE = Record("a place", (
    Field("name", TextField(), False, "name of the place, if it has one besides its address",
          "Keravan pääkirjasto", fallback="address"),
    Field("address", TextField(), True, "street address", "Paasikivenkatu 12"),
    Field("postal_code", Str(label="postal code", pattern=r"\d{5}",
                             pattern_hint='five digits in quotes, e.g. "04200"'), False,
          "postal code, in quotes", '"04200"'),
    Field("municipality", Term(group="municipalities"), True, "municipality", "kerava"),
    Field("coordinates", Coordinates(), False, "[latitude, longitude]", "[60.4037, 25.1050]"),
    Field("accessibility", ListOf(Term(group="accessibility")), False,
          "accessibility features (vocabulary 'accessibility')", "[wheelchair, induction_loop]"),
    Field("accessibility_note", TextField(), False, "accessibility in words",
          "Sisäänkäynti pihan puolelta."),
    Field("opening_hours", OpeningHoursField(), False, "opening hours: days and times",
          '- {days: [mon, tue, wed, thu, fri], time: "09:00-16:00"}'),
    Field("opening_hours_note", TextField(), False, "opening hours: more in words",
          "Suljettu juhlapyhinä."),
    Field("directions", TextField(), False, "how to get there", "Bussit 1 ja 2."),
    Field("description", TextField(markdown=True), False, "description (Markdown)", "|"),
    Field("website", Url(), False, "web address", "https://example.org"),
    Field("phone", Phone(), False, "phone, in quotes", '"+358 9 123 4567"'),
    Field("email", Email(), False, "email", "info@example.org"),
), (_check_hours_note,), label="place", model=model.Place, given=("slug", "source"))

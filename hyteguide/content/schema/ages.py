"""An activity's age range as editors write it: `ages: 7-12`, `ages: 65-` (65 and over),
`ages: -6` (up to 6) or `ages: 9` (one age); an en dash (7–12) as typed in a word processor
and spaces around the dash are accepted. Ages are whole years from 0 to MAX_AGE, both ends
included."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.content.fields import INVALID, Context, FieldType

MAX_AGE = 120  # above any real person's age: a larger number is a typing mistake
# Hyphen, en dash, minus sign and em dash: what editors' keyboards and word processors give.
DASHES = "-–−—"
# ASCII digits, few of them: int() takes any count (slowly) and other scripts' digits.
RANGE = re.compile(rf"([0-9]{{0,4}})\s*[{DASHES}]\s*([0-9]{{0,4}})")
HINT = "write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' (up to 6) or '9'"


class AgeRangeField(FieldType):
    """An age range: "7-12", "65-", "-6" or "9" (see the module)."""

    model_type: ClassVar[str] = "AgeRange"

    label = "age range: '7-12', '65-' (and over), '-6' (up to) or '9'"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "an age range such as '7-12'")
        if value is INVALID:
            return value
        # "65+" is how a range that has no end is often said: the same as "65-".
        written = value[:-1] + "-" if value.endswith("+") else value
        ends = _ends(written)
        if ends is None:
            return ctx.error(node, where, "bad-value", f"'{value}' is not an age range", HINT)
        low, high = ends
        for age in (low, high):
            if age is not None and age > MAX_AGE:
                return ctx.error(node, where, "bad-value",
                                 f"{age} is not an age (0–{MAX_AGE} years)",
                                 "check the number; " + HINT)
        if low is not None and high is not None and high < low:
            return ctx.error(node, where, "bad-value",
                             f"the age range '{value}' is reversed: it ends ({high}) before it "
                             f"starts ({low})", f"write '{high}-{low}'")
        return model.AgeRange(low, high)


def _ends(written: str) -> tuple[int | None, int | None] | None:
    """The two ends of a written range (None: open), or None when it is not one."""
    if re.fullmatch("[0-9]{1,4}", written):  # not str.isdigit(): it takes '²'
        return int(written), int(written)
    found = RANGE.fullmatch(written)
    if not found or not (found.group(1) or found.group(2)):
        return None
    low, high = (int(end) if end else None for end in found.groups())
    return low, high

"""What an expert's RFC 5545 rule (`rrule:`) means in every calendar app, for `check`.

Two kinds of rule are refused here, each with the fix:

- forms that RFC 5545 forbids, or that calendar apps expand differently: Mozilla's ical.js 2.2
  (Thunderbird, many web calendars) reads BYWEEKNO as every week, ignores BYSETPOS in a weekly
  rule, and reads a yearly BYMONTHDAY or BYDAY without BYMONTH unlike dateutil (the site's
  pages): FREQ=YEARLY;BYMONTHDAY=1 only in the first day's month, BYDAY=20MO as every Monday;
- forms whose days depend on where the recurrence is counted from (its first day, DTSTART):
  a week, month or year without the day it is held on (the app takes the first day's weekday or
  date), INTERVAL (which weeks, months …) and COUNT (counted from when). Without `from` the site
  would count them from the day it is built, so the days would move from build to build.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil.rrule import rrulestr

from hyteguide.common.times import WEEKDAY_CODES, recur_parts

Problem = tuple[str, str]  # (message, hint)

_HELD = {"DAILY": "days it is held on", "WEEKLY": "weeks it is held in",
         "MONTHLY": "months it is held in", "YEARLY": "years it is held in"}
_NUMBERED_DAY = re.compile(r"[+-]?\d")


def misread(parts: dict[str, str]) -> Problem | None:
    """Why calendar apps would not all read the rule as the site does, or None."""
    freq = parts["FREQ"]
    rule = ";".join(f"{k}={v}" for k, v in parts.items())
    if "BYWEEKNO" in parts:
        return ("BYWEEKNO is not read the same by calendar apps (Thunderbird takes it as every "
                "week)", "name the month and day instead, e.g. FREQ=YEARLY;BYMONTH=5;BYDAY=3MO, "
                "or list the days under 'date'")
    if "BYYEARDAY" in parts and (freq != "YEARLY" or set(parts) - {"FREQ", "BYYEARDAY",
                                                                   "INTERVAL", "COUNT", "WKST"}):
        return ("BYYEARDAY goes only with FREQ=YEARLY, and without other BY parts",
                "write FREQ=YEARLY;BYYEARDAY=…, or name the month and day: "
                "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=15")
    if freq == "WEEKLY" and "BYMONTHDAY" in parts:
        return ("BYMONTHDAY does not go with FREQ=WEEKLY",
                f"for days of the month write {rule.replace('FREQ=WEEKLY', 'FREQ=MONTHLY')}")
    if freq in ("DAILY", "WEEKLY"):
        numbered = [d for d in parts.get("BYDAY", "").split(",") if _NUMBERED_DAY.match(d)]
        if numbered:
            day = numbered[0][-2:]
            return (f"a numbered weekday ({numbered[0]}) goes only with FREQ=MONTHLY or "
                    "FREQ=YEARLY", f"write BYDAY={day} (every week), or "
                    f"FREQ=MONTHLY;BYDAY={numbered[0]} (that weekday of each month)")
        if "BYSETPOS" in parts:
            return (f"BYSETPOS is not read the same by calendar apps with FREQ={freq}",
                    "remove BYSETPOS and list only the days it is held on in BYDAY")
    if "BYSETPOS" in parts and not {"BYDAY", "BYMONTHDAY"} & set(parts):
        return ("BYSETPOS needs BYDAY or BYMONTHDAY to choose from",
                "e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (the last weekday)")
    if freq == "YEARLY" and "BYMONTH" not in parts and {"BYDAY", "BYMONTHDAY"} & set(parts):
        return ("FREQ=YEARLY with BYDAY or BYMONTHDAY needs BYMONTH: calendar apps read it "
                "differently without (every month, or only the first day's month)",
                f"add the month, e.g. {rule};BYMONTH=5; for every month write FREQ=MONTHLY, "
                "for every week FREQ=WEEKLY")
    return None


def needs_start(parts: dict[str, str]) -> tuple[str, str | None] | None:
    """Why the rule's days depend on its first day (so it needs `from`), or None. The second
    item is the day part that would fix it instead of `from`, if there is one."""
    freq = parts["FREQ"]
    rule = ";".join(f"{k}={v}" for k, v in parts.items())
    days = {"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO"} & set(parts)
    if freq == "WEEKLY" and not days:
        return ("FREQ=WEEKLY without BYDAY is held on the weekday of its first day",
                f"add the weekday, e.g. {rule};BYDAY=TU (or write 'weekly: tue')")
    if freq == "MONTHLY" and not days:
        return ("FREQ=MONTHLY without BYMONTHDAY or BYDAY is held on the date of its first day",
                f"add the day, e.g. {rule};BYMONTHDAY=15 or {rule};BYDAY=1TU (or write "
                "'monthly: 15' or 'monthly: 1st tue')")
    if freq == "YEARLY" and not days:
        month = "" if "BYMONTH" in parts else ";BYMONTH=5"
        return ("FREQ=YEARLY without the day (BYMONTHDAY or BYDAY) is held on the date of its "
                "first day", f"add the day, e.g. {rule}{month};BYMONTHDAY=15")
    if int(parts.get("INTERVAL", "1")) > 1:
        return (f"with INTERVAL={parts['INTERVAL']}, the {_HELD[freq]} are counted from its "
                "first day", None)
    if "COUNT" in parts:
        return f"its COUNT={parts['COUNT']} times are counted from its first day", None
    return None


def start_problem(values: dict[str, Any], today: dt.date | None) -> tuple[str, str, str] | None:
    """For a recurring rule without `from` whose days depend on where it is counted from: the
    field to name, the message and the hint (with a first day to give as an example)."""
    if "from" in values:
        return None
    if "weekly" in values and values.get("every", 1) > 1:
        days = ",".join(WEEKDAY_CODES[d] for d in sorted(values["weekly"]))
        example = _example(f"FREQ=WEEKLY;BYDAY={days}", today)
        return ("every", "'every' needs 'from': weeks are counted from the first meeting",
                f"add 'from:' with the date of the first meeting, e.g. 'from: {example}'")
    if "rrule" not in values:
        return None
    found = needs_start(recur_parts(values["rrule"]))
    if found is None:
        return None
    reason, day_fix = found
    example = _example(values["rrule"], today)
    start = f"'from:' with the first day it is held, e.g. 'from: {example}'"
    if day_fix:
        return ("rrule", f"{reason}: without 'from' it would move with the day the site is "
                "built", f"{day_fix}; or add {start}")
    return "rrule", f"{reason}: the rule needs 'from'", f"add {start}"


def _example(recurrence: str, today: dt.date | None) -> str:
    """A first day to suggest: the next day on or after today that the recurrence's days fall
    on (INTERVAL and COUNT aside, since they are what is counted from it), or a placeholder
    when there is no check date."""
    if today is None:
        return "YYYY-MM-DD"
    every_time = ";".join(p for p in recurrence.split(";")
                          if not p.startswith(("INTERVAL=", "COUNT=")))
    midnight = dt.datetime.combine(today, dt.time())
    found = rrulestr(every_time, dtstart=midnight).after(midnight, inc=True)
    return (found.date() if found else today).isoformat()

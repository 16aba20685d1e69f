"""The coordinator's to-do list (`hyteguide report`): what to check with which organisation.

Rows, each with its file and line:
- hidden: `reviewed` is hide_after_months (site.yaml) or more before today, so the organisation
  is left out of listings, the calendar and search;
- stale: `reviewed` is review_after_months (site.yaml) or more before today;
- no-review: no `reviewed` date at all;
- no-upcoming: none of the organisation's activities is held from today on (however far ahead);
- ended: an activity's every schedule rule has an end ('until', or its last date) before today:
  it is in no calendar (a season over, its next one not written yet);
- no-contact: no email, phone or website for the organisation;
- not-described: an activity held in a site language (its `languages`) other than the default
  has no title or summary in that language (a Swedish-speaking group that Swedish readers only
  see in Finnish);
- untranslated: an organisation or activity in a municipality marked `bilingual: true` in the
  vocabulary (the organisation's own municipalities, or where the activity is held) lacks a
  name, title or summary in Finnish or Swedish (both official there);
- warning: any other warning of `hyteguide check` (a contact's consent about to end, …).
Written as Markdown (to read, or paste into an issue) and CSV (for a spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hyteguide.common.problems import Problem
from hyteguide.derive.guide import Guide
from hyteguide.model import Activity, Organisation, ScheduleRule, Text

KINDS = {
    "hidden": "Hidden from listings: information checked far too long ago",
    "stale": "Information last checked too long ago",
    "no-review": "No review date",
    "no-upcoming": "No upcoming activity",
    "ended": "Activities whose every rule has ended",
    "no-contact": "No email, phone or website",
    "not-described": "Held in a language it is not described in",
    "untranslated": "Missing translations in a bilingual municipality",
    "warning": "Other warnings from check",
}
FROM_CHECK = {"hidden-stale": "hidden", "stale-review": "stale"}  # check's code → kind


@dataclass(frozen=True, order=True)
class Row:
    kind: str
    path: str
    line: int
    organisation: str
    activity: str
    detail: str


def _from_check(guide: Guide, warnings: Iterable[Problem]) -> Iterator[Row]:
    """Rows for check's warnings, at their lines: stale and hidden entries, and the rest."""
    by_path = {o.source.path: o for o in guide.every_organisation}
    for problem in warnings:
        org = by_path.get(problem.path)
        activity = next((a.title.default for a in sorted(
            org.activities, key=lambda a: -a.source.line) if a.source.line <= problem.line),
            "") if org else ""
        kind = FROM_CHECK.get(problem.code, "warning")
        detail = problem.message if kind != "warning" else \
            f"{problem.code}: {problem.field}: {problem.message}"
        yield Row(kind, problem.path, problem.line, org.name.default if org else "",
                  "" if kind != "warning" else activity, detail)


def _missing(text: Text | None, languages: tuple[str, ...]) -> list[str]:
    return [lang for lang in languages if text is not None and not text.has(lang)]


OFFICIAL = ("fi", "sv")  # a bilingual municipality's two languages


def _not_described_in(guide: Guide, activity: Activity) -> list[str]:
    """The site languages (other than the default) an activity is held in but has no title or
    summary in: readers of that language see it only in the default language."""
    site = guide.content.site
    held = tuple(lang for lang in activity.languages
                 if lang in site.languages and lang != site.default_language)
    return sorted({lang for text in (activity.title, activity.summary)
                   for lang in _missing(text, held)})


def _not_described(guide: Guide, org: Organisation) -> Iterator[Row]:
    for activity in org.activities:
        if missing := _not_described_in(guide, activity):
            yield Row("not-described", activity.source.path, activity.source.line,
                      org.name.default, activity.title.default,
                      f"held in {', '.join(missing)} but the title or summary has no "
                      f"{', '.join(missing)} text: add e.g. 'title: {{fi: …, "
                      f"{missing[0]}: …}}'")


def _last_day(rule: ScheduleRule) -> dt.date | None:
    """The last day a rule can be held on, or None when it goes on (no 'until')."""
    if rule.dates:
        return max((*rule.dates, *rule.also)) + dt.timedelta(days=rule.days - 1)
    if rule.until is None:
        return None
    return max((rule.until, *rule.also)) + dt.timedelta(days=rule.days - 1)


def _ended(guide: Guide, org: Organisation) -> Iterator[Row]:
    """Activities with rules, every one of which ended before today."""
    for activity in org.activities:
        ends = [_last_day(rule) for rule in activity.schedule]
        if ends and None not in ends:
            last = max(end for end in ends if end is not None)
            if last < guide.today:
                yield Row("ended", activity.source.path, activity.source.line,
                          org.name.default, activity.title.default,
                          f"no rule goes on after {last}: add the new dates or season, or "
                          "remove the activity")


def _bilingual(guide: Guide, municipalities: Iterable[str]) -> list[str]:
    vocabulary = guide.content.vocabulary
    return [m for m in dict.fromkeys(municipalities)
            if vocabulary.group("municipalities").get(m) and
            vocabulary.term("municipalities", m).bilingual]


def _untranslated(guide: Guide, org: Organisation) -> Iterator[Row]:
    """Texts missing in Finnish or Swedish in bilingual municipalities: the organisation's
    name and summary where it works there, each activity's title and summary where it is held
    there (leaving out a language its not-described row names already)."""
    languages = tuple(lang for lang in OFFICIAL if lang in guide.content.site.languages)
    if len(languages) < 2:
        return
    if bilingual := _bilingual(guide, org.municipalities):
        for what, text in (("name", org.name), ("summary", org.summary)):
            if missing := _missing(text, languages):
                yield Row("untranslated", org.source.path, 1, org.name.default, "",
                          f"{what} has no {', '.join(missing)} text ({', '.join(bilingual)})")
    for activity in org.activities:
        held_in = _bilingual(guide, (*org.municipalities,
                                     *guide.activity_municipalities.get(activity.key, ())))
        missing = sorted({lang for text in (activity.title, activity.summary)
                          for lang in _missing(text, languages)
                          if lang not in _not_described_in(guide, activity)})
        if held_in and missing:
            yield Row("untranslated", activity.source.path, activity.source.line,
                      org.name.default, activity.title.default,
                      f"title or summary has no {', '.join(missing)} text "
                      f"({', '.join(held_in)})")


def rows(guide: Guide, warnings: Iterable[Problem] = ()) -> list[Row]:
    """Every row of the report, sorted by kind, file and line; `warnings` are those of
    `load_content` (content.extra["warnings"])."""
    found = list(_from_check(guide, warnings))
    for org in guide.every_organisation:
        if org.reviewed is None:
            found.append(Row("no-review", org.source.path, 1, org.name.default, "",
                             "add 'reviewed: YYYY-MM-DD' when the details have been checked"))
        if not any(guide.upcoming.get(a.key) for a in org.activities):
            found.append(Row("no-upcoming", org.source.path, 1, org.name.default, "",
                             f"nothing held from {guide.today} to the calendar's horizon"))
        if not (org.email or org.phone or org.website):
            found.append(Row("no-contact", org.source.path, 1, org.name.default, "",
                             "add an email, phone or website"))
        found += _ended(guide, org)
        found += _not_described(guide, org)
        found += _untranslated(guide, org)
    order = list(KINDS)
    return sorted(found, key=lambda r: (order.index(r.kind), r.path, r.line, r.activity))


def markdown(guide: Guide, found: list[Row]) -> str:
    """The report as Markdown: a section per kind, each item with file:line."""
    lines = [f"# To-do list for {guide.content.site.name.default}", "",
             f"Made on {guide.today}: {len(found)} items.", ""]
    for kind, title in KINDS.items():
        mine = [r for r in found if r.kind == kind]
        lines += [f"## {title} ({len(mine)})", ""]
        lines += [f"- `{r.path}:{r.line}` {r.organisation}"
                  + (f" – {r.activity}" if r.activity else "") + f": {r.detail}" for r in mine]
        lines += ["None.", ""] if not mine else [""]
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(found: list[Row]) -> str:
    """The report as CSV with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "path", "line", "organisation", "activity", "detail"])
    writer.writerows([r.kind, r.path, r.line, _cell(r.organisation), _cell(r.activity),
                      _cell(r.detail)] for r in found)
    return out.getvalue()


def write(guide: Guide, folder: Path, warnings: Iterable[Problem] = ()) -> list[Row]:
    """Write report.md and report.csv into folder; return the rows."""
    found = rows(guide, warnings)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.md").write_text(markdown(guide, found), encoding="utf-8")
    (folder / "report.csv").write_text(csv_text(found), encoding="utf-8")
    return found

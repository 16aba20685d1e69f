"""`hyteguide import hsds PATH`: an Open Referral HSDS data package → content files.

Reads the package (hsds_tables), maps it (hsds_map, hsds_schedule), writes organisations/ and
places/ files that the loader reads back exactly (hsds_yaml), never replacing a file unless
asked, then checks the content folder as `hyteguide check` does. The report says, per source
record, what was imported where and what could not be mapped, and why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hyteguide import model
from hyteguide.common.problems import ContentError, Problem, format_report, has_errors
from hyteguide.content.load import DEFAULT_TIMEZONE, Loader, load_content
from hyteguide.content.slugs import suggest_slug
from hyteguide.importers.hsds.content_files import Flow, dump, front_matter_file, verify
from hyteguide.importers.hsds.language_names import language_code, language_labels
from hyteguide.importers.hsds.mapping.base import PERSONAL
from hyteguide.importers.hsds.mapping.checks import match_term
from hyteguide.importers.hsds.mapping.documents import (
    ActivityDoc,
    Defaults,
    OrgDoc,
    PlaceDoc,
    Record,
)
from hyteguide.importers.hsds.mapping.languages import language_words
from hyteguide.importers.hsds.mapping.package import Mapper
from hyteguide.importers.hsds.personal import fold
from hyteguide.importers.hsds.tables import HsdsError, Note, Package, Warning_, read_package

__all__ = ["HsdsError", "ImportOptions", "ImportResult", "import_hsds"]


@dataclass(frozen=True)
class ImportOptions:
    """The choices of `hyteguide import hsds` (see make_parser in cli.py)."""

    overwrite: bool = False
    new: bool = False
    language: str | None = None
    municipality: str | None = None
    format: str | None = None
    today: dt.date | None = None


@dataclass
class ImportResult:
    """What an import did; `text()` and `as_json()` are its report."""

    package: Package
    language: str
    counts: dict[str, int]
    records: list[Record]
    warnings: list[Warning_]
    files: dict[str, list[str]] = field(default_factory=dict)  # written, replaced, kept
    problems: list[Problem] = field(default_factory=list)  # what check found afterwards

    @property
    def ok(self) -> bool:
        """Whether the content folder passes `hyteguide check` after the import."""
        return not has_errors(self.problems)

    def text(self) -> str:
        return "\n".join(_text_report(self))

    def as_json(self) -> dict[str, Any]:
        return _json_report(self)


def import_hsds(source: Path, content: Path, options: ImportOptions) -> ImportResult:
    """Import the HSDS package at source into the content folder; raise HsdsError when it
    cannot be done at all (no organisation or place file is written then)."""
    package = read_package(source)
    warnings = list(package.warnings)
    site, vocabulary = _site(content, package, options, warnings)
    defaults = _defaults(package, site, vocabulary, options, warnings)
    mapper = Mapper(package, vocabulary, site.languages, defaults)
    orgs, places = mapper.run()
    files = _write(content, orgs, places, mapper.records.values(), options.overwrite)
    try:
        problems = load_content(content, options.today).extra.get("warnings", [])
    except ContentError as err:
        problems = err.problems
    problems = [_regional_hint(p, vocabulary) for p in problems]
    records = sorted(mapper.records.values(), key=_source_order)
    counts = {"organisations": len(orgs), "activities": sum(len(o.activities) for o in orgs),
              "places": len(places)}
    return ImportResult(package, defaults.language, counts, records, warnings, files,
                        list(problems))


def _site(content: Path, package: Package, options: ImportOptions,
          warnings: list[Warning_]) -> tuple[model.Site, model.Vocabulary]:
    """site.yaml and vocabulary.yaml of the content folder (written first with --new)."""
    missing = [name for name in ("site.yaml", "vocabulary.yaml") if not (content / name).is_file()]
    if missing and not options.new:
        raise HsdsError(f"{content} has no {' or '.join(missing)}: import into a guide's content "
                        "folder (--content), or pass --new to start one")
    for name in missing:
        text = _new_site(package) if name == "site.yaml" else _new_vocabulary(package)
        content.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
        warnings.append(Warning_(name, "written (--new): check every field, then run "
                                 "hyteguide check"))
    loader = Loader(content, options.today)
    site, vocabulary = loader.load_site(), loader.load_vocabulary()
    if site is None or vocabulary is None or has_errors(loader.problems):
        raise HsdsError("the content folder's site.yaml or vocabulary.yaml has errors; fix "
                        "them first:\n" + format_report(loader.problems))
    return site, vocabulary


def _defaults(package: Package, site: model.Site, vocabulary: model.Vocabulary,
              options: ImportOptions, warnings: list[Warning_]) -> Defaults:
    """The import's choices, each checked against the site and its vocabulary."""
    for group, value, option in (("municipalities", options.municipality, "--municipality"),
                                 ("formats", options.format, "--format")):
        if value and value not in vocabulary.group(group):
            raise HsdsError(f"{option} {value}: not a term of '{group}' in vocabulary.yaml ("
                            + ", ".join(sorted(vocabulary.group(group))) + ")")
    language = options.language or _package_language(package, site, vocabulary, warnings)
    if language not in site.languages:
        raise HsdsError(f"--language {language}: not a language of the site "
                        f"({', '.join(site.languages)})")
    new_format = "toiminta" if options.new and "toiminta" in vocabulary.group("formats") else None
    return Defaults(language, options.municipality, options.format or new_format,
                    site.timezone or DEFAULT_TIMEZONE)


def _package_language(package: Package, site: model.Site, vocabulary: model.Vocabulary,
                      warnings: list[Warning_]) -> str:
    """The language meta_table_description names, when it is a site language; else the
    site's first language (with a warning when the package named another)."""
    said = package.language
    found = said.lower() if said.lower() in site.languages else \
        match_term(vocabulary, "languages", said) if said else None
    if found in site.languages:
        return found
    if said:
        warnings.append(Warning_("meta_table_descriptions.csv", f"the texts are said to be in "
                                 f"'{said}', not a language of the site: they were taken as "
                                 f"'{site.languages[0]}' (--language chooses)"))
    return site.languages[0]


# The fields whose missing value check hints at with the schema's example (the example
# region's ids, such as kerava): the import's report names the importing region's own terms.
TERM_FIELDS = {"municipalities": "municipalities", "municipality": "municipalities",
               "format": "formats", "themes": "themes", "audiences": "audiences",
               "languages": "languages"}


def _regional_hint(problem: Problem, vocabulary: model.Vocabulary) -> Problem:
    """A missing term's hint with terms of this region's vocabulary.yaml (or neutral words),
    never the example region's ids."""
    name = (problem.field or "").rsplit(".", 1)[-1]
    group = TERM_FIELDS.get(name)
    if problem.code != "missing-field" or group is None:
        return problem
    ids = sorted(vocabulary.group(group))
    listed = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
    value = f"[{ids[0]}]" if ids and name != "format" and name != "municipality" else \
        (ids[0] if ids else "<term id>")
    hint = f"add '{name}: {value}'" + (f" (terms of '{group}' in vocabulary.yaml: {listed})"
                                       if ids else f" after adding the term under '{group}' "
                                       "in vocabulary.yaml")
    return replace(problem, hint=hint)


# -- writing ---------------------------------------------------------------------------------

@dataclass
class _File:
    path: Path
    relative: str
    text: str
    lines: dict[int, int]  # id(document) → line


def _write(content: Path, orgs: list[OrgDoc], places: list[PlaceDoc], records: Any,
           overwrite: bool) -> dict[str, list[str]]:
    """Write every file (each proven to read back first); existing files only with overwrite.
    Then tell each record the file:line its data went to."""
    prepared = [_place_file(content, p) for p in places] + [_org_file(content, o) for o in orgs]
    files: dict[str, list[str]] = {"written": [], "replaced": [], "kept": []}
    kept: set[int] = set()
    for item in prepared:
        exists = item.path.exists()
        if exists and not overwrite:
            files["kept"].append(item.relative)
            kept.update(item.lines)
            continue
        item.path.parent.mkdir(parents=True, exist_ok=True)
        item.path.write_text(item.text, encoding="utf-8")
        files["replaced" if exists else "written"].append(item.relative)
    where = {key: f"{item.relative}:{line}" for item in prepared
             for key, line in item.lines.items()}
    for record in records:
        record.located = [where[id(doc)] + (" (kept the existing file)" if id(doc) in kept
                                            else "") for doc in record.targets]
    return files


def _place_file(content: Path, place: PlaceDoc) -> _File:
    relative = f"places/{place.slug}.yaml"
    text = dump(place.data)
    verify(relative, text, place.data)
    return _File(content / relative, f"{content.name}/{relative}", text, {id(place): 1})


def _org_file(content: Path, org: OrgDoc) -> _File:
    relative = f"organisations/{org.slug}.md"
    text = front_matter_file(org.data, org.body)
    verify(relative, text, org.data, org.body, markdown=True)
    lines = text.split("\n")
    found = {id(org): 2}
    for activity in org.activities:
        found[id(activity)] = _line_of(lines, activity)
    return _File(content / relative, f"{content.name}/{relative}", text, found)


def _line_of(lines: list[str], activity: ActivityDoc) -> int:
    wanted = {f"  - id: {activity.id}", f'  - id: "{activity.id}"'}
    return next((n for n, line in enumerate(lines, 1) if line in wanted), 1)


# -- --new -----------------------------------------------------------------------------------

def _new_site(package: Package) -> str:
    title = package.title or "HSDS"
    return ("# Written by `hyteguide import hsds --new`: check every field (docs/fields.md).\n"
            + dump({"name": title, "region": title, "base_url": "https://example.org/",
                    "languages": Flow(["fi", "sv", "en"]), "timezone": DEFAULT_TIMEZONE,
                    "contact": {}}))


def _new_vocabulary(package: Package) -> str:
    """Municipalities from the package's cities and languages from its language rows (with
    their fi, sv and en labels when known, else the name as written), one format (toiminta)
    and empty groups for editors to fill."""
    cities = {suggest_slug(r.get("city")): r.get("city") for table in
              ("address", "physical_address", "postal_address")
              for r in package.rows(table) if r.get("city")}
    languages: dict[str, Any] = {code: language_labels(code) for code in ("fi", "sv", "en")}
    for row in package.rows("language"):
        words = language_words(row)
        code = next(filter(None, map(language_code, words)), None)
        if code and code not in languages:
            languages[code] = language_labels(code)
        elif not code and words and re.search("[a-z]", fold(words[-1])) \
                and suggest_slug(words[-1]) not in languages:
            # A language not known here: its name as written, for the editor to translate.
            languages[suggest_slug(words[-1])] = words[-1]
    return ("# Written by `hyteguide import hsds --new`: add themes, audiences and formats.\n"
            + dump({"municipalities": dict(sorted(cities.items())),
                    "themes": {}, "audiences": {},
                    "formats": {"toiminta": {"fi": "Toiminta", "sv": "Verksamhet",
                                             "en": "Activity"}},
                    "languages": languages, "accessibility": {}}))


# -- the report ------------------------------------------------------------------------------

def _source_order(record: Record) -> tuple[str, int]:
    file, _, line = record.where.rpartition(":")
    return (file, int(line) if line.isdigit() else 0)


def _form(package: Package) -> str:
    return "HSDS 1.x/2.x (regular_schedule, holiday_schedule)" if package.form == "1.x" \
        else "HSDS 3.0 (schedule)"


def _text_report(result: ImportResult) -> list[str]:
    counts = ", ".join(f"{n} {name if n != 1 else _ONE[name]}"
                       for name, n in result.counts.items())
    lines = [f"Imported {_form(result.package)} package {result.package.root}: {counts}; "
             f"texts taken as '{result.language}'.", ""]
    for kind, paths in result.files.items():
        for path in paths:
            lines.append(f"{kind} {path}" + (" (it exists; --overwrite replaces it)"
                                              if kind == "kept" else ""))
    if result.warnings:
        lines += ["", "Package:"] + [f"  {w.where}: {w.message}" for w in result.warnings]
    personal = _personal(result.records)
    if personal:
        lines += ["", f"Left out as personal data ({len(personal)}: addresses and phones that "
                  "name or belong to a contact person; see each record):"]
        lines += [f"  {r.where} {r.table} {r.id}: {n.field} = {_cut(n.value)}"
                  for r, n in personal]
    lines += ["", "Records (source → content file:line):"]
    for record in result.records:
        target = ", ".join(record.located) if record.status == "imported" else record.status
        lines.append(f"{record.where} {record.table} {record.id} → {target}")
        lines += [f"    {n.kind}: {n.field}" + (f" = {_cut(n.value)}" if n.value else "")
                  + f": {n.why}" for n in record.notes]
    lines += ["", "hyteguide check after the import:"]
    lines.append(format_report(result.problems) if result.problems else "No problems found.")
    return lines


def _personal(records: list[Record]) -> list[tuple[Record, Note]]:
    """Every value left out as personal data, in source order."""
    return [(r, n) for r in records for n in r.notes if n.kind == PERSONAL]


_ONE = {"organisations": "organisation", "activities": "activity", "places": "place"}


def _cut(value: str, limit: int = 80) -> str:
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= limit else flat[:limit - 1] + "…")


def _json_report(result: ImportResult) -> dict[str, Any]:
    errors = sum(p.severity == "error" for p in result.problems)
    return {
        "package": str(result.package.root),
        "form": result.package.form,
        "language": result.language,
        "counts": result.counts,
        "files": result.files,
        "warnings": [{"where": w.where, "message": w.message} for w in result.warnings],
        "personal": [{"source": r.where, "table": r.table, "id": r.id, "field": n.field,
                      "value": n.value} for r, n in _personal(result.records)],
        "records": [{"table": r.table, "id": r.id, "source": r.where, "status": r.status,
                     "targets": r.located,
                     "notes": [{"field": n.field, "value": n.value, "why": n.why,
                                "kind": n.kind} for n in r.notes]}
                    for r in result.records],
        "check": {"errors": errors, "warnings": len(result.problems) - errors,
                  "problems": [{"path": p.path, "line": p.line, "column": p.col,
                                "severity": p.severity, "code": p.code, "field": p.field,
                                "message": p.message, "hint": p.hint}
                               for p in result.problems]},
    }


def write_json(result: ImportResult, path: Path) -> None:
    """The report as JSON (--report-json)."""
    path.write_text(json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")

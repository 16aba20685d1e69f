"""Load: content files → validated model objects, with every problem found in one run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zoneinfo
from pathlib import Path
from typing import Any

import yaml

from hyteguide import model
from hyteguide.common.problems import ContentError, Problem, did_you_mean, relative_path
from hyteguide.common.routes import RESERVED_PAGE_SLUGS  # the routes' own names
from hyteguide.content import safefiles, schema
from hyteguide.content.fields import INVALID, Context
from hyteguide.content.loadcache import LoadCache
from hyteguide.content.records import Record, model_values
from hyteguide.content.review import review_problems
from hyteguide.content.schema.vocabulary import TermEntry, check_hierarchy
from hyteguide.content.slugs import SLUG_PATTERN, suggest_slug
from hyteguide.content.yamlsource import Document, parse_yaml, split_front_matter

FOLDERS = {  # folder: (kind, file endings)
    "places": ("place", (".yaml", ".yml")),
    "organisations": ("organisation", (".md",)),
    "partnerships": ("partnership", (".md",)),
    "pages": ("page", (".md",)),
}
TOP_FILES = ("site.yaml", "vocabulary.yaml")
PAGED_FOLDERS = ("organisations", "places", "partnerships")  # lists paged as <folder>/2/ …
DEFAULT_TIMEZONE = "Europe/Helsinki"


class Loader:
    """Reads a content folder in dependency order: site, vocabulary, places, organisations, …"""

    def __init__(self, root: Path, today: dt.date | None = None,
                 cache: LoadCache | None = None):
        self.root = root
        self.cache = cache
        self.today = today  # the check date; None: today in the site's time zone, once known
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = schema.SUPPORTED_LANGUAGES
        self.vocabulary: model.Vocabulary | None = None
        self.references: dict[str, set[str]] = {}
        self.said: set[tuple[str, str]] = set()  # notes given once a file (Context.said)
        self.business_ids: dict[str, str] = {}  # Y-tunnus → the file that uses it first
        self.zone = DEFAULT_TIMEZONE  # site.yaml's, once read

    def rel(self, path: Path) -> str:
        return relative_path(path, self.root)

    def problem(self, path: Path, code: str, message: str, hint: str = "", line: int = 1) -> None:
        self.problems.append(Problem(self.rel(path), line, 1, code, "", message, hint))

    def context(self, document: Document) -> Context:
        return Context(document, self.problems, self.languages, self.vocabulary, self.references,
                       self.today, self.zone, self.said)

    def read_text(self, path: Path) -> str | None:
        try:
            return safefiles.read_bytes(path, self.root).decode("utf-8")
        except UnicodeDecodeError as err:
            self.problem(path, "encoding", f"the file is not UTF-8 text ({err.reason})",
                         "save the file as UTF-8")
        except safefiles.RefusedFile as err:
            self.problem(path, "refused-file", f"not read: {err.strerror}", err.hint)
        except OSError as err:
            self.problem(path, "unreadable", f"cannot read the file: {err.strerror}")
        return None

    def read_yaml(self, path: Path) -> Document | None:
        text = self.read_text(path)
        if text is None:
            return None
        document, problems = parse_yaml(self.rel(path), text)
        self.problems.extend(problems)
        return document

    def read_markdown(self, path: Path) -> tuple[Document, str, int] | None:
        text = self.read_text(path)
        if text is None:
            return None
        parsed, problems = split_front_matter(self.rel(path), text)
        self.problems.extend(problems)
        return (parsed.document, parsed.body, parsed.body_line) if parsed else None

    def convert(self, record: Record, document: Document) -> dict[str, Any] | None:
        values = record.convert(document.root, self.context(document))
        return None if values is INVALID else values

    # -- the files -------------------------------------------------------------------------

    def load(self) -> model.Content:
        """Load everything; raise ContentError with all problems if any is an error."""
        if not self.root.is_dir():
            raise ContentError([Problem(self.root.as_posix(), 1, 1, "no-content", "",
                                        "the content folder does not exist",
                                        "run in the repository root or pass --content")])
        site = self.load_site()
        self.review_after = site.review_after_months if site else 12
        self.hide_after = site.hide_after_months if site else None
        self.zone = site.timezone if site else DEFAULT_TIMEZONE
        if self.today is None:
            self.today = today_in(self.zone)
        self.vocabulary = self.load_vocabulary()
        files = self.list_folders()
        if self.cache is not None:
            self.cache.settle(self.surroundings(files))
        self.references["place"] = set(files["places"])
        places = [p for p in (self.load_place(s, f) for s, f in files["places"].items()) if p]
        self.references["organisation"] = set(files["organisations"])
        organisations = [o for o in (self.load_organisation(s, f)
                                     for s, f in files["organisations"].items()) if o]
        partnerships = [p for p in (self.load_partnership(s, f)
                                    for s, f in files["partnerships"].items()) if p]
        pages = [p for p in (self.load_page(s, f) for s, f in files["pages"].items()) if p]
        if any(p.severity == "error" for p in self.problems) or site is None \
                or self.vocabulary is None:
            raise ContentError(self.problems)
        return model.Content(site, self.vocabulary, tuple(organisations), tuple(places),
                             tuple(partnerships), tuple(pages))

    def surroundings(self, files: dict[str, dict[str, Path]]) -> object:
        """What every file's conversion depends on besides the file itself."""
        tops: list[bytes | None] = []
        for name in TOP_FILES:
            try:
                tops.append(safefiles.read_bytes(self.root / name, self.root))
            except OSError:
                tops.append(None)
        return (tuple(tops), self.today, tuple((folder, tuple(found.items()))
                                               for folder, found in files.items()))

    def memo(self, kind: str, slug: str, path: Path, make: Any) -> Any:
        """make(slug, path), or with a cache what it gave for the same bytes in an earlier
        load (with the problems it found then)."""
        if self.cache is None:
            return make(slug, path)
        return self.cache.remembered(kind, slug, path, make, self.problems, self.root)

    def load_site(self) -> model.Site | None:
        path = self.root / "site.yaml"
        if not path.is_file():
            self.problem(path, "missing-file", "site.yaml is missing",
                         "copy site.yaml from the example region")
            return None
        document = self.read_yaml(path)
        if document is None:
            return None
        languages = _languages_in(document)
        if languages:
            self.languages = languages
        values = self.convert(schema.SITE, document)
        if values is None:
            return None
        return schema.SITE.make(values, source=model.Source(self.rel(path), 1))

    def load_vocabulary(self) -> model.Vocabulary | None:
        path = self.root / "vocabulary.yaml"
        if not path.is_file():
            self.problem(path, "missing-file", "vocabulary.yaml is missing",
                         "copy vocabulary.yaml from the example region")
            return None
        document = self.read_yaml(path)
        if document is None:
            return None
        values = self.convert(schema.VOCABULARY, document)
        if values is None:
            return self.readable_terms(document)
        groups = {name: dict(sorted(group["_extra"].items()))
                  for name, group in model_values(values).items()}
        vocabulary = model.Vocabulary({name: groups.get(name, {})
                                       for name in schema.VOCABULARY_GROUPS})
        check_hierarchy(vocabulary, self.context(document))
        return vocabulary

    def readable_terms(self, document: Document) -> model.Vocabulary | None:
        """What a vocabulary.yaml with errors (already reported) still tells, so that the
        entries' terms are checked in the same run: each group written as a mapping, with its
        terms as far as they read (a term that does not is known by its id). Terms of a group
        that is not written are not checked (the missing group is the error to fix first)."""
        if not isinstance(document.root, yaml.MappingNode):
            return None
        quiet = dataclasses.replace(self.context(document), problems=[])
        groups: dict[str, dict[str, model.Term]] = {}
        for key_node, group_node in document.root.value:
            group = getattr(key_node, "value", None)
            if group not in schema.VOCABULARY_GROUPS or \
                    not isinstance(group_node, yaml.MappingNode):
                continue
            terms = groups.setdefault(group, {})
            for term_node, value_node in group_node.value:
                term_id = str(getattr(term_node, "value", ""))
                term = TermEntry(group).convert(value_node, quiet, f"{group}.{term_id}")
                terms[term_id] = term if term is not INVALID else \
                    model.Term(group, term_id, model.Text(((self.languages[0], term_id),)))
        return model.Vocabulary({name: dict(sorted(terms.items()))
                                 for name, terms in groups.items()})

    def list_folders(self) -> dict[str, dict[str, Path]]:
        """Slug → file for each content folder; odd files and names are problems, not skipped."""
        found: dict[str, dict[str, Path]] = {}
        for item in sorted(self.root.iterdir()):
            if item.name.startswith(".") or item.name in TOP_FILES or item.name in FOLDERS:
                continue
            hint = did_you_mean(item.name, list(FOLDERS) + list(TOP_FILES))
            self.problem(item, "unexpected-file",
                         f"'{item.name}' is not part of the content format",
                         hint or "content/ holds site.yaml, vocabulary.yaml and the folders "
                         + ", ".join(FOLDERS))
        for folder, (kind, endings) in FOLDERS.items():
            found[folder] = {}
            directory = self.root / folder
            if not directory.is_dir():
                continue
            for path in sorted(directory.iterdir()):
                if path.name.startswith("."):
                    continue
                slug, ending = _split_name(path.name)
                if path.is_dir() or ending.lower() not in endings:
                    self.problem(path, "unexpected-file", f"'{path.name}' is not a {kind} file",
                                 f"{kind} files end with {' or '.join(endings)}")
                    continue
                if not re.fullmatch(SLUG_PATTERN, slug) or ending not in endings:
                    self.problem(path, "bad-slug", f"the file name '{path.name}' is not a valid "
                                 "slug", f"rename it to {suggest_slug(slug)}{endings[0]} "
                                 "(lowercase a-z, digits and hyphens)")
                    continue
                if folder in PAGED_FOLDERS and slug.isdigit():
                    self.problem(path, "bad-slug", f"the file name '{path.name}' is only a "
                                 f"number: {folder}/{slug}/ is the address of a page of the "
                                 "list", f"rename it, e.g. to {kind}-{slug}{endings[0]}")
                    continue
                if folder == "pages" and slug in RESERVED_PAGE_SLUGS:
                    self.problem(path, "duplicate-slug", f"the page slug '{slug}' is used by the "
                                 "site itself", f"rename it, e.g. to {slug}-info.md")
                    continue
                if slug in found[folder]:
                    self.problem(path, "duplicate-slug", f"the slug '{slug}' is used twice in "
                                 f"{folder}/ (also {found[folder][slug].name})",
                                 "rename or remove one of the files")
                    continue
                found[folder][slug] = path
        return found

    def load_place(self, slug: str, path: Path) -> model.Place | None:
        return self.memo("place", slug, path, self.read_place)

    def read_place(self, slug: str, path: Path) -> model.Place | None:
        document = self.read_yaml(path)
        values = self.convert(schema.PLACE, document) if document else None
        if values is None or document is None:
            return None
        if isinstance(values.get("opening_hours"), model.Text):  # the older form: hours in words
            values["opening_hours_note"] = values.pop("opening_hours")
        return schema.PLACE.make(values, slug=slug, source=model.Source(
            document.path, document.source(document.root).line))

    def load_markdown(self, record: Record, path: Path
                      ) -> tuple[dict[str, Any], model.Text | None, model.Source] | None:
        parsed = self.read_markdown(path)
        if parsed is None:
            return None
        document, body, body_line = parsed
        values = self.convert(record, document)
        if values is None:
            return None
        translated = values.pop("body", None)
        text = body.strip("\n")
        items = dict(translated.items) if translated else {}
        default = self.languages[0]
        if text.strip() and default in items:
            self.problem(path, "duplicate-key", f"the body in '{default}' is given twice: below "
                         "the front matter and in 'body'", f"remove '{default}' from 'body'",
                         line=body_line)
            return None
        if text.strip():
            items[default] = text + "\n"
        order = {lang: i for i, lang in enumerate(self.languages)}
        body_text = model.Text(tuple(sorted(items.items(), key=lambda kv: order.get(kv[0], 99)))) \
            if items else None
        return values, body_text, model.Source(document.path, 1)

    def load_organisation(self, slug: str, path: Path) -> model.Organisation | None:
        read = self.memo("organisation", slug, path, self.read_organisation)
        if read is None:
            return None
        organisation, positions = read
        if not self.check_business_id(organisation, positions):
            return None
        self.problems += review_problems(organisation, positions, self.today,
                                         self.review_after, self.hide_after)
        return organisation

    def read_organisation(self, slug: str, path: Path
                          ) -> tuple[model.Organisation, dict[str, tuple[int, int]]] | None:
        """An organisation file on its own (what other files say is checked after), and the
        (line, column) of its keys."""
        loaded = self.load_markdown(schema.ORGANISATION, path)
        if loaded is None:
            return None
        values, body, source = loaded
        activities = self.make_activities(slug, values, source.path)
        positions = {k.value: (k.start_mark.line + 2, k.start_mark.column + 1)
                     for k, _ in values["_node"].value if isinstance(k.value, str)}
        return schema.ORGANISATION.make(values, slug=slug, body=body, source=source,
                                        activities=activities), positions

    def check_business_id(self, organisation: model.Organisation,
                          positions: dict[str, tuple[int, int]]) -> bool:
        """A Y-tunnus belongs to one organisation: a second use is nearly always a slip."""
        business_id, path = organisation.business_id, organisation.source.path
        if business_id is None:
            return True
        if business_id not in self.business_ids:
            self.business_ids[business_id] = path
            return True
        self.problems.append(Problem(
            path, *positions["business_id"], "duplicate-value",
            "business_id", f"the business ID {business_id} is also used by "
            f"{self.business_ids[business_id]}", "copy the right Y-tunnus from ytj.fi"))
        return False

    def make_activities(self, slug: str, values: dict[str, Any], path: str
                        ) -> tuple[model.Activity, ...]:
        """Activity objects of an organisation (the schema has checked that ids are unique)."""
        return tuple(
            schema.ACTIVITY_RECORD.make(item, organisation=slug, source=model.Source(
                path, item["_node"].start_mark.line + 2))  # front matter starts on line 2
            for item in values.get("activities", ()))

    def load_partnership(self, slug: str, path: Path) -> model.Partnership | None:
        return self.memo("partnership", slug, path, self.read_partnership)

    def read_partnership(self, slug: str, path: Path) -> model.Partnership | None:
        loaded = self.load_markdown(schema.PARTNERSHIP, path)
        if loaded is None:
            return None
        values, body, source = loaded
        return schema.PARTNERSHIP.make(values, slug=slug, body=body, source=source)

    def load_page(self, slug: str, path: Path) -> model.Page | None:
        return self.memo("page", slug, path, self.read_page)

    def read_page(self, slug: str, path: Path) -> model.Page | None:
        loaded = self.load_markdown(schema.PAGE, path)
        if loaded is None:
            return None
        values, body, source = loaded
        return schema.PAGE.make(values, slug=slug, body=body, source=source)


def _languages_in(document: Document) -> tuple[str, ...] | None:
    """The site languages, read early: every translatable text needs them."""
    root = document.root
    if root is None or not hasattr(root, "value") or not isinstance(root.value, list):
        return None
    for key, value in root.value:
        if getattr(key, "value", None) == "languages" and isinstance(value.value, list):
            codes = tuple(getattr(v, "value", "") for v in value.value)
            if codes and all(c in schema.SUPPORTED_LANGUAGES for c in codes):
                return codes
    return None


def _split_name(name: str) -> tuple[str, str]:
    stem, dot, ending = name.rpartition(".")
    return (stem, "." + ending) if dot else (name, "")


def today_in(timezone: str) -> dt.date:
    """Today's date in the site's time zone (not the machine's)."""
    return dt.datetime.now(zoneinfo.ZoneInfo(timezone)).date()


def load_content(root: Path, today: dt.date | None = None,
                 cache: LoadCache | None = None) -> model.Content:
    """Load and validate a content folder; raise ContentError listing every problem.

    `today` is the date date-dependent checks use (e.g. whether a contact's consent has
    ended); by default today in the site's time zone (Europe/Helsinki unless site.yaml says).
    With a cache (the preview's), files unchanged since the last load are not parsed again."""
    loader = Loader(root, today, cache)
    try:
        content = loader.load()
    finally:
        if cache is not None:
            cache.dirty.clear()
    if loader.problems:  # warnings only: keep them with the content for the caller to show
        content.extra["warnings"] = sorted(set(loader.problems))
    return content

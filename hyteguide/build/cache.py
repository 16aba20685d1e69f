"""The build cache: a folder that lets the next build reuse what has not changed.

It keeps every file the build wrote (as blobs named by their content) and, for each page in
each language, what the page was made from: its own page data and what its rendering read
(dependencies.py), each compared by a fingerprint. The next build renders again only the pages
whose fingerprints differ; the others are linked from the cache. The whole-guide files (search,
feeds, open data, the calendar's week data) are reused when no content file changed and the
build day is the same. Everything is fingerprinted together with the code, the templates, the
site-wide content and the build's options (`Fingerprint`), so a cache made by another version
or for another site is never used: it is replaced.

The output is the same, byte for byte, as a build without the cache
(tests/build/test_buildcache.py).
The cache is read as data only (JSON and blobs), never as code, so a cache restored from
somewhere else cannot run anything.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hyteguide.common.files import write_whole
from hyteguide.common.problems import relative_path
from hyteguide.content import safefiles
from hyteguide.web.dependencies import SOURCED, Dependency, digest, ident
from hyteguide.web.sources import template_folders

VERSION = 1
MANIFEST = "manifest.json"
MEMO = "memo"
BLOBS = "blobs"
# The libraries whose output ends up in pages (their versions are part of the fingerprint).
LIBRARIES = ("jinja2", "markupsafe", "markdown", "pyyaml", "icalendar", "lunr", "zxing-cpp",
             "python-dateutil")


def _hash_files(paths: Iterable[Path], root: Path, hasher: Any) -> None:
    for path in sorted(paths):
        if path.is_file():
            hasher.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            hasher.update(path.read_bytes())
            hasher.update(b"\0")


def code_fingerprint(templates: Path) -> bytes:
    """The code, the templates (with their messages and assets) and the libraries' versions."""
    hasher = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parents[1]  # the hyteguide package
    _hash_files(package.rglob("*.py"), package, hasher)
    for folder in template_folders(templates):  # a region's overrides, then the defaults
        _hash_files(folder.rglob("*"), folder, hasher)
    for name in LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        hasher.update(f"{name}={version}\0".encode())
    return hasher.digest()


@dataclass(frozen=True)
class ContentFiles:
    """Each content file's fingerprint (its bytes and the date of its last commit), keyed like
    model.Source.path; `site_wide` is that of every file that is not one object's own
    (site.yaml, vocabulary.yaml, anything else in the folder)."""

    own: dict[str, bytes]
    site_wide: bytes
    whole: bytes  # of every file: what the whole-guide files are made from


def content_files(content_dir: Path, guide: Any, changed: dict[str, Any]) -> ContentFiles:
    """Fingerprint every file of the content folder."""
    sources = {target.source.path for target in _objects(guide)}
    own: dict[str, bytes] = {}
    others = hashlib.blake2b(digest_size=16)
    whole = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        name = relative_path(path, content_dir)
        try:
            data = safefiles.read_bytes(path, content_dir)
        except OSError as err:  # not content the build read (the loader said why): its name
            data = f"\0{type(err).__name__}".encode()
        value = hashlib.blake2b(data, digest_size=16)
        value.update(str(changed.get(name, "")).encode())
        found = value.digest()
        whole.update(name.encode("utf-8") + b"\0" + found)
        if name in sources:
            own[name] = found
        else:
            others.update(name.encode("utf-8") + b"\0" + found)
    return ContentFiles(own, others.digest(), whole.digest())


def _objects(guide: Any) -> Iterable[Any]:
    content = guide.content
    for organisation in content.organisations:
        yield organisation
        yield from organisation.activities
    yield from content.places
    yield from content.partnerships
    yield from content.pages


@dataclass
class PageEntry:
    """What the cache knows of one page in one language."""

    key: bytes  # the fingerprint of all it was made from
    dependencies: tuple[int, ...]  # in Manifest.dependencies
    blob: str


@dataclass
class Manifest:
    """The cache's index: its fingerprint, the pages, the whole-guide tasks' files."""

    fingerprint: str
    dependencies: list[Dependency] = field(default_factory=list)
    pages: dict[tuple[str, str], PageEntry] = field(default_factory=dict)
    # task name → its key and files: (path, blob, search file size or None)
    tasks: dict[str, tuple[str, tuple[tuple[str, str, Any], ...]]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({
            "version": VERSION, "fingerprint": self.fingerprint,
            "dependencies": self.dependencies,
            "pages": [[path, lang, e.key.hex(), e.dependencies, e.blob]
                      for (path, lang), e in self.pages.items()],
            "tasks": {name: [key, files] for name, (key, files) in self.tasks.items()},
        }, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        if data.get("version") != VERSION:
            raise ValueError("another version's cache")
        return cls(
            data["fingerprint"], [tuple(d) for d in data["dependencies"]],
            {(path, lang): PageEntry(bytes.fromhex(key), tuple(deps), blob)
             for path, lang, key, deps, blob in data["pages"]},
            {name: (key, tuple((p, b, size) for p, b, size in files))
             for name, (key, files) in data["tasks"].items()})


class Output(Protocol):
    """Where a build's files go (write.Staging)."""

    def put(self, relative: str, data: bytes) -> str: ...

    def link(self, relative: str, source: Path) -> None: ...


class BuildCache:
    """The cache folder of one build: what it can reuse, and what it keeps for the next."""

    def __init__(self, folder: Path, code: bytes, base_url: str, files: ContentFiles,
                 guide: Any, menu: Any = ()):
        self.folder = folder
        self.blobs = folder / BLOBS
        # What every page is made from: the code and templates, the address, the site-wide
        # content, which free pages the footer menu lists (their titles are their files').
        # When any of it changes, the cache starts afresh.
        self.fingerprint = digest((code, base_url, files.site_wide, ident(menu))).hex()
        self.files = files
        self.guide = guide
        self.old = self._read()
        self.new = Manifest(self.fingerprint)
        self._numbers: dict[Dependency, int] = {}
        self._parts: dict[Dependency, bytes] = {}
        self._memo: dict[int, Any] = {}  # ident of values shared by many pages (a term's list)
        self.reused_pages = 0
        self.reused_tasks = 0
        self._buckets: set[str] = set()  # blob folders made (by this process)

    def _read(self) -> Manifest | None:
        try:
            manifest = Manifest.from_json((self.folder / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            manifest = None  # no cache yet, or one this build cannot read
        if manifest is None or manifest.fingerprint != self.fingerprint:
            shutil.rmtree(self.folder / MEMO, ignore_errors=True)  # start afresh
            return None
        return manifest

    def memo_path(self, task: str) -> Path:
        """Where a whole-guide task remembers what it worked out from texts (memo.py)."""
        return self.folder / MEMO / f"{task}.json"

    # -- fingerprints ---------------------------------------------------------------------------

    def page_digest(self, spec: Any, lang: str, context: dict[str, Any]) -> bytes:
        """The fingerprint of a page's own data in a language (render.PageSpec and its
        context as the template gets it), with the files of the objects it names."""
        memo = self._memo
        files = [self.files.own.get(o.source.path, b"") for o in _shallow(context.values())]
        return digest((spec.path, spec.template, ident(spec.title, memo), spec.priority,
                       spec.listed, lang, ident(context, memo), files))

    def _digest_of(self, dependency: Dependency) -> bytes:
        """The fingerprint of what a dependency is now (dependencies.py lists the kinds)."""
        guide, kind = self.guide, dependency[0]
        if kind == "file":
            return self.files.own.get(dependency[1], b"missing")
        if kind == "today":
            return digest(guide.today.isoformat())
        if kind == "whole":
            return digest((self.files.whole, guide.today.isoformat()))
        if kind == "item":
            index = getattr(guide, dependency[1])
            if dependency[2] not in index:
                return digest(("missing",))
            return digest(ident(index[dependency[2]], self._memo))
        if kind == "has":
            return digest(dependency[2] in getattr(guide, dependency[1]))
        if kind == "attr":
            return digest(ident(getattr(guide, dependency[1]), self._memo))
        if kind == "content":
            return digest(ident(getattr(guide.content, dependency[1]), self._memo))
        if kind == "day":
            from hyteguide.feeds.jsonldschedule import (
                day_parts,  # the one owner of what follows the build day
            )

            activity = guide.activity_by_key.get(dependency[1])
            return digest(ident(day_parts(activity, guide.today) if activity else None))
        raise ValueError(f"unknown dependency {dependency!r}")

    def page_key(self, page_digest: bytes, dependencies: Iterable[Dependency]) -> bytes:
        """The fingerprint of a page: its own data and each dependency with what it is now
        (in any order)."""
        hasher = hashlib.blake2b(page_digest, digest_size=16)
        for part in sorted(self.dependency_part(d) for d in dependencies):
            hasher.update(part)
        return hasher.digest()

    def dependency_part(self, dependency: Dependency) -> bytes:
        """A dependency and what it is now, as one fingerprint."""
        known = self._parts.get(dependency)
        if known is None:
            known = self._parts[dependency] = hashlib.blake2b(
                repr(dependency).encode("utf-8") + self._digest_of(dependency),
                digest_size=16).digest()
        return known

    # -- pages ----------------------------------------------------------------------------------

    def reusable(self, path: str, lang: str, page_digest: bytes) -> str | None:
        """The blob of a page the cache has as it would be made now, else None. (Asked in the
        workers: it changes nothing; the build keeps the page with `keep_reused`.)"""
        if self.old is None:
            return None
        entry = self.old.pages.get((path, lang))
        if entry is None:
            return None
        dependencies = [self.old.dependencies[n] for n in entry.dependencies]
        if self.page_key(page_digest, dependencies) != entry.key:
            return None
        return entry.blob

    def keep_reused(self, path: str, lang: str) -> None:
        """Keep a page `reusable` gave for the next build, as it was."""
        assert self.old is not None
        entry = self.old.pages[(path, lang)]
        dependencies = [self.old.dependencies[n] for n in entry.dependencies]
        self.keep_page(path, lang, entry.key, dependencies, entry.blob)
        self.reused_pages += 1

    def keep_page(self, path: str, lang: str, key: bytes, dependencies: Iterable[Dependency],
                  blob: str) -> None:
        """Remember a page for the next build."""
        numbers = []
        for dependency in dependencies:
            number = self._numbers.get(dependency)
            if number is None:
                number = self._numbers[dependency] = len(self.new.dependencies)
                self.new.dependencies.append(dependency)
            numbers.append(number)
        self.new.pages[(path, lang)] = PageEntry(key, tuple(sorted(numbers)), blob)

    # -- whole-guide tasks ----------------------------------------------------------------------

    def task_key(self, name: str) -> str:
        return digest((name, self.files.whole, self.guide.today.isoformat())).hex()

    def reusable_task(self, name: str) -> tuple[tuple[str, str, Any], ...] | None:
        """The files of a whole-guide task (search, feeds, open data of a language) when no
        content file changed and the build day is the same; else None."""
        if self.old is None or name not in self.old.tasks:
            return None
        key, files = self.old.tasks[name]
        if key != self.task_key(name):
            return None
        self.new.tasks[name] = (key, files)
        self.reused_tasks += 1
        return files

    def keep_task(self, name: str, files: Sequence[tuple[str, str, Any]]) -> None:
        self.new.tasks[name] = (self.task_key(name), tuple(files))

    # -- blobs ----------------------------------------------------------------------------------

    def blob_path(self, blob: str) -> Path:
        return self.blobs / blob[:2] / blob[2:]

    def store(self, data: bytes, written: str) -> str:
        """Keep a file the build wrote (data, at the path written) as a blob, named by its
        content: a hard link to it (a copy across file systems); return the blob's name."""
        blob = hashlib.blake2b(data, digest_size=16).hexdigest()
        path = self.blob_path(blob)
        bucket = str(path.parent)
        if bucket not in self._buckets:
            os.makedirs(bucket, exist_ok=True)
            self._buckets.add(bucket)
        try:
            os.link(written, path)
        except FileExistsError:
            pass  # the same content, kept before
        except OSError:  # another file system: a copy
            write_whole(path, data)
        return blob

    def summary(self) -> str:
        """The build report's line on what the cache gave."""
        pages = len(self.new.pages)
        tasks = len(self.new.tasks)
        state = "" if self.old is not None else " (a new cache: nothing to reuse)"
        return (f"Build cache {self.folder}{state}: {self.reused_pages:,} of {pages:,} pages "
                f"and {self.reused_tasks} of {tasks} search, feed, open data and calendar "
                f"data tasks reused.")

    def save(self) -> None:
        """Write the new index and remove the blobs no page or task uses any more."""
        write_whole(self.folder / MANIFEST, self.new.to_json().encode("utf-8"))
        used = {e.blob for e in self.new.pages.values()}
        used.update(blob for _, files in self.new.tasks.values() for _, blob, _ in files)
        if not self.blobs.is_dir():
            return
        for bucket in self.blobs.iterdir():
            for path in bucket.iterdir():
                if bucket.name + path.name not in used:
                    path.unlink()


def _shallow(values: Iterable[Any]) -> Iterable[Any]:
    """The content objects among values and in their lists (not deeper)."""
    for value in values:
        if isinstance(value, SOURCED):
            yield value
        elif isinstance(value, (tuple, list)):
            yield from (item for item in value if isinstance(item, SOURCED))

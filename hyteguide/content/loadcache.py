"""The preview's load cache: what earlier loads made of each content file, reused while the
file's bytes and its surroundings are unchanged."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hyteguide.common.problems import Problem
from hyteguide.content import safefiles


class LoadCache:
    """What earlier loads of a content folder made of each file, for the preview: a file whose
    bytes, and whose surroundings (site.yaml, vocabulary.yaml, the files' slugs, the check
    date), are unchanged is not parsed or validated again. Its objects are reused as they are,
    so later stages can tell unchanged objects by identity.

    A file is read again when its stat (times, size, inode) differs from the last load's or
    when it is among the `dirty` paths the file watcher saw change (a second save within the
    clock's resolution can keep the times)."""

    def __init__(self) -> None:
        self.surroundings: object = None
        self.files: dict[tuple[str, str], tuple[tuple, bytes, object, list[Problem]]] = {}
        self.dirty: set[str] = set()

    def settle(self, surroundings: object) -> None:
        """Forget every file when what all files depend on has changed."""
        if surroundings != self.surroundings:
            self.surroundings, self.files = surroundings, {}

    def remembered(self, kind: str, slug: str, path: Path, make: Any,
                   problems: list[Problem], root: Path) -> Any:
        """make(slug, path), or what it gave for the same bytes in an earlier load; the
        problems it found (then or now) are added to `problems`. root: the content folder
        (a file that is not its own is left to make, which says why)."""
        try:
            status = path.stat()
            signature = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)
            known = self.files.get((kind, slug))
            if known and known[0] == signature and os.path.abspath(path) not in self.dirty:
                data = known[1]
            else:
                data = safefiles.read_bytes(path, root)
        except OSError:
            return make(slug, path)
        if known is not None and known[1] == data:
            self.files[(kind, slug)] = (signature, *known[1:])
            problems.extend(known[3])
            return known[2]
        before = len(problems)
        made = make(slug, path)
        self.files[(kind, slug)] = (signature, data, made, problems[before:])
        return made

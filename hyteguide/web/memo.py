"""What a whole-guide task worked out from a text, remembered by the build cache for the next
build: the words of a Markdown text, the search terms of a text. Each is a pure function of
its text (and of the code, which the cache's fingerprint covers), so a remembered result is
the one the function would give.

A task opens its memo (`remembering`, one JSON file in the cache folder for each task) and
the functions ask `remembered`; without an open memo they just work it out. The file written
at the end holds what this build asked, so it never grows with texts no longer in the guide.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hyteguide.common.files import write_whole

_active: Memo | None = None


class Memo:
    """Results by kind and text: those of the last build, and those asked in this one."""

    def __init__(self, old: dict[str, Any]):
        self.old = old
        self.new: dict[str, Any] = {}

    def get(self, kind: str, text: str, make: Callable[[], Any]) -> Any:
        key = kind + ":" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                           digest_size=16).hexdigest()
        found = self.new.get(key)
        if found is None:
            found = self.old.get(key)
            if found is None:
                found = make()
            self.new[key] = found
        return found


def remembered(kind: str, text: str, make: Callable[[], Any]) -> Any:
    """make() for text, or what the open memo remembers of it (a str or a list of str)."""
    return make() if _active is None else _active.get(kind, text, make)


@contextmanager
def remembering(path: Path | None) -> Iterator[None]:
    """Open the memo at path (None: none) for the block; write what it was asked at the end."""
    global _active
    if path is None:
        yield
        return
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(old, dict):
            old = {}
    except (OSError, ValueError):
        old = {}
    memo, outer = Memo(old), _active
    _active = memo
    try:
        yield
    finally:
        _active = outer
    write_whole(path, json.dumps(memo.new, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8"))

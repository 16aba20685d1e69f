"""Writing one file whole or not at all, with the mode open() would give it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()  # what open() gives a new file


def write_whole(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a temporary file beside it, renamed over it), with
    the mode open() would give it; its folder is made if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    os.fchmod(handle, FILE_MODE)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)

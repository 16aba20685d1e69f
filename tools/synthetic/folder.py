"""Writing a region safely: only into a folder that is missing, empty or was written by the
generator (it holds MARKER), built beside it first and swapped in when complete."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MARKER = ".bench-generated"


def prepare(out: Path) -> Path:
    """A fresh sibling folder to write into; refuses an `out` that the generator did not write."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SystemExit(f"error: {out} is a symbolic link or not a folder; not touching it")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"error: {out} is not empty and has no {MARKER} marker, so it was not "
                         "written by this script; refusing to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.generating-{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    return work


def swap_in(work: Path, out: Path) -> None:
    """Replace `out` by the finished `work` folder."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(old)
    work.rename(out)
    if old is not None:
        shutil.rmtree(old)

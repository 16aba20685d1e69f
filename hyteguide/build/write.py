"""Write: the whole site goes to a temporary folder beside the output and is swapped in at the end.

A failed or interrupted build leaves the previous output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

MARKER = ".nojekyll"  # every hyteguide site has it; a folder without it is not ours to replace


class UnsafeOutput(Exception):
    """The output folder holds something that is not a hyteguide site."""


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UnsafeOutput(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UnsafeOutput(f"refusing to replace {target}: it is not empty and was not built by "
                           "hyteguide (no .nojekyll); choose another output folder")


STALE_SECONDS = 3600  # a staging folder this old belongs to a build that was killed


def recover(target: Path) -> None:
    """Restore the previous output if an earlier build stopped between its two renames,
    and remove what killed builds left behind."""
    for old in sorted(target.parent.glob(f".{target.name}.old-*")):
        if not target.exists():
            old.rename(target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for staging in target.parent.glob(f".{target.name}.tmp-*"):
        if time.time() - staging.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(staging, ignore_errors=True)


class Staging:
    """A fresh folder beside the target that the files of a build go into (from any process:
    forked workers write their own pages), then swapped in place of the target by commit()."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        recover(self.target)
        _check_target(self.target)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.tmp-",
                                            dir=self.target.parent))
        self._root = str(self.folder) + os.sep
        self._made: set[str] = set()  # folders made (by this process; a worker has its own)

    def put(self, relative: str, data: bytes) -> str:
        """Write one file of the site; refuses paths that lead outside it. (Checked on the
        path's text: the folder is new and only put() makes anything in it, so there is no
        link in it to follow; resolving each path cost more than writing the file.) Returns
        where it was written."""
        path = self._path(relative)
        with open(path, "wb") as file:
            file.write(data)
        return path

    def _path(self, relative: str) -> str:
        """Where a site path goes in the staging folder, its folder made."""
        path = os.path.normpath(os.path.join(self._root, relative))
        if not path.startswith(self._root):
            raise UnsafeOutput(f"refusing to write outside the output folder: {relative}")
        folder = os.path.dirname(path)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        return path

    def link(self, relative: str, source: Path) -> None:
        """Put a file of the build cache into the site: a hard link (no copy; the cache never
        changes a file once written), or a copy where the two are on different file systems."""
        path = self._path(relative)
        try:
            os.link(source, path)
        except OSError:
            shutil.copyfile(source, path)

    def commit(self) -> None:
        """Swap the staged site in place of the target."""
        os.chmod(self.folder, 0o755)
        _swap(self.folder, self.target)

    def discard(self) -> None:
        """Remove the staged files; the target stays as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)


def write_site(target: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write all files into a fresh folder, then swap it in place of target; return the count."""
    staging = Staging(target)
    count = 0
    try:
        for relative, data in files:
            staging.put(relative, data)
            count += 1
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    return count


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)

"""Write: the whole site goes to a temporary folder beside the output and is swapped in at the end.

A failed or interrupted build leaves the previous output as it was. On Linux the swap is one
atomic exchange of the two folders (renameat2 RENAME_EXCHANGE), so that even a build killed at
any instant leaves a whole site in place; elsewhere it is two renames, and the next build puts
back what a kill between them left aside. An output folder that is a mount point (a container's
volume) cannot be renamed: its contents are swapped instead, entry by entry.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
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
IN_PLACE = ".hyteguide-"  # the staging and old folders inside an output that is a mount point


def _owner_gone(folder: Path) -> bool:
    """Whether the build that made a staging folder ('.site.tmp-<pid>-…') has ended: its
    process is gone, or (a name without a process id, or one that cannot be asked) it is over
    an hour old."""
    pid = folder.name.rsplit(".tmp-", 1)[-1].split("-", 1)[0]
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
    try:
        return time.time() - folder.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def recover(target: Path) -> None:
    """Restore the previous output if an earlier build stopped between its two renames,
    and remove what killed builds left behind."""
    for old in sorted(target.parent.glob(f".{target.name}.old-*")):
        if not target.exists():
            old.rename(target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for staging in target.parent.glob(f".{target.name}.tmp-*"):
        if _owner_gone(staging):
            shutil.rmtree(staging, ignore_errors=True)
    if target.is_dir():
        _recover_in_place(target)


class Staging:
    """A fresh folder beside the target that the files of a build go into (from any process:
    forked workers write their own pages), then swapped in place of the target by commit()."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        recover(self.target)
        _check_target(self.target)
        # A mount point cannot be renamed: stage inside it and swap its contents.
        self.in_place = os.path.ismount(self.target)
        self.folder = Path(tempfile.mkdtemp(
            prefix=f"{IN_PLACE}tmp-{os.getpid()}-" if self.in_place
            else f".{self.target.name}.tmp-{os.getpid()}-",
            dir=self.target if self.in_place else self.target.parent))
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
        if self.in_place:
            _swap_contents(self.folder, self.target)
        else:
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


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 RENAME_EXCHANGE); False where the system
    cannot (another OS, an old kernel or file system): the caller renames twice instead."""
    if not hasattr(os, "O_PATH"):  # not Linux
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                       rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):  # the new site in place, the old one where staging was
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _swap_contents(staging: Path, target: Path) -> None:
    """Swap an output folder's contents for staging's (staging is inside it): the old entries
    go into an 'old' folder beside staging, then staging's entries up. Not atomic: a kill in
    between leaves both folders, and recover() puts the old site back."""
    old = Path(tempfile.mkdtemp(prefix=f"{IN_PLACE}old-", dir=target))
    for entry in sorted(target.iterdir()):
        if not entry.name.startswith(IN_PLACE):
            entry.rename(old / entry.name)
    for entry in sorted(staging.iterdir()):
        entry.rename(target / entry.name)
    staging.rmdir()
    shutil.rmtree(old, ignore_errors=True)


def _recover_in_place(target: Path) -> None:
    """In an output folder that is a mount point: put back the old site if a kill stopped a
    swap of its contents before the new site was whole (no marker yet), and remove the rest."""
    olds = sorted(target.glob(f"{IN_PLACE}old-*"))
    if olds and not (target / MARKER).exists():
        for entry in olds[0].iterdir():
            if not (target / entry.name).exists():
                entry.rename(target / entry.name)
    for leftover in olds:
        shutil.rmtree(leftover, ignore_errors=True)
    for staging in target.glob(f"{IN_PLACE}tmp-*"):
        if _owner_gone(staging):
            shutil.rmtree(staging, ignore_errors=True)

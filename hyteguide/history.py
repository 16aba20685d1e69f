"""When each content file last changed, from git: shown on pages as "last changed".

One `git log` over the content folder gives, for every file, the date of the newest commit that
touched it. Commit dates depend only on the commit, so a build of a given commit is
deterministic. Outside a git checkout, without git, or in a shallow clone (where every file would
seem changed by the one commit fetched) there are no dates, and pages show none.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .problems import relative_path


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def head(content_dir: Path) -> str | None:
    """The commit checked out (None outside git): last_changed is the same until it changes."""
    try:
        return _git(content_dir.resolve(), "rev-parse", "HEAD").strip()
    except (OSError, subprocess.SubprocessError):
        return None


def last_changed(content_dir: Path) -> dict[str, dt.date]:
    """Date of the last commit of each content file, keyed like model.Source.path."""
    root = content_dir.resolve()
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
            return {}
        log = _git(top, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--",
                   str(root))
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:  # newest first: keep the first date seen
            dates.setdefault(relative_path(top / line, root), day)
    return dates

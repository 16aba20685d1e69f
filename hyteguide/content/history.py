"""When each content file last changed, from git: shown on pages as "last changed".

One `git log` over the content folder gives, for every file, the date of the newest commit that
touched it. Commit dates depend only on the commit, so a build of a given commit is
deterministic. Outside a git checkout, without git, or in a shallow clone (where every file would
seem changed by the one commit fetched) there are no dates, and pages show none.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hyteguide.common.problems import relative_path


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=True, timeout=120).stdout


def head(content_dir: Path) -> str | None:
    """The commit checked out (None outside git): last_changed is the same until it changes."""
    try:
        return _git(content_dir.resolve(), "rev-parse", "HEAD").strip()
    except (OSError, subprocess.SubprocessError):
        return None


@dataclass(frozen=True)
class Commit:
    """The last commit of a content file: its day (as git shows it, the committer's own
    date) and its instant (UTC), which calendar files give as LAST-MODIFIED and SEQUENCE."""

    day: dt.date
    instant: dt.datetime


def last_commits(content_dir: Path) -> dict[str, Commit]:
    """The last commit of each content file, keyed like model.Source.path."""
    root = content_dir.resolve()
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
            return {}
        log = _git(top, "log", "--format=%x00%cs %ct", "--name-only", "--no-renames", "--",
                   str(root))
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, Commit] = {}
    commit = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            day, seconds = line[1:].split()
            commit = Commit(dt.date.fromisoformat(day),
                            dt.datetime.fromtimestamp(int(seconds), dt.UTC))
        elif line and commit is not None:  # newest first: keep the first commit seen
            found.setdefault(relative_path(top / line, root), commit)
    return found


def last_changed(content_dir: Path) -> dict[str, dt.date]:
    """Date of the last commit of each content file, keyed like model.Source.path."""
    return {path: commit.day for path, commit in last_commits(content_dir).items()}

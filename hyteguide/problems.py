"""Content problems: one place that says what is wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, with its position (1-based line and column)."""

    path: str
    line: int
    col: int
    code: str
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        """`path:line:col: error[code]: field: message`, then the hint on its own line."""
        where = f"{self.path}:{self.line}:{self.col}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {self.severity}[{self.code}]: {what}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_report(self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choices, or '' when none is close."""
    choices = sorted(set(choices))
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = difflib.get_close_matches(word.lower(), list(lowered), n=3, cutoff=0.6)
        close = [lowered[c] for c in close]
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def format_report(problems: Iterable[Problem]) -> str:
    """All problems as text, followed by a count."""
    problems = list(problems)
    lines = [p.format() for p in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def relative_path(path: Path, root: Path) -> str:
    """A path as editors see it in the repository: relative to root's parent when possible."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()

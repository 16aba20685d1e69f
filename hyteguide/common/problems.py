"""Content problems: one place that says what is wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
import json
import re
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

    def __post_init__(self) -> None:
        # Messages quote what an editor wrote: keep a 5,000-digit number or a 10 MB line from
        # flooding the terminal and CI annotations, and control characters (a terminal's
        # escape sequences, bidi overrides) from acting on them.
        for name, limit in (("field", 200), ("message", 600), ("hint", 1000)):
            object.__setattr__(self, name, shown(getattr(self, name), limit))

    def format(self) -> str:
        """`path:line:col: error[code]: field: message`, then the hint on its own line."""
        where = f"{self.path}:{self.line}:{self.col}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {self.severity}[{self.code}]: {what}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                       "\u2066-\u2069\ufeff]")


def shown(text: str, limit: int) -> str:
    """text as a message may quote it: controls and invisible marks as \\uXXXX, and at most
    limit characters: a long one keeps its start and its end (where a message says what is
    wrong with the value it quotes), with '…' between."""
    text = _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[len(text) - (limit - 1 - half):]


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
    lines.append(format_counts(problems))
    return "\n".join(lines)


def _counts(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) among problems."""
    problems = list(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    return errors, len(problems) - errors


def format_counts(problems: Iterable[Problem]) -> str:
    """The one-line count that ends a report: `2 error(s), 1 warning(s)`."""
    errors, warnings = _counts(problems)
    return f"{errors} error(s), {warnings} warning(s)"


def has_errors(problems: Iterable[Problem]) -> bool:
    """True when any problem is an error (warnings alone do not fail a check)."""
    return any(p.severity == "error" for p in problems)


def escape_data(value: str) -> str:
    """Escape the message of a GitHub workflow command: `%`, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value of a GitHub workflow command: as data, plus `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem]) -> str:
    """Problems as GitHub Actions annotations, one line each, sorted as in the text report.

    `::error file=PATH,line=L,col=C,title=CODE: FIELD::MESSAGE — hint: HINT` (warnings as
    `::warning`), escaped as GitHub's workflow commands require, so each problem shows on its
    line of a pull request's diff. PATH is repository-relative, as Problem.path already is.
    """
    lines = []
    for p in sorted(set(problems)):
        level = "warning" if p.severity == "warning" else "error"
        title = f"{p.code}: {p.field}" if p.field else p.code
        properties = ",".join(f"{name}={escape_property(str(value))}" for name, value in (
            ("file", p.path), ("line", p.line), ("col", p.col), ("title", title)))
        message = f"{p.message} — hint: {p.hint}" if p.hint else p.message
        lines.append(f"::{level} {properties}::{escape_data(message)}")
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    """Problems as a JSON document for tools, sorted as in the text report.

    `{"errors": n, "warnings": n, "problems": [{"path", "line", "column", "severity", "code",
    "field", "message", "hint"}, ...]}`.
    """
    problems = sorted(set(problems))
    errors, warnings = _counts(problems)
    return json.dumps({
        "errors": errors,
        "warnings": warnings,
        "problems": [{"path": p.path, "line": p.line, "column": p.col, "severity": p.severity,
                      "code": p.code, "field": p.field, "message": p.message, "hint": p.hint}
                     for p in problems],
    }, ensure_ascii=False, indent=2)


def relative_path(path: Path, root: Path) -> str:
    """A path as editors see it in the repository: relative to root's parent when possible."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()

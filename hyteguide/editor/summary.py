"""`hyteguide check --format summary`: the check's problems as a Markdown report for editors.

An editor who changed an entry in the form editor (/admin/) sends it as a pull request; the
check workflow writes this report to the run's summary and as a comment on the pull request
(.github/workflows/check.yml). It is in the editor's language and in the words of the form:

- a heading with the count, or a short all-clear line;
- the problems grouped by entry, each entry by the name the form lists it under and its
  collection's label;
- each problem: whether it must be fixed, the field as the path of form labels
  (editor/formpath.py), one plain sentence for its code (editor/labels/<lang>.yaml:
  `problems`), then the check's own message and hint (in English, as the footer says) and the
  line, for those who edit files.

Everything an editor wrote (names, titles, keys, values quoted in messages) is plain text here:
Markdown and HTML are escaped, and @mentions, #references and web addresses are broken with an
invisible word joiner, so that a comment neither pings anyone nor links anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from hyteguide.common.problems import Problem, shown
from hyteguide.content.schema import SUPPORTED_LANGUAGES
from hyteguide.editor.formpath import Entry, FormPath, read_entry
from hyteguide.editor.labels import labels

# GitHub refuses a comment over 65,536 characters; the report stops listing before that.
MAX_CHARS = 60_000
# U+2060 WORD JOINER: invisible, and no longer an @mention, #reference or web address.
JOINER = "\u2060"
SEPARATOR = " › "
# What Markdown, GitHub's math and HTML read in running text (., -, + and = only start a list
# or a heading at the start of a line, where no value is written).
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()<>#|~!&$^])")
_LINKISH = re.compile(r"(?i)(@|#|\bgh-|://|\bwww(?=\.))")


def plain(text: str, limit: int = 600) -> str:
    """text as plain Markdown text on one line: shown as written, never as Markdown or HTML, no
    mention, reference or link (see the module)."""
    text = " ".join(shown(text, limit).split())
    text = _LINKISH.sub(lambda m: f":{JOINER}//" if m.group() == "://" else m.group() + JOINER,
                        text)
    return _PUNCTUATION.sub(r"\\\1", text)


def site_language(content: Path) -> str:
    """The site's first language (site.yaml `languages`), the report's default; fi when it
    cannot be read."""
    try:
        site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
        first = site["languages"][0]
    except (OSError, UnicodeError, yaml.YAMLError, TypeError, KeyError, IndexError):
        return SUPPORTED_LANGUAGES[0]
    return first if first in SUPPORTED_LANGUAGES else SUPPORTED_LANGUAGES[0]


def _count(words: dict[str, str], what: str, n: int) -> str:
    return words[f"{what}_one"] if n == 1 else words[f"{what}_other"].format(n=n)


def _heading(words: dict[str, str], problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = [_count(words, what, n) for what, n in (("errors", errors), ("warnings", warnings))
              if n]
    return f"## {words['title']}: {', '.join(counts)}"


class Summary:
    """The report in one language for problems found in one content folder."""

    def __init__(self, content: Path, lang: str, first: str | None = None):
        self.content, self.lang = content, lang
        self.table = labels(lang)
        self.words: dict[str, str] = self.table["report"]
        self.sentences: dict[str, str] = self.table["problems"]
        self.form = FormPath(self.table, lang, first or site_language(content))

    def entry(self, path: str) -> Entry:
        """The entry of a problem's path (repository-relative: content's parent + path)."""
        file = Path(path)
        if not file.is_absolute():
            file = self.content.parent / file
        return read_entry(file, self.content, self.lang, self.form.first)

    def heading(self, entry: Entry, path: str) -> list[str]:
        collection = ""
        if entry.collection:
            texts = self.table.get("collections", {}).get(entry.collection, {})
            collection = f" · {plain(str(texts.get('label', entry.collection)))}"
        return [f"### {plain(entry.name)}{collection}", "",
                f"{self.words['file']}: {plain(path)}", ""]

    def problem(self, entry: Entry, p: Problem) -> list[str]:
        """One problem as a list item of lines (each but the last ends in a hard break)."""
        where = SEPARATOR.join(plain(name) for name in self.form.names(entry, p.field)) \
            or self.words["whole_file"]
        level = self.words["error" if p.severity == "error" else "warning"]
        lines = [f"- **{level}:** {where} ({self.words['line'].format(line=p.line)})"]
        if p.code in self.sentences:
            lines.append(f"  {plain(self.sentences[p.code])}")
        lines.append(f"  {self.words['detail']}: {plain(p.message)}")
        if p.hint:
            lines.append(f"  {self.words['hint']}: {plain(p.hint, 1000)}")
        return [line + "  " for line in lines[:-1]] + [lines[-1]]

    def report(self, problems: Iterable[Problem]) -> str:
        """The whole report (see the module); at most about MAX_CHARS characters."""
        problems = sorted(set(problems))
        if not problems:
            return f"## {self.words['title']}: {self.words['all_clear']}\n"
        lines = [_heading(self.words, problems), ""]
        size, told = len(lines[0]), 0
        groups: dict[str, list[Problem]] = {}
        for p in problems:
            groups.setdefault(p.path, []).append(p)
        for path, found in groups.items():
            entry = self.entry(path)
            part = self.heading(entry, path)
            items: list[str] = []
            full = False
            for p in sorted(found, key=lambda p: (p.line, p.col, p.field, p.code)):
                item = [*self.problem(entry, p), ""]
                cost = sum(len(line) + 1 for line in (item if items else part + item))
                if size + cost > MAX_CHARS:
                    full = True
                    break
                items += item
                size, told = size + cost, told + 1
            if items:
                lines += part + items
            if full:
                break
        if told < len(problems):
            lines += [self.words["more"].format(n=len(problems) - told), ""]
        footer = ["---", "", self.words["footer"], ""]
        return "\n".join(lines + footer)


def format_summary(problems: Iterable[Problem], content: Path, lang: str | None = None) -> str:
    """The report for editors in lang (default: the site's first language)."""
    return Summary(content, lang or site_language(content)).report(problems)


def summary_gaps(table: dict[str, Any], codes: Iterable[str]) -> list[str]:
    """What a label file lacks for this report: a sentence for each of codes, and the
    report's words; empty when complete."""
    sentences = table.get("problems") or {}
    found = [f"problems.{code}: missing" for code in sorted(set(codes))
             if not str(sentences.get(code) or "").strip()]
    words = table.get("report") or {}
    wanted = ("title", "errors_one", "errors_other", "warnings_one", "warnings_other",
              "all_clear", "error", "warning", "file", "line", "whole_file", "detail", "hint",
              "more", "footer")
    found += [f"report.{key}: missing" for key in wanted if not str(words.get(key) or "")]
    return found
